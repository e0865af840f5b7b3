"""Run and paragraph properties the finishing steps read and set: a paragraph's effective size and
bold (following its style's basedOn chain), and a run's size."""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from tambondoc.docx.ooxml import W

P, R, T, BR, TAB = (W + t for t in ("p", "r", "t", "br", "tab"))
PPR, PSTYLE, RPR = (W + t for t in ("pPr", "pStyle", "rPr"))
SZ, SZCS, B, VAL = (W + t for t in ("sz", "szCs", "b", "val"))
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
        """(size in half-points, bold) of the first run of paragraph ``p`` that has properties."""
        return self.paragraph(p)[1:]

    def paragraph(self, p: Any) -> tuple[str, int, bool]:
        """(style id, size in half-points, bold) of paragraph ``p``, the size and bold of its
        first run that has properties."""
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
        return sid, size, bold

    def name_of(self, style_id: str) -> str:
        """The name of style ``style_id`` ('Table Total'), '' when there is none."""
        key = (style_id, "name")
        if key not in self.memo:
            style = self.by_id.get(style_id)
            name = _child(style, W + "name") if style is not None else None
            self.memo[key] = str(name.get(VAL)) if name is not None else ""
        return str(self.memo[key])


    def name(self, p: Any) -> str:
        """The name of paragraph ``p``'s style ('Table Total'), '' when it has none."""
        ppr = _child(p, PPR)
        ps = _child(ppr, PSTYLE) if ppr is not None else None
        style = self.by_id.get(ps.get(VAL)) if ps is not None else None
        name = _child(style, W + "name") if style is not None else None
        return str(name.get(VAL)) if name is not None else ""


def set_size(run: Any, half_points: int) -> None:
    """Give ``run`` its own size (and complex-script size, which Thai text uses)."""
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


