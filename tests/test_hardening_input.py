"""Hardening, second round: hostile plan text reaches every command as a clean error.

Each test fails on the code before issue 16's fix of its class.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLE, run

SELF_ALIAS = "plan: &p\n  title: x\n  self: *p\n"


@pytest.mark.parametrize("command", ["validate", "diff", "export-xlsx", "xlsx-template", "import-xlsx",
                                     "templates check", "fmt", "next-year", "build"])
def test_a_self_referencing_alias_is_a_clean_error_in_every_command(tmp_path: Path, command: str) -> None:
    plan = tmp_path / "alias.yaml"
    plan.write_text(SELF_ALIAS, encoding="utf-8")
    args = {"validate": ["validate", plan], "diff": ["diff", EXAMPLE, plan],
            "export-xlsx": ["export-xlsx", plan, "-o", tmp_path / "x.xlsx"],
            "xlsx-template": ["xlsx-template", plan, "-o", tmp_path / "x.xlsx"],
            "import-xlsx": ["import-xlsx", EXAMPLE, "--into", plan],
            "templates check": ["templates", "check", "--plan", plan],
            "fmt": ["fmt", plan], "next-year": ["next-year", plan, "-o", tmp_path / "n.yaml"],
            "build": ["build", plan, "-o", tmp_path / "out"]}[command]
    code, out, err = run(*args)
    assert code == (2 if command == "diff" else 1)
    expected = f"{plan}:3:9: error: alias (*) อ้างถึง anchor (&) ของข้อมูลที่ตัวเองอยู่ข้างใน"
    assert expected in out + err
    assert plan.read_text(encoding="utf-8") == SELF_ALIAS
