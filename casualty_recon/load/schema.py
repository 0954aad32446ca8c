"""The JSON Schema (draft-07) of `sources.yaml` version 1, for editors.

Editors (VS Code's YAML extension, JetBrains) use it for completion and red squiggles. It checks
shapes and vocabularies; the small languages (figures, dates, places) are checked by the loader,
so their fields are plain strings here with the grammar in the description.

Everything the loader defines is read from the loader's own definitions, so the two cannot drift:
the field names of each section (`builder`, `claim_fields`, `assumption_reader`, `lists_section`),
the vocabularies with the words people write for them (`model.claims`, `grammar.scope_words`),
`unknown` for area and as_of, the list fields and formats (`model.lists`) and the claim id
pattern. A field added to a loader's list without a schema here makes `sources_schema` raise.
What the schema accepts is what the loader accepts, as far as a schema can say it: text where
the loader reads text (a number is text to the loader, true/false is not), a vocabulary word in
any case and spacing (the loader folds both), empty values where the loader reads them as absent.
tests/test_schema.py validates every file the loader accepts in the repository against it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from casualty_recon.grammar.scope_words import OUTCOME_WORDS, POPULATION_WORDS
from casualty_recon.load.assumption_reader import ASSUMPTION_FIELDS, RATE_FIELDS, VALUE_FIELDS
from casualty_recon.load.builder import (
    CLAIM_ID,
    SETTINGS_FIELDS,
    SOURCE_FIELDS,
    TOP_FIELDS,
    UNKNOWN,
)
from casualty_recon.load.claim_fields import CLAIM_FIELDS, CLAIM_REQUIRED
from casualty_recon.load.lists_section import LIST_ENTRY_FIELDS, LIST_ENTRY_REQUIRED
from casualty_recon.model.claims import BASES, OUTCOMES, POPULATIONS, SOURCE_KINDS
from casualty_recon.model.lists import LIST_FIELD_TITLES, LIST_FIELDS, LIST_FORMATS

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

# Text as the loader reads it (`NodeReader.text`): a string with something in it, or a number
# (read as its text); never true/false, a list or a mapping.
_TEXT: dict[str, Any] = {"type": ["string", "number"], "pattern": r"\S"}
# Optional text: an empty value is read as the field left out.
_OPTIONAL_TEXT: dict[str, Any] = {"type": ["string", "number", "null"], "pattern": r"\S"}
_TEXT_OR_LIST: dict[str, Any] = {
    "anyOf": [_TEXT, {"type": "array", "items": _TEXT, "minItems": 1}],
}
_DATE: dict[str, Any] = {"type": ["string", "integer"], "pattern": r"\S", "description": DATE_HELP}
_INTERVAL: dict[str, Any] = {
    "anyOf": [
        {"type": "number", "minimum": 0},
        {
            "type": "array",
            "items": {"type": "number", "minimum": 0},
            "minItems": 1,
            "maxItems": 2,
        },
    ]
}
_BOUND: dict[str, Any] = {"anyOf": [{"type": "integer", "minimum": 0}, _TEXT]}


def any_case(words: Sequence[str]) -> str:
    """An ECMA-262 pattern matching any of `words` as the loader's `choice` does: in any case,
    with any run of spaces between words and around them (JSON Schema has no case flag)."""

    def one(word: str) -> str:
        parts = []
        for char in word:
            if char.isspace():
                parts.append(r"\s+")
            elif char.lower() != char.upper():
                parts.append(f"[{char.lower()}{char.upper()}]")
            else:
                parts.append(re.escape(char))
        return "".join(parts)

    return r"^\s*(?:" + "|".join(one(" ".join(w.split())) for w in words) + r")\s*$"


def vocabulary(
    what: str, terms: Sequence[str], words: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """A closed vocabulary: its terms, then the words people write for them (`deaths` ->
    `killed`), completed by editors from the enum and matched in any case by the pattern."""
    words = words or {}
    accepted = [*terms, *(word for word in words if word not in terms)]
    description = f"{what}: " + ", ".join(terms)
    if words:
        description += "; also, read as the term after the arrow: " + ", ".join(
            f"{word} -> {term}" for word, term in words.items()
        )
    return {
        "description": description + " (in any case).",
        "anyOf": [{"enum": accepted}, {"type": "string", "pattern": any_case(accepted)}],
    }


def derived(names: Sequence[str], table: Mapping[str, dict[str, Any]], what: str) -> dict[str, Any]:
    """The properties of `names` (a loader's field list) in its order, from `table`: a field the
    loader reads and the table does not describe (or the other way round) is a bug here."""
    missing = [name for name in names if name not in table]
    extra = [name for name in table if name not in names]
    if missing or extra:
        raise ValueError(
            f"the schema of {what} is out of step with the loader: {missing=} {extra=}"
        )
    return {name: table[name] for name in names}


# The closed vocabularies, each once under `definitions` (claims and assumptions refer to them).
VOCABULARIES: dict[str, tuple[str, Sequence[str], Mapping[str, str] | None]] = {
    "population": ("Who was counted", POPULATIONS, POPULATION_WORDS),
    "outcome": ("What happened to them", OUTCOMES, OUTCOME_WORDS),
    "basis": ("How the figure was established", BASES, None),
    "kind": ("The kind of source", SOURCE_KINDS, None),
}


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/definitions/{name}"}


def _claim_schema() -> dict[str, Any]:
    """The schema of one claim."""
    unknown = {"enum": [UNKNOWN]}
    table: dict[str, dict[str, Any]] = {
        "id": {
            "type": ["string", "number"],
            "pattern": CLAIM_ID.pattern,
            "description": "Unique within the file: letters, digits, -, _ and .",
        },
        "source": {**_TEXT, "description": "A key of `sources`."},
        "figure": {
            "description": FIGURE_HELP,
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": r"\S"},
                {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["low"],
                    "properties": {
                        "low": _BOUND,
                        "high": {"anyOf": [_BOUND, {"type": "null"}]},
                    },
                },
            ],
        },
        "population": _ref("population"),
        "outcome": _ref("outcome"),
        "perpetrators": {
            "anyOf": [*_TEXT_OR_LIST["anyOf"], {"type": "null"}],
            "description": "any, a party name, a key of `parties`, or a list of those "
            "(any when left out or empty).",
        },
        "area": {
            "anyOf": [unknown, *_TEXT_OR_LIST["anyOf"]],
            "description": "A place (country, first-level subdivision or town, optionally with "
            f"a part such as `southern Idlib`), a key of `areas`, or a list of those; "
            f"`{UNKNOWN}` when the source names no place.",
        },
        "start": {"anyOf": [_DATE, {"type": "null"}], "description": DATE_HELP},
        "as_of": {
            "anyOf": [unknown, _DATE],
            "description": f"{DATE_HELP}; `{UNKNOWN}` when the source gives no date.",
        },
        "published": {"anyOf": [_DATE, {"type": "null"}], "description": DATE_HELP},
        "basis": _ref("basis"),
        "relayed_by": _OPTIONAL_TEXT,
        "url": _OPTIONAL_TEXT,
        "quote": _OPTIONAL_TEXT,
        "notes": _OPTIONAL_TEXT,
        "breakdown_of": {**_OPTIONAL_TEXT, "description": "The id of the claim this is part of."},
        "series": {
            **_OPTIONAL_TEXT,
            "description": "Joins claims of one source that are one count in substance, "
            "however worded (one series, whatever their areas say).",
        },
        "complete": {
            "type": "boolean",
            "description": "Its breakdown parts add up to it (shares are exact).",
        },
        "list": {
            **_TEXT,
            "description": "A key of `lists`: the named-victim list behind this figure.",
        },
    }
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(CLAIM_REQUIRED),
        "properties": derived(CLAIM_FIELDS, table, "a claim"),
    }


def _assumption_schema(targets: Sequence[str]) -> dict[str, Any]:
    """One assumption; which fields a target needs is the loader's rule (`RATE_FIELDS` take a
    rate, `VALUE_FIELDS` from, to and a ratio, in their own vocabulary where they have one)."""
    table: dict[str, dict[str, Any]] = {
        "applies_to": _ref("applies_to"),
        "from": _TEXT,
        "to": _TEXT,
        "ratio": {**_INTERVAL, "description": "The `to` figure is ratio times the `from` one."},
        "rate": {**_INTERVAL, "description": "Deaths a day, for as_of and start."},
        "source": {**_TEXT, "description": "Only for claims of this source."},
        "reason": _TEXT,
    }
    rules: list[dict[str, Any]] = []
    for target in targets:
        applies = {
            "required": ["applies_to"],
            "properties": {"applies_to": {"pattern": any_case([target])}},
        }
        if target in RATE_FIELDS:
            then: dict[str, Any] = {
                "required": ["rate"],
                "properties": {"from": False, "to": False, "ratio": False},
            }
        elif target in VALUE_FIELDS:
            then = {"required": ["from", "to", "ratio"], "properties": {"rate": False}}
            if target in VOCABULARIES:
                then["properties"].update({"from": _ref(target), "to": _ref(target)})
        else:
            continue
        rules.append({"if": applies, "then": then})
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["applies_to", "reason"],
        "properties": derived(ASSUMPTION_FIELDS, table, "an assumption"),
        "allOf": rules,
    }


def _list_schema() -> dict[str, Any]:
    """One entry of `lists:` (named-victim lists, read by `casualty_recon.lists`)."""
    columns = {
        name: {**_TEXT, "description": f"The file's column for {LIST_FIELD_TITLES[name]}."}
        for name in LIST_FIELDS
    }
    table: dict[str, dict[str, Any]] = {
        "file": {**_TEXT, "description": "The list file, relative to this file."},
        "source": {**_TEXT, "description": "A key of `sources`."},
        "as_of": _DATE,
        "format": {
            "enum": list(LIST_FORMATS),
            "description": "From the file's suffix when left out.",
        },
        "sheet": {**_TEXT, "description": "Excel: the sheet to read (the first by default)."},
        "columns": {
            "type": "object",
            "additionalProperties": False,
            "required": ["name"],
            "properties": columns,
        },
        "free": {**_TEXT_OR_LIST, "description": "Other columns to keep as they are."},
    }
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(LIST_ENTRY_REQUIRED),
        "properties": derived(LIST_ENTRY_FIELDS, table, "a list"),
    }


def sources_schema(assumption_targets: Sequence[str]) -> dict[str, Any]:
    """The JSON Schema of sources.yaml. `assumption_targets` are the kinds an assumption may
    target: the analysis registry knows them (`analysis.kinds.assumable()`), not this layer."""
    source_fields: dict[str, dict[str, Any]] = {
        "name": _OPTIONAL_TEXT,
        "kind": _ref("kind"),
        "method": _OPTIONAL_TEXT,
        "url": _OPTIONAL_TEXT,
    }
    source = {
        "anyOf": [
            {"type": "null"},
            _TEXT,
            {
                "type": "object",
                "additionalProperties": False,
                "properties": derived(SOURCE_FIELDS, source_fields, "a source"),
            },
        ]
    }
    settings = {
        "about_tolerance": {
            "anyOf": [
                {"type": "number", "minimum": 0, "exclusiveMaximum": 1},
                # The loader reads a number written as text too (every cell of a claims CSV is).
                {"type": "string", "pattern": r"^\s*\+?(0+(\.[0-9]*)?|0*\.[0-9]+)\s*$"},
            ],
            "description": "How wide `about 500` is: 0.1 reads it as 450 to 550.",
        }
    }
    table: dict[str, dict[str, Any]] = {
        "version": {"anyOf": [{"enum": [1, "1"]}, {"type": "string", "pattern": r"^\s*1\s*$"}]},
        "title": _TEXT,
        "settings": {
            "type": "object",
            "additionalProperties": False,
            "properties": derived(SETTINGS_FIELDS, settings, "settings"),
        },
        "areas": {
            "type": ["object", "null"],
            "additionalProperties": _TEXT_OR_LIST,
            "description": "Named regions built from places or other regions.",
        },
        "parties": {
            "type": ["object", "null"],
            "additionalProperties": _TEXT_OR_LIST,
            "description": "Named groups of perpetrators.",
        },
        "sources": {"type": "object", "additionalProperties": source},
        "claims": {"type": ["array", "null"], "items": _claim_schema()},
        "assumptions": {
            "type": ["array", "null"],
            "items": _assumption_schema(assumption_targets),
        },
        "compare": {
            "type": ["array", "null"],
            "description": "Focus pairs of claim ids, compared and shown first.",
            "items": {"type": "array", "items": _TEXT, "minItems": 2, "maxItems": 2},
        },
        "lists": {
            "type": ["object", "null"],
            "additionalProperties": _list_schema(),
            "description": "Named-victim lists (CSV, JSON or Excel) that claims can name "
            "with `list: KEY`.",
        },
    }
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://github.com/casualty-recon/casualty-recon/sources.schema.json",
        "title": "casualty-recon sources.yaml, version 1",
        "type": "object",
        "additionalProperties": False,
        "required": ["sources", "claims"],
        "properties": derived(TOP_FIELDS, table, "the file"),
        "definitions": {
            **{name: vocabulary(*spec) for name, spec in VOCABULARIES.items()},
            "applies_to": vocabulary("The difference it sizes", assumption_targets),
        },
    }


def schema_json(assumption_targets: Sequence[str]) -> str:
    return json.dumps(sources_schema(assumption_targets), indent=2, ensure_ascii=False) + "\n"
