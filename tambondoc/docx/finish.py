"""Finishing touches on a rendered document that docxtpl cannot make while rendering.

- Table grids follow the cells a column loop made (``docx.tables``), and pictures get
  unique ids, as docxtpl does after parsing a body.
- Cell properties are put back in schema order (docxtpl's colspan breaks it).
- Tables are laid out from their content (``docx.layout``): column widths, amount sizes, how
  rows flow over pages; a table the template fixed keeps its widths, with amounts shrunk to
  stay on one line (``docx.fit``).
- A Word table of contents shows whatever its field result holds until someone updates it;
  the result is pre-filled with the document's headings so the สารบัญ is never empty.
- Page numbers use the numerals a template asks for in its Comments property
  (``page-numerals={{ settings.prose_numerals }}``): Thai or Arabic digits.
- A distributed paragraph holding a web address is aligned left (``undistribute``).
"""

from __future__ import annotations

import re
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from tambondoc.docx.fit import fit_amounts
from tambondoc.docx.layout import Page, lay_out
from tambondoc.docx.ooxml import XML_SPACE
from tambondoc.docx.styles import Styles
from tambondoc.docx.tables import close_cells, fit_grid, fix_columns

TOC_LEVELS = re.compile(r'\\o\s+"(\d)-(\d)"')
# a template opts in by its Comments property, e.g. "page-numerals={{ settings.prose_numerals }}"
PAGE_NUMERALS = re.compile(r"page-numerals=(thai|arabic)\b")
TCPR, FLDCHAR, FLDCHARTYPE, INSTRTEXT = (qn(f"w:{t}") for t in ("tcPr", "fldChar", "fldCharType", "instrText"))
P, R, T, TAB, PPR, PSTYLE, VAL = (qn(f"w:{t}") for t in ("p", "r", "t", "tab", "pPr", "pStyle", "val"))
SECTPR = qn("w:sectPr")
JC = qn("w:jc")
# a run of 30 characters a line cannot break (an address, a path): Latin letters, digits and signs
UNBROKEN = re.compile(r"[!-~]{30,}")
# what comes after w:jc in a paragraph's properties (schema order)
AFTER_JC = {qn(f"w:{t}") for t in ("textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
                                   "cnfStyle", "rPr", "sectPr", "pPrChange")}
SECTION = re.compile(r"<w:sectPr\b.*?</w:sectPr>", re.S)
TBL, DOCPR = qn("w:tbl"), "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
# docxtpl's {% colspan %} puts gridSpan first in a cell's properties; Word wants schema order
TCPR_ORDER = [qn(f"w:{t}") for t in ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd",
                                      "noWrap", "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark")]
TCPR_RANK = {tag: i for i, tag in enumerate(TCPR_ORDER)}


class DocumentFinisher:
    """Every finishing step of one document, applied to its body a top-level element at a time
    (``docx.stream`` calls ``prepare`` and ``headings`` in document order, then ``fill_toc``)."""

    def __init__(self, doc: Any, numerals: str | None, first_id: int) -> None:
        self.styles = Styles(doc.styles.element)
        self.levels, self.toc_styles = _style_levels(doc)
        self.numerals = numerals
        self.last_id = first_id  # docxtpl renumbers pictures' docPr ids from here
        self.pages: list[Page] = [Page()]
        self.section = 0
        self.opened = -1  # the last section whose first table has been laid out

    def read_sections(self, xml: str) -> None:
        """The printable height of each section's pages, in document order (the body's
        section properties come after the paragraphs they apply to)."""
        self.pages = [_page(m.group(0)) for m in SECTION.finditer(xml)] or [Page()]

    def prepare(self, el: Any) -> None:
        tables = list(el.iter(TBL))
        for table in tables:
            fix_columns(table)
            close_cells(table)
        page = self.pages[min(self.section, len(self.pages) - 1)]
        # the first table of a section opens it, below a title and lead paragraphs: its first rows may split
        opening = el.tag == TBL and self.opened < self.section
        if opening:
            self.opened = self.section
        fixed = [table for table in tables if not lay_out(table, self.styles, page, opening and table is el)]
        for table in fixed:
            fit_grid(table)
        for found in el.iter(DOCPR, TCPR):  # one walk for both
            if found.tag == TCPR:
                if len(found) > 1:  # one child is in order
                    _schema_order(found, TCPR_RANK)
            else:
                self.last_id += 1
                found.set("id", str(self.last_id))
        if fixed:
            fit_amounts(fixed, self.styles)
        if el.tag == P and el.find(f"{PPR}/{SECTPR}") is not None:
            self.section += 1
        if self.numerals:
            page_numerals(el, self.numerals)
        if el.tag == P:
            undistribute(el, self.styles)

    def headings(self, el: Any) -> list[tuple[int, str]]:
        """(outline level from 0, text) of every heading paragraph in ``el``."""
        found = []
        for style in el.iter(PSTYLE):
            level = self.levels.get(style.get(VAL))
            if level is not None and style.getparent().tag == PPR:
                p = style.getparent().getparent()
                if p.tag == P and (text := _paragraph_text(p)):
                    found.append((level, text))
        return found

    def fill_toc(self, body: Any, headings: list[tuple[int, str]]) -> None:
        """Fill the TOC fields held in ``body`` with every heading of the document."""
        fill_toc(body, headings, self.toc_styles)


def _page(sect: str) -> Page:
    height = re.search(r'<w:pgSz\b[^>]*\bw:h="(\d+)"', sect)
    top = re.search(r'<w:pgMar\b[^>]*\bw:top="(-?\d+)"', sect)
    bottom = re.search(r'<w:pgMar\b[^>]*\bw:bottom="(-?\d+)"', sect)
    if not height:
        return Page()
    room = int(height.group(1)) - abs(int(top.group(1) if top else 1440)) - abs(int(bottom.group(1) if bottom else 1440))
    return Page(room / 20)


def numerals_wanted(comments: str) -> str | None:
    """'thai' or 'arabic' when the template's rendered Comments property asks for them."""
    marker = PAGE_NUMERALS.search(comments or "")
    return marker.group(1) if marker else None


def undistribute(p: Any, styles: Styles) -> None:
    """Align left a distributed (thaiDistribute) paragraph that holds a run of text no line can
    break, a web address: the line before it, ended early, was spread letter by letter across the
    page ('ด ู แ ผ น ฉ บ ั บ' over a foreword's last words before https://…)."""
    text = "".join(t.text or "" for t in p.iter(T))
    if len(text) < 30 or not UNBROKEN.search(text):
        return
    ppr = p.find(PPR)
    jc = ppr.find(JC) if ppr is not None else None
    if jc is not None:
        value = jc.get(VAL)
    else:
        style = ppr.find(PSTYLE) if ppr is not None else None
        value = styles.alignment(style.get(VAL) if style is not None else None)
    if value != "thaiDistribute":
        return
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    own = ppr.find(JC)
    if own is None:
        own = OxmlElement("w:jc")
        after = next((c for c in ppr if c.tag in AFTER_JC), None)
        if after is not None:
            after.addprevious(own)
        else:
            ppr.append(own)
    own.set(VAL, "left")


def _schema_order(parent: Any, rank: dict[str, int]) -> None:
    children = list(parent)
    ordered = sorted(children, key=lambda el: rank.get(el.tag, len(rank)))
    if ordered != children:
        for el in ordered:
            parent.append(el)


def page_numerals(body: Any, style: str) -> None:
    """Thai or Arabic page numbers in every section that numbers its pages with digits."""
    wanted, other = ("thaiNumbers", "decimal") if style == "thai" else ("decimal", "thaiNumbers")
    for num_type in body.iter(qn("w:pgNumType")):
        if num_type.get(qn("w:fmt")) == other:
            num_type.set(qn("w:fmt"), wanted)


def _style_levels(doc: Any) -> tuple[dict[str, int], dict[int, str]]:
    """Outline level per paragraph style id (following basedOn), and the 'toc N' style ids."""
    own: dict[str, int | None] = {}
    based: dict[str, str | None] = {}
    toc: dict[int, str] = {}
    for style in doc.styles.element.findall(qn("w:style")):
        sid = style.get(qn("w:styleId"))
        level = style.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        own[sid] = int(level.get(qn("w:val"))) if level is not None else None
        base = style.find(qn("w:basedOn"))
        based[sid] = base.get(qn("w:val")) if base is not None else None
        name = style.find(qn("w:name"))
        match = re.fullmatch(r"toc (\d)", (name.get(qn("w:val")) if name is not None else "").lower())
        if match:
            toc[int(match.group(1))] = sid
    levels: dict[str, int] = {}
    for sid in own:
        seen: set[str] = set()
        cur: str | None = sid
        while cur and cur not in seen:
            seen.add(cur)
            if own.get(cur) is not None:
                levels[sid] = own[cur]  # type: ignore[assignment]
                break
            cur = based.get(cur)
    return levels, toc


def _paragraph_text(p: Any) -> str:
    parts = []
    for el in p.iter(T, TAB):
        parts.append(el.text or "" if el.tag == T else " ")
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def _field_char(run: Any) -> str | None:
    fc = run.find(FLDCHAR)
    return fc.get(FLDCHARTYPE) if fc is not None else None


def fill_toc(body: Any, headings: list[tuple[int, str]], toc_styles: dict[int, str]) -> None:
    """Replace the result of each TOC field in ``body`` with the ``headings`` it will list."""
    for instr in list(body.iter(INSTRTEXT)):
        match = re.match(r"\s*TOC\b", instr.text or "")
        if not match:
            continue
        levels = TOC_LEVELS.search(instr.text)
        low, high = (int(x) for x in (levels.groups() if levels else (1, 3)))
        begin_p = instr.getparent().getparent()
        runs = list(begin_p.iter(qn("w:r")))
        start = runs.index(instr.getparent())
        separate = next((r for r in runs[start:] if _field_char(r) == "separate"), None)
        end_run, end_p = _field_end(body, instr.getparent())
        if separate is None or end_run is None:
            continue
        if end_p is begin_p:
            end_p = OxmlElement("w:p")
            begin_p.addnext(end_p)
            for r in runs[runs.index(end_run):]:
                end_p.append(r)
        inside = _paragraphs_between(body, begin_p, end_p)
        for r in runs[runs.index(separate) + 1:]:
            if r is end_run:
                break
            r.getparent().remove(r)
        for p in inside:
            p.getparent().remove(p)
        if end_p is not begin_p:
            for r in list(end_p.iter(qn("w:r"))):
                if r is end_run:
                    break
                r.getparent().remove(r)
        entries = [(level + 1, text) for level, text in headings if low - 1 <= level <= high - 1]
        for i, (level, text) in enumerate(entries):
            target = begin_p if i == 0 else OxmlElement("w:p")
            if i:
                end_p.addprevious(target)
            _set_style(target, toc_styles.get(level))
            run = OxmlElement("w:r")
            t = OxmlElement("w:t")
            t.text = text
            t.set(XML_SPACE, "preserve")
            run.append(t)
            if i == 0:
                separate.addnext(run)
            else:
                target.append(run)


def _set_style(p: Any, style_id: str | None) -> None:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    old = ppr.find(qn("w:pStyle"))
    if style_id is None:
        if old is not None:
            ppr.remove(old)
        return
    if old is None:
        old = OxmlElement("w:pStyle")
        ppr.insert(0, old)
    old.set(qn("w:val"), style_id)


def _field_end(body: Any, begin_run: Any) -> tuple[Any, Any]:
    """The run holding the matching ``end`` fldChar, and its paragraph."""
    depth, started = 0, False
    for fc in body.iter(FLDCHAR, INSTRTEXT):  # the TOC's instruction run starts the count
        run = fc.getparent()
        if run is begin_run:
            started, depth = True, 1
            continue
        if not started or fc.tag == INSTRTEXT:
            continue
        kind = fc.get(FLDCHARTYPE)
        if kind == "begin":
            depth += 1
        elif kind == "end":
            depth -= 1
            if depth == 0:
                return run, run.getparent()
    return None, None


def _paragraphs_between(body: Any, first: Any, last: Any) -> list[Any]:
    found, between = [], False
    for p in body.iter(P):
        if p is first:
            between = True
            continue
        if p is last:
            break
        if between:
            found.append(p)
    return found
