"""Render .docx templates with a sandboxed, strict Jinja environment and Thai filters.

One function builds the environment and registers every filter (templates and the docs in
``docs/templates.md`` rely on that single list).
"""

from __future__ import annotations

import io
from functools import lru_cache
import re
from pathlib import Path
from typing import Any, Callable

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError, pass_context
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from tambondoc import thai
from tambondoc.context.build import paragraphs
from tambondoc.errors import PlanError


def _numerals(ctx: Context, kind: str) -> str:
    settings = ctx.get("settings") or {}
    return settings.get(f"{kind}_numerals", "thai" if kind in ("prose", "order") else "arabic")


@pass_context
def _num(ctx: Context, value: Any, kind: str = "prose") -> str:
    """Numerals per the plan's setting for ``kind``: prose, table or order."""
    return thai.digits(value, _numerals(ctx, kind))


FILTERS: dict[str, Callable[..., Any]] = {
    "num": _num,
    "thai_digits": thai.thai_digits,
    "money": thai.money,
    "number": thai.number,
    "baht_text": thai.baht_text,
    "thai_date": thai.thai_date,
    "paragraphs": paragraphs,
    "thai_sorted": thai.thai_sorted,
}
FILTER_DOCS: dict[str, str] = {
    "num": "แปลงตัวเลขในข้อความตามการตั้งค่าของแผน: num('prose') เนื้อความ, num('table') ตาราง, num('order') คำสั่ง",
    "thai_digits": "แปลงเป็นเลขไทยเสมอ: '15/2570' → '๑๕/๒๕๗๐'",
    "money": "จำนวนเงินมีจุลภาค: 1234567 → '1,234,567', 12.5 → '12.50'; money(true) แสดง 0 เป็น '-'",
    "number": "จำนวนเต็มมีจุลภาค: 1672 → '1,672'",
    "baht_text": "จำนวนเงินเป็นตัวอักษร: 3900 → 'สามพันเก้าร้อยบาทถ้วน'",
    "thai_date": "วันที่ พ.ศ.: '2570-03-20' → '20 มีนาคม 2570'; thai_date('short') → '20 มี.ค. 2570'; thai_date('month') → 'มีนาคม 2570'",
    "paragraphs": "แยกข้อความหลายบรรทัดเป็นรายการย่อหน้า",
    "thai_sorted": "เรียงข้อความตามพจนานุกรมไทย",
}


def make_environment() -> SandboxedEnvironment:
    """The Jinja environment for every document: sandboxed, StrictUndefined, autoescaped."""
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)
    env.filters.update(FILTERS)
    return env


def _describe(exc: Exception) -> str:
    if isinstance(exc, UndefinedError):
        return f"แม่แบบใช้ตัวแปรที่ไม่มีในข้อมูลแผน: {exc.message}"
    if isinstance(exc, SecurityError):
        return f"แม่แบบพยายามเข้าถึงสิ่งที่ไม่อนุญาต: {exc}"
    if isinstance(exc, TemplateSyntaxError):
        return f"ไวยากรณ์ Jinja ผิดที่บรรทัด {exc.lineno}: {exc.message}"
    return f"{type(exc).__name__}: {exc}"


class ImageLoader:
    """Resolves ``image(path, width_cm)`` calls in a template, relative to the plan file."""

    def __init__(self, tpl: Any, base: Path) -> None:
        self.tpl, self.base = tpl, base
        self.warnings: list[str] = []

    def __call__(self, path: str, width_cm: float | None = None, height_cm: float | None = None) -> Any:
        from docx.shared import Cm
        from docxtpl import InlineImage

        file = (self.base / path).resolve()
        if not file.is_file():
            self.warnings.append(f"ไม่พบไฟล์ภาพ {path} (เทียบกับ {self.base}) จึงเว้นว่างไว้")
            return f"[ไม่พบภาพ: {path}]"
        try:
            return InlineImage(self.tpl, str(file), width=Cm(width_cm) if width_cm else None,
                               height=Cm(height_cm) if height_cm else None)
        except Exception as e:  # python-docx raises several unrelated types for bad images
            self.warnings.append(f"อ่านไฟล์ภาพ {path} ไม่ได้ ({e}) จึงเว้นว่างไว้")
            return f"[อ่านภาพไม่ได้: {path}]"


_ENVIRONMENT: list[SandboxedEnvironment] = []
_PATCHED: dict[str, str] = {}
_COMPILED: dict[str, Any] = {}
_TEMPLATE_BYTES: dict[tuple[str, int, int], bytes] = {}


def _shared_environment() -> SandboxedEnvironment:
    """One environment per process: its filters hold no state, and compiled templates are
    only reusable within the environment that compiled them."""
    if not _ENVIRONMENT:
        _ENVIRONMENT.append(make_environment())
    return _ENVIRONMENT[0]


def _template_bytes(path: Path) -> bytes:
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _TEMPLATE_BYTES:
        _TEMPLATE_BYTES[key] = path.read_bytes()
    return _TEMPLATE_BYTES[key]


@lru_cache(maxsize=1)
def _prepared_class() -> type:
    """docxtpl's DocxTemplate, preparing each template part once per process.

    docxtpl re-runs its XML clean-up (``patch_xml``) and recompiles the Jinja source of
    every part on every render; both depend only on the template, so they are memoised by
    the part's XML text. The rendered body is streamed through the finishing steps
    (``docx_stream``) instead of docxtpl's whole-tree table fixes; headers, footers,
    properties and saving stay docxtpl's own.
    """
    from docxtpl import DocxTemplate

    class PreparedTemplate(DocxTemplate):
        def patch_xml(self, src_xml: str) -> str:
            patched = _PATCHED.get(src_xml)
            if patched is None:
                patched = _PATCHED[src_xml] = super().patch_xml(src_xml)
            return patched

        def render_xml_part(self, src_xml: str, part: Any, context: dict[str, Any], jinja_env: Any = None) -> str:
            compiled = _COMPILED.get(src_xml)
            if compiled is None:
                source = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
                try:
                    compiled = _COMPILED[src_xml] = jinja_env.from_string(source)
                except TemplateError as exc:
                    _attach_context(exc, source)
                    raise
            self.current_rendering_part = part
            try:
                dst_xml = compiled.render(context)
            except TemplateError as exc:
                _attach_context(exc, re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml))
                raise
            dst_xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", dst_xml)
            dst_xml = dst_xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
            return self.resolve_listing(dst_xml) if _LISTING_CHARS.search(dst_xml) else dst_xml

        def render(self, context: dict[str, Any], jinja_env: Any = None, autoescape: bool = False) -> None:
            """docxtpl's render, with the body streamed through the finishing steps
            (``docx_stream``) instead of parsed whole and kept as one tree."""
            from tambondoc.docx.finish import DocumentFinisher, numerals_wanted
            from tambondoc.docx.stream import attach, stream_body

            self.render_init()
            jinja_env.autoescape = autoescape
            comments = jinja_env.from_string(self.docx.core_properties.comments or "").render(context)
            finisher = DocumentFinisher(self.docx, numerals_wanted(comments), self.docx_ids_index)
            streamed = stream_body(self.build_xml(context, jinja_env), finisher)
            self.docx_ids_index = finisher.last_id
            self.map_tree(streamed.tree)
            attach(self.docx.part, streamed.content)
            for uri in (self.HEADER_URI, self.FOOTER_URI):
                for rel_key, xml in self.build_headers_footers_xml(context, uri, jinja_env):
                    self.map_headers_footers_xml(rel_key, xml)
            self.render_properties(context, jinja_env)
            self.render_footnotes(context, jinja_env)
            self.is_rendered = True

    return PreparedTemplate


# docxtpl's resolve_listing only changes text holding these characters; it is skipped otherwise
_LISTING_CHARS = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\a\n\f]")


def _attach_context(exc: Exception, source: str) -> None:
    """The text around the failing line, as docxtpl reports it (``exc.docx_context``)."""
    lineno = getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while lineno is None and tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":  # Jinja maps runtime errors here
            lineno = tb.tb_lineno
        tb = tb.tb_next
    if lineno is not None:
        start = max(lineno - 4, 0)
        exc.docx_context = [re.sub(r"<[^>]+>", "", x) for x in source.splitlines()[start: start + 7]]  # type: ignore[attr-defined]


def render_docx(template: Path, context: dict[str, Any], base: Path) -> tuple[bytes, list[str]]:
    """Render one template to .docx bytes; returns the bytes and warnings.

    Errors come back as PlanError naming the template and the failing tag.
    """
    try:
        tpl = _prepared_class()(io.BytesIO(_template_bytes(template)))
        images = ImageLoader(tpl, base)
        tpl.render({**context, "image": images}, _shared_environment(), autoescape=True)
        buffer = io.BytesIO()
        tpl.save(buffer)
    except (TemplateError, SecurityError) as e:
        around = " / ".join(x.strip() for x in getattr(e, "docx_context", []) if x.strip())
        where = f" ใกล้ข้อความ: {around[:200]}" if around else ""
        raise PlanError(f"{template.name}: {_describe(e)}{where}") from e
    except PlanError:
        raise
    except Exception as e:  # a corrupt or non-docx template file
        raise PlanError(f"{template.name}: เปิดหรือสร้างเอกสารจากแม่แบบไม่ได้: {e}") from e
    return buffer.getvalue(), images.warnings
