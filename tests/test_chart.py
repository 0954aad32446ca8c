"""The timelines chart: deterministic bytes, atomic writes, every series in the legend."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from casualty_recon.analysis.timeline import Series, build_timelines
from casualty_recon.load.loader import load
from casualty_recon.model.errors import UsageError
from casualty_recon.render.chart import render_chart, write_chart
from casualty_recon.render.timelines import ordered_series, series_names

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "sources.yaml"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def bundled() -> tuple[list[Series], str | None]:
    sources = load(BUNDLED)
    return build_timelines(sources.claims), sources.title


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_same_input_gives_identical_bytes(
    tmp_path: Path, bundled: tuple[list[Series], str | None], suffix: str
) -> None:
    series, title = bundled
    first, second = tmp_path / f"first{suffix}", tmp_path / f"second{suffix}"
    write_chart(series, title, first, force=False)
    write_chart(series, title, second, force=False)
    assert first.read_bytes() == second.read_bytes()
    assert len(first.read_bytes()) > 10_000


def test_bytes_do_not_depend_on_the_process(bundled: tuple[list[Series], str | None]) -> None:
    """Another interpreter with another hash seed draws the same SVG."""
    series, title = bundled
    code = (
        "import sys; from casualty_recon.load.loader import load; "
        "from casualty_recon.analysis.timeline import build_timelines; "
        "from casualty_recon.render.chart import render_chart; "
        "s = load(sys.argv[1]); "
        "sys.stdout.buffer.write(render_chart(build_timelines(s.claims), s.title, 'svg'))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    other = subprocess.run(
        [sys.executable, "-c", code, str(BUNDLED)], check=True, capture_output=True, env=env
    ).stdout
    assert other == render_chart(series, title, "svg")


def test_png_and_svg_by_suffix_with_no_timestamps(
    tmp_path: Path, bundled: tuple[list[Series], str | None]
) -> None:
    series, title = bundled
    write_chart(series, title, tmp_path / "chart.PNG", force=False)
    write_chart(series, title, tmp_path / "chart.svg", force=False)
    png = (tmp_path / "chart.PNG").read_bytes()
    svg = (tmp_path / "chart.svg").read_text(encoding="utf-8")
    assert png.startswith(PNG_SIGNATURE)
    assert b"tIME" not in png and b"Software" not in png
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg


def test_legend_names_every_series_and_the_title(bundled: tuple[list[Series], str | None]) -> None:
    series, title = bundled
    # Text is drawn as paths (no font needed to view the SVG); matplotlib keeps each string in
    # a comment beside its glyphs.
    svg = render_chart(series, title, "svg").decode("utf-8")
    names = series_names(ordered_series(series))
    assert len(names) == len([s for s in series if s.points])
    for name in names:
        assert f"<!-- {name} -->" in svg, name
    assert title is not None and f"<!-- {title} -->" in svg
    assert "<!-- count -->" in svg
    for key in ("exact figure (1,089)", "range (between 160 and 300)"):
        assert f"<!-- {key} -->" in svg


def test_refuses_to_overwrite_without_force(
    tmp_path: Path, bundled: tuple[list[Series], str | None]
) -> None:
    series, title = bundled
    target = tmp_path / "chart.png"
    target.write_bytes(b"keep me")
    with pytest.raises(UsageError, match="exists"):
        write_chart(series, title, target, force=False)
    assert target.read_bytes() == b"keep me"
    write_chart(series, title, target, force=True)
    assert target.read_bytes().startswith(PNG_SIGNATURE)
    assert [p.name for p in tmp_path.iterdir()] == ["chart.png"]  # no temporary file left


@pytest.mark.parametrize("name", ["chart.pdf", "chart", "chart.png.txt"])
def test_other_suffixes_are_a_usage_error(tmp_path: Path, name: str) -> None:
    with pytest.raises(UsageError, match="unknown file type") as caught:
        write_chart([], None, tmp_path / name, force=False)
    assert caught.value.hint is not None and ".png or .svg" in caught.value.hint
    assert not (tmp_path / name).exists()


def test_missing_directory_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not a directory"):
        write_chart([], None, tmp_path / "nowhere" / "chart.svg", force=False)


def test_an_empty_file_still_draws_a_chart() -> None:
    svg = render_chart([], None, "svg").decode("utf-8")
    assert "<!-- no claims to draw -->" in svg
    assert "<!-- Casualty figures over time -->" in svg


def test_dollar_signs_in_a_title_are_text_not_mathtext(
    bundled: tuple[list[Series], str | None],
) -> None:
    series, _ = bundled
    svg = render_chart(series, "Costs in $ and $x^2$ \x1b[31m", "svg").decode("utf-8")
    assert "<!-- Costs in $ and $x^2$ [31m -->" in svg


def test_importing_the_chart_module_does_not_load_matplotlib() -> None:
    code = "import sys, casualty_recon.render.chart; assert 'matplotlib' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
