"""Outcome and population words as people write them (issue 13 item 3)."""

from __future__ import annotations

import pytest

from casualty_recon.load.loader import loads
from casualty_recon.model.errors import InputError

DOC = """version: 1
sources:
  UN: {{kind: un}}
claims:
  - id: a
    source: UN
    figure: 12
    population: {population}
    outcome: {outcome}
    area: Mariupol
    as_of: 2022-03-20
"""


@pytest.mark.parametrize(
    ("written", "term"),
    [
        ("deaths", "killed"),
        ("Dead", "killed"),
        ("fatalities", "killed"),
        ("lost their lives", "killed"),
        ("casualties", "killed or injured"),
        ("killed and wounded", "killed or injured"),
        ("wounded", "injured"),
        ("deaths from all causes", "died"),
        ("died", "died"),
    ],
)
def test_outcome_words_map_to_the_narrowest_outcome(written: str, term: str) -> None:
    (claim,) = loads(DOC.format(population="civilians", outcome=written)).claims
    assert claim.outcome == term


@pytest.mark.parametrize(
    ("written", "term"),
    [("civilian", "civilians"), ("kids", "children"), ("medics", "health workers")],
)
def test_population_words_map_to_the_format_term(written: str, term: str) -> None:
    (claim,) = loads(DOC.format(population=written, outcome="killed")).claims
    assert claim.population == term


def test_an_unknown_outcome_is_still_refused() -> None:
    with pytest.raises(InputError) as caught:
        loads(DOC.format(population="civilians", outcome="vanished into thin air"))
    assert "unknown outcome" in str(caught.value)
