"""A Dirichlet-process latent-class model, by Gibbs sampling (Manrique-Vallier 2016).

People fall into latent classes; within a class, each list records each person independently
with the class's own probability. Classes capture heterogeneity: some victims (well known, killed
in public) are on every list, others on none, which breaks the independence that the two-list
estimators assume. The number of classes is left to the data by a truncated stick-breaking prior
(at most K*, default 10):

    pi = stick-breaking(V),   V_k ~ Beta(1, alpha),   alpha ~ Gamma(0.25, 0.25)
    lambda_jk ~ Beta(1, 1)    (list j records a member of class k)
    p(N) proportional to 1/N

The sampler augments the data with the N0 people on no list and cycles through (Manrique-Vallier
2016, section 3): the classes of the observed people (drawn per pattern: everyone with the same
pattern shares one multinomial), N0 from its negative binomial given the probability pi0 of
being on no list, the classes of the N0 unobserved, lambda from its Beta, V from its Beta, and
alpha from its Gamma. Everything is vectorised over patterns, classes and chains: one iteration
costs a few numpy calls whatever the number of people, and CHAINS chains (default 4) run side by
side for 1.4 to 2 times the cost of one.

Mixing: N moves slowly in this data augmentation (each draw of N0 is tied to the list
probabilities of the class of the hardly seen, and those to N0); on Kosovo the autocorrelation
time of N is several hundred iterations. Four chains started apart give four times the effective
draws for 1.4 to 2 times the time of one, and make R-hat compare chains rather than pieces of
one chain.

The estimate is the posterior median of N (with mean and 95% interval) over the pooled draws
after each chain's burn-in; the diagnostics are the effective sample size of the draws of N
(Geyer's initial positive sequence, summed over the chains), the split R-hat (Gelman et al.
2013: every chain cut in two) and Geweke's z (the first 10% against the last 50%, the chains'
z's summed over the root of their number).
"""

from __future__ import annotations

import math

import numpy as np

from casualty_recon.estimate.result import Estimate
from casualty_recon.estimate.table import OverlapTable

__all__ = [
    "Sampler",
    "effective_size",
    "geweke",
    "latent_class",
    "sample_latent_class",
    "sample_until_mixed",
    "split_rhat",
]

CLASSES = 10
A_ALPHA = B_ALPHA = 0.25
CHAINS = 4
DEFAULT_ITERATIONS = 20_000  # per chain, for callers that give no length
# Without --iterations: blocks of BLOCK iterations per chain until the second half mixes well
# enough (split R-hat and ESS), at most MOST_ITERATIONS per chain.
BLOCK = 2_500
MOST_ITERATIONS = 25_000
TARGET_RHAT = 1.05
TARGET_ESS = 400.0
TINY = 1e-300


class Sampler:
    """The Gibbs sampler's state for `chains` chains run side by side; `run(steps)` continues it.

    The chains start from different random list probabilities and run side by side: each numpy
    call updates all of them at once, so four chains cost 1.4 to 2 times one (the calls are
    small and their overhead dominates), and their disagreement is what R-hat measures.
    """

    def __init__(
        self,
        table: OverlapTable,
        rng: np.random.Generator,
        classes: int = CLASSES,
        chains: int = CHAINS,
    ) -> None:
        counts = np.array(table.counts, dtype=np.int64)
        keep = counts > 0
        self.x = np.array(table.patterns, dtype=float)[keep]
        self.n = int(counts[keep].sum())
        self.per_pattern = np.broadcast_to(counts[keep], (chains, int(keep.sum())))
        self.rng = rng
        self.classes, self.chains = classes, chains
        self.lam = rng.uniform(0.1, 0.5, size=(chains, self.x.shape[1], classes))
        self.pi = np.full((chains, classes), 1.0 / classes)
        self.alpha = np.ones(chains)
        self.steps = 0

    def run(self, steps: int) -> np.ndarray:
        """`steps` more iterations; the draws of N, shape (chains, steps)."""
        rng, x, n, classes, chains = self.rng, self.x, self.n, self.classes, self.chains
        lam, pi, alpha, per_pattern = self.lam, self.pi, self.alpha, self.per_pattern
        first = np.ones((chains, 1))
        n_lam, n_v = lam.size, chains * (classes - 1)
        draws = np.empty((chains, steps))
        for step in range(steps):
            log_lam, log_not = np.log(lam), np.log1p(-lam)
            # Classes of the observed people, one multinomial per pattern (and chain).
            log_p = x @ (log_lam - log_not) + (log_not.sum(axis=1) + np.log(pi))[:, None, :]
            log_p -= log_p.max(axis=2, keepdims=True)
            probs = np.exp(log_p)
            probs /= probs.sum(axis=2, keepdims=True)
            z = rng.multinomial(per_pattern, probs)
            # N0 given pi0 (the chance of being on no list), then the classes of those N0.
            unseen = pi * np.exp(log_not.sum(axis=1))
            pi0 = np.minimum(unseen.sum(axis=1), 1.0 - 1e-12)
            # Negative binomial NB(n, 1 - pi0) as a gamma mixture of Poissons: the same law.
            n0 = rng.poisson(rng.standard_gamma(n, chains) * (pi0 / (1.0 - pi0)))
            z0 = rng.multinomial(n0, unseen / unseen.sum(axis=1, keepdims=True))
            # List probabilities per class.
            members = z.sum(axis=1) + z0
            ones = np.matmul(x.T, z)
            # Every Beta draw of the iteration (lambda, then V) from one call of the gamma
            # sampler: Beta(a, b) is G_a / (G_a + G_b).
            after = np.cumsum(members[:, ::-1], axis=1)[:, ::-1]
            shapes = np.concatenate(
                (
                    (1.0 + ones).ravel(),
                    (1.0 + members[:, None, :] - ones).ravel(),
                    (1.0 + members[:, :-1]).ravel(),
                    (alpha[:, None] + after[:, 1:]).ravel(),
                )
            )
            g = rng.standard_gamma(shapes)
            g_a, g_b = g[:n_lam], g[n_lam : 2 * n_lam]
            lam = (g_a / (g_a + g_b)).reshape(ones.shape)
            lam = np.minimum(np.maximum(lam, 1e-12), 1.0 - 1e-12)
            g_a, g_b = g[2 * n_lam : 2 * n_lam + n_v], g[2 * n_lam + n_v :]
            v = (g_a / (g_a + g_b)).reshape(chains, classes - 1)
            v = np.minimum(np.maximum(v, 1e-12), 1.0 - 1e-12)
            # Stick-breaking weights and their concentration.
            remaining = np.concatenate((first, np.cumprod(1.0 - v, axis=1)), axis=1)
            pi = np.maximum(np.concatenate((v, first), axis=1) * remaining, TINY)
            rate = B_ALPHA - np.log1p(-v).sum(axis=1)
            alpha = rng.standard_gamma(A_ALPHA + classes - 1, chains) / rate
            draws[:, step] = n + n0
        self.lam, self.pi, self.alpha = lam, pi, alpha
        self.steps += steps
        return draws


def sample_latent_class(
    table: OverlapTable,
    rng: np.random.Generator,
    iterations: int = DEFAULT_ITERATIONS,
    classes: int = CLASSES,
    chains: int = CHAINS,
) -> np.ndarray:
    """Run `chains` chains for `iterations` each; every draw of N, shape (chains, iterations)."""
    return Sampler(table, rng, classes, chains).run(iterations)


def sample_until_mixed(
    table: OverlapTable,
    rng: np.random.Generator,
    *,
    block: int = BLOCK,
    most: int = MOST_ITERATIONS,
) -> np.ndarray:
    """The default length: blocks of `block` iterations until the second half of every chain
    shows split R-hat at most TARGET_RHAT and TARGET_ESS effective draws, or `most` iterations.

    Deterministic for a seed (the stopping rule sees only the draws); the small strata of a file
    stop after a few blocks, a slowly mixing table runs to `most`."""
    sampler = Sampler(table, rng)
    blocks = [sampler.run(block)]
    while sampler.steps < most:
        blocks.append(sampler.run(block))
        draws = np.concatenate(blocks, axis=1)
        kept = draws[:, draws.shape[1] // 2 :]
        if split_rhat(kept) <= TARGET_RHAT and _ess(kept) >= TARGET_ESS:
            return draws
    return np.concatenate(blocks, axis=1)


def _ess(chains: np.ndarray) -> float:
    return float(sum(effective_size(row) for row in chains))


def _autocorrelation(chain: np.ndarray) -> np.ndarray:
    centred = chain - chain.mean()
    size = len(centred)
    padded = 1 << (2 * size - 1).bit_length()
    spectrum = np.fft.rfft(centred, padded)
    acov = np.fft.irfft(spectrum * np.conj(spectrum), padded)[:size]
    if acov[0] <= 0:
        return np.zeros(size)
    result: np.ndarray = acov / acov[0]
    return result


def effective_size(chain: np.ndarray) -> float:
    """Effective sample size with Geyer's initial positive sequence of autocorrelation pairs."""
    size = len(chain)
    if size < 4 or np.ptp(chain) == 0:
        return float(size)
    rho = _autocorrelation(chain)
    total = 0.0
    for t in range(1, size - 1, 2):
        pair = rho[t] + rho[t + 1]
        if pair < 0:
            break
        total += pair
    tau = 1.0 + 2.0 * total
    tau = max(tau, 1.0 / math.log10(size))
    return float(size / tau)


def split_rhat(chain: np.ndarray, pieces: int = 4) -> float:
    """Potential scale reduction (1 when mixed): of one chain cut in `pieces` equal parts, or of
    several chains (a 2-D array, one chain a row), each cut in two (Gelman et al. 2013)."""
    if chain.ndim == 2:
        half = chain.shape[1] // 2
        parts = np.concatenate((chain[:, :half], chain[:, half : 2 * half]))
        length = half
    else:
        length = len(chain) // pieces
        parts = chain[: length * pieces].reshape(pieces, length)
    if length < 2:
        return math.nan
    within = parts.var(axis=1, ddof=1).mean()
    between = length * parts.mean(axis=1).var(ddof=1)
    if within == 0:
        return 1.0
    pooled = (length - 1) / length * within + between / length
    return float(math.sqrt(pooled / within))


def geweke(chain: np.ndarray, first: float = 0.1, last: float = 0.5) -> float:
    """Geweke's z: the means of the chain's start and end, in units of their standard errors.

    Of several chains (a 2-D array, one chain a row): their z's summed and divided by the root of
    their number, again standard normal when every chain has settled; it tests the drift the
    chains share (a burn-in too short), R-hat their disagreement."""
    if chain.ndim == 2:
        scores = [z for z in (geweke(row, first, last) for row in chain) if z == z]
        return float(sum(scores) / math.sqrt(len(scores))) if scores else math.nan
    a = chain[: int(len(chain) * first)]
    b = chain[int(len(chain) * (1 - last)) :]
    if len(a) < 4 or len(b) < 4:
        return math.nan
    var_a = a.var(ddof=1) / effective_size(a)
    var_b = b.var(ddof=1) / effective_size(b)
    if var_a + var_b == 0:
        return 0.0
    return float((a.mean() - b.mean()) / math.sqrt(var_a + var_b))


def latent_class(
    table: OverlapTable,
    rng: np.random.Generator,
    iterations: int | None = None,
    burn_in: int | None = None,
) -> Estimate:
    """The posterior of N; `iterations` per chain (half burn-in), or by default as many as the
    chains need to mix (`sample_until_mixed`)."""
    estimate = Estimate("latent-class", "latent classes (DP, Gibbs)", table.observed)
    if table.k < 3:
        estimate.error = "needs three lists or more"
        return estimate
    if table.overlapping() == 0:
        estimate.error = "no record is on two lists: no overlap to estimate from"
        return estimate
    if iterations is None:
        draws = sample_until_mixed(table, rng)
    else:
        draws = sample_latent_class(table, rng, iterations)
    burn_in = draws.shape[1] // 2 if burn_in is None else burn_in
    chains = draws[:, burn_in:]
    chain = chains.ravel()
    estimate.point = float(np.median(chain))
    estimate.mean = float(chain.mean())
    estimate.low, estimate.high = (float(q) for q in np.quantile(chain, [0.025, 0.975]))
    ess, rhat = _ess(chains), split_rhat(chains)
    z = geweke(chains)
    estimate.diagnostics.update(
        {
            "chains": float(len(chains)),
            "iterations": float(draws.shape[1]),
            "draws": float(len(chain)),
            "ess": ess,
            "split_rhat": rhat,
            "geweke_z": z,
        }
    )
    estimate.notes.append(
        f"{len(chains)} chains of {chains.shape[1]:,} draws after {burn_in:,} burn-in; "
        f"ESS {ess:,.0f}, split R-hat {rhat:.3f}, Geweke z {z:+.2f}"
    )
    # R-hat: do the chains agree? Geweke's z of the chains together: have they stopped drifting?
    if rhat > 1.1 or abs(z) > 3:
        estimate.notes.append("not converged: run more --iterations")
    elif ess < 100:
        estimate.notes.append("few effective draws: run more --iterations for a steadier median")
    estimate.draws = chain
    return estimate
