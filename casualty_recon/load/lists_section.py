"""The `lists:` section of sources.yaml (named-victim lists, read by `casualty_recon.lists`)
and the claims that say `list: KEY`."""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

from casualty_recon.grammar.periods import parse_period
from casualty_recon.load.node_reader import NodeReader, closest
from casualty_recon.load.yaml_nodes import Node
from casualty_recon.model.claims import Sources
from casualty_recon.model.file_errors import (
    CLAIM_LIST_UNKNOWN,
    LISTS_ENTRY_MISSING,
    LISTS_FORMAT_UNKNOWN,
    LISTS_NO_NAME_COLUMN,
    LISTS_NOT_A_MAPPING,
    LISTS_UNKNOWN_SOURCE,
)
from casualty_recon.model.lists import LIST_FIELDS, LIST_FORMATS, ListSpec

# The fields of one entry of `lists:` (the JSON Schema reads them from here) and the required ones.
LIST_ENTRY_FIELDS = ("file", "source", "as_of", "format", "sheet", "columns", "free")
LIST_ENTRY_REQUIRED = ("file", "columns")
LIST_SUFFIXES = {".csv": "csv", ".json": "json", ".xlsx": "excel", ".xls": "excel"}


def lists_section(
    builder: NodeReader, top: dict[str, tuple[Node, Node]], sources: Sources
) -> dict[str, ListSpec]:
    """The `lists:` section (issue 14) and the claims that say `list: KEY`.

    Each entry: `file` (relative to sources.yaml), `source` (a key of `sources`), `as_of`,
    `format` (csv, json or excel; from the suffix by default), `sheet`, `columns` (a mapping from
    the fields of LIST_FIELDS to the file's column names; `name` is required) and `free` (other
    columns to keep). The files themselves are read by `casualty_recon.lists`.
    """
    specs: dict[str, ListSpec] = {}
    node = top["lists"][1] if "lists" in top else None
    base = Path(builder.path).parent
    for key_node, value in node.pairs if node is not None and node.kind == "map" else []:
        key, what = key_node.text, f"list `{key_node.text}`"
        fields = builder.mapping(value, LIST_ENTRY_FIELDS, what)
        if fields is None:
            continue
        text = {
            name: builder.text(fields[name][1], f"{what}: {name}", allow_numbers=True)
            for name in ("file", "source", "as_of", "format", "sheet")
            if name in fields
        }
        missing = next((name for name in LIST_ENTRY_REQUIRED if name not in fields), None)
        if missing is not None:
            builder.report(LISTS_ENTRY_MISSING, value, what=what, name=missing)
            continue
        if text.get("source") and text["source"] not in sources.sources:
            builder.report(LISTS_UNKNOWN_SOURCE, fields["source"][1], what=what)
        as_of = None
        if text.get("as_of"):
            day = builder.guarded(
                fields["as_of"][1],
                functools.partial(parse_period, text["as_of"], default_year=None),
            )
            as_of = day.latest if day is not None else None
        file = text.get("file") or ""
        fmt = text.get("format") or LIST_SUFFIXES.get(Path(file).suffix.lower(), "")
        if fmt not in LIST_FORMATS:
            builder.report(
                LISTS_FORMAT_UNKNOWN, fields.get("format", fields["file"])[1], what=what, file=file
            )
        columns: dict[str, str] = {}
        mapping = builder.mapping(fields["columns"][1], LIST_FIELDS, f"{what}: columns") or {}
        for name, (_k, column) in mapping.items():
            column_name = builder.text(column, f"{what}: column for {name}", allow_numbers=True)
            if column_name:
                columns[name] = column_name
        if fields["columns"][1].kind == "map" and "name" not in mapping:  # `{}` included
            builder.report(LISTS_NO_NAME_COLUMN, fields["columns"][1], what=what)
        free = (
            tuple(t for _n, t in builder.text_list(fields["free"][1], f"{what}: free"))
            if ("free" in fields)
            else ()
        )
        where = key_node.where(builder.path)
        specs[key] = ListSpec(
            key=key,
            path=str(base / file) if file and file != "-" else file,
            source=text.get("source") or "",
            format=fmt,
            columns=columns,
            as_of=as_of,
            free=free,
            sheet=text.get("sheet"),
            line=where.line,
            column=where.column,
        )
    if node is not None and node.kind != "map" and not node.is_null:
        builder.report(LISTS_NOT_A_MAPPING, node)
    claims = top["claims"][1] if "claims" in top else None
    backed: dict[str, list[str]] = {}
    for item in claims.items if claims is not None and claims.kind == "seq" else []:
        written = {k.text: v for k, v in item.pairs} if item.kind == "map" else {}
        list_node, id_node = written.get("list"), written.get("id")
        if list_node is None or id_node is None:
            continue
        if not list_node.is_scalar or list_node.text.strip() not in specs:
            template = CLAIM_LIST_UNKNOWN.near(closest(list_node.text, specs))
            builder.report(template, list_node, text=list_node.text)
            continue
        backed.setdefault(list_node.text.strip(), []).append(id_node.text.strip())
    for key, ids in backed.items():
        specs[key] = dataclasses.replace(specs[key], claims=tuple(ids))
    return specs
