"""Who said it and who did it, on SYNTHETIC sentences written for these tests (no figure, place
or quote here is real): one name per country's forces, a country's offensive, an office named
by its country, the article's government, a breakdown of a count, "neutralised". Each test
failed before its fix."""

from __future__ import annotations

import datetime as dt

import pytest

from casualty_recon.extract import extract_claims
from casualty_recon.extract.claims import ExtractedClaim
from casualty_recon.grammar.demonyms import DEMONYMS
from casualty_recon.grammar.gazetteer import gazetteer_data
from casualty_recon.grammar.parties import canonical_party, country_forces

PUBLISHED = dt.date(2024, 6, 10)


def _claims(text: str) -> list[ExtractedClaim]:
    return extract_claims([("synthetic.txt", f"SYNTHETIC.\n{text}\n")], published=PUBLISHED)


def test_every_country_the_gazetteer_knows_has_a_demonym() -> None:
    codes = set(gazetteer_data().countries)
    assert codes - set(DEMONYMS) == set()
    assert all(country_forces(code) for code in codes)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Mali forces", "Malian forces"),
        ("Malian army", "Malian forces"),
        ("Mali's army", "Malian forces"),
        ("Malian forces", "Malian forces"),
        ("Cameroon military", "Cameroonian forces"),
        ("Brazil forces", "Brazilian forces"),
        ("Burkina Faso army", "Burkinabe forces"),
        ("Filipino troops", "Philippine forces"),
        ("Philippines army", "Philippine forces"),
        ("Military Forces of Cote d'Ivoire", "Ivorian forces"),
        ("DR Congo army", "Congolese forces"),
        ("Sudan army", "Sudanese Armed Forces"),  # the catalogue's name wins
        ("Rapid Support Forces", "Rapid Support Forces"),
        ("Allied Democratic Forces", "Allied Democratic Forces"),
    ],
)
def test_a_countrys_forces_have_one_name(written: str, canonical: str) -> None:
    assert canonical_party(written) == canonical


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        ("KIDAL, Mali (Newswire) - The army said it had killed 20 fighters.", "Malian forces"),
        ("Mali's army killed 12 herders, residents said.", "Malian forces"),
        ("Malian soldiers shot dead 12 herders, residents said.", "Malian forces"),
        (
            "BAMENDA, Cameroon (Newswire) - The military said its troops had killed seven "
            "separatist fighters.",
            "Cameroonian forces",
        ),
        ("Burkina Faso's army killed 9 villagers, residents said.", "Burkinabe forces"),
        ("Philippine troops killed seven militants in clashes.", "Philippine forces"),
    ],
)
def test_every_rule_names_a_countrys_forces_by_its_demonym(text: str, perpetrator: str) -> None:
    (claim,) = _claims(text)
    assert claim.perpetrators == (perpetrator,)


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        ("200 people were killed in Azerbaijan's military offensive, officials said.",
         "Azerbaijani forces"),
        ("Twelve villagers were killed in Ethiopia's air strikes on the region.",
         "Ethiopian forces"),
        ("Five people were killed by Pakistan's shelling across the border.", "Pakistani forces"),
        ("Nine people were killed in Mali's offensive.", "Malian forces"),
        ("Four people died in Myanmar's air strikes.", "Myanmar military"),
        ("Six people were killed in Burkina Faso's drone strikes.", "Burkinabe forces"),
    ],
)  # fmt: skip
def test_a_countrys_offensive_names_its_forces(text: str, perpetrator: str) -> None:
    (claim,) = _claims(text)
    assert claim.perpetrators == (perpetrator,)


@pytest.mark.parametrize(
    "text",
    [
        "Six people were killed in Hamas's attack on the town.",  # a party, not a country
        "Six people were killed in the region's worst attack in years.",
    ],
)
def test_an_owner_that_is_no_country_names_no_state(text: str) -> None:
    (claim,) = _claims(text)
    assert not any(p.endswith(" forces") for p in claim.perpetrators)


def test_a_countrys_army_as_the_speaker_is_not_the_perpetrator() -> None:
    (claim,) = _claims("Twelve soldiers were killed in an ambush, Mali's army said.")
    assert claim.perpetrators == ()


@pytest.mark.parametrize(
    "text",
    [
        "BAMENDA, Cameroon (Newswire) - Eight civilians were killed by government forces in the "
        "North-West region, residents said.",
        "BAMENDA, Cameroon (Newswire) - Eight civilians were killed by government troops, "
        "residents said.",
        "BAMENDA, Cameroon (Newswire) - Eight civilians were killed by pro-government militias, "
        "residents said.",
    ],
)
def test_a_bare_government_is_the_articles_countrys(text: str) -> None:
    (claim,) = _claims(text)
    assert claim.perpetrators == ("Cameroonian forces",)


def test_a_bare_government_in_an_article_about_no_country_names_nobody() -> None:
    (claim,) = _claims("Eight civilians were killed by government forces, residents said.")
    assert claim.perpetrators == ()


@pytest.mark.parametrize(
    ("text", "key", "kind"),
    [
        ("At least 12 people were killed in the attack, police in Haiti said.", "Haiti police",
         "government"),
        ("At least 20 fighters were killed, the army in Sudan said.", "Sudan army", "government"),
        ("Twelve people were killed, officials in Kharkiv said.", "Kharkiv officials",
         "government"),
        ("Forty civilians were killed in the region, Ethiopia's human rights commission said.",
         "Ethiopia human rights commission", "other"),
        ("Forty civilians were killed, Colombia's ombudsman's office said.",
         "Colombia ombudsman office", "government"),
    ],
)  # fmt: skip
def test_an_office_named_by_its_country_is_the_speaker(text: str, key: str, kind: str) -> None:
    (claim,) = _claims(text)
    assert (claim.source.key, claim.source.kind) == (key, kind)


def test_an_office_in_a_country_and_its_possessive_form_are_one_source() -> None:
    claims = _claims(
        "PORT-AU-PRINCE, Haiti (Newswire) - At least 12 people were killed on Sunday, police in "
        "Haiti said.\nFour more bodies were found on Monday, Haiti's police said."
    )
    assert [c.source.key for c in claims] == ["Haiti police", "Haiti police"]


def test_an_army_in_a_country_claiming_its_killings_is_that_countrys_forces() -> None:
    (claim,) = _claims("The army in Sudan said it had killed 20 fighters.")
    assert claim.perpetrators == ("Sudanese Armed Forces",)


_GOMA = (
    "GOMA, Democratic Republic of Congo (Newswire) - At least 40 people were killed in North "
    "Kivu province on Sunday, the army said.\n"
)


@pytest.mark.parametrize(
    "breakdown",
    [
        "Thirteen of them were children, a U.N. official said.",
        "13 of them were children, a U.N. official said.",
    ],
)
def test_a_breakdown_of_the_previous_count_is_a_claim_of_its_population(breakdown: str) -> None:
    count, part = _claims(_GOMA + breakdown)
    assert (count.figure, count.population, count.outcome) == ("at least 40", "people", "killed")
    assert (part.figure, part.population, part.outcome) == ("13", "children", "killed")
    assert part.source.key == "UN"
    assert (part.start, part.as_of, part.area) == (count.start, count.as_of, count.area)
    assert "rule: part" in part.notes


def test_a_breakdown_within_the_sentence_is_the_same_claim() -> None:
    one = _claims(
        "GOMA, Democratic Republic of Congo (Newswire) - At least 40 people were killed in North "
        "Kivu province on Sunday, including 13 children, a U.N. official said."
    )
    assert [(c.figure, c.population, c.start, c.area) for c in one][1] == (
        "13",
        "children",
        one[0].start,
        one[0].area,
    )


def test_of_them_with_no_count_before_is_no_claim() -> None:
    assert _claims("Thirteen of them were children, a U.N. official said.") == []


def test_assailants_are_combatants() -> None:
    (claim,) = _claims("More than 100 assailants had been killed, the army said.")
    assert (claim.figure, claim.population) == ("more than 100", "combatants")


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("More than 100 assailants had been neutralised, the army said.", "more than 100"),
        ("The army said troops had neutralized 12 jihadists near the border.", "12"),
    ],
)
def test_neutralised_is_read_as_killed_with_a_note(text: str, figure: str) -> None:
    (claim,) = _claims(text)
    assert (claim.figure, claim.population, claim.outcome) == (figure, "combatants", "killed")
    assert "neutrali" in claim.notes and "captured" in claim.notes


def test_killed_has_no_neutralised_note() -> None:
    (claim,) = _claims("More than 100 assailants had been killed, the army said.")
    assert (claim.figure, claim.population) == ("more than 100", "combatants")  # assailants
    assert "neutrali" not in claim.notes


def test_neutralised_bombs_are_no_toll() -> None:
    assert _claims("Engineers neutralised 3 bombs near the market, the army said.") == []


@pytest.mark.parametrize(
    ("text", "perpetrators"),
    [
        ("Eight soldiers were killed in clashes with Colombian guerrillas in Apure state, the "
         "defence minister said.", ("Colombian guerrillas",)),
        ("Colombian guerrillas killed eight soldiers in Apure state, the defence minister said.",
         ("Colombian guerrillas",)),
        ("Malian jihadists killed eight soldiers, the army said.", ("Malian jihadists",)),
        ("Eight soldiers were killed in clashes with Malian troops, the army said.",
         ("Malian forces",)),
        ("Malian soldiers killed eight jihadists, the army said.", ("Malian forces",)),
    ],
)  # fmt: skip
def test_a_nationality_with_armed_men_of_no_state_is_not_the_states_forces(
    text: str, perpetrators: tuple[str, ...]
) -> None:
    (claim,) = _claims(text)
    assert claim.perpetrators == perpetrators


@pytest.mark.parametrize(
    "text",
    [
        "Residents said government troops killed 15 herders near the town on Monday.",
        "Witnesses said police forces shot dead four men.",
    ],
)
def test_an_office_word_before_armed_men_is_not_the_speaker(text: str) -> None:
    (claim,) = _claims(text)
    assert claim.source.key in ("residents", "witnesses")
