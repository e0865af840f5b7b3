"""Real place names: the shipped list of จังหวัด/อำเภอ/ตำบล, validate's warnings, the tambon code."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from conftest import replace_in, run

from tambondoc.check.validate import validate_file
from tambondoc.context.build import build_context
from tambondoc.plan.places import country, find

FICTIONAL = "  fictional: true"
HINT = " (ถ้าเป็นชื่อสมมุติ ให้ใส่ settings.fictional: true)"


def test_the_list_ships_inside_the_package_with_its_licences() -> None:
    folder = resources.files("tambondoc.plan").joinpath("thai_admin")
    assert "Kongvut Sangkla" in folder.joinpath("LICENSE").read_text(encoding="utf-8")
    assert "Joe Takara" in folder.joinpath("LICENSE-thailand-geography-json").read_text(encoding="utf-8")
    provinces = country().children
    assert len(provinces) == 77
    assert sum(len(p.children) for p in provinces) >= 928
    assert sum(len(d.children) for p in provinces for d in p.children) >= 7436
    assert all(len(p.code) == 2 and all(d.code.startswith(p.code) for d in p.children if d.code) for p in provinces)


@pytest.mark.parametrize("names, code", [
    (("พิษณุโลก", "วังทอง", "วังทอง"), "650801"),
    (("จังหวัดพิษณุโลก", "อำเภอเมืองพิษณุโลก", "ตำบลในเมือง"), "650101"),
    (("พิษณุโลก", "เมือง", "ในเมือง"), "650101"),                   # 'อำเภอเมือง' of the province
    (("กรุงเทพมหานคร", "บางนา", "บางนา"), "104701"),                 # without เขต/แขวง
    (("กรุงเทพฯ", "เขตบางนา", "แขวงบางนาเหนือ"), "104702"),          # a แขวง only the second list has
    (("เชียงใหม่", "กัลยาณิวัฒนา", "แจ่มหลวง"), "502503"),            # a district only the second list has
    (("อุบลราชธานี", "วารินชำราบ", "ห้วยขะยุง"), "341524"),          # the second list's spelling
    (("ร้อยเอ็ด", "เมืองร้อยเอ็ด", "ปอพาน"), "450109"),              # 'ปอภาร (ปอพาน)'
    (("นครปฐม", "สามพราน", "ท่าตลาด"), "730609"),
    (("พิษณุโลก", "วังทอง", "วังทอง\u200b"), "650801"),               # an invisible space pasted in
])
def test_names_from_either_list_are_found(names: tuple[str, str, str], code: str) -> None:
    found = find(*names)
    assert (found.code, found.problems) == (code, None)


def test_a_typo_is_caught_with_the_nearest_names() -> None:
    assert find("พิษณุโลก", "วังทอง", "วังทอ").problems == {
        "tambon": f"ไม่พบตำบล 'วังทอ' ในอำเภอวังทอง จังหวัดพิษณุโลก หมายถึง 'วังทอง' หรือไม่?{HINT}"}
    assert find("พิษณุโลก", "เมืองพิษนุโลก", "ในเมือง").problems == {
        "amphoe": f"ไม่พบอำเภอ 'เมืองพิษนุโลก' ในจังหวัดพิษณุโลก หมายถึง 'เมืองพิษณุโลก' หรือไม่?{HINT}"}
    assert find("พิษณุโลค", "วังทอง", "วังทอง").problems == {
        "changwat": f"ไม่พบจังหวัด 'พิษณุโลค' หมายถึง 'พิษณุโลก' หรือไม่?{HINT}"}
    assert find("ชลบุรี", "เนินสอาด", "หนองบัว").problems["amphoe"].startswith(
        "ไม่พบอำเภอ 'เนินสอาด' ในจังหวัดชลบุรี (มี เมืองชลบุรี, บ้านบึง, ")


def test_names_that_do_not_belong_together() -> None:
    assert find("นครสวรรค์", "วังทอง", "วังทอง").problems == {
        "amphoe": "อำเภอ 'วังทอง' ไม่อยู่ในจังหวัดนครสวรรค์ แต่อยู่ในจังหวัดพิษณุโลก ให้ตรวจชื่ออำเภอหรือจังหวัด"}
    assert find("พิษณุโลก", "วังทอง", "ในเมือง").problems == {
        "tambon": "ตำบล 'ในเมือง' ไม่อยู่ในอำเภอวังทอง จังหวัดพิษณุโลก แต่อยู่ในอำเภอเมืองพิษณุโลก "
                  "ให้ตรวจชื่อตำบลหรืออำเภอ"}
    assert find("กรุงเทพมหานคร", "บางนา", "บางบอนเหนือ").problems == {
        "tambon": "แขวง 'บางบอนเหนือ' ไม่อยู่ในเขตบางนา จังหวัดกรุงเทพมหานคร แต่อยู่ในเขตบางบอน "
                  "ให้ตรวจชื่อแขวงหรืออำเภอ"}


def _real(plan: Path, amphoe: str = "วังทอง", tambon: str = "วังทอง") -> None:
    replace_in(plan, FICTIONAL + " ", "  #fictional: true ")
    replace_in(plan, "  name: หนองบัวงาม ", f"  name: {tambon} ")
    replace_in(plan, "  amphoe: เนินสะอาด\n", f"  amphoe: {amphoe}\n")


def test_validate_warns_at_the_line_of_the_name(example_plan: Path) -> None:
    _real(example_plan, amphoe="วังทอง", tambon="วังทอ")
    line = example_plan.read_text(encoding="utf-8").split("\n").index("  name: วังทอ      # ไม่ต้องเขียนคำว่า ตำบล") + 1
    code, out, _ = run("validate", example_plan)
    assert code == 0
    assert out.splitlines() == [
        f"{example_plan}:{line}:9: warning: ไม่พบตำบล 'วังทอ' ในอำเภอวังทอง จังหวัดพิษณุโลก หมายถึง 'วังทอง' หรือไม่?"
        f"{HINT} ($.tambon.name)"]
    assert validate_file(example_plan).problems[0].rule == "place-names"


def test_the_example_is_fictional_and_a_real_plan_has_its_code(example_plan: Path) -> None:
    context = build_context(validate_file(example_plan).data)
    assert context["tambon"]["fictional"] is True
    assert (context["tambon"]["code"], context["tambon"]["amphoe_code"], context["tambon"]["changwat_code"]) == \
        (None, None, None)
    assert "fictional" not in context["settings"]
    replace_in(example_plan, FICTIONAL + " ", "  #fictional: true ")
    code, out, _ = run("validate", example_plan)
    assert code == 0 and "warning: ไม่พบอำเภอ 'เนินสะอาด' ในจังหวัดพิษณุโลก หมายถึง 'เนินมะปราง' หรือไม่?" in out
    replace_in(example_plan, "  name: หนองบัวงาม ", "  name: วังทอง ")
    replace_in(example_plan, "  amphoe: เนินสะอาด\n", "  amphoe: วังทอง\n")
    checked = validate_file(example_plan)
    assert [p for p in checked.problems if p.rule == "place-names"] == []
    tambon = build_context(checked.data)["tambon"]
    assert (tambon["fictional"], tambon["code"], tambon["amphoe_code"], tambon["changwat_code"]) == \
        (False, "650801", "6508", "65")
