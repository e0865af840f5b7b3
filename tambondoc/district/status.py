"""Where a district stands in its year (``tambondoc status``): per tambon, whether its plan
validates, whether each order and announcement is dated in the current year, whether the workshop
was held with enough people, and what is left to do before the province's next deadline.

"The current year" is the calendar year (พ.ศ.) of the orders' deadline: the province asks for
the orders and announcements reviewed and sent by 25 December (seed 004), so an order signed in
that year is current for the whole round, as the numbering restarts each calendar year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tambondoc.check.district import validate_district
from tambondoc.check.rules import signer
from tambondoc.check.rules.listing import papers
from tambondoc.check.rules.order_numbers import next_free, orders
from tambondoc.context.district import register_order
from tambondoc.errors import PlanError, Problem
from tambondoc.plan.district import (
    DEADLINE_DAYS,
    DEFAULT_MIN_ATTENDANCE,
    DISTRICT_FILE,
    deadline,
    fiscal_year,
    is_district,
)
from tambondoc.thai import parse_be_date, thai_date

KEYS = tuple(DEADLINE_DAYS)  # orders, workshop_report, activity_report
SHORT = {"kbt-order": "คำสั่งแต่งตั้ง ก.บ.ต.", "socho-order": "คำสั่งคณะทำงานส่งเสริม ศอช.ต.",
         "socho-announcement": "ประกาศรับรองคณะกรรมการบริหาร ศอช.ต.",
         "socho-district-order": "คำสั่งคณะทำงานส่งเสริม ศอช.อ.",
         "socho-district-announcement": "ประกาศรับรองคณะกรรมการบริหาร ศอช.อ."}


@dataclass
class PaperState:
    """An order or announcement: its number and date if the file has it, and whether it is current."""

    kind: str
    label: str
    number: str = ""          # '101/2567'
    date: dt.date | None = None
    current: bool = False
    future: bool = False      # dated after the day asked about: prepared, not yet signed

    @property
    def text(self) -> str:
        if self.date is None:
            return "ยังไม่มี"
        number = f"{self.number} " if self.number else ""
        return f"{number}ลงวันที่ {thai_date(self.date, 'short')}" + (" (ยังไม่ถึง)" if self.future else "")

    @property
    def todo(self) -> str:
        """What is left for a paper that is not current."""
        if self.future and self.date is not None:
            number = f" {self.number}" if self.number else ""
            return f"ลงนาม{self.label}{number} ลงวันที่ {thai_date(self.date, 'short')}"
        return f"{'ทบทวน' if self.date else 'จัดทำ'}{self.label}"


@dataclass
class TambonState:
    file: str
    name: str
    officer: str
    valid: bool
    errors: int
    papers: list[PaperState]
    workshop: dt.date | None                 # held this round (by today)
    planned: dt.date | None                  # the plan's workshop date, whenever it is
    attendance: int | None
    enough: bool
    todo: dict[str, list[str]] = field(default_factory=dict)  # deadline key: what is left for it


@dataclass
class DistrictState:
    folder: Path
    title: str
    today: dt.date
    fiscal_year: int | None
    year: int | None                                # the current year (พ.ศ.) of the orders
    deadlines: list[tuple[str, dt.date]]
    next_key: str | None
    valid: bool
    papers: list[PaperState]
    tambons: list[TambonState]
    next_number: int | None                         # of the year of ``today``
    superseded: list[str]
    todo: dict[str, list[str]] = field(default_factory=dict)


def _today(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    date = parse_be_date(value)
    if date is None or date.year < 1900:
        raise PlanError(f"--today '{value}' ต้องเป็นวันที่ ปปปป-ดด-วว โดยปีเป็น พ.ศ. เช่น 2568-02-01")
    return date


def _papers(source: Any, year: int | None, today: dt.date) -> list[PaperState]:
    """The file's orders and announcements: current when dated in the orders' year, by ``today``
    (one dated later is prepared, not signed: it was marked done months ahead)."""
    found = []
    for paper in papers(source):
        date = parse_be_date(paper.date)
        number = f"{paper.number}/{paper.year}" if paper.number is not None else ""
        future = date is not None and date > today
        found.append(PaperState(paper.kind, SHORT[paper.kind], number, date,
                                date is not None and year is not None and date.year + 543 == year and not future,
                                future))
    return found


def _expected(kinds: tuple[str, ...], found: list[PaperState]) -> list[PaperState]:
    """Every paper a file should hold, in order: the ones it has, a blank for each it lacks."""
    have = {p.kind: p for p in found}
    return [have.get(kind) or PaperState(kind, SHORT[kind]) for kind in kinds]


def _in_round(date: dt.date | None, fiscal_year: int | None, today: dt.date) -> bool:
    """The workshop counts for this round: held within the fiscal year, by today."""
    if date is None or fiscal_year is None:
        return False
    start, end = dt.date(fiscal_year - 544, 10, 1), dt.date(fiscal_year - 543, 9, 30)
    return start <= date <= min(end, today)


def _signer(problems: list[Problem], data: Any) -> list[str]:
    """The order to re-issue when its signer is not the district's chief (the rule ``signer``)."""
    if not any(p.rule == signer.ID for p in problems):
        return []
    name = " ".join(str(data["committee"]["signer"]["name"]).split())
    return [f"ออกคำสั่งแต่งตั้ง ก.บ.ต. ใหม่ให้นายอำเภอคนปัจจุบันลงนาม "
            f"(ผู้ลงนามในแผน {name} ไม่ใช่นายอำเภอหรือผู้ลงนามแทนใน district.yaml)"]


def district_status(folder: Path, today: str | None = None) -> DistrictState:
    """The state of a district folder on ``today`` (B.E. 'YYYY-MM-DD'; default: the machine's date)."""
    if not is_district(folder):
        raise PlanError(f"{folder}: ไม่พบ {DISTRICT_FILE} (status ใช้กับโฟลเดอร์ของอำเภอ สร้างด้วย tambondoc new-district)")
    when = _today(today)
    checked = validate_district(folder)
    data: dict[str, Any] = checked.district.data if isinstance(checked.district.data, dict) else {}
    place: dict[str, Any] = data["district"] if isinstance(data.get("district"), dict) else {}
    title = f"อำเภอ{place.get('amphoe', '?')} จังหวัด{place.get('changwat', '?')}"
    fiscal = fiscal_year(data)
    dates = [(k, d) for k in KEYS if (d := deadline(data, k)) is not None]
    orders_due = dict(dates).get("orders")
    year = orders_due.year + 543 if orders_due else None
    upcoming = [k for k, d in dates if d >= when]
    files = checked.files
    results = {r.file: r for r in checked.plans}
    given = data.get("min_attendance")
    least: int = given if isinstance(given, int) else DEFAULT_MIN_ATTENDANCE
    officers = {t: o.get("name", "") for o in (data.get("office") or {}).get("officers") or [] if isinstance(o, dict)
                for t in o.get("tambons") or [] if isinstance(t, str)}
    state = DistrictState(folder, title, when, fiscal, year, dates, upcoming[0] if upcoming else None,
                          checked.district.ok, [], [], None, sorted(files.superseded) if files else [])
    if files is None:
        return state
    state.papers = _expected(("socho-district-order", "socho-district-announcement"), _papers(files.district, year, when))
    this_year = when.year + 543  # an order signed today takes the next number of today's year
    taken = {p.number for p in orders([files.district, *files.current]) if p.year == this_year and p.number is not None}
    state.next_number = next_free(taken)
    state.todo["orders"] = [p.todo if p.future else f"{p.label}: {p.text}" for p in state.papers if not p.current]
    for source in register_order(list(files.current), lambda s: s.data):  # the province's order
        result = results[source.name]
        tambon = source.data.get("tambon") or {}
        name = tambon.get("name", "?") if isinstance(tambon, dict) else "?"
        review = source.data.get("review") if isinstance(source.data.get("review"), dict) else {}
        held = parse_be_date(review.get("meeting_date"))
        total = (review.get("attendance") or {}).get("total") if isinstance(review.get("attendance"), dict) else None
        t = TambonState(source.name, name, officers.get(name, ""), result.ok,
                        sum(p.level == "error" for p in result.problems),
                        _expected(("kbt-order", "socho-order", "socho-announcement"), _papers(source, year, when)),
                        held, held, total if isinstance(total, int) else None, isinstance(total, int) and total >= least)
        fix = [] if t.valid else [f"แก้แผนให้ผ่านการตรวจ ({t.errors} ข้อผิดพลาด: tambondoc validate {folder.as_posix()})"]
        t.todo["orders"] = fix + [p.todo for p in t.papers if not p.current] + _signer(result.problems, source.data)
        workshop = []
        if not _in_round(held, fiscal, when):
            workshop.append(f"จัดเวทีประชาคมจัดทำแผนพัฒนาตำบล (ไม่น้อยกว่า {least} คน) และบันทึกใน review")
        elif not t.enough:
            workshop.append(f"ผู้เข้าร่วมเวทีประชาคม {t.attendance or 0} คน น้อยกว่าเกณฑ์ {least} คน")
        t.workshop, t.todo["workshop_report"] = held if _in_round(held, fiscal, when) else None, workshop
        t.todo["activity_report"] = []
        state.tambons.append(t)
    # a reminder, not a state this folder can tell: it goes once its deadline has passed
    reported = dict(dates).get("activity_report")
    state.todo["activity_report"] = (["รายงานผลการขับเคลื่อนกิจกรรมตามแผนพัฒนาตำบล (กิจกรรมที่ 3) ให้จังหวัด"]
                                     if reported is None or when <= reported else [])
    return state


def due(state: DistrictState, todo: dict[str, list[str]]) -> list[tuple[str, str]]:
    """What is left (deadline key, item) by the next deadline: overdue items of passed deadlines
    too, and after the round's last deadline every item still open (it said 'nothing left' of a
    workshop short of people)."""
    if not state.deadlines:
        return []
    until = dict(state.deadlines)[state.next_key] if state.next_key else max(d for _, d in state.deadlines)
    return [(k, item) for k, d in state.deadlines if d <= until for item in todo.get(k, [])]
