"""The figure columns of a claims CSV: which bounds a figure of a given form can mean, and the
text written back from bounds alone. Used by `claims_csv` to tell which of figure_text and
figure_low/figure_high a spreadsheet user edited."""

from __future__ import annotations

from casualty_recon.grammar import figures
from casualty_recon.model.claims import Figure
from casualty_recon.model.errors import GrammarError

__all__ = ["bounds_text", "interval", "of_form"]


def interval(low: int, high: int | None) -> str:
    return f"[{low}, {'open' if high is None else high}]"


def of_form(qualifier: str, low: int, high: int | None, tolerance: float) -> bool:
    """Whether some figure with this qualifier means [low, high] (`at_least`: any floor)."""
    if qualifier in ("more_than", "at_least"):
        return high is None and (low >= 1 or qualifier == "at_least")
    if high is None or high < low:
        return False
    if qualifier == "exact":
        return low == high
    if qualifier in ("up_to", "fewer_than"):
        return low == 0
    if qualifier == "range":
        return True
    if qualifier == "vague":
        return (low, high) in figures.VAGUE_FIGURES.values()
    if qualifier in ("about", "nearly"):
        guess = high + 1 if qualifier == "nearly" else round((low + high) / 2)
        for n in range(max(guess - 2, 1), guess + 3):
            try:
                again = figures.parse_figure(f"{qualifier} {n}", about_tolerance=tolerance)
            except GrammarError:
                continue
            if (again.low, again.high) == (low, high):
                return True
    return False


def bounds_text(low: int, high: int | None) -> str:
    """The figure text for bounds alone: `730`, `at least 731`, `between 450 and 550`."""
    qualifier = "exact" if low == high else "at_least" if high is None else "range"
    return figures.render_figure(Figure(low, high, qualifier, ""))
