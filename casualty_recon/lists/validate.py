"""`lists validate`: what each list holds, and what is wrong in it, located by row and column.

A finding is not an input error: a list with an age of 150 can still be linked; the finding
says where to look. Counts are exact; the findings themselves are all kept (renderers cap them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from casualty_recon.lists.read import ListTable
from casualty_recon.lists.records import MAX_AGE, parse_age, parse_date, parse_sex
from casualty_recon.model.claims import Location, Sources
from casualty_recon.model.lists import LIST_FIELDS

FINDING_KINDS = ("duplicate-id", "impossible", "unreadable")
UNKNOWN_AGE = -1  # the age many lists write for "unknown"


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str  # one of FINDING_KINDS
    location: Location  # the list file, row, column
    field: str
    value: str
    message: str


@dataclass(frozen=True, slots=True)
class ClaimCheck:
    """A claim backed by the list: does its figure hold the list's count?"""

    claim: str
    figure: str
    low: int
    high: int | None
    count: int

    @property
    def agrees(self) -> bool:
        return self.low <= self.count and (self.high is None or self.count <= self.high)


@dataclass(slots=True)
class ListCheck:
    key: str
    path: str
    source: str
    as_of: dt.date | None
    records: int
    fields: tuple[str, ...]  # the mapped fields
    missing: dict[str, int] = field(default_factory=dict)  # field -> records without it
    duplicate_ids: int = 0  # ids written on more than one record
    unknown_ages: int = 0  # ages written as -1, read as unknown (counted in `missing` too)
    findings: list[Finding] = field(default_factory=list)
    claims: list[ClaimCheck] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for finding in self.findings if finding.kind == kind)


def validate_list(table: ListTable, sources: Sources | None = None) -> ListCheck:
    spec, frame = table.spec, table.frame
    fields = tuple(f for f in LIST_FIELDS if f in spec.columns)
    check = ListCheck(spec.key, spec.path, spec.source, spec.as_of, len(frame), fields)
    findings: list[Finding] = []
    for name in fields:
        check.missing[name] = int((frame[name] == "").sum())
    rows = frame["row"].to_numpy()

    def add(kind: str, name: str, mask: Any, message: str) -> None:
        import numpy as np

        for index in np.flatnonzero(mask):
            value = str(frame[name].iat[index])
            findings.append(
                Finding(kind, table.where(rows[index], name), name, value, message.format(value))
            )

    if "id" in fields:
        ids = frame["id"]
        repeated = ids.duplicated(keep=False) & (ids != "")
        check.duplicate_ids = int(ids[repeated].nunique())
        add("duplicate-id", "id", repeated.to_numpy(), "ID {} is on more than one record")
    if "sex" in fields:
        sex = parse_sex(frame["sex"])
        add("unreadable", "sex", ((sex == "") & (frame["sex"] != "")).to_numpy(), "sex {!r}?")
    if "age" in fields:
        age = parse_age(frame["age"])
        add(
            "unreadable",
            "age",
            (age.isna() & (frame["age"] != "")).to_numpy(),
            "age {!r} is not a number",
        )
        # -1 is how many lists write "age unknown": missing, not impossible; other negatives
        # (and ages over MAX_AGE) stay impossible
        unknown = age == UNKNOWN_AGE
        check.unknown_ages = int(unknown.sum())
        check.missing["age"] += check.unknown_ages
        add(
            "impossible",
            "age",
            (((age < 0) & ~unknown) | (age > MAX_AGE)).to_numpy(),
            f"age {{}} is outside 0 to {MAX_AGE}",
        )
    dates = {}
    for name in ("dob", "dod"):
        if name in fields:
            dates[name] = parse_date(frame[name])
            add(
                "unreadable",
                name,
                (dates[name].isna() & (frame[name] != "")).to_numpy(),
                "date {!r} is not YYYY-MM-DD or DD/MM/YYYY",
            )
            if spec.as_of is not None:
                late = dates[name] > _timestamp(spec.as_of)
                add(
                    "impossible",
                    name,
                    late.to_numpy(),
                    f"date {{}} is after the list's as_of, {spec.as_of.isoformat()}",
                )
    if "dob" in dates and "dod" in dates:
        add(
            "impossible",
            "dod",
            (dates["dod"] < dates["dob"]).to_numpy(),
            "death on {} is before birth",
        )
    findings.sort(key=lambda f: (f.location.line, f.location.column, f.kind))
    check.findings = findings
    if sources is not None:
        by_id = {claim.id: claim for claim in sources.claims}
        for claim_id in spec.claims:
            claim = by_id.get(claim_id)
            if claim is not None:
                check.claims.append(
                    ClaimCheck(
                        claim_id, claim.figure.text, claim.figure.low, claim.figure.high, len(frame)
                    )
                )
    return check


def _timestamp(day: dt.date) -> object:
    import pandas as pd

    return pd.Timestamp(day)
