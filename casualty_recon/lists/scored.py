"""The scored pairs of a linkage as two tables: across the two lists (row_a, row_b, oriented from
the first list to the second) and within each list (list, row_l < row_r), each with its match
probability and its match weights (`mw_*`, float32) from which `Linkage` writes the evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


def scored_duckdb(
    db_api: Any, table: str, keys: tuple[str, ...], weights: list[str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`_split` done in DuckDB: the pairs across the lists (oriented A to B) and within them,
    only the columns kept, match weights as float32, read through Arrow (no text column):
    not every intermediate column of millions of pairs in pandas."""
    mw = [f"cast({w} as float) as {w}" for w in weights]
    across = ", ".join(
        [
            "case when source_dataset_l = 'list_0' then row_l else row_r end as row_a",
            "case when source_dataset_l = 'list_0' then row_r else row_l end as row_b",
            "match_probability as probability",
            *mw,
        ]
    )
    side = "case when source_dataset_l = 'list_0' then 0 else 1 end"
    within = ", ".join(
        [
            f"{side} as side",
            "least(row_l, row_r) as row_l",
            "greatest(row_l, row_r) as row_r",
            "match_probability as probability",
            *mw,
        ]
    )
    connection = db_api._con

    def read(sql: str) -> pd.DataFrame:
        return connection.sql(sql).to_arrow_table().to_pandas()

    pairs = read(f"select {across} from {table} where source_dataset_l <> source_dataset_r")
    found = read(f"select {within} from {table} where source_dataset_l = source_dataset_r")
    found.insert(0, "list", found.pop("side").map(dict(enumerate(keys))))
    return pairs, found.sort_values(["list", "row_l", "row_r"]).reset_index(drop=True)


def split_scored(
    scored: pd.DataFrame, keys: tuple[str, ...], weights: list[str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Pairs across the lists (as row_a, row_b) and within them, each with its probability and
    its match weights (`mw_*`, float32), from which `Linkage` writes the evidence."""
    import numpy as np
    import pandas as pd

    if "source_dataset_l" not in scored.columns:
        scored = scored.assign(source_dataset_l="list_0", source_dataset_r="list_0")
    weights = [w for w in weights if w in scored.columns]
    number = {f"list_{i}": i for i in range(len(keys))}
    left = scored["source_dataset_l"].map(number)
    right = scored["source_dataset_r"].map(number)
    across = scored[left != right]
    flip = (left[left != right] == 1).to_numpy()
    rows_l = across["row_l"].to_numpy(dtype="int64")
    rows_r = across["row_r"].to_numpy(dtype="int64")
    pairs = pd.DataFrame(
        {
            "row_a": np.where(flip, rows_r, rows_l),
            "row_b": np.where(flip, rows_l, rows_r),
            "probability": across["match_probability"].to_numpy(dtype=float),
            **{w: across[w].to_numpy(dtype="float32") for w in weights},
        }
    )
    same = scored[left == right]
    within = pd.DataFrame(
        {
            "list": [keys[i] for i in left[left == right]],
            "row_l": np.minimum(same["row_l"].to_numpy(dtype="int64"), same["row_r"]),
            "row_r": np.maximum(same["row_l"].to_numpy(dtype="int64"), same["row_r"]),
            "probability": same["match_probability"].to_numpy(dtype=float),
            **{w: same[w].to_numpy(dtype="float32") for w in weights},
        }
    )
    within = within.sort_values(["list", "row_l", "row_r"]).reset_index(drop=True)
    return pairs, within
