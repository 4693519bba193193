"""The app in a browser on this machine only: textual-serve behind Heartwork's access control.

Imported only by ``heartwork serve`` (the optional ``heartwork[web]`` extra);
nothing here imports textual: each browser tab runs the app in its own process.
"""
