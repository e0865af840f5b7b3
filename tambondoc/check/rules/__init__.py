"""Checks a JSON Schema cannot express, one module a rule (yamllint's model), listed in RULES.

Every rule reads the plan defensively, so a schema error elsewhere never crashes it and every
problem is reported in one run. A rule yields (path, at_key, message, level); ``check`` tags
each finding with the rule's id. district.yaml is checked alone by DISTRICT_RULES, and a district
as a whole (its file and its plans together) by CROSS_RULES, whose findings also name the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tambondoc.check.rules import (
    attendance,
    budgets,
    committee,
    consistency,
    dates,
    deadlines,
    district_place,
    ids,
    images,
    locations,
    order_numbers,
    place_names,
    positions,
    precision,
    provincial,
    references,
    scoring,
    signer,
    socho,
    sources,
    values,
    whole_numbers,
)
from tambondoc.plan.district import Files, Source

RULES = (values, whole_numbers, ids, references, locations, sources, budgets, precision, scoring, committee, socho, positions,
         dates, consistency, place_names)
FILE_RULES = (images,)  # rules that read paths relative to the plan file
DISTRICT_RULES = (values, whole_numbers, socho, positions, dates, district_place)
CROSS_RULES = (district_place, order_numbers, positions, deadlines, attendance, provincial, signer)

Tagged = tuple[list[str | int], bool, str, str, str]  # path, at_key, message, level, rule id
CrossTagged = tuple[Source, list[str | int], bool, str, str, str]  # the file, then as Tagged


def check(data: Any, source: Path | None = None, rules: tuple[Any, ...] = RULES) -> Iterator[Tagged]:
    """Every semantic finding of a loaded plan (or of district.yaml, with DISTRICT_RULES), with the
    id of the rule that found it; the rules that look at files next to the plan run when its
    ``source`` file is known."""
    if not isinstance(data, dict):
        return
    for rule in rules:
        for path, at_key, message, level in rule.check(data):
            yield path, at_key, message, level, rule.ID
    for file_rule in FILE_RULES if source is not None else ():
        for path, at_key, message, level in file_rule.check_files(data, source):
            yield path, at_key, message, level, file_rule.ID


def check_district(files: Files) -> Iterator[CrossTagged]:
    """Every finding that needs the district and its plans together."""
    for rule in CROSS_RULES:
        for source, path, at_key, message, level in rule.check_files(files):
            yield source, path, at_key, message, level, rule.ID
