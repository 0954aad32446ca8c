"""A second evaluation corpus, from other conflicts: UCDP GED headlines (`make eval-extract`).

Built at evaluation time from `../shared/data/events/ucdp-ged-*.csv` (Myanmar and Bangladesh,
2000-2018: another continent and other wars than the Syrian articles the rules were written
on); nothing of it is copied into the repository.

Which headlines. A GED row is one event with the reports it was coded from (`source_article`:
`"outlet,YYYY-MM-DD,headline"` for each) and UCDP's death estimates. The unit is a report's
headline, not the row: one report is often split into several events, and one event coded from
several reports. Kept are the headlines of well-formed reports (older rows write free text,
"R 23/3, UPDATE 1- Rebels said ...", where a headline cannot be told from its neighbours or from
a URL) that state a number (in digits or words) and a word of death. The filter reads words, not
the extractor's rules.

How they are scored. The check is the toll a reader would write from the headline:
`tools/ged_reader_tolls.txt` gives it for each headline, read by hand from the headline alone
(its header states the reading: groups summed, a part gives way to its whole, a running toll
wins over an increment, "dozens" is a count without a number, `none` when no count is stated).
UCDP's estimates are NOT that toll, and scoring against them was unfair both ways: UCDP splits a
national round-up ("Seven killed in clashes following ...") into events by town and leaves out
deaths it cannot place or attribute (4), codes a running toll ("death toll rises to 80") as the
day's new deaths (1), and sums one event over all its reports, so a headline written early
("At least 12 dead") is held to the final count (68). Agreement with UCDP's summed low to high
is still reported beside, for reference.

Halves. Headlines that share an event are one group (they report the same thing); each group
falls in the tuning or the check half by a hash of its smallest event id. Rules are tuned on
misses of the tuning half only; the check half is what shows whether they generalise.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

_NUMBER = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|dozens?|"
    r"scores|hundreds)\b",
    re.I,
)
_DEATH = re.compile(
    r"\b(?:kill\w*|dead|die[sd]?|dying|deaths?|slain|shot|lives|bodies|massacred?|toll)\b", re.I
)
_REPORT = re.compile(r'"([^"]*)"')
_WELL_FORMED = re.compile(r"(?P<outlet>[^,]+),(?P<day>\d{4}-\d\d-\d\d),(?P<headline>.+)", re.S)
READER_TOLLS = Path(__file__).with_name("ged_reader_tolls.txt")
HALVES = ("tune", "check")


@dataclass(frozen=True, slots=True)
class GedHeadline:
    key: str
    text: str
    published: dt.date | None
    best: int
    low: int
    high: int
    events: int
    reader: str | None = None  # the reader's toll: digits, a vague word, "none"; None: unread
    half: str = "tune"


def ged_files(events_dir: Path) -> list[Path]:
    return sorted(events_dir.glob("ucdp-ged-*.csv"))


def headline_key(headline: str) -> str:
    return hashlib.sha1(" ".join(headline.split()).encode("utf-8")).hexdigest()[:10]


def read_reader_tolls(path: Path = READER_TOLLS) -> dict[str, str]:
    tolls: dict[str, str] = {}
    if not path.exists():
        return tolls
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and not line.startswith("#"):
            tolls[parts[0]] = parts[1]
    return tolls


def build(paths: list[Path], reader_tolls: dict[str, str] | None = None) -> list[GedHeadline]:
    """The scored headlines of GED files, one per distinct headline that states a toll."""
    tolls = read_reader_tolls() if reader_tolls is None else reader_tolls
    groups: dict[str, list[dict[str, str]]] = {}
    dates: dict[str, str] = {}
    for path in paths:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                for report in _REPORT.findall(row.get("source_article") or ""):
                    match = _WELL_FORMED.fullmatch(report.strip())
                    if match is None:
                        continue
                    headline = " ".join(match.group("headline").split())
                    if not (_NUMBER.search(headline) and _DEATH.search(headline)):
                        continue
                    groups.setdefault(headline, []).append(row)
                    dates.setdefault(headline, match.group("day"))
    halves = _halves(groups)
    return [
        GedHeadline(
            key=rows[0].get("id") or headline[:20],
            text=headline,
            published=_day(dates[headline]),
            best=sum(_int(r.get("best")) for r in rows),
            low=sum(_int(r.get("low")) for r in rows),
            high=sum(_int(r.get("high")) for r in rows),
            events=len(rows),
            reader=tolls.get(headline_key(headline)),
            half=halves[headline],
        )
        for headline, rows in groups.items()
    ]


def _halves(groups: dict[str, list[dict[str, str]]]) -> dict[str, str]:
    """Each headline's half: headlines sharing an event are grouped (union-find), and a group's
    half is a hash of its smallest event id."""
    parent = {h: h for h in groups}

    def root(h: str) -> str:
        while parent[h] != h:
            parent[h] = parent[parent[h]]
            h = parent[h]
        return h

    by_event: dict[str, str] = {}
    for headline, rows in groups.items():
        for row in rows:
            event = row.get("id") or ""
            if event in by_event:
                parent[root(headline)] = root(by_event[event])
            else:
                by_event[event] = headline
    smallest: dict[str, str] = {}
    for headline, rows in groups.items():
        ids = [r.get("id") or "" for r in rows]
        top = root(headline)
        smallest[top] = min([*ids, smallest.get(top, min(ids))], key=_id_order)
    return {h: HALVES[hashlib.sha1(smallest[root(h)].encode()).digest()[0] % 2] for h in groups}


def _id_order(event: str) -> tuple[int, str]:
    return (len(event), event)


def _int(text: str | None) -> int:
    try:
        return int(float(text or 0))
    except ValueError:
        return 0


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None
