"""Cross-check claims against event datasets (UCDP GED, ACLED, Airwars).

    from casualty_recon.events import load_events, cross_check, reference_rows
    events = load_events("ged.csv")               # kind detected from the header
    references = cross_check(events, sources.claims, grades=None)
    rows = reference_rows(references)             # for references.csv

The core of the house never imports this package: it reads tables with pyarrow and sums them with
numpy, and is imported only by the commands that take an event file.
"""

from __future__ import annotations

from casualty_recon.events.crosscheck import cross_check
from casualty_recon.events.reference import Reference
from casualty_recon.events.render import REFERENCE_COLUMNS, reference_rows, render_text
from casualty_recon.events.table import LAYOUTS, EventTable, load_events

KINDS: tuple[str, ...] = tuple(LAYOUTS)

__all__ = [
    "KINDS",
    "REFERENCE_COLUMNS",
    "EventTable",
    "Reference",
    "cross_check",
    "load_events",
    "reference_rows",
    "render_text",
]
