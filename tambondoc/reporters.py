"""Print validation results as text (yamllint style), JSON, or GitHub annotations."""

from __future__ import annotations

import json
from typing import Iterable

from tambondoc.errors import Problem


def _escape_github(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def format_problems(problems: Iterable[Problem], fmt: str) -> str:
    """Render problems in one of the formats ``text``, ``json`` or ``github``."""
    problems = list(problems)
    if fmt == "json":
        return json.dumps(
            [
                {"file": p.file, "line": p.line, "column": p.column, "level": p.level,
                 "message": p.message, "path": p.path}
                for p in problems
            ],
            ensure_ascii=False, indent=2,
        )
    if fmt == "github":
        return "\n".join(
            f"::{p.level} file={p.file},line={p.line},col={p.column}::"
            f"{_escape_github(p.message + (f' ({p.path})' if p.path else ''))}"
            for p in problems
        )
    return "\n".join(str(p) for p in problems)
