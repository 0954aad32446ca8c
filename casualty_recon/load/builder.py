"""The loader's one pass over a `sources.yaml` node tree: the file's sections, claims and
assumptions checked field by field into the model. Values it fills in on the user's behalf (a
year taken from `as_of`, a missing `version`) become `Note`s that `validate` prints.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from casualty_recon.grammar import figures, periods
from casualty_recon.grammar.parties import resolve_perpetrators
from casualty_recon.grammar.places import Gazetteer, display_name, lone_towns
from casualty_recon.grammar.scope_words import OUTCOME_WORDS, POPULATION_WORDS
from casualty_recon.grammar.wording import and_list
from casualty_recon.load.assumption_reader import AssumptionReader
from casualty_recon.load.breakdowns import mismatches
from casualty_recon.load.claim_fields import CLAIM_FIELDS, CLAIM_REQUIRED
from casualty_recon.load.nesting import MAX_NESTING, too_deep
from casualty_recon.load.node_reader import (
    closest,
    is_octal,
    number_or_text,
    octal_value,
)
from casualty_recon.load.yaml_nodes import Node
from casualty_recon.model.claims import (
    BASES,
    OUTCOMES,
    POPULATIONS,
    SOURCE_KINDS,
    Area,
    Claim,
    DayRange,
    Figure,
    Note,
    Perpetrators,
    Place,
    Source,
    Sources,
    clip_as_of,
)
from casualty_recon.model.errors import (
    AREA_BAD,
    AREA_TOO_DEEP,
    AREAS_TOO_DEEP,
    BASIS_UNKNOWN,
    BREAKDOWN_COMPLETE_OVER,
    BREAKDOWN_CYCLE,
    BREAKDOWN_OF_ITSELF,
    BREAKDOWN_TOO_LARGE,
    BREAKDOWN_UNKNOWN,
    CLAIM_FIELD_MISSING,
    CLAIM_FIELD_MISSING_AT,
    CLAIMS_NOT_A_LIST,
    COMPARE_NOT_A_LIST,
    COMPARE_NOT_A_PAIR,
    COMPARE_NOT_TWO,
    COMPARE_SAME_ID,
    COMPARE_UNKNOWN_ID,
    FIGURE_A_LIST,
    FIGURE_BOOLEAN,
    FIGURE_EMPTY,
    FIGURE_NOT_DECIMAL,
    FIGURE_OCTAL,
    GROUP_TWICE,
    GROUPS_NOT_A_MAPPING,
    ID_BAD,
    ID_TWICE,
    KIND_UNKNOWN,
    NO_CLAIMS,
    NO_SOURCES,
    OUTCOME_UNKNOWN,
    PARTY_GROUP_TOO_DEEP,
    POPULATION_UNKNOWN,
    PUBLISHED_BEFORE_AS_OF,
    SOURCE_TWICE,
    SOURCE_UNKNOWN,
    SOURCE_UNKNOWN_NONE_YET,
    SOURCES_NOT_A_MAPPING,
    START_AFTER_AS_OF,
    TOLERANCE_NOT_FRACTION,
    VERSION_UNKNOWN,
    GrammarError,
    InputError,
)

TOP_FIELDS = (
    "version",
    "title",
    "settings",
    "areas",
    "parties",
    "sources",
    "claims",
    "assumptions",
    "compare",
    "lists",
)
SOURCE_FIELDS = ("name", "kind", "method", "url")
SETTINGS_FIELDS = ("about_tolerance",)
CLAIM_ID = re.compile(r"^[A-Za-z0-9._-]+$")


# A file repeats the same few figures and dates thousands of times: parse each text once.
# (Parse errors are exceptions, which lru_cache does not keep, so they are raised every time.)
@functools.lru_cache(maxsize=8192)
def _figure(raw: str | int, tolerance: float) -> Figure:
    return figures.parse_figure(raw, about_tolerance=tolerance)


@functools.lru_cache(maxsize=8192)
def _period(text: str, default_year: int | None) -> DayRange:
    if _is_unknown(text):
        return UNKNOWN_DAYS
    return periods.parse_period(text, default_year=default_year)


# `area: unknown` and `as_of: unknown` (extract writes them for an article that names no place
# or has no date): the claim loads; its area has no places and its days are every day, so the
# engine can treat the difference as going either way.
UNKNOWN = "unknown"
UNKNOWN_DAYS = DayRange(dt.date.min, dt.date.max, UNKNOWN)


def _lone_town(name: str, country: str, others: tuple[str, ...]) -> str:
    there, elsewhere = display_name(country), and_list([display_name(c) for c in others])
    hint = f'"{name}, {display_name(others[0])}"' if len(others) == 1 else "its country"
    return (
        f"area: {name} is a town in {there}, where no other place of the list is ({elsewhere});"
        f" if you meant another {name}, write {hint}, or check the spelling"
    )


def _is_unknown(text: str) -> bool:
    return text.strip().lower() == UNKNOWN


class Builder(AssumptionReader):
    """One pass over the node tree, collecting problems instead of stopping."""

    nested_too_deep = False
    # Every claim id written in the file, loaded or not: a claim that fails for its own reason
    # is still there, so `compare` naming it is not an unknown id (its error is reported).
    written_ids: frozenset[str] = frozenset()

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
            self.report(VERSION_UNKNOWN, version[1], version=version[1].text)
        if "title" in top:
            sources.title = self.text(top["title"][1], "title", allow_numbers=True)
        if "settings" in top:
            self.settings(top["settings"][1], sources)
        if "areas" in top:
            sources.areas = self.groups(top["areas"][1], "areas", "area")
        if "parties" in top:
            sources.parties = self.groups(top["parties"][1], "parties", "party group")
        if self.nested_too_deep:
            raise InputError(self.problems)  # resolving such nesting would not end well
        try:
            self.resolve_all(top, root, sources)
        except RecursionError:
            # Nesting the check in `groups` does not see (through part words, "northern X"):
            # still a located error, never a crash.
            where = top.get("areas", top.get("parties", (root, root)))[0]
            self.report(AREAS_TOO_DEEP, where, limit=MAX_NESTING)
        if self.problems:
            raise InputError(self.problems)
        sources.notes = self.notes
        return sources

    def resolve_all(self, top: dict[str, tuple[Node, Node]], root: Node, sources: Sources) -> None:
        gazetteer = Gazetteer(sources.areas)
        if "areas" in top:
            self.check_areas(top["areas"][1], gazetteer)
        if "sources" in top:
            sources.sources = self.sources(top["sources"][1])
        else:
            self.report(NO_SOURCES, root)
        if "claims" in top:
            sources.claims = self.claims(top["claims"][1], sources, gazetteer)
        else:
            self.report(NO_CLAIMS, root)
        if "assumptions" in top:
            sources.assumptions = self.assumptions(top["assumptions"][1], sources, gazetteer)
        if "compare" in top:
            sources.compare = self.compare(top["compare"][1], sources)
        if "lists" in top or _names_a_list(top):  # else no list to read (nor its module)
            from casualty_recon.load.lists_section import lists_section

            sources.lists = lists_section(self, top, sources)

    def settings(self, node: Node, sources: Sources) -> None:
        fields = self.mapping(node, SETTINGS_FIELDS, "settings")
        if not fields or "about_tolerance" not in fields:
            return
        value_node = fields["about_tolerance"][1]
        value = value_node.python()
        if isinstance(value, str) and value.strip():  # from a claims CSV, every cell is text
            value = number_or_text(value)
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 1:
            self.report(TOLERANCE_NOT_FRACTION, value_node, found=value_node.describe())
            return
        sources.about_tolerance = float(value)

    def groups(self, node: Node, what: str, singular: str) -> dict[str, tuple[str, ...]]:
        if node.is_null:
            return {}
        if node.kind != "map":
            self.report(GROUPS_NOT_A_MAPPING, node, what=what)
            return {}
        out: dict[str, tuple[str, ...]] = {}
        for key, value in node.pairs:
            name = self.text(key, f"a name in `{what}`")
            if name is None:
                continue
            if name in out:
                self.report(GROUP_TWICE, key, singular=singular, name=name)
                continue
            out[name] = tuple(text for _, text in self.text_list(value, f"{singular} `{name}`"))
        chain = too_deep(out)
        if chain is not None:
            self.nested_too_deep = True
            key_node = next((key for key, _ in node.pairs if key.text.strip() == chain[0]), node)
            shown = " -> ".join(chain if len(chain) <= 6 else [*chain[:3], "...", *chain[-2:]])
            template = AREA_TOO_DEEP if what == "areas" else PARTY_GROUP_TOO_DEEP
            self.report(
                template,
                key_node,
                key=chain[0],
                group=chain[0],
                depth=len(chain),
                chain=shown,
                limit=MAX_NESTING,
            )
        return out

    def check_areas(self, node: Node, gazetteer: Gazetteer) -> None:
        for key, _value in node.pairs if node.kind == "map" else []:
            try:
                gazetteer.resolve(key.text)
            except GrammarError as err:
                self.report(AREA_BAD, key, key=key.text, message=err.message, hint=err.hint)

    def sources(self, node: Node) -> dict[str, Source]:
        if node.kind != "map":
            self.report(SOURCES_NOT_A_MAPPING, node)
            return {}
        out: dict[str, Source] = {}
        for key, value in node.pairs:
            name = self.text(key, "a source key")
            if name is None:
                continue
            if name in out:
                self.report(SOURCE_TWICE, key, name=name)
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
                kind = self.choice(fields["kind"][1], SOURCE_KINDS, KIND_UNKNOWN, "source kind")
            out[name] = Source(
                name,
                name=self.optional_text(fields, "name", f"the name of `{name}`"),
                kind=kind,
                method=self.optional_text(fields, "method", f"the method of `{name}`"),
                url=self.optional_text(fields, "url", f"the url of `{name}`"),
            )
        return out

    # --- claims --------------------------------------------------------------------------------

    def claims(self, node: Node, sources: Sources, gazetteer: Gazetteer) -> list[Claim]:
        if node.is_null:
            return []
        if node.kind != "seq":
            self.report(CLAIMS_NOT_A_LIST, node)
            return []
        # Ids and breakdown_of are checked on what was written, so a claim that fails for
        # another reason still takes part: every problem of the file is reported at once.
        seen: dict[str, Node] = {}
        written: list[tuple[Node, str | None, Node | None]] = []
        complete_nodes: dict[str, Node] = {}
        for item in node.items:
            fields = {k.text: v for k, v in item.pairs} if item.kind == "map" else {}
            id_node = fields.get("id")
            claim_id = id_node.text.strip() if id_node is not None and id_node.is_scalar else None
            if claim_id and id_node is not None:
                if claim_id in seen:
                    self.report(ID_TWICE, id_node, id=claim_id, line=seen[claim_id].line)
                    claim_id = None
                else:
                    seen[claim_id] = id_node
            written.append((item, claim_id, fields.get("breakdown_of")))
            if claim_id and (complete_node := fields.get("complete")) is not None:
                complete_nodes[claim_id] = complete_node
        for _item, claim_id, where in written:
            if where is None or not where.is_scalar or where.is_null:
                continue
            target = where.text.strip()
            if target == claim_id:
                self.report(BREAKDOWN_OF_ITSELF, where, id=claim_id)
            elif target not in seen:
                self.report(BREAKDOWN_UNKNOWN.near(closest(target, seen)), where, target=target)
        self.breakdown_cycles(written)
        self.written_ids = frozenset(seen)
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
                self.report(
                    BREAKDOWN_TOO_LARGE,
                    where,
                    part=part.id,
                    part_figure=part.figure.text,
                    whole=whole.id,
                    whole_figure=whole.figure.text,
                )
        self.complete_wholes(claims, complete_nodes)
        return claims

    def complete_wholes(self, claims: list[Claim], complete_nodes: dict[str, Node]) -> None:
        """Parts of a `complete: true` whole that certainly add up to more than it are an error,
        to less a note, at its `complete` (load/breakdowns.py says which parts are added)."""
        parts: dict[str, list[Claim]] = {}
        for claim in claims:
            if claim.breakdown_of is not None:
                parts.setdefault(claim.breakdown_of, []).append(claim)
        for whole in claims:
            where = complete_nodes.get(whole.id)
            if not whole.complete or where is None or whole.id not in parts:
                continue
            for found in mismatches(whole, parts[whole.id]):
                listed = and_list(f"`{p.id}` ({p.figure.text})" for p in found.parts)
                if found.over:
                    self.report(
                        BREAKDOWN_COMPLETE_OVER,
                        where,
                        whole=whole.id,
                        whole_figure=whole.figure.text,
                        dimension=found.dimension,
                        parts=listed,
                        total=f"{found.total:,}",
                    )
                else:
                    self.notes.append(
                        Note(
                            where.where(self.path),
                            f"`{whole.id}` ({whole.figure.text}) says `complete: true`, but its"
                            f" parts by {found.dimension}, {listed}, add up to at most"
                            f" {found.total:,}: each part is read as all of its kind and the rest"
                            " as none of them; add the missing parts, or remove `complete: true`",
                        )
                    )

    def breakdown_cycles(self, written: list[tuple[Node, str | None, Node | None]]) -> None:
        """Report each loop of breakdown_of (a part of b, b part of a) once, at its first claim."""
        whole_of: dict[str, str] = {}
        where_of: dict[str, Node] = {}
        for _item, claim_id, where in written:
            if claim_id and where is not None and where.is_scalar and not where.is_null:
                target = where.text.strip()
                if target != claim_id:  # a claim naming itself is reported on its own
                    whole_of[claim_id] = target
                    where_of[claim_id] = where
        done: set[str] = set()
        for start in whole_of:
            path: list[str] = []
            seen: set[str] = set()
            current: str | None = start
            while current is not None and current not in done and current not in seen:
                path.append(current)
                seen.add(current)
                current = whole_of.get(current)
            done.update(path)
            if current is not None and current in seen:
                loop = path[path.index(current) :]
                chain = " -> ".join((*loop, current))
                self.report(BREAKDOWN_CYCLE, where_of[loop[0]], chain=chain)

    def claim(self, node: Node, sources: Sources, gazetteer: Gazetteer) -> Claim | None:
        fields = self.mapping(node, CLAIM_FIELDS, "a claim")
        if fields is None:
            return None
        before = len(self.problems)
        missing = [name for name in CLAIM_REQUIRED if name not in fields]
        label = fields["id"][1].text if "id" in fields else None
        for name in missing:
            self.report(
                CLAIM_FIELD_MISSING if label is not None else CLAIM_FIELD_MISSING_AT,
                node,
                label=label,
                line=node.line,
                name=name,
                required=", ".join(CLAIM_REQUIRED),
            )

        def value(name: str) -> Node | None:
            entry = fields.get(name)
            return None if entry is None else entry[1]

        claim_id = None
        if (n := value("id")) is not None:
            claim_id = self.text(n, "the claim id", allow_numbers=True)
            if claim_id is not None and not CLAIM_ID.match(claim_id):
                self.report(ID_BAD, n, id=claim_id)
        source = None
        if (n := value("source")) is not None:
            source = self.text(n, "the source", allow_numbers=True)
            if source is not None and source not in sources.sources:
                template = (
                    SOURCE_UNKNOWN.near(closest(source, sources.sources))
                    if sources.sources
                    else SOURCE_UNKNOWN_NONE_YET
                )
                known = ", ".join(sources.sources)
                self.report(template, n, source=source, sources=known)
        figure = None
        if (n := value("figure")) is not None:
            figure = self.figure(n, sources.about_tolerance)
        population = outcome = None
        if (n := value("population")) is not None:
            population = self.choice(
                n, POPULATIONS, POPULATION_UNKNOWN, "population", POPULATION_WORDS
            )
        if (n := value("outcome")) is not None:
            outcome = self.choice(n, OUTCOMES, OUTCOME_UNKNOWN, "outcome", OUTCOME_WORDS)
        basis = "reported"
        if (n := value("basis")) is not None:
            basis = self.choice(n, BASES, BASIS_UNKNOWN, "basis") or basis
        perpetrators: Perpetrators | None = Perpetrators(("any",), None)
        if (n := value("perpetrators")) is not None and not n.is_null:
            perpetrators = self.perpetrators(n, sources.parties)
        area = None
        if (n := value("area")) is not None:
            area = self.area(n, gazetteer)
        as_of, start, published = self.dates(value("as_of"), value("start"), value("published"))
        extra = {
            name: self.optional_text(fields, name, f"`{name}`")
            for name in ("relayed_by", "url", "quote", "notes", "breakdown_of", "series")
        }
        complete = False
        if (complete_node := value("complete")) is not None:
            complete = self.boolean(complete_node, "`complete`")
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
            series=extra["series"],
            complete=complete,
            location=node.where(self.path),
        )

    def figure(self, node: Node, tolerance: float) -> Figure | None:
        if node.kind == "scalar":
            if node.tag == "int" and node.text.lower().lstrip("+-").startswith(("0x", "0b")):
                self.report(FIGURE_NOT_DECIMAL, node, text=node.text)
                return None
            if node.tag == "int" and is_octal(node.text):
                self.report(
                    FIGURE_OCTAL,
                    node,
                    text=node.text,
                    octal=octal_value(node.text),
                    decimal=node.text.lstrip("0") or "0",
                )
                return None
            if node.tag == "bool":
                self.report(FIGURE_BOOLEAN, node, text=node.text)
                return None
            raw: object = node.python() if node.tag in {"int", "float"} else node.text
            if node.is_null:
                self.report(FIGURE_EMPTY, node)
                return None
        elif node.kind == "map":
            raw = node.python()
        else:
            self.report(FIGURE_A_LIST, node)
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
        each: list[tuple[Node, str, frozenset[Place]]] = []
        for item, name in names:
            if _is_unknown(name):
                continue  # an area not known: no places, so it relates to others as "unknown"
            resolved = self.guarded(item, lambda name=name: gazetteer.resolve(name))  # type: ignore[misc]
            if resolved is None:
                ok = False
            else:
                places.update(resolved)
                each.append((item, name, resolved))
        if not ok or not names:
            return None
        # A list with a place written with its country ("Palma, Spain") spans countries knowingly.
        lone = [] if any("," in name for _, name, _ in each) else each
        for index, country, others in lone_towns([found for _, _, found in lone]):
            item, name, _ = lone[index]
            self.notes.append(Note(item.where(self.path), _lone_town(name, country, others)))
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
                if node is not None and what == "as_of":  # required: empty is an error
                    self.text(node, what)
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
        # An empty `published:` is the field left out, as an empty `start:` is.
        given = published_node is not None and not published_node.is_null
        published = full(published_node, "published", None) if given else as_of
        if as_of is not None and start is not None and start.earliest > as_of.latest:
            assert start_node is not None
            self.report(
                START_AFTER_AS_OF,
                start_node,
                start=start.text,
                start_day=start.earliest,
                as_of=as_of.text,
                as_of_day=as_of.latest,
            )
        if (
            as_of is not None
            and published is not None
            and published_node is not None
            and published.latest < as_of.earliest
        ):
            self.report(
                PUBLISHED_BEFORE_AS_OF,
                published_node,
                published=published.text,
                published_day=published.latest,
                as_of=as_of.text,
                as_of_day=as_of.earliest,
            )
        if as_of is not None and published is not None:
            as_of = clip_as_of(as_of, published)
        return as_of, start, published

    # --- compare -------------------------------------------------------------------------------

    def compare(self, node: Node, sources: Sources) -> list[tuple[str, str]]:
        """`compare:`: a list of `[id, id]` pairs, the file's focus pairs (shown first)."""
        if node.is_null:
            return []
        if node.kind != "seq":
            self.report(COMPARE_NOT_A_LIST, node, found=node.describe())
            return []
        known = [claim.id for claim in sources.claims]
        out: list[tuple[str, str]] = []
        for item in node.items:
            if item.kind != "seq" or len(item.items) != 2:
                if item.kind == "seq":
                    self.report(COMPARE_NOT_TWO, item, count=len(item.items))
                else:
                    self.report(COMPARE_NOT_A_PAIR, item, found=item.describe())
                continue
            ids = [self.text(member, "a claim id", allow_numbers=True) for member in item.items]
            ok = True
            for member, claim_id in zip(item.items, ids, strict=True):
                if claim_id is not None and claim_id not in self.written_ids:
                    template = COMPARE_UNKNOWN_ID.near(closest(claim_id, known))
                    self.report(template, member, claim_id=claim_id)
                    ok = False
            first, second = ids
            if first is None or second is None or not ok:
                continue
            if first == second:
                self.report(COMPARE_SAME_ID, item.items[1], claim_id=first)
                continue
            if first in known and second in known:  # else a claim's own error says why
                out.append((first, second))
        return out

    # --- assumptions ---------------------------------------------------------------------------


def _names_a_list(top: dict[str, tuple[Node, Node]]) -> bool:
    """Whether a claim says `list: KEY` (checked against the `lists:` section, even a missing
    one)."""
    claims = top["claims"][1] if "claims" in top else None
    if claims is None or claims.kind != "seq":
        return False
    return any(key.text == "list" for item in claims.items for key, _value in item.pairs)
