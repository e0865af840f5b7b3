"""What every workbook looks like and how tall its wrapped rows are, without openpyxl: the
coordination workbooks a build writes (``sheetml``) need only this, and importing openpyxl
(with numpy, which it loads when installed) cost a build process 128 ms and 30 MB.

``style`` builds openpyxl's fonts, fills and borders for the other workbooks from the same
names.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterable
from typing import Protocol

from tambondoc import measure
from tambondoc.context.text import cell_lines
from tambondoc.errors import PlanError

FONT = "TH SarabunPSK"
MAX_CELL = 32767  # characters Excel keeps in a cell
# control characters an .xlsx cannot hold (openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE)
ILLEGAL_CHARACTERS = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
MONEY = '#,##0;-#,##0;"-"'
# a box per cell, or one band across a group heading / total row: the sides ruled, by initial
BORDER_EDGES = {"box": "lrtb", "band": "tb", "band-left": "ltb", "band-right": "rtb"}
FILL_COLOURS = {"head": "D9D9D9", "group": "EDEDED"}
FOOTER = ("หน้า &P / &N", 12)  # 'หน้า 2 / 7' at the foot of every printed page, in 12 pt
LIST_MARGINS = (0.6, 0.6, 0.7, 0.7)  # inches left, right, top, bottom of a list printed as a document


def cell_text(value: str) -> str:
    """``value`` as a cell holds it (``cell_lines``); PlanError when Excel cannot hold it: a
    control character or more than MAX_CELL characters."""
    text = cell_lines(value)
    if ILLEGAL_CHARACTERS.search(text) or len(text) > MAX_CELL:
        raise PlanError(f"ข้อความ '{text[:40]}...' มีอักขระควบคุมหรือยาวเกินที่ Excel รับได้ ให้แก้ในแผน")
    return text


def absolute(ref: str) -> str:
    """'A1:K20' as '$A$1:$K$20', the form a defined name holds."""
    return ":".join(re.sub(r"^([A-Z]+)(\d+)$", r"$\1$\2", part) for part in ref.split(":"))


def column_number(letters: str) -> int:
    """The column ``letters`` name ('A' -> 1, 'AA' -> 27)."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


class _ZeroWidth(dict[int, int | None]):
    """A ``str.translate`` table that drops what takes no width (combining vowels and tone
    marks), filled in as characters are first met: one Unicode look-up per character seen
    rather than per character written."""

    def __missing__(self, code: int) -> int | None:
        self[code] = None if unicodedata.category(chr(code)) in ("Mn", "Me", "Cf") else code
        return self[code]


_ZERO_WIDTH = _ZeroWidth()


@functools.lru_cache(maxsize=4096)
def line_widths(text: str) -> tuple[int, ...]:
    """Columns each line of Thai text needs (asked for a project's texts twice: column
    widths, then row heights)."""
    return tuple(len(line.translate(_ZERO_WIDTH)) for line in text.splitlines() or [""])


def text_width(text: object) -> int:
    """Columns the widest line of a value needs."""
    return max(line_widths(str(text)))


def column_points(width: float) -> float:
    """Points of text a column of Excel ``width`` (characters of the default font) holds: Excel
    draws 7 pixels a character plus 5, and keeps about 3 pixels of padding each side."""
    return max((width * 7 + 5 - 6) * 0.75, 6.0)


def units(points: float) -> float:
    """The Excel column width (characters of the default font) that holds ``points`` of text:
    ``column_points`` inverted, rounded up to a half."""
    return math.ceil((points / 0.75 + 1) / 7 * 2) / 2


def amount_units(amounts: Iterable[float], bold: bool = False, size: float = 14) -> float:
    """The column width that shows each of ``amounts`` whole as MONEY prints it: Excel fills a
    cell with '####' when a number does not fit."""
    return units(max((measure.width(f"{a:,.0f}", size, bold) for a in amounts if a), default=0.0))


def word_units(label: str, values: Iterable[str], cap: float, size: float = 14) -> float:
    """The narrowest column that breaks no word: its heading's longest word (bold) and, up to
    ``cap``, its values' (Excel breaks a word wider than its column inside: 'โครงกา|ร')."""
    heading = max((measure.longest_word(line, True) for line in label.splitlines()), default=0)
    values_word = max((measure.longest_word(line) for v in values for line in v.splitlines()), default=0)
    return max(units(heading * size / 1000), min(units(values_word * size / 1000), cap))


def lines_of(text: str, width: float, size: float = 14, bold: bool = False) -> int:
    """Lines ``text`` takes in a wrapped cell of a column ``width`` wide, broken at Thai words."""
    room = column_points(width) * 1000 / size
    return sum(measure.count_lines(line, room, bold) if line.strip() else 1 for line in text.split("\n"))


def row_height(lines: int, size: float = 14) -> float:
    """Points a row of ``lines`` lines needs: neither Excel nor Calc sizes rows when opening a file."""
    return round(lines * measure.line_height(size) + 3, 1)


class WrappedSheet(Protocol):
    """A sheet that keeps the text of its wrapped cells by row (``style.FastSheet``, ``sheetml.Sheet``)."""

    wrapped: dict[int, list[tuple[int, str]]]

    def set_height(self, row: int, points: float) -> None: ...


def fit_heights(sheet: WrappedSheet, widths: list[float], first: int, last: int) -> None:
    """Row heights for the wrapped text ``sheet`` wrote in rows ``first``..``last``."""
    for row in range(first, last + 1):
        lines = max([lines_of(text, widths[col - 1]) for col, text in sheet.wrapped.get(row, [])] or [1])
        sheet.set_height(row, row_height(lines))
