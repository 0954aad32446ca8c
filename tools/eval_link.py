"""`make eval-link`: link two releases of the Gaza MoH list with the IDs hidden, score against them.

The IDs are the truth: a pair of records with the same ID in both releases is a true match. The
linkage never sees them (`use_ids=False`); its one-to-one links at each threshold are scored for
precision, recall and F1, beside the exact-key baseline (normalised Arabic name, sex, date of
birth). What it still misses is listed by reason, and links whose records share normalised name
and date of birth but not the ID are reported apart as likely ID corrections. Timed end to end.

Then the naming conventions other than the Arabic one (tools/lists_conventions.py: synthetic
Hispanic, family-name-first and two-part lists, scored against the generator's truth), which run
without ../shared/data.

Run from the repository root: `python -m tools.eval_link [DIR]` (default ../shared/data/lists);
`--conventions` scores only the synthetic conventions.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

DEFAULT_DIR = Path("../shared/data/lists")
RELEASES = ("gaza-moh-2024-01.json", "gaza-moh-2024-04.json")
COLUMNS = {
    "id": "id",
    "name": "name",
    "name_alt": "en_name",
    "sex": "sex",
    "age": "age",
    "dob": "dob",
}


def main(argv: list[str]) -> int:
    from casualty_recon.lists.link import THRESHOLDS, LinkOptions, link_lists
    from casualty_recon.lists.read import read_list
    from casualty_recon.model.lists import ListSpec

    if argv[:1] == ["--conventions"]:
        conventions()
        return 0
    folder = Path(argv[0]) if argv else DEFAULT_DIR
    paths = [folder / name for name in RELEASES]
    if not all(path.exists() for path in paths):
        print(f"eval-link: {folder} lacks {', '.join(RELEASES)}", file=sys.stderr)
        conventions()
        return 2
    start = time.perf_counter()
    tables = [
        read_list(
            ListSpec(key=path.stem, path=str(path), source="MoH", format="json", columns=COLUMNS)
        )
        for path in paths
    ]
    linkage = link_lists(tables, LinkOptions(use_ids=False))
    seconds = time.perf_counter() - start
    a, b = (linkage.records[table.spec.key] for table in tables)
    id_a, id_b = (
        dict(zip(a["row"], a["id"], strict=True)),
        dict(zip(b["row"], b["id"], strict=True)),
    )
    truth = set(a["id"]) & set(b["id"])
    print(
        f"{paths[0].name} ({len(a):,}) and {paths[1].name} ({len(b):,}): "
        f"{len(truth):,} people by ID"
    )
    print(
        f"end to end {seconds:.1f} s (read and prepare {linkage.seconds['prepare']:.1f}, "
        f"train {linkage.seconds['train']:.1f}, score {linkage.seconds['predict']:.1f})"
    )
    key = ["name_norm", "sex", "dob"]
    exact = a.dropna(subset=key).merge(b.dropna(subset=key), on=key, suffixes=("_a", "_b"))
    exact = exact.drop_duplicates("row_a").drop_duplicates("row_b")
    _score(
        "exact key (name, sex, dob)",
        [(x, y) for x, y in zip(exact["id_a"], exact["id_b"], strict=True)],
        truth,
    )
    for threshold in THRESHOLDS:
        links = linkage.links(threshold)
        pairs = [(id_a[x], id_b[y]) for x, y in zip(links["row_a"], links["row_b"], strict=True)]
        mark = " (default)" if threshold == linkage.threshold else ""
        _score(f"linkage at {threshold:.2f}{mark}", pairs, truth)
    links = linkage.links()
    linked_a = set(links["row_a"])
    ai, bi = a.set_index("row"), b.set_index("row")
    row_b_of = {ident: row for row, ident in id_b.items()}
    missed = [
        (row, row_b_of[id_a[row]]) for row in a["row"] if id_a[row] in truth and row not in linked_a
    ]
    scored = {
        (x, y): p
        for x, y, p in zip(
            linkage.pairs["row_a"],
            linkage.pairs["row_b"],
            linkage.pairs["probability"],
            strict=True,
        )
    }
    taken_b = set(links["row_b"])
    reasons = {
        "not blocked or scored under 0.1": 0,
        "below the threshold": 0,
        "lost to another record": 0,
    }
    for row_a, row_b in missed:
        if (row_a, row_b) not in scored:
            reasons["not blocked or scored under 0.1"] += 1
        elif scored[(row_a, row_b)] < linkage.threshold:
            reasons["below the threshold"] += 1
        else:
            reasons["lost to another record"] += 1
    print(
        f"missed at the default: {len(missed):,} ("
        + ", ".join(f"{k} {v:,}" for k, v in reasons.items())
        + ")"
    )
    for row_a, row_b in missed[:8]:
        p = scored.get((row_a, row_b))
        print(
            f"  {ai.at[row_a, 'name']} | {bi.at[row_b, 'name']}  dob {ai.at[row_a, 'dob']} | "
            f"{bi.at[row_b, 'dob']}  p={'-' if p is None else f'{p:.2f}'}"
            f"{'  (B taken)' if row_b in taken_b else ''}"
        )
    wrong = [
        (x, y) for x, y in zip(links["row_a"], links["row_b"], strict=True) if id_a[x] != id_b[y]
    ]
    corrections = [
        (x, y)
        for x, y in wrong
        if ai.at[x, "name_norm"] == bi.at[y, "name_norm"]
        and ai.at[x, "dob"] == bi.at[y, "dob"]
        and ai.at[x, "dob"] == ai.at[x, "dob"]
    ]
    print(
        f"links to another ID: {len(wrong):,}, of which likely ID corrections (same normalised "
        f"name and date of birth): {len(corrections):,}"
    )
    for x, y in corrections[:5]:
        print(f"  {id_a[x]} -> {id_b[y]}: {ai.at[x, 'name']}")
    others = [(x, y) for x, y in wrong if (x, y) not in set(corrections)]
    print("  the others (a different person, or a correction of name or date as well):")
    for x, y in others[:5]:
        print(
            f"  {id_a[x]} {ai.at[x, 'name']} {ai.at[x, 'dob']} -> {id_b[y]} "
            f"{bi.at[y, 'name']} {bi.at[y, 'dob']}"
        )
    conventions()
    return 0


def convention_tables(convention: str, size: int = 300, seed: int = 23) -> tuple[list[Any], Any]:
    """A synthetic pair of one convention as the tables `link_lists` takes, and the truth: for
    each list, a dict from row to person."""
    from casualty_recon.lists.read import ListTable
    from casualty_recon.model.lists import ListSpec
    from tools.lists_conventions import COLUMNS as CONVENTION_COLUMNS
    from tools.lists_conventions import convention_pair

    tables, truth = [], []
    for number, frame in enumerate(convention_pair(convention, size, seed)):
        text = frame.drop(columns=["person"])
        text.insert(0, "row", range(2, len(text) + 2))
        key = f"{convention}-{'ab'[number]}"
        spec = ListSpec(
            key=key, path=f"{key}.csv", source="synthetic", format="csv", columns=CONVENTION_COLUMNS
        )
        tables.append(ListTable(spec, text, tuple(text.columns)))
        truth.append(dict(zip(text["row"], frame["person"], strict=True)))
    return tables, truth


def conventions(size: int = 1000, seeds: tuple[int, ...] = (23, 24, 25)) -> None:
    """Each synthetic convention's precision, recall and F1 at the default threshold (summed over
    a few seeds), and the seconds each link takes."""
    from casualty_recon.lists.link import LinkOptions, link_lists
    from tools.lists_conventions import CONVENTIONS

    print(f"synthetic naming conventions ({size} people in A, seeds {seeds}, at the default):")
    for convention in CONVENTIONS:
        pairs: list[tuple[str, str]] = []
        people = 0
        seconds = 0.0
        for seed in seeds:
            tables, (person_a, person_b) = convention_tables(convention, size, seed)
            start = time.perf_counter()
            links = link_lists(tables, LinkOptions(use_ids=False)).links()
            seconds += time.perf_counter() - start
            pairs += [
                (f"{seed}-{person_a[x]}", f"{seed}-{person_b[y]}")
                for x, y in zip(links["row_a"], links["row_b"], strict=True)
            ]
            both = set(person_a.values()) & set(person_b.values())
            people += len(both)
        truth = {f"{n}" for n in range(people)}
        _score(f"{convention} ({seconds:.1f} s)", pairs, truth)


def _score(label: str, pairs: list[tuple[str, str]], truth: set[str]) -> None:
    """Links right over links made (precision) and over the people in both (`truth`'s size)."""
    right = sum(1 for x, y in pairs if x == y)
    precision = right / len(pairs) if pairs else 0.0
    recall = right / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"{label:<34} links {len(pairs):>7,}  precision {precision:.4f}  recall {recall:.4f}"
        f"  F1 {f1:.4f}"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
