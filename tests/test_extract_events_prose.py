"""Tolls of one-line event descriptions and headlines from other conflicts (issue 12).

The descriptions are SYNTHETIC (tests/extract_articles/event-descriptions*.tsv, written for
these tests in the styles of event-coding datasets and wires); the GED corpus builder is checked
on a small CSV written here, in UCDP's layout, with made-up events."""

from __future__ import annotations

from pathlib import Path

import pytest

from casualty_recon.extract.claims import ArticleFailure, extract_claims
from casualty_recon.extract.headline import headline_toll
from casualty_recon.extract.statements import article_statements
from casualty_recon.extract.text import article_text, split_sentences
from tools.eval_extract import (
    evaluate_descriptions,
    evaluate_ged,
    read_descriptions,
    same_toll,
    toll_text,
)
from tools.ged_corpus import build, headline_key

ARTICLES = Path(__file__).resolve().parent / "extract_articles"
DESCRIPTIONS = sorted(ARTICLES.glob("event-descriptions*.tsv"))
CASES = [
    pytest.param(want, text, id=f"{path.stem}:{number}")
    for path in DESCRIPTIONS
    for number, (want, text) in enumerate(read_descriptions(path), 1)
]


def toll(text: str) -> str:
    return toll_text(headline_toll(article_statements(split_sentences(article_text(text)))))


@pytest.mark.parametrize(("want", "text"), CASES)
def test_event_description_gives_the_readers_toll(want: str, text: str) -> None:
    assert same_toll(toll(text), want), text
    failures: list[ArticleFailure] = []
    extract_claims([("line", text)], published=None, failures=failures)
    assert failures == []


def test_there_are_descriptions_of_every_kind() -> None:
    wants = [want for path in DESCRIPTIONS for want, _ in read_descriptions(path)]
    assert len(wants) >= 60
    assert {"none", "dozens", "hundreds"} <= set(wants)
    assert any("-" in w for w in wants)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Fighting near Goma kills 4 soldiers, 3 rebels", "7"),  # groups of one clause add up
        ("Gunmen killed 9 people, including 2 children, in Djibo", "9"),  # a part does not
        ("Three policemen among 22 killed in Kunduz attack", "22"),  # a part of the whole
        ("Five more die in Darfur clashes; toll rises to 31", "31"),  # the running toll
        ("Between 12 and 15 villagers were killed in Ituri", "12-15"),  # a range
        ("A gunman killed 12 people at a bar in Guanajuato", "12"),  # the gunman is not one dead
        ("A Malian gendarme was shot dead near Segou", "1"),
        ("An elder and two herders were killed near Djibo", "3"),
        ("Villager killed by border guards in Kayin State", "1"),  # headlines drop "a"
        ("Report: Local journalist shot dead in Veracruz", "1"),
        ("Soldier killed 3 civilians in Gao", "3"),  # an agent, not one dead
        ("Fighting spread across Kayin State", "none"),
        ("Shells hit Kramatorsk overnight; no one was killed", "none"),  # nobody is no count
    ],
)
def test_headline_toll_rules(text: str, want: str) -> None:
    assert toll(text) == want


def test_none_and_zero_are_the_same_toll_and_nothing_else_is() -> None:
    assert same_toll("none", "0") and same_toll("12", "12")
    assert not same_toll("none", "1") and not same_toll("12", "12-15")


def _ged_csv(folder: Path) -> Path:
    header = "id,source_article,low,best,high\n"
    rows = [
        # one report split into two events; a second report of the second event
        '1,"""Wire A,2016-05-03,Seven killed in clashes in Kivu""",2,2,2\n',
        '2,"""Wire A,2016-05-03,Seven killed in clashes in Kivu"";""Wire B,2016-05-04,'
        'Death toll rises to 9 in Kivu""",2,3,4\n',
        # free text (no ISO date): no headline can be told apart
        "3,R 23/3 UPDATE 1- Rebels said 30 dead,30,30,30\n",
        # no word of death
        '4,"""Wire C,2016-06-01,Fighting spreads to 3 towns""",1,1,1\n',
        '5,"""Wire D,2016-06-02,Gunmen kill four in Mopti""",4,4,4\n',
    ]
    path = folder / "ucdp-ged-test.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    return path


def test_ged_corpus_keeps_well_formed_headlines_and_sums_events(tmp_path: Path) -> None:
    corpus = {h.text: h for h in build([_ged_csv(tmp_path)], reader_tolls={})}
    assert set(corpus) == {
        "Seven killed in clashes in Kivu",
        "Death toll rises to 9 in Kivu",
        "Gunmen kill four in Mopti",
    }
    seven = corpus["Seven killed in clashes in Kivu"]
    assert (seven.low, seven.best, seven.high, seven.events) == (4, 5, 6, 2)
    # headlines sharing an event fall in the same half
    assert seven.half == corpus["Death toll rises to 9 in Kivu"].half
    assert all(h.reader is None for h in corpus.values())


def test_ged_scores_the_readers_toll_not_ucdps(tmp_path: Path) -> None:
    _ged_csv(tmp_path)
    tolls = {
        headline_key("Seven killed in clashes in Kivu"): "7",
        headline_key("Death toll rises to 9 in Kivu"): "9",
        headline_key("Gunmen kill four in Mopti"): "4",
    }
    import tools.ged_corpus

    original = tools.ged_corpus.read_reader_tolls
    tools.ged_corpus.read_reader_tolls = lambda path=None: tolls  # type: ignore[assignment,misc]
    try:
        result = evaluate_ged(tmp_path)
    finally:
        tools.ged_corpus.read_reader_tolls = original
    total = result.total
    assert (total.headlines, total.read, total.right) == (3, 3, 3)
    # UCDP's summed estimates (4-6 for "Seven killed", 2-4 for "toll rises to 9") disagree
    assert total.within == 1
    assert result.misses == ()


def test_descriptions_evaluation_counts_misses(tmp_path: Path) -> None:
    path = tmp_path / "event-descriptions-x.tsv"
    path.write_text(
        "# synthetic\n3\tThree soldiers were killed in Kidal.\n"
        "5\tFive herders went missing near Djibo.\n"
    )
    right, count, misses = evaluate_descriptions(path)
    assert (right, count) == (1, 2)
    assert "5 vs none" in misses[0]
