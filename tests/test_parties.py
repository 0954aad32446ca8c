"""Tests for perpetrator resolution, party groups and the perpetrator relation."""

from __future__ import annotations

import itertools

import pytest

from casualty_recon.grammar.parties import perpetrator_relation, resolve_perpetrators
from casualty_recon.grammar.places import mirror
from casualty_recon.model.claims import Perpetrators
from casualty_recon.model.errors import GrammarError

GROUPS = {
    "pro-government": ["Syrian government", "Russian forces"],
    "everyone in the northwest": ["pro-government", "HTS"],
}


def parties(value: str | list[str], groups: dict[str, list[str]] | None = None) -> set[str] | None:
    found = resolve_perpetrators(value, GROUPS if groups is None else groups).parties
    return None if found is None else set(found)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Syrian regime", "Syrian government"),
        ("Assad regime", "Syrian government"),
        ("Syrian government forces", "Syrian government"),
        ("Government of Syria", "Syrian government"),
        ("SARG", "Syrian government"),
        ("regime forces", "Syrian government"),
        ("syrian  REGIME", "Syrian government"),
        ("Russia", "Russian forces"),
        ("Russian air force", "Russian forces"),
        ("Russian aviation", "Russian forces"),
        ("GoRF", "Russian forces"),
        ("US-led coalition", "US-led coalition"),
        ("international coalition", "US-led coalition"),
        # A bare "coalition" is not assumed to be the US-led one (Yemen has a Saudi-led one).
        ("coalition", "coalition"),
        ("HTS", "Hayat Tahrir al-Sham"),
        ("Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham"),
        ("ISIS", "Islamic State"),
        ("ISIL", "Islamic State"),
        ("Islamic State", "Islamic State"),
        ("Daesh", "Islamic State"),
        ("non-state armed groups", "non-state armed groups"),
        ("NSAG", "non-state armed groups"),
        ("Free  Syrian\tArmy", "Free Syrian Army"),  # unknown: kept, spacing normalised
    ],
)
def test_aliases(written: str, canonical: str) -> None:
    assert parties(written) == {canonical}


def test_any_alone_means_every_party() -> None:
    found = resolve_perpetrators("any", GROUPS)
    assert found.parties is None and found.is_any
    assert resolve_perpetrators(["ANY"], {}).parties is None


def test_built_in_group() -> None:
    assert parties("Syrian-Russian alliance") == {"Syrian government", "Russian forces"}


def test_user_groups_expand_recursively_and_keep_the_text() -> None:
    found = resolve_perpetrators(["everyone in the northwest", "ISIS"], GROUPS)
    assert found.text == ("everyone in the northwest", "ISIS")
    assert found.parties == {
        "Syrian government",
        "Russian forces",
        "Hayat Tahrir al-Sham",
        "Islamic State",
    }
    assert parties("Pro-Government") == {"Syrian government", "Russian forces"}


def test_group_cycles_are_reported() -> None:
    groups = {"a": ["Syrian government", "b"], "b": ["a"]}
    with pytest.raises(GrammarError) as caught:
        resolve_perpetrators("a", groups)
    assert caught.value.code == "bad-party"
    assert "a -> b -> a" in caught.value.message


@pytest.mark.parametrize(
    "value",
    ["", "   ", [], ["any", "Russia"], ["Russia", ""], [3], None, 4.5, ["Russia", ["HTS"]]],
)
def test_bad_values(value: object) -> None:
    with pytest.raises(GrammarError) as caught:
        resolve_perpetrators(value, GROUPS)  # type: ignore[arg-type]
    assert caught.value.code == "bad-party"


def test_groups_may_not_hold_any_or_nothing() -> None:
    for groups in ({"g": ["any"]}, {"g": []}, {"g": [""]}):
        with pytest.raises(GrammarError) as caught:
            resolve_perpetrators("g", groups)
        assert caught.value.code == "bad-party"


def p(*names: str) -> Perpetrators:
    return Perpetrators(names, frozenset(names))


ANY = Perpetrators(("any",), None)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (ANY, ANY, "same"),
        (ANY, p("Russian forces"), "wider"),
        (p("Russian forces"), ANY, "narrower"),
        (p("A", "B"), p("B", "A"), "same"),
        (p("A"), p("A", "B"), "narrower"),
        (p("A", "B"), p("A"), "wider"),
        (p("A"), p("B"), "disjoint"),
        (p("A", "B"), p("B", "C"), "overlapping"),
    ],
)
def test_perpetrator_relation_table(a: Perpetrators, b: Perpetrators, expected: str) -> None:
    assert perpetrator_relation(a, b) == expected
    assert perpetrator_relation(b, a) == mirror(expected)  # type: ignore[arg-type]


def test_perpetrator_relation_is_symmetric() -> None:
    pool = [ANY, p("A"), p("B"), p("A", "B"), p("B", "C"), p("A", "B", "C")]
    for a, b in itertools.product(pool, repeat=2):
        assert perpetrator_relation(b, a) == mirror(perpetrator_relation(a, b))


# --- the catalogue: aliases and membership (issue 13 item 2) -------------------------------------


def _p(value: str | list[str], groups: dict[str, list[str]] | None = None) -> Perpetrators:
    return resolve_perpetrators(value, groups or {})


@pytest.mark.parametrize(
    ("names", "canonical"),
    [
        (["IDF", "Israeli military", "Israeli forces", "Israel Defense Forces"], "Israeli forces"),
        (["ISIS", "ISIL", "Daesh", "IS", "Islamic State"], "Islamic State"),
        (["Al-Shabaab", "Al Shabaab", "al-Shabab"], "Al-Shabaab"),
        (["Tatmadaw", "Myanmar military", "Government of Myanmar (Burma)"], "Myanmar military"),
        (["RSF", "Rapid Support Forces"], "Rapid Support Forces"),
        (["SAF", "Sudanese army", "Military Forces of Sudan (2019-)"], "Sudanese Armed Forces"),
        (["Wagner", "Wagner Group", "PMC Wagner"], "Wagner Group"),
        (["ISWAP", "Boko Haram - Wilayat Gharb Ifriqiyyah"], "ISWAP"),
    ],
)
def test_one_party_across_its_names(names: list[str], canonical: str) -> None:
    for name in names:
        assert _p(name).parties == frozenset({canonical}), name


def test_membership_makes_a_group_wider_than_its_faction() -> None:
    assert perpetrator_relation(_p("Boko Haram"), _p("ISWAP")) == "wider"
    assert perpetrator_relation(_p("ISWAP"), _p("Boko Haram")) == "narrower"
    assert perpetrator_relation(_p("Islamic State"), _p("Boko Haram")) == "overlapping"
    assert perpetrator_relation(_p("jihadist groups"), _p("HTS")) == "wider"
    assert perpetrator_relation(_p("Al-Shabaab"), _p("jihadist groups")) == "narrower"
    assert perpetrator_relation(_p("Hamas"), _p("Israeli forces")) == "disjoint"


def test_wagner_fought_with_russian_forces() -> None:
    allies = _p("Russian forces and allies")
    assert perpetrator_relation(allies, _p("Wagner Group")) == "wider"
    assert perpetrator_relation(allies, _p("Russian forces")) == "wider"
    assert perpetrator_relation(allies, _p(["Russian forces", "Wagner"])) == "same"
    assert perpetrator_relation(_p("Russian forces"), _p("Wagner")) == "disjoint"


def test_a_file_declares_coalitions_of_catalogued_parties() -> None:
    groups = {"Sahel jihadists": ["JNIM", "Islamic State Sahel Province"]}
    coalition = _p("Sahel jihadists", groups)
    assert coalition.parties == frozenset({"JNIM", "ISSP"})
    assert perpetrator_relation(_p("jihadist groups"), coalition) == "wider"
    assert perpetrator_relation(coalition, _p("al-Qaeda")) == "overlapping"


@pytest.mark.parametrize("nobody", ["unidentified gunmen", "unknown assailants", "unknown"])
def test_a_perpetrator_not_identified_may_be_any_party(nobody: str) -> None:
    # Karma, Burkina Faso (2023): a government blamed unidentified gunmen, a rights group the army.
    # Unidentified gunmen may be the army: the two sets relate in an unknown way, never disjoint.
    army = resolve_perpetrators("Burkinabe army", {})
    unknown = resolve_perpetrators(nobody, {})
    assert perpetrator_relation(army, unknown) == "unknown"
    assert perpetrator_relation(unknown, army) == "unknown"
    both = resolve_perpetrators(["Burkinabe army", nobody], {})
    assert perpetrator_relation(both, army) == "wider"  # containment still reads as before
    assert perpetrator_relation(resolve_perpetrators("any", {}), unknown) == "wider"
    jnim = resolve_perpetrators("JNIM", {})
    assert perpetrator_relation(army, jnim) == "disjoint"  # two named parties stay apart
