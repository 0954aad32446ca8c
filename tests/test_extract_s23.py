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


@pytest.mark.parametrize(
    ("body", "key", "kind"),
    [
        (
            "NAIROBI (Newswire) - Speaking in Washington, the United States envoy said 30 "
            "civilians had been killed in Sudan on Monday.",
            "United States envoy",
            "government",
        ),
        (
            "JUBA (Newswire) - Britain's ambassador said 30 civilians had been killed in Jonglei "
            "on Monday.",
            "Britain ambassador",
            "government",
        ),
        (
            "JUBA (Newswire) - Thirty civilians were killed in Jonglei on Monday, the EU's foreign "
            "policy chief told reporters.",
            "EU foreign policy chief",
            "government",
        ),
        (
            "JUBA (Newswire) - The UN envoy said 30 civilians had been killed in Jonglei "
            "on Monday.",
            "UN",
            "un",
        ),
        (
            "BAMAKO (Newswire) - Twelve villagers were killed in Mopti on Sunday, the French "
            "ambassador to Mali said.",
            "French ambassador to Mali",
            "government",
        ),
    ],
)
def test_a_speaker_named_by_an_office_abroad_is_the_source(body: str, key: str, kind: str) -> None:
    (claim,) = _claims(body)
    assert (claim.source.key, claim.source.kind) == (key, kind)


@pytest.mark.parametrize(
    "body",
    [
        "NAIROBI (Newswire) - Speaking to reporters at the end of a two-day visit to the port in "
        "Mombasa, the minister said 12 people were killed on Monday.",
        "NAIROBI (Newswire) - Twelve people were killed in an attack on Monday, the minister said "
        "in a statement from Mombasa.",
        "NAIROBI (Newswire) - Twelve people were killed in an attack on Monday, the minister said "
        "in a statement issued in Mombasa.",
        "NAIROBI (Newswire) - The minister, speaking by telephone from Mombasa, said 12 people "
        "were killed in an attack on Monday.",
        "NAIROBI (Newswire) - Twelve people were killed in an attack on Monday, the minister said, "
        "speaking at a news conference in the coastal city of Mombasa.",
        "MOMBASA (Newswire) - Twelve people were killed in an attack on Monday, the minister told "
        "a news conference in the Kenyan capital Nairobi.",
    ],
)
def test_where_a_speaker_spoke_is_never_the_area_wherever_the_phrase_stands(body: str) -> None:
    (claim,) = _claims(body)
    assert claim.area == ("Kenya",)


@pytest.mark.parametrize(
    "body",
    [
        "NAIROBI (Newswire) - The minister said in a statement that 12 people were killed in "
        "Mombasa on Monday.",
        "NAIROBI (Newswire) - The minister told reporters that gunmen killed 12 people in "
        "Mombasa on Monday.",
        "NAIROBI (Newswire) - Speaking on Tuesday, the minister said 12 people were killed in "
        "Mombasa on Monday.",
    ],
)
def test_a_place_in_what_the_speaker_said_is_still_the_area(body: str) -> None:
    (claim,) = _claims(body)
    assert claim.area == ("Mombasa",)


def test_where_a_witness_stood_is_not_the_article_s_country_nor_its_most_named_place() -> None:
    # FA-KES 1926479296 in this shape: the toll's sentence names no place, a witness stands
    # across a border, and the country across it is named as the one who denies and speaks.
    (claim,) = _claims(
        "KHARTOUM (Newswire) - Fighters attacked a town on the border with Ethiopia on Saturday. "
        "At least 14 civilians were killed, the army said. The town lies in Gedaref state. A "
        "witness in Bahir Dar said gunfire could be heard across the border. Ethiopia has "
        "consistently denied supporting the fighters, and Ethiopia said its forces had increased "
        "patrols."
    )
    assert claim.area == ("Gedaref",)


@pytest.mark.parametrize(
    ("body", "area"),
    [
        (  # the sentence names the place of the killing
            "BAMAKO (Newswire) - Gunmen killed 12 villagers in Mopti on Sunday, residents in "
            "Segou said.",
            ("Mopti",),
        ),
        (  # the sentence names no other: where the witnesses are is all it gives
            "BAMAKO (Newswire) - Gunmen killed 12 villagers on Sunday, residents in Mopti said.",
            ("Mopti",),
        ),
        (  # victims, not speakers: no verb of saying after them
            "BAMAKO (Newswire) - Three residents in Mopti were killed on Sunday, the army said.",
            ("Mopti",),
        ),
    ],
)
def test_where_a_witness_stood_gives_way_to_the_place_of_the_killing(
    body: str, area: tuple[str, ...]
) -> None:
    (claim,) = _claims(body)
    assert claim.area == area


@pytest.mark.parametrize(
    "body",
    [
        "NAIROBI (Newswire) - The minister told reporters on Thursday that gunmen killed 12 "
        "people in Mombasa on Wednesday.",
        "NAIROBI (Newswire) - Speaking on Thursday, the minister said gunmen killed 12 people in "
        "Mombasa on Wednesday.",
        "NAIROBI (Newswire) - The ministry said on Thursday that 12 people were killed in "
        "Mombasa on Wednesday.",
        "NAIROBI (Newswire) - Gunmen killed 12 people in Mombasa on Wednesday, the minister told "
        "reporters on Thursday.",
    ],
)
def test_the_event_s_day_wins_over_the_day_of_the_saying_before_it(body: str) -> None:
    (claim,) = _claims(body)  # published Monday 10 June 2024
    assert (claim.start, claim.as_of) == ("2024-06-05", "2024-06-05")


def test_a_day_that_only_dates_the_saying_is_still_the_as_of_of_a_running_toll() -> None:
    (claim,) = _claims(
        "NAIROBI (Newswire) - The ministry said on Thursday that 40 people had been killed in "
        "Mombasa since the unrest began."
    )
    assert claim.as_of == "2024-06-06"


def test_a_country_after_a_preposition_before_said_is_still_a_place() -> None:
    # "the mission in Ukraine said": the mission's place, not Ukraine speaking
    claims = _claims(
        "KYIV, Ukraine (Newswire) - Missile strikes killed 14 people in the city of Dnipro "
        "overnight, the regional governor said on Tuesday. The UN monitoring mission in Ukraine "
        "said last week that at least 10,500 civilians had been killed since Russia's full-scale "
        "invasion in February 2022."
    )
    assert [c.area for c in claims] == [("Dnipro",), ("Ukraine",)]


@pytest.mark.parametrize(
    "speakers",
    [
        "residents and a local official said",
        "a resident and a police officer told Newswire",
        "two witnesses and a village chief told reporters",
    ],
)
def test_a_person_who_speaks_after_and_is_no_toll_of_one(speakers: str) -> None:
    claims = _claims(
        "MAIDUGURI, Nigeria (Newswire) - Suspected Boko Haram fighters killed dozens of farmers "
        f"in Borno state on Saturday, {speakers}."
    )
    assert [(c.figure, c.population) for c in claims] == [("dozens", "civilians")]


def test_a_person_killed_after_and_is_still_one() -> None:
    claims = _claims(
        "MAIDUGURI, Nigeria (Newswire) - Two soldiers and a police officer were killed in Borno "
        "state on Saturday, the army said."
    )
    assert [(c.figure, c.population) for c in claims] == [("2", "combatants"), ("1", "combatants")]


@pytest.mark.parametrize(
    ("body", "key"),
    [
        (
            "BOGOTA, Colombia (Newswire) - The president said 12 people had been killed in Cauca "
            "on Sunday.",
            "president",
        ),
        (
            "BOGOTA, Colombia (Newswire) - Twelve people were killed in Cauca on Sunday, "
            "Colombia's president told reporters.",
            "Colombia president",
        ),
        (
            "BOGOTA, Colombia (Newswire) - Twelve people were killed in Cauca on Sunday, "
            "President Gustavo Rojas said.",
            "Gustavo Rojas",  # no country in the title: the person (test_extract_s23y)
        ),
    ],
)
def test_a_president_is_a_speaker(body: str, key: str) -> None:
    (claim,) = _claims(body)
    assert (claim.source.key, claim.source.kind) == (key, "government")


def test_a_death_toll_this_year_starts_on_the_first_of_january() -> None:
    (claim,) = _claims(
        "BOGOTA, Colombia (Newswire) - The attack raised the death toll from violence in Cauca "
        "this year to 47, according to the ombudsman's office."
    )
    assert (claim.start, claim.as_of) == ("start of 2024", "2024-06-10")


@pytest.mark.parametrize(
    ("speaker", "key"),
    [
        ("a ministry spokesman", "ministry spokesman"),
        ("a health ministry spokesman", "health ministry spokesman"),
        ("the interior ministry spokeswoman", "interior ministry spokeswoman"),
        ("the regional health office spokesman", "regional health office spokesman"),
    ],
)
def test_an_office_holder_named_after_the_body_is_the_source(speaker: str, key: str) -> None:
    (claim,) = _claims(
        f"SANAA, Yemen (Newswire) - Twelve people were killed in Saada on Saturday, {speaker} said."
    )
    assert (claim.source.key, claim.source.kind) == (key, "government")


@pytest.mark.parametrize(
    "breakdown",
    [
        "The dead included four women and three children.",
        "Among the dead were four women and three children.",
        "The dead included four women and three children, a ministry spokesman said.",
    ],
)
def test_every_group_of_a_breakdown_sentence_takes_the_count_s_scope(breakdown: str) -> None:
    claims = _claims(
        "SANAA, Yemen (Newswire) - An air strike on a market in Saada province killed 23 people "
        f"on Saturday, the health ministry said. {breakdown}"
    )
    assert [(c.figure, c.population) for c in claims] == [
        ("23", "people"),
        ("4", "women"),
        ("3", "children"),
    ]
    assert {(c.start, c.as_of, c.area) for c in claims} == {
        ("2024-06-08", "2024-06-08", ("Saada",))
    }


@pytest.mark.parametrize(
    ("body", "key", "kind"),
    [
        (
            "SALVADOR, Brazil (Newswire) - Floods killed at least 40 people in Bahia state on "
            "Sunday, the civil defence agency said.",
            "civil defence agency",
            "other",  # an agency's kind is not told by its name
        ),
        (  # in an article on Syria, its civil defence is still the White Helmets
            "IDLIB, Syria (Newswire) - Air strikes killed 12 civilians in Idlib on Sunday, the "
            "civil defence said.",
            "White Helmets",
            "ngo",
        ),
    ],
)
def test_a_civil_defence_is_syria_s_white_helmets_only_in_an_article_on_syria(
    body: str, key: str, kind: str
) -> None:
    (claim,) = _claims(body)
    assert (claim.source.key, claim.source.kind) == (key, kind)


@pytest.mark.parametrize(
    "armed", ["Paramilitary fighters", "Militia fighters", "Guerrilla fighters"]
)
def test_what_armed_men_are_at_a_sentence_s_start_names_no_party(armed: str) -> None:
    (claim,) = _claims(
        f"PORT SUDAN, Sudan (Newswire) - {armed} killed 12 people in Kassala state on Thursday."
    )
    assert claim.perpetrators == ()


@pytest.mark.parametrize(
    ("speaker", "key"),
    [
        ("a local committee", "local committee"),
        ("the resistance committees", "resistance committees"),
    ],
)
def test_a_committee_is_a_speaker(speaker: str, key: str) -> None:
    (claim,) = _claims(
        "PORT SUDAN, Sudan (Newswire) - Gunmen killed 12 people in Kassala state on Thursday, "
        f"{speaker} said."
    )
    assert claim.source.key == key


@pytest.mark.parametrize(
    ("phrase", "start"),
    [
        ("since the February 2021 coup", "February 2021"),
        ("since the Oct. 7 attack", "2023-10-07"),
        ("since the 2014 annexation", "2014"),
    ],
)
def test_since_a_dated_event_named_after_its_date_starts_on_that_date(
    phrase: str, start: str
) -> None:
    (claim,) = _claims(
        f"YANGON, Myanmar (Newswire) - More than 5,000 civilians have been killed in Myanmar "
        f"{phrase}, the group said."
    )
    assert (claim.start, claim.as_of) == (start, "2024-06-10")


@pytest.mark.parametrize(
    "sentence",
    [
        "The attack brought to 32 the number of people killed in Guanajuato since June 1.",
        "The attack raised to 32 the death toll in Guanajuato since June 1.",
        "It was the third mass shooting this month, bringing to 32 the number of dead in "
        "Guanajuato since June 1.",
    ],
)
def test_a_toll_brought_to_a_number_before_its_name_is_a_toll(sentence: str) -> None:
    claims = _claims(f"MEXICO CITY (Newswire) - {sentence}")
    assert [(c.figure, c.population, c.outcome, c.start) for c in claims] == [
        ("32", "people", "killed", "2024-06-01")
    ]
