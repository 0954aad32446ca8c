"""Cross-check claims against event datasets (UCDP GED, ACLED, Airwars).

    from casualty_recon.events import load_events, cross_check
    from casualty_recon.render.references import reference_rows
    events = load_events("ged.csv")               # kind detected from the header
    references = cross_check(events, sources.claims, grades=None)
    rows = reference_rows(references)             # for references.csv

The core of the house never imports this package: it reads tables with pyarrow and sums them with
numpy, and is imported only by the commands that take an event file. Importing the package itself
is cheap (the names below are loaded on first use), so the CLI can take `KINDS` at start-up. Each
dataset layout is one module in `events/layouts/`; `KINDS` are their names. The renderers of
references live in `render/references.py` (the render layer), not here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from casualty_recon.events.layouts import KINDS

if TYPE_CHECKING:
    from casualty_recon.events.crosscheck import cross_check
    from casualty_recon.events.reference import Reference
    from casualty_recon.events.table import LAYOUTS, EventTable, load_events

__all__ = ["KINDS", "LAYOUTS", "EventTable", "Reference", "cross_check", "load_events"]


def __getattr__(name: str) -> Any:
    """Load the heavy modules (numpy, pyarrow, pandas) only when their names are used."""
    if name == "cross_check":
        from casualty_recon.events.crosscheck import cross_check

        return cross_check
    if name == "Reference":
        from casualty_recon.events.reference import Reference

        return Reference
    if name in ("LAYOUTS", "EventTable", "load_events"):
        from casualty_recon.events import table

        return getattr(table, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
