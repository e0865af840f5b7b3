"""The one place that turns outcomes into messages and exit codes (Black's report object).

Exit codes, as yamllint's: 0 nothing to fix, 1 problems found (or a command failed on the
user's input), 2 usage errors (click) or an input that cannot be read at all (diff).
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Callable, Iterable
from typing import Any, NoReturn, TypeVar

import click

from tambondoc.cli.output import color_on
from tambondoc.errors import PlanError, Problem, printable
from tambondoc.files import explain
from tambondoc.reporters import REPORTERS, format_problems

F = TypeVar("F", bound=Callable[..., Any])


class Status(enum.IntEnum):
    OK = 0
    PROBLEMS = 1
    ERROR = 2


def show_problems(problems: Iterable[Problem], fmt: str = "text", err: bool | None = None) -> None:
    """Print problems with the reporter ``fmt`` (text, json, github, gitlab): machine formats on
    stdout, so they can be piped; text on stderr unless ``err`` says otherwise. The JSON formats
    print an empty list when there is nothing to report: a report file must still parse."""
    problems = list(problems)
    err = fmt == "text" if err is None else err
    if fmt == "text" and problems and color_on(sys.stderr if err else sys.stdout):
        click.echo("\n".join(_coloured(p) for p in problems), err=err)
    elif problems or fmt in ("json", "gitlab"):
        click.echo(format_problems(problems, fmt), err=err)


def _coloured(problem: Problem) -> str:
    level = click.style(problem.level, fg={"error": "red", "warning": "yellow"}.get(problem.level), bold=True)
    return str(problem).replace(f": {problem.level}: ", f": {level}: ", 1)


def fail(message: str, problems: Iterable[Problem] = (), fmt: str = "text",
         status: Status = Status.PROBLEMS) -> NoReturn:
    """Report a failed command: its problems, then what happened; exit with ``status``."""
    problems = list(problems)
    show_problems(problems, fmt)
    if not (len(problems) == 1 and str(problems[0]) == message):  # a YAML error is its own message
        click.echo("\n".join(printable(line) for line in message.split("\n")), err=True)
    raise SystemExit(int(status))


def exit_with(status: Status) -> NoReturn:
    raise SystemExit(int(status))


def reports_errors(status: Status = Status.PROBLEMS) -> Callable[[F], F]:
    """A command whose PlanError (with its problems) and write failures end it with ``status``,
    never with a traceback. A command with a ``fmt`` option prints problems in that format."""
    import functools

    def decorate(command: F) -> F:
        @functools.wraps(command)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return command(*args, **kwargs)
            except PlanError as e:
                # a format that is no problem reporter (diff's markdown) reports problems as text
                fmt = kwargs.get("fmt", "text")
                fail(str(e), e.problems, fmt if fmt in REPORTERS else "text", status)
            except OSError as e:
                where = f"{e.filename}: " if e.filename else ""
                fail(f"{where}เขียนหรืออ่านไฟล์ไม่ได้: {explain(e)}", status=status)

        return wrapper  # type: ignore[return-value]

    return decorate
