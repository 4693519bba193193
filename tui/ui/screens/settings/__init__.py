"""tui.ui.screens.settings."""
