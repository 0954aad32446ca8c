"""`records`: both claims are backed by named-victim lists, linked record by record (issue 14).

The linkage says exactly how many of a's people are in b's list and, of those who are not, how
many died outside b's window (after its as_of or before its start), outside b's area, or within
both yet are not in b's list (undocumented by b); and the same of b's people against a. Read
under a's definitions, b gains a's people outside b's scope and loses its own outside a's: that
is the effect, a count of people, not an estimate. It replaces the rate- and share-based sizing
of the window and area differences it measures (`Quantity.replaces`), so nothing counts twice;
what is left is people one list documents and the other does not. A dimension is measured only
when both lists give it (a date of death, a place) and both claims a known day or area.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casualty_recon.analysis.kinds.base import Kind, Pair
from casualty_recon.analysis.results import (
    Context,
    Difference,
    Found,
    Quantity,
    afterword,
    agrees,
)
from casualty_recon.grammar.wording import and_list, human_day, plural
from casualty_recon.model.claims import Claim
from casualty_recon.model.spans import Span

if TYPE_CHECKING:
    from casualty_recon.analysis.records import RecordCounts

TEMPLATE = (
    "Linking {a_key} and {b_key} one to one (match probability at least {threshold}): {both} "
    "people are in both. {a_side} {b_side} {effect_text}"
)


# What the sentences of the kinds the records replace end with (their amounts are not applied).
WHY = "The linked records count these people exactly (the records difference)."


def detect(pair: Pair) -> list[Found]:
    a, b = pair.a, pair.b
    found = pair.evidence.records(a, b)
    if found is None:
        return []
    a_in_b, b_in_a = found
    window = a_in_b.window_known and b_in_a.window_known
    area = a_in_b.area_known and b_in_a.area_known
    gained = a_in_b.outside_window * window + a_in_b.outside_area * area
    lost = b_in_a.outside_window * window + b_in_a.outside_area * area
    effect = gained - lost
    if a.source == b.source:  # two releases of one source: added (only in the newer) and removed
        a_newer = (a.as_of.latest, a.id) >= (b.as_of.latest, b.id)
        newer, older = (a_in_b, b_in_a) if a_newer else (b_in_a, a_in_b)
        added = f"the {newer.not_in_other:,} added in {newer.key}"
        removed = f"the {older.not_in_other:,} of {older.key} removed by {newer.key}"
        a_side = _side(a_in_b, added if a_newer else removed, b)
        b_side = _side(b_in_a, removed if a_newer else added, a)
    else:
        a_side = _side(a_in_b, f"a's {a_in_b.not_in_other:,} not in b's list", b)
        b_side = _side(b_in_a, f"b's {b_in_a.not_in_other:,} not in a's list", a)
    measured = [name for name, known in (("window", window), ("area", area)) if known]
    rest = (
        f"what is left is people one list documents and the other does not "
        f"({_count(a_in_b.undocumented)} of a's, {_count(b_in_a.undocumented)} of b's)."
    )
    quantity = None
    if measured:
        replaces = (("as_of", "start") if window else ()) + (("area",) if area else ())
        moved = [f"+{gained:,} of a's people outside b's scope"] * bool(gained)
        moved += [f"-{lost:,} of b's outside a's"] * bool(lost)
        note = ", ".join(moved) or "no one outside the other's scope"
        quantity = Quantity(
            Span(effect, effect), (a.id, b.id), note, False, replaces=replaces, replaces_why=WHY
        )
    direction = "up" if effect > 0 else "down" if effect < 0 else "none"

    def write(context: Context) -> str:
        """The sentence in its context (`Found.write`): the effect in words, the afterword."""
        moved = context.effect
        if measured:
            effect_text = (
                f"Read under a's {' and '.join(measured)}, b gains a's people outside its own "
                f"and loses those of its own outside a's: {moved}; {rest}"
            )
        else:
            effect_text = (
                "The lists give no date of death or place in both, so which of these people "
                "fall outside the other's window or area is not known: the difference is not "
                "sized."
            )
        return TEMPLATE.format(
            a_key=a_in_b.key,
            b_key=b_in_a.key,
            threshold=f"{a_in_b.threshold:g}",
            both=f"{a_in_b.in_other:,}",
            a_side=a_side,
            b_side=b_side,
            effect_text=effect_text,
        ) + afterword(context)

    difference = Difference(
        "records",
        f"{a_in_b.records:,} records ({a_in_b.key})",
        f"{b_in_a.records:,} records ({b_in_a.key})",
        "linked",
        direction,
        agrees(direction, pair.gap) if quantity is not None else None,
        write(Context()),
    )
    return [Found(difference, quantity, write)]


def _count(number: int) -> str:
    """`none` for no one (`none died outside b's area`, not `0 died ...`), else the number."""
    return f"{number:,}" if number else "none"


def _side(counts: RecordCounts, who: str, other: Claim) -> str:
    """`Of a's 120 not in b's list, 30 died after 30 April 2024 (outside b's window), ...`."""
    if counts.not_in_other == 0:
        return f"Of {who}: none."
    parts = []
    if counts.window_known:
        when = f"after {human_day(other.as_of.latest)}"
        if other.start is not None:
            when += f" or before {human_day(other.start.earliest)}"
        parts.append(f"{_count(counts.outside_window)} died {when} (outside {other.id}'s window)")
    if counts.area_known:
        parts.append(f"{_count(counts.outside_area)} died outside {other.id}'s area")
    unknown = []
    if counts.window_known and counts.undated:
        unknown.append(f"{counts.undated:,} without a date of death")
    if counts.area_known and counts.unplaced:
        unknown += _unplaced(counts)
    scope = "within its window and area" if parts else "as far as the lists tell"
    last = (
        f"{_count(counts.undocumented)} are {scope} yet not in its list "
        f"(undocumented by {other.id})"
    )
    if unknown:
        last += f"; of them {' and '.join(unknown)}"
    parts.append(last)
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"Of {who}, {listed}."


def _unplaced(counts: RecordCounts) -> list[str]:
    """`5 without a place` and `15 in a place the gazetteer does not know (Bojayá)`, or, where
    the counts do not say which, `20 without a known place`."""
    if not counts.unknown_places and not counts.placeless:
        return [f"{counts.unplaced:,} without a known place"]
    out = []
    if counts.placeless:
        out.append(f"{counts.placeless:,} without a place")
    if counts.unplaced > counts.placeless:
        others = counts.unknown_place_count - len(counts.unknown_places)
        named = and_list([*counts.unknown_places, *([plural(others, "other")] if others else [])])
        unknown = counts.unplaced - counts.placeless
        out.append(f"{unknown:,} in a place the gazetteer does not know ({named})")
    return out


KIND = Kind(
    name="records",
    title="Linked records",
    description="Both claims are backed by named-victim lists, linked record by record: how many "
    "people are in both, and of the others how many died outside the other claim's window or "
    "area (an exact effect, replacing the window and area estimates) or are simply undocumented "
    "by the other list.",
    pushes_up_when="A's list holds more people outside B's window or area than B's outside A's",
    template=TEMPLATE,
    order=18,
    detect=detect,
)
