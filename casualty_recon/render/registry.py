"""Output formats: ONE mapping from (kind of object, format) to the function that renders it.

Kinds and the objects their renderers take:

- `report`: an `analysis.report.Report` (`report`);
- `claims`: a loaded `model.claims.Sources` (`validate`);
- `timelines`: a list of `analysis.timeline.Series` (`timeline`);
- `estimates`: an `estimate.result.Estimation` (`estimate`);
- `references`: a `render.references.EventReferences` (`events`).

A renderer takes the object and a `Target` (where the text goes) and returns the text (str or
bytes), or, for the terminal, a `Painter` that prints to a rich console. The command line
dispatches every `--format` through `renderer(kind, format)`; a new output format is one
renderer plus one line in `RENDERERS` (and a suffix in `SUFFIXES` if files should get it).

The renderers here are thin and import their modules when called, so that `--help` and
`validate` never load the explanation engine, rich tables or the event readers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casualty_recon.model.errors import UsageError
from casualty_recon.model.usage import FORMAT_NOT_FOR_COMMAND, FORMAT_UNKNOWN

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import Any, TypeAlias

    from rich.console import Console

    from casualty_recon.analysis.report import Report
    from casualty_recon.analysis.timeline import Series
    from casualty_recon.estimate.result import Estimation
    from casualty_recon.model.claims import Sources
    from casualty_recon.render.references import EventReferences

__all__ = [
    "AUTO",
    "RENDERERS",
    "SUFFIXES",
    "Target",
    "all_formats",
    "format_for_suffix",
    "renderer",
]

AUTO = "auto"


class Target:
    """Where the rendering goes: a file (`to_file`, which gets a BOM in CSV) or standard output;
    `focus`, when set, the ids of the only claims a report shows (`--pair`, `--against`: the
    compared claims and the evidence they use); `chart`, the path (relative to the file) of a
    chart drawn beside it, which a Markdown report links.

    A plain class, not a dataclass: this module is imported on every start-up."""

    __slots__ = ("chart", "focus", "to_file")

    def __init__(
        self,
        to_file: bool = False,
        focus: frozenset[str] | None = None,
        chart: str | None = None,
    ) -> None:
        self.to_file = to_file
        self.focus = focus
        self.chart = chart

    def __repr__(self) -> str:
        return f"Target(to_file={self.to_file}, focus={self.focus}, chart={self.chart})"


# Type aliases for annotations only (`Renderer`: what `RENDERERS` holds).
if TYPE_CHECKING:
    Painter: TypeAlias = Callable[[Console], None]
    Rendered: TypeAlias = str | bytes | Painter
    Renderer: TypeAlias = Callable[[Any, Target], Rendered]


# --- report ------------------------------------------------------------------------------------


def _report_plain(report: Report, target: Target) -> Rendered:
    from casualty_recon.render.text import report_plain

    return report_plain(report, target.focus)


def _report_markdown(report: Report, target: Target) -> Rendered:
    from casualty_recon.render.text import report_markdown

    return report_markdown(report, target.focus, chart=target.chart)


def _report_json(report: Report, target: Target) -> Rendered:
    from casualty_recon.render.text import report_json

    return report_json(report, target.focus)


def _report_html(report: Report, target: Target) -> Rendered:
    from casualty_recon.render.html import report_html

    return report_html(report, target.focus)


def _report_table(report: Report, target: Target) -> Rendered:
    if target.to_file:  # a file gets no terminal codes: the plain text
        return _report_plain(report, target)
    from casualty_recon.render.terminal import print_report

    return lambda console: print_report(console, report, target.focus)


def _report_csv(report: Report, target: Target) -> Rendered:
    from casualty_recon.render.csv import gaps_rows, to_csv_bytes

    return to_csv_bytes("gaps", gaps_rows(report), bom=target.to_file)


# --- claims (validate) -------------------------------------------------------------------------


def _claims_plain(sources: Sources, target: Target) -> Rendered:
    from casualty_recon.render.claims import claims_plain, load_summary

    return f"{load_summary(sources)}\n\n{claims_plain(sources)}"


def _claims_markdown(sources: Sources, target: Target) -> Rendered:
    from casualty_recon.render.claims import claims_markdown, load_summary

    return f"{load_summary(sources)}\n\n{claims_markdown(sources)}"


def _claims_json(sources: Sources, target: Target) -> Rendered:
    import json

    from casualty_recon.analysis.report import claim_dict

    payload = {"valid": True, "claims": [claim_dict(c, sources) for c in sources.claims]}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def _claims_table(sources: Sources, target: Target) -> Rendered:
    from casualty_recon.render.terminal import print_claims

    return lambda console: print_claims(console, sources)


def _claims_csv(sources: Sources, target: Target) -> Rendered:
    from casualty_recon.render.csv import claims_rows, to_csv_bytes

    return to_csv_bytes("claims", claims_rows(sources), bom=target.to_file)


# --- timelines ---------------------------------------------------------------------------------


def _timelines_plain(series: list[Series], target: Target) -> Rendered:
    from casualty_recon.render.timelines import timelines_plain

    return timelines_plain(series)


def _timelines_markdown(series: list[Series], target: Target) -> Rendered:
    from casualty_recon.render.timelines import timelines_plain

    return timelines_plain(series, markdown=True)


def _timelines_json(series: list[Series], target: Target) -> Rendered:
    from casualty_recon.render.timelines import timelines_json

    return timelines_json(series)


def _timelines_table(series: list[Series], target: Target) -> Rendered:
    from casualty_recon.render.timelines import print_timelines

    return lambda console: print_timelines(console, series)


# --- estimates ---------------------------------------------------------------------------------


def _estimates_plain(result: Estimation, target: Target) -> Rendered:
    from casualty_recon.render.estimates import estimates_plain

    return estimates_plain(result)


def _estimates_markdown(result: Estimation, target: Target) -> Rendered:
    from casualty_recon.render.estimates import estimates_markdown

    return estimates_markdown(result)


def _estimates_json(result: Estimation, target: Target) -> Rendered:
    from casualty_recon.render.estimates import estimates_json

    return estimates_json(result)


def _estimates_table(result: Estimation, target: Target) -> Rendered:
    if target.to_file:  # a file gets no terminal codes: the plain text
        return _estimates_plain(result, target)
    from casualty_recon.render.estimates import estimates_table

    return lambda console: console.print(estimates_table(result))


def _estimates_csv(result: Estimation, target: Target) -> Rendered:
    from casualty_recon.render.estimates import estimates_csv

    return estimates_csv(result, bom=target.to_file)


# --- event references --------------------------------------------------------------------------


def _references_plain(found: EventReferences, target: Target) -> Rendered:
    from casualty_recon.render.references import references_plain

    return references_plain(found)


def _references_json(found: EventReferences, target: Target) -> Rendered:
    from casualty_recon.render.references import references_json

    return references_json(found)


def _references_csv(found: EventReferences, target: Target) -> Rendered:
    from casualty_recon.render.csv import REFERENCES_COLUMNS, rows_to_csv
    from casualty_recon.render.references import reference_rows

    return rows_to_csv(REFERENCES_COLUMNS, reference_rows(found.references), bom=target.to_file)


# --- the registry ------------------------------------------------------------------------------

RENDERERS: dict[str, dict[str, Renderer]] = {
    "report": {
        "table": _report_table,
        "plain": _report_plain,
        "markdown": _report_markdown,
        "json": _report_json,
        "csv": _report_csv,
        "html": _report_html,
    },
    "claims": {
        "table": _claims_table,
        "plain": _claims_plain,
        "markdown": _claims_markdown,
        "json": _claims_json,
        "csv": _claims_csv,
    },
    "timelines": {
        "table": _timelines_table,
        "plain": _timelines_plain,
        "markdown": _timelines_markdown,
        "json": _timelines_json,
    },
    "estimates": {
        "table": _estimates_table,
        "plain": _estimates_plain,
        "markdown": _estimates_markdown,
        "json": _estimates_json,
        "csv": _estimates_csv,
    },
    "references": {
        # No table of their own yet: the terminal and Markdown get the plain sentences.
        "table": _references_plain,
        "plain": _references_plain,
        "markdown": _references_plain,
        "json": _references_json,
        "csv": _references_csv,
    },
}

# The format an output file gets from its suffix (with `--format auto`).
SUFFIXES: dict[str, str] = {
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".csv": "csv",
    ".txt": "plain",
    ".html": "html",
}


def all_formats(registry: Mapping[str, Mapping[str, Renderer]] = RENDERERS) -> list[str]:
    """Every format some kind can be rendered in, `auto` first, then in registry order."""
    names = [AUTO]
    for formats in registry.values():
        names += [name for name in formats if name not in names]
    return names


def format_for_suffix(suffix: str) -> str | None:
    """The format a file with this suffix gets, or None."""
    return SUFFIXES.get(suffix.lower())


def renderer(kind: str, fmt: str, command: str) -> Renderer:
    """The renderer of `kind` in `fmt`; a `UsageError` naming `command` when there is none."""
    formats = RENDERERS[kind]
    found = formats.get(fmt)
    if found is None:
        known = fmt in all_formats()
        raise UsageError.of(
            FORMAT_NOT_FOR_COMMAND if known else FORMAT_UNKNOWN,
            command=command,
            fmt=fmt,
            formats=", ".join([AUTO, *formats]),
        )
    return found
