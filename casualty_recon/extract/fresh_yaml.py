"""Extracted claims as a new `sources.yaml` (format v1), written by the fast plain-data writer.

A new file has no comments or layout to keep, so it is built as plain data and written by
`load.yaml_writer.dump_sources_document` (the writer of `import`), not by the comment-keeping
ruamel.yaml round trip, which `--append` keeps for files a person already edits: on a
400-article batch the round trip was most of the command's time. The data are the same either
way (a test compares them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from casualty_recon.extract.claims import ExtractedClaim
from casualty_recon.load.source_names import rekeyed_id, same_source
from casualty_recon.load.yaml_writer import dump_sources_document

HEADER = (
    "Claims extracted from news articles by casualty-recon extract.\n"
    "Check every figure, scope and date against its article before relying on it."
)


@dataclass(slots=True)
class FreshDocument:
    """The YAML text of a new file, the claim ids it holds and the source keys it defines."""

    text: str
    data: dict[str, object] = field(default_factory=dict)  # what `text` reads back as
    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    sources_added: list[str] = field(default_factory=list)


def fresh_document(claims: Sequence[ExtractedClaim]) -> FreshDocument:
    """A complete v1 document holding the claims: one source entry per source (a source whose
    name or alias names a source already written reuses its key), a claim once per source,
    figure, population, outcome and as_of."""
    sources: dict[str, dict[str, str]] = {}
    known: dict[str, list[str]] = {}  # key written -> its key, name and aliases
    records: list[dict[str, object]] = []
    present: set[tuple[str, str, str, str, str]] = set()
    ids: set[str] = set()
    result = FreshDocument("")
    for claim in claims:
        key = _source_key(claim, sources, known)
        duplicate = (key, claim.figure, claim.population, claim.outcome, claim.as_of)
        if duplicate in present:
            result.skipped.append(claim.id)
            continue
        present.add(duplicate)
        claim_id = _free_id(rekeyed_id(claim.id, claim.source.key, key), ids)
        ids.add(claim_id)
        records.append(claim_record(claim, claim_id, key))
        result.added.append(claim_id)
    result.sources_added = list(sources)
    document: dict[str, object] = {"version": 1, "sources": sources, "claims": records}
    header = "".join(f"# {line}\n" for line in HEADER.splitlines())
    result.text = header + dump_sources_document(document)
    result.data = document
    return result


def claim_record(claim: ExtractedClaim, claim_id: str, source_key: str) -> dict[str, object]:
    """One claim as plain data, in the format's field order."""
    entry: dict[str, object] = {"id": claim_id, "source": source_key}
    if claim.relayed_by and claim.relayed_by != source_key:
        entry["relayed_by"] = claim.relayed_by
    entry["figure"] = int(claim.figure) if claim.figure.isdigit() else claim.figure
    entry["population"] = claim.population
    entry["outcome"] = claim.outcome
    if not claim.perpetrators:
        entry["perpetrators"] = "any"
    else:
        entry["perpetrators"] = (
            claim.perpetrators[0] if len(claim.perpetrators) == 1 else list(claim.perpetrators)
        )
    entry["area"] = claim.area[0] if len(claim.area) == 1 else list(claim.area)
    if claim.start:
        entry["start"] = claim.start
    entry["as_of"] = claim.as_of
    if claim.published:
        entry["published"] = claim.published
    entry["basis"] = claim.basis
    if claim.url:
        entry["url"] = claim.url
    entry["quote"] = claim.quote
    entry["notes"] = claim.notes
    return entry


def _source_key(
    claim: ExtractedClaim, sources: dict[str, dict[str, str]], known: dict[str, list[str]]
) -> str:
    """The key written for the claim's source: one already written whose key, name or aliases
    name the same organisation (`load.source_names`), else its own."""
    source = claim.source
    if source.key in sources:
        return source.key
    names = [source.key, source.name, *source.aliases]
    for key, written in known.items():
        if same_source(names, written):
            return key
    sources[source.key] = {"name": source.name, "kind": source.kind}
    known[source.key] = names
    return source.key


def _free_id(claim_id: str, ids: set[str]) -> str:
    if claim_id not in ids:
        return claim_id
    base = re.sub(r"-\d+$", "", claim_id)
    suffix = 2
    while f"{base}-{suffix}" in ids:
        suffix += 1
    return f"{base}-{suffix}"
