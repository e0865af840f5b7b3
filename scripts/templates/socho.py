"""Build templates/docx/socho-order.docx and socho-announcement.docx: the district's order
appointing the working group that supports a community-organisation council (คณะทำงานส่งเสริม
ศูนย์ประสานงานองค์การชุมชน), and its announcement certifying the council's selected committee
(ประกาศรับรองการคัดเลือกคณะกรรมการบริหาร ศอช.), at tambon or district level (seed 004, items 3.2-3.5).

Both are laid out as the ก.บ.ต. order (``order_layout``); an announcement has no number, closes
with "จึงประกาศให้ทราบโดยทั่วกัน" and is dated "ประกาศ ณ วันที่". The context is ``doc`` (see
``context.orders``): its level (ตำบล/อำเภอ), place, number, preamble, members, duties, date, signer.
"""

from __future__ import annotations

from pathlib import Path

from templates.base import header_page_numbers, new_document, save
from templates.order_layout import N, each, heading, members, signature, styles

ORDER, ANNOUNCEMENT = "socho-order.docx", "socho-announcement.docx"
PLACE = "{% if doc.place %} {{ doc.place }}{% endif %}"
DATE = "{{ doc.date.day" + N + " }} {{ doc.date.month }} พ.ศ. {{ doc.date.year" + N + " }}"
MEMBER = ["{{ m.no" + N + " }}.", "{{ m.name }}  {{ m.position" + N + "|nobreak }}", "{{ m.role }}"]


def _document(lines: list[str]):
    doc = new_document()
    styles(doc)
    header_page_numbers(doc, thai=True)
    props = doc.core_properties
    props.title = " ".join(line.replace(N, "") for line in lines).replace("  ", " ")
    props.subject = "อำเภอ{{ doc.amphoe }}"
    props.comments = "tambondoc"
    heading(doc, lines)
    each(doc, "text in doc.preamble_paragraphs", "{{ text" + N + " }}", "Order Body")
    members(doc, "m in doc.members", MEMBER)
    return doc


def _signer(doc, closing: str, date: str) -> None:
    signature(doc, closing, date, "({{ doc.signer.name }})", "{{ doc.signer.position" + N + " }}",
              "{{ doc.signer.on_behalf" + N + " }}", "doc.signer.on_behalf")


def build_order(folder: Path) -> Path:
    doc = _document(["คำสั่งอำเภอ{{ doc.amphoe }}",
                     "ที่ {{ doc.number" + N + " }}/{{ doc.year" + N + " }}",
                     "เรื่อง  แต่งตั้งคณะทำงานส่งเสริมศูนย์ประสานงานองค์การชุมชนระดับ{{ doc.level }}" + PLACE])
    doc.add_paragraph("ให้คณะทำงานส่งเสริมศูนย์ประสานงานองค์การชุมชนระดับ{{ doc.level }}" + PLACE + " มีหน้าที่ ดังนี้",
                      style="Order Lead")
    each(doc, "duty in doc.duties", "({{ loop.index" + N + " }}) {{ duty" + N + " }}", "Order Item")
    _signer(doc, "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป", "สั่ง ณ วันที่ " + DATE)
    save(doc, folder / ORDER)
    return folder / ORDER


def build_announcement(folder: Path) -> Path:
    doc = _document(["ประกาศอำเภอ{{ doc.amphoe }}",
                     "เรื่อง  รับรองการคัดเลือกคณะกรรมการบริหารศูนย์ประสานงานองค์การชุมชนระดับ{{ doc.level }} "
                     "({{ doc.short }})" + PLACE])
    _signer(doc, "จึงประกาศให้ทราบโดยทั่วกัน", "ประกาศ ณ วันที่ " + DATE)
    save(doc, folder / ANNOUNCEMENT)
    return folder / ANNOUNCEMENT


def build(folder: Path) -> list[Path]:
    return [build_order(folder), build_announcement(folder)]
