"""The placeholder shown for a section while the database is still being read."""
