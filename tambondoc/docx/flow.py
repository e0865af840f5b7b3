"""How a laid-out table's rows flow over pages: whole rows, totals kept with their rows, and
no repeated heading on a table too short to cross a page."""

from __future__ import annotations

from typing import Any

from lxml import etree

from tambondoc.docx.cells import TBLHEADER, TRPR, Page, Row, cells_of, exact_height, row_height, span_width
from tambondoc.docx.ooxml import W
from tambondoc.docx.styles import P, child

CANTSPLIT, KEEPNEXT, PPR, PSTYLE = (W + t for t in ("cantSplit", "keepNext", "pPr", "pStyle"))
WITH_TOTAL = 0.75  # share of the room under the heading up to which a row that may split keeps with its total
# a table stays on one page below a third of a page, or with at most FEW body rows below half a
# page: a five-year plan book's summaries by source and by year (five or six rows, totals
# included) were cut two rows / three; up to half a page whatever its rows, the example's nine
# villages left their heading and lead paragraph alone on a page
SHORT, FEW, FEW_SHORT = 1 / 3, 6, 0.5


def flow(rows: list[Row], widths: list[float], margins: int, page: Page, opening: bool = False,
         continued: set[Any] | None = None) -> None:
    """Rows shorter than half a page do not split; total rows stay with the row above them unless
    it is taller than WITH_TOTAL of the room under the heading. LibreOffice keeps a row that may
    split with its total by moving it whole to the next page: a row of a page left 40 % of a page
    empty. But not kept, a row that fitted its page left its subtotal alone at the top of the next
    (realistic plans' lists, one in about every 60 pages), its rows out of sight. (Kept
    whole up to a full page, a real plan's list had pages holding one line: the tail of a row
    taller than a page, before a row of most of a page that did not fit after it; splitting rows
    from half a page on took its lists 69 -> 58 and 260 -> 230 pages.) A table shorter than a
    third of a page (half a page for one of FEW rows) stays on one page (every row but the last
    keeps with the next, as Word users keep a table together) and so does not repeat its
    heading; a longer one never leaves a first or last body row of a line or two alone on a
    page (split after its first row, a summary's other rows went on without it). A row after the last total (the
    coordination list's signature) keeps that total with it, and only that. A row whose long
    texts continue in the rows after it (``continued``: ``docx.overflow``) stays with the first of
    them, and those rows, text across the table, may split as a paragraph does.

    The first table of a section (``opening``) starts below its title and lead paragraphs, with
    part of a page left: its first two body rows (a band across the table, a group's name, not
    counted) may split when they are three lines or more,
    or a long first project would take the whole table to the next page and leave the title
    alone (the coordination list of a real plan started on page 2). Such a row does not keep with
    a total under it, which would move it whole (a list of two projects, one per strategy, left
    its first page with the title alone)."""
    heading = sum(max((exact_height(c, sum(widths[c.start:c.start + c.span]), margins) for c in r.cells),
                      default=0) for r in rows if r.header)
    room = page.height - heading - 12
    estimates = [row_height(row, widths, margins) for row in rows]
    body = [i for i, row in enumerate(rows) if not row.header]
    short = sum(estimates) < page.height * (FEW_SHORT if len(body) <= FEW else SHORT)
    # a row of a line or two is no page's worth alone: the first and the last two body rows stay together
    ends = {i for i in (body[0], body[-2]) if estimates[i] < page.height / 10} if len(body) > 2 else set()
    # an opening table's first two item rows may split; a band across the table (a group's name) is none
    items = [i for i in body if not (len(rows[i].cells) == 1 and rows[i].cells[0].span > 1)]
    first = {i for i in items[:2] if estimates[i] > page.height / 8} if opening else set()
    # a table closing with a row after its last total (the list's signature): that total keeps with
    # it, and is not chained to the rows above, as LibreOffice keeps a row with the next, not a chain
    last = len(rows) - 2 if len(body) > 1 and rows[-2].total and not rows[-1].total and not rows[-1].header else -1
    tall = False
    for i, (row, estimate) in enumerate(zip(rows, estimates)):
        trpr = child(row.tr, TRPR)
        if short and row.header and trpr is not None and (repeat := child(trpr, TBLHEADER)) is not None:
            trpr.remove(repeat)
        # a continuation (``docx.overflow``) is text across the table: it may split as a paragraph does
        tall = i in first or (continued is not None and row.tr in continued) or (
            estimate > room * 0.3 and _taller(row, widths, margins, room / 2))
        cant = child(trpr, CANTSPLIT) if trpr is not None else None
        if tall and cant is not None:
            trpr.remove(cant)
        elif not tall and cant is None:
            if trpr is None:
                trpr = _first(row.tr, TRPR)
            _first(trpr, CANTSPLIT)
        if (short or i in ends) and i + 1 < len(rows):
            keep_with_next(row)
        if row.total and i > 0 and not rows[i - 1].header and estimates[i - 1] <= room * WITH_TOTAL and i != last \
                and i - 1 not in first:
            keep_with_next(rows[i - 1])
        if row.total and i + 1 < len(rows) and ((rows[i + 1].total and i + 1 != last) or i == last):
            keep_with_next(row)
        if continued and not tall and i + 1 < len(rows) and rows[i + 1].tr in continued:
            keep_with_next(row)


def _taller(row: Row, widths: list[float], margins: int, room: float) -> bool:
    """Whether the tallest cell of ``row`` is taller than ``room``: the first that is answers."""
    if not row.cells:
        return room < 0  # max() of no heights is 0
    return any(exact_height(c, span_width(c, widths), margins) > room for c in row.cells)


def keep_with_next(row: Row) -> None:
    for tc in cells_of(row.tr):
        for p in tc.iterchildren(P):
            ppr = child(p, PPR)
            if ppr is None:
                ppr = _first(p, PPR)
            if child(ppr, KEEPNEXT) is None:
                anchor = child(ppr, PSTYLE)
                if anchor is not None:
                    anchor.addnext(etree.SubElement(ppr, KEEPNEXT))
                else:
                    _first(ppr, KEEPNEXT)


def _first(parent: Any, tag: str) -> Any:
    """A new empty ``tag`` as the first child of ``parent``; made with lxml directly, in the
    document's own namespaces (python-docx's OxmlElement makes a document for each element)."""
    el = etree.SubElement(parent, tag)
    parent.insert(0, el)
    return el
