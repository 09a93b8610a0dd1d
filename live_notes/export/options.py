"""What the clerk chooses when exporting, and what an export reports back."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from live_notes.domain.models import LabelStyle, Lang, Meeting

if TYPE_CHECKING:
    from pathlib import Path

    from live_notes.export.jadate import Era
    from live_notes.export.style import Style

Edition = Literal["public", "internal"]

FORMATS: tuple[str, ...] = ("docx", "md", "html", "txt", "csv", "json")
"""Every export format, by its file suffix."""


RECORDING_FORMATS: tuple[str, ...] = ("vtt",)
"""Formats that index the recording (`live_notes.export.vtt`), for the command line."""


@dataclass
class ExportOptions:
    """How to write the minutes.

    Attributes:
        lang: Language of the minutes; None follows the meeting (``header.lang``).
        edition: "public" leaves out off-the-record lines and reduces items held in
            closed session to their title; "internal" keeps everything.
        with_names: Speaker labels with the person's name (the internal record style)
            instead of the role alone.
        anonymise: With `with_names`, each speaker by a letter instead of the name
            (A委員, Member B), the same letter for one member throughout the meeting; other
            speakers (the chair, staff) by their role alone.
        label_style: How speaker labels are printed; None follows the meeting.
        fullwidth: Full-width digits in Japanese dates, times and counts.
        eras: Era table for Japanese dates (None: the built-in eras).
        template_dir: A folder whose templates override the shipped ones by file name.
        final: Leave out the 案 / DRAFT mark.
        style: The house style by name; None follows the plan (``style = "…"``), else
            the default style of the minutes' language.
        file_mode: Permissions of the written file (the clerk's ``export_mode``
            setting); exports hold personal information, so only the clerk's by default.
    """

    lang: str | None = None
    edition: Edition = "public"
    with_names: bool = False
    anonymise: bool = False
    label_style: LabelStyle | None = None
    fullwidth: bool = False
    eras: list[Era] | None = None
    template_dir: Path | None = None
    final: bool = False
    style: str | None = None
    file_mode: int = 0o600

    def __post_init__(self) -> None:
        if self.edition not in ("public", "internal"):
            raise ValueError(f"edition must be 'public' or 'internal', not {self.edition!r}")
        if self.anonymise and not self.with_names:
            raise ValueError("--anonymise works with --names: add --names to letter the speakers")
        if self.lang is not None:
            Lang(self.lang)  # refuses an unknown language early, with the value in the message
        if self.label_style is not None:
            # Accept the plain name ("mark") from the command line or the config file.
            self.label_style = LabelStyle(self.label_style)

    def lang_for(self, meeting: Meeting) -> Lang:
        """The language the minutes are written in."""
        return Lang(self.lang) if self.lang else meeting.header.lang

    def style_for(self, meeting: Meeting, style: Style | None = None) -> LabelStyle:
        """The speaker label style in use: the clerk's choice, else the house style's,
        else the meeting's."""
        if self.label_style is not None:
            return self.label_style
        chosen = style.choice("labels", "style", "") if style is not None else ""
        return LabelStyle(chosen) if chosen else meeting.header.label_style

    def house_style(self, meeting: Meeting) -> Style:
        """The house style in use (see `style`).

        Raises:
            StyleError: the named style does not exist or cannot be read.
        """
        from live_notes.export.style import DEFAULT_STYLES, load_style

        lang = self.lang_for(meeting).value
        name = self.style or meeting.header.style or DEFAULT_STYLES[lang]
        style = load_style(name)
        if style.lang != lang:
            # A Japanese style for English minutes (or the reverse): the language's default.
            return load_style(DEFAULT_STYLES[lang])
        return style

    @property
    def public(self) -> bool:
        """Whether this is the public edition."""
        return self.edition == "public"


@dataclass
class ExportResult:
    """A written export.

    Attributes:
        path: The file written.
        warnings: What the clerk should look at before publishing (lines still
            flagged "verify later", items without a conclusion, …).
    """

    path: Path
    warnings: list[str] = field(default_factory=list)


def options_from_settings(
    eras: list[Any],
    label_style: str | None,
    templates: Path | None,
    file_mode: int | None = None,
    **chosen: Any,
) -> ExportOptions:
    """Export options from what the clerk chose (`chosen`) and the clerk's settings: the
    extra eras, the label style, a folder of templates (used when it exists) and the
    written file's mode.

    Raises:
        ValueError: an era or label style in the settings is wrong (a message naming it).
    """
    from live_notes.export.jadate import parse_eras

    options = ExportOptions(**chosen)
    if file_mode is not None:
        options.file_mode = file_mode
    if eras:
        options.eras = parse_eras(eras)
    if label_style and options.label_style is None:
        try:
            options.label_style = LabelStyle(label_style)
        except ValueError:
            styles = ", ".join(style.value for style in LabelStyle)
            raise ValueError(
                f"label_style {label_style!r} in the settings is not one of {styles}"
            ) from None
    if options.template_dir is None and templates is not None and templates.is_dir():
        options.template_dir = templates
    return options
