"""Statement shapes: real-looking sentences and the tolls they must (or must not) give."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casualty_recon.extract.headline import headline_civilians
from casualty_recon.extract.numerals import digits_value, find_numerals, words_value
from casualty_recon.extract.statements import article_statements, find_statements
from casualty_recon.extract.text import Sentence, article_text, split_sentences


def tolls(text: str) -> list[tuple[str, str, str]]:
    return [(s.figure, s.population, s.outcome) for s in find_statements(Sentence(0, 0, text))]


SHAPES = [
    # passive
    (
        "UOSSM says more than 730 civilians had been killed by government forces since late April.",
        [("more than 730", "civilians", "killed")],
    ),
    ("At least 18 civilians were killed on Tuesday.", [("at least 18", "civilians", "killed")]),
    ("Thirty-five people were killed on Monday.", [("35", "people", "killed")]),
    (
        "More than 500 civilians have died in hostilities.",
        [("more than 500", "civilians", "killed")],
    ),
    ("Twenty-one people were wounded in the attack.", [("21", "people", "injured")]),
    # active and result
    ("Air raids killed 13 civilians on Monday.", [("13", "civilians", "killed")]),
    (
        "An explosion inside a bus killed six people and injured another ten.",
        [("6", "people", "killed"), ("10", "people", "injured")],
    ),
    ("Shelling left 11 people dead on Friday.", [("11", "people", "killed")]),
    (
        "Clashes left 23 civilians - including nine children - dead.",
        [("23", "civilians", "killed"), ("9", "children", "killed")],
    ),
    ("A helicopter crash killed a dozen soldiers.", [("12", "combatants", "killed")]),
    # parts
    (
        "The attack killed at least 58 people including 11 children.",
        [("at least 58", "people", "killed"), ("11", "children", "killed")],
    ),
    ("Among the dead were five children.", [("5", "children", "killed")]),
    # tolls and headlines
    ("The death toll rose to 112.", [("112", "people", "killed")]),
    # a range after the verb
    ("Two attacks killed between 10 and 15 people.", [("between 10 and 15", "people", "killed")]),
    (
        "The strike killed between 20 and 30 civilians.",
        [("between 20 and 30", "civilians", "killed")],
    ),
    ("Shelling wounded between 40 and 50 people.", [("between 40 and 50", "people", "injured")]),
    ("The strike killed 20-30 civilians.", [("between 20 and 30", "civilians", "killed")]),
    ("Between 40\u201360 people died in the raid.", [("between 40 and 60", "people", "killed")]),
    ("On 2023-10-07 clashes erupted; 5 people died.", [("5", "people", "killed")]),
    # an abbreviated month between the toll and its verb
    ("The death toll since Oct. 7 had risen to 38,919.", [("38919", "people", "killed")]),
    ("The toll since Feb. 24, 2022 has reached 9,000.", [("9000", "people", "killed")]),
    ("22 dead in heavy raids on Raqqa", [("22", "people", "killed")]),
    # displacement and vague figures
    (
        "The offensive has forced hundreds of thousands of people to flee.",
        [("hundreds of thousands", "people", "displaced")],
    ),
    ("Dozens of people were wounded.", [("dozens", "people", "injured")]),
    (
        "Between 160 and 300 civilians were killed.",
        [("between 160 and 300", "civilians", "killed")],
    ),
    ("Nearly 500 people have been killed.", [("nearly 500", "people", "killed")]),
    # figures in quotes, with a plus sign, and joint outcomes
    (
        'The network said that "no fewer than 1,100" civilians had been killed since mid-April.',
        [("at least 1100", "civilians", "killed")],
    ),
    (
        "The WHO reported 2,000+ people killed & injured across the country.",
        [("more than 2000", "people", "killed or injured")],
    ),
    ("Ten people were killed or wounded.", [("10", "people", "killed or injured")]),
    ("Five people were killed and injured in the raid.", [("5", "people", "killed or injured")]),
    ("88 Killed & Injured in Aleppo", [("88", "people", "killed or injured")]),
    (
        "Five people were killed and 30 injured.",
        [("5", "people", "killed"), ("30", "people", "injured")],
    ),
    # populations other than civilians
    (
        "Amnesty said it had documented the killing of twenty-one aid workers.",
        [("21", "aid workers", "killed")],
    ),
    ("Twelve journalists were killed.", [("12", "journalists", "killed")]),
    ("Four health workers died.", [("4", "health workers", "killed")]),
    (
        "The strike killed five women and three men.",
        [("5", "women", "killed"), ("3", "men", "killed")],
    ),
    ("Seven soldiers were killed.", [("7", "combatants", "killed")]),
    # lists and parts: a part of fighters is fighters, a listed civilian count is civilians
    (
        "At least 287 IS fighters, among them 26 minors, had been killed.",
        [("at least 287", "combatants", "killed"), ("26", "combatants", "killed")],
    ),
    (
        "US air strikes killed 50 Al-Qaeda militants and eight civilians.",
        [("50", "combatants", "killed"), ("8", "civilians", "killed")],
    ),
    # headline lists: "A child killed, 7 people injured"
    (
        "A child killed 7 people injured in rocket attacks",
        [("1", "children", "killed"), ("7", "people", "injured")],
    ),
    (
        "A suicide bomber killed 30 people injured 90 on Monday.",
        [("30", "people", "killed"), ("90", "people", "injured")],
    ),
    ("A woman was killed by a sniper.", [("1", "women", "killed")]),
    # not tolls
    ("Regime forces executed six families.", []),
    ("A man said the town was quiet.", []),
    ("The town had been in rebel hands since 2014.", []),
    ("A 2,000+ word report was published.", []),
    ('The "1,100" figure was disputed.', []),
    ("Sarin was released on the town on April 4, 2017.", []),
    ("It dates back to the earliest days of the eight-year-long conflict.", []),
    ("Jets carried out 150 airstrikes on 12 towns.", []),
    ("The girl, aged 8, survived; 300000 civilians live in the area.", []),
    ("The strike hit a convoy 25 km from the border at 10 pm.", []),
    ("About 40 percent of the city was destroyed.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), SHAPES)
def test_statement_shapes(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert tolls(sentence) == expected


def test_headline_skips_war_wide_totals() -> None:
    text = (
        "Syria's war has killed more than 280,000 people since 2011. "
        "An air strike on a market killed 12 civilians on Sunday."
    )
    statements = article_statements(split_sentences(text))
    headline = headline_civilians(statements)
    assert headline is not None and headline.stated == 12


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 medics among 31 dead in army reprisal. Shelling killed 31 people.", 31),
        ("Shelling killed 12 people including 3 journalists.", 12),
        ("Shelling killed 12 people including 5 civilians.", 5),
        ("Two journalists were killed in Aleppo.", 2),
    ],
)
def test_headline_prefers_civilians_then_people_then_civilian_groups(
    text: str, expected: int
) -> None:
    headline = headline_civilians(article_statements(split_sentences(text)))
    assert headline is not None and headline.stated == expected


def test_implied_population_taken_from_the_same_number() -> None:
    text = "Islamic State killed 270 in battle. Militants killed 270 soldiers and guards."
    statements = article_statements(split_sentences(text))
    assert {s.population for s in statements} == {"combatants"}


def test_sentences_keep_abbreviations_together() -> None:
    sentences = split_sentences("U.S. Gen. Smith said 5 died. The U.N. said more. Then more")
    assert [s.text for s in sentences] == [
        "U.S. Gen. Smith said 5 died.",
        "The U.N. said more.",
        "Then more",
    ]


def test_html_is_stripped_and_entities_decoded() -> None:
    raw = "<html><head><title>x</title><script>var a=1;</script></head><body><p>Five &amp; six"
    raw += " civilians were killed.</p><p>Next</p></body></html>"
    assert article_text(raw) == "Five & six civilians were killed.\nNext"


@given(st.integers(min_value=0, max_value=10**9))
def test_digit_groups_round_trip(value: int) -> None:
    assert digits_value(f"{value:,}") == value
    assert [n.value for n in find_numerals(f"killed {value:,} people")] == [value]


@pytest.mark.parametrize(
    ("words", "value"),
    [("seven", 7), ("twenty-one", 21), ("a dozen", 12), ("one hundred and five", 105)],
)
def test_number_words(words: str, value: int) -> None:
    assert words_value(words) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Synthetic sentences, one per class. One group in the headline sentence is the toll,
        # not a later event's civilians.
        (
            "One woman was killed in an air strike on Saturday. "
            "It was the first death since an attack on Tuesday that killed 87 civilians.",
            1,
        ),
        # Several groups add up; a group named twice (a title run into the lead) counts once.
        (
            "Strikes kill 10 children 5 women in the north Ten children and five women were "
            "killed in air strikes on Friday.",
            15,
        ),
        # Several groups and a total soon after that takes them in: the total.
        (
            "Five children and four medical staff killed in strikes on a hospital. "
            "The strikes killed 13 people, the charity said.",
            13,
        ),
    ],
)
def test_headline_of_groups(text: str, expected: int) -> None:
    headline = headline_civilians(article_statements(split_sentences(text)))
    assert headline is not None and headline.stated == expected


def test_vague_headline_takes_only_a_precise_count_that_fits_it() -> None:
    text = (
        "An attack killed dozens of people in the province on Tuesday. "
        "Three people had died since being brought to hospitals across the border. "
        "At least 86 people were killed early on Tuesday in the town."
    )
    headline = headline_civilians(article_statements(split_sentences(text)))
    assert headline is not None and headline.stated == 86


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Synthetic sentences. People killed in fighting between armed parties were fighters.
        ("Clashes between two rebel factions in the hills left at least 10 killed.", None),
        ("Days of fighting for the air base cost more than 500 lives, a monitor said.", None),
        # Civilians named beside the fighting: still a civilian toll.
        ("Clashes in the town killed 12 people, most of them civilians.", 12),
        # Fighting named far from the toll, as the setting of another clause, does not count.
        (
            "An air strike on a crowded market in the old quarter of the city killed 9 people on "
            "Monday morning as traders were setting out their stalls, the head of the local "
            "council said, three weeks after the end of the long battle for the province.",
            9,
        ),
    ],
)
def test_people_killed_in_fighting_are_no_civilian_toll(text: str, expected: int | None) -> None:
    headline = headline_civilians(article_statements(split_sentences(text)))
    assert (headline.stated if headline else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Synthetic sentences. A lead of fighters killed: the civilians further down are asides.
        (
            "Air strikes kill at least 20 militants in the east. "
            "Nineteen explosions were heard in the town on Thursday. "
            "One civilian was also killed in the strikes, he said.",
            None,
        ),
        # Civilians in the lead beside fighters: the civilians.
        ("Air strikes kill 20 militants and 4 civilians in the east.", 4),
        # Fighters named only after the lead: the civilians stated later stand.
        (
            "Rebels launched an assault on the city on Monday. The offensive began at dawn. "
            "The government said it had lost ground. A monitor said 19 soldiers were killed. "
            "Shelling killed 13 civilians in the west of the city.",
            13,
        ),
    ],
)
def test_an_article_that_reports_fighters_killed_has_no_civilian_headline(
    text: str, expected: int | None
) -> None:
    headline = headline_civilians(article_statements(split_sentences(text)))
    assert (headline.stated if headline else None) == expected
