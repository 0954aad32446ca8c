"""`basis`: the counts were made differently (verified < documented < reported < estimated)."""

from __future__ import annotations

from casualty_recon.analysis.evidence import Evidence
from casualty_recon.analysis.kinds._share import own_count, ratio_sentence
from casualty_recon.analysis.kinds.base import Closing, Kind, Pair
from casualty_recon.analysis.results import (
    Context,
    Difference,
    Found,
    agrees,
    ratio_text,
)
from casualty_recon.grammar.wording import with_article
from casualty_recon.model.claims import BASES, Claim

TEMPLATE = "{a_label} is {a_value}, {b_label} is {b_value}: {relation_text}. {effect_text}"


def detect(pair: Pair) -> list[Found]:
    a, b, gap = pair.a, pair.b, pair.gap
    if a.basis == b.basis:
        return []
    a_rank, b_rank = BASES.index(a.basis), BASES.index(b.basis)
    relation = "wider" if a_rank > b_rank else "narrower"
    direction = "up" if a_rank > b_rank else "down"
    quantity = pair.evidence.basis_ratio(a, b)
    if quantity is None:
        quantity = pair.evidence.assumed_ratio("basis", a, b)
    aside = None if quantity is not None else pair.evidence.set_aside("basis", a, b)
    more, less = (a, b) if a_rank > b_rank else (b, a)
    relation_text = (
        f"{with_article(more.basis + ' count')} is expected to capture more than "
        f"{with_article(less.basis)} one"
    )
    if direction == "up":
        relation_text += ", which points the way of the gap" if gap.low > 0 else ""
    else:
        relation_text += (
            "; a counts on the stricter basis and still says more" if gap.low > 0 else ""
        )

    def write(context: Context) -> str:
        """The sentence in its context (`Found.write`): the effect in words, the afterword."""
        if quantity is not None:
            ratio = ratio_text(quantity.span)
            effect_text = f"Read on a's basis ({ratio}), b changes by {context.effect}."
        else:
            effect_text = "No paired claims or assumption in the file size it" + own_count(
                aside, "the same-day pair"
            )
        words = (a.basis, b.basis)
        return ratio_sentence(TEMPLATE, pair, words, relation_text, effect_text, context)

    difference = Difference(
        "basis",
        a.basis,
        b.basis,
        relation,
        direction,
        agrees(direction, gap),
        write(Context()),
        set_aside=aside[0] if aside else (),
    )
    return [Found(difference, quantity, write)]


def break_even(closing: Closing) -> str | None:
    """How far below the other the stricter basis' counts would have to run."""
    multiplier = closing.multiplier
    if multiplier is None:
        return None
    a, b = closing.a, closing.b
    if multiplier >= 1:
        return f"{b.basis} counts at or below {1 / multiplier:.0%} of {a.basis} ones"
    return f"{a.basis} counts at or below {multiplier:.0%} of {b.basis} ones"


def matches(evidence: Evidence, value: str, claim: Claim) -> bool:
    """Whether an assumption's from/to value is the claim's basis."""
    return claim.basis == value


KIND = Kind(
    name="basis",
    title="Different standards of proof",
    description="The counts were made differently: verified < documented < reported < "
    "estimated, by how much each is expected to capture.",
    pushes_up_when="A's basis captures more",
    template=TEMPLATE,
    order=80,
    detect=detect,
    closes=True,
    break_even=break_even,
    assumable="ratio",
    matches=matches,
)
