"""The shipped house styles, one folder each (package data: style.toml, templates, reference.docx)."""
