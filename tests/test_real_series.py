"""Timelines of real daily tolls from ../shared/data/tolls (skipped in a fresh clone).

Gaza: the Ministry of Health's (`mohtel`) and the Government Media Office's (`gmotel`) daily
cumulative killed, children and women, one report a day from one or the other. Days marked
`missing` (no report) and the dataset's own extrapolated `ext_` columns are left out: only
figures somebody published become claims.

West Bank: UN OCHA's verified cumulative killed beside its flash-update figure for the same day.
Only flash figures OCHA published that day (`flash_source: un`) become claims; `fill` days carry
a previous figure forward and are left out.

Building every series takes milliseconds, so all days are used. Interpolation is checked on a
sample: the series rebuilt from every 7th report, then estimated on the days left out.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from casualty_recon.analysis.timeline import Series, build_timelines
from casualty_recon.grammar.places import Gazetteer
from casualty_recon.model.claims import Area, Claim, DayRange, Figure, Perpetrators
from casualty_recon.model.spans import Span

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
TOLLS = SHARED / "tolls"
pytestmark = pytest.mark.skipif(
    not TOLLS.exists(), reason="../shared/data is not here (fresh clone)"
)

GAZA_SOURCES = {"mohtel": "MoH", "gmotel": "GMO"}
GAZA_FIELDS = {
    "killed_cum": "people",
    "killed_children_cum": "children",
    "killed_women_cum": "women",
}
WEST_BANK_FIELDS = {"killed_cum": "people", "killed_children_cum": "children"}
START = "2023-10-07"
SAMPLE_EVERY = 7


def day(iso: str) -> DayRange:
    when = dt.date.fromisoformat(iso)
    return DayRange(when, when, iso)


def area(name: str) -> Area:
    return Area((name,), Gazetteer().resolve(name))


def toll_claim(
    claim_id: str,
    source: str,
    value: int,
    population: str,
    report_date: str,
    *,
    basis: str,
    where: Area,
) -> Claim:
    return Claim(
        id=claim_id,
        source=source,
        figure=Figure(value, value, "exact", f"{value:,}"),
        population=population,
        outcome="killed",
        perpetrators=Perpetrators((), None),
        area=where,
        start=day(START),
        as_of=day(report_date),
        published=day(report_date),
        basis=basis,
    )


def read(name: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads((TOLLS / name).read_text(encoding="utf-8"))
    return rows


@cache
def gaza_claims() -> tuple[Claim, ...]:
    where = area("Gaza Strip")
    claims = []
    for row in read("gaza-daily.json"):
        source = GAZA_SOURCES.get(row["report_source"])
        if source is None:
            continue
        for field, population in GAZA_FIELDS.items():
            if row.get(field) is not None:
                claim_id = f"{source}-{population}-{row['report_date']}"
                claims.append(
                    toll_claim(
                        claim_id,
                        source,
                        row[field],
                        population,
                        row["report_date"],
                        basis="reported",
                        where=where,
                    )
                )
    return tuple(claims)


@cache
def west_bank_claims() -> tuple[Claim, ...]:
    where = area("West Bank")
    claims = []
    for row in read("west-bank-daily.json"):
        date = row["report_date"]
        for field, population in WEST_BANK_FIELDS.items():
            verified = row.get("verified", {}).get(field)
            if verified is not None:
                claims.append(
                    toll_claim(
                        f"ocha-verified-{population}-{date}",
                        "OCHA",
                        verified,
                        population,
                        date,
                        basis="verified",
                        where=where,
                    )
                )
            if row.get("flash_source") == "un" and row.get(field) is not None:
                claims.append(
                    toll_claim(
                        f"ocha-flash-{population}-{date}",
                        "OCHA",
                        row[field],
                        population,
                        date,
                        basis="reported",
                        where=where,
                    )
                )
    return tuple(claims)


def by_label(series: list[Series]) -> dict[str, Series]:
    labels = [s.label for s in series]
    assert len(labels) == len(set(labels)), labels
    return {s.label: s for s in series}


@cache
def gaza() -> dict[str, Series]:
    return by_label(build_timelines(gaza_claims()))


@cache
def west_bank() -> dict[str, Series]:
    return by_label(build_timelines(west_bank_claims()))


def all_series() -> Iterator[Series]:
    yield from gaza().values()
    yield from west_bank().values()


# --- what must hold ----------------------------------------------------------------------------


def test_each_source_and_population_is_one_series() -> None:
    assert sorted(gaza()) == [
        f"{source}: {population} killed, by any party, reported"
        for source in ("GMO", "MoH")
        for population in ("children", "people", "women")
    ]
    assert sorted(west_bank()) == [
        f"OCHA: {population} killed, by any party, {basis}"
        for population in ("children", "people")
        for basis in ("reported", "verified")
    ]
    moh = gaza()["MoH: people killed, by any party, reported"]
    assert len(moh.points) > 900  # a report nearly every day for more than two years


def test_cumulative_series_rise_except_where_a_revision_is_flagged() -> None:
    for series in all_series():
        flagged = {(r.older.id, r.newer.id) for r in series.revisions}
        for segment in series.segments:
            pair = (segment.first.claim.id, segment.second.claim.id)
            if segment.change.low < 0:
                assert segment.revision and pair in flagged, (series.label, pair)
            else:
                assert not segment.revision and pair not in flagged, (series.label, pair)
            assert segment.rate.low >= 0


def test_the_ministry_of_health_women_revision_is_flagged() -> None:
    """The MoH women count fell from 1,000 (19 October 2023) to 967 (21 October)."""
    women = gaza()["MoH: women killed, by any party, reported"]
    revisions = [(r.older.figure.low, r.newer.figure.low) for r in women.revisions]
    assert (1000, 967) in revisions
    assert all(not s.revisions for s in gaza().values() if s is not women)


def test_interpolated_values_lie_between_their_neighbours() -> None:
    full = gaza()["MoH: people killed, by any party, reported"]
    reports = [p.claim for p in full.points]
    sample = reports[::SAMPLE_EVERY]
    (sampled,) = build_timelines(sample)
    kept = {c.id for c in sample}
    held_out = [
        c for c in reports if c.id not in kept and c.as_of.earliest < sample[-1].as_of.earliest
    ]
    assert len(held_out) > 500
    for claim in held_out:
        when = claim.as_of.earliest
        estimate = sampled.value_at(when)
        assert estimate is not None and not estimate.extrapolated
        before = max((p for p in sampled.points if p.latest < when), key=lambda p: p.latest)
        after = min((p for p in sampled.points if p.earliest > when), key=lambda p: p.earliest)
        assert before.value.low <= estimate.value.low <= estimate.value.high <= after.value.high
        # The published figure of that day lies between the same neighbours (no revision here).
        assert before.value.low <= claim.figure.low <= after.value.high
        assert {before.claim.id, after.claim.id} <= set(estimate.claim_ids)


def test_government_media_office_days_read_against_the_ministry_series() -> None:
    """The GMO reported on days the MoH did not; the MoH series gives an interval there."""
    moh = gaza()["MoH: people killed, by any party, reported"]
    gmo = gaza()["GMO: people killed, by any party, reported"]
    for point in gmo.points:
        estimate = moh.value_at(point.earliest)
        assert estimate is not None and not estimate.extrapolated
        assert estimate.value.low <= estimate.value.high


def verified_to_flash(population: str) -> list[tuple[dt.date, Span]]:
    """The verified count over the flash count, day by day, as intervals."""
    verified = west_bank()[f"OCHA: {population} killed, by any party, verified"]
    flash = west_bank()[f"OCHA: {population} killed, by any party, reported"]
    ratios = []
    for point in verified.points:
        estimate = flash.value_at(point.earliest)
        assert estimate is not None and not estimate.extrapolated
        ratio = point.value.divide(estimate.value)
        if ratio is not None:  # a flash count of 0 children on the first days
            ratios.append((point.earliest, ratio))
    return ratios


@pytest.mark.parametrize("population", ["people", "children"])
def test_verified_to_flash_ratio_stays_within_the_data_bounds(population: str) -> None:
    field = "killed_cum" if population == "people" else "killed_children_cum"
    rows = read("west-bank-daily.json")
    flash = {
        dt.date.fromisoformat(r["report_date"]): r[field]
        for r in rows
        if r.get("flash_source") == "un"
    }
    flash_days = sorted(flash)
    ratios = verified_to_flash(population)
    assert len(ratios) > 350  # verified figures run from October 2023 to November 2024
    same_day = 0
    for when, ratio in ratios:
        verified = next(r["verified"][field] for r in rows if r["report_date"] == when.isoformat())
        previous = max(d for d in flash_days if d <= when)
        following = min(d for d in flash_days if d >= when)
        if previous == when:
            same_day += 1
            assert (ratio.low, ratio.high) == pytest.approx((verified / flash[when],) * 2)
        # A cumulative flash count between its two reports bounds the ratio.
        low = verified / flash[following]
        high = verified / flash[previous] if flash[previous] else float("inf")
        assert low - 1e-9 <= ratio.low <= ratio.high <= high + 1e-9, when
    assert same_day > 150
    # Over the whole period, people: verified counts run from 95% to 200% of the flash counts.
    if population == "people":
        published = [r for r in rows if "verified" in r and r.get("flash_source") == "un"]
        own = [r["verified"][field] / r[field] for r in published]
        assert min(own) == pytest.approx(0.951, abs=0.001) and max(own) == 2.0
        assert all(min(own) <= ratio.mid <= max(own) for _, ratio in ratios)
