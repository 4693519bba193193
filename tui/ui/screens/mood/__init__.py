"""tui.ui.screens.mood."""
