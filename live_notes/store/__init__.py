"""live_notes.store."""
