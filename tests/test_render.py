"""The rendering shortcuts keep what docxtpl would have produced."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from tambondoc.docx.render import render_docx
from tambondoc.docx.stream import SLICE


def body_xml(content: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode("utf-8")


def one_line_template(tmp_path: Path, text: str) -> Path:
    doc = Document()
    doc.add_paragraph(text)
    path = tmp_path / "t.docx"
    doc.save(path)
    return path


def test_line_break_in_a_value_becomes_a_word_line_break(tmp_path: Path) -> None:
    template = one_line_template(tmp_path, "{{ note }}")
    content, _ = render_docx(template, {"note": "บรรทัดแรก\nบรรทัดสอง"}, tmp_path)
    xml = body_xml(content)
    assert "บรรทัดแรก</w:t><w:br/><w:t xml:space=\"preserve\">บรรทัดสอง" in xml


def test_tab_in_a_value_becomes_a_word_tab(tmp_path: Path) -> None:
    template = one_line_template(tmp_path, "{{ note }}")
    xml = body_xml(render_docx(template, {"note": "ก\tข"}, tmp_path)[0])
    assert "<w:tab/>" in xml and "\t" not in xml


def test_plain_value_is_left_as_text(tmp_path: Path) -> None:
    template = one_line_template(tmp_path, "{{ note }}")
    xml = body_xml(render_docx(template, {"note": "ไม่มีการขึ้นบรรทัด"}, tmp_path)[0])
    assert "<w:t xml:space=\"preserve\">ไม่มีการขึ้นบรรทัด</w:t>" in xml and "<w:br/>" not in xml


def test_a_line_never_starts_with_mai_yamok(tmp_path: Path) -> None:
    """Thai writes 'ต่าง ๆ' with a space, and a line must not start with the ๆ: LibreOffice broke a
    narrow column's heading 'อื่น ๆ' there. The spaces before it, printed or in the template's own
    text, become no-break spaces; safe markup stays unescaped."""
    template = one_line_template(tmp_path, "อื่น ๆ {{ note }} {{ rich|safe }}")
    xml = body_xml(render_docx(template, {"note": "สิ่งต่าง  ๆ ในตำบล", "rich": "เล็ก ๆ &amp; น้อย"}, tmp_path)[0])
    assert "อื่น\u00a0ๆ สิ่งต่าง\u00a0\u00a0ๆ ในตำบล เล็ก\u00a0ๆ &amp; น้อย" in xml
    assert " ๆ" not in xml


def test_long_body_streams_in_order_without_placeholder(tmp_path: Path) -> None:
    """A body much larger than one parser slice comes out whole, in order, declared once."""
    doc = Document()
    doc.add_paragraph("{% for i in rows %}")
    doc.add_paragraph("แถว {{ i }} ข้อความภาษาไทยยาวพอสมควร")
    doc.add_paragraph("{% endfor %}")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "{{ rows|length }}"
    table.cell(0, 1).text = "ท้ายตาราง"
    doc.add_paragraph("จบ")
    doc.save(tmp_path / "long.docx")
    content, _ = render_docx(tmp_path / "long.docx", {"rows": list(range(3000))}, tmp_path)
    xml = body_xml(content)
    numbers = [int(n) for n in re.findall(r"แถว (\d+) ", xml)]
    assert numbers == list(range(3000))
    assert xml.index("แถว 2999") < xml.index(">3000<") < xml.index("ท้ายตาราง") < xml.index(">จบ<")
    assert "tambondoc" not in xml and xml.count("xmlns:w=") == 1
    etree.fromstring(xml.encode("utf-8"))  # strict: every prefix the streamed chunks use is declared
    assert xml.rstrip().endswith("</w:sectPr></w:body></w:document>")


def test_column_loop_grid_matches_cells(tmp_path: Path) -> None:
    """The grid follows the cells a {%tc for %} loop makes, as docxtpl's own fix does."""
    doc = Document()
    table = doc.add_table(rows=2, cols=4)
    for row, label in enumerate(("ปี", "รวม")):
        for col, text in enumerate((label, "{%tc for y in years %}", "{{ y }}", "{%tc endfor %}")):
            table.cell(row, col).text = text
    doc.save(tmp_path / "cols.docx")
    for years in ([2570], [2570, 2571, 2572, 2573]):
        xml = body_xml(render_docx(tmp_path / "cols.docx", {"years": years}, tmp_path)[0])
        rows = re.findall(r"<w:tr[ >].*?</w:tr>", xml)
        assert xml.count("<w:gridCol ") == len(years) + 1
        assert all(row.count("<w:tc>") == len(years) + 1 for row in rows)


def _field_run(doc_paragraph: Any, kind: str) -> None:
    run = doc_paragraph.add_run()._r
    fld = OxmlElement("w:fldChar")
    fld.set(qn("w:fldCharType"), kind)
    run.append(fld)


def test_table_of_contents_lists_headings_that_come_later(tmp_path: Path) -> None:
    """The TOC is held while the rest of the body streams past it, then filled in order."""
    doc = Document()
    begin = doc.add_paragraph()
    _field_run(begin, "begin")
    instr = OxmlElement("w:instrText")
    instr.text = ' TOC \\o "1-2" \\h '
    begin.add_run()._r.append(instr)
    _field_run(begin, "separate")
    doc.add_paragraph("สารบัญจะปรากฏที่นี่")
    _field_run(doc.add_paragraph(), "end")
    doc.add_paragraph("{% for i in range(1500) %}")
    doc.add_paragraph("เนื้อความย่อหน้าที่ {{ i }} ยาวพอให้เนื้อเอกสารเกินหนึ่งช่วงของการอ่าน")
    doc.add_paragraph("{% endfor %}")
    doc.add_heading("ส่วนที่ ๑ บทนำ", level=1)
    doc.add_heading("๑.๑ ความเป็นมา", level=2)
    doc.add_heading("ระดับสามไม่อยู่ในสารบัญ", level=3)
    doc.add_heading("ส่วนที่ ๒ แผนงาน", level=1)
    doc.save(tmp_path / "toc.docx")
    xml = body_xml(render_docx(tmp_path / "toc.docx", {}, tmp_path)[0])
    toc = xml[: xml.index("เนื้อความย่อหน้าที่ 0")]
    assert "สารบัญจะปรากฏที่นี่" not in toc
    found = re.findall(r"<w:t[^>]*>([^<]*)</w:t>", toc)
    assert found == ["ส่วนที่ ๑ บทนำ", "๑.๑ ความเป็นมา", "ส่วนที่ ๒ แผนงาน"]
    assert len(xml) > 3 * SLICE and xml.count("ส่วนที่ ๒ แผนงาน") == 2


def test_same_plan_same_bytes_with_properties_and_alt_text(tmp_path: Path) -> None:
    """Two builds of one plan give identical files: the documents are dated with the plan's own
    dates (zip entries too), made by tambondoc, in Thai; pictures carry alt text."""
    import datetime as dt
    import shutil

    from conftest import run

    from tambondoc import __version__
    from tambondoc.resources import sample_plan

    plan = tmp_path / "plans" / "example-tambon.yaml"
    shutil.copytree(sample_plan().parent, plan.parent)
    for out in ("a", "b"):
        assert run("build", plan, "-o", tmp_path / out, "--force").code == 0
    first = sorted((tmp_path / "a" / plan.stem).glob("*.*x"))
    assert len(first) == 6
    for f in first:
        assert f.read_bytes() == (tmp_path / "b" / plan.stem / f.name).read_bytes(), f.name
        with zipfile.ZipFile(f) as z:
            assert {i.date_time for i in z.infolist()} in ({(2027, 3, 20, 0, 0, 0)}, {(2027, 1, 12, 0, 0, 0)})
    order = Document(str(tmp_path / "a" / plan.stem / "kbt-order.docx")).core_properties
    assert (order.author, order.language, order.created) == (f"tambondoc {__version__}", "th-TH", dt.datetime(2027, 1, 12, tzinfo=dt.UTC))
    assert order.title.startswith("คำสั่งอำเภอเนินสะอาด ที่ 15/2570 เรื่อง แต่งตั้งคณะกรรมการบริหารงานตำบลแบบบูรณาการ")
    book = Document(str(tmp_path / "a" / plan.stem / "plan-book.docx"))
    assert book.core_properties.title == "แผนพัฒนาตำบลหนองบัวงาม พ.ศ. 2571-2572"
    assert book.core_properties.created == dt.datetime(2027, 3, 20, tzinfo=dt.UTC)
    described = [el.get("descr") for el in book.element.body.iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")]
    assert described == ["แผนที่ตำบลหนองบัวงาม", "เวทีประชาคมทบทวนแผนพัฒนาตำบล วันที่ 10 กุมภาพันธ์ 2570",
                         "ก.บ.ต. จัดลำดับความสำคัญโครงการ"]


def test_alt_text_with_quotes_and_ampersands_stays_well_formed(example_plan: Path, tmp_path: Path) -> None:
    from conftest import replace_in, run

    replace_in(example_plan, "caption: ก.บ.ต. จัดลำดับความสำคัญโครงการ", "caption: 'ก.บ.ต. \"จัดลำดับ\" & <ทบทวน>'")
    assert run("build", example_plan, "-o", tmp_path).code == 0
    book = Document(str(tmp_path / example_plan.stem / "plan-book.docx"))
    described = [el.get("descr") for el in book.element.body.iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")]
    assert described[-1] == 'ก.บ.ต. "จัดลำดับ" & <ทบทวน>'


def test_a_long_table_is_serialised_a_row_at_a_time_to_the_same_bytes() -> None:
    """A long table's rows are serialised one by one (not the whole table's XML twice over beside
    its tree): the bytes are the table's, declarations the body already makes left out."""
    from tambondoc.docx.stream import ROWS, _Stream

    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
    rows = "".join(f'<w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">แถว {i} &amp; &lt;ข้อความ&gt; </w:t></w:r></w:p>'
                   f"</w:tc></w:tr>\n" for i in range(ROWS + 5))
    body = etree.fromstring(f'<w:document {ns}><w:body>\n<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="100"/>'
                            f"</w:tblGrid>{rows}</w:tbl>\n<w:p/></w:body></w:document>".encode())[0]
    stream = _Stream(finisher=None)  # type: ignore[arg-type]
    stream.start(body)
    whole, pieces = stream.serialise(body[0]), stream.serialise_rows(body[0])
    assert len(pieces) == ROWS + 5 + 4  # its start tag, tblPr, tblGrid, each row, its end tag
    assert b"".join(pieces) == whole and b"xmlns" not in whole
