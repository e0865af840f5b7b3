"""Hardening, second round: what the commands print (terminal, pull-request comment, CI
annotations) and what diff reads from git.

One test per class of issue 16; each fails on the code before its fix.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, ROOT, replace_in, run

FAKE = 'ถนน\\n\\n## ✅ ผู้ตรวจอนุมัติแล้ว <!-- ซ่อน @admin [x](http://evil) \\e]8;;http://evil\\a|'


def _hostile(plan: Path) -> None:
    replace_in(plan, "name: ขุดลอกหนองน้ำสาธารณะหนองบัวงาม\n", f'name: "{FAKE}"\n')


def test_markdown_diff_escapes_plan_text(example_plan: Path) -> None:
    _hostile(example_plan)
    code, out, _ = run("diff", EXAMPLE, example_plan, "--format", "markdown")
    assert code == 0
    lines = out.splitlines()
    assert [line for line in lines if line.startswith("## ")] == []
    assert "<!--" not in out and "\x1b" not in out and "@admin" not in out
    changed = next(line for line in lines if line.startswith("| ชื่อโครงการ |"))
    assert changed == ("| ชื่อโครงการ | ขุดลอกหนองน้ำสาธารณะหนองบัวงาม | ถนน  ## ✅ ผู้ตรวจอนุมัติแล้ว &lt;!-- ซ่อน "
                       "@\u200badmin \\[x\\](http://evil) \\\\x1b\\]8;;http://evil\\\\x07\\| |")


def test_terminal_text_shows_escape_sequences_instead_of_running_them(example_plan: Path) -> None:
    _hostile(example_plan)
    code, out, _ = run("diff", EXAMPLE, example_plan)
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out
    assert "→ ถนน\\n\\n## ✅ ผู้ตรวจอนุมัติแล้ว <!-- ซ่อน @admin [x](http://evil) \\x1b]8;;http://evil\\x07|" in out


def test_github_annotations_escape_file_names_and_control_characters(tmp_path: Path) -> None:
    plan = tmp_path / "a\n::warning file=x.yaml::pwned %0A,:.yaml"
    plan.write_text(EXAMPLE.read_text(encoding="utf-8").replace("id: P001\n", 'id: "P\\e[31m1"\n', 1),
                    encoding="utf-8")
    code, out, _ = run("validate", "--format", "github", plan)
    assert code == 1
    assert [line[:2] for line in out.splitlines()] == ["::"] * len(out.splitlines())
    assert not any(line.startswith("::warning file=x.yaml") for line in out.splitlines())
    assert "file=" + str(tmp_path).replace(":", "%3A").replace(",", "%2C") + \
        "/a%0A%3A%3Awarning file=x.yaml%3A%3Apwned %250A%2C%3A.yaml,line=" in out
    assert "\x1b" not in out and "'P%1B[31m1'" in out


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t"}
    (tmp_path / "plan.yaml").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "big.yaml").write_bytes(b"# " + b"x" * (11 * 1024 * 1024) + b"\n")
    for args in (["init", "-q"], ["add", "plan.yaml", "big.yaml"], ["commit", "-qm", "x"]):
        subprocess.run(["git", *args], check=True, cwd=tmp_path, env=env)
    return tmp_path


def test_diff_never_lets_git_read_a_side_as_an_option(repository: Path) -> None:
    target = repository / "written-by-git"
    code, _out, err = run("diff", "--", f"--output={target}:x", "plan.yaml")
    assert code == 2
    assert not target.exists()
    assert f"--output={target}:x: อ่านจาก git ไม่ได้" in err


def test_a_git_side_has_the_size_limit_of_a_file(repository: Path) -> None:
    code, _out, err = run("diff", "HEAD:big.yaml", "plan.yaml")
    assert code == 2
    assert err.startswith("HEAD:big.yaml: ไฟล์ใหญ่เกินไป (เกิน 10,485,760 ไบต์)")
    assert run("diff", "HEAD:plan.yaml", "plan.yaml").code == 0


@pytest.mark.parametrize("encoding", ["cp874", "ascii"])
def test_output_never_fails_on_the_console_encoding(example_plan: Path, encoding: str) -> None:
    replace_in(example_plan, "revision: 2 ", "revision: 3 ")
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "tambondoc", "diff", str(EXAMPLE), str(example_plan), "--exit-code"],
                          capture_output=True, env=env, timeout=120)
    assert done.returncode == 1, done.stderr.decode(errors="replace")  # 1: changes found, not a crash
    assert b"2 \\u2192 3" in done.stdout or "2 → 3".encode() in done.stdout
    assert b"Traceback" not in done.stderr


def test_a_failing_diff_exits_2_never_1(example_plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tambondoc.diff import report

    def broken(*args: object, **kwargs: object) -> str:
        raise UnicodeEncodeError("cp874", "→", 0, 1, "character maps to <undefined>")

    monkeypatch.setattr(report, "render", broken)
    code, _, err = run("diff", EXAMPLE, example_plan)
    assert code == 2
    assert err.startswith("ข้อผิดพลาดภายในโปรแกรม: UnicodeEncodeError")


def test_build_and_failure_lines_escape_file_names(tmp_path: Path) -> None:
    """A plan's file name is shown the way plan text is: an OSC sequence in it is escaped in the
    build's per-plan lines and in a failing command's message, never run by the terminal."""
    plan = tmp_path / "a\x1b]8;;evil\x07b.yaml"
    plan.write_text(EXAMPLE.read_text(encoding="utf-8").replace("id: P001\n", "id: P002\n", 1), encoding="utf-8")
    code, out, err = run("build", "-v", plan, "-o", tmp_path / "out")
    assert code == 1
    assert "\x1b" not in out + err and "\\x1b]8;;evil\\x07b.yaml" in out
    code, _, err = run("new", plan, "--tambon", "ก", "--amphoe", "ข", "--changwat", "ค")
    assert code == 1
    assert "\x1b" not in err and "\\x1b]8;;evil\\x07b.yaml: มีไฟล์นี้อยู่แล้ว" in err
