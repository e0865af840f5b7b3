"""Rows taller than a page: their longest texts continue below the row, across the table.

A table has one set of column widths. A project whose objective runs to 2,000 characters
(a real plan's longest) made its row three pages tall in a column a few centimetres wide,
with every other column empty below its first lines: pages holding one narrow column of
text, which an officer would re-lay by hand. Such a row keeps the first lines of each long
cell (a quarter of a page, KEEP) and the rest of that cell follows in a row of its own that
spans the whole table, led by its column's heading and "(ต่อ)" ("continued"): the same words
in the same order, at the table's full width. Only rows taller than the room a page leaves
under the table's heading are cut (such a row splits across pages whatever is done), and only
their cells with more than MORE lines beyond what they keep; the project's name (the row's
first cell of words) stays whole.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from lxml import etree

from tambondoc import measure
from tambondoc.docx.cells import (
    GRIDSPAN,
    SLACK,
    TC,
    TCPR,
    TCW,
    TR,
    VAL,
    VMERGE,
    WIDTH,
    Cell,
    Page,
    Row,
    cells_of,
    exact_height,
    height_at,
    row_height,
    span_width,
)
from tambondoc.docx.ooxml import XML_SPACE, W
from tambondoc.docx.styles import BR, PPR, RPR, TAB, P, R, T

# a row holding these is left whole: a row put after it would break a vertical merge or the grid
MERGED = [VMERGE, W + "gridBefore", W + "gridAfter"]
TYPE = W + "type"
TALL = 1.0    # share of a page a row must be taller than to be cut
NEAR = 0.75   # share of that room from which the estimated height is checked by counting lines
KEEP = 0.25   # share of a page a long cell keeps in its row
MORE = 2      # lines a cell must have beyond KEEP to continue below
LABEL = "{} (ต่อ) "
_BRACKETED = re.compile(r"\s*\([^()]*\)$")  # a heading's closing aside: its unit, its form's wording


def continue_long_rows(rows: list[Row], widths: list[float], margins: int, page: Page,
                       widest: list[float]) -> dict[Any, list[Any]]:
    """Cut the long cells of rows taller than a page (under its heading) at the first guess of
    the ``widths``: the w:tr of each row cut, with those of the rows added after it (none when no
    row is that tall). The layout then reads them. ``widest``: each column's width when the others
    keep only their minimums (a project's name fits a page at that width: it is not cut)."""
    added: dict[Any, list[Any]] = {}
    labels: list[str] | None = None
    # the room under the heading a page repeats: a row taller than that splits whatever is done
    room = max(page.height * TALL - sum(row_height(row, widths, margins) for row in rows if row.header),
               page.height / 2)
    for row in rows:
        if row.header or row.total:
            continue
        estimate = row_height(row, widths, margins)  # wrapped text estimated; near the room, counted
        if estimate <= room * NEAR or (estimate <= room and max(
                (exact_height(c, span_width(c, widths), margins) for c in row.cells), default=0.0) <= room):
            continue
        if _merged(row.tr):
            continue
        if labels is None:
            labels = _labels(rows, len(widths))
        last = row.tr
        name = _name(row)
        for cell, tc in zip(row.cells, cells_of(row.tr)):
            if cell.span != 1 or not cell.paragraphs or cell.start >= len(widths) \
                    or any(el.tag not in (TCPR, P) for el in tc):  # a nested table stays whole
                continue
            width = widths[cell.start]
            line = measure.line_height(cell.paragraphs[0][1] / 2)
            keep = max(4, int(page.height * KEEP / line))
            if height_at(cell, width, margins) <= (keep + MORE) * line \
                    or (cell is name and height_at(cell, widest[cell.start], margins) <= room):
                continue
            cut = _cut(cell.paragraphs, width, margins, keep)
            rest = _split(tc, *cut) if cut is not None else []
            if rest:
                last = _continuation(last, rest, labels[cell.start], len(widths), sum(widths))
                added.setdefault(row.tr, []).append(last)
    return added


def _name(row: Row) -> Cell | None:
    """The row's first cell of words (a project's name, after its number). It stays whole unless
    taller than a page at the widest its column can be: cut, its end stood apart under
    "แผนงาน/โครงการ (ต่อ)" and the row held half a name (a real plan's names run to 206 characters)."""
    for cell in row.cells:
        if cell.span == 1 and any(ch.isalpha() for lines, _, _ in cell.paragraphs for line in lines for ch in line):
            return cell
    return None


def _merged(tr: Any) -> bool:
    """Whether ``tr`` or the row after it merges cells vertically or shifts the grid."""
    after = tr.getnext()
    return any(next(row.iter(*MERGED), None) is not None for row in (tr, after) if row is not None and row.tag == TR)


def _labels(rows: list[Row], count: int) -> list[str]:
    """Each grid column's heading: the text of the first heading cell over it, its lines joined
    as one line (a space between them, none between two Thai letters: ผลที่คาดว่า|จะได้รับ),
    without a closing aside in brackets (the label is followed by "(ต่อ)")."""
    labels = [""] * count
    for row in rows:
        if row.header:
            for cell in row.cells:
                text = ""
                for line in (line.strip() for lines, _, _ in cell.paragraphs for line in lines):
                    if text and line and not (_thai(text[-1]) and _thai(line[0])):
                        text += " "
                    text += line
                text = _BRACKETED.sub("", text) or text  # 'เป้าหมาย (ผลผลิตของโครงการ)' -> 'เป้าหมาย (ต่อ)'
                for i in range(cell.start, min(count, cell.start + cell.span)):
                    labels[i] = labels[i] or text
    return labels


def _thai(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e5b"


def _cut(paragraphs: tuple[tuple[tuple[str, ...], int, bool], ...], width: float, margins: int,
         keep: int) -> tuple[int, int, int] | None:
    """(paragraph, line, offset) where a cell's text beyond its first ``keep`` wrapped lines
    starts, as ``cells.exact_height`` wraps it; None when nothing would stay."""
    room = max(width - margins - SLACK, 20) / 20
    used = 0
    for i, (lines, size, bold) in enumerate(paragraphs):
        available = room * 2000 / size
        for j, line in enumerate(lines):
            count = measure.count_lines(line, available, bold) if line.strip() else 1
            if used + count <= keep:
                used += count
                continue
            offset = measure.line_start(line, available, bold, keep - used) if keep > used else 0
            if offset is None:  # the line's last words: cut after it
                return (i, j + 1, 0) if j + 1 < len(lines) else (i + 1, 0, 0) if i + 1 < len(paragraphs) else None
            return None if (i, j, offset) == (0, 0, 0) else (i, j, offset)
    return None


def _split(tc: Any, i: int, j: int, offset: int) -> list[Any]:
    """Take from cell ``tc`` its text from paragraph ``i``, line ``j`` (counted by line breaks),
    character ``offset`` on: the paragraphs that hold it, out of the cell. None taken when a
    paragraph holds more than runs of text (a field, a hyperlink): it is left whole."""
    paragraphs = [el for el in tc if el.tag == P]
    first = paragraphs[i]
    if j == 0 and offset == 0:
        moved = paragraphs[i:]
    else:
        if any(el.tag not in (PPR, R) for el in first):
            return []
        head = _split_paragraph(first, j, offset)
        if head is False:
            return []
        moved = ([head] if head is not None else []) + paragraphs[i + 1:]
    for p in moved:
        if p.getparent() is tc:
            tc.remove(p)
    return moved


def _split_paragraph(p: Any, j: int, offset: int) -> Any:
    """A new paragraph holding ``p``'s text from line ``j``, ``offset`` on (taken out of ``p``);
    None when nothing follows, False when ``p`` holds what this does not cut."""
    runs = [r for r in p if r.tag == R]
    line = column = 0
    for index, run in enumerate(runs):
        kids = [el for el in run if el.tag != RPR]
        for k, el in enumerate(kids):
            if el.tag == BR:
                if el.get(TYPE) not in (None, "textWrapping"):
                    return False
                line, column = line + 1, 0
                if line == j and offset == 0:
                    run.remove(el)
                    return _move(p, run, kids[k + 1:], runs[index + 1:], None)
                continue
            if el.tag == TAB:
                size = 1
            elif el.tag == T:
                size = len(el.text or "")
            else:
                return False
            if line == j and el.tag == T and column <= offset < column + size:
                cut = offset - column
                if cut == 0:
                    return _move(p, run, kids[k:], runs[index + 1:], None)
                tail = (el.text or "")[cut:]
                el.text = (el.text or "")[:cut]
                return _move(p, run, kids[k + 1:], runs[index + 1:], tail)
            column += size
    return None


def _move(p: Any, run: Any, kids: list[Any], runs: list[Any], tail: str | None) -> Any:
    """A paragraph like ``p`` holding ``tail``, then ``kids`` (of ``run``) and ``runs``."""
    new = etree.SubElement(p.getparent(), P)
    ppr = p.find(PPR)
    if ppr is not None:
        new.append(copy.deepcopy(ppr))
    if tail is not None or kids:
        first = etree.SubElement(new, R)
        rpr = run.find(RPR)
        if rpr is not None:
            first.append(copy.deepcopy(rpr))
        if tail is not None:
            t = etree.SubElement(first, T)
            t.text = tail
            t.set(XML_SPACE, "preserve")
        for el in kids:
            first.append(el)
    for r in runs:
        new.append(r)
    return new


def _continuation(after: Any, paragraphs: list[Any], label: str, columns: int, width: float) -> Any:
    """A row after ``after`` whose one cell spans the table and holds ``paragraphs``, the first
    led by ``label`` and "(ต่อ)" in bold."""
    tr = etree.SubElement(after.getparent(), TR)
    after.addnext(tr)
    tc = etree.SubElement(tr, TC)
    tcpr = etree.SubElement(tc, TCPR)
    tcw = etree.SubElement(tcpr, TCW)
    tcw.set(WIDTH, str(round(width)))
    tcw.set(TYPE, "dxa")
    etree.SubElement(tcpr, GRIDSPAN).set(VAL, str(columns))
    for p in paragraphs:
        tc.append(p)
    first = paragraphs[0]
    run = etree.SubElement(first, R)
    first.insert(1 if first.find(PPR) is not None else 0, run)
    rpr = etree.SubElement(run, RPR)
    etree.SubElement(rpr, W + "b")
    etree.SubElement(rpr, W + "bCs")
    t = etree.SubElement(run, T)
    t.text = LABEL.format(label).lstrip()
    t.set(XML_SPACE, "preserve")
    return tr
