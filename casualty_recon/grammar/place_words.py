"""The words of places: part modifiers, articles and suffixes that matching ignores, the curated
alias table (common English spellings to ISO codes), built-in regions, and the words that are
too generic to be read as a place in free text. Data only; `gazetteer` indexes it and `places`
parses with it.
"""

from __future__ import annotations

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
PART_AXES: dict[str, dict[str, str]] = {
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
    # First-level units elsewhere: Colombia's, Peru's, Bolivia's, Guatemala's departments,
    # Kenya's and Liberia's counties. Not "district": in Afghanistan "Kandahar district" is
    # inside Kandahar province, a narrower place of the same name.
    "department",
    "departments",
    "departamento",
    "departamentos",
    "county",
    "counties",
)
COUNTRYSIDE = "countryside"
# Words that end the names of units and places below the first level, besides SUFFIXES
# ("Kandahar district", "Soum province" of Burkina Faso, "Wollega zone", "Bakhmut raion"). Never
# dropped when matching (a district is narrower than the province of its name); only "did you
# mean" looks past them, so that the unit word itself never decides the suggestion.
LOWER_UNIT_WORDS: tuple[str, ...] = (
    "district",
    "zone",
    "municipality",
    "commune",
    "raion",
    "rayon",
    "hromada",
    "subdistrict",
    "sub-district",
    "woreda",
    "cercle",
    "township",
    "tehsil",
    "upazila",
    "lga",
    "prefecture",
    "canton",
    "parish",
    "sector",
    "city",
    "town",
    "village",
    "camp",
)

# A unit's word before its name, folded, in the languages of the countries' own names, -> the
# kind (ISO 3166-2's subdivision type, in English) it names: "Departamento de Cauca",
# "Provincia de Buenos Aires", "Région du Nord", "Estado de Zulia", "Muhafazat Hadramaout"
# (GeoNames' admin1 name: muhafazah is Arabic for governorate). A linker may follow.
UNIT_WORDS_BEFORE: dict[str, str] = {
    "departamento": "department",
    "departement": "department",
    "department": "department",
    "provincia": "province",
    "province": "province",
    "region": "region",
    "regiao": "region",
    "estado": "state",
    "etat": "state",
    "state": "state",
    "governorate": "governorate",
    "gouvernorat": "governorate",
    "muhafazat": "governorate",
    "muhafazah": "governorate",
}
# Linkers between a unit's word and its name, folded ("de la", "d'" folds to "d").
UNIT_LINKERS: tuple[str, ...] = ("de la", "de l", "del", "de", "du", "des", "d", "do", "da", "of")

# Common English spellings: code -> names, the first being the name we display.
# Countries ISO 3166-1 leaves out, as rows of data/countries.tsv (code, name, common name,
# official name). XK is a user-assigned code: the one GeoNames, whose towns the gazetteer holds
# (Pristina is XK-g786714), the EU and the World Bank use for Kosovo. ISO 3166-2's Serbian
# subdivision RS-KM keeps its own name, Kosovo-Metohija.
EXTRA_COUNTRIES: tuple[tuple[str, str, str, str], ...] = (
    ("XK", "Kosovo", "", "Republic of Kosovo"),
)

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
    "XK": ("Kosovo",),  # see EXTRA_COUNTRIES
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
    "ET-TI": ("Tigray", "Tigrai"),
    "ET-AM": ("Amhara", "Amara"),
    # Libya: the districts by their English names
    "LY-TB": ("Tripoli",),
    "LY-BA": ("Benghazi",),
    "LY-MI": ("Misrata", "Misurata"),
    "LY-SR": ("Sirte", "Sirt"),
    "LY-DR": ("Derna",),
    "LY-SB": ("Sabha",),
    "LY-ZA": ("Zawiya", "Zawiyah"),
    # Somalia: the English names of UN agencies, UCDP and ACLED (ISO writes Somali)
    "SO-HI": ("Hiraan", "Hiran", "Hiiraan"),
    "SO-BN": ("Banadir", "Mogadishu", "Banaadir", "Benadir"),
    "SO-SH": ("Lower Shabelle", "Lower Shabeelle", "Lower Shabele", "Shabeellaha Hoose"),
    "SO-SD": ("Middle Shabelle", "Middle Shabeelle", "Middle Shabele", "Shabeellaha Dhexe"),
    "SO-JH": ("Lower Juba", "Lower Jubba", "Jubbada Hoose"),
    "SO-JD": ("Middle Juba", "Middle Jubba", "Jubbada Dhexe"),
    "SO-GA": ("Galgaduud", "Galguduud", "Galgadud"),
    "SO-WO": ("Woqooyi Galbeed", "Waqooyi Galbeed", "Maroodi Jeex", "Woqooyi Galbed"),
    "SO-NU": ("Nugaal", "Nugal"),
    # DR Congo, Mali, Ethiopia, Niger: English and ACLED spellings of French or local names
    "CD-NK": ("North Kivu", "Nord-Kivu"),
    "CD-SK": ("South Kivu", "Sud-Kivu"),
    "CD-NU": ("North Ubangi", "Nord-Ubangi"),
    "CD-SU": ("South Ubangi", "Sud-Ubangi"),
    "CD-BC": ("Kongo Central", "Bas-Congo"),
    "ML-6": ("Timbuktu", "Tombouctou"),
    "ML-4": ("Segou", "Ségou"),
    "ML-9": ("Menaka", "Ménaka"),
    "ET-BE": ("Benishangul-Gumuz", "Benshangul/Gumuz", "Benishangul Gumuz", "Benshangul-Gumaz"),
    "ET-GA": ("Gambela", "Gambella", "Gambela Peoples"),
    "ET-HA": ("Harari", "Harari People"),
    "ET-SN": ("SNNP", "SNNPR", "Southern Nations, Nationalities and Peoples"),
    "NE-6": ("Tillaberi", "Tillabéri", "Tillabery"),
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
    # (`Gaza City` is the town, in the towns table; the governorate is `Gaza governorate`.)
    "PS-GZA": ("Gaza governorate",),
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
GENERIC_WORDS = frozenset(
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
FREE_TEXT_STOPLIST = frozenset({"mon", "chin", "us", "car", "opt", "kri", "at", "as"})
