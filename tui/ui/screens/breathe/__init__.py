"""tui.ui.screens.breathe."""
