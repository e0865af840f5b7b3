"""Whole numbers are written without a decimal point: JSON Schema counts 2.0 as an integer, so
'revision: 2.0' passed, and the cover page printed "ฉบับทบทวน ครั้งที่ ๒.๐" (a village "หมู่ที่ ๑.๐")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tambondoc.check.rules.access import Finding, leaves
from tambondoc.plan.schema import district_node, node

ID = "whole-numbers"


def _integral(value: Any) -> bool:
    return isinstance(value, float) and value.is_integer()


def _wants_integer(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    return kind == "integer" or (isinstance(kind, list) and "integer" in kind and "number" not in kind)


def _found(data: Any, path: list[str | int], is_district: bool) -> Iterator[Finding]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _found(value, [*path, key], is_district)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _found(value, [*path, i], is_district)
    elif _integral(data):
        parts = ["[]" if isinstance(p, int) else str(p) for p in path]
        if _wants_integer(district_node(*parts) if is_district else node(*parts)):
            yield path, False, (f"ต้องเป็นจำนวนเต็ม ไม่มีจุดทศนิยม ให้แก้ {data} เป็น {int(data)} "
                                f"(เอกสารพิมพ์ตามที่เขียน: {data})"), "error"


def check(data: dict[str, Any]) -> Iterator[Finding]:
    if any(_integral(value) for value in leaves(data)):  # the paths only once there is one
        yield from _found(data, [], isinstance(data.get("district"), dict) and "tambon" not in data)
