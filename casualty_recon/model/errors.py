"""The catalogue of input errors, and the exceptions that carry them.

Every problem a user can make in an input file has an entry here with a code, a title and a
description; the README's error table is generated from `ERROR_KINDS` and a test keeps it current.
Each message is a `Template` below: its code (so its title), its wording with named
blanks, and its hint; a site fills it (`GrammarError.of(FIGURE_NEGATIVE, text=...)`,
`Problem.of(FILE_UNREADABLE, location, reason=...)`) instead of composing text by hand.
Parsers of the small languages raise `GrammarError` (what is wrong with one value); the loader
locates it and turns it into a `Problem` (where it is wrong). All problems of a file are raised
together in one `InputError`. What a command is asked to do that it cannot (an unknown id, a file
that exists, an option out of range) is a `UsageError` (exit 2), its kinds in `USAGE_KINDS` and
its templates in `model.usage`; the messages of claims-CSV, event, overlap-count and list files
are in `model.file_errors`. `model.usage.describe` lays any of them out as the user reads it; no
other code composes an error message (tests/test_error_templates.py checks it). A site fills only
values (names, numbers, the user's text); where the wording depends on the case, each case is a
template of its own (`CSV_ROW_SHORT`, `CSV_ROW_SHORT_MORE`), and `Template.near` adds the "did you
mean" of a misspelt name.
"""

from __future__ import annotations

from typing import NamedTuple, Self

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
        ErrorKind(
            "bad-breakdown",
            "Bad breakdown",
            "A breakdown larger than its whole, or parts adding up to more than a `complete` one.",
        ),
        ErrorKind(
            "bad-compare", "Bad compare", "A `compare` entry that is not a pair of claim ids."
        ),
        ErrorKind("bad-assumption", "Bad assumption", "An `assumptions` entry that is not valid."),
        ErrorKind("bad-setting", "Bad setting", "A `settings` value out of range."),
        ErrorKind("bad-csv", "Bad claims CSV", "A claims CSV without the needed columns."),
        ErrorKind(
            "bad-overlaps",
            "Bad overlap counts",
            "An overlap-count CSV for `estimate`: a pattern of the wrong length, a negative or "
            "non-numeric count, a count on the all-zero pattern, fewer than two lists.",
        ),
        ErrorKind(
            "bad-list",
            "Bad list",
            "A `lists` entry, a claim's `list` or a list file that cannot be read.",
        ),
    )
}


# Every kind by its code: these, and those `model.usage` adds for commands.
KINDS: dict[str, ErrorKind] = dict(ERROR_KINDS)


class Template(NamedTuple):
    """One error message: the kind it belongs to, its wording and its hint, with `{name}` blanks
    that `fill` fills (`str.format` rules: `{{` for a literal brace)."""

    code: str
    message: str
    hint: str | None = None

    @property
    def title(self) -> str:
        return KINDS[self.code].title

    def near(self, close: str | None) -> Template:
        """This template, its hint led by "did you mean CLOSE?" when a name close to the one
        written was found (`close` goes in as a value: braces in it are not blanks)."""
        if close is None:
            return self
        return self._replace(hint=f"did you mean {_literal(close)}? {self.hint}")

    def fill(self, **values: object) -> tuple[str, str | None]:
        """The message and the hint with every blank filled."""
        hint = None if self.hint is None else self.hint.format(**values)
        return self.message.format(**values), hint


class CasualtyReconError(Exception):
    """Base of the errors this package raises on purpose; `exit_code` is the command's."""

    exit_code = 1


class DataError(CasualtyReconError):
    """A run that failed on its data, as one message with a hint (exit code 1)."""

    def __init__(self, code: str, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint

    @classmethod
    def of(cls, template: Template, **values: object) -> Self:
        message, hint = template.fill(**values)
        return cls(template.code, message, hint)


class GrammarError(DataError, ValueError):
    """A value outside one of the small languages (figures, dates, places, parties)."""


class Problem(NamedTuple):
    code: str
    location: Location
    message: str
    hint: str | None = None

    @classmethod
    def of(cls, template: Template, location: Location, **values: object) -> Problem:
        message, hint = template.fill(**values)
        return cls(template.code, location, message, hint)

    @classmethod
    def located(cls, error: DataError, location: Location) -> Problem:
        """A value's error (a `GrammarError`, say) at the place it was written."""
        return cls(error.code, location, error.message, error.hint)

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

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None, code: str = "bad-option") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint

    @classmethod
    def of(cls, template: Template, **values: object) -> Self:
        message, hint = template.fill(**values)
        return cls(message, hint, template.code)


def plural_s(count: int) -> str:
    """The `{s}` of a message that counts things: `1 list`, `2 lists`."""
    return "" if count == 1 else "s"


# --- the messages ------------------------------------------------------------------------------
# Named `AREA_WHAT`; `{name}` is a blank the site fills, `{{` a literal brace.

ACCEPTED_FIGURES = (
    "accepted: 730, more than 730, at least 730, about 500, nearly 500, up to 300, "
    "fewer than 300, between 160 and 300, 160-300, dozens, hundreds, thousands, a dozen, "
    "2.7 million, {low: 160, high: 300}"
)
ACCEPTED_PERIODS = (
    "accepted: 2019-04-29, 2019-04, 2019, April 2019, 29 April 2019, April 29, 2019, "
    "early/mid/late April 2019, start of May 2019, end of April 2019, start of 2019, "
    "end of 2019, 2019-04-21..2019-04-30"
)
PLACE_HINT = (
    "Places are countries, first-level subdivisions (ISO 3166-2), their common spellings, "
    "or keys of `areas`"
)
PARTY_HINT = (
    "write `any`, a party name (e.g. Syrian government, Russian forces), "
    "a key of `parties`, or a list of those"
)


def _literal(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


# figures
FIGURE_BAD = Template("bad-figure", 'cannot read figure "{text}"', _literal(ACCEPTED_FIGURES))


def _figure_bad(why: str) -> Template:
    """A figure the grammar refuses, and why (`why` may have blanks)."""
    return Template("bad-figure", 'cannot read figure "{text}": ' + why, FIGURE_BAD.hint)


FIGURE_FEWER_THAN_ZERO = _figure_bad("no count is fewer than 0")
FIGURE_NEARLY_ZERO = _figure_bad("no count is nearly 0")
FIGURE_LOW_ABOVE_HIGH = _figure_bad("low {low} is above high {high}")
FIGURE_RANGE_BACKWARDS = _figure_bad("the range runs backwards ({first} is above {last})")
FIGURE_BOUND_BOOLEAN = _figure_bad("a bound is true/false, not a number")
FIGURE_TRUE_FALSE = _figure_bad("a figure is a number, not true/false")
FIGURE_NOT_WHOLE = _figure_bad("a figure is a whole number")
FIGURE_OVER_MAX = _figure_bad("it is over {limit:,}, more than any count")
FIGURE_TOO_LONG = _figure_bad("too long for a figure")
FIGURE_BLANK = _figure_bad("it is empty")
FIGURE_NEGATIVE = Template(
    "negative-figure", 'figure "{text}" is below zero', "a figure counts people: write 0 or more"
)
FIGURE_UNKNOWN_KEY = Template(
    "bad-figure",
    'cannot read figure "{text}": unknown key "{key}"',
    "the mapping form has only low and high: {{low: 160, high: 300}} or {{low: 730}}",
)
FIGURE_NO_LOW = Template(
    "bad-figure",
    'cannot read figure "{text}": low is missing',
    "the mapping form needs low: {{low: 160, high: 300}} or {{low: 730}}",
)
TOLERANCE_NOT_NUMBER = Template(
    "bad-setting",
    'about_tolerance "{value}" is not a number',
    "use a fraction from 0 up to (not including) 1, e.g. 0.1",
)
TOLERANCE_OUT_OF_RANGE = Template(
    "bad-setting",
    'about_tolerance "{value}" is out of range',
    "use a fraction from 0 up to (not including) 1, e.g. 0.1",
)

# periods
PERIOD_BAD = Template("bad-date", 'cannot read date "{text}"', ACCEPTED_PERIODS)


def _period_bad(why: str) -> Template:
    """A date the grammar refuses, and why (`why` may have blanks)."""
    return Template("bad-date", 'cannot read date "{text}": ' + why, ACCEPTED_PERIODS)


PERIOD_NO_SUCH_DAY = _period_bad("there is no day {year:04d}-{month:02d}-{day:02d}")
PERIOD_NO_SUCH_MONTH = _period_bad("there is no month {month:02d}")
PERIOD_NO_SUCH_YEAR = _period_bad("there is no year {year}")
PERIOD_YEAR_OUT_OF_RANGE = _period_bad("a year runs from 0001 to 9999")
PERIOD_INTERVAL_END = _period_bad("each end of an interval is a day, month or year in digits")
PERIOD_INTERVAL_BACKWARDS = _period_bad("the interval ends before it starts")
PERIOD_NOT_TEXT = _period_bad("a date is text such as 2019-04-29")
PERIOD_TOO_LONG = _period_bad("too long for a date")
PERIOD_EMPTY = _period_bad("it is empty")
PERIOD_NO_YEAR = Template(
    "bad-date",
    'cannot read date "{text}": it has no year',
    'add the year, e.g. "{text} 2019" (' + ACCEPTED_PERIODS + ")",
)

# places
PLACE_NOT_TEXT = Template("unknown-place", "a place must be text, not {value!r}", PLACE_HINT)
PLACE_EMPTY = Template("unknown-place", "empty place name", PLACE_HINT)
PLACE_NOT_A_COUNTRY = Template(
    "unknown-place",
    '"{country}" in "{text}" is not a country',
    'write "Place, Country", e.g. "Punjab, Pakistan"',
)
PLACE_AMBIGUOUS = Template(
    "ambiguous-place", '"{text}" names several places', "write one of: {forms}"
)
PLACE_UNKNOWN = Template("unknown-place", 'unknown place "{text}"', PLACE_HINT)
PLACE_UNKNOWN_CLOSE = Template(
    "unknown-place", 'unknown place "{text}"', "did you mean {close}? " + PLACE_HINT
)
PLACE_UNKNOWN_IN_COUNTRY = Template(
    "unknown-place",
    'unknown place "{text}" in {country_name}',
    PLACE_HINT + "; codes of {country_name} start with {country}-",
)
PLACE_TWO_PARTS = Template(
    "unknown-place",
    '"{text}" has two part modifiers',
    "a place takes one part modifier: {parts}",
)
AREA_CYCLE = Template(
    "bad-area",
    'area "{key}" refers to itself: {chain}',
    "an area may list places and other areas, but not itself",
)
AREA_TOO_DEEP = Template(
    "bad-area",
    'area "{key}" nests other areas {depth} deep: {chain}',
    "nest areas at most {limit} deep; list the places directly",
)
AREAS_TOO_DEEP = Template(
    "bad-area",
    "areas or party groups nest each other too deeply to resolve",
    "nest them at most {limit} deep; list the places and parties directly",
)
AREA_NOT_A_NAME = Template(
    "bad-area",
    'area "{key}" lists {value!r}, which is not a place name',
    "list place names as text, e.g. [Idlib, Hama]",
)
AREA_EMPTY = Template("bad-area", 'area "{key}" lists no places', "list a place, or remove it")

# parties
PARTY_NOT_TEXT = Template(
    "bad-party", "perpetrators must be text or a list, not {value!r}", PARTY_HINT
)
PARTY_EMPTY_LIST = Template("bad-party", "an empty list of perpetrators", PARTY_HINT)
PARTY_NOT_A_NAME = Template("bad-party", "{value!r} is not a party name", PARTY_HINT)
PARTY_EMPTY_NAME = Template("bad-party", "an empty party name", PARTY_HINT)
PARTY_ANY_MIXED = Template(
    "bad-party",
    '"any" mixed with other parties: {parties}',
    "`any` means every party; write it alone, or list the parties",
)
PARTY_GROUP_CYCLE = Template(
    "bad-party",
    'party group "{group}" refers to itself: {chain}',
    "a group may list parties and other groups, but not itself",
)
PARTY_GROUP_TOO_DEEP = Template(
    "bad-party",
    'party group "{group}" nests other groups {depth} deep: {chain}',
    "nest party groups at most {limit} deep; list the parties directly",
)
PARTY_GROUP_BAD_MEMBER = Template("bad-party", 'party group "{group}" lists {value!r}', PARTY_HINT)
PARTY_GROUP_ANY = Template(
    "bad-party",
    'party group "{group}" lists "any"',
    "a group lists parties; write `any` directly in `perpetrators`",
)
PARTY_GROUP_EMPTY = Template("bad-party", 'party group "{group}" lists no parties', "list a party")

# reading a file
FILE_UNREADABLE = Template(
    "file",
    "cannot read the file: {reason}",
    "check the path; `casualty-recon init` writes a starter file",
)
FILE_UNREADABLE_BARE = Template("file", "cannot read the file: {reason}", "check the path")
FILE_TOO_LARGE = Template(
    "too-large",
    "the file is {size:,} bytes, over the limit of {limit:,}",
    "split it into several files",
)
TEXT_TOO_LARGE = FILE_TOO_LARGE._replace(
    message="the text is {size:,} characters, over the limit of {limit:,}"
)
FILE_STREAM_TOO_LARGE = Template(
    "too-large",
    "the input runs past the limit of {limit:,} bytes (it was not read to its end)",
    "split it into several files",
)
IMPORT_TOO_LARGE = Template(
    "too-large",
    "the sources.yaml written from it would be {size:,} bytes, over the limit of {limit:,} "
    "that validate and report read",
    "split it into several files",
)
FILE_NOT_REGULAR = Template(
    "file",
    "cannot read the file: it is {kind}, not a file",
    "give the path of a sources.yaml or claims CSV, or - for standard input",
)
FIFO_NO_WRITER = Template(
    "file",
    "cannot read the file: nothing was written to this FIFO in {seconds:g} seconds",
    "start the program that writes to it first, or pipe its output to - (standard input)",
)
STDIN_CLOSED = Template(
    "file", "cannot read standard input: it is closed", "give a file instead of -"
)


class FileTemplates(NamedTuple):
    """The messages of a named file that cannot be read, for one kind of input: each hint says
    what file to give (`load.reading.read_input` takes them)."""

    unreadable: Template
    not_regular: Template
    fifo_no_writer: Template


SOURCES_FILE = FileTemplates(FILE_UNREADABLE, FILE_NOT_REGULAR, FIFO_NO_WRITER)
FILE_NOT_UTF8 = Template(
    "encoding",
    "byte 0x{byte:02x} is not UTF-8 text",
    "save the file as UTF-8 (in a spreadsheet or editor: 'UTF-8' encoding)",
)
FILE_UTF16 = Template(
    "encoding",
    "the file is UTF-16 text ({order}), not UTF-8",
    "save the file as UTF-8 (in a spreadsheet or editor: 'UTF-8' encoding)",
)
FILE_CONTROL_CHARACTER = Template(
    "encoding", "unreadable character: {reason}", "remove control characters from the file"
)
FILE_EMPTY = Template(
    "empty",
    "the file is empty",
    "start from `casualty-recon init`, which writes a commented example",
)
YAML_ALIAS_BOMB = Template(
    "alias-bomb",
    "aliases expand to more than {limit:,} values",
    "write the values out instead of nesting aliases",
)
YAML_TOO_DEEP = Template(
    "too-deep",
    "lists and mappings are nested more than {limit} deep",
    "a sources file needs at most 4 levels",
)
YAML_SECOND_DOCUMENT = Template(
    "yaml-syntax", "a second YAML document (after `---`)", "put everything in one document"
)
YAML_SYNTAX = Template(
    "yaml-syntax",
    "{message}",
    "check the indentation and quoting near this point; text with ': ' or '#' must be quoted",
)
YAML_SYNTAX_TABS = Template(
    "yaml-syntax",
    "{message}",
    "YAML does not allow tabs for indentation: replace them with spaces",
)

# the loader: shapes and fields
NOT_A_MAPPING = Template(
    "wrong-type",
    "{what} must be a mapping, not {found}",
    "write it as `name: value` lines, indented under its key",
)
FILE_NOT_A_MAPPING = Template(
    "wrong-type",
    "the file must be a mapping, not {found}",
    "a sources file is a mapping: version, sources, claims (see `casualty-recon init`)",
)
NOT_TEXT = Template(
    "wrong-type", "{what} must be text, not {found}", "write one value, in quotes if need be"
)
NOT_BOOLEAN = Template(
    "wrong-type", "{what} must be true or false, not {found}", "write true or false"
)
COMPARE_EXAMPLE = "for example: compare: [[uossm-2019-08-20, ocha-reuters-2019-08-20]]"
COMPARE_NOT_A_LIST = Template(
    "wrong-type", "`compare` must be a list of pairs of ids, not {found}", COMPARE_EXAMPLE
)
COMPARE_NOT_A_PAIR = Template(
    "bad-compare", "a `compare` entry must be a pair of two claim ids, not {found}", COMPARE_EXAMPLE
)
COMPARE_NOT_TWO = COMPARE_NOT_A_PAIR._replace(
    message="a `compare` entry must be a pair of two claim ids, not a list of {count}"
)
COMPARE_UNKNOWN_ID = Template(
    "bad-compare", "`compare` names no claim: `{claim_id}`", "it must be the id of a claim"
)
COMPARE_SAME_ID = Template(
    "bad-compare", "`compare` pairs `{claim_id}` with itself", "a pair names two different claims"
)
KEY_TWICE = Template("duplicate-key", "`{name}` is given twice in {what}", "delete one of the two")
FIELD_UNKNOWN = Template("unknown-field", "unknown field `{name}` in {what}", "fields: {fields}")
BOOLEAN_TEXT = Template(
    "boolean-value",
    "{what} is `{text}`, which YAML reads as the boolean {value}",
    'write "{text}" in quotes if you mean the text',
)
OCTAL_TEXT = Template(
    "octal-number",
    "{what} `{text}` has a leading zero, which YAML 1.1 reads as an octal number",
    'write "{text}" in quotes',
)
VALUE_EMPTY = Template("missing-field", "{what} is empty", "give a value, or leave the field out")
LIST_EMPTY = Template("missing-field", "{what} is an empty list", "give a value, or leave it out")
KIND_UNKNOWN = Template("unknown-kind", 'unknown source kind "{value}"', "source kinds: {choices}")
POPULATION_UNKNOWN = Template(
    "unknown-population", 'unknown population "{value}"', "populations: {choices}"
)
OUTCOME_UNKNOWN = Template("unknown-outcome", 'unknown outcome "{value}"', "outcomes: {choices}")
BASIS_UNKNOWN = Template("unknown-basis", 'unknown basis "{value}"', "bases: {choices}")
APPLIES_TO_UNKNOWN = Template(
    "bad-assumption", 'unknown applies_to value "{value}"', "applies_to values: {choices}"
)
VERSION_UNKNOWN = Template(
    "bad-version",
    "version {version!r} is not a version this tool reads",
    "this tool reads `version: 1`",
)
NO_SOURCES = Template("missing-field", "the file has no `sources`", "add a `sources:` map")
NO_CLAIMS = Template("missing-field", "the file has no `claims`", "add a `claims:` list")
TOLERANCE_NOT_FRACTION = Template(
    "bad-setting",
    "about_tolerance must be a number from 0 up to (not including) 1, not {found}",
    "0.1 reads `about 500` as 450 to 550; 0 reads it as exactly 500",
)
GROUPS_NOT_A_MAPPING = Template(
    "wrong-type",
    "`{what}` must be a mapping of names to lists",
    "write `name: [member, member]` lines under it",
)
GROUP_TWICE = Template(
    "duplicate-key",
    "{singular} `{name}` is defined twice",
    "give each {singular} its own name, or merge the two",
)
AREA_BAD = Template("bad-area", "area `{key}`: {message}", "{hint}")
SOURCES_NOT_A_MAPPING = Template(
    "wrong-type",
    "`sources` must be a mapping of keys to sources",
    "write `KEY: name` lines under it, e.g. `UOSSM: Union of Medical Care ...`",
)
SOURCE_TWICE = Template(
    "duplicate-key",
    "source `{name}` is defined twice",
    "give each source its own key, or merge the two",
)
CLAIMS_NOT_A_LIST = Template(
    "wrong-type", "`claims` must be a list", "start each claim with `- id: ...`"
)
ID_TWICE = Template(
    "duplicate-id",
    "claim id `{id}` is used twice (first at line {line})",
    "give each claim its own id",
)
BREAKDOWN_OF_ITSELF = Template(
    "bad-breakdown",
    "claim `{id}` names itself in breakdown_of",
    "breakdown_of is the id of the claim this one is a part of",
)
BREAKDOWN_CYCLE = Template(
    "bad-breakdown",
    "breakdown_of goes round in a loop: {chain}",
    "a part cannot contain the whole it is part of; remove breakdown_of from one of these claims",
)
BREAKDOWN_UNKNOWN = Template(
    "unknown-breakdown", "breakdown_of names no claim: `{target}`", "it must be the id of a claim"
)
BREAKDOWN_TOO_LARGE = Template(
    "bad-breakdown",
    "`{part}` ({part_figure}) is larger than the whole it is part of, `{whole}` ({whole_figure})",
    "a breakdown counts part of another claim's figure",
)
BREAKDOWN_COMPLETE_OVER = Template(
    "bad-breakdown",
    "`{whole}` ({whole_figure}) says `complete: true`, but its parts by {dimension}, {parts},"
    " add up to at least {total}",
    "the parts that split a complete whole along one dimension add up to it: correct a part's"
    " figure or scope, or remove `complete: true`",
)
CLAIM_FIELD_MISSING = Template(
    "missing-field", "claim {label} has no `{name}`", "required fields: {required}"
)
# the claim has no id either: it is named by its line
CLAIM_FIELD_MISSING_AT = CLAIM_FIELD_MISSING._replace(
    message="claim at line {line} has no `{name}`"
)
ID_BAD = Template(
    "bad-id",
    "claim id `{id}` has characters other than letters, digits, -, _ and .",
    "for example: ohchr-2019-08-08",
)
SOURCE_UNKNOWN = Template(
    "unknown-source",
    "unknown source `{source}`",
    "add it under `sources:` or use one of: {sources}",
)
SOURCE_UNKNOWN_NONE_YET = Template(
    "unknown-source", "unknown source `{source}`", "add it under `sources:`"
)
SOURCE_UNKNOWN_BARE = Template(
    "unknown-source", "unknown source `{source}`", "add it to `sources`, or fix the key"
)
FIGURE_NOT_DECIMAL = Template(
    "octal-number",
    "figure `{text}` is read by YAML as a hexadecimal or binary number",
    'write the count in decimal digits, or "{text}" in quotes',
)
FIGURE_OCTAL = Template(
    "octal-number",
    "figure `{text}` has a leading zero, which YAML 1.1 reads as the octal number {octal}",
    'write {decimal}, or "{text}" in quotes',
)
FIGURE_BOOLEAN = Template(
    "boolean-value", "figure `{text}` is read by YAML as a boolean", "write the number"
)
FIGURE_EMPTY = Template("missing-field", "the figure is empty", "for example: more than 730")
FIGURE_A_LIST = Template(
    "wrong-type",
    "the figure must be text, a number or {{low: .., high: ..}}, not a list",
    "a range is written `between 160 and 300` or `{{low: 160, high: 300}}`",
)
START_AFTER_AS_OF = Template(
    "start-after-as-of",
    'start "{start}" ({start_day}) is after as_of "{as_of}" ({as_of_day})',
    "start is when counting began, as_of the day it runs to",
)
PUBLISHED_BEFORE_AS_OF = Template(
    "published-before-as-of",
    'published "{published}" ({published_day}) is before as_of "{as_of}" ({as_of_day})',
    "a figure cannot be published before the day it counts to; check both dates",
)
ASSUMPTIONS_NOT_A_LIST = Template(
    "wrong-type", "`assumptions` must be a list", "start each with `- applies_to:`"
)
ASSUMPTION_FIELD_MISSING = Template(
    "missing-field", "assumption {index} has no `{name}`", "add `{name}:`"
)
ASSUMPTION_NEEDS_RATE = Template(
    "bad-assumption",
    "assumption {index} on {target} needs a daily `rate`",
    "for example: rate: [5, 8]   # deaths a day",
)
ASSUMPTION_NOT_FOR_RATE = Template(
    "bad-assumption",
    "`{name}` does not apply to a {target} rate",
    "a time assumption has `rate` (a day) and optionally `source`",
)
ASSUMPTION_NEEDS = Template(
    "bad-assumption",
    "assumption {index} on {target} needs `{name}`",
    "for example: from: verified, to: reported, ratio: [1.3, 1.8]",
)
ASSUMPTION_RATE_MISPLACED = Template(
    "bad-assumption",
    "`rate` applies to {rate_targets}, not {target}",
    "a share or basis assumption has from, to and ratio",
)
INTERVAL_BAD = Template(
    "bad-assumption",
    "{what} must be a number or [low, high], not {found}",
    "for example: [1.3, 1.8]",
)
INTERVAL_NEGATIVE = Template(
    "bad-assumption",
    "{what} is negative: {found}",
    "a ratio or rate is 0 or more, e.g. [1.3, 1.8]",
)
INTERVAL_BACKWARDS = Template(
    "bad-assumption",
    "{what}: low {low:g} is above high {high:g}",
    "write the lower number first: [{high:g}, {low:g}]",
)
