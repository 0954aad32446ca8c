"""Spreadsheet-safe CSV exports: `claims.csv`, `pairs.csv`, `gaps.csv` (DESIGN.md section 6).

Every exported table is declared once below as a catalogue of columns (name, type, HXL hashtag,
description); the README's column tables are rendered from it by `columns_markdown`, and a test
fails when they drift. What a spreadsheet user can rely on:

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
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from casualty_recon.model.claims import Claim, DayRange, Place, Sources
from casualty_recon.model.errors import UsageError
from casualty_recon.render.atomic import write_files

__all__ = [
    "CLAIMS_COLUMNS",
    "GAPS_COLUMNS",
    "PAIRS_COLUMNS",
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

ColumnType = Literal["text", "int", "float", "date", "bool"]
LIST_SEPARATOR = "; "
DELIMITERS = (",", ";")


@dataclass(frozen=True, slots=True)
class Column:
    """One column of an exported table."""

    name: str
    type: ColumnType
    hxl: str
    description: str


@dataclass(frozen=True, slots=True)
class Table:
    """An exported table: its file name, what one row is, and its columns in order."""

    name: str
    filename: str
    description: str
    columns: tuple[Column, ...]


# --- the catalogues ----------------------------------------------------------------------------

CLAIMS_COLUMNS: tuple[Column, ...] = (
    Column("id", "text", "#meta+id", "The claim's id, unique in the file."),
    Column("source", "text", "#org+name+reporting", "Key of the source that counted."),
    Column("source_name", "text", "#org+name+reporting+full", "The source's full name."),
    Column("source_kind", "text", "#org+type+reporting", "un, ngo, monitor, government, ..."),
    Column("relayed_by", "text", "#org+name+relay", "Who quoted the figure, if not the source."),
    Column("figure_text", "text", "#affected+text", "The figure as written: `more than 730`."),
    Column("figure_low", "int", "#affected+num+min", "Lowest count the figure allows."),
    Column(
        "figure_high",
        "int",
        "#affected+num+max",
        "Highest count the figure allows; empty when open (a floor such as `more than 730`).",
    ),
    Column(
        "qualifier",
        "text",
        "#meta+qualifier",
        "exact, more_than, at_least, about, nearly, up_to, fewer_than, range or vague.",
    ),
    Column("population", "text", "#affected+type", "Who is counted: civilians, children, ..."),
    Column("outcome", "text", "#impact+type", "killed, injured, killed or injured, died, ..."),
    Column(
        "perpetrators",
        "text",
        "#group+perpetrator+text",
        "Perpetrators as written, `; `-separated; `any` for any party.",
    ),
    Column(
        "perpetrator_parties",
        "text",
        "#group+perpetrator+name",
        "The parties they stand for, `; `-separated; empty for any party.",
    ),
    Column("area", "text", "#adm1+name", "The area as written, `; `-separated."),
    Column(
        "area_places",
        "text",
        "#adm1+code",
        "The places it resolves to as ISO 3166 codes, each with its part if any "
        "(`southern SY-ID; SY-HM`), `; `-separated.",
    ),
    Column("start", "text", "#meta+start+text", "Start of the window as written."),
    Column("start_earliest", "date", "#date+start+earliest", "Earliest day the start can be."),
    Column("start_latest", "date", "#date+start+latest", "Latest day the start can be."),
    Column("as_of", "text", "#meta+end+text", "The day the count runs to, as written."),
    Column("as_of_earliest", "date", "#date+end+earliest", "Earliest day `as_of` can be."),
    Column("as_of_latest", "date", "#date+end+latest", "Latest day `as_of` can be."),
    Column("published", "text", "#meta+reported+text", "When the figure was said, as written."),
    Column("published_earliest", "date", "#date+reported+earliest", "Earliest publication day."),
    Column("published_latest", "date", "#date+reported+latest", "Latest publication day."),
    Column("basis", "text", "#meta+basis", "verified, documented, reported or estimated."),
    Column("breakdown_of", "text", "#meta+id+parent", "Id of the claim this one is part of."),
    Column("series", "text", "#meta+series", "The series this claim is declared part of."),
    Column("url", "text", "#meta+url", "Where the figure was read."),
    Column("quote", "text", "#description+quote", "The sentence that gives the figure."),
    Column("notes", "text", "#description+notes", "Free notes."),
)

PAIRS_COLUMNS: tuple[Column, ...] = (
    Column("a", "text", "#meta+id+a", "Id of claim a, the one with the larger floor."),
    Column("b", "text", "#meta+id+b", "Id of claim b."),
    Column("a_source", "text", "#org+name+reporting+a", "Source of claim a."),
    Column("b_source", "text", "#org+name+reporting+b", "Source of claim b."),
    Column("a_figure", "text", "#affected+text+a", "Figure of claim a as written."),
    Column("b_figure", "text", "#affected+text+b", "Figure of claim b as written."),
    Column("gap_low", "float", "#value+gap+min", "Smallest a minus b the stated figures allow."),
    Column("gap_high", "float", "#value+gap+max", "Largest a minus b; empty when open."),
    Column(
        "residual_low",
        "float",
        "#value+residual+min",
        "Smallest gap left once the quantified effects are applied.",
    ),
    Column("residual_high", "float", "#value+residual+max", "Largest residual; empty when open."),
    Column(
        "verdict",
        "text",
        "#status+verdict",
        "explained, partly_explained, unexplained or contradiction.",
    ),
    Column("reason", "text", "#description+reason", "The verdict's reason in one line."),
    Column(
        "common_floor",
        "int",
        "#affected+num+min+common",
        "The floor both claims establish for the wider scope, when both are floors.",
    ),
)

GAPS_COLUMNS: tuple[Column, ...] = (
    Column("a", "text", "#meta+id+a", "Id of claim a."),
    Column("b", "text", "#meta+id+b", "Id of claim b."),
    Column("verdict", "text", "#status+verdict", "The pair's verdict."),
    Column("kind", "text", "#meta+kind", "The difference: bounds, as_of, start, population, ..."),
    Column("a_value", "text", "#meta+value+a", "Claim a's value on that dimension."),
    Column("b_value", "text", "#meta+value+b", "Claim b's value on that dimension."),
    Column(
        "relation",
        "text",
        "#meta+relation",
        "same, narrower, wider, overlapping, disjoint or unknown.",
    ),
    Column(
        "direction",
        "text",
        "#meta+direction",
        "How the difference pushes a minus b: up, down, either or none.",
    ),
    Column(
        "agrees",
        "bool",
        "#meta+agrees",
        "Whether that direction agrees with the observed gap; empty when it cannot say.",
    ),
    Column("effect_low", "float", "#value+effect+min", "Low end of the quantified effect."),
    Column("effect_high", "float", "#value+effect+max", "High end of the quantified effect."),
    Column(
        "evidence",
        "text",
        "#meta+evidence",
        "Where the effect comes from (claims, assumptions), `; `-separated.",
    ),
    Column(
        "break_even",
        "text",
        "#description+break_even",
        "The value that would close the gap alone, for an unquantified difference.",
    ),
    Column("sentence", "text", "#description+sentence", "The difference in plain English."),
)

REFERENCES_COLUMNS: tuple[Column, ...] = (
    Column("claim", "text", "#meta+id", "The claim the reference is for."),
    Column("dataset", "text", "#meta+source", "The event dataset (UCDP GED, ACLED, Airwars)."),
    Column("kind", "text", "#meta+type", "ged, acled or airwars."),
    Column("file", "text", "#meta+file", "The dataset file that was read."),
    Column("population", "text", "#affected+type", "The claim's population."),
    Column("outcome", "text", "#impact+type", "The claim's outcome."),
    Column("measure", "text", "#meta+measure", "The dataset columns that were summed."),
    Column("window_start", "date", "#date+start", "First day of the window summed."),
    Column("window_end", "date", "#date+end", "Last day of the window summed."),
    Column("area", "text", "#adm1+name", "The places summed, `; `-separated."),
    Column("perpetrators", "text", "#group+perpetrator", "Parties the sum was restricted to."),
    Column("grades", "text", "#meta+grade", "Airwars grades counted."),
    Column("reference_low", "int", "#affected+num+min", "Low sum of the events."),
    Column("reference_best", "int", "#affected+num", "Best sum, where the dataset has one."),
    Column("reference_high", "int", "#affected+num+max", "High sum of the events."),
    Column("events", "int", "#meta+count", "Number of events summed."),
    Column("claim_low", "int", "#affected+num+min+claim", "The claim's lowest count."),
    Column("claim_high", "int", "#affected+num+max+claim", "Its highest; empty when open."),
    Column("claim_figure", "text", "#affected+text+claim", "The claim's figure as written."),
    Column("comparison", "text", "#meta+comparison", "inside, above or below the reference."),
    Column("excluded", "text", "#meta+excluded", "Rows of the claim's scope left out, by reason."),
    Column("unreadable", "text", "#meta+unreadable", "Rows of the file that could not be read."),
    Column("rule", "text", "#meta+rule", "How straddling or imprecise events were handled."),
    Column("notes", "text", "#description+notes", "Caveats (e.g. what the dataset covers)."),
    Column("sentence", "text", "#description", "The comparison in one sentence."),
)

TABLES: dict[str, Table] = {
    table.name: table
    for table in (
        Table(
            "claims",
            "claims.csv",
            "One row per claim; `import` rebuilds a file from it.",
            CLAIMS_COLUMNS,
        ),
        Table(
            "pairs",
            "pairs.csv",
            "One row per compared pair: gap, residual, verdict.",
            PAIRS_COLUMNS,
        ),
        Table("gaps", "gaps.csv", "One row per pair and difference.", GAPS_COLUMNS),
        Table(
            "references",
            "references.csv",
            "With `--events`: one row per claim, the event-data reference beside it.",
            REFERENCES_COLUMNS,
        ),
    )
}

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
        "url": claim.url,
        "quote": claim.quote,
        "notes": claim.notes,
    }


def claims_rows(sources: Sources) -> list[dict[str, object]]:
    """One row per claim, in file order, keyed by the names of `CLAIMS_COLUMNS`."""
    return [_claim_row(claim, sources) for claim in sources.claims]


def _items(value: object) -> list[Mapping[str, object]]:
    if not isinstance(value, list | tuple):
        return []
    return [item for item in value if isinstance(item, Mapping)]


def pairs_rows(report: Mapping[str, object]) -> list[dict[str, object]]:
    """One row per pair of the report dict (the JSON contract of DESIGN.md section 6)."""
    claims = {str(claim.get("id")): claim for claim in _items(report.get("claims"))}
    rows: list[dict[str, object]] = []
    for pair in _items(report.get("pairs")):
        a, b = claims.get(str(pair.get("a")), {}), claims.get(str(pair.get("b")), {})
        rows.append(
            {
                "a": pair.get("a"),
                "b": pair.get("b"),
                "a_source": a.get("source"),
                "b_source": b.get("source"),
                "a_figure": a.get("figure_text"),
                "b_figure": b.get("figure_text"),
                "gap_low": pair.get("gap_low"),
                "gap_high": pair.get("gap_high"),
                "residual_low": pair.get("residual_low"),
                "residual_high": pair.get("residual_high"),
                "verdict": pair.get("verdict"),
                "reason": pair.get("reason"),
                "common_floor": pair.get("common_floor"),
            }
        )
    return rows


def gaps_rows(report: Mapping[str, object]) -> list[dict[str, object]]:
    """One row per pair and difference of the report dict."""
    rows: list[dict[str, object]] = []
    for pair in _items(report.get("pairs")):
        for difference in _items(pair.get("differences")):
            rows.append(
                {
                    "a": pair.get("a"),
                    "b": pair.get("b"),
                    "verdict": pair.get("verdict"),
                    "kind": difference.get("kind"),
                    "a_value": difference.get("a"),
                    "b_value": difference.get("b"),
                    "relation": difference.get("relation"),
                    "direction": difference.get("direction"),
                    "agrees": difference.get("agrees"),
                    "effect_low": difference.get("effect_low"),
                    "effect_high": difference.get("effect_high"),
                    "evidence": difference.get("evidence"),
                    "break_even": difference.get("break_even"),
                    "sentence": difference.get("sentence"),
                }
            )
    return rows


# --- cells -------------------------------------------------------------------------------------

# Leading quotes are part of the test so that a cell which already begins with `'=` survives the
# export-import round trip: it is written `''=`, and import takes exactly one quote off.
_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")


def neutralise(text: str) -> str:
    """Prefix `'` to text a spreadsheet would read as a formula (OWASP CSV injection)."""
    return "'" + text if _FORMULA_START.match(text) else text


def _format_number(value: float, decimal: str) -> str:
    if not math.isfinite(value):
        return ""
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    if text in ("-0", "0"):
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
        return _format_number(value, decimal)
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
        raise UsageError(
            f"the delimiter must be ',' or ';', not {delimiter!r}",
            "use --delimiter ';' for spreadsheets in comma-decimal locales",
        )


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
        raise UsageError(f"unknown table {table!r}", "tables: " + ", ".join(TABLES))
    rows = list(rows)
    hashtags = _claims_hashtags(rows) if table == "claims" and hxl else None
    return rows_to_csv(
        TABLES[table].columns, rows, bom=bom, delimiter=delimiter, hxl=hxl, hashtags=hashtags
    )


def export_files(
    sources: Sources,
    report_dict: Mapping[str, object] | None,
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
        raise UsageError(f"{out_dir} is not a directory", "--out names a directory")

    def csv_bytes(table: str, rows: Iterable[Mapping[str, object]]) -> bytes:
        return to_csv_bytes(table, rows, bom=bom, delimiter=delimiter, hxl=hxl)

    files: dict[Path, bytes] = {
        out_dir / TABLES["claims"].filename: csv_bytes("claims", claims_rows(sources))
    }
    if report_dict is not None:
        files[out_dir / TABLES["pairs"].filename] = csv_bytes("pairs", pairs_rows(report_dict))
        files[out_dir / TABLES["gaps"].filename] = csv_bytes("gaps", gaps_rows(report_dict))
    if references is not None:
        columns, rows = references
        files[out_dir / "references.csv"] = rows_to_csv(
            columns, rows, bom=bom, delimiter=delimiter, hxl=hxl
        )
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"cannot create {out_dir}: {error.strerror}") from error
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
