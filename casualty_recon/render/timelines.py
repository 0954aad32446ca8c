"""Timelines for people: plain text, Markdown, JSON and the terminal table.

The `timeline` command renders each series that has at least one date: its points (date, the
figure as written, the interval it means, the claims behind it, repeats and relays included),
each segment's days, change and daily rate (intervals), revisions and stale relays, flagged.
Rates use stated figures, as gaps do: a floor enters at its bound (README, "Concepts").

Plain text has no colour and no box-drawing characters; untrusted text goes through
`render_text.clean`. rich is imported only inside `print_timelines`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from casualty_recon.analysis.timeline import (
    Point,
    Segment,
    Series,
    flag_sentences,
    old_relay_sentence,
    old_relays,
    relay_age,
    revision_sentence,
    stale_sentence,
)
from casualty_recon.grammar.wording import (
    area_words,
    fmt_brief_span,
    fmt_signed_span,
    fmt_span,
    plural,
)
from casualty_recon.model.claims import Claim, Figure
from casualty_recon.model.spans import INF, Span, number
from casualty_recon.render.claims import (
    clean,
    day_cell,
    markdown_cell,
    markdown_table,
    markdown_text,
    plain_table,
)

if TYPE_CHECKING:
    from rich.console import Console

__all__ = [
    "ordered_series",
    "print_timelines",
    "series_names",
    "timelines_json",
    "timelines_plain",
]

POINT_COLUMNS = ("as of", "figure", "interval", "claims")
SEGMENT_COLUMNS = ("from", "to", "days", "change", "rate a day", "flag")
RATE_NOTE = "Rates use stated figures: a floor enters at its bound ('more than 500' as 501)."


# --- shared helpers ----------------------------------------------------------------------------


def ordered_series(series: Sequence[Series]) -> list[Series]:
    """Series with at least one date, by source, then scope, then first date."""
    shown = [s for s in series if s.points]
    return sorted(
        shown,
        key=lambda s: (
            s.source.casefold(),
            s.source,
            s.population,
            s.outcome,
            s.perpetrators,
            s.basis,
            s.points[0].earliest,
            s.points[0].claim.id,
        ),
    )


def _countries(series: Series) -> str:
    codes = sorted({p.country for pt in series.points for p in pt.claim.area.places})
    return ", ".join(codes)


def _areas(series: Series) -> str:
    """The areas a series' points are worded with, each once, in the order of its dates."""
    written: list[str] = []
    for point in series.points:
        if (words := area_words(point.claim.area)) not in written:
            written.append(words)
    return "; ".join(written)


def series_names(series: Sequence[Series], in_panel: bool = False) -> list[str]:
    """A name per series: its label, with its countries when two series share a label, or its
    areas when their countries are the same too (one source's counts of two provinces);
    `in_panel`: without the population and outcome (`Series.panel_label`: a chart panel's axis
    says them)."""
    labels = [clean(s.label) for s in series]
    countries = [_countries(s) for s in series]
    names = []
    for item, label, where in zip(series, labels, countries, strict=True):
        name = clean(item.panel_label) if in_panel else label
        if labels.count(label) > 1:
            shared = [c for other, c in zip(labels, countries, strict=True) if other == label]
            if not where or shared.count(where) > 1:
                where = clean(_areas(item))
            name = f"{name} [{where}]"
        names.append(name)
    return names


def figure_interval(figure: Figure) -> str:
    """The interval a figure means, written briefly: `501+` for a floor."""
    return fmt_brief_span(Span(figure.low, INF if figure.high is None else figure.high))


def _claim_note(claim: Claim, point: Point) -> str:
    parts = []
    if claim.relayed_by:
        parts.append(f"via {clean(claim.relayed_by)}")
    if claim.published != claim.as_of:
        parts.append(f"published {day_cell(claim.published)}")
    if claim is not point.claim and claim.figure.stated != point.claim.figure.stated:
        # A figure of the same day that states another count: not a repeat of the point's.
        parts.append(f"other figure that day: {clean(claim.figure.text)}")
    elif claim is not point.claim:
        parts.append("repeat")
        if claim.figure.text != point.claim.figure.text:
            parts.append(f"written {clean(claim.figure.text)!r}")
    return f"{clean(claim.id)} ({', '.join(parts)})" if parts else clean(claim.id)


def point_cells(point: Point) -> list[str]:
    claims = [point.claim, *point.repeats]
    return [
        day_cell(point.claim.as_of),
        clean(point.claim.figure.text),
        figure_interval(point.claim.figure),
        "; ".join(_claim_note(c, point) for c in claims),
    ]


def segment_cells(segment: Segment) -> list[str]:
    return [
        segment.first.claim.as_of.latest.isoformat(),
        segment.second.claim.as_of.earliest.isoformat(),
        fmt_span(segment.days),
        fmt_signed_span(segment.change),
        fmt_span(segment.rate),
        "REVISION" if segment.revision else "",
    ]


def _summary(series: Sequence[Series]) -> str:
    dated = sum(1 for s in series if len(s.points) > 1)
    revisions = sum(len(s.revisions) for s in series)
    stale = sum(len(s.stale_relays) for s in series)
    old = sum(len(old_relays(s)) for s in series)
    # Every kind of flag listed below is counted here, under the name it is listed by.
    return (
        f"{len(series)} series ({dated} with two or more dates), "
        f"{plural(revisions, 'revision')}, {plural(stale, 'stale relay')}, "
        f"{plural(old, 'old relay')}"
    )


# --- plain and Markdown ------------------------------------------------------------------------


def _flags(series: Series) -> list[str]:
    return flag_sentences(series)


def timelines_plain(series: list[Series], markdown: bool = False) -> str:
    """Every series with at least one date, as plain text (or Markdown).

    Series with two or more dates come first, each with its points and segments; series with
    one date share a table at the end.
    """
    shown = ordered_series(series)
    names = dict(zip(map(id, shown), series_names(shown), strict=True))
    table = markdown_table if markdown else plain_table
    out: list[str] = []
    out += ["# Timelines", ""] if markdown else ["Timelines", "=========", ""]
    out += [_summary(shown) + ".", RATE_NOTE, ""]
    multi = [s for s in shown if len(s.points) > 1]
    single = [s for s in shown if len(s.points) == 1]
    for number_, item in enumerate(multi, start=1):
        heading = f"{number_}. {names[id(item)]}"
        out += [f"## {markdown_cell(heading)}" if markdown else heading, ""]
        out += table(POINT_COLUMNS, [point_cells(p) for p in item.points])
        out.append("")
        out += table(SEGMENT_COLUMNS, [segment_cells(s) for s in item.segments])
        out.append("")
        flags = _flags(item)
        if flags:
            out += [f"- {markdown_text(flag)}" if markdown else f"   {flag}" for flag in flags]
            out.append("")
    if single:
        heading = f"Series with one date ({len(single)}): no rate"
        out += [f"## {heading}" if markdown else heading, ""]
        rows = [[names[id(s)], *point_cells(s.points[0])] for s in single]
        out += table(("series", *POINT_COLUMNS), rows)
        out.append("")
        flags = [flag for s in single for flag in _flags(s)]
        out += [f"- {markdown_text(flag)}" if markdown else f"   {flag}" for flag in flags]
    return "\n".join(out).rstrip() + "\n"


# --- JSON --------------------------------------------------------------------------------------


def _rate_number(value: float) -> float | None:
    if math.isinf(value) or math.isnan(value):
        return None
    return round(value, 3)


def _claim_ref(claim: Claim) -> dict[str, Any]:
    return {
        "id": clean(claim.id),
        "figure_text": clean(claim.figure.text),
        "figure_low": claim.figure.low,
        "figure_high": claim.figure.high,
        "as_of": claim.as_of.to_dict(),
        "published": claim.published.to_dict(),
        "relayed_by": None if claim.relayed_by is None else clean(claim.relayed_by),
    }


def _point_dict(point: Point) -> dict[str, Any]:
    figure = point.claim.figure
    return {
        "as_of": point.claim.as_of.to_dict(),
        "figure_text": clean(figure.text),
        "figure_low": figure.low,
        "figure_high": figure.high,
        "qualifier": figure.qualifier,
        "stated_low": number(point.value.low),
        "stated_high": number(point.value.high),
        "claim": clean(point.claim.id),
        "repeats": [clean(c.id) for c in point.repeats],
        "relayed_by": [clean(c.relayed_by) for c in (point.claim, *point.repeats) if c.relayed_by],
    }


def _segment_dict(segment: Segment) -> dict[str, Any]:
    return {
        "from": clean(segment.first.claim.id),
        "to": clean(segment.second.claim.id),
        "days_low": number(segment.days.low),
        "days_high": number(segment.days.high),
        "change_low": number(segment.change.low),
        "change_high": number(segment.change.high),
        "rate_low": _rate_number(segment.rate.low),
        "rate_high": _rate_number(segment.rate.high),
        "revision": segment.revision,
    }


def _series_dict(series: Series, name: str) -> dict[str, Any]:
    return {
        "label": name,
        "source": clean(series.source),
        "population": series.population,
        "outcome": series.outcome,
        "perpetrators": clean(series.perpetrators),
        "basis": series.basis,
        "countries": sorted({p.country for pt in series.points for p in pt.claim.area.places}),
        "points": [_point_dict(p) for p in series.points],
        "segments": [_segment_dict(s) for s in series.segments],
        "revisions": [
            {"older": _claim_ref(r.older), "newer": _claim_ref(r.newer)} for r in series.revisions
        ],
        "stale_relays": [
            {
                "claim": _claim_ref(s.claim),
                "age_days": s.age_days,
                "newer": None if s.newer is None else _claim_ref(s.newer),
            }
            for s in series.stale_relays
        ],
        "old_relays": [
            {"claim": _claim_ref(c), "age_days": relay_age(c)} for c in old_relays(series)
        ],
    }


def timelines_json(series: list[Series], day: dt.date | None = None) -> str:
    """`{"series": [...]}`: every series with at least one date; open bounds are null. With
    `day` (`--at`), `"at"` holds every series read on it, in the same order."""
    import json  # here, not at the top: a report's text and terminal renderers never need it

    shown = ordered_series(series)
    names = series_names(shown)
    document: dict[str, Any] = {
        "series": [_series_dict(s, n) for s, n in zip(shown, names, strict=True)],
    }
    if day is not None:
        values = [_value_dict(s, n, day) for s, n in zip(shown, names, strict=True)]
        document["at"] = {"day": day.isoformat(), "values": values}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _value_dict(series: Series, name: str, day: dt.date) -> dict[str, Any]:
    """A series read on `day` (`--at`); no value (null bounds) for a series of one date."""
    estimate = series.value_at(day)
    return {
        "label": name,
        "low": None if estimate is None else number(estimate.value.low),
        "high": None if estimate is None else number(estimate.value.high),
        "claims": [] if estimate is None else [clean(i) for i in estimate.claim_ids],
        "extrapolated": estimate is not None and estimate.extrapolated,
    }


# --- terminal ----------------------------------------------------------------------------------


def print_timelines(console: Console, series: list[Series]) -> None:
    """The same content as `timelines_plain`, as rich tables on the terminal."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    shown = ordered_series(series)
    names = dict(zip(map(id, shown), series_names(shown), strict=True))
    console.print(Text(_summary(shown) + ".", style="bold"))
    console.print(Text(RATE_NOTE, style="dim"))
    multi = [s for s in shown if len(s.points) > 1]
    single = [s for s in shown if len(s.points) == 1]

    def flag_lines(item: Series) -> None:
        for revision in item.revisions:
            console.print(Text("   " + revision_sentence(revision.older, revision.newer), "red"))
        for stale in item.stale_relays:
            console.print(Text("   " + stale_sentence(stale), "yellow"))
        for claim in old_relays(item):
            console.print(Text("   " + old_relay_sentence(claim), "yellow"))

    for number_, item in enumerate(multi, start=1):
        points = Table(
            title=Text(f"{number_}. {names[id(item)]}", "bold"),
            title_justify="left",
            box=box.SIMPLE,
        )
        for column in POINT_COLUMNS:
            points.add_column(column, overflow="fold")
        for point in item.points:
            points.add_row(*(Text(cell) for cell in point_cells(point)))
        console.print(points)
        segments = Table(box=box.SIMPLE)
        for column in SEGMENT_COLUMNS:
            segments.add_column(column, overflow="fold")
        for segment in item.segments:
            style = "red" if segment.revision else ""
            segments.add_row(*(Text(cell, style) for cell in segment_cells(segment)))
        console.print(segments)
        flag_lines(item)
    if single:
        table = Table(
            title=Text(f"Series with one date ({len(single)}): no rate", "bold"),
            title_justify="left",
            box=box.SIMPLE,
        )
        for column in ("series", *POINT_COLUMNS):
            table.add_column(column, overflow="fold")
        for item in single:
            table.add_row(*(Text(c) for c in (names[id(item)], *point_cells(item.points[0]))))
        console.print(table)
        for item in single:
            flag_lines(item)


def values_at_plain(series: Sequence[Series], day: dt.date, markdown: bool = False) -> str:
    """Every series read on one day: the interval, the claims it rests on, and a warning when
    the day lies outside the series (an extrapolation). In Markdown a section of bullets."""
    if markdown:
        heading, _, *read = values_at_plain(series, day).strip("\n").split("\n")
        return "\n".join(["", f"## {heading}", "", *(f"- {markdown_text(x)}" for x in read)]) + "\n"
    lines = ["", f"Read on {day.isoformat()}", ""]
    for one, name in zip(ordered_series(series), series_names(ordered_series(series)), strict=True):
        estimate = one.value_at(day)
        if estimate is None:
            lines.append(f"{clean(name)}: no value (one date only)")
            continue
        text = f"{clean(name)}: {fmt_span(estimate.value)} (from {', '.join(estimate.claim_ids)})"
        if estimate.extrapolated:
            text += "  WARNING: extrapolated beyond the series' dates"
        lines.append(text)
    return "\n".join(lines) + "\n"
