"""Build templates/docx/kbt-order.docx: the district order appointing the ก.บ.ต.

Laid out as a คำสั่ง under the correspondence rules (ระเบียบงานสารบรรณ): emblem, heading,
number, subject, rule, body, the members with their roles on the right, the duties, the
date and the signature on the right half. Every look is a named style, so a district can
restyle the order in Word without touching the tags.
"""

from __future__ import annotations

from pathlib import Path

from docx.shared import Cm

from templates.base import (
    autofit,
    header_page_numbers,
    new_document,
    no_wrap,
    paragraph_border,
    paragraph_style,
    row_options,
    save,
    table_layout,
)

NAME = "kbt-order.docx"
N = "|num('order')"
# number, name and position, role: the 16 cm text width, a starting point for the layout step
# (docx.layout), which keeps each role on one line (the cells do not wrap) and gives the name
# and position the rest, one line each where they fit
MEMBER_COLUMNS = [1.0, 9.5, 5.5]


def _styles(doc) -> None:
    paragraph_style(doc, "Order Emblem", align="center", space_after=6)
    paragraph_style(doc, "Order Heading", bold=True, align="center")
    rule = paragraph_style(doc, "Order Rule", size=8, align="center", space_after=10)
    rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = Cm(6.0)
    paragraph_border(rule, "bottom", 0.75)
    paragraph_style(doc, "Order Body", base="Body Text", align="thaiDistribute", first_indent_cm=2.5)
    paragraph_style(doc, "Order Lead", base="Order Body", space_before=6)
    paragraph_style(doc, "Member Text", align="left")
    paragraph_style(doc, "Member Number", align="right")
    paragraph_style(doc, "Member Role", align="left")
    paragraph_style(doc, "Order Item", base="Order Body", first_indent_cm=2.5)
    paragraph_style(doc, "Order Closing", base="Order Body", space_before=12, keep_next=True)
    date = paragraph_style(doc, "Order Date", align="left", space_before=12, keep_next=True)
    date.paragraph_format.left_indent = Cm(5.0)
    for name, before in (("Signature Name", 54), ("Signature", 0)):
        sig = paragraph_style(doc, name, align="center", space_before=before, keep_next=True)
        sig.paragraph_format.left_indent = Cm(6.0)
    paragraph_style(doc, "Page Number", align="center")


def _members(doc) -> None:
    table = doc.add_table(rows=3, cols=3)
    table_layout(table, MEMBER_COLUMNS, borders=False, cell_margin_cm=0.1)
    autofit(table)
    table.rows[0].cells[0].paragraphs[0].text = "{%tr for m in committee.members %}"
    row = table.rows[1]
    for cell, text, style in zip(
        row.cells,
        ["{{ m.no" + N + " }}.", "{{ m.name }}  {{ m.position" + N + " }}", "{{ m.role }}"],
        ["Member Number", "Member Text", "Member Role"],
    ):
        cell.paragraphs[0].text = text
        cell.paragraphs[0].style = style
    no_wrap(row.cells[2])
    row_options(row)
    table.rows[2].cells[0].paragraphs[0].text = "{%tr endfor %}"


def build(folder: Path) -> Path:
    doc = new_document()
    _styles(doc)
    header_page_numbers(doc, thai=True)
    props = doc.core_properties
    props.title = ("คำสั่งอำเภอ{{ tambon.amphoe|safe }} ที่ {{ committee.order.number }}/{{ committee.order.year }} "
                   "เรื่อง แต่งตั้งคณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบล{{ tambon.name|safe }}")
    props.subject = "แผนพัฒนาตำบล{{ tambon.name|safe }} อำเภอ{{ tambon.amphoe|safe }} จังหวัด{{ tambon.changwat|safe }}"
    props.comments = "tambondoc"
    doc.add_paragraph("{{ image(garuda_image, height_cm=3, alt='ตราครุฑ') }}", style="Order Emblem")
    doc.add_paragraph("คำสั่งอำเภอ{{ tambon.amphoe }}", style="Order Heading")
    doc.add_paragraph("ที่ {{ committee.order.number" + N + " }}/{{ committee.order.year" + N + " }}",
                      style="Order Heading")
    doc.add_paragraph("เรื่อง  แต่งตั้งคณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบล{{ tambon.name }}",
                      style="Order Heading")
    doc.add_paragraph("", style="Order Rule")
    doc.add_paragraph("{%p for text in committee.preamble_paragraphs %}")
    doc.add_paragraph("{{ text" + N + " }}", style="Order Body")
    doc.add_paragraph("{%p endfor %}")
    _members(doc)
    doc.add_paragraph("ให้คณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบล{{ tambon.name }} "
                      "มีอำนาจหน้าที่ ดังนี้", style="Order Lead")
    doc.add_paragraph("{%p for duty in committee.duties %}")
    doc.add_paragraph("({{ loop.index" + N + " }}) {{ duty" + N + " }}", style="Order Item")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป", style="Order Closing")
    doc.add_paragraph("สั่ง ณ วันที่ {{ committee.order_date.day" + N + " }} {{ committee.order_date.month }} "
                      "พ.ศ. {{ committee.order_date.year" + N + " }}", style="Order Date")
    doc.add_paragraph("({{ committee.signer.name }})", style="Signature Name")
    doc.add_paragraph("{{ committee.signer.position" + N + " }}", style="Signature")
    doc.add_paragraph("{%p if committee.signer.on_behalf %}")
    doc.add_paragraph("{{ committee.signer.on_behalf" + N + " }}", style="Signature")
    doc.add_paragraph("{%p endif %}")
    save(doc, folder / NAME)
    return folder / NAME


