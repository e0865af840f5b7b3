"""Items of two revisions' lists (projects, strategies, members, villages) matched by their
id, and for ids also by content and name: what was added, removed, changed or renumbered."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from tambondoc.diff.similar import similar
from tambondoc.diff.tree import Change, compare, hashable


@dataclass
class Entry:
    """Something added or removed: a project, strategy, member or village."""

    id: str
    name: str
    detail: str = ""
    amount: float | None = None


@dataclass
class Modified:
    id: str
    name: str
    changes: list[Change] = field(default_factory=list)


@dataclass
class Renumbered:
    """An item whose id alone changed: the same content under a new id."""

    old: str
    new: str
    name: str


@dataclass
class Matched:
    """Items of a list matched by their id on both sides; an item gone under one id and come
    under another with nothing else changed is renumbered, not removed and added (one also
    edited is changed, its id the first change)."""

    added: list[Entry] = field(default_factory=list)
    removed: list[Entry] = field(default_factory=list)
    changed: list[Modified] = field(default_factory=list)
    renumbered: list[Renumbered] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.renumbered)


def items(data: Any, key: str) -> dict[Any, dict[str, Any]]:
    found: dict[Any, dict[str, Any]] = {}
    for item in data if isinstance(data, list) else []:
        if isinstance(item, dict) and hashable(item.get(key)):
            found.setdefault(item[key], item)
    return found


def project_total(p: dict[str, Any]) -> float | None:
    amounts = [b.get("amount") for b in p.get("budget") or [] if isinstance(b, dict)]
    return num(sum(a for a in amounts if isinstance(a, (int, float)))) if amounts else None


def num(x: float) -> float:
    return int(x) if float(x).is_integer() else round(x, 2)


def match(old: Any, new: Any, key: str, name: str, detail: str = "", amount: bool = False, alike: str = "") -> Matched:
    """Items matched by their id; for ids (projects, strategies, communities) an item whose id
    alone changed is renumbered, and one renumbered and edited is changed under both ids: after
    deleting P0010 and renumbering the rest down, each id held the next project, and the diff
    showed the last project removed and every other one rewritten field by field. Items left
    whose ``alike`` field (a project's strategy) is the same and whose names are clearly one
    edited a little (``diff.similar``) are one item changed, renumbered, renamed and edited."""
    o, n = items(old, key), items(new, key)
    result = Matched()

    def entry(k: Any, item: dict[str, Any]) -> Entry:
        return Entry(str(k), str(item.get(name) or ""), str(item.get(detail) or "") if detail else "",
                     project_total(item) if amount else None)

    def rest(item: dict[str, Any]) -> dict[str, Any]:
        return {x: v for x, v in item.items() if x != key}

    gone = {k: o[k] for k in o if k not in n or _content(rest(o[k])) != _content(rest(n[k]))}
    come = {k: n[k] for k in n if k not in o or k in gone}
    pairs = _pairs(gone, come, name, alike) if key == "id" else {k: k for k in come if k in gone}
    for k, item in come.items():
        was = pairs.get(k)
        if was is None:
            result.added.append(entry(k, item))
            continue
        changes = compare(rest(gone[was]), rest(item), "", [])
        if was == k and not changes:  # only what reads the same changed (a text's line ends)
            continue
        if was != k and not changes:
            result.renumbered.append(Renumbered(str(was), str(k), str(item.get(name) or "")))
        else:
            moved = [Change(key, was, k)] if was != k else []
            result.changed.append(Modified(str(k), str(item.get(name) or gone[was].get(name) or ""), moved + changes))
    used = set(pairs.values())
    result.removed = [entry(k, item) for k, item in gone.items() if k not in used]
    return result


def _pairs(gone: dict[Any, Any], come: dict[Any, Any], name: str, alike: str = "") -> dict[Any, Any]:
    """new id -> old id for the items of two lists that differ: the same content under another
    id first, then the same id and name, then one name (on each side) under another id, then
    the same content but the name, then (with ``alike``) a name edited a little in the same
    group, then the same id."""
    pairs: dict[Any, Any] = {}

    def free() -> tuple[dict[Any, Any], dict[Any, Any]]:
        taken = set(pairs.values())
        return ({k: v for k, v in gone.items() if k not in taken}, {k: v for k, v in come.items() if k not in pairs})

    def same_content(*ignored: str) -> None:
        left_old, left_new = free()
        by_content: dict[str, list[Any]] = {}
        for k, item in left_old.items():
            by_content.setdefault(_content({x: v for x, v in item.items() if x not in ignored}), []).append(k)
        for k, item in left_new.items():
            if same := by_content.get(_content({x: v for x, v in item.items() if x not in ignored})):
                pairs[k] = same.pop(0)

    same_content("id")

    def named(item: dict[str, Any]) -> str | None:
        return " ".join(str(item[name]).split()) if hashable(item.get(name)) else None

    left_old, left_new = free()
    pairs.update({k: k for k, item in left_new.items() if k in left_old and named(item) == named(left_old[k])})
    left_old, left_new = free()
    old_names: dict[str | None, list[Any]] = {}
    new_names: dict[str | None, list[Any]] = {}
    for side, found in ((left_old, old_names), (left_new, new_names)):
        for k, item in side.items():
            found.setdefault(named(item), []).append(k)
    pairs.update({ks[0]: old_names[text][0] for text, ks in new_names.items()
                  if text is not None and len(ks) == 1 and len(old_names.get(text, ())) == 1})
    same_content("id", name)  # renumbered and renamed, nothing else changed
    if alike:  # before the same id: a renamed project's old id may now hold another project
        pairs.update(similar(*free(), name, alike))
    left_old, left_new = free()
    pairs.update({k: k for k in left_new if k in left_old})
    return pairs


def _content(item: dict[str, Any]) -> str:
    """An item's data as one comparable text (a plan's values are JSON's, dates kept as text)."""
    return json.dumps(item, sort_keys=True, ensure_ascii=False, default=str)
