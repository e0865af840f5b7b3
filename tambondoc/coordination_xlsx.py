"""The coordination list for one local government (อปท.) as an Excel workbook.

The same rows as the Word list, for the อปท. clerk who copies projects into the local plan:
Thai headers close to form ผ.02, one budget column per fiscal year, strategy groups with
subtotals and a grand total as SUM formulas (so edits recompute), a frozen header with an
auto-filter, and a print setup of A4 landscape fitted to the page width.
"""

from __future__ import annotations

import io
import unicodedata
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

FONT = "TH SarabunPSK"
MONEY = '#,##0;-#,##0;"-"'
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
# a box per cell, or one band across a group heading / total row
BORDERS = {
    "box": BOX,
    "band": Border(top=THIN, bottom=THIN),
    "band-left": Border(top=THIN, bottom=THIN, left=THIN),
    "band-right": Border(top=THIN, bottom=THIN, right=THIN),
}
HEAD_FILL = PatternFill("solid", fgColor="D9D9D9")
GROUP_FILL = PatternFill("solid", fgColor="EDEDED")
SHEET_TITLE = "บัญชีประสานโครงการ"

# (header, value of a project, widest the column may grow to); the budget columns go
# between เป้าหมาย and สถานที่
BEFORE = [
    ("ที่", None, 5),
    ("โครงการ", lambda p: p["name"], 24),
    ("วัตถุประสงค์", lambda p: p.get("objective") or "-", 18),
    ("เป้าหมาย (ผลผลิตของโครงการ)", lambda p: p.get("target") or "-", 18),
]
AFTER = [
    ("สถานที่ (หมู่ที่)", lambda p: p["location_text"], 11),
    ("ตัวชี้วัด (KPI)", lambda p: p.get("kpi") or "-", 18),
    ("ผลที่คาดว่าจะได้รับ", lambda p: p.get("expected_result") or "-", 18),
    ("หน่วยงานรับผิดชอบหลัก", lambda p: p["agency"], 16),
    ("หมายเหตุ", lambda p: p.get("note") or "", 12),
    ("รหัสโครงการ", lambda p: p["id"], 9),
]
CHARS_PER_UNIT = 0.8
LINE_PT = 21
TITLE_ROWS = 3
HEADER_ROW = TITLE_ROWS + 2


def _text_width(text: Any) -> int:
    """Columns a line of Thai text needs: combining vowels and tone marks take no width."""
    lines = str(text).splitlines() or [""]
    return max(sum(1 for ch in line if unicodedata.category(ch) not in ("Mn", "Me", "Cf")) for line in lines)


def _put(ws: Worksheet, row: int, col: int, value: Any, *, bold: bool = False, size: int = 14,
         fmt: str | None = None, fill: PatternFill | None = None, wrap: bool = True,
         align: str | None = None, box: bool | str = True, formula: bool = False) -> Cell:
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str) and value.startswith("=") and not formula:
        cell.data_type = "s"  # text from the plan is never a formula
    cell.style = _named_style(ws.parent, bold, size, fmt, fill, wrap, align, box)
    return cell


def _named_style(wb: Workbook, bold: bool, size: int, fmt: str | None, fill: PatternFill | None,
                 wrap: bool, align: str | None, box: bool | str) -> str:
    """One named style per combination, registered once per workbook.

    Assigning font, alignment and border objects cell by cell makes openpyxl hash each of
    them every time; a named style is looked up by name (about five times faster here).
    """
    name = f"td-{int(bold)}-{size}-{fmt or 'g'}-{fill.fgColor.rgb if fill else 'n'}-{int(wrap)}-{align or 'n'}-{box}"
    if name not in wb.named_styles:
        style = NamedStyle(name=name, font=Font(name=FONT, size=size, bold=bold),
                           alignment=Alignment(wrap_text=wrap, vertical="top", horizontal=align),
                           number_format=fmt or "General")
        if fill:
            style.fill = fill
        if box:
            style.border = BORDERS[box if isinstance(box, str) else "box"]
        wb.add_named_style(style)
    return name


def _titles(ws: Worksheet, context: dict[str, Any], lg: dict[str, Any], last_col: int) -> None:
    tambon, years = context["tambon"], context["plan"]["years_text"]
    lines = [
        "บัญชีประสานโครงการพัฒนา",
        f"แผนพัฒนาตำบล{tambon['name']} อำเภอ{tambon['amphoe']} จังหวัด{tambon['changwat']} "
        f"ปีงบประมาณ พ.ศ. {years}",
        f"เสนอ {lg['name']} เพื่อพิจารณาบรรจุในแผนพัฒนาท้องถิ่น",
    ]
    for row, text in enumerate(lines, 1):
        _put(ws, row, 1, text, bold=True, size=18 if row == 1 else 16, wrap=False, align="center", box=False)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
        ws.row_dimensions[row].height = 30 if row == 1 else 26


def _header(ws: Worksheet, years: list[int]) -> list[str]:
    labels = ([h for h, _, _ in BEFORE] + [f"งบประมาณ ปี {y} (บาท)" for y in years]
              + [h for h, _, _ in AFTER])
    for col, label in enumerate(labels, 1):
        _put(ws, HEADER_ROW, col, label, bold=True, fill=HEAD_FILL, align="center")
    return labels


def _label_row(ws: Worksheet, row: int, text: str, last_col: int, fill: PatternFill) -> None:
    """A group heading or total row: the text in the project column, spilling over the
    empty cells to its right (no merge, so the sheet still sorts and filters), the row
    shaded and boxed as one band."""
    for col in range(1, last_col + 1):
        edge = "band-left" if col == 1 else "band-right" if col == last_col else "band"
        _put(ws, row, col, None, fill=fill, box=edge)
    _put(ws, row, 2, text, bold=True, fill=fill, wrap=False, box="band")


def _project_row(ws: Worksheet, row: int, no: int, p: dict[str, Any], years: list[int]) -> None:
    _put(ws, row, 1, no, align="center")
    for col, (_, value, _) in enumerate(BEFORE[1:], 2):
        _put(ws, row, col, value(p))
    first_year = len(BEFORE) + 1
    for i, amount in enumerate(p["year_amounts"]):
        _put(ws, row, first_year + i, amount, fmt=MONEY)
    for col, (_, value, _) in enumerate(AFTER, first_year + len(years)):
        _put(ws, row, col, value(p))


def _widths(ws: Worksheet, labels: list[str], columns: dict[int, list[str]], years: list[int]) -> None:
    caps = [cap for _, _, cap in BEFORE] + [12] * len(years) + [cap for _, _, cap in AFTER]
    for col, (label, cap) in enumerate(zip(labels, caps), 1):
        longest = max([_text_width(v) for v in columns.get(col, [])] + [min(_text_width(label), 8), 4])
        ws.column_dimensions[get_column_letter(col)].width = min(longest + 2, cap)


def _heights(ws: Worksheet, first: int, last: int) -> None:
    """Row heights for wrapped text: neither Excel nor LibreOffice sizes rows on opening.

    Lines per cell are estimated at CHARS_PER_UNIT characters per unit of column width,
    slightly short of what TH SarabunPSK fits, so text is never cut off.
    """
    for row in range(first, last + 1):
        lines = 1
        for cell in ws[row]:
            if not isinstance(cell.value, str) or cell.data_type == "f" or not cell.alignment.wrap_text:
                continue
            width = ws.column_dimensions[cell.column_letter].width or 8
            per_line = max(int((width - 1) * CHARS_PER_UNIT), 1)
            lines = max(lines, sum(-(-max(_text_width(part), 1) // per_line)
                                   for part in str(cell.value).splitlines() or [""]))
        ws.row_dimensions[row].height = lines * LINE_PT + 4


def _print_setup(ws: Worksheet, last_col: int, last_row: int) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = f"A1:{get_column_letter(last_col)}{last_row}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top = ws.page_margins.bottom = 0.7


def coordination_workbook(context: dict[str, Any], lg: dict[str, Any]) -> bytes:
    """The .xlsx bytes of the coordination list for ``lg`` (an entry of the context's
    ``local_governments``, with its strategy ``groups`` and ``totals``)."""
    years: list[int] = context["years"]
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_TITLE
    labels = _header(ws, years)
    last_col = len(labels)
    _titles(ws, context, lg, last_col)
    first_year = len(BEFORE) + 1
    year_cols = [get_column_letter(first_year + i) for i in range(len(years))]
    seen: dict[int, list[str]] = {}
    subtotal_rows: list[int] = []
    row = HEADER_ROW + 1
    for group in lg["groups"]:
        _label_row(ws, row, group["name"], last_col, GROUP_FILL)
        row += 1
        first = row
        for no, p in enumerate(group["projects"], 1):
            _project_row(ws, row, no, p, years)
            for col in range(2, last_col + 1):
                if col not in range(first_year, first_year + len(years)):
                    seen.setdefault(col, []).append(str(ws.cell(row=row, column=col).value or ""))
            row += 1
        _label_row(ws, row, f"รวม {group['totals']['count']} โครงการ", last_col, GROUP_FILL)
        for i, letter in enumerate(year_cols):
            _put(ws, row, first_year + i, f"=SUM({letter}{first}:{letter}{row - 1})", bold=True, fmt=MONEY,
                 fill=GROUP_FILL, formula=True)
        subtotal_rows.append(row)
        row += 1
    _label_row(ws, row, f"รวมทั้งสิ้น {lg['totals']['count']} โครงการ", last_col, HEAD_FILL)
    for i, letter in enumerate(year_cols):
        refs = ",".join(f"{letter}{r}" for r in subtotal_rows)
        _put(ws, row, first_year + i, f"=SUM({refs})", bold=True, fmt=MONEY, fill=HEAD_FILL, formula=True)
    total_row = row
    chair = context["committee"]["chair"]
    _put(ws, total_row + 2, 2, f"ผู้เสนอ: {chair['name']} {chair['position']} "
         f"ประธานคณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบล{context['tambon']['name']}",
         wrap=False, box=False)
    _widths(ws, labels, seen, years)
    _heights(ws, HEADER_ROW, total_row)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=3)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(last_col)}{total_row}"
    _print_setup(ws, last_col, total_row + 2)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
