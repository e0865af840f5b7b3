"""Render the district's ศอช. orders and announcements: per tambon (into the tambon's folder, as
an ``Extra`` of its build) and the district's own pair.

Templates are found as for a plan (``--templates``, the repository's ``templates/docx``, the
defaults), looked up from district.yaml; the emblem is district.yaml's ``settings.garuda_image``
or the templates' garuda.png.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from tambondoc.context.build import with_defaults
from tambondoc.context.orders import (
    DISTRICT_LEVEL,
    OrderDoc,
    announcement,
    document_context,
    group_order,
    signer,
    tambon_level,
)
from tambondoc.docx.jobs import emblem
from tambondoc.docx.render import render_docx
from tambondoc.docx.templates import find_template
from tambondoc.errors import PlanError
from tambondoc.plan.district import District
from tambondoc.plan.load import load_plan
from tambondoc.plan.schema import district_schema, schema
from tambondoc.plan.types import Plan

ORDER_TEMPLATE, ANNOUNCEMENT_TEMPLATE = "socho-order.docx", "socho-announcement.docx"


def load_district(path: Path) -> District:
    """A validated district.yaml with every optional field filled (as a plan's for the context)."""
    return cast(District, with_defaults(load_plan(path)[1], district_schema()))


def garuda(district_file: Path, district: District, templates: Path | None) -> str:
    """The emblem for the district's documents: its own image, else garuda.png among the templates."""
    settings = district["settings"]
    return emblem(district_file, settings["garuda_image"] if settings else None, templates)


def render(docs: dict[str, tuple[str, OrderDoc | None]], district_file: Path, district: District,
           templates: Path | None, missing: str) -> tuple[dict[str, bytes], list[str], list[str]]:
    """{output: (template, doc)} rendered; a doc that is None gets a note (``missing`` names the
    field that would make it) instead of a file."""
    outputs: dict[str, bytes] = {}
    warnings: list[str] = []
    notes: list[str] = []
    emblem = garuda(district_file, district, templates)
    base = district_file.resolve().parent
    for output, (template, doc) in docs.items():
        if doc is None:
            part = "working_group" if template == ORDER_TEMPLATE else "committee"
            notes.append(f"ไม่มี {missing}.{part} จึงไม่สร้าง {output}")
            continue
        context = {**document_context(doc, district["settings"]), "garuda_image": emblem}
        content, warns = render_docx(find_template(template, district_file, templates), context, base)
        outputs[output] = content
        warnings += [f"{output}: {w}" for w in warns]
    return outputs, warnings, notes


def district_inputs(district_file: Path, templates: Path | None, names: tuple[str, ...] = ()) -> list[Path]:
    """district.yaml and the templates (the ศอช. ones, the emblem, and ``names``) its documents use now,
    and the district's own emblem when it has one: a new image rebuilds every order."""
    found = [district_file]
    for name in (ORDER_TEMPLATE, ANNOUNCEMENT_TEMPLATE, "garuda.png", *names):
        try:
            found.append(find_template(name, district_file, templates))
        except PlanError:
            continue
    try:
        settings = load_district(district_file)["settings"]
    except PlanError:  # the build reports it
        return found
    if settings and settings["garuda_image"]:
        found.append(Path(emblem(district_file, settings["garuda_image"])))
    return found


@dataclass(frozen=True)
class TambonDocuments:
    """A tambon's ศอช. order and announcement, made with its district (an ``Extra`` of its build)."""

    district_file: Path

    def inputs(self, templates: Path | None) -> list[Path]:
        return district_inputs(self.district_file, templates)

    def render(self, plan: Path, data: dict[str, Any], templates: Path | None
               ) -> tuple[dict[str, bytes], list[str], list[str]]:
        district = load_district(self.district_file)
        filled = cast(Plan, with_defaults(data, schema()))
        level, amphoe, by = tambon_level(filled["tambon"]["name"]), district["district"]["amphoe"], signer(district)
        return render({"socho-order.docx": (ORDER_TEMPLATE, group_order(filled["socho"], level, amphoe, by)),
                       "socho-announcement.docx": (ANNOUNCEMENT_TEMPLATE,
                                                   announcement(filled["socho"], level, amphoe, by))},
                      self.district_file, district, templates, "socho")


def district_documents(district_file: Path, district: District, templates: Path | None
                       ) -> tuple[dict[str, bytes], list[str], list[str]]:
    """The district's own ศอช. order and announcement."""
    amphoe, by = district["district"]["amphoe"], signer(district)
    return render({"socho-district-order.docx": (ORDER_TEMPLATE,
                                                 group_order(district["socho"], DISTRICT_LEVEL, amphoe, by)),
                   "socho-district-announcement.docx": (ANNOUNCEMENT_TEMPLATE,
                                                        announcement(district["socho"], DISTRICT_LEVEL, amphoe, by))},
                  district_file, district, templates, "socho")


def sample_documents(district: District, plans: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """{template: a context it is rendered with}: the district's own order and announcement, else
    the first tambon's that has them (for ``templates check``)."""
    amphoe, by = district["district"]["amphoe"], signer(district)
    found: dict[str, dict[str, Any]] = {}
    filled = [cast(Plan, with_defaults(data, schema())) for data in plans]
    candidates = [(district["socho"], DISTRICT_LEVEL)] + [(p["socho"], tambon_level(p["tambon"]["name"])) for p in filled]
    for socho, level in candidates:
        for name, make in ((ORDER_TEMPLATE, group_order), (ANNOUNCEMENT_TEMPLATE, announcement)):
            doc = make(socho, level, amphoe, by)
            if doc is not None and name not in found:
                found[name] = {**document_context(doc, district["settings"]), "garuda_image": "garuda.png"}
    return found
