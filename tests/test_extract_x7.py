"""Extraction leftovers, on SYNTHETIC sentences written for these tests (no figure, place or
quote here is real): breakdowns in their own sentence, where a speaker spoke, regions named
together with one plural region word, a capital's dateline. Each test failed before its fix."""

from __future__ import annotations

import datetime as dt

import pytest

from casualty_recon.extract import extract_claims

PUBLISHED = dt.date(2024, 6, 10)


def _claims(body: str) -> list:  # type: ignore[type-arg]
    return extract_claims([("s.txt", f"SYNTHETIC.\n{body}\n")], published=PUBLISHED)


@pytest.mark.parametrize(
    "breakdown",
    [
        "The dead included four children.",
        "Among them were four children.",
        "The victims included four children.",
        "Among those killed were four children.",
    ],
)
def test_a_breakdown_sentence_without_a_number_before_its_population_is_a_part(
    breakdown: str,
) -> None:
    claims = _claims(
        "SANAA, Yemen (Newswire) - An air strike on a market in Saada province killed 23 people "
        f"on Saturday, the health ministry said. {breakdown}"
    )
    assert [(c.figure, c.population) for c in claims] == [("23", "people"), ("4", "children")]
    part = claims[1]
    assert (part.outcome, part.start, part.as_of) == ("killed", "2024-06-08", "2024-06-08")
    assert part.area == ("Saada",)
    assert part.source.key == "health ministry"


def test_a_sentence_that_merely_includes_is_no_breakdown() -> None:
    claims = _claims(
        "SANAA, Yemen (Newswire) - An air strike killed 23 people on Saturday, the health "
        "ministry said. The convoy included four trucks."
    )
    assert [(c.figure, c.population) for c in claims] == [("23", "people")]


@pytest.mark.parametrize(
    "body",
    [
        "Speaking in Washington, the United States envoy said 30 civilians had been killed in "
        "Sudan since Monday.",
        "In Geneva, a United Nations spokesman said 30 civilians had been killed in Sudan.",
        "The envoy, speaking at a briefing in Geneva, said 30 civilians had been killed in Sudan.",
        "The envoy told reporters in Washington that 30 civilians had been killed in Sudan.",
    ],
)
def test_the_place_a_speaker_spoke_in_is_not_where_the_deaths_were(body: str) -> None:
    (claim,) = _claims(body)
    assert claim.area == ("Sudan",)


def test_a_place_opening_the_sentence_before_the_deaths_is_still_their_place() -> None:
    (claim,) = _claims("In Khartoum, fighting killed 30 civilians on Sunday, the army said.")
    assert claim.area == ("Khartoum",)


@pytest.mark.parametrize(
    ("body", "area"),
    [
        (
            "ABUJA, Nigeria (Newswire) - Gunmen killed 30 villagers in Plateau and Benue states "
            "on Sunday, police said.",
            ("Plateau, Nigeria", "Benue"),  # Benin has a Plateau department
        ),
        (
            "ABUJA, Nigeria (Newswire) - Gunmen killed 30 villagers in Plateau, Kaduna and Benue "
            "states on Sunday, police said.",
            ("Plateau, Nigeria", "Kaduna", "Benue"),
        ),
        (
            "KINSHASA, Congo (Newswire) - Fighting killed 40 civilians in Kasai and Kasai-Central "
            "provinces last week, the United Nations said.",
            ("Kasaï", "Kasaï Central"),  # passed before too: both names are the gazetteer's
        ),
    ],
)
def test_a_plural_region_word_after_several_names_names_each(
    body: str, area: tuple[str, ...]
) -> None:
    (claim,) = _claims(body)
    assert claim.area == area


@pytest.mark.parametrize(
    ("dateline", "place", "area"),
    [
        ("SAN SALVADOR", "La Paz department", ("La Paz, El Salvador",)),
        ("SAN SALVADOR", "the capital", ("El Salvador",)),
    ],
)
def test_a_dateline_capital_gives_its_country(
    dateline: str, place: str, area: tuple[str, ...]
) -> None:
    (claim,) = _claims(
        f"{dateline} (Newswire) - Gang members killed 12 people in {place} on Sunday, police said."
    )
    assert claim.area == area
