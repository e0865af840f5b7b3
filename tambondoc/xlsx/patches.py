"""Where tambondoc reaches into openpyxl (pinned to 3.1.x), kept here and tested
(``tests/test_patches.py``) against the pinned version.

``new_cell`` does what ``Worksheet.cell`` does for a cell written once and never read back,
without its look-ups and checks, and with a style array shared between cells of the same
style: the coordination workbook writes tens of thousands of cells.
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
