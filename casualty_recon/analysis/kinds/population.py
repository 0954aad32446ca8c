"""`population`: The claims count different people (civilians, children, all people...)."""

from __future__ import annotations

from casualty_recon.analysis.evidence import Evidence
from casualty_recon.analysis.kinds._share import detect_share, share_break_even
from casualty_recon.analysis.kinds.base import Kind, Pair
from casualty_recon.analysis.results import Found
from casualty_recon.model.claims import Claim

TEMPLATE = "{a_label} counts {a_value}, {b_label} counts {b_value}: {relation_text}. {effect_text}"


def detect(pair: Pair) -> list[Found]:
    return detect_share("population", TEMPLATE, pair)


def matches(evidence: Evidence, value: str, claim: Claim) -> bool:
    """Whether an assumption's from/to value is the claim's population."""
    return claim.population == value


KIND = Kind(
    name="population",
    title="Different populations",
    description="The claims count different people (civilians, children, all people...).",
    pushes_up_when="A's population is wider",
    template=TEMPLATE,
    order=50,
    detect=detect,
    closes=True,
    break_even=share_break_even,
    assumable="ratio",
    matches=matches,
)
