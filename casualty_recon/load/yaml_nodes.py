"""Read YAML text into a tree of located nodes, safely.

The loader needs three things PyYAML's constructors do not give: the line and column of every
value, the verbatim text of every scalar (so `1,089` and `late April` reach our own grammars
untouched, and YAML 1.1 traps such as `NO` or `017` can be named instead of silently converted),
and hard limits against hostile input. So we walk the event stream ourselves (libyaml's C parser
when present): it is iterative, so deep nesting cannot overflow the stack, and we count the size
that aliases expand to, so an alias bomb is refused after a few events rather than after the
machine runs out of memory.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml

from casualty_recon.model.claims import Location
from casualty_recon.model.errors import (
    FILE_CONTROL_CHARACTER,
    FILE_EMPTY,
    FILE_NOT_UTF8,
    FILE_TOO_LARGE,
    FILE_UTF16,
    TEXT_TOO_LARGE,
    YAML_ALIAS_BOMB,
    YAML_SECOND_DOCUMENT,
    YAML_SYNTAX,
    YAML_SYNTAX_TABS,
    YAML_TOO_DEEP,
    Problem,
    Template,
)

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64
MAX_EXPANDED_NODES = 2_000_000

try:  # libyaml is ~10x faster; fall back to the pure-Python parser when absent.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_RESOLVER = yaml.resolver.Resolver()
_NO_ITEMS: list[Node] = []  # shared by scalars and mappings; never appended to
_NO_PAIRS: list[tuple[Node, Node]] = []
# The first characters PyYAML's implicit resolvers are keyed by (bool, int, float, null,
# timestamp, merge, value): any other plain scalar is text, without asking the resolver.
_RESOLVABLE_FIRST = frozenset("yYnNtTfFoO-+0123456789.<~=!&*")
_OCTAL = re.compile(r"^[-+]?0[0-9_]+$")


class Node:
    """A YAML value with where it was written.

    `kind` is "scalar", "seq" or "map". For scalars `text` is the verbatim text and `tag` is how
    YAML 1.1 would type it ("str", "int", "float", "bool", "null", "timestamp"); quoted scalars are
    always "str". A hand-written class: a big file has hundreds of thousands of nodes.
    """

    __slots__ = ("column", "items", "kind", "line", "pairs", "size", "tag", "text")

    def __init__(self, kind: str, line: int, column: int, text: str = "", tag: str = "str") -> None:
        self.kind = kind
        self.line = line
        self.column = column
        self.text = text
        self.tag = tag
        self.items: list[Node] = [] if kind == "seq" else _NO_ITEMS
        self.pairs: list[tuple[Node, Node]] = [] if kind == "map" else _NO_PAIRS
        self.size = 1

    def where(self, path: str) -> Location:
        return Location(path, self.line, self.column)

    @property
    def is_scalar(self) -> bool:
        return self.kind == "scalar"

    @property
    def is_null(self) -> bool:
        return self.kind == "scalar" and self.tag == "null"

    def describe(self) -> str:
        if self.kind == "seq":
            return "a list"
        if self.kind == "map":
            return "a mapping"
        return f'"{self.text}"' if self.text else "an empty value"

    def python(self) -> object:
        """The plain Python value, as YAML would construct it (used for figures and ratios)."""
        if self.kind == "seq":
            return [item.python() for item in self.items]
        if self.kind == "map":
            return {key.text: value.python() for key, value in self.pairs}
        if self.tag == "int" and not _OCTAL.match(self.text):
            try:
                return int(self.text.replace("_", ""), 0)
            except ValueError:
                return self.text
        if self.tag == "float":
            try:
                return float(self.text.replace("_", ""))
            except ValueError:
                return self.text
        if self.tag == "null":
            return None
        return self.text


def _tag_of(event: yaml.ScalarEvent, seen: dict[str, str]) -> str:
    """The scalar's tag; a plain scalar's depends on its text alone, so each text is resolved
    once a file (`seen`): a big file repeats its populations, outcomes and dates."""
    if event.tag and event.tag != "!":
        return event.tag.rsplit(":", 1)[-1]
    if not event.implicit[0]:  # quoted or block scalar: text
        return "str"
    value = event.value
    if value and value[0] not in _RESOLVABLE_FIRST:
        return "str"  # no YAML 1.1 implicit type starts with this character
    tag = seen.get(value)
    if tag is None:
        resolved = _RESOLVER.resolve(  # type: ignore[no-untyped-call]
            yaml.ScalarNode, value, (True, False)
        )
        tag = seen[value] = str(resolved).rsplit(":", 1)[-1]
    return tag


def _too_large(path: str, template: Template, size: int) -> Problem:
    return Problem.of(template, Location(path, 1, 1), size=size, limit=MAX_BYTES)


def utf16_order(data: bytes) -> str | None:
    """How `data` is UTF-16, if it is: by its byte-order mark, or (without one) by NUL bytes in
    every other place (mostly: as Latin text in UTF-16 has) and none in between. None for
    anything else."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "with a byte-order mark"
    head = data[:4096]
    if len(head) < 4 or len(head) % 2:
        head = head[: len(head) - len(head) % 2]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if 2 * odd.count(0) >= len(odd) and even.count(0) == 0:
        return "little-endian, without a byte-order mark"
    if 2 * even.count(0) >= len(even) and odd.count(0) == 0:
        return "big-endian, without a byte-order mark"
    return None


def decode(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 (with or without BOM) to text, or a located encoding problem."""
    if len(data) > MAX_BYTES:
        return None, [_too_large(path, FILE_TOO_LARGE, len(data))]
    order = utf16_order(data)
    if order is not None:
        return None, [Problem.of(FILE_UTF16, Location(path, 1, 1), order=order)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, [Problem.of(FILE_NOT_UTF8, Location(path, line, column), byte=data[err.start])]
    return text, []


def parse(text: str, path: str) -> tuple[Node | None, list[Problem]]:
    """YAML text to a located node tree; problems for syntax, limits and empty documents."""
    if len(text) > MAX_BYTES:
        return None, [_too_large(path, TEXT_TOO_LARGE, len(text))]
    containers: list[Node] = []  # open lists and mappings, innermost last
    keys: list[Node | None] = []  # for each open mapping, the key waiting for its value
    anchors: dict[str, Node] = {}
    seen: dict[str, str] = {}  # plain scalars' tags by text
    root: Node | None = None
    documents = 0
    total = 0
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    starts: dict[type, str] = {yaml.SequenceStartEvent: "seq", yaml.MappingStartEvent: "map"}
    ends = (yaml.SequenceEndEvent, yaml.MappingEndEvent)

    loader: Any = None  # its events read one by one: yaml.parse's generator cost 10% of a load
    try:
        loader = _Loader(text)
        get_event = loader.get_event  # None once the stream has ended
        while (event := get_event()) is not None:
            cls = event.__class__
            if cls is scalar_event or cls in starts or cls is alias_event:
                mark = event.start_mark
                assert mark is not None  # both parsers mark every event
                if cls is scalar_event:
                    node = Node(
                        "scalar", mark.line + 1, mark.column + 1, event.value, _tag_of(event, seen)
                    )
                    total += 1
                elif cls is alias_event:
                    target = anchors.get(event.anchor or "")
                    if target is None:  # pragma: no cover - the parser reports this first
                        continue
                    node = target
                    total += target.size
                    if total > MAX_EXPANDED_NODES:
                        return None, [
                            Problem.of(
                                YAML_ALIAS_BOMB,
                                Location(path, mark.line + 1, mark.column + 1),
                                limit=MAX_EXPANDED_NODES,
                            )
                        ]
                else:
                    node = Node(starts[cls], mark.line + 1, mark.column + 1)
                    total += 1
                    if len(containers) >= MAX_DEPTH:
                        return None, [
                            Problem.of(
                                YAML_TOO_DEEP,
                                Location(path, mark.line + 1, mark.column + 1),
                                limit=MAX_DEPTH,
                            )
                        ]
                if cls is not alias_event and event.anchor:
                    anchors[event.anchor] = node
                # Attach the node to the innermost open container.
                if not containers:
                    root = node
                else:
                    parent = containers[-1]
                    if parent.kind == "seq":
                        parent.items.append(node)
                    elif keys[-1] is None:
                        keys[-1] = node
                    else:
                        parent.pairs.append((keys[-1], node))
                        keys[-1] = None
                if cls in starts:
                    containers.append(node)
                    keys.append(None)
            elif cls in ends:
                done = containers.pop()
                keys.pop()
                size = 1
                for item in done.items:
                    size += item.size
                for key, value in done.pairs:
                    size += key.size + value.size
                done.size = size
            elif cls is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    assert mark is not None
                    return None, [
                        Problem.of(
                            YAML_SECOND_DOCUMENT, Location(path, mark.line + 1, mark.column + 1)
                        )
                    ]
    except yaml.MarkedYAMLError as err:
        where = err.problem_mark or err.context_mark
        line, column = (where.line + 1, where.column + 1) if where else (1, 1)
        message = err.problem or "invalid YAML"
        if err.context:
            message = f"{message} ({err.context})"
        lines = text.splitlines()
        at = lines[line - 1][column - 1 : column] if 0 < line <= len(lines) else ""
        tabs = at == "\t" or "\t" in message or "tab" in message
        syntax = YAML_SYNTAX_TABS if tabs else YAML_SYNTAX
        return None, [Problem.of(syntax, Location(path, line, column), message=message)]
    except yaml.YAMLError as err:
        position = getattr(err, "position", None)
        line, column = 1, 1
        if isinstance(position, int):
            line = text.count("\n", 0, position) + 1
            column = position - (text.rfind("\n", 0, position) + 1) + 1
        reason = getattr(err, "reason", None) or str(err).splitlines()[0]
        return None, [
            Problem.of(FILE_CONTROL_CHARACTER, Location(path, line, column), reason=reason)
        ]
    finally:
        if loader is not None:
            loader.dispose()
    if root is None or root.is_null:
        return None, [Problem.of(FILE_EMPTY, Location(path, 1, 1))]
    return root, []


def from_python(
    value: object, positions: dict[tuple[object, ...], tuple[int, int]], where: tuple[object, ...]
) -> Node:
    """Build a node tree from plain data (a claims CSV, `load_document`), placing each value at
    `positions`; each scalar is typed as YAML types the same value written in a file."""
    line, column = positions.get(where, positions.get(where[:1], (1, 1)))
    if isinstance(value, dict):
        node = Node("map", line, column)
        for key, item in value.items():
            key_node = Node("scalar", line, column, str(key))
            node.pairs.append((key_node, from_python(item, positions, (*where, key))))
        return node
    if isinstance(value, list | tuple):
        node = Node("seq", line, column)
        node.items = [from_python(item, positions, (*where, i)) for i, item in enumerate(value)]
        return node
    if value is None:
        return Node("scalar", line, column, "", "null")
    if isinstance(value, bool):
        return Node("scalar", line, column, "true" if value else "false", "bool")
    if isinstance(value, int):
        return Node("scalar", line, column, str(value), "int")
    if isinstance(value, float):
        # As YAML types `1.3`, so a ratio or a tolerance reads the same from plain data as from a
        # file; YAML writes the infinities and NaN `.inf`, `-.inf`, `.nan` (and rejects them).
        text = repr(value) if math.isfinite(value) else _YAML_SPECIAL[repr(value)]
        return Node("scalar", line, column, text, "float")
    return Node("scalar", line, column, str(value), "str")


_YAML_SPECIAL = {"inf": ".inf", "-inf": "-.inf", "nan": ".nan"}
