"""Plain-text and CSV renderings of named-victim lists: validation, linkage and comparison.

Text from the lists is untrusted: control characters are stripped before printing, and CSV text
cells are neutralised against spreadsheet formulas by `rows_to_csv`.
"""

from __future__ import annotations

import re

from casualty_recon.lists.compare import ListComparison
from casualty_recon.lists.link import Linkage
from casualty_recon.lists.validate import ListCheck
from casualty_recon.model.columns import PEOPLE_COLUMNS
from casualty_recon.model.lists import LIST_FIELD_TITLES
from casualty_recon.render.claims import clean

MAX_FINDINGS = 20  # findings printed per list; the counts are always exact


def _share(part: int, whole: int) -> str:
    return f"{part:,} ({100 * part / whole:.1f}%)" if whole else f"{part:,}"


def render_validation(checks: list[ListCheck], *, all_findings: bool = False) -> str:
    lines: list[str] = []
    for check in checks:
        as_of = f", as of {check.as_of.isoformat()}" if check.as_of else ""
        lines.append(f"list {clean(check.key)} ({clean(check.source) or 'no source'}{as_of})")
        lines.append(f"  file: {clean(check.path)}")
        fields = ", ".join(LIST_FIELD_TITLES[f] for f in check.fields)
        lines.append(f"  records: {check.records:,}; fields: {fields}")
        gaps = [
            f"{LIST_FIELD_TITLES[f]} {_share(n, check.records)}"
            for f, n in check.missing.items()
            if n
        ]
        lines.append("  missing: " + ("; ".join(gaps) if gaps else "none"))
        if check.unknown_ages:
            lines.append(
                f"  {check.unknown_ages:,} age{'s' if check.unknown_ages != 1 else ''} written "
                "as -1, read as unknown"
            )
        if "id" in check.fields:
            lines.append(
                f"  duplicate IDs: {check.duplicate_ids:,}"
                + (f" (on {check.count('duplicate-id'):,} records)" if check.duplicate_ids else "")
            )
        lines.append(
            f"  impossible values: {check.count('impossible'):,}; "
            f"unreadable values: {check.count('unreadable'):,}"
        )
        for claim in check.claims:
            verdict = "agrees with" if claim.agrees else "DISAGREES with"
            lines.append(
                f"  claim {clean(claim.claim)} ({clean(claim.figure)}) {verdict} "
                f"the list's {claim.count:,} records"
            )
        shown = check.findings if all_findings else check.findings[:MAX_FINDINGS]
        for finding in shown:
            lines.append(f"  {clean(str(finding.location))}: {clean(finding.message)}")
        if len(shown) < len(check.findings):
            lines.append(
                f"  ... and {len(check.findings) - len(shown):,} more (--all shows every one)"
            )
    return "\n".join(lines) + "\n"


# --- linkage and comparison --------------------------------------------------------------------


def render_linkage(linkage: Linkage) -> str:
    keys = linkage.keys
    lines = [
        f"linkage of {' and '.join(clean(k) for k in keys)} on {linkage.engine} "
        f"({', '.join(f'{len(linkage.records[k]):,}' for k in keys)} records; "
        f"{linkage.seconds.get('total', 0.0):.1f} s)"
    ]
    header = (
        "  threshold"
        + ("      both     by ID    only A    only B" if len(keys) == 2 else "")
        + "  duplicates"
    )
    lines.append(header)
    for count in linkage.counts():
        mark = " (default)" if count.threshold == linkage.threshold else ""
        cells = f"  {count.threshold:>9.2f}"
        if len(keys) == 2:
            cells += f"{count.both:>10,}{count.by_id:>10,}{count.only_a:>10,}{count.only_b:>10,}"
        lines.append(cells + f"{count.duplicates:>12,}{mark}")
    for note in linkage.notes:
        lines.append(f"  note: {clean(note)}")
    return "\n".join(lines) + "\n"


def render_duplicates(linkage: Linkage, limit: int = 10) -> str:
    duplicates = linkage.duplicates()
    lines = [f"suspected duplicates at {linkage.threshold:.2f}: {len(duplicates):,} pairs (kept)"]
    for row in duplicates.head(limit).itertuples():
        frame = linkage.records[str(row.list)].set_index("row")
        lines.append(
            f"  {clean(str(row.list))} rows {row.row_l} and {row.row_r} "
            f"({row.probability:.3f}): {clean(str(frame.at[row.row_l, 'name']))} / "
            f"{clean(str(frame.at[row.row_r, 'name']))}"
        )
    return "\n".join(lines) + "\n"


def _who(who: str) -> str:
    """A record as `compare` names it, its ID or `row N`, saying which: `ID 973970452`."""
    return clean(who) if who.startswith("row ") else f"ID {clean(who)}"


def _value(text: str) -> str:
    """A changed value as written: a whole number without `.0` (ages are read as floats)."""
    whole = re.fullmatch(r"(-?\d+)\.0+", text)
    return whole.group(1) if whole else clean(text)


def render_comparison(comparison: ListComparison) -> str:
    a, b = comparison.keys
    lines = [
        f"{clean(a)} ({comparison.sizes[0]:,} records) against {clean(b)} "
        f"({comparison.sizes[1]:,}), links at {comparison.threshold:.2f}",
        f"  in both: {comparison.count('both'):,}",
        f"  only in {clean(a)}: {comparison.count('only_a'):,}",
        f"  only in {clean(b)}: {comparison.count('only_b'):,}",
    ]
    if comparison.releases:
        lines.append(
            f"  two releases of {clean(comparison.sources[0])}: "
            f"{comparison.count('only_b'):,} added, {comparison.count('only_a'):,} removed"
        )
        for change in comparison.changes:
            lines.append(f"  changed {change.kind}: {change.count:,}")
            for who_a, was, who_b, now in change.examples:
                # "ID 973970452: 10 -> 68", and the record's ID in B where it differs
                lines.append(
                    f"    {_who(who_a)}: {_value(was)} -> {_value(now)}"
                    + (f" ({_who(who_b)} in {clean(b)})" if who_b != who_a else "")
                )
    corrections = comparison.id_corrections
    if corrections is not None and len(corrections):
        lines.append(
            f"  likely ID corrections (same name and date of birth, other ID): {len(corrections):,}"
        )
        for row in corrections.head(5).itertuples():
            lines.append(f"    {clean(str(row.id_a))} -> {clean(str(row.id_b))}: {clean(row.name)}")
    for name, rows in comparison.breakdowns.items():
        # The header's words end where the numbers under them end.
        heading = f"by {clean(name)}:"
        width = max([20, len(heading) - 2] + [len(clean(row[0])) for row in rows])
        lines.append(f"  {heading:<{width + 2}}{'both':>8}{'only A':>10}{'only B':>10}")
        for label, both, only_a, only_b in rows:
            lines.append(f"    {clean(label):<{width}}{both:>8,}{only_a:>10,}{only_b:>10,}")
    return "\n".join(lines) + "\n"


def people_csv(comparison: ListComparison, *, bom: bool = True) -> bytes:
    """One row per person: the ids in each list and the match probability."""
    from casualty_recon.render.csv import rows_to_csv

    frame = comparison.people
    rows = []
    for number, record in enumerate(frame.to_dict("records"), start=1):
        row: dict[str, object] = {"person": number}
        for name in [column.name for column in PEOPLE_COLUMNS[1:]]:
            value = record.get("probability" if name == "match_probability" else name)
            if value is None or value != value:  # None or NaN
                continue
            row[name] = int(value) if name in ("row_a", "row_b") else value
        rows.append(row)
    return rows_to_csv(PEOPLE_COLUMNS, rows, bom=bom)
