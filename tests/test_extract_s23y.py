"""Extraction fixes of session 23 (second pass), on SYNTHETIC sentences written for these tests
(no figure, name, place or quote here is real): earlier figures dated from the later one's day,
counts by a named tally, increments in words, a person by title and name, unnamed forces and
rebels, places inside organisations' names. Each test of a fix failed before it."""

from __future__ import annotations

import datetime as dt

import pytest

from casualty_recon.extract import extract_claims, render_yaml
from casualty_recon.extract.claims import ExtractedClaim
from casualty_recon.load.loader import loads

PUBLISHED = dt.date(2024, 6, 10)  # a Monday


def _claims(body: str) -> list[ExtractedClaim]:
    claims = extract_claims([("s.txt", f"SYNTHETIC.\n{body}\n")], published=PUBLISHED)
    loads(render_yaml(claims), "s.yaml")  # whatever is extracted loads
    return claims


def _by_figure(claims: list[ExtractedClaim]) -> dict[str, ExtractedClaim]:
    return {claim.figure: claim for claim in claims}


# --- 1. an earlier figure dated from the later one's day ----------------------------------


@pytest.mark.parametrize(
    ("later", "earlier", "earlier_as_of"),
    [
        ("rose to 61 on Monday, up from 45 a day earlier", "45", "2024-06-09"),
        ("rose to 61 on Monday, up from 45 the day before", "45", "2024-06-09"),
        ("rose to 61 on Saturday, from 45 the previous day", "45", "2024-06-07"),
        ("rose to 61 on Monday, up from 45 two days earlier", "45", "2024-06-08"),
        ("rose to 61 on Monday, up from 45 a week earlier", "45", "2024-06-03"),
        ("rose to 61, up from last week's toll of 45", "45", "2024-06-03..2024-06-09"),
        ("rose to 61 on Sunday, up from Friday's toll of 45", "45", "2024-06-07"),
    ],
)
def test_an_earlier_figure_is_dated_from_the_later_one_s_day(
    later: str, earlier: str, earlier_as_of: str
) -> None:
    claims = _by_figure(
        _claims(
            "PORT-AU-PRINCE, Haiti (Newswire) - The death toll from gang attacks in Artibonite "
            f"{later}, the civil protection agency said."
        )
    )
    assert claims[earlier].as_of == earlier_as_of
    assert claims["61"].as_of != earlier_as_of
    assert claims[earlier].start is None or claims[earlier].start <= earlier_as_of[:10]


# --- 2. an earlier toll revised ------------------------------------------------------------


@pytest.mark.parametrize(
    "revised",
    [
        "revising its earlier toll of 80",
        "up from an earlier toll of 80",
        "up from a previous toll of 80",
        "revised up from an initial toll of 80",
    ],
)
def test_an_earlier_toll_runs_to_a_day_before_the_new_one(revised: str) -> None:
    claims = _by_figure(
        _claims(
            "BAMAKO, Mali (Newswire) - Ninety-six civilians were killed in an attack on a village "
            f"in Mopti, the army said, {revised}."
        )
    )
    assert claims["96"].as_of == "2024-06-10"
    assert claims["80"].as_of.endswith("..2024-06-09")
    assert claims["80"].start is None


# --- 3. a count by a named tally -----------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "key", "kind"),
    [
        ("according to a tally by the newspaper El Vigia", "El Vigia", "media"),
        ("according to a count by the rights group Paz Ciudadana", "Paz Ciudadana", "ngo"),
        ("according to figures compiled by the local monitor Datos Abiertos", "Datos Abiertos",
         "monitor"),
        ("according to data compiled by Datos Abiertos", "Datos Abiertos", "other"),
        ("El Vigia's tally shows", "El Vigia", "other"),
        ("according to El Vigia's count", "El Vigia", "other"),
    ],
)  # fmt: skip
def test_a_tally_by_a_named_body_names_it(said: str, key: str, kind: str) -> None:
    (claim,) = _claims(
        f"MEXICO CITY (Newswire) - At least 28 people were killed in Sinaloa last week, {said}."
    )
    assert (claim.source.key, claim.source.kind) == (key, kind)


def test_a_day_s_tally_names_nobody() -> None:
    (claim,) = _claims(
        "MEXICO CITY (Newswire) - At least 28 people were killed in Sinaloa, Sunday's tally shows."
    )
    assert claim.source.key == "unattributed"


# --- 4. an increment in words after a toll -------------------------------------------------


@pytest.mark.parametrize(
    ("more", "figure"),
    [
        ("Nearly two hundred more were wounded, it said.", "nearly 200"),
        ("Nearly 200 more were wounded, it said.", "nearly 200"),
        ("Forty more were injured, the agency said.", "40"),
        ("Some two dozen more have been wounded, it added.", "about 24"),
    ],
)
def test_more_wounded_after_a_toll_is_a_count_of_the_same_speaker(more: str, figure: str) -> None:
    claims = _claims(
        "MAIDUGURI, Nigeria (Newswire) - Suicide bombers killed 32 people at a market in Borno "
        f"on Sunday, the state emergency agency said.\n{more}"
    )
    wounded = [c for c in claims if c.outcome == "injured"]
    assert [(c.figure, c.population, c.source.key) for c in wounded] == [
        (figure, "people", "state emergency agency")
    ]


# --- 5. a person by title and name; an office's whole descriptor --------------------------


@pytest.mark.parametrize(
    ("speaker", "key"),
    [
        ("President Gustavo Rojas said", "Gustavo Rojas"),
        ("Governor Ana Lopez told reporters", "Ana Lopez"),
        ("Defence Minister Pedro Ruiz said", "Pedro Ruiz"),
        ("Colombian President Gustavo Rojas said", "Colombia president"),
        ("Colombia's president said", "Colombia president"),
        ("according to President Gustavo Rojas", "Gustavo Rojas"),
    ],
)
def test_a_title_and_a_name_are_that_person(speaker: str, key: str) -> None:
    (claim,) = _claims(
        f"BOGOTA, Colombia (Newswire) - Gunmen killed 12 people in Cauca on Sunday, {speaker}."
    )
    assert (claim.source.key, claim.source.kind) == (key, "government")


@pytest.mark.parametrize(
    ("speaker", "key"),
    [
        ("disaster agency officials", "disaster agency officials"),
        ("national prison agency officials", "national prison agency officials"),
        ("health ministry officials", "health ministry officials"),
    ],
)
def test_an_office_keeps_its_whole_descriptor(speaker: str, key: str) -> None:
    (claim,) = _claims(
        f"BOGOTA, Colombia (Newswire) - Nine people were killed in Choco on Sunday, {speaker} said."
    )
    assert claim.source.key == key


# --- 6. unnamed forces of the article's country, unnamed rebels ---------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "At least 14 villagers were killed by the military in Sagaing on Sunday, residents said.",
        "Military jets bombed a school in Magway on Saturday, killing 14 children, a teacher said.",
        "Fourteen civilians were killed in Kachin when military jets struck a market.",
        "Fourteen civilians were killed by soldiers in Sagaing on Sunday.",
    ],
)
def test_unnamed_forces_are_the_article_s_country_s(sentence: str) -> None:
    (claim,) = _claims(f"YANGON, Myanmar (Newswire) - {sentence}")
    assert claim.perpetrators == ("Myanmar military",)


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels killed seven soldiers in Shan state on Saturday, the military said.",
        "Suspected rebels killed seven police officers in Chin state on Saturday, officials said.",
        "Seven soldiers were killed by rebels in Shan state on Saturday.",
    ],
)
def test_unnamed_rebels_are_armed_opposition_groups(sentence: str) -> None:
    (claim,) = _claims(f"YANGON, Myanmar (Newswire) - {sentence}")
    assert claim.perpetrators == ("armed opposition groups",)


def test_gunmen_still_name_nobody() -> None:
    (claim,) = _claims("YANGON, Myanmar (Newswire) - Gunmen killed seven people in Shan state.")
    assert claim.perpetrators == ()


# --- 7. a place inside an organisation's name ----------------------------------------------


@pytest.mark.parametrize(
    "organisation",
    [
        "the Islamic State in Iraq and the Levant",
        "Al-Qaeda in the Arabian Peninsula",
        "Al-Qaeda in the Islamic Maghreb",
        "fighters of the Islamic State in Iraq and Syria",
    ],
)
def test_a_place_in_an_organisation_s_name_is_no_place_of_the_article(organisation: str) -> None:
    (claim,) = _claims(
        f"At least 19 men were executed by {organisation} at an oil field near the village of "
        "Khasham, the Syrian Observatory for Human Rights said."
    )
    assert claim.area == ("unknown",)


def test_where_a_body_is_based_is_no_place_of_the_article() -> None:
    (claim,) = _claims(
        "At least 19 men were executed at an oil field near the village of Khasham, the UK-based "
        "Syrian Observatory for Human Rights said."
    )
    assert claim.area == ("unknown",)


@pytest.mark.parametrize(
    ("sentence", "area"),
    [
        ("Twelve people were killed in Iraq, the Iraqi Red Crescent said.", ("Iraq",)),
        ("Twelve people were killed in Borno State in Nigeria on Sunday.", ("Borno",)),
        ("Twelve people were killed in Nigeria, the Kenya Red Cross said.", ("Nigeria",)),
    ],
)
def test_a_place_outside_an_organisation_s_name_is_still_a_place(
    sentence: str, area: tuple[str, ...]
) -> None:
    (claim,) = _claims(sentence)
    assert claim.area == area
