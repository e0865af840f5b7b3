"""The plan book's front matter (cover, คำนำ, สารบัญ), ส่วนที่ ๑ (general data: villages and
communities, occupations, groups, funds, places, จปฐ., local governments) and ส่วนที่ ๒ (SWOT,
problems, vision, strategies and tactics)."""

from __future__ import annotations

from docx.oxml.ns import qn

from templates.book_kit import NONE, Row, _field, add, optional_table, paragraphs, table, tag, tag_row

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
        # a เทศบาล of communities only has no '-' line for villages above them
        ("หมู่บ้าน/ชุมชนในเขต", 3.5, "l", [("{%p if lg.village_text != '-' or lg.community_text == '-' %}", None),
                                           ("{{ lg.village_text|num('table') }}", None), ("{%p endif %}", None),
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
