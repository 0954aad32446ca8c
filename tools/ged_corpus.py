"""A second evaluation corpus, from other conflicts: UCDP GED headlines (`make eval-extract`).

Built at evaluation time from `../shared/data/events/ucdp-ged-*.csv` (Myanmar and Bangladesh,
2013-2018: another continent and other wars than the Syrian articles the rules were written
on); nothing of it is copied into the repository.

How it is scored. A GED row is one event with the reports it was coded from (`source_article`:
outlet, date and headline of each) and UCDP's death estimates (`low`, `best`, `high`: everyone
killed, fighters and civilians). One report is often split into several events ("Seven killed
in clashes" coded as four events in four towns), so the unit is the report's headline, not the
row:

- every distinct headline that `source_article` lists, with the date given beside it;
- only headlines that state a number (in digits or words) and a word of death ("killed",
  "dead", "die", "toll", "shot"...): a headline without both ("Fighting intensifies near
  Laiza", "TNLA 571 clashed with LID 77") states no toll to find. The filter reads words, not
  the extractor's rules;
- the headline's gold is UCDP's estimates summed over every event coded from that report:
  `low` to `high` is UCDP's range, `best` its best estimate. UCDP also codes deaths of the same
  report into events it shares with other reports, and leaves out deaths it cannot place, so
  the gold is UCDP's reading of the event, not the headline's wording;
- the extractor reads the headline as a one-sentence article published on that date; its toll
  is the first statement of people killed in it (any population, as GED counts fighters too),
  0 when it finds none. It counts as right within UCDP's summed low to high; equal to the
  summed best is counted apart.
"""

from __future__ import annotations

import csv
import datetime as dt
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


@dataclass(frozen=True, slots=True)
class GedHeadline:
    key: str
    text: str
    published: dt.date | None
    best: int
    low: int
    high: int
    events: int


def ged_files(events_dir: Path) -> list[Path]:
    return sorted(events_dir.glob("ucdp-ged-*.csv"))


def build(paths: list[Path]) -> list[GedHeadline]:
    """The scored headlines of GED files, one per distinct headline that states a toll."""
    groups: dict[str, list[dict[str, str]]] = {}
    dates: dict[str, str] = {}
    for path in paths:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                reports = _REPORT.findall(row.get("source_article") or "")
                for report in reports or [row.get("source_article") or ""]:
                    parts = report.split(",", 2)
                    if len(parts) < 3:
                        continue
                    headline = " ".join(parts[2].split())
                    if not (_NUMBER.search(headline) and _DEATH.search(headline)):
                        continue
                    groups.setdefault(headline, []).append(row)
                    dates.setdefault(headline, parts[1])
    return [
        GedHeadline(
            key=rows[0].get("id") or headline[:20],
            text=headline,
            published=_day(dates[headline]),
            best=sum(_int(r.get("best")) for r in rows),
            low=sum(_int(r.get("low")) for r in rows),
            high=sum(_int(r.get("high")) for r in rows),
            events=len(rows),
        )
        for headline, rows in groups.items()
    ]


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
