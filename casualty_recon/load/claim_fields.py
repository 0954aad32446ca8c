"""The fields of a claim in `sources.yaml`, declared once.

Two orders derive from this one table: the format's order (`CLAIM_FIELDS`: what the loader
accepts, and the order an unknown-field hint lists them in) and the order a written file puts
them in (`CLAIM_ORDER`: who said it and who relayed it, what, the scope, the days, the basis,
then how the claim joins others, then its provenance text). `CLAIM_REQUIRED` is the required
ones in the format's order.
"""

from __future__ import annotations

from typing import NamedTuple


class ClaimField(NamedTuple):
    name: str
    required: bool
    written: int  # its place in a written claim (`yaml_writer`, `yaml_append`)


FIELDS: tuple[ClaimField, ...] = (
    ClaimField("id", True, 0),
    ClaimField("source", True, 1),
    ClaimField("figure", True, 3),
    ClaimField("population", True, 4),
    ClaimField("outcome", True, 5),
    ClaimField("perpetrators", False, 6),
    ClaimField("area", True, 7),
    ClaimField("start", False, 8),
    ClaimField("as_of", True, 9),
    ClaimField("published", False, 10),
    ClaimField("basis", False, 11),
    ClaimField("relayed_by", False, 2),
    ClaimField("url", False, 16),
    ClaimField("quote", False, 17),
    ClaimField("notes", False, 18),
    ClaimField("breakdown_of", False, 12),
    ClaimField("series", False, 14),
    ClaimField("complete", False, 13),
    ClaimField("list", False, 15),
)

CLAIM_FIELDS: tuple[str, ...] = tuple(field.name for field in FIELDS)
CLAIM_REQUIRED: tuple[str, ...] = tuple(field.name for field in FIELDS if field.required)
CLAIM_ORDER: tuple[str, ...] = tuple(
    field.name for field in sorted(FIELDS, key=lambda field: field.written)
)
