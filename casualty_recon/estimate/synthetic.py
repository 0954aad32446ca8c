"""Synthetic populations with a known size, to show each method's bias (README table).

Each of N people has a propensity z ~ Normal(0, 1) shared by every list; list j records them
with probability expit(logit(p_j) + heterogeneity * z). With heterogeneity 0 the lists are
independent (every method's assumptions hold); as it grows, the same people are on every list
and others on none, which makes lists look like they overlap by more than chance: estimators
that assume independence then undercount.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from casualty_recon.estimate.table import OverlapTable

__all__ = ["population_table"]


def population_table(
    rng: np.random.Generator,
    size: int,
    probabilities: Sequence[float],
    *,
    heterogeneity: float = 0.0,
) -> OverlapTable:
    """Draw a population of `size` people and return its observed overlap counts."""
    p = np.asarray(probabilities, dtype=float)
    logits = np.log(p / (1 - p))
    propensity = rng.normal(size=(size, 1))
    chance = 1.0 / (1.0 + np.exp(-(logits[None, :] + heterogeneity * propensity)))
    captured = rng.random((size, len(p))) < chance
    weights = 1 << np.arange(len(p))
    codes = np.bincount(captured.astype(int) @ weights, minlength=1 << len(p))
    patterns = [
        tuple(int(b) for b in reversed(bits)) for bits in itertools.product((0, 1), repeat=len(p))
    ]
    cells = {
        pattern: int(codes[sum(bit << j for j, bit in enumerate(pattern))])
        for pattern in patterns
        if any(pattern)
    }
    kept = sorted(pattern for pattern, count in cells.items() if count)
    lists = tuple(f"L{j + 1}" for j in range(len(p)))
    return OverlapTable(lists, tuple(kept), tuple(cells[q] for q in kept), stratum="synthetic")
