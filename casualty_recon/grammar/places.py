"""Places: the gazetteer that turns what users and articles write into `Place`s, and the relation
between two areas.

Grammar of a place (SOURCES_FORMAT.md, `area`):

| form                         | example                        | resolves to                  |
|------------------------------|--------------------------------|------------------------------|
| key of `areas`               | `northwest Syria`              | its places, recursively      |
| country                      | `Syria`, `Türkiye`, `DR Congo` | Place("SY", "Syria")         |
| first-level subdivision      | `Idlib`, `Idleb`, `Ḩamāh`      | Place("SY-ID", "Idlib")      |
| ISO 3166 code                | `SY`, `SY-ID`                  | that country or subdivision  |
| qualified name               | `Punjab, Pakistan`             | the one in that country      |
| built-in region              | `Gaza Strip`, `West Bank`      | its governorates             |
| part modifier + any of those | `southern Idlib`, `rural Hama` | Place("SY-ID", ..., part)    |
| `X countryside`              | `Idlib countryside`            | rural X                      |

Part modifiers: northern, southern, eastern, western, north-western (or `northwest`,
`north-west`),
north-eastern, south-western, south-eastern, central, rural.

Matching ignores case, diacritics, apostrophes, hyphens, spacing, a leading article (`Al`, `Ar`,
`As`, `Ad`, `the`...) and a trailing `province`, `governorate`, `state`, `region`, `division`,
`oblast`. A curated alias table (common English spellings) wins over ISO names; among ISO names a
country wins over a subdivision of the same name.

The ISO data is read from `data/countries.tsv` and `data/subdivisions.tsv` (written by
`gazetteer_build` from pycountry, which is never imported at run time).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

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

DATA = Path(__file__).resolve().parent.parent / "data"

# --- vocabulary ------------------------------------------------------------------------------

# Part modifiers as written (folded: lower case, hyphens as spaces) -> canonical part.
PART_FORMS: dict[str, str] = {
    "northern": "northern",
    "north": "northern",
    "southern": "southern",
    "south": "southern",
    "eastern": "eastern",
    "east": "eastern",
    "western": "western",
    "west": "western",
    "central": "central",
    "centre": "central",
    "center": "central",
    "rural": "rural",
}
for _ns in ("north", "south"):
    for _ew in ("east", "west"):
        _canonical = f"{_ns}-{_ew}ern"
        for _form in (f"{_ns} {_ew}ern", f"{_ns}{_ew}ern", f"{_ns} {_ew}", f"{_ns}{_ew}"):
            PART_FORMS[_form] = _canonical
PARTS: tuple[str, ...] = tuple(sorted(set(PART_FORMS.values())))

# Which compass half each part lies in; parts on opposite halves of one axis are disjoint.
_PART_AXES: dict[str, dict[str, str]] = {
    "northern": {"ns": "n"},
    "southern": {"ns": "s"},
    "eastern": {"ew": "e"},
    "western": {"ew": "w"},
    "north-eastern": {"ns": "n", "ew": "e"},
    "north-western": {"ns": "n", "ew": "w"},
    "south-eastern": {"ns": "s", "ew": "e"},
    "south-western": {"ns": "s", "ew": "w"},
}

# Leading articles dropped when matching (`Al Ḩasakah` = `Hasakah`).
ARTICLES: tuple[str, ...] = ("al", "ar", "as", "ad", "an", "ash", "az", "at", "adh", "the")
# Trailing words dropped when matching (`Idlib governorate` = `Idlib`).
SUFFIXES: tuple[str, ...] = (
    "province",
    "provinces",
    "governorate",
    "governorates",
    "state",
    "states",
    "region",
    "regions",
    "division",
    "divisions",
    "oblast",
    "oblasts",
)
COUNTRYSIDE = "countryside"

# Common English spellings: code -> names, the first being the name we display.
ALIASES: dict[str, tuple[str, ...]] = {
    # countries whose ISO name is not the one people write
    "SY": ("Syria", "Syrian Arab Republic"),
    "RU": ("Russia", "Russian Federation"),
    "IR": ("Iran", "Islamic Republic of Iran"),
    "TR": ("Turkey", "Türkiye", "Turkiye"),
    "PS": ("Palestine", "State of Palestine", "occupied Palestinian territory", "oPt"),
    "IQ": ("Iraq",),
    "YE": ("Yemen",),
    "LY": ("Libya",),
    "UA": ("Ukraine",),
    "MM": ("Myanmar", "Burma"),
    "CD": (
        "DR Congo",
        "DRC",
        "Democratic Republic of the Congo",
        "Democratic Republic of Congo",
        "Congo-Kinshasa",
    ),
    "CG": ("Congo", "Republic of the Congo", "Congo-Brazzaville"),
    "SS": ("South Sudan",),
    "CI": ("Ivory Coast", "Côte d'Ivoire"),
    "LA": ("Laos",),
    "VN": ("Vietnam",),
    "KP": ("North Korea", "DPRK"),
    "KR": ("South Korea", "Republic of Korea"),
    "GB": ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"),
    "US": ("United States", "US", "U.S.", "USA", "U.S.A.", "United States of America"),
    "BO": ("Bolivia",),
    "VE": ("Venezuela",),
    "TZ": ("Tanzania",),
    "MD": ("Moldova",),
    "CZ": ("Czechia", "Czech Republic"),
    "TW": ("Taiwan",),
    "FM": ("Micronesia",),
    "VA": ("Vatican", "Holy See"),
    "CF": ("Central African Republic", "CAR"),
    "TL": ("Timor-Leste", "East Timor"),
    "MK": ("North Macedonia", "Macedonia"),
    "SZ": ("Eswatini", "Swaziland"),
    "CV": ("Cabo Verde", "Cape Verde"),
    "GM": ("Gambia", "The Gambia"),
    "BS": ("Bahamas", "The Bahamas"),
    "NL": ("Netherlands", "Holland"),
    "FK": ("Falkland Islands", "Falklands"),
    # Syria: the 14 governorates
    "SY-ID": ("Idlib", "Idleb", "Edlib"),
    "SY-HM": ("Hama", "Hamah", "Hamā"),
    "SY-HL": ("Aleppo", "Halab"),
    "SY-LA": ("Latakia", "Lattakia", "Al-Ladhiqiyah", "Ladhiqiyah", "Latakiyah", "Lathqiyah"),
    "SY-DY": (
        "Deir ez-Zor",
        "Deir Ezzor",
        "Deir al-Zor",
        "Dayr az Zawr",
        "Deir el-Zor",
        "Deir ez-Zour",
        "Deir al-Zour",
        "Deir Azzor",
        "Deirezzor",
        "Dayr al-Zawr",
    ),
    "SY-RA": ("Raqqa", "Ar-Raqqa", "Raqqah", "Rakka", "Raqa"),
    "SY-HA": (
        "Hasakah",
        "Al-Hasakeh",
        "Hassakeh",
        "Hasakeh",
        "Hasaka",
        "Hassaka",
        "Hassakah",
        "Hasake",
    ),
    "SY-HI": ("Homs", "Hims"),
    "SY-DI": ("Damascus", "Dimashq"),
    "SY-RD": (
        "Rural Damascus",
        "Rif Dimashq",
        "Damascus countryside",
        "Rif Damascus",
        "Reef Damascus",
        "Damascus Rural",
    ),
    "SY-DR": ("Daraa", "Dara'a", "Deraa", "Der'a", "Dar'a"),
    "SY-QU": ("Quneitra", "Qunaitra", "Qunaytirah", "Kuneitra"),
    "SY-SU": ("Sweida", "As-Suwayda", "Suwayda", "Suwaida", "Suweida", "Sweyda", "Swaida"),
    "SY-TA": ("Tartus", "Tartous", "Tartous"),
    # Myanmar
    "MM-16": ("Rakhine", "Arakan"),
    "MM-17": ("Shan",),
    "MM-11": ("Kachin",),
    "MM-01": ("Sagaing",),
    "MM-04": ("Mandalay",),
    "MM-06": ("Yangon", "Rangoon"),
    "MM-02": ("Bago", "Pegu"),
    "MM-03": ("Magway", "Magwe"),
    "MM-05": ("Tanintharyi", "Tenasserim"),
    "MM-07": ("Ayeyarwady", "Irrawaddy", "Ayeyarwaddy"),
    "MM-12": ("Kayah", "Karenni"),
    "MM-13": ("Kayin", "Karen"),
    "MM-14": ("Chin",),
    "MM-15": ("Mon",),
    "MM-18": ("Naypyidaw", "Nay Pyi Taw", "Naypyitaw", "Nay Pyi Taw Union Territory"),
    # Bangladesh
    "BD-B": ("Chittagong", "Chattogram"),
    "BD-C": ("Dhaka", "Dacca"),
    "BD-E": ("Rajshahi",),
    "BD-D": ("Khulna",),
    "BD-A": ("Barisal", "Barishal"),
    "BD-G": ("Sylhet",),
    "BD-F": ("Rangpur",),
    "BD-H": ("Mymensingh",),
    # Iraq
    "IQ-NI": ("Nineveh", "Ninawa", "Ninewa", "Nineva", "Ninevah"),
    "IQ-AN": ("Anbar",),
    "IQ-SD": ("Salahuddin", "Salah al-Din", "Salah ad-Din", "Saladin", "Salah al Din"),
    "IQ-BG": ("Baghdad",),
    "IQ-BA": ("Basra", "Basrah"),
    "IQ-BB": ("Babil", "Babylon"),
    "IQ-DI": ("Diyala",),
    "IQ-KA": ("Karbala",),
    "IQ-NA": ("Najaf",),
    "IQ-KI": ("Kirkuk",),
    "IQ-QA": ("Qadisiyah", "Diwaniyah", "Al-Qadisiyyah"),
    "IQ-MU": ("Muthanna",),
    "IQ-KR": ("Kurdistan Region", "Iraqi Kurdistan", "Kurdistan Region of Iraq", "KRI"),
    # Ukraine: ISO writes adjectival forms (`Donetska oblast`)
    "UA-30": ("Kyiv", "Kiev", "Kyiv city"),
    "UA-32": ("Kyiv oblast", "Kiev oblast", "Kyiv region", "Kiev region", "Kyiv province"),
    "UA-14": ("Donetsk", "Donetsk oblast", "Donetsk region"),
    "UA-09": ("Luhansk", "Lugansk", "Luhansk oblast", "Luhansk region"),
    "UA-63": ("Kharkiv", "Kharkov"),
    "UA-05": ("Vinnytsia",),
    "UA-51": ("Odesa", "Odessa"),
    "UA-26": ("Ivano-Frankivsk",),
    "UA-71": ("Cherkasy",),
    "UA-53": ("Poltava",),
    "UA-07": ("Volyn",),
    "UA-74": ("Chernihiv",),
    "UA-56": ("Rivne",),
    "UA-77": ("Chernivtsi",),
    "UA-48": ("Mykolaiv",),
    "UA-68": ("Khmelnytskyi", "Khmelnytskyi"),
    "UA-12": ("Dnipropetrovsk",),
    "UA-35": ("Kirovohrad",),
    "UA-59": ("Sumy",),
    "UA-61": ("Ternopil",),
    "UA-18": ("Zhytomyr",),
    "UA-43": ("Crimea", "Autonomous Republic of Crimea"),
    "UA-46": ("Lviv",),
    "UA-21": ("Zakarpattia", "Transcarpathia"),
    "UA-65": ("Kherson",),
    "UA-23": ("Zaporizhzhia", "Zaporizhia", "Zaporozhye"),
    # Yemen
    # Ethiopia
    "ET-TI": ("Tigray",),
    "ET-AM": ("Amhara",),
    # Libya: the districts by their English names
    "LY-TB": ("Tripoli",),
    "LY-BA": ("Benghazi",),
    "LY-MI": ("Misrata", "Misurata"),
    "LY-SR": ("Sirte", "Sirt"),
    "LY-DR": ("Derna",),
    "LY-SB": ("Sabha",),
    "LY-ZA": ("Zawiya", "Zawiyah"),
    # Somalia
    "SO-HI": ("Hiraan", "Hiran"),
    "SO-BN": ("Banadir", "Mogadishu"),
    "YE-HU": ("Hodeidah", "Hudaydah", "Hodeida"),
    "YE-AD": ("Aden",),
    "YE-TA": ("Taiz", "Ta'izz", "Taizz"),
    "YE-SN": ("Sanaa", "Sana'a"),
    "YE-SA": ("Amanat al-Asimah", "Sanaa city", "Sana'a city"),
    "YE-SD": ("Saada", "Sa'dah", "Sadah"),
    "YE-HJ": ("Hajjah",),
    "YE-AM": ("Amran",),
    "YE-BA": ("Al Bayda", "Bayda"),
    "YE-LA": ("Lahj",),
    "YE-DA": ("Dhale", "Al Dhale", "Ad Dali", "Dhalea"),
    "YE-HD": ("Hadramawt", "Hadramout", "Hadhramaut", "Hadramaut"),
    "YE-SH": ("Shabwa", "Shabwah"),
    "YE-MA": ("Marib", "Ma'rib"),
    "YE-MR": ("Al Mahrah", "Mahra"),
    "YE-SU": ("Socotra",),
    "YE-MW": ("Al Mahwit", "Mahwit"),
    # Afghanistan (most ISO names match once diacritics are dropped)
    "AF-KAB": ("Kabul",),
    "AF-KAN": ("Kandahar",),
    "AF-HEL": ("Helmand",),
    "AF-HER": ("Herat",),
    "AF-NAN": ("Nangarhar",),
    "AF-KNR": ("Kunar",),
    "AF-PIA": ("Paktia", "Paktiya"),
    "AF-PKA": ("Paktika",),
    "AF-URU": ("Uruzgan", "Oruzgan", "Urozgan"),
    "AF-DAY": ("Daykundi", "Daikundi"),
    "AF-SAR": ("Sar-e Pul", "Sar-i Pul", "Sari Pul", "Sar-e-Pol"),
    "AF-JOW": ("Jowzjan", "Jawzjan"),
    "AF-WAR": ("Wardak", "Maidan Wardak", "Maidan Wardak"),
    "AF-PAN": ("Panjshir", "Panjshayr"),
    "AF-PAR": ("Parwan", "Parvan"),
    "AF-BAM": ("Bamyan", "Bamiyan"),
    "AF-NIM": ("Nimroz", "Nimruz"),
    "AF-KHO": ("Khost",),
    "AF-GHO": ("Ghor",),
    # Palestine
    "PS-GZA": ("Gaza governorate", "Gaza City governorate", "Gaza City"),
    "PS-NGZ": ("North Gaza",),
    "PS-DEB": ("Deir al-Balah", "Deir El Balah", "Deir al Balah"),
    "PS-KYS": ("Khan Younis", "Khan Yunis", "Khan Yunes"),
    "PS-HBN": ("Hebron", "Al-Khalil"),
    "PS-JRH": ("Jericho", "Jericho and Al Aghwar"),
    "PS-QQA": ("Qalqiliya", "Qalqilya"),
}

# Built-in regions made of several first-level places: name -> (aliases, codes).
REGIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Darfur": (("Darfur", "Darfur region"), ("SD-DN", "SD-DS", "SD-DW", "SD-DC", "SD-DE")),
    "Kordofan": (("Kordofan",), ("SD-KN", "SD-KS", "SD-GK")),
    "Gaza Strip": (
        ("Gaza", "Gaza Strip", "the Gaza Strip"),
        ("PS-NGZ", "PS-GZA", "PS-DEB", "PS-KYS", "PS-RFH"),
    ),
    "West Bank": (
        ("West Bank", "the West Bank", "West Bank including East Jerusalem"),
        (
            "PS-JEN",
            "PS-TBS",
            "PS-TKM",
            "PS-NBS",
            "PS-QQA",
            "PS-SLT",
            "PS-RBH",
            "PS-JRH",
            "PS-JEM",
            "PS-BTH",
            "PS-HBN",
        ),
    ),
}

# Names left out of free-text search: every word generic (`Northern`, `North East`, `Central`),
# or a common capitalised English word that is also a place (`Mon` in `Mon 05 Apr`).
_GENERIC_WORDS = frozenset(
    {
        *PART_FORMS,
        *SUFFIXES,
        "capital",
        "coast",
        "coastal",
        "lakes",
        "upper",
        "lower",
        "middle",
        "federal",
        "border",
        "island",
        "islands",
        "mountain",
        "mountains",
        "river",
        "valley",
        "highlands",
        "lowlands",
        "plateau",
        "plateaux",
        "littoral",
        "interior",
        "national",
        "city",
        "district",
        "territory",
        "capital territory",
        "nord",
        "sud",
        "est",
        "ouest",
        "centre",
        "center",
        "union",
        "saint",
    }
)
_FREE_TEXT_STOPLIST = frozenset({"mon", "chin", "us", "car", "opt", "kri", "at", "as"})


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


def _fold_with_origin(text: str) -> tuple[str, list[int]]:
    """`fold` for free text, keeping for each folded character the index it came from.

    A possessive apostrophe (`Idlib's`) becomes a space so the name keeps its word boundary.
    """
    out: list[str] = []
    origin: list[int] = []
    n = len(text)
    for i, char in enumerate(text):
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
            if c == " " and (not out or out[-1] == " "):
                continue
            out.append(c)
            origin.append(i)
    return "".join(out), origin


def _strip_article(key: str) -> str:
    head, _, rest = key.partition(" ")
    return rest if rest and head in ARTICLES else key


def _strip_suffix(key: str) -> str:
    rest, _, tail = key.rpartition(" ")
    return rest if rest and tail in SUFFIXES else key


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
    subdivisions = {row[0]: make_subdivision(row) for row in _rows(DATA / "subdivisions.tsv")}
    return GazetteerData(countries, subdivisions)


def is_known(code: str) -> bool:
    """Whether `code` is a country or first-level subdivision of the gazetteer."""
    data = gazetteer_data()
    return code in data.countries or code in data.subdivisions


def display_name(code: str) -> str:
    """The name we show for a gazetteer code: the common English spelling where we have one."""
    if code in ALIASES:
        return ALIASES[code][0]
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


@functools.cache
def _alias_codes() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]], dict[str, str]]:
    """Common spellings and built-in regions as folded key -> entries, each entry its codes
    joined by `+` (a region has several). Places are made only for the names looked up."""
    raw: dict[str, set[str]] = {}
    stripped: dict[str, set[str]] = {}
    spellings: dict[str, str] = {}

    def register(text: str, entry: str) -> None:
        key = fold(text)
        if not key:
            return
        raw.setdefault(key, set()).add(entry)
        spellings.setdefault(key, _BRACKETS.sub("", text).strip())
        for variant in _variants(key)[1:]:
            if variant:
                stripped.setdefault(variant, set()).add(entry)

    for code, names in ALIASES.items():
        for name in names:
            register(name, code)
    for region, (names, codes) in REGIONS.items():
        entry = "+".join(codes)
        for name in (region, *names):
            register(name, entry)
    return (
        {key: frozenset(entries) for key, entries in raw.items()},
        {key: frozenset(entries) for key, entries in stripped.items()},
        spellings,
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


def name_table_rows(data: GazetteerData) -> list[tuple[str, str, str, str]]:
    """(tier, folded key, codes, spelling) rows of the ISO name index: tier `raw` for names as
    folded, `stripped` for them without article or suffix. `gazetteer_build` writes them to
    data/names.tsv so that a run never folds 4,000 names to find one."""
    raw: dict[str, set[str]] = {}
    stripped: dict[str, set[str]] = {}
    spellings: dict[str, str] = {}

    def register(text: str, code: str) -> None:
        key = fold(text)
        if not key:
            return
        raw.setdefault(key, set()).add(code)
        spellings.setdefault(key, _BRACKETS.sub("", text).strip())
        for variant in _variants(key)[1:]:
            if variant:
                stripped.setdefault(variant, set()).add(code)

    for country in data.countries.values():
        for name in (country.name, country.common_name, country.official_name):
            if name:
                register(name, country.code)
    for sub in data.subdivisions.values():
        register(sub.name, sub.code)
    rows = [("raw", key, ",".join(sorted(codes)), spellings[key]) for key, codes in raw.items()]
    rows += [("stripped", key, ",".join(sorted(codes)), "") for key, codes in stripped.items()]
    return sorted(rows)


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
    return sorted({key for _tier, key, _codes, _spelling in rows if _PART_PREFIX.fullmatch(key)})


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
def _index() -> _Index:
    """All tiers, in the order free text is matched: aliases, ISO names, then stripped forms."""
    aliases, names = _alias_index(), _name_index()
    spellings = {**names.spellings, **aliases.spellings}
    return _Index((aliases.tiers[0], names.tiers[0], aliases.tiers[1], names.tiers[1]), spellings)


def _lookup(key: str) -> frozenset[Entry]:
    """Candidate entries for a folded name: common spellings first (with or without article
    and suffix), then the ISO names."""
    variants = _variants(key)
    aliases = _alias_codes()[:2]
    for variant in variants:
        for alias_tier in aliases:
            found = alias_tier.get(variant)
            if found:
                return _alias_entries(found)
    if _PART_PREFIX.fullmatch(key) and not _part_names().intersection(variants):
        # "northern Hama": no ISO name reads like this, so the part reading is the only one
        # and the ISO name index (4,000 names) need not be read.
        return frozenset()
    for variant in variants:
        for name_tier in _name_codes()[:2]:
            codes = name_tier.get(variant)
            if codes:
                return _entries(codes)
    return frozenset()


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
    return key in _FREE_TEXT_STOPLIST or all(word in _GENERIC_WORDS for word in key.split())


_PARTS_PATTERN = "|".join(re.escape(p) for p in sorted(PART_FORMS, key=len, reverse=True))
_SUFFIX_PATTERN = "|".join([*SUFFIXES, COUNTRYSIDE])


def _mention_regex(keys: Iterable[str]) -> re.Pattern[str]:
    names = _trie_pattern(sorted(key for key in set(keys) if not _is_generic(key)))
    return re.compile(
        rf"(?<!\w)(?:(?P<part>{_PARTS_PATTERN}) )??(?P<name>{names})"
        rf"(?: (?P<suffix>{_SUFFIX_PATTERN}))?(?!\w)"
    )


@functools.cache
def _builtin_regex() -> re.Pattern[str]:
    index = _index()
    return _mention_regex(key for tier in index.tiers for key in tier)


# --- the gazetteer ---------------------------------------------------------------------------

_CODE = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?")
_PART_PREFIX = re.compile(
    r"(?P<part>north[\s-]*(?:east|west)(?:ern)?|south[\s-]*(?:east|west)(?:ern)?"
    r"|northern|southern|eastern|western|north|south|east|west|central|centre|center|rural)"
    r"\s+(?P<rest>\S.*)",
    re.IGNORECASE | re.DOTALL,
)
_COUNTRYSIDE_SUFFIX = re.compile(r"(?P<rest>.*\S)\s+countryside", re.IGNORECASE | re.DOTALL)


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

    def find_places(self, text: str) -> list[tuple[int, int, frozenset[Place]]]:
        """Every place mention in free text as (start, end, places), in order of appearance.

        Longest match wins; a part modifier before the name (`southern Idlib`) and a suffix
        after it (`Idlib province`) are part of the span; `Punjab, Pakistan` is one mention.
        Ambiguous names that the text does not settle are left out.
        """
        folded, origin = _fold_with_origin(text)
        found: list[tuple[int, int, str | None, str, bool]] = []  # fstart, fend, part, key, area
        regexes: list[tuple[re.Pattern[str], bool]] = [(_builtin_regex(), False)]
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
        for mention in found:
            if all(mention[1] <= k[0] or mention[0] >= k[1] for k in kept):
                kept.append(mention)
        kept.sort()
        results: list[tuple[int, int, frozenset[Place]]] = []
        i = 0
        while i < len(kept):
            fstart, fend, part, key, is_area = kept[i]
            country: str | None = None
            # `Punjab, Pakistan`: a country right after a comma qualifies the name.
            if i + 1 < len(kept) and folded[fend : kept[i + 1][0]] in (",", ", "):
                nxt = kept[i + 1]
                entries = _lookup(nxt[3]) if not nxt[4] and nxt[2] is None else frozenset()
                countries = [e for e in entries if len(e) == 1 and next(iter(e)).is_country]
                if len(countries) == 1:
                    code = next(iter(countries[0])).code
                    candidates = _lookup(key) if not is_area else frozenset()
                    if any(all(p.country == code for p in e) for e in candidates):
                        country = code
                        fend = nxt[1]
                        i += 1
            i += 1
            try:
                if is_area:
                    places = self._expand_area(self._area_keys[key], ())
                else:
                    places = self._pick(key, _lookup(key), country)
                if part is not None:
                    places = _with_part(places, part, key)
            except GrammarError:
                continue
            start = origin[fstart]
            end = origin[fend - 1] + 1
            while end < len(text) and unicodedata.combining(text[end]):
                end += 1
            results.append((start, end, places))
        return results

    # resolution --------------------------------------------------------------------------------

    def _resolve(self, text: str, country: str | None, stack: tuple[str, ...]) -> frozenset[Place]:
        written = " ".join(text.split())
        if not written:
            raise GrammarError.of(PLACE_EMPTY)
        key = fold(written)
        if country is None and key in self._area_keys:
            return self._expand_area(self._area_keys[key], stack)
        if _CODE.fullmatch(written) or ("-" in written and _CODE.fullmatch(written.upper())):
            code = written.upper()
            if is_known(code):
                if country is not None and place(code).country != country:
                    raise self._unknown(written, country)
                return frozenset({place(code)})
        candidates = _lookup(key)
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
        match = _PART_PREFIX.fullmatch(written)
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
            return _with_part(inner, part, written)
        match = _COUNTRYSIDE_SUFFIX.fullmatch(written)
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

    def _suggest(self, written: str) -> tuple[float, str] | None:
        """The closest known spelling to `written` and how close it is, if close enough."""
        import difflib  # only on the error path

        spellings = dict(_index().spellings)
        for key, area in self._area_keys.items():
            spellings[key] = area
        key = fold(written)
        close = difflib.get_close_matches(key, list(spellings), n=1, cutoff=0.75)
        if not close:
            return None
        return difflib.SequenceMatcher(None, key, close[0]).ratio(), spellings[close[0]]

    def _user_area_regex(self) -> re.Pattern[str] | None:
        if not self._area_keys:
            return None
        if self._area_regex is None:
            self._area_regex = _mention_regex(self._area_keys)
        return self._area_regex


def _with_part(places: frozenset[Place], part: str, written: str) -> frozenset[Place]:
    if any(p.part is not None for p in places):
        raise GrammarError.of(PLACE_TWO_PARTS, text=written, parts=", ".join(PARTS))
    return frozenset(Place(p.code, p.name, part) for p in places)


def _qualified(entry: Entry) -> str:
    if len(entry) == 1:
        (only,) = entry
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
    axes_a, axes_b = _PART_AXES.get(a, {}), _PART_AXES.get(b, {})
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
    # Gazetteer places carry ISO codes; anything else compares by identity only. (The shape
    # is checked, not the table: relations are computed for every pair of every report.)
    if not (_CODE.fullmatch(a.code) and _CODE.fullmatch(b.code)):
        return "unknown"
    if a.country != b.country:
        return "disjoint"
    if a.is_country and not b.is_country:
        return "wider" if a.part is None else "unknown"
    if b.is_country and not a.is_country:
        return "narrower" if b.part is None else "unknown"
    # Two different first-level subdivisions of one country do not overlap.
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
