"""The domain: plain Python dataclasses and pure functions, with no UI and no storage.

Nothing under ``tui.core`` may import textual or tinydb; a test checks it.
"""
