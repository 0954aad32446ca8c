"""Shared by the two time kinds (`as_of`, `start`): detection and sizing of a difference in days,
sized by a daily rate (the evidence's best series, an assumption, or b's own average)."""

from __future__ import annotations

import math

from casualty_recon.analysis.evidence import unknown_day
from casualty_recon.analysis.kinds.base import Closing, Pair
from casualty_recon.analysis.results import (
    Context,
    Difference,
    Found,
    Quantity,
    afterword,
    agrees,
    claim_label,
)
from casualty_recon.analysis.timeline import beyond_reach, window_days
from casualty_recon.grammar.wording import fmt, fmt_span, human_range, plural
from casualty_recon.model.claims import Claim
from casualty_recon.model.spans import Span


def detect_time(kind: str, template: str, pair: Pair) -> list[Found]:
    a, b, gap = pair.a, pair.b, pair.gap
    a_day = a.as_of if kind == "as_of" else a.start
    b_day = b.as_of if kind == "as_of" else b.start
    if kind == "start" and a_day is None and b_day is None:
        sentence = (
            "Neither claim says when its count starts, so their windows cannot be compared: "
            "one may cover more time than the other."
        )
        return [Found(Difference(kind, "", "", "unknown", "either", None, sentence))]
    if a_day is None or b_day is None:
        if kind == "start":
            missing = a if a_day is None else b
            other = b if a_day is None else a
            other_day = b_day if a_day is None else a_day
            assert other_day is not None
            sentence = (
                f"{claim_label(missing)} does not say when its count starts; "
                f"{claim_label(other)} counts from "
                f"{human_range(other_day)}. "
                "The difference cannot be sized."
            )
            difference = Difference(
                kind,
                "" if a_day is None else a_day.text,
                "" if b_day is None else b_day.text,
                "unknown",
                "either",
                None,
                sentence,
            )
            return [Found(difference)]
        return []
    if (a_day.earliest, a_day.latest) == (b_day.earliest, b_day.latest):
        return []
    if unknown_day(a_day) or unknown_day(b_day):
        missing = a if unknown_day(a_day) else b
        sentence = (
            f"{claim_label(missing)} gives no day ({'as_of' if kind == 'as_of' else 'start'}: "
            "unknown), so the two windows cannot be compared: the difference may go either way "
            "and cannot be sized."
        )
        difference = Difference(kind, a_day.text, b_day.text, "unknown", "either", None, sentence)
        return [Found(difference)]
    if kind == "as_of":
        days = Span((a_day.earliest - b_day.latest).days, (a_day.latest - b_day.earliest).days)
    else:  # a starting earlier adds days to a's window
        days = Span((b_day.earliest - a_day.latest).days, (b_day.latest - a_day.earliest).days)
    if days.low >= 0 and days.high > 0:  # never earlier, possibly later
        relation, direction = "wider", "up"
    elif days.high <= 0 and days.low < 0:
        relation, direction = "narrower", "down"
    else:
        relation, direction = "overlapping", "either"
    if kind == "as_of":
        days_text = "a runs " + days_words(days, "later", "earlier")
    else:
        days_text = "a starts " + days_words(days, "earlier", "later")
    rate = pair.evidence.rate(kind, a, b)
    quantity = None
    if rate is not None:
        quantity = rate
        if not rate.total:
            quantity = Quantity(rate.span * days, rate.evidence, rate.note, False, rate.assumption)
            held = _held(quantity.span, rate.within)
            if held is not None:
                quantity = quantity._replace(span=held)

    def write(context: Context) -> str:
        """The sentence in its context (`Found.write`): the effect in words, the afterword."""
        effect = context.effect
        if rate is None:
            effect_text = _unsized(kind, a, b)
        elif rate.total:
            effect_text = (
                "Nothing in the file says how b's count spread over its window: b would change "
                f"by {effect}."
            )
        elif rate.evidence == ("own-rate",):  # an average is not the rate of any period
            effect_text = (
                f"Were b's average over its window ({fmt_span(rate.span)} a day) to hold over "
                f"those days, b would change by {effect}; deaths cluster, so this is an "
                "assumption, not a measured rate."
            )
        elif quantity is not None and quantity.span != rate.span * days:
            effect_text = (
                f"At {fmt_span(rate.span)} a day, held between the points of the series on either "
                f"side of those days (a cumulative count lies between them), b would change by "
                f"{effect} over those days."
            )
        else:
            effect_text = (
                f"At {fmt_span(rate.span)} a day, b would change by {effect} over those days."
            )
        return template.format(
            a_label=claim_label(a),
            b_label=claim_label(b),
            a_value=human_range(a_day),
            b_value=human_range(b_day),
            days_text=days_text,
            effect_text=effect_text,
        ) + afterword(context)

    sentence = write(Context())
    difference = Difference(
        kind,
        a_day.text,
        b_day.text,
        relation,
        direction,
        agrees(direction, gap),
        sentence,
        days=days,
    )
    return [Found(difference, quantity, write)]


def _unsized(kind: str, a: Claim, b: Claim) -> str:
    """Why a time difference has no effect: no rate for its days (not "no rate is known": b's
    own average may size another difference of the pair), or b's average not reaching them."""
    window = window_days(b)
    if kind == "as_of" and window is not None and beyond_reach(a, b):
        return (
            "No series or assumption in the file gives a rate for those days, and b's own count "
            f"covers {plural(int(window.low), 'day')}: its average says nothing of days further "
            "past its window than the window is long, so the effect is not sized."
        )
    return (
        "No series or assumption in the file gives a rate for those days, so the effect is not "
        "sized."
    )


def _held(effect: Span, within: Span | None) -> Span | None:
    """The effect held inside what the series' points allow; None when they change nothing (or,
    rates and points disagreeing, the points alone)."""
    if within is None:
        return None
    held = Span(max(effect.low, within.low), min(effect.high, within.high))
    if held == effect:
        return None
    return held if held.low <= held.high else within


def days_words(days: Span, later: str, earlier: str) -> str:
    if days.is_point:
        count = abs(int(days.low))
        unit = "day" if count == 1 else "days"
        return f"{count} {unit} {later if days.low > 0 else earlier}"
    if days.low > 0:
        return f"{int(days.low)} to {int(days.high)} days {later}"
    if days.high < 0:
        return f"{int(-days.high)} to {int(-days.low)} days {earlier}"
    if days.low == 0:  # `up to 6 days later`, not `between 0 days earlier and 6 days later`
        return f"up to {plural(int(days.high), 'day')} {later}"
    if days.high == 0:
        return f"up to {plural(int(-days.low), 'day')} {earlier}"
    first, second = plural(int(-days.low), "day"), plural(int(days.high), "day")
    return f"between {first} {earlier} and {second} {later}"


def time_break_even(closing: Closing) -> str | None:
    """A rate over the days that move b the right way; without the days, the lag that would
    close the residual at the file's rate."""
    need, difference = closing.need, closing.difference
    if difference.days is not None:
        days = _useful_days(difference.days, need)
        if days is None:
            return None
        unit = "day" if abs(days) == 1 else "days"
        return f"a rate of {fmt(abs(need) / abs(days))} a day over the {abs(days)} {unit}"
    found = closing.evidence.any_rate(closing.a, closing.b)
    if found is None or found[0] < 0.05:  # no meaningful rate: no break-even
        return None
    rate, origin = found
    # Whole days: the least lag that closes the gap (a tenth of a day is not a date).
    lag = plural(math.ceil(abs(need) / rate - 1e-9), "day")
    at = f"at {fmt(rate)} a day, {origin}"
    if difference.kind == "start":
        later = "after" if need > 0 else "before"
        return f"b's count starting {lag} {later} a's ({at})"
    return f"an as-of lag of {lag} ({at})"


def _useful_days(days: Span, need: float) -> int | None:
    """The days of a time difference (positive where a's window has more) that move b the way
    `need` asks, the fewer of the two ends where both do; days that move it the other way do
    not close anything (-2 to 7 days with a positive need: the 7 days)."""
    values = (int(days.low), int(days.high))
    useful = [v for v in values if v * need > 0]
    return min(useful, key=abs) if useful else None
