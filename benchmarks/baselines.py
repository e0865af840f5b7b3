"""The two docxtpl baselines tambondoc is measured against: the same .docx templates, the same
context, a plain Jinja environment with the same filters, rendered and saved to memory.

- bare: docxtpl used as its documentation shows. It re-cleans every template part
  (``patch_xml``) and recompiles its Jinja source on every render.
- cached: the strong baseline. Those two steps depend only on the template, so a small subclass
  does them once per process (``CachedDocxTemplate``) and the Jinja environment keeps every
  template it compiled (``CachingEnvironment``). This is what anyone rendering thousands of
  documents with docxtpl would write first.
"""

from __future__ import annotations

import io
import time
from pathlib import Path
from typing import Any

from jinja2 import Environment, Template

# (template path, context) of each .docx a plan produces; the context is built once per plan
Jobs = list[Any]


class CachingEnvironment(Environment):
    """A Jinja environment that compiles each source once (parts and core properties alike)."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.compiled: dict[str, Template] = {}

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Template:
        found = self.compiled.get(source) if globals is None and template_class is None else None
        if found is None:
            found = super().from_string(source, globals, template_class)
            if globals is None and template_class is None:
                self.compiled[source] = found
        return found


def cached_class() -> type:
    """docxtpl's DocxTemplate with ``patch_xml`` memoised by the part's XML text."""
    from docxtpl import DocxTemplate

    patched: dict[str, str] = {}

    class CachedDocxTemplate(DocxTemplate):  # type: ignore[misc]
        def patch_xml(self, src_xml: str) -> str:
            found = patched.get(src_xml)
            if found is None:
                found = patched[src_xml] = super().patch_xml(src_xml)
            return found

    return CachedDocxTemplate


_CACHED: dict[str, Any] = {}


def environment(cached: bool) -> Environment:
    """A plain autoescaping environment with tambondoc's filters; one per process when cached."""
    from tambondoc.docx.environment import FILTERS

    if cached and "env" in _CACHED:
        return _CACHED["env"]  # type: ignore[no-any-return]
    env = CachingEnvironment(autoescape=True) if cached else Environment(autoescape=True)
    env.filters.update(FILTERS)
    if cached:
        _CACHED["env"] = env
    return env


def jobs_of(plan: Path) -> Jobs:
    """The plan's .docx jobs (template path, context), as the build renders them."""
    from tambondoc.context.build import build_context
    from tambondoc.docx.jobs import document_jobs
    from tambondoc.docx.templates import find_template
    from tambondoc.plan.load import load_plan

    _, data = load_plan(plan)
    jobs, _ = document_jobs(plan, build_context(data))
    return [(find_template(job.template, plan), job.context) for job in jobs]


def docxtpl_render(jobs: Jobs, base: Path, cached: bool) -> float:
    """Seconds docxtpl takes to render and save ``jobs`` (bare, or with its preparation cached)."""
    from docxtpl import DocxTemplate

    from tambondoc.docx.render import ImageLoader

    if cached and "class" not in _CACHED:
        _CACHED["class"] = cached_class()
    cls = _CACHED["class"] if cached else DocxTemplate
    started = time.perf_counter()
    for template, context in jobs:
        tpl = cls(str(template))
        tpl.render({**context, "image": ImageLoader(tpl, base)}, environment(cached), autoescape=True)
        tpl.save(io.BytesIO())
    return time.perf_counter() - started


def own_render(jobs: Jobs, base: Path) -> float:
    """Seconds tambondoc takes to render the same .docx documents (no validation, no Excel)."""
    from tambondoc.docx.render import render_docx

    started = time.perf_counter()
    for template, context in jobs:
        render_docx(template, context, base)
    return time.perf_counter() - started
