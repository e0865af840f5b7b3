"""Workbook rows to checked project values: every cell checked, every problem at its cell.

Rows are read from any number of workbooks; a row is either a new project (blank id) or an
update of the plan's project with that id, and only columns present in the workbook are
touched. All rows are checked before anything is merged, so one bad cell writes nothing.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

from tambondoc.context.columns import FIELD_BY_KEY, PROJECT_FIELDS, TEXT_FIELDS
from tambondoc.context.text import cell_lines
from tambondoc.errors import Problem, column_letter
from tambondoc.importing.merge import Cells, number
from tambondoc.importing.read import Cell, Table
from tambondoc.plan.schema import node
from tambondoc.plan.vocabulary import APPROACHES
from tambondoc.thai import THAI_TO_ARABIC
from tambondoc.xlsx.columns import (
    COMPUTED_HEADERS,
    Ambiguous,
    BudgetKey,
    Choices,
    ScoreKey,
    match_header,
    normalize,
    resolve,
)

REQUIRED = [c.key for c in PROJECT_FIELDS if c.required]


class CellError(ValueError):
    """A cell's value cannot be used; the message says why and what to write instead."""


@dataclass
class Row:
    """One project row: the values of the columns the workbook has (None = blank cell)."""

    table: Table
    row: int
    cols: dict[Any, int]
    values: dict[str, Any] = field(default_factory=dict)
    budget: Cells = field(default_factory=dict)
    scores: dict[str, int | float | None] = field(default_factory=dict)
    bad: set[Any] = field(default_factory=set)

    def at(self, key: Any) -> Cell:
        return self.table.where(self.cols.get(key, 1), self.row)

    @property
    def pid(self) -> str | None:
        return self.values.get("id")


def _text(value: Any) -> str | None:
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        raise CellError("เซลล์นี้เป็นวันที่/เวลา ให้พิมพ์เป็นข้อความ (จัดรูปแบบเซลล์เป็น 'ข้อความ' ก่อนพิมพ์)")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = cell_lines(str(value)).strip()
    return text or None


def largest_amount() -> int:
    """The most baht a budget cell may hold: the schema's bound on a year's amount (and on each
    source's share of it), so an absurd cell is refused at the cell, not after the merge."""
    return int(node("projects", "[]", "budget", "[]", "amount")["maximum"])


def _number(value: Any, what: str, money: bool = False) -> int | float:
    shown = str(value).strip()
    if len(shown) > 24:  # a number typed with hundreds of digits is not shown whole
        shown = shown[:20] + "..."
    if isinstance(value, str):
        typed = value.translate(THAI_TO_ARABIC).strip()
        cleaned = typed.replace(",", "")
        if not re.fullmatch(r"-?\d+(\.\d+)?", cleaned):
            raise CellError(f"{what}ต้องเป็นตัวเลข (พบ '{shown}')")
        if "," in typed and not re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", typed):  # '1,2000': 12,000 or 1,200?
            raise CellError(f"{what}มีจุลภาค (,) ผิดที่ (พบ '{shown}') จุลภาคคั่นทุก 3 หลัก เช่น 1,200,000 หรือไม่ต้องใส่")
        value = float(cleaned)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise CellError(f"{what}ต้องเป็นตัวเลข (พบ '{shown}')")
    if value < 0:
        raise CellError(f"{what}ติดลบไม่ได้ (พบ {shown})")
    if money and value > (most := largest_amount()):
        raise CellError(f"{what}มากเกินไป (พบ {shown}) ใส่ได้ไม่เกิน {most:,} บาท ตรวจว่าพิมพ์ตัวเลขถูก")
    cents = value * 100
    if money and isinstance(value, float) and abs(value) < 1e13 and abs(cents - round(cents)) > 1e-6 * max(1.0, abs(value)):
        raise CellError(f"{what}มีทศนิยมเกิน 2 ตำแหน่ง (พบ {shown}) เงินบาทมีทศนิยมได้ถึงสตางค์เท่านั้น "
                        f"ให้ปัดเป็น {round(value, 2):.2f}")
    return number(value)


MAX_VILLAGE_DIGITS = 4  # a tambon has tens of villages; a longer number is a typing mistake


def _villages(value: Any, choices: Choices) -> list[int]:
    """Village numbers from '1, 3', 'หมู่ 1-4', '๒ และ ๕'; a range is checked before it is
    expanded (a cell saying 1-1000000000 must not build a billion numbers)."""
    text = str(number(value)) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)
    cleaned = re.sub(r"หมู่ที่|หมู่|ม\.", " ", text.translate(THAI_TO_ARABIC))
    have = f"มีหมู่ที่ {', '.join(map(str, choices.villages))}" if choices.villages else "ตำบลนี้มีแต่ชุมชน ให้ใส่ชุมชนที่ดำเนินการแทน"
    usage = f"หมู่ที่ต้องเป็นเลขหมู่คั่นด้วยจุลภาค เช่น 1, 3 หรือช่วง 1-4 (พบ '{text[:60]}')"
    found: set[int] = set()
    for token in re.split(r"[,\s/]+|และ", cleaned):
        if not token:
            continue
        m = re.fullmatch(rf"(\d{{1,{MAX_VILLAGE_DIGITS}}})(?:-(\d{{1,{MAX_VILLAGE_DIGITS}}}))?", token)
        if not m:
            raise CellError(usage)
        first, last = int(m.group(1)), int(m.group(2) or m.group(1))
        if last < first:
            raise CellError(f"ช่วงหมู่ที่ {token} ต้องเขียนจากน้อยไปมาก เช่น {last}-{first}")
        for n in (first, last):
            if n not in choices.villages:
                raise CellError(f"ไม่มีหมู่ที่ {n} ในตำบลนี้ ({have})")
        for n in range(first, last + 1):  # both ends are villages of the tambon: at most 9,999 numbers
            if n not in choices.villages:
                raise CellError(f"ไม่มีหมู่ที่ {n} ในตำบลนี้ ({have})")
            found.add(n)
    if not found:
        raise CellError(usage)
    return sorted(found)


def _pick(text: str, what: str, labels: dict[str, str], names: dict[str, str]) -> str:
    try:
        found = resolve(text, labels, names)
    except Ambiguous as e:
        raise CellError(f"มี{what}ชื่อ '{text}' มากกว่าหนึ่งแห่งในแผน ({', '.join(e.ids)}) "
                        f"ให้เลือกจากรายการ (รหัสตามด้วยชื่อ เช่น {labels[e.ids[0]]})") from e
    if found is None:
        raise CellError(f"ไม่มี{what} '{text}' ในแผน ให้เลือกจากรายการ (มี {', '.join(labels)})")
    return found


def _communities(value: Any, choices: Choices) -> list[str]:
    """Community ids from 'c01 ชุมชนตลาดเก่า, c02' (ids, drop-down labels or names, one a line or by commas)."""
    found: list[str] = []
    for part in re.split(r"[,\n]+", str(value)):
        if part.strip():
            cid = _pick(part.strip(), "ชุมชน", choices.communities, choices.community_names)
            found += [cid] if cid not in found else []
    if not found:
        raise CellError(f"ชุมชนต้องเป็นรหัสหรือชื่อชุมชนคั่นด้วยจุลภาค (พบ '{value}')")
    return found


def _score(value: Any, choices: Choices) -> int | float:
    assert choices.scale is not None
    low, high = choices.scale.low, choices.scale.high
    n = _number(value, "คะแนน")
    if not low <= n <= high:
        raise CellError(f"คะแนนต้องอยู่ระหว่าง {low:g} ถึง {high:g} (พบ {n:g})")
    return n


def parse_value(key: str, value: Any, choices: Choices) -> Any:
    """The plan value of one cell (None for blank), or CellError."""
    if key == "villages":
        return _villages(value, choices)
    if key == "communities":
        return _communities(value, choices)
    if key == "votes":
        n = _number(value, "คะแนนเสียง")
        if not isinstance(n, int):
            raise CellError(f"คะแนนเสียงต้องเป็นจำนวนเต็มไม่ติดลบ (พบ '{value}')")
        return n
    if key == "priority":
        n = _number(value, "ลำดับความสำคัญ")
        if not isinstance(n, int) or n < 1:
            raise CellError(f"ลำดับความสำคัญต้องเป็นจำนวนเต็มตั้งแต่ 1 (พบ '{value}')")
        return n
    text = _text(value)
    if text is None or key in TEXT_FIELDS:
        return text
    if key == "id":
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", text):
            raise CellError(f"รหัสโครงการ '{text}' ใช้ได้เฉพาะอักษรอังกฤษ ตัวเลข จุด ขีด (เช่น P001)")
        return text
    if key == "strategy":
        return _pick(text, "ยุทธศาสตร์", choices.strategies, choices.strategy_names)
    if key == "tactic":
        return _pick(text, "กลยุทธ์", choices.tactics, choices.tactic_names)
    if key == "local_government":
        return _pick(text, " อปท.", choices.lgs, choices.lg_names)
    if key == "approach":
        if text not in APPROACHES:
            raise CellError(f"วิธีดำเนินการต้องเป็น {', '.join(APPROACHES[:-1])} หรือ {APPROACHES[-1]} (พบ '{text}')")
        return text
    raise KeyError(key)


@dataclass
class Layout:
    """Which column holds which field in one table."""

    fields: dict[str, int]
    budget: dict[BudgetKey, int]
    scores: dict[ScoreKey, int]


def layout(table: Table, choices: Choices, problems: list[Problem]) -> Layout:
    out = Layout({}, {}, {})
    used = {c for _, values in table.rows for c in values} | {c for _, c in table.uncalculated}
    _headless(table, used, problems)
    for col, header in sorted(table.headers.items()):
        key = match_header(header, choices)
        at = table.where(col, table.header_row)
        if key is None:
            if normalize(header) not in COMPUTED_HEADERS:
                problems.append(at.problem(f"ไม่รู้จักคอลัมน์ '{header}' จึงไม่นำเข้าคอลัมน์นี้", "warning", "xlsx-columns"))
            continue
        target: dict[Any, int] = out.budget if isinstance(key, BudgetKey) else \
            out.scores if isinstance(key, ScoreKey) else out.fields
        if key in target:
            problems.append(at.problem(f"คอลัมน์ '{header}' ซ้ำกับคอลัมน์ "
                                       f"{table.where(target[key], table.header_row).name} ให้ลบคอลัมน์ที่ซ้ำ",
                                       rule="xlsx-columns"))
            continue
        if isinstance(key, BudgetKey) and key.year not in choices.years:
            if col in used:
                years = ", ".join(map(str, choices.years))
                problems.append(at.problem(f"ปีงบประมาณ {key.year} ไม่อยู่ในปีของแผน ({years}) ให้แก้ปีในหัวคอลัมน์",
                                           rule="xlsx-columns"))
            continue
        target[key] = col
    return out


def _headless(table: Table, used: set[int], problems: list[Problem]) -> None:
    """Columns holding project data under a blank header (deleted, or merged into its neighbour's):
    an error, not a skip, or what the villages typed there would be dropped without a word."""
    for col in sorted(used - set(table.headers)):
        first = min([r for r, values in table.rows if col in values] + [r for r, c in table.uncalculated if c == col])
        at = table.where(col, table.header_row)
        problems.append(at.problem(
            f"คอลัมน์ {column_letter(col)} มีข้อมูล (เช่น {table.where(col, first).name}) แต่ไม่มีหัวตาราง "
            f"จึงไม่รู้ว่าเป็นข้อมูลอะไร ให้ใส่หัวตารางที่ {at.name} กลับคืน (ถ้าผสานเซลล์หัวตารางไว้ ให้ยกเลิกการผสาน) "
            "หรือลบคอลัมน์นี้ถ้าไม่ใช้", rule="xlsx-columns"))


def read_rows(table: Table, choices: Choices, problems: list[Problem]) -> list[Row]:
    """Every non-blank row of a table, parsed; each problem appended at its cell."""
    lay = layout(table, choices, problems)
    cols: dict[Any, int] = {**lay.fields, **lay.budget, **lay.scores}
    rows = []
    for r, values in table.rows:
        row = Row(table, r, cols)
        for key, col in cols.items():
            if (r, col) in table.uncalculated:
                problems.append(row.at(key).problem("เซลล์นี้เป็นสูตรที่ยังไม่มีค่าที่คำนวณไว้ "
                                                    "ให้เปิดไฟล์ใน Excel แล้วบันทึกอีกครั้ง หรือพิมพ์ค่าแทนสูตร"))
                row.bad.add(key)
                continue
            raw = values.get(col)
            try:
                if isinstance(key, BudgetKey):
                    row.budget[key] = None if raw is None else _number(raw, "งบประมาณ (บาท) ", money=True)
                elif isinstance(key, ScoreKey):
                    row.scores[key.criterion] = None if raw is None else _score(raw, choices)
                else:
                    row.values[key] = None if raw is None else parse_value(key, raw, choices)
            except CellError as e:
                problems.append(row.at(key).problem(str(e)))
                row.bad.add(key)
        rows.append(row)
    _missing_columns(table, lay, rows, problems)
    return rows


def _missing_columns(table: Table, lay: Layout, rows: list[Row], problems: list[Problem]) -> None:
    new = [str(r.row) for r in rows if r.pid is None]
    if not new:
        return
    need = [FIELD_BY_KEY[k].header for k in REQUIRED if k not in lay.fields]
    if "villages" not in lay.fields and "communities" not in lay.fields:
        need.append(f"{FIELD_BY_KEY['villages'].header} (หรือ{FIELD_BY_KEY['communities'].header})")
    if not lay.budget:
        need.append("งบประมาณ (เช่น งบท้องถิ่น 2571)")
    if need:
        problems.append(table.where(1, table.header_row).problem(
            f"ไม่มีคอลัมน์ {', '.join(need)} ซึ่งโครงการใหม่ (แถว {', '.join(new[:10])}) ต้องมี "
            "ให้เพิ่มคอลัมน์ หรือใช้แม่แบบจาก xlsx-template", rule="xlsx-columns"))


def check_rows(rows: list[Row], choices: Choices, plan: dict[str, dict[str, Any]], problems: list[Problem]) -> None:
    """Checks across cells and rows: ids, required values, tactic within strategy, some budget."""
    seen: dict[str, Row] = {}
    for row in rows:
        pid = row.pid
        old = plan.get(pid, {}) if pid else {}
        if pid is not None:
            if pid not in plan:
                problems.append(row.at("id").problem(f"ไม่มีโครงการรหัส '{pid}' ในแผน "
                                                     "ถ้าเป็นโครงการใหม่ให้เว้นช่องรหัสโครงการว่าง", rule="xlsx-rows"))
                continue
            if pid in seen:
                problems.append(row.at("id").problem(f"รหัสโครงการ '{pid}' ซ้ำกับ {seen[pid].at('id')} "
                                                     "แต่ละโครงการใส่ได้แถวเดียว", rule="xlsx-rows"))
            seen[pid] = row
        strategy = row.values.get("strategy") if "strategy" in row.cols else old.get("strategy")
        tactic = row.values.get("tactic") if "tactic" in row.cols else old.get("tactic")
        if tactic and not strategy and "strategy" in row.cols and "strategy" not in row.bad:
            row.values["strategy"] = strategy = choices.tactic_strategy[tactic]
        for key in REQUIRED:
            if key in row.cols and key not in row.bad and row.values.get(key) is None:
                problems.append(row.at(key).problem(f"ต้องใส่{FIELD_BY_KEY[key].header}"))
        where = [k for k in ("villages", "communities") if k in row.cols]
        if where and not row.bad & {"villages", "communities"} and not any(
                row.values.get(k) if k in row.cols else old.get(k) for k in ("villages", "communities")):
            problems.append(row.at(where[0]).problem(
                f"ต้องใส่{FIELD_BY_KEY['villages'].header}หรือ{FIELD_BY_KEY['communities'].header}อย่างน้อยหนึ่งอย่าง"))
        if tactic and strategy and choices.tactic_strategy.get(tactic) != strategy:
            mine = ", ".join(t for t, s in choices.tactic_strategy.items() if s == strategy)
            problems.append(row.at("tactic").problem(f"กลยุทธ์ '{tactic}' ไม่อยู่ในยุทธศาสตร์ {strategy} (มี {mine})"))
        bad_budget = any(isinstance(k, BudgetKey) for k in row.bad)
        if row.budget and not bad_budget and all(v is None for v in row.budget.values()) \
                and (pid is None or _only_budget(old, row)):
            first = min(row.budget, key=lambda k: row.cols[k])
            problems.append(row.at(first).problem("ต้องใส่งบประมาณอย่างน้อยหนึ่งช่อง (ใส่ 0 ถ้าไม่ใช้งบประมาณ)"))


def _only_budget(old: dict[str, Any], row: Row) -> bool:
    """True when the row's blank budget cells would leave the project with no budget at all."""
    left = {(s, b["year"]) for b in old.get("budget") or [] for s in b.get("funding") or {}}
    return left <= set(row.budget)

