"""Money is in baht and satang: at most two decimals, so every document, workbook and import
round trip shows the amount the plan holds (100.125 would print as 100.12 here and 100.13 there)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from tambondoc.check.rules.access import Finding, leaves

ID = "precision"

MONEY_KEYS = {"amount", "budget_received", "average_income", "threshold"}  # and every funding source


def satang(value: float) -> bool:
    """True when ``value`` is a whole number of satang (as its shortest decimal form shows)."""
    text = repr(float(value))
    if "e" in text or "E" in text:
        mantissa, exponent = text.lower().split("e")
        decimals = len(mantissa.split(".")[1].rstrip("0")) if "." in mantissa else 0
        return decimals - int(exponent) <= 2
    return len(text.split(".")[1].rstrip("0")) <= 2


def _too_fine(value: Any) -> bool:
    """A number with more than two decimals (.nan and .inf are the values rule's)."""
    return isinstance(value, float) and math.isfinite(value) and not satang(value)


def _money(node: Any, path: list[str | int], is_money: bool = False) -> Iterator[Finding]:
    if is_money and _too_fine(node):
        yield path, False, (f"จำนวนเงิน {node!r} มีทศนิยมเกิน 2 ตำแหน่ง เงินบาทมีทศนิยมได้ถึงสตางค์เท่านั้น "
                            f"ให้ปัดเป็น {round(node, 2):.2f}"), "error"
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _money(value, path + [key], key in MONEY_KEYS or (path[-1:] == ["funding"]))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _money(value, path + [i])


def check(data: dict[str, Any]) -> Iterator[Finding]:
    # most plans hold no float at all; ``_money`` finds which key an odd one is under
    if any(_too_fine(value) for value in leaves(data)):
        yield from _money(data, [])
