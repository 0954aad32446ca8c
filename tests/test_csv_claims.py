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
    assert (problem.location.line, problem.location.column) == (2, 9)  # row 2, column I
    assert problem.hint and "YYYY-MM-DD" in problem.hint


def test_missing_columns_are_named_with_a_location() -> None:
    text = "id,source,figure_text,populaton,area\na,S,5,civilians,Idlib\n"
    with pytest.raises(InputError) as caught:
        claims_csv_to_document(text, "c.csv")
    (problem,) = caught.value.problems
    assert problem.code == "bad-csv"
    assert str(problem.location) == "c.csv:1:6"  # the column after the last header
    assert problem.message == "the CSV has no population, outcome, as_of columns"
    assert problem.hint == "did you mean populaton for population?"


def test_one_missing_column_with_no_close_header_lists_the_required_ones() -> None:
    text = "id,source,figure_text,population,outcome,area,zzz\na,S,5,civilians,killed,Idlib,x\n"
    with pytest.raises(InputError) as caught:
        claims_csv_to_document(text, "c.csv")
    (problem,) = caught.value.problems
    assert problem.message == "the CSV has no as_of column"
    assert problem.hint == (
        "required columns: id, source, figure_text, population, outcome, area, as_of"
    )


def test_figure_low_alone_is_enough() -> None:
    text = (
        "id,source,figure_low,figure_high,population,outcome,area,as_of\n"
        "a,S,731,,civilians,killed,Idlib,2019-08-20\n"
        "b,S,160,300,civilians,killed,Idlib,2019-08-21\n"
    )
    sources = read_claims_csv(text, "c.csv")
    assert [(c.figure.low, c.figure.high) for c in sources.claims] == [(731, None), (160, 300)]


def _row_of(data: str, claim_id: str) -> int:
    """The spreadsheet row (the header is row 1) of a claim in an exported claims.csv."""
    lines = data.split("\r\n")
    return next(i for i, line in enumerate(lines, start=1) if line.startswith(claim_id + ","))


def test_edited_figure_text_alone_re_derives_the_bounds() -> None:
    """Issue 17 item 1: a spreadsheet user changes only figure_text (synthetic figures)."""
    data = export(seed_sources(), bom=False).decode("utf-8")
    assert "more than 730,731,,more_than" in data
    edited = data.replace("more than 730,731,,", '"more than 2,200",731,,')
    sources = reimport(edited.encode("utf-8"))
    figure = sources.claims[0].figure  # type: ignore[attr-defined]
    assert (figure.low, figure.high, figure.text) == (2201, None, "more than 2,200")
    (note,) = sources.notes  # type: ignore[attr-defined]
    assert str(note) == (
        f"note: claims.csv:{_row_of(data, 'uossm-2019-08-21')}:6: figure_low and figure_high "
        "(731, empty) are re-derived from figure_text `more than 2,200`: [2201, open]"
    )
    # the text may change form too: `about` gets both bounds from the text
    edited = data.replace("more than 730,731,,", "about 900,731,,")
    figure = reimport(edited.encode("utf-8")).claims[0].figure  # type: ignore[attr-defined]
    assert (figure.low, figure.high, figure.qualifier) == (810, 990, "about")


def test_edited_bounds_alone_rewrite_the_text() -> None:
    data = export(seed_sources(), bom=False).decode("utf-8")
    edited = data.replace("more than 730,731,,", "more than 730,731,900,")
    sources = reimport(edited.encode("utf-8"))
    figure = sources.claims[0].figure  # type: ignore[attr-defined]
    assert (figure.low, figure.high, figure.text) == (731, 900, "between 731 and 900")
    (note,) = sources.notes  # type: ignore[attr-defined]
    assert "figure_text `more than 730` is rewritten as `between 731 and 900`" in note.message
    # and the file it makes exports to the edited bounds
    again = export(sources, bom=False).decode("utf-8")
    assert "between 731 and 900,731,900,range" in again


def test_bounds_edited_out_of_order_are_refused_at_figure_low() -> None:
    """A user who raises only figure_low above figure_high (synthetic figures) is told so at
    the figure_low cell, in the columns' own words; it was refused at figure_text quoting a
    `{low: 900, high: 300}` the user never wrote. Without figure_text, the same."""
    data = export(seed_sources(), bom=False).decode("utf-8")
    row = _row_of(data, "uossm-2019-08-21")
    for edited in (
        data.replace("more than 730,731,,", "more than 730,900,300,"),
        data.replace("more than 730,731,,", ",900,300,"),
    ):
        with pytest.raises(InputError) as caught:
            claims_csv_to_document(edited, "c.csv")
        (problem,) = caught.value.problems
        assert str(problem.location) == f"c.csv:{row}:7"
        assert problem.message == "figure_low 900 is above figure_high 300"
        assert problem.hint is not None and "at most its high end" in problem.hint


def test_bounds_of_the_exported_form_are_stale_so_the_text_counts() -> None:
    """When the bounds are still a figure of the exported form (`more than n`), which cell was
    edited cannot be told from the row: figure_text, the authority, is kept and a note names
    the bounds it replaced, so the edit is never lost silently."""
    data = export(seed_sources(), bom=False).decode("utf-8")
    edited = data.replace("more than 730,731,,", "more than 730,800,,")
    sources = reimport(edited.encode("utf-8"))
    assert sources.claims[0].figure.low == 731  # type: ignore[attr-defined]
    (note,) = sources.notes  # type: ignore[attr-defined]
    assert note.message.startswith("figure_low and figure_high (800, empty) are re-derived")


def test_figure_edited_in_both_cells_is_a_conflict_located_at_row_and_column() -> None:
    data = export(seed_sources(), bom=False).decode("utf-8")
    edited = data.replace("more than 730,731,,", "about 900,731,2000,")
    with pytest.raises(InputError) as caught:
        claims_csv_to_document(edited, "c.csv")
    (problem,) = caught.value.problems
    assert str(problem.location) == f"c.csv:{_row_of(data, 'uossm-2019-08-21')}:7"
    assert problem.message == (
        "figure_low and figure_high (731, 2000) do not match figure_text `about 900`, which "
        "means [810, 990], and both look edited"
    )
    assert problem.hint is not None and "empty figure_text to keep the bounds" in problem.hint


def test_hand_made_csv_without_qualifier_refuses_disagreeing_figures() -> None:
    text = (
        "id,source,figure_text,figure_low,figure_high,population,outcome,area,as_of\n"
        "a,S,500,450,550,civilians,killed,Idlib,2019-08-20\n"
    )
    with pytest.raises(InputError) as caught:
        claims_csv_to_document(text, "c.csv")
    (problem,) = caught.value.problems
    assert "without the qualifier column it cannot be told which was edited" in problem.message


def test_loader_problems_name_the_column_header() -> None:
    """A problem at a cell names its column (the message may not), at row and column number."""
    text = (
        "id,source,figure_text,population,outcome,area,as_of,basis\n"
        "a,S,5,civilians,killed,Idlib,2019-08-20,verified\n"
        "b,S,5,civilians,killed,Idlib,2019-08-40,verified\n"
        "c,S,more than,civilians,killed,Idlib,2019-08-20,verified\n"
        "d,S,5,,killed,Idlib,2019-08-20,verified\n"
    )
    with pytest.raises(InputError) as caught:
        read_claims_csv(text, "c.csv")
    shown = [f"{p.location} {p.message}" for p in caught.value.problems]
    assert shown[0].startswith("c.csv:3:7 as_of: ")
    assert shown[1].startswith("c.csv:4:3 figure_text: ")
    assert shown[2] == "c.csv:5:4 claim d has no `population`"  # at the empty cell
    assert len(shown) == 3


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
    assert str(problem.location) == "c.csv:2:4"


def test_quoted_cells_with_newlines_keep_positions() -> None:
    text = (
        "id,notes,source,figure_text,population,outcome,area,as_of\r\n"
        'a,"two\r\nlines",S,5,civilians,killed,Idlib,2019-08-20\r\n'
        "b,,S,5,civilans,killed,Idlib,2019-08-20\r\n"
    )
    with pytest.raises(InputError) as caught:
        read_claims_csv(text, "c.csv")
    (problem,) = caught.value.problems
    assert str(problem.location) == "c.csv:3:5"  # the spreadsheet's row 3, column E


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
    assert str(problem.location) == "c.csv:2:7"


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


def test_import_cli_re_derives_an_edited_figure_and_refuses_a_conflict(tmp_path: Path) -> None:
    """Issue 17 item 1 through the command: a note on stderr, the YAML on stdout; a conflict is
    one located error and exit 1 (synthetic figures)."""
    from typer.testing import CliRunner

    from casualty_recon.cli.app import app

    data = export(seed_sources(), bom=False).decode("utf-8")
    row = _row_of(data, "uossm-2019-08-21")
    edited = tmp_path / "claims.csv"
    edited.write_text(data.replace("more than 730,731,,", '"more than 2,200",731,,'), "utf-8")
    result = CliRunner().invoke(app, ["import", str(edited)])
    assert result.exit_code == 0, result.stderr
    assert "figure: more than 2,200\n" in result.stdout
    assert result.stderr == (
        f"note: {edited}:{row}:6: figure_low and figure_high (731, empty) are re-derived from "
        "figure_text `more than 2,200`: [2201, open]\n"
    )
    both = tmp_path / "both.csv"
    both.write_text(data.replace("more than 730,731,,", "about 900,731,2000,"), "utf-8")
    result = CliRunner().invoke(app, ["import", str(both)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(
        f"error: {both}:{row}:7: figure_low and figure_high (731, 2000) do not match "
        "figure_text `about 900`"
    )
    assert "Traceback" not in result.stderr


def test_a_misspelt_area_re_created_from_its_places_is_noted() -> None:
    """A spreadsheet user who misspells an area cell (`Rafha`) keeps its places in area_places,
    so the row imports as a named area `Rafha`: a note says so and names the place it is close
    to. A named area no place is close to is re-created without a note (synthetic figures)."""
    text = (
        "id,source,figure_text,population,outcome,area,area_places,as_of\n"
        "a,S,10,civilians,killed,Rafha,PS-RFH,2024-01-01\n"
        "b,S,12,civilians,killed,eastern front,PS-KYS; PS-RFH,2024-01-02\n"
    )
    sources = read_claims_csv(text, "c.csv")
    assert sorted(sources.areas) == ["Rafha", "eastern front"]
    assert [str(note) for note in sources.notes] == [
        "note: c.csv:2:6: area `Rafha` is no known place (did you mean Rafah?): it is "
        "re-created from area_places as a named area"
    ]
