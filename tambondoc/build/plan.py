"""Build a plan's documents: validate, compute, render everything in memory, then write.

Nothing is written until every document has rendered and every output name has been checked,
so a failed build leaves the previous good outputs in place (mkdocs' gather-then-write). The
plan is read once: the bytes validated are the bytes built and recorded in the stamp.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from tambondoc.build.images import image_sizes, large_images
from tambondoc.build.incremental import STAMP, bytes_digest, image_inputs, make_stamp, previous_outputs, write_stamp
from tambondoc.check.validate import validate_file
from tambondoc.context.build import build_context
from tambondoc.context.types import Context
from tambondoc.docx.jobs import Job, document_jobs, template_inputs
from tambondoc.docx.render import render_docx
from tambondoc.docx.templates import find_template
from tambondoc.errors import PlanError, PlanInvalid
from tambondoc.files import check_name, name_key, remove_temporaries, safe_name, write_atomic
from tambondoc.thai import parse_be_date

OUTPUT_SUFFIXES = (".docx", ".xlsx", ".pdf")
OUTPUT_PREFIXES = ("plan-book", "kbt-order", "coordination-", "socho-")  # what a build may remove when it no longer makes it


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
    removed: list[Path] = field(default_factory=list)


def output_names(jobs: list[Job], pdf: bool) -> dict[str, str]:
    """Every file name a build writes, from its jobs (each .docx, an .xlsx beside each
    coordination list, the PDFs, the stamp), with the อปท. id it is made for (or "")."""
    names: dict[str, str] = {}
    for job in jobs:
        lg = str(job.context["lg"]["id"]) if "lg" in job.context else ""
        names[job.output] = lg
        if lg:
            names[str(Path(job.output).with_suffix(".xlsx"))] = lg
        if pdf:
            names[str(Path(job.output).with_suffix(".pdf"))] = lg
    names[STAMP] = ""
    return names


def check_outputs(outdir: Path, names: dict[str, str]) -> None:
    """Refuse, before anything is written, a name the file system cannot hold, a folder where a
    file goes, and two outputs that would be one file on some system ('a' and 'A', an อปท. id
    'x' and 'x.')."""
    check_name(outdir.parent, outdir.name)
    seen: dict[str, str] = {}
    for name, lg in names.items():
        target = check_name(outdir, name)
        if target.is_dir() and not target.is_symlink():
            raise PlanError(f"{target}: เป็นโฟลเดอร์ เขียนไฟล์ผลลัพธ์ทับไม่ได้ ให้ย้ายโฟลเดอร์นี้ออก")
        key = name_key(name)
        if key in seen:
            first = seen[key]
            ids = f" (รหัส อปท. '{names[first]}' และ '{lg}')" if names[first] and lg else ""
            raise PlanError(f"ไฟล์ผลลัพธ์ {first} กับ {name} จะเป็นไฟล์เดียวกัน{ids} "
                            "ให้เปลี่ยนรหัสให้ต่างกันมากกว่าตัวพิมพ์ใหญ่/เล็กหรือจุดท้ายรหัส")
        seen[key] = name


def render_all(plan: Path, context: Context, templates: Path | None = None,
               outdir: Path | None = None, pdf: bool = False) -> tuple[dict[str, bytes], list[str], list[str]]:
    """Every output of a validated plan (``context``, from ``build_context``) as {file name: bytes},
    plus warnings and notes.

    With ``outdir``, every output name is checked there before anything is rendered.
    """
    from tambondoc.xlsx.coordination import coordination_workbook

    base = plan.resolve().parent
    jobs, notes = document_jobs(plan, context, templates)
    if outdir is not None:
        check_outputs(outdir, output_names(jobs, pdf))
    done: dict[int, tuple[dict[str, bytes], list[str]]] = {}
    for i in _largest_first(jobs):
        job = jobs[i]
        content, warns = render_docx(find_template(job.template, plan, templates), job.context, base,
                                     parse_be_date(job.date))
        made = {job.output: content}
        if "lg" in job.context:
            made[Path(job.output).with_suffix(".xlsx").name] = coordination_workbook(job.context, job.context["lg"])
        done[i] = made, [f"{job.output}: {w}" for w in warns]
    outputs = {name: content for i in range(len(jobs)) for name, content in done[i][0].items()}
    return outputs, [w for i in range(len(jobs)) for w in done[i][1]], notes


def _largest_first(jobs: list[Job]) -> list[int]:
    """The order to render ``jobs`` in: the coordination lists first (each holds all its อปท.'s
    projects in one table, a plan's largest), then the others as listed. Memory a document frees
    is not all given back, so a build's peak is its largest table on top of what the documents
    before it left: with the plan's data let go, 5,000 projects 160 -> 147 MB, 20,000 projects
    418 -> 396 MB."""
    return sorted(range(len(jobs)), key=lambda i: "lg" not in jobs[i].context)


def output_dir(plan: Path, out_root: Path) -> Path:
    """``out_root/<plan stem>``: the stem as it is (Thai marks and all), only characters no file
    system allows replaced."""
    return out_root / safe_name(plan.stem)


def prepare_outdir(outdir: Path) -> None:
    """Refuse an output folder that is a link to elsewhere, and clear what a killed build left."""
    if outdir.is_symlink():
        raise PlanError(f"{outdir}: โฟลเดอร์ผลลัพธ์เป็นลิงก์ (symlink) ไปที่อื่น จึงไม่เขียนผ่านลิงก์ "
                        "ให้ลบลิงก์นี้หรือใช้ -o โฟลเดอร์อื่น")
    if outdir.exists() and not outdir.is_dir():
        raise PlanError(f"{outdir}: มีไฟล์ชื่อเดียวกับโฟลเดอร์ผลลัพธ์อยู่แล้ว ให้ย้ายไฟล์นี้หรือใช้ -o โฟลเดอร์อื่น")
    remove_temporaries(outdir)


def _ours(name: str) -> bool:
    return Path(name).name == name and name.startswith(OUTPUT_PREFIXES) and name.endswith(OUTPUT_SUFFIXES)


def remove_stale(outdir: Path, previous: list[str], written: list[Path]) -> list[Path]:
    """Remove the outputs the last build made (as its stamp says) that this one did not:
    the coordination files of a renamed อปท., PDFs no longer made. Never anything else."""
    keep = {name_key(p.name) for p in written}
    removed = []
    for name in previous:
        if not _ours(name) or name_key(name) in keep:
            continue
        path = outdir / name
        try:
            if path.is_symlink() or path.is_file():
                os.unlink(path)
                removed.append(path)
        except OSError:
            continue
    return removed


def build_plan(plan: Path, out_root: Path, templates: Path | None = None, pdf: bool = False,
               extra: Extra | None = None) -> BuildResult:
    """Validate and build one plan into ``out_root/<plan stem>/``; raise PlanError on failure."""
    checked = validate_file(plan)
    if not checked.ok:
        raise PlanInvalid(f"{plan}: แผนไม่ผ่านการตรวจสอบ", checked.problems)
    # the file's bytes and text are let go before rendering: 9.5 MB of a 5,000-project plan
    data, plan_digest = checked.data, bytes_digest(checked.raw)
    del checked
    images, large = image_inputs(plan, data), image_sizes(plan, data)
    result = BuildResult(plan, output_dir(plan, out_root))
    prepare_outdir(result.outdir)
    try:
        extras = extra.render(plan, data, templates) if extra is not None else None
        context = build_context(data)
        del data  # the context holds copies of all it needs: 7 MB of a 5,000-project plan let go
        outputs, result.warnings, result.notes = render_all(plan, context, templates, result.outdir, pdf)
        if extras is not None:
            more, more_warnings, more_notes = extras
            names = {**{name: "" for name in outputs}, **{name: "" for name in more}}
            names.update({str(Path(name).with_suffix(".pdf")): "" for name in more if pdf})
            check_outputs(result.outdir, names)
            outputs.update(more)
            result.warnings += more_warnings
            result.notes += more_notes
    except PlanError as e:
        raise PlanError(f"{plan}: {e}") from e
    result.warnings += large_images(large, outputs)
    previous = previous_outputs(result.outdir)
    for name, content in outputs.items():
        target = result.outdir / name
        write_atomic(target, content)
        result.written.append(target)
    if pdf:
        from tambondoc.build.pdf import convert_to_pdf

        result.written += convert_to_pdf([p for p in result.written if p.suffix == ".docx"], result.outdir)
    result.removed = remove_stale(result.outdir, previous, result.written)
    inputs = images + template_inputs(plan, templates)
    inputs += extra.inputs(templates) if extra is not None else []
    write_stamp(result.outdir, make_stamp(plan, plan_digest, inputs, result.written, pdf))
    return result
