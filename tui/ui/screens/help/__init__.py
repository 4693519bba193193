"""tui.ui.screens.help."""
