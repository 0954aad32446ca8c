"""Templates of the problems in the other input files: claims CSVs, event datasets, overlap
counts for `estimate`, named-victim lists and the `lists:` section. Same rules as `model.errors`:
a code of `ERROR_KINDS`, a wording with named blanks, a hint; sites fill them.
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
EVENTS_MIXED_ENCODING = Template(
    "encoding",
    "the event file is UTF-8 before this point and not here: byte 0x{byte:02X} is not UTF-8 "
    "(a file in two encodings cannot be read either way)",
    "save the whole file in one encoding, UTF-8",
)
EVENTS_ZIP_MANY = Template(
    "bad-csv",
    "the event file is a ZIP archive of {count} CSV files ({names}), not of one",
    "unzip it and give the CSV file of the event dataset",
)
EVENTS_ZIP_NO_CSV = Template(
    "bad-csv",
    "the event file is a ZIP archive of {count} file(s), none of them CSV",
    "give the CSV file of an event dataset (UCDP GED, ACLED, Airwars)",
)
EVENTS_WORKBOOK = Template(
    "bad-csv",
    "the event file is an Excel workbook, not CSV",
    "save the sheet as CSV (UTF-8) in Excel or LibreOffice, and give that file",
)
EVENTS_PARQUET = Template(
    "bad-csv",
    "the event file is a Parquet file, not CSV",
    "write it as CSV, e.g. pandas.read_parquet(FILE).to_csv(NEW, index=False)",
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

# event files
EVENTS_NOT_UTF16 = Template(
    "encoding",
    "the event file looks like UTF-16 text ({order}) but does not decode as UTF-16: {reason}",
    "save it again as UTF-8 CSV (or Excel's Unicode Text)",
)
EVENTS_FIGURE_NOT_WHOLE = Template(
    "bad-figure",
    '{column} "{text}" is not a whole number ({value:g}): a count of people has no fraction',
    "correct the cell; a file written with a decimal comma (1,5) must be separated by semicolons",
)
EVENTS_FIGURE_NOT_WHOLE_COMMA = Template(
    "bad-figure",
    '{column} "{text}" is not a whole number ({value:g}, read with a decimal comma): a count of '
    "people has no fraction",
    "correct the cell; in this file a comma is the decimal mark and a dot groups thousands "
    '("1.234" is 1234)',
)
EVENTS_NOT_TEXT = Template(
    "encoding",
    "the event file is not text: it has NUL bytes",
    "give the CSV file of an event dataset (UCDP GED, ACLED, Airwars)",
)
EVENTS_HEADER_FIELD_TOO_LONG = Template(
    "bad-csv",
    "a field of the header row is over {limit:,} characters",
    "the first row of an event CSV names its columns; is this an event dataset?",
)
EVENTS_HEADER_NOT_CSV = Template(
    "bad-csv",
    "cannot read the header row as CSV: {reason}",
    "the first row of an event CSV names its columns, separated by commas",
)
EVENTS_DATE_AMBIGUOUS = Template(
    "bad-date",
    'date "{text}" in {column} could be {day_first} or {month_first}, and no date in the file '
    "shows which comes first",
    "say which with --date-format dd/mm/yyyy or --date-format mm/dd/yyyy",
)
EVENTS_DATE_ORDERS_MIXED = Template(
    "bad-date",
    'the file writes dates day first ("{day_first}") and month first ("{month_first}", here)',
    "say which it is with --date-format dd/mm/yyyy or --date-format mm/dd/yyyy; the others are "
    "then counted as unreadable",
)

# the claims CSV
CSV_NO_HEADER = Template(
    "bad-csv",
    "the CSV has no header row",
    "export one with `casualty-recon export`; its first row names the columns",
)
CSV_MISSING_COLUMNS = Template(
    "bad-csv", "the CSV has no {columns} column{s}", "required columns: {required}"
)
# when a header is close to a missing column's name: one guess per such column
CSV_MISSING_COLUMNS_GUESSED = CSV_MISSING_COLUMNS._replace(hint="{guesses}")
CSV_COLUMN_GUESS = "did you mean {close} for {name}?"
CSV_COLUMN_TWICE = Template(
    "bad-csv",
    "the column {name} is in the header twice (columns {first} and {second})",
    "delete one of them: a column is read from one place",
)
CSV_ROW_SHORT = Template(
    "bad-csv",
    "the row has {cells} cell{s}, the header has {columns}: none for {missing}",
    "give every row a cell for each column (an empty one where there is no value)",
)
CSV_ROW_SHORT_MORE = CSV_ROW_SHORT._replace(
    message="the row has {cells} cell{s}, the header has {columns}: none for {missing} "
    "and {more} more"
)
CSV_ROW_LONG = Template(
    "bad-csv",
    "the row has {cells} cells, the header has {columns}: cell {extra} (`{text}`) is under no "
    "column",
    "delete the extra cells, or name their column in the header",
)
CSV_NOT_WHOLE = Template("bad-csv", "{name} `{text}` is not a whole number", "write digits: 730")
CSV_EARLIEST_AFTER_LATEST = Template(
    "bad-csv", "{field}_earliest is after {field}_latest", "swap the two dates"
)
CSV_LOW_ABOVE_HIGH = Template(
    "bad-csv",
    "figure_low {low:,} is above figure_high {high:,}",
    "a figure's low end is at most its high end; empty figure_high for an open figure",
)
CSV_NOT_ISO = Template(
    "bad-csv",
    "{name} `{text}` is not a date in the form YYYY-MM-DD",
    "format the date columns as YYYY-MM-DD before saving the spreadsheet",
)
CSV_SOURCE_DIFFERS = Template(
    "bad-csv",
    "source {key} has the {field} `{value}` here but `{known}` on line {line}",
    "give every row of {key} the same {column}",
)
CSV_FIGURE_MISMATCH = Template(
    "bad-csv",
    "figure_low and figure_high ({low}, {high}) do not match figure_text `{text}`, "
    "which means {shown}, and without the qualifier column it cannot be told which was edited",
    "empty figure_low and figure_high to keep figure_text, or empty figure_text to keep the bounds",
)
# the same, when the qualifier column says figure_text was not edited either
CSV_FIGURE_MISMATCH_BOTH = CSV_FIGURE_MISMATCH._replace(
    message="figure_low and figure_high ({low}, {high}) do not match figure_text `{text}`, "
    "which means {shown}, and both look edited"
)
# how an empty cell is shown in a message
EMPTY_CELL = "empty"


CSV_DATE_MISMATCH = Template(
    "bad-csv",
    "{name} {stated} does not match {field} `{text}` ({earliest} to {latest})",
    "edit {field} (it is what counts), or empty it to use {field}_earliest and {field}_latest",
)
CSV_RESOLVED_EXTRA = Template(
    "bad-csv",
    "{resolved_column} lists {extra}, which {written_column} `{written}` does not name",
    "{written_column} is what counts: make it say what you mean and empty {resolved_column}, "
    "which is then derived from it",
)
CSV_NAME_DIFFERS = Template(
    "bad-csv",
    "{what} `{name}` stands for other {members} here than on line {line}",
    "give every row that names {name} the same {resolved_column}",
)
