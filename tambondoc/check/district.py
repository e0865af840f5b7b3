"""Validate a district: district.yaml (schema, its own rules), every plan in its folder as
``validate`` does, then the rules that need them together; every problem at its file, line and
column, the other file and line named in the message when a problem spans two files."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tambondoc.check import rules, schema_copy
from tambondoc.check.schema import describe
from tambondoc.check.validate import Result, validate_file
from tambondoc.errors import PlanError, Problem
from tambondoc.plan.district import DISTRICT_FILE, Files, Source, plan_files
from tambondoc.plan.load import load_plan
from tambondoc.plan.positions import json_path
from tambondoc.plan.schema import district_schema

if TYPE_CHECKING:
    from jsonschema import Draft7Validator


@lru_cache(maxsize=1)
def validator() -> Draft7Validator:
    """Imported when a district is checked: validating a plan never loads jsonschema."""
    from jsonschema import Draft7Validator

    return Draft7Validator(district_schema())


def check_district_data(data: Any, text: str, name: str) -> list[Problem]:
    """Schema and own-rule problems of a loaded district.yaml, sorted by position."""
    findings = [(path, at_key, msg, "error", "schema") for path, at_key, msg in map(describe, validator().iter_errors(data))]
    findings += list(rules.check(data, rules=rules.DISTRICT_RULES))
    source = Source(name, text, data)
    return sorted({Problem(name, *source.locate(path, key=at_key), msg, json_path(path), level, rule)
                   for path, at_key, msg, level, rule in findings})


@dataclass
class DistrictResult:
    """The outcome of validating a district: its file's result first, then each plan's."""

    folder: Path
    district: Result
    plans: list[Result] = field(default_factory=list)
    files: Files | None = None  # every file that loaded, for the build and the status

    @property
    def results(self) -> list[Result]:
        return [self.district, *self.plans]

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    @property
    def problems(self) -> list[Problem]:
        return [p for r in self.results for p in r.problems]


def validate_district(folder: Path) -> DistrictResult:
    """Validate a district folder; never raises for bad content, only reports."""
    path = folder / DISTRICT_FILE
    district = Result(str(path))
    try:
        district.text, district.data = load_plan(path)
    except PlanError as e:
        district.problems = e.problems or [Problem(str(path), 1, 1, str(e))]
    else:
        district.problems = check_district_data(district.data, district.text, str(path))
        district.problems += schema_copy.check(path, district.text, district_schema())
    result = DistrictResult(folder, district, [validate_file(p) for p in plan_files(folder)])
    if not isinstance(district.data, dict):
        return result
    sources = {r.file: Source(r.file, r.text, r.data) for r in result.plans if isinstance(r.data, dict)}
    files = Files(Source(district.file, district.text, district.data), list(sources.values()))
    result.files = files
    by_file = {r.file: r for r in result.results}
    found: dict[str, set[Problem]] = {}
    for source, where, at_key, message, level, rule in rules.check_district(files):
        line, column = source.locate(where, key=at_key)
        found.setdefault(source.name, set()).add(Problem(source.name, line, column, message, json_path(where), level, rule))
    for name, problems in found.items():
        by_file[name].problems = sorted(by_file[name].problems + list(problems))
    return result
