"""The JSON Schema keeps up with the loader: every sources.yaml the loader accepts in the
repository validates against it, and files the loader refuses for a reason a schema can express
are refused by it too.

The files: the bundled sources.yaml, every YAML under tests/ that loads, the YAML examples of
the README that load, the `init` starter, files written by `extract` and `import`, and a file
generated from the loader's own definitions that uses every field and every vocabulary word
(synthetic: its figures and dates are placeholders, not reports).

A YAML file is turned into the JSON an editor validates by the project's own YAML reader, typed
as YAML 1.2 (which editors speak): `2019-04-29` and `yes` are text, `true` a boolean.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from casualty_recon.analysis.kinds import assumable
from casualty_recon.cli.app import app
from casualty_recon.grammar.scope_words import OUTCOME_WORDS, POPULATION_WORDS
from casualty_recon.load.assumption_reader import RATE_FIELDS
from casualty_recon.load.builder import UNKNOWN
from casualty_recon.load.claim_fields import CLAIM_FIELDS
from casualty_recon.load.lists_section import LIST_ENTRY_FIELDS
from casualty_recon.load.loader import loads
from casualty_recon.load.schema import schema_json
from casualty_recon.load.starter import STARTER
from casualty_recon.load.yaml_nodes import Node, parse
from casualty_recon.model.claims import BASES, OUTCOMES, POPULATIONS, SOURCE_KINDS
from casualty_recon.model.errors import InputError
from casualty_recon.model.lists import LIST_FIELDS, LIST_FORMATS

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def schema() -> dict[str, Any]:
    return json.loads(schema_json(assumable()))  # type: ignore[no-any-return]


def instance(node: Node) -> object:
    """The JSON value an editor sees for a node (YAML 1.2 core types)."""
    if node.kind == "map":
        return {key.text: instance(value) for key, value in node.pairs}
    if node.kind == "seq":
        return [instance(item) for item in node.items]
    if node.tag == "null":
        return None
    if node.tag == "bool" and node.text.lower() in ("true", "false"):
        return node.text.lower() == "true"
    if node.tag in ("int", "float"):
        return node.python()
    return node.text


def document(text: str) -> object:
    root, problems = parse(text, "<test>")
    assert root is not None, problems
    return instance(root)


def errors(text: str) -> list[str]:
    validator = jsonschema.Draft7Validator(schema())
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
        for e in validator.iter_errors(document(text))
    ]


def accepted(text: str, path: str = "<test>") -> bool:
    try:
        loads(text, path)
    except InputError:
        return False
    return True


# --- every file the loader accepts ---------------------------------------------------------


def readme_yaml_blocks() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^```yaml\n(.*?)^```", readme, flags=re.M | re.S)


def repository_files() -> Iterator[tuple[str, str]]:
    yield "sources.yaml", (ROOT / "sources.yaml").read_text(encoding="utf-8")
    for path in sorted((ROOT / "tests").rglob("*.y*ml")):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # tests/bad/encoding.yaml
        yield str(path.relative_to(ROOT)), text
    for number, block in enumerate(readme_yaml_blocks(), start=1):
        yield f"README.md yaml block {number}", block
    yield "init starter", STARTER


def test_every_file_the_loader_accepts_in_the_repository_validates() -> None:
    checked = []
    for name, text in repository_files():
        if not accepted(text, str(ROOT / name) if name.endswith("yaml") else "<test>"):
            continue
        assert errors(text) == [], name
        checked.append(name)
    # Not vacuous: the bundled file, the README's lists example (#14), the starter, test files.
    assert {"sources.yaml", "init starter", "README.md yaml block 2"} <= set(checked)
    assert len(checked) >= 5, checked


def test_the_readme_format_example_validates() -> None:
    """The README's input format example is a fragment (its `compare` names a claim it leaves
    out, so the loader refuses it); an editor must still find nothing wrong in it."""
    block = readme_yaml_blocks()[0]
    assert "compare:" in block and "ocha-reuters-2019-08-20" in block
    assert errors(block) == []


# Synthetic wire-style articles written for this test (not real reports): one placed and dated,
# one that names no place and one without a date, so `extract` writes `area: unknown` and
# `as_of: unknown`.
ARTICLES = {
    "dated.txt": "KABUL, 3 March 2019 (Newswire) - At least 40 people were killed in a bombing "
    "in Kabul on Saturday, police said.",
    "placeless.txt": "Gunmen killed 12 villagers in an attack on Monday, a local official said.",
    "undated.txt": "Militants attacked an army post in Borno state, killing seven soldiers, the "
    "army said.",
}


def test_files_written_by_extract_validate(tmp_path: Path) -> None:
    names = []
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        names.append(str(tmp_path / name))
    out = tmp_path / "extracted.yaml"
    result = runner.invoke(app, ["extract", *names, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert accepted(text)
    assert f"area: {UNKNOWN}" in text and f"as_of: {UNKNOWN}" in text
    assert errors(text) == []


def test_files_written_by_import_validate(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", str(ROOT / "sources.yaml"), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    rebuilt = tmp_path / "rebuilt.yaml"
    result = runner.invoke(app, ["import", str(tmp_path / "claims.csv"), "-o", str(rebuilt)])
    assert result.exit_code == 0, result.stderr
    text = rebuilt.read_text(encoding="utf-8")
    assert accepted(text)
    assert errors(text) == []


def case_variant(word: str, index: int) -> str:
    """Every other word in another case and spacing, as the loader folds them."""
    if index % 3 == 1:
        return word.upper().replace(" ", "  ")
    if index % 3 == 2:
        return word.title()
    return word


def every_field_and_word() -> str:
    """A synthetic file with every claim field, every vocabulary word of the loader (terms and
    the words people write, in several cases), `unknown` area and as_of, every assumption
    target and every list field and format. Values are placeholders, not reports."""
    claim = {
        "id": "c-1",
        "source": "s-un",
        "figure": "more than 730",
        "population": "civilians",
        "outcome": "killed",
        "perpetrators": "any",
        "area": "Syria",
        "start": "late April 2019",
        "as_of": "2019-08-20",
        "published": "2019-08-21",
        "basis": "reported",
        "relayed_by": "Newswire",
        "url": "https://example.org/synthetic",
        "quote": "synthetic placeholder",
        "notes": "synthetic placeholder",
        "breakdown_of": None,
        "series": "one-count",
        "complete": "true",
        "list": "list-csv",
    }
    assert set(claim) == set(CLAIM_FIELDS)  # a new claim field needs a value here
    lines = ["version: 1", "title: synthetic test file", "settings: {about_tolerance: 0.1}"]
    lines += ["areas:", "  test region: [Idlib, Hama]", "parties:", "  test group: [IDF, Hamas]"]
    lines.append("sources:")
    for index, kind in enumerate(SOURCE_KINDS):
        lines.append(f"  s-{kind}: {{name: Source {index}, kind: {case_variant(kind, index)}}}")
    lines += ["  s-bare:", "  s-named: A source written as its name", "claims:"]
    lines.append("  - " + ", ".join(f"{k}: {v}" for k, v in claim.items() if v is not None))
    lines[-1] = "  - {" + lines[-1][4:] + "}"
    number = 1
    for field, words in (
        ("population", [*POPULATIONS, *POPULATION_WORDS]),
        ("outcome", [*OUTCOMES, *OUTCOME_WORDS]),
        ("basis", list(BASES)),
    ):
        for index, word in enumerate(words):
            number += 1
            values = {"population": "people", "outcome": "killed", "basis": "reported"}
            values[field] = case_variant(word, index)
            lines.append(
                f"  - {{id: c-{number}, source: s-ngo, figure: {number}, "
                f"population: '{values['population']}', outcome: '{values['outcome']}', "
                f"basis: '{values['basis']}', area: [test region, {UNKNOWN}], "
                f"as_of: {UNKNOWN}, breakdown_of: c-1, perpetrators: [test group]}}"
            )
    lines.append(
        "  - {id: 42, source: s-bare, figure: {low: 160, high: 300}, population: people, "
        "outcome: killed, area: Unknown, as_of: 2019, start: ~, published: ~, relayed_by: ~}"
    )
    lines.append("assumptions:")
    for index, target in enumerate(assumable()):
        shown = case_variant(target, index)
        if target in RATE_FIELDS:
            lines.append(f"  - {{applies_to: {shown}, rate: [1, 2.5], reason: synthetic}}")
            continue
        pair = {
            "population": ("children", "kids"),
            "outcome": ("killed", "deaths"),
            "basis": ("verified", "reported"),
            "area": ("Idlib", "test region"),
            "perpetrators": ("IDF", "test group"),
        }.get(target, ("a", "b"))
        lines.append(
            f"  - {{applies_to: {shown}, from: {pair[0]}, to: {pair[1]}, ratio: 1.5, "
            "source: s-un, reason: synthetic}"
        )
    lines.append("compare:\n  - [c-1, c-2]\n  - [c-2, 42]")
    lines.append("lists:")
    columns = ", ".join(f"{field}: col_{field}" for field in LIST_FIELDS)
    for fmt in LIST_FORMATS:
        suffix = {"csv": "csv", "json": "json", "excel": "xlsx"}[fmt]
        lines.append(
            f"  list-{fmt}: {{file: synthetic.{suffix}, source: s-un, as_of: 2019-08-20, "
            f"format: {fmt}, sheet: Sheet1, columns: {{{columns}}}, free: [extra, other]}}"
        )
    lines.append("  list-bare: {file: synthetic.csv, columns: {name: full_name}, free: note}")
    return "\n".join(lines) + "\n"


def test_a_file_with_every_field_and_word_loads_and_validates() -> None:
    text = every_field_and_word()
    sources = loads(text, "<generated>")  # the loader accepts it, or this test is wrong
    outcomes = {claim.outcome for claim in sources.claims}
    populations = {claim.population for claim in sources.claims}
    assert outcomes == set(OUTCOMES) and populations == set(POPULATIONS)
    assert set(sources.lists) == {f"list-{fmt}" for fmt in LIST_FORMATS} | {"list-bare"}
    assert {a.applies_to for a in sources.assumptions} == set(assumable())
    tree = document(text)
    assert isinstance(tree, dict)
    assert set(tree["lists"]["list-csv"]) == set(LIST_ENTRY_FIELDS)
    assert errors(text) == []


# --- files the loader refuses, for a reason the schema can express --------------------------

GOOD_CLAIM = (
    "{id: c1, source: s, figure: 730, population: civilians, outcome: killed, area: Syria, "
    "as_of: 2019-08-20%s}"
)


def a_file(claim_extra: str = "", rest: str = "") -> str:
    return f"version: 1\nsources:\n  s:\nclaims:\n  - {GOOD_CLAIM % claim_extra}\n{rest}"


REFUSED = {
    "unknown outcome word": a_file(", outcome: slaughtered").replace("outcome: killed, ", ""),
    "unknown population": a_file(", population: voters").replace("population: civilians, ", ""),
    "unknown basis": a_file(", basis: guessed"),
    "unknown claim field": a_file(", figures: 3"),
    "missing as_of": a_file().replace(", as_of: 2019-08-20", ""),
    "negative figure": a_file().replace("figure: 730", "figure: -5"),
    "boolean as text": a_file(", notes: true"),
    "complete not a boolean": a_file(", complete: 'yes'"),
    "bad claim id": a_file().replace("id: c1", "id: 'c 1'"),
    "unknown source kind": a_file().replace("  s:\n", "  s: {kind: blogger}\n"),
    "version 2": a_file().replace("version: 1", "version: 2"),
    "about_tolerance of 1": a_file(rest="settings: {about_tolerance: 1}\n"),
    "a rate for a value target": a_file(
        rest="assumptions:\n  - {applies_to: basis, from: verified, to: reported, ratio: 1.5, "
        "rate: 2, reason: r}\n"
    ),
    "a ratio for a rate target": a_file(
        rest="assumptions:\n  - {applies_to: as_of, rate: 2, ratio: 1.5, reason: r}\n"
    ),
    "a value target without ratio": a_file(
        rest="assumptions:\n  - {applies_to: outcome, from: killed, to: died, reason: r}\n"
    ),
    "an assumption outcome outside the vocabulary": a_file(
        rest="assumptions:\n  - {applies_to: outcome, from: killed, to: slain by, ratio: 1, "
        "reason: r}\n"
    ),
    "an unknown assumption target": a_file(
        rest="assumptions:\n  - {applies_to: weather, rate: 1, reason: r}\n"
    ),
    "a list without columns": a_file(rest="lists:\n  l: {file: x.csv}\n"),
    "a list with an empty columns mapping": a_file(
        rest="lists:\n  l: {file: x.csv, columns: {}}\n"
    ),
    "an assumption with an empty reason (it was dropped silently)": a_file(
        rest="assumptions:\n  - {applies_to: basis, from: verified, to: reported, ratio: 1, "
        "reason: ~}\n"
    ),
    "a list without a name column": a_file(rest="lists:\n  l: {file: x.csv, columns: {age: a}}\n"),
    "an unknown list column field": a_file(
        rest="lists:\n  l: {file: x.csv, columns: {name: n, height: h}}\n"
    ),
    "an unknown list format": a_file(
        rest="lists:\n  l: {file: x.csv, format: parquet, columns: {name: n}}\n"
    ),
    "an empty as_of": a_file().replace("as_of: 2019-08-20", "as_of: ~"),
    "a compare entry of three": a_file(rest="compare:\n  - [c1, c1, c1]\n"),
    "an unknown top-level section": a_file(rest="claim:\n  - x\n"),
}


@pytest.mark.parametrize("name", REFUSED)
def test_files_the_loader_refuses_are_refused_by_the_schema(name: str) -> None:
    text = REFUSED[name]
    with pytest.raises(InputError):
        from casualty_recon.analysis.kinds import check_assumptions

        check_assumptions(loads(text, "<test>"))  # `weather` is the registry's refusal
    assert errors(text) != []


# Values of each field, good and bad, in the forms people write (case, spacing, numbers, empty
# values, booleans, lists where text is wanted, ...): whatever the loader accepts, the schema
# must accept. (The schema may accept more: cross-references, places and grammars are the
# loader's to check.)
CLAIM_VALUES = {
    "id": ["c2", "2", "1.5", "-1", "'c 2'", "true", "~", "[a]", "''"],
    "source": ["s", "1", "~", "[s]", "yes"],
    "figure": [
        "730",
        "'730'",
        "-1",
        "1.5",
        "730.0",
        "{low: 1}",
        "{low: '1,000', high: ~}",
        "{low: 1, high: 2.0}",
        "true",
        "~",
        "[1]",
        "''",
        "more than 7",
        "{high: 3}",
    ],
    "population": ["Civilians", "'  health   workers '", "kids", "KIDS", "1", "~", "[people]"],
    "outcome": ["Deaths", "'lost their lives'", "LOST  THEIR LIVES", "1", "~", "true"],
    "perpetrators": ["any", "~", "[]", "[any]", "1", "IDF", "true", "''"],
    "area": ["unknown", "UNKNOWN", "[Syria, unknown]", "[]", "~", "''", "{a: 1}"],
    "as_of": ["2019", "unknown", "Unknown", "~", "''", "true", "[2019]", "'  '"],
    "start": ["~", "2019-01-01", "2019", "''", "unknown", "true"],
    "published": ["~", "2019-08-21", "2019", "''", "true", "unknown"],
    "basis": ["Reported", "' estimated '", "~", "1", "guess"],
    "relayed_by": ["~", "x", "1", "''", "true", "[x]", "'  '"],
    "url": ["~", "https://example.org/x", "1", "true"],
    "quote": ["~", "'a: b'", "1", "[x]"],
    "notes": ["~", "x", "2.5", "{a: b}"],
    "series": ["~", "x", "1", "''", "true"],
    "complete": ["true", "false", "yes", "~", "'true'", "1"],
    "breakdown_of": ["~", "c1", "1", "''"],
    "list": ["~", "l", "1", "[l]"],
}
SECTION_VALUES = {
    "version": ["1", "'1'", "' 1 '", "2", "~", "true"],
    "title": ["x", "1", "~", "''", "true", "[x]"],
    "settings": [
        "~",
        "{}",
        "{about_tolerance: 0}",
        "{about_tolerance: 0.5}",
        "{about_tolerance: 1}",
        "{about_tolerance: '0.2'}",
        "{about_tolerance: ~}",
        "{about_tolerance: true}",
        "{x: 1}",
        "[]",
    ],
    "areas": ["~", "{}", "{r: Idlib}", "{r: [Idlib, 1]}", "{r: []}", "{r: ~}", "[]", "x"],
    "parties": ["~", "{}", "{g: [IDF]}", "{g: ~}", "{g: []}", "x"],
    "compare": ["~", "[]", "[[c1, c1]]", "[[c1]]", "x", "[x]"],
    "lists": [
        "~",
        "{}",
        "x",
        "[]",
        "{l: ~}",
        "{l: {file: a.csv, columns: {name: n}}}",
        "{l: {file: a.csv, columns: ~}}",
        "{l: {file: a.csv, columns: {name: ~}}}",
        "{l: {file: a.csv, columns: {name: 1}}}",
        "{l: {file: 1, format: csv, columns: {name: n}}}",
        "{l: {file: a.csv, format: CSV, columns: {name: n}}}",
        "{l: {file: a.csv, as_of: 2019, columns: {name: n}}}",
        "{l: {file: a.csv, free: [], columns: {name: n}}}",
        "{l: {file: a.csv, free: ~, columns: {name: n}}}",
        "{l: {file: a.csv, sheet: ~, columns: {name: n}}}",
        "{l: {file: ~, columns: {}}}",
    ],
    "assumptions": [
        "~",
        "[]",
        "x",
        "[x]",
        "[{applies_to: Basis, from: Verified, to: reported, ratio: 1, reason: r}]",
        "[{applies_to: basis, from: verified, to: reported, ratio: '1', reason: r}]",
        "[{applies_to: basis, from: verified, to: reported, ratio: [], reason: r}]",
        "[{applies_to: ' AS_OF ', rate: 1, reason: 7}]",
        "[{applies_to: as_of, rate: 1, reason: r, source: s}]",
        "[{applies_to: perpetrators, from: any, to: IDF, ratio: 1.5, reason: r}]",
        "[{applies_to: outcome, from: deaths, to: Wounded, ratio: 1.5, reason: r}]",
        "[{applies_to: population, from: kids, to: people, ratio: [1, 2], reason: r}]",
    ],
    "sources": [
        "{s: ~}",
        "{s: x}",
        "{s: 1}",
        "{s: ''}",
        "{s: true}",
        "{s: {}}",
        "{s: {name: ~, kind: NGO}}",
        "{s: {kind: ~}}",
        "{s: {url: 1}}",
        "{s: [x]}",
    ],
}


BASE_CLAIM = {
    "id": "c1",
    "source": "s",
    "figure": "730",
    "population": "civilians",
    "outcome": "killed",
    "area": "Syria",
    "as_of": "2019-08-20",
}
WHOLE = "  - {id: c0, source: s, figure: 900, population: people, outcome: killed, area: Syria, "
WHOLE += "as_of: 2019-08-20}\n"


def with_value(field: str, value: str) -> str:
    """A small file with `value` in `field` (of its second claim, or a section)."""
    claim = BASE_CLAIM.copy()
    rest = ""
    if field in CLAIM_VALUES:
        claim[field] = value
        rest = "lists:\n  l: {file: l.csv, columns: {name: n}}\n" if field == "list" else ""
    elif field != "sources":
        rest = f"{field}: {value}\n"
    written = "  - {" + ", ".join(f"{k}: {v}" for k, v in claim.items()) + "}\n"
    version = "" if field == "version" else "version: 1\n"
    sources = f"sources: {value}\n" if field == "sources" else "sources:\n  s:\n"
    return f"{version}{sources}claims:\n{WHOLE}{written}{rest}"


VALUES = [(f, v) for table in (CLAIM_VALUES, SECTION_VALUES) for f, vs in table.items() for v in vs]


@pytest.mark.parametrize(("field", "value"), VALUES, ids=[f"{f}={v}" for f, v in VALUES])
def test_value_by_value_what_the_loader_accepts_the_schema_accepts(field: str, value: str) -> None:
    from casualty_recon.analysis.kinds import check_assumptions

    text = with_value(field, value)
    try:
        check_assumptions(loads(text, "<test>"))
    except InputError:
        return  # refused: the schema may or may not say so
    assert errors(text) == [], text


def test_the_value_by_value_files_are_mostly_accepted() -> None:
    """Not vacuous: most of the values above load (the rest are the loader's refusals)."""
    loaded = sum(accepted(with_value(field, value)) for field, value in VALUES)
    assert loaded >= 80, loaded
    assert accepted(with_value("outcome", "LOST  THEIR LIVES"))
    assert accepted(with_value("settings", "{about_tolerance: '0.2'}"))
    assert accepted(with_value("sources", "{s: {name: ~, kind: NGO}}"))


def test_the_good_claim_of_the_refused_files_is_accepted_by_both() -> None:
    text = a_file()
    assert accepted(text) and errors(text) == []


def test_an_empty_published_is_left_out_for_both_and_an_empty_as_of_is_a_located_error(
    tmp_path: Path,
) -> None:
    """Both used to stop the loader on an internal assertion (a traceback for the user)."""
    text = a_file(", published: ~, start: ~")
    sources = loads(text, "<test>")
    assert sources.claims[0].published == sources.claims[0].as_of
    assert errors(text) == []
    path = tmp_path / "sources.yaml"
    path.write_text(a_file().replace("as_of: 2019-08-20", "as_of: "), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith(f"error: {path}:5:")
    assert "as_of is empty" in result.stderr.splitlines()[0]
    assert "Traceback" not in result.stderr


# --- residual_high in the CSV columns (README, "pairs.csv") ---------------------------------

# Synthetic claims (placeholders, not reports): every kind of figure, open floors and ceilings
# among them, dated, undated, placeless and in series, with assumptions of every target.
OPEN_FIGURES = (
    "more than 730",
    "at least 40",
    "730+",
    "up to 300",
    "fewer than 90",
    "between 160 and 300",
    "about 500",
    "nearly 500",
    "dozens",
    "hundreds",
    "{low: 12}",
    "0",
    "1089",
)


def open_figures_file() -> str:
    lines = ["version: 1", "sources:", "  s1:", "  s2:", "claims:"]
    areas = ("Syria", "Idlib", UNKNOWN, "[Idlib, Hama]")
    days = ("2019-08-20", "2019-05", UNKNOWN, "late April 2019", "2019")
    for index, figure in enumerate(OPEN_FIGURES):
        start = ", start: 2019-04-26" if index % 2 else ""
        series = ", series: one" if index % 3 == 0 else ""
        lines.append(
            f"  - {{id: c{index}, source: s{index % 2 + 1}, figure: {figure}, "
            f"population: {('people', 'civilians', 'children')[index % 3]}, outcome: killed, "
            f"area: {areas[index % len(areas)]}, as_of: {days[index % len(days)]}{start}"
            f"{series}, basis: {BASES[index % len(BASES)]}}}"
        )
    lines.append("assumptions:")
    for target in assumable():
        if target in RATE_FIELDS:
            lines.append(f"  - {{applies_to: {target}, rate: [0, 40], reason: synthetic}}")
        elif target in ("population", "basis"):
            low, high = ("children", "people") if target == "population" else BASES[:2]
            lines.append(
                f"  - {{applies_to: {target}, from: {low}, to: {high}, ratio: [1, 9], "
                "reason: synthetic}"
            )
    return "\n".join(lines) + "\n"


def test_residual_high_is_never_empty() -> None:
    """A pair's residual is a's stated interval minus b adjusted by effects the file sizes; both
    are closed (an open figure enters at its stated bound, every rate and ratio is finite), so
    neither end of it is ever open, whatever the figures, days or areas."""
    from itertools import combinations

    from casualty_recon.analysis.engine import Engine
    from casualty_recon.model.columns import PAIRS_COLUMNS

    sources = loads(open_figures_file(), "<synthetic>")
    engine = Engine(sources)
    rows = [engine.explain(x, y).to_dict() for x, y in combinations(sources.claims, 2)]
    assert len(rows) == len(OPEN_FIGURES) * (len(OPEN_FIGURES) - 1) // 2
    assert any(row["steps"] for row in rows)  # effects were applied
    for row in rows:
        assert isinstance(row["residual_low"], int | float), row
        assert isinstance(row["residual_high"], int | float), row
    description = {column.name: column.description for column in PAIRS_COLUMNS}
    assert "empty" not in description["residual_high"].replace("never empty", "")
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    documented = next(line for line in readme if line.startswith("| `residual_high` |"))
    assert "never empty" in documented and "empty when open" not in documented


def test_an_infinite_rate_or_ratio_is_refused() -> None:
    """The only way a residual could open: a number too large for a float (`1.0e+999`)."""
    for field, target in (("rate", "as_of"), ("ratio", "basis")):
        values = "" if field == "rate" else "from: verified, to: reported, "
        text = a_file(
            rest=f"assumptions:\n  - {{applies_to: {target}, {values}{field}: [1, 1.0e+999], "
            "reason: r}\n"
        )
        with pytest.raises(InputError) as caught:
            loads(text, "<test>")
        assert "must be a number or [low, high]" in str(caught.value)
