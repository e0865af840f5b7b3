"""The coordination list for one local government (อปท.) as an Excel workbook.

The rows an อปท. clerk pastes into the local plan: the columns of form ผ.02/1 in its order
(``context.columns``), one budget column per fiscal year, then สถานที่, หมายเหตุ, the project's
id and its strategy. The project rows are one block under one header, so the sheet sorts and
filters (the auto-filter covers them and nothing else); the totals per strategy and the grand
total come below it as SUMIF/SUM formulas, so edits recompute. Printed on A4 landscape fitted to
the page width, the header repeated and the pages numbered.
"""

from __future__ import annotations

from typing import Any

from tambondoc.context.columns import (
    COORDINATION_AFTER_BUDGET,
    COORDINATION_BEFORE_BUDGET,
    COORDINATION_WORKBOOK_EXTRA,
    NUMBER_HEADING,
    coordination_fields,
)
from tambondoc.context.types import Context, LocalGovernmentList, ProjectRow
from tambondoc.errors import column_letter
from tambondoc.thai import parse_be_date
from tambondoc.xlsx.look import MONEY, amount_units, fit_heights, text_width, word_units
from tambondoc.xlsx.sheetml import Sheet

SHEET_TITLE = "บัญชีประสานโครงการ"
STRATEGY_HEADING = "ยุทธศาสตร์"
# the columns before and after the per-year budget, as on the Word list (after a 'ที่' column)
BEFORE = coordination_fields(COORDINATION_BEFORE_BUDGET)
AFTER = coordination_fields(COORDINATION_AFTER_BUDGET + COORDINATION_WORKBOOK_EXTRA)
NUMBER_CAP = 5
STRATEGY_CAP = 24
TITLE_ROWS = 3
HEADER_ROW = TITLE_ROWS + 2


def _titles(sheet: Sheet, context: Context, lg: LocalGovernmentList, last_col: int) -> None:
    """Three centred title rows, each merged across the table.

    The title has no border, so the cells the merge covers need nothing of their own.
    """
    tambon, years = context["tambon"], context["plan"]["years_text"]
    lines = [
        "บัญชีประสานโครงการพัฒนา",
        f"แผนพัฒนาตำบล{tambon['name']} อำเภอ{tambon['amphoe']} จังหวัด{tambon['changwat']} "
        f"ปีงบประมาณ พ.ศ. {years}",
        f"เสนอ {lg['name']} เพื่อพิจารณาบรรจุในแผนพัฒนาท้องถิ่น",
    ]
    for row, text in enumerate(lines, 1):
        sheet.put(row, 1, text, bold=True, size=18 if row == 1 else 16, wrap=False, align="center", box=False)
        sheet.merges.append(f"A{row}:{column_letter(last_col)}{row}")
        sheet.set_height(row, 32 if row == 1 else 29)


def _header(sheet: Sheet, years: list[int]) -> list[str]:
    labels = ([NUMBER_HEADING] + [f.form_title for f in BEFORE] + [f"งบประมาณ ปี {y} (บาท)" for y in years]
              + [f.form_title for f in AFTER] + [STRATEGY_HEADING])
    for col, label in enumerate(labels, 1):
        sheet.put(HEADER_ROW, col, label, bold=True, fill="head", align="center")
    return labels


def _project_row(sheet: Sheet, row: int, no: int, p: ProjectRow, strategy: str, years: list[int],
                 texts: dict[int, list[str]]) -> None:
    """One project; its text per column is added to ``texts`` for the column widths."""
    first_year = len(BEFORE) + 2
    sheet.put(row, 1, no, align="center")
    cells: list[tuple[int, Any]] = [(col, f.value(p)) for col, f in enumerate(BEFORE, 2)]
    cells += [(col, f.value(p)) for col, f in enumerate(AFTER, first_year + len(years))]
    cells.append((first_year + len(years) + len(AFTER), strategy))
    for col, value in cells:
        sheet.put(row, col, value)
        texts.setdefault(col, []).append(str(value or ""))
    for i, amount in enumerate(p["year_amounts"]):
        sheet.put(row, first_year + i, amount, fmt=MONEY)


def _label_row(sheet: Sheet, row: int, text: str, last_col: int, fill: str) -> None:
    """A total row: the label in the project column spilling over the empty cells to its right,
    the row shaded and boxed as one band."""
    for col in range(1, last_col + 1):
        if col == 2:
            sheet.put(row, col, text, bold=True, fill=fill, wrap=False, box="band")
        else:
            edge = "band-left" if col == 1 else "band-right" if col == last_col else "band"
            sheet.put(row, col, None, fill=fill, box=edge)


def _widths(sheet: Sheet, labels: list[str], texts: dict[int, list[str]], years: list[int],
            lg: LocalGovernmentList) -> list[float]:
    """Columns as wide as their text (within caps), never narrower than a word of their heading
    or (within caps) of their text; a year's column at least as wide as its
    amounts, the projects' and the totals' in bold (counted in characters, a column of ten held
    '1,850,000' at TH SarabunPSK 14 pt narrower than Excel draws it: '####')."""
    caps = [NUMBER_CAP] + [f.cap for f in BEFORE] + [13] * len(years) + [f.cap for f in AFTER] + [STRATEGY_CAP]
    first_year = len(BEFORE) + 2
    projects = [p for group in lg["groups"] for p in group["projects"]]
    totals = [group["totals"] for group in lg["groups"]] + [lg["totals"]]
    widths: list[float] = []
    for col, (label, cap) in enumerate(zip(labels, caps), 1):
        longest = max([text_width(v) for v in texts.get(col, [])] + [min(text_width(label), 8), 4])
        width: float = max(min(longest + 2, cap), word_units(label, texts.get(col, []), cap))
        if first_year <= col < first_year + len(years):
            i = col - first_year
            width = max(width, amount_units(p["year_amounts"][i] for p in projects),
                        amount_units((t["year_amounts"][i] for t in totals), bold=True))
        widths.append(width)
        sheet.widths[col] = widths[-1]
    return widths


def coordination_workbook(context: Context, lg: LocalGovernmentList) -> bytes:
    """The .xlsx bytes of the coordination list for ``lg`` (an entry of the context's
    ``local_governments``, with its strategy ``groups`` and ``totals``)."""
    years: list[int] = context["years"]
    sheet = Sheet(SHEET_TITLE)
    labels = _header(sheet, years)
    last_col = len(labels)
    _titles(sheet, context, lg, last_col)
    first_year = len(BEFORE) + 2
    strategy_col = column_letter(last_col)
    year_cols = [column_letter(first_year + i) for i in range(len(years))]
    texts: dict[int, list[str]] = {}
    row = HEADER_ROW + 1
    for group in lg["groups"]:
        for p in group["projects"]:
            _project_row(sheet, row, row - HEADER_ROW, p, group["name"], years, texts)
            row += 1
    first, last = HEADER_ROW + 1, row - 1
    row += 1
    for group in lg["groups"]:
        _label_row(sheet, row, f"รวม{group['name']} {group['totals']['count']} โครงการ", last_col, "group")
        name = group["name"].replace('"', '""')
        for i, letter in enumerate(year_cols):
            sheet.put(row, first_year + i,
                      f'=SUMIF(${strategy_col}${first}:${strategy_col}${last},"{name}",{letter}${first}:{letter}${last})',
                      bold=True, fmt=MONEY, fill="group", formula=True)
        row += 1
    _label_row(sheet, row, f"รวมทั้งสิ้น {lg['totals']['count']} โครงการ", last_col, "head")
    for i, letter in enumerate(year_cols):
        sheet.put(row, first_year + i, f"=SUM({letter}{first}:{letter}{last})", bold=True, fmt=MONEY, fill="head",
                  formula=True)
    total_row = row
    chair = context["committee"]["chair"]
    sheet.put(total_row + 2, 2, f"ผู้เสนอ: {chair['name']} {chair['position']} "
              f"ประธานคณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบล{context['tambon']['name']}",
              wrap=False, box=False)
    widths = _widths(sheet, labels, texts, years, lg)
    fit_heights(sheet, widths, HEADER_ROW, total_row)
    sheet.freeze = f"C{HEADER_ROW + 1}"
    sheet.filter = f"A{HEADER_ROW}:{column_letter(last_col)}{max(last, HEADER_ROW + 1)}"
    sheet.print_titles = HEADER_ROW
    sheet.print_area = f"A1:{column_letter(last_col)}{total_row + 2}"
    return sheet.xlsx(parse_be_date(context["plan"].get("approved_on")))
