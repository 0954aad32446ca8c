"""The columns of the exported tables (`claims.csv`, `pairs.csv`, `gaps.csv`, `references.csv`,
`estimates.csv`, `people.csv`).

Each table is declared once here as a catalogue of columns (name, type, HXL hashtag, description):
`render.csv` writes the tables from it, `load.claims_csv` reads `claims.csv` back by it, and the
README's column tables are rendered from it. Declarations only: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "CLAIMS_COLUMNS",
    "ESTIMATE_COLUMNS",
    "GAPS_COLUMNS",
    "LIST_SEPARATOR",
    "PAIRS_COLUMNS",
    "PEOPLE_COLUMNS",
    "REFERENCES_COLUMNS",
    "TABLES",
    "Column",
    "ColumnType",
    "Table",
]

ColumnType = Literal["text", "int", "float", "date", "bool"]
LIST_SEPARATOR = "; "


@dataclass(frozen=True, slots=True)
class Column:
    """One column of an exported table."""

    name: str
    type: ColumnType
    hxl: str
    description: str
    # A float's decimal places at most (trailing zeros dropped): one for counts and rates.
    decimals: int = 1


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
    Column(
        "complete",
        "bool",
        "#meta+complete",
        "true when every breakdown part of this claim is in the file (its shares are exact).",
    ),
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
    Column(
        "gap_high",
        "float",
        "#value+gap+max",
        "Largest a minus b the stated figures allow (a floor enters at its bound, so never empty).",
    ),
    Column(
        "residual_low",
        "float",
        "#value+residual+min",
        "Smallest gap left once the quantified effects are applied.",
    ),
    Column(
        "residual_high",
        "float",
        "#value+residual+max",
        "Largest gap left once the quantified effects are applied (figures enter at their stated "
        "bounds and every effect is finite, so never empty).",
    ),
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
    Column("dataset", "text", "#meta+source", "The event dataset's name (e.g. UCDP GED)."),
    Column("kind", "text", "#meta+type", "The dataset's layout, as `events --kind` names it."),
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

ESTIMATE_COLUMNS: tuple[Column, ...] = (
    Column("stratum", "text", "#meta+stratum", "The stratum (all when there is one), or total."),
    Column("method", "text", "#meta+method", "The method's key."),
    Column("label", "text", "#meta+label", "The method, as printed."),
    Column("observed", "int", "#affected+num+observed", "People on at least one list."),
    Column("estimate", "float", "#affected+num+est", "The estimated total N."),
    Column("low", "float", "#affected+num+min", "2.5% point of the 95% interval."),
    Column("high", "float", "#affected+num+max", "97.5% point of the 95% interval."),
    Column(
        "coverage",
        "float",
        "#indicator+coverage",
        "observed / estimate, in percent (CSV numbers keep one decimal: 60.8, not 0.6).",
    ),
    Column("undocumented", "float", "#affected+num+missing", "estimate - observed."),
    Column("notes", "text", "#meta+notes", "Model, diagnostics, or why the method did not run."),
)
PEOPLE_COLUMNS: tuple[Column, ...] = (
    Column("person", "int", "#meta+id+person", "A number for the person, one row each."),
    Column("status", "text", "#status+list", "both, only_a or only_b."),
    Column("row_a", "int", "#meta+row+a", "The record's row in list A."),
    Column("id_a", "text", "#meta+id+a", "The record's ID in list A."),
    Column("name_a", "text", "#affected+name+a", "The name in list A."),
    Column("row_b", "int", "#meta+row+b", "The record's row in list B."),
    Column("id_b", "text", "#meta+id+b", "The record's ID in list B."),
    Column("name_b", "text", "#affected+name+b", "The name in list B."),
    Column(
        "match_probability",
        "float",
        "#meta+probability",
        "The link's probability (1 for an ID).",
        decimals=4,
    ),
    Column("method", "text", "#meta+method", "id or model."),
    Column(
        "evidence", "text", "#description+evidence", "Each comparison's level and match weight."
    ),
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
        Table(
            "estimates",
            "estimates.csv",
            "`estimate -o estimates.csv`: one row per stratum and method, the totals last.",
            ESTIMATE_COLUMNS,
        ),
        Table(
            "people",
            "people.csv",
            "`lists compare --out people.csv`: one row per person of the two lists.",
            PEOPLE_COLUMNS,
        ),
    )
}
