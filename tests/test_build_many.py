"""Building many plans: parallel, incremental, one failure never stops the others."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import tiny_templates
from docx import Document

from tambondoc.cli import cli
from tambondoc.errors import PlanError
from tambondoc.files import inside, safe_name


@pytest.fixture
def district(tmp_path: Path, example_plan: Path) -> Path:
    """A folder of three plans: two good, one with a schema error."""
    plans = example_plan.parent
    text = example_plan.read_text(encoding="utf-8")
    (plans / "second.yaml").write_text(text.replace("name: หนองบัวงาม      #", "name: หนองบัวใหม่      #"), encoding="utf-8")
    (plans / "broken.yaml").write_text(text.replace("households: 245", "households: x"), encoding="utf-8")
    return plans


def build(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["build", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout.splitlines()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_bad_plan_does_not_stop_the_others(tmp_path: Path, district: Path, jobs: str) -> None:
    templates = tiny_templates(tmp_path / "tpl")
    out = tmp_path / "out"
    code, lines = build(str(district), "-o", str(out), "-j", jobs, "--templates", str(templates))
    assert code == 1
    assert lines[-1] == "สร้างแล้ว 2, ไม่เปลี่ยนแปลง 0, ล้มเหลว 1"
    assert f"{district / 'broken.yaml'}: ล้มเหลว: แผนไม่ผ่านการตรวจสอบ" in lines
    for stem in ("example-tambon", "second"):
        assert (out / stem / "plan-book.docx").is_file()
        assert (out / stem / "coordination-abt-nongbua.xlsx").is_file()
    assert not (out / "broken").exists()


def test_incremental_rebuild(tmp_path: Path, example_plan: Path) -> None:
    templates = tiny_templates(tmp_path / "tpl")
    out = tmp_path / "out"
    args = [str(example_plan), "-o", str(out), "--templates", str(templates)]
    assert build(*args)[1][-1] == "สร้างแล้ว 1, ไม่เปลี่ยนแปลง 0, ล้มเหลว 0"
    assert build(*args)[1][-1] == "สร้างแล้ว 0, ไม่เปลี่ยนแปลง 1, ล้มเหลว 0"
    assert build(*args, "--force")[1][-1] == "สร้างแล้ว 1, ไม่เปลี่ยนแปลง 0, ล้มเหลว 0"
    # a changed template is an input
    doc = Document(templates / "kbt-order.docx")
    doc.add_paragraph("เพิ่ม")
    doc.save(templates / "kbt-order.docx")
    assert build(*args)[1][-1] == "สร้างแล้ว 1, ไม่เปลี่ยนแปลง 0, ล้มเหลว 0"
    # so is a referenced image
    (example_plan.parent / "images" / "map.png").write_bytes((example_plan.parent / "images" / "workshop-1.png").read_bytes())
    assert build(*args)[1][-1] == "สร้างแล้ว 1, ไม่เปลี่ยนแปลง 0, ล้มเหลว 0"
    # and a deleted output
    (out / "example-tambon" / "kbt-order.docx").unlink()
    assert build(*args)[1][-1] == "สร้างแล้ว 1, ไม่เปลี่ยนแปลง 0, ล้มเหลว 0"
    # and the plan itself
    example_plan.write_text(example_plan.read_text(encoding="utf-8") + "# แก้ไข\n", encoding="utf-8")
    assert build(*args)[1][-1] == "สร้างแล้ว 1, ไม่เปลี่ยนแปลง 0, ล้มเหลว 0"


def test_failed_build_keeps_previous_outputs(tmp_path: Path, example_plan: Path) -> None:
    templates = tiny_templates(tmp_path / "tpl")
    out = tmp_path / "out"
    assert build(str(example_plan), "-o", str(out), "--templates", str(templates))[0] == 0
    before = {p.name: p.read_bytes() for p in (out / "example-tambon").iterdir()}
    doc = Document()
    doc.add_paragraph("{{ committee.chairman }}")
    doc.save(templates / "kbt-order.docx")
    example_plan.write_text(example_plan.read_text(encoding="utf-8").replace("revision: 2", "revision: 3"), encoding="utf-8")
    code, lines = build(str(example_plan), "-o", str(out), "--templates", str(templates))
    assert code == 1
    failure = [line for line in lines if "ล้มเหลว:" in line]
    assert failure == [f"{example_plan}: ล้มเหลว: kbt-order.docx: "
                       "แม่แบบใช้ตัวแปรที่ไม่มีในข้อมูลแผน: 'dict object' has no attribute 'chairman' "
                       "ใกล้ข้อความ: {{ committee.chairman }}"]
    after = {p.name: p.read_bytes() for p in (out / "example-tambon").iterdir()}
    assert after == before


def test_output_names_stay_inside(tmp_path: Path) -> None:
    assert safe_name("../../etc/passwd") == "etc-passwd"
    assert inside(tmp_path, "coordination-x.docx").parent == tmp_path.resolve()
    with pytest.raises(PlanError):
        inside(tmp_path, "../escape.docx")


def test_same_stem_in_two_folders_is_refused(tmp_path: Path, example_plan: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(example_plan, other / example_plan.name)
    shutil.copytree(example_plan.parent / "images", other / "images")
    code, lines = build(str(example_plan), str(other / example_plan.name), "-o", str(tmp_path / "out"),
                        "--templates", str(tiny_templates(tmp_path / "tpl")))
    assert code == 1
    assert sum("(ชื่อไฟล์ซ้ำกัน) จึงไม่สร้าง" in line for line in lines) == 2  # both: no order decides
