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
import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from casualty_recon.analysis.timeline import Point, Series
from casualty_recon.model.errors import UsageError
from casualty_recon.render.atomic import write_new_file
from casualty_recon.render.claims import clean
from casualty_recon.render.timelines import ordered_series, series_names

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.path import Path as MarkerPath

__all__ = ["CHART_FORMATS", "render_chart", "write_chart"]

CHART_FORMATS = {".png": "png", ".svg": "svg"}
DEFAULT_TITLE = "Casualty figures over time"

# Colour-blind-friendly where possible (Okabe-Ito first), then tab10; fixed for determinism.
SOURCE_COLOURS = (
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
)
LineStyle = Literal["-", "--", ":", "-.", "none"]
LINE_STYLES: tuple[LineStyle, ...] = ("-", "--", ":", "-.")
SHAPES = ("circle", "square", "diamond", "triangle", "pentagon")
SHAPE_RADIUS = 0.4  # in marker units; the floor arrow rises to 1.3
FLOOR_TOP = 1.3
EXACT_SIZE = 7.0
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


def write_chart(series: list[Series], title: str | None, path: Path, *, force: bool) -> None:
    """Draw `series` to `path` (.png or .svg), atomically; refuse to overwrite without force."""
    path = Path(path)
    chart_format = CHART_FORMATS.get(path.suffix.lower())
    if chart_format is None:
        raise UsageError(
            f"cannot draw a chart as {path.name!r}: unknown file type "
            f"{path.suffix or '(no suffix)'!r}",
            "name a .png or .svg file, e.g. --chart timeline.png",
        )
    if not force and (path.exists() or path.is_symlink()):
        # Checked again, race-free, by write_new_file; this saves drawing for nothing.
        raise UsageError(f"{path} exists", "pass --force to overwrite it")
    write_new_file(path, render_chart(series, title, chart_format), force=force)


def render_chart(series: Sequence[Series], title: str | None, chart_format: str) -> bytes:
    """The chart as PNG or SVG bytes (`chart_format` is "png" or "svg")."""
    if chart_format not in METADATA:
        raise UsageError(f"unknown chart format {chart_format!r}", "use png or svg")
    import matplotlib
    from matplotlib import dates as mdates
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.ticker import StrMethodFormatter

    shown = ordered_series(series)
    names = series_names(shown)
    with matplotlib.rc_context(RC):
        figure = Figure(figsize=(12, 7), layout=None)
        axes = figure.add_axes((0.07, 0.24, 0.56, 0.68))
        source_colour: dict[str, str] = {}
        scope_index: dict[str, int] = {}
        handles: list[Line2D] = []
        has = {"exact": False, "floor": False, "range": False, "period": False}
        for item, name in zip(shown, names, strict=True):
            colour = source_colour.setdefault(
                item.source, SOURCE_COLOURS[len(source_colour) % len(SOURCE_COLOURS)]
            )
            index = scope_index.get(item.source, 0)
            scope_index[item.source] = index + 1
            shape = SHAPES[index % len(SHAPES)]
            style = LINE_STYLES[index % len(LINE_STYLES)]
            _draw_series(axes, item, colour, shape, style, has)
            handles.append(_series_handle(item, clean(name), colour, shape, style))
        if not shown:
            axes.text(0.5, 0.5, "no claims to draw", ha="center", va="center")
        locator = mdates.AutoDateLocator()  # type: ignore[no-untyped-call]
        axes.xaxis.set_major_locator(locator)
        formatter = mdates.ConciseDateFormatter(locator)  # type: ignore[no-untyped-call]
        axes.xaxis.set_major_formatter(formatter)
        axes.xaxis_date()
        low, high = axes.get_xlim()  # margins kept within matplotlib's years 1 to 9999
        axes.set_xlim(max(low, _day_number(dt.date(1, 1, 2))), min(high, _day_number(_LAST_DAY)))
        axes.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
        axes.set_ylim(bottom=0)
        axes.set_ylabel("count")
        axes.set_xlabel("as of")
        axes.grid(True, axis="y", color="#DDDDDD", linewidth=0.8)
        axes.set_axisbelow(True)
        for spine in ("top", "right"):
            axes.spines[spine].set_visible(False)
        figure.suptitle(clean(title or DEFAULT_TITLE), x=0.07, ha="left", fontsize=13)
        series_legend = axes.legend(
            handles=handles,
            title="Series (source: scope, basis)",
            loc="upper left",
            bbox_to_anchor=(1.02, 1.0),
            fontsize=8,
            title_fontsize=8.5,
            labelspacing=0.9,
            alignment="left",
            frameon=False,
        )
        axes.add_artist(series_legend)
        axes.legend(
            handles=_key_handles(has),
            title="How to read",
            loc="upper left",
            bbox_to_anchor=(-0.08, -0.12),
            ncols=5,
            fontsize=8,
            title_fontsize=8.5,
            labelspacing=0.9,
            alignment="left",
            frameon=False,
        )
        buffer = io.BytesIO()
        figure.savefig(buffer, format=chart_format, metadata=METADATA[chart_format])
    return buffer.getvalue()


_LAST_DAY = dt.date(9999, 12, 30)

# --- drawing -----------------------------------------------------------------------------------


def _day_number(day: dt.date) -> float:
    from matplotlib import dates as mdates

    return float(mdates.date2num(dt.datetime.combine(day, dt.time())))  # type: ignore[no-untyped-call]


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
    has: dict[str, bool],
) -> None:
    xs = [_x(p) for p in series.points]
    ys = [_y(p) for p in series.points]
    if len(series.points) > 1:
        axes.plot(xs, ys, color=colour, linestyle=style, linewidth=1.6, alpha=0.85, zorder=2)
    for point, x, y in zip(series.points, xs, ys, strict=True):
        figure = point.claim.figure
        if point.earliest != point.latest:
            has["period"] = True
            axes.hlines(
                y,
                _day_number(point.earliest),
                _day_number(point.latest),
                colors=colour,
                linewidth=1.2,
                zorder=3,
            )
        if figure.is_floor:
            has["floor"] = True
            axes.plot(
                [x],
                [figure.low],
                linestyle="none",
                marker=_floor_marker(shape),
                markersize=FLOOR_SIZE,
                markeredgecolor=colour,
                markerfacecolor="white",
                markeredgewidth=1.5,
                zorder=4,
            )
        elif figure.is_point:
            has["exact"] = True
            axes.plot(
                [x],
                [figure.low],
                linestyle="none",
                marker=_marker(shape),
                markersize=EXACT_SIZE,
                color=colour,
                zorder=4,
            )
        else:
            has["range"] = True
            high = figure.high if figure.high is not None else figure.low
            axes.vlines(x, figure.low, high, colors=colour, linewidth=2.5, zorder=3)
            axes.plot(
                [x, x],
                [figure.low, high],
                linestyle="none",
                marker="_",
                markersize=12,
                markeredgewidth=2.5,
                color=colour,
                zorder=3,
            )


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
    if shape == "pentagon":
        return [
            (r * math.sin(2 * math.pi * k / 5), r * math.cos(2 * math.pi * k / 5)) for k in range(5)
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


def _key_handles(has: dict[str, bool]) -> list[Any]:
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
                label="exact figure (1,089)",
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
                label="floor, drawn at its bound\n(at least 450, more than 500)",
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
                label="range (between 160 and 300)",
            )
        )
    if has["period"]:
        handles.append(
            Line2D([], [], color=grey, linewidth=1.2, label="as of a period (late August)")
        )
    handles.append(
        Line2D(
            [],
            [],
            color=grey,
            linewidth=1.6,
            label="line: one source's claims\nfor one scope, by as-of date",
        )
    )
    return handles
