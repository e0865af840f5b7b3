"""A district's repository: district.yaml and its schema, the ศอช. parts of a plan, `validate` of a
whole district (every problem at its file, line and column, naming the other file when it spans
two), `new-district` and the kit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLE_DISTRICT, ROOT, replace_in, run

from tambondoc import __version__
from tambondoc.plan.district import deadline, plan_files
from tambondoc.plan.schema import district_schema

BANG_SUAN, PAK_NAM, SAMET = "plans/bang-suan.yaml", "plans/pak-nam.yaml", "plans/samet-nuea.yaml"


def line_of(path: Path, needle: str, after: str = "") -> int:
    text = path.read_text(encoding="utf-8")
    return text[: text.index(needle, text.index(after) if after else 0)].count("\n") + 1


def col_of(path: Path, line: int, needle: str) -> int:
    return path.read_text(encoding="utf-8").splitlines()[line - 1].index(needle) + 1


def problems(folder: Path) -> tuple[int, list[str]]:
    code, out, _ = run("validate", folder)
    return code, out.splitlines()


def test_the_example_district_validates_without_a_word() -> None:
    assert run("validate", EXAMPLE_DISTRICT)[:2] == (0, "")
    code, _, err = run("validate", "-v", EXAMPLE_DISTRICT)
    assert code == 0 and err.splitlines()[0] == f"{EXAMPLE_DISTRICT}/district.yaml: ผ่าน"
    assert err.splitlines()[-1] == "ตรวจ 4 ไฟล์: ผ่าน 4, ไม่ผ่าน 0"
    assert [p.name for p in plan_files(EXAMPLE_DISTRICT)] == ["bang-suan.yaml", "pak-nam.yaml", "samet-nuea.yaml"]


def test_a_folder_of_plans_never_takes_district_yaml_for_a_plan(example_district: Path) -> None:
    code, _, err = run("validate", "-v", example_district / "plans", example_district / "district.yaml")
    assert code == 1  # district.yaml named as a plan is checked as one, and fails
    assert f"{example_district}/district.yaml: ไม่ผ่าน" in err
    assert run("fmt", "--check", example_district)[0] == 0  # fmt walks the plans only


def test_deadlines_default_to_the_provinces_letter() -> None:
    assert [str(deadline({"fiscal_year": 2568}, k)) for k in ("orders", "workshop_report", "activity_report")] \
        == ["2024-12-25", "2025-03-31", "2025-07-31"]
    assert str(deadline({"fiscal_year": 2568, "deadlines": {"orders": "2567-12-20"}}, "orders")) == "2024-12-20"
    assert deadline({"fiscal_year": "2568"}, "orders") is None


# ---------------------------------------------------------------- problems that span files


def test_two_orders_with_one_number_name_both_files_and_lines(example_district: Path) -> None:
    first = line_of(example_district / BANG_SUAN, "    number: 101")
    line = replace_in(example_district / PAK_NAM, "    number: 102", "    number: 101")
    code, lines = problems(example_district)
    assert (code, lines) == (1, [
        f"{example_district / PAK_NAM}:{line}:13: error: เลขที่คำสั่ง 101/2567 ซ้ำกับคำสั่งแต่งตั้ง ก.บ.ต. ตำบลบางสวน "
        f"({example_district / BANG_SUAN}:{first}) คำสั่งทุกฉบับของอำเภอใช้เลขที่ชุดเดียวกัน เริ่มใหม่ทุกปี "
        "ให้ใช้เลขที่ถัดไปที่ยังว่าง เช่น 113/2567 ($.committee.order.number)"])


def test_a_working_group_order_shares_the_numbering_and_a_new_year_restarts_it(example_district: Path) -> None:
    line = replace_in(example_district / SAMET, "      number: 112", "      number: 98")
    first = line_of(example_district / "district.yaml", "      number: 98")
    code, lines = problems(example_district)
    assert code == 1 and lines == [
        f"{example_district / SAMET}:{line}:15: error: เลขที่คำสั่ง 98/2567 ซ้ำกับคำสั่งแต่งตั้งคณะทำงานส่งเสริม ศอช.อ. "
        f"อำเภอบางคล้า ({example_district}/district.yaml:{first}) คำสั่งทุกฉบับของอำเภอใช้เลขที่ชุดเดียวกัน "
        "เริ่มใหม่ทุกปี ให้ใช้เลขที่ถัดไปที่ยังว่าง เช่น 112/2567 ($.socho.working_group.order.number)"]
    # the same number in another calendar year is another order
    replace_in(example_district / SAMET, "      year: 2567\n      date: 2567-11-21", "      year: 2568\n      date: 2568-01-06")
    replace_in(example_district / "district.yaml", "fiscal_year: 2568", "fiscal_year: 2569")
    assert problems(example_district) == (0, [])


def test_a_plan_of_another_district_is_refused_at_its_amphoe(example_district: Path) -> None:
    line = replace_in(example_district / SAMET, "  amphoe: บางคล้า", "  amphoe: พนมสารคาม")
    code, lines = problems(example_district)
    assert code == 1
    assert f"{example_district / SAMET}:{line}:11: error: แผนนี้เป็นของอำเภอพนมสารคาม แต่อยู่ในโฟลเดอร์ของอำเภอบางคล้า " \
           f"({example_district}/district.yaml:14) ให้ย้ายไฟล์ไปไว้กับอำเภอของตน หรือแก้ชื่ออำเภอ ($.tambon.amphoe)" in lines


def test_one_person_with_two_positions(example_district: Path) -> None:
    plan = example_district / BANG_SUAN
    line = replace_in(plan, "position: ท้องถิ่นอำเภอบางคล้า, role: คณะทำงาน}", "position: ท้องถิ่นอำเภอ, role: คณะทำงาน}")
    there = line_of(example_district / "district.yaml", "นายกิตติศักดิ์ วงศ์สวัสดิ์")
    code, lines = problems(example_district)
    assert (code, lines) == (1, [
        f"{plan}:{line}:{col_of(plan, line, 'ท้องถิ่นอำเภอ,')}: error: 'นายกิตติศักดิ์ วงศ์สวัสดิ์' มีตำแหน่ง "
        "'ท้องถิ่นอำเภอ' ในคณะทำงานส่งเสริม ศอช.ต. ตำบลบางสวน แต่ในคณะทำงานส่งเสริม ศอช.อ. "
        f"({example_district}/district.yaml:{there}) เป็น 'ท้องถิ่นอำเภอบางคล้า' คนเดียวกันต้องเขียนตำแหน่งเดียวกันทุกคณะ "
        "ให้แก้ให้ตรงกัน ($.socho.working_group.members[3].position)"])
    # within one plan: the ก.บ.ต. and the ศอช.ต. committee
    replace_in(plan, "position: ท้องถิ่นอำเภอ, role", "position: ท้องถิ่นอำเภอบางคล้า, role")
    line = replace_in(plan, "{name: นายสมชาย ทองประเสริฐ, position: ประธานศูนย์ประสานงานองค์การชุมชนตำบลบางสวน, role: กรรมการ}",
                      "{name: นายสมชาย ทองประเสริฐ, position: ผู้แทนกลุ่มออมทรัพย์, role: กรรมการ}")
    code, lines = problems(example_district)
    # against district.yaml at the changed line, and the plan's ศอช.ต. committee and working group against it
    assert code == 1 and len(lines) == 3
    assert lines[0].startswith(f"{plan}:{line}:") and "'นายสมชาย ทองประเสริฐ' มีตำแหน่ง 'ผู้แทนกลุ่มออมทรัพย์' ใน" in lines[0]
    assert "มีตำแหน่ง 'ประธานศูนย์ประสานงานองค์การชุมชนตำบลบางสวน' ในคณะกรรมการบริหาร ศอช.ต. ตำบลบางสวน แต่ใน ก.บ.ต. " \
           "ตำบลบางสวน (รายการที่ 9) เป็น 'ผู้แทนกลุ่มออมทรัพย์'" in lines[1]


def test_an_order_signed_after_the_provinces_deadline(example_district: Path) -> None:
    line = replace_in(example_district / BANG_SUAN, "      date: 2567-12-06", "      date: 2567-12-28")
    code, lines = problems(example_district)
    assert (code, lines) == (1, [
        f"{example_district / BANG_SUAN}:{line}:13: error: ประกาศรับรองการคัดเลือกคณะกรรมการบริหาร ศอช.ต. ตำบลบางสวน "
        f"ลงวันที่ 28 ธันวาคม 2567 หลังกำหนดส่งจังหวัด 25 ธันวาคม 2567 ({example_district}/district.yaml:19) "
        "ให้ตรวจวันที่ หรือปรับรอบงาน (fiscal_year หรือ deadlines.orders ใน district.yaml) "
        "($.socho.committee.announcement.date)"])
    replace_in(example_district / "district.yaml", "# deadlines:\n#   orders: 2567-12-25", "deadlines:\n  orders: 2567-12-31")
    assert problems(example_district) == (0, [])


def test_a_small_workshop_is_a_warning(example_district: Path) -> None:
    line = replace_in(example_district / PAK_NAM, "    total: 41", "    total: 19")
    assert problems(example_district) == (0, [
        f"{example_district / PAK_NAM}:{line}:12: warning: ผู้เข้าร่วมเวทีประชาคม 19 คน น้อยกว่าที่จังหวัดกำหนด "
        "(ตำบลละไม่น้อยกว่า 20 คน) ($.review.attendance.total)"])


def test_a_provincial_strategy_the_district_does_not_know(example_district: Path) -> None:
    plan = example_district / PAK_NAM
    line = replace_in(plan, "    - {id: PS2, name:", "    - {id: PS7, name:")
    replace_in(plan, "provincial_strategy: PS2", "provincial_strategy: PS7")
    code, lines = problems(example_district)
    listed = line_of(example_district / "district.yaml", "provincial_strategies:")
    assert (code, lines) == (1, [
        f"{plan}:{line}:{col_of(plan, line, 'PS7')}: error: ไม่มีประเด็นยุทธศาสตร์จังหวัด 'PS7' ใน district.yaml "
        f"({example_district}/district.yaml:{listed}) หมายถึง 'PS4', 'PS3', 'PS2' หรือไม่? ให้ใช้รหัสเดียวกับของอำเภอ "
        "($.direction.provincial_strategies[0].id)"])


def test_last_years_plan_is_superseded_and_a_second_plan_of_the_year_refused(example_district: Path) -> None:
    older = example_district / "plans" / "bang-suan-2568.yaml"
    older.write_text((example_district / BANG_SUAN).read_text(encoding="utf-8")
                     .replace("  revision: 1", "  revision: 0"), encoding="utf-8")
    line = line_of(older, "fiscal_years:")
    newer = line_of(example_district / BANG_SUAN, "fiscal_years:")
    assert problems(example_district) == (0, [
        f"{older}:{line}:3: warning: มีแผนฉบับใหม่กว่าของตำบลนี้ที่ {example_district / BANG_SUAN}:{newer} "
        "เอกสารของอำเภอใช้ฉบับนั้น ไฟล์นี้จึงไม่ถูกนำไปสร้างเอกสารและไม่นับในรายงาน ($.plan.fiscal_years)"])
    twin = example_district / "plans" / "bang-suan-copy.yaml"
    twin.write_text((example_district / BANG_SUAN).read_text(encoding="utf-8"), encoding="utf-8")
    code, lines = problems(example_district)
    assert code == 1 and any(f"{twin}:" in x and "มีแผนปีงบประมาณและครั้งที่ทบทวนเดียวกันอยู่แล้วที่" in x for x in lines)


# ---------------------------------------------------------------- the ศอช. of a plan and of district.yaml


def test_socho_committee_and_working_group_rules(example_district: Path) -> None:
    plan = example_district / BANG_SUAN
    vice = line_of(plan, "role: รองประธานกรรมการ}", after="\nsocho:")
    replace_in(plan, "บ้านบางสวน, role: รองประธานกรรมการ}", "บ้านบางสวน, role: ประธานกรรมการ}")
    secretary = line_of(plan, "role: คณะทำงานและเลขานุการ}")
    replace_in(plan, "role: คณะทำงานและเลขานุการ}", "role: คณะทำงาน}")
    members = line_of(plan, "    members:", after="  working_group:")
    code, lines = problems(example_district)
    assert code == 1 and lines == [
        f"{plan}:{vice}:{col_of(plan, vice, 'ประธานกรรมการ}')}: error: คณะกรรมการบริหาร ศอช.ต. ต้องมีประธานกรรมการหนึ่งคนพอดี "
        "(พบ 2 คน คนแรกอยู่รายการที่ 1) ให้เปลี่ยนบทบาทของคนนี้ ($.socho.committee.members[1].role)",
        f"{plan}:{members}:5: error: คณะทำงานส่งเสริม ศอช.ต. ต้องมีคณะทำงานและเลขานุการอย่างน้อยหนึ่งคน "
        "($.socho.working_group.members)"]
    assert secretary > members


def test_a_committee_of_fewer_than_nine_and_an_announcement_before_the_selection(example_district: Path) -> None:
    district = example_district / "district.yaml"
    text = district.read_text(encoding="utf-8")
    start = text.index("      - {name: นางสาวจิราพร")
    end = text.index("      - {name: นางวันเพ็ญ")
    district.write_text(text[:start] + text[end:], encoding="utf-8")
    members = line_of(district, "    members:")
    announced = replace_in(district, "      date: 2567-11-29", "      date: 2567-11-14")
    code, lines = problems(example_district)
    assert (code, lines) == (1, [
        f"{district}:{announced}:13: error: วันที่ประกาศรับรองการคัดเลือกต้องไม่ก่อนวันที่คัดเลือก (selected_on) "
        "ให้ตรวจวันที่ ($.socho.committee.announcement.date)",
        f"{district}:{members}:5: error: ต้องมีอย่างน้อย 9 รายการ (กรรมการ) ($.socho.committee.members)"])


def test_district_yaml_problems_at_their_lines(example_district: Path) -> None:
    district = example_district / "district.yaml"
    line = replace_in(district, "fiscal_year: 2568", "fiscal_year: 2025")
    typo = replace_in(district, "  amphoe: บางคล้า", "  amphur: บางคล้า")
    code, lines = problems(example_district)
    assert code == 1
    assert lines[:2] == [
        f"{district}:{typo - 1}:1: error: ขาดช่อง 'amphoe' (อำเภอ) ที่ต้องมี ให้เพิ่ม amphoe: ... ($.district)",
        f"{district}:{typo}:3: error: ไม่รู้จักช่อง 'amphur' (พิมพ์ผิดหรือไม่) หมายถึง 'amphoe' หรือไม่? ($.district.amphur)"]
    assert f"{district}:{line}:14: error: ค่า 2025 (ปีงบประมาณ) ต้องไม่น้อยกว่า 2500 ($.fiscal_year)" in lines


def test_a_district_that_does_not_exist_is_a_warning(example_district: Path) -> None:
    district = example_district / "district.yaml"
    line = replace_in(district, "  amphoe: บางคล้า", "  amphoe: บางคลา")
    code, lines = problems(example_district)
    assert code == 1  # and every plan is now of another district
    assert lines[0] == (f"{district}:{line}:11: warning: ไม่พบอำเภอ 'บางคลา' ในจังหวัดฉะเชิงเทรา หมายถึง 'บางคล้า' หรือไม่? "
                        "(ถ้าเป็นชื่อสมมุติ ให้ใส่ settings.fictional: true) ($.district.amphoe)")


# ---------------------------------------------------------------- new-district and the kit


def test_new_district_writes_the_skeleton_plans_and_kit(tmp_path: Path) -> None:
    folder = tmp_path / "บางคล้า"
    code, out, _ = run("new-district", folder, "--amphoe", "บางคล้า", "--changwat", "ฉะเชิงเทรา",
                       "--tambon", "บางสวน", "--tambon", "เสม็ดเหนือ")
    assert code == 0, out
    assert out.splitlines()[1] == f"สร้างแผนเปล่า: {folder}/plans/บางสวน.yaml, {folder}/plans/เสม็ดเหนือ.yaml"
    text = (folder / "district.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=schemas/district.schema.json"
    assert "รหัสอำเภอ 2402 ตำบลในอำเภอ: บางคล้า (240201), บางสวน (240204)" in text
    assert json.loads((folder / "schemas" / "district.schema.json").read_text(encoding="utf-8")) == district_schema()
    settings = json.loads((folder / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {"./schemas/tambon-plan.schema.json": ["plans/**/*.yaml", "plans/**/*.yml"],
                                        "./schemas/district.schema.json": ["district.yaml"]}
    assert (folder / "plans" / "บางสวน.yaml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schemas/tambon-plan.schema.json")
    code, out, _ = run("validate", folder)
    assert code == 1 and "schema-copy" not in run("validate", "--format", "json", folder).out
    name = line_of(folder / "district.yaml", "  name:    # ชื่อ-สกุลนายอำเภอ")
    assert f"{folder}/district.yaml:{name}:3: error: ต้องเป็นข้อความ (ชื่อ-สกุล) แต่พบ null ($.chief.name)" in out.splitlines()
    again = run("new-district", folder, "--amphoe", "บางคล้า", "--changwat", "ฉะเชิงเทรา")
    assert again.code == 1 and "มีไฟล์นี้อยู่แล้ว จึงไม่เขียนทับ" in again.err


def test_filling_the_blanks_of_new_district_validates(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    assert run("new-district", folder, "--amphoe", "บางคล้า", "--changwat", "ฉะเชิงเทรา")[0] == 0
    district = folder / "district.yaml"
    replace_in(district, "  name:    # ชื่อ-สกุลนายอำเภอ", "  name: นายวรวุฒิ ศักดิ์สิทธิ์")
    replace_in(district, "    name:    # ชื่อ-สกุลพัฒนาการอำเภอ", "    name: นางสาวพรทิพย์ ใจดีงาม")
    replace_in(district, "    - name:\n", "    - name: นายธีรพงษ์ แก้วมณี\n")
    assert run("validate", folder)[:2] == (0, "")


def test_the_officer_is_the_secretary_of_each_new_plan_with_one_position(tmp_path: Path) -> None:
    """district.yaml's officer and each skeleton plan's committee secretary are one person with one
    position: filling in the same name in both must not make validate ask to make them agree."""
    folder = tmp_path / "บางคล้า"
    assert run("new-district", folder, "--amphoe", "บางคล้า", "--changwat", "ฉะเชิงเทรา", "--tambon", "บางสวน").code == 0
    district, plan = folder / "district.yaml", folder / "plans" / "บางสวน.yaml"
    replace_in(district, "  name:    # ชื่อ-สกุลนายอำเภอ", "  name: นายวรวุฒิ ศักดิ์สิทธิ์")
    replace_in(district, "    name:    # ชื่อ-สกุลพัฒนาการอำเภอ", "    name: นางสาวพรทิพย์ ใจดีงาม")
    replace_in(district, "    - name:\n", "    - name: นายธีรพงษ์ แก้วมณี\n")
    replace_in(plan, "    - name:\n      position: นักวิชาการพัฒนาชุมชน",
               "    - name: นายธีรพงษ์ แก้วมณี\n      position: นักวิชาการพัฒนาชุมชน")
    out = run("validate", folder).out
    assert "null" in out and "ตำแหน่งเดียวกันทุกคณะ" not in out
    assert "tambondoc new บางคล้า/plans/<ชื่อไฟล์>.yaml" in district.read_text(encoding="utf-8").replace(str(tmp_path) + "/", "")


def test_schema_district_prints_writes_and_warns(example_district: Path, tmp_path: Path) -> None:
    code, out, _ = run("schema", "--district")
    assert code == 0 and json.loads(out) == district_schema()
    assert district_schema()["$id"].endswith(f"/v{__version__}/schemas/district.schema.json")
    copy = example_district.parent.parent / "schemas" / "district.schema.json"
    data = json.loads(copy.read_text(encoding="utf-8"))
    data.update({"$id": data["$id"].replace(f"/v{__version__}/", "/v0.0.9/"), "title": "เก่า"})
    copy.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run("validate", example_district)
    assert (code, out) == (0, f"{example_district}/district.yaml:1:33: warning: สำเนา schema "
                              "'../../schemas/district.schema.json' เป็นของ tambondoc 0.0.9 เก่ากว่ารุ่นที่ติดตั้ง "
                              f"({__version__}) โปรแกรมแก้ไขอาจตรวจไม่ตรงกับ validate ปรับด้วย: "
                              f"tambondoc schema --district --write {copy.parent}\n")
    assert run("schema", "--district", "--write", copy.parent)[0] == 0
    assert run("validate", example_district)[:2] == (0, "")


@pytest.mark.parametrize("name", ["district.schema.json", "tambon-plan.schema.json"])
def test_both_schemas_are_draft_07(name: str) -> None:
    data = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
    assert data["$schema"] == "http://json-schema.org/draft-07/schema#"
