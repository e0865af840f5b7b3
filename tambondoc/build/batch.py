"""Build many plans at once: discover, skip the unchanged, run the rest in parallel.

One bad plan never stops the others: each worker returns an Outcome instead of raising.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tambondoc.errors import PlanError, Problem
from tambondoc.plan.district import DISTRICT_FILE

if TYPE_CHECKING:
    from tambondoc.build.plan import Extra


class Status(enum.Enum):
    BUILT = "built"
    UNCHANGED = "unchanged"
    FAILED = "failed"


@dataclass
class Outcome:
    """How one plan's build ended: built, unchanged or failed."""

    plan: Path
    status: Status
    message: str = ""
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def discover(paths: list[Path]) -> list[Path]:
    """Plan files named directly, plus every *.yaml / *.yml below named directories (but a
    district's district.yaml, which is not a plan)."""
    plans: list[Path] = []
    for path in paths:
        if path.is_dir():
            plans += sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
                            and p.name != DISTRICT_FILE
                            and not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            plans.append(path)
    return list(dict.fromkeys(plans))


def build_one(plan: Path, out_root: Path, templates: Path | None, pdf: bool, force: bool,
              extra: Extra | None = None) -> Outcome:
    """Build one plan (or skip it when unchanged); never raises for a user error."""
    from tambondoc.build.incremental import is_current
    from tambondoc.build.plan import build_plan, output_dir
    from tambondoc.docx.jobs import template_inputs

    try:
        inputs = template_inputs(plan, templates) + (extra.inputs(templates) if extra is not None else [])
        if not force and is_current(plan, output_dir(plan, out_root), pdf, inputs):
            return Outcome(plan, Status.UNCHANGED)
        result = build_plan(plan, out_root, templates, pdf, extra)
    except PlanError as e:
        message = str(e).removeprefix(f"{plan}: ") if not e.problems else "แผนไม่ผ่านการตรวจสอบ"
        return Outcome(plan, Status.FAILED, message, problems=e.problems)
    except Exception as e:  # a bug must not take the other plans down; report it as one
        return Outcome(plan, Status.FAILED, f"ข้อผิดพลาดภายในโปรแกรม: {type(e).__name__}: {e}")
    return Outcome(plan, Status.BUILT, written=result.written, warnings=result.warnings, notes=result.notes)


def _same_outputs(plans: list[Path]) -> dict[Path, str]:
    """Plans whose output folder would collide with another plan's (same file stem)."""
    seen: dict[str, Path] = {}
    clashes = {}
    for plan in plans:
        if plan.stem in seen:
            clashes[plan] = f"ชื่อไฟล์ซ้ำกับ {seen[plan.stem]} ผลลัพธ์จะทับกัน ให้เปลี่ยนชื่อไฟล์แผน"
        else:
            seen[plan.stem] = plan
    return clashes


def build_many(plans: list[Path], out_root: Path, templates: Path | None = None, pdf: bool = False,
               force: bool = False, jobs: int | None = None, extra: Extra | None = None) -> Iterator[Outcome]:
    """Yield one Outcome per plan as each finishes (in parallel when ``jobs`` > 1); ``extra``
    documents (a district's) are built into each plan's folder too."""
    clashes = _same_outputs(plans)
    for plan, message in clashes.items():
        yield Outcome(plan, Status.FAILED, message)
    todo = [p for p in plans if p not in clashes]
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
    if jobs == 1:
        for plan in todo:
            yield build_one(plan, out_root, templates, pdf, force, extra)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed  # multiprocessing: 10 ms to import

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(build_one, plan, out_root, templates, pdf, force, extra) for plan in todo]
        for future in as_completed(futures):
            yield future.result()
