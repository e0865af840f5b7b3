"""Write the plan's workbooks to files: the village template and the full export.

The workbooks themselves are made in ``xlsx.workbooks``; this is the step that validates the
plan first and writes atomically, as the document build does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tambondoc.build.sheets import workbook
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


def _target(out: Path) -> Path:
    if out.suffix.lower() != ".xlsx":
        raise PlanError(f"{out}: ชื่อไฟล์ผลลัพธ์ต้องลงท้ายด้วย .xlsx")
    return out


def write_template(plan: Path, out: Path) -> Path:
    """Write the village project template for ``plan`` to ``out`` (atomically)."""
    target = _target(out)
    write_atomic(target, workbook(template_workbook, _valid_plan(plan)))
    return out


def write_export(plan: Path, out: Path) -> Path:
    """Write every project of ``plan`` to ``out`` (atomically)."""
    target = _target(out)
    write_atomic(target, workbook(export_workbook, _valid_plan(plan)))
    return out
