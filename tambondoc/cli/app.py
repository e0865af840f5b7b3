"""The click classes every tambondoc command is made of: Thai help pages, the common options
(``-q``, ``-v``, ``--color``) on every command, and ``--version`` with the plan format's version.
"""

from __future__ import annotations

from typing import Any

import click

from tambondoc import __version__
from tambondoc.cli.output import common_params
from tambondoc.cli.thai import ThaiFormatter, gettext, install, short_help

install()


class Context(click.Context):
    formatter_class = ThaiFormatter


class Command(click.Command):
    context_class = Context

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params.extend(common_params())

    def get_short_help_str(self, limit: int = 45) -> str:
        return short_help(self.short_help or self.help or "", limit)


INTERRUPTED = 130  # 128 + SIGINT: what a shell reports for a command stopped with Ctrl-C


class Group(click.Group):
    context_class = Context
    command_class = Command
    group_class = type  # subgroups (templates) are made the same way

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params.extend(common_params())

    def invoke(self, ctx: click.Context) -> Any:
        """Ctrl-C ends any command with 130, as the shell's convention is (click's own ending is 1,
        the code for "problems found"); a command that can tell what it stopped (build) says so itself."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("\nยกเลิกแล้ว (Ctrl-C)", err=True)
            raise SystemExit(INTERRUPTED) from None

    def get_short_help_str(self, limit: int = 45) -> str:
        return short_help(self.short_help or self.help or "", limit)


def version_text() -> str:
    """The program's version, the plan format's (``schema_version``) and the schema's address."""
    from tambondoc.plan.schema import format_version, schema

    return (f"tambondoc {__version__}\n"
            f"รูปแบบไฟล์แผน schema_version: {format_version()}\n"
            f"schema: {schema().get('$id', '')}")


def _show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(version_text())
        ctx.exit()


version_option = click.option("--version", is_flag=True, expose_value=False, is_eager=True,
                              callback=_show_version, help=gettext("Show the version and exit."))


def _raise_plan_limit(ctx: click.Context, param: click.Parameter, value: float | None) -> None:
    """The limit goes to the environment: the processes of a parallel build read it there."""
    if value is not None:
        import os

        from tambondoc.plan.load import LIMIT_ENV

        os.environ[LIMIT_ENV] = str(value)


max_plan_option = click.option(
    "--max-plan-mb", type=click.FloatRange(min=1, max=4096), expose_value=False, callback=_raise_plan_limit,
    metavar="MB", help="อ่านไฟล์แผนที่ใหญ่ได้ถึงขนาดนี้ (ค่าเริ่มต้น 10 MB: แผนหนึ่งตำบลจริงไม่ถึง 1 MB) สำหรับแผนทดสอบขนาดใหญ่")
