"""Where a speaker spoke or stood: never the area of what was said, nor the article's country.

"Speaking to reporters at the end of a visit to Mombasa, the minister said", "the minister said in
a statement from Mombasa", "the envoy, speaking by telephone from Geneva, said", "a witness in
Akcakale said": the place is the speaker's, wherever the phrase stands in the sentence and however
many words of circumstance ("to reporters", "at the end of a two-day visit") come between the
verb and the place. A place inside what was said ("said in a statement that 12 people were
killed in Mombasa") is not: no word of the reported clause ("that", a number, a verb) may come
between. One pass over the text, each match bounded by a few words: linear in its length.
"""

from __future__ import annotations

import re

__all__ = ["speaking_places", "standing_places"]

# A word of circumstance between the verb and the place: no preposition (each one opens a new
# phrase, so a span of words is read one way only), nothing that opens or carries a reported
# clause, no number.
_STOP_WORDS = (
    r"to|at|after|before|during|by|on|via|over|with|following|in|from|of|for|near|"
    r"that|who|which|where|when|while|and|but|or|said|says|say|told|killed|died|dead|were|was|"
    r"is|are|had|has|have|been|being"
)
_WORD = rf"(?!(?:{_STOP_WORDS})\b)[A-Za-z][\w'\u2019-]*"
_CIRCUMSTANCE = (
    rf"(?:\s+(?:to|at|after|before|during|by|on|via|over|with|following|in|of|near)"
    rf"(?:\s+{_WORD}){{1,5}})"
)
# The place itself: its capitalised name, after "the" and up to three words describing it ("the
# coastal city of Mombasa", "the Kenyan capital Nairobi").
_PLACE = (
    r"(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:town|city|village|capital|port|camp|district|region|"
    r"province)(?:\s+of)?,?\s+)?"
    r"(?P<place>[A-Z][\w'\u2019.-]*(?:\s+(?:[A-Z][\w'\u2019.-]*|de|da|del|al|el|es)){0,3})"
)
_SPEAKING = re.compile(
    r"\b(?:[Ss]peaking|spoke|told\s+(?:reporters|journalists|the\s+press|"
    r"(?:a|the)\s+(?:news\s+|press\s+)?(?:conference|briefing))|"
    r"(?:said|says)\s+in\s+an?\s+(?:statement|video|post|interview|message)"
    r"(?:\s+(?:issued|released|sent|posted|published|read))?|"
    r"(?:news|press)\s+(?:conference|briefing))"
    rf"{_CIRCUMSTANCE}{{0,5}}?\s+(?:in|from|at)\s+{_PLACE}"
)
# A speaker who stands somewhere and says what they saw or heard: "a witness in Akcakale said",
# "residents in Kidal told Reuters", "according to activists in Idlib".
_STANDING = re.compile(
    r"(?:(?P<according>according\s+to)\s+(?:(?:a|an|the|local|other)\s+)?)?"
    r"\b(?:(?:eye)?witness(?:es)?|residents?|activists?|journalists?|correspondents?|"
    r"reporters?|doctors?|medics?|(?:security|local|medical|hospital)\s+sources?)"
    rf"\s+(?:in|at|from)\s+{_PLACE}"
    r"(?P<said>,?\s+(?:(?:has|had|have|also|later)\s+)?(?:said|say|says|told|reported)\b)?"
)


def speaking_places(text: str) -> list[tuple[int, int]]:
    """Where a speaker spoke, as (start, end) of each place name: "Speaking in Washington",
    "told reporters in Geneva", "said in a statement from Nairobi"."""
    return [match.span("place") for match in _SPEAKING.finditer(text)]


def standing_places(text: str) -> list[tuple[int, int]]:
    """Where a speaker who saw or heard stood, as (start, end) of each place name: "a witness
    in Akcakale said", "according to residents in Kidal" (not "three residents in Kidal were
    killed": no verb of saying after, nor "according to" before)."""
    return [
        match.span("place")
        for match in _STANDING.finditer(text)
        if match.group("according") or match.group("said")
    ]
