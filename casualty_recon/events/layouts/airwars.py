"""Airwars incident archive (one row per alleged civilian-harm incident).

`date` (and `date_end` for a range) is when it happened; the place is `governorate`, or `region`
when that is empty, or `province` (a file needs one of them: archives of other conflicts than
Syria's may lack `governorate`); `belligerents` lists the alleged strikers, comma-separated;
`grading` is Airwars' assessment (Confirmed, Fair, Weak, Contested, Discounted); deaths are given
as a minimum and a maximum for civilians, children, women and men, injuries for civilians and
children. Airwars monitors foreign belligerents (Russian, US-led coalition, Turkish, Israeli
forces...), not the strikes of the country's own government.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from casualty_recon.events.layout import (
    Column,
    Columns,
    FloatArray,
    Layout,
    Measure,
    Prepared,
    Text,
)

PAIRS = (
    ("civilians", "killed", "civilians_killed"),
    ("children", "killed", "children_killed"),
    ("women", "killed", "women_killed"),
    ("men", "killed", "men_killed"),
    ("civilians", "injured", "civilians_injured"),
    ("children", "injured", "children_injured"),
)

# The place of an incident: the first of these columns the file has and the row fills.
PLACES = ("governorate", "region", "province")
NO_GOVERNORATE = "The file has no governorate column: incidents are placed by {columns}."

COLUMNS = (
    Column("ident", ("incident_code", "code", "airwars_id"), "label", required=False),
    Column("date", ("date",), "date"),
    Column("date_end", ("date_end",), "date", required=False),
    *(Column(role, (role,), "text", required=False, group="place") for role in PLACES),
    Column("belligerents", ("belligerents",), "text"),
    Column("grading", ("grading",), "text"),
    *(
        Column(f"{stem}_{end}", (f"{stem}_{end}",), "number", required=stem == "civilians_killed")
        for _, _, stem in PAIRS
        for end in ("min", "max")
    ),
)

MEASURES = tuple(
    Measure(population, outcome, f"{stem}_low", None, f"{stem}_high", f"Airwars {stem}_min/max")
    for population, outcome, stem in PAIRS
)

GRADES = ("Confirmed", "Fair", "Weak", "Contested", "Discounted")


def _first_filled(texts: list[Text]) -> Text:
    """Per row, the first of several text columns that is not empty."""
    combined = np.full(len(texts[0]), "", dtype=object)
    for text in reversed(texts):
        values = np.array([*text.values, ""], dtype=object)
        cells = values[text.codes]
        combined = np.where(text.codes >= 0, cells, combined)
    codes, uniques = pd.factorize(pd.Series(combined, dtype=object))
    values_out = [str(value) for value in uniques]
    empty = values_out.index("") if "" in values_out else -2
    codes = np.where(codes == empty, -1, codes).astype(np.int32)
    # Keep code numbering dense without the empty value.
    if empty >= 0:
        codes = np.where(codes > empty, codes - 1, codes).astype(np.int32)
        del values_out[empty]
    return Text(codes, values_out)


def prepare(raw: Columns) -> Prepared:
    first, first_bad = raw.days("date")
    if raw.has("date_end"):
        end, end_bad = raw.days("date_end")
        last = np.where(end_bad | (end == np.iinfo(np.int32).min), first, end).astype(np.int32)
        bad = first_bad | end_bad
    else:
        last, bad = first.copy(), first_bad
    figures: dict[str, FloatArray] = {}
    one_end = np.zeros(raw.rows, dtype=np.bool_)
    for _, _, stem in PAIRS:
        if not (raw.has(f"{stem}_min") and raw.has(f"{stem}_max")):
            continue
        low, high = raw.numbers(f"{stem}_min"), raw.numbers(f"{stem}_max")
        one_end |= np.isnan(low) != np.isnan(high)
        # A range with one end given counts as that one number; a reversed range is put right.
        figures[f"{stem}_low"] = np.fmin(low, high)
        figures[f"{stem}_high"] = np.fmax(low, high)
    notes = []
    if one_end.any():
        notes.append(
            f"{int(one_end.sum())} incident(s) give only one end of a range (min or max); "
            "that number is used for both ends."
        )
    present = [role for role in PLACES if raw.has(role)]
    places = [raw.text(role) for role in present]
    if "governorate" not in present:
        notes.append(NO_GOVERNORATE.format(columns=", then ".join(present)))
    precision = np.zeros(raw.rows, dtype=np.int8)
    return Prepared(
        first_day=first,
        last_day=last,
        date_prec=precision,
        where_prec=precision.copy(),
        place=_first_filled(places),
        country=None,
        actors=(raw.text("belligerents"),),
        grade=raw.text("grading"),
        ident=raw.labels("ident") if raw.has("ident") else None,
        figures=figures,
        unreadable={"unreadable date": bad},
        notes=notes,
        variant="Airwars",
    )


LAYOUT = Layout(
    kind="airwars",
    title="Airwars",
    columns=COLUMNS,
    measures=MEASURES,
    prepare=prepare,
    date_formats=("%d/%m/%Y", "%B %d, %Y", "%d %B %Y"),
    actor_text="belligerents",
    separator=",",
    grades=GRADES,
    default_excluded_grades=("Discounted",),
    # Filled from the file (events.crosscheck): {parties} it names, {uncovered} it does not record.
    coverage_note="Airwars covers the strikes of the belligerents it monitors (in this file: "
    "{parties}), not {uncovered}",
    not_covered=frozenset({"Syrian government"}),
    event_noun="incident",
    notes=(
        "Airwars gives each incident's civilian deaths as a minimum and a maximum; the "
        "reference sums them as low and high.",
        "Airwars belligerents are alleged: an incident counts for every party it names.",
    ),
)
