"""An article's own organisations are found with a small pattern beside the shared one of the
known counters; together they must find what one pattern of all the aliases finds."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from casualty_recon.extract.aliases import alias_matches, alias_pattern
from casualty_recon.extract.attribution import Attributor
from casualty_recon.extract.text import article_text, split_sentences

FAKES = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction" / "fakes-dev.csv"
ARTICLES = Path(__file__).parent / "extract_articles"


def spans(matches: list) -> list[tuple[int, int, str]]:  # type: ignore[type-arg]
    return [(m.start(), m.end(), m.group()) for m in matches]


def check(text: str) -> int:
    """Compare on every sentence; return how many aliases were found."""
    attributor = Attributor(text)
    single = alias_pattern(tuple(attributor._by_alias))
    found = 0
    for sentence in split_sentences(article_text(text)):
        expected = spans(list(single.finditer(sentence.text)))
        assert spans(alias_matches(attributor._aliases, sentence.text)) == expected
        found += len(expected)
    return found


def test_own_aliases_longer_shorter_and_overlapping_the_known_ones() -> None:
    # Synthetic article. "UN Relief Office" (its own, defined) is longer than the known "UN";
    # "Relief Office Watch" overlaps it; "SES" is a new acronym.
    text = (
        "The UN Relief Office (URO) and the State Emergency Service (SES) said 5 died. "
        "The UN Relief Office Watch said the UN and URO agreed; SES and SESX, Reuters said."
    )
    assert len(Attributor(text)._aliases) == 2
    assert check(text) >= 6


def test_synthetic_articles() -> None:
    total = sum(check(p.read_text(encoding="utf-8")) for p in sorted(ARTICLES.glob("*.txt")))
    assert total > 5


@pytest.mark.skipif(not FAKES.exists(), reason="../shared/data is not here (fresh clone)")
def test_real_articles() -> None:
    with FAKES.open(encoding="utf-8-sig", newline="") as handle:
        texts = [row["article_content"] for row in csv.DictReader(handle)]
    with_own = sum(1 for text in texts if len(Attributor(text)._aliases) == 2)
    assert with_own > 20
    assert sum(check(text) for text in texts) > 1000
