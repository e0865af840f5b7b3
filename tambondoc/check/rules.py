"""Checks a JSON Schema cannot express: identities, references, sums, dates, the committee.

Every check is defensive about types, so schema errors elsewhere never crash it and all
problems are reported in one run.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from typing import Any, Iterator

Finding = tuple[list[str | int], bool, str, str]  # path, at_key, message, level

ROLE_ORDER = [
    "ประธานกรรมการ", "รองประธานกรรมการ", "กรรมการ", "กรรมการและเลขานุการ",
    "กรรมการและผู้ช่วยเลขานุการ",
]
FUNDING_KEYS = ("local", "agency", "province", "community")


def _list(data: Any, *keys: str) -> list[tuple[int, dict[str, Any]]]:
    node = data
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return [(i, x) for i, x in enumerate(node) if isinstance(x, dict)] if isinstance(node, list) else []


def _get(data: Any, *keys: str) -> Any:
    node = data
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return node


def _key(value: Any) -> Any:
    """``value`` if it can be an id or a number to look up, else None (a schema error elsewhere)."""
    return value if isinstance(value, (str, int, float)) else None


def parse_be_date(text: Any) -> dt.date | None:
    """A พ.ศ. date string 'YYYY-MM-DD' as a real C.E. date, or None if it is not one."""
    if not isinstance(text, str) or len(text) != 10:
        return None
    try:
        y, m, d = (int(p) for p in text.split("-"))
        return dt.date(y - 543, m, d)
    except ValueError:
        return None


def _unique(items: list[tuple[int, dict[str, Any]]], base: list[str | int], key: str, what: str) -> Iterator[Finding]:
    seen: dict[Any, int] = {}
    for i, item in items:
        value = item.get(key)
        if value is None or isinstance(value, (dict, list)):
            continue
        if value in seen:
            yield base + [i, key], False, f"{what} '{value}' ซ้ำกับรายการที่ {seen[value] + 1} ให้ใช้ค่าที่ไม่ซ้ำกัน", "error"
        else:
            seen[value] = i


def _dates(data: dict[str, Any]) -> Iterator[Finding]:
    for path in (["plan", "approved_on"], ["committee", "order", "date"], ["review", "meeting_date"]):
        value = _get(data, *path)
        if isinstance(value, str) and len(value) == 10 and value[4] == "-" and parse_be_date(value) is None:
            yield path, False, f"วันที่ '{value}' ไม่มีอยู่จริง ให้ตรวจวันและเดือน (ปีเป็น พ.ศ.)", "error"
        elif (d := parse_be_date(value)) is not None and d.year < 1900:
            yield path, False, f"ปีของวันที่ '{value}' ต้องเป็น พ.ศ. (เช่น 2570) ไม่ใช่ ค.ศ.", "error"


def _references(data: dict[str, Any]) -> Iterator[Finding]:
    villages = {_key(v.get("no")) for _, v in _list(data, "tambon", "villages")}
    lgs = [lg.get("id") for _, lg in _list(data, "tambon", "local_governments")]
    provincial = {_key(p.get("id")) for _, p in _list(data, "direction", "provincial_strategies")}
    tactics: dict[Any, set[Any]] = {}
    for _, s in _list(data, "direction", "strategies"):
        tactics[_key(s.get("id"))] = {_key(t.get("id")) for _, t in _list(s, "tactics")}
    vlist = ", ".join(str(v) for v in sorted(x for x in villages if isinstance(x, int)))

    def village_refs(base: list[str | int], refs: Any) -> Iterator[Finding]:
        for j, no in enumerate(refs if isinstance(refs, list) else []):
            if isinstance(no, int) and no not in villages:
                yield base + [j], False, f"ไม่มีหมู่ที่ {no} ใน tambon.villages (มีหมู่ที่ {vlist})", "error"

    for i, g in _list(data, "tambon", "local_governments"):
        yield from village_refs(["tambon", "local_governments", i, "villages"], g.get("villages"))
    for key in ("groups", "important_places"):
        for i, item in _list(data, "tambon", key):
            no = item.get("village")
            if isinstance(no, int) and no not in villages:
                yield ["tambon", key, i, "village"], False, f"ไม่มีหมู่ที่ {no} ใน tambon.villages (มีหมู่ที่ {vlist})", "error"
    for i, s in _list(data, "direction", "strategies"):
        ps = s.get("provincial_strategy")
        if isinstance(ps, str) and ps not in provincial:
            yield ["direction", "strategies", i, "provincial_strategy"], False, \
                f"ไม่มียุทธศาสตร์จังหวัด '{ps}' ใน direction.provincial_strategies", "error"
    for i, p in _list(data, "projects"):
        base: list[str | int] = ["projects", i]
        sid, tid = p.get("strategy"), p.get("tactic")
        if isinstance(sid, str) and sid not in tactics:
            yield base + ["strategy"], False, \
                f"ไม่มียุทธศาสตร์ '{sid}' ใน direction.strategies (มี {', '.join(map(str, tactics))})", "error"
        elif isinstance(sid, str) and isinstance(tid, str) and tid not in tactics[sid]:
            yield base + ["tactic"], False, \
                f"กลยุทธ์ '{tid}' ไม่อยู่ในยุทธศาสตร์ {sid} (มี {', '.join(map(str, sorted(tactics[sid], key=str)))})", "error"
        yield from village_refs(base + ["villages"], p.get("villages"))
        lg = p.get("local_government")
        if isinstance(lg, str) and lg not in lgs:
            yield base + ["local_government"], False, \
                f"ไม่มี อปท. รหัส '{lg}' ใน tambon.local_governments (มี {', '.join(map(str, lgs))})", "error"


def _budgets(data: dict[str, Any]) -> Iterator[Finding]:
    years = _get(data, "plan", "fiscal_years")
    years = [y for y in years if isinstance(y, int)] if isinstance(years, list) else []
    if years and years != sorted(years):
        yield ["plan", "fiscal_years"], False, "ปีงบประมาณต้องเรียงจากน้อยไปมาก", "error"
    if years and years != list(range(years[0], years[0] + len(years))):
        yield ["plan", "fiscal_years"], False, "ปีงบประมาณต้องเป็นปีต่อเนื่องกัน", "warning"
    for i, p in _list(data, "projects"):
        seen_years: set[int] = set()
        for j, b in _list(p, "budget"):
            base: list[str | int] = ["projects", i, "budget", j]
            year = b.get("year")
            if isinstance(year, int):
                if years and year not in years:
                    yield base + ["year"], False, \
                        f"ปีงบประมาณ {year} ไม่อยู่ในปีของแผน ({', '.join(map(str, years))}) ให้แก้ปีหรือเพิ่มปีใน plan.fiscal_years", "error"
                if year in seen_years:
                    yield base + ["year"], False, f"ปีงบประมาณ {year} ซ้ำในโครงการเดียวกัน ให้รวมเป็นรายการเดียว", "error"
                seen_years.add(year)
            amount, funding = b.get("amount"), b.get("funding")
            if isinstance(amount, (int, float)) and isinstance(funding, dict):
                parts = [funding.get(k) for k in FUNDING_KEYS]
                if all(isinstance(x, (int, float)) or x is None for x in parts):
                    total = sum(x or 0 for x in parts)
                    if abs(total - amount) > 0.005:
                        yield base + ["amount"], False, \
                            f"ผลรวมแหล่งงบประมาณ ({total:,.2f} บาท) ไม่เท่ากับ amount ({amount:,.2f} บาท) ให้แก้ให้ตรงกัน".replace(".00 ", " "), "error"


def _committee(data: dict[str, Any]) -> Iterator[Finding]:
    committee = _get(data, "committee")
    if not isinstance(committee, dict):
        return
    members = _list(data, "committee", "members")
    roles = Counter(_key(m.get("role")) for _, m in members)
    chairs = [i for i, m in members if m.get("role") == "ประธานกรรมการ"]
    if isinstance(committee.get("members"), list):
        if not chairs:
            yield ["committee", "members"], True, "ก.บ.ต. ต้องมีประธานกรรมการหนึ่งคนพอดี (พบ 0 คน)", "error"
        for i in chairs[1:]:  # point at each extra chair, where the fix is
            yield ["committee", "members", i, "role"], False, \
                f"ก.บ.ต. ต้องมีประธานกรรมการหนึ่งคนพอดี (พบ {len(chairs)} คน คนแรกอยู่รายการที่ {chairs[0] + 1}) " \
                "ให้เปลี่ยนบทบาทของคนนี้", "error"
        if roles["กรรมการและเลขานุการ"] < 1:
            yield ["committee", "members"], True, "ก.บ.ต. ต้องมีกรรมการและเลขานุการอย่างน้อยหนึ่งคน", "error"
    seen: dict[str, int] = {}
    for i, m in members:  # the same person typed with different spacing is still one person
        name = " ".join(m["name"].split()) if isinstance(m.get("name"), str) else None
        if name and name in seen:
            yield ["committee", "members", i, "name"], False, \
                f"กรรมการชื่อ '{name}' ซ้ำกับรายการที่ {seen[name] + 1} ให้ใช้ค่าที่ไม่ซ้ำกัน", "error"
        elif name:
            seen[name] = i
    order_year, date = _get(data, "committee", "order", "year"), parse_be_date(_get(data, "committee", "order", "date"))
    if isinstance(order_year, int) and date is not None and date.year >= 1900 and date.year + 543 != order_year:
        yield ["committee", "order", "date"], False, \
            f"วันที่คำสั่งต้องอยู่ในปี พ.ศ. {order_year} ของคำสั่ง (พบปี {date.year + 543})", "error"


def _consistency(data: dict[str, Any]) -> Iterator[Finding]:
    rai, km = _get(data, "tambon", "area", "rai"), _get(data, "tambon", "area", "sq_km")
    if isinstance(rai, (int, float)) and isinstance(km, (int, float)) and km > 0 and abs(rai / 625 - km) / km > 0.05:
        yield ["tambon", "area", "sq_km"], False, \
            f"เนื้อที่ {rai:,} ไร่ เท่ากับ {rai / 625:,.2f} ตร.กม. แต่ใส่ไว้ {km:,} ตร.กม. (1 ตร.กม. = 625 ไร่)", "warning"
    owner: dict[int, Any] = {}
    for i, g in _list(data, "tambon", "local_governments"):
        refs = g.get("villages")
        for j, no in enumerate(refs if isinstance(refs, list) else []):
            if not isinstance(no, int):
                continue
            if no in owner:
                yield ["tambon", "local_governments", i, "villages", j], False, \
                    f"หมู่ที่ {no} อยู่ในเขต อปท. '{owner[no]}' แล้ว หมู่บ้านหนึ่งอยู่ได้ใน อปท. เดียว", "warning"
            owner.setdefault(no, g.get("id"))


# characters XML 1.0 (so Word and Excel) cannot hold; YAML lets "\x01" or "\v" escapes make them
NOT_IN_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _bad_values(node: Any, path: list[str | int]) -> Iterator[Finding]:
    """Values no document can hold: .nan and .inf pass every numeric bound, and control
    characters (pasted from a PDF, or written as escapes) cannot go into Word or Excel."""
    if isinstance(node, float) and not math.isfinite(node):
        yield path, False, f"ตัวเลข {node} ใช้ไม่ได้ ให้ใส่จำนวนจริง", "error"
    elif isinstance(node, str) and (bad := NOT_IN_XML.search(node)):
        yield path, False, (f"ข้อความมีอักขระควบคุมที่มองไม่เห็น (U+{ord(bad.group()):04X}) หลัง '{node[:bad.start()][-20:]}' "
                            "ซึ่งใส่ในเอกสาร Word หรือ Excel ไม่ได้ ให้ลบออก"), "error"
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _bad_values(value, path + [key])
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _bad_values(value, path + [i])


def check(data: Any) -> Iterator[Finding]:
    """Yield every semantic finding of a loaded plan."""
    if not isinstance(data, dict):
        return
    yield from _bad_values(data, [])
    yield from _unique(_list(data, "tambon", "villages"), ["tambon", "villages"], "no", "หมู่ที่")
    yield from _unique(_list(data, "tambon", "local_governments"), ["tambon", "local_governments"], "id", "รหัส อปท.")
    yield from _unique(_list(data, "direction", "provincial_strategies"), ["direction", "provincial_strategies"], "id", "รหัสยุทธศาสตร์จังหวัด")
    yield from _unique(_list(data, "direction", "strategies"), ["direction", "strategies"], "id", "รหัสยุทธศาสตร์")
    seen: set[Any] = set()
    for i, s in _list(data, "direction", "strategies"):
        for j, t in _list(s, "tactics"):
            tid = _key(t.get("id"))
            if tid is None:
                continue
            if tid in seen:
                yield ["direction", "strategies", i, "tactics", j, "id"], False, f"รหัสกลยุทธ์ '{tid}' ซ้ำ ให้ใช้รหัสที่ไม่ซ้ำกันทั้งแผน", "error"
            seen.add(tid)
    yield from _unique(_list(data, "projects"), ["projects"], "id", "รหัสโครงการ")
    yield from _unique(_list(data, "review", "previous_projects"), ["review", "previous_projects"], "id", "รหัสโครงการ")
    yield from _references(data)
    yield from _budgets(data)
    yield from _committee(data)
    yield from _dates(data)
    yield from _consistency(data)
