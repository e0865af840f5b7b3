"""A district's own plan repository: what `tambondoc new` and `tambondoc schema` put there, the
warning when its schema copy falls behind, and the CI and pre-commit files it can copy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, run

from tambondoc import __version__
from tambondoc.plan.schema import schema

NEW = ("--tambon", "หนองบัว", "--amphoe", "เมืองพิษณุโลก", "--changwat", "พิษณุโลก")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """An empty git repository (only its .git folder matters here)."""
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    return tmp_path / "repo"


def test_new_writes_the_plan_and_the_editor_kit(repo: Path) -> None:
    plan = repo / "plans" / "อำเภอเมือง" / "หนองบัว.yaml"
    code, out, _ = run("new", plan, *NEW)
    assert code == 0
    assert out.splitlines()[1] == (f"เพิ่มไฟล์ของคลังแผน: {repo}/schemas/tambon-plan.schema.json, "
                                   f"{repo}/.vscode/settings.json, {repo}/.vscode/extensions.json, {repo}/.editorconfig, "
                                   f"{repo}/.gitignore")
    assert plan.read_text(encoding="utf-8").splitlines()[0] == \
        "# yaml-language-server: $schema=../../schemas/tambon-plan.schema.json"
    assert json.loads((repo / "schemas" / "tambon-plan.schema.json").read_text(encoding="utf-8")) == schema()
    settings = json.loads((repo / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {"./schemas/tambon-plan.schema.json": ["plans/อำเภอเมือง/**/*.yaml",
                                                                             "plans/อำเภอเมือง/**/*.yml"]}
    assert json.loads((repo / ".vscode" / "extensions.json").read_text(encoding="utf-8")) == \
        {"recommendations": ["redhat.vscode-yaml"]}
    assert "indent_size = 2" in (repo / ".editorconfig").read_text(encoding="utf-8")
    assert "/build/" in (repo / ".gitignore").read_text(encoding="utf-8").splitlines()  # build's default output
    assert run("validate", plan).err.endswith("ไม่ผ่าน 1\n")  # the blanks, but no warning about the schema
    assert "schema-copy" not in run("validate", "--format", "json", plan).out


def test_a_second_plan_keeps_the_kit_and_settings_only_gain_what_they_lack(repo: Path) -> None:
    (repo / ".vscode").mkdir()
    (repo / ".vscode" / "settings.json").write_text('{"editor.fontSize": 16}', encoding="utf-8")
    (repo / ".vscode" / "extensions.json").write_text('// mine\n{"recommendations": []}', encoding="utf-8")
    (repo / ".editorconfig").write_text("root = true\n", encoding="utf-8")
    (repo / ".gitignore").write_text("*.log\n", encoding="utf-8")
    code, out, _ = run("new", repo / "plans" / "a.yaml", *NEW)
    assert code == 0
    assert json.loads((repo / ".vscode" / "settings.json").read_text(encoding="utf-8")) == {
        "editor.fontSize": 16,
        "yaml.schemas": {"./schemas/tambon-plan.schema.json": ["plans/**/*.yaml", "plans/**/*.yml"]}}
    assert (repo / ".vscode" / "extensions.json").read_text(encoding="utf-8").startswith("// mine")
    assert f"{repo}/.vscode/extensions.json: อ่านเป็น JSON ไม่ได้" in out
    assert (repo / ".editorconfig").read_text(encoding="utf-8") == "root = true\n"
    assert (repo / ".gitignore").read_text(encoding="utf-8") == "*.log\n"
    before = {p: p.read_bytes() for p in repo.rglob("*") if p.is_file()}
    code, out, _ = run("new", repo / "plans" / "b.yaml", *NEW, "-v")
    assert code == 0 and "เพิ่มไฟล์ของคลังแผน" not in out
    assert f"มีอยู่แล้ว ไม่ได้แก้: {repo}/schemas/tambon-plan.schema.json" in out.splitlines()
    assert {p: p.read_bytes() for p in before} == before


def test_new_without_a_repository_uses_the_folder_above_plans(tmp_path: Path) -> None:
    plan = tmp_path / "plans" / "x.yaml"
    assert run("new", plan, *NEW)[0] == 0
    assert (tmp_path / "schemas" / "tambon-plan.schema.json").is_file()
    alone = tmp_path / "elsewhere" / "y.yaml"
    assert run("new", alone, *NEW)[0] == 0
    assert alone.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=schemas/tambon-plan")
    assert "yaml.schemas" not in json.loads((alone.parent / ".vscode" / "settings.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("ci, files", [
    ("github", {".github/workflows/plans.yml": "github-workflow.yml"}),
    ("gitlab", {".gitlab-ci.yml": "gitlab-ci.yml"}),
])
def test_new_with_ci_copies_the_examples(repo: Path, ci: str, files: dict[str, str]) -> None:
    assert run("new", repo / "plans" / "x.yaml", *NEW, "--ci", ci)[0] == 0
    for target, example in {**files, ".pre-commit-config.yaml": "pre-commit-config.yaml"}.items():
        assert (repo / target).read_bytes() == (ROOT / "examples" / example).read_bytes()


def test_schema_command_prints_or_writes_the_installed_schema(tmp_path: Path) -> None:
    code, out, _ = run("schema")
    assert code == 0 and json.loads(out) == schema()
    code, out, _ = run("schema", "--write", tmp_path / "schemas")
    assert (code, out) == (0, f"เขียน {tmp_path}/schemas/tambon-plan.schema.json (schema ของ tambondoc {__version__})\n")
    assert json.loads((tmp_path / "schemas" / "tambon-plan.schema.json").read_text(encoding="utf-8")) == schema()
    assert run("schema", "-q", "--write", tmp_path / "schemas") == (0, "", "")


# ---------------------------------------------------------------- the repository's copy of the schema

def _copy(example_plan: Path) -> Path:
    return example_plan.parent.parent / "schemas" / "tambon-plan.schema.json"


def _rewrite(path: Path, **changes: object) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**data, **changes}, ensure_ascii=False), encoding="utf-8")


def test_validate_warns_when_the_schema_copy_is_older(example_plan: Path) -> None:
    copy = _copy(example_plan)
    _rewrite(copy, **{"$id": schema()["$id"].replace(f"/v{__version__}/", "/v0.0.9/"), "title": "เก่า"})
    code, out, _ = run("validate", example_plan)
    assert (code, out) == (0, f"{example_plan}:1:33: warning: สำเนา schema '../schemas/tambon-plan.schema.json' "
                              f"เป็นของ tambondoc 0.0.9 เก่ากว่ารุ่นที่ติดตั้ง ({__version__}) โปรแกรมแก้ไขอาจตรวจไม่ตรงกับ "
                              f"validate ปรับด้วย: tambondoc schema --write {copy.parent}\n")
    assert run("schema", "--write", copy.parent)[0] == 0
    assert run("validate", example_plan)[:2] == (0, "")


def test_an_older_copy_with_the_same_content_is_current(example_plan: Path) -> None:
    _rewrite(_copy(example_plan), **{"$id": schema()["$id"].replace(f"/v{__version__}/", "/v0.0.9/")})
    assert run("validate", example_plan)[:2] == (0, "")


def test_validate_warns_about_an_unversioned_newer_or_missing_copy(example_plan: Path) -> None:
    copy = _copy(example_plan)
    _rewrite(copy, **{"$id": "https://tambondoc.example/schemas/tambon-plan.schema.json", "title": "เก่า"})
    assert "เป็นของ tambondoc ไม่ระบุรุ่น เก่ากว่ารุ่นที่ติดตั้ง" in run("validate", example_plan).out
    _rewrite(copy, **{"$id": schema()["$id"].replace(f"/v{__version__}/", "/v99.0.0/")})
    assert "เป็นของ tambondoc 99.0.0 ใหม่กว่ารุ่นที่ติดตั้ง" in run("validate", example_plan).out
    copy.unlink()
    code, out, _ = run("validate", "--format", "json", example_plan)
    [warning] = json.loads(out)
    assert (code, warning["line"], warning["level"], warning["rule"]) == (0, 1, "warning", "schema-copy")
    assert warning["message"].startswith("ไม่พบไฟล์ schema '../schemas/tambon-plan.schema.json'")


def test_a_schema_url_in_the_modeline_is_left_to_the_editor(example_plan: Path) -> None:
    text = example_plan.read_text(encoding="utf-8")
    example_plan.write_text(text.replace("$schema=../schemas/", "$schema=https://example.org/schemas/", 1),
                            encoding="utf-8")
    _copy(example_plan).unlink()
    assert run("validate", example_plan)[:2] == (0, "")


def test_the_kit_keeps_links_and_never_writes_over_a_dangling_one(repo: Path, tmp_path: Path) -> None:
    """Issue 16's rule for the user's own files: a linked file is updated where it really is, and
    a dangling link is a file that is there."""
    shared = tmp_path / "shared-settings.json"
    shared.write_text('{"editor.fontSize": 16}', encoding="utf-8")
    (repo / ".vscode").mkdir()
    (repo / ".vscode" / "settings.json").symlink_to(shared)
    (repo / ".editorconfig").symlink_to(tmp_path / "nowhere")
    assert run("new", repo / "plans" / "a.yaml", *NEW).code == 0
    assert (repo / ".vscode" / "settings.json").is_symlink()
    assert "yaml.schemas" in json.loads(shared.read_text(encoding="utf-8"))
    assert (repo / ".editorconfig").is_symlink() and not (tmp_path / "nowhere").exists()
