"""The patches of docxtpl, python-docx and openpyxl (docx/patches.py, xlsx/patches.py) still fit
the pinned libraries: these fail when a library changes under them, before a document does."""

from __future__ import annotations

import hashlib
import inspect
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from docxtpl import DocxTemplate
from openpyxl import Workbook

from tambondoc.docx.environment import make_environment
from tambondoc.docx.patches import BoundedCache, prepared_class, prepared_template
from tambondoc.xlsx.patches import formula_cells, new_cell

# docxtpl's methods PreparedTemplate re-sequences or replaces, as they were when it was written
# (docxtpl 0.20.2). A new docxtpl that changes one of them needs patches.py reviewed.
DOCXTPL_SOURCES = {
    "render": "6ea018943e2fe4ab",
    "render_xml_part": "b762e42956e6709c",
    "patch_xml": "59341311e906ccb2",
    "build_xml": "210792ef9e97b524",
    "map_tree": "d01401c73b6e2fb6",
    "fix_tables": "da467aabccf452e4",
    "fix_docpr_ids": "3a606189fb525cb9",
    "render_properties": "41396f7eb8af1c43",
    "render_footnotes": "901d286ae2f10f33",
    "get_xml": "f19337a3de8a89fa",
    "save": "39f64a3b0c2eefce",
    "init_docx": "4d3e69a6f75ee387",
    "render_init": "34e9db59453cf487",
}


@pytest.mark.parametrize("method, digest", DOCXTPL_SOURCES.items())
def test_docxtpl_methods_are_the_ones_the_patch_was_written_for(method: str, digest: str) -> None:
    source = inspect.getsource(getattr(DocxTemplate, method))
    assert hashlib.sha256(source.encode()).hexdigest()[:16] == digest, \
        f"docxtpl's DocxTemplate.{method} changed: review tambondoc/docx/patches.py, then update this digest"


def _template(tmp_path: Path) -> Path:
    doc = Document()
    doc.add_paragraph("ตำบล{{ name }} {{ amount|money }}")
    table = doc.add_table(rows=3, cols=1)
    table.rows[0].cells[0].text = "{%tr for x in items %}"
    table.rows[1].cells[0].text = "{{ x }}"
    table.rows[2].cells[0].text = "{%tr endfor %}"
    doc.sections[0].header.paragraphs[0].text = "หัว {{ name }}"
    path = tmp_path / "t.docx"
    doc.save(path)
    return path


def _parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n).decode("utf-8") for n in ("word/document.xml", "word/header1.xml") if n in z.namelist()}


def _text(xml: str) -> str:
    import re

    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def test_prepared_template_renders_what_stock_docxtpl_renders(tmp_path: Path) -> None:
    path = _template(tmp_path)
    context = {"name": "หนองบัว", "amount": 1500, "items": ["ก", "ข", "ค"]}
    outputs = []
    for tpl in (DocxTemplate(str(path)), prepared_class()(prepared_template(path))):
        tpl.render(context, make_environment(), autoescape=True)
        buffer = io.BytesIO()
        tpl.save(buffer)
        outputs.append({name: _text(xml) for name, xml in _parts(buffer.getvalue()).items()})
    assert outputs[0] == outputs[1]
    assert outputs[1]["word/document.xml"] == "ตำบลหนองบัว 1,500กขค"
    assert outputs[1]["word/header1.xml"] == "หัว หนองบัว"


def test_streamed_body_replaces_the_placeholder_when_python_docx_saves(tmp_path: Path) -> None:
    tpl = prepared_class()(prepared_template(_template(tmp_path)))
    tpl.render({"name": "x", "amount": 1, "items": []}, make_environment(), autoescape=True)
    buffer = io.BytesIO()
    tpl.save(buffer)
    document = _parts(buffer.getvalue())["word/document.xml"]
    assert "urn:tambondoc:streamed-body" not in document and "ตำบลx" in _text(document)


def test_listing_characters_are_resolved_as_docxtpl_resolves_them(tmp_path: Path) -> None:
    """Only paragraphs whose text holds a tab, line break, bell or form feed are walked; the
    result is docxtpl's resolve_listing of the whole text, byte for byte."""
    tpl = prepared_class()(prepared_template(_template(tmp_path)))
    plain = '<w:p><w:pPr><w:pStyle w:val="A"/></w:pPr><w:r><w:t>ไม่มี</w:t></w:r></w:p>'
    listing = ('<w:p w:rsidR="1"><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>'
               '<w:t xml:space="preserve">1. ก\n2. ข\tค</w:t></w:r><w:r><w:t>\aง\fจ</w:t></w:r></w:p>')
    xml = "<w:tbl><w:tr><w:tc>" + plain + listing + "</w:tc></w:tr></w:tbl>" + plain * 3 + listing
    resolved = tpl.fix_rendered(xml)
    assert resolved == DocxTemplate.resolve_listing(tpl, xml)
    assert resolved.count("<w:br/>") == 2 and resolved.count(plain) == 4
    assert tpl.fix_rendered(plain * 2) == plain * 2


def test_bounded_cache_keeps_the_most_recent() -> None:
    cache: BoundedCache[int, str] = BoundedCache(2)
    cache.put(1, "a")
    cache.put(2, "b")
    assert cache.get(1) == "a"
    cache.put(3, "c")
    assert len(cache) == 2 and cache.get(2) is None and cache.get(1) == "a"


def test_new_cell_is_a_cell_openpyxl_saves(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    first = new_cell(ws, 2, 3, "ข้อความ", None)
    first.font = openpyxl.styles.Font(name="TH SarabunPSK", bold=True)
    second = new_cell(ws, 3, 3, 1500, first._style)
    assert ws.cell(2, 3) is first and ws.cell(3, 3) is second
    wb.save(tmp_path / "t.xlsx")
    back = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    assert back["C2"].value == "ข้อความ" and back["C3"].value == 1500
    assert back["C3"].font.bold and back["C3"].font.name == "TH SarabunPSK"


def test_formula_cells_reads_formulas_from_a_workbook_opened_for_values(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active["A1"], wb.active["B2"], wb.active["C2"] = "text", "=1+1", 3
    wb.save(tmp_path / "f.xlsx")
    opened = openpyxl.load_workbook(tmp_path / "f.xlsx", read_only=True, data_only=True)
    ws = opened.active
    assert formula_cells(ws, 10, 10) == {(2, 2)}
    assert [c.value for c in next(ws.iter_rows(min_row=2, max_row=2))] == [None, None, 3]  # values again
    opened.close()
