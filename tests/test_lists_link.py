"""Linkage of named-victim lists (issue 14, parts 2 and 3) on small generated lists."""

from __future__ import annotations

import importlib.util
import itertools
import random
import shutil
from pathlib import Path

import pytest
from kept_results import kept_results
from typer.testing import CliRunner, Result

import casualty_recon.lists.link as link_module
from casualty_recon.cli.app import app
from casualty_recon.lists.compare import compare_lists
from casualty_recon.lists.link import Linkage, LinkOptions, link_lists, one_to_one
from casualty_recon.lists.names import normalise, skeleton
from casualty_recon.lists.read import read_list
from casualty_recon.load.loader import load

FIRST_M = [
    "محمد",
    "أحمد",
    "محمود",
    "خالد",
    "يوسف",
    "عمر",
    "إبراهيم",
    "حسن",
    "علي",
    "سامي",
    "رائد",
    "وائل",
    "هاني",
    "عماد",
    "جمال",
    "كريم",
]
FIRST_F = ["فاطمة", "مريم", "سارة", "نور", "ليلى", "هدى", "أمل", "سعاد", "رنا", "منى", "دعاء"]
FAMILY = [
    "أبو داود",
    "الكحلوت",
    "شهاب",
    "عبد الله",
    "المصري",
    "النجار",
    "أبو شقرة",
    "عاشور",
    "الأسطل",
    "حمدان",
    "سليم",
    "بدوان",
    "الدلو",
    "زقوت",
]
SOURCES = """\
version: 1
sources:
  MoH: Ministry of Health
claims: []
lists:
  jan: {{file: a.csv, source: MoH, as_of: 2024-01-31, columns: {columns}}}
  apr: {{file: b.csv, source: MoH, as_of: 2024-04-30, columns: {columns}}}
"""
COLUMNS = "{id: id, name: name, sex: sex, age: age, dob: dob}"


def _people(seed: int, count: int) -> list[dict[str, str]]:
    rng = random.Random(seed)
    people = []
    for number in range(count):
        sex = rng.choice("mf")
        first = rng.choice(FIRST_M if sex == "m" else FIRST_F)
        name = f"{first} {rng.choice(FIRST_M)} {rng.choice(FIRST_M)} {rng.choice(FAMILY)}"
        year = rng.randint(1950, 2020)
        dob = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        people.append(
            {
                "id": str(400000000 + number * 7919),
                "name": name,
                "sex": sex,
                "age": str(2023 - year),
                "dob": dob,
            }
        )
    return people


def _vary(person: dict[str, str], rng: random.Random) -> dict[str, str]:
    """A later release's record of the same person: spellings change, some dates swap."""
    out = dict(person)
    name = person["name"].replace("أ", "ا").replace("إ", "ا")
    if rng.random() < 0.5:
        name = name.replace("عبد الله", "عبدالله").replace("أبو ", "ابو").replace("ي ", "ى ")
    if rng.random() < 0.3:
        name = name.replace("ة", "ه")
    out["name"] = name
    year, month, day = person["dob"].split("-")
    if rng.random() < 0.15 and int(day) <= 12:
        out["dob"] = f"{year}-{day}-{month}"
    out["age"] = str(int(person["age"]) + 1)
    return out


def _csv(rows: list[dict[str, str]]) -> str:
    lines = ["id,name,sex,age,dob"]
    lines += [",".join(r[k] for k in ("id", "name", "sex", "age", "dob")) for r in rows]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def lists_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """jan: 120 people (one written twice); apr: 110 of them varied, 40 new."""
    folder = tmp_path_factory.mktemp("lists")
    rng = random.Random(14)
    people = _people(1, 160)
    jan = [*people[:120], dict(people[5], id="")]  # a duplicate record without an ID
    apr = [_vary(p, rng) for p in people[10:120]] + people[120:]
    (folder / "a.csv").write_text(_csv(jan), encoding="utf-8")
    (folder / "b.csv").write_text(_csv(apr), encoding="utf-8")
    (folder / "sources.yaml").write_text(SOURCES.format(columns=COLUMNS), encoding="utf-8")
    return folder


def test_arabic_names_are_normalised() -> None:
    assert normalise("أحمد عبد الرحمن أبو شقرة") == normalise("احمد عبدالرحمن ابوشقره")
    assert normalise("مُصْطَفَى") == normalise("مصطفي")
    assert normalise("الكحلوت") == "كحلوت" and normalise("الله") == "الله"
    assert normalise("عطا الله") == "عطاالله"
    assert normalise("إيمان") != normalise("أيمن")
    assert skeleton("عبدالله") == skeleton("Abdullah") == "bdlh"
    assert skeleton("محمد") == skeleton("Muhammad")


def test_one_to_one_takes_the_best_pair_first() -> None:
    import pandas as pd

    pairs = pd.DataFrame(
        {
            "row_a": [2, 2, 3],
            "row_b": [10, 11, 10],
            "probability": [0.95, 0.97, 0.99],
            "evidence": "",
            "method": "model",
        }
    )
    kept = one_to_one(pairs, 0.9)
    assert sorted(zip(kept["row_a"], kept["row_b"], strict=True)) == [(2, 11), (3, 10)]
    assert one_to_one(pairs, 0.98)["row_a"].tolist() == [3]


def _scores(lists_dir: Path, options: LinkOptions) -> tuple[Linkage, float, float]:
    sources = load(lists_dir / "sources.yaml")
    tables = [read_list(sources.lists[key]) for key in ("jan", "apr")]
    return _scored(link_lists(tables, options))


def _scored(linkage: Linkage) -> tuple[Linkage, float, float]:
    """The linkage, its precision and its recall against the IDs (110 people in both)."""
    a, b = linkage.records["jan"], linkage.records["apr"]
    id_a = dict(zip(a["row"], a["id"], strict=True))
    id_b = dict(zip(b["row"], b["id"], strict=True))
    links = linkage.links()
    right = sum(id_a[x] == id_b[y] for x, y in zip(links["row_a"], links["row_b"], strict=True))
    return linkage, right / len(links), right / 110


CompareRun = tuple[list[str], Path, Result, Linkage]


@pytest.fixture(scope="module")
def compare_cli(lists_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> CompareRun:
    """`lists compare jan apr -o people.csv` run once (the default options: IDs first): its
    arguments, output file and result, and the linkage it computed (kept as `link_lists`
    returned it), which the tests below read."""
    out = tmp_path_factory.mktemp("compare") / "people.csv"
    args = ["lists", "compare", "jan", "apr", "-s", str(lists_dir / "sources.yaml"), "-o", str(out)]
    with kept_results(link_module, "link_lists") as calls:
        result = CliRunner().invoke(app, args)
    assert len(calls) == 1, result.stderr
    (_tables, options), linkage = calls[0]
    assert options.use_ids and options.threshold == 0.9 and options.engine == "duckdb"
    return args, out, result, linkage


@pytest.fixture(scope="module")
def with_ids(compare_cli: CompareRun) -> tuple[Linkage, float, float]:
    """The two releases linked once with the default options (IDs first), by the CLI test's
    `lists compare` run: the tests below read it."""
    return _scored(compare_cli[3])


def test_duckdb_linkage_without_ids_finds_the_same_people(lists_dir: Path) -> None:
    linkage, precision, recall = _scores(lists_dir, LinkOptions(use_ids=False))
    assert precision >= 0.98 and recall >= 0.95
    links = linkage.links()
    assert links["row_a"].is_unique and links["row_b"].is_unique  # one to one
    assert (links["method"] == "model").all()
    assert links["evidence"].str.contains("first: exact").mean() > 0.9
    counts = linkage.counts()
    assert [c.threshold for c in counts] == [0.5, 0.8, 0.9, 0.95, 0.99]
    assert all(x.both >= y.both for x, y in itertools.pairwise(counts))
    # The record written twice in January is flagged, and both copies are kept.
    duplicates = linkage.duplicates()
    assert {(7, 122)} <= set(zip(duplicates["row_l"], duplicates["row_r"], strict=True))
    assert len(linkage.records["jan"]) == 121


def test_ids_link_first_and_the_model_fills_the_rest(
    with_ids: tuple[Linkage, float, float],
) -> None:
    linkage, precision, recall = with_ids
    links = linkage.links()
    assert (links["method"] == "id").sum() == 110
    assert precision == 1.0 and recall == 1.0
    assert (links.loc[links["method"] == "id", "evidence"] == "same ID").all()


SPARK_SKIP = None
if shutil.which("java") is None:
    SPARK_SKIP = "Java is not installed (pyspark needs Java 17+; .ci/run installs it)"
elif importlib.util.find_spec("pyspark") is None:  # found, not imported: 0.15 s a worker
    SPARK_SKIP = "pyspark is not installed (pip install -e '.[spark]')"


def _pairs(linkage: Linkage) -> set[tuple[int, int]]:
    links = linkage.links()
    return set(zip(links["row_a"].tolist(), links["row_b"].tolist(), strict=True))


@pytest.mark.slow
@pytest.mark.skipif(SPARK_SKIP is not None, reason=SPARK_SKIP or "")
def test_spark_scores_with_the_same_settings_and_gives_the_same_links(lists_dir: Path) -> None:
    """One model (trained on DuckDB) scored on both engines: the same links, the same evidence.

    About a minute (the JVM, then one Spark job per blocking rule); `.ci/run` runs it."""
    duck, _, _ = _scores(lists_dir, LinkOptions(use_ids=False))
    spark, precision, recall = _scores(
        lists_dir, LinkOptions(use_ids=False, engine="spark", trained=duck.model)
    )
    assert spark.engine == "spark" and precision >= 0.98 and recall >= 0.95
    assert _pairs(spark) == _pairs(duck)
    assert sorted(spark.links()["evidence"]) == sorted(duck.links()["evidence"])


@pytest.mark.slow
@pytest.mark.skipif(SPARK_SKIP is not None, reason=SPARK_SKIP or "")
def test_spark_trains_and_links_like_duckdb(lists_dir: Path) -> None:
    """Training on Spark too (a few minutes: EM runs one Spark job per iteration); CI runs it."""
    duck, _, _ = _scores(lists_dir, LinkOptions(use_ids=False))
    spark, precision, recall = _scores(lists_dir, LinkOptions(use_ids=False, engine="spark"))
    assert precision >= 0.98 and recall >= 0.95
    assert _pairs(spark) == _pairs(duck)


def test_compare_two_releases(with_ids: tuple[Linkage, float, float]) -> None:
    linkage, _, _ = with_ids
    comparison = compare_lists(linkage, ("MoH", "MoH"))
    assert comparison.releases
    assert (comparison.count("both"), comparison.count("only_a"), comparison.count("only_b")) == (
        110,
        11,
        40,
    )
    changes = {change.kind: change.count for change in comparison.changes}
    assert changes["name spelling only"] > 30 and changes["sex"] == 0
    sexes = dict((label, (b, a, o)) for label, b, a, o in comparison.breakdowns["sex"])
    assert sum(v[0] for v in sexes.values()) == 110
    assert "age band" in comparison.breakdowns


def test_cli_compare_writes_people_csv_and_never_overwrites(compare_cli: CompareRun) -> None:
    runner = CliRunner()
    args, out, result, _ = compare_cli  # lists compare jan apr -s sources.yaml -o people.csv
    assert result.exit_code == 0, result.stderr
    assert "in both: 110" in result.stdout and "40 added, 11 removed" in result.stdout
    assert "linking jan (121) and apr (150) on duckdb" in result.stderr
    lines = out.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0].startswith("person,status,row_a,id_a,name_a,row_b,id_b,name_b,match_probab")
    assert len(lines) == 1 + 161
    again = runner.invoke(app, args)
    assert again.exit_code == 2 and "exists" in again.stderr and "--force" in again.stderr
    forced = runner.invoke(app, [*args, "--force", "-q"])
    assert forced.exit_code == 0 and forced.stderr == ""


def test_cli_link_reports_thresholds_and_rejects_unknown_lists(lists_dir: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(app, ["lists", "link", "jan", "-s", str(lists_dir / "sources.yaml"), "-q"])
    assert ok.exit_code == 0, ok.stderr
    assert "0.90" in ok.stdout and "(default)" in ok.stdout
    assert "suspected duplicates at 0.90: 1 pairs" in ok.stdout
    bad = runner.invoke(app, ["lists", "link", "nope", "-s", str(lists_dir / "sources.yaml")])
    assert bad.exit_code == 2 and "no list `nope`" in bad.stderr


def test_evidence_leaves_out_a_missing_value_even_beside_a_level_weighing_zero() -> None:
    """A pair without a birth date weighs 0 on it, as the level `day and month swapped` does
    when its m equals its u: the evidence must not say the dates were swapped (+0.0)."""
    import pandas as pd

    def level(label: str, m: float, u: float) -> dict[str, object]:
        return {"label_for_charts": label, "m_probability": m, "u_probability": u}

    dob = [
        {"label_for_charts": "null", "is_null_level": True},
        level("exact", 0.9, 0.01),
        level("day and month swapped", 0.05, 0.05),
        level("different", 0.05, 0.94),
    ]
    model = {"comparisons": [{"output_column_name": "dob", "comparison_levels": dob}]}
    pairs = pd.DataFrame(
        {
            "row_a": [2, 3],
            "row_b": [10, 11],
            "probability": [0.95, 0.95],
            "method": "model",
            "mw_dob": pd.Series([0.0, 0.0], dtype="float32"),  # missing, then swapped
        }
    )
    records = {
        "a": pd.DataFrame({"row": [2, 3], "dob": [None, "1990-02-01"]}),
        "b": pd.DataFrame({"row": [10, 11], "dob": ["1990-01-01", "1990-01-02"]}),
    }
    within = pd.DataFrame(
        {"list": ["b", "a"], "row_l": [10, 2], "row_r": [11, 3], "probability": [0.95, 0.95]}
    ).assign(mw_dob=pd.Series([0.0, 0.0], dtype="float32"))
    linkage = Linkage(("a", "b"), records, pairs, within, model=model)
    evidence = linkage.links().set_index("row_a")["evidence"]
    assert evidence[2] == ""
    assert evidence[3] == "dob: day and month swapped (+0.0)"
    # Within a list: b's two records both have a birth date, a's first has none.
    assert linkage.duplicates()["evidence"].tolist() == ["dob: day and month swapped (+0.0)", ""]
