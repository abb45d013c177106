"""Shared fixtures: run the `brief` command in-process with its surroundings replaced."""

from __future__ import annotations

import contextlib
import io
import os
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from briefcli.cli import app as cli
from briefcli.cli.environment import Environment

FIXTURES = Path(__file__).parent / "fixtures"

# Property tests: a fast profile for everyday runs, the full one in CI
# (HYPOTHESIS_PROFILE=ci, set by .ci/run). Both are derandomized: a run is repeatable.
FULL = os.environ.get("HYPOTHESIS_PROFILE") == "ci"
for _name, _examples in (("dev", 25), ("ci", 200)):
    settings.register_profile(
        _name, derandomize=True, database=None, max_examples=_examples, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
settings.load_profile("ci" if FULL else "dev")


def fixed_settings(max_examples: int) -> settings:
    """Settings of a property test: derandomized, no example database, no deadline."""
    return settings(
        derandomize=True, database=None, max_examples=max_examples, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def examples(full: int) -> int:
    """How many examples a property test runs: all of them in CI, a fifth day to day."""
    return full if FULL else max(20, full // 5)


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str


class Brief:
    """Runs `brief ARGS...` in-process, with a private cache and no colour by default."""

    def __init__(self, cache: Path) -> None:
        self.environ = {"BRIEF_CACHE_DIR": str(cache), "NO_COLOR": "1"}

    def __call__(self, *args: str, **environ: str) -> Result:
        out, err = io.StringIO(), io.StringIO()
        env = Environment(out, err, {**self.environ, **environ})
        try:
            # Typer writes usage errors to the process's streams: catch those too.
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                cli.main(list(args), env)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def brief(tmp_path: Path) -> Brief:
    return Brief(tmp_path / "cache")


def write(path: Path, text: str) -> Path:
    """Write a knowledge file dated ten seconds ago (each write still gets its own time),
    so that the index trusts its stamp at once instead of treating it as just modified."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    past = time.time_ns() - 10_000_000_000
    os.utime(path, ns=(past, past))
    return path
