"""`area`: The claims cover different places."""

from __future__ import annotations

from casualty_recon.analysis.evidence import Evidence
from casualty_recon.analysis.kinds._share import detect_share, share_break_even
from casualty_recon.analysis.kinds.base import Kind, Pair
from casualty_recon.analysis.results import Found
from casualty_recon.model.claims import Claim

TEMPLATE = "{a_label} covers {a_value}, {b_label} covers {b_value}: {relation_text}. {effect_text}"


def detect(pair: Pair) -> list[Found]:
    return detect_share("area", TEMPLATE, pair)


def matches(evidence: Evidence, value: str, claim: Claim) -> bool:
    """Whether an assumption's from/to value (places) names the claim's area."""
    return evidence.gazetteer.resolve(value) == claim.area.places


KIND = Kind(
    name="area",
    title="Different areas",
    description="The claims cover different places.",
    pushes_up_when="A's area is wider",
    template=TEMPLATE,
    order=40,
    detect=detect,
    closes=True,
    break_even=share_break_even,
    assumable="ratio",
    matches=matches,
)
