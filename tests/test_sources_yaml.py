"""A v1 document written as human-editable YAML that reads back as the same data."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st
from test_csv_export import seed_sources

from casualty_recon.load.claims_csv import claims_csv_to_document
from casualty_recon.load.loader import loads
from casualty_recon.load.yaml_writer import dump_sources_document
from casualty_recon.render.csv import claims_rows, to_csv_bytes

DOCUMENT: dict[str, object] = {
    "claims": [
        {
            "figure": "more than 730",
            "id": "uossm-2019-08-21",
            "source": "UOSSM",
            "population": "civilians",
            "outcome": "killed",
            "perpetrators": "pro-government",
            "area": "northwest Syria",
            "start": "late April 2019",
            "as_of": "2019-08-20",
            "url": "https://www.trtworld.com/article/12728116",
        },
        {
            "id": "b",
            "source": "NO",
            "figure": {"low": 160, "high": 300},
            "population": "civilians",
            "outcome": "killed",
            "area": ["southern Idlib", "Hama"],
            "as_of": "2019",
            "notes": "1,089: see #3",
        },
    ],
    "version": 1,
    "sources": {"UOSSM": {"kind": "ngo", "name": "UOSSM"}, "NO": None},
    "areas": {"northwest Syria": ["Idlib", "Hama"]},
    "title": "Civilian deaths",
}


def test_exact_layout_and_key_order() -> None:
    assert dump_sources_document(DOCUMENT) == (
        "version: 1\n"
        "title: Civilian deaths\n"
        "\n"
        "areas:\n"
        "  northwest Syria: [Idlib, Hama]\n"
        "\n"
        "sources:\n"
        "  UOSSM:\n"
        "    name: UOSSM\n"
        "    kind: ngo\n"
        '  "NO":\n'
        "\n"
        "claims:\n"
        "  - id: uossm-2019-08-21\n"
        "    source: UOSSM\n"
        "    figure: more than 730\n"
        "    population: civilians\n"
        "    outcome: killed\n"
        "    perpetrators: pro-government\n"
        "    area: northwest Syria\n"
        "    start: late April 2019\n"
        "    as_of: 2019-08-20\n"
        "    url: https://www.trtworld.com/article/12728116\n"
        "\n"
        "  - id: b\n"
        '    source: "NO"\n'
        "    figure: {low: 160, high: 300}\n"
        "    population: civilians\n"
        "    outcome: killed\n"
        "    area: [southern Idlib, Hama]\n"
        '    as_of: "2019"\n'
        '    notes: "1,089: see #3"\n'
    )


def test_reads_back_as_the_same_data() -> None:
    data = yaml.safe_load(dump_sources_document(DOCUMENT))
    assert data["sources"] == {"UOSSM": {"kind": "ngo", "name": "UOSSM"}, "NO": None}
    assert data["claims"][0]["as_of"] == dt.date(2019, 8, 20)  # a plain ISO day, on purpose
    assert data["claims"][1]["as_of"] == "2019"
    assert data["claims"][1]["source"] == "NO"


@pytest.mark.parametrize(
    "text",
    [
        "NO",
        "no",
        "Yes",
        "on",
        "off",
        "true",
        "null",
        "~",
        "017",
        "1,089",
        "1 089",
        "2019",
        "1e3",
        "0x1F",
        "0o17",
        ".inf",
        "-5",
        "12:30",
        "- x",
        "a: b",
        "a #b",
        "trailing:",
        "",
        " lead",
        "tail ",
        "@x",
        "%x",
        "`x",
        "'x",
        '"x',
        "!x",
        "&x",
        "*x",
        "|x",
        ">x",
        "[x]",
        "{x}",
        "two\nlines",
        "tab\there",
        "caf\u00e9",
        "2019-08-20",
        "x, y",
        "?",
        "#x",
    ],
)
def test_text_yaml_would_misread_is_quoted(text: str) -> None:
    dumped = dump_sources_document({"title": text, "areas": {text or "x": [text or "y", "z"]}})
    data = yaml.safe_load(dumped)
    assert data["title"] == text
    assert data["areas"] == {text or "x": [text or "y", "z"]}


def test_figures_as_their_text() -> None:
    dumped = dump_sources_document({"claims": [{"figure": "730"}, {"figure": "017"}]})
    assert "figure: 730\n" in dumped
    assert 'figure: "017"\n' in dumped


@given(st.text(max_size=40), st.lists(st.text(min_size=1, max_size=20), min_size=1, max_size=4))
@example("\x85", ["0?", "a:b", "x#"])
def test_any_text_reads_back(text: str, names: list[str]) -> None:
    document = {"version": 1, "claims": [{"id": "a", "notes": text, "area": names}]}
    data = yaml.safe_load(dump_sources_document(document))
    assert data["claims"][0]["notes"] == text
    assert data["claims"][0]["area"] == names


def test_csv_import_then_yaml_then_export_gives_identical_csv() -> None:
    first = to_csv_bytes("claims", claims_rows(seed_sources()), bom=True, hxl=True)
    document, _ = claims_csv_to_document(first.decode("utf-8"), "claims.csv")
    sources = loads(dump_sources_document(document), "sources.yaml")
    assert to_csv_bytes("claims", claims_rows(sources), bom=True, hxl=True) == first


def test_one_table_of_claim_fields_gives_every_order() -> None:
    """The loader's fields, the writer's order, the required ones and the schema's properties all
    come from `load.claim_fields.FIELDS`: a field added there is read, written and in the schema."""
    from casualty_recon.load import builder, claim_fields, schema, yaml_writer

    names = [field.name for field in claim_fields.FIELDS]
    assert len(set(names)) == len(names)
    assert builder.CLAIM_FIELDS == claim_fields.CLAIM_FIELDS == tuple(names)
    assert yaml_writer.CLAIM_ORDER == claim_fields.CLAIM_ORDER
    assert sorted(claim_fields.CLAIM_ORDER) == sorted(names)
    assert sorted(field.written for field in claim_fields.FIELDS) == list(range(len(names)))
    claim = schema.sources_schema(["basis"])["properties"]["claims"]["items"]
    assert claim["required"] == list(claim_fields.CLAIM_REQUIRED)
    # The schema names every field the loader reads, in the format's order.
    assert list(claim["properties"]) == names


def test_writer_puts_every_claim_field_in_the_written_order() -> None:
    from casualty_recon.load.claim_fields import CLAIM_ORDER

    claim = {name: f"v-{name}" for name in reversed(CLAIM_ORDER)}
    text = dump_sources_document({"version": 1, "claims": [claim]})
    keys = [line.split(":")[0].strip(" -") for line in text.splitlines() if "v-" in line]
    assert keys == list(CLAIM_ORDER)
