"""The catalogue of command errors: what a command was asked to do that it cannot do (exit 2),
a run that failed part-way (exit 1), a bug (exit 70). Each message is a `Template` of
`model.errors` with a code of `USAGE_KINDS`; a site fills it (`UsageError.of(FILE_EXISTS,
path=...)`) instead of composing text by hand. `describe` and `error_text` lay out every error
the way the user reads it, `error: what is wrong` and its hint on the next line.
"""

from __future__ import annotations

from casualty_recon.model.errors import (
    KINDS,
    CasualtyReconError,
    ErrorKind,
    InputError,
    Template,
)

USAGE_KINDS: dict[str, ErrorKind] = {
    kind.code: kind
    for kind in (
        ErrorKind(
            "bad-option", "Bad option", "An option or argument is not one the command takes."
        ),
        ErrorKind(
            "option-conflict",
            "Options that do not go together",
            "Options that exclude each other, or one that needs another.",
        ),
        ErrorKind("unknown-name", "Unknown name", "An id, source, list or grade the input lacks."),
        ErrorKind("no-pair", "No pair", "Two claims whose scopes cannot be compared."),
        ErrorKind("exists", "File exists", "An output file exists and `--force` was not given."),
        ErrorKind("cannot-write", "Cannot write", "An output file cannot be written."),
        ErrorKind("cannot-read", "Cannot read", "An input named on the command line is unusable."),
        ErrorKind("too-many", "Too many", "More than one chart can show."),
        ErrorKind("missing-package", "Missing package", "An optional package is not installed."),
        ErrorKind("failed", "Run failed", "Part of a batch failed; the rest was done."),
        ErrorKind("output", "Output failed", "Standard output could not be written."),
        ErrorKind("internal", "Internal error", "A bug: the tool did what it should not."),
    )
}
KINDS.update(USAGE_KINDS)


def error_text(message: str, hint: str | None = None, where: str | None = None) -> str:
    """`error: [WHERE: ]MESSAGE`, and `  hint: HINT` on a line of its own."""
    text = f"error: {where}: {message}" if where else f"error: {message}"
    return text + (f"\n  hint: {hint}" if hint else "")


def describe(error: CasualtyReconError) -> str:
    """An error as the user reads it: each problem of an `InputError`, located; any other error
    its message and hint."""
    if isinstance(error, InputError):
        return "\n".join(str(problem) for problem in error.problems)
    return error_text(getattr(error, "message", str(error)), getattr(error, "hint", None))


def template_text(template: Template, where: str | None = None, **values: object) -> str:
    """A template filled and laid out as `error_text` does, for what is reported, not raised."""
    return error_text(*template.fill(**values), where=where)


FORCE_HINT = "pass --force to overwrite it"
ARTICLE_HINT = "give the path of a text or HTML file, or - for stdin"

# --- options and arguments ---------------------------------------------------------------------
OPTION_NOT_A_DATE = Template(
    "bad-option", "{name} {value!r} is not a date", "write it as YYYY-MM-DD"
)
FORMAT_FROM_SUFFIX = Template(
    "bad-option",
    "cannot tell the format of {name} from its suffix",
    "name it {suffixes}, or pass --format",
)
FORMAT_UNKNOWN = Template("bad-option", "unknown format {fmt!r}", "--format is one of {formats}")
FORMAT_NOT_FOR_COMMAND = Template(
    "bad-option", "{command} has no {fmt} output", "--format is one of {formats}"
)
DELIMITER_BAD = Template(
    "bad-option",
    "the delimiter must be ',' or ';', not {delimiter!r}",
    "use --delimiter ';' for spreadsheets in comma-decimal locales",
)
TABLE_UNKNOWN = Template("bad-option", "unknown table {table!r}", "tables: {tables}")
CHART_SUFFIX_BAD = Template(
    "bad-option", "cannot draw a chart as {name}", "name a .png or .svg file"
)
CHART_TYPE_UNKNOWN = Template(
    "bad-option",
    "cannot draw a chart as {name!r}: unknown file type {suffix!r}",
    "name a .png or .svg file, e.g. --chart timeline.png",
)
CHART_NO_SUFFIX = CHART_TYPE_UNKNOWN._replace(
    message="cannot draw a chart as {name!r}: unknown file type '(no suffix)'"
)
CHART_FORMAT_UNKNOWN = Template(
    "bad-option", "unknown chart format {chart_format!r}", "use png or svg"
)
PRECISION_BAD = Template(
    "bad-option", "--{what} must be 1 or more, not {value}", "1 is the most precise"
)
GRADES_EMPTY = Template("bad-option", "--grades names no grade", "{title} grades: {grades}")
EVENT_KIND_UNKNOWN = Template(
    "bad-option", "unknown event dataset kind '{kind}'", "use one of: {kinds}"
)
EVENT_KIND_UNKNOWN_CLOSE = Template(
    "bad-option", "unknown event dataset kind '{kind}'", "did you mean {close}?"
)
EVENT_KIND_AMBIGUOUS = Template(
    "bad-option",
    "{path}: the columns fit several event datasets ({kinds})",
    "say which with --kind",
)
ENGINE_UNKNOWN = Template("bad-option", "unknown engine {engine!r}", "engines: {engines}")
NO_ARTICLE = Template(
    "bad-option", "no article given", "give one or more files, or - for standard input"
)
STDIN_TWICE = Template(
    "bad-option",
    "standard input (-) can be read only once",
    "give - once; name the other articles by their files",
)
LINK_ONE_OR_TWO = Template("bad-option", "link one list or two", "casualty-recon lists link A B")
LINK_HOW_MANY = Template(
    "bad-option",
    "link one list (its duplicates) or two lists",
    "casualty-recon lists link A (its duplicates) or casualty-recon lists link A B",
)
LIST_TWICE = Template("bad-option", "list `{key}` is given twice", "name two different lists")
ESTIMATE_FILE_OR_LISTS = Template(
    "option-conflict",
    "give FILE or --lists, one of them",
    "estimate counts.csv, or estimate --lists A,B,C to link lists of sources.yaml",
)
ESTIMATE_LINKING_NEEDS_LISTS = Template(
    "option-conflict",
    "--by, --threshold and --no-ids go with --lists",
    "add --lists A,B,C (keys of `lists:`), or leave them out to read FILE",
)
ESTIMATE_LISTS_TOO_FEW = Template(
    "bad-option", "--lists names two lists or more", "--lists A,B,C (keys of `lists:`)"
)
DUCKDB_MEMORY_BAD = Template(
    "bad-option",
    "CASUALTY_RECON_DUCKDB_MEMORY={limit!r} is not an amount of memory",
    "write it like 4GB or 512MiB",
)
EVENTS_MAX_BYTES_BAD = Template(
    "bad-option",
    "{variable}={value!r} is not a size in bytes",
    "write it like 4G, 4GiB, 3000M or 3221225472 (K, M, G and T are powers of 1024)",
)
OVERLAP_TOO_FEW = Template(
    "bad-option", "overlap needs two lists or more", "casualty-recon lists overlap A B C"
)
OVERLAP_LIST_TWICE = Template("bad-option", "list `{key}` is given twice", "name each list once")
OVERLAP_KEY_ODD = Template(
    "bad-option", "list key `{key}` holds a comma or a quote", "rename the list"
)
OVERLAP_BY_RESERVED = Template(
    "bad-option",
    "--by {name}: that name is a column of the counts themselves",
    "pattern, lists and count are not strata: choose --by sex, place, age, period or a column "
    "of the lists",
)
OVERLAP_BY_UNKNOWN = Template(
    "bad-option", "--by {name}: no list has that column", "strata of these lists: {known}"
)
# --by names a field that lists map to a column of their own (`no list has a sex column`)
OVERLAP_BY_UNMAPPED = OVERLAP_BY_UNKNOWN._replace(
    message="--by {name}: no list has a {field} column"
)
OVERLAP_BY_NO_STRATA = OVERLAP_BY_UNKNOWN._replace(hint="strata of these lists: none")
OVERLAP_BY_UNMAPPED_NO_STRATA = OVERLAP_BY_UNMAPPED._replace(hint="strata of these lists: none")
OVERLAP_PERIOD_BAD = Template(
    "bad-option",
    "--period {part!r} is not a period",
    "month, quarter, year, or periods of days such as "
    "2023-10-07..2023-11-23,2023-11-24..2024-03-31",
)
OVERLAP_PERIODS_OVERLAP = Template(
    "bad-option", "--period: the periods overlap on {day}", "give each day once"
)
PAIR_SAME = Template(
    "bad-option",
    "--pair needs two different claims",
    "name two claim ids: --pair ID_A ID_B (`casualty-recon validate` lists the ids)",
)
WRITTEN_TWICE = Template(
    "bad-option", "{target} would be written twice", "give each output its own file name"
)
NO_INTERVAL = Template(
    "bad-option",
    "no method gave an interval to write as a claim",
    "pick a method that ran (see the estimate without --claim)",
)
# the loader's problem with the claim written, its message and hint as the loader gave them
ESTIMATE_CLAIM_INVALID = Template("bad-option", "the claim would not load: {message}", "{hint}")
ESTIMATE_CLAIM_INVALID_NO_HINT = ESTIMATE_CLAIM_INVALID._replace(hint="check the scope options")

# click's own usage errors (cli/click_errors.py), in the house form
CLICK_USAGE = Template("bad-option", "{message}", "usage: {usage}; `{command} --help` says more")
CLICK_NO_SUCH_OPTION = Template(
    "bad-option", "{message}", "`{command} --help` lists the options it takes"
)
CLICK_NO_SUCH_OPTION_CLOSE = Template(
    "bad-option", "{message}", "did you mean {close}? `{command} --help` lists the options"
)
CLICK_NO_SUCH_COMMAND = Template(
    "bad-option", "no such command {name!r}", "the commands: {commands} (`{command} --help`)"
)
CLICK_NO_SUCH_COMMAND_CLOSE = Template(
    "bad-option",
    "no such command {name!r}",
    "did you mean {close}? `{command} --help` lists the commands",
)

# --- options that do not go together -----------------------------------------------------------
PAIR_AND_AGAINST = Template(
    "option-conflict",
    "--pair and --against cannot be used together",
    "use --pair A B for one pair, or --against ID for every claim against one, not both",
)
APPEND_NEEDS_OUTPUT = Template(
    "option-conflict", "--append and --force need a file to write", "add -o sources.yaml"
)
APPEND_TO_STDOUT = Template(
    "option-conflict",
    "--append adds to a file, and -o - is standard output",
    "name the file to add to, for example -o sources.yaml --append",
)
APPEND_OR_FORCE = Template(
    "option-conflict",
    "--append and --force ask for opposite things: --append keeps the file and adds to it, "
    "--force replaces it",
    "give one of them",
)
ESTIMATE_CLAIM_FORMAT = Template(
    "option-conflict",
    "--claim writes a claim for sources.yaml (YAML), not {format}",
    "leave out --format; once the claim is in sources.yaml, `casualty-recon export` writes "
    "claims.csv",
)
ESTIMATE_CLAIM_SUFFIX = Template(
    "option-conflict",
    "--claim writes a claim for sources.yaml (YAML), but {name} names another format ({format})",
    "name the file .yaml (or leave out -o to print the claim)",
)
CLAIM_NEEDS_SCOPE = Template(
    "option-conflict",
    "--claim needs {missing}",
    "say whose estimate it is and of what: --source, --population, --outcome, --area and "
    "--as-of (YYYY-MM-DD)",
)
GRADES_NOT_APPLICABLE = Template(
    "option-conflict",
    "{title} has no grades; --grades applies to {layouts}",
    "leave out --grades",
)

# --- names the input lacks ---------------------------------------------------------------------
CLAIM_ID_UNKNOWN = Template(
    "unknown-name", "no claim with id {claim_id!r}", "ids in this file: {ids}"
)
CLAIM_ID_UNKNOWN_BARE = Template(
    "unknown-name",
    "no claim with id {claim_id!r}",
    "`casualty-recon validate` lists the claim ids of the file",
)
SOURCE_NOT_IN_FILE = Template(
    "unknown-name", "no source {name!r}", "sources in this file: {sources}"
)
GRADE_UNKNOWN = Template("unknown-name", "unknown grade '{grade}'", "{title} grades: {grades}")
GRADE_UNKNOWN_CLOSE = Template(
    "unknown-name", "unknown grade '{grade}'", "did you mean {close}? {title} grades: {grades}"
)
NO_LISTS_SECTION = Template(
    "unknown-name", "{path} has no `lists:` section", "see README, 'Named-victim lists'"
)
LIST_NOT_IN_FILE = Template("unknown-name", "no list `{key}` in {path}", "lists: {lists}")
LIST_NOT_IN_FILE_NO_LISTS = LIST_NOT_IN_FILE._replace(hint="lists: none (add a `lists:` section)")

# --- pairs -------------------------------------------------------------------------------------
PAIR_DISJOINT = Template(
    "no-pair",
    "{a} and {b} count disjoint scopes ({reason}): no pair",
    "compare claims whose places and perpetrators overlap",
)
AGAINST_NO_OVERLAP = Template(
    "no-pair",
    "no claim's scope overlaps {against}'s: every other claim counts other places or disjoint "
    "perpetrators",
    "choose a claim whose places and perpetrators overlap others'",
)

# --- files written -----------------------------------------------------------------------------
FILE_EXISTS = Template("exists", "{path} exists", FORCE_HINT)
FILES_EXIST = Template("exists", "{paths} exist", "pass --force to overwrite them")
EXTRACT_TARGET_EXISTS = Template(
    "exists",
    "'{target}' already exists",
    "use --append to add the claims to it, or --force to replace it",
)
CANNOT_WRITE = Template(
    "cannot-write",
    "cannot write {target}: {reason}",
    "check that the directory exists and you may write there, or choose another path",
)
CANNOT_CREATE_DIRECTORY = Template(
    "cannot-write",
    "cannot create {path}: {reason}",
    "check that you may write in its parent, or give another --out directory",
)
OUT_NOT_A_DIRECTORY = Template(
    "cannot-write", "{path} is not a directory", "--out names a directory"
)
OUT_IS_STDOUT = Template(
    "bad-option",
    "export writes several files; --out names the directory for them, not standard output (-)",
    "give a directory, for example --out tables/",
)
TARGET_IS_DIRECTORY = Template("cannot-write", "{target} is a directory", "name a file to write")
TARGET_NOT_REGULAR = Template(
    "cannot-write",
    "{target} is not a regular file (a device, FIFO or socket)",
    "name a file to write",
)
TARGET_PARENT_MISSING = Template(
    "cannot-write",
    "cannot write {target}: there is no directory {parent}",
    "create the directory first",
)
TARGET_PARENT_NOT_DIRECTORY = Template(
    "cannot-write",
    "cannot write {target}: {parent} is a file, not a directory",
    "write into a directory",
)
FILE_LOCKED = Template(
    "cannot-write",
    "{target} is being written by another process (it holds the lock {lock}; waited {wait:g} s)",
    "try again when the other casualty-recon run has finished",
)
NAME_TOO_LONG = Template(
    "cannot-write",
    "cannot write {shown}: the name is {size:,} bytes, over the limit of {limit} bytes a file "
    "name may have here",
    "choose a shorter name",
)

# --- files read --------------------------------------------------------------------------------
CANNOT_READ_QUOTED = Template(
    "cannot-read",
    "cannot read '{path}': {reason}",
    "save it as UTF-8, or write the claims to a new file with -o",
)
CSV_LACKS_COLUMNS = Template(
    "cannot-read",
    "'{path}' lacks the columns {columns}",
    "give the FA-KES CSV (article_content, nb_civilians, nb_children, date)",
)
ARTICLE_MISSING = Template("cannot-read", "no such article: '{name}'", ARTICLE_HINT)
ARTICLE_UNREADABLE = Template("cannot-read", "{message}", ARTICLE_HINT)
IMPORT_GOT_YAML = Template(
    "cannot-read",
    "{path} looks like YAML, not a claims CSV",
    "import reads the claims.csv that `export` writes; a sources.yaml is read as is",
)
APPEND_NOT_YAML = Template(
    "cannot-read",
    "cannot add to a file that is not valid YAML: {error}",
    "run `casualty-recon validate` on it and fix it first",
)
APPEND_NOT_A_MAPPING = Template(
    "cannot-read",
    "cannot add claims: the file is not a mapping with `sources` and `claims`",
    "run `casualty-recon validate` on it",
)

# --- limits, packages, runs --------------------------------------------------------------------
CHART_TOO_MANY = Template(
    "too-many",
    "{count} series of {people} are too many for one chart (at most {limit}, each "
    "in a colour of its own)",
    "choose sources with --source",
)
SPARK_MISSING = Template(
    "missing-package",
    "--engine spark needs pyspark",
    "pip install 'casualty-recon[spark]' (and Java 17+)",
)
ARTICLES_FAILED = Template(
    "failed",
    "{failed} of {articles} article{s} failed (above); the claims of the others were written",
    "each failure is above with its hint; fix those articles and run extract on them with --append",
)
OUTPUT_FAILED = Template(
    "output",
    "cannot write to standard output: {reason}",
    "check that the disk is not full and that the program reading the output is still running",
)
ARTICLES_ALL_FAILED = Template(
    "failed",
    "{failed} of {failed} article{s} failed (above); nothing was written",
    "each failure is above with its hint; fix those articles and run extract again",
)
UNEXPECTED = Template(
    "internal",
    "unexpected {name}: {error}",
    "this is a bug; please report it at {url} with the output of the same command run with --debug",
)
EXTRACTED_TOO_LARGE = Template(
    "bad-option",
    "the sources.yaml written from these articles would be {size:,} bytes, over the limit of "
    "{limit:,} that validate and report read; nothing was written",
    "extract fewer or shorter articles into each file",
)
EXTRACTED_INVALID = Template(
    "internal",
    "the extracted claims would not load:\n{errors}",
    "please report this as a bug in extract",
)
