"""Shared by the four scope kinds (area, population, outcome, perpetrators): a difference of
scope, sized by a share from a breakdown in the file or a user's assumption."""

from __future__ import annotations

from casualty_recon.analysis.kinds.base import Closing, Pair
from casualty_recon.analysis.results import (
    Context,
    Difference,
    Found,
    afterword,
    agrees,
    claim_label,
    ratio_text,
)
from casualty_recon.grammar.wording import area_words, outcome_words, party_words, people_words
from casualty_recon.model.spans import Span

NOUNS = {
    "area": "area",
    "population": "population",
    "outcome": "outcome",
    "perpetrators": "set of perpetrators",
}


def detect_share(kind: str, template: str, pair: Pair) -> list[Found]:
    a, b, gap = pair.a, pair.b, pair.gap
    relation: str = getattr(pair.relations, kind)
    if relation == "same":
        return []
    quantity = pair.evidence.share(kind, a, b, relation)
    aside = None if quantity is not None else pair.evidence.set_aside(kind, a, b)
    direction = {"wider": "up", "narrower": "down"}.get(relation, "either")
    values = {
        "area": (a.area.label(), b.area.label()),
        "population": (a.population, b.population),
        "outcome": (a.outcome, b.outcome),
        "perpetrators": (a.perpetrators.label(), b.perpetrators.label()),
    }[kind]
    words = values
    if kind == "perpetrators":
        words = (party_words(a.perpetrators), party_words(b.perpetrators))
    elif kind == "area":
        words = (area_words(a.area), area_words(b.area))
    elif kind == "outcome":  # after "people": `people killed`, `people who died`
        words = (outcome_words(a.outcome), outcome_words(b.outcome))

    relation_text = relation_words(NOUNS[kind], relation, gap)

    def write(context: Context) -> str:
        """The sentence in its context (`Found.write`): the effect in words, the afterword."""
        if quantity is not None:
            effect_text = (
                f"Scaling b by {ratio_text(quantity.span)} changes it by {context.effect}."
            )
        else:
            effect_text = "No breakdown or assumption in the file sizes it" + own_count(
                aside, "the breakdown"
            )
        return ratio_sentence(template, pair, words, relation_text, effect_text, context)

    difference = Difference(
        kind,
        values[0],
        values[1],
        relation,
        direction,
        agrees(direction, gap),
        write(Context()),
        set_aside=aside[0] if aside else (),
    )
    return [Found(difference, quantity, write)]


def own_count(aside: tuple[tuple[str, ...], str] | None, what: str) -> str:
    """The end of an "unsized" sentence: "." or, where the file's only evidence was the pair's
    own count (`Evidence.set_aside`), which it names ("; the breakdown in the file (X, Y) rests
    on b's own count, so it is not independent." REASONING 2)."""
    if aside is None:
        return "."
    ids, whose = aside
    listed = ", ".join(ids)
    return (
        f"; {what} in the file ({listed}) rests on {whose}'s own count, so it is not independent."
    )


def ratio_sentence(
    template: str,
    pair: Pair,
    words: tuple[str, str],
    relation_text: str,
    effect_text: str,
    context: Context,
) -> str:
    """The sentence of a difference sized by a ratio (a scope share, a basis ratio): its
    template (`{a_label}`, `{a_value}`, ..., `{relation_text}`, `{effect_text}`) filled, then the
    afterword of its context."""
    return template.format(
        a_label=claim_label(pair.a),
        b_label=claim_label(pair.b),
        a_value=words[0],
        b_value=words[1],
        relation_text=relation_text,
        effect_text=effect_text,
    ) + afterword(context)


def relation_words(noun: str, relation: str, gap: Span) -> str:
    if relation == "wider":
        text = f"a's {noun} is wider"
        return text + ", which points the way of the gap" if gap.low > 0 else text
    if relation == "narrower":
        text = f"a's {noun} is narrower"
        if gap.low > 0:
            text += ", so it works against the gap: a counts less and still says more"
        return text
    nouns = PLURALS.get(noun, f"{noun}s")
    if relation == "disjoint":
        return f"the two count different {nouns} that do not overlap"
    if relation == "overlapping":
        return f"the {nouns} overlap without one containing the other"
    return f"how the {nouns} relate is unknown"


PLURALS = {"set of perpetrators": "sets of perpetrators"}


def share_break_even(closing: Closing) -> str | None:
    """The ratio of a count over one scope to one over the other that would close the residual."""
    multiplier = closing.multiplier
    if multiplier is None:
        return None
    difference, a, b = closing.difference, closing.a, closing.b
    over_a, over_b = f"over {difference.a_value}", f"over {difference.b_value}"
    if difference.kind == "perpetrators":
        over_a = f"of deaths by {party_words(a.perpetrators)}"
        over_b = f"of deaths by {party_words(b.perpetrators)}"
    elif difference.kind == "outcome":  # `of people killed`, `of people who died`
        over_a, over_b = (
            f"of {people_words('people', a.outcome)}",
            f"of {people_words('people', b.outcome)}",
        )
    if multiplier >= 1:
        return f"a count {over_a} at least {multiplier:.2f} times the one {over_b}"
    return f"a count {over_a} at most {multiplier:.0%} of the one {over_b}"
