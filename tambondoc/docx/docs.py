"""Document the rendering context from the code that builds it, so the docs cannot drift.

The context of the example plan (every optional field filled by ``with_defaults``) is walked
key by key; plan fields take their Thai title and description from the JSON Schema, computed
fields from ``COMPUTED_DOCS`` below.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

from tambondoc.context.docs import CONTEXT_DOCS
from tambondoc.context.types import Context
from tambondoc.docx.environment import FILTER_DOCS
from tambondoc.plan.schema import node as schema_node
from tambondoc.plan.vocabulary import APPROACHES, FUNDING_KEYS, SOURCES

_TYPES = {str: "ข้อความ", int: "จำนวนเต็ม", float: "ตัวเลข", bool: "จริง/เท็จ", dict: "ชุดคีย์", list: "รายการ"}


@dataclass(frozen=True)
class Row:
    path: str
    type: str
    description: str


TOTALS_KEYS = {"count", "amount", "by_year", "by_source", "year_amounts", "source_amounts"}

# Computed fields (patterns match dotted paths; the first match wins).
COMPUTED_DOCS: dict[str, str] = {
    **CONTEXT_DOCS,
    "garuda_image": "path ของภาพตราครุฑสำหรับคำสั่ง (settings.garuda_image หรือภาพที่มากับแม่แบบ)",
    "lg": "เฉพาะ coordination.docx: อปท. ที่กำลังสร้างบัญชี (โครงสร้างเดียวกับ local_governments.[])",
    "plan.years_text": "ช่วงปีงบประมาณ เช่น '2571-2572'",
    "*_paragraphs": "ข้อความหลายบรรทัดแยกเป็นย่อหน้า (รายการข้อความ)",
    "years": "ปีงบประมาณของแผน (รายการปี พ.ศ.)",
    "funding_keys": f"รหัสแหล่งงบประมาณตามลำดับคอลัมน์: {', '.join(FUNDING_KEYS)}",
    "funding_labels": "ชื่อแหล่งงบประมาณภาษาไทยตามลำดับ funding_keys",
    "approaches": f"วิธีดำเนินการตามลำดับ: {', '.join(APPROACHES)}",
    "tambon.villages.[].population_total": "ประชากรรวมชายและหญิงของหมู่บ้าน",
    "tambon.village_totals": "ยอดรวมทุกหมู่บ้าน",
    "tambon.village_totals.households": "ครัวเรือนรวม",
    "tambon.village_totals.male": "ประชากรชายรวม",
    "tambon.village_totals.female": "ประชากรหญิงรวม",
    "tambon.village_totals.population": "ประชากรรวม",
    "direction.strategies.[].provincial_strategy_name": "ชื่อประเด็นยุทธศาสตร์จังหวัดที่ยุทธศาสตร์นี้สอดคล้อง",
    "projects": "โครงการทั้งหมด เรียงตามยุทธศาสตร์แล้วตามลำดับความสำคัญ",
    "projects.[].strategy_name": "ชื่อยุทธศาสตร์ของโครงการ",
    "projects.[].tactic_name": "ชื่อกลยุทธ์ของโครงการ",
    "projects.[].village_text": "หมู่บ้านที่ดำเนินการเป็นข้อความ เช่น 'หมู่ที่ 1, 3' หรือ 'ทุกหมู่บ้าน'",
    "projects.[].location_text": "สถานที่ดำเนินการ (location หรือ village_text)",
    "projects.[].local_government_name": "ชื่อ อปท. ที่ส่งบัญชีประสานให้ (ว่างถ้าไม่ส่ง)",
    "projects.[].total": "งบประมาณรวมทุกปี (บาท)",
    "*.by_year": "ยอดเงินตามปีงบประมาณ {ปี: บาท}",
    "*.by_year_source": "ยอดเงินตามปีและแหล่งงบประมาณ {ปี: {แหล่ง: บาท}}",
    "*.by_source": f"ยอดเงินตามแหล่งงบประมาณ {{{', '.join(FUNDING_KEYS)}: บาท}}",
    **{f"*.by_source.{s.key}": f"{s.title} (บาท)" for s in SOURCES},
    "*.year_amounts": "ยอดเงินแต่ละปีตามลำดับ years (ใช้กับคอลัมน์ {%tc for %})",
    "*.source_amounts": "ยอดเงินแต่ละแหล่งตามลำดับ funding_keys",
    "*.year_lines": "เฉพาะปีที่มีงบประมาณ ปีละรายการ (year, amount): ใช้เมื่อแผนมีตั้งแต่ 3 ปีขึ้นไป ตารางแสดงปีละบรรทัดในคอลัมน์เดียว",
    "*.year_lines.[].year": "ปีงบประมาณ",
    "*.year_lines.[].amount": "จำนวนเงิน (บาท)",
    "*.source_lines": "เฉพาะแหล่งงบประมาณที่มีเงิน แหล่งละรายการ (key, label, amount)",
    "*.source_lines.[].key": "รหัสแหล่งงบประมาณ",
    "*.source_lines.[].label": "ชื่อแหล่งงบประมาณแบบสั้น เช่น งบท้องถิ่น",
    "*.source_lines.[].amount": "จำนวนเงิน (บาท)",
    "*.count": "จำนวนโครงการ",
    "*.amount": "จำนวนเงินรวม (บาท)",
    "totals": "ยอดรวมทั้งแผน: count, amount, by_year, by_source, year_amounts, source_amounts",
    "strategy_groups": "ยุทธศาสตร์ที่มีโครงการ พร้อมโครงการ (projects) และยอดรวม (totals) ของยุทธศาสตร์",
    "strategy_groups.[].projects": "โครงการของยุทธศาสตร์ เรียงตามลำดับความสำคัญ",
    "summary": "ตารางสรุป",
    "summary.by_source": "สรุปตามแหล่งงบประมาณ",
    "summary.by_source.[].key": "รหัสแหล่งงบประมาณ",
    "summary.by_source.[].label": "ชื่อแหล่งงบประมาณ",
    "summary.by_approach": f"สรุปตามวิธีดำเนินการ ({'/'.join(APPROACHES)})",
    "summary.by_approach.[].approach": "วิธีดำเนินการ",
    "summary.by_year": "สรุปตามปีงบประมาณ",
    "summary.by_year.[].year": "ปีงบประมาณ",
    "summary.by_strategy": "สรุปตามยุทธศาสตร์",
    "summary.by_strategy.[].id": "รหัสยุทธศาสตร์",
    "summary.by_strategy.[].name": "ชื่อยุทธศาสตร์",
    "local_governments": "อปท. ในตำบล แต่ละแห่งพร้อมโครงการที่ส่งให้",
    "local_governments.[].groups": "โครงการที่ส่งให้ อปท. นี้ จัดกลุ่มตามยุทธศาสตร์ (โครงสร้างเดียวกับ strategy_groups)",
    "local_governments.[].totals": "ยอดรวมโครงการที่ส่งให้ อปท. นี้",
    "committee.members.[].no": "ลำดับที่ในคำสั่ง (เรียงตามบทบาท: ประธาน รองประธาน กรรมการ เลขานุการ ผู้ช่วยเลขานุการ)",
    "committee.chair": "ประธานกรรมการ (name, position, role)",
    "committee.chair.*": "ของประธานกรรมการ",
    "committee.order_date": "วันที่คำสั่งแยกส่วน: day, month (ชื่อเดือนเต็ม), year (พ.ศ.)",
    "committee.order_date.day": "วันที่",
    "committee.order_date.month": "ชื่อเดือนเต็ม เช่น มกราคม",
    "committee.order_date.year": "ปี พ.ศ.",
    "book": "ค่าที่ใช้เฉพาะรูปเล่มแผน",
    "book.prepared_by": "ผู้จัดทำ (plan.prepared_by หรือ ก.บ.ต. ตำบล...)",
    "book.title_lines": "ชื่อแผนบนปกเป็นบรรทัด: ปีของแผน (พ.ศ. ...) ขึ้นบรรทัดใหม่และไม่ถูกตัดกลางคำ",
    "book.multi_year": "แผนครอบคลุมมากกว่าหนึ่งปีหรือไม่",
    "book.wide_years": "แผนมีตั้งแต่ 3 ปีงบประมาณขึ้นไป: บัญชีประสานโครงการใช้คอลัมน์งบประมาณเดียว (ปีละบรรทัด) แทนคอลัมน์ต่อปี",
    "book.wide_budget": "คอลัมน์จำนวนเงิน (ปี รวม และแหล่งงบประมาณ) เกิน 6 คอลัมน์ (ตั้งแต่ 2 ปี): "
                        "ตารางโครงการในเล่มแผนใช้คอลัมน์งบประมาณเดียว (ปีละบรรทัด) และคอลัมน์แหล่งงบประมาณเดียว (แหล่งละบรรทัด)",
    "book.budget_columns": "จำนวนคอลัมน์งบประมาณ (ปีละคอลัมน์ และคอลัมน์รวมเมื่อมีหลายปี)",
    "book.area": "เนื้อที่เป็นข้อความมีจุลภาค",
    "book.area.rai": "เนื้อที่ (ไร่) เช่น '28,750'",
    "book.area.sq_km": "เนื้อที่ (ตร.กม.)",
    "book.funds_total": "ยอดรวมกองทุน",
    "book.funds_total.members": "สมาชิกรวม",
    "book.strategy_no": "ลำดับที่ของยุทธศาสตร์ {รหัส: ลำดับ}",
    "book.strategy_titles": "ชื่อหัวข้อยุทธศาสตร์ {รหัส: ชื่อ}",
    "book.strategy_count": "จำนวนยุทธศาสตร์",
    "book.by_year": "สรุปตามปีงบประมาณ พร้อมจำนวนโครงการและแหล่งงบประมาณ",
    "book.by_year.[].year": "ปีงบประมาณ",
    "book.by_source": "สรุปตามแหล่งงบประมาณพร้อมร้อยละ",
    "book.by_source.[].key": "รหัสแหล่งงบประมาณ",
    "book.by_source.[].label": "ชื่อแหล่งงบประมาณ",
    "*.share": "ร้อยละของงบประมาณรวม (ข้อความทศนิยมสองตำแหน่ง)",
    "book.by_approach": "สรุปตามวิธีดำเนินการพร้อมร้อยละ",
    "book.by_approach.[].approach": "วิธีดำเนินการ",
    "book.local_governments": "อปท. พร้อมหมู่บ้านในเขตเป็นข้อความ",
    "book.local_governments.[].village_text": "หมู่บ้านในเขตเป็นข้อความ",
    "book.review": "สรุปการทบทวน (ว่างถ้าไม่มี review)",
    "book.review.received_total": "งบประมาณที่ได้รับรวม (บาท)",
    "book.review.status_counts": "จำนวนโครงการปีที่แล้วตามสถานะ",
    "book.review.status_counts.[].status": "สถานะ",
    "book.review.status_counts.[].count": "จำนวนโครงการ",
}
SAME_AS = {
    "*.projects.[]": "projects.[]",
    "local_governments.[].groups.[]": "strategy_groups.[]",
    "book.local_governments.[]": "tambon.local_governments.[]",
    "committee.chair": "committee.members.[]",
    "*.totals": "totals",
}
NO_DESCEND = ("*.by_year", "*.by_year_source", "book.strategy_no", "book.strategy_titles")

_ALIASES = {"local_governments": ["tambon", "local_governments"], "strategy_groups": ["direction", "strategies"]}


def _match(path: str, pattern: str) -> bool:
    """fnmatch where '[]' in a pattern means the literal list marker, not a character class."""
    return fnmatchcase(path, pattern.replace("[", "[[]"))


def _describe(parts: list[str]) -> str:
    dotted = ".".join(parts)
    for pattern, text in COMPUTED_DOCS.items():
        if _match(dotted, pattern):
            return text
    alias = _ALIASES.get(parts[0], [parts[0]]) + parts[1:]
    for candidate in (parts, alias):
        node = schema_node(*candidate)
        if node and "title" in node:
            return f"{node['title']}: {node.get('description', '')}".rstrip(": ")
    return ""


def _type(value: Any) -> str:
    return "ว่างได้" if value is None else _TYPES.get(type(value), type(value).__name__)


def _walk(value: Any, parts: list[str], rows: dict[str, Row]) -> None:
    dotted = ".".join(parts)
    same = next((ref for pattern, ref in SAME_AS.items() if _match(dotted, pattern) and dotted != ref), None)
    if same:
        rows[dotted] = Row(dotted, _type(value), f"โครงสร้างเดียวกับ `{same}`")
        return
    if parts and dotted not in rows:
        rows[dotted] = Row(dotted, _type(value), _describe(parts))
    if any(_match(dotted, pattern) for pattern in NO_DESCEND):
        return
    if isinstance(value, dict):
        is_totals = value.keys() >= TOTALS_KEYS and dotted != "totals"
        if is_totals:
            rows[dotted + ".(ยอดรวม)"] = Row(dotted + ".count/.amount/...", "ชุดคีย์", "ยอดรวมแบบเดียวกับ `totals`")
        for key, child in value.items():
            if not str(key).startswith("_") and not (is_totals and key in TOTALS_KEYS):
                _walk(child, parts + [str(key)], rows)
    elif isinstance(value, list):
        merged: dict[str, Any] = {}
        for item in value:
            if isinstance(item, dict):
                for key, child in item.items():
                    if merged.get(key) is None:
                        merged[key] = child
        if merged:
            _walk(merged, parts + ["[]"], rows)


def context_rows(context: Mapping[str, Any]) -> list[Row]:
    rows: dict[str, Row] = {}
    _walk({k: v for k, v in context.items() if k != "image"}, [], rows)
    return [r for r in rows.values() if not r.path.endswith(".[]")]


LAYOUT_DOC = [
    "## ตารางและการจัดหน้า",
    "",
    "ความกว้างคอลัมน์ที่วาดในแม่แบบเป็นเพียงจุดเริ่มต้น: หลังเติมข้อมูล โปรแกรมวัดข้อความทุกช่องด้วยขนาดตัวอักษรจริง",
    "และตัดคำภาษาไทยตรงที่ LibreOffice ตัด (ICU ของระบบ; ถ้าไม่มี ใช้พจนานุกรมคำสั้นของ pythainlp)",
    "แล้วแบ่งความกว้างของตาราง (ความกว้างรวมตามแม่แบบ) ให้ทุกคอลัมน์กว้างอย่างน้อยเท่าคำที่ยาวที่สุด",
    "คอลัมน์จำนวนเงินกว้างพอให้ตัวเลขอยู่บรรทัดเดียว ส่วนที่เหลือให้คอลัมน์ที่ช่วยให้ตารางสั้นลงมากที่สุด",
    "ถ้าคอลัมน์ทั้งหมดไม่พอ ทั้งตารางลดขนาดตัวอักษรลงทีละ 1 พอยต์ แต่ไม่ต่ำกว่า 12 พอยต์ และถ้ายังไม่พอ",
    "แต่ละคอลัมน์กว้างพอสำหรับคำที่ยาวที่สุดของ 99% ของช่องและของหัวคอลัมน์ (คำยาวที่นาน ๆ พบ เช่นอักษรย่อติดคำถัดไป",
    "ถูกตัดที่ขอบช่อง).",
    "แถวไม่ถูกตัดข้ามหน้า (เว้นแต่สูงกว่าครึ่งหน้า) แถวรวมอยู่หน้าเดียวกับแถวก่อนหน้า (เว้นแต่แถวก่อนหน้านั้นสูงกว่าสามในสี่หน้า ซึ่งแถวรวมจะตามท้ายส่วนที่เหลือของแถวนั้น) แถวท้ายตารางที่ต่อจากแถวรวมสุดท้าย (เช่นลายมือชื่อในบัญชีประสานโครงการ) อยู่หน้าเดียวกับแถวรวมนั้น ตารางที่สั้นกว่าหนึ่งในสามหน้า (หรือครึ่งหน้าเมื่อมีไม่เกินหกแถว เช่นตารางสรุป) อยู่ในหน้าเดียวกันทั้งตาราง",
    "(จึงไม่ทวนหัวตาราง) ตารางที่ยาวกว่านั้นไม่ทิ้งแถวแรกหรือแถวสุดท้ายที่สูงบรรทัดเดียวไว้ลำพังในหน้า.",
    "แถวที่สูงกว่าหนึ่งหน้า (เช่นวัตถุประสงค์ยาวสองพันตัวอักษรในคอลัมน์กว้างไม่กี่เซนติเมตร) คงบรรทัดแรก ๆ",
    "ของช่องที่ยาวไว้ราวหนึ่งในสี่หน้า ข้อความที่เหลือของช่องนั้นต่อในแถวถัดไปซึ่งกว้างเต็มตาราง",
    "ขึ้นต้นด้วยหัวคอลัมน์และคำว่า (ต่อ) ตัวหนา เช่น **วัตถุประสงค์ (ต่อ)** ข้อความครบและเรียงตามเดิม",
    "(แถวนั้นอยู่หน้าเดียวกับแถวต่อ และแถวต่อขึ้นหน้าใหม่ได้เหมือนย่อหน้าทั่วไป).",
    "ยกเว้นตารางแรกของแต่ละ section (ใต้ชื่อเรื่องและย่อหน้านำ): แถวข้อมูลสองแถวแรก (ไม่นับแถวชื่อกลุ่มที่กว้างเต็มตาราง) ที่สูงตั้งแต่สามบรรทัดตัดข้ามหน้าได้",
    "ตารางจึงเริ่มในหน้าเดียวกับชื่อเรื่อง ไม่ทิ้งชื่อเรื่องไว้ลำพังในหน้าแรก.",
    "ตารางที่ต้องการคงความกว้างตามที่วาดไว้: ตั้ง Table Properties > Options > Automatically resize to fit contents",
    "เป็นปิด (ใน XML คือ `w:tblLayout w:type=\"fixed\"`) โปรแกรมจะไม่ปรับตารางนั้น",
    "ช่องที่ตั้ง \"ไม่ตัดบรรทัด\" (`w:noWrap` เช่นชื่อคน) ได้ความกว้างเท่าข้อความทั้งบรรทัด.",
    "ข้อความที่พิมพ์ (ทั้งค่าจากแผนและข้อความในแม่แบบ) ไม่ขึ้นบรรทัดใหม่ด้วย ๆ และไม่ตัดคำ 'หมู่ที่' 'ผู้ใหญ่บ้าน'",
    "และชื่อตำบล อำเภอ จังหวัด หมู่บ้านและชุมชนของแผน (ไม่นับคำนำหน้า 'บ้าน' 'ชุมชน') กลางคำ:",
    "โปรแกรมใส่ตัวเชื่อมคำ (U+2060 ไม่แสดงผล) ระหว่างพยางค์ของคำเหล่านั้น คุณสมบัติเอกสาร (ชื่อเรื่อง ฯลฯ) ไม่มีตัวเชื่อมนี้.",
    "",
    "ตารางงบประมาณตามจำนวนปีงบประมาณ:",
    "",
    "- เล่มแผน ตารางโครงการ (3.1) และสรุป 3.2: หนึ่งหรือสองปีงบประมาณ ใช้แบบฟอร์มตามแนวทาง (seed 002): คอลัมน์งบประมาณ",
    "  รายปี (และรวมเมื่อมีสองปี) และคอลัมน์แหล่งงบประมาณสี่แหล่ง บวกคอลัมน์ `อื่น ๆ` เมื่อมีโครงการใช้แหล่งที่แผนประกาศใน `funding_sources`",
    "  (ชื่อย่อของแหล่งอื่นอยู่ในหมายเหตุใต้ตาราง `other_sources_text`). เมื่อคอลัมน์จำนวนเงินจะเกิน 6 คอลัมน์",
    "  (ตั้งแต่ 2 ปี: `book.wide_budget`) ตารางโครงการใช้คอลัมน์ `งบประมาณ (บาท)` คอลัมน์เดียว",
    "  ปีละบรรทัด (`year_lines`) และคอลัมน์ `แหล่งงบประมาณ (บาท)` แหล่งละบรรทัด (`source_lines` แหล่งอื่นใช้ชื่อย่อ)",
    "  พร้อมบรรทัดรวมใต้แหล่งเมื่อมีหลายปีและหลายแหล่ง (ปีเดียวหรือแหล่งเดียว บรรทัดนั้นคือยอดรวม) และหัวตารางแถวเดียว (ทวนทุกหน้า)",
    "  เพื่อให้ข้อความยังอ่านได้บนกระดาษ A4 แนวนอน;",
    "  ยอดรวมตามปีและตามแหล่งอยู่ครบในสรุป 3.2",
    "  (รายปี) 3.2.1 (ยุทธศาสตร์ × แหล่ง) 3.3 (ตามแหล่ง) และ 3.5 (ปี × แหล่ง).",
    "- บัญชีประสานโครงการ (แบบ ผ.02/1): หนึ่งหรือสองปี คอลัมน์งบประมาณรายปี; ตั้งแต่ 3 ปี (`book.wide_years`)",
    "  คอลัมน์งบประมาณเดียว ปีละบรรทัดพร้อมรวม และหัวตารางแถวเดียว (ไม่มีแถวปีใต้ `งบประมาณ (บาท)`).",
    "  ไฟล์ .xlsx คู่กันมีคอลัมน์รายปีเสมอ (วางต่อในแผนพัฒนาท้องถิ่นได้).",
    "",
]


def markdown(context: Mapping[str, Any]) -> str:
    """docs/templates.md: the context, the filters, and how to use them."""
    lines = [
        "# แม่แบบเอกสาร: ข้อมูลและตัวกรองที่ใช้ได้",
        "",
        "<!-- generated by `tambondoc templates docs`; do not edit by hand -->",
        "",
        "แม่แบบ .docx ใช้ภาษา Jinja ของ [docxtpl](https://docxtpl.readthedocs.io): `{{ ตัวแปร }}`,",
        "`{%p for x in รายการ %}...{%p endfor %}` (ย่อหน้า), `{%tr for %}` (แถวตาราง), `{%tc for %}` (คอลัมน์),",
        "และ `{{ image(path, กว้าง_ซม., alt='คำบรรยายภาพ') }}` สำหรับภาพ (path เทียบกับไฟล์แผน; alt คือข้อความแทนภาพ",
        "สำหรับโปรแกรมอ่านหน้าจอ). ตัวแปรที่ไม่มีทำให้การสร้างเอกสาร",
        "ล้มเหลวพร้อมชื่อแม่แบบและตัวแปร; ช่องที่แผนไม่ได้ใส่มีค่าว่าง (`None` หรือ `[]`) ให้ตรวจด้วย `{% if x %}`.",
        "ตรวจแม่แบบด้วย `tambondoc templates check`.",
        "",
        *LAYOUT_DOC,
        "## ตัวกรองภาษาไทย",
        "",
        "| ตัวกรอง | ความหมายและตัวอย่าง |",
        "|---|---|",
        *[f"| `{name}` | {doc} |" for name, doc in FILTER_DOCS.items()],
        "",
        "## ข้อมูล (context)",
        "",
        "`[]` หมายถึงสมาชิกแต่ละตัวของรายการ. แม่แบบ coordination.docx มี `lg` เพิ่ม (อปท. ที่กำลังสร้างบัญชี",
        "มีโครงสร้างเดียวกับสมาชิกของ `local_governments`).",
        "",
        "| ตัวแปร | ชนิด | คำอธิบาย |",
        "|---|---|---|",
    ]
    for row in context_rows(context):
        lines.append(f"| `{row.path}` | {row.type} | {row.description.replace('|', '/')} |")
    return "\n".join(lines) + "\n"


def sample_context() -> Context:
    """The plan-book context of the shipped example plan, as the build gives it."""
    from tambondoc.check.validate import validate_file
    from tambondoc.context.build import build_context
    from tambondoc.docx.jobs import document_jobs
    from tambondoc.resources import sample_plan

    plan = sample_plan()
    jobs, _ = document_jobs(plan, build_context(validate_file(plan).data))
    return jobs[0].context
