"""The plan book's building kit: page sizes, its named styles, paragraphs and tags, sections with
page numbering, and the bordered table with its row kinds (heading, body, group, total).

Shared by the modules that build the book's parts (book_front, book_money, plan_book).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from templates.base import autofit, no_wrap, paragraph_style

NAME = "plan-book.docx"
PORTRAIT_WIDTH = 16.0    # A4 21 cm less 3 cm left and 2 cm right
LANDSCAPE_WIDTH = 26.7   # A4 29.7 cm less 1.5 cm each side
HEADER_FILL = "D9D9D9"
TOTAL_FILL = "F2F2F2"
NONE = "(ไม่มีข้อมูล)"


# ---------------------------------------------------------------- styles and small helpers

def _styles(doc) -> None:
    h1 = doc.styles["Heading 1"]
    h1.paragraph_format.page_break_before = True
    paragraph_style(doc, "Cover Title", size=28, bold=True, align="center", space_before=150)
    paragraph_style(doc, "Cover Title More", base="Cover Title", size=28, bold=True, align="center")
    paragraph_style(doc, "Cover Subtitle", size=20, bold=True, align="center", space_after=6)
    paragraph_style(doc, "Cover Text", size=16, bold=True, align="center")
    paragraph_style(doc, "Cover Text First", base="Cover Text", size=16, bold=True, align="center",
                    space_before=190)
    contents = paragraph_style(doc, "Contents Title", size=20, bold=True, align="center", space_after=6)
    contents.paragraph_format.page_break_before = True
    label = paragraph_style(doc, "Contents Label", size=16, bold=True, align="right")
    label.paragraph_format.right_indent = Cm(0)
    for level, indent in ((1, 0.0), (2, 0.75)):
        style = paragraph_style(doc, f"toc {level}", size=16, align="left", bold=level == 1)
        style.element.set(qn("w:styleId"), f"TOC{level}")
        fmt = style.paragraph_format
        fmt.left_indent = Cm(indent)
        fmt.tab_stops.add_tab_stop(Cm(PORTRAIT_WIDTH), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    paragraph_style(doc, "Subheading", size=16, bold=True, align="left", keep_next=True, space_before=6)
    paragraph_style(doc, "Table Spacer", size=8, align="left")
    paragraph_style(doc, "Appendix Heading", base="Heading 2", size=18, bold=True, align="center", keep_next=True,
                    space_before=6, space_after=3)
    # the order an appendix list comes from, under its heading: centred like it (a long date wraps)
    paragraph_style(doc, "Appendix Subtitle", size=16, align="center", keep_next=True, space_after=6)
    item = paragraph_style(doc, "List Item", size=16, align="thaiDistribute")
    item.paragraph_format.left_indent = Cm(1.75)
    item.paragraph_format.first_line_indent = Cm(-0.6)
    edge = paragraph_style(doc, "Boundary", size=16, align="left")
    edge.paragraph_format.left_indent = Cm(1.25)
    edge.paragraph_format.tab_stops.add_tab_stop(Cm(5.0))
    paragraph_style(doc, "Vision", size=18, bold=True, align="center", space_before=6, space_after=6)
    paragraph_style(doc, "Picture", size=16, align="center", keep_next=True, space_before=6)
    paragraph_style(doc, "Total Line", size=16, bold=True, align="left", space_before=6)
    for name in ("Signature", "Signature First"):
        sig = paragraph_style(doc, name, size=16, align="center", space_before=30 if name.endswith("First") else 0)
        sig.paragraph_format.left_indent = Cm(7.0)
    paragraph_style(doc, "Page Number", size=16, align="center")
    paragraph_style(doc, "Table Center", base="Table Text", size=14, align="center")
    paragraph_style(doc, "Table Total", base="Table Number", size=14, bold=True, align="right")
    paragraph_style(doc, "Table Total Label", base="Table Text", size=14, bold=True, align="center")
    cell = paragraph_style(doc, "Table List", base="Table Text", size=16, align="left")
    cell.paragraph_format.left_indent = Cm(0.5)
    cell.paragraph_format.first_line_indent = Cm(-0.5)
    paragraph_style(doc, "Table Text Large", base="Table Text", size=16, align="left")
    # the dense tables of ส่วนที่ ๓: amounts at 12 pt so "1,500,000" fits a 2 cm column
    paragraph_style(doc, "Small Text", base="Table Text", size=12, align="left")
    paragraph_style(doc, "Small Number", base="Table Number", size=12, align="right")
    paragraph_style(doc, "Small Center", base="Table Text", size=12, align="center")
    paragraph_style(doc, "Small Heading", base="Table Heading", size=12, bold=True, align="center")
    paragraph_style(doc, "Small Total", base="Table Number", size=12, bold=True, align="right")
    paragraph_style(doc, "Small Total Label", base="Table Text", size=12, bold=True, align="center")
    paragraph_style(doc, "Small Group", base="Table Text", size=12, bold=True, align="left", keep_next=True)
    for name in ("Table Text", "Table Number", "Table Heading", "Table Center"):
        doc.styles[name].paragraph_format.space_after = Pt(0)


def add(doc, text: str = "", style: str = "Normal"):
    return doc.add_paragraph(text, style=style)


def tag(doc, text: str) -> None:
    """A paragraph holding only a docxtpl paragraph tag ({%p ... %}); it disappears on render."""
    doc.add_paragraph(text, style="Normal")


def _field(paragraph, instruction: str, placeholder: str) -> None:
    for kind, text in (("begin", None), (None, f" {instruction} "), ("separate", None),
                       (None, placeholder), ("end", None)):
        run = OxmlElement("w:r")
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == placeholder:
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run.append(el)
        paragraph._p.append(run)


def _page_numbering(section, fmt: str | None, start: int | None = None) -> None:
    sect = section._sectPr
    old = sect.find(qn("w:pgNumType"))
    if old is not None:
        sect.remove(old)
    if fmt is None:
        return
    pg = OxmlElement("w:pgNumType")
    pg.set(qn("w:fmt"), fmt)
    if start is not None:
        pg.set(qn("w:start"), str(start))
    anchor = sect.find(qn("w:cols"))
    if anchor is not None:
        anchor.addprevious(pg)
    else:
        sect.append(pg)


def _new_section(doc, landscape: bool, fmt: str | None, start: int | None = None):
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(1.5)
        section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.0)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin, section.right_margin = Cm(3.0), Cm(2.0)
        section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.0)
    _page_numbering(section, fmt, start)
    return section


# ---------------------------------------------------------------- tables

@dataclass
class Row:
    """One template row. Cells: text, a list of (text, style) paragraphs, None (merged with
    the cell on the left) or '^' (merged with the cell above)."""

    cells: list
    kind: str = "body"          # head, body, total, tag
    styles: list = field(default_factory=list)


def _set(el, tag_name: str, **attrs) -> None:
    child = el.find(qn(tag_name))
    if child is None:
        child = OxmlElement(tag_name)
        el.append(child)
    for key, value in attrs.items():
        child.set(qn(f"w:{key}"), value)


def _tblpr(table, width_cm: float, center: bool, margin_twips: int) -> None:
    tblpr = table._tbl.tblPr
    for child in list(tblpr):
        if child.tag != qn("w:tblStyle"):
            tblpr.remove(child)
    _set(tblpr, "w:tblW", w=str(int(Cm(width_cm).twips)), type="dxa")
    if center:
        _set(tblpr, "w:jc", val="center")
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{side}")
        for key, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "000000")):
            line.set(qn(f"w:{key}"), value)
        borders.append(line)
    tblpr.append(borders)
    _set(tblpr, "w:tblLayout", type="fixed")
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), str(margin_twips))
        m.set(qn("w:type"), "dxa")
        margins.append(m)
    tblpr.append(margins)
    _set(tblpr, "w:tblLook", val="04A0", firstRow="1", lastRow="0", firstColumn="1", lastColumn="0",
         noHBand="0", noVBand="1")


def _shade(tc, fill: str) -> None:
    tcpr = tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _valign(tc, value: str) -> None:
    tcpr = tc.get_or_add_tcPr()
    v = OxmlElement("w:vAlign")
    v.set(qn("w:val"), value)
    tcpr.append(v)


def table(doc, widths: list[float], aligns: str, rows: list[Row], center: bool = False,
          split_rows: bool = False, small: bool = False, width: float | None = None,
          keep_together: bool = False, nowrap: tuple[int, ...] = (), note: str | None = None):
    """A bordered table laid out from its content when rendered (``docx.layout``; ``widths`` are
    a starting point, their sum the table's width); ``aligns`` has one letter per column:
    l(eft), r(ight), c(enter).

    Header rows repeat on each page; rows do not split across pages unless ``split_rows``.
    ``width`` scales the columns to that total (cm): after column loops the rendered table
    keeps the template's total width and the cells' proportions. ``small`` uses the 12 pt
    styles of the project tables. ``keep_together`` keeps a short table on one page (every
    row but the last is kept with the next, as Word does it); a small spacer paragraph follows
    it, and any table with a total row (kept with the row above it), as LibreOffice keeps such a
    table with whatever paragraph comes next: a heading there would chain it to the next table,
    or one starting a new page would take the whole table with it. Body cells of the columns in
    ``nowrap`` keep their text on one line (people's names). ``note``: the Jinja test of a note
    paragraph that follows the table ("true": always): the last row keeps with the spacer (for
    LibreOffice the last row's keep is the table's) and the spacer with the note, so the note is
    not left at the top of the next page, away from the table it explains.
    """
    if width:
        widths = [w * width / sum(widths) for w in widths]
    tbl = doc.add_table(rows=len(rows), cols=len(widths))
    tbl.style = doc.styles["Table Grid"]
    _tblpr(tbl, sum(widths), center, 45 if small else 70)
    autofit(tbl)
    for gc, w in zip(tbl._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        gc.set(qn("w:w"), str(int(Cm(w).twips)))
    prefix = "Small" if small else "Table"
    body_style = {"l": f"{prefix} Text", "r": f"{prefix} Number", "c": f"{prefix} Center"}
    total_style = {"l": f"{prefix} Total Label", "r": f"{prefix} Total", "c": f"{prefix} Total Label"}
    for r, spec in enumerate(rows):
        row = tbl.rows[r]
        trpr = row._tr.get_or_add_trPr()
        if spec.kind != "tag" and not split_rows:
            trpr.append(OxmlElement("w:cantSplit"))
        if spec.kind == "head":
            trpr.append(OxmlElement("w:tblHeader"))
        for c, content in enumerate(spec.cells):
            cell = row.cells[c]
            cell.width = Cm(widths[c])
            if content is None or content == "^":
                continue
            if spec.styles and c < len(spec.styles) and spec.styles[c]:
                style = spec.styles[c]
            elif spec.kind == "head":
                style = f"{prefix} Heading"
            elif spec.kind == "total":
                style = total_style[aligns[c]]
            elif spec.kind == "group":
                style = f"{prefix} Group"
            else:
                style = body_style[aligns[c]]
            paragraphs = content if isinstance(content, list) else [(content, style)]
            first = cell.paragraphs[0]
            for i, (text, pstyle) in enumerate(paragraphs):
                par = first if i == 0 else cell.add_paragraph()
                par.text = text
                par.style = doc.styles[pstyle or style]
            if spec.kind == "body" and c in nowrap:
                no_wrap(cell)
            if (keep_together and r < len(rows) - 1) or (note and r == len(rows) - 1):
                for par in cell.paragraphs:
                    par.paragraph_format.keep_with_next = True
            if spec.kind == "head":
                _shade(cell._tc, HEADER_FILL)
                _valign(cell._tc, "center")
            elif spec.kind in ("total", "group"):
                _shade(cell._tc, TOTAL_FILL)
    for r, spec in enumerate(rows):
        c = 0
        while c < len(spec.cells):
            end = c
            while end + 1 < len(spec.cells) and spec.cells[end + 1] is None:
                end += 1
            if end > c:
                tbl.cell(r, c).merge(tbl.cell(r, end))
            c = end + 1
    for r, spec in enumerate(rows):
        for c, content in enumerate(spec.cells):
            if content == "^":
                top = r - 1
                while rows[top].cells[c] == "^":
                    top -= 1
                tbl.cell(top, c).merge(tbl.cell(r, c))
    for tr in tbl._tbl.tr_lst:
        position = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc.width = Cm(sum(widths[position:position + span]))
            position += span
    if note == "true":
        add(doc, "", "Table Spacer").paragraph_format.keep_with_next = True
    elif note:
        tag(doc, "{%p if " + note + " %}")
        add(doc, "", "Table Spacer").paragraph_format.keep_with_next = True
        tag(doc, "{%p else %}")
        add(doc, "", "Table Spacer")
        tag(doc, "{%p endif %}")
    elif keep_together or any(spec.kind == "total" for spec in rows):
        add(doc, "", "Table Spacer")
    return tbl


def tag_row(n: int, text: str) -> Row:
    return Row([text] + [""] * (n - 1), kind="tag")


def optional_table(doc, test: str, build, empty: str = NONE) -> None:
    """``build(doc)`` when ``test`` is true, else one 'no data' line."""
    tag(doc, "{%p if " + test + " %}")
    build(doc)
    tag(doc, "{%p else %}")
    add(doc, empty, "Body Text")
    tag(doc, "{%p endif %}")


def paragraphs(doc, items: str, style: str = "Body Text", empty: str | None = NONE, expr: str = "t|num('prose')") -> None:
    """One paragraph per item of ``items`` (a context list), or ``empty`` when it has none."""
    tag(doc, "{%p for t in " + items + " %}")
    add(doc, "{{ " + expr + " }}", style)
    tag(doc, "{%p endfor %}")
    if empty:
        tag(doc, "{%p if not " + items + " %}")
        add(doc, empty, style)
        tag(doc, "{%p endif %}")
