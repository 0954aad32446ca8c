"""casualty-recon: reconcile competing casualty figures.

    from casualty_recon import load, compare
    sources = load("sources.yaml")
    report = compare(sources)
    print(report.to_dict())
"""

from __future__ import annotations

__version__ = "0.1.0"
