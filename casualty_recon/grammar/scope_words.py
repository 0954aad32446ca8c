"""Outcome and population words as people write them, each mapped to the narrowest term of the
format it means (`deaths` -> `killed`, `fatalities` -> `killed`, `casualties` -> `killed or
injured`). The loader accepts them in `outcome` and `population`; the claim keeps the term.

Death words without a cause (`deaths`, `dead`, `lost their lives`) are read as `killed`, as
`extract` reads them in articles: in a casualty count they are the toll of the violence. A
count of deaths of any cause is written `died` (or `deaths from all causes`).
"""

from __future__ import annotations

from casualty_recon.model.claims import OUTCOMES, POPULATIONS, Relation

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


# --- how populations and outcomes relate (analysis/scope.py reads claims through these; the
# loader checks a complete breakdown with them) ---------------------------------------------

# child -> parent
_POPULATION_PARENT: dict[str, str] = {
    "civilians": "people",
    "combatants": "people",
    "children": "civilians",
    "women": "civilians",
    "men": "civilians",
    "health workers": "civilians",
    "journalists": "civilians",
    "aid workers": "civilians",
}
_DEMOGRAPHIC = frozenset({"children", "women", "men"})

_OUTCOME_PARENTS: dict[str, frozenset[str]] = {
    "killed": frozenset({"killed or injured", "died"}),
    "injured": frozenset({"killed or injured"}),
}
_OUTCOME_OVERLAPS = frozenset({frozenset({"died", "killed or injured"})})


def _ancestors(population: str) -> list[str]:
    chain = []
    while population in _POPULATION_PARENT:
        population = _POPULATION_PARENT[population]
        chain.append(population)
    return chain


def population_relation(a: str, b: str) -> Relation:
    """Relation of population a to population b (values of `model.POPULATIONS`)."""
    if a == b:
        return "same"
    if a not in POPULATIONS or b not in POPULATIONS:
        return "unknown"
    if a in _ancestors(b):
        return "wider"
    if b in _ancestors(a):
        return "narrower"
    if a in _DEMOGRAPHIC and b in _DEMOGRAPHIC:
        return "disjoint"
    # Neither contains the other: different branches under `people` are disjoint, and under
    # `civilians` a named group (health workers) can include children, women, men or members
    # of another named group.
    branch_a = ([a, *_ancestors(a)])[-2]
    branch_b = ([b, *_ancestors(b)])[-2]
    if branch_a != branch_b:
        return "disjoint"
    return "overlapping"


def outcome_relation(a: str, b: str) -> Relation:
    """Relation of outcome a to outcome b (values of `model.OUTCOMES`)."""
    if a == b:
        return "same"
    if a not in OUTCOMES or b not in OUTCOMES:
        return "unknown"
    if a in _OUTCOME_PARENTS.get(b, frozenset()):
        return "wider"
    if b in _OUTCOME_PARENTS.get(a, frozenset()):
        return "narrower"
    if frozenset({a, b}) in _OUTCOME_OVERLAPS:
        return "overlapping"
    return "disjoint"
