"""Extracted claims as `sources.yaml` (format v1) text: a new document, or added to one.

The text is made by the one writer of sources.yaml in `load` (`yaml_append`, which keeps an
existing file's comments, key order, quoting and indentation); this module turns extracted claims
into its plain data and checks that the result loads. Writing files is the CLI's business
(`cli.extract_run`, through `render.atomic`).
"""

from __future__ import annotations

from collections.abc import Sequence

from casualty_recon.extract.claims import ExtractedClaim
from casualty_recon.extract.fresh_yaml import HEADER, fresh_document
from casualty_recon.load.loader import load_document, loads
from casualty_recon.load.yaml_append import MergeResult, NewClaim, NewSource, append_claims
from casualty_recon.load.yaml_nodes import MAX_BYTES
from casualty_recon.model.errors import InputError, UsageError
from casualty_recon.model.usage import EXTRACTED_INVALID, EXTRACTED_TOO_LARGE

__all__ = [
    "HEADER",
    "MergeResult",
    "check_loads",
    "merge_checked",
    "merge_claims",
    "render_yaml",
]


def render_yaml(claims: Sequence[ExtractedClaim]) -> str:
    """A complete v1 `sources.yaml` holding the claims (for stdout or a new file)."""
    return fresh_document(claims).text


def merge_claims(existing: str | None, claims: Sequence[ExtractedClaim]) -> tuple[str, MergeResult]:
    """`existing` text with the claims added (duplicates skipped), or a new document. A new
    document is written by the fast plain-data writer (`extract.fresh_yaml`); the comment-keeping
    round trip is only for a file a person already edits."""
    if existing is None or not existing.strip():
        fresh = fresh_document(claims)
        return fresh.text, MergeResult(fresh.added, fresh.skipped, fresh.sources_added)
    return append_claims(existing, [_new_claim(claim) for claim in claims], header=HEADER)


def merge_checked(
    existing: str | None, claims: Sequence[ExtractedClaim], path: str
) -> tuple[str, MergeResult]:
    """`merge_claims`, refusing a result that would not load (UsageError, a bug in extract).

    A new document is checked on the plain data it was written from (`load_document`): the
    writer's text reads back as exactly that data (`dump_sources_document`'s contract, tested
    on any text in tests/test_sources_yaml.py), so parsing the text again would prove nothing
    more, at half the cost of the check. Text added to an existing file is parsed again."""
    if existing is None or not existing.strip():
        fresh = fresh_document(claims)
        _check_size(fresh.text)
        try:
            load_document(fresh.data, path)
        except InputError as exc:
            raise _would_not_load(exc) from None
        return fresh.text, MergeResult(fresh.added, fresh.skipped, fresh.sources_added)
    text, merged = merge_claims(existing, claims)
    check_loads(text, path, existing)
    return text, merged


def _new_claim(claim: ExtractedClaim) -> NewClaim:
    source = NewSource(claim.source.key, claim.source.name, claim.source.kind, claim.source.aliases)
    fields: dict[str, object] = {
        "relayed_by": claim.relayed_by,
        "figure": claim.figure,
        "population": claim.population,
        "outcome": claim.outcome,
        "perpetrators": list(claim.perpetrators) or "any",
        "area": list(claim.area),
        "start": claim.start or None,
        "as_of": claim.as_of,
        "published": claim.published or None,
        "basis": claim.basis,
        "url": claim.url or None,
        "quote": claim.quote,
        "notes": claim.notes,
    }
    return NewClaim(claim.id, source, fields)


def _check_size(text: str) -> None:
    """Refuse text over the input limit: `validate` and `report` would not read it back."""
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise UsageError.of(EXTRACTED_TOO_LARGE, size=size, limit=MAX_BYTES)


def check_loads(text: str, path: str, existing: str | None) -> None:
    """Refuse text that would not load, unless `existing` did not load before either; first,
    text over the input limit, which `validate` would refuse however good its claims."""
    _check_size(text)
    try:
        loads(text, path)
    except InputError as exc:
        if existing is not None:
            try:
                loads(existing, path)
            except InputError:
                return  # the file had problems already; adding to it is no worse
        raise _would_not_load(exc) from None


def _would_not_load(exc: InputError) -> UsageError:
    return UsageError.of(EXTRACTED_INVALID, errors=exc)
