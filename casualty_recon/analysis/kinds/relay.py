"""`relay`: a figure repeated by someone else after its source's count had moved on."""

from __future__ import annotations

from casualty_recon.analysis.kinds.base import Kind, Pair
from casualty_recon.analysis.results import Difference, Found, agrees, claim_label
from casualty_recon.analysis.timeline import is_old_relay, relay_age
from casualty_recon.grammar.wording import figure_words, human_day, human_range

TEMPLATE = (
    "{stale_label} was published on {published} by {relay}, repeating a count that ran "
    "to {as_of}: it was {age} old when printed{newer}."
)


def detect(pair: Pair) -> list[Found]:
    a, b = pair.a, pair.b
    out: list[Found] = []
    for claim, direction in ((b, "up"), (a, "down")):
        if not is_old_relay(claim):
            continue
        newer = pair.evidence.newer_figure(claim)
        newer_text = ""
        if newer is not None:
            newer_text = (
                f"; by then {claim.source} had already published {figure_words(newer.figure.text)} "
                f"(to {human_day(newer.as_of.latest)}, {newer.id})"
            )
        sentence = TEMPLATE.format(
            stale_label=claim_label(claim),
            published=human_range(claim.published),
            relay=claim.relayed_by,
            as_of=human_range(claim.as_of),
            age=f"{relay_age(claim)} days",
            newer=newer_text,
        )
        a_value = f"published {a.published.text}, counted to {a.as_of.text}"
        b_value = f"published {b.published.text}, counted to {b.as_of.text}"
        difference = Difference(
            "relay",
            a_value,
            b_value,
            "stale",
            direction,
            agrees(direction, pair.gap),
            sentence + " The as_of difference carries its effect.",
        )
        out.append(Found(difference))
    return out


KIND = Kind(
    name="relay",
    title="Stale relay",
    description="A figure repeated by someone else after its source's count had moved on: the "
    "relay prints an old number under a new date.",
    pushes_up_when="B is the stale one",
    template=TEMPLATE,
    order=90,
    detect=detect,
    cause=False,
)
