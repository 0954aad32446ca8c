"""Who a toll statement says did the killing, as canonical party names.

Only what the sentence says: "by government or Russian forces", "in regime bombing", "Russian
air strikes", "U.S.-led coalition raids". A sentence that names no party leaves the claim's
perpetrators as `any`.
"""

from __future__ import annotations

import re

_ATTACK = (
    r"(?:forces|troops|army|soldiers|aircraft|warplanes|war planes|jets|planes|helicopters?|"
    r"air ?strikes?|air raids?|raids?|bombing|bombs|bombardment|shelling|shells|artillery|"
    r"barrel bombs?|missiles?|rockets?|offensive|attacks?|strikes?|militias?|air force|"
    r"aviation|fire|assault|military|drones?|gunfire|snipers?|shelling|mortars?)"
)
# Canonical names as `casualty_recon.parties` spells them.
_PARTIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.I))
    for name, pattern in (
        (
            "Syrian government",
            rf"\b(?:(?:Syrian |Assad |pro-)?(?:government|regime)|Syrian|Assad|loyalist)(?:'s)? "
            rf"(?:(?:and|or) Russian )?{_ATTACK}\b|"
            r"\bby (?:the )?(?:Syrian )?(?:government|regime)\b|"
            r"\bSyrian (?:army|air force)\b|\b(?:government|regime) (?:or|and) Russian\b",
        ),
        (
            "Russian forces",
            rf"\bRussian?(?:'s)? (?:(?:and|or) (?:Syrian |regime |government )?)?{_ATTACK}\b|"
            r"\b(?:government|regime|Syrian) (?:or|and) Russian\b|\bby Russia\b",
        ),
        (
            "US-led coalition",
            rf"\b(?:U\.?S\.?-led|international|Western|anti-IS|anti-ISIS) coalition\b|"
            rf"\bcoalition {_ATTACK}\b|\b(?:U\.?S\.?|American) {_ATTACK}\b",
        ),
        (
            "Islamic State",
            r"\bby (?:the )?(?:Islamic State|ISIS|ISIL|IS|Daesh)\b|"
            r"\b(?:Islamic State|ISIS|ISIL|IS|Daesh)"
            r"(?: group| terrorists?| militants?| jihadists?)?"
            r" (?:suicide|car bomb|attack|bombing|shelling|militants|fighters|killed|executed|"
            r"beheaded|claimed|kills|executes)",
        ),
        ("Turkish forces", rf"\bTurk(?:ish|ey's|eys) {_ATTACK}\b|\bby Turkey\b"),
        ("Israeli forces", rf"\bIsraeli {_ATTACK}\b|\bby Israel\b"),
        (
            "armed opposition groups",
            rf"\b(?:rebel|opposition|insurgent|terrorist|militant)s?(?:'s)? {_ATTACK}\b|"
            r"\bby (?:the )?(?:rebels|opposition|terrorists|insurgents|militants)\b",
        ),
        ("Syrian Democratic Forces", r"\b(?:Syrian Democratic Forces|SDF|YPG)\b"),
        ("Hayat Tahrir al-Sham", r"\b(?:Hayat Tahrir al-Sham|HTS|Nusra Front|al-Nusra)\b"),
    )
)
# Party words that name the counter, not the killer ("the Syrian Observatory").
_NOT_A_PARTY = re.compile(r"\bSyrian (?:Observatory|Network|Arab|Civil|American|Coalition)\b")


def find_perpetrators(sentence: str) -> tuple[str, ...]:
    """The canonical parties a sentence blames, in a fixed order; empty for none."""
    text = _NOT_A_PARTY.sub("", sentence)
    return tuple(name for name, pattern in _PARTIES if pattern.search(text))
