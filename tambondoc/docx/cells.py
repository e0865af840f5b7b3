"""The rendered table as the layout step reads it: rows of cells holding lines of text at a
size, with their widths measured once, and how tall a cell is at a given width."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from tambondoc import measure
from tambondoc.docx.ooxml import W
from tambondoc.docx.styles import BR, PPR, PSTYLE, RPR, TAB, P, R, Styles, T, child

TBLPR, TBLCELLMAR = W + "tblPr", W + "tblCellMar"
TR, TRPR, TC, TCPR, GRIDSPAN, VMERGE = (W + t for t in ("tr", "trPr", "tc", "tcPr", "gridSpan", "vMerge"))
TCW, NOWRAP = W + "tcW", W + "noWrap"
TABS = W + "tabs"  # a paragraph's tab stops
TBLHEADER, WIDTH, VAL = W + "tblHeader", W + "w", W + "val"
# a cell of amounts that must not wrap: numbers, or lines of 'year amount' and 'รวม amount'
AMOUNTS = re.compile(r"^(?:รวม)?[-+\d\u0E50-\u0E59,.()%\s]+$")
DEFAULT_MARGIN = 108  # twips each side, Word's default cell margin
SLACK = 40            # twips a line needs beyond its text: borders, and rounding in the word processor
FILL = 0.93           # share of a line a word-wrapped paragraph fills on average
NOT_SEARCHED: dict[int, float] = {}  # the heights of every cell the width search does not ask: never written

@dataclass(slots=True)
class Page:
    """The printable height of the page a table is on (points)."""

    height: float = 16.5 * 72 / 2.54


Paragraph = tuple[tuple[str, ...], int, bool]  # (lines of text, size in half-points, bold)


@dataclass(slots=True)
class Cell:
    """One cell. What it holds is in tuples: set once (shrinking replaces them whole), cheaper to
    make than lists, and out of the garbage collector's view once it has looked at them. Of the
    tree it holds only its w:tcW, which the layout sets in every cell; the few rows whose
    paragraphs are written find their w:tc again (``cells_of``), so a 20,000-project list does
    not keep 60,000 more lxml proxies alive (7 MB)."""

    start: int
    span: int
    paragraphs: tuple[Paragraph, ...]
    header: bool
    total: bool
    nowrap: bool = False  # the template's cell does not wrap (w:noWrap): its column fits its widest line
    tabbed: int = 0  # bit i: paragraph i holds a tab ('label <tab> amount' in an amount column: ``amount_lines``)
    tcw: Any = None  # the cell's w:tcW, which the layout sets
    measured: tuple[tuple[float, float], ...] = ()  # (text width pt, line height pt)
    # heights by width (twips, whole): the width search asks the cells of its sample again and
    # again, so they keep every one (``searched``); any other cell is asked at the first guess of
    # the widths and then at the last, so it keeps its last (a dict for each of a 20,000-project
    # list's 60,000 cells took 15 MB more, tracemalloc's count)
    heights: dict[int, float] = field(default_factory=lambda: NOT_SEARCHED)
    at: int | None = None
    at_height: float = 0.0
    ems: tuple[tuple[int, ...], ...] = ()  # per paragraph, each line's width in em/1000
    # per paragraph, in em/1000: (widest line without its outer spaces, longest word, all lines together)
    stats: tuple[tuple[int, int, int], ...] = ()

    def measure(self) -> None:
        """Widths in em, once: sizes change when the table shrinks, the words do not."""
        if self.ems or not self.paragraphs:
            return
        if self.span > 1:  # across columns it sets no column's minimum (no stats): its lines' widths suffice
            self.ems = tuple(tuple(measure.char_width(line, bold) for line in lines) for lines, _, bold in self.paragraphs)
            return
        ems: list[tuple[int, ...]] = []
        stats: list[tuple[int, int, int]] = []
        for lines, _, bold in self.paragraphs:
            if len(lines) == 1:
                em, whole, word = measure.line_widths(lines[0], bold)
                ems.append((em,))
                stats.append((whole, word, em))
                continue
            found = [measure.line_widths(line, bold) for line in lines]
            ems.append(tuple(em for em, _, _ in found))
            stats.append((max(whole for _, whole, _ in found), max(word for _, _, word in found),
                          sum(em for em, _, _ in found)))
        self.ems, self.stats = tuple(ems), tuple(stats)

    def searched(self) -> dict[int, float]:
        """This cell's heights kept for every width from now on, the one it kept so far first."""
        if self.heights is NOT_SEARCHED:
            self.heights = {self.at: self.at_height} if self.at is not None else {}
        return self.heights

    def forget(self) -> None:
        """Drop the heights kept: the sizes changed."""
        self.heights, self.at = NOT_SEARCHED, None

    def lines_at_size(self) -> tuple[tuple[float, float], ...]:
        """(text width pt, line height pt) of every line at the paragraphs' current sizes."""
        if not self.measured:
            self.measure()
            measured: list[tuple[float, float]] = []
            for (_, size, _), ems in zip(self.paragraphs, self.ems):
                height = measure.line_height(size / 2)
                measured += [(em * size / 2000, height) for em in ems]
            self.measured = tuple(measured)
        return self.measured


@dataclass(slots=True)
class Row:
    tr: Any
    cells: list[Cell]
    header: bool
    total: bool
    weight: float = 1.0


@dataclass(slots=True)
class Column:
    minimum: float = 0.0        # twips, margins included
    usual: float = 0.0          # the same for its heading and all but its rarest long words (USUAL)
    maximum: float = 0.0        # twips the widest line takes unwrapped, margins included
    fixed: bool = False          # amounts, or cells that do not wrap: the widest line is the width
    demand: float = 0.0         # total text the column holds (points at its size)
    cells: list[Cell] = field(default_factory=list)


def paragraph(p: Any, styles: Styles) -> tuple[tuple[str, ...], int, bool, str, bool]:
    """(lines of text, size, bold, style id, whether it holds a tab) of paragraph ``p``, as
    ``Styles.paragraph`` and the text of its w:t, w:tab (a space) and w:br (a line break) in
    document order would give, in one pass over its elements: lxml's find() or a tag filter
    costs more to set up than the walk (and reading only the runs' children saved nothing).
    The paragraph's own tab stops (w:pPr/w:tabs/w:tab) are no tab character: read as one, a
    template's stop put a space before the text and made ``amount_lines`` replace the stops."""
    ppr = ps = run = None
    tabbed = False
    lines, current = [], []
    for el in p.iter():
        tag = el.tag
        if tag == T:
            current.append(el.text or "")
        elif tag == TAB:
            if el.getparent().tag != TABS:  # a tab stop of the paragraph's properties
                current.append(" ")
                tabbed = True
        elif tag == BR:
            lines.append("".join(current))
            current = []
        elif tag == PPR:
            if ppr is None and el.getparent() is p:
                ppr = el
        elif tag == PSTYLE:
            if ps is None and ppr is not None and el.getparent() is ppr:
                ps = el
        elif tag == RPR and run is None and (r := el.getparent()).tag == R and r.getparent() is p:
            run = el  # the first run that has properties: document order visits runs in order
    lines.append("".join(current))
    sid = ps.get(VAL) if ps is not None else "Normal"
    return tuple(lines), *styles.font(sid, run), sid, tabbed


def _properties(tcpr: Any) -> tuple[Any, Any, Any, Any]:
    """The cell's (tcW, gridSpan, vMerge, noWrap), the first of each as find() gives, in one pass."""
    tcw = span = merge = nowrap = None
    for el in () if tcpr is None else tcpr:
        tag = el.tag
        if tag == TCW:
            tcw = el if tcw is None else tcw
        elif tag == GRIDSPAN:
            span = el if span is None else span
        elif tag == VMERGE:
            merge = el if merge is None else merge
        elif tag == NOWRAP:
            nowrap = el if nowrap is None else nowrap
    return tcw, span, merge, nowrap


def read_rows(tbl: Any, styles: Styles) -> list[Row]:
    """The rows of ``tbl``; a cell a vertical merge continues holds no paragraphs."""
    totals: dict[str, bool] = {}  # by style id: a style named '... Total ...'
    return [read_row(tr, styles, totals) for tr in tbl if tr.tag == TR]


def read_row(tr: Any, styles: Styles, totals: dict[str, bool]) -> Row:
    """One row (``totals``: whether a style id is a total's, as found so far)."""
    trpr = child(tr, TRPR)
    header = trpr is not None and child(trpr, TBLHEADER) is not None
    cells, column = [], 0
    for tc in tr:
        if tc.tag == TC:
            cells.append(cell := _cell(tc, column, header, styles, totals))
            column += cell.span
    return Row(tr, cells, header, any(c.total for c in cells))


def _cell(tc: Any, column: int, header: bool, styles: Styles, totals: dict[str, bool]) -> Cell:
    """One cell, from one pass over its children: its properties (the first w:tcPr) and paragraphs."""
    tcpr = None
    read = []
    tabbed = 0  # bit i: paragraph i holds a tab, set as it is read (most cells hold none)
    for el in tc:
        tag = el.tag
        if tag == P:
            read.append(found := paragraph(el, styles))
            if found[4]:
                tabbed |= 1 << (len(read) - 1)
        elif tag == TCPR and tcpr is None:
            tcpr = el
    tcw, span_el, merge, nowrap = _properties(tcpr)
    total = False
    for _, _, _, sid, _ in read:
        if sid not in totals:
            totals[sid] = "total" in styles.name_of(sid).lower()
        total = total or totals[sid]
    continued = merge is not None and merge.get(VAL) != "restart"
    paragraphs = () if continued else tuple([(lines, size, bold) for lines, size, bold, _, _ in read])
    span = int(span_el.get(VAL)) if span_el is not None else 1
    return Cell(column, span, paragraphs, header, total, nowrap is not None, tabbed, tcw)


def cells_of(tr: Any) -> list[Any]:
    """The w:tc of ``tr`` in order: one for each of its Row's cells."""
    return [tc for tc in tr if tc.tag == TC]


def side_margins(tbl: Any) -> int:
    """Twips of cell margin, left and right together."""
    total = 0
    mar = tbl.find(TBLPR)
    mar = mar.find(TBLCELLMAR) if mar is not None else None
    for side in ("left", "right"):
        el = mar.find(W + side) if mar is not None else None
        total += int(el.get(WIDTH)) if el is not None and el.get(WIDTH) else DEFAULT_MARGIN
    return total


def pt(em: float, half_points: int) -> float:
    return em * half_points / 2000


def height_at(cell: Cell, width: float, margins: int) -> float:
    """Points of height ``cell`` needs at ``width`` twips: a heading's wrapped word by word, any other
    estimated (wrapped text fills FILL of a line)."""
    key = int(width)
    memo = cell.heights
    found = memo.get(key)
    if found is not None:
        return found
    if memo is NOT_SEARCHED:
        if key == cell.at:
            return cell.at_height
        found = _height(cell, width, margins)
        cell.at, cell.at_height = key, found
        return found
    found = memo[key] = _height(cell, width, margins)
    return found


def _height(cell: Cell, width: float, margins: int) -> float:
    """What ``height_at`` keeps: a heading's height counted, any other's estimated."""
    if cell.header:  # a heading's few words wrap far from FILL, and it repeats on every page
        return exact_height(cell, width, margins)
    room = width - margins - SLACK  # max() spelt out: this runs tens of thousands of times a plan
    room = (room if room > 20 else 20) / 20 * FILL
    lines = cell.measured or cell.lines_at_size()
    if len(lines) == 1:  # most cells: what sum() of the one line gives, without the generator
        text, line = lines[0]
        return (math.ceil(text / room) or 1) * line
    return sum((math.ceil(text / room) or 1) * line for text, line in lines)


def span_width(cell: Cell, widths: list[float]) -> float:
    """Twips of the grid columns ``cell`` spans (a lone column's width is what sum() of it gives)."""
    start = cell.start
    if cell.span == 1 and start < len(widths):
        return widths[start]
    return sum(widths[start:start + cell.span])


def row_height(row: Row, widths: list[float], margins: int) -> float:
    """Points the tallest cell of ``row`` needs at ``widths`` (estimated), 0 for a row without cells.
    A lone column's width and height_at's memo are read here first: every row is asked twice."""
    top: float = 0
    count = len(widths)
    for cell in row.cells:
        start = cell.start
        width = widths[start] if cell.span == 1 and start < count else sum(widths[start:start + cell.span])
        height = cell.heights.get(int(width))
        if height is None:
            height = height_at(cell, width, margins)
        if height > top:
            top = height
    return top


def exact_height(cell: Cell, width: float, margins: int) -> float:
    room = max(width - margins - SLACK, 20) / 20
    height = 0.0
    for lines, size, bold in cell.paragraphs:
        line_height = measure.line_height(size / 2)
        for line in lines:
            count = measure.count_lines(line, room * 2000 / size, bold) if line.strip() else 1
            height += count * line_height
    return height
