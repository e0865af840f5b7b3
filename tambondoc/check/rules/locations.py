"""Where things are: a tambon has villages (หมู่) or communities (ชุมชน), or both, and every
project names at least one of them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tambondoc.check.rules.access import Finding, get, items_of

ID = "locations"


def check(data: dict[str, Any]) -> Iterator[Finding]:
    tambon = get(data, "tambon")
    if isinstance(tambon, dict) and "villages" not in tambon and "communities" not in tambon:
        yield ["tambon"], True, ("ต้องมีหมู่บ้าน (villages) หรือชุมชน (communities) อย่างน้อยหนึ่งอย่าง "
                                 "ให้เพิ่ม villages: หรือ communities: ใต้ tambon"), "error"
    for i, p in items_of(data, "projects"):
        if "villages" not in p and "communities" not in p:
            yield ["projects", i], True, ("ต้องระบุหมู่ที่ (villages) หรือชุมชน (communities) ที่ดำเนินโครงการ"
                                          "อย่างน้อยหนึ่งอย่าง เช่น villages: [1] หรือ communities: [c01]"), "error"
