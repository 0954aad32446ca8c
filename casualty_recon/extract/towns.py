"""Towns an article names with a clear cue, and places that are only reference points.

The gazetteer's free-text finder knows countries and first-level regions only: a town's name is
too often a common word, or a namesake of a town elsewhere. A town is taken from an article only
where the article says it is one:

| cue                                  | example                                   | town       |
|--------------------------------------|-------------------------------------------|------------|
| a settlement word, then `of`         | "in the central Somali town of Beledweyne" | Beledweyne |
| a settlement word after the name     | "in Djibo, a town in northern Burkina Faso" | Djibo      |
| a distance after the name            | "Douma, 10 km northeast of Damascus"      | Douma      |
| a plural settlement word, then `of`  | "the villages of Monguno, Damboa and Gwoza" | each one |
| `capital`, then the name             | "the regional capital Goma"               | Goma       |

The name is resolved among the towns of the article's country (of any country only when the
article names none): a town of another country, or a name that several towns share, stays out.
A place after "N km <direction> of" is a reference point, never the scope of a figure: its span
is returned so that the caller drops it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from casualty_recon.extract.text import covering
from casualty_recon.grammar.gazetteer import (
    DATA,
    gazetteer_data,
    lookup,
    town_entries,
    town_parent,
)
from casualty_recon.grammar.place_words import PART_FORMS, UNIT_WORDS_BEFORE
from casualty_recon.grammar.places import ARTICLES, Gazetteer, display_name, fold
from casualty_recon.model.claims import Place
from casualty_recon.model.errors import GrammarError

# A place name as articles write it: capitalised words, with the particles of Arabic, French,
# Spanish, Portuguese... names between or before them ("al-Bab", "Ras al-Ain", "Bir el Abd").
_PARTICLE = (
    r"(?:al|el|ad|an|ar|as|ash|at|az|de|del|da|das|do|dos|du|des|la|le|les|di|ibn|bin|ben|au|aux|"
    r"sur|en)"
)
_NAME = rf"(?:{_PARTICLE}[-' ])?[A-Z][\w'’]*(?:(?:[ -]|[ -]{_PARTICLE}[-' ])[A-Z][\w'’]*){{0,3}}"
_SETTLEMENT = r"(?:town|city|village|hamlet|settlement|locality|commune|municipality|district)"
# Settlements that lie side by side ("in the village of X and the town of Y"); a district may be
# a quarter of a town the sentence also names.
_SMALL = frozenset({"town", "village", "hamlet", "settlement", "locality"})
_DIRECTION = (
    r"(?:(?:to the )?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?(?: of| from)?|from|outside|away from|of)"
)
_DISTANCE = (
    r"(?:(?:about|some|around|roughly|nearly|approximately|almost|just|only|less than|more than)"
    r" )?(?:\d[\d,.]*|a few|several|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|a hundred)[ -]?(?:km|kms|kilometres?|kilometers?|miles?)"
    rf"(?: \([^)]{{1,20}}\))? {_DIRECTION} (?:the )?"
)
# "the town of X", "the northern Malian village of X"
_OF = re.compile(rf"(?P<word>{_SETTLEMENT}) of (?P<name>{_NAME})")
# "the towns of X and Y", "the villages of X, Y and Z": each name is one town.
_PLURALS = {
    "towns": "town",
    "cities": "city",
    "villages": "village",
    "hamlets": "hamlet",
    "settlements": "settlement",
    "localities": "locality",
    "communes": "commune",
    "municipalities": "municipality",
}
_PLURAL_OF = re.compile(
    rf"(?P<word>{'|'.join(_PLURALS)}) of (?P<names>{_NAME}(?:, {_NAME})*,? and {_NAME})"
)
_ONE_NAME = re.compile(_NAME)
# "the capital Port-au-Prince", "the capital, Khartoum,", "the regional capital Goma".
_CAPITAL = re.compile(rf"capital(?: city)?,? (?P<name>{_NAME})")
# "X, a town in ...", "X, Ukraine's second city": the text up to the settlement word.
_APPOSITION = re.compile(
    rf"(?<![\w'’-])(?P<name>{_NAME}),? (?:a|an|the|[A-Z][\w-]*['’]s?)(?: [\w'’-]+){{0,3}}? $"
)
# "X, 10 km northeast of Y": the text up to the distance's unit.
_BEFORE_DISTANCE = re.compile(
    rf"(?<![\w'’-])(?P<name>{_NAME}),? (?:(?:located|situated|lying) )?(?={_DISTANCE})"
)
# "10 km north of Y", "30 miles from Y": Y is where the distance is measured from.
_REFERENCE = re.compile(
    rf"{_DISTANCE}(?:(?:[\w'’-]+ ){{0,3}}?(?:{_SETTLEMENT} of|capital,?) )?(?P<ref>{_NAME})"
)  # "15 km from the central town of Bankass", "10 km from the capital Damascus"

# Every cue holds one of these words, so the regexes run only near them: a regex that may start
# at every capital letter is slow over a whole article.
_UNITS = ("km", "kilomet", "mile")
_ANCHOR = re.compile(
    "towns|cities|villages|hamlets|settlements|localities|communes|municipalities|"
    "town|city|village|hamlet|settlement|locality|commune|municipality|district|capital|"
    "km|kilomet|mile"
)
_BACK = 120  # how far before its cue word a cue may start


# A country's demonym ("Libyan", "Sudanese", "Somali"), and the country names it is made from:
# the word less its ending, in the order tried ("Nigerian" is Nigeria's before Niger's).
_DEMONYM_SHAPE = re.compile(r"[A-Z][a-z]+(?:ian|an|ese|i|ish|ic|ine|ino|e)")
_IRREGULAR = {
    "Mozambican": "Mozambique", "Burkinabe": "Burkina Faso", "Filipino": "Philippines",
    "Philippine": "Philippines", "Salvadoran": "El Salvador", "Turkish": "Turkey",
    "Ivorian": "Cote d'Ivoire", "Emirati": "United Arab Emirates", "Saudi": "Saudi Arabia",
}  # fmt: skip
_STEMS = (
    (1, ""), (0, "a"), (2, ""), (3, ""), (3, "e"), (3, "a"), (3, "on"), (2, "o"), (4, "o"),
    (1, "s"), (0, "istan"),
)  # fmt: skip


@functools.lru_cache(maxsize=1024)
def demonym_country(word: str) -> str | None:
    """The country (ISO code) whose demonym `word` is ("Libyan" LY, "Sudanese" SD, "Somali"
    SO, "Lebanese" LB), else None: a word shaped like a demonym whose stem, with its ending
    undone, is one country's name."""
    if word in _IRREGULAR:
        return _country_named(_IRREGULAR[word])
    if not _DEMONYM_SHAPE.fullmatch(word):
        return None
    for cut, ending in _STEMS:
        stem = (word[:-cut] if cut else word) + ending
        if len(stem) >= 3:
            code = _country_named(stem)
            if code is not None:
                return code
    return None


def _country_named(name: str) -> str | None:
    codes = {p.code for entry in lookup(fold(name), towns=False) for p in entry if p.is_country}
    return next(iter(codes)) if len(codes) == 1 else None


# Before a cue, the country it is in: "the Libyan capital", "the central Somali town of",
# "Haiti's capital", "a Malian village".
_COUNTRY_BEFORE = re.compile(r"(?P<word>[A-Z][\w-]*)(?P<owner>['’]s)?(?: [a-z-]+)? $")


def country_before(text: str, start: int) -> tuple[int, int, str] | None:
    """Where the demonym or the country's name just before `start` is, and the country it says
    a cued settlement is in ("the Libyan capital Tripoli", "Haiti's capital"), else None."""
    match = _COUNTRY_BEFORE.search(text, max(0, start - 40), start)
    if match is None:
        return None
    word = match.group("word")
    code = _country_named(word) if match.group("owner") else demonym_country(word)
    return None if code is None else (*match.span("word"), code)


class Cued(NamedTuple):
    """What the cues of an article name."""

    towns: list[tuple[int, int, Place]]  # (start, end, town) in order of appearance
    references: list[int]  # where the places distances are measured from begin
    unknown: list[int]  # where the settlements the gazetteer does not know begin
    # (start, end, country) of a demonym before a settlement word: "a Malian village"
    countries: list[tuple[int, int, str]]


def cued_places(text: str, country: str | None) -> Cued:
    """The towns `text` names with a cue, the places that distances are measured from ("10 km
    north of Y": Y), and the settlements named with a cue that are no town of the gazetteer.

    A town's place name is the form that resolves back to the same town (`Beledweyne`,
    `Kharkiv city`, `Tripoli, Lebanon`), so that the claims load."""
    towns: list[tuple[int, int, Place]] = []
    references: list[int] = []
    unknown: list[int] = []
    countries: dict[int, tuple[int, int, str]] = {}  # by the start of its cue's word
    for start, end, word, cue in _cue_names(text, references, countries):
        after_word = word is not None
        # After a settlement word the name begins the run; before a cue it ends it ("In Beni").
        # A demonym or a country's name before the cue says which country's town it is.
        named = countries.get(cue) if after_word else None
        where = named[2] if named else country
        town = _town(text[start:end], where, word == "district", from_start=after_word)
        if town is not None:
            offset = 0 if after_word else end - start - len(town[1])
            towns.append((start + offset, start + offset + len(town[1]), town[0]))
        elif _settlement(text, word, cue, end) and not _is_place(text[start:end]):
            unknown.append(start)
    towns = [town for town in towns if town[0] not in references]
    unknown = [start for start in unknown if start not in references]
    return Cued(towns, references, unknown, list(countries.values()))


# An apposition that says its name is a settlement: "X, the main city of", "X, a village in".
_SETTLEMENT_ENDS = re.compile(
    r"(?:town|city|village|hamlet|capital)(?= of\b| in\b| near\b|[,.;]|$)"
)


def _settlement(text: str, word: str | None, cue: int, end: int) -> bool:
    """Whether a cue's name is said to be a settlement: after a small settlement's word ("the
    village of X"), or before one that ends its apposition ("X, the main city of")."""
    if word is not None:
        return word in _SMALL
    return text.startswith(",", end) and bool(_SETTLEMENT_ENDS.match(text, cue))


def unknown_name(text: str, start: int) -> str:
    """The name of a settlement `cued_places` found unknown at `start` ("Stepanakert")."""
    words = (match.group() if (match := _ONE_NAME.match(text, start)) else "").split(" ")
    return " ".join(words[1:] if len(words) > 1 and words[0].lower() in _OPENERS else words)


def _cue_names(
    text: str, references: list[int], countries: dict[int, tuple[int, int, str]]
) -> Iterator[tuple[int, int, str | None, int]]:
    """The spans of the place names of the cues in `text`, each with the settlement word (in
    the singular) it follows, or None for a name before its cue, and where the cue's word
    starts; the starts of reference points go to `references`, and the country a demonym
    before a settlement word names to `countries`, by the start of that word."""
    for anchor in _ANCHOR.finditer(text):
        start, end = anchor.span()
        word = anchor.group(0)
        back = max(0, start - _BACK)
        if word in _UNITS:
            for match in _REFERENCE.finditer(text, back, end + _BACK):
                if match.start() <= start < match.end():
                    if match.start("ref") not in references:
                        references.append(match.start("ref"))
                    near = _BEFORE_DISTANCE.search(text, back, match.end())
                    if near is not None and near.end() == match.start():
                        yield (*near.span("name"), None, start)
                    break
            continue
        if (start and (text[start - 1].isalnum() or text[start - 1] == "-")) or (
            end < len(text) and text[end].isalnum()
        ):
            continue  # part of a longer word ("citywide", "townships")
        named = country_before(text, start)
        if named is not None:
            countries[start] = named
        if word in _PLURALS:
            plural = _PLURAL_OF.match(text, start)
            if plural is not None:
                first = plural.start("names")
                for name in _ONE_NAME.finditer(text, first, plural.end("names")):
                    if name.group() != "and":
                        yield name.start(), name.end(), _PLURALS[word], start
            continue
        if word == "capital":
            capital = _CAPITAL.match(text, start)
            if capital is not None:
                yield (*capital.span("name"), "city", start)
        else:
            of = _OF.match(text, start)
            if of is not None:
                yield (*of.span("name"), of.group("word"), start)
        if text[end : end + 1] in ("'", "’"):
            continue  # "Bello, the city's police chief": the name is not the city's
        apposition = _APPOSITION.search(text, back, start)
        if apposition is not None:
            yield (*apposition.span("name"), None, start)


# Capitalised words that begin a sentence before a place's name ("In Beni, a city in ...").
_OPENERS = frozenset(
    [
        "in",
        "at",
        "near",
        "on",
        "from",
        "to",
        "of",
        "and",
        "but",
        "as",
        "after",
        "before",
        "since",
        "when",
        "while",
        "outside",
        "inside",
        "around",
        "across",
        "into",
        "meanwhile",
    ]
)


def _town(
    written: str, country: str | None, district: bool, *, from_start: bool
) -> tuple[Place, str] | None:
    """The one town a written name means, and the words it took; None if it names no one town.
    The whole run of capitalised words must be the name ("San Pedro Sula" is not "San
    Pedro"), but for the words that open a sentence before it ("In Beni, a city ...")."""
    words = written.split(" ")
    while True:
        name = " ".join(words)
        found = _town_of(fold(name), country, district)
        if found is not None:
            return _as_written(name, found), name
        if from_start or len(words) == 1 or words[0].lower() not in _OPENERS:
            return None
        words = words[1:]


@functools.lru_cache(maxsize=4096)
def _town_of(key: str, country: str | None, district: bool) -> Place | None:
    head, _, rest = key.partition(" ")
    keys = (key, rest) if rest and head in ARTICLES else (key,)
    for each in keys:
        if district and country is not None and _is_region(each, country):
            return None  # "the district of Kabul": the region, which the finder gives
        entries = town_entries(each, country)
        if len(entries) == 1:
            (only,) = next(iter(entries))
            return _loadable(only)
        if entries:
            return None  # several towns of the name: it stays out
    return None


@functools.lru_cache(maxsize=4096)
def _as_written(name: str, town: Place) -> Place:
    """The town under the article's spelling ("Douma" for GeoNames' "Dūmā") where that spelling
    resolves back to the same town, else under the gazetteer's loadable form."""
    country = display_name(town.country)
    for written in (name, f"{name} city", f"{name}, {country}"):
        try:
            resolved = _gazetteer().resolve(written)
        except GrammarError:
            continue
        if [(p.code, p.part) for p in resolved] == [(town.code, None)]:
            return Place(town.code, written)
    return town


def _is_region(key: str, country: str) -> bool:
    try:
        return any(p.country == country for p in _gazetteer().resolve(key) if p.part is None)
    except GrammarError:
        return False


def _loadable(town: Place) -> Place | None:
    """The town under the name that `sources.yaml` resolves back to it, if any; else the
    region of the same name it lies in ("Tripoli, Libya": the district of Tripoli)."""
    country = display_name(town.country)
    parent = town_parent(town.code)
    for written in (town.name, f"{town.name} city", f"{town.name}, {country}"):
        try:
            resolved = _gazetteer().resolve(written)
        except GrammarError:
            continue
        if resolved == frozenset({Place(town.code, town.name)}):
            return Place(town.code, written)
        if (
            parent
            and written.endswith(country)
            and [(p.code, p.part) for p in resolved] == [(parent, None)]
        ):
            return Place(parent, written)
    return None


# A first-level region named with the word for its kind: "Plateau state", "the province of
# Punjab", "the Indian state of Punjab". The word makes a common word a region ("Plateau"), and
# settles a name regions of several countries bear: within the article's country, else by ISO
# 3166-2's type of region ("Punjab state" is India's, "Punjab province" Pakistan's).
_KINDS = "state|province|region|county|district|department|governorate|oblast|prefecture"
_KIND = re.compile(rf"\b(?:{_KINDS}|{_KINDS.title()})\b")
_NAME_BEFORE_KIND = re.compile(rf"(?<![\w'’-])(?P<name>{_NAME}) $")
_KIND_OF = re.compile(rf"(?:{_KINDS}) of (?P<name>{_NAME})")


def named_regions(
    gazetteer: Gazetteer,
    text: str,
    country: str | None,
    ambiguous: list[tuple[int, int, str, str | None]],
    mentions: list[tuple[int, int, tuple[Place, ...]]],
) -> list[tuple[int, int, tuple[Place, ...]]]:
    """The regions `gazetteer.find_places` left out that the article settles, as mentions: a
    name several countries' regions bear, the article's `country`'s ("Savanes" in an article
    about Togo), then the regions named with the word for their kind that no mention holds."""
    found: list[tuple[int, int, tuple[Place, ...]]] = []
    for start, end, key, part in ambiguous:
        settled = gazetteer.mentioned_in(key, part, country) if country is not None else None
        if settled:
            found.append((start, end, tuple(sorted(settled, key=lambda p: (p.code, p.part or "")))))
    taken = {i for start, end, _ in (*mentions, *found) for i in range(start, end)}
    found += [(s, e, (r,)) for s, e, r in cued_regions(text, country) if s not in taken]
    return found


def cued_regions(text: str, country: str | None) -> list[tuple[int, int, Place]]:
    """The regions `text` names with the word for their kind, as (start, end, region) in
    order: of the article's `country` (or the country a demonym before the word names) where
    it has one of the name, else the one region of the name of that kind."""
    found: list[tuple[int, int, Place]] = []
    for cue in _KIND.finditer(text):
        start, end = cue.span()
        kind = cue.group().lower()
        of = _KIND_OF.match(text, start) if cue.group().islower() else None
        if of is not None:
            named = country_before(text, start)
            where = named[2] if named else country
            region = _region_named(of.group("name"), where, kind)
            if region is not None:
                found.append((*of.span("name"), region))
            continue
        before = _NAME_BEFORE_KIND.search(text, max(0, start - 60), start)
        if before is None:
            continue
        words = before.group("name").split(" ")
        for first in range(len(words)):  # "In Plateau state": the longest name that is one
            region = _region_named(" ".join(words[first:]), country, kind)
            if region is not None:
                name_start = before.end("name") - len(" ".join(words[first:]))
                found.append(_with_part_before(text, name_start, end, region))
                break
    found += _regions_after_unit(text, country)
    return sorted(found + _listed_regions(text, country), key=lambda region: region[0])


# A unit's word before its name, in the languages of the countries' own names: "Departamento
# de Cauca", "Provincia de Buenos Aires", "Région du Nord", "Muhafazat Hadramaout".
_UNIT_BEFORE = re.compile(
    r"\b(?P<unit>(?i:departamento|d[ée]partement|provincia|prov[íi]ncia|province|regi[óo]n|"
    r"r[ée]gion|regi[ãa]o|estado|[ée]tat|muhafazat|muhafazah|gouvernorat))\s+"
    r"(?:(?:de la|de l['’]|del|de|du|des|d['’]|do|da)\s*)?(?P<name>" + _NAME + ")"
)


def _regions_after_unit(text: str, country: str | None) -> list[tuple[int, int, Place]]:
    """The regions named after their unit's word, of the article's `country` where it has one
    of the name, else the one of that name and kind (`grammar.place_words.UNIT_WORDS_BEFORE`)."""
    found: list[tuple[int, int, Place]] = []
    for cue in _UNIT_BEFORE.finditer(text):
        kind = UNIT_WORDS_BEFORE[fold(cue.group("unit"))]
        words = cue.group("name").split(" ")
        for last in range(len(words), 0, -1):  # "Provincia de Buenos Aires Governor": the longest
            region = _region_named(" ".join(words[:last]), country, kind)
            if region is not None:
                found.append((cue.start(), cue.start("name") + len(" ".join(words[:last])), region))
                break
    return found


# Several names before one plural region word: "Plateau and Benue states", "Kasai, Lomami and
# Sankuru provinces"; each name is a region of that kind.
_PLURAL_KINDS = {f"{k}s" if k != "county" else "counties": k for k in _KINDS.split("|")}
_PLURAL_KIND = re.compile(rf"(?<= )(?:{'|'.join(_PLURAL_KINDS)})\b", re.I)
_NAMES_BEFORE_KIND = re.compile(rf"(?<![\w'’-])(?P<names>{_NAME}(?:, {_NAME})*,? and {_NAME}) \Z")
_LISTED = re.compile(rf"{_NAME}")


def _listed_regions(text: str, country: str | None) -> list[tuple[int, int, Place]]:
    """The regions named before a plural region word, as `cued_regions` gives them."""
    found: list[tuple[int, int, Place]] = []
    for cue in _PLURAL_KIND.finditer(text):
        listed = _NAMES_BEFORE_KIND.search(text, max(0, cue.start() - 120), cue.start())
        if listed is None:
            continue
        kind = _PLURAL_KINDS[cue.group().lower()]
        for name in _LISTED.finditer(text, listed.start("names"), listed.end("names")):
            words = name.group().split(" ")
            for first in range(len(words)):  # "In Plateau and Benue states": "Plateau"
                region = _region_named(" ".join(words[first:]), country, kind)
                if region is not None:
                    start = name.end() - len(" ".join(words[first:]))
                    found.append(_with_part_before(text, start, name.end(), region))
                    break
    return found


_WORD_BEFORE = re.compile(r"(?<![\w-])([a-z][\w-]*) $")


def _with_part_before(text: str, start: int, end: int, region: Place) -> tuple[int, int, Place]:
    """The region with the part word just before its name ("northern Plateau state")."""
    word = _WORD_BEFORE.search(text, max(0, start - 20), start)
    part = PART_FORMS.get(word.group(1)) if word else None
    if word is None or part is None:
        return start, end, region
    return word.start(1), end, Place(region.code, region.name, part)


@functools.lru_cache(maxsize=4096)
def _region_named(name: str, country: str | None, kind: str) -> Place | None:
    regions = [
        only
        for entry in lookup(fold(name), towns=False)
        if len(entry) == 1
        for only in entry
        if not only.is_country and only.part is None and town_parent(only.code) is None
    ]
    if country is not None and any(r.country == country for r in regions):
        regions = [r for r in regions if r.country == country]
    if len(regions) > 1:
        types = gazetteer_data().subdivisions
        regions = [r for r in regions if r.code in types and types[r.code].type.lower() == kind]
    return regions[0] if len(regions) == 1 else None


# "near Mocimboa da Praia", "in Kidal": a town named without a cue, after a preposition; not
# where a figure was given ("said in Geneva") nor a place of a larger kind ("X district").
_AT = re.compile(rf"\b(?:in|near|outside|around) (?P<name>{_NAME})")
_NOT_TOWN_AFTER = re.compile(rf"['’]s\b|,? (?:the )?(?:{_KINDS}|municipality|division)\b", re.I)
_SAID = re.compile(
    r"\b(?:said|says|told \w+|speaking|conference|briefing|statement|interview|meeting|talks|"
    r"summit|based|headquartered|published|released|announced)\W*$"
)


def uncued_towns(
    text: str, countries: Iterable[str], taken: Iterable[tuple[int, int]]
) -> list[tuple[int, int, Place]]:
    """Towns named after "in", "near", "outside", "around" with no settlement word, as (start,
    end, town): where one of the article's `countries` (the ones it names, its dateline's
    included) has one town of the whole name, and no span of `taken` (its other places and
    its dateline) holds it."""
    where = sorted(countries)
    covered = covering(taken)
    found: list[tuple[int, int, Place]] = []
    for match in _AT.finditer(text):
        start, end = match.span("name")
        if covered(start) or _NOT_TOWN_AFTER.match(text, end):
            continue
        if _SAID.search(text, max(0, match.start() - 40), match.start()):
            continue
        name = match.group("name")
        towns = {t for c in where if (t := _town(name, c, False, from_start=True)) is not None}
        if len(towns) == 1:
            town, name = next(iter(towns))
            found.append((start, start + len(name), town))
    return found


_MORE_WORDS = re.compile(r"(?: [A-Z][\w'’-]*){1,3}")


def begins_a_town(text: str, start: int, end: int) -> bool:
    """Whether the place name at `start:end` is only the first words of a longer name the
    gazetteer knows as a town: "Dera" (Syria's Daraa) in "Dera Ismail Khan"."""
    more = _MORE_WORDS.match(text, end)
    words = more.group().split() if more else []
    if not words:
        return False
    own = lookup(fold(text[start:end]))  # "Sidama Regional State" is Sidama itself
    longer = (
        lookup(fold(" ".join([text[start:end], *words[:n]]))) for n in range(len(words), 0, -1)
    )
    return any(entries and entries != own for entries in longer)


# After a country's name, a possessive of who speaks or acts for it: "France's foreign
# minister", "Rwanda's defence ministry", "Kenya's army", "the United States envoy"; or an
# adjective ("U.S.-led", "Turkish-Syrian").
_SPEAKER = re.compile(
    r"(?:['’]s)? (?:[a-z-]+ ){0,2}(?:government|ministry|minister|army|military|forces|troops|"
    r"president|presidency|embassy|envoy|ambassador|officials?|spokes(?:man|woman|person)|"
    r"police|navy|air force|authorities|leader|cabinet)\b|-\w"
)
# The country itself as the one who speaks, denies or backs: "Rwanda has consistently denied",
# "Turkey was supporting the group", "Chad said" (not after a preposition: "the mission in
# Ukraine said" is the mission's).
_ACTS = re.compile(
    r" (?:(?:has|have|had|was|were|is|also|consistently|repeatedly|again|strongly|long) ){0,2}"
    r"(?:said|says|denied|denies|deny|accused|accuses|supported|supporting|supports|backed|backs|"
    r"backing|rejected|rejects|blamed|blames|condemned|condemns|warned|warns)\b"
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|of|from|to|into|across|throughout|inside|within|at|near|for|on|against|with|by)"
    r"\s+(?:the\s+)?\Z",
    re.I,
)


def speakers_country(text: str, start: int, end: int) -> bool:
    """Whether the country named at `start:end` is a speaker's or actor's possessive, an
    adjective, or the subject of a verb of saying, denying or backing."""
    if _SPEAKER.match(text, end) is not None:
        return True
    return bool(_ACTS.match(text, end)) and not _PREPOSITION_BEFORE.search(
        text, max(0, start - 16), start
    )


# A place named as a reference point, not as where anything happened: "near the border with
# Niger", "fled from Sudan", "headed towards Chad"; or as where a speaker spoke: "Speaking in
# Washington, the envoy said", "told reporters in Geneva", "In Paris, the minister said".
_POINTED_FROM = re.compile(r"\b(?:borders?\s+(?:with|of)|from|towards?)\s+(?:the\s+)?\Z", re.I)
_SPOKE_IN = re.compile(
    r"\b(?:said|says|told \w+|speaking|spoke|briefing|conference|interview)\s+(?:in|at|from)\s+"
    r"(?:the\s+)?\Z",
    re.I,
)
_OPENING_IN = re.compile(r"(?:\A|[.!?]\s+|\n|\s-\s)[\"\u201c]?In\s+(?:the\s+)?\Z")
_SPEAKER_SAID = re.compile(r",\s+(?:[\w'\u2019.-]+\s+){1,6}?(?:said|says|told)\b")


def reference_place(text: str, start: int, end: int) -> bool:
    """Whether the place named at `start:end` is a reference point or where a speaker spoke."""
    return bool(_POINTED_FROM.search(text, max(0, start - 24), start)) or spoke_in(text, start, end)


def spoke_in(text: str, start: int, end: int) -> bool:
    """Whether the place named at `start:end` is where a speaker spoke, not the deaths' place."""
    before = text[max(0, start - 40) : start]
    if _SPOKE_IN.search(before):
        return True
    return bool(_OPENING_IN.search(before)) and _SPEAKER_SAID.match(text, end) is not None


_DATELINE_CITY = re.compile(r"[A-Z][\w'.]*(?:[ -][A-Z][\w'.]*)*")


def dateline_country(dateline: str) -> str | None:
    """The country of the city a dateline opens with ("MANILA (Newswire) -": PH) when the
    places the gazetteer knows by that name are all of one country, or when it is one of
    their countries' capital ("SAN SALVADOR": El Salvador's, not the Bahamas' district), else
    None."""
    city = _DATELINE_CITY.match(dateline)
    key = fold(city.group()) if city else ""
    countries = {p.country for entry in (lookup(key) if key else ()) for p in entry}
    if len(countries) > 1 and _capitals().get(key) in countries:
        return _capitals()[key]
    return next(iter(countries)) if len(countries) == 1 else None


@functools.cache
def _capitals() -> dict[str, str]:
    """Folded national capitals' names to their country, where one country has that capital
    (`data/capitals.tsv`, GeoNames' country info)."""
    rows = [line.split("\t") for line in (DATA / "capitals.tsv").read_text("utf-8").splitlines()]
    countries: dict[str, set[str]] = {}
    for code, capital in rows[1:]:
        countries.setdefault(fold(capital), set()).add(code)
    return {key: codes.pop() for key, codes in countries.items() if len(codes) == 1}


@functools.lru_cache(maxsize=4096)
def loadable_label(place: Place) -> str:
    """The place's label in a form that `sources.yaml` resolves back to it: "Savanes, Togo"
    where "Savanes" alone names Togo's and Ivory Coast's regions."""
    label = place.label()
    for written in (label, f"{label}, {display_name(place.country)}"):
        try:
            resolved = _gazetteer().resolve(written)
        except GrammarError:
            continue
        if [(p.code, p.part) for p in resolved] == [(place.code, place.part)]:
            return written
    return label


def _is_place(written: str) -> bool:
    try:
        return bool(_gazetteer().resolve(written))
    except GrammarError:
        return False


@functools.cache
def _gazetteer() -> Gazetteer:
    return Gazetteer()
