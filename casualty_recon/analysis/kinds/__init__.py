"""The registry of difference kinds: one module each, listed below, ordered by their declared
`order`. Everything else derives from it: the engine's detection and waterfall order, which kinds
can close a residual, the assumption targets (the JSON Schema enum and the check of each
`applies_to`) and the README catalogue table.

To add a kind: write `analysis/kinds/NAME.py` defining `KIND = Kind(...)` (see `base.py`) and add
the module to `MODULES`. `register` adds one at run time (tests use it for a toy kind).
"""

from __future__ import annotations

import difflib
from types import ModuleType
from typing import Literal

from casualty_recon.analysis.kinds import (
    area,
    as_of,
    basis,
    bounds,
    coverage,
    outcome,
    perpetrators,
    population,
    records,
    relay,
    revision,
    start,
)
from casualty_recon.analysis.kinds.base import Detect, Kind, Pair
from casualty_recon.grammar.wording import or_list
from casualty_recon.model.claims import Assumption, Location, Sources
from casualty_recon.model.errors import (
    APPLIES_TO_UNKNOWN,
    ASSUMPTION_NEEDS,
    ASSUMPTION_NEEDS_RATE,
    ASSUMPTION_NOT_FOR_RATE,
    ASSUMPTION_RATE_MISPLACED,
    InputError,
    Problem,
)

MODULES: tuple[ModuleType, ...] = (
    bounds,
    coverage,
    as_of,
    start,
    area,
    population,
    outcome,
    perpetrators,
    basis,
    records,
    relay,
    revision,
)

__all__ = [
    "KINDS",
    "Detect",
    "Kind",
    "Pair",
    "assumable",
    "check_assumptions",
    "kinds",
    "register",
    "unregister",
]

KINDS: dict[str, Kind] = {}


def _sort() -> None:
    ordered = sorted(KINDS.values(), key=lambda k: (k.order, k.name))
    KINDS.clear()
    KINDS.update((k.name, k) for k in ordered)


def register(kind: Kind) -> Kind:
    """Add a kind to the registry (or replace one of the same name); returns it. A kind open to
    ratio assumptions must say which claims their from/to values name (`Kind.matches`)."""
    if kind.assumable == "ratio" and kind.matches is None:
        raise ValueError(f"kind {kind.name}: assumable='ratio' needs `matches`")
    KINDS[kind.name] = kind
    _sort()
    return kind


def unregister(name: str) -> None:
    KINDS.pop(name, None)


def kinds() -> tuple[Kind, ...]:
    """Every kind, in the order of the report and the waterfall."""
    return tuple(KINDS.values())


def assumable() -> tuple[str, ...]:
    """The kinds an assumption may target (`applies_to`), in registry order."""
    return tuple(k.name for k in KINDS.values() if k.assumable is not None)


for _module in MODULES:
    register(_module.KIND)


def check_assumptions(sources: Sources) -> None:
    """Raise the located InputError the loader would give for an assumption whose `applies_to`
    no registered kind accepts, or that lacks a field its target needs or gives one it must not
    (`Kind.assumable`: "rate", a daily rate and no from/to/ratio; "ratio", from, to and a
    ratio). The loader sits below analysis and cannot see the registry, so it keeps `applies_to`
    as written, with its location, and this check runs right after loading (in `Engine` and the
    CLI's `_load`), with the loader's wording."""
    targets = assumable()
    problems = []
    for assumption in sources.assumptions:
        where = assumption.location or Location(sources.path, 1, 1)
        kind = KINDS.get(assumption.applies_to)
        if kind is not None and kind.assumable is not None:
            problems += _field_problems(assumption, kind.assumable, where)
            continue
        written, at = assumption.applies_to_as_written or (assumption.applies_to, where)
        close = difflib.get_close_matches(assumption.applies_to, targets, n=1, cutoff=0.6)
        template = APPLIES_TO_UNKNOWN.near(close[0] if close else None)
        problems.append(Problem.of(template, at, value=written, choices=", ".join(targets)))
    if problems:
        raise InputError(problems)


def _field_problems(
    assumption: Assumption, how: Literal["rate", "ratio"], where: Location
) -> list[Problem]:
    """The fields an assumption on a kind assumable by `how` lacks or must not give, located
    (a missing field at the assumption, a misplaced one at its key) as the loader locates them."""
    keys = dict(assumption.written_keys)
    index, target = assumption.index, assumption.applies_to
    given = {
        "from": assumption.from_value,
        "to": assumption.to_value,
        "ratio": assumption.ratio,
        "rate": assumption.rate,
    }
    problems = []
    if how == "rate":
        if given["rate"] is None:
            problems.append(Problem.of(ASSUMPTION_NEEDS_RATE, where, index=index, target=target))
        for name in ("from", "to", "ratio"):
            if given[name] is not None:
                at = keys.get(name, where)
                problems.append(Problem.of(ASSUMPTION_NOT_FOR_RATE, at, name=name, target=target))
        return problems
    for name in ("from", "to", "ratio"):
        if given[name] is None:
            problems.append(
                Problem.of(ASSUMPTION_NEEDS, where, index=index, target=target, name=name)
            )
    if given["rate"] is not None:
        at = keys.get("rate", where)
        rates = or_list(k.name for k in KINDS.values() if k.assumable == "rate")
        problems.append(
            Problem.of(ASSUMPTION_RATE_MISPLACED, at, target=target, rate_targets=rates)
        )
    return problems
