"""`extract`: turn news articles into claims for a person to check.

The library side of `casualty-recon extract`: `extract_claims` reads articles and returns
claims; `render_yaml` and `merge_claims` give them as `sources.yaml` text (format v1); the CLI
(`cli.extract_run.write_claims`) writes files.
"""

from __future__ import annotations

from casualty_recon.extract.claims import ExtractedClaim, SourceEntry, extract_claims
from casualty_recon.extract.text import read_article
from casualty_recon.extract.writer import MergeResult, merge_claims, render_yaml

__all__ = [
    "ExtractedClaim",
    "MergeResult",
    "SourceEntry",
    "extract_claims",
    "merge_claims",
    "read_article",
    "render_yaml",
]
