"""Towns named in articles with a clear cue become the area of their claims.

Every article here is SYNTHETIC: short texts written for these tests, in the style of wire
reports from different countries and continents; the figures and events are illustrative, not
real reports.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from casualty_recon.cli.app import app
from casualty_recon.extract import extract_claims, render_yaml
from casualty_recon.extract.towns import cued_places
from casualty_recon.grammar.places import Gazetteer, area_relation
from casualty_recon.load.loader import loads

PUBLISHED = dt.date(2020, 1, 1)


def areas(text: str) -> dict[str, tuple[str, ...]]:
    return {c.figure: c.area for c in extract_claims([("t.txt", text)], published=PUBLISHED)}


TOWNS = [
    # a settlement word before the name
    (
        "MOGADISHU, Somalia - At least 12 people were killed in a bombing in the central Somali "
        "town of Beledweyne on Saturday, police said.",
        "at least 12",
        ("Beledweyne",),
    ),
    (
        "Gunmen killed 14 civilians in the northern town of Djibo, an official said.",
        "14",
        ("Djibo",),
    ),
    (
        "Police said 11 people were killed in the city of Culiacán, Sinaloa, Mexico.",
        "11",
        ("Culiacán",),
    ),
    ("Gunmen killed 6 people in the municipality of Tumaco in Colombia.", "6", ("Tumaco",)),
    (
        "Fighting in the central Malian town of Mopti killed 15 soldiers in Mali.",
        "15",
        ("Mopti city",),
    ),
    (
        "Troops killed 10 villagers in the town of Hpakant in Kachin state, Myanmar.",
        "10",
        ("Hpakant",),
    ),
    # a settlement word after the name: the town, not the region that describes where it is
    (
        "In Beni, a city in North Kivu province of DR Congo, rebels killed 22 people.",
        "22",
        ("Beni",),
    ),
    ("Seven people died in Imphal, the capital of Manipur, India, police said.", "7", ("Imphal",)),
    (
        "Shelling killed 5 people in Kharkiv, Ukraine's second city, the governor said.",
        "5",
        ("Kharkiv city",),
    ),
    # towns named together after a plural settlement word, each resolved like one
    (
        "Gunmen killed 20 villagers in the towns of Djibo and Arbinda in northern Burkina Faso.",
        "20",
        ("Djibo", "Arbinda"),
    ),
    (
        "Militants killed 30 people in the villages of Monguno, Damboa and Gwoza in Borno "
        "state, Nigeria, the army said.",
        "30",
        ("Monguno", "Damboa", "Gwoza"),
    ),
    # the capital named after the word
    (
        "At least 12 people were killed in the capital Port-au-Prince, police in Haiti said.",
        "at least 12",
        ("Port-au-Prince",),
    ),
    (
        "At least 15 people were killed in the capital, Khartoum, on Sunday, doctors in Sudan "
        "said.",
        "at least 15",
        ("Khartoum city",),
    ),
    ("Rebels killed 9 civilians in the regional capital Goma in DR Congo.", "9", ("Goma",)),
    # a distance after the name: the town, never the place the distance is measured from
    (
        "At least 20 people were killed in Douma, 10km northeast of Damascus, activists in Syria "
        "said.",
        "at least 20",
        ("Douma",),
    ),
    (
        "In Bakhmut, about 60 km north of Donetsk, 4 civilians were killed, Ukraine said.",
        "4",
        ("Bakhmut",),
    ),
]


@pytest.mark.parametrize(("text", "figure", "area"), TOWNS)
def test_a_town_named_with_a_cue_is_the_area(text: str, figure: str, area: tuple[str, ...]) -> None:
    claims = extract_claims([("t.txt", text)], published=PUBLISHED)
    assert {c.figure: c.area for c in claims}[figure] == area
    # the area written is the town's (a town code), and loads back as that town
    (loaded,) = [c for c in loads(render_yaml(claims), "t.yaml").claims if c.figure.text == figure]
    assert [place.code for place in loaded.area.places if "-g" in place.code], loaded.area


@pytest.mark.parametrize(
    ("text", "written", "code"),
    [
        ("Shelling killed 20 people in Douma, 10km northeast of Damascus, in Syria.", "Douma",
         "SY-RD-g170592"),
        ("Gunmen killed 8 people in the town of Arbinda in Burkina Faso.", "Arbinda",
         "BF-12-g2363174"),
        ("Troops killed 10 villagers in the town of Hpakant in Kachin state, Myanmar.", "Hpakant",
         "MM-11-g1323815"),
        # the bare name is the region: the town is written so that it loads as the town
        ("Shelling killed 5 people in Kharkiv, Ukraine's second city.", "Kharkiv city",
         "UA-63-g706483"),
    ],
)  # fmt: skip
def test_a_town_keeps_the_articles_spelling_and_loads_as_the_same_town(
    text: str, written: str, code: str
) -> None:
    claims = extract_claims([("t.txt", text)], published=PUBLISHED)
    assert [c.area for c in claims] == [(written,)]
    (loaded,) = loads(render_yaml(claims), "t.yaml").claims
    assert [place.code for place in loaded.area.places] == [code]


def test_a_town_spelt_two_ways_is_named_once() -> None:
    text = (
        "Shelling killed 20 people in Douma, 10km northeast of Damascus, and in Duma, a town "
        "in Syria."
    )
    assert areas(text) == {"20": ("Douma",)}


@pytest.mark.parametrize(
    ("text", "area"),
    [
        (
            "Israeli forces killed 4 Palestinians in Jenin in the occupied West Bank on Tuesday.",
            ("Jenin",),
        ),
        ("Israeli strikes killed 20 people in Rafah in the southern Gaza Strip.", ("Rafah",)),
    ],
)
def test_a_region_of_several_places_gives_way_to_the_place_in_it_the_sentence_names(
    text: str, area: tuple[str, ...]
) -> None:
    (claim,) = extract_claims([("t.txt", text)], published=PUBLISHED)
    assert claim.area == area


@pytest.mark.parametrize(
    ("text", "area"),
    [
        # reported from a neighbouring country: the country the sentence names, not the dateline's
        ("TUNIS (Newswire) - Clashes killed 55 people in Libya, the health ministry said.",
         ("Libya",)),
        ("CAIRO (Newswire) - Fighting killed 40 people in Khartoum, Sudan, doctors said.",
         ("Khartoum",)),
        ("NAIROBI (Newswire) - Clashes killed 9 people in Jonglei state, South Sudan officials "
         "said.", ("Jonglei",)),
        # the dateline's country still breaks a tie, and is the area when nothing else is named
        ("KYIV (Newswire) - Strikes killed 5 civilians, officials said.", ("Ukraine",)),
    ],
)  # fmt: skip
def test_a_datelines_country_never_outweighs_a_country_the_article_names(
    text: str, area: tuple[str, ...]
) -> None:
    (claim,) = extract_claims([("t.txt", text)], published=PUBLISHED)
    assert claim.area == area


def test_a_reference_point_is_never_the_area() -> None:
    # the village is not named: the country, never Kandahar
    text = "Twelve people died when a bus hit a mine 30 km north of Kandahar, Afghan police said."
    assert areas(text) == {"12": ("Afghanistan",)}
    assert [text[start:].split(",")[0] for start in cued_places(text, "AF")[1]] == ["Kandahar"]


@pytest.mark.parametrize(
    "text",
    [
        # a town of another country than the article's
        "Syrian officials said 8 people were killed in the Turkish town of Kilis. Fighting went "
        "on in Idlib, Aleppo and Hama in Syria.",
        # a name several towns share, in an article that names no country
        "A blast killed 13 people in the town of Springfield, officials said.",
    ],
)
def test_a_town_the_article_does_not_settle_stays_out(text: str) -> None:
    found = areas(text)
    assert not any(name in area for area in found.values() for name in ("Kilis", "Springfield")), (
        found
    )


def test_the_district_of_a_region_stays_the_region() -> None:
    assert areas("Gunmen killed 9 people in the district of Kabul, Afghan police said.") == {
        "9": ("Kabul",)
    }


def test_extracted_towns_load_and_lie_within_their_region_and_country() -> None:
    text = (
        "KYIV, March 9 (Newswire) - Russian forces shelled the southern port city of Mariupol, "
        "killing at least 17 civilians, a deputy mayor said.\n"
        "Donetsk's governor said 40 civilians had been killed across Donetsk oblast.\n"
        "The UN said 500 civilians had been killed in Ukraine."
    )
    claims = extract_claims([("t.txt", text)], published=PUBLISHED, outlet="Newswire")
    assert [c.area for c in claims] == [("Mariupol",), ("Donetsk",), ("Ukraine",)]
    sources = loads(render_yaml(claims), "t.yaml")
    town, region, country = (claim.area.places for claim in sources.claims)
    assert area_relation(town, region) == "narrower"
    assert area_relation(town, country) == "narrower"
    assert area_relation(region, town) == "wider"
    assert town == Gazetteer().resolve("Mariupol")


def test_a_town_a_distance_is_measured_from_is_no_area() -> None:
    # "a village 15 km from the central town of Bankass": the unnamed village, not Bankass
    text = (
        "BAMAKO, Mali (Newswire) - Gunmen killed 31 villagers in Ogossagou, a village 15 km from "
        "the central town of Bankass, a local official said."
    )
    assert areas(text) == {"31": ("Mali",)}
    text = "Shelling killed 9 people 30 km from the capital Kabul, Afghan police said."
    assert areas(text) == {"9": ("Afghanistan",)}


def test_a_town_is_never_the_first_words_of_a_longer_name() -> None:
    # "San Pedro Sula" is not "San Pedro" (the gazetteer has a San Pedro in the United States,
    # which the outlet's name makes the article's country when no other is named)
    text = (
        "The New York Times reported 6 people were killed in the city of San Pedro Sula on Sunday."
    )
    assert all("San Pedro" not in "".join(area) for area in areas(text).values()), areas(text)
    # with its country named, the whole name is the town of that country
    text = (
        "The New York Times reported 6 people were killed in the city of San Pedro Sula, "
        "Honduras, on Sunday."
    )
    assert areas(text) == {"6": ("San Pedro Sula",)}


def test_a_sentence_naming_a_town_the_gazetteer_lacks_does_not_give_its_other_town() -> None:
    # the 5 were killed in a village the gazetteer does not know: not in Harasta, whose toll is
    # the other figure; the area is what holds both, Harasta's governorate
    text = (
        "Air strikes hit Eastern Ghouta in Syria on Monday. Five civilians were killed in the "
        "village of Qaryat Zarqa and one in the town of Harasta, activists said."
    )
    assert areas(text) == {"5": ("Rural Damascus",)}


def test_a_name_before_the_citys_is_no_town() -> None:
    # "Bello, the city's police chief": a person (Bello is also a Colombian town)
    text = (
        "BOGOTA, Colombia - Gunmen killed 7 people in Antioquia on Sunday, said Bello, the city's "
        "police chief."
    )
    assert areas(text) == {"7": ("Antioquia",)}


def test_cli_writes_the_town_and_validate_loads_it(tmp_path: Path) -> None:
    runner = CliRunner()
    article = tmp_path / "a.txt"
    article.write_text(
        "BAMAKO, Mali (Newswire) - Gunmen killed 31 villagers in Ogossagou, a village "
        "15 km from the central town of Bankass, a local official said.\n"
        "In the central Malian town of Mopti, 4 soldiers were killed, the army said.\n",
        encoding="utf-8",
    )
    out = tmp_path / "s.yaml"
    result = runner.invoke(
        app, ["extract", str(article), "--published", "2019-03-24", "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "wrote" in result.stderr and "error" not in result.stderr
    document = yaml.safe_load(out.read_text(encoding="utf-8"))
    # the village is no town of the gazetteer and Bankass is a reference point: the first
    # figure takes the lead's place, the region the town of Mopti lies in, not the town
    assert [c["area"] for c in document["claims"]] == ["Mopti", "Mopti city"]
    checked = runner.invoke(app, ["validate", str(out)])
    assert checked.exit_code == 0, checked.stderr
    assert "valid" in checked.stdout and "Mopti city" in checked.stdout
    assert "error" not in checked.stderr


@pytest.mark.parametrize(
    ("text", "area"),
    [
        # the dateline names the reporter's country only: a place named in the text, of another
        # country, is the area even when each country is named once
        ("CAIRO, Egypt (Newswire) - Fighting killed 40 people in Khartoum, medics said.",
         ("Khartoum",)),
        ("AMMAN, Jordan (Newswire) - Air strikes killed 12 civilians in Idlib, a monitor said.",
         ("Idlib",)),
        # a country named only as a reference point does not take it from the dateline
        ("KIDAL, Mali (Newswire) - Strikes killed 20 fighters near the border with Niger.",
         ("Mali",)),
    ],
)  # fmt: skip
def test_a_country_named_only_in_the_dateline_gives_way_to_a_place_the_text_names(
    text: str, area: tuple[str, ...]
) -> None:
    (claim,) = extract_claims([("t.txt", text)], published=PUBLISHED)
    assert claim.area == area


@pytest.mark.parametrize(
    ("text", "area"),
    [
        # a country's demonym before a noun is the country, not a region that shares the word
        # (Ethiopia's Somali region), whatever the dateline
        ("NAIROBI (Newswire) - A suicide bomber killed 13 people in the central Somali town of "
         "Beledweyne, police said.", ("Beledweyne",)),
        ("Somali forces killed 20 al-Shabaab fighters, the army said.", ("Somalia",)),
        # the region itself, named as one
        ("Floods killed 30 people in Ethiopia's Somali region, officials said.", ("Somali",)),
        ("Clashes killed 14 people in the Somali regional state of Ethiopia, officials said.",
         ("Somali",)),
    ],
)  # fmt: skip
def test_a_countrys_demonym_before_a_noun_is_that_country_not_a_region(
    text: str, area: tuple[str, ...]
) -> None:
    (claim,) = extract_claims([("t.txt", text)], published=PUBLISHED)
    assert claim.area == area


@pytest.mark.parametrize(
    ("text", "area"),
    [
        # "the Libyan capital Tripoli": the capital of the country the demonym names
        ("TUNIS (Newswire) - Clashes between rival militias killed 55 people in the Libyan "
         "capital Tripoli, officials said.", ("Tripoli, Libya",)),
        ("NAIROBI (Newswire) - Shelling killed 12 civilians in the Sudanese capital, Khartoum, "
         "medics said.", ("Khartoum city",)),
        ("DAKAR (Newswire) - Gunmen killed 9 people in the Malian town of Gao, officials said.",
         ("Gao",)),
    ],
)  # fmt: skip
def test_a_town_after_a_demonym_is_looked_for_in_that_country(
    text: str, area: tuple[str, ...]
) -> None:
    (claim,) = extract_claims([("t.txt", text)], published=PUBLISHED)
    assert claim.area == area


@pytest.mark.parametrize(
    ("text", "area"),
    [
        # a settlement the gazetteer lacks, in the country its demonym names: that country,
        # not the dateline's
        ("DAKAR, Senegal (Newswire) - Gunmen killed 26 civilians in the central Malian village "
         "of Djiguibombo, local officials said.", ("Mali",)),
        ("NAIROBI, Kenya (Newswire) - Militants killed 7 people in a Somali village near the "
         "border, elders said.", ("Somalia",)),
    ],
)  # fmt: skip
def test_a_settlement_of_a_country_named_by_its_demonym_is_in_that_country(
    text: str, area: tuple[str, ...]
) -> None:
    (claim,) = extract_claims([("t.txt", text)], published=PUBLISHED)
    assert claim.area == area
