"""Large answers: the terminal and plain text against JSON for the same answer.

    python benchmarks/answers.py [--events N] [--repeats N]

Generates knowledge of N events (20,000 by default, with benchmarks/generate.py),
builds its index, then times, interleaved round after round, each a fresh process:
`brief timeline` (all events) as JSON, as plain text, in colour (FORCE_COLOR) and as
Markdown, and `brief export` as JSON and as YAML. It prints the medians and the paired
ratios to the JSON run of the same answer. Targets: the terminal, plain text and the
YAML export within 2x the JSON time.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from run import Case, base_env, brief_command, generate_knowledge, machine, measure_rounds  # noqa: E402

HERE = Path(__file__).parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="brief-answers-") as tmp_name:
        tmp = Path(tmp_name)
        data = tmp / "data"
        generate_knowledge(data, 2000, args.events, 5)
        env = base_env(tmp / "cache")
        brief = [*brief_command(), "--data", str(data)]
        subprocess.run([*brief, "check"], env=env, check=True, capture_output=True)
        colour = {**env, "FORCE_COLOR": "1"}
        colour.pop("NO_COLOR", None)
        cases = {
            "timeline json": Case("timeline json", [*brief, "timeline", "--json"], env),
            "timeline plain": Case("timeline plain", [*brief, "timeline"], env),
            "timeline colour": Case("timeline colour", [*brief, "timeline"], colour),
            "timeline markdown": Case("timeline markdown",
                                      [*brief, "timeline", "-f", "markdown"], env),
            "export json": Case("export json", [*brief, "export", "-f", "json"], env),
            "export yaml": Case("export yaml", [*brief, "export"], env),
        }
        measure_rounds(list(cases.values()), args.repeats)
    info = machine()
    print(f"Machine: {info['nproc']} CPUs, {info['cpu']}, {info['system']}; "
          f"revision {info['revision']}")
    print(f"Command: python benchmarks/answers.py --events {args.events} "
          f"--repeats {args.repeats}\n")
    print(f"| answer ({args.events:,} events) | ms | vs JSON | ≤2x |")
    print("|---|---:|---:|---|")
    for name, case in cases.items():
        base = cases["export json" if name.startswith("export") else "timeline json"]
        ratio = case.paired(base)
        verdict = "" if case is base else ("met" if ratio <= 2 else "MISSED")
        print(f"| {name} | {case.median() * 1000:.0f} | {ratio:.2f}x | {verdict} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
