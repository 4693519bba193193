"""tui.ui.screens."""
