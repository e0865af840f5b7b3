"""Size a rendered table's columns from what they hold, and decide how its rows flow over pages.

A template gives a table its total width; this step shares that width among the columns the way
a word processor's automatic layout would, but knowing the whole table in advance:

- every column gets at least its minimum: the widest word it holds (Thai words where ICU, as
  LibreOffice, breaks them; widths from the real font; ``measure``; a word longer than
  LONGEST_WORD, a web address, is broken at the cell's edge whatever is done and asks less), or
  for an amount column the widest amount on one line. When the minimums leave less than a
  quarter of the width to share (every column would wrap word by word) the whole table steps
  down a point at a time, never below 12 pt, so amounts and text keep one size. If even 12 pt
  cannot hold every minimum, the amounts keep theirs and a text column need only hold the
  longest word of 99 % of its cells (USUAL) and its heading's: over hundreds of rows, the
  longest is an abbreviation glued to its neighbour ('รพ.สต.หนองบัวงาม') that then breaks at the
  cell's edge; if even that cannot be held, the text columns share the rest in proportion to
  their minimums (words then break);
- the rest goes where it shortens the table most: width is handed out in steps to the column
  whose extra width saves the most lines over the rows (a sample of them in a long table), each
  row being as tall as its tallest cell, and a repeated heading row counting once per page (the
  pages a first guess of the widths gives). A heading's labels are wrapped word by word, not
  estimated, and the column of its tallest is looked at steps ahead: a label saves its line only
  when its last word fits, and that line is saved on every page (real five-year plans' lists
  took 2-4 % fewer pages). The columns of a heading row whose tallest labels tie are widened
  together, as one alone saves nothing. A column of '-' only (a field left blank) is text, not
  amounts; a column whose item cells must not wrap (w:noWrap: the plan book's 'source  amount'
  lines) keeps every line whole, its total rows' included.

A row taller than a page (under the table's heading, at a first guess of the widths) first has
its long cells cut: each keeps a quarter of a page, the rest continues in a row across the table
(``docx.overflow``), and the rows cut and added are read again before the width is shared.
Rows then flow: a row stays on one page unless it is taller than half a page; a total row (a row
whose paragraphs use a style named '... Total ...') stays with the row above it, a row cut stays
with its continuation. Tables whose
template layout is "fixed" are left as the template drew them.
"""

from __future__ import annotations

import gc
import re
import time
from typing import Any

from tambondoc.docx import amount_lines
from tambondoc.docx.cells import (
    AMOUNTS,
    DEFAULT_MARGIN,
    SLACK,
    TBLPR,
    VAL,
    WIDTH,
    Column,
    Page,
    Row,
    cells_of,
    read_row,
    read_rows,
    row_height,
    side_margins,
)
from tambondoc.docx.flow import flow
from tambondoc.docx.ooxml import W
from tambondoc.docx.overflow import continue_long_rows
from tambondoc.docx.search import ROOM, guess, share
from tambondoc.docx.styles import P, R, Styles, set_size

__all__ = ["DEFAULT_MARGIN", "SMALLEST_AMOUNT", "Page", "lay_out"]

TBLW, TBLLAYOUT, TBLGRID, GRIDCOL = (W + t for t in ("tblW", "tblLayout", "tblGrid", "gridCol"))
TYPE = W + "type"
NUMBER = re.compile(r"^[-+\d\u0E50-\u0E59,.()%]+$")  # an amount cell (docx.fit)
DIGIT = re.compile(r"[\d\u0E50-\u0E59]")
SMALLEST_AMOUNT = 24  # half-points: amounts (and the table that holds them) never below 12 pt
# the widest a word may make its column (em/1000): the longest Thai piece is about 6 em; a web
# address or a number typed without spaces (200 characters) took 15 cm of a 26 cm list and left
# the other columns a letter wide. Word and LibreOffice break such a word at the cell's edge.
LONGEST_WORD = 12_000
# what a longer one asks of its column: it breaks at any width the table can give, and asking
# LONGEST_WORD crowded a table of a few rows with addresses in three columns, whose 'ตลอด
# ปีงบประมาณ' then broke as 'ปีงบประมา|ณ' in a column narrower than its word
BROKEN_ANYWAY = 4_000
USUAL = 0.99        # share of a column's cells whose longest word it holds when it cannot hold all
SPENT = [0.0]         # seconds spent here, for benchmarks/pages.py


def _columns(rows: list[Row], count: int, margins: int) -> list[Column]:
    """Each grid column's minimum and widest line (twips), whether it holds amounts (or cells
    that must not wrap), and how much text it holds, from the single-column cells."""
    columns = [Column() for _ in range(count)]
    for row in rows:
        for cell in row.cells:
            cell.measure()
            if cell.span == 1 and cell.start < count:
                columns[cell.start].cells.append(cell)
    for col in columns:
        body, filled = [], []  # the cells below the heading that hold text, and their lines' text
        for c in col.cells:
            if not c.header and (stripped := [s for lines, _, _ in c.paragraphs for line in lines if (s := line.strip())]):
                body.append(c)
                filled += stripped
        # amounts: every line a number and at least one with digits (a column of '-' is text left blank)
        items = [c for c in body if not c.total]  # a total row's cells carry no template flags
        fixed = col.fixed = bool(body) and (
            (all(AMOUNTS.match(line) for line in filled) and any(DIGIT.search(line) for line in filled))
            or (bool(items) and all(c.nowrap for c in items)))
        widest = longest = demand = heading = 0.0
        needs = []
        for cell in col.cells:
            whole = fixed and not cell.header
            grows = not cell.header and not fixed
            cell_need = 0.0
            for (_, size, _), (line, word, together) in zip(cell.paragraphs, cell.stats):
                need = (line if whole else word if word <= LONGEST_WORD else BROKEN_ANYWAY) * size
                if need > cell_need:
                    cell_need = need
                if line * size > longest:
                    longest = line * size
                if grows:
                    demand += together * size / 2000
            widest = max(widest, cell_need)
            if cell.header:
                heading = max(heading, cell_need)
            else:
                needs.append(cell_need)
        col.demand = demand
        col.minimum = widest / 100 + margins + SLACK  # em/1000 x half-points / 2000 pt, x 20 twips
        needs.sort()
        usual = needs[min(len(needs) - 1, int(len(needs) * USUAL))] if needs else 0.0
        col.usual = max(heading, usual) / 100 + margins + SLACK
        col.maximum = max(col.minimum, longest / 100 + margins + SLACK)
    return columns


def _largest(rows: list[Row]) -> int:
    """Half-points of the largest text in a column's own cells: a table steps down from there.
    Text larger, in a cell across columns (the list's signature under its totals), sets no
    column's minimum and keeps its size."""
    return max((size for r in rows for c in r.cells if c.span == 1 for lines, size, _ in c.paragraphs if any(lines)),
               default=0)


def _smaller(size: int, shrink: int, largest: int) -> int:
    """``size`` stepped down by ``shrink`` half-points, never below 12 pt; larger than ``largest``, kept."""
    return max(SMALLEST_AMOUNT, size - shrink) if SMALLEST_AMOUNT < size <= largest else size


def _shrink(rows: list[Row], count: int, available: float, margins: int) -> tuple[list[Column], int, int]:
    """The columns, the half-points every text of the table steps down by (one point at a time,
    nothing below 12 pt) until the columns' minimums leave ROOM of ``available`` twips, and the
    largest size that steps down (``_largest``)."""
    shrink, largest = 0, 0
    while True:
        columns = _columns(rows, count, margins)
        if sum(c.minimum for c in columns) <= available * (1 - ROOM):
            return columns, shrink, largest
        if not shrink:  # the sizes as the template set them (most tables never get here)
            original = [[c.paragraphs for c in r.cells] for r in rows]
            largest = _largest(rows)
        if largest - shrink - 2 < SMALLEST_AMOUNT:
            return columns, shrink, largest
        shrink += 2
        for row, sizes in zip(rows, original):
            for cell, paragraphs in zip(row.cells, sizes):
                cell.paragraphs = tuple((lines, _smaller(s, shrink, largest), b) for lines, s, b in paragraphs)
                cell.measured = ()
                cell.forget()


def _apply_widths(tbl: Any, rows: list[Row], widths: list[float]) -> None:
    tblpr = tbl.find(TBLPR)
    grid = tbl.find(TBLGRID)
    for col, w in zip(grid.findall(GRIDCOL), widths):
        col.set(WIDTH, str(round(w)))
    width = tblpr.find(TBLW)
    if width is not None:
        width.set(WIDTH, str(round(sum(widths))))
        width.set(TYPE, "dxa")
    layout = tblpr.find(TBLLAYOUT)
    if layout is not None:
        layout.set(TYPE, "fixed")
    written: dict[tuple[int, int], str] = {}  # by (first column, span): rows repeat the same cells
    for row in rows:
        for cell in row.cells:
            if (tcw := cell.tcw) is not None:
                key = (cell.start, cell.span)
                if (twips := written.get(key)) is None:
                    twips = written[key] = str(round(sum(widths[cell.start:cell.start + cell.span])))
                tcw.set(WIDTH, twips)
                if tcw.get(TYPE) != "dxa":  # reading is cheaper than setting; the same value is the same bytes
                    tcw.set(TYPE, "dxa")


def _apply_shrink(rows: list[Row], styles: Styles, shrink: int, largest: int) -> None:
    """Every run of the table ``shrink`` half-points smaller, nothing below 12 pt, none larger than
    ``largest`` (``_largest``)."""
    for row in rows:
        for tc in cells_of(row.tr):
            for p in tc.iterchildren(P):
                size = styles.size_and_bold(p)[0]
                if SMALLEST_AMOUNT < size <= largest:
                    for run in p.iterchildren(R):
                        set_size(run, _smaller(size, shrink, largest))


def _centred(tblpr: Any) -> bool:
    jc = tblpr.find(W + "jc")
    return jc is not None and jc.get(VAL) == "center"


def _read(tbl: Any, styles: Styles, count: int, total: float,
          margins: int) -> tuple[list[Row], list[Column], tuple[int, int], list[float]]:
    """The rows of ``tbl``, its columns, the half-points its text steps down by with the largest
    size that does (``_shrink``), and a first guess of its columns' widths (``search.guess``)."""
    rows = read_rows(tbl, styles)
    columns, shrink, largest = _shrink(rows, count, total, margins)
    return rows, columns, (shrink, largest), guess(columns, total)


def _reread(rows: list[Row], cut: dict[Any, list[Any]], styles: Styles) -> list[Row]:
    """``rows`` with the rows ``cut`` read again and the rows added after each."""
    totals: dict[str, bool] = {}
    out = []
    for row in rows:
        if row.tr not in cut:
            out.append(row)
            continue
        out += [read_row(tr, styles, totals) for tr in (row.tr, *cut[row.tr])]
    return out


def lay_out(tbl: Any, styles: Styles, page: Page, opening: bool = False) -> bool:
    """Size the columns of ``tbl`` and set how its rows flow; False when the template fixed them.
    ``opening``: the table is its section's first, whose first rows may split (``docx.flow``).

    The garbage collector waits meanwhile: a long table makes tens of thousands of small objects,
    none in a cycle and all gone when this returns, and a collection here would only trace them
    and the whole heap (a full one took 50 ms in a build, a fifth of the layout of a long plan)."""
    started = time.perf_counter()
    collecting = gc.isenabled()
    gc.disable()
    try:
        tblpr = tbl.find(TBLPR)
        layout = tblpr.find(TBLLAYOUT) if tblpr is not None else None
        grid = tbl.find(TBLGRID)
        if tblpr is None or grid is None or (layout is not None and layout.get(TYPE) == "fixed"):
            return False
        cols = grid.findall(GRIDCOL)
        total = sum(float(c.get(WIDTH) or 0) for c in cols)
        if not cols or total <= 0:
            return False
        margins = side_margins(tbl)
        rows, columns, (shrink, largest), widths = _read(tbl, styles, len(cols), total, margins)
        # rows taller than a page at the first guess have their long texts moved below them
        least = sum(c.minimum for c in columns)
        cut = continue_long_rows(rows, widths, margins, page, [total - least + c.minimum for c in columns])
        if cut and shrink:  # the rows read hold the smaller sizes: read the table again
            rows, columns, (shrink, largest), widths = _read(tbl, styles, len(cols), total, margins)
        elif cut:  # the rows cut and those added are read; the others' measures and heights stand
            rows = _reread(rows, cut, styles)
            columns, shrink, largest = _shrink(rows, len(cols), total, margins)
        continued = {tr for added in cut.values() for tr in added}
        body = sum(row_height(r, widths, margins) for r in rows if not r.header)
        for row in rows:  # a heading repeats on every page: it counts once per page the body fills
            if row.header:  # at a first guess of the widths
                row.weight = max(1.0, body / page.height)
        if _centred(tblpr) and sum(c.maximum for c in columns) <= total:
            widths = [c.maximum for c in columns]  # a centred table that fits shrinks to its content
        else:
            widths = share(rows, columns, total, margins)
        _apply_widths(tbl, rows, widths)
        amount_lines.align(rows, columns, widths, margins)
        if shrink:
            _apply_shrink(rows, styles, shrink, largest)
        flow(rows, widths, margins, page, opening, continued)
        return True
    finally:
        if collecting:
            gc.enable()
        SPENT[0] += time.perf_counter() - started
