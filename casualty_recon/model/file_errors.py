"""Templates of the problems in the other input files: event datasets, overlap counts for
`estimate`, named-victim lists and the `lists:` section. Same rules as `model.errors`: a code
of `ERROR_KINDS`, a wording with named blanks, a hint; sites fill them.
"""

from __future__ import annotations

from casualty_recon.model.errors import (
    FIFO_NO_WRITER,
    FILE_NOT_REGULAR,
    FILE_UNREADABLE,
    FileTemplates,
    Template,
)

# event files
EVENTS_UNREADABLE = Template(
    "file", "cannot read the event file: {reason}", "check the path of the event file"
)
EVENTS_EMPTY = Template(
    "empty",
    "the event file is empty",
    "give the CSV file of an event dataset (UCDP GED, ACLED, Airwars), header row first",
)
EVENTS_NOT_CSV = Template(
    "bad-csv",
    "cannot read the event file as CSV: {reason}",
    "save the event dataset as CSV: one header row, then one event a row",
)
EVENTS_LIMIT_HINT = (
    "the environment variable {variable} raises the limit for event files, e.g. {variable}={larger}"
)
EVENTS_TOO_LARGE = Template(
    "too-large",
    "the event file is {size:,} bytes, over the limit of {limit:,} for event files",
    EVENTS_LIMIT_HINT,
)
EVENTS_STREAM_TOO_LARGE = Template(
    "too-large",
    "the event file is more than {limit:,} bytes, over the limit for event files",
    EVENTS_LIMIT_HINT,
)
EVENTS_NOT_REGULAR = Template(
    "file",
    "cannot read the event file: it is {kind}, not a file",
    "give the path of an event dataset CSV (UCDP GED, ACLED, Airwars)",
)
EVENTS_FIFO_NO_WRITER = Template(
    "file",
    "cannot read the event file: nothing was written to this FIFO in {seconds:g} seconds",
    "start the program that writes to it first",
)
EVENTS_NOT_THE_LAYOUT = Template(
    "bad-csv",
    "not {article} {title} file: it lacks the column(s) {missing}",
    "{article} {title} file needs the columns {required}",
)
EVENTS_UNKNOWN_LAYOUT = Template(
    "bad-csv",
    "not a known event dataset: the header has {shown}; closest is {nearest}, which also needs "
    "{missing}",
    "expected columns, by dataset: {expected} (or say which with --kind)",
)

# overlap counts (`estimate`)
OVERLAPS_FILE_HINT = (
    "give the path of an overlap-count CSV (list columns and count), or - for stdin"
)
# the shared messages of a file that cannot be read, with a hint about this command's input
OVERLAPS_FILE = FileTemplates(
    *(
        Template(t.code, t.message, OVERLAPS_FILE_HINT)
        for t in (FILE_UNREADABLE, FILE_NOT_REGULAR, FIFO_NO_WRITER)
    )
)
OVERLAPS_NOT_UTF8 = Template("encoding", "the file is not UTF-8 text", "save the file as UTF-8")
OVERLAPS_EMPTY = Template(
    "empty",
    "the file holds no counts",
    "the first line names the lists (or a pattern column) and then count; then one row per pattern",
)
OVERLAPS_NO_ROWS = Template("bad-overlaps", "the file holds no counts", "add one row per pattern")
OVERLAPS_NO_COUNT_COLUMN = Template(
    "bad-overlaps",
    "the header has no count column",
    "the first line names the lists (or a pattern column) and then count",
)
OVERLAPS_COUNT_NEGATIVE = Template(
    "bad-overlaps", "count {text} is negative", "counts are 0 or more"
)
OVERLAPS_COUNT_NOT_WHOLE = Template(
    "bad-overlaps",
    "count {text!r} is not a whole number",
    "write how many people have this pattern, e.g. 12",
)
OVERLAPS_TOO_FEW_LISTS = Template(
    "bad-overlaps",
    "only {count} list{s}: estimating the undocumented needs two lists or more",
    "give one 0/1 column per list (or a pattern digit per list)",
)
OVERLAPS_TOO_MANY_LISTS = Template(
    "bad-overlaps",
    "{count} lists; at most {limit} can be estimated",
    "merge lists or leave some out, down to {limit}",
)
OVERLAPS_LIST_UNNAMED = Template(
    "bad-overlaps", "a list has no name", "name every list in the header"
)
OVERLAPS_LIST_TWICE = Template(
    "bad-overlaps", "list {name!r} is named twice", "name each list once in the header"
)
OVERLAPS_ZERO_PATTERN = Template(
    "bad-overlaps",
    "the all-zero pattern has a count ({count}): nobody is observed on no list",
    "the unobserved cell is what is estimated; leave it out or give it 0",
)
OVERLAPS_PATTERN_TWICE = Template(
    "bad-overlaps",
    "pattern {pattern} is given twice (first on line {first})",
    "give each pattern once, with its total count",
)
OVERLAPS_PATTERN_LENGTH = Template(
    "bad-overlaps",
    "the row has {fields} fields and the header {columns}: the pattern has the wrong length",
    "give one 0 or 1 for each of the {lists} lists, then the count",
)
OVERLAPS_NOT_BINARY = Template(
    "bad-overlaps", "{name} is {value!r}, not 0 or 1", "1 means on that list, 0 not on it"
)
OVERLAPS_ROW_LENGTH = Template(
    "bad-overlaps",
    "the row has {fields} fields and the header {columns}",
    'quote list names that hold commas: "police,news"',
)
OVERLAPS_STRATUM_LISTS = Template(
    "bad-overlaps",
    "stratum {key} names other lists than on line {first}",
    "every row of a stratum names the same lists in the same order",
)
OVERLAPS_PATTERN_BAD = Template(
    "bad-overlaps",
    "pattern {text!r} is not {count} digits 0 or 1",
    "one digit per list ({lists}): 1 on it, 0 not",
)

# named-victim lists
LIST_UNREADABLE = Template(
    "file",
    "cannot read list `{key}`: {reason}",
    "check `file` in the `lists` section; it is relative to sources.yaml",
)
LIST_TOO_LARGE = Template(
    "too-large",
    "list `{key}` is {size:,} bytes, over the limit of {limit:,}",
    "split the list, or keep only the columns the mapping names",
)
LIST_NO_COLUMN = Template(
    "bad-list",
    "list `{key}` has no column `{column}` (mapped to {field})",
    "its columns: {columns}",
)
LIST_NOT_UTF8 = Template("encoding", "list `{key}` is not UTF-8 ({reason})", "save it as UTF-8")
LIST_NOT_UTF8_HINTED = Template(
    "encoding", "list `{key}` is not UTF-8 ({reason})", "save it as UTF-8"
)
LIST_NOT_JSON = Template(
    "bad-list",
    "list `{key}` is not valid JSON: {reason}",
    'write it as a JSON array of records: [{{"name": ..., "age": ...}}, ...]',
)
LIST_NOT_RECORDS = Template(
    "bad-list",
    "list `{key}` is not a JSON array of records",
    'write it as [{{"name": ..., "age": ...}}, ...]',
)
LIST_NOT_CSV = Template(
    "bad-list",
    "list `{key}` is not a readable CSV: {reason}",
    "save it as CSV with one header row, or give its `format:` (csv, json or excel)",
)
LIST_RECORD_NOT_OBJECT = Template(
    "bad-list",
    "list `{key}`: record {number} is not an object ({kind})",
    'write each record as {{"name": ..., "age": ...}}',
)
LIST_ROW_TOO_LONG = Template(
    "bad-list",
    "list `{key}`: this row has {saw} cells, the header {fields}",
    "quote a cell that holds the delimiter {delimiter!r}, or add the missing column",
)
LIST_QUOTE_OPEN = Template(
    "bad-list",
    "list `{key}`: a quote opened in this cell is never closed",
    'close the quote, or write a quote inside a quoted cell as ""',
)
LIST_NOT_EXCEL = Template(
    "bad-list",
    "list `{key}` is not a readable Excel sheet: {reason}",
    "save it as .xlsx, or as CSV and give `format: csv`",
)

# the `lists:` section of sources.yaml
LISTS_ENTRY_MISSING = Template(
    "missing-field",
    "{what} has no `{name}`",
    "add `{name}:` to it (see README, 'Named-victim lists')",
)
LISTS_UNKNOWN_SOURCE = Template(
    "unknown-source",
    "{what} names an unknown source",
    "`source` is a key of `sources`; add the source there or fix the key",
)
LISTS_FORMAT_UNKNOWN = Template(
    "bad-list", "{what}: cannot tell the format of `{file}`", "give `format: csv`, json or excel"
)
LISTS_NO_NAME_COLUMN = Template(
    "missing-field",
    "{what} maps no `name` column",
    "name the column that holds each person's name: `name: full_name`",
)
LISTS_NOT_A_MAPPING = Template(
    "wrong-type",
    "`lists` must be a mapping of list keys",
    "write one key per list under `lists:`, each with its `file:`, `source:` and `columns:`",
)
CLAIM_LIST_UNKNOWN = Template(
    "bad-list", "`list` names no list of `lists`: `{text}`", "it must be a key of `lists`"
)
