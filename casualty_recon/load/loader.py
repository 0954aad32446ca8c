"""`sources.yaml` (format version 1) to the model, with every problem located.

The loader never stops at the first problem: it checks every field it can and raises one
`InputError` listing them all, sorted by position. Values it fills in on the user's behalf (a
year taken from `as_of`, a missing `version`) become `Note`s that `validate` prints.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from casualty_recon.grammar import figures, periods
from casualty_recon.grammar.parties import resolve_perpetrators
from casualty_recon.grammar.places import Gazetteer
from casualty_recon.load.yaml_nodes import Node, decode, from_python, parse
from casualty_recon.model.claims import (
    BASES,
    OUTCOMES,
    POPULATIONS,
    SOURCE_KINDS,
    Area,
    Assumption,
    Claim,
    DayRange,
    Figure,
    Location,
    Note,
    Perpetrators,
    Source,
    Sources,
)
from casualty_recon.model.errors import GrammarError, InputError, Problem
from casualty_recon.model.lists import LIST_FIELDS, LIST_FORMATS, ListSpec

T = TypeVar("T")

TOP_FIELDS = (
    "version",
    "title",
    "settings",
    "areas",
    "parties",
    "sources",
    "claims",
    "assumptions",
    "lists",
)
SOURCE_FIELDS = ("name", "kind", "method", "url")
CLAIM_FIELDS = (
    "id",
    "source",
    "figure",
    "population",
    "outcome",
    "perpetrators",
    "area",
    "start",
    "as_of",
    "published",
    "basis",
    "relayed_by",
    "url",
    "quote",
    "notes",
    "breakdown_of",
    "list",
)
CLAIM_REQUIRED = ("id", "source", "figure", "population", "outcome", "area", "as_of")
ASSUMPTION_FIELDS = ("applies_to", "from", "to", "ratio", "rate", "source", "reason")
ASSUMPTION_TARGETS = ("as_of", "start", "area", "population", "outcome", "perpetrators", "basis")
SETTINGS_FIELDS = ("about_tolerance",)
CLAIM_ID = re.compile(r"^[A-Za-z0-9._-]+$")
_BOOLEAN_WORDS = {"yes", "no", "on", "off", "true", "false", "y", "n"}


def load(path: str | Path) -> Sources:
    """Load a `sources.yaml` or a claims CSV; `-` reads standard input."""
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read()
        if _looks_like_claims_csv(data):
            return loads_csv(data, "<stdin>")
        return loads(data, "<stdin>")
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as err:
        reason = err.strerror or str(err)
        raise InputError(
            [
                Problem(
                    "file",
                    Location(name, 1, 1),
                    f"cannot read the file: {reason}",
                    "check the path; `casualty-recon init` writes a starter file",
                )
            ]
        ) from None
    if file.suffix.lower() == ".csv":
        return loads_csv(data, name)
    return loads(data, name)


def loads(data: str | bytes, path: str = "<string>") -> Sources:
    """Load `sources.yaml` text."""
    if isinstance(data, bytes):
        text, problems = decode(data, path)
        if text is None:
            raise InputError(problems)
    else:
        text = data
    root, problems = parse(text, path)
    if root is None:
        raise InputError(problems)
    return _Builder(path).build(root)


def loads_csv(data: bytes, path: str) -> Sources:
    """Load a claims CSV (as `export` writes it, perhaps edited in a spreadsheet)."""
    from casualty_recon.load.claims_csv import claims_csv_to_document

    text, problems = decode(data, path)
    if text is None:
        raise InputError(problems)
    document, positions = claims_csv_to_document(text, path)
    return load_document(document, path, positions)


def load_document(
    document: dict[str, object],
    path: str,
    positions: dict[tuple[object, ...], tuple[int, int]] | None = None,
) -> Sources:
    """Load plain data shaped like a v1 file; `positions` maps key paths to (line, column)."""
    return _Builder(path).build(from_python(document, positions or {}, ()))


def _suggest(text: str, choices: tuple[str, ...] | list[str], accepted: str) -> str:
    import difflib  # only on the error path

    close = difflib.get_close_matches(text.lower(), list(choices), n=1, cutoff=0.6)
    if close:
        return f"did you mean {close[0]}? {accepted}"
    return accepted


class _Builder:
    """One pass over the node tree, collecting problems instead of stopping."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.notes: list[Note] = []

    # --- problems ------------------------------------------------------------------------------

    def problem(self, code: str, node: Node, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem(code, node.where(self.path), message, hint))

    def grammar(self, node: Node, err: GrammarError) -> None:
        self.problem(err.code, node, err.message, err.hint)

    # --- typed access --------------------------------------------------------------------------

    def mapping(
        self, node: Node, allowed: tuple[str, ...], what: str
    ) -> dict[str, tuple[Node, Node]] | None:
        if node.kind != "map":
            hint = (
                "a sources file is a mapping: version, sources, claims (see `casualty-recon init`)"
                if what == "the file"
                else "write it as `name: value` lines, indented under its key"
            )
            self.problem(
                "wrong-type", node, f"{what} must be a mapping, not {node.describe()}", hint
            )
            return None
        fields: dict[str, tuple[Node, Node]] = {}
        for key, value in node.pairs:
            name = key.text
            if name in fields:
                self.problem("duplicate-key", key, f"`{name}` is given twice in {what}")
                continue
            if name not in allowed:
                self.problem(
                    "unknown-field",
                    key,
                    f"unknown field `{name}` in {what}",
                    _suggest(name, allowed, "fields: " + ", ".join(allowed)),
                )
                continue
            fields[name] = (key, value)
        return fields

    def text(self, node: Node, what: str, *, allow_numbers: bool = False) -> str | None:
        if node.kind != "scalar":
            self.problem("wrong-type", node, f"{what} must be text, not {node.describe()}")
            return None
        if node.tag == "bool" and node.text.lower() in _BOOLEAN_WORDS:
            self.problem(
                "boolean-value",
                node,
                f"{what} is `{node.text}`, which YAML reads as the boolean "
                f"{str(node.text.lower() in {'yes', 'on', 'true', 'y'}).lower()}",
                f'write "{node.text}" in quotes if you mean the text',
            )
            return None
        if node.tag == "int" and node.text.lstrip("+-").startswith("0") and len(node.text) > 1:
            self.problem(
                "octal-number",
                node,
                f"{what} `{node.text}` has a leading zero, which YAML 1.1 reads as an octal number",
                f'write "{node.text}" in quotes',
            )
            return None
        if node.is_null or not node.text.strip():
            self.problem(
                "missing-field", node, f"{what} is empty", "give a value, or leave the field out"
            )
            return None
        if node.tag in {"int", "float"} and not allow_numbers:
            return node.text
        return node.text.strip()

    def text_list(self, node: Node, what: str) -> list[tuple[Node, str]]:
        items = node.items if node.kind == "seq" else [node]
        if node.kind == "seq" and not items:
            self.problem("missing-field", node, f"{what} is an empty list")
        out: list[tuple[Node, str]] = []
        for item in items:
            value = self.text(item, what)
            if value is not None:
                out.append((item, value))
        return out

    def choice(self, node: Node, choices: tuple[str, ...], code: str, what: str) -> str | None:
        value = self.text(node, what)
        if value is None:
            return None
        lowered = " ".join(value.lower().split())
        if lowered in choices:
            return lowered
        self.problem(
            code,
            node,
            f'unknown {what} "{value}"',
            _suggest(lowered, choices, f"{_plural(what)}: " + ", ".join(choices)),
        )
        return None

    def guarded(self, node: Node, parse_value: Callable[[], T]) -> T | None:
        try:
            return parse_value()
        except GrammarError as err:
            self.grammar(node, err)
            return None

    # --- the file ------------------------------------------------------------------------------

    def build(self, root: Node) -> Sources:
        sources = Sources(path=self.path)
        top = self.mapping(root, TOP_FIELDS, "the file")
        if top is None:
            raise InputError(self.problems)
        version = top.get("version")
        if version is None:
            self.notes.append(
                Note(root.where(self.path), "no `version` given; reading it as version 1")
            )
        elif version[1].text.strip() != "1":
            self.problem(
                "bad-version",
                version[1],
                f"version {version[1].text!r} is not a version this tool reads",
                "this tool reads `version: 1`",
            )
        if "title" in top:
            sources.title = self.text(top["title"][1], "title", allow_numbers=True)
        if "settings" in top:
            self.settings(top["settings"][1], sources)
        if "areas" in top:
            sources.areas = self.groups(top["areas"][1], "areas", "area")
        if "parties" in top:
            sources.parties = self.groups(top["parties"][1], "parties", "party group")
        gazetteer = Gazetteer(sources.areas)
        if "areas" in top:
            self.check_areas(top["areas"][1], gazetteer)
        if "sources" in top:
            sources.sources = self.sources(top["sources"][1])
        else:
            self.problem("missing-field", root, "the file has no `sources`", "add a `sources:` map")
        if "claims" in top:
            sources.claims = self.claims(top["claims"][1], sources, gazetteer)
        else:
            self.problem("missing-field", root, "the file has no `claims`", "add a `claims:` list")
        if "assumptions" in top:
            sources.assumptions = self.assumptions(top["assumptions"][1], sources, gazetteer)
        sources.lists = _lists_section(self, top, sources)
        if self.problems:
            raise InputError(self.problems)
        sources.notes = self.notes
        return sources

    def settings(self, node: Node, sources: Sources) -> None:
        fields = self.mapping(node, SETTINGS_FIELDS, "settings")
        if not fields or "about_tolerance" not in fields:
            return
        value_node = fields["about_tolerance"][1]
        value = value_node.python()
        if isinstance(value, str) and value.strip():  # from a claims CSV, every cell is text
            value = _number_or_text(value)
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 1:
            self.problem(
                "bad-setting",
                value_node,
                f"about_tolerance must be a number from 0 up to (not including) 1, "
                f"not {value_node.describe()}",
                "0.1 reads `about 500` as 450 to 550; 0 reads it as exactly 500",
            )
            return
        sources.about_tolerance = float(value)

    def groups(self, node: Node, what: str, singular: str) -> dict[str, tuple[str, ...]]:
        if node.is_null:
            return {}
        if node.kind != "map":
            self.problem("wrong-type", node, f"`{what}` must be a mapping of names to lists")
            return {}
        out: dict[str, tuple[str, ...]] = {}
        for key, value in node.pairs:
            name = self.text(key, f"a name in `{what}`")
            if name is None:
                continue
            if name in out:
                self.problem("duplicate-key", key, f"{singular} `{name}` is defined twice")
                continue
            out[name] = tuple(text for _, text in self.text_list(value, f"{singular} `{name}`"))
        return out

    def check_areas(self, node: Node, gazetteer: Gazetteer) -> None:
        for key, _value in node.pairs if node.kind == "map" else []:
            try:
                gazetteer.resolve(key.text)
            except GrammarError as err:
                self.problem("bad-area", key, f"area `{key.text}`: {err.message}", err.hint)

    def sources(self, node: Node) -> dict[str, Source]:
        if node.kind != "map":
            self.problem("wrong-type", node, "`sources` must be a mapping of keys to sources")
            return {}
        out: dict[str, Source] = {}
        for key, value in node.pairs:
            name = self.text(key, "a source key")
            if name is None:
                continue
            if name in out:
                self.problem("duplicate-key", key, f"source `{name}` is defined twice")
                continue
            if value.is_null:
                out[name] = Source(name)
                continue
            if value.kind == "scalar":
                out[name] = Source(name, name=self.text(value, f"source `{name}`"))
                continue
            fields = self.mapping(value, SOURCE_FIELDS, f"source `{name}`") or {}
            kind = None
            if "kind" in fields:
                kind = self.choice(fields["kind"][1], SOURCE_KINDS, "unknown-kind", "source kind")
            out[name] = Source(
                name,
                name=self.optional_text(fields, "name", f"the name of `{name}`"),
                kind=kind,
                method=self.optional_text(fields, "method", f"the method of `{name}`"),
                url=self.optional_text(fields, "url", f"the url of `{name}`"),
            )
        return out

    def optional_text(
        self, fields: dict[str, tuple[Node, Node]], name: str, what: str
    ) -> str | None:
        if name not in fields or fields[name][1].is_null:
            return None
        return self.text(fields[name][1], what, allow_numbers=True)

    # --- claims --------------------------------------------------------------------------------

    def claims(self, node: Node, sources: Sources, gazetteer: Gazetteer) -> list[Claim]:
        if node.is_null:
            return []
        if node.kind != "seq":
            self.problem(
                "wrong-type", node, "`claims` must be a list", "start each claim with `- id: ...`"
            )
            return []
        # Ids and breakdown_of are checked on what was written, so a claim that fails for
        # another reason still takes part: every problem of the file is reported at once.
        seen: dict[str, Node] = {}
        written: list[tuple[Node, str | None, Node | None]] = []
        for item in node.items:
            fields = {k.text: v for k, v in item.pairs} if item.kind == "map" else {}
            id_node = fields.get("id")
            claim_id = id_node.text.strip() if id_node is not None and id_node.is_scalar else None
            if claim_id and id_node is not None:
                if claim_id in seen:
                    self.problem(
                        "duplicate-id",
                        id_node,
                        f"claim id `{claim_id}` is used twice "
                        f"(first at line {seen[claim_id].line})",
                        "give each claim its own id",
                    )
                    claim_id = None
                else:
                    seen[claim_id] = id_node
            written.append((item, claim_id, fields.get("breakdown_of")))
        for _item, claim_id, where in written:
            if where is None or not where.is_scalar or where.is_null:
                continue
            target = where.text.strip()
            if target == claim_id:
                self.problem(
                    "bad-breakdown",
                    where,
                    f"claim `{claim_id}` names itself in breakdown_of",
                    "breakdown_of is the id of the claim this one is a part of",
                )
            elif target not in seen:
                self.problem(
                    "unknown-breakdown",
                    where,
                    f"breakdown_of names no claim: `{target}`",
                    _suggest(target, list(seen), "it must be the id of a claim"),
                )
        claims: list[Claim] = []
        for item, claim_id, _where in written:
            claim = self.claim(item, sources, gazetteer)
            if claim is not None and claim_id is not None:
                claims.append(claim)
        by_id = {claim.id: claim for claim in claims}
        breakdown_nodes = {claim_id: where for _, claim_id, where in written if claim_id}
        for part in claims:
            whole = by_id.get(part.breakdown_of or "")
            where = breakdown_nodes.get(part.id)
            if whole is None or where is None or whole.figure.high is None:
                continue
            if part.figure.low > whole.figure.high:
                self.problem(
                    "bad-breakdown",
                    where,
                    f"`{part.id}` ({part.figure.text}) is larger than the whole it is part of, "
                    f"`{whole.id}` ({whole.figure.text})",
                    "a breakdown counts part of another claim's figure",
                )
        return claims

    def claim(self, node: Node, sources: Sources, gazetteer: Gazetteer) -> Claim | None:
        fields = self.mapping(node, CLAIM_FIELDS, "a claim")
        if fields is None:
            return None
        before = len(self.problems)
        missing = [name for name in CLAIM_REQUIRED if name not in fields]
        label = fields["id"][1].text if "id" in fields else f"at line {node.line}"
        for name in missing:
            self.problem(
                "missing-field",
                node,
                f"claim {label} has no `{name}`",
                f"required fields: {', '.join(CLAIM_REQUIRED)}",
            )

        def value(name: str) -> Node | None:
            entry = fields.get(name)
            return None if entry is None else entry[1]

        claim_id = None
        if (n := value("id")) is not None:
            claim_id = self.text(n, "the claim id", allow_numbers=True)
            if claim_id is not None and not CLAIM_ID.match(claim_id):
                self.problem(
                    "bad-id",
                    n,
                    f"claim id `{claim_id}` has characters other than letters, digits, -, _ and .",
                    "for example: ohchr-2019-08-08",
                )
        source = None
        if (n := value("source")) is not None:
            source = self.text(n, "the source", allow_numbers=True)
            if source is not None and source not in sources.sources:
                self.problem(
                    "unknown-source",
                    n,
                    f"unknown source `{source}`",
                    _suggest(
                        source,
                        list(sources.sources),
                        "add it under `sources:` or use one of: " + ", ".join(sources.sources),
                    )
                    if sources.sources
                    else "add it under `sources:`",
                )
        figure = None
        if (n := value("figure")) is not None:
            figure = self.figure(n, sources.about_tolerance)
        population = outcome = None
        if (n := value("population")) is not None:
            population = self.choice(n, POPULATIONS, "unknown-population", "population")
        if (n := value("outcome")) is not None:
            outcome = self.choice(n, OUTCOMES, "unknown-outcome", "outcome")
        basis = "reported"
        if (n := value("basis")) is not None:
            basis = self.choice(n, BASES, "unknown-basis", "basis") or basis
        perpetrators: Perpetrators | None = Perpetrators(("any",), None)
        if (n := value("perpetrators")) is not None and not n.is_null:
            perpetrators = self.perpetrators(n, sources.parties)
        area = None
        if (n := value("area")) is not None:
            area = self.area(n, gazetteer)
        as_of, start, published = self.dates(value("as_of"), value("start"), value("published"))
        extra = {
            name: self.optional_text(fields, name, f"`{name}`")
            for name in ("relayed_by", "url", "quote", "notes", "breakdown_of")
        }
        if len(self.problems) > before:
            return None
        assert claim_id and source and figure and population and outcome and area and as_of
        assert perpetrators is not None and published is not None
        return Claim(
            id=claim_id,
            source=source,
            figure=figure,
            population=population,
            outcome=outcome,
            perpetrators=perpetrators,
            area=area,
            start=start,
            as_of=as_of,
            published=published,
            basis=basis,
            relayed_by=extra["relayed_by"],
            url=extra["url"],
            quote=extra["quote"],
            notes=extra["notes"],
            breakdown_of=extra["breakdown_of"],
            location=node.where(self.path),
        )

    def figure(self, node: Node, tolerance: float) -> Figure | None:
        if node.kind == "scalar":
            if node.tag == "int" and node.text.lower().lstrip("+-").startswith(("0x", "0b")):
                self.problem(
                    "octal-number",
                    node,
                    f"figure `{node.text}` is read by YAML as a hexadecimal or binary number",
                    f'write the count in decimal digits, or "{node.text}" in quotes',
                )
                return None
            if node.tag == "int" and _is_octal(node.text):
                self.problem(
                    "octal-number",
                    node,
                    f"figure `{node.text}` has a leading zero, "
                    f"which YAML 1.1 reads as the octal number {_octal_value(node.text)}",
                    f'write {node.text.lstrip("0") or "0"}, or "{node.text}" in quotes',
                )
                return None
            if node.tag == "bool":
                self.problem(
                    "boolean-value",
                    node,
                    f"figure `{node.text}` is read by YAML as a boolean",
                    "write the number",
                )
                return None
            raw: object = node.python() if node.tag in {"int", "float"} else node.text
            if node.is_null:
                self.problem(
                    "missing-field", node, "the figure is empty", "for example: more than 730"
                )
                return None
        elif node.kind == "map":
            raw = node.python()
        else:
            self.problem(
                "wrong-type",
                node,
                "the figure must be text, a number or {low: .., high: ..}, not a list",
                "a range is written `between 160 and 300` or `{low: 160, high: 300}`",
            )
            return None
        if isinstance(raw, str | int):
            return self.guarded(node, lambda: _figure(raw, tolerance))
        return self.guarded(node, lambda: figures.parse_figure(raw, about_tolerance=tolerance))

    def perpetrators(self, node: Node, groups: dict[str, tuple[str, ...]]) -> Perpetrators | None:
        names = self.text_list(node, "perpetrators")
        if not names:
            return None
        value: str | list[str] = names[0][1] if node.kind == "scalar" else [t for _, t in names]
        return self.guarded(node, lambda: resolve_perpetrators(value, groups))

    def area(self, node: Node, gazetteer: Gazetteer) -> Area | None:
        names = self.text_list(node, "area")
        places: set[object] = set()
        ok = True
        for item, name in names:
            resolved = self.guarded(item, lambda name=name: gazetteer.resolve(name))  # type: ignore[misc]
            if resolved is None:
                ok = False
            else:
                places.update(resolved)
        if not ok or not names:
            return None
        return Area(tuple(name for _, name in names), frozenset(places))  # type: ignore[arg-type]

    def dates(
        self, as_of_node: Node | None, start_node: Node | None, published_node: Node | None
    ) -> tuple[DayRange | None, DayRange | None, DayRange | None]:
        """Parse the three dates; a phrase without a year takes as_of's year, else published's."""

        def explicit(node: Node | None) -> DayRange | None:
            if node is None or node.kind != "scalar" or node.is_null:
                return None
            try:
                return _period(node.text.strip(), None)
            except GrammarError:
                return None

        as_of_year = explicit(as_of_node)
        published_year = explicit(published_node)
        known_year = as_of_year or published_year
        default = known_year.latest.year if known_year is not None else None
        year_from = "as_of" if as_of_year else "published"

        def full(node: Node | None, what: str, limit: DayRange | None) -> DayRange | None:
            """Parse one date; without a year, take the latest such period not after `limit`
            (a count "since late December" said in January began the December before)."""
            if node is None or node.is_null:
                return None
            text = node.text.strip()
            if node.kind != "scalar" or not text:
                self.text(node, what)
                return None
            year = limit.latest.year if limit is not None else default
            source = "as_of" if what == "start" else year_from
            result = self.guarded(node, lambda: _period(text, year))
            if result is not None and result.year_inferred and year is not None:
                if limit is not None and result.earliest > limit.latest:
                    earlier = _period(text, year - 1)
                    result = earlier
                    source = f"the latest such period not after {limit.latest.isoformat()}"
                else:
                    source = f"the year of {source}"
                self.notes.append(
                    Note(
                        node.where(self.path),
                        f'{what} "{text}" has no year; read as {result.earliest.year} ({source})',
                    )
                )
            return result

        as_of = full(as_of_node, "as_of", published_year)
        start = full(start_node, "start", as_of)
        published = full(published_node, "published", None) if published_node is not None else as_of
        if as_of is not None and start is not None and start.earliest > as_of.latest:
            assert start_node is not None
            self.problem(
                "start-after-as-of",
                start_node,
                f'start "{start.text}" ({start.earliest}) is after as_of "{as_of.text}" '
                f"({as_of.latest})",
                "start is when counting began, as_of the day it runs to",
            )
        if (
            as_of is not None
            and published is not None
            and published_node is not None
            and published.latest < as_of.earliest
        ):
            self.problem(
                "published-before-as-of",
                published_node,
                f'published "{published.text}" ({published.latest}) is before as_of '
                f'"{as_of.text}" ({as_of.earliest})',
                "a figure cannot be published before the day it counts to; check both dates",
            )
        return as_of, start, published

    # --- assumptions ---------------------------------------------------------------------------

    def assumptions(self, node: Node, sources: Sources, gazetteer: Gazetteer) -> list[Assumption]:
        if node.is_null:
            return []
        if node.kind != "seq":
            self.problem("wrong-type", node, "`assumptions` must be a list")
            return []
        out: list[Assumption] = []
        for index, item in enumerate(node.items, start=1):
            assumption = self.assumption(index, item, sources, gazetteer)
            if assumption is not None:
                out.append(assumption)
        return out

    def assumption(
        self, index: int, node: Node, sources: Sources, gazetteer: Gazetteer
    ) -> Assumption | None:
        fields = self.mapping(node, ASSUMPTION_FIELDS, f"assumption {index}")
        if fields is None:
            return None
        before = len(self.problems)
        for name in ("applies_to", "reason"):
            if name not in fields:
                self.problem("missing-field", node, f"assumption {index} has no `{name}`")
        target = None
        if "applies_to" in fields:
            target = self.choice(
                fields["applies_to"][1], ASSUMPTION_TARGETS, "bad-assumption", "applies_to value"
            )
        reason = self.optional_text(fields, "reason", f"the reason of assumption {index}")
        ratio = rate = None
        from_value = to_value = None
        if target in {"as_of", "start"}:
            if "rate" not in fields:
                self.problem(
                    "bad-assumption",
                    node,
                    f"assumption {index} on {target} needs a daily `rate`",
                    "for example: rate: [5, 8]   # deaths a day",
                )
            else:
                rate = self.number_interval(fields["rate"][1], f"the rate of assumption {index}")
            for name in ("from", "to", "ratio"):
                if name in fields:
                    self.problem(
                        "bad-assumption",
                        fields[name][0],
                        f"`{name}` does not apply to a {target} rate",
                        "a time assumption has `rate` (a day) and optionally `source`",
                    )
        elif target is not None:
            for name in ("from", "to", "ratio"):
                if name not in fields:
                    self.problem(
                        "bad-assumption",
                        node,
                        f"assumption {index} on {target} needs `{name}`",
                        "for example: from: verified, to: reported, ratio: [1.3, 1.8]",
                    )
            if "ratio" in fields:
                ratio = self.number_interval(fields["ratio"][1], f"the ratio of assumption {index}")
            from_value = self.scope_value(fields.get("from"), target, sources, gazetteer)
            to_value = self.scope_value(fields.get("to"), target, sources, gazetteer)
            if "rate" in fields:
                self.problem(
                    "bad-assumption",
                    fields["rate"][0],
                    f"`rate` applies to as_of or start, not {target}",
                    "a share or basis assumption has from, to and ratio",
                )
        source = None
        if "source" in fields:
            source = self.text(
                fields["source"][1], "the source of an assumption", allow_numbers=True
            )
            if source is not None and source not in sources.sources:
                self.problem("unknown-source", fields["source"][1], f"unknown source `{source}`")
        if len(self.problems) > before or target is None or reason is None:
            return None
        return Assumption(
            index=index,
            applies_to=target,
            reason=reason,
            from_value=from_value,
            to_value=to_value,
            ratio=ratio,
            rate=rate,
            source=source,
            location=node.where(self.path),
        )

    def scope_value(
        self, entry: tuple[Node, Node] | None, target: str, sources: Sources, gazetteer: Gazetteer
    ) -> str | None:
        if entry is None:
            return None
        node = entry[1]
        if target == "basis":
            return self.choice(node, BASES, "unknown-basis", "basis")
        if target == "population":
            return self.choice(node, POPULATIONS, "unknown-population", "population")
        if target == "outcome":
            return self.choice(node, OUTCOMES, "unknown-outcome", "outcome")
        text = self.text(node, target)
        if text is None:
            return None
        if target == "area":
            self.guarded(node, lambda: gazetteer.resolve(text))
        elif target == "perpetrators":
            self.guarded(node, lambda: resolve_perpetrators(text, sources.parties))
        return text

    def number_interval(self, node: Node, what: str) -> tuple[float, float] | None:
        raw = node.python()
        values = raw if isinstance(raw, list) else [raw]
        numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
        if len(numbers) != len(values) or len(values) not in (1, 2) or any(v < 0 for v in numbers):
            self.problem(
                "bad-assumption",
                node,
                f"{what} must be a number or [low, high], not {node.describe()}",
                "for example: [1.3, 1.8]",
            )
            return None
        low, high = float(numbers[0]), float(numbers[-1])
        if low > high:
            self.problem("bad-assumption", node, f"{what}: low {low:g} is above high {high:g}")
            return None
        return (low, high)


# A file repeats the same few figures and dates thousands of times: parse each text once.
# (Parse errors are exceptions, which lru_cache does not keep, so they are raised every time.)
@functools.lru_cache(maxsize=8192)
def _figure(raw: str | int, tolerance: float) -> Figure:
    return figures.parse_figure(raw, about_tolerance=tolerance)


@functools.lru_cache(maxsize=8192)
def _period(text: str, default_year: int | None) -> DayRange:
    return periods.parse_period(text, default_year=default_year)


def _looks_like_claims_csv(data: bytes) -> bool:
    """A claims CSV on standard input: its first line is a header naming the claim columns."""
    first = data.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0]
    return b"figure_text" in first and (b"," in first or b";" in first) and b": " not in first


def _number_or_text(text: str) -> float | str:
    try:
        return float(text)
    except ValueError:
        return text


def _plural(word: str) -> str:
    if word.endswith("is"):
        return word[:-2] + "es"  # basis -> bases
    return word + "s"


def _is_octal(text: str) -> bool:
    digits = text.lstrip("+-").replace("_", "")
    return len(digits) > 1 and digits.startswith("0") and digits.isdigit()


def _octal_value(text: str) -> str:
    digits = text.lstrip("+-").replace("_", "")
    try:
        return str(int(digits, 8))
    except ValueError:
        return "an invalid octal number"


def _lists_section(
    builder: _Builder, top: dict[str, tuple[Node, Node]], sources: Sources
) -> dict[str, ListSpec]:
    """The `lists:` section (issue 14) and the claims that say `list: KEY`.

    Each entry: `file` (relative to sources.yaml), `source` (a key of `sources`), `as_of`,
    `format` (csv, json or excel; from the suffix by default), `sheet`, `columns` (a mapping from
    the fields of LIST_FIELDS to the file's column names; `name` is required) and `free` (other
    columns to keep). The files themselves are read by `casualty_recon.lists`.
    """
    suffixes = {".csv": "csv", ".json": "json", ".xlsx": "excel", ".xls": "excel"}
    entries = ("file", "source", "as_of", "format", "sheet", "columns", "free")
    specs: dict[str, ListSpec] = {}
    node = top["lists"][1] if "lists" in top else None
    base = Path(builder.path).parent
    for key_node, value in node.pairs if node is not None and node.kind == "map" else []:
        key, what = key_node.text, f"list `{key_node.text}`"
        fields = builder.mapping(value, entries, what)
        if fields is None:
            continue
        text = {
            name: builder.text(fields[name][1], f"{what}: {name}", allow_numbers=True)
            for name in ("file", "source", "as_of", "format", "sheet")
            if name in fields
        }
        if "file" not in fields or "columns" not in fields:
            missing = "file" if "file" not in fields else "columns"
            builder.problem("missing-field", value, f"{what} has no `{missing}`")
            continue
        if text.get("source") and text["source"] not in sources.sources:
            builder.problem(
                "unknown-source", fields["source"][1], f"{what} names an unknown source"
            )
        as_of = None
        if text.get("as_of"):
            day = builder.guarded(
                fields["as_of"][1], functools.partial(_period, text["as_of"], None)
            )
            as_of = day.latest if day is not None else None
        file = text.get("file") or ""
        fmt = text.get("format") or suffixes.get(Path(file).suffix.lower(), "")
        if fmt not in LIST_FORMATS:
            builder.problem(
                "bad-list",
                fields.get("format", fields["file"])[1],
                f"{what}: cannot tell the format of `{file}`",
                "give `format: csv`, json or excel",
            )
        columns: dict[str, str] = {}
        mapping = builder.mapping(fields["columns"][1], LIST_FIELDS, f"{what}: columns") or {}
        for name, (_k, column) in mapping.items():
            column_name = builder.text(column, f"{what}: column for {name}", allow_numbers=True)
            if column_name:
                columns[name] = column_name
        if mapping and "name" not in mapping:
            builder.problem(
                "missing-field",
                fields["columns"][1],
                f"{what} maps no `name` column",
                "name the column that holds each person's name: `name: full_name`",
            )
        free = (
            tuple(t for _n, t in builder.text_list(fields["free"][1], f"{what}: free"))
            if ("free" in fields)
            else ()
        )
        where = key_node.where(builder.path)
        specs[key] = ListSpec(
            key=key,
            path=str(base / file) if file and file != "-" else file,
            source=text.get("source") or "",
            format=fmt,
            columns=columns,
            as_of=as_of,
            free=free,
            sheet=text.get("sheet"),
            line=where.line,
            column=where.column,
        )
    if node is not None and node.kind != "map" and not node.is_null:
        builder.problem("wrong-type", node, "`lists` must be a mapping of list keys")
    claims = top["claims"][1] if "claims" in top else None
    backed: dict[str, list[str]] = {}
    for item in claims.items if claims is not None and claims.kind == "seq" else []:
        written = {k.text: v for k, v in item.pairs} if item.kind == "map" else {}
        list_node, id_node = written.get("list"), written.get("id")
        if list_node is None or id_node is None:
            continue
        if not list_node.is_scalar or list_node.text.strip() not in specs:
            builder.problem(
                "bad-list",
                list_node,
                f"`list` names no list of `lists`: `{list_node.text}`",
                _suggest(list_node.text, list(specs), "it must be a key of `lists`"),
            )
            continue
        backed.setdefault(list_node.text.strip(), []).append(id_node.text.strip())
    for key, ids in backed.items():
        specs[key] = dataclasses.replace(specs[key], claims=tuple(ids))
    return specs
