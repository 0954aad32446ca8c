"""ACLED (Armed Conflict Location & Event Data), both the current export (lower-case columns,
`event_date` as YYYY-MM-DD or `31 December 2022`) and the older files (upper-case columns,
`EVENT_DATE` as dd/mm/yyyy, blank trailing columns).

One row per event on one day (`time_precision` 1 = that day, 2 = that week, 3 = that month;
`geo_precision` 1 = the town, 2 = near it, 3 = the region). `fatalities` is ACLED's single,
most conservative figure. `actor1` is the actor that acted (the perpetrator in violence against
civilians), `actor2` the one acted upon, so perpetrators are matched on `actor1` and on
`assoc_actor_1` (`ALLY_ACTOR_1` in older files), never on `actor2`. Civilian deaths are the
fatalities of events coded `civilian_targeting`; older files lack that column, and then the
events of type `Violence against civilians` are used instead (with a note).
"""

from __future__ import annotations

import numpy as np

from casualty_recon.events.layout import Column, Columns, Layout, Measure, Prepared

COLUMNS = (
    Column("ident", ("event_id_cnty", "event_id"), "label", required=False),
    Column("event_date", ("event_date",), "date"),
    Column("time_precision", ("time_precision",), "number", required=False),
    Column("geo_precision", ("geo_precision",), "number", required=False),
    Column("country", ("country",), "text"),
    Column("admin1", ("admin1",), "text"),
    Column("actor1", ("actor1",), "text"),
    Column("assoc_actor_1", ("assoc_actor_1", "ally_actor_1"), "text", required=False),
    Column("civilian_targeting", ("civilian_targeting",), "text", required=False),
    Column("event_type", ("event_type",), "text", required=False),
    Column("fatalities", ("fatalities",), "number"),
)

MEASURES = (
    Measure("people", "killed", None, "fatalities", None, "ACLED fatalities"),
    Measure(
        "civilians",
        "killed",
        None,
        "fatalities",
        None,
        "ACLED fatalities of civilian-targeting events",
        rows="civilian_event",
    ),
)

VIOLENCE_AGAINST_CIVILIANS = "violence against civilians"


def _precision(raw: Columns, role: str) -> np.ndarray:
    if not raw.has(role):
        return np.zeros(raw.rows, dtype=np.int8)
    return np.nan_to_num(raw.numbers(role), nan=0.0).clip(0, 100).astype(np.int8)


def prepare(raw: Columns) -> Prepared:
    days, bad = raw.days("event_date")
    flags = {}
    notes = []
    if raw.has("civilian_targeting"):
        flags["civilian_event"] = raw.text("civilian_targeting").codes >= 0
    elif raw.has("event_type"):
        types = raw.text("event_type")
        is_vac = np.array(
            [value.lower() == VIOLENCE_AGAINST_CIVILIANS for value in types.values] + [False]
        )
        flags["civilian_event"] = is_vac[types.codes]
        notes.append(
            "This ACLED file has no civilian_targeting column: civilian deaths are the "
            "fatalities of events of type 'Violence against civilians'."
        )
    actors = [raw.text("actor1")]
    if raw.has("assoc_actor_1"):
        actors.append(raw.text("assoc_actor_1"))
    upper = raw.column_name("event_date") == "EVENT_DATE"
    return Prepared(
        first_day=days,
        last_day=days,
        date_prec=_precision(raw, "time_precision"),
        where_prec=_precision(raw, "geo_precision"),
        place=raw.text("admin1"),
        country=raw.text("country"),
        actors=tuple(actors),
        grade=None,
        ident=raw.labels("ident") if raw.has("ident") else None,
        figures={"fatalities": raw.numbers("fatalities")},
        flags=flags,
        unreadable={"unreadable date": bad},
        notes=notes,
        variant="ACLED (older upper-case export)" if upper else "ACLED",
    )


LAYOUT = Layout(
    kind="acled",
    title="ACLED",
    columns=COLUMNS,
    measures=MEASURES,
    prepare=prepare,
    date_formats=("%d %B %Y", "%d/%m/%Y", "%d-%B-%Y", "%d-%b-%Y", "%d-%b-%y", "%d %b %Y"),
    date_prec_scale="ACLED time_precision: 1 day, 2 week, 3 month",
    where_prec_scale="ACLED geo_precision: 1 town, 2 near the town, 3 region",
    actor_text="actor1 and assoc_actor_1",
    separator=";",
    notes=(
        "ACLED records one date per event and its single, most conservative fatality figure; "
        "it has no low or high.",
    ),
)
