"""Write the two workbooks: a blank template for village projects, and the plan's project table.

Both share the project sheet's columns (``xlsx.columns``), so an exported workbook imports back
unchanged and an officer can filter, sort and rank in Excel, then import the edits.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.protection import SheetProtection
from openpyxl.worksheet.worksheet import Worksheet

from tambondoc.context.columns import FIELD_BY_KEY, PROJECT_FIELDS
from tambondoc.plan.vocabulary import APPROACHES
from tambondoc.xlsx.columns import (
    LISTS_SHEET,
    NOTES_SHEET,
    PROJECT_SHEET,
    SCORE_TOTAL,
    SCORE_TOTAL_HEADER,
    TOTAL_HEADER,
    BudgetKey,
    Choices,
    project_cells,
    score_header,
)
from tambondoc.xlsx.look import amount_units, lines_of, row_height
from tambondoc.xlsx.style import (
    BOLD,
    BOX,
    TITLE,
    WRAP,
    formula,
    header,
    print_fit,
    put,
    workbook_bytes,
)
from tambondoc.xlsx.summary import summary_sheet

EMPTY_ROWS = 300
MAX_ROW_HEIGHT = 409  # points: Excel's tallest row


def _lists(wb: Workbook, choices: Choices) -> None:
    """A hidden sheet of drop-down values, each list under a workbook-level name."""
    ws = wb.create_sheet(LISTS_SHEET)
    lists: dict[str, tuple[str, list[Any]]] = {
        "list_villages": ("หมู่ที่", choices.villages),
        "list_strategies": ("ยุทธศาสตร์", list(choices.strategies.values())),
        "list_tactics": ("กลยุทธ์", list(choices.tactics.values())),
        "list_approaches": ("วิธีดำเนินการ", list(APPROACHES)),
        "list_lgs": ("อปท.", list(choices.lgs.values())),
        "list_sources": ("แหล่งงบประมาณ", [s.column for s in choices.sources]),
        "list_communities": ("ชุมชน", list(choices.communities.values())),
    }
    for c, (name, (title, values)) in enumerate(lists.items(), 1):
        put(ws, 1, c, title, BOLD)
        for r, value in enumerate(values, 2):
            put(ws, r, c, value)
        col = get_column_letter(c)
        ref = f"{quote_sheetname(LISTS_SHEET)}!${col}$2:${col}${max(2, len(values) + 1)}"
        wb.defined_names[name] = DefinedName(name, attr_text=ref)
        ws.column_dimensions[col].width = 40
    ws.sheet_state = "hidden"


def _validations(ws: Worksheet, choices: Choices, headers: list[str], last: int) -> None:
    col = {h: get_column_letter(i) for i, h in enumerate(headers, 1)}

    def add(header: str, dv: DataValidation) -> None:
        if header in col:
            dv.add(f"{col[header]}2:{col[header]}{last}")
            ws.add_data_validation(dv)

    def pick(name: str, prompt: str, strict: bool = True) -> DataValidation:
        return DataValidation(type="list", formula1=name, allow_blank=True, showDropDown=False,
                              showErrorMessage=strict, errorTitle="ค่าไม่อยู่ในรายการ",
                              error="ให้เลือกจากรายการ", showInputMessage=True, prompt=prompt)

    add(FIELD_BY_KEY["strategy"].header, pick("list_strategies", "เลือกยุทธศาสตร์"))
    add(FIELD_BY_KEY["tactic"].header, pick("list_tactics", "เลือกกลยุทธ์ของยุทธศาสตร์ที่เลือก"))
    add(FIELD_BY_KEY["villages"].header, pick("list_villages", "เลือกหมู่ที่ หรือพิมพ์หลายหมู่คั่นด้วยจุลภาค เช่น 1, 3",
                                        strict=False))
    if choices.communities:
        add(FIELD_BY_KEY["communities"].header, pick("list_communities", "เลือกชุมชน หรือพิมพ์หลายชุมชนคั่นด้วยจุลภาค",
                                                     strict=False))
    add(FIELD_BY_KEY["approach"].header, pick("list_approaches", "ทำเอง / ทำร่วม / ขอสนับสนุน"))
    if choices.lgs:
        add(FIELD_BY_KEY["local_government"].header, pick("list_lgs", "อปท. ที่จะส่งบัญชีประสานโครงการให้"))
    add(FIELD_BY_KEY["priority"].header, DataValidation(
        type="whole", operator="greaterThanOrEqual", formula1="1", allow_blank=True, showErrorMessage=True,
        error="ลำดับความสำคัญต้องเป็นจำนวนเต็มตั้งแต่ 1"))
    for key in choices.budget_columns():
        add(choices.header(key), DataValidation(
            type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
            showErrorMessage=True, error="งบประมาณต้องเป็นตัวเลข (บาท) ไม่ติดลบ",
            showInputMessage=True, prompt=f"{choices.source(key.source).note} ปีงบประมาณ {key.year} (บาท)"))
    if choices.scale is not None:
        low, high = f"{choices.scale.low:g}", f"{choices.scale.high:g}"
        for c in choices.scale.criteria:
            add(score_header(c), DataValidation(
                type="decimal", operator="between", formula1=low, formula2=high, allow_blank=True,
                showErrorMessage=True, error=f"คะแนนต้องเป็นตัวเลข {low} ถึง {high}", showInputMessage=True,
                prompt=f"{c.name} (น้ำหนัก {c.weight:g}) ให้คะแนน {low}-{high}" + (f": {c.description}" if c.description else "")))
        add(FIELD_BY_KEY["votes"].header, DataValidation(
            type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True, showErrorMessage=True,
            error="คะแนนเสียงต้องเป็นจำนวนเต็มไม่ติดลบ"))


def _score_formula(choices: Choices, headers: list[str], row: int) -> str:
    """The weighted total of a row's scores, blank until one is given."""
    assert choices.scale is not None
    cols = {c.id: get_column_letter(headers.index(score_header(c)) + 1) for c in choices.scale.criteria}
    terms = "+".join(f"{c.weight:g}*{cols[c.id]}{row}" for c in choices.scale.criteria)
    first, last = cols[choices.scale.criteria[0].id], cols[choices.scale.criteria[-1].id]
    return f'=IF(COUNT({first}{row}:{last}{row})=0,"",{terms})'


def _money_format(projects: list[dict[str, Any]]) -> str:
    whole = all(float(v).is_integer() for p in projects for b in p.get("budget") or []
                for v in (b.get("funding") or {}).values())
    return "#,##0" if whole else "#,##0.00"


def _height(values: list[Any], widths: Sequence[float]) -> float:
    """Points the tallest wrapped cell of a row needs (measured with the font, broken at Thai
    words), up to the tallest row Excel allows."""
    lines = max([lines_of(str(v), w) for v, w in zip(values, widths) if v not in (None, "")] or [1])
    return min(row_height(lines), MAX_ROW_HEIGHT)


def _project_sheet(ws: Worksheet, choices: Choices, projects: list[dict[str, Any]], money: str,
                   total: bool = False, subtotal: bool = False, validations: bool = False, blank: bool = False) -> None:
    """The project table: header row 1, one project a row, frozen header, filter, formats; with
    ``blank``, the computed score total also on the empty rows (the village template)."""
    keys = choices.columns()
    headers = choices.headers() + ([TOTAL_HEADER] if total else [])
    header(ws, 1, headers)
    budget = [i for i, k in enumerate(keys, 1) if isinstance(k, BudgetKey)]
    first_budget, last_budget = budget[0], budget[-1]
    span = f"{get_column_letter(first_budget)}{{r}}:{get_column_letter(last_budget)}{{r}}"
    scored = SCORE_TOTAL in keys
    score_col = keys.index(SCORE_TOTAL) + 1 if scored else 0
    widths: list[float] = [next((x.width for x in PROJECT_FIELDS if x.header == h), 12 if h.startswith("คะแนน") else 14)
              for h in headers]
    # the amounts of each budget column (and of the total column): for their widths
    amounts: dict[int, list[float]] = {c: [] for c in range(first_budget, last_budget + 1)}
    sums: list[float] = []
    for r, p in enumerate(projects, 2):
        values = project_cells(p, choices)
        for c in range(first_budget, last_budget + 1):
            if isinstance(value := values[c - 1], (int, float)):
                amounts[c].append(value)
        sums.append(sum(v for v in values[first_budget - 1:last_budget] if isinstance(v, (int, float))))
        for c, value in enumerate(values, 1):
            cell = put(ws, r, c, value)
            cell.border, cell.alignment = BOX, WRAP
            if first_budget <= c <= last_budget:
                cell.number_format = money
        ws.row_dimensions[r].height = _height(values, widths)
        if total:
            formula(ws, r, len(headers), f"=SUM({span.format(r=r)})", money)
    end = len(projects) + 1
    if scored:  # an assembly sees its totals as it types
        for r in range(2, (end + EMPTY_ROWS if blank else end) + 1):
            formula(ws, r, score_col, _score_formula(choices, headers, r), "General")
    if subtotal and projects:
        put(ws, end + 1, 2, "รวม", BOLD)
        for c in [*range(first_budget, last_budget + 1), *([len(headers)] if total else [])]:
            col = get_column_letter(c)
            formula(ws, end + 1, c, f"=SUBTOTAL(109,{col}2:{col}{end})", money, BOLD)
    if total:
        amounts[len(headers)] = sums
    for c, values in amounts.items():  # Excel shows '####' for a number wider than its column
        widths[c - 1] = max(widths[c - 1], amount_units(values), amount_units([sum(values)] if subtotal else [], True))
    for c, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "C2"
    ws.row_dimensions[1].height = 42
    ws.print_title_rows = "1:1"
    print_fit(ws)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(end, 2)}"
    if validations:
        _validations(ws, choices, headers, max(end, 1) + EMPTY_ROWS)


def _notes(wb: Workbook, choices: Choices, exported: bool) -> None:
    ws = wb.create_sheet(NOTES_SHEET)
    put(ws, 1, 1, "คำอธิบายคอลัมน์ในแผ่นงาน 'โครงการ'", TITLE)
    ws.row_dimensions[1].height = row_height(1, 16)
    lines = [
        "กรอกหนึ่งแถวต่อหนึ่งโครงการ เริ่มแถวที่ 2 ห้ามเปลี่ยนข้อความหัวตาราง (สลับลำดับคอลัมน์ได้)",
        "นำเข้าแผนด้วยคำสั่ง: tambondoc import-xlsx ไฟล์นี้.xlsx --into แผน.yaml (ใส่ --dry-run เพื่อดูก่อน)",
        "แหล่งงบประมาณแยกเป็นคอลัมน์ 'แหล่งงบ ปีงบประมาณ' ใส่จำนวนเงิน (บาท) เฉพาะช่องที่มีเงิน ช่องที่ว่างคือไม่มี",
    ]
    if exported:
        lines.append("โปรแกรมนำเข้าเฉพาะแผ่นงาน 'โครงการ' แผ่นงานรายยุทธศาสตร์และ 'สรุป' มีไว้ดูเท่านั้น "
                     "จึงล็อกไว้ไม่ให้แก้ (กรองได้) ให้แก้ที่แผ่นงาน 'โครงการ'")
    for r, text in enumerate(lines, 2):
        put(ws, r, 1, text).alignment = WRAP
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
        ws.row_dimensions[r].height = _height([text], [148])
    start = len(lines) + 3
    header(ws, start, ["คอลัมน์", "ความหมาย", "ต้องใส่", "ตัวอย่าง"])
    rows = [(c.header, c.note, "ต้องใส่" if c.required else "", c.example) for c in PROJECT_FIELDS if choices.shows(c)]
    years = ", ".join(str(y) for y in choices.years)
    for s in choices.sources:
        rows.append((f"{s.column} <ปี>", f"{s.note} แยกรายปีงบประมาณ ({years}) หน่วยบาท",
                     "อย่างน้อยหนึ่งช่อง", "450000"))
    if choices.scale is not None:
        scale = choices.scale
        for crit in scale.criteria:
            rows.append((score_header(crit), f"คะแนนเกณฑ์ {crit.name} ({scale.low:g}-{scale.high:g}) "
                         f"น้ำหนัก {crit.weight:g}" + (f" {crit.description}" if crit.description else ""),
                         "", f"{scale.high:g}"))
        rows.append((SCORE_TOTAL_HEADER, "ผลรวมคะแนน × น้ำหนัก (สูตร ไม่ต้องแก้ โปรแกรมไม่นำเข้า) "
                     "โปรแกรมจัดลำดับความสำคัญในยุทธศาสตร์จากคะแนนรวม แล้วคะแนนเสียง", "", ""))
    if exported:
        rows.append((TOTAL_HEADER, "ผลรวมงบประมาณทุกปีทุกแหล่ง (สูตร ไม่ต้องแก้ โปรแกรมไม่นำเข้า)", "", ""))
    widths = [26, 80, 16, 26]
    for r, row in enumerate(rows, start + 1):
        for c, value in enumerate(row, 1):
            cell = put(ws, r, c, value)
            cell.alignment, cell.border = WRAP, BOX
        ws.row_dimensions[r].height = _height(list(row), widths)
    for col, width in zip("ABCD", widths):
        ws.column_dimensions[col].width = width
    print_fit(ws)


def _to_bytes(wb: Workbook, data: dict[str, Any]) -> bytes:
    plan = data.get("plan")
    return workbook_bytes(wb, plan.get("approved_on") if isinstance(plan, dict) else None)


def template_workbook(data: dict[str, Any]) -> bytes:
    """A blank project sheet with drop-downs from the plan, and the notes sheet."""
    choices = Choices.of(data)
    wb = Workbook()
    ws = wb.active
    ws.title = PROJECT_SHEET
    _project_sheet(ws, choices, [], "#,##0", validations=True, blank=True)
    _notes(wb, choices, exported=False)
    _lists(wb, choices)
    return _to_bytes(wb, data)


def _cut(text: str, width: int) -> str:
    """At most ``width`` characters, never splitting a Thai syllable from its marks."""
    if len(text) <= width:
        return text
    end = width
    while end > 1 and (unicodedata.category(text[end]) == "Mn" or text[end - 1] in "เแโใไ"):
        end -= 1
    return text[:end].rstrip()


def _sheet_title(sid: str, name: str, used: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, no []:*?/\\), unique in the workbook."""
    name = name.removeprefix("ยุทธศาสตร์").strip()
    clean = " ".join("".join(" " if ch in "[]:*?/\\'" else ch for ch in f"{sid} {name}").split())
    title, n = _cut(clean, 31), 2
    while title in used:
        title = f"{_cut(clean, 27)} ({n})"
        n += 1
    used.add(title)
    return title


def _view_only(ws: Worksheet) -> None:
    """Locked against edits, filters and column widths left free: the import reads the sheet
    'โครงการ' only, and an officer's edit typed in a strategy's sheet was dropped without a word."""
    ws.protection = SheetProtection(sheet=True, autoFilter=False, formatColumns=False, formatRows=False,
                                    selectLockedCells=False, selectUnlockedCells=False)


def export_workbook(data: dict[str, Any]) -> bytes:
    """Every project (sheet 'โครงการ'), a sheet per strategy, and formula totals ('สรุป')."""
    choices = Choices.of(data)
    projects = data["projects"]
    money = _money_format(projects)
    wb = Workbook()
    ws = wb.active
    ws.title = PROJECT_SHEET
    _project_sheet(ws, choices, projects, money, total=True, validations=True)
    summary_sheet(summary := wb.create_sheet("สรุป"), choices, data, money)
    _view_only(summary)
    used = {PROJECT_SHEET, "สรุป", NOTES_SHEET, LISTS_SHEET}
    for s in data["direction"]["strategies"]:
        rows = [p for p in projects if p["strategy"] == s["id"]]
        _project_sheet(sheet := wb.create_sheet(_sheet_title(s["id"], s["name"], used)), choices, rows, money,
                       total=True, subtotal=True)
        _view_only(sheet)
    _notes(wb, choices, exported=True)
    _lists(wb, choices)
    return _to_bytes(wb, data)
