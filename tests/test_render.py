"""The rendering shortcuts keep what docxtpl would have produced."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document

from tambondoc.render import render_docx


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
