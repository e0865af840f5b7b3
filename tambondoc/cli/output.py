"""How much the commands say and how: ``-q``/``-v``, colour, and streams that never fail.

Levels: ``-q`` leaves only problems, failures and the output a command was asked for (a diff, a
report in JSON); the default adds one short summary; ``-v`` adds a line per plan and details.
Thirty plans built make one line by default, thirty-one with ``-v``.
Colour follows ``--color``/``--no-color``, else ``NO_COLOR`` (no-color.org), else whether the
stream is a terminal.
"""

from __future__ import annotations

import io
import os
import sys
from typing import IO, Any

import click

QUIET, NORMAL, VERBOSE = -1, 0, 1
_KEY = "tambondoc.verbosity"


def _root() -> click.Context | None:
    ctx = click.get_current_context(silent=True)
    return ctx.find_root() if ctx else None


def verbosity() -> int:
    root = _root()
    return int(root.meta.get(_KEY, NORMAL)) if root else NORMAL


def info(message: str, err: bool = False) -> None:
    """A message the default output shows and ``-q`` hides: summaries, what was written."""
    if verbosity() >= NORMAL:
        click.echo(message, err=err)


def detail(message: str, err: bool = False) -> None:
    """A message only ``-v`` shows: a line per plan, the files one by one."""
    if verbosity() >= VERBOSE:
        click.echo(message, err=err)


def color_on(stream: IO[Any] | None = None) -> bool:
    """Whether to colour what goes to ``stream`` (stdout by default)."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.color is not None:
        return ctx.color
    if os.environ.get("NO_COLOR"):
        return False
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())


def safe_streams() -> None:
    """Never fail on the console's encoding: what it cannot show (Thai on a cp1252 console, a
    file name with undecodable bytes) is written as a ``\\uXXXX`` escape, which keeps JSON valid.
    A Thai Windows console (cp874) has no '→': without this diff would crash and exit 1, the code
    for "changes found"."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a stream already written in another mode, or closed
                continue


def _set_verbosity(level: int) -> Any:
    def callback(ctx: click.Context, param: click.Parameter, value: bool) -> None:
        if value:
            ctx.find_root().meta[_KEY] = level
    return callback


def _set_color(ctx: click.Context, param: click.Parameter, value: bool | None) -> None:
    if value is not None:
        ctx.color = value
        ctx.find_root().color = value


def common_params() -> list[click.Parameter]:
    """The options every command takes (and the group too: ``tambondoc -q build``)."""
    return [
        click.Option(["-q", "--quiet"], is_flag=True, expose_value=False, callback=_set_verbosity(QUIET),
                     help="พิมพ์เฉพาะปัญหา ข้อผิดพลาด และผลที่ขอ ไม่พิมพ์สรุป"),
        click.Option(["-v", "--verbose"], is_flag=True, expose_value=False, callback=_set_verbosity(VERBOSE),
                     help="พิมพ์ละเอียด: สรุปหนึ่งบรรทัดต่อแผน"),
        click.Option(["--color/--no-color"], default=None, expose_value=False, callback=_set_color,
                     help="ใช้สีหรือไม่ (ค่าเริ่มต้น: ใช้สีเมื่อพิมพ์ออกจอ ไม่ใช้เมื่อตั้งตัวแปร NO_COLOR)"),
    ]
