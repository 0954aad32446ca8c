"""`export` (claims, pairs and gaps as CSV files) and `import` (a claims CSV back to YAML)."""

from pathlib import Path
from typing import Annotated

import typer

from casualty_recon.cli.common import emit, fail, load, stderr
from casualty_recon.cli.options import DateFormatOption, FileArgument, ForceOption, dash_is_stdout
from casualty_recon.model.errors import CasualtyReconError, InputError, UsageError
from casualty_recon.model.usage import IMPORT_GOT_YAML, OUT_IS_STDOUT


def export(
    file: FileArgument = "sources.yaml",
    out: Annotated[
        Path, typer.Option("--out", help="Directory to write the CSV files into.", file_okay=False)
    ] = Path("."),
    bom: Annotated[
        bool, typer.Option("--bom/--no-bom", help="UTF-8 byte order mark, for Excel.")
    ] = True,
    delimiter: Annotated[
        str, typer.Option("--delimiter", help="',' or ';' (for comma-decimal locales).")
    ] = ",",
    hxl: Annotated[bool, typer.Option("--hxl", help="Add the HXL hashtag row.")] = False,
    force: ForceOption = False,
    events: Annotated[
        Path | None, typer.Option("--events", help="Also write references.csv from this dataset.")
    ] = None,
    date_format: DateFormatOption = None,
) -> None:
    """Write claims.csv, pairs.csv and gaps.csv for spreadsheets.

    RFC 4180 with CRLF, UTF-8 with a BOM, formula-safe text cells; existing files are kept
    unless --force.

    Examples:

    \b
      casualty-recon export --out tables/

    \b
      casualty-recon export sources.yaml --out tables/ --delimiter ';' --hxl
    """
    try:
        if str(out) == "-":
            raise UsageError.of(OUT_IS_STDOUT)
        sources = load(file)
        from casualty_recon.analysis.report import compare
        from casualty_recon.cli.report import record_links
        from casualty_recon.render.csv import export_files

        # A spreadsheet gets every pair, with the records difference of list-backed claims.
        result = compare(sources, show_all=True, record_links=record_links(sources))
        references = None
        if events is not None:
            from casualty_recon.events import cross_check, load_events
            from casualty_recon.render.csv import REFERENCES_COLUMNS
            from casualty_recon.render.references import reference_rows

            order = date_format.value if date_format else None
            refs = cross_check(load_events(events, date_format=order), sources.claims)
            references = (REFERENCES_COLUMNS, reference_rows(refs))
        written = export_files(
            sources,
            result,
            out,
            bom=bom,
            delimiter=delimiter,
            hxl=hxl,
            force=force,
            references=references,
        )
    except CasualtyReconError as error:
        fail(error)
    for path in written:
        stderr(f"wrote {path}")


def import_claims(
    csv_file: Annotated[str, typer.Argument(help="A claims.csv (as export writes it).")],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="The sources.yaml to write (- for standard output).",
            callback=dash_is_stdout,
        ),
    ] = None,
    force: ForceOption = False,
) -> None:
    """Turn a claims CSV (edited in a spreadsheet) back into sources.yaml.

    Sources are created from the distinct source names; areas and party groups from the
    resolved columns.

    Examples:

    \b
      casualty-recon import claims.csv -o sources.yaml

    \b
      casualty-recon import claims.csv > sources.yaml
    """
    try:
        from casualty_recon.load.loader import read_claims_csv_document
        from casualty_recon.load.reading import read_input
        from casualty_recon.load.yaml_nodes import decode
        from casualty_recon.load.yaml_writer import sources_yaml

        data = read_input(csv_file)
        text, problems = decode(data, csv_file)
        if text is None:
            raise InputError(problems)
        first_line = text.split("\n", 1)[0]
        if ":" in first_line and "," not in first_line and ";" not in first_line:
            raise UsageError.of(IMPORT_GOT_YAML, path=csv_file)
        document, sources = read_claims_csv_document(text, csv_file)  # it must load
        for note in sources.notes:
            stderr(str(note))
        emit(sources_yaml(document, csv_file), output, force)
    except CasualtyReconError as error:
        fail(error)
