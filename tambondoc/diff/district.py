"""What changed between two revisions of a district.yaml, for review in pull requests.

During the year a district office changes its district.yaml more than its plans: a new chief,
a signer on behalf, a deadline the province moved, an officer given other tambons. A reviewer
approving that pull request needs it in Thai, as ``tambondoc diff`` shows a plan: field titles
from schemas/district.schema.json, people matched by name, strategies by id, and the
province's deadlines as they apply after the change (one given, or the one fiscal_year sets).
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

import click

from tambondoc.diff import report
from tambondoc.diff.compare import PlanDiff, Side, diff_data, load_side, read_data, without
from tambondoc.diff.match import Matched, match
from tambondoc.diff.report import (
    Style,
    change_rows,
    code_span,
    md_matched,
    md_text,
    plain,
    table,
    text_changes,
    text_matched,
)
from tambondoc.diff.tree import Change, compare
from tambondoc.errors import PlanError
from tambondoc.plan.district import DEADLINE_DAYS, DEADLINE_NAMES, deadline
from tambondoc.plan.schema import district_node
from tambondoc.thai import thai_date

Head = tuple[str, ...]
_PERSON: Head = ("ชื่อ-สกุล", "ตำแหน่ง", "บทบาท")
_MEMBERS = ("name", "position", "role")


@dataclass
class DistrictDiff:
    """The difference of two district.yaml files, section by section (each empty when unchanged)."""

    old: Side
    new: Side
    general: list[Change]           # district, fiscal year, deadlines given, attendance, settings
    deadlines: list[Change]         # the province's deadlines in force, given or computed
    signers: list[Change]           # chief and signer
    office: list[Change]
    officers: Matched
    strategies: Matched
    committee: list[Change]
    committee_members: Matched
    working_group: list[Change]
    working_group_members: Matched
    other: list[Change] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(bool(getattr(self, f.name)) for f in dataclasses.fields(self) if f.name not in ("old", "new"))


def is_district_data(data: dict[str, Any]) -> bool:
    """A district.yaml (``district:`` at the top, no plan or tambon) rather than a tambon plan."""
    return "district" in data and "plan" not in data and "tambon" not in data


def _get(data: Any, *keys: str) -> Any:
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def _deadlines(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Each deadline whose date in force moved: what the offices must now meet."""
    out = []
    for key in DEADLINE_DAYS:
        before, after = deadline(old, key), deadline(new, key)
        if before != after:
            out.append(Change(key, thai_date(before) if before else None, thai_date(after) if after else None))
    return out


_OWN = ("district", "fiscal_year", "deadlines", "min_attendance", "settings", "chief", "signer", "office",
        "provincial_strategies", "socho")


def diff_district_data(old: dict[str, Any], new: dict[str, Any], sides: tuple[Side, Side]) -> DistrictDiff:
    """The structured difference of two loaded district.yaml files."""
    def part(*keys: str) -> list[Change]:
        return [c for k in keys for c in compare(old.get(k), new.get(k), k, [])]

    def wg(data: dict[str, Any], *keys: str) -> Any:
        return without(_get(data, "socho", *keys), "members")

    return DistrictDiff(
        old=sides[0], new=sides[1],
        general=part("district", "fiscal_year", "deadlines", "min_attendance", "settings"),
        deadlines=_deadlines(old, new),
        signers=part("chief", "signer"),
        office=compare(without(old.get("office"), "officers"), without(new.get("office"), "officers"), "office", []),
        officers=match(_get(old, "office", "officers"), _get(new, "office", "officers"), "name", "position"),
        strategies=match(old.get("provincial_strategies"), new.get("provincial_strategies"), "id", "name"),
        committee=compare(wg(old, "committee"), wg(new, "committee"), "socho.committee", []),
        committee_members=match(_get(old, "socho", "committee", "members"), _get(new, "socho", "committee", "members"),
                                *_MEMBERS),
        working_group=compare(wg(old, "working_group"), wg(new, "working_group"), "socho.working_group", []),
        working_group_members=match(_get(old, "socho", "working_group", "members"),
                                    _get(new, "socho", "working_group", "members"), *_MEMBERS),
        other=compare(without(old, *_OWN), without(new, *_OWN), "", []),
    )


def load_district_side(label: str, text: str, data: dict[str, Any]) -> Side:
    """A district.yaml that does not validate is still compared, as a plan is."""
    from tambondoc.check.district import check_district_data

    errors = [str(p) for p in check_district_data(data, text, label) if p.level == "error"]
    return Side(label, not errors, errors)


def diff_files(old_spec: str, new_spec: str) -> PlanDiff | DistrictDiff:
    """Compare two plans, or two district.yaml files (told apart by their content); PlanError when
    either does not load or one is a plan and the other a district.yaml."""
    loaded = [read_data(spec) for spec in (old_spec, new_spec)]
    kinds = [is_district_data(data) for _, _, data in loaded]
    if kinds[0] != kinds[1]:
        what = {True: "ข้อมูลอำเภอ (district.yaml)", False: "แผนพัฒนาตำบล"}
        raise PlanError(f"{loaded[0][0]} เป็น{what[kinds[0]]} แต่ {loaded[1][0]} เป็น{what[kinds[1]]}: "
                        "เปรียบเทียบได้เฉพาะแผนกับแผน หรือ district.yaml กับ district.yaml")
    if kinds[0]:
        sides = tuple(load_district_side(*side) for side in loaded)
        return diff_district_data(loaded[0][2], loaded[1][2], (sides[0], sides[1]))
    (old_side, old), (new_side, new) = load_side(old_spec), load_side(new_spec)
    return diff_data(old, new, (old_side, new_side))


# ---------------------------------------------------------------- rendering

_DEADLINE_HEADING = "กำหนดส่งจังหวัดที่ใช้ (ตามที่ใส่ไว้ หรือคำนวณจากปีงบประมาณ)"


def _sections(d: DistrictDiff) -> list[tuple[str, Head, list[Change], Matched | None, Head]]:
    """(heading, schema base of item fields, changes, matched items, table head) per section."""
    return [
        ("อำเภอและรอบงาน", (), d.general, None, ()),
        ("นายอำเภอและผู้ลงนาม", (), d.signers, None, ()),
        ("สำนักงานพัฒนาชุมชนอำเภอและเจ้าหน้าที่", ("office", "officers", "[]"), d.office, d.officers,
         ("ชื่อ-สกุล", "ตำแหน่ง")),
        ("ประเด็นยุทธศาสตร์จังหวัด", ("provincial_strategies", "[]"), [], d.strategies, ("รหัส", "ประเด็นยุทธศาสตร์")),
        ("คณะกรรมการบริหาร ศอช.อ.", ("socho", "committee", "members", "[]"), d.committee, d.committee_members,
         _PERSON),
        ("คณะทำงานส่งเสริม ศอช.อ.", ("socho", "working_group", "members", "[]"), d.working_group,
         d.working_group_members, _PERSON),
        ("ข้อมูลอื่น ๆ", (), d.other, None, ()),
    ]


def _warnings(d: DistrictDiff) -> list[str]:
    return [f"{s.label} ไม่ผ่านการตรวจสอบ ({len(s.errors)} ปัญหา) เช่น {s.errors[0]}"
            for s in (d.old, d.new) if not s.valid]


def _deadline_rows(d: DistrictDiff) -> list[tuple[str, str, str]]:
    return [(DEADLINE_NAMES[c.path], c.old or "—", c.new or "—") for c in d.deadlines]


def render_district_text(d: DistrictDiff, color: bool = False) -> str:
    style: Style = click.style if color else (lambda s, **_: s)
    out = [style(f"เปรียบเทียบข้อมูลอำเภอ: {plain(d.old.label)} → {plain(d.new.label)}", bold=True)]
    out += [style(f"! {plain(w)}", fg="yellow") for w in _warnings(d)]
    if not d.changed:
        return "\n".join(out + ["ไม่มีการเปลี่ยนแปลง"])
    for heading, base, cs, m, _ in _sections(d):
        if cs or m:
            out += ["", style(heading, bold=True)]
            out += text_changes(cs, (), style, schema=district_node)
            if m:
                out += text_matched(m, base, style, schema=district_node)
    if d.deadlines:
        out += ["", style(_DEADLINE_HEADING, bold=True)]
        out += [f"  {name}: {style(before, fg='red')} → {style(after, fg='green')}"
                for name, before, after in _deadline_rows(d)]
    return "\n".join(out)


def render_district_markdown(d: DistrictDiff) -> str:
    out = [f"### ข้อมูลอำเภอ: เปรียบเทียบ {code_span(d.old.label)} → {code_span(d.new.label)}", ""]
    out += [f"> ⚠️ {md_text(w)}" for w in _warnings(d)] + ([""] if _warnings(d) else [])
    if not d.changed:
        return "\n".join(out + ["ไม่มีการเปลี่ยนแปลง", ""])
    for heading, base, cs, m, head in _sections(d):
        if cs or m:
            out += [f"#### {heading}", ""]
            if cs:
                out += table(["รายการ", "เดิม", "ใหม่"], change_rows(cs, (), schema=district_node))
            if m:
                out += md_matched(m, base, head, schema=district_node)
    if d.deadlines:
        out += [f"#### {_DEADLINE_HEADING}", "",
                *table(["กำหนดส่ง", "เดิม", "ใหม่"], [[md_text(x) for x in row] for row in _deadline_rows(d)])]
    return "\n".join(out)


def render_any(d: PlanDiff | DistrictDiff, fmt: str, color: bool = False) -> str:
    """A plan's diff or a district.yaml's, in ``text``, ``markdown`` or ``json``."""
    if isinstance(d, PlanDiff):
        return report.render(d, fmt, color)  # looked up when called: one renderer for plans
    if fmt == "json":
        return json.dumps({"kind": "district", "changed": d.changed, **dataclasses.asdict(d)},
                          ensure_ascii=False, indent=2, default=str)
    return render_district_markdown(d) if fmt == "markdown" else render_district_text(d, color)
