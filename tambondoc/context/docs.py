"""Thai descriptions of the computed context keys this package adds, kept beside the code that
computes them; ``docx.docs`` puts them first in its reference (``docs/templates.md``)."""

from __future__ import annotations

CONTEXT_DOCS: dict[str, str] = {
    "tambon.fictional": "แผนใช้ชื่อสมมุติ (settings.fictional) หรือไม่",
    "tambon.code": "รหัสตำบล 6 หลักของกรมการปกครอง เช่น '650801' (ว่างถ้าชื่อสมมุติหรือหาไม่พบ)",
    "tambon.amphoe_code": "รหัสอำเภอ 4 หลัก (ว่างถ้าชื่อสมมุติหรือหาไม่พบ)",
    "tambon.changwat_code": "รหัสจังหวัด 2 หลัก (ว่างถ้าชื่อสมมุติหรือหาไม่พบ)",
    "tambon.communities.[].population_total": "ประชากรรวมชายและหญิงของชุมชน (ว่างถ้าไม่ได้ใส่ประชากร)",
    "tambon.community_totals": "ยอดรวมทุกชุมชน (เฉพาะชุมชนที่ใส่ตัวเลข)",
    "tambon.community_totals.count": "จำนวนชุมชน",
    "tambon.community_totals.households": "ครัวเรือนรวม",
    "tambon.community_totals.male": "ประชากรชายรวม",
    "tambon.community_totals.female": "ประชากรหญิงรวม",
    "tambon.community_totals.population": "ประชากรรวม",
    "tambon.*.[].community_name": "ชื่อชุมชนที่ตั้งอยู่ (ว่างถ้าไม่ได้ระบุชุมชน)",
    "projects.[].village_text": "หมู่บ้านที่ดำเนินการเป็นข้อความ เช่น 'หมู่ที่ 1, 3' หรือ 'ทุกหมู่บ้าน' (ว่างถ้าไม่ระบุหมู่)",
    "projects.[].community_text": "ชุมชนที่ดำเนินการเป็นข้อความ เช่น 'ชุมชนตลาดเก่า, ชุมชนริมน้ำ' (ว่างถ้าไม่ระบุชุมชน)",
    "projects.[].place_text": "หมู่บ้านและชุมชนที่ดำเนินการรวมเป็นข้อความเดียว เช่น 'หมู่ที่ 1 ชุมชนตลาดเก่า'",
    "projects.[].location_text": "สถานที่ดำเนินการ (location หรือ place_text)",
    "book.local_governments.[].community_text": "ชุมชนในเขตเป็นข้อความ ('-' ถ้าไม่มี)",
}
