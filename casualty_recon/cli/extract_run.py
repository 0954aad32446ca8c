"""What `casualty-recon extract` does, minus option parsing: read, extract, write, summarise.

The command parses options and calls `run_extract`; everything here raises the package's own
errors (UsageError for what the user can fix), which the CLI maps to exit codes. The YAML text
comes from `extract.writer` (the one writer of sources.yaml lives in `load`); the file is written
here, atomically, through `render.atomic`.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from casualty_recon.cli.options import dash_is_stdout
from casualty_recon.extract.claims import ArticleFailure, ExtractedClaim, extract_claims
from casualty_recon.extract.text import read_articles
from casualty_recon.extract.writer import merge_checked
from casualty_recon.load.reading import read_input
from casualty_recon.model.errors import DataError, UsageError, plural_s
from casualty_recon.model.usage import (
    APPEND_NEEDS_OUTPUT,
    APPEND_OR_FORCE,
    APPEND_TO_STDOUT,
    ARTICLES_ALL_FAILED,
    ARTICLES_FAILED,
    CANNOT_READ_QUOTED,
    EXTRACT_TARGET_EXISTS,
    NO_ARTICLE,
    STDIN_TWICE,
    error_text,
)
from casualty_recon.render.atomic import locked, write_new_file
from casualty_recon.render.progress import stages

__all__ = ["WriteResult", "run_extract", "write_claims"]

BATCH = 20  # articles: a batch at least this long shows which article is being read


@dataclass(slots=True)
class WriteResult:
    """What a write did: claim ids added, duplicates skipped, source keys created."""

    path: str
    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    sources_added: list[str] = field(default_factory=list)
    created: bool = False


def write_claims(
    path: str | Path, claims: Sequence[ExtractedClaim], *, append: bool, force: bool
) -> WriteResult:
    """Write claims to `path`: a new file, added to an existing one (`append`), or replacing
    it (`force`). Never touches an existing file without one of those. Raises UsageError.

    The read, merge and write hold the file's lock (`render.atomic.locked`), so concurrent
    appends all land; the existing file is read within the input limit; a symlink is written
    through."""
    target = Path(path)
    with locked(target):
        exists = target.exists()
        if exists and not (append or force):
            raise UsageError.of(EXTRACT_TARGET_EXISTS, target=target)
        existing: str | None = None
        if exists and append:
            data = read_input(str(target))
            try:
                existing = data.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise UsageError.of(CANNOT_READ_QUOTED, path=target, reason=exc) from None
        text, merged = merge_checked(existing, claims, str(target))
        write_new_file(target, text.encode("utf-8"), force=exists)
    return WriteResult(
        str(target), merged.added, merged.skipped, merged.sources_added, created=not exists
    )


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
        raise UsageError.of(NO_ARTICLE)
    if articles.count("-") > 1:
        raise UsageError.of(STDIN_TWICE)
    if (append or force) and output is None:
        raise UsageError.of(APPEND_NEEDS_OUTPUT)
    if append and force:
        raise UsageError.of(APPEND_OR_FORCE)
    if output is not None and dash_is_stdout(output) is None:  # standard output, as without -o
        if append:
            raise UsageError.of(APPEND_TO_STDOUT)
        output = None
    texts, unread = read_articles(articles)
    # An input that cannot be read is located at its start, as `validate` locates it.
    failures = [ArticleFailure(_located(name), e.message, e.hint) for name, e in unread]
    with stages(len(texts) >= BATCH) as progress:  # on a terminal only, for a batch

        def show(number: int, name: str) -> None:
            progress.stage(f"article {number:,} of {len(texts):,}: {name}")

        claims = extract_claims(
            texts, published=published, url=url, outlet=outlet, failures=failures, on_article=show
        )
    for failure in failures:  # each on stderr as it is known, and exit 1 at the end
        err.write(error_text(failure.message, failure.hint, where=failure.name) + "\n")
    if len(failures) >= len(articles):  # every input failed: nothing to print or write
        raise DataError.of(ARTICLES_ALL_FAILED, failed=len(failures), s=plural_s(len(articles)))
    if not claims:
        err.write("no toll statements found\n")
    if output is None:  # checked as a file is: what validate would refuse is not printed
        out.write(merge_checked(None, claims, "<stdout>")[0])
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


def _located(name: str) -> str:
    return f"{'<stdin>' if name == '-' else name}:1:1"


def _raise_if_failed(failures: Sequence[ArticleFailure], articles: int) -> None:
    if failures:
        raise DataError.of(
            ARTICLES_FAILED, failed=len(failures), articles=articles, s=plural_s(articles)
        )
