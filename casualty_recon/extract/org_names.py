"""Organisations' names that hold a place: "the Islamic State in Iraq and the Levant", "Al-Qaeda
in the Arabian Peninsula", "the Syrian Observatory for Human Rights", "the Iraqi Red Crescent",
"Islamic State West Africa Province". A place inside such a name is no place of the article, nor
is where a body is based ("the UK-based Syrian Observatory").

A name is a run of capitalised words around a word that names a body and never a region (State
after a word that is no place, Qaeda, Observatory, Crescent, Cross, Network, Committee,
Organisation, Society, Federation, Foundation, Association, Institute, Watch, Emirate,
Caliphate), with up to three capitalised words before it and capitalised words after it, joined
by "in", "of", "for", "and" and "the". Armed groups named after their home ("Tigray People's
Liberation Front", "the Arakan Army") and state bodies ("Armed Forces of Ukraine", "United Nations
Mission in South Sudan") keep their place: it is where they act. One pass over the text, each
head read a bounded distance either side.
"""

from __future__ import annotations

import re
from collections.abc import Collection

_HEAD = re.compile(
    r"\b(?:State|Qa'?[ei]da|Qaida|Observatory|Crescent|Cross|Network|Committee|"
    r"Organi[sz]ation|Society|Federation|Foundation|Association|Institute|Watch|Emirate|"
    r"Caliphate)\b"
)
_LEAD_REACH = 60
# Up to three capitalised words right before the head ("Iraqi Red", "Al-"), not a preposition
# or an article opening a sentence ("In", "The").
_LEAD = re.compile(
    r"(?:(?<![\w'\u2019-])(?!(?:In|On|At|The|A|An|And|Of|For|By|From|To|With|As)\s)"
    r"[A-Z][\w'\u2019]*(?:\s+|-)){1,3}$"
)
_TAIL = (
    r"(?:\s+(?:(?:{joins})\s+(?:the\s+)?)?[A-Z][\w'\u2019-]*"
    r"(?:\s+(?:and|of|the)\s+(?:the\s+)?[A-Z][\w'\u2019-]*)*){{0,6}}"
)
# "in" joins a place to an armed group's name ("Islamic State in Iraq", "Al-Qaeda in the Islamic
# Maghreb"); after any other body it says where the body is ("the Red Cross in Myanmar").
_TAIL_IN = re.compile(_TAIL.format(joins="in|of|for"))
_TAIL_OF = re.compile(_TAIL.format(joins="of|for"))
_NAMED_IN = frozenset({"State", "Emirate", "Caliphate"})


# Where a body is based: "the UK-based Syrian Observatory", "a London-based monitor".
_BASED = re.compile(r"(?<![\w-])[A-Z][\w.']*(?:[ -][A-Z][\w.']*){0,2}-based\b")


def organisation_spans(text: str, place_ends: Collection[int]) -> list[tuple[int, int]]:
    """Start and end of each organisation name holding a place; `place_ends` are where the
    article's place names end ("Borno State" is a region: a place right before "State")."""
    spans = []
    for head in _HEAD.finditer(text):
        lead = _LEAD.search(text, max(0, head.start() - _LEAD_REACH), head.start())
        if head.group() == "State" and (lead is None or head.start() - 1 in place_ends):
            continue  # "Borno State", "Secretary of State": no organisation
        start = lead.start() if lead else head.start()
        joined_in = head.group() in _NAMED_IN or "Q" in head.group()  # Qaeda, Qaida
        tail = (_TAIL_IN if joined_in else _TAIL_OF).match(text, head.end())
        spans.append((start, tail.end() if tail else head.end()))
    spans.extend(match.span() for match in _BASED.finditer(text))
    return spans
