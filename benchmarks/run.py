"""Benchmarks for `brief`: warm lookups, cold builds, edits, memory and start-up imports.

    python benchmarks/run.py [--quick] [--repeats N] [--sizes N,N,...] [--markdown FILE]
                             [--json FILE] [--typer-versions | --only-typer-versions]
                             [--keep DIR] [--no-snapshot] [--million] [--no-cold]
                             [--compare REV]

Run it with the interpreter brief is installed in (for example `.venv/bin/python`).
Every measurement is a separate process, timed from the outside (wall clock around
fork/exec and wait) and measured for peak memory (max RSS: GNU time's %M when
/usr/bin/time is GNU time, else `os.wait4`). Cases are interleaved, round after round,
so that the noise of a shared machine falls on all of them alike; medians are reported,
and ratios are medians of the ratios of two runs of the same round.

What it measures, side by side:

- the floor: a bare Typer+Rich app (written to a temporary file) printing one panel,
  and the bare interpreter (`python -c pass`);
- warm `brief define`, `timeline` and `search` on the bundled knowledge (no --data) and
  on generated knowledge of about 10, 10,000, 35,000 and 100,000 records (index built
  first), with ratios to the bundled knowledge and to the floor;
- the cold build (`brief check` with an empty cache folder) against parsing the same
  files with libyaml alone (`yaml.load(text, Loader=yaml.CSafeLoader)` per file, in a
  subprocess of its own, timed from the outside like brief);
- the first call after a one-line edit of one small file, and after a touch that
  leaves its bytes unchanged, against a warm call and against parsing that file;
- a search of the commonest word against a search of a rare one;
- the import time of `import briefcli.cli.app` and of everything a warm call imports
  (`python -X importtime`);
- by default, brief runs as a user runs it, from a copy of the source tree taken at the
  start (src/, data/, launcher/, pyproject.toml, README.md) built into a wheel and installed
  into a virtual environment of its own (benchmarks/installed.py: `pip wheel --no-deps
  --no-build-isolation`, `python -m venv --without-pip`, `pip install --no-deps`, the
  dependencies linked from this interpreter's environment), so that the checkout may change
  during a run without mixing versions and `brief` is the launcher a user gets (started
  isolated and without `site`); beside it, pip's console script for the same entry point
  (what `brief` was before the launcher); `--compare` and the baselines still run
  `python -m briefcli` with PYTHONPATH at each revision's src/;
- with --typer-versions: the floor app under Typer 0.28 and 0.29, each in its own
  virtual environment, /tmp/t28 and /tmp/t29 (made with `python3 -m venv` and pip when
  missing, and kept for the next run).

`--quick` makes fewer repeats (5 instead of 25) and skips the 100,000-record knowledge.
Generated knowledge, indexes and scripts live in a temporary folder, removed at the end
unless --keep names one.
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (the generator next to this file)
import installed  # noqa: E402

PY = sys.executable

FLOOR_APP = '''\
import typer
from rich.console import Console
from rich.panel import Panel

app = typer.Typer(add_completion=False)


@app.command()
def hello(name: str) -> None:
    """Print one panel."""
    Console().print(Panel(f"Hello, {name}!"))


if __name__ == "__main__":
    app()
'''

LIBYAML_PARSE = '''\
import sys, time
from pathlib import Path
import yaml
start = time.perf_counter()
files = sorted(p for p in Path(sys.argv[1]).rglob("*") if p.suffix in (".yaml", ".yml"))
for path in files:
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
print(time.perf_counter() - start)
'''

PARSE_ONE = '''\
import statistics, sys, time
import yaml
text = open(sys.argv[1], encoding="utf-8").read()
times = []
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    yaml.load(text, Loader=yaml.CSafeLoader)
    times.append(time.perf_counter() - start)
print(statistics.median(times))
'''

ENV_INFO = '''\
import json, sqlite3, sys
import yaml, typer, rich
from importlib.metadata import version
print(json.dumps({
    "python": sys.version.split()[0],
    "sqlite": sqlite3.sqlite_version,
    "pyyaml": yaml.__version__,
    "libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
    "typer": typer.__version__,
    "rich": version("rich"),
    "brief": version("brief"),
}))
'''

# Targets from the project's performance goals.
TARGET_VS_BUNDLED = 1.15
TARGET_VS_FLOOR = 1.30
TARGET_COLD_VS_LIBYAML = 1.5
TARGET_EDIT_VS_WARM = 1.3  # the first call after a one-line edit of a small file
TARGET_COMMON_VS_RARE = 1.25  # a search of the commonest word against a rare one
TARGET_TOUCH_VS_WARM = 1.1  # the first call after a touch that leaves the bytes unchanged
MEMORY_SLACK = 1.10  # flat: the largest knowledge within 10% of the bundled one

BUNDLED_PROBES = {
    "define": "KFOR",
    "define_shared": None,  # the bundled knowledge has no acronym with several senses
    "timeline": "kosovo",
    "search": "police",
    "search_common": "kosovo",
}

QUERIES = [  # (key, label, brief arguments given the probe)
    ("define", "define X", lambda t: ["define", t]),
    ("timeline", "timeline X", lambda t: ["timeline", t]),
    ("search", "search X", lambda t: ["search", t]),
    ("define_shared", "define (shared acronym)", lambda t: ["define", t]),
    ("search_common", "search (common word)", lambda t: ["search", t]),
]
MAIN_QUERIES = ("define", "timeline", "search")


# ---------------------------------------------------------------- running


@dataclass
class Sample:
    seconds: float
    maxrss_kb: int
    returncode: int


@dataclass
class Case:
    name: str
    argv: list[str]
    env: dict[str, str]
    samples: list[Sample] = field(default_factory=list)
    lines: int = 0  # lines of output of the check run

    def median(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    def paired(self, other: Case) -> float:
        """Median over rounds of this case's time over `other`'s in the same round.

        Both ran within seconds of each other, so slow drifts of a shared machine's
        speed cancel out; this is steadier than a ratio of two medians.
        """
        return statistics.median(
            a.seconds / b.seconds for a, b in zip(self.samples, other.samples, strict=True)
        )

    def rss_mb(self) -> float:
        return statistics.median(s.maxrss_kb for s in self.samples) / 1024


GNU_TIME = "/usr/bin/time"
RSS_FILE = Path(tempfile.gettempdir()) / f"brief-bench-rss-{os.getpid()}.txt"


def gnu_time() -> bool:
    try:
        probe = subprocess.run([GNU_TIME, "--version"], capture_output=True, text=True)
    except OSError:
        return False
    return "GNU" in probe.stdout + probe.stderr


USE_GNU_TIME = gnu_time()


def run_once(argv: list[str], env: dict[str, str], capture: bool = False) -> tuple[Sample, str]:
    """Run a process to its end: wall time, its max RSS, its output if asked.

    The max RSS comes from GNU time's %M when /usr/bin/time is GNU time: a process
    started straight from this (larger) one would inherit our peak in its own ru_maxrss
    at exec, hiding smaller figures. Without GNU time, os.wait4's ru_maxrss is used.
    """
    out = subprocess.PIPE if capture else subprocess.DEVNULL
    if USE_GNU_TIME:
        argv = [GNU_TIME, "-f", "%M", "-o", str(RSS_FILE), *argv]
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=out, stderr=out)
    text = ""
    if capture:
        # Reading the pipes to the end before waiting; wait4 then reaps this child.
        stdout, stderr = proc.stdout.read(), proc.stderr.read()  # type: ignore[union-attr]
        text = (stdout + stderr).decode("utf-8", "replace")
        proc.stdout.close()  # type: ignore[union-attr]
        proc.stderr.close()  # type: ignore[union-attr]
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    rss = usage.ru_maxrss
    if USE_GNU_TIME:
        rss = int(RSS_FILE.read_text().split()[-1])
    return Sample(elapsed, rss, proc.returncode), text


def measure_rounds(cases: list[Case], repeats: int, seed: int = 7) -> None:
    """One untimed run of each case (checked), then `repeats` interleaved rounds."""
    for case in cases:
        sample, text = run_once(case.argv, case.env, capture=True)
        if sample.returncode != 0:
            raise SystemExit(f"{case.name}: exit {sample.returncode}\n{text[-2000:]}")
        case.lines = text.count("\n")
    rng = random.Random(seed)
    order = list(cases)
    for _ in range(repeats):
        rng.shuffle(order)
        for case in order:
            sample, _ = run_once(case.argv, case.env)
            if sample.returncode != 0:
                raise SystemExit(f"{case.name}: exit {sample.returncode}")
            case.samples.append(sample)


def write_floor(tmp: Path) -> Path:
    path = tmp / "floor_app.py"
    path.write_text(FLOOR_APP, encoding="utf-8")
    return path


def brief_command() -> list[str]:
    """`brief` as a user runs it: the launcher installed from the snapshot's wheel (without
    a snapshot, the one beside this interpreter)."""
    script = (INSTALLED or Path(PY).parent) / "brief"
    return [str(script)] if script.exists() else [PY, "-m", "briefcli"]


SNAPSHOT: Path | None = None  # a copy of src/ (and data/), which --compare runs
SNAPSHOT_DIGEST = [""]  # sha256 of the copied *.py files, to tell runs apart
INSTALLED: Path | None = None  # the bin/ folder of the environment the snapshot is installed in
STUB: Path | None = None  # the bin/ folder of an environment whose brief ends at once
CONSOLE_SCRIPT = "brief-console"  # pip's console script for brief's entry point, beside it
# Variables the launcher passes on as -B and -u, or that leave its start unchanged; any other
# PYTHON* variable set makes it start Python the usual way (with `site`).
LAUNCHER_UNUSED = ("PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED", "PYTHONNOUSERSITE",
                   "PYTHONUSERBASE", "PYTHONSTARTUP", "PYTHON_HISTORY", "PYTHON_BASIC_REPL")


def take_snapshot(tmp: Path) -> Path:
    """Copy the source tree and install it, so that edits made to the checkout during a run
    are not mixed in and `brief` is what a user's `pip install .` gives (see the module's
    docstring)."""
    global SNAPSHOT, INSTALLED, STUB
    root = tmp / "snapshot"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(HERE.parent / "src", root / "src", ignore=ignore)
    shutil.copytree(HERE.parent / "data", root / "data", ignore=ignore)
    shutil.copytree(HERE.parent / "launcher", root / "launcher", ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(HERE.parent / name, root / name)
    SNAPSHOT = root / "src"
    progress("building the snapshot's wheel and installing it into a virtual environment")
    try:
        wheel = installed.build_wheel(root, tmp / "wheel", PY)
    except installed.CannotBuild as exc:
        raise SystemExit(f"{exc}; or run with --no-snapshot") from None
    INSTALLED = installed.make_environment(tmp / "env", wheel, PY)
    installed.console_script(INSTALLED, CONSOLE_SCRIPT, PY)
    STUB = installed.stub_environment(tmp / "stub", root / "launcher" / "brief", CONSOLE_SCRIPT,
                                      PY)
    usual = sorted(k for k, v in os.environ.items()
                   if k.startswith("PYTHON") and v and k not in LAUNCHER_UNUSED)
    if usual:
        progress(f"note: {', '.join(usual)} set: the launcher starts Python the usual way")
    # The copy --compare runs from: compiled, as pip compiles an installed package's
    # modules at install time; without it every call would compile brief's modules again
    # (and PYTHONDONTWRITEBYTECODE, where set, would keep it so).
    compileall.compile_dir(SNAPSHOT, quiet=1)
    digest = hashlib.sha256()
    for path in [*sorted((root / "src").rglob("*.py")), root / "launcher" / "brief"]:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    SNAPSHOT_DIGEST[0] = digest.hexdigest()[:12]
    return SNAPSHOT


def base_env(cache: Path) -> dict[str, str]:
    # Without PYTHONDONTWRITEBYTECODE, as a user runs brief: where it is set, no compiled
    # file is written, the lean path's bundle of modules among them (see "The lean
    # path's bundle" in docs/performance.md), and every call would import them one by one.
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("BRIEF_") and k != "PYTHONDONTWRITEBYTECODE"}
    env.update(BRIEF_CACHE_DIR=str(cache), COLUMNS="100", NO_COLOR="1")
    return env


def brief_python() -> str:
    """The interpreter of the environment brief is installed in."""
    return str(INSTALLED / "python") if INSTALLED else PY


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def progress(message: str) -> None:
    print(f"... {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- parts


@dataclass
class Knowledge:
    label: str  # "bundled" or a record count
    records: int
    data: Path | None  # None: the bundled knowledge
    manifest: dict
    cache: Path

    def args(self) -> list[str]:
        return [] if self.data is None else ["--data", str(self.data)]


def generate_knowledge(data: Path, entities: int, events: int, files: int) -> None:
    """Generated knowledge in `data`, made in a process of its own: this one stays small
    (see run_once)."""
    subprocess.run(
        [PY, str(HERE / "generate.py"), str(data), "--entities", str(entities),
         "--events", str(events), "--files", str(files)],
        check=True, stdout=subprocess.DEVNULL,
    )


def prepare(tmp: Path, sizes: list[int]) -> list[Knowledge]:
    out = [Knowledge("bundled", 0, None, {"probes": BUNDLED_PROBES}, tmp / "cache-bundled")]
    for size in sizes:
        entities, events = generate.plan(size)
        files = max(1, size // 2500)
        data = tmp / f"data-{size}"
        progress(f"generating {size:,} records ({files} files)")
        generate_knowledge(data, entities, events, files)
        manifest = json.loads((data / generate.MANIFEST).read_text(encoding="utf-8"))
        out.append(Knowledge(f"{manifest['records']:,}", manifest["records"], data, manifest,
                             tmp / f"cache-{size}"))
    brief = brief_command()
    for k in out:
        sample, text = run_once([*brief, "check", *k.args()], base_env(k.cache), capture=True)
        if sample.returncode != 0:
            raise SystemExit(f"brief check on {k.label} failed:\n{text[-3000:]}")
        if k.data is None:
            k.records = int(text.split(" file(s), ")[1].split(" ")[0])
            k.label = f"bundled ({k.records})"
    return out


def warm_part(tmp: Path, bases: list[Knowledge], repeats: int) -> dict:
    brief = brief_command()
    floor_py = write_floor(tmp)
    env0 = base_env(tmp / "cache-unused")
    floor = Case("floor", [PY, str(floor_py), "world"], env0)
    interp = Case("python -c pass", [PY, "-c", "pass"], env0)
    imp = Case("import briefcli.cli.app", [brief_python(), "-c", "import briefcli.cli.app"],
               env0)
    cases: dict[tuple[str, str], Case] = {}
    for k in bases:
        for key, _label, make in QUERIES:
            term = k.manifest["probes"].get(key)
            if term is None:
                continue
            cases[(key, k.label)] = Case(
                f"{key} on {k.label}", [*brief, *make(term), *k.args()], base_env(k.cache)
            )
    progress(f"warm calls: {len(cases) + 3} cases x {repeats} rounds")
    measure_rounds([floor, interp, imp, *cases.values()], repeats)
    return {"floor": floor, "interp": interp, "import": imp, "cases": cases}


def cold_part(tmp: Path, bases: list[Knowledge], repeats: int) -> list[dict]:
    brief = brief_command()
    script = tmp / "libyaml_parse.py"
    script.write_text(LIBYAML_PARSE)
    rows = []
    for k in bases:
        if k.data is None or k.records < 1000:
            continue
        n = repeats if k.records <= 40_000 else max(2, repeats - 2)
        progress(f"cold build of {k.label} records x {n}")
        build, parse, inner = [], [], []
        for i in range(n):
            cache = tmp / f"cold-{k.records}-{i}"
            sample, text = run_once([*brief, "check", *k.args()], base_env(cache), capture=True)
            if sample.returncode != 0:
                raise SystemExit(f"cold check failed:\n{text[-2000:]}")
            build.append(sample)
            shutil.rmtree(cache, ignore_errors=True)
            psample, ptext = run_once([PY, str(script), str(k.data)], base_env(cache),
                                      capture=True)
            parse.append(psample)
            inner.append(float(ptext.strip().splitlines()[-1]))
        rows.append({
            "label": k.label, "records": k.records, "bytes": k.manifest["bytes"],
            "build": statistics.median(s.seconds for s in build),
            "ratio": statistics.median(
                b.seconds / p.seconds for b, p in zip(build, parse, strict=True)
            ),
            "build_rss_mb": statistics.median(s.maxrss_kb for s in build) / 1024,
            "libyaml": statistics.median(s.seconds for s in parse),
            "libyaml_inner": statistics.median(inner),
            "libyaml_rss_mb": statistics.median(s.maxrss_kb for s in parse) / 1024,
        })
    return rows


def edit_one_line(text: str, n: int) -> str:
    """`text` with the first `role:` line's value changed (round `n`): a one-line edit
    that changes a record, so its terms, links and cross-file checks are redone."""
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        head, sep, value = line.partition("role: ")
        if sep and not head.strip():
            lines[i] = f"{head}{sep}{value.rstrip().split(' (edit ')[0]} (edit {n})\n"
            return "".join(lines)
    raise SystemExit("no `role:` line to edit")


def edited_file(tmp: Path, k: Knowledge) -> tuple[list[str], Path]:
    """The knowledge arguments and the small file an edit round changes: the generated
    `extra.yaml`, or a copy of the bundled knowledge (one small file)."""
    if k.data is not None:
        return k.args(), k.data / k.manifest["extra_file"]
    copy = tmp / "data-bundled"
    if not copy.exists():
        shutil.copytree(HERE.parent / "data", copy)
    return ["--data", str(copy)], min(copy.glob("*.yaml"), key=lambda p: p.stat().st_size)


def edit_rounds(brief: list[str], argv: list[str], env: dict[str, str], path: Path,
                repeats: int) -> tuple[list[Sample], list[Sample]]:
    """`repeats` rounds of: a one-line edit of `path`, the next call (timed), a warm call
    (timed), a touch of `path` that leaves its bytes as they are (new times, as a checkout
    or a save without changes gives), the next call (timed), a warm call (timed). The
    file is restored at the end. Returns (after edit, warm, after touch, warm)."""
    original = path.read_text(encoding="utf-8")
    after, warm, touched, warm2 = [], [], [], []
    try:
        for i in range(repeats):
            path.write_text(edit_one_line(original, i), encoding="utf-8")
            sample, _ = run_once(argv, env)
            if sample.returncode != 0:
                raise SystemExit(f"call after edit failed: exit {sample.returncode}")
            after.append(sample)
            warm.append(run_once(argv, env)[0])
            os.utime(path)
            touched.append(run_once(argv, env)[0])
            warm2.append(run_once(argv, env)[0])
    finally:
        path.write_text(original, encoding="utf-8")
    return after, warm, touched, warm2


def edit_part(tmp: Path, bases: list[Knowledge], repeats: int) -> list[dict]:
    brief = brief_command()
    parse_one = tmp / "parse_one.py"
    parse_one.write_text(PARSE_ONE)
    rows = []
    for k in bases:
        args, extra = edited_file(tmp, k)
        original = extra.read_bytes()
        env = base_env(k.cache)
        argv = [*brief, "define", k.manifest["probes"]["define"], *args]
        progress(f"edit then call, {k.label} records x {repeats}")
        run_once([*brief, "check", *args], env)  # the index is current
        after, warm, touched, warm2 = edit_rounds(brief, argv, env, extra, repeats)
        _, text = run_once([PY, str(parse_one), str(extra), "200"], env, capture=True)
        parse = float(text.strip().splitlines()[-1])
        run_once([*brief, "check", *args], env)  # back to the generated state
        index = max((k.cache).glob("index-*.sqlite"), key=lambda p: p.stat().st_size)
        rows.append({
            "label": k.label, "records": k.records,
            "after_edit": statistics.median(s.seconds for s in after),
            "extra": statistics.median(
                a.seconds - w.seconds for a, w in zip(after, warm, strict=True)
            ),
            "vs_warm": statistics.median(
                a.seconds / w.seconds for a, w in zip(after, warm, strict=True)
            ),
            "after_edit_rss_mb": statistics.median(s.maxrss_kb for s in after) / 1024,
            "after_touch": statistics.median(s.seconds for s in touched),
            "touch_vs_warm": statistics.median(
                a.seconds / w.seconds for a, w in zip(touched, warm2, strict=True)
            ),
            "warm": statistics.median(s.seconds for s in warm),
            "parse_file": parse, "file_bytes": len(original),
            "index_bytes": index.stat().st_size,
        })
    return rows


def importtime(args: list[str], env: dict[str, str], runs: int, python: str = PY) -> dict:
    """Median self and cumulative import time (µs) per module over `runs` runs."""
    per: dict[str, list[tuple[int, int]]] = {}
    for _ in range(runs):
        proc = subprocess.run([python, "-X", "importtime", *args], env=env,
                              capture_output=True, text=True)
        for line in proc.stderr.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            _, self_us, cum_us, name = (x.strip() for x in line.replace("|", ":").split(":", 3))
            per.setdefault(name.strip(), []).append((int(self_us), int(cum_us)))
    # A module missing from a run (imported by only some runs) counts as 0 in that run.
    return {
        name: (statistics.median([s for s, _ in v] + [0] * (runs - len(v))),
               statistics.median([c for _, c in v] + [0] * (runs - len(v))))
        for name, v in per.items()
    }


def import_part(tmp: Path, bases: list[Knowledge], runs: int) -> dict:
    env = base_env(bases[0].cache)
    python = brief_python()
    cli = importtime(["-c", "import briefcli.cli.app"], env, runs, python)
    # The warm call as the launcher starts it (isolated, without `site`; -X importtime is
    # one of the flags a variable cannot give it).
    call = importtime(["-I", "-S", brief_command()[0], "define", "KFOR"], env, runs, python)
    floor = importtime([str(write_floor(tmp)), "world"], env, runs)
    # What a warm call imports beyond the floor app, briefcli modules one by one.
    extra: dict[str, float] = {}
    for name, (self_us, _) in call.items():
        if name in floor:
            continue
        key = name if name.startswith("briefcli") else name.split(".")[0]
        extra[key] = extra.get(key, 0) + self_us
    return {
        "cli": cli, "extra": extra,
        "call_total": sum(s for s, _ in call.values()),
        "floor_total": sum(s for s, _ in floor.values()),
    }


def typer_part(tmp: Path, repeats: int) -> dict:
    floor_py = write_floor(tmp)
    env = base_env(tmp / "cache-unused")
    cases, info = [], {}
    for spec, venv in (("0.28.*", Path("/tmp/t28")), ("0.29.*", Path("/tmp/t29"))):
        py = venv / "bin" / "python"
        if not py.exists():
            progress(f"creating {venv} with typer=={spec}")
            subprocess.run(["python3", "-m", "venv", str(venv)], check=True)
            pip = subprocess.run(
                [str(py), "-m", "pip", "install", "-q", f"typer=={spec}", "rich"],
                capture_output=True, text=True,
            )
            if pip.returncode != 0:
                raise SystemExit(f"pip install typer=={spec} failed:\n{pip.stderr[-3000:]}")
        # Run the floor app in-process, then look at what it imported.
        probe = subprocess.run(
            [str(py), "-c",
             "import io, runpy, sys, contextlib\n"
             f"sys.argv = ['floor', 'world']\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n"
             "    try:\n"
             f"        runpy.run_path({str(floor_py)!r}, run_name='__main__')\n"
             "    except SystemExit:\n"
             "        pass\n"
             "import typer\nfrom importlib.metadata import version\n"
             "print(typer.__version__, version('rich'), sys.version.split()[0],"
             " 'pydantic' in sys.modules)"],
            capture_output=True, text=True, check=True,
        ).stdout.split()
        info[spec] = {"typer": probe[0], "rich": probe[1], "python": probe[2],
                      "imports_pydantic": probe[3] == "True"}
        imports = importtime(["-c", "import typer"], env, 5, python=str(py))
        info[spec]["import_typer_ms"] = imports.get("typer", (0, 0))[1] / 1000
        info[spec]["top"] = sorted(imports.items(), key=lambda kv: -kv[1][1])[:6]
        app_imports = importtime([str(floor_py), "world"], env, 5, python=str(py))
        info[spec]["app_imports_ms"] = sum(s for s, _ in app_imports.values()) / 1000
        info[spec]["pydantic_ms"] = sum(
            s for name, (s, _) in app_imports.items()
            if name.split(".")[0] in ("pydantic", "pydantic_core", "annotated_types",
                                      "typing_extensions", "typing_inspection")
        ) / 1000
        cases.append(Case(f"floor, typer {probe[0]}", [str(py), str(floor_py), "world"], env))
    cases.append(Case("floor, brief's own interpreter", [PY, str(floor_py), "world"], env))
    progress(f"typer versions: {len(cases)} cases x {repeats} rounds")
    measure_rounds(cases, repeats)
    return {"cases": cases, "info": info}



# ---------------------------------------------------------------- the lean path (instant)

TARGET_LEAN_VS_INTERP = 1.6  # a warm plain lookup, and a completion request
TARGET_COLOUR_VS_PLAIN = 1.1  # a lookup in colour, against the same lookup plain
TARGET_SHARED_VS_BASELINE = 0.2  # a define of 428 senses, against the baseline revision
# Revisions a large answer is compared with: before the cap on whole profiles (the state
# the 428-sense figure of the performance goals was taken on), and the one before the
# lean path and our own layout.
BASELINE = "df2d0fd,41eb5a8"
SHARED_SENSES = 428
STDLIB_FLOOR = "import re, typing, json, sqlite3, pathlib"
# What the issue's prototype imports, run isolated and without `site`: its floor.
ISOLATED_FLOOR = "import sys, _sqlite3, marshal, posix"
LEAN_CALLS = [  # (key, brief arguments given the probes)
    ("define", lambda p: ["define", p["define"]]),
    ("timeline", lambda p: ["timeline", p["timeline"]]),
    ("search", lambda p: ["search", p["search"]]),
    ("show", lambda p: ["show"]),
]


def shared_knowledge(folder: Path) -> Path:
    """One file of SHARED_SENSES people who all answer to the alias "Smith"."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["entities:"]
    for i in range(SHARED_SENSES):
        lines.append(
            f"  - id: smith-{i}\n    name: {('Anna', 'John', 'Mary', 'Peter')[i % 4]} Smith {i}"
            f"\n    aliases: [Smith]\n    kind: person\n    role: Witness number {i}\n"
            f"    summary: A person called Smith, one of many in these stories ({i}).\n"
            f"    related: [smith-{(i + 1) % SHARED_SENSES}]"
        )
    (folder / "smith.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def baseline_source(tmp: Path, revision: str) -> Path | None:
    """The src/ of `revision`, compiled, or None without git or that revision."""
    root = tmp / f"baseline-{revision}"
    try:
        archive = subprocess.run(["git", "-C", str(HERE.parent), "archive", revision, "src"],
                                 capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    root.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-x", "-C", str(root)], input=archive, check=True)
    compileall.compile_dir(root / "src", quiet=1)
    return root / "src"


def completion_env(env: dict[str, str], words: list[str]) -> dict[str, str]:
    """A bash completion request, as the script `brief --show-completion bash` makes."""
    return {**env, "_BRIEF_COMPLETE": "complete_bash", "COMP_WORDS": " ".join(words),
            "COMP_CWORD": str(len(words) - 1)}


def prepare_million(tmp: Path) -> list[Knowledge]:
    """A generated knowledge of 1,000,000 records, its index built (a few minutes)."""
    entities, events = generate.plan(1_000_000)
    data = tmp / "data-1000000"
    progress("generating 1,000,000 records (400 files) and building their index")
    generate_knowledge(data, entities, events, 400)
    manifest = json.loads((data / generate.MANIFEST).read_text(encoding="utf-8"))
    k = Knowledge(f"{manifest['records']:,}", manifest["records"], data, manifest,
                  tmp / "cache-1000000")
    sample, text = run_once([*brief_command(), "check", *k.args()], base_env(k.cache),
                            capture=True)
    if sample.returncode != 0:
        raise SystemExit(f"brief check on {k.label} failed:\n{text[-3000:]}")
    return [k]


AB_CALLS = [["define", "KFOR"], ["search", "police"], ["timeline", "kosovo"]]


def compare_cases(tmp: Path, revision: str, env0: dict[str, str]) -> list[tuple[Case, Case]]:
    """(this code, `revision`) pairs of warm lookups on the bundled knowledge (given as
    BRIEF_DATA: an archived revision has no data folder beside its src/), both run as
    `python -m briefcli` with PYTHONPATH at their own src/, for an interleaved A/B."""
    src = baseline_source(tmp, revision)
    if src is None:
        raise SystemExit(f"--compare: no revision {revision}")
    pairs = []
    for words in AB_CALLS:
        made = []
        for name, path in (("now", str(SNAPSHOT or HERE.parent / "src")), (revision, str(src))):
            env = {**env0, "PYTHONPATH": path, "BRIEF_CACHE_DIR": str(tmp / f"cache-ab-{name}"),
                   "BRIEF_DATA": str(HERE.parent / "data")}  # the same knowledge for both
            made.append(Case(f"{' '.join(words)} @ {name}", [PY, "-m", "briefcli", *words], env))
        pairs.append((made[0], made[1]))
    return pairs


def lean_part(tmp: Path, bases: list[Knowledge], repeats: int, baseline: str | None,
              compare: str | None = None) -> dict:
    """Warm plain and colour lookups, completion requests and a 428-sense define, against
    the bare interpreter, the stdlib imports a lookup cannot avoid and the Typer+Rich app;
    `wtf` and a local dictd where installed."""
    brief = brief_command()
    floor_py = write_floor(tmp)
    env0 = base_env(tmp / "cache-unused")
    interp = Case("python -c pass", [PY, "-c", "pass"], env0)
    isolated = Case("isolated floor", [PY, "-I", "-S", "-c", ISOLATED_FLOOR], env0)
    stdlib = Case("stdlib imports", [PY, "-c", STDLIB_FLOOR], env0)
    floor = Case("Typer+Rich floor", [PY, str(floor_py), "world"], env0)
    cases: dict[tuple[str, str], Case] = {}
    for k in bases:
        env = base_env(k.cache)
        colour = {key: v for key, v in env.items() if key != "NO_COLOR"} | {"FORCE_COLOR": "1"}
        probes = k.manifest["probes"]
        for key, make in LEAN_CALLS:
            argv = [*brief, *make(probes), *k.args()]
            if key == "show" and run_once(argv, env)[0].returncode != 0:
                continue  # no briefing in this knowledge
            cases[(key, k.label)] = Case(f"{key} on {k.label}", argv, env)
        # The same lookup through pip's console script for the same entry point (what
        # `brief` was before the launcher): the interpreter with `site`, then `import re`.
        if INSTALLED is not None:
            cases[("console", k.label)] = Case(
                f"define via console script on {k.label}",
                [str(INSTALLED / CONSOLE_SCRIPT), "define", probes["define"], *k.args()], env)
        cases[("colour", k.label)] = Case(
            f"define in colour on {k.label}", [*brief, "define", probes["define"], *k.args()],
            colour)
        prefix = probes["define"][:2]
        cases[("complete", k.label)] = Case(
            f"complete on {k.label}", brief,
            completion_env(env, ["brief", *k.args(), "define", prefix]))
    smith = shared_knowledge(tmp / "data-smith")
    smith_env = base_env(tmp / "cache-smith")
    shared = Case("define Smith", [*brief, "define", "Smith", "--data", str(smith)], smith_env)
    old = []
    for revision in (baseline or "").split(","):
        src = baseline_source(tmp, revision) if revision else None
        if src is not None:
            old_env = {**base_env(tmp / f"cache-smith-{revision}"), "PYTHONPATH": str(src)}
            old.append(Case(f"the same at {revision}",
                            [PY, "-m", "briefcli", "define", "Smith", "--data", str(smith)],
                            old_env))
    # What starting costs: an environment whose brief ends as soon as it is imported.
    launch = [] if STUB is None else [
        Case("start only, the launcher", [str(STUB / "brief")], env0),
        Case("start only, pip's console script", [str(STUB / CONSOLE_SCRIPT)], env0)]
    others = tools_cases(tmp)
    ab = compare_cases(tmp, compare, env0) if compare else []
    everything = [interp, isolated, stdlib, floor, *cases.values(), *launch, shared, *old,
                  *others,
                  *(c for pair in ab for c in pair)]
    progress(f"lean path: {len(everything)} cases x {repeats} rounds")
    measure_rounds(everything, repeats)
    return {"interp": interp, "isolated": isolated, "stdlib": stdlib, "floor": floor,
            "cases": cases, "launch": launch,
            "shared": shared, "baseline": old, "tools": others, "ab": ab,
            "compare": compare}


WTF = shutil.which("wtf") or shutil.which("wtf", path="/usr/games")
DICTD = shutil.which("dictd") or shutil.which("dictd", path="/usr/sbin:/usr/local/sbin")
DICT = shutil.which("dict")
BSD_LISTS = [Path("/usr/share/games/bsdgames/acronyms"),
             Path("/usr/share/games/bsdgames/acronyms.comp")]
VERA = Path("/usr/share/dictd/vera.index")
TOOL_TERMS = ["ASAP", "FAQ", "BOFH"]  # in V.E.R.A. and the BSD acronyms list alike
DICTD_SERVER: list[subprocess.Popen] = []


def tools_cases(tmp: Path) -> list[Case]:
    """`brief define` on the BSD lists and V.E.R.A. imported, beside `wtf` on the BSD
    lists and `dict` against a local dictd serving V.E.R.A., on the same acronyms."""
    lists = [p for p in BSD_LISTS if p.exists()]
    if not lists and not VERA.exists():
        return []
    brief = brief_command()
    data = tmp / "data-glossaries"
    data.mkdir(exist_ok=True)
    env = base_env(tmp / "cache-glossaries")
    # Each import is made against what is already there (--data), so ids stay unique.
    for path in lists:
        subprocess.run([*brief, "import", str(path), "--from", "tsv", "-o",
                        str(data / f"{path.name}.yaml"), "--force", "--data", str(data)],
                       env=env, check=True, capture_output=True)
    if VERA.exists():
        subprocess.run([*brief, "import", str(VERA), "--from", "dictd", "-o",
                        str(data / "vera.yaml"), "--force", "--data", str(data)], env=env,
                       check=True, capture_output=True)
    run_once([*brief, "check", "--data", str(data)], env)
    cases = [Case(f"brief define {t} (glossaries)", [*brief, "define", t, "--short", "--data",
                                                     str(data)], env) for t in TOOL_TERMS]
    if WTF and lists:
        cases += [Case(f"wtf {t}", [WTF, t], env) for t in TOOL_TERMS]
    port = start_dictd(tmp) if DICTD and DICT and VERA.exists() else None
    if port is not None:
        cases += [Case(f"dict {t} (local dictd)",
                       [DICT, "-h", "127.0.0.1", "-p", str(port), "-d", "vera", t], env)
                  for t in TOOL_TERMS]
    return cases


def start_dictd(tmp: Path) -> int | None:
    """A dictd on 127.0.0.1 serving V.E.R.A. as Debian installs it; stopped at exit."""
    import atexit
    import socket

    folder = Path(tempfile.mkdtemp(prefix="brief-bench-dictd-"))
    folder.chmod(0o755)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = folder / "dictd.conf"
    config.write_text(
        f"global {{\n  listen_to 127.0.0.1\n  port {port}\n}}\n"
        "access {\n  allow 127.0.0.1\n}\n"
        f'database vera {{\n  data "{VERA.with_suffix(".dict.dz")}"\n  index "{VERA}"\n}}\n',
        encoding="utf-8",
    )
    assert DICTD is not None
    server = subprocess.Popen([DICTD, "-c", str(config), "-p", str(port), "--debug",
                               "nodetach"], stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    DICTD_SERVER.append(server)
    atexit.register(lambda: (server.terminate(), shutil.rmtree(folder, ignore_errors=True)))
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                if s.recv(3) == b"220":
                    return port
        except OSError:
            time.sleep(0.05)
    server.terminate()
    return None


def lean_report(lean: dict, bases: list[Knowledge]) -> list[tuple[str, list[str],
                                                                  list[list[str]], list[str]]]:
    """Sections: (title, header, rows, notes)."""
    interp, stdlib, floor = lean["interp"], lean["stdlib"], lean["floor"]
    cases = lean["cases"]
    sections = []
    rows = []
    for key, label, target, ref in (
        ("define", "define X, plain", TARGET_LEAN_VS_INTERP, interp),
        ("timeline", "timeline X, plain", TARGET_LEAN_VS_INTERP, interp),
        ("search", "search X, plain", TARGET_LEAN_VS_INTERP, interp),
        ("show", "show (latest), plain", TARGET_LEAN_VS_INTERP, interp),
        ("complete", "completion of define X", TARGET_LEAN_VS_INTERP, interp),
        ("console", "define X, plain, console script", TARGET_LEAN_VS_INTERP, interp),
        ("colour", "define X in colour", TARGET_COLOUR_VS_PLAIN, None),
    ):
        for k in bases:
            case = cases.get((key, k.label))
            if case is None:
                continue
            base = ref or cases[("define", k.label)]
            ratio = case.paired(base)
            rows.append([f"{label} @ {k.label}", ms(case.median()),
                         f"{ratio:.2f}x {'interp' if ref is interp else 'plain'}",
                         f"{case.paired(stdlib):.2f}x", verdict(ratio <= target)])
    sections.append((
        "The lean path: warm lookups, colour and completion",
        ["call", "ms", "ratio (target)", "vs stdlib imports", "target"],
        rows,
        [f"Bare interpreter (`python -c pass`): {ms(interp.median())} ms; "
         f"`python -I -S -c '{ISOLATED_FLOOR}'`: {ms(lean['isolated'].median())} ms "
         f"({lean['isolated'].paired(interp):.2f}x); the standard "
         f"modules a lookup needs (`python -c '{STDLIB_FLOOR}'`): {ms(stdlib.median())} ms "
         f"({stdlib.paired(interp):.2f}x the interpreter); the bare Typer+Rich app: "
         f"{ms(floor.median())} ms.",
         f"Targets: plain lookups and completion ≤ {TARGET_LEAN_VS_INTERP}x the interpreter; "
         f"colour ≤ {TARGET_COLOUR_VS_PLAIN}x the same lookup plain. Every call is the "
         "`brief` launcher installed from the wheel (isolated, without `site`); \"console "
         "script\": the same define through the console script pip writes for brief's entry "
         "point, which `brief` was before the launcher. Colour is forced with "
         "FORCE_COLOR (output to /dev/null), which takes the same path as a terminal."],
    ))
    if lean.get("launch"):
        rows = [[c.name, ms(c.median()), f"{c.paired(interp):.2f}x"] for c in lean["launch"]]
        launcher, console = lean["launch"]
        rows.append(["start only: launcher / console script", "",
                     f"{launcher.paired(console):.2f}x"])
        for k in bases:
            fast, slow = cases.get(("define", k.label)), cases.get(("console", k.label))
            if fast is not None and slow is not None:
                rows.append([f"define X @ {k.label}: launcher / console script", "",
                             f"{fast.paired(slow):.2f}x"])
        sections.append((
            "Starting brief: the launcher and pip's console script",
            ["call", "ms", "ratio"], rows,
            ["An environment like the one measured, whose `briefcli.cli.lean.main` ends at "
             "once: what each way of starting costs before brief's own work and imports. "
             "The launcher: sh, then `python -I -S` on the same file, which puts the "
             "environment's site-packages on sys.path; the console script: the interpreter "
             "with `site` (the environment's .pth files), then `import re`. The define rows: "
             "the same warm define through each (the lean table's two rows), paired by "
             "round."],
        ))
    if lean.get("ab"):
        rows = [[" ".join(now.argv[3:]), f"{now.paired(interp):.2f}x", f"{old.paired(interp):.2f}x",
                 f"{now.paired(old):.3f}"] for now, old in lean["ab"]]
        sections.append((
            f"This code against {lean['compare']}, interleaved",
            ["call (bundled)", "now vs interp", f"{lean['compare']} vs interp", "now / then"],
            rows,
            ["Both run as `python -m briefcli` (a little slower than the `brief` script: "
             "`runpy`), PYTHONPATH at each one's src/, in the same rounds; ratios are "
             "medians over the rounds of the two runs of one round."],
        ))
    shared = lean["shared"]
    rows = [[f"define Smith ({SHARED_SENSES} senses), plain", ms(shared.median()),
             f"{shared.lines} lines", "", ""]]
    for old in lean["baseline"]:
        ratio = shared.paired(old)
        rows.append([old.name, ms(old.median()), f"{old.lines} lines",
                     f"{ratio:.2f}x", verdict(ratio <= TARGET_SHARED_VS_BASELINE)])
    sections.append(("A large answer", ["call", "ms", "output", "now vs then",
                                        f"≤{TARGET_SHARED_VS_BASELINE}x"], rows, []))
    if lean["tools"]:
        rows = [[c.name, ms(c.median()), f"{c.paired(interp):.2f}x"] for c in lean["tools"]]
        sections.append((
            "Beside the tools people use (same acronyms)",
            ["call", "ms", "vs interp"], rows,
            ["brief reads the BSD acronym lists and V.E.R.A. imported with `brief import`; "
             "`wtf` reads the BSD lists; `dict` asks a dictd on 127.0.0.1 serving V.E.R.A."],
        ))
    return sections


# ---------------------------------------------------------------- report


def table(header: list[str], rows: list[list[str]]) -> tuple[str, str]:
    """The same table as aligned text and as Markdown."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(
            str(c).ljust(w) if i == 0 else str(c).rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )

    text = "\n".join([line(header), line(["-" * w for w in widths]),
                      *(line(r) for r in rows)])
    md = "\n".join(
        ["| " + " | ".join(header) + " |",
         "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|",
         *("| " + " | ".join(str(c) for c in r) + " |" for r in rows)]
    )
    return text, md


def rss_how() -> str:
    return "GNU time %M" if USE_GNU_TIME else "os.wait4 ru_maxrss"


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    info = json.loads(subprocess.run([PY, "-c", ENV_INFO], capture_output=True, text=True,
                                     check=True).stdout)
    revision = "unknown"
    try:
        head = subprocess.run(["git", "-C", str(HERE.parent), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(HERE.parent), "status", "--porcelain", "src"],
                               capture_output=True, text=True, check=True).stdout.strip()
        revision = head + (" with uncommitted changes in src/" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "system": platform.platform(),
            "interpreter": PY, "revision": revision, **info}


def report(args: argparse.Namespace, env: dict, bases: list[Knowledge], warm: dict | None,
           cold: list[dict], edit: list[dict], imports: dict | None,
           typer: dict | None, lean: dict | None = None,
           lean_bases: list[Knowledge] | None = None) -> tuple[str, str, dict]:
    text_parts: list[str] = []
    md_parts: list[str] = []
    data: dict = {"machine": env, "command": " ".join(args.argv)}

    def section(title: str, header: list[str], rows: list[list[str]], notes: list[str]) -> None:
        t, m = table(header, rows)
        text_parts.append(f"\n{title}\n{t}\n" + "".join(f"{n}\n" for n in notes))
        md_parts.append(f"\n### {title}\n\n{m}\n\n" + "".join(f"{n}\n\n" for n in notes))

    env_line = (f"{env['nproc']} CPUs, {env['cpu']}; Python {env['python']}, SQLite "
                f"{env['sqlite']}, PyYAML {env['pyyaml']} "
                f"({'with' if env['libyaml'] else 'WITHOUT'} libyaml), Typer {env['typer']}, "
                f"Rich {env['rich']}, brief {env['brief']} (revision {env['revision']}"
                + (f"; measured a copy of src/ and launcher/, installed from its wheel, "
                   f"with digest {SNAPSHOT_DIGEST[0]}"
                   if SNAPSHOT_DIGEST[0] else "") + ")")
    text_parts.append(f"machine: {env_line}\ncommand: {data['command']}")
    md_parts.append(f"Machine: {env_line}.\n\nCommand: `{data['command']}`\n")

    size_labels = [k.label for k in bases]
    if warm is not None:
        floor, interp, imp = warm["floor"], warm["interp"], warm["import"]
        cases = warm["cases"]
        rows = []
        for key, label, _ in QUERIES:
            row = [label]
            for k in bases:
                c = cases.get((key, k.label))
                row.append(ms(c.median()) if c else "n/a")
            rows.append(row)
        notes = [
            f"Median wall time in ms of {args.repeats} runs per cell (each a fresh process, "
            "index already built; output to /dev/null). Same machine, same run, interleaved.",
            f"Floor, a bare Typer+Rich app printing one panel: {ms(floor.median())} ms. "
            f"Bare interpreter (`python -c pass`): {ms(interp.median())} ms. "
            f"`python -c 'import briefcli.cli.app'`: {ms(imp.median())} ms.",
            "Probes (X): " + "; ".join(
                f"{k.label}: " + ", ".join(
                    f"{key}={k.manifest['probes'][key]!r}" for key, _l, _m in QUERIES
                    if k.manifest["probes"].get(key) is not None
                ) for k in bases
            ) + ".",
        ]
        section("Warm calls (ms)", ["command", *size_labels], rows, notes)

        rows = []
        for key, label, _ in QUERIES:
            row = [label]
            for k in bases:
                c = cases.get((key, k.label))
                row.append(f"{c.lines}" if c else "n/a")
            rows.append(row)
        section("Lines of output of each warm call", ["command", *size_labels], rows, [])

        # Ratios at the sizes that matter.
        big = [k for k in bases if k.records >= 30_000]
        bundled = bases[0]
        rows = []
        for key, label, _ in QUERIES:
            if key not in MAIN_QUERIES:
                continue
            ref = cases[(key, bundled.label)]
            for k in big:
                case = cases[(key, k.label)]
                t = case.median()
                vs_b, vs_f = case.paired(ref), case.paired(floor)
                at35 = 30_000 <= k.records <= 40_000
                rows.append([f"{label} @ {k.label}", ms(t), f"{vs_b:.2f}x", f"{vs_f:.2f}x",
                             verdict(vs_b <= TARGET_VS_BUNDLED) if at35 else "",
                             verdict(vs_f <= TARGET_VS_FLOOR) if at35 else ""])
        section(
            "Warm calls against the bundled knowledge and the floor",
            ["call", "ms", "vs bundled", "vs floor",
             f"≤{TARGET_VS_BUNDLED}x bundled (35k)", f"≤{TARGET_VS_FLOOR}x floor (35k)"],
            rows,
            ["\"vs bundled\" and \"vs floor\": median over the rounds of the ratio of the two "
             "runs of the same round (the same call on the bundled knowledge; the floor app)."],
        )
        data["warm"] = {
            "floor": floor.median(), "interpreter": interp.median(),
            "import_cli": imp.median(),
            "cases": {f"{key} @ {lab}": {"median": c.median(),
                                         "all": [s.seconds for s in c.samples],
                                         "maxrss_mb": c.rss_mb(), "lines": c.lines}
                      for (key, lab), c in cases.items()},
        }

        rows = []
        for key, label, _ in QUERIES:
            row = [label]
            for k in bases:
                c = cases.get((key, k.label))
                row.append(f"{c.rss_mb():.1f}" if c else "n/a")
            rows.append(row)
        rows.append(["floor app", f"{floor.rss_mb():.1f}", *[""] * (len(bases) - 1)])
        rss_b = max(cases[(key, bundled.label)].rss_mb() for key in MAIN_QUERIES)
        rss_max = max(cases[(key, k.label)].rss_mb() for key in MAIN_QUERIES for k in bases)
        flat = rss_max <= rss_b * MEMORY_SLACK
        section(
            "Peak memory of a warm call (max RSS, MB)", ["command", *size_labels], rows,
            [f"Median max RSS of the same runs ({rss_how()}). Largest warm define/timeline/search: "
             f"{rss_max:.1f} MB against {rss_b:.1f} MB on the bundled knowledge: "
             f"flat (within {int((MEMORY_SLACK - 1) * 100)}%): {verdict(flat)}."],
        )

    if cold:
        rows = []
        for r in cold:
            ratio = r["ratio"]
            rows.append([r["label"], f"{r['bytes'] / 1e6:.1f}", ms(r["build"]),
                         ms(r["libyaml"]), ms(r["libyaml_inner"]), f"{ratio:.2f}x",
                         verdict(ratio <= TARGET_COLD_VS_LIBYAML),
                         f"{r['build_rss_mb']:.0f}", f"{r['libyaml_rss_mb']:.0f}"])
        section(
            "Cold build (`brief check`, empty cache) against libyaml alone",
            ["records", "MB", "build ms", "libyaml ms", "(parse only)", "ratio",
             f"≤{TARGET_COLD_VS_LIBYAML}x", "build RSS MB", "libyaml RSS MB"],
            rows,
            ["libyaml: a subprocess of the same interpreter that reads every file and runs "
             "`yaml.load(text, Loader=yaml.CSafeLoader)` on it, timed from the outside like "
             "brief (so both include interpreter start-up); \"parse only\" is the time "
             "measured inside that process around reading and parsing. Ratio: median over "
             "the pairs (each build followed by a libyaml run) of build / libyaml."],
        )
        data["cold"] = cold

    if warm is not None:
        rows = []
        for k in bases:
            rare, common = (warm["cases"].get((key, k.label))
                            for key in ("search", "search_common"))
            if rare is None or common is None:
                continue
            ratio = common.paired(rare)
            rows.append([k.label, ms(rare.median()), ms(common.median()),
                         f"{common.lines}", f"{ratio:.2f}x",
                         verdict(ratio <= TARGET_COMMON_VS_RARE)])
        section(
            "Search: the commonest word against a rare one",
            ["records", "rare ms", "common ms", "lines shown", "common / rare",
             f"≤{TARGET_COMMON_VS_RARE}x"],
            rows,
            ["The same warm runs as above: `search X` (a person's full name) and `search` of "
             "the word in the most titles; the ratio is the median over the rounds of the "
             "two runs of one round. Both show at most 20 hits."],
        )

    if edit:
        rows = []
        for r in edit:
            extra = r["extra"] - r["parse_file"]
            rows.append([r["label"], ms(r["warm"]), ms(r["after_edit"]),
                         f"{r['parse_file'] * 1e3:.2f}", f"{extra * 1000:+.0f}",
                         f"{r['vs_warm']:.2f}x", verdict(r["vs_warm"] <= TARGET_EDIT_VS_WARM),
                         ms(r["after_touch"]), f"{r['touch_vs_warm']:.2f}x",
                         verdict(r["touch_vs_warm"] <= TARGET_TOUCH_VS_WARM),
                         f"{r['index_bytes'] / 1e6:.1f}", f"{r['after_edit_rss_mb']:.0f}"])
        section(
            "First call after a one-line edit of a small file",
            ["records", "warm ms", "after edit ms", "parse file ms", "extra ms",
             "vs warm", f"≤{TARGET_EDIT_VS_WARM}x warm", "after touch ms", "vs warm",
             f"≤{TARGET_TOUCH_VS_WARM}x warm", "index MB", "RSS MB"],
            rows,
            ["Each round changes the value of one `role:` line of a small file "
             f"(`extra.yaml`, about {edit[-1]['file_bytes'] / 1000:.1f} kB; for the bundled "
             "knowledge, a copy of its one file) and times the next `brief define X`, then a "
             "warm call. \"parse file\": `yaml.load` of that file with CSafeLoader, "
             "in-process median of 200. \"extra\" = median over rounds of (after edit − "
             "warm) − parse, and \"vs warm\" the median of after edit / warm. \"after "
             "touch\": the same file given new times with its bytes unchanged (os.utime), "
             "then the next call, against the warm call after it."],
        )
        data["edit"] = edit

    if imports is not None:
        cli = imports["cli"]
        top = sorted(cli.items(), key=lambda kv: -kv[1][1])[:12]
        rows = [[name, f"{s / 1000:.1f}", f"{c / 1000:.1f}"] for name, (s, c) in top]
        section("`python -X importtime -c \"import briefcli.cli.app\"` (largest cumulative)",
                ["module", "self ms", "cumulative ms"], rows,
                ["Medians of 5 runs; importtime's own overhead inflates these figures."])
        extra = sorted(imports["extra"].items(), key=lambda kv: -kv[1])
        shown = extra[:16]
        rows = [[name, f"{us / 1000:.1f}"] for name, us in shown]
        rest = sum(us for _, us in extra[16:])
        if rest:
            rows.append([f"({len(extra) - 16} more)", f"{rest / 1000:.1f}"])
        section("What a warm `brief define KFOR` imports beyond the floor app",
                ["module (briefcli) or package", "self ms"], rows,
                [f"Sum of self import times, medians of 5 runs under `-X importtime` (which "
                 f"inflates them): a warm call imports {imports['call_total'] / 1000:.0f} ms, "
                 f"the floor app {imports['floor_total'] / 1000:.0f} ms; the modules above, "
                 f"which the floor does not import, account for "
                 f"{sum(us for _, us in extra) / 1000:.0f} ms."])
        data["imports"] = {"cli_top": top, "beyond_floor": extra,
                           "call_total_us": imports["call_total"],
                           "floor_total_us": imports["floor_total"]}

    if lean is not None:
        for title, header, rows, notes in lean_report(lean, lean_bases or bases):
            section(title, header, rows, notes)
        data["lean"] = {c.name: c.median() for c in [
            lean["interp"], lean["stdlib"], lean["floor"], *lean["cases"].values(),
            *lean["launch"], lean["shared"], *lean["baseline"], *lean["tools"]]}

    if typer is not None:
        rows = []
        for c in typer["cases"]:
            rows.append([c.name, ms(c.median()), f"{c.rss_mb():.1f}"])
        notes = []
        for v in typer["info"].values():
            pyd = (f"pydantic and its dependencies {v['pydantic_ms']:.0f} ms of them"
                   if v["imports_pydantic"] else "no pydantic")
            notes.append(
                f"typer {v['typer']} (rich {v['rich']}, Python {v['python']}): `import typer` "
                f"{v['import_typer_ms']:.0f} ms cumulative under importtime; running the app "
                f"imports {v['app_imports_ms']:.0f} ms of modules (self times summed), {pyd}."
            )
        section("The floor app under Typer 0.28 and 0.29", ["interpreter", "ms", "RSS MB"],
                rows, [f"Median of {args.typer_repeats} runs, interleaved.", *notes])
        data["typer"] = {"info": typer["info"],
                         "cases": {c.name: c.median() for c in typer["cases"]}}

    return "\n".join(text_parts), "\n".join(md_parts), data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="fewer repeats, no 100,000-record knowledge")
    parser.add_argument("--repeats", type=int, help="runs per warm case (default 15; quick 5)")
    parser.add_argument("--sizes", help="comma-separated record counts to generate")
    parser.add_argument("--markdown", type=Path, help="also write the tables as Markdown")
    parser.add_argument("--json", type=Path, help="also write every measurement as JSON")
    parser.add_argument("--typer-versions", action="store_true",
                        help="also time the floor app under Typer 0.28 and 0.29 (makes venvs)")
    parser.add_argument("--only-typer-versions", action="store_true",
                        help="only the Typer comparison")
    parser.add_argument("--compare", metavar="REV",
                        help="also time warm lookups of revision REV beside this code")
    parser.add_argument("--no-cold", action="store_true",
                        help="leave out the cold builds (for large --sizes)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--million", action="store_true",
                        help="also measure the lean path and edits at 1,000,000 records")
    parser.add_argument("--baseline", default=BASELINE,
                        help=f"revisions a large answer is compared with ({BASELINE})")
    parser.add_argument("--no-snapshot", action="store_true",
                        help="run the checkout's src/ as it is, not a copy taken at the start")
    args = parser.parse_args(argv)
    args.argv = ["python", "benchmarks/run.py", *(sys.argv[1:] if argv is None else argv)]
    args.repeats = args.repeats or (5 if args.quick else 25)
    args.edit_repeats = min(args.repeats, 15)
    args.typer_repeats = args.repeats
    cold_repeats = 2 if args.quick else 5
    if args.sizes:
        sizes = [int(s) for s in args.sizes.split(",")]
    else:
        sizes = [10, 10_000, 35_000] if args.quick else [10, 10_000, 35_000, 100_000]

    tmp = args.keep or Path(tempfile.mkdtemp(prefix="brief-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    try:
        env = machine()
        if not args.no_snapshot:
            take_snapshot(tmp)
            check = subprocess.run(
                [brief_python(), "-c",
                 "import briefcli.cli.app; print(briefcli.cli.app.__file__)"],
                env=base_env(tmp), capture_output=True, text=True, check=True,
            ).stdout.strip()
            if not check.startswith(str(INSTALLED and INSTALLED.parent)):
                raise SystemExit(f"the snapshot is not the code run: {check}")
        warm = cold = edit = imports = typer = lean = None
        bases: list[Knowledge] = []
        lean_bases: list[Knowledge] = []
        if not args.only_typer_versions:
            bases = prepare(tmp, sizes)
            warm = warm_part(tmp, bases, args.repeats)
            cold = None if args.no_cold else cold_part(tmp, bases, cold_repeats)
            lean_bases = [k for k in bases if k.data is None or 30_000 <= k.records <= 40_000]
            if args.million:
                lean_bases += prepare_million(tmp)
            lean = lean_part(tmp, lean_bases, args.repeats, args.baseline, args.compare)
            edit = edit_part(tmp, bases + [k for k in lean_bases if k not in bases],
                             args.edit_repeats)
            progress("import times")
            imports = import_part(tmp, bases, 5)
        if args.typer_versions or args.only_typer_versions:
            typer = typer_part(tmp, args.typer_repeats)
        text, md, data = report(args, env, bases, warm, cold or [], edit or [], imports, typer,
                                lean, lean_bases)
    finally:
        RSS_FILE.unlink(missing_ok=True)
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)
    elapsed = time.perf_counter() - started
    print(text)
    print(f"\n(total {elapsed:.0f} s)")
    if args.markdown:
        args.markdown.write_text(md + "\n", encoding="utf-8")
    if args.json:
        data["elapsed"] = elapsed
        args.json.write_text(json.dumps(data, indent=1, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
