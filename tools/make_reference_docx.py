"""Write the reference.docx of each shipped style: the built-in Word look, an empty body.

    .venv/bin/python tools/make_reference_docx.py

The files are committed as data; a body restyles its copy in Word (fonts, sizes,
margins, heading styles) and never needs this script.
"""

from __future__ import annotations

import tomllib

from docx import Document

from live_notes.export.docx_look import apply_default_look
from live_notes.export.style import REFERENCE_DOCX, SHIPPED, STYLE_FILE


def main() -> None:
    for folder in sorted(p for p in SHIPPED.iterdir() if (p / STYLE_FILE).is_file()):
        lang = tomllib.loads((folder / STYLE_FILE).read_text(encoding="utf-8")).get("lang", "ja")
        doc = Document()
        apply_default_look(doc, lang)
        doc.core_properties.title = f"{folder.name} reference"
        doc.core_properties.author = "live-notes"
        doc.save(str(folder / REFERENCE_DOCX))
        print(folder / REFERENCE_DOCX)


if __name__ == "__main__":
    main()
