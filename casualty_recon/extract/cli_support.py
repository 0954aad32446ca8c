"""What `casualty-recon extract` does, minus option parsing: read, extract, write, summarise.

The CLI module parses options and calls `run_extract`; everything here raises the package's own
errors (UsageError for what the user can fix), which the CLI maps to exit codes.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from casualty_recon.extract.claims import ArticleFailure, extract_claims
from casualty_recon.extract.text import read_articles
from casualty_recon.extract.writer import render_yaml, write_claims
from casualty_recon.model.errors import CasualtyReconError, UsageError


def run_extract(
    articles: Sequence[str],
    *,
    published: dt.date | None,
    url: str | None,
    outlet: str | None,
    output: Path | None,
    append: bool,
    force: bool,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Extract claims from the articles; print YAML, or write `output`. Returns claims found."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    if not articles:
        raise UsageError("no article given", "give one or more files, or - for standard input")
    if articles.count("-") > 1:
        raise UsageError("standard input (-) can be read only once")
    if (append or force) and output is None:
        raise UsageError("--append and --force need a file to write", "add -o sources.yaml")
    texts, unread = read_articles(articles)
    failures = [ArticleFailure(name, e.message, e.hint) for name, e in unread]
    claims = extract_claims(texts, published=published, url=url, outlet=outlet, failures=failures)
    for failure in failures:  # each on stderr, and exit 1 at the end (issue 12)
        err.write(f"error: {failure.name}: {failure.message}\n")
        if failure.hint:
            err.write(f"  hint: {failure.hint}\n")
    if not claims:
        err.write("no toll statements found\n")
    if output is None:
        out.write(render_yaml(claims))
        _raise_if_failed(failures, len(articles))
        return len(claims)
    result = write_claims(output, claims, append=append, force=force)
    done = "wrote" if result.created or not append else "added to"
    err.write(
        f"{done} {output}: {len(result.added)} claim{'s' if len(result.added) != 1 else ''}"
        + (f", {len(result.skipped)} already there" if result.skipped else "")
        + (f", new sources: {', '.join(result.sources_added)}" if result.sources_added else "")
        + "\n"
    )
    _raise_if_failed(failures, len(articles))
    return len(claims)


def _raise_if_failed(failures: Sequence[ArticleFailure], articles: int) -> None:
    if failures:
        raise CasualtyReconError(
            f"{len(failures)} of {articles} article{'s' if articles != 1 else ''} failed "
            "(above); the claims of the others were written"
        )
