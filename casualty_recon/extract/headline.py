"""The headline toll of an article: the count of the event it reports.

News articles about one attack also repeat war-wide figures ("the conflict has killed more than
280,000 people since 2011") and earlier events' tolls. The headline is the first toll, in the
article's order, of people killed in the event itself: civilians where the sentence names them,
else people (which annotators and readers take as the civilian toll unless fighters are named).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

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
# How many sentences after a headline of groups (children, women) to look for their total.
_TOTAL_WITHIN = 2
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


# People killed in fighting between armed parties, without civilians named, were fighters.
_FIGHTING = re.compile(
    r"\b(?:clash(?:es|ed)?|fighting|battles?|firefights?|gunfights?|skirmish(?:es)?)\b", re.I
)


def _in_fighting(statement: Statement) -> bool:
    text = statement.sentence.text
    near = text[max(0, statement.start - _NEAR) : statement.end + _NEAR]
    return (
        statement.population == "people"
        and bool(_FIGHTING.search(near))
        and not re.search(r"\bcivilian", text, re.I)
    )


def event_statements(statements: Sequence[Statement]) -> list[Statement]:
    """The statements of people killed in the event the article reports."""
    return [
        s
        for s in statements
        if s.outcome == "killed"
        and s.population in _NON_COMBATANT
        and not is_cumulative(s)
        and not _in_fighting(s)
    ]


def headline_civilians(statements: Sequence[Statement]) -> Statement | None:
    """The article's headline civilian toll, or None when it states none.

    None when the article's lead reports fighters killed and no non-combatants. The headline
    sentence is the first with a toll of non-combatants killed: civilians where it
    names them, else people, else its groups ("Ten children and five women have been killed",
    "five children and four medical staff": `_groups_headline`). A vague count ("dozens of
    civilians") gives way to a precise one stated soon after that could be called so (3 is not
    "dozens": at least a quarter of the word's least reading).
    """
    candidates = event_statements(statements)
    if not candidates:
        return None
    if _reports_fighters(statements, candidates[0]):
        return None
    first = _first_by_preference(candidates)
    if first.population not in ("civilians", "people"):
        return _groups_headline(first, candidates)
    if not first.vague:
        return first
    for statement in candidates:
        if (
            not statement.vague
            and 0 < statement.sentence.index - first.sentence.index <= _PRECISE_WITHIN
            and statement.population in (first.population, "people", "civilians")
            and statement.stated >= first.low // 4
        ):
            return statement
    return None


# The title and lead of an article: the sentences that say what event it reports.
_LEAD_SENTENCES = 2


def _reports_fighters(statements: Sequence[Statement], first: Statement) -> bool:
    """True when the article's lead reports fighters killed ("Air strikes kill at least 20
    Islamic State fighters") before any toll of non-combatants: the civilians counted further
    down are asides (other towns, other days, "also killed"), not the event's civilian toll."""
    lead = next((s for s in statements if s.outcome == "killed" and not is_cumulative(s)), None)
    return (
        lead is not None
        and lead.population == "combatants"
        and lead.sentence.index < min(first.sentence.index, _LEAD_SENTENCES)
    )


def _first_by_preference(candidates: Sequence[Statement]) -> Statement:
    """The first statement, by population, of the first sentence that has one."""
    index = candidates[0].sentence.index
    group = [s for s in candidates if s.sentence.index == index]
    for populations in (("civilians",), ("people",), _CIVILIAN_GROUPS):
        for statement in group:
            if statement.population in populations:
                return statement
    return group[0]


def _groups_headline(first: Statement, candidates: Sequence[Statement]) -> Statement:
    """The toll of a headline sentence that names only groups (children, women, medical
    staff...): one group is its own toll; several give the civilians or people total of the
    next sentences that takes them in (at least their sum), else their sum. A group named twice
    in the sentence (a title run into the lead) counts once; a part of another ("including two
    girls") is not added."""
    index = first.sentence.index
    parts: dict[tuple[int, str], Statement] = {}
    for statement in candidates:
        if statement.sentence.index == index and not _is_sub_part(statement):
            parts.setdefault((statement.stated, statement.population), statement)
    if len(parts) < 2:
        return first
    total = sum(s.stated for s in parts.values())
    for statement in candidates:
        if (
            0 < statement.sentence.index - index <= _TOTAL_WITHIN
            and statement.population in ("civilians", "people")
            and not statement.vague
            and statement.stated >= total
        ):
            return statement
    exact = all(s.low == s.stated for s in parts.values())
    return replace(
        first,
        figure=str(total) if exact else f"at least {total}",
        stated=total,
        low=sum(s.low for s in parts.values()),
        high=total if exact else None,
        population="people",
    )


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
