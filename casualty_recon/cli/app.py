"""The command line: the typer app, its global options and the console script's `main()`.

Each command lives in its own module (report, validate, export and import, timeline, events,
extract, init and schema); the options they share are declared once in `cli.options`, and
every `--format` goes through the one registry of renderers (`render.registry`).

Exit codes: 0 success, 1 bad data (located errors on stderr), 2 bad usage, 70 an internal error
(with how to report it; `--debug` shows the traceback).
"""

import errno
import sys
from typing import Annotated

import typer
from typer._click.exceptions import ClickException  # typer's own click

from casualty_recon import __version__
from casualty_recon.cli.click_errors import HouseGroup
from casualty_recon.cli.common import (
    REPORT_URL,
    ExitCode,
    OutputFailed,
    discard_output,
    open_standard_streams,
    stderr,
)
from casualty_recon.cli.events import events
from casualty_recon.cli.export import export, import_claims
from casualty_recon.cli.extract import extract
from casualty_recon.cli.files import init, schema
from casualty_recon.cli.report import report
from casualty_recon.cli.timeline import timeline
from casualty_recon.cli.validate import validate
from casualty_recon.model.usage import OUTPUT_FAILED, UNEXPECTED, template_text

app = typer.Typer(
    name="casualty-recon",
    cls=HouseGroup,  # click's usage errors in the house form (issue 17)
    help=(
        "Reconcile competing casualty figures: why two tolls differ, by how much each reason "
        "could account for, and whether they contradict each other.\n\n"
        # Each example a paragraph of its own that click prints as written ("\b"), never
        # re-wrapped inside an id: copy and paste works at any width (issue 17 item 5).
        "Examples:\n\n"
        "\b\n"
        "  casualty-recon init sources.yaml\n\n"
        "\b\n"
        "  casualty-recon validate sources.yaml\n\n"
        "\b\n"
        "  casualty-recon report sources.yaml \\\n"
        "    --pair uossm-2019-08-20 ocha-reuters-2019-08-20\n\n"
        "\b\n"
        "  casualty-recon export sources.yaml --out tables/"
    ),
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_state = {"debug": False}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"casualty-recon {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an unexpected error.")
    ] = False,
) -> None:
    _state["debug"] = debug


# The commands, in the order `--help` lists them.
app.command()(validate)
app.command()(report)
app.command()(export)
app.command(name="import")(import_claims)
app.command()(schema)
app.command()(init)
app.command()(timeline)
app.command()(events)
app.command()(extract)


# Named-victim lists (issue 14): the `lists` sub-app lives in its own module.
from casualty_recon.cli.lists_command import lists_app  # noqa: E402

app.add_typer(lists_app, cls=HouseGroup)


def main() -> None:
    """The console script: run the app, turning unexpected errors into a report request.

    The standard streams as Unix tools treat them: a reader that went away (`| head`) ends the
    run quietly with exit 0; a closed stdout (`>&-`) drops the output quietly; a full disk is
    an error that says so (exit 1); a closed stdin is reported by the command that needs it.
    Every message on stderr, click's usage errors too, has its control characters escaped.
    """
    open_standard_streams()
    try:
        code = app(standalone_mode=False)  # typer.Exit carries our exit codes
        sys.stdout.flush()
    except ClickException as error:  # usage errors (exit 2), in the house form (HouseGroup)
        error.show(file=sys.stderr)  # escaped: see open_standard_streams
        code = error.exit_code
    except (typer.Abort, KeyboardInterrupt):
        stderr("interrupted")
        code = 130
    except OutputFailed as error:
        discard_output()  # what is still buffered must not fail again at exit
        if error.errno == errno.EPIPE:
            code = ExitCode.OK  # the reader went away (`| head`): not an error
        else:
            stderr(template_text(OUTPUT_FAILED, reason=error.reason))
            code = ExitCode.BAD_DATA
    except Exception as error:
        if _state["debug"] or "--debug" in sys.argv:
            raise
        stderr(template_text(UNEXPECTED, name=type(error).__name__, error=error, url=REPORT_URL))
        code = ExitCode.INTERNAL
    sys.exit(code if isinstance(code, int) else ExitCode.OK)


# Multiple systems estimation (issue 15): the `estimate` command lives in its own module.
from casualty_recon.cli.estimate_command import estimate  # noqa: E402

app.command(name="estimate")(estimate)
