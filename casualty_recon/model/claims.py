"""Plain typed data: claims, sources, figures, day ranges, places, scopes.

This is layer 1 of the house (README, "Layout of the code"): no I/O and no imports from the rest of
the package. Every other module speaks in these types. The small value types are NamedTuples rather
than dataclasses: immutable and hashable alike, and five times cheaper to define, which counts in a
command-line tool's start-up (README, "Performance").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from casualty_recon.model.lists import ListSpec


# How far "about n" reaches on either side unless a file sets `about_tolerance` (README, Figures).
ABOUT_TOLERANCE = 0.1


# --- vocabularies ------------------------------------------------------------------------------

POPULATIONS: tuple[str, ...] = (
    "people",
    "civilians",
    "children",
    "women",
    "men",
    "combatants",
    "health workers",
    "journalists",
    "aid workers",
)
OUTCOMES: tuple[str, ...] = (
    "killed",
    "injured",
    "killed or injured",
    "died",
    "missing",
    "detained",
    "displaced",
)
# Ordered by how much each basis is expected to capture (README, "Concepts").
BASES: tuple[str, ...] = ("verified", "documented", "reported", "estimated")
SOURCE_KINDS: tuple[str, ...] = (
    "un",
    "ngo",
    "monitor",
    "government",
    "media",
    "academic",
    "other",
)
# Figure qualifiers. `exact` is a bare number; the rest name the wording family.
QUALIFIERS: tuple[str, ...] = (
    "exact",
    "more_than",
    "at_least",
    "about",
    "nearly",
    "up_to",
    "fewer_than",
    "range",
    "vague",
)

Relation = Literal["same", "narrower", "wider", "overlapping", "disjoint", "unknown"]
RELATIONS: tuple[str, ...] = ("same", "narrower", "wider", "overlapping", "disjoint", "unknown")


# --- figures -----------------------------------------------------------------------------------


class Figure(NamedTuple):
    """A published figure: always an interval, `high` None when open (a floor)."""

    low: int
    high: int | None
    qualifier: str
    text: str

    @property
    def is_floor(self) -> bool:
        return self.high is None

    @property
    def is_point(self) -> bool:
        return self.high is not None and self.high == self.low

    @property
    def stated(self) -> tuple[int, int]:
        """The interval used for gaps: an open end closed at the stated bound (README, "Concepts").

        "more than 730" enters as 731, "up to 300" as 300, a range as its range.
        """
        if self.high is None:
            return (self.low, self.low)
        if self.qualifier in ("up_to", "fewer_than"):
            return (self.high, self.high)
        return (self.low, self.high)


# --- dates -------------------------------------------------------------------------------------


class DayRange(NamedTuple):
    """A date as written, resolved to the interval of days it can mean."""

    earliest: dt.date
    latest: dt.date
    text: str
    year_inferred: bool = False

    @property
    def days(self) -> int:
        return (self.latest - self.earliest).days + 1

    def to_dict(self) -> dict[str, str]:
        return {"earliest": self.earliest.isoformat(), "latest": self.latest.isoformat()}


def clip_as_of(as_of: DayRange, published: DayRange) -> DayRange:
    """A count never runs past the day it was published: a vague as_of ("early March") ends at
    the publication day when that falls inside it (README, "Input format", Series)."""
    if as_of.earliest <= published.latest < as_of.latest:
        return as_of._replace(latest=published.latest)
    return as_of


# --- places and parties ------------------------------------------------------------------------


class Place(NamedTuple):
    """A country (`code` = ISO alpha-2), a first-level subdivision (`code` = ISO 3166-2),
    optionally restricted to a part (`southern`, `northern`, ...), or a user-defined place."""

    code: str
    name: str
    part: str | None = None

    @property
    def country(self) -> str:
        return self.code.split("-", 1)[0]

    @property
    def is_country(self) -> bool:
        return "-" not in self.code

    def label(self) -> str:
        return f"{self.part} {self.name}" if self.part else self.name


class Area(NamedTuple):
    """An area as written (`text`) and the set of places it resolves to."""

    text: tuple[str, ...]
    places: frozenset[Place]

    def label(self) -> str:
        return ", ".join(self.text)


class Perpetrators(NamedTuple):
    """`parties` is None for `any`; otherwise the set of canonical party names."""

    text: tuple[str, ...]
    parties: frozenset[str] | None

    @property
    def is_any(self) -> bool:
        return self.parties is None

    def label(self) -> str:
        return ", ".join(self.text) if self.text else "any"


# --- file contents -----------------------------------------------------------------------------


class Location(NamedTuple):
    """Where something was written: 1-based line and column."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class Source(NamedTuple):
    key: str
    name: str | None = None
    kind: str | None = None
    method: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Claim:
    id: str
    source: str
    figure: Figure
    population: str
    outcome: str
    perpetrators: Perpetrators
    area: Area
    start: DayRange | None
    as_of: DayRange
    published: DayRange
    basis: str = "reported"
    relayed_by: str | None = None
    url: str | None = None
    quote: str | None = None
    notes: str | None = None
    breakdown_of: str | None = None
    # `series: NAME`: differently worded claims of one source that are one count in substance
    # (README, "Input format", Series). None: the series is found from the scope.
    series: str | None = None
    # Every breakdown part of this claim is in the file: shares from it are exact.
    complete: bool = False
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Assumption:
    """A user-supplied number the engine may use, with its reason.

    `applies_to` is `as_of`/`start` (with a daily `rate`) or one of `population`, `outcome`,
    `perpetrators`, `area`, `basis` (with a `ratio` of `to` over `from`).
    """

    index: int
    applies_to: str
    reason: str
    from_value: str | None = None
    to_value: str | None = None
    ratio: tuple[float, float] | None = None
    rate: tuple[float, float] | None = None
    source: str | None = None
    location: Location | None = field(default=None, compare=False)
    # `applies_to` as the file wrote it and where, for the check against the kinds registry.
    applies_to_as_written: tuple[str, Location] | None = field(default=None, compare=False)
    # Where the file wrote each of `from`, `to`, `ratio` and `rate` it gives (the key), for the
    # registry's check of the fields its target needs.
    written_keys: tuple[tuple[str, Location], ...] = field(default=(), compare=False)

    @property
    def ref(self) -> str:
        return f"assumption:{self.index}"


class Note(NamedTuple):
    """Something the loader did on the user's behalf (an inferred year, a default)."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"note: {self.location}: {self.message}"


class Sources:
    """A loaded `sources.yaml` (or claims CSV). A plain class rather than a dataclass, like the
    analysis results built once a command: a dataclass writes and compiles its methods at
    import, about half a millisecond of every command's start-up (README, "Performance")."""

    def __init__(
        self,
        path: str,
        version: int = 1,
        title: str | None = None,
        areas: dict[str, tuple[str, ...]] | None = None,
        parties: dict[str, tuple[str, ...]] | None = None,
        sources: dict[str, Source] | None = None,
        claims: list[Claim] | None = None,
        assumptions: list[Assumption] | None = None,
        about_tolerance: float = ABOUT_TOLERANCE,
        notes: list[Note] | None = None,
        compare: list[tuple[str, str]] | None = None,
        lists: dict[str, ListSpec] | None = None,
    ) -> None:
        self.path = path
        self.version = version
        self.title = title
        self.areas = {} if areas is None else areas
        self.parties = {} if parties is None else parties
        self.sources = {} if sources is None else sources
        self.claims = [] if claims is None else claims
        self.assumptions = [] if assumptions is None else assumptions
        self.about_tolerance = about_tolerance
        self.notes = [] if notes is None else notes
        # `compare:`: the file's focus pairs of claim ids, shown first (README, "Which pairs are
        # compared").
        self.compare = [] if compare is None else compare
        self.lists = {} if lists is None else lists  # the `lists:` section

    def claim(self, claim_id: str) -> Claim:
        for claim in self.claims:
            if claim.id == claim_id:
                return claim
        raise KeyError(claim_id)
