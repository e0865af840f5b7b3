"""Hardening, second round: workbooks coming back into a plan (import-xlsx).

One test per class of issue 16; each fails on the code before its fix.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import replace_in, run

from tambondoc.plan.load import load_plan

S5 = "S5 ยุทธศาสตร์ด้านโครงสร้างพื้นฐานและการบริหารจัดการที่ดี"
S51 = "S5.1 พัฒนาถนนและระบบไฟฟ้าสาธารณะ"


def template(plan: Path) -> Path:
    out = plan.parent / "villages.xlsx"
    assert run("xlsx-template", plan, "-o", out).code == 0
    return out


def fill(book: Path, out: Path, rows: list[dict[str, Any]], sheet: str = "โครงการ") -> Path:
    wb = openpyxl.load_workbook(book)
    ws = wb[sheet]
    col = {c.value: c.column for c in ws[1] if c.value}
    for r, row in enumerate(rows, 2):
        for head, value in row.items():
            ws.cell(r, col[head]).value = value
    wb.save(out)
    return out


def row(**extra: Any) -> dict[str, Any]:
    return {"ชื่อโครงการ": "ซ่อมถนนในหมู่บ้าน", "ยุทธศาสตร์": S5, "กลยุทธ์": S51, "หมู่ที่ดำเนินการ": 3,
            "งบท้องถิ่น 2571": 100000, "วิธีดำเนินการ": "ขอสนับสนุน",
            "หน่วยงานรับผิดชอบหลัก": "องค์การบริหารส่วนตำบลหนองบัวงาม", **extra}


@pytest.mark.parametrize("villages, message", [
    ("1-1000000000", "หมู่ที่ต้องเป็นเลขหมู่คั่นด้วยจุลภาค เช่น 1, 3 หรือช่วง 1-4 (พบ '1-1000000000')"),
    ("1-9000", "ไม่มีหมู่ที่ 9000 ในตำบลนี้ (มีหมู่ที่ 1, 2, 3, 4, 5, 6, 7, 8, 9)"),
    ("5-2", "ช่วงหมู่ที่ 5-2 ต้องเขียนจากน้อยไปมาก เช่น 2-5"),
], ids=["billion", "beyond-the-tambon", "backwards"])
def test_a_village_range_is_checked_before_it_is_expanded(example_plan: Path, villages: str, message: str) -> None:
    book = fill(template(example_plan), example_plan.parent / "in.xlsx", [row(**{"หมู่ที่ดำเนินการ": villages})])
    started = time.perf_counter()
    code, out, err = run("import-xlsx", book, "--into", example_plan)
    assert time.perf_counter() - started < 20
    assert code == 1
    assert f"{book}:โครงการ!I2: error: {message}" in out + err


def _with_shared_strings(book: Path, out: Path, strings: bytes) -> Path:
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "xl/sharedStrings.xml":
                dst.writestr(info, src.read(info))
        dst.writestr("xl/sharedStrings.xml", strings)
    return out


@pytest.mark.parametrize("strings", [
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
    + b"x" * (40 * 1024 * 1024) + b"</t></si></sst>",          # a few strings, each huge
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    + b"<si><t>a</t></si>" * 600_000 + b"</sst>",               # a great many small ones
], ids=["huge-strings", "many-strings"])
def test_a_shared_strings_bomb_is_refused_before_it_is_parsed(example_plan: Path, strings: bytes) -> None:
    book = fill(template(example_plan), example_plan.parent / "in.xlsx", [row()])
    bomb = _with_shared_strings(book, example_plan.parent / "bomb.xlsx", strings)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    code, _out, err = run("import-xlsx", bomb, "--into", example_plan)
    assert code == 1
    assert f"{bomb}: ไฟล์มีข้อมูลเมื่อขยายใหญ่ผิดปกติ (อาจเป็นไฟล์อันตราย) โปรแกรมจะไม่เปิดไฟล์นี้" in err


def test_a_workbook_is_opened_once(example_plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tambondoc.importing import read

    book = fill(template(example_plan), example_plan.parent / "in.xlsx", [row()])
    opened = []
    real = read.load_workbook
    monkeypatch.setattr(read, "load_workbook", lambda *a, **k: opened.append(a) or real(*a, **k))
    assert run("import-xlsx", book, "--into", example_plan, "--dry-run").code == 0
    assert len(opened) == 1


def test_a_hidden_sheet_is_never_imported(example_plan: Path) -> None:
    book = fill(template(example_plan), example_plan.parent / "in.xlsx", [row(**{"ชื่อโครงการ": "ที่มองเห็น"})])
    wb = openpyxl.load_workbook(book)
    wb["โครงการ"].title = "แผ่นที่ 1"
    hidden = wb.copy_worksheet(wb["แผ่นที่ 1"])
    hidden.title = "โครงการ"
    hidden.cell(2, 2).value = "ที่ซ่อนไว้"
    hidden.sheet_state = "hidden"
    wb.save(book)
    code, out, _ = run("import-xlsx", book, "--into", example_plan)
    assert code == 0, out
    names = [p["name"] for p in load_plan(example_plan)[1]["projects"]]
    assert "ที่มองเห็น" in names and "ที่ซ่อนไว้" not in names


def test_two_local_governments_of_one_name_round_trip_by_id(example_plan: Path) -> None:
    replace_in(example_plan, "name: องค์การบริหารส่วนตำบลหนองบัวงาม\n", "name: เทศบาลตำบลหนองบัวงาม\n")
    before = load_plan(example_plan)[1]["projects"]
    book = example_plan.parent / "projects.xlsx"
    assert run("export-xlsx", example_plan, "-o", book).code == 0
    code, out, err = run("import-xlsx", book, "--into", example_plan)
    assert code == 0, out + err
    assert load_plan(example_plan)[1]["projects"] == before
    named = fill(template(example_plan), example_plan.parent / "in.xlsx",
                 [row(**{"ส่งให้ อปท.": "เทศบาลตำบลหนองบัวงาม"})])
    code, out, err = run("import-xlsx", named, "--into", example_plan)
    assert code == 1
    assert (f"{named}:โครงการ!AA2: error: มี อปท.ชื่อ 'เทศบาลตำบลหนองบัวงาม' มากกว่าหนึ่งแห่งในแผน "
            "(tm-nongbua, abt-nongbua) ให้เลือกจากรายการ (รหัสตามด้วยชื่อ เช่น tm-nongbua เทศบาลตำบลหนองบัวงาม)") in out + err


def test_budgets_keep_satang_and_refuse_more(example_plan: Path) -> None:
    book = fill(template(example_plan), example_plan.parent / "in.xlsx",
                [row(**{"งบท้องถิ่น 2571": 100.125}), row(**{"ชื่อโครงการ": "อื่น", "งบท้องถิ่น 2571": 100.12})])
    code, out, err = run("import-xlsx", book, "--into", example_plan)
    assert code == 1
    assert (f"{book}:โครงการ!M2: error: งบประมาณ (บาท) มีทศนิยมเกิน 2 ตำแหน่ง (พบ 100.125) "
            "เงินบาทมีทศนิยมได้ถึงสตางค์เท่านั้น ให้ปัดเป็น 100.12") in out + err
    line = replace_in(example_plan, "{year: 2571, amount: 450000, funding: {local: 450000}}",
                      "{year: 2571, amount: 450000.125, funding: {local: 450000.125}}")
    code, out, _ = run("validate", example_plan)
    assert code == 1
    assert (f"{example_plan}:{line}:30: error: จำนวนเงิน 450000.125 มีทศนิยมเกิน 2 ตำแหน่ง "
            "เงินบาทมีทศนิยมได้ถึงสตางค์เท่านั้น ให้ปัดเป็น 450000.12 ($.projects[0].budget[0].amount)") in out


def test_satang_survive_a_round_trip(example_plan: Path) -> None:
    replace_in(example_plan, "{year: 2571, amount: 450000, funding: {local: 450000}}",
               "{year: 2571, amount: 450000.55, funding: {local: 450000.55}}")
    before = example_plan.read_bytes()
    book = example_plan.parent / "projects.xlsx"
    assert run("export-xlsx", example_plan, "-o", book).code == 0
    assert run("import-xlsx", book, "--into", example_plan).code == 0
    assert example_plan.read_bytes() == before
