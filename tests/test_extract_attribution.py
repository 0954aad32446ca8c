"""Who said it: each statement takes the speaker of its own sentence, not an earlier one's.

The sentences are written for these tests in the shapes news text uses; none is a real report.
"""

from __future__ import annotations

import pytest

from casualty_recon.extract import extract_claims
from casualty_recon.extract.attribution import Attributor
from casualty_recon.extract.statements import find_statements
from casualty_recon.extract.text import split_sentences


def sources(text: str) -> list[tuple[str, str | None]]:
    """(figure, source key or None) of every statement of a short article."""
    attributor = Attributor(text)
    sentences = split_sentences(text)
    found: list[tuple[str, str | None]] = []
    for sentence in sentences:
        for statement in find_statements(sentence):
            attribution = attributor.attribute(sentence, statement.start, sentences)
            found.append((statement.figure, attribution.organisation.key if attribution else None))
    return found


OWN_SENTENCE = [
    # a named project or monitor after an unrelated organisation
    (
        "The United Nations human rights office said it had verified the deaths of more than "
        "3,200 civilians. Meanwhile the Yemen Data Project estimated that between 8,000 and "
        "13,000 civilians have died.",
        [("more than 3200", "OHCHR"), ("between 8000 and 13000", "Yemen Data Project")],
    ),
    # an office named in lower case, with its sponsor
    (
        "The UN said 300 civilians had been killed. The Houthi-run health ministry put the "
        "toll at nearly five hundred for the past month alone.",
        [("300", "UN"), ("nearly 500", "Houthi health ministry")],
    ),
    # a role at the end of the sentence
    (
        "The UN's OHCHR said it had recorded 227 civilian deaths. In Kharkiv, at least 34 "
        "people died in shelling over the past day, the regional governor said.",
        [("227", "OHCHR"), ("at least 34", "regional governor")],
    ),
    # a possessive office
    (
        "Ukraine's emergency service said on Thursday that 2,000 civilians had been killed.",
        [("2000", "Ukraine emergency service")],
    ),
    (
        "At least 47 civilians were killed, local health officials said.",
        [("at least 47", "local health officials")],
    ),
    # two speakers in one sentence: each statement takes its own clause's
    (
        "The UN refugee agency said some 1.5m people had been displaced, while the World Health "
        "Organization reported 2,000+ people killed & injured.",
        [("about 1500000", "UNHCR"), ("more than 2000", "WHO")],
    ),
    # a speaker before its verb with a relative clause and an acronym in between
    (
        "The Union of Medical Care and Relief Organizations (UOSSM), which supports medical "
        "facilities, says more than 730 civilians had been killed.",
        [("more than 730", "UOSSM")],
    ),
    ("According to the Syrian Observatory, 12 civilians were killed.", [("12", "SOHR")]),
    # a name in lower case, then the acronym the article gives it: the acronym's organisation
    (
        "The United Nations refugee agency (UNHCR) said more than 2,000 people had fled.",
        [("more than 2000", "UNHCR")],
    ),
    (
        "The country's disaster agency (BNPB) said 12 people were killed. The agency added that "
        "40 were missing.",
        [("12", "BNPB"), ("40", "BNPB")],
    ),
    (
        "Twelve civilians were killed, said the provincial police chief.",
        [("12", "provincial police chief")],
    ),
    # plural offices
    (
        "Gunmen shot dead 17 people at a wake on Sunday, state prosecutors said.",
        [("17", "state prosecutors")],
    ),
    (
        "Forensic investigators said they had found the bodies of 11 men.",
        [("11", "Forensic investigators")],
    ),
    # a capitalised organisation keeps its name as its key
    (
        "The Sudan Doctors' Network said 40 civilians were killed.",
        [("40", "Sudan Doctors' Network")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), OWN_SENTENCE)
def test_statement_takes_its_own_sentence_speaker(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert sources(text) == expected


CONTINUATIONS = [
    ("The UN said 300 civilians had been killed. It said 40 children were among them.", "UN"),
    ("OCHA said 300 people had been displaced. The agency added that 20 people died.", "OCHA"),
    (
        "The Syrian Observatory said the raid hit a market. "
        "Twelve civilians were killed, the group added.",
        "SOHR",
    ),
    ("The UN said 300 civilians had been killed, adding that 40 more died later.", "UN"),
]


@pytest.mark.parametrize(("text", "speaker"), CONTINUATIONS)
def test_pronoun_continuations_take_the_earlier_speaker(text: str, speaker: str) -> None:
    assert sources(text)[-1][1] == speaker


NOBODY = [
    # a statement with no speaker is the outlet's own, even after a named one
    "The UN said 300 civilians had been killed. At least 47 civilians were killed on Tuesday.",
    # a person is not an organisation, and an unrelated speaker is not borrowed
    "The UN said 300 civilians had been killed. Ahmed Hassan said 12 people died.",
    # an organisation named without a verb of saying does not speak
    "Twelve people were killed near a UNICEF school.",
]


@pytest.mark.parametrize("text", NOBODY)
def test_statements_without_a_speaker_are_unattributed(text: str) -> None:
    assert sources(text)[-1][1] is None


def test_a_headline_monitor_is_the_monitor_named_below() -> None:
    text = (
        "Hundreds killed in El Fasher, says monitor\n"
        "The Sudan Doctors' Network said that 1,100 civilians had been killed."
    )
    assert [key for _, key in sources(text)] == ["Sudan Doctors' Network"] * 2


def test_role_speakers_have_a_kind() -> None:
    attributor = Attributor("")
    (speaker,) = attributor.attached("The Houthi-run health ministry said so.")
    assert speaker.organisation.kind == "government"
    assert speaker.organisation.name == "Houthi-run health ministry"
    (speaker,) = attributor.attached("The Yemen Data Project said so.")
    assert speaker.organisation.kind == "monitor"


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            "ADDIS ABABA (AP) - An air strike on a market killed 51 people on Wednesday.",
            "AP",
        ),
        (
            "BUNIA, Democratic Republic of Congo (Reuters) - Militiamen killed 22 people in "
            "an attack on a camp, a civil society leader said.",
            "Reuters",
        ),
        ("SAN SALVADOR (EFE) \u2014 Four miners were killed, a union leader said.", "EFE"),
    ],
)
def test_a_datelines_agency_is_not_an_organisation_named_by_the_place(
    text: str, outlet: str
) -> None:
    # "ADDIS ABABA (AP) -" is a dateline, not "Addis Ababa" defining the acronym AP: a figure
    # no one is said to have given is the outlet's own, and no source is named after the place.
    claims = extract_claims([("a.txt", text)])
    assert [(c.source.key, c.source.name) for c in claims] == [(outlet, outlet)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Police spokesman Mohammed Shehu said 23 bodies had been recovered.", "Police spokesman"),
        (
            "A missile strike killed 12 people, the regional governor Oleh Kiper said.",
            "regional governor",
        ),
        (
            "Six soldiers were killed, army spokesman Col. Juan Pérez said on Monday.",
            "army spokesman",
        ),
        ("At least 9 people died, local official Amina Yusuf told reporters.", "local official"),
    ],
)
def test_an_office_followed_by_its_holders_name_is_the_speaker(text: str, speaker: str) -> None:
    # "police spokesman Mohammed Shehu said": the office is who said it; the person's name
    # between office and verb does not make the figure the outlet's own.
    assert sources(text) == [(sources(text)[0][0], speaker)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Gunmen killed 19 people at a cockfight, the state prosecutor's office said.",
            "state prosecutor's office",
        ),
        ("Four people died in the blast, the governor's office said.", "governor's office"),
        ("Nine soldiers were killed, the president's office said.", "president's office"),
        ("Four people died, the attorney general's office said.", "attorney general's office"),
    ],
)
def test_an_office_named_by_its_holder_keeps_the_holder(text: str, speaker: str) -> None:
    # "the state prosecutor's office" is that office, not a bare "office" nobody named
    claims = extract_claims([("a.txt", text)])
    assert [(c.source.name, c.source.kind) for c in claims] == [(speaker, "government")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The State Emergency Service said rescuers had pulled the bodies of two more people "
            "from the rubble.",
            "State Emergency Service",
        ),
        ("The UN said medics had treated 12 wounded people.", "UN"),
        ("OCHA said residents were burying 30 people killed overnight.", "OCHA"),
        # the speaker after the verb still speaks when its clause ends there
        ("Twelve people were killed, said the regional governor.", "regional governor"),
    ],
)
def test_the_subject_of_the_reported_clause_is_not_its_speaker(text: str, speaker: str) -> None:
    # "X said rescuers had pulled ...": X said it; the rescuers are what X said about
    claims = extract_claims([("a.txt", text)])
    assert [c.source.key for c in claims] == [speaker]
