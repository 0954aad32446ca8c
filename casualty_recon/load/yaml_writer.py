"""Write a v1 document (plain data) as clean, human-editable `sources.yaml` text.

Half of the one writer of sources.yaml: `import` writes with the rules here, and `yaml_append`
writes `extract`'s claims (a new document, or added to a file with its comments kept) under the
same ordering and plain-form rules (`CLAIM_ORDER`, `is_whole_number`, `is_iso_day`). Text in, text
out: files are written by the CLI through `render.atomic`. The output reads like a file a person
wrote (README, Input format): keys in the format's order, a blank line between sections and between
claims, short lists in flow style (`area: [southern Idlib, Hama]`), text unquoted wherever YAML
reads it back as the same text. Everything YAML would misread is double-quoted: `"NO"` (a boolean
in YAML 1.1), `"017"` (octal), `"1,089"`, `"2019"` in a text field, `"1e3"` (a float in YAML 1.2),
text starting with an indicator or holding `: ` or ` #`. Two plain forms are kept on purpose
because the loader reads them as written: a whole number as a figure (`figure: 730`) and an ISO day
as a date (`as_of: 2019-08-20`)."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Mapping, Sequence

import yaml

from casualty_recon.load.claim_fields import CLAIM_ORDER
from casualty_recon.load.yaml_nodes import MAX_BYTES
from casualty_recon.model.claims import Location
from casualty_recon.model.errors import IMPORT_TOO_LARGE, InputError, Problem

__all__ = [
    "CLAIM_ORDER",
    "dump_sources_document",
    "is_iso_day",
    "is_whole_number",
    "sources_yaml",
]

TOP_ORDER = ("version", "title", "settings", "areas", "parties", "sources", "claims", "assumptions")
SOURCE_ORDER = ("name", "kind", "method", "url")
ASSUMPTION_ORDER = ("applies_to", "from", "to", "ratio", "rate", "source", "reason")
DATE_FIELDS = frozenset({"start", "as_of", "published"})
WIDTH = 100
INDENT = "  "

_RESOLVER = yaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_SPECIAL = set(",[]{}?:#")  # PyYAML ends a plain flow scalar at ? and :
# Text YAML 1.2 (or a careful reader) takes for a number, though YAML 1.1 reads it as text.
_NUMBER_LIKE = re.compile(
    r"[-+]?(?:[0-9][0-9,._ ]*(?:[eE][-+]?[0-9]+)?|\.[0-9]+|0[oxb][0-9a-fA-F_]+|\.?(?:inf|nan))",
    re.IGNORECASE,
)
# Characters a YAML reader refuses, or reads as a line break, even inside double quotes.
_ESCAPE = re.compile(r"[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_CONTROL = re.compile(r"[\x00-\x1f]")  # control characters: quoted, never plain
_WHOLE_NUMBER = re.compile(r"0|[1-9][0-9]*")
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def sources_yaml(document: Mapping[str, object], source: str, *, limit: int | None = None) -> str:
    """`dump_sources_document`, refusing a text over the input limit: `validate` would refuse
    the file, so `import` does not write it (InputError located at line 1 of `source`)."""
    text = dump_sources_document(document)
    limit = MAX_BYTES if limit is None else limit
    size = len(text.encode("utf-8"))
    if size > limit:
        where = Location(source, 1, 1)
        raise InputError([Problem.of(IMPORT_TOO_LARGE, where, size=size, limit=limit)])
    return text


def dump_sources_document(document: Mapping[str, object]) -> str:
    """The document as YAML text; `yaml.safe_load` of it gives the same data back, except that
    a whole-number figure comes back as an int and an ISO date field as a date."""
    text = ""
    for index, key in enumerate(_ordered(document, TOP_ORDER)):
        value = document[key]
        if index and key != "title":
            text += "\n"  # `version` and `title` sit together; other sections stand apart
        if key in ("areas", "parties") and isinstance(value, Mapping):
            text += _groups(key, value)
        elif key == "sources" and isinstance(value, Mapping):
            text += _sources(value)
        elif key in ("claims", "assumptions") and isinstance(value, list | tuple) and value:
            text += _records(key, value, CLAIM_ORDER if key == "claims" else ASSUMPTION_ORDER)
        else:
            text += _entry(key, value, 0, order=())
    return text


# --- sections ----------------------------------------------------------------------------------


def _ordered(mapping: Mapping[str, object], order: Sequence[str]) -> list[str]:
    known = [key for key in order if key in mapping]
    return known + [key for key in mapping if key not in order]


def _is_list(value: object) -> bool:
    return isinstance(value, list | tuple)


def _groups(key: str, groups: Mapping[str, object]) -> str:
    if not groups:
        return f"{key}: {{}}\n"
    lines = [f"{key}:\n"]
    for name, members in groups.items():
        lines.append(_entry(str(name), members, 1, order=()))
    return "".join(lines)


def _sources(sources: Mapping[str, object]) -> str:
    if not sources:
        return "sources: {}\n"
    lines = ["sources:\n"]
    for key, source in sources.items():
        if source is None or (isinstance(source, Mapping) and not source):
            lines.append(f"{INDENT}{_key(str(key))}:\n")
        else:
            lines.append(_entry(str(key), source, 1, order=SOURCE_ORDER))
    return "".join(lines)


def _records(key: str, records: Sequence[object], order: Sequence[str]) -> str:
    blocks = []
    for record in records:
        if isinstance(record, Mapping) and record:
            blocks.append(_list_mapping(record, 1, order))
        else:
            blocks.append(f"{INDENT}- {_inline(record, field=None, flow=False)}\n")
    return f"{key}:\n" + "\n".join(blocks)


# --- nodes -------------------------------------------------------------------------------------


def _entry(key: str, value: object, level: int, *, order: Sequence[str]) -> str:
    """`key: value` at `level`, the value inline when it fits, else as a block below."""
    pad = INDENT * level
    head = f"{pad}{_key(key)}:"
    inline = _try_inline(value, field=key)
    if inline is not None and len(head) + 1 + len(inline) <= WIDTH:
        return f"{head} {inline}\n" if inline else f"{head}\n"
    if isinstance(value, Mapping):
        body = "".join(
            _entry(str(k), value[k], level + 1, order=()) for k in _ordered(value, order)
        )
        return f"{head}\n{body}"
    if _is_list(value):
        assert isinstance(value, list | tuple)
        body = ""
        for item in value:
            nested = _try_inline(item, field=None) if _is_list(item) else None
            if isinstance(item, Mapping) and item:
                body += _list_mapping(item, level + 1, ())
            elif nested is not None:  # a list in a list (`compare:`'s pairs), in flow style
                body += f"{INDENT * (level + 1)}- {nested}\n"
            else:
                body += f"{INDENT * (level + 1)}- {_inline(item, field=None, flow=False)}\n"
        return f"{head}\n{body}"
    return f"{head} {_inline(value, field=key, flow=False)}\n"


def _list_mapping(mapping: Mapping[str, object], level: int, order: Sequence[str]) -> str:
    """A mapping as a list item: `- first: ...` then the other keys aligned under it."""
    pad = INDENT * level
    text = ""
    for index, key in enumerate(_ordered(mapping, order)):
        entry = _entry(str(key), mapping[key], level + 1, order=())
        prefix = f"{pad}- " if index == 0 else f"{pad}  "
        text += prefix + entry[len(INDENT * (level + 1)) :]
    return text


def _try_inline(value: object, *, field: str | None) -> str | None:
    """The value on one line (flow style for short lists and mappings), or None."""
    if value is None:
        return ""
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        # Only a figure's {low, high} reads better on one line; other mappings are blocks.
        if field != "figure" or not all(_is_scalar(item) for item in value.values()):
            return None
        items = ", ".join(
            f"{_key(str(k))}: {_inline(v, field=None, flow=True)}" for k, v in value.items()
        )
        return "{" + items + "}"
    if _is_list(value):
        assert isinstance(value, list | tuple)
        if not all(_is_scalar(item) and item is not None for item in value):
            return None
        return "[" + ", ".join(_inline(item, field=field, flow=True) for item in value) + "]"
    return _inline(value, field=field, flow=False)


def _is_scalar(value: object) -> bool:
    return value is None or isinstance(value, str | int | float | bool | dt.date)


def _key(key: str) -> str:
    return _scalar(key, flow=False, allow_number=False, allow_date=False)


def _inline(value: object, *, field: str | None, flow: bool) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return _scalar(
        str(value), flow=flow, allow_number=field == "figure", allow_date=field in DATE_FIELDS
    )


def is_whole_number(text: str) -> bool:
    """A figure written as a plain number (`730`), which YAML reads as the same figure."""
    return _WHOLE_NUMBER.fullmatch(text) is not None


def is_iso_day(text: str) -> bool:
    """An ISO day (`2019-08-20`), which YAML reads as that date."""
    return _ISO_DAY.fullmatch(text) is not None and _is_date(text)


def _scalar(text: str, *, flow: bool, allow_number: bool, allow_date: bool) -> str:
    if allow_number and is_whole_number(text):
        return text  # `figure: 730` is read as the number 730, which is the same figure
    if allow_date and is_iso_day(text):
        return text  # `as_of: 2019-08-20` is read as that day
    return text if _plain_is_safe(text, flow=flow) else _quoted(text)


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


@functools.lru_cache(maxsize=8192)  # a batch writes the same words (keys, vocabularies) often
def _plain_is_safe(text: str, *, flow: bool) -> bool:
    if not text or text != text.strip() or text[0] in _INDICATORS:
        return False
    if _CONTROL.search(text) or _ESCAPE.search(text):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and not _FLOW_SPECIAL.isdisjoint(text):
        return False
    if _NUMBER_LIKE.fullmatch(text):
        return False
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return str(tag) == _STR_TAG


def _quoted(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar with the same escapes.
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))
