"""Two YAML trees compared leaf by leaf (a section of a plan, or the fields of two revisions of
one project): every value that differs, lists of items matched by their id, not position."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from tambondoc.context.text import cell_lines

_MISSING = object()
_ID_FIELDS = ("id", "no", "year", "name", "file", "problem", "what")


@dataclass
class Change:
    """One value that differs; ``path`` is relative to its section or item (``budget[2571].amount``)."""

    path: str
    old: Any = None
    new: Any = None


def hashable(value: Any) -> bool:
    return value is not None and not isinstance(value, (dict, list))


def _id_field(old: list[Any], new: list[Any]) -> str | None:
    """The field that identifies items of these lists, if every item has a unique one."""
    if not all(isinstance(x, dict) for x in old + new) or not old + new:
        return None
    for key in _ID_FIELDS:
        ok = all(all(hashable(x.get(key)) for x in side) and len({x[key] for x in side}) == len(side)
                 for side in (old, new))
        if ok:
            return key
    return None


def _empty(value: Any) -> bool:
    return value is _MISSING or value is None or (isinstance(value, (dict, list)) and not value)


def union(old: Iterable[Any], new: Iterable[Any]) -> list[Any]:
    keys = list(old)
    return keys + [k for k in new if k not in keys]


def _join(path: str, key: Any) -> str:
    return f"{path}.{key}" if path else str(key)




def _lines(old: str, new: str, path: str, out: list[Change]) -> list[Change]:
    """A text's changes, line by line when both sides have several lines (a numbered objective
    with one line edited showed both whole texts, every line, on one line); none when only its
    line ends differ (CRLF typed on Windows and LF read the same in every document)."""
    a, b = cell_lines(old).strip(), cell_lines(new).strip()
    if a == b:
        return out
    if "\n" not in a or "\n" not in b:  # a line added to one line is the text changed
        out.append(Change(path, old, new))
        return out
    la, lb = a.split("\n"), b.split("\n")
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, la, lb, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        for k in range(max(i2 - i1, j2 - j1)):
            gone, come = la[i1 + k] if i1 + k < i2 else None, lb[j1 + k] if j1 + k < j2 else None
            number = j1 + k + 1 if come is not None else i1 + k + 1
            out.append(Change(f"{path}[{number}]", gone, come))  # objective[2]: its second line
    return out


def compare(old: Any, new: Any, path: str, out: list[Change]) -> list[Change]:
    """Append every differing leaf; lists of items are matched by their id, not position. A
    section or list that one side lacks is compared as an empty one, item by item: a next-year
    revision's new review was one line listing its 80 projects."""
    if old == new or (_empty(old) and _empty(new)):  # a list left out is an empty one
        return out
    if (old is _MISSING or old is None) and isinstance(new, (dict, list)):
        old = type(new)()
    elif (new is _MISSING or new is None) and isinstance(old, (dict, list)):
        new = type(old)()
    if isinstance(old, dict) and isinstance(new, dict):
        for k in union(old, new):
            compare(old.get(k, _MISSING), new.get(k, _MISSING), _join(path, k), out)
        return out
    if isinstance(old, list) and isinstance(new, list) and (key := _id_field(old, new)):
        o, n = {x[key]: x for x in old}, {x[key]: x for x in new}
        for k in union(o, n):  # an item one side lacks is one change, not one for each of its fields
            if k in o and k in n:
                compare(o[k], n[k], f"{path}[{k}]", out)
            else:
                out.append(Change(f"{path}[{k}]", o.get(k), n.get(k)))
        return out
    old, new = (None if x is _MISSING else x for x in (old, new))
    if isinstance(old, str) and isinstance(new, str):
        return _lines(old, new, path, out)
    if old != new:
        out.append(Change(path, old, new))
    return out
