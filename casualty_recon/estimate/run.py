"""Run every method on every stratum, and sum the strata.

A stratum is estimated only when it can be: it needs at least `MIN_RECORDS` records and some
record on two lists or more. Others are named with the reason and their documented records are
added to the totals as they are (a floor: nothing is estimated for them), never dropped.

Totals per method add each stratum's point estimate; the interval is the 2.5% and 97.5% points
of the sum of independent draws from each stratum's distribution (posterior draws for the
Bayesian methods, the interval's log-normal for the others). A method that fails on one
estimable stratum has no total.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from casualty_recon.estimate.methods import METHODS
from casualty_recon.estimate.result import Estimate, Estimation, StratumEstimates
from casualty_recon.estimate.table import OverlapTable

__all__ = ["METHODS", "MIN_RECORDS", "estimate_tables"]

MIN_RECORDS = 10


def _runners(
    iterations: int | None,
) -> dict[str, Callable[[OverlapTable, np.random.Generator], list[Estimate]]]:
    from casualty_recon.estimate.graphs import bma
    from casualty_recon.estimate.latent import latent_class
    from casualty_recon.estimate.loglinear import loglinear
    from casualty_recon.estimate.twolist import chapman, lincoln_petersen

    return {
        "lincoln-petersen": lambda t, rng: [lincoln_petersen(t, rng)],
        "chapman": lambda t, rng: [chapman(t, rng)],
        "loglinear": loglinear,
        "bma": lambda t, rng: [bma(t, rng)],
        "latent-class": lambda t, rng: [latent_class(t, rng, iterations)],
    }


def _skip_reason(table: OverlapTable) -> str | None:
    if table.observed < MIN_RECORDS:
        return f"too few records ({table.observed}; at least {MIN_RECORDS} are needed)"
    if table.overlapping() == 0:
        return "no overlap: no record is on two lists or more"
    return None


def estimate_tables(
    tables: Sequence[OverlapTable],
    *,
    path: str = "<tables>",
    methods: Sequence[str] = METHODS,
    seed: int = 0,
    iterations: int | None = None,
) -> Estimation:
    runners = _runners(iterations)
    chosen = [m for m in METHODS if m in methods]
    strata: list[StratumEstimates] = []
    for index, table in enumerate(tables):
        stratum = StratumEstimates(table.stratum, table.lists, table.observed)
        stratum.skipped = _skip_reason(table)
        if stratum.skipped is None:
            for method in chosen:
                # One generator per stratum and method: results do not depend on which other
                # methods or strata were asked for.
                rng = np.random.default_rng([seed, index, METHODS.index(method)])
                stratum.estimates.extend(runners[method](table, rng))
        strata.append(stratum)
    result = Estimation(path, strata, seed=seed, iterations=iterations or 0)
    if len(strata) > 1:
        result.totals = _totals(strata, np.random.default_rng([seed, len(strata), 99]))
    return result


def _totals(strata: list[StratumEstimates], rng: np.random.Generator) -> list[Estimate]:
    estimable = [s for s in strata if s.skipped is None]
    floor = sum(s.observed for s in strata if s.skipped is not None)
    observed = sum(s.observed for s in strata)
    keys: list[tuple[str, str]] = []
    for stratum in estimable:
        for e in stratum.estimates:
            if (e.method, e.label) not in keys:
                keys.append((e.method, e.label))
    totals: list[Estimate] = []
    for method, label in keys:
        total = Estimate(method, label, observed)
        parts = [
            next((e for e in s.estimates if (e.method, e.label) == (method, label)), None)
            for s in estimable
        ]
        failed = [s.name for s, e in zip(estimable, parts, strict=True) if e is None or not e.ok]
        if failed or not estimable:
            total.error = f"not estimated in {', '.join(failed) or 'any stratum'}"
            totals.append(total)
            continue
        good = [e for e in parts if e is not None]
        size = min(len(e.draws) for e in good if e.draws is not None) if good else 0
        total.point = floor + sum(e.point or 0.0 for e in good)
        total.mean = floor + sum(e.mean if e.mean is not None else e.point or 0.0 for e in good)
        if size and all(e.draws is not None for e in good):
            summed = np.full(size, float(floor))
            for e in good:
                assert e.draws is not None
                summed += rng.permutation(e.draws)[:size]
            total.low, total.high = (float(q) for q in np.quantile(summed, [0.025, 0.975]))
            total.draws = summed
        total.notes.append(f"sum of {len(good)} strata" if len(good) > 1 else "sum of 1 stratum")
        if floor:
            skipped = [s.name for s in strata if s.skipped is not None]
            total.notes.append(
                f"adds {floor:,} documented records of strata not estimated ({', '.join(skipped)})"
            )
        totals.append(total)
    return totals
