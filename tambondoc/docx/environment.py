"""The Jinja environment every document is rendered in, and the Thai filters it offers.

One function builds it (mkdocs' model): sandboxed, StrictUndefined, autoescaped; the filters and
their documentation (``docs/templates.md``) come from the one table below.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import StrictUndefined, pass_context
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from tambondoc import thai
from tambondoc.context.text import paragraphs
from tambondoc.docx.names import keep_lines
from tambondoc.plan.vocabulary import DEFAULT_NUMERALS

KEPT = "_kept_whole"  # the context's function keeping its place names whole (``docx.names``)


def _numerals(ctx: Context, kind: str) -> str:
    settings = ctx.get("settings") or {}
    return str(settings.get(f"{kind}_numerals", DEFAULT_NUMERALS.get(f"{kind}_numerals", "arabic")))


@pass_context
def _num(ctx: Context, value: Any, kind: str = "prose") -> str:
    """Numerals per the plan's setting for ``kind``: prose, table or order."""
    return thai.digits(value, _numerals(ctx, kind))


FILTERS: dict[str, Callable[..., Any]] = {
    "num": _num,
    "thai_digits": thai.thai_digits,
    "nobreak": thai.nobreak,
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
    "nobreak": "ตัวเลขไม่แยกบรรทัดจากคำหน้า: 'ผู้ใหญ่บ้านหมู่ที่ ๘' ไม่ตัด '๘' ไปขึ้นบรรทัดใหม่",
    "money": "จำนวนเงินมีจุลภาค: 1234567 → '1,234,567', 12.5 → '12.50'; money(true) แสดง 0 เป็น '-'",
    "number": "จำนวนเต็มมีจุลภาค: 1672 → '1,672'",
    "baht_text": "จำนวนเงินเป็นตัวอักษร: 3900 → 'สามพันเก้าร้อยบาทถ้วน'",
    "thai_date": "วันที่ พ.ศ.: '2570-03-20' → '20 มีนาคม 2570'; thai_date('short') → '20 มี.ค. 2570'; thai_date('month') → 'มีนาคม 2570'",
    "paragraphs": "แยกข้อความหลายบรรทัดเป็นรายการย่อหน้า",
    "thai_sorted": "เรียงข้อความตามพจนานุกรมไทย",
}


@pass_context
def _finalize(ctx: Context, value: Any) -> Any:
    """Every printed text keeps ๆ on the line of the word before it, 'หมู่ที่' and the plan's
    place names whole (``docx.names``: the renderer gives the plan's as KEPT, else
    ``keep_lines``); safe markup stays safe (a joiner or no-break space needs no escaping)."""
    if not isinstance(value, str):
        return value
    text = (ctx.parent.get(KEPT) or keep_lines)(value)
    return Markup(text) if isinstance(value, Markup) else text


def make_environment() -> SandboxedEnvironment:
    """The Jinja environment for every document: sandboxed, StrictUndefined, autoescaped; no
    printed text starts a line with ๆ or cuts 'หมู่ที่' or a place name."""
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=True, finalize=_finalize)
    env.filters.update(FILTERS)
    return env
