"""Named funding sources: declared once (funding_sources) with an id no fixed source uses, each
workbook column name used once, and every funding key of a budget a known source."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tambondoc.check.rules.access import Finding, items_of, known
from tambondoc.plan.vocabulary import RESERVED_SOURCE_IDS, plan_sources

ID = "funding-sources"


def check(data: dict[str, Any]) -> Iterator[Finding]:
    for i, item in items_of(data, "funding_sources"):
        if item.get("id") in RESERVED_SOURCE_IDS:
            yield ["funding_sources", i, "id"], False, \
                f"รหัส '{item['id']}' เป็นชื่อที่โปรแกรมใช้แล้ว ({', '.join(RESERVED_SOURCE_IDS)}) ให้ใช้รหัสอื่น เช่น codi", "error"
    sources = plan_sources(data)
    columns: dict[str, str] = {}
    for source in sources:
        if source.column in columns:
            at = next(i for i, x in items_of(data, "funding_sources") if x.get("id") == source.key)
            yield ["funding_sources", at, "short" if source.aliases else "name"], False, \
                f"ชื่อ '{source.column}' ซ้ำกับแหล่งงบประมาณ '{columns[source.column]}' ซึ่งจะเป็นหัวคอลัมน์ Excel เดียวกัน " \
                "ให้ใช้ชื่อย่อ (short) ที่ไม่ซ้ำ", "error"
        columns.setdefault(source.column, source.key)
    keys = [source.key for source in sources]
    for i, p in items_of(data, "projects"):
        for j, b in items_of(p, "budget"):
            funding = b.get("funding")
            for key in funding if isinstance(funding, dict) else {}:
                if key not in keys:
                    yield ["projects", i, "budget", j, "funding", key], True, \
                        f"ไม่รู้จักแหล่งงบประมาณ '{key}'{known(str(key), keys)} " \
                        "แหล่งอื่นนอกจากสี่แหล่งหลักให้ประกาศใน funding_sources ก่อน", "error"
