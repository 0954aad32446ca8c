"""Hostile inputs (issue 16): a table of named cases, each an input and the exit code and first
error line it must give. None may end in an unexpected exception (exit 70 from `main`): CliRunner
runs with `catch_exceptions=False`, so one would fail the test with its traceback.

Every file is written here, in a temporary folder that is the working directory, so the
messages name short relative paths.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casualty_recon.cli.app import app

runner = CliRunner()

CLAIM = """version: 1
sources:
  A: {name: A, kind: un}
claims:
  - id: a1
    source: A
    figure: FIGURE
    population: civilians
    outcome: killed
    area: AREA
    as_of: 2019-08-01
"""


def claim_file(figure: str = "5", area: str = "Idlib", before: str = "", after: str = "") -> str:
    text = CLAIM.replace("FIGURE", figure).replace("AREA", area)
    return text.replace("version: 1\n", "version: 1\n" + before) + after


@dataclass(frozen=True)
class Case:
    name: str
    files: dict[str, str | bytes | Callable[[], str | bytes]]
    args: list[str]
    code: int
    # The first line of stderr starts with this.
    prefix: str
    # And stderr contains each of these.
    contains: tuple[str, ...] = field(default=())
    # Files the run must have written.
    writes: tuple[str, ...] = field(default=())
    # And stdout contains each of these.
    out: tuple[str, ...] = field(default=())


def area_chain(length: int, part: str = "") -> str:
    lines = "".join(f"  a{i}: [{part}a{i + 1}]\n" for i in range(length))
    return "areas:\n" + lines + f"  a{length}: [Idlib]\n"


def party_chain(length: int) -> str:
    lines = "".join(f"  p{i}: [p{i + 1}]\n" for i in range(length))
    return "parties:\n" + lines + f"  p{length}: [Russian forces]\n"


MUTUAL = """    breakdown_of: a2
  - id: a2
    source: A
    figure: 9
    population: civilians
    outcome: killed
    area: Idlib
    as_of: 2019-08-01
    breakdown_of: a1
"""
RATIO = """assumptions:
  - applies_to: basis
    from: verified
    to: reported
    ratio: [-1, 0]
    reason: a test
"""


def late_claims(last: str = "9999-12-31", first: str = "2019-01-01") -> str:
    text = CLAIM.split("claims:\n")[0] + "claims:\n"
    for index, (day, figure) in enumerate([(first, 3), ("9999-12-30", 5), (last, 9)]):
        claim = CLAIM.split("claims:\n")[1].replace("a1", f"a{index}")
        text += (
            claim.replace("FIGURE", str(figure)).replace("AREA", "Idlib").replace("2019-08-01", day)
        )
    return text


GED_HEADER = (
    "id,date_start,date_end,date_prec,where_prec,country,adm_1,side_a,deaths_civilians,"
    "low,best,high"
)
GED_ROW = "{i},2019-05-0{day},2019-05-0{day},1,1,Syria,Idlib,Government of Syria,{civilians},3,4,9"


def ged(rows: int = 5, header: str = GED_HEADER, civilians: str = "1", day: int = 1) -> str:
    lines = [GED_ROW.format(i=i, day=day, civilians=civilians) for i in range(rows)]
    return header + "\n" + "\n".join(lines) + "\n"


def ged_with_open_quote(rows: int = 50, at: int = 10) -> str:
    lines = ged(rows).splitlines()
    lines[at + 1] = lines[at + 1].replace(",Idlib,", ',"Idlib,')
    return "\n".join(lines) + "\n"


def ged_dates(*days: str) -> str:
    rows = [
        GED_ROW.replace("2019-05-0{day}", day).format(i=i, civilians=1)
        for i, day in enumerate(days)
    ]
    return GED_HEADER + "\n" + "\n".join(rows) + "\n"


EVENTS = ["events", "e.csv", "--claims", "s.yaml", "--format", "plain"]
IDLIB_CLAIM = claim_file().replace("2019-08-01", "2019-05-31")

CSV_HEADER = "id,source,figure_text,population,outcome,area,as_of"
CSV_ROW = "x{i},A,5,civilians,killed,Idlib,2019-05-01"

CASES = [
    Case(
        "bare integer figure of 320 digits",
        {"s.yaml": claim_file("1" * 320)},
        ["validate", "s.yaml"],
        1,
        'error: s.yaml:7:13: cannot read figure "11111111111111111111...(320 characters)": it is '
        "over 1,000,000,000,000,000",
    ),
    Case(
        "figure bound of 47 digits in the mapping form",
        {"s.yaml": claim_file('"{low: ' + "9" * 40 + '}"')},
        ["validate", "s.yaml"],
        1,
        "error: s.yaml:7:13: cannot read figure",
        ("more than any count",),
    ),
    Case(
        "a chain of 500 areas",
        {"s.yaml": claim_file(area="a0", before=area_chain(500))},
        ["validate", "s.yaml"],
        1,
        'error: s.yaml:3:3: area "a0" nests other areas 501 deep: a0 -> a1 -> a2 -> ... -> a499',
        ("hint: nest areas at most 32 deep",),
    ),
    Case(
        "a chain of 31 areas is fine",
        {"s.yaml": claim_file(area="a0", before=area_chain(30))},
        ["validate", "s.yaml"],
        0,
        "",
    ),
    Case(
        "a chain of 500 areas through part words",
        {"s.yaml": claim_file(area="a0", before=area_chain(500, "northern "))},
        ["validate", "s.yaml"],
        1,
        "error: s.yaml:2:1: areas or party groups nest each other too deeply to resolve",
    ),
    Case(
        "a chain of 1,000 party groups",
        {
            "s.yaml": claim_file(before=party_chain(1000)).replace(
                "outcome: killed", "outcome: killed\n    perpetrators: p0"
            )
        },
        ["validate", "s.yaml"],
        1,
        'error: s.yaml:3:3: party group "p0" nests other groups 1001 deep: p0 -> p1 -> p2 -> ...',
    ),
    Case(
        "mutual breakdown_of",
        {"s.yaml": claim_file(after=MUTUAL)},
        ["validate", "s.yaml"],
        1,
        "error: s.yaml:12:19: breakdown_of goes round in a loop: a1 -> a2 -> a1",
    ),
    Case(
        "UTF-16 without a byte-order mark",
        {"s.yaml": claim_file().encode("utf-16-le")},
        ["validate", "s.yaml"],
        1,
        "error: s.yaml:1:1: the file is UTF-16 text (little-endian, without a byte-order mark), "
        "not UTF-8",
    ),
    Case(
        "UTF-16 big-endian without a byte-order mark",
        {"s.yaml": claim_file().encode("utf-16-be")},
        ["validate", "s.yaml"],
        1,
        "error: s.yaml:1:1: the file is UTF-16 text (big-endian, without a byte-order mark)",
    ),
    Case(
        "UTF-16 claims CSV with a byte-order mark",
        {"c.csv": "id,source\n1,2\n".encode("utf-16")},
        ["import", "c.csv"],
        1,
        "error: c.csv:1:1: the file is UTF-16 text (with a byte-order mark), not UTF-8",
    ),
    Case(
        "a negative assumption ratio",
        {"s.yaml": claim_file(after=RATIO)},
        ["validate", "s.yaml"],
        1,
        "error: s.yaml:16:12: the ratio of assumption 1 is negative: [-1, 0]",
    ),
    Case(
        "a chart with dates near 9999",
        {"s.yaml": late_claims()},
        ["timeline", "s.yaml", "--chart", "c.png", "--format", "plain"],
        0,
        "wrote c.png",
        writes=("c.png",),
    ),
    Case(
        "a chart with an unknown as_of (0001-01-01 to 9999-12-31)",
        {"s.yaml": late_claims(first="unknown")},
        ["timeline", "s.yaml", "--chart", "c.svg", "--format", "plain"],
        0,
        "wrote c.svg",
        writes=("c.svg",),
    ),
    Case(
        "an -o name of 300 bytes",
        {"s.yaml": claim_file()},
        ["report", "s.yaml", "--format", "plain", "-o", "x" * 296 + ".txt"],
        2,
        "error: cannot write xxxxxxxxxxxxxxxxxxxx...xxxxxx.txt: the name is 300 bytes, over the "
        "limit of 255 bytes",
    ),
    Case(
        "an -o folder name of 256 bytes",
        {"s.yaml": claim_file()},
        ["report", "s.yaml", "--format", "plain", "-o", "é" * 128 + "/r.txt"],
        2,
        "error: cannot write éééééééééééééééééééé...éééééééééé: the name is 256 bytes",
    ),
    Case(
        "an -o name of 254 bytes is written (its temporary name shortened)",
        {"s.yaml": claim_file()},
        ["report", "s.yaml", "--format", "plain", "-o", "y" * 250 + ".txt"],
        0,
        "wrote " + "y" * 250 + ".txt",
        writes=("y" * 250 + ".txt",),
    ),
    Case(
        "a binary event file",
        {"s.yaml": IDLIB_CLAIM, "e.csv": bytes(range(256)) * 16},
        EVENTS,
        1,
        "error: e.csv:1:1: the event file is not text: it has NUL bytes",
    ),
    Case(
        "a UTF-16 event file cut in the middle of a character",
        {"s.yaml": IDLIB_CLAIM, "e.csv": ged().encode("utf-16-le")[:-1]},
        EVENTS,
        1,
        "error: e.csv:1:1: the event file looks like UTF-16 text (little-endian, without a "
        "byte-order mark) but does not decode as UTF-16: truncated data",
    ),
    Case(
        "a bare CR in the header of an event file",
        {"s.yaml": IDLIB_CLAIM, "e.csv": ged(header=GED_HEADER.replace("country", "coun\rtry"))},
        EVENTS,
        1,
        "error: e.csv:1:1: not a known event dataset",
    ),
    Case(
        "a header field of 140,000 characters",
        {"s.yaml": IDLIB_CLAIM, "e.csv": ged(header=GED_HEADER + "," + "x" * 140_000)},
        EVENTS,
        1,
        "error: e.csv:1:1: a field of the header row is over 131,072 characters",
    ),
    Case(
        "inf in an event figure",
        {"s.yaml": IDLIB_CLAIM, "e.csv": ged(civilians="inf")},
        [*EVENTS[:-2], "--format", "json"],
        0,
        "",
        out=('"no figure for civilians killed": 5',),
    ),
    Case(
        "a 400-digit event figure",
        {"s.yaml": IDLIB_CLAIM, "e.csv": ged(civilians="9" * 400)},
        EVENTS,
        0,
        "",
        out=("no figure for civilians killed: 5",),
    ),
    Case(
        "an unterminated quote swallowing 39 rows",
        {"s.yaml": IDLIB_CLAIM, "e.csv": ged_with_open_quote()},
        EVENTS,
        0,
        "",
        out=(
            "10 events",
            "40 unreadable row(s) left out (row with the wrong number of columns: 1; rows inside "
            "a quote that opens on line 12 and never closes: 39)",
        ),
    ),
    Case(
        "an ambiguous day/month date in an event file",
        {"s.yaml": IDLIB_CLAIM, "e.csv": ged_dates("2019-05-01", "05/05/2019", "05/07/2019")},
        EVENTS,
        1,
        'error: e.csv:4:1: date "05/07/2019" in date_start could be 5 July 2019 or 7 May 2019, '
        "and no date in the file shows which comes first",
        ("hint: say which with --date-format dd/mm/yyyy or --date-format mm/dd/yyyy",),
    ),
    Case(
        "an ambiguous date read day first as declared",
        {"s.yaml": IDLIB_CLAIM, "e.csv": ged_dates("05/07/2019", "06/07/2019")},
        [*EVENTS, "--date-format", "dd/mm/yyyy"],
        0,
        "",
        out=("2 events, 2019-07-05 to 2019-07-06",),
    ),
    Case(
        "an ambiguous date read month first as declared",
        {"s.yaml": IDLIB_CLAIM, "e.csv": ged_dates("05/07/2019", "05/08/2019")},
        [*EVENTS, "--date-format", "mm/dd/yyyy"],
        0,
        "",
        out=("2 events, 2019-05-07 to 2019-05-08",),
    ),
    Case(
        "an ambiguous date read in the order the file shows (a day over 12)",
        {"s.yaml": IDLIB_CLAIM, "e.csv": ged_dates("05/07/2019", "25/07/2019")},
        EVENTS,
        0,
        "",
        out=("2 events, 2019-07-05 to 2019-07-25",),
    ),
    Case(
        "dates written in both orders",
        {"s.yaml": IDLIB_CLAIM, "e.csv": ged_dates("25/07/2019", "07/26/2019")},
        EVENTS,
        1,
        'error: e.csv:3:1: the file writes dates day first ("25/07/2019") and month first '
        '("07/26/2019", here)',
    ),
    Case(
        "dates written in both orders, one declared: the others are counted",
        {"s.yaml": IDLIB_CLAIM, "e.csv": ged_dates("25/07/2019", "07/26/2019")},
        [*EVENTS, "--date-format", "dd/mm/yyyy"],
        0,
        "",
        out=("1 event, 2019-07-25 to 2019-07-25; 1 unreadable row(s) left out",),
    ),
    Case(
        "report --events with an ambiguous date",
        {"s.yaml": IDLIB_CLAIM, "e.csv": ged_dates("05/07/2019")},
        ["report", "s.yaml", "--events", "e.csv", "--format", "plain"],
        1,
        'error: e.csv:2:1: date "05/07/2019" in date_start could be 5 July 2019 or 7 May 2019',
    ),
    Case(
        "report --events with the date format declared",
        {"s.yaml": IDLIB_CLAIM, "e.csv": ged_dates("05/07/2019")},
        ["report", "s.yaml", "--events", "e.csv", "--date-format", "mm/dd/yyyy", "-f", "plain"],
        0,
        "",
    ),
    Case(
        "export --events with an ambiguous date",
        {"s.yaml": IDLIB_CLAIM, "e.csv": ged_dates("05/07/2019")},
        ["export", "s.yaml", "--events", "e.csv", "--out", "t"],
        1,
        'error: e.csv:2:1: date "05/07/2019" in date_start could be 5 July 2019 or 7 May 2019',
    ),
    Case(
        "export --events with the date format declared",
        {"s.yaml": IDLIB_CLAIM, "e.csv": ged_dates("05/07/2019")},
        ["export", "s.yaml", "--events", "e.csv", "--out", ".", "--date-format", "dd/mm/yyyy"],
        0,
        "wrote claims.csv",
        writes=("references.csv",),
    ),
    Case(
        "a claims CSV with a column twice",
        {"c.csv": CSV_HEADER + ",area\n" + CSV_ROW.format(i=1) + ",Hama\n"},
        ["import", "c.csv"],
        1,
        "error: c.csv:1:8: the column area is in the header twice (columns 6 and 8)",
    ),
    Case(
        "a claims CSV row with too few cells",
        {"c.csv": CSV_HEADER + "\n" + CSV_ROW.format(i=1) + "\nx2,A,5,civilians,killed\n"},
        ["import", "c.csv"],
        1,
        "error: c.csv:3:5: the row has 5 cells, the header has 7: none for area and 1 more",
    ),
    Case(
        "a claims CSV row with a cell under no column",
        {"c.csv": CSV_HEADER + "\n" + CSV_ROW.format(i=1) + ",stray\n"},
        ["import", "c.csv"],
        1,
        "error: c.csv:2:8: the row has 8 cells, the header has 7: cell 8 (`stray`) is under no "
        "column",
    ),
    Case(
        "a claims CSV row with empty trailing cells (as spreadsheets leave) is read",
        {"c.csv": CSV_HEADER + "\n" + CSV_ROW.format(i=1) + ",,\n"},
        ["import", "c.csv", "-o", "s.yaml"],
        0,
        "wrote s.yaml",
        writes=("s.yaml",),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_case(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name, content in case.files.items():
        data = content() if callable(content) else content
        path = tmp_path / name
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    result = runner.invoke(app, case.args, catch_exceptions=False)
    first = result.stderr.split("\n", 1)[0]
    assert result.exit_code == case.code, result.stderr
    assert first.startswith(case.prefix), result.stderr
    for text in case.contains:
        assert text in result.stderr
    for text in case.out:
        assert text in result.stdout
    for name in case.writes:
        assert (tmp_path / name).stat().st_size > 0
    leftovers = [path.name for path in tmp_path.iterdir() if path.name.startswith(".")]
    assert leftovers == []
