"""Fuzzing workbooks, file names and write failures (issue 16). The long campaigns ran outside the
suite (thousands of cases); these few examples per run keep the properties checked."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import EXAMPLE, run, tiny_templates
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tambondoc.check.validate import validate_file
from tambondoc.files import name_key

FUZZ = settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
CELL_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 10**12), st.floats(allow_nan=True, allow_infinity=True),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30),  # what openpyxl lets a cell hold
    st.sampled_from(["1-1000000000", "9-1", "๑, ๒", "S5", "s5", "P001", "p001", "=1+1", "tm-nongbua",
                     "เทศบาลตำบลหนองบัวงาม", "ทำเอง", "x" * 33_000, "ก\nข"]),
)


def _fresh(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE.parent, tmp_path / "plans", dirs_exist_ok=True)
    return tmp_path / "plans" / EXAMPLE.name


@FUZZ
@given(st.lists(st.tuples(st.integers(2, 8), st.integers(1, 30), CELL_VALUES), min_size=1, max_size=12),
       st.sampled_from(["visible", "hidden"]), st.booleans())
def test_fuzz_workbooks_never_crash_and_never_leave_a_bad_plan(tmp_path: Path, cells: list[tuple[int, int, Any]],
                                                               state: str, combine: bool) -> None:
    plan = _fresh(tmp_path)
    before = plan.read_bytes()
    book = tmp_path / "book.xlsx"  # tmp_path is shared by hypothesis's examples
    assert run("export-xlsx", plan, "-o", book, "--force").code == 0
    wb = openpyxl.load_workbook(book)
    ws = wb["โครงการ"]
    for row, col, value in cells:
        ws.cell(row, col).value = value
    ws.sheet_state = state
    wb.save(book)
    code, _, _ = run("import-xlsx", book, "--into", plan, *(["--combine"] if combine else []))
    assert code in (0, 1)
    if code == 1 or plan.read_bytes() == before:
        assert plan.read_bytes() == before
    else:
        assert validate_file(plan).ok


NAME = st.lists(st.sampled_from(list("aAbB -_.:*?\"<>|\\~'$#") + ["ก", "ี", "ู", "่", "é", "e\u0301", "ß", "\x01"]),
                min_size=1, max_size=12).map("".join)


@FUZZ
@given(st.lists(NAME, min_size=1, max_size=4))
def test_fuzz_plan_names_build_into_distinct_safe_folders(tmp_path: Path, names: list[str]) -> None:
    plans = tmp_path / "in"
    plans.mkdir(exist_ok=True)
    shutil.rmtree(plans)
    shutil.copytree(EXAMPLE.parent, plans)
    (plans / EXAMPLE.name).unlink()
    for name in names:
        if name.strip(".") and "/" not in name:
            (plans / f"{name}.yaml").write_bytes(EXAMPLE.read_bytes())
    out = tmp_path / "out"
    shutil.rmtree(out, ignore_errors=True)
    _, stdout, _ = run("build", "-v", plans, "-o", out, "--templates", tiny_templates(tmp_path / "tpl"), "-j", "1")
    assert "ข้อผิดพลาดภายใน" not in stdout
    folders = [p.name for p in out.iterdir()] if out.exists() else []
    assert len({name_key(f) for f in folders}) == len(folders) == stdout.count(": สร้างแล้ว ")
    for folder in folders:
        assert folder == folder.strip(". ") and not set(folder) & set('/\\:*?"<>|\x01')


COMMANDS = ["fmt", "import-xlsx", "export-xlsx", "next-year", "build"]


@FUZZ
@given(st.sampled_from(COMMANDS), st.integers(0, 6),
       st.sampled_from([errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EIO, errno.EDQUOT]))
def test_fuzz_write_failures_never_crash_never_leave_temporaries(tmp_path: Path, command: str, k: int, err: int) -> None:
    plan = _fresh(tmp_path)
    plan.write_text(plan.read_text(encoding="utf-8").replace("schema_version: 1\n", "schema_version:  1\n"),
                    encoding="utf-8")
    book = tmp_path / "p.xlsx"
    assert run("export-xlsx", plan, "-o", book, "--force").code == 0
    wb = openpyxl.load_workbook(book)
    wb["โครงการ"]["B2"] = "ชื่อใหม่"
    wb.save(book)
    before = plan.read_bytes()
    args = {"fmt": ["fmt", plan], "import-xlsx": ["import-xlsx", book, "--into", plan],
            "export-xlsx": ["export-xlsx", plan, "-o", book, "--force"], "next-year": ["next-year", plan, "-o", tmp_path / "n.yaml"],
            "build": ["build", plan, "-o", tmp_path / "out", "--templates", tiny_templates(tmp_path / "tpl")]}[command]
    calls = {"n": 0}
    real = os.fsync

    def failing(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] > k:
            raise OSError(err, os.strerror(err))
        real(fd)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "fsync", failing)
        code, out, stderr = run(*args)
    assert code in (0, 1) and "ข้อผิดพลาดภายใน" not in out + stderr
    if code == 1:
        assert "เขียนไฟล์ไม่ได้" in out + stderr
        if command in ("fmt", "import-xlsx"):
            assert plan.read_bytes() == before
    assert [p for p in tmp_path.rglob("*.tmp")] == []
