"""Values no document can hold: .nan and .inf, control characters Word and Excel refuse, and
text longer than an Excel cell holds (every workbook the plan goes into refuses it alike)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

from tambondoc.check.rules.access import Finding, leaves

ID = "values"

# characters XML 1.0 (so Word and Excel) cannot hold; YAML lets "\x01" or "\v" escapes make them
NOT_IN_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
EXCEL_CELL_CHARS = 32_767  # Excel's limit, in UTF-16 code units


def _bad_values(node: Any, path: list[str | int]) -> Iterator[Finding]:
    """Values no document can hold: .nan and .inf pass every numeric bound, and control
    characters (pasted from a PDF, or written as escapes) cannot go into Word or Excel."""
    if isinstance(node, float) and not math.isfinite(node):
        yield path, False, f"ตัวเลข {node} ใช้ไม่ได้ ให้ใส่จำนวนจริง", "error"
    elif isinstance(node, str) and (bad := NOT_IN_XML.search(node)):
        yield path, False, (f"ข้อความมีอักขระควบคุมที่มองไม่เห็น (U+{ord(bad.group()):04X}) หลัง '{node[:bad.start()][-20:]}' "
                            "ซึ่งใส่ในเอกสาร Word หรือ Excel ไม่ได้ ให้ลบออก"), "error"
    elif isinstance(node, str) and len(node) > EXCEL_CELL_CHARS // 2 and \
            (units := len(node.encode("utf-16-le")) // 2) > EXCEL_CELL_CHARS:
        yield path, False, (f"ข้อความยาว {units:,} ตัวอักษร เกิน {EXCEL_CELL_CHARS:,} ตัวอักษรที่ Excel เก็บได้ในหนึ่งช่อง "
                            "ให้ย่อข้อความ หรือแบ่งเป็นหลายรายการ"), "error"
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _bad_values(value, path + [key])
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _bad_values(value, path + [i])


def _bad(value: Any) -> bool:
    """The cheap test of ``_bad_values`` for one value (a long text is measured there)."""
    if isinstance(value, str):
        return bool(NOT_IN_XML.search(value)) or len(value) > EXCEL_CELL_CHARS // 2
    return isinstance(value, float) and not math.isfinite(value)


def check(data: dict[str, Any]) -> Iterator[Finding]:
    if any(_bad(value) for value in leaves(data)):  # the paths only once something is wrong
        yield from _bad_values(data, [])
