"""`brief add`: one entity appended to a knowledge file, checked with the knowledge.

The id is made from TERM (else NAME) by the format's rules (`rules.new_id`), unlike any
entity id of the knowledge (--data), of the knowledge files beside FILE (as `brief
import` counts them) and of FILE itself. The new text of FILE (`authoring.append`) must
then check clean together with them: no problem in the file, no id of FILE that another
file has, no reference of FILE to an id that nothing has. Only then is FILE written,
atomically (`files.write_file`); otherwise nothing is written and the problems are
listed.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from briefcli.cli.environment import Environment
from briefcli.index.connect import Opened, say
from briefcli.knowledge.sources import SUFFIXES
from briefcli.problems import BriefError, ExitCode, Problem

Ids = dict[str, dict[str, str]]  # kind -> id -> the file that has it


def _ids(conn: sqlite3.Connection, skip: str, into: Ids) -> None:
    from briefcli.index.lookups import record_files

    for kind, rid, path in record_files(conn):
        if os.path.realpath(path) != skip:
            into.setdefault(kind, {}).setdefault(rid, path)


def open_known(env: Environment, given: list[str], output: Path) -> Opened | None:
    """The index of the knowledge the entity must not clash with (`open_knowledge`); a
    data path that is FILE itself and does not exist yet is left out (the first `add`
    to the file the configuration names), and with it left out there may be none."""
    from briefcli.index.connect import open_knowledge
    from briefcli.knowledge.sources import data_paths

    target = _absolute(env, output)
    paths = data_paths(given, env.environ, env.config.data)
    kept = [p for p in paths if os.path.exists(p)
            or os.path.realpath(_absolute(env, Path(p))) != os.path.realpath(target)]
    if not kept:
        return None
    return open_knowledge(env, [str(p) for p in kept], check=False, quiet=target.parent)


def _absolute(env: Environment, path: Path) -> Path:
    return path if path.is_absolute() else Path(env.cwd or os.sep) / path


def other_ids(env: Environment, conn: sqlite3.Connection | None, target: Path) -> Ids:
    """Ids per kind (with a file that has each) of the knowledge and of the knowledge
    files beside `target`, the records of `target` itself left out."""
    from briefcli.index.connect import open_knowledge
    from briefcli.knowledge.sources import knowledge_files

    itself = os.path.realpath(target)
    taken: Ids = {}
    if conn is not None:
        _ids(conn, itself, taken)
    folder = target.parent
    if folder.is_dir() and any(
        os.path.realpath(f.path) != itself for f in knowledge_files([folder])
    ):
        beside = open_knowledge(env, [str(folder)], check=False).conn
        try:
            _ids(beside, itself, taken)
        finally:
            beside.close()
    return taken


def _read(target: Path, shown: str) -> str | None:
    """FILE's text, or None when it does not exist yet."""
    if target.is_dir():
        raise BriefError(f"{shown} is a folder; expected a knowledge file", ExitCode.USAGE)
    if not target.parent.is_dir():
        raise BriefError(f"cannot write {shown}: no such folder {target.parent}")
    try:
        data = target.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise BriefError(f"cannot read {shown}: {exc.strerror or exc}") from None
    if not os.access(target, os.W_OK):
        raise BriefError(f"cannot write {shown}: the file is read-only")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BriefError(
            f"{shown}: expected UTF-8 text, found byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}; nothing was written"
        ) from None


def _cross_problems(text: str, shown: str, others: Ids) -> list[Problem]:
    """What `brief check` would find in FILE's new text together with the other files."""
    from briefcli.knowledge.checker import parse_text
    from briefcli.knowledge.model import KINDS

    result = parse_text(text, shown)
    problems = [p for p in result.problems if p.level == "error"]
    mine: dict[str, set[str]] = {}
    for record in result.records:
        mine.setdefault(record.kind, set()).add(record.id)
        elsewhere = others.get(record.kind, {}).get(record.id)
        if elsewhere is not None:
            problems.append(Problem(
                shown, record.line, record.col, "duplicate-id",
                f"duplicate {KINDS[record.kind].noun} id {record.id!r}: {elsewhere} "
                "defines it too",
            ))
    declared = set(result.declared)
    for ref in result.references:
        known = ref.target_id in mine.get(ref.target, ()) or ref.target_id in others.get(
            ref.target, {})
        if not known and (ref.target, ref.target_id) not in declared:
            problems.append(Problem(
                shown, ref.line, ref.col, "unknown-ref",
                f"unknown {KINDS[ref.target].noun} id {ref.target_id!r} in {ref.field!r} of "
                f"{KINDS[ref.kind].noun} {ref.id!r}",
            ))
    return sorted(problems)


def _refuse(env: Environment, problems: list[Problem], message: str) -> BriefError:
    for problem in problems[:10]:
        say(env, problem.format())
    if len(problems) > 10:
        say(env, f"({len(problems) - 10} more problems not shown)")
    return BriefError(message)


def add_entity(
    env: Environment, conn: sqlite3.Connection | None, output: Path, fields: dict[str, Any],
    term: str, name: str,
) -> tuple[str, int]:
    """Add the entity to `output`; its id and the line it starts on."""
    from briefcli.authoring.append import AppendError, append_entity, entity_fields
    from briefcli.authoring.draft import DraftRecord
    from briefcli.files import write_file
    from briefcli.knowledge.checker import parse_text
    from briefcli.knowledge.rules import RuleError, check_record, new_id

    shown = str(output)
    if output.suffix.lower() not in SUFFIXES:
        raise BriefError(
            f"{shown}: expected a knowledge file name ending in .yaml or .yml", ExitCode.USAGE
        )
    target = _absolute(env, output)
    text = _read(target, shown)
    others = other_ids(env, conn, target)
    taken = set(others.get("entity", {}))
    if text is not None:
        taken |= {r.id for r in parse_text(text, shown).records if r.kind == "entity"}
    data, hint = entity_fields(term, name, **fields)
    try:
        record = check_record("entity", {"id": new_id(hint, taken, "entity"), **data})
    except RuleError as exc:
        raise BriefError(exc.message, ExitCode.USAGE) from None
    try:
        appended = append_entity(text, DraftRecord("entity", record), shown)
    except AppendError as exc:
        raise _refuse(env, exc.problems, exc.message) from None
    problems = _cross_problems(appended.text, shown, others)
    if problems:
        raise _refuse(
            env, problems,
            f"{shown} would not check clean with the knowledge; nothing was written",
        )
    write_file(target, appended.text, force=True)
    return str(record["id"]), appended.line


__all__ = ["add_entity", "open_known", "other_ids"]
