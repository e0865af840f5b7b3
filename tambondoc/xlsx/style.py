"""Cell styles and writers shared by the workbooks tambondoc writes (Thai font, borders, formats)."""

from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from tambondoc.errors import PlanError

FONT = "TH SarabunPSK"
BODY = Font(name=FONT, size=14)
BOLD = Font(name=FONT, size=14, bold=True)
TITLE = Font(name=FONT, size=16, bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
MAX_CELL = 32767


def put(ws: Worksheet, row: int, col: int, value: Any, font: Font = BODY) -> Any:
    """Write a value as data: text that starts with '=' stays text, never a formula (no injection)."""
    if isinstance(value, str) and (ILLEGAL_CHARACTERS_RE.search(value) or len(value) > MAX_CELL):
        raise PlanError(f"ข้อความ '{value[:40]}...' มีอักขระควบคุมหรือยาวเกินที่ Excel รับได้ ให้แก้ในแผน")
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    cell.font = font
    return cell


def formula(ws: Worksheet, row: int, col: int, formula: str, fmt: str, font: Font = BODY) -> None:
    cell = ws.cell(row=row, column=col, value=formula)
    cell.number_format, cell.font, cell.border = fmt, font, BOX


def header(ws: Worksheet, row: int, headers: list[str]) -> None:
    for c, text in enumerate(headers, 1):
        cell = put(ws, row, c, text, BOLD)
        cell.fill, cell.border = HEAD_FILL, BOX
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
