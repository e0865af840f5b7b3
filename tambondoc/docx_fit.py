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


class _Styles:
    """Effective size (half-points) and bold of paragraph styles, following basedOn."""

    def __init__(self, doc: Any) -> None:
        root = doc.styles.element
        self.by_id = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
        default = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        size = default.find(qn("w:sz")) if default is not None else None
        self.default_size = int(size.get(qn("w:val"))) if size is not None else 22

    def _lookup(self, style_id: str | None, tag: str) -> Any:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id.get(style_id)
            if style is None:
                return None
            el = style.find(f"{qn('w:rPr')}/{qn(tag)}")
            if el is not None:
                return el
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return None

    def size_and_bold(self, p: Any) -> tuple[int, bool]:
        ps = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        sid = ps.get(qn("w:val")) if ps is not None else "Normal"
        run = p.find(f"{qn('w:r')}/{qn('w:rPr')}")
        size_el = run.find(qn("w:sz")) if run is not None else None
        size_el = size_el if size_el is not None else self._lookup(sid, "w:sz")
        bold_el = run.find(qn("w:b")) if run is not None else None
        bold_el = bold_el if bold_el is not None else self._lookup(sid, "w:b")
        size = int(size_el.get(qn("w:val"))) if size_el is not None else self.default_size
        bold = bold_el is not None and bold_el.get(qn("w:val"), "1") not in ("0", "false")
        return size, bold


def _margins(tbl: Any) -> int:
    total = 0
    for side in ("left", "right"):
        el = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}/{qn('w:' + side)}")
        total += int(el.get(qn("w:w"))) if el is not None and el.get(qn("w:w")) else DEFAULT_MARGIN
    return total


def _set_size(run: Any, half_points: int) -> None:
    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        run.insert(0, rpr)
    for tag in ("w:sz", "w:szCs"):
        el = rpr.find(qn(tag))
        if el is None:
            el = OxmlElement(tag)
            # schema order: sz and szCs come after most run properties, before the language
            anchor = next((c for c in rpr if c.tag in (qn("w:highlight"), qn("w:u"), qn("w:effect"),
                                                        qn("w:bdr"), qn("w:shd"), qn("w:fitText"),
                                                        qn("w:vertAlign"), qn("w:rtl"), qn("w:cs"),
                                                        qn("w:em"), qn("w:lang"), qn("w:eastAsianLayout"),
                                                        qn("w:specVanish"), qn("w:oMath"))), None)
            if tag == "w:szCs" and rpr.find(qn("w:sz")) is not None:
                rpr.find(qn("w:sz")).addnext(el)
            elif anchor is not None:
                anchor.addprevious(el)
            else:
                rpr.append(el)
        el.set(qn("w:val"), str(half_points))


def fit_amounts(doc: Any) -> None:
    """Shrink the font of number-only cells that are wider than their column; every number in
    that column gets the same size, so a column does not mix sizes."""
    styles = _Styles(doc)
    for tbl in doc.element.body.iter(qn("w:tbl")):
        margins = _margins(tbl)
        cells: list[tuple[int, Any, int]] = []
        fitted: dict[int, int] = {}
        for tr in tbl.findall(qn("w:tr")):
            column = 0
            for tc in tr.findall(qn("w:tc")):
                span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
                start, column = column, column + (int(span.get(qn("w:val"))) if span is not None else 1)
                width = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
                paragraphs = tc.findall(qn("w:p"))
                if span is not None or width is None or width.get(qn("w:type"), "dxa") != "dxa" or len(paragraphs) != 1:
                    continue
                p = paragraphs[0]
                text = "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
                if not text or not NUMBER.match(text):
                    continue
                size, bold = styles.size_and_bold(p)
                cells.append((start, p, size))
                available = int(width.get(qn("w:w"))) - margins
                need = _width_em(text) * size * 10 * (BOLD if bold else 1)  # half-points -> twips
                if need > available > 0:
                    smaller = max(SMALLEST, math.floor(size * available / need))
                    fitted[start] = min(fitted.get(start, size), smaller)
        for start, p, size in cells:
            if start in fitted and size > fitted[start]:
                for run in p.findall(qn("w:r")):
                    _set_size(run, fitted[start])
