"""Where tambondoc reaches into openpyxl (pinned to 3.1.x), kept here and tested
(``tests/test_patches.py``) against the pinned version.

``new_cell`` does what ``Worksheet.cell`` does for a cell written once and never read back,
without its look-ups and checks, and with a style array shared between cells of the same
style: a district's workbooks write tens of thousands of cells.

``formula_cells`` reads a read-only sheet's formulas from a workbook opened for its values, so
import-xlsx opens (and unzips, and parses the shared strings of) a workbook once.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell import Cell
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet.worksheet import Worksheet


def new_cell(ws: Worksheet, row: int, col: int, value: Any, style: StyleArray | None) -> Cell:
    """A cell at (row, col) of ``ws`` holding ``value``, styled as ``style`` if given."""
    cell = Cell(ws, row=row, column=col, value=value, style_array=style)
    ws._cells[row, col] = cell  # the sheet's own cell store, as ws.cell() fills it
    return cell


def formula_cells(ws: Any, max_col: int, max_row: int) -> set[tuple[int, int]]:
    """(row, column) of every formula cell of a read-only sheet whose workbook was opened with
    ``data_only=True``: the sheet's XML is read again with the workbook's flag switched off
    (a read-only sheet reads ``parent.data_only`` each time it is iterated)."""
    wb = ws.parent
    saved = wb._data_only
    wb._data_only = False
    try:
        return {(r, c) for r, row in enumerate(ws.iter_rows(max_col=max_col, max_row=max_row), 1)
                for c, cell in enumerate(row, 1) if getattr(cell, "data_type", None) == "f"}
    finally:
        wb._data_only = saved
