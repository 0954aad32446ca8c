"""The hang guard of the suite fails on a hang only, and passes results and errors through."""

from __future__ import annotations

import threading

import pytest
from hang_guard import within


def test_a_hang_fails_the_test() -> None:
    stop = threading.Event()
    with pytest.raises(pytest.fail.Exception, match="a hang"):
        within(lambda: stop.wait(30), seconds=0.05)
    stop.set()


def test_the_result_and_the_error_reach_the_caller() -> None:
    assert within(lambda: 42) == 42
    with pytest.raises(KeyError, match="x"):
        within(lambda: {}["x"])
