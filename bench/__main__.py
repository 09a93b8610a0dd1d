"""Run every benchmark and write docs/benchmarks.md and docs/benchmarks.json.

Each module listed in MODULES has ``run() -> list[Figure]``. Figures are merged
by name into the JSON file; the Markdown table is rewritten from all of them,
with the machine and the date. ``python -m bench store`` runs one module only.
"""

from __future__ import annotations

import importlib
import json
import os
import platform
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.common import Figure

MODULES = ["store", "export", "tui", "review", "audio"]
ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def machine() -> str:
    """A one-line description of this machine."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def main(argv: list[str]) -> int:
    """Run the named modules (all by default) and write the docs."""
    names = argv or MODULES
    DOCS.mkdir(exist_ok=True)
    json_path = DOCS / "benchmarks.json"
    stored = json.loads(json_path.read_text()) if json_path.exists() else {}
    figures: dict[str, dict] = stored.get("figures", {})
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M")
    for name in names:
        try:
            module = importlib.import_module(f"bench.{name}_bench")
        except ModuleNotFoundError as exc:
            print(f"skip {name}: {exc}")
            continue
        print(f"== {name}", flush=True)
        results: list[Figure] = module.run()
        for fig in results:
            mark = "" if fig.met is None else (" ok" if fig.met else " MISSED")
            print(f"{fig.name:45} {fig.value:12.3f} {fig.unit:3} {fig.target}{mark}")
            figures[fig.name] = {
                "value": fig.value,
                "unit": fig.unit,
                "what": fig.what,
                "target": fig.target,
                "met": fig.met,
                "measured": stamp,
            }
    out = {"machine": machine(), "updated": stamp, "figures": figures}
    json_path.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    write_markdown(out)
    return 0


def write_markdown(data: dict) -> None:
    """The table of docs/benchmarks.md, from the JSON figures."""
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`python -m bench`); do not edit by hand.",
        f"Machine: {data['machine']}. Last run: {data['updated']}.",
        "Figures in one section were measured side by side in one run;",
        "medians and p99 over the repetitions the module states.",
        "",
    ]
    sections: dict[str, list[tuple[str, dict]]] = {}
    for name, fig in sorted(data["figures"].items()):
        sections.setdefault(name.split(".", 1)[0], []).append((name, fig))
    for section, rows in sections.items():
        lines += [f"## {section}", "", "| figure | value | target | met | what | measured |"]
        lines.append("|---|---:|---|---|---|---|")
        for name, fig in rows:
            met = "" if fig["met"] is None else ("yes" if fig["met"] else "**no**")
            value = f"{fig['value']:.3f} {fig['unit']}"
            lines.append(
                f"| `{name}` | {value} | {fig['target']} | {met} | {fig['what']} | {fig['measured']} |"
            )
        lines.append("")
    (DOCS / "benchmarks.md").write_text("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
