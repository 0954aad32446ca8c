"""Extraction of SYNTHETIC sentences written for the tests (no figure, name, place or quote in
them is real): each body is an article of its own, published on a Monday, and whatever is
extracted must load as a sources file."""

from __future__ import annotations

import datetime as dt

from casualty_recon.extract import extract_claims, render_yaml
from casualty_recon.extract.claims import ExtractedClaim
from casualty_recon.load.loader import loads

PUBLISHED = dt.date(2024, 6, 10)  # a Monday


def synthetic_claims(body: str) -> list[ExtractedClaim]:
    """The claims of one synthetic article (`body` after a first line saying it is synthetic)."""
    claims = extract_claims([("s.txt", f"SYNTHETIC.\n{body}\n")], published=PUBLISHED)
    loads(render_yaml(claims), "s.yaml")  # whatever is extracted loads
    return claims


def by_figure(claims: list[ExtractedClaim]) -> dict[str, ExtractedClaim]:
    return {claim.figure: claim for claim in claims}
