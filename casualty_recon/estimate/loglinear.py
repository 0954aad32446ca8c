"""Log-linear models of the overlap table (Fienberg 1972; Bishop, Fienberg and Holland 1975, ch. 6).

The 2^k - 1 observed cells are Poisson counts whose logarithm is a sum of terms: an intercept, a
main effect per list, and interactions between lists (two lists that tend to record the same
people). The unobserved all-zero cell is the intercept's exponential, so each model estimates
N = n + exp(b0), with a Wald interval on log(exp(b0)) that never goes below n.

Models hold pairwise interactions only (every set of them: with four lists, 64 models), which is
where the published best-AIC Kosovo model (14,342) was found; three-way terms fit the four-list
tables exactly and buy nothing. With up to five lists every model is fitted; with six, a
stepwise search by AIC (as Silverman 2014 did for the UK six lists), forward from independence
and back, and the averages run over every model the search fitted. With seven lists or more the
table has 127+ cells for a few hundred people and the search is both slow and unstable: the
method reports that and leaves the table to the latent-class model. An interaction between two
lists that share no one has no finite estimate and is never added. A fit whose unobserved cell
has a standard error over MAX_SE_LOG_F0 on the log scale (the model cannot see that cell) is
left out, as a fit that does not converge is.

Each model is weighted by AIC and by BIC (penalty log n, n the people observed), exp(-delta/2)
normalised (Burnham and Anderson 2002); the averaged estimate is the weighted mean, and its
interval the 2.5% and 97.5% points of the weighted mixture of the models' log-normal intervals
(a model-averaged tail area, Turek and Fletcher 2012).
"""

from __future__ import annotations

import itertools
import math
import warnings
from dataclasses import dataclass

import numpy as np

from casualty_recon.estimate.result import Estimate
from casualty_recon.estimate.table import OverlapTable

__all__ = ["Fit", "loglinear", "poisson_glm"]

Term = tuple[int, ...]
Z95 = 1.959963984540054
MAX_EXHAUSTIVE = 5
MAX_LISTS = 6
MAX_STEPS = 40
# A model whose log(f0) has a standard error above this does not estimate the unobserved cell:
# its Wald interval spans a factor of more than e^(2 * 1.96 * 5), about 3e8. Such fits come from
# cells the model cannot see (a list that shares no one, a table of one pattern): the standard
# errors found are then in the thousands, against at most 0.7 on the published tables.
MAX_SE_LOG_F0 = 5.0
EPS = float(np.finfo(float).eps)


@dataclass(frozen=True)
class Fit:
    terms: tuple[Term, ...]  # the interactions (main effects are always in)
    f0: float
    se_log_f0: float
    loglik: float
    parameters: int

    def aic(self) -> float:
        return 2 * self.parameters - 2 * self.loglik

    def bic(self, n: int) -> float:
        return self.parameters * math.log(n) - 2 * self.loglik


def poisson_glm(
    y: np.ndarray, design: np.ndarray, most: int = 100, tol: float = 1e-8
) -> tuple[np.ndarray, np.ndarray, float, bool]:
    """A Poisson GLM with log link by iteratively reweighted least squares: the parameters,
    their standard errors, the log-likelihood and whether the deviance settled.

    The steps, start, clipping and stopping rule of statsmodels' `GLM(...).fit()` (IRLS, the
    final parameters and covariance from the pseudo-inverse of the last weighted design), which
    this replaces: statsmodels took 1.2 to 2 s to import (scipy.stats, pandas, formulas) for
    fits of a few milliseconds. On every model of the tables in ../shared/data/estimation and
    of 250 synthetic and sparse tables (54,933 fits) the two gave the same numbers to the bit.
    Raises ValueError when the deviance or the working weights stop being finite.
    """
    from scipy.special import gammaln

    def deviance(mu: np.ndarray) -> float:
        return float(2 * np.sum(y * np.log(np.clip(y / mu, EPS, np.inf)) - (y - mu)))

    mu = (y + y.mean()) / 2.0
    eta = np.log(np.clip(mu, EPS, np.inf))
    history = [math.inf, deviance(mu)]
    if math.isnan(history[-1]):
        raise ValueError("the deviance of the starting values is not a number")
    converged = False
    half, working = np.ones_like(y), eta
    for _ in range(most):
        clean = np.clip(mu, EPS, np.inf)
        half = np.sqrt(1.0 / ((1.0 / clean) ** 2 * np.fabs(mu)))  # sqrt of the weights, mu
        working = eta + (1.0 / clean) * (y - mu)
        if not (np.all(np.isfinite(half)) and np.all(np.isfinite(working))):
            raise ValueError("the working weights or response are not finite")
        params = np.linalg.lstsq(half[:, None] * design, half * working, rcond=-1)[0]
        eta = design @ params
        mu = np.exp(eta)
        history.append(deviance(mu))
        if np.allclose(history[-2], history[-1], atol=tol, rtol=0):
            converged = True
            break
    pseudo = np.linalg.pinv(half[:, None] * design, rcond=1e-15)
    params = pseudo @ (half * working)
    bse = np.sqrt(np.diag(pseudo @ pseudo.T))
    mu = np.exp(design @ params)
    loglik = float(np.sum(y * np.log(mu) - mu - gammaln(y + 1)))
    return params, bse, loglik, converged


class _Cells:
    """The design of the full table: every non-empty pattern, its count and its columns."""

    def __init__(self, table: OverlapTable) -> None:
        k = table.k
        self.k = k
        patterns = list(itertools.product((0, 1), repeat=k))[1:]
        counts = dict(zip(table.patterns, table.counts, strict=True))
        self.x = np.array(patterns, dtype=float)
        self.y = np.array([counts.get(p, 0) for p in patterns], dtype=float)
        self.n = int(table.observed)
        self.cache: dict[tuple[Term, ...], Fit | None] = {}

    def margin(self, term: Term) -> float:
        """How many people are on every list of `term`."""
        return float(self.y[np.all(self.x[:, list(term)] == 1, axis=1)].sum())

    def fit(self, terms: tuple[Term, ...]) -> Fit | None:
        key = tuple(sorted(terms))
        if key in self.cache:
            return self.cache[key]
        columns = [np.ones(len(self.y)), *(self.x[:, j] for j in range(self.k))]
        columns += [np.prod(self.x[:, list(t)], axis=1) for t in key]
        design = np.column_stack(columns)
        result: Fit | None = None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                params, bse, loglik, converged = poisson_glm(self.y, design)
                b0, se = float(params[0]), float(bse[0])
                if (
                    converged
                    and math.isfinite(b0)
                    and math.isfinite(se)
                    and b0 < 30
                    and se <= MAX_SE_LOG_F0
                ):
                    result = Fit(key, math.exp(b0), se, loglik, design.shape[1])
            except (ValueError, np.linalg.LinAlgError, OverflowError):
                result = None
        self.cache[key] = result
        return result


def _pairwise(cells: _Cells) -> list[tuple[Term, ...]]:
    pairs = [p for p in itertools.combinations(range(cells.k), 2) if cells.margin(p) > 0]
    return [
        chosen for size in range(len(pairs) + 1) for chosen in itertools.combinations(pairs, size)
    ]


def _stepwise(cells: _Cells) -> None:
    """Forward then backward selection of pairwise terms by AIC; every fit lands in the cache."""
    pairs = [p for p in itertools.combinations(range(cells.k), 2) if cells.margin(p) > 0]
    current: tuple[Term, ...] = ()
    best = cells.fit(current)
    best_aic = best.aic() if best else math.inf
    for _ in range(MAX_STEPS):
        moves = [tuple(sorted((*current, p))) for p in pairs if p not in current]
        moves += [tuple(t for t in current if t != p) for p in current]
        scored = [(fit.aic(), move) for move in moves if (fit := cells.fit(move)) is not None]
        if not scored:
            break
        aic, move = min(scored)
        if aic >= best_aic - 1e-9:
            break
        best_aic, current = aic, move


def _label(terms: tuple[Term, ...], lists: tuple[str, ...]) -> str:
    if not terms:
        return "independence"
    return " ".join("*".join(lists[j] for j in t) for t in terms)


def _from_fits(
    method: str,
    label: str,
    fits: list[Fit],
    weights: np.ndarray,
    table: OverlapTable,
    rng: np.random.Generator,
    draws: int,
) -> Estimate:
    n = table.observed
    estimate = Estimate(method, label, n)
    f0 = np.array([f.f0 for f in fits])
    se = np.array([f.se_log_f0 for f in fits])
    picks = rng.choice(len(fits), size=draws, p=weights)
    sample = n + f0[picks] * np.exp(rng.normal(0.0, 1.0, draws) * se[picks])
    estimate.point = float(n + np.dot(weights, f0))
    estimate.mean = estimate.point
    if len(fits) == 1:
        spread = math.exp(Z95 * se[0])
        estimate.low, estimate.high = n + f0[0] / spread, n + f0[0] * spread
    else:
        estimate.low, estimate.high = (float(q) for q in np.quantile(sample, [0.025, 0.975]))
    estimate.draws = sample
    return estimate


def loglinear(table: OverlapTable, rng: np.random.Generator, draws: int = 8000) -> list[Estimate]:
    """Independence, the best model by AIC, and the AIC- and BIC-weighted averages."""
    if table.k > MAX_LISTS:
        failed = Estimate("loglinear-aic", "log-linear models", table.observed)
        failed.error = (
            f"{table.k} lists: log-linear models are searched for up to {MAX_LISTS} lists here"
        )
        return [failed]
    cells = _Cells(table)
    if table.k <= MAX_EXHAUSTIVE:
        for model in _pairwise(cells):
            cells.fit(model)
        searched = f"all {len(cells.cache)} models with pairwise terms"
    else:
        _stepwise(cells)
        searched = f"{len(cells.cache)} models of a stepwise AIC search over pairwise terms"
    fits = [f for f in cells.cache.values() if f is not None]
    n = table.observed
    if not fits:
        failed = Estimate("loglinear-aic", "log-linear, AIC-averaged", n)
        failed.error = "no log-linear model could be fitted"
        return [failed]
    results: list[Estimate] = []
    independence = cells.fit(())
    if independence is not None:
        results.append(
            _from_fits(
                "loglinear-independence",
                "log-linear, independence",
                [independence],
                np.ones(1),
                table,
                rng,
                draws,
            )
        )
    aic = np.array([f.aic() for f in fits])
    bic = np.array([f.bic(n) for f in fits])
    best = fits[int(np.argmin(aic))]
    best_estimate = _from_fits(
        "loglinear-best", "log-linear, best AIC", [best], np.ones(1), table, rng, draws
    )
    best_estimate.notes.append(f"model: {_label(best.terms, table.lists)}")
    results.append(best_estimate)
    for method, label, score in (
        ("loglinear-aic", "log-linear, AIC-averaged", aic),
        ("loglinear-bic", "log-linear, BIC-averaged", bic),
    ):
        weights = np.exp(-(score - score.min()) / 2)
        weights /= weights.sum()
        averaged = _from_fits(method, label, fits, weights, table, rng, draws)
        top = int(np.argmax(weights))
        averaged.notes.append(
            f"{searched}; top weight {weights[top]:.2f} on {_label(fits[top].terms, table.lists)}"
        )
        averaged.diagnostics["top_weight"] = float(weights[top])
        results.append(averaged)
    return results
