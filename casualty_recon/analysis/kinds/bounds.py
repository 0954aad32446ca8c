"""`bounds`: one or both figures are floors, ceilings, ranges or approximations, not points."""

from __future__ import annotations

from casualty_recon.analysis.kinds.base import Kind, Pair
from casualty_recon.analysis.results import Difference, Found, claim_label, figure_value, literal
from casualty_recon.analysis.results import shape as figure_shape
from casualty_recon.grammar.wording import fmt_span

TEMPLATE = "{a_label} is {a_shape} and {b_label} is {b_shape}. {consequence}"


def detect(pair: Pair) -> list[Found]:
    a, b = pair.a, pair.b
    if a.figure.is_point and b.figure.is_point:
        return []
    a_code, a_words = figure_shape(a)
    b_code, b_words = figure_shape(b)
    scope = pair.evidence.common_scope(a, b)
    # Two claims of one scope have no wider one: say so rather than "the wider of the two".
    same = pair.relations.overall == "same"
    if a.figure.high is None and b.figure.high is None:
        which = "the scope both count" if same else "the wider of the two scopes"
        consequence = (
            "Two floors never contradict each other. Together they establish at least "
            f"{a.figure.low:,} {scope}, {which}; taken literally, the true counts may differ "
            "by any amount."
        )
    else:
        which = "the scope both count" if same else "the wider scope"
        consequence = (
            f"Read literally, a is {fmt_span(literal(a))} and b is {fmt_span(literal(b))}; "
            f"the gap is measured between the stated bounds, and {a.figure.low:,} is a "
            f"floor for {which} ({scope})."
        )
    sentence = TEMPLATE.format(
        a_label=claim_label(a),
        a_shape=a_words,
        b_label=claim_label(b),
        b_shape=b_words,
        consequence=consequence,
    )
    difference = Difference(
        "bounds", figure_value(a), figure_value(b), f"{a_code}-{b_code}", "either", None, sentence
    )
    return [Found(difference)]


KIND = Kind(
    name="bounds",
    title="Shape of the figures",
    description="One or both figures are floors, ceilings, ranges or approximations, not points. "
    "Two floors never contradict; the larger floor holds for the wider of the two scopes.",
    pushes_up_when="two floors never contradict; the report says what common floor they establish",
    template=TEMPLATE,
    order=10,
    detect=detect,
    cause=False,
)
