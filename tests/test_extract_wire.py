"""Extraction beyond one war (issue 12 items 1 and 2), on synthetic wire-style articles.

The articles under tests/extract_articles/ are SYNTHETIC (written for these tests); expected.yaml
holds the claims a reader would write from each. The sentence-level tests below each pin one rule
on a class of sentences, with more than one example where the class has several forms.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casualty_recon.extract import extract_claims, render_yaml
from casualty_recon.extract.basis import source_basis
from casualty_recon.extract.claims import ExtractedClaim, SourceEntry
from casualty_recon.extract.perpetrators import find_perpetrators
from casualty_recon.extract.statements import find_statements
from casualty_recon.extract.text import Sentence
from casualty_recon.extract.window import window
from casualty_recon.load.loader import loads
from tools.eval_extract import claim_fields, read_synthetic

ARTICLES = Path(__file__).parent / "extract_articles"
CASES = read_synthetic(ARTICLES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_synthetic_article_gives_the_claims_a_reader_would_write(case: object) -> None:
    claims = extract_claims([(case.name, case.text)], published=case.published)  # type: ignore[attr-defined]
    got = [claim_fields(c) for c in claims]
    for want in case.claims:  # type: ignore[attr-defined]
        assert any(all(g[k] == v for k, v in want.items()) for g in got), (want, got)
    loads(render_yaml(claims), f"{case.name}.yaml")  # type: ignore[attr-defined]


def test_every_synthetic_article_says_it_is_synthetic() -> None:
    for path in ARTICLES.glob("*.txt"):
        assert path.read_text(encoding="utf-8").startswith("SYNTHETIC"), path


def _statements(text: str) -> list[tuple[str, str, str]]:
    return [(s.figure, s.population, s.outcome) for s in find_statements(Sentence(0, 0, text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Airstrikes killed 40 Palestinians in Rafah.", ("40", "people", "killed")),
        ("Shelling killed nine Ukrainians in Kherson.", ("9", "people", "killed")),
        ("At least 30 Rohingya were killed.", ("at least 30", "people", "killed")),
        ("Six villagers were killed.", ("6", "civilians", "killed")),
        ("Gunmen killed 15 worshippers at a mosque.", ("15", "civilians", "killed")),
        ("Militants killed 22 students at a school.", ("22", "civilians", "killed")),
        ("More than 60 migrants drowned and 40 migrants died.", ("40", "civilians", "killed")),
        ("Troops shot dead two armed Islamists.", ("2", "combatants", "killed")),
        ("Eleven rebels and insurgents were killed.", ("11", "combatants", "killed")),
        ("Four police officers were killed.", ("4", "combatants", "killed")),
        ("Four police were killed in the attack.", ("4", "combatants", "killed")),
    ],
)
def test_populations_of_any_conflict(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _statements(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Soldiers gunned down seven fighters.", ("7", "combatants", "killed")),
        ("Twelve passengers lost their lives in the blast.", ("12", "civilians", "killed")),
        ("The explosion left 18 people dead.", ("18", "people", "killed")),
        ("The death toll rose to 31 on Monday.", ("31", "people", "killed")),
        ("The bodies of 9 villagers were found.", ("9", "civilians", "killed")),
        ("Between 20 and 30 people were killed.", ("between 20 and 30", "people", "killed")),
        ("The ministry said 240 of the dead were identified.", ("240", "people", "killed")),
        ("Three die in political violence", ("3", "people", "killed")),
        ("Ten reported dead in latest clashes", ("10", "people", "killed")),
        ("Three more killed in a police raid", ("3", "people", "killed")),
        ("Two opposition supporters shot dead: police", ("2", "civilians", "killed")),
        ("5 shot dead in the capital", ("5", "people", "killed")),
        ("The army kills all 4 militants inside the building", ("4", "combatants", "killed")),
        ("Advocates say deaths exceed 100", ("more than 100", "people", "killed")),
        ("The death toll topped 1,000 on Monday", ("more than 1000", "people", "killed")),
        ("15 KILLED IN SKIRMISH BETWEEN REBELS, TROOPS", ("15", "people", "killed")),
        ("A mob kills four Arakanese", ("4", "people", "killed")),
        ("20 foreigners killed in hostage siege", ("20", "people", "killed")),
        ("Claims 6 Lebanese martyrs", ("6", "people", "killed")),
        ("8-year-old boy killed in shelling", ("1", "children", "killed")),
        ("Troops raided the village, killing a 70-year-old woman", ("1", "women", "killed")),
        ("A 19-YEAR-OLD SHOT AND KILLED AT A CHECKPOINT", ("1", "people", "killed")),
    ],
)
def test_wire_verbs_of_killing(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _statements(text)


@pytest.mark.parametrize(
    "text", ["He is a 40-year-old farmer who lives there.", "The 8-year-old war has ended."]
)
def test_an_age_alone_is_no_toll(text: str) -> None:
    assert _statements(text) == []


def test_a_wire_slug_is_not_part_of_the_headline() -> None:
    claims = extract_claims(
        [("t.txt", "UPDATE 2-Two killed in sectarian violence in Mandalay")],
        published=_JUNE_3,
    )
    assert [(c.figure, c.population) for c in claims] == [("2", "people")]


def test_several_groups_in_one_sentence_are_separate_claims() -> None:
    found = _statements("Two soldiers and three militants were killed in a clash.")
    assert ("2", "combatants", "killed") in found and ("3", "combatants", "killed") in found


@pytest.mark.parametrize(
    ("sentence", "party"),
    [
        ("Algerian soldiers shot dead two armed Islamists, the ministry said.", "Algerian forces"),
        ("Boko Haram militants attacked Kalori, killing 12 civilians.", "Boko Haram"),
        ("Al-Shabaab fighters stormed a hotel, killing 20 people.", "Al-Shabaab"),
        ("Israel's offensive in Gaza has killed 34,844 Palestinians.", "Israeli forces"),
        ("KABUL (Reuters) - Pakistani troops shelled a village, killing 4.", "Pakistani forces"),
        # a country's armed men, possessive or not, are its forces
        ("Myanmar's military has killed at least 2,940 people since the coup.", "Myanmar military"),
        ("Nigeria's army killed 30 bandits in Zamfara.", "Nigerian forces"),
        ("Mali's army killed 12 herders, residents said.", "Malian forces"),
        ("Ethiopia troops shelled a village, killing 4.", "Ethiopian forces"),
        # the armed men of a force named by its own name
        ("Fighters of the Rapid Support Forces (RSF) killed 35 civilians.", "Rapid Support Forces"),
        (
            "At least 40 people were killed when rebels of the Allied Democratic Forces attacked.",
            "Allied Democratic Forces",
        ),
        (
            "Rebels from the Allied Democratic Forces killed at least twenty-six civilians.",
            "Allied Democratic Forces",
        ),
        # a hedge or a count before the name is not part of it
        ("Suspected Boko Haram militants killed 9 farmers.", "Boko Haram"),
        ("Five Al-Shabaab fighters stormed a hotel, killing 20 people.", "Al-Shabaab"),
        # a generic word before the armed men names nobody; the country they are in does
        ("Security forces in Myanmar have killed 3,240 people since the coup.", "Myanmar military"),
        ("Security forces in Iran shot dead 12 protesters.", "Iranian forces"),
    ],
)
def test_the_subject_of_an_active_clause_is_the_perpetrator(sentence: str, party: str) -> None:
    assert find_perpetrators(sentence) == (party,)


@pytest.mark.parametrize(
    ("sentence", "party"),
    [
        # a country's weapons, by its demonym, are its forces: anywhere in the sentence
        ("Azerbaijani shelling killed four Armenian soldiers, Yerevan said.", "Azerbaijani forces"),
        ("Four people died in Pakistani air strikes on Khost province.", "Pakistani forces"),
        ("A Ukrainian drone strike killed two people in Belgorod.", "Ukrainian forces"),
        ("Sudanese army air strikes killed 20 civilians in Nyala.", "Sudanese Armed Forces"),
        ("Three civilians were killed by Indian shelling in Kashmir.", "Indian forces"),
        ("Congolese army shelling killed five people.", "Congolese forces"),
    ],
)
def test_a_countrys_weapons_name_its_forces(sentence: str, party: str) -> None:
    assert find_perpetrators(sentence) == (party,)


@pytest.mark.parametrize(
    "sentence",
    [
        # the victims' nationality is not the attacker's
        "Shelling killed four Armenian soldiers.",
        "An attack on a Pakistani army convoy killed nine soldiers.",
        "Rockets hit a Ukrainian village, killing two people.",
        # a faith or a doctrine is no country
        "A Catholic bombing campaign killed two people.",
    ],
)
def test_a_victims_nationality_names_no_perpetrator(sentence: str) -> None:
    assert find_perpetrators(sentence) == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen killed 12 villagers.",  # nobody named
        "Two soldiers and three militants were killed.",  # a passive toll, no attacker
        "Unknown attackers killed 3 people.",
        "Three soldiers of the National Army were killed in an ambush.",  # the victims
        # a hedge, a count or an adjective alone names nobody
        "Alleged separatists shot dead two teachers.",
        "Five gunmen killed 12 villagers.",
        "Security forces killed 12 protesters.",
        "Government troops killed 12 protesters.",
    ],
)
def test_no_subject_no_perpetrator(sentence: str) -> None:
    assert find_perpetrators(sentence) == ()


@pytest.mark.parametrize(
    ("sentence", "start", "as_of"),
    [
        ("Militants killed 12 civilians on Sunday.", "2019-06-02", "2019-06-02"),
        ("A bomb killed 5 people yesterday.", "2019-06-02", "2019-06-02"),
        ("A bomb killed 5 people on 1 June.", "2019-06-01", "2019-06-01"),
        ("The death toll rose to 31 on Sunday.", None, "2019-06-02"),  # a running toll
        ("The war has killed 500 people since 2011.", "2011", "2019-06-03"),
        ("The raids killed 500 people, the agency said on Sunday.", None, "2019-06-02"),
        # an event's own day beside the day it was told of
        (
            "Militants killed 12 civilians on Saturday, an official said on Sunday.",
            "2019-06-01",
            "2019-06-01",
        ),
        (
            "On Saturday a bomb killed 5 people, police told AFP on Sunday.",
            "2019-06-01",
            "2019-06-01",
        ),
        # the day of a statement, a report or a post dates the saying too
        ("The raids killed 500 people, the UN said in a report on Sunday.", None, "2019-06-02"),
        ("Troops killed 40 people, the army said in a statement on Sunday.", None, "2019-06-02"),
        ("Strikes killed 3 people, the governor said on Telegram on Sunday.", None, "2019-06-02"),
    ],
)
def test_a_single_event_starts_on_its_day(sentence: str, start: str | None, as_of: str) -> None:
    [claim] = extract_claims([("t.txt", sentence + " It happened in Borno.")], published=_JUNE_3)
    assert (claim.start, claim.as_of) == (start, as_of)


_JUNE_3 = dt.date(2019, 6, 3)


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("killed 34,844 people since Oct. 7", "2023-10-07"),
        ("killed 34,844 people since October 7", "2023-10-07"),
        ("killed 34,844 people since 7 October", "2023-10-07"),
        ("killed 34,844 people since October", "October 2023"),
    ],
)
def test_since_a_day_is_that_day(sentence: str, start: str) -> None:
    assert window(sentence, dt.date(2024, 4, 29)).start == start


def test_between_two_moments_is_the_window() -> None:
    span = window(
        "516 civilian deaths between 4 a.m. on Feb. 24 and midnight on Tuesday",
        dt.date(2022, 3, 9),
    )
    assert (span.start, span.as_of) == ("2022-02-24", "2022-03-08")


def _source(key: str, kind: str) -> SourceEntry:
    return SourceEntry(key, key, kind)


@pytest.mark.parametrize(
    ("cue", "key", "kind", "basis"),
    [
        ("verified", "State Emergency Service", "government", "reported"),
        ("verified", "Health Ministry", "government", "reported"),
        ("verified", "Reuters", "media", "reported"),
        ("verified", "SNHR", "monitor", "verified"),
        ("reported", "OHCHR", "un", "verified"),
        ("estimated", "OHCHR", "un", "estimated"),
        ("reported", "OCHA", "un", "reported"),
    ],
)
def test_basis_follows_the_source(cue: str, key: str, kind: str, basis: str) -> None:
    assert source_basis(cue, _source(key, kind)) == basis


def _only(text: str, published: dt.date = _JUNE_3) -> ExtractedClaim:
    [claim] = extract_claims([("t.txt", text)], published=published)
    return claim


@pytest.mark.parametrize(
    ("text", "key", "kind"),
    [
        ("Shelling killed 17 civilians in Kharkiv, said Ivan Petrov, the deputy mayor of Kharkiv.",
         "deputy mayor of Kharkiv", "government"),
        ("Shelling killed 17 civilians in Kharkiv, the deputy mayor of Kharkiv said.",
         "deputy mayor of Kharkiv", "government"),
        ("Ukraine's State Emergency Service (SES) said 17 civilians were killed in Kharkiv.",
         "SES", "government"),
        ("The Interior Ministry said 17 civilians were killed in Kharkiv.",
         "Interior Ministry", "government"),
        ("Shelling killed 17 civilians in Kharkiv, the confirmed toll of the State Emergency "
         "Service said.", "State Emergency Service", "government"),
    ],
)  # fmt: skip
def test_organisations_and_offices_of_any_country(text: str, key: str, kind: str) -> None:
    claim = _only(text)
    assert (claim.source.key, claim.source.kind) == (key, kind)
    assert claim.basis == "reported"
