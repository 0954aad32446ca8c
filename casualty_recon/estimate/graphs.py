"""Bayesian model averaging over decomposable graphical models (Madigan and York 1997).

Each undirected graph on the lists is a model of their dependence: two lists joined by an edge
may record the same people more (or less) often than chance. A decomposable (chordal) graph
factorises the table's cell probabilities over its cliques, and with a hyper-Dirichlet prior
(Dawid and Lauritzen 1993) its marginal likelihood has a closed form: for the complete table
(the observed counts plus N0 people on no list),

    p(n | G, N0) = N! / prod(n_cell!) * prod_C h(n_C) / prod_S h(n_S),

over the cliques C and separators S of the graph's junction tree, where for a marginal table
with cell counts m and prior weights a (the hyper-Dirichlet's delta per full cell, summed over
the cells each marginal cell gathers) h(m) = Gamma(A) / Gamma(A + N) prod Gamma(a + m) / Gamma(a)
with A the sum of a. The posterior of (G, N0) is proportional to that times the prior on N (by
default proportional to 1/N, as dga's; or a negative binomial, as in Madigan and York's example)
and a uniform prior on graphs. Its sum over graphs gives the posterior of N: the estimate is its
median (the averaged figure dga's users quote), with its mean, its mode, the 2.5% and 97.5%
points and each graph's posterior probability reported.

Graphs are enumerated (every set of edges, kept when networkx finds it chordal): 8 for three
lists, 61 for four, 822 for five. With six lists or more the enumeration is not attempted.
The default delta is 2^-k, dga's suggestion.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence

import numpy as np

from casualty_recon.estimate.result import Estimate
from casualty_recon.estimate.table import OverlapTable

__all__ = ["bma", "decomposable_graphs", "negative_binomial_prior"]

MAX_LISTS = 5
Clique = frozenset[int]
LogPrior = Callable[[np.ndarray], np.ndarray]


def decomposable_graphs(k: int) -> list[tuple[list[Clique], list[Clique]]]:
    """Every decomposable graph on k vertices as (cliques, separators) of a junction tree."""
    import networkx as nx

    pairs = list(itertools.combinations(range(k), 2))
    graphs: list[tuple[list[Clique], list[Clique]]] = []
    for mask in range(1 << len(pairs)):
        graph = nx.Graph()
        graph.add_nodes_from(range(k))
        graph.add_edges_from(p for i, p in enumerate(pairs) if mask >> i & 1)
        if not nx.is_chordal(graph):
            continue
        cliques = [frozenset(c) for c in nx.chordal_graph_cliques(graph)]
        # A junction tree is a maximum-weight spanning tree of the cliques, weighted by the
        # size of their intersections; its edges' intersections are the separators (possibly
        # empty, between components, which contribute nothing).
        tree = nx.Graph()
        tree.add_nodes_from(range(len(cliques)))
        for a, b in itertools.combinations(range(len(cliques)), 2):
            tree.add_edge(a, b, weight=len(cliques[a] & cliques[b]))
        spanning = nx.maximum_spanning_tree(tree)
        separators = [cliques[a] & cliques[b] for a, b in spanning.edges()]
        graphs.append((cliques, [s for s in separators if s]))
    return graphs


def negative_binomial_prior(a: float, b: float) -> LogPrior:
    """log p(N) for a negative binomial with shape a and scale b (mean a b), as in M&Y's example."""
    from scipy.special import gammaln

    def log_prior(total: np.ndarray) -> np.ndarray:
        result: np.ndarray = (
            total * math.log(b)
            - (total + a) * math.log1p(b)
            + gammaln(total + a)
            - gammaln(total + 1)
            - math.lgamma(a)
        )
        return result

    return log_prior


def _inverse_prior(total: np.ndarray) -> np.ndarray:
    result: np.ndarray = -np.log(total)
    return result


def _posterior(
    table: OverlapTable,
    missing: np.ndarray,
    delta: float,
    log_prior: LogPrior,
    graphs: Sequence[tuple[list[Clique], list[Clique]]],
) -> np.ndarray:
    """log posterior (unnormalised) of each graph (rows) and each N0 in `missing` (columns)."""
    from scipy.special import gammaln

    k = table.k
    full = np.zeros(1 << k)
    for pattern, count in zip(table.patterns, table.counts, strict=True):
        full[sum(bit << j for j, bit in enumerate(pattern))] = count
    n = float(full.sum())
    total = n + missing
    alpha_total = delta * (1 << k)
    index = np.arange(1 << k)
    terms: dict[Clique, np.ndarray] = {}

    def h(subset: Clique) -> np.ndarray:
        if subset in terms:
            return terms[subset]
        members = sorted(subset)
        # The marginal cell of each full cell: its bits on `members`.
        key = np.zeros(1 << k, dtype=int)
        for position, j in enumerate(members):
            key |= ((index >> j) & 1) << position
        margin = np.bincount(key, weights=full, minlength=1 << len(members))
        a = alpha_total / (1 << len(members))
        fixed = float(np.sum(gammaln(a + margin[1:]) - gammaln(a)))
        # The all-zero marginal cell gathers the N0 unobserved people.
        value: np.ndarray = (
            math.lgamma(alpha_total)
            - gammaln(alpha_total + total)
            + fixed
            + gammaln(a + margin[0] + missing)
            - math.lgamma(a)
        )
        terms[subset] = value
        return value

    base = (
        gammaln(total + 1)
        - gammaln(missing + 1)
        - float(np.sum(gammaln(full[1:] + 1)))
        + log_prior(total)
    )
    rows = []
    for cliques, separators in graphs:
        row = base + sum((h(c) for c in cliques), np.zeros_like(missing))
        row -= sum((h(s) for s in separators), np.zeros_like(missing))
        rows.append(row)
    return np.array(rows)


def _graph_label(cliques: list[Clique], lists: tuple[str, ...]) -> str:
    parts = sorted(("*".join(lists[j] for j in sorted(c)) for c in cliques), key=len, reverse=True)
    return " + ".join(parts)


def bma(
    table: OverlapTable,
    rng: np.random.Generator,
    *,
    delta: float | None = None,
    log_prior: LogPrior | None = None,
    draws: int = 8000,
    missing: np.ndarray | None = None,
) -> Estimate:
    estimate = Estimate("bma", "decomposable graphs (BMA)", table.observed)
    if table.k > MAX_LISTS:
        estimate.error = (
            f"{table.k} lists: decomposable graphs are enumerated for up to {MAX_LISTS} lists"
        )
        return estimate
    if table.overlapping() == 0:
        estimate.error = "no record is on two lists: no overlap to estimate from"
        return estimate
    delta = delta if delta is not None else 2.0**-table.k
    prior = log_prior or _inverse_prior
    graphs = decomposable_graphs(table.k)
    n = table.observed
    upper = max(1000, 4 * n)
    while True:
        grid = missing if missing is not None else np.arange(0.0, upper + 1.0)
        logpost = _posterior(table, grid, delta, prior, graphs)
        logpost -= logpost.max()
        weights = np.exp(logpost)
        weights /= weights.sum()
        marginal = weights.sum(axis=0)
        tail = marginal[int(len(marginal) * 0.95) :].sum()
        if missing is not None or tail < 1e-6 or upper >= 64 * max(n, 100):
            break
        upper *= 2
    cdf = np.cumsum(marginal)
    totals = n + grid
    estimate.mean = float(np.dot(marginal, totals))
    estimate.point = float(totals[np.searchsorted(cdf, 0.5)])
    estimate.low = float(totals[np.searchsorted(cdf, 0.025)])
    estimate.high = float(totals[min(int(np.searchsorted(cdf, 0.975)), len(cdf) - 1)])
    mode = float(totals[int(np.argmax(marginal))])
    by_graph = weights.sum(axis=1)
    top = int(np.argmax(by_graph))
    estimate.diagnostics.update(
        {"mode": mode, "top_graph_probability": float(by_graph[top]), "delta": delta}
    )
    estimate.notes.append(
        f"{len(graphs)} graphs, delta {delta:g}; mode {mode:,.0f}; top graph "
        f"{_graph_label(graphs[top][0], table.lists)} (posterior {by_graph[top]:.2f})"
    )
    if missing is None and tail >= 1e-6:
        estimate.notes.append("the posterior reaches the end of the range searched: unstable")
    estimate.draws = n + rng.choice(grid, size=draws, p=marginal)
    return estimate
