"""`lists overlap A B C`: link three or more lists and count the people on each pattern of them.

Multiple systems estimation (`casualty-recon estimate`, issue 15) reads how many people are on
each pattern of lists; this module makes those counts from the records:

1. Every pair of lists is linked with the two-list machinery of `link.py` (IDs first, then the
   Splink model, the same settings and threshold as `lists compare`).
2. Clustering across lists: the links of every pair at or above the threshold are taken from the
   most to the least probable (ID links first; ties by list and row), and a link joins the two
   records' clusters only when the clusters have no list in common, so a cluster (a person)
   holds at most one record of each list. With two lists this is exactly the one-to-one rule of
   `compare`. A cluster joined by A-B and B-C links holds its A and C records even when A-C
   alone scored lower (the connected components of Splink's clustering do the same).
3. Every cluster, and every record linked to nobody, is one person; its pattern has a 1 for
   each list it has a record on. Suspected duplicates within one list stay separate people, as
   the list gives them (`lists link A` shows them).
4. Strata (`by`): sex, place, age band, period (the month, quarter or year of the date of death,
   or periods of days the user declares: a death in none of them is "outside the periods")
   or any other column the lists keep (`free:`, e.g. a perpetrator column). A person's value is
   the first one given in the order the lists were named; a person with none is in the stratum
   "unknown", never dropped. Places are grouped without regard to case and spacing.

The counts are written in the layout `estimate` reads: with strata, `pattern,lists,` the
stratum columns and `count` (the `lists` column names the lists, quoted); without, one 0/1
column per list and `count`. Only patterns somebody has are written.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from casualty_recon.lists.link import Linkage, LinkOptions, link_lists, prepare
from casualty_recon.lists.read import ListTable
from casualty_recon.model.errors import UsageError
from casualty_recon.model.usage import (
    OVERLAP_BY_NO_STRATA,
    OVERLAP_BY_RESERVED,
    OVERLAP_BY_UNKNOWN,
    OVERLAP_BY_UNMAPPED,
    OVERLAP_BY_UNMAPPED_NO_STRATA,
    OVERLAP_KEY_ODD,
    OVERLAP_LIST_TWICE,
    OVERLAP_PERIOD_BAD,
    OVERLAP_PERIODS_OVERLAP,
    OVERLAP_TOO_FEW,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DIMENSIONS",
    "PERIODS",
    "Overlap",
    "cluster_links",
    "count_patterns",
    "overlap_csv",
    "overlap_lists",
]

# The strata every list can have (from its mapped columns); any other name is a free column.
DIMENSIONS = ("sex", "place", "age", "period")
PERIODS = ("month", "quarter", "year")
UNKNOWN = "unknown"
OUTSIDE = "outside the periods"  # a date of death in none of the declared periods
RESERVED = ("pattern", "lists", "count")


@dataclass
class Overlap:
    """The people found across the lists: one row per person, with their pattern and strata."""

    keys: tuple[str, ...]
    threshold: float
    by: tuple[str, ...]
    people: pd.DataFrame  # person, pattern, one `row_<key>` column per list, the strata
    linkages: list[Linkage] = field(default_factory=list)

    def counts(self) -> dict[tuple[str, ...], dict[str, int]]:
        """Stratum values -> pattern -> count (patterns as 0/1 strings in the lists' order)."""
        out: dict[tuple[str, ...], dict[str, int]] = {}
        columns = [self.people[name].astype(str) for name in self.by]
        for values, pattern in zip(
            zip(*columns, strict=True) if columns else itertools.repeat(()),
            self.people["pattern"],
            strict=False,
        ):
            cell = out.setdefault(tuple(values), {})
            cell[pattern] = cell.get(pattern, 0) + 1
        return dict(sorted(out.items(), key=lambda item: _order(item[0])))


def _order(values: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    return tuple((1 if v == UNKNOWN else 0, v) for v in values)


def check_by(by: Sequence[str], tables: Sequence[ListTable]) -> tuple[str, ...]:
    """The strata asked for, checked: a dimension some list has, or a column some list keeps."""
    needs = {"sex": "sex", "place": "place", "age": "age", "period": "dod"}
    columns: set[str] = set()
    for table in tables:
        columns |= set(table.frame.columns)
    known = {name for name, column in needs.items() if column in columns}
    known |= columns - {"row", "id", "name", "name_alt", "dob", "dod", *needs}
    out: list[str] = []
    for name in by:
        if name.lower() in RESERVED:
            raise UsageError.of(OVERLAP_BY_RESERVED, name=name)
        if name not in known:
            template = (
                (OVERLAP_BY_UNMAPPED if known else OVERLAP_BY_UNMAPPED_NO_STRATA)
                if name in needs
                else (OVERLAP_BY_UNKNOWN if known else OVERLAP_BY_NO_STRATA)
            )
            raise UsageError.of(
                template, name=name, field=needs.get(name), known=", ".join(sorted(known))
            )
        if name not in out:
            out.append(name)
    return tuple(out)


def cluster_links(
    sizes: Mapping[str, Sequence[int]], linkages: Sequence[Linkage], threshold: float
) -> list[list[tuple[str, int]]]:
    """People as clusters of (list key, row), at most one record of each list per cluster.

    `sizes` gives each list's rows; every row ends in exactly one cluster (alone if unlinked).
    """
    import numpy as np
    import pandas as pd

    keys = list(sizes)
    index = {key: number for number, key in enumerate(keys)}
    nodes = [(key, int(row)) for key in keys for row in sizes[key]]
    node = {value: number for number, value in enumerate(nodes)}
    frames = []
    for linkage in linkages:
        key_a, key_b = linkage.keys
        pairs = linkage.pairs[linkage.pairs["probability"] >= threshold]
        if "method" not in pairs.columns:
            pairs = pairs.assign(method="model")
        frames.append(
            pd.DataFrame(
                {
                    "list_a": index[key_a],
                    "row_a": pairs["row_a"].to_numpy(dtype="int64"),
                    "list_b": index[key_b],
                    "row_b": pairs["row_b"].to_numpy(dtype="int64"),
                    "probability": pairs["probability"].to_numpy(dtype=float),
                    "by_id": (pairs["method"] == "id").to_numpy(),
                }
            )
        )
    parent = list(range(len(nodes)))
    lists_of = [1 << index[key] for key, _ in nodes]  # a bit per list in the cluster

    def root(number: int) -> int:
        while parent[number] != number:
            parent[number] = parent[parent[number]]
            number = parent[number]
        return number

    edges = pd.concat(frames, ignore_index=True) if frames else None
    if edges is not None and not edges.empty:
        order = np.lexsort(
            (
                edges["row_b"].to_numpy(),
                edges["list_b"].to_numpy(),
                edges["row_a"].to_numpy(),
                edges["list_a"].to_numpy(),
                -edges["probability"].to_numpy(),
                ~edges["by_id"].to_numpy(),
            )
        )
        list_a, row_a = edges["list_a"].to_numpy(), edges["row_a"].to_numpy()
        list_b, row_b = edges["list_b"].to_numpy(), edges["row_b"].to_numpy()
        for at in order:
            a = root(node[(keys[list_a[at]], int(row_a[at]))])
            b = root(node[(keys[list_b[at]], int(row_b[at]))])
            if a == b or lists_of[a] & lists_of[b]:
                continue
            parent[b] = a
            lists_of[a] |= lists_of[b]
    clusters: dict[int, list[tuple[str, int]]] = {}
    for number, value in enumerate(nodes):
        clusters.setdefault(root(number), []).append(value)
    return sorted(clusters.values(), key=lambda c: (index[c[0][0]], c[0][1]))


def _place_labels(values: Sequence[Mapping[int, str]]) -> dict[str, str]:
    """Each place (folded to one case) as the lists write it most often, over every record of
    every list (`compare.spelling_labels`, the rule `lists compare` labels places by)."""
    import pandas as pd

    from casualty_recon.lists.compare import spelling_labels

    texts = pd.Series([text for found in values for text in found.values()], dtype=object)
    return spelling_labels(texts.str.casefold(), texts) if len(texts) else {}


def _stratum_values(table: ListTable, name: str, period: str) -> dict[int, str]:
    """Row -> the record's value of stratum `name` ("" where missing)."""
    from casualty_recon.lists.compare import age_band
    from casualty_recon.lists.records import parse_age, parse_date, parse_sex

    frame = table.frame
    rows = frame["row"].astype("int64")
    if name == "period":
        if "dod" not in frame.columns:
            return {}
        days = parse_date(frame["dod"])
        if period not in PERIODS:
            values = _declared(days, parse_periods(period))
        elif period == "year":
            values = days.dt.strftime("%Y")
        elif period == "quarter":
            values = (
                days.dt.year.astype("Int64").astype(str)
                + "-Q"
                + days.dt.quarter.astype("Int64").astype(str)
            )
        else:
            values = days.dt.strftime("%Y-%m")
        values = values.where(days.notna(), "")
    elif name == "sex":
        if "sex" not in frame.columns:
            return {}
        values = parse_sex(frame["sex"])
    elif name == "age":
        if "age" not in frame.columns:
            return {}
        values = parse_age(frame["age"]).map(age_band)
        values = values.where(values != UNKNOWN, "")
    else:
        if name not in frame.columns:
            return {}
        values = frame[name].astype(str)
    return {
        int(row): _clean(str(value))
        for row, value in zip(rows, values.fillna(""), strict=True)
        if _clean(str(value))
    }


def parse_periods(text: str) -> list[tuple[dt.date, dt.date]]:
    """Declared periods, `START..END` (days, both included) separated by commas; they may not
    overlap. Anything else is a usage error naming the choices."""
    ranges: list[tuple[dt.date, dt.date]] = []
    for part in (p.strip() for p in text.split(",")):
        first, dots, last = part.partition("..")
        try:
            days = (dt.date.fromisoformat(first.strip()), dt.date.fromisoformat(last.strip()))
        except ValueError:
            days = None
        if not dots or days is None or days[1] < days[0]:
            raise UsageError.of(OVERLAP_PERIOD_BAD, part=part)
        ranges.append(days)
    ranges.sort()
    for earlier, later in itertools.pairwise(ranges):
        if later[0] <= earlier[1]:
            raise UsageError.of(OVERLAP_PERIODS_OVERLAP, day=later[0])
    return ranges


def _declared(days: pd.Series, ranges: list[tuple[dt.date, dt.date]]) -> pd.Series:
    """Each day's declared period (`START..END`), OUTSIDE for a day in none of them."""
    import pandas as pd

    values = pd.Series(OUTSIDE, index=days.index, dtype=object)
    for start, end in ranges:
        inside = (days >= pd.Timestamp(start)) & (days <= pd.Timestamp(end))
        values = values.where(~inside, f"{start}..{end}")
    return values


def _clean(value: str) -> str:
    """One line, no double quotes (the counts' CSV groups fields by them)."""
    text = re.sub(r"\s+", " ", value.replace('"', "'")).strip()
    return "" if text.lower() in ("", "nan", "none", "<na>", "nat") else text


def count_patterns(
    tables: Sequence[ListTable],
    linkages: Sequence[Linkage],
    threshold: float,
    by: Sequence[str] = (),
    period: str = "month",
) -> Overlap:
    """People, their patterns and strata, from the pairwise linkages of `tables`."""
    import pandas as pd

    keys = tuple(table.spec.key for table in tables)
    by = check_by(by, tables)
    sizes = {table.spec.key: table.frame["row"].astype("int64").tolist() for table in tables}
    clusters = cluster_links(sizes, linkages, threshold)
    values = {name: [_stratum_values(table, name, period) for table in tables] for name in by}
    position = {key: number for number, key in enumerate(keys)}
    records: dict[str, list[object]] = {"person": [], "pattern": []}
    for key in keys:
        records[f"row_{key}"] = []
    for name in by:
        records[name] = []
    spellings = _place_labels(values["place"]) if "place" in by else {}
    for number, cluster in enumerate(clusters, start=1):
        rows = dict(cluster)
        records["person"].append(number)
        records["pattern"].append("".join("1" if key in rows else "0" for key in keys))
        for key in keys:
            records[f"row_{key}"].append(rows.get(key))
        for name in by:
            value = next(
                (
                    values[name][position[key]][rows[key]]
                    for key in keys
                    if key in rows and rows[key] in values[name][position[key]]
                ),
                UNKNOWN,
            )
            if name == "place" and value != UNKNOWN:
                value = spellings.get(value.casefold(), value)
            records[name].append(value)
    people = pd.DataFrame(records)
    return Overlap(keys, threshold, by, people, list(linkages))


def overlap_lists(
    tables: Sequence[ListTable],
    options: LinkOptions | None = None,
    by: Sequence[str] = (),
    period: str = "month",
) -> Overlap:
    """Link every pair of `tables` and count the people on each pattern, by stratum."""
    options = options or LinkOptions()
    keys = [table.spec.key for table in tables]
    if len(tables) < 2:
        raise UsageError.of(OVERLAP_TOO_FEW)
    repeated = [key for key, n in Counter(keys).items() if n > 1]
    if repeated:
        raise UsageError.of(OVERLAP_LIST_TWICE, key=repeated[0])
    if period not in PERIODS:
        parse_periods(period)  # declared periods: checked before any linking
    odd = [key for key in keys if "," in key or '"' in key]
    if odd:
        raise UsageError.of(OVERLAP_KEY_ODD, key=odd[0])
    by = check_by(by, tables)
    # Each list's records prepared once (names normalised, dates parsed), not once a pair.
    prepared = {table.spec.key: prepare(table) for table in tables if len(table)}
    linkages = [
        link_lists([a, b], options, prepared) if len(a) and len(b) else _no_links(a, b)
        for a, b in itertools.combinations(tables, 2)
    ]
    return count_patterns(tables, linkages, options.threshold, by, period)


def _no_links(a: ListTable, b: ListTable) -> Linkage:
    """The linkage of a pair with an empty list: nothing to link (Splink cannot train on it)."""
    import pandas as pd

    empty = pd.DataFrame(
        {"row_a": [], "row_b": [], "probability": [], "evidence": [], "method": []}
    )
    return Linkage((a.spec.key, b.spec.key), {}, empty, pd.DataFrame())


def overlap_csv(overlap: Overlap) -> str:
    """The counts in the layout `casualty-recon estimate` reads (UTF-8 text, LF line ends)."""
    counts = overlap.counts()
    if not overlap.by and not any(key.lower() in RESERVED for key in overlap.keys):
        lines = [",".join([*overlap.keys, "count"])]
        cells = counts.get((), {})
        for pattern in sorted(cells):
            lines.append(",".join([*pattern, str(cells[pattern])]))
        return "\n".join(lines) + "\n"
    names = '"' + ",".join(overlap.keys) + '"'
    lines = [",".join(["pattern", "lists", *overlap.by, "count"])]
    for values, cells in counts.items():
        stratum = "".join("," + (f'"{v}"' if "," in v else v) for v in values)
        for pattern in sorted(cells):
            lines.append(f"{pattern},{names}{stratum},{cells[pattern]}")
    return "\n".join(lines) + "\n"
