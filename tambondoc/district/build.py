"""Build a whole district: every tambon's documents as ``build`` makes them plus its ศอช. order and
announcement (in parallel, skipping unchanged tambons), then the district's own documents in
``OUT/_district/``: the report to the province, the needs plan (.docx, .xlsx), the coordination
lists by อปท., the district's ศอช. order and announcement, and with ``--pdf`` every order and
announcement of the district in one PDF to sign and scan.

Nothing is written when anything is invalid: the district is validated whole first. The district's
documents are rebuilt when district.yaml, a current plan or one of their templates changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tambondoc.build.batch import Outcome, Status, build_many
from tambondoc.build.incremental import bytes_digest, is_current, make_stamp, write_stamp
from tambondoc.build.plan import output_dir, prepare_outdir
from tambondoc.check.district import DistrictResult, validate_district
from tambondoc.check.rules import CROSS_RULES
from tambondoc.context.build import build_context
from tambondoc.context.district import DistrictContext, district_context, register_order
from tambondoc.context.orders import numeral_settings
from tambondoc.district.documents import (
    TambonDocuments,
    district_documents,
    district_inputs,
    load_district,
    sample_documents,
)
from tambondoc.docx.render import render_docx
from tambondoc.docx.templates import find_template
from tambondoc.errors import PlanError, PlanInvalid, Problem
from tambondoc.files import inside, write_atomic
from tambondoc.plan.district import DISTRICT_FILE, OUTPUT_FOLDER, District, Files
from tambondoc.xlsx.district_coordination import district_coordination_workbook
from tambondoc.xlsx.district_report import report_workbook
from tambondoc.xlsx.needs import needs_workbook

NEEDS_TEMPLATE = "needs-plan.docx"
ORDERS_PDF = "orders.pdf"
TAMBON_PAPERS = ("kbt-order", "socho-order", "socho-announcement")  # in orders.pdf, after the district's


@dataclass
class DistrictOutcome:
    """How the district's own documents ended: built, unchanged or failed."""

    folder: Path
    status: Status
    message: str = ""
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class DistrictBuild:
    """Every tambon's outcome and the district's."""

    folder: Path
    tambons: list[Outcome]
    district: DistrictOutcome
    notes: list[str] = field(default_factory=list)


def _needs_context(district: District, context: DistrictContext) -> dict[str, Any]:
    return {"settings": numeral_settings(district["settings"]), "district": context["district"], "needs": context["needs"]}


def _needs_plan(district_file: Path, district: District, context: DistrictContext, templates: Path | None) -> bytes:
    content, _ = render_docx(find_template(NEEDS_TEMPLATE, district_file, templates), _needs_context(district, context),
                             district_file.resolve().parent)
    return content


def template_contexts(folder: Path) -> dict[str, dict[str, Any]]:
    """{template: the context a build of this district gives it} for its own templates (the ศอช.
    order and announcement as the district's, else its first tambon's, and the needs plan), for
    ``templates check --district``."""
    checked = validate_district(folder)
    if not checked.ok or checked.files is None:
        raise PlanInvalid(f"{folder}: อำเภอไม่ผ่านการตรวจสอบ", [p for p in checked.problems if p.level == "error"])
    district = load_district(folder / DISTRICT_FILE)
    plans = [(s.name, s.data, build_context(s.data)) for s in checked.files.current]
    found = {NEEDS_TEMPLATE: _needs_context(district, district_context(district, plans))}
    found.update(sample_documents(district, [data for _, data, _ in plans]))
    return found


def render_district(district_file: Path, files: Files, templates: Path | None
                    ) -> tuple[dict[str, bytes], list[str], list[str]]:
    """Every document of the district itself, as {file name: bytes}, with warnings and notes."""
    district = load_district(district_file)
    plans = [(s.name, s.data, build_context(s.data)) for s in files.current]
    context = district_context(district, plans)
    outputs, warnings, notes = district_documents(district_file, district, templates)
    outputs.update({"report.xlsx": report_workbook(context), "needs-plan.xlsx": needs_workbook(context),
                    "needs-plan.docx": _needs_plan(district_file, district, context, templates),
                    "coordination-district.xlsx": district_coordination_workbook(context)})
    return outputs, warnings, notes


def _inputs(district_file: Path, files: Files, templates: Path | None) -> list[Path]:
    return district_inputs(district_file, templates, (NEEDS_TEMPLATE,)) + [Path(s.name) for s in files.current]


def _orders_pdf(outdir: Path, out_root: Path, files: Files) -> Path | None:
    """Every order and announcement of the district, in one PDF: the district's, then each tambon's."""
    from tambondoc.build.pdf import join_pdfs

    parts = [outdir / f"socho-district-{kind}.pdf" for kind in ("order", "announcement")]
    for source in register_order(list(files.current), lambda s: s.data):
        parts += [output_dir(Path(source.name), out_root) / f"{kind}.pdf" for kind in TAMBON_PAPERS]
    found = [p for p in parts if p.is_file()]
    return join_pdfs(found, outdir / ORDERS_PDF) if found else None


def _district_outputs(folder: Path, files: Files, out_root: Path, templates: Path | None, pdf: bool,
                      force: bool) -> DistrictOutcome:
    district_file = folder / DISTRICT_FILE
    outdir = out_root / OUTPUT_FOLDER
    inputs = _inputs(district_file, files, templates)
    try:
        prepare_outdir(outdir)  # a file or a link at its name is said as a tambon's folder's is
        if not force and is_current(district_file, outdir, pdf, inputs):
            return DistrictOutcome(folder, Status.UNCHANGED)
        outputs, warnings, notes = render_district(district_file, files, templates)
    except PlanError as e:
        return DistrictOutcome(folder, Status.FAILED, str(e))
    result = DistrictOutcome(folder, Status.BUILT, warnings=warnings, notes=notes)
    try:  # a write that fails (a full disk) fails the district's documents, with its reason
        for name, content in outputs.items():
            target = inside(outdir, name)
            write_atomic(target, content)
            result.written.append(target)
    except PlanError as e:
        return DistrictOutcome(folder, Status.FAILED, str(e), result.written, warnings, notes)
    if pdf:
        from tambondoc.build.pdf import convert_to_pdf

        try:
            result.written += convert_to_pdf([p for p in result.written if p.suffix == ".docx"], outdir)
            joined = _orders_pdf(outdir, out_root, files)
        except PlanError as e:
            return DistrictOutcome(folder, Status.FAILED, str(e), result.written, warnings, notes)
        result.written += [joined] if joined else []
    try:
        write_stamp(outdir, make_stamp(district_file, bytes_digest(district_file.read_bytes()), inputs, result.written, pdf))
    except PlanError as e:
        return DistrictOutcome(folder, Status.FAILED, str(e), result.written, warnings, notes)
    return result


def _district_warnings(checked: DistrictResult) -> dict[str, list[Problem]]:
    """{plan: the warnings only the district as a whole finds in it} (an order signed by someone
    other than the chief, a small workshop, ...): a plan's own build cannot know them, and the
    documents it writes are the ones they are about."""
    ids = {rule.ID for rule in CROSS_RULES}
    return {r.file: found for r in checked.plans
            if (found := [p for p in r.problems if p.level == "warning" and p.rule in ids])}


def build_district(folder: Path, out_root: Path, templates: Path | None = None, pdf: bool = False,
                   force: bool = False, jobs: int | None = None,
                   progress: Callable[[Any], Any] | None = None) -> DistrictBuild:
    """Validate the district whole, then build its tambons and its own documents; raise
    PlanInvalid (nothing written) when anything is invalid. ``progress`` wraps the stream of the
    tambons' outcomes (a progress bar)."""
    checked = validate_district(folder)
    if not checked.ok or checked.files is None:
        raise PlanInvalid(f"{folder}: อำเภอไม่ผ่านการตรวจสอบ จึงไม่ได้สร้างเอกสารใด ให้แก้ตามรายการข้างบน",
                          [p for p in checked.problems if p.level == "error"])
    files = checked.files
    plans = [Path(s.name) for s in files.current]
    stream = build_many(plans, out_root, templates, pdf, force, jobs, TambonDocuments(folder / DISTRICT_FILE))
    outcomes = list(progress(stream) if progress else stream)
    warned = _district_warnings(checked)
    for outcome in outcomes:
        outcome.problems = outcome.problems + warned.get(str(outcome.plan), [])
    notes = [f"{name}: มีแผนฉบับใหม่กว่า ({newer.name}) จึงไม่สร้างเอกสาร" for name, newer in files.superseded.items()]
    if any(o.status is Status.FAILED for o in outcomes):
        district = DistrictOutcome(folder, Status.FAILED, "ไม่ได้สร้างเอกสารของอำเภอ เพราะมีตำบลที่สร้างไม่สำเร็จ")
    else:
        district = _district_outputs(folder, files, out_root, templates, pdf, force)
    return DistrictBuild(folder, outcomes, district, notes)
