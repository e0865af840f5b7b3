"""Hardening, second round: every write keeps what the user set on a file, and every failed
write says which file and why, in every command.

One test per class of issue 16; each fails on the code before its fix.
"""

from __future__ import annotations

import errno
import os
import resource
import signal
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import EXAMPLE, replace_in, run, tiny_templates

from tambondoc.docx.templates import DISTRICT_TEMPLATE_FILES, TEMPLATE_FILES

UNFORMATTED = ("schema_version: 1\n", "schema_version:    1\n")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_027() -> Iterator[None]:
    old = os.umask(0o027)
    yield
    os.umask(old)


def _book(plan: Path) -> Path:
    book = plan.parent / "projects.xlsx"
    assert run("export-xlsx", plan, "-o", book).code == 0
    import openpyxl

    wb = openpyxl.load_workbook(book)
    wb["โครงการ"]["B2"] = "ชื่อใหม่"
    wb.save(book)
    return book


@pytest.mark.parametrize("command", ["fmt", "import-xlsx", "next-year -o PLAN"])
def test_rewriting_a_plan_keeps_its_mode_owner_and_symlink(tmp_path: Path, example_plan: Path, command: str) -> None:
    real = example_plan.with_name("real.yaml")
    example_plan.rename(real)
    replace_in(real, *UNFORMATTED)
    os.chmod(real, 0o640)
    root = os.geteuid() == 0
    if root:
        os.chown(real, 1234, 5678)
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    args = {"fmt": ["fmt", link], "import-xlsx": ["import-xlsx", _book(real), "--into", link],
            "next-year -o PLAN": ["next-year", link, "-o", link]}[command]
    before = real.read_bytes()
    code, out, err = run(*args)
    assert code == 0, out + err
    assert link.is_symlink() and real.read_bytes() != before
    assert _mode(real) == 0o640
    if root:
        assert (real.stat().st_uid, real.stat().st_gid) == (1234, 5678)


def test_new_files_follow_the_umask_and_outputs_never_write_through_a_link(tmp_path: Path, example_plan: Path,
                                                                           umask_027: None) -> None:
    victim = tmp_path / "victim.xlsx"
    victim.write_bytes(b"keep me")
    link = tmp_path / "projects.xlsx"
    link.symlink_to(victim)
    assert run("export-xlsx", example_plan, "-o", link).code == 1  # an existing name, even a link's, is kept
    assert run("export-xlsx", example_plan, "-o", link, "--force").code == 0
    assert victim.read_bytes() == b"keep me" and not link.is_symlink()
    assert _mode(link) == 0o640
    assert run("next-year", example_plan, "-o", tmp_path / "next.yaml").code == 0
    assert _mode(tmp_path / "next.yaml") == 0o640
    assert run("build", example_plan, "-o", tmp_path / "out", "--templates", tiny_templates(tmp_path / "tpl")).code == 0
    assert {_mode(p) for p in (tmp_path / "out" / "example-tambon").iterdir()} == {0o640}


def _commands(plan: Path, tmp: Path) -> dict[str, tuple[list[object], Path]]:
    """Each command that writes, and the file it writes."""
    return {
        "fmt": (["fmt", plan], plan),
        "import-xlsx": (["import-xlsx", tmp / "projects.xlsx", "--into", plan], plan),
        "export-xlsx": (["export-xlsx", plan, "-o", tmp / "out.xlsx"], tmp / "out.xlsx"),
        "xlsx-template": (["xlsx-template", plan, "-o", tmp / "villages.xlsx"], tmp / "villages.xlsx"),
        "next-year": (["next-year", plan, "-o", tmp / "next.yaml"], tmp / "next.yaml"),
        # new writes the kit first (the schema copy is there) and the plan last, so it can be run again
        "new": (["new", tmp / "new.yaml", "--tambon", "ก", "--amphoe", "ข", "--changwat", "ค"],
                tmp / ".vscode" / "settings.json"),
        "templates docs": (["templates", "docs", "-o", tmp / "templates.md"], tmp / "templates.md"),
        "templates init": (["templates", "init", tmp / "tpl"], tmp / "tpl" / "plan-book.docx"),
        "build": (["build", plan, "-o", tmp / "build"], tmp / "build" / "example-tambon" / "plan-book.docx"),
    }


@pytest.mark.parametrize("command", list(_commands(EXAMPLE, EXAMPLE.parent)))
def test_a_full_disk_is_a_clear_message_naming_the_file_in_every_command(
        tmp_path: Path, example_plan: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    replace_in(example_plan, *UNFORMATTED)
    _book(example_plan).rename(tmp_path / "projects.xlsx")
    args, target = _commands(example_plan, tmp_path)[command]
    before = example_plan.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    code, out, err = run(*args)
    assert code == 1
    assert f"{target}: เขียนไฟล์ไม่ได้: พื้นที่ดิสก์เต็ม ให้ลบไฟล์ที่ไม่ใช้หรือเลือกที่เก็บอื่น [No space left on device]" \
        in out + err
    assert example_plan.read_bytes() == before
    folder = target.parent
    assert not folder.exists() or not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_templates_init_never_leaves_a_truncated_template(tmp_path: Path) -> None:
    target = tmp_path / "tpl"
    old = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, old[1]))  # a disk that fills after 20 kB a file
    try:
        code, _, err = run("templates", "init", target)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old)
        signal.signal(signal.SIGXFSZ, old_handler)
    assert code == 1 and "เขียนไฟล์ไม่ได้" in err
    assert [p.name for p in target.iterdir()] == [] if target.exists() else True
    code, out, _ = run("templates", "init", target)
    assert code == 0 and f"คัดลอกแม่แบบ {len(TEMPLATE_FILES) + len(DISTRICT_TEMPLATE_FILES)} ไฟล์" in out
    code, out, _ = run("templates", "check", "--templates", target)
    assert code == 0, out


def test_templates_check_reports_a_corrupt_template(tmp_path: Path) -> None:
    target = tmp_path / "tpl"
    assert run("templates", "init", target).code == 0
    (target / "kbt-order.docx").write_bytes((target / "kbt-order.docx").read_bytes()[:5000])
    code, out, _ = run("templates", "check", "--templates", target)
    assert code == 1
    assert (f"{target / 'kbt-order.docx'}:1:1: error: แม่แบบนี้ไม่ใช่ไฟล์ Word (.docx) ที่เปิดได้ (ไฟล์อาจเสีย คัดลอกไม่ครบ "
            "หรือบันทึกเป็นชนิดอื่น) ให้เปิดใน Word แล้วบันทึกเป็น .docx ใหม่ หรือคัดลอกแม่แบบมาตรฐานด้วย tambondoc templates init [") in out
    code, out, err = run("build", EXAMPLE, "-o", tmp_path / "out", "--templates", target)
    assert code == 1 and (f"kbt-order.docx: แม่แบบ {target / 'kbt-order.docx'} ไม่ใช่ไฟล์ Word (.docx) ที่เปิดได้" in out + err)


def test_a_full_temporary_folder_while_making_a_workbook_is_a_clean_failure(tmp_path: Path, example_plan: Path) -> None:
    import subprocess
    import sys

    from conftest import ROOT

    def small_files() -> None:  # openpyxl writes each sheet to a temporary file before zipping it
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))

    done = subprocess.run([sys.executable, "-m", "tambondoc", "export-xlsx", str(example_plan), "-o",
                           str(tmp_path / "p.xlsx")], capture_output=True, text=True, timeout=120,
                          preexec_fn=small_files, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1
    assert done.stderr.startswith("สร้างไฟล์ Excel ไม่ได้ เพราะเขียนไฟล์ชั่วคราวใน")
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
