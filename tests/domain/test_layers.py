"""The layers below the screens never load the screen libraries: domain, store, export and
audio import nothing of Textual or Rich (checked in a fresh interpreter, nothing loaded
before); importing audio loads neither sounddevice nor soundfile (only recording does)."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import importlib, json, pkgutil, sys
import live_notes
for layer in ("domain", "store", "export", "audio"):
    package = importlib.import_module(f"live_notes.{layer}")
    for module in pkgutil.walk_packages(package.__path__, f"live_notes.{layer}."):
        importlib.import_module(module.name)
import live_notes.store as store
for name in store.__all__:
    getattr(store, name)
loaded = sorted(
    {m.split(".")[0] for m in sys.modules} & {"textual", "rich", "sounddevice", "soundfile"}
)
print(json.dumps({"loaded": loaded, "modules": len(sys.modules)}))
"""


def test_domain_store_export_and_audio_load_neither_textual_nor_rich() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=120
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["loaded"] == []
    assert result["modules"] > 50  # the layers were really imported
