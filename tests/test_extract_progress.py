"""A batch of articles shows which article is being read, on a terminal only (issue 11 item 6).

The articles are synthetic, written for this test."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from casualty_recon.cli.extract_run import BATCH, run_extract

ARTICLE = "SYNTHETIC. Five civilians were killed in Idlib on Monday, the UN said.\n"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _batch(tmp_path: Path, count: int) -> list[str]:
    names = []
    for number in range(count):
        path = tmp_path / f"a{number}.txt"
        path.write_text(ARTICLE, encoding="utf-8")
        names.append(str(path))
    return names


@pytest.mark.parametrize("terminal", [True, False])
def test_a_batch_names_each_article_on_a_terminal_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, terminal: bool
) -> None:
    screen = Terminal() if terminal else io.StringIO()
    monkeypatch.setattr("sys.stderr", screen)
    out, err = io.StringIO(), io.StringIO()
    found = run_extract(
        _batch(tmp_path, BATCH),
        published=None,
        url=None,
        outlet=None,
        output=None,
        append=False,
        force=False,
        stdout=out,
        stderr=err,
    )
    assert found >= 1 and "claims:" in out.getvalue()
    shown = screen.getvalue()
    if terminal:
        assert f"of {BATCH}:" in shown
    else:
        assert shown == ""
