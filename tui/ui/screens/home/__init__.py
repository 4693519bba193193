"""tui.ui.screens.home."""
