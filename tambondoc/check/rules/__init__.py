"""Checks a JSON Schema cannot express, one module a rule (yamllint's model), listed in RULES.

Every rule reads the plan defensively, so a schema error elsewhere never crashes it and every
problem is reported in one run. A rule yields (path, at_key, message, level); ``check`` tags
each finding with the rule's id.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tambondoc.check.rules import (
    budgets,
    committee,
    consistency,
    dates,
    ids,
    images,
    locations,
    place_names,
    precision,
    references,
    scoring,
    sources,
    values,
)

RULES = (values, ids, references, locations, sources, budgets, precision, scoring, committee, dates, consistency,
         place_names)
FILE_RULES = (images,)  # rules that read paths relative to the plan file

Tagged = tuple[list[str | int], bool, str, str, str]  # path, at_key, message, level, rule id


def check(data: Any, source: Path | None = None) -> Iterator[Tagged]:
    """Every semantic finding of a loaded plan, with the id of the rule that found it; the rules
    that look at files next to the plan run when its ``source`` file is known."""
    if not isinstance(data, dict):
        return
    for rule in RULES:
        for path, at_key, message, level in rule.check(data):
            yield path, at_key, message, level, rule.ID
    for file_rule in FILE_RULES if source is not None else ():
        for path, at_key, message, level in file_rule.check_files(data, source):
            yield path, at_key, message, level, file_rule.ID
