"""The JSON Schema (draft-07) of `sources.yaml` version 1, for editors.

Editors (VS Code's YAML extension, JetBrains) use it for completion and red squiggles. It checks
shapes and vocabularies; the small languages (figures, dates, places) are checked by the loader,
so their fields are plain strings here with the grammar in the description.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from casualty_recon.load.claim_fields import CLAIM_REQUIRED
from casualty_recon.model.claims import BASES, OUTCOMES, POPULATIONS, SOURCE_KINDS
from casualty_recon.model.lists import LIST_FIELDS, LIST_FORMATS

FIGURE_HELP = (
    "730, 1,089, more than 730, 730+, at least 730, about 500, nearly 500, up to 300, "
    "fewer than 300, between 160 and 300, dozens, hundreds, thousands, a dozen, 2.7 million, "
    "or {low: 160, high: 300}"
)
DATE_HELP = (
    "2019-04-29, 2019-04, April 2019, 2019, early/mid/late April 2019, beginning of May 2019, "
    "end of April 2019, the start of 2019, 29 April 2019, April 29, 2019; "
    "without a year, the year of as_of (or published) is used"
)

_TEXT = {"type": "string", "minLength": 1}
_TEXT_OR_LIST = {
    "oneOf": [_TEXT, {"type": "array", "items": _TEXT, "minItems": 1}],
}
_DATE = {"type": "string", "minLength": 1, "description": DATE_HELP}
_INTERVAL = {
    "oneOf": [
        {"type": "number", "minimum": 0},
        {
            "type": "array",
            "items": {"type": "number", "minimum": 0},
            "minItems": 1,
            "maxItems": 2,
        },
    ]
}


def _claim_schema() -> dict[str, Any]:
    """The schema of one claim."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(CLAIM_REQUIRED),
        "properties": {
            "id": {
                "type": "string",
                "pattern": "^[A-Za-z0-9._-]+$",
                "description": "Unique within the file: letters, digits, -, _ and .",
            },
            "source": {"type": "string", "description": "A key of `sources`."},
            "figure": {
                "description": FIGURE_HELP,
                "oneOf": [
                    {"type": "integer", "minimum": 0},
                    {"type": "string", "minLength": 1},
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["low"],
                        "properties": {
                            "low": {"type": "integer", "minimum": 0},
                            "high": {"type": "integer", "minimum": 0},
                        },
                    },
                ],
            },
            "population": {"enum": list(POPULATIONS)},
            "outcome": {"enum": list(OUTCOMES)},
            "perpetrators": {
                **_TEXT_OR_LIST,
                "description": "any, a party name, a key of `parties`, or a list of those.",
            },
            "area": {
                **_TEXT_OR_LIST,
                "description": "A place (country or first-level subdivision, optionally with a "
                "part such as `southern Idlib`), a key of `areas`, or a list of those.",
            },
            "start": _DATE,
            "as_of": _DATE,
            "published": _DATE,
            "basis": {"enum": list(BASES)},
            "relayed_by": {"type": "string"},
            "url": {"type": "string"},
            "quote": {"type": "string"},
            "notes": {"type": "string"},
            "breakdown_of": {
                "type": "string",
                "description": "The id of the claim this is part of.",
            },
            "series": {
                "type": "string",
                "minLength": 1,
                "description": "Joins claims of one source that are one count in substance, "
                "however worded (one series, whatever their areas say).",
            },
            "complete": {
                "type": "boolean",
                "description": "Its breakdown parts add up to it (shares are exact).",
            },
            "list": {
                "type": "string",
                "minLength": 1,
                "description": "A key of `lists`: the named-victim list behind the figure.",
            },
        },
    }


def _list_schema() -> dict[str, Any]:
    """The schema of one entry of `lists:` (load/lists_section.py reads it)."""
    properties: dict[str, Any] = {
        "file": {**_TEXT, "description": "The list's file, relative to sources.yaml."},
        "source": {"type": "string", "description": "A key of `sources`."},
        "as_of": _DATE,
        "format": {"enum": list(LIST_FORMATS), "description": "From the suffix by default."},
        "sheet": {"type": "string", "description": "Excel: the sheet (the first by default)."},
        "columns": {
            "type": "object",
            "additionalProperties": False,
            "required": ["name"],
            "properties": {field: {"type": "string"} for field in LIST_FIELDS},
            "description": "The file's column name of each field.",
        },
        "free": {"type": "array", "items": {"type": "string"}, "description": "Columns kept."},
    }
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["file", "columns"],
        "properties": properties,
    }


def sources_schema(assumption_targets: Sequence[str]) -> dict[str, Any]:
    """The JSON Schema of sources.yaml. `assumption_targets` are the kinds an assumption may
    target: the analysis registry knows them (`analysis.kinds.assumable()`), not this layer."""
    claim = _claim_schema()
    source = {
        "oneOf": [
            {"type": "null"},
            {"type": "string"},
            {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "name": {"type": "string"},
                    "kind": {"enum": list(SOURCE_KINDS)},
                    "method": {"type": "string"},
                    "url": {"type": "string"},
                },
            },
        ]
    }
    assumption = {
        "type": "object",
        "additionalProperties": False,
        "required": ["applies_to", "reason"],
        "properties": {
            "applies_to": {"enum": list(assumption_targets)},
            "from": {"type": "string"},
            "to": {"type": "string"},
            "ratio": {**_INTERVAL, "description": "The `to` figure is ratio times the `from` one."},
            "rate": {**_INTERVAL, "description": "Deaths a day, for as_of and start."},
            "source": {"type": "string", "description": "Only for claims of this source."},
            "reason": {"type": "string", "minLength": 1},
        },
    }
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://github.com/casualty-recon/casualty-recon/sources.schema.json",
        "title": "casualty-recon sources.yaml, version 1",
        "type": "object",
        "additionalProperties": False,
        "required": ["sources", "claims"],
        "properties": {
            "version": {"const": 1},
            "title": {"type": "string"},
            "settings": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "about_tolerance": {
                        "type": "number",
                        "exclusiveMinimum": 0,
                        "exclusiveMaximum": 1,
                        "description": "How wide `about 500` is: 0.1 reads it as 450 to 550.",
                    }
                },
            },
            "areas": {
                "type": "object",
                "additionalProperties": _TEXT_OR_LIST,
                "description": "Named regions built from places or other regions.",
            },
            "parties": {
                "type": "object",
                "additionalProperties": _TEXT_OR_LIST,
                "description": "Named groups of perpetrators.",
            },
            "sources": {"type": "object", "additionalProperties": source},
            "claims": {"type": "array", "items": claim},
            "assumptions": {"type": "array", "items": assumption},
            "lists": {
                "type": "object",
                "additionalProperties": _list_schema(),
                "description": "Named-victim lists (files of records) behind claims.",
            },
            "compare": {
                "type": "array",
                "description": "Focus pairs of claim ids, compared and shown first.",
                "items": {
                    "type": "array",
                    "items": {"type": "string"},
                    "minItems": 2,
                    "maxItems": 2,
                },
            },
        },
    }


def schema_json(assumption_targets: Sequence[str]) -> str:
    return json.dumps(sources_schema(assumption_targets), indent=2, ensure_ascii=False) + "\n"
