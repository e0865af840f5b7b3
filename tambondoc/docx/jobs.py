"""Which .docx documents a plan produces, from which templates, with which context.

The build renders exactly these jobs and ``templates check`` checks templates against the same
contexts, so a template that passes the check renders.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tambondoc.context.types import Context
from tambondoc.docx.templates import TEMPLATE_FILES, find_template
from tambondoc.errors import PlanError
from tambondoc.files import safe_name


@dataclass(frozen=True)
class Job:
    """One .docx to render: which template, which output file, with what context."""

    template: str
    output: str
    context: Context
    date: str | None = None  # the document's own date (พ.ศ.): its properties and zip entries carry it


def emblem(owner: Path, own: str | None, templates: Path | None = None) -> str:
    """The Garuda for an order: ``own`` (relative to the file ``owner`` that names it), else
    garuda.png among the templates, absolute: the image loader reads a relative path from the
    plan's folder, and ``--templates templates/docx`` is relative to where the command runs (the
    order was built without its emblem, with a warning only)."""
    if own:
        return str((owner.resolve().parent / own).resolve())
    try:
        return str(find_template("garuda.png", owner, templates).resolve())
    except PlanError:
        return "garuda.png"  # missing: the image loader turns this into a warning


def garuda_path(plan: Path, context: Context, templates: Path | None = None) -> str:
    """The emblem for the order: the plan's own image, else garuda.png among the templates."""
    return emblem(plan, context["settings"].get("garuda_image"), templates)


def document_jobs(plan: Path, context: Context, templates: Path | None = None
                  ) -> tuple[list[Job], list[str]]:
    """Every .docx a plan produces, and notes on the ones it does not (an อปท. without projects).

    ``templates check`` uses the same list, so it checks templates against exactly the context
    the build gives them.
    """
    context = {**context, "garuda_image": garuda_path(plan, context, templates)}
    approved = context["plan"].get("approved_on")
    jobs = [Job("plan-book.docx", "plan-book.docx", context, approved),
            Job("kbt-order.docx", "kbt-order.docx", context, context["committee"]["order"]["date"])]
    notes = []
    for lg in context["local_governments"]:
        if not lg["totals"]["count"]:
            notes.append(f"{lg['name']} ({lg['id']}) ไม่มีโครงการที่ส่งให้ จึงไม่สร้างบัญชีประสานโครงการ")
            continue
        jobs.append(Job("coordination.docx", f"coordination-{safe_name(lg['id'])}.docx", {**context, "lg": lg},
                        approved))
    return jobs, notes


def template_inputs(plan: Path, templates: Path | None = None) -> list[Path]:
    """The template files a build of ``plan`` would use now (for incremental builds)."""
    found = []
    for name in TEMPLATE_FILES:
        try:
            found.append(find_template(name, plan, templates))
        except PlanError:
            continue
    return found
