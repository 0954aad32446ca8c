"""How a toll was established (`basis`), from the verb its sentence uses.

"has verified the deaths", "confirmed" give `verified`; "documented" gives `documented`;
"estimated", "estimates" give `estimated`; anything else, including a figure that "could not
be independently verified", stays `reported`. When a sentence uses several, the one nearest
the figure decides. Then the source decides too (`source_basis`): a source that verifies by
method (OHCHR) is `verified` by default, and a government or an outlet never is.
"""

from __future__ import annotations

import re
from typing import Protocol

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


# Sources whose published counts are verified by method (each death checked against
# independent sources before it is counted): their figures are `verified` unless the sentence
# says otherwise. Everyone else's default is `reported`.
VERIFYING_SOURCES = frozenset({"OHCHR", "HRMMU", "UNAMA"})
# Kinds of source whose "confirmed" is an announcement, not a verification in the format's
# sense: a ministry, an emergency service, an army or an outlet that "confirmed" deaths reports.
_ANNOUNCING_KINDS = frozenset({"government", "media", "other"})


class _Source(Protocol):
    @property
    def key(self) -> str: ...

    @property
    def kind(self) -> str: ...


def source_basis(basis: str, source: _Source) -> str:
    """The basis of a statement given who counted it: a verifying source's plain statement is
    `verified`; `verified` from a government, outlet or unknown speaker is `reported`."""
    if basis == "reported" and source.key in VERIFYING_SOURCES:
        return "verified"
    if basis == "verified" and source.kind in _ANNOUNCING_KINDS:
        return "reported"
    return basis
