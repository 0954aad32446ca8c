"""`as_of`: the counts run to different days; a count that runs later has had more time to grow."""

from __future__ import annotations

from casualty_recon.analysis.kinds._time import detect_time, time_break_even
from casualty_recon.analysis.kinds.base import Kind, Pair
from casualty_recon.analysis.results import Found

TEMPLATE = "{a_label} counts to {a_value}, {b_label} to {b_value}: {days_text}. {effect_text}"


def detect(pair: Pair) -> list[Found]:
    return detect_time("as_of", TEMPLATE, pair)


KIND = Kind(
    name="as_of",
    title="Counted to different days",
    description="The counts run to different days; a count that runs later has had more time to "
    "grow.",
    pushes_up_when="A runs later",
    template=TEMPLATE,
    order=20,
    detect=detect,
    closes=True,
    break_even=time_break_even,
    assumable="rate",
)
