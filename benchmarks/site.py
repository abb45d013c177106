"""Benchmark `brief site`: build time and size of the static site of generated knowledge.

    python benchmarks/site.py [--records N] [--keep DIR]

Run it with the interpreter brief is installed in. It generates knowledge of about N
records (default 100,000; `generate.py`, as run.py does), builds its index once
(`brief check`, not counted), then times, each a fresh process timed from the outside
(wall clock; peak memory as run.py measures it):

1. the first build of the site into an empty folder;
2. a rebuild with nothing changed;
3. a rebuild after one file was edited (an entity appended to `extra.yaml`), which
   includes bringing the index up to date.

It reports the files written, unchanged and removed (brief's own summary), the number
of files and the size of the site (bytes of its files, and the disk space `du` counts),
and the size of the search index.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
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
    run.progress(label)
    sample, text = run.run_once(argv, env, capture=True)
    if sample.returncode != 0:
        raise SystemExit(f"{label} failed (exit {sample.returncode}):\n{text[-3000:]}")
    summary = next((line for line in text.splitlines() if line.startswith("wrote ")), "")
    return {"case": label, "seconds": sample.seconds, "rss_mb": sample.maxrss_kb / 1024,
            "summary": summary}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)

    tmp = args.keep or Path(tempfile.mkdtemp(prefix="brief-site-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        data, cache, out = tmp / "data", tmp / "cache", tmp / "site"
        entities, events = generate.plan(args.records)
        files = max(1, args.records // 2500)
        if not data.exists():
            run.progress(f"generating {args.records:,} records ({files} files)")
            run.generate_knowledge(data, entities, events, files)
        env = run.base_env(cache)
        brief = run.brief_command()
        check = run.run_once([*brief, "check", "--data", str(data)], env)[0]
        if check.returncode != 0:
            raise SystemExit("brief check failed on the generated knowledge")
        shutil.rmtree(out, ignore_errors=True)
        build = [*brief, "site", str(out), "--data", str(data)]
        rows = [timed("first build", build, env)]
        count, content, disk = site_size(out)
        rows.append(timed("rebuild, nothing changed", build, env))
        extra = data / generate.EXTRA_FILE
        original = extra.read_bytes()
        try:
            with extra.open("a", encoding="utf-8") as f:
                f.write(ADDED)
            rows.append(timed("rebuild after editing one file", build, env))
        finally:
            extra.write_bytes(original)  # a kept folder can be measured again
        search = (out / "search-index.js").stat().st_size
        info = run.machine()
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)

    print(f"machine: {info['nproc']} CPUs, {info['cpu']}; {info['system']}")
    print(f"knowledge: about {args.records:,} records ({entities:,} entities, "
          f"{events:,} events, {files} files)")
    print(f"site: {count:,} files, {content / 1e6:.0f} MB of content, {disk / 1e6:.0f} MB "
          f"on disk; search index {search / 1e6:.1f} MB")
    print()
    print("| case | wall s | peak RSS MB | brief's summary |")
    print("|---|---:|---:|---|")
    for row in rows:
        print(f"| {row['case']} | {row['seconds']:.1f} | {row['rss_mb']:.0f} | "
              f"{row['summary']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
