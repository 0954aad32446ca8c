"""Scope of extracted claims: perpetrators, basis and area, per statement shape.

The articles are short texts written for these tests; none is a real report.
"""

from __future__ import annotations

import datetime as dt

import pytest

from casualty_recon.extract import extract_claims, render_yaml
from casualty_recon.extract.article_places import dateline_span
from casualty_recon.extract.basis import find_basis
from casualty_recon.extract.perpetrators import (
    article_coalition,
    article_government,
    find_perpetrators,
)
from casualty_recon.load.loader import loads

PUBLISHED = dt.date(2022, 3, 3)

PERPETRATORS = [
    ("Air strikes by the Saudi-led coalition hit a market.", "coalition", ("Saudi-led coalition",)),
    ("U.S.-led coalition raids killed 20 people.", "coalition", ("US-led coalition",)),
    # a bare coalition is the article's
    ("20 civilians died in coalition air raids.", "Saudi-led coalition", ("Saudi-led coalition",)),
    ("20 civilians died in coalition air raids.", "coalition", ("coalition",)),
    ("12 people were killed by the coalition.", "US-led coalition", ("US-led coalition",)),
    # a force named by its own name
    ("Most were killed by the Rapid Support Forces.", "coalition", ("Rapid Support Forces",)),
    ("Ten were killed by the Syrian Arab Army.", "coalition", ("Syrian government",)),
    (
        "730 civilians had been killed by government or Russian forces.",
        "coalition",
        ("Syrian government", "Russian forces"),
    ),
    # no party
    ("The Syrian Coalition said 12 people died.", "US-led coalition", ()),
    ("The coalition government said 12 people died.", "Saudi-led coalition", ()),
    ("Aid from the Syrian Arab Red Crescent reached 12 families.", "coalition", ()),
]


@pytest.mark.parametrize(("sentence", "coalition", "expected"), PERPETRATORS)
def test_perpetrators(sentence: str, coalition: str, expected: tuple[str, ...]) -> None:
    assert find_perpetrators(sentence, coalition) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Strikes in Hodeidah. The Saudi-led coalition denied it. Coalition raids went on.",
         "Saudi-led coalition"),
        ("Coalition raids on Raqqa killed 12 people.", "US-led coalition"),
        ("Coalition raids on Hodeidah killed 12 people in Yemen.", "coalition"),
    ],
)  # fmt: skip
def test_article_coalition(text: str, expected: str) -> None:
    assert article_coalition(text) == expected


@pytest.mark.parametrize(
    ("sentence", "government", "expected"),
    [
        # a government named by its country is that country's forces, in any article
        ("Ethiopian government air strikes killed 56 civilians in Tigray.", None,
         ("Ethiopian forces",)),
        ("Sudanese government shelling killed 12.", "Syrian government",
         ("Sudanese Armed Forces",)),
        # a bare government is the article's
        ("12 were killed in government air strikes.", "Syrian government",
         ("Syrian government",)),
        ("12 were killed in government air strikes.", "Ethiopian forces", ("Ethiopian forces",)),
        ("12 were killed by the regime.", None, ()),
        # named with Russia, the Syrian government as before
        ("730 civilians were killed by government or Russian forces.", None,
         ("Syrian government", "Russian forces")),
    ],
)  # fmt: skip
def test_a_government_is_the_one_the_article_names(
    sentence: str, government: str | None, expected: tuple[str, ...]
) -> None:
    assert find_perpetrators(sentence, "coalition", government) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Government forces shelled Idlib. The Syrian Observatory said 12 died.",
         "Syrian government"),
        ("ADDIS ABABA - The Ethiopian government denied it. Government strikes went on.",
         "Ethiopian forces"),
        ("Government troops shelled the village, the army said.", None),
    ],
)  # fmt: skip
def test_article_government(text: str, expected: str | None) -> None:
    assert article_government(text) == expected


def test_an_ethiopian_article_does_not_blame_the_syrian_government() -> None:
    text = (
        "ADDIS ABABA, Ethiopia, Nov. 20, 2021 (Newswire) - Ethiopian government air strikes killed "
        "56 civilians in Tigray, the regional health bureau said.\n"
        "Government drone strikes killed 12 more people in Tigray on Friday, aid workers said."
    )
    claims = extract_claims([("t.txt", text)], published=PUBLISHED)
    assert [c.perpetrators for c in claims] == [("Ethiopian forces",), ("Ethiopian forces",)]


BASES = [
    ("The UN said it had verified the deaths of more than 3,200 civilians.", "verified"),
    ("The UN has verified 300 civilian deaths.", "verified"),
    ("The ministry confirmed 12 deaths.", "verified"),
    ("Amnesty said it had documented the killing of 21 aid workers.", "documented"),
    ("The group estimated that 8,000 civilians died.", "estimated"),
    ("The group estimates 8,000 civilians died.", "estimated"),
    ("An estimated 500 people died.", "estimated"),
    # said, or explicitly not verified: reported
    ("The ministry said 2,000 civilians had been killed.", "reported"),
    ("2,000 civilians were killed, a figure that could not be independently verified.", "reported"),
    ("There were 12 unconfirmed deaths.", "reported"),
]


@pytest.mark.parametrize(("sentence", "expected"), BASES)
def test_basis(sentence: str, expected: str) -> None:
    start = next(i for i, c in enumerate(sentence) if c.isdigit())
    assert find_basis(sentence, start, start + 3) == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("KYIV (Reuters) - More", "KYIV (Reuters)"),
        ("KHARTOUM, Sudan - More", "KHARTOUM, Sudan"),
        ("Kyiv, 3 March - More", "Kyiv, 3 March"),
        ("Headline\nHODEIDAH, Yemen (Newswire) - At least", "HODEIDAH, Yemen (Newswire)"),
        ("Aleppo, Syria, March 3, 2016 - More", "Aleppo, Syria, March 3, 2016"),
        # not datelines: a heading with a dash, a date line
        ("Syria - 20 killed in raids", None),
        ("Mon Jul 11 2016 Aleppo - more", None),
    ],
)
def test_dateline(text: str, place: str | None) -> None:
    span = dateline_span(text)
    assert (text[span[0] : span[1]].strip() if span else None) == place


def claims_of(text: str) -> dict[str, tuple[str, ...]]:
    return {c.figure: c.area for c in extract_claims([("t.txt", text)], published=PUBLISHED)}


def test_dateline_city_is_not_the_area_of_country_wide_statements() -> None:
    text = (
        "Kyiv, 3 March - Ukraine's emergency service said 2,000 civilians had been killed.\n"
        "The OHCHR said it had recorded 227 civilian deaths as of 1 March.\n"
        "In Kharkiv, at least 34 people died in shelling, the regional governor said."
    )
    assert claims_of(text) == {
        "2000": ("Ukraine",),
        "227": ("Ukraine",),
        "at least 34": ("Kharkiv",),
    }


def test_a_heading_with_a_dash_does_not_hide_the_dateline() -> None:
    # a kicker or a marker line in capitals before the dateline looks like one too
    text = (
        "WORLD NEWS - Africa\n"
        "KINSHASA, 2 June (Newswire) - At least 40 people were killed when rebels attacked a "
        "village in North Kivu province overnight, the army said."
    )
    assert claims_of(text) == {"at least 40": ("North Kivu",)}


def test_country_wide_statements_take_the_country() -> None:
    text = (
        "KHARTOUM, Sudan - 1,100 civilians had been killed in North Darfur since April.\n"
        "The WHO reported 2,000 people killed across the country."
    )
    assert claims_of(text) == {"1100": ("North Darfur",), "2000": ("Sudan",)}


def test_a_yemen_article_loads_with_its_own_coalition_and_speakers() -> None:
    text = (
        "HODEIDAH, Yemen (Newswire) - At least 47 civilians were killed on Tuesday when air "
        "strikes by the Saudi-led coalition hit a market in Hodeidah, local health officials "
        "said.\nThe United Nations human rights office said it had verified the deaths of more "
        "than 3,200 civilians in Yemen since March 2015.\nMeanwhile the Yemen Data Project "
        "estimated that between 8,000 and 13,000 civilians have died in coalition air raids.\n"
        "The Houthi-run health ministry put the toll at nearly five hundred."
    )
    claims = extract_claims([("t.txt", text)], published=PUBLISHED, outlet="Newswire")
    summary = [(c.source.key, c.figure, c.perpetrators, c.basis) for c in claims]
    assert summary == [
        ("local health officials", "at least 47", ("Saudi-led coalition",), "reported"),
        ("OHCHR", "more than 3200", (), "verified"),
        ("Yemen Data Project", "between 8000 and 13000", ("Saudi-led coalition",), "estimated"),
        ("Houthi health ministry", "nearly 500", (), "reported"),
    ]
    sources = loads(render_yaml(claims), "t.yaml")
    assert sources.sources["Houthi health ministry"].kind == "government"
    assert {c.basis for c in sources.claims} == {"reported", "verified", "estimated"}
