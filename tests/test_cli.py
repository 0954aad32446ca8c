"""The command line through CliRunner (exit code, stdout and stderr apart) and in subprocesses
(start-up imports)."""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from golden_helpers import check_golden
from typer.testing import CliRunner

from casualty_recon import __version__
from casualty_recon.analysis.kinds import assumable
from casualty_recon.cli.app import app
from casualty_recon.load.schema import schema_json

ROOT = Path(__file__).resolve().parent.parent
SOURCES = str(ROOT / "sources.yaml")
SEED_PAIR = ["--pair", "uossm-2019-08-20", "ocha-reuters-2019-08-20"]
COMMANDS = [
    "validate",
    "report",
    "export",
    "import",
    "schema",
    "init",
    "timeline",
    "events",
    "extract",
]
runner = CliRunner()


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    code, out, err = run("--version")
    assert (code, out, err) == (0, f"casualty-recon {__version__}\n", "")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert "Examples" in out
    code_short, out_short, _ = run(command, "-h")
    assert (code_short, out_short) == (0, out)


def _help_pages() -> list[tuple[list[str], str]]:
    """Every command's argv for `--help` and its help text as written, sub-apps included."""
    import typer.main
    from typer._click import Context

    pages: list[tuple[list[str], str]] = []

    def walk(command: Any, argv: list[str]) -> None:  # typer's own click Command or Group
        pages.append((argv, command.help or ""))
        if hasattr(command, "list_commands"):  # a group: its commands are built when asked for
            ctx = Context(command)
            for name in command.list_commands(ctx):
                walk(command.get_command(ctx, name), [*argv, name])

    walk(typer.main.get_command(app), [])
    return pages


def _example_lines(text: str) -> list[str]:
    """The lines of examples in a help text as written: each command line and the lines that
    continue it (after a trailing backslash)."""
    found: list[str] = []
    continued = False
    for line in (raw.strip().removeprefix("Example: ") for raw in text.splitlines()):
        if continued or line.startswith(("casualty-recon ", "cat ")):
            found.append(line)
        continued = line.endswith("\\")
    return found


def test_help_examples_are_never_wrapped_at_80_columns() -> None:
    """Copy and paste from `--help` must work: no example line is broken inside a word or an id
    (it was: "ocha-" at the end of a line, "reuters-2019-08-20" on the next; issue 17 item 5),
    and every line fits 80 columns (long examples continue with a backslash, as in a shell)."""
    narrow = CliRunner(env={"COLUMNS": "80"})
    checked = 0
    for argv, text in _help_pages():
        result = narrow.invoke(app, [*argv, "--help"], catch_exceptions=False)
        assert result.exit_code == 0 and result.stderr == ""
        shown = [line.strip().removeprefix("Example: ") for line in result.stdout.splitlines()]
        for example in _example_lines(text):
            assert example in shown, f"{' '.join(argv)} --help wraps: {example}"
            checked += 1
        assert max(map(len, result.stdout.splitlines())) <= 80, " ".join(argv)
    assert checked >= 30


def test_unknown_option_is_a_usage_error() -> None:
    code, out, err = run("report", "--bogus")
    assert code == 2
    assert out == ""
    assert err.startswith("error: no such option: --bogus\n  hint: ")  # the house form


def test_validate_prints_what_was_loaded() -> None:
    code, out, err = run("validate", SOURCES, "--format", "plain")
    assert code == 0
    assert err == ""
    first = out.splitlines()[0]
    assert first.endswith("25 claims from 11 sources, 2 areas, 1 party group, 0 assumptions: valid")
    assert "uossm-2019-08-20" in out
    assert "\u2500" not in out and "\x1b[" not in out


@pytest.mark.parametrize("fmt", ["plain", "markdown", "json", "csv"])
def test_report_golden_per_format_on_the_bundled_file(fmt: str) -> None:
    code, out, err = run("report", SOURCES, "--format", fmt)
    assert code == 0, err
    suffix = {"plain": "txt", "markdown": "md", "json": "json", "csv": "csv"}[fmt]
    check_golden(f"report/bundled.{suffix}", out.replace(str(ROOT) + "/", ""))


def test_report_table_format_golden_for_the_seed_pair() -> None:
    result = runner.invoke(
        app, ["report", SOURCES, *SEED_PAIR, "--format", "table"], env={"COLUMNS": "160"}
    )
    code, out, err = result.exit_code, result.stdout, result.stderr
    assert code == 0, err
    check_golden("report/seed-pair.table.txt", out)


def test_report_is_plain_when_piped_without_box_drawing_or_colour() -> None:
    code, out, _ = run("report", SOURCES, *SEED_PAIR)
    assert code == 0
    assert not any(ch in out for ch in "\u2500\u2502\u250c\u2501\u2503\u2554")
    assert "\x1b[" not in out


def test_seed_pair_reads_as_the_issue_requires() -> None:
    code, out, _ = run("report", SOURCES, *SEED_PAIR, "--format", "json")
    assert code == 0
    pair = json.loads(out)["pairs"][0]
    assert (pair["a"], pair["b"]) == ("uossm-2019-08-20", "ocha-reuters-2019-08-20")
    assert pair["verdict"] in {"explained", "partly_explained"}
    assert pair["common_floor"] == 731
    differences = {d["kind"]: d for d in pair["differences"]}
    assert "Two floors never contradict" in differences["bounds"]["sentence"]
    assert "any party in northwest Syria to 20 August 2019" in differences["bounds"]["sentence"]
    assert (differences["as_of"]["a"], differences["as_of"]["b"]) == ("2019-08-20", "2019-08-08")
    assert differences["as_of"]["direction"] == "up"
    assert differences["perpetrators"]["direction"] == "down"
    assert differences["perpetrators"]["agrees"] is False
    assert (differences["basis"]["direction"], differences["basis"]["agrees"]) == ("up", True)
    assert differences["relay"]["relation"] == "stale"
    assert "12 days old" in differences["relay"]["sentence"]


def test_json_follows_the_contract() -> None:
    code, out, _ = run("report", SOURCES, "--format", "json")
    data = json.loads(out)
    claim_keys = {
        "id", "source", "figure_low", "figure_high", "qualifier", "figure_text", "population",
        "outcome", "perpetrators", "area", "start", "as_of", "published", "basis", "relayed_by",
        "url",
    }  # fmt: skip
    pair_keys = {"a", "b", "gap_low", "gap_high", "residual_low", "residual_high", "verdict"}
    difference_keys = {
        "kind", "a", "b", "relation", "direction", "agrees", "effect_low", "effect_high",
        "evidence", "break_even", "sentence",
    }  # fmt: skip
    assert code == 0 and "assumptions_used" in data
    for claim in data["claims"]:
        assert claim_keys <= set(claim)
        assert set(claim["as_of"]) == {"earliest", "latest"}
    uossm = next(c for c in data["claims"] if c["id"] == "uossm-2019-08-20")
    assert (uossm["figure_low"], uossm["figure_high"]) == (731, None)
    for pair in data["pairs"]:
        assert pair_keys <= set(pair)
        assert pair["verdict"] in {"explained", "partly_explained", "unexplained", "contradiction"}
        for difference in pair["differences"]:
            assert difference_keys <= set(difference)
            assert difference["direction"] in {"up", "down", "either", "none"}


def test_library_and_cli_agree() -> None:
    from casualty_recon import compare, load

    code, out, _ = run("report", SOURCES, "--format", "json")
    assert code == 0
    library = compare(load(SOURCES)).to_dict()
    assert json.loads(out) == json.loads(json.dumps(library))


def test_report_is_deterministic() -> None:
    first = run("report", SOURCES, "--format", "json")[1]
    second = run("report", SOURCES, "--format", "json")[1]
    assert first == second


# Synthetic names (markup characters) around two figures of the bundled file.
MARKUP_NAMES = """version: 1
title: "Idlib *draft* <b>2019</b>"
sources:
  "UN *HR*": {name: a, kind: un}
  "Obs <b>SOHR</b>": {name: b, kind: monitor}
claims:
  - {id: un-1, source: "UN *HR*", figure: at least 450, population: civilians,
     outcome: killed, area: Idlib, start: 2019-04-29, as_of: 2019-07-26, basis: verified,
     relayed_by: "Reuters_[wire](x)_ | `AP`"}
  - {id: sohr-1, source: "Obs <b>SOHR</b>", figure: 740, population: civilians,
     outcome: killed, area: Idlib, start: 2019-04-29, as_of: 2019-07-26, basis: reported}
"""


def test_markdown_shows_names_as_written_not_as_markup(tmp_path: Path) -> None:
    # GitHub would italicise *HR*, embolden <b>SOHR</b>, link [wire](x) and split a table
    # cell at |: every name in headings, sentences and tables is escaped, our own ** kept.
    sources = tmp_path / "markup.yaml"
    sources.write_text(MARKUP_NAMES, encoding="utf-8")
    code, out, err = run("report", str(sources), "--format", "markdown")
    assert code == 0, err
    assert err == ""
    assert out.startswith("# Idlib \\*draft\\* \\<b>2019\\</b>\n")
    relay = "Reuters\\_[wire\\](x)\\_ \\| \\`AP\\`"
    heading = f"### 1. Obs \\<b>SOHR\\</b> (740) vs UN \\*HR\\* via {relay} (at least 450):"
    assert heading in out
    assert (
        f"- **bounds**: Obs \\<b>SOHR\\</b> (740) is an exact figure and UN \\*HR\\* via {relay}"
        in out
    )
    assert "| un-1 | UN \\*HR\\* | at least 450 |" in out and f"| {relay} |" in out
    assert "**Verdict: partly explained.**" in out
    unescaped = re.compile(r"(?<!\\)[*<`]")
    for line in out.splitlines():
        assert not unescaped.search(line.replace("**", "")), line
    code, out, err = run("timeline", str(sources), "--format", "markdown")
    assert code == 0 and err == ""
    assert "| UN \\*HR\\*: civilians killed, by any party, verified | 2019-07-26 |" in out


def test_output_file_takes_its_format_from_the_suffix_and_is_never_overwritten(
    tmp_path: Path,
) -> None:
    target = tmp_path / "report.md"
    code, out, err = run("report", SOURCES, *SEED_PAIR, "-o", str(target))
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").startswith("# Civilian deaths")
    code, _, err = run("report", SOURCES, *SEED_PAIR, "-o", str(target))
    assert code == 2
    assert "exists" in err and "--force" in err
    assert run("report", SOURCES, *SEED_PAIR, "-o", str(target), "--force")[0] == 0


def test_fail_on_contradiction(tmp_path: Path) -> None:
    path = tmp_path / "contradiction.yaml"
    path.write_text(
        "version: 1\nsources: {A: {}, B: {}}\nclaims:\n"
        "  - {id: x, source: A, figure: up to 100, population: civilians, outcome: killed, "
        "area: Idlib, start: 2019-05-01, as_of: 2019-06-01}\n"
        "  - {id: y, source: B, figure: 150, population: civilians, outcome: killed, "
        "area: Idlib, start: 2019-05-01, as_of: 2019-06-01}\n",
        encoding="utf-8",
    )
    assert run("report", str(path), "--format", "json")[0] == 0
    code, _, err = run("report", str(path), "--format", "json", "--fail-on", "contradiction")
    assert code == 1
    assert err == "--fail-on contradiction: 1 pair with the verdict contradiction\n"
    code, _, err = run("report", SOURCES, "--format", "json", "--fail-on", "unexplained")
    assert code == 1
    assert re.fullmatch(
        r"--fail-on unexplained: \d+ pairs with the verdict contradiction or unexplained\n", err
    )
    assert run("report", SOURCES, "--format", "json", "--fail-on", "contradiction")[0] == 0


def test_unknown_pair_id_is_a_usage_error() -> None:
    code, out, err = run("report", SOURCES, "--pair", "nope", "uossm-2019-08-20")
    assert (code, out) == (2, "")
    assert err.startswith("error: no claim with id 'nope'")


def test_schema_matches_the_committed_file() -> None:
    code, out, _ = run("schema")
    assert code == 0
    assert out == schema_json(assumable())
    assert (ROOT / "sources.schema.json").read_text(encoding="utf-8") == out
    first_line = (ROOT / "sources.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=./sources.schema.json"


def test_bundled_file_validates_against_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    document = yaml.safe_load((ROOT / "sources.yaml").read_text(encoding="utf-8"))
    document = json.loads(json.dumps(document, default=str))
    jsonschema.validate(document, json.loads(schema_json(assumable())))


def test_init_writes_a_starter_that_loads_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "sources.yaml"
    code, _, err = run("init", str(target))
    assert code == 0, err
    assert run("validate", str(target), "--format", "plain")[0] == 0
    assert run("report", str(target), "--format", "plain")[0] == 0
    target.write_text("# mine\n", encoding="utf-8")
    code, _, err = run("init", str(target))
    assert code == 2 and "--force" in err
    assert target.read_text(encoding="utf-8") == "# mine\n"


def test_export_writes_three_csv_files_and_refuses_to_overwrite(tmp_path: Path) -> None:
    code, _, err = run("export", SOURCES, "--out", str(tmp_path))
    assert code == 0, err
    for name in ("claims.csv", "pairs.csv", "gaps.csv"):
        data = (tmp_path / name).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
        assert b"\r\n" in data
    code, _, err = run("export", SOURCES, "--out", str(tmp_path))
    assert code == 2 and "--force" in err


def test_export_to_a_dash_is_refused_not_a_directory_named_dash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--out -` (standard output, as -o - means elsewhere) made a directory named `-`."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run("export", SOURCES, "--out", "-")
    assert (code, out) == (2, "")
    assert err.startswith("error: export writes several files; --out names the directory")
    assert "hint: give a directory" in err
    assert not (tmp_path / "-").exists()


def test_export_import_export_gives_identical_files(tmp_path: Path) -> None:
    # `compare:` names the file's focus pairs, a file-level key a claims CSV cannot carry: the
    # round trip is of the claims (their `series` included), so it starts without it.
    text = Path(SOURCES).read_text(encoding="utf-8")
    assert "\ncompare:" in text and "series: ohchr-idlib-2019" in text
    original = tmp_path / "sources.yaml"
    original.write_text(text.split("\ncompare:")[0] + "\n", encoding="utf-8")
    first, second = tmp_path / "first", tmp_path / "second"
    assert run("export", str(original), "--out", str(first))[0] == 0
    assert b"ohchr-idlib-2019" in (first / "claims.csv").read_bytes()
    rebuilt = tmp_path / "rebuilt.yaml"
    code, _, err = run("import", str(first / "claims.csv"), "-o", str(rebuilt))
    assert code == 0, err
    assert run("export", str(rebuilt), "--out", str(second))[0] == 0
    for name in ("claims.csv", "pairs.csv", "gaps.csv"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


# The command lines whose imports are checked below, all run by one interpreter (`_IMPORTS`).
_START_UPS: tuple[tuple[str, ...], ...] = (
    ("--help",),
    ("validate", "sources.yaml"),
    ("schema",),
    ("report", "sources.yaml"),
    ("validate", "sources.yaml", "--format", "plain"),
)
# One fresh interpreter imports the app (what every run of the console script imports first,
# whatever its command), then forks a child a command line: each child runs its command and
# lists the modules it then holds, as a process started for that command alone would. One
# interpreter instead of one a command line: 0.15 s each under load.
_IMPORTS = (
    "import json, os, sys\n"
    "from casualty_recon.cli.app import app\n"
    "runs, out = json.loads(sys.argv[1]), sys.argv[2]\n"
    "for i, args in enumerate(runs):\n"
    "    pid = os.fork()\n"
    "    if pid:\n"
    "        os.waitpid(pid, 0)\n"
    "        continue\n"
    "    sys.argv = ['casualty-recon', *args]\n"
    "    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)\n"
    "    try:\n        app()\n    except SystemExit:\n        pass\n"
    "    with open(os.path.join(out, str(i)), 'w') as listing:\n"
    "        listing.write('\\n'.join(sorted(sys.modules)))\n"
    "    os._exit(0)\n"
)


@functools.cache
def _imports_of_every_start_up() -> dict[tuple[str, ...], set[str]]:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, "-c", _IMPORTS, json.dumps(_START_UPS), out],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        )
        return {
            args: set((Path(out) / str(i)).read_text(encoding="utf-8").split())
            for i, args in enumerate(_START_UPS)
        }


def _imports(*args: str) -> set[str]:
    return _imports_of_every_start_up()[args]


@pytest.mark.parametrize(
    "args",
    [("--help",), ("validate", "sources.yaml"), ("schema",), ("report", "sources.yaml")],
    ids=["help", "validate", "schema", "report"],
)
def test_start_up_paths_do_not_import_pandas(args: tuple[str, ...]) -> None:
    modules = _imports(*args)
    assert "casualty_recon.cli.app" in modules
    assert "pandas" not in modules
    assert "matplotlib" not in modules


@pytest.mark.parametrize("command", ["report", "validate"])
def test_a_command_builds_and_imports_no_other_command(command: str) -> None:
    """Commands are built when asked for (`cli.app.CommandTable`): one command's start-up
    pays for its own options only."""
    import typer.main
    from typer._click import Context

    group = typer.main.get_command(app)
    assert group.get_command(Context(group), command) is not None
    assert list(group.commands) == [command]  # type: ignore[attr-defined]
    modules = _imports(command, "sources.yaml")
    assert f"casualty_recon.cli.{command}" in modules
    others = {"events", "extract", "lists_command", "estimate_command", "timeline", "export"}
    assert not {f"casualty_recon.cli.{name}" for name in others} & modules


AIRWARS = ROOT.parent / "shared" / "data" / "events" / "airwars-syria-incidents.csv"
needs_airwars = pytest.mark.skipif(
    not AIRWARS.exists(), reason="../shared/data is not here (fresh clone)"
)


@needs_airwars
def test_events_command_compares_each_claim_with_airwars() -> None:
    code, out, err = run(
        "events", str(AIRWARS), "--claims", SOURCES, "--claim", "uossm-2019-08-20",
        "--format", "json",
    )  # fmt: skip
    assert code == 0, err
    (reference,) = json.loads(out)["references"]
    assert reference["claim"] == "uossm-2019-08-20"
    assert reference["comparison"] == "inside"
    assert reference["low"] <= reference["high"] and reference["events"] > 0
    assert any("not Syrian government" in note for note in reference["notes"])


@needs_airwars
def test_report_with_events_adds_references_and_a_sentence_per_pair() -> None:
    code, out, err = run(
        "report", SOURCES, *SEED_PAIR, "--events", str(AIRWARS), "--format", "plain"
    )
    assert code == 0, err
    assert "Event-data references" in out
    assert "Event data: for a, the claim's floor 'more than 730' is below Airwars'" in out
    data = json.loads(
        run("report", SOURCES, *SEED_PAIR, "--events", str(AIRWARS), "--format", "json")[1]
    )
    assert data["pairs"][0]["events"].startswith("Event data: for a, the claim's floor")
    assert {r["claim"] for r in data["references"]} == {c["id"] for c in data["claims"]}


@needs_airwars
def test_export_with_events_writes_references_csv(tmp_path: Path) -> None:
    code, _, err = run("export", SOURCES, "--out", str(tmp_path), "--events", str(AIRWARS))
    assert code == 0, err
    data = (tmp_path / "references.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfclaim,dataset,kind,")
    assert b"\r\n" in data and b".0," not in data


def test_events_on_a_file_that_is_not_an_event_dataset_fails_clearly(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    code, out, err = run("events", str(path), "--claims", SOURCES)
    assert code == 1 and out == ""
    assert "error:" in err and "Traceback" not in err


def test_timeline_reads_each_series_on_a_day_and_warns_when_extrapolating() -> None:
    code, out, err = run("timeline", SOURCES, "--source", "OHCHR", "--at", "2019-08-20")
    assert code == 0, err
    assert "OHCHR: civilians killed, by any party, verified: 726.5 to 837" in out
    code, out, _ = run("timeline", SOURCES, "--source", "OHCHR", "--at", "2019-10-01")
    assert code == 0
    assert "WARNING: extrapolated" in out
    assert run("timeline", SOURCES, "--at", "20 August")[0] == 2
    assert run("timeline", SOURCES, "--chart", "chart.pdf")[0] == 2


def test_validate_prints_csv_and_markdown() -> None:
    code, out, _ = run("validate", SOURCES, "--format", "csv")
    assert code == 0 and out.startswith("id,source,source_name,")
    code, out, _ = run("validate", SOURCES, "--format", "markdown")
    assert code == 0 and "| id | source |" in out


def test_an_output_suffix_of_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    code, out, err = run("report", SOURCES, "-o", str(tmp_path / "report.docx"))
    assert (code, out) == (2, "")
    assert "cannot tell the format" in err
    assert not (tmp_path / "report.docx").exists()


def test_a_bad_chart_name_is_refused_before_any_output(tmp_path: Path) -> None:
    code, out, _ = run("report", SOURCES, "--chart", str(tmp_path / "chart.gif"))
    assert (code, out) == (2, "")


def test_source_filter_also_matches_who_relayed() -> None:
    code, out, _ = run("report", SOURCES, "--source", "Reuters", "--format", "json")
    assert code == 0
    pairs = json.loads(out)["pairs"]
    assert pairs and all(
        "uossm-2019-08-20" in (p["a"], p["b"]) or "ohchr-2019-07-26" in (p["a"], p["b"])
        for p in pairs
    )


def test_report_lists_stale_relays_and_revisions() -> None:
    code, out, _ = run("report", SOURCES, "--format", "json")
    assert code == 0
    flags = json.loads(out)["flags"]
    assert any(f.startswith("OLD RELAY: ocha-reuters-2019-08-20") for f in flags)


GED = ROOT.parent / "shared" / "data" / "events" / "ucdp-ged-19.1-myanmar-bangladesh.csv"


@pytest.mark.skipif(not GED.exists(), reason="../shared/data is not here (fresh clone)")
def test_report_with_ged_events_where_only_a_best_figure_exists(tmp_path: Path) -> None:
    path = tmp_path / "rakhine.yaml"  # synthetic claims, made up for this test
    path.write_text(
        "version: 1\nsources: {A: {}, B: {}}\nclaims:\n"
        "  - {id: x, source: A, figure: at least 50, population: civilians, outcome: killed,"
        " area: Rakhine, start: 2017-08-01, as_of: 2017-12-31}\n"
        "  - {id: y, source: B, figure: 30, population: civilians, outcome: killed,"
        " area: Rakhine, start: 2017-08-01, as_of: 2017-12-31, basis: verified}\n",
        encoding="utf-8",
    )
    code, out, err = run("report", str(path), "--events", str(GED), "--format", "plain")
    assert code == 0, err
    assert "Event data: for a, the claim's floor 'at least 50'" in out


# --- output formats: one registry ---------------------------------------------------------------


def test_a_new_format_is_one_renderer_and_one_registry_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from casualty_recon.analysis.report import Report
    from casualty_recon.render import registry

    def toy(report: Report, target: registry.Target) -> str:
        verdicts = ",".join(pair.verdict for pair in report.pairs)
        return f"toy {len(report.pairs)} {verdicts} file={target.to_file}\n"

    monkeypatch.setitem(registry.RENDERERS["report"], "toy", toy)
    code, out, err = run("report", SOURCES, *SEED_PAIR, "--format", "toy")
    assert (code, err) == (0, "")
    assert out == "toy 1 explained file=False\n"

    monkeypatch.setitem(registry.SUFFIXES, ".toy", "toy")
    target = tmp_path / "report.toy"
    code, out, err = run("report", SOURCES, *SEED_PAIR, "-o", str(target))
    assert (code, out, err) == (0, "", f"wrote {target}\n")
    assert target.read_text() == "toy 1 explained file=True\n"

    # Registered for reports only: validate does not have it.
    code, out, err = run("validate", SOURCES, "--format", "toy")
    assert (code, out) == (2, "")
    assert err == (
        "error: validate has no toy output\n"
        "  hint: --format is one of auto, table, plain, markdown, json, csv\n"
    )


def test_a_format_the_command_lacks_is_a_usage_error_before_any_work() -> None:
    code, out, err = run("timeline", "no-such-file.yaml", "--format", "csv")
    assert (code, out) == (2, "")
    assert err == (
        "error: timeline has no csv output\n"
        "  hint: --format is one of auto, table, plain, markdown, json\n"
    )
    code, out, err = run("report", SOURCES, "--format", "bogus")
    assert (code, out) == (2, "")
    assert err.startswith("error: unknown format 'bogus'\n")


def test_format_names_are_case_insensitive() -> None:
    assert run("report", SOURCES, *SEED_PAIR, "--format", "JSON") == run(
        "report", SOURCES, *SEED_PAIR, "--format", "json"
    )


def test_every_kind_renders_plain_and_json_and_help_lists_the_registry() -> None:
    from casualty_recon.render.registry import RENDERERS, all_formats

    for kind, formats in RENDERERS.items():
        assert {"plain", "json", "table"} <= set(formats), kind
    code, out, _ = run("report", "--help")
    assert code == 0
    assert "<" + "|".join(all_formats()) + ">" in out


def test_python_dash_m_runs_the_app() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "casualty_recon", "--version"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"casualty-recon {__version__}\n",
        "",
    )


def test_help_and_validate_do_not_load_the_engine_or_rich() -> None:
    for args in (("--help",), ("validate", "sources.yaml", "--format", "plain")):
        modules = _imports(*args)
        assert "casualty_recon.cli.validate" in modules
        assert "casualty_recon.analysis.engine" not in modules, args
        assert "rich" not in modules, args


@pytest.mark.parametrize(
    ("argv", "starts"),
    [
        (["report", SOURCES, "--pair", "uossm-2019-08-20", "ocha-reuters-2019-08-20",
          "-f", "json"], "{"),
        (["report", SOURCES, "--pair", "uossm-2019-08-20", "ocha-reuters-2019-08-20"], "Civilian"),
        (["schema"], "{"),
    ],
)  # fmt: skip
def test_output_dash_is_standard_output_never_a_file_named_dash(
    argv: list[str], starts: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `report -o - -f json` wrote a 270 KB file named "-" and said "wrote -"; without
    # --format it failed with "cannot tell the format of - from its suffix".
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, [*argv, "-o", "-"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(starts)
    assert "wrote" not in result.stderr
    assert not (tmp_path / "-").exists()


def test_import_to_dash_writes_the_sources_yaml_to_standard_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    exported = CliRunner().invoke(app, ["export", SOURCES, "--out", str(tmp_path / "csv")])
    assert exported.exit_code == 0, exported.stderr
    result = CliRunner().invoke(app, ["import", str(tmp_path / "csv" / "claims.csv"), "-o", "-"])
    assert result.exit_code == 0, result.stderr
    assert "version: 1" in result.stdout
    assert not (tmp_path / "-").exists()
