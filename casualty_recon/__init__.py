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


def __getattr__(name: str) -> Any:
    if name in ("load", "loads"):
        from casualty_recon.load import loader

        return getattr(loader, name)
    if name in ("compare", "Report"):
        from casualty_recon.analysis import report

        return getattr(report, name)
    raise AttributeError(f"module 'casualty_recon' has no attribute {name!r}")
