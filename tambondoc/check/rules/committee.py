"""The ก.บ.ต.: exactly one chair, a secretary, nobody twice, the order dated in its year."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from tambondoc.check.rules.access import Finding, as_key, get, items_of
from tambondoc.plan.places import plain
from tambondoc.plan.vocabulary import CHAIR, SECRETARY
from tambondoc.thai import parse_be_date

ID = "committee"


def check(data: dict[str, Any]) -> Iterator[Finding]:
    committee = get(data, "committee")
    if not isinstance(committee, dict):
        return
    members = items_of(data, "committee", "members")
    roles = Counter(as_key(m.get("role")) for _, m in members)
    chairs = [i for i, m in members if m.get("role") == CHAIR]
    if isinstance(committee.get("members"), list):
        if not chairs:
            yield ["committee", "members"], True, "ก.บ.ต. ต้องมีประธานกรรมการหนึ่งคนพอดี (พบ 0 คน)", "error"
        for i in chairs[1:]:  # point at each extra chair, where the fix is
            yield ["committee", "members", i, "role"], False, \
                f"ก.บ.ต. ต้องมีประธานกรรมการหนึ่งคนพอดี (พบ {len(chairs)} คน คนแรกอยู่รายการที่ {chairs[0] + 1}) " \
                "ให้เปลี่ยนบทบาทของคนนี้", "error"
        if roles[SECRETARY] < 1:
            yield ["committee", "members"], True, "ก.บ.ต. ต้องมีกรรมการและเลขานุการอย่างน้อยหนึ่งคน", "error"
    seen: dict[str, int] = {}
    for i, m in members:  # the same person typed with different spacing is still one person
        name = " ".join(m["name"].split()) if isinstance(m.get("name"), str) else None
        key = plain(name) if name else ""  # a name pasted from a PDF or LINE is still the name
        if key and key in seen:
            yield ["committee", "members", i, "name"], False, \
                f"กรรมการชื่อ '{name}' ซ้ำกับรายการที่ {seen[key] + 1} ให้ใช้ค่าที่ไม่ซ้ำกัน", "error"
        elif key:
            seen[key] = i
    order_year, date = get(data, "committee", "order", "year"), parse_be_date(get(data, "committee", "order", "date"))
    if isinstance(order_year, int) and date is not None and date.year >= 1900 and date.year + 543 != order_year:
        yield ["committee", "order", "date"], False, \
            f"วันที่คำสั่งต้องอยู่ในปี พ.ศ. {order_year} ของคำสั่ง (พบปี {date.year + 543})", "error"
