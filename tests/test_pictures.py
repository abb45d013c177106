"""The README's pictures are the real output of the commands they name."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "pictures.py"
PICTURES = ROOT / "docs" / "pictures"
NAMES = ("show.svg", "define.svg", "timeline.svg")


def test_docs_pictures_are_up_to_date(tmp_path):
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr
    stale = [
        name for name in NAMES
        if not (PICTURES / name).is_file()
        or (PICTURES / name).read_bytes() != (tmp_path / name).read_bytes()
    ]
    assert not stale, f"docs/pictures are stale: run python scripts/pictures.py ({stale})"


def test_pictures_are_svg_with_no_external_reference():
    for name in NAMES:
        text = (PICTURES / name).read_text(encoding="utf-8")
        ET.fromstring(text)  # well-formed
        without_namespace = text.replace('xmlns="http://www.w3.org/2000/svg"', "")
        assert "http" not in without_namespace and "@font-face" not in without_namespace
        assert not re.search(r"url\((?!#)", text), "only references inside the picture"
        assert "\x1b" not in text


def test_the_readme_shows_each_picture():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in NAMES:
        assert f"(docs/pictures/{name})" in readme
