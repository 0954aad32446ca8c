"""A pair's waterfall as a chart: b, each quantified effect applied to it, b adjusted to a's
definitions, and a, as columns on one axis.

Each column is the interval b stands at after that step (a box from its low to its high end; a
point is a line), totals (b, adjusted b, a) rise from zero; each effect is labelled with its
size and a dashed line joins each column to the next. Two drawers share `waterfall_columns`:
`waterfall_svg` writes SVG by hand (the HTML report inlines one per pair: fast, small, no
matplotlib), `render_waterfall` draws PNG or SVG with matplotlib (Agg, imported only here) for
`report --chart` with one pair.
"""

from __future__ import annotations

import io
from html import escape
from pathlib import Path
from typing import NamedTuple

from casualty_recon.analysis.engine import PairResult, claim_label
from casualty_recon.grammar.wording import fmt, fmt_span, label, people_words, span_words
from casualty_recon.model.errors import UsageError
from casualty_recon.model.spans import Span
from casualty_recon.model.usage import FILE_EXISTS
from casualty_recon.render.claims import clean, ltr_lines

__all__ = ["Column", "render_waterfall", "waterfall_columns", "waterfall_svg", "write_waterfall"]

COLOURS = {"total": "#555555", "up": "#0072B2", "down": "#D55E00", "either": "#7F7F7F"}


class Column(NamedTuple):
    label: str
    low: float
    high: float
    kind: str  # total, up, down or either
    note: tuple[str, ...]  # the value (totals) or the effect (steps), as `span_words`

    @property
    def note_text(self) -> str:
        return " ".join(self.note)


def waterfall_columns(pair: PairResult) -> list[Column]:
    b_low, b_high = pair.b.figure.stated
    a_low, a_high = pair.a.figure.stated
    columns = [Column("b", b_low, b_high, "total", span_words(Span(b_low, b_high)))]
    for step in pair.steps:
        kind = "up" if step.effect.low >= 0 else "down" if step.effect.high <= 0 else "either"
        columns.append(
            Column(
                f"+ {step.kind}",
                step.after.low,
                step.after.high,
                kind,
                span_words(step.effect, signed=True),
            )
        )
    adjusted = pair.adjusted_b
    columns.append(Column("adjusted b", adjusted.low, adjusted.high, "total", span_words(adjusted)))
    columns.append(Column("a", a_low, a_high, "total", span_words(Span(a_low, a_high))))
    return columns


def caption(pair: PairResult) -> str:
    return (
        f"b = {clean(claim_label(pair.b))}, a = {clean(claim_label(pair.a))}; "
        f"residual (a - adjusted b): {fmt_span(pair.residual)}"
    )


def _top(columns: list[Column]) -> float:
    return max(max(c.high, c.low) for c in columns) or 1.0


def waterfall_svg(pair: PairResult, ident: str = "") -> str:
    """The waterfall as inline SVG (scales to its container through its viewBox)."""
    columns = waterfall_columns(pair)
    width, height = 640, 260
    left, right, top, bottom = 56, 12, 40, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    ceiling = _top(columns) * 1.1
    step = plot_w / len(columns)
    bar = min(56.0, step * 0.6)

    def y(value: float) -> float:
        return top + plot_h * (1 - max(value, 0.0) / ceiling)

    title = escape(caption(pair))
    out = [
        f'<svg class="waterfall" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{ident}-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ident}-title">Waterfall: {title}</title>',
    ]
    for tick in _ticks(ceiling):
        ty = y(tick)
        out.append(
            f'<line x1="{left}" x2="{width - right}" y1="{ty:.1f}" y2="{ty:.1f}" class="grid"/>'
            f'<text x="{left - 6}" y="{ty + 4:.1f}" text-anchor="end" class="tick">'
            f"{fmt(tick)}</text>"
        )
    previous: tuple[float, float] | None = None
    for n, column in enumerate(columns):
        cx = left + step * (n + 0.5)
        x0 = cx - bar / 2
        colour = COLOURS[column.kind]
        low, high = y(column.low), y(column.high)
        if column.kind == "total":
            out.append(
                f'<rect x="{x0:.1f}" y="{low:.1f}" width="{bar:.1f}" height="{y(0) - low:.1f}" '
                f'fill="{colour}" fill-opacity="0.25"/>'
            )
        out.append(
            f'<rect x="{x0:.1f}" y="{high:.1f}" width="{bar:.1f}" '
            f'height="{max(low - high, 2.0):.1f}" fill="{colour}"/>'
        )
        if previous is not None:
            out.append(
                f'<line x1="{previous[0]:.1f}" x2="{x0:.1f}" y1="{previous[1]:.1f}" '
                f'y2="{previous[1]:.1f}" class="join"/>'
            )
        previous = (x0 + bar, (low + high) / 2)
        # A note wider than its column goes on two lines ("1,072.3" over "to 1,303.1").
        lines = [column.note_text]
        if len(column.note_text) * 6.6 > step - 4:
            lines = list(column.note)
        for k, text in enumerate(lines):
            ty = high - 6 - 14 * (len(lines) - 1 - k)
            out.append(
                f'<text x="{cx:.1f}" y="{ty:.1f}" text-anchor="middle" class="note">'
                f"{escape(text)}</text>"
            )
        out.append(
            f'<text x="{cx:.1f}" y="{height - bottom + 16}" text-anchor="middle" class="label">'
            f"{escape(column.label)}</text>"
        )
    out.append(
        f'<line x1="{left}" x2="{width - right}" y1="{y(0):.1f}" y2="{y(0):.1f}" class="axis"/>'
    )
    out.append("</svg>")
    return "".join(out)


def _ticks(ceiling: float) -> list[float]:
    raw = ceiling / 4
    magnitude = 10 ** max(len(str(int(raw))) - 1, 0)
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return [step * k for k in range(int(ceiling // step) + 1)]


def write_waterfall(pair: PairResult, path: Path, *, force: bool) -> None:
    """Draw one pair's waterfall to `path` (.png or .svg), atomically."""
    from casualty_recon.render.atomic import write_new_file
    from casualty_recon.render.chart import chart_format_of

    path = Path(path)
    chart_format = chart_format_of(path)
    if not force and (path.exists() or path.is_symlink()):
        raise UsageError.of(FILE_EXISTS, path=path)
    write_new_file(path, render_waterfall(pair, chart_format), force=force)


def render_waterfall(pair: PairResult, chart_format: str) -> bytes:
    """The waterfall as PNG or SVG bytes, drawn with matplotlib's Agg backend."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import StrMethodFormatter

    from casualty_recon.render.chart import METADATA, RC

    columns = waterfall_columns(pair)
    with matplotlib.rc_context(RC):
        figure = Figure(figsize=(9, 5.2), layout=None)
        FigureCanvasAgg(figure)
        axes = figure.add_axes((0.09, 0.2, 0.88, 0.62))
        ceiling = _top(columns) * 1.12
        previous: tuple[float, float] | None = None
        for n, column in enumerate(columns):
            colour = COLOURS[column.kind]
            if column.kind == "total":
                axes.bar(n, column.low, width=0.6, color=colour, alpha=0.25)
            height = max(column.high - column.low, ceiling * 0.004)
            axes.bar(n, height, bottom=column.low, width=0.6, color=colour)
            if previous is not None:
                axes.plot(
                    [previous[0], n - 0.3],
                    [previous[1]] * 2,
                    color="#999999",
                    linestyle="--",
                    linewidth=1,
                )
            previous = (n + 0.3, (column.low + column.high) / 2)
            axes.annotate(
                column.note_text,
                xy=(n, column.high),
                xytext=(0, 4),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=8.5,
            )
        axes.set_xticks(range(len(columns)), [c.label for c in columns])
        axes.set_ylim(0, ceiling)
        axes.set_xlim(-0.6, len(columns) - 0.4)
        axes.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
        axes.grid(True, axis="y", color="#DDDDDD", linewidth=0.8)
        axes.set_axisbelow(True)
        for spine in ("top", "right"):
            axes.spines[spine].set_visible(False)
        axes.set_ylabel(people_words(pair.a.population, pair.a.outcome))
        import textwrap

        figure.suptitle(
            ltr_lines(
                "\n".join(
                    textwrap.wrap(
                        f"Why {clean(claim_label(pair.a))} and {clean(claim_label(pair.b))} differ",
                        90,
                    )
                )
            ),
            x=0.09,
            ha="left",
            fontsize=12,
        )
        figure.text(
            0.09,
            0.04,
            ltr_lines(
                "\n".join(textwrap.wrap(caption(pair) + f"; verdict: {label(pair.verdict)}", 120))
            ),
            fontsize=8.5,
            color="#333333",
        )
        from matplotlib.patches import Patch

        kinds = dict.fromkeys(c.kind for c in columns)
        names = {
            "total": "a figure (b, adjusted b, a)",
            "up": "an effect raising b",
            "down": "an effect lowering b",
            "either": "an effect either way",
        }
        axes.legend(
            handles=[Patch(color=COLOURS[k], label=names[k]) for k in kinds],
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            ncols=4,
            fontsize=8,
            frameon=False,
        )
        buffer = io.BytesIO()
        figure.savefig(buffer, format=chart_format, metadata=METADATA[chart_format])
    return buffer.getvalue()
