"""Render one .docx template with a plan's context: bytes and warnings, or a PlanError that
names the template and the failing tag."""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from tambondoc import __version__
from tambondoc.docx.environment import KEPT, make_environment
from tambondoc.docx.names import kept_whole, names_in
from tambondoc.docx.patches import prepared_class, prepared_template
from tambondoc.docx.templates import unreadable
from tambondoc.errors import PlanError
from tambondoc.package import with_dates


def _describe(exc: Exception) -> str:
    if isinstance(exc, UndefinedError):
        return f"แม่แบบใช้ตัวแปรที่ไม่มีในข้อมูลแผน: {exc.message}"
    if isinstance(exc, SecurityError):
        return f"แม่แบบพยายามเข้าถึงสิ่งที่ไม่อนุญาต: {exc}"
    if isinstance(exc, TemplateSyntaxError):
        return f"ไวยากรณ์ Jinja ผิดที่บรรทัด {exc.lineno}: {exc.message}"
    return f"{type(exc).__name__}: {exc}"


class ImageLoader:
    """Resolves ``image(path, width_cm)`` calls in a template, relative to the plan file.

    A picture that cannot be used (missing, not an image, truncated, too large) is left out with
    a warning naming it: python-docx would otherwise fail the whole document while saving it,
    with an empty message that blames the template.
    """

    MAX_BYTES = 50 * 1024 * 1024
    # pixels the header may declare: a 69-byte PNG saying 60,000 x 60,000 built silently, and Word
    # or LibreOffice then needs gigabytes to open the document; a 200-megapixel phone photo is in
    MAX_PIXELS = 250_000_000
    # how each format ends, by the content type python-docx reads from the file's header (its
    # ``ext`` is the file name's: a JPEG saved as .png, as a phone's photo renamed, is a JPEG)
    ENDS = (("image/png", b"IEND\xaeB`\x82", 64), ("image/jpeg", b"\xff\xd9", 65536), ("image/gif", b";", 64))

    def __init__(self, tpl: Any, base: Path) -> None:
        self.tpl, self.base = tpl, base
        self.warnings: list[str] = []

    @classmethod
    def unusable(cls, file: Path) -> str | None:
        """Why ``file`` cannot go into a document, or None: python-docx must recognise it, and a
        PNG, JPEG or GIF must end as one does (a truncated copy has a good header)."""
        from docx.image.exceptions import UnrecognizedImageError
        from docx.image.image import Image

        size = file.stat().st_size
        if size > cls.MAX_BYTES:
            return f"ไฟล์ใหญ่เกินไป {size:,} ไบต์"
        try:
            image = Image.from_file(str(file))
        except UnrecognizedImageError:
            return "ไม่ใช่ไฟล์ภาพชนิดที่ Word ใช้ได้ (PNG, JPEG, GIF, BMP, TIFF)" if size else "ไฟล์ว่าง"
        except Exception as e:  # python-docx raises its own errors and struct/IndexError for damaged headers
            return f"ไฟล์ภาพเสียหรือไม่ครบ (อาจคัดลอกหรือดาวน์โหลดไม่เสร็จ) [{type(e).__name__}]"
        if image.px_width * image.px_height > cls.MAX_PIXELS:
            return (f"ภาพใหญ่ {image.px_width:,} × {image.px_height:,} พิกเซล เกินกว่าที่ Word จะเปิดได้ "
                    "ให้ย่อภาพ (ด้านยาวไม่เกิน 2000 พิกเซล)")
        for content_type, end, within in cls.ENDS:
            if image.content_type == content_type:
                with file.open("rb") as f:
                    f.seek(max(0, size - within))
                    if end not in f.read():
                        return "ไฟล์ภาพเสียหรือไม่ครบ (อาจคัดลอกหรือดาวน์โหลดไม่เสร็จ)"
        return None

    def __call__(self, path: str, width_cm: float | None = None, height_cm: float | None = None,
                 alt: str = "") -> Any:
        """The image, described by ``alt`` for screen readers (the picture's alt text)."""
        from docx.shared import Cm

        try:
            file = (self.base / path).resolve()
            found = file.is_file()
            reason = self.unusable(file) if found else None
        except (OSError, ValueError, RuntimeError) as e:
            found, reason = True, f"อ่านไม่ได้: {getattr(e, 'strerror', None) or e}"
        if not found:
            self.warnings.append(f"ไม่พบไฟล์ภาพ {path} (เทียบกับ {self.base}) จึงเว้นว่างไว้")
            return f"[ไม่พบภาพ: {path}]"
        if reason:
            self.warnings.append(f"ไฟล์ภาพ {path} ใช้ไม่ได้: {reason} จึงเว้นภาพนี้ไว้")
            return f"[อ่านภาพไม่ได้: {path}]"
        try:
            return _described()(self.tpl, str(file), width=Cm(width_cm) if width_cm else None,
                                height=Cm(height_cm) if height_cm else None, alt=str(alt or ""))
        except Exception as e:  # python-docx raises several unrelated types for bad images
            self.warnings.append(f"อ่านไฟล์ภาพ {path} ไม่ได้ ({e}) จึงเว้นว่างไว้")
            return f"[อ่านภาพไม่ได้: {path}]"


@functools.cache
def _described() -> type:
    """docxtpl's InlineImage with alt text: ``descr`` on the picture's ``wp:docPr``."""
    from docxtpl import InlineImage

    class DescribedImage(InlineImage):
        def __init__(self, *args: Any, alt: str = "", **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.alt = alt

        def _insert_image(self) -> str:
            xml: str = super()._insert_image()
            if not self.alt:
                return xml
            described = escape(self.alt, {'"': "&quot;"})
            return re.sub(r"<wp:docPr ", lambda _: f'<wp:docPr descr="{described}" ', xml, count=1)

    return DescribedImage


_ENVIRONMENT: list[SandboxedEnvironment] = []


def _shared_environment() -> SandboxedEnvironment:
    """One environment per process: its filters hold no state, and compiled templates are
    only reusable within the environment that compiled them."""
    if not _ENVIRONMENT:
        _ENVIRONMENT.append(make_environment())
    return _ENVIRONMENT[0]


def render_docx(template: Path, context: Mapping[str, Any], base: Path,
                date: dt.date | None = None) -> tuple[bytes, list[str]]:
    """Render one template to .docx bytes; returns the bytes and warnings.

    ``date`` (the document's own, from the plan) dates the document's properties and its zip
    entries, so the same plan gives the same bytes. Errors come back as PlanError naming the
    template and the failing tag.
    """
    try:
        tpl = prepared_class()(prepared_template(template))
        images = ImageLoader(tpl, base)
        kept = kept_whole(names_in(context))
        tpl.render({**context, "image": images, KEPT: kept}, _shared_environment(), autoescape=True)
        when = dt.datetime.combine(date or dt.date(1980, 1, 1), dt.time())
        _properties(tpl.docx.core_properties, when)
        buffer = io.BytesIO()
        tpl.save(buffer)
    except (TemplateError, SecurityError) as e:
        around = " / ".join(x.strip() for x in getattr(e, "docx_context", []) if x.strip())
        where = f" ใกล้ข้อความ: {around[:200]}" if around else ""
        raise PlanError(f"{template.name}: {_describe(e)}{where}") from e
    except PlanError:
        raise
    except Exception as e:  # a corrupt or non-docx template file
        raise PlanError(f"{template.name}: {unreadable(template, e)}") from e
    return with_dates(buffer.getvalue(), when), images.warnings


def _properties(props: Any, when: dt.datetime) -> None:
    """Who made the document and when: the program, and the plan's date rather than today's."""
    props.author = f"tambondoc {__version__}"
    props.last_modified_by = f"tambondoc {__version__}"
    props.created = props.modified = when
    props.revision = 1
    props.language = "th-TH"
