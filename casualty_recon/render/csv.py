"""Spreadsheet-safe CSV exports: `claims.csv`, `pairs.csv`, `gaps.csv` (README, CSV).

Every exported table is declared once in `model.columns` as a catalogue of columns (name, type, HXL
hashtag, description); the README's column tables are rendered from it by `columns_markdown`, and a
test fails when they drift. What a spreadsheet user can rely on:

- RFC 4180: fields quoted only when needed, `""` for a quote inside a field, CRLF line ends.
- UTF-8 with a byte-order mark for files, so Excel reads accents right (`bom=False` turns it off;
  standard output never gets one). A `;` delimiter is for comma-decimal locales, and then
  decimals are written with a comma too.
- Integers stay integers (`730`, never `730.0`) even in a column with missing values; a missing
  value is an empty cell; dates are ISO `YYYY-MM-DD`; booleans `true`/`false`.
- Text from articles is untrusted: a text cell that begins with `=`, `+`, `-`, `@`, a tab or a
  carriage return (after any single quotes) gets a `'` in front so no spreadsheet runs it as a
  formula. Numeric and date columns are never touched, so a negative gap stays a number.
- Output is deterministic: the same input gives the same bytes.

No pandas here: the tables are small and the csv module gives exact control over the bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from casualty_recon.model.claims import Claim, DayRange, Place, Sources
from casualty_recon.model.columns import (
    CLAIMS_COLUMNS,
    GAPS_COLUMNS,
    LIST_SEPARATOR,
    PAIRS_COLUMNS,
    REFERENCES_COLUMNS,
    TABLES,
    Column,
    Table,
)
from casualty_recon.model.errors import UsageError
from casualty_recon.model.spans import number
from casualty_recon.model.usage import (
    CANNOT_CREATE_DIRECTORY,
    DELIMITER_BAD,
    OUT_NOT_A_DIRECTORY,
    TABLE_UNKNOWN,
)
from casualty_recon.render.atomic import write_files

if TYPE_CHECKING:
    from casualty_recon.analysis.engine import Difference, PairResult
    from casualty_recon.analysis.report import Report

__all__ = [
    "CLAIMS_COLUMNS",
    "GAPS_COLUMNS",
    "LIST_SEPARATOR",
    "PAIRS_COLUMNS",
    "REFERENCES_COLUMNS",
    "TABLES",
    "Column",
    "Table",
    "claims_rows",
    "columns_markdown",
    "export_files",
    "format_place",
    "gaps_rows",
    "neutralise",
    "pairs_rows",
    "rows_to_csv",
    "table_markdown",
    "to_csv_bytes",
]

DELIMITERS = (",", ";")


# HXL attributes for an outcome. When every claim in claims.csv has the same outcome, the figure
# columns say so (`#affected+num+min+killed`); a mixed file keeps the neutral hashtags.
_OUTCOME_ATTRIBUTES = {"killed": "killed", "injured": "injured", "missing": "missing"}
_FIGURE_COLUMNS = ("figure_text", "figure_low", "figure_high")


# --- rows --------------------------------------------------------------------------------------


def format_place(place: Place) -> str:
    """`southern SY-ID` for a part of a place, `SY-HM` for a whole one."""
    return f"{place.part} {place.code}" if place.part else place.code


def _place_order(place: Place) -> tuple[str, str]:
    return (place.code, place.part or "")


def _dates(prefix: str, days: DayRange | None) -> dict[str, object]:
    if days is None:
        return {prefix: None, f"{prefix}_earliest": None, f"{prefix}_latest": None}
    return {prefix: days.text, f"{prefix}_earliest": days.earliest, f"{prefix}_latest": days.latest}


def _claim_row(claim: Claim, sources: Sources) -> dict[str, object]:
    source = sources.sources.get(claim.source)
    perpetrators = claim.perpetrators
    return {
        "id": claim.id,
        "source": claim.source,
        "source_name": source.name if source else None,
        "source_kind": source.kind if source else None,
        "relayed_by": claim.relayed_by,
        "figure_text": claim.figure.text,
        "figure_low": claim.figure.low,
        "figure_high": claim.figure.high,
        "qualifier": claim.figure.qualifier,
        "population": claim.population,
        "outcome": claim.outcome,
        "perpetrators": LIST_SEPARATOR.join(perpetrators.text) or "any",
        "perpetrator_parties": (
            None
            if perpetrators.parties is None
            else LIST_SEPARATOR.join(sorted(perpetrators.parties))
        ),
        "area": LIST_SEPARATOR.join(claim.area.text),
        "area_places": LIST_SEPARATOR.join(
            format_place(place) for place in sorted(claim.area.places, key=_place_order)
        ),
        **_dates("start", claim.start),
        **_dates("as_of", claim.as_of),
        **_dates("published", claim.published),
        "basis": claim.basis,
        "breakdown_of": claim.breakdown_of,
        "series": claim.series,
        "complete": claim.complete,
        "url": claim.url,
        "quote": claim.quote,
        "notes": claim.notes,
    }


def claims_rows(sources: Sources) -> list[dict[str, object]]:
    """One row per claim, in file order, keyed by the names of `CLAIMS_COLUMNS`."""
    return [_claim_row(claim, sources) for claim in sources.claims]


def pairs_rows(report: Report) -> list[dict[str, object]]:
    """One row per pair of the report, keyed by the names of `PAIRS_COLUMNS`."""
    return [_pair_row(pair) for pair in report.pairs]


def _pair_row(pair: PairResult) -> dict[str, object]:
    return {
        "a": pair.a.id,
        "b": pair.b.id,
        "a_source": pair.a.source,
        "b_source": pair.b.source,
        "a_figure": pair.a.figure.text,
        "b_figure": pair.b.figure.text,
        "gap_low": number(pair.gap.low),
        "gap_high": number(pair.gap.high),
        "residual_low": number(pair.residual.low),
        "residual_high": number(pair.residual.high),
        "verdict": pair.verdict,
        "reason": pair.reason,
        "common_floor": pair.common_floor,
    }


def gaps_rows(report: Report) -> list[dict[str, object]]:
    """One row per pair and difference, keyed by the names of `GAPS_COLUMNS`."""
    return [_gap_row(pair, d) for pair in report.pairs for d in pair.differences]


def _gap_row(pair: PairResult, difference: Difference) -> dict[str, object]:
    effect = difference.effect
    return {
        "a": pair.a.id,
        "b": pair.b.id,
        "verdict": pair.verdict,
        "kind": difference.kind,
        "a_value": difference.a_value,
        "b_value": difference.b_value,
        "relation": difference.relation,
        "direction": difference.direction,
        "agrees": difference.agrees,
        "effect_low": None if effect is None else number(effect.low),
        "effect_high": None if effect is None else number(effect.high),
        "evidence": list(difference.evidence),
        "break_even": difference.break_even,
        "sentence": difference.sentence,
    }


# --- cells -------------------------------------------------------------------------------------

# Leading quotes are part of the test so that a cell which already begins with `'=` survives the
# export-import round trip: it is written `''=`, and import takes exactly one quote off.
_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")


def neutralise(text: str) -> str:
    """Prefix `'` to text a spreadsheet would read as a formula (OWASP CSV injection)."""
    return "'" + text if _FORMULA_START.match(text) else text


def _format_number(value: float, decimal: str, places: int = 1) -> str:
    """A number as a cell: whole numbers bare, others to `places` decimals at most (trailing
    zeros dropped), `decimal` as the decimal mark."""
    if not math.isfinite(value):
        return ""
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.{places}f}".rstrip("0").rstrip(".")
    if text == "-0":
        return "0"
    return text.replace(".", decimal)


def _plain_text(value: object, decimal: str) -> str:
    """A value from the report as one cell of text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _format_number(value, decimal)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        if set(value) == {"earliest", "latest"}:
            earliest, latest = str(value["earliest"]), str(value["latest"])
            return earliest if earliest == latest else f"{earliest}..{latest}"
        return LIST_SEPARATOR.join(
            f"{key}: {_plain_text(item, decimal)}" for key, item in value.items()
        )
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return LIST_SEPARATOR.join(_plain_text(item, decimal) for item in items)
    return str(value)


def _cell(column: Column, value: object, decimal: str) -> str:
    if value is None or value == "":
        return ""
    kind = column.type
    if kind in ("int", "float") and isinstance(value, int | float) and not isinstance(value, bool):
        return _format_number(value, decimal, column.decimals)
    if kind == "date" and isinstance(value, dt.date):
        return value.isoformat()
    if kind == "bool" and isinstance(value, bool):
        return "true" if value else "false"
    text = _plain_text(value, decimal)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return text  # a number we formatted ourselves cannot be a formula
    # Anything else is treated as untrusted text, whatever its column promises.
    return neutralise(text)


# --- CSV bytes ---------------------------------------------------------------------------------


def _check_delimiter(delimiter: str) -> None:
    if delimiter not in DELIMITERS:
        raise UsageError.of(DELIMITER_BAD, delimiter=delimiter)


def rows_to_csv(
    columns: Sequence[Column],
    rows: Iterable[Mapping[str, object]],
    *,
    bom: bool,
    delimiter: str = ",",
    hxl: bool = False,
    decimal: str | None = None,
    hashtags: Mapping[str, str] | None = None,
) -> bytes:
    """Any table as spreadsheet-safe CSV bytes, by its column catalogue.

    `rows` are mappings from column name to value (missing keys are empty cells). `decimal`
    defaults to `,` with a `;` delimiter and `.` otherwise. `hashtags` overrides the catalogue's
    HXL hashtags by column name.
    """
    _check_delimiter(delimiter)
    if decimal is None:
        decimal = "," if delimiter == ";" else "."
    buffer = io.StringIO()
    writer = csv.writer(
        buffer, delimiter=delimiter, quotechar='"', lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL
    )
    writer.writerow([column.name for column in columns])
    if hxl:
        overrides = hashtags or {}
        writer.writerow([overrides.get(column.name, column.hxl) for column in columns])
    for row in rows:
        writer.writerow([_cell(column, row.get(column.name), decimal) for column in columns])
    text = buffer.getvalue()
    return ("\ufeff" + text if bom else text).encode("utf-8")


def _claims_hashtags(rows: Sequence[Mapping[str, object]]) -> dict[str, str]:
    outcomes = {row.get("outcome") for row in rows}
    if len(outcomes) != 1:
        return {}
    attribute = _OUTCOME_ATTRIBUTES.get(str(outcomes.pop()))
    if attribute is None:
        return {}
    by_name = {column.name: column for column in CLAIMS_COLUMNS}
    return {name: f"{by_name[name].hxl}+{attribute}" for name in _FIGURE_COLUMNS}


def to_csv_bytes(
    table: str,
    rows: Iterable[Mapping[str, object]],
    *,
    bom: bool,
    delimiter: str = ",",
    hxl: bool = False,
) -> bytes:
    """One of the `TABLES` (`claims`, `pairs`, `gaps`) as CSV bytes. Pass `bom=False` for stdout."""
    if table not in TABLES:
        raise UsageError.of(TABLE_UNKNOWN, table=table, tables=", ".join(TABLES))
    rows = list(rows)
    hashtags = _claims_hashtags(rows) if table == "claims" and hxl else None
    return rows_to_csv(
        TABLES[table].columns, rows, bom=bom, delimiter=delimiter, hxl=hxl, hashtags=hashtags
    )


def export_files(
    sources: Sources,
    report: Report | None,
    out_dir: Path,
    *,
    bom: bool = True,
    delimiter: str = ",",
    hxl: bool = False,
    force: bool = False,
    references: tuple[Sequence[Column], Iterable[Mapping[str, object]]] | None = None,
) -> list[Path]:
    """Write claims.csv, pairs.csv and gaps.csv (and references.csv) into `out_dir`.

    `out_dir` is created if missing. Every target is checked before any is written; an existing
    file is refused with a `UsageError` unless `force`. Without a report only claims.csv is
    written. Returns the paths written, in order.
    """
    _check_delimiter(delimiter)
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError.of(OUT_NOT_A_DIRECTORY, path=out_dir)

    def csv_bytes(table: str, rows: Iterable[Mapping[str, object]]) -> bytes:
        return to_csv_bytes(table, rows, bom=bom, delimiter=delimiter, hxl=hxl)

    files: dict[Path, bytes] = {
        out_dir / TABLES["claims"].filename: csv_bytes("claims", claims_rows(sources))
    }
    if report is not None:
        files[out_dir / TABLES["pairs"].filename] = csv_bytes("pairs", pairs_rows(report))
        files[out_dir / TABLES["gaps"].filename] = csv_bytes("gaps", gaps_rows(report))
    if references is not None:
        columns, rows = references
        files[out_dir / "references.csv"] = rows_to_csv(
            columns, rows, bom=bom, delimiter=delimiter, hxl=hxl
        )
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError.of(CANNOT_CREATE_DIRECTORY, path=out_dir, reason=error.strerror) from error
    write_files(files, force=force)
    return list(files)


# --- documentation -----------------------------------------------------------------------------


def _markdown_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table_markdown(
    filename: str, description: str, columns: Sequence[Column], *, heading_level: int = 3
) -> str:
    """The README section for one CSV file: a heading, a sentence, and its column table."""
    lines = [
        f"{'#' * heading_level} `{filename}`",
        "",
        description,
        "",
        "| column | type | HXL | meaning |",
        "|---|---|---|---|",
    ]
    for column in columns:
        lines.append(
            f"| `{column.name}` | {column.type} | `{column.hxl}` | "
            f"{_markdown_cell(column.description)} |"
        )
    return "\n".join(lines) + "\n"


def columns_markdown(*, heading_level: int = 3) -> str:
    """The README tables of every exported CSV file, rendered from the catalogues."""
    sections = [
        table_markdown(
            table.filename, table.description, table.columns, heading_level=heading_level
        )
        for table in TABLES.values()
    ]
    note = (
        "With `--hxl` a hashtag row follows the header. When every claim has the same outcome "
        "(killed, injured or missing), the figure columns of `claims.csv` carry it as an "
        "attribute: `#affected+num+min+killed`."
    )
    return "\n".join(sections) + "\n" + note + "\n"
