"""Place names: the unit word before the name (Spanish, Portuguese, French,
Arabic), and the first-level units by the names GeoNames gives them (its admin1 names) and
ISO 3166-2 in its other administrative language. Sentences for extraction are SYNTHETIC
(no figure, place or quote in them is real). Each test failed before its fix."""

from __future__ import annotations

import datetime as dt

import pytest

from casualty_recon.extract import extract_claims
from casualty_recon.grammar.places import Gazetteer
from casualty_recon.model.errors import GrammarError


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer()


def _codes(gazetteer: Gazetteer, name: str) -> list[str]:
    return sorted(p.code for p in gazetteer.resolve(name))


# --- the unit word before the name --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Departamento de Cauca", "CO-CAU"),
        ("Departamento del Cauca", "CO-CAU"),
        ("Provincia de Buenos Aires", "AR-B"),
        ("Província de Cabo Delgado", "MZ-P"),
        ("Estado de Zulia", "VE-V"),
        ("Province du Nord-Kivu", "CD-NK"),
        ("Région de Tillabéri", "NE-6"),
        ("Cauca department", "CO-CAU"),  # the word after, as before
    ],
)
def test_a_unit_word_before_the_name_names_the_unit(
    gazetteer: Gazetteer, name: str, code: str
) -> None:
    assert _codes(gazetteer, name) == [code]


def test_a_unit_word_before_a_name_several_bear_settles_by_the_kind(gazetteer: Gazetteer) -> None:
    # "Nord" is a region of Burkina Faso and of Cameroon, a department of Haiti
    assert _codes(gazetteer, "Département du Nord") == ["HT-ND"]
    with pytest.raises(GrammarError) as error:
        gazetteer.resolve("Région du Nord")
    assert error.value.code == "ambiguous-place"
    assert _codes(gazetteer, "Région du Nord, Cameroon") == ["CM-NO"]


def test_a_unit_word_alone_or_before_no_place_is_still_unknown(gazetteer: Gazetteer) -> None:
    for name in ("Provincia de Nowhereland", "Région", "Departamento de"):
        with pytest.raises(GrammarError) as error:
            gazetteer.resolve(name)
        assert error.value.code == "unknown-place"


# --- names of GeoNames and of ISO's other language --------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("East Kasai", "CD-KE"),  # GeoNames' admin1 name; not the eastern part of Kasaï
        ("Kasaï-Oriental", "CD-KE"),
        ("FCT", "NG-FC"),
        ("Al Jazirah", "SD-GZ"),
        ("Gezira", "SD-GZ"),
        ("Hadramaout", "YE-HD"),
        ("Muhafazat Hadramaout", "YE-HD"),
        ("Hadramawt", "YE-HD"),
        ("Sidama", "ET-SI"),
        ("Sidama Region", "ET-SI"),
        ("Sidama Regional State", "ET-SI"),
        ("South West Ethiopia Peoples' Region", "ET-SW"),
        ("Extrême-Nord, Cameroon", "CM-EN"),
    ],
)
def test_other_names_of_first_level_units(gazetteer: Gazetteer, name: str, code: str) -> None:
    assert _codes(gazetteer, name) == [code]


def _areas(body: str) -> list[tuple[str, ...]]:
    claims = extract_claims([("s.txt", f"SYNTHETIC.\n{body}\n")], published=dt.date(2024, 6, 10))
    return [claim.area for claim in claims]


@pytest.mark.parametrize(
    ("dateline", "place", "area"),
    [
        ("YAOUNDE, Cameroon", "in the Région du Nord", "North"),  # loads as CM-NO
        ("KINSHASA, DR Congo", "in East Kasai province", "Kasaï Oriental"),
        ("ABUJA, Nigeria", "in the FCT", "Abuja Federal Capital Territory"),
        ("KHARTOUM, Sudan", "in Al Jazirah state", "Gezira"),
        ("ADEN, Yemen", "in Hadramaout", "Hadramawt"),
        ("BUENOS AIRES, Argentina", "in the Provincia de Buenos Aires", "Buenos Aires"),
    ],
)
def test_extraction_finds_these_names_in_articles(dateline: str, place: str, area: str) -> None:
    areas = _areas(
        f"{dateline} (Newswire) - Gunmen killed 12 villagers {place} on Saturday, police said."
    )
    assert areas == [(area,)]


@pytest.mark.parametrize(
    ("place", "area"),
    [
        ("in Sidama Regional State", "Sidama"),  # read before as an organisation's name
        ("in Amhara National Regional State", "Amhara"),
        # no ISO 3166-2 code yet for the regions of 2023: read by the compass word, in Ethiopia,
        # not the dateline's Kenya
        ("in South Ethiopia Regional State", "southern Ethiopia"),
    ],
)
def test_ethiopia_s_regional_states_are_regions_not_organisations(place: str, area: str) -> None:
    areas = _areas(
        f"NAIROBI, Kenya (Newswire) - Gunmen killed 12 villagers {place} on Saturday, police said."
    )
    assert areas == [(area,)]
