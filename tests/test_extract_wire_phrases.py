"""Extraction of phrases wire reports use, on SYNTHETIC sentences written for these tests (no
figure, name, place or quote here is real): a group named by its full name as the subject, a toll of
the wounded, a toll raised by a body, an earlier figure raised, a long descriptor of a body,
unnamed insurgents. Each test of a fix failed before it."""

from __future__ import annotations

import pytest
from synthetic_extract import by_figure, synthetic_claims

# --- 1. a group named by its full name as the subject -----------------------------------------


@pytest.mark.parametrize(
    ("sentence", "party"),
    [
        ("The Islamic State in Iraq and the Levant executed 12 villagers in Anbar, police said.",
         "Islamic State"),
        ("The Islamic State in Iraq and the Levant (ISIL) killed 12 villagers in Anbar.",
         "Islamic State"),
        ("Islamic State West Africa Province attacked Kalori, killing 12 villagers.", "ISWAP"),
        ("Jama'at Nusrat al-Islam wal-Muslimin killed 12 villagers in Mopti on Saturday.",
         "JNIM"),
        ("Police said Al-Shabaab attacked the village, killing 12 villagers.", "Al-Shabaab"),
    ],
)  # fmt: skip
def test_a_group_named_by_its_full_name_as_the_subject_is_the_perpetrator(
    sentence: str, party: str
) -> None:
    (claim,) = synthetic_claims(f"BAGHDAD (Newswire) - {sentence}")
    assert claim.figure == "12"
    assert claim.perpetrators == (party,)


def test_a_group_named_as_the_object_is_no_perpetrator() -> None:
    (claim,) = synthetic_claims(
        "BAGHDAD (Newswire) - Twelve villagers were killed in Anbar on Saturday, a spokesman "
        "for the Islamic State in Iraq and the Levant said."
    )
    assert claim.perpetrators == ()


# --- 2. a toll of the wounded --------------------------------------------------------------


@pytest.mark.parametrize(
    "toll",
    [
        "Hospital officials put the toll of wounded at 120.",
        "Hospital officials put the toll of the injured at 120.",
        "The injury toll rose to 120, hospital officials said.",
        "The number of wounded rose to 120, hospital officials said.",
        "The number of people injured stood at 120, hospital officials said.",
    ],
)
def test_a_toll_of_the_wounded_is_injured(toll: str) -> None:
    claims = by_figure(
        synthetic_claims(
            "KABUL (Newswire) - A suicide bomber attacked a market in Kabul, killing 30 people, "
            f"police said. {toll}"
        )
    )
    assert claims["30"].outcome == "killed"
    assert (claims["120"].outcome, claims["120"].population) == ("injured", "people")


def test_a_death_toll_is_still_killed() -> None:
    claims = by_figure(
        synthetic_claims(
            "KABUL (Newswire) - A suicide bomber attacked a market in Kabul, police said. "
            "Hospital officials put the death toll at 31 and the number of wounded at 120."
        )
    )
    assert claims["31"].outcome == "killed"
    assert claims["120"].outcome == "injured"


# --- 3. a toll raised by a body ------------------------------------------------------------


@pytest.mark.parametrize(
    "raised",
    [
        "The health ministry raised the toll to 14.",
        "The health ministry later revised the death toll to 14.",
        "The health ministry updated its toll to 14 on Monday.",
        "The health ministry has raised its death tally to 14.",
    ],
)
def test_a_body_that_raised_the_toll_is_its_source(raised: str) -> None:
    (claim,) = synthetic_claims(
        f"ABUJA (Newswire) - Gunmen attacked a village in Zamfara state on Sunday. {raised}"
    )
    assert claim.figure == "14"
    assert claim.source.key == "health ministry"


def test_a_bare_ministry_that_raised_the_toll_is_its_source() -> None:
    (claim,) = synthetic_claims(
        "ABUJA (Newswire) - Gunmen attacked a village in Zamfara state. "
        "The ministry raised the toll to 14."
    )
    assert claim.source.key != "unattributed"
    assert "ministry" in claim.source.key


def test_a_ministry_raising_its_own_toll_is_the_one_named_before() -> None:
    claims = by_figure(
        synthetic_claims(
            "ABUJA (Newswire) - Gunmen killed 12 villagers in Zamfara state on Sunday, the "
            "health ministry said. The ministry later raised the toll to 14."
        )
    )
    assert claims["12"].source.key == claims["14"].source.key == "health ministry"


# --- 4. an earlier figure raised -----------------------------------------------------------


@pytest.mark.parametrize(
    "revised",
    [
        "raising its previous figure of 80",
        "up from its previous figure of 80",
        "revising its initial estimate of 80",
        "raising its earlier count of 80",
    ],
)
def test_an_earlier_figure_is_a_statement_of_the_same_source(revised: str) -> None:
    claims = by_figure(
        synthetic_claims(
            "BAMAKO, Mali (Newswire) - Ninety-six civilians were killed in an attack on a village "
            f"in Mopti, the army said, {revised}."
        )
    )
    assert set(claims) == {"96", "80"}
    earlier = claims["80"]
    assert (earlier.population, earlier.outcome) == ("civilians", "killed")
    assert earlier.source.key == claims["96"].source.key == "army"
    assert earlier.as_of.endswith("..2024-06-09")
    assert earlier.start is None


def test_an_earlier_figure_of_the_wounded_is_of_the_wounded() -> None:
    claims = by_figure(
        synthetic_claims(
            "BAMAKO, Mali (Newswire) - Forty villagers were wounded in an attack in Mopti, the "
            "army said, up from its previous figure of 30."
        )
    )
    assert claims["30"].outcome == "injured"


# --- 5. a long descriptor of a body --------------------------------------------------------


@pytest.mark.parametrize(
    ("speaker", "source"),
    [
        ("the state emergency management agency said",
         "state emergency management agency"),
        ("the national disaster risk management agency said",
         "national disaster risk management agency"),
        ("according to the state emergency management agency",
         "state emergency management agency"),
        ("the disaster agency said", "disaster agency"),
    ],
)  # fmt: skip
def test_a_body_keeps_its_whole_descriptor(speaker: str, source: str) -> None:
    (claim,) = synthetic_claims(
        f"MAIDUGURI, Nigeria (Newswire) - Gunmen killed 20 villagers in Borno, {speaker}."
    )
    assert claim.source.key == source


def test_a_descriptor_stops_at_a_determiner() -> None:
    (claim,) = synthetic_claims(
        "MAIDUGURI, Nigeria (Newswire) - Gunmen killed 20 villagers in Borno, the same "
        "emergency agency said."
    )
    assert claim.source.key == "emergency agency"


# --- 6. unnamed insurgents, one rule for every form ----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Insurgents killed 9 soldiers in Cabo Delgado on Saturday, the army said.",
        "Nine soldiers were killed by the insurgents in Cabo Delgado on Saturday, the army said.",
        "Nine soldiers were killed in an insurgent attack in Cabo Delgado on Saturday.",
        "Nine soldiers were killed by militants in Cabo Delgado on Saturday, the army said.",
        "Nine soldiers were killed in militant attacks in Cabo Delgado on Saturday.",
        "Nine soldiers were killed by terrorists in Cabo Delgado on Saturday, the army said.",
    ],
)
def test_unnamed_insurgents_name_no_party_whatever_the_form(sentence: str) -> None:
    (claim,) = synthetic_claims(f"MAPUTO, Mozambique (Newswire) - {sentence}")
    assert claim.figure == "9"
    assert claim.perpetrators == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels killed 9 soldiers in Shan state on Saturday, the military said.",
        "Nine soldiers were killed by the rebels in Shan state on Saturday.",
        "Nine soldiers were killed in a rebel attack in Shan state on Saturday.",
    ],
)
def test_unnamed_rebels_stay_armed_opposition_groups_whatever_the_form(sentence: str) -> None:
    (claim,) = synthetic_claims(f"YANGON, Myanmar (Newswire) - {sentence}")
    assert claim.perpetrators == ("armed opposition groups",)


# --- a new user's pass: five articles from Cameroon to Papua (tests/extract_articles) ----------


@pytest.mark.parametrize(
    ("sentence", "figure", "outcome"),
    [
        ("The ombudsman's office put the number of displaced at more than 32,000.",
         "more than 32000", "displaced"),
        ("The number of displaced people rose to 32,000, the ombudsman's office said.",
         "32000", "displaced"),
        ("The number of people displaced stood at 32,000, the ombudsman's office said.",
         "32000", "displaced"),
    ],
)  # fmt: skip
def test_a_number_of_the_displaced_is_displaced(sentence: str, figure: str, outcome: str) -> None:
    claims = by_figure(
        synthetic_claims(
            "CUCUTA, Colombia (Newswire) - Fighting killed at least 80 people in Norte de "
            f"Santander since Thursday, the governor's office said. {sentence}"
        )
    )
    assert claims[figure].outcome == outcome
    assert claims[figure].source.name == "ombudsman's office"


def test_a_body_that_raises_the_number_of_wounded_is_its_source() -> None:
    claims = by_figure(
        synthetic_claims(
            "CUCUTA, Colombia (Newswire) - Fighting killed at least 80 people in Norte de "
            "Santander since Thursday. The regional health secretary raised the number of "
            "wounded to 45."
        )
    )
    assert claims["45"].outcome == "injured"
    assert (claims["45"].source.key, claims["45"].source.kind) == (
        "regional health secretary",
        "government",
    )


@pytest.mark.parametrize("noun", ["assailants", "attackers", "gunmen"])
def test_a_number_of_the_armed_men_is_a_count_of_them(noun: str) -> None:
    (claim,) = synthetic_claims(
        "MAROUA, Cameroon (Newswire) - Cameroon's defence ministry said troops had killed 11 "
        f"of the {noun} in a pursuit on Sunday."
    )
    assert (claim.figure, claim.population, claim.outcome) == ("11", "combatants", "killed")
    assert claim.perpetrators == ("Cameroonian forces",)


def test_a_number_of_the_year_is_no_count() -> None:
    claims = synthetic_claims(
        "MAROUA, Cameroon (Newswire) - Troops killed 11 fighters on Sunday, the fifth of the "
        "month, the army said."
    )
    assert [c.figure for c in claims] == ["11"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Separatist rebels shot dead two soldiers in Papua on Tuesday.",
        "Two soldiers were shot dead by separatist rebels in Papua on Tuesday.",
    ],
)
def test_separatist_rebels_are_armed_opposition_groups(sentence: str) -> None:
    (claim,) = synthetic_claims(f"JAYAPURA, Indonesia (Newswire) - {sentence}")
    assert claim.perpetrators == ("armed opposition groups",)


def test_an_army_that_lost_soldiers_counts_them_killed() -> None:
    (claim,) = synthetic_claims(
        "JAYAPURA, Indonesia (Newswire) - The military said it had lost 11 soldiers in Papua "
        "since January."
    )
    assert (claim.figure, claim.population, claim.outcome) == ("11", "combatants", "killed")
    assert claim.start == "January 2024"  # "since January"


def test_a_group_claiming_its_fighters_killed_in_a_statement_is_the_perpetrator() -> None:
    claims = synthetic_claims(
        "JAYAPURA, Indonesia (Newswire) - The West Papua National Liberation Army (TPNPB) said "
        "in a statement that its fighters had killed two soldiers in Papua on Tuesday."
    )
    (claim,) = claims
    assert claim.perpetrators == ("TPNPB",)
    assert claim.source.kind == "other"  # a liberation army is no government


def test_the_spokesman_said_points_back_to_the_spokesman_named_before() -> None:
    claims = by_figure(
        synthetic_claims(
            "COTABATO CITY, Philippines (Newswire) - Soldiers killed six fighters in a clash in "
            "Mindanao on Sunday, an army spokesman said. The spokesman said a bombing last month "
            "had killed four people."
        )
    )
    assert claims["6"].source.key == claims["4"].source.key == "army spokesman"
