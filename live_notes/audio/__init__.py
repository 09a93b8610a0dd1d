"""The meeting's sound: recorded beside the record, played back from a line's moment.

No Textual here, and neither sounddevice (PortAudio) nor soundfile is imported
until a recording starts or a sound is played or written, so opening the app
costs nothing when the clerk does not record.

- `segments`: the ``ID.audio/`` folder of WAV segments, written crash-proof, and the
  timeline that joins them;
- `sources`: where the sound comes from (a device, or a WAV file played in real time);
- `recorder`: the thread that takes the sound in, keeps the position and the level;
- `player`: plays the timeline from a position to a device or a null output;
- `errors`: what the clerk is told.
"""
