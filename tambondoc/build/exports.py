"""Write the plan's workbooks to files: the village template and the full export.

The workbooks themselves are made in ``xlsx.workbooks``; this is the step that validates the
plan first and writes atomically, as the document build does.
"""

from __future__ import annotations

import gc
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

from tambondoc.check.validate import validate_file
from tambondoc.errors import PlanError, PlanInvalid
from tambondoc.files import write_atomic
from tambondoc.xlsx.workbooks import export_workbook, template_workbook


def _valid_plan(plan: Path) -> dict[str, Any]:
    checked = validate_file(plan)
    if not checked.ok:
        raise PlanInvalid(f"{plan}: แผนไม่ผ่านการตรวจสอบ ให้แก้แผนก่อน (tambondoc validate)", checked.problems)
    data: dict[str, Any] = checked.data
    return data


def _target(out: Path, force: bool) -> Path:
    """The workbook to write; an existing one is kept unless ``force``: it may be a village's filled-in form."""
    if out.suffix.lower() != ".xlsx":
        raise PlanError(f"{out}: ชื่อไฟล์ผลลัพธ์ต้องลงท้ายด้วย .xlsx")
    if not force and (out.exists() or out.is_symlink()):
        raise PlanError(f"{out}: มีไฟล์นี้อยู่แล้ว จึงไม่เขียนทับ ให้ใช้ชื่ออื่นด้วย -o หรือเพิ่ม --force เพื่อเขียนทับ")
    return out


def workbook(make: Callable[..., bytes], *args: Any) -> bytes:
    """A workbook's bytes; openpyxl writes each sheet to a temporary file first, so a full or
    read-only temporary folder is a PlanError saying so, not a traceback."""
    try:
        return make(*args)
    except (OSError, etree.SerialisationError) as e:
        reason = str(e)
        _release_quietly(e)
    raise PlanError(f"สร้างไฟล์ Excel ไม่ได้ เพราะเขียนไฟล์ชั่วคราวใน {tempfile.gettempdir()} ไม่ได้ "
                    f"(ดิสก์อาจเต็ม) ให้ลบไฟล์ที่ไม่ใช้ หรือตั้ง TMPDIR เป็นที่อื่น [{reason}]")


def _release_quietly(error: BaseException) -> None:
    """Close openpyxl's half-written sheet streams now: their writers fail again as they close,
    and Python would print that as 'Exception ignored in: <generator ...>' with a traceback."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _: None
    try:
        error.__traceback__ = None
        gc.collect()
    finally:
        sys.unraisablehook = hook


def write_template(plan: Path, out: Path, force: bool = False) -> Path:
    """Write the village project template for ``plan`` to ``out`` (atomically; over a file only with ``force``)."""
    target = _target(out, force)
    write_atomic(target, workbook(template_workbook, _valid_plan(plan)))
    return out


def write_export(plan: Path, out: Path, force: bool = False) -> Path:
    """Write every project of ``plan`` to ``out`` (atomically; over a file only with ``force``)."""
    target = _target(out, force)
    write_atomic(target, workbook(export_workbook, _valid_plan(plan)))
    return out
