"""Writing extracted claims as `sources.yaml` (format v1): a new file, or added to one.

Adding to a file the user already edits is a round trip through ruamel.yaml, so its comments,
key order, quoting and indentation survive. A claim already in the file (same source, figure,
population, outcome and as_of) is not added again; a source it needs that the file lacks is
created, and one the file already has under its own key (`Syrian Observatory` for SOHR) is
reused. Files are only written after the result loads cleanly, and always atomically.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from casualty_recon.extract.claims import ExtractedClaim, SourceEntry
from casualty_recon.extract.fresh_yaml import fresh_document
from casualty_recon.grammar.figures import parse_figure
from casualty_recon.grammar.periods import parse_period
from casualty_recon.load.loader import loads
from casualty_recon.model.errors import GrammarError, InputError, UsageError
from casualty_recon.render.atomic import write_new_file

HEADER = (
    "Claims extracted from news articles by casualty-recon extract.\n"
    "Check every figure, scope and date against its article before relying on it."
)


@dataclass(slots=True)
class WriteResult:
    """What a write did: claim ids added, duplicates skipped, source keys created."""

    path: str
    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    sources_added: list[str] = field(default_factory=list)
    created: bool = False


def render_yaml(claims: Sequence[ExtractedClaim]) -> str:
    """A complete v1 `sources.yaml` holding the claims (for stdout or a new file)."""
    return fresh_document(claims).text


def write_claims(
    path: str | Path, claims: Sequence[ExtractedClaim], *, append: bool, force: bool
) -> WriteResult:
    """Write claims to `path`: a new file, added to an existing one (`append`), or replacing
    it (`force`). Never touches an existing file without one of those. Raises UsageError."""
    target = Path(path)
    exists = target.exists()
    if exists and not (append or force):
        raise UsageError(
            f"'{target}' already exists",
            "use --append to add the claims to it, or --force to replace it",
        )
    existing: str | None = None
    if exists and append:
        try:
            existing = target.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read '{target}': {exc}") from None
    if existing is None:  # a new file: the fast writer (extract/fresh_yaml)
        fresh = fresh_document(claims)
        text = fresh.text
        result = WriteResult("-", fresh.added, fresh.skipped, fresh.sources_added)
    else:
        text, result = _merge(existing, claims)
    result.path = str(target)
    result.created = not exists
    _check_loads(text, str(target), existing)
    write_new_file(target, text.encode("utf-8"), force=exists)
    return result


# --- building the document ---------------------------------------------------------------------


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _merge(existing: str | None, claims: Sequence[ExtractedClaim]) -> tuple[str, WriteResult]:
    yaml = _yaml()
    result = WriteResult(path="-")
    if existing is None or not existing.strip():
        document = CommentedMap()
        document["version"] = 1
        document.yaml_set_start_comment(HEADER)
    else:
        _match_indent(yaml, existing)
        try:
            loaded = yaml.load(existing)
        except YAMLError as exc:
            raise UsageError(
                f"cannot add to a file that is not valid YAML: {exc}",
                "run `casualty-recon validate` on it and fix it first",
            ) from None
        if not isinstance(loaded, CommentedMap):
            raise UsageError(
                "cannot add claims: the file is not a mapping with `sources` and `claims`",
                "run `casualty-recon validate` on it",
            )
        document = loaded
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
        duplicate = _claim_key(key, claim.figure, claim.population, claim.outcome, claim.as_of)
        if duplicate in present:
            result.skipped.append(claim.id)
            continue
        present.add(duplicate)
        claim_id = _free_id(claim.id, ids)
        ids.add(claim_id)
        claim_list.append(_claim_map(claim, claim_id, key))
        result.added.append(claim_id)
    stream = io.StringIO()
    yaml.dump(document, stream)
    return stream.getvalue(), result


def _claim_map(claim: ExtractedClaim, claim_id: str, source_key: str) -> CommentedMap:
    entry = CommentedMap()
    entry["id"] = claim_id
    entry["source"] = source_key
    if claim.relayed_by and claim.relayed_by != source_key:
        entry["relayed_by"] = claim.relayed_by
    entry["figure"] = int(claim.figure) if claim.figure.isdigit() else claim.figure
    entry["population"] = claim.population
    entry["outcome"] = claim.outcome
    if not claim.perpetrators:
        entry["perpetrators"] = "any"
    elif len(claim.perpetrators) == 1:
        entry["perpetrators"] = claim.perpetrators[0]
    else:
        entry["perpetrators"] = _flow(claim.perpetrators)
    entry["area"] = claim.area[0] if len(claim.area) == 1 else _flow(claim.area)
    if claim.start:
        entry["start"] = _date_value(claim.start)
    entry["as_of"] = _date_value(claim.as_of)
    if claim.published:
        entry["published"] = _date_value(claim.published)
    entry["basis"] = claim.basis
    if claim.url:
        entry["url"] = claim.url
    entry["quote"] = claim.quote
    entry["notes"] = claim.notes
    return entry


def _flow(values: Sequence[str]) -> CommentedSeq:
    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def _date_value(text: str) -> dt.date | str:
    """A single day as a YAML date (written bare), anything else as text."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return dt.date.fromisoformat(text)
    return text


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


def _fold(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def _source_key(sources: CommentedMap, source: SourceEntry) -> str:
    """The file's key for this source: the same key, or a source with the same name or alias."""
    if source.key in sources:
        return source.key
    names = {_fold(n) for n in (source.key, source.name, *source.aliases)}
    for key, entry in sources.items():
        known = {_fold(str(key))}
        if isinstance(entry, CommentedMap) and entry.get("name"):
            known.add(_fold(str(entry["name"])))
        if names & known:
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


def _check_loads(text: str, path: str, existing: str | None) -> None:
    """Refuse to write a file that would not load, unless it did not load before either."""
    try:
        loads(text, path)
    except InputError as exc:
        if existing is not None:
            try:
                loads(existing, path)
            except InputError:
                return  # the file had problems already; adding to it is no worse
        raise UsageError(
            f"the extracted claims would not load:\n{exc}",
            "please report this as a bug in extract",
        ) from None
