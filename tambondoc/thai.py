"""Thai formatting for official documents: numerals, B.E. dates, money and baht text.

Built on pythainlp (``bahttext``, ``thai_strftime``, digit conversion, ``collate``) rather
than hand-written converters. pythainlp is imported on first use: ``validate`` needs none of it
and importing it costs a third of the command's start-up.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

MONTHS_FULL = [
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
]


THAI_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
ARABIC_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def parse_be_date(text: Any) -> dt.date | None:
    """A พ.ศ. date string 'YYYY-MM-DD' as a real C.E. date, or None if it is not one."""
    if not isinstance(text, str) or len(text) != 10:
        return None
    try:
        y, m, d = (int(p) for p in text.split("-"))
        return dt.date(y - 543, m, d)
    except ValueError:
        return None


def be_date(value: str | dt.date) -> dt.date:
    """A plan date ('2570-03-20', year in พ.ศ.) as a C.E. ``date``; ValueError if it is not one."""
    if isinstance(value, dt.date):
        return value
    date = parse_be_date(value)
    if date is None:
        raise ValueError(f"not a B.E. date: {value!r}")
    return date


def thai_date(value: str | dt.date, style: str = "full") -> str:
    """'20 มีนาคม 2570' (full), '20 มี.ค. 2570' (short) or 'มีนาคม 2570' (month)."""
    date = be_date(value)
    fmt = {"full": "%-d %B %Y", "short": "%-d %b %Y", "month": "%B %Y"}[style]
    from pythainlp.util import thai_strftime

    return thai_strftime(dt.datetime(date.year, date.month, date.day), fmt)


_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


_ADDRESS = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)[^\s\u0E00-\u0E7F]+|[\w.+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]+")


def thai_digits(value: Any) -> str:
    """Replace Arabic digits with Thai numerals (๐-๙); other characters stay, and so do the digits
    of web and e-mail addresses (…/plan/๒๕๗๑/… is no address). (pythainlp's arabic_digit_to_thai_digit
    is this translation; the filter runs thousands of times a plan: addresses are looked for only
    in a text that may hold one.)"""
    text = str(value)
    if "/" not in text and "@" not in text and "www." not in text:
        return text.translate(_THAI_DIGITS)
    parts, start = [], 0
    for m in _ADDRESS.finditer(text):
        parts.append(text[start:m.start()].translate(_THAI_DIGITS))
        parts.append(m.group(0))
        start = m.end()
    parts.append(text[start:].translate(_THAI_DIGITS))
    return "".join(parts)


def digits(value: Any, style: str) -> str:
    """Text with numerals in the chosen style: 'thai' or 'arabic'."""
    return thai_digits(value) if style == "thai" else str(value)


_NUMBER_AFTER_WORD = re.compile(r"(?<=\S) (?=[0-9\u0E50-\u0E59])")


_BEFORE_REPEAT = re.compile(r" +(?=\u0E46)")  # the spaces before mai yamok (ๆ)


def keep_repeat_mark(text: str) -> str:
    """``text`` with the spaces before each ๆ made no-break spaces: Thai writes 'ต่าง ๆ' with a
    space, and a line must not start with the ๆ (a line broke there, 'อื่น' / 'ๆ', in a narrow
    column's heading)."""
    return _BEFORE_REPEAT.sub(lambda m: "\u00a0" * len(m.group()), text) if "\u0E46" in text else text


# words a line never cuts, though ICU (as LibreOffice) may: each is printed with a word joiner
# (U+2060, drawn as nothing) between its parts (``docx.names``). Every order's headmen were
# printed 'ผู้ใหญ่' / 'บ้านหมู่' / 'ที่ ๔' in the member column.
JOINER = "\u2060"
KEPT_WHOLE = {"หมู่ที่": f"หมู่{JOINER}ที่", "ผู้ใหญ่บ้าน": f"ผู้ใหญ่{JOINER}บ้าน"}


# a list's mark at the start of a line ('1.', '2)', '(3)', '๔.', '-', '•') and the spaces after it
_LIST_MARK = re.compile(r"(?m)^([ \t]*(?:\(?[0-9\u0E50-\u0E59]{1,2}[.)]|[-\u2013\u2022*]))( +)(?=\S)")


def keep_list_marks(text: str) -> str:
    """``text`` with each line's list mark kept on the line of the word after it: the spaces
    after it made no-break spaces, and a dash joined to them (a line may break after a hyphen
    even before a no-break space, UAX #14 LB12a). In a narrow column the first word of
    '1. นครสวรรค์ทุนนิยม…' did not fit beside its number: '1.' stood alone at a line's end, or at
    the foot of a page with its text on the next."""
    if " " not in text:
        return text
    return _LIST_MARK.sub(lambda m: m.group(1) + (JOINER if m.group(1)[-1] in "-\u2013" else "")
                          + "\u00a0" * len(m.group(2)), text)


def nobreak(value: Any) -> str:
    """A number kept on the line of the word before it (a no-break space), as a typist keeps
    'หมู่ที่ ๘' together: in a narrow column a line broke before the '๘' and left it alone."""
    return _NUMBER_AFTER_WORD.sub("\u00a0", str(value))


def _decimal(value: Any) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def money(value: Any, dash: bool = False) -> str:
    """1234567 -> '1,234,567'; 1234.5 -> '1,234.50'; 0 -> '-' when ``dash``."""
    if value is None or value == "":
        return "-" if dash else ""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # only an invalid plan has one (diff shows it); validate reports it
    amount = _decimal(value)
    if dash and amount == 0:
        return "-"
    if amount == amount.to_integral_value():
        return f"{int(amount):,}"
    return f"{amount:,.2f}"


def number(value: Any) -> str:
    """Integer with thousands separators."""
    return f"{int(value):,}" if value not in (None, "") else ""


def baht_text(value: Any) -> str:
    """'สามพันเก้าร้อยบาทถ้วน', with satang when the amount is not whole."""
    amount = _decimal(value)
    if amount == 0:
        return "ศูนย์บาทถ้วน"
    from pythainlp.util import bahttext

    return bahttext(float(amount))


def thai_sorted(items: Iterable[str]) -> list[str]:
    """Sort Thai text by Thai collation (leading vowels are skipped)."""
    from pythainlp.util import collate

    return collate(list(items))


_YEAR = re.compile(r"(?<![0-9๐-๙])[0-9๐-๙]{4}(?![0-9๐-๙])")


def shift_years(text: str, years: set[int], by: int = 1) -> str:
    """Add ``by`` to every 4-digit year in ``years`` (Arabic or Thai numerals, kept as written):
    next-year's shift of a project's period, and diff's look past it."""
    def bump(m: re.Match[str]) -> str:
        year = int(m.group().translate(THAI_TO_ARABIC))
        if year not in years:
            return m.group()
        new = str(year + by)
        return new.translate(ARABIC_TO_THAI) if m.group()[0] in "๐๑๒๓๔๕๖๗๘๙" else new
    return _YEAR.sub(bump, text)


def year_range(years: list[int]) -> str:
    """[2571, 2572, 2573] -> '2571-2573'; one year -> '2571'."""
    if not years:
        return ""
    return str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"


def village_list(numbers: list[int], all_numbers: list[int]) -> str:
    """'หมู่ที่ 1, 3, 5' or 'ทุกหมู่บ้าน' when every village takes part."""
    if all_numbers and sorted(numbers) == sorted(all_numbers):
        return "ทุกหมู่บ้าน"
    return "หมู่ที่ " + ", ".join(str(n) for n in sorted(numbers))
