"""Hardening, second round: hostile plan text reaches every command as a clean error.

Each test fails on the code before issue 16's fix of its class.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLE, replace_in, run

SELF_ALIAS = "plan: &p\n  title: x\n  self: *p\n"


@pytest.mark.parametrize("command", ["validate", "diff", "export-xlsx", "xlsx-template", "import-xlsx",
                                     "templates check", "fmt", "next-year", "build"])
def test_a_self_referencing_alias_is_a_clean_error_in_every_command(tmp_path: Path, command: str) -> None:
    plan = tmp_path / "alias.yaml"
    plan.write_text(SELF_ALIAS, encoding="utf-8")
    args = {"validate": ["validate", plan], "diff": ["diff", EXAMPLE, plan],
            "export-xlsx": ["export-xlsx", plan, "-o", tmp_path / "x.xlsx"],
            "xlsx-template": ["xlsx-template", plan, "-o", tmp_path / "x.xlsx"],
            "import-xlsx": ["import-xlsx", EXAMPLE, "--into", plan],
            "templates check": ["templates", "check", "--plan", plan],
            "fmt": ["fmt", plan], "next-year": ["next-year", plan, "-o", tmp_path / "n.yaml"],
            "build": ["build", plan, "-o", tmp_path / "out"]}[command]
    code, out, err = run(*args)
    assert code == (2 if command == "diff" else 1)
    expected = f"{plan}:3:9: error: alias (*) อ้างถึง anchor (&) ของข้อมูลที่ตัวเองอยู่ข้างใน"
    assert expected in out + err
    assert plan.read_text(encoding="utf-8") == SELF_ALIAS


@pytest.mark.parametrize("ends", ["bom+crlf", "cr"])
@pytest.mark.parametrize("command", ["fmt --check", "fmt", "next-year", "import-xlsx"])
def test_line_ends_and_bom_are_kept_by_every_command_that_writes_a_plan(tmp_path: Path, example_plan: Path,
                                                                        command: str, ends: str) -> None:
    """A plan saved on Windows (BOM, CRLF) or by an old Mac editor (CR alone) reads well; fmt,
    next-year and import-xlsx wrote CR-only back with LF, a change on every line of the file."""
    text = example_plan.read_text(encoding="utf-8")
    if command == "fmt":
        text = text.replace("schema_version: 1\n", "schema_version:    1\n")
    book = tmp_path / "projects.xlsx"
    assert run("export-xlsx", example_plan, "-o", book).code == 0
    bom, end = (b"\xef\xbb\xbf", "\r\n") if ends == "bom+crlf" else (b"", "\r")
    example_plan.write_bytes(bom + text.replace("\n", end).encode("utf-8"))
    if command == "import-xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(book)
        wb["โครงการ"]["B2"] = "ชื่อใหม่"
        wb.save(book)
    target = tmp_path / "next.yaml" if command == "next-year" else example_plan
    args = {"fmt --check": ["fmt", "--check", example_plan], "fmt": ["fmt", example_plan],
            "next-year": ["next-year", example_plan, "-o", target], "import-xlsx": ["import-xlsx", book, "--into", example_plan]}
    code, out, err = run(*args[command])
    assert code == 0, out + err  # fmt --check: a formatted plan with these line ends is formatted
    raw = target.read_bytes()
    if ends == "bom+crlf":
        assert raw.startswith(bom) and raw.count(b"\n") == raw.count(b"\r\n") > 1000
    else:
        assert b"\n" not in raw and raw.count(b"\r") > 1000
    if command == "fmt":
        assert raw == bom + text.replace("schema_version:    1\n", "schema_version: 1\n").replace("\n", end).encode("utf-8")
    if command == "import-xlsx":
        assert "ชื่อใหม่" in raw.decode("utf-8-sig")

HEADER = "# yaml-language-server: $schema=../schemas/tambon-plan.schema.json\n# หัวแผน\n---\n"


@pytest.mark.parametrize("command", ["fmt", "next-year"])
def test_comments_above_a_document_start_and_inside_braces_are_kept_or_refused(tmp_path: Path, example_plan: Path,
                                                                              command: str) -> None:
    text = HEADER + example_plan.read_text(encoding="utf-8")
    text = text.replace("      head: {name: นายชาตรี วงศ์ใหญ่, position:",
                        "      head: {name: นายชาตรี วงศ์ใหญ่,   # นายกคนปัจจุบัน\n             position:")
    example_plan.write_text(text, encoding="utf-8")
    target = tmp_path / "next.yaml"
    code, out, err = run(*(["fmt", example_plan] if command == "fmt" else ["next-year", example_plan, "-o", target]))
    if command == "fmt":  # fmt would write the braces on one line: it refuses, and names the comment
        assert code == 1
        line = text[: text.index("# นายกคนปัจจุบัน")].count("\n") + 1
        column = text.split("\n")[line - 1].index("# นายกคนปัจจุบัน") + 1
        assert err.startswith(f"{example_plan}:{line}:{column}: error: จัดรูปแบบแล้วความเห็น (comment) จะหาย: # นายกคนปัจจุบัน")
        example_plan.write_text(text.replace("   # นายกคนปัจจุบัน\n            ", ""), encoding="utf-8")
        assert run("fmt", "--check", example_plan).code == 0  # the header above '---' is kept as it is
        return
    assert code == 0, out + err
    written = target.read_text(encoding="utf-8")
    assert written.startswith(HEADER) and "# นายกคนปัจจุบัน\n" in written
    budget = "      - {year: 2571, amount: 450000, funding: {local: 450000}}\n"
    example_plan.write_text(text.replace(budget, budget.replace("funding", "# งบปีแรก\n         funding"), 1),
                            encoding="utf-8")
    code, out, err = run("next-year", example_plan, "-o", tmp_path / "other.yaml")
    assert code == 1
    line = next(i for i, t in enumerate(example_plan.read_text(encoding="utf-8").split("\n"), 1) if "# งบปีแรก" in t)
    assert err.startswith(f"{example_plan}:{line}:38: error: เขียนแผนปีถัดไปแล้วความเห็น (comment) จะหาย: # งบปีแรก")
    assert not (tmp_path / "other.yaml").exists()


def test_text_an_excel_cell_cannot_hold_is_refused(example_plan: Path) -> None:
    line = replace_in(example_plan, "name: ขุดลอกหนองน้ำสาธารณะหนองบัวงาม\n", f"name: {'ก' * 32_768}\n")
    code, out, _ = run("validate", example_plan)
    assert code == 1
    assert out.startswith(f"{example_plan}:{line}:11: error: ข้อความยาว 32,768 ตัวอักษร เกิน 32,767 ตัวอักษร"
                          "ที่ Excel เก็บได้ในหนึ่งช่อง ให้ย่อข้อความ หรือแบ่งเป็นหลายรายการ ($.projects[0].name)")


def test_ids_that_differ_only_in_case_are_duplicates(example_plan: Path) -> None:
    line = replace_in(example_plan, "  - id: P002\n", "  - id: p001\n")
    code, out, _ = run("validate", example_plan)
    assert code == 1
    assert (f"{example_plan}:{line}:9: error: รหัสโครงการ 'p001' ซ้ำกับรายการที่ 1 ('P001' ต่างกันเพียงตัวพิมพ์ใหญ่/เล็ก) "
            "ให้ใช้ค่าที่ไม่ซ้ำกัน ($.projects[1].id)") in out


class Hung(Exception):  # not an OSError: the code under test must not be able to swallow it
    pass


def test_a_fifo_or_device_is_never_waited_on(tmp_path: Path, example_plan: Path) -> None:
    import os
    import signal

    def hung(*_: object) -> None:
        raise Hung("waited on a FIFO")

    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    previous = signal.signal(signal.SIGALRM, hung)
    try:
        signal.alarm(20)  # open() on a FIFO nobody writes to blocks forever
        assert run("validate", fifo).code == 1
        signal.alarm(20)
        code, _, err = run("import-xlsx", fifo, "--into", example_plan)
        assert code == 1 and f"{fifo}: ไม่ใช่ไฟล์ธรรมดา" in err
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_schema_modeline_naming_a_fifo_is_never_waited_on(tmp_path: Path, example_plan: Path) -> None:
    """The modeline's schema copy is a path the plan names, as an image path is: validate (and so
    build) reads it only as a regular file of bounded size."""
    import os
    import signal

    def hung(*_: object) -> None:
        raise Hung("waited on a FIFO")

    os.mkfifo(example_plan.parent / "schema.json")
    line = replace_in(example_plan, "$schema=../schemas/tambon-plan.schema.json", "$schema=schema.json")
    previous = signal.signal(signal.SIGALRM, hung)
    try:
        signal.alarm(20)
        code, out, _ = run("validate", example_plan)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert code == 0
    assert (f"{example_plan}:{line}:33: warning: อ่านไฟล์ schema 'schema.json' ไม่ได้ ให้เขียนใหม่ด้วย: "
            f"tambondoc schema --write {example_plan.parent.as_posix()}") in out
