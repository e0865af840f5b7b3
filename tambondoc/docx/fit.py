"""Keep amounts in table cells on one line.

Budget tables get one column per fiscal year, so with three or more years (or Thai digits,
which are wider) "1,500,000" no longer fits its column and Word or LibreOffice breaks it
mid-number ("1,500,00" / "0"). A cell holding only a number gets a smaller font size when
the number is wider than the cell, estimated from TH Sarabun's widths, down to 9 pt.
"""

from __future__ import annotations

import math
import re
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from tambondoc.docx.ooxml import W
from tambondoc.docx.tables import cell_props

NUMBER = re.compile(r"^[-\d\u0E50-\u0E59,.()]+$")
# advance widths as a share of the font size, measured on LibreOffice's PDFs (TH SarabunPSK
# as Laksaman; digits are tabular: "1,500,000" at 12 pt is 51.5 pt, 53.9 pt bold; "15,000"
# 35.5 pt; "๒๕๖๒" at 16 pt 43.2 pt), rounded up a little
WIDTHS = {"digit": 0.545, "thai_digit": 0.68, "narrow": 0.255, "other": 0.45}
BOLD = 1.047
SMALLEST = 18  # half-points: 9 pt
DEFAULT_MARGIN = 108  # twips each side, Word's default cell margin


def _width_em(text: str) -> float:
    total = 0.0
    for ch in text:
        if ch.isascii() and ch.isdigit():
            total += WIDTHS["digit"]
        elif "\u0E50" <= ch <= "\u0E59":
            total += WIDTHS["thai_digit"]
        elif ch in ",.":
            total += WIDTHS["narrow"]
        else:
            total += WIDTHS["other"]
    return total


TBL, TR, TC, P, R, T = (W + t for t in ("tbl", "tr", "tc", "p", "r", "t"))
PPR, PSTYLE, RPR = (W + t for t in ("pPr", "pStyle", "rPr"))
SZ, SZCS, B, VAL, TYPE, WIDTH = (W + t for t in ("sz", "szCs", "b", "val", "type", "w"))
# run properties that come after sz/szCs in schema order
AFTER_SIZE = {W + t for t in ("highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
                              "em", "lang", "eastAsianLayout", "specVanish", "oMath")}


class Styles:
    """Effective size (half-points) and bold of paragraph styles, following basedOn.

    Memoised per style: a plan book has thousands of number cells in a handful of styles.
    """

    def __init__(self, root: Any) -> None:
        self.by_id = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
        default = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        size = default.find(SZ) if default is not None else None
        self.default_size = int(size.get(VAL)) if size is not None else 22
        self.memo: dict[tuple[str | None, str], Any] = {}

    def _lookup(self, style_id: str | None, tag: str) -> Any:
        key = (style_id, tag)
        if key not in self.memo:
            self.memo[key] = self._walk(style_id, tag)
        return self.memo[key]

    def _walk(self, style_id: str | None, tag: str) -> Any:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id.get(style_id)
            if style is None:
                return None
            rpr = style.find(RPR)
            el = rpr.find(tag) if rpr is not None else None
            if el is not None:
                return el
            based = style.find(W + "basedOn")
            style_id = based.get(VAL) if based is not None else None
        return None

    def size_and_bold(self, p: Any) -> tuple[int, bool]:
        ppr = _child(p, PPR)
        ps = _child(ppr, PSTYLE) if ppr is not None else None
        sid = ps.get(VAL) if ps is not None else "Normal"
        run = next((rpr for r in p if r.tag == R and (rpr := _child(r, RPR)) is not None), None)
        size_el = _child(run, SZ) if run is not None else None
        size_el = size_el if size_el is not None else self._lookup(sid, SZ)
        bold_el = _child(run, B) if run is not None else None
        bold_el = bold_el if bold_el is not None else self._lookup(sid, B)
        size = int(size_el.get(VAL)) if size_el is not None else self.default_size
        bold = bold_el is not None and bold_el.get(VAL, "1") not in ("0", "false")
        return size, bold


def _margins(tbl: Any) -> int:
    total = 0
    for side in ("left", "right"):
        el = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}/{qn('w:' + side)}")
        total += int(el.get(WIDTH)) if el is not None and el.get(WIDTH) else DEFAULT_MARGIN
    return total


def _set_size(run: Any, half_points: int) -> None:
    rpr = run.find(RPR)
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        run.insert(0, rpr)
    for tag in (SZ, SZCS):
        el = rpr.find(tag)
        if el is None:
            el = OxmlElement("w:sz" if tag == SZ else "w:szCs")
            anchor = next((c for c in rpr if c.tag in AFTER_SIZE), None)
            if tag == SZCS and rpr.find(SZ) is not None:
                rpr.find(SZ).addnext(el)
            elif anchor is not None:
                anchor.addprevious(el)
            else:
                rpr.append(el)
        el.set(VAL, str(half_points))


def _child(parent: Any, tag: str) -> Any:
    """First child with ``tag``; a plain loop is several times cheaper than lxml's find()."""
    for child in parent:
        if child.tag == tag:
            return child
    return None


def fit_amounts(body: Any, styles: Styles) -> None:
    """Shrink the font of number-only cells that are wider than their column; every number in
    that column gets the same size, so a column does not mix sizes.

    ``styles`` reads sizes and bold from the document's styles, once per document.
    """
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
                need = _width_em(text) * size * 10 * (BOLD if bold else 1)  # half-points -> twips
                if need > available > 0:
                    smaller = max(SMALLEST, math.floor(size * available / need))
                    fitted[start] = min(fitted.get(start, size), smaller)
        for start, p, size in cells:
            if start in fitted and size > fitted[start]:
                for run in p.findall(R):
                    _set_size(run, fitted[start])
