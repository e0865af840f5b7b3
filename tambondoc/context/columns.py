"""The columns of every table that shows projects, defined once.

A project field has a workbook header (the project sheet that ``xlsx-template``,
``export-xlsx`` and ``import-xlsx`` share) and, where the coordination list shows it, the
heading of the local plan's form ผ.02 that an อปท. clerk copies from. The budget is not a
field here: it is one column per fiscal year (and per funding source in the project sheet);
nor are the scores, one column per criterion of the plan's scoring (``xlsx.columns``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from tambondoc.plan.schema import node

Value = Callable[[Mapping[str, Any]], Any]


@dataclass(frozen=True)
class Field:
    """A project field shown as one column."""

    key: str
    header: str                      # the project sheet's header
    note: str                        # what to type, in the workbook's notes sheet
    example: str = ""
    required: bool = False
    width: int = 20                  # project sheet column width (Excel units)
    aliases: tuple[str, ...] = field(default=())  # other headers import-xlsx accepts
    form: tuple[str, ...] = ()       # heading lines on form ผ.02 (coordination list); () = not shown
    cap: int = 18                    # widest the coordination workbook lets the column grow
    shown: Value | None = None       # what the coordination list prints (default: the value or "-")

    @property
    def form_title(self) -> str:
        """The form heading on one line: lines joined with a space before '(' only, as Thai
        words run on without spaces ('ผลที่คาดว่า' + 'จะได้รับ')."""
        out = ""
        for line in self.form:
            out += (" " if out and line.startswith("(") else "") + line
        return out

    def value(self, project: Mapping[str, Any]) -> Any:
        if self.shown is not None:
            return self.shown(project)
        return project.get(self.key) or "-"


PROJECT_FIELDS_BEFORE_BUDGET = [
    Field("id", "รหัสโครงการ", "รหัสโครงการในแผน เว้นว่างสำหรับโครงการใหม่ (โปรแกรมออกรหัสให้) "
          "ใส่รหัสเดิมเพื่อแก้ไขโครงการที่มีอยู่แล้ว", "P001", width=10, aliases=("รหัส",),
          form=("รหัสโครงการ",), cap=9, shown=lambda p: p["id"]),
    Field("name", "ชื่อโครงการ", "ชื่อแผนงาน/โครงการ/กิจกรรม", "ขุดลอกหนองน้ำสาธารณะ", True, 40,
          ("โครงการ", "แผนงาน/โครงการ", "ชื่อแผนงาน/โครงการ"), form=("โครงการ",), cap=24,
          shown=lambda p: p["name"]),
    Field("strategy", "ยุทธศาสตร์", "ยุทธศาสตร์ของตำบล เลือกจากรายการ (หรือพิมพ์รหัส เช่น S1)",
          "S1", True, 30),
    Field("tactic", "กลยุทธ์", "กลยุทธ์ภายใต้ยุทธศาสตร์ที่เลือก เลือกจากรายการ (หรือพิมพ์รหัส เช่น S1.1)",
          "S1.1", True, 30),
    Field("objective", "วัตถุประสงค์", "วัตถุประสงค์ของโครงการ", "เพื่อ...", width=30, form=("วัตถุประสงค์",)),
    Field("target", "เป้าหมาย (ผลผลิต)", "เป้าหมายหรือผลผลิตของโครงการ", "ฝาย 1 แห่ง", width=30,
          aliases=("เป้าหมาย",), form=("เป้าหมาย", "(ผลผลิตของโครงการ)")),
    Field("kpi", "ตัวชี้วัด (KPI)", "ตัวชี้วัดความสำเร็จ", "มีฝายใช้งานได้ 1 แห่ง", width=30,
          aliases=("ตัวชี้วัด", "KPI"), form=("ตัวชี้วัด", "(KPI)")),
    Field("expected_result", "ผลที่คาดว่าจะได้รับ", "ผลที่คาดว่าจะได้รับ", "มีน้ำใช้ตลอดปี", width=30,
          form=("ผลที่คาดว่า", "จะได้รับ")),
    Field("villages", "หมู่ที่ดำเนินการ", "เลขหมู่ที่ที่ดำเนินโครงการ เลือกจากรายการ หรือพิมพ์หลายหมู่"
          "คั่นด้วยจุลภาค (ต้องใส่หมู่ที่หรือชุมชนอย่างน้อยหนึ่งอย่าง)", "1, 3", False, 14,
          ("หมู่ที่", "หมู่บ้าน", "หมู่บ้านที่ดำเนินการ")),
    Field("communities", "ชุมชนที่ดำเนินการ", "ชุมชนที่ดำเนินโครงการ เลือกจากรายการ หรือพิมพ์หลายชุมชน"
          "คั่นด้วยจุลภาค (รหัสหรือชื่อชุมชน)", "c01 ชุมชนตลาดเก่า", False, 30, ("ชุมชน",)),
    Field("location", "สถานที่ดำเนินการ", "สถานที่ดำเนินการ (เว้นว่างได้ จะใช้รายชื่อหมู่ที่)", "หนองน้ำสาธารณะ",
          width=20, aliases=("สถานที่",), form=("สถานที่", "(หมู่ที่)"), cap=11,
          shown=lambda p: p["location_text"]),
    Field("period", "ระยะเวลา", "ระยะเวลาดำเนินการ", "ม.ค. - เม.ย. 2571", width=18),
]
PROJECT_FIELDS_AFTER_BUDGET = [
    Field("approach", "วิธีดำเนินการ", "ทำเอง = ชุมชนทำเอง, ทำร่วม = ทำร่วมกับหน่วยงาน, "
          "ขอสนับสนุน = ขอรับการสนับสนุนจากภายนอก เลือกจากรายการ", "ขอสนับสนุน", True, 14),
    Field("agency", "หน่วยงานรับผิดชอบหลัก", "หน่วยงานที่รับผิดชอบหลัก", "องค์การบริหารส่วนตำบล...", True, 30,
          ("หน่วยงานรับผิดชอบ", "หน่วยงานที่รับผิดชอบหลัก"), form=("หน่วยงานที่", "รับผิดชอบหลัก"), cap=16,
          shown=lambda p: p["agency"]),
    Field("local_government", "ส่งให้ อปท.", "อปท. ที่จะส่งบัญชีประสานโครงการให้ เลือกจากรายการ "
          "(เว้นว่างถ้าไม่ส่ง)", "องค์การบริหารส่วนตำบล...", width=30, aliases=("อปท.", "อปท")),
    Field("priority", "ลำดับความสำคัญ", "ลำดับความสำคัญภายในยุทธศาสตร์ (1 = สำคัญที่สุด) เว้นว่างถ้าใส่คะแนน "
          "(โปรแกรมจัดลำดับจากคะแนนให้)", "1", width=10, aliases=("ลำดับ",)),
    Field("votes", "คะแนนเสียง (โหวต)", "จำนวนเสียงสนับสนุนจากการโหวตในเวทีประชาคม ใช้ตัดสินเมื่อคะแนนรวมเท่ากัน",
          "35", width=11, aliases=("คะแนนเสียง", "โหวต")),
    Field("note", "หมายเหตุ", "หมายเหตุ", "", width=20, form=("หมายเหตุ",), cap=12,
          shown=lambda p: p.get("note") or ""),
]
PROJECT_FIELDS = PROJECT_FIELDS_BEFORE_BUDGET + PROJECT_FIELDS_AFTER_BUDGET
FIELD_BY_KEY = {f.key: f for f in PROJECT_FIELDS}
# the plan's own key order for a project (the schema's), budget included
FIELD_ORDER: list[str] = list(node("projects", "[]")["properties"])
TEXT_FIELDS = ("name", "objective", "target", "kpi", "expected_result", "location", "period",
               "agency", "note")  # free text; the others are ids, references, choices or numbers

# The coordination list (บัญชีประสานโครงการ), in the order of the local plan's form ผ.02/1, so an
# อปท. clerk can paste the rows into its own plan: fields before the per-year budget columns,
# fields after them, then where and a note. The workbook adds the project's id.
COORDINATION_BEFORE_BUDGET = ("name", "objective", "target")
COORDINATION_AFTER_BUDGET = ("kpi", "expected_result", "agency", "location", "note")
COORDINATION_WORKBOOK_EXTRA = ("id",)
NUMBER_HEADING = "ที่"


def coordination_fields(where: tuple[str, ...]) -> list[Field]:
    return [FIELD_BY_KEY[k] for k in where]
