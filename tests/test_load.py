"""The loader: the bundled file, every error class with its message as a golden file, limits."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from golden_helpers import check_golden
from hang_guard import within
from typer.testing import CliRunner

from casualty_recon import load, loads
from casualty_recon.cli.app import app
from casualty_recon.model.errors import ERROR_KINDS, InputError

ROOT = Path(__file__).resolve().parent.parent
BAD = Path(__file__).parent / "bad"
runner = CliRunner()


def test_bundled_file_loads_with_the_seed_claims() -> None:
    sources = load(ROOT / "sources.yaml")
    assert len(sources.claims) >= 15
    assert len(sources.sources) >= 6
    assert all(claim.url for claim in sources.claims)
    uossm = sources.claim("uossm-2019-08-20")
    assert (uossm.figure.low, uossm.figure.high, uossm.figure.qualifier) == (731, None, "more_than")
    assert uossm.relayed_by == "Reuters"
    assert uossm.published.earliest.isoformat() == "2019-08-20"
    assert uossm.perpetrators.parties == frozenset({"Syrian government", "Russian forces"})
    ocha = sources.claim("ocha-reuters-2019-08-20")
    assert (ocha.source, ocha.relayed_by, ocha.basis) == ("OHCHR", "OCHA", "verified")
    assert ocha.as_of.earliest.isoformat() == "2019-08-08"
    assert sources.claim("local-2019-08-08").figure.low == 781
    ohchr = [c.figure.text for c in sources.claims if c.source == "OHCHR" and not c.breakdown_of]
    for figure in ("at least 27", "at least 105", "at least 450", "more than 500", "1,089"):
        assert figure in ohchr
    assert sources.claim("ohchr-2019-08-29-progov").breakdown_of == "ohchr-2019-08-29"
    uossm_series = {c.figure.low for c in sources.claims if c.source == "UOSSM"}
    assert uossm_series == {229, 731, 892}
    assert {c.figure.low for c in sources.claims if c.id.startswith("snhr-2019-07-")} >= {662, 781}


FIGURES = ROOT.parent / "shared" / "data" / "claims" / "idlib-2019-figures.csv"


@pytest.mark.skipif(not FIGURES.exists(), reason="the shared claims data is not on this machine")
def test_every_bundled_claim_cites_a_url_of_the_figures_table() -> None:
    """Every figure of the bundled file is real and carries the URL it came from: the table of
    the Idlib 2019 figures (../shared/data/claims) lists each one."""
    import csv

    with FIGURES.open(encoding="utf-8", newline="") as handle:
        urls = {row["source_url"] for row in csv.DictReader(handle)}
    claims = load(ROOT / "sources.yaml").claims
    assert [(c.id, c.url) for c in claims if c.url not in urls] == []


def test_late_april_is_a_range_of_days() -> None:
    claim = load(ROOT / "sources.yaml").claim("uossm-2019-08-20")
    assert claim.start is not None
    assert (claim.start.earliest.isoformat(), claim.start.latest.isoformat()) == (
        "2019-04-21",
        "2019-04-30",
    )


def test_a_phrase_without_a_year_takes_the_year_of_as_of_with_a_note() -> None:
    text = (
        (ROOT / "sources.yaml")
        .read_text(encoding="utf-8")
        .replace("start: late April 2019", "start: late April", 1)
    )
    sources = loads(text, "inferred.yaml")
    assert any("late April" in n.message and "2019" in n.message for n in sources.notes)
    claim = next(c for c in sources.claims if c.start and c.start.year_inferred)
    assert claim.start is not None and claim.start.earliest.year == 2019


BAD_FILES = sorted(BAD.glob("*.yaml"))


@pytest.mark.parametrize("path", BAD_FILES, ids=[p.stem for p in BAD_FILES])
def test_bad_file_fails_with_a_located_message(path: Path) -> None:
    result = within(
        lambda: runner.invoke(
            app, ["validate", str(path.relative_to(ROOT))], catch_exceptions=False
        )
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error: {path.relative_to(ROOT)}:")
    check_golden(f"errors/{path.stem}.txt", result.stderr)


def test_every_bad_file_names_its_error_class() -> None:
    codes = {p.stem for p in BAD_FILES} - {"many-errors"}
    assert codes <= set(ERROR_KINDS)
    required = {
        "yaml-syntax", "unknown-field", "missing-field", "unknown-source", "duplicate-id",
        "bad-figure", "bad-date", "start-after-as-of", "published-before-as-of", "unknown-place",
        "unknown-population", "unknown-breakdown", "negative-figure", "octal-number",
        "boolean-value", "encoding", "empty", "too-deep", "alias-bomb",
    }  # fmt: skip
    assert required <= codes


def test_all_errors_of_a_file_are_reported_at_once() -> None:
    with pytest.raises(InputError) as caught:
        load(BAD / "many-errors.yaml")
    assert [p.code for p in caught.value.problems] == [
        "bad-figure",
        "unknown-population",
        "duplicate-id",
        "unknown-source",
    ]


def test_a_file_over_the_size_limit_is_refused_without_a_hang(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"# padding\n" * 2_200_000)
    with pytest.raises(InputError) as caught:
        within(lambda: load(path))
    assert caught.value.problems[0].code == "too-large"


def test_alias_bomb_is_refused_without_a_hang() -> None:
    with pytest.raises(InputError) as caught:
        within(lambda: load(BAD / "alias-bomb.yaml"))
    assert caught.value.problems[0].code == "alias-bomb"


def test_numbers_yaml_would_misread_are_errors_where_text_is_expected() -> None:
    text = (
        (ROOT / "sources.yaml")
        .read_text(encoding="utf-8")
        .replace("id: sams-2019-07-25", "id: 0725", 1)
    )
    with pytest.raises(InputError) as caught:
        loads(text, "octal-id.yaml")
    assert caught.value.problems[0].code == "octal-number"


def test_a_plain_1089_with_comma_is_read_as_a_number() -> None:
    claim = load(ROOT / "sources.yaml").claim("ohchr-2019-08-29")
    assert (claim.figure.low, claim.figure.high) == (1089, 1089)


def test_stdin_is_read_with_a_dash() -> None:
    text = (ROOT / "sources.yaml").read_text(encoding="utf-8")
    result = runner.invoke(app, ["validate", "-", "--format", "plain"], input=text)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<stdin>: 25 claims")


def test_a_claims_csv_loads_directly(tmp_path: Path) -> None:
    out = tmp_path / "tables"
    result = runner.invoke(app, ["export", str(ROOT / "sources.yaml"), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    from_csv = load(out / "claims.csv")
    from_yaml = load(ROOT / "sources.yaml")
    assert [c.id for c in from_csv.claims] == [c.id for c in from_yaml.claims]
    assert [c.figure for c in from_csv.claims] == [c.figure for c in from_yaml.claims]
    assert [c.area.places for c in from_csv.claims] == [c.area.places for c in from_yaml.claims]


def test_a_year_less_phrase_takes_the_latest_period_not_after_its_limit() -> None:
    text = (
        "version: 1\nsources: {A: {}}\nclaims:\n"
        "  - {id: x, source: A, figure: 10, population: civilians, outcome: killed, area: Yemen,"
        " start: late December, as_of: 2021-01-15}\n"
    )
    sources = loads(text, "new-year.yaml")
    start = sources.claim("x").start
    assert start is not None and start.earliest.isoformat() == "2020-12-21"
    assert "latest such period not after 2021-01-15" in sources.notes[0].message


def test_tabs_get_a_hint_about_tabs() -> None:
    with pytest.raises(InputError) as caught:
        loads("version: 1\nsources:\n\tA: {}\n", "tabs.yaml")
    assert "replace them with spaces" in (caught.value.problems[0].hint or "")


def test_a_hexadecimal_figure_is_refused() -> None:
    text = (
        (ROOT / "sources.yaml")
        .read_text(encoding="utf-8")
        .replace("figure: 229", "figure: 0x10", 1)
    )
    with pytest.raises(InputError) as caught:
        loads(text, "hex.yaml")
    assert caught.value.problems[0].code == "octal-number"


def test_a_claims_csv_on_standard_input(tmp_path: Path) -> None:
    assert runner.invoke(app, ["export", str(ROOT / "sources.yaml"), "--out", str(tmp_path)])
    csv_text = (tmp_path / "claims.csv").read_bytes()
    result = runner.invoke(app, ["validate", "-", "--format", "plain"], input=csv_text)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<stdin>: 25 claims")


def test_a_custom_about_tolerance_survives_a_csv_round_trip(tmp_path: Path) -> None:
    source = tmp_path / "tolerance.yaml"
    source.write_text(
        "version: 1\nsettings: {about_tolerance: 0.2}\nsources: {A: {}}\nclaims:\n"
        "  - {id: x, source: A, figure: about 500, population: civilians, outcome: killed,"
        " area: Yemen, as_of: 2021-01-15}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert runner.invoke(app, ["export", str(source), "--out", str(out)]).exit_code == 0
    claim = load(out / "claims.csv").claim("x")
    assert (claim.figure.low, claim.figure.high) == (400, 600)


def test_every_message_is_a_template_of_a_catalogued_kind() -> None:
    from casualty_recon.model import errors

    templates = {
        name: value for name, value in vars(errors).items() if isinstance(value, errors.Template)
    }
    assert len(templates) > 80
    for name, template in templates.items():
        assert template.code in ERROR_KINDS, name
        assert template.title == ERROR_KINDS[template.code].title
    message, hint = errors.FIGURE_UNKNOWN_KEY.fill(text="{low: 1}", key="mid")
    assert message == 'cannot read figure "{low: 1}": unknown key "mid"'
    assert hint is not None and "{low: 160, high: 300}" in hint


def test_grammar_errors_are_project_errors() -> None:
    from casualty_recon.grammar.figures import parse_figure
    from casualty_recon.model.errors import CasualtyReconError, GrammarError

    with pytest.raises(CasualtyReconError) as caught:
        parse_figure("-5")
    assert isinstance(caught.value, GrammarError) and caught.value.code == "negative-figure"
    assert str(caught.value) == 'figure "-5" is below zero'


# --- issue 16: every reader stops at the input limit while reading ---------------------------


def _cli(*args: str, stdin: object = None, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    import sys

    return subprocess.run(
        [sys.executable, "-m", "casualty_recon", *args],
        stdin=stdin,  # type: ignore[arg-type]
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )


def test_validate_dev_zero_is_refused_at_once() -> None:
    result = _cli("validate", "/dev/zero")
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(
        "error: /dev/zero:1:1: cannot read the file: it is a character device, not a file\n"
    )
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_stdin_that_never_ends_stops_at_the_limit() -> None:
    with open("/dev/zero", "rb") as zero:
        result = _cli("validate", "-", stdin=zero)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(
        "error: <stdin>:1:1: the input runs past the limit of 20,971,520 bytes (it was not read "
    )


def test_import_reads_stdin_within_the_limit() -> None:
    with open("/dev/zero", "rb") as zero:
        result = _cli("import", "-", stdin=zero)
    assert result.returncode == 1 and "runs past the limit of 20,971,520 bytes" in result.stderr


def test_sparse_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    import tracemalloc

    path = tmp_path / "huge.yaml"
    with path.open("wb") as stream:
        stream.truncate(2 * 1024**3)  # 2 GiB, no block written
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as caught:
            within(lambda: load(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    problem = caught.value.problems[0]
    assert problem.code == "too-large"
    assert problem.message == "the file is 2,147,483,648 bytes, over the limit of 20,971,520"
    assert peak < 8 * 1024**2  # refused from its size, before a byte is read


def test_text_over_the_limit_is_refused_in_characters_and_bytes() -> None:
    from casualty_recon.load.yaml_nodes import MAX_BYTES, decode, parse

    text, problems = parse("#" * (MAX_BYTES + 1), "big.yaml")
    assert text is None
    assert [p.message for p in problems] == [
        f"the text is {MAX_BYTES + 1:,} characters, over the limit of {MAX_BYTES:,}"
    ]
    text, problems = decode(b"#" * (MAX_BYTES + 1), "big.yaml")
    assert text is None
    assert [p.message for p in problems] == [
        f"the file is {MAX_BYTES + 1:,} bytes, over the limit of {MAX_BYTES:,}"
    ]


def test_read_stream_holds_at_most_limit_plus_one_bytes() -> None:
    import io

    from casualty_recon.load.reading import read_stream

    class Endless(io.RawIOBase):
        served = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
            buffer[:] = b"a" * len(buffer)
            self.served += len(buffer)
            return len(buffer)

    stream = Endless()
    with pytest.raises(InputError) as caught:
        read_stream(io.BufferedReader(stream), limit=1000)
    assert caught.value.problems[0].code == "too-large"
    assert stream.served <= 1000 + 1 + io.DEFAULT_BUFFER_SIZE


def test_fifo_without_a_writer_is_reported_not_waited_on_forever(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from casualty_recon.load import reading

    fifo = tmp_path / "sources.yaml"
    os.mkfifo(fifo)
    monkeypatch.setattr(reading, "FIFO_WAIT", 0.1)  # in this process: the hang guard stops a wait
    with pytest.raises(InputError) as caught:
        within(lambda: load(fifo))
    assert str(caught.value).startswith(
        f"error: {fifo}:1:1: cannot read the file: nothing was written to this FIFO in 0.1 seconds"
    )


def test_fifo_with_a_writer_is_read(tmp_path: Path) -> None:
    import os
    import threading

    fifo = tmp_path / "sources.yaml"
    os.mkfifo(fifo)
    text = (ROOT / "sources.yaml").read_bytes()

    def write() -> None:
        with fifo.open("wb") as stream:
            stream.write(text)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        sources = load(fifo)
    finally:
        writer.join(timeout=10)
    assert len(sources.claims) >= 15


def test_a_claim_without_an_id_is_named_by_its_line() -> None:
    text = "version: 1\nsources:\n  S: s\nclaims:\n  - source: S\n    figure: 5\n"
    with pytest.raises(InputError) as caught:
        loads(text, "x.yaml")
    first = caught.value.problems[0]
    assert (first.code, str(first.location)) == ("missing-field", "x.yaml:5:5")
    assert first.message == "claim at line 5 has no `id`"
