"""Read a project workbook safely: refuse macros, encrypted, legacy and corrupt files before
openpyxl parses anything, then return the project table with every cell's address.

openpyxl parses the XML with defusedxml (installed as a dependency), so entity bombs are
refused; the zip's declared sizes are checked first, per part, so a zip bomb is never inflated
(zipfile never inflates a member past its declared size), and the shared strings are counted
before openpyxl builds them all in memory. The workbook is opened once; hidden sheets are never
read as the project table.
"""

from __future__ import annotations

import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from tambondoc.errors import PlanError, Problem
from tambondoc.xlsx.columns import PROJECT_SHEET, match_header
from tambondoc.xlsx.patches import formula_cells

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_PART_BYTES = 64 * 1024 * 1024             # one sheet (openpyxl streams it row by row)
MAX_OTHER_PART_BYTES = 16 * 1024 * 1024       # styles, workbook, ...: openpyxl parses them whole
MAX_SHARED_STRINGS_BYTES = 32 * 1024 * 1024   # openpyxl keeps every shared string in memory
MAX_SHARED_STRINGS = 500_000
MAX_ZIP_ENTRIES = 2000
MAX_ROWS = 5000
MAX_COLS = 200
HEADER_SEARCH_ROWS = 10
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MACRO_SUFFIXES = {".xlsm", ".xltm", ".xlam"}
# what reading a damaged zip raises: bad headers, bad deflate data, an encrypted or unknown member
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, RuntimeError, NotImplementedError)


@dataclass
class Table:
    """The project table of one workbook: headers and rows, with where each cell is."""

    book: str
    sheet: str
    header_row: int
    headers: dict[int, Any]                      # column (1-based) -> header text
    rows: list[tuple[int, dict[int, Any]]]       # (row number, column -> value), blank rows skipped
    uncalculated: set[tuple[int, int]] = field(default_factory=set)  # formula cells with no value

    def where(self, col: int, row: int) -> Cell:
        """The cell every problem is reported at ('villages.xlsx:โครงการ!D12')."""
        return Cell(self.book, self.sheet, row, col)


@dataclass(frozen=True)
class Cell:
    """A cell of a workbook: where an import problem is and what a message points back to."""

    book: str
    sheet: str
    row: int
    col: int

    def __str__(self) -> str:
        return f"{self.book}:{self.sheet}!{get_column_letter(self.col)}{self.row}"

    @property
    def name(self) -> str:
        """The cell's name within its sheet: 'D12'."""
        return f"{get_column_letter(self.col)}{self.row}"

    def problem(self, message: str, level: str = "error", rule: str = "xlsx-cell") -> Problem:
        return Problem(self.book, self.row, self.col, message, level=level, rule=rule, sheet=self.sheet)


def _refuse(name: str, what: str) -> PlanError:
    return PlanError(f"{name}: {what}")


def check_file(path: Path, name: str) -> None:
    """Refuse what openpyxl should never be handed, with the reason and what to do."""
    macro = ("ไฟล์มีมาโคร (VBA) ซึ่งอาจไม่ปลอดภัย โปรแกรมจะไม่เปิดไฟล์นี้ "
             "ให้เปิดใน Excel แล้วบันทึกเป็นชนิด 'สมุดงาน Excel (.xlsx)'")
    if path.suffix.lower() in MACRO_SUFFIXES:
        raise _refuse(name, macro)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block, a device never end
            raise _refuse(name, "ไม่ใช่ไฟล์ธรรมดา (เช่น เป็นอุปกรณ์หรือท่อข้อมูล) ให้ระบุไฟล์ .xlsx")
        size = info.st_size
        with path.open("rb") as f:
            magic = f.read(8)
    except OSError as e:
        raise _refuse(name, f"เปิดไฟล์ไม่ได้: {e.strerror or e}") from e
    if size > MAX_FILE_BYTES:
        raise _refuse(name, f"ไฟล์ใหญ่เกินไป ({size:,} ไบต์ เกิน {MAX_FILE_BYTES:,}) ให้ตรวจว่าเลือกไฟล์ถูก")
    if magic == OLE_MAGIC:
        raise _refuse(name, "ไฟล์ถูกตั้งรหัสผ่าน/เข้ารหัสไว้ หรือเป็นไฟล์ Excel รุ่นเก่า (.xls) "
                            "ให้เปิดใน Excel เอารหัสผ่านออก แล้วบันทึกเป็น .xlsx")
    corrupt = "ไฟล์เสียหรือไม่ใช่ไฟล์ Excel (.xlsx) ให้ตรวจว่าเลือกไฟล์ถูก หรือเปิดใน Excel แล้วบันทึกใหม่"
    if not magic.startswith(b"PK"):
        raise _refuse(name, corrupt)
    bomb = _refuse(name, "ไฟล์มีข้อมูลเมื่อขยายใหญ่ผิดปกติ (อาจเป็นไฟล์อันตราย) โปรแกรมจะไม่เปิดไฟล์นี้")
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
            if len(infos) > MAX_ZIP_ENTRIES or sum(i.file_size for i in infos) > MAX_UNZIPPED_BYTES \
                    or any(i.file_size > _part_limit(i.filename) for i in infos):
                raise bomb
            content_types = b""
            if "[Content_Types].xml" in names:
                with z.open("[Content_Types].xml") as f:
                    content_types = f.read(1_000_000)
    except ZIP_ERRORS as e:
        raise _refuse(name, corrupt) from e
    if not content_types or "xl/workbook.xml" not in names:
        raise _refuse(name, corrupt)
    if any(n.lower().endswith("vbaproject.bin") for n in names) or b"macroEnabled" in content_types:
        raise _refuse(name, macro)
    strings = [i for i in infos if i.filename.lower().endswith("sharedstrings.xml")]
    if any(_count_strings(path, i, name) > MAX_SHARED_STRINGS for i in strings):
        raise bomb


def _part_limit(part: str) -> int:
    if part.lower().endswith("sharedstrings.xml"):
        return MAX_SHARED_STRINGS_BYTES
    return MAX_PART_BYTES if part.startswith("xl/worksheets/") else MAX_OTHER_PART_BYTES


def _count_strings(path: Path, info: zipfile.ZipInfo, name: str) -> int:
    """How many shared strings (<si> elements, any prefix) a part holds, read in chunks."""
    count, tail = 0, b""
    try:
        with zipfile.ZipFile(path) as z, z.open(info) as f:
            while chunk := f.read(1 << 20):
                data = tail + chunk
                count += data.count(b"<si>") + data.count(b"<si ") + data.count(b":si>") + data.count(b":si ")
                tail = data[-3:]  # shorter than a match: a match across two chunks is counted once
    except ZIP_ERRORS as e:
        raise _refuse(name, "ไฟล์เสียหรือไม่ใช่ไฟล์ Excel (.xlsx) ให้ตรวจว่าเลือกไฟล์ถูก หรือเปิดใน Excel แล้วบันทึกใหม่") from e
    return count


def _open(path: Path, name: str) -> Any:
    try:
        return load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as e:  # openpyxl raises many kinds for a damaged file; all mean the same here
        raise _refuse(name, "อ่านไฟล์ไม่ได้ ไฟล์อาจเสียหรือไม่ใช่สมุดงาน Excel (.xlsx) "
                            f"ให้เปิดใน Excel แล้วบันทึกใหม่ [{type(e).__name__}]") from e


def _grid(ws: Any, name: str, sheet: str) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    for row in ws.iter_rows(max_col=MAX_COLS, values_only=True):
        rows.append(row)
        if len(rows) > MAX_ROWS:
            raise _refuse(name, f"แผ่นงาน '{sheet}' มีเกิน {MAX_ROWS:,} แถว ให้แบ่งเป็นหลายไฟล์")
    return rows


def _header_row(rows: list[tuple[Any, ...]]) -> int | None:
    """The first row (1-based) that looks like the project table's header."""
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS], 1):
        keys = [match_header(v) for v in row if v is not None]
        if ("name" in keys or "id" in keys) and sum(k is not None for k in keys) >= 2:
            return i
    return None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_table(path: Path, name: str | None = None) -> Table:
    """The project table of a workbook: the visible sheet 'โครงการ', else the first visible
    sheet that has one. A hidden sheet is never read: the officer cannot see what it holds."""
    name = name or str(path)
    check_file(path, name)
    wb = _open(path, name)
    try:
        sheets = [ws for ws in wb.worksheets if hasattr(ws, "iter_rows") and ws.sheet_state == "visible"]
        order = sorted(sheets, key=lambda ws: ws.title != PROJECT_SHEET)
        for ws in order:
            grid = _grid(ws, name, ws.title)
            header = _header_row(grid)
            if header is not None:
                break
        else:
            raise _refuse(name, "ไม่พบตารางโครงการ (แถวหัวตารางที่มี 'ชื่อโครงการ') ในแผ่นงานที่มองเห็นได้ "
                                "ให้ใช้แม่แบบจากคำสั่ง tambondoc xlsx-template")
        sheet = ws.title
        headers = {c: v for c, v in enumerate(grid[header - 1], 1) if not _blank(v)}
        rows = []
        for r, row in enumerate(grid[header:], header + 1):
            values = {c: v for c, v in enumerate(row, 1) if not _blank(v)}
            if values:
                rows.append((r, values))
        table = Table(name, sheet, header, headers, rows)
        table.uncalculated = _uncalculated(ws, name, table)
    except PlanError:
        raise
    except Exception as e:  # a damaged sheet found while reading it
        raise _refuse(name, "อ่านไฟล์ไม่ได้ ไฟล์อาจเสียหรือไม่ใช่สมุดงาน Excel (.xlsx) "
                            f"ให้เปิดใน Excel แล้วบันทึกใหม่ [{type(e).__name__}]") from e
    finally:
        wb.close()
    present = {r for r, _ in rows}
    extra = {r for r, c in table.uncalculated if r not in present and match_header(headers.get(c, "")) is not None}
    table.rows = sorted(rows + [(r, {}) for r in extra], key=lambda rv: rv[0])
    return table


def _uncalculated(ws: Any, name: str, table: Table) -> set[tuple[int, int]]:
    """Formula cells that have no cached value (saved by a program that does not calculate)."""
    values = dict(table.rows)
    return {(r, c) for r, c in formula_cells(ws, MAX_COLS, MAX_ROWS + 1)
            if r > table.header_row and values.get(r, {}).get(c) is None}
