"""Tests for scope relations: every dimension's table, symmetry, windows and the combination."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from casualty_recon.analysis.scope import (
    ScopeRelations,
    combine,
    day_relation,
    outcome_relation,
    population_relation,
    scope_relations,
    window_relation,
)
from casualty_recon.grammar.places import Gazetteer, mirror
from casualty_recon.model.claims import (
    OUTCOMES,
    POPULATIONS,
    RELATIONS,
    Area,
    Claim,
    DayRange,
    Figure,
    Perpetrators,
    Relation,
)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("people", "people", "same"),
        ("people", "civilians", "wider"),
        ("civilians", "children", "wider"),
        ("people", "children", "wider"),
        ("civilians", "women", "wider"),
        ("people", "combatants", "wider"),
        ("civilians", "health workers", "wider"),
        ("civilians", "journalists", "wider"),
        ("civilians", "aid workers", "wider"),
        ("children", "women", "disjoint"),
        ("women", "men", "disjoint"),
        ("children", "men", "disjoint"),
        ("civilians", "combatants", "disjoint"),
        ("children", "combatants", "disjoint"),
        ("journalists", "combatants", "disjoint"),
        ("health workers", "women", "overlapping"),
        ("health workers", "aid workers", "overlapping"),
        ("journalists", "children", "overlapping"),
        ("people", "villagers", "unknown"),
    ],
)
def test_population_table(a: str, b: str, expected: Relation) -> None:
    assert population_relation(a, b) == expected
    assert population_relation(b, a) == mirror(expected)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("killed or injured", "killed", "wider"),
        ("killed or injured", "injured", "wider"),
        ("died", "killed", "wider"),
        ("killed", "injured", "disjoint"),
        ("died", "killed or injured", "overlapping"),
        ("died", "injured", "disjoint"),
        ("missing", "detained", "disjoint"),
        ("detained", "displaced", "disjoint"),
        ("displaced", "killed", "disjoint"),
        ("missing", "killed or injured", "disjoint"),
        ("killed", "killed", "same"),
    ],
)
def test_outcome_table(a: str, b: str, expected: Relation) -> None:
    assert outcome_relation(a, b) == expected
    assert outcome_relation(b, a) == mirror(expected)


def test_every_population_and_outcome_pair_is_symmetric_and_defined() -> None:
    for a, b in itertools.product(POPULATIONS, repeat=2):
        relation = population_relation(a, b)
        assert relation in RELATIONS and relation != "unknown"
        assert population_relation(b, a) == mirror(relation)
    for a, b in itertools.product(OUTCOMES, repeat=2):
        relation = outcome_relation(a, b)
        assert relation in RELATIONS and relation != "unknown"
        assert outcome_relation(b, a) == mirror(relation)


def day(text: str, latest: str | None = None) -> DayRange:
    return DayRange(dt.date.fromisoformat(text), dt.date.fromisoformat(latest or text), text)


LATE_APRIL = day("2019-04-21", "2019-04-30")
APR_29 = day("2019-04-29")
MAY_1 = day("2019-05-01")
AUG_8 = day("2019-08-08")
AUG_20 = day("2019-08-20")
AUGUST = day("2019-08-01", "2019-08-31")


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (AUG_8, AUG_8, "same"),
        (AUG_8, AUG_20, "earlier"),
        (AUG_20, AUG_8, "later"),
        (AUG_8, AUGUST, "overlapping"),
        (LATE_APRIL, APR_29, "overlapping"),
        (LATE_APRIL, MAY_1, "earlier"),
    ],
)
def test_day_relation(a: DayRange, b: DayRange, expected: str) -> None:
    assert day_relation(a, b) == expected
    assert day_relation(b, a) == {"earlier": "later", "later": "earlier"}.get(expected, expected)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((LATE_APRIL, AUG_8), (LATE_APRIL, AUG_8), "same"),
        ((MAY_1, AUG_8), (LATE_APRIL, AUG_20), "narrower"),
        ((MAY_1, AUG_8), (LATE_APRIL, AUG_8), "narrower"),
        ((LATE_APRIL, AUG_8), (LATE_APRIL, AUG_20), "narrower"),
        ((LATE_APRIL, AUG_20), (APR_29, AUG_8), "overlapping"),  # start 21-30 Apr vs 29 Apr
        ((APR_29, AUG_20), (MAY_1, AUG_8), "wider"),
        ((APR_29, AUG_8), (MAY_1, AUG_20), "overlapping"),
        ((LATE_APRIL, MAY_1), (AUG_8, AUG_20), "disjoint"),
        ((None, MAY_1), (AUG_8, AUG_20), "disjoint"),
        ((None, AUG_8), (LATE_APRIL, AUG_20), "unknown"),
        ((None, AUG_8), (None, AUG_8), "unknown"),
        ((APR_29, AUGUST), (LATE_APRIL, AUG_20), "overlapping"),
    ],
)
def test_window_relation(
    a: tuple[DayRange | None, DayRange], b: tuple[DayRange | None, DayRange], expected: Relation
) -> None:
    assert window_relation(a[0], a[1], b[0], b[1]) == expected
    assert window_relation(b[0], b[1], a[0], a[1]) == mirror(expected)


def test_window_relation_is_symmetric_over_many_windows() -> None:
    starts: list[DayRange | None] = [None, LATE_APRIL, APR_29, MAY_1, AUG_8]
    ends = [MAY_1, AUG_8, AUG_20, AUGUST]
    windows = [(s, e) for s in starts for e in ends if s is None or s.earliest <= e.latest]
    for a, b in itertools.product(windows, repeat=2):
        relation = window_relation(a[0], a[1], b[0], b[1])
        assert window_relation(b[0], b[1], a[0], a[1]) == mirror(relation), (a, b)


@pytest.mark.parametrize(
    ("relations", "expected"),
    [
        (["same", "same"], "same"),
        ([], "same"),
        (["same", "narrower", "unknown", "disjoint"], "disjoint"),
        (["same", "narrower", "unknown"], "unknown"),
        (["same", "narrower", "narrower"], "narrower"),
        (["wider", "same"], "wider"),
        (["wider", "narrower"], "overlapping"),
        (["overlapping", "same"], "overlapping"),
    ],
)
def test_combine(relations: list[Relation], expected: Relation) -> None:
    assert combine(relations) == expected
    assert combine(mirror(r) for r in relations) == mirror(expected)


GAZETTEER = Gazetteer({"northwest Syria": ["Idlib", "Hama", "Aleppo", "Latakia"]})


def claim(
    claim_id: str,
    *,
    population: str = "civilians",
    outcome: str = "killed",
    perpetrators: frozenset[str] | None = None,
    area: tuple[str, ...] = ("northwest Syria",),
    start: DayRange | None = LATE_APRIL,
    as_of: DayRange = AUG_8,
) -> Claim:
    """A synthetic claim (made up for the test, not a real figure)."""
    places = frozenset().union(*(GAZETTEER.resolve(text) for text in area))
    return Claim(
        id=claim_id,
        source="test",
        figure=Figure(100, None, "more_than", "more than 99"),
        population=population,
        outcome=outcome,
        perpetrators=Perpetrators(tuple(sorted(perpetrators or ())), perpetrators),
        area=Area(area, places),
        start=start,
        as_of=as_of,
        published=as_of,
    )


def test_scope_relations_of_two_claims() -> None:
    wide = claim("wide", population="people", outcome="died", as_of=AUG_20)
    narrow = claim(
        "narrow",
        perpetrators=frozenset({"Syrian government", "Russian forces"}),
        area=("southern Idlib", "northern Hama", "western Aleppo"),
        start=MAY_1,
    )
    relations = scope_relations(narrow, wide)
    assert relations == ScopeRelations(
        population="narrower",
        outcome="narrower",
        perpetrators="narrower",
        area="narrower",
        window="narrower",
        overall="narrower",
    )
    assert scope_relations(wide, narrow) == relations.mirrored()


def test_scope_relations_overall_follows_the_worst_dimension() -> None:
    a = claim("a")
    assert scope_relations(a, a).overall == "same"
    assert scope_relations(a, claim("b", population="combatants")).overall == "disjoint"
    assert scope_relations(a, claim("c", start=None)).overall == "unknown"
    mixed = scope_relations(a, claim("d", population="people", outcome="killed", start=MAY_1))
    assert (mixed.population, mixed.window, mixed.overall) == ("narrower", "wider", "overlapping")
