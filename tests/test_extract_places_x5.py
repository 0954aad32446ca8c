"""Places of extracted claims: an ambiguous name settled by the article's country, and cues.

Every article here is SYNTHETIC: one-paragraph texts written for these tests in the style of
wire reports; the figures and events are illustrative, not real reports.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casualty_recon.cli.app import app
from casualty_recon.extract import extract_claims, render_yaml
from casualty_recon.grammar.places import Gazetteer
from casualty_recon.load.loader import loads

PUBLISHED = dt.date(2024, 6, 10)


def loaded_codes(text: str) -> list[set[str]]:
    """The place codes of each claim's area, after writing the claims and loading them back."""
    claims = extract_claims([("t.txt", text)], published=PUBLISHED)
    assert claims, text
    sources = loads(render_yaml(claims), "t.yaml")
    return [{p.code for p in claim.area.places} for claim in sources.claims]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a name two countries' regions bear, settled by the article's country
        ("LOME, Togo (Newswire) - Seven soldiers were killed in an attack in the Savanes region, "
         "Togo's government said on Sunday.", "TG-S"),
        ("ABIDJAN, Ivory Coast (Newswire) - Seven soldiers were killed in an attack in the "
         "Savanes region, the army said on Sunday.", "CI-SV"),
        ("TRIPOLI, Libya (Newswire) - Clashes between armed groups killed 12 people in Tripoli "
         "on Sunday, the health ministry said.", "LY-TB"),
        ("LA PAZ, Bolivia (Newswire) - Police said 6 people were killed in Santa Cruz on Sunday.",
         "BO-S"),
        ("BUENOS AIRES, Argentina (Newswire) - Police said 6 people were killed in a shooting in "
         "Santa Cruz on Sunday.", "AR-Z"),
        ("BOGOTA, Colombia (Newswire) - Gunmen killed 6 people in Cordoba on Sunday, police said.",
         "CO-COR"),
        ("BUENOS AIRES, Argentina (Newswire) - Police said 4 people were killed in Cordoba on "
         "Sunday.", "AR-X"),
        ("MONTEVIDEO, Uruguay (Newswire) - Police said 3 people were killed in San Jose on "
         "Sunday.", "UY-SJ"),
        ("ISLAMABAD, Pakistan (Newswire) - A bomb killed 9 people in Punjab on Sunday, police "
         "said.", "PK-PB"),
    ],
)  # fmt: skip
def test_an_ambiguous_name_the_articles_country_settles_is_written_so_that_it_loads(
    text: str, code: str
) -> None:
    assert loaded_codes(text) == [{code}]


def test_extract_then_validate_passes_for_a_region_two_countries_share(tmp_path: Path) -> None:
    runner = CliRunner()
    article = tmp_path / "a.txt"
    article.write_text(
        "LOME, Togo (Newswire) - Seven soldiers were killed in an attack in the Savanes region, "
        "Togo's government said on Sunday.\n",
        encoding="utf-8",
    )
    out = tmp_path / "s.yaml"
    result = runner.invoke(
        app, ["extract", str(article), "--published", "2024-06-10", "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "error" not in result.stderr
    checked = runner.invoke(app, ["validate", str(out)])
    assert checked.exit_code == 0, checked.stderr
    assert "error" not in checked.stderr
    area = loads(out.read_text(encoding="utf-8"), str(out)).claims[0].area
    assert area.places == Gazetteer().resolve("TG-S")


@pytest.mark.parametrize("dateline", ["", "ABUJA, Nigeria (Newswire) - "])
@pytest.mark.parametrize(
    "phrase", ["in Plateau state", "in Plateau State", "in the state of Plateau"]
)
def test_a_region_word_after_or_before_a_name_that_is_also_a_common_word_makes_it_a_region(
    dateline: str, phrase: str
) -> None:
    # "Plateau" is a common word, never a place alone; with its cue it is Nigeria's state (the
    # only subdivision of that name that is a state: Benin's Plateau is a department)
    text = f"{dateline}Gunmen killed at least 30 villagers {phrase} on Sunday, police said."
    assert loaded_codes(text) == [{"NG-PL"}]


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("in Punjab province", "PK-PB"),
        ("in the province of Punjab", "PK-PB"),
        ("in Punjab state", "IN-PB"),
        ("in the Indian state of Punjab", "IN-PB"),
        ("in Santa Cruz department", "BO-S"),
        ("in the department of Santa Cruz", "BO-S"),
        ("in Santa Cruz province", "AR-Z"),
        ("in Cordoba department", "CO-COR"),
        ("in the Savanes district", "CI-SV"),
        ("in Lakes state", "SS-LK"),
    ],
)
def test_a_region_word_settles_a_name_several_countries_regions_bear(
    phrase: str, code: str
) -> None:
    # no country is named: the kind of region the article calls it (ISO 3166-2's type) settles
    # the name when one region of that name is of that kind
    text = f"Gunmen killed 9 people {phrase} on Sunday, police said."
    assert loaded_codes(text) == [{code}]


@pytest.mark.parametrize(
    ("dateline", "code"),
    [
        ("MANILA (Newswire) - ", "PH"),
        ("BAMAKO (Newswire) - ", "ML"),
        ("KYIV, June 9 (Newswire) - ", "UA"),
        ("Kabul (Newswire) - ", "AF"),
    ],
)
def test_a_dateline_city_without_its_country_gives_the_articles_country(
    dateline: str, code: str
) -> None:
    text = f"{dateline}Soldiers killed 12 militants in a clash on Sunday, the army said."
    assert loaded_codes(text) == [{code}]


def test_a_dateline_city_gives_way_to_a_place_the_text_names() -> None:
    text = "NAIROBI (Newswire) - Fighting killed 40 people in Khartoum on Sunday, medics said."
    assert loaded_codes(text) == [{"SD-KH"}]


def areas(text: str) -> list[tuple[str, ...]]:
    return [c.area for c in extract_claims([("t.txt", text)], published=PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "area"),
    [
        # where a figure was announced is not where the deaths were
        ("GENEVA (Newswire) - The United Nations said in Geneva on Tuesday that 500 civilians had "
         "been killed in Sudan since April.", ("Sudan",)),
        # a speaker's possessive with no other country named is still the article's country
        ("Sudan's health ministry said 40 people were killed in clashes on Sunday.", ("Sudan",)),
    ],
)  # fmt: skip
def test_a_place_of_speaking_or_a_lone_speakers_country(text: str, area: tuple[str, ...]) -> None:
    assert areas(text) == [area]


@pytest.mark.parametrize(
    "text",
    [
        "The United Nations said 500 civilians had been killed in Sudan since April.",
        "UNITED NATIONS (Newswire) - The United Nations said 500 civilians had been killed in "
        "Sudan since April.",
    ],
)
def test_the_united_nations_is_not_the_united_states(text: str) -> None:
    # "United States" less its plural suffix is no place: "United" named the United States,
    # which then outweighed the Sudan the figure is about
    assert areas(text) == [("Sudan",)]
    assert Gazetteer().find_places("the United Nations") == []


@pytest.mark.parametrize(
    "text",
    [
        "PEMBA, Mozambique (Newswire) - Rwandan troops killed 14 insurgents near Mocimboa da "
        "Praia, Rwanda's defence ministry said.",
        "PEMBA, Mozambique (Newswire) - Rwandan troops killed 14 insurgents in Mocimboa da Praia "
        "on Sunday, Rwanda's defence ministry said.",
        "MAPUTO (Newswire) - Rwandan troops killed 14 insurgents near Mocimboa da Praia, "
        "Rwanda's defence ministry said.",
    ],
)
def test_the_perpetrators_or_speakers_country_is_not_where_it_happened(text: str) -> None:
    # the town the sentence names, of the dateline's country, is the area
    assert areas(text) == [("Mocimboa da Praia",)]
    assert loaded_codes(text)[0] <= {p.code for p in Gazetteer().resolve("Mocimboa da Praia")}


def test_a_speakers_country_outweighs_a_dateline_city_of_another_country() -> None:
    text = (
        "CAIRO (Newswire) - Sudan's health ministry said 40 people were killed in clashes on "
        "Sunday."
    )
    assert areas(text) == [("Sudan",)]


def test_a_settlement_the_gazetteer_lacks_is_not_guessed_as_the_datelines_country() -> None:
    # the dateline says where the reporter is; the figure is for a city the gazetteer does not
    # know, so the dateline's country would be a guess (here a wrong one)
    text = (
        "YEREVAN, Armenia (Newswire) - Shelling killed 5 civilians in Stepanakert, the main city "
        "of Nagorno-Karabakh, officials said."
    )
    claims = extract_claims([("t.txt", text)], published=PUBLISHED)
    assert [c.area for c in claims] == [("unknown",)]
    assert "Stepanakert" in claims[0].notes and "Armenia" in claims[0].notes
    assert loaded_codes(text) == [set()]


@pytest.mark.parametrize(
    ("text", "area"),
    [
        # the country is named in the text: the unknown village lies in it
        ("YEREVAN (Newswire) - Shelling killed 5 civilians in Khramort, a village in Armenia, "
         "officials said.", ("Armenia",)),
        # a person described by an office is no settlement
        ("LOME, Togo (Newswire) - Gunmen killed 4 people on Sunday, said Kossi Mensah, a city "
         "councillor.", ("Togo",)),
    ],
)  # fmt: skip
def test_an_unknown_name_in_a_country_the_text_names_keeps_the_country(
    text: str, area: tuple[str, ...]
) -> None:
    assert areas(text) == [area]


@pytest.mark.parametrize(
    ("text", "area"),
    [
        # the speaker's country, by its possessive, is not where the deaths were
        ("In Paris, France's foreign minister said 20 civilians were killed in Lebanon on "
         "Sunday.", ("Lebanon",)),
        ("Kenya's foreign ministry said 12 Kenyan peacekeepers were killed in Somalia on "
         "Sunday.", ("Somalia",)),
        # nor the perpetrators' when a town of the dateline's country is named
        ("PEMBA, Mozambique (Newswire) - Rwandan troops killed 14 insurgents in Mocimboa da "
         "Praia on Sunday, Rwanda's defence ministry said. Rwanda's army has been deployed there "
         "since 2021.", ("Mocimboa da Praia",)),
    ],
)  # fmt: skip
def test_a_speakers_possessive_gives_way_to_the_place_the_text_names(
    text: str, area: tuple[str, ...]
) -> None:
    assert areas(text) == [area]


@pytest.mark.parametrize(
    ("text", "area"),
    [
        # "Dera" is a spelling of Syria's Daraa, and the first word of two Pakistani towns
        ("Militants killed 6 soldiers in Punjab's Dera Ghazi Khan district on Sunday, Pakistan's "
         "army said.", ("Punjab, Pakistan",)),
        ("ISLAMABAD (Newswire) - A bomb killed 9 people in Dera Ismail Khan on Sunday, police "
         "said.", ("Dera Ismail Khan",)),
    ],
)  # fmt: skip
def test_a_place_name_that_begins_a_longer_town_name_is_not_that_place(
    text: str, area: tuple[str, ...]
) -> None:
    assert areas(text) == [area]


@pytest.mark.parametrize(
    ("phrase", "codes", "part"),
    [
        ("in northern Plateau state", {"NG-PL"}, "northern"),
        ("in southern Punjab province", {"PK-PB"}, "southern"),
    ],
)
def test_a_part_word_before_a_region_named_with_its_kind_is_kept(
    phrase: str, codes: set[str], part: str
) -> None:
    text = f"Gunmen killed 30 villagers {phrase} on Sunday, police said."
    claims = extract_claims([("t.txt", text)], published=PUBLISHED)
    (area,) = [claim.area for claim in loads(render_yaml(claims), "t.yaml").claims]
    assert {p.code for p in area.places} == codes
    assert {p.part for p in area.places} == {part}
