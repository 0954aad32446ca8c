"""How a toll was established (`basis`), from the verb its sentence uses.

"has verified the deaths", "confirmed" give `verified`; "documented" gives `documented`;
"estimated", "estimates" give `estimated`; anything else, including a figure that "could not
be independently verified", stays `reported`. When a sentence uses several, the one nearest
the figure decides.
"""

from __future__ import annotations

import re

_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "verified",
        re.compile(r"\b(?:verified|verifie[sd]|verify|confirm(?:ed|s)?|corroborated)\b", re.I),
    ),
    ("documented", re.compile(r"\bdocument(?:ed|s)\b", re.I)),
    ("estimated", re.compile(r"\bestimated?\b|\bestimates\b", re.I)),
)
# A cue said not to hold: "could not be independently verified", "unconfirmed".
_NEGATED = re.compile(
    r"\b(?:not|n't|never|cannot|unable to|no way to|impossible to)\s+(?:(?:be|been|yet|"
    r"independently|immediately|officially|so far)\s+){0,3}$",
    re.I,
)


def find_basis(sentence: str, start: int, end: int) -> str:
    """The basis of the statement at `start`..`end` of `sentence`: `reported` unless a cue says
    `verified`, `documented` or `estimated`."""
    best: tuple[int, str] | None = None
    for basis, pattern in _CUES:
        for match in pattern.finditer(sentence):
            if _NEGATED.search(sentence[max(0, match.start() - 40) : match.start()]):
                continue
            distance = start - match.end() if match.end() <= start else max(0, match.start() - end)
            if best is None or distance < best[0]:
                best = (distance, basis)
    return best[1] if best else "reported"
