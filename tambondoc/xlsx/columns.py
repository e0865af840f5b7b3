"""The project table's columns: one definition shared by the template, the export and the import.

A column is found by its Thai header text, so a workbook's columns may come in any order; the
budget has one column per fiscal year and funding source ("งบท้องถิ่น 2571").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tambondoc.plan.vocabulary import FUNDING_KEYS, SOURCE_BY_KEY, SOURCES
from tambondoc.thai import THAI_TO_ARABIC

PROJECT_SHEET = "โครงการ"
NOTES_SHEET = "คำอธิบาย"
LISTS_SHEET = "รายการ"
TOTAL_HEADER = "งบประมาณรวม (บาท)"


@dataclass(frozen=True)
class Column:
    """A project field shown as one column."""

    key: str
    header: str
    note: str
    example: str = ""
    required: bool = False
    width: int = 20
    aliases: tuple[str, ...] = field(default=())


COLUMNS_BEFORE_BUDGET = [
    Column("id", "รหัสโครงการ", "รหัสโครงการในแผน เว้นว่างสำหรับโครงการใหม่ (โปรแกรมออกรหัสให้) "
           "ใส่รหัสเดิมเพื่อแก้ไขโครงการที่มีอยู่แล้ว", "P001", width=10, aliases=("รหัส",)),
    Column("name", "ชื่อโครงการ", "ชื่อแผนงาน/โครงการ/กิจกรรม", "ขุดลอกหนองน้ำสาธารณะ", True, 40,
           ("โครงการ", "แผนงาน/โครงการ", "ชื่อแผนงาน/โครงการ")),
    Column("strategy", "ยุทธศาสตร์", "ยุทธศาสตร์ของตำบล เลือกจากรายการ (หรือพิมพ์รหัส เช่น S1)",
           "S1", True, 30),
    Column("tactic", "กลยุทธ์", "กลยุทธ์ภายใต้ยุทธศาสตร์ที่เลือก เลือกจากรายการ (หรือพิมพ์รหัส เช่น S1.1)",
           "S1.1", True, 30),
    Column("objective", "วัตถุประสงค์", "วัตถุประสงค์ของโครงการ", "เพื่อ...", width=30),
    Column("target", "เป้าหมาย (ผลผลิต)", "เป้าหมายหรือผลผลิตของโครงการ", "ฝาย 1 แห่ง", width=30,
           aliases=("เป้าหมาย",)),
    Column("kpi", "ตัวชี้วัด (KPI)", "ตัวชี้วัดความสำเร็จ", "มีฝายใช้งานได้ 1 แห่ง", width=30,
           aliases=("ตัวชี้วัด", "KPI")),
    Column("expected_result", "ผลที่คาดว่าจะได้รับ", "ผลที่คาดว่าจะได้รับ", "มีน้ำใช้ตลอดปี", width=30),
    Column("villages", "หมู่ที่ดำเนินการ", "เลขหมู่ที่ที่ดำเนินโครงการ เลือกจากรายการ หรือพิมพ์หลายหมู่"
           "คั่นด้วยจุลภาค", "1, 3", True, 14, ("หมู่ที่", "หมู่บ้าน", "หมู่บ้านที่ดำเนินการ")),
    Column("location", "สถานที่ดำเนินการ", "สถานที่ดำเนินการ (เว้นว่างได้ จะใช้รายชื่อหมู่ที่)", "หนองน้ำสาธารณะ",
           width=20, aliases=("สถานที่",)),
    Column("period", "ระยะเวลา", "ระยะเวลาดำเนินการ", "ม.ค. - เม.ย. 2571", width=18),
]
COLUMNS_AFTER_BUDGET = [
    Column("approach", "วิธีดำเนินการ", "ทำเอง = ชุมชนทำเอง, ทำร่วม = ทำร่วมกับหน่วยงาน, "
           "ขอสนับสนุน = ขอรับการสนับสนุนจากภายนอก เลือกจากรายการ", "ขอสนับสนุน", True, 14),
    Column("agency", "หน่วยงานรับผิดชอบหลัก", "หน่วยงานที่รับผิดชอบหลัก", "องค์การบริหารส่วนตำบล...", True, 30,
           ("หน่วยงานรับผิดชอบ",)),
    Column("local_government", "ส่งให้ อปท.", "อปท. ที่จะส่งบัญชีประสานโครงการให้ เลือกจากรายการ "
           "(เว้นว่างถ้าไม่ส่ง)", "องค์การบริหารส่วนตำบล...", width=30, aliases=("อปท.", "อปท")),
    Column("priority", "ลำดับความสำคัญ", "ลำดับความสำคัญภายในยุทธศาสตร์ (1 = สำคัญที่สุด)", "1", width=10,
           aliases=("ลำดับ",)),
    Column("note", "หมายเหตุ", "หมายเหตุ", "", width=20),
]
COLUMNS = COLUMNS_BEFORE_BUDGET + COLUMNS_AFTER_BUDGET
BY_KEY = {c.key: c for c in COLUMNS}
FIELD_ORDER = ["id", "name", "strategy", "tactic", "objective", "target", "kpi", "expected_result",
               "villages", "location", "period", "budget", "approach", "agency", "local_government",
               "priority", "note"]
TEXT_FIELDS = ("name", "objective", "target", "kpi", "expected_result", "location", "period",
               "agency", "note")
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
    for c in COLUMNS:
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
    lgs: dict[str, str]                 # id -> name (label)
    max_priority: int = 20

    @classmethod
    def of(cls, data: dict[str, Any]) -> "Choices":
        strategies = data["direction"]["strategies"]
        return cls(
            years=list(data["plan"]["fiscal_years"]),
            villages=[v["no"] for v in data["tambon"]["villages"]],
            strategies={s["id"]: f"{s['id']} {s['name']}" for s in strategies},
            strategy_names={s["id"]: s["name"] for s in strategies},
            tactics={t["id"]: f"{t['id']} {t['name']}" for s in strategies for t in s["tactics"]},
            tactic_names={t["id"]: t["name"] for s in strategies for t in s["tactics"]},
            tactic_strategy={t["id"]: s["id"] for s in strategies for t in s["tactics"]},
            lgs={g["id"]: g["name"] for g in data["tambon"].get("local_governments") or []},
        )

    def budget_columns(self) -> list[tuple[str, int]]:
        return [(source, year) for year in self.years for source in FUNDING_KEYS]

    def headers(self) -> list[str]:
        """Every column header in the standard order."""
        return ([c.header for c in COLUMNS_BEFORE_BUDGET]
                + [budget_header(s, y) for s, y in self.budget_columns()]
                + [c.header for c in COLUMNS_AFTER_BUDGET])


def resolve(text: str, labels: dict[str, str], names: dict[str, str]) -> str | None:
    """The id a cell means: the id itself, its drop-down label, its name, or 'id anything'."""
    text = " ".join(text.split())
    if text in labels:
        return text
    for key in labels:
        if text in (labels[key], names.get(key)):
            return key
    first = text.split(" ", 1)[0]
    return first if first in labels else None


def project_cells(p: dict[str, Any], choices: Choices) -> list[Any]:
    """One project as the row values under ``choices.headers()`` (blank = None)."""
    budget: dict[tuple[str, int], Any] = {}
    for b in p.get("budget") or []:
        for source, amount in (b.get("funding") or {}).items():
            budget[(source, b.get("year"))] = amount

    def cell(key: str) -> Any:
        value = p.get(key)
        if key == "strategy":
            return choices.strategies.get(value, value)
        if key == "tactic":
            return choices.tactics.get(value, value)
        if key == "local_government":
            return choices.lgs.get(value, value)
        if key == "villages":  # one village as a number, as the drop-down gives it
            return value[0] if value and len(value) == 1 else ", ".join(map(str, value or [])) or None
        return value

    return ([cell(c.key) for c in COLUMNS_BEFORE_BUDGET]
            + [budget.get(sy) for sy in choices.budget_columns()]
            + [cell(c.key) for c in COLUMNS_AFTER_BUDGET])
