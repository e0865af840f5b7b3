"""Hardening, second round: the build's outputs, names, stamps, links, images and workers.

One test per class of issue 16; each fails on the code before its fix.
"""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest
from conftest import replace_in, run, tiny_templates

from tambondoc.build import batch

LG = "    - id: tm-nongbua\n"


def build(*args: object) -> tuple[int, list[str]]:
    code, out, _ = run("build", *args)
    return code, out.splitlines()


def test_output_folders_keep_thai_names_and_refuse_every_collision(tmp_path: Path, example_plan: Path) -> None:
    plans = example_plan.parent
    text = example_plan.read_text(encoding="utf-8")
    (plans / "sub").mkdir()
    names = ["ตำบลนาดี", "ตำบลนาดู", "a b", "a-b", "sub/A B", "x:y"]
    for name in names:
        (plans / f"{name}.yaml").write_text(text.replace("images/", "../images/") if "/" in name else text,
                                            encoding="utf-8")
    example_plan.unlink()
    out = tmp_path / "out"
    code, lines = build(plans, "-o", out, "--templates", tiny_templates(tmp_path / "tpl"), "-j", "1")
    assert code == 1
    assert sorted(p.name for p in out.iterdir()) == ["a-b", "x-y", "ตำบลนาดี", "ตำบลนาดู"]
    refused = sorted(line.split(":")[0] for line in lines if "(ชื่อไฟล์ซ้ำกัน) จึงไม่สร้าง" in line)
    assert refused == sorted([str(plans / "a b.yaml"), str(plans / "sub" / "A B.yaml")])


@pytest.mark.parametrize("first, second", [("tm-nongbua", "TM-Nongbua"), ("tm-nongbua", "tm-nongbua."),
                                           ("tm-nongbua", '"tm-nongbua\\n"')])
def test_local_government_ids_that_name_one_file_are_refused(example_plan: Path, first: str, second: str) -> None:
    line = replace_in(example_plan, "    - id: abt-nongbua\n", f"    - id: {second}\n")
    code, out, _ = run("validate", example_plan)
    assert code == 1
    if "\\n" in second:
        assert f"{example_plan}:{line}:11: error: 'tm-nongbua\\n' (รหัส อปท.) ใช้ได้เฉพาะอักษรอังกฤษ" in out
    else:
        assert f"{example_plan}:{line}:11: error: รหัส อปท. '{second}' ซ้ำกับรายการที่ 1 ('{first}'" in out


def test_a_name_too_long_is_refused_before_any_file_is_written(tmp_path: Path, example_plan: Path) -> None:
    long_id = "x" * 240
    text = example_plan.read_text(encoding="utf-8")
    example_plan.write_text(text.replace("tm-nongbua", long_id), encoding="utf-8")
    out = tmp_path / "out"
    code, lines = build(example_plan, "-o", out, "--templates", tiny_templates(tmp_path / "tpl"))
    assert code == 1
    assert f"{example_plan}: ล้มเหลว: ชื่อไฟล์ผลลัพธ์ยาวเกินไป (258 ไบต์ เกิน 255): coordination-{long_id}.docx" in lines[0]
    assert not (out / "example-tambon").exists() or not any((out / "example-tambon").iterdir())


def test_outputs_the_build_no_longer_makes_and_temporaries_are_removed(tmp_path: Path, example_plan: Path) -> None:
    out, templates = tmp_path / "out", tiny_templates(tmp_path / "tpl")
    assert build(example_plan, "-o", out, "--templates", templates)[0] == 0
    folder = out / "example-tambon"
    mine = ["notes.txt", "coordination-mine.docx", ".plan-book.docx.tmp"]
    for name in [*mine, ".plan-book.docx.k2j4_x9a.tmp", ".coordination-tm-nongbua.xlsx.0123abcd.tmp"]:
        (folder / name).write_bytes(b"x")
    text = example_plan.read_text(encoding="utf-8")
    example_plan.write_text(text.replace("tm-nongbua", "tm-nongbua-ngam"), encoding="utf-8")
    code, lines = build(example_plan, "-o", out, "--templates", templates)
    assert code == 0, lines
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [".tambondoc-stamp.json", "plan-book.docx", "kbt-order.docx", "coordination-abt-nongbua.docx",
         "coordination-abt-nongbua.xlsx", "coordination-tm-nongbua-ngam.docx", "coordination-tm-nongbua-ngam.xlsx",
         *mine])
    assert f"{example_plan}: ลบไฟล์ที่การสร้างครั้งนี้ไม่ได้สร้างแล้ว: coordination-tm-nongbua.docx" in lines


def test_the_stamp_records_the_bytes_that_were_validated(tmp_path: Path, example_plan: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from tambondoc.build import plan as build_plan
    from tambondoc.check.validate import validate_file

    def validate_then_save(path: Path):  # the officer saves the plan while the build runs
        result = validate_file(path)
        replace_in(path, "revision: 2 ", "revision: 3 ")
        return result

    monkeypatch.setattr(build_plan, "validate_file", validate_then_save)
    out, templates = tmp_path / "out", tiny_templates(tmp_path / "tpl")
    assert build(example_plan, "-o", out, "--templates", templates)[0] == 0
    monkeypatch.undo()
    assert build(example_plan, "-o", out, "--templates", templates)[1][-1] == "สร้างแล้ว 1, ไม่เปลี่ยนแปลง 0, ล้มเหลว 0"


def _dies_on(plan: Path, *args: object) -> batch.Outcome:
    if plan.stem == "killed":
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer does
    return ORIGINAL_BUILD_ONE(plan, *args)  # type: ignore[arg-type]


ORIGINAL_BUILD_ONE = batch.build_one


def test_a_killed_worker_loses_only_its_plan(tmp_path: Path, example_plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("killed", "second", "third"):
        shutil.copy(example_plan, example_plan.with_name(f"{name}.yaml"))
    monkeypatch.setattr(batch, "build_one", _dies_on)
    code, lines = build(example_plan.parent, "-o", tmp_path / "out", "--templates", tiny_templates(tmp_path / "tpl"),
                        "-j", "2")
    assert code == 1
    assert [line for line in lines if "ล้มเหลว:" in line] == [
        f"{example_plan.with_name('killed.yaml')}: ล้มเหลว: {batch.LOST}"]
    assert lines[-1] == "สร้างแล้ว 3, ไม่เปลี่ยนแปลง 0, ล้มเหลว 1"


def test_outputs_never_follow_links(tmp_path: Path, example_plan: Path) -> None:
    out, templates = tmp_path / "out", tiny_templates(tmp_path / "tpl")
    victim, elsewhere = tmp_path / "victim.txt", tmp_path / "elsewhere"
    victim.write_text("keep me", encoding="utf-8")
    (out / "example-tambon").mkdir(parents=True)
    (out / "example-tambon" / "plan-book.docx").symlink_to(victim)
    assert build(example_plan, "-o", out, "--templates", templates)[0] == 0
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not (out / "example-tambon" / "plan-book.docx").is_symlink()
    elsewhere.mkdir()
    shutil.rmtree(out / "example-tambon")
    (out / "example-tambon").symlink_to(elsewhere)
    code, lines = build(example_plan, "-o", out, "--templates", templates)
    assert code == 1 and "โฟลเดอร์ผลลัพธ์เป็นลิงก์ (symlink) ไปที่อื่น" in lines[0]
    assert list(elsewhere.iterdir()) == []


def test_a_file_that_is_not_an_image_is_left_out_with_a_warning(tmp_path: Path, example_plan: Path) -> None:
    images = example_plan.parent / "images"
    (images / "map.png").write_bytes(b"")
    whole = (images / "workshop-1.png").read_bytes()
    (images / "workshop-1.png").write_bytes(whole[: len(whole) // 2])  # the header reads well
    (images / "workshop-2.png").write_text("not a picture", encoding="utf-8")
    code, out, err = run("build", example_plan, "-o", tmp_path / "out")
    assert code == 0, out
    for name, why in (("map.png", "ไฟล์ว่าง"), ("workshop-1.png", "ไฟล์ภาพเสียหรือไม่ครบ"), ("workshop-2.png", "ไม่ใช่ไฟล์ภาพ")):
        assert f"warning: plan-book.docx: ไฟล์ภาพ images/{name} ใช้ไม่ได้: {why}" in err


def test_images_outside_the_repository_are_refused_and_special_files_never_read(tmp_path: Path, example_plan: Path) -> None:
    from tambondoc.build.incremental import digest

    (tmp_path / "secret.png").write_bytes((example_plan.parent / "images" / "map.png").read_bytes())
    line = replace_in(example_plan, "map_image: images/map.png", "map_image: ../secret.png")
    photo = replace_in(example_plan, "{file: images/workshop-1.png,", "{file: /etc/passwd,")
    code, out, _ = run("validate", example_plan)
    assert code == 1
    assert f"{example_plan}:{line}:14: error: ภาพ '../secret.png' อยู่นอกโฟลเดอร์ของไฟล์แผน" in out
    assert f"{example_plan}:{photo}:14: error: ภาพ '/etc/passwd' อยู่นอกโฟลเดอร์ของไฟล์แผน" in out
    (tmp_path / ".git").mkdir()  # in a repository, anything inside it may be used
    code, out, _ = run("validate", example_plan)
    assert f":{line}:" not in out and f"{example_plan}:{photo}:14: error: ภาพ '/etc/passwd' อยู่นอกที่เก็บ git" in out
    class Hung(Exception):  # not an OSError: the code under test cannot swallow it
        pass

    def hung(*_: object) -> None:
        raise Hung("waited on a FIFO")

    os.mkfifo(example_plan.parent / "images" / "fifo.png")
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)  # a FIFO read would block forever
    try:
        assert digest(example_plan.parent / "images" / "fifo.png") is None
        assert digest(Path("/dev/zero")) is None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("year", ["2500", "2700"])
def test_an_approval_date_outside_zip_dates_still_builds(tmp_path: Path, example_plan: Path, year: str) -> None:
    """Outputs are dated from the plan (the same plan gives the same bytes), and a zip entry holds
    only 1980-2107: a typo'd year ("2500" for "2570", or "2700") was an internal error."""
    text = example_plan.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.strip().startswith("approved_on:"))
    example_plan.write_text(text.replace(old, f'  approved_on: "{year}-03-20"'), encoding="utf-8")
    code, lines = build(example_plan, "-o", tmp_path / "out")
    assert code == 0, lines
    assert {p.suffix for p in (tmp_path / "out" / example_plan.stem).iterdir()} >= {".docx", ".xlsx"}


def _png(width: int, height: int) -> bytes:
    """A PNG whose header declares ``width`` x ``height`` pixels and that holds none."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) \
        + chunk(b"IEND", b"")


def test_an_image_declaring_billions_of_pixels_is_left_out(tmp_path: Path, example_plan: Path) -> None:
    """69 bytes saying 60,000 x 60,000 pixels built into a document Word needs gigabytes to open."""
    (example_plan.parent / "images" / "map.png").write_bytes(_png(60000, 60000))
    code, out, err = run("build", example_plan, "-o", tmp_path / "out")
    assert code == 0, out
    assert ("warning: plan-book.docx: ไฟล์ภาพ images/map.png ใช้ไม่ได้: ภาพใหญ่ 60,000 × 60,000 พิกเซล "
            "เกินกว่าที่ Word จะเปิดได้ ให้ย่อภาพ (ด้านยาวไม่เกิน 2000 พิกเซล) จึงเว้นภาพนี้ไว้") in err
