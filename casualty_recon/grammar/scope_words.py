"""Outcome and population words as people write them, each mapped to the narrowest term of the
format it means (`deaths` -> `killed`, `fatalities` -> `killed`, `casualties` -> `killed or
injured`). The loader accepts them in `outcome` and `population`; the claim keeps the term.

Death words without a cause (`deaths`, `dead`, `lost their lives`) are read as `killed`, as
`extract` reads them in articles: in a casualty count they are the toll of the violence. A
count of deaths of any cause is written `died` (or `deaths from all causes`).
"""

from __future__ import annotations

OUTCOME_WORDS: dict[str, str] = {
    "deaths": "killed",
    "death": "killed",
    "dead": "killed",
    "fatalities": "killed",
    "fatality": "killed",
    "lost their lives": "killed",
    "death toll": "killed",
    "slain": "killed",
    "killings": "killed",
    "deaths from all causes": "died",
    "died of any cause": "died",
    "casualties": "killed or injured",
    "killed and injured": "killed or injured",
    "killed and wounded": "killed or injured",
    "dead and wounded": "killed or injured",
    "dead or wounded": "killed or injured",
    "killed or wounded": "killed or injured",
    "wounded": "injured",
    "hurt": "injured",
    "injuries": "injured",
    "disappeared": "missing",
    "unaccounted for": "missing",
    "arrested": "detained",
    "abducted": "detained",
    "kidnapped": "detained",
    "fled": "displaced",
    "internally displaced": "displaced",
    "uprooted": "displaced",
}

POPULATION_WORDS: dict[str, str] = {
    "civilian": "civilians",
    "persons": "people",
    "individuals": "people",
    "all people": "people",
    "minors": "children",
    "kids": "children",
    "fighters": "combatants",
    "militants": "combatants",
    "soldiers": "combatants",
    "medics": "health workers",
    "medical workers": "health workers",
    "healthcare workers": "health workers",
    "health care workers": "health workers",
    "humanitarian workers": "aid workers",
    "humanitarians": "aid workers",
    "reporters": "journalists",
    "media workers": "journalists",
}
