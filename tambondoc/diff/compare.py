"""What changed between two revisions of a plan, matched by id, for review in pull requests.

A line diff of a 2,000-line YAML file is not something a district chief can approve; this
compares the plans as plans: projects, budget totals, direction, committee, general data.
The result is plain dataclasses; ``diff.report`` turns it into text, Markdown or JSON.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tambondoc.diff.match import Matched, items, match, num
from tambondoc.diff.shift import shifted, year_shift
from tambondoc.diff.tree import Change, compare, union
from tambondoc.errors import PlanError
from tambondoc.plan.load import TOO_BIG, decode, load_text, max_bytes, read_text


@dataclass
class Amount:
    key: str
    label: str
    before: float
    after: float
    delta: float


@dataclass
class Budget:
    total: Amount
    by_strategy: list[Amount]
    by_source: list[Amount]
    by_year: list[Amount]

    def __bool__(self) -> bool:
        return any(a.delta for a in [self.total, *self.by_strategy, *self.by_source, *self.by_year])


@dataclass
class Rank:
    """A project whose computed priority (from scores and votes) moved within its strategy."""

    id: str
    name: str
    strategy: str
    before: int | None
    after: int | None


@dataclass
class Side:
    """Where one side came from, and whether it passed validation (a diff is shown either way)."""

    label: str
    valid: bool = True
    errors: list[str] = field(default_factory=list)


@dataclass
class PlanDiff:
    old: Side
    new: Side
    projects: Matched
    budget: Budget | None
    budget_note: str
    direction: list[Change]
    strategies: Matched
    committee: list[Change]
    members: Matched
    tambon: list[Change]
    villages: Matched
    communities: Matched
    other: list[Change]
    ranks: list[Rank] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # the plans' own ids (named sources, criteria) -> Thai
    # years every fiscal year moved by (next-year's 1): projects' budgets and periods compared past it
    year_shift: int = 0

    @property
    def changed(self) -> bool:
        parts = (self.projects, self.budget, self.direction, self.strategies, self.committee,
                 self.members, self.tambon, self.villages, self.communities, self.other, self.ranks)
        return any(bool(p) for p in parts)


def read_spec(spec: str) -> tuple[str, str]:
    """The text of ``spec``: a file path, or ``REV:path`` read with ``git show`` in the current repository."""
    path = Path(spec)
    if path.is_dir():
        raise PlanError(f"{spec}: เป็นโฟลเดอร์ ไม่ใช่ไฟล์แผน ให้ระบุไฟล์แผนหนึ่งไฟล์ หรือ REV:path เช่น HEAD~1:plans/x.yaml")
    if path.is_file() or ":" not in spec:
        if not path.is_file():
            raise PlanError(f"{spec}: ไม่พบไฟล์ ระบุเป็น path ของไฟล์แผน หรือ REV:path เช่น HEAD~1:plans/x.yaml")
        return spec, read_text(path)
    if spec.endswith(":"):  # git would show the revision's root folder
        raise PlanError(f"{spec}: ไม่ได้ระบุ path ของไฟล์แผนหลัง ':' ให้ระบุเป็น REV:path เช่น {spec}plans/x.yaml")
    proc = None
    try:
        # --end-of-options: a spec such as '--output=/etc/x:y' is a revision to git, never an option
        proc = subprocess.Popen(["git", "show", "--no-textconv", "--end-of-options", spec],
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        limit = max_bytes()
        raw = proc.stdout.read(limit + 1) if proc.stdout else b""
        if len(raw) > limit:
            raise PlanError(f"{spec}: ไฟล์ใหญ่เกินไป (เกิน {limit:,} ไบต์) " + TOO_BIG)
        _, errors = proc.communicate(timeout=60)
    except FileNotFoundError as e:
        raise PlanError(f"{spec}: ไม่พบโปรแกรม git ให้ติดตั้ง git หรือระบุไฟล์แผนเป็น path แทน") from e
    except subprocess.TimeoutExpired as e:
        raise PlanError(f"{spec}: git show ใช้เวลานานเกินไป") from e
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()
    if proc.returncode != 0:
        reason = errors.decode("utf-8", "replace").strip().splitlines()
        if reason and "not a git repository" in reason[0]:
            raise PlanError(f"{spec}: อ่าน REV:path ไม่ได้ เพราะโฟลเดอร์ปัจจุบันไม่อยู่ใน git repository "
                            "ให้ cd ไปที่คลังแผนก่อนแล้วสั่งใหม่ หรือระบุไฟล์แผนทั้งสองฉบับเป็น path")
        raise PlanError(
            f"{spec}: อ่านจาก git ไม่ได้ ({reason[0] if reason else 'git show ล้มเหลว'}) "
            "ตรวจชื่อ revision (เช่น HEAD~1, main, origin/main) และ path ของไฟล์เทียบกับรากของ repository "
            "(หรือขึ้นต้นด้วย ./ เพื่อเทียบกับโฟลเดอร์ปัจจุบัน)"
        )
    if raw.startswith(f"tree {spec}\n".encode()):  # git show lists a folder
        raise PlanError(f"{spec}: เป็นโฟลเดอร์ใน git ไม่ใช่ไฟล์แผน ให้ระบุไฟล์แผนหนึ่งไฟล์ เช่น {spec.rstrip('/')}/x.yaml")
    return spec, decode(raw, spec)  # as a file is read: UTF-16 and TIS-620 told so, at their line


def read_data(spec: str) -> tuple[str, str, dict[str, Any]]:
    """(label, text, data) of one side: a plan or a district.yaml; it must parse to a mapping."""
    label, text = read_spec(spec)
    data = load_text(text, label)
    if not isinstance(data, dict):
        raise PlanError(f"{label}: ไม่ใช่ไฟล์แผน (ระดับบนสุดต้องเป็นชุดคีย์ เช่น schema_version: 1)")
    return label, text, data


def load_side(spec: str) -> tuple[Side, dict[str, Any]]:
    """Load one side; it must parse, but a plan that does not validate is still compared."""
    from tambondoc.check.validate import check_data

    label, text, data = read_data(spec)
    errors = [str(p) for p in check_data(data, text, label) if p.level == "error"]
    return Side(label, not errors, errors), data


def _get(data: Any, *keys: str) -> Any:
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def without(data: Any, *keys: str) -> Any:
    return {k: v for k, v in data.items() if k not in keys} if isinstance(data, dict) else data


def _rows(before: list[tuple[Any, str, float]], after: list[tuple[Any, str, float]], sort: bool = False) -> list[Amount]:
    b = {k: (label, v) for k, label, v in before}
    a = {k: (label, v) for k, label, v in after}
    keys = union(a, b)
    rows = []
    for k in sorted(keys) if sort else keys:
        label = (a.get(k) or b[k])[0]
        x, y = num(b.get(k, ("", 0))[1]), num(a.get(k, ("", 0))[1])
        rows.append(Amount(str(k), label, x, y, num(y - x)))
    return rows


def _contexts(old: dict[str, Any], new: dict[str, Any], sides: tuple[Side, Side]) -> tuple[list[Any], str]:
    """Both plans as the documents see them, or why not (build_context needs a valid plan)."""
    from tambondoc.context.build import build_context

    for side in sides:
        if not side.valid:  # build_context assumes a valid plan; an invalid one may fail anywhere
            return [], f"คำนวณงบประมาณของ {side.label} ไม่ได้ เพราะแผนไม่ผ่านการตรวจสอบ ให้แก้ตามรายงานของ tambondoc validate"
    return [build_context(old), build_context(new)], ""


def _budget(contexts: list[Any], shift: int = 0) -> Budget | None:
    """Totals before and after, from the same ``build_context`` the documents use; the old
    plan's years moved by ``shift`` as its projects are (a next-year revision's table showed
    every year changed, the first emptied and a new last one filled)."""
    if not contexts:
        return None
    a, b = (c["summary"] for c in contexts)
    total = _rows([("total", "รวม", contexts[0]["totals"]["amount"])], [("total", "รวม", contexts[1]["totals"]["amount"])])[0]
    return Budget(
        total,
        _rows([(s["id"], s["name"], s["amount"]) for s in a["by_strategy"]],
              [(s["id"], s["name"], s["amount"]) for s in b["by_strategy"]]),
        _rows([(s["key"], s["label"], s["amount"]) for s in a["by_source"]],
              [(s["key"], s["label"], s["amount"]) for s in b["by_source"]]),
        _rows([(y["year"] + shift, str(y["year"] + shift), y["amount"]) for y in a["by_year"]],
              [(y["year"], str(y["year"]), y["amount"]) for y in b["by_year"]], sort=True),
    )


def _ranks(contexts: list[Any]) -> list[Rank]:
    """Projects on both sides whose priority is computed (on either side) and moved."""
    if not contexts:
        return []
    before = {p["id"]: p for p in contexts[0]["projects"]}
    out = []
    for p in contexts[1]["projects"]:
        old = before.get(p["id"])
        if old is None or old["strategy"] != p["strategy"]:
            continue
        if (old["priority_computed"] or p["priority_computed"]) and old["priority"] != p["priority"]:
            out.append(Rank(p["id"], p["name"], p["strategy"], old["priority"], p["priority"]))
    return out


def _names(*plans: dict[str, Any]) -> dict[str, str]:
    """Thai names of the ids a plan declares for itself: named funding sources, scoring criteria."""
    found: dict[str, str] = {}
    for data in plans:
        for item in items(data.get("funding_sources"), "id").values():
            found[str(item["id"])] = str(item.get("short") or item.get("name") or item["id"])
        for item in items(_get(data, "scoring", "criteria"), "id").values():
            found[str(item["id"])] = str(item.get("name") or item["id"])
    return found


def diff_data(old: dict[str, Any], new: dict[str, Any], sides: tuple[Side, Side]) -> PlanDiff:
    """The structured difference of two loaded plans; a next-year revision's projects compared
    past the move of its years (``diff.shift``)."""
    contexts, note = _contexts(old, new, sides)
    shift = year_shift(years := _get(old, "plan", "fiscal_years"), _get(new, "plan", "fiscal_years"))
    old_projects = shifted(old.get("projects"), years, shift)
    return PlanDiff(
        old=sides[0], new=sides[1],
        projects=match(old_projects, new.get("projects"), "id", "name", "strategy", amount=True, alike="strategy"),
        budget=_budget(contexts, shift), budget_note=note,
        direction=compare(without(old.get("direction"), "strategies"),
                          without(new.get("direction"), "strategies"), "direction", []),
        strategies=match(_get(old, "direction", "strategies"), _get(new, "direction", "strategies"), "id", "name"),
        committee=compare(without(old.get("committee"), "members"),
                          without(new.get("committee"), "members"), "committee", []),
        members=match(_get(old, "committee", "members"), _get(new, "committee", "members"),
                       "name", "position", "role"),
        tambon=compare(without(old.get("tambon"), "villages", "communities"),
                       without(new.get("tambon"), "villages", "communities"), "tambon", []),
        villages=match(_get(old, "tambon", "villages"), _get(new, "tambon", "villages"), "no", "name", "headman"),
        communities=match(_get(old, "tambon", "communities"), _get(new, "tambon", "communities"), "id", "name",
                           "leader"),
        other=compare(without(old, "projects", "direction", "committee", "tambon"),
                      without(new, "projects", "direction", "committee", "tambon"), "", []),
        ranks=_ranks(contexts),
        names=_names(old, new),
        year_shift=shift,
    )


def diff_plans(old_spec: str, new_spec: str) -> PlanDiff:
    """Compare two plans given as file paths or ``REV:path``; PlanError if either does not load."""
    old_side, old = load_side(old_spec)
    new_side, new = load_side(new_spec)
    return diff_data(old, new, (old_side, new_side))
