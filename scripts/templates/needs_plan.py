"""Build templates/docx/needs-plan.docx: the district needs plan (แผนความต้องการระดับอำเภอ) the
district committee (ก.บ.อ.) sends the province (ก.บ.จ.), seed 004.

A4 landscape. A short cover paragraph with the totals in figures and words, then one table: a
heading row, for each provincial strategy a band, for each of its tambons a band, the tambon's
projects (what each asks state agencies and the province for: for one or two fiscal years a
column per year, a docxtpl column loop, and their total; from three years on one column of a
line per year, as the coordination list), a total per tambon, per strategy and for the district. The table is laid out
from its content when rendered (``docx.layout``, as every table of tambondoc); the heading repeats
on each page. The chief signs as chair of the ก.บ.อ.
"""

from __future__ import annotations

from pathlib import Path

from docx.shared import Cm

from templates.base import (
    autofit,
    cell_shading,
    list_pages,
    money,
    new_document,
    paragraph_style,
    row_options,
    save,
    show,
    table_layout,
    vertical_align,
)

NAME = "needs-plan.docx"
NARROW, ELSE, END = "{%tc if not needs.wide_years %}", "{%tc else %}", "{%tc endif %}"
YEAR_LOOP, YEAR_END = "{%tc for y in needs.years %}", "{%tc endfor %}"
# number, project, target, place; the budget as eight template columns: for one or two years the
# year loop (its tags and one year) and the total, from three years on (``needs.wide_years``) one
# column of year lines and their total, as the coordination list; then sources, agency
COLUMNS = [0.8, 6.0, 4.6, 2.6, 0.2, 0.2, 2.2, 0.2, 2.4, 0.2, 3.4, 0.2, 2.6, 4.6]
BUDGET = 4          # the budget's first template cell
AFTER_BUDGET = BUDGET + 8  # the sources' column
SPAN = "{% colspan (7 if needs.wide_years else 7 + needs.years|length) %}"  # a band across the rendered table
WIDTH = 26.2
GROUP_FILL, TOTAL_FILL = "EDEDED", "D9D9D9"


def _styles(doc) -> None:
    paragraph_style(doc, "List Title", size=18, bold=True, align="center")
    paragraph_style(doc, "List Subtitle", size=16, bold=True, align="center")
    paragraph_style(doc, "List Cover", base="Body Text", first_indent_cm=2.5, space_before=6, space_after=6)
    paragraph_style(doc, "Table Group", size=14, base="Table Text", bold=True, keep_next=True)
    paragraph_style(doc, "Table Total", size=14, base="Table Text", bold=True, align="right")
    paragraph_style(doc, "Table Total Number", size=14, base="Table Number", bold=True)
    paragraph_style(doc, "Table Grand Total", size=14, base="Table Total", bold=True, align="right", keep_next=True)
    paragraph_style(doc, "Table Grand Total Number", size=14, base="Table Total Number", bold=True, keep_next=True)
    paragraph_style(doc, "List Total", base="Body Text", bold=True, first_indent_cm=0, space_before=6, keep_next=True)
    for name, before in (("Signature Name", 36), ("Signature", 0)):
        sig = paragraph_style(doc, name, align="center", space_before=before, keep_next=True)
        sig.paragraph_format.left_indent = Cm(13.0)
    paragraph_style(doc, "Page Number", align="center")


def _text(cell, text: str, style: str) -> None:
    cell.paragraphs[0].text = text
    cell.paragraphs[0].style = style


def _budget(row, loop: str, year: str, total: str, wide: list[str], style: str) -> None:
    """The eight budget template cells of a row: the year loop over ``loop`` showing ``year``, and
    ``total``; else one cell of ``wide`` paragraphs."""
    cells = [NARROW, YEAR_LOOP.replace("y in needs.years", loop) if loop else YEAR_LOOP, year, YEAR_END, total,
             ELSE, None, END]
    for i, text in enumerate(cells):
        if text is not None:
            _text(row.cells[BUDGET + i], text, style)
    cell = row.cells[BUDGET + 6]
    _text(cell, wide[0], style)
    for text in wide[1:]:
        cell.add_paragraph(text, style=style)


def _amounts(row, of: str, total: str, style: str) -> None:
    """The amounts of ``of`` (a project or totals): a column per year and the ``total``, or a line
    per year with money and the total under them ('2571 <tab> 200,000': ``docx.amount_lines``)."""
    _budget(row, "a in " + of + ".year_amounts", money("a"), money(total),
            ["{%p for l in " + of + ".year_lines %}", show("l.year") + " \t" + money("l.amount"), "{%p endfor %}",
             "{%p if " + of + ".year_lines|length > 1 %}", "รวม \t" + money(total), "{%p endif %}"], style)


def _band(row, text: str, fill: str) -> None:
    cell = row.cells[0].merge(row.cells[len(COLUMNS) - 1])
    _text(cell, text + SPAN, "Table Group")
    cell_shading(cell, fill)
    row_options(row)


def _total(row, label: str, of: str, style: str, fill: str) -> None:
    _text(row.cells[0].merge(row.cells[BUDGET - 1]), label, style)
    _amounts(row, of, of + ".amount", style + " Number")
    row.cells[AFTER_BUDGET].merge(row.cells[len(COLUMNS) - 1]).paragraphs[0].style = style
    for cell in row.cells:
        cell_shading(cell, fill)
    row_options(row)


def _table(doc) -> None:
    rows = ["head", "group-for", "group", "tambon-for", "tambon", "project-for", "project", "project-end",
            "tambon-total", "tambon-end", "group-total", "group-end", "total"]
    table = doc.add_table(rows=len(rows), cols=len(COLUMNS))
    table_layout(table, [w * WIDTH / sum(COLUMNS) for w in COLUMNS], cell_margin_cm=0.1)
    autofit(table)
    r = dict(zip(rows, table.rows))
    head = r["head"]
    for i, label in enumerate(["ที่", "โครงการ/กิจกรรม", "เป้าหมาย (ผลผลิต)", "สถานที่ (หมู่ที่)"]):
        _text(head.cells[i], label, "Table Heading")
    _budget(head, "", "ปี " + show("y") + "\n(บาท)", "รวม (บาท)", ["งบประมาณ (บาท)"], "Table Heading")
    for i, label in enumerate(["แหล่งงบประมาณที่ขอ", "หน่วยงานรับผิดชอบหลัก"], AFTER_BUDGET):
        _text(head.cells[i], label, "Table Heading")
    row_options(head, header=True)
    for cell in head.cells:
        vertical_align(cell, "center")
        cell_shading(cell, TOTAL_FILL)
    _text(r["group-for"].cells[0], "{%tr for g in needs.groups %}", "Table Text")
    _band(r["group"], show("g.name", "prose"), GROUP_FILL)
    _text(r["tambon-for"].cells[0], "{%tr for t in g.tambons %}", "Table Text")
    _band(r["tambon"], "ตำบล{{ t.name }}", GROUP_FILL)
    _text(r["project-for"].cells[0], "{%tr for p in t.projects %}", "Table Text")
    project = r["project"]
    _text(project.cells[0], show("p.no"), "Table Number")
    # the target a line each, without blank lines typed between them (as the plan book prints it)
    for i, value in enumerate(["p.name", "(p.target|paragraphs|join('\\n'))", "p.place_text"], 1):
        _text(project.cells[i], show(value), "Table Text")
    _amounts(project, "p", "p.total", "Table Number")
    _text(project.cells[AFTER_BUDGET], "{{ p.sources_text|replace(', ', '\\n') }}", "Table Text")
    _text(project.cells[AFTER_BUDGET + 1], show("p.agency"), "Table Text")
    row_options(project)
    _text(r["project-end"].cells[0], "{%tr endfor %}", "Table Text")
    _total(r["tambon-total"], "รวมตำบล{{ t.name }} " + show("t.totals.count") + " โครงการ", "t.totals", "Table Total",
           GROUP_FILL)
    _text(r["tambon-end"].cells[0], "{%tr endfor %}", "Table Text")
    _total(r["group-total"], "รวม" + show("g.name", "prose") + " " + show("g.totals.count") + " โครงการ", "g.totals",
           "Table Total", GROUP_FILL)
    _text(r["group-end"].cells[0], "{%tr endfor %}", "Table Text")
    _total(r["total"], "รวมทั้งสิ้น " + show("needs.totals.count") + " โครงการ", "needs.totals", "Table Grand Total",
           TOTAL_FILL)


def build(folder: Path) -> Path:
    doc = new_document(landscape=True)
    _styles(doc)
    list_pages(doc)
    doc.core_properties.comments = "page-numerals={{ settings.prose_numerals }}"
    doc.add_paragraph("แผนความต้องการระดับอำเภอ{{ district.amphoe }} จังหวัด{{ district.changwat }}", style="List Title")
    doc.add_paragraph("ปีงบประมาณ พ.ศ. " + show("needs.years_text", "prose"), style="List Subtitle")
    doc.add_paragraph("เสนอคณะกรรมการบริหารงานจังหวัดแบบบูรณาการ (ก.บ.จ.) {{ district.changwat }}", style="List Subtitle")
    doc.add_paragraph(
        "คณะกรรมการบริหารงานอำเภอแบบบูรณาการ (ก.บ.อ.) {{ district.amphoe }} ได้รวบรวมแผนงาน/โครงการจากแผนพัฒนาตำบล "
        "จำนวน " + show("needs.tambon_count", "prose") + " ตำบล ที่ต้องขอรับการสนับสนุนงบประมาณจากหน่วยงานภาครัฐ"
        "และงบพัฒนาจังหวัด จำนวน " + show("needs.totals.count", "prose") + " โครงการ งบประมาณรวม "
        + show("needs.totals.amount|money", "prose") + " บาท ({{ needs.amount_text }}) "
        "จัดกลุ่มตามประเด็นยุทธศาสตร์การพัฒนาจังหวัดและตำบล ดังนี้", style="List Cover")
    _table(doc)
    doc.add_paragraph("รวมทั้งสิ้น " + show("needs.totals.count", "prose") + " โครงการ งบประมาณ "
                      + show("needs.totals.amount|money", "prose") + " บาท ({{ needs.amount_text }})", style="List Total")
    doc.add_paragraph("({{ district.chief.name }})", style="Signature Name")
    doc.add_paragraph(show("district.chief.position", "prose"), style="Signature")
    doc.add_paragraph("ประธานคณะกรรมการบริหารงานอำเภอแบบบูรณาการ (ก.บ.อ.) {{ district.amphoe }}", style="Signature")
    save(doc, folder / NAME)
    return folder / NAME
