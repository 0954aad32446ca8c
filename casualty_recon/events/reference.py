"""`Reference`: what an event dataset says for one claim's scope, and how the claim compares.

Renderer-neutral: plain values, no formatting beyond the one-line `sentence`. The comparison is
of the claim's figure (an interval, open above for a floor) against the reference range (low to
high where the dataset has them, else its best figure):

- `above`: the claim's lowest reading is higher than the reference's highest;
- `below`: the claim's highest reading is lower than the reference's lowest;
- `inside`: the two overlap (a floor overlaps every range whose top reaches it).

`comparison` is None when the dataset cannot give a figure for the claim's scope: no figure for
its population, no usable events, or only events in scope that lack the figure.

The sentence words the comparison for what the claim's figure says (`relation_text`): a floor
("at least 400") whose bound is under the range overlaps it, but it is said as "the claim's floor
'at least 400' is below this range, which a floor allows", not as "inside"; likewise a ceiling
("up to 300") whose bound is over the range.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from casualty_recon.analysis.ranges import CEILINGS, Comparison, compare, relation_text

COMPARISONS: tuple[str, ...] = ("inside", "above", "below")
__all__ = ["CEILINGS", "COMPARISONS", "Comparison", "Reference", "compare", "relation_text"]


@dataclass(frozen=True, slots=True)
class Reference:
    claim_id: str
    kind: str
    dataset: str
    path: str
    # What was summed: population and outcome of the claim, and the dataset's figure for it.
    population: str
    outcome: str
    measure: str | None
    window_start: dt.date | None
    window_end: dt.date | None
    area: tuple[str, ...]
    perpetrators: tuple[str, ...] | None
    grades: tuple[str, ...] | None
    low: int | None
    best: int | None
    high: int | None
    events: int
    claim_low: int
    claim_high: int | None
    claim_text: str
    comparison: Comparison | None
    sentence: str
    rule: str
    # Rows of this claim's scope left out, by reason (each row counted once, first reason).
    excluded: dict[str, int] = field(default_factory=dict)
    # Rows of the whole file that could not be read, by reason (they could belong to any claim).
    unreadable: dict[str, int] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def skipped(self) -> dict[str, int]:
        """Every row left out, by reason: this claim's exclusions, then the file's unreadable
        rows (marked `in the file`)."""
        merged = dict(self.excluded)
        for reason, count in self.unreadable.items():
            merged[f"{reason} (in the file)"] = count
        return merged

    @property
    def reference_range(self) -> tuple[int, int] | None:
        bottom = self.low if self.low is not None else self.best
        top = self.high if self.high is not None else self.best
        if bottom is None or top is None:
            return None
        return bottom, top

    def to_dict(self) -> dict[str, object]:
        return {
            "claim": self.claim_id,
            "kind": self.kind,
            "dataset": self.dataset,
            "file": self.path,
            "population": self.population,
            "outcome": self.outcome,
            "measure": self.measure,
            "window_start": self.window_start.isoformat() if self.window_start else None,
            "window_end": self.window_end.isoformat() if self.window_end else None,
            "area": list(self.area),
            "perpetrators": list(self.perpetrators) if self.perpetrators is not None else None,
            "grades": list(self.grades) if self.grades is not None else None,
            "low": self.low,
            "best": self.best,
            "high": self.high,
            "events": self.events,
            "claim_low": self.claim_low,
            "claim_high": self.claim_high,
            "claim_figure": self.claim_text,
            "comparison": self.comparison,
            "sentence": self.sentence,
            "rule": self.rule,
            "excluded": dict(self.excluded),
            "unreadable": dict(self.unreadable),
            "notes": list(self.notes),
        }


def number(value: int) -> str:
    return f"{value:,}"


def range_text(low: int | None, best: int | None, high: int | None) -> str:
    """`612 to 987 (best 700)`, `612 to 987`, `700`, or `no figure`."""
    if low is not None and high is not None:
        text = number(low) if low == high else f"{number(low)} to {number(high)}"
        if best is not None and not low == best == high:
            text += f" (best {number(best)})"
        return text
    if best is not None:
        return number(best)
    return "no figure"


def join_names(names: list[str] | tuple[str, ...]) -> str:
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
