"""Numbers written as on paper: with thousands separators, in Thai digits.

Inside braces (``{amount: 450,000}``) the comma separates entries, so YAML reads ``amount: 450``
and a key ``000`` with no value: the schema then reports an unknown field '0' and a null, and
``1,000,000`` even a duplicate key. The user wrote one number; ``find`` finds it from the
parser's events so the one mistake is reported once, at the number, and what it caused not at
all. Elsewhere YAML reads such a number as text, and ``as_written`` says how to write it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import (
    CollectionEndEvent,
    CollectionStartEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
)

from tambondoc.plan.events import parse_events
from tambondoc.thai import THAI_TO_ARABIC

_DIGIT = "[0-9๐-๙]"
_HEAD = re.compile(f"[+-]?{_DIGIT}{{1,3}}")
_GROUP = re.compile(f"{_DIGIT}{{3}}(?:\\.{_DIGIT}+)?")
_COMMA = re.compile(r"\s*,\s*")
# cheap test before parsing: a key's value inside braces that goes on after a comma
_LIKELY = re.compile(f"[{{,]\\s*[^{{}},\n]*:\\s+[+-]?{_DIGIT}{{1,3}},\\s*{_DIGIT}{{3}}")


NO_SEPARATORS = "ตัวเลขต้องไม่มีเครื่องหมายจุลภาค (,) คั่นหลักพัน"
_WRITTEN = re.compile(f"[+-]?(?:{_DIGIT}{{1,3}}(?:,{_DIGIT}{{3}})+|{_DIGIT}+)(?:\\.{_DIGIT}+)?")


def _plain(typed: str) -> str:
    """A number as YAML reads it: '๔๕๐,๐๐๐' -> '450000'."""
    return typed.replace(",", "").translate(THAI_TO_ARABIC)


def as_written(text: str) -> str | None:
    """For text that is a number as people write it on paper (with thousands separators, in Thai
    digits), which YAML reads as text, a Thai hint to write it as a number; else None."""
    typed = text.strip()
    if not _WRITTEN.fullmatch(typed) or typed == _plain(typed):
        return None
    if "," in typed:
        return f"{NO_SEPARATORS} ให้เขียน {_plain(typed)} แทน {typed}"
    return f"ตัวเลขต้องเป็นเลขอารบิก (0-9) ไม่ใช่เลขไทย ให้เขียน {_plain(typed)} แทน {typed}"


@dataclass
class Separated:
    """One number written with thousands separators, as YAML split it."""

    line: int  # 1-based, where the number starts
    column: int
    path: list[str | int]  # the key that holds its first part
    typed: str = ""  # as written: '450,000'
    keys: list[tuple[int, int]] = field(default_factory=list)  # where each later part, read as a key, starts

    @property
    def hint(self) -> str:
        return f"{NO_SEPARATORS} (ในวงเล็บ {{ }} จุลภาคคั่นระหว่างช่อง) ให้เขียน {_plain(self.typed)} แทน {self.typed}"

    def covers(self, line: int, column: int) -> bool:
        """Whether what is reported at line:column is this number or one of its parts."""
        return (line, column) == (self.line, self.column) or (line, column) in self.keys


class _Frame:
    """A collection being read: its path, and for a mapping whether the next node is a key."""

    def __init__(self, path: list[str | int], mapping: bool, flow: bool) -> None:
        self.path, self.mapping, self.flow = path, mapping, flow
        self.count = 0  # nodes read at this level: a mapping's keys and values, a sequence's items
        self.key: str | int = ""
        self.open: Separated | None = None  # a number whose next part may follow
        self.end = 0  # where its last part ended (a character index)
        self.pending: tuple[int, int, str] | None = None  # a key that goes on the number, if it has no value

    def child(self) -> list[str | int]:
        return self.path + [self.key if self.mapping else self.count]


def find(text: str) -> list[Separated]:
    """Every number written with thousands separators in a flow mapping of ``text``."""
    if not _LIKELY.search(text):
        return []
    found: list[Separated] = []
    stack: list[_Frame] = []
    try:
        for event in parse_events(text):
            if isinstance(event, CollectionEndEvent):
                stack.pop()
                if stack:
                    stack[-1].count += 1
                continue
            if not isinstance(event, NodeEvent):
                continue
            top = stack[-1] if stack else None
            if top is not None and top.mapping and top.flow:
                if isinstance(event, ScalarEvent):
                    _part(text, event, top, top.count % 2 == 0, found)
                else:
                    top.open = None
            if isinstance(event, CollectionStartEvent):
                stack.append(_Frame(top.child() if top else [], isinstance(event, MappingStartEvent),
                                    bool(event.flow_style)))
                continue
            if top is not None:
                if top.mapping and top.count % 2 == 0 and isinstance(event, ScalarEvent):
                    top.key = event.value
                top.count += 1
    except YAMLError:
        pass  # the numbers found before a parse error; that error is reported on its own
    return found


def covering(text: str, line: int, column: int) -> Separated | None:
    """The number a part of which is at line:column (``1,000,000`` is a duplicate key '0')."""
    return next((number for number in find(text) if number.covers(line, column)), None)


def _part(text: str, event: ScalarEvent, frame: _Frame, is_key: bool, found: list[Separated]) -> None:
    """Read one scalar of a flow mapping: a value that may start a number, a key that may go on
    one (a part of the number when nothing follows it but a comma or the closing brace)."""
    start, end = event.start_mark, event.end_mark
    plain = not event.style  # libyaml's '' or ruamel's None
    number = frame.open
    if is_key:
        if number is not None and plain and _GROUP.fullmatch(event.value) and \
                _COMMA.fullmatch(text[frame.end:start.index]):
            frame.pending = (start.line + 1, start.column + 1, event.value)
            frame.end = end.index
        else:
            frame.open = None
    elif number is not None and frame.pending is not None and plain and not event.value:
        line, column, group = frame.pending
        if not number.keys:
            found.append(number)
        number.typed += "," + group
        number.keys.append((line, column))
    elif plain and _HEAD.fullmatch(event.value):
        frame.open = Separated(start.line + 1, start.column + 1, frame.path + [frame.key], event.value)
        frame.end = end.index
    else:
        frame.open = None
    if not is_key:
        frame.pending = None
