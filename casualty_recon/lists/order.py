"""Name order across two lists: the parts by position, and a list read in the other order.

The model compares names part by part by position (first, father, grandfather, family name: the
order of Arabic names, and of most lists that write the given name first). A list may write the
family name first ("Kovalenko Ivan Petrovych" where the other list has "Ivan Petrovych
Kovalenko"), as Ukrainian, Russian, Hungarian, Vietnamese, Chinese and Korean official lists do;
then every part by position disagrees. A family name in upper case is moved last when the names
are prepared (`names.family_last`); for the rest, the two lists say it themselves: a record whose
first part the other list writes (nearly) only last, and whose last part it does not, is in the
other order (the last part of "Kovalenko Ivan Petrovych", a patronymic, is not last in
the other list). When at least MIN_SHARE of a list's records are, the list is read
in the other order: those records' first part is moved last (one list only, the one with the
larger share: the two lists then agree). Lists whose parts take either place (two-part names
made of given names, "Mohamed Abdi" and "Abdi Mohamed") are left as they are; their parts in
any order are compared by the whole-name comparison and blocked by the order-free keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

MIN_SHARE = 0.1  # of a list's records in the other order, for the list to be read that way
RATIO = 4  # a part is "(nearly) only last" when written last at least this many times as often


def parts_by_position(norm: pd.Series) -> dict[str, pd.Series]:
    """first, father, grand and family from the normalised names (the Arabic order: a second
    part is a father's name only when there are three, a third a grandfather's when four)."""
    parts = norm.str.split()
    counts = parts.str.len()
    return {
        "first": parts.str[0],
        "family": parts.str[-1].where(counts >= 2),
        "father": parts.str[1].where(counts >= 3),
        "grand": parts.str[2].where(counts >= 4),
    }


def _family_first(frame: pd.DataFrame, other: pd.DataFrame) -> pd.Series:
    """The records of `frame` written family name first against `other`: their first part is
    (nearly) only last in `other`, and their last part is not (a given name, a patronymic)."""
    first = other["first"].where(other["family"].notna()).value_counts()
    last = other["family"].value_counts()

    def count(counts: pd.Series, values: pd.Series) -> pd.Series:
        return values.map(counts).astype(float).fillna(0)

    head, tail = frame["first"], frame["family"]
    head_last = count(last, head) >= RATIO * count(first, head) + 1
    tail_last = count(last, tail) >= RATIO * count(first, tail) + 1
    return (head_last & ~tail_last & tail.notna()).fillna(False).astype(bool)


def orient(records: dict[str, pd.DataFrame]) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """The two lists with the one written in the other order turned (its records in that order
    have their first part moved last), and a note saying so; the lists as they are otherwise."""
    keys = list(records)
    if len(keys) != 2:
        return records, []
    a, b = (records[key] for key in keys)
    flagged = {keys[0]: _family_first(a, b), keys[1]: _family_first(b, a)}
    shares = {key: float(flags.mean()) if len(flags) else 0.0 for key, flags in flagged.items()}
    turn = max(keys[::-1], key=lambda key: shares[key])  # the second list on a tie
    if shares[turn] < MIN_SHARE:
        return records, []
    frame = records[turn].copy()
    rows = flagged[turn]
    turned = _first_last(frame["name_norm"], rows)
    frame["name_norm"] = turned.astype(frame["name_norm"].dtype)
    frame["name_hash"] = text_hash(turned)
    for column, values in parts_by_position(turned).items():
        frame[column] = values.astype(frame[column].dtype)
    frame["skeleton"] = _first_last(frame["skeleton"], rows).astype(frame["skeleton"].dtype)
    note = (
        f"{turn}: {int(rows.sum()):,} of {len(frame):,} names read family name first "
        f"(their first part is last in the other list): first part moved last"
    )
    return {**records, turn: frame}, [note]


def _first_last(names: pd.Series, rows: pd.Series) -> pd.Series:
    """The names (as objects) with the first word moved last in `rows`."""
    names = names.astype(object)
    moved = names[rows & names.notna()].str.split().map(lambda w: " ".join([*w[1:], w[0]]))
    names.loc[moved.index] = moved
    return names


def text_hash(values: pd.Series) -> pd.Series:
    """A 64-bit hash of each text (missing where the text is missing or empty): two texts are
    compared by their hashes where only equality matters. Python's own string hash: fast, and
    the same for the same text within one run (all that linking two lists needs)."""
    import numpy as np
    import pandas as pd

    text = values.astype(object).fillna("")
    hashed = np.fromiter((hash(t) for t in text), dtype=np.int64, count=len(text))
    empty = (text == "").to_numpy(dtype=bool)
    return pd.Series(hashed, index=values.index, dtype="Int64").mask(empty)
