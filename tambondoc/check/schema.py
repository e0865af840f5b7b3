"""JSON Schema validation with Thai messages that say what to fix.

A valid plan is confirmed by a compiled validator (jsonschema-rs: about 0.2 ms for a typical
plan, against 25 ms in pure Python). Only a plan it rejects, or one it cannot read (a value that
is not JSON, such as a YAML date), goes through the pure-Python jsonschema, whose errors carry
what the messages need; without jsonschema-rs every plan does.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from tambondoc.plan.schema import schema
from tambondoc.plan.thousands import as_written

if TYPE_CHECKING:
    from jsonschema import Draft7Validator
    from jsonschema.exceptions import ValidationError

_TYPES = {
    "string": "ข้อความ", "integer": "จำนวนเต็ม", "number": "ตัวเลข", "object": "ชุดคีย์ (mapping)",
    "array": "รายการ (- ...)", "boolean": "true หรือ false", "null": "ค่าว่าง",
}


@lru_cache(maxsize=1)
def validator() -> Draft7Validator:
    """The pure-Python validator: slow, but its errors say where and why."""
    from jsonschema import Draft7Validator

    return Draft7Validator(schema())


@lru_cache(maxsize=1)
def fast_validator() -> Any:
    """jsonschema-rs's compiled validator, or None where it is not installed. Formats are
    not checked, as the pure-Python validator does not check them either."""
    try:
        import jsonschema_rs

        return jsonschema_rs.Draft7Validator(schema(), validate_formats=False)
    except Exception:  # not installed, or a version that cannot: the pure-Python check does it all
        return None


def is_valid(data: Any) -> bool | None:
    """True or False from the compiled validator; None when it is missing or cannot read ``data``."""
    fast = fast_validator()
    if fast is None:
        return None
    try:
        return bool(fast.is_valid(data))
    except (ValueError, TypeError, OverflowError):  # not JSON data: a date, a set, a huge integer
        return None


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "..."


def _title(err: ValidationError) -> str:
    title = err.schema.get("title") if isinstance(err.schema, dict) else None
    return f" ({title})" if title else ""


YEAR_MINIMUM = 2500  # the schema's smallest year (พ.ศ.); no other number has a lower bound this high


def _is_year(err: ValidationError) -> bool:
    """A year field: the schema bounds years to พ.ศ. 2500-2700, and only there is a year out of
    range likely one typed in the wrong era; an amount or a count has no era."""
    return isinstance(err.schema, dict) and err.schema.get("minimum", 0) >= YEAR_MINIMUM


def _read_as_value(typed: str, err: ValidationError) -> str:
    """Text typed without quotes that YAML read as a number or true/false: a code '0801' became
    801, '1.10' became 1.1; quoting keeps it as typed."""
    kind = " true/false" if isinstance(err.instance, bool) else "ตัวเลข"
    value = _show(err.instance)
    read = f"เป็น{kind}" + (f" ({value})" if value != typed else "")
    return f"ต้องเป็นข้อความ{_title(err)} แต่ YAML อ่าน {typed} {read} ให้ครอบด้วยเครื่องหมายคำพูด: \"{typed}\""


Written = Callable[[list[str | int]], str | None]  # a value as typed in the plan, by its path


def describe(err: ValidationError, typed_at: Written | None = None) -> tuple[list[str | int], bool, str]:
    """Return (path, at_key, Thai message) for one schema error; ``typed_at`` gives a value as
    typed, where the message should show it so (a code YAML read as a number)."""
    path: list[str | int] = list(err.absolute_path)
    v, kind = err.validator_value, err.validator
    if kind == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        prop = err.schema.get("properties", {}).get(missing, {})
        title = f" ({prop['title']})" if "title" in prop else ""
        return path, bool(path), f"ขาดช่อง '{missing}'{title} ที่ต้องมี ให้เพิ่ม {missing}: ..."
    if kind == "additionalProperties":
        allowed = list(err.schema.get("properties", {}))
        extras = [k for k in err.instance if k not in allowed]
        key = extras[0] if extras else "?"
        close = difflib.get_close_matches(str(key), allowed, n=1)
        hint = f" หมายถึง '{close[0]}' หรือไม่?" if close else f" ช่องที่ใช้ได้: {', '.join(allowed)}"
        return path + [key], True, f"ไม่รู้จักช่อง '{key}' (พิมพ์ผิดหรือไม่){hint}"
    if kind == "type":
        types = [v] if isinstance(v, str) else v
        want = " หรือ ".join(_TYPES.get(t, t) for t in types)
        if types == ["string"] and isinstance(err.instance, (bool, int, float)) and typed_at is not None \
                and (typed := typed_at(path)):
            return path, False, _read_as_value(typed, err)
        written = as_written(err.instance) if isinstance(err.instance, str) and {"number", "integer"} & set(types) else None
        space = " " if want[:1].isascii() else ""  # Thai runs into Thai, a space before 'true'
        return path, False, f"ต้องเป็น{space}{want}{_title(err)} แต่พบ {_show(err.instance)}" + (f" {written}" if written else "")
    if kind == "enum":
        return path, False, f"ค่า {_show(err.instance)} ใช้ไม่ได้{_title(err)} ให้เลือกหนึ่งใน: {', '.join(map(str, v))}"
    if kind == "const":
        return path, False, f"ค่าต้องเป็น {_show(v)}{_title(err)}"
    if kind == "pattern":
        if "[0-9]{4}-" in str(v):
            return path, False, f"วันที่ {_show(err.instance)} ต้องเขียนเป็น ปปปป-ดด-วว ปี พ.ศ. เช่น 2570-03-20"
        return path, False, f"{_show(err.instance)}{_title(err)} ใช้ได้เฉพาะอักษรอังกฤษ ตัวเลข จุด ขีด (เช่น P001)"
    if kind == "minimum":
        return path, False, f"ค่า {_show(err.instance)}{_title(err)} ต้องไม่น้อยกว่า {v}"
    if kind == "exclusiveMinimum":
        return path, False, f"ค่า {_show(err.instance)}{_title(err)} ต้องมากกว่า {v}"
    if kind == "maximum":
        era = " (ปีเป็น พ.ศ. หรือไม่?)" if _is_year(err) else ""
        return path, False, f"ค่า {_show(err.instance)}{_title(err)} ต้องไม่เกิน {v}{era}"
    if kind == "minItems":
        return path, False, f"ต้องมีอย่างน้อย {v} รายการ{_title(err)}"
    if kind == "maxItems":
        return path, False, f"มีได้ไม่เกิน {v} รายการ{_title(err)}"
    if kind == "uniqueItems":
        return path, False, f"มีค่าซ้ำในรายการ{_title(err)} ให้ลบค่าที่ซ้ำ"
    if kind == "minLength":
        return path, False, f"ต้องไม่เว้นว่าง{_title(err)} ให้ใส่ข้อความ"
    if kind == "minProperties":
        return path, False, f"ต้องใส่อย่างน้อย {v} ช่อง{_title(err)}"
    return path, False, f"{err.message}{_title(err)}"


def schema_errors(data: Any, typed_at: Written | None = None) -> Iterator[tuple[list[str | int], bool, str]]:
    """(path, at_key, Thai message) of every schema error; nothing for a valid plan."""
    if is_valid(data):
        return
    for err in validator().iter_errors(data):
        yield describe(err, typed_at)
