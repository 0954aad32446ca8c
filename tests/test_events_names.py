"""`events` against an ACLED export in the old upper-case layout that the project has never
seen (synthetic rows written here, not ACLED's): places by their English first-level names,
towns, and parties as a journalist names them. Every sum is checked against pandas with the
test's own table of names (issue 13)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from test_events_acled import make_claim, write_older

from casualty_recon.events import cross_check, load_events
from casualty_recon.events.actor_names import party_of
from casualty_recon.grammar.parties import is_catalogued
from casualty_recon.model.claims import Claim

# (country, admin1 as ACLED writes it in English) -> the test's own reading.
PLACES = {
    ("Nigeria", "Borno"): "NG-BO",
    ("Nigeria", "Yobe"): "NG-YO",
    ("Somalia", "Lower Shabelle"): "SO-SH",
    ("Somalia", "Middle Shabelle"): "SO-SD",
    ("Somalia", "Banadir"): "SO-BN",
    ("Ukraine", "Donetsk"): "UA-14",
    ("Ukraine", "Kharkiv"): "UA-63",
}
ACTORS = {
    "Nigeria": [
        "Boko Haram - Wilayat Gharb Ifriqiyyah",
        "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
        "Military Forces of Nigeria (2015-2023)",
        "Zamfara Communal Militia (Nigeria)",
    ],
    "Somalia": ["Al Shabaab", "Military Forces of Somalia (2017-)", "Ma'awisley Militia"],
    "Ukraine": ["Military Forces of Russia (2000-)", "Wagner Group", "Military Forces of Ukraine"],
}
# How a journalist names each party -> the actor strings the test counts for it.
JOURNALIST = {
    "Boko Haram": {
        "Boko Haram - Wilayat Gharb Ifriqiyyah",
        "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
    },
    "ISWAP": {"Boko Haram - Wilayat Gharb Ifriqiyyah"},
    "Al-Shabaab": {"Al Shabaab"},
    "jihadist groups": {
        "Boko Haram - Wilayat Gharb Ifriqiyyah",
        "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
        "Al Shabaab",
    },
    "Russian forces and allies": {"Military Forces of Russia (2000-)", "Wagner Group"},
    "Russian forces": {"Military Forces of Russia (2000-)"},
}
START, END = dt.date(2022, 1, 1), dt.date(2022, 12, 31)


def synthetic_rows(count: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    keys = list(PLACES)
    picks = rng.integers(0, len(keys), count)
    countries = [keys[i][0] for i in picks]
    frame = pd.DataFrame(
        {
            "date": [START + dt.timedelta(days=int(d)) for d in rng.integers(0, 365, count)],
            "country": countries,
            "admin1": [keys[i][1] for i in picks],
            "actor1": [rng.choice(ACTORS[c]) for c in countries],
            "assoc": "",
            "event_type": "Battles",
            "fatalities": rng.integers(0, 9, count),
            "time_precision": 1,
            "geo_precision": 1,
        }
    )
    frame["id"] = [f"SYN{i:05d}" for i in range(count)]
    frame["code"] = [PLACES[(c, a)] for c, a in zip(frame["country"], frame["admin1"], strict=True)]
    return frame


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pd.DataFrame]:
    frame = synthetic_rows(3000, seed=13)
    path = tmp_path_factory.mktemp("acled") / "older-export.csv"
    write_older(path, frame)
    return path, frame


def _claim(claim_id: str, area: list[str], perpetrators: list[str] | str = "any") -> Claim:
    return make_claim(claim_id, "people", area, START, END, perpetrators)


CASES = [
    ("nigeria-boko-haram", ["Nigeria"], ["Boko Haram"], {"NG"}, "Boko Haram"),
    ("borno-iswap", ["Borno"], ["ISWAP"], {"NG-BO"}, "ISWAP"),
    ("lower-shabelle", ["Lower Shabelle"], ["Al-Shabaab"], {"SO-SH"}, "Al-Shabaab"),
    ("jihadists", ["Somalia", "Nigeria"], "jihadist groups", {"SO", "NG"}, "jihadist groups"),
    ("donetsk-russia", ["Donetsk oblast"], "Russian forces and allies", {"UA-14"},
     "Russian forces and allies"),
    ("ukraine-russia", ["Ukraine"], ["Russian forces"], {"UA"}, "Russian forces"),
    ("ukraine-any", ["Ukraine"], "any", {"UA"}, None),
    ("mariupol-any", ["Mariupol"], "any", {"UA-14"}, None),
]  # fmt: skip


@pytest.mark.parametrize(("claim_id", "area", "parties", "codes", "named"), CASES)
def test_sums_equal_an_independent_computation(
    exported: tuple[Path, pd.DataFrame],
    claim_id: str,
    area: list[str],
    parties: list[str] | str,
    codes: set[str],
    named: str | None,
) -> None:
    path, frame = exported
    (ref,) = cross_check(load_events(path), [_claim(claim_id, area, parties)])
    where = frame["code"].isin(codes) | frame["code"].str[:2].isin(codes)
    by = frame["actor1"].isin(JOURNALIST[named]) if named else True
    mine = frame[where & by]
    assert len(mine) > 0
    assert ref.best == int(mine["fatalities"].sum())
    assert ref.events == len(mine)


def test_a_town_is_summed_over_its_subdivision_with_a_note(
    exported: tuple[Path, pd.DataFrame],
) -> None:
    path, _frame = exported
    (ref,) = cross_check(load_events(path), [_claim("m", ["Mariupol"])])
    assert any("Mariupol as Donetsk" in note for note in ref.notes)


def test_unknown_actors_are_counted_and_named_in_the_notes(
    exported: tuple[Path, pd.DataFrame],
) -> None:
    path, frame = exported
    (ref,) = cross_check(load_events(path), [_claim("b", ["Nigeria"], ["Boko Haram"])])
    (note,) = [n for n in ref.notes if "not in the party catalogue" in n]
    militia = int((frame["actor1"] == "Zamfara Communal Militia (Nigeria)").sum())
    somali = int((frame["actor1"] == "Ma'awisley Militia").sum())
    assert f"Zamfara Communal Militia (Nigeria) ({militia:,})" in note
    assert f"Ma'awisley Militia ({somali:,})" in note
    assert note.startswith("2 actor names")
    # The catalogue's and the states' names are known, so not listed.
    assert "Boko Haram" not in note and "Military Forces" not in note


@pytest.mark.parametrize(
    "actor",
    [
        "Military Forces of Burkina Faso (2022-)",
        "Military Forces of Mali (2021-)",
        "Police Forces of Colombia (2022-)",
        "Government of Ethiopia",
    ],
)
def test_every_states_forces_are_known_parties_not_uncatalogued_names(actor: str) -> None:
    # A country outside the catalogue's table of states still has forces the claims can name
    # (`Burkinabe army` is `Burkinabe forces`): the note of unknown actor names must not list them.
    party = party_of(actor)
    assert party is not None and party.endswith("forces")
    assert is_catalogued(party)
    assert not is_catalogued("Zamfara Communal Militia (Nigeria)")


@pytest.mark.parametrize(
    ("actor", "party"),
    [
        ("JNIM: Group for Support of Islam and Muslims", "JNIM"),
        ("ISWAP: Islamic State West Africa Province", "ISWAP"),
        ("Islamic State Sahel Province: ISSP", "ISSP"),
        (
            "VDP: Volunteers for the Defense of the Homeland",
            "VDP: Volunteers for the Defense of the Homeland",
        ),
    ],
)
def test_acled_initials_then_name_find_the_catalogues_party(actor: str, party: str | None) -> None:
    # ACLED writes many groups as `INITIALS: Full name`; either half may be the catalogue's.
    # A group the catalogue does not know is kept as written.
    assert party_of(actor) == party


def test_one_unknown_actor_name_counts_in_the_singular(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"  # synthetic: two events, one actor the catalogue does not know
    path.write_text(
        "event_id_cnty,event_date,year,event_type,sub_event_type,actor1,actor2,"
        "civilian_targeting,country,admin1,location,fatalities\n"
        "BFO1,2023-04-20,2023,Violence against civilians,Attack,"
        "VDP: Volunteers for the Defense of the Homeland,Civilians (Burkina Faso),"
        "Civilian targeting,Burkina Faso,Nord,Z,5\n",
        encoding="utf-8",
    )
    (ref,) = cross_check(load_events(path), [_claim("b", ["Burkina Faso"], ["JNIM"])])
    (note,) = [n for n in ref.notes if "not in the party catalogue" in n]
    assert note.startswith("1 actor name of the file is not in the party catalogue and counts ")
