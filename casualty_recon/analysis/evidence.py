"""The evidence a file holds for sizing differences, indexed once per engine: series (daily
rates), breakdowns (shares), claims giving two bases for one scope and day (basis ratios) and the
user's assumptions. Difference kinds ask this object; none rescans the claims per pair.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

from casualty_recon.analysis.results import Quantity, counted, shape, stated
from casualty_recon.analysis.scope import outcome_relation, population_relation, scope_relations
from casualty_recon.analysis.timeline import Series, beyond_reach, window_days
from casualty_recon.grammar.parties import perpetrator_relation
from casualty_recon.grammar.places import Gazetteer, area_relation
from casualty_recon.grammar.wording import (
    and_list,
    area_words,
    human_day,
    in_brackets,
    party_words,
    people_by,
    possessive,
)
from casualty_recon.model.claims import Area, Claim, DayRange, Place, Sources
from casualty_recon.model.errors import GrammarError
from casualty_recon.model.spans import Span

if TYPE_CHECKING:
    from casualty_recon.analysis.records import RecordCounts, RecordLinks

# Whether an assumption's `from` or `to` value names a claim's value on one kind: declared by
# each kind an assumption may give a ratio for (`Kind.matches`), handed over by the engine.
Match = Callable[["Evidence", str, Claim], bool]
Breakdown = tuple[str, str, Span, tuple[str, ...]]
Day = tuple[dt.date, dt.date]
Shares = tuple[list[tuple[Span, tuple[str, ...]]], frozenset[str], Quantity]
BasisPair = tuple[Span, Claim, Claim, str]


class Evidence:
    """Everything in one file that can size an effect, indexed once."""

    def __init__(
        self,
        sources: Sources,
        timelines: list[Series],
        record_links: RecordLinks | None = None,
        matchers: Mapping[str, Match] | None = None,
    ) -> None:
        self.sources = sources
        self._matchers = dict(matchers or {})
        self.timelines = timelines
        self._record_links = record_links
        self._series_of: dict[str, Series] = {}
        for series in timelines:
            for claim_id in series.claim_ids:
                self._series_of[claim_id] = series
        self._by_id = {claim.id: claim for claim in sources.claims}
        self._scope_keys = {claim.id: _scope_key(claim) for claim in sources.claims}
        self._parts: dict[str, list[Claim]] = defaultdict(list)
        for claim in sources.claims:
            if claim.breakdown_of is not None and claim.breakdown_of in self._by_id:
                self._parts[claim.breakdown_of].append(claim)
        # Claims that give two bases for one scope and day, grouped once: (day, scope) -> basis.
        by_scope_day: dict[tuple[object, ...], dict[str, list[Claim]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for claim in sources.claims:
            key = (claim.as_of.earliest, claim.as_of.latest, self._scope_keys[claim.id])
            by_scope_day[key][claim.basis].append(claim)
        self._paired_bases = [group for group in by_scope_day.values() if len(group) > 1]
        self._basis_index: dict[tuple[str, str], dict[Day, list[tuple[Span, Claim, Claim]]]] = {}
        # Claims stating one count (a source's figure for one scope and day, and its relays).
        self._by_count: dict[tuple[object, ...], list[str]] = defaultdict(list)
        for claim in sources.claims:
            self._by_count[_count_key(claim)].append(claim.id)
        self._echo_cache: dict[str, frozenset[str]] = {}
        # Evidence found for a pair but set aside as its own count: (kind, a, b) -> (ids, whose).
        self._set_aside: dict[tuple[str, str, str], tuple[tuple[str, ...], str]] = {}
        self._share_cache: dict[tuple[object, ...], Shares | None] = {}
        self._other_series_cache: dict[tuple[object, ...], list[Series]] = {}
        self._basis_scope_cache: dict[tuple[object, ...], list[BasisPair]] = {}
        # Series by scope, for "another source's timeline for the same scope".
        # Indexed by country as well, so a claim looks only at series that can share its places
        # (a file of many conflicts would otherwise scan every series of the scope: quadratic).
        self._series_by_scope: dict[tuple[object, ...], list[Series]] = defaultdict(list)
        # Each series' areas as its points word them: one, or several for a file's `series:`.
        self._series_areas: dict[int, list[frozenset[Place]]] = {}
        for series in timelines:
            if len(series.points) > 1:
                areas = {point.claim.area.places for point in series.points}
                self._series_areas[id(series)] = list(areas)
                sample = series.points[0].claim
                scope = (sample.population, sample.outcome, sample.perpetrators.parties)
                for country in _countries(sample.area.places):
                    self._series_by_scope[(*scope, country)].append(series)
        self._series_order = {id(series): n for n, series in enumerate(timelines)}
        self._breakdown_cache: dict[str, dict[tuple[str, str], list[Breakdown]]] = {}
        self._gazetteer: Gazetteer | None = None
        self._unions: dict[tuple[tuple[str, ...], tuple[str, ...]], list[str]] = {}

    def scope_key(self, claim: Claim) -> tuple[str, ...]:
        """The claim's values on the four scope dimensions, computed once per claim."""
        found = self._scope_keys.get(claim.id)
        return found if found is not None else _scope_key(claim)

    def _relation(self, x: Claim, y: Claim, y_key: tuple[str, ...]) -> str:
        """How x's scope relates to y's on area, population, outcome and perpetrators."""
        if self.scope_key(x) == y_key:
            return "same"
        return _scope_relation(x, y)

    def records(self, a: Claim, b: Claim) -> tuple[RecordCounts, RecordCounts] | None:
        """(a's records against b, b's against a) when both claims are backed by lists and the
        engine was given a way to link them (`analysis/records.py`); else None."""
        if self._record_links is None:
            return None
        return self._record_links(a, b)

    def series_of(self, claim: Claim) -> Series | None:
        return self._series_of.get(claim.id)

    def revision(self, a: Claim, b: Claim) -> tuple[Claim, Claim] | None:
        """(older, newer) when one of a and b revises the other down: one source, one series,
        one scope and basis, a later day, below the earlier floor (README, Series)."""
        if a.source != b.source or self._series_of.get(a.id) is not self._series_of.get(b.id):
            return None
        older, newer = sorted((a, b), key=lambda c: (c.as_of.latest, c.id))
        if older.as_of.latest >= newer.as_of.earliest:
            return None  # two figures of one day measure different things
        if self.scope_key(older) != self.scope_key(newer) or older.basis != newer.basis:
            return None  # a narrower area (or another measure) is not a revision
        if newer.start is not None and (
            older.start is None or newer.start.earliest > older.start.latest
        ):
            return None  # a later start counts less, not a correction
        if counted(newer, self.sources.about_tolerance).high >= older.figure.low:
            return None  # inside an earlier ceiling or range, "nearly" it, or not lower
        return older, newer

    def echoes(self, claim: Claim) -> frozenset[str]:
        """The claims that state the same count as `claim` (itself, its relays, the source's
        repeats) and their breakdown parts: none of them is independent evidence about a pair
        that `claim` is in (README, "Concepts", Evidence)."""
        found = self._echo_cache.get(claim.id)
        if found is None:
            same = self._by_count.get(_count_key(claim), [claim.id])
            ids = set(same) | {claim.id}
            for whole in list(ids):
                ids.update(part.id for part in self._parts.get(whole, ()))
            found = frozenset(ids)
            self._echo_cache[claim.id] = found
        return found

    def rate(self, kind: str, a: Claim, b: Claim) -> Quantity | None:
        """b's daily rate over the days in question, best evidence first. Nothing rests on a
        claim stating a's count (that would assume the answer); b's own points may anchor the
        rate, as its starting count. A start-date effect needs evidence on the days before b
        starts: a series whose first point comes later, or b's own average, gives none."""
        if kind == "as_of":
            first, second = b.as_of.latest, a.as_of.latest
        else:
            assert a.start is not None and b.start is not None
            first, second = a.start.earliest, b.start.earliest
        banned = self.echoes(a)
        own = self._series_of.get(b.id)
        for series in self._rate_series(b, own, first, second, kind):
            found = series.rate_between(first, second)
            if found is None or found.rate.high <= 0:  # a revision gives no rate
                continue
            if banned.intersection(found.claim_ids):
                continue
            if series is own:
                note = f"{possessive(b.source)} own series"
                if found.extrapolated:
                    note += ", extrapolated"
            else:
                note = f"{possessive(series.source)} series for the same scope"
            # Between its own points a cumulative count lies between them: the rate's effect is
            # held there (a relay's 200 does not pass its source's later 300).
            growth = None if found.extrapolated else series.growth_between(first, second)
            if growth is not None and not banned.intersection(growth.claim_ids):
                ids = tuple(dict.fromkeys((*found.claim_ids, *growth.claim_ids)))
                return Quantity(found.rate, ids, note, False, within=growth.value)
            return Quantity(found.rate, found.claim_ids, note, False)
        for assumption in self.sources.assumptions:
            if (
                assumption.applies_to == kind
                and assumption.rate is not None
                and assumption.source in (None, a.source, b.source)
            ):
                return Quantity(
                    Span(*assumption.rate),
                    (assumption.ref,),
                    f"assumption {assumption.index}: {in_brackets(assumption.reason)}",
                    False,
                    assumption,
                )
        return self._own_average(kind, a, b)

    def _rate_series(
        self, b: Claim, own: Series | None, first: dt.date, second: dt.date, kind: str
    ) -> Iterator[Series]:
        """The series that may give b's rate over [first, second], best first: b's own, then
        other sources' series for the same scope, over b's very area, that cover the days."""
        earliest, latest = min(first, second), max(first, second)
        if (
            own is not None
            and len(own.points) > 1
            and (kind != "start" or own.points[0].earliest <= earliest)
        ):
            yield own
        for series in self._other_series(b):
            if series is not own and (
                series.points[0].earliest <= earliest and series.points[-1].latest >= latest
            ):
                yield series

    def _other_series(self, b: Claim) -> list[Series]:
        """Other sources' series for b's population, outcome and perpetrators over b's very area,
        found once per (scope, area, source)."""
        scope = (b.population, b.outcome, b.perpetrators.parties)
        key = (*scope, b.area.places, b.source)
        found = self._other_series_cache.get(key)
        if found is None:
            candidates: dict[int, Series] = {}
            countries = _countries(b.area.places)
            if ANY_COUNTRY in countries:  # a place of unknown country: every series may overlap
                countries = {str(k[-1]) for k in self._series_by_scope if k[:-1] == scope}
            for country in [*sorted(countries), ANY_COUNTRY]:
                for series in self._series_by_scope.get((*scope, country), ()):
                    candidates.setdefault(id(series), series)
            found = [
                series
                for series in sorted(candidates.values(), key=lambda s: self._series_order[id(s)])
                if series.source != b.source
                # b's very area: a rate never carries from one area to another, a part or a
                # whole included (a national rate is not a city's, nor a city's the nation's:
                # REASONING 3). Every point's area, not the first one's: a file's `series:` may
                # join wordings of one count, and the series is b's scope only if each is b's.
                and all(
                    area_relation(places, b.area.places) == "same"
                    for places in self._series_areas[id(series)]
                )
            ]
            self._other_series_cache[key] = found
        return found

    def _own_average(self, kind: str, a: Claim, b: Claim) -> Quantity | None:
        """b's own count over its window. Deaths cluster, so an average is not the rate of any
        part of the window: for days inside b's window it says only that they hold 0 to all of
        b's count; before b's start it says nothing (killing may not have begun). Past b's
        as_of it is used as an average rate, so named, for at most as many days as the window
        is long (`timeline.beyond_reach`)."""
        days = window_days(b)
        if days is None or b.start is None:  # no start: no window to average over
            return None
        value = stated(b)
        if shape(b)[0] == "ceiling":  # "up to 250" held 0 to 250: its average is a ceiling too
            value = Span(0, value.high)
        inside = (
            a.as_of.latest < b.as_of.earliest
            if kind == "as_of"
            else a.start is not None and a.start.earliest > b.start.latest
        )
        if inside:  # a's window drops days of b's: they held 0 to all of b's count
            return Quantity(
                Span(-value.high, 0),
                ("own-rate",),
                f"the days a leaves out held 0 to all of {possessive(b.source)} count",
                False,
                total=True,
            )
        if kind == "start":
            return None
        if beyond_reach(a, b):
            return None
        rate = Span(value.low / days.high, value.high / days.low)
        return Quantity(rate, ("own-rate",), f"{possessive(b.source)} own average rate", False)

    def breakdowns(self, kind: str) -> dict[tuple[str, str], list[Breakdown]]:
        """Every breakdown usable on one dimension, found once per file and indexed by (part
        value, whole value): (part value, whole value, share of the whole as an interval, claim
        ids: the parts, then the whole). A part is at least part/whole of the whole and at most
        (whole - the other parts)/whole; exact only when every part is present (the parts add
        up to the whole) or the whole says `complete: true`."""
        found = self._breakdown_cache.get(kind)
        if found is not None:
            return found
        found = defaultdict(list)
        for whole_id, parts in self._parts.items():
            whole = self._by_id[whole_id]
            groups: dict[str, list[Claim]] = defaultdict(list)
            for part in parts:
                groups[dimension_key(kind, part)].append(part)
            usable = {
                key: members for key, members in groups.items() if _partitions(kind, members, whole)
            }
            sums = {key: _total(members) for key, members in usable.items()}
            total = _total([m for members in usable.values() for m in members])
            whole_value = stated(whole)
            complete = whole.complete or (total.is_point and total == whole_value)
            for part_key, members in usable.items():
                share = sums[part_key].divide(whole_value)
                if share is None:
                    continue
                if not complete:
                    others = total.low - sums[part_key].low
                    rest = Span.point(max(0.0, whole_value.high - others)).divide(whole_value)
                    high = min(1.0, max(share.high, rest.high if rest is not None else 1.0))
                    share = Span(share.low, high)
                ids = (*(m.id for m in members), whole.id)
                key = (part_key, dimension_key(kind, whole))
                found[key].append((part_key, key[1], share, ids))
        self._breakdown_cache[kind] = found
        return found

    def share(self, kind: str, a: Claim, b: Claim, relation: str) -> Quantity | None:
        """A ratio that turns b's count into one under a's definition on this dimension, from
        breakdowns independent of the pair: none of their figures states a's count or b's (the
        claim itself, its relays, the source's repeats), and neither is a breakdown of a's or b's
        count (REASONING 2: "nor from any claim that states the same count as one of them (a
        relay, a breakdown part of it)")."""
        a_key, b_key = dimension_key(kind, a), dimension_key(kind, b)
        places = frozenset(_countries(a.area.places) | _countries(b.area.places))
        every = self._shares(kind, a_key, b_key, places)
        if every is None:
            return self.assumed_ratio(kind, a, b)
        found, all_ids, quantity = every
        banned = self.echoes(a) | self.echoes(b)
        if banned.isdisjoint(all_ids):
            return quantity  # the common case: nothing of the pair among the evidence
        ratios: list[Span] = []
        evidence: list[str] = []
        for ratio, ids in found:
            if banned.intersection(ids):  # a's or b's own count or a part of it
                self._note_set_aside(kind, a, b, ids)
                continue
            ratios.append(ratio)
            evidence += ids
        if ratios:
            return _share_quantity(ratios, evidence)
        return self.assumed_ratio(kind, a, b)

    def _shares(
        self, kind: str, a_key: str, b_key: str, countries: frozenset[str]
    ) -> Shares | None:
        """Every share from a's value to b's on one dimension from breakdowns in the pair's
        countries (a breakdown of another war says nothing of this one), and their hull, found
        once per countries."""
        cache_key = (kind, a_key, b_key, countries)
        if cache_key in self._share_cache:
            return self._share_cache[cache_key]
        index = self.breakdowns(kind)
        found: list[tuple[Span, tuple[str, ...]]] = []
        for key, invert in (((a_key, b_key), False), ((b_key, a_key), True)):
            for _part, _whole, share, ids in index.get(key, ()):
                if not self._in_countries(ids, countries):
                    continue
                ratio = Span.point(1).divide(share) if invert else share
                if ratio is not None:
                    found.append((ratio, ids))
        result = None
        if found:
            evidence = [i for _, ids in found for i in ids]
            quantity = _share_quantity([r for r, _ in found], evidence)
            result = (found, frozenset(evidence), quantity)
        self._share_cache[cache_key] = result
        return result

    def _in_countries(self, ids: tuple[str, ...], countries: frozenset[str]) -> bool:
        if ANY_COUNTRY in countries:
            return True
        for claim_id in ids:
            claim = self._by_id.get(claim_id)
            if claim is not None:
                found = _countries(claim.area.places)
                if ANY_COUNTRY in found or not found.isdisjoint(countries):
                    return True
        return False

    def assumed_ratio(self, kind: str, a: Claim, b: Claim) -> Quantity | None:
        for assumption in self.sources.assumptions:
            if assumption.applies_to != kind or assumption.ratio is None:
                continue
            if assumption.source not in (None, a.source, b.source):
                continue
            ratio = Span(*assumption.ratio)
            if self.matches(kind, assumption.from_value, b) and self.matches(
                kind, assumption.to_value, a
            ):
                chosen: Span | None = ratio
            elif self.matches(kind, assumption.from_value, a) and self.matches(
                kind, assumption.to_value, b
            ):
                chosen = Span.point(1).divide(ratio)
            else:
                continue
            if chosen is not None:
                return Quantity(
                    chosen,
                    (assumption.ref,),
                    f"assumption {assumption.index}: {in_brackets(assumption.reason)}",
                    True,
                    assumption,
                )
        return None

    def matches(self, kind: str, value: str | None, claim: Claim) -> bool:
        """Whether an assumption's from/to value names the claim's value on `kind`, as that
        kind declares (`Kind.matches`); a kind without one is an error, never matched as
        another."""
        if value is None:
            return False
        match = self._matchers.get(kind)
        if match is None:
            raise ValueError(f"the {kind} kind declares no `matches` for assumption values")
        return match(self, value, claim)

    @property
    def gazetteer(self) -> Gazetteer:
        """The file's gazetteer, built on first use."""
        if self._gazetteer is None:
            self._gazetteer = Gazetteer(self.sources.areas)
        return self._gazetteer

    def basis_ratio(self, a: Claim, b: Claim) -> Quantity | None:
        """A ratio from two figures of one scope and day on the two bases compared (b's and
        a's), where that scope equals or contains the scope of a or of b (the note says which).
        Neither figure may state a's count or b's (the claim itself, its relays, the source's
        repeats, their breakdown parts): a ratio with b's own count on one side sizes b from
        itself (REASONING 2). Else None: the basis is not borrowed from another scope."""
        index = self._basis_index.get((b.basis, a.basis))
        if index is None:
            index = defaultdict(list)
            seen: set[tuple[object, ...]] = set()
            for group in self._paired_bases:
                for low in group.get(b.basis, ()):
                    for high in group.get(a.basis, ()):
                        key = (low.source, low.figure.stated, high.source, high.figure.stated)
                        if key in seen:
                            continue  # a relay repeating the same pair adds nothing
                        ratio = stated(high).divide(stated(low))
                        if ratio is not None:
                            seen.add(key)
                            day = (low.as_of.earliest, low.as_of.latest)
                            index[day].append((ratio, high, low))
            self._basis_index[(b.basis, a.basis)] = index
        banned = self.echoes(a) | self.echoes(b)
        ratios: list[Span] = []
        evidence: list[str] = []
        covers: list[str] = []
        for claim, name in ((b, "b"), (a, "a")):
            day = (claim.as_of.earliest, claim.as_of.latest)
            scope = self.scope_key(claim)
            cache_key = (b.basis, a.basis, day, scope)
            usable = self._basis_scope_cache.get(cache_key)
            if usable is None:
                usable = [
                    (ratio, high, low, relation)
                    for ratio, high, low in index.get(day, ())
                    if (relation := self._relation(low, claim, scope)) in ("same", "wider")
                ]
                self._basis_scope_cache[cache_key] = usable
            for ratio, high, low, relation in usable:
                if high.id in banned or low.id in banned:  # would size the pair from itself
                    self._note_set_aside("basis", a, b, (high.id, low.id))
                    continue
                ratios.append(ratio)
                evidence += [high.id, low.id]
                if not covers:
                    covers.append(f"{'equals' if relation == 'same' else 'contains'} {name}'s")
            if ratios:
                break
        if not ratios:
            return None
        ids = tuple(dict.fromkeys(evidence))
        note = (
            "ratio of " + " to ".join(ids[:2]) + f" on the same day, for a scope that {covers[0]}"
        )
        return Quantity(Span.hull(ratios), ids, note, True)

    def set_aside(self, kind: str, a: Claim, b: Claim) -> tuple[tuple[str, ...], str] | None:
        """The evidence `share` or `basis_ratio` found but could not use for the pair, being a's
        or b's own count or a part of it, and whose ("a" or "b"); None if there was none."""
        return self._set_aside.get((kind, a.id, b.id))

    def _note_set_aside(self, kind: str, a: Claim, b: Claim, ids: tuple[str, ...]) -> None:
        """Keep the first evidence set aside for the pair that is more than a and b themselves
        (a ratio of a to b is not evidence anyone would expect to be used)."""
        if not {a.id, b.id}.issuperset(ids):
            whose = "a" if self.echoes(a).intersection(ids) else "b"
            self._set_aside.setdefault((kind, a.id, b.id), (ids, whose))

    def newer_figure(self, claim: Claim) -> Claim | None:
        """The later figure of a relay's source it was printed after (its stale relay's)."""
        series = self._series_of.get(claim.id)
        if series is None:
            return None
        return next((s.newer for s in series.stale_relays if s.claim.id == claim.id), None)

    def any_rate(self, a: Claim, b: Claim) -> tuple[float, str] | None:
        """A daily rate to size a time difference whose length is unknown, with where it comes
        from in words: b's own series around its as_of, else the average over the window of
        whichever claim says when it starts (REASONING 2: an average is never shown as a rate
        of its own, so the words say it is one)."""
        series = self._series_of.get(b.id)
        if series is not None and len(series.points) > 1:
            found = series.rate_between(b.as_of.earliest, b.as_of.latest)
            if found is not None:
                return found.rate.mid, "the rate of b's series around its date"
        for claim, whose in ((b, "b"), (a, "a")):
            days = window_days(claim)
            if days is not None:  # over the longest reading of the window
                return stated(claim).mid / days.high, f"{whose}'s average over its window"
        return None

    def common_scope(self, a: Claim, b: Claim) -> str:
        population = _join(
            a.population, b.population, population_relation(a.population, b.population), "people"
        )
        outcomes: tuple[str, ...] = (
            _join(a.outcome, b.outcome, outcome_relation(a.outcome, b.outcome), "killed"),
        )
        if a.outcome != b.outcome and outcome_relation(a.outcome, b.outcome) in {
            "overlapping",
            "disjoint",
            "unknown",
        }:
            outcomes = (a.outcome, b.outcome)
        if a.perpetrators.is_any or b.perpetrators.is_any:
            perpetrators = "any party"
        else:
            first, second = party_words(a.perpetrators), party_words(b.perpetrators)
            perpetrators = _join(
                first,
                second,
                perpetrator_relation(a.perpetrators, b.perpetrators),
                f"{first} or {second}",
            )
        first, second = area_words(a.area), area_words(b.area)
        if not a.area.places or not b.area.places:  # `area: unknown` (an article naming none)
            area = "an area one of them does not name"
        else:
            relation = area_relation(a.area.places, b.area.places)
            area = _join(first, second, relation, and_list(self._union(a.area, b.area)))
        people = people_by(population, outcomes, perpetrators, more=True)
        if unknown_day(a.as_of) or unknown_day(b.as_of):
            return f"{people} in {area}, to a day one does not give"
        until = max(a.as_of.latest, b.as_of.latest)
        return f"{people} in {area} to {human_day(until)}"

    def _union(self, a: Area, b: Area) -> list[str]:
        """The names of two areas together, in order, a name within another given as that one
        (`southern Idlib, northern Hama` and `Idlib`: `Idlib, northern Hama`). Worked out once
        per two areas: a file's pairs share a few areas."""
        key = (a.text, b.text)
        if key not in self._unions:
            self._unions[key] = self._union_of(list(dict.fromkeys((*a.text, *b.text))))
        return self._unions[key]

    def _union_of(self, names: list[str]) -> list[str]:
        try:
            places = {name: self.gazetteer.resolve(name) for name in names}
        except GrammarError:  # a name the file's gazetteer cannot read: every name as written
            return names

        def within(name: str) -> list[str]:
            return [o for o in names if area_relation(places[o], places[name]) == "wider"]

        widest = [name for name in names if not within(name)]
        shown = [next((o for o in widest if o in within(name)), name) for name in names]
        return list(dict.fromkeys(shown))


def unknown_day(days: DayRange | None) -> bool:
    """`as_of: unknown` or `start: unknown` (written for an undated article): every day."""
    return days is not None and days.earliest == dt.date.min and days.latest == dt.date.max


def _parties_key(claim: Claim) -> str:
    parties = claim.perpetrators.parties
    return "any" if parties is None else "|".join(sorted(parties))


# The dimensions a breakdown can split a figure on (and a share can scale it by), each with the
# value of a claim on it as a comparable string.
KEYS: dict[str, Callable[[Claim], str]] = {
    "area": lambda claim: "|".join(sorted(p.code + (p.part or "") for p in claim.area.places)),
    "population": lambda claim: claim.population,
    "outcome": lambda claim: claim.outcome,
    "perpetrators": _parties_key,
}
DIMENSIONS = tuple(KEYS)


def dimension_key(kind: str, claim: Claim) -> str:
    """The value of a claim on one share dimension, as a comparable string; a kind that is not
    a share dimension is an error, never read as another."""
    key = KEYS.get(kind)
    if key is None:
        raise ValueError(f"{kind} is not a share dimension: {', '.join(DIMENSIONS)}")
    return key(claim)


def _same_on(kind: str, x: Claim, y: Claim) -> bool:
    return dimension_key(kind, x) == dimension_key(kind, y)


def _partitions(kind: str, parts: list[Claim], whole: Claim) -> bool:
    """Whether parts that share a value on `kind` add up to the whole's scope on every other
    dimension: one part equal to the whole elsewhere, or parts that differ from one another on
    one other dimension only (288 civilians by pro-government forces + 22 by jihadists)."""
    others = [k for k in DIMENSIONS if k != kind]
    if len(parts) == 1:
        return all(_same_on(k, parts[0], whole) for k in others)
    varying = [k for k in others if len({dimension_key(k, p) for p in parts}) > 1]
    if len(varying) != 1:
        return False
    steady = [k for k in others if k not in varying]
    return all(_same_on(k, p, whole) for k in steady for p in parts)


def _count_key(claim: Claim) -> tuple[object, ...]:
    return (
        claim.source,
        claim.figure.low,
        claim.figure.high,
        claim.as_of.earliest,
        claim.as_of.latest,
        _scope_key(claim),
    )


def _share_quantity(ratios: list[Span], evidence: list[str]) -> Quantity:
    ids = tuple(dict.fromkeys(evidence))
    return Quantity(Span.hull(ratios), ids, "share from the breakdown " + ", ".join(ids), True)


def _total(claims: list[Claim]) -> Span:
    total = Span(0, 0)
    for claim in claims:
        total = total + stated(claim)
    return total


def _scope_relation(x: Claim, y: Claim) -> str:
    """How x's scope relates to y's on area, population, outcome and perpetrators."""
    relations = scope_relations(x, y)
    parts = {relations.area, relations.population, relations.outcome, relations.perpetrators}
    if parts == {"same"}:
        return "same"
    if parts <= {"same", "wider"}:
        return "wider"
    return "other"


def _scope_key(claim: Claim) -> tuple[str, ...]:
    return tuple(dimension_key(kind, claim) for kind in DIMENSIONS)


def _join(a: str, b: str, relation: str, top: str) -> str:
    """The wider of two scope values, or `top` when neither contains the other."""
    if relation in {"same", "wider"}:
        return a
    if relation == "narrower":
        return b
    return top


# A place whose country is not an ISO code (a user's own region): it may overlap any country.
ANY_COUNTRY = "*"


def _countries(places: frozenset[Place]) -> set[str]:
    """The ISO countries of the places, `ANY_COUNTRY` for a place of no known country."""
    found = set()
    for place in places:
        country = place.country
        found.add(country if len(country) == 2 and country.isalpha() else ANY_COUNTRY)
    return found or {ANY_COUNTRY}
