"""What the linkage of two named-victim lists says about a pair of claims backed by them: the
plain counts the `records` difference reads (issue 14).

The engine cannot link lists itself (linkage is `casualty_recon.lists`, a sibling of analysis,
and takes seconds): whoever builds the engine passes a `RecordLinks` function, which returns,
for two claims that each say `list: KEY`, how the records of each list stand against the other
claim's list and scope, or None. The CLI's `report` links each pair of lists once per run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from casualty_recon.model.claims import Claim


@dataclass(frozen=True, slots=True)
class RecordCounts:
    """The records of one claim's list (`key`) set against another claim's list (`other_key`)
    and scope. `records` = `in_other` + `outside_window` + `outside_area` + `undocumented`."""

    key: str
    other_key: str
    records: int  # every record of the list
    in_other: int  # linked one to one to a record of the other list
    outside_window: int  # not in the other list and died after its as_of or before its start
    outside_area: int  # not in the other list and died in a place outside its area
    undocumented: int  # not in the other list, yet within its window and area (or not known)
    threshold: float  # the match probability a link needed
    # Whether the list gives what each scope test needs: a date of death and the other claim
    # a known day (window), a place and the other claim a known area (area).
    window_known: bool = False
    area_known: bool = False
    undated: int = 0  # of `undocumented`: no date of death (window known only for the others)
    unplaced: int = 0  # of `undocumented`: no place, or one the gazetteer does not know
    # Of `unplaced`: how many have no place at all; the places written that the gazetteer does
    # not know, the most frequent first (at most three), and how many such places there are.
    placeless: int = 0
    unknown_places: tuple[str, ...] = ()
    unknown_place_count: int = 0

    @property
    def not_in_other(self) -> int:
        return self.records - self.in_other


# (claim x, claim y) -> (x's records against y, y's records against x), or None when the two
# claims are not both backed by lists (or by the same list).
RecordLinks = Callable[[Claim, Claim], tuple[RecordCounts, RecordCounts] | None]
