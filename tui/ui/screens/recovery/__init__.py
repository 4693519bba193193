"""tui.ui.screens.recovery."""
