"""Adding claims to `sources.yaml` text, keeping what the user wrote.

The other half of the one writer of sources.yaml (`yaml_writer` writes a fresh document from
plain data; this module adds claims to text a person already edits). It is a round trip through
ruamel.yaml, so the file's comments, key order, quoting and indentation survive. New entries
follow `yaml_writer`'s rules: keys in `CLAIM_ORDER`, a whole-number figure written as a number,
an ISO day as a date, a one-item list as its item and a longer one in flow style.

A claim already in the file (same source, figure, population, outcome and as_of) is not added
again; a source it needs that the file lacks is created, and one the file already has under its
own key (`Syrian Observatory` for SOHR, `Ukraine's State Emergency Service` for SES; see
`source_names`) is reused, and the claim's id made from its key. Text in, text out: writing
the file is the caller's business (the CLI, through `render.atomic`).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from casualty_recon.grammar.figures import parse_figure
from casualty_recon.grammar.periods import parse_period
from casualty_recon.load.source_names import rekeyed_id, same_source
from casualty_recon.load.yaml_writer import CLAIM_ORDER, is_iso_day, is_whole_number
from casualty_recon.model.errors import GrammarError, UsageError
from casualty_recon.model.usage import APPEND_NOT_A_MAPPING, APPEND_NOT_YAML

__all__ = ["MergeResult", "NewClaim", "NewSource", "append_claims"]


@dataclass(frozen=True, slots=True)
class NewSource:
    """A source a new claim refers to; `aliases` find it in a file that keys it otherwise."""

    key: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NewClaim:
    """A claim to add: its id, its source, and its other fields as plain v1 data.

    A `relayed_by` equal to the key the source gets in the file is dropped.
    """

    id: str
    source: NewSource
    fields: Mapping[str, object]


@dataclass(slots=True)
class MergeResult:
    """What a merge did: claim ids added, duplicates skipped, source keys created."""

    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    sources_added: list[str] = field(default_factory=list)


def append_claims(
    existing: str | None, claims: Sequence[NewClaim], *, header: str = ""
) -> tuple[str, MergeResult]:
    """The text of `existing` with the claims added (a new document with `header` as its
    opening comment when `existing` is None or blank). Raises UsageError for text that is not
    a YAML mapping."""
    yaml = _yaml()
    result = MergeResult()
    document = _document(yaml, existing, header)
    sources = document.get("sources")
    if not isinstance(sources, CommentedMap):
        sources = CommentedMap()
        _insert_before(document, "sources", sources, "claims")
    claim_list = document.get("claims")
    if not isinstance(claim_list, CommentedSeq):
        claim_list = CommentedSeq()
        document["claims"] = claim_list
    present = {_existing_key(entry) for entry in claim_list if isinstance(entry, CommentedMap)}
    ids = {str(entry.get("id")) for entry in claim_list if isinstance(entry, CommentedMap)}
    for claim in claims:
        key = _source_key(sources, claim.source)
        if key not in sources:
            entry = CommentedMap()
            entry["name"] = claim.source.name
            entry["kind"] = claim.source.kind
            sources[key] = entry
            result.sources_added.append(key)
        values = claim.fields
        duplicate = _claim_key(
            key,
            values.get("figure"),
            values.get("population"),
            values.get("outcome"),
            values.get("as_of"),
        )
        if duplicate in present:
            result.skipped.append(claim.id)
            continue
        present.add(duplicate)
        claim_id = _free_id(rekeyed_id(claim.id, claim.source.key, key), ids)
        ids.add(claim_id)
        claim_list.append(_claim_map(claim, claim_id, key))
        result.added.append(claim_id)
    stream = io.StringIO()
    yaml.dump(document, stream)
    return stream.getvalue(), result


# --- the document ------------------------------------------------------------------------------


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _document(yaml: YAML, existing: str | None, header: str) -> CommentedMap:
    if existing is None or not existing.strip():
        document = CommentedMap()
        document["version"] = 1
        if header:
            document.yaml_set_start_comment(header)
        return document
    _match_indent(yaml, existing)
    try:
        loaded = yaml.load(existing)
    except YAMLError as exc:
        raise UsageError.of(APPEND_NOT_YAML, error=exc) from None
    if not isinstance(loaded, CommentedMap):
        raise UsageError.of(APPEND_NOT_A_MAPPING)
    return loaded


def _claim_map(claim: NewClaim, claim_id: str, source_key: str) -> CommentedMap:
    values = dict(claim.fields)
    if values.get("relayed_by") in (None, "", source_key):
        values.pop("relayed_by", None)
    values["id"] = claim_id
    values["source"] = source_key
    entry = CommentedMap()
    for key in [*CLAIM_ORDER, *(k for k in values if k not in CLAIM_ORDER)]:
        if key in values and values[key] is not None:
            entry[key] = _value(key, values[key])
    return entry


def _value(key: str, value: object) -> object:
    """yaml_writer's plain forms: a whole-number figure as a number, an ISO day as a date."""
    if isinstance(value, list | tuple):
        if len(value) == 1:
            return _value(key, value[0])
        seq = CommentedSeq(value)
        seq.fa.set_flow_style()
        return seq
    if isinstance(value, str):
        if key == "figure" and is_whole_number(value):
            return int(value)
        if key in ("start", "as_of", "published") and is_iso_day(value):
            return dt.date.fromisoformat(value)
    return value


def _insert_before(document: CommentedMap, key: str, value: Any, before: str) -> None:
    keys = list(document.keys())
    position = keys.index(before) if before in keys else len(keys)
    document.insert(position, key, value)


def _match_indent(yaml: YAML, text: str) -> None:
    """Indent new list items like the file's existing ones."""
    match = re.search(r"^claims:[^\n]*\n(?:\s*#[^\n]*\n)*( *)- ", text, re.M)
    if match is None:
        match = re.search(r"^[A-Za-z_]+:[^\n]*\n( *)- ", text, re.M)
    offset = len(match.group(1)) if match else 2
    yaml.indent(mapping=2, sequence=offset + 2, offset=offset)


# --- identity -----------------------------------------------------------------------------------


def _source_key(sources: CommentedMap, source: NewSource) -> str:
    """The file's key for this source: the same key, or a source whose key, name or aliases
    name the same organisation (`source_names`: `Ukraine's State Emergency Service` is
    `SES: {name: State Emergency Service of Ukraine}`); a plain `KEY: name` entry counts too."""
    if source.key in sources:
        return source.key
    names = [source.key, source.name, *source.aliases]
    for key, entry in sources.items():
        known = [str(key)]
        if isinstance(entry, str):
            known.append(entry)
        elif isinstance(entry, CommentedMap):
            known.extend(str(entry[f]) for f in ("name",) if isinstance(entry.get(f), str))
            aliases = entry.get("aliases")
            if isinstance(aliases, list):
                known.extend(str(alias) for alias in aliases)
        if same_source(names, known):
            return str(key)
    return source.key


def _claim_key(
    source: str, figure: object, population: object, outcome: object, as_of: object
) -> tuple[str, object, str, str, object]:
    return (source, _figure_key(figure), str(population), str(outcome), _date_key(as_of))


def _existing_key(entry: CommentedMap) -> tuple[str, object, str, str, object]:
    return _claim_key(
        str(entry.get("source")),
        entry.get("figure"),
        entry.get("population"),
        entry.get("outcome"),
        entry.get("as_of"),
    )


def _figure_key(value: object) -> object:
    try:
        figure = parse_figure(dict(value) if isinstance(value, CommentedMap) else value)
    except (GrammarError, TypeError, ValueError):
        return str(value)
    return (figure.low, figure.high)


def _date_key(value: object) -> object:
    try:
        days = parse_period(value)
    except GrammarError:
        return str(value)
    return (days.earliest, days.latest)


def _free_id(claim_id: str, ids: set[str]) -> str:
    candidate = claim_id
    suffix = 2
    base = re.sub(r"-\d+$", "", claim_id) if claim_id in ids else claim_id
    while candidate in ids:
        candidate = f"{base}-{suffix}"
        suffix += 1
    return candidate
