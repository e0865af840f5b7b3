"""Ids that must be unique: villages, communities, อปท., strategies, tactics (across the plan), funding
sources, scoring criteria, projects."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tambondoc.check.rules.access import Finding, as_key, items_of

ID = "unique-ids"


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


def check(data: dict[str, Any]) -> Iterator[Finding]:
    yield from _unique(items_of(data, "tambon", "villages"), ["tambon", "villages"], "no", "หมู่ที่")
    yield from _unique(items_of(data, "tambon", "communities"), ["tambon", "communities"], "id", "รหัสชุมชน")
    yield from _unique(items_of(data, "tambon", "local_governments"), ["tambon", "local_governments"], "id", "รหัส อปท.")
    yield from _unique(items_of(data, "direction", "provincial_strategies"), ["direction", "provincial_strategies"], "id", "รหัสยุทธศาสตร์จังหวัด")
    yield from _unique(items_of(data, "direction", "strategies"), ["direction", "strategies"], "id", "รหัสยุทธศาสตร์")
    seen: set[Any] = set()
    for i, s in items_of(data, "direction", "strategies"):
        for j, t in items_of(s, "tactics"):
            tid = as_key(t.get("id"))
            if tid is None:
                continue
            if tid in seen:
                yield ["direction", "strategies", i, "tactics", j, "id"], False, f"รหัสกลยุทธ์ '{tid}' ซ้ำ ให้ใช้รหัสที่ไม่ซ้ำกันทั้งแผน", "error"
            seen.add(tid)
    yield from _unique(items_of(data, "funding_sources"), ["funding_sources"], "id", "รหัสแหล่งงบประมาณ")
    scoring = data.get("scoring") if isinstance(data.get("scoring"), dict) else {}
    yield from _unique(items_of(scoring, "criteria"), ["scoring", "criteria"], "id", "รหัสเกณฑ์")
    yield from _unique(items_of(data, "projects"), ["projects"], "id", "รหัสโครงการ")
    yield from _unique(items_of(data, "review", "previous_projects"), ["review", "previous_projects"], "id", "รหัสโครงการ")
