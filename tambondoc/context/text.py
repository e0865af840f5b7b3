"""Text helpers the context, the templates and the workbooks share: paragraphs, line ends, plain
decimals, shares."""

from __future__ import annotations

from decimal import Decimal
from typing import Any


def paragraphs(text: Any) -> list[str]:
    """Multi-line YAML text as paragraphs (one per non-empty line)."""
    return [line.strip() for line in str(text or "").splitlines() if line.strip()]


def cell_lines(text: str) -> str:
    """``text`` with its line ends as a worksheet cell holds them, LF: a plan typed on Windows
    (or pasted from Word) holds CRLF, which a workbook showed as a stray character and read back
    as a different text. No line end after the last line: a text written as a block (``|``, as
    fmt and import-xlsx write several lines) ends with one, which left an empty last line in its
    cells of the coordination list and the workbooks."""
    return text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")


def decimal_text(value: Any) -> str:
    """28750 -> '28,750'; 46.5 -> '46.5' (areas: no forced satang-style decimals)."""
    if value is None:
        return ""
    text = f"{Decimal(str(value)):,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def share_text(part: float, whole: float) -> str:
    """Percentage with two decimals, '0.00' when there is nothing to share."""
    return f"{(part / whole * 100) if whole else 0:.2f}"
