"""Checks a JSON Schema cannot express, one module a rule (yamllint's model), listed in RULES.

Every rule reads the plan defensively, so a schema error elsewhere never crashes it and every
problem is reported in one run. A rule yields (path, at_key, message, level); ``check`` tags
each finding with the rule's id.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tambondoc.check.rules import (
    budgets,
    committee,
    consistency,
    dates,
    ids,
    locations,
    place_names,
    references,
    scoring,
    sources,
    values,
)

RULES = (values, ids, references, locations, sources, budgets, scoring, committee, dates, consistency, place_names)

Tagged = tuple[list[str | int], bool, str, str, str]  # path, at_key, message, level, rule id


def check(data: Any) -> Iterator[Tagged]:
    """Every semantic finding of a loaded plan, with the id of the rule that found it."""
    if not isinstance(data, dict):
        return
    for rule in RULES:
        for path, at_key, message, level in rule.check(data):
            yield path, at_key, message, level, rule.ID
