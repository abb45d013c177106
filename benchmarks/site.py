"""Benchmark `brief site`: build time and size of the static site of generated knowledge.

    python benchmarks/site.py [--records N] [--files N] [--keep DIR] [--compare REV]
                              [--repeats N]

Run it with the interpreter brief is installed in. It generates knowledge of about N
records (default 100,000; `generate.py`, as run.py does, in one file per 2,500 records
unless `--files` says how many), builds its index once
(`brief check`, not counted), then times, each a fresh process timed from the outside
(wall clock; peak memory as run.py measures it):

1. the first build of the site into an empty folder;
2. a rebuild with nothing changed;
3. a rebuild after a one-line edit (one entity's role changed in place, in the largest
   file), which includes bringing the index up to date;
4. a rebuild after an entity was appended to `extra.yaml`.

It reports the files written, unchanged and removed (brief's own summary), each case's
time as a ratio of the first build's (measured in the same run), the number of files
and the size of the site (bytes of its files, and the disk space `du` counts), and the
search index: its files, its total size and its largest shard.

With `--compare REV` (54e69a1 is the last revision that made every page again to compare
its bytes) each case is also run, right after this code's, by the `src/` of revision REV
(`git archive`, as run.py's --compare does) into a site folder and a cache of its own,
and each case's time is also given as a ratio of REV's same case. With `--repeats N`
each case is run N times (the edit 2N times: edited, then back, each a one-line edit; the
entity appended N times, each removal a round not timed) and its fastest round reported:
on a shared machine the fastest is the one least slowed by other work.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import run  # noqa: E402  (its process runner, generator and machine description)

ADDED = """\
  - id: site-bench-added
    name: Added Entity
    kind: organization
    role: appended by the site benchmark
"""


def site_size(folder: Path) -> tuple[int, int, int]:
    """(files, bytes of their content, bytes on disk as `du` counts them)."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    content = sum(p.stat().st_size for p in files)
    disk = subprocess.run(["du", "-sk", str(folder)], capture_output=True, text=True)
    on_disk = int(disk.stdout.split()[0]) * 1024 if disk.returncode == 0 else 0
    return len(files), content, on_disk


def timed(label: str, argv: list[str], env: dict[str, str]) -> dict[str, object]:
    """One run: its wall time, its CPU time (user and system, with the workers it
    forked and waited for: less moved by other work on a shared machine), peak memory."""
    run.progress(label)
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = proc.stdout.read() if proc.stdout is not None else b""
    if proc.stdout is not None:
        proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    text = output.decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{label} failed:\n{text[-3000:]}")
    summary = next((line for line in text.splitlines() if line.startswith("wrote ")), "")
    return {"case": label, "seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
            "rss_mb": usage.ru_maxrss / 1024, "summary": summary}


def case(label: str, argv: list[str], env: dict[str, str],
         other: tuple[list[str], dict[str, str]] | None, rounds: int = 1,
         setup: Callable[[int], bool] | None = None) -> list[dict[str, object]]:
    """The case with this code, then (with --compare) with the other revision, `rounds`
    times, interleaved; each side's fastest round. `setup(round)` prepares a round and
    says whether it is timed (an untimed round brings the sites back in step)."""
    best: list[dict[str, object]] = []
    for n in range(rounds):
        timed_round = setup(n) if setup is not None else True
        sides = [timed(label if timed_round else f"{label} (untimed)", argv, env)]
        if other is not None:
            sides.append(timed(f"{label} (then)" if timed_round else f"{label} (then, untimed)",
                               *other))
        if not timed_round:
            continue
        if not best:
            best = sides
        else:
            best = [a if float(str(a["seconds"])) <= float(str(b["seconds"])) else b
                    for a, b in zip(best, sides, strict=True)]
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--compare", metavar="REV",
                        help="also time each case with the src/ of this revision")
    parser.add_argument("--files", type=int,
                        help="knowledge files to generate (default: one per 2,500 records)")
    parser.add_argument("--repeats", type=int, default=1,
                        help="rounds of each case (its fastest is reported)")
    args = parser.parse_args(argv)

    tmp = args.keep or Path(tempfile.mkdtemp(prefix="brief-site-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        data, cache, out = tmp / "data", tmp / "cache", tmp / "site"
        entities, events = generate.plan(args.records)
        files = max(1, args.files or args.records // 2500)
        if not data.exists():
            run.progress(f"generating {args.records:,} records ({files} files)")
            run.generate_knowledge(data, entities, events, files)
        shutil.rmtree(tmp / "snapshot", ignore_errors=True)
        run.take_snapshot(tmp)  # edits to the checkout during the run are not measured
        env = run.base_env(cache)
        brief = run.brief_command()
        check = run.run_once([*brief, "check", "--data", str(data)], env)[0]
        if check.returncode != 0:
            raise SystemExit("brief check failed on the generated knowledge")
        shutil.rmtree(out, ignore_errors=True)
        build = [*brief, "site", str(out), "--data", str(data)]
        then: tuple[list[str], dict[str, str]] | None = None
        if args.compare:
            src = run.baseline_source(tmp, args.compare)
            if src is None:
                raise SystemExit(f"--compare: no revision {args.compare}")
            then_out = tmp / "site-then"
            shutil.rmtree(then_out, ignore_errors=True)
            then_env = {**run.base_env(tmp / "cache-then"), "PYTHONPATH": str(src)}
            then = ([run.PY, "-m", "briefcli", "site", str(then_out), "--data", str(data)],
                    then_env)
            if run.run_once([run.PY, "-m", "briefcli", "check", "--data", str(data)],
                            then_env)[0].returncode != 0:
                raise SystemExit(f"brief check of {args.compare} failed")
        def empty(_: int) -> bool:
            shutil.rmtree(out, ignore_errors=True)
            if args.compare:
                shutil.rmtree(tmp / "site-then", ignore_errors=True)
            return True

        rounds = max(1, args.repeats)
        rows = case("first build", build, env, then, rounds, empty)
        count, content, disk = site_size(out)
        rows += case("rebuild, nothing changed", build, env, then, rounds)
        largest = max((p for p in data.glob("*.yaml")), key=lambda p: p.stat().st_size)
        before = largest.read_bytes()
        text = before.decode("utf-8")
        at = text.index("\n    role: ") + 1
        end = text.index("\n", at)
        edited = (text[:at] + "    role: edited by the site benchmark" + text[end:]).encode()

        def edit(n: int) -> bool:  # the edit, then its undoing: a one-line edit each
            largest.write_bytes(edited if n % 2 == 0 else before)
            return True

        extra = data / generate.EXTRA_FILE
        original = extra.read_bytes()

        def append(n: int) -> bool:  # the entity appended (timed), then removed (not)
            extra.write_bytes(original + (ADDED.encode() if n % 2 == 0 else b""))
            return n % 2 == 0

        try:
            rows += case("rebuild after a one-line edit", build, env, then, 2 * rounds, edit)
            rows += case("rebuild after appending an entity", build, env, then, 2 * rounds,
                         append)
        finally:
            largest.write_bytes(before)
            extra.write_bytes(original)  # a kept folder can be measured again
        shards = [p.stat().st_size for p in (out / "search").glob("*.js")]
        biggest = max(p.stat().st_size for p in (out / "search").glob("p-*.js"))
        info = run.machine()
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)

    print(f"machine: {info['nproc']} CPUs, {info['cpu']}; {info['system']}")
    print(f"knowledge: about {args.records:,} records ({entities:,} entities, "
          f"{events:,} events, {files} files)")
    print(f"site: {count:,} files, {content / 1e6:.0f} MB of content, {disk / 1e6:.0f} MB "
          f"on disk; search index {len(shards):,} files, {sum(shards) / 1e6:.1f} MB, "
          f"largest shard {biggest / 1024:.0f} KiB")
    print()
    step = 2 if args.compare else 1
    then_head = f" × {args.compare} (wall, CPU) |" if args.compare else ""
    print(f"| case | wall s | CPU s | × first build (wall, CPU) |{then_head} peak RSS MB "
          "| brief's summary |")
    print("|---|---:|---:|---:|" + ("---:|" if args.compare else "") + "---:|---|")

    def number(row: dict[str, object], key: str) -> float:
        return float(str(row[key]))

    for n, row in enumerate(rows):
        mine = n % step == 0
        first = rows[0] if mine else rows[1]
        vs = ""
        if args.compare:
            other = rows[n + 1] if mine else row
            vs = (f" {number(row, 'seconds') / number(other, 'seconds'):.3f}, "
                  f"{number(row, 'cpu') / number(other, 'cpu'):.3f} |" if mine else " |")
        print(f"| {row['case']} | {number(row, 'seconds'):.2f} | {number(row, 'cpu'):.2f} | "
              f"{number(row, 'seconds') / number(first, 'seconds'):.3f}, "
              f"{number(row, 'cpu') / number(first, 'cpu'):.3f} |{vs} "
              f"{number(row, 'rss_mb'):.0f} | {row['summary']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
