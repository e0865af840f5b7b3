"""What the district's workbooks (the report, the needs plan, the coordination lists) share: centred
title rows merged across the table, a heading row, column widths from what the columns hold, and
printing on A4 landscape fitted to the page width with the heading repeated and pages numbered.
Styles come from the one style module (``xlsx.style``)."""

from __future__ import annotations

import io
from collections.abc import Collection, Sequence

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from tambondoc import measure
from tambondoc.thai import thai_date
from tambondoc.xlsx.look import fit_heights, text_width, units, word_units
from tambondoc.xlsx.style import FastSheet, print_list

MAX_TITLE = 31  # Excel's longest sheet name
BAD_TITLE = str.maketrans({c: "-" for c in "[]:*?/\\"})
SIZE = 14  # points of the lists' text


def sheet_title(name: str, used: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of []:*?/\\), unique in the workbook."""
    base = name.translate(BAD_TITLE).strip("'")[:MAX_TITLE] or "แผ่นงาน"
    title, n = base, 2
    while title.lower() in used:
        suffix = f" ({n})"
        title, n = base[: MAX_TITLE - len(suffix)] + suffix, n + 1
    used.add(title.lower())
    return title


def titles(sheet: FastSheet, lines: Sequence[str], last_col: int) -> None:
    """Centred bold title rows at the top, each merged across the table (as a plain range: the
    title has no border, so no covered cells are needed)."""
    for row, text in enumerate(lines, 1):
        sheet.put(row, 1, text, bold=True, size=18 if row == 1 else 16, wrap=False, align="center", box=False)
        sheet.ws.merged_cells.add(f"A{row}:{get_column_letter(last_col)}{row}")
        sheet.ws.row_dimensions[row].height = 32 if row == 1 else 29


def heading(sheet: FastSheet, row: int, labels: Sequence[str]) -> None:
    for col, label in enumerate(labels, 1):
        sheet.put(row, col, label, bold=True, fill="head", align="center")


def widths(ws: Worksheet, labels: Sequence[str], texts: dict[int, list[str]], caps: Sequence[int],
           whole: Collection[int] = ()) -> list[float]:
    """Each column as wide as its widest value within its cap, measured in the font (a date
    counted in characters wrapped in Excel: Thai letters are wider than its unit): never
    narrower than its label's longest word (bold) nor its values' (up to the cap), and a column
    of amounts (``whole``) holds each of them unbroken in bold, as its total row prints them:
    Excel shows a number that does not fit as '####'."""
    found: list[float] = []
    for col, (label, cap) in enumerate(zip(labels, caps), 1):
        values = texts.get(col, [])
        widest = max((measure.em_width(line) for v in values for line in v.splitlines()), default=0)
        longest = max(units(widest * SIZE / 1000), min(text_width(label), 10) + 2, 6)
        if col in whole:  # amounts: each whole, in bold as its total prints
            words = [measure.longest_word(line, True) for line in label.splitlines()]
            least = units(max(words + [measure.em_width(v, True) for v in values], default=0) * SIZE / 1000)
        else:
            least = word_units(label, values, cap, SIZE)
        found.append(max(min(longest, cap), least))
        ws.column_dimensions[get_column_letter(col)].width = found[-1]
    return found


def finish(sheet: FastSheet, heading_row: int, last_col: int, last_row: int, sizes: list[float]) -> None:
    """Row heights for the wrapped text, the heading frozen and repeated, A4 landscape fitted to
    the page width, pages numbered."""
    ws = sheet.ws
    fit_heights(sheet, sizes, heading_row, last_row)
    ws.freeze_panes = f"A{heading_row + 1}"
    print_list(ws, heading_row, last_col, last_row)


def short_date(value: str | None) -> str:
    """'12 ก.พ. 2568', or '-' for no date."""
    return thai_date(value, "short") if value else "-"


def to_bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
