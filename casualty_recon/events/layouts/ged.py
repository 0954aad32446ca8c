"""UCDP Georeferenced Event Dataset (GED), any release, including the HDX file with an HXL row.

One row per event: `date_start`..`date_end` is the span in which it happened (`date_prec` 1 = the
day, 2 = 2-6 days, 3 = a week, 4 = a month, 5 = up to a year), `adm_1` the first-level
subdivision (empty when only the country is known; `where_prec` 1 = exact ... 6 = country,
7 = international waters or airspace), `side_a` the primary actor (in one-sided violence, the
perpetrator), and `low`/`best`/`high` the deaths of all kinds, `deaths_civilians` the civilian
deaths within `best` (GED gives no low or high for them).
"""

from __future__ import annotations

import numpy as np

from casualty_recon.events.layout import Column, Columns, Layout, Measure, Prepared

COLUMNS = (
    Column("ident", ("id", "event_id"), "label", required=False),
    Column("date_start", ("date_start",), "date"),
    Column("date_end", ("date_end",), "date"),
    Column("date_prec", ("date_prec",), "number"),
    Column("where_prec", ("where_prec",), "number"),
    Column("country", ("country",), "text"),
    Column("adm_1", ("adm_1",), "text"),
    Column("side_a", ("side_a",), "text"),
    Column("deaths_a", ("deaths_a",), "number", required=False),
    Column("deaths_b", ("deaths_b",), "number", required=False),
    Column("deaths_civilians", ("deaths_civilians",), "number"),
    Column("low", ("low",), "number"),
    Column("best", ("best",), "number"),
    Column("high", ("high",), "number"),
)

MEASURES = (
    Measure("people", "killed", "low", "best", "high", "GED low/best/high (all deaths)"),
    Measure("civilians", "killed", None, "deaths_civilians", None, "GED deaths_civilians"),
    Measure("combatants", "killed", None, "combatants", None, "GED deaths_a + deaths_b"),
)


def _precision(raw: Columns, role: str) -> np.ndarray:
    values = raw.numbers(role)
    return np.nan_to_num(values, nan=0.0).clip(0, 100).astype(np.int8)


def prepare(raw: Columns) -> Prepared:
    first, first_bad = raw.days("date_start")
    last, last_bad = raw.days("date_end")
    figures = {role: raw.numbers(role) for role in ("low", "best", "high", "deaths_civilians")}
    if raw.has("deaths_a") and raw.has("deaths_b"):
        figures["combatants"] = raw.numbers("deaths_a") + raw.numbers("deaths_b")
    return Prepared(
        first_day=first,
        last_day=last,
        date_prec=_precision(raw, "date_prec"),
        where_prec=_precision(raw, "where_prec"),
        place=raw.text("adm_1"),
        country=raw.text("country"),
        actors=(raw.text("side_a"),),
        grade=None,
        ident=raw.labels("ident") if raw.has("ident") else None,
        figures=figures,
        unreadable={"unreadable date": first_bad | last_bad},
        variant="UCDP GED (HDX, with HXL row)" if raw.hxl else "UCDP GED",
    )


LAYOUT = Layout(
    kind="ged",
    title="UCDP GED",
    columns=COLUMNS,
    measures=tuple(m for m in MEASURES),
    prepare=prepare,
    date_formats=("%d/%m/%Y",),
    date_prec_scale="GED date_prec: 1 day, 2 two to six days, 3 week, 4 month, 5 year",
    where_prec_scale=(
        "GED where_prec: 1 exact place, 2 within 25 km, 3 second-order subdivision, "
        "4 first-order subdivision, 5 approximate, 6 country, 7 waters or airspace"
    ),
    actor_text="side_a",
    notes=(
        "GED counts an event for a perpetrator when the party is its side_a: the perpetrator in "
        "one-sided violence, the first party of a dyad in fighting.",
    ),
)
