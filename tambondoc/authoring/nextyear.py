"""Roll a plan forward to next year's revision, keeping every comment and the key order.

Each year the plan is reviewed (ทบทวน): the same projects, one fiscal year later, and a review
section where the committee records what happened to last year's projects. The statuses are
left empty on purpose, so ``validate`` keeps reminding until someone fills them in.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from tambondoc.authoring.fmt import comment_place, comments, is_loose, refusal
from tambondoc.authoring.skeleton import yaml_scalar
from tambondoc.errors import PlanError
from tambondoc.files import write_atomic
from tambondoc.plan.aliases import ANY, refuse_shared
from tambondoc.plan.load import Newlines, decode, read_bytes
from tambondoc.plan.roundtrip import dump_rt, load_rt
from tambondoc.plan.schema import node
from tambondoc.plan.splice import spliced
from tambondoc.plan.vocabulary import STATUSES
from tambondoc.thai import parse_be_date, shift_years

# what next-year rewrites: shared through an alias, it would be rewritten once for every sharer
REWRITTEN = [("plan", "fiscal_years"), ("plan", "revision"), ("plan", "title"),
             ("projects", ANY, "budget"), ("projects", ANY, "period"), ("review",)]


@dataclass
class Rolled:
    """The next revision's text, what was shifted, and what the user still has to fill in."""

    text: str
    old_years: list[int]
    new_years: list[int]
    notes: list[str] = field(default_factory=list)
    todo: list[str] = field(default_factory=list)


def _same_style(old: Any, new: str) -> Any:
    """Keep a quoted or block string's style when its text changes."""
    return new if type(old) is str else type(old)(new)


def _next_date(value: Any) -> str | None:
    if parse_be_date(value) is None:
        return None
    y, m, d = str(value).split("-")
    return f"{int(y) + 1}-{m}-{'28' if (m, d) == ('02', '29') else d}"


def _integer(value: Any) -> bool:
    """An int as YAML gives it (ruamel's HexInt and ScalarInt are ints), never a boolean."""
    return isinstance(value, int) and not isinstance(value, bool)


def _shift(data: CommentedMap, name: str) -> tuple[list[int], list[int], list[str]]:
    plan = data.get("plan")
    years = plan.get("fiscal_years") if isinstance(plan, dict) else None
    if not isinstance(years, list) or not years or not all(_integer(y) for y in years):
        raise PlanError(f"{name}: ต้องมี plan.fiscal_years เป็นรายการปี พ.ศ. (เช่น [2571, 2572]) ก่อนจึงเลื่อนไปปีถัดไปได้")
    # a year out of the schema's range is a typo (or C.E.): the projects' periods are shifted
    # over every year the plan spans, and a span of 10^20 years never ends
    bounds = node("plan", "fiscal_years", "[]")
    low, high = bounds["minimum"], bounds["maximum"]
    if (wrong := next((y for y in years if not low <= y <= high), None)) is not None:
        raise PlanError(f"{name}: ปีงบประมาณ {wrong} ใน plan.fiscal_years ต้องเป็นปี พ.ศ. {low}–{high} "
                        "ก่อนจึงเลื่อนไปปีถัดไปได้ ให้แก้ปีแล้วตรวจด้วย tambondoc validate")
    old = list(years)
    for i, y in enumerate(years):
        years[i] = y + 1
    notes = [f"ปีงบประมาณของแผน: {', '.join(map(str, old))} → {', '.join(map(str, years))}"]
    revision = plan.get("revision")
    if isinstance(revision, float) and revision.is_integer():  # '2.0' is the integer the schema accepts
        revision = int(revision)
    if _integer(revision):
        plan["revision"] = revision + 1
        notes.append(f"ทบทวนครั้งที่: {revision} → {revision + 1}")
    title = plan.get("title")
    if isinstance(title, str) and (new := shift_years(title, set(old))) != title:
        plan["title"] = _same_style(title, new)
        notes.append(f"ชื่อแผน: {title} → {new}")
    span = set(range(min(old) - 1, max(old) + 1))  # a fiscal year starts in October of the year before
    budgets = periods = 0
    for p in data.get("projects") or []:
        if not isinstance(p, dict):
            continue
        for b in p.get("budget") or []:
            if isinstance(b, dict) and isinstance(b.get("year"), int):
                b["year"] += 1
                budgets += 1
        period = p.get("period")
        if isinstance(period, str) and (new := shift_years(period, span)) != period:
            p["period"] = _same_style(period, new)
            periods += 1
    notes.append(f"งบประมาณรายปีของโครงการ {budgets} รายการ เลื่อนไป 1 ปี (ไม่ตัดรายการใดออก)")
    if periods:
        notes.append(f"ระยะเวลาดำเนินการของโครงการ {periods} โครงการ เลื่อนปี พ.ศ. ไป 1 ปี")
    return old, list(years), notes


def _review_text(old: Any, projects: Any, fallback_date: Any) -> tuple[list[str], list[str], int]:
    """The fresh review section as lines, what the user must fill in, and how many projects it lists."""
    old = old if isinstance(old, dict) else {}
    date = _next_date(old.get("meeting_date")) or _next_date(fallback_date)
    listed = [p for p in projects or [] if isinstance(p, dict) and p.get("id") is not None]
    choices = " | ".join(STATUSES)
    lines = ["review:"]
    if date:
        lines.append(f"  meeting_date: {date}    # วันประชุมทบทวนแผน (ปี พ.ศ.) ยกมาจากปีที่แล้ว ให้แก้เป็นวันที่ประชุมจริง")
    if old.get("meeting_place"):
        lines.append(f"  meeting_place: {yaml_scalar(str(old['meeting_place']))}")
    lines += [
        "  attendance:",
        "    total: 0    # จำนวนผู้เข้าร่วมประชุมทบทวน (คน)",
        "    # detail: ก.บ.ต. ... คน ผู้แทนหมู่บ้าน ... คน ผู้แทนหน่วยงาน ... คน",
        "  # สิ่งที่เปลี่ยนแปลงจากปีที่แล้วและเหตุผล เช่น",
        "  #   - what: เพิ่มโครงการ ...",
        "  #     why: ...",
        "  changes: []",
        f"  # ผลการดำเนินงานโครงการในแผนปีที่แล้ว: ใส่ status เป็นหนึ่งใน {choices}",
        "  # และ budget_received: งบประมาณที่ได้รับจริง (บาท) ถ้ามี",
        "  previous_projects:" + ("" if listed else " []"),
    ]
    for p in listed:
        lines += [f"    - id: {yaml_scalar(str(p['id']))}",
                  f"      name: {yaml_scalar(str(p.get('name') or p['id']))}",
                  f"      status:    # {choices}"]
    todo = [f"ใส่สถานะ (status) ของโครงการปีที่แล้ว {len(listed)} โครงการ ใน review.previous_projects",
            "แก้วันประชุม (review.meeting_date) จำนวนผู้เข้าร่วม (review.attendance) และสิ่งที่เปลี่ยนแปลง (review.changes)",
            "ตรวจวันที่เห็นชอบแผน (plan.approved_on) และคำสั่งแต่งตั้ง ก.บ.ต. ปีนี้ (committee.order)"]
    return lines, todo, len(listed)


def _replace_review(text: str, review: list[str]) -> str:
    """Put the review section where the old one was (or at the end); comments around it stay."""
    data = load_rt(text)
    lines = text.split("\n")
    keys = list(data)
    if "review" not in keys:
        body = text.rstrip("\n").split("\n")
        return "\n".join(body + [""] + review) + "\n"
    i = keys.index("review")
    start = data.lc.key("review")[0]
    end = data.lc.key(keys[i + 1])[0] if i + 1 < len(keys) else len(lines)
    while end > start + 1 and is_loose(lines[end - 1], 0):
        end -= 1
    return "\n".join(lines[:start] + review + lines[end:])


def _without_review(text: str) -> str:
    return _replace_review(text, [])


def roll_forward(text: str, name: str) -> Rolled:
    """The next revision of a plan's text.

    The edit is made on the round-trip data, then only the lines it changed are applied to the
    file's own text (``plan.splice``), so what ruamel would drop or re-space stays as written:
    the header above a '---' line, the modeline, comments inside { } and [ ]. The result must
    mean the same plan as the edited data and keep every comment outside the old review section,
    or nothing is written. A plan that shares what it rewrites through an alias is refused
    first: the shared data would be shifted once for every place that uses it.
    """
    data = load_rt(text, name)
    if not isinstance(data, CommentedMap):
        raise refusal(name, (1, 1), "ไม่ใช่ไฟล์แผน (ระดับบนสุดต้องเป็นชุดคีย์ เช่น schema_version: 1) "
                      "จึงเขียนแผนปีถัดไปไม่ได้", rule="next-year")
    refuse_shared(text, name, REWRITTEN, "เขียนแผนปีถัดไป")
    before = dump_rt(load_rt(text, name))
    old_review, projects = data.get("review"), data.get("projects")
    approved = data["plan"].get("approved_on") if isinstance(data.get("plan"), dict) else None
    old, new, notes = _shift(data, name)
    after = dump_rt(data)
    shifted = spliced(text, before, after, name)
    if shifted is None:
        raise PlanError(f"{name}: เลื่อนปีโดยคงบรรทัดอื่นไว้ตามเดิมไม่ได้ (รูปแบบการเขียนต่างจากมาตรฐานมาก) "
                        "จึงไม่เขียนแผนปีถัดไป ให้จัดรูปแบบด้วย tambondoc fmt แล้วลองใหม่")
    review, todo, count = _review_text(old_review, projects, approved)
    result = _replace_review(shifted, review)
    lost = comments(_without_review(text)) - comments(_without_review(result))
    if lost:
        comment = next(iter(lost))
        raise refusal(name, comment_place(text, comment), f"เขียนแผนปีถัดไปแล้วความเห็น (comment) จะหาย: {comment} "
                      "(เช่น ความเห็นภายใน [ ] หรือ { } ที่ต้องเลื่อนปี) ให้ย้ายความเห็นไปไว้บรรทัดของตัวเองแล้วลองใหม่",
                      rule="next-year")
    notes.append(f"ส่วนการทบทวนแผน (review) เริ่มใหม่: โครงการปีที่แล้ว {count} โครงการ รอใส่สถานะ")
    assessed = [p for p in projects or [] if isinstance(p, dict) and (p.get("scores") or p.get("votes") is not None)]
    if assessed:  # kept as they were: this year's assembly scores again, the ranking follows
        notes.append(f"คะแนนความสำคัญ (scores, votes) ของโครงการ {len(assessed)} โครงการ คงไว้ตามปีที่แล้ว")
        todo.append("ทบทวนคะแนน (scores) และคะแนนเสียง (votes) ของโครงการตามเวทีประชาคมปีนี้ "
                    "(ส่งออกด้วย tambondoc export-xlsx แล้วนำเข้าด้วย import-xlsx ได้) ลำดับความสำคัญจะคำนวณใหม่ให้")
    return Rolled(result, old, new, notes, todo)


def default_output(plan: Path, old: list[int], new: list[int]) -> Path:
    """Next to the plan, the years in its name moved on, or the new years appended."""
    stem = shift_years(plan.stem, set(old))
    if stem == plan.stem:
        stem += f"-{new[0]}" + (f"-{new[-1]}" if len(new) > 1 else "")
    return plan.with_name(stem + plan.suffix)


def next_year(plan: Path, output: Path | None = None) -> tuple[Path, Rolled]:
    """Write the next revision of ``plan``; never overwrites a file unless given as ``output``.

    The new file keeps the plan's line ends and BOM. Given the plan itself as ``output``, the
    plan is rewritten where it really is (through a symlink) with its mode and owner.
    """
    raw = read_bytes(plan)
    rolled = roll_forward(decode(raw, str(plan)), str(plan))
    target = output or default_output(plan, rolled.old_years, rolled.new_years)
    if output is None and (target.exists() or target.is_symlink()):
        raise PlanError(f"{target}: มีไฟล์นี้อยู่แล้ว จึงไม่เขียนทับ ให้ระบุไฟล์ผลลัพธ์ด้วย -o")
    same = _same_file(plan, target)
    write_atomic(target, Newlines.of(raw).encode(rolled.text), follow_link=same, unchanged=raw if same else None)
    return target, rolled


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
