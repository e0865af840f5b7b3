"""The layout every order (คำสั่ง) and announcement (ประกาศ) of the district shares, under the
correspondence rules (ระเบียบงานสารบรรณ): the emblem, the heading lines, a rule, the body, the
members with their roles on the right, the duties, the closing, the date and the signature on the
right half. Every look is a named style, so a district restyles them in Word without touching the
tags; the builders (kbt_order, socho) only say what each part holds.
"""

from __future__ import annotations

from docx.shared import Cm

from templates.base import autofit, no_wrap, paragraph_border, paragraph_style, row_options, table_layout

N = "|num('order')"
# number, name and position, role: the 16 cm text width, a starting point for the layout step
# (docx.layout), which keeps each role on one line (the cells do not wrap) and gives the name
# and position the rest, one line each where they fit
MEMBER_COLUMNS = [1.0, 9.5, 5.5]


def styles(doc) -> None:
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


def heading(doc, lines: list[str]) -> None:
    """The emblem (3 cm, as on orders and announcements), the heading lines and the rule under them."""
    doc.add_paragraph("{{ image(garuda_image, height_cm=3, alt='ตราครุฑ') }}", style="Order Emblem")
    for line in lines:
        doc.add_paragraph(line, style="Order Heading")
    doc.add_paragraph("", style="Order Rule")


def each(doc, loop: str, text: str, style: str) -> None:
    """A paragraph repeated for each item: ``loop`` is the for-clause ('text in doc.items')."""
    doc.add_paragraph("{%p for " + loop + " %}")
    doc.add_paragraph(text, style=style)
    doc.add_paragraph("{%p endfor %}")


def members(doc, loop: str, cells: list[str]) -> None:
    """The members, a row each: number, name and position, role (the role kept on one line)."""
    table = doc.add_table(rows=3, cols=3)
    table_layout(table, MEMBER_COLUMNS, borders=False, cell_margin_cm=0.1)
    autofit(table)
    table.rows[0].cells[0].paragraphs[0].text = "{%tr for " + loop + " %}"
    row = table.rows[1]
    for cell, text, style in zip(row.cells, cells, ["Member Number", "Member Text", "Member Role"]):
        cell.paragraphs[0].text = text
        cell.paragraphs[0].style = style
    no_wrap(row.cells[2])
    row_options(row)
    table.rows[2].cells[0].paragraphs[0].text = "{%tr endfor %}"


def signature(doc, closing: str, date: str, name: str, position: str, on_behalf: str | None = None,
              behalf_if: str | None = None) -> None:
    """The closing line, the date line and the signature block; the on-behalf line only when
    ``behalf_if`` holds."""
    doc.add_paragraph(closing, style="Order Closing")
    doc.add_paragraph(date, style="Order Date")
    doc.add_paragraph(name, style="Signature Name")
    doc.add_paragraph(position, style="Signature")
    if on_behalf is not None:
        doc.add_paragraph("{%p if " + str(behalf_if) + " %}")
        doc.add_paragraph(on_behalf, style="Signature")
        doc.add_paragraph("{%p endif %}")
