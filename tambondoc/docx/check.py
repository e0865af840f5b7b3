"""Check .docx templates against the rendering context before a district relies on them.

Each template is read the way docxtpl reads it (tags split across Word runs are joined by
docxtpl's own ``patch_xml``), parsed for syntax, and then rendered against a real plan's
context with an Undefined that records every missing variable instead of stopping at the first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import ChainableUndefined, TemplateSyntaxError, meta, nodes

from tambondoc.check.validate import validate_file
from tambondoc.context.build import build_context
from tambondoc.docx.environment import make_environment
from tambondoc.docx.jobs import document_jobs
from tambondoc.docx.templates import find_template, unreadable
from tambondoc.errors import PlanError, PlanInvalid, Problem
from tambondoc.resources import sample_plan

HEADER_URI = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
FOOTER_URI = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"


@dataclass
class TemplateReport:
    """What one template uses and what is wrong with it."""

    name: str
    path: Path
    variables: set[str] = field(default_factory=set)
    filters: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)

    def add(self, message: str, rule: str, line: int = 1) -> None:
        self.problems.append(Problem(str(self.path), line, 1, message, rule=rule))


def _text_around(xml: str, lineno: int | None) -> str:
    lines = xml.splitlines()
    if not lineno:
        return ""
    chunk = " ".join(lines[max(lineno - 2, 0): lineno + 1])
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", chunk)).strip()
    return text[:160]


def _parts(tpl: Any) -> list[tuple[str, str]]:
    """(part name, jinja-ready xml) for the body, headers and footers."""
    tpl.init_docx()
    parts = [("body", tpl.patch_xml(tpl.get_xml()))]
    for uri, label in ((HEADER_URI, "header"), (FOOTER_URI, "footer")):
        for _, part in tpl.get_headers_footers(uri):
            parts.append((f"{label} {part.partname}", tpl.patch_xml(tpl.get_part_xml(part))))
    return [(name, re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)) for name, xml in parts]


def _recorder(missing: list[str]) -> type[ChainableUndefined]:
    class Recording(ChainableUndefined):
        """Records each missing name and lets rendering go on."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            if self._undefined_name is not None and not isinstance(self._undefined_obj, Recording):
                missing.append(str(self._undefined_name))

    return Recording


def check_template(name: str, path: Path, context: dict[str, Any]) -> TemplateReport:
    """Syntax, variables, filters and missing context of one template."""
    from docxtpl import DocxTemplate

    report = TemplateReport(name, path)
    env = make_environment()
    try:
        tpl = DocxTemplate(str(path))
        parts = _parts(tpl)
    except Exception as e:  # not a .docx at all
        report.add(unreadable(path, e, named=False), "template-open")
        return report
    for part, xml in parts:
        try:
            ast = env.parse(xml)
        except TemplateSyntaxError as e:
            report.add(f"ไวยากรณ์ Jinja ผิด ({part}): {e.message} ใกล้ข้อความ: «{_text_around(xml, e.lineno)}»",
                       "template-syntax", e.lineno or 1)
            continue
        for node in ast.find_all(nodes.Filter):
            report.filters.add(node.name)
            if node.name not in env.filters:
                report.add(f"ไม่มีตัวกรอง '{node.name}' ({part}) (มี {', '.join(sorted(env.filters))})",
                           "template-filter", node.lineno or 1)
        if not report.problems:
            report.variables |= meta.find_undeclared_variables(ast)
    if report.problems:
        return report
    missing: list[str] = []
    env.undefined = _recorder(missing)
    try:
        DocxTemplate(str(path)).render({**context, "image": lambda *a, **k: ""}, env, autoescape=True)
    except Exception as e:  # a filter fed a missing value, a sandbox violation, ...
        report.add(f"แสดงผลไม่ได้: {type(e).__name__}: {e}", "template-render")
    for var in dict.fromkeys(missing):
        report.add(f"ใช้ตัวแปร '{var}' ที่ข้อมูลแผนไม่มี", "template-variable")
    return report


def check_templates(templates: Path | None = None, plan: Path | None = None) -> list[TemplateReport]:
    """Check every template the build would use for ``plan`` (default: the example plan)."""
    plan = plan or sample_plan()
    checked = validate_file(plan)
    if not checked.ok:
        raise PlanInvalid(f"{plan}: แผนไม่ผ่านการตรวจสอบ", checked.problems)
    jobs, _ = document_jobs(plan, build_context(checked.data), templates)
    seen: dict[str, Any] = {}
    for job in jobs:
        seen.setdefault(job.template, job.context)
    reports = []
    for name, context in seen.items():
        try:
            path = find_template(name, plan, templates)
        except PlanError as e:
            reports.append(TemplateReport(name, Path(name)))
            reports[-1].add(str(e), "template-missing")
            continue
        reports.append(check_template(name, path, context))
    return reports
