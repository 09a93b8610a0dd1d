"""Sample meeting plans, role sets and abbreviation lists shipped with live-notes."""
