"""The project sheet the village template, the export and the import share.

Its columns are the project fields of ``context.columns``; a column is found by its Thai header,
so a workbook's columns may come in any order. The budget has one column per fiscal year and
funding source ("งบท้องถิ่น 2571").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tambondoc.context.columns import (
    PROJECT_FIELDS,
    PROJECT_FIELDS_AFTER_BUDGET,
    PROJECT_FIELDS_BEFORE_BUDGET,
)
from tambondoc.plan.vocabulary import FUNDING_KEYS, SOURCE_BY_KEY, SOURCES
from tambondoc.thai import THAI_TO_ARABIC

PROJECT_SHEET = "โครงการ"
NOTES_SHEET = "คำอธิบาย"
LISTS_SHEET = "รายการ"
TOTAL_HEADER = "งบประมาณรวม (บาท)"


COMPUTED_HEADERS = {TOTAL_HEADER}


def normalize(text: Any) -> str:
    """Header text as compared: Thai digits to Arabic, single spaces, no required-marker '*'."""
    return " ".join(str(text).translate(THAI_TO_ARABIC).replace("*", " ").split())


def budget_header(source: str, year: int) -> str:
    return f"{SOURCE_BY_KEY[source].column} {year}"


_BUDGET_RE = re.compile(r"^(.*?)\s*(?:ปี\s*)?(?:พ\.ศ\.\s*)?(\d{4})$")


def match_header(text: Any) -> str | tuple[str, int] | None:
    """The field key, ('budget', source, year) as (source, year), or None for an unknown header."""
    norm = normalize(text)
    for c in PROJECT_FIELDS:
        if norm == c.header or norm in c.aliases:
            return c.key
    m = _BUDGET_RE.match(norm)
    if m:
        for s in SOURCES:
            if m.group(1) == s.column or m.group(1) in s.aliases:
                return s.key, int(m.group(2))
    return None


@dataclass
class Choices:
    """What a plan allows in each reference column, with the labels shown in drop-downs."""

    years: list[int]
    villages: list[int]
    strategies: dict[str, str]          # id -> label "S1 name"
    strategy_names: dict[str, str]      # id -> name
    tactics: dict[str, str]             # id -> label
    tactic_names: dict[str, str]
    tactic_strategy: dict[str, str]     # tactic id -> strategy id
    lgs: dict[str, str]                 # id -> label "tm-nongbua เทศบาลตำบลหนองบัวงาม"
    lg_names: dict[str, str]            # id -> name (two อปท. may share one; the label is unique)
    max_priority: int = 20

    @classmethod
    def of(cls, data: dict[str, Any]) -> Choices:
        strategies = data["direction"]["strategies"]
        return cls(
            years=list(data["plan"]["fiscal_years"]),
            villages=[v["no"] for v in data["tambon"]["villages"]],
            strategies={s["id"]: f"{s['id']} {s['name']}" for s in strategies},
            strategy_names={s["id"]: s["name"] for s in strategies},
            tactics={t["id"]: f"{t['id']} {t['name']}" for s in strategies for t in s["tactics"]},
            tactic_names={t["id"]: t["name"] for s in strategies for t in s["tactics"]},
            tactic_strategy={t["id"]: s["id"] for s in strategies for t in s["tactics"]},
            lgs={g["id"]: f"{g['id']} {g['name']}" for g in data["tambon"].get("local_governments") or []},
            lg_names={g["id"]: g["name"] for g in data["tambon"].get("local_governments") or []},
        )

    def budget_columns(self) -> list[tuple[str, int]]:
        return [(source, year) for year in self.years for source in FUNDING_KEYS]

    def headers(self) -> list[str]:
        """Every column header in the standard order."""
        return ([c.header for c in PROJECT_FIELDS_BEFORE_BUDGET]
                + [budget_header(s, y) for s, y in self.budget_columns()]
                + [c.header for c in PROJECT_FIELDS_AFTER_BUDGET])


class Ambiguous(ValueError):
    """A cell names something by a name several ids share; ``ids`` are those ids."""

    def __init__(self, ids: list[str]) -> None:
        super().__init__(", ".join(ids))
        self.ids = ids


def resolve(text: str, labels: dict[str, str], names: dict[str, str]) -> str | None:
    """The id a cell means: the id itself, its drop-down label, its name, or 'id anything'.

    Ids and labels are unique; a name may not be (two อปท. called the same): a name that
    several ids share raises ``Ambiguous`` instead of picking one of them.
    """
    text = " ".join(text.split())
    if text in labels:
        return text
    for key in labels:
        if text == " ".join(labels[key].split()):
            return key
    named = [key for key in labels if text == " ".join(str(names.get(key, "")).split())]
    if len(named) > 1:
        raise Ambiguous(named)
    if named:
        return named[0]
    first = text.split(" ", 1)[0]
    return first if first in labels else None


def project_cells(p: dict[str, Any], choices: Choices) -> list[Any]:
    """One project as the row values under ``choices.headers()`` (blank = None)."""
    budget: dict[tuple[str, int], Any] = {}
    for b in p.get("budget") or []:
        for source, amount in (b.get("funding") or {}).items():
            budget[(source, b.get("year"))] = amount

    def cell(key: str) -> Any:
        value: Any = p.get(key)
        if key == "strategy":
            return choices.strategies.get(value, value)
        if key == "tactic":
            return choices.tactics.get(value, value)
        if key == "local_government":
            return choices.lgs.get(value, value)
        if key == "villages":  # one village as a number, as the drop-down gives it
            return value[0] if value and len(value) == 1 else ", ".join(map(str, value or [])) or None
        return value

    return ([cell(c.key) for c in PROJECT_FIELDS_BEFORE_BUDGET]
            + [budget.get(sy) for sy in choices.budget_columns()]
            + [cell(c.key) for c in PROJECT_FIELDS_AFTER_BUDGET])
