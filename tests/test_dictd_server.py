"""A real dictd serves the databases write_dictd writes, to the real dict client.

The server listens on 127.0.0.1 only, on a free port, runs in the foreground and is
stopped by its process id when the tests of this file end, passed or failed. Every
subprocess has a timeout. Skipped when dictd or dict is not installed.
"""

from __future__ import annotations

import io
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefcli.authoring.glossaries.dictd_out import dict_entry, write_dictd
from briefcli.cli import app as cli
from briefcli.cli.environment import Environment

DICTD = shutil.which("dictd") or shutil.which("dictd", path="/usr/sbin:/usr/local/sbin")
DICT = shutil.which("dict")
pytestmark = pytest.mark.skipif(
    DICTD is None or DICT is None, reason="dictd or dict is not installed"
)

ENTRIES = [
    dict_entry("KFOR", "Kosovo Force",
               "NATO-led international peacekeeping force in Kosovo, established in 1999.",
               aliases=["Kosovo Forces"]),
    dict_entry("EULEX", "European Union Rule of Law Mission in Kosovo",
               "Civilian mission led by the European Union."),
    dict_entry("PSA", "public service announcement"),
    dict_entry("PSA", "prostate-specific antigen"),
    dict_entry("Vučić", "Aleksandar Vučić", "President of Serbia."),
]
INFO = "Entities of the brief knowledge base.\nExported for a test."


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def banner(port: int) -> bytes:
    """The first line the server sends, or b"" when nothing answers yet."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            return s.recv(200)
    except OSError:
        return b""


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    # Started as root, dictd runs as the user "dictd" and checks that this user can read
    # its files: pytest's folders are private to their owner, so a folder of its own.
    with tempfile.TemporaryDirectory(prefix="brief-dictd-") as name:
        folder = Path(name)
        folder.chmod(0o755)
        index, data = write_dictd(ENTRIES, "brief", "Brief knowledge",
                                  url="https://brief.invalid/kb", info=INFO)
        (folder / "brief.index").write_text(index, encoding="utf-8")
        (folder / "brief.dict").write_bytes(data)
        yield from serve(folder, "brief")


@pytest.fixture(scope="module")
def exported() -> Iterator[int]:
    """dictd serving the bundled knowledge as `brief export --format dictd` wrote it."""
    with tempfile.TemporaryDirectory(prefix="brief-dictd-") as name:
        folder = Path(name)
        folder.chmod(0o755)
        out, err = io.StringIO(), io.StringIO()
        environ = {"BRIEF_CACHE_DIR": str(folder / "cache"), "NO_COLOR": "1"}
        with pytest.raises(SystemExit) as done:
            cli.main(["export", "--format", "dictd", "-o", "kosovo"],
                     Environment(out, err, environ, cwd=str(folder)))
        assert (done.value.code, out.getvalue()) == (0, ""), err.getvalue()
        assert err.getvalue() == "wrote kosovo.index and kosovo.dict\n"
        for path in folder.glob("kosovo.*"):
            path.chmod(0o644)  # the files are the user's (umask); dictd reads them as "dictd"
        yield from serve(folder, "kosovo")


def serve(folder: Path, database: str) -> Iterator[int]:
    """dictd serving the database NAME.index and NAME.dict of `folder`."""
    number = free_port()
    config = folder / "dictd.conf"
    config.write_text(
        "global {\n"
        "  listen_to 127.0.0.1\n"
        f"  port {number}\n"
        "  locale C.UTF-8\n"
        "}\n"
        "access {\n  allow 127.0.0.1\n}\n"
        f"database {database} {{\n"
        f'  data "{folder / (database + ".dict")}"\n'
        f'  index "{folder / (database + ".index")}"\n'
        "}\n",
        encoding="utf-8",
    )
    assert DICTD is not None
    log = folder / "dictd.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [DICTD, "-c", str(config), "--listen-to", "127.0.0.1", "-p", str(number),
             "--locale", "C.UTF-8", "--pid-file", str(folder / "dictd.pid"),
             "--debug", "nodetach"],
            stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 10
        while not banner(number).startswith(b"220"):
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"dictd did not start:\n{log.read_text(errors='replace')}")
            time.sleep(0.05)
        yield number
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=5)


def lookup(port: int, *args: str) -> subprocess.CompletedProcess[str]:
    assert DICT is not None
    return subprocess.run([DICT, "-h", "127.0.0.1", "-p", str(port), *args],
                          capture_output=True, text=True, timeout=10)


def test_an_acronym_gives_its_definition(port: int) -> None:
    found = lookup(port, "KFOR")
    assert found.returncode == 0, found.stderr
    assert "1 definition found" in found.stdout
    assert "From Brief knowledge [brief]:" in found.stdout
    assert "  KFOR\n     Kosovo Force\n" in found.stdout
    assert "NATO-led international peacekeeping force in Kosovo" in found.stdout


def test_the_name_and_the_aliases_find_the_same_definition(port: int) -> None:
    for word in ("Kosovo Force", "kosovo forces", "KOSOVO FORCE"):
        found = lookup(port, word)
        assert found.returncode == 0, (word, found.stderr)
        assert "  KFOR\n     Kosovo Force\n" in found.stdout


def test_every_sense_of_an_acronym_is_found(port: int) -> None:
    found = lookup(port, "psa")
    assert found.returncode == 0
    assert "2 definitions found" in found.stdout
    assert "public service announcement" in found.stdout
    assert "prostate-specific antigen" in found.stdout


def test_utf8_headwords(port: int) -> None:
    found = lookup(port, "Vučić")
    assert found.returncode == 0, found.stderr
    assert "Aleksandar Vučić" in found.stdout and "President of Serbia." in found.stdout


def test_a_typo_gets_dictds_suggestions(port: int) -> None:
    for typo in ("KFRO", "KFO"):
        found = lookup(port, typo)
        assert found.returncode == 21, found  # no match, suggestions given
        shown = found.stdout + found.stderr
        assert f'No definitions found for "{typo}", perhaps you mean:' in shown
        assert "brief:  KFOR" in shown


def test_matches_show_headwords_as_written(port: int) -> None:
    found = lookup(port, "-m", "-s", "prefix", "kos")
    assert found.returncode == 0, found.stderr
    assert '"Kosovo Force"' in found.stdout and '"Kosovo Forces"' in found.stdout


def test_the_database_describes_itself(port: int) -> None:
    databases = lookup(port, "-D")
    assert "brief      Brief knowledge" in databases.stdout
    info = lookup(port, "-i", "brief")
    assert "The original data is available from:" in info.stdout
    assert "https://brief.invalid/kb" in info.stdout
    assert "Entities of the brief knowledge base." in info.stdout


def test_the_server_listens_on_loopback_only(port: int) -> None:
    assert Path("/proc/net/tcp").exists() or pytest.skip("no /proc/net/tcp")
    listening = [line.split() for line in Path("/proc/net/tcp").read_text().splitlines()[1:]]
    ours = [cols[1] for cols in listening if cols[3] == "0A" and cols[1].endswith(f":{port:04X}")]
    assert ours == [f"0100007F:{port:04X}"]


def test_the_exported_knowledge_defines_an_acronym(exported: int) -> None:
    found = lookup(exported, "KFOR")
    assert found.returncode == 0, found.stderr
    assert "1 definition found" in found.stdout
    assert "From kosovo (brief knowledge) [kosovo]:" in found.stdout
    assert "  KFOR\n     Kosovo Force (security)\n" in found.stdout  # its tag, the context
    assert "NATO-led international peacekeeping force" in found.stdout


def test_the_exported_knowledge_finds_names_and_aliases(exported: int) -> None:
    for word in ("Kosovo Force", "Vucic", "Aleksandar Vučić", "Secretary Blinken"):
        found = lookup(exported, word)
        assert found.returncode == 0, (word, found.stdout, found.stderr)
    assert "President of Serbia" in lookup(exported, "Vučić").stdout


def test_a_typo_in_the_exported_knowledge_gets_dictds_suggestions(exported: int) -> None:
    found = lookup(exported, "KFRO")
    assert found.returncode == 21, found  # no match, suggestions given
    shown = found.stdout + found.stderr
    assert 'No definitions found for "KFRO", perhaps you mean:' in shown
    assert "kosovo:  KFOR" in shown


NET_A = """format: 1
entities:
  - id: tcp
    name: Transmission Control Protocol
    acronym: TCP
    tags: [networking]
    related: [udp, ip]
  - id: udp
    name: User Datagram Protocol
    acronym: UDP
  - id: ip
    name: Internet Protocol
    acronym: IP
  - id: tcp-cpu
    name: Tape Carrier Package
    acronym: TCP
    tags: [CPU]
"""
NET_B = """format: 1
entities:
  - id: tcp-2
    name: Transmission Control Protocol
    acronym: TCP
    aliases: [TCP transport]
    summary: Reliable byte streams.
  - id: vcsa
    name: Virtual Center Server Appliance
    aliases: [', "vCSA"']
"""


@pytest.fixture(scope="module")
def merged() -> Iterator[int]:
    """dictd serving two files that both write TCP's Transmission Control Protocol."""
    with tempfile.TemporaryDirectory(prefix="brief-dictd-") as name:
        folder = Path(name)
        folder.chmod(0o755)
        (folder / "kb").mkdir()
        (folder / "kb" / "a.yaml").write_text(NET_A, encoding="utf-8")
        (folder / "kb" / "b.yaml").write_text(NET_B, encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        environ = {"BRIEF_CACHE_DIR": str(folder / "cache"), "NO_COLOR": "1"}
        with pytest.raises(SystemExit) as done:
            cli.main(["export", "--format", "dictd", "-o", "net", "-d", str(folder / "kb")],
                     Environment(out, err, environ, cwd=str(folder)))
        assert done.value.code == 0, err.getvalue()
        for path in folder.glob("net.*"):
            path.chmod(0o644)
        yield from serve(folder, "net")


def test_a_sense_written_in_two_files_is_one_definition(merged: int) -> None:
    found = lookup(merged, "TCP")
    assert found.returncode == 0, found.stderr
    assert "2 definitions found" in found.stdout
    assert found.stdout.count("Transmission Control Protocol") == 1
    assert "Reliable byte streams." in found.stdout  # the second copy's summary kept
    assert lookup(merged, "TCP transport").returncode == 0  # the second copy's alias


def test_the_context_and_cross_references_are_shown(merged: int) -> None:
    found = lookup(merged, "TCP").stdout
    assert "Tape Carrier Package (CPU)" in found
    assert "Transmission Control Protocol (networking)" in found
    assert "See also: {UDP}, {IP}." in found
    assert "Internet Protocol" in lookup(merged, "IP").stdout  # the reference is found


def test_no_headword_has_a_leading_space(merged: int) -> None:
    assert "Virtual Center Server Appliance" in lookup(merged, "vcsa").stdout
    matches = lookup(merged, "-m", "-s", "prefix", "v").stdout
    assert "vCSA" in matches and ", \"vCSA\"" not in matches
