"""tambondoc diff of district.yaml: what a reviewer of a district's pull request reads in Thai.

Before, ``tambondoc diff`` read both sides as tambon plans: a district.yaml edited during the
year (a new chief, a signer on behalf, a deadline, an officer moved) came out as "no change",
after two warnings that each side lacked a plan's sections.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, replace_in, run

DISTRICT = ROOT / "examples" / "district"


@pytest.fixture
def sides(tmp_path: Path) -> tuple[Path, Path]:
    """The example district.yaml and the same edited as an officer would during the year."""
    old = tmp_path / "old" / "district.yaml"
    new = tmp_path / "new" / "district.yaml"
    for path in (old, new):
        path.parent.mkdir()
        shutil.copy(DISTRICT / "district.yaml", path)
    replace_in(new, "name: นายวรวุฒิ ศักดิ์สิทธิ์", "name: นายเกรียงไกร ศักดิ์ดี")
    replace_in(new, "# signer:\n#   name: นายสุรเชษฐ์ มั่นคงดี\n#   position: ปลัดอำเภอ หัวหน้าฝ่ายบริหารงานปกครอง\n"
                    "#   on_behalf: ปฏิบัติราชการแทนนายอำเภอบางคล้า",
               "signer:\n  name: นายสุรเชษฐ์ มั่นคงดี\n  position: ปลัดอำเภอ หัวหน้าฝ่ายบริหารงานปกครอง\n"
               "  on_behalf: ปฏิบัติราชการแทนนายอำเภอบางคล้า")
    replace_in(new, "# deadlines:\n#   orders: 2567-12-25", "deadlines:\n  workshop_report: 2568-04-10")
    replace_in(new, "tambons: [บางสวน, ปากน้ำ]}", "tambons: [บางสวน]}")
    replace_in(new, "tambons: [เสม็ดเหนือ]}", "tambons: [เสม็ดเหนือ, ปากน้ำ]}")
    return old, new


def test_district_diff_text(sides: tuple[Path, Path]) -> None:
    old, new = sides
    ran = run("diff", old, new)
    assert ran.code == 0, ran
    assert ran.out.splitlines() == [
        f"เปรียบเทียบข้อมูลอำเภอ: {old} → {new}",
        "",
        "อำเภอและรอบงาน",
        "  กำหนดส่งจังหวัด › รายงานเวทีประชาคมจัดทำแผน: — → 2568-04-10",
        "",
        "นายอำเภอและผู้ลงนาม",
        "  นายอำเภอ › ชื่อ-สกุล: นายวรวุฒิ ศักดิ์สิทธิ์ → นายเกรียงไกร ศักดิ์ดี",
        "  ผู้ลงนาม › ชื่อ-สกุล: — → นายสุรเชษฐ์ มั่นคงดี",
        "  ผู้ลงนาม › ตำแหน่ง: — → ปลัดอำเภอ หัวหน้าฝ่ายบริหารงานปกครอง",
        "  ผู้ลงนาม › ปฏิบัติราชการแทน: — → ปฏิบัติราชการแทนนายอำเภอบางคล้า",
        "",
        "สำนักงานพัฒนาชุมชนอำเภอและเจ้าหน้าที่",
        "  ~ นายธีรพงษ์ แก้วมณี นักวิชาการพัฒนาชุมชนชำนาญการ",
        "      ตำบลที่รับผิดชอบ: บางสวน, ปากน้ำ → บางสวน",
        "  ~ นางสาวอรุณี ทองสุข นักวิชาการพัฒนาชุมชนปฏิบัติการ",
        "      ตำบลที่รับผิดชอบ: เสม็ดเหนือ → เสม็ดเหนือ, ปากน้ำ",
        "",
        "กำหนดส่งจังหวัดที่ใช้ (ตามที่ใส่ไว้ หรือคำนวณจากปีงบประมาณ)",
        "  รายงานเวทีประชาคมจัดทำแผนพัฒนาตำบล: 31 มีนาคม 2568 → 10 เมษายน 2568",
    ]
    assert run("diff", old, new, "--exit-code").code == 1
    assert run("diff", old, old, "--exit-code") == (0, f"เปรียบเทียบข้อมูลอำเภอ: {old} → {old}\nไม่มีการเปลี่ยนแปลง\n", "")


def test_district_diff_markdown_and_json(sides: tuple[Path, Path]) -> None:
    old, new = sides
    replace_in(new, "  - {id: PS2, name: ส่งเสริมการท่องเที่ยวเชิงวิถีชีวิตลุ่มน้ำบางปะกง}\n", "")
    replace_in(new, "role: กรรมการและผู้ช่วยเลขานุการ}", "role: กรรมการ}")
    md = run("diff", old, new, "--format", "markdown").out
    assert f"### ข้อมูลอำเภอ: เปรียบเทียบ `{old}` → `{new}`" in md
    assert "| นายอำเภอ › ชื่อ-สกุล | นายวรวุฒิ ศักดิ์สิทธิ์ | นายเกรียงไกร ศักดิ์ดี |" in md
    assert "| รายงานเวทีประชาคมจัดทำแผนพัฒนาตำบล | 31 มีนาคม 2568 | 10 เมษายน 2568 |" in md
    assert "#### ประเด็นยุทธศาสตร์จังหวัด\n\n**ลบ 1**\n\n| รหัส | ประเด็นยุทธศาสตร์ |" in md
    assert "| PS2 | ส่งเสริมการท่องเที่ยวเชิงวิถีชีวิตลุ่มน้ำบางปะกง |" in md
    assert "#### คณะกรรมการบริหาร ศอช.อ.\n\n**แก้ไข 1**\n\n`นายเอกชัย บุญมาก` ผู้แทนสภาเด็กและเยาวชนอำเภอบางคล้า" in md
    assert "| บทบาท | กรรมการและผู้ช่วยเลขานุการ | กรรมการ |" in md
    data = json.loads(run("diff", old, new, "--format", "json").out)
    assert data["kind"] == "district" and data["changed"] is True
    assert data["signers"][0] == {"path": "chief.name", "old": "นายวรวุฒิ ศักดิ์สิทธิ์", "new": "นายเกรียงไกร ศักดิ์ดี"}
    assert data["strategies"]["removed"] == [{"id": "PS2", "name": "ส่งเสริมการท่องเที่ยวเชิงวิถีชีวิตลุ่มน้ำบางปะกง",
                                              "detail": "", "amount": None}]


def test_district_diff_of_an_invalid_side_and_of_a_plan(sides: tuple[Path, Path]) -> None:
    old, new = sides
    replace_in(new, "fiscal_year: 2568", "fiscal_year: สองพันห้าร้อย")
    ran = run("diff", old, new)
    assert ran.code == 0
    assert ran.out.splitlines()[1].startswith(f"! {new} ไม่ผ่านการตรวจสอบ (1 ปัญหา) เช่น {new}:")
    assert "  ปีงบประมาณ: 2568 → สองพันห้าร้อย" in ran.out.splitlines()
    plan = DISTRICT / "plans" / "bang-suan.yaml"
    ran = run("diff", old, plan)
    assert ran.code == 2
    assert ran.err.strip().endswith(f"{old} เป็นข้อมูลอำเภอ (district.yaml) แต่ {plan} เป็นแผนพัฒนาตำบล: "
                                    "เปรียบเทียบได้เฉพาะแผนกับแผน หรือ district.yaml กับ district.yaml")


def test_diff_markdown_of_a_side_that_does_not_load(tmp_path: Path) -> None:
    """The problem prints as text on stderr and the exit is 2; before, 'markdown' is no problem
    reporter: a traceback and exit 1, which --exit-code means "changes found"."""
    bad = tmp_path / "district.yaml"
    bad.write_text("district: [\n", encoding="utf-8")
    ran = run("diff", bad, DISTRICT / "district.yaml", "--format", "markdown")
    assert ran == (2, "", f"{bad}:2:1: error: YAML ไม่ถูกต้อง: วงเล็บ [ หรือ {{ ที่เปิดตรงนี้ยังไม่ได้ปิด "
                          "หรือขาดเครื่องหมาย , ระหว่างค่า [did not find expected node content]\n")


@pytest.mark.parametrize("example", ["github-workflow.yml", "gitlab-ci.yml"])
def test_ci_examples_diff_district_yaml(example: str) -> None:
    """The review comment of a district's pull request holds the district.yaml diff too."""
    text = (ROOT / "examples" / example).read_text(encoding="utf-8")
    assert "-- ':(icase)plans/*.yaml' ':(icase)plans/*.yml' district.yaml |" in text
