"""Build templates/docx/kbt-order.docx: the district order appointing the ก.บ.ต.

Laid out as every order of the district (``order_layout``): emblem, heading, number, subject,
rule, body, the members with their roles on the right, the duties, the date and the signature on
the right half.
"""

from __future__ import annotations

from pathlib import Path

from templates.base import header_page_numbers, new_document, save
from templates.order_layout import N, each, heading, members, signature, styles

NAME = "kbt-order.docx"


def build(folder: Path) -> Path:
    doc = new_document()
    styles(doc)
    header_page_numbers(doc, thai=True)
    props = doc.core_properties
    props.title = ("คำสั่งอำเภอ{{ tambon.amphoe|safe }} ที่ {{ committee.order.number }}/{{ committee.order.year }} "
                   "เรื่อง แต่งตั้งคณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบล{{ tambon.name|safe }}")
    props.subject = "แผนพัฒนาตำบล{{ tambon.name|safe }} อำเภอ{{ tambon.amphoe|safe }} จังหวัด{{ tambon.changwat|safe }}"
    props.comments = "tambondoc"
    heading(doc, ["คำสั่งอำเภอ{{ tambon.amphoe }}",
                  "ที่ {{ committee.order.number" + N + " }}/{{ committee.order.year" + N + " }}",
                  "เรื่อง  แต่งตั้งคณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบล{{ tambon.name }}"])
    each(doc, "text in committee.preamble_paragraphs", "{{ text" + N + " }}", "Order Body")
    members(doc, "m in committee.members",
            ["{{ m.no" + N + " }}.", "{{ m.name }}  {{ m.position" + N + "|nobreak }}", "{{ m.role }}"])
    doc.add_paragraph("ให้คณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบล{{ tambon.name }} "
                      "มีอำนาจหน้าที่ ดังนี้", style="Order Lead")
    each(doc, "duty in committee.duties", "({{ loop.index" + N + " }}) {{ duty" + N + " }}", "Order Item")
    signature(doc, "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป",
              "สั่ง ณ วันที่ {{ committee.order_date.day" + N + " }} {{ committee.order_date.month }} "
              "พ.ศ. {{ committee.order_date.year" + N + " }}",
              "({{ committee.signer.name }})", "{{ committee.signer.position" + N + " }}",
              "{{ committee.signer.on_behalf" + N + " }}", "committee.signer.on_behalf")
    save(doc, folder / NAME)
    return folder / NAME
