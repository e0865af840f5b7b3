"""Text from other programs: spaces pasted from LINE, Word or the web, control characters old tools
leave, Notepad's "Unicode". Each is reported at the character (or as the file's encoding), not
where the parser happened to stop."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import replace_in, run

OBJECTIVE = "    objective: เพื่อชะลอน้ำ"
NBSP_HINT = ("มีช่องว่างที่มองไม่เห็น (U+00A0 NO-BREAK SPACE) อยู่ตรงนี้ ซึ่งมักติดมาเมื่อคัดลอกจาก LINE, Word หรือเว็บ "
             "YAML ไม่นับเป็นเว้นวรรค ให้ลบแล้วพิมพ์เว้นวรรคธรรมดาแทน")


def errors(out: str) -> list[str]:
    return [line for line in out.splitlines() if ": error: " in line]


@pytest.mark.parametrize(("new", "column", "detail"), [
    ("    objective:\u00a0เพื่อชะลอน้ำ", 15, "could not find expected ':'"),
    ("  \u00a0 objective: เพื่อชะลอน้ำ", 3, "did not find expected '-' indicator"),
])
def test_a_non_breaking_space_where_yaml_needs_a_space_is_named_at_its_place(
        example_plan: Path, new: str, column: int, detail: str) -> None:
    line = replace_in(example_plan, OBJECTIVE, new)
    code, out, _ = run("validate", example_plan)
    assert code == 1
    assert errors(out) == [f"{example_plan}:{line}:{column}: error: YAML ไม่ถูกต้อง: {NBSP_HINT} [{detail}]"]


def test_other_look_alike_spaces_are_named_too(example_plan: Path) -> None:
    line = replace_in(example_plan, "population: {male: 297", "population: {male:\u3000297")
    code, out, _ = run("validate", example_plan)
    assert code == 1
    assert errors(out) == [f"{example_plan}:{line}:25: error: YAML ไม่ถูกต้อง: มีช่องว่างที่มองไม่เห็น "
                           "(U+3000 IDEOGRAPHIC SPACE) อยู่ตรงนี้ ซึ่งมักติดมาเมื่อคัดลอกจาก LINE, Word หรือเว็บ "
                           "YAML ไม่นับเป็นเว้นวรรค ให้ลบแล้วพิมพ์เว้นวรรคธรรมดาแทน [found unexpected ':']"]


def test_a_non_breaking_space_in_a_value_is_text_and_one_before_a_value_is_named(example_plan: Path) -> None:
    replace_in(example_plan, "    target: ฝาย", "     target: ฝาย")  # another mistake, on the next line
    code, out, _ = run("validate", example_plan)
    assert code == 1 and "YAML ไม่ถูกต้อง" in out
    line = replace_in(example_plan, OBJECTIVE, "    objective: เพื่อ\u00a0ชะลอน้ำ")
    assert run("validate", example_plan)[:2] == (code, out)
    replace_in(example_plan, "    objective: เพื่อ\u00a0", "    objective:\u00a0เพื่อ\u00a0")
    assert errors(run("validate", example_plan).out)[0].startswith(f"{example_plan}:{line}:15: error: YAML ไม่ถูกต้อง: {NBSP_HINT}")


@pytest.mark.parametrize(("char", "name"), [("\x1a", "Ctrl-Z"), ("\x00", "NUL"), ("\x0c", "Form Feed ขึ้นหน้าใหม่"),
                                            ("\x01", "Ctrl-A")])
def test_a_control_character_is_named_at_its_place(example_plan: Path, char: str, name: str) -> None:
    line = replace_in(example_plan, OBJECTIVE, f"    objective: เพื่อ{char}ชะลอน้ำ")
    code, out, _ = run("validate", example_plan)
    assert code == 1
    assert errors(out) == [f"{example_plan}:{line}:21: error: YAML ไม่ถูกต้อง: มีอักขระควบคุม U+{ord(char):04X} ({name}) "
                           "ที่มองไม่เห็นอยู่ตรงนี้ (มักติดมาจากโปรแกรมรุ่นเก่าหรือการคัดลอก) ให้ลบออก "
                           f"[unacceptable character #x{ord(char):04x}: control characters are not allowed]"]


def test_a_dos_end_of_file_mark_is_found_after_the_last_line(example_plan: Path) -> None:
    text = example_plan.read_text(encoding="utf-8")
    example_plan.write_text(text + "\x1a", encoding="utf-8")
    code, out, _ = run("validate", example_plan)
    assert code == 1
    assert errors(out)[0].startswith(f"{example_plan}:{text.count(chr(10)) + 1}:1: error: YAML ไม่ถูกต้อง: "
                                     "มีอักขระควบคุม U+001A (Ctrl-Z) ที่มองไม่เห็นอยู่ตรงนี้")


UTF16 = ("error: ไฟล์บันทึกเป็น Unicode (UTF-16) ซึ่งอ่านไม่ได้ ให้เปิดไฟล์แล้วบันทึกใหม่เป็นการเข้ารหัส UTF-8 "
         "(ใน Notepad: เลือก Save As แล้วเลือก Encoding เป็น UTF-8)")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_plan_saved_as_unicode_says_so(example_plan: Path, encoding: str) -> None:
    example_plan.write_bytes(example_plan.read_text(encoding="utf-8").encode(encoding))
    code, out, _ = run("validate", example_plan)
    assert code == 1
    assert out.splitlines()[0] == f"{example_plan}:1:1: {UTF16}"


def test_a_short_plan_saved_as_unicode_says_so_in_fmt(tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_bytes("schema_version: 1\ntambon:\n  name: หนองบัว\n".encode("utf-16-le"))
    code, _, err = run("fmt", "--check", plan)
    assert code == 1
    assert f"{plan}:1:1: {UTF16}" in err
