"""The timelines chart: every series of a file on one date axis, as PNG or SVG.

One line per source and scope (a series), one colour per source and one marker shape per scope
within a source. Exact figures are filled markers; floors ("at least", "more than") are open
markers with an upward arrow, drawn at their bound; ranges are vertical bars with caps; an
as-of date that is a period ("late August") is a horizontal bar across it. Series with one date
are drawn as markers without a line, so every source in the file is on the chart.

The chart is drawn on a `matplotlib.figure.Figure` with no pyplot and no GUI backend, so it
works headless and never touches global backend state. The bytes are deterministic: fixed size,
DPI, font, SVG hash salt, no mathtext, and no date or software version in the metadata, so the
same input gives identical files. matplotlib is imported inside the function (start-up budget).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from casualty_recon.analysis.timeline import Point, Series
from casualty_recon.grammar.wording import and_list, figure_words, people_words, short_day
from casualty_recon.model.errors import UsageError
from casualty_recon.model.usage import (
    CHART_FORMAT_UNKNOWN,
    CHART_NO_SUFFIX,
    CHART_TOO_MANY,
    CHART_TYPE_UNKNOWN,
    FILE_EXISTS,
)
from casualty_recon.render.atomic import write_new_file
from casualty_recon.render.claims import clean, ltr_lines
from casualty_recon.render.timelines import ordered_series, series_names

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.path import Path as MarkerPath


__all__ = ["CHART_FORMATS", "chart_format_of", "chart_title", "render_chart", "write_chart"]

CHART_FORMATS = {".png": "png", ".svg": "svg"}
DEFAULT_TITLE = "Casualty figures over time"

# Twenty colours, no two alike, dark enough on white: Okabe-Ito first, then tab10's others and
# darker shades; fixed for determinism. A panel never holds more series than colours.
SERIES_COLOURS = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#000000",
    "#8C564B",
    "#7F7F7F",
    "#BCBD22",
    "#9467BD",
    "#17BECF",
    "#D62728",
    "#2CA02C",
    "#393B79",
    "#843C39",
    "#637939",
    "#7B4173",
    "#8C6D31",
    "#3182BD",
)
MAX_SERIES = len(SERIES_COLOURS)
PERIOD_WIDTH = 4.0  # an as-of period: a thick translucent band, unlike any series line
PERIOD_ALPHA = 0.35
LineStyle = Literal["-", "--", ":", "-.", "none"]
LINE_STYLES: tuple[LineStyle, ...] = ("-", "--", ":", "-.")
SHAPES = ("circle", "square", "diamond", "triangle", "pentagon", "triangle_down", "hexagon")
SHAPE_RADIUS = 0.4  # in marker units; the floor arrow rises to 1.3
FLOOR_TOP = 1.3
EXACT_SIZE = 7.0
# Characters a line of a panel's key holds inside the figure (at its font size, 8).
LEGEND_WIDTH = 52
FLOOR_SIZE = EXACT_SIZE * FLOOR_TOP / SHAPE_RADIUS
LEGEND_FLOOR_SIZE = FLOOR_SIZE * 0.6

RC: Any = {
    "svg.hashsalt": "casualty-recon",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "text.usetex": False,
    "text.parse_math": False,
    "path.simplify": False,
}
METADATA: dict[str, dict[str, Any]] = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
}


def write_chart(
    series: list[Series],
    title: str | None,
    path: Path,
    *,
    force: bool,
    sources: Sequence[str] = (),
) -> None:
    """Draw `series` to `path` (.png or .svg), atomically; refuse to overwrite without force.
    `sources`, the `--source` names the series were chosen by, go into the title."""
    path = Path(path)
    chart_format = chart_format_of(path)
    if not force and (path.exists() or path.is_symlink()):
        # Checked again, race-free, by write_new_file; this saves drawing for nothing.
        raise UsageError.of(FILE_EXISTS, path=path)
    write_new_file(path, render_chart(series, title, chart_format, sources=sources), force=force)


def chart_format_of(path: Path) -> str:
    chart_format = CHART_FORMATS.get(path.suffix.lower())
    if chart_format is None:
        template = CHART_TYPE_UNKNOWN if path.suffix else CHART_NO_SUFFIX
        raise UsageError.of(template, name=path.name, suffix=path.suffix)
    return chart_format


def chart_title(title: str | None, sources: Sequence[str] = ()) -> str:
    """The file's title, led by the sources chosen with `--source`."""
    base = clean(title or DEFAULT_TITLE)
    if not sources:
        return base
    return f"{clean(and_list(list(dict.fromkeys(sources))))}: {base}"


class _Panel(NamedTuple):
    """One panel: the series of one population and outcome."""

    population: str
    outcome: str
    series: list[Series]
    names: list[str]


def _panels(shown: Sequence[Series], names: Sequence[str]) -> list[_Panel]:
    groups: dict[tuple[str, str], list[tuple[Series, str]]] = {}
    for item, name in zip(shown, names, strict=True):
        groups.setdefault((item.population, item.outcome), []).append((item, name))
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [
        _Panel(population, outcome, [s for s, _ in members], [n for _, n in members])
        for (population, outcome), members in ordered
    ]


def _x_limits(shown: Sequence[Series]) -> tuple[float, float, float]:
    """(left, right, cut): the x range drawn, ending at the last point of the bulk plus a
    margin; points after `cut` are far outside and drawn as annotated arrows at the edge."""
    days = sorted(
        {_x(p) for s in shown for p in s.points}
        | {_day_number(d) for s in shown for p in s.points for d in (p.earliest, p.latest)}
    )
    first, last = days[0], days[-1]
    cut = last
    # A few late points, after a gap longer than half of everything before them, are far.
    for k in range(len(days) - 1, max(0, int(len(days) * 0.9)) - 1, -1):
        if k <= 1:  # a bulk of one day is no bulk: draw every point
            break
        gap = days[k] - days[k - 1]
        if gap > 30 and gap > 0.5 * (days[k - 1] - first):
            cut = days[k - 1]
            break
    span = max(cut - first, 10.0)
    pad = (span - (cut - first)) / 2  # at least 10 days drawn: ticks of days, never of hours
    # Margins kept within the years matplotlib can draw (1 to 9999).
    left = max(first - pad - span * 0.03, _day_number(dt.date(1, 1, 2)))
    right = min(cut + pad + span * 0.06, _day_number(dt.date(9999, 12, 30)))
    return left, right, cut


def render_chart(
    series: Sequence[Series],
    title: str | None,
    chart_format: str,
    *,
    sources: Sequence[str] = (),
) -> bytes:
    """The chart as PNG or SVG bytes (`chart_format` is "png" or "svg").

    One panel per population and outcome (children are never drawn on the civilians' axis),
    each with its own key of series; one colour per series (no two alike in a panel, up to
    20; beyond that, choose sources with --source) and one marker shape per source. The x axis
    ends at the last point of the bulk plus a margin; a point far beyond is an arrow at the
    edge, labelled with its figure and date. The reading key below is built from the file's
    own figures."""
    if chart_format not in METADATA:
        raise UsageError.of(CHART_FORMAT_UNKNOWN, chart_format=chart_format)
    import matplotlib

    shown = ordered_series(series)
    names = [clean(n) for n in series_names(shown, in_panel=True)]
    panels = _panels(shown, names)
    for panel in panels:
        if len(panel.series) > MAX_SERIES:
            raise UsageError.of(
                CHART_TOO_MANY,
                count=len(panel.series),
                people=people_words(panel.population, panel.outcome),
                limit=MAX_SERIES,
            )
    # A colour per series: unique over the whole chart up to 20 series, else within each panel.
    colours: dict[int, str] = {}
    for panel in panels:
        for index, item in enumerate(panel.series):
            number = len(colours) if len(shown) <= MAX_SERIES else index
            colours[id(item)] = SERIES_COLOURS[number]
    source_shape: dict[str, str] = {}
    for item in shown:
        source_shape.setdefault(item.source, SHAPES[len(source_shape) % len(SHAPES)])
    with matplotlib.rc_context(RC):
        figure = _figure(panels, colours, source_shape, shown, chart_title(title, sources))
        buffer = io.BytesIO()
        figure.savefig(buffer, format=chart_format, metadata=METADATA[chart_format])
    return buffer.getvalue()


def _figure(
    panels: Sequence[_Panel],
    colours: dict[int, str],
    source_shape: dict[str, str],
    shown: Sequence[Series],
    title: str,
) -> Figure:
    """The chart's figure, drawn (inside the caller's `rc_context`)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    # Heights in inches: the title, each panel (tall enough for its key), the reading key.
    heights = [max(1.9, 0.26 * _legend_lines(p) + 0.6) for p in panels] or [4.0]
    if len(panels) == 1:
        heights[0] = max(heights[0], 4.6)
    top, gap, bottom = 0.9, 0.45, 2.0
    total = top + sum(heights) + gap * (len(heights) - 1) + bottom
    figure = Figure(figsize=(12, total), layout=None)
    FigureCanvasAgg(figure)
    has = {"exact": None, "floor": None, "range": None, "period": None, "far": None}
    limits = _x_limits(shown) if shown else None
    y = total - top
    first_axes: Axes | None = None
    for number, height in enumerate(heights):
        y -= height
        rect = (0.07, y / total, 0.56, height / total)
        axes = figure.add_axes(rect, sharex=first_axes) if first_axes else figure.add_axes(rect)
        first_axes = first_axes or axes
        last = number == len(heights) - 1
        if panels:
            _draw_panel(axes, panels[number], colours, source_shape, has, limits, last)
        else:
            axes.text(0.5, 0.5, "no claims to draw", ha="center", va="center")
            axes.set_ylabel("count")
        _style_axes(axes, last)
        y -= gap
    figure.suptitle(
        ltr_lines("\n".join(textwrap.wrap(title, 95))),
        x=0.07,
        y=1 - 0.25 / total,
        ha="left",
        va="top",
        fontsize=13,
    )
    key = _key_handles(has)
    figure.legend(
        handles=key,
        title="How to read (examples from this file)",
        loc="lower left",
        bbox_to_anchor=(0.03, 0.1 / total),
        ncols=min(3, len(key)),
        fontsize=8,
        title_fontsize=8.5,
        labelspacing=0.9,
        alignment="left",
        frameon=False,
    )
    return figure


def legend_name(name: str) -> str:
    """A series' name in its panel's key (`series_names(..., in_panel=True)`: without the
    population and outcome the panel's axis says), wrapped to lines of `LEGEND_WIDTH` so that a
    long name (a party group said by its members) stays inside the figure."""
    lines = textwrap.wrap(name, LEGEND_WIDTH, subsequent_indent="  ", break_on_hyphens=False)
    return ltr_lines("\n".join(lines))


def _legend_lines(panel: _Panel) -> int:
    return sum(legend_name(n).count("\n") + 1 for n in panel.names)


def _style_axes(axes: Axes, last: bool) -> None:
    from matplotlib import dates as mdates
    from matplotlib.ticker import StrMethodFormatter

    locator = mdates.AutoDateLocator()  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    # Every tick names its month ('08 Dec', 'Jan'): the default's bare days under an offset of
    # the last tick's month ('08', '15' over '2024-Jan' for days of December 2023) misdated the
    # points. Within one year the year is written once, at the axis' end ('2023'); across years
    # each new month's tick carries it ('Jan 2024').
    left, right = (mdates.num2date(x).year for x in axes.get_xlim())  # type: ignore[no-untyped-call]
    formatter = mdates.ConciseDateFormatter(  # type: ignore[no-untyped-call]
        locator,
        formats=["%Y", "%b", "%d %b", "%H:%M", "%H:%M", "%S.%f"],
        zero_formats=["", "%Y", "%b" if left == right else "%b %Y", "%d %b", "%H:%M", "%H:%M"],
        offset_formats=["", "%Y", "%Y", "%Y", "%Y", "%Y"],
        show_offset=left == right,
    )
    axes.xaxis.set_major_formatter(formatter)
    axes.xaxis_date()
    if last:
        axes.set_xlabel("as of (the day each count runs to)")
    else:
        axes.tick_params(labelbottom=False)
    axes.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    axes.grid(True, axis="y", color="#DDDDDD", linewidth=0.8)
    axes.set_axisbelow(True)
    for spine in ("top", "right"):
        axes.spines[spine].set_visible(False)


def _draw_panel(
    axes: Axes,
    panel: _Panel,
    colours: dict[int, str],
    source_shape: dict[str, str],
    has: dict[str, Any],
    limits: tuple[float, float, float] | None,
    last: bool,
) -> None:
    handles = []
    tops = [0.0]
    for item, name in zip(panel.series, panel.names, strict=True):
        colour = colours[id(item)]
        shape = source_shape[item.source]
        _draw_series(axes, item, colour, shape, "-", has)
        short = legend_name(name)
        handles.append(_series_handle(item, short, colour, shape, "-"))
        tops += [p.value.high if p.value.high != float("inf") else p.value.low for p in item.points]
        tops += [p.claim.figure.low for p in item.points]
    axes.set_ylim(0, max(tops) * 1.15 or 1)
    if limits is not None:
        left, right, cut = limits
        axes.set_xlim(left, right)
        for item in panel.series:
            colour = colours[id(item)]
            for point in item.points:
                if _x(point) > cut:
                    _far_arrow(axes, point, colour, right)
                    has["far"] = point
    axes.set_ylabel(people_words(panel.population, panel.outcome))
    axes.legend(
        handles=handles,
        title=f"{people_words(panel.population, panel.outcome)} (source: by whom, basis)",
        loc="upper left",
        bbox_to_anchor=(1.02, 1.0),
        fontsize=8,
        title_fontsize=8.5,
        labelspacing=0.55,
        alignment="left",
        frameon=False,
    )


def _far_arrow(axes: Axes, point: Point, colour: str, right: float) -> None:
    """A point beyond the axis: an arrow at the right edge at its height, with its figure and
    date written beside it."""
    value = point.claim.figure.low
    axes.plot(
        [right],
        [value],
        linestyle="none",
        marker=">",
        markersize=9,
        color=colour,
        clip_on=False,
        zorder=5,
    )
    axes.annotate(
        ltr_lines(f"{_example(point)}, {short_day(point.latest)} \u2192"),
        xy=(right, value),
        xytext=(-10, 0),
        textcoords="offset points",
        ha="right",
        va="center",
        fontsize=8,
        color=colour,
        bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none"},
        zorder=6,
    )


# --- drawing -----------------------------------------------------------------------------------


def _day_number(day: dt.date) -> float:
    """matplotlib's number for the day (date2num), counted from one date2num call: the same
    float, without its conversion through numpy for every point."""
    return _epoch_number() + (day.toordinal() - _EPOCH_DAY.toordinal())


_EPOCH_DAY = dt.date(2000, 1, 1)


@functools.cache
def _epoch_number() -> float:
    from matplotlib import dates as mdates

    return float(mdates.date2num(dt.datetime.combine(_EPOCH_DAY, dt.time())))  # type: ignore[no-untyped-call]


def _x(point: Point) -> float:
    return (_day_number(point.earliest) + _day_number(point.latest)) / 2


def _y(point: Point) -> float:
    return point.value.mid


def _draw_series(
    axes: Axes,
    series: Series,
    colour: str,
    shape: str,
    style: LineStyle,
    has: dict[str, Any],
) -> None:
    """One series: its line, then one artist for each kind of mark (periods, floors, exact
    figures, ranges) holding all its points of that kind, not one artist a point (at 100,000
    claims, 100,000 artists took most of 305 s and 2.4 GB)."""
    xs = [_x(p) for p in series.points]
    ys = [_y(p) for p in series.points]
    if len(series.points) > 1:
        axes.plot(xs, ys, color=colour, linestyle=style, linewidth=1.6, alpha=0.85, zorder=2)
    periods: tuple[list[float], list[float], list[float]] = ([], [], [])
    floors: tuple[list[float], list[float]] = ([], [])
    exact: tuple[list[float], list[float]] = ([], [])
    ranges: tuple[list[float], list[float], list[float]] = ([], [], [])
    for point, x, y in zip(series.points, xs, ys, strict=True):
        figure = point.claim.figure
        if point.earliest != point.latest:
            has["period"] = has["period"] or point
            _append(periods, y, _day_number(point.earliest), _day_number(point.latest))
        if figure.is_floor:
            has["floor"] = has["floor"] or point
            _append(floors, x, figure.low)
        elif figure.is_point:
            has["exact"] = has["exact"] or point
            _append(exact, x, figure.low)
        else:
            has["range"] = has["range"] or point
            _append(ranges, x, figure.low, figure.high if figure.high is not None else figure.low)
    if periods[0]:
        axes.hlines(*periods, colors=colour, linewidth=PERIOD_WIDTH, alpha=PERIOD_ALPHA, zorder=3)
    if floors[0]:
        axes.plot(
            *floors,
            linestyle="none",
            marker=_floor_marker(shape),
            markersize=FLOOR_SIZE,
            markeredgecolor=colour,
            markerfacecolor="white",
            markeredgewidth=1.5,
            zorder=4,
        )
    if exact[0]:
        axes.plot(
            *exact,
            linestyle="none",
            marker=_marker(shape),
            markersize=EXACT_SIZE,
            color=colour,
            zorder=4,
        )
    if ranges[0]:
        axes.vlines(*ranges, colors=colour, linewidth=2.5, zorder=3)
        axes.plot(  # the caps: one at each end of every range
            [x for x in ranges[0] for _ in (0, 1)],
            [v for pair in zip(ranges[1], ranges[2], strict=True) for v in pair],
            linestyle="none",
            marker="_",
            markersize=12,
            markeredgewidth=2.5,
            color=colour,
            zorder=3,
        )


def _append(columns: tuple[list[float], ...], *values: float) -> None:
    for column, value in zip(columns, values, strict=True):
        column.append(value)


def _shape_vertices(shape: str) -> list[tuple[float, float]]:
    import math

    r = SHAPE_RADIUS
    if shape == "square":
        s = r * 0.85
        return [(-s, -s), (s, -s), (s, s), (-s, s)]
    if shape == "diamond":
        return [(0.0, -r * 1.1), (r * 0.8, 0.0), (0.0, r * 1.1), (-r * 0.8, 0.0)]
    if shape == "triangle":
        return [(-r, -r * 0.8), (r, -r * 0.8), (0.0, r)]
    if shape == "triangle_down":
        return [(-r, r * 0.8), (0.0, -r), (r, r * 0.8)]
    if shape in ("pentagon", "hexagon"):
        n = 5 if shape == "pentagon" else 6
        return [
            (r * math.sin(2 * math.pi * k / n), r * math.cos(2 * math.pi * k / n)) for k in range(n)
        ]
    return [
        (r * math.sin(2 * math.pi * k / 24), r * math.cos(2 * math.pi * k / 24)) for k in range(24)
    ]


def _shape_path(shape: str) -> tuple[list[tuple[float, float]], list[Any]]:
    from matplotlib.path import Path as MPath

    vertices = _shape_vertices(shape)
    codes = [MPath.MOVETO] + [MPath.LINETO] * (len(vertices) - 1)
    return [*vertices, vertices[0]], [*codes, MPath.CLOSEPOLY]


def _marker(shape: str) -> MarkerPath:
    """A filled marker of `shape` (exact figures)."""
    from matplotlib.path import Path as MPath

    vertices, codes = _shape_path(shape)
    return MPath(vertices, codes)


def _floor_marker(shape: str) -> MarkerPath:
    """`shape` with an upward arrow from its top: a floor, "at least this many"."""
    from matplotlib.path import Path as MPath

    vertices, codes = _shape_path(shape)
    top = max(y for _, y in vertices)
    head = 0.28
    vertices += [
        (0.0, top),
        (0.0, FLOOR_TOP),
        (-head, FLOOR_TOP - head),
        (0.0, FLOOR_TOP),
        (head, FLOOR_TOP - head),
    ]
    codes += [MPath.MOVETO, MPath.LINETO, MPath.LINETO, MPath.MOVETO, MPath.LINETO]
    return MPath(vertices, codes)


def _series_handle(series: Series, name: str, colour: str, shape: str, style: LineStyle) -> Any:
    """The legend entry: the series' line and the marker its points mostly show."""
    from matplotlib.lines import Line2D

    figures = [p.claim.figure for p in series.points]
    line: LineStyle = style if len(series.points) > 1 else "none"
    if all(f.is_floor for f in figures):
        return Line2D(
            [],
            [],
            color=colour,
            linestyle=line,
            marker=_floor_marker(shape),
            markersize=LEGEND_FLOOR_SIZE,
            markerfacecolor="white",
            markeredgewidth=1.5,
            label=name,
        )
    if not any(f.is_floor or f.is_point for f in figures):
        return Line2D(
            [],
            [],
            color=colour,
            linestyle=line,
            marker="|",
            markersize=12,
            markeredgewidth=2.5,
            label=name,
        )
    return Line2D(
        [],
        [],
        color=colour,
        linestyle=line,
        marker=_marker(shape),
        markersize=EXACT_SIZE,
        label=name,
    )


def _example(point: Point) -> str:
    return ltr_lines(f"{clean(point.claim.source)}: {clean(figure_words(point.claim.figure.text))}")


def _key_handles(has: dict[str, Any]) -> list[Any]:
    """The reading key: one entry per kind of mark drawn, each with an example from the file
    (never a fixed one), and the one line style the chart uses."""
    from matplotlib.lines import Line2D

    grey = "#444444"
    handles: list[Any] = []
    if has["exact"]:
        handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker=_marker("circle"),
                markersize=EXACT_SIZE,
                color=grey,
                label=f"exact figure\n({_example(has['exact'])})",
            )
        )
    if has["floor"]:
        handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker=_floor_marker("circle"),
                markersize=LEGEND_FLOOR_SIZE,
                markeredgecolor=grey,
                markerfacecolor="white",
                markeredgewidth=1.5,
                label=f"floor, drawn at its bound\n({_example(has['floor'])})",
            )
        )
    if has["range"]:
        handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker="|",
                markersize=14,
                markeredgewidth=2.5,
                color=grey,
                label=f"range, low to high\n({_example(has['range'])})",
            )
        )
    if has["period"]:
        point = has["period"]
        handles.append(
            Line2D(
                [],
                [],
                color=grey,
                linewidth=PERIOD_WIDTH,
                alpha=PERIOD_ALPHA,
                label=f"as of a period, drawn across it\n({clean(point.claim.as_of.text)})",
            )
        )
    if has["far"]:
        handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker=">",
                markersize=9,
                color=grey,
                label="a point far past the axis, at its height\n(written beside the arrow)",
            )
        )
    handles.append(
        Line2D(
            [],
            [],
            color=grey,
            linewidth=1.6,
            label="solid line: one source's claims for one\nscope, joined by as-of date",
        )
    )
    return handles
