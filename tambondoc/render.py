"""Render .docx templates with a sandboxed, strict Jinja environment and Thai filters.

One function builds the environment and registers every filter (templates and the docs in
``docs/templates.md`` rely on that single list).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, Callable

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError, pass_context
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from tambondoc import thai
from tambondoc.compute import paragraphs
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


def render_docx(template: Path, context: dict[str, Any], base: Path) -> tuple[bytes, list[str]]:
    """Render one template to .docx bytes; returns the bytes and warnings.

    Errors come back as PlanError naming the template and the failing tag.
    """
    from docxtpl import DocxTemplate

    try:
        tpl = DocxTemplate(str(template))
        images = ImageLoader(tpl, base)
        tpl.render({**context, "image": images}, make_environment(), autoescape=True)
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
