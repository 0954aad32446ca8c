"""The JSON Schema (`casualty-recon schema`) accepts what the loader accepts: its fields are the
loader's own lists, and every file the loader reads in this repository validates against it.
An editor using the schema must never mark a valid file red (it had no `list` field and no
`lists:` section when the loader took both)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from casualty_recon.analysis.kinds import assumable
from casualty_recon.load.loader import loads
from casualty_recon.load.schema import sources_schema
from casualty_recon.load.yaml_writer import sources_yaml
from casualty_recon.model.claims import BASES, OUTCOMES, POPULATIONS, SOURCE_KINDS
from casualty_recon.model.errors import InputError
from casualty_recon.model.lists import LIST_FIELDS

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = sources_schema(assumable())


def _as_json(document: object) -> Any:
    # What an editor sees: YAML dates and numbers as JSON has them.
    return json.loads(json.dumps(document, default=str))


def _errors(document: object) -> list[str]:
    validator = jsonschema.Draft7Validator(SCHEMA)
    return [error.message for error in validator.iter_errors(_as_json(document))]


def _loading_yaml_files() -> list[Path]:
    candidates = [ROOT / "sources.yaml", *sorted((ROOT / "tests").rglob("*.yaml"))]
    found = []
    for path in candidates:
        try:
            loads(path.read_text(encoding="utf-8"), str(path))
        except (InputError, UnicodeDecodeError):
            continue
        found.append(path)
    return found


def test_every_yaml_file_the_loader_reads_validates() -> None:
    files = _loading_yaml_files()
    assert len(files) >= 3  # the bundled file, the chart fixture, extract's expected output
    for path in files:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert _errors(document) == [], path


def test_every_readme_example_the_loader_reads_validates() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", readme, flags=re.S)
    checked = []
    for block in blocks:
        try:
            loads(block, "README.md")
        except InputError:
            continue  # a fragment (one section), not a whole file
        assert _errors(yaml.safe_load(block)) == [], block
        checked.append(block)
    assert any("lists:" in block for block in checked)  # the Gaza lists example


def _every_word() -> dict[str, object]:
    """A synthetic file (made up here) using every field and every vocabulary word."""
    claims: list[dict[str, object]] = []
    for n, (population, outcome, basis) in enumerate(
        zip(
            POPULATIONS,
            OUTCOMES * 2,
            BASES * 3,
            strict=False,
        )
    ):
        claims.append(
            {
                "id": f"c{n}",
                "source": "NGO",
                "figure": f"at least {100 + n}",
                "population": population,
                "outcome": outcome,
                "perpetrators": "any",
                "area": ["Idlib", "Hama"],
                "start": "2019-04-26",
                "as_of": "2019-08-20",
                "published": "2019-08-21",
                "basis": basis,
                "url": "https://example.org/synthetic",
                "quote": "a made-up quote",
                "notes": "synthetic",
                "series": "s",
            }
        )
    claims.append(
        {
            "id": "whole",
            "source": "UN",
            "relayed_by": "NGO",
            "figure": {"low": 700, "high": 900},
            "population": "people",
            "outcome": "killed",
            "area": "unknown",
            "as_of": "unknown",
            "complete": True,
            "list": "register",
        }
    )
    claims.append(
        {
            "id": "part",
            "source": "UN",
            "figure": 300,
            "population": "people",
            "outcome": "killed",
            "area": "Idlib",
            "as_of": "2019-08-01",
            "breakdown_of": "whole",
        }
    )
    return {
        "version": 1,
        "title": "Every field (synthetic)",
        "settings": {"about_tolerance": 0.1},
        "areas": {"northwest": ["Idlib", "Hama"]},
        "parties": {"pro-government": ["Syrian government", "Russian forces"]},
        "sources": {
            "NGO": {"name": "An NGO", "kind": SOURCE_KINDS[0], "method": "m", "url": "u"},
            "UN": "The UN",
        },
        "claims": claims,
        "assumptions": [
            {
                "applies_to": "basis",
                "from": "verified",
                "to": "reported",
                "ratio": [1.1, 1.3],
                "reason": "made up for this test",
            },
            {"applies_to": "as_of", "rate": 5, "reason": "made up for this test"},
        ],
        "compare": [["c0", "c1"]],
        "lists": {
            "register": {
                "file": "register.csv",
                "source": "UN",
                "as_of": "2019-08-20",
                "format": "csv",
                "columns": {field: field.upper() for field in LIST_FIELDS},
                "free": ["notes"],
            }
        },
    }


def test_a_file_with_every_field_and_word_loads_and_validates() -> None:
    document = _every_word()
    text = sources_yaml(document, "every.yaml")
    loads(text, "every.yaml")  # the loader takes it ...
    assert _errors(yaml.safe_load(text)) == []  # ... and so does the schema


@pytest.mark.parametrize(
    "name",
    ["unknown-field", "unknown-population", "unknown-outcome", "unknown-basis", "missing-field"],
)
def test_files_the_loader_refuses_for_a_reason_the_schema_expresses_are_refused(
    name: str,
) -> None:
    path = ROOT / "tests" / "bad" / f"{name}.yaml"
    with pytest.raises(InputError):
        loads(path.read_text(encoding="utf-8"), str(path))
    assert _errors(yaml.safe_load(path.read_text(encoding="utf-8"))) != []
