"""Error paths and charts that scale (issue 16 item 7), on generated input.

Nothing here asserts seconds (speed lives in `make bench`, tools/bench.py): the tests count the
work done per unknown place and per chart point, and check that the faster paths give what the
plain ones gave."""

from __future__ import annotations

import difflib
import random
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
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


class _Difflib:
    """`difflib.get_close_matches(name, keys, n=1, cutoff)`, asked only of the keys that can
    pass its own first two checks: `real_quick_ratio` (the lengths) and `quick_ratio` (the
    letters in common, counted here for every key at once). Both are upper bounds of `ratio`
    that get_close_matches tests first, so the keys left out are keys it leaves out; it still
    scores the rest itself. Asking it of all 4,000 spellings took 1.5 s for 255 names."""

    def __init__(self, keys: Sequence[str]) -> None:
        self.keys = list(keys)
        letters = sorted({char for key in self.keys for char in key})
        self.column = {char: i for i, char in enumerate(letters)}
        self.counts = np.zeros((len(self.keys), len(letters)), dtype=np.int64)
        for row, key in enumerate(self.keys):
            for char, count in Counter(key).items():
                self.counts[row, self.column[char]] = count
        self.lengths = np.array([len(key) for key in self.keys], dtype=np.int64)

    def close_matches(self, name: str, cutoff: float) -> list[str]:
        wanted = np.zeros(self.counts.shape[1], dtype=np.int64)
        for char, count in Counter(name).items():
            if char in self.column:
                wanted[self.column[char]] = count
        total = self.lengths + len(name)
        common = np.minimum(self.counts, wanted).sum(axis=1)
        slack = 1e-9  # a superset: get_close_matches applies the exact comparisons itself
        can_pass = (2.0 * np.minimum(self.lengths, len(name)) >= (cutoff - slack) * total) & (
            2.0 * common >= (cutoff - slack) * total
        )
        keys = [self.keys[i] for i in np.flatnonzero(can_pass)]
        return difflib.get_close_matches(name, keys, n=1, cutoff=cutoff)


def test_did_you_mean_is_what_difflib_picks_among_every_spelling() -> None:
    spellings = place_index().spellings
    keys = list(spellings)
    rng = random.Random(16)
    names = [_misspelt(rng, key) for key in rng.sample(keys, 150)]
    names += [name.lower() for name in invented_names(100)]
    names += ["", "a", "x" * 300, "ħalab", "al qusayr" * 3]
    index = CloseNames(spellings)
    reference = _Difflib(keys)
    suggested = 0
    for name in names:
        close = reference.close_matches(name, 0.75)
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


def test_a_chart_of_thousands_of_points_has_a_few_artists_a_series() -> None:
    from casualty_recon.analysis.timeline import build_timelines
    from casualty_recon.load.loader import loads
    from casualty_recon.render.chart import render_chart
    from tools.scale_bench import dense_series_sources

    sources = loads(dense_series_sources(3_000, series=4), "dense.yaml")
    series = build_timelines(sources.claims)
    assert sum(len(s.points) for s in series) == 3_000
    svg = render_chart(series, sources.title, "svg")
    # One line2d group an artist: a line, floors, exact figures and range caps a series, plus
    # the legends' handles. One a point was over 3,000.
    lines = svg.count(b'<g id="line2d_')
    assert 4 * 4 <= lines < 100, lines
    # Every point is still drawn: each marker is a <use> of its series' marker.
    assert svg.count(b"<use ") >= 3_000


def test_the_generated_benchmark_files_are_marked_synthetic_and_load_as_intended() -> None:
    from casualty_recon.load.loader import loads
    from tools.scale_bench import dense_series_sources, unknown_places_sources

    places = unknown_places_sources(50)
    assert places.startswith("# Synthetic claims in invented places")
    with pytest.raises(Exception) as caught:
        loads(places, "places.yaml")
    assert "unknown place" in str(caught.value)
    dense = dense_series_sources(1_000, series=4)
    assert dense.startswith("# Synthetic claims generated by code")
    assert len(loads(dense, "dense.yaml").claims) == 1_000
    # 100,000 claims, one a line, stay under the 20 MiB input limit.
    assert len(dense) * 100 < 20 * (1 << 20)


def test_extract_dev_zero_is_refused_at_once() -> None:
    # Issue 16 item 3: `extract /dev/zero` read without end; the article is refused, not read.
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "casualty_recon", "extract", "/dev/zero"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""  # issue 16: an empty YAML document was printed
    assert done.stderr.startswith(
        "error: /dev/zero:1:1: cannot read the file: it is a character device, not a file\n"
    )
    assert "Traceback" not in done.stderr


def test_a_sentence_of_100_kb_is_read_by_clause_in_work_linear_in_its_statements(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Issue 16 item 2: 200 claims of a 14 KB sentence each quoted it whole (2.9 MB written, 12.5
    # s). The text each claim is read in and quotes is its clause, whatever the sentence's size.
    import datetime as dt

    from casualty_recon.extract import claims as claims_module
    from casualty_recon.extract.window import window
    from tools.extract_bench import long_sentence

    read: list[int] = []

    def counting(text: str, day: dt.date | None) -> object:
        read.append(len(text))
        return window(text, day)

    monkeypatch.setattr(claims_module, "window", counting)
    text = long_sentence(100_000)
    found = claims_module.extract_claims([("long", text)], published=dt.date(2019, 8, 20))
    assert len(found) > 500
    assert max(read) <= 2 * claims_module.CLAUSE_REACH + 100
    # Each quote its clause: a few hundred characters a claim, never the 100 KB sentence.
    assert all(len(claim.quote) <= 2 * claims_module.CLAUSE_REACH + 100 for claim in found)
    assert all(claim.quote in text for claim in found)


def test_extract_refuses_to_write_what_validate_would_refuse_for_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A 20 MB article gives about 48 MB of YAML: over the input limit. It was refused as "would
    # not load ... please report this as a bug"; it is the input's size, and says so.
    from typer.testing import CliRunner

    from casualty_recon.cli.app import app
    from casualty_recon.extract import writer
    from tools.extract_bench import article

    monkeypatch.setattr(writer, "MAX_BYTES", 4_000)
    source = tmp_path / "article.txt"
    source.write_text(article(3_000), encoding="utf-8")
    target = tmp_path / "out.yaml"
    result = CliRunner().invoke(
        app, ["extract", str(source), "--published", "2019-08-20", "-o", str(target)]
    )
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("error: the sources.yaml written from these articles would be ")
    assert "bytes, over the limit of 4,000 that validate and report read" in result.stderr
    assert "hint: extract fewer or shorter articles into each file" in result.stderr
    assert "bug" not in result.stderr
    assert not target.exists()
