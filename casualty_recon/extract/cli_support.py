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

from casualty_recon.extract.claims import extract_claims
from casualty_recon.extract.text import read_article
from casualty_recon.extract.writer import render_yaml, write_claims
from casualty_recon.model.errors import UsageError


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
    texts = [(name if name != "-" else "<stdin>", read_article(name)) for name in articles]
    claims = extract_claims(texts, published=published, url=url, outlet=outlet)
    if not claims:
        err.write("no toll statements found\n")
    if output is None:
        out.write(render_yaml(claims))
        return len(claims)
    result = write_claims(output, claims, append=append, force=force)
    done = "wrote" if result.created or not append else "added to"
    err.write(
        f"{done} {output}: {len(result.added)} claim{'s' if len(result.added) != 1 else ''}"
        + (f", {len(result.skipped)} already there" if result.skipped else "")
        + (f", new sources: {', '.join(result.sources_added)}" if result.sources_added else "")
        + "\n"
    )
    return len(claims)
