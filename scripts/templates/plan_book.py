"""Build templates/docx/plan-book.docx: the tambon development plan book (รูปเล่มแผนพัฒนาตำบล).

Cover, คำนำ, สารบัญ (a Word TOC field), ส่วนที่ ๑-๔ and ภาคผนวก, laid out with named styles so
a district can restyle the book in Word without touching the tags. The project tables of
ส่วนที่ ๓ sit in a landscape section; their fiscal-year columns are docxtpl column loops.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from templates.base import autofit, new_document, no_wrap, paragraph_style, save

NAME = "plan-book.docx"
PORTRAIT_WIDTH = 16.0    # A4 21 cm less 3 cm left and 2 cm right
LANDSCAPE_WIDTH = 26.7   # A4 29.7 cm less 1.5 cm each side
HEADER_FILL = "D9D9D9"
TOTAL_FILL = "F2F2F2"
NONE = "(ไม่มีข้อมูล)"
# the source columns follow the context's ``sources``: seed 002's four, then "อื่น ๆ" when the plan
# names further sources; their short names head the columns (the long labels would wrap to four lines)
SOURCE_HEADS = ["{%tc for s in sources %}", "{{ s.short }}", "{%tc endfor %}"]
SOURCE_HEAD = "{% colspan sources|length %}แหล่งงบประมาณ (บาท)"
OTHER_NOTE = "{{ ('หมายเหตุ: ' ~ other_sources_text)|num('prose') }}"


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
          keep_together: bool = False, nowrap: tuple[int, ...] = ()):
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
    ``nowrap`` keep their text on one line (people's names).
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
            if keep_together and r < len(rows) - 1:
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
    if keep_together or any(spec.kind == "total" for spec in rows):
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


# ---------------------------------------------------------------- front matter

def cover(doc) -> None:
    add(doc, "{{ book.title_lines[0]|num('prose') }}", "Cover Title")
    tag(doc, "{%p for line in book.title_lines[1:] %}")
    add(doc, "{{ line|num('prose') }}", "Cover Title More")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if plan.revision %}")
    add(doc, "(ฉบับทบทวน ครั้งที่ {{ plan.revision|num('prose') }})", "Cover Subtitle")
    tag(doc, "{%p endif %}")
    add(doc, "ตำบล{{ tambon.name }} อำเภอ{{ tambon.amphoe }} จังหวัด{{ tambon.changwat }}", "Cover Subtitle")
    add(doc, "ปีงบประมาณ พ.ศ.\u00a0{{ plan.years_text|num('prose') }}", "Cover Subtitle")
    add(doc, "จัดทำโดย", "Cover Text First")
    add(doc, "{{ book.prepared_by|num('prose') }}", "Cover Text")
    tag(doc, "{%p if plan.office %}")
    add(doc, "สนับสนุนโดย {{ plan.office|num('prose') }}", "Cover Text")
    tag(doc, "{%p endif %}")
    add(doc, "ให้ความเห็นชอบเมื่อวันที่ {{ plan.approved_on|thai_date|num('prose') }}", "Cover Text")


def foreword_and_contents(doc) -> None:
    add(doc, "คำนำ", "Heading 1")
    paragraphs(doc, "book.foreword_paragraphs", empty=None)
    add(doc, "{{ book.prepared_by|num('prose') }}", "Signature First")
    add(doc, "{{ plan.approved_on|thai_date('month')|num('prose') }}", "Signature")
    add(doc, "สารบัญ", "Contents Title")
    add(doc, "หน้า", "Contents Label")
    toc = add(doc, "", "toc 1")
    _field(toc, 'TOC \\o "1-2" \\h \\z \\u', "")
    # the field's end sits in its own paragraph, so the pre-filled entries go in between
    end = toc._p.findall(qn("w:r"))[-1]
    closing = add(doc, "", "Normal")
    closing._p.append(end)


# ---------------------------------------------------------------- ส่วนที่ ๑

def _villages(doc) -> None:
    w = [1.3, 3.5, 4.9, 1.75, 1.5, 1.5, 1.55]
    n = len(w)
    table(doc, w, "cllrrrr", [
        Row(["หมู่ที่", "ชื่อหมู่บ้าน", "ผู้ใหญ่บ้าน", "ครัวเรือน", "ประชากร (คน)", None, None], "head"),
        Row(["^", "^", "^", "^", "ชาย", "หญิง", "รวม"], "head"),
        tag_row(n, "{%tr for v in tambon.villages %}"),
        Row(["{{ v.no|num('table') }}", "{{ v.name|num('table') }}",
             "{{ v.headman }}{% if v.headman_title == 'กำนัน' %} (กำนัน){% endif %}",
             "{{ v.households|number|num('table') }}", "{{ v.population.male|number|num('table') }}",
             "{{ v.population.female|number|num('table') }}", "{{ v.population_total|number|num('table') }}"]),
        tag_row(n, "{%tr endfor %}"),
        Row(["รวม", None, None, "{{ tambon.village_totals.households|number|num('table') }}", "{{ tambon.village_totals.male|number|num('table') }}",
             "{{ tambon.village_totals.female|number|num('table') }}", "{{ tambon.village_totals.population|number|num('table') }}"], "total"),
    ])


def _count(expr: str) -> str:
    """A figure a community may leave out: '-' then."""
    return "{% if " + expr + " is none %}-{% else %}{{ " + expr + "|number|num('table') }}{% endif %}"


def _communities(doc) -> None:
    """Named communities (ชุมชน) of an urban tambon; figures a community did not give print '-'."""
    w = [0.9, 4.0, 1.3, 3.4, 1.7, 1.5, 1.5, 1.7]
    n = len(w)
    t = "tambon.community_totals."
    table(doc, w, "clcl" + "rrrr", [
        Row(["ที่", "ชื่อชุมชน", "หมู่ที่", "ประธานชุมชน", "ครัวเรือน", "ประชากร (คน)", None, None], "head"),
        Row(["^", "^", "^", "^", "^", "ชาย", "หญิง", "รวม"], "head"),
        tag_row(n, "{%tr for c in tambon.communities %}"),
        Row(["{{ loop.index|num('table') }}", "{{ c.name|num('table') }}",
             "{% if c.village %}{{ c.village|num('table') }}{% else %}-{% endif %}", "{{ c.leader or '-' }}",
             _count("c.households"), _count("(c.population or {}).male"), _count("(c.population or {}).female"),
             _count("c.population_total")]),
        tag_row(n, "{%tr endfor %}"),
        Row(["รวม", None, None, None, "{{ " + t + "households|number|num('table') }}", "{{ " + t + "male|number|num('table') }}",
             "{{ " + t + "female|number|num('table') }}", "{{ " + t + "population|number|num('table') }}"], "total"),
    ])


def _simple_list_table(doc, items: str, var: str, columns: list[tuple[str, float, str, str]],
                       total: list[str] | None = None, keep_together: bool = False) -> None:
    widths = [1.1] + [c[1] for c in columns]
    aligns = "c" + "".join(c[2] for c in columns)
    n = len(widths)
    rows = [Row(["ที่"] + [c[0] for c in columns], "head"),
            tag_row(n, "{%tr for " + var + " in " + items + " %}"),
            Row(["{{ loop.index|num('table') }}"] + [c[3] for c in columns]),
            tag_row(n, "{%tr endfor %}")]
    if total:
        rows.append(Row(total, "total"))
    table(doc, widths, aligns, rows, keep_together=keep_together)


# a group's or a place's village number, or its community's name
WHERE = ("{{% if {v}.village %}}{{{{ {v}.village|num('table') }}}}{{% endif %}}"
         "{{% if {v}.village and {v}.community_name %}} {{% endif %}}{{{{ {v}.community_name|num('table') }}}}"
         "{{% if not {v}.village and not {v}.community_name %}}-{{% endif %}}")


def part_one(doc) -> None:
    add(doc, "{{ 'ส่วนที่ 1 ข้อมูลทั่วไปของตำบล'|num('prose') }}", "Heading 1")
    add(doc, "{{ '1.1 ประวัติความเป็นมา'|num('prose') }}", "Heading 2")
    paragraphs(doc, "tambon.history_paragraphs")

    add(doc, "{{ '1.2 ที่ตั้ง เนื้อที่ และอาณาเขต'|num('prose') }}", "Heading 2")
    paragraphs(doc, "tambon.location_paragraphs", empty=None)
    add(doc, "ตำบล{{ tambon.name }} มีเนื้อที่ประมาณ {{ book.area.rai|num('prose') }} ไร่ หรือประมาณ "
        "{{ book.area.sq_km|num('prose') }} ตารางกิโลเมตร มีอาณาเขตติดต่อ ดังนี้", "Body Text")
    for label, key in (("ทิศเหนือ", "north"), ("ทิศใต้", "south"), ("ทิศตะวันออก", "east"), ("ทิศตะวันตก", "west")):
        add(doc, f"{label}\tติดต่อกับ {{{{ tambon.boundaries.{key}|num('prose') }}}}", "Boundary")

    add(doc, "{{ '1.3 สภาพภูมิประเทศและภูมิอากาศ'|num('prose') }}", "Heading 2")
    add(doc, "สภาพภูมิประเทศ", "Subheading")
    paragraphs(doc, "tambon.terrain_paragraphs")
    add(doc, "สภาพภูมิอากาศ", "Subheading")
    paragraphs(doc, "tambon.climate_paragraphs")

    add(doc, "{{ '1.4 แผนที่ตำบล'|num('prose') }}", "Heading 2")
    tag(doc, "{%p if tambon.map_image %}")
    add(doc, "{{ image(tambon.map_image, 15, alt='แผนที่ตำบล' ~ tambon.name) }}", "Picture")
    add(doc, "แผนที่ตำบล{{ tambon.name }} อำเภอ{{ tambon.amphoe }} จังหวัด{{ tambon.changwat }}", "Caption")
    tag(doc, "{%p else %}")
    add(doc, "(ไม่มีแผนที่)", "Body Text")
    tag(doc, "{%p endif %}")

    add(doc, "{{ ('1.5 ' ~ ('หมู่บ้าน ชุมชน และประชากร' if tambon.villages and tambon.communities else "
        "'ชุมชนและประชากร' if tambon.communities else 'หมู่บ้านและประชากร'))|num('prose') }}", "Heading 2")
    tag(doc, "{%p if tambon.villages %}")
    add(doc, "ตำบล{{ tambon.name }} มี {{ tambon.villages|length|num('prose') }} หมู่บ้าน "
        "{{ tambon.village_totals.households|number|num('prose') }} ครัวเรือน ประชากรรวม {{ tambon.village_totals.population|number|num('prose') }} คน "
        "แยกเป็นชาย {{ tambon.village_totals.male|number|num('prose') }} คน หญิง {{ tambon.village_totals.female|number|num('prose') }} คน ดังนี้",
        "Body Text")
    _villages(doc)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if tambon.communities %}")
    add(doc, "{% if tambon.villages %}ชุมชนในตำบลมี{% else %}ตำบล{{ tambon.name }} มี{% endif %}"
        " {{ tambon.community_totals.count|num('prose') }} ชุมชน "
        "{% if tambon.community_totals.households %}{{ tambon.community_totals.households|number|num('prose') }} ครัวเรือน {% endif %}"
        "{% if tambon.community_totals.population %}ประชากร {{ tambon.community_totals.population|number|num('prose') }} คน "
        "{% endif %}ดังนี้", "Body Text")
    _communities(doc)
    tag(doc, "{%p endif %}")

    add(doc, "{{ '1.6 การประกอบอาชีพ'|num('prose') }}", "Heading 2")
    optional_table(doc, "tambon.occupations", lambda d: _simple_list_table(d, "tambon.occupations", "o", [
        ("อาชีพ", 8.4, "l", "{{ o.name|num('table') }}"),
        ("ประเภท", 2.5, "c", "{% if o.kind %}อาชีพ{{ o.kind }}{% else %}-{% endif %}"),
        ("จำนวนครัวเรือน", 3.0, "r", "{% if o.households is not none %}{{ o.households|number|num('table') }}"
         "{% else %}-{% endif %}")]))

    add(doc, "{{ '1.7 กลุ่มอาชีพ'|num('prose') }}", "Heading 2")
    optional_table(doc, "tambon.groups", lambda d: _simple_list_table(d, "tambon.groups", "g", [
        ("ชื่อกลุ่ม", 4.9, "l", "{{ g.name|num('table') }}"),
        ("หมู่ที่/ชุมชน", 2.2, "c", WHERE.format(v="g")),
        ("สมาชิก (คน)", 2.3, "r", "{% if g.members is not none %}{{ g.members|number|num('table') }}{% else %}-{% endif %}"),
        ("ผลิตภัณฑ์", 5.5, "l", "{{ g.products or '-' }}")]))

    add(doc, "{{ '1.8 กองทุนในตำบล'|num('prose') }}", "Heading 2")
    optional_table(doc, "tambon.funds", lambda d: _simple_list_table(d, "tambon.funds", "f", [
        ("ชื่อกองทุน", 6.8, "l", "{{ f.name|num('table') }}"),
        ("จำนวน (กองทุน)", 2.4, "r", "{% if f.count is not none %}{{ f.count|number|num('table') }}{% else %}-{% endif %}"),
        ("สมาชิก (คน)", 2.4, "r", "{% if f.members %}{{ f.members|number|num('table') }}{% else %}-{% endif %}"),
        ("เงินทุน (บาท)", 3.3, "r", "{{ f.amount|money|num('table') }}")],
        total=["รวม", None, "{{ book.funds_total.count|number|num('table') }}", "{{ book.funds_total.members|number|num('table') }}",
               "{{ book.funds_total.amount|money|num('table') }}"]))

    add(doc, "{{ '1.9 องค์กรชุมชน'|num('prose') }}", "Heading 2")
    optional_table(doc, "tambon.organisations", lambda d: _simple_list_table(d, "tambon.organisations", "o", [
        ("ชื่อองค์กร", 8.4, "l", "{{ o.name|num('table') }}"),
        ("สมาชิก (คน)", 2.4, "r", "{% if o.members is not none %}{{ o.members|number|num('table') }}{% else %}-{% endif %}"),
        ("หมายเหตุ", 4.1, "l", "{{ o.note or '' }}")]))

    add(doc, "{{ '1.10 สถานที่สำคัญ'|num('prose') }}", "Heading 2")
    optional_table(doc, "tambon.important_places", lambda d: _simple_list_table(d, "tambon.important_places", "s", [
        ("ชื่อสถานที่", 7.4, "l", "{{ s.name|num('table') }}"),
        ("ประเภท", 5.0, "l", "{{ s.kind or '-' }}"),
        ("หมู่ที่/ชุมชน", 2.5, "c", WHERE.format(v="s"))]))

    add(doc, "{{ '1.11 ข้อมูลความจำเป็นพื้นฐาน (จปฐ.)'|num('prose') }}", "Heading 2")
    tag(doc, "{%p if tambon.basic_needs %}")
    add(doc, "จากการสำรวจข้อมูลความจำเป็นพื้นฐาน (จปฐ.) ปี {{ tambon.basic_needs.survey_year|num('prose') }}"
        "{% if tambon.basic_needs.households_surveyed %} จำนวน {{ tambon.basic_needs.households_surveyed|number|num('prose') }} ครัวเรือน"
        "{% endif %} พบว่า ประชากรมีรายได้เฉลี่ย {{ tambon.basic_needs.average_income|money|num('prose') }} บาท/คน/ปี"
        "{% if tambon.basic_needs.threshold %} (เกณฑ์ จปฐ. {{ tambon.basic_needs.threshold|money|num('prose') }} บาท/คน/ปี){% endif %}"
        "{% if tambon.basic_needs.households_below is not none %} มีครัวเรือนที่มีรายได้ต่ำกว่าเกณฑ์ "
        "{{ tambon.basic_needs.households_below|number|num('prose') }} ครัวเรือน{% endif %}", "Body Text")
    tag(doc, "{%p if tambon.basic_needs.indicators_failed %}")
    add(doc, "ตัวชี้วัดที่ยังไม่ผ่านเกณฑ์ จปฐ. ได้แก่", "Body Text")
    tag(doc, "{%p for t in tambon.basic_needs.indicators_failed %}")
    add(doc, "{{ loop.index|num('prose') }}) {{ t|num('prose') }}", "List Item")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p else %}")
    add(doc, NONE, "Body Text")
    tag(doc, "{%p endif %}")

    add(doc, "{{ '1.12 องค์กรปกครองส่วนท้องถิ่น'|num('prose') }}", "Heading 2")
    _simple_list_table(doc, "book.local_governments", "lg", [
        ("ชื่อองค์กรปกครองส่วนท้องถิ่น", 4.6, "l", "{{ lg.name|num('table') }}"),
        ("ผู้บริหาร", 6.8, "l", [("{% if lg.head %}{{ lg.head.name }}{% else %}-{% endif %}", None),
                                 ("{% if lg.head %}{{ lg.head.position|num('table') }}{% endif %}", None)]),
        ("หมู่บ้าน/ชุมชนในเขต", 3.5, "l", [("{{ lg.village_text|num('table') }}", None),
                                           ("{%p if lg.community_text != '-' %}", None),
                                           ("{{ lg.community_text|num('table') }}", None), ("{%p endif %}", None)])],
        keep_together=True)


# ---------------------------------------------------------------- ส่วนที่ ๒

def _swot(doc) -> None:
    def items(key: str) -> list[tuple[str, str]]:
        return [("{%p for t in analysis." + key + " %}", "Table List"),
                ("{{ loop.index|num('prose') }}. {{ t|num('prose') }}", "Table List"),
                ("{%p endfor %}", "Table List")]
    table(doc, [8.0, 8.0], "ll", [
        Row(["จุดแข็ง (Strengths)", "จุดอ่อน (Weaknesses)"], "head"),
        Row([items("strengths"), items("weaknesses")]),
        Row(["โอกาส (Opportunities)", "อุปสรรค (Threats)"], "head"),
        Row([items("opportunities"), items("threats")]),
    ], split_rows=True)
    # the second heading row must not repeat as a page header
    for tr in doc.tables[-1]._tbl.tr_lst[2:3]:
        tr.trPr.remove(tr.trPr.find(qn("w:tblHeader")))


def part_two(doc) -> None:
    add(doc, "{{ 'ส่วนที่ 2 การวิเคราะห์ข้อมูลและทิศทางการพัฒนา'|num('prose') }}", "Heading 1")
    add(doc, "{{ '2.1 การวิเคราะห์ศักยภาพของตำบล (SWOT)'|num('prose') }}", "Heading 2")
    _swot(doc)
    add(doc, "{{ '2.2 ปัญหา สาเหตุ และแนวทางแก้ไข'|num('prose') }}", "Heading 2")
    n = 4
    table(doc, [1.6, 4.8, 4.8, 4.8], "clll", [
        Row(["ลำดับที่", "ปัญหา", "สาเหตุ", "แนวทางแก้ไข"], "head"),
        tag_row(n, "{%tr for r in analysis.problems %}"),
        Row(["{{ loop.index|num('table') }}", "{{ r.problem|num('table') }}", "{{ r.cause|num('table') }}",
             "{{ r.solution|num('table') }}"], styles=[None, "Table Text Large", "Table Text Large", "Table Text Large"]),
        tag_row(n, "{%tr endfor %}"),
    ])
    add(doc, "{{ '2.3 วิสัยทัศน์'|num('prose') }}", "Heading 2")
    add(doc, "“{{ direction.vision|num('prose') }}”", "Vision")
    tag(doc, "{%p if direction.mission %}")
    add(doc, "พันธกิจ", "Subheading")
    tag(doc, "{%p for t in direction.mission %}")
    add(doc, "{{ loop.index|num('prose') }}) {{ t|num('prose') }}", "List Item")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    add(doc, "{{ '2.4 ยุทธศาสตร์ เป้าประสงค์ และกลยุทธ์'|num('prose') }}", "Heading 2")
    tag(doc, "{%p for s in direction.strategies %}")
    add(doc, "ยุทธศาสตร์ที่ {{ loop.index|num('prose') }} {{ book.strategy_titles[s.id]|num('prose') }}", "Heading 3")
    tag(doc, "{%p if s.provincial_strategy_name %}")
    add(doc, "สอดคล้องกับประเด็นยุทธศาสตร์การพัฒนาจังหวัด{{ tambon.changwat }}: {{ s.provincial_strategy_name|num('prose') }}",
        "Body Text")
    tag(doc, "{%p endif %}")
    add(doc, "เป้าประสงค์", "Subheading")
    tag(doc, "{%p for t in s.goals %}")
    add(doc, "{{ loop.index|num('prose') }}) {{ t|num('prose') }}", "List Item")
    tag(doc, "{%p endfor %}")
    add(doc, "กลยุทธ์", "Subheading")
    tag(doc, "{%p for t in s.tactics %}")
    add(doc, "{{ loop.index|num('prose') }}) {{ t.name|num('prose') }}", "List Item")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")


# ---------------------------------------------------------------- ส่วนที่ ๓

def _money(expr: str) -> str:
    """An amount in table numerals; zero shows as '-' as in Thai budget tables."""
    return "{{ " + expr + "|money(true)|num('table') }}"


NARROW, WIDE, ELSE, END = "{%tc if not book.wide_budget %}", "{%tc if book.wide_budget %}", "{%tc else %}", "{%tc endif %}"
TAG = 0.1  # starting width of a template column that only holds a column tag


def _year_cells(amounts: str, total: str) -> list:
    """The fiscal-year column loop, then รวม when the plan spans several years (6 template cells)."""
    return ["{%tc for a in " + amounts + " %}", _money("a"), "{%tc endfor %}",
            "{%tc if book.multi_year %}", _money(total), "{%tc endif %}"]


YEAR_WIDTHS = [TAG, 2.15, TAG, TAG, 2.5, TAG]
YEAR_ALIGNS = "crcc" + "rc"


def _lines(items: str, line: str, total: str | None = None) -> list[tuple[str, str | None]]:
    """One cell holding a paragraph per item of ``items``, and a total line when there are several."""
    out: list[tuple[str, str | None]] = [("{%p for l in " + items + " %}", None), (line, None), ("{%p endfor %}", None)]
    if total:
        out += [("{%p if " + items + "|length > 1 %}", None), ("รวม  " + _money(total), None), ("{%p endif %}", None)]
    return out


def _source_cells(amounts: str) -> list:
    """The amount per source column (3 template cells: a column loop)."""
    return ["{%tc for a in " + amounts + " %}", _money("a"), "{%tc endfor %}"]


SOURCE_WIDTHS = [TAG, 2.15, TAG]


def _budget_narrow(amounts: str, total: str, sources: str) -> tuple[list, list]:
    """Seed 002's layout for plans of one or two years: (cells before เป้าหมาย, source cells)."""
    return ([NARROW] + _year_cells(amounts, total) + [END], [NARROW] + _source_cells(sources) + [END])


def _other_note(doc) -> None:
    """What the short names of the "อื่น ๆ" column and the source lines stand for."""
    tag(doc, "{%p if other_sources_text %}")
    add(doc, OTHER_NOTE, "Normal")
    tag(doc, "{%p endif %}")


def _budget_wide(of: str, total: str) -> list:
    """Plans of three years or more: a line per funded year and per source."""
    return [WIDE, _lines(of + ".year_lines", "{{ l.year|num('table') }}  " + _money("l.amount"), total),
            _lines(of + ".source_lines", "{{ l.label }}  " + _money("l.amount")), END]


def _project_table(doc) -> None:
    """Every project in one table (the columns line up from strategy to strategy): a row naming
    each strategy, its projects, its subtotal, and the grand total. One or two fiscal years: seed 002's columns, an amount per year and per funding source.
    Three or more: the amounts of the funded years as lines in one budget column and the sources
    in another, so the text keeps room on landscape A4 (totals by year and source are in 3.2-3.5)."""
    widths = ([0.9, 4.2] + [TAG] + YEAR_WIDTHS + [TAG] + [3.3, 2.0, 1.7]
              + [TAG] + SOURCE_WIDTHS + [TAG] + [TAG, 3.0, 3.0, TAG])
    aligns = "cl" + "c" + YEAR_ALIGNS + "c" + "lll" + "c" + "crc" + "c" + "crlc"
    n = len(widths)

    def row_cells(of: str, total: str, sources: str, head: list, middle: list) -> list:
        before, after = _budget_narrow(f"{of}.year_amounts", total, sources)
        return head + before + middle + after + _budget_wide(of, total)

    heading = (["ที่", "แผนงาน/โครงการ", NARROW, "{% colspan book.budget_columns %}งบประมาณ (บาท)", None, None,
                None, None, None, END, "เป้าหมาย", "ระยะเวลา", "สถานที่ดำเนินการ",
                NARROW, SOURCE_HEAD, None, None, END,
                WIDE, "งบประมาณ (บาท)", "แหล่งงบประมาณ (บาท)", END])
    years = (["^", "^", NARROW, "{%tc for y in years %}", "ปี {{ y|num('table') }}", "{%tc endfor %}",
              "{%tc if book.multi_year %}", "รวม", "{%tc endif %}", END, "^", "^", "^",
              NARROW] + SOURCE_HEADS + [END, WIDE, "^", "^", END])
    target = [("{%p for t in p.target_paragraphs or [''] %}", None), ("{{ t|num('table') }}", None),
              ("{%p endfor %}", None)]
    group = ("ยุทธศาสตร์ที่ {{ book.strategy_no[g.id]|num('table') }} {{ book.strategy_titles[g.id]|num('table') }}"
             "{% colspan (7 if book.wide_budget else 5 + book.budget_columns + sources|length) %}")
    rows = [
        Row(heading, "head"),
        Row(years, "head"),
        tag_row(n, "{%tr for g in strategy_groups %}"),
        Row([group] + [None] * (n - 1), "group"),
        tag_row(n, "{%tr for p in g.projects %}"),
        Row(row_cells("p", "p.total", "p.source_amounts", ["{{ loop.index|num('table') }}", "{{ p.name|num('table') }}"],
                      [target, "{{ (p.period or '-')|num('table') }}", "{{ p.location_text|num('table') }}"])),
        tag_row(n, "{%tr endfor %}"),
        Row(row_cells("g.totals", "g.totals.amount", "g.totals.source_amounts",
                      ["รวมยุทธศาสตร์ที่ {{ book.strategy_no[g.id]|num('table') }} ({{ g.totals.count|num('table') }} โครงการ)",
                       None], ["", None, None]), "total"),
        tag_row(n, "{%tr endfor %}"),
        Row(row_cells("totals", "totals.amount", "totals.source_amounts",
                      ["รวมทั้งสิ้น ({{ totals.count|num('table') }} โครงการ)", None], ["", None, None]), "total"),
    ]
    table(doc, widths, aligns, rows, small=True, width=LANDSCAPE_WIDTH, nowrap=(n - 2,))


def _summary_tables(doc) -> None:
    add(doc, "{{ '3.2 สรุปโครงการและงบประมาณ จำแนกตามยุทธศาสตร์'|num('prose') }}", "Heading 2")
    widths = [0.8, 6.0, 1.6] + YEAR_WIDTHS + [TAG] + SOURCE_WIDTHS + [TAG]
    n = len(widths)
    def sources_narrow(of: str) -> list:
        return [NARROW] + _source_cells(f"{of}.source_amounts") + [END]

    table(doc, widths, "clr" + YEAR_ALIGNS + "c" + "crc" + "c", [
        Row(["ที่", "ยุทธศาสตร์", "จำนวนโครงการ", "{% colspan book.budget_columns %}งบประมาณ (บาท)", None, None,
             None, None, None, NARROW, SOURCE_HEAD, None, None, END], "head"),
        Row(["^", "^", "^", "{%tc for y in years %}", "ปี {{ y|num('table') }}", "{%tc endfor %}",
             "{%tc if book.multi_year %}", "รวม", "{%tc endif %}", NARROW] + SOURCE_HEADS + [END], "head"),
        tag_row(n, "{%tr for s in summary.by_strategy %}"),
        Row(["{{ book.strategy_no[s.id]|num('table') }}", "{{ s.name|num('table') }}", "{{ s.count|num('table') }}"]
            + _year_cells("s.year_amounts", "s.amount") + sources_narrow("s")),
        tag_row(n, "{%tr endfor %}"),
        Row(["รวมทั้งสิ้น", None, "{{ totals.count|num('table') }}"]
            + _year_cells("totals.year_amounts", "totals.amount") + sources_narrow("totals"), "total"),
    ], center=True, small=True, width=LANDSCAPE_WIDTH)

    tag(doc, "{%p if book.wide_budget %}")
    add(doc, "{{ '3.2.1 สรุปงบประมาณ จำแนกตามยุทธศาสตร์และแหล่งงบประมาณ'|num('prose') }}", "Heading 3")
    table(doc, [0.8, 7.0] + SOURCE_WIDTHS + [2.5], "cl" + "crc" + "r", [
        Row(["ที่", "ยุทธศาสตร์", SOURCE_HEAD, None, None, "รวม (บาท)"], "head"),
        Row(["^", "^"] + SOURCE_HEADS + ["^"], "head"),
        tag_row(6, "{%tr for s in summary.by_strategy %}"),
        Row(["{{ book.strategy_no[s.id]|num('table') }}", "{{ s.name|num('table') }}"]
            + _source_cells("s.source_amounts") + [_money("s.amount")]),
        tag_row(6, "{%tr endfor %}"),
        Row(["รวมทั้งสิ้น", None] + _source_cells("totals.source_amounts") + [_money("totals.amount")], "total"),
    ], center=True, small=True, width=LANDSCAPE_WIDTH)
    tag(doc, "{%p endif %}")
    _other_note(doc)

    add(doc, "{{ '3.3 สรุปงบประมาณ จำแนกตามแหล่งงบประมาณ'|num('prose') }}", "Heading 2")
    table(doc, [0.8, 7.0, 2.6, 1.6], "clrr", [
        Row(["ที่", "แหล่งงบประมาณ", "งบประมาณ (บาท)", "ร้อยละ"], "head"),
        tag_row(4, "{%tr for s in book.by_source %}"),
        Row(["{{ loop.index|num('table') }}", "{{ s.label }}", _money("s.amount"), "{{ s.share|num('table') }}"]),
        tag_row(4, "{%tr endfor %}"),
        Row(["รวม", None, _money("totals.amount"), "{{ '100.00'|num('table') }}"], "total"),
    ], center=True, small=True, width=14.0)

    add(doc, "{{ '3.4 สรุปโครงการ จำแนกตามวิธีดำเนินการ'|num('prose') }}", "Heading 2")
    table(doc, [0.8, 3.6, 1.8] + YEAR_WIDTHS + [1.6], "clr" + YEAR_ALIGNS + "r", [
        Row(["ที่", "วิธีดำเนินการ", "จำนวนโครงการ", "{% colspan book.budget_columns %}งบประมาณ (บาท)", None, None,
             None, None, None, "ร้อยละ"], "head"),
        Row(["^", "^", "^", "{%tc for y in years %}", "ปี {{ y|num('table') }}", "{%tc endfor %}",
             "{%tc if book.multi_year %}", "รวม", "{%tc endif %}", "^"], "head"),
        tag_row(10, "{%tr for s in book.by_approach %}"),
        Row(["{{ loop.index|num('table') }}", "{{ s.approach }}", "{{ s.count|num('table') }}"]
            + _year_cells("s.year_amounts", "s.amount") + ["{{ s.share|num('table') }}"]),
        tag_row(10, "{%tr endfor %}"),
        Row(["รวม", None, "{{ totals.count|num('table') }}"] + _year_cells("totals.year_amounts", "totals.amount")
            + ["{{ '100.00'|num('table') }}"], "total"),
    ], center=True, small=True, width=LANDSCAPE_WIDTH)

    add(doc, "{{ '3.5 สรุปงบประมาณ จำแนกตามปีงบประมาณ'|num('prose') }}", "Heading 2")
    table(doc, [2.2, 1.8] + SOURCE_WIDTHS + [2.4], "cr" + "crc" + "r", [
        Row(["ปีงบประมาณ", "จำนวนโครงการ", SOURCE_HEAD, None, None, "รวม (บาท)"], "head"),
        Row(["^", "^"] + SOURCE_HEADS + ["^"], "head"),
        tag_row(6, "{%tr for y in book.by_year %}"),
        Row(["{{ y.year|num('table') }}", "{{ y.count|num('table') }}"] + _source_cells("y.source_amounts")
            + [_money("y.amount")]),
        tag_row(6, "{%tr endfor %}"),
        Row(["รวม", "-"] + _source_cells("totals.source_amounts") + [_money("totals.amount")], "total"),
    ], center=True, small=True, width=LANDSCAPE_WIDTH)
    add(doc, "หมายเหตุ: โครงการที่ได้รับงบประมาณหลายปีนับจำนวนโครงการในทุกปีที่ได้รับ", "Normal")


def part_three(doc) -> None:
    add(doc, "{{ 'ส่วนที่ 3 โครงการ/กิจกรรมตามแผนพัฒนาตำบล'|num('prose') }}", "Heading 1")
    add(doc, "คณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบล{{ tambon.name }} ได้รวบรวมแผนงาน/โครงการ"
        "จากแผนพัฒนาหมู่บ้าน วิเคราะห์ความเป็นไปได้ และจัดลำดับความสำคัญ จำแนกตามยุทธศาสตร์การพัฒนาตำบล "
        "{{ book.strategy_count|num('prose') }} ยุทธศาสตร์ รวม {{ totals.count|num('prose') }} โครงการ "
        "งบประมาณรวมทั้งสิ้น {{ totals.amount|money|num('prose') }} บาท ({{ totals.amount|baht_text }}) "
        "ปีงบประมาณ พ.ศ. {{ plan.years_text|num('prose') }} ดังนี้", "Body Text")
    add(doc, "{{ '3.1 โครงการ/กิจกรรม จำแนกตามยุทธศาสตร์'|num('prose') }}", "Heading 2")
    tag(doc, "{%p if strategy_groups %}")
    _project_table(doc)
    tag(doc, "{%p else %}")
    add(doc, "(ยังไม่มีโครงการ)", "Body Text")
    tag(doc, "{%p endif %}")
    add(doc, "รวมงบประมาณทั้งสิ้น {{ totals.amount|money|num('prose') }} บาท ({{ totals.amount|baht_text }})",
        "Total Line")
    _other_note(doc)
    _summary_tables(doc)


# ---------------------------------------------------------------- ส่วนที่ ๔ and ภาคผนวก

def part_four(doc) -> None:
    tag(doc, "{%p if review %}")
    add(doc, "{{ 'ส่วนที่ 4 การทบทวนแผนพัฒนาตำบล'|num('prose') }}", "Heading 1")
    add(doc, "{{ '4.1 การประชุมทบทวนแผน'|num('prose') }}", "Heading 2")
    add(doc, "คณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบล{{ tambon.name }} ได้ประชุมทบทวนแผนพัฒนาตำบล "
        "เมื่อวันที่ {{ review.meeting_date|thai_date|num('prose') }}"
        "{% if review.meeting_place %} ณ {{ review.meeting_place|num('prose') }}{% endif %} "
        "มีผู้เข้าร่วมประชุม จำนวน {{ review.attendance.total|number|num('prose') }} คน"
        "{% if review.attendance.detail %} ประกอบด้วย {{ review.attendance.detail|num('prose') }}{% endif %}",
        "Body Text")
    add(doc, "{{ '4.2 การเปลี่ยนแปลงจากแผนเดิม'|num('prose') }}", "Heading 2")
    optional_table(doc, "review.changes", lambda d: table(d, [1.1, 7.45, 7.45], "cll", [
        Row(["ที่", "สิ่งที่เปลี่ยนแปลง", "เหตุผล"], "head"),
        tag_row(3, "{%tr for c in review.changes %}"),
        Row(["{{ loop.index|num('table') }}", "{{ c.what|num('table') }}", "{{ c.why|num('table') }}"],
            styles=[None, "Table Text Large", "Table Text Large"]),
        tag_row(3, "{%tr endfor %}"),
    ]), empty="(ไม่มีการเปลี่ยนแปลง)")
    add(doc, "{{ '4.3 ผลการดำเนินงานโครงการปีที่ผ่านมา'|num('prose') }}", "Heading 2")

    def status_table(d) -> None:
        add(d, "โครงการตามแผนปีที่ผ่านมา {{ review.previous_projects|length|num('prose') }} โครงการ "
            "{% for s in book.review.status_counts %}{{ s.status }} {{ s.count|num('prose') }} โครงการ"
            "{% if not loop.last %} {% endif %}{% endfor %} ได้รับงบประมาณรวม "
            "{{ book.review.received_total|money|num('prose') }} บาท", "Body Text")
        table(d, [1.0, 6.2, 3.2, 3.0, 2.6], "cllrl", [
            Row(["ที่", "โครงการ", "สถานะ", [("งบประมาณที่ได้รับ", None), ("(บาท)", None)], "หมายเหตุ"], "head"),
            tag_row(5, "{%tr for p in review.previous_projects %}"),
            Row(["{{ loop.index|num('table') }}", "{{ p.name|num('table') }}", "{{ p.status }}",
                 _money("p.budget_received"), "{{ (p.note or '')|num('table') }}"]),
            tag_row(5, "{%tr endfor %}"),
            Row(["รวม", None, None, _money("book.review.received_total"), ""], "total"),
        ])
    optional_table(doc, "review.previous_projects", status_table)
    tag(doc, "{%p endif %}")


def _score(expr: str) -> str:
    return "{% if " + expr + " is none %}-{% else %}{{ " + expr + "|num('table') }}{% endif %}"


def _scoring(doc) -> None:
    """Seed 001, technique 6: the criteria, then every strategy ranked at the assembly with each
    project's score per criterion, its weighted total and its votes."""
    tag(doc, "{%p if scoring.used %}")
    add(doc, "ตารางวิเคราะห์คะแนนความสำคัญของแผนงาน/โครงการ", "Appendix Heading")
    intro = add(doc, "เวทีประชาคมให้คะแนนโครงการแต่ละเกณฑ์ตั้งแต่ {{ scoring.min_score|num('prose') }} ถึง "
                "{{ scoring.max_score|num('prose') }} คะแนน คะแนนรวมคือผลรวมของคะแนนคูณน้ำหนักของเกณฑ์ "
                "(สูงสุด {{ scoring.max_total|num('prose') }} คะแนน) ลำดับความสำคัญภายในยุทธศาสตร์เรียงตามคะแนนรวม "
                "คะแนนเท่ากันเรียงตามคะแนนเสียงจากเวทีประชาคม", "Body Text")
    intro.paragraph_format.keep_with_next = True
    table(doc, [1.2, 5.0, 1.8, 8.0], "clcl", [
        Row(["เกณฑ์ที่", "เกณฑ์", "น้ำหนัก", "คำอธิบาย"], "head"),
        tag_row(4, "{%tr for c in scoring.criteria %}"),
        Row(["{{ loop.index|num('table') }}", "{{ c.name|num('table') }}", "{{ c.weight|num('table') }}",
             "{{ (c.description or '-')|num('table') }}"]),
        tag_row(4, "{%tr endfor %}"),
    ], keep_together=True)
    widths = [1.2, 7.0, TAG, 1.2, TAG, 1.8, 1.6]
    n = len(widths)
    table(doc, widths, "cl" + "ccc" + "rr", [
        Row(["ลำดับ", "โครงการ", "{% colspan scoring.criteria|length %}เกณฑ์ที่", None, None,
             "คะแนนรวม", "คะแนนเสียง"], "head"),
        Row(["^", "^", "{%tc for c in scoring.criteria %}", "{{ loop.index|num('table') }}", "{%tc endfor %}",
             "^", "^"], "head"),
        tag_row(n, "{%tr for g in scoring.groups %}"),
        Row(["ยุทธศาสตร์ที่ {{ book.strategy_no[g.id]|num('table') }} {{ book.strategy_titles[g.id]|num('table') }}"
             "{% colspan 4 + scoring.criteria|length %}"] + [None] * (n - 1), "group"),
        tag_row(n, "{%tr for p in g.projects %}"),
        Row(["{{ p.priority|num('table') }}", "{{ p.name|num('table') }}",
             "{%tc for s in p.score_list %}", _score("s"), "{%tc endfor %}", _score("p.score"), _score("p.votes")]),
        tag_row(n, "{%tr endfor %}"),
        tag_row(n, "{%tr endfor %}"),
    ], small=True, width=PORTRAIT_WIDTH)
    tag(doc, "{%p endif %}")


def appendix(doc) -> None:
    add(doc, "ภาคผนวก", "Heading 1")
    add(doc, "รายชื่อคณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.)", "Appendix Heading")
    add(doc, "ตามคำสั่งอำเภอ{{ tambon.amphoe }} ที่ {{ committee.order.number|num('prose') }}/"
        "{{ committee.order.year|num('prose') }} ลงวันที่ {{ committee.order.date|thai_date|num('prose') }}", "Body Text")
    table(doc, [1.0, 4.8, 6.2, 4.0], "clll", [
        Row(["ที่", "ชื่อ-สกุล", "ตำแหน่ง", "ตำแหน่งในคณะกรรมการ"], "head"),
        tag_row(4, "{%tr for m in committee.members %}"),
        Row(["{{ m.no|num('table') }}", "{{ m.name }}", "{{ m.position|num('table') }}", "{{ m.role }}"]),
        tag_row(4, "{%tr endfor %}"),
    ], nowrap=(1,))
    _scoring(doc)
    add(doc, "ภาพกิจกรรม", "Appendix Heading")
    tag(doc, "{%p for ph in tambon.photos %}")
    add(doc, "{{ image(ph.file, 13, alt=ph.caption) }}", "Picture")
    add(doc, "ภาพที่ {{ loop.index|num('prose') }} {{ ph.caption|num('prose') }}", "Caption")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not tambon.photos %}")
    add(doc, "(ไม่มีภาพกิจกรรม)", "Body Text")
    tag(doc, "{%p endif %}")


# ---------------------------------------------------------------- the document

def _footer(section) -> None:
    section.footer.is_linked_to_previous = False
    par = section.footer.paragraphs[0]
    par.style = "Page Number"
    _field(par, "PAGE", "1")


def _settings(doc) -> None:
    """Ask Word to refresh fields (the สารบัญ page numbers) when the book is opened."""
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    # schema order: updateFields comes before these
    later = [qn(f"w:{t}") for t in ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids",
                                      "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
                                      "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
                                      "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary",
                                      "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")]
    anchor = next((el for el in settings if el.tag in later), None)
    if anchor is not None:
        anchor.addprevious(update)
    else:
        settings.append(update)


def build(folder: Path) -> Path:
    doc = new_document()
    _styles(doc)
    _page_numbering(doc.sections[0], None)
    cover(doc)
    front = _new_section(doc, landscape=False, fmt="thaiLetters", start=1)
    _footer(front)
    foreword_and_contents(doc)
    _new_section(doc, landscape=False, fmt="thaiNumbers", start=1)
    part_one(doc)
    part_two(doc)
    _new_section(doc, landscape=True, fmt="thaiNumbers")
    part_three(doc)
    _new_section(doc, landscape=False, fmt="thaiNumbers")
    part_four(doc)
    appendix(doc)
    props = doc.core_properties
    props.title = "{{ plan.title|safe }}"
    props.subject = "แผนพัฒนาตำบล{{ tambon.name|safe }} อำเภอ{{ tambon.amphoe|safe }} จังหวัด{{ tambon.changwat|safe }}"
    props.comments = "tambondoc page-numerals={{ settings.prose_numerals }}"
    props.language = "th-TH"
    _settings(doc)
    save(doc, folder / NAME)
    return folder / NAME


