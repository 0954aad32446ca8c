"""The verdicts (catalogue text and sentences), how one is reached for a pair, the break-even of
each unquantified difference, and the README catalogue tables (kinds from the registry, then
verdicts).
"""

from __future__ import annotations

from typing import NamedTuple

from casualty_recon.analysis.evidence import Evidence
from casualty_recon.analysis.kinds import KINDS, kinds
from casualty_recon.analysis.kinds.base import Closing
from casualty_recon.analysis.results import (
    Difference,
    adjusted_from,
    claim_label,
    truth_ceiling,
)
from casualty_recon.grammar.wording import figure_words, fmt_span
from casualty_recon.model.claims import Claim
from casualty_recon.model.spans import Span


class VerdictKind(NamedTuple):
    verdict: str
    title: str
    description: str
    template: str


VERDICTS: dict[str, VerdictKind] = {
    entry.verdict: entry
    for entry in (
        VerdictKind(
            "explained",
            "Explained",
            "The residual contains 0 once the quantified effects are applied (or, where A is a "
            "floor, the adjusted B reaches it).",
            "The gap is accounted for: {detail}.",
        ),
        VerdictKind(
            "partly_explained",
            "Partly explained",
            "The residual does not contain 0, but at least one unquantified difference points "
            "the right way (or either way, its relation being unknown) and could close the rest.",
            "{residual} remains after the quantified effects; {kinds} could close it.",
        ),
        VerdictKind(
            "unexplained",
            "Unexplained",
            "The residual does not contain 0 and no remaining difference can point the right way.",
            "{residual} remains and no difference left points the right way to close it.",
        ),
        VerdictKind(
            "contradiction",
            "Contradiction",
            "An upper bound of the truth (a ceiling, a range, an estimate) for a scope that "
            "contains the other's is below the other's floor: a wider count cannot be smaller than "
            "a narrower one. Two floors of the truth never contradict.",
            "{wide_label} bounds the truth from above at {ceiling} for a scope that contains "
            "that of {narrow_label}, yet {narrow_label} counts at least {floor}.",
        ),
    )
}


def catalogue_markdown() -> str:
    """The README tables of difference kinds (from the registry) and verdicts."""
    lines = [
        "| kind | title | pushes A above B when | what it means |",
        "|---|---|---|---|",
    ]
    for entry in kinds():
        lines.append(
            f"| `{entry.name}` | {entry.title} | {entry.pushes_up_when} | {entry.description} |"
        )
    lines += ["", "| verdict | title | when |", "|---|---|---|"]
    for verdict in VERDICTS.values():
        lines.append(f"| `{verdict.verdict}` | {verdict.title} | {verdict.description} |")
    return "\n".join(lines) + "\n"


def decide(
    evidence: Evidence,
    a: Claim,
    b: Claim,
    overall: str,
    residual: Span,
    quantified: list[str],
    counted_a: Span,
    counted_b: Span,
) -> tuple[str, str, str | None]:
    """(verdict, reason, the direction a closing difference must push, or None); the verdict is
    `pending` when the differences left decide between partly explained and unexplained.

    Counts are floors of the truth (README, "Concepts"): a contradiction needs an upper bound of the
    truth (a ceiling, a range, an estimate) below the other's floor, for a scope the bound
    contains. `counted_a` and `counted_b` (b adjusted) read ceilings and approximations as
    counts: 250 against "up to 300" is inside the ceiling."""
    counted_residual = counted_a - counted_b
    for part, whole in ((a, b), (b, a)):
        if part.breakdown_of == whole.id:
            reason = (
                f"{part.id} is a breakdown of {whole.id}: part of its figure "
                f"({figure_words(part.figure.text)} of {figure_words(whole.figure.text)})."
            )
            return "explained", reason, None
    revised = evidence.revision(a, b)
    if revised is not None:
        older, newer = revised
        reason = (
            f"{a.source} revised its figure: {newer.id} supersedes {older.id}; a revision is "
            "the source's correction, not a contradiction between sources."
        )
        return "explained", reason, None
    for wide, narrow, contains in ((a, b, ("same", "wider")), (b, a, ("same", "narrower"))):
        ceiling = truth_ceiling(wide, evidence.sources.about_tolerance)
        if overall in contains and ceiling is not None and ceiling < narrow.figure.low:
            reason = VERDICTS["contradiction"].template.format(
                wide_label=claim_label(wide),
                narrow_label=claim_label(narrow),
                ceiling=f"{ceiling:,}",
                floor=f"{narrow.figure.low:,}",
            )
            return "contradiction", reason, None
    if residual.contains(0):
        detail = (
            f"the quantified effects ({', '.join(quantified)}) bring b to "
            f"{fmt_span(adjusted_from(a, residual))}, which meets a"
            if quantified
            else "the stated bounds already overlap"
        )
        return "explained", VERDICTS["explained"].template.format(detail=detail), None
    if counted_residual.contains(0):
        detail = (
            f"read as counts, a is {fmt_span(counted_a)} and adjusted b "
            f"{fmt_span(counted_b)}: "
            + ("inside the ceiling" if _ceiling(a) or _ceiling(b) else "within the approximation")
        )
        return "explained", VERDICTS["explained"].template.format(detail=detail), None
    if residual.high < 0 and a.figure.high is None:
        detail = (
            f"the quantified effects ({', '.join(quantified) or 'none'}) put b at or above "
            f"a's floor of {a.figure.low:,}, which a floor allows"
        )
        return "explained", VERDICTS["explained"].template.format(detail=detail), None
    return "pending", "", "up" if residual.low > 0 else "down"


def _ceiling(claim: Claim) -> bool:
    return claim.figure.qualifier in ("up_to", "fewer_than")


def break_even(
    evidence: Evidence, difference: Difference, a: Claim, b: Claim, adjusted: Span
) -> str | None:
    """The value of one unquantified difference that would close the residual alone, as its
    kind words it (`Kind.break_even`)."""
    kind = KINDS.get(difference.kind)
    if kind is None or kind.break_even is None:
        return None
    return kind.break_even(Closing(evidence, difference, a, b, adjusted))
