"""The project sheet the village template, the export and the import share.

Its columns are the project fields of ``context.columns``; a column is found by its Thai header,
so a workbook's columns may come in any order. The budget has one column per fiscal year and
funding source, the plan's named sources included ("งบท้องถิ่น 2571", "พอช. 2571"); a plan that
scores its projects has one column per criterion ("คะแนน: ความเร่งด่วนของปัญหา"), the votes
and a computed total. Columns a plan has no use for (villages in a tambon of communities only,
communities in one without) are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from tambondoc.context.columns import (
    PROJECT_FIELDS,
    PROJECT_FIELDS_AFTER_BUDGET,
    PROJECT_FIELDS_BEFORE_BUDGET,
    Field,
)
from tambondoc.plan.vocabulary import SOURCES, Criterion, Scale, Source, plan_sources, scale_of
from tambondoc.thai import THAI_TO_ARABIC

PROJECT_SHEET = "โครงการ"
NOTES_SHEET = "คำอธิบาย"
LISTS_SHEET = "รายการ"
TOTAL_HEADER = "งบประมาณรวม (บาท)"
SCORE_TOTAL_HEADER = "คะแนนรวม (คำนวณ)"
SCORE_PREFIX = "คะแนน:"


COMPUTED_HEADERS = {TOTAL_HEADER, SCORE_TOTAL_HEADER}


class BudgetKey(NamedTuple):
    """A budget column: one funding source in one fiscal year."""

    source: str
    year: int


class ScoreKey(NamedTuple):
    """A score column: one criterion of the plan's scoring."""

    criterion: str


SCORE_TOTAL = "score_total"  # the computed column after the votes
Key = str | BudgetKey | ScoreKey


def normalize(text: Any) -> str:
    """Header text as compared: Thai digits to Arabic, single spaces, no required-marker '*'."""
    return " ".join(str(text).translate(THAI_TO_ARABIC).replace("*", " ").split())


def score_header(c: Criterion) -> str:
    return f"{SCORE_PREFIX} {c.name}"


_BUDGET_RE = re.compile(r"^(.*?)\s*(?:ปี\s*)?(?:พ\.ศ\.\s*)?(\d{4})$")


def match_header(text: Any, choices: Choices | None = None) -> Key | None:
    """The field key, a budget or score column, or None for an unknown header. Without
    ``choices`` only the fixed columns are known (enough to find the header row)."""
    norm = normalize(text)
    for c in PROJECT_FIELDS:
        if norm == c.header or norm in c.aliases:
            return c.key
    m = _BUDGET_RE.match(norm)
    if m:
        for s in choices.sources if choices else SOURCES:
            if m.group(1) == s.column or m.group(1) in s.aliases or (s.named and m.group(1) == s.key):
                return BudgetKey(s.key, int(m.group(2)))
    if choices and choices.scale and norm.startswith(SCORE_PREFIX.rstrip(":")):
        rest = norm[len(SCORE_PREFIX.rstrip(":")):].lstrip(":").strip()
        for criterion in choices.scale.criteria:
            if rest in (criterion.name, criterion.id):
                return ScoreKey(criterion.id)
    return None


@dataclass
class Choices:
    """What a plan allows in each reference column, with the labels shown in drop-downs."""

    years: list[int]
    villages: list[int]
    communities: dict[str, str]         # id -> label "c01 ชุมชนตลาดเก่า"
    community_names: dict[str, str]     # id -> name
    strategies: dict[str, str]          # id -> label "S1 name"
    strategy_names: dict[str, str]      # id -> name
    tactics: dict[str, str]             # id -> label
    tactic_names: dict[str, str]
    tactic_strategy: dict[str, str]     # tactic id -> strategy id
    lgs: dict[str, str]                 # id -> label "tm-nongbua เทศบาลตำบลหนองบัวงาม"
    lg_names: dict[str, str]            # id -> name (two อปท. may share one; the label is unique)
    sources: tuple[Source, ...]         # the fixed four, then the plan's named ones
    scale: Scale | None                 # the plan's scoring, None when it does not score
    max_priority: int = 20

    @classmethod
    def of(cls, data: dict[str, Any]) -> Choices:
        strategies = data["direction"]["strategies"]
        communities = data["tambon"].get("communities") or []
        scale = scale_of(data)
        scores = scale.declared or any(p.get("scores") or p.get("votes") is not None for p in data["projects"])
        return cls(
            years=list(data["plan"]["fiscal_years"]),
            villages=[v["no"] for v in data["tambon"].get("villages") or []],
            communities={c["id"]: f"{c['id']} {c['name']}" for c in communities},
            community_names={c["id"]: c["name"] for c in communities},
            strategies={s["id"]: f"{s['id']} {s['name']}" for s in strategies},
            strategy_names={s["id"]: s["name"] for s in strategies},
            tactics={t["id"]: f"{t['id']} {t['name']}" for s in strategies for t in s["tactics"]},
            tactic_names={t["id"]: t["name"] for s in strategies for t in s["tactics"]},
            tactic_strategy={t["id"]: s["id"] for s in strategies for t in s["tactics"]},
            lgs={g["id"]: f"{g['id']} {g['name']}" for g in data["tambon"].get("local_governments") or []},
            lg_names={g["id"]: g["name"] for g in data["tambon"].get("local_governments") or []},
            sources=plan_sources(data),
            scale=scale if scores else None,
        )

    def shows(self, f: Field) -> bool:
        """Whether the plan's sheet has this field's column."""
        if f.key == "villages":
            return bool(self.villages) or not self.communities
        if f.key == "communities":
            return bool(self.communities)
        if f.key == "votes":
            return self.scale is not None
        return True

    def budget_columns(self) -> list[BudgetKey]:
        return [BudgetKey(s.key, year) for year in self.years for s in self.sources]

    def columns(self) -> list[Key]:
        """Every column in the standard order."""
        keys: list[Key] = [f.key for f in PROJECT_FIELDS_BEFORE_BUDGET if self.shows(f)]
        keys += self.budget_columns()
        for f in PROJECT_FIELDS_AFTER_BUDGET:
            if f.key == "votes" and self.scale is not None:
                keys += [ScoreKey(c.id) for c in self.scale.criteria]
            if self.shows(f):
                keys.append(f.key)
            if f.key == "votes" and self.scale is not None:
                keys.append(SCORE_TOTAL)
        return keys

    def source(self, key: str) -> Source:
        return next(s for s in self.sources if s.key == key)

    def criterion(self, key: str) -> Criterion:
        assert self.scale is not None
        return next(c for c in self.scale.criteria if c.id == key)

    def header(self, key: Key) -> str:
        if isinstance(key, BudgetKey):
            return f"{self.source(key.source).column} {key.year}"
        if isinstance(key, ScoreKey):
            return score_header(self.criterion(key.criterion))
        if key == SCORE_TOTAL:
            return SCORE_TOTAL_HEADER
        return next(f.header for f in PROJECT_FIELDS if f.key == key)

    def headers(self) -> list[str]:
        """Every column header in the standard order."""
        return [self.header(k) for k in self.columns()]


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
    """One project as the row values under ``choices.headers()`` (blank = None; the computed
    score total is a formula the sheet writes)."""
    budget: dict[BudgetKey, Any] = {}
    for b in p.get("budget") or []:
        for source, amount in (b.get("funding") or {}).items():
            budget[BudgetKey(source, b.get("year"))] = amount
    scores = p.get("scores") or {}

    def cell(key: Key) -> Any:
        if isinstance(key, BudgetKey):
            return budget.get(key)
        if isinstance(key, ScoreKey):
            return scores.get(key.criterion)
        value: Any = p.get(key)
        if key == "strategy":
            return choices.strategies.get(value, value)
        if key == "tactic":
            return choices.tactics.get(value, value)
        if key == "local_government":
            return choices.lgs.get(value, value)
        if key == "villages":  # one village as a number, as the drop-down gives it
            return value[0] if value and len(value) == 1 else ", ".join(map(str, value or [])) or None
        if key == "communities":
            return ", ".join(choices.communities.get(c, c) for c in value or []) or None
        return value

    return [cell(k) for k in choices.columns()]
