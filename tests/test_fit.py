"""Amounts in a table whose widths the template fixed (docx/fit.py): shrunk to stay on one line,
a column at a time, in the tables handed over only, with run sizes built by lxml in schema order."""

from __future__ import annotations

from typing import Any

from lxml import etree

from tambondoc.docx.fit import fit_amounts
from tambondoc.docx.ooxml import W
from tambondoc.docx.styles import Styles, set_size

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
STYLES = f'<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>'


def _table(width: int, amounts: list[str]) -> str:
    rows = "".join(f'<w:tr><w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                   f'<w:p><w:r><w:t>{a}</w:t></w:r></w:p></w:tc></w:tr>' for a in amounts)
    return f"<w:tbl><w:tblGrid><w:gridCol w:w=\"{width}\"/></w:tblGrid>{rows}</w:tbl>"


def _sizes(tbl: Any) -> list[str | None]:
    return [(r.find(f"{W}rPr/{W}sz").get(W + "val") if r.find(f"{W}rPr/{W}sz") is not None else None)
            for r in tbl.iter(W + "r")]


def test_a_column_too_narrow_for_its_amounts_gets_one_smaller_size() -> None:
    body = etree.fromstring(f"<w:body {NS}>{_table(700, ['1,500,000', '20,000'])}{_table(700, ['1,500,000'])}</w:body>")
    narrow, other = body.findall(W + "tbl")
    fit_amounts([narrow], Styles(etree.fromstring(STYLES)))
    sizes = _sizes(narrow)
    assert sizes[0] is not None and sizes[0] == sizes[1] and 24 <= int(sizes[0]) < 32  # never below 12 pt
    assert _sizes(other) == [None]  # not handed over: laid out from its content elsewhere


def test_a_wide_enough_column_is_left_alone() -> None:
    body = etree.fromstring(f"<w:body {NS}>{_table(4000, ['1,500,000'])}</w:body>")
    fit_amounts(body.findall(W + "tbl"), Styles(etree.fromstring(STYLES)))
    assert _sizes(body.find(W + "tbl")) == [None]


def test_set_size_puts_sizes_in_schema_order() -> None:
    run = etree.fromstring(f'<w:r {NS}><w:rPr><w:b/><w:lang w:bidi="th-TH"/></w:rPr><w:t>1</w:t></w:r>')
    set_size(run, 28)
    set_size(run, 26)
    assert [c.tag.split("}")[1] for c in run.find(W + "rPr")] == ["b", "sz", "szCs", "lang"]
    assert etree.tostring(run.find(W + "rPr")).decode().count('w:val="26"') == 2
    bare = etree.fromstring(f"<w:r {NS}><w:t>1</w:t></w:r>")
    set_size(bare, 24)
    assert etree.tostring(bare).decode() == (f'<w:r {NS}><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>'
                                            "<w:t>1</w:t></w:r>")
