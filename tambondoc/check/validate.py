"""Validate a plan: load, schema, semantic checks; every problem with its line and column."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tambondoc.check import rules, schema_copy
from tambondoc.check import schema as schema_check
from tambondoc.errors import PlanError, Problem
from tambondoc.plan.load import decode, load_text, read_bytes
from tambondoc.plan.positions import Locator, json_path
from tambondoc.plan.thousands import find as separated_numbers


@dataclass
class Result:
    """The outcome of validating one plan file."""

    file: str
    data: Any = None
    text: str = ""
    raw: bytes = b""  # the bytes that were validated: a build digests these, not the file as it is later
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.level == "error" for p in self.problems)


def check_data(data: Any, text: str, name: str, source: Path | None = None) -> list[Problem]:
    """All schema and semantic problems of already-loaded data, sorted by position.

    ``source`` is the plan file, for the checks of paths relative to it (images); without it
    (a plan read from git) those checks are skipped.
    """
    locator = Locator(text)  # parses the text only when there is something to place
    findings = [(path, at_key, msg, "error", "schema")
                for path, at_key, msg in schema_check.schema_errors(data, locator.written)]
    findings += list(rules.check(data, source))
    if not findings:
        return []
    # '{amount: 450,000}' is read as amount 450 and a key '000': one mistake, reported once at the
    # number instead of as the unknown key, the null and the wrong total it causes
    separated = separated_numbers(text)
    problems = {Problem(name, n.line, n.column, n.hint, json_path(n.path), "error", "schema") for n in separated}
    for path, at_key, msg, level, rule in findings:
        line, col = locator.locate(path, key=at_key)
        if not any(n.covers(line, col) for n in separated):
            problems.add(Problem(name, line, col, msg, json_path(path), level, rule))
    return sorted(problems)


def validate_file(path: Path) -> Result:
    """Validate one plan file; never raises for bad content, only reports."""
    result = Result(str(path))
    try:
        result.raw = read_bytes(path)
        result.text = decode(result.raw, str(path))
        result.data = load_text(result.text, str(path))
    except PlanError as e:
        result.problems = e.problems or [Problem(str(path), 1, 1, str(e))]
        return result
    result.problems = sorted(check_data(result.data, result.text, str(path), path) + schema_copy.check(path, result.text))
    return result
