"""Warm lookups through each revision's own launcher, side by side in one loop.

    python benchmarks/sidebyside.py [--rounds N] TREE=LABEL TREE=LABEL ...

Each TREE is a source tree (src/, data/, launcher/: a checkout, or `git archive REV | tar
-x -C DIR`). For each, a virtual environment is made (`python -m venv --without-pip`) with
`briefcli` linked into its site-packages, where a wheel puts it, and the tree's
`launcher/brief` in its bin/, so that each call starts as an installed `brief` does
(isolated, without `site`); each has a cache of its own, built first. Cases run in random
order, round after round; a figure is the median over rounds of a call's time over
`python -c pass` in the same round, and, for every tree after the first, the median of its
call's time over the first tree's in the same round.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CALLS = {"define": ["define", "KFOR"], "timeline": ["timeline", "kosovo"],
         "search": ["search", "police"], "show": ["show"], "complete": []}
COMPLETE = {"_BRIEF_COMPLETE": "complete_bash", "COMP_WORDS": "brief define KF",
            "COMP_CWORD": "2"}


def environment(tree: Path, folder: Path) -> Path:
    """A light virtual environment running `tree`'s brief through its launcher."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    version = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    (folder / "lib" / version / "site-packages" / "briefcli").symlink_to(
        tree / "src" / "briefcli")
    launcher = folder / "bin" / "brief"
    launcher.write_bytes((tree / "launcher" / "brief").read_bytes())
    launcher.chmod(0o755)
    return launcher


def _ratio(these: list[float], those: list[float]) -> float:
    """The median over rounds of one call's time over another's in the same round."""
    return statistics.median(a / b for a, b in zip(these, those, strict=True))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=41)
    parser.add_argument("trees", nargs="+", help="a source tree, optionally =LABEL")
    args = parser.parse_args()
    trees = [(Path(t.split("=")[0]).resolve(), t.split("=")[-1]) for t in args.trees]
    tmp = Path(tempfile.mkdtemp(prefix="brief-sidebyside-"))
    try:
        return _run(args.rounds, trees, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _run(rounds: int, trees: list[tuple[Path, str]], tmp: Path) -> int:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEF_", "_BRIEF",
                                                                     "PYTHON", "COMP_"))}
    base.update(COLUMNS="100", NO_COLOR="1")
    cases: dict[str, tuple[list[str], dict[str, str]]] = {
        "pass": ([sys.executable, "-c", "pass"], base)}
    for n, (tree, label) in enumerate(trees):
        launcher = environment(tree, tmp / f"env{n}")
        env = dict(base, BRIEF_CACHE_DIR=str(tmp / f"cache{n}"))
        subprocess.run([sys.executable, "-m", "briefcli", "check"], check=True,
                       env=dict(env, PYTHONPATH=str(tree / "src")), capture_output=True)
        for name, words in CALLS.items():
            cases[f"{name} {label}"] = (
                [str(launcher), *words], dict(env, **COMPLETE) if name == "complete" else env)
    times: dict[str, list[float]] = {k: [] for k in cases}
    for _ in range(rounds):
        for key in random.sample(list(cases), len(cases)):
            argv, env = cases[key]
            start = time.perf_counter()
            subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
            times[key].append(time.perf_counter() - start)
    floor = times["pass"]
    print(f"{rounds} rounds; python -c pass {statistics.median(floor) * 1e3:.1f} ms")
    first = trees[0][1]
    for name in CALLS:
        row = [f"{name:9s}"]
        for _, label in trees:
            mine = times[f"{name} {label}"]
            row.append(f"{label} {_ratio(mine, floor):.2f}x")
            if label != first:
                row.append(f"({_ratio(mine, times[f'{name} {first}']):.2f} of {first})")
        print("  ".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
