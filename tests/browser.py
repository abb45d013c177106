"""A small headless-browser driver for tests: Chromium over the DevTools protocol.

The protocol runs over `--remote-debugging-pipe`: the browser reads commands from its
file descriptor 3 and writes answers and events to its descriptor 4, one JSON message
each, ended by a NUL byte. Standard library only. Every wait has a timeout, so a hung
browser fails a test instead of hanging the suite, and the browser (with every process
it started) and its profile folder are gone when the `with` block ends.

    from browser import Browser, find_chromium

    if find_chromium() is None:
        pytest.skip("needs Chromium (BRIEF_CHROMIUM, or chromium on PATH)")
    with Browser() as browser:
        page = browser.open(path.as_uri())         # navigates, waits for the load event
        assert page.evaluate("document.title") == "Kosovo"
        page.wait_for("document.querySelector('svg') !== null", timeout=5)
        page.screenshot(tmp_path / "shot.png")     # PNG of the viewport
        assert page.console_errors == []           # console.error, exceptions, failed loads

`BRIEF_CHROMIUM` names the browser to use; else the first of `chromium`,
`chromium-browser` and `google-chrome` on PATH.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

NAMES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--mute-audio", "--window-size=1280,800",
)
TIMEOUT = 30.0  # seconds for any one answer of the browser


class BrowserError(RuntimeError):
    """The browser failed, answered with an error, or did not answer in time."""


class JavaScriptError(BrowserError):
    """Code run by `Page.evaluate` threw; the message is the exception's."""


def find_chromium() -> str | None:
    """The browser to drive: BRIEF_CHROMIUM, else the first Chromium on PATH; None when
    there is none (tests skip then)."""
    configured = os.environ.get("BRIEF_CHROMIUM")
    if configured:
        return shutil.which(configured) or (configured if os.path.isfile(configured) else None)
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _high_fd(fd: int) -> int:
    """A copy of `fd` numbered 10 or more (closed on exec), the original closed: the
    child's descriptors 3 and 4 can then be set without clobbering either pipe."""
    high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return high


class Browser:
    """A headless Chromium, driven over a pipe; a context manager.

    `open(url)` gives a `Page` in a new tab. Leaving the `with` block (or `close()`)
    ends the browser and removes its profile folder, whatever state it is in.
    """

    def __init__(self, executable: str | None = None, *, timeout: float = TIMEOUT) -> None:
        found = executable or find_chromium()
        if found is None:
            raise BrowserError("no Chromium found: set BRIEF_CHROMIUM or put chromium on PATH")
        self.executable = found
        self.timeout = timeout
        self._profile = ""
        self._process: subprocess.Popen[bytes] | None = None
        self._to_browser = -1
        self._from_browser = -1
        self._buffer = b""
        self._next_id = 0
        self._answers: dict[int, dict[str, Any]] = {}
        self._pages: dict[str, Page] = {}  # by session id

    # -- life -------------------------------------------------------------------------

    def __enter__(self) -> Browser:
        self.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def start(self) -> None:
        """Launch the browser and check that it answers."""
        self._profile = tempfile.mkdtemp(prefix="brief-chromium-")
        commands_read, commands_write = os.pipe()
        answers_read, answers_write = os.pipe()
        child_in = _high_fd(commands_read)
        child_out = _high_fd(answers_write)

        def descriptors() -> None:  # in the child, before exec
            os.dup2(child_in, 3)  # dup2 makes them inheritable
            os.dup2(child_out, 4)

        log = open(os.path.join(self._profile, "stderr.log"), "wb")  # noqa: SIM115
        try:
            self._process = subprocess.Popen(
                [self.executable, *FLAGS, "--remote-debugging-pipe",
                 f"--user-data-dir={self._profile}", "about:blank"],
                stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                close_fds=False,  # only 3 and 4 are inheritable; every other fd is not
                preexec_fn=descriptors,
                start_new_session=True,  # its own process group, ended as a whole
            )
        except OSError as exc:
            self.close()
            raise BrowserError(f"cannot start {self.executable}: {exc}") from None
        finally:
            log.close()
            os.close(child_in)
            os.close(child_out)
        self._to_browser = commands_write
        self._from_browser = answers_read
        os.set_blocking(self._to_browser, False)
        try:
            self.send("Browser.getVersion")
        except BrowserError:
            self.close()
            raise

    def close(self) -> None:
        """End the browser (asked first, then killed with every process it started),
        close the pipes and remove the profile folder. Safe to call twice."""
        process = self._process
        if process is not None and process.poll() is None:
            # Asked first, so that it ends (and reaps) its own helper processes.
            with contextlib.suppress(BrowserError):
                self.send("Browser.close", timeout=5)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=5)
        if process is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)  # helpers it left behind, too
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=5)
        self._process = None
        for fd in (self._to_browser, self._from_browser):
            if fd >= 0:
                os.close(fd)
        self._to_browser = self._from_browser = -1
        if self._profile:
            shutil.rmtree(self._profile, ignore_errors=True)
            self._profile = ""

    def _log_tail(self) -> str:
        try:
            text = Path(self._profile, "stderr.log").read_text(errors="replace")
        except OSError:
            return ""
        return ("; browser said: " + text.strip()[-400:]) if text.strip() else ""

    # -- the protocol -----------------------------------------------------------------

    def send(
        self, method: str, params: dict[str, Any] | None = None, *,
        session: str | None = None, timeout: float | None = None,
    ) -> dict[str, Any]:
        """Send one command and wait for its answer (its `result`).

        Raises BrowserError when the browser answers with an error, goes away, or does
        not answer within `timeout` seconds (default: the browser's).
        """
        if self._to_browser < 0:
            raise BrowserError("the browser is not running")
        self._next_id += 1
        ident = self._next_id
        message: dict[str, Any] = {"id": ident, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        self._write(json.dumps(message).encode() + b"\0", deadline, method)
        while ident not in self._answers:
            self._pump(deadline, method)
        answer = self._answers.pop(ident)
        if "error" in answer:
            error = answer["error"]
            raise BrowserError(f"{method}: {error.get('message', error)}")
        result: dict[str, Any] = answer.get("result", {})
        return result

    def _write(self, data: bytes, deadline: float, method: str) -> None:
        while data:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BrowserError(f"{method}: the browser does not read its commands")
            _, writable, _ = select.select([], [self._to_browser], [], remaining)
            if writable:
                try:
                    data = data[os.write(self._to_browser, data):]
                except BrokenPipeError:
                    raise BrowserError(f"{method}: the browser went away"
                                       + self._log_tail()) from None

    def _pump(self, deadline: float, what: str) -> None:
        """Read at least one message (waiting until `deadline`) and dispatch what came."""
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BrowserError(f"{what}: no answer from the browser in time")
            readable, _, _ = select.select([self._from_browser], [], [], remaining)
            if not readable:
                continue
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise BrowserError(f"{what}: the browser went away" + self._log_tail())
            self._buffer += chunk
        self._dispatch()

    def _drain(self) -> None:
        """Dispatch whatever the browser has already sent, without waiting."""
        while self._from_browser >= 0:
            readable, _, _ = select.select([self._from_browser], [], [], 0)
            if not readable:
                break
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                break
            self._buffer += chunk
        self._dispatch()

    def _dispatch(self) -> None:
        *messages, self._buffer = self._buffer.split(b"\0")
        for raw in messages:
            message = json.loads(raw)
            if "id" in message:
                self._answers[message["id"]] = message
            else:
                page = self._pages.get(message.get("sessionId", ""))
                if page is not None:
                    page._event(message["method"], message.get("params", {}))

    # -- pages ------------------------------------------------------------------------

    def open(self, url: str, *, timeout: float | None = None) -> Page:
        """A new tab showing `url`, once its load event has fired.

        Raises BrowserError when the page cannot be loaded (a missing file, say) or
        does not finish loading within `timeout` seconds.
        """
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send(
            "Target.attachToTarget", {"targetId": target, "flatten": True}
        )["sessionId"]
        page = Page(self, session)
        self._pages[session] = page
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable", session=session)
        page._navigate(url, self.timeout if timeout is None else timeout)
        return page


class Page:
    """One tab of the browser (made by `Browser.open`)."""

    def __init__(self, browser: Browser, session: str) -> None:
        self._browser = browser
        self._session = session
        self._errors: list[str] = []
        self._loads = 0

    def _event(self, method: str, params: dict[str, Any]) -> None:
        if method == "Page.loadEventFired":
            self._loads += 1
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self._errors.append("console.error: " + " ".join(
                str(arg.get("value", arg.get("description", ""))) for arg in params["args"]
            ))
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            exception = details.get("exception", {})
            self._errors.append("uncaught: " + str(
                exception.get("description") or details.get("text", "exception")
            ))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            entry = params["entry"]
            self._errors.append(f"{entry.get('source', 'log')}: {entry.get('text', '')} "
                                f"{entry.get('url', '')}".rstrip())

    def _send(self, method: str, params: dict[str, Any] | None = None,
              timeout: float | None = None) -> dict[str, Any]:
        return self._browser.send(method, params, session=self._session, timeout=timeout)

    def _navigate(self, url: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        loads = self._loads
        answer = self._send("Page.navigate", {"url": url}, timeout=timeout)
        if answer.get("errorText"):
            raise BrowserError(f"cannot open {url}: {answer['errorText']}")
        while self._loads == loads:
            self._browser._pump(deadline, f"loading {url}")
        # A late load event of the blank tab would have been counted: make sure.
        self.wait_for("document.readyState === 'complete' && location.href !== 'about:blank'",
                      max(deadline - time.monotonic(), 0.1))

    @property
    def console_errors(self) -> list[str]:
        """What went wrong in the page so far, one line each: console.error calls,
        uncaught exceptions, and error entries of the log (failed resource loads)."""
        self._browser._drain()
        return list(self._errors)

    def evaluate(self, js: str, *, timeout: float | None = None) -> Any:
        """The JSON value of a JavaScript expression (a promise is awaited; undefined is
        None). Raises JavaScriptError when it throws."""
        answer = self._send(
            "Runtime.evaluate",
            {"expression": js, "returnByValue": True, "awaitPromise": True},
            timeout=timeout,
        )
        if "exceptionDetails" in answer:
            details = answer["exceptionDetails"]
            exception = details.get("exception", {})
            raise JavaScriptError(str(exception.get("description") or details.get("text")))
        return answer.get("result", {}).get("value")

    def wait_for(self, js_condition: str, timeout: float = 10.0) -> Any:
        """Evaluate `js_condition` until it is truthy, and return its value. Raises
        BrowserError when it is still falsy after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(js_condition, timeout=max(deadline - time.monotonic(), 0.1))
            if value:
                return value
            if time.monotonic() >= deadline:
                raise BrowserError(f"still false after {timeout} s: {js_condition}")
            time.sleep(0.05)

    def screenshot(self, path: str | os.PathLike[str]) -> Path:
        """Save a PNG of what the tab shows; returns the path."""
        data = self._send("Page.captureScreenshot", {"format": "png"})["data"]
        target = Path(path)
        target.write_bytes(base64.b64decode(data))
        return target
