"""Towns inside their first-level subdivision: the bundled towns file, and the rules of
tools/gazetteer_build.py that place a GeoNames unit in an ISO 3166-2 subdivision by its name."""

from __future__ import annotations

import pytest

from casualty_recon.grammar.places import Gazetteer, area_relation, gazetteer_data
from tools import gazetteer_build as build


def subdivision_of(written: str) -> str:
    """The first-level subdivision (or country) the bundled towns file puts a town in."""
    (found,) = Gazetteer().resolve(written)
    assert "-g" in found.code, f"{written} resolved to {found.code}, not a town"
    return found.code.rsplit("-g", 1)[0]


@pytest.mark.parametrize(
    ("town", "subdivision"),
    [
        # Provinces not named after a town, which only GeoNames' admin1 names place.
        ("Mocímboa da Praia", "MZ-P"),  # Cabo Delgado
        ("Beni", "CD-NK"),  # Nord-Kivu
        ("Butembo", "CD-NK"),
        ("Bunia", "CD-IT"),  # Ituri
        ("Medellín", "CO-ANT"),  # Antioquia
        ("Popayán", "CO-CAU"),  # Cauca (its unit was Santander before)
        ("Maiduguri", "NG-BO"),  # Borno
        ("Djibo", "BF-12"),  # Sahel, Burkina Faso
        ("Douentza", "ML-5"),  # Mopti, Mali
        ("Kadugli", "SD-KS"),  # South Kordofan: GeoNames writes Southern Kordofan
        ("Jimma", "ET-OR"),  # Oromia: GeoNames writes Oromiya
        ("Yekaterinburg", "RU-SVE"),  # Sverdlovsk Oblast, Sverdlovskaya oblast' in ISO
        ("Seville", "ES-AN"),  # Andalusia, Andalucía in ISO
        ("Ecatepec de Morelos", "MX-MEX"),  # México state, not Morelos
    ],
)
def test_towns_lie_in_their_subdivision(town: str, subdivision: str) -> None:
    assert subdivision_of(town) == subdivision


@pytest.mark.parametrize(
    ("town", "country"),
    [
        # GeoNames' unit "Taiwan" (the old province) holds Taipei, Taichung and Douliu: no ISO
        # subdivision holds them all, so its towns are known to their country only.
        ("Douliu", "TW"),
        # "Central Serbia" is no Belgrade.
        ("Valjevo", "RS"),
    ],
)
def test_a_unit_of_an_older_division_leaves_its_towns_to_their_country(
    town: str, country: str
) -> None:
    assert subdivision_of(town) == country


@pytest.mark.parametrize(
    ("town", "province"),
    [
        ("Mocímboa da Praia", "Cabo Delgado"),
        ("Beni", "North Kivu"),
        ("Medellín", "Antioquia"),
        ("Gusau", "Zamfara"),
        ("Djibo", "Sahel, Burkina Faso"),
    ],
)
def test_a_town_is_narrower_than_its_province(town: str, province: str) -> None:
    g = Gazetteer()
    a, b = g.resolve(town), g.resolve(province)
    assert area_relation(a, b) == "narrower"
    assert area_relation(b, a) == "wider"


def test_a_town_is_disjoint_from_another_province_of_its_country() -> None:
    g = Gazetteer()
    assert area_relation(g.resolve("Mocímboa da Praia"), g.resolve("Nampula")) == "disjoint"
    assert area_relation(g.resolve("Beni"), g.resolve("South Kivu")) == "disjoint"


# --- the builder's rules (no dev dependency needed: ISO names from the bundled data) ---------


@pytest.fixture(scope="module")
def names() -> dict[str, dict[str, set[str]]]:
    return build._subdivision_names(gazetteer_data())


@pytest.mark.parametrize(
    ("country", "admin1", "code"),
    [
        ("MZ", "Cabo Delgado Province", "MZ-P"),
        ("CD", "Nord Kivu", "CD-NK"),
        ("NG", "Borno State", "NG-BO"),
        ("CO", "Cauca Department", "CO-CAU"),  # a type word ISO's suffixes lack
        ("MZ", "Maputo Province", "MZ-L"),  # the province, not the city of the same name
        ("SD", "Western Darfur", "SD-DW"),
        ("SS", "Northern Bahr al Ghazal", "SS-BN"),  # el and al
        ("ET", "Oromiya", "ET-OR"),  # another spelling
        ("RU", "Sverdlovsk Oblast", "RU-SVE"),
        # Older or other divisions no ISO name matches: never guessed.
        ("CD", "East Kasai", ""),
        ("TW", "Taiwan", ""),
        ("ET", "Central Ethiopia Regional State", ""),
        # Toshkent city against Toshkent region: alike, but not one of them more than the other.
        ("UZ", "Tashkent", ""),
        # Atsinanana is not Antsiranana (0.86 alike).
        ("MG", "Atsinanana", ""),
    ],
)
def test_an_admin1_name_names_one_iso_subdivision(
    names: dict[str, dict[str, set[str]]], country: str, admin1: str, code: str
) -> None:
    assert build._admin1_match(admin1, gazetteer_data(), names.get(country, {}))[0] == code


def city(name: str, country: str, lat: float, lon: float) -> dict[str, object]:
    return {"name": name, "countrycode": country, "latitude": lat, "longitude": lon}


def test_a_unit_takes_the_admin1_name_all_its_towns_carry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Synthetic towns and coordinates: the rule, not GeoNames' data.
    index = {
        ("MZ", "A"): [(-11.0, 40.0, "Cabo Delgado Province")],
        ("MZ", "B"): [(-11.5, 40.1, "Cabo Delgado Province")],
        ("MZ", "C"): [(-15.0, 39.0, "Nampula")],
        ("MZ", "D"): [(-14.0, 35.0, "Niassa Province")],
        ("MZ", "E"): [(-14.5, 35.5, "Nampula")],
        # Two units whose names give one code: the name as ISO writes it wins.
        ("MX", "F"): [(19.6, -99.0, "México")],
        ("MX", "G"): [(19.4, -99.1, "Mexico City")],
        # Both inexact: neither gets it.
        ("PE", "H"): [(-11.0, -77.0, "Lima region")],
        ("PE", "I"): [(-12.0, -77.0, "Lima Province")],
    }
    monkeypatch.setattr(build, "_admin1_index", lambda: index)
    by_unit = {
        ("MZ", "01"): [city("A", "MZ", -11.0, 40.0), city("B", "MZ", -11.54, 40.1)],
        # Coordinates further than JOIN_DEGREES: not the same town, the unit is unnamed.
        ("MZ", "02"): [city("C", "MZ", -15.5, 39.0)],
        # Towns carrying two names: a unit spanning two provinces, placed by neither.
        ("MZ", "03"): [city("D", "MZ", -14.0, 35.0), city("E", "MZ", -14.5, 35.5)],
        ("MX", "15"): [city("F", "MX", 19.6, -99.0)],
        ("MX", "09"): [city("G", "MX", 19.4, -99.1)],
        ("PE", "15"): [city("H", "PE", -11.0, -77.0)],
        ("PE", "LMA"): [city("I", "PE", -12.0, -77.0)],
    }
    codes, unit_names = build._admin1_codes(gazetteer_data(), by_unit)
    assert codes == {("MZ", "01"): "MZ-P", ("MX", "15"): "MX-MEX"}
    assert "cabo delgado" in unit_names[("MZ", "01")]
    assert ("MZ", "02") not in unit_names and ("MZ", "03") not in unit_names


@pytest.mark.parametrize(
    ("admin1", "town_keys", "agree"),
    [
        ("Cairo", ["cairo", "al qahirah"], True),
        ("City state Bremen", ["bremen"], True),
        ("St.-Petersburg", ["saint petersburg"], True),
        ("Taiwan", ["taipei", "taibei"], False),
        ("Taiwan", ["tainan"], False),
        ("Central Serbia", ["belgrade", "beograd"], False),
    ],
)
def test_a_unit_is_placed_by_its_largest_town_only_if_its_name_agrees(
    admin1: str, town_keys: list[str], agree: bool
) -> None:
    forms = {form for form, _word in build._name_forms(admin1, gazetteer_data())}
    assert build._names_agree(forms, town_keys) is agree


# --- a town of another country in an area list: a loader note ----------------------------------

SOURCES = """version: 1
# synthetic figures, invented for this test
sources:
  C: {{name: Agency C}}
claims:
  - id: c1
    source: C
    figure: 12
    population: civilians
    outcome: killed
    area: {area}
    as_of: 2020-06-01
"""


def area_notes(area: str) -> list[str]:
    from casualty_recon import loads

    sources = loads(SOURCES.format(area=area), "areas.yaml")
    return [str(note) for note in sources.notes if "area:" in note.message]


def test_a_town_of_another_country_in_an_area_list_is_a_note() -> None:
    # Palma is Spain's (Mozambique's Palma is too small for the towns file)
    notes = area_notes("[Mocímboa da Praia, Palma, Cabo Delgado]")
    assert notes == [
        "note: areas.yaml:11:31: area: Palma is a town in Spain, where no other place of the "
        'list is (Mozambique); if you meant another Palma, write "Palma, Mozambique", or check '
        "the spelling"
    ]


@pytest.mark.parametrize(
    "area",
    [
        "[Mocímboa da Praia, Pemba]",  # two towns of one country
        "[Beni, Butembo, North Kivu]",
        "[Idlib, Hatay]",  # two subdivisions of two countries: written on purpose
        # a place written with its country: the list spans countries knowingly
        '[Mocímboa da Praia, "Palma, Spain"]',
        "Palma",  # one place: nothing to compare it with
    ],
)
def test_an_area_list_of_one_country_or_of_countries_named_has_no_note(area: str) -> None:
    assert area_notes(area) == []


def test_the_note_is_shown_by_validate_and_the_file_loads() -> None:
    from typer.testing import CliRunner

    from casualty_recon.cli.app import app

    text = SOURCES.format(area="[Mocímboa da Praia, Palma, Cabo Delgado]")
    result = CliRunner().invoke(app, ["validate", "-", "--format", "plain"], input=text)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<stdin>: 1 claim from 1 source")
    assert "Palma is a town" not in result.stdout
    assert result.stderr == (
        "note: <stdin>:11:31: area: Palma is a town in Spain, where no other place of the list "
        'is (Mozambique); if you meant another Palma, write "Palma, Mozambique", or check the '
        "spelling\n"
    )
