"""The usual counters: organisations that publish tolls, with their acronyms and the short names
articles use on second mention. `attribution` finds them in an article's text, beside the
organisations the article defines itself.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["KNOWN", "Organisation"]


@dataclass(frozen=True, slots=True)
class Organisation:
    """A counter: source key (its acronym where it has one), full name and source kind."""

    key: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    home: str = ""  # the country an article must name for `local` aliases to be this counter's
    local: tuple[str, ...] = ()


# The usual counters. Aliases are matched case-sensitively as whole words.
KNOWN: tuple[Organisation, ...] = (
    Organisation(
        "SOHR",
        "Syrian Observatory for Human Rights",
        "monitor",
        (
            "Syrian Observatory for Human Rights",
            "Syrian Observatory",
            "SOHR",
            "the Observatory",
            "The Observatory",
            "Observatory for Human Rights",
            "British-based Observatory",
            "Britain-based Observatory",
            "UK-based Observatory",
            "the observatory",
        ),
    ),
    Organisation(
        "SNHR",
        "Syrian Network for Human Rights",
        "monitor",
        ("Syrian Network for Human Rights", "SNHR"),
    ),
    Organisation(
        "VDC",
        "Violations Documentation Center",
        "monitor",
        ("Violations Documentation Center", "Violations Documentation Centre", "VDC"),
    ),
    Organisation(
        "LCC",
        "Local Coordination Committees",
        "monitor",
        ("Local Coordination Committees", "LCC", "LCCs"),
    ),
    Organisation(
        "OCHA",
        "UN Office for the Coordination of Humanitarian Affairs",
        "un",
        ("Office for the Coordination of Humanitarian Affairs", "OCHA"),
    ),
    Organisation(
        "OHCHR",
        "UN Office of the High Commissioner for Human Rights",
        "un",
        (
            "Office of the High Commissioner for Human Rights",
            "OHCHR",
            "UN human rights office",
            "U.N. human rights office",
            "United Nations human rights office",
            "UN human rights chief",
            "U.N. human rights chief",
            "UN rights office",
            "UN High Commissioner for Human Rights",
        ),
    ),
    Organisation(
        "UNICEF", "UNICEF", "un", ("UNICEF", "United Nations Children's Fund", "UN Children's Fund")
    ),
    Organisation(
        "UNHCR",
        "UN High Commissioner for Refugees",
        "un",
        ("UNHCR", "UN refugee agency", "U.N. refugee agency", "High Commissioner for Refugees"),
    ),
    Organisation(
        "WHO",
        "World Health Organization",
        "un",
        ("World Health Organization", "World Health Organisation", "WHO"),
    ),
    Organisation(
        "UOSSM",
        "Union of Medical Care and Relief Organizations",
        "ngo",
        (
            "Union of Medical Care and Relief Organizations",
            "UOSSM",
            "Union of Syrian Medical Relief Organisations",
        ),
    ),
    Organisation(
        "SAMS",
        "Syrian American Medical Society",
        "ngo",
        ("Syrian American Medical Society", "SAMS"),
    ),
    Organisation(
        "MSF",
        "Medecins Sans Frontieres",
        "ngo",
        ("Medecins Sans Frontieres", "Médecins Sans Frontières", "Doctors Without Borders", "MSF"),
    ),
    Organisation(
        "White Helmets",
        "Syria Civil Defence (White Helmets)",
        "ngo",
        ("White Helmets", "Syria Civil Defence", "Syrian Civil Defence"),
        home="Syria",  # elsewhere a civil defence is the country's own (a government's agency)
        local=("Civil Defence", "civil defence", "Civil Defense", "civil defense"),
    ),
    Organisation("SARC", "Syrian Arab Red Crescent", "ngo", ("Syrian Arab Red Crescent", "SARC")),
    Organisation(
        "ICRC",
        "International Committee of the Red Cross",
        "ngo",
        ("International Committee of the Red Cross", "ICRC"),
    ),
    Organisation("Save the Children", "Save the Children", "ngo", ("Save the Children",)),
    Organisation(
        "Amnesty International",
        "Amnesty International",
        "ngo",
        ("Amnesty International", "Amnesty"),
    ),
    Organisation("HRW", "Human Rights Watch", "ngo", ("Human Rights Watch", "HRW")),
    Organisation("Airwars", "Airwars", "monitor", ("Airwars",)),
    Organisation("SANA", "Syrian Arab News Agency", "media", ("Syrian Arab News Agency", "SANA")),
    Organisation(
        "IOM",
        "International Organization for Migration",
        "un",
        ("International Organization for Migration", "IOM", "UN migration agency"),
    ),
    Organisation("UN", "United Nations", "un", ("United Nations", "U.N.", "UN")),
)
