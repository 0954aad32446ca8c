"""`perpetrators`: the claims attribute deaths to different parties, or one counts deaths by
any party."""

from __future__ import annotations

from casualty_recon.analysis.evidence import Evidence
from casualty_recon.analysis.kinds._share import detect_share, share_break_even
from casualty_recon.analysis.kinds.base import Kind, Pair
from casualty_recon.analysis.results import Found
from casualty_recon.grammar.parties import resolve_perpetrators
from casualty_recon.model.claims import Claim

TEMPLATE = (
    "{a_label} counts deaths caused by {a_value}, {b_label} by {b_value}: "
    "{relation_text}. {effect_text}"
)


def detect(pair: Pair) -> list[Found]:
    return detect_share("perpetrators", TEMPLATE, pair)


def matches(evidence: Evidence, value: str, claim: Claim) -> bool:
    """Whether an assumption's from/to value names the claim's set of perpetrators."""
    wanted = resolve_perpetrators(value, evidence.sources.parties)
    return wanted.parties == claim.perpetrators.parties


KIND = Kind(
    name="perpetrators",
    title="Different perpetrators",
    description="The claims attribute deaths to different parties, or one counts deaths by "
    "any party.",
    pushes_up_when="A's set is wider",
    template=TEMPLATE,
    order=70,
    detect=detect,
    closes=True,
    break_even=share_break_even,
    assumable="ratio",
    matches=matches,
)
