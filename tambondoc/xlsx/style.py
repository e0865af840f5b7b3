"""One Excel style stack for every workbook tambondoc writes: the Thai font, fills, borders,
number formats, and the writers that put values into cells safely.

Two palettes: the project sheets (export, village template) use a light blue heading and grey
rules; the coordination list, which is printed and sent, uses black rules and grey bands as
the Word list does.
"""

from __future__ import annotations

import functools
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet.worksheet import Worksheet

from tambondoc.xlsx.look import (
    BORDER_EDGES,
    FILL_COLOURS,
    FONT,
    FOOTER,
    LIST_MARGINS,
    cell_text,
    row_height,
)
from tambondoc.xlsx.patches import new_cell

# project sheets
BODY = Font(name=FONT, size=14)
BOLD = Font(name=FONT, size=14, bold=True)
TITLE = Font(name=FONT, size=16, bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
GREY_RULE = Side(style="thin", color="999999")
BOX = Border(left=GREY_RULE, right=GREY_RULE, top=GREY_RULE, bottom=GREY_RULE)
WRAP = Alignment(wrap_text=True, vertical="top")

# the coordination list
BLACK_RULE = Side(style="thin", color="000000")
BORDERS = {name: Border(**{side: BLACK_RULE for side in ("left", "right", "top", "bottom") if side[0] in edges})
           for name, edges in BORDER_EDGES.items()}
FILLS = {name: PatternFill("solid", fgColor=colour) for name, colour in FILL_COLOURS.items()}


def put(ws: Worksheet, row: int, col: int, value: Any, font: Font = BODY) -> Any:
    """Write a value as data: text that starts with '=' stays text, never a formula (no injection);
    its line ends as a cell has them (``look.cell_text``)."""
    if isinstance(value, str):
        value = cell_text(value)
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    cell.font = font
    return cell


def formula(ws: Worksheet, row: int, col: int, formula: str, fmt: str, font: Font = BODY) -> None:
    cell = ws.cell(row=row, column=col, value=formula)
    cell.number_format, cell.font, cell.border = fmt, font, BOX


def header(ws: Worksheet, row: int, headers: list[str]) -> None:
    """A heading row, a line tall (Thai at 14 pt needs more than a sheet's default row; a taller
    heading sets its own height after)."""
    ws.row_dimensions[row].height = row_height(1)
    for c, text in enumerate(headers, 1):
        cell = put(ws, row, c, text, BOLD)
        cell.fill, cell.border = HEAD_FILL, BOX
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")


@functools.cache
def _font(size: int, bold: bool) -> Font:
    return Font(name=FONT, size=size, bold=bold)


@functools.cache
def _alignment(wrap: bool, align: str | None) -> Alignment:
    return Alignment(wrap_text=wrap, vertical="top", horizontal=align)


class FastSheet:
    """The worksheet being filled, remembering on the way what its layout needs.

    Each cell is written once and never read back: the text of wrapped cells is kept here for
    the row heights. A cell's font, alignment, fill and border are assigned through openpyxl
    once per combination of them and later cells copy the result, as assigning them cell by
    cell makes openpyxl hash every style object each time. (Named styles did the same but cost
    more to register and to save, and listed their names among the workbook's cell styles.)
    """

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.styles: dict[tuple, StyleArray] = {}
        self.wrapped: dict[int, list[tuple[int, str]]] = {}

    def put(self, row: int, col: int, value: Any, *, bold: bool = False, size: int = 14, fmt: str | None = None,
            fill: str | None = None, wrap: bool = True, align: str | None = None, box: bool | str = True,
            formula: bool = False) -> None:
        key = (bold, size, fmt, fill, wrap, align, box)
        cell = new_cell(self.ws, row, col, value, self.styles.get(key))
        if isinstance(value, str) and value.startswith("=") and not formula:
            cell.data_type = "s"  # text from the plan is never a formula
        if key not in self.styles:
            cell.font = _font(size, bold)
            cell.alignment = _alignment(wrap, align)
            if fmt:
                cell.number_format = fmt
            if fill:
                cell.fill = FILLS[fill]
            if box:
                cell.border = BORDERS[box if isinstance(box, str) else "box"]
            self.styles[key] = StyleArray(cell._style)
        if wrap and isinstance(value, str) and cell.data_type != "f":
            self.wrapped.setdefault(row, []).append((col, value))

    def set_height(self, row: int, points: float) -> None:
        self.ws.row_dimensions[row].height = points


def page_footer(ws: Worksheet) -> None:
    """'หน้า 2 / 7' at the foot of every printed page."""
    ws.oddFooter.center.text, ws.oddFooter.center.size = FOOTER
    ws.oddFooter.center.font = FONT


def print_fit(ws: Worksheet) -> None:
    """Landscape A4, every column on the page width, page numbers at the foot."""
    ws.page_setup.orientation, ws.page_setup.paperSize = "landscape", ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.page_margins.left = ws.page_margins.right = 0.4
    page_footer(ws)


def print_list(ws: Worksheet, heading_row: int, last_col: int, last_row: int) -> None:
    """A list printed as a document (a district's lists; ``sheetml`` prints a plan's coordination
    workbooks so, from the same ``LIST_MARGINS`` and ``FOOTER``): as ``print_fit``, its heading
    row on every page, only the list printed, centred, with wider margins."""
    from openpyxl.utils import get_column_letter

    print_fit(ws)
    ws.print_title_rows = f"{heading_row}:{heading_row}"
    ws.print_area = f"A1:{get_column_letter(last_col)}{last_row}"
    ws.print_options.horizontalCentered = True
    margins = ws.page_margins
    margins.left, margins.right, margins.top, margins.bottom = LIST_MARGINS


def workbook_bytes(wb: Any, date: str | None) -> bytes:
    """``wb`` as .xlsx bytes dated ``date`` (the plan's, พ.ศ.) rather than now, made by this
    program: the same plan gives the same bytes."""
    import datetime as dt
    import io
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    from tambondoc import __version__
    from tambondoc.package import with_dates
    from tambondoc.thai import parse_be_date

    when = dt.datetime.combine(parse_be_date(date) or dt.date(1980, 1, 1), dt.time())
    wb.properties.creator = wb.properties.lastModifiedBy = f"tambondoc {__version__}"
    wb.properties.created = wb.properties.modified = when
    wb.properties.language = "th-TH"
    buffer = io.BytesIO()
    ExcelWriter(wb, ZipFile(buffer, "w", ZIP_DEFLATED, allowZip64=True)).save()
    return with_dates(buffer.getvalue(), when)
