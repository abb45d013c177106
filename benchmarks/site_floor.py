"""The floor of a `brief site` rebuild after a one-line edit: the parts of the work that
every rebuild must do, each timed alone, against the whole rebuild.

    python benchmarks/site_floor.py DIR [--repeats N]

DIR is a folder kept by `benchmarks/site.py --keep DIR` (its `data/`, `cache/` and `site/`,
the site built). Run it with the interpreter brief is installed in. It makes the
benchmark's edit (one entity's role, in place, in the largest file), then times, in
this process with `time.process_time` and the collector off, as a build has it (the
fastest of N rounds, the edit made and undone between rounds):

- start: a fresh interpreter importing the command line and the site's modules (a
  subprocess, its CPU time), against `python -c pass`;
- the index brought up to date after the edit (the edited file read again: the index's
  own work);
- every record's row read from the index (what loading the whole knowledge costs at
  the least), against only the rows of the edited file;
- the whole knowledge loaded as the site holds it (`Knowledge`);
- the manifest read (`_read_manifest`: its bytes, JSON, the checks), and written (its
  encoding, and the bytes written to a file beside it);
- a stat of every page the manifest lists (what checks that a page was not removed or
  cut short by hand);
- the pages the rebuild makes again, rendered from the knowledge in memory;

then the rebuild itself (`build_site`, in this process) and `brief site` as a user runs
it (a subprocess, its CPU time). The floor is what a rebuild that loads only what it
renders would still do: the start, the update, the edited file's rows, the manifest read
and written, a stat per page and the pages rendered.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run  # noqa: E402  (its environment and machine description)


def best(rounds: int, work: Callable[[], Any], before: Callable[[], Any] | None = None
         ) -> float:
    """The fewest CPU seconds of `rounds` runs of `work` (`before` run untimed first)."""
    fastest = float("inf")
    for _ in range(rounds):
        if before is not None:
            before()
        start = time.process_time()
        work()
        fastest = min(fastest, time.process_time() - start)
    return fastest


def child_cpu(argv: list[str], env: dict[str, str]) -> float:
    """CPU seconds (user and system) of a subprocess, waited for."""
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{argv} failed")
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a folder kept by benchmarks/site.py --keep")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    data, cache, out = args.folder / "data", args.folder / "cache", args.folder / "site"
    if not (data.is_dir() and (out / ".brief-site.json").is_file()):
        raise SystemExit(f"{args.folder}: no data/ and built site/ (benchmarks/site.py --keep)")
    env = run.base_env(cache)
    os.environ.update(BRIEF_CACHE_DIR=str(cache))
    rounds = max(1, args.repeats)
    gc.disable()  # as a build does: its objects hold no cycles worth collecting

    from briefcli.index.cache import open_index
    from briefcli.index.store import BuildReport
    from briefcli.site import build, folder, pages
    from briefcli.site.memory import Knowledge

    largest = max(data.glob("*.yaml"), key=lambda p: p.stat().st_size)
    original = largest.read_bytes()
    text = original.decode("utf-8")
    at = text.index("\n    role: ") + 1
    end = text.index("\n", at)
    edits = [(text[:at] + "    role: edited by the floor benchmark" + text[end:]).encode(),
             (text[:at] + "    role: edited again by the floor benchmark" + text[end:]).encode()]
    flip = [0]

    def edit() -> None:
        flip[0] ^= 1
        largest.write_bytes(edits[flip[0]])

    def connect() -> Any:
        return open_index([data], cache, BuildReport())

    times: dict[str, float] = {}
    try:
        py = run.brief_python()
        times["python -c pass"] = min(child_cpu([py, "-c", "pass"], env) for _ in range(rounds))
        times["start: the command line and the site's modules imported"] = min(
            child_cpu([py, "-c", "import briefcli.cli.app, briefcli.site.build"], env)
            for _ in range(rounds))
        times["the index brought up to date after the edit"] = best(rounds, connect, edit)
        conn = connect()
        build.build_site(conn, out)  # the site as the edit leaves it
        every = "SELECT r.kind, r.packed, r.crc, f.path, r.line, r.data FROM records r " \
                "JOIN files f USING (fid)"
        times["every record's row read from the index"] = best(
            rounds, lambda: conn.execute(every).fetchall())
        times["the edited file's rows read from the index"] = best(
            rounds, lambda: conn.execute(every + " WHERE f.path = ?", (str(largest),)
                                         ).fetchall())
        times["the whole knowledge loaded (Knowledge)"] = best(rounds, lambda: Knowledge(conn))
        root = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
        try:
            old = folder._read_manifest(root)
            assert old is not None
            times["the manifest read"] = best(rounds, lambda: folder._read_manifest(root))
            encoded = folder._manifest(sorted(old.files), old.digests, old.inputs, old.base,
                                       old.records, old.search)
            times["the manifest encoded"] = best(rounds, lambda: folder._manifest(
                sorted(old.files), old.digests, old.inputs, old.base, old.records,
                old.search))
            with tempfile.TemporaryDirectory(dir=args.folder) as tmp:
                times["the manifest's bytes written"] = best(
                    rounds, lambda: Path(tmp, "m.json").write_bytes(encoded))
            fds: dict[str, int] = {"": root}
            for path in old.inputs:
                where = path.rpartition("/")[0]
                if where not in fds:
                    fds[where] = os.open(where, os.O_RDONLY | os.O_DIRECTORY, dir_fd=root)

            def stat_all() -> None:
                for path in old.inputs:
                    where, _, name = path.rpartition("/")
                    os.stat(name, dir_fd=fds[where], follow_symlinks=False)

            times[f"a stat of every page ({len(old.inputs):,})"] = best(rounds, stat_all)
            for where, fd in fds.items():
                if where:
                    os.close(fd)
        finally:
            os.close(root)
        # The pages the rebuild makes again, found by making it again after the edit.
        edit()
        conn = connect()
        made: list[str] = []
        pages.RENDERED[:] = []
        build.build_site(conn, out, workers=1)
        made = sorted(set(pages.RENDERED))
        k = Knowledge(conn)
        k.base = build.renderer_version() + repr(tuple(k.options)) + k.newest
        jobs = [job for job in pages._jobs(k) if job.path in made]
        times[f"the {len(jobs)} pages made again, rendered"] = best(
            rounds, lambda: [job.make() for job in jobs])
        times["the index update and the rebuild (build_site, in this process)"] = best(
            rounds, lambda: build.build_site(connect(), out, workers=1), edit)
        brief = [*run.brief_command(), "site", str(out), "--data", str(data)]
        cpu = []
        for _ in range(rounds):
            edit()
            cpu.append(child_cpu(brief, env))
        times["brief site after the edit (a process, as a user runs it)"] = min(cpu)
    finally:
        largest.write_bytes(original)
        subprocess.run([*run.brief_command(), "site", str(out), "--data", str(data)], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)

    floor_parts = [
        "start: the command line and the site's modules imported",
        "the index brought up to date after the edit",
        "the edited file's rows read from the index",
        "the manifest read", "the manifest encoded", "the manifest's bytes written",
        next(name for name in times if name.startswith("a stat of every page")),
        next(name for name in times if name.endswith("pages made again, rendered")),
    ]
    info = run.machine()
    print(f"machine: {info['nproc']} CPUs, {info['cpu']}; {info['system']}; peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print()
    print("| part | CPU s |")
    print("|---|---:|")
    for name, seconds in times.items():
        print(f"| {name} | {seconds:.3f} |")
    floor = sum(times[name] for name in floor_parts)
    print(f"| **the floor** (start, update, the edited file's rows, the manifest read, "
          f"encoded and written, the stats, the pages rendered) | **{floor:.3f}** |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
