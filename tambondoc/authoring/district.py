"""A new district repository: ``district.yaml`` with Thai guidance, a ``plans/`` folder (with a
plan skeleton for each tambon asked for) and the kit every plan repository gets (schema copies,
editor settings, optionally CI and pre-commit)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from tambondoc.authoring.kit import DISTRICT_SCHEMA_COPY, Kit, check_writable, kit_files, modeline, write_kit
from tambondoc.authoring.skeleton import name_warnings, new_plan, secretary_position, yaml_scalar
from tambondoc.errors import PlanError
from tambondoc.files import safe_name, write_atomic
from tambondoc.plan.district import DISTRICT_FILE
from tambondoc.plan.places import find, without_word

_SKELETON = """\
# yaml-language-server: $schema={schema}
# ข้อมูลอำเภอ{amphoe} จังหวัด{changwat} สำหรับ tambondoc (สร้างด้วย tambondoc new-district)
# {place}
# - แผนของแต่ละตำบลอยู่ในโฟลเดอร์ plans/ ข้างไฟล์นี้ สร้างแผนใหม่ด้วย:
#   tambondoc new {folder}/plans/<ชื่อไฟล์>.yaml --tambon <ตำบล> --amphoe {amphoe_arg} --changwat {changwat_arg}
# - ตรวจทั้งอำเภอ: tambondoc validate {folder}    สร้างเอกสาร: tambondoc build {folder}
# - สถานะงานของแต่ละตำบลและสิ่งที่ต้องทำก่อนกำหนดส่ง: tambondoc status {folder}
# - กรอกทุกช่องที่ว่างอยู่หลังเครื่องหมาย : วันที่เขียนเป็น ปปปป-ดด-วว โดยใช้ปี พ.ศ.
schema_version: 1

settings:
  order_numerals: thai    # ตัวเลขในคำสั่งและประกาศ: thai หรือ arabic

district:
  amphoe: {amphoe_value}
  changwat: {changwat_value}

# ปีงบประมาณของรอบงาน กำหนดส่งจังหวัดคำนวณจากปีนี้ (หนังสือจังหวัด): คำสั่งและประกาศ 25 ธ.ค. ของปีก่อน
# รายงานเวทีประชาคม 31 มี.ค. รายงานการขับเคลื่อนกิจกรรม 31 ก.ค. ถ้าจังหวัดกำหนดวันอื่น ให้ใส่ deadlines:
fiscal_year: {fiscal_year}
# deadlines: {{orders: {orders_example}, workshop_report: ..., activity_report: ...}}
# min_attendance: 20    # ผู้เข้าร่วมเวทีประชาคมตำบลขั้นต่ำ (น้อยกว่านี้จะเตือน)

chief:    # นายอำเภอ
  name:    # ชื่อ-สกุลนายอำเภอ
  position: {chief_position}
# ผู้ลงนามในคำสั่งและประกาศแทนนายอำเภอ (ถ้ามี):
# signer: {{name: ..., position: ปลัดอำเภอ หัวหน้าฝ่ายบริหารงานปกครอง, on_behalf: ปฏิบัติราชการแทน{chief_position}}}

office:
  name: {office_name}
  # phone: 0 3800 0000
  head:
    name:    # ชื่อ-สกุลพัฒนาการอำเภอ
    position: {head_position}
  officers:    # เจ้าหน้าที่พัฒนาชุมชนและตำบลที่รับผิดชอบ (ชื่อตำบลไม่ต้องมีคำว่า ตำบล)
    - name:
      position: {officer_position}    # เขียนตำแหน่งให้ตรงกับในคำสั่งแต่งตั้ง ก.บ.ต. ของแผนตำบล
      tambons: []

# ประเด็นยุทธศาสตร์จังหวัด (id ตรงกับ direction.provincial_strategies ของแผนตำบล) แผนความต้องการระดับอำเภอจัดกลุ่มตามนี้
# provincial_strategies:
#   - {{id: PS1, name: ...}}

# ศูนย์ประสานงานองค์การชุมชนระดับอำเภอ (ศอช.อ.): สำหรับประกาศอำเภอรับรองการคัดเลือกคณะกรรมการบริหาร ศอช.อ.
# และคำสั่งอำเภอแต่งตั้งคณะทำงานส่งเสริม ศอช.อ. (ดูตัวอย่างครบชุดใน examples/district/district.yaml)
# socho:
#   committee:
#     selected_on: ...    # วันที่คัดเลือก
#     announcement: {{date: ...}}
#     members:    # 9-25 คน บทบาท: ประธานกรรมการ รองประธานกรรมการ กรรมการ กรรมการและเหรัญญิก กรรมการและเลขานุการ
#       - {{name: ..., position: ประธานศูนย์ประสานงานองค์การชุมชนตำบล..., role: ประธานกรรมการ}}
#   working_group:
#     order: {{number: ..., year: ..., date: ...}}    # เลขที่คำสั่งใช้ชุดเดียวกับคำสั่งอื่นของอำเภอ
#     members:    # บทบาท: ที่ปรึกษา ประธานคณะทำงาน รองประธานคณะทำงาน คณะทำงาน คณะทำงานและเลขานุการ
#       - {{name: ..., position: {head_position}, role: ประธานคณะทำงาน}}
"""


def fiscal_year(today: dt.date) -> int:
    """The Thai fiscal year (พ.ศ.) a day falls in: it starts on 1 October."""
    return today.year + 543 + (1 if today.month >= 10 else 0)


def place_note(amphoe: str, changwat: str) -> str:
    """The district's code and its tambons (with codes), or what does not match the shipped list."""
    found = find(changwat, amphoe, "")
    if found.amphoe is None:
        problem = next(iter((found.problems or {}).values()), "")
        return "ตรวจชื่อ: " + (problem or "ไม่พบอำเภอในรายชื่อที่มากับโปรแกรม")
    tambons = ", ".join(f"{t.name} ({t.code})" if t.code else t.name for t in found.amphoe.children)
    return f"รหัสอำเภอ {found.amphoe.code} ตำบลในอำเภอ: {tambons}"


def skeleton_text(folder: Path, amphoe: str, changwat: str, today: dt.date) -> str:
    """The text of a new district.yaml."""
    for label, value in (("--amphoe", amphoe), ("--changwat", changwat)):
        if not value.strip() or "\n" in value:
            raise PlanError(f"{label} ต้องเป็นชื่อหนึ่งบรรทัด ไม่เว้นว่าง")
    amphoe, changwat = without_word(amphoe, 1), without_word(changwat, 0)
    year = fiscal_year(today)
    return _SKELETON.format(
        schema=DISTRICT_SCHEMA_COPY.as_posix(), amphoe=amphoe, changwat=changwat, place=place_note(amphoe, changwat),
        amphoe_arg=yaml_scalar(amphoe), changwat_arg=yaml_scalar(changwat), folder=folder.as_posix(),
        amphoe_value=yaml_scalar(amphoe), changwat_value=yaml_scalar(changwat), fiscal_year=year,
        orders_example=f"{year - 1}-12-25", chief_position=yaml_scalar(f"นายอำเภอ{amphoe}"),
        office_name=yaml_scalar(f"สำนักงานพัฒนาชุมชนอำเภอ{amphoe}"), head_position=yaml_scalar(f"พัฒนาการอำเภอ{amphoe}"),
        officer_position=yaml_scalar(secretary_position(amphoe)))


def _file_name(tambon: str) -> str:
    """The tambon's name as a file name: Thai as typed, unless it could leave the folder."""
    name = tambon.strip()
    return name if name and not any(c in name for c in '/\\:*?"<>|') and not name.startswith(".") else safe_name(name)


@dataclass
class NewDistrict:
    """What ``new_district`` wrote: district.yaml, the plans, and the kit."""

    district: Path
    plans: list[Path] = field(default_factory=list)
    kit: Kit = field(default_factory=Kit)
    warnings: list[str] = field(default_factory=list)  # names not in the shipped list, words left out


def new_district(folder: Path, amphoe: str, changwat: str, tambons: list[str], ci: str | None = None,
                 today: dt.date | None = None) -> NewDistrict:
    """Write a district skeleton in ``folder``, a plan skeleton for each of ``tambons`` in
    ``folder/plans`` and the kit; refuses to touch an existing district.yaml or plan."""
    target = folder / DISTRICT_FILE
    if target.exists():
        raise PlanError(f"{target}: มีไฟล์นี้อยู่แล้ว จึงไม่เขียนทับ (ตรวจด้วย tambondoc validate {folder.as_posix()})")
    plans = [folder / "plans" / f"{_file_name(without_word(t, 2))}.yaml" for t in tambons]
    for plan in plans:
        if plan.exists():
            raise PlanError(f"{plan}: มีไฟล์นี้อยู่แล้ว จึงไม่เขียนทับ")
    # nothing is written if any of it cannot be: a rerun would be refused for the files written
    check_writable([target, *plans, *kit_files(folder, folder / "plans", ci, district=True)])
    text = skeleton_text(folder, amphoe, changwat, today or dt.date.today())
    write_atomic(target, text.encode("utf-8"))
    done = NewDistrict(target, warnings=name_warnings("", amphoe, changwat))
    for plan, tambon in zip(plans, tambons):
        done.warnings += new_plan(plan, tambon, amphoe, changwat, modeline(plan, folder))
        done.plans.append(plan)
    done.warnings = list(dict.fromkeys(done.warnings))  # the district's names, once for all its plans
    (folder / "plans").mkdir(parents=True, exist_ok=True)
    done.kit = write_kit(folder, folder / "plans", ci, district=True)
    return done
