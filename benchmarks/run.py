"""Benchmarks for `brief`: warm lookups, cold builds, edits, memory and start-up imports.

    python benchmarks/run.py [--quick] [--repeats N] [--sizes N,N,...] [--markdown FILE]
                             [--json FILE] [--typer-versions | --only-typer-versions]
                             [--keep DIR] [--no-snapshot]

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
- the first call after appending an entity to one small file, against a warm call and
  against parsing that file;
- the import time of `import briefcli.cli` and of everything a warm call imports
  (`python -X importtime`);
- by default, brief runs from a copy of src/ and data/ taken at the start (first on
  PYTHONPATH), so that the checkout may change during a run without mixing versions;
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
EDIT_SLACK = 0.10  # the first call after an edit: warm + parse of the file + 10% of warm
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
    script = Path(PY).parent / "brief"
    return [str(script)] if script.exists() else [PY, "-m", "briefcli"]


SNAPSHOT: Path | None = None  # a copy of src/ (and data/) that every brief process runs
SNAPSHOT_DIGEST = [""]  # sha256 of the copied *.py files, to tell runs apart


def take_snapshot(tmp: Path) -> Path:
    """Copy src/ and data/ so that edits made to the checkout during a run are not mixed in.

    brief processes get the copy first on PYTHONPATH, ahead of the installed package.
    """
    global SNAPSHOT
    root = tmp / "snapshot"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(HERE.parent / "src", root / "src", ignore=ignore)
    shutil.copytree(HERE.parent / "data", root / "data", ignore=ignore)
    SNAPSHOT = root / "src"
    # An installed package has its bytecode compiled at install time; without it every
    # call would compile brief's modules again (and PYTHONDONTWRITEBYTECODE, where set,
    # would keep it so), while Typer and Rich load compiled code.
    compileall.compile_dir(SNAPSHOT, quiet=1)
    digest = hashlib.sha256()
    for path in sorted((root / "src").rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    SNAPSHOT_DIGEST[0] = digest.hexdigest()[:12]
    return SNAPSHOT


def base_env(cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEF_")}
    env.update(BRIEF_CACHE_DIR=str(cache), COLUMNS="100", NO_COLOR="1")
    if SNAPSHOT is not None:
        env["PYTHONPATH"] = os.pathsep.join(
            [str(SNAPSHOT), *filter(None, [os.environ.get("PYTHONPATH")])]
        )
    return env


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
    imp = Case("import briefcli.cli", [PY, "-c", "import briefcli.cli"], env0)
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


ADDED = """\
  - id: {id}
    name: Added Entity {n}
    kind: organization
    role: appended by the benchmark
"""


def edit_part(tmp: Path, bases: list[Knowledge], repeats: int) -> list[dict]:
    brief = brief_command()
    parse_one = tmp / "parse_one.py"
    parse_one.write_text(PARSE_ONE)
    rows = []
    for k in bases:
        if k.data is None:
            continue
        extra = k.data / k.manifest["extra_file"]
        original = extra.read_bytes()
        env = base_env(k.cache)
        argv = [*brief, "define", k.manifest["probes"]["define"], *k.args()]
        progress(f"edit then call, {k.label} records x {repeats}")
        run_once([*brief, "check", *k.args()], env)  # the index is current
        after, warm = [], []
        for i in range(repeats):
            with extra.open("a", encoding="utf-8") as f:
                f.write(ADDED.format(id=f"bench-added-{i}", n=i))
            sample, _ = run_once(argv, env)
            if sample.returncode != 0:
                raise SystemExit(f"call after edit failed: exit {sample.returncode}")
            after.append(sample)
            warm.append(run_once(argv, env)[0])
        _, text = run_once([PY, str(parse_one), str(extra), "200"], env, capture=True)
        parse = float(text.strip().splitlines()[-1])
        extra.write_bytes(original)
        run_once([*brief, "check", *k.args()], env)  # back to the generated state
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
    cli = importtime(["-c", "import briefcli.cli"], env, runs)
    call = importtime(
        ["-c", "import sys; sys.argv = ['brief', 'define', 'KFOR']\n"
         "from briefcli.cli import main\nmain()"], env, runs,
    )
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
           typer: dict | None) -> tuple[str, str, dict]:
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
                + (f"; measured a copy of src/ with digest {SNAPSHOT_DIGEST[0]}"
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
            f"`python -c 'import briefcli.cli'`: {ms(imp.median())} ms.",
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

    if edit:
        rows = []
        for r in edit:
            extra = r["extra"] - r["parse_file"]
            ok = extra <= EDIT_SLACK * r["warm"]
            rows.append([r["label"], ms(r["warm"]), ms(r["after_edit"]),
                         f"{r['parse_file'] * 1e3:.2f}", f"{extra * 1000:+.0f}",
                         f"{r['vs_warm']:.2f}x", verdict(ok),
                         f"{r['index_bytes'] / 1e6:.1f}", f"{r['after_edit_rss_mb']:.0f}"])
        section(
            "First call after editing one small file",
            ["records", "warm ms", "after edit ms", "parse file ms", "extra ms",
             "vs warm", "≈ warm + parse", "index MB", "RSS MB"],
            rows,
            [f"Each round appends one entity to `extra.yaml` (about "
             f"{edit[0]['file_bytes'] / 1000:.1f} kB) and times the next `brief define X`, "
             "then a warm call. \"parse file\": `yaml.load` of that file with CSafeLoader, "
             "in-process median of 200. \"extra\" = median over rounds of (after edit − "
             "warm) − parse, and \"vs warm\" the median of after edit / warm; the target "
             f"counts as met when it is at most {int(EDIT_SLACK * 100)}% of a warm call."],
        )
        data["edit"] = edit

    if imports is not None:
        cli = imports["cli"]
        top = sorted(cli.items(), key=lambda kv: -kv[1][1])[:12]
        rows = [[name, f"{s / 1000:.1f}", f"{c / 1000:.1f}"] for name, (s, c) in top]
        section("`python -X importtime -c \"import briefcli.cli\"` (largest cumulative)",
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
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
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
                [PY, "-c", "import briefcli.cli; print(briefcli.cli.__file__)"],
                env=base_env(tmp), capture_output=True, text=True, check=True,
            ).stdout.strip()
            if not check.startswith(str(SNAPSHOT)):
                raise SystemExit(f"the snapshot is not the code run: {check}")
        warm = cold = edit = imports = typer = None
        bases: list[Knowledge] = []
        if not args.only_typer_versions:
            bases = prepare(tmp, sizes)
            warm = warm_part(tmp, bases, args.repeats)
            cold = cold_part(tmp, bases, cold_repeats)
            edit = edit_part(tmp, bases, args.edit_repeats)
            progress("import times")
            imports = import_part(tmp, bases, 5)
        if args.typer_versions or args.only_typer_versions:
            typer = typer_part(tmp, args.typer_repeats)
        text, md, data = report(args, env, bases, warm, cold or [], edit or [], imports, typer)
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
