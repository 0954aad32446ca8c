"""A claims CSV (as `export` writes it, perhaps edited in a spreadsheet) back to a v1 document.

`claims_csv_to_document` turns the CSV into the plain data of a `sources.yaml` (version 1) and a
map from key paths (`("claims", 3, "figure")`) to the (line, column) of the cell each value came
from; `load.load_document` then builds `Sources` through the same parsers as the YAML loader, so
every problem is located at the CSV cell. `import` writes the same document as YAML.

What is accepted:
- UTF-8 with or without a byte-order mark; CRLF, LF or CR line ends; `,`, `;` or tab as
  delimiter (sniffed from the header); the HXL hashtag row under the header is skipped.
- The `'` that export puts before formula-like text is taken off again.
- Columns in any order, header names in any case; unknown columns are ignored. Required:
  `id`, `source`, `figure_text` (or `figure_low`), `population`, `outcome`, `area`, `as_of`.
- Dates a spreadsheet rewrote (`20/08/2019`, `8/20/2019`) are read back as ISO when the file
  shows which order it uses.

The as-written columns are the authority: `figure_text`, `start`, `as_of`, `published`, `area`,
`perpetrators`. The derived columns are used when the written one is empty (`figure_low` and
`figure_high` give `{low, high}`; `start_earliest`/`start_latest` give a date or interval), and
checked against it otherwise, so an edit made to only one of them is reported, not lost.
Named areas and party groups that are not built in are re-created from `area_places` and
`perpetrator_parties`, then every row is checked to resolve to the same places and parties.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TypeVar

from casualty_recon.grammar import figures, periods
from casualty_recon.grammar.parties import ANY, resolve_perpetrators
from casualty_recon.grammar.places import Gazetteer
from casualty_recon.load.csv_cells import (
    _DATE_COLUMNS,
    _DATE_FIELDS,
    _Cell,
    _date_order,
    _is_hxl_row,
    _iso_date,
    _normalise_name,
    _records,
    _sniff,
    _unneutralise,
)
from casualty_recon.load.csv_figures import bounds_text, interval, of_form
from casualty_recon.load.csv_places import PlaceKey, place_code, place_text
from casualty_recon.model.claims import DayRange, Location, Note
from casualty_recon.model.columns import CLAIMS_COLUMNS
from casualty_recon.model.errors import GrammarError, InputError, Problem, Template, plural_s
from casualty_recon.model.file_errors import (
    CSV_COLUMN_GUESS,
    CSV_COLUMN_TWICE,
    CSV_DATE_MISMATCH,
    CSV_EARLIEST_AFTER_LATEST,
    CSV_FIGURE_MISMATCH,
    CSV_FIGURE_MISMATCH_BOTH,
    CSV_LOW_ABOVE_HIGH,
    CSV_MISSING_COLUMNS,
    CSV_MISSING_COLUMNS_GUESSED,
    CSV_NAME_DIFFERS,
    CSV_NO_HEADER,
    CSV_NOT_ISO,
    CSV_NOT_WHOLE,
    CSV_RESOLVED_EXTRA,
    CSV_ROW_LONG,
    CSV_ROW_SHORT,
    CSV_ROW_SHORT_MORE,
    CSV_SOURCE_DIFFERS,
    EMPTY_CELL,
)

__all__ = ["REQUIRED_COLUMNS", "CsvDocument", "claims_csv_to_document", "read_claims_table"]

Positions = dict[tuple[object, ...], tuple[int, int]]
K = TypeVar("K", bound=Hashable)

REQUIRED_COLUMNS = ("id", "source", "figure_text", "population", "outcome", "area", "as_of")
_KNOWN = {column.name for column in CLAIMS_COLUMNS}
_TEXT_COLUMNS = {column.name for column in CLAIMS_COLUMNS if column.type == "text"}
# Claim fields copied from the cell of the same name, in the order the loader lists them.
_PLAIN_FIELDS = ("population", "outcome", "basis", "relayed_by", "url", "quote", "notes")
_DEFAULT_TOLERANCE = 0.1


# --- the document ------------------------------------------------------------------------------


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.notes: list[Note] = []
        self.positions: Positions = {}
        self.headers: dict[int, str] = {}
        self.row_starts: set[tuple[int, int]] = set()
        self.cells: dict[tuple[int, str], _Cell] = {}  # (row, column name) -> cell
        self.row_problems: set[tuple[int, int]] = set()  # about a row's width, not a cell

    def problem(self, cell: _Cell, template: Template, **values: object) -> None:
        self.problems.append(Problem.of(template, Location(self.path, *cell.at), **values))

    def note(self, cell: _Cell, message: str) -> None:
        self.notes.append(Note(Location(self.path, *cell.at), message))

    def named(self, problem: Problem) -> Problem:
        """The problem with its cell's column header at the head of the message, unless the
        message names it already or the problem is about a whole row."""
        at = problem.location
        missing = re.fullmatch(r"claim .* has no `(\w+)`", problem.message)
        if missing and (at.line, at.column) in self.row_starts:
            # a required field left empty: point at its empty cell, when the row has one
            name = "figure_text" if missing.group(1) == "figure" else missing.group(1)
            cell = self.cells.get((at.line, name))
            if cell is not None:
                return problem._replace(location=Location(self.path, *cell.at))
        header = self.headers.get(at.column)
        if (
            at.path != self.path
            or at.line < 2
            or header is None
            or (at.line, at.column) in self.row_starts | self.row_problems
            or re.search(rf"(?<!\w){re.escape(header)}(?!\w)", problem.message)
        ):
            return problem
        return problem._replace(message=f"{header}: {problem.message}")

    def located(self, error: InputError) -> InputError:
        """`error` with every problem at a cell naming the cell's column."""
        return InputError([self.named(problem) for problem in error.problems])

    def table(self, text: str) -> list[dict[str, _Cell]]:
        text = text.removeprefix("\ufeff")
        # A cell is located as a spreadsheet shows it: its row (the header is row 1) and its
        # column number (A is 1), not a character offset; problems name the column's header.
        records = [
            [_Cell(cell.text, row, column) for column, cell in enumerate(record, start=1)]
            for row, record in enumerate(_records(text, _sniff(text)), start=1)
        ]
        if not records or not any(cell.text.strip() for cell in records[0]):
            self.problems.append(Problem.of(CSV_NO_HEADER, Location(self.path, 1, 1)))
            raise InputError(self.problems)
        header = [(_normalise_name(cell.text), cell) for cell in records[0]]
        self.headers = {cell.column: cell.text.strip() for cell in records[0]}
        names = {name for name, _ in header}
        missing = [
            name
            for name in REQUIRED_COLUMNS
            if name not in names and not (name == "figure_text" and "figure_low" in names)
        ]
        if missing:
            guesses = [
                CSV_COLUMN_GUESS.format(close=close[0], name=name)
                for name in missing
                if (close := difflib.get_close_matches(name, sorted(names - _KNOWN), n=1))
            ]
            self.problems.append(
                Problem.of(
                    CSV_MISSING_COLUMNS_GUESSED if guesses else CSV_MISSING_COLUMNS,
                    Location(self.path, 1, len(records[0]) + 1),
                    columns=", ".join(missing),
                    s=plural_s(len(missing)),
                    guesses=" ".join(guesses),
                    required=", ".join(REQUIRED_COLUMNS),
                )
            )
            raise InputError(self.problems)
        first_at: dict[str, int] = {}
        for index, (name, cell) in enumerate(header, start=1):
            if name in _KNOWN and name in first_at:
                self.problem(cell, CSV_COLUMN_TWICE, name=name, first=first_at[name], second=index)
            first_at.setdefault(name, index)
        body = records[1:]
        if body and _is_hxl_row(body[0]):
            body = body[1:]
        rows: list[dict[str, _Cell]] = []
        for record in body:
            if not any(cell.text.strip() for cell in record):
                continue  # spreadsheets leave empty rows behind
            self.check_width(record, [name for name, _ in header])
            row: dict[str, _Cell] = {}
            for (name, _), cell in zip(header, record, strict=False):
                if name in _KNOWN and name not in row:
                    text = _unneutralise(cell.text) if name in _TEXT_COLUMNS else cell.text
                    row[name] = _Cell(text, cell.line, cell.column)
            first = record[0]
            row.setdefault("", _Cell("", first.line, 1))
            self.row_starts.add((first.line, 1))
            self.cells.update(((first.line, name), cell) for name, cell in row.items() if name)
            rows.append(row)
        order = _date_order(rows)
        for row in rows:
            for name in _DATE_COLUMNS:
                date_cell = row.get(name)
                if date_cell and (iso := _iso_date(date_cell.text.strip(), order)):
                    row[name] = _Cell(iso, date_cell.line, date_cell.column)
        return rows

    def check_width(self, record: list[_Cell], names: list[str]) -> None:
        """A row with fewer cells than the header, or a non-empty cell beyond its last column
        (empty trailing cells, which spreadsheets leave, are ignored)."""
        columns = len(names)
        self.row_problems.add(record[-1].at)
        if len(record) < columns:
            more = columns - len(record) - 1
            self.problem(
                record[-1],
                CSV_ROW_SHORT_MORE if more else CSV_ROW_SHORT,
                missing=names[len(record)],
                more=more,
                cells=len(record),
                s=plural_s(len(record)),
                columns=columns,
            )
            return
        extra = next((i for i in range(columns, len(record)) if record[i].text.strip()), None)
        if extra is not None:
            text = record[extra].text.strip()
            self.row_problems.add(record[extra].at)
            self.problem(
                record[extra],
                CSV_ROW_LONG,
                cells=len(record),
                columns=columns,
                extra=extra + 1,
                text=text if len(text) <= 40 else text[:40] + "...",
            )

    def document(self, rows: list[dict[str, _Cell]]) -> dict[str, object]:
        sources: dict[str, dict[str, str]] = {}
        source_cells: dict[str, dict[str, _Cell]] = {}
        claims: list[object] = []
        tolerance = self.tolerance(rows)
        for index, row in enumerate(rows):
            self.positions[("claims", index)] = row[""].at
            claims.append(self.claim(index, row, tolerance))
            self.source(row, sources, source_cells)
        document: dict[str, object] = {"version": 1}
        if tolerance != _DEFAULT_TOLERANCE:
            document["settings"] = {"about_tolerance": tolerance}
        areas = self.areas(rows)
        if areas:
            document["areas"] = areas
        parties = self.parties(rows)
        if parties:
            document["parties"] = parties
        document["sources"] = {key: value or None for key, value in sources.items()}
        document["claims"] = claims
        for row in rows:
            self.check_dates(row)
        if rows:
            self.positions[("claims",)] = rows[0][""].at
        return document

    # --- one row -------------------------------------------------------------------------------

    def text(self, row: dict[str, _Cell], name: str) -> str | None:
        cell = row.get(name)
        return cell.text.strip() if cell and cell.text.strip() else None

    def claim(self, index: int, row: dict[str, _Cell], tolerance: float) -> dict[str, object]:
        claim: dict[str, object] = {}
        where = ("claims", index)

        def put(field: str, value: object, cell_name: str) -> None:
            claim[field] = value
            cell = row.get(cell_name, row[""])
            self.positions[(*where, field)] = cell.at
            if isinstance(value, list):
                for i in range(len(value)):
                    self.positions[(*where, field, i)] = cell.at
            if isinstance(value, dict):
                for key in value:
                    self.positions[(*where, field, key)] = cell.at

        for name in ("id", "source"):
            if (value := self.text(row, name)) is not None:
                put(name, value, name)
        if (figure := self.figure(row, tolerance)) is not None:
            put("figure", figure, "figure_text" if self.text(row, "figure_text") else "figure_low")
        for name in ("population", "outcome"):
            if (value := self.text(row, name)) is not None:
                put(name, value, name)
        if (perpetrators := self.split(row, "perpetrators")) and perpetrators != [ANY]:
            put(
                "perpetrators",
                perpetrators[0] if len(perpetrators) == 1 else perpetrators,
                "perpetrators",
            )
        if area := self.split(row, "area"):
            put("area", area[0] if len(area) == 1 else area, "area")
        for field in _DATE_FIELDS:
            if (value := self.date(row, field)) is not None:
                put(field, value, field if self.text(row, field) else f"{field}_earliest")
        for name in _PLAIN_FIELDS:
            if (value := self.text(row, name)) is not None:
                put(name, value, name)
        if (value := self.text(row, "breakdown_of")) is not None:
            put("breakdown_of", value, "breakdown_of")
        if (value := self.text(row, "series")) is not None:
            put("series", value, "series")
        if (value := self.text(row, "complete")) is not None and value.lower() == "true":
            put("complete", True, "complete")
        return claim

    def split(self, row: dict[str, _Cell], name: str) -> list[str]:
        text = self.text(row, name)
        if text is None:
            return []
        return [item.strip() for item in text.split(";") if item.strip()]

    def whole_number(self, row: dict[str, _Cell], name: str) -> int | None:
        text = self.text(row, name)
        if text is None:
            return None
        compact = text.replace("\u00a0", " ")
        if match := re.fullmatch(r"(\d+)(?:[.,]0+)?", compact):
            return int(match.group(1))
        if re.fullmatch(r"\d{1,3}(?:([ ,.'])\d{3})(?:\1\d{3})*", compact):
            return int(re.sub(r"\D", "", compact))
        self.problem(row[name], CSV_NOT_WHOLE, name=name, text=text)
        return None

    def figure(self, row: dict[str, _Cell], tolerance: float) -> object | None:
        if (text := self.text(row, "figure_text")) is not None:
            return self.edited_figure(row, text, tolerance)
        low, high = self.whole_number(row, "figure_low"), self.whole_number(row, "figure_high")
        if low is None or not self.ordered(row, low, high):
            return None
        return {"low": low} if high is None else {"low": low, "high": high}

    def ordered(self, row: dict[str, _Cell], low: int, high: int | None) -> bool:
        """Whether the bounds are in order; if not, the problem at the figure_low cell."""
        if high is None or low <= high:
            return True
        self.problem(row["figure_low"], CSV_LOW_ABOVE_HIGH, low=low, high=high)
        return False

    def date(self, row: dict[str, _Cell], field: str) -> str | None:
        if (text := self.text(row, field)) is not None:
            return text
        earliest, latest = self.iso(row, f"{field}_earliest"), self.iso(row, f"{field}_latest")
        if earliest is None and latest is None:
            return None
        first, last = earliest or latest, latest or earliest
        assert first is not None and last is not None
        if last < first:
            self.problem(row[f"{field}_earliest"], CSV_EARLIEST_AFTER_LATEST, field=field)
            return None
        return periods.render_period(DayRange(first, last, ""))

    def iso(self, row: dict[str, _Cell], name: str) -> dt.date | None:
        text = self.text(row, name)
        if text is None:
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            self.problem(row[name], CSV_NOT_ISO, name=name, text=text)
            return None

    def source(
        self,
        row: dict[str, _Cell],
        sources: dict[str, dict[str, str]],
        cells: dict[str, dict[str, _Cell]],
    ) -> None:
        key = self.text(row, "source")
        if key is None:
            return
        if key not in sources:
            sources[key], cells[key] = {}, {}
            self.positions[("sources", key)] = row["source"].at
            self.positions.setdefault(("sources",), row["source"].at)
        for field in ("name", "kind"):
            column = f"source_{field}"
            value = self.text(row, column)
            if value is None:
                continue
            known = sources[key].get(field)
            if known is None:
                sources[key][field] = value
                cells[key][field] = row[column]
                self.positions[("sources", key, field)] = row[column].at
            elif known != value:
                first = cells[key][field]
                self.problem(
                    row[column],
                    CSV_SOURCE_DIFFERS,
                    key=key,
                    field=field,
                    value=value,
                    known=known,
                    line=first.line,
                    column=column,
                )

    # --- consistency of written and derived columns --------------------------------------------

    def tolerance(self, rows: list[dict[str, _Cell]]) -> float:
        """The `about_tolerance` the export was made with, read from its about/nearly rows."""
        stated: list[tuple[str, int, int]] = []
        for row in rows:
            text = self.text(row, "figure_text")
            low, high = self.text(row, "figure_low"), self.text(row, "figure_high")
            if text and low and high and low.isdigit() and high.isdigit():
                stated.append((text, int(low), int(high)))

        def fits(tolerance: float) -> bool:
            for text, low, high in stated:
                try:
                    figure = figures.parse_figure(text, about_tolerance=tolerance)
                except GrammarError:
                    continue
                if figure.qualifier in ("about", "nearly") and (figure.low, figure.high) != (
                    low,
                    high,
                ):
                    return False
            return True

        if fits(_DEFAULT_TOLERANCE):
            return _DEFAULT_TOLERANCE
        for candidate in [k / 100 for k in range(1, 100)] + [k / 1000 for k in range(1, 1000)]:
            if fits(candidate):
                return candidate
        return _DEFAULT_TOLERANCE  # check_figure reports the rows that disagree

    def edited_figure(self, row: dict[str, _Cell], text: str, tolerance: float) -> str:
        """The figure of a row whose figure_text and bounds may have been edited apart.

        A spreadsheet user edits one cell. The `qualifier` cell, which export derives from the
        text, tells which: bounds that are still a figure of that form (`more than n` gives
        [n+1, open)) were left as exported, so figure_text was edited and the bounds are
        re-derived from it; figure_text still of that form beside bounds that no figure of it
        gives means the bounds were edited, and the text is rewritten from them. Anything else
        (both edited, or no `qualifier` cell to tell) is a conflict and refused.
        """
        low_text, high_text = self.text(row, "figure_low"), self.text(row, "figure_high")
        if low_text is None and high_text is None:
            return text  # nothing derived to check (a hand-made CSV)
        try:
            figure = figures.parse_figure(text, about_tolerance=tolerance)
        except GrammarError:
            return text  # the loader reports it at the figure_text cell
        low, high = self.whole_number(row, "figure_low"), self.whole_number(row, "figure_high")
        if (low_text and low is None) or (high_text and high is None):
            return text  # reported as not a whole number
        if (low, high) == (figure.low, figure.high):
            return text
        shown = interval(figure.low, figure.high)
        stated = f"({low_text or 'empty'}, {high_text or 'empty'})"
        exported = self.text(row, "qualifier")
        if low is not None and of_form(exported or figure.qualifier, low, high, tolerance):
            self.note(
                row["figure_text"],
                f"figure_low and figure_high {stated} are re-derived from figure_text "
                f"`{text}`: {shown}",
            )
            return text
        if low is not None and exported == figure.qualifier:
            if not self.ordered(row, low, high):
                return text  # the figure is refused at its figure_low cell
            rewritten = bounds_text(low, high)
            self.note(
                row.get("figure_low", row["figure_text"]),
                f"figure_text `{text}` is rewritten as `{rewritten}` from figure_low and "
                f"figure_high {stated}",
            )
            return rewritten
        name = "figure_low" if low != figure.low else "figure_high"
        self.problem(
            row.get(name, row["figure_text"]),
            CSV_FIGURE_MISMATCH_BOTH if exported else CSV_FIGURE_MISMATCH,
            low=low_text or EMPTY_CELL,
            high=high_text or EMPTY_CELL,
            text=text,
            shown=shown,
        )
        return text

    def check_dates(self, row: dict[str, _Cell]) -> None:
        year = None
        if (as_of := self.text(row, "as_of_earliest")) and re.fullmatch(r"\d{4}-.*", as_of):
            year = int(as_of[:4])
        for field in _DATE_FIELDS:
            text = self.text(row, field)
            if text is None:
                continue
            try:
                days = periods.parse_period(text, default_year=year)
            except GrammarError:
                continue  # the loader reports it
            for end, value in (("earliest", days.earliest), ("latest", days.latest)):
                name = f"{field}_{end}"
                stated = self.text(row, name)
                if stated is not None and self.iso(row, name) not in (None, value):
                    self.problem(
                        row[name],
                        CSV_DATE_MISMATCH,
                        name=name,
                        stated=stated,
                        field=field,
                        text=text,
                        earliest=days.earliest.isoformat(),
                        latest=days.latest.isoformat(),
                    )

    # --- named areas and party groups ----------------------------------------------------------

    def areas(self, rows: list[dict[str, _Cell]]) -> dict[str, list[str]]:
        gazetteer = Gazetteer()

        def builtin(name: str) -> frozenset[PlaceKey] | None:
            try:
                return frozenset((p.code, p.part or "") for p in gazetteer.resolve(name))
            except GrammarError:
                return None

        def stated(row: dict[str, _Cell]) -> frozenset[PlaceKey] | None:
            items = self.split(row, "area_places")
            if not items:
                return None
            keys = set()
            for item in items:
                part, _, code = item.rpartition(" ")
                keys.add((code, part.strip()))
            return frozenset(keys)

        areas = _definitions(
            self,
            rows,
            "area",
            "area_places",
            stated,
            builtin,
            place_text,
            place_code,
            "area",
            "places",
        )
        for name in areas:  # a misspelt place among its own places: say so where it is written
            close = gazetteer.closest_name(name) if builtin(name) is None else None
            row = next((r for r in rows if name in self.split(r, "area")), None)
            places = builtin(close) if close is not None and row is not None else None
            if places and row is not None and places & (stated(row) or frozenset()):
                message = f"area `{name}` is no known place (did you mean {close}?): it is "
                self.note(row["area"], message + "re-created from area_places as a named area")
        return areas

    def parties(self, rows: list[dict[str, _Cell]]) -> dict[str, list[str]]:
        def builtin(name: str) -> frozenset[str] | None:
            try:
                resolved = resolve_perpetrators(name, {}).parties
            except GrammarError:
                return None
            return resolved

        def stated(row: dict[str, _Cell]) -> frozenset[str] | None:
            if self.split(row, "perpetrators") in ([], [ANY]):
                return None
            items = self.split(row, "perpetrator_parties")
            return frozenset(items) if items else None

        return _definitions(
            self,
            rows,
            "perpetrators",
            "perpetrator_parties",
            stated,
            builtin,
            str,
            str,
            "party group",
            "parties",
        )


def _definitions(
    reader: _Reader,
    rows: list[dict[str, _Cell]],
    written_column: str,
    resolved_column: str,
    stated: Callable[[dict[str, _Cell]], frozenset[K] | None],
    builtin: Callable[[str], frozenset[K] | None],
    spell: Callable[[K], str],
    show: Callable[[K], str],
    what: str,
    members: str,
) -> dict[str, list[str]]:
    """Re-create the named groups (areas or party groups) the rows need.

    A name that is not built in, or whose built-in meaning is not within the row's resolved
    set, is a user group. A row naming one user group alone defines it exactly; a row with
    built-in names beside it gives it what they leave over.
    """
    exact: dict[str, tuple[frozenset[K], _Cell]] = {}
    leftover: dict[str, frozenset[K]] = {}
    for row in rows:
        resolved = stated(row)
        names = reader.split(row, written_column)
        if resolved is None or not names:
            continue
        cell = row[resolved_column]
        covered: set[K] = set()
        user: list[str] = []
        for name in names:
            meaning = builtin(name)
            if meaning is not None and meaning <= resolved:
                covered |= meaning
            else:
                user.append(name)
        rest = frozenset(resolved - covered)
        if not user:
            if rest:
                reader.problem(
                    cell,
                    CSV_RESOLVED_EXTRA,
                    resolved_column=resolved_column,
                    extra=", ".join(sorted(map(show, rest))),
                    written_column=written_column,
                    written="; ".join(names),
                )
            continue
        if len(names) == 1:
            name = names[0]
            if name in exact and exact[name][0] != resolved:
                reader.problem(
                    cell,
                    CSV_NAME_DIFFERS,
                    what=what,
                    name=name,
                    members=members,
                    line=exact[name][1].line,
                    resolved_column=resolved_column,
                )
            exact.setdefault(name, (resolved, cell))
        else:
            for name in user:
                leftover.setdefault(name, rest or resolved)
    out: dict[str, list[str]] = {}
    for name in [*exact, *leftover]:
        if name in out:
            continue
        group = exact[name][0] if name in exact else leftover[name]
        out[name] = sorted(spell(item) for item in group)
        first = exact[name][1] if name in exact else None
        key = "areas" if written_column == "area" else "parties"
        if first is not None:
            reader.positions[(key, name)] = first.at
            for i in range(len(out[name])):
                reader.positions[(key, name, i)] = first.at
    return out


@dataclass(frozen=True)
class CsvDocument:
    """A claims CSV read: the document, where its values came from, the notes on what was
    re-derived, and `located`, which makes the loader's problems name their cell's column."""

    document: dict[str, object]
    positions: Positions
    notes: list[Note]
    located: Callable[[InputError], InputError]


def read_claims_table(text: str, path: str = "<claims.csv>") -> CsvDocument:
    """A claims CSV as the plain data of a v1 `sources.yaml` (see `claims_csv_to_document`),
    with notes on figures re-derived from an edited cell."""
    reader = _Reader(path)
    try:
        rows = reader.table(text)
    except InputError as error:
        raise reader.located(error) from None
    document = reader.document(rows)
    if reader.problems:
        raise reader.located(InputError(reader.problems))
    return CsvDocument(document, reader.positions, reader.notes, reader.located)


def claims_csv_to_document(
    text: str, path: str = "<claims.csv>"
) -> tuple[dict[str, object], Positions]:
    """A claims CSV as the plain data of a v1 `sources.yaml`, and where each value came from.

    The positions map key paths of the document (`("claims", 0, "figure")`, `("sources",
    "UOSSM", "name")`, `("areas", "northwest Syria")`) to the (row, column number) of the CSV
    cell, as a spreadsheet shows them (the header is row 1, column A is 1); `("claims", i)` is
    the start of the claim's row. Problems with the CSV itself (no header, missing columns,
    derived columns that contradict the written ones) raise `InputError` with code `bad-csv`;
    problems with the values are left to the loader.
    """
    table = read_claims_table(text, path)
    return table.document, table.positions
