"""live-notes: take council and committee minutes live, export draft minutes."""

__version__ = "0.1.0"
