"""Thai descriptions of the computed context keys this package adds, kept beside the code that
computes them; ``docx.docs`` puts them first in its reference (``docs/templates.md``)."""

from __future__ import annotations

CONTEXT_DOCS: dict[str, str] = {
    "tambon.fictional": "แผนใช้ชื่อสมมุติ (settings.fictional) หรือไม่",
    "tambon.code": "รหัสตำบล 6 หลักของกรมการปกครอง เช่น '650801' (ว่างถ้าชื่อสมมุติหรือหาไม่พบ)",
    "tambon.amphoe_code": "รหัสอำเภอ 4 หลัก (ว่างถ้าชื่อสมมุติหรือหาไม่พบ)",
    "tambon.changwat_code": "รหัสจังหวัด 2 หลัก (ว่างถ้าชื่อสมมุติหรือหาไม่พบ)",
}
