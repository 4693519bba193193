"""tui.ui.screens.affirm."""
