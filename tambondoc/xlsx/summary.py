"""The export's summary sheet: totals by strategy, funding source (the plan's named ones each on
its own row), approach and year, as formulas.

Formulas (SUMIF over whole columns of the sheet 'โครงการ') rather than numbers, so the totals
follow when an officer edits, adds or deletes project rows in Excel.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from tambondoc.context.columns import FIELD_BY_KEY
from tambondoc.plan.vocabulary import APPROACHES
from tambondoc.xlsx.columns import PROJECT_SHEET, Choices
from tambondoc.xlsx.look import lines_of, row_height
from tambondoc.xlsx.style import BOLD, BOX, TITLE, WRAP, formula, header, print_fit, put

FIRST_WIDTH = 60  # column A (strategies, sources, approaches): a longer name wraps in its row
OTHER_WIDTH = 16
# points of a printed landscape A4 page the rows may fill: 8.27 in less openpyxl's top and bottom
# margins (1 in each; the footer sits inside the bottom one); and its width less print_fit's 0.4 in
PAGE_HEIGHT, PAGE_WIDTH = (8.27 - 2) * 72, (11.69 - 0.8) * 72


def _keep_tables(ws: Worksheet, tables: list[tuple[int, int]], columns: int) -> None:
    """A page break before a table that would start on a page and end on the next: its title and
    heading are not left at a page's foot, its rows under them. The page holds what the row
    heights add up to at the scale that fits every column on its width (``print_fit``)."""
    wide = (FIRST_WIDTH * 7 + 5 + (columns - 1) * (OTHER_WIDTH * 7 + 5)) * 0.75
    room = PAGE_HEIGHT / min(1.0, PAGE_WIDTH / wide)  # in the sheet's own points

    def height(first: int, last: int) -> float:
        return sum(ws.row_dimensions[r].height or row_height(1) for r in range(first, last + 1))

    used = height(1, tables[0][0] - 1) if tables else 0.0
    for first, last in tables:
        needs = height(first, last)
        if used and used + needs > room:
            ws.row_breaks.append(Break(id=first - 1))
            used = 0.0
        used += needs
        if used > room:  # a table taller than a page runs on to the next
            used %= room
        # the blank row after it: past the foot, the next table starts a page of its own (where
        # that row goes is the program's own rounding)
        used = min(used + height(last + 1, last + 1), room)


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
    ws.row_dimensions[1].height = row_height(1, 16)
    row = 4
    tables: list[tuple[int, int]] = []  # (title row, total row) of each table

    def key_cell(r: int, key: object) -> None:
        """A row's name in column A, wrapped, and the row as tall as it needs: neither Excel nor
        Calc sizes rows when opening a file, and Thai at 14 pt is taller than their default row."""
        cell = put(ws, r, 1, key)
        cell.border, cell.alignment = BOX, WRAP
        ws.row_dimensions[r].height = row_height(lines_of(str(key), FIRST_WIDTH))

    def table(title: str, first: str, keys: list[str], count: Callable[[str], str] | None,
              year_formula: Callable[[str, str, int], str]) -> None:
        nonlocal row
        put(ws, row, 1, title, BOLD)
        head = [first] + (["จำนวนโครงการ"] if count else []) + [f"ปี {y}" for y in years] + ["รวม"]
        header(ws, row + 1, head)
        top = row + 2
        for r, key in enumerate(keys, top):
            key_cell(r, key)
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
        tables.append((row, end))
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
        key_cell(r, y)
        formula(ws, r, 2, "=" + "+".join(f"SUM({budget[(s, y)]})" for s in keys), money)
    end = row + 2 + len(years)
    put(ws, end, 1, "รวม", BOLD).border = BOX
    formula(ws, end, 2, f"=SUM(B{row + 2}:B{end - 1})", money, BOLD)
    tables.append((row, end))
    for r in range(2, ws.max_row + 1):  # titles, headings and totals: a line each
        if ws.row_dimensions[r].height is None:
            ws.row_dimensions[r].height = row_height(1)
    ws.column_dimensions["A"].width = FIRST_WIDTH
    for c in range(2, len(years) + 4):
        ws.column_dimensions[get_column_letter(c)].width = OTHER_WIDTH
    _keep_tables(ws, tables, len(years) + 3)
    print_fit(ws)
