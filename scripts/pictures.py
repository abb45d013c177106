"""Draw the README's pictures: `brief` in a terminal, as SVG files in docs/pictures/.

Each picture is the real output of a command on the bundled knowledge, run in a
subprocess with colour forced, 100 columns and a fixed environment, its ANSI codes
read back by Rich and drawn with a template of our own (Rich's default loads a web font;
this one names only fonts already on the reader's machine). The same commands give the
same pictures, byte for byte: `tests/test_pictures.py` fails when the ones committed
are stale. Run it with the Python that has brief installed:

    python scripts/pictures.py              # rewrites docs/pictures/*.svg
    python scripts/pictures.py --out DIR    # writes them to DIR instead
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PICTURES = ROOT / "docs" / "pictures"
COLUMNS = 100

# name -> the command's arguments
COMMANDS: dict[str, list[str]] = {
    "show": ["show", "2023-11-11"],
    "define": ["define", "KFOR"],
    "timeline": ["timeline", "Kosovo"],
}

# Rich's CONSOLE_SVG_FORMAT without its web font: a monospace font of the system.
SVG_FORMAT = """\
<svg class="rich-terminal" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">
    <style>
    .{unique_id}-matrix {{
        font-family: "DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace;
        font-size: {char_height}px;
        line-height: {line_height}px;
        font-variant-east-asian: full-width;
    }}

    .{unique_id}-title {{
        font-size: 18px;
        font-weight: bold;
        font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
    }}

    {styles}
    </style>

    <defs>
    <clipPath id="{unique_id}-clip-terminal">
      <rect x="0" y="0" width="{terminal_width}" height="{terminal_height}" />
    </clipPath>
    {lines}
    </defs>

    {chrome}
    <g transform="translate({terminal_x}, {terminal_y})"
       clip-path="url(#{unique_id}-clip-terminal)">
    {backgrounds}
    <g class="{unique_id}-matrix">
    {matrix}
    </g>
    </g>
</svg>
"""


def run_brief(args: list[str], home: str) -> str:
    """The output of `brief --color always ARGS` on the bundled knowledge, as a
    terminal 100 columns wide would get it."""
    environ = {
        "PATH": os.environ.get("PATH", os.defpath),
        "HOME": home,
        "BRIEF_CACHE_DIR": os.path.join(home, "cache"),
        "COLUMNS": str(COLUMNS),
        "LINES": "50",
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONHASHSEED": "0",
        "TZ": "UTC",
    }
    done = subprocess.run(
        [sys.executable, "-m", "briefcli", "--color", "always", *args],
        env=environ, cwd=home, capture_output=True, timeout=120, check=False,
    )
    if done.returncode != 0:
        raise SystemExit(
            f"brief {' '.join(args)} failed ({done.returncode}): "
            + done.stderr.decode("utf-8", "replace")
        )
    return done.stdout.decode("utf-8")


def picture(ansi: str, title: str, name: str) -> str:
    """A terminal's output (with ANSI codes) as an SVG picture."""
    from rich.console import Console
    from rich.text import Text

    console = Console(
        record=True, width=COLUMNS, file=io.StringIO(), force_terminal=True,
        color_system="truecolor", legacy_windows=False, _environ={},
    )
    console.print(Text.from_ansi(ansi.rstrip("\n")), soft_wrap=True)
    return console.export_svg(
        title=title, code_format=SVG_FORMAT, font_aspect_ratio=0.6,
        unique_id=f"brief-{name}",
    )


def draw(out: Path) -> list[Path]:
    """Write every picture to the folder `out`; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory(prefix="brief-pictures-") as home:
        for name, args in COMMANDS.items():
            svg = picture(run_brief(args, home), "brief " + " ".join(args), name)
            path = out / f"{name}.svg"
            path.write_text(svg, encoding="utf-8", newline="\n")
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=PICTURES,
                        help=f"the folder to write to (default: {PICTURES.relative_to(ROOT)})")
    options = parser.parse_args(argv)
    for path in draw(options.out):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
