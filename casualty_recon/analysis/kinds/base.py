"""What a difference kind is: one entry of the registry, declared by one module of this package.

A kind module defines `KIND = Kind(...)`: its catalogue text (title, description, when it pushes A
above B), its place in the report and the waterfall (`order`), whether it can close a residual
(`closes`: a quantifiable difference whose break-even the report gives), whether assumptions may
target it and how (`assumable`: "rate" for a daily rate, "ratio" for from/to/ratio, with
`matches` to tell which claims a from/to value names), its sentence
template and `detect`, which finds the difference in a pair and sizes it where the evidence
allows.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Literal, NamedTuple

from casualty_recon.analysis.evidence import Evidence, Match
from casualty_recon.analysis.results import Difference, Found, stated
from casualty_recon.analysis.scope import ScopeRelations
from casualty_recon.model.claims import Claim
from casualty_recon.model.spans import INF, Span


class Pair(NamedTuple):
    """One pair under explanation, with the file's evidence: what `detect` receives."""

    a: Claim
    b: Claim
    gap: Span
    relations: ScopeRelations
    evidence: Evidence


Detect = Callable[[Pair], list[Found]]


class Closing(NamedTuple):
    """What a break-even is worked out from: a difference the waterfall could not size, its
    pair, and b once every quantified effect is applied (`adjusted`)."""

    evidence: Evidence
    difference: Difference
    a: Claim
    b: Claim
    adjusted: Span

    @property
    def residual(self) -> Span:
        """a less adjusted b."""
        return stated(self.a) - self.adjusted

    @property
    def need(self) -> float:
        """How far adjusted b is from a: the end of the residual to close (positive: b must
        rise)."""
        residual = self.residual
        return residual.low if residual.low > 0 else residual.high

    @property
    def multiplier(self) -> float | None:
        """The factor adjusted b must be scaled by to reach a; None when no factor can."""
        target = stated(self.a)
        if self.residual.low > 0:
            factor = target.low / self.adjusted.high if self.adjusted.high > 0 else INF
        else:
            factor = target.high / self.adjusted.low if self.adjusted.low > 0 else 0.0
        return None if math.isinf(factor) or factor <= 0 else factor


# The value of a difference that would close the residual alone, in words (None: no value can).
BreakEven = Callable[[Closing], str | None]


class Kind(NamedTuple):
    """A kind's entry (a named tuple, not a dataclass: twelve of them are made at every start;
    `kind._replace(order=...)` gives a changed copy)."""

    name: str
    title: str
    description: str
    pushes_up_when: str
    template: str
    order: int
    detect: Detect
    closes: bool = False
    assumable: Literal["rate", "ratio"] | None = None
    # With `assumable="ratio"`: whether an assumption's from/to value names a claim's value on
    # this kind (the registry refuses a ratio kind without one).
    matches: Match | None = None
    # With `closes`: the difference's break-even, the value that would close the residual alone.
    break_even: BreakEven | None = None
    # Whether the difference can be why two figures differ; False for one that describes the
    # figures (their bounds, a stale relay, a revision): never "the one that matters most".
    cause: bool = True
