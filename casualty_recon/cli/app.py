"""The command line: the typer app, its global options and the console script's `main()`.

Each command lives in its own module (report, validate, export and import, timeline, events,
extract, init and schema); the options they share are declared once in `cli.options`, and
every `--format` goes through the one registry of renderers (`render.registry`).

Exit codes: 0 success, 1 bad data (located errors on stderr), 2 bad usage, 70 an internal error
(with how to report it; `--debug` shows the traceback).
"""

import errno
import importlib
import sys
from typing import Annotated

import typer
import typer.main
from typer._click import Command, Context
from typer._click.exceptions import ClickException  # typer's own click
from typer.models import CommandInfo, TyperInfo

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
from casualty_recon.model.usage import OUTPUT_FAILED, UNEXPECTED, template_text

# The commands, in the order `--help` lists them: name, module, the function (or sub-app).
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("casualty_recon.cli.validate", "validate"),
    "report": ("casualty_recon.cli.report", "report"),
    "export": ("casualty_recon.cli.export", "export"),
    "import": ("casualty_recon.cli.export", "import_claims"),
    "schema": ("casualty_recon.cli.files", "schema"),
    "init": ("casualty_recon.cli.files", "init"),
    "timeline": ("casualty_recon.cli.timeline", "timeline"),
    "events": ("casualty_recon.cli.events", "events"),
    "extract": ("casualty_recon.cli.extract", "extract"),
    "estimate": ("casualty_recon.cli.estimate_command", "estimate"),  # issue 15
    "lists": ("casualty_recon.cli.lists_command", "lists_app"),  # named-victim lists (issue 14)
}


class CommandTable(HouseGroup):
    """The app's group, each command imported and built (typer reads its signature) when it is
    first asked for: `report` pays for its own options, not for the ten other commands'
    (about a third of the start-up over the stack floor). `--help` builds them all."""

    def list_commands(self, ctx: Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            self.commands[cmd_name] = _build(cmd_name)
        return self.commands.get(cmd_name)


def _build(name: str) -> Command:
    module, attribute = COMMANDS[name]
    target = getattr(importlib.import_module(module), attribute)
    if isinstance(target, typer.Typer):
        return typer.main.get_group_from_info(
            TyperInfo(target, name=name, cls=HouseGroup),
            pretty_exceptions_short=target.pretty_exceptions_short,
            rich_markup_mode=None,
            suggest_commands=target.suggest_commands,
        )
    return typer.main.get_command_from_info(
        CommandInfo(name=name, callback=target),
        pretty_exceptions_short=app.pretty_exceptions_short,
        rich_markup_mode=None,
    )


app = typer.Typer(
    name="casualty-recon",
    cls=CommandTable,  # commands built on demand; click's usage errors in the house form
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
