"""`lists compare A B`: who is in both lists, who only in one, and what changed between releases.

Everything is derived from one `Linkage` at one threshold: the one-to-one links are the people in
both; the other records of each list are only in it. Breakdowns (sex, age band, month of death,
place) count each group where the lists have the field; for *both* the value is A's. When the two
lists come from one source they are read as two releases: *added* are only in B, *removed* only in
A, and the linked pairs are checked for a changed name, age or sex. A model link whose records
carry different IDs but the same normalised name and date of birth is reported apart, as a likely
ID correction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from casualty_recon.lists.link import Linkage

if TYPE_CHECKING:
    import pandas as pd

AGE_BANDS = ((0, 4), (5, 11), (12, 17), (18, 29), (30, 44), (45, 59), (60, 74), (75, 200))
STATUSES = ("both", "only_a", "only_b")


def age_band(age: float) -> str:
    if age != age:  # NaN
        return "unknown"
    for low, high in AGE_BANDS:
        if low <= age <= high:
            return f"{low}+" if high == 200 else f"{low}-{high}"
    return "unknown"


@dataclass(frozen=True, slots=True)
class Change:
    kind: str  # name, name spelling, age, sex
    count: int
    examples: list[tuple[str, str, str, str]]  # (id or row in A, value in A, id or row in B, B)


@dataclass
class ListComparison:
    keys: tuple[str, str]
    sources: tuple[str, str]
    threshold: float
    sizes: tuple[int, int]
    people: pd.DataFrame  # one row per person: status, rows, ids, names, probability, evidence
    breakdowns: dict[str, list[tuple[str, int, int, int]]] = field(default_factory=dict)
    releases: bool = False  # two releases of one source
    changes: list[Change] = field(default_factory=list)
    id_corrections: pd.DataFrame | None = None

    def count(self, status: str) -> int:
        return int((self.people["status"] == status).sum())


def compare_lists(
    linkage: Linkage,
    sources: tuple[str, str] = ("", ""),
    threshold: float | None = None,
    examples: int = 5,
) -> ListComparison:
    import pandas as pd

    if len(linkage.keys) != 2:
        raise ValueError("compare needs a linkage of two lists")
    key_a, key_b = linkage.keys[0], linkage.keys[1]
    cut = linkage.threshold if threshold is None else threshold
    a = linkage.records[key_a].set_index("row", drop=False)
    b = linkage.records[key_b].set_index("row", drop=False)
    links = linkage.links(cut)
    linked_a, linked_b = set(links["row_a"]), set(links["row_b"])
    only_a = a[~a["row"].isin(linked_a)]
    only_b = b[~b["row"].isin(linked_b)]

    def side(frame: pd.DataFrame, rows: pd.Series, suffix: str) -> dict[str, object]:
        part = frame.loc[rows.to_numpy()]
        return {
            f"row_{suffix}": part["row"].to_numpy(),
            f"id_{suffix}": part["id"].to_numpy(),
            f"name_{suffix}": part["name"].to_numpy(),
        }

    both = pd.DataFrame(
        {
            "status": "both",
            **side(a, links["row_a"], "a"),
            **side(b, links["row_b"], "b"),
            "probability": links["probability"].to_numpy(),
            "method": links["method"].to_numpy(),
            "evidence": links["evidence"].to_numpy(),
        }
    )
    people = pd.concat(
        [
            both,
            pd.DataFrame({"status": "only_a", **side(a, only_a["row"], "a")}),
            pd.DataFrame({"status": "only_b", **side(b, only_b["row"], "b")}),
        ],
        ignore_index=True,
    )
    result = ListComparison(
        (key_a, key_b),
        sources,
        cut,
        (len(a), len(b)),
        people,
        releases=bool(sources[0]) and sources[0] == sources[1],
    )
    groups = {
        "both": a.loc[links["row_a"].to_numpy()],
        "only_a": only_a,
        "only_b": only_b,
    }
    dimensions: dict[str, Callable[[pd.DataFrame], pd.Series]] = {
        "sex": lambda f: f["sex"].fillna("unknown"),
        "age band": lambda f: f["age"].map(age_band),
        "month of death": lambda f: f["dod"].str[:7].fillna("unknown"),
        "place": lambda f: f["place"].fillna("unknown"),
    }
    needs = {"sex": "sex", "age band": "age", "month of death": "dod", "place": "place"}
    for name, value in dimensions.items():
        if needs[name] not in a.columns or needs[name] not in b.columns:
            continue
        counts = {status: value(frame).value_counts() for status, frame in groups.items()}
        labels = sorted(set().union(*(set(c.index) for c in counts.values())), key=_order)
        shown = _spellings(a, b) if name == "place" else {}
        result.breakdowns[name] = [
            (
                shown.get(str(label), str(label)),
                int(counts["both"].get(label, 0)),
                int(counts["only_a"].get(label, 0)),
                int(counts["only_b"].get(label, 0)),
            )
            for label in labels
        ]
    pa, pb = a.loc[links["row_a"].to_numpy()], b.loc[links["row_b"].to_numpy()]
    pa, pb = pa.reset_index(drop=True), pb.reset_index(drop=True)
    if result.releases:
        result.changes = _changes(pa, pb, examples)
    differs = (pa["id"] != pb["id"]) & (pa["id"] != "") & (pb["id"] != "")
    same = (pa["name_norm"] == pb["name_norm"]) & differs
    if "dob" in pa.columns and "dob" in pb.columns:
        same &= pa["dob"].notna() & (pa["dob"] == pb["dob"])
    result.id_corrections = pd.DataFrame(
        {
            "row_a": pa["row"][same].to_numpy(),
            "id_a": pa["id"][same].to_numpy(),
            "row_b": pb["row"][same].to_numpy(),
            "id_b": pb["id"][same].to_numpy(),
            "name": pa["name"][same].to_numpy(),
        }
    )
    return result


def _spellings(a: pd.DataFrame, b: pd.DataFrame) -> dict[str, str]:
    """Each normalised place as the lists write it most often (`spelling_labels`)."""
    import pandas as pd

    frames = [f[["place", "place_text"]] for f in (a, b) if "place_text" in f.columns]
    if not frames:
        return {}
    both = pd.concat(frames).dropna()
    return spelling_labels(both["place"].astype(str), both["place_text"].astype(str))


def spelling_labels(keys: pd.Series, texts: pd.Series) -> dict[str, str]:
    """For each key (a place as compared: normalised, or folded to one case), the text written
    most often with it (`Bojayá`, not `bojaya`); ties go to the first in sorted order, so the
    label does not depend on the records' order. `lists compare` and `lists overlap` both label
    places so."""
    import pandas as pd

    both = pd.DataFrame({"key": keys.to_numpy(), "text": texts.to_numpy()})
    counts = both.groupby(["key", "text"]).size().reset_index(name="n")
    counts = counts.sort_values(["key", "n", "text"], ascending=[True, False, True])
    first = counts.drop_duplicates("key")
    return dict(zip(first["key"].astype(str), first["text"].astype(str), strict=True))


def _order(label: object) -> tuple[int, str]:
    text = str(label)
    if text == "unknown":
        return (1, text)
    head = text.split("-")[0].rstrip("+")
    return (0, f"{int(head):04d}" if head.isdigit() and len(head) <= 3 else text)


def _changes(pa: pd.DataFrame, pb: pd.DataFrame, examples: int) -> list[Change]:
    def pick(mask: pd.Series, column: str) -> Change:
        rows = mask[mask].index[:examples]
        shown = [
            (
                _who(pa, i),
                str(pa[column].iat[i]),
                _who(pb, i),
                str(pb[column].iat[i]),
            )
            for i in rows
        ]
        return Change("", int(mask.sum()), shown)

    out = []
    kinds: list[tuple[str, Callable[[], pd.Series], str]] = [
        ("name", lambda: (pa["name"] != pb["name"]) & (pa["name_norm"] != pb["name_norm"]), "name"),
        (
            "name spelling only",
            lambda: (pa["name"] != pb["name"]) & (pa["name_norm"] == pb["name_norm"]),
            "name",
        ),
        ("age by more than a year", lambda: (pa["age"] - pb["age"]).abs() > 1, "age"),
        ("sex", lambda: pa["sex"].notna() & pb["sex"].notna() & (pa["sex"] != pb["sex"]), "sex"),
    ]
    for kind, differs, column in kinds:
        if column not in pa.columns or column not in pb.columns:
            continue  # a field one of the lists does not have: no change to tell
        change = pick(differs().fillna(False).astype(bool), column)
        out.append(Change(kind, change.count, change.examples))
    return out


def _who(frame: pd.DataFrame, index: int) -> str:
    ident = str(frame["id"].iat[index])
    return ident if ident else f"row {frame['row'].iat[index]}"
