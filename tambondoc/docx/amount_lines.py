"""Lines of a label and an amount in one cell ('2571 <tab> 380,000', 'งบท้องถิ่น <tab> 600,000'):
the label at the cell's left, the amount at its right edge, with a right tab stop the layout
sets once the column's width is known.

Right-aligned as a whole, the labels of a cell's lines started wherever their amounts' widths
left them: a year above a longer amount sat further left than the years below it. Templates
write a space and a tab between the two (``docx.cells`` reads the tab as a space, so the column
still holds its widest line with two spaces of gap); only cells of amount columns are aligned,
where lines never wrap, so a tab a plan's own text holds elsewhere is left as it is.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from tambondoc.docx.cells import SLACK, TABS, Column, Row, cells_of
from tambondoc.docx.ooxml import W
from tambondoc.docx.styles import PPR, PSTYLE, P, child

JC = W + "jc"
# what comes before w:tabs in a paragraph's properties (CT_PPr), and what comes after w:jc
BEFORE_TABS = {W + t for t in ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
                               "numPr", "suppressLineNumbers", "pBdr", "shd")}
AFTER_JC = {W + t for t in ("textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
                            "rPr", "sectPr", "pPrChange")}


def align(rows: list[Row], columns: list[Column], widths: list[float], margins: int) -> None:
    """Every 'label <tab> amount' paragraph of an amount column: left-aligned, with one right tab
    stop at the cell's right edge (less half the slack a line is given: borders and rounding).
    A realistic plan has a thousand such lines: each gets a copy of one prepared pair of elements
    (lxml's ``__copy__``, deep as ``copy.deepcopy``'s, without the copy module's dispatch: a
    quarter of each line's cost; made in place with SubElement, they cost twice as much, as each
    looks its namespace up)."""
    made: dict[int, Any] = {}  # by tab stop: the w:tabs and w:jc its lines get
    for row in rows:
        if not any(cell.tabbed for cell in row.cells):
            continue
        for cell, tc in zip(row.cells, cells_of(row.tr)):
            lines = cell.tabbed
            if not lines or cell.span != 1 or cell.start >= len(widths) or not columns[cell.start].fixed:
                continue
            stop = round(widths[cell.start] - margins - SLACK / 2)
            if (made_here := made.get(stop)) is None:
                made_here = made[stop] = _properties(stop)
            for i, p in enumerate(tc.iterchildren(P)):
                if lines >> i & 1:
                    _set(p, made_here)


def _properties(stop: int) -> Any:
    """A holder of the w:tabs (one right stop at ``stop``) and the w:jc (left) a line gets."""
    holder = etree.Element(W + "x")
    tab = etree.SubElement(etree.SubElement(holder, TABS), W + "tab")
    tab.set(W + "val", "right")
    tab.set(W + "pos", str(stop))
    etree.SubElement(holder, JC).set(W + "val", "left")
    return holder


def _set(p: Any, made: Any) -> None:
    ppr = p[0] if len(p) and p[0].tag == PPR else None
    if ppr is not None and len(ppr) == 1 and ppr[0].tag == PSTYLE:  # as a template's paragraph is rendered
        ppr.extend(made.__copy__())
        return
    if ppr is None:
        ppr = etree.Element(PPR)
        p.insert(0, ppr)
    tabs, jc = made.__copy__()
    for old in (child(ppr, TABS), child(ppr, JC)):
        if old is not None:
            ppr.remove(old)
    _insert(ppr, tabs, lambda el: el.tag not in BEFORE_TABS)
    _insert(ppr, jc, lambda el: el.tag in AFTER_JC)


def _insert(ppr: Any, el: Any, goes_after: Any) -> None:
    """``el`` into ``ppr`` before its first child for which ``goes_after`` holds (schema order)."""
    for i, other in enumerate(ppr):
        if goes_after(other):
            ppr.insert(i, el)
            return
    ppr.append(el)
