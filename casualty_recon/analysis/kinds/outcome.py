"""`outcome`: The claims count different outcomes (killed, killed or injured, died...)."""

from __future__ import annotations

from casualty_recon.analysis.evidence import Evidence
from casualty_recon.analysis.kinds._share import detect_share, share_break_even
from casualty_recon.analysis.kinds.base import Kind, Pair
from casualty_recon.analysis.results import Found
from casualty_recon.model.claims import Claim

TEMPLATE = (
    "{a_label} counts people {a_value}, {b_label} people {b_value}: {relation_text}. {effect_text}"
)


def detect(pair: Pair) -> list[Found]:
    return detect_share("outcome", TEMPLATE, pair)


def matches(evidence: Evidence, value: str, claim: Claim) -> bool:
    """Whether an assumption's from/to value is the claim's outcome."""
    return claim.outcome == value


KIND = Kind(
    name="outcome",
    title="Different outcomes",
    description="The claims count different outcomes (killed, killed or injured, died...).",
    pushes_up_when="A's outcome is wider",
    template=TEMPLATE,
    order=60,
    detect=detect,
    closes=True,
    break_even=share_break_even,
    assumable="ratio",
    matches=matches,
)
