"""tui.ui.screens.journal."""
