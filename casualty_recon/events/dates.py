"""The orders of numeric dates an event file can declare (`--date-format`).

Numeric dates with the day and month in either order (`05/07/2019`) are read by the order the
file shows (some day over 12) or the one declared with --date-format, never guessed: the rule
`import` follows for a claims CSV. The one list of the orders: `events.read` reads by them, the
command line offers them. A module of its own, importing nothing (no numpy or pyarrow at start-up).
"""

from __future__ import annotations

__all__ = ["DATE_FORMATS"]

# The declared order, as the user writes it, and as the reader's day-month-year order.
DATE_FORMATS: dict[str, str] = {"dd/mm/yyyy": "dmy", "mm/dd/yyyy": "mdy"}
