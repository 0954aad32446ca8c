"""casualty-recon: reconcile competing casualty figures.

from casualty_recon import load, compare
sources = load("sources.yaml")
report = compare(sources)
report.to_dict()          # the JSON the CLI prints with --format json
"""

from __future__ import annotations

from .load import load, loads
from .report import Report, compare

__version__ = "0.1.0"
__all__ = ["Report", "__version__", "compare", "load", "loads"]
