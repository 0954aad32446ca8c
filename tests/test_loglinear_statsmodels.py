"""The log-linear fits' own Poisson GLM (`estimate.loglinear.poisson_glm`, IRLS) against
statsmodels' `GLM(..., family=Poisson()).fit()`, which it replaced to spare `estimate` 1.2 to 2 s
of imports: every hierarchical model of every real overlap table in ../shared/data/estimation
and of synthetic tables drawn here (seeded), the same parameters, standard errors,
log-likelihood and convergence. statsmodels is a dev dependency for this test only; it takes
seconds to import, so the test runs with the slow ones (`pytest -m slow`, `.ci/run`)."""

from __future__ import annotations

import itertools
import warnings
from pathlib import Path

import numpy as np
import pytest

from casualty_recon.estimate import read_overlaps
from casualty_recon.estimate.loglinear import poisson_glm
from casualty_recon.estimate.synthetic import population_table
from casualty_recon.estimate.table import OverlapTable

pytestmark = pytest.mark.slow

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "estimation"


def _designs(table: OverlapTable, most: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """The response and the design of the main effects plus up to `most` pairwise terms."""
    k = table.k
    patterns = list(itertools.product((0, 1), repeat=k))[1:]
    counts = dict(zip(table.patterns, table.counts, strict=True))
    x = np.array(patterns, dtype=float)
    y = np.array([counts.get(p, 0) for p in patterns], dtype=float)
    pairs = list(itertools.combinations(range(k), 2))
    out = []
    for size in range(min(most, len(pairs)) + 1):
        for terms in itertools.islice(itertools.combinations(pairs, size), 40):
            columns = [np.ones(len(y)), *(x[:, j] for j in range(k))]
            columns += [x[:, a] * x[:, b] for a, b in terms]
            out.append((y, np.column_stack(columns)))
    return out


def _tables() -> list[OverlapTable]:
    rng = np.random.default_rng(20261129)  # synthetic, generated here
    tables = [
        population_table(rng, int(size), probabilities, heterogeneity=h)
        for size, probabilities, h in (
            (2_000, (0.5, 0.4, 0.3), 0.0),
            (600, (0.2, 0.15, 0.3, 0.1), 1.0),  # sparse: cells of zero
            (150, (0.1, 0.1, 0.2), 2.0),
        )
    ]
    if SHARED.exists():
        for path in sorted(SHARED.glob("*.csv")):
            tables += [t for t in read_overlaps(path) if t.k <= 5]
    return tables


def test_own_poisson_glm_equals_statsmodels() -> None:
    sm = pytest.importorskip("statsmodels.api")
    compared = 0
    for table in _tables():
        for y, design in _designs(table, most=3):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    theirs = sm.GLM(y, design, family=sm.families.Poisson()).fit()
                    their_fit = (theirs.params, theirs.bse, theirs.llf, theirs.converged)
                except (ValueError, np.linalg.LinAlgError):
                    their_fit = None
                try:
                    ours = poisson_glm(y, design)
                except (ValueError, np.linalg.LinAlgError):
                    ours = None
            assert (ours is None) == (their_fit is None)
            if ours is None or their_fit is None:
                continue
            np.testing.assert_allclose(ours[0], their_fit[0], rtol=1e-9, atol=1e-9)
            np.testing.assert_allclose(ours[1], their_fit[1], rtol=1e-9, atol=1e-9)
            assert ours[2] == pytest.approx(their_fit[2], rel=1e-12)
            assert ours[3] == their_fit[3]
            compared += 1
    assert compared >= 50  # 58 models of the synthetic tables alone, 108 with the real ones
