"""The command line as an officer meets it: Thai all through (click's own words too), help that
never cuts a Thai word, -q/-v/--color on every command, NO_COLOR, any console encoding."""

from __future__ import annotations

import ast
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from conftest import ROOT, replace_in, run

from tambondoc.cli import cli
from tambondoc.cli.thai import TH, width, wrap

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _commands(group: click.Group = cli, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    found: list[tuple[tuple[str, ...], click.Command]] = [(prefix, group)]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += _commands(command, (*prefix, name))
        else:
            found.append(((*prefix, name), command))
    return found


def _click_strings() -> set[str]:
    """Every string literal in the installed click's source."""
    strings = set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
    return strings


def test_every_translated_string_is_one_click_uses() -> None:
    """A click upgrade that renames a string leaves it English: this names the ones to update."""
    assert sorted(set(TH) - _click_strings()) == []


def test_usage_errors_are_thai() -> None:
    code, _, err = run("validate")
    assert code == 2
    assert err.splitlines() == ["วิธีใช้: tambondoc validate [OPTIONS] PLANS...",
                                "ดูวิธีใช้ด้วยคำสั่ง 'tambondoc validate --help'", "",
                                "ผิดพลาด: ยังไม่ได้ระบุ 'PLANS...'."]
    assert run("valdate", "x").err.splitlines()[-1] == "ผิดพลาด: ไม่มีคำสั่ง 'valdate' หมายถึง 'validate' หรือไม่?"
    assert run("validate", "missing.yaml").err.splitlines()[-1] == \
        "ผิดพลาด: ค่าของ 'PLANS...' ใช้ไม่ได้: ไม่พบไฟล์หรือโฟลเดอร์ 'missing.yaml'"
    assert run("import-xlsx", "missing.xlsx").err.splitlines()[-1].startswith("ผิดพลาด: ค่าของ 'BOOKS...'")


@pytest.mark.parametrize("path", [p for p, _ in _commands()], ids=lambda p: " ".join(p) or "tambondoc")
def test_help_is_thai(path: tuple[str, ...]) -> None:
    code, out, _ = run(*path, "--help")
    assert code == 0
    assert out.startswith("วิธีใช้: tambondoc")
    for english in ("Usage", "Options:", "Commands:", "Show this message", "[default", "[required]"):
        assert english not in out
    assert "-h, --help" in out and "แสดงวิธีใช้นี้แล้วจบ" in out


@pytest.mark.parametrize("path, command", _commands(), ids=lambda p: " ".join(p) if isinstance(p, tuple) else "")
def test_help_wraps_only_at_spaces(path: tuple[str, ...], command: click.Command) -> None:
    """Every word of the help survives whole on a narrow terminal (click cut long Thai words)."""
    result = CliRunner().invoke(cli, [*path, "--help"], terminal_width=44)
    shown = set(result.stdout.split())
    texts = [command.help or ""] + [getattr(p, "help", None) or "" for p in command.params]
    words = {w for text in texts for w in text.split()}
    assert sorted(words - shown) == []


def test_wrap_counts_what_the_screen_shows() -> None:
    text = "ตรวจสอบไฟล์แผน รายงานปัญหาทั้งหมดพร้อมบรรทัดและคอลัมน์ ที่ต้องแก้ไข"
    assert width("ที่ต้องแก้ไข") == 8  # ่ ้ ้ ไ: tone marks and the vowel above take no column
    assert wrap(text, 30) == ["ตรวจสอบไฟล์แผน", "รายงานปัญหาทั้งหมดพร้อมบรรทัดและคอลัมน์", "ที่ต้องแก้ไข"]
    assert wrap(text, 24, "  ", "  ") == ["  ตรวจสอบไฟล์แผน", "  รายงานปัญหาทั้งหมดพร้อมบรรทัดและคอลัมน์",
                                           "  ที่ต้องแก้ไข"]


@pytest.mark.parametrize("path, command", _commands(), ids=lambda p: " ".join(p) if isinstance(p, tuple) else "")
def test_every_command_takes_quiet_verbose_and_color(path: tuple[str, ...], command: click.Command) -> None:
    options = {o for p in command.params for o in p.opts + p.secondary_opts}
    assert {"-q", "--quiet", "-v", "--verbose", "--color", "--no-color", "-h", "--help"} <= options | {"-h", "--help"}


def test_version_names_the_plan_format() -> None:
    code, out, _ = run("--version")
    assert code == 0
    first, second, third = out.splitlines()
    assert re.fullmatch(r"tambondoc \d+\.\d+\.\d+\S*", first)
    assert second == "รูปแบบไฟล์แผน schema_version: 1"
    assert third.startswith("schema: ") and f"/v{first.split()[1]}/" in third


# ---------------------------------------------------------------- how much is said

def test_validate_says_one_line_per_plan_only_when_asked(example_plan: Path, tmp_path: Path) -> None:
    other = tmp_path / "plans" / "other.yaml"
    other.write_text(example_plan.read_text(encoding="utf-8").replace("households: 245", "households: x"),
                     encoding="utf-8")
    code, out, err = run("validate", example_plan, other)
    assert code == 1 and len(out.splitlines()) == 1
    assert err == "ตรวจ 2 ไฟล์: ผ่าน 1, ไม่ผ่าน 1\n"
    assert run("validate", "-v", example_plan, other).err.splitlines() == [
        f"{example_plan}: ผ่าน", f"{other}: ไม่ผ่าน (ข้อผิดพลาด 1)", "ตรวจ 2 ไฟล์: ผ่าน 1, ไม่ผ่าน 1"]
    assert run("-v", "validate", example_plan).err.splitlines()[0] == f"{example_plan}: ผ่าน"
    quiet = run("validate", "-q", example_plan, other)
    assert (quiet.code, quiet.err, quiet.out) == (1, "", out)


def test_build_lists_plans_and_files_only_when_verbose(example_plan: Path, tmp_path: Path) -> None:
    from conftest import tiny_templates

    templates = tiny_templates(tmp_path / "tpl")
    args = ["build", example_plan, "-o", tmp_path / "out", "--templates", templates]
    assert run(*args).out == "สร้างแล้ว 1, ไม่เปลี่ยนแปลง 0, ล้มเหลว 0\n"
    assert run(*args, "-q") == (0, "", "")
    lines = run(*args, "-v", "--force").out.splitlines()
    assert lines[0] == f"{example_plan}: สร้างแล้ว 6 ไฟล์ใน {tmp_path / 'out' / 'example-tambon'}"
    assert len(lines) == 2
    assert run(*args, "-v").out.splitlines()[0] == \
        f"{example_plan}: ไม่มีการเปลี่ยนแปลง (ข้าม ใช้ --force เพื่อสร้างใหม่)"


def test_fmt_quiet_and_verbose(example_plan: Path) -> None:
    assert run("fmt", "--check", "-q", example_plan) == (0, "", "")
    assert run("fmt", "-v", example_plan).out == f"{example_plan}: จัดรูปแบบถูกต้องแล้ว\n"


# ---------------------------------------------------------------- colour and encoding

def _on_a_terminal(*args: str, env: dict[str, str]) -> str:
    """What ``tambondoc ARGS`` writes to a terminal (a pseudo-terminal), colours included."""
    main, secondary = pty.openpty()
    try:
        subprocess.run([sys.executable, "-m", "tambondoc", *args], stdout=secondary, stderr=secondary,
                       stdin=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT), **env},
                       timeout=120, check=False)
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


def test_colour_on_a_terminal_unless_no_color(example_plan: Path) -> None:
    replace_in(example_plan, "households: 245", "households: x")
    env = {k: "" for k in ("NO_COLOR",)}
    assert ANSI.search(_on_a_terminal("validate", str(example_plan), env=env))
    assert not ANSI.search(_on_a_terminal("validate", str(example_plan), env={"NO_COLOR": "1"}))
    assert ANSI.search(_on_a_terminal("validate", "--color", str(example_plan), env={"NO_COLOR": "1"}))
    assert not ANSI.search(_on_a_terminal("validate", "--no-color", str(example_plan), env=env))


def test_color_option_for_a_pipe(example_plan: Path, tmp_path: Path) -> None:
    new = tmp_path / "new.yaml"
    new.write_text(example_plan.read_text(encoding="utf-8").replace("amount: 450000", "amount: 460000"),
                   encoding="utf-8")
    assert not ANSI.search(run("diff", example_plan, new).out)
    assert ANSI.search(run("diff", "--color", example_plan, new).out)


@pytest.mark.parametrize("encoding", ["ascii", "cp1252", "cp874"])
def test_output_never_fails_on_the_console_encoding(example_plan: Path, encoding: str) -> None:
    line = replace_in(example_plan, "households: 245", "households: x")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": encoding}
    done = []
    for args in (["validate", str(example_plan)], ["validate", "--format", "json", str(example_plan)],
                 ["--help"], ["validate"]):
        ran = subprocess.run([sys.executable, "-m", "tambondoc", *args], capture_output=True,
                                             env=env, timeout=120)
        assert b"Traceback" not in ran.stderr, ran.stderr.decode(encoding, "replace")
        assert ran.returncode in (0, 1, 2)
        done.append(ran)
    assert done[0].stdout.startswith(f"{example_plan}:{line}:".encode())
    # JSON stays JSON: what the console cannot show is written as a \\uXXXX escape
    shown = done[1].stdout.decode("utf-8" if encoding == "ascii" else encoding)  # click writes UTF-8 for ASCII
    assert json.loads(shown)[0]["message"].startswith("ต้องเป็นจำนวนเต็ม")


def test_shell_completion() -> None:
    """The completion the README documents: eval "$(_TAMBONDOC_COMPLETE=bash_source tambondoc)"."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "_TAMBONDOC_COMPLETE": "bash_source"}
    script = subprocess.run([sys.executable, "-m", "tambondoc"], capture_output=True, text=True, env=env,
                            timeout=120).stdout
    assert "_tambondoc_completion" in script
    env.update(_TAMBONDOC_COMPLETE="bash_complete", COMP_WORDS="tambondoc vali", COMP_CWORD="1")
    done = subprocess.run([sys.executable, "-m", "tambondoc"], capture_output=True, text=True, env=env, timeout=120)
    assert done.stdout.splitlines() == ["plain,validate"]
