"""The order-free blocking key of names: one integer column per record, within the budget.

Two names with the same parts in another order share `parts_hash` (the parts sorted, hashed:
`link.prepare`), and a rule on it pairs them. A name with one part more than another (a second
given name, a maternal surname, a patronymic, a grandfather's name the other list drops) is
paired by KEY: a name whose whole (its parts sorted) is another name with one part left out
keeps that whole as its key; that other, longer name keeps as its key its parts sorted with that
part left out (`names.name_keys`), the first such when several are (the shorter side wins when a
name is both). So `Juan Díaz Castaño` and `Juan Carlos Díaz Castaño` share a key, and a rule on
KEY pairs them; names with a part more of the same shorter name also meet each other.

Why one column: a first version gave each record all its keys (its parts sorted, and sorted
with each part left out) as an array, exploded by Splink. It paired names of the same length
differing in one part too (nearly all namesakes: 650,000 of 684,000 such pairs on two synthetic
100,000-record lists), and, with an exploded rule among its rules, Splink groups every blocked
pair to drop repeats: DuckDB ran out of memory on two million-record lists. A column per drop
key instead (two joins each, of the whole lists) cost 80 MB a column at 100,000 records. What a
single key gives up: a name with a part more of two different names meets only the first, and
names that each dropped a different part do not meet by name order (the positional rules may
still pair them).

Budget: a key shared by n records gives n(n-1)/2 pairs. When the keys give more than the
blocking budget (`blocking.budget`) in all, the keys of the largest blocks are left out, largest
first, until they do not; a note says how many. Such keys are names shared by hundreds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casualty_recon.lists.names import name_keys

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

WHOLE = "parts_hash"
KEY = "order_free"  # the column: a record's order-free key (see the module), or missing


def with_order_free_key(
    records: dict[str, pd.DataFrame], limit: int
) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """The lists with the KEY column (see the module), and a note when keys of the largest
    blocks were left out for the budget."""
    import numpy as np
    import pandas as pd

    frames = list(records.values())
    ordered = pd.concat([frame["name_norm"] for frame in frames], ignore_index=True)
    codes, names = pd.factorize(ordered.astype(object))
    if not len(names):  # no record has a name
        empty = {
            key: frame.assign(**{KEY: pd.Series(pd.NA, index=frame.index, dtype="Int64")})
            for key, frame in records.items()
        }
        return empty, []
    keys = [name_keys(" ".join(sorted(str(name).split()))) for name in names]
    width = max((len(found) - 1 for found in keys), default=0)
    whole_of = np.fromiter((hash(found[0]) for found in keys), dtype=np.int64, count=len(keys))
    table = np.zeros((len(names), max(width, 1)), dtype=np.int64)
    present = np.zeros((len(names), max(width, 1)), dtype=bool)
    sizes = np.fromiter((len(found) - 1 for found in keys), dtype=np.int64, count=len(keys))
    flat = np.fromiter((hash(k) for found in keys for k in found[1:]), dtype=np.int64)
    rows = np.repeat(np.arange(len(keys)), sizes)
    places = np.arange(len(flat)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    table[rows, places] = flat
    present[rows, places] = True
    # A drop key no name has as its whole pairs nothing: left out (most of them).
    present &= np.isin(table, whole_of)
    named = codes >= 0
    counts = np.bincount(codes[named], minlength=len(names))
    whole = pd.Series(np.repeat(whole_of, counts))
    kept, dropped, cap = _within_budget(whole, table, present, counts, limit)
    present &= kept
    shorter = np.isin(whole_of, table[present])  # the whole of a name one part longer
    first = present.argmax(axis=1)
    longer = present.any(axis=1) & ~shorter
    chosen = np.where(shorter, whole_of, table[np.arange(len(names)), first])
    has = shorter | longer
    out: dict[str, pd.DataFrame] = {}
    start = 0
    for list_key, frame in records.items():
        mine = codes[start : start + len(frame)]
        start += len(frame)
        safe = np.maximum(mine, 0)
        values = pd.Series(chosen[safe], index=frame.index, dtype="Int64")
        out[list_key] = frame.assign(**{KEY: values.where((mine >= 0) & has[safe])})
    notes = []
    if dropped:
        notes.append(
            f"order-free name keys: {dropped:,} shared by more than {cap:,} records left out "
            f"(the rest give at most {limit:,} pairs)"
        )
    return out, notes


def _within_budget(
    whole: pd.Series, table: np.ndarray, present: np.ndarray, counts: np.ndarray, limit: int
) -> tuple[np.ndarray, int, int]:
    """Which drop keys of each name are kept (a mask like `table`), how many keys were left out
    and the largest block kept."""
    import numpy as np
    import pandas as pd

    keys = pd.Series(table[present])
    records = pd.Series(np.broadcast_to(counts[:, None], table.shape)[present])
    part = records.groupby(keys.to_numpy()).sum()
    both = part.to_frame("p").join(whole.dropna().value_counts().to_frame("w"), how="inner")
    pairs = (both["p"] + both["w"]) * (both["p"] + both["w"] - 1) // 2  # the most a block gives
    if int(pairs.sum()) <= limit:
        return np.ones_like(present), 0, int((both["p"] + both["w"]).max()) if len(both) else 0
    sizes = (both["p"] + both["w"]).to_numpy()
    order = np.argsort(sizes, kind="stable")
    total = np.cumsum(pairs.to_numpy()[order])
    last = np.r_[sizes[order][1:] != sizes[order][:-1], True]
    within = sizes[order][last][total[last] <= limit]
    cap = int(within[-1]) if len(within) else 0
    over = both.index[sizes > cap].to_numpy()
    return ~np.isin(table, over), len(over), cap
