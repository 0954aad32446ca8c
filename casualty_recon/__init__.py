"""casualty-recon: reconcile competing casualty figures.

    from casualty_recon import load, compare
    sources = load("sources.yaml")
    report = compare(sources)
    report.to_dict()          # the JSON the CLI prints with --format json

The names are imported on first use, so `casualty-recon --help` does not pay for the engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Report", "__version__", "compare", "load", "loads"]

if TYPE_CHECKING:
    from casualty_recon.analysis.report import Report, compare
    from casualty_recon.load.loader import load, loads


# The names handed out on first use, and the module each comes from (tests/test_layers.py
# counts `from casualty_recon import compare` as an import of that module).
LAZY = {
    "load": "casualty_recon.load.loader",
    "loads": "casualty_recon.load.loader",
    "compare": "casualty_recon.analysis.report",
    "Report": "casualty_recon.analysis.report",
}


def __getattr__(name: str) -> Any:
    if name in LAZY:
        import importlib

        return getattr(importlib.import_module(LAZY[name]), name)
    raise AttributeError(f"module 'casualty_recon' has no attribute {name!r}")
