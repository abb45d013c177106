"""brief beside `wtf` (bsdgames) and `dict` (dictd) on the same real glossaries.

    python benchmarks/glossaries.py [--markdown FILE] [--terms T,T,...]

Run it with the interpreter brief is installed in (for example `.venv/bin/python`).
The V.E.R.A. dictd database (`apt-get install dict-vera dictd dict`) and the BSD
acronym lists (`apt-get install bsdgames`: acronyms and acronyms.comp) are imported with
`brief import` into one temporary folder; then each term is asked of

- `wtf -f LIST TERM` for each BSD list (what wtf knows; its `whatis` fallback is not
  counted: a line "TERM (7) - ..." from a manual page is not an answer from the list),
- `dict -d vera TERM` against a dictd of our own, started on 127.0.0.1 on a free port
  with a copy of the V.E.R.A. database, stopped by its process id at the end,
- `brief define --json TERM` (the senses) with the imported folder as its data.

For each term the table gives each tool's first sense, its number of senses and
whether it found the term. The comparison of brief with each tool, term by term:
**better** when brief finds a term the tool does not, or finds more distinct senses
(senses counted once however many lists or lines repeat them, as folded names);
**worse** when the tool finds a term brief does not, or more distinct senses; **same**
otherwise. A tool that is absent is skipped (its columns say so).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VERA = Path("/usr/share/dictd/vera.index")
BSD = Path("/usr/share/games/bsdgames")
WTF = shutil.which("wtf") or shutil.which("wtf", path="/usr/games")
DICT = shutil.which("dict")
DICTD = shutil.which("dictd") or shutil.which("dictd", path="/usr/sbin:/usr/local/sbin")

TERMS = [
    "TCP", "IP", "UDP", "CPU", "RAM", "ROM", "DNS", "HTTP", "FTP", "SSH", "TLS", "URL", "HTML",
    "API", "GUI", "OS", "BIOS", "LAN", "WAN", "VPN", "DHCP", "ATM", "ISDN", "USB", "SCSI",
    "DSL", "NATO", "AFAIK", "IMHO", "BTW", "FYI", "ASAP", "RTFM", "WIFI", "Wi-Fi", "tcp",
]

WHATIS = re.compile(r"\S+ \(\d\w*\)\s+- ")  # wtf's fallback: a line of `whatis`
Answer = tuple[bool, int, str]  # found, distinct senses, first sense


def _key(text: str) -> str:
    return " ".join("".join(c.lower() if c.isalnum() else " " for c in text).split())


def brief(folder: Path, term: str) -> Answer:
    env = {**os.environ, "BRIEF_DATA": str(folder), "BRIEF_CACHE_DIR": str(folder / ".cache"),
           "NO_COLOR": "1"}
    proc = subprocess.run([sys.executable, "-m", "briefcli", "define", "--json", term],
                          capture_output=True, text=True, env=env, timeout=60)
    if proc.returncode != 0:
        return False, 0, ""
    senses = json.loads(proc.stdout)
    names = list(dict.fromkeys(_key(s["name"]) for s in senses))
    return True, len(names), senses[0]["name"] if senses else ""


def wtf(term: str) -> Answer | None:
    if WTF is None:
        return None
    senses: list[str] = []
    for name in ("acronyms", "acronyms.comp"):
        path = BSD / name
        if not path.exists():
            continue
        proc = subprocess.run([WTF, "-f", str(path), term], capture_output=True, text=True,
                              timeout=30)
        if proc.stdout.startswith("Gee"):
            continue
        head, _, first = proc.stdout.partition(": ")
        lines = [first.split("\n")[0], *proc.stdout.split("\n")[1:]] if head else []
        for line in (x.strip() for x in lines):
            if line and not WHATIS.match(line):  # a manual page, not the list
                senses.append(line)
    distinct = list(dict.fromkeys(_key(s) for s in senses))
    return (bool(senses), len(distinct), senses[0] if senses else "")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start_dictd(folder: Path) -> tuple[subprocess.Popen[bytes], int] | None:
    if DICTD is None or DICT is None or not VERA.exists():
        return None
    data = VERA.with_suffix(".dict.dz")
    if not data.exists():
        data = VERA.with_suffix(".dict")
    folder.mkdir()
    folder.chmod(0o755)
    shutil.copy(VERA, folder / "vera.index")
    shutil.copy(data, folder / ("vera" + "".join(data.suffixes)))
    for path in folder.iterdir():
        path.chmod(0o644)
    port = _free_port()
    config = folder / "dictd.conf"
    config.write_text(
        f"global {{\n  listen_to 127.0.0.1\n  port {port}\n}}\n"
        "access {\n  allow 127.0.0.1\n}\n"
        f'database vera {{\n  data "{folder / ("vera" + "".join(data.suffixes))}"\n'
        f'  index "{folder / "vera.index"}"\n}}\n', encoding="utf-8")
    server = subprocess.Popen(
        [DICTD, "-c", str(config), "--listen-to", "127.0.0.1", "-p", str(port),
         "--pid-file", str(folder / "dictd.pid"), "--debug", "nodetach"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                if s.recv(100).startswith(b"220"):
                    return server, port
        except OSError:
            time.sleep(0.05)
    server.terminate()
    return None


def dict_answer(port: int, term: str) -> Answer:
    assert DICT is not None
    proc = subprocess.run([DICT, "-h", "127.0.0.1", "-p", str(port), "-d", "vera", term],
                          capture_output=True, text=True, timeout=30)
    if proc.returncode != 0:
        return False, 0, ""
    lines = proc.stdout.splitlines()
    bodies: list[str] = []
    for n, line in enumerate(lines):
        if line.startswith("From "):  # the definition's headword, then its first line
            rest = [x.strip() for x in lines[n + 1:] if x.strip()]
            bodies.append(rest[1] if len(rest) > 1 else "")
    distinct = list(dict.fromkeys(_key(b) for b in bodies))
    return True, len(distinct), bodies[0] if bodies else ""


def compare(ours: Answer, theirs: Answer | None) -> str:
    if theirs is None:
        return "skipped"
    if ours[0] != theirs[0]:
        return "better" if ours[0] else "worse"
    if ours[1] != theirs[1]:
        return "better" if ours[1] > theirs[1] else "worse"
    return "same"


def _cell(answer: Answer | None) -> str:
    if answer is None:
        return "absent"
    found, count, first = answer
    if not found:
        return "not found"
    first = first.replace("|", "\\|")
    return f"{first[:48]}{'…' if len(first) > 48 else ''} ({count})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", type=Path)
    parser.add_argument("--terms")
    args = parser.parse_args(argv)
    terms = args.terms.split(",") if args.terms else list(TERMS)
    with tempfile.TemporaryDirectory(prefix="brief-glossaries-") as name:
        root = Path(name)
        root.chmod(0o755)
        kb = root / "kb"
        kb.mkdir()
        sources = [("dictd", VERA, "vera.yaml"), ("tsv", BSD / "acronyms", "bsd.yaml"),
                   ("tsv", BSD / "acronyms.comp", "bsd-comp.yaml")]
        imported = []
        for kind, path, out in sources:
            if path.exists():
                subprocess.run([sys.executable, "-m", "briefcli", "import", "--from", kind,
                                str(path), "-o", str(kb / out)], capture_output=True,
                               env={**os.environ, "BRIEF_CACHE_DIR": str(root / "cache")},
                               timeout=300)
                imported.append(str(path))
        if not imported:
            print("skipped: neither V.E.R.A. nor the BSD lists are installed")
            return 0
        server = start_dictd(root / "dictd")
        rows, tally = [], {"wtf": {}, "dict": {}}  # type: ignore[var-annotated]
        try:
            for term in terms:
                ours = brief(kb, term)
                theirs_w = wtf(term)
                theirs_d = dict_answer(server[1], term) if server else None
                w, d = compare(ours, theirs_w), compare(ours, theirs_d)
                tally["wtf"][w] = tally["wtf"].get(w, 0) + 1
                tally["dict"][d] = tally["dict"].get(d, 0) + 1
                rows.append(f"| `{term}` | {_cell(ours)} | {_cell(theirs_w)} | "
                            f"{_cell(theirs_d)} | {w} | {d} |")
        finally:
            if server:
                server[0].terminate()
                server[0].wait(timeout=10)
    out = [
        f"Imported into one folder: {', '.join(imported)}. Each cell: the first sense and "
        "(the number of distinct senses).",
        "",
        "| term | brief define | wtf (both BSD lists) | dict -d vera | brief vs wtf "
        "| brief vs dict |",
        "|---|---|---|---|---|---|",
        *rows,
        "",
    ]
    for tool in ("wtf", "dict"):
        counts = tally[tool]
        out.append(f"- brief against {tool}: " + ", ".join(
            f"{counts.get(k, 0)} {k}" for k in ("better", "same", "worse", "skipped")
            if counts.get(k, 0) or k != "skipped"))
    text = "\n".join(out) + "\n"
    print(text, end="")
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
