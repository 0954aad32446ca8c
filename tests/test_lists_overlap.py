"""Counting people on patterns of three or more lists (issue 15 item 1): the clustering rule on
hand-made links, then synthetic lists generated here from a known population (every name, date
and place is made up by this code) whose membership patterns are known."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pandas as pd
import pytest
from kept_results import kept_results
from typer.testing import CliRunner, Result

import casualty_recon.lists.link as link_module
import casualty_recon.lists.overlap as overlap_module
from casualty_recon.cli.app import app
from casualty_recon.estimate import OverlapTable, estimate_tables, parse_overlaps
from casualty_recon.lists.link import Linkage, LinkOptions
from casualty_recon.lists.overlap import (
    Overlap,
    cluster_links,
    count_patterns,
    overlap_csv,
    overlap_lists,
)
from casualty_recon.lists.read import ListTable, read_list
from casualty_recon.load.loader import load

runner = CliRunner()

FIRST_M = ["محمد", "أحمد", "محمود", "خالد", "يوسف", "عمر", "إبراهيم", "حسن", "علي", "سامي"]
FIRST_M += ["رائد", "وائل", "هاني", "عماد", "جمال", "كريم", "طارق", "نبيل", "فادي", "ماهر"]
FIRST_F = ["فاطمة", "مريم", "سارة", "نور", "ليلى", "هدى", "أمل", "سعاد", "رنا", "منى", "دعاء"]
FAMILY = ["أبو داود", "الكحلوت", "شهاب", "عبد الله", "المصري", "النجار", "أبو شقرة", "عاشور"]
FAMILY += ["الأسطل", "حمدان", "سليم", "بدوان", "الدلو", "زقوت", "الحلو", "قديح", "ياسين"]
PLACES = ["North (synthetic)", "South (synthetic)", "East (synthetic)"]
KEYS = ("ngo", "ministry", "press")
CAPTURE = (0.6, 0.5, 0.4)
SOURCES = """\
version: 1
sources:
  NGO: synthetic NGO
  MIN: synthetic ministry
  PRESS: synthetic press
claims: []
lists:
  ngo: {file: ngo.csv, source: NGO, as_of: 2024-06-30,
        columns: {name: name, sex: sex, dob: dob, dod: dod, place: place}, free: [perpetrator]}
  ministry: {file: ministry.csv, source: MIN, as_of: 2024-06-30,
             columns: {name: name, sex: sex, dob: dob, dod: dod, place: place}}
  press: {file: press.csv, source: PRESS, as_of: 2024-06-30,
          columns: {name: name, sex: gender, dob: dob, dod: dod, place: place},
          free: [perpetrator]}
"""


# --- the clustering rule -------------------------------------------------------------------


def _linkage(a: str, b: str, rows: list[tuple[int, int, float, str]]) -> Linkage:
    pairs = pd.DataFrame(rows, columns=["row_a", "row_b", "probability", "method"])
    pairs["evidence"] = ""
    return Linkage((a, b), {}, pairs, pd.DataFrame())


def test_clusters_hold_at_most_one_record_of_each_list_best_link_first() -> None:
    sizes = {"A": [2, 3], "B": [2, 3], "C": [2, 3, 4]}
    linkages = [
        _linkage("A", "B", [(2, 2, 0.95, "model"), (3, 3, 0.5, "model")]),
        _linkage("B", "C", [(2, 2, 0.93, "model"), (3, 4, 0.91, "id")]),
        _linkage("A", "C", [(2, 3, 0.97, "model")]),
    ]
    clusters = {frozenset(c) for c in cluster_links(sizes, linkages, 0.9)}
    # A2-C3 (0.97) first, then A2-B2 (0.95); B2-C2 (0.93) would put two C records in one person.
    # B3-C4 is an ID link; A3-B3 at 0.5 is under the threshold.
    assert clusters == {
        frozenset({("A", 2), ("B", 2), ("C", 3)}),
        frozenset({("C", 2)}),
        frozenset({("A", 3)}),
        frozenset({("B", 3), ("C", 4)}),
    }
    # With two lists the rule is compare's one-to-one rule.
    two = cluster_links(
        {"A": [2, 3], "B": [2, 3]},
        [_linkage("A", "B", [(2, 2, 0.95, "model"), (2, 3, 0.97, "model"), (3, 3, 0.96, "model")])],
        0.9,
    )
    assert {frozenset(c) for c in two} == {
        frozenset({("A", 2), ("B", 3)}),
        frozenset({("A", 3)}),
        frozenset({("B", 2)}),
    }


# --- synthetic lists from a known population -----------------------------------------------


def _population(seed: int, size: int) -> list[dict[str, str]]:
    rng = random.Random(seed)
    people: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    while len(people) < size:
        sex = rng.choice("mf")
        first = rng.choice(FIRST_M if sex == "m" else FIRST_F)
        name = f"{first} {rng.choice(FIRST_M)} {rng.choice(FIRST_M)} {rng.choice(FAMILY)}"
        dob = f"{rng.randint(1950, 2020)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if (name, dob) in seen:
            continue
        seen.add((name, dob))
        month = rng.choice(("01", "02", "03"))
        people.append(
            {
                "name": name,
                "sex": sex,
                "dob": dob,
                "dod": f"2024-{month}-{rng.randint(1, 28):02d}" if rng.random() < 0.9 else "",
                "place": rng.choice(PLACES),
                "perpetrator": rng.choice(("party X", "party Y")),
            }
        )
    return people


def _vary(person: dict[str, str], rng: random.Random) -> dict[str, str]:
    """Another list's record of the same person: spellings change, some dates swap."""
    out = dict(person)
    name = person["name"].replace("أ", "ا").replace("إ", "ا")
    if rng.random() < 0.5:
        name = name.replace("عبد الله", "عبدالله").replace("أبو ", "ابو").replace("ي ", "ى ")
    if rng.random() < 0.3:
        name = name.replace("ة", "ه")
    out["name"] = name
    year, month, day = person["dob"].split("-")
    if rng.random() < 0.1 and int(day) <= 12:
        out["dob"] = f"{year}-{day}-{month}"
    return out


Known = tuple[Path, list[dict[str, str]], list[list[int]]]


def _write_lists(folder: Path, seed: int, errors: bool, size: int = 400) -> Known:
    """Three list files of one population; the folder, the people, who is on each list."""
    rng = random.Random(seed)
    people = _population(seed, size)
    members: list[list[int]] = []
    for number, key in enumerate(KEYS):
        chosen = [i for i in range(len(people)) if rng.random() < CAPTURE[number]]
        members.append(chosen)
        rows = []
        for i in rng.sample(chosen, len(chosen)):  # each list in its own order
            record = _vary(people[i], rng) if errors and number > 0 else dict(people[i])
            if key == "ministry":
                record["sex"] = "" if i % 7 == 0 else record["sex"]  # not recorded by one list
                record["place"] = "" if i % 5 == 0 else record["place"]
            rows.append(record)
        header = ["name", "gender" if key == "press" else "sex", "dob", "dod", "place"]
        fields = ["name", "sex", "dob", "dod", "place"]
        if key != "ministry":
            header.append("perpetrator")
            fields.append("perpetrator")
        text = ",".join(header) + "\n"
        text += "".join(",".join(r[f] for f in fields) + "\n" for r in rows)
        (folder / f"{key}.csv").write_text(text, encoding="utf-8")
    (folder / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    return folder, people, members


def _known(known: Known, by: str) -> dict[str, dict[str, int]]:
    """The true counts: stratum -> pattern -> people, a person's value from the first list
    (in KEYS order) whose record gives it, "unknown" when none does."""
    _, people, members = known
    on = [set(m) for m in members]
    out: dict[str, dict[str, int]] = {}
    for i, person in enumerate(people):
        pattern = "".join("1" if i in lists else "0" for lists in on)
        if pattern == "000":
            continue
        value = "unknown"
        for number, lists in enumerate(on):
            if i not in lists:
                continue
            given = person[by]
            if KEYS[number] == "ministry" and (
                (by == "sex" and i % 7 == 0) or (by == "place" and i % 5 == 0)
            ):
                given = ""
            if by == "dod":
                given = given[:7]
            if given:
                value = given
                break
        cell = out.setdefault(value, {})
        cell[pattern] = cell.get(pattern, 0) + 1
    return out


@pytest.fixture(scope="module")
def exact(tmp_path_factory: pytest.TempPathFactory) -> Known:
    """150 people: every pattern and stratum the tests below name is there (the same 18 rows of
    estimates as from 400), and each linkage costs less."""
    return _write_lists(tmp_path_factory.mktemp("overlap-exact"), 7, errors=False, size=150)


@pytest.fixture(scope="module")
def exact_wide(tmp_path_factory: pytest.TempPathFactory) -> Known:
    """400 people: enough (12) only on the ministry's list without a place for `estimate` to
    skip that stratum for having no overlap rather than too few records."""
    return _write_lists(tmp_path_factory.mktemp("overlap-wide"), 7, errors=False)


Linked = tuple[list[ListTable], Overlap]


@pytest.fixture(scope="module")
def exact_cli(exact: Known) -> tuple[Result, Linked]:
    """`lists overlap ngo ministry press --by sex --no-ids -q` run once on the exact lists (three
    pairwise linkages): its output for the CLI test, and the tables it read and the overlap it
    computed (kept as `overlap_lists` returned them) for the tests below, which count the same
    linkages other ways with `count_patterns`, as `overlap_lists` does."""
    sources = str(exact[0] / "sources.yaml")
    with (
        kept_results(overlap_module, "overlap_lists") as calls,
        kept_results(overlap_module, "prepare") as prepared,
        kept_results(link_module, "prepare") as prepared_again,
    ):
        result = runner.invoke(
            app, ["lists", "overlap", *KEYS, "-s", sources, "--by", "sex", "--no-ids", "-q"]
        )
    assert len(calls) == 1, result.stderr
    # Each list prepared once for its two pairs, not once a pair.
    assert sorted(table.spec.key for (table,), _ in prepared) == sorted(KEYS)
    assert prepared_again == []
    (tables, options, by, _period), overlap = calls[0]
    assert not options.use_ids and list(by) == ["sex"]
    return result, (list(tables), overlap)


@pytest.fixture(scope="module")
def exact_linked(exact_cli: tuple[Result, Linked]) -> Linked:
    return exact_cli[1]


def _overlap(folder: Path, by: list[str], **options: object) -> object:
    sources = load(folder / "sources.yaml")
    tables = [read_list(sources.lists[key]) for key in KEYS]
    return overlap_lists(tables, LinkOptions(**options), by)  # type: ignore[arg-type]


def _found(csv_text: str) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for table in parse_overlaps(csv_text, "overlap.csv"):
        patterns = ("".join(map(str, p)) for p in table.patterns)
        out[table.stratum] = dict(zip(patterns, table.counts, strict=True))
    return out


def test_exact_lists_give_the_known_pattern_counts_by_stratum(
    exact: Known, exact_linked: Linked
) -> None:
    tables, linked = exact_linked
    result = count_patterns(tables, linked.linkages, linked.threshold, ["place"])
    text = overlap_csv(result)
    assert text.splitlines()[0] == "pattern,lists,place,count"
    assert text.splitlines()[1].startswith('001,"ngo,ministry,press",East (synthetic),')
    found = _found(text)
    assert found == _known(exact, "place")
    # The ministry's missing places come from the other lists where the person is on them; the
    # people only on the ministry's list without a place are counted as unknown, not dropped.
    assert set(found["unknown"]) == {"010"}
    # Every record is in exactly one person.
    people = result.people
    for key, lists in zip(KEYS, exact[2], strict=True):
        assert people[f"row_{key}"].notna().sum() == len(lists)


def test_estimates_from_linked_lists_equal_those_from_the_known_table(
    exact: Known, exact_linked: Linked
) -> None:
    tables, linked = exact_linked
    result = count_patterns(tables, linked.linkages, linked.threshold, ["sex"])
    from_lists = parse_overlaps(overlap_csv(result), "linked.csv")
    known = _known(exact, "sex")
    assert "unknown" in known  # people only on the ministry's list, which lacks some sexes
    truth = [
        OverlapTable(
            KEYS,
            tuple(tuple(int(c) for c in p) for p in sorted(cells)),
            tuple(cells[p] for p in sorted(cells)),
            stratum=name,
        )
        for name, cells in sorted(known.items(), key=lambda item: (item[0] == "unknown", item[0]))
    ]
    methods = ("chapman", "loglinear", "latent-class")
    ours = estimate_tables(from_lists, methods=methods, seed=3, iterations=400)
    theirs = estimate_tables(truth, methods=methods, seed=3, iterations=400)
    assert [s.name for s in ours.strata] == [s.name for s in theirs.strata]
    pairs = list(zip(ours.rows(), theirs.rows(), strict=True))
    assert len(pairs) > 10
    for (stratum_a, a), (stratum_b, b) in pairs:
        assert (stratum_a, a.label, a.point, a.low, a.high) == (
            stratum_b,
            b.label,
            b.point,
            b.low,
            b.high,
        )


def test_realistic_errors_give_close_counts(tmp_path_factory: pytest.TempPathFactory) -> None:
    known = _write_lists(tmp_path_factory.mktemp("overlap-errors"), 11, errors=True)
    result = _overlap(known[0], [], use_ids=False)
    found = _found(overlap_csv(result))["all"]  # type: ignore[arg-type]
    truth: dict[str, int] = {}
    for cells in _known(known, "sex").values():
        for pattern, count in cells.items():
            truth[pattern] = truth.get(pattern, 0) + count
    people = sum(truth.values())
    off = sum(abs(found.get(p, 0) - truth.get(p, 0)) for p in {*found, *truth})
    assert off <= 0.04 * people, (found, truth)
    assert found["111"] >= 0.95 * truth["111"]
    assert sum(found.values()) >= people  # missed links split people, never drop records


def test_strata_by_period_and_a_free_column(exact: Known, exact_linked: Linked) -> None:
    # The pairwise linkages once, then counted several ways.
    tables, linked = exact_linked
    assert linked.threshold == 0.9
    by_month = count_patterns(tables, linked.linkages, 0.9, ["period"])
    assert _found(overlap_csv(by_month)) == _known(exact, "dod")
    by_quarter = count_patterns(tables, linked.linkages, 0.9, ["period"], period="quarter")
    assert set(_found(overlap_csv(by_quarter))) == {"2024-Q1", "unknown"}
    declared = "2024-01-01..2024-01-31, 2024-02-01..2024-02-29"
    by_declared = count_patterns(tables, linked.linkages, 0.9, ["period"], period=declared)
    names = {
        "2024-01": "2024-01-01..2024-01-31",
        "2024-02": "2024-02-01..2024-02-29",
        "2024-03": "outside the periods",  # counted apart, not dropped
        "unknown": "unknown",
    }
    expected: dict[str, dict[str, int]] = {}
    for month, cells in _known(exact, "dod").items():
        expected[names[month]] = cells
    assert _found(overlap_csv(by_declared)) == expected
    both = count_patterns(tables, linked.linkages, 0.9, ["perpetrator", "sex"])
    strata = set(_found(overlap_csv(both)))
    # Only people on the ministry's list alone have no perpetrator: that list has no column.
    assert {"party X / m", "party Y / f", "unknown / m"} <= strata
    only_ministry = both.people[both.people["pattern"] == "010"]
    assert (only_ministry["perpetrator"] == "unknown").all()
    assert (both.people[both.people["pattern"] != "010"]["perpetrator"] != "unknown").all()


def test_cli_overlap_pipes_into_estimate(exact: Known, exact_cli: tuple[Result, Linked]) -> None:
    result = exact_cli[0]  # `lists overlap ngo ministry press --by sex --no-ids -q`
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert _found(result.stdout) == _known(exact, "sex")
    estimated = runner.invoke(
        app, ["estimate", "-", "-m", "loglinear", "-f", "json"], input=result.stdout
    )
    assert estimated.exit_code == 0, estimated.stderr
    assert "unknown" in estimated.stdout and '"totals"' in estimated.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ngo"], "overlap needs two lists or more"),
        (["ngo", "ngo", "press"], "list `ngo` is given twice"),
        (["ngo", "press", "--by", "religion"], "--by religion: no list has that column"),
        (["ngo", "press", "--by", "count"], "--by count: that name is a column of the counts"),
        (["ngo", "nope"], "no list `nope`"),
        (["ngo", "press", "--period", "2024-01"], "--period '2024-01' is not a period"),
        (
            ["ngo", "press", "--period", "2024-01-01..2024-02-10,2024-02-01..2024-03-01"],
            "the periods overlap on 2024-02-01",
        ),
    ],
)
def test_cli_overlap_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    for key in KEYS:
        (tmp_path / f"{key}.csv").write_text(
            "name,sex,gender,dob,dod,place,perpetrator\n", encoding="utf-8"
        )
    result = runner.invoke(app, ["lists", "overlap", *args, "-s", str(tmp_path / "sources.yaml")])
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert message in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr


def test_overlap_never_overwrites_its_output(exact: Known, tmp_path: Path) -> None:
    folder = exact[0]
    out = tmp_path / "patterns.csv"
    out.write_text("keep\n", encoding="utf-8")
    args = ["lists", "overlap", *KEYS, "-s", str(folder / "sources.yaml"), "-o", str(out)]
    refused = runner.invoke(app, args)
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "keep\n"


def test_cli_estimate_from_lists_in_one_go(exact_wide: Known) -> None:
    exact = exact_wide
    sources = str(exact[0] / "sources.yaml")
    args = ["estimate", "--lists", ",".join(KEYS), "-s", sources, "--by", "place", "--no-ids"]
    result = runner.invoke(app, [*args, "-m", "chapman", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["file"] == "lists ngo, ministry, press"
    known = _known(exact, "place")
    assert {s["stratum"]: s["observed"] for s in data["strata"]} == {
        name: sum(cells.values()) for name, cells in known.items()
    }
    # The unknown stratum (people only on the ministry's list) is named, not estimated, and kept.
    skipped = {s["stratum"]: s["reason"] for s in data["skipped"]}
    assert "unknown" in skipped and "no overlap" in skipped["unknown"]
    assert "linking ngo" in result.stderr  # progress goes to stderr, the estimate to stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give FILE or --lists, one of them"),
        (["x.csv", "--lists", "ngo,press"], "give FILE or --lists, one of them"),
        (["x.csv", "--by", "sex"], "--by, --threshold and --no-ids go with --lists"),
        (["--lists", "ngo"], "--lists names two lists or more"),
        (["--lists", "ngo,nope"], "no list `nope`"),
    ],
)
def test_cli_estimate_lists_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    result = runner.invoke(app, ["estimate", *args, "-s", str(tmp_path / "sources.yaml")])
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert message in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr


def test_an_empty_list_is_on_no_one_and_breaks_nothing(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    (tmp_path / "ngo.csv").write_text(
        "name,sex,dob,dod,place,perpetrator\nسارة هاني أحمد شهاب,f,2001-02-03,,,\n"
        "عمر علي حسن النجار,m,1990-05-06,,,\n",
        encoding="utf-8",
    )
    (tmp_path / "ministry.csv").write_text("name,sex,dob,dod,place\n", encoding="utf-8")
    (tmp_path / "press.csv").write_text("name,gender,dob,dod,place,perpetrator\n", encoding="utf-8")
    result = _overlap(tmp_path, ["sex"])
    assert overlap_csv(result).splitlines() == [  # type: ignore[arg-type]
        "pattern,lists,sex,count",
        '100,"ngo,ministry,press",f,1',
        '100,"ngo,ministry,press",m,1',
    ]


def test_a_place_is_labelled_by_its_most_common_spelling_as_compare_does() -> None:
    """Spellings of one place (one case folded): the label is the one the lists write most
    often, as `lists compare` labels it, not the first met (ties: the first in sorted order)."""
    from casualty_recon.model.lists import ListSpec

    places = {"a": ["khan younis", "Rafah", "rafah"], "b": ["Khan Younis", "Khan Younis", "RAFAH"]}
    tables = []
    for key, values in places.items():
        frame = pd.DataFrame({"row": range(2, 5), "name": ["x", "y", "z"], "place": values})
        spec = ListSpec(key=key, path=f"{key}.csv", source="s", format="csv", columns={})
        tables.append(ListTable(spec, frame.astype(str), tuple(frame.columns)))
    empty = pd.DataFrame({"row_a": [], "row_b": [], "probability": [], "method": []})
    linkage = Linkage(("a", "b"), {}, empty, empty.iloc[0:0])
    people = count_patterns(tables, [linkage], 0.9, ["place"]).people
    assert sorted(people["place"]) == ["Khan Younis"] * 3 + ["RAFAH"] * 3
