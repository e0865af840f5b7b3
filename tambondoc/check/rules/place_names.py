"""The จังหวัด, อำเภอ and ตำบล exist and belong together (warnings: the lists are not perfect),
unless the plan says its names are made up (settings.fictional); and, made up or not, a name
does not start with the word the documents print before it ('ตำบลตำบลบางสวน')."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tambondoc.check.rules.access import Finding, get
from tambondoc.plan.places import LEVELS, find, typed_word

ID = "place-names"


def doubled_words(names: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(field, message) for each name typed with the word documents put before it."""
    for key, level in LEVELS:
        name = names.get(key)
        if isinstance(name, str) and (typed := typed_word(name, level)):
            word, rest = typed
            yield key, (f"ไม่ต้องเขียนคำว่า '{word}' หน้าชื่อ เอกสารเติมให้เอง (จะพิมพ์เป็น '{word}{name.strip()}') "
                        f"ให้เขียนเพียง '{rest}'")


def check(data: dict[str, Any]) -> Iterator[Finding]:
    tambon = get(data, "tambon")
    for key, message in doubled_words(tambon if isinstance(tambon, dict) else {}):
        yield ["tambon", key], False, message, "error"
    if get(data, "settings", "fictional") is True:
        return
    names = [get(data, "tambon", key) for key in ("changwat", "amphoe", "name")]
    if not all(isinstance(n, str) and n.strip() for n in names):
        return  # missing or not text: the schema reports it
    found = find(*names)
    for field, message in (found.problems or {}).items():
        yield ["tambon", "name" if field == "tambon" else field], False, message, "warning"
