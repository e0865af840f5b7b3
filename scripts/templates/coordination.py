"""Build templates/docx/coordination.docx: the coordination list (บัญชีประสานโครงการพัฒนา)
the ก.บ.ต. sends to one local government (อปท.).

A4 landscape. The table follows the local plan form ผ.02 so the อปท. can copy it: one
budget column per fiscal year (a docxtpl column loop), projects grouped by strategy with a
subtotal per group and a grand total. The header rows repeat on every page and no row
splits across pages.
"""

from __future__ import annotations

from pathlib import Path

from docx.shared import Cm

from tambondoc.context.columns import (
    COORDINATION_AFTER_BUDGET,
    COORDINATION_BEFORE_BUDGET,
    FIELD_BY_KEY,
    NUMBER_HEADING,
)
from templates.base import (
    cell_shading,
    header_page_numbers,
    new_document,
    paragraph_style,
    row_options,
    save,
    table_layout,
    vertical_align,
)

NAME = "coordination.docx"
YEAR_LOOP, YEAR_END = "{%tc for y in years %}", "{%tc endfor %}"
# (heading, width cm); the three budget columns are the year loop: its tags and one year,
# which the renderer widens to one column per fiscal year within the same table width.
WIDTHS = {"name": 3.7, "objective": 3.0, "target": 3.0, "location": 1.7, "kpi": 2.6, "expected_result": 2.4,
          "agency": 2.2, "note": 2.0}
COLUMNS = ([(NUMBER_HEADING, 0.8)]
           + [("\n".join(FIELD_BY_KEY[k].form), WIDTHS[k]) for k in COORDINATION_BEFORE_BUDGET]
           + [("", 0.6), ("", 3.1), ("", 0.6)]
           + [("\n".join(FIELD_BY_KEY[k].form), WIDTHS[k]) for k in COORDINATION_AFTER_BUDGET])
BUDGET = 4  # index of the year loop's opening column
AFTER = len(COLUMNS) - BUDGET - 3  # columns after the budget
GROUP_FILL, TOTAL_FILL = "EDEDED", "D9D9D9"


def _styles(doc) -> None:
    paragraph_style(doc, "List Title", size=18, bold=True, align="center")
    paragraph_style(doc, "List Subtitle", size=16, bold=True, align="center", space_after=6)
    paragraph_style(doc, "List Cover", base="Body Text", first_indent_cm=2.5, space_after=6)
    paragraph_style(doc, "Table Group", base="Table Text", bold=True, keep_next=True)
    paragraph_style(doc, "Table Total", base="Table Text", bold=True, align="right")
    paragraph_style(doc, "Table Total Number", base="Table Number", bold=True)
    # the grand total stays on the page of the signature
    paragraph_style(doc, "Table Grand Total", base="Table Total", bold=True, align="right", keep_next=True)
    paragraph_style(doc, "Table Grand Total Number", base="Table Total Number", bold=True, align="right",
                    keep_next=True)
    for name, before in (("Signature Name", 48), ("Signature", 0)):
        sig = paragraph_style(doc, name, align="center", space_before=before, keep_next=True)
        sig.paragraph_format.left_indent = Cm(13.0)
    paragraph_style(doc, "Page Number", align="center")


def _fill(cell, text: str, style: str) -> None:
    lines = text.split("\n")
    par = cell.paragraphs[0]
    par.style = style
    run = par.add_run(lines[0])
    for line in lines[1:]:
        run.add_break()
        run.add_text(line)


def _span(row, first: int, last: int):
    """Merge cells first..last (inclusive) of a row into one."""
    return row.cells[first].merge(row.cells[last])


def _header(row) -> None:
    """One heading row (no merged cells: LibreOffice clips vertically merged cells in a
    repeated heading), the budget as one column per fiscal year."""
    for i, (label, _) in enumerate(COLUMNS):
        _fill(row.cells[i], label, "Table Heading")
    _fill(row.cells[BUDGET], YEAR_LOOP, "Table Heading")
    _fill(row.cells[BUDGET + 1], "งบประมาณ\nปี {{ y|num('table') }}\n(บาท)", "Table Heading")
    _fill(row.cells[BUDGET + 2], YEAR_END, "Table Heading")
    row_options(row, header=True)
    for cell in row.cells:
        vertical_align(cell, "center")
        cell_shading(cell, TOTAL_FILL)


def _amount_cells(row, loop: str) -> None:
    _fill(row.cells[BUDGET], "{%tc for a in " + loop + " %}", "Table Number")
    _fill(row.cells[BUDGET + 1], "{{ a|money(true)|num('table') }}", "Table Number")
    _fill(row.cells[BUDGET + 2], YEAR_END, "Table Number")


def _total_row(row, label: str, amounts: str, style: str, fill: str) -> None:
    head = _span(row, 0, BUDGET - 1)
    _fill(head, label, style)
    _amount_cells(row, amounts)
    for i in range(BUDGET, BUDGET + 3):
        row.cells[i].paragraphs[0].style = style + " Number"
    _span(row, BUDGET + 3, len(COLUMNS) - 1).paragraphs[0].style = style
    for cell in row.cells:
        cell_shading(cell, fill)
    row_options(row)


def _table(doc) -> None:
    rows = ["head", "group-for", "group", "project-for", "project", "project-end",
            "subtotal", "group-end", "total"]
    table = doc.add_table(rows=len(rows), cols=len(COLUMNS))
    table_layout(table, [w for _, w in COLUMNS], cell_margin_cm=0.1)
    r = dict(zip(rows, table.rows))
    _header(r["head"])
    r["group-for"].cells[0].paragraphs[0].text = "{%tr for g in lg.groups %}"
    group = _span(r["group"], 0, len(COLUMNS) - 1)
    _fill(group, "{{ g.name|num('table') }}{% colspan years|length + " + str(len(COLUMNS) - 3) + " %}", "Table Group")
    cell_shading(group, GROUP_FILL)
    row_options(r["group"])
    r["project-for"].cells[0].paragraphs[0].text = "{%tr for p in g.projects %}"
    project = r["project"]
    texts = {
        0: ("{{ loop.index|num('table') }}", "Table Number"),
        1: ("{{ p.name|num('table') }}", "Table Text"),
        2: ("{{ (p.objective or '-')|num('table') }}", "Table Text"),
        3: ("{{ (p.target or '-')|num('table') }}", "Table Text"),
        BUDGET + 3: ("{{ p.location_text|num('table') }}", "Table Text"),
        BUDGET + 4: ("{{ (p.kpi or '-')|num('table') }}", "Table Text"),
        BUDGET + 5: ("{{ (p.expected_result or '-')|num('table') }}", "Table Text"),
        BUDGET + 6: ("{{ p.agency|num('table') }}", "Table Text"),
        BUDGET + 7: ("{% if p.note %}{{ p.note|num('table') }}\n{% endif %}({{ p.id }})", "Table Text"),
    }
    for i, (text, style) in texts.items():
        _fill(project.cells[i], text, style)
    _amount_cells(project, "p.year_amounts")
    row_options(project)
    r["project-end"].cells[0].paragraphs[0].text = "{%tr endfor %}"
    _total_row(r["subtotal"], "รวม {{ g.totals.count|num('table') }} โครงการ", "g.totals.year_amounts",
               "Table Total", GROUP_FILL)
    r["group-end"].cells[0].paragraphs[0].text = "{%tr endfor %}"
    _total_row(r["total"], "รวมทั้งสิ้น {{ lg.totals.count|num('table') }} โครงการ", "lg.totals.year_amounts",
               "Table Grand Total", TOTAL_FILL)


def build(folder: Path) -> Path:
    doc = new_document(landscape=True)
    section = doc.sections[0]
    section.left_margin = section.right_margin = Cm(2.0)  # a wide table: 25.7 cm of text width
    _styles(doc)
    header_page_numbers(doc, thai=False)
    doc.add_paragraph("บัญชีประสานโครงการพัฒนา", style="List Title")
    doc.add_paragraph("แผนพัฒนาตำบล{{ tambon.name }} อำเภอ{{ tambon.amphoe }} จังหวัด{{ tambon.changwat }} "
                      "ปีงบประมาณ พ.ศ. {{ plan.years_text|num('prose') }}", style="List Subtitle")
    doc.add_paragraph("เสนอ {{ lg.name }} เพื่อพิจารณาบรรจุในแผนพัฒนาท้องถิ่น", style="List Subtitle")
    doc.add_paragraph(
        "คณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบล{{ tambon.name }} ได้จัดทำแผนพัฒนาตำบล"
        "{{ tambon.name }} ปีงบประมาณ พ.ศ. {{ plan.years_text|num('prose') }} "
        "{% if plan.approved_on %}ซึ่งได้รับความเห็นชอบเมื่อวันที่ {{ plan.approved_on|thai_date|num('prose') }} {% endif %}"
        "และได้จำแนกโครงการที่สอดคล้องกับทิศทางการพัฒนาและอำนาจหน้าที่ของ{{ lg.name }} "
        "จำนวน {{ lg.totals.count|num('prose') }} โครงการ งบประมาณรวม {{ lg.totals.amount|money|num('prose') }} บาท "
        "({{ lg.totals.amount|baht_text }}) ตามบัญชีนี้ จึงขอให้{{ lg.name }}พิจารณาบรรจุโครงการดังกล่าว"
        "ไว้ในแผนพัฒนาท้องถิ่น เพื่อให้การพัฒนาตำบล{{ tambon.name }}เป็นไปในทิศทางเดียวกัน",
        style="List Cover")
    _table(doc)
    doc.add_paragraph("({{ committee.chair.name }})", style="Signature Name")
    doc.add_paragraph("{{ committee.chair.position|num('prose') }}", style="Signature")
    doc.add_paragraph("ประธานคณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบล{{ tambon.name }}",
                      style="Signature")
    save(doc, folder / NAME)
    return folder / NAME


