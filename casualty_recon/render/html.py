"""The report as one self-contained HTML page: `report --format html -o report.html`.

No network: the CSS is inline, every chart is inline SVG (each pair's waterfall drawn by hand,
the timelines chart by matplotlib), no script, no font or image fetched. The page reads in the
order of every report (overview, pairs, claims, timelines, notes); claim ids in pairs and
evidence link to the claim's row, and the overview's numbers to the pair. Narrow screens
(a 375 px phone) get each table row as a card of "field: value" lines, so nothing scrolls
sideways; print hides the navigation and keeps a pair on one page where it can.

Text from the input file is untrusted: everything is escaped, and only http(s) URLs become
links.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape, unescape

from casualty_recon.analysis.engine import PairResult
from casualty_recon.analysis.report import Report
from casualty_recon.grammar.wording import fmt_signed_span, fmt_span, label, plural
from casualty_recon.model.claims import Claim
from casualty_recon.render.claims import READING_CLAIM_COLUMNS, clean, reading_claim_cells
from casualty_recon.render.text import (
    DIFFERENCE_COLUMNS,
    NO_DIFFERENCES,
    OVERVIEW_COLUMNS,
    assumption_lines,
    key_difference,
    notes_sections,
    pair_heading,
    shown_claims,
    verdict_summary,
    waterfall_rows,
)
from casualty_recon.render.waterfall import caption, waterfall_svg

__all__ = ["report_html"]

CSS = """
:root { --ink: #1a1a1a; --muted: #5a5a5a; --rule: #d8d8d8; --accent: #0b5cad;
  --explained: #1b7f3b; --partly_explained: #9a6700; --unexplained: #b42318;
  --contradiction: #8f1010; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.2em 0 0.4em; }
h2 { font-size: 1.3rem; margin: 1.6em 0 0.5em; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.1rem; margin: 0 0 0.4em; }
nav { font-size: 0.95rem; margin-bottom: 1em; }
nav a { margin-right: 1em; }
a { color: var(--accent); }
.id, a.url { white-space: nowrap; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em; font-size: 0.92rem; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px 4px 0;
  border-bottom: 1px solid var(--rule); }
th { border-bottom: 2px solid var(--ink); white-space: nowrap; }
td.num { white-space: nowrap; font-variant-numeric: tabular-nums; }
.verdict { font-weight: 600; }
.v-explained { color: var(--explained); }
.v-partly_explained { color: var(--partly_explained); }
.v-unexplained { color: var(--unexplained); }
.v-contradiction { color: var(--contradiction); }
article.pair { border-top: 1px solid var(--rule); padding: 1em 0; }
.facts { margin: 0 0 0.6em; }
.facts span { display: inline-block; margin-right: 1.2em; }
figure { margin: 0.4em 0 0.8em; }
figcaption { color: var(--muted); font-size: 0.9rem; }
svg { max-width: 100%; height: auto; display: block; }
svg.waterfall { width: 640px; }
svg.waterfall .grid { stroke: #e4e4e4; }
svg.waterfall .axis { stroke: #333; }
svg.waterfall .join { stroke: #999; stroke-dasharray: 4 3; }
svg.waterfall text { font: 12px system-ui, "DejaVu Sans", sans-serif; fill: #222; }
svg.waterfall .tick { fill: #666; }
ul.differences { padding-left: 1.2em; }
ul.differences li { margin-bottom: 0.4em; }
.evidence { color: var(--muted); font-size: 0.9rem; }
details.quote { color: var(--muted); font-style: italic; font-size: 0.88rem; }
details.quote summary { font-style: normal; cursor: pointer; }
tr:target, article:target { background: #fff6d6; }
@media (max-width: 720px) {
  main { padding: 12px; }
  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
  table.cards thead { display: none; }
  table.cards tr { border-bottom: 2px solid var(--rule); padding: 6px 0; }
  table.cards td { border: 0; padding: 1px 0; white-space: normal; }
  table.cards td::before { content: attr(data-label) ": "; font-weight: 600; }
  table.cards td:empty { display: none; }
  .id, a.url { display: inline-block; max-width: 100%; white-space: normal;
    overflow-wrap: anywhere; }
}
@media print {
  nav { display: none; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  article.pair { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
}
"""

_ID_CHARS = re.compile(r"[^A-Za-z0-9_.-]")
_ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _days_whole(html: str) -> str:
    """ISO days in escaped text kept on one line (a browser would break them at hyphens)."""
    return _ISO_DAY.sub(lambda m: f'<span class="id">{m.group(0)}</span>', html)


def anchor(claim_id: str) -> str:
    """The element id of a claim's row: `claim-` and its id (ids are letters, digits, - _ .)."""
    return "claim-" + _ID_CHARS.sub("_", claim_id)


def _cell(text: str, label_: str, cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f'<td data-label="{escape(label_)}"{klass}>{text}</td>'


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], cls: str = "cards") -> str:
    """A table of already-escaped cells; narrow screens show each row as a card."""
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(_cell(cell, header[i]) for i, cell in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


class _Links:
    """Turns claim ids into links to their rows, for the ids that have one on the page."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self.known = {claim.id for claim in claims}
        names = sorted((escape(i) for i in self.known), key=len, reverse=True)
        ids = "|".join(map(re.escape, names)) or "(?!)"
        # One pass: a claim id (a link), else an ISO day (kept whole); an id's own digits are
        # consumed with it, never matched as a day.
        self._in_text = re.compile(rf"(?<![\w-])({ids})(?![\w-])|{_ISO_DAY.pattern}")

    def text(self, plain: str) -> str:
        """Escaped `plain` with each claim id in it a link to the claim, ISO days unbroken."""

        def replace(found: re.Match[str]) -> str:
            if found.group(1) is None:
                return f'<span class="id">{found.group(0)}</span>'
            target = anchor(unescape(found.group(1)))
            return f'<a class="id" href="#{target}">{found.group(1)}</a>'

        return self._in_text.sub(replace, escape(clean(plain)))

    def id(self, claim_id: str) -> str:
        text = escape(clean(claim_id))
        if claim_id in self.known:
            return f'<a class="id" href="#{anchor(claim_id)}">{text}</a>'
        return f'<span class="id">{text}</span>'

    def ids(self, claim_ids: Sequence[str]) -> str:
        return ", ".join(self.id(i) for i in claim_ids)


def _url(url: str | None) -> str:
    """An http(s) URL as a link named by its site (the whole URL in its title); other text as
    text."""
    if not url:
        return ""
    text = escape(clean(url))
    found = re.match(r"https?://(?:www\.)?([^/?#]+)", url)
    if found:
        site = escape(clean(found.group(1)))
        return f'<a class="url" href="{text}" title="{text}" rel="noopener noreferrer">{site}</a>'
    return text


def report_html(
    report: Report, focus: frozenset[str] | None = None, *, timelines_svg: str | None = None
) -> str:
    """The whole page. `timelines_svg`, when given, is used instead of drawing the chart (the
    timelines chart is the one slow part: matplotlib)."""
    claims = shown_claims(report, focus)
    links = _Links(claims)
    title = escape(clean(report.sources.title or "Casualty figures"))
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title><style>{CSS}</style></head><body><main>",
        f"<h1>{title}</h1>",
        '<nav><a href="#overview">Overview</a><a href="#pairs">Pairs</a>'
        '<a href="#claims">Claims</a><a href="#timelines">Timelines</a></nav>',
    ]
    out += _overview(report)
    out.append(f'<section id="pairs"><h2>Pairs ({len(report.pairs)})</h2>')
    for number, pair in enumerate(report.pairs, start=1):
        out.append(_pair(number, pair, links, report.event_sentence(pair)))
    out.append("</section>")
    out += _claims(report, claims, focus)
    if report.event_notes:  # how the event file was read, as `events` says it
        out.append('<section id="events"><h2>Event-data notes</h2><ul>')
        out += [f"<li>{escape(clean(note))}</li>" for note in report.event_notes]
        out.append("</ul></section>")
    out += _timelines(report, focus, timelines_svg, links)
    used = assumption_lines(report)
    if used:
        out.append('<section id="assumptions"><h2>Assumptions used</h2><ul>')
        out += [f"<li>{escape(line)}</li>" for line in used]
        out.append("</ul></section>")
    out.append("</main></body></html>")
    return "\n".join(out) + "\n"


def _overview(report: Report) -> list[str]:
    rows = []
    for number, pair in enumerate(report.pairs, start=1):
        verdict = f'<span class="verdict v-{pair.verdict}">{escape(label(pair.verdict))}</span>'
        rows.append(
            [
                f'<a href="#pair-{number}">{number}</a>',
                f'<a class="id" href="#pair-{number}">{escape(clean(pair.a.id))}</a> vs '
                f'<a class="id" href="#pair-{number}">{escape(clean(pair.b.id))}</a>',
                escape(fmt_span(pair.gap)),
                escape(fmt_span(pair.residual)),
                verdict,
                escape(key_difference(pair)),
            ]
        )
    return [
        f'<section id="overview"><h2>Overview ({plural(len(report.pairs), "pair")})</h2>',
        f"<p>{escape(verdict_summary(report))}</p>",
        _table(OVERVIEW_COLUMNS, rows, "cards overview") if rows else "",
        "</section>",
    ]


def _pair(number: int, pair: PairResult, links: _Links, events: str | None) -> str:
    verdict = pair.verdict
    out = [
        f'<article class="pair" id="pair-{number}">',
        f"<h3>{number}. {escape(pair_heading(pair).rsplit(': ', 1)[0])}: "
        f'<span class="verdict v-{verdict}">{escape(label(verdict))}</span></h3>',
        '<p class="facts">',
        f"<span>a: {links.id(pair.a.id)}</span><span>b: {links.id(pair.b.id)}</span>",
        f"<span>gap (a - b): <strong>{escape(fmt_span(pair.gap))}</strong></span>",
    ]
    if verdict != "contradiction":
        out.append(
            f"<span>common floor: at least {pair.common_floor:,} "
            f"{escape(clean(pair.common_scope))}</span>"
        )
    out.append("</p>")
    out.append(
        f"<figure>{waterfall_svg(pair, f'waterfall-{number}')}"
        f"<figcaption>{escape(caption(pair))}</figcaption></figure>"
    )
    out.append('<ul class="differences">')
    for d in pair.differences:
        effect = "" if d.effect is None else f" ({escape(fmt_signed_span(d.effect))})"
        item = f"<li><strong>{escape(d.kind)}</strong>{effect}: {links.text(d.sentence)}"
        if d.break_even:
            item += f" Break-even: {links.text(d.break_even)} would close the gap alone."
        if d.evidence:
            item += f'<br><span class="evidence">evidence: {links.ids(d.evidence)}</span>'
        out.append(item + "</li>")
    out.append("</ul>")
    rows = [
        [escape(r[0]), escape(r[1]), escape(r[2]), links.ids([e for e in r[3].split(", ") if e])]
        for r in waterfall_rows(pair)
    ]
    out.append("<details><summary>Differences and waterfall as tables</summary>")
    differences = [
        [
            escape(d.kind),
            escape(clean(d.a_value)),
            escape(clean(d.b_value)),
            escape(d.relation),
            escape(d.direction),
            {True: "yes", False: "no", None: ""}[d.agrees],
            "" if d.effect is None else escape(fmt_signed_span(d.effect)),
        ]
        for d in pair.differences
    ]
    if differences:
        out.append(_table(DIFFERENCE_COLUMNS, differences))
    else:
        out.append(f"<p>Differences: {escape(NO_DIFFERENCES)}.</p>")
    out.append(_table(("step", "effect", "b after", "evidence"), rows))
    out.append("</details>")
    out.append(
        f'<p><span class="verdict v-{verdict}">Verdict: {escape(label(verdict))}.</span> '
        f"{links.text(pair.reason)}</p>"
    )
    if events:
        out.append(f"<p>{escape(clean(events))}</p>")
    for assumption in pair.assumptions_used:
        out.append(f"<p>assumption {assumption.index}: {escape(clean(assumption.reason))}</p>")
    if pair.evidence_used:
        out.append(f'<p class="evidence">evidence used: {links.ids(pair.evidence_used)}</p>')
    out.append("</article>")
    return "\n".join(out)


def _claims(report: Report, claims: list[Claim], focus: frozenset[str] | None) -> list[str]:
    """The claims in the reading columns of the text report, the quote folded under the
    figure, the URL as a link named by its site."""
    header = (*READING_CLAIM_COLUMNS, "read at")
    body = []
    for claim in claims:
        cells = [escape(cell) for cell in reading_claim_cells(claim)]
        cells[0] = f'<span class="id">{cells[0]}</span>'
        cells[5] = _days_whole(cells[5])
        if claim.quote:
            cells[2] += (
                f'<details class="quote"><summary>quote</summary>'
                f"&ldquo;{escape(clean(claim.quote))}&rdquo;</details>"
            )
        row = "".join(_cell(cell, header[i]) for i, cell in enumerate(cells))
        row += _cell(_url(claim.url), header[-1])
        body.append(f'<tr id="{anchor(claim.id)}">{row}</tr>')
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    involved = " involved" if focus is not None else ""
    return [
        f'<section id="claims"><h2>Claims ({len(claims)}{involved}, from '
        f"{plural(len(report.sources.sources), 'source')})</h2>",
        f'<table class="cards claims"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>",
        "</section>",
    ]


def _timelines(
    report: Report, focus: frozenset[str] | None, svg: str | None, links: _Links
) -> list[str]:
    out = ['<section id="timelines"><h2>Timelines</h2>']
    series = [s for s in report.timelines if focus is None or s.claim_ids & focus]
    if svg is None and any(s.points for s in series):
        from casualty_recon.render.chart import render_chart

        svg = render_chart(series, report.sources.title, "svg").decode("utf-8")
    if svg:
        start = svg.find("<svg")
        out.append(
            '<figure class="timelines">'
            + svg[start:]
            + "<figcaption>Every series of the file on one date axis, one panel per population"
            " and outcome.</figcaption></figure>"
        )
    for heading, lines in notes_sections(report, focus):
        out.append(f"<h3>{escape(heading)}</h3><ul>")
        out += [f"<li>{links.text(line)}</li>" for line in lines]
        out.append("</ul>")
    out.append("</section>")
    return out
