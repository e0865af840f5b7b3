"""`tambondoc validate`: the example is valid; injected mistakes are reported at their exact line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, replace_in, run

from tambondoc.cli import cli


def test_example_is_valid() -> None:
    code, out, _ = run("validate", str(EXAMPLE))
    assert (code, out) == (0, "")


def test_example_is_rich() -> None:
    from tambondoc.plan.load import load_plan

    _, data = load_plan(EXAMPLE)
    projects = data["projects"]
    assert len(data["tambon"]["villages"]) >= 8
    assert len(data["direction"]["strategies"]) >= 5
    assert len(projects) >= 40
    assert {p["strategy"] for p in projects} == {s["id"] for s in data["direction"]["strategies"]}
    assert {p["approach"] for p in projects} == {"ทำเอง", "ทำร่วม", "ขอสนับสนุน"}
    sources = {k for p in projects for b in p["budget"] for k in b["funding"]}
    assert sources == {"local", "agency", "province", "community"} | {s["id"] for s in data["funding_sources"]}
    assert len(data["funding_sources"]) >= 2
    assert data["tambon"]["communities"] and any(p.get("communities") for p in projects)
    scored = {p["strategy"] for p in projects if p.get("scores")}
    assert scored and all(p.get("scores") and p.get("votes") for p in projects if p["strategy"] in scored)
    assert {lg["kind"] for lg in data["tambon"]["local_governments"]} == {"อบต.", "เทศบาลตำบล"}
    assert EXAMPLE.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("households: 245", "households: สองร้อย",
         "error: ต้องเป็นจำนวนเต็ม (จำนวนครัวเรือน) แต่พบ 'สองร้อย' ($.tambon.villages[1].households)"),
        ("households: 245", "households: -5",
         "error: ค่า -5 (จำนวนครัวเรือน) ต้องไม่น้อยกว่า 0 ($.tambon.villages[1].households)"),
        ("    strategy: S2\n", "    strategy: S9\n",
         "error: ไม่มียุทธศาสตร์ 'S9' ใน direction.strategies (มี S1, S2, S3, S4, S5) ($.projects[11].strategy)"),
        ("    tactic: S2.2\n", "    tactic: S1.1\n",
         "error: กลยุทธ์ 'S1.1' ไม่อยู่ในยุทธศาสตร์ S2 (มี S2.1, S2.2) ($.projects[16].tactic)"),
        ("villages: [8, 9]", "villages: [8, 19]",
         "error: ไม่มีหมู่ที่ 19 ใน tambon.villages (มีหมู่ที่ 1, 2, 3, 4, 5, 6, 7, 8, 9) ($.projects[1].villages[1])"),
        ("local_government: tm-nongbua", "local_government: tm-nowhere",
         "error: ไม่มี อปท. รหัส 'tm-nowhere' ใน tambon.local_governments (มี tm-nongbua, abt-nongbua) ($.projects[0].local_government)"),
        ("amount: 450000, funding: {local: 450000}", "amount: 450000, funding: {local: 400000}",
         "error: ผลรวมแหล่งงบประมาณ (400,000 บาท) ไม่เท่ากับ amount (450,000 บาท) ให้แก้ให้ตรงกัน ($.projects[0].budget[0].amount)"),
        ("{year: 2571, amount: 450000", "{year: 2575, amount: 450000",
         "error: ปีงบประมาณ 2575 ไม่อยู่ในปีของแผน (2571, 2572) ให้แก้ปีหรือเพิ่มปีใน plan.fiscal_years ($.projects[0].budget[0].year)"),
        ("approach: ทำร่วม", "approach: ร่วมทำ",
         "error: ค่า 'ร่วมทำ' ใช้ไม่ได้ (วิธีดำเนินการ) ให้เลือกหนึ่งใน: ทำเอง, ทำร่วม, ขอสนับสนุน ($.projects[4].approach)"),
        ("  approved_on: 2570-03-20", "  approved_on: 2570-02-30",
         "error: วันที่ '2570-02-30' ไม่มีอยู่จริง ให้ตรวจวันและเดือน (ปีเป็น พ.ศ.) ($.plan.approved_on)"),
        ("  approved_on: 2570-03-20", "  approved_on: 20/03/2570",
         "error: วันที่ '20/03/2570' ต้องเขียนเป็น ปปปป-ดด-วว ปี พ.ศ. เช่น 2570-03-20 ($.plan.approved_on)"),
        ("    date: 2570-01-12", "    date: 2569-12-28",
         "error: วันที่คำสั่งต้องอยู่ในปี พ.ศ. 2570 ของคำสั่ง (พบปี 2569) ($.committee.order.date)"),
        ("  terrain: |", "  terain: |",
         "error: ไม่รู้จักช่อง 'terain' (พิมพ์ผิดหรือไม่) หมายถึง 'terrain' หรือไม่? ($.tambon.terain)"),
        ("  - id: P002", "  - id: P001",
         "error: รหัสโครงการ 'P001' ซ้ำกับรายการที่ 1 ให้ใช้ค่าที่ไม่ซ้ำกัน ($.projects[1].id)"),
    ],
)
def test_injected_mistake_is_reported_at_its_line(example_plan: Path, old: str, new: str, message: str) -> None:
    line = replace_in(example_plan, old, new)
    code, out, _ = run("validate", str(example_plan))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 1, out
    location, _, rest = lines[0].partition(": ")
    file, at_line, _col = location.rsplit(":", 2)
    assert file == str(example_plan)
    assert int(at_line) == line
    assert rest == message


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("  amphoe: เนินสะอาด", "\tamphoe: เนินสะอาด",
         ":1: error: YAML ไม่ถูกต้อง: ใช้แท็บ (Tab) ย่อหน้าไม่ได้ ให้ใช้ช่องว่าง (เว้นวรรค) แทน"),
        ("  changwat: พิษณุโลก", "  amphoe: ซ้ำ",
         ":3: error: YAML ไม่ถูกต้อง: คีย์ซ้ำในระดับเดียวกัน ให้ลบหรือเปลี่ยนชื่อคีย์ที่ซ้ำ"),
        ("  title: แผนพัฒนาตำบลหนองบัวงาม พ.ศ. 2571-2572", '  title: "แผนพัฒนาตำบลหนองบัวงาม',
         ":10: error: YAML ไม่ถูกต้อง: เครื่องหมายคำพูดเปิดแล้วไม่ได้ปิด ให้ใส่ \" หรือ ' ปิดท้ายข้อความ"),
        ("  vision: ตำบล", "    vision: ตำบล",
         ":5: error: YAML ไม่ถูกต้อง: ย่อหน้าไม่ตรงกับคีย์อื่นในระดับเดียวกัน"),
        ("  vision: ตำบล", " vision: ตำบล",
         ":2: error: YAML ไม่ถูกต้อง: ย่อหน้าไม่ตรงกับคีย์อื่นในระดับเดียวกัน"),
        ("    rai: 28750", "      rai: 28750",
         ":7: error: YAML ไม่ถูกต้อง: ย่อหน้าไม่ตรงกับคีย์อื่นในระดับเดียวกัน"),
        ("    villages: [1]\n    period: ม.ค. - เม.ย. 2571", "    villages: [1\n    period: ม.ค. - เม.ย. 2571",
         ":15: error: YAML ไม่ถูกต้อง: วงเล็บ [ หรือ { ที่เปิดตรงนี้ยังไม่ได้ปิด"),
        ("funding: {local: 450000}}", "funding: {local: 450000}",
         ":9: error: YAML ไม่ถูกต้อง: วงเล็บ [ หรือ { ที่เปิดตรงนี้ยังไม่ได้ปิด"),
    ],
)
def test_yaml_syntax_errors_are_positioned(example_plan: Path, old: str, new: str, message: str) -> None:
    line = replace_in(example_plan, old, new)
    code, out, _ = run("validate", str(example_plan))
    assert code == 1
    assert out.startswith(f"{example_plan}:{line}{message}"), out
    assert "Traceback" not in out


def test_all_problems_at_once_sorted(example_plan: Path) -> None:
    first = replace_in(example_plan, "households: 245", "households: x")
    second = replace_in(example_plan, "    strategy: S2\n", "    strategy: S9\n")
    code, out, _ = run("validate", str(example_plan))
    assert code == 1
    assert [int(line.split(":")[1]) for line in out.splitlines()] == [first, second]


def test_json_and_github_formats(example_plan: Path) -> None:
    line = replace_in(example_plan, "households: 245", "households: x")
    code, out, _ = run("validate", "--format", "json", str(example_plan))
    assert code == 1
    [problem] = json.loads(out)
    assert problem["line"] == line and problem["path"] == "$.tambon.villages[1].households"
    code, out, _ = run("validate", "--format", "github", str(example_plan))
    assert out.startswith(f"::error file={example_plan},line={line},col=")


def test_gitlab_code_quality_report(example_plan: Path) -> None:
    first = replace_in(example_plan, "households: 245", "households: x")
    second = replace_in(example_plan, "households: 188", "households: y")
    code, out, _ = run("validate", "--format", "gitlab", str(example_plan))
    assert code == 1
    issues = json.loads(out)
    assert [(i["location"], i["severity"], i["check_name"]) for i in issues] == [
        ({"path": str(example_plan), "lines": {"begin": first}}, "major", "schema"),
        ({"path": str(example_plan), "lines": {"begin": second}}, "major", "schema")]
    assert issues[0]["description"] == "ต้องเป็นจำนวนเต็ม (จำนวนครัวเรือน) แต่พบ 'x' ($.tambon.villages[1].households)"
    assert len({i["fingerprint"] for i in issues}) == 2
    # the fingerprint does not move with the line, so GitLab sees the same problem, not a new one
    replace_in(example_plan, "schema_version: 1\n", "schema_version: 1\n\n")
    moved = json.loads(run("validate", "--format", "gitlab", str(example_plan)).out)
    assert [i["fingerprint"] for i in moved] == [i["fingerprint"] for i in issues]
    assert moved[0]["location"]["lines"]["begin"] == first + 1


def test_gitlab_report_of_a_valid_plan_is_an_empty_list(example_plan: Path) -> None:
    assert run("validate", "--format", "gitlab", str(example_plan))[:2] == (0, "[]\n")


def test_usage_error_exits_2(tmp_path: Path) -> None:
    assert CliRunner().invoke(cli, ["validate", str(tmp_path / "missing.yaml")]).exit_code == 2
    assert CliRunner().invoke(cli, ["validate"]).exit_code == 2


def test_warning_does_not_fail(example_plan: Path) -> None:
    line = replace_in(example_plan, "sq_km: 46", "sq_km: 60")
    code, out, _ = run("validate", str(example_plan))
    assert code == 0
    assert out.startswith(f"{example_plan}:{line}:12: warning: เนื้อที่ 28,750 ไร่")


def test_committee_needs_one_chair(example_plan: Path) -> None:
    replace_in(example_plan, "role: ประธานกรรมการ}", "role: กรรมการ}")
    code, out, _ = run("validate", str(example_plan))
    assert code == 1
    assert "ก.บ.ต. ต้องมีประธานกรรมการหนึ่งคนพอดี (พบ 0 คน)" in out


def test_not_utf8(tmp_path: Path) -> None:
    plan = tmp_path / "win.yaml"
    plan.write_bytes("schema_version: 1\ntambon:\n  name: หนองบัว\n".encode("cp874"))
    code, out, _ = run("validate", str(plan))
    assert code == 1
    assert out.startswith(f"{plan}:3:9: error: ไฟล์ไม่ใช่ UTF-8")


def test_bom_and_crlf_are_accepted(example_plan: Path) -> None:
    plan = example_plan.parent / "crlf.yaml"
    plan.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes().replace(b"\n", b"\r\n"))
    assert run("validate", str(plan))[:2] == (0, "")


@pytest.mark.parametrize("content", ["", "just text\n", "- a\n- b\n", "schema_version: 1\n"])
def test_degenerate_files_do_not_crash(tmp_path: Path, content: str) -> None:
    plan = tmp_path / "bad.yaml"
    plan.write_text(content, encoding="utf-8")
    code, out, _ = run("validate", str(plan))
    assert code == 1
    assert out.startswith(f"{plan}:1:1: error:")


def test_control_character_is_reported_before_it_breaks_a_document(example_plan: Path) -> None:
    """A control character (here from a YAML escape; in practice pasted from a PDF) cannot go
    into Word or Excel: validate names it instead of build failing."""
    line = replace_in(example_plan, "    name: ขุดลอกหนองน้ำสาธารณะหนองบัวงาม", '    name: "ขุดลอก\\x01หนองน้ำสาธารณะหนองบัวงาม"')
    code, out, _ = run("validate", str(example_plan))
    assert code == 1
    assert out == (f"{example_plan}:{line}:11: error: ข้อความมีอักขระควบคุมที่มองไม่เห็น (U+0001) หลัง 'ขุดลอก' "
                   "ซึ่งใส่ในเอกสาร Word หรือ Excel ไม่ได้ ให้ลบออก ($.projects[0].name)\n")
