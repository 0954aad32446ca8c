"""What the engine returns for a pair, and the small wording helpers every difference kind uses:
claim labels, figure shapes, days, relations and ratios in words.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, NamedTuple

from casualty_recon.grammar.wording import figure_words, fmt_span
from casualty_recon.model.claims import ABOUT_TOLERANCE, Assumption, Claim
from casualty_recon.model.spans import INF, Span, number


class Difference(NamedTuple):
    kind: str
    a_value: str
    b_value: str
    relation: str
    direction: str
    agrees: bool | None
    sentence: str
    effect: Span | None = None
    evidence: tuple[str, ...] = ()
    break_even: str | None = None
    # A time difference: the days a's window has more than b's (negative: fewer), low to high.
    days: Span | None = None
    # A shortfall in coverage: how many people at least the wider claim falls short by. Set only
    # by a kind that measures one (`coverage`); the engine's verdict reason and the report's
    # choice of pairs shown in full read it, never the kind's name.
    shortfall: int | None = None
    # Evidence found but not used because it is the pair's own count (REASONING 2); the sentence
    # names it, so the claims a pair shows include it. Not a column of the exports.
    set_aside: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "a": self.a_value,
            "b": self.b_value,
            "relation": self.relation,
            "direction": self.direction,
            "agrees": self.agrees,
            "effect_low": None if self.effect is None else number(self.effect.low),
            "effect_high": None if self.effect is None else number(self.effect.high),
            "evidence": list(self.evidence),
            "break_even": self.break_even,
            "sentence": self.sentence,
        }


class Step(NamedTuple):
    """One row of the waterfall: an effect applied to b and where b stands after it."""

    kind: str
    effect: Span
    after: Span
    evidence: tuple[str, ...]


class Quantity(NamedTuple):
    """A quantified effect before it is applied: additive (time) or a ratio (shares, basis)."""

    span: Span
    evidence: tuple[str, ...]
    note: str
    multiplicative: bool
    assumption: Assumption | None = None
    # A time effect given as its total over the days (not a daily rate): an average over a
    # window says only that part of the window held 0 to all of the count.
    total: bool = False
    # Kinds whose effects this one measures exactly (the records difference counts the people
    # outside a window or area): their quantities are not applied, so nothing counts twice.
    replaces: tuple[str, ...] = ()
    # With `replaces`: why those kinds' amounts are not applied, the clause their sentences end
    # with (`Context.replaced`).
    replaces_why: str = ""
    # With a daily rate: the effect the points of its series on either side of the days allow
    # (a cumulative count lies between them); the rate's effect is held inside it.
    within: Span | None = None


# The effect in words of a sized difference whose quantity the waterfall does not apply.
NOT_APPLIED = "an amount not applied here"


class Context(NamedTuple):
    """What the engine knows of a difference once the waterfall has run, for its sentence."""

    # The applied effect and its note in words, or `NOT_APPLIED`.
    effect: str = NOT_APPLIED
    # Another difference measures this one's people exactly (`Quantity.replaces_why`).
    replaced: str = ""
    # The applied effect runs against the difference's direction: "raises" or "lowers" b.
    against: str = ""
    # The quantified effects turned the residual round, and this unsized difference points the
    # way that could close it: a is "below" or "above" adjusted b.
    turned: str = ""


def afterword(context: Context) -> str:
    """The clauses every kind's sentence ends with, from what the engine learned after
    detection ("" when it learned nothing): the one wording of them, called by the writers."""
    out = f" {context.replaced}" if context.replaced else ""
    if context.against:
        # A difference expected to lower b (or raise it) whose evidence does the opposite (a
        # reported count below a verified one for the same scope): say so, or the line reads as
        # if its direction and its effect disagreed by mistake.
        out += f" The evidence runs the other way, so this effect {context.against} b."
    if context.turned:
        out += (
            f" Once the quantified effects are applied, though, a is {context.turned} adjusted "
            "b, and this difference points that way: it could close the residual."
        )
    return out


# Writes a difference's sentence from its context (`Found.write`).
Write = Callable[[Context], str]


class Found(NamedTuple):
    """What a difference kind detects in a pair: the difference and, where sized, its effect.

    A sentence can name what is known only once the waterfall has applied every effect in order
    (the effect, whether another difference replaced it, ...): `write` writes the sentence from
    that `Context`, so no sentence is patched once written. The difference's own `sentence` is
    the one of an empty context (`NOT_APPLIED`). A kind whose sentence never names its effect
    leaves `write` out: its sentence then takes only the afterword."""

    difference: Difference
    quantity: Quantity | None = None
    write: Write | None = None

    def sentence(self, context: Context) -> str:
        """The difference's sentence in this context."""
        if self.write is not None:
            return self.write(context)
        return self.difference.sentence + afterword(context)


class PairResult:
    """One pair explained (a plain class, not a dataclass: `model.claims.Sources` says why)."""

    __slots__ = (
        "a",
        "adjusted_b",
        "assumptions_used",
        "b",
        "common_floor",
        "common_scope",
        "differences",
        "evidence_used",
        "gap",
        "reason",
        "residual",
        "steps",
        "verdict",
    )

    def __init__(
        self,
        a: Claim,
        b: Claim,
        gap: Span,
        differences: list[Difference],
        steps: list[Step],
        adjusted_b: Span,
        residual: Span,
        verdict: str,
        reason: str,
        common_floor: int,
        common_scope: str,
        assumptions_used: list[Assumption] | None = None,
        evidence_used: list[str] | None = None,
    ) -> None:
        self.a = a
        self.b = b
        self.gap = gap
        self.differences = differences
        self.steps = steps
        self.adjusted_b = adjusted_b
        self.residual = residual
        self.verdict = verdict
        self.reason = reason
        self.common_floor = common_floor
        self.common_scope = common_scope
        self.assumptions_used: list[Assumption] = (
            [] if assumptions_used is None else assumptions_used
        )
        self.evidence_used: list[str] = [] if evidence_used is None else evidence_used

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a.id,
            "b": self.b.id,
            "gap_low": number(self.gap.low),
            "gap_high": number(self.gap.high),
            "adjusted_b_low": number(self.adjusted_b.low),
            "adjusted_b_high": number(self.adjusted_b.high),
            "residual_low": number(self.residual.low),
            "residual_high": number(self.residual.high),
            "verdict": self.verdict,
            "reason": self.reason,
            "common_floor": self.common_floor,
            "common_scope": self.common_scope,
            "differences": [d.to_dict() for d in self.differences],
            "steps": [
                {
                    "kind": s.kind,
                    "effect_low": number(s.effect.low),
                    "effect_high": number(s.effect.high),
                    "after_low": number(s.after.low),
                    "after_high": number(s.after.high),
                    "evidence": list(s.evidence),
                }
                for s in self.steps
            ],
            "assumptions_used": [a.ref for a in self.assumptions_used],
            "evidence_used": self.evidence_used,
        }


# --- wording -------------------------------------------------------------------------------------


def claim_label(claim: Claim) -> str:
    via = f" via {claim.relayed_by}" if claim.relayed_by else ""
    return f"{claim.source}{via} ({figure_words(claim.figure.text)})"


def shape(claim: Claim) -> tuple[str, str]:
    """(code, words) for the shape of a figure."""
    q = claim.figure.qualifier
    if claim.figure.high is None:
        return "floor", "a floor"
    if q in {"up_to", "fewer_than"}:
        return "ceiling", "a ceiling"
    if q in {"about", "nearly"}:
        return "approximation", "an approximation"
    if q == "vague":
        return "vague", "a vague quantity"
    if q == "range":
        return "range", "a range"
    return "point", "an exact figure"


def stated(claim: Claim) -> Span:
    low, high = claim.figure.stated
    return Span(low, high)


def literal(claim: Claim) -> Span:
    high = claim.figure.high
    return Span(claim.figure.low, INF if high is None else high)


def truth_ceiling(claim: Claim, tolerance: float = ABOUT_TOLERANCE) -> int | None:
    """An upper bound of the true number, or None (README, "Concepts"). A count on a verified,
    documented or reported basis is a floor of the truth: only an explicit ceiling or range
    bounds it from above ("nearly 500" is approximate, not a ceiling). An estimate bounds the
    truth on both sides by its interval."""
    if claim.basis == "estimated" and claim.figure.high is not None:
        return approximate_high(claim, tolerance)
    if claim.figure.qualifier in ("up_to", "fewer_than", "range"):
        return claim.figure.high
    return None


def approximate_high(claim: Claim, tolerance: float) -> int:
    """The high end of a figure judged as a count: "nearly n" is approximate on both sides, like
    "about n" (README, Figures), so it reaches ceil(n(1 + tolerance)); any other figure its
    stated high end."""
    figure = claim.figure
    assert figure.high is not None
    if figure.qualifier == "nearly":
        return math.ceil(round((figure.high + 1) * (1 + tolerance), 9))
    return figure.high


def counted(claim: Claim, tolerance: float) -> Span:
    """The figure as a count, for judging a verdict: a ceiling is anything up to it, and
    "nearly n" is judged like "about n" (the `about` tolerance on both sides)."""
    figure = claim.figure
    if figure.high is not None and figure.qualifier in ("up_to", "fewer_than"):
        return Span(0, figure.high)
    if figure.high is not None and figure.qualifier == "nearly":
        return Span(figure.low, approximate_high(claim, tolerance))
    return stated(claim)


def figure_value(claim: Claim) -> str:
    return f"{claim.figure.text} [{fmt_span(literal(claim))}]"


def agrees(direction: str, gap: Span) -> bool | None:
    if direction not in {"up", "down"}:
        return None
    if gap.low > 0:
        return direction == "up"
    if gap.high < 0:
        return direction == "down"
    return None


def adjusted_from(a: Claim, residual: Span) -> Span:
    """Adjusted b back from the residual, `stated(a) - adjusted` in interval arithmetic:
    its low end came from a's low, its high end from a's high."""
    value = stated(a)
    return Span(value.high - residual.high, value.low - residual.low)


def ratio_text(span: Span) -> str:
    if span.is_point:
        return f"{span.low:.3g}"
    return f"{span.low:.3g} to {span.high:.3g}"


def order_pair(first: Claim, second: Claim) -> tuple[Claim, Claim]:
    """a is the claim with the larger floor, ties by id."""
    key_first = (-first.figure.low, first.id)
    key_second = (-second.figure.low, second.id)
    return (first, second) if key_first <= key_second else (second, first)
