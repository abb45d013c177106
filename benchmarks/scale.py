"""Memory and time at a million records: a cold build, and a miss with suggestions.

    python benchmarks/scale.py [--records N]

Generates one knowledge file of about N records (1,000,000 by default; 40% entities,
60% events, with benchmarks/generate.py), then measures, each a fresh process, timed
from the outside with its peak RSS: the cold build (`brief check`, empty cache), a miss
with suggestions (`brief define QZXWV`) and a warm hit. Targets: the cold build's peak
under 500 MB, the miss under 1 s. It takes several minutes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from run import base_env, brief_command, generate_knowledge, machine, run_once  # noqa: E402

HERE = Path(__file__).parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="brief-scale-") as tmp_name:
        tmp = Path(tmp_name)
        data = tmp / "data"
        generate_knowledge(data, args.records * 2 // 5, args.records * 3 // 5, 1)
        size = sum(p.stat().st_size for p in data.glob("*.yaml")) / 1e6
        env = base_env(tmp / "cache")
        brief = [*brief_command(), "--data", str(data)]
        build, _ = run_once([*brief, "check"], env)
        miss, text = run_once([*brief, "define", "QZXWV"], env, capture=True)
        hit, _ = run_once([*brief, "define", "QZXWV", "--json"], env)
    info = machine()
    print(f"Machine: {info['nproc']} CPUs, {info['cpu']}; revision {info['revision']}")
    print(f"Command: python benchmarks/scale.py --records {args.records}\n")
    print(f"| {args.records:,} records, one file of {size:.0f} MB | s | peak RSS MB | target |")
    print("|---|---:|---:|---|")
    print(f"| cold build (`brief check`) | {build.seconds:.1f} | {build.maxrss_kb / 1024:.0f} | "
          f"< 500 MB: {'met' if build.maxrss_kb < 500 * 1024 else 'MISSED'} |")
    print(f"| a miss with suggestions | {miss.seconds:.2f} | {miss.maxrss_kb / 1024:.0f} | "
          f"< 1 s: {'met' if miss.seconds < 1 else 'MISSED'} |")
    print(f"| the same miss as JSON | {hit.seconds:.2f} | {hit.maxrss_kb / 1024:.0f} | |")
    print("\n" + text.strip().splitlines()[-2])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
