"""The seed article: exactly the claims the issue lists, as a golden YAML file that loads."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from casualty_recon.extract import extract_claims, render_yaml
from casualty_recon.load.loader import loads

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "reuters-2019-08-20-khan-sheikhoun.txt"
GOLDEN = Path(__file__).parent / "golden" / "extract" / "seed.yaml"
needs_seed = pytest.mark.skipif(
    not SEED.exists(), reason="../shared/seeds is not here (fresh clone)"
)


def seed_claims() -> list:  # type: ignore[type-arg]
    text = SEED.read_text(encoding="utf-8")
    return extract_claims(
        [(SEED.name, text)], published=dt.date(2019, 8, 20), outlet="Reuters", url=None
    )


@needs_seed
def test_seed_gives_exactly_the_issue_claims() -> None:
    claims = seed_claims()
    summary = {
        (c.source.key, c.figure, c.population, c.outcome, c.perpetrators, c.start, c.as_of)
        for c in claims
    }
    assert summary == {
        (
            "UOSSM",
            "more than 730",
            "civilians",
            "killed",
            ("Syrian government", "Russian forces"),
            "late April 2019",
            "2019-08-20",
        ),
        ("OCHA", "more than 500", "civilians", "killed", (), None, "2019-08-20"),
        (
            "Reuters",
            "hundreds of thousands",
            "people",
            "displaced",
            ("Syrian government",),
            None,
            "2019-08-20",
        ),
    }
    assert all(c.relayed_by in (None, "Reuters") for c in claims)
    quotes = " ".join(c.quote for c in claims)
    for not_a_toll in ("since 2014", "April 4, 2017", "eight-year-long", "in 2017"):
        assert not_a_toll not in quotes


@needs_seed
def test_seed_yaml_is_golden_and_loads() -> None:
    text = render_yaml(seed_claims())
    if os.environ.get("CASUALTY_RECON_GOLDEN") == "rewrite":
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")
    sources = loads(text, "seed.yaml")
    uossm = next(c for c in sources.claims if c.source == "UOSSM")
    assert (uossm.figure.low, uossm.figure.high) == (731, None)
    assert uossm.start is not None and uossm.start.earliest == dt.date(2019, 4, 21)
    assert sources.sources["OCHA"].kind == "un"
