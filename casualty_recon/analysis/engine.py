"""The explanation engine: for a pair of claims, every difference, its direction and (where the
file gives evidence) its size, the residual, the verdict and the break-even values.

The README's "Concepts" and "Differences and verdicts" are the specification. In a pair, `a` is
the claim with the larger floor (ties by id), so the gap reads as a positive number. The difference
kinds come from the registry (`analysis/kinds/`), each detecting and sizing itself against the
file's evidence, indexed once per engine (`analysis/evidence.py`). Effects are applied to b in the
registry's order (time, area, population, outcome, perpetrators, basis) with interval arithmetic,
to read b under a's definitions; the residual is a minus adjusted b. The verdict is
`analysis/verdicts.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casualty_recon.analysis.evidence import Evidence
from casualty_recon.analysis.kinds import KINDS, Pair, check_assumptions, kinds
from casualty_recon.analysis.results import (
    Context,
    Difference,
    Found,
    PairResult,
    Quantity,
    Step,
    claim_label,
    counted,
    order_pair,
    stated,
    truth_ceiling,
)
from casualty_recon.analysis.scope import scope_relations
from casualty_recon.analysis.timeline import Series, build_timelines
from casualty_recon.analysis.verdicts import VERDICTS, break_even, decide
from casualty_recon.grammar.wording import (
    and_list,
    fmt_signed_span,
    fmt_span,
    human_day,
)
from casualty_recon.model.claims import Assumption, Claim, Sources
from casualty_recon.model.spans import Span

if TYPE_CHECKING:
    from casualty_recon.analysis.records import RecordLinks

__all__ = [
    "Difference",
    "Engine",
    "PairResult",
    "Step",
    "claim_label",
    "human_day",
    "order_pair",
]


class Engine:
    """Explains pairs of claims of one loaded file. Build once, call `explain` per pair.

    Raises InputError when an assumption targets a kind the registry does not let assumptions
    target (the loader cannot know the registry: it sits below analysis)."""

    def __init__(
        self,
        sources: Sources,
        timelines: list[Series] | None = None,
        record_links: RecordLinks | None = None,
    ) -> None:
        check_assumptions(sources)
        self.sources = sources
        self.timelines = (
            timelines
            if timelines is not None
            else build_timelines(sources.claims, sources.about_tolerance)
        )
        matchers = {kind.name: kind.matches for kind in kinds() if kind.matches is not None}
        self.evidence = Evidence(sources, self.timelines, record_links, matchers)

    def explain(self, first: Claim, second: Claim) -> PairResult:
        a, b = order_pair(first, second)
        gap = stated(a) - stated(b)
        relations = scope_relations(a, b)
        pair = Pair(a, b, gap, relations, self.evidence)
        found: list[Found] = [item for kind in kinds() for item in kind.detect(pair)]
        found, replaced = _without_replaced(found)
        quantities = {f.difference.kind: f.quantity for f in found if f.quantity is not None}
        steps, effects, adjusted, assumptions = _waterfall(stated(b), quantities)
        residual = stated(a) - adjusted
        tolerance = self.sources.about_tolerance
        counted_b = _waterfall(counted(b, tolerance), quantities)[2]
        verdict, reason, wants = decide(
            self.evidence,
            a,
            b,
            relations.overall,
            residual,
            [s.kind for s in steps],
            counted(a, tolerance),
            counted_b,
        )
        differences = [f.difference for f in found]
        if verdict == "pending":
            closing = [d for d in differences if d.kind not in replaced]
            verdict, reason = _undecided(closing, effects, wants, residual, a, b)
        final = [
            self._finish(
                item,
                quantities,
                effects,
                wants if item.difference.kind not in replaced else None,
                a,
                b,
                adjusted,
            )
            for item in found
        ]
        # Set operations in C: a series' evidence can hold hundreds of ids.
        evidence = set().union(*(step.evidence for step in steps))
        evidence_used = sorted(e for e in evidence if not e.startswith("assumption:"))
        return PairResult(
            a=a,
            b=b,
            gap=gap,
            differences=final,
            steps=steps,
            adjusted_b=adjusted,
            residual=residual,
            verdict=verdict,
            reason=reason,
            common_floor=a.figure.low,
            common_scope=self.evidence.common_scope(a, b),
            assumptions_used=assumptions,
            evidence_used=evidence_used,
        )

    def _finish(
        self,
        item: Found,
        quantities: dict[str, Quantity],
        effects: dict[str, Span],
        wants: str | None,
        a: Claim,
        b: Claim,
        adjusted: Span,
    ) -> Difference:
        """A difference with its applied effect written in, or its break-even where it could
        close the residual; its sentence written once by its kind, from what the waterfall
        learned (`Context`)."""
        difference = item.difference
        quantity = quantities.get(difference.kind)
        if quantity is not None and difference.kind in effects:
            effect = effects[difference.kind]
            against = ""
            if difference.direction == "down" and effect.low > 0:
                against = "raises"
            elif difference.direction == "up" and effect.high < 0:
                against = "lowers"
            context = Context(f"{fmt_signed_span(effect)} ({quantity.note})", against=against)
            return difference._replace(
                effect=effect, evidence=quantity.evidence, sentence=item.sentence(context)
            )
        if wants and _closes(difference, wants):
            turned = ""
            if difference.agrees is False and difference.direction == wants:
                # It works against the stated gap, but the quantified effects turned the
                # residual round: the verdict counts it among those that could close it.
                turned = "below" if wants == "down" else "above"
            return difference._replace(
                sentence=item.sentence(Context(turned=turned)),
                break_even=break_even(self.evidence, difference, a, b, adjusted),
            )
        return difference


def _without_replaced(found: list[Found]) -> tuple[list[Found], frozenset[str]]:
    """The found differences with the quantities of the kinds another one measures exactly
    (`Quantity.replaces`) taken off, their sentences saying why (`Quantity.replaces_why`); and
    the names of those kinds."""
    why = {
        name: item.quantity.replaces_why
        for item in found
        if item.quantity is not None
        for name in item.quantity.replaces
    }
    if not why:
        return found, frozenset()
    out = []
    for item in found:
        difference = item.difference
        if difference.kind not in why:
            out.append(item)
            continue
        # Its sentence already says the amount is not applied (`NOT_APPLIED`); and why:
        sentence = item.sentence(Context(replaced=why[difference.kind]))
        out.append(Found(difference._replace(sentence=sentence)))
    return out, frozenset(why)


def _closes(difference: Difference, wants: str | None) -> bool:
    kind = KINDS.get(difference.kind)
    return kind is not None and kind.closes and difference.direction in (wants, "either")


def _waterfall(
    start: Span, quantities: dict[str, Quantity]
) -> tuple[list[Step], dict[str, Span], Span, list[Assumption]]:
    """Apply the quantified effects to b in the registry's order."""
    adjusted = start
    steps: list[Step] = []
    effects: dict[str, Span] = {}
    assumptions: list[Assumption] = []
    for kind in kinds():
        quantity = quantities.get(kind.name)
        if quantity is None:
            continue
        if quantity.multiplicative:
            after = adjusted * quantity.span
            effect = Span(after.low - adjusted.low, after.high - adjusted.high)
            if effect.low > effect.high:
                effect = Span(effect.high, effect.low)
        else:
            effect = quantity.span
            after = adjusted + effect
        adjusted = after.clamp_low(0)
        effects[kind.name] = effect
        steps.append(Step(kind.name, effect, adjusted, quantity.evidence))
        if quantity.assumption is not None:
            assumptions.append(quantity.assumption)
    return steps, effects, adjusted, assumptions


def _undecided(
    differences: list[Difference],
    effects: dict[str, Span],
    wants: str | None,
    residual: Span,
    a: Claim,
    b: Claim,
) -> tuple[str, str]:
    """Partly explained when an unquantified difference could close the residual, else
    unexplained."""
    closers = [d.kind for d in differences if d.kind not in effects and _closes(d, wants)]
    if closers:
        reason = VERDICTS["partly_explained"].template.format(
            residual=f"A residual of {fmt_span(residual)}",
            kinds=and_list(list(dict.fromkeys(closers))),
        )
        return "partly_explained", reason
    reason = VERDICTS["unexplained"].template.format(residual=f"A residual of {fmt_span(residual)}")
    # A kind that measures a shortfall (the wider count below the narrower floor) sets it.
    shortfall = next((d.shortfall for d in differences if d.shortfall is not None), None)
    if shortfall is not None:
        reason += (
            f" {claim_label(b)} falls short in coverage by at least {shortfall:,}: "
            "counts are floors of the truth, so they do not contradict each other."
        )
    elif a.figure.high is None and b.figure.high is None:
        reason += " Both are floors, so they do not contradict each other."
    elif truth_ceiling(a) is None and truth_ceiling(b) is None:
        reason += " Both are counts, floors of the truth, so they do not contradict each other."
    return "unexplained", reason
