"""Size a rendered table's columns from what they hold, and decide how its rows flow over pages.

A template gives a table its total width; this step shares that width among the columns the way
a word processor's automatic layout would, but knowing the whole table in advance:

- every column gets at least its minimum: the widest word it holds (Thai words from pythainlp's
  dictionary, widths from the real font, ``measure``), or for an amount column the widest amount
  on one line. When the minimums leave less than a quarter of the width to share (every column
  would wrap word by word) the whole table steps down a point at a time, never below 12 pt, so
  amounts and text keep one size;
- the rest goes where it shortens the table most: width is handed out in steps to the column
  whose extra width saves the most lines over the rows (a sample of them in a long table), each
  row being as tall as its tallest cell, and a repeated heading row counting once per page.

Rows then flow: a row stays on one page unless it is taller than a page; a total row (a row
whose paragraphs use a style named '... Total ...') stays with the row above it. Tables whose
template layout is "fixed" are left as the template drew them.
"""

from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass, field
from typing import Any

from docx.oxml import OxmlElement

from tambondoc import measure
from tambondoc.docx.ooxml import W
from tambondoc.docx.styles import BR, TAB, P, R, Styles, T, set_size

TBLPR, TBLW, TBLLAYOUT, TBLCELLMAR, TBLGRID, GRIDCOL = (W + t for t in ("tblPr", "tblW", "tblLayout", "tblCellMar",
                                                                      "tblGrid", "gridCol"))
TR, TRPR, TC, TCPR, GRIDSPAN, VMERGE, TCW = (W + t for t in ("tr", "trPr", "tc", "tcPr", "gridSpan", "vMerge", "tcW"))
CANTSPLIT, TBLHEADER, KEEPNEXT, PPR = (W + t for t in ("cantSplit", "tblHeader", "keepNext", "pPr"))
WIDTH, TYPE, VAL = W + "w", W + "type", W + "val"
NUMBER = re.compile(r"^[-+\d\u0E50-\u0E59,.()%]+$")
# a cell of amounts that must not wrap: numbers, or lines of 'year amount' and 'รวม amount'
AMOUNTS = re.compile(r"^(?:รวม)?[-+\d\u0E50-\u0E59,.()%\s]+$")
SMALLEST_AMOUNT = 24  # half-points: amounts (and the table that holds them) never below 12 pt
DEFAULT_MARGIN = 108  # twips each side, Word's default cell margin
SLACK = 40            # twips a line needs beyond its text: borders, and rounding in the word processor
FILL = 0.93           # share of a line a word-wrapped paragraph fills on average
SAMPLE = 100          # rows the width search looks at in a long table
STEPS = 20            # width handed out in this many steps
ROOM = 0.25           # share of the width the columns' minimums should leave to share
SPENT = [0.0]         # seconds spent here, for benchmarks/pages.py


@dataclass
class Page:
    """The printable height of the page a table is on (points)."""

    height: float = 16.5 * 72 / 2.54


@dataclass
class Cell:
    tc: Any
    start: int
    span: int
    paragraphs: list[tuple[list[str], int, bool]]  # (lines of text, size in half-points, bold)
    header: bool
    total: bool
    nowrap: bool = False  # the template's cell does not wrap (w:noWrap): its column fits its widest line
    measured: list[tuple[float, float]] = field(default_factory=list)  # (text width pt, line height pt)
    heights: dict[int, float] = field(default_factory=dict)  # _lines by width: the search asks again and again
    ems: list[list[tuple[int, int]]] = field(default_factory=list)  # per paragraph and line: (width, longest word) in em/1000

    @property
    def text(self) -> str:
        return " ".join(" ".join(lines) for lines, _, _ in self.paragraphs).strip()

    def measure(self) -> None:
        """Widths at the paragraphs' sizes, from widths in em measured once (sizes change when
        the table shrinks, the words do not)."""
        if not self.ems:
            self.ems = [[(measure.em_width(line, bold) if line else 0, measure.longest_word(line, bold))
                         for line in lines] for lines, _, bold in self.paragraphs]
        for (lines, size, _), ems in zip(self.paragraphs, self.ems):
            for line, (em, _) in zip(lines, ems):
                self.measured.append((_pt(em, size) if line else 0.0, measure.line_height(size / 2)))


@dataclass
class Row:
    tr: Any
    cells: list[Cell]
    header: bool
    total: bool
    weight: float = 1.0


@dataclass
class Column:
    minimum: float = 0.0        # twips, margins included
    maximum: float = 0.0        # twips the widest line takes unwrapped, margins included
    fixed: bool = False          # amounts, or cells that do not wrap: the widest line is the width
    demand: float = 0.0         # total text the column holds (points at its size)
    cells: list[Cell] = field(default_factory=list)


def _paragraph(p: Any, styles: Styles) -> tuple[list[str], int, bool, str]:
    """(lines of text, size, bold, style name) of paragraph ``p``."""
    sid, size, bold = styles.paragraph(p)
    lines, current = [], []
    for el in p.iter(T, BR, TAB):
        if el.tag == T:
            current.append(el.text or "")
        elif el.tag == TAB:
            current.append(" ")
        else:
            lines.append("".join(current))
            current = []
    lines.append("".join(current))
    return lines, size, bold, styles.name_of(sid)


def _rows(tbl: Any, styles: Styles) -> list[Row]:
    rows = []
    for tr in tbl.iterchildren(TR):
        trpr = tr.find(TRPR)
        header = trpr is not None and trpr.find(TBLHEADER) is not None
        cells, column = [], 0
        for tc in tr.iterchildren(TC):
            tcpr = tc.find(TCPR)
            span_el = tcpr.find(GRIDSPAN) if tcpr is not None else None
            span = int(span_el.get(VAL)) if span_el is not None else 1
            merge = tcpr.find(VMERGE) if tcpr is not None else None
            continued = merge is not None and merge.get(VAL) != "restart"
            read = [_paragraph(p, styles) for p in tc.iterchildren(P)]
            paragraphs = [] if continued else [(lines, size, bold) for lines, size, bold, _ in read]
            total = any("total" in name.lower() for *_, name in read)
            nowrap = tcpr is not None and tcpr.find(W + "noWrap") is not None
            cells.append(Cell(tc, column, span, paragraphs, header, total, nowrap))
            column += span
        rows.append(Row(tr, cells, header, any(c.total for c in cells)))
    return rows


def _margins(tbl: Any) -> int:
    total = 0
    mar = tbl.find(TBLPR)
    mar = mar.find(TBLCELLMAR) if mar is not None else None
    for side in ("left", "right"):
        el = mar.find(W + side) if mar is not None else None
        total += int(el.get(WIDTH)) if el is not None and el.get(WIDTH) else DEFAULT_MARGIN
    return total


def _pt(em: float, half_points: int) -> float:
    return em * half_points / 2000


def _columns(rows: list[Row], count: int, margins: int) -> list[Column]:
    columns = [Column() for _ in range(count)]
    for row in rows:
        for cell in row.cells:
            if cell.span == 1 and cell.start < count:
                columns[cell.start].cells.append(cell)
    for row in rows:
        for cell in row.cells:
            cell.measure()
    for col in columns:
        body = [c for c in col.cells if not c.header and c.text]
        col.fixed = bool(body) and (all(AMOUNTS.match(line.strip()) for c in body for lines, _, _ in c.paragraphs
                                          for line in lines if line.strip())
                                      or all(c.nowrap for c in body))
        widest = 0.0
        for cell in col.cells:
            whole = col.fixed and not cell.header
            for (lines, size, bold), ems in zip(cell.paragraphs, cell.ems):
                for line, (em, word) in zip(lines, ems):
                    need = _pt(measure.em_width(line.strip(), bold) if whole and line != line.strip() else
                               em if whole else word, size)
                    widest = max(widest, need)
            if not cell.header and not col.fixed:
                col.demand += sum(w for w, _ in cell.measured)
        col.minimum = widest * 20 + margins + SLACK
        col.maximum = max([col.minimum] + [w * 20 + margins + SLACK for c in col.cells for w, _ in c.measured])
    return columns


def _lines(cell: Cell, width: float, margins: int) -> float:
    """Points of height ``cell`` needs at ``width`` twips (estimated: wrapped text fills FILL of a line)."""
    key = int(width)
    found = cell.heights.get(key)
    if found is None:
        room = max(width - margins - SLACK, 20) / 20 * FILL
        found = cell.heights[key] = sum(max(1, math.ceil(text / room)) * line for text, line in cell.measured)
    return found


def _exact_height(cell: Cell, width: float, margins: int) -> float:
    room = max(width - margins - SLACK, 20) / 20
    height = 0.0
    for lines, size, bold in cell.paragraphs:
        size_pt = size / 2
        for line in lines:
            count = measure.count_lines(line, room * 2000 / size, bold) if line.strip() else 1
            height += count * measure.line_height(size_pt)
    return height


def _shrink(rows: list[Row], count: int, available: float, margins: int) -> tuple[list[Column], int]:
    """The columns, and the half-points every text of the table steps down by (one point at a
    time, nothing below 12 pt) until the columns' minimums leave ROOM of ``available`` twips."""
    original = [[list(c.paragraphs) for c in r.cells] for r in rows]
    largest = max((size for r in rows for c in r.cells for lines, size, _ in c.paragraphs if any(lines)), default=0)
    shrink = 0
    while True:
        columns = _columns(rows, count, margins)
        if sum(c.minimum for c in columns) <= available * (1 - ROOM) or largest - shrink - 2 < SMALLEST_AMOUNT:
            return columns, shrink
        shrink += 2
        for row, sizes in zip(rows, original):
            for cell, paragraphs in zip(row.cells, sizes):
                cell.paragraphs = [(lines, max(SMALLEST_AMOUNT, s - shrink) if s > SMALLEST_AMOUNT else s, b)
                                   for lines, s, b in paragraphs]
                cell.measured = []
                cell.heights = {}


def _widths(rows: list[Row], columns: list[Column], total: float, margins: int) -> list[float]:
    """Share ``total`` twips: minimums first, then steps of width where they save the most height."""
    widths = [c.minimum for c in columns]
    spare = total - sum(widths)
    text = [i for i, c in enumerate(columns) if not c.fixed]
    if spare <= 0:  # words must break: the text columns share what the amounts leave, by their minimums
        room = total - sum(c.minimum for c in columns if c.fixed)
        need = sum(widths[i] for i in text) or 1.0
        return [w * room / need if i in text else w for i, w in enumerate(widths)]
    growable = [i for i in text if columns[i].demand > 0]
    if not growable:
        return [w + spare / len(widths) for w in widths]
    body = [r for r in rows if not r.header]
    sample = body[:: max(1, len(body) // SAMPLE)] + [r for r in rows if r.header]
    step = spare / STEPS

    def width(cell: Cell, extra: float = 0.0) -> float:
        return sum(widths[cell.start:cell.start + cell.span]) + extra

    heights = [[_lines(c, width(c), margins) for c in r.cells] for r in sample]
    cover: dict[int, list[tuple[int, int]]] = {i: [] for i in growable}
    for r, row in enumerate(sample):
        for k, cell in enumerate(row.cells):
            for i in range(cell.start, cell.start + cell.span):
                if i in cover:
                    cover[i].append((r, k))
    def gain(i: int, extra: float, tops: list[tuple[float, int, float]]) -> float:
        """Height saved over the sample if column ``i`` were ``extra`` twips wider."""
        total = 0.0
        for r, k in cover[i]:
            top, top_k, second = tops[r]
            other = second if top_k == k else top
            total += sample[r].weight * (top - max(_lines(sample[r].cells[k], width(sample[r].cells[k], extra),
                                                          margins), other))
        return total

    steps = STEPS
    while steps > 0:
        tops = []
        for h in heights:
            ordered = sorted(range(len(h)), key=h.__getitem__, reverse=True)
            tops.append((h[ordered[0]] if h else 0.0, ordered[0] if h else -1,
                         h[ordered[1]] if len(h) > 1 else 0.0))

        # the column whose next step saves the most height; when no single step saves any, the
        # one that saves the most per step a few steps on (the next line break may be far)
        best, best_k, best_rate = growable[0], 0, 0.0
        for i in growable:
            g = gain(i, step, tops)
            if g > best_rate:
                best, best_k, best_rate = i, 1, g
        if best_k == 0:
            for i in growable:
                for k in range(2, steps + 1):
                    g = gain(i, step * k, tops)
                    if g > 0:
                        if g / k > best_rate:
                            best, best_k, best_rate = i, k, g / k
                        break
        if best_k == 0:  # no column shortens anything: share the rest by how much text each holds
            demand = sum(columns[i].demand for i in growable)
            for i in growable:
                widths[i] += spare * columns[i].demand / demand
            return widths
        widths[best] += step * best_k
        spare -= step * best_k
        steps -= best_k
        for r, k in cover[best]:
            heights[r][k] = _lines(sample[r].cells[k], width(sample[r].cells[k]), margins)
    return widths


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
    for row in rows:
        for cell in row.cells:
            tcpr = cell.tc.find(TCPR)
            tcw = tcpr.find(TCW) if tcpr is not None else None
            if tcw is not None:
                tcw.set(WIDTH, str(round(sum(widths[cell.start:cell.start + cell.span]))))
                tcw.set(TYPE, "dxa")


def _apply_shrink(rows: list[Row], styles: Styles, shrink: int) -> None:
    """Every run of the table ``shrink`` half-points smaller, nothing below 12 pt."""
    for row in rows:
        for cell in row.cells:
            for p in cell.tc.iterchildren(P):
                size = styles.size_and_bold(p)[0]
                if size > SMALLEST_AMOUNT:
                    for run in p.iterchildren(R):
                        set_size(run, max(SMALLEST_AMOUNT, size - shrink))


def _flow(rows: list[Row], widths: list[float], margins: int, page: Page) -> None:
    """Rows shorter than a page do not split; total rows stay with the row above them. A table
    shorter than a third of a page does not repeat its heading: it rarely crosses a page, and
    LibreOffice would rather move a small table with repeated heading rows to the next page."""
    heading = sum(max((_exact_height(c, sum(widths[c.start:c.start + c.span]), margins) for c in r.cells),
                      default=0) for r in rows if r.header)
    room = page.height - heading - 12
    estimates = [max((_lines(c, sum(widths[c.start:c.start + c.span]), margins) for c in row.cells), default=0)
                 for row in rows]
    short = sum(estimates) < page.height / 3
    for i, (row, estimate) in enumerate(zip(rows, estimates)):
        trpr = row.tr.find(TRPR)
        if short and row.header and trpr is not None and (repeat := trpr.find(TBLHEADER)) is not None:
            trpr.remove(repeat)
        tall = estimate > room * 0.6 and max(
            (_exact_height(c, sum(widths[c.start:c.start + c.span]), margins) for c in row.cells), default=0) > room
        cant = trpr.find(CANTSPLIT) if trpr is not None else None
        if tall and cant is not None:
            trpr.remove(cant)
        elif not tall and cant is None:
            if trpr is None:
                trpr = OxmlElement("w:trPr")
                row.tr.insert(0, trpr)
            trpr.insert(0, OxmlElement("w:cantSplit"))
        if row.total and i > 0 and not rows[i - 1].header:
            _keep_with_next(rows[i - 1])
        if row.total and i + 1 < len(rows) and rows[i + 1].total:
            _keep_with_next(row)


def _keep_with_next(row: Row) -> None:
    for cell in row.cells:
        for p in cell.tc.iterchildren(P):
            ppr = p.find(PPR)
            if ppr is None:
                ppr = OxmlElement("w:pPr")
                p.insert(0, ppr)
            if ppr.find(KEEPNEXT) is None:
                anchor = next((c for c in ppr if c.tag in (W + "pStyle",)), None)
                keep = OxmlElement("w:keepNext")
                if anchor is not None:
                    anchor.addnext(keep)
                else:
                    ppr.insert(0, keep)


def _centred(tblpr: Any) -> bool:
    jc = tblpr.find(W + "jc")
    return jc is not None and jc.get(VAL) == "center"


def lay_out(tbl: Any, styles: Styles, page: Page) -> bool:
    """Size the columns of ``tbl`` and set how its rows flow; False when the template fixed them."""
    started = time.perf_counter()
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
        margins = _margins(tbl)
        rows = _rows(tbl, styles)
        columns, shrink = _shrink(rows, len(cols), total, margins)
        widths = [c.minimum for c in columns]
        body = sum(max((_lines(c, sum(widths[c.start:c.start + c.span]), margins) for c in r.cells), default=0)
                   for r in rows if not r.header)
        for row in rows:
            if row.header:
                row.weight = max(1.0, body / page.height / 2)
        if _centred(tblpr) and sum(c.maximum for c in columns) <= total:
            widths = [c.maximum for c in columns]  # a centred table that fits shrinks to its content
        else:
            widths = _widths(rows, columns, total, margins)
        _apply_widths(tbl, rows, widths)
        if shrink:
            _apply_shrink(rows, styles, shrink)
        _flow(rows, widths, margins, page)
        return True
    finally:
        SPENT[0] += time.perf_counter() - started
