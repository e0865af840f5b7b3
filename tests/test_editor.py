"""What an editor shows while an officer types a plan: the schema's Thai hover texts, messages
and value descriptions (made by scripts/enrich_schema.py), checked as the script's output and
through the real yaml-language-server (tests/node/) when Node.js is installed."""

from __future__ import annotations

import copy
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from conftest import ROOT

from tambondoc import REPOSITORY, __version__
from tambondoc.plan.schema import id_version, schema

SCHEMA = ROOT / "schemas" / "tambon-plan.schema.json"


def _enrich_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("enrich_schema", ROOT / "scripts" / "enrich_schema.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _nodes(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found += _nodes(value)
    elif isinstance(node, list):
        for value in node:
            found += _nodes(value)
    return found


def test_committed_schema_is_what_enrich_makes() -> None:
    """scripts/enrich_schema.py owns $id and the editor keywords: after adding or changing a
    field, or the version, run python scripts/enrich_schema.py."""
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "enrich_schema.py"), "--check"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_enrich_is_idempotent_and_covers_a_field_added_by_hand() -> None:
    enrich = _enrich_module()
    raw = json.loads(SCHEMA.read_text(encoding="utf-8"))
    raw["properties"]["plan"]["properties"]["signed_on"] = {
        "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "title": "วันที่ลงนาม",
        "description": "วันที่ลงนาม_ในแผน"}
    once = enrich.enriched(copy.deepcopy(raw))
    assert enrich.enriched(copy.deepcopy(once)) == once
    field = once["properties"]["plan"]["properties"]["signed_on"]
    assert field["errorMessage"] == "ต้องเป็นข้อความ (วันที่ลงนาม)"
    assert field["patternErrorMessage"] == "เขียนวันที่เป็น ปปปป-ดด-วว โดยปีเป็น พ.ศ. เช่น 2570-03-20 (วันที่ลงนาม)"
    assert field["markdownDescription"] == ("วันที่ลงนาม\\_ในแผน\n\n`plan.signed_on` · ข้อความ · ไม่บังคับ · "
                                            "เขียนวันที่เป็น ปปปป-ดด-วว โดยปีเป็น พ.ศ. เช่น 2570-03-20")
    assert list(field) == ["type", "pattern", "title", "description", "markdownDescription", "errorMessage",
                           "patternErrorMessage"]


def test_schema_id_is_the_versioned_address_in_the_release() -> None:
    assert schema()["$id"] == f"{REPOSITORY}/raw/v{__version__}/schemas/tambon-plan.schema.json"
    assert id_version(schema()["$id"]) == tuple(int(n) for n in __version__.split("."))
    assert id_version("https://tambondoc.example/schemas/tambon-plan.schema.json") is None


def test_every_field_speaks_thai_to_the_editor() -> None:
    enrich = _enrich_module()
    for node in _nodes(schema()["properties"]):
        if "enum" in node:
            assert len(node["markdownEnumDescriptions"]) == len(node["enum"])
        if "pattern" in node:
            assert node["pattern"] in enrich.PATTERNS, "say in words what the new pattern wants"
            assert node["pattern"] not in node["patternErrorMessage"]
        if "type" in node or "enum" in node or "const" in node:
            assert node["errorMessage"] and node["markdownDescription"]
    approach = schema()["properties"]["projects"]["items"]["properties"]["approach"]
    assert approach["markdownEnumDescriptions"] == ["ชุมชนทำเอง", "ทำร่วมกับหน่วยงาน", "ขอรับการสนับสนุนจากภายนอก"]
