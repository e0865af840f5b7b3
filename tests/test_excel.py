"""Excel in and out: template drop-downs, export sheets and formulas, import checks and merging."""

from __future__ import annotations

import difflib
import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import EXAMPLE, needs_libreoffice, replace_in, run, soffice
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

from tambondoc import measure
from tambondoc.context.build import build_context
from tambondoc.errors import PlanError
from tambondoc.importing.read import read_table
from tambondoc.plan.load import load_plan
from tambondoc.plan.splice import splice
from tambondoc.xlsx.look import column_points, row_height

S5 = "S5 ยุทธศาสตร์ด้านโครงสร้างพื้นฐานและการบริหารจัดการที่ดี"
S51 = "S5.1 พัฒนาถนนและระบบไฟฟ้าสาธารณะ"


def export(plan: Path) -> Path:
    out = plan.parent / "projects.xlsx"
    result = run("export-xlsx", plan, "-o", out)
    assert result.code == 0, result.out + result.err
    return out


def template(plan: Path) -> Path:
    out = plan.parent / "villages.xlsx"
    result = run("xlsx-template", plan, "-o", out)
    assert result.code == 0, result.out + result.err
    return out


def columns(ws: Any) -> dict[str, int]:
    return {c.value: c.column for c in ws[1] if c.value}


def edit(book: Path, out: Path, cells: dict[tuple[int, str], Any]) -> Path:
    """Copy of ``book`` with cells (row, header) set, saved as ``out``."""
    wb = openpyxl.load_workbook(book)
    ws = wb["โครงการ"]
    col = columns(ws)
    for (row, head), value in cells.items():
        ws.cell(row, col[head]).value = value
    wb.save(out)
    return out


def village_row(name: str = "ซ่อมถนนในหมู่บ้าน", village: Any = 3, amount: Any = 100000, **extra: Any) -> dict[str, Any]:
    return {"ชื่อโครงการ": name, "ยุทธศาสตร์": S5, "กลยุทธ์": S51, "หมู่ที่ดำเนินการ": village,
            "งบท้องถิ่น 2571": amount, "วิธีดำเนินการ": "ขอสนับสนุน", "หน่วยงานรับผิดชอบหลัก": "องค์การบริหารส่วนตำบลหนองบัวงาม",
            **extra}


def fill(book: Path, out: Path, rows: list[dict[str, Any]]) -> Path:
    return edit(book, out, {(r, h): v for r, row in enumerate(rows, 2) for h, v in row.items()})


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return [d[2:] for d in diff if d.startswith("- ")], [d[2:] for d in diff if d.startswith("+ ")]


def project(plan: Path, pid: str) -> dict[str, Any]:
    return next(p for p in load_plan(plan)[1]["projects"] if p["id"] == pid)


# ------------------------------------------------------------------ round trip and edits


def test_round_trip_leaves_plan_byte_identical(example_plan: Path) -> None:
    before = example_plan.read_bytes()
    book = export(example_plan)
    result = run("import-xlsx", book, "--into", example_plan)
    assert result.code == 0, result.err
    assert result.out.strip() == f"{example_plan}: ไม่มีการเปลี่ยนแปลง"
    assert result.err == ""
    assert example_plan.read_bytes() == before


def test_round_trip_of_texts_typed_on_windows_changes_nothing(example_plan: Path) -> None:
    """A text with CRLF line ends (typed on Windows, pasted from Word) is exported with a cell's
    LF line ends and read back as the same text: the plan is left as it is. Before, every such
    project was listed as edited and its text rewritten as a block with a line end added."""
    replace_in(example_plan, "objective: เพื่อเพิ่มปริมาณการกักเก็บน้ำสำหรับการเกษตร",
               'objective: "1. เพื่อเพิ่มปริมาณการกักเก็บน้ำ\\r\\n2. สำหรับการเกษตร"')
    before = example_plan.read_bytes()
    book = export(example_plan)
    cells = [c.value for row in openpyxl.load_workbook(book)["โครงการ"].iter_rows() for c in row]
    assert "1. เพื่อเพิ่มปริมาณการกักเก็บน้ำ\n2. สำหรับการเกษตร" in cells
    assert not any(isinstance(v, str) and "\r" in v for v in cells)
    result = run("import-xlsx", book, "--into", example_plan)
    assert result.code == 0, result.err
    assert result.out.strip() == f"{example_plan}: ไม่มีการเปลี่ยนแปลง"
    assert example_plan.read_bytes() == before


def test_round_trip_after_excel_style_save_with_floats(example_plan: Path, tmp_path: Path) -> None:
    """Excel keeps every number as a float: 450000.0 in a cell is the plan's 450000."""
    before = example_plan.read_bytes()
    book = export(example_plan)
    wb = openpyxl.load_workbook(book)
    ws = wb["โครงการ"]
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, int):
                cell.value = float(cell.value)
    wb.save(tmp_path / "floats.xlsx")
    result = run("import-xlsx", tmp_path / "floats.xlsx", "--into", example_plan)
    assert result.code == 0, result.err
    assert example_plan.read_bytes() == before


def test_edited_cell_changes_exactly_that_line(example_plan: Path, tmp_path: Path) -> None:
    before = example_plan.read_text(encoding="utf-8")
    book = edit(export(example_plan), tmp_path / "edited.xlsx", {(2, "ตัวชี้วัด (KPI)"): "มีน้ำกักเก็บเพิ่ม 60,000 ลบ.ม."})
    result = run("import-xlsx", book, "--into", example_plan)
    assert result.code == 0, result.err
    assert f"{book}:โครงการ!A2: แก้ไข P001: ตัวชี้วัด (KPI)" in result.out.splitlines()
    removed, added = changed_lines(before, example_plan.read_text(encoding="utf-8"))
    assert removed == ['    kpi: ปริมาณน้ำกักเก็บเพิ่มขึ้นไม่น้อยกว่า 50,000 ลูกบาศก์เมตร']
    assert added == ['    kpi: มีน้ำกักเก็บเพิ่ม 60,000 ลบ.ม.']


def test_edited_budget_cell_changes_only_its_budget_row(example_plan: Path, tmp_path: Path) -> None:
    before = example_plan.read_text(encoding="utf-8")
    book = edit(export(example_plan), tmp_path / "edited.xlsx", {(3, "งบท้องถิ่น 2572"): 250000})
    result = run("import-xlsx", book, "--into", example_plan)
    assert result.code == 0, result.err
    removed, added = changed_lines(before, example_plan.read_text(encoding="utf-8"))
    assert removed == ["      - {year: 2572, amount: 200000, funding: {local: 200000}}"]
    assert added == ["      - {year: 2572, amount: 250000, funding: {local: 250000}}"]
    assert project(example_plan, "P002")["budget"][1] == {"year": 2572, "amount": 250000, "funding": {"local": 250000}}


def test_a_budget_the_merged_plan_refuses_is_reported_at_its_cell(example_plan: Path, tmp_path: Path) -> None:
    """A year's amount too large passes the workbook's checks (each cell is within bounds) and
    fails the merged plan's: it was reported at the row's first cell (A3), not at the amount."""
    before = example_plan.read_bytes()
    book = edit(export(example_plan), tmp_path / "edited.xlsx",
                {(3, "งบท้องถิ่น 2572"): 6 * 10**11, (3, "งบหน่วยงาน 2572"): 6 * 10**11})
    result = run("import-xlsx", book, "--into", example_plan)
    assert result.code == 1
    ws = openpyxl.load_workbook(book)["โครงการ"]
    cell = f"{openpyxl.utils.get_column_letter(columns(ws)['งบท้องถิ่น 2572'])}3"
    assert result.err.splitlines()[:1] == [f"{book}:โครงการ!{cell}: error: ค่า 1200000000000 (งบประมาณ (บาท)) ต้องไม่เกิน 1000000000000"]
    assert example_plan.read_bytes() == before


def test_adding_and_clearing_optional_fields(example_plan: Path, tmp_path: Path) -> None:
    before = example_plan.read_text(encoding="utf-8")
    book = edit(export(example_plan), tmp_path / "edited.xlsx",
                {(4, "หมายเหตุ"): "รอผลสำรวจ", (2, "ส่งให้ อปท."): None})
    result = run("import-xlsx", book, "--into", example_plan)
    assert result.code == 0, result.err
    removed, added = changed_lines(before, example_plan.read_text(encoding="utf-8"))
    assert removed == ["    local_government: tm-nongbua"]
    assert added == ["    note: รอผลสำรวจ"]
    assert project(example_plan, "P003")["note"] == "รอผลสำรวจ"
    assert "local_government" not in project(example_plan, "P001")


def test_dry_run_shows_diff_and_writes_nothing(example_plan: Path, tmp_path: Path) -> None:
    before = example_plan.read_bytes()
    book = edit(export(example_plan), tmp_path / "edited.xlsx", {(2, "ระยะเวลา"): "ก.พ. - เม.ย. 2571"})
    result = run("import-xlsx", book, "--into", example_plan, "--dry-run")
    assert result.code == 0, result.err
    assert "-    period: ม.ค. - เม.ย. 2571" in result.out.splitlines()
    assert "+    period: ก.พ. - เม.ย. 2571" in result.out.splitlines()
    assert example_plan.read_bytes() == before


def test_rows_deleted_in_excel_are_kept_with_a_warning(example_plan: Path, tmp_path: Path) -> None:
    before = example_plan.read_bytes()
    wb = openpyxl.load_workbook(export(example_plan))
    wb["โครงการ"].delete_rows(3, 2)
    wb.save(tmp_path / "fewer.xlsx")
    result = run("import-xlsx", tmp_path / "fewer.xlsx", "--into", example_plan)
    assert result.code == 0, result.err
    projects_line = before.decode("utf-8").split("\n").index("projects:") + 1
    assert result.err.splitlines() == [
        f"{example_plan}:{projects_line}:1: warning: โครงการ P002, P003 ไม่อยู่ในไฟล์ที่นำเข้า จึงคงไว้ตามเดิม "
        "(การนำเข้าไม่ลบโครงการ ถ้าต้องการลบให้ลบในไฟล์แผน)"]
    assert example_plan.read_bytes() == before


# ------------------------------------------------------------------ new rows, ids, comments, combine


def test_new_row_gets_fresh_id_and_plan_still_validates(example_plan: Path, tmp_path: Path) -> None:
    book = fill(template(example_plan), tmp_path / "v3.xlsx", [village_row(village="3, 4", **{"ลำดับความสำคัญ": 9})])
    result = run("import-xlsx", book, "--into", example_plan)
    assert result.code == 0, result.err
    # P045 is taken by last year's review (a cancelled project), so the next free id is P046
    assert f"{book}:โครงการ!B2: เพิ่ม P046 ซ่อมถนนในหมู่บ้าน" in result.out.splitlines()
    assert project(example_plan, "P046") == {
        "id": "P046", "name": "ซ่อมถนนในหมู่บ้าน", "strategy": "S5", "tactic": "S5.1", "villages": [3, 4],
        "budget": [{"year": 2571, "amount": 100000, "funding": {"local": 100000}}],
        "approach": "ขอสนับสนุน", "agency": "องค์การบริหารส่วนตำบลหนองบัวงาม", "priority": 9,
    }
    assert run("validate", example_plan).code == 0
    text = example_plan.read_text(encoding="utf-8")
    assert "    villages: [3, 4]\n    budget:\n      - {year: 2571, amount: 100000, funding: {local: 100000}}\n" in text


def test_comments_survive_an_import(example_plan: Path, tmp_path: Path) -> None:
    text = example_plan.read_text(encoding="utf-8")
    text = text.replace("    priority: 2\n  - id: P003", "    priority: 2   # ลำดับจากเวทีประชาคม\n"
                        "  # ---- โครงการแหล่งน้ำขนาดใหญ่\n  - id: P003")
    text = text.replace("    agency: คณะกรรมการหมู่บ้าน\n    priority: 8\n\n# ----",
                        "    agency: คณะกรรมการหมู่บ้าน\n    priority: 8   # ท้ายรายการ\n\n# ----")
    example_plan.write_text(text, encoding="utf-8")
    book = fill(export(example_plan), tmp_path / "edited.xlsx", [])
    edit(book, book, {(3, "หมายเหตุ"): "ใช้งบสองปี", (46, "ชื่อโครงการ"): "ติดตั้งกระจกโค้งทางแยก",
                      (46, "ยุทธศาสตร์"): S5, (46, "กลยุทธ์"): S51, (46, "หมู่ที่ดำเนินการ"): 2,
                      (46, "งบชุมชน 2572"): 12000, (46, "วิธีดำเนินการ"): "ทำเอง",
                      (46, "หน่วยงานรับผิดชอบหลัก"): "คณะกรรมการหมู่บ้าน"})
    result = run("import-xlsx", book, "--into", example_plan)
    assert result.code == 0, result.err
    after = example_plan.read_text(encoding="utf-8")
    removed, added = changed_lines(text, after)
    assert removed == []
    assert added[0] == "    note: ใช้งบสองปี"
    assert added[1:3] == ["  - id: P046", "    name: ติดตั้งกระจกโค้งทางแยก"]
    assert "    priority: 2   # ลำดับจากเวทีประชาคม\n    note: ใช้งบสองปี\n  # ---- โครงการแหล่งน้ำขนาดใหญ่\n  - id: P003" in after
    assert "    priority: 8   # ท้ายรายการ\n  - id: P046\n" in after
    assert "    agency: คณะกรรมการหมู่บ้าน\n\n# ---------------------------------------------------------------- คำสั่งแต่งตั้ง" in after
    assert after.startswith("# yaml-language-server: $schema=../schemas/tambon-plan.schema.json\n")


def test_hand_spacing_elsewhere_is_kept(example_plan: Path, tmp_path: Path) -> None:
    """Lines ruamel would re-space (extra blanks, '{ a: 1 }', '[8,9]') stay as the user wrote them."""
    text = example_plan.read_text(encoding="utf-8")
    odd = {
        "  fiscal_years: [2571, 2572]": "  fiscal_years: [ 2571,2572 ]",
        "    kpi: มีฝายที่ใช้งานได้ 1 แห่ง\n": "    kpi:    มีฝายที่ใช้งานได้ 1 แห่ง\n",
        "      - {year: 2571, amount: 380000, funding: {local: 380000}}":
            "      - { year: 2571, amount: 380000, funding: { local: 380000 } }",
        "    villages: [8, 9]\n    period: พ.ย.": "    villages: [8,9]\n    period: พ.ย.",
    }
    for plain, spaced in odd.items():
        assert plain in text
        text = text.replace(plain, spaced, 1)
    example_plan.write_text(text, encoding="utf-8")
    book = export(example_plan)
    assert run("import-xlsx", book, "--into", example_plan).code == 0
    assert example_plan.read_text(encoding="utf-8") == text
    edit(book, book, {(3, "งบท้องถิ่น 2572"): 210000, (3, "วัตถุประสงค์"): "เพื่อชะลอน้ำ"})
    result = run("import-xlsx", book, "--into", example_plan)
    assert result.code == 0, result.err
    removed, added = changed_lines(text, example_plan.read_text(encoding="utf-8"))
    assert removed == ["    objective: เพื่อชะลอน้ำและเพิ่มความชุ่มชื้นให้พื้นที่เกษตร",
                       "      - {year: 2572, amount: 200000, funding: {local: 200000}}"]
    assert added == ["    objective: เพื่อชะลอน้ำ", "      - {year: 2572, amount: 210000, funding: {local: 210000}}"]


def test_splice_keeps_lines_the_dump_does_not_have() -> None:
    original = "a:   1\n---x\nb: 2\nc: [1,2]\n"
    before = "a: 1\nb: 2\nc: [1, 2]\n"
    after = "a: 1\nb: 2\nnew: 5\nc: [1, 2]\n"
    assert splice(original, before, after) == "a:   1\n---x\nb: 2\nnew: 5\nc: [1,2]\n"
    assert splice(original, before, "a: 1\nb: 3\nc: [1, 2]\n") == "a:   1\n---x\nb: 3\nc: [1,2]\n"
    assert splice(before, before, after) == after


_LINES = st.lists(st.sampled_from(["a: 1", "b: 2", "- x", "- y", "c: [1, 2]", "d: {e: 5}"]), max_size=12)


@settings(max_examples=300, deadline=None)
@given(before=_LINES, after=_LINES, spaced=st.lists(st.booleans(), min_size=12, max_size=12))
def test_splice_applies_any_edit_to_respaced_text(before: list[str], after: list[str], spaced: list[bool]) -> None:
    """Whatever the edit, the result is ``after`` except that untouched lines keep their spacing."""
    original = [line.replace(": ", ":   ").replace("[", "[ ") if s else line for line, s in zip(before, spaced)]
    text = splice("".join(f"{x}\n" for x in original), "".join(f"{x}\n" for x in before),
                  "".join(f"{x}\n" for x in after))
    assert ["".join(x.split()) for x in text.splitlines()] == ["".join(x.split()) for x in after]


def test_same_project_from_two_villages_reported_then_combined(example_plan: Path, tmp_path: Path) -> None:
    blank = template(example_plan)
    v3 = fill(blank, tmp_path / "v3.xlsx", [village_row(village=3, amount=100000)])
    v5 = fill(blank, tmp_path / "v5.xlsx", [village_row(village=5, amount=50000,
                                                        **{"งบชุมชน 2572": 5000})])
    before = example_plan.read_bytes()
    report = (f"{v3}:โครงการ!B2: warning: โครงการ 'ซ่อมถนนในหมู่บ้าน' (S5) เสนอ 2 แถว: หมู่ที่ 3 ({v3}:โครงการ!B2); "
              f"หมู่ที่ 5 ({v5}:โครงการ!B2)")
    result = run("import-xlsx", v3, v5, "--into", example_plan, "--dry-run")
    assert result.code == 0, result.err
    assert f"{report} ใช้ --combine เพื่อรวมเป็นโครงการระดับตำบลโครงการเดียว" in result.err.splitlines()
    assert "เพิ่ม P046" in result.out and "เพิ่ม P047" in result.out
    assert example_plan.read_bytes() == before

    result = run("import-xlsx", v3, v5, "--into", example_plan, "--combine")
    assert result.code == 0, result.err
    assert f"{report} รวมเป็นโครงการระดับตำบลโครงการเดียวแล้ว" in result.err.splitlines()
    combined = project(example_plan, "P046")
    assert combined["villages"] == [3, 5]
    assert combined["budget"] == [{"year": 2571, "amount": 150000, "funding": {"local": 150000}},
                                  {"year": 2572, "amount": 5000, "funding": {"community": 5000}}]
    assert [p["id"] for p in load_plan(example_plan)[1]["projects"]].count("P047") == 0


# ------------------------------------------------------------------ bad rows


def test_bad_rows_name_the_cell_and_leave_the_plan_untouched(example_plan: Path, tmp_path: Path) -> None:
    before = example_plan.read_bytes()
    blank = template(example_plan)
    ws = openpyxl.load_workbook(blank)["โครงการ"]
    assert ws["I1"].value == "หมู่ที่ดำเนินการ" and ws["M1"].value == "งบท้องถิ่น 2571" and ws["B1"].value == "ชื่อโครงการ"
    book = fill(blank, tmp_path / "villages.xlsx", [
        village_row(village="3, 12"),
        village_row(name="ขุดสระ", amount="ห้าหมื่นบาท"),
        village_row(name=None),
        village_row(name="ถนนลูกรัง", **{"กลยุทธ์": "S1.1 พัฒนาแหล่งน้ำและระบบชลประทานขนาดเล็ก"}),
    ])
    result = run("import-xlsx", book, "--into", example_plan)
    assert result.code == 1
    assert result.err.splitlines() == [
        f"{book}:โครงการ!I2: error: ไม่มีหมู่ที่ 12 ในตำบลนี้ (มีหมู่ที่ 1, 2, 3, 4, 5, 6, 7, 8, 9)",
        f"{book}:โครงการ!M3: error: งบประมาณ (บาท) ต้องเป็นตัวเลข (พบ 'ห้าหมื่นบาท')",
        f"{book}:โครงการ!B4: error: ต้องใส่ชื่อโครงการ",
        f"{book}:โครงการ!D5: error: กลยุทธ์ 'S1.1' ไม่อยู่ในยุทธศาสตร์ S5 (มี S5.1, S5.2)",
        f"นำเข้าไม่สำเร็จ: พบปัญหา 4 รายการ {example_plan} ไม่ถูกแก้ไข",
    ]
    assert example_plan.read_bytes() == before


@pytest.mark.parametrize("cells, line", [
    ({(2, "รหัสโครงการ"): "P099"}, "A2: error: ไม่มีโครงการรหัส 'P099' ในแผน ถ้าเป็นโครงการใหม่ให้เว้นช่องรหัสโครงการว่าง"),
    ({(3, "รหัสโครงการ"): "P001"}, "A3: error: รหัสโครงการ 'P001' ซ้ำกับ {book}:โครงการ!A2 แต่ละโครงการใส่ได้แถวเดียว"),
    ({(2, "วิธีดำเนินการ"): "จ้างเหมา"}, "Y2: error: วิธีดำเนินการต้องเป็น ทำเอง, ทำร่วม หรือ ขอสนับสนุน (พบ 'จ้างเหมา')"),
    ({(2, "ยุทธศาสตร์"): "S9"}, "C2: error: ไม่มียุทธศาสตร์ 'S9' ในแผน ให้เลือกจากรายการ (มี S1, S2, S3, S4, S5)"),
    ({(2, "งบท้องถิ่น 2571"): -5}, "M2: error: งบประมาณ (บาท) ติดลบไม่ได้ (พบ -5)"),
    ({(2, "ลำดับความสำคัญ"): 1.5}, "AB2: error: ลำดับความสำคัญต้องเป็นจำนวนเต็มตั้งแต่ 1 (พบ '1.5')"),
    ({(2, "งบท้องถิ่น 2571"): None}, "M2: error: ต้องใส่งบประมาณอย่างน้อยหนึ่งช่อง (ใส่ 0 ถ้าไม่ใช้งบประมาณ)"),
    ({(2, "ส่งให้ อปท."): "เทศบาลเมือง"}, "AA2: error: ไม่มี อปท. 'เทศบาลเมือง' ในแผน ให้เลือกจากรายการ (มี tm-nongbua, abt-nongbua)"),
])
def test_bad_cell_in_exported_workbook(example_plan: Path, tmp_path: Path, cells: dict, line: str) -> None:
    before = example_plan.read_bytes()
    book = edit(export(example_plan), tmp_path / "bad.xlsx", cells)
    result = run("import-xlsx", book, "--into", example_plan)
    assert result.code == 1
    assert f"{book}:โครงการ!{line.format(book=book)}" in result.err.splitlines()
    assert example_plan.read_bytes() == before


def test_columns_in_any_order_and_unknown_columns_warned(example_plan: Path, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "โครงการ"
    row = village_row(village="หมู่ที่ ๓", **{"ผู้เสนอ": "นายสมชาย"})
    ws.append(list(reversed(row)))
    ws.append(list(reversed(row.values())))
    wb.save(tmp_path / "own.xlsx")
    result = run("import-xlsx", tmp_path / "own.xlsx", "--into", example_plan)
    assert result.code == 0, result.err
    assert f"{tmp_path / 'own.xlsx'}:โครงการ!A1: warning: ไม่รู้จักคอลัมน์ 'ผู้เสนอ' จึงไม่นำเข้าคอลัมน์นี้" in result.err.splitlines()
    assert project(example_plan, "P046")["villages"] == [3]


def test_invalid_plan_is_refused(example_plan: Path, tmp_path: Path) -> None:
    book = export(example_plan)
    text = example_plan.read_text(encoding="utf-8").replace("    villages: [1]\n", "    villages: [77]\n", 1)
    example_plan.write_text(text, encoding="utf-8")
    result = run("import-xlsx", book, "--into", example_plan)
    assert result.code == 1
    assert f"{example_plan}: แผนไม่ผ่านการตรวจสอบ ให้แก้แผนก่อนนำเข้า" in result.err
    assert example_plan.read_text(encoding="utf-8") == text


# ------------------------------------------------------------------ template and export


def test_template_has_dropdowns_filled_from_the_plan(example_plan: Path) -> None:
    wb = openpyxl.load_workbook(template(example_plan))
    assert wb.sheetnames == ["โครงการ", "คำอธิบาย", "รายการ"]
    ws = wb["โครงการ"]
    col = {h: openpyxl.utils.get_column_letter(c) for h, c in columns(ws).items()}
    assert list(col)[:12] == ["รหัสโครงการ", "ชื่อโครงการ", "ยุทธศาสตร์", "กลยุทธ์", "วัตถุประสงค์", "เป้าหมาย (ผลผลิต)",
                              "ตัวชี้วัด (KPI)", "ผลที่คาดว่าจะได้รับ", "หมู่ที่ดำเนินการ", "ชุมชนที่ดำเนินการ",
                              "สถานที่ดำเนินการ", "ระยะเวลา"]
    assert list(col)[-11:] == ["วิธีดำเนินการ", "หน่วยงานรับผิดชอบหลัก", "ส่งให้ อปท.", "ลำดับความสำคัญ",
                               "คะแนน: จำนวนผู้ได้รับประโยชน์", "คะแนน: ความเร่งด่วนของปัญหา",
                               "คะแนน: ความสามารถของชุมชนในการดำเนินการเอง", "คะแนน: ความสอดคล้องกับยุทธศาสตร์",
                               "คะแนนเสียง (โหวต)", "คะแนนรวม (คำนวณ)", "หมายเหตุ"]
    assert [h for h in col if h.startswith("งบ") or h.startswith("พอช.") or h.startswith("อบจ.")] == [
        f"{s} {y}" for y in (2571, 2572) for s in ("งบท้องถิ่น", "งบหน่วยงาน", "งบพัฒนาจังหวัด", "งบชุมชน", "พอช.", "อบจ.")]
    lists = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            lists[rng.coord.split(":")[0].rstrip("0123456789")] = (dv.type, dv.formula1)
    assert lists[col["หมู่ที่ดำเนินการ"]] == ("list", "list_villages")
    assert lists[col["ชุมชนที่ดำเนินการ"]] == ("list", "list_communities")
    assert lists[col["คะแนน: ความเร่งด่วนของปัญหา"]] == ("decimal", "1")
    assert lists[col["คะแนนเสียง (โหวต)"]] == ("whole", "0")
    assert lists[col["พอช. 2572"]] == ("decimal", "0")
    assert lists[col["ยุทธศาสตร์"]] == ("list", "list_strategies")
    assert lists[col["กลยุทธ์"]] == ("list", "list_tactics")
    assert lists[col["วิธีดำเนินการ"]] == ("list", "list_approaches")
    assert lists[col["ส่งให้ อปท."]] == ("list", "list_lgs")
    assert lists[col["งบท้องถิ่น 2571"]] == ("decimal", "0")

    def values(name: str) -> list[Any]:
        sheet, ref = next(iter(wb.defined_names[name].destinations))
        return [c.value for row in wb[sheet][ref.replace("$", "")] for c in row]

    assert values("list_villages") == list(range(1, 10))
    assert values("list_strategies")[0] == "S1 ยุทธศาสตร์ด้านการเพิ่มประสิทธิภาพการผลิตและการตลาดด้านการเกษตร"
    strategies = load_plan(example_plan)[1]["direction"]["strategies"]
    assert values("list_tactics") == [f"{t['id']} {t['name']}" for s in strategies for t in s["tactics"]]
    assert values("list_approaches") == ["ทำเอง", "ทำร่วม", "ขอสนับสนุน"]
    assert values("list_lgs") == ["tm-nongbua เทศบาลตำบลหนองบัวงาม", "abt-nongbua องค์การบริหารส่วนตำบลหนองบัวงาม"]
    assert values("list_sources") == ["งบท้องถิ่น", "งบหน่วยงาน", "งบพัฒนาจังหวัด", "งบชุมชน", "พอช.", "อบจ."]
    assert values("list_communities") == ["c-talat ชุมชนตลาดหนองบัวงาม", "c-langwat ชุมชนหลังวัด",
                                          "c-khoksawang ชุมชนโคกสว่างพัฒนา"]
    assert wb["รายการ"].sheet_state == "hidden"
    notes = [c.value for c in wb["คำอธิบาย"]["A"]]
    for head in ("ชื่อโครงการ", "หมู่ที่ดำเนินการ", "ชุมชนที่ดำเนินการ", "วิธีดำเนินการ", "ส่งให้ อปท.", "งบท้องถิ่น <ปี>",
                 "พอช. <ปี>", "คะแนน: ความเร่งด่วนของปัญหา", "คะแนนเสียง (โหวต)", "คะแนนรวม (คำนวณ)"):
        assert head in notes
    assert ws.freeze_panes == "C2"
    # blank rows carry only the weighted score total, ready for the assembly's scores
    assert ws[f"{col['คะแนนรวม (คำนวณ)']}2"].value == '=IF(COUNT(AC2:AF2)=0,"",3*AC2+3*AD2+2*AE2+2*AF2)'
    assert {c.value is None for row in ws.iter_rows(min_row=2) for c in row if c.column_letter != col["คะแนนรวม (คำนวณ)"]} \
        == {True}


def test_export_has_every_project_sheets_and_formats(example_plan: Path) -> None:
    data = load_plan(example_plan)[1]
    wb = openpyxl.load_workbook(export(example_plan))
    assert wb.sheetnames[:2] == ["โครงการ", "สรุป"] and wb.sheetnames[-2:] == ["คำอธิบาย", "รายการ"]
    assert wb.sheetnames[2:7] == ["S1 ด้านการเพิ่มประสิทธิภาพการผ", "S2 ด้านการส่งเสริมอาชีพและเศรษฐ",
                                  "S3 ด้านการพัฒนาคุณภาพคนและสังคม", "S4 ด้านการบริหารจัดการทรัพยากรธ",
                                  "S5 ด้านโครงสร้างพื้นฐานและการบ"]
    ws = wb["โครงการ"]
    col = columns(ws)
    assert [ws.cell(r, 1).value for r in range(2, ws.max_row + 1)] == [p["id"] for p in data["projects"]]
    assert ws.freeze_panes == "C2" and ws.auto_filter.ref == f"A1:AJ{len(data['projects']) + 1}"
    p018 = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "P018")
    assert ws.cell(p018, col["ชื่อโครงการ"]).value == 'ส่งเสริมการออมในครัวเรือน "ออมวันละบาท"'
    assert ws.cell(p018, col["งบชุมชน 2571"]).value == 0
    assert ws.cell(2, col["งบท้องถิ่น 2571"]).number_format == "#,##0"
    assert ws.cell(2, col["งบประมาณรวม (บาท)"]).value == "=SUM(M2:X2)"
    s2 = wb["S2 ด้านการส่งเสริมอาชีพและเศรษฐ"]
    count = sum(p["strategy"] == "S2" for p in data["projects"])
    assert s2.max_row == count + 2 and s2.cell(count + 2, 2).value == "รวม"
    assert s2.cell(count + 2, 13).value == f"=SUBTOTAL(109,M2:M{count + 1})"


def test_export_summary_rows_hold_their_thai_and_tables_start_their_page(example_plan: Path) -> None:
    """Neither Excel nor Calc sizes rows when opening a file: at their default height the summary's
    Thai at 14 pt was cut at the top, and a strategy's name longer than column A ran under B."""
    ws = openpyxl.load_workbook(export(example_plan))["สรุป"]
    line = row_height(1)
    assert ws.row_dimensions[1].height == row_height(1, 16)
    heights = {r: ws.row_dimensions[r].height for r in range(2, ws.max_row + 1)}
    assert all(h is not None and h >= line for h in heights.values()), heights
    long_name = next(r for r in heights if str(ws.cell(r, 1).value).startswith("S4 "))
    assert ws.cell(long_name, 1).alignment.wrap_text and heights[long_name] == row_height(2)
    titles = [r for r in heights if str(ws.cell(r, 1).value).startswith("จำแนกตาม")]
    # sources and approaches on page 2, the years on page 3: none cut after its title or heading
    assert [b.id for b in ws.row_breaks.brk] == [titles[1] - 1, titles[3] - 1]
    assert ws.row_dimensions[titles[0] + 1].height == line  # a heading row, a line tall


def test_export_amount_columns_show_every_amount_whole(example_plan: Path) -> None:
    """Excel fills a cell with '####' when a number does not fit: a budget column of 14 characters
    holds 99,999,999 at 14 pt, not a project's 380,000,000 nor a strategy's subtotal of it in bold."""
    replace_in(example_plan, "{year: 2571, amount: 380000, funding: {local: 380000}}",
               "{year: 2571, amount: 380000000, funding: {local: 380000000}}")
    wb = openpyxl.load_workbook(export(example_plan))
    for ws in (wb["โครงการ"], wb["S1 ด้านการเพิ่มประสิทธิภาพการผ"]):
        col = columns(ws)
        for header, bold in (("งบท้องถิ่น 2571", ws.title != "โครงการ"), ("งบประมาณรวม (บาท)", False)):
            letter = get_column_letter(col[header])
            room = column_points(ws.column_dimensions[letter].width)
            values = [v for (v,) in ws.iter_rows(min_row=2, min_col=col[header], max_col=col[header], values_only=True)
                      if isinstance(v, (int, float))]
            widest = sum(values) if bold else max(values, default=380_000_000)
            assert room >= measure.width(f"{widest:,.0f}", 14, bold), (ws.title, header, room)


def test_formula_text_is_exported_as_text(example_plan: Path, tmp_path: Path) -> None:
    text = example_plan.read_text(encoding="utf-8").replace(
        "    name: ขุดลอกหนองน้ำสาธารณะหนองบัวงาม\n", "    name: \"=HYPERLINK(\\\"http://x\\\")\"\n", 1)
    example_plan.write_text(text, encoding="utf-8")
    book = export(example_plan)
    cell = openpyxl.load_workbook(book)["โครงการ"]["B2"]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://x")'
    assert run("import-xlsx", book, "--into", example_plan).code == 0
    assert example_plan.read_text(encoding="utf-8") == text


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory: pytest.TempPathFactory) -> tuple[openpyxl.Workbook, dict[str, Any]]:
    """The export as LibreOffice calculates it (openpyxl writes formulas without values)."""
    folder = tmp_path_factory.mktemp("export")
    shutil.copytree(EXAMPLE.parent, folder / "plans")
    plan = folder / "plans" / EXAMPLE.name
    book = export(plan)
    subprocess.run([soffice(), f"-env:UserInstallation={(folder / 'lo').as_uri()}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(folder / "calc"), str(book)],
                   check=True, capture_output=True, timeout=300)
    return openpyxl.load_workbook(folder / "calc" / book.name, data_only=True), build_context(load_plan(plan)[1])


@needs_libreoffice
@pytest.mark.libreoffice
def test_summary_formulas_give_the_plan_totals(recalculated: tuple[Any, dict[str, Any]]) -> None:
    wb, ctx = recalculated
    rows = {r[0]: r[1:] for r in wb["สรุป"].iter_rows(values_only=True) if r[0] is not None}
    for group in ctx["strategy_groups"]:
        label = f"{group['id']} {group['name']}"
        assert list(rows[label][:4]) == [group["totals"]["count"], *group["totals"]["year_amounts"],
                                         group["totals"]["amount"]]
    for approach in ctx["summary"]["by_approach"]:
        assert list(rows[approach["approach"]][:4]) == [approach["count"], *approach["year_amounts"], approach["amount"]]
    for source in ctx["summary"]["by_source"]:
        per_year = [sum(p["by_year_source"][y][source["key"]] for p in ctx["projects"]) for y in (2571, 2572)]
        assert list(rows[source["label"]][:3]) == [*per_year, source["amount"]]
    for year in (2571, 2572):
        assert rows[year][0] == ctx["totals"]["by_year"][year]
    ws = wb["โครงการ"]
    totals = {p["id"]: p["total"] for p in ctx["projects"]}
    assert {ws.cell(r, 1).value: ws.cell(r, 36).value for r in range(2, len(totals) + 2)} == totals


# ------------------------------------------------------------------ unsafe or broken workbooks


def test_macro_encrypted_and_corrupt_workbooks_are_refused(example_plan: Path, tmp_path: Path) -> None:
    book = export(example_plan)
    xlsm = tmp_path / "villages.xlsm"
    shutil.copy(book, xlsm)
    hidden_macro = tmp_path / "renamed.xlsx"
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(hidden_macro, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/vbaProject.bin", b"\0" * 16)
    encrypted = tmp_path / "locked.xlsx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    corrupt = tmp_path / "broken.xlsx"
    corrupt.write_bytes(book.read_bytes()[:2000])
    text = tmp_path / "notes.xlsx"
    text.write_text("ชื่อโครงการ,หมู่ที่\n", encoding="utf-8")
    expect = {
        xlsm: "ไฟล์มีมาโคร (VBA) ซึ่งอาจไม่ปลอดภัย",
        hidden_macro: "ไฟล์มีมาโคร (VBA) ซึ่งอาจไม่ปลอดภัย",
        encrypted: "ไฟล์ถูกตั้งรหัสผ่าน/เข้ารหัสไว้ หรือเป็นไฟล์ Excel รุ่นเก่า (.xls)",
        corrupt: "ไฟล์เสียหรือไม่ใช่ไฟล์ Excel (.xlsx)",
        text: "ไฟล์เสียหรือไม่ใช่ไฟล์ Excel (.xlsx)",
    }
    before = example_plan.read_bytes()
    for path, message in expect.items():
        with pytest.raises(PlanError, match=r"^" + str(path).replace(".", r"\.") + ": " + message.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
            read_table(path)
        result = run("import-xlsx", path, "--into", example_plan)
        assert result.code == 1 and "Traceback" not in result.err
    assert example_plan.read_bytes() == before


def test_entity_bomb_is_refused(example_plan: Path, tmp_path: Path) -> None:
    book = template(example_plan)
    bomb = tmp_path / "bomb.xlsx"
    entities = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(bomb, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = (b'<?xml version="1.0"?>' + entities.encode()
                        + data.replace("ชื่อโครงการ".encode(), b"&b;", 1))
            dst.writestr(item, data)
    with pytest.raises(PlanError, match="อ่านไฟล์ไม่ได้"):
        read_table(bomb)


@needs_libreoffice
@pytest.mark.libreoffice
def test_formula_with_cached_value_is_read_as_its_value(example_plan: Path, tmp_path: Path) -> None:
    book = fill(template(example_plan), tmp_path / "formula.xlsx", [village_row(amount="=50000*2")])
    subprocess.run([soffice(), f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(tmp_path / "saved"), str(book)],
                   check=True, capture_output=True, timeout=300)
    result = run("import-xlsx", tmp_path / "saved" / book.name, "--into", example_plan)
    assert result.code == 0, result.err
    assert project(example_plan, "P046")["budget"] == [{"year": 2571, "amount": 100000, "funding": {"local": 100000}}]


def test_formula_without_cached_value_is_flagged(example_plan: Path, tmp_path: Path) -> None:
    book = fill(template(example_plan), tmp_path / "formula.xlsx", [village_row(amount="=50000*2")])
    result = run("import-xlsx", book, "--into", example_plan)
    assert result.code == 1
    assert (f"{book}:โครงการ!M2: error: เซลล์นี้เป็นสูตรที่ยังไม่มีค่าที่คำนวณไว้ ให้เปิดไฟล์ใน Excel แล้วบันทึกอีกครั้ง "
            "หรือพิมพ์ค่าแทนสูตร") in result.err.splitlines()


def test_import_problems_as_json(example_plan: Path, tmp_path: Path) -> None:
    book = edit(export(example_plan), tmp_path / "bad.xlsx", {(2, "รหัสโครงการ"): "P099"})
    result = run("import-xlsx", book, "--into", example_plan, "--format", "json")
    assert result.code == 1
    problem, warning = json.loads(result.out)
    assert (problem["file"], problem["sheet"], problem["line"], problem["column"]) == (str(book), "โครงการ", 2, 1)
    assert problem["rule"] == "xlsx-rows" and problem["level"] == "error"
    assert warning["file"] == str(example_plan) and warning["level"] == "warning"  # P001 is not in the book


def test_exported_sheets_print_landscape_on_the_page_width_with_page_numbers(example_plan: Path, tmp_path: Path) -> None:
    """Every sheet of the export prints landscape A4, all columns on the page width, page
    numbers at the foot; project rows are as tall as their longest wrapped text."""
    from tambondoc.xlsx.look import lines_of, row_height

    out = tmp_path / "p.xlsx"
    assert run("export-xlsx", example_plan, "-o", out).code == 0
    wb = openpyxl.load_workbook(out)
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        setup = ws.page_setup
        assert (setup.orientation, setup.fitToWidth, setup.fitToHeight) == ("landscape", 1, 0), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.oddFooter.center.text == "หน้า &P / &N", ws.title
    ws = wb["โครงการ"]
    heads = [c.value for c in ws[1]]
    col = heads.index("วัตถุประสงค์") + 1
    width = ws.column_dimensions[openpyxl.utils.get_column_letter(col)].width
    tallest = max(range(2, ws.max_row + 1), key=lambda r: lines_of(str(ws.cell(r, col).value or ""), width))
    assert lines_of(str(ws.cell(tallest, col).value), width) > 1
    assert ws.row_dimensions[tallest].height >= row_height(lines_of(str(ws.cell(tallest, col).value), width))
