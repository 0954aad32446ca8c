"""The evidence of a linked pair in words: each comparison's level and match weight,
`first: exact (+6.1); dob: day and month swapped (+3.2); ...`.

Splink gives each scored pair a match weight per comparison (`mw_<column>`, kept with the pairs);
the level is the one of the trained model with that weight. A comparison in Splink's null level
weighs 0 and is left out: a value missing on either side, or a name part of two names with the
same parts in another order (`comparisons.settings`). Those are read from the two records, not
from the weight: a level whose m equals its u also weighs 0, and a pair without a birth date
would otherwise read `dob: day and month swapped (+0.0)`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from casualty_recon.lists.comparisons import PART_COLUMNS

if TYPE_CHECKING:
    import pandas as pd


def evidence_texts(
    frame: pd.DataFrame,
    model: Mapping[str, Any],
    records: Mapping[str, pd.DataFrame],
    keys: tuple[str, ...],
) -> Any:
    """One text per pair of `frame` (across: row_a, row_b; within: list, row_l, row_r)."""
    import numpy as np

    weights = level_weights(model)
    null = _null_levels(frame, [column for column, _ in weights], records, keys)
    texts = np.full(len(frame), "", dtype=object)
    for column, levels in weights:
        if f"mw_{column}" not in frame.columns or not levels:
            continue
        mw = frame[f"mw_{column}"].to_numpy(dtype=float)
        table = np.array([w for _, w in levels])
        names = np.array([name for name, _ in levels], dtype=object)
        nearest = np.abs(mw[:, None] - table[None, :]).argmin(axis=1)
        known = np.abs(mw - table[nearest]) < 1e-3  # float32 weights; levels lie far apart
        known &= ~null.get(column, np.zeros(len(frame), dtype=bool))
        signs = np.where(mw >= 0, "+", "")
        part = (
            f"{column}: "
            + names[nearest].astype(str)
            + " ("
            + signs.astype(object)
            + np.char.mod("%.1f", mw).astype(object)
            + ")"
        )
        texts = np.where(known, texts + np.where(texts == "", "", "; ") + part, texts)
    return texts


def level_weights(model: Mapping[str, Any]) -> list[tuple[str, list[tuple[str, float]]]]:
    """Each comparison's levels but the null ones as (label, match weight), from the model."""
    import math

    out = []
    for comparison in model.get("comparisons", []):
        levels = []
        for level in comparison["comparison_levels"]:
            if level.get("is_null_level"):
                continue
            m, u = level.get("m_probability"), level.get("u_probability")
            weight = math.log2(m / u) if m and u else 0.0
            label = level.get("label_for_charts", "")
            levels.append(("different" if label == "All other comparisons" else label, weight))
        out.append((comparison["output_column_name"], levels))
    return out


def _null_levels(
    frame: pd.DataFrame,
    columns: list[str],
    records: Mapping[str, pd.DataFrame],
    keys: tuple[str, ...],
) -> dict[str, Any]:
    """Per compared column, the pairs in its null level (see the module): from the records."""
    import numpy as np

    left, right = _sides(frame, records, keys)
    if left is None or right is None:
        return {}
    out: dict[str, Any] = {}
    for column in columns:
        if column in left.columns and column in right.columns:
            out[column] = (left[column].isna() | right[column].isna()).to_numpy(dtype=bool)
    if {"parts_hash", "name_hash"} <= set(left.columns) & set(right.columns):
        same = left["parts_hash"].to_numpy() == right["parts_hash"].to_numpy()
        order = left["name_hash"].to_numpy() != right["name_hash"].to_numpy()
        reordered = np.asarray(same & order, dtype=bool)
        for column in PART_COLUMNS:
            if column in out:
                out[column] = out[column] | reordered
    return out


def _sides(
    frame: pd.DataFrame, records: Mapping[str, pd.DataFrame], keys: tuple[str, ...]
) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """The two records of each pair, aligned with `frame` (None where the records are not
    at hand)."""
    import pandas as pd

    def rows(key: str, wanted: pd.Series) -> pd.DataFrame:
        table = records[key].drop_duplicates("row").set_index("row")
        return table.reindex(wanted.to_numpy()).reset_index(drop=True)

    if not all(key in records for key in keys):
        return None, None
    if {"row_a", "row_b"} <= set(frame.columns) and len(keys) == 2:
        return rows(keys[0], frame["row_a"]), rows(keys[1], frame["row_b"])
    if {"list", "row_l", "row_r"} <= set(frame.columns):
        lefts, rights, order = [], [], []
        for key in keys:
            mine = frame.index[frame["list"] == key]
            lefts.append(rows(key, frame.loc[mine, "row_l"]))
            rights.append(rows(key, frame.loc[mine, "row_r"]))
            order.extend(frame.index.get_indexer(mine))
        back = pd.Series(range(len(order)), index=order).sort_index().to_numpy()
        left = pd.concat(lefts, ignore_index=True).iloc[back].reset_index(drop=True)
        right = pd.concat(rights, ignore_index=True).iloc[back].reset_index(drop=True)
        return left, right
    return None, None
