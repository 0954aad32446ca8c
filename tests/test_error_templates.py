"""Every error message comes from a template of the catalogue (issue 9 item 3).

The catalogue is `model/errors.py` (input files, grammars), `model/file_errors.py` (event,
overlap-count and list files) and `model/usage.py` (commands). Anywhere else, an error is raised
with `X.of(TEMPLATE, blank=value)` and laid out by `model.usage.describe`; these tests parse
every module of the package and the tools and fail on a message composed by hand.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import typer
from source_trees import walked

from casualty_recon.cli.common import fail
from casualty_recon.model import errors, file_errors, usage
from casualty_recon.model.errors import (
    ERROR_KINDS,
    FIGURE_NEGATIVE,
    DataError,
    GrammarError,
    Template,
    UsageError,
)
from casualty_recon.model.usage import USAGE_KINDS

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = {
    ROOT / "casualty_recon" / "model" / name for name in ("errors.py", "file_errors.py", "usage.py")
}
# Built only from a template (`.of`), never called with a message.
CONSTRUCTORS = {
    "UsageError",
    "GrammarError",
    "DataError",
    "CasualtyReconError",
    "Problem",
    "Template",
    "ErrorKind",
}
# Helpers that take a template and its blanks: never a text.
TEMPLATE_TAKERS = {
    "problem",
    "_problem",
    "report",
    "event_file_error",
    "_refuse",
    "of",
    "fill",
    "_bad",
}
# A blank is filled with a value (a name, a number, the user's text), never with wording: a site
# that passes a text with words by keyword (`hint="..."`, `why="a" if x else "b"`) composes the
# message the catalogue should hold (one template per case). The sites below pass a literal that
# is a value, not wording, by module and keyword, each with the reason.
NOT_YET_CONVERTED: set[tuple[str, str]] = {
    # `name="--as-of"`: the option's name, as cli/common.py passes the name of its option
    ("casualty_recon/cli/estimate_command.py", "name"),
}


_LETTER = re.compile(r"[^\W\d_]")


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def _words(node: ast.AST) -> list[str]:
    """The literal texts with letters in an expression (`"a" if x else f"b {y}"`, `"s"`), leaving
    out subscript keys (`row["figure_text"]`) and format specs (`{n:,}`)."""
    if isinstance(node, ast.Constant):
        return [node.value] if isinstance(node.value, str) and _LETTER.search(node.value) else []
    if isinstance(node, ast.Subscript):
        return _words(node.value)
    if isinstance(node, ast.FormattedValue):
        return _words(node.value)
    return [text for child in ast.iter_child_nodes(node) for text in _words(child)]


def hand_built(source: str, where: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """Where `source` composes an error message by hand; `allowed`: keywords not yet checked."""
    found = []
    for node in walked(source):
        if isinstance(node, ast.Call):
            name = _name(node.func)
            if name in CONSTRUCTORS:
                found.append(f"{where}:{node.lineno}: {name}(...) built by hand; use {name}.of")
            elif name in TEMPLATE_TAKERS and any(_is_text(arg) for arg in node.args):
                found.append(f"{where}:{node.lineno}: {name}() given a text, not a template")
            elif name in TEMPLATE_TAKERS:
                for kw in node.keywords:
                    if kw.arg not in allowed and (words := _words(kw.value)):
                        found.append(
                            f"{where}:{node.lineno}: {name}({kw.arg}=...) given wording "
                            f"{words[0]!r}"
                        )
        texts = [node.value] if isinstance(node, ast.Constant) else []
        if isinstance(node, ast.JoinedStr):
            texts = [v.value for v in node.values if isinstance(v, ast.Constant)][:1]
        for text in texts:
            if isinstance(text, str) and (text.startswith("error: ") or "  hint: " in text):
                found.append(f"{where}:{node.lineno}: an error laid out by hand ({text[:30]!r})")
    return found


def _modules() -> list[Path]:
    paths = [*(ROOT / "casualty_recon").rglob("*.py"), *(ROOT / "tools").rglob("*.py")]
    return sorted(path for path in paths if path not in CATALOGUE)


def test_no_module_outside_the_catalogue_builds_an_error_message_by_hand() -> None:
    found = []
    for path in _modules():
        where = path.relative_to(ROOT).as_posix()
        allowed = frozenset(kw for module, kw in NOT_YET_CONVERTED if module == where)
        found.extend(hand_built(path.read_text(encoding="utf-8"), where, allowed))
    assert found == []


def test_sites_not_yet_converted_still_exist() -> None:
    """An entry of NOT_YET_CONVERTED whose site changed is deleted, not left to hide another."""
    stale = [
        (module, kw)
        for module, kw in sorted(NOT_YET_CONVERTED)
        if not any(
            f"({kw}=" in problem
            for problem in hand_built((ROOT / module).read_text(encoding="utf-8"), module)
        )
    ]
    assert stale == []


@pytest.mark.parametrize(
    "source",
    [
        'raise UsageError(f"{path} exists", "pass --force to overwrite it")',
        'raise UsageError("--pair needs two different claims")',
        "raise GrammarError(code, message, hint)",
        'problems.append(Problem("file", where, f"cannot read {name}"))',
        'reader.problem(line, 1, f"count {text} is negative")',
        '_bad(text, "no count is fewer than 0")',
        'raise event_file_error(path, "the event file is empty")',
        'stderr(f"error: cannot write to standard output: {reason}")',
        'out.write(f"  hint: {hint}")',
        'T = Template("bad-option", "no")',
        'Problem.of(CSV_MISSING, where, hint="required columns: " + names)',
        'UsageError.of(CLAIM_INVALID, message=m, hint=first.hint or "check the scope")',
        'reader.problem(cell, MISMATCH, why="edited" if exported else "cannot tell")',
        'reader.report(UNKNOWN_ID, node, hint=suggest(text, known, "it must be an id"))',
        'DataError.of(FAILED, failed=n, s="s" if n != 1 else "")',
        'GrammarError.of(FIGURE_BAD_WHY, text=text, why=f"low {low} is above high {high}")',
        'NOT_A_MAPPING.fill(what=what, hint="write it as `name: value` lines")',
    ],
)
def test_the_check_finds_a_message_built_by_hand(source: str) -> None:
    assert hand_built(source, "example.py")


def test_the_check_lets_templates_through() -> None:
    source = (
        "raise UsageError.of(FILE_EXISTS, path=path)\n"
        "reader.problem(line, 1, OVERLAPS_COUNT_NEGATIVE, text=f'{text}')\n"
        "stderr(describe(error))\n"
        "Problem.of(CSV_MISSING, where, columns=', '.join(missing), count=len(missing))\n"
        "reader.problem(cell, CSV_TWICE, name=row['figure_text'], first=f'{n:,}')\n"
    )
    assert hand_built(source, "example.py") == []


def _templates() -> list[tuple[str, str, Template]]:
    return [
        (module.__name__, name, value)
        for module in (errors, file_errors, usage)
        for name, value in vars(module).items()
        if isinstance(value, Template)
    ]


def test_no_template_name_is_bound_twice() -> None:
    """A second `NAME = Template(...)` in the catalogue silently replaces the first."""
    names = [
        (path.name, target.id)
        for path in sorted(CATALOGUE)
        for node in ast.parse(path.read_text(encoding="utf-8")).body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name) and target.id.isupper()
    ]
    twice = sorted({name for name in names if names.count(name) > 1})
    assert twice == []


def test_every_template_has_a_kind_of_its_catalogue() -> None:
    templates = _templates()
    assert len(templates) > 200
    for module, name, template in templates:
        kinds = USAGE_KINDS if module.endswith(".usage") else ERROR_KINDS
        assert template.code in kinds, f"{module}.{name}: {template.code}"
        assert template.title  # every code has a title
    assert not set(USAGE_KINDS) & set(ERROR_KINDS)


# Templates whose message or hint is only blanks: each carries text that is not ours to word,
# another error's (already from a template) or a library's, and says so here.
PASS_THROUGH: dict[str, str] = {
    "YAML_SYNTAX": "message: the YAML parser's own description of the syntax error",
    "YAML_SYNTAX_TABS": "message: the YAML parser's own description of the syntax error",
    "CLICK_USAGE": "message: click's own usage error",
    "CLICK_NO_SUCH_OPTION": "message: click's own usage error",
    "CLICK_NO_SUCH_OPTION_CLOSE": "message: click's own usage error",
    "ARTICLE_UNREADABLE": "message: the file-reading problem, worded by its template",
    "AREA_BAD": "hint: the place grammar's error for the area, worded by its template",
    "ESTIMATE_CLAIM_INVALID": "hint: the loader's problem with the claim, worded by its template",
    "CSV_MISSING_COLUMNS_GUESSED": "hint: one CSV_COLUMN_GUESS per column with a close header",
}


def _only_blanks(text: str | None) -> bool:
    return text is not None and not _LETTER.search(re.sub(r"\{[^{}]*\}", "", text))


def test_no_template_is_a_blank_its_site_words() -> None:
    """A message or hint of nothing but blanks (`"{hint}"`, `"{choices}"`) leaves the wording to
    the site; each case is a template of its own instead, unless it passes text listed above."""
    templates = _templates()
    bare = sorted(
        name
        for _, name, template in templates
        if _only_blanks(template.message) or _only_blanks(template.hint)
    )
    assert bare == sorted(PASS_THROUGH)


def test_usage_errors_carry_their_code_and_exit_2() -> None:
    error = UsageError.of(usage.FILE_EXISTS, path="out.csv")
    assert (error.code, error.message, error.hint) == (
        "exists",
        "out.csv exists",
        "pass --force to overwrite it",
    )
    assert error.exit_code == 2 and DataError.exit_code == 1


def test_grammar_error_is_a_project_error_like_the_others(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """No special case: `fail` reports a GrammarError with its hint and exit 1, as it reports
    any error that is one message (it printed the message alone before)."""
    error = GrammarError.of(FIGURE_NEGATIVE, text="-3")
    assert isinstance(error, DataError)
    with pytest.raises(typer.Exit) as caught:
        fail(error)
    assert caught.value.exit_code == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert (
        err == 'error: figure "-3" is below zero\n  hint: a figure counts people: write 0 or more\n'
    )
    app_source = (ROOT / "casualty_recon" / "cli" / "app.py").read_text(encoding="utf-8")
    assert "GrammarError" not in app_source


# Templates reviewed to need no hint, each with the reason (house rule: every error is one line
# plus a hint that says what to do). Empty today: every template has one.
NO_HINT_NEEDED: dict[str, str] = {}


def test_every_template_has_a_hint_that_says_what_to_do() -> None:
    """Issue 9 item 3 and the house rule: an error says what is wrong and, on the next line,
    what to type instead. A template without a hint is named here unless reviewed above."""
    templates = _templates()
    lacking = [
        f"{module}.{name}"
        for module, name, template in templates
        if not (template.hint or "").strip() and name not in NO_HINT_NEEDED
    ]
    assert lacking == []
    known = {name for _, name, _ in templates}
    stale = [name for name in NO_HINT_NEEDED if name not in known]
    assert stale == [], "exempted templates that no longer exist"
    for module, name, template in templates:
        hint = template.hint or ""
        # a hint adds something: it is not the message again
        assert hint.strip().lower() != template.message.strip().lower(), f"{module}.{name}"


@pytest.mark.parametrize(
    ("template", "values", "hint"),
    [
        (usage.PAIR_AND_AGAINST, {}, "use --pair A B for one pair"),
        (usage.PAIR_SAME, {}, "--pair ID_A ID_B"),
        (usage.CANNOT_WRITE, {"target": "out.csv", "reason": "Permission denied"}, "another path"),
        (errors.INTERVAL_BACKWARDS, {"what": "ratio", "low": 1.8, "high": 1.3}, "[1.3, 1.8]"),
        (file_errors.OVERLAPS_TOO_MANY_LISTS, {"count": 12, "limit": 10}, "down to 10"),
    ],
)
def test_hints_fill_with_the_values_of_their_message(
    template: Template, values: dict[str, object], hint: str
) -> None:
    """A hint's blanks are filled from the same values as its message."""
    filled = template.fill(**values)[1]
    assert filled is not None and hint in filled
