"""Folding ASCII free text by spans gives what folding it character by character gives."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from casualty_recon.grammar.gazetteer import _fold_ascii_with_origin, _fold_char, fold_with_origin

FAKES = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction" / "fakes-dev.csv"
ARTICLES = Path(__file__).parent / "extract_articles"


def by_character(text: str) -> tuple[str, list[int]]:
    """The character-by-character definition (fold_with_origin before the ASCII path)."""
    out: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        if (
            char in "'`"
            and i + 1 < len(text)
            and text[i + 1] in "sS"
            and (i + 2 == len(text) or not text[i + 2].isalnum())
        ):
            folded = " "
        else:
            folded = _fold_char(char)
        for c in folded:
            if c == " " and (not out or out[-1] == " "):
                continue
            out.append(c)
            origin.append(i)
    return "".join(out), origin


@given(st.text(alphabet=st.sampled_from(list(" \t\n\r\x0b\x1f-_'`sSaZ09.,\x00")), max_size=40))
@example("  Idlib's  -- 'x' `s s's_S")
@example("'s")
@example("a's'b")
def test_same_as_character_by_character(text: str) -> None:
    folded, origin = _fold_ascii_with_origin(text)
    assert (folded, list(origin)) == by_character(text)


def test_articles() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    if FAKES.exists():
        with FAKES.open(encoding="utf-8-sig", newline="") as handle:
            texts += [row["article_content"] for row in csv.DictReader(handle)]
    ascii_texts = [t for t in texts if t.isascii()]
    assert len(ascii_texts) > 10
    for text in ascii_texts:
        folded, origin = fold_with_origin(text)
        assert (folded, list(origin)) == by_character(text)


@pytest.mark.parametrize("text", ["Idlib’s markets", "Ḩamāh’s"])
def test_non_ascii_text_keeps_the_character_path(text: str) -> None:
    folded, origin = fold_with_origin(text)
    assert folded.endswith(" markets") or folded.startswith("hamah")
    assert len(origin) == len(folded)
