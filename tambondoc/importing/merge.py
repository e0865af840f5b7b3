"""Merge checked project values into the round-trip plan, touching only what differs.

A value equal to the plan's (450000 and 450000.0, the same villages in another order, text
differing only in surrounding blanks) leaves its line alone, so importing an untouched export
rewrites nothing. New projects follow the plan's layout: flow-style village lists and budget rows.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from tambondoc.context.columns import FIELD_ORDER
from tambondoc.context.text import cell_lines
from tambondoc.importing.rt_edit import (
    delete_key,
    flow_map,
    flow_seq,
    insert_item,
    insert_key,
)
from tambondoc.plan.vocabulary import FUNDING_KEYS

Budget = dict[int, dict[str, int | float]]   # year -> source -> amount
Cells = dict[tuple[str, int], int | float | None]


def number(value: int | float) -> int | float:
    """Whole numbers as int (Excel stores every number as a float)."""
    value = round(float(value), 2)
    return int(value) if value.is_integer() else value


def budget_of(project: Any) -> Budget:
    out: Budget = {}
    for b in project.get("budget") or []:
        out.setdefault(b["year"], {}).update(b.get("funding") or {})
    return out


def overlay(old: Budget, cells: Cells) -> Budget:
    """The plan's budget with the workbook's cells laid over it (a blank cell removes a source)."""
    new = {y: dict(s) for y, s in old.items()}
    for (source, year), value in cells.items():
        if value is None:
            new.get(year, {}).pop(source, None)
        else:
            new.setdefault(year, {})[source] = value
    return {y: s for y, s in sorted(new.items()) if s}


def _budget_entry(year: int, sources: dict[str, int | float]) -> CommentedMap:
    order = [k for k in FUNDING_KEYS if k in sources] + [k for k in sources if k not in FUNDING_KEYS]
    funding = flow_map([(k, sources[k]) for k in order])  # the fixed sources, then the plan's named ones
    return flow_map([("year", year), ("amount", number(sum(sources.values()))), ("funding", funding)])


def _update_budget(seq: CommentedSeq, new: Budget) -> None:
    """Edit budget rows in place: unchanged numbers keep their text, key order stays."""
    for i in reversed(range(len(seq))):
        if seq[i]["year"] not in new:
            del seq[i]
    for entry in seq:
        sources = new[entry["year"]]
        funding = entry["funding"]
        for key in [k for k in funding if k not in sources]:
            del funding[key]
        for key, value in sources.items():
            if funding.get(key) != value:
                funding[key] = value
        total = number(sum(sources.values()))
        if entry["amount"] != total:
            entry["amount"] = total
    have = {entry["year"] for entry in seq}
    for year, sources in new.items():
        if year not in have:
            at = sum(1 for entry in seq if entry["year"] < year)
            seq.insert(at, _budget_entry(year, sources))


def _styled(old: Any, new: str) -> Any:
    """New text in the old value's quoting style; multi-line text as a '|' block."""
    if "\n" in new:
        return LiteralScalarString(new + "\n")
    if isinstance(old, (DoubleQuotedScalarString, SingleQuotedScalarString)):
        return type(old)(new)
    return new


def _same(old: Any, new: Any) -> bool:
    """Whether the plan already says what a cell says: a text read from a cell has LF line ends,
    so the plan's CRLF text exported and read back unchanged is the same (it was rewritten, and
    listed as edited in every project holding one)."""
    if isinstance(new, str):
        return isinstance(old, str) and cell_lines(old).strip() == new.strip()
    if isinstance(new, list):
        return isinstance(old, list) and sorted(old) == sorted(new)
    if isinstance(new, dict):
        return isinstance(old, dict) and old == new
    return old == new and not isinstance(old, bool)


def holds(project: Any, fields: dict[str, Any], budget: Budget) -> bool:
    """Whether ``project`` already says everything a new row says (and nothing more): the row
    was imported before."""
    keys = {k for k in [*fields, *project] if k not in ("id", "budget")}
    return budget_of(project) == budget and all(_same(project.get(k), fields.get(k)) for k in keys)


def overlay_scores(old: Any, cells: dict[str, int | float | None]) -> dict[str, int | float] | None:
    """The plan's scores with the workbook's score cells laid over them (a blank cell removes one)."""
    new = {k: v for k, v in (old or {}).items()} if isinstance(old, dict) else {}
    for key, value in cells.items():
        if value is None:
            new.pop(key, None)
        else:
            new[key] = value
    return new or None


def _yaml_value(value: Any, old: Any = None) -> Any:
    """A value as the plan writes it: id lists and scores in flow style, text in its old style."""
    if isinstance(value, list):
        return flow_seq(list(value))
    if isinstance(value, dict):
        return flow_map(list(value.items()))
    return _styled(old, value) if isinstance(value, str) else value


def _position(project: CommentedMap, key: str) -> int:
    """Where a missing key goes: after the last present key that comes before it in the format."""
    rank = FIELD_ORDER.index(key)
    keys = list(project.keys())
    before = [i for i, k in enumerate(keys) if k in FIELD_ORDER and FIELD_ORDER.index(k) < rank]
    return before[-1] + 1 if before else len(keys)


def set_field(project: CommentedMap, key: str, value: Any) -> bool:
    """Set, add or (value None) remove one field; False when the plan already says the same."""
    old = project.get(key)
    if value is None:
        if key not in project:
            return False
        delete_key(project, key)
        return True
    if key in project and _same(old, value):
        return False
    if isinstance(value, list) and isinstance(old, CommentedSeq):
        old[:] = list(value)
        return True
    if isinstance(value, dict) and isinstance(old, CommentedMap):
        for k in [k for k in old if k not in value]:
            del old[k]
        for k, v in value.items():
            if old.get(k) != v:
                old[k] = v
        return True
    value = _yaml_value(value, old)
    if key in project:
        project[key] = value
    else:
        insert_key(project, _position(project, key), key, value)
    return True


def set_budget(project: CommentedMap, new: Budget) -> bool:
    if budget_of(project) == new:
        return False
    seq = project.get("budget")
    if isinstance(seq, CommentedSeq) and all(isinstance(e, CommentedMap) for e in seq):
        _update_budget(seq, new)
    else:
        rows = CommentedSeq([_budget_entry(y, s) for y, s in new.items()])
        if "budget" in project:
            project["budget"] = rows
        else:
            insert_key(project, _position(project, "budget"), "budget", rows)
    return True


def new_project(pid: str, fields: dict[str, Any], budget: Budget) -> CommentedMap:
    """A project map in the format's key order."""
    pm = CommentedMap()
    values = {**fields, "id": pid}
    for key in FIELD_ORDER:
        if key == "budget":
            pm[key] = CommentedSeq([_budget_entry(y, s) for y, s in budget.items()])
        elif values.get(key) is not None:
            pm[key] = _yaml_value(values[key])
    return pm


def add_project(projects: CommentedSeq, pm: CommentedMap) -> None:
    """Append after the last project of the same strategy (the plan stays grouped), else at the end."""
    if projects.fa.flow_style():
        projects.fa.set_block_style()
    same = [i for i, p in enumerate(projects) if isinstance(p, dict) and p.get("strategy") == pm.get("strategy")]
    insert_item(projects, same[-1] + 1 if same else len(projects), pm)


def id_allocator(doc: Any) -> Any:
    """Fresh ids P### after the highest in use (projects and last year's review), never reused."""
    used = [str(p.get("id")) for p in doc.get("projects") or [] if isinstance(p, dict)]
    review = doc.get("review") or {}
    used += [str(p.get("id")) for p in review.get("previous_projects") or [] if isinstance(p, dict)]
    numbers = [(int(m.group(1)), len(m.group(1))) for u in used if (m := re.fullmatch(r"P(\d+)", u))]
    state = {"next": max((n for n, _ in numbers), default=0) + 1,
             "width": max((w for _, w in numbers), default=3)}

    def allocate() -> str:
        pid = f"P{state['next']:0{state['width']}d}"
        state["next"] += 1
        return pid

    return allocate
