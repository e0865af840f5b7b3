"""import-xlsx: workbooks into the plan YAML, all or nothing, validated before the file is replaced.

Order: validate the plan (refused if its projects share data through YAML aliases: an edit would
land on every sharer); read and check every row of every workbook; report projects several
villages proposed (and combine them with ``combine``); merge into the round-trip plan; validate
the new text; write atomically. Any problem stops before the write.
"""

from __future__ import annotations

import difflib
import io
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tambondoc.check.validate import check_data, validate_file
from tambondoc.context.columns import FIELD_BY_KEY, TEXT_FIELDS
from tambondoc.errors import PlanError, PlanInvalid, Problem
from tambondoc.files import write_atomic
from tambondoc.importing.merge import (
    Budget,
    add_project,
    budget_of,
    holds,
    id_allocator,
    new_project,
    overlay,
    overlay_scores,
    set_budget,
    set_field,
)
from tambondoc.importing.read import read_table
from tambondoc.importing.rows import Row, check_rows, read_rows
from tambondoc.plan.aliases import refuse_shared
from tambondoc.plan.load import Newlines, load_text
from tambondoc.plan.positions import Locator
from tambondoc.plan.roundtrip import rt_yaml
from tambondoc.plan.splice import spliced
from tambondoc.xlsx.columns import BudgetKey, Choices

LAYOUTS = [(2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 2)]
# combined rows that disagree: a warning (a later village's objective was dropped without a word)
DIFFERING = ("tactic", "approach", "local_government", *(k for k in TEXT_FIELDS if k != "name"))
SHOWN = 60  # characters of a differing text the warning quotes


@dataclass
class ImportResult:
    """What an import changed (or, with dry_run, would change) and what the user should know."""

    plan: Path
    old_text: str
    new_text: str
    changes: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    written: bool = False

    @property
    def changed(self) -> bool:
        return self.new_text != self.old_text

    def diff(self) -> str:
        return unified(self.old_text.splitlines(True), self.new_text.splitlines(True),
                       str(self.plan), f"{self.plan} (หลังนำเข้า)")


def _range(start: int, length: int) -> str:
    return f"{start + 1 if length else start}" + ("" if length == 1 else f",{length}")


def unified(a: list[str], b: list[str], fromfile: str, tofile: str) -> str:
    """``difflib.unified_diff`` without its junk heuristic, which in a plan of thousands of lines
    took lines as common as '        funding:' for junk and showed them removed and added again
    around an edited amount."""
    out = [f"--- {fromfile}\n", f"+++ {tofile}\n"]
    for group in difflib.SequenceMatcher(None, a, b, autojunk=False).get_grouped_opcodes(3):
        (_, i1, _, j1, _), (_, _, i2, _, j2) = group[0], group[-1]
        out.append(f"@@ -{_range(i1, i2 - i1)} +{_range(j1, j2 - j1)} @@\n")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out += [" " + line for line in a[i1:i2]]
                continue
            out += ["-" + line for line in a[i1:i2]] + ["+" + line for line in b[j1:j2]]
    return "".join(out) if len(out) > 2 else ""


@dataclass
class NewProject:
    fields: dict[str, Any]
    budget: Budget
    rows: list[Row]


def _dump(yaml: Any, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _loaded(text: str) -> tuple[Any, Any, str]:
    """The round-trip plan, the writer whose layout matches the file best, and its dump."""
    data = rt_yaml().load(text)
    best: tuple[float, Any, str] | None = None
    for mapping, sequence, offset in LAYOUTS:
        yaml = rt_yaml()
        yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
        dumped = _dump(yaml, data)
        if dumped == text:
            return data, yaml, dumped
        score = difflib.SequenceMatcher(None, text.splitlines(), dumped.splitlines(), autojunk=False).ratio()
        if best is None or score > best[0]:
            best = (score, yaml, dumped)
    assert best is not None
    return data, best[1], best[2]


def _new_text(original: str, before: str, after: str, name: str) -> str:
    """The edit applied to the file's own text; refused if that would not mean the same plan."""
    text = spliced(original, before, after, name)
    if text is None:
        raise PlanError(f"{name}: แก้ไฟล์แผนโดยคงบรรทัดอื่นไว้ตามเดิมไม่ได้ (รูปแบบการเขียนต่างจากมาตรฐานมาก) "
                        "จึงไม่นำเข้า ให้จัดย่อหน้าแบบแผนตัวอย่าง (คีย์ย่อ 2 ช่อง รายการ '- ' ย่อ 2 ช่อง) แล้วลองใหม่")
    return text


def _label(row: Row) -> str:
    villages, communities = row.values.get("villages"), row.values.get("communities")
    if villages:
        return f"หมู่ที่ {', '.join(map(str, villages))}"
    return ", ".join(communities) if communities else str(row.at("name"))


def _new_projects(rows: list[Row], combine: bool, plan: dict[str, dict[str, Any]],
                  warnings: list[Problem]) -> list[NewProject]:
    """New rows as projects; rows with the same name and strategy are reported, or combined; a
    project the plan already holds as it is (the same workbook imported again) is left out."""
    groups: dict[tuple[str, str], list[Row]] = {}
    for row in rows:
        key = (" ".join(row.values["name"].split()), row.values["strategy"])
        groups.setdefault(key, []).append(row)
    existing: dict[tuple[str, str], list[str]] = {}
    for pid, p in plan.items():
        existing.setdefault((" ".join(str(p["name"]).split()), p["strategy"]), []).append(pid)
    out = []
    for (name, strategy), group in groups.items():
        if len(group) > 1:
            who = "; ".join(f"{_label(r)} ({r.at('name')})" for r in group)
            tail = "รวมเป็นโครงการระดับตำบลโครงการเดียวแล้ว" if combine else \
                "ใช้ --combine เพื่อรวมเป็นโครงการระดับตำบลโครงการเดียว"
            warnings.append(group[0].at("name").problem(f"โครงการ '{name}' ({strategy}) เสนอ {len(group)} แถว: {who} {tail}",
                                                        "warning", "xlsx-rows"))
        made = [_combined(group, warnings)] if combine and len(group) > 1 else \
            [NewProject({**r.values, "scores": overlay_scores(None, r.scores)}, overlay({}, r.budget), [r]) for r in group]
        same = existing.get((name, strategy), [])
        for project in made:
            cell = project.rows[0].at("name")
            if held := next((pid for pid in same if holds(plan[pid], project.fields, project.budget)), None):
                warnings.append(cell.problem(f"แผนมีโครงการนี้แล้วเป็น {held} ข้อมูลตรงกันทุกช่อง (นำเข้าไปแล้ว) จึงไม่เพิ่มซ้ำ "
                                             f"ถ้าจะแก้โครงการนั้นให้ใส่ {held} ในช่องรหัสโครงการ", "warning", "xlsx-rows"))
                continue
            if same:
                warnings.append(cell.problem(f"แผนมีโครงการ '{name}' ในยุทธศาสตร์ {strategy} แล้ว ({', '.join(same)}) "
                                             "ถ้าเป็นโครงการเดียวกันให้ใส่รหัสนั้นในช่องรหัสโครงการ", "warning", "xlsx-rows"))
            out.append(project)
    return out


def _combined(group: list[Row], warnings: list[Problem]) -> NewProject:
    """One tambon project: villages of all rows, budgets summed, other values from the first row."""
    fields: dict[str, Any] = {}
    for row in group:
        for key, value in row.values.items():
            if fields.get(key) is None:
                fields[key] = value
    fields["villages"] = sorted({v for r in group for v in r.values.get("villages") or []}) or None
    fields["communities"] = list(dict.fromkeys(c for r in group for c in r.values.get("communities") or [])) or None
    priorities = [r.values["priority"] for r in group if r.values.get("priority")]
    fields["priority"] = min(priorities) if priorities else None
    votes = [r.values["votes"] for r in group if r.values.get("votes") is not None]
    fields["votes"] = sum(votes) if votes else None  # the assemblies' votes add up
    fields["scores"] = next((s for r in group if (s := overlay_scores(None, r.scores))), None)
    for key in DIFFERING:
        for row in group[1:]:
            if row.values.get(key) not in (None, fields.get(key)):
                first = next(r for r in group if r.values.get(key) == fields[key])
                warnings.append(row.at(key).problem(f"{FIELD_BY_KEY[key].header} '{_quoted(row.values[key])}' ไม่ตรงกับแถวแรก "
                                                    f"ใช้ '{_quoted(fields[key])}' จาก {first.at(key)}", "warning", "xlsx-rows"))
    budget: Budget = {}
    for row in group:
        for year, sources in overlay({}, row.budget).items():
            for source, amount in sources.items():
                total = budget.setdefault(year, {}).get(source, 0) + amount
                budget[year][source] = round(total, 2) if isinstance(total, float) else total
    return NewProject(fields, dict(sorted(budget.items())), group)


def _quoted(value: Any) -> str:
    """A cell's value on one line, long texts cut: a warning quotes two of them."""
    text = " ".join(str(value).split())
    if len(text) <= SHOWN:
        return text
    cut = text.rfind(" ", SHOWN // 2, SHOWN)  # at a space, else never before a Thai vowel or tone mark
    cut = cut if cut > 0 else next(i for i in range(SHOWN, 0, -1) if unicodedata.category(text[i]) != "Mn")
    return text[:cut] + "…"


def _merge(doc: Any, updates: list[Row], new: list[NewProject]) -> tuple[list[str], dict[str, list[Row]]]:
    changes: list[str] = []
    origin: dict[str, list[Row]] = {}
    index = {p.get("id"): p for p in doc["projects"]}
    for row in updates:
        pm = index[row.pid]
        changed = [key for key, value in row.values.items() if key != "id" and set_field(pm, key, value)]
        if row.budget and set_budget(pm, overlay(budget_of(pm), row.budget)):
            changed.append("budget")
        if row.scores and set_field(pm, "scores", overlay_scores(pm.get("scores"), row.scores)):
            changed.append("scores")
        if changed:
            special = {"budget": "งบประมาณ", "scores": "คะแนน"}
            names = ", ".join(special.get(k) or FIELD_BY_KEY[k].header for k in changed)
            changes.append(f"{row.at('id')}: แก้ไข {row.pid}: {names}")
        origin[str(row.pid)] = [row]
    allocate = id_allocator(doc)
    for project in new:
        pid = allocate()
        add_project(doc["projects"], new_project(pid, project.fields, project.budget))
        rows = ", ".join(str(r.at("name")) for r in project.rows)
        changes.append(f"{rows}: เพิ่ม {pid} {project.fields['name']}")
        origin[pid] = project.rows
    return changes, origin


def _budget_cell(path: str, project: dict[str, Any], cols: dict[Any, int]) -> BudgetKey | None:
    """The workbook column of a budget line's problem ('$.projects[0].budget[1].funding.local'):
    its source in its year, or for the line's amount the year's first source the workbook has.
    A too-large amount was reported at the row's first cell."""
    m = re.match(r"\$\.projects\[\d+\]\.budget\[(\d+)\](?:\.funding\.(\w+))?", path)
    budget = project.get("budget")
    if m is None or not isinstance(budget, list) or int(m.group(1)) >= len(budget) \
            or not isinstance(budget[int(m.group(1))], dict):
        return None
    year = budget[int(m.group(1))].get("year")
    keys = [k for k in cols if isinstance(k, BudgetKey) and k.year == year]
    if m.group(2):
        keys = [k for k in keys if k.source == m.group(2)]
    return min(keys, key=lambda k: cols[k]) if keys else None


def _validate_new(text: str, plan: Path, origin: dict[str, list[Row]]) -> None:
    """Validate the merged plan (as ``validate`` does); report a problem at the row it came from."""
    data = load_text(text, str(plan))
    problems = [p for p in check_data(data, text, str(plan)) if p.level == "error"]
    if not problems:
        return
    found = []
    for problem in problems:
        m = re.match(r"\$\.projects\[(\d+)\](?:\.(\w+))?", problem.path)
        project = data["projects"][int(m.group(1))] if m else None
        rows = origin.get(str(project.get("id"))) if isinstance(project, dict) else None
        key: Any = m.group(2) if m and m.group(2) else "id"
        if rows and key == "budget" and isinstance(project, dict):
            key = _budget_cell(problem.path, project, rows[0].cols) or key
        found.append(rows[0].at(key if key in rows[0].cols else "id").problem(problem.message, rule=problem.rule)
                     if rows else replace(problem, message=f"{problem.message} (หลังนำเข้า)"))
    raise PlanInvalid(f"นำเข้าไม่สำเร็จ: แผนหลังนำเข้าไม่ผ่านการตรวจสอบ {plan} ไม่ถูกแก้ไข", found)


def import_books(books: list[Path], plan: Path, combine: bool = False, dry_run: bool = False) -> ImportResult:
    """Import project rows from ``books`` into ``plan``; PlanError lists every problem by cell."""
    checked = validate_file(plan)
    if not checked.ok:
        raise PlanInvalid(f"{plan}: แผนไม่ผ่านการตรวจสอบ ให้แก้แผนก่อนนำเข้า", checked.problems)
    refuse_shared(checked.text, str(plan), [("projects",)], "นำเข้า")  # an edit through an alias lands twice
    choices = Choices.of(checked.data)
    by_id = {p["id"]: p for p in checked.data["projects"]}
    found: list[Problem] = []
    rows: list[Row] = []
    for book in books:
        rows += read_rows(read_table(book), choices, found)
    check_rows(rows, choices, by_id, found)
    listed = {r.pid for r in rows if r.pid}
    if listed and (missing := [pid for pid in by_id if pid not in listed]):
        line, col = Locator(checked.text).locate(["projects"], key=True)
        found.append(Problem(str(plan), line, col, f"โครงการ {', '.join(missing)} ไม่อยู่ในไฟล์ที่นำเข้า จึงคงไว้ตามเดิม "
                             "(การนำเข้าไม่ลบโครงการ ถ้าต้องการลบให้ลบในไฟล์แผน)", level="warning", rule="xlsx-rows"))
    errors = [p for p in found if p.level == "error"]
    if errors:
        raise PlanInvalid(f"นำเข้าไม่สำเร็จ: พบปัญหา {len(errors)} รายการ {plan} ไม่ถูกแก้ไข", found)
    warnings = [p for p in found if p.level != "error"]
    result = ImportResult(plan, checked.text, checked.text, warnings=warnings)
    new = _new_projects([r for r in rows if r.pid is None], combine, by_id, warnings)
    doc, yaml, before = _loaded(checked.text)
    result.changes, origin = _merge(doc, [r for r in rows if r.pid is not None], new)
    if not result.changes:
        return result
    result.new_text = _new_text(checked.text, before, _dump(yaml, doc), str(plan))
    _validate_new(result.new_text, plan, origin)
    if not dry_run and result.changed:
        write_atomic(plan, Newlines.of(checked.raw).encode(result.new_text), follow_link=True, unchanged=checked.raw)
        result.written = True
    return result
