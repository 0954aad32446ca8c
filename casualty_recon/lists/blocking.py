"""Which pairs of records the model scores: blocking rules within a budget of comparisons, and
the sample the model is trained on when the lists are large (issue 14 part 5).

The rules (`candidate_rules`) pair records that agree exactly on the whole normalised name, the
cross-script skeleton, two or three name parts, the date of birth or the date of birth with day
and month swapped, and last records sharing one of the name's order-free keys (`KEYS`: its parts
sorted, and sorted with one left out), so names in another order or with a part dropped meet.
Rules whose key has few values (a date of birth, a first and a father's name) give blocks
that grow with the square of the lists: a few per record on 30,000 records, hundreds on a
million. So each rule's comparisons are counted first (cheaply, from the sizes of its
blocks), and a rule that gives more than its budget (`budget`: BUDGET_FLOOR, or
BUDGET_PER_RECORD per record when that is more) is replaced by tighter ones, each adding a name
part it does not have. On lists the size of the Gaza releases every rule stays as it is.

Training by EM blocks on the date of birth and on first and family name: on a million records
that alone is over a hundred million pairs. Above TRAIN_RECORDS the model is trained on the
records whose family name falls in a hashed subset of family names (a person keeps a family name
across lists, so matches stay together and the sample keeps their density); the chance that two
random records match and the u values are then estimated again on all the records.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

BUDGET_FLOOR = 1_000_000
BUDGET_PER_RECORD = 10
TRAIN_RECORDS = 200_000
PARTS = ("first", "family", "father", "grand")
# The order-free keys of a name (`names.name_keys`), a list per record: a rule on it pairs records
# sharing any key. Splink explodes it; such a rule must come last (Splink does not take the pairs
# of an exploded rule out of the rules after it), so there is at most one, the last.
KEYS = "name_keys"

# A rule: the columns records must share, and whether the date of birth is compared with the
# other record's day-and-month-swapped date of birth.
Rule = tuple[tuple[str, ...], bool]


def candidate_rules(columns: set[str]) -> list[Rule]:
    """The rules for the columns every list has, from the most specific."""
    rules: list[Rule] = [(("name_norm",), False), (("first", "family"), False)]
    rules.append((("skeleton",), False))
    if "dob" in columns:
        rules += [(("dob",), False), (("dob",), True), (("father", "grand", "family"), False)]
        rules += [(("first", "father", "grand"), False), (("first", "father", "sex"), False)]
    else:
        rules += [(("father", "family"), False)]
    if KEYS in columns:
        rules.append(((KEYS,), False))
    return rules


def comparisons(frames: Sequence[pd.DataFrame], rule: Rule) -> int:
    """How many pairs the rule gives across and within the lists (before any filter)."""
    import pandas as pd

    columns, swapped = rule
    every = pd.concat([frame[list(columns)] for frame in frames], ignore_index=True)
    if KEYS in columns:
        return _exploded_pairs(every, columns)
    if not swapped:
        sizes = every.dropna().value_counts()
        return int((sizes * (sizes - 1) // 2).sum())
    rest = [c for c in columns if c != "dob"]
    swaps = pd.concat([frame[["dob_swap", *rest]] for frame in frames], ignore_index=True)
    left = every.dropna().value_counts()
    right = swaps.dropna().value_counts()
    right.index = right.index.set_names(left.index.names)
    both = left.to_frame("l").join(right.to_frame("r"), how="inner")
    ordered = int((both["l"] * both["r"]).sum())
    # A record whose day is its month meets itself; every other pair meets both ways round
    # (swapping is its own inverse), and Splink scores a pair once.
    itself = pd.concat(
        [frame[["dob", "dob_swap", *rest]].dropna() for frame in frames], ignore_index=True
    )
    return (ordered - int((itself["dob"] == itself["dob_swap"]).sum())) // 2


def _exploded_pairs(every: pd.DataFrame, columns: tuple[str, ...]) -> int:
    """The pairs of records sharing any of their keys (and the rule's other columns): each
    pair once, however many keys it shares; the bound from the blocks' sizes (a pair counted
    once a key it shares) when that is too many pairs to list."""
    import numpy as np
    import pandas as pd

    exploded = every.reset_index(names="record").explode(KEYS).dropna()
    if exploded.empty:
        return 0
    groups = exploded.groupby(list(columns), sort=False, observed=True)["record"]
    sizes = groups.size()
    bound = int((sizes * (sizes - 1) // 2).sum())
    if bound > 20 * BUDGET_FLOOR:
        return bound
    block = groups.ngroup().to_numpy()
    record = exploded["record"].to_numpy()
    found = pd.DataFrame({"block": block, "record": record})
    pairs = found.merge(found, on="block")
    pairs = pairs[pairs["record_x"] < pairs["record_y"]]
    codes = pairs["record_x"].to_numpy(dtype=np.int64) * (len(every) + 1) + pairs["record_y"]
    return int(pd.unique(codes.to_numpy()).size)


def budget(records: int) -> int:
    """The most pairs one rule may give: BUDGET_FLOOR, or BUDGET_PER_RECORD a record."""
    return max(BUDGET_FLOOR, BUDGET_PER_RECORD * records)


def tighter(rule: Rule, columns: set[str]) -> list[Rule]:
    """The rule with one more name part, for each of the two first parts it lacks."""
    have, swapped = rule
    extra: list[str]
    if KEYS in have:  # one exploded rule only (see KEYS): tightened by sex, then the age
        extra = [str(c) for c in ("sex", "age") if c not in have and c in columns][:1]
    else:
        extra = [part for part in PARTS if part not in have and part in columns][:2]
    return [((*have, part), swapped) for part in extra]


def choose_rules(
    frames: Sequence[pd.DataFrame], columns: set[str]
) -> tuple[list[Rule], list[str], int]:
    """The candidate rules, each within the budget of pairs or replaced by tighter ones (again
    while they pass it, up to four columns), notes of what was tightened, and the pairs the
    chosen rules give (each rule's count, summed: 0 when no rule pairs any two records)."""
    limit = budget(sum(len(frame) for frame in frames))
    chosen: list[Rule] = []
    notes: list[str] = []
    counted = 0
    waiting = candidate_rules(columns)
    while waiting:
        rule = waiting.pop(0)
        if rule in chosen:
            continue
        count = comparisons(frames, rule)
        replacements = tighter(rule, columns) if len(rule[0]) < 4 else []
        if count <= limit or not replacements:
            chosen.append(rule)
            counted += count
            continue
        notes.append(
            f"blocking on {describe(rule)} gives {count:,} pairs (over {limit:,}): "
            f"{' and '.join(describe(r) for r in replacements)} instead"
        )
        waiting[0:0] = replacements
    return chosen, notes, counted


def describe(rule: Rule) -> str:
    columns, swapped = rule
    names = ["dob swapped" if swapped and c == "dob" else c for c in columns]
    return "+".join(names)


def to_splink(rule: Rule) -> Any:
    """The rule as Splink takes it: `block_on` or SQL both engines read."""
    from splink import block_on

    columns, swapped = rule
    if KEYS in columns:
        return block_on(*columns, arrays_to_explode=[KEYS])
    if not swapped:
        return block_on(*columns)
    rest = [c for c in columns if c != "dob"]
    return " and ".join(["l.dob = r.dob_swap", *(f"l.{c} = r.{c}" for c in rest)])


def training_sample(
    records: Mapping[str, pd.DataFrame], limit: int | None = None
) -> tuple[dict[str, pd.DataFrame], float] | None:
    """The records whose family name hashes into a subset sized for about `limit` records in
    all (TRAIN_RECORDS), and the share of the records kept; None when the lists are within
    the limit."""
    import numpy as np

    limit = TRAIN_RECORDS if limit is None else limit
    total = sum(len(frame) for frame in records.values())
    if total <= limit:
        return None
    buckets = 1024
    keep = max(1, int(buckets * limit / total))
    out = {}
    for key, frame in records.items():
        family = frame["family"].fillna(frame["first"]).fillna("").astype(str)
        hashed = np.fromiter(
            (zlib.crc32(value.encode("utf-8")) % buckets for value in family),
            dtype=np.int64,
            count=len(family),
        )
        out[key] = frame[hashed < keep].reset_index(drop=True)
    kept = sum(len(frame) for frame in out.values())
    return out, kept / total
