"""Export of draft minutes."""
