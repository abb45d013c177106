"""Two throughput benchmarks: the terminal timeline of 20,000 events, and `brief import
--from dictd` of the V.E.R.A. database.

    python benchmarks/render_import.py [--repeats N] [--events N] [--vera PATH]

Run it with the interpreter brief is installed in (for example `.venv/bin/python`).

- timeline: 20,000 generated events (dates of every precision, titles of 3 to 12 words,
  summaries of up to 40, a sense on one in seven) rendered by the terminal renderer at
  100 columns, plain and in colour, in this process; the best of N runs, and the
  digest of the output (the same at every version that writes the same bytes);
- import: `brief import --from dictd VERA.index -o OUT` in a process of its own, timed
  from the outside (wall clock), into an empty temporary folder; the best of N runs and
  entries per second. Skipped, with a message, when the database is absent
  (`apt-get install dict-vera` installs it at /usr/share/dictd/vera.index).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VERA = "/usr/share/dictd/vera.index"
WORDS = [
    "peace", "force", "mission", "council", "accord", "border", "talks", "vote", "treaty",
    "election", "report",
]


def events(count: int, seed: int = 1) -> object:
    from briefcli.knowledge.model import Event, Timeline

    rng = random.Random(seed)
    out = []
    for i in range(count):
        year, kind = rng.randint(1990, 2025), rng.random()
        if kind < 0.2:
            date = f"{year}"
        elif kind < 0.5:
            date = f"{year}-{rng.randint(1, 12):02d}"
        else:
            date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12))).capitalize()
        summary = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 40))) or None
        out.append(Event(f"e{i}", date, title, summary=summary))
    out.sort(key=lambda e: e.date)
    senses = {f"e{i}": "sense" for i in range(0, count, 7)}
    return Timeline("Timeline of X", out, senses)


def bench_timeline(count: int, repeats: int) -> list[str]:
    from briefcli.render import Output
    from briefcli.render.terminal import TerminalRenderer

    timeline = events(count)
    lines = []
    for color in (False, True):
        best, digest = float("inf"), ""
        for _ in range(repeats):
            stream = io.StringIO()
            start = time.perf_counter()
            TerminalRenderer(Output(stream, color=color, width=100)).timeline(timeline)  # type: ignore[arg-type]
            best = min(best, time.perf_counter() - start)
            digest = hashlib.sha256(stream.getvalue().encode()).hexdigest()[:12]
        label = "colour" if color else "plain"
        lines.append(f"timeline of {count:,} events, {label}: {best * 1000:.0f} ms "
                     f"(output sha256 {digest})")
    return lines


def bench_import(vera: str, repeats: int) -> list[str]:
    if not os.path.exists(vera):
        return [f"import: skipped, {vera} is absent (apt-get install dict-vera)"]
    brief = [sys.executable, "-m", "briefcli"]
    best, entries = float("inf"), 0
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder, "vera.yaml")
            start = time.perf_counter()
            proc = subprocess.run([*brief, "import", "--from", "dictd", vera, "-o", str(out)],
                                  capture_output=True, text=True)
            best = min(best, time.perf_counter() - start)
            if proc.returncode not in (0, 1) or not out.exists():
                return [f"import: failed ({proc.returncode}): {proc.stderr[-300:]}"]
            entries = out.read_text(encoding="utf-8").count("\n  - id: ")
    return [f"import --from dictd {vera}: {entries:,} entries in {best:.2f} s, "
            f"{entries / best:,.0f} entries/s (wall clock, whole command)"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--vera", default=VERA)
    args = parser.parse_args(argv)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"{platform.python_implementation()} {platform.python_version()}, {platform.system()}")
    for line in bench_timeline(args.events, args.repeats) + bench_import(args.vera, args.repeats):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
