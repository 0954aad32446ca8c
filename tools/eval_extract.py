"""Measure the extractor on annotated articles: `python -m tools.eval_extract CSV`.

The CSV is the FA-KES corpus layout (`article_content`, `nb_civilians`, `nb_children`, `date`,
`unit_id`). For each article the extractor's headline toll of civilians killed (0 when it finds
none) is compared with the annotation: accuracy over all articles, and precision and recall of
the non-zero figures; the same for children. The ten worst misses are listed so that rules can
be improved, not fitted to single articles. Speed is the whole `extract_claims` pipeline.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from casualty_recon.extract.claims import extract_claims
from casualty_recon.extract.headline import headline_children, headline_civilians
from casualty_recon.extract.statements import Statement, article_statements
from casualty_recon.extract.text import article_text, split_sentences
from casualty_recon.model.errors import UsageError

TARGET_ACCURACY = 0.75
_WORST = 10


@dataclass(frozen=True, slots=True)
class Score:
    """Agreement of predicted and annotated counts for one field."""

    articles: int
    correct: int
    predicted_nonzero: int
    correct_nonzero_predicted: int
    annotated_nonzero: int
    correct_nonzero_annotated: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.articles if self.articles else 0.0

    @property
    def precision(self) -> float:
        """Of the non-zero figures extracted, the share equal to the annotation."""
        if not self.predicted_nonzero:
            return 0.0
        return self.correct_nonzero_predicted / self.predicted_nonzero

    @property
    def recall(self) -> float:
        """Of the non-zero annotated figures, the share the extractor gives exactly."""
        if not self.annotated_nonzero:
            return 0.0
        return self.correct_nonzero_annotated / self.annotated_nonzero


@dataclass(frozen=True, slots=True)
class Miss:
    article: str
    annotated: int
    extracted: int
    sentence: str

    @property
    def error(self) -> int:
        return abs(self.annotated - self.extracted)


@dataclass(frozen=True, slots=True)
class EvaluationResult:
    civilians: Score
    children: Score
    worst: tuple[Miss, ...]
    seconds: float
    claims: int = 0
    notes: tuple[str, ...] = field(default=())

    @property
    def articles(self) -> int:
        return self.civilians.articles

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else float("inf")


@dataclass(frozen=True, slots=True)
class _Article:
    key: str
    text: str
    published: dt.date | None
    civilians: int
    children: int


def read_corpus(csv_path: str | Path) -> list[_Article]:
    """The annotated articles of a FA-KES-style CSV."""
    path = Path(csv_path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise UsageError(f"cannot read '{path}': {exc.strerror}") from None
    needed = {"article_content", "nb_civilians", "nb_children"}
    if rows and not needed <= set(rows[0]):
        raise UsageError(
            f"'{path}' lacks the columns {', '.join(sorted(needed - set(rows[0])))}",
            "give the FA-KES CSV (article_content, nb_civilians, nb_children, date)",
        )
    return [
        _Article(
            key=row.get("unit_id") or str(number),
            text=row["article_content"],
            published=_us_date(row.get("date", "")),
            civilians=_count(row["nb_civilians"]),
            children=_count(row["nb_children"]),
        )
        for number, row in enumerate(rows, 1)
    ]


def evaluate(csv_path: str | Path) -> EvaluationResult:
    """Run the extractor over an annotated corpus and score it, timing the whole pipeline."""
    articles = read_corpus(csv_path)
    started = time.perf_counter()
    claims = 0
    for article in articles:
        try:
            claims += len(
                extract_claims([(article.key, article.text)], published=article.published)
            )
        except UsageError:
            continue  # an article with tolls but no place: the CLI reports it
    seconds = time.perf_counter() - started
    predictions: list[tuple[_Article, Statement | None, Statement | None]] = []
    for article in articles:
        statements = article_statements(split_sentences(article_text(article.text)))
        predictions.append((article, headline_civilians(statements), headline_children(statements)))
    civilians = _score([(a.civilians, _value(c)) for a, c, _ in predictions])
    children = _score([(a.children, _value(k)) for a, _, k in predictions])
    misses = [
        Miss(a.key, a.civilians, _value(c), c.sentence.text if c else "")
        for a, c, _ in predictions
        if _value(c) != a.civilians
    ]
    misses.sort(key=lambda m: (-m.error, m.article))
    return EvaluationResult(civilians, children, tuple(misses[:_WORST]), seconds, claims)


def _value(statement: Statement | None) -> int:
    return statement.stated if statement is not None else 0


def _score(pairs: Sequence[tuple[int, int]]) -> Score:
    return Score(
        articles=len(pairs),
        correct=sum(1 for gold, got in pairs if gold == got),
        predicted_nonzero=sum(1 for _, got in pairs if got),
        correct_nonzero_predicted=sum(1 for gold, got in pairs if got and gold == got),
        annotated_nonzero=sum(1 for gold, _ in pairs if gold),
        correct_nonzero_annotated=sum(1 for gold, got in pairs if gold and gold == got),
    )


def _count(text: str) -> int:
    try:
        return int(float(text or 0))
    except ValueError:
        return 0


def _us_date(text: str) -> dt.date | None:
    """FA-KES dates are month/day/two-digit year."""
    try:
        return dt.datetime.strptime(text.strip(), "%m/%d/%y").date()
    except ValueError:
        return None


def report(result: EvaluationResult) -> str:
    """The evaluation as plain text."""
    lines = [f"articles: {result.articles}"]
    for label, score in (("civilians killed", result.civilians), ("children", result.children)):
        lines.append(
            f"{label}: accuracy {score.accuracy:.1%} ({score.correct}/{score.articles}), "
            f"precision {score.precision:.1%} ({score.correct_nonzero_predicted}/"
            f"{score.predicted_nonzero} non-zero extracted), recall {score.recall:.1%} "
            f"({score.correct_nonzero_annotated}/{score.annotated_nonzero} non-zero annotated)"
        )
    verdict = "meets" if result.civilians.accuracy >= TARGET_ACCURACY else "BELOW"
    lines.append(f"target: {TARGET_ACCURACY:.0%} civilians-killed accuracy: {verdict}")
    lines.append(
        f"speed: {result.articles_per_second:.0f} articles/s "
        f"({result.seconds:.2f} s, {result.claims} claims)"
    )
    lines.append("ten worst misses (annotated vs extracted):")
    for miss in result.worst:
        sentence = " ".join(miss.sentence.split())
        shown = sentence[:110] + ("..." if len(sentence) > 110 else "")
        lines.append(f"  {miss.article}: {miss.annotated} vs {miss.extracted}  {shown}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python -m tools.eval_extract CSV", file=sys.stderr)
        return 2
    try:
        result = evaluate(args[0])
    except UsageError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(f"  hint: {exc.hint}", file=sys.stderr)
        return 2
    print(report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
