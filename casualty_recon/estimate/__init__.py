"""Multiple systems estimation: how many people no list recorded (issue 15).

Overlap counts (how many people are on each pattern of lists) go in; every method's estimate of
the total, with its 95% interval, the coverage it implies and the undocumented count, comes out,
side by side, because the answer depends on the model. The heavy libraries (numpy, scipy,
networkx) are imported only here, so other commands start as fast as before; importing the
package itself is cheap (the names below are loaded on first use), so the command line can take
`METHODS` (from `estimate.methods`) at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from casualty_recon.estimate.methods import METHODS

if TYPE_CHECKING:
    from casualty_recon.estimate.result import Estimate, Estimation, StratumEstimates
    from casualty_recon.estimate.run import estimate_tables
    from casualty_recon.estimate.table import OverlapTable, parse_overlaps, read_overlaps

__all__ = [
    "METHODS",
    "Estimate",
    "Estimation",
    "OverlapTable",
    "StratumEstimates",
    "estimate_file",
    "estimate_tables",
    "parse_overlaps",
    "read_overlaps",
]


def estimate_file(
    path: str,
    *,
    methods: tuple[str, ...] = METHODS,
    seed: int = 0,
    iterations: int | None = None,
) -> Estimation:
    """Read an overlap-count CSV and estimate every stratum with every method (`iterations`:
    of each latent-class chain; None runs until the chains mix)."""
    from casualty_recon.estimate.run import estimate_tables
    from casualty_recon.estimate.table import read_overlaps

    tables = read_overlaps(path)
    shown = "<stdin>" if path == "-" else path
    return estimate_tables(tables, path=shown, methods=methods, seed=seed, iterations=iterations)


_LAZY = {
    "Estimate": "result",
    "Estimation": "result",
    "StratumEstimates": "result",
    "estimate_tables": "run",
    "OverlapTable": "table",
    "parse_overlaps": "table",
    "read_overlaps": "table",
}


def __getattr__(name: str) -> Any:
    """Load the heavy modules (numpy) only when their names are used: the command line reads
    `METHODS` at start-up."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
