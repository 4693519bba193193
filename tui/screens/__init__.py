"""One Screen per file; sections are loaded lazily by the app (see tui.sections)."""
