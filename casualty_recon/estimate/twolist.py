"""Two lists: Lincoln-Petersen and Chapman (Seber 1982, sections 3.1.1 and 3.1.2).

With n1 people on list 1, n2 on list 2 and m on both, Lincoln-Petersen estimates N = n1 n2 / m
with variance n1 n2 (n1 - m)(n2 - m) / m^3; Chapman's nearly unbiased form is
(n1 + 1)(n2 + 1) / (m + 1) - 1 with variance (n1 + 1)(n2 + 1)(n1 - m)(n2 - m) / ((m + 1)^2 (m + 2)).
The 95% interval is Chao's (1987) log-normal one on the unseen count f0 = N - r (r the people on
either list), so it never falls below what was seen: r + f0 / C to r + f0 C with
C = exp(1.96 sqrt(log(1 + var / f0^2))).

With three lists or more, these use the first two lists only (and say so), and are never
below the records observed on all lists.
"""

from __future__ import annotations

import math

import numpy as np

from casualty_recon.estimate.result import Estimate
from casualty_recon.estimate.table import OverlapTable

__all__ = ["chapman", "lincoln_petersen"]

Z95 = 1.959963984540054


def _counts(table: OverlapTable) -> tuple[int, int, int]:
    n1 = n2 = m = 0
    for pattern, count in zip(table.patterns, table.counts, strict=True):
        n1 += count * pattern[0]
        n2 += count * pattern[1]
        m += count * (pattern[0] and pattern[1])
    return n1, n2, m


def _label(name: str, table: OverlapTable) -> str:
    if table.k == 2:
        return name
    return f"{name} ({table.lists[0]} and {table.lists[1]} only)"


def _finish(
    estimate: Estimate,
    table: OverlapTable,
    n_hat: float,
    variance: float,
    seen: int,
    rng: np.random.Generator,
    draws: int,
) -> Estimate:
    f0 = n_hat - seen
    if f0 <= 0:
        estimate.point = estimate.low = estimate.high = float(seen)
        estimate.draws = np.full(draws, float(seen))
    else:
        sigma = math.sqrt(math.log1p(variance / f0**2))
        c = math.exp(Z95 * sigma)
        estimate.point = n_hat
        estimate.low, estimate.high = seen + f0 / c, seen + f0 * c
        estimate.draws = seen + f0 * np.exp(rng.normal(0.0, sigma, draws))
    estimate.diagnostics["se"] = math.sqrt(max(variance, 0.0))
    if table.k > 2:
        estimate.notes.append(f"uses {table.lists[0]} and {table.lists[1]} only")
        # Everyone observed exists: N is at least the records on any list.
        floor = float(table.observed)
        if (estimate.point or 0.0) < floor:
            estimate.notes.append(f"raised to the {table.observed:,} records observed")
        estimate.point = max(estimate.point or 0.0, floor)
        estimate.low = max(estimate.low or 0.0, floor)
        estimate.high = max(estimate.high or 0.0, floor)
        estimate.draws = np.maximum(estimate.draws, floor)
    estimate.mean = estimate.point
    return estimate


def lincoln_petersen(table: OverlapTable, rng: np.random.Generator, draws: int = 4000) -> Estimate:
    n1, n2, m = _counts(table)
    estimate = Estimate("lincoln-petersen", _label("Lincoln-Petersen", table), table.observed)
    if m == 0:
        estimate.error = f"no one is on both {table.lists[0]} and {table.lists[1]}"
        return estimate
    n_hat = n1 * n2 / m
    variance = n1 * n2 * (n1 - m) * (n2 - m) / m**3
    return _finish(estimate, table, n_hat, variance, n1 + n2 - m, rng, draws)


def chapman(table: OverlapTable, rng: np.random.Generator, draws: int = 4000) -> Estimate:
    n1, n2, m = _counts(table)
    estimate = Estimate("chapman", _label("Chapman", table), table.observed)
    if m == 0:
        estimate.error = f"no one is on both {table.lists[0]} and {table.lists[1]}"
        return estimate
    n_hat = (n1 + 1) * (n2 + 1) / (m + 1) - 1
    variance = (n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m) / ((m + 1) ** 2 * (m + 2))
    return _finish(estimate, table, n_hat, variance, n1 + n2 - m, rng, draws)
