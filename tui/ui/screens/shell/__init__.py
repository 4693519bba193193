"""tui.ui.screens.shell."""
