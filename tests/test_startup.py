"""What a warm lookup imports, and the record classes made without `typing`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefcli.typed import NamedTuple, cast


class Point(NamedTuple):
    """A point."""

    x: int
    y: int = 0
    tags: tuple[str, ...] = ()

    @property
    def norm(self) -> int:
        return abs(self.x) + abs(self.y)

    def moved(self, dx: int) -> Point:
        return self._replace(x=self.x + dx)


def test_a_record_class_is_a_named_tuple_with_its_body():
    p = Point(3)
    assert p == (3, 0, ()) and p.y == 0 and p.tags == ()
    assert Point._fields == ("x", "y", "tags")
    assert Point(1, 2).norm == 3 and Point(1, 2).moved(2) == Point(3, 2)
    assert Point.__doc__ == "A point."
    assert Point.__qualname__ == "Point" and Point.__module__ == __name__
    assert isinstance(p, tuple)
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    assert cast(int, "1") == "1"


@pytest.mark.parametrize("words", [["define", "KFOR"], ["search", "police"],
                                   ["timeline", "kosovo"], ["show"]])
def test_a_warm_lookup_imports_no_typing_contextlib_or_yaml(words, tmp_path: Path):
    env = {"BRIEF_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1", "COLUMNS": "100",
           "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-m", "briefcli", "check"], env=env, check=True,
                   capture_output=True)
    probe = (
        "import sys\nfrom briefcli.cli.lean import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit as exc:\n    code = exc.code\n"
        "names = ('typing', 'contextlib', 'yaml', 'typer', 'rich')\n"
        "sys.stderr.write(repr([code, [n for n in names if n in sys.modules]]))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, *words], env=env, check=True,
                         capture_output=True, text=True)
    assert out.stdout
    assert out.stderr == "[0, []]"


def test_a_completion_request_imports_no_datetime_or_yaml(tmp_path: Path):
    env = {"BRIEF_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin",
           "_BRIEF_COMPLETE": "complete_bash", "COMP_WORDS": "brief define KF",
           "COMP_CWORD": "2"}
    subprocess.run([sys.executable, "-m", "briefcli", "check"],
                   env={k: v for k, v in env.items() if not k.startswith(("_", "COMP"))},
                   check=True, capture_output=True)
    probe = (
        "import sys\nfrom briefcli.cli.lean import main\n"
        "try:\n    main([])\nexcept SystemExit as exc:\n    code = exc.code\n"
        "names = ('datetime', 'yaml', 'typer', 'rich')\n"
        "sys.stderr.write(repr([code, [n for n in names if n in sys.modules]]))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], env=env, check=True,
                         capture_output=True, text=True)
    assert "KFOR" in out.stdout
    assert out.stderr == "[0, []]"
