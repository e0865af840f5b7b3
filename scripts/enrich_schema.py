"""Add what editors show to schemas/tambon-plan.schema.json and schemas/district.schema.json,
derived from what each already says.

Each schema is written by hand (titles, descriptions, types, enums, patterns); this script owns
five things in it and rewrites them every run, so it is idempotent and a field someone adds
gets them too:

- ``$id``: the schema's address in the release tag, with the version (tambondoc/__init__.py);
- ``errorMessage``: Thai for what yaml-language-server would say in English (wrong type, a value
  not in the list, for a mapping also a missing or unknown key);
- ``patternErrorMessage``: Thai for a pattern instead of the raw regular expression;
- ``markdownDescription``: the hover text: the description, then the field's path and rules;
- ``markdownEnumDescriptions``: what each allowed value means, for hover and completion.

jsonschema ignores these keywords, so ``tambondoc validate`` keeps its own Thai messages.

    python scripts/enrich_schema.py          # rewrite the schema
    python scripts/enrich_schema.py --check  # exit 1 if the committed schema is not this script's output
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tambondoc import __version__  # noqa: E402
from tambondoc.plan.schema import DISTRICT_SCHEMA_FILE, SCHEMA_FILE, schema_id  # noqa: E402

SCHEMAS = [ROOT / "schemas" / SCHEMA_FILE, ROOT / "schemas" / DISTRICT_SCHEMA_FILE]
OWNED = ("errorMessage", "patternErrorMessage", "markdownDescription", "markdownEnumDescriptions")

TYPES = {  # as tambondoc validate names them
    "string": "ข้อความ", "integer": "จำนวนเต็ม", "number": "ตัวเลข", "object": "ชุดคีย์ (mapping)",
    "array": "รายการ (- ...)", "boolean": "true/false", "null": "ค่าว่าง",
}
PATTERNS = {  # every pattern the schema uses, in words ('(?!\\n)': Python's '$' also matches before a final newline)
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$(?!\\n)": "เขียนวันที่เป็น ปปปป-ดด-วว โดยปีเป็น พ.ศ. เช่น 2570-03-20",
    "^[A-Za-z0-9][A-Za-z0-9._-]*$(?!\\n)": "ใช้ได้เฉพาะอักษรอังกฤษ ตัวเลข จุด ขีด ขึ้นต้นด้วยอักษรหรือตัวเลข เช่น P001",
}
VALUE_NOTES = {  # allowed values whose meaning the schema's descriptions do not give as "value = meaning"
    "ผู้ใหญ่บ้าน": "ผู้นำหมู่บ้าน (ค่าเริ่มต้น)",
    "กำนัน": "หมู่ที่กำนันเป็นผู้นำ",
    "หลัก": "อาชีพหลัก",
    "เสริม": "อาชีพเสริม",
    "อบต.": "องค์การบริหารส่วนตำบล",
    "อบจ.": "องค์การบริหารส่วนจังหวัด",
    "ประธานกรรมการ": "ต้องมีหนึ่งคนพอดี",
    "กรรมการและเลขานุการ": "ต้องมีอย่างน้อยหนึ่งคน",
}
_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>|#])")


def _md(text: str) -> str:
    """Plain text shown as Markdown: its special characters escaped, its lines kept."""
    return _MARKDOWN.sub(r"\\\1", text).replace("\n", "  \n")


def _num(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def _value_meanings(schema: dict[str, Any]) -> dict[str, str]:
    """'value = meaning' pairs the descriptions of enum fields give (``thai = เลขไทย (๑๒๓)``)."""
    found: dict[str, str] = {}

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            if "enum" in node:
                for part in str(node.get("description", "")).split(","):
                    value, eq, meaning = part.partition("=")
                    if eq and value.strip() in map(str, node["enum"]):
                        found.setdefault(value.strip(), meaning.strip())
            for child in node.values():
                visit(child)
        elif isinstance(node, list):
            for child in node:
                visit(child)

    visit(schema)
    return found


def _kind(node: dict[str, Any]) -> str:
    types = node.get("type")
    return " หรือ ".join(TYPES.get(t, t) for t in ([types] if isinstance(types, str) else types or []))


def _rules(node: dict[str, Any], required: bool | None) -> list[str]:
    """The field's rules in short Thai, for the hover."""
    rules = [_kind(node)] if node.get("type") else []
    if required is not None:
        rules.append("ต้องมี" if required else "ไม่บังคับ")
    low, high = node.get("minimum"), node.get("maximum")
    if low is not None and high is not None:
        rules.append(f"ค่า {_num(low)}–{_num(high)}")
    elif low is not None:
        rules.append(f"ไม่น้อยกว่า {_num(low)}")
    few, many = node.get("minItems"), node.get("maxItems")
    if few and many:
        rules.append(f"{few}–{many} รายการ")
    elif few:
        rules.append(f"อย่างน้อย {few} รายการ")
    if node.get("uniqueItems"):
        rules.append("ห้ามซ้ำกัน")
    if node.get("minLength"):
        rules.append("ห้ามเว้นว่าง")
    if node.get("minProperties"):
        rules.append(f"ใส่อย่างน้อย {node['minProperties']} ช่อง")
    if "pattern" in node:
        rules.append(PATTERNS.get(node["pattern"], f"รูปแบบ {node['pattern']}"))
    if "default" in node:
        rules.append(f"ค่าเริ่มต้น `{node['default']}`")
    if "const" in node:
        rules.append(f"ต้องเป็น `{node['const']}`")
    return rules


def _error(node: dict[str, Any], label: str) -> str | None:
    """What yaml-language-server says in place of its English when this field is wrong."""
    if "enum" in node:
        return f"ต้องเป็นหนึ่งใน: {', '.join(map(str, node['enum']))} ({label})"
    if "const" in node:
        return f"ต้องเป็น {json.dumps(node['const'], ensure_ascii=False)} ({label})"
    if node.get("type") == "object" and "properties" in node:
        needed = [key for key in node.get("required", []) if key in node["properties"]]
        must = f" ต้องมีช่อง {', '.join(needed)}" if needed else ""
        if node.get("additionalProperties") is False:
            return (f"ต้องเป็นชุดคีย์ (mapping){must} และใช้ได้เฉพาะช่องที่กำหนด"
                    f" (กด Ctrl+Space ดูรายการ) ({label})")
        return f"ต้องเป็นชุดคีย์ (mapping){must} ({label})"
    if node.get("type"):
        return f"ต้องเป็น{_kind(node)} ({label})"
    return None


def _enrich(node: dict[str, Any], path: str, label: str, required: bool | None,
            meanings: dict[str, str]) -> dict[str, Any]:
    label = node.get("title", label)
    out: dict[str, Any] = {}
    added = {}
    if isinstance(node.get("description"), str) or node.get("type") or "enum" in node:
        text = _md(node.get("description", ""))
        rules = " · ".join(_rules(node, required))
        where = f"`{path}`" if path else ""
        added["markdownDescription"] = "\n\n".join(p for p in (text, " · ".join(filter(None, (where, rules)))) if p)
    if (message := _error(node, label)) is not None:
        added["errorMessage"] = message
    if "pattern" in node:
        added["patternErrorMessage"] = f"{PATTERNS.get(node['pattern'], 'รูปแบบไม่ถูกต้อง')} ({label})"
    if "enum" in node:
        added["markdownEnumDescriptions"] = [_md(meanings.get(str(v), VALUE_NOTES.get(str(v), "")))
                                             for v in node["enum"]]
    for key, value in node.items():
        if key in OWNED:
            continue
        if key == "properties":
            needed = set(node.get("required", []))
            value = {name: _enrich(child, f"{path}.{name}" if path else name, label, name in needed, meanings)
                     for name, child in value.items()}
        elif key == "items" and isinstance(value, dict):
            value = _enrich(value, f"{path}[]", f"{label} แต่ละรายการ", None, meanings)
        elif key == "additionalProperties" and isinstance(value, dict):
            value = _enrich(value, f"{path}.<id>", value.get("title", label), None, meanings)
        out[key] = value
        if key == "description":
            out.update(added)
            added = {}
    out.update(added)
    return out


def enriched(schema: dict[str, Any], file: str = SCHEMA_FILE) -> dict[str, Any]:
    """The schema with ``$id`` and the editor keywords made anew from the rest of it."""
    result = _enrich(schema, "", schema.get("title", ""), None, _value_meanings(schema))
    result["$id"] = schema_id(__version__, file)
    return result


def dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    stale = 0
    for path in SCHEMAS:
        committed = path.read_text(encoding="utf-8")
        wanted = dump(enriched(json.loads(committed), path.name))
        if committed == wanted:
            continue
        if args.check:
            print(f"{path}: not what scripts/enrich_schema.py makes; run python scripts/enrich_schema.py")
            stale += 1
        else:
            path.write_text(wanted, encoding="utf-8")
            print(path)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
