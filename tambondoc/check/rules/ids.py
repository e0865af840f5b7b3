"""Ids that must be unique: villages, communities, อปท., strategies, tactics (across the plan), funding
sources, scoring criteria, projects.

Ids are compared without regard to case: 'S5' and 's5' are one id to Excel's COUNTIF and
SUMIF (the export's totals would count both) and one file name on Windows and macOS. An อปท.'s
id also names its coordination files, so two ids that give the same file name are duplicates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from tambondoc.check.rules.access import Finding, as_key, items_of
from tambondoc.errors import PlanError
from tambondoc.files import name_key, safe_name

ID = "unique-ids"


def _fold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def _file_key(value: Any) -> Any:
    """The coordination file an อปท. id names ('a.' and 'a' name the same file)."""
    if not isinstance(value, str):
        return value
    try:
        return name_key(safe_name(value))
    except PlanError:
        return value


def _same(value: Any, first: Any, what: str) -> str:
    if value == first:
        return ""
    return f" ('{first}' ต่างกันเพียงตัวพิมพ์ใหญ่/เล็ก)" if _fold(value) == _fold(first) else \
        f" ('{first}' ได้ชื่อไฟล์เดียวกัน)"


def _unique(items: list[tuple[int, dict[str, Any]]], base: list[str | int], key: str, what: str,
            fold: Callable[[Any], Any] = _fold) -> Iterator[Finding]:
    seen: dict[Any, tuple[int, Any]] = {}
    for i, item in items:
        value = item.get(key)
        if value is None or isinstance(value, (dict, list)):
            continue
        folded = fold(value)
        if folded in seen:
            at, first = seen[folded]
            yield base + [i, key], False, (f"{what} '{value}' ซ้ำกับรายการที่ {at + 1}{_same(value, first, what)} "
                                           "ให้ใช้ค่าที่ไม่ซ้ำกัน"), "error"
        else:
            seen[folded] = (i, value)


def check(data: dict[str, Any]) -> Iterator[Finding]:
    yield from _unique(items_of(data, "tambon", "villages"), ["tambon", "villages"], "no", "หมู่ที่")
    yield from _unique(items_of(data, "tambon", "communities"), ["tambon", "communities"], "id", "รหัสชุมชน")
    yield from _unique(items_of(data, "tambon", "local_governments"), ["tambon", "local_governments"], "id",
                       "รหัส อปท.", _file_key)
    yield from _unique(items_of(data, "direction", "provincial_strategies"), ["direction", "provincial_strategies"], "id", "รหัสยุทธศาสตร์จังหวัด")
    yield from _unique(items_of(data, "direction", "strategies"), ["direction", "strategies"], "id", "รหัสยุทธศาสตร์")
    seen: dict[Any, Any] = {}
    for i, s in items_of(data, "direction", "strategies"):
        for j, t in items_of(s, "tactics"):
            tid = as_key(t.get("id"))
            if tid is None:
                continue
            if _fold(tid) in seen:
                yield (["direction", "strategies", i, "tactics", j, "id"], False,
                       f"รหัสกลยุทธ์ '{tid}' ซ้ำ{_same(tid, seen[_fold(tid)], 'รหัสกลยุทธ์')} ให้ใช้รหัสที่ไม่ซ้ำกันทั้งแผน", "error")
            else:
                seen[_fold(tid)] = tid
    yield from _unique(items_of(data, "funding_sources"), ["funding_sources"], "id", "รหัสแหล่งงบประมาณ")
    scoring = data.get("scoring") if isinstance(data.get("scoring"), dict) else {}
    yield from _unique(items_of(scoring, "criteria"), ["scoring", "criteria"], "id", "รหัสเกณฑ์")
    yield from _unique(items_of(data, "projects"), ["projects"], "id", "รหัสโครงการ")
    yield from _unique(items_of(data, "review", "previous_projects"), ["review", "previous_projects"], "id", "รหัสโครงการ")
