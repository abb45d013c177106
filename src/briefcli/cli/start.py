"""The launcher's start, isolated and without `site` (docs/performance.md, "The launcher").

`launcher/brief` runs `python -I -S` on itself; its Python part only puts the virtual
environment's site-packages on `sys.path` (reading path files there when brief is not in
it: an editable install) and calls `start` here, a module compiled once and cached as
any other (the launcher's file, a script, would be compiled again on every call). What
this start does not reproduce exactly is left to the usual start, before brief runs:
the interpreter starts again on the launcher's file with `site` and the environment, as
a console script would.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from importlib.machinery import ModuleSpec
    from types import ModuleType
    from typing import Any, NoReturn

# Variables that change nothing here (the -B and -u the shell gave, the user's site folder
# that a virtual environment leaves out, the interactive prompt's).
UNUSED = (b"PYTHONDONTWRITEBYTECODE", b"PYTHONUNBUFFERED", b"PYTHONNOUSERSITE",
          b"PYTHONUSERBASE", b"PYTHONSTARTUP", b"PYTHON_HISTORY", b"PYTHON_BASIC_REPL")


def usual() -> NoReturn:
    """Start again on the launcher's file, with `site` and the environment (this process
    ends)."""
    import posix

    posix.execv(sys.executable, [sys.executable, *sys.argv])
    raise SystemExit(70)  # pragma: no cover (execv returns only by raising)


def isolated(prefix: str, folders: list[str], read_paths: bool) -> bool:
    """Whether this start is the one `site` would make for the environment at `prefix`,
    whose site-packages `folders` are on sys.path (their path files read already when
    `read_paths`); sys.prefix and the path files as `site` has them when it is."""
    import posix

    for key, value in posix.environ.items():
        if key.startswith(b"PYTHON") and value and key not in UNUSED:
            return False
    try:
        with open(prefix + "/pyvenv.cfg", encoding="utf-8") as cfg:
            for line in cfg:
                name, eq, setting = line.partition("=")
                if (eq and name.strip().lower() == "include-system-site-packages"
                        and setting.strip().lower() == "true"):
                    return False
    except OSError:
        return False
    found = hooks = False
    for folder in folders:
        try:
            names = posix.listdir(folder)
        except OSError:  # not there: off the path, as `site` leaves it
            if folder in sys.path:
                sys.path.remove(folder)
            continue
        found = found or "briefcli" in names
        hooks = hooks or any(n.endswith(".pth") and n[0] != "." and
                             n != "distutils-precedence.pth" for n in names)
    if not (found or hooks):
        return False
    sys.prefix = sys.exec_prefix = prefix
    if hooks and not read_paths:  # a package on a path of its own: `site` reads them
        import site

        for folder in folders:
            site.addsitedir(folder)
    return True


def start(prefix: str, folders: list[str], read_paths: bool) -> Callable[[], NoReturn]:
    """brief's entry point for the fast start, or the usual start (this process ends)."""
    if not isolated(prefix, folders, read_paths):
        usual()
    global bundle
    try:
        if sys.implementation.cache_tag is None:  # an interpreter without compiled files
            raise OSError
        bundle = Bundle(__file__.rsplit("/", 2)[0])
        sys.meta_path.insert(0, bundle)
    except Exception:  # noqa: BLE001 (brief imports its modules the usual way)
        bundle = None
    try:
        from briefcli.cli.lean import main
    except ImportError:
        usual()
    return main


# ---------------------------------------------------------------- the lean path's bundle

# The lean path's modules, compiled, in one file among the package's compiled modules:
# read with one `open`, where importing them one by one looks for each on the path,
# checks its source's time and reads its compiled file (about 80 microseconds a module,
# a tenth of a warm lookup for the two dozen it imports). Each module is still checked
# against its source (size and modification time, one `stat`), and a module whose source
# differs, or that the bundle lacks, is imported the usual way; the lookup that found
# the bundle missing, stale or short of a module writes it again, after its answer
# (never where Python would not write compiled files: -B, PYTHONDONTWRITEBYTECODE).
# Where `leanbundle`'s compiled file would be: an uninstall removes it (see that module).
BUNDLE = f"cli/__pycache__/leanbundle.{sys.implementation.cache_tag}.pyc"

bundle: Bundle | None = None  # the fast start's, once installed


class Bundle:
    """An import finder and loader for the modules in the bundle of the package folder
    `folder` (see BUNDLE); `stale` once it needs writing again."""

    def __init__(self, folder: str) -> None:
        import marshal
        from _frozen_importlib_external import MAGIC_NUMBER

        self.folder = folder
        self.path = folder + "/" + BUNDLE
        self.before = frozenset(sys.modules)  # imported already: never from the bundle
        # name -> (package?, path in the folder, size, mtime_ns, code in marshal's format)
        self.modules: dict[str, tuple[bool, str, int, int, bytes]] = {}
        self.stale = True
        self.damaged: set[str] = set()  # entries whose code could not be read
        try:
            with open(self.path, "rb") as f:
                magic, modules = marshal.loads(f.read())
        except Exception:  # noqa: BLE001 (missing, unreadable or damaged: written again)
            return
        if magic == MAGIC_NUMBER and type(modules) is dict:
            self.modules = modules
            self.stale = False

    def find_spec(
        self, name: str, path: object = None, target: object = None
    ) -> ModuleSpec | None:
        entry = self.modules.get(name)
        if entry is None or name in self.before:
            return None
        from _frozen_importlib import ModuleSpec as Spec

        source = self._current(name, entry)
        if source is None:
            self.stale = True
            return None
        package = entry[0]
        loader: Any = self  # a Loader: create_module and exec_module
        spec: ModuleSpec = Spec(name, loader, origin=source, is_package=package)
        if package:
            spec.submodule_search_locations = [source.rsplit("/", 1)[0]]
        spec.has_location = True
        return spec

    def _current(self, name: str, entry: tuple[object, ...]) -> str | None:
        """The source of `name`'s entry while the entry is of the bundle's shape, its code
        was readable and its source has the size and time recorded; else None."""
        import posix

        try:
            _, inside, size, mtime_ns, code = entry
            source = self.folder + "/" + str(inside)
            st = posix.stat(source)
        except (OSError, TypeError, ValueError):  # gone, or an entry of another shape
            return None
        if ((st.st_size, st.st_mtime_ns) != (size, mtime_ns) or type(code) is not bytes
                or name in self.damaged):
            return None
        return source

    def create_module(self, spec: ModuleSpec) -> None:
        return None  # the usual module object

    def exec_module(self, module: ModuleType) -> None:
        import _imp
        import marshal

        source = str(module.__file__)
        try:
            code = marshal.loads(self.modules[module.__name__][4])
            if type(code) is not type(self.exec_module.__code__):
                raise ValueError
            _imp._fix_co_filename(code, source)  # type: ignore[attr-defined]
        except (EOFError, TypeError, ValueError):  # damaged: the source, compiled here
            self.stale = True
            self.damaged.add(module.__name__)
            with open(source, "rb") as f:
                code = compile(f.read(), source, "exec", dont_inherit=True)
        exec(code, module.__dict__)  # noqa: S102 (brief's own compiled module)

    def keep(self) -> None:
        """Write the bundle again when it was missing or stale, or when brief's modules
        were imported without it (never raises: the answer is given already)."""
        if sys.dont_write_bytecode:
            return
        mine = [
            (name, module) for name, module in list(sys.modules.items())
            if name.startswith("briefcli.") and name not in self.before
        ]
        if not self.stale and all(
            getattr(module, "__loader__", None) is self for _, module in mine
        ):
            return
        try:  # noqa: SIM105 (contextlib is not imported on a lookup's path)
            self._write(mine)
        except Exception:  # noqa: BLE001, S110 (a cache: the next lookup tries again)
            pass

    def _write(self, mine: Sequence[tuple[str, ModuleType]]) -> None:
        import posix

        # The file is made first: where it cannot be (an install the user cannot write
        # to), nothing is compiled, and the call ends at once.
        part = f"{self.path}.{posix.getpid()}"
        fd = posix.open(part, posix.O_WRONLY | posix.O_CREAT | posix.O_EXCL, 0o644)
        try:
            with open(fd, "wb") as f:
                f.write(self._bundled(mine))
            posix.rename(part, self.path)
        except BaseException:
            try:  # noqa: SIM105
                posix.unlink(part)
            except OSError:
                pass
            raise

    def _bundled(self, mine: Sequence[tuple[str, ModuleType]]) -> bytes:
        """The bundle's bytes: its entries whose sources are unchanged, and the modules
        of `mine` imported without it, compiled from their sources."""
        import marshal
        import posix
        from _frozen_importlib_external import MAGIC_NUMBER

        modules = {  # what other lookups imported, as it is
            name: entry for name, entry in self.modules.items()
            if self._current(name, entry) is not None
        }
        for name, module in mine:
            if name in modules:
                continue  # its entry is current, kept above
            source = getattr(module, "__file__", None)
            if not isinstance(source, str) or not source.startswith(self.folder + "/"):
                continue
            st = posix.stat(source)
            with open(source, "rb") as f:
                text = f.read()
            compiled = marshal.dumps(compile(text, source, "exec", dont_inherit=True))
            package = source.endswith("/__init__.py")
            modules[name] = (package, source[len(self.folder) + 1:], st.st_size,
                             st.st_mtime_ns, compiled)
        return marshal.dumps((MAGIC_NUMBER, modules))
