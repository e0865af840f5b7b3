"""Print problems in a format chosen by name (check-jsonschema's reporters): text (yamllint
style), JSON, or GitHub workflow annotations. Every command that reports problems uses these."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from tambondoc.errors import Problem


def _escape_data(text: str) -> str:
    """A workflow command's message, escaped as the GitHub Actions docs say."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


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
