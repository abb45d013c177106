"""brief installed from its wheel into a virtual environment of its own, as a user has it.

The benchmarks (run.py) and the launcher's tests (tests/test_launcher.py) run `brief` this
way: the wheel of a source tree built with pip (`pip wheel --no-deps --no-build-isolation`,
offline: hatchling has to be importable), a virtual environment made with `python -m venv
--without-pip`, the wheel installed into it with pip, and brief's dependencies taken from the
running interpreter's environment: each of its site-packages entries other than brief's own
is linked into the new one, so nothing is downloaded and the new environment holds what an
environment with `pip install .` holds.
"""

from __future__ import annotations

import compileall
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path


class CannotBuild(Exception):
    """The wheel cannot be built here (no hatchling, no pip)."""


def build_wheel(project: Path, out: Path, python: str = sys.executable) -> Path:
    """The wheel of the source tree `project` (pyproject.toml, src/, data/, launcher/)."""
    probe = subprocess.run([python, "-c", "import hatchling, pip"], capture_output=True)
    if probe.returncode != 0:
        raise CannotBuild(f"building brief's wheel needs hatchling and pip in {python} "
                          "(pip install hatchling)")
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([python, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "--no-index", "-w", str(out), str(project)],
                   check=True, capture_output=True)
    wheels = sorted(out.glob("brief-*.whl"))
    if len(wheels) != 1:
        raise CannotBuild(f"expected one wheel in {out}, found {len(wheels)}")
    return wheels[0]


def site_packages(prefix: Path) -> Path:
    """The site-packages folder of the environment at `prefix` (made by this interpreter)."""
    version = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    return prefix / "lib" / version / "site-packages"


def own(name: str) -> bool:
    """Whether a site-packages entry is brief's (the package, its metadata, an editable
    install's path file)."""
    return "brief" in name or name.startswith("__editable__") or name == "__pycache__"


def link_dependencies(target: Path) -> None:
    """Link every entry of this interpreter's site-packages but brief's into `target`."""
    source = Path(sysconfig.get_paths()["purelib"])
    for entry in sorted(source.iterdir()):
        if not own(entry.name):
            (target / entry.name).symlink_to(entry)


def make_environment(prefix: Path, wheel: Path, python: str = sys.executable) -> Path:
    """A virtual environment at `prefix` with `wheel` installed and the dependencies of
    `python`'s environment linked; returns its bin/ folder."""
    subprocess.run([python, "-m", "venv", "--without-pip", str(prefix)], check=True)
    link_dependencies(site_packages(prefix))
    subprocess.run([python, "-m", "pip", "--python", str(prefix / "bin" / "python"),
                    "install", "-q", "--no-deps", "--no-index", str(wheel)],
                   check=True, capture_output=True)
    return prefix / "bin"


def console_script(bin_folder: Path, name: str, python: str = sys.executable) -> Path:
    """The console script pip writes for `name = briefcli.cli.lean:main` (brief's entry
    point before the launcher), written into `bin_folder` by pip's own script maker for the
    interpreter there: what `brief` was, to measure the launcher against."""
    subprocess.run(
        [python, "-c",
         "import sys\n"
         "from pip._vendor.distlib.scripts import ScriptMaker\n"
         "maker = ScriptMaker(None, sys.argv[1])\n"
         "maker.executable = sys.argv[1] + '/python'\n"
         "maker.variants = {''}\n"
         "maker.set_mode = True\n"
         "maker.make(sys.argv[2] + ' = briefcli.cli.lean:main')",
         str(bin_folder), name],
        check=True,
    )
    return bin_folder / name


def stub_environment(prefix: Path, launcher: Path, console: str,
                     python: str = sys.executable) -> Path:
    """An environment like make_environment's whose brief is only a `briefcli.cli.lean.main`
    that ends at once, started by `launcher` (as bin/brief) and by pip's console script
    (bin/`console`): what starting costs, each way, whatever brief imports. Returns bin/."""
    subprocess.run([python, "-m", "venv", "--without-pip", str(prefix)], check=True)
    target = site_packages(prefix)
    link_dependencies(target)
    (target / "briefcli" / "cli").mkdir(parents=True)
    (target / "briefcli" / "__init__.py").write_text("", encoding="utf-8")
    (target / "briefcli" / "cli" / "__init__.py").write_text("", encoding="utf-8")
    (target / "briefcli" / "cli" / "lean.py").write_text(
        "def main():\n    raise SystemExit(0)\n", encoding="utf-8")
    compileall.compile_dir(target / "briefcli", quiet=1)
    shutil.copy2(launcher, prefix / "bin" / "brief")
    console_script(prefix / "bin", console, python)
    return prefix / "bin"
