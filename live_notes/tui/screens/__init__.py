"""live_notes.tui.screens."""
