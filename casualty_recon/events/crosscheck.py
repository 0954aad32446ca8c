"""Sum an event dataset over each claim's scope: window, area, population, perpetrators, grades.

The rules (also given, filled in, as each `Reference.rule`):

- **Window.** The claim's window runs from the earliest day its `start` can mean to the latest
  day its `as_of` can mean (`late April 2019` starts on 21 April). An event counts only when its
  whole date span lies inside the window: GED's `date_start`..`date_end` (an event known only to
  the month spans the month), Airwars' `date`..`date_end`, ACLED's single `event_date`. Events
  that straddle either end are left out and counted as `straddles the window`. A claim without a
  `start` is summed from the dataset's first date, and its sentence says that the claim's start
  is unknown and that this widest window gives a ceiling, not a figure to compare (comparison
  None). `date_prec=N` also leaves out events whose date precision is coarser than N on the
  dataset's own scale.
- **Area.** An event counts when its first-level subdivision resolves (through the gazetteer, in
  the event's country) to one of the claim's places, or when the claim names the whole country.
  A part of a place (`southern Idlib`) is matched as the whole place, with a note. In a
  sub-national claim, events of the same country whose subdivision is unknown or unrecognised
  are left out and counted by reason. `where_prec=N` leaves out events whose place precision is
  coarser than N.
- **Population.** The dataset's figure for the claim's population and outcome (`died` is matched
  as `killed`, with a note): see each dataset module. A population the dataset does not count
  gives no reference (comparison None) and a note saying what it does count.
- **Perpetrators.** When the claim names parties, an event counts when any of its actors is one
  of them (GED `side_a`; ACLED `actor1`, `assoc_actor_1`; Airwars `belligerents`). Events whose
  actor is unknown are left out and counted.
- **Grades** (Airwars): only the grades asked for; by default every grade but Discounted.
- **Figures.** Rows without the figure are left out and counted as `no figure for ...`. When no
  row is left to sum and some were left out for the figure alone, there is no reference
  (comparison None), not a zero. A zero stands when the events in scope record 0, or when no
  event is in scope in a window the file's dates cover; the sentence says which. A window wholly
  outside the file's dates gives no reference; one partly outside it is summed, with a note.
- **Wording.** Floors and ceilings are said as such (`reference.relation_text`): "the claim's
  floor 'at least 400' is below this range, which a floor allows" (comparison `inside`). A claim
  of any party compared with a dataset that covers some parties only (Airwars) says so in its
  sentence. The rule is worded for any claim (each sentence gives its window), so that `events`
  prints each distinct rule once.

Every left-out row is counted once, under its first reason in the order above.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from casualty_recon.events.layout import Measure
from casualty_recon.events.reference import (
    Comparison,
    Reference,
    compare,
    join_names,
    range_text,
    relation_text,
)
from casualty_recon.events.selection import (
    _rule_text,
    _Scan,
)
from casualty_recon.events.table import LAYOUTS, EventTable, day_number
from casualty_recon.grammar.parties import is_catalogued, party_closure
from casualty_recon.grammar.places import display_name, town_parent
from casualty_recon.grammar.wording import people_by, people_words, short_day
from casualty_recon.model.claims import Claim, Place
from casualty_recon.model.errors import UsageError
from casualty_recon.model.usage import (
    GRADE_UNKNOWN,
    GRADE_UNKNOWN_CLOSE,
    GRADES_EMPTY,
    GRADES_NOT_APPLICABLE,
    PRECISION_BAD,
)


def check_grades(events: EventTable, grades: Sequence[str] | None) -> tuple[str, ...] | None:
    """The grades asked for, spelt as the dataset spells them; UsageError if unknown."""
    if grades is None:
        return None
    known = events.layout.grades
    if not known:
        raise UsageError.of(
            GRADES_NOT_APPLICABLE,
            title=events.title,
            layouts=join_names([layout.title for layout in LAYOUTS.values() if layout.grades]),
        )
    lookup = {grade.lower(): grade for grade in known}
    chosen: list[str] = []
    for grade in grades:
        key = grade.strip().lower()
        if not key:
            continue
        if key not in lookup:
            close = difflib.get_close_matches(key, list(lookup), n=1)
            raise UsageError.of(
                GRADE_UNKNOWN_CLOSE if close else GRADE_UNKNOWN,
                grade=grade.strip(),
                close=lookup[close[0]] if close else "",
                title=events.title,
                grades=", ".join(known),
            )
        if lookup[key] not in chosen:
            chosen.append(lookup[key])
    if not chosen:
        raise UsageError.of(GRADES_EMPTY, title=events.title, grades=", ".join(known))
    return tuple(chosen)


def check_precision(value: int | None, what: str) -> int | None:
    if value is not None and value < 1:
        raise UsageError.of(PRECISION_BAD, what=what, value=value)
    return value


def _grade_lookup(events: EventTable, grades: tuple[str, ...] | None) -> list[str] | None:
    """Per grade code, the reason its rows are left out ('' if kept); the last entry is for
    rows without a grade."""
    text = events.grade
    if text is None:
        return None
    layout = events.layout
    separator = layout.separator or ","
    reasons: list[str] = []
    for value in text.values:
        parts = {part.strip().lower() for part in value.split(separator) if part.strip()}
        if grades is None:
            keep = not parts <= {g.lower() for g in layout.default_excluded_grades}
        else:
            keep = bool(parts & {g.lower() for g in grades})
        reasons.append("" if keep else f"graded {value}")
    reasons.append("" if grades is None else "no grade")
    return reasons


def _places_by_country(places: frozenset[Place]) -> dict[str, set[str] | None]:
    """Country -> the subdivision codes named in it (None: the whole country). A town is read
    as the subdivision it lies in (or its country, where that is not known)."""
    wanted: dict[str, set[str] | None] = {}
    for place in sorted(places):
        country = place.country
        code = town_parent(place.code) or place.code
        if "-" not in code:
            wanted[country] = None
        elif wanted.get(country, set()) is not None:
            codes = wanted.setdefault(country, set())
            assert codes is not None
            codes.add(code)
    return wanted


def _number(value: float) -> int:
    return round(value)


def cross_check(
    events: EventTable,
    claims: Iterable[Claim],
    *,
    grades: Sequence[str] | None = None,
    date_prec: int | None = None,
    where_prec: int | None = None,
) -> list[Reference]:
    """One `Reference` per claim, in the claims' order."""
    chosen = check_grades(events, grades)
    check_precision(date_prec, "date-prec")
    check_precision(where_prec, "where-prec")
    grade_reasons = _grade_lookup(events, chosen)
    scan = _Scan(events, grade_reasons, date_prec, where_prec)
    return [_reference(events, claim, chosen, scan) for claim in claims]


def _measure_for(events: EventTable, claim: Claim) -> tuple[Measure | None, list[str]]:
    notes: list[str] = []
    outcome = claim.outcome
    if outcome == "died":
        outcome = "killed"
        notes.append(
            f"The claim counts deaths of any cause ('died'); {events.title} records violent "
            "deaths only, so the reference is matched as 'killed'."
        )
    measure = events.layout.measure(claim.population, outcome)
    if measure is not None:
        missing = [c for c in measure.columns if c not in events.figures]
        if missing or (measure.rows is not None and measure.rows not in events.flags):
            measure = None
    if measure is None:
        offered = [
            m.label
            for m in events.layout.measures
            if all(c in events.figures for c in m.columns)
            and (m.rows is None or m.rows in events.flags)
        ]
        notes.append(
            f"{events.title} has no figure for {people_words(claim.population, claim.outcome)}"
            f" in this file; it counts {join_names(offered) or 'nothing usable'}."
        )
    return measure, notes


@dataclass
class _Scope:
    """A claim's scope as the dataset can read it, with the notes that reading needs."""

    measure: Measure | None
    window_start: dt.date | None
    window_end: dt.date
    wanted: dict[str, set[str] | None]
    absent: list[str]
    area_names: tuple[str, ...]
    parties: frozenset[str] | None
    found: list[str]
    unseen: list[str]
    unnoted: list[str]
    notes: list[str] = field(default_factory=list)
    matched: frozenset[str] = frozenset()
    coverage: str | None = None  # the dataset's coverage note, when the claim is wider


def _window(events: EventTable, claim: Claim, notes: list[str]) -> tuple[dt.date | None, dt.date]:
    """The widest reading of the claim's dates."""
    if claim.start is not None:
        window_start: dt.date | None = claim.start.earliest
        if claim.start.days > 1:
            notes.append(
                f"The claim's start '{claim.start.text}' is read as its earliest day, "
                f"{short_day(claim.start.earliest)}."
            )
    else:
        window_start = events.first_date  # the note or sentence says so (`_reference`)
    window_end = claim.as_of.latest
    if claim.as_of.days > 1:
        notes.append(
            f"The claim's as_of '{claim.as_of.text}' is read as its latest day, "
            f"{short_day(window_end)}."
        )
    return window_start, window_end


def _scope(events: EventTable, claim: Claim) -> _Scope:
    layout = events.layout
    measure, notes = _measure_for(events, claim)
    window_start, window_end = _window(events, claim, notes)

    # Area.
    wanted = _places_by_country(claim.area.places)
    parts = sorted({p.label() for p in claim.area.places if p.part is not None})
    if parts:
        notes.append(
            f"{join_names(parts)} cannot be told apart from the whole subdivision in "
            f"{events.title}: matched as the whole, so the reference may be wider than the claim."
        )
    towns = sorted(
        (p.name, display_name(parent))
        for p in claim.area.places
        if (parent := town_parent(p.code)) is not None
    )
    if towns:
        listed = join_names([f"{town} as {within}" for town, within in towns])
        notes.append(
            f"{events.title} is summed by first-level subdivision: {listed}, so the reference "
            "may be wider than the claim."
        )
    absent = [display_name(c) for c in wanted if c not in events.countries]
    if absent and len(absent) < len(wanted):
        notes.append(
            f"{events.title} has no {layout.event_noun}s in {join_names(absent)} in this file."
        )
    if absent and events.unplaced:
        listed = "; ".join(f"{reason}: {count}" for reason, count in events.unplaced.items())
        notes.append(
            f"Some rows of the file are in a country that is not recognised ({listed}); "
            "they are not counted for any claim."
        )
    area_names = tuple(
        sorted({p.name for p in claim.area.places}) if claim.area.places else claim.area.text
    )

    # Perpetrators and the dataset's coverage.
    parties = claim.perpetrators.parties
    coverage = None
    if layout.coverage_note and (parties is None or parties & layout.not_covered):
        coverage = _coverage(events)
        notes.append(coverage + ".")
    # Parties the dataset can count: named by some event, and within what it monitors.
    countable = events.parties - layout.not_covered
    # Each party stands for itself and the parties under it (Boko Haram: ISWAP, JAS).
    under = {party: party_closure(party) & countable for party in parties or ()}
    found = sorted(party for party, hits in under.items() if hits)
    unseen = sorted(party for party, hits in under.items() if not hits)
    matched = frozenset().union(*under.values()) if under else frozenset()
    unnoted = [party for party in unseen if party not in layout.not_covered]
    if found and unnoted:
        notes.append(
            f"{events.title} attributes no event to {join_names(unnoted)} in this file: the "
            f"reference counts {join_names(found)} only, so it can fall short of the claim."
        )
    if parties is not None:
        uncatalogued = _uncatalogued(events)
        if uncatalogued:
            listed = ", ".join(f"{name} ({count:,})" for name, count in uncatalogued[:10])
            more = f" and {len(uncatalogued) - 10:,} more" if len(uncatalogued) > 10 else ""
            total = len(uncatalogued)
            notes.append(
                f"{total:,} actor name{'s' if total != 1 else ''} of the file "
                f"{'are' if total != 1 else 'is'} not in the party catalogue and "
                f"{'count' if total != 1 else 'counts'} for no "
                f"named party ({layout.event_noun}s): {listed}{more}."
            )
    return _Scope(
        measure,
        window_start,
        window_end,
        wanted,
        absent,
        area_names,
        parties,
        found,
        unseen,
        unnoted,
        notes,
        matched,
        coverage,
    )


def _coverage(events: EventTable) -> str:
    """The dataset's coverage note for this file: the parties it monitors that the file names,
    most events first, and those it does not monitor that the file names too (else "every
    party's"), so a file of any conflict is described by its own belligerents."""
    layout = events.layout
    counts: Counter[str] = Counter()
    for actors in events.actors:
        per_cell = np.bincount(actors.codes[actors.codes >= 0], minlength=len(actors.parties))
        for cell, parties in enumerate(actors.parties):
            for party in parties - layout.not_covered:
                counts[party] += int(per_cell[cell])
    named = [party for party, count in sorted(counts.items(), key=lambda i: (-i[1], i[0])) if count]
    shown = named[:3] + ([f"{len(named) - 3} more"] if len(named) > 3 else [])
    uncovered = sorted(layout.not_covered & events.parties)
    return (layout.coverage_note or "").format(
        parties=join_names(shown) if shown else "none",
        uncovered=f"{join_names(uncovered)} strikes" if uncovered else "every party's",
    )


def _uncatalogued(events: EventTable) -> list[tuple[str, int]]:
    """Actor names of the file that the party catalogue does not know, with how many events
    name each, most first (state forces and the catalogue's names are known)."""
    counts: Counter[str] = Counter()
    for actors in events.actors:
        per_cell = np.bincount(actors.codes[actors.codes >= 0], minlength=len(actors.parties))
        for cell, parties in enumerate(actors.parties):
            for party in parties:
                if not is_catalogued(party) and per_cell[cell]:
                    counts[party] += int(per_cell[cell])
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _why_none(claim: Claim, scope: _Scope, noun: str) -> str | None:
    """Why the dataset gives no reference at all for this claim (None: it may give one);
    `noun` is what one row of the dataset is called."""
    if scope.measure is None:
        return f"it has no figure for {people_words(claim.population, claim.outcome)}."
    if not scope.wanted:
        return f"the claim's area ({claim.area.label()}) names no country or subdivision."
    if scope.absent and len(scope.absent) == len(scope.wanted):
        return f"it has no {noun}s in {join_names(scope.absent)}."
    if scope.parties is not None and not scope.found and not scope.unnoted:
        return f"it does not record {noun}s by {join_names(scope.unseen)}."
    if scope.parties is not None and not scope.found:
        return f"it attributes no {noun} to {join_names(scope.unseen)} in this file."
    if scope.window_start is None:
        return f"it has no usable {noun}s."
    return None


def _why_empty(
    events: EventTable,
    claim: Claim,
    scope: _Scope,
    measure: Measure,
    count: int,
    excluded: dict[str, int],
) -> str | None:
    """Why the rows selected give no reference (None: they do); may add a note on coverage."""
    assert scope.window_start is not None
    window_start, window_end = scope.window_start, scope.window_end
    noun = events.layout.event_noun
    missing_figure = excluded.get(f"no figure for {measure.label}", 0)
    if count == 0 and missing_figure:
        # Every event in scope lacks the figure: there is nothing to compare with, not a zero.
        plural = noun if missing_figure == 1 else f"{noun}s"
        verb = "has" if missing_figure == 1 else "have"
        return (
            f"the {missing_figure:,} {plural} in scope {verb} no figure for "
            f"{claim.population} {measure.outcome}."
        )
    first, last = events.first_date, events.last_date
    if first is not None and last is not None:
        if count == 0 and window_end < first and claim.start is None:
            # No start: the window would run from the file's first day back to the as_of.
            return (
                f"the claim's as_of, {short_day(window_end)}, is before the file's dates, "
                f"{short_day(first)} to {short_day(last)}."
            )
        if count == 0 and (window_end < first or window_start > last):
            return (
                f"the claim's window, {short_day(window_start)} to {short_day(window_end)}, lies "
                f"outside the file's dates, {short_day(first)} to {short_day(last)}."
            )
        if window_start < first or window_end > last:
            scope.notes.append(
                f"The file's {noun}s run from {short_day(first)} to {short_day(last)}: the part of "
                "the window outside those dates is not covered, so the reference may fall short."
            )
    return None


def _counted_text(
    noun: str, count: int, reference_range: tuple[int, int] | None, excluded: dict[str, int]
) -> str:
    if count == 0:
        # A genuine zero: the file covers the window and records no event in this scope.
        left = sum(excluded.values())
        return f"(no {noun} counted; {left:,} left out)" if left else f"(no {noun} in this scope)"
    if reference_range is not None and reference_range[1] == 0:
        # A genuine zero: events in scope, each recorded with no one killed.
        return (
            f"in 1 {noun} (recorded with 0)"
            if count == 1
            else f"in {count:,} {noun}s (each recorded with 0)"
        )
    return f"in {count:,} {noun}{'' if count == 1 else 's'}"


def _reference(
    events: EventTable,
    claim: Claim,
    grades: tuple[str, ...] | None,
    scan: _Scan,
) -> Reference:
    scope = _scope(events, claim)
    measure, window_start, window_end = scope.measure, scope.window_start, scope.window_end
    parties = scope.parties
    rule = _rule_text(events, measure, None, None, grades, scan.date_prec, scan.where_prec)
    chosen_grades = grades if grades is not None or not events.layout.grades else None

    def make(
        sums: dict[str, int | None],
        count: int,
        comparison: Comparison | None,
        sentence: str,
        excluded: dict[str, int],
    ) -> Reference:
        return Reference(
            claim_id=claim.id,
            kind=events.kind,
            dataset=events.title,
            path=events.path,
            population=claim.population,
            outcome=claim.outcome,
            measure=measure.described if measure is not None else None,
            window_start=window_start,
            window_end=window_end,
            area=scope.area_names,
            perpetrators=tuple(sorted(parties)) if parties is not None else None,
            grades=chosen_grades,
            low=sums.get("low"),
            best=sums.get("best"),
            high=sums.get("high"),
            events=count,
            claim_low=claim.figure.low,
            claim_high=claim.figure.high,
            claim_text=claim.figure.text,
            comparison=comparison,
            sentence=sentence,
            rule=rule,
            excluded=excluded,
            unreadable=dict(events.unreadable),
            notes=tuple(scope.notes),
        )

    none = f"{events.title} gives no reference for this claim: "
    no_start = (
        "The claim gives no start; its window is read from the dataset's first date, "
        f"{short_day(window_start)}."
        if claim.start is None and window_start is not None
        else None
    )
    if no_start is not None:
        scope.notes.append(no_start)
    why = _why_none(claim, scope, events.layout.event_noun)
    if why is not None or measure is None or window_start is None:
        return make({}, 0, None, f"{none}{why}", {})

    w0, w1 = day_number(window_start), day_number(window_end)
    matched = scope.matched if parties is not None else None
    summed, excluded = scan.select(measure, scope.wanted, matched, (w0, w1))
    count = len(summed)
    why = _why_empty(events, claim, scope, measure, count, excluded)
    if why is not None:
        return make({}, 0, None, f"{none}{why}", excluded)
    sums: dict[str, int | None] = {}
    for bound in ("low", "best", "high"):
        column = getattr(measure, bound)
        sums[bound] = (
            None if column is None else _number(float(events.figures[column][summed].sum()))
        )
    reference_range = _range(sums["low"], sums["best"], sums["high"])
    comparison = compare(claim.figure.low, claim.figure.high, reference_range)
    by = f" by {join_names(scope.found)}" if parties is not None else ""
    figure = range_text(sums["low"], sums["best"], sums["high"])
    counted = _counted_text(events.layout.event_noun, count, reference_range, excluded)
    found = (
        f"{figure} {claim.population} {measure.outcome} {counted}{by} in "
        f"{join_names(list(scope.area_names))}"
    )
    if no_start is not None:
        # Summed from the dataset's first date, the reference is a ceiling for the claim's
        # window, not a like-for-like figure: comparing would call most claims "below".
        scope.notes.remove(no_start)  # the sentence says it
        sentence = (
            f"{events.title}: the claim's start is unknown, so only the widest window can be "
            f"read: from the file's first day, {short_day(window_start)}, to the claim's as_of, "
            f"{short_day(window_end)}, {found}; whenever the claim's count starts, "
            f"{events.title} has at most that many in its window, a ceiling, not a figure to "
            f"compare with the claim's '{claim.figure.text}'."
        )
        return make(sums, count, None, sentence, excluded)
    relation = relation_text(
        claim.figure.low,
        claim.figure.high,
        claim.figure.qualifier,
        claim.figure.text,
        reference_range,
        target="this count" if reference_range and len(set(reference_range)) == 1 else "this range",
    )
    if scope.coverage is not None and parties is None:
        # An any-party claim against a dataset of some parties' strikes: said in the sentence.
        relation += (
            ", though the claim counts "
            f"{people_by(claim.population, (claim.outcome,), 'any party', more=True)} and "
            f"{scope.coverage}"
        )
        scope.notes.remove(scope.coverage + ".")
    window = f"{short_day(window_start)} to {short_day(window_end)}"
    sentence = f"{events.title}: {found}, {window}; {relation}."
    return make(sums, count, comparison, sentence, excluded)


def _range(low: int | None, best: int | None, high: int | None) -> tuple[int, int] | None:
    bottom = low if low is not None else best
    top = high if high is not None else best
    if bottom is None or top is None:
        return None
    return bottom, top
