"""Estimates side by side: table (rich), plain text, markdown, JSON and CSV."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from casualty_recon.model.columns import ESTIMATE_COLUMNS
from casualty_recon.render.csv import rows_to_csv

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text

    from casualty_recon.estimate.result import Estimate, Estimation

__all__ = [
    "ESTIMATE_COLUMNS",
    "estimates_csv",
    "estimates_json",
    "estimates_markdown",
    "estimates_plain",
    "estimates_table",
]

HEADERS = ("stratum", "method", "estimate", "95% interval", "coverage", "undocumented", "notes")


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:,.0f}"


def _cells(stratum: str, e: Estimate) -> list[str]:
    if not e.ok:
        return [stratum, e.label, "-", "", "", "", f"not run: {e.error}"]
    interval = "" if e.low is None else f"{_number(e.low)} to {_number(e.high)}"
    coverage = "" if e.coverage is None else f"{e.coverage:.0%}"
    return [
        stratum,
        e.label,
        _number(e.point),
        interval,
        coverage,
        _number(e.undocumented),
        "; ".join(e.notes),
    ]


def _rows(result: Estimation) -> list[list[str]]:
    return [_cells(stratum, e) for stratum, e in result.rows()]


def _heading(result: Estimation) -> str:
    strata = len(result.strata)
    lists = {len(s.lists) for s in result.strata}
    width = "/".join(str(n) for n in sorted(lists))
    text = f"{result.path}: {result.observed:,} people on {width} lists"
    if strata > 1:
        text += f", {strata} strata estimated separately and summed"
    return text


def _skipped(result: Estimation) -> list[str]:
    return [
        f"stratum {s.name} ({s.observed:,} records) not estimated: {s.skipped}"
        for s in result.strata
        if s.skipped
    ]


def estimates_plain(result: Estimation) -> str:
    body, skipped = _rows(result), _skipped(result)
    lines = [_heading(result), ""]
    if body:  # no header over no rows
        rows = [list(HEADERS), *body]
        widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS) - 1)]
        for row in rows:
            cells = [
                cell.rjust(widths[i]) if i in (2, 4, 5) else cell.ljust(widths[i])
                for i, cell in enumerate(row[:-1])
            ]
            lines.append("  ".join([*cells, row[-1]]).rstrip())
        if skipped:
            lines.append("")
    lines += skipped
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def estimates_markdown(result: Estimation) -> str:
    lines = [f"**{_md(_heading(result))}**", ""]
    rows = _rows(result)
    if rows:  # no header over no rows
        lines.append("| " + " | ".join(HEADERS) + " |")
        lines.append("|" + "|".join("---:" if i in (2, 4, 5) else "---" for i in range(7)) + "|")
        lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows]
        lines.append("")
    skipped = _skipped(result)
    if skipped:
        lines += [f"- {_md(line)}" for line in skipped]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def estimates_json(result: Estimation) -> str:
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"


def _tenth(value: float | None) -> float | None:
    """A CSV number: one decimal, as the JSON has it (60.8, not 60.8333)."""
    return None if value is None else round(value, 1)


def estimates_csv(result: Estimation, *, bom: bool) -> bytes:
    rows = [
        {
            "stratum": stratum,
            "method": e.method,
            "label": e.label,
            "observed": e.observed,
            "estimate": _tenth(e.point),
            "low": _tenth(e.low),
            "high": _tenth(e.high),
            "coverage": None if e.coverage is None else _tenth(100 * e.coverage),
            "undocumented": _tenth(e.undocumented),
            "notes": "; ".join(e.notes) if e.ok else f"not run: {e.error}",
        }
        for stratum, e in result.rows()
    ]
    return rows_to_csv(ESTIMATE_COLUMNS, rows, bom=bom)


def estimates_table(result: Estimation) -> Table | Text:
    """The estimates as a rich table; with none estimated, the heading and the reasons alone."""
    from rich.table import Table
    from rich.text import Text

    if not result.rows():
        return Text("\n".join([_heading(result), "", *_skipped(result)]))
    table = Table(title=_heading(result), title_justify="left")
    for i, header in enumerate(HEADERS):
        # Folded, never cut with an ellipsis: "Lincoln-Petersen" must not read "Lincoln-…".
        table.add_column(header, justify="right" if i in (2, 4, 5) else "left", overflow="fold")
    previous = None
    for row in _rows(result):
        if previous is not None and row[0] != previous:
            table.add_section()
        previous = row[0]
        table.add_row(*row)
    if _skipped(result):
        table.caption = "\n".join(_skipped(result))
        table.caption_justify = "left"
    return table
