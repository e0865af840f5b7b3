"""Build templates/docx/plan-book.docx: the tambon development plan book (รูปเล่มแผนพัฒนาตำบล).

Cover, คำนำ, สารบัญ (a Word TOC field), ส่วนที่ ๑-๔ and ภาคผนวก, laid out with named styles so
a district can restyle the book in Word without touching the tags. The project tables of
ส่วนที่ ๓ sit in a landscape section; their fiscal-year columns are docxtpl column loops.
The parts are built by book_front and book_money with the kit of book_kit.
"""

from __future__ import annotations

from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from templates.base import new_document, save
from templates.book_front import cover, foreword_and_contents, part_one, part_two
from templates.book_kit import (
    NAME,
    PORTRAIT_WIDTH,
    Row,
    _field,
    _new_section,
    _page_numbering,
    _styles,
    add,
    optional_table,
    table,
    tag,
    tag_row,
)
from templates.book_money import TAG, _money, part_three

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
        table(d, [1.0, 6.2, 3.2, 3.0, 2.6], "cllrl", nowrap=(2,), rows=[
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
        "{{ committee.order.year|num('prose') }} ลงวันที่ {{ committee.order.date|thai_date|num('prose') }}", "Appendix Subtitle")
    table(doc, [1.0, 4.8, 6.2, 4.0], "clll", [
        Row(["ที่", "ชื่อ-สกุล", "ตำแหน่ง", "ตำแหน่งในคณะกรรมการ"], "head"),
        tag_row(4, "{%tr for m in committee.members %}"),
        Row(["{{ m.no|num('table') }}", "{{ m.name }}", "{{ m.position|num('table')|nobreak }}", "{{ m.role }}"]),
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
