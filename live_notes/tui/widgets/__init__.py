"""live_notes.tui.widgets."""
