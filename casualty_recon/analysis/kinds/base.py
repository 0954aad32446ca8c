"""What a difference kind is: one entry of the registry, declared by one module of this package.

A kind module defines `KIND = Kind(...)`: its catalogue text (title, description, when it pushes A
above B), its place in the report and the waterfall (`order`), whether it can close a residual
(`closes`: a quantifiable difference whose break-even the report gives), whether assumptions may
target it and how (`assumable`: "rate" for a daily rate, "ratio" for from/to/ratio), its sentence
template and `detect`, which finds the difference in a pair and sizes it where the evidence
allows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from casualty_recon.analysis.evidence import Evidence
from casualty_recon.analysis.results import Found
from casualty_recon.analysis.scope import ScopeRelations
from casualty_recon.model.claims import Claim
from casualty_recon.model.spans import Span


@dataclass(frozen=True, slots=True)
class Pair:
    """One pair under explanation, with the file's evidence: what `detect` receives."""

    a: Claim
    b: Claim
    gap: Span
    relations: ScopeRelations
    evidence: Evidence


Detect = Callable[[Pair], list[Found]]


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    title: str
    description: str
    pushes_up_when: str
    template: str
    order: int
    detect: Detect
    closes: bool = False
    assumable: Literal["rate", "ratio"] | None = None
    # Whether the difference can be why two figures differ; False for one that describes the
    # figures (their bounds, a stale relay, a revision): never "the one that matters most".
    cause: bool = True
