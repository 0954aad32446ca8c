"""The records difference names the places it could not locate. "of them 20 without a known
place" left a user guessing whether 20 records had no place or a place the gazetteer does not
know (a village: Bojayá); the counts now keep the two apart and name the places. Synthetic
records and claims."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from casualty_recon import load
from casualty_recon.analysis.kinds.records import _unplaced
from casualty_recon.analysis.records import RecordCounts
from casualty_recon.lists.record_counts import scope_counts
from casualty_recon.model.claims import Claim

PLACES = ["Medellín", "Bojayá", "Bojayá", "", "Zzyzxville", "Qqqa", "Wwwb", "Bojayá", "Cali"]


def _claim(folder: Path) -> Claim:
    path = folder / "sources.yaml"
    path.write_text(
        "version: 1\nsources: {B: {kind: ngo}}\nclaims:\n"
        "  - {id: b, source: B, figure: 9, population: people, outcome: killed,"
        " area: Colombia, as_of: 2002-12-31}\n",
        encoding="utf-8",
    )
    (claim,) = load(path).claims
    return claim


def test_scope_counts_keep_missing_and_unknown_places_apart(tmp_path: Path) -> None:
    records = pd.DataFrame({"row": range(len(PLACES))})
    places = pd.Series(PLACES, index=range(len(PLACES)))
    counts = scope_counts(records, places, {0}, ("a", "b"), _claim(tmp_path), 0.9)
    # Row 0 is linked; Cali is in Colombia; the rest are undocumented and not located.
    assert counts.undocumented == 8
    assert counts.unplaced == 7
    assert counts.placeless == 1
    assert counts.unknown_places == ("Bojayá", "Qqqa", "Wwwb")  # most frequent, then sorted
    assert counts.unknown_place_count == 4


def test_the_sentence_tells_missing_places_from_unknown_ones() -> None:
    counts = RecordCounts(
        "a", "b", 9, 1, 0, 0, 8, 0.9, True, True, 0, 6, 1, ("Bojayá", "Qqqa", "Wwwb"), 4
    )
    assert _unplaced(counts) == [
        "1 without a place",
        "5 in a place the gazetteer does not know (Bojayá, Qqqa, Wwwb and 1 other)",
    ]
    only_unknown = RecordCounts("a", "b", 9, 1, 0, 0, 8, 0.9, True, True, 0, 3, 0, ("Bojayá",), 1)
    assert _unplaced(only_unknown) == ["3 in a place the gazetteer does not know (Bojayá)"]
    untold = RecordCounts("a", "b", 9, 1, 0, 0, 8, 0.9, True, True, 0, 3)
    assert _unplaced(untold) == ["3 without a known place"]
