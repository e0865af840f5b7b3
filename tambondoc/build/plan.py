"""Build a plan's documents: validate, compute, render everything in memory, then write.

Nothing is written until every document has rendered, so a failed build leaves the
previous good outputs in place (mkdocs' gather-then-write).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from tambondoc.build.incremental import image_inputs, make_stamp, write_stamp
from tambondoc.check.validate import validate_file
from tambondoc.context.build import build_context
from tambondoc.docx.jobs import document_jobs, template_inputs
from tambondoc.docx.render import render_docx
from tambondoc.docx.templates import find_template
from tambondoc.errors import PlanError, PlanInvalid
from tambondoc.files import inside, safe_name, write_atomic
from tambondoc.thai import parse_be_date


class Extra(Protocol):
    """More documents a plan's build writes into its folder, from inputs beyond the plan (a district
    adds its ศอช. order and announcement, from district.yaml). Picklable: it crosses to the workers."""

    def inputs(self, templates: Path | None) -> list[Path]:
        """The files the extra documents are made from (for incremental builds)."""
        ...

    def render(self, plan: Path, data: dict[str, Any], templates: Path | None
               ) -> tuple[dict[str, bytes], list[str], list[str]]:
        """{file name: bytes}, warnings and notes, for a validated plan."""
        ...


@dataclass
class BuildResult:
    """What one plan's build wrote and what the user should know about it."""

    plan: Path
    outdir: Path
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def render_all(plan: Path, data: dict[str, Any], templates: Path | None = None
               ) -> tuple[dict[str, bytes], list[str], list[str]]:
    """Every output of a validated plan as {file name: bytes}, plus warnings and notes."""
    from tambondoc.xlsx.coordination import coordination_workbook

    base = plan.resolve().parent
    jobs, notes = document_jobs(plan, build_context(data), templates)
    outputs: dict[str, bytes] = {}
    warnings: list[str] = []
    for job in jobs:
        content, warns = render_docx(find_template(job.template, plan, templates), job.context, base,
                                     parse_be_date(job.date))
        outputs[job.output] = content
        warnings.extend(f"{job.output}: {w}" for w in warns)
        if "lg" in job.context:
            outputs[Path(job.output).with_suffix(".xlsx").name] = coordination_workbook(job.context, job.context["lg"])
    return outputs, warnings, notes


def output_dir(plan: Path, out_root: Path) -> Path:
    return out_root / safe_name(plan.stem)


def build_plan(plan: Path, out_root: Path, templates: Path | None = None, pdf: bool = False,
               extra: Extra | None = None) -> BuildResult:
    """Validate and build one plan into ``out_root/<plan stem>/``; raise PlanError on failure."""
    checked = validate_file(plan)
    if not checked.ok:
        raise PlanInvalid(f"{plan}: แผนไม่ผ่านการตรวจสอบ", checked.problems)
    try:
        outputs, warnings, notes = render_all(plan, checked.data, templates)
        if extra is not None:
            more, more_warnings, more_notes = extra.render(plan, checked.data, templates)
            outputs.update(more)
            warnings += more_warnings
            notes += more_notes
    except PlanError as e:
        raise PlanError(f"{plan}: {e}") from e
    result = BuildResult(plan, output_dir(plan, out_root), warnings=warnings, notes=notes)
    targets = {name: inside(result.outdir, name) for name in outputs}
    for name, content in outputs.items():
        write_atomic(targets[name], content)
        result.written.append(targets[name])
    if pdf:
        from tambondoc.build.pdf import convert_to_pdf

        result.written += convert_to_pdf([p for p in result.written if p.suffix == ".docx"], result.outdir)
    inputs = image_inputs(plan, checked.data) + template_inputs(plan, templates)
    inputs += extra.inputs(templates) if extra is not None else []
    write_stamp(result.outdir, make_stamp(plan, inputs, result.written, pdf))
    return result
