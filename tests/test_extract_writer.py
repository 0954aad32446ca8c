"""Writing extracted claims: new files, --append round trips, duplicates, refusals."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from casualty_recon.cli.extract_run import write_claims
from casualty_recon.extract import extract_claims
from casualty_recon.extract.fresh_yaml import fresh_document
from casualty_recon.load.loader import load, load_document, loads
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


def test_append_with_force_is_refused_and_the_file_is_untouched(tmp_path: Path) -> None:
    """--append keeps the file, --force replaces it: together they ask for both, so the
    command says so (exit 2) instead of silently appending."""
    from typer.testing import CliRunner

    from casualty_recon.cli.app import app

    target = tmp_path / "sources.yaml"
    target.write_text(EXISTING, encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    args = ["extract", str(article), "--published", "2020-03-02", "-o", str(target)]
    result = CliRunner().invoke(app, [*args, "--append", "--force"])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("error: ") and "--append" in lines[0] and "--force" in lines[0]
    assert "Traceback" not in result.stderr and len(lines) == 2  # the error and its hint
    assert target.read_text(encoding="utf-8") == EXISTING


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


# --- issue 16: concurrent appends, symlinks, the size of the file appended to ---------------


def _article(n: int) -> str:
    return (
        f"Air strikes on a market in Idlib province killed at least {100 + n} civilians on "
        "Sunday, the Syrian Observatory for Human Rights said."
    )


def _append_in_child(args: list[str]) -> tuple[int, str]:
    from typer.testing import CliRunner

    from casualty_recon.cli.app import app

    result = CliRunner().invoke(app, args)
    return result.exit_code, result.stderr


APPENDERS = 20  # processes appending at once (issue 16: twenty concurrent appends lose nothing)


def test_concurrent_appends_lose_no_claim(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    target = tmp_path / "sources.yaml"
    target.write_text(EXISTING, encoding="utf-8")
    jobs = []
    for n in range(APPENDERS):
        article = tmp_path / f"article-{n}.txt"
        article.write_text(_article(n), encoding="utf-8")
        jobs.append(
            ["extract", str(article), "--published", "2020-03-02", "-o", str(target), "--append"]
        )
    # Append once before forking (imports, gazetteer, loader and round-trip YAML caches), so
    # that the processes spend their time on the read-merge-write that the lock guards, not
    # each on its first round trip while the others wait for the lock.
    warm = tmp_path / "warm"
    warm.mkdir()
    (warm / "s.yaml").write_text(EXISTING, encoding="utf-8")
    (warm / "article.txt").write_text(_article(99), encoding="utf-8")
    warm_file = str(warm / "s.yaml")
    warmed = _append_in_child(
        [
            "extract",
            str(warm / "article.txt"),
            "--published",
            "2020-03-02",
            "-o",
            warm_file,
            "--append",
        ]
    )
    assert warmed[0] == 0, warmed
    monkeypatch.setenv("CASUALTY_RECON_LOCK_WAIT", "120")
    with multiprocessing.get_context("fork").Pool(APPENDERS) as pool:
        outcomes = pool.map(_append_in_child, jobs, chunksize=1)
    assert [code for code, _ in outcomes] == [0] * APPENDERS, outcomes
    assert all(err.startswith(f"added to {target}: 1 claim") for _, err in outcomes), outcomes
    figures = {claim.figure.text for claim in load(target).claims}
    assert figures == {"at least 12"} | {f"at least {100 + n}" for n in range(APPENDERS)}
    assert "# a claim I typed myself" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_append_through_a_symlink_writes_the_real_file_and_keeps_the_link(
    tmp_path: Path,
) -> None:
    real = tmp_path / "data" / "sources.yaml"
    real.parent.mkdir()
    real.write_text(EXISTING, encoding="utf-8")
    link = tmp_path / "sources.yaml"
    link.symlink_to(real)
    result = write_claims(link, claims(), append=True, force=False)
    assert len(result.added) == 1
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert len(load(real).claims) == 2


def test_append_to_a_file_over_the_input_limit_is_refused_while_reading(
    tmp_path: Path,
) -> None:
    from casualty_recon.model.errors import InputError

    target = tmp_path / "sources.yaml"
    with target.open("wb") as stream:
        stream.write(EXISTING.encode("utf-8"))
        stream.truncate(50 * 1024 * 1024)  # 50 MB, mostly a hole
    with pytest.raises(InputError) as caught:
        write_claims(target, claims(), append=True, force=False)
    assert caught.value.problems[0].code == "too-large"
    assert target.stat().st_size == 50 * 1024 * 1024


def test_append_to_a_device_is_refused(tmp_path: Path) -> None:
    import os
    import stat

    from casualty_recon.model.errors import InputError

    node = tmp_path / "zero"  # the zero device's numbers, made here, never a system node
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 5))
    except PermissionError:
        pytest.skip("making a device node needs root (or CAP_MKNOD)")
    with pytest.raises(InputError, match="character device"):
        write_claims(node, claims(), append=True, force=False)
    assert node.is_char_device()


# Synthetic article written for these tests (not a real report).
SES_ARTICLE = (
    "KYIV, March 20, 2022 - At least 37 civilians have been killed in Kharkiv Oblast since "
    "March 1, Ukraine's State Emergency Service said on Sunday."
)
SES_ENTRIES = {
    "a mapping with the name in the other word order": (
        "  SES:\n    name: State Emergency Service of Ukraine\n    kind: government\n"
    ),
    "a plain KEY: name entry": "  SES: Ukraine's State Emergency Service\n",
    "an acronym key with no name": "  SES:\n    kind: government\n",
}


@pytest.mark.parametrize("entry", list(SES_ENTRIES.values()), ids=list(SES_ENTRIES))
def test_append_reuses_a_source_written_another_way(tmp_path: Path, entry: str) -> None:
    """Issue 17 item 2: `Ukraine's State Emergency Service` is the file's `SES`."""
    target = tmp_path / "sources.yaml"
    target.write_text(f"version: 1\nsources:\n{entry}claims: []\n", encoding="utf-8")
    found = extract_claims([("ses.txt", SES_ARTICLE)], published=dt.date(2022, 3, 20))
    assert found and found[0].source.key != "SES"  # the extractor does not know the file
    result = write_claims(target, found, append=True, force=False)
    assert result.sources_added == []
    loaded = load(target)
    assert list(loaded.sources) == ["SES"]
    assert [c.source for c in loaded.claims] == ["SES"]
    assert [c.id for c in loaded.claims] == ["ses-2022-03-20"]  # the id follows the key


def test_fresh_file_writes_one_source_for_two_spellings(tmp_path: Path) -> None:
    other = (
        SES_ARTICLE.replace(
            "Ukraine's State Emergency Service", "the State Emergency Service of Ukraine"
        )
        .replace("37", "41")
        .replace("20,", "21,")
    )
    found = extract_claims(
        [("a.txt", SES_ARTICLE), ("b.txt", other)], published=dt.date(2022, 3, 21)
    )
    target = tmp_path / "sources.yaml"
    result = write_claims(target, found, append=False, force=False)
    assert len(result.sources_added) == 1
    assert len({c.source for c in load(target).claims}) == 1


@pytest.mark.parametrize(
    ("names", "known", "same"),
    [
        (["Ukraine's State Emergency Service"], ["State Emergency Service of Ukraine"], True),
        (["the Syrian Observatory for Human Rights"], ["Syrian Observatory, Human Rights"], True),
        (["Médecins Sans Frontières"], ["Medecins sans Frontieres"], True),
        (["State Emergency Service of Ukraine"], ["SES"], True),
        (["Syrian Observatory for Human Rights"], ["SOHR"], True),
        (["Syrian Emergency Service"], ["State Emergency Service"], False),
        (["Gaza Ministry of Health"], ["Syrian Ministry of Health"], False),
        (["State Emergency Service of Ukraine"], ["SESU Watch"], False),
        (["Human Rights Watch"], ["HR"], False),
    ],
)
def test_source_names_match_only_the_same_organisation(
    names: list[str], known: list[str], same: bool
) -> None:
    from casualty_recon.load.source_names import same_source

    assert same_source(names, known) is same
    assert same_source(known, names) is same


def test_a_claim_that_would_not_load_is_refused_and_no_file_written(tmp_path: Path) -> None:
    target = tmp_path / "sources.yaml"
    bad = dataclasses.replace(claims()[0], figure="a great many")
    with pytest.raises(UsageError, match="would not load"):
        write_claims(target, [bad], append=False, force=False)
    assert not target.exists()


def test_a_new_file_is_checked_on_the_data_its_text_reads_back_as() -> None:
    """The check of a new file builds the claims from the plain data the writer wrote the text
    from; on every synthetic article, they are the claims the text loads as."""
    folder = Path(__file__).parent / "extract_articles"
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
    fresh = fresh_document(extract_claims(texts, published=dt.date(2019, 8, 20)))
    from_text = loads(fresh.text, "sources.yaml")
    from_data = load_document(fresh.data, "sources.yaml")
    assert len(from_text.claims) >= 15
    assert from_text.claims == from_data.claims
    assert from_text.sources == from_data.sources
