"""A district's state as text for the terminal, or as Markdown for a pull request or a README."""

from __future__ import annotations

import datetime as dt

from tambondoc.district.status import DistrictState, TambonState, due
from tambondoc.plan.district import DEADLINE_NAMES
from tambondoc.thai import thai_date

YES, NO = "✓", "✗"


def _mark(ok: bool) -> str:
    return YES if ok else NO


def _deadlines(state: DistrictState) -> list[tuple[str, str, str]]:
    """(date, what, remark) of each deadline: days left, passed, or the next one."""
    rows = []
    for key, date in state.deadlines:
        days = (date - state.today).days
        remark = "ผ่านไปแล้ว" if days < 0 else ("วันนี้" if days == 0 else f"อีก {days} วัน")
        if key == state.next_key:
            remark += ", ครั้งถัดไป"
        rows.append((thai_date(date, "short"), DEADLINE_NAMES[key], remark))
    return rows


def _workshop(t: TambonState, today: dt.date) -> str:
    if t.workshop is None and t.planned is not None and t.planned > today:
        return f"{NO} กำหนดไว้ {thai_date(t.planned, 'short')} (ยังไม่ถึง)"
    if t.workshop is None:
        return f"{NO} ยังไม่จัดในปีงบประมาณนี้"
    people = f"ผู้เข้าร่วม {t.attendance} คน" if t.attendance is not None else "ไม่ระบุผู้เข้าร่วม"
    return f"{_mark(t.enough)} {thai_date(t.workshop, 'short')} {people}"


def _next(state: DistrictState) -> str:
    if state.next_key is None:
        return "ไม่มีกำหนดส่งที่เหลือในรอบนี้ (เริ่มรอบใหม่: เปลี่ยน fiscal_year ใน district.yaml)"
    return f"{DEADLINE_NAMES[state.next_key]} ภายใน {thai_date(dict(state.deadlines)[state.next_key], 'short')}"


def _todo(state: DistrictState, todo: dict[str, list[str]]) -> list[str]:
    """What is left by the next deadline; what is late says since when."""
    dates = dict(state.deadlines)
    return [item + (f" (เลยกำหนด {thai_date(dates[key], 'short')})" if dates[key] < state.today else "")
            for key, item in due(state, todo)]


def _header(state: DistrictState) -> list[str]:
    fiscal = f" ปีงบประมาณ พ.ศ. {state.fiscal_year}" if state.fiscal_year else ""
    lines = [f"{state.title}{fiscal} (ณ วันที่ {thai_date(state.today, 'short')})"]
    if state.year:
        lines.append(f"คำสั่งและประกาศที่เป็นปัจจุบัน: ลงวันที่ในปี พ.ศ. {state.year}")
    if state.next_number:
        lines.append(f"เลขที่คำสั่งถัดไปของอำเภอ: {state.next_number}/{state.today.year + 543}")
    return lines


def text(state: DistrictState) -> str:
    lines = _header(state) + ["", "กำหนดส่งจังหวัด:"]
    lines += [f"  {d}  {what} ({remark})" for d, what, remark in _deadlines(state)]
    lines += ["", f"district.yaml: {'ผ่านการตรวจ' if state.valid else 'ไม่ผ่านการตรวจ'}"]
    lines += [f"  {p.label}: {p.text} {_mark(p.current)}" for p in state.papers]
    lines += [f"  ต้องทำ: {item}" for item in _todo(state, state.todo)]
    waiting = 0
    for t in state.tambons:
        officer = f" ผู้รับผิดชอบ {t.officer}" if t.officer else ""
        lines += ["", f"ตำบล{t.name} ({t.file}){officer}",
                  f"  แผน: {YES + ' ผ่านการตรวจ' if t.valid else NO + f' ไม่ผ่านการตรวจ ({t.errors} ข้อผิดพลาด)'}"]
        lines += [f"  {p.label}: {p.text} {_mark(p.current)}" for p in t.papers]
        lines.append(f"  เวทีประชาคม: {_workshop(t, state.today)}")
        items = _todo(state, t.todo)
        waiting += bool(items)
        lines += [f"  ต้องทำ: {item}" for item in items] or ["  ต้องทำ: ไม่มี"]
    for name in state.superseded:
        lines.append(f"{name}: มีแผนฉบับใหม่กว่า ไม่นับในสถานะ")
    left = f"ตำบลที่ยังมีงานค้าง {waiting} จาก {len(state.tambons)} ตำบล"
    lines += ["", f"ก่อนกำหนดถัดไป ({_next(state)}): {left}" if state.next_key else
              f"กำหนดส่งของรอบนี้ผ่านไปแล้วทั้งหมด: {left} (เริ่มรอบใหม่: เปลี่ยน fiscal_year ใน district.yaml)"]
    return "\n".join(lines) + "\n"


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def markdown(state: DistrictState) -> str:
    lines = [f"## สถานะ{_header(state)[0]}", ""] + [f"{line}  " for line in _header(state)[1:]]
    lines += ["", "| กำหนดส่ง | เรื่อง | |", "|---|---|---|"]
    lines += [f"| {d} | {what} | {remark} |" for d, what, remark in _deadlines(state)]
    kinds = [p.label for p in state.tambons[0].papers] if state.tambons else []
    lines += ["", "| ตำบล | แผน | " + " | ".join(kinds) + " | เวทีประชาคม | ต้องทำก่อนกำหนดถัดไป |",
              "|---|---|" + "---|" * len(kinds) + "---|---|"]
    for t in state.tambons:
        items = "<br>".join(_cell(item) for item in _todo(state, t.todo)) or "-"
        papers = " | ".join(f"{_mark(p.current)} {p.text}" for p in t.papers)
        lines.append(f"| {t.name} | {_mark(t.valid)} | {papers} | {_cell(_workshop(t, state.today))} | {items} |")
    district = _todo(state, state.todo)
    lines += ["", f"**ระดับอำเภอ** (district.yaml {_mark(state.valid)}): "
              + "; ".join(f"{p.label} {_mark(p.current)} {p.text}" for p in state.papers)]
    lines += [f"- ต้องทำ: {_cell(item)}" for item in district]
    lines += ["", f"ก่อนกำหนดถัดไป: {_next(state)}"]
    return "\n".join(lines) + "\n"


def render(state: DistrictState, fmt: str) -> str:
    return markdown(state) if fmt == "markdown" else text(state)
