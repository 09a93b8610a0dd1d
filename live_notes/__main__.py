"""``python -m live_notes``: the same as the ``live-notes`` command (no script on PATH needed)."""

import sys

from live_notes.cli import main

sys.exit(main())
