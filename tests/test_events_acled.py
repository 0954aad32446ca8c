"""ACLED files in both layouts, written here by code (synthetic rows, not ACLED's), summed by
the tool and, independently, by pandas with its own table of names."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from casualty_recon.events import cross_check, load_events
from casualty_recon.grammar.figures import parse_figure
from casualty_recon.grammar.parties import resolve_perpetrators
from casualty_recon.grammar.places import Gazetteer
from casualty_recon.model.claims import Area, Claim, DayRange
from casualty_recon.model.errors import InputError

_GAZETTEER = Gazetteer()

CURRENT_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
OLDER_COLUMNS = [
    "GWNO",
    "EVENT_ID_CNTY",
    "EVENT_ID_NO_CNTY",
    "EVENT_DATE",
    "YEAR",
    "TIME_PRECISION",
    "EVENT_TYPE",
    "ACTOR1",
    "ALLY_ACTOR_1",
    "INTER1",
    "ACTOR2",
    "ALLY_ACTOR_2",
    "INTER2",
    "INTERACTION",
    "COUNTRY",
    "ADMIN1",
    "ADMIN2",
    "ADMIN3",
    "LOCATION",
    "LATITUDE",
    "LONGITUDE",
    "GEO_PRECISION",
    "SOURCE",
    "NOTES",
    "FATALITIES",
]

# The test's own reading of the names in the files it writes.
ADMIN1 = {
    "Idlib": "SY-ID",
    "Idleb": "SY-ID",
    "Hama": "SY-HM",
    "Aleppo": "SY-HL",
    "Deir ez-Zor": "SY-DY",
    "Deir Ezzor": "SY-DY",
    "Rif Dimashq": "SY-RD",
}
ACTORS = {
    "Military Forces of Syria (2000-)": "Syrian government",
    "Military Forces of Russia (2000-)": "Russian forces",
    "Hayat Tahrir al-Sham": "Hayat Tahrir al-Sham",
    "Islamic State (Syria)": "Islamic State",
    "Unidentified Armed Group (Syria)": None,
}
EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def synthetic_rows(count: int, seed: int) -> pd.DataFrame:
    """Random ACLED-like events in Syria, 2019 (synthetic: generated here)."""
    rng = np.random.default_rng(seed)
    days = rng.integers(0, 365, count)
    actors = list(ACTORS)
    frame = pd.DataFrame(
        {
            "date": [dt.date(2019, 1, 1) + dt.timedelta(days=int(d)) for d in days],
            "admin1": rng.choice(list(ADMIN1), count),
            "actor1": rng.choice(actors, count),
            "assoc": np.where(
                rng.random(count) < 0.2, "Military Forces of Russia (2000-); Militia (Pro-Gov)", ""
            ),
            "event_type": rng.choice(EVENT_TYPES, count),
            "civilian": rng.random(count) < 0.3,
            "fatalities": rng.integers(0, 12, count),
            "time_precision": rng.choice([1, 2, 3], count, p=[0.8, 0.15, 0.05]),
            "geo_precision": rng.choice([1, 2, 3], count, p=[0.7, 0.2, 0.1]),
        }
    )
    frame["id"] = [f"SYR{i:05d}" for i in range(count)]
    return frame


def write_current(path: Path, frame: pd.DataFrame, date_format: str = "%Y-%m-%d") -> None:
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(CURRENT_COLUMNS)
        for row in frame.itertuples():
            cells = dict.fromkeys(CURRENT_COLUMNS, "")
            cells.update(
                event_id_cnty=row.id,
                event_date=row.date.strftime(date_format),
                year=str(row.date.year),
                time_precision=str(row.time_precision),
                event_type=row.event_type,
                actor1=row.actor1,
                assoc_actor_1=row.assoc,
                actor2="Civilians (Syria)" if row.civilian else "",
                civilian_targeting="Civilian targeting" if row.civilian else "",
                country="Syria",
                admin1=row.admin1,
                location="Synthetic place",
                geo_precision=str(row.geo_precision),
                notes="Synthetic event, written by test_events_acled.py",
                fatalities=str(row.fatalities),
            )
            writer.writerow([cells[c] for c in CURRENT_COLUMNS])


def write_older(path: Path, frame: pd.DataFrame, encoding: str = "utf-8") -> None:
    """Upper-case columns, dd/mm/yyyy dates, two blank trailing columns on every line."""
    with path.open("w", newline="", encoding=encoding) as file:
        writer = csv.writer(file)
        writer.writerow([*OLDER_COLUMNS, "", ""])
        for row in frame.itertuples():
            cells = dict.fromkeys(OLDER_COLUMNS, "")
            cells.update(
                EVENT_ID_CNTY=row.id,
                EVENT_DATE=row.date.strftime("%d/%m/%Y"),
                YEAR=str(row.date.year),
                TIME_PRECISION=str(row.time_precision),
                EVENT_TYPE=row.event_type,
                ACTOR1=row.actor1,
                ALLY_ACTOR_1=row.assoc,
                COUNTRY=getattr(row, "country", "Syria"),
                ADMIN1=row.admin1,
                GEO_PRECISION=str(row.geo_precision),
                NOTES="Synthetic event, written by test_events_acled.py",
                FATALITIES=str(row.fatalities),
            )
            writer.writerow([*(cells[c] for c in OLDER_COLUMNS), "", ""])


def make_claim(
    claim_id: str,
    population: str,
    area: list[str],
    start: dt.date,
    end: dt.date,
    perpetrators: list[str] | str = "any",
) -> Claim:
    places = frozenset().union(*(_GAZETTEER.resolve(text) for text in area))
    return Claim(
        id=claim_id,
        source="test",
        figure=parse_figure("100"),
        population=population,
        outcome="killed",
        perpetrators=resolve_perpetrators(perpetrators, {}),
        area=Area(tuple(area), places),
        start=DayRange(start, start, start.isoformat()),
        as_of=DayRange(end, end, end.isoformat()),
        published=DayRange(end, end, end.isoformat()),
    )


def random_claims(count: int, seed: int) -> list[Claim]:
    rng = np.random.default_rng(seed)
    parties = ["Syrian government", "Russian forces", "Hayat Tahrir al-Sham", "Islamic State"]
    places = ["Idlib", "Hama", "Aleppo", "Deir ez-Zor", "Rural Damascus"]
    claims = []
    for number in range(count):
        first = dt.date(2019, 1, 1) + dt.timedelta(days=int(rng.integers(0, 300)))
        last = first + dt.timedelta(days=int(rng.integers(0, 120)))
        area = (
            ["Syria"]
            if rng.random() < 0.2
            else sorted(rng.choice(places, int(rng.integers(1, 4)), replace=False).tolist())
        )
        who: list[str] | str = (
            "any"
            if rng.random() < 0.4
            else sorted(rng.choice(parties, int(rng.integers(1, 3)), replace=False).tolist())
        )
        population = "civilians" if rng.random() < 0.5 else "people"
        claims.append(make_claim(f"c{number}", population, area, first, last, who))
    return claims


def independent(frame: pd.DataFrame, claim: Claim, civilian_column: str) -> tuple[int, int]:
    """(fatalities, events) by pandas, from the test's own tables."""
    assert claim.start is not None
    codes = {p.code for p in claim.area.places}
    in_area = (
        pd.Series(True, index=frame.index)
        if codes == {"SY"}
        else frame["admin1"].map(ADMIN1).isin(codes)
    )
    in_window = (frame["date"] >= claim.start.earliest) & (frame["date"] <= claim.as_of.latest)
    scope = in_area & in_window
    if claim.population == "civilians":
        scope &= frame[civilian_column]
    parties = claim.perpetrators.parties
    if parties is not None:
        by_actor1 = frame["actor1"].map(ACTORS).isin(parties)
        by_assoc = frame["assoc"].str.contains("Military Forces of Russia", regex=False) & (
            "Russian forces" in parties
        )
        scope &= by_actor1 | by_assoc
    return int(frame.loc[scope, "fatalities"].sum()), int(scope.sum())


@pytest.mark.parametrize("date_format", ["%Y-%m-%d", "%d %B %Y"])
def test_current_export_equals_pandas(tmp_path: Path, date_format: str) -> None:
    frame = synthetic_rows(3000, seed=1)
    path = tmp_path / "acled.csv"
    write_current(path, frame, date_format)
    events = load_events(path)
    assert events.kind == "acled"
    assert events.variant == "ACLED"
    assert events.rows == len(frame) and events.unreadable == {}
    claims = random_claims(60, seed=2)
    references = cross_check(events, claims)
    nonzero = 0
    for claim, ref in zip(claims, references, strict=True):
        fatalities, count = independent(frame, claim, "civilian")
        assert (ref.best, ref.events) == (fatalities, count), claim.id
        assert ref.low is None and ref.high is None
        nonzero += fatalities > 0
    assert nonzero > 30


def test_older_uppercase_layout_equals_pandas(tmp_path: Path) -> None:
    frame = synthetic_rows(2000, seed=3)
    path = tmp_path / "acled-old.csv"
    write_older(path, frame)
    events = load_events(path)
    assert events.kind == "acled"
    assert "older" in events.variant
    assert events.rows == len(frame) and events.unreadable == {}
    # No civilian_targeting column: civilians are the 'Violence against civilians' events.
    assert any("Violence against civilians" in note for note in events.notes)
    frame["vac"] = frame["event_type"] == "Violence against civilians"
    claims = random_claims(40, seed=4)
    for claim, ref in zip(claims, cross_check(events, claims), strict=True):
        assert (ref.best, ref.events) == independent(frame, claim, "vac"), claim.id


def test_older_layout_in_latin1(tmp_path: Path) -> None:
    frame = synthetic_rows(50, seed=5)
    frame["country"] = "Côte d'Ivoire"
    frame["admin1"] = "Abidjan"
    path = tmp_path / "acled-africa.csv"
    write_older(path, frame, encoding="latin-1")
    events = load_events(path)
    assert events.countries == ["CI"]
    (ref,) = cross_check(
        events,
        [make_claim("ci", "people", ["Abidjan"], dt.date(2019, 1, 1), dt.date(2019, 12, 31))],
    )
    assert ref.best == int(frame["fatalities"].sum())


def test_bad_rows_are_counted_by_reason(tmp_path: Path) -> None:
    frame = synthetic_rows(40, seed=6)
    frame["civilian"] = False
    path = tmp_path / "acled.csv"
    write_current(path, frame)
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    date_at, fatalities_at = header.index("event_date"), header.index("fatalities")

    def row(date: str, fatalities: str, ident: str) -> str:
        cells = [""] * len(header)
        cells[header.index("event_id_cnty")] = ident
        cells[date_at] = date
        cells[fatalities_at] = fatalities
        cells[header.index("country")] = "Syria"
        cells[header.index("admin1")] = "Idlib"
        cells[header.index("actor1")] = "Military Forces of Syria (2000-)"
        return ",".join(cells)

    lines += [
        row("31/02/2019", "3", "BAD1"),
        row("", "3", "BAD2"),
        row("1970-01-01", "3", "BAD3"),
        row("2019-05-01", "n/a", "BAD4"),
        row("2019-05-02", "-4", "BAD5"),
        "SYR-SHORT,2019-05-03,2019",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    events = load_events(path)
    assert events.unreadable == {
        "unreadable date": 1,
        "no date": 1,
        "date 1970-01-01 (an empty date stored as zero)": 1,
        "row with the wrong number of columns": 1,
    }
    assert events.examples["unreadable date"] == ["BAD1"]
    assert events.examples["no date"] == ["BAD2"]
    assert events.bad_values == {
        "unreadable figure in fatalities": 1,
        "negative figure in fatalities": 1,
    }
    assert events.rows == len(frame) + 2
    (ref,) = cross_check(
        events,
        [make_claim("may", "people", ["Idlib"], dt.date(2019, 5, 1), dt.date(2019, 5, 2))],
    )
    expected = frame[
        (frame["admin1"].isin(["Idlib", "Idleb"]))
        & (frame["date"] >= dt.date(2019, 5, 1))
        & (frame["date"] <= dt.date(2019, 5, 2))
    ]
    assert ref.excluded["no figure for people killed"] == 2
    if len(expected):
        assert ref.best == int(expected["fatalities"].sum())
    else:
        # Only the two rows without a readable figure are in scope: no reference, not a zero.
        assert ref.best is None and ref.comparison is None and ref.events == 0
        assert ref.sentence.endswith("the 2 events in scope have no figure for people killed.")
    assert ref.unreadable == events.unreadable


def test_missing_column_names_what_was_expected(tmp_path: Path) -> None:
    frame = synthetic_rows(5, seed=7)
    path = tmp_path / "acled.csv"
    write_current(path, frame)
    text = path.read_text(encoding="utf-8").replace("fatalities", "deaths", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_events(path)
    (problem,) = caught.value.problems
    assert "closest is ACLED, which also needs fatalities" in problem.message
    assert problem.hint is not None and "event_date, country, admin1, actor1" in problem.hint
    with pytest.raises(InputError) as forced:
        load_events(path, kind="acled")
    assert "not an ACLED file: it lacks the column(s) fatalities" in str(forced.value)
