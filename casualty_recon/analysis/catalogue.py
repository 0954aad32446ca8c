"""The catalogue of differences and of verdicts: one entry each, with title, description and the
sentence template the report fills in. The README's tables are generated from these entries and a
test fails when they drift.
"""

from __future__ import annotations

from typing import NamedTuple


class DifferenceKind(NamedTuple):
    kind: str
    title: str
    description: str
    pushes_up_when: str
    template: str


class VerdictKind(NamedTuple):
    verdict: str
    title: str
    description: str
    template: str


DIFFERENCE_KINDS: dict[str, DifferenceKind] = {
    entry.kind: entry
    for entry in (
        DifferenceKind(
            "bounds",
            "Shape of the figures",
            "One or both figures are floors, ceilings, ranges or approximations, not points. "
            "Two floors never contradict; the larger floor holds for the wider of the two scopes.",
            "two floors never contradict; the report says what common floor they establish",
            "{a_label} is {a_shape} and {b_label} is {b_shape}. {consequence}",
        ),
        DifferenceKind(
            "as_of",
            "Counted to different days",
            "The counts run to different days; a count that runs later has had more time to grow.",
            "A runs later",
            "{a_label} counts to {a_value}, {b_label} to {b_value}: {days_text}. {effect_text}",
        ),
        DifferenceKind(
            "start",
            "Counted from different days",
            "The counts start on different days; a count that starts earlier covers more time.",
            "A starts earlier",
            "{a_label} counts from {a_value}, {b_label} from {b_value}: {days_text}. {effect_text}",
        ),
        DifferenceKind(
            "population",
            "Different populations",
            "The claims count different people (civilians, children, all people...).",
            "A's population is wider",
            "{a_label} counts {a_value}, {b_label} counts {b_value}: {relation_text}. "
            "{effect_text}",
        ),
        DifferenceKind(
            "outcome",
            "Different outcomes",
            "The claims count different outcomes (killed, killed or injured, died...).",
            "A's outcome is wider",
            "{a_label} counts people {a_value}, {b_label} people {b_value}: {relation_text}. "
            "{effect_text}",
        ),
        DifferenceKind(
            "perpetrators",
            "Different perpetrators",
            "The claims attribute deaths to different parties, or one counts deaths by any party.",
            "A's set is wider",
            "{a_label} counts deaths caused by {a_value}, {b_label} by {b_value}: "
            "{relation_text}. {effect_text}",
        ),
        DifferenceKind(
            "area",
            "Different areas",
            "The claims cover different places.",
            "A's area is wider",
            "{a_label} covers {a_value}, {b_label} covers {b_value}: {relation_text}. "
            "{effect_text}",
        ),
        DifferenceKind(
            "basis",
            "Different standards of proof",
            "The counts were made differently: verified < documented < reported < estimated, by "
            "how much each is expected to capture.",
            "A's basis captures more",
            "{a_label} is {a_value}, {b_label} is {b_value}: {relation_text}. {effect_text}",
        ),
        DifferenceKind(
            "relay",
            "Stale relay",
            "A figure repeated by someone else after its source's count had moved on: the relay "
            "prints an old number under a new date.",
            "B is the stale one",
            "{stale_label} was published on {published} by {relay}, repeating a count that ran "
            "to {as_of}: it was {age} old when printed{newer}.",
        ),
        DifferenceKind(
            "revision",
            "Revised figure",
            "The same source later gave a lower figure for the same scope; the older claim is "
            "flagged.",
            "n/a: flags the older claim",
            "{source} lowered its figure from {old} ({old_date}) to {new} ({new_date}); "
            "the older claim is superseded.",
        ),
    )
}

VERDICTS: dict[str, VerdictKind] = {
    entry.verdict: entry
    for entry in (
        VerdictKind(
            "explained",
            "Explained",
            "The residual contains 0 once the quantified effects are applied (or, where A is a "
            "floor, the adjusted B reaches it).",
            "The gap is accounted for: {detail}.",
        ),
        VerdictKind(
            "partly_explained",
            "Partly explained",
            "The residual does not contain 0, but at least one unquantified difference points "
            "the right way (or either way, its relation being unknown) and could close the rest.",
            "{residual} remains after the quantified effects; {kinds} could close it.",
        ),
        VerdictKind(
            "unexplained",
            "Unexplained",
            "The residual does not contain 0 and no remaining difference can point the right way.",
            "{residual} remains and no difference left points the right way to close it.",
        ),
        VerdictKind(
            "contradiction",
            "Contradiction",
            "On the same basis, a claim whose scope contains the other's has a ceiling below the "
            "other's floor: a wider count cannot be smaller than a narrower one.",
            "{wide_label} counts a scope that contains {narrow_label}'s, on the same basis, yet "
            "its ceiling {ceiling} is below {narrow_label}'s floor {floor}.",
        ),
    )
}

DIRECTIONS: dict[str, str] = {
    "up": "pushes A above B",
    "down": "pushes A below B",
    "either": "could push either way",
    "none": "does not move the figures",
}


def catalogue_markdown() -> str:
    """The README tables of difference kinds and verdicts."""
    lines = [
        "| kind | title | pushes A above B when | what it means |",
        "|---|---|---|---|",
    ]
    for entry in DIFFERENCE_KINDS.values():
        lines.append(
            f"| `{entry.kind}` | {entry.title} | {entry.pushes_up_when} | {entry.description} |"
        )
    lines += ["", "| verdict | title | when |", "|---|---|---|"]
    for verdict in VERDICTS.values():
        lines.append(f"| `{verdict.verdict}` | {verdict.title} | {verdict.description} |")
    return "\n".join(lines) + "\n"
