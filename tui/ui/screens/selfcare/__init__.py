"""tui.ui.screens.selfcare."""
