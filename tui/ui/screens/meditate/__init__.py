"""tui.ui.screens.meditate: the guided meditation player and the guide picker."""
