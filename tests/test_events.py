"""Event datasets against real data: UCDP GED (and its HDX/HXL variant) and Airwars.

Every sum is checked against an independent pandas computation written here, with its own
hand-written table of how the files spell each place. Skipped without ../shared/data.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pandas as pd
import pytest

from casualty_recon.events import EventTable, cross_check, load_events
from casualty_recon.events.reference import compare, relation_text
from casualty_recon.grammar.figures import parse_figure
from casualty_recon.grammar.parties import resolve_perpetrators
from casualty_recon.grammar.periods import parse_period
from casualty_recon.grammar.places import Gazetteer
from casualty_recon.model.claims import Area, Claim
from casualty_recon.render.references import REFERENCE_COLUMNS, reference_rows, render_text

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "events"
GED = SHARED / "ucdp-ged-19.1-myanmar-bangladesh.csv"
HXL = SHARED / "hdx-ucdp-bangladesh-hxl.csv"
AIRWARS = SHARED / "airwars-syria-incidents.csv"

needs_shared = pytest.mark.skipif(
    not SHARED.exists(), reason="../shared/data is not here (fresh clone)"
)

_GAZETTEER = Gazetteer()


@functools.cache
def loaded(path: Path) -> EventTable:
    """Each real file is read once per session: the tests only read the table."""
    return load_events(path)


def claim(
    claim_id: str,
    figure: str,
    population: str,
    area: list[str],
    start: str | None,
    as_of: str,
    perpetrators: str | list[str] = "any",
    outcome: str = "killed",
) -> Claim:
    places = frozenset().union(*(_GAZETTEER.resolve(text) for text in area))
    return Claim(
        id=claim_id,
        source="test",
        figure=parse_figure(figure),
        population=population,
        outcome=outcome,
        perpetrators=resolve_perpetrators(perpetrators, {}),
        area=Area(tuple(area), places),
        start=parse_period(start) if start else None,
        as_of=parse_period(as_of),
        published=parse_period(as_of),
    )


# How GED 19.1 spells each first-level subdivision (written out by hand, not taken from the code
# under test). `Sagaing District` is a GED slip for a district, not a subdivision.
GED_SPELLINGS: dict[str, tuple[str, ...]] = {
    "MM-01": ("Sagaing Division", "Sagaing  region"),
    "MM-02": ("Bago Division", "Bago  region"),
    "MM-03": ("Magwe Division",),
    "MM-04": ("Mandalay Division", "Mandalay  region"),
    "MM-05": ("Tanintharyi Division", "Tanintharyi  region"),
    "MM-06": ("Yangon Division", "Yangon  region"),
    "MM-07": ("Ayeyarwady Division",),
    "MM-11": ("Kachin State",),
    "MM-12": ("Kayah State",),
    "MM-13": ("Kayin State", "Karen State"),
    "MM-14": ("Chin State",),
    "MM-15": ("Mon State",),
    "MM-16": ("Rakhine State",),
    "MM-17": ("Shan State",),
    "BD-A": ("Barisal Division", "Barisāl Division"),
    "BD-B": ("Chittagong Division",),
    "BD-C": ("Dhaka Division",),
    "BD-D": ("Khulna Division",),
    "BD-E": ("Rajshahi Division",),
    "BD-F": ("Rangpur Division",),
    "BD-G": ("Sylhet Division",),
    "BD-H": ("Mymensingh division",),
}
CODE_OF = {name: code for code, names in GED_SPELLINGS.items() for name in names}


def ged_frame(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, skiprows=[1] if path == HXL else None, low_memory=False)
    frame["code"] = frame["adm_1"].map(CODE_OF)
    frame["start"] = pd.to_datetime(frame["date_start"])
    frame["end"] = pd.to_datetime(frame["date_end"])
    return frame


def year_claims(frame: pd.DataFrame, codes: list[str]) -> list[Claim]:
    claims = []
    for code in codes:
        for year in range(1989, 2019):
            claims.append(claim(f"{code}-{year}-people", "1", "people", [code], None, str(year)))
            claims.append(claim(f"{code}-{year}-civ", "1", "civilians", [code], None, str(year)))
    # The claims give no start: for a year, a start on 1 January is what is meant.
    return [
        Claim(**{**_fields(c), "start": parse_period(c.as_of.text)})  # type: ignore[arg-type]
        for c in claims
    ]


def _fields(value: Claim) -> dict[str, object]:
    return {name: getattr(value, name) for name in Claim.__dataclass_fields__}


# --- UCDP GED ------------------------------------------------------------------------------------


@needs_shared
def test_ged_sums_per_subdivision_and_year_equal_pandas() -> None:
    frame = ged_frame(GED)
    events = loaded(GED)
    assert events.kind == "ged"
    assert events.rows == len(frame)
    claims = year_claims(frame, sorted(GED_SPELLINGS))
    references = {ref.claim_id: ref for ref in cross_check(events, claims)}

    # Independent: every GED event lies within one calendar year.
    assert (frame["start"].dt.year == frame["end"].dt.year).all()
    grouped = frame.dropna(subset=["code"]).groupby(["code", frame["start"].dt.year])
    expected = grouped[["low", "best", "high", "deaths_civilians"]].sum()
    counts = grouped.size()
    checked = 0
    for code in GED_SPELLINGS:
        for year in range(1989, 2019):
            people = references[f"{code}-{year}-people"]
            civilians = references[f"{code}-{year}-civ"]
            if (code, year) in expected.index:
                row = expected.loc[(code, year)]
                want = (int(row["low"]), int(row["best"]), int(row["high"]))
                want_civ, want_count = int(row["deaths_civilians"]), int(counts[(code, year)])
                checked += 1
            else:
                want, want_civ, want_count = (0, 0, 0), 0, 0
            assert (people.low, people.best, people.high) == want, (code, year)
            assert people.events == want_count, (code, year)
            assert (civilians.low, civilians.best, civilians.high) == (None, want_civ, None)
    assert checked > 100  # the data really were compared, not only zeros


@needs_shared
def test_ged_rows_known_only_to_the_country_are_counted_not_dropped() -> None:
    frame = ged_frame(GED)
    events = loaded(GED)
    shan, myanmar = (
        claim("shan", "1", "people", ["Shan"], "2005", "2005"),
        claim("mm", "1", "people", ["Myanmar"], "2005", "2005"),
    )
    ref_shan, ref_mm = cross_check(events, [shan, myanmar])
    in_2005 = frame[(frame["start"].dt.year == 2005) & (frame["country"] == "Myanmar (Burma)")]
    no_adm = int(in_2005["adm_1"].isna().sum())
    district = int((in_2005["adm_1"] == "Sagaing District").sum())
    assert no_adm > 0 and district > 0
    assert ref_shan.excluded.get("place known only to the country", 0) == no_adm
    assert ref_shan.excluded.get("place not recognised: 'Sagaing District'", 0) == district
    # The whole country takes every Myanmar event of the year.
    assert ref_mm.best == int(in_2005["best"].sum())
    assert ref_mm.events == len(in_2005)
    assert ref_mm.excluded == {}


@needs_shared
def test_ged_window_straddle_and_precision_rules() -> None:
    frame = ged_frame(GED)
    events = loaded(GED)
    window = (pd.Timestamp("2017-08-10"), pd.Timestamp("2017-09-15"))
    area = ["Rakhine"]
    plain, by_day, by_place = (
        cross_check(events, [claim("r", "1", "people", area, "2017-08-10", "2017-09-15")])
        + cross_check(
            events, [claim("r", "1", "people", area, "2017-08-10", "2017-09-15")], date_prec=1
        )
        + cross_check(
            events, [claim("r", "1", "people", area, "2017-08-10", "2017-09-15")], where_prec=3
        )
    )
    rakhine = frame[frame["code"] == "MM-16"]
    overlaps = rakhine[(rakhine["end"] >= window[0]) & (rakhine["start"] <= window[1])]
    inside = overlaps[(overlaps["start"] >= window[0]) & (overlaps["end"] <= window[1])]
    straddling = len(overlaps) - len(inside)
    assert straddling > 0
    assert plain.best == int(inside["best"].sum())
    assert plain.events == len(inside)
    assert plain.excluded["straddles the window"] == straddling
    precise = inside[inside["date_prec"] <= 1]
    assert by_day.best == int(precise["best"].sum())
    assert by_day.excluded["date precision coarser than 1"] == len(inside) - len(precise)
    placed = inside[inside["where_prec"] <= 3]
    assert by_place.best == int(placed["best"].sum())
    assert by_place.excluded["place precision coarser than 3"] == len(inside) - len(placed)


@needs_shared
def test_ged_perpetrator_is_side_a() -> None:
    frame = ged_frame(GED)
    events = loaded(GED)
    government = "Government of Myanmar (Burma)"
    (ref,) = cross_check(
        events,
        [claim("g", "1", "civilians", ["Rakhine"], "2017", "2017", perpetrators=[government])],
    )
    rows = frame[(frame["code"] == "MM-16") & (frame["start"].dt.year == 2017)]
    mine = rows[rows["side_a"] == government]
    assert 0 < len(mine) < len(rows)
    assert ref.best == int(mine["deaths_civilians"].sum())
    assert ref.events == len(mine)
    assert ref.perpetrators == ("Myanmar military",)  # the catalogue's name for the state


@needs_shared
def test_hxl_variant_loads_to_the_same_numbers() -> None:
    plain, hxl = loaded(GED), loaded(HXL)
    assert hxl.kind == "ged"
    assert "HXL" in hxl.variant
    codes = sorted(code for code in GED_SPELLINGS if code.startswith("BD-"))
    whole_country = claim("bd", "1", "people", ["Bangladesh"], "1989", "2018")
    claims = [*year_claims(ged_frame(HXL), codes), whole_country]
    from_plain = cross_check(plain, claims)
    from_hxl = cross_check(hxl, claims)
    keys = ("low", "best", "high", "events", "excluded")
    assert [[getattr(r, k) for k in keys] for r in from_plain] == [
        [getattr(r, k) for k in keys] for r in from_hxl
    ]
    whole = from_hxl[-1]
    frame = ged_frame(HXL)
    assert whole.best == int(frame["best"].sum())
    assert whole.events == len(frame)


# --- Airwars -------------------------------------------------------------------------------------

# How this Airwars file spells the four governorates (by hand; `eastern Hama` is in Hama).
AIRWARS_NORTHWEST = {
    "Idlib",
    "idlib",
    "Idlib governorate",
    "Idlib Governorate",
    "Hama",
    "Hama Governorate",
    "eastern Hama",
    "eastern Hama governorate",
    "Aleppo",
    "Aleppo governorate",
    "northern Aleppo",
    "Latakia",
    "Lattakia",
}


def airwars_frame() -> pd.DataFrame:
    frame = pd.read_csv(AIRWARS)
    frame["place"] = frame["governorate"].fillna(frame["region"]).fillna(frame["province"])
    frame["start"] = pd.to_datetime(frame["date"], errors="coerce")
    frame["end"] = pd.to_datetime(frame["date_end"], errors="coerce").fillna(frame["start"])
    # A range given by one end only counts as that number at both ends.
    for stem in ("civilians_killed", "children_killed"):
        low, high = frame[f"{stem}_min"], frame[f"{stem}_max"]
        frame[f"{stem}_low"] = low.fillna(high)
        frame[f"{stem}_high"] = high.fillna(low)
    return frame


def idlib_2019(population: str = "civilians", figure: str = "more than 730") -> Claim:
    return claim(
        "uossm-2019-08-20",
        figure,
        population,
        ["Idlib", "Hama", "Aleppo", "Latakia"],
        "late April 2019",
        "2019-08-20",
        perpetrators=["Russian forces"],
    )


def airwars_expected(grades: set[str] | None, stem: str = "civilians_killed") -> pd.DataFrame:
    frame = airwars_frame()
    scope = frame["place"].isin(AIRWARS_NORTHWEST)
    scope &= frame["belligerents"].fillna("").str.contains("Russian Military")
    scope &= (frame["start"] >= "2019-04-21") & (frame["end"] <= "2019-08-20")
    if grades is None:
        scope &= frame["grading"].fillna("") != "Discounted"
    else:
        scope &= frame["grading"].isin(grades)
    return frame[scope & frame[f"{stem}_low"].notna()]


@needs_shared
def test_airwars_idlib_window_of_2019() -> None:
    events = loaded(AIRWARS)
    assert events.kind == "airwars"
    (ref,) = cross_check(events, [idlib_2019()])
    rows = airwars_expected(None)
    assert (ref.low, ref.high) == (
        int(rows["civilians_killed_low"].sum()),
        int(rows["civilians_killed_high"].sum()),
    )
    assert ref.best is None
    assert ref.events == len(rows)
    assert ref.window_start == dt.date(2019, 4, 21)
    assert ref.window_end == dt.date(2019, 8, 20)
    assert ref.comparison == compare(731, None, ref.reference_range)
    assert ref.reference_range == (ref.low, ref.high)
    assert any("not Syrian government strikes" in note for note in ref.notes) is False
    assert ref.sentence.startswith(f"Airwars: {ref.low:,} to {ref.high:,} civilians killed in ")
    assert "Russian forces" in ref.sentence and "21 Apr 2019 to 20 Aug 2019" in ref.sentence
    # A claim that also counts the Syrian government is told what Airwars covers.
    (wider,) = cross_check(
        events,
        [
            claim(
                "w",
                "more than 730",
                "civilians",
                ["Idlib"],
                "late April 2019",
                "2019-08-20",
                perpetrators=["Syrian government", "Russian forces"],
            )
        ],
    )
    assert any(
        "Airwars covers the strikes of the belligerents it monitors (in this file: Russian "
        "forces, US-led coalition, Turkish forces and 8 more), not Syrian government strikes"
        in note
        for note in wider.notes
    )


@needs_shared
def test_airwars_grades_and_children() -> None:
    events = loaded(AIRWARS)
    (graded,) = cross_check(events, [idlib_2019()], grades=["confirmed", "Fair"])
    rows = airwars_expected({"Confirmed", "Fair"})
    assert (graded.low, graded.high, graded.events) == (
        int(rows["civilians_killed_low"].sum()),
        int(rows["civilians_killed_high"].sum()),
        len(rows),
    )
    assert graded.grades == ("Confirmed", "Fair")
    assert graded.excluded["graded Contested"] > 0
    (children,) = cross_check(events, [idlib_2019("children", "more than 100")])
    kids = airwars_expected(None, "children_killed")
    assert (children.low, children.high) == (
        int(kids["children_killed_low"].sum()),
        int(kids["children_killed_high"].sum()),
    )
    (people,) = cross_check(events, [idlib_2019("people")])
    assert people.comparison is None and people.low is None
    assert "no figure for people killed" in people.sentence


@needs_shared
def test_airwars_spellings_meet_and_bad_rows_are_counted() -> None:
    events = loaded(AIRWARS)
    frame = airwars_frame()
    # Both spellings of Deir ez-Zor are in the file and both are summed.
    assert {"Deir Ezzor", "Deir ez-Zor"} <= set(frame["governorate"].dropna())
    (ref,) = cross_check(events, [claim("d", "1", "civilians", ["Deir ez-Zor"], "2017", "2017")])
    spellings = {"Deir Ezzor", "Deir ez-Zor", "Deir Ez-Zor", "Deir Ez-zor", "Deir Ez Zor"}
    spellings |= {"Deir Ez-Zour"}
    rows = frame[
        frame["place"].isin(spellings)
        & (frame["start"] >= "2017-01-01")
        & (frame["end"] <= "2017-12-31")
        & (frame["grading"].fillna("") != "Discounted")
        & frame["civilians_killed_low"].notna()
    ]
    assert set(rows["place"]) >= {"Deir Ezzor", "Deir ez-Zor"}
    assert (ref.low, ref.high, ref.events) == (
        int(rows["civilians_killed_low"].sum()),
        int(rows["civilians_killed_high"].sum()),
        len(rows),
    )
    # The 1970-01-01 incident and the undated ones are counted by reason, with their codes.
    epoch = [reason for reason in events.unreadable if reason.startswith("date 1970-01-01")]
    assert epoch and events.unreadable[epoch[0]] == 1
    assert events.examples[epoch[0]] == ["TRSOM001"]
    assert events.unreadable["no date"] == int(frame["date"].isna().sum())
    assert events.rows + sum(events.unreadable.values()) == len(frame)
    assert ref.unreadable == events.unreadable
    assert any(reason.endswith("(in the file)") for reason in ref.skipped)


# --- output shapes -------------------------------------------------------------------------------


@needs_shared
def test_reference_rows_and_text() -> None:
    events = loaded(AIRWARS)
    references = cross_check(events, [idlib_2019(), idlib_2019("people")])
    rows = reference_rows(references)
    assert [list(row) for row in rows] == [list(REFERENCE_COLUMNS)] * 2
    first = rows[0]
    assert first["claim"] == "uossm-2019-08-20"
    assert first["reference_low"] == references[0].low
    assert first["claim_high"] is None and first["claim_low"] == 731
    assert first["perpetrators"] == "Russian forces"
    assert first["area"] == "Aleppo; Hama; Idlib; Latakia"
    assert rows[1]["comparison"] is None
    text = render_text(references)
    assert text.count("uossm-2019-08-20: Airwars") == 2
    assert text.startswith("Airwars file ") and "unreadable row(s) left out (no date: " in text


@pytest.mark.parametrize(
    ("low", "high", "reference", "expected"),
    [
        (731, None, (600, 900), "inside"),
        (731, None, (100, 700), "above"),
        (500, 500, (600, 900), "below"),
        (900, 900, (600, 900), "inside"),
        (160, 300, (301, 400), "below"),
        (0, 299, (0, 0), "inside"),
        (5, 5, None, None),
    ],
)
def test_comparison(
    low: int, high: int | None, reference: tuple[int, int] | None, expected: str | None
) -> None:
    assert compare(low, high, reference) == expected


@pytest.mark.parametrize(
    ("figure", "reference", "comparison", "words"),
    [
        (
            "at least 400",
            (2043, 2187),
            "inside",
            "the claim's floor 'at least 400' is below this range, which a floor allows",
        ),
        ("at least 2,100", (2043, 2187), "inside", "the claim's floor 'at least 2,100' is inside"),
        ("more than 730", (100, 700), "above", "the claim's floor 'more than 730' is above"),
        ("up to 300", (500, 600), "below", "the claim's ceiling 'up to 300' is below this range"),
        (
            "up to 30",
            (5, 12),
            "inside",
            "the claim's ceiling 'up to 30' is above this range, which a ceiling allows",
        ),
        ("fewer than 10", (5, 12), "inside", "the claim's ceiling 'fewer than 10' is inside"),
        ("100 to 500", (200, 300), "inside", "the claim's '100 to 500' overlaps this range"),
        ("250", (200, 300), "inside", "the claim's '250' is inside this range"),
        ("900", (200, 300), "above", "the claim's '900' is above this range"),
        ("5", None, None, "the claim's '5' is not comparable"),
    ],
)
def test_relation_words_fit_floors_and_ceilings(
    figure: str, reference: tuple[int, int] | None, comparison: str | None, words: str
) -> None:
    parsed = parse_figure(figure)
    assert compare(parsed.low, parsed.high, reference) == comparison
    text = relation_text(parsed.low, parsed.high, parsed.qualifier, parsed.text, reference)
    assert text.startswith(words)
    if comparison == "inside" and "allows" in words:
        # The wording says where the bound lies; the comparison value stays "inside".
        assert "inside" not in text
