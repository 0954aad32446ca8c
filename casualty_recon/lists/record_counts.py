"""The `records` difference's counts: two linked lists set against the claims they back.

`scope_counts` takes one list's records, the rows linked to the other list and the other
claim, and counts the records not in the other list by where they fall: after the other claim's
as_of or before its start (date of death), outside its area (place, resolved by the gazetteer
and compared with the claim's area; a place the gazetteer does not know is not counted as
outside), or within both (undocumented by the other list). Only surely-outside records are
counted outside: a record without a date of death or a known place stays undocumented.

`ListLinks` is what `report` passes to the engine (`analysis/records.py`, `RecordLinks`): for
two claims that say `list:`, it links their two lists once per run (in memory) and returns the
counts both ways.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from casualty_recon.analysis.evidence import unknown_day
from casualty_recon.analysis.records import RecordCounts
from casualty_recon.grammar.places import Gazetteer, area_relation
from casualty_recon.model.claims import Claim, Place, Sources
from casualty_recon.model.errors import CasualtyReconError

if TYPE_CHECKING:
    import pandas as pd

    from casualty_recon.lists.link import Linkage, LinkOptions
    from casualty_recon.lists.read import ListTable


def scope_counts(
    records: pd.DataFrame,
    places: pd.Series | None,
    linked: set[int],
    keys: tuple[str, str],
    other: Claim,
    threshold: float,
    gazetteer: Gazetteer | None = None,
) -> RecordCounts:
    """`records`: one list's prepared records (`row`, and `dod` where the list has it);
    `places`: the list's place as written, indexed by row (None when the list has none);
    `linked`: its rows linked to the other list; `other`: the claim the other list backs."""
    import numpy as np
    import pandas as pd

    rest = records[~records["row"].isin(linked)]
    left = len(rest)
    outside_window = np.zeros(left, dtype=bool)
    undated = np.zeros(left, dtype=bool)
    window_known = "dod" in rest.columns and not unknown_day(other.as_of)
    if window_known:
        dod = pd.to_datetime(rest["dod"], format="%Y-%m-%d", errors="coerce")
        undated = dod.isna().to_numpy()
        after = (dod > pd.Timestamp(other.as_of.latest)).to_numpy()
        before = np.zeros(left, dtype=bool)
        if other.start is not None and not unknown_day(other.start):
            before = (dod < pd.Timestamp(other.start.earliest)).to_numpy()
        outside_window = after | before
    outside_area = np.zeros(left, dtype=bool)
    unplaced = np.zeros(left, dtype=bool)
    area_known = places is not None and bool(other.area.places)
    written = np.array([], dtype=object)
    if area_known and places is not None:
        written = places.reindex(rest["row"].to_numpy()).fillna("").astype(str).to_numpy()
        relation = _place_relations(set(written), other, gazetteer)
        outside_area = np.array([relation[w] == "outside" for w in written], dtype=bool)
        unplaced = np.array([relation[w] == "unknown" for w in written], dtype=bool)
        outside_area &= ~outside_window
    inside = ~outside_window & ~outside_area
    unknown_places: tuple[str, ...] = ()
    unknown_place_count = placeless = 0
    if len(written):
        found = _unknown_places(written[inside & unplaced])
        unknown_places, unknown_place_count, placeless = found
    return RecordCounts(
        key=keys[0],
        other_key=keys[1],
        records=len(records),
        in_other=len(records) - left,
        outside_window=int(outside_window.sum()),
        outside_area=int(outside_area.sum()),
        undocumented=int(inside.sum()),
        threshold=threshold,
        window_known=window_known,
        area_known=area_known,
        undated=int((inside & undated).sum()),
        unplaced=int((inside & unplaced).sum()),
        placeless=placeless,
        unknown_places=unknown_places,
        unknown_place_count=unknown_place_count,
    )


def _unknown_places(written: Any) -> tuple[tuple[str, ...], int, int]:
    """The places written that the gazetteer does not know: the three most frequent (ties in
    sorted order) and how many there are; and the count of records with no place at all."""
    counts = Counter(text.strip() for text in written.tolist())
    placeless = counts.pop("", 0)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple(text for text, _ in ranked[:3]), len(ranked), placeless


def _place_relations(
    written: set[str], other: Claim, gazetteer: Gazetteer | None
) -> dict[str, str]:
    """Each distinct place as written: `outside` the claim's area, `inside` (or overlapping)
    it, or `unknown` (empty, or a name the gazetteer does not know)."""
    gazetteer = gazetteer or Gazetteer(prefer_countries=_countries(other.area.places))
    out = {}
    for text in written:
        if not text.strip():
            out[text] = "unknown"
            continue
        try:
            resolved = gazetteer.resolve(text)
        except CasualtyReconError:
            out[text] = "unknown"
            continue
        relation = area_relation(resolved, other.area.places)
        out[text] = {"disjoint": "outside", "unknown": "unknown"}.get(relation, "inside")
    return out


def _countries(places: frozenset[Place]) -> set[str]:
    return {place.country for place in places}


def record_counts(
    linkage: Linkage,
    tables: Mapping[str, ListTable],
    claims: Mapping[str, Claim],
    gazetteer: Gazetteer | None = None,
) -> tuple[RecordCounts, RecordCounts]:
    """Both lists of a two-list linkage against the other's claim: (first's, second's).
    `claims` maps each list key to the claim it backs."""
    first, second = linkage.keys[0], linkage.keys[1]
    links = linkage.links()
    linked = {first: set(links["row_a"].tolist()), second: set(links["row_b"].tolist())}
    out = []
    for key, other in ((first, second), (second, first)):
        frame = tables[key].frame
        places = frame.set_index("row")["place"] if "place" in frame.columns else None
        out.append(
            scope_counts(
                linkage.records[key],
                places,
                linked[key],
                (key, other),
                claims[other],
                linkage.threshold,
                gazetteer,
            )
        )
    return out[0], out[1]


class ListLinks:
    """The engine's `RecordLinks` for one run: the two lists behind two claims linked once (in
    memory), each pair of lists on first use. `read` and `link` are `read_list` and
    `link_lists` (given, so tests can count the calls); `say` prints progress."""

    def __init__(
        self,
        sources: Sources,
        options: LinkOptions,
        say: Callable[[str], None] | None = None,
    ) -> None:
        self.sources = sources
        self.options = options
        self.say = say or (lambda _text: None)
        self.list_of = {
            claim_id: spec.key for spec in sources.lists.values() for claim_id in spec.claims
        }
        self._tables: dict[str, ListTable] = {}
        self._linkages: dict[tuple[str, str], Linkage] = {}
        self._gazetteer = Gazetteer(sources.areas)
        self.linked = 0  # how many linkages were run

    def __call__(self, x: Claim, y: Claim) -> tuple[RecordCounts, RecordCounts] | None:
        from casualty_recon.lists.link import link_lists
        from casualty_recon.lists.read import read_list

        key_x, key_y = self.list_of.get(x.id), self.list_of.get(y.id)
        if key_x is None or key_y is None or key_x == key_y:
            return None
        pair = (key_x, key_y) if key_x < key_y else (key_y, key_x)
        linkage = self._linkages.get(pair)
        for key in pair:
            if key not in self._tables:
                self._tables[key] = read_list(self.sources.lists[key])
        if linkage is None:
            started = dt.datetime.now()
            self.say(f"linking lists {pair[0]} and {pair[1]} for the records difference")
            tables = [self._tables[key] for key in pair]
            linkage = self._linkages[pair] = link_lists(tables, self.options)
            self.linked += 1
            seconds = (dt.datetime.now() - started).total_seconds()
            self.say(f"linked {pair[0]} and {pair[1]} in {seconds:.1f} s")
        claims = {key_x: x, key_y: y}
        first, second = record_counts(linkage, self._tables, claims, self._gazetteer)
        return (first, second) if pair[0] == key_x else (second, first)
