"""A guard against hangs that is not a speed assertion.

`within(function)` runs `function` in a thread and fails the test only when it is still running
after `HANG_SECONDS` (tens of seconds: a loop that never ends, a read that blocks forever), never
because a busy machine made it slow. What it returns or raises reaches the caller. Speed itself
is measured by `make bench`, as ratios (README, "Performance").
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

import pytest

HANG_SECONDS = 60.0
T = TypeVar("T")


def within(function: Callable[[], T], seconds: float = HANG_SECONDS) -> T:
    """What `function()` returns (or raises), unless it is still running after `seconds`."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = function()
        except BaseException as error:  # handed to the caller below
            outcome["error"] = error

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        pytest.fail(f"still running after {seconds:g} s: a hang, not a slow machine")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
