"""Regular expressions compiled on their first use.

A command compiles every module-level pattern of every module it imports, used or not: a
report on a file whose dates are all ISO days never needs the `7 May 2019` pattern, and an error
message's escaping never runs on a good file. Compiling a pattern costs tens of microseconds,
which a command's start-up feels (README, "Performance"). The patterns a command rarely needs
are declared with `on_first_use` and called where they are used: `_DAY_MONTH().fullmatch(s)`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

__all__ = ["on_first_use"]


def on_first_use(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function giving `re.compile(pattern, flags)`, compiled when it is first called and the
    same object on every call after."""

    @functools.cache
    def compiled() -> re.Pattern[str]:
        return re.compile(pattern, flags)

    return compiled
