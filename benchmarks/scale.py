"""Memory and time at a million records: a cold build, a miss, an edit and a common word.

    python benchmarks/scale.py [--records N] [--rounds R] [--data DIR] [--cache DIR]
                               [--no-cold]

Generates one knowledge file of about N records (1,000,000 by default; 40% entities,
60% events, with benchmarks/generate.py; `--data` reuses a folder generate.py wrote),
then measures, each a fresh process, timed from the outside with its peak RSS:

- the cold build (`brief check`, empty cache) against libyaml's parse of the same files
  (target: at most 1.5x), and its peak memory (target: under 500 MB);
- a miss with suggestions (`brief define QZXWV`, target: under 1 s) and a warm hit;
- R rounds of a one-line edit of the small file `extra.yaml`, each timing the next
  `brief define X` and then a warm call (target: the first at most 1.3x the second);
- R interleaved rounds of `search` of a rare word (a person's full name) and of the
  word in the most titles (target: the common one at most 1.3x the rare one).

brief runs from a compiled copy of src/ taken at the start, as in run.py. `--cache`
keeps the index in DIR (reused by the next run with the same code and data), and
`--no-cold` leaves out the cold build and the parse. It takes several minutes.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from run import (  # noqa: E402
    LIBYAML_PARSE,
    PY,
    TARGET_COLD_VS_LIBYAML,
    TARGET_COMMON_VS_RARE,
    TARGET_EDIT_VS_WARM,
    Case,
    base_env,
    brief_command,
    edit_rounds,
    generate_knowledge,
    machine,
    measure_rounds,
    run_once,
    take_snapshot,
)

HERE = Path(__file__).parent


def met(ok: bool) -> str:
    return "met" if ok else "MISSED"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--data", type=Path, help="knowledge generate.py wrote (reused)")
    parser.add_argument("--cache", type=Path, help="the cache folder (kept)")
    parser.add_argument("--no-cold", action="store_true", help="no cold build, no parse")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="brief-scale-") as tmp_name:
        tmp = Path(tmp_name)
        take_snapshot(tmp)
        data = args.data or tmp / "data"
        if args.data is None:
            generate_knowledge(data, args.records * 2 // 5, args.records * 3 // 5, 1)
        manifest = json.loads((data / "manifest.json").read_text(encoding="utf-8"))
        probes = manifest["probes"]
        size = sum(p.stat().st_size for p in data.glob("*.yaml")) / 1e6
        env = base_env(args.cache or tmp / "cache")
        brief = [*brief_command(), "--data", str(data)]
        build = libyaml = None
        if args.no_cold:
            run_once([*brief, "check"], env)  # the index is current
        else:
            build, _ = run_once([*brief, "check"], env)
            script = tmp / "libyaml_parse.py"
            script.write_text(LIBYAML_PARSE)
            libyaml, _ = run_once([PY, str(script), str(data)], env)
        miss, text = run_once([*brief, "define", "QZXWV"], env, capture=True)
        hit, _ = run_once([*brief, "define", "QZXWV", "--json"], env)
        define = [*brief, "define", probes["define"]]
        after, warm = edit_rounds(brief, define, env, data / manifest["extra_file"],
                                  args.rounds)
        run_once([*brief, "check"], env)  # the file is back as generated
        rare = Case("rare", [*brief, "search", probes["search"]], env)
        common = Case("common", [*brief, "search", probes["search_common"]], env)
        measure_rounds([rare, common], args.rounds)
    info = machine()
    edit_ratio = statistics.median(a.seconds / w.seconds for a, w in zip(after, warm, strict=True))
    search_ratio = common.paired(rare)
    records = manifest["records"]
    print(f"Machine: {info['nproc']} CPUs, {info['cpu']}; revision {info['revision']}")
    print(f"Command: python benchmarks/scale.py {' '.join(sys.argv[1:] if argv is None else argv)}"
          "\n")
    print(f"| {records:,} records, {size:.0f} MB | s | peak RSS MB | target |")
    print("|---|---:|---:|---|")
    if build is not None and libyaml is not None:
        cold_ratio = build.seconds / libyaml.seconds
        print(f"| cold build (`brief check`) | {build.seconds:.1f} | "
              f"{build.maxrss_kb / 1024:.0f} | < 500 MB: {met(build.maxrss_kb < 500 * 1024)} |")
        print(f"| libyaml's parse of the same files | {libyaml.seconds:.1f} | "
              f"{libyaml.maxrss_kb / 1024:.0f} | build / parse {cold_ratio:.2f}x "
              f"≤ {TARGET_COLD_VS_LIBYAML}x: {met(cold_ratio <= TARGET_COLD_VS_LIBYAML)} |")
    print(f"| a miss with suggestions | {miss.seconds:.2f} | {miss.maxrss_kb / 1024:.0f} | "
          f"< 1 s: {met(miss.seconds < 1)} |")
    print(f"| the same miss as JSON | {hit.seconds:.2f} | {hit.maxrss_kb / 1024:.0f} | |")
    after_s = statistics.median(s.seconds for s in after)
    warm_s = statistics.median(s.seconds for s in warm)
    print(f"| first call after a one-line edit of `extra.yaml` | {after_s:.3f} | "
          f"{statistics.median(s.maxrss_kb for s in after) / 1024:.0f} | "
          f"{edit_ratio:.2f}x warm ≤ {TARGET_EDIT_VS_WARM}x: "
          f"{met(edit_ratio <= TARGET_EDIT_VS_WARM)} |")
    print(f"| warm call (`define {probes['define']}`) | {warm_s:.3f} | "
          f"{statistics.median(s.maxrss_kb for s in warm) / 1024:.0f} | |")
    print(f"| `search {probes['search']}` (rare) | {rare.median():.3f} | "
          f"{rare.rss_mb():.0f} | |")
    print(f"| `search {probes['search_common']}` ({probes.get('search_common_records', '?'):,} "
          f"matches) | {common.median():.3f} | {common.rss_mb():.0f} | "
          f"{search_ratio:.2f}x rare ≤ {TARGET_COMMON_VS_RARE}x: "
          f"{met(search_ratio <= TARGET_COMMON_VS_RARE)} |")
    print(f"\nMedians of {args.rounds} rounds; ratios are medians of the ratios within a round.")
    print("\n" + text.strip().splitlines()[-2])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
