"""Keep what a function returns while a command runs, so that one expensive CLI run (a linkage)
serves several tests: the CLI test asserts its output, the others the objects it computed.

The function is wrapped, never replaced: the command runs exactly as it does for a user.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

import pytest


@contextmanager
def kept_results(module: ModuleType, name: str) -> Iterator[list[tuple[tuple[Any, ...], Any]]]:
    """While inside, every call of `module.name` (looked up at call time, as the CLI's lazy
    imports do) is recorded as (its arguments, what it returned)."""
    calls: list[tuple[tuple[Any, ...], Any]] = []
    real: Callable[..., Any] = getattr(module, name)

    def kept(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        calls.append(((*args, *kwargs.values()), result))
        return result

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(module, name, kept)
        yield calls
