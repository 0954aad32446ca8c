"""Finding a counter's aliases in an article's text: one pattern for many aliases (longest
first), the matches several such patterns give together, and where an alias is first named."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence


@functools.lru_cache(maxsize=64)
def alias_pattern(aliases: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for all aliases, longest first. Most articles define no organisation of
    their own, so they share the pattern of the known ones (compiling it is most of the cost of
    reading an article's organisations)."""
    return re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
        + r")(?![\w])"
    )


def alias_matches(patterns: Sequence[re.Pattern[str]], text: str) -> list[re.Match[str]]:
    """The matches one pattern of all the patterns' aliases would give: from left to right,
    at each start the longest alias, the next search after its end."""
    if len(patterns) == 1:
        return list(patterns[0].finditer(text))
    found: list[re.Match[str]] = []
    pos = 0
    while matches := [m for p in patterns if (m := p.search(text, pos)) is not None]:
        best = min(matches, key=lambda m: (m.start(), -m.end()))
        found.append(best)
        pos = best.end()
    return found


def first_end(text: str, aliases: Sequence[str]) -> int:
    """Where the first whole occurrence of any alias in `text` ends (past the end if none)."""
    ends = [at + len(alias) for alias in aliases if (at := text.find(alias)) >= 0]
    return min(ends, default=len(text) + 1)
