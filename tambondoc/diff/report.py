"""Show a plan diff as terminal text, a pull-request comment (Markdown) or JSON.

Field paths are shown with the schema's Thai titles ("งบประมาณรายปี [2571] › งบประมาณ (บาท)"),
so the review reads like the plan, and amounts carry thousands separators.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from typing import Any

import click

from tambondoc.diff.compare import Amount, Change, Matched, PlanDiff
from tambondoc.diff.excerpt import excerpts
from tambondoc.errors import printable
from tambondoc.plan.schema import node as _schema_node
from tambondoc.plan.vocabulary import FUNDING_KEYS
from tambondoc.thai import money

_AMOUNT_KEYS = {"amount", *FUNDING_KEYS, "budget_received", "average_income", "threshold"}
_TOKEN = re.compile(r"\[([^\]]*)\]|([^.\[]+)")
_SEP = " › "


def plain(text: Any) -> str:
    """Plan text for the terminal: control characters (ESC of a colour or OSC sequence, a line
    break that fakes a line) escaped, so the reviewer sees what the plan holds."""
    return printable(str(text))


Schema = Callable[..., dict[str, Any]]


def label(base: tuple[str, ...], path: str, skip: int = 0, names: dict[str, str] | None = None,
          schema: Schema = _schema_node) -> str:
    """A field path in the schema's Thai titles (minus ``skip`` leading parts); a key the plan
    declares itself (a named funding source, a scoring criterion) by its name in ``names``;
    unknown keys stay as written. ``schema`` walks the plan's schema, or district.yaml's."""
    node, parts = schema(*base), []
    for selector, key in _TOKEN.findall(path):
        if key:
            own = node.get("properties", {}).get(key)
            extra = node.get("additionalProperties")
            if own is None and isinstance(extra, dict):
                node = extra
                parts.append((names or {}).get(key) or f"{extra.get('title', '')} {key}".strip())
                continue
            node = own or {}
            parts.append(node.get("title") or key)
        elif node.get("type") == "string" and parts:  # a line of a text (diff.tree)
            parts[-1] = f"{parts[-1]} บรรทัดที่ {selector}"
        else:
            node = node.get("items") or {}
            parts[-1:] = [f"{parts[-1]} [{selector}]"] if parts else [f"[{selector}]"]
    return _SEP.join(parts[skip:])


def value(v: Any, key: str = "", nested: bool = False, parent: str = "") -> str:
    """One value as a reviewer reads it: amounts with separators, lists joined, nothing as '—'.
    Every key under ``funding`` is an amount (the plan's named sources too)."""
    if v is None:
        return "—"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return money(v) if key in _AMOUNT_KEYS or parent == "funding" else str(v)
    if isinstance(v, list):
        text = ", ".join(value(x, nested=True) for x in v)
        return f"[{text}]" if nested or not v else text
    if isinstance(v, dict):
        text = ", ".join(f"{k}: {value(x, str(k), True, key)}" for k, x in v.items())
        return f"{{{text}}}" if nested else text
    return str(v).strip()


def _keys(path: str) -> list[str]:
    return [k for _, k in _TOKEN.findall(path) if k]


def _last_key(path: str) -> str:
    keys = _keys(path)
    return keys[-1] if keys else ""


def _shown(v: Any, path: str) -> str:
    """A changed value at ``path``, an amount when it is one."""
    keys = _keys(path)
    return value(v, keys[-1] if keys else "", parent=keys[-2] if len(keys) > 1 else "")


def _pair(c: Change) -> tuple[str, str]:
    """A change's two values as shown; two long texts as the part that differs with some
    context (a word changed in a 400-character target showed both texts whole)."""
    old, new = _shown(c.old, c.path), _shown(c.new, c.path)
    if not (isinstance(c.old, str) and isinstance(c.new, str)):
        return old, new
    return excerpts(old, new)


def _delta(x: float) -> str:
    return ("+" if x > 0 else "") + money(x) if x else "0"


def _summary(d: PlanDiff) -> str:
    p = d.projects
    parts = [f"โครงการ เพิ่ม {len(p.added)} ลบ {len(p.removed)} แก้ไข {len(p.changed)}"
             + (f" เปลี่ยนรหัส {len(p.renumbered)}" if p.renumbered else "")]
    if d.budget:
        t = d.budget.total
        parts.append(f"งบประมาณรวม {money(t.before)} → {money(t.after)} บาท ({_delta(t.delta)})")
    return " · ".join(parts)


def _shift_note(d: PlanDiff) -> str:
    """What a next-year revision's diff compares: projects past the move of the fiscal years."""
    return (f"ปีงบประมาณของแผนเลื่อน {d.year_shift:+d} ปี: งบประมาณรายปีและระยะเวลาของโครงการเทียบกับแผนเดิม"
            "ที่เลื่อนปีแล้ว จึงแสดงเฉพาะที่แก้นอกจากการเลื่อนปี")


Head = tuple[str, ...]
RANKS_HEADING = "ลำดับความสำคัญ (คำนวณจากคะแนนและคะแนนเสียง)"
BUDGET_HEADING = "งบประมาณ (บาท) เฉพาะรายการที่เปลี่ยน"


def _rank(n: int | None) -> str:
    return "—" if n is None else str(n)

_PROJECT_HEAD: Head = ("รหัส", "โครงการ", "ยุทธศาสตร์", "งบประมาณ (บาท)")


def _sections(d: PlanDiff) -> list[tuple[str, tuple[str, ...], list[Change], Matched | None, Head]]:
    """(heading, schema base of item fields, changes, matched items, table head) per section.

    The changes of every section but the last are under one top-level key the heading names.
    """
    return [
        ("วิสัยทัศน์และทิศทางการพัฒนา", (), d.direction, None, ()),
        ("ยุทธศาสตร์ กลยุทธ์ และเป้าประสงค์", ("direction", "strategies", "[]"), [], d.strategies,
         ("รหัส", "ยุทธศาสตร์")),
        ("คณะกรรมการ ก.บ.ต.", ("committee", "members", "[]"), d.committee, d.members,
         ("ชื่อ-สกุล", "ตำแหน่ง", "บทบาท")),
        ("ข้อมูลทั่วไปของตำบล", ("tambon", "villages", "[]"), d.tambon, d.villages,
         ("หมู่ที่", "ชื่อหมู่บ้าน", "ผู้ใหญ่บ้าน")),
        ("ชุมชน", ("tambon", "communities", "[]"), [], d.communities, ("รหัส", "ชื่อชุมชน", "ประธานชุมชน")),
        ("ข้อมูลอื่น ๆ (แผน การวิเคราะห์ การทบทวน)", (), d.other, None, ()),
    ]


def _side_warnings(d: PlanDiff) -> list[str]:
    return [f"{s.label} ไม่ผ่านการตรวจสอบ ({len(s.errors)} ปัญหา) เช่น {s.errors[0]}"
            for s in (d.old, d.new) if not s.valid]


def _budget_tables(d: PlanDiff) -> list[tuple[str, list[Amount]]]:
    """The rows that changed, per table (a table with none left out): moving one project to
    another strategy listed every source and year of a 437-million plan unchanged."""
    assert d.budget is not None
    b = d.budget
    tables = [("ตามยุทธศาสตร์", b.by_strategy), ("ตามแหล่งงบประมาณ", b.by_source), ("ตามปีงบประมาณ", b.by_year)]
    return [(title, changed) for title, rows in tables if (changed := [a for a in rows if a.delta])]


def _row_name(title: str, a: Amount) -> str:
    return f"{a.key} {a.label}" if title == "ตามยุทธศาสตร์" else a.label


# ---------------------------------------------------------------- text

Style = Callable[..., str]


def text_changes(cs: list[Change], base: tuple[str, ...], style: Style, skip: int = 0,
                 names: dict[str, str] | None = None, schema: Schema = _schema_node, indent: str = "  ") -> list[str]:
    """One line per changed value: its Thai label, old → new."""
    return [f"{indent}{plain(label(base, c.path, skip, names, schema))}: {style(plain(old), fg='red')} → "
            f"{style(plain(new), fg='green')}" for c in cs for old, new in [_pair(c)]]


def text_matched(m: Matched, base: tuple[str, ...], style: Style, amounts: bool = False,
                 names: dict[str, str] | None = None, schema: Schema = _schema_node) -> list[str]:
    """Items added (+), removed (-), changed (~, with their changed values) and renumbered."""
    out: list[str] = []
    for sign, colour, entries in (("+", "green", m.added), ("-", "red", m.removed)):
        for e in entries:
            extra = f" ({money(e.amount)} บาท)" if amounts and e.amount is not None else ""
            out.append(style(f"  {sign} {plain(e.id)} {plain(e.name)}" + (f" [{plain(e.detail)}]" if e.detail else "") + extra,
                             fg=colour))
    for c in m.changed:
        out.append(style(f"  ~ {plain(c.id)} {plain(c.name)}", fg="yellow"))
        out += text_changes(c.changes, base, style, 0, names, schema, indent="      ")
    for r in m.renumbered:
        out.append(style(f"  ~ {plain(r.old)} → {plain(r.new)} {plain(r.name)} (เปลี่ยนรหัสเท่านั้น)", fg="yellow"))
    return out


def render_text(d: PlanDiff, color: bool = False) -> str:
    style: Callable[..., str] = click.style if color else (lambda s, **_: s)
    out = [style(f"เปรียบเทียบแผน: {plain(d.old.label)} → {plain(d.new.label)}", bold=True)]
    out += [style(f"! {plain(w)}", fg="yellow") for w in _side_warnings(d)]
    if not d.changed:
        return "\n".join(out + ["ไม่มีการเปลี่ยนแปลง"])
    out.append(_summary(d))
    if d.year_shift:
        out.append(style(plain(_shift_note(d)), fg="yellow"))

    def matched(m: Matched, base: tuple[str, ...], amounts: bool = False) -> None:
        out.extend(text_matched(m, base, style, amounts, d.names))

    def changes(cs: list[Change], base: tuple[str, ...], skip: int = 0) -> None:
        out.extend(text_changes(cs, base, style, skip, d.names))

    if d.projects:
        out += ["", style("โครงการ", bold=True)]
        matched(d.projects, ("projects", "[]"), amounts=True)
    if d.budget:
        out += ["", style(f"{BUDGET_HEADING}: ก่อน → หลัง (เปลี่ยนแปลง)", bold=True)]
        for title, rows in _budget_tables(d):
            out.append(f"  {title}")
            out += [f"    {plain(_row_name(title, a))}: {money(a.before)} → {money(a.after)} ({_delta(a.delta)})" for a in rows]
        t = d.budget.total
        out.append(style(f"  รวมทั้งสิ้น: {money(t.before)} → {money(t.after)} ({_delta(t.delta)})", bold=True))
    elif d.budget_note:
        out += ["", style(plain(d.budget_note), fg="yellow")]
    if d.ranks:
        out += ["", style(RANKS_HEADING, bold=True)]
        out += [f"  {plain(r.id)} {plain(r.name)} [{plain(r.strategy)}]: {_rank(r.before)} → {_rank(r.after)}" for r in d.ranks]
    sections = _sections(d)
    for i, (heading, base, cs, m, _) in enumerate(sections):
        if cs or m:
            out += ["", style(heading, bold=True)]
            changes(cs, (), 0 if i == len(sections) - 1 else 1)
            if m:
                matched(m, base)
    return "\n".join(out)


# ---------------------------------------------------------------- markdown

_NEWLINES = re.compile("\r\n|[\n\r\u2028\u2029\x0b\x0c\x85]")
_MARKDOWN = re.compile(r"([\\`*_\[\]|~$])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_REFERENCE = re.compile(r"([@#])(?=\w)")


def _flat(text: Any) -> str:
    """Plan text on one line, with nothing a terminal or a renderer acts on."""
    return printable(_NEWLINES.sub(" ", str(text)))


def md_text(text: Any) -> str:
    """Plan text as literal Markdown inline text in a pull-request comment: one line (a newline
    could start a fake heading), Markdown and HTML escaped (an open '<!--' would hide the rest
    of the comment), and no @mention or #reference that would ping a person or link an issue."""
    escaped = _MARKDOWN.sub(r"\\\1", _flat(text))
    escaped = "".join(_HTML.get(ch, ch) for ch in escaped)
    return _REFERENCE.sub("\\1\u200b", escaped)


def code_span(text: Any) -> str:
    """Plan text as an inline code span: a fence longer than any run of backticks inside it."""
    flat = _flat(text)
    fence = "`" * (max((len(run) for run in re.findall("`+", flat)), default=0) + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def _cell(text: Any) -> str:
    """A table cell: its text is escaped where it is made (``_md``), so markup such as **รวม** stays."""
    return str(text).strip() or " "


def table(head: list[str], rows: list[list[Any]], right: frozenset[int] | set[int] = frozenset()) -> list[str]:
    rule = ["---:" if i in right else "---" for i in range(len(head))]
    return ["| " + " | ".join(head) + " |", "| " + " | ".join(rule) + " |",
            *("| " + " | ".join(_cell(c) for c in r) + " |" for r in rows), ""]


def change_rows(cs: list[Change], base: tuple[str, ...], skip: int = 0,
                names: dict[str, str] | None = None, schema: Schema = _schema_node) -> list[list[Any]]:
    return [[md_text(label(base, c.path, skip, names, schema)), *map(md_text, _pair(c))] for c in cs]


def md_matched(m: Matched, base: tuple[str, ...], head: Head, names: dict[str, str] | None = None,
               schema: Schema = _schema_node) -> list[str]:
    out: list[str] = []
    for title, entries in (("เพิ่ม", m.added), ("ลบ", m.removed)):
        if entries:
            rows = [[md_text(e.id), md_text(e.name), md_text(e.detail), money(e.amount) if e.amount is not None else "—"][: len(head)]
                    for e in entries]
            out += [f"**{title} {len(entries)}**", "", *table(list(head), rows, {3})]
    if m.changed:
        out += [f"**แก้ไข {len(m.changed)}**", ""]
        for c in m.changed:
            out += [f"{code_span(c.id)} {md_text(c.name)}", "",
                    *table(["รายการ", "เดิม", "ใหม่"], change_rows(c.changes, base, 0, names, schema))]
    if m.renumbered:
        out += [f"**เปลี่ยนรหัส {len(m.renumbered)}** (ข้อมูลอื่นเหมือนเดิม)", "",
                *table(["รหัสเดิม", "รหัสใหม่", head[1] if len(head) > 1 else ""],
                        [[md_text(r.old), md_text(r.new), md_text(r.name)] for r in m.renumbered])]
    return out


def render_markdown(d: PlanDiff) -> str:
    out = [f"### แผนพัฒนาตำบล: เปรียบเทียบ {code_span(d.old.label)} → {code_span(d.new.label)}", ""]
    out += [f"> ⚠️ {md_text(w)}" for w in _side_warnings(d)] + ([""] if _side_warnings(d) else [])
    if not d.changed:
        return "\n".join(out + ["ไม่มีการเปลี่ยนแปลง", ""])
    out += [f"**สรุป:** {_summary(d)}", ""]
    if d.year_shift:
        out += [f"> {md_text(_shift_note(d))}", ""]
    if d.projects:
        out += ["#### โครงการ", "", *md_matched(d.projects, ("projects", "[]"), _PROJECT_HEAD, d.names)]
    if d.budget:
        out += [f"#### {BUDGET_HEADING}", ""]
        for title, rows in _budget_tables(d):
            cells = [[md_text(_row_name(title, a)), money(a.before), money(a.after), _delta(a.delta)] for a in rows]
            t = d.budget.total
            cells.append(["**รวมทั้งแผน**", f"**{money(t.before)}**", f"**{money(t.after)}**", f"**{_delta(t.delta)}**"])
            out += table([title.replace("ตาม", ""), "ก่อน", "หลัง", "เปลี่ยนแปลง"], cells, {1, 2, 3})
    elif d.budget_note:
        out += [f"> {md_text(d.budget_note)}", ""]
    if d.ranks:
        out += [f"#### {RANKS_HEADING}", "", *table(["รหัส", "โครงการ", "ยุทธศาสตร์", "เดิม", "ใหม่"],
                                                     [[md_text(r.id), md_text(r.name), md_text(r.strategy), _rank(r.before),
                                                       _rank(r.after)] for r in d.ranks], {3, 4})]
    sections = _sections(d)
    for i, (heading, base, cs, m, head) in enumerate(sections):
        if cs or m:
            out += [f"#### {heading}", ""]
            if cs:
                out += table(["รายการ", "เดิม", "ใหม่"],
                             change_rows(cs, (), 0 if i == len(sections) - 1 else 1, d.names))
            if m:
                out += md_matched(m, base, head, d.names)
    return "\n".join(out)


def render_json(d: PlanDiff) -> str:
    return json.dumps({"changed": d.changed, **dataclasses.asdict(d)}, ensure_ascii=False, indent=2)


def render(d: PlanDiff, fmt: str, color: bool = False) -> str:
    """The diff in ``text``, ``markdown`` or ``json``."""
    if fmt == "json":
        return render_json(d)
    if fmt == "markdown":
        return render_markdown(d)
    return render_text(d, color)
