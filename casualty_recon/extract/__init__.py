"""`extract`: turn news articles into claims for a person to check.

The library side of `casualty-recon extract`: `extract_claims` reads articles and returns
claims; `render_yaml` and `write_claims` write them as `sources.yaml` (format v1).
"""

from __future__ import annotations

from casualty_recon.extract.claims import ExtractedClaim, SourceEntry, extract_claims
from casualty_recon.extract.text import read_article
from casualty_recon.extract.writer import WriteResult, render_yaml, write_claims

__all__ = [
    "ExtractedClaim",
    "SourceEntry",
    "WriteResult",
    "extract_claims",
    "read_article",
    "render_yaml",
    "write_claims",
]
