"""Plain-text and CSV renderings of named-victim lists: validation, linkage and comparison.

Text from the lists is untrusted: control characters are stripped before printing, and CSV text
cells are neutralised against spreadsheet formulas by `rows_to_csv`.
"""

from __future__ import annotations

from casualty_recon.lists.validate import ListCheck
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
