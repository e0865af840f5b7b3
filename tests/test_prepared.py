"""Templates prepared once per process (docx/prepared.py): the documents are the ones python-docx
and docxtpl would write, the unchanged parts are the template's stored bytes, and nothing of one
document leaks into the next."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from docx import Document
from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage

from tambondoc.docx.environment import make_environment
from tambondoc.docx.finish import DocumentFinisher
from tambondoc.docx.patches import prepared_class, prepared_template
from tambondoc.docx.prepared import ChangedStub, finisher_copy
from tambondoc.docx.render import render_docx

IMAGE = ROOT / "plans" / "images" / "map.png"


def _template(tmp_path: Path, picture: bool = False) -> Path:
    doc = Document()
    if picture:
        doc.add_picture(str(IMAGE), width=Cm(2))  # a picture of the template's own: ids already used
    doc.add_paragraph("ตำบล{{ name }}")
    doc.add_paragraph("{{ image }}")
    doc.sections[0].header.paragraphs[0].text = "หัว {{ name }}"
    doc.core_properties.title = "แผน {{ name }}"
    path = tmp_path / "t.docx"
    doc.save(path)
    return path


def _render(tpl: DocxTemplate, name: str = "หนองบัว") -> dict[str, bytes]:
    context = {"name": name, "image": InlineImage(tpl, str(IMAGE), width=Cm(3))}
    tpl.render(context, make_environment(), autoescape=True)
    buffer = io.BytesIO()
    tpl.save(buffer)
    with zipfile.ZipFile(buffer) as z:
        assert z.testzip() is None
        return {i.filename: z.read(i.filename) for i in z.infolist()}


@pytest.mark.parametrize("picture", [False, True])
def test_every_part_but_the_body_is_what_docxtpl_writes(tmp_path: Path, picture: bool) -> None:
    """The body is streamed (its serialisation differs in namespace declarations only); every
    other part, pictures' names and relationships included, is byte for byte docxtpl's."""
    path = _template(tmp_path, picture)
    stock = _render(DocxTemplate(str(path)))
    ours = _render(prepared_class()(prepared_template(path)))
    assert list(ours) == list(stock)
    assert {n for n in stock if ours[n] != stock[n]} <= {"word/document.xml"}
    assert b"Picture %d" % (2 if picture else 1) in ours["word/document.xml"]
    assert ours["word/header1.xml"].count("หนองบัว".encode()) == 1
    assert "แผน หนองบัว".encode() in ours["docProps/core.xml"]


def test_unchanged_parts_are_copied_as_stored(tmp_path: Path) -> None:
    path = _template(tmp_path)
    out = io.BytesIO(render_docx(path, {"name": "x"}, tmp_path)[0])
    with zipfile.ZipFile(path) as template, zipfile.ZipFile(out) as document:
        same = {i.filename for i in document.infolist()
                if i.filename in template.namelist() and i.compress_size == template.getinfo(i.filename).compress_size
                and i.CRC == template.getinfo(i.filename).CRC}
    assert {"word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/theme/theme1.xml"} <= same


def test_each_document_starts_from_the_template(tmp_path: Path) -> None:
    path = _template(tmp_path)
    first = _render(prepared_class()(prepared_template(path)), "ก")
    second = _render(prepared_class()(prepared_template(path)), "ข")
    assert "ตำบลข".encode() in second["word/document.xml"] and "ตำบลก".encode() not in second["word/document.xml"]
    assert [n for n in first if n.startswith("word/media/")] == [n for n in second if n.startswith("word/media/")]


def test_a_template_edited_on_disk_is_prepared_again(tmp_path: Path) -> None:
    path = _template(tmp_path)
    assert prepared_template(path) is prepared_template(path)
    before = prepared_template(path)
    doc = Document(str(path))
    doc.add_paragraph("ใหม่ {{ name }}")
    doc.save(path)
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert prepared_template(path) is not before
    assert "ใหม่ x".encode() in _document(render_docx(path, {"name": "x"}, tmp_path)[0])


def _document(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml")


def test_a_render_that_changes_a_stubbed_part_fails_loudly(tmp_path: Path) -> None:
    tpl = prepared_class()(prepared_template(_template(tmp_path)))
    tpl.render({"name": "x", "image": ""}, make_environment(), autoescape=True)
    tpl.docx.styles.add_style("ใหม่", 1)  # the stub holds no styles: saving would lose them all
    with pytest.raises(ChangedStub):
        tpl.save(io.BytesIO())


def test_a_finisher_copy_has_the_state_of_a_new_finisher(tmp_path: Path) -> None:
    """finisher_copy resets a DocumentFinisher's per-document state by name: a new attribute of
    DocumentFinisher must be reset there too (or be shared, read-only, by every document)."""
    path = _template(tmp_path)
    fresh = DocumentFinisher(Document(str(path)), "thai", 1000)
    copied = finisher_copy(prepared_template(path), "thai", 1000)
    assert vars(copied).keys() == vars(fresh).keys()
    shared = {"styles"}  # the template's style index, read only
    assert {k: v for k, v in vars(copied).items() if k not in shared} == \
        {k: v for k, v in vars(fresh).items() if k not in shared}
    copied.pages.append("changed")
    assert finisher_copy(prepared_template(path), None, 0).pages != copied.pages


def test_default_templates_hold_no_dead_parts() -> None:
    """No Word 2010 copy of python-docx's default styles (stylesWithEffects.xml, 438 KB), no
    default bibliography (customXml) and no preview of a blank page in any default template."""
    for template in sorted((ROOT / "templates" / "docx").glob("*.docx")):
        with zipfile.ZipFile(template) as z:
            names = z.namelist()
            assert not [n for n in names if "stylesWithEffects" in n or n.startswith("customXml/") or "thumbnail" in n]
            assert b"stylesWithEffects" not in z.read("word/_rels/document.xml.rels")
            assert b"thumbnail" not in z.read("_rels/.rels") and b"customXml" not in z.read("[Content_Types].xml")
