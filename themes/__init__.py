"""Textual themes and stylesheets shipped with live-notes."""
