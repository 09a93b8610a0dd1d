"""The meeting model and the live-session commands: no Textual, no I/O."""
