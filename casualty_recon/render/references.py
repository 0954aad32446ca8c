"""References as rows for `references.csv`, and as plain text.

The columns of `references.csv`, their types and meanings are the catalogue
`REFERENCES_COLUMNS` of `casualty_recon.render.csv` (one list: the README's table is rendered
from it); `REFERENCE_COLUMNS` is their names, in order.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from casualty_recon.events.reference import Reference
from casualty_recon.render.csv import REFERENCES_COLUMNS

REFERENCE_COLUMNS: tuple[str, ...] = tuple(column.name for column in REFERENCES_COLUMNS)

Cell = str | int | None


@dataclass(frozen=True, slots=True)
class EventReferences:
    """What `events` shows: one line on the event file read, the file's notes (what its
    layout sums and how it was read), and the references found."""

    summary: str
    references: list[Reference]
    notes: tuple[str, ...] = ()


def _reasons(counts: dict[str, int]) -> str:
    return "; ".join(f"{reason}: {count}" for reason, count in counts.items())


def reference_rows(references: Iterable[Reference]) -> list[dict[str, Cell]]:
    """One dict per reference, keyed by `REFERENCE_COLUMNS` (None for an empty cell). Text
    cells are raw: the CSV writer neutralises formula-like text."""
    rows: list[dict[str, Cell]] = []
    for ref in references:
        rows.append(
            {
                "claim": ref.claim_id,
                "dataset": ref.dataset,
                "kind": ref.kind,
                "file": ref.path,
                "population": ref.population,
                "outcome": ref.outcome,
                "measure": ref.measure,
                "window_start": ref.window_start.isoformat() if ref.window_start else None,
                "window_end": ref.window_end.isoformat() if ref.window_end else None,
                "area": "; ".join(ref.area),
                "perpetrators": "any" if ref.perpetrators is None else "; ".join(ref.perpetrators),
                "grades": "; ".join(ref.grades) if ref.grades else None,
                "reference_low": ref.low,
                "reference_best": ref.best,
                "reference_high": ref.high,
                "events": ref.events,
                "claim_low": ref.claim_low,
                "claim_high": ref.claim_high,
                "claim_figure": ref.claim_text,
                "comparison": ref.comparison,
                "excluded": _reasons(ref.excluded),
                "unreadable": _reasons(ref.unreadable),
                "rule": ref.rule,
                "notes": " ".join(ref.notes),
                "sentence": ref.sentence,
            }
        )
    return rows


def render_text(references: Iterable[Reference], *, rules: bool = False) -> str:
    """Plain text: the file's unreadable rows once per file, then one block per claim (the
    sentence, what was left out, the notes). With `rules`, each distinct matching rule is
    printed once, before the claims: alone when every claim shares it, else numbered, each
    claim's block naming its rule's number."""
    references = list(references)
    blocks: list[str] = []
    told: set[str] = set()
    for ref in references:
        if ref.unreadable and ref.path not in told:
            told.add(ref.path)
            total = sum(ref.unreadable.values())
            blocks.append(
                f"{ref.dataset} file {ref.path}: {total} unreadable row(s) left out "
                f"({_reasons(ref.unreadable)})"
            )
    numbers: dict[str, int] = {}
    for ref in references:
        numbers.setdefault(ref.rule, len(numbers) + 1)
    if rules and len(numbers) == 1:
        blocks.append(f"rule, for every claim below: {references[0].rule}")
    elif rules:
        blocks.extend(f"rule {number}: {rule}" for rule, number in numbers.items())
    for ref in references:
        lines = [f"{ref.claim_id}: {ref.sentence}"]
        if ref.excluded:
            lines.append(f"  left out: {_reasons(ref.excluded)}")
        lines.extend(f"  note: {note}" for note in ref.notes)
        if rules and len(numbers) > 1:
            lines.append(f"  rule: {numbers[ref.rule]} (above)")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def references_plain(found: EventReferences) -> str:
    """The file's summary line and notes, then every reference with its matching rule."""
    head = "\n".join([found.summary, *(f"note: {note}" for note in found.notes)])
    return head + "\n\n" + render_text(found.references, rules=True)


def references_json(found: EventReferences) -> str:
    """`{"events": summary, "references": [...]}`."""
    payload = {
        "events": found.summary,
        "notes": list(found.notes),
        "references": [r.to_dict() for r in found.references],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
