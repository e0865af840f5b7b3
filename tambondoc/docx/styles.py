"""Run and paragraph properties the finishing steps read and set: a paragraph's effective size and
bold (following its style's basedOn chain), and a run's size."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn
from lxml import etree

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
        # the paragraph style of a paragraph that names none
        self.default_paragraph = next((i for i, s in self.by_id.items() if s.get(qn("w:type")) == "paragraph"
                                       and s.get(qn("w:default")) in ("1", "true")), None)
        self.memo: dict[tuple[str | None, str], Any] = {}

    def _lookup(self, style_id: str | None, tag: str, properties: str = RPR) -> Any:
        key = (style_id, tag)
        if key not in self.memo:
            self.memo[key] = self._walk(style_id, tag, properties)
        return self.memo[key]

    def _walk(self, style_id: str | None, tag: str, properties: str) -> Any:
        """The ``tag`` element of a style's ``properties`` (w:rPr or w:pPr), or of the style it is
        based on, and so on."""
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id.get(style_id)
            if style is None:
                return None
            found = style.find(properties)
            el = found.find(tag) if found is not None else None
            if el is not None:
                return el
            based = style.find(W + "basedOn")
            style_id = based.get(VAL) if based is not None else None
        return None

    def alignment(self, style_id: str | None) -> str | None:
        """The w:jc value paragraphs of ``style_id`` (None: the default paragraph style) take from it
        or from the styles it is based on."""
        jc = self._lookup(style_id or self.default_paragraph, W + "jc", PPR)
        return jc.get(VAL) if jc is not None else None

    def size_and_bold(self, p: Any) -> tuple[int, bool]:
        """(size in half-points, bold) of the first run of paragraph ``p`` that has properties."""
        return self.paragraph(p)[1:]

    def paragraph(self, p: Any) -> tuple[str, int, bool]:
        """(style id, size in half-points, bold) of paragraph ``p``, the size and bold of its
        first run that has properties."""
        ppr = child(p, PPR)
        ps = child(ppr, PSTYLE) if ppr is not None else None
        sid = ps.get(VAL) if ps is not None else "Normal"
        for r in p:  # plain loops: a tag-filtered lxml iterator costs more to set up than this
            if r.tag == R and (run := child(r, RPR)) is not None:
                return sid, *self.font(sid, run)
        return sid, *self.font(sid, None)

    def font(self, style_id: str, run: Any) -> tuple[int, bool]:
        """(size, bold) of a paragraph of style ``style_id`` whose first run with properties has
        ``run`` (its w:rPr; None when no run has any, as most: the style decides, once)."""
        if run is None:
            key = (style_id, "font")
            if key not in self.memo:
                self.memo[key] = (_size(self._lookup(style_id, SZ), self.default_size),
                                  _bold(self._lookup(style_id, B)))
            found: tuple[int, bool] = self.memo[key]
            return found
        size_el = child(run, SZ)
        size_el = size_el if size_el is not None else self._lookup(style_id, SZ)
        bold_el = child(run, B)
        bold_el = bold_el if bold_el is not None else self._lookup(style_id, B)
        return _size(size_el, self.default_size), _bold(bold_el)

    def name_of(self, style_id: str) -> str:
        """The name of style ``style_id`` ('Table Total'), '' when there is none."""
        key = (style_id, "name")
        if key not in self.memo:
            style = self.by_id.get(style_id)
            name = child(style, W + "name") if style is not None else None
            self.memo[key] = str(name.get(VAL)) if name is not None else ""
        return str(self.memo[key])


    def name(self, p: Any) -> str:
        """The name of paragraph ``p``'s style ('Table Total'), '' when it has none."""
        ppr = child(p, PPR)
        ps = child(ppr, PSTYLE) if ppr is not None else None
        style = self.by_id.get(ps.get(VAL)) if ps is not None else None
        name = child(style, W + "name") if style is not None else None
        return str(name.get(VAL)) if name is not None else ""


def set_size(run: Any, half_points: int) -> None:
    """Give ``run`` its own size (and complex-script size, which Thai text uses).

    Built with lxml directly: python-docx's OxmlElement parses a template string for every
    element, which made this the costliest step of fitting amounts."""
    value = str(half_points)
    rpr = child(run, RPR)
    if rpr is None:
        rpr = etree.SubElement(run, RPR)
        run.insert(0, rpr)
    sz = child(rpr, SZ)
    if sz is None:
        sz = etree.SubElement(rpr, SZ)
        anchor = next((c for c in rpr if c.tag in AFTER_SIZE), None)
        if anchor is not None:
            anchor.addprevious(sz)
    sz.set(VAL, value)
    szcs = child(rpr, SZCS)
    if szcs is None:
        szcs = etree.SubElement(rpr, SZCS)
        sz.addnext(szcs)
    szcs.set(VAL, value)


def _size(el: Any, default: int) -> int:
    return int(el.get(VAL)) if el is not None else default


def _bold(el: Any) -> bool:
    return el is not None and el.get(VAL, "1") not in ("0", "false")


def child(parent: Any, tag: str) -> Any:
    """First child with ``tag``; a plain loop is several times cheaper than lxml's find()."""
    for el in parent:
        if el.tag == tag:
            return el
    return None


