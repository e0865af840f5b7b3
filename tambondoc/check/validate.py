"""Validate a plan: load, schema, semantic checks; every problem with its line and column."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tambondoc.check import rules, schema_copy
from tambondoc.check import schema as schema_check
from tambondoc.errors import PlanError, Problem
from tambondoc.plan.load import load_plan
from tambondoc.plan.positions import Locator, json_path


@dataclass
class Result:
    """The outcome of validating one plan file."""

    file: str
    data: Any = None
    text: str = ""
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.level == "error" for p in self.problems)


def check_data(data: Any, text: str, name: str) -> list[Problem]:
    """All schema and semantic problems of already-loaded data, sorted by position."""
    findings = [(path, at_key, msg, "error", "schema") for path, at_key, msg in schema_check.schema_errors(data)]
    findings += list(rules.check(data))
    if not findings:
        return []
    locator = Locator(text)
    problems = set()
    for path, at_key, msg, level, rule in findings:
        line, col = locator.locate(path, key=at_key)
        problems.add(Problem(name, line, col, msg, json_path(path), level, rule))
    return sorted(problems)


def validate_file(path: Path) -> Result:
    """Validate one plan file; never raises for bad content, only reports."""
    result = Result(str(path))
    try:
        result.text, result.data = load_plan(path)
    except PlanError as e:
        result.problems = e.problems or [Problem(str(path), 1, 1, str(e))]
        return result
    result.problems = sorted(check_data(result.data, result.text, str(path)) + schema_copy.check(path, result.text))
    return result
