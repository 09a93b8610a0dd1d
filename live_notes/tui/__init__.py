"""live_notes.tui."""
