"""Click's own usage errors in the house form (issue 17): a missing argument, an unknown option
or command, a bad choice, a value of the wrong type, an extra argument. Click prints them as
`Usage: ... / Try ... / Error: ...`; here each becomes `error: what is wrong` and a hint that
says what to type (the close option or command, the command's usage and its `--help`), exit 2.
`HouseGroup` is the class of the app and its sub-apps: every error of click's parser and of
the commands' own parameter checks passes through its `make_context`, `resolve_command` or
`invoke`, whether the app runs as the console script or under a test runner.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from difflib import get_close_matches
from typing import IO, Any

from typer._click import Context
from typer._click.exceptions import NoArgsIsHelpError, NoSuchOption, UsageError
from typer.core import TyperGroup

from casualty_recon.cli.common import escape_controls
from casualty_recon.model.errors import Template
from casualty_recon.model.usage import (
    CLICK_NO_SUCH_COMMAND,
    CLICK_NO_SUCH_COMMAND_CLOSE,
    CLICK_NO_SUCH_OPTION,
    CLICK_NO_SUCH_OPTION_CLOSE,
    CLICK_USAGE,
    error_text,
)

PROGRAM = "casualty-recon"


class HouseUsageError(UsageError):
    """A usage error of click, filled into a template of `model.usage` and shown as the house
    shows every error; exit code 2, as click's."""

    def __init__(self, ctx: Context | None, template: Template, **values: object) -> None:
        message, hint = template.fill(**values)
        super().__init__(message, ctx)
        self.hint = hint

    def show(self, file: IO[Any] | None = None) -> None:
        target = file if file is not None else sys.stderr
        target.write(escape_controls(error_text(self.message, self.hint)) + "\n")
        target.flush()


def _sentence(text: str) -> str:
    """Click's sentence as a house message: no capital at the start, no full stop at the end."""
    text = text.strip().rstrip(".")
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        text = text[0].lower() + text[1:]
    return text


def _command(ctx: Context | None) -> str:
    return ctx.command_path if ctx is not None else PROGRAM


def _usage(ctx: Context | None) -> str:
    """The command's usage on one line: `casualty-recon report [OPTIONS] [file]`."""
    if ctx is None:
        return f"{PROGRAM} [OPTIONS] COMMAND [ARGS]..."
    return " ".join([ctx.command_path, *ctx.command.collect_usage_pieces(ctx)])


def _either(names: Sequence[str]) -> str:
    names = sorted(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def house_form(error: UsageError) -> UsageError:
    """`error` as the house shows it; help shown for no arguments stays help."""
    if isinstance(error, HouseUsageError | NoArgsIsHelpError):
        return error
    ctx = error.ctx
    command = _command(ctx)
    if isinstance(error, NoSuchOption):
        message = _sentence(error.message)
        if error.possibilities:
            return HouseUsageError(
                ctx,
                CLICK_NO_SUCH_OPTION_CLOSE,
                message=message,
                close=_either(error.possibilities),
                command=command,
            )
        return HouseUsageError(ctx, CLICK_NO_SUCH_OPTION, message=message, command=command)
    return HouseUsageError(
        ctx,
        CLICK_USAGE,
        message=_sentence(error.format_message()),
        usage=_usage(ctx),
        command=command,
    )


class HouseGroup(TyperGroup):
    """The app's group: click's usage errors in the house form (see the module)."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: Context | None = None,
        **extra: Any,
    ) -> Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except UsageError as error:
            raise house_form(error) from None

    def resolve_command(self, ctx: Context, args: list[str]) -> tuple[str | None, Any, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except UsageError as error:
            name = args[0] if args else ""
            if isinstance(error, NoSuchOption) or not name or self.get_command(ctx, name):
                raise house_form(error) from None
            commands = self.list_commands(ctx)
            close = get_close_matches(name, commands)
            if close:
                raise HouseUsageError(
                    ctx,
                    CLICK_NO_SUCH_COMMAND_CLOSE,
                    name=name,
                    close=_either(close),
                    command=ctx.command_path,
                ) from None
            raise HouseUsageError(
                ctx,
                CLICK_NO_SUCH_COMMAND,
                name=name,
                commands=", ".join(commands),
                command=ctx.command_path,
            ) from None

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as error:
            # click's parser raises some errors (an option short of its values) without the
            # context of the command that was parsing: it is the subcommand being invoked
            name = ctx.invoked_subcommand
            command = self.get_command(ctx, name) if error.ctx is None and name else None
            if command is not None:
                error.ctx = Context(command, info_name=name, parent=ctx)
            raise house_form(error) from None
