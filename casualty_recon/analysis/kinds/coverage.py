"""`coverage`: the narrower scope holds the larger count, so the wider count falls short in
coverage. Counts are floors of the truth: this is not a contradiction (README, "Concepts")."""

from __future__ import annotations

from casualty_recon.analysis.kinds.base import Kind, Pair
from casualty_recon.analysis.results import (
    Difference,
    Found,
    claim_label,
    counted,
    figure_value,
    truth_ceiling,
)

TEMPLATE = (
    "{narrow_label} counts a scope inside that of {wide_label} and still holds more: the wider "
    "count falls short in coverage by at least {shortfall}. Counts are floors of the truth, so "
    "this is not a contradiction; unless other differences account for it, it stays unexplained."
)


def shortfall(pair: Pair) -> int | None:
    """The narrower floor minus the wider count, where the narrower scope holds more and the
    wider figure does not bound the truth from above (that would be a contradiction). The wider
    count is read as a count (`counted`): "nearly 400" is approximate on both sides, as the
    verdict judges it, so it falls short of 400 by nothing."""
    a, b = pair.a, pair.b  # a holds the larger floor
    if pair.relations.overall != "narrower" or truth_ceiling(b) is not None:
        return None
    short = a.figure.low - counted(b, pair.evidence.sources.about_tolerance).high
    return int(short) if short > 0 else None


def detect(pair: Pair) -> list[Found]:
    short = shortfall(pair)
    if short is None:
        return []
    sentence = TEMPLATE.format(
        narrow_label=claim_label(pair.a), wide_label=claim_label(pair.b), shortfall=f"{short:,}"
    )
    difference = Difference(
        "coverage",
        figure_value(pair.a),
        figure_value(pair.b),
        "shortfall",
        "none",
        None,
        sentence,
        shortfall=short,
    )
    return [Found(difference)]


KIND = Kind(
    name="coverage",
    title="Wider count short in coverage",
    description="The narrower scope holds the larger count: the wider count falls short in "
    "coverage, by at least the narrower floor minus the wider count. Two floors of the truth "
    "never contradict; it is unexplained unless other differences account for it.",
    pushes_up_when="n/a: flags the wider count",
    template=TEMPLATE,
    order=15,
    detect=detect,
)
