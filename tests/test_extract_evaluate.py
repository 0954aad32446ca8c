"""Accuracy of extract on the FA-KES dev half (skipped without ../shared/data).

The evaluation runs once per session (the `evaluation` fixture); speed is measured by
`make bench` (tools/bench.py), as a ratio, never asserted here."""

from __future__ import annotations

from pathlib import Path

import pytest

import tools.eval_extract
from tools.eval_extract import TARGET_ACCURACY, EvaluationResult, evaluate, main, report

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
CORPUS = SHARED / "extraction" / "fakes-dev.csv"
pytestmark = pytest.mark.skipif(
    not SHARED.exists(), reason="../shared/data is not here (fresh clone)"
)


@pytest.fixture(scope="session")
def evaluation() -> EvaluationResult:
    return evaluate(CORPUS)


def test_headline_accuracy_meets_target(evaluation: EvaluationResult) -> None:
    assert evaluation.articles == 402
    assert evaluation.civilians.accuracy >= TARGET_ACCURACY, report(evaluation)
    assert evaluation.seconds > 0
    assert len(evaluation.worst) == 10


def test_main_prints_the_metrics(
    evaluation: EvaluationResult,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # main's own work is reading its arguments and printing: reuse the session's evaluation.
    asked: list[str] = []

    def once(path: str | Path) -> EvaluationResult:
        asked.append(str(path))
        return evaluation

    monkeypatch.setattr(tools.eval_extract, "evaluate", once)
    assert main([str(CORPUS)]) == 0
    assert asked == [str(CORPUS)]
    out = capsys.readouterr().out
    for label in ("civilians killed: accuracy", "children: accuracy", "precision", "recall"):
        assert label in out
    assert "ten worst misses" in out


def test_main_refuses_a_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["/nonexistent/fakes.csv"]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_ged_headlines_give_the_readers_toll_in_both_halves() -> None:
    from tools.eval_extract import evaluate_ged

    result = evaluate_ged(SHARED / "events")
    assert result.failed == 0
    assert set(result.halves) == {"tune", "check"}
    for half in result.halves.values():
        assert half.read == half.headlines > 50  # every headline has a reader's toll
        assert half.accuracy >= 0.85


def test_fakes_report_gives_both_halves(evaluation: EvaluationResult) -> None:
    text = report(evaluation)
    assert "half 0 (tuning) of the dev file" in text and "half 1 (check) of the dev file" in text


def test_dev_file_above_85_percent_and_the_check_half_close_behind(
    evaluation: EvaluationResult,
) -> None:
    """Issue 12: the dev file above 85%; rules are tuned on half 0 only, and half 1, like the
    unseen FA-KES half, must reach 80% within a few points of it."""
    tuning, check = evaluation.halves
    assert evaluation.civilians.accuracy > 0.85, report(evaluation)
    assert tuning.accuracy > 0.85 and check.accuracy >= 0.80
    assert tuning.accuracy - check.accuracy <= 0.05
