"""Print problems in a format chosen by name (check-jsonschema's reporters): text (yamllint
style), JSON, or GitHub workflow annotations. Every command that reports problems uses these."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable

from tambondoc.errors import Problem

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape_data(text: str) -> str:
    """A workflow command's message, escaped as the GitHub Actions docs say ('%', CR, LF); any
    other control character (ESC of a terminal sequence) is percent-encoded too, so the log
    shows it as text instead of acting on it."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return _CONTROL.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), text)


def _escape_property(text: str) -> str:
    """A workflow command's property (file=, title=): ':' and ',' would end it early."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def text(problems: list[Problem]) -> str:
    return "\n".join(str(p) for p in problems)


def as_json(problems: list[Problem]) -> str:
    return json.dumps(
        [{"file": p.file, "line": p.line, "column": p.column, "level": p.level, "message": p.message,
          "path": p.path, "rule": p.rule, **({"sheet": p.sheet} if p.sheet else {})} for p in problems],
        ensure_ascii=False, indent=2)


def github(problems: list[Problem]) -> str:
    lines = []
    for p in problems:
        level = p.level if p.level in ("error", "warning") else "notice"
        props = f"file={_escape_property(p.file)},line={p.line},col={p.column}"
        if p.rule:
            props += f",title={_escape_property(p.rule)}"
        where = f" ({p.path})" if p.path else f" ({p.sheet}!{p.where.rsplit('!', 1)[1]})" if p.sheet else ""
        lines.append(f"::{level} {props}::{_escape_data(p.message + where)}")
    return "\n".join(lines)


REPORTERS: dict[str, Callable[[list[Problem]], str]] = {"text": text, "json": as_json, "github": github}
FORMATS = tuple(REPORTERS)


def format_problems(problems: Iterable[Problem], fmt: str) -> str:
    """Render problems in one of the ``FORMATS``."""
    return REPORTERS[fmt](list(problems))
