"""A claim's figure against a reference range (an event dataset's sum), in words that fit the
figure's kind: a floor below the range is allowed, a ceiling above it too.

Pure and renderer-neutral: `events` words its cross-check sentences with it and the report its
per-pair event sentence, each naming the range in its own words (`target`).
"""

from __future__ import annotations

from typing import Literal

Comparison = Literal["inside", "above", "below"]
CEILINGS = ("up_to", "fewer_than")


def compare(
    claim_low: int, claim_high: int | None, reference: tuple[int, int] | None
) -> Comparison | None:
    """The claim's interval against the reference range."""
    if reference is None:
        return None
    bottom, top = reference
    if claim_low > top:
        return "above"
    if claim_high is not None and claim_high < bottom:
        return "below"
    return "inside"


def relation_text(
    claim_low: int,
    claim_high: int | None,
    qualifier: str,
    text: str,
    reference: tuple[int, int] | None,
    target: str = "this range",
) -> str:
    """How the claim's figure stands against the reference range (`target` names it), in words
    that fit its kind: `the claim's floor 'at least 400' is below this range, which a floor
    allows`, `the claim's ceiling 'up to 300' is below this range`, `the claim's 'about 100' is
    inside this range`, or `the claim's '120 to 500' overlaps this range`."""
    comparison = compare(claim_low, claim_high, reference)
    if reference is None or comparison is None:
        return f"the claim's '{text}' is not comparable"
    bottom, top = reference
    if claim_high is None:
        # A floor: only its bound says anything; any range reaching it is allowed.
        if comparison == "above":
            return f"the claim's floor '{text}' is above {target}"
        if claim_low < bottom:
            return f"the claim's floor '{text}' is below {target}, which a floor allows"
        return f"the claim's floor '{text}' is inside {target}"
    if qualifier in CEILINGS:
        if comparison == "below":
            return f"the claim's ceiling '{text}' is below {target}"
        if claim_high > top:
            return f"the claim's ceiling '{text}' is above {target}, which a ceiling allows"
        return f"the claim's ceiling '{text}' is inside {target}"
    if comparison == "inside" and (claim_low < bottom or claim_high > top):
        return f"the claim's '{text}' overlaps {target}"
    return f"the claim's '{text}' is {comparison} {target}"
