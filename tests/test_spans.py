"""Spans, the engine's intervals: their arithmetic, and that they never act as plain tuples."""

from __future__ import annotations

import math

import pytest

from casualty_recon.model.spans import INF, Span


def test_a_span_is_an_interval_not_a_tuple_to_repeat_or_join() -> None:
    # A Span is a NamedTuple (cheap to make): + and * are the interval's, and a number times a
    # Span is refused rather than repeating the pair.
    assert Span(1, 2) + Span(10, 20) == Span(11, 22)
    assert Span(1, 2) - Span(10, 20) == Span(-19, -8)
    assert Span(1, 2) * Span(-1, 3) == Span(-2, 6)
    assert Span(0, 0) * Span(-INF, INF) == Span(0, 0)  # a zero-width factor removes the effect
    assert Span(1, 2).scale(3) == Span(3, 6)
    assert Span(4, 8).divide(Span(-1, 1)) is None
    with pytest.raises(TypeError):
        _ = 2 * Span(1, 2)


def test_the_middle_of_an_open_span_is_its_closed_end() -> None:
    assert Span(10, INF).mid == 10
    assert Span(-INF, 5).mid == 5
    assert math.isclose(Span(1, 2).mid, 1.5)
