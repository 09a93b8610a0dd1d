"""What the clerk is told when the sound cannot be recorded or played (English, Japanese)."""

from __future__ import annotations

from live_notes.domain.errors import ClerkError

MESSAGES: dict[str, tuple[str, str]] = {
    "audio.no_portaudio": (
        "Recording needs PortAudio, which this computer lacks (on Debian or Ubuntu: "
        "sudo apt install libportaudio2). The notes go on without the sound.",
        "録音には PortAudio が必要ですが、このコンピューターにはありません"
        "(Debian・Ubuntu では sudo apt install libportaudio2)。録音なしで記録を続けます。",
    ),
    "audio.no_portaudio_play": (
        "Playing needs PortAudio, which this computer lacks (on Debian or Ubuntu: "
        "sudo apt install libportaudio2). The notes are not affected.",
        "再生には PortAudio が必要ですが、このコンピューターにはありません"
        "(Debian・Ubuntu では sudo apt install libportaudio2)。記録には影響しません。",
    ),
    "audio.no_device": (
        "No sound input device could be opened ({detail}). The notes go on without the sound.",
        "録音デバイスを開けません({detail})。録音なしで記録を続けます。",
    ),
    "audio.no_output": (
        "No sound output device could be opened ({detail}).",
        "再生デバイスを開けません({detail})。",
    ),
    "audio.bad_file": (
        "{path}: not a WAV file that can be recorded from ({detail}).",
        "{path}: 録音元にできる WAV ファイルではありません({detail})。",
    ),
    "audio.disk_full": (
        "The disk is full: the recording stopped at {at}; the sound up to there is kept. "
        "The notes go on.",
        "ディスクがいっぱいです。録音は {at} で止まりました(そこまでの音声は保存済み)。"
        "記録は続けられます。",
    ),
    "audio.write_failed": (
        "The recording stopped at {at}: the sound cannot be written ({detail}). "
        "The sound up to there is kept; the notes go on.",
        "録音は {at} で止まりました。音声を書き込めません({detail})。"
        "そこまでの音声は保存済みです。記録は続けられます。",
    ),
    "audio.none": ("This meeting has no recording.", "この会議には録音がありません。"),
    "audio.no_offset": (
        "This line has no place in the recording (typed while not recording).",
        "この行には録音の位置がありません(録音していないときの入力です)。",
    ),
}


class AudioError(ClerkError):
    """The sound could not be recorded, played or written; the notes are not affected."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = dict(params)
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        """The message in the clerk's language ("ja" or "en")."""
        en, ja = MESSAGES[self.code]
        return (ja if lang == "ja" else en).format(**self.params)


def clock(seconds: float) -> str:
    """A position in the recording as ``H:MM:SS``."""
    whole = max(0, int(seconds))
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
