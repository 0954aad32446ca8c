"""Typed access to located nodes for the loader: text, lists, choices and mappings out of the
node tree of `yaml_nodes`, each problem located and collected (filled from the templates of
`model.errors`) instead of raised, so a file's problems are reported at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from casualty_recon.load.yaml_nodes import Node
from casualty_recon.model.claims import (
    Note,
)
from casualty_recon.model.errors import (
    BOOLEAN_TEXT,
    FIELD_UNKNOWN,
    FILE_NOT_A_MAPPING,
    KEY_TWICE,
    LIST_EMPTY,
    NOT_A_MAPPING,
    NOT_TEXT,
    OCTAL_TEXT,
    VALUE_EMPTY,
    GrammarError,
    Problem,
    Template,
)

T = TypeVar("T")

_BOOLEAN_WORDS = {"yes", "no", "on", "off", "true", "false", "y", "n"}


def closest(text: str, choices: Iterable[str]) -> str | None:
    """The choice close to `text` (a misspelling of it), for `Template.near`, or None."""
    import difflib  # only on the error path

    close = difflib.get_close_matches(text.lower(), list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


class NodeReader:
    """Reads typed values out of located nodes, collecting problems instead of stopping."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.notes: list[Note] = []

    # --- problems ------------------------------------------------------------------------------

    def report(self, template: Template, node: Node, **values: object) -> None:
        self.problems.append(Problem.of(template, node.where(self.path), **values))

    def grammar(self, node: Node, err: GrammarError) -> None:
        self.problems.append(Problem.located(err, node.where(self.path)))

    # --- typed access --------------------------------------------------------------------------

    def mapping(
        self, node: Node, allowed: tuple[str, ...], what: str
    ) -> dict[str, tuple[Node, Node]] | None:
        if node.kind != "map":
            template = FILE_NOT_A_MAPPING if what == "the file" else NOT_A_MAPPING
            self.report(template, node, what=what, found=node.describe())
            return None
        fields: dict[str, tuple[Node, Node]] = {}
        for key, value in node.pairs:
            name = key.text
            if name in fields:
                self.report(KEY_TWICE, key, name=name, what=what)
                continue
            if name not in allowed:
                template = FIELD_UNKNOWN.near(closest(name, allowed))
                self.report(template, key, name=name, what=what, fields=", ".join(allowed))
                continue
            fields[name] = (key, value)
        return fields

    def text(self, node: Node, what: str, *, allow_numbers: bool = False) -> str | None:
        if node.kind != "scalar":
            self.report(NOT_TEXT, node, what=what, found=node.describe())
            return None
        if node.tag == "bool" and node.text.lower() in _BOOLEAN_WORDS:
            value = str(node.text.lower() in {"yes", "on", "true", "y"}).lower()
            self.report(BOOLEAN_TEXT, node, what=what, text=node.text, value=value)
            return None
        if node.tag == "int" and node.text.lstrip("+-").startswith("0") and len(node.text) > 1:
            self.report(OCTAL_TEXT, node, what=what, text=node.text)
            return None
        if node.is_null or not node.text.strip():
            self.report(VALUE_EMPTY, node, what=what)
            return None
        if node.tag in {"int", "float"} and not allow_numbers:
            return node.text
        return node.text.strip()

    def optional_text(
        self, fields: dict[str, tuple[Node, Node]], name: str, what: str
    ) -> str | None:
        if name not in fields or fields[name][1].is_null:
            return None
        return self.text(fields[name][1], what, allow_numbers=True)

    def text_list(self, node: Node, what: str) -> list[tuple[Node, str]]:
        items = node.items if node.kind == "seq" else [node]
        if node.kind == "seq" and not items:
            self.report(LIST_EMPTY, node, what=what)
        out: list[tuple[Node, str]] = []
        for item in items:
            value = self.text(item, what)
            if value is not None:
                out.append((item, value))
        return out

    def choice(
        self,
        node: Node,
        choices: tuple[str, ...],
        template: Template,
        what: str,
        words: Mapping[str, str] | None = None,
    ) -> str | None:
        value = self.text(node, what)
        if value is None:
            return None
        lowered = " ".join(value.lower().split())
        if lowered in choices:
            return lowered
        if words is not None and lowered in words:  # `deaths` -> `killed`
            return words[lowered]
        choices_text = ", ".join(choices)
        self.report(
            template.near(closest(lowered, choices)), node, value=value, choices=choices_text
        )
        return None

    def guarded(self, node: Node, parse_value: Callable[[], T]) -> T | None:
        try:
            return parse_value()
        except GrammarError as err:
            self.grammar(node, err)
            return None


def number_or_text(text: str) -> float | str:
    try:
        return float(text)
    except ValueError:
        return text


def is_octal(text: str) -> bool:
    digits = text.lstrip("+-").replace("_", "")
    return len(digits) > 1 and digits.startswith("0") and digits.isdigit()


def octal_value(text: str) -> str:
    digits = text.lstrip("+-").replace("_", "")
    try:
        return str(int(digits, 8))
    except ValueError:
        return "an invalid octal number"
