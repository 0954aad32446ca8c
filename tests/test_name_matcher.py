"""The built-in place names are found by `NameMatcher` (a dict of first words), which must find
exactly what the one-regex alternation `mention_regex` finds, at a fraction of its start-up cost."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from casualty_recon.grammar.gazetteer import (
    NameMatcher,
    builtin_matcher,
    builtin_regex,
    fold_with_origin,
    mention_regex,
)

FAKES = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction" / "fakes-dev.csv"
ARTICLES = Path(__file__).parent / "extract_articles"

# Synthetic text: names with parts before and suffixes after, names inside hyphenated words,
# after apostrophes and slashes, a name that is a prefix of a longer one, plurals of suffixes.
TRICKY = (
    "Shelling in southern Idlib province and north-western Hama, northwest Syria, rural Damascus "
    "countryside; Deir ez-Zor governorates and al-Raqqa. Idlib's markets, Idlibs, xIdlib, "
    "Aleppo-based, //Karas region, North Kivu and South Kivu provinces, Punjab, Pakistan, "
    "New South Wales state, West Bank, the Gaza Strip, Khan Younis, Rafah; central Mali, "
    "eastern Ukraine, Donetsk oblast, Kharkiv oblasts, Sao Paulo, Ciudad Juarez, Tipaza region."
)


def mentions(
    finder: re.Pattern[str] | NameMatcher, folded: str, *, inside: bool = True
) -> list[tuple[object, ...]]:
    found: list[tuple[object, ...]] = []
    pos = 0
    while match := finder.search(folded, pos):
        found.append(
            (
                match.start(),
                match.end(),
                match.start("name"),
                match.group("part"),
                match.group("name"),
                match.group("suffix"),
            )
        )
        # Resume both ways find_places does: after the mention, or just after its name's start.
        pos = match.start("name") + 1 if inside and len(found) % 3 == 0 else match.end()
    return found


def texts() -> list[str]:
    found = [TRICKY, *(p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt")))]
    tsv = sorted(ARTICLES.glob("*.tsv"))
    found += [p.read_text(encoding="utf-8") for p in tsv]
    return found


def test_the_matcher_finds_what_the_regex_finds() -> None:
    regex, matcher = builtin_regex(), builtin_matcher()
    total = 0
    for text in texts():
        folded, _ = fold_with_origin(text)
        expected = mentions(regex, folded)
        assert mentions(matcher, folded) == expected
        total += len(expected)
    assert total > 80


def test_parts_and_suffixes_as_the_regex_reads_them() -> None:
    keys = ["idlib", "hama", "kivu", "north kivu", "deir ez-zor", "raqqa"]
    folded, _ = fold_with_origin(
        "southern Idlib province, north-western Hama, North Kivu provinces, al-Raqqa, Idlibs"
    )
    got = mentions(NameMatcher(keys), folded, inside=False)
    assert got == mentions(mention_regex(keys), folded, inside=False)
    assert [(g[3], g[4], g[5]) for g in got] == [
        ("southern", "idlib", "province"),
        ("north western", "hama", None),
        (None, "north kivu", "provinces"),
        (None, "raqqa", None),
    ]


@pytest.mark.skipif(not FAKES.exists(), reason="../shared/data is not here (fresh clone)")
def test_the_matcher_finds_what_the_regex_finds_in_real_articles() -> None:
    regex, matcher = builtin_regex(), builtin_matcher()
    with FAKES.open(encoding="utf-8-sig", newline="") as handle:
        articles = [row["article_content"] for row in csv.DictReader(handle)]
    total = 0
    for text in articles:
        folded, _ = fold_with_origin(text)
        expected = mentions(regex, folded)
        assert mentions(matcher, folded) == expected
        total += len(expected)
    assert total > 1000
