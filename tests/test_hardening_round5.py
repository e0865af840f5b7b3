"""Hardening, fifth round: hostile input found by trying every command with fresh eyes.

One test per problem found; each fails on the code before its fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import replace_in, run

DEEP = ("ข้อมูลซ้อนกันลึกเกินไป (วงเล็บหรือย่อหน้าเกิน 32 ชั้น) แผนซ้อนกันไม่เกิน 6 ชั้น "
        "ให้ตรวจวงเล็บ [ { และย่อหน้าตรงนี้")
TAG = "YAML ไม่ถูกต้อง: ใช้แท็ก YAML (!...) ไม่ได้ ใส่ได้เฉพาะข้อความ ตัวเลข รายการ และคีย์"


def _commands(plan: Path) -> list[tuple[str, ...]]:
    """Every command that reads a plan, each with what it needs besides the plan."""
    out = plan.parent / "out"
    return [("validate", str(plan)), ("fmt", str(plan)), ("fmt", "--check", str(plan)),
            ("next-year", str(plan), "-o", str(out / "next.yaml")), ("diff", str(plan), str(plan)),
            ("export-xlsx", str(plan), "-o", str(out / "x.xlsx")),
            ("xlsx-template", str(plan), "-o", str(out / "v.xlsx")), ("build", str(plan), "-o", str(out))]


@pytest.mark.parametrize("depth", [40, 1200])
def test_nesting_deeper_than_a_plan_is_named_at_its_bracket_by_every_command(example_plan: Path, depth: int) -> None:
    """Brackets nested a thousand deep under a plan's key loaded (the loader is a loop) and then
    overflowed the schema check: a traceback in validate, an internal error in diff, and fmt blamed
    anchors. Any depth past 32 is now refused where the 32nd bracket opens."""
    line = replace_in(example_plan, "  area:\n", f"  area: {'[' * depth}{']' * depth}\n  x:\n")
    for args in _commands(example_plan):
        code, out, err = run(*args)
        assert code in (1, 2), args
        assert f"{example_plan}:{line}:{9 + 32 - 2}: error: {DEEP}" in (out + err).splitlines(), args


def test_nesting_past_a_merge_key_is_measured_too(example_plan: Path) -> None:
    """A merge key sends the plan to ruamel's loader, whose composer recurses as well."""
    line = replace_in(example_plan, "  area:\n", f"  <<: {{}}\n  area: {'[' * 1200}{']' * 1200}\n  x:\n") + 1
    code, out, _ = run("validate", example_plan)
    assert code == 1 and out.splitlines()[0] == f"{example_plan}:{line}:39: error: {DEEP}"


@pytest.mark.parametrize(("value", "column", "tag"), [
    ("!!binary aGVsbG8=", 10, "binary"), ("!!set {2571: null}", 10, "set"),
    ("!!omap [a: 1]", 10, "omap"), ("!!pairs [a: 1]", 10, "pairs")])
def test_yaml_standard_types_no_plan_holds_are_refused_at_their_tag(
        example_plan: Path, value: str, column: int, tag: str) -> None:
    """!!binary, !!set, !!omap and !!pairs made bytes, a set or tuples that the JSON of the
    schema check could not print: a traceback in validate (and positions crashed on omap)."""
    line = replace_in(example_plan, "  title: แผนพัฒนาตำบลหนองบัวงาม พ.ศ. 2571-2572", f"  title: {value}")
    expected = (f"{example_plan}:{line}:{column}: error: {TAG} "
                f"[could not determine a constructor for the tag 'tag:yaml.org,2002:{tag}']")
    for args in _commands(example_plan):
        code, out, err = run(*args)
        assert code in (1, 2), args
        assert expected in (out + err).splitlines(), args


@pytest.mark.parametrize(("years", "wrong"), [("[99999999999999999999, 2572]", "99999999999999999999"),
                                              ("[2028, 2029]", "2028"), ("[0, 2572]", "0")])
def test_next_year_refuses_a_fiscal_year_out_of_range_instead_of_spanning_it(
        example_plan: Path, years: str, wrong: str) -> None:
    """A typed-in year of 20 digits made next-year build the set of every year the plan spans:
    the process grew until the kernel killed it. C.E. years were shifted as if they were พ.ศ."""
    replace_in(example_plan, "fiscal_years: [2571, 2572]", f"fiscal_years: {years}")
    out = example_plan.parent / "next.yaml"
    assert run("next-year", example_plan, "-o", out) == (
        1, "", f"{example_plan}: ปีงบประมาณ {wrong} ใน plan.fiscal_years ต้องเป็นปี พ.ศ. 2500–2700 "
        "ก่อนจึงเลื่อนไปปีถัดไปได้ ให้แก้ปีแล้วตรวจด้วย tambondoc validate\n")
    assert not out.exists()


def test_next_year_takes_no_boolean_for_a_year(example_plan: Path) -> None:
    """'true' is an int to Python: the plan's first year became 2."""
    replace_in(example_plan, "fiscal_years: [2571, 2572]", "fiscal_years: [true, 2572]")
    code, _, err = run("next-year", example_plan, "-o", example_plan.parent / "next.yaml")
    assert (code, err) == (1, f"{example_plan}: ต้องมี plan.fiscal_years เป็นรายการปี พ.ศ. (เช่น [2571, 2572]) "
                              "ก่อนจึงเลื่อนไปปีถัดไปได้\n")


@pytest.mark.parametrize(("written", "bumped"), [("2.0", "3"), ("0x2", "3")])
def test_next_year_counts_a_revision_written_as_a_decimal(example_plan: Path, written: str, bumped: str) -> None:
    """'revision: 2.0' is JSON Schema's integer (validate now asks for '2'), yet next-year, which
    runs on a plan as it is, left it as it was and said nothing: the next plan claimed the same
    revision."""
    replace_in(example_plan, "revision: 2 ", f"revision: {written} ")
    out = example_plan.parent / "next.yaml"
    code, stdout, _ = run("next-year", example_plan, "-o", out)
    assert code == 0 and f"  ทบทวนครั้งที่: 2 → {bumped}" in stdout.splitlines()
    assert f"  revision: {bumped} " in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("text", ["- a\n- b\n", "hello\n", "# a plan\n[1, 2]\n"])
def test_fmt_says_a_file_is_not_a_plan_instead_of_blaming_anchors(tmp_path: Path, text: str) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text(text, encoding="utf-8")
    message = f"{plan}:1:1: error: ไม่ใช่ไฟล์แผน (ระดับบนสุดต้องเป็นชุดคีย์ เช่น schema_version: 1) จึงจัดรูปแบบไม่ได้"
    for args in (("fmt", plan), ("fmt", "--check", plan)):
        code, _, err = run(*args)
        assert code == 1 and err.splitlines()[0] == message
    assert plan.read_text(encoding="utf-8") == text


def test_a_key_written_twice_beside_a_merge_key_is_a_duplicate_in_every_command(example_plan: Path) -> None:
    """ruamel checks no key of a mapping with '<<': validate and build took the second value
    and dropped the first without a word, while next-year refused the same file as a duplicate."""
    line = replace_in(example_plan, "  table_numerals: arabic ", "  <<: {fictional: true}\n  order_numerals: thai\n  table_numerals: arabic ")
    expected = (f"{example_plan}:{line + 3}:3: error: YAML ไม่ถูกต้อง: คีย์ซ้ำในระดับเดียวกัน ให้ลบหรือเปลี่ยนชื่อคีย์ที่ซ้ำ "
                '[found duplicate key "order_numerals" with value "thai" (original value: "thai")]')
    for args in _commands(example_plan):
        code, out, err = run(*args)
        assert code in (1, 2), args
        assert expected in (out + err).splitlines(), args


def test_a_merge_key_still_merges(example_plan: Path) -> None:
    """What '<<' is for, a key of the mapping overriding a merged one, is not a duplicate."""
    replace_in(example_plan, "  table_numerals: arabic ", "  <<: {table_numerals: thai}\n  table_numerals: arabic ")
    assert run("validate", example_plan).code == 0


def test_a_district_output_that_cannot_be_written_fails_the_district_not_the_program(
        example_district: Path, tmp_path: Path) -> None:
    """A file named _district in the output folder, or a folder where a district document goes,
    ended the build with a traceback after every tambon was built."""
    from conftest import stand_in_plan_book

    out = tmp_path / "out"
    out.mkdir()
    (out / "_district").write_text("", encoding="utf-8")
    args = ("build", "-o", out, "--templates", stand_in_plan_book(tmp_path / "tpl"), example_district)
    code, stdout, _ = run(*args)
    assert code == 1
    assert stdout.splitlines()[-2:] == [
        f"{example_district} (เอกสารของอำเภอ): ล้มเหลว: {out / '_district'}: มีไฟล์ชื่อเดียวกับโฟลเดอร์ผลลัพธ์อยู่แล้ว "
        "ให้ย้ายไฟล์นี้หรือใช้ -o โฟลเดอร์อื่น", "สร้างแล้ว 3, ไม่เปลี่ยนแปลง 0, ล้มเหลว 1"]
    (out / "_district").unlink()
    (out / "_district" / "report.xlsx").mkdir(parents=True)
    code, stdout, _ = run(*args)
    assert code == 1
    assert stdout.splitlines()[-2:] == [
        f"{example_district} (เอกสารของอำเภอ): ล้มเหลว: {out / '_district' / 'report.xlsx'}: เขียนไฟล์ไม่ได้: "
        "ที่อยู่นี้เป็นโฟลเดอร์ ไม่ใช่ไฟล์ [Is a directory]", "สร้างแล้ว 0, ไม่เปลี่ยนแปลง 3, ล้มเหลว 1"]


@pytest.mark.parametrize("command", ["export-xlsx", "xlsx-template", "next-year"])
def test_an_output_inside_a_file_says_a_file_is_in_the_way(example_plan: Path, command: str) -> None:
    """mkdir calls a file at the folder's name 'File exists': the message had only that, in English."""
    (example_plan.parent / "afile").write_text("", encoding="utf-8")
    target = example_plan.parent / "afile" / ("next.yaml" if command == "next-year" else "x.xlsx")
    assert run(command, example_plan, "-o", target) == (
        1, "", f"{target}: เขียนไฟล์ไม่ได้: มีไฟล์ชื่อเดียวกับโฟลเดอร์ที่ต้องใช้อยู่ในเส้นทาง [Not a directory]\n")


@pytest.mark.parametrize("year", ["-5", "99999999999999999999999", "true"])
def test_status_of_a_district_whose_fiscal_year_is_no_year(example_district: Path, year: str) -> None:
    """status computed the round's dates from any integer: a traceback for -5 (year -549) and for
    a 23-digit year; 'true' counted as the year 1. Such a year is now no year, as the deadlines
    already took it, and validate says what is wrong with it."""
    replace_in(example_district / "district.yaml", "fiscal_year: 2568", f"fiscal_year: {year}")
    code, out, _ = run("status", example_district, "--today", "2568-01-10")
    assert code == 0
    assert out.splitlines()[0] == "อำเภอบางคล้า จังหวัดฉะเชิงเทรา (ณ วันที่ 10 ม.ค. 2568)"


CHANGED = ("ไฟล์ถูกแก้ไขหรือบันทึกทับระหว่างที่คำสั่งทำงาน (เช่น บันทึกจากโปรแกรมแก้ไข) จึงไม่เขียนทับ "
           "เพื่อไม่ให้สิ่งที่แก้หายไป ให้สั่งคำสั่งเดิมอีกครั้ง")


@pytest.mark.parametrize("command", ["fmt", "next-year", "import-xlsx"])
def test_a_plan_saved_from_an_editor_while_a_command_rewrites_it_is_not_overwritten(
        example_plan: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    """fmt (a pre-commit hook), next-year -o PLAN and import-xlsx read the plan, work on it, then
    replaced it: what the user saved in between was lost without a word."""
    import openpyxl

    from tambondoc.authoring import fmt, nextyear
    from tambondoc.importing import run as importing

    replace_in(example_plan, "schema_version: 1\n", "schema_version:    1\n")
    saved = example_plan.read_text(encoding="utf-8").replace("revision: 2 ", "revision: 7 ")

    def editor_saves(original: object) -> object:
        def wrapped(*args: object, **kwargs: object) -> object:
            result = original(*args, **kwargs)  # type: ignore[operator]
            example_plan.write_text(saved, encoding="utf-8")
            return result
        return wrapped

    if command == "fmt":
        monkeypatch.setattr(fmt, "format_text", editor_saves(fmt.format_text))
        args: tuple[object, ...] = ("fmt", example_plan)
    elif command == "next-year":
        monkeypatch.setattr(nextyear, "roll_forward", editor_saves(nextyear.roll_forward))
        args = ("next-year", example_plan, "-o", example_plan)
    else:
        book = example_plan.parent / "projects.xlsx"
        assert run("export-xlsx", example_plan, "-o", book).code == 0
        wb = openpyxl.load_workbook(book)
        wb["โครงการ"]["B2"] = "ชื่อใหม่"
        wb.save(book)
        monkeypatch.setattr(importing, "_validate_new", editor_saves(importing._validate_new))
        args = ("import-xlsx", book, "--into", example_plan)
    code, _, err = run(*args)
    assert code == 1
    assert f"{example_plan}: {CHANGED}" in err.splitlines()
    assert example_plan.read_text(encoding="utf-8") == saved
    assert not [p for p in example_plan.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(("head", "kind"), [(b"PK\x03\x04", "ไฟล์ zip (เช่น Excel หรือ Word: .xlsx, .docx)"),
                                            (b"\x89PNG\r\n\x1a\n", "ภาพ PNG"), (b"%PDF-1.7\n%\xe2\xe3", "ไฟล์ PDF")])
def test_a_workbook_photo_or_pdf_named_as_the_plan_is_said_to_be_one(tmp_path: Path, head: bytes, kind: str) -> None:
    """'validate projects.xlsx' said the file was not UTF-8 and might be Windows-874: the officer
    was sent to re-save, as UTF-8, a file that was never a plan."""
    wrong = tmp_path / "projects.xlsx"
    wrong.write_bytes(head + bytes(range(256)) * 4)
    expected = f"{wrong}:1:1: error: ไฟล์นี้เป็น{kind} ไม่ใช่ไฟล์แผน (ไฟล์ข้อความ .yaml) ตรวจว่าเลือกไฟล์ถูก"
    for args in (("validate", wrong), ("fmt", wrong), ("diff", wrong, wrong), ("next-year", wrong),
                 ("export-xlsx", wrong, "-o", tmp_path / "x.xlsx")):
        code, out, err = run(*args)
        assert code in (1, 2) and expected in (out + err).splitlines(), args


def test_a_yes_where_true_or_false_goes_reads_as_thai(example_plan: Path) -> None:
    """'fictional: yes' is text in YAML 1.2; the message ran Thai into Latin: 'ต้องเป็นtrue/false'."""
    line = replace_in(example_plan, "  fictional: true ", "  fictional: yes ")
    code, out, _ = run("validate", example_plan)
    assert code == 1 and out.splitlines()[0] == (
        f"{example_plan}:{line}:14: error: ต้องเป็น true หรือ false (ข้อมูลสมมุติ) แต่พบ 'yes' ($.settings.fictional)")


def test_an_output_name_too_long_is_said_in_thai(example_plan: Path) -> None:
    """next-year's default output (the plan's name and the years) and export-xlsx's -o failed
    their 'is it there already' look with only the system's English: 'File name too long'."""
    long = example_plan.with_name("ก" * 82 + ".yaml")  # 246 bytes: the years take it past 255
    example_plan.rename(long)
    too_long = "เขียนหรืออ่านไฟล์ไม่ได้: ชื่อไฟล์หรือที่อยู่ยาวเกินไป ให้ใช้ชื่อที่สั้นลง [File name too long]"
    target = long.with_name("ก" * 82 + "-2572-2573.yaml")
    assert run("next-year", long) == (1, "", f"{target}: {too_long}\n")
    book = long.with_name("ก" * 82 + "-projects.xlsx")
    assert run("export-xlsx", long, "-o", book) == (1, "", f"{book}: {too_long}\n")


def test_a_position_copied_from_a_pdf_is_the_same_position(example_district: Path) -> None:
    """สระอำ copied from a PDF is two marks (U+0E4D U+0E32): the position looked the same on
    screen, yet the district reported it as a different one, three times, with both spellings
    printed identically."""
    position = "ประธานศูนย์ประสานงานองค์การชุมชนตำบลปากน้ำ"
    replace_in(example_district / "plans" / "pak-nam.yaml", f"นางมาลี ศรีบางคล้า, position: {position}",
               f"นางมาลี\u00a0ศรีบางคล้า, position: {position.replace('ำ', 'ํา')}", count=3)
    assert run("validate", example_district) == (0, "", "ตรวจ 4 ไฟล์: ผ่าน 4, ไม่ผ่าน 0\n")



def test_a_committee_member_pasted_twice_with_an_invisible_difference_is_a_duplicate(example_plan: Path) -> None:
    """A zero-width space (from a web page or LINE) made one member two: the order would list
    the same person twice."""
    member = "    - {name: นายชาตรี วงศ์ใหญ่, position: นายกเทศมนตรีตำบลหนองบัวงาม, role: กรรมการ}\n"
    line = replace_in(example_plan, member, member + member.replace("นายชาตรี ", "นายชาตรี\u200b ")) + 1
    code, out, _ = run("validate", example_plan)
    assert code == 1
    assert f"{example_plan}:{line}:14: error: กรรมการชื่อ 'นายชาตรี\u200b วงศ์ใหญ่' ซ้ำกับรายการที่ 3 " \
           "ให้ใช้ค่าที่ไม่ซ้ำกัน ($.committee.members[3].name)" in out.splitlines()


def test_a_whole_number_written_with_a_decimal_point_is_refused_before_a_document_prints_it(
        example_plan: Path) -> None:
    """JSON Schema counts 2.0 as an integer: 'revision: 2.0' validated, and the plan book's cover
    read 'ฉบับทบทวน ครั้งที่ ๒.๐'."""
    line = replace_in(example_plan, "  revision: 2 ", "  revision: 2.0 ")
    village = replace_in(example_plan, "    - no: 1\n", "    - no: 1.0\n")
    code, out, _ = run("validate", example_plan)
    assert code == 1
    assert out.splitlines()[:2] == [
        f"{example_plan}:{line}:13: error: ต้องเป็นจำนวนเต็ม ไม่มีจุดทศนิยม ให้แก้ 2.0 เป็น 2 "
        "(เอกสารพิมพ์ตามที่เขียน: 2.0) ($.plan.revision)",
        f"{example_plan}:{village}:11: error: ต้องเป็นจำนวนเต็ม ไม่มีจุดทศนิยม ให้แก้ 1.0 เป็น 1 "
        "(เอกสารพิมพ์ตามที่เขียน: 1.0) ($.tambon.villages[0].no)"]
    replace_in(example_plan, "    sq_km: 46", "    sq_km: 46.0")  # a number that may have decimals may be written so
    assert "sq_km" not in run("validate", example_plan).out


@pytest.mark.parametrize("limit", ["inf", "1e400", "99999999999", "nan"])
def test_a_plan_size_limit_set_by_hand_out_of_range_keeps_the_default(
        example_plan: Path, monkeypatch: pytest.MonkeyPatch, limit: str) -> None:
    """TAMBONDOC_MAX_PLAN_MB (how --max-plan-mb reaches a parallel build's processes) set by hand
    to 'inf' was an OverflowError, to 10^11 MB a MemoryError: the read buffer is the limit."""
    from tambondoc.plan.load import LIMIT_ENV, MAX_BYTES, max_bytes

    monkeypatch.setenv(LIMIT_ENV, limit)
    assert max_bytes() == MAX_BYTES
    assert run("validate", example_plan).code == 0
