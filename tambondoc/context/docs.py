"""Thai descriptions of the computed context keys this package adds, kept beside the code that
computes them; ``docx.docs`` puts them first in its reference (``docs/templates.md``), where the
first matching pattern wins. A key ``docx.docs`` also describes, whose meaning grew (named sources,
communities), is written here with a leading '*' (which also matches nothing), so that this entry,
not the older one, is the first match."""

from __future__ import annotations

from tambondoc.plan.vocabulary import OTHER_LABEL, SOURCES

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
    "*projects.[].village_text": "หมู่บ้านที่ดำเนินการเป็นข้อความ เช่น 'หมู่ที่ 1, 3' หรือ 'ทุกหมู่บ้าน' (ว่างถ้าไม่ระบุหมู่)",
    "projects.[].community_text": "ชุมชนที่ดำเนินการเป็นข้อความ เช่น 'ชุมชนตลาดเก่า, ชุมชนริมน้ำ' หรือ 'ทุกชุมชน' (ว่างถ้าไม่ระบุชุมชน)",
    "projects.[].place_text": "หมู่บ้านและชุมชนที่ดำเนินการรวมเป็นข้อความเดียว เช่น 'หมู่ที่ 1 ชุมชนตลาดเก่า'",
    "*projects.[].location_text": "สถานที่ดำเนินการ (location หรือ place_text)",
    "book.local_governments.[].community_text": "ชุมชนในเขตเป็นข้อความ ('-' ถ้าไม่มี)",
    # funding sources: the fixed four, the plan's named ones, and the "อื่น ๆ" column they print in
    "sources": "คอลัมน์แหล่งงบประมาณของตาราง: สี่แหล่งหลัก แล้วคอลัมน์ 'อื่น ๆ' เมื่อมีโครงการใช้แหล่งใน funding_sources "
               "(source_amounts เรียงตามนี้ ใช้กับ {%tc for %})",
    "sources.[].key": f"รหัสแหล่ง: local, agency, province, community หรือ other (คอลัมน์ '{OTHER_LABEL}')",
    "sources.[].label": "ชื่อแหล่งงบประมาณสำหรับหัวตาราง",
    "sources.[].short": "ชื่อสั้นสำหรับหัวคอลัมน์แคบ",
    "sources.[].names": f"ชื่อย่อของแหล่งที่รวมอยู่ในคอลัมน์ '{OTHER_LABEL}' เช่น 'พอช., อบจ.' (ว่างสำหรับแหล่งหลัก)",
    "named_sources": "แหล่งงบประมาณอื่นที่แผนประกาศ (funding_sources): key, label (ชื่อเต็ม), short (ชื่อย่อ)",
    "named_sources.[].key": "รหัสแหล่ง (id ใน funding_sources)",
    "named_sources.[].label": "ชื่อเต็ม",
    "named_sources.[].short": "ชื่อย่อ (หรือชื่อเต็มถ้าไม่ได้ใส่)",
    "other_sources_text": f"หมายเหตุใต้ตารางที่มีคอลัมน์ '{OTHER_LABEL}' เช่น '{OTHER_LABEL} ได้แก่ พอช. = สถาบันพัฒนาองค์กรชุมชน' "
                          "(ว่างถ้าไม่มีโครงการใช้แหล่งใน funding_sources)",
    "*funding_keys": "รหัสคอลัมน์แหล่งงบประมาณตามลำดับ sources: local, agency, province, community "
                    "และ other เมื่อมีโครงการใช้แหล่งใน funding_sources",
    "*summary.by_source": "สรุปตามแหล่งงบประมาณ: สี่แหล่งหลัก แล้วแหล่งที่แผนประกาศซึ่งมีโครงการใช้ทีละแหล่ง",
    "*book.by_source": "สรุปตามแหล่งงบประมาณพร้อมร้อยละ: สี่แหล่งหลัก แล้วแหล่งที่แผนประกาศซึ่งมีโครงการใช้ทีละแหล่ง",
    "*.by_source.[].key": "รหัสแหล่งงบประมาณ (สี่แหล่งหลัก หรือรหัสใน funding_sources)",
    "*.by_source.[].label": "ชื่อแหล่งงบประมาณ (ชื่อเต็มสำหรับแหล่งที่แผนประกาศ)",
    "*.by_source.[].amount": "จำนวนเงินรวม (บาท)",
    "**.by_source": "ยอดเงินตามแหล่งงบประมาณ {local, agency, province, community และรหัสใน funding_sources: บาท}",
    **{f"*.by_source.{s.key}": f"{s.title} (บาท)" for s in SOURCES},
    "*.by_source.*": "ยอดเงินของแหล่งงบประมาณที่แผนประกาศ (รหัสใน funding_sources) (บาท)",
    "*.other_amount": f"ยอดเงินของแหล่งงบประมาณที่แผนประกาศรวมกัน คือคอลัมน์ '{OTHER_LABEL}' (บาท)",
    "**.source_amounts": "ยอดเงินแต่ละคอลัมน์แหล่งงบประมาณตามลำดับ sources (funding_keys)",
    "projects.[].other_sources": f"แหล่งงบประมาณที่แผนประกาศที่โครงการนี้ใช้ สำหรับช่อง '{OTHER_LABEL}': "
                                 "key, label, short, amount (บาท)",
    "projects.[].other_sources_text": "ชื่อย่อของแหล่งที่แผนประกาศที่โครงการนี้ใช้ เช่น 'พอช., อบจ.' (ว่างถ้าไม่มี)",
    # priority scoring
    "projects.[].scores.*": "คะแนนของเกณฑ์นี้ (รหัสเกณฑ์ใน scoring.criteria)",
    "projects.[].score": "คะแนนรวมถ่วงน้ำหนัก (ผลรวมคะแนน × น้ำหนัก) ว่างถ้ายังไม่มีคะแนน",
    "projects.[].score_list": "คะแนนแต่ละเกณฑ์ตามลำดับ scoring.criteria (ว่างเมื่อยังไม่มีคะแนนเกณฑ์นั้น)",
    "*projects.[].priority": "ลำดับความสำคัญภายในยุทธศาสตร์: คำนวณจากคะแนนเมื่อยุทธศาสตร์มีโครงการที่มีคะแนน "
                            "หรือคะแนนเสียง มิฉะนั้นเป็นค่าที่แผนใส่ (ว่างได้)",
    "projects.[].priority_computed": "ลำดับความสำคัญของโครงการนี้คำนวณจากคะแนน/คะแนนเสียงหรือไม่",
    "scoring": "ตารางวิเคราะห์คะแนนความสำคัญของแผนงาน/โครงการ (ภาคผนวก): เกณฑ์ ช่วงคะแนน "
               "และยุทธศาสตร์ที่จัดลำดับด้วยคะแนน",
    "scoring.used": "มีโครงการที่มีคะแนนหรือคะแนนเสียงหรือไม่ (ใช้ {% if scoring.used %} กับภาคผนวก)",
    "scoring.declared": "แผนมีส่วน scoring หรือไม่",
    "scoring.min_score": "คะแนนต่ำสุดของแต่ละเกณฑ์",
    "scoring.max_score": "คะแนนสูงสุดของแต่ละเกณฑ์",
    "scoring.max_total": "คะแนนรวมสูงสุดที่เป็นไปได้ (ผลรวมน้ำหนัก × คะแนนสูงสุด)",
    "scoring.criteria": "เกณฑ์การให้คะแนน (ของแผน หรือสี่เกณฑ์เริ่มต้น) ตามลำดับคอลัมน์",
    "scoring.criteria.[].id": "รหัสเกณฑ์",
    "scoring.criteria.[].name": "ชื่อเกณฑ์",
    "scoring.criteria.[].weight": "น้ำหนัก",
    "scoring.criteria.[].description": "คำอธิบายวิธีให้คะแนน (ว่างได้)",
    "scoring.groups": "ยุทธศาสตร์ที่มีโครงการจัดลำดับด้วยคะแนน โครงสร้างเดียวกับ strategy_groups "
                      "(projects เรียงตามลำดับที่คำนวณ)",
    "scoring.groups.[]*": "โครงสร้างเดียวกับ `strategy_groups.[]`",
}
