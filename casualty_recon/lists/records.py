"""Parse a list's text values: sex, age and dates, the same way for validation and linkage."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

MAX_AGE = 120
_SEX_WORDS = {
    "m": "m",
    "male": "m",
    "man": "m",
    "boy": "m",
    "ذكر": "m",
    "f": "f",
    "female": "f",
    "woman": "f",
    "girl": "f",
    "أنثى": "f",
    "انثى": "f",
    "انثي": "f",
}


def parse_sex(values: pd.Series) -> pd.Series:
    """`m`, `f`, or empty where missing or not recognised."""
    return values.str.lower().map(_SEX_WORDS).fillna("").astype(object)


def parse_age(values: pd.Series) -> pd.Series:
    """Ages in years as floats, NaN where missing or not a number."""
    import pandas as pd

    return pd.to_numeric(values.where(values != ""), errors="coerce").astype(float)


def parse_date(values: pd.Series) -> pd.Series:
    """ISO dates (`2024-01-31`) or day-first ones (`31/01/2024`); NaT where neither."""
    import pandas as pd

    present = values.where(values != "")
    iso = pd.to_datetime(present, format="%Y-%m-%d", errors="coerce")
    if iso.isna().sum() > present.isna().sum():
        dayfirst = pd.to_datetime(present, format="%d/%m/%Y", errors="coerce")
        iso = iso.fillna(dayfirst)
    return iso
