"""The headline toll of an article: the count of the event it reports.

News articles about one attack also repeat war-wide figures ("the conflict has killed more than
280,000 people since 2011") and earlier events' tolls. The headline is the first toll, in the
article's order, of people killed in the event itself: civilians where the sentence names them,
else people (which annotators and readers take as the civilian toll unless fighters are named).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from casualty_recon.extract.statements import Statement

_NON_COMBATANT = (
    "civilians",
    "people",
    "children",
    "women",
    "men",
    "health workers",
    "journalists",
    "aid workers",
)
_CIVILIAN_GROUPS = ("civilians", "health workers", "journalists", "aid workers")
# How many sentences after a vague headline ("dozens killed") to look for its precise count.
_PRECISE_WITHIN = 4
# Signs that a statement counts the whole war, not the event the article reports.
_CUMULATIVE = re.compile(
    r"\bsince (?:the )?(?:(?:start|beginning|outbreak|onset) of|conflict|war|uprising|crisis|"
    r"revolution|revolt|protests|unrest|fighting (?:began|started|erupted))|"
    r"\bsince (?:(?:early|mid|late|march|april|may) )*20(?:0\d|1[0-2])\b|"
    r"\b(?:in|of|during) (?:the |syria'?s |syrias |a )?(?:(?:\w+|\d+)-year(?:-old|-long)? |"
    r"civil |\w+-year-old civil )?(?:war|conflict|crisis|uprising|revolution)\b(?!-)|"
    r"\b(?:conflict|war|crisis|fighting) (?:that |which )?(?:has|have|had|began|started|"
    r"erupted|broke out)\b|\bin total\b|\bso far this year\b|\bsince january\b|"
    r"\bthis year\b|\bso far\b|\btotal (?:death )?toll\b|\boverall\b",
    re.I,
)
_NEAR = 90


def is_cumulative(statement: Statement) -> bool:
    """True when the statement's sentence frames its figure as a war-wide or yearly total."""
    text = statement.sentence.text
    near = text[max(0, statement.start - _NEAR) : statement.end + _NEAR]
    return bool(_CUMULATIVE.search(near)) or statement.low >= 100_000


def event_statements(statements: Sequence[Statement]) -> list[Statement]:
    """The statements of people killed in the event the article reports."""
    return [
        s
        for s in statements
        if s.outcome == "killed" and s.population in _NON_COMBATANT and not is_cumulative(s)
    ]


def headline_civilians(statements: Sequence[Statement]) -> Statement | None:
    """The article's headline civilian toll, or None when it states none.

    Civilians where the first sentence with a toll names them, else people; a vague count
    ("dozens of civilians") gives way to a precise one stated soon after.
    """
    candidates = event_statements(statements)
    first = _first_by_preference(candidates)
    if first is None or not first.vague:
        return first
    for statement in candidates:
        if (
            not statement.vague
            and 0 < statement.sentence.index - first.sentence.index <= _PRECISE_WITHIN
            and statement.population in (first.population, "people", "civilians")
        ):
            return statement
    return None


def _first_by_preference(candidates: Sequence[Statement]) -> Statement | None:
    by_sentence: dict[int, list[Statement]] = {}
    for statement in candidates:
        by_sentence.setdefault(statement.sentence.index, []).append(statement)
    for index in sorted(by_sentence):
        group = by_sentence[index]
        for populations in (("civilians",), ("people",), _CIVILIAN_GROUPS):
            for statement in group:
                if statement.population in populations:
                    return statement
    return candidates[0] if candidates else None


def headline_children(statements: Sequence[Statement]) -> Statement | None:
    """The article's headline count of children killed, or None."""
    for statement in event_statements(statements):
        if statement.population == "children":
            return statement
    return None


def headline_killed(statements: Sequence[Statement]) -> Statement | None:
    """The article's headline toll of people killed, whoever they were (fighters too): the
    first statement of a death toll that is not a war-wide total."""
    for statement in statements:
        if statement.outcome == "killed" and not is_cumulative(statement):
            return statement
    return None


def headline_toll(statements: Sequence[Statement]) -> list[Statement]:
    """The statements that make up the toll a reader would write from a headline or a one-line
    event description: the first event toll of people killed (a cumulative one when it is the
    only one); a running toll in the same sentence over an increment ("Four more die ...; toll
    rises to 17"); else the groups the same sentence adds up ("5 soldiers, 2 rebels" is 7, parts
    such as "including 3 children" are not added)."""
    killed = [s for s in statements if s.outcome == "killed"]
    first = next((s for s in killed if not is_cumulative(s)), killed[0] if killed else None)
    if first is None:
        return []
    same = [
        s for s in killed if s.sentence.index == first.sentence.index and s.start >= first.start
    ]
    running = [s for s in same if s.shape == "toll"]
    if running:
        return running[-1:]
    groups = [s for s in same if s is first or not _is_sub_part(s)]
    return [s for s, after in zip(groups, [*groups[1:], None], strict=True) if not _among(s, after)]


# "including 3 children", "among them", "of whom": a number that is part of the one before.
_SUB_PART = re.compile(
    r"(?:\bincluding|\bincluded|\bamong them|\bamong whom|\bamong those|\bof whom|\bof them|"
    r"\bmost of them|\bamong the (?:dead|victims|killed))\s*(?:(?:at least|more than|some|"
    r"about|nearly|around|the|an?)\s+)*$",
    re.I,
)


def _is_sub_part(statement: Statement) -> bool:
    text = statement.sentence.text
    return bool(_SUB_PART.search(text[max(0, statement.start - 60) : statement.start])) or bool(
        re.match(r"\s+of (?:them|whom)\b", text[statement.end : statement.end + 12], re.I)
    )


def _among(statement: Statement, after: Statement | None) -> bool:
    """ "Five policemen among 40 killed": the first number is a part of the second."""
    if after is None:
        return False
    between = statement.sentence.text[statement.end : after.start]
    return bool(re.fullmatch(r"\s+(?:[\w'-]+\s+){0,3}among\s+(?:the\s+)?", between, re.I))
