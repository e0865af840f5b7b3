"""A workbook's bytes, with a full or read-only temporary folder reported as a PlanError: the
one step the build and the exports share, kept apart from ``exports`` so a build does not
import openpyxl's workbooks (``xlsx.look``)."""

from __future__ import annotations

import gc
import sys
import tempfile
from collections.abc import Callable
from typing import Any

from lxml import etree

from tambondoc.errors import PlanError


def workbook(make: Callable[..., bytes], *args: Any) -> bytes:
    """A workbook's bytes; openpyxl writes each sheet to a temporary file first, so a full or
    read-only temporary folder is a PlanError saying so, not a traceback."""
    try:
        return make(*args)
    except (OSError, etree.SerialisationError) as e:
        reason = str(e)
        _release_quietly(e)
    raise PlanError(f"สร้างไฟล์ Excel ไม่ได้ เพราะเขียนไฟล์ชั่วคราวใน {tempfile.gettempdir()} ไม่ได้ "
                    f"(ดิสก์อาจเต็ม) ให้ลบไฟล์ที่ไม่ใช้ หรือตั้ง TMPDIR เป็นที่อื่น [{reason}]")


def _release_quietly(error: BaseException) -> None:
    """Close openpyxl's half-written sheet streams now: their writers fail again as they close,
    and Python would print that as 'Exception ignored in: <generator ...>' with a traceback."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _: None
    try:
        error.__traceback__ = None
        gc.collect()
    finally:
        sys.unraisablehook = hook
