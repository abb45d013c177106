"""Make docs/pictures/site.png: the bundled knowledge's static site, searching for KFOR.

    python scripts/site_picture.py [OUT.png]

Builds the site of the bundled knowledge into a temporary folder with `brief site`,
opens its home page from disk in headless Chromium (the test suite's DevTools driver,
tests/browser.py), types KFOR in the search box and saves a screenshot of the window.
Run it with the interpreter brief is installed in; it needs Chromium (BRIEF_CHROMIUM, or
chromium on PATH).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import Browser, find_chromium  # noqa: E402


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else ROOT / "docs" / "pictures" / "site.png"
    if find_chromium() is None:
        print("needs Chromium: set BRIEF_CHROMIUM or put chromium on PATH", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="brief-site-picture-") as tmp:
        out = Path(tmp) / "public"
        env = {"BRIEF_CACHE_DIR": str(Path(tmp) / "cache"), "PATH": "/usr/bin:/bin"}
        subprocess.run([sys.executable, "-m", "briefcli", "site", str(out)], env=env,
                       check=True)
        with Browser() as browser:
            page = browser.open((out / "index.html").as_uri())
            page.evaluate(
                "(() => { const q = document.getElementById('q'); q.focus();"
                " q.value = 'KFOR'; q.dispatchEvent(new Event('input')); })()"
            )
            page.wait_for("document.querySelectorAll('#search-results li').length > 0")
            if page.console_errors:
                print("\n".join(page.console_errors), file=sys.stderr)
                return 1
            target.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(target)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
