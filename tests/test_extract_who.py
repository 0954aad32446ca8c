"""Who said it and who did it, on SYNTHETIC sentences written for these tests (no figure, place
or quote here is real): a state's forces claiming their own killings, an armed group counting
its own dead, and an office named in lower case. Each test failed before its fix."""

from __future__ import annotations

import datetime as dt

import pytest

from casualty_recon.extract import extract_claims
from casualty_recon.extract.claims import ExtractedClaim

PUBLISHED = dt.date(2024, 6, 10)


def _claims(text: str) -> list[ExtractedClaim]:
    return extract_claims([("synthetic.txt", f"SYNTHETIC.\n{text}\n")], published=PUBLISHED)


@pytest.mark.parametrize(
    ("text", "source", "perpetrator"),
    [
        (
            "MAIDUGURI, Nigeria (Newswire) - The army said it had killed 30 militants in Borno.",
            "army",
            "Nigerian forces",
        ),
        (
            "KANO, Nigeria (Newswire) - Police said they shot dead four suspected kidnappers.",
            "police",
            "Nigerian forces",
        ),
        (
            "KIDAL, Mali (Newswire) - The ministry of defence said its strikes killed 20 fighters "
            "near the border with Niger.",
            "ministry of defence",
            "Malian forces",
        ),
        (
            "BAMENDA, Cameroon (Newswire) - The military said its troops had killed seven "
            "separatist fighters in the North-West region.",
            "military",
            "Cameroonian forces",
        ),
        (  # the forces of the country the speaker's name gives, not the article's
            "NAIROBI, Kenya (Newswire) - Ugandan police said they shot dead three suspected "
            "militants at the border.",
            "Ugandan police",
            "Ugandan forces",
        ),
    ],
)
def test_state_forces_claiming_their_own_killings_are_the_articles_forces(
    text: str, source: str, perpetrator: str
) -> None:
    (claim,) = _claims(text)
    assert (claim.source.key, claim.source.kind) == (source, "government")
    assert claim.perpetrators == (perpetrator,)
    assert "its own killings" in claim.notes


@pytest.mark.parametrize(
    "text",
    [
        "MAIDUGURI, Nigeria (Newswire) - The army said 30 militants were killed in Borno.",
        "MAIDUGURI, Nigeria (Newswire) - The army said it had found the bodies of 30 villagers.",
        "MAIDUGURI, Nigeria (Newswire) - Police said gunmen had killed four traders.",
    ],
)
def test_state_forces_reporting_a_toll_are_not_its_perpetrators(text: str) -> None:
    assert [c.perpetrators for c in _claims(text)] == [()]


@pytest.mark.parametrize(
    ("text", "figure", "source"),
    [
        (
            "JUBA, South Sudan (Newswire) - The Northern Liberation Front said 12 of its fighters "
            "were killed.",
            "12",
            "Northern Liberation Front",
        ),
        (
            "JUBA, South Sudan (Newswire) - The Eastern People's Movement said eight of its "
            "members had been killed on Sunday.",
            "8",
            "Eastern People's Movement",
        ),
        (
            "TRIPOLI, Libya (Newswire) - At least 15 of their fighters died in the assault, the "
            "Tripoli Protection Brigade said.",
            "at least 15",
            "Tripoli Protection Brigade",
        ),
    ],
)
def test_an_armed_group_counting_its_own_dead_is_the_source_of_a_combatant_toll(
    text: str, figure: str, source: str
) -> None:
    (claim,) = _claims(text)
    assert (claim.figure, claim.population, claim.outcome) == (figure, "combatants", "killed")
    assert claim.source.key == source
    assert claim.perpetrators == ()


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        (
            "JUBA, South Sudan (Newswire) - The Northern Liberation Front said 12 of its fighters "
            "were killed in clashes with the army.",
            "South Sudanese forces",
        ),
        (
            "KHARTOUM, Sudan (Newswire) - Twenty of its fighters were killed in fighting with "
            "the Rapid Support Forces, the Sudan Liberation Movement said.",
            "Rapid Support Forces",
        ),
    ],
)
def test_the_other_side_of_a_clash_is_the_perpetrator_of_a_groups_own_dead(
    text: str, perpetrator: str
) -> None:
    (claim,) = _claims(text)
    assert claim.population == "combatants"
    assert claim.perpetrators == (perpetrator,)


@pytest.mark.parametrize(
    "text",
    [
        "JUBA, South Sudan (Newswire) - Nine civilians were killed in clashes with the army.",
        "KIDAL, Mali (Newswire) - Eleven fighters were killed in clashes with Islamists.",
        "KIDAL, Mali (Newswire) - Eleven fighters were killed in clashes with Malian villagers.",
    ],
)
def test_a_clash_names_no_perpetrator_of_civilians_nor_an_unnamed_side(text: str) -> None:
    assert [c.perpetrators for c in _claims(text)] == [()]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (  # a descriptor in lower case is the source as a whole phrase
            "TRIPOLI, Libya (Newswire) - Rescuers have recovered 43 bodies so far, the disaster "
            "agency said.",
            "disaster agency",
        ),
        (
            "QUITO, Ecuador (Newswire) - At least 12 inmates were killed in the riot, the prison "
            "service said.",
            "prison service",
        ),
        (  # the body the article introduced with that descriptor, even without a verb of saying
            "JAKARTA (Newswire) - Indonesia's National Disaster Management Agency (BNPB) warned "
            "of more rain. Rescuers have recovered 43 bodies so far, the disaster agency said.",
            "BNPB",
        ),
        (
            "MANILA (Newswire) - The Ministry of Health (MoH) opened two field clinics in "
            "Mindanao. At least 9 people died of their wounds, the health ministry said.",
            "MoH",
        ),
    ],
)
def test_an_office_named_by_a_descriptor_in_lower_case(text: str, source: str) -> None:
    (claim,) = _claims(text)
    assert claim.source.key == source


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("At least 12 inmates were killed in the riot, officials said.", "at least 12"),
        ("Police said they shot dead four suspects in the raid.", "4"),
        ("Nine detainees died in custody last month, the rights group said.", "9"),
        ("Fifteen prisoners were killed when the jail was shelled.", "15"),
    ],
)
def test_people_held_or_suspected_are_people(text: str, figure: str) -> None:
    assert [(c.figure, c.population, c.outcome) for c in _claims(text)] == [
        (figure, "people", "killed")
    ]


@pytest.mark.parametrize(
    ("text", "perpetrators"),
    [
        ("Separatist fighters killed five gendarmes in an ambush.", ()),
        ("Jihadist militants killed 12 villagers on Sunday.", ("jihadist groups",)),  # catalogue
        ("Rebel fighters shot dead four traders.", ()),
        ("Philippine troops killed seven militants in clashes.", ("Philippine forces",)),
        ("Argentine soldiers shot dead two smugglers' guards.", ("Argentine forces",)),
    ],
)
def test_a_word_describing_armed_men_is_no_party_and_a_demonym_is_a_state(
    text: str, perpetrators: tuple[str, ...]
) -> None:
    assert [c.perpetrators for c in _claims(text)] == [perpetrators]


@pytest.mark.parametrize(
    ("text", "source", "kind"),
    [
        ("Forty soldiers were killed in the raid, the presidency said.", "presidency",
         "government"),
        ("Insurgents killed dozens of people in the town, the government said.", "government",
         "government"),
        ("A drone strike killed three fighters, a security source said.", "security source",
         "other"),
        ("Security forces said they had recovered the bodies of six villagers.",
         "Security forces", "government"),
    ],
)  # fmt: skip
def test_the_presidency_the_government_a_source_and_forces_are_speakers(
    text: str, source: str, kind: str
) -> None:
    (claim,) = _claims(text)
    assert (claim.source.key, claim.source.kind) == (source, kind)


@pytest.mark.parametrize(
    "text",
    [
        "A soldier was also killed, the army said.",
        "A policeman was later shot dead at a checkpoint.",
        "A journalist was reportedly killed in the crossfire.",
    ],
)
def test_one_person_killed_with_an_adverb_before_the_verb(text: str) -> None:
    assert [(c.figure, c.outcome) for c in _claims(text)] == [("1", "killed")]


@pytest.mark.parametrize(
    ("text", "perpetrators"),
    [
        (
            "RIO DE JANEIRO, Brazil (Newswire) - Police killed at least 18 people during a raid "
            "on a favela, officials said.",
            ("Brazilian forces",),
        ),
        (
            "TEGUCIGALPA, Honduras (Newswire) - Troops shot dead three men at a checkpoint.",
            ("Honduran forces",),
        ),
        (
            "MAIDUGURI, Nigeria (Newswire) - Residents said soldiers killed 12 herders.",
            ("Nigerian forces",),
        ),
        (  # the dead are the forces: no perpetrator
            "MAIDUGURI, Nigeria (Newswire) - Gunmen killed 12 police officers and soldiers.",
            (),
        ),
    ],
)
def test_a_states_armed_men_unnamed_as_the_subject_of_a_killing_are_its_forces(
    text: str, perpetrators: tuple[str, ...]
) -> None:
    assert [c.perpetrators for c in _claims(text)] == [perpetrators]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "As many as 40,000 civilians may have been killed in the final months of the war, a "
            "United Nations panel said.",
            [("up to 40000", "civilians", "killed")],
        ),
        (
            "Up to 300 people might have been killed in the massacre, survivors said.",
            [("up to 300", "people", "killed")],
        ),
        ("Thousands of civilians could be killed if the offensive goes ahead.", []),
    ],
)
def test_an_estimate_of_past_deaths_is_a_toll_and_a_warning_is_not(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert [(c.figure, c.population, c.outcome) for c in _claims(text)] == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "The death toll rose to 3,958, the health ministry in the east said on Sunday.",
            "health ministry",
        ),
        ("Nine civilians were killed, activists in the area said.", "activists"),
    ],
)
def test_an_office_with_its_place_after_it_is_the_speaker(text: str, source: str) -> None:
    (claim,) = _claims(text)
    assert claim.source.key == source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "More than 9,000 people remain missing, the World Health Organization said.",
            [("more than 9000", "people", "missing")],
        ),
        ("At least 40 fishermen are still missing after the storm.",
         [("at least 40", "civilians", "missing")]),
        ("Some 300 families remain displaced in the camps.", []),
    ],
)  # fmt: skip
def test_people_who_remain_missing_are_a_count_of_the_missing(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert [(c.figure, c.population, c.outcome) for c in _claims(text)] == expected


@pytest.mark.parametrize(
    ("text", "perpetrators"),
    [
        (
            "YANGON (Newswire) - A military air strike on a village in Myanmar's Sagaing region "
            "killed at least 100 people, residents said.",
            ("Myanmar military",),
        ),
        (
            "KHARTOUM, Sudan (Newswire) - Twelve civilians were killed in army shelling of a "
            "market, medics said.",
            ("Sudanese Armed Forces",),
        ),
        (  # the strike is not said to be the military's
            "YANGON (Newswire) - The military said an air strike on a village in Myanmar's "
            "Sagaing region killed 10 rebels.",
            (),
        ),
    ],
)
def test_an_unnamed_states_weapons_are_the_articles_forces(
    text: str, perpetrators: tuple[str, ...]
) -> None:
    assert [c.perpetrators for c in _claims(text)] == [perpetrators]
