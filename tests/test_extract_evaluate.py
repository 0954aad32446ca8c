"""Accuracy and speed of extract on the FA-KES dev half (skipped without ../shared/data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.eval_extract import TARGET_ACCURACY, evaluate, main, report

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
CORPUS = SHARED / "extraction" / "fakes-dev.csv"
pytestmark = pytest.mark.skipif(
    not SHARED.exists(), reason="../shared/data is not here (fresh clone)"
)


def test_headline_accuracy_meets_target_and_speed_budget() -> None:
    result = evaluate(CORPUS)
    assert result.articles == 402
    assert result.civilians.accuracy >= TARGET_ACCURACY, report(result)
    assert result.articles_per_second >= 100, report(result)
    assert len(result.worst) == 10


def test_main_prints_the_metrics(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(CORPUS)]) == 0
    out = capsys.readouterr().out
    for label in ("civilians killed: accuracy", "children: accuracy", "precision", "recall"):
        assert label in out
    assert "ten worst misses" in out


def test_main_refuses_a_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["/nonexistent/fakes.csv"]) == 2
    assert "cannot read" in capsys.readouterr().err
