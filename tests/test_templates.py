"""Templates a district can own: lookup per document, init, and `templates check`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, ROOT
from docx import Document

from tambondoc.cli import cli
from tambondoc.context.build import build_context
from tambondoc.docx.check import check_template
from tambondoc.docx.templates import find_template
from tambondoc.errors import PlanError
from tambondoc.plan.load import load_plan
from tambondoc.resources import default_templates_dir


def make_docx(path: Path, *paragraphs: list[str], footer: str | None = None) -> Path:
    """A .docx whose paragraphs are given as lists of runs (a tag may span several runs)."""
    doc = Document()
    for runs in paragraphs:
        para = doc.add_paragraph()
        for i, text in enumerate(runs):
            para.add_run(text).bold = bool(i % 2)
    if footer is not None:
        doc.sections[0].footer.paragraphs[0].text = footer
    doc.save(path)
    return path


@pytest.fixture(scope="module")
def context() -> dict:
    _, data = load_plan(EXAMPLE)
    return build_context(data)


def test_clean_template_lists_variables_and_filters(tmp_path: Path, context: dict) -> None:
    path = make_docx(tmp_path / "t.docx", ["ตำบล{{ tambon.name }} {{ totals.amount|money }}"],
                     footer="หน้า {{ plan.title }}")
    report = check_template("t.docx", path, context)
    assert report.problems == []
    assert report.variables == {"tambon", "totals", "plan"}
    assert report.filters == {"money"}


def test_unknown_variable_is_reported(tmp_path: Path, context: dict) -> None:
    path = make_docx(tmp_path / "t.docx", ["{{ tambon.nmae }}"], ["{{ budget_total }}"])
    report = check_template("t.docx", path, context)
    assert [str(p) for p in report.problems] == [
        f"{path}:1:1: error: ใช้ตัวแปร 'nmae' ที่ข้อมูลแผนไม่มี",
        f"{path}:1:1: error: ใช้ตัวแปร 'budget_total' ที่ข้อมูลแผนไม่มี",
    ]


def test_unknown_variable_in_footer_is_reported(tmp_path: Path, context: dict) -> None:
    path = make_docx(tmp_path / "t.docx", ["ok"], footer="{{ plan.author }}")
    assert [p.message for p in check_template("t.docx", path, context).problems] == ["ใช้ตัวแปร 'author' ที่ข้อมูลแผนไม่มี"]


def test_syntax_error_names_template_and_text(tmp_path: Path, context: dict) -> None:
    path = make_docx(tmp_path / "t.docx", ["ส่วนที่ ๑"], ["ประวัติ {% if tambon.history %} ตำบล"])
    [problem] = check_template("t.docx", path, context).problems
    assert problem.message.startswith("ไวยากรณ์ Jinja ผิด (body):")
    assert "ประวัติ {% if tambon.history %} ตำบล" in problem.message


def test_tag_split_across_runs_is_found(tmp_path: Path, context: dict) -> None:
    path = make_docx(tmp_path / "t.docx", ["{{ tam", "bon.nm", "ae }}"])
    report = check_template("t.docx", path, context)
    assert report.variables == {"tambon"}
    assert [p.message for p in report.problems] == ["ใช้ตัวแปร 'nmae' ที่ข้อมูลแผนไม่มี"]


def test_unknown_filter(tmp_path: Path, context: dict) -> None:
    path = make_docx(tmp_path / "t.docx", ["{{ totals.amount|bahttext }}"])
    [problem] = check_template("t.docx", path, context).problems
    assert problem.message.startswith("ไม่มีตัวกรอง 'bahttext' (body)")


def test_sandbox_blocks_internals(tmp_path: Path, context: dict) -> None:
    path = make_docx(tmp_path / "t.docx", ["{{ plan.__class__.__mro__ }}"])
    [problem] = check_template("t.docx", path, context).problems
    assert problem.message.startswith("แสดงผลไม่ได้: SecurityError") or "__class__" in problem.message


def test_lookup_is_per_document(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "plans").mkdir(parents=True)
    (repo / ".git").mkdir()
    plan = repo / "plans" / "x.yaml"
    plan.write_text("", encoding="utf-8")
    own = repo / "templates" / "docx"
    own.mkdir(parents=True)
    make_docx(own / "kbt-order.docx", ["mine"])
    assert find_template("kbt-order.docx", plan) == own / "kbt-order.docx"
    override = tmp_path / "override"
    override.mkdir()
    make_docx(override / "kbt-order.docx", ["override"])
    assert find_template("kbt-order.docx", plan, override) == override / "kbt-order.docx"
    assert find_template("garuda.png", plan, override) == default_templates_dir() / "garuda.png"


def test_a_folder_at_a_templates_name_is_refused_not_passed_over(tmp_path: Path) -> None:
    """A folder named plan-book.docx in --templates: the build used the default template without a word."""
    override = tmp_path / "tpl"
    (override / "plan-book.docx").mkdir(parents=True)
    with pytest.raises(PlanError) as raised:
        find_template("plan-book.docx", EXAMPLE, override)
    assert str(raised.value) == (f"{override / 'plan-book.docx'} ไม่ใช่ไฟล์แม่แบบ (เป็นโฟลเดอร์หรือลิงก์ที่ใช้ไม่ได้) "
                                 "ให้ลบหรือเปลี่ยนชื่อ แล้วคัดลอกแม่แบบด้วย tambondoc templates init")
    assert find_template("kbt-order.docx", EXAMPLE, override).parent != override  # a template it lacks: the next folder's


def test_templates_init_copies_without_overwriting(tmp_path: Path) -> None:
    target = tmp_path / "templates" / "docx"
    target.mkdir(parents=True)
    (target / "kbt-order.docx").write_bytes(b"mine")
    result = CliRunner().invoke(cli, ["templates", "init", str(target)])
    assert result.exit_code == 0
    assert (target / "kbt-order.docx").read_bytes() == b"mine"
    assert (target / "plan-book.docx").read_bytes() == (default_templates_dir() / "plan-book.docx").read_bytes()


def test_default_templates_check_clean() -> None:
    result = CliRunner().invoke(cli, ["templates", "check"])
    assert result.exit_code == 0, result.stdout
    assert "plan-book.docx" in result.stdout and "coordination.docx" in result.stdout


def test_templates_check_reports_a_broken_override(tmp_path: Path) -> None:
    make_docx(tmp_path / "kbt-order.docx", ["{{ committee.chairman }}"])
    result = CliRunner().invoke(cli, ["templates", "check", "--templates", str(tmp_path)])
    assert result.exit_code == 1
    assert f"  {tmp_path / 'kbt-order.docx'}:1:1: error: ใช้ตัวแปร 'chairman' ที่ข้อมูลแผนไม่มี" in result.stdout.splitlines()
    result = CliRunner().invoke(cli, ["templates", "check", "--templates", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1
    [problem] = json.loads(result.stdout)
    assert problem["rule"] == "template-variable" and problem["file"] == str(tmp_path / "kbt-order.docx")


def test_context_docs_are_current_and_complete() -> None:
    from tambondoc.docx.docs import context_rows, markdown, sample_context

    context = sample_context()
    assert [r.path for r in context_rows(context) if not r.description] == []
    docs = (Path(__file__).resolve().parent.parent / "docs" / "templates.md").read_text(encoding="utf-8")
    assert docs == markdown(context), "docs/templates.md is stale: run `tambondoc templates docs -o docs/templates.md`"
    for name in ("num", "money", "baht_text", "thai_date", "thai_digits", "number"):
        assert f"| `{name}` |" in docs


def test_every_filter_is_documented() -> None:
    from tambondoc.docx.environment import FILTER_DOCS, FILTERS

    assert set(FILTER_DOCS) == set(FILTERS)


def test_committed_templates_are_what_the_builders_make() -> None:
    """scripts/templates/ is the one source of the default templates: rebuilding them gives the
    committed files byte for byte (run python scripts/make_templates.py after changing a builder)."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_templates.py"), "--check"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_default_templates_carry_only_the_styles_they_use() -> None:
    """python-docx's default document brought 160 styles no document of ours uses (its table
    designs among them): 300 KB of XML in every document built. What the templates use stays,
    and so does everything it is based on."""
    import re
    import zipfile

    for path in sorted(default_templates_dir().glob("*.docx")):
        with zipfile.ZipFile(path) as z:
            styles = z.read("word/styles.xml").decode("utf-8")
            body = z.read("word/document.xml").decode("utf-8")
        ids = set(re.findall(r'<w:style [^>]*w:styleId="([^"]+)"', styles))
        assert len(styles) < 60_000 and not any(i.startswith(("LightShading", "MediumGrid", "ColorfulList")) for i in ids), path.name
        used = set(re.findall(r'w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"', body))
        based = set(re.findall(r'<w:(?:basedOn|link|next) w:val="([^"]+)"', styles))
        assert used | based <= ids, (path.name, sorted((used | based) - ids))


def test_templates_check_takes_the_templates_build_would_use_here(tmp_path: Path, monkeypatch) -> None:
    """Without --templates or --plan, the check takes templates/docx from here up to the
    repository's root, as build does for a plan here: it checked the shipped templates, passed,
    and the build then failed on the repository's own."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "templates" / "docx").mkdir(parents=True)
    (tmp_path / "plans").mkdir()
    make_docx(tmp_path / "templates" / "docx" / "kbt-order.docx", ["{{ committee.chairman }}"])
    monkeypatch.chdir(tmp_path / "plans")
    result = CliRunner().invoke(cli, ["templates", "check"])
    assert result.exit_code == 1
    mine = tmp_path / "templates" / "docx" / "kbt-order.docx"
    assert f"  {mine}:1:1: error: ใช้ตัวแปร 'chairman' ที่ข้อมูลแผนไม่มี" in result.stdout.splitlines()
    assert f"plan-book.docx ({default_templates_dir() / 'plan-book.docx'}): ผ่าน" in result.stdout.splitlines()


def test_a_relative_templates_folder_keeps_the_orders_emblem(example_plan: Path, tmp_path: Path, monkeypatch) -> None:
    """``--templates templates/docx`` is relative to where the command runs; the emblem in it was
    looked for from the plan's folder, and the order was built without it (a warning, exit 0)."""
    assert CliRunner().invoke(cli, ["templates", "init", str(tmp_path / "templates" / "docx")]).exit_code == 0
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["build", str(example_plan), "-o", str(tmp_path / "out"),
                                      "--templates", "templates/docx"])
    assert result.exit_code == 0, result.output
    assert "garuda" not in result.output
    order = Document(str(tmp_path / "out" / example_plan.stem / "kbt-order.docx"))
    assert len(order.inline_shapes) == 1
