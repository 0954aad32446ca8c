"""Blocking within a budget and training on a sample (issue 14 part 5), on generated lists.

The lists come from tools/lists_synthetic.py: generated people, not real ones.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pandas as pd
import pytest

from casualty_recon.lists import blocking, orderfree
from casualty_recon.lists.link import LinkOptions, link_lists, prepare
from casualty_recon.lists.order import text_hash
from casualty_recon.lists.read import ListTable
from casualty_recon.model.lists import ListSpec
from tools.lists_synthetic import COLUMNS, _fallback, release_pair


def _tables(size: int) -> tuple[list[ListTable], pd.DataFrame, pd.DataFrame]:
    a, b = release_pair(size, seed=3, dist=_fallback())
    tables = []
    for number, frame in enumerate((a, b)):
        text = frame.astype(str).drop(columns=["person"])
        text.insert(0, "row", range(2, len(text) + 2))
        spec = ListSpec(
            key="ab"[number], path=f"{'ab'[number]}.csv", source="x", format="csv", columns=COLUMNS
        )
        tables.append(ListTable(spec, text, tuple(text.columns)))
    return tables, a, b


def _brute(frames: list[pd.DataFrame], rule: blocking.Rule) -> int:
    rows = [r for frame in frames for r in frame.to_dict("records")]
    columns, swapped = rule

    def same(x: dict[str, object], y: dict[str, object]) -> bool:
        for column in columns:
            left = x[column]
            right = y["dob_swap"] if swapped and column == "dob" else y[column]
            if pd.isna(left) or pd.isna(right) or left != right:
                return False
        return True

    return sum(same(x, y) or same(y, x) for x, y in itertools.combinations(rows, 2))


def test_comparisons_are_counted_exactly() -> None:
    tables, _, _ = _tables(150)
    frames = [prepare(table) for table in tables]
    for rule in [(("dob",), False), (("first", "family"), False), (("dob", "first"), True)]:
        assert blocking.comparisons(frames, rule) == _brute(frames, rule), rule


def _keyed(size: int, limit: int) -> list[pd.DataFrame]:
    tables, _, _ = _tables(size)
    records = {table.spec.key: prepare(table) for table in tables}
    return list(orderfree.with_order_free_key(records, limit)[0].values())


def test_the_order_free_key_pairs_a_name_with_one_part_more_and_is_counted_exactly() -> None:
    names = ["juan carlos diaz castano", "juan diaz castano", "ana gomez", "ana maria gomez"]
    names += ["luis perez", "pedro luis perez", "ana gomez", "castano juan carlos diaz"]
    frame = pd.DataFrame({"name_norm": names})
    frame["parts_hash"] = text_hash(frame["name_norm"].map(lambda n: " ".join(sorted(n.split()))))
    keyed = orderfree.with_order_free_key({"a": frame[:4], "b": frame[4:]}, 10**9)[0]
    both = pd.concat(keyed.values(), ignore_index=True)
    key = both[orderfree.KEY]
    assert key[0] == key[1] and key[2] == key[3] == key[6] and key[4] == key[5]
    assert key[7] == key[0] != key[2]  # the same parts in another order: the same key
    frames = list(keyed.values())
    assert blocking.comparisons(frames, ((orderfree.KEY,), False)) == 3 + 3 + 1
    assert blocking.comparisons(frames, (("parts_hash",), False)) == 2  # ana gomez, juan carlos


def test_order_free_keys_of_the_largest_blocks_go_for_the_budget() -> None:
    rule = ((orderfree.KEY,), False)
    unbounded = blocking.comparisons(_keyed(400, 10**9), rule)
    assert unbounded == _brute(_keyed(400, 10**9), rule) > 0
    tight = blocking.comparisons(_keyed(400, unbounded // 2), rule)
    assert 0 < tight <= unbounded // 2


def test_small_lists_keep_every_rule_and_large_blocks_are_tightened(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tables, _, _ = _tables(400)
    frames = [prepare(table) for table in tables]
    columns = set(frames[0].columns)
    rules, notes, counted = blocking.choose_rules(frames, columns)
    assert rules == blocking.candidate_rules(columns) and notes == []
    counts = {rule: blocking.comparisons(frames, rule) for rule in rules}
    assert counted == sum(counts.values()) > 0  # the pairs the chosen rules give
    monkeypatch.setattr(blocking, "BUDGET_FLOOR", 1_000)
    monkeypatch.setattr(blocking, "BUDGET_PER_RECORD", 0)
    rules, notes, counted = blocking.choose_rules(frames, columns)
    assert counted == sum(blocking.comparisons(frames, rule) for rule in rules)
    wide = [rule for rule, count in counts.items() if count > 1_000]
    assert wide and all(rule not in rules for rule in wide)
    assert (("first", "family", "father"), False) in rules
    assert all(blocking.comparisons(frames, rule) <= 1_000 or len(rule[0]) == 4 for rule in rules)
    assert any("first+father+sex gives" in note for note in notes)
    kept = [rule for rule, count in counts.items() if count <= 1_000]
    assert all(rule in rules for rule in kept)


def test_the_training_sample_keeps_whole_family_names() -> None:
    tables, _, _ = _tables(2_000)
    records = {table.spec.key: prepare(table) for table in tables}
    assert blocking.training_sample(records, limit=10_000) is None
    found = blocking.training_sample(records, limit=1_000)
    assert found is not None
    sample, share = found
    kept = sum(len(frame) for frame in sample.values())
    total = sum(len(frame) for frame in records.values())
    assert 0 < share < 0.5 and kept == round(share * total)  # whole names: lumpy, not exact
    families = set(sample["a"]["family"].dropna()) | set(sample["b"]["family"].dropna())
    for key, frame in records.items():
        whole = frame[frame["family"].isin(families)]
        assert len(whole) == len(sample[key][sample[key]["family"].isin(families)])


def test_sampled_training_and_tight_blocking_still_link_well(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # 500 people (1,204 records): above the training limit and with a rule over the budget
    # (first+family gives 2,280 pairs), the same paths as at scale at a quarter of the size.
    tables, a, b = _tables(500)
    monkeypatch.setattr(blocking, "TRAIN_RECORDS", 370)
    monkeypatch.setattr(blocking, "BUDGET_FLOOR", 1_500)
    monkeypatch.setattr(blocking, "BUDGET_PER_RECORD", 1)
    said: list[str] = []
    linkage = link_lists(tables, LinkOptions(use_ids=False, progress=said.append))
    assert any(text.startswith("training on ") for text in said)
    assert any("instead" in note for note in linkage.notes)
    links = linkage.links()
    person_a = dict(zip(range(2, len(a) + 2), a["person"], strict=True))
    person_b = dict(zip(range(2, len(b) + 2), b["person"], strict=True))
    right = sum(
        person_a[x] == person_b[y] for x, y in zip(links["row_a"], links["row_b"], strict=True)
    )
    truth = len(set(a["person"]) & set(b["person"]))
    assert right / len(links) >= 0.98 and right / truth >= 0.95


def test_duckdb_memory_is_bounded_and_a_bad_bound_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from casualty_recon.lists.link import _duckdb_api
    from casualty_recon.model.errors import UsageError

    monkeypatch.setenv("CASUALTY_RECON_DUCKDB_MEMORY", "256MB")
    api = _duckdb_api()
    limit = api._con.execute("select current_setting('memory_limit')").fetchone()[0]
    assert limit in ("256.0 MB", "244.1 MiB"), limit
    monkeypatch.setenv("CASUALTY_RECON_DUCKDB_MEMORY", "lots")
    with pytest.raises(UsageError, match="not an amount of memory"):
        _duckdb_api()
