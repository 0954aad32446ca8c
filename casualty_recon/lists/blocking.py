"""Which pairs of records the model scores: blocking rules within a budget of comparisons, and
the sample the model is trained on when the lists are large (issue 14 part 5).

The rules (`candidate_rules`) pair records that agree exactly on the whole normalised name, the
cross-script skeleton, two or three name parts, the date of birth or the date of birth with day
and month swapped, and last two names with the same parts in another order or one with a part more
(`orderfree.py`: the parts sorted, and sorted with one left out), so that names in another order or
with a part dropped meet.
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

from casualty_recon.lists.orderfree import KEY, WHOLE, with_order_free_key

if TYPE_CHECKING:
    import pandas as pd

BUDGET_FLOOR = 1_000_000
BUDGET_PER_RECORD = 10
TRAIN_RECORDS = 200_000
PARTS = ("first", "family", "father", "grand")

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
    if WHOLE in columns:  # the order-free keys (`orderfree`): the same parts, one part more
        rules.append(((WHOLE,), False))
    if KEY in columns:
        rules.append(((KEY,), False))
    return rules


def comparisons(frames: Sequence[pd.DataFrame], rule: Rule) -> int:
    """How many pairs the rule gives across and within the lists (before any filter)."""
    import pandas as pd

    columns, swapped = rule
    every = pd.concat([frame[list(columns)] for frame in frames], ignore_index=True)
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


def budget(records: int) -> int:
    """The most pairs one rule may give: BUDGET_FLOOR, or BUDGET_PER_RECORD a record."""
    return max(BUDGET_FLOOR, BUDGET_PER_RECORD * records)


def tighter(rule: Rule, columns: set[str]) -> list[Rule]:
    """The rule with one more name part, for each of the two first parts it lacks."""
    have, swapped = rule
    if KEY in have:  # its keys were chosen within the budget (`orderfree`)
        return []
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


def choose_blocking(
    records: dict[str, pd.DataFrame], columns: set[str]
) -> tuple[dict[str, pd.DataFrame], list[Rule], list[str], int]:
    """The lists with their order-free key (`orderfree.with_order_free_key`, within the
    budget), the rules (`choose_rules`), notes and the pairs the rules give."""
    frames = list(records.values())
    records, dropped = with_order_free_key(records, budget(sum(len(frame) for frame in frames)))
    frames = list(records.values())
    columns = columns | {KEY}
    chosen, notes, counted = choose_rules(frames, columns)
    return records, chosen, [*dropped, *notes], counted


def describe(rule: Rule) -> str:
    columns, swapped = rule
    names = ["dob swapped" if swapped and c == "dob" else c for c in columns]
    return "+".join(names)


def to_splink(rule: Rule) -> list[Any]:
    """The rule as Splink takes it: `block_on` or SQL both engines read (a list of one)."""
    from splink import block_on

    columns, swapped = rule
    if not swapped:
        return [block_on(*columns)]
    rest = [c for c in columns if c != "dob"]
    return [" and ".join(["l.dob = r.dob_swap", *(f"l.{c} = r.{c}" for c in rest)])]


def splink_rules(rules: Sequence[Rule]) -> list[Any]:
    """The rules as Splink takes them, in order (`to_splink`)."""
    return [found for rule in rules for found in to_splink(rule)]


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
