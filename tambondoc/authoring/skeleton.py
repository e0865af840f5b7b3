"""A new plan file to start from: every required field present, blanks to fill, Thai guidance.

The blanks are empty values (``name:``), so ``validate`` points at each one by line until it is
filled; optional parts are shown as comments with an example to copy.
"""

from __future__ import annotations

import json
from pathlib import Path

from tambondoc.errors import PlanError
from tambondoc.files import write_atomic
from tambondoc.plan.discover import is_plan_name
from tambondoc.plan.load import load_text
from tambondoc.plan.places import LEVELS, find, typed_word, without_word

_SKELETON = """\
# แผนพัฒนาตำบล{tambon} อำเภอ{amphoe} จังหวัด{changwat} (สร้างด้วย tambondoc new)
# {place}
# - กรอกทุกช่องที่ว่างอยู่หลังเครื่องหมาย : (ความเห็นท้ายบรรทัดบอกว่าต้องใส่อะไร)
# - ตรวจสอบด้วยคำสั่ง: tambondoc validate {file}  (จะบอกบรรทัดที่ยังว่างหรือไม่ถูกต้อง)
# - สร้างเอกสาร Word ด้วยคำสั่ง: tambondoc build {file}
# - เปิดด้วย VS Code ที่มีส่วนขยาย YAML (Red Hat): เติมชื่อช่อง บอกความหมาย และขีดเส้นใต้ที่ผิดขณะพิมพ์
# - วันที่ทุกช่องเขียนเป็น ปปปป-ดด-วว โดยใช้ปี พ.ศ. เช่น 2570-03-20
# - จำนวนเงินเป็นบาท ไม่ต้องใส่เครื่องหมายจุลภาค เช่น 450000
# - ข้อความที่มี ": " หรือ " #" หรือขึ้นต้นด้วยเครื่องหมายพิเศษ ให้ครอบด้วย "..."
schema_version: 1

# ---------------------------------------------------------------- ข้อมูลแผน
plan:
  title: {title}    # ชื่อเล่มแผน เติมช่วงปีได้ เช่น แผนพัฒนาตำบล{tambon} พ.ศ. 2571-2572
  fiscal_years:    # ปีงบประมาณ พ.ศ. ที่แผนครอบคลุม เช่น [2571, 2572]
  revision: 0    # ทบทวนครั้งที่ (0 = ทำครั้งแรก)
  approved_on:    # วันที่ ก.บ.ต. ให้ความเห็นชอบ เช่น 2570-03-20
  prepared_by: {prepared_by}
  office: {office}
  # foreword: |    (คำนำ ไม่ใส่ = ใช้ข้อความมาตรฐาน แต่ละบรรทัดเป็นหนึ่งย่อหน้า)

# ---------------------------------------------------------------- ส่วนที่ ๑ ข้อมูลทั่วไปของตำบล
tambon:
  name: {tambon_value}    # ไม่ต้องเขียนคำว่า ตำบล
  amphoe: {amphoe_value}
  changwat: {changwat_value}
  history:    # ประวัติความเป็นมาของตำบล (หลายย่อหน้าเขียนแบบ | แล้วขึ้นบรรทัดใหม่)
  location:    # ที่ตั้งและระยะทางจากอำเภอ/จังหวัด
  area:
    rai:    # เนื้อที่ (ไร่)
    sq_km:    # เนื้อที่ (ตร.กม.) = ไร่ ÷ 625
  boundaries:    # อาณาเขตติดต่อ เช่น ตำบล... อำเภอ...
    north:
    south:
    east:
    west:
  terrain:    # สภาพภูมิประเทศ
  # climate: ...    map_image: images/map.png (path เทียบกับไฟล์นี้)

  # หมู่บ้าน: ใส่ให้ครบทุกหมู่ คัดลอกทั้งชุดตั้งแต่ "- no:" แล้วแก้เลขหมู่
  villages:
    - no: 1
      name:    # ชื่อหมู่บ้าน เช่น บ้านหนองบัว
      headman:    # ชื่อ-สกุลผู้ใหญ่บ้าน (หมู่ที่กำนันอยู่ ใส่ headman_title: กำนัน)
      households:    # จำนวนครัวเรือน
      population:
        male:    # ประชากรชาย (คน)
        female:    # ประชากรหญิง (คน)
  # ชุมชน (ตำบลในเขตเทศบาล มีชื่อ ไม่มีเลขหมู่): ใส่คู่กับ villages หรือแทน villages ก็ได้ เช่น
  # communities:
  #   - {{id: c01, name: ชุมชนตลาดเก่า, village: 1, leader: ..., households: ..., population: {{male: ..., female: ...}}}}
  # ไม่บังคับ: occupations, groups, funds, organisations, important_places, basic_needs, photos
  # ดูตัวอย่างได้จาก plans/example-tambon.yaml

  # องค์กรปกครองส่วนท้องถิ่นในตำบล (อาจมีมากกว่าหนึ่งแห่ง) id ใช้อ้างถึงจาก projects[].local_government
  local_governments:
    - id: lg1    # อักษรอังกฤษ ตัวเลข จุด ขีด เช่น abt-nongbua
      kind:    # อบต. | เทศบาลตำบล | เทศบาลเมือง | เทศบาลนคร | อบจ.
      name:    # เช่น องค์การบริหารส่วนตำบล{tambon}
      villages: [1]    # หมู่ที่ที่อยู่ในเขต (และ communities: [c01] ชุมชนในเขต ถ้ามี)
      # head: {{name: ..., position: ...}}

# ---------------------------------------------------------------- ส่วนที่ ๒ การวิเคราะห์ข้อมูล
analysis:
  strengths:    # จุดแข็ง (เพิ่มได้หลายข้อ ข้อละบรรทัด ขึ้นต้นด้วย -)
    -
  weaknesses:    # จุดอ่อน
    -
  opportunities:    # โอกาส
    -
  threats:    # อุปสรรค
    -
  # ตารางปัญหา สาเหตุ แนวทางแก้ไข (เรียงตามความสำคัญ)
  problems:
    - problem:
      cause:
      solution:

# ---------------------------------------------------------------- ทิศทางการพัฒนา
direction:
  vision:    # วิสัยทัศน์ของตำบล
  # provincial_strategies: ประเด็นยุทธศาสตร์จังหวัด เช่น - {{id: PS1, name: ...}}
  strategies:
    - id: S1
      name:    # ชื่อยุทธศาสตร์
      # provincial_strategy: PS1    (ยุทธศาสตร์จังหวัดที่สอดคล้อง)
      goals:    # เป้าประสงค์
        -
      tactics:    # กลยุทธ์ id ห้ามซ้ำกันทั้งแผน
        - id: S1.1
          name:

# แหล่งงบประมาณอื่นนอกจากสี่แหล่งหลัก (ถ้ามี) id ใช้เป็นชื่อช่องใน funding เช่น funding: {{codi: 50000}}
# funding_sources:
#   - {{id: codi, name: สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน), short: พอช.}}
#   - {{id: pao, name: องค์การบริหารส่วนจังหวัด{changwat}, short: อบจ.}}

# ตารางวิเคราะห์คะแนนความสำคัญของโครงการ (ถ้าใช้): ใส่ scoring: {{}} เพื่อใช้สี่เกณฑ์เริ่มต้น (คะแนน 1-5)
# แล้วแบบฟอร์ม Excel (tambondoc xlsx-template) จะมีคอลัมน์คะแนนให้เวทีประชาคมกรอก
# scoring:
#   criteria:
#     - {{id: people, name: จำนวนผู้ได้รับประโยชน์, weight: 3}}
#     - {{id: urgency, name: ความเร่งด่วนของปัญหา, weight: 3}}

# ---------------------------------------------------------------- ส่วนที่ ๓ โครงการ/กิจกรรม
# ตัวอย่างโครงการ (คัดลอกไปไว้ใต้ projects: แล้วลบ # ออก):
#   - id: P001
#     name: ขุดลอกหนองน้ำสาธารณะ
#     strategy: S1
#     tactic: S1.1
#     villages: [1]    # หรือ/และ communities: [c01]
#     budget:
#       - {{year: 2571, amount: 450000, funding: {{local: 450000}}}}
#     approach: ขอสนับสนุน    # ทำเอง | ทำร่วม | ขอสนับสนุน
#     agency: องค์การบริหารส่วนตำบล...
#     local_government: lg1    # ส่งบัญชีประสานให้ อปท. นี้ (ไม่ส่งก็ไม่ต้องใส่)
#     priority: 1    # หรือ scores: {{people: 5, urgency: 4}} และ votes: 35 แล้วโปรแกรมจัดลำดับให้
# funding: local = งบท้องถิ่น, agency = งบหน่วยงานภาครัฐ/เอกชน, province = งบพัฒนาจังหวัด, community = งบชุมชน
projects: []

# ---------------------------------------------------------------- คำสั่งแต่งตั้ง ก.บ.ต.
committee:
  order:
    number:    # เลขที่คำสั่ง (เริ่มนับใหม่ทุกปีปฏิทิน)
    year:    # ปี พ.ศ. ของคำสั่ง เช่น 2570
    date:    # วันที่สั่ง เช่น 2570-01-12 (ปีเดียวกับ year)
  signer:
    name:    # ชื่อ-สกุลนายอำเภอ
    position: {signer_position}
  # บทบาท: ประธานกรรมการ รองประธานกรรมการ กรรมการ กรรมการและเลขานุการ กรรมการและผู้ช่วยเลขานุการ
  # เพิ่มกรรมการได้ตามคำสั่งที่ใช้จริง (ผู้ใหญ่บ้าน หัวหน้า อปท. เจ้าหน้าที่รัฐ ผู้ทรงคุณวุฒิ)
  members:
    - name:    # ชื่อ-สกุล
      position: {chair_position}
      role: ประธานกรรมการ
    - name:
      position: {vice_position}
      role: รองประธานกรรมการ
    - name:
      position: {secretary_position}
      role: กรรมการและเลขานุการ
  # duties: ไม่ใส่ = ใช้อำนาจหน้าที่ ๗ ข้อตามระเบียบกระทรวงมหาดไทย พ.ศ. 2562

# ---------------------------------------------------------------- ศอช.ต. (ไม่บังคับ)
# ศูนย์ประสานงานองค์การชุมชนระดับตำบล: อำเภอใช้สร้างประกาศรับรองการคัดเลือกคณะกรรมการบริหาร ศอช.ต. และคำสั่ง
# แต่งตั้งคณะทำงานส่งเสริม ศอช.ต. (tambondoc build โฟลเดอร์อำเภอที่มี district.yaml) ตัวอย่างครบชุด: examples/district/plans/
# socho:
#   committee:
#     selected_on:    # วันที่คัดเลือก
#     announcement: {{date: ...}}    # วันที่ประกาศ
#     members:    # 9-25 คน บทบาท: ประธานกรรมการ รองประธานกรรมการ กรรมการ กรรมการและเหรัญญิก กรรมการและเลขานุการ
#       - {{name: ..., position: ผู้แทนกลุ่ม..., role: ประธานกรรมการ}}
#   working_group:
#     order: {{number: ..., year: ..., date: ...}}    # เลขที่ใช้ชุดเดียวกับคำสั่งอื่นของอำเภอ
#     members:    # บทบาท: ที่ปรึกษา ประธานคณะทำงาน รองประธานคณะทำงาน คณะทำงาน คณะทำงานและเลขานุการ
#       - {{name: ..., position: ..., role: ประธานคณะทำงาน}}

# ส่วนที่ ๔ การทบทวนแผน (review) จะเพิ่มให้เมื่อทบทวนปีถัดไปด้วยคำสั่ง tambondoc next-year
"""


def yaml_scalar(text: str) -> str:
    """``text`` as a YAML value: plain when it reads back unchanged, else double-quoted."""
    if text and "\n" not in text:
        try:
            if load_text(f"k: {text}\n", "<value>") == {"k": text}:
                return text
        except PlanError:
            pass
    return json.dumps(text, ensure_ascii=False)


def place_note(tambon: str, amphoe: str, changwat: str) -> str:
    """The tambon's code from the shipped list of place names, or what does not match there."""
    found = find(changwat, amphoe, tambon)
    if found.code:
        return f"รหัสตำบล {found.code} (ตามรายชื่อจังหวัด อำเภอ ตำบลที่มากับโปรแกรม)"
    problem = next(iter((found.problems or {}).values()), "")
    return "ตรวจชื่อ: " + (problem or "ไม่พบรหัสตำบลในรายชื่อที่มากับโปรแกรม")


def secretary_position(amphoe: str) -> str:
    """The committee secretary's position: the district's community development officer, whom
    district.yaml names too (one person, one position across every committee and the office)."""
    return f"นักวิชาการพัฒนาชุมชน สำนักงานพัฒนาชุมชนอำเภอ{amphoe}"


def skeleton_text(tambon: str, amphoe: str, changwat: str, file: str = "plan.yaml", modeline: str = "") -> str:
    """The text of a new plan for one tambon; ``modeline`` (the kit's) goes on its first line."""
    for label, value in (("--tambon", tambon), ("--amphoe", amphoe), ("--changwat", changwat)):
        if not value.strip() or "\n" in value:
            raise PlanError(f"{label} ต้องเป็นชื่อหนึ่งบรรทัด ไม่เว้นว่าง")
    v = {"tambon": without_word(tambon, 2), "amphoe": without_word(amphoe, 1), "changwat": without_word(changwat, 0)}
    return (modeline + "\n" if modeline else "") + _SKELETON.format(
        **v, file=file, place=place_note(v["tambon"], v["amphoe"], v["changwat"]),
        tambon_value=yaml_scalar(v["tambon"]), amphoe_value=yaml_scalar(v["amphoe"]),
        changwat_value=yaml_scalar(v["changwat"]),
        title=yaml_scalar(f"แผนพัฒนาตำบล{v['tambon']}"),
        prepared_by=yaml_scalar(f"คณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบล{v['tambon']}"),
        office=yaml_scalar(f"สำนักงานพัฒนาชุมชนอำเภอ{v['amphoe']}"),
        signer_position=yaml_scalar(f"นายอำเภอ{v['amphoe']}"),
        chair_position=yaml_scalar(f"ปลัดอำเภอผู้รับผิดชอบตำบล{v['tambon']}"),
        vice_position=yaml_scalar(f"กำนันตำบล{v['tambon']}"),
        secretary_position=yaml_scalar(secretary_position(v["amphoe"])),
    )


def name_warnings(tambon: str, amphoe: str, changwat: str) -> list[str]:
    """What to tell on screen about the names given: a word left out ('ตำบล บางสวน' is written
    'บางสวน') and a name the shipped list does not have, with the closest ones. The plan's own
    comment says it too, but a misspelt อำเภอ goes into every plan of a new district."""
    given = {"changwat": changwat, "amphoe": amphoe, "name": tambon}
    notes = [f"ตัดคำว่า '{typed[0]}' หน้าชื่อออก (เอกสารเติมให้เอง): {typed[1]}"
             for key, level in LEVELS if (typed := typed_word(given[key], level))]
    found = find(without_word(changwat, 0), without_word(amphoe, 1), without_word(tambon, 2) if tambon else "")
    problems = found.problems or {}
    return notes + [problems[key] for key in ("changwat", "amphoe", "tambon")
                    if key in problems and (tambon or key != "tambon")]


def check_new(path: Path) -> None:
    """PlanError if ``path`` is no place for a new plan: an existing file is never touched, and a
    name the commands given its folder would not find is refused."""
    if path.exists() or path.is_symlink():
        raise PlanError(f"{path}: มีไฟล์นี้อยู่แล้ว จึงไม่เขียนทับ ให้ใช้ชื่อไฟล์ใหม่ (หรือลบไฟล์เดิมก่อน)")
    if not is_plan_name(path.name):
        raise PlanError(f"{path}: ชื่อไฟล์แผนต้องลงท้ายด้วย .yaml (เช่น {path.stem}.yaml) "
                        "ไม่เช่นนั้น validate และ build ของโฟลเดอร์จะไม่พบแผนนี้")


def new_plan(path: Path, tambon: str, amphoe: str, changwat: str, modeline: str = "") -> list[str]:
    """Write a new plan skeleton (``check_new`` first). Returns ``name_warnings``."""
    check_new(path)
    write_atomic(path, skeleton_text(tambon, amphoe, changwat, path.as_posix(), modeline).encode("utf-8"))
    return name_warnings(tambon, amphoe, changwat)
