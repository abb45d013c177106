"""Fuzzing beyond the reader: file names, data-folder layouts and cache paths.

Whatever the names (non-UTF-8 bytes, line breaks, spaces, leading dashes, dots), the
layout (nested folders, links in and out, files that are not YAML) and the cache folder
(relative, absent, a file, unwritable), `brief check` and a query end with a message and
exit 0 or 1: never an internal error, never a traceback, never a raw control character.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from briefcli.cli import app as cli
from briefcli.cli.environment import Environment
from conftest import examples, fixed_settings

NAME_BYTES = st.lists(
    st.sampled_from([b"a", b"Z", b"-", b" ", b".", b"\n", b"\xe9", b"\xc3\xa9", b"\x1b", b"_"]),
    min_size=1, max_size=8,
).map(b"".join)

CONTENTS = st.sampled_from([
    b"entities:\n  - id: a\n    name: A\n",
    b"entities:\n  - id: b\n    name: B\n    related: [a]\n",
    b"entities: [\n",
    b"\xff\xfe\x00binary",
    b"",
    b"events:\n  - id: e\n    date: 2023-02-30\n    title: T\n",
    b"!!python/object/apply:os.system [echo hi]\n",
])

ENTRY = st.tuples(
    st.lists(NAME_BYTES, min_size=0, max_size=2),  # folders
    NAME_BYTES,  # file name, without suffix
    st.sampled_from([b".yaml", b".yml", b".txt"]),
    st.sampled_from(["file", "link-out", "link-in"]),
    CONTENTS,
)

CACHE = st.sampled_from(["abs", "relative", "missing-parent", "a-file", "read-only"])


def build(root: Path, entries: list[tuple[list[bytes], bytes, bytes, str, bytes]]) -> Path:
    data = root / "data"
    data.mkdir()
    outside = root / "outside.yaml"
    outside.write_bytes(b"secret: ghp_TOKEN\n")
    base = os.fsencode(data)
    first: bytes | None = None
    for folders, name, suffix, how, content in entries:
        folder = os.path.join(base, *[f.replace(b"/", b"_") or b"_" for f in folders])
        path = os.path.join(folder, name.replace(b"/", b"_") + suffix)
        try:
            os.makedirs(folder, exist_ok=True)
            if how == "link-out":
                os.symlink(os.fsencode(outside), path)
            elif how == "link-in" and first is not None:
                os.symlink(first, path)
            else:
                with open(path, "wb") as f:
                    f.write(content)
                first = first or path
        except OSError:
            continue  # a name the file system refuses, or a clash: not part of the layout
    return data


def cache_dir(root: Path, kind: str) -> str:
    if kind == "relative":
        return "rel cache/ é"
    if kind == "missing-parent":
        return str(root / "no" / "such" / "cache")
    if kind == "a-file":
        (root / "afile").write_text("x")
        return str(root / "afile")
    if kind == "read-only":
        (root / "ro").mkdir()
        os.chmod(root / "ro", 0o500)
        return str(root / "ro")
    return str(root / "cache")


@fixed_settings(examples(200))
@given(st.lists(ENTRY, min_size=0, max_size=6), CACHE,
       st.sampled_from([["check"], ["define", "a"], ["timeline"], ["search", "a"]]))
def test_no_layout_name_or_cache_path_breaks_brief(entries, cache_kind, args):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        data = build(root, entries)
        out, err = io.StringIO(), io.StringIO()
        env = Environment(out, err, {"BRIEF_CACHE_DIR": cache_dir(root, cache_kind),
                                     "NO_COLOR": "1"}, cwd=str(root))
        code = 0
        try:
            with contextlib.redirect_stderr(err):
                cli.main([*args, "--data", str(data)], env)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        finally:
            with contextlib.suppress(OSError):
                os.chmod(root / "ro", 0o700)
        text = out.getvalue() + err.getvalue()
        assert code in (0, 1), text
        assert "internal error" not in text and "Traceback" not in text
        assert "\x1b" not in text
        assert "ghp_TOKEN" not in text
