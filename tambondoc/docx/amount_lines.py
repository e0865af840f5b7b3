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

from tambondoc.docx.cells import SLACK, Column, Row, cells_of
from tambondoc.docx.ooxml import W
from tambondoc.docx.styles import PPR, TAB, P, R, child

TABS, JC = W + "tabs", W + "jc"
# what comes before w:tabs in a paragraph's properties (CT_PPr), and what comes after w:jc
BEFORE_TABS = {W + t for t in ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
                               "numPr", "suppressLineNumbers", "pBdr", "shd")}
AFTER_JC = {W + t for t in ("textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
                            "rPr", "sectPr", "pPrChange")}


def align(rows: list[Row], columns: list[Column], widths: list[float], margins: int) -> None:
    """Every 'label <tab> amount' paragraph of an amount column: left-aligned, with one right tab
    stop at the cell's right edge (less half the slack a line is given: borders and rounding)."""
    for row in rows:
        if not any(cell.tabbed for cell in row.cells):
            continue
        for cell, tc in zip(row.cells, cells_of(row.tr)):
            if not cell.tabbed or cell.span != 1 or cell.start >= len(widths) or not columns[cell.start].fixed:
                continue
            stop = str(round(widths[cell.start] - margins - SLACK / 2))
            for p in tc.iterchildren(P):
                if any(r.find(TAB) is not None for r in p.iterchildren(R)):
                    _tab_stop(p, stop)


def _tab_stop(p: Any, stop: str) -> None:
    ppr = child(p, PPR)
    if ppr is None:
        ppr = etree.SubElement(p, PPR)
        p.insert(0, ppr)
    tabs = child(ppr, TABS)
    if tabs is None:
        tabs = etree.Element(TABS)
        _insert(ppr, tabs, lambda el: el.tag not in BEFORE_TABS)
    for old in list(tabs):
        tabs.remove(old)
    tab = etree.SubElement(tabs, W + "tab")
    tab.set(W + "val", "right")
    tab.set(W + "pos", stop)
    jc = child(ppr, JC)
    if jc is None:
        jc = etree.Element(JC)
        _insert(ppr, jc, lambda el: el.tag in AFTER_JC)
    jc.set(W + "val", "left")


def _insert(ppr: Any, el: Any, goes_after: Any) -> None:
    """``el`` into ``ppr`` before its first child for which ``goes_after`` holds (schema order)."""
    for i, other in enumerate(ppr):
        if goes_after(other):
            ppr.insert(i, el)
            return
    ppr.append(el)
