"""The report as people read it: overview first, laid out to 80 and 120 columns without a
broken word or id, plain text within 100 columns, `--pair` showing only the claims involved."""

from __future__ import annotations

import functools
import io
import json
from pathlib import Path

import pytest
from golden_helpers import check_golden
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from casualty_recon.cli.app import app
from casualty_recon.render.layout import Table, table_lines, wrap

ROOT = Path(__file__).resolve().parent.parent
SOURCES = str(ROOT / "sources.yaml")
SEED_PAIR = ["--pair", "uossm-2019-08-20", "ocha-reuters-2019-08-20"]
runner = CliRunner()
RULES = set("-=\u2500\u2550 ")


def run(*args: str, columns: int | None = None) -> tuple[int, str, str]:
    if any(arg in ("-o", "--output", "--chart") for arg in args):  # writes files: every time
        return _invoke(args, columns)
    return _invoke_once(args, columns)


def _invoke(args: tuple[str, ...], columns: int | None) -> tuple[int, str, str]:
    env = {"COLUMNS": str(columns)} if columns else {}
    result = runner.invoke(app, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@functools.cache
def _invoke_once(args: tuple[str, ...], columns: int | None) -> tuple[int, str, str]:
    """A report that only prints is the same every time (tests/test_cli.py checks that):
    several tests read the same one, run once."""
    return _invoke(args, columns)


def tokens(text: str) -> set[str]:
    return {token for line in text.splitlines() if not set(line) <= RULES for token in line.split()}


@pytest.fixture(scope="module")
def wide() -> str:
    code, out, err = run("report", SOURCES, "--format", "table", columns=2000)
    assert (code, err) == (0, "")
    return out


@pytest.mark.parametrize("columns", [80, 120])
def test_terminal_report_golden_at_80_and_120_columns(columns: int) -> None:
    code, out, err = run("report", SOURCES, "--format", "table", columns=columns)
    assert (code, err) == (0, "")
    check_golden(f"report/bundled.table-{columns}.txt", out)


@pytest.mark.parametrize("columns", [80, 120])
def test_no_word_or_id_is_broken(columns: int, wide: str) -> None:
    """Every token at 80 or 120 columns is a token of the report laid out with no limit (or a
    field name of a table turned into "field: value" lines): a word broken without a hyphen
    ("civilia/ns", "ohchr-2/019-05-/07") would leave fragments that are not."""
    code, out, _ = run("report", SOURCES, "--format", "table", columns=columns)
    assert code == 0
    known = tokens(wide)
    headers = {word + ":" for token in known for word in [token.rstrip(":")]}
    numbers = {f"{n}." for n in range(1, 200)}
    broken = sorted(tokens(out) - known - headers - numbers)
    assert broken == []
    ids = [
        claim["id"] for claim in json.loads(run("report", SOURCES, "--format", "json")[1])["claims"]
    ]
    # The last word of each line that does not end in a space: what `(^|\s)fragment$` finds.
    ends = {line.split()[-1] for line in out.splitlines() if line and not line[-1].isspace()}
    for claim_id in ids:  # each id whole somewhere, never a prefix of it alone at a line's end
        assert claim_id in out
        for cut in range(3, len(claim_id) - 1):
            fragment = claim_id[:cut]
            if fragment not in known:
                assert fragment not in ends, fragment


@pytest.mark.parametrize("columns", [80, 120])
def test_lines_fit_the_terminal_and_the_overview_is_on_the_first_screen(columns: int) -> None:
    code, out, _ = run("report", SOURCES, "--format", "table", columns=columns)
    assert code == 0
    lines = out.splitlines()
    too_long = [line for line in lines if len(line) > columns and len(line.split()) > 1]
    assert too_long == []
    first_screen = "\n".join(lines[:24])
    assert "Overview (57 pairs)" in first_screen
    assert "local-2019-08-08 vs" in first_screen  # the first pair's row
    # Overview, then pairs, then claims, then timelines.
    order = [
        out.index(h)
        for h in (
            "Overview (",
            "Pairs (57)",
            "Claims (25",
            "Series used to size the time differences",
        )
    ]
    assert order == sorted(order)


def test_piped_plain_text_stays_within_100_columns() -> None:
    code, out, _ = run("report", SOURCES)
    assert code == 0
    long = [line for line in out.splitlines() if len(line) > 100]
    # Only a single unbreakable word (a URL, an id) may run past: none in the bundled report.
    assert [line for line in long if len(line.split()) > 1] == []
    assert out.index("Overview (57 pairs)") < out.index("Pairs (57)") < out.index("Claims (25")


@pytest.mark.parametrize("fmt", ["plain", "markdown", "table"])
def test_pair_shows_only_the_claims_involved(fmt: str) -> None:
    code, out, err = run("report", SOURCES, *SEED_PAIR, "--format", fmt, columns=120)
    assert (code, err) == (0, "")
    involved = {
        "uossm-2019-08-20",
        "ocha-reuters-2019-08-20",
        "ohchr-2019-07-26",
        "ohchr-2019-08-08",
        "ohchr-2019-08-29",
        "ohchr-2019-08-29-progov",
        # Beside b's own count (the count b relays) it is no basis evidence, but the basis
        # sentence names it as set aside, so the claims show it.
        "local-2019-08-08",
    }
    claims = out[out.index("Claims (7 involved") :]
    for claim_id in involved:
        assert claim_id in claims
    others = (
        "white-helmets-2019-12-23",
        "unicef-2019-08-23",
        "snhr-2019-07-17",
    )
    for other in others:
        assert other not in out
    # The timelines kept are those the pair's evidence comes from.
    assert "OHCHR: civilians killed" in claims
    assert "SNHR:" not in claims


def test_pair_json_lists_only_the_claims_involved() -> None:
    code, out, _ = run("report", SOURCES, *SEED_PAIR, "--format", "json")
    assert code == 0
    ids = {claim["id"] for claim in json.loads(out)["claims"]}
    assert len(ids) == 7 and "uossm-2019-08-20" in ids and "unicef-2019-08-23" not in ids
    assert "local-2019-08-08" in ids  # named by the basis sentence as set aside


def test_default_report_shows_every_claim() -> None:
    code, out, _ = run("report", SOURCES, "--format", "json")
    assert code == 0
    assert len(json.loads(out)["claims"]) == 25


def test_overview_row_names_what_matters_most() -> None:
    code, out, _ = run("report", SOURCES, *SEED_PAIR, "--format", "markdown")
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith("| 1 |"))
    assert "uossm-2019-08-20 vs ocha-reuters-2019-08-20" in row
    assert "| 230 |" in row and "| explained |" in row
    assert "as_of +225.5 to +336" in row  # the largest quantified effect


# --- the layout itself ---------------------------------------------------------------------------


def test_wrap_never_breaks_a_word_and_keeps_long_ones_whole() -> None:
    assert wrap("civilians killed by pro-government forces", 12) == [
        "civilians",
        "killed by",
        "pro-government",
        "forces",
    ]
    url = "https://example.org/a/very/long/path/that/cannot/be/broken"
    assert wrap(f"see {url} now", 20, indent=2, hang=2) == ["  see", f"    {url}", "    now"]


def test_a_table_that_fits_stays_a_table_and_one_that_cannot_becomes_fields() -> None:
    table = Table(("id", "area"), [["ohchr-2019-05-07", "northern Hama, southern Idlib"]])
    assert [line.text for line in table_lines(table, 60)] == [
        "id                area",
        "----------------  -----------------------------",
        "ohchr-2019-05-07  northern Hama, southern Idlib",
    ]
    wrapped = [line.text for line in table_lines(table, 34)]
    assert wrapped[2:] == ["ohchr-2019-05-07  northern Hama,", "                  southern Idlib"]
    fields = [line.text for line in table_lines(table, 16)]
    assert fields == [
        "ohchr-2019-05-07",
        "  area: northern",
        "    Hama,",
        "    southern",
        "    Idlib",
    ]


def test_markdown_file_links_the_chart_drawn_with_it(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    markdown, chart = tmp_path / "notes" / "report.md", tmp_path / "pair.svg"
    code, out, err = run("report", SOURCES, *SEED_PAIR, "-o", str(markdown), "--chart", str(chart))
    assert (code, out) == (0, "")
    assert err == f"wrote {markdown}\nwrote {chart}\n"
    lines = markdown.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# Civilian deaths")
    assert "![Chart of the report](../pair.svg)" in lines[:4]
    assert chart.read_bytes().lstrip().startswith(b"<?xml")


def test_markdown_links_a_chart_whose_name_has_spaces_and_brackets(tmp_path: Path) -> None:
    # `](my chart (1).svg)` is no link in CommonMark (GitHub showed the text, not the chart).
    markdown, chart = tmp_path / "my report.md", tmp_path / "my chart (1).svg"
    code, out, err = run("report", SOURCES, *SEED_PAIR, "-o", str(markdown), "--chart", str(chart))
    assert (code, out) == (0, "")
    assert err == f"wrote {markdown}\nwrote {chart}\n"
    lines = markdown.read_text(encoding="utf-8").splitlines()
    assert "![Chart of the report](my%20chart%20%281%29.svg)" in lines[:4]


# --- progress on standard error ------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_its_stage_on_a_terminal_and_is_gone_after() -> None:
    from casualty_recon.render.progress import stages

    stream = Terminal()
    with stages(True, stream) as progress:
        assert progress.shown
        progress.stage("comparing 5,000 claims")
    written = stream.getvalue()
    assert "comparing 5,000 claims" in written


def test_progress_is_silent_when_not_a_terminal_or_not_long() -> None:
    from casualty_recon.render.progress import stages

    for stream, enabled in ((io.StringIO(), True), (Terminal(), False)):
        with stages(enabled, stream) as progress:
            assert not progress.shown
            progress.stage("comparing")
        assert stream.getvalue() == ""


def test_a_large_report_piped_prints_no_progress(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(ROOT))
    from tools.bench import realistic_sources

    big = tmp_path / "big.yaml"
    big.write_text(realistic_sources(2_000), encoding="utf-8")
    code, out, err = run("report", str(big), "--format", "csv")
    assert code == 0
    assert err == "" and out


def test_validate_on_a_terminal_at_80_columns_keeps_ids_whole() -> None:
    code, out, err = run("validate", SOURCES, "--format", "table", columns=80)
    assert (code, err) == (0, "")
    assert out.splitlines()[0].startswith(SOURCES)
    assert all(len(line) <= 80 or len(line.split()) == 1 for line in out.splitlines())
    ids = [c["id"] for c in json.loads(run("report", SOURCES, "--format", "json")[1])["claims"]]
    assert all(f"\n{claim_id}\n" in out for claim_id in ids)  # each id whole, on its own line


def test_wrap_treats_line_breaks_and_tabs_as_spaces() -> None:
    assert wrap("killed\nin\tIdlib and Hama", 10) == ["killed in", "Idlib and", "Hama"]
    assert wrap("a: x   b: y", 40) == ["a: x   b: y"]  # runs of spaces inside a line are kept


_CELL = st.text(alphabet=st.sampled_from("ab- {}é"), max_size=14)


@given(
    header=st.lists(_CELL, min_size=1, max_size=5),
    data=st.data(),
    width=st.integers(5, 120),
    indent=st.sampled_from((0, 2, 4)),
)
def test_any_table_that_fits_is_its_cells_padded_and_joined(
    header: list[str], data: st.DataObject, width: int, indent: int
) -> None:
    """Whatever the cells, a table whose widest cells fit is its header, a rule, then each row
    on one line: every cell padded to its column's widest and joined by two spaces, the indent
    before, no blank after. One that does not fit keeps every line within the width (but for a
    single word longer than it)."""
    rows = data.draw(st.lists(st.lists(_CELL, min_size=len(header), max_size=len(header))))
    lines = [line.text for line in table_lines(Table(tuple(header), rows, indent), width)]
    natural = [max(map(len, column)) for column in zip(header, *rows, strict=True)]
    pad = " " * indent
    if sum(natural) + 2 * (len(header) - 1) <= width - indent:
        expected = [
            pad + "  ".join(c.ljust(n) for c, n in zip(row, natural, strict=True)).rstrip()
            for row in [header, *rows]
        ]
        assert lines == [expected[0], pad + "  ".join("-" * n for n in natural), *expected[1:]]
    else:
        assert all(len(line) <= width or " " not in line.strip() for line in lines)


SAME_SCOPE = """\
version: 1
sources:
  a: {name: A, kind: ngo}
  b: {name: B, kind: un}
claims:
  - {id: a1, source: a, figure: "120", population: civilians, outcome: killed, area: Syria,
     start: 2019-04-26, as_of: 2019-08-01, published: 2019-08-02}
  - {id: b1, source: b, figure: "120", population: civilians, outcome: killed, area: Syria,
     start: 2019-04-26, as_of: 2019-08-01, published: 2019-08-02}
"""  # synthetic: two claims with one scope, one window and one figure


@pytest.mark.parametrize("fmt", ["plain", "markdown", "html"])
def test_a_pair_without_differences_says_so_instead_of_an_empty_table(
    tmp_path: Path, fmt: str
) -> None:
    path = tmp_path / "same.yaml"
    path.write_text(SAME_SCOPE, encoding="utf-8")
    code, out, err = _invoke(("report", str(path), "--format", fmt), None)
    assert (code, err) == (0, "")
    assert "differences: none" in out.lower()
    if fmt == "plain":
        assert "kind  a" not in out  # no header of a table without rows
    elif fmt == "markdown":
        assert "| kind |" not in out
    else:
        assert "<th>kind</th>" not in out
