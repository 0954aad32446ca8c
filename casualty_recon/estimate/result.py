"""What every estimator returns: a point, a 95% interval, and what they imply."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from casualty_recon.model.spans import number

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Estimate", "Estimation", "StratumEstimates"]


@dataclass
class Estimate:
    """One method's estimate of the total population N (documented plus undocumented).

    `draws` holds samples of N (posterior draws, or draws from the sampling distribution the
    interval was built on); strata are summed by adding independent draws.
    """

    method: str
    label: str
    observed: int
    point: float | None = None
    low: float | None = None
    high: float | None = None
    mean: float | None = None
    notes: list[str] = field(default_factory=list)
    diagnostics: dict[str, float] = field(default_factory=dict)
    error: str | None = None
    draws: np.ndarray | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.error is None and self.point is not None

    @property
    def coverage(self) -> float | None:
        """The share of the estimated total that the lists documented."""
        if not self.ok or not self.point:
            return None
        return self.observed / self.point

    @property
    def undocumented(self) -> float | None:
        return None if not self.ok or self.point is None else self.point - self.observed

    def to_dict(self) -> dict[str, object]:
        return {
            "method": self.method,
            "label": self.label,
            "observed": self.observed,
            "estimate": _round(self.point),
            "low": _round(self.low),
            "high": _round(self.high),
            "mean": _round(self.mean),
            "coverage": None if self.coverage is None else round(self.coverage, 4),
            "undocumented": _round(self.undocumented),
            "diagnostics": {k: _diagnostic(v) for k, v in self.diagnostics.items()},
            "notes": list(self.notes),
            "error": self.error,
        }


def _round(value: float | None) -> int | float | None:
    """One decimal, and a whole number as an int (JSON "12595", not "12595.0")."""
    return None if value is None else number(value)


def _diagnostic(value: float) -> int | float:
    """A diagnostic to four decimals; counts (chains, iterations) as ints."""
    rounded = round(value, 4)
    return int(rounded) if rounded == int(rounded) else rounded


@dataclass
class StratumEstimates:
    name: str
    lists: tuple[str, ...]
    observed: int
    estimates: list[Estimate] = field(default_factory=list)
    skipped: str | None = None  # why the stratum could not be estimated

    def to_dict(self) -> dict[str, object]:
        return {
            "stratum": self.name,
            "lists": list(self.lists),
            "observed": self.observed,
            "skipped": self.skipped,
            "estimates": [e.to_dict() for e in self.estimates],
        }


@dataclass
class Estimation:
    """All strata of one file, and (when there are several) their totals per method."""

    path: str
    strata: list[StratumEstimates]
    totals: list[Estimate] = field(default_factory=list)
    seed: int = 0
    iterations: int = 0  # per latent-class chain as asked; 0: until the chains mix

    @property
    def observed(self) -> int:
        return sum(s.observed for s in self.strata)

    def rows(self) -> list[tuple[str, Estimate]]:
        """Every estimate with its stratum's name, the totals last."""
        rows = [(s.name, e) for s in self.strata for e in s.estimates]
        rows += [("total", e) for e in self.totals]
        return rows

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.path,
            "observed": self.observed,
            "seed": self.seed,
            "iterations": self.iterations or None,  # None: each chain ran until it mixed
            "strata": [s.to_dict() for s in self.strata],
            "totals": [e.to_dict() for e in self.totals],
            "skipped": [
                {"stratum": s.name, "observed": s.observed, "reason": s.skipped}
                for s in self.strata
                if s.skipped
            ],
        }
