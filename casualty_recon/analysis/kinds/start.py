"""`start`: the counts start on different days; a count that starts earlier covers more time."""

from __future__ import annotations

from casualty_recon.analysis.kinds._time import detect_time, time_break_even
from casualty_recon.analysis.kinds.base import Kind, Pair
from casualty_recon.analysis.results import Found

TEMPLATE = "{a_label} counts from {a_value}, {b_label} from {b_value}: {days_text}. {effect_text}"


def detect(pair: Pair) -> list[Found]:
    return detect_time("start", TEMPLATE, pair)


KIND = Kind(
    name="start",
    title="Counted from different days",
    description="The counts start on different days; a count that starts earlier covers more time.",
    pushes_up_when="A starts earlier",
    template=TEMPLATE,
    order=30,
    detect=detect,
    closes=True,
    break_even=time_break_even,
    assumable="rate",
)
