"""An estimate as a claim: `basis: estimated`, the 95% interval as its figure (README, "Concepts").

Documented counts are floors of the truth; an estimate bounds it on both sides, so the claim's
figure is the interval (`between 9,100 and 13,700`, rounded outwards to three significant
figures), and its notes say which method, lists and strata made it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from casualty_recon.estimate.result import Estimate, Estimation
from casualty_recon.model.errors import UsageError
from casualty_recon.model.usage import (
    ESTIMATE_CLAIM_INVALID,
    ESTIMATE_CLAIM_INVALID_NO_HINT,
    NO_INTERVAL,
)

__all__ = ["ClaimScope", "claim_document", "claim_text", "figure_text"]


@dataclass(frozen=True)
class ClaimScope:
    source: str
    population: str
    outcome: str
    area: str
    as_of: dt.date
    url: str | None = None


def _round(value: float, up: bool) -> int:
    if value <= 0:
        return 0
    scale = 10 ** max(math.floor(math.log10(value)) - 2, 0)
    return int((math.ceil if up else math.floor)(value / scale) * scale)


def figure_text(low: float, high: float) -> str:
    lo, hi = _round(low, up=False), _round(high, up=True)
    if lo == hi:
        return f"about {lo:,}"
    return f"between {lo:,} and {hi:,}"


def _pick(result: Estimation, method: str | None) -> Estimate:
    rows = result.totals if result.totals else [e for s in result.strata for e in s.estimates]
    usable = [e for e in rows if e.ok and e.low is not None and e.high is not None]
    if method is not None:
        usable = [e for e in usable if e.method == method or e.method.startswith(method + "-")]
    preference = ("latent-class", "bma", "loglinear-aic", "chapman")
    for key in preference:
        for e in usable:
            if e.method == key:
                return e
    if usable:
        return usable[0]
    raise UsageError.of(NO_INTERVAL)


def claim_document(
    result: Estimation, scope: ClaimScope, method: str | None = None
) -> dict[str, object]:
    chosen = _pick(result, method)
    assert chosen.low is not None and chosen.high is not None and chosen.point is not None
    lists = sorted({name for s in result.strata for name in s.lists})
    strata = [s for s in result.strata if s.name != "all"]
    notes = [
        f"Estimated by casualty-recon estimate from {result.path}: {chosen.label}, "
        f"point {chosen.point:,.0f}, 95% interval {chosen.low:,.0f} to {chosen.high:,.0f}, "
        f"{result.observed:,} documented (coverage {result.observed / chosen.point:.0%})",
        f"lists: {', '.join(lists)}",
    ]
    if strata:
        notes.append(
            "strata: "
            + "; ".join(
                f"{s.name} ({s.observed:,}{', not estimated: ' + s.skipped if s.skipped else ''})"
                for s in strata
            )
        )
    if chosen.method == "latent-class":
        from casualty_recon.estimate.latent import MOST_ITERATIONS

        run = int(chosen.diagnostics.get("iterations", 0))
        if result.iterations:
            length = f"{result.iterations:,} iterations of each chain"
        else:
            here = f", here {run:,} each" if run else ""
            length = (
                f"chains run until they mixed{here} (at most {MOST_ITERATIONS:,} iterations each)"
            )
        notes.append(f"seed {result.seed}, {length}")
    slug = re.sub(r"[^A-Za-z0-9]+", "-", scope.source).strip("-").lower() or "estimate"
    claim: dict[str, object] = {
        "id": f"{slug}-estimate-{scope.as_of.isoformat()}",
        "source": scope.source,
        "figure": figure_text(chosen.low, chosen.high),
        "population": scope.population,
        "outcome": scope.outcome,
        "area": scope.area,
        "as_of": scope.as_of.isoformat(),
        "basis": "estimated",
    }
    if scope.url:
        claim["url"] = scope.url
    claim["notes"] = ". ".join(notes) + "."
    return {
        "version": 1,
        "sources": {scope.source: {"method": f"Multiple systems estimation: {chosen.label}."}},
        "claims": [claim],
    }


def claim_text(result: Estimation, scope: ClaimScope, method: str | None = None) -> str:
    """The claim as a sources.yaml file, checked to load before it is returned."""
    from casualty_recon.load.loader import loads
    from casualty_recon.load.yaml_writer import dump_sources_document
    from casualty_recon.model.errors import InputError

    text = dump_sources_document(claim_document(result, scope, method))
    try:
        loads(text, "<claim>")
    except InputError as error:
        first = error.problems[0]
        template = ESTIMATE_CLAIM_INVALID if first.hint else ESTIMATE_CLAIM_INVALID_NO_HINT
        raise UsageError.of(template, message=first.message, hint=first.hint) from None
    return text
