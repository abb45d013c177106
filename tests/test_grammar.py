"""The command line's table (`cli.grammar`) is the Typer app's: every option's names,
arity, choices, default and bounds, every command's arguments; and its value rules are
the ones both paths apply."""

from __future__ import annotations

from typing import Any

import pytest
import typer
import typer.core

from briefcli.cli import app, grammar


def _typer_commands() -> dict[str, tuple[Any, Any]]:
    group = typer.main.get_command(app.app)
    root = typer.Context(group, info_name="brief", **group.context_settings)
    found = {"": (group, root)}
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        found[name] = (command, typer.Context(command, info_name=name, parent=root))
    return found


def _choices(param: Any) -> tuple[str, ...] | None:
    choices = getattr(param.type, "choices", None)
    return tuple(choices) if choices is not None else None


def test_every_command_of_the_app_is_in_the_table_and_no_other() -> None:
    assert set(_typer_commands()) - {""} == set(grammar.COMMANDS)


@pytest.mark.parametrize("name", ["", *grammar.COMMANDS])
def test_options_have_the_tables_names_arity_choices_defaults_and_bounds(name: str) -> None:
    command, ctx = _typer_commands()[name]
    table = grammar.COMMANDS[name] if name else grammar.ROOT
    seen: set[str] = set()
    for param in command.get_params(ctx):
        if not isinstance(param, typer.core.TyperOption):
            continue
        names = [*param.opts, *param.secondary_opts]
        spec = table.options.get(names[0])
        assert spec is not None, f"{name or 'brief'} {names[0]} is not in the table"
        assert set(names) <= set(spec.names), (name, names, spec.names)
        seen.update(names)
        assert (spec.value is None) == (param.is_flag or param.count), (name, names)
        if spec.value is None or spec.key in ("help",):
            continue
        allowed = grammar.choices(spec.value)
        if _choices(param) is not None:
            assert _choices(param) == allowed, (name, names)
        if hasattr(param.type, "min") and hasattr(param.type, "max"):
            assert (param.type.min, param.type.max) == (spec.low, spec.high), (name, names)
        if spec.default is not None and not spec.repeat:
            default = param.default.value if hasattr(param.default, "value") else param.default
            assert str(default) == str(spec.default), (name, names, param.default)
    assert seen == set(table.options), (name, set(table.options) - seen)


@pytest.mark.parametrize("name", list(grammar.COMMANDS))
def test_arguments_have_the_tables_arity(name: str) -> None:
    command, ctx = _typer_commands()[name]
    spec = grammar.COMMANDS[name]
    arguments = [p for p in command.get_params(ctx)
                 if not isinstance(p, typer.core.TyperOption)]
    assert len(arguments) == len(spec.arguments), name
    assert spec.variadic == (arguments[-1:] != [] and arguments[-1].nargs == -1), name
    needed = sum(1 for p in arguments if p.required and p.nargs == 1) + sum(
        1 for p in arguments if p.required and p.nargs == -1)
    assert needed == spec.least, name


@pytest.mark.parametrize(("text", "ok"), [
    ("1", True), (str(grammar.MAX_LIMIT), True), ("0", False), ("-1", False), ("x", False),
    (str(grammar.MAX_LIMIT + 1), False), ("٣", False), (" 5 ", True),
])
def test_a_limit_is_a_whole_number_within_its_bounds(text: str, ok: bool) -> None:
    if ok:
        assert grammar.limit(text) == int(text.strip())
    else:
        with pytest.raises(grammar.UsageError):
            grammar.limit(text)


@pytest.mark.parametrize(("text", "like"), [
    ("2023", True), ("2023-1", True), ("2023-11-11", True), ("2023-02-30", True),
    ("23-11", False), ("2023-111", False), ("kfor", False), ("2023-11-11-1", False),
])
def test_what_show_checks_as_a_date(text: str, like: bool) -> None:
    assert grammar.is_date_like(text) is like


def _run(args: list[str], environ: dict[str, str]) -> tuple[int, str, str]:
    """`brief ARGS` through the entry point (the fast path first), in-process."""
    import contextlib
    import io

    from briefcli.cli import lean
    from briefcli.cli.environment import Environment

    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            lean.main(args, Environment(out, err, environ))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("path", ["lean", "full"])
def test_a_refusal_added_to_the_rules_applies_on_both_paths(
    path: str, tmp_path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A rule is written once, in the table, and both paths obey it: with `define`
    taking at most one term, the fast path leaves the call to the full command, which
    refuses it as a usage error, and the same call with one term still answers."""
    environ = {"BRIEF_CACHE_DIR": str(tmp_path), "NO_COLOR": "1", "BRIEF_CONFIG": ""}
    if path == "full":
        environ["BRIEF_NO_LEAN"] = "1"
    assert _run(["define", "KFOR", "EULEX"], environ)[0] == 0
    monkeypatch.setattr(grammar.COMMANDS["define"], "most", 1)
    code, _, err = _run(["define", "KFOR", "EULEX"], environ)
    assert code == 2 and "at most 1" in err, err
    assert _run(["define", "KFOR"], environ)[0] == 0
