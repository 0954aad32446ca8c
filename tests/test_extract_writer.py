"""Writing extracted claims: new files, --append round trips, duplicates, refusals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casualty_recon.cli.extract_run import write_claims
from casualty_recon.extract import extract_claims
from casualty_recon.load.loader import load
from casualty_recon.model.errors import UsageError

# Synthetic article written for this test (not a real report).
ARTICLE = (
    "Air strikes on a market in Idlib province killed at least 12 civilians on Sunday, "
    "the Syrian Observatory for Human Rights said. "
    "Five children were among the dead, the Observatory said."
)
EXISTING = """\
# my hand-kept file: keep this comment
version: 1
title: Test file

sources:
  Syrian Observatory:   # keyed by name, not acronym
    name: Syrian Observatory for Human Rights
    kind: monitor

claims:
- id: mine-1            # a claim I typed myself
  source: Syrian Observatory
  figure: at least 12
  population: civilians
  outcome: killed
  area: Idlib
  as_of: 2020-03-01
"""


def claims() -> list:  # type: ignore[type-arg]
    return extract_claims(
        [("synthetic.txt", ARTICLE)], published=dt.date(2020, 3, 2), outlet="Example News"
    )


def test_new_file_loads(tmp_path: Path) -> None:
    target = tmp_path / "sources.yaml"
    result = write_claims(target, claims(), append=False, force=False)
    assert result.created and len(result.added) == 2
    loaded = load(target)
    assert {c.figure.text for c in loaded.claims} == {"at least 12", "5"}
    assert loaded.sources["SOHR"].kind == "monitor"


def test_existing_file_is_never_touched_without_append_or_force(tmp_path: Path) -> None:
    target = tmp_path / "sources.yaml"
    target.write_text(EXISTING, encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        write_claims(target, claims(), append=False, force=False)
    assert "--append" in (caught.value.hint or "")
    assert target.read_text(encoding="utf-8") == EXISTING


def test_append_keeps_comments_reuses_source_and_skips_duplicates(tmp_path: Path) -> None:
    target = tmp_path / "sources.yaml"
    target.write_text(EXISTING, encoding="utf-8")
    result = write_claims(target, claims(), append=True, force=False)
    text = target.read_text(encoding="utf-8")
    assert text.startswith(EXISTING.split("claims:")[0])
    assert "# a claim I typed myself" in text and "# keyed by name, not acronym" in text
    assert result.sources_added == []  # the Observatory is already there under its own key
    assert len(result.skipped) == 1  # at least 12 civilians killed as of 2020-03-01
    assert len(result.added) == 1
    loaded = load(target)
    assert loaded.claims[0].id == "mine-1"
    assert all(c.source == "Syrian Observatory" for c in loaded.claims)
    # appending the same article again adds nothing
    again = write_claims(target, claims(), append=True, force=False)
    assert again.added == [] and target.read_text(encoding="utf-8") == text


def test_force_replaces(tmp_path: Path) -> None:
    target = tmp_path / "sources.yaml"
    target.write_text(EXISTING, encoding="utf-8")
    write_claims(target, claims(), append=False, force=True)
    assert "mine-1" not in target.read_text(encoding="utf-8")
    assert len(load(target).claims) == 2


def test_run_extract_prints_yaml_and_writes_files(tmp_path: Path) -> None:
    import io

    from casualty_recon.cli.extract_run import run_extract

    article = tmp_path / "article.html"
    article.write_text(f"<html><body><p>{ARTICLE}</p></body></html>", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    found = run_extract(
        [str(article)],
        published=dt.date(2020, 3, 2),
        url="https://example.org/a",
        outlet=None,
        output=None,
        append=False,
        force=False,
        stdout=out,
        stderr=err,
    )
    assert found == 2 and "url: https://example.org/a" in out.getvalue()
    with pytest.raises(UsageError):
        run_extract(
            [str(article)],
            published=None,
            url=None,
            outlet=None,
            output=None,
            append=True,
            force=False,
        )
