"""Measure the extractor: `python -m tools.eval_extract CSV [--events DIR] [--synthetic DIR]`.

Three corpora, none of which the rules are fitted to article by article:

- FA-KES (the CSV: `article_content`, `nb_civilians`, `nb_children`, `date`, `unit_id`), Syrian
  articles. For each article the extractor's headline toll of civilians killed (0 when it finds
  none) is compared with the annotation: accuracy over all articles, and precision and recall of
  the non-zero figures; the same for children. The ten worst misses are listed so that rules can
  be improved by class of sentence. Speed is the whole `extract_claims` pipeline.
- UCDP GED headlines from other conflicts (`--events`, built at evaluation time by
  `tools.ged_corpus`, whose docstring says how they are scored).
- The synthetic wire-style articles (`--synthetic`, tests/extract_articles): the share of the
  claims listed in expected.yaml that an extracted claim matches field for field.

Every article goes through `extract_claims` with a failure list: an article that fails is
counted as failed, never skipped.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from casualty_recon.extract.claims import ArticleFailure, ExtractedClaim, extract_claims
from casualty_recon.extract.headline import headline_children, headline_civilians, headline_toll
from casualty_recon.extract.statements import Statement, article_statements
from casualty_recon.extract.text import article_text, split_sentences
from casualty_recon.model.errors import UsageError
from casualty_recon.model.usage import CANNOT_READ_QUOTED, CSV_LACKS_COLUMNS, describe
from tools.ged_corpus import HALVES as GED_HALVES
from tools.ged_corpus import build as build_ged
from tools.ged_corpus import ged_files

TARGET_ACCURACY = 0.75
# The held-out half must come within this of the dev half (issue 12).
TARGET_GAP = 0.04
_WORST = 10
# Rules are tuned on half 0 of the dev file only; half 1 checks them (the unseen FA-KES half the
# issue's checks score is a third sample: a rule that helps half 0 and not half 1 is suspect).


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
    failed: int = 0
    halves: tuple[Score, ...] = ()  # civilians killed in half 0 (tuning) and half 1 (check)

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
        raise UsageError.of(CANNOT_READ_QUOTED, path=path, reason=exc.strerror) from None
    needed = {"article_content", "nb_civilians", "nb_children"}
    if rows and not needed <= set(rows[0]):
        raise UsageError.of(
            CSV_LACKS_COLUMNS,
            path=path,
            columns=", ".join(sorted(needed - set(rows[0]))),
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
    failures: list[ArticleFailure] = []
    for article in articles:
        claims += len(
            extract_claims(
                [(article.key, article.text)], published=article.published, failures=failures
            )
        )
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
    halves = []
    scores = []
    for half, role in ((0, "tuning"), (1, "check")):
        score = _score(
            [(a.civilians, _value(c)) for a, c, _ in predictions if _half_of(a.key) == half]
        )
        scores.append(score)
        halves.append(
            f"civilians killed, half {half} ({role}) of the dev file by a hash of unit_id: "
            f"{score.accuracy:.1%} ({score.correct}/{score.articles})"
        )
    return EvaluationResult(
        civilians,
        children,
        tuple(misses[:_WORST]),
        seconds,
        claims,
        notes=tuple(halves),
        failed=len(failures),
        halves=tuple(scores),
    )


def _half_of(key: str) -> int:
    """A stable half of an article (how far the score moves between two halves of one file)."""
    return hashlib.sha1(key.encode("utf-8")).digest()[0] % 2


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
    lines.extend(result.notes)
    verdict = "meets" if result.civilians.accuracy >= TARGET_ACCURACY else "BELOW"
    lines.append(f"target: {TARGET_ACCURACY:.0%} civilians-killed accuracy: {verdict}")
    lines.append(
        f"speed: {result.articles_per_second:.0f} articles/s "
        f"({result.seconds:.2f} s, {result.claims} claims, {result.failed} articles failed)"
    )
    lines.append("ten worst misses (annotated vs extracted):")
    for miss in result.worst:
        sentence = " ".join(miss.sentence.split())
        shown = sentence[:110] + ("..." if len(sentence) > 110 else "")
        lines.append(f"  {miss.article}: {miss.annotated} vs {miss.extracted}  {shown}")
    return "\n".join(lines)


# --- the second corpus: UCDP GED headlines --------------------------------------------------


@dataclass(frozen=True, slots=True)
class GedHalf:
    """One half of the GED corpus: the reader's toll found, and agreement with UCDP."""

    headlines: int = 0
    read: int = 0  # headlines with a reader's toll (tools/ged_reader_tolls.txt)
    right: int = 0  # the extractor's toll equals the reader's
    within: int = 0  # the extractor's toll within UCDP's summed low to high
    no_toll: int = 0

    @property
    def accuracy(self) -> float:
        return self.right / self.read if self.read else 0.0

    @property
    def ucdp_accuracy(self) -> float:
        return self.within / self.headlines if self.headlines else 0.0


@dataclass(frozen=True, slots=True)
class GedResult:
    halves: dict[str, GedHalf]
    failed: int
    misses: tuple[tuple[str, str, str, str], ...]  # half, reader's toll, extracted, headline

    @property
    def total(self) -> GedHalf:
        parts = self.halves.values()
        return GedHalf(*(sum(getattr(h, f) for h in parts) for f in GedHalf.__dataclass_fields__))

    @property
    def accuracy(self) -> float:
        return self.total.accuracy


def toll_text(statements: Sequence[Statement]) -> str:
    """The extracted toll as the reader's file writes it: digits, a vague word, or none."""
    if not statements:
        return "none"
    if len(statements) == 1 and statements[0].vague:
        return statements[0].wording.lower().split()[-1]
    if len(statements) == 1 and statements[0].figure.startswith("between "):
        return f"{statements[0].low}-{statements[0].high}"
    return str(sum(s.stated for s in statements))


def same_toll(got: str, want: str) -> bool:
    """Tolls as the reader's file writes them; stating none and stating 0 are the same."""
    return got == want or {got, want} <= {"none", "0"}


def evaluate_ged(events_dir: str | Path) -> GedResult:
    """Score the headline tolls of the GED files in `events_dir` (tools.ged_corpus)."""
    corpus = build_ged(ged_files(Path(events_dir)))
    counts = {half: [0, 0, 0, 0, 0] for half in GED_HALVES}
    failures: list[ArticleFailure] = []
    misses = []
    for item in corpus:
        extract_claims([(item.key, item.text)], published=item.published, failures=failures)
        toll = headline_toll(article_statements(split_sentences(article_text(item.text))))
        got = toll_text(toll)
        value = sum(s.stated for s in toll)
        tally = counts[item.half]
        tally[0] += 1
        tally[3] += item.low <= value <= item.high
        tally[4] += not toll
        if item.reader is not None:
            tally[1] += 1
            if same_toll(got, item.reader):
                tally[2] += 1
            else:
                misses.append((item.half, item.reader, got, item.text))
    halves = {half: GedHalf(*tally) for half, tally in counts.items()}
    return GedResult(halves, len(failures), tuple(sorted(misses)))


def report_ged(result: GedResult) -> str:
    lines = ["UCDP GED headlines (other conflicts, scored as tools/ged_corpus.py says):"]
    for label, half in (*result.halves.items(), ("both", result.total)):
        lines.append(
            f"  {label:5}: {half.headlines} headlines; the reader's toll {half.accuracy:.1%} "
            f"({half.right}/{half.read}); within UCDP's low-high {half.ucdp_accuracy:.1%} "
            f"({half.within}/{half.headlines}); no toll found: {half.no_toll}"
        )
    lines.append(f"  articles failed: {result.failed}")
    lines.append("  misses (half: reader's toll vs extracted):")
    for which, reader, got, text in result.misses:
        shown = text[:100] + ("..." if len(text) > 100 else "")
        lines.append(f"    {which}: {reader} vs {got}  {shown}")
    return "\n".join(lines)


def read_descriptions(path: Path) -> list[tuple[str, str]]:
    """(reader's toll, text) of a file of one-line event descriptions (tests/extract_articles)."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            toll, _, text = line.partition("\t")
            pairs.append((toll, text))
    return pairs


def evaluate_descriptions(path: Path) -> tuple[int, int, list[str]]:
    """Right tolls, descriptions, and a line per miss. Each goes through `extract_claims` too:
    a description that fails the extractor is a miss."""
    right = 0
    pairs = read_descriptions(path)
    misses = []
    for number, (want, text) in enumerate(pairs, 1):
        failures: list[ArticleFailure] = []
        extract_claims([(f"{path.name}:{number}", text)], published=None, failures=failures)
        got = toll_text(headline_toll(article_statements(split_sentences(article_text(text)))))
        if same_toll(got, want) and not failures:
            right += 1
        else:
            misses.append(f"    {want} vs {got}{' (failed)' if failures else ''}  {text[:100]}")
    return right, len(pairs), misses


# --- the synthetic wire-style articles -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SyntheticCase:
    name: str
    text: str
    published: dt.date | None
    claims: tuple[dict[str, str], ...]


def _field_text(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def read_synthetic(folder: str | Path) -> list[SyntheticCase]:
    """The synthetic articles of `folder` with the claims expected.yaml lists for each."""
    base = Path(folder)
    expected = yaml.safe_load((base / "expected.yaml").read_text(encoding="utf-8"))
    return [
        SyntheticCase(
            name,
            (base / name).read_text(encoding="utf-8"),
            spec.get("published"),
            tuple({k: _field_text(v) for k, v in want.items()} for want in spec["claims"]),
        )
        for name, spec in expected.items()
    ]


def claim_fields(claim: ExtractedClaim) -> dict[str, str]:
    """An extracted claim's fields as the text expected.yaml compares."""
    return {
        "figure": claim.figure,
        "population": claim.population,
        "outcome": claim.outcome,
        "perpetrators": _field_text(claim.perpetrators),
        "source": claim.source.key,
        "kind": claim.source.kind,
        "basis": claim.basis,
        "start": _field_text(claim.start),
        "as_of": claim.as_of,
        "area": _field_text(claim.area),
        "relayed_by": _field_text(claim.relayed_by),
    }


def evaluate_synthetic(folder: str | Path) -> tuple[int, int, list[str]]:
    """Expected claims found, expected claims, and a line per miss."""
    found = total = 0
    misses = []
    for case in read_synthetic(folder):
        claims = extract_claims([(case.name, case.text)], published=case.published)
        got = [claim_fields(c) for c in claims]
        for want in case.claims:
            total += 1
            if any(all(g.get(k) == v for k, v in want.items()) for g in got):
                found += 1
            else:
                misses.append(f"  {case.name}: {want}")
    return found, total, misses


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m tools.eval_extract")
    parser.add_argument("csv", help="the FA-KES CSV")
    parser.add_argument("--events", help="folder of UCDP GED CSVs (the second corpus)")
    parser.add_argument("--synthetic", help="folder of synthetic articles with expected.yaml")
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    try:
        result = evaluate(args.csv)
    except UsageError as exc:
        print(describe(exc), file=sys.stderr)
        return 2
    print(f"FA-KES dev half ({args.csv})")
    print(report(result))
    if args.events:
        print()
        print(report_ged(evaluate_ged(args.events)))
    if args.synthetic:
        found, total, misses = evaluate_synthetic(args.synthetic)
        print()
        print(f"synthetic wire-style articles: {found}/{total} expected claims found")
        print("\n".join(misses))
        for path in sorted(Path(args.synthetic).glob("event-descriptions*.tsv")):
            right, count, wrong = evaluate_descriptions(path)
            share = right / count if count else 0.0
            print(
                f"synthetic event descriptions ({path.name}): the reader's toll {share:.1%} "
                f"({right}/{count})"
            )
            print("\n".join(wrong))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
