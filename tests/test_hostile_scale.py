"""Error paths and charts that scale (issue 16 item 7), on generated input.

Nothing here asserts seconds (speed lives in `make bench`, tools/bench.py): the tests count the
work done per unknown place and per chart point, and check that the faster paths give what the
plain ones gave."""

from __future__ import annotations

import difflib
import random

import pytest

from casualty_recon.grammar.close_names import CloseNames
from casualty_recon.grammar.gazetteer import place_index
from casualty_recon.grammar.places import Gazetteer
from casualty_recon.model.errors import GrammarError


def _misspelt(rng: random.Random, key: str) -> str:
    """A known spelling with one letter dropped, doubled, swapped or replaced."""
    at = rng.randrange(len(key))
    how = rng.randrange(4)
    if how == 0:
        return key[:at] + key[at + 1 :]
    if how == 1:
        return key[:at] + key[at] + key[at:]
    if how == 2 and at + 1 < len(key):
        return key[:at] + key[at + 1] + key[at] + key[at + 2 :]
    return key[:at] + rng.choice("aeioubdkrst") + key[at + 1 :]


def invented_names(count: int, seed: int = 2019) -> list[str]:
    """Place names made of syllables, most of them unknown to the gazetteer (synthetic)."""
    rng = random.Random(seed)
    return [
        "".join(
            rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4))
        ).title()
        for _ in range(count)
    ]


def test_did_you_mean_is_what_difflib_picks_among_every_spelling() -> None:
    spellings = place_index().spellings
    keys = list(spellings)
    rng = random.Random(16)
    names = [_misspelt(rng, key) for key in rng.sample(keys, 150)]
    names += [name.lower() for name in invented_names(100)]
    names += ["", "a", "x" * 300, "ħalab", "al qusayr" * 3]
    index = CloseNames(spellings)
    suggested = 0
    for name in names:
        close = difflib.get_close_matches(name, keys, n=1, cutoff=0.75)
        expected = (
            (difflib.SequenceMatcher(None, name, close[0]).ratio(), spellings[close[0]])
            if close
            else None
        )
        assert index.closest(name, 0.75) == expected, name
        suggested += expected is not None
    assert suggested > 100  # the misspellings find their names


def test_an_unknown_place_is_scored_against_a_few_spellings_not_all(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scored = 0
    set_seq1 = difflib.SequenceMatcher.set_seq1

    def counting(self: difflib.SequenceMatcher[str], a: str) -> None:
        nonlocal scored
        scored += 1
        set_seq1(self, a)

    monkeypatch.setattr(difflib.SequenceMatcher, "set_seq1", counting)
    gazetteer = Gazetteer()
    unknown = 0
    for name in invented_names(300):
        try:
            gazetteer.resolve(name)
        except GrammarError as error:
            unknown += error.code == "unknown-place"
    assert unknown > 250
    # Scoring every known spelling was over 4,000 a name (10 ms; 212 s for 20,000 names).
    assert scored < 30 * unknown


def test_a_misspelt_place_still_gets_its_suggestion() -> None:
    with pytest.raises(GrammarError) as caught:
        Gazetteer().resolve("Idlbi")
    assert caught.value.hint is not None
    assert caught.value.hint.startswith("did you mean Idlib?")
