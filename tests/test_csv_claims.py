"""A claims CSV back to a v1 document: spreadsheet edits, located problems, round trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_csv_export import seed_sources

from casualty_recon.load.claims_csv import claims_csv_to_document
from casualty_recon.load.loader import load, load_document, read_claims_csv
from casualty_recon.model.errors import InputError
from casualty_recon.render.csv import claims_rows, to_csv_bytes

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "sources.yaml"


def export(sources: object, **options: object) -> bytes:
    opts: dict[str, object] = {"bom": True, "delimiter": ",", "hxl": False} | options
    return to_csv_bytes("claims", claims_rows(sources), **opts)  # type: ignore[arg-type]


def reimport(data: bytes, path: str = "claims.csv") -> object:
    return read_claims_csv(data.decode("utf-8"), path)


@pytest.mark.parametrize("hxl", [False, True])
@pytest.mark.parametrize("delimiter", [",", ";"])
@pytest.mark.parametrize("bom", [True, False])
def test_export_import_export_gives_identical_bytes(hxl: bool, delimiter: str, bom: bool) -> None:
    first = export(seed_sources(), hxl=hxl, delimiter=delimiter, bom=bom)
    second = export(reimport(first), hxl=hxl, delimiter=delimiter, bom=bom)
    assert second == first


@pytest.mark.skipif(not BUNDLED.exists(), reason="the bundled sources.yaml is not written yet")
def test_bundled_file_round_trips_through_csv() -> None:
    first = export(load(BUNDLED), hxl=True)
    assert export(reimport(first), hxl=True) == first


def test_document_recreates_sources_areas_and_parties() -> None:
    document, _ = claims_csv_to_document(export(seed_sources()).decode("utf-8"), "c.csv")
    assert document["areas"] == {"northwest Syria": ["Hama", "Idlib"]}
    assert document["parties"] == {"pro-government": ["Russian forces", "Syrian government"]}
    assert document["sources"] == {
        "UOSSM": {"name": "Union of Medical Care and Relief Organizations", "kind": "ngo"},
        "OHCHR": {"kind": "un"},
    }
    claims = document["claims"]
    assert isinstance(claims, list)
    assert claims[0]["figure"] == "more than 730"
    assert claims[1]["area"] == ["southern Idlib", "Hama"]
    assert "perpetrators" not in claims[1]  # `any` is the default
    assert list(document) == ["version", "areas", "parties", "sources", "claims"]


HEADER = "id,source,figure_text,population,outcome,area,area_places,as_of"


def test_region_from_brief_is_recreated_from_its_places() -> None:
    text = (
        f"{HEADER}\n"
        "a,U,730,civilians,killed,northwest Syria,SY-ID; SY-HM; SY-HL; SY-LA,2019-08-20\n"
        "b,O,500,civilians,killed,northwest Syria; Idlib,SY-ID; SY-HM; SY-HL; SY-LA,2019-08-08\n"
    )
    document, _ = claims_csv_to_document(text, "c.csv")
    assert document["areas"] == {"northwest Syria": ["Aleppo", "Hama", "Idlib", "Latakia"]}


def test_spreadsheet_saved_file_is_read() -> None:
    # LF line ends, ';' delimiter, no BOM, columns reordered, a neutralised cell, dates rewritten
    # day-first by a spreadsheet, a trailing empty row.
    text = (
        "source;id;figure_text;population;outcome;area;as_of;as_of_earliest;notes\n"
        "OHCHR;x-1;more than 500;civilians;killed;Idlib;08/08/2019;08/08/2019;'=not a formula\n"
        "OHCHR;x-2;1,089;civilians;killed;Idlib;29/08/2019;29/08/2019;'-\n"
        ";;;;;;;;\n"
    )
    sources = read_claims_csv(text, "edited.csv")
    assert [claim.id for claim in sources.claims] == ["x-1", "x-2"]
    first, second = sources.claims
    assert first.notes == "=not a formula" and second.notes == "-"
    assert str(second.as_of.earliest) == "2019-08-29" and second.figure.low == 1089
    assert first.as_of.text == "2019-08-08"


def test_ambiguous_spreadsheet_dates_are_refused_with_a_hint() -> None:
    text = f"{HEADER},as_of_earliest\na,S,5,civilians,killed,Idlib,,2019-05-04,05/04/2019\n"
    with pytest.raises(InputError) as caught:
        claims_csv_to_document(text, "c.csv")
    (problem,) = caught.value.problems
    assert problem.code == "bad-csv"
    assert (problem.location.line, problem.location.column) == (2, 42)
    assert problem.hint and "YYYY-MM-DD" in problem.hint


def test_missing_columns_are_named_with_a_location() -> None:
    text = "id,source,figure_text,populaton,area\na,S,5,civilians,Idlib\n"
    with pytest.raises(InputError) as caught:
        claims_csv_to_document(text, "c.csv")
    (problem,) = caught.value.problems
    assert problem.code == "bad-csv"
    assert str(problem.location) == "c.csv:1:37"
    assert problem.message == "the CSV has no population, outcome, as_of columns"
    assert problem.hint == "did you mean populaton for population?"


def test_figure_low_alone_is_enough() -> None:
    text = (
        "id,source,figure_low,figure_high,population,outcome,area,as_of\n"
        "a,S,731,,civilians,killed,Idlib,2019-08-20\n"
        "b,S,160,300,civilians,killed,Idlib,2019-08-21\n"
    )
    sources = read_claims_csv(text, "c.csv")
    assert [(c.figure.low, c.figure.high) for c in sources.claims] == [(731, None), (160, 300)]


def test_edited_derived_figure_is_reported_not_lost() -> None:
    data = export(seed_sources(), bom=False).decode("utf-8")
    edited = data.replace("more than 730,731,", "more than 730,800,")
    with pytest.raises(InputError) as caught:
        claims_csv_to_document(edited, "c.csv")
    (problem,) = caught.value.problems
    assert problem.location.line == 2
    assert "figure_text `more than 730`, which means [731, open]" in problem.message


def test_edited_derived_date_is_reported() -> None:
    data = export(seed_sources(), bom=False).decode("utf-8")
    edited = data.replace("late April 2019,2019-04-21", "late April 2019,2019-04-01")
    with pytest.raises(InputError) as caught:
        claims_csv_to_document(edited, "c.csv")
    assert "start_earliest 2019-04-01 does not match start `late April 2019`" in str(caught.value)


def test_empty_start_text_is_rebuilt_from_its_days() -> None:
    data = export(seed_sources(), bom=False).decode("utf-8")
    edited = data.replace("late April 2019,2019-04-21", ",2019-04-21")
    sources = read_claims_csv(edited, "c.csv")
    start = sources.claims[0].start
    assert start is not None and start.text == "2019-04-21..2019-04-30"


def test_conflicting_source_names_are_reported() -> None:
    text = (
        "id,source,source_name,figure_text,population,outcome,area,as_of\n"
        "a,S,One,5,civilians,killed,Idlib,2019-08-20\n"
        "b,S,Two,6,civilians,killed,Idlib,2019-08-21\n"
    )
    with pytest.raises(InputError, match="source S has the name `Two` here but `One` on line 2"):
        claims_csv_to_document(text, "c.csv")


def test_loader_problems_point_at_the_cell() -> None:
    text = f"{HEADER}\na,S,5,civilans,killed,Idlib,,2019-08-20\n"
    with pytest.raises(InputError) as caught:
        read_claims_csv(text, "c.csv")
    (problem,) = caught.value.problems
    assert problem.code == "unknown-population"
    assert str(problem.location) == "c.csv:2:7"


def test_quoted_cells_with_newlines_keep_positions() -> None:
    text = (
        "id,notes,source,figure_text,population,outcome,area,as_of\r\n"
        'a,"two\r\nlines",S,5,civilians,killed,Idlib,2019-08-20\r\n'
        "b,,S,5,civilans,killed,Idlib,2019-08-20\r\n"
    )
    with pytest.raises(InputError) as caught:
        read_claims_csv(text, "c.csv")
    (problem,) = caught.value.problems
    assert str(problem.location) == "c.csv:4:8"


def test_load_document_positions_cover_every_claim_field() -> None:
    document, positions = claims_csv_to_document(export(seed_sources()).decode("utf-8"), "c.csv")
    claims = document["claims"]
    assert isinstance(claims, list)
    for index, claim in enumerate(claims):
        for field in claim:
            assert ("claims", index, field) in positions
    sources = load_document(document, "c.csv", positions)
    assert sources.claims[1].location is not None
    assert sources.claims[1].location.line == 3


def test_party_groups_are_recreated_beside_built_in_parties() -> None:
    text = (
        "id,source,figure_text,population,outcome,area,as_of,perpetrators,perpetrator_parties\n"
        "a,S,5,civilians,killed,Idlib,2019-08-20,allies; Syrian regime,"
        "Iranian militias; Syrian government; Wagner\n"
        "b,S,6,civilians,killed,Idlib,2019-08-21,any,\n"
    )
    document, _ = claims_csv_to_document(text, "c.csv")
    assert document["parties"] == {"allies": ["Iranian militias", "Wagner"]}
    sources = read_claims_csv(text, "c.csv")
    parties = sources.claims[0].perpetrators.parties
    assert parties == {"Iranian militias", "Syrian government", "Wagner Group"}
    assert sources.claims[1].perpetrators.is_any


def test_edited_resolved_column_alone_is_reported() -> None:
    text = f"{HEADER}\na,S,5,civilians,killed,Idlib,SY-ID; SY-HM,2019-08-20\n"
    with pytest.raises(InputError) as caught:
        claims_csv_to_document(text, "c.csv")
    (problem,) = caught.value.problems
    assert problem.message == "area_places lists SY-HM, which area `Idlib` does not name"
    assert str(problem.location) == "c.csv:2:30"


def test_import_refuses_to_write_what_validate_would_refuse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 16 item 8: a CSV under the input limit whose sources.yaml is over it."""
    from typer.testing import CliRunner

    from casualty_recon.cli.app import app
    from casualty_recon.load import reading, yaml_nodes, yaml_writer
    from casualty_recon.load.loader import loads

    rows = [f"c{n},S,{n},civilians,killed,Idlib,2019-08-20" for n in range(200)]
    csv_text = "id,source,figure_text,population,outcome,area,as_of\n" + "\n".join(rows) + "\n"
    source = tmp_path / "claims.csv"
    source.write_text(csv_text, encoding="utf-8")
    limit = len(csv_text) + 100  # the CSV fits; its sources.yaml (a line a field) does not
    for module in (reading, yaml_nodes, yaml_writer):
        monkeypatch.setattr(module, "MAX_BYTES", limit)
    target = tmp_path / "sources.yaml"
    result = CliRunner().invoke(app, ["import", str(source), "-o", str(target)])
    assert result.exit_code == 1, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith(
        f"error: {source}:1:1: the sources.yaml written from it would be "
    )
    assert f"over the limit of {limit:,}" in result.stderr
    assert not target.exists()
    monkeypatch.setattr(yaml_writer, "MAX_BYTES", 10 * limit)
    text = yaml_writer.sources_yaml(claims_csv_to_document(csv_text, "c.csv")[0], "c.csv")
    with pytest.raises(InputError) as caught:
        loads(text, "sources.yaml")  # what validate does with it under the same limit
    assert caught.value.problems[0].code == "too-large"


def test_complete_survives_a_round_trip_through_claims_csv() -> None:
    """`complete: true` on a whole goes to claims.csv and back (synthetic figures)."""
    from casualty_recon.load.claims_csv import claims_csv_to_document
    from casualty_recon.load.loader import load_document, loads
    from casualty_recon.render.csv import claims_rows, to_csv_bytes

    sources = loads(
        "version: 1\nsources:\n  C: {name: Agency C}\nclaims:\n"
        "  - {id: whole, source: C, figure: 1000, population: civilians, outcome: killed,"
        " area: Syria, as_of: 2020-02-01, complete: true}\n"
        "  - {id: part, source: C, figure: 800, population: civilians, outcome: killed,"
        " area: Idlib, as_of: 2020-02-01, breakdown_of: whole}\n"
    )
    data = to_csv_bytes("claims", claims_rows(sources), bom=False, delimiter=",")
    document, positions = claims_csv_to_document(data.decode("utf-8"), "claims.csv")
    back = load_document(document, "claims.csv", positions)
    assert [claim.complete for claim in back.claims] == [True, False]
