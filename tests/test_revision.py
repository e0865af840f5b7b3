"""The yearly revision workflow: diff, next-year, fmt, new, and the files for plan repositories."""

from __future__ import annotations

import io
import itertools
import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE, replace_in, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from tambondoc.authoring.fmt import format_text
from tambondoc.check.validate import validate_file
from tambondoc.plan.load import load_text
from tambondoc.plan.positions import json_path
from tambondoc.plan.roundtrip import dump_rt, load_rt, rt_yaml
from tambondoc.plan.schema import schema

EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")
STATUS_MESSAGE = ("ค่า null ใช้ไม่ได้ (สถานะ) ให้เลือกหนึ่งใน: ดำเนินการแล้ว, อยู่ระหว่างดำเนินการ, "
                  "ยังไม่ดำเนินการ, ยกเลิก")


# ---------------------------------------------------------------- diff

P045 = """\
  - id: P045
    name: ก่อสร้างโรงคัดแยกขยะชุมชน
    strategy: S4
    tactic: S4.2
    villages: [3]
    budget:
      - {year: 2572, amount: 100000, funding: {province: 100000}}
    approach: ขอสนับสนุน
    agency: องค์การบริหารส่วนตำบลหนองบัวงาม
"""


def known_edits(text: str) -> str:
    """The example with one edit of each kind a reviewer should see."""
    def sub(old: str, new: str) -> None:
        nonlocal text
        assert text.count(old) == 1, old
        text = text.replace(old, new)

    sub("      - {year: 2571, amount: 450000, funding: {local: 450000}}",      # P001: +50,000 local, 2571
        "      - {year: 2571, amount: 500000, funding: {local: 500000}}")
    start = text.index("  - id: P044")                                           # P044 removed: 9,000 community, 2571
    sub(text[start: text.index("\n\n", start) + 1], P045)                        # P045 added: 100,000 province, 2572
    sub("vision: ตำบลหนองบัวงามน่าอยู่ เกษตรก้าวหน้า", "vision: ตำบลหนองบัวงามน่าอยู่ เกษตรปลอดภัย")
    sub("{id: S2.2, name: เสริมสร้างกองทุนและการออมของชุมชน}", "{id: S2.2, name: เสริมสร้างกองทุนชุมชน}")
    sub("{name: นายกิตติพงษ์ มั่นคง,", "{name: นายสมชาย ใจดี,")
    sub("{name: นายบุญส่ง ใจเย็น, position: ผู้ทรงคุณวุฒิ (ปราชญ์ชาวบ้าน), role: กรรมการ}",
        "{name: นายบุญส่ง ใจเย็น, position: ผู้ทรงคุณวุฒิ (ปราชญ์ชาวบ้าน), role: รองประธานกรรมการ}")
    sub("      headman: นางสาวจันทร์เพ็ญ ทองดี\n      households: 188",
        "      headman: นายมานพ ทองดี\n      households: 190")
    sub("    rai: 28750", "    rai: 28800")
    return text


@pytest.fixture
def edited(example_plan: Path) -> Path:
    new = example_plan.with_name("edited.yaml")
    new.write_text(known_edits(EXAMPLE_TEXT), encoding="utf-8")
    return new


def amount(key: str, label: str, before: int, after: int) -> dict[str, Any]:
    return {"key": key, "label": label, "before": before, "after": after, "delta": after - before}


def test_diff_json_reports_exactly_the_edits(example_plan: Path, edited: Path) -> None:
    code, out, _ = run("diff", str(example_plan), str(edited), "--format", "json")
    assert code == 0
    d = json.loads(out)
    assert d["changed"] is True
    assert d["old"] == {"label": str(example_plan), "valid": True, "errors": []}
    assert d["new"] == {"label": str(edited), "valid": True, "errors": []}
    assert d["projects"] == {
        "added": [{"id": "P045", "name": "ก่อสร้างโรงคัดแยกขยะชุมชน", "detail": "S4", "amount": 100000}],
        "removed": [{"id": "P044", "name": "จัดทำป้ายชื่อหมู่บ้านและแผนที่ชุมชน", "detail": "S5", "amount": 9000}],
        "changed": [{"id": "P001", "name": "ขุดลอกหนองน้ำสาธารณะหนองบัวงาม", "changes": [
            {"path": "budget[2571].amount", "old": 450000, "new": 500000},
            {"path": "budget[2571].funding.local", "old": 450000, "new": 500000},
        ]}],
        "renumbered": [],
    }
    assert d["budget"] == {
        "total": amount("total", "รวม", 12178000, 12319000),
        "by_strategy": [
            amount("S1", "ยุทธศาสตร์ด้านการเพิ่มประสิทธิภาพการผลิตและการตลาดด้านการเกษตร", 3695000, 3745000),
            amount("S2", "ยุทธศาสตร์ด้านการส่งเสริมอาชีพและเศรษฐกิจฐานราก", 702000, 702000),
            amount("S3", "ยุทธศาสตร์ด้านการพัฒนาคุณภาพคนและสังคม", 968000, 968000),
            amount("S4", "ยุทธศาสตร์ด้านการบริหารจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อม", 2599000, 2699000),
            amount("S5", "ยุทธศาสตร์ด้านโครงสร้างพื้นฐานและการบริหารจัดการที่ดี", 4214000, 4205000),
        ],
        "by_source": [
            amount("local", "งบท้องถิ่น (แผนพัฒนาท้องถิ่น)", 7810000, 7860000),
            amount("agency", "งบหน่วยงานภาครัฐ/เอกชน", 1071000, 1071000),
            amount("province", "งบพัฒนาจังหวัด", 3034000, 3134000),
            amount("community", "งบชุมชน", 206000, 197000),
            amount("codi", "สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)", 27000, 27000),
            amount("pao", "องค์การบริหารส่วนจังหวัดพิษณุโลก", 30000, 30000),
        ],
        "by_year": [amount("2571", "2571", 5414000, 5455000), amount("2572", "2572", 6764000, 6864000)],
    }
    assert d["budget_note"] == ""
    assert d["direction"] == [{"path": "direction.vision",
                               "old": "ตำบลหนองบัวงามน่าอยู่ เกษตรก้าวหน้า เศรษฐกิจพอเพียง ชุมชนเข้มแข็ง",
                               "new": "ตำบลหนองบัวงามน่าอยู่ เกษตรปลอดภัย เศรษฐกิจพอเพียง ชุมชนเข้มแข็ง"}]
    assert d["strategies"] == {"added": [], "removed": [], "changed": [
        {"id": "S2", "name": "ยุทธศาสตร์ด้านการส่งเสริมอาชีพและเศรษฐกิจฐานราก", "changes": [
            {"path": "tactics[S2.2].name", "old": "เสริมสร้างกองทุนและการออมของชุมชน", "new": "เสริมสร้างกองทุนชุมชน"}]}],
        "renumbered": []}
    assert d["committee"] == []
    assert d["members"] == {
        "added": [{"id": "นายสมชาย ใจดี", "name": "ปลัดเทศบาลตำบลหนองบัวงาม",
                   "detail": "กรรมการและผู้ช่วยเลขานุการ", "amount": None}],
        "removed": [{"id": "นายกิตติพงษ์ มั่นคง", "name": "ปลัดเทศบาลตำบลหนองบัวงาม",
                     "detail": "กรรมการและผู้ช่วยเลขานุการ", "amount": None}],
        "changed": [{"id": "นายบุญส่ง ใจเย็น", "name": "ผู้ทรงคุณวุฒิ (ปราชญ์ชาวบ้าน)",
                     "changes": [{"path": "role", "old": "กรรมการ", "new": "รองประธานกรรมการ"}]}],
        "renumbered": [],
    }
    assert d["tambon"] == [{"path": "tambon.area.rai", "old": 28750, "new": 28800}]
    assert d["villages"] == {"added": [], "removed": [], "changed": [{"id": "3", "name": "บ้านหนองแขม", "changes": [
        {"path": "headman", "old": "นางสาวจันทร์เพ็ญ ทองดี", "new": "นายมานพ ทองดี"},
        {"path": "households", "old": 188, "new": 190}]}], "renumbered": []}
    assert d["other"] == []


def test_diff_markdown_is_a_review_comment(example_plan: Path, edited: Path) -> None:
    code, out, _ = run("diff", str(example_plan), str(edited), "--format", "markdown")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"### แผนพัฒนาตำบล: เปรียบเทียบ `{example_plan}` → `{edited}`"
    assert "**สรุป:** โครงการ เพิ่ม 1 ลบ 1 แก้ไข 1 · งบประมาณรวม 12,178,000 → 12,319,000 บาท (+141,000)" in lines
    table = lines.index("| ปีงบประมาณ | ก่อน | หลัง | เปลี่ยนแปลง |")
    assert lines[table: table + 5] == [
        "| ปีงบประมาณ | ก่อน | หลัง | เปลี่ยนแปลง |",
        "| --- | ---: | ---: | ---: |",
        "| 2571 | 5,414,000 | 5,455,000 | +41,000 |",
        "| 2572 | 6,764,000 | 6,864,000 | +100,000 |",
        "| **รวมทั้งแผน** | **12,178,000** | **12,319,000** | **+141,000** |",
    ]
    assert "| งบชุมชน | 206,000 | 197,000 | -9,000 |" in lines
    assert "| P045 | ก่อสร้างโรงคัดแยกขยะชุมชน | S4 | 100,000 |" in lines
    assert "| P044 | จัดทำป้ายชื่อหมู่บ้านและแผนที่ชุมชน | S5 | 9,000 |" in lines
    assert "| งบประมาณรายปี \\[2571\\] › งบประมาณ (บาท) | 450,000 | 500,000 |" in lines  # brackets escaped
    assert "| กลยุทธ์ \\[S2.2\\] › ชื่อกลยุทธ์ | เสริมสร้างกองทุนและการออมของชุมชน | เสริมสร้างกองทุนชุมชน |" in lines
    assert "| บทบาทในคณะกรรมการ | กรรมการ | รองประธานกรรมการ |" in lines
    assert "| เนื้อที่ › เนื้อที่ (ไร่) | 28750 | 28800 |" in lines
    assert "| จำนวนครัวเรือน | 188 | 190 |" in lines


def test_diff_text_and_exit_codes(example_plan: Path, edited: Path) -> None:
    code, out, _ = run("diff", str(example_plan), str(edited))
    assert code == 0
    assert "\x1b[" not in out  # no colour when not a terminal
    assert "  + P045 ก่อสร้างโรงคัดแยกขยะชุมชน [S4] (100,000 บาท)" in out.splitlines()
    assert "  รวมทั้งสิ้น: 12,178,000 → 12,319,000 (+141,000)" in out.splitlines()
    assert run("diff", str(example_plan), str(edited), "--exit-code")[0] == 1
    from tambondoc.diff.compare import diff_plans
    from tambondoc.diff.report import render

    coloured = render(diff_plans(str(example_plan), str(edited)), "text", color=True).splitlines()
    assert "\x1b[32m  + P045 ก่อสร้างโรงคัดแยกขยะชุมชน [S4] (100,000 บาท)\x1b[0m" in coloured
    assert "\x1b[31m  - P044 จัดทำป้ายชื่อหมู่บ้านและแผนที่ชุมชน [S5] (9,000 บาท)\x1b[0m" in coloured
    code, out, _ = run("diff", str(example_plan), str(example_plan), "--exit-code")
    assert (code, out) == (0, f"เปรียบเทียบแผน: {example_plan} → {example_plan}\nไม่มีการเปลี่ยนแปลง\n")


def test_diff_of_an_invalid_side_still_compares_and_says_so(example_plan: Path) -> None:
    bad = example_plan.with_name("bad.yaml")
    bad.write_text(EXAMPLE_TEXT.replace("    tactic: S1.2\n", "    tactic: S9.9\n", 1), encoding="utf-8")
    code, out, _ = run("diff", str(example_plan), str(bad), "--format", "json")
    d = json.loads(out)
    assert code == 0 and d["new"]["valid"] is False
    line = EXAMPLE_TEXT[: EXAMPLE_TEXT.index("    tactic: S1.2\n")].count("\n") + 1
    assert d["new"]["errors"] == [f"{bad}:{line}:13: error: กลยุทธ์ 'S9.9' ไม่อยู่ในยุทธศาสตร์ S1 (มี S1.1, S1.2, S1.3) "
                                  "($.projects[4].tactic)"]
    assert d["projects"]["changed"] == [{"id": "P005", "name": "อบรมการผลิตปุ๋ยอินทรีย์และน้ำหมักชีวภาพ",
                                         "changes": [{"path": "tactic", "old": "S1.2", "new": "S9.9"}]}]
    assert d["budget"] is None  # build_context needs a valid plan; the report says why there are no totals
    assert d["budget_note"] == f"คำนวณงบประมาณของ {bad} ไม่ได้ เพราะแผนไม่ผ่านการตรวจสอบ ให้แก้ตามรายงานของ tambondoc validate"
    text = run("diff", str(example_plan), str(bad))[1].splitlines()
    assert f"! {bad} ไม่ผ่านการตรวจสอบ (1 ปัญหา) เช่น {d['new']['errors'][0]}" in text
    assert d["budget_note"] in text


def test_diff_sides_that_do_not_load(example_plan: Path, tmp_path: Path) -> None:
    code, _, err = run("diff", str(tmp_path / "nope.yaml"), str(example_plan))
    assert (code, err) == (2, f"{tmp_path / 'nope.yaml'}: ไม่พบไฟล์ ระบุเป็น path ของไฟล์แผน หรือ REV:path "
                              "เช่น HEAD~1:plans/x.yaml\n")
    broken = tmp_path / "broken.yaml"
    broken.write_text("plan:\n  title: [ไม่ปิด\n", encoding="utf-8")
    code, _, err = run("diff", str(example_plan), str(broken))
    assert code == 2
    assert err.startswith(f"{broken}:2:10: error: YAML ไม่ถูกต้อง: วงเล็บ [ หรือ {{ ที่เปิดตรงนี้ยังไม่ได้ปิด")


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   cwd=repo, check=True, capture_output=True)


@needs_git
def test_diff_against_a_git_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(EXAMPLE_TEXT, encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "plan.yaml")
    git(tmp_path, "commit", "-q", "-m", "plan")
    plan.write_text(known_edits(EXAMPLE_TEXT), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("diff", "HEAD:plan.yaml", "plan.yaml", "--format", "json", "--exit-code")
    d = json.loads(out)
    assert code == 1
    assert (d["old"]["label"], d["new"]["label"]) == ("HEAD:plan.yaml", "plan.yaml")
    assert d["budget"]["total"] == amount("total", "รวม", 12178000, 12319000)
    assert [p["id"] for p in d["projects"]["removed"]] == ["P044"]
    assert run("diff", "HEAD:plan.yaml", "HEAD:plan.yaml", "--exit-code")[0] == 0
    code, _, err = run("diff", "HEAD:missing.yaml", "plan.yaml")
    assert code == 2
    assert err.startswith("HEAD:missing.yaml: อ่านจาก git ไม่ได้ (")
    assert err.endswith("ตรวจชื่อ revision (เช่น HEAD~1, main, origin/main) และ path ของไฟล์เทียบกับรากของ repository "
                        "(หรือขึ้นต้นด้วย ./ เพื่อเทียบกับโฟลเดอร์ปัจจุบัน)\n")
    assert run("diff", "no-such-rev:plan.yaml", "plan.yaml")[0] == 2


def test_diff_without_git_is_a_clear_error(example_plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    code, _, err = run("diff", "HEAD:plan.yaml", str(example_plan))
    assert (code, err) == (2, "HEAD:plan.yaml: ไม่พบโปรแกรม git ให้ติดตั้ง git หรือระบุไฟล์แผนเป็น path แทน\n")


# ---------------------------------------------------------------- next-year

def comment_lines(text: str) -> Counter[str]:
    """Comment texts as a reader sees them (the example has no '#' inside values)."""
    return Counter(m.group(1).rstrip() for line in text.splitlines() if (m := re.search(r"(?:^|\s)(#.*)$", line)))


def test_next_year_validates_except_the_statuses(example_plan: Path) -> None:
    code, out, _ = run("next-year", str(example_plan))
    target = example_plan.with_name("example-tambon-2572-2573.yaml")
    assert code == 0
    assert out.splitlines()[:8] == [
        "  ปีงบประมาณของแผน: 2571, 2572 → 2572, 2573",
        "  ทบทวนครั้งที่: 2 → 3",
        "  ชื่อแผน: แผนพัฒนาตำบลหนองบัวงาม พ.ศ. 2571-2572 → แผนพัฒนาตำบลหนองบัวงาม พ.ศ. 2572-2573",
        "  งบประมาณรายปีของโครงการ 54 รายการ เลื่อนไป 1 ปี (ไม่ตัดรายการใดออก)",
        "  ระยะเวลาดำเนินการของโครงการ 30 โครงการ เลื่อนปี พ.ศ. ไป 1 ปี",
        "  ส่วนการทบทวนแผน (review) เริ่มใหม่: โครงการปีที่แล้ว 44 โครงการ รอใส่สถานะ",
        "  คะแนนความสำคัญ (scores, votes) ของโครงการ 6 โครงการ คงไว้ตามปีที่แล้ว",
        f"เขียนแผนปีถัดไปที่ {target}",
    ]
    assert ("  - ทบทวนคะแนน (scores) และคะแนนเสียง (votes) ของโครงการตามเวทีประชาคมปีนี้ "
            "(ส่งออกด้วย tambondoc export-xlsx แล้วนำเข้าด้วย import-xlsx ได้) ลำดับความสำคัญจะคำนวณใหม่ให้") in out.splitlines()
    assert example_plan.read_text(encoding="utf-8") == EXAMPLE_TEXT
    result = validate_file(target)
    assert [(p.path, p.message, p.level) for p in result.problems] == [
        (f"$.review.previous_projects[{i}].status", STATUS_MESSAGE, "error") for i in range(44)]

    old, new = load_text(EXAMPLE_TEXT, "old"), result.data
    assert new["plan"]["fiscal_years"] == [2572, 2573] and new["plan"]["revision"] == 3
    assert new["plan"]["title"] == "แผนพัฒนาตำบลหนองบัวงาม พ.ศ. 2572-2573"
    assert [[b["year"] for b in p["budget"]] for p in new["projects"]] == \
        [[b["year"] + 1 for b in p["budget"]] for p in old["projects"]]
    assert new["projects"][1]["period"] == "พ.ย. 2571 - เม.ย. 2573"
    assert [(p["id"], p["name"], p["status"]) for p in new["review"]["previous_projects"]] == \
        [(p["id"], p["name"], None) for p in old["projects"]]
    assert new["review"]["meeting_date"] == "2571-02-10" and new["review"]["changes"] == []
    for key in ("settings", "tambon", "analysis", "direction", "funding_sources", "scoring", "committee"):
        assert new[key] == old[key]
    assert [(p.get("communities"), p.get("scores"), p.get("votes"), p.get("priority")) for p in new["projects"]] == \
        [(p.get("communities"), p.get("scores"), p.get("votes"), p.get("priority")) for p in old["projects"]]
    assert [[b["funding"] for b in p["budget"]] for p in new["projects"]] == \
        [[b["funding"] for b in p["budget"]] for p in old["projects"]]

    text = target.read_text(encoding="utf-8")
    review_at = EXAMPLE_TEXT.index("\nreview:")
    assert not comment_lines(EXAMPLE_TEXT[:review_at]) - comment_lines(text)  # every comment outside the old review
    assert list(load_rt(text)) == list(load_rt(EXAMPLE_TEXT))  # top-level key order
    assert "      status:    # ดำเนินการแล้ว | อยู่ระหว่างดำเนินการ | ยังไม่ดำเนินการ | ยกเลิก" in text.splitlines()


def test_diff_of_a_next_year_revision_shows_the_edits_past_the_moved_years(example_plan: Path) -> None:
    """next-year moves every budget's year and period on a year: compared year by year, each of the
    44 projects showed its old year's money removed and the new year's added, and the reviewer of
    the pull request looked for the one real edit among them. Compared past the move, the edits
    alone show, under a note that says so."""
    assert run("next-year", str(example_plan)).code == 0
    target = example_plan.with_name("example-tambon-2572-2573.yaml")
    replace_in(target, "name: ขุดลอกหนองน้ำสาธารณะหนองบัวงาม\n", "name: ขุดลอกหนองน้ำสาธารณะหนองบัวงาม ระยะที่ 2\n")
    replace_in(target, "{year: 2572, amount: 380000, funding: {local: 380000}}",
               "{year: 2572, amount: 400000, funding: {local: 400000}}")
    out = run("diff", str(example_plan), str(target), "--format", "json").out
    found = json.loads(out)
    assert found["year_shift"] == 1 and found["projects"]["added"] == found["projects"]["removed"] == []
    changed = {c["id"]: [(x["path"], x["old"], x["new"]) for x in c["changes"]] for c in found["projects"]["changed"]}
    assert changed == {"P001": [("name", "ขุดลอกหนองน้ำสาธารณะหนองบัวงาม", "ขุดลอกหนองน้ำสาธารณะหนองบัวงาม ระยะที่ 2")],
                       "P002": [("budget[2572].amount", 380000, 400000), ("budget[2572].funding.local", 380000, 400000)]}
    text = run("diff", str(example_plan), str(target)).out
    assert "ปีงบประมาณของแผนเลื่อน +1 ปี: งบประมาณรายปีและระยะเวลาของโครงการเทียบกับแผนเดิมที่เลื่อนปีแล้ว " \
           "จึงแสดงเฉพาะที่แก้นอกจากการเลื่อนปี" in text.splitlines()


def test_diff_of_a_section_one_side_lacks_lists_it_item_by_item(example_plan: Path, tmp_path: Path) -> None:
    """A review first written (as next-year writes one) showed as one line holding every field and
    every one of last year's projects (80 of them in a realistic plan); it now shows a line for
    each field and each item, and a list left empty beside a list left out is no change."""
    text = example_plan.read_text(encoding="utf-8")
    without = tmp_path / "before.yaml"
    without.write_text(text[:text.index("\nreview:\n")] + "\n", encoding="utf-8")
    found = json.loads(run("diff", str(without), str(example_plan), "--format", "json").out)
    paths = [c["path"] for c in found["other"]]
    assert paths[:4] == ["review.meeting_date", "review.meeting_place", "review.attendance.total",
                         "review.attendance.detail"]
    changes = [c for c in found["other"] if c["path"].startswith("review.changes[")]
    assert len(changes) == 3 and changes[0]["old"] is None and changes[0]["new"]["what"].startswith("เพิ่มโครงการ")
    assert all(not isinstance(c["new"], dict) or "changes" not in c["new"] for c in found["other"])
    assert json.loads(run("diff", str(without), str(without), "--format", "json").out)["changed"] is False


def test_next_year_never_overwrites_unless_told(example_plan: Path) -> None:
    target = example_plan.with_name("example-tambon-2572-2573.yaml")
    target.write_text("keep", encoding="utf-8")
    code, _, err = run("next-year", str(example_plan))
    assert (code, err) == (1, f"{target}: มีไฟล์นี้อยู่แล้ว จึงไม่เขียนทับ ให้ระบุไฟล์ผลลัพธ์ด้วย -o\n")
    assert target.read_text(encoding="utf-8") == "keep"
    assert run("next-year", str(example_plan), "-o", str(example_plan))[0] == 0  # explicitly in place
    assert load_text(example_plan.read_text(encoding="utf-8"), "x")["plan"]["revision"] == 3


def test_next_year_names_the_file_after_the_years(tmp_path: Path) -> None:
    plan = tmp_path / "nongbua-2571-2572.yaml"
    plan.write_text(EXAMPLE_TEXT.replace("plan:\n  title: แผนพัฒนาตำบลหนองบัวงาม พ.ศ. 2571-2572",
                                         "plan:\n  title: \"แผนพัฒนาตำบลหนองบัวงาม พ.ศ. ๒๕๗๑-๒๕๗๒\""), encoding="utf-8")
    assert run("next-year", str(plan))[0] == 0
    text = (tmp_path / "nongbua-2572-2573.yaml").read_text(encoding="utf-8")
    assert "  title: \"แผนพัฒนาตำบลหนองบัวงาม พ.ศ. ๒๕๗๒-๒๕๗๓\"" in text.splitlines()


# ---------------------------------------------------------------- fmt

def _smaller(text: str) -> str:
    """The example with shorter lists: each example stays fast, every kind of node is still there."""
    data = load_rt(text)
    for path in (("projects",), ("tambon", "villages"), ("tambon", "occupations"), ("tambon", "groups"),
                 ("tambon", "funds"), ("tambon", "organisations"), ("tambon", "important_places"),
                 ("analysis", "problems"), ("direction", "strategies"), ("committee", "members"),
                 ("review", "previous_projects")):
        node = data
        for key in path:
            node = node[key]
        del node[2:]
    return dump_rt(data)


BASE_TEXT = _smaller(EXAMPLE_TEXT)


def containers(node: Any) -> list[Any]:
    found = []
    if isinstance(node, (CommentedMap, CommentedSeq)):
        found.append(node)
        for child in node.values() if isinstance(node, CommentedMap) else node:
            found += containers(child)
    return found


comment_text = st.text(st.sampled_from(list("กขคงจ ตำบล abc:#'\"-123")), min_size=1, max_size=12)


@st.composite
def varied_plans(draw: st.DrawFn) -> str:
    """The example with shuffled keys, extra comments, other quoting and indentation."""
    data = load_rt(BASE_TEXT)
    nodes = containers(data)
    for node in nodes:
        if isinstance(node, CommentedMap) and len(node) > 1 and draw(st.booleans()):
            for key in draw(st.permutations(list(node))):
                node.move_to_end(key)
    for i in range(draw(st.integers(0, 6))):
        node = nodes[draw(st.integers(0, len(nodes) - 1))]
        if not node or node.fa.flow_style():
            continue
        key = draw(st.sampled_from(list(node) if isinstance(node, CommentedMap) else list(range(len(node)))))
        text = f"c{i} {draw(comment_text)}".strip()
        if draw(st.booleans()):
            node.yaml_set_comment_before_after_key(key, before=text, indent=draw(st.sampled_from([0, 2, 4, 6])))
        elif isinstance(node, CommentedMap) or not isinstance(node[key], (CommentedMap, CommentedSeq)):
            node.yaml_add_eol_comment(text, key)  # (ruamel writes broken YAML for one after "- " of a mapping)
    for node in nodes:
        if isinstance(node, CommentedMap):
            for key, value in node.items():
                if type(value) is str and "\n" not in value and draw(st.integers(0, 9)) == 0:
                    node[key] = draw(st.sampled_from([DoubleQuotedScalarString, SingleQuotedScalarString]))(value)
    yaml = rt_yaml()
    mapping, sequence, offset = draw(st.sampled_from([(2, 4, 2), (4, 4, 2), (2, 2, 0), (4, 6, 4)]))
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(varied_plans())
def test_fmt_is_idempotent_and_keeps_everything(text: str) -> None:
    once = format_text(text, "plan.yaml")
    assert format_text(once, "plan.yaml") == once
    assert comment_lines(once) == comment_lines(text)
    assert load_text(once, "after") == load_text(text, "before")
    assert list(load_rt(once)) == [k for k in schema()["properties"] if k in load_rt(once)]


def test_fmt_layout() -> None:
    text = ("# header\nplan:\n    revision: 1  # eol\n    # about title\n    title: 'ชื่อ'\n"
            "    fiscal_years: [2571]\nschema_version: 1\nprojects:\n-   name: x\n    id: P1\n"
            "    budget:\n    -   {amount: 5, year: 2571, funding: {local: 5}}\n")
    assert format_text(text, "x") == (
        "# header\nschema_version: 1\nplan:\n  # about title\n  title: ชื่อ\n  fiscal_years: [2571]\n"
        "  revision: 1    # eol\nprojects:\n  - id: P1\n    name: x\n    budget:\n"
        "      - {year: 2571, amount: 5, funding: {local: 5}}\n")


def test_fmt_check_exit_codes(example_plan: Path) -> None:
    assert run("fmt", "--check", str(example_plan)) == (0, "", "ตรวจ 1 ไฟล์: จัดรูปแบบถูกต้องแล้ว\n")
    kpi = "    kpi: ปริมาณน้ำกักเก็บเพิ่มขึ้นไม่น้อยกว่า 50,000 ลูกบาศก์เมตร"
    unformatted = EXAMPLE_TEXT.replace(kpi, '    kpi: "ปริมาณน้ำกักเก็บเพิ่มขึ้นไม่น้อยกว่า 50,000 ลูกบาศก์เมตร"')
    assert unformatted != EXAMPLE_TEXT
    example_plan.write_text(unformatted, encoding="utf-8")
    code, out, err = run("fmt", "--check", str(example_plan))
    assert (code, out, err) == (1, f"{example_plan}: ต้องจัดรูปแบบ\n",
                                "ตรวจ 1 ไฟล์: ต้องจัดรูปแบบ 1 ไฟล์ (แก้ด้วย tambondoc fmt)\n")
    assert example_plan.read_text(encoding="utf-8") == unformatted
    assert run("fmt", str(example_plan))[:2] == (0, f"{example_plan}: จัดรูปแบบแล้ว\n")
    formatted = example_plan.read_text(encoding="utf-8")
    assert formatted == EXAMPLE_TEXT
    assert comment_lines(formatted) == comment_lines(EXAMPLE_TEXT)
    assert '    kpi: ปริมาณน้ำกักเก็บเพิ่มขึ้นไม่น้อยกว่า 50,000 ลูกบาศก์เมตร' in formatted.splitlines()
    assert run("fmt", "--check", str(example_plan)) == (0, "", "ตรวจ 1 ไฟล์: จัดรูปแบบถูกต้องแล้ว\n")
    assert run("fmt", str(example_plan))[:2] == (0, "")


def test_fmt_refuses_to_change_data(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    text = "plan: &p\n  title: t\ntambon: *p\nschema_version: 1\n"  # reordering would put the alias first (named)
    plan.write_text(text, encoding="utf-8")
    code, _, err = run("fmt", "--check", str(plan))
    assert (code, err) == (1, f"{plan}:3:9: error: จัดรูปแบบแล้วข้อมูลจะเปลี่ยน จึงไม่แก้ไฟล์ (เกิดจาก anchor/alias & * หรือ << "
                              "หรือข้อความหลายบรรทัดแบบ |+) ให้เขียนข้อมูลตรง ๆ แทนแล้วลองใหม่\n"
                              "ตรวจ 1 ไฟล์: จัดรูปแบบไม่ได้ 1 ไฟล์\n")


def test_fmt_refuses_to_lose_a_comment(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    text = "schema_version: 1\nplan:\n  fiscal_years: [2571,   # ปีแรก\n    2572]\n"
    plan.write_text(text, encoding="utf-8")
    code, _, err = run("fmt", str(plan))
    assert (code, err) == (1, f"{plan}:3:26: error: จัดรูปแบบแล้วความเห็น (comment) จะหาย: # ปีแรก (เช่น ความเห็นภายใน [ ] หรือ {{ }}) "
                              "ให้ย้ายความเห็นไปไว้บรรทัดของตัวเองแล้วลองใหม่\n")
    assert plan.read_text(encoding="utf-8") == text


# ---------------------------------------------------------------- new

def fill(node: Any, sch: dict[str, Any], names: itertools.count) -> Any:
    """Fill every blank the way a user would, from what the schema asks for."""
    if isinstance(node, dict):
        return {k: fill(v, sch["properties"][k], names) for k, v in node.items()}
    if isinstance(node, list):
        return [fill(v, sch["items"], names) for v in node]
    if node is not None:
        return node
    if "enum" in sch:
        return sch["enum"][0]
    kind = sch["type"]
    if kind == "array":
        return [fill(None, sch["items"], names)]
    if kind == "integer":
        return 2570 if sch.get("minimum", 0) >= 2500 else 1
    if kind == "number":
        return 625 if "ไร่" in sch["title"] else 1
    return "2570-01-12" if "pattern" in sch else f"ข้อความ {next(names)}"


def blanks(node: Any, path: list[Any]) -> list[str]:
    if isinstance(node, dict):
        return [b for k, v in node.items() for b in blanks(v, [*path, k])]
    if isinstance(node, list):
        return [b for i, v in enumerate(node) for b in blanks(v, [*path, i])]
    return [json_path(path)] if node is None else []


def test_new_skeleton_validates_once_the_blanks_are_filled(tmp_path: Path) -> None:
    plan = tmp_path / "plans" / "nongbua.yaml"
    code, out, _ = run("new", str(plan), "--tambon", "หนองบัว", "--amphoe", "เมืองพิษณุโลก", "--changwat", "พิษณุโลก")
    assert (code, out) == (0, f"สร้างแผนใหม่ที่ {plan} แล้ว กรอกช่องที่ว่าง แล้วตรวจด้วย: tambondoc validate {plan}\n"
                              f"เพิ่มไฟล์ของคลังแผน: {tmp_path}/schemas/tambon-plan.schema.json, "
                              f"{tmp_path}/.vscode/settings.json, {tmp_path}/.vscode/extensions.json, "
                              f"{tmp_path}/.editorconfig, {tmp_path}/.gitignore\n")
    text = plan.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/tambon-plan.schema.json\n")
    assert "    position: นายอำเภอเมืองพิษณุโลก" in text.splitlines()
    result = validate_file(plan)
    empty = blanks(result.data, [])
    assert len(empty) == 36
    assert sorted({p.path for p in result.problems if p.level == "error"}) == sorted(empty)  # only the blanks
    filled = tmp_path / "filled.yaml"
    yaml = rt_yaml()
    out_text = io.StringIO()
    yaml.dump(fill(result.data, schema(), itertools.count(1)), out_text)
    filled.write_text(out_text.getvalue(), encoding="utf-8")
    assert validate_file(filled).ok, validate_file(filled).problems
    assert run("fmt", "--check", str(plan))[0] == 0  # the skeleton is already in canonical layout


def test_new_refuses_to_overwrite(example_plan: Path) -> None:
    code, _, err = run("new", str(example_plan), "--tambon", "ก", "--amphoe", "ข", "--changwat", "ค")
    assert (code, err) == (1, f"{example_plan}: มีไฟล์นี้อยู่แล้ว จึงไม่เขียนทับ ให้ใช้ชื่อไฟล์ใหม่ (หรือลบไฟล์เดิมก่อน)\n")
    assert example_plan.read_text(encoding="utf-8") == EXAMPLE_TEXT


def test_new_quotes_names_that_need_it(tmp_path: Path) -> None:
    plan = tmp_path / "x.yaml"
    assert run("new", str(plan), "--tambon", "ก: ข #1", "--amphoe", "ค", "--changwat", "ง")[0] == 0
    assert load_text(plan.read_text(encoding="utf-8"), "x")["tambon"]["name"] == "ก: ข #1"

