"""The timelines chart: deterministic bytes, atomic writes, every series in the legend."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from casualty_recon.analysis.timeline import Series, build_timelines
from casualty_recon.load.loader import load
from casualty_recon.model.errors import UsageError
from casualty_recon.render.chart import RC, _figure, _panels, legend_name, render_chart, write_chart
from casualty_recon.render.timelines import ordered_series, series_names

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "sources.yaml"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def bundled() -> tuple[list[Series], str | None]:
    sources = load(BUNDLED)
    return build_timelines(sources.claims), sources.title


@pytest.mark.parametrize("suffix", [".PNG", ".svg"])
def test_same_input_gives_identical_bytes(
    tmp_path: Path, bundled: tuple[list[Series], str | None], suffix: str
) -> None:
    series, title = bundled
    first = tmp_path / f"first{suffix}"
    write_chart(series, title, first, force=False)
    # The second drawing of the same input in this process: the one the other tests read.
    second = chart_of("bundled", suffix[1:].lower())
    assert first.read_bytes() == second  # .PNG: the suffix's case does not matter
    assert len(first.read_bytes()) > 10_000


@pytest.fixture(scope="module")
def other_process() -> tuple[bytes, str]:
    """One other interpreter, with another hash seed, imports the chart module first and says
    whether that loaded matplotlib, draws the bundled chart as SVG (on its standard output)
    and as PNG, then says which matplotlib modules it loaded (on its standard error): one
    subprocess for the checks that need a fresh process."""
    code = (
        "import sys, casualty_recon.render.chart; "
        "print(f\"import-loads-matplotlib={'matplotlib' in sys.modules}\", file=sys.stderr); "
        "from casualty_recon.load.loader import load; "
        "from casualty_recon.analysis.timeline import build_timelines; "
        "from casualty_recon.render.chart import render_chart; "
        "s = load(sys.argv[1]); series = build_timelines(s.claims); "
        "sys.stdout.buffer.write(render_chart(series, s.title, 'svg')); "
        "render_chart(series, s.title, 'png'); "
        "print(' '.join(m for m in ('matplotlib.pyplot', 'matplotlib.backends.backend_agg') "
        "if m in sys.modules), file=sys.stderr)"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(BUNDLED)],
        check=True,
        capture_output=True,
        env=env,
        cwd=ROOT,
    )
    return done.stdout, done.stderr.decode("utf-8")


def test_bytes_do_not_depend_on_the_process(other_process: tuple[bytes, str]) -> None:
    """Another interpreter with another hash seed draws the same SVG."""
    other, _ = other_process
    assert other == svg_of("bundled")


def test_png_and_svg_by_suffix_with_no_timestamps() -> None:
    # What write_chart writes for chart.PNG and chart.svg: the same bytes as these
    # (test_same_input_gives_identical_bytes writes both suffixes and compares).
    png = chart_of("bundled", "png")
    svg = svg_of("bundled").decode("utf-8")
    assert png.startswith(PNG_SIGNATURE)
    assert b"tIME" not in png and b"Software" not in png
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg


def test_legend_names_every_series_and_the_title(bundled: tuple[list[Series], str | None]) -> None:
    series, title = bundled
    # Text is drawn as paths (no font needed to view the SVG); matplotlib keeps each string in
    # a comment beside its glyphs. Each panel's key names its series without the population
    # and outcome its axis already says.
    svg = svg_of("bundled").decode("utf-8")
    shown = ordered_series(series)
    names = series_names(shown)
    in_panel = series_names(shown, in_panel=True)
    assert len(names) == len([s for s in series if s.points])
    for item, name, panel_name in zip(shown, names, in_panel, strict=True):
        short = legend_name(panel_name)
        assert name.replace(f": {item.population} {item.outcome}, ", ": ", 1) == " ".join(
            short.split()
        )
        for line in short.splitlines():  # a long name wraps: each line is drawn
            assert f"<!-- {line} -->" in svg, line
    assert title is not None and f"<!-- {title} -->" in svg
    for key in ("exact figure", "range, low to high"):
        assert f"<!-- {key} -->" in svg


def test_refuses_to_overwrite_without_force(
    tmp_path: Path, bundled: tuple[list[Series], str | None]
) -> None:
    series, title = bundled
    target = tmp_path / "chart.svg"  # (an SVG draws in half the time of a PNG)
    target.write_bytes(b"keep me")
    with pytest.raises(UsageError, match="exists"):
        write_chart(series, title, target, force=False)
    assert target.read_bytes() == b"keep me"
    write_chart(series, title, target, force=True)
    assert target.read_bytes() == svg_of("bundled")
    assert [p.name for p in tmp_path.iterdir()] == ["chart.svg"]  # no temporary file left


@pytest.mark.parametrize("name", ["chart.pdf", "chart", "chart.png.txt"])
def test_other_suffixes_are_a_usage_error(tmp_path: Path, name: str) -> None:
    with pytest.raises(UsageError, match="unknown file type") as caught:
        write_chart([], None, tmp_path / name, force=False)
    assert caught.value.hint is not None and ".png or .svg" in caught.value.hint
    assert not (tmp_path / name).exists()


def test_missing_directory_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="there is no directory"):
        write_chart([], None, tmp_path / "nowhere" / "chart.svg", force=False)


def test_an_empty_file_still_draws_a_chart() -> None:
    svg = render_chart([], None, "svg").decode("utf-8")
    assert "<!-- no claims to draw -->" in svg
    assert "<!-- Casualty figures over time -->" in svg


def test_dollar_signs_in_a_title_are_text_not_mathtext(
    bundled: tuple[list[Series], str | None],
) -> None:
    series, _ = bundled
    ohchr = [s for s in series if s.source == "OHCHR"]  # the title, not the series, is tested
    svg = render_chart(ohchr, "Costs in $ and $x^2$ \x1b[31m", "svg").decode("utf-8")
    assert "<!-- Costs in $ and $x^2$ [31m -->" in svg


def test_importing_the_chart_module_does_not_load_matplotlib(
    other_process: tuple[bytes, str],
) -> None:
    _, said = other_process  # the chart module imported first in a fresh interpreter
    assert "import-loads-matplotlib=False" in said.split()


# --- a chart a newsroom would print ---------------------------------------------------------------

YEMEN = ROOT / "tests" / "charts" / "yemen-synthetic.yaml"


@functools.cache
def chart_of(which: str, fmt: str) -> bytes:
    """The chart of the bundled or the Yemen file, drawn once for the tests that only read it
    (the drawing is deterministic: test_same_input_gives_identical_bytes)."""
    sources = load(BUNDLED if which == "bundled" else YEMEN)
    return render_chart(build_timelines(sources.claims), sources.title, fmt)


def svg_of(which: str) -> bytes:
    return chart_of(which, "svg")


def comments(svg: bytes) -> list[str]:
    import re

    return re.findall(r"<!-- (.*?) -->", svg.decode("utf-8"))


@pytest.fixture(scope="module")
def yemen() -> tuple[list[Series], str | None]:
    sources = load(YEMEN)
    return build_timelines(sources.claims), sources.title


def test_the_key_is_built_from_the_files_own_figures(
    bundled: tuple[list[Series], str | None], yemen: tuple[list[Series], str | None]
) -> None:
    syria = comments(svg_of("bundled"))
    other = comments(svg_of("yemen"))
    assert "(OHCHR: 1,089)" in syria
    assert not any("1,089" in text or "OHCHR" in text for text in other)
    assert "(Monitor A: 212)" in other  # the first exact figure drawn
    assert "(Monitor B: between 300 and 420)" in other
    assert "(late May 2018)" in other  # the file's own as-of period


def test_the_title_follows_the_sources_and_the_file(
    bundled: tuple[list[Series], str | None],
) -> None:
    series, title = bundled
    chosen = [s for s in series if s.source in {"OHCHR", "SNHR"}]
    texts = comments(render_chart(chosen, title, "svg", sources=["OHCHR", "SNHR"]))
    assert f"OHCHR and SNHR: {title}" in texts
    assert not any(text.startswith("SOHR") for text in texts)


def test_one_panel_per_population_and_outcome(
    bundled: tuple[list[Series], str | None], yemen: tuple[list[Series], str | None]
) -> None:
    syria = comments(svg_of("bundled"))
    for axis in (
        "civilians killed",
        "children killed",
        "people killed",
        "children killed or injured",
    ):
        assert axis in syria  # each its own y axis label
    assert "count" not in syria
    other = comments(svg_of("yemen"))
    assert {"civilians killed", "children killed", "civilians injured"} <= set(other)


def test_a_far_point_is_an_annotated_arrow_and_the_axis_ends_before_it(
    yemen: tuple[list[Series], str | None], bundled: tuple[list[Series], str | None]
) -> None:
    from casualty_recon.render.chart import _x_limits

    series, _ = yemen
    _, right, cut = _x_limits(ordered_series(series))
    import datetime as dt

    from matplotlib import dates as mdates

    last_bulk = mdates.date2num(dt.datetime(2018, 6, 30))
    assert cut == last_bulk and right < mdates.date2num(dt.datetime(2018, 8, 1))
    assert "Agency C: more than 1,100, 31 Dec 2018 \u2192" in comments(svg_of("yemen"))
    syria = comments(svg_of("bundled"))
    assert "White Helmets: more than 1,600, 23 Dec 2019 \u2192" in syria


def test_every_series_has_a_colour_of_its_own(
    bundled: tuple[list[Series], str | None],
) -> None:
    import re

    series, _ = bundled
    svg = svg_of("bundled").decode("utf-8")
    shown = ordered_series(series)
    assert len(shown) == 19  # series are by scope: UOSSM's two areas are two series
    from casualty_recon.render.chart import SERIES_COLOURS

    used = {c for c in SERIES_COLOURS if re.search(f"stroke: {c.lower()}", svg.lower())}
    assert len(used) == len(shown)  # 19 series, 19 colours (all four SOHR series differ)


@pytest.mark.parametrize(
    ("outcome", "people"), [("killed", "civilians killed"), ("died", "civilians who died")]
)
def test_more_than_twenty_series_in_a_panel_asks_for_sources(outcome: str, people: str) -> None:
    from casualty_recon.analysis.timeline import build_timelines as build

    rows = ["version: 1", "sources:"]
    rows += [f"  S{i}: {{kind: ngo}}" for i in range(21)]
    rows.append("claims:")
    for i in range(21):
        rows += [
            f"  - {{id: c{i}, source: S{i}, figure: {10 + i}, population: civilians,",
            f"     outcome: {outcome}, area: Idlib, as_of: 2019-05-01,",
            f"     url: 'https://example.org/{i}'}}",
        ]
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "many.yaml"
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        series = build(load(path).claims)
    with pytest.raises(UsageError, match="too many for one chart") as caught:
        render_chart(series, None, "svg")
    assert caught.value.hint == "choose sources with --source"
    assert f"21 series of {people} are too many" in str(caught.value)  # not "civilians died"


def test_matplotlib_is_used_with_the_agg_backend_only(other_process: tuple[bytes, str]) -> None:
    _, loaded = other_process  # after drawing a PNG (and an SVG) in a fresh interpreter
    assert "matplotlib.pyplot" not in loaded.split()
    assert "matplotlib.backends.backend_agg" in loaded.split()


def test_report_chart_with_one_pair_draws_its_waterfall(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from casualty_recon.cli.app import app

    target = tmp_path / "pair.svg"
    result = CliRunner().invoke(
        app,
        [
            "report",
            str(BUNDLED),
            "--pair",
            "uossm-2019-08-20",
            "ocha-reuters-2019-08-20",
            "--chart",
            str(target),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"wrote {target}\n"
    texts = comments(target.read_bytes())
    for label in ("b", "+ as_of", "+ perpetrators", "adjusted b", "a"):
        assert label in texts
    assert "+225.5 to +336" in texts and "687.8 to 837" in texts
    assert "+ basis" not in texts  # no paired bases independent of the pair size it


def test_every_key_stays_inside_the_figure() -> None:
    """A series named by a party group's members ('by Russian forces and Syrian government
    (pro-government), verified') ran past the right edge of the figure and lost its basis;
    long names wrap, and every key, drawn, lies inside the figure (synthetic claims)."""
    import matplotlib

    from casualty_recon.load.loader import loads

    long_group = "a synthetic group of many parties with a long name"
    text = (
        "version: 1\n"
        f"parties: {{{long_group}: [Syrian government, Russian forces]}}\n"
        "sources: {Syrian Network for Human Rights and Partners: {kind: ngo}}\n"
        "claims:\n"
        + "".join(
            f"  - {{id: c{i}, source: Syrian Network for Human Rights and Partners, "
            f"figure: {figure}, population: civilians, outcome: killed, perpetrators: {who}, "
            f"area: Idlib, as_of: 2019-0{month}-01, basis: documented}}\n"
            for i, (figure, who, month) in enumerate(
                [(100, long_group, 5), (200, long_group, 6), (300, "any", 5), (400, "any", 6)]
            )
        )
    )
    series = ordered_series(build_timelines(loads(text, "synthetic.yaml").claims))
    assert max(len(n) for n in series_names(series)) > 100  # long enough to run past the edge
    panels = _panels(series, series_names(series, in_panel=True))  # as the chart names them
    colours = {id(item): "#000000" for item in series}
    shapes = {item.source: "o" for item in series}
    with matplotlib.rc_context(RC):
        figure = _figure(panels, colours, shapes, series, "A synthetic chart")
        renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
        edge = figure.bbox
        legends = [legend for axes in figure.axes if (legend := axes.get_legend())]
        legends += figure.legends
        assert len(legends) == 2
        for legend in legends:
            box = legend.get_window_extent(renderer)
            assert box.x0 >= edge.x0 and box.x1 <= edge.x1, (box, edge)
            assert box.y0 >= edge.y0 and box.y1 <= edge.y1, (box, edge)


def _tick_texts(text: str) -> tuple[list[str], str]:
    """The bottom axis' tick labels and offset of the chart of a synthetic file, drawn."""
    import matplotlib

    from casualty_recon.load.loader import loads

    series = ordered_series(build_timelines(loads(text, "synthetic.yaml").claims))
    names = series_names(series, in_panel=True)
    with matplotlib.rc_context(RC):
        figure = _figure(
            _panels(series, names),
            {id(item): "#000000" for item in series},
            {item.source: "o" for item in series},
            series,
            "A synthetic chart",
        )
        figure.canvas.draw()
        axes = figure.axes[-1]
        labels = [t.get_text() for t in axes.get_xticklabels() if t.get_text()]
        return labels, axes.xaxis.get_offset_text().get_text()


def _dated_claims(*days: str) -> str:
    return "version: 1\nsources: {A: {kind: ngo}}\nclaims:\n" + "".join(
        f"  - {{id: c{i}, source: A, figure: {100 + i}, population: civilians, "
        f"outcome: killed, area: Idlib, as_of: {day}, basis: documented}}\n"
        for i, day in enumerate(days)
    )


def test_date_ticks_name_their_month_and_year() -> None:
    """Points of December 2023 and January 2024 were ticked '08', '15', '22', 'Jan', '08' over
    an offset '2024-Jan': the December days read as January 2024. Every tick now names its month,
    the year is on the ticks where the axis crosses years and once at its end where it does not."""
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    labels, offset = _tick_texts(_dated_claims("2023-12-06", "2023-12-20", "2024-01-15"))
    assert labels and all(any(m in label for m in months) for label in labels), labels
    assert "Jan 2024" in labels and offset == ""
    labels, offset = _tick_texts(_dated_claims("2023-11-05", "2023-11-10"))
    assert labels and all(label.endswith("Nov") for label in labels), labels
    assert offset == "2023"


@pytest.mark.parametrize(
    "days", [("2023-12-06",), ("2023-12-06", "2024-01-15")], ids=["one day", "one day and later"]
)
def test_a_chart_of_one_day_is_ticked_in_days(days: tuple[str, ...]) -> None:
    """One point (or one and a later one, which was cut off as 'far' and left a bulk of a single
    day) gave an axis under a day wide, ticked '18:00', '20:00', '22:00'."""
    labels, _ = _tick_texts(_dated_claims(*days))
    assert labels and not any(":" in label for label in labels), labels


def _first_strong(line: str) -> str:
    import unicodedata

    kinds = (unicodedata.bidirectional(char) for char in line)
    return next((kind for kind in kinds if kind in ("L", "R", "AL")), "")


def test_a_name_in_arabic_script_keeps_every_chart_line_left_to_right() -> None:
    """A source named in Arabic, then in English, wrapped over three lines of the key: the first
    line, led by Arabic letters, was laid out right to left ('Ministry of Health of the - <the
    Arabic>' over 'Palestinian Authority, ...'). Every line of every text drawn now starts left
    to right (synthetic name; the figure is MoH's of 31 December 2023, gaza-daily.json)."""
    import matplotlib
    from matplotlib.text import Text

    from casualty_recon.load.loader import loads

    name = "وزارة الصحة الفلسطينية - Ministry of Health of the Palestinian Authority, Gaza Strip"
    text = (
        f"version: 1\ntitle: '{name}'\nsources: {{'{name}': {{kind: government}}}}\nclaims:\n"
        f"  - {{id: m1, source: '{name}', figure: 21822, population: people, outcome: killed,"
        " area: Gaza, as_of: 2023-12-31, basis: reported}\n"
    )
    series = ordered_series(build_timelines(loads(text, "synthetic.yaml").claims))
    panels = _panels(series, series_names(series, in_panel=True))
    with matplotlib.rc_context(RC):
        figure = _figure(panels, {id(s): "#000000" for s in series}, {name: "o"}, series, name)
        drawn = [t.get_text() for t in figure.findobj(Text) if "وزارة" in t.get_text()]
    assert len(drawn) >= 3  # the title, the series' key, the reading key's example
    lines = [line for text_ in drawn for line in text_.split("\n") if line.strip()]
    assert all(_first_strong(line) == "L" for line in lines), lines
