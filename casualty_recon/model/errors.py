"""The catalogue of input errors, and the exceptions that carry them.

Every problem a user can make in an input file has an entry here with a code, a title and a
description; the README's error table is generated from `ERROR_KINDS` and a test keeps it current.
Parsers of the small languages raise `GrammarError` (what is wrong with one value); the loader
locates it and turns it into a `Problem` (where it is wrong). All problems of a file are raised
together in one `InputError`.
"""

from __future__ import annotations

from typing import NamedTuple

from casualty_recon.model.claims import Location


class ErrorKind(NamedTuple):
    code: str
    title: str
    description: str


ERROR_KINDS: dict[str, ErrorKind] = {
    kind.code: kind
    for kind in (
        ErrorKind("file", "Unreadable file", "The file does not exist or cannot be read."),
        ErrorKind("empty", "Empty file", "The file holds no YAML document."),
        ErrorKind("encoding", "Not UTF-8", "The file has bytes that are not UTF-8 text."),
        ErrorKind("too-large", "File too large", "The file is over the size limit."),
        ErrorKind("too-deep", "Nesting too deep", "Lists and mappings are nested too deeply."),
        ErrorKind(
            "alias-bomb",
            "Too many aliases",
            "YAML anchors and aliases expand to more nodes than the limit (a YAML bomb).",
        ),
        ErrorKind("yaml-syntax", "YAML syntax", "The text is not valid YAML."),
        ErrorKind("wrong-type", "Wrong type", "A value is a list where text was expected, etc."),
        ErrorKind("unknown-field", "Unknown field", "A field name that the format does not have."),
        ErrorKind("missing-field", "Missing field", "A required field is absent."),
        ErrorKind("bad-version", "Bad version", "`version` is not a version this tool reads."),
        ErrorKind("bad-id", "Bad id", "A claim id with characters other than letters, digits, -_."),
        ErrorKind("duplicate-id", "Duplicate id", "Two claims share an id."),
        ErrorKind("duplicate-key", "Duplicate key", "A mapping has the same key twice."),
        ErrorKind("unknown-source", "Unknown source", "A claim names a source not in `sources`."),
        ErrorKind("bad-figure", "Bad figure", "A figure outside the figure grammar."),
        ErrorKind("negative-figure", "Negative figure", "A figure below zero."),
        ErrorKind(
            "octal-number",
            "Leading zero",
            "A number with a leading zero, which YAML 1.1 reads as octal (`017` is 15).",
        ),
        ErrorKind(
            "boolean-value",
            "Boolean where text was meant",
            "A bare `no`, `yes`, `on`, `off`, `true` or `false`, which YAML reads as a boolean.",
        ),
        ErrorKind("bad-date", "Bad date", "A date or period outside the date grammar."),
        ErrorKind("start-after-as-of", "Start after as_of", "The window starts after it ends."),
        ErrorKind(
            "published-before-as-of",
            "Published before as_of",
            "The figure was published before the earliest day its count runs to.",
        ),
        ErrorKind("unknown-population", "Unknown population", "Not one of the populations."),
        ErrorKind("unknown-outcome", "Unknown outcome", "Not one of the outcomes."),
        ErrorKind("unknown-basis", "Unknown basis", "Not one of the bases."),
        ErrorKind("unknown-kind", "Unknown source kind", "Not one of the source kinds."),
        ErrorKind("unknown-place", "Unknown place", "A place the gazetteer and `areas` lack."),
        ErrorKind("ambiguous-place", "Ambiguous place", "A name shared by several places."),
        ErrorKind("bad-area", "Bad area definition", "An `areas` entry that cannot be resolved."),
        ErrorKind("bad-party", "Bad party", "A perpetrator or `parties` entry that is not valid."),
        ErrorKind(
            "unknown-breakdown",
            "Unknown breakdown_of",
            "`breakdown_of` names no claim in the file.",
        ),
        ErrorKind("bad-breakdown", "Bad breakdown", "A breakdown larger than the whole it splits."),
        ErrorKind("bad-assumption", "Bad assumption", "An `assumptions` entry that is not valid."),
        ErrorKind("bad-setting", "Bad setting", "A `settings` value out of range."),
        ErrorKind("bad-csv", "Bad claims CSV", "A claims CSV without the needed columns."),
        ErrorKind(
            "bad-list",
            "Bad list",
            "A `lists` entry, a claim's `list` or a list file that cannot be read.",
        ),
    )
}


class CasualtyReconError(Exception):
    """Base of the errors this package raises on purpose."""


class GrammarError(ValueError):
    """A value outside one of the small languages (figures, dates, places, parties)."""

    def __init__(self, code: str, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint


class Problem(NamedTuple):
    code: str
    location: Location
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        text = f"error: {self.location}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class InputError(CasualtyReconError):
    """One or more problems in an input file (exit code 1)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(
            problems, key=lambda p: (p.location.path, p.location.line, p.location.column)
        )
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(CasualtyReconError):
    """The command was asked for something it cannot do (exit code 2)."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
