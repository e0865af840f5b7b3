"""The จังหวัด, อำเภอ and ตำบล exist and belong together (warnings: the lists are not perfect),
unless the plan says its names are made up (settings.fictional)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tambondoc.check.rules.access import Finding, get
from tambondoc.plan.places import find

ID = "place-names"


def check(data: dict[str, Any]) -> Iterator[Finding]:
    if get(data, "settings", "fictional") is True:
        return
    names = [get(data, "tambon", key) for key in ("changwat", "amphoe", "name")]
    if not all(isinstance(n, str) and n.strip() for n in names):
        return  # missing or not text: the schema reports it
    found = find(*names)
    for field, message in (found.problems or {}).items():
        yield ["tambon", "name" if field == "tambon" else field], False, message, "warning"
