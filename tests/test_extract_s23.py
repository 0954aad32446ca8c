"""Extraction fixes of session 23, on SYNTHETIC sentences written for these tests (no figure,
place or quote here is real): speakers named by an office, where a speaker spoke or stood, the
kinds a name suggests, `extract -o -`. Each test of a fix failed before it."""

from __future__ import annotations

import datetime as dt

import pytest

from casualty_recon.extract import extract_claims
from casualty_recon.extract.named_speakers import kind_of

PUBLISHED = dt.date(2024, 6, 10)


def _claims(body: str) -> list:  # type: ignore[type-arg]
    return extract_claims([("s.txt", f"SYNTHETIC.\n{body}\n")], published=PUBLISHED)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("United Nations Mission in South Sudan", "un"),
        ("Armed Conflict Location Project", "monitor"),
        ("Ministry of Health", "government"),
        ("Niger Press Agency", "media"),  # "Agency" (media) before nothing of another kind
        ("National Institute of Statistics", "academic"),
        ("Kenya Red Cross Society", "ngo"),
        ("UN Police Service", "un"),  # the first kind in the table wins
        ("Civil Defence Service", "government"),  # government before ngo's "Defence"
        ("Front for Liberation", "other"),
    ],
)
def test_kind_of_a_name_is_the_first_kind_of_the_table_that_matches(name: str, kind: str) -> None:
    assert kind_of(name) == kind
