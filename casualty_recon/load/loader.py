"""`sources.yaml` (format version 1) to the model, with every problem located.

The loader never stops at the first problem: it checks every field it can and raises one
`InputError` listing them all, sorted by position. Values it fills in on the user's behalf (a
year taken from `as_of`, a missing `version`) become `Note`s that `validate` prints.

This module holds the entry points (files, standard input, text, claims CSV, plain data); the
pass over the node tree is `builder.Builder`, on the typed access of `node_reader.NodeReader`.
"""

from __future__ import annotations

from pathlib import Path

from casualty_recon.load.builder import Builder
from casualty_recon.load.reading import read_input
from casualty_recon.load.yaml_nodes import decode, from_python, parse
from casualty_recon.model.claims import Sources
from casualty_recon.model.errors import InputError


def load(path: str | Path) -> Sources:
    """Load a `sources.yaml` or a claims CSV; `-` reads standard input (within the input limit,
    see `reading`)."""
    name = str(path)
    if name == "-":
        data = read_input("-")
        if _looks_like_claims_csv(data):
            return loads_csv(data, "<stdin>")
        return loads(data, "<stdin>")
    data = read_input(name)
    if Path(path).suffix.lower() == ".csv":
        return loads_csv(data, name)
    return loads(data, name)


def loads(data: str | bytes, path: str = "<string>") -> Sources:
    """Load `sources.yaml` text."""
    if isinstance(data, bytes):
        text, problems = decode(data, path)
        if text is None:
            raise InputError(problems)
    else:
        text = data
    root, problems = parse(text, path)
    if root is None:
        raise InputError(problems)
    return Builder(path).build(root)


def loads_csv(data: bytes, path: str) -> Sources:
    """Load a claims CSV (as `export` writes it, perhaps edited in a spreadsheet)."""
    text, problems = decode(data, path)
    if text is None:
        raise InputError(problems)
    return read_claims_csv(text, path)


def read_claims_csv(text: str, path: str) -> Sources:
    """Load claims CSV text into `Sources`, through the same parsers as `sources.yaml`."""
    return read_claims_csv_document(text, path)[1]


def read_claims_csv_document(text: str, path: str) -> tuple[dict[str, object], Sources]:
    """The plain data of a claims CSV and what it loads to; every problem names its cell's
    column, and the notes say which figures were re-derived from an edited cell."""
    from casualty_recon.load.claims_csv import read_claims_table  # a YAML file never needs it

    table = read_claims_table(text, path)
    try:
        sources = load_document(table.document, path, table.positions)
    except InputError as error:
        raise table.located(error) from None
    sources.notes = [*table.notes, *sources.notes]
    return table.document, sources


def load_document(
    document: dict[str, object],
    path: str,
    positions: dict[tuple[object, ...], tuple[int, int]] | None = None,
) -> Sources:
    """Load plain data shaped like a v1 file; `positions` maps key paths to (line, column)."""
    return Builder(path).build(from_python(document, positions or {}, ()))


def _looks_like_claims_csv(data: bytes) -> bool:
    """A claims CSV on standard input: its first line is a header naming the claim columns."""
    first = data.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0]
    return b"figure_text" in first and (b"," in first or b";" in first) and b": " not in first
