"""Places: the gazetteer that turns what users and articles write into `Place`s, and the relation
between two areas.

Grammar of a place (README, "Input format", Places):

| form                         | example                        | resolves to                  |
|------------------------------|--------------------------------|------------------------------|
| key of `areas`               | `northwest Syria`              | its places, recursively      |
| country                      | `Syria`, `Türkiye`, `DR Congo` | Place("SY", "Syria")         |
| first-level subdivision      | `Idlib`, `Idleb`, `Ḩamāh`      | Place("SY-ID", "Idlib")      |
| ISO 3166 code                | `SY`, `SY-ID`                  | that country or subdivision  |
| qualified name               | `Punjab, Pakistan`             | the one in that country      |
| built-in region              | `Gaza Strip`, `West Bank`      | its governorates             |
| town (5,000 or 15,000 people) | `Mariupol`, `Khan Sheikhoun`  | Place("UA-14-g701822", ...)  |
| `X city`                     | `Aleppo city`, `Gaza City`     | the town X                   |
| part modifier + any of those | `southern Idlib`, `rural Hama` | Place("SY-ID", ..., part)    |
| `X countryside`              | `Idlib countryside`            | rural X                      |

Part modifiers: northern, southern, eastern, western, north-western (or `northwest`,
`north-west`),
north-eastern, south-western, south-eastern, central, rural.

Matching ignores case, diacritics, apostrophes, hyphens, spacing, a leading article (`Al`, `Ar`,
`As`, `Ad`, `the`...) and a trailing `province`, `governorate`, `state`, `region`, `division`,
`oblast`. A curated alias table (common English spellings) wins over ISO names; among ISO names a
country wins over a subdivision of the same name. A town is looked up only when no country,
subdivision or alias bears the name (`Donetsk` is the oblast, `Donetsk city` the town); a
name that a large town elsewhere also bears (`Tripoli`) needs its country (`Tripoli, Lebanon`),
and so does a town name several towns share unless one is ten times the size of the next.

The words live in `place_words`, the ISO data and the name index in `gazetteer` (both
re-exported here); this module parses place names (`Gazetteer`) and relates areas.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from casualty_recon.grammar.gazetteer import (
    CODE,
    COUNTRYSIDE_SUFFIX,
    DATA,
    PART_PREFIX,
    TOWN_CODE,
    Country,
    Entry,
    GazetteerData,
    NameKeys,
    NameMatcher,
    Subdivision,
    _alias_codes,
    _variants,
    builtin_matcher,
    display_name,
    fold,
    fold_with_origin,
    gazetteer_data,
    is_known,
    lookup,
    mention_regex,
    part_name_keys,
    place,
    place_index,
    town_entries,
    town_parent,
)
from casualty_recon.grammar.place_words import (
    ALIASES,
    ARTICLES,
    COUNTRYSIDE,
    LOWER_UNIT_WORDS,
    PART_AXES,
    PART_FORMS,
    PARTS,
    REGIONS,
    SUFFIXES,
    UNIT_LINKERS,
    UNIT_WORDS_BEFORE,
)
from casualty_recon.model.claims import Place, Relation
from casualty_recon.model.errors import (
    AREA_CYCLE,
    AREA_EMPTY,
    AREA_NOT_A_NAME,
    PLACE_AMBIGUOUS,
    PLACE_EMPTY,
    PLACE_NOT_A_COUNTRY,
    PLACE_NOT_TEXT,
    PLACE_TWO_PARTS,
    PLACE_UNKNOWN,
    PLACE_UNKNOWN_CLOSE,
    PLACE_UNKNOWN_IN_COUNTRY,
    GrammarError,
)

if TYPE_CHECKING:
    from casualty_recon.grammar.close_names import CloseNames

__all__ = [
    "ALIASES",
    "ARTICLES",
    "COUNTRYSIDE",
    "DATA",
    "PARTS",
    "PART_FORMS",
    "REGIONS",
    "SUFFIXES",
    "Country",
    "Gazetteer",
    "GazetteerData",
    "Subdivision",
    "area_relation",
    "display_name",
    "fold",
    "gazetteer_data",
    "is_known",
    "lone_towns",
    "mirror",
    "name_table_rows",
    "part_name_keys",
    "part_relation",
    "place",
    "place_relation",
    "town_parent",
]

# --- the gazetteer ---------------------------------------------------------------------------


class Gazetteer:
    """Resolves place names (and the user's named `areas`) to sets of `Place`s."""

    def __init__(
        self,
        areas: Mapping[str, Sequence[str]] | None = None,
        *,
        prefer_countries: Iterable[str] = (),
    ) -> None:
        self.areas: dict[str, tuple[str, ...]] = {}
        self._area_keys: dict[str, str] = {}
        for key, value in (areas or {}).items():
            values = (value,) if isinstance(value, str) else tuple(value)
            self.areas[key] = values
            self._area_keys[fold(key)] = key
        self.prefer_countries = frozenset(prefer_countries)
        self._expanded: dict[str, frozenset[Place]] = {}
        self._resolved: dict[str, frozenset[Place]] = {}
        self._area_regex: re.Pattern[str] | None = None
        self._close_names: CloseNames | None = None

    # public API --------------------------------------------------------------------------------

    def resolve(self, text: str) -> frozenset[Place]:
        """The places `text` names. Raises GrammarError `unknown-place`, `ambiguous-place` or
        `bad-area` (a cycle or bad entry in `areas`)."""
        if not isinstance(text, str):
            raise GrammarError.of(PLACE_NOT_TEXT, value=text)
        found = self._resolved.get(text)
        if found is None:
            found = self._resolved[text] = self._resolve(text, None, ())
        return found

    def find_places(
        self,
        text: str,
        ambiguous: list[tuple[int, int, str, str | None]] | None = None,
    ) -> list[tuple[int, int, frozenset[Place]]]:
        """Every place mention in free text as (start, end, places), in order of appearance.

        Longest match wins; a part modifier before the name (`southern Idlib`) and a suffix
        after it (`Idlib province`) are part of the span; `Punjab, Pakistan` is one mention.
        Ambiguous names that the text does not settle are left out: with `ambiguous`, their
        (start, end, key, part) go there, for `mentioned_in` to settle by a country.
        """
        folded, origin = fold_with_origin(text)
        found: list[tuple[int, int, str | None, str, bool]] = []  # fstart, fend, part, key, area
        regexes: list[tuple[re.Pattern[str] | NameMatcher, bool]] = [(builtin_matcher(), False)]
        area_regex = self._user_area_regex()
        if area_regex is not None:
            regexes.insert(0, (area_regex, True))
        for regex, is_area in regexes:
            pos = 0
            while match := regex.search(folded, pos):
                name_start = origin[match.start("name")]
                if not (text[name_start].isupper() or text[name_start].isdigit() or is_area):
                    # Place names are capitalised in prose; a shorter name may start later.
                    pos = match.start("name") + 1
                    continue
                pos = match.end()
                part = match.group("part")
                suffix = match.group("suffix")
                canonical = PART_FORMS[part] if part else None
                if suffix == COUNTRYSIDE and canonical is None:
                    canonical = "rural"
                found.append((match.start(), match.end(), canonical, match.group("name"), is_area))
        # Longest first, then earliest; drop anything overlapping a kept mention.
        found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
        kept: list[tuple[int, int, str | None, str, bool]] = []
        taken = bytearray(len(folded))  # 1 where a kept mention is: linear, not kept x found
        for mention in found:
            if 1 not in taken[mention[0] : mention[1]]:
                kept.append(mention)
                taken[mention[0] : mention[1]] = b"\x01" * (mention[1] - mention[0])
        kept.sort()
        results: list[tuple[int, int, frozenset[Place]]] = []
        resolved: dict[tuple[bool, str, str | None, str | None], frozenset[Place] | None] = {}
        i = 0
        while i < len(kept):
            fstart, fend, part, key, is_area = kept[i]
            country: str | None = None
            # `Punjab, Pakistan`: a country right after a comma qualifies the name.
            if i + 1 < len(kept) and folded[fend : kept[i + 1][0]] in (",", ", "):
                nxt = kept[i + 1]
                entries = (
                    lookup(nxt[3], towns=False) if not nxt[4] and nxt[2] is None else frozenset()
                )
                countries = [e for e in entries if len(e) == 1 and next(iter(e)).is_country]
                if len(countries) == 1:
                    code = next(iter(countries[0])).code
                    candidates = lookup(key, towns=False) if not is_area else frozenset()
                    if any(all(p.country == code for p in e) for e in candidates):
                        country = code
                        fend = nxt[1]
                        i += 1
            i += 1
            # A name met again is resolved once: one set of places for all its mentions.
            how = (is_area, key, country, part)
            if how not in resolved:
                resolved[how] = self._mentioned(is_area, key, country, part)
            places_or_none = resolved[how]
            start = origin[fstart]
            end = origin[fend - 1] + 1
            while end < len(text) and unicodedata.combining(text[end]):
                end += 1
            if places_or_none is None:
                if ambiguous is not None and not is_area and country is None:
                    ambiguous.append((start, end, key, part))
                continue
            results.append((start, end, places_or_none))
        return results

    def mentioned_in(self, key: str, part: str | None, country: str) -> frozenset[Place] | None:
        """The places of a name `find_places` left as ambiguous, among those of `country`;
        None if the country holds none or several of them."""
        return self._mentioned(False, key, country, part)

    def _mentioned(
        self, is_area: bool, key: str, country: str | None, part: str | None
    ) -> frozenset[Place] | None:
        """The places of a mention found in free text; None for a name that does not resolve."""
        try:
            if is_area:
                places = self._expand_area(self._area_keys[key], ())
            else:
                places = self._pick(key, lookup(key, towns=False), country)
            if part is not None:
                named = _named_part(part, key, places)
                places = named if named is not None else _with_part(places, part, key)
        except GrammarError:
            return None
        return places

    # resolution --------------------------------------------------------------------------------

    def _resolve(self, text: str, country: str | None, stack: tuple[str, ...]) -> frozenset[Place]:
        written = " ".join(text.split())
        if not written:
            raise GrammarError.of(PLACE_EMPTY)
        key = fold(written)
        if country is None and key in self._area_keys:
            return self._expand_area(self._area_keys[key], stack)
        if CODE.fullmatch(written) or ("-" in written and CODE.fullmatch(written.upper())):
            code = written.upper()
            if is_known(code):
                if country is not None and place(code).country != country:
                    raise self._unknown(written, country)
                return frozenset({place(code)})
        candidates = lookup(key)
        if country is not None and not any(
            all(p.country == country for p in entry) for entry in candidates
        ):
            # `Tripoli, Lebanon`, `Mariupol, Ukraine`: the towns of that name in the country.
            candidates = town_entries(key, country) or candidates
        if candidates:
            return self._pick(written, candidates, country)
        if country is None and "," in written:
            left, _, right = written.rpartition(",")
            qualifier = self._resolve(right, None, stack)
            if len(qualifier) == 1:
                (only,) = qualifier
                if only.is_country and only.part is None:
                    return self._resolve(left, only.code, stack)
            raise GrammarError.of(PLACE_NOT_A_COUNTRY, country=right.strip(), text=written)
        unit = _unit_before(written)
        if unit is not None:  # "Departamento de Cauca", "Région du Nord"
            units = _units_named(*unit, country)
            if units is None:
                raise self._unknown(written, country)
            return self._pick(written, units, country)
        match = PART_PREFIX.fullmatch(written)
        if match:
            part = PART_FORMS[fold(match.group("part"))]
            try:
                inner = self._resolve(match.group("rest"), country, stack)
            except GrammarError as error:
                # `northwest Syrai` is more likely a misspelt area than a part of `Syrai`.
                if error.code == "unknown-place" and country is None:
                    whole, rest = self._suggest(written), self._suggest(match.group("rest"))
                    if whole and (rest is None or whole[0] > rest[0]):
                        raise self._unknown(written, None) from None
                raise
            named = _named_part(part, fold(match.group("rest")), inner)
            return named if named is not None else _with_part(inner, part, written)
        match = COUNTRYSIDE_SUFFIX.fullmatch(written)
        if match:
            return _with_part(self._resolve(match.group("rest"), country, stack), "rural", written)
        raise self._unknown(written, country)

    def _pick(self, written: str, candidates: frozenset[Entry], country: str | None) -> Entry:
        """One entry among the candidates for a name, or an `ambiguous-place` error."""
        pool = sorted(candidates, key=sorted)
        if country is not None:
            pool = [e for e in pool if all(p.country == country for p in e)]
            if not pool:
                raise self._unknown(written, country)
        if len(pool) == 1:
            return pool[0]
        countries = [e for e in pool if len(e) == 1 and next(iter(e)).is_country]
        if len(countries) == 1:
            return countries[0]
        if self.prefer_countries:
            preferred = [e for e in pool if all(p.country in self.prefer_countries for p in e)]
            if len(preferred) == 1:
                return preferred[0]
        forms = "; ".join(_qualified(entry) for entry in pool)
        raise GrammarError.of(PLACE_AMBIGUOUS, text=written, forms=forms)

    def _expand_area(self, key: str, stack: tuple[str, ...]) -> frozenset[Place]:
        if key in self._expanded:
            return self._expanded[key]
        if key in stack:
            chain = " -> ".join((*stack[stack.index(key) :], key))
            raise GrammarError.of(AREA_CYCLE, key=key, chain=chain)
        places: set[Place] = set()
        for value in self.areas[key]:
            if not isinstance(value, str):
                raise GrammarError.of(AREA_NOT_A_NAME, key=key, value=value)
            places |= self._resolve(value, None, (*stack, key))
        if not places:
            raise GrammarError.of(AREA_EMPTY, key=key)
        result = frozenset(places)
        self._expanded[key] = result
        return result

    def _unknown(self, written: str, country: str | None) -> GrammarError:
        if country is not None:
            country_name = display_name(country)
            return GrammarError.of(
                PLACE_UNKNOWN_IN_COUNTRY, text=written, country_name=country_name, country=country
            )
        close = self._suggest(written)
        if close:
            return GrammarError.of(PLACE_UNKNOWN_CLOSE, text=written, close=close[1])
        return GrammarError.of(PLACE_UNKNOWN, text=written)

    def closest_name(self, written: str) -> str | None:
        """The known place name closest to `written`, if close enough for "did you mean"."""
        close = self._suggest(written)
        return close[1] if close else None

    def _suggest(self, written: str) -> tuple[float, str] | None:
        """The closest known spelling to `written` and how close it is, if close enough. A name
        ending in a unit's word (`Kandahar district`, `Yatenga province`) is matched without
        it: the place the rest names, else the spelling closest to the rest (never one that is
        close only for sharing the word: `Eastern Province` for `Yatenga province`)."""
        if self._close_names is None:  # built on the first error, then shared by the others
            from casualty_recon.grammar.close_names import CloseNames

            spellings = dict(place_index().spellings)
            for key, area in self._area_keys.items():
                spellings[key] = area
            self._close_names = CloseNames(spellings)
        rest, _, unit = " ".join(written.split()).rpartition(" ")
        if rest and fold(unit) in (*SUFFIXES, *LOWER_UNIT_WORDS):
            try:
                self._resolve(rest, None, ())
            except GrammarError:
                return self._close_names.closest(fold(rest), 0.75)
            return 1.0, rest
        return self._close_names.closest(fold(written), 0.75)

    def _user_area_regex(self) -> re.Pattern[str] | None:
        if not self._area_keys:
            return None
        if self._area_regex is None:
            self._area_regex = mention_regex(self._area_keys)
        return self._area_regex


_UNIT_BEFORE = re.compile(
    rf"(?P<unit>{'|'.join(UNIT_WORDS_BEFORE)}) (?:(?:{'|'.join(UNIT_LINKERS)}) )?(?P<rest>\S.*)"
)
_ELIDED = re.compile(r"\b([dl])['’]\s*", re.I)


def _unit_before(written: str) -> tuple[str, str] | None:
    """(folded name, kind) of a name written after its unit's word ("Departamento de Cauca":
    `cauca`, department; "Région d'Agadez": `agadez`, region), else None."""
    match = _UNIT_BEFORE.fullmatch(fold(_ELIDED.sub(r"\1 ", written)))
    return (match.group("rest"), UNIT_WORDS_BEFORE[match.group("unit")]) if match else None


def _units_named(key: str, kind: str, country: str | None) -> frozenset[Entry] | None:
    """The first-level units a folded name names, in `country` if given; where several bear it,
    those of the `kind` (ISO's type: "Département du Nord" is Haiti's department, not a region
    of Burkina Faso or Cameroon); None where none does."""
    units = [
        entry
        for entry in lookup(key, towns=False)
        if len(entry) == 1
        and all(not p.is_country and town_parent(p.code) is None for p in entry)
        and (country is None or all(p.country == country for p in entry))
    ]
    if len(units) > 1:
        types = gazetteer_data().subdivisions
        typed = [e for e in units if all(fold(types[p.code].type) == kind for p in e)]
        units = typed or units
    return frozenset(units) or None


def name_table_rows(
    data: GazetteerData,
    other_names: Iterable[tuple[str, str]] = (),
    admin1_names: Iterable[tuple[str, str]] = (),
) -> list[tuple[str, str, str, str]]:
    """(tier, folded key, codes, spelling) rows of the name index: tier `raw` for names as
    folded, `stripped` for them without article or suffix. `gazetteer_build` writes them to
    data/names.tsv so that a run never folds 4,000 names to find one.

    Besides the ISO names, (name, code) pairs: `other_names`, ISO's names in another language,
    join the index as ISO's own do (a name two places bear needs its country); `admin1_names`,
    GeoNames' names of the units ("East Kasai", "Muhafazat Hadramaout", also without its unit's
    word: "Hadramaout"), only where no alias or ISO name has the key, so they never take a name
    from another place nor make one ambiguous."""
    keys = NameKeys()
    register, raw, stripped, spellings = keys.register, keys.raw, keys.stripped, keys.spellings

    for country in data.countries.values():
        for name in (country.name, country.common_name, country.official_name):
            if name:
                register(name, country.code)
    for sub in data.subdivisions.values():
        register(sub.name, sub.code)
    for name, code in other_names:
        register(name, code)
    aliases = _alias_codes()
    known = frozenset([*raw, *stripped, *aliases[0], *aliases[1]])
    for name, code in admin1_names:
        unit = _unit_before(name)
        forms = [*_variants(fold(name)), *([unit[0]] if unit else [])]
        if known.intersection(forms):
            continue  # "Borno State", "Sidama Region": the ISO name, read already
        register(name, code)
        if unit is not None:
            stripped.setdefault(unit[0], set()).add(code)
    rows = [("raw", key, ",".join(sorted(codes)), spellings[key]) for key, codes in raw.items()]
    rows += [("stripped", key, ",".join(sorted(codes)), "") for key, codes in stripped.items()]
    return sorted(rows)


# A canonical part -> the words a place named after that part begins with (`North Gaza`).
_NAMED_PART_WORDS: dict[str, tuple[str, ...]] = {
    "northern": ("north", "northern"),
    "southern": ("south", "southern"),
    "eastern": ("east", "eastern"),
    "western": ("west", "western"),
    "central": ("central",),
    "north-eastern": ("north east", "northeast", "north eastern"),
    "north-western": ("north west", "northwest", "north western"),
    "south-eastern": ("south east", "southeast", "south eastern"),
    "south-western": ("south west", "southwest", "south western"),
}


def _named_part(part: str, rest: str, inner: frozenset[Place]) -> frozenset[Place] | None:
    """The place a part names when one of that name lies within the region (`northern Gaza`
    is the North Gaza governorate, `southern Darfur` South Darfur; `southern Sudan` is not South
    Sudan, which lies outside Sudan); None when there is none."""
    if any(p.part is not None for p in inner):
        return None
    for word in _NAMED_PART_WORDS.get(part, ()):
        entries = lookup(f"{word} {rest}", towns=False)
        if len(entries) == 1:
            (entry,) = entries
            if area_relation(entry, inner) in ("narrower", "same"):
                return entry
    return None


def _with_part(places: frozenset[Place], part: str, written: str) -> frozenset[Place]:
    if any(p.part is not None for p in places):
        raise GrammarError.of(PLACE_TWO_PARTS, text=written, parts=", ".join(PARTS))
    return frozenset(Place(p.code, p.name, part) for p in places)


def _qualified(entry: Entry) -> str:
    if len(entry) == 1:
        (only,) = entry
        parent = town_parent(only.code)
        if parent is not None:
            where = display_name(parent) if "-" in parent else "town"
            return f"{only.name}, {display_name(only.country)} ({where})"
        if only.is_country or not is_known(only.code):
            return f"{only.name} ({only.code})"
        return f"{only.name}, {display_name(only.country)} ({only.code})"
    return ", ".join(sorted(p.code for p in entry))


# --- relations -------------------------------------------------------------------------------

_MIRROR: dict[str, Relation] = {
    "same": "same",
    "narrower": "wider",
    "wider": "narrower",
    "overlapping": "overlapping",
    "disjoint": "disjoint",
    "unknown": "unknown",
}


def mirror(relation: Relation) -> Relation:
    """The relation of b to a, given that of a to b."""
    return _MIRROR[relation]


def part_relation(a: str, b: str) -> Relation:
    """Relation of two parts of the same place."""
    if a == b:
        return "same"
    axes_a, axes_b = PART_AXES.get(a, {}), PART_AXES.get(b, {})
    for axis, side in axes_a.items():
        if axis in axes_b and axes_b[axis] != side:
            return "disjoint"
    return "overlapping"


def place_relation(a: Place, b: Place) -> Relation:
    """Relation of place a to place b."""
    if a.code == b.code:
        if a.part == b.part:
            return "same"
        if a.part is None:
            return "wider"
        if b.part is None:
            return "narrower"
        return part_relation(a.part, b.part)
    if "-g" in a.code or "-g" in b.code:
        return _town_relation(a, b)
    # Gazetteer places carry ISO codes; anything else compares by identity only. (The shape
    # is checked, not the table: relations are computed for every pair of every report.)
    if not (CODE.fullmatch(a.code) and CODE.fullmatch(b.code)):
        return "unknown"
    if a.country != b.country:
        return "disjoint"
    if a.is_country and not b.is_country:
        return "wider" if a.part is None else "unknown"
    if b.is_country and not a.is_country:
        return "narrower" if b.part is None else "unknown"
    # Two different first-level subdivisions of one country do not overlap.
    return "disjoint"


def _containers(code: str) -> tuple[str, ...]:
    """The codes of the places that contain a gazetteer place: a town's subdivision (when
    known) and country, a subdivision's country."""
    parent = town_parent(code)
    if parent is None:
        return (code.split("-", 1)[0],) if "-" in code else ()
    return (parent, parent.split("-", 1)[0]) if "-" in parent else (parent,)


def _town_relation(a: Place, b: Place) -> Relation:
    """Relation of two places of which one at least is a town (codes differ): by containment."""
    for each in (a, b):
        if not (TOWN_CODE.fullmatch(each.code) or CODE.fullmatch(each.code)):
            return "unknown"
    if a.country != b.country:
        return "disjoint"
    if b.code in _containers(a.code):
        # Mariupol lies in Donetsk; where in it is not known, so not which part of it.
        return "narrower" if b.part is None else "unknown"
    if a.code in _containers(b.code):
        return "wider" if a.part is None else "unknown"
    # Two towns, or a town and a subdivision it is not in: apart, unless where the town lies
    # is known only to the country.
    a_parent, b_parent = town_parent(a.code) or a.code, town_parent(b.code) or b.code
    if "-" not in a_parent or "-" not in b_parent:
        return "disjoint" if a_parent != a.code and b_parent != b.code else "unknown"
    return "disjoint"


@functools.lru_cache(maxsize=65536)
def area_relation(a: frozenset[Place], b: frozenset[Place]) -> Relation:
    """Relation of area a to area b (a set of places each): a covers b when every place of b
    lies within some place of a."""
    if not a or not b:
        return "unknown"
    pairs = {(p, q): place_relation(p, q) for p in a for q in b}
    a_covers_b = all(any(pairs[p, q] in ("same", "wider") for p in a) for q in b)
    b_covers_a = all(any(pairs[p, q] in ("same", "narrower") for q in b) for p in a)
    if a_covers_b and b_covers_a:
        return "same"
    if a_covers_b:
        return "wider"
    if b_covers_a:
        return "narrower"
    relations = set(pairs.values())
    if relations - {"disjoint", "unknown"}:
        return "overlapping"
    if "unknown" in relations:
        return "unknown"
    return "disjoint"


def lone_towns(items: Sequence[frozenset[Place]]) -> list[tuple[int, str, tuple[str, ...]]]:
    """The towns of an area list lying in a country none of the list's other places is in:
    (index of the item, the town's country, the countries of the other places, sorted). In
    `[Mocímboa da Praia, Palma]` Palma is Spain's (Mozambique's is not in the towns file): a
    name a town of another country also bears, which the list's other places do not settle."""
    # Every place's code begins with its country's (`areas` keys resolve to places too); not
    # reading the countries' table keeps it off the start-up of a file without such a list.
    countries = [{p.country for p in places} for places in items]
    out: list[tuple[int, str, tuple[str, ...]]] = []
    for index, places in enumerate(items):
        others = set().union(*(c for i, c in enumerate(countries) if i != index))
        own = countries[index]
        towns = all(town_parent(p.code) is not None for p in places)
        if places and towns and len(own) == 1 and others and not own & others:
            out.append((index, next(iter(own)), tuple(sorted(others))))
    return out
