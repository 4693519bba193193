"""tui.ui.dialogs."""
