"""Extraction grows linearly with the text (issue 16 item 2), on generated text.

The texts are synthetic, built by tools/extract_bench.py. Nothing here asserts seconds: the
tests count the text each statement is read in, and compare growth ratios (linear is about 4x
for 4x the text; the quadratic paths this guards against gave 17x)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

import pytest

from casualty_recon.extract import claims as claims_module
from casualty_recon.extract.claims import CLAUSE_LIMIT, CLAUSE_REACH, _Ids, extract_claims
from casualty_recon.extract.text import split_sentences
from casualty_recon.grammar.places import Gazetteer
from tools.extract_bench import HEADER, long_sentence

DAY = dt.date(2019, 8, 20)


def _extract(text: str) -> list[claims_module.ExtractedClaim]:
    return extract_claims([("synthetic", text)], published=DAY)


def test_a_long_sentence_is_read_and_quoted_by_clause(monkeypatch: pytest.MonkeyPatch) -> None:
    text = long_sentence(12_000)
    (sentence,) = [s for s in split_sentences(text) if len(s.text) > CLAUSE_LIMIT]
    read: list[int] = []

    def counting(function: Callable[..., object]) -> Callable[..., object]:
        def wrapper(first: str, *args: object) -> object:
            read.append(len(first))
            return function(first, *args)

        return wrapper

    monkeypatch.setattr(claims_module, "window", counting(claims_module.window))
    monkeypatch.setattr(
        claims_module, "find_perpetrators", counting(claims_module.find_perpetrators)
    )
    found = _extract(text)
    assert len(found) > 100
    # Each statement is read in its clause, never in the whole 12,000-character sentence.
    assert len(read) >= 2 * len(found)
    assert max(read) <= 2 * CLAUSE_REACH + 100
    for claim in found:
        assert claim.quote in sentence.text
        assert len(claim.quote) <= 2 * CLAUSE_REACH + 100
        assert "quote: the statement's clause, characters " in claim.notes
        where = f"of the {len(sentence.text):,}-character sentence {sentence.index + 1} of"
        assert f"{where} synthetic." in claim.notes
    # The clause holds the figure it quotes.
    assert all(claim.figure.split()[-1] in claim.quote.replace(",", "") for claim in found)


def test_a_short_sentence_is_quoted_whole() -> None:
    text = HEADER + "At least 12 civilians were killed in Idlib on Monday, the UN said."
    (claim,) = _extract(text)
    assert claim.quote == "At least 12 civilians were killed in Idlib on Monday, the UN said."
    assert "quote:" not in claim.notes


def _best_of(runs: int, function: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - started)
    return best


def test_time_grows_linearly_with_one_long_sentence() -> None:
    Gazetteer().find_places("Idlib")  # build the place index before timing
    small, large = long_sentence(4_000), long_sentence(16_000)
    ratio = _best_of(2, lambda: _extract(large)) / _best_of(2, lambda: _extract(small))
    assert ratio < 8, f"x{ratio:.1f} time for x4 text (quadratic was x17)"


def test_claim_ids_count_up_without_rescanning() -> None:
    ids = _Ids({"uossm-2019-08-20"})
    made = [ids.claim_id("UOSSM", "2019-08-20") for _ in range(3)]
    assert made == ["uossm-2019-08-20-2", "uossm-2019-08-20-3", "uossm-2019-08-20-4"]
    assert ids.claim_id("OCHA", "2019-08-20") == "ocha-2019-08-20"

    class Counting(set[str]):
        lookups = 0

        def __contains__(self, item: object) -> bool:
            Counting.lookups += 1
            return super().__contains__(item)

    ids = _Ids(set())
    ids._taken = Counting()
    for _ in range(2_000):
        ids.claim_id("UOSSM", "2019-08-20")
    assert Counting.lookups <= 2 * 2_000  # n squared over 2 was 2,000,000
