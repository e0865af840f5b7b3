"""The body rendered piece by piece into the stream (docx/chunks.py): the same document as when it
is rendered whole, and never the whole body as one string when the template fixes its sections."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_SECTION

from tambondoc.docx import patches
from tambondoc.docx.chunks import PIECE, rendered_pieces, static_sections
from tambondoc.docx.patches import prepared_class, prepared_template
from tambondoc.docx.render import _shared_environment, render_docx
from tambondoc.errors import PlanError

CONTEXT = {"rows": [{"name": f"โครงการ\t{i}\nบรรทัดสอง", "amount": i * 1000} for i in range(600)], "title": "แผน"}


def _template(tmp_path: Path, loop_sections: bool = False) -> Path:
    doc = Document()
    doc.add_paragraph("{{ title }}")
    if loop_sections:
        doc.add_paragraph("{%p for r in rows[:2] %}")
    doc.add_section(WD_SECTION.NEW_PAGE)
    if loop_sections:
        doc.add_paragraph("{%p endfor %}")
    table = doc.add_table(rows=3, cols=2)
    table.rows[0].cells[0].text = "{%tr for r in rows %}"
    table.rows[1].cells[0].text = "{{ r.name }}"
    table.rows[1].cells[1].text = "{{ r.amount|money }}"
    table.rows[2].cells[0].text = "{%tr endfor %}"
    doc.add_paragraph("ท้าย {{ rows|length }}")
    path = tmp_path / "t.docx"
    doc.save(path)
    return path


def _body(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml")


def test_pieces_are_cut_after_a_paragraph_and_fixed_one_by_one() -> None:
    text = "".join(f'\n<w:p><w:r><w:t>{i}\t{{_{{x}}_}}</w:t></w:r></w:p>' for i in range(5000))
    seen: list[str] = []

    def fix(piece: str) -> str:
        seen.append(piece)
        return piece.replace("\n<w:p>", "<w:p>").replace("{_{", "{{")

    pieces = list(rendered_pieces(iter(text[i:i + 1000] for i in range(0, len(text), 1000)), fix))
    assert len(pieces) > 1 and all(p.endswith("</w:p>") for p in seen)
    assert max(map(len, seen)) < PIECE + 1000
    assert "".join(pieces) == fix(text)


def test_sections_a_template_fixes_are_read_from_it() -> None:
    env = _shared_environment()
    fixed = '<w:body><w:p>{{ a }}</w:p><w:sectPr><w:pgSz w:h="16838"/></w:sectPr></w:body>'
    assert static_sections(fixed, env) == '<w:sectPr><w:pgSz w:h="16838"/></w:sectPr>'
    looped = '<w:body>{% for x in y %}<w:p><w:pPr><w:sectPr><w:pgSz/></w:sectPr></w:pPr></w:p>{% endfor %}</w:body>'
    assert static_sections(looped, env) is None
    tagged = '<w:body><w:sectPr><w:pgSz w:h="{{ h }}"/></w:sectPr></w:body>'
    assert static_sections(tagged, env) is None


@pytest.mark.parametrize("loop_sections", [False, True])
def test_pieces_make_the_document_the_whole_body_makes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       loop_sections: bool) -> None:
    path = _template(tmp_path, loop_sections)
    whole_called: list[bool] = []
    build_xml = prepared_class().build_xml

    def spy(self: object, *args: object) -> str:
        whole_called.append(True)
        return build_xml(self, *args)  # type: ignore[no-any-return]

    monkeypatch.setattr(prepared_class(), "build_xml", spy)
    streamed = _body(render_docx(path, CONTEXT, tmp_path)[0])
    assert whole_called == ([True] if loop_sections else [])  # a looped section: rendered whole
    monkeypatch.setattr(patches, "_sections_of", lambda source, env: None)
    whole = _body(render_docx(path, CONTEXT, tmp_path)[0])
    assert streamed == whole
    assert streamed.count(b"<w:tab/>") == 600 and "ท้าย 600".encode() in streamed


def test_an_error_while_rendering_pieces_names_the_tag(tmp_path: Path) -> None:
    path = _template(tmp_path)
    assert prepared_template(path) is not None
    with pytest.raises(PlanError) as caught:
        render_docx(path, {"rows": [{"name": "x"}], "title": "t"}, tmp_path)
    assert "amount" in str(caught.value) and "ใกล้ข้อความ" in str(caught.value)
