"""The pairs of records the order-free name keys add to the blocking, within its budget.

A name's order-free keys (`names.name_keys`) are its parts sorted, and sorted with one part left
out (names of 3 to 6 parts): two names in another order, or one with a part dropped, share one.
Given every key of every record and exploded by Splink (one row per key a record has, each row
carrying the columns of the rules before it), that rule cost more than the rest of a linkage and
ran DuckDB out of memory on two million-record lists; and most of the pairs it made were made by
the rules before it (names that agree by position) and thrown away. So the pairs are found here,
between distinct names rather than records (`order_free_pairs`):

1. the keys of each distinct normalised name (of both lists together), computed once per name;
2. the keys shared by two names or more, the ones shared by the most records left out, largest
   first, until the pairs they can give (a key shared by n records: n(n-1)/2) are within the
   blocking budget (`blocking.budget`); a note says how many went. Such keys are names shared
   by hundreds of people, which say little about who is who;
3. the pairs of names sharing a kept key, less those a rule chosen before pairs anyway (the two
   names agree on every column of a rule made only of name parts: the whole name, first and
   family name, ...);
4. their records, each pair given an ID of its own: the column KEYS holds each record's pair
   IDs, and the last blocking rule pairs records sharing one (Splink explodes it: one row per
   pair and record, so exactly these pairs).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from casualty_recon.lists.names import name_keys, sorted_name
from casualty_recon.lists.order import parts_by_position

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

KEYS = "name_pairs"  # the column: each record's order-free pair IDs, or missing
NAME_COLUMNS = frozenset({"name_norm", "first", "father", "grand", "family"})


def order_free_pairs(
    records: dict[str, pd.DataFrame], rules: Sequence[tuple[str, ...]], limit: int
) -> tuple[dict[str, pd.DataFrame], int, list[str]]:
    """The lists with a KEYS column (see the module), the number of pairs it gives, and a note
    when keys were left out for the budget. `rules`: the columns of the rules chosen before."""
    import numpy as np
    import pandas as pd

    frames = list(records.values())
    norm = pd.concat([frame["name_norm"] for frame in frames], ignore_index=True)
    codes, names = pd.factorize(norm.astype(object))
    counts = np.bincount(codes[codes >= 0], minlength=len(names)).astype(np.int64)
    owner, key, whole = _keys_of(np.asarray(names, dtype=object))
    blocks = _blocks(owner, key, whole, counts)
    cap = _largest_within(blocks["records"].to_numpy(), blocks["pairs"].to_numpy(), limit)
    dropped = int((blocks["records"] > cap).sum())
    kept = np.isin(key, blocks.index[blocks["records"] <= cap].to_numpy())
    left, right = _name_pairs(owner[kept], key[kept], whole[kept])
    left, right = _not_paired_before(names, left, right, rules)
    first, second = _record_pairs(codes, counts, left, right)
    each = _pair_ids(len(codes), first, second)
    out: dict[str, pd.DataFrame] = {}
    start = 0
    for list_key, frame in records.items():
        values = pd.Series(each[start : start + len(frame)], index=frame.index, dtype=object)
        out[list_key] = frame.assign(**{KEYS: values})
        start += len(frame)
    notes = []
    if dropped:
        notes.append(
            f"order-free name keys: {dropped:,} shared by more than {cap:,} records left out "
            f"(the rest give at most {limit:,} pairs)"
        )
    return out, len(first), notes


def count_pairs(frames: Sequence[pd.DataFrame]) -> int:
    """The pairs of records sharing a pair ID of KEYS (each ID is held by two records)."""
    import pandas as pd

    ids = pd.concat([frame[KEYS] for frame in frames], ignore_index=True).explode().dropna()
    return int((ids.value_counts() == 2).sum())


def _keys_of(names: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each distinct name's keys as (name, key hash, whether the key is the whole name) rows;
    Python's string hash, the same for the same text within a run (as `order.text_hash`)."""
    import numpy as np

    each = [[hash(key) for key in name_keys(sorted_name(name))] for name in names]
    sizes = np.fromiter((len(found) for found in each), dtype=np.int64, count=len(each))
    owner = np.repeat(np.arange(len(each), dtype=np.int64), sizes)
    key = np.fromiter((k for found in each for k in found), dtype=np.int64, count=int(sizes.sum()))
    whole = np.zeros(len(key), dtype=bool)
    whole[(np.cumsum(sizes) - sizes)[sizes > 0]] = True  # `name_keys` gives the whole name first
    return owner, key, whole


def _blocks(
    owner: np.ndarray, key: np.ndarray, whole: np.ndarray, counts: np.ndarray
) -> pd.DataFrame:
    """The keys shared by two names or more, one of which is all of it (a name, and the same
    parts in another order or with one more part): how many records share each, and how many
    pairs of records it gives with a record of that whole name on one side (index: the key)."""
    import pandas as pd

    rows = pd.DataFrame({"key": key, "records": counts[owner], "whole": counts[owner] * whole})
    blocks = rows.groupby("key", sort=False).agg(
        names=("records", "size"), records=("records", "sum"), whole=("whole", "sum")
    )
    blocks = blocks[(blocks["names"] >= 2) & (blocks["whole"] > 0)]
    whole_n, others = blocks["whole"], blocks["records"] - blocks["whole"]
    return blocks.assign(pairs=whole_n * others + whole_n * (whole_n - 1) // 2)


def _largest_within(sizes: np.ndarray, pairs: np.ndarray, limit: int) -> int:
    """The largest block size (records) such that the blocks of that size or less give at most
    `limit` pairs in all (the largest block when they all do; 0 when even the smallest give
    more)."""
    import numpy as np

    if not len(sizes):
        return 0
    order = np.argsort(sizes, kind="stable")
    sizes, total = sizes[order], np.cumsum(pairs[order])
    last = np.r_[sizes[1:] != sizes[:-1], True]  # the last block of each size
    within = sizes[last][total[last] <= limit]
    return int(within[-1]) if len(within) else 0


def _name_pairs(
    owner: np.ndarray, key: np.ndarray, whole: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The distinct pairs of names (lower code first) sharing a key that is the whole of one of
    them: the same parts, or one part more."""
    import duckdb
    import numpy as np
    import pyarrow as pa

    if not len(owner):
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    connection = duckdb.connect()
    try:
        connection.register("t", pa.table({"k": key, "o": owner, "w": whole}))
        found = connection.sql(
            "select distinct least(l.o, r.o) as a, greatest(l.o, r.o) as b from t l join t r "
            "on l.k = r.k where l.w and l.o <> r.o"
        ).to_arrow_table()
    finally:
        connection.close()
    return (
        found.column("a").to_numpy().astype(np.int64),
        found.column("b").to_numpy().astype(np.int64),
    )


def _not_paired_before(
    names: np.ndarray, left: np.ndarray, right: np.ndarray, rules: Sequence[tuple[str, ...]]
) -> tuple[np.ndarray, np.ndarray]:
    """The name pairs no rule made only of name parts pairs (on every column equal, none
    missing): the pairs of their records are made by that rule already."""
    import numpy as np
    import pandas as pd

    columns = {"name_norm": pd.Series(names, dtype=object)}
    columns |= parts_by_position(columns["name_norm"])
    keep = np.ones(len(left), dtype=bool)
    for rule in rules:
        if not rule or not set(rule) <= NAME_COLUMNS:
            continue
        same = np.ones(len(left), dtype=bool)
        for column in rule:
            values = columns[column].to_numpy(dtype=object)
            a, b = values[left], values[right]
            same &= pd.notna(a) & pd.notna(b) & (a == b)
        keep &= ~same
    return left[keep], right[keep]


def _record_pairs(
    codes: np.ndarray, counts: np.ndarray, left: np.ndarray, right: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of records of two names paired (positions in the lists together); `counts`:
    the records of each name."""
    import numpy as np

    named = np.flatnonzero(codes >= 0)
    order = named[np.argsort(codes[named], kind="stable")]  # records by name
    starts = np.r_[0, np.cumsum(counts)[:-1]]
    sizes = counts[left] * counts[right]
    pair = np.repeat(np.arange(len(left)), sizes)
    within = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    width = counts[right][pair]
    first = order[starts[left][pair] + within // np.maximum(width, 1)]
    second = order[starts[right][pair] + within % np.maximum(width, 1)]
    return first, second


def _pair_ids(records: int, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """For each record, the IDs of its pairs (an array), or None."""
    import numpy as np

    each = np.full(records, None, dtype=object)
    if not len(first):
        return each
    ids = np.arange(len(first), dtype=np.int64)
    holder = np.concatenate([first, second])
    held = np.concatenate([ids, ids])
    order = np.argsort(holder, kind="stable")
    holder, held = holder[order], held[order]
    starts = np.flatnonzero(np.r_[True, holder[1:] != holder[:-1]])
    chosen = np.empty(len(starts), dtype=object)
    chosen[:] = np.split(held, starts[1:])
    each[holder[starts]] = chosen
    return each
