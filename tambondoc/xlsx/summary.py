"""The export's summary sheet: totals by strategy, funding source (the plan's named ones each on
its own row), approach and year, as formulas.

Formulas (SUMIF over whole columns of the sheet 'โครงการ') rather than numbers, so the totals
follow when an officer edits, adds or deletes project rows in Excel.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from tambondoc.context.columns import FIELD_BY_KEY
from tambondoc.plan.vocabulary import APPROACHES
from tambondoc.xlsx.columns import PROJECT_SHEET, Choices
from tambondoc.xlsx.style import BOLD, BOX, TITLE, formula, header, print_fit, put


def summary_sheet(ws: Worksheet, choices: Choices, data: dict[str, Any], money: str) -> None:
    headers = choices.headers()

    def column(header: str) -> str:
        letter = get_column_letter(headers.index(header) + 1)
        return f"'{PROJECT_SHEET}'!${letter}:${letter}"

    budget = {(k.source, k.year): column(choices.header(k)) for k in choices.budget_columns()}
    keys = [s.key for s in choices.sources]
    years = choices.years
    put(ws, 1, 1, f"สรุปงบประมาณโครงการ {data['plan'].get('title', '')}", TITLE)
    put(ws, 2, 1, "ตัวเลขทั้งหมดเป็นสูตรที่คำนวณจากแผ่นงาน 'โครงการ' แก้ข้อมูลที่แผ่นงานนั้นแล้วสรุปจะเปลี่ยนตาม")
    row = 4

    def table(title: str, first: str, keys: list[str], count: Callable[[str], str] | None,
              year_formula: Callable[[str, str, int], str]) -> None:
        nonlocal row
        put(ws, row, 1, title, BOLD)
        head = [first] + (["จำนวนโครงการ"] if count else []) + [f"ปี {y}" for y in years] + ["รวม"]
        header(ws, row + 1, head)
        top = row + 2
        for r, key in enumerate(keys, top):
            put(ws, r, 1, key).border = BOX
            c = 2
            if count:
                formula(ws, r, c, count(f"$A{r}"), "#,##0")
                c += 1
            for y in years:
                formula(ws, r, c, year_formula(f"$A{r}", key, y), money)
                c += 1
            span = f"{get_column_letter(c - len(years))}{r}:{get_column_letter(c - 1)}{r}"
            formula(ws, r, c, f"=SUM({span})", money)
        end = top + len(keys)
        put(ws, end, 1, "รวม", BOLD).border = BOX
        for c in range(2, len(head) + 1):
            col = get_column_letter(c)
            formula(ws, end, c, f"=SUM({col}{top}:{col}{end - 1})", "#,##0" if count and c == 2 else money, BOLD)
        row = end + 2

    def by(field: str) -> Callable[[str, str, int], str]:
        crit = column(FIELD_BY_KEY[field].header)
        return lambda ref, _key, y: "=" + "+".join(f"SUMIF({crit},{ref},{budget[(s, y)]})" for s in keys)

    strategy_col, approach_col = column(FIELD_BY_KEY["strategy"].header), column(FIELD_BY_KEY["approach"].header)
    table("จำแนกตามยุทธศาสตร์", "ยุทธศาสตร์", list(choices.strategies.values()),
          lambda key: f"=COUNTIF({strategy_col},{key})", by("strategy"))
    source_of = {s.label: s.key for s in choices.sources}
    table("จำแนกตามแหล่งงบประมาณ", "แหล่งงบประมาณ", list(source_of), None,
          lambda _ref, key, y: f"=SUM({budget[(source_of[key], y)]})")
    table("จำแนกตามวิธีดำเนินการ", "วิธีดำเนินการ", list(APPROACHES),
          lambda key: f"=COUNTIF({approach_col},{key})", by("approach"))
    put(ws, row, 1, "จำแนกตามปีงบประมาณ", BOLD)
    header(ws, row + 1, ["ปีงบประมาณ", "งบประมาณรวม"])
    for r, y in enumerate(years, row + 2):
        put(ws, r, 1, y).border = BOX
        formula(ws, r, 2, "=" + "+".join(f"SUM({budget[(s, y)]})" for s in keys), money)
    end = row + 2 + len(years)
    put(ws, end, 1, "รวม", BOLD).border = BOX
    formula(ws, end, 2, f"=SUM(B{row + 2}:B{end - 1})", money, BOLD)
    ws.column_dimensions["A"].width = 60
    for c in range(2, len(years) + 4):
        ws.column_dimensions[get_column_letter(c)].width = 16
    print_fit(ws)
