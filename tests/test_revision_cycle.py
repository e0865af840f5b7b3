"""The yearly revision cycle run on plans shaped like real ones (long texts, numbered and CRLF
lines, several sources): one test per problem found; each fails on the code before its fix.
"""

from __future__ import annotations

from pathlib import Path

from conftest import run
from test_excel import fill, template, village_row


def _renumbered_after_a_deletion(example_plan: Path) -> Path:
    """P040 deleted and P041..P044 renumbered down, as officers keep their numbering unbroken,
    and P043 (now P042) renamed on the way."""
    text = example_plan.read_text(encoding="utf-8")
    text = text[: text.index("  - id: P040\n")] + text[text.index("  - id: P041\n"):]
    for n in range(41, 45):
        text = text.replace(f"  - id: P0{n}\n", f"  - id: P0{n - 1}\n")
    new = example_plan.with_name("renumbered.yaml")
    new.write_text(text.replace("    name: ศูนย์ยุติธรรมชุมชนและไกล่เกลี่ยข้อพิพาท\n", "    name: ศูนย์ยุติธรรมชุมชน\n"),
                   encoding="utf-8")
    return new


def test_diff_of_projects_renumbered_after_a_deletion_shows_the_deleted_one(example_plan: Path) -> None:
    """Each id then held the next project: the diff showed the last project (P044) removed and
    every renumbered one rewritten field by field under its id, the deleted P040 nowhere."""
    code, out, _ = run("diff", example_plan, _renumbered_after_a_deletion(example_plan))
    assert code == 0
    assert out.splitlines()[1:12] == [
        "โครงการ เพิ่ม 0 ลบ 1 แก้ไข 1 เปลี่ยนรหัส 3 · งบประมาณรวม 12,178,000 → 11,528,000 บาท (-650,000)",
        "",
        "โครงการ",
        "  - P040 ขยายเขตประปาหมู่บ้านหนองบัวงาม [S5] (650,000 บาท)",
        "  ~ P042 ศูนย์ยุติธรรมชุมชน",
        "      รหัสโครงการ: P043 → P042",
        "      ชื่อโครงการ: ศูนย์ยุติธรรมชุมชนและไกล่เกลี่ยข้อพิพาท → ศูนย์ยุติธรรมชุมชน",
        "  ~ P041 → P040 เวทีประชาคมทบทวนแผนพัฒนาหมู่บ้านและตำบล (เปลี่ยนรหัสเท่านั้น)",
        "  ~ P042 → P041 อบรมคณะกรรมการหมู่บ้านด้านธรรมาภิบาล (เปลี่ยนรหัสเท่านั้น)",
        "  ~ P044 → P043 จัดทำป้ายชื่อหมู่บ้านและแผนที่ชุมชน (เปลี่ยนรหัสเท่านั้น)",
        "",
    ]


def test_diff_of_a_next_year_revision_compares_each_year_with_the_year_it_moved_from(example_plan: Path) -> None:
    """The projects were compared past the move of the fiscal years, the budget per year was
    not: one budget raised by 50,000 showed 2571 emptied, 2573 new, and 2572 changed by the
    difference of two different years."""
    new = example_plan.with_name("next.yaml")
    assert run("next-year", example_plan, "-o", new).code == 0
    text = new.read_text(encoding="utf-8").replace(
        "status:    # ดำเนินการแล้ว | อยู่ระหว่างดำเนินการ | ยังไม่ดำเนินการ | ยกเลิก", "status: ยังไม่ดำเนินการ")
    new.write_text(text.replace("      - {year: 2572, amount: 450000, funding: {local: 450000}}\n",
                                "      - {year: 2572, amount: 500000, funding: {local: 500000}}\n", 1), encoding="utf-8")
    code, out, _ = run("diff", example_plan, new)
    assert code == 0
    years = out.split("  ตามปีงบประมาณ\n")[1].splitlines()[:2]
    assert years == ["    2572: 5,414,000 → 5,464,000 (+50,000)", "  รวมทั้งสิ้น: 12,178,000 → 12,228,000 (+50,000)"]


def test_import_dry_run_shows_only_the_lines_it_changes_in_a_long_plan(tmp_path: Path) -> None:
    """difflib's junk heuristic took lines as common as '        funding:' in a plan of
    thousands of lines for junk: the dry run showed them removed and added again around an edited
    amount."""
    from tambondoc.importing.run import ImportResult

    block = "      - year: 2571\n        amount: {0}\n        funding:\n          local: {0}\n"
    old = "".join(block.format(100 + i) for i in range(100))
    new = old.replace(block.format(150), block.format(99))
    result = ImportResult(tmp_path / "plan.yaml", old, new)
    assert result.diff().splitlines()[2:] == [
        "@@ -199,9 +199,9 @@", "         funding:", "           local: 149", "       - year: 2571", "-        amount: 150",
        "+        amount: 99", "         funding:", "-          local: 150", "+          local: 99",
        "       - year: 2571", "         amount: 151", "         funding:"]


def test_coordination_list_cells_hold_no_line_end_characters_of_texts_typed_on_windows(example_plan: Path) -> None:
    """A text with CRLF line ends (pasted from Word) was split at its LFs only: each line but
    the last kept its CR, which the XML parser turned into a line-end character inside w:t,
    before each line break of the coordination list's cell."""
    import re
    import zipfile

    from conftest import replace_in

    replace_in(example_plan, "    objective: เพื่อเพิ่มปริมาณการกักเก็บน้ำสำหรับการเกษตร\n",
               '    objective: "1. เพื่อเพิ่มปริมาณการกักเก็บน้ำ\\r\\n2. เพื่อการเกษตร"\n')
    out = example_plan.parent.parent / "out"
    assert run("build", example_plan, "-o", out).code == 0
    xml = zipfile.ZipFile(out / "example-tambon" / "coordination-tm-nongbua.docx").read("word/document.xml").decode()
    # '1.' is kept with its first word by a no-break space (thai.keep_list_marks)
    assert re.findall(r"<w:t[^>]*>(1\.\u00a0เพื่อเพิ่ม[^<]*)</w:t>(<w:br/>)", xml) == [
        ("1.\u00a0เพื่อเพิ่มปริมาณการกักเก็บน้ำ", "<w:br/>")]


def test_combining_villages_rows_names_each_text_it_leaves_out(example_plan: Path, tmp_path: Path) -> None:
    """--combine keeps the first row's texts; a later village's different objective was dropped
    without a word (only the tactic, approach, agency and อปท. were compared)."""
    blank = template(example_plan)
    long = "เพื่อให้ประชาชนสัญจรได้สะดวกและปลอดภัยตลอดทั้งปี\nลดอุบัติเหตุบนถนนสายหลักของหมู่บ้านในฤดูฝนที่ถนนลื่นและเป็นหลุมบ่อ"
    v3 = fill(blank, tmp_path / "v3.xlsx", [village_row(village=3, **{"วัตถุประสงค์": long})])
    v5 = fill(blank, tmp_path / "v5.xlsx", [village_row(village=5, **{"วัตถุประสงค์": "เพื่อการสัญจร", "ระยะเวลา": "ม.ค. 2571"})])
    code, _, err = run("import-xlsx", v3, v5, "--into", example_plan, "--combine")
    assert code == 0
    assert err.splitlines()[1:] == [
        f"{v5}:โครงการ!E2: warning: วัตถุประสงค์ 'เพื่อการสัญจร' ไม่ตรงกับแถวแรก ใช้ "
        f"'เพื่อให้ประชาชนสัญจรได้สะดวกและปลอดภัยตลอดทั้งปี…' จาก {v3}:โครงการ!E2"]


def test_export_locks_the_sheets_the_import_does_not_read(example_plan: Path) -> None:
    """An officer's budget typed in a strategy's sheet (or over a total in 'สรุป') was dropped
    without a word: the import reads the sheet 'โครงการ' only."""
    import openpyxl

    book = example_plan.with_name("projects.xlsx")
    assert run("export-xlsx", example_plan, "-o", book).code == 0
    wb = openpyxl.load_workbook(book)
    locked = {ws.title: bool(ws.protection.sheet) for ws in wb if ws.sheet_state == "visible"}
    assert locked == {"โครงการ": False, "สรุป": True, "S1 ด้านการเพิ่มประสิทธิภาพการผ": True,
                      "S2 ด้านการส่งเสริมอาชีพและเศรษฐ": True, "S3 ด้านการพัฒนาคุณภาพคนและสังคม": True,
                      "S4 ด้านการบริหารจัดการทรัพยากรธ": True, "S5 ด้านโครงสร้างพื้นฐานและการบ": True,
                      "คำอธิบาย": False}
    assert not wb["S1 ด้านการเพิ่มประสิทธิภาพการผ"].protection.autoFilter  # filtering stays allowed


def test_an_amount_with_a_misplaced_thousands_comma_is_refused_at_its_cell(example_plan: Path, tmp_path: Path) -> None:
    """'1,2000' (12,000 or 1,200?) was read as 12000 without a word; commas every three digits,
    as '1,200,000' and '๕๐,๐๐๐', still read as numbers."""
    blank = template(example_plan)
    book = fill(blank, tmp_path / "v3.xlsx", [village_row(amount="1,2000"), village_row(name="ขุดลอกคลอง", amount="๕๐,๐๐๐")])
    before = example_plan.read_bytes()
    code, out, err = run("import-xlsx", book, "--into", example_plan)
    assert (code, out) == (1, "")
    assert err.splitlines() == [f"{book}:โครงการ!M2: error: งบประมาณ (บาท) มีจุลภาค (,) ผิดที่ (พบ '1,2000') "
                                "จุลภาคคั่นทุก 3 หลัก เช่น 1,200,000 หรือไม่ต้องใส่",
                                f"นำเข้าไม่สำเร็จ: พบปัญหา 1 รายการ {example_plan} ไม่ถูกแก้ไข"]
    assert example_plan.read_bytes() == before


def test_diff_budget_tables_hold_only_the_rows_that_changed(example_plan: Path) -> None:
    """Moving one project to another strategy listed every strategy, source and year with its
    unchanged amount and '(0)' beside the two rows that moved."""
    from conftest import replace_in

    new = example_plan.with_name("moved.yaml")
    new.write_bytes(example_plan.read_bytes())
    replace_in(new, "    name: ก่อสร้างฝายชะลอน้ำลำห้วยน้ำใส\n    strategy: S1\n    tactic: S1.1\n",
               "    name: ก่อสร้างฝายชะลอน้ำลำห้วยน้ำใส\n    strategy: S2\n    tactic: S2.1\n")
    code, out, _ = run("diff", example_plan, new)
    assert code == 0
    lines = out.splitlines()
    start = lines.index("งบประมาณ (บาท) เฉพาะรายการที่เปลี่ยน: ก่อน → หลัง (เปลี่ยนแปลง)")
    assert lines[start:] == [
        "งบประมาณ (บาท) เฉพาะรายการที่เปลี่ยน: ก่อน → หลัง (เปลี่ยนแปลง)",
        "  ตามยุทธศาสตร์",
        "    S1 ยุทธศาสตร์ด้านการเพิ่มประสิทธิภาพการผลิตและการตลาดด้านการเกษตร: 3,695,000 → 3,115,000 (-580,000)",
        "    S2 ยุทธศาสตร์ด้านการส่งเสริมอาชีพและเศรษฐกิจฐานราก: 702,000 → 1,282,000 (+580,000)",
        "  รวมทั้งสิ้น: 12,178,000 → 12,178,000 (0)",
    ]
    code, out, _ = run("diff", "--format", "markdown", example_plan, new)
    assert out.count("| ก่อน | หลัง | เปลี่ยนแปลง |") == 1


def test_a_workbook_imported_again_adds_nothing_twice(example_plan: Path, tmp_path: Path) -> None:
    """Importing the same village workbook a second time (a rerun after a mistake, or two
    officers) added every row again under new ids, with a warning only."""
    book = fill(template(example_plan), tmp_path / "v3.xlsx",
                [village_row(**{"วัตถุประสงค์": "1. เพื่อการสัญจร\n2. เพื่อความปลอดภัย"}),
                 village_row(name="ขุดลอกคลอง", village="หมู่ 4", amount="1,200,000")])
    assert run("import-xlsx", book, "--into", example_plan).code == 0
    after = example_plan.read_bytes()
    code, out, err = run("import-xlsx", book, "--into", example_plan)
    assert (code, out) == (0, f"{example_plan}: ไม่มีการเปลี่ยนแปลง\n")
    assert err.splitlines() == [
        f"{book}:โครงการ!B{row}: warning: แผนมีโครงการนี้แล้วเป็น {pid} ข้อมูลตรงกันทุกช่อง (นำเข้าไปแล้ว) จึงไม่เพิ่มซ้ำ "
        f"ถ้าจะแก้โครงการนั้นให้ใส่ {pid} ในช่องรหัสโครงการ" for row, pid in ((2, "P046"), (3, "P047"))]
    assert example_plan.read_bytes() == after


def test_diff_of_long_and_numbered_texts_shows_the_part_that_changed(example_plan: Path) -> None:
    """A numbered objective with one line edited showed both whole texts on one line, every
    line joined by '\\n'; a word changed in a long target showed both texts whole; a text whose
    line ends alone changed (CRLF to LF, the same in every document) was listed as changed."""
    from conftest import replace_in

    target = ("ขุดลอกหนองน้ำสาธารณะ พื้นที่ 12 ไร่ ลึกเฉลี่ย 3 เมตร พร้อมก่อสร้างคันดินรอบหนองยาว 800 เมตร "
              "และปลูกหญ้าแฝกป้องกันการพังทลายของตลิ่ง {} ครัวเรือน ตามแบบของกรมทรัพยากรน้ำ")
    replace_in(example_plan, "    objective: เพื่อเพิ่มปริมาณการกักเก็บน้ำสำหรับการเกษตร\n",
               '    objective: "1. เพื่อเพิ่มปริมาณการกักเก็บน้ำ\\r\\n2. เพื่อการเกษตร 120 ครัวเรือน\\r\\n3. เพื่อการประมง"\n')
    replace_in(example_plan, "    target: ขุดลอกหนองน้ำ พื้นที่ 12 ไร่ ลึกเฉลี่ย 3 เมตร\n", f"    target: {target.format(120)}\n")
    replace_in(example_plan, "    objective: เพื่อชะลอน้ำและเพิ่มความชุ่มชื้นให้พื้นที่เกษตร\n",
               '    objective: "เพื่อชะลอน้ำ\\r\\nและเพิ่มความชุ่มชื้นให้พื้นที่เกษตร"\n')
    new = example_plan.with_name("edited.yaml")
    new.write_bytes(example_plan.read_bytes())
    replace_in(new, '"1. เพื่อเพิ่มปริมาณการกักเก็บน้ำ\\r\\n2. เพื่อการเกษตร 120 ครัวเรือน\\r\\n3. เพื่อการประมง"',
               '"1. เพื่อเพิ่มปริมาณการกักเก็บน้ำ\\n2. เพื่อการเกษตร 150 ครัวเรือน\\n3. เพื่อการประมง"')
    replace_in(new, target.format(120), target.format(150))
    replace_in(new, '"เพื่อชะลอน้ำ\\r\\nและเพิ่มความชุ่มชื้นให้พื้นที่เกษตร"', '"เพื่อชะลอน้ำ\\nและเพิ่มความชุ่มชื้นให้พื้นที่เกษตร"')
    code, out, _ = run("diff", example_plan, new)
    assert code == 0
    assert out.splitlines()[1:] == [
        "โครงการ เพิ่ม 0 ลบ 0 แก้ไข 1",
        "",
        "โครงการ",
        "  ~ P001 ขุดลอกหนองน้ำสาธารณะหนองบัวงาม",
        "      วัตถุประสงค์ บรรทัดที่ 2: 2. เพื่อการเกษตร 120 ครัวเรือน → 2. เพื่อการเกษตร 150 ครัวเรือน",
        "      เป้าหมาย (ผลผลิต): …ป้องกันการพังทลายของตลิ่ง 120 ครัวเรือน ตามแบบของกรมทรัพยากรน้ำ → "
        "…ป้องกันการพังทลายของตลิ่ง 150 ครัวเรือน ตามแบบของกรมทรัพยากรน้ำ",
    ]


def test_a_text_written_as_a_block_leaves_no_empty_last_line_in_cells(example_plan: Path) -> None:
    """A text of several lines written as a block ('|', as fmt and import-xlsx write them) ends
    with a line end: the coordination list's cell got an empty last line (a line break and an
    empty run) and the exported workbook's cell a trailing line end."""
    import re
    import zipfile

    import openpyxl
    from conftest import replace_in

    replace_in(example_plan, "    target: ขุดลอกหนองน้ำ พื้นที่ 12 ไร่ ลึกเฉลี่ย 3 เมตร\n",
               "    target: |\n      ขุดลอกหนองน้ำ พื้นที่ 12 ไร่\n      ลึกเฉลี่ย 3 เมตร\n")
    out = example_plan.parent.parent / "out"
    assert run("build", example_plan, "-o", out).code == 0
    xml = zipfile.ZipFile(out / "example-tambon" / "coordination-tm-nongbua.docx").read("word/document.xml").decode()
    assert re.findall(r"ขุดลอกหนองน้ำ พื้นที่ 12 ไร่</w:t>(.*?)</w:r>", xml) == [
        '<w:br/><w:t xml:space="preserve">ลึกเฉลี่ย 3 เมตร</w:t>']
    book = example_plan.with_name("projects.xlsx")
    assert run("export-xlsx", example_plan, "-o", book).code == 0
    assert openpyxl.load_workbook(book)["โครงการ"]["F2"].value == "ขุดลอกหนองน้ำ พื้นที่ 12 ไร่\nลึกเฉลี่ย 3 เมตร"
