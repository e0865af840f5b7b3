"""A list's mark stays on the line of its first word: in a narrow column '1.' stood alone at a
line's end (at the foot of a page, its text on the next) when the word after it did not fit."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from conftest import replace_in, run

from tambondoc.thai import keep_list_marks

NBSP, JOINER = "\u00a0", "\u2060"


@pytest.mark.parametrize(("text", "printed"), [
    ("1. นครสวรรค์ทุนนิยม\n2.  กะท้าง", f"1.{NBSP}นครสวรรค์ทุนนิยม\n2.{NBSP}{NBSP}กะท้าง"),
    ("1. ก\r\n2) ข\n(3) ค\n๔. ง\n๕) จ", f"1.{NBSP}ก\r\n2){NBSP}ข\n(3){NBSP}ค\n๔.{NBSP}ง\n๕){NBSP}จ"),
    ("- ซ่อมถนน\n• อบรม\n  – ศึกษาดูงาน", f"-{JOINER}{NBSP}ซ่อมถนน\n•{NBSP}อบรม\n  –{JOINER}{NBSP}ศึกษาดูงาน"),
    # not a list's mark: a range's dash, a decimal, a number inside a line, a mark alone, no text after it
    ("ต.ค. 2570 - ก.ย. 2571", "ต.ค. 2570 - ก.ย. 2571"),
    ("1.5 ไร่ ข้อ 2. ถนน", "1.5 ไร่ ข้อ 2. ถนน"),
    ("-", "-"),
    ("1. \n- ", "1. \n- "),
    ("123. ถนน", "123. ถนน"),
])
def test_a_list_mark_is_joined_to_its_first_word(text: str, printed: str) -> None:
    assert keep_list_marks(text) == printed


def test_the_documents_print_a_numbered_line_with_its_number_kept(example_plan: Path, tmp_path: Path) -> None:
    replace_in(example_plan, "    kpi: มีฝายที่ใช้งานได้ 1 แห่ง",
               '    kpi: "1. นครสวรรค์ทุนนิยมครุฑพาหเอ่ยถึง\\n- ซ่อมแซมถนนลูกรัง"')
    replace_in(example_plan, "    target: ฝายคอนกรีตเสริมเหล็ก 1 แห่ง กว้าง 12 เมตร",
               '    target: "1. ฝายคอนกรีตเสริมเหล็ก 1 แห่ง\\n2. กว้าง 12 เมตร"')
    assert run("build", example_plan, "-o", tmp_path / "out").code == 0
    outdir = tmp_path / "out" / example_plan.stem
    with zipfile.ZipFile(outdir / "coordination-abt-nongbua.docx") as z:
        listed = z.read("word/document.xml").decode("utf-8")
    assert f"1.{NBSP}นครสวรรค์ทุนนิยมครุฑพาหเอ่ยถึง</w:t><w:br/><w:t xml:space=\"preserve\">-{JOINER}{NBSP}ซ่อมแซม" in listed
    assert f"1.{NBSP}ฝายคอนกรีตเสริมเหล็ก" in listed
    with zipfile.ZipFile(outdir / "plan-book.docx") as z:
        book = z.read("word/document.xml").decode("utf-8")
    assert f">1.{NBSP}ฝายคอนกรีตเสริมเหล็ก 1 แห่ง<" in book and f">2.{NBSP}กว้าง 12 เมตร<" in book
    with zipfile.ZipFile(outdir / "coordination-abt-nongbua.xlsx") as z:  # a workbook's cells as typed
        sheets = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert "1. นครสวรรค์ทุนนิยมครุฑพาหเอ่ยถึง" in sheets and NBSP not in sheets


def test_the_list_prints_a_text_a_line_each_without_its_blank_lines(example_plan: Path, tmp_path: Path) -> None:
    """Blank lines typed between a text's lines printed as empty lines in the list's narrow cells;
    the plan book, which prints a text's lines as paragraphs, never showed them."""
    replace_in(example_plan, "    objective: เพื่อเพิ่มปริมาณการกักเก็บน้ำสำหรับการเกษตร",
               '    objective: "1. เพื่อเพิ่มปริมาณน้ำ\\n\\n\\n  2. เพื่อการเกษตร  \\n"')
    assert run("build", example_plan, "-o", tmp_path / "out").code == 0
    with zipfile.ZipFile(tmp_path / "out" / example_plan.stem / "coordination-tm-nongbua.docx") as z:
        listed = z.read("word/document.xml").decode("utf-8")
    assert (f">1.{NBSP}เพื่อเพิ่มปริมาณน้ำ</w:t><w:br/><w:t xml:space=\"preserve\">2.{NBSP}เพื่อการเกษตร</w:t></w:r>"
            in listed)
