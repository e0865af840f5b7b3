"""Table grids after rendering: the columns a ``{%tc for %}`` loop adds or removes.

docxtpl fixes the grid while it parses the whole rendered body; the body is now streamed
(``docx.stream``), so the same fix is applied here one table at a time: add grid columns
when a row has more cells than the grid (scaling the others so the table keeps its
width), drop the ones no row reaches (sharing out their width), then take the columns'
widths from the cells (``fit_grid``).
"""

from __future__ import annotations

import copy
from typing import Any

from lxml import etree

from tambondoc.docx.ooxml import W

TBLGRID, GRIDCOL, TR, TC, TCPR, GRIDSPAN, TCW, P, PPR = (W + t for t in ("tblGrid", "gridCol", "tr", "tc", "tcPr",
                                                                         "gridSpan", "tcW", "p", "pPr"))
WIDTH, VAL, TYPE = W + "w", W + "val", W + "type"


def cell_props(tc: Any) -> tuple[Any, Any]:
    """A cell's (gridSpan, tcW) elements; plain child loops, cheaper than lxml's find()."""
    span = width = None
    for tcpr in tc:
        if tcpr.tag == TCPR:
            for child in tcpr:
                if child.tag == GRIDSPAN:
                    span = child
                elif child.tag == TCW:
                    width = child
            break
    return span, width


def fix_columns(table: Any) -> None:
    """Grid columns for the cells a column loop produced (docxtpl's fix_tables, per table).

    Rows are counted with ``iter`` (nested tables' rows too), as docxtpl does, so the
    result is the same as docxtpl's.
    """
    grid = table.find(TBLGRID)
    if grid is None:
        return
    cols = grid.findall(GRIDCOL)
    most_cells = most_spanned = 0  # over the rows: the most cells, and the most grid columns spanned
    for row in table.iter(TR):
        cells = spanned = 0
        for tc in row.iterchildren(TC):
            span, _ = cell_props(tc)
            cells += 1
            spanned += int(span.get(VAL)) if span is not None else 1
        most_cells, most_spanned = max(most_cells, cells), max(most_spanned, spanned)
    to_add = most_cells - len(cols)
    if to_add > 0:
        width = sum(float(c.get(WIDTH)) for c in cols if c.get(WIDTH) is not None)
        if width > 0:
            old, new = width / len(cols), width / (len(cols) + to_add)
            for c in cols:
                c.set(WIDTH, str(int(float(c.get(WIDTH)) * new / old)))
            for _ in range(to_add):
                etree.SubElement(grid, GRIDCOL, {WIDTH: str(int(new))})
    cols = grid.findall(GRIDCOL)
    to_remove = len(cols) - most_spanned
    if to_remove > 0:
        removed = 0.0
        for c in cols[-to_remove:]:
            removed += float(c.get(WIDTH))
            grid.remove(c)
        left = grid.findall(GRIDCOL)
        extra = int(removed / len(left)) if left else 0
        for c in left:
            c.set(WIDTH, str(int(float(c.get(WIDTH)) + extra)))


def fit_grid(table: Any) -> None:
    """Column widths from the cells after a column loop (``{%tc for %}``).

    docxtpl gives the columns a loop adds the average width and shifts the others, and
    LibreOffice lays a table out by that grid; the cells still carry the widths the
    template gave them. Take them from the first row without merged cells, scaled to the
    template's table width.
    """
    grid = table.find(TBLGRID)
    cols = grid.findall(GRIDCOL) if grid is not None else []
    for row in table.iterchildren(TR):
        props = [cell_props(c) for c in row.iterchildren(TC)]
        if (len(props) != len(cols) or any(span is not None for span, _ in props)
                or any(w is None or w.get(TYPE) != "dxa" for _, w in props)):
            continue
        wanted = [float(w.get(WIDTH)) for _, w in props]
        total = sum(float(c.get(WIDTH) or 0) for c in cols)
        if not total or not sum(wanted) or all(abs(float(c.get(WIDTH) or 0) - w) < 1 for c, w in zip(cols, wanted)):
            return
        scaled = [w * total / sum(wanted) for w in wanted]
        for col, w in zip(cols, scaled):
            col.set(WIDTH, str(round(w)))
        for tr in table.iterchildren(TR):
            start = 0
            for tc in tr.iterchildren(TC):
                span_el, width = cell_props(tc)
                span = int(span_el.get(VAL)) if span_el is not None else 1
                if width is not None and width.get(TYPE) == "dxa":
                    width.set(WIDTH, str(round(sum(scaled[start:start + span]))))
                start += span
        return


def close_cells(table: Any) -> None:
    """Give every cell the paragraph it must end with: a loop that rendered nothing (a project
    without money has no year lines) leaves a cell with none, which Word refuses and LibreOffice
    lays out as a broken row. The new paragraph takes the style of a neighbour's, so the row
    keeps its size."""
    for tr in table.iter(TR):
        cells = list(tr.iterchildren(TC))
        for tc in cells:
            last = tc[-1] if len(tc) else None
            if last is not None and last.tag == P:
                continue
            p = etree.SubElement(tc, P)
            style = next((q.find(PPR) for other in cells for q in other.iterchildren(P)
                          if q.find(PPR) is not None), None)
            if style is not None:
                p.append(copy.deepcopy(style))
