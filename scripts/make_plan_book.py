"""Build templates/docx/plan-book.docx: the tambon development plan book (รูปเล่มแผนพัฒนาตำบล).

Cover, คำนำ, สารบัญ (a Word TOC field), ส่วนที่ ๑-๔ and ภาคผนวก, laid out with named styles so
a district can restyle the book in Word without touching the tags. The project tables of
ส่วนที่ ๓ sit in a landscape section; their fiscal-year columns are docxtpl column loops.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from docx_base import new_document, paragraph_style  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "templates" / "docx" / "plan-book.docx"
P = "|num('prose')"
T = "|num('table')"
PORTRAIT_WIDTH = 16.0    # A4 21 cm less 3 cm left and 2 cm right
LANDSCAPE_WIDTH = 26.7   # A4 29.7 cm less 1.5 cm each side
HEADER_FILL = "D9D9D9"
TOTAL_FILL = "F2F2F2"
NONE = "(ไม่มีข้อมูล)"
SOURCES = [("local", "งบท้องถิ่น (แผนพัฒนาท้องถิ่น)"), ("agency", "งบหน่วยงานภาครัฐ/เอกชน"),
           ("province", "งบพัฒนาจังหวัด"), ("community", "งบชุมชน")]
# the same labels broken where a narrow heading cell should break them
SOURCE_HEADINGS = [[("งบท้องถิ่น", None), ("(แผนพัฒนา", None), ("ท้องถิ่น)", None)],
                   [("งบหน่วยงาน", None), ("ภาครัฐ/เอกชน", None)],
                   [("งบพัฒนา", None), ("จังหวัด", None)], "งบชุมชน"]


# ---------------------------------------------------------------- styles and small helpers

def _styles(doc) -> None:
    h1 = doc.styles["Heading 1"]
    h1.paragraph_format.page_break_before = True
    paragraph_style(doc, "Cover Title", size=28, bold=True, align="center", space_before=150, space_after=12)
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
          keep_together: bool = False):
    """A fixed-width bordered table; ``aligns`` has one letter per column: l(eft), r(ight), c(enter).

    Header rows repeat on each page; rows do not split across pages unless ``split_rows``.
    ``width`` scales the columns to that total (cm): after column loops the rendered table
    keeps the template's total width and the cells' proportions. ``small`` uses the 12 pt
    styles of the project tables. ``keep_together`` keeps a short table on one page (every
    row but the last is kept with the next, as Word does it).
    """
    if width:
        widths = [w * width / sum(widths) for w in widths]
    tbl = doc.add_table(rows=len(rows), cols=len(widths))
    tbl.style = doc.styles["Table Grid"]
    _tblpr(tbl, sum(widths), center, 45 if small else 70)
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
            else:
                style = body_style[aligns[c]]
            paragraphs = content if isinstance(content, list) else [(content, style)]
            first = cell.paragraphs[0]
            for i, (text, pstyle) in enumerate(paragraphs):
                par = first if i == 0 else cell.add_paragraph()
                par.text = text
                par.style = doc.styles[pstyle or style]
            if keep_together and r < len(rows) - 1:
                for par in cell.paragraphs:
                    par.paragraph_format.keep_with_next = True
            if spec.kind == "head":
                _shade(cell._tc, HEADER_FILL)
                _valign(cell._tc, "center")
            elif spec.kind == "total":
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


def paragraphs(doc, items: str, style: str = "Body Text", empty: str | None = NONE, expr: str = "t" + P) -> None:
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
    add(doc, "{{ plan.title" + P + " }}", "Cover Title")
    tag(doc, "{%p if plan.revision %}")
    add(doc, "(ฉบับทบทวน ครั้งที่ {{ plan.revision" + P + " }})", "Cover Subtitle")
    tag(doc, "{%p endif %}")
    add(doc, "ตำบล{{ tambon.name }} อำเภอ{{ tambon.amphoe }} จังหวัด{{ tambon.changwat }}", "Cover Subtitle")
    add(doc, "ปีงบประมาณ พ.ศ. {{ plan.years_text" + P + " }}", "Cover Subtitle")
    add(doc, "จัดทำโดย", "Cover Text First")
    add(doc, "{{ book.prepared_by" + P + " }}", "Cover Text")
    tag(doc, "{%p if plan.office %}")
    add(doc, "สนับสนุนโดย {{ plan.office" + P + " }}", "Cover Text")
    tag(doc, "{%p endif %}")
    add(doc, "ให้ความเห็นชอบเมื่อวันที่ {{ plan.approved_on|thai_date" + P + " }}", "Cover Text")


def foreword_and_contents(doc) -> None:
    add(doc, "คำนำ", "Heading 1")
    paragraphs(doc, "book.foreword_paragraphs", empty=None)
    add(doc, "{{ book.prepared_by" + P + " }}", "Signature First")
    add(doc, "{{ plan.approved_on|thai_date('month')" + P + " }}", "Signature")
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
    vt = "tambon.village_totals."
    table(doc, w, "cllrrrr", [
        Row(["หมู่ที่", "ชื่อหมู่บ้าน", "ผู้ใหญ่บ้าน", "ครัวเรือน", "ประชากร (คน)", None, None], "head"),
        Row(["^", "^", "^", "^", "ชาย", "หญิง", "รวม"], "head"),
        tag_row(n, "{%tr for v in tambon.villages %}"),
        Row(["{{ v.no" + T + " }}", "{{ v.name" + T + " }}",
             "{{ v.headman }}{% if v.headman_title == 'กำนัน' %} (กำนัน){% endif %}",
             "{{ v.households|number" + T + " }}", "{{ v.population.male|number" + T + " }}",
             "{{ v.population.female|number" + T + " }}", "{{ v.population_total|number" + T + " }}"]),
        tag_row(n, "{%tr endfor %}"),
        Row(["รวม", None, None, "{{ " + vt + "households|number" + T + " }}", "{{ " + vt + "male|number" + T + " }}",
             "{{ " + vt + "female|number" + T + " }}", "{{ " + vt + "population|number" + T + " }}"], "total"),
    ])


def _simple_list_table(doc, items: str, var: str, columns: list[tuple[str, float, str, str]],
                       total: list[str] | None = None, keep_together: bool = False) -> None:
    widths = [1.1] + [c[1] for c in columns]
    aligns = "c" + "".join(c[2] for c in columns)
    n = len(widths)
    rows = [Row(["ที่"] + [c[0] for c in columns], "head"),
            tag_row(n, "{%tr for " + var + " in " + items + " %}"),
            Row(["{{ loop.index" + T + " }}"] + [c[3] for c in columns]),
            tag_row(n, "{%tr endfor %}")]
    if total:
        rows.append(Row(total, "total"))
    table(doc, widths, aligns, rows, keep_together=keep_together)


def part_one(doc) -> None:
    add(doc, "{{ 'ส่วนที่ 1 ข้อมูลทั่วไปของตำบล'" + P + " }}", "Heading 1")
    add(doc, "{{ '1.1 ประวัติความเป็นมา'" + P + " }}", "Heading 2")
    paragraphs(doc, "tambon.history_paragraphs")

    add(doc, "{{ '1.2 ที่ตั้ง เนื้อที่ และอาณาเขต'" + P + " }}", "Heading 2")
    paragraphs(doc, "tambon.location_paragraphs", empty=None)
    add(doc, "ตำบล{{ tambon.name }} มีเนื้อที่ประมาณ {{ book.area.rai" + P + " }} ไร่ หรือประมาณ "
        "{{ book.area.sq_km" + P + " }} ตารางกิโลเมตร มีอาณาเขตติดต่อ ดังนี้", "Body Text")
    for label, key in (("ทิศเหนือ", "north"), ("ทิศใต้", "south"), ("ทิศตะวันออก", "east"), ("ทิศตะวันตก", "west")):
        add(doc, f"{label}\tติดต่อกับ {{{{ tambon.boundaries.{key}{P} }}}}", "Boundary")

    add(doc, "{{ '1.3 สภาพภูมิประเทศและภูมิอากาศ'" + P + " }}", "Heading 2")
    add(doc, "สภาพภูมิประเทศ", "Subheading")
    paragraphs(doc, "tambon.terrain_paragraphs")
    add(doc, "สภาพภูมิอากาศ", "Subheading")
    paragraphs(doc, "tambon.climate_paragraphs")

    add(doc, "{{ '1.4 แผนที่ตำบล'" + P + " }}", "Heading 2")
    tag(doc, "{%p if tambon.map_image %}")
    add(doc, "{{ image(tambon.map_image, 15) }}", "Picture")
    add(doc, "แผนที่ตำบล{{ tambon.name }} อำเภอ{{ tambon.amphoe }} จังหวัด{{ tambon.changwat }}", "Caption")
    tag(doc, "{%p else %}")
    add(doc, "(ไม่มีแผนที่)", "Body Text")
    tag(doc, "{%p endif %}")

    add(doc, "{{ '1.5 หมู่บ้านและประชากร'" + P + " }}", "Heading 2")
    vt = "tambon.village_totals."
    add(doc, "ตำบล{{ tambon.name }} มี {{ tambon.villages|length" + P + " }} หมู่บ้าน "
        "{{ " + vt + "households|number" + P + " }} ครัวเรือน ประชากรรวม {{ " + vt + "population|number" + P + " }} คน "
        "แยกเป็นชาย {{ " + vt + "male|number" + P + " }} คน หญิง {{ " + vt + "female|number" + P + " }} คน ดังนี้",
        "Body Text")
    _villages(doc)

    add(doc, "{{ '1.6 การประกอบอาชีพ'" + P + " }}", "Heading 2")
    optional_table(doc, "tambon.occupations", lambda d: _simple_list_table(d, "tambon.occupations", "o", [
        ("อาชีพ", 8.4, "l", "{{ o.name" + T + " }}"),
        ("ประเภท", 2.5, "c", "{% if o.kind %}อาชีพ{{ o.kind }}{% else %}-{% endif %}"),
        ("จำนวนครัวเรือน", 3.0, "r", "{% if o.households is not none %}{{ o.households|number" + T + " }}"
         "{% else %}-{% endif %}")]))

    add(doc, "{{ '1.7 กลุ่มอาชีพ'" + P + " }}", "Heading 2")
    optional_table(doc, "tambon.groups", lambda d: _simple_list_table(d, "tambon.groups", "g", [
        ("ชื่อกลุ่ม", 5.6, "l", "{{ g.name" + T + " }}"),
        ("หมู่ที่", 1.5, "c", "{% if g.village %}{{ g.village" + T + " }}{% else %}-{% endif %}"),
        ("สมาชิก (คน)", 2.3, "r", "{% if g.members is not none %}{{ g.members|number" + T + " }}{% else %}-{% endif %}"),
        ("ผลิตภัณฑ์", 5.5, "l", "{{ g.products or '-' }}")]))

    add(doc, "{{ '1.8 กองทุนในตำบล'" + P + " }}", "Heading 2")
    ft = "book.funds_total."
    optional_table(doc, "tambon.funds", lambda d: _simple_list_table(d, "tambon.funds", "f", [
        ("ชื่อกองทุน", 6.8, "l", "{{ f.name" + T + " }}"),
        ("จำนวน (กองทุน)", 2.4, "r", "{% if f.count is not none %}{{ f.count|number" + T + " }}{% else %}-{% endif %}"),
        ("สมาชิก (คน)", 2.4, "r", "{% if f.members %}{{ f.members|number" + T + " }}{% else %}-{% endif %}"),
        ("เงินทุน (บาท)", 3.3, "r", "{{ f.amount|money" + T + " }}")],
        total=["รวม", None, "{{ " + ft + "count|number" + T + " }}", "{{ " + ft + "members|number" + T + " }}",
               "{{ " + ft + "amount|money" + T + " }}"]))

    add(doc, "{{ '1.9 องค์กรชุมชน'" + P + " }}", "Heading 2")
    optional_table(doc, "tambon.organisations", lambda d: _simple_list_table(d, "tambon.organisations", "o", [
        ("ชื่อองค์กร", 8.4, "l", "{{ o.name" + T + " }}"),
        ("สมาชิก (คน)", 2.4, "r", "{% if o.members is not none %}{{ o.members|number" + T + " }}{% else %}-{% endif %}"),
        ("หมายเหตุ", 4.1, "l", "{{ o.note or '' }}")]))

    add(doc, "{{ '1.10 สถานที่สำคัญ'" + P + " }}", "Heading 2")
    optional_table(doc, "tambon.important_places", lambda d: _simple_list_table(d, "tambon.important_places", "s", [
        ("ชื่อสถานที่", 7.4, "l", "{{ s.name" + T + " }}"),
        ("ประเภท", 5.0, "l", "{{ s.kind or '-' }}"),
        ("หมู่ที่", 2.5, "c", "{% if s.village %}{{ s.village" + T + " }}{% else %}-{% endif %}")]))

    add(doc, "{{ '1.11 ข้อมูลความจำเป็นพื้นฐาน (จปฐ.)'" + P + " }}", "Heading 2")
    bn = "tambon.basic_needs"
    tag(doc, "{%p if " + bn + " %}")
    add(doc, "จากการสำรวจข้อมูลความจำเป็นพื้นฐาน (จปฐ.) ปี {{ " + bn + ".survey_year" + P + " }}"
        "{% if " + bn + ".households_surveyed %} จำนวน {{ " + bn + ".households_surveyed|number" + P + " }} ครัวเรือน"
        "{% endif %} พบว่า ประชากรมีรายได้เฉลี่ย {{ " + bn + ".average_income|money" + P + " }} บาท/คน/ปี"
        "{% if " + bn + ".threshold %} (เกณฑ์ จปฐ. {{ " + bn + ".threshold|money" + P + " }} บาท/คน/ปี){% endif %}"
        "{% if " + bn + ".households_below is not none %} มีครัวเรือนที่มีรายได้ต่ำกว่าเกณฑ์ "
        "{{ " + bn + ".households_below|number" + P + " }} ครัวเรือน{% endif %}", "Body Text")
    tag(doc, "{%p if " + bn + ".indicators_failed %}")
    add(doc, "ตัวชี้วัดที่ยังไม่ผ่านเกณฑ์ จปฐ. ได้แก่", "Body Text")
    tag(doc, "{%p for t in " + bn + ".indicators_failed %}")
    add(doc, "{{ loop.index" + P + " }}) {{ t" + P + " }}", "List Item")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p else %}")
    add(doc, NONE, "Body Text")
    tag(doc, "{%p endif %}")

    add(doc, "{{ '1.12 องค์กรปกครองส่วนท้องถิ่น'" + P + " }}", "Heading 2")
    _simple_list_table(doc, "book.local_governments", "lg", [
        ("ชื่อองค์กรปกครองส่วนท้องถิ่น", 4.6, "l", "{{ lg.name" + T + " }}"),
        ("ผู้บริหาร", 6.8, "l", [("{% if lg.head %}{{ lg.head.name }}{% else %}-{% endif %}", None),
                                 ("{% if lg.head %}{{ lg.head.position" + T + " }}{% endif %}", None)]),
        ("หมู่บ้านในเขต", 3.5, "l", "{{ lg.village_text" + T + " }}")], keep_together=True)


# ---------------------------------------------------------------- ส่วนที่ ๒

def _swot(doc) -> None:
    def items(key: str) -> list[tuple[str, str]]:
        return [("{%p for t in analysis." + key + " %}", "Table List"),
                ("{{ loop.index" + P + " }}. {{ t" + P + " }}", "Table List"),
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
    add(doc, "{{ 'ส่วนที่ 2 การวิเคราะห์ข้อมูลและทิศทางการพัฒนา'" + P + " }}", "Heading 1")
    add(doc, "{{ '2.1 การวิเคราะห์ศักยภาพของตำบล (SWOT)'" + P + " }}", "Heading 2")
    _swot(doc)
    add(doc, "{{ '2.2 ปัญหา สาเหตุ และแนวทางแก้ไข'" + P + " }}", "Heading 2")
    n = 4
    table(doc, [1.6, 4.8, 4.8, 4.8], "clll", [
        Row(["ลำดับที่", "ปัญหา", "สาเหตุ", "แนวทางแก้ไข"], "head"),
        tag_row(n, "{%tr for r in analysis.problems %}"),
        Row(["{{ loop.index" + T + " }}", "{{ r.problem" + T + " }}", "{{ r.cause" + T + " }}",
             "{{ r.solution" + T + " }}"], styles=[None, "Table Text Large", "Table Text Large", "Table Text Large"]),
        tag_row(n, "{%tr endfor %}"),
    ])
    add(doc, "{{ '2.3 วิสัยทัศน์'" + P + " }}", "Heading 2")
    add(doc, "“{{ direction.vision" + P + " }}”", "Vision")
    tag(doc, "{%p if direction.mission %}")
    add(doc, "พันธกิจ", "Subheading")
    tag(doc, "{%p for t in direction.mission %}")
    add(doc, "{{ loop.index" + P + " }}) {{ t" + P + " }}", "List Item")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    add(doc, "{{ '2.4 ยุทธศาสตร์ เป้าประสงค์ และกลยุทธ์'" + P + " }}", "Heading 2")
    tag(doc, "{%p for s in direction.strategies %}")
    add(doc, "ยุทธศาสตร์ที่ {{ loop.index" + P + " }} {{ book.strategy_titles[s.id]" + P + " }}", "Heading 3")
    tag(doc, "{%p if s.provincial_strategy_name %}")
    add(doc, "สอดคล้องกับประเด็นยุทธศาสตร์การพัฒนาจังหวัด{{ tambon.changwat }}: {{ s.provincial_strategy_name" + P + " }}",
        "Body Text")
    tag(doc, "{%p endif %}")
    add(doc, "เป้าประสงค์", "Subheading")
    tag(doc, "{%p for t in s.goals %}")
    add(doc, "{{ loop.index" + P + " }}) {{ t" + P + " }}", "List Item")
    tag(doc, "{%p endfor %}")
    add(doc, "กลยุทธ์", "Subheading")
    tag(doc, "{%p for t in s.tactics %}")
    add(doc, "{{ loop.index" + P + " }}) {{ t.name" + P + " }}", "List Item")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")


# ---------------------------------------------------------------- ส่วนที่ ๓

def _money(expr: str) -> str:
    """An amount in table numerals; zero shows as '-' as in Thai budget tables."""
    return "{{ " + expr + "|money(true)" + T + " }}"


def _year_cells(amounts: str, total: str) -> list:
    """The fiscal-year column loop, then รวม when the plan spans several years (6 template cells)."""
    return ["{%tc for a in " + amounts + " %}", _money("a"), "{%tc endfor %}",
            "{%tc if book.multi_year %}", _money(total), "{%tc endif %}"]


YEAR_WIDTHS = [0.1, 2.15, 0.1, 0.1, 2.5, 0.1]
YEAR_ALIGNS = "crcc" + "rc"


def _project_table(doc) -> None:
    """One strategy's projects, columns of seed 002, with the strategy subtotal (and, after
    the last strategy, the grand total)."""
    widths = [0.9, 4.2] + YEAR_WIDTHS + [3.3, 2.0, 1.7] + [2.15] * 4
    aligns = "cl" + YEAR_ALIGNS + "lll" + "rrrr"
    n = len(widths)
    src = SOURCE_HEADINGS

    def sources(prefix: str) -> list[str]:
        return [_money(f"{prefix}.{key}") for key, _ in SOURCES]

    rows = [
        Row(["ที่", "แผนงาน/โครงการ", "{% colspan book.budget_columns %}งบประมาณ (บาท)", None, None, None, None,
             None, "เป้าหมาย", "ระยะเวลา", "สถานที่ดำเนินการ", "แหล่งงบประมาณ (บาท)", None, None, None], "head"),
        Row(["^", "^", "{%tc for y in years %}", "ปี {{ y" + T + " }}", "{%tc endfor %}",
             "{%tc if book.multi_year %}", "รวม", "{%tc endif %}", "^", "^", "^"] + src, "head"),
        tag_row(n, "{%tr for p in g.projects %}"),
        Row(["{{ loop.index" + T + " }}", "{{ p.name" + T + " }}"] + _year_cells("p.year_amounts", "p.total")
            + [[("{%p for t in p.target_paragraphs or [''] %}", None), ("{{ t" + T + " }}", None),
                ("{%p endfor %}", None)],
               "{{ (p.period or '-')" + T + " }}", "{{ p.location_text" + T + " }}"]
            + sources("p.by_source")),
        tag_row(n, "{%tr endfor %}"),
        Row(["รวมยุทธศาสตร์ที่ {{ book.strategy_no[g.id]" + T + " }} ({{ g.totals.count" + T + " }} โครงการ)", None]
            + _year_cells("g.totals.year_amounts", "g.totals.amount")
            + ["", None, None] + sources("g.totals.by_source"), "total"),
        tag_row(n, "{%tr if loop.last %}"),
        Row(["รวมทั้งสิ้น ({{ totals.count" + T + " }} โครงการ)", None]
            + _year_cells("totals.year_amounts", "totals.amount")
            + ["", None, None] + sources("totals.by_source"), "total"),
        tag_row(n, "{%tr endif %}"),
    ]
    table(doc, widths, aligns, rows, small=True, width=LANDSCAPE_WIDTH)


def _summary_tables(doc) -> None:
    src = SOURCE_HEADINGS
    add(doc, "{{ '3.2 สรุปโครงการและงบประมาณ จำแนกตามยุทธศาสตร์'" + P + " }}", "Heading 2")
    widths = [0.8, 6.0, 1.6] + YEAR_WIDTHS + [2.3] * 4
    n = len(widths)
    table(doc, widths, "clr" + YEAR_ALIGNS + "rrrr", [
        Row(["ที่", "ยุทธศาสตร์", "จำนวนโครงการ", "{% colspan book.budget_columns %}งบประมาณ (บาท)", None, None,
             None, None, None, "แหล่งงบประมาณ (บาท)", None, None, None], "head"),
        Row(["^", "^", "^", "{%tc for y in years %}", "ปี {{ y" + T + " }}", "{%tc endfor %}",
             "{%tc if book.multi_year %}", "รวม", "{%tc endif %}"] + src, "head"),
        tag_row(n, "{%tr for s in summary.by_strategy %}"),
        Row(["{{ book.strategy_no[s.id]" + T + " }}", "{{ s.name" + T + " }}", "{{ s.count" + T + " }}"]
            + _year_cells("s.year_amounts", "s.amount") + [_money(f"s.by_source.{k}") for k, _ in SOURCES]),
        tag_row(n, "{%tr endfor %}"),
        Row(["รวมทั้งสิ้น", None, "{{ totals.count" + T + " }}"]
            + _year_cells("totals.year_amounts", "totals.amount")
            + [_money(f"totals.by_source.{k}") for k, _ in SOURCES], "total"),
    ], center=True, small=True, width=LANDSCAPE_WIDTH)

    add(doc, "{{ '3.3 สรุปงบประมาณ จำแนกตามแหล่งงบประมาณ'" + P + " }}", "Heading 2")
    table(doc, [0.8, 7.0, 2.6, 1.6], "clrr", [
        Row(["ที่", "แหล่งงบประมาณ", "งบประมาณ (บาท)", "ร้อยละ"], "head"),
        tag_row(4, "{%tr for s in book.by_source %}"),
        Row(["{{ loop.index" + T + " }}", "{{ s.label }}", _money("s.amount"), "{{ s.share" + T + " }}"]),
        tag_row(4, "{%tr endfor %}"),
        Row(["รวม", None, _money("totals.amount"), "{{ '100.00'" + T + " }}"], "total"),
    ], center=True, small=True, width=14.0, keep_together=True)

    add(doc, "{{ '3.4 สรุปโครงการ จำแนกตามวิธีดำเนินการ'" + P + " }}", "Heading 2")
    table(doc, [0.8, 3.6, 1.8] + YEAR_WIDTHS + [1.6], "clr" + YEAR_ALIGNS + "r", [
        Row(["ที่", "วิธีดำเนินการ", "จำนวนโครงการ", "{% colspan book.budget_columns %}งบประมาณ (บาท)", None, None,
             None, None, None, "ร้อยละ"], "head"),
        Row(["^", "^", "^", "{%tc for y in years %}", "ปี {{ y" + T + " }}", "{%tc endfor %}",
             "{%tc if book.multi_year %}", "รวม", "{%tc endif %}", "^"], "head"),
        tag_row(10, "{%tr for s in book.by_approach %}"),
        Row(["{{ loop.index" + T + " }}", "{{ s.approach }}", "{{ s.count" + T + " }}"]
            + _year_cells("s.year_amounts", "s.amount") + ["{{ s.share" + T + " }}"]),
        tag_row(10, "{%tr endfor %}"),
        Row(["รวม", None, "{{ totals.count" + T + " }}"] + _year_cells("totals.year_amounts", "totals.amount")
            + ["{{ '100.00'" + T + " }}"], "total"),
    ], center=True, small=True, width=17.0, keep_together=True)

    add(doc, "{{ '3.5 สรุปงบประมาณ จำแนกตามปีงบประมาณ'" + P + " }}", "Heading 2")
    table(doc, [2.2, 1.8] + [2.3] * 4 + [2.4], "cr" + "rrrr" + "r", [
        Row(["ปีงบประมาณ", "จำนวนโครงการ", "แหล่งงบประมาณ (บาท)", None, None, None, "รวม (บาท)"], "head"),
        Row(["^", "^"] + src + ["^"], "head"),
        tag_row(7, "{%tr for y in book.by_year %}"),
        Row(["{{ y.year" + T + " }}", "{{ y.count" + T + " }}"] + [_money(f"y.by_source.{k}") for k, _ in SOURCES]
            + [_money("y.amount")]),
        tag_row(7, "{%tr endfor %}"),
        Row(["รวม", "-"] + [_money(f"totals.by_source.{k}") for k, _ in SOURCES]
            + [_money("totals.amount")], "total"),
    ], center=True, small=True, width=15.4, keep_together=True)
    add(doc, "หมายเหตุ: โครงการที่ได้รับงบประมาณหลายปีนับจำนวนโครงการในทุกปีที่ได้รับ", "Normal")


def part_three(doc) -> None:
    add(doc, "{{ 'ส่วนที่ 3 โครงการ/กิจกรรมตามแผนพัฒนาตำบล'" + P + " }}", "Heading 1")
    add(doc, "คณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบล{{ tambon.name }} ได้รวบรวมแผนงาน/โครงการ"
        "จากแผนพัฒนาหมู่บ้าน วิเคราะห์ความเป็นไปได้ และจัดลำดับความสำคัญ จำแนกตามยุทธศาสตร์การพัฒนาตำบล "
        "{{ book.strategy_count" + P + " }} ยุทธศาสตร์ รวม {{ totals.count" + P + " }} โครงการ "
        "งบประมาณรวมทั้งสิ้น {{ totals.amount|money" + P + " }} บาท ({{ totals.amount|baht_text }}) "
        "ปีงบประมาณ พ.ศ. {{ plan.years_text" + P + " }} ดังนี้", "Body Text")
    add(doc, "{{ '3.1 โครงการ/กิจกรรม จำแนกตามยุทธศาสตร์'" + P + " }}", "Heading 2")
    tag(doc, "{%p for g in strategy_groups %}")
    add(doc, "ยุทธศาสตร์ที่ {{ book.strategy_no[g.id]" + P + " }} {{ book.strategy_titles[g.id]" + P + " }}",
        "Heading 3")
    _project_table(doc)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not strategy_groups %}")
    add(doc, "(ยังไม่มีโครงการ)", "Body Text")
    tag(doc, "{%p endif %}")
    add(doc, "รวมงบประมาณทั้งสิ้น {{ totals.amount|money" + P + " }} บาท ({{ totals.amount|baht_text }})",
        "Total Line")
    _summary_tables(doc)


# ---------------------------------------------------------------- ส่วนที่ ๔ and ภาคผนวก

def part_four(doc) -> None:
    rv = "review."
    tag(doc, "{%p if review %}")
    add(doc, "{{ 'ส่วนที่ 4 การทบทวนแผนพัฒนาตำบล'" + P + " }}", "Heading 1")
    add(doc, "{{ '4.1 การประชุมทบทวนแผน'" + P + " }}", "Heading 2")
    add(doc, "คณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบล{{ tambon.name }} ได้ประชุมทบทวนแผนพัฒนาตำบล "
        "เมื่อวันที่ {{ " + rv + "meeting_date|thai_date" + P + " }}"
        "{% if " + rv + "meeting_place %} ณ {{ " + rv + "meeting_place" + P + " }}{% endif %} "
        "มีผู้เข้าร่วมประชุม จำนวน {{ " + rv + "attendance.total|number" + P + " }} คน"
        "{% if " + rv + "attendance.detail %} ประกอบด้วย {{ " + rv + "attendance.detail" + P + " }}{% endif %}",
        "Body Text")
    add(doc, "{{ '4.2 การเปลี่ยนแปลงจากแผนเดิม'" + P + " }}", "Heading 2")
    optional_table(doc, rv + "changes", lambda d: table(d, [1.1, 7.45, 7.45], "cll", [
        Row(["ที่", "สิ่งที่เปลี่ยนแปลง", "เหตุผล"], "head"),
        tag_row(3, "{%tr for c in review.changes %}"),
        Row(["{{ loop.index" + T + " }}", "{{ c.what" + T + " }}", "{{ c.why" + T + " }}"],
            styles=[None, "Table Text Large", "Table Text Large"]),
        tag_row(3, "{%tr endfor %}"),
    ]), empty="(ไม่มีการเปลี่ยนแปลง)")
    add(doc, "{{ '4.3 ผลการดำเนินงานโครงการปีที่ผ่านมา'" + P + " }}", "Heading 2")

    def status_table(d) -> None:
        add(d, "โครงการตามแผนปีที่ผ่านมา {{ review.previous_projects|length" + P + " }} โครงการ "
            "{% for s in book.review.status_counts %}{{ s.status }} {{ s.count" + P + " }} โครงการ"
            "{% if not loop.last %} {% endif %}{% endfor %} ได้รับงบประมาณรวม "
            "{{ book.review.received_total|money" + P + " }} บาท", "Body Text")
        table(d, [1.0, 6.2, 3.2, 3.0, 2.6], "cllrl", [
            Row(["ที่", "โครงการ", "สถานะ", [("งบประมาณที่ได้รับ", None), ("(บาท)", None)], "หมายเหตุ"], "head"),
            tag_row(5, "{%tr for p in review.previous_projects %}"),
            Row(["{{ loop.index" + T + " }}", "{{ p.name" + T + " }}", "{{ p.status }}",
                 _money("p.budget_received"), "{{ (p.note or '')" + T + " }}"]),
            tag_row(5, "{%tr endfor %}"),
            Row(["รวม", None, None, _money("book.review.received_total"), ""], "total"),
        ])
    optional_table(doc, rv + "previous_projects", status_table)
    tag(doc, "{%p endif %}")


def appendix(doc) -> None:
    add(doc, "ภาคผนวก", "Heading 1")
    add(doc, "รายชื่อคณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.)", "Heading 2")
    add(doc, "ตามคำสั่งอำเภอ{{ tambon.amphoe }} ที่ {{ committee.order.number" + P + " }}/"
        "{{ committee.order.year" + P + " }} ลงวันที่ {{ committee.order.date|thai_date" + P + " }}", "Body Text")
    table(doc, [1.0, 4.8, 6.2, 4.0], "clll", [
        Row(["ที่", "ชื่อ-สกุล", "ตำแหน่ง", "ตำแหน่งในคณะกรรมการ"], "head"),
        tag_row(4, "{%tr for m in committee.members %}"),
        Row(["{{ m.no" + T + " }}", "{{ m.name }}", "{{ m.position" + T + " }}", "{{ m.role }}"]),
        tag_row(4, "{%tr endfor %}"),
    ])
    add(doc, "ภาพกิจกรรม", "Heading 2")
    tag(doc, "{%p for ph in tambon.photos %}")
    add(doc, "{{ image(ph.file, 13) }}", "Picture")
    add(doc, "ภาพที่ {{ loop.index" + P + " }} {{ ph.caption" + P + " }}", "Caption")
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


def build() -> Path:
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
    props.author = "{{ book.prepared_by|safe }}"
    props.comments = "tambondoc page-numerals={{ settings.prose_numerals }}"
    props.language = "th-TH"
    _settings(doc)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc.save(OUT)
    return OUT


if __name__ == "__main__":
    print(build())
