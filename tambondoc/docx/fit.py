"""Keep amounts on one line in a table whose template fixed its column widths.

Tables laid out from their content (``docx.layout``) size amount columns to their amounts. A
district's own template may fix its widths instead; there, a cell holding only a number gets a
smaller font when the number is wider than the cell (measured with the real font), never
below 12 pt, and every number of that column gets the same size.
"""

from __future__ import annotations

import math
from typing import Any

from tambondoc import measure
from tambondoc.docx.layout import NUMBER, SMALLEST_AMOUNT
from tambondoc.docx.ooxml import W
from tambondoc.docx.styles import Styles, set_size
from tambondoc.docx.tables import cell_props

TBL, TR, TC, P, R, T = (W + t for t in ("tbl", "tr", "tc", "p", "r", "t"))
VAL, TYPE, WIDTH = W + "val", W + "type", W + "w"
DEFAULT_MARGIN = 108  # twips each side, Word's default cell margin


def _margins(tbl: Any) -> int:
    total = 0
    for side in ("left", "right"):
        el = tbl.find(f"{W}tblPr/{W}tblCellMar/{W}{side}")
        total += int(el.get(WIDTH)) if el is not None and el.get(WIDTH) else DEFAULT_MARGIN
    return total


def fit_amounts(body: Any, styles: Styles) -> None:
    """Shrink the font of number-only cells wider than their fixed column, a column at a time."""
    for tbl in body.iter(TBL):
        margins = _margins(tbl)
        cells: list[tuple[int, Any, int]] = []
        fitted: dict[int, int] = {}
        for tr in tbl.iterchildren(TR):
            column = 0
            for tc in tr.iterchildren(TC):
                span, width = cell_props(tc)
                start, column = column, column + (int(span.get(VAL)) if span is not None else 1)
                paragraphs = [c for c in tc if c.tag == P]
                if span is not None or width is None or width.get(TYPE, "dxa") != "dxa" or len(paragraphs) != 1:
                    continue
                p = paragraphs[0]
                text = "".join(t.text or "" for t in p.iter(T)).strip()
                if not text or not NUMBER.match(text):
                    continue
                size, bold = styles.size_and_bold(p)
                cells.append((start, p, size))
                available = int(width.get(WIDTH)) - margins
                need = measure.em_width(text, bold) * size / 100  # 1/1000 em at half-points -> twips
                if need > available > 0:
                    smaller = max(SMALLEST_AMOUNT, math.floor(size * available / need))
                    fitted[start] = min(fitted.get(start, size), smaller)
        for start, p, size in cells:
            if start in fitted and size > fitted[start]:
                for run in p.findall(R):
                    set_size(run, fitted[start])
