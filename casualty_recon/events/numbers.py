"""Figures of an event file as text: the decimal mark, whole counts, and where a bad one is.

A file separated by semicolons was written by a European Excel (or for one), which writes
numbers with a decimal comma: `1,5` is one and a half and `1.234` is one thousand two hundred and
thirty-four. So are files whose figures show that convention outright (`1.234,5`). In such a file
a comma between digits is the decimal mark and a dot (or a space) groups thousands; elsewhere a
comma groups thousands (`1,234`) and a dot is the decimal mark. A figure that reads neither way
is left to the caller to count as unreadable. Counts of people are whole numbers: a figure with a
fraction is an error located at its cell (`cells.first_cell`), never rounded.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from casualty_recon.events.layout import BoolArray, FloatArray

# A number written with a decimal comma and dots grouping thousands: 1.234,5 (or 12.345.678,9).
EUROPEAN = re.compile(r"[-+]?\d{1,3}(?:\.\d{3})+,\d+")
_GROUPED_DOTS = re.compile(r"[-+]?(?:\d{1,3}(?:[.\u00a0\u202f ]\d{3})+|\d+)(?:,\d+)?")
_SPACES = str.maketrans("", "", "\u00a0\u202f ")

SEMICOLONS_NOTE = (
    "The file is separated by semicolons, as a European Excel writes it, so its figures are read "
    "with a decimal comma: a comma between digits is the decimal mark and a dot groups thousands "
    '("1,5" is 1.5, "1.234" is 1234).'
)
SHOWN_NOTE = (
    "The file writes figures with a decimal comma ({example}), so they are read so: a comma "
    'between digits is the decimal mark and a dot groups thousands ("1,5" is 1.5, "1.234" is '
    "1234)."
)


def shows_decimal_comma(values: list[str]) -> str | None:
    """The first value written with a decimal comma and grouped thousands (`1.234,5`), if any."""
    for value in values:
        if EUROPEAN.fullmatch(value.strip()):
            return value.strip()
    return None


def parse(values: list[str], decimal_comma: bool) -> FloatArray:
    """Each text as a number (NaN where it reads as none) by the file's decimal mark."""
    series = pd.Series(values, dtype=object)
    if decimal_comma:
        stripped = series.str.strip()
        grouped = stripped.str.fullmatch(_GROUPED_DOTS.pattern).fillna(False).astype(bool)
        cleaned = stripped.str.translate(_SPACES).str.replace(".", "", regex=False)
        text = cleaned.str.replace(",", ".", regex=False).where(grouped, "")
        # Written without a decimal mark or grouping (`1e3`, `12`): as it is.
        plain = ~grouped & ~stripped.str.contains(r"[.,]", regex=True).fillna(False).astype(bool)
        text = text.where(~plain, stripped)
    else:
        text = series.str.replace(",", "", regex=False)
    parsed: FloatArray = pd.to_numeric(text, errors="coerce").to_numpy(dtype=np.float64)
    return parsed


def fractional(values: FloatArray) -> BoolArray:
    """The finite values that are not whole numbers."""
    with np.errstate(invalid="ignore"):
        found: BoolArray = np.isfinite(values) & (values != np.floor(values))
    return found
