"""Hardening, sixth round: small defects a hostile-input probe left in the commands that rewrite
YAML and the repository commands.

One test per problem found; each fails on the code before its fix.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import run


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"])
def test_a_plan_not_in_utf8_is_named_at_its_line_whatever_its_line_ends(tmp_path: Path, end: str) -> None:
    """The line of the first byte that is not UTF-8 counted LF only: line 1 in a CR-only file."""
    plan = tmp_path / "win.yaml"
    plan.write_bytes(end.join(["schema_version: 1", "tambon:", "  name: หนองบัว", ""]).encode("cp874"))
    code, out, _ = run("validate", plan)
    assert code == 1
    assert out.startswith(f"{plan}:3:9: error: ไฟล์ไม่ใช่ UTF-8 (อาจบันทึกเป็น Windows-874/TIS-620) "
                          "ให้เปิดไฟล์แล้วบันทึกใหม่เป็นการเข้ารหัส UTF-8\n")


LARGEST = "ใส่ได้ไม่เกิน 1,000,000,000,000 บาท ตรวจว่าพิมพ์ตัวเลขถูก"


@pytest.mark.parametrize(("cell", "shown"), [(1e308, "1e+308"), (1e12 + 1, "1000000000001"),
                                             ("9" * 300, "9" * 20 + "...")])
def test_an_absurd_budget_cell_is_refused_at_the_cell_with_the_largest_amount(
        tmp_path: Path, example_plan: Path, cell: object, shown: str) -> None:
    """A budget cell of 1e308 passed the cell checks and failed the schema after the merge, twice,
    each time shown as a number of 300 digits cut off."""
    import openpyxl

    book = tmp_path / "projects.xlsx"
    assert run("export-xlsx", example_plan, "-o", book).code == 0
    wb = openpyxl.load_workbook(book)
    assert wb["โครงการ"]["M1"].value == "งบท้องถิ่น 2571"
    wb["โครงการ"]["M5"] = cell
    wb.save(book)
    before = example_plan.read_bytes()
    code, out, err = run("import-xlsx", book, "--into", example_plan)
    assert code == 1
    assert (out + err).splitlines() == [f"{book}:โครงการ!M5: error: งบประมาณ (บาท) มากเกินไป (พบ {shown}) {LARGEST}",
                                        f"นำเข้าไม่สำเร็จ: พบปัญหา 1 รายการ {example_plan} ไม่ถูกแก้ไข"]
    assert example_plan.read_bytes() == before


def test_the_largest_amount_is_the_schemas_and_is_accepted(tmp_path: Path, example_plan: Path) -> None:
    import openpyxl

    from tambondoc.importing.rows import largest_amount
    from tambondoc.plan.schema import node

    funding = node("projects", "[]", "budget", "[]", "funding")
    assert largest_amount() == 10**12 == funding["additionalProperties"]["maximum"]
    assert {s["maximum"] for s in funding["properties"].values()} == {largest_amount()}
    book = tmp_path / "projects.xlsx"
    assert run("export-xlsx", example_plan, "-o", book).code == 0
    wb = openpyxl.load_workbook(book)
    wb["โครงการ"]["M5"] = largest_amount()
    wb.save(book)
    code, out, err = run("import-xlsx", book, "--into", example_plan)
    assert code == 0, out + err
    assert "1000000000000" in example_plan.read_text(encoding="utf-8")


ALIASED = "plan: &p\n  title: t\ntambon: *p\nschema_version: 1\n"  # reordering would put the alias first
CHANGES = ("จัดรูปแบบแล้วข้อมูลจะเปลี่ยน จึงไม่แก้ไฟล์ (เกิดจาก anchor/alias & * หรือ << "
           "หรือข้อความหลายบรรทัดแบบ |+) ให้เขียนข้อมูลตรง ๆ แทนแล้วลองใหม่")


@pytest.mark.parametrize("check", [False, True])
def test_fmts_refusal_to_change_data_is_a_problem_line_with_its_level(tmp_path: Path, check: bool) -> None:
    """'plan.yaml:3:9: จัดรูปแบบแล้วข้อมูลจะเปลี่ยน ...' had no 'error:' as every other problem line
    has, so an editor's or CI's problem matcher did not take it."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(ALIASED, encoding="utf-8")
    code, out, err = run("fmt", *(["--check"] if check else []), plan)
    assert code == 1 and out == ""
    assert err.splitlines() == [f"{plan}:3:9: error: {CHANGES}"] + (["ตรวจ 1 ไฟล์: จัดรูปแบบไม่ได้ 1 ไฟล์"] if check else [])
    assert plan.read_text(encoding="utf-8") == ALIASED


def test_fmts_refusals_are_problems_with_the_fmt_rule() -> None:
    """A refusal carries its Problem, so any reporter can print it."""
    from tambondoc.authoring.fmt import format_text
    from tambondoc.errors import PlanError, Problem

    with pytest.raises(PlanError) as caught:
        format_text(ALIASED, "plan.yaml")
    assert caught.value.problems == [Problem("plan.yaml", 3, 9, CHANGES)]
    assert (caught.value.problems[0].level, caught.value.problems[0].rule) == ("error", "fmt")
    assert str(caught.value) == f"plan.yaml:3:9: error: {CHANGES}"


@pytest.mark.parametrize("spec", ["HEAD:", "main:"])
def test_diff_of_a_revision_without_a_path_says_the_path_is_missing(
        tmp_path: Path, example_plan: Path, monkeypatch: pytest.MonkeyPatch, spec: str) -> None:
    """'HEAD:' showed git's root folder and was told to be a folder, with 'HEAD:/x.yaml' (a path
    git refuses) as the example."""
    monkeypatch.chdir(tmp_path)
    for args in (["init", "-q", "-b", "main"], ["add", "plans"], ["commit", "-qm", "plans"]):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=tmp_path,
                       check=True, capture_output=True)
    for old, new in ((spec, example_plan), (example_plan, spec)):
        assert tuple(run("diff", old, new)) == (2, "", (
            f"{spec}: ไม่ได้ระบุ path ของไฟล์แผนหลัง ':' ให้ระบุเป็น REV:path เช่น {spec}plans/x.yaml\n"))
    assert run("diff", f"{spec}plans/example-tambon.yaml", example_plan).code == 0


NAMES = ["--tambon", "หนองบัวงาม", "--amphoe", "เมืองขอนแก่น", "--changwat", "ขอนแก่น"]


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_new_writes_nothing_when_a_kit_file_cannot_be_written_and_can_be_run_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ci: str) -> None:
    """'.github' as a file failed 'new --ci github' after the plan was written: the rerun, once
    the file was moved, was refused because the plan existed."""
    monkeypatch.chdir(tmp_path)
    blocker, target = {"github": (".github", ".github/workflows/plans.yml"),
                       "gitlab": (".gitlab-ci.yml/", ".gitlab-ci.yml")}[ci]
    if blocker.endswith("/"):
        (tmp_path / blocker).mkdir()
    else:
        (tmp_path / blocker).write_text("x", encoding="utf-8")
    code, out, err = run("new", "plans/x.yaml", *NAMES, "--ci", ci)
    assert (code, out) == (1, "")
    if ci == "github":
        assert err == (f"{tmp_path}/.github: เป็นไฟล์ แต่ต้องเป็นโฟลเดอร์เพื่อเขียน {tmp_path}/{target} "
                       "จึงยังไม่ได้เขียนไฟล์ใด ให้ย้ายหรือเปลี่ยนชื่อไฟล์นี้แล้วสั่งใหม่\n")
    else:
        assert err == (f"{tmp_path}/{target}: เป็นโฟลเดอร์ แต่ต้องเขียนเป็นไฟล์ "
                       "จึงยังไม่ได้เขียนไฟล์ใด ให้ย้ายหรือเปลี่ยนชื่อโฟลเดอร์นี้แล้วสั่งใหม่\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [blocker.rstrip("/")]
    (tmp_path / blocker.rstrip("/")).rename(tmp_path / "moved")
    code, out, err = run("new", "plans/x.yaml", *NAMES, "--ci", ci)
    assert code == 0, out + err
    assert (tmp_path / "plans" / "x.yaml").is_file() and (tmp_path / target).is_file()


def test_new_refuses_a_plan_inside_a_file_before_writing_the_kit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plans").write_text("x", encoding="utf-8")
    code, _, err = run("new", "plans/x.yaml", *NAMES)
    assert code == 1
    assert err == ("plans: เป็นไฟล์ แต่ต้องเป็นโฟลเดอร์เพื่อเขียน plans/x.yaml "
                   "จึงยังไม่ได้เขียนไฟล์ใด ให้ย้ายหรือเปลี่ยนชื่อไฟล์นี้แล้วสั่งใหม่\n")
    assert [p.name for p in tmp_path.iterdir()] == ["plans"]


def test_new_district_writes_nothing_when_a_kit_file_cannot_be_written(tmp_path: Path) -> None:
    """new-district wrote district.yaml and the plans before the kit failed: the rerun was refused."""
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / ".github").write_text("x", encoding="utf-8")
    args = ["new-district", folder, "--amphoe", "เมืองขอนแก่น", "--changwat", "ขอนแก่น", "--tambon", "ศิลา",
            "--ci", "github"]
    code, _, err = run(*args)
    assert code == 1
    assert err.startswith(f"{folder}/.github: เป็นไฟล์ แต่ต้องเป็นโฟลเดอร์เพื่อเขียน")
    assert [p.name for p in folder.iterdir()] == [".github"]
    (folder / ".github").unlink()
    code, out, err = run(*args)
    assert code == 0, out + err
