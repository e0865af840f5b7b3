"""Issue 20's formats: communities (ชุมชน), named funding sources, priority scoring, through validate,
the context the documents show, the workbooks (round trips keep everything) and diff."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import document_text, needs_libreoffice, read_docx, replace_in, run, squash
from ruamel.yaml import YAML

from tambondoc.check.validate import validate_file
from tambondoc.context.build import build_context
from tambondoc.plan.load import load_plan
from tambondoc.xlsx.columns import Choices

S4 = "S4 ยุทธศาสตร์ด้านการบริหารจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อม"
S42 = "S4.2 จัดการขยะและสิ่งแวดล้อมชุมชน"


def context(plan: Path) -> dict[str, Any]:
    checked = validate_file(plan)
    assert checked.ok, checked.problems
    return build_context(checked.data)


def problems(plan: Path) -> list[str]:
    """Every finding as validate prints it, with its rule."""
    return [f"{p.line}:{p.column}: {p.level}: {p.message} ({p.path}) [{p.rule}]" for p in validate_file(plan).problems]


def at(plan: Path, text: str, occurrence: int = 0) -> tuple[int, int]:
    """Line and column (1-based) of ``text`` in the plan."""
    body, start = plan.read_text(encoding="utf-8"), -1
    for _ in range(occurrence + 1):
        start = body.index(text, start + 1)
    line = body[:start].count("\n") + 1
    return line, start - body.rfind("\n", 0, start)


def project(plan: Path, pid: str) -> dict[str, Any]:
    return next(p for p in load_plan(plan)[1]["projects"] if p["id"] == pid)


# ---------------------------------------------------------------- validate


def test_community_references_are_checked_at_their_line(example_plan: Path) -> None:
    replace_in(example_plan, "    communities: [c-talat]\n", "    communities: [c-talad]\n")
    replace_in(example_plan, "kind: ตลาด, village: 1, community: c-talat}", "kind: ตลาด, village: 1, community: c-x}")
    replace_in(example_plan, "    - id: c-langwat\n", "    - id: c-talat\n")
    line, col = at(example_plan, "c-talad")
    place = at(example_plan, "c-x")
    lg = at(example_plan, "communities: [c-talat, c-langwat, c-khoksawang]")
    duplicate = at(example_plan, "- id: c-talat", 1)
    assert problems(example_plan) == [
        f"{duplicate[0]}:{duplicate[1] + 6}: error: รหัสชุมชน 'c-talat' ซ้ำกับรายการที่ 1 ให้ใช้ค่าที่ไม่ซ้ำกัน ($.tambon.communities[1].id) [unique-ids]",
        f"{place[0]}:{place[1]}: error: ไม่มีชุมชนรหัส 'c-x' ใน tambon.communities (มี c-talat, c-khoksawang) "
        "($.tambon.important_places[6].community) [references]",
        f"{lg[0]}:{lg[1] + 23}: error: ไม่มีชุมชนรหัส 'c-langwat' ใน tambon.communities หมายถึง 'c-talat' หรือไม่? "
        "($.tambon.local_governments[0].communities[1]) [references]",
        f"{line}:{col}: error: ไม่มีชุมชนรหัส 'c-talad' ใน tambon.communities หมายถึง 'c-talat' หรือไม่? "
        "($.projects[8].communities[0]) [references]",
    ]


def test_a_project_needs_a_village_or_a_community(example_plan: Path) -> None:
    replace_in(example_plan, "    villages: [1]\n    communities: [c-talat]\n", "")
    line, _ = at(example_plan, "  - id: P009")
    assert problems(example_plan) == [
        f"{line}:5: error: ต้องระบุหมู่ที่ (villages) หรือชุมชน (communities) ที่ดำเนินโครงการอย่างน้อยหนึ่งอย่าง "
        "เช่น villages: [1] หรือ communities: [c01] ($.projects[8]) [locations]"]


def test_named_sources_are_declared_once_with_a_free_id(example_plan: Path) -> None:
    replace_in(example_plan, "  - {id: codi, name:", "  - {id: local, name:")
    replace_in(example_plan, "funding: {agency: 50000, community: 15000, pao: 30000}",
               "funding: {agency: 50000, communty: 15000, pao: 30000}")
    reserved = at(example_plan, "id: local, name:")
    codi = at(example_plan, "codi: 27000}}")
    typo = at(example_plan, "communty")
    assert problems(example_plan) == [
        f"{reserved[0]}:{reserved[1] + 4}: error: รหัส 'local' เป็นชื่อที่โปรแกรมใช้แล้ว (local, agency, province, community, "
        "other) ให้ใช้รหัสอื่น เช่น codi ($.funding_sources[0].id) [funding-sources]",
        f"{typo[0]}:{typo[1]}: error: ไม่รู้จักแหล่งงบประมาณ 'communty' หมายถึง 'community' หรือไม่? "
        "แหล่งอื่นนอกจากสี่แหล่งหลักให้ประกาศใน funding_sources ก่อน ($.projects[11].budget[0].funding.communty) "
        "[funding-sources]",
        f"{codi[0]}:{codi[1]}: error: ไม่รู้จักแหล่งงบประมาณ 'codi' (มี local, agency, province, community, pao) "
        "แหล่งอื่นนอกจากสี่แหล่งหลักให้ประกาศใน funding_sources ก่อน ($.projects[16].budget[0].funding.codi) "
        "[funding-sources]",
    ]


def test_a_named_source_counts_in_the_funding_split(example_plan: Path) -> None:
    replace_in(example_plan, "amount: 27000, funding: {codi: 27000}", "amount: 27000, funding: {codi: 20000}")
    line, col = at(example_plan, "amount: 27000, funding")
    assert problems(example_plan) == [
        f"{line}:{col + 8}: error: ผลรวมแหล่งงบประมาณ (20,000 บาท) ไม่เท่ากับ amount (27,000 บาท) ให้แก้ให้ตรงกัน "
        "($.projects[16].budget[0].amount) [budgets]"]


def test_scores_outside_the_scale_and_typed_priorities_are_reported(example_plan: Path) -> None:
    replace_in(example_plan, "scores: {people: 4, urgency: 4, capacity: 3, fit: 4}\n    votes: 35",
               "scores: {people: 4, urgency: 7, capacity: 3, fit: 4}\n    votes: 35\n    priority: 1")
    replace_in(example_plan, "scores: {people: 3, urgency: 3, capacity: 3, fit: 3}",
               "scores: {people: 3, urgent: 3, capacity: 3}")
    replace_in(example_plan, "    scores: {people: 4, urgency: 5, capacity: 4, fit: 4}\n    votes: 38\n", "    priority: 2\n")
    seven = at(example_plan, "urgency: 7")
    priority = at(example_plan, "urgency: 7")[0] + 2, 5
    p036 = at(example_plan, "scores: {people: 3, urgent")
    p032 = at(example_plan, "  - id: P032")
    assert problems(example_plan) == [
        f"{p032[0]}:9: warning: โครงการนี้ยังไม่มีคะแนน (scores) ขณะที่โครงการอื่นในยุทธศาสตร์ S4 มีแล้ว "
        "จึงเรียงไว้ท้ายยุทธศาสตร์ ให้ใส่คะแนนจากเวทีประชาคม ($.projects[31].id) [scoring]",
        f"{seven[0]}:{seven[1] + 9}: error: คะแนน 7 ของเกณฑ์ 'ความเร่งด่วนของปัญหา' อยู่นอกช่วงคะแนน 1-5 "
        "(scoring.min_score ถึง scoring.max_score) ($.projects[32].scores.urgency) [scoring]",
        f"{priority[0]}:5: error: โครงการที่มีคะแนน (scores) หรือคะแนนเสียง (votes) โปรแกรมคำนวณลำดับความสำคัญให้ "
        "ให้ลบ priority ออก ($.projects[32].priority) [scoring]",
        f"{p036[0]}:5: warning: ยังไม่มีคะแนนเกณฑ์ 'ความเร่งด่วนของปัญหา', 'ความสอดคล้องกับยุทธศาสตร์' จึงนับเป็น 0 "
        "($.projects[35].scores) [scoring]",
        f"{p036[0]}:{p036[1] + 20}: error: ไม่มีเกณฑ์ 'urgent' ใน scoring.criteria หมายถึง 'urgency' หรือไม่? "
        "($.projects[35].scores.urgent) [scoring]",
    ]


def test_the_scale_must_have_room(example_plan: Path) -> None:
    line = replace_in(example_plan, "  min_score: 1\n  max_score: 5\n", "  min_score: 6\n")
    assert problems(example_plan)[0] == \
        f"{line}:14: error: คะแนนสูงสุด (5) ต้องมากกว่าคะแนนต่ำสุด (6) ($.scoring.min_score) [scoring]"


# ---------------------------------------------------------------- what the documents show


def test_projects_are_ranked_by_score_then_votes_then_id(example_plan: Path) -> None:
    ranked = [(p["id"], p["score"], p["votes"], p["priority"]) for p in context(example_plan)["scoring"]["groups"][0]["projects"]]
    assert ranked == [("P031", 45, 41, 1), ("P032", 43, 38, 2), ("P033", 38, 35, 3), ("P034", 38, 29, 4),
                      ("P035", 33, 30, 5), ("P036", 30, 22, 6)]
    replace_in(example_plan, "    votes: 29\n", "    votes: 35\n")                    # P034 ties P033: by id
    replace_in(example_plan, "scores: {people: 3, urgency: 3, capacity: 3, fit: 3}",  # P036 now scores highest
               "scores: {people: 5, urgency: 5, capacity: 5, fit: 5}")
    replace_in(example_plan, "    scores: {people: 3, urgency: 4, capacity: 2, fit: 4}\n    votes: 30\n",
               "    votes: 30\n")                                                     # P035: votes only
    ctx = context(example_plan)
    group = ctx["scoring"]["groups"][0]
    assert [(p["id"], p["score"], p["priority"], p["priority_computed"]) for p in group["projects"]] == [
        ("P036", 50, 1, True), ("P031", 45, 2, True), ("P032", 43, 3, True), ("P033", 38, 4, True),
        ("P034", 38, 5, True), ("P035", None, 6, True)]
    assert [p["id"] for p in ctx["projects"] if p["strategy"] == "S4"] == [p["id"] for p in group["projects"]]
    s5 = [p for p in ctx["projects"] if p["strategy"] == "S5"]  # no scores: the typed order stays
    assert [(p["priority"], p["priority_computed"]) for p in s5] == [(n, False) for n in range(1, 9)]
    assert [g["id"] for g in ctx["scoring"]["groups"]] == ["S4"]
    assert ctx["scoring"]["criteria"][0] == {"id": "people", "name": "จำนวนผู้ได้รับประโยชน์", "weight": 3,
                                             "description": "5 = มากกว่า 500 คน 1 = ไม่ถึง 50 คน"}
    assert (ctx["scoring"]["used"], ctx["scoring"]["max_total"]) == (True, 50)
    assert group["projects"][0]["score_list"] == [5, 5, 5, 5]


def test_named_sources_print_as_one_other_column_and_count_in_every_total(example_plan: Path) -> None:
    ctx = context(example_plan)
    assert [s["key"] for s in ctx["sources"]] == ["local", "agency", "province", "community", "other"]
    assert ctx["sources"][-1] == {"key": "other", "label": "อื่น ๆ", "short": "อื่น ๆ", "names": "พอช., อบจ."}
    assert ctx["funding_keys"] == [s["key"] for s in ctx["sources"]]
    assert ctx["other_sources_text"] == ("อื่น ๆ ได้แก่ พอช. = สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน), "
                                         "อบจ. = องค์การบริหารส่วนจังหวัดพิษณุโลก")
    p012 = next(p for p in ctx["projects"] if p["id"] == "P012")
    assert (p012["source_amounts"], p012["other_amount"], p012["other_sources_text"]) == \
        ([0, 50000, 0, 15000, 30000], 30000, "อบจ.")
    assert p012["other_sources"] == [{"key": "pao", "label": "องค์การบริหารส่วนจังหวัดพิษณุโลก", "short": "อบจ.",
                                      "amount": 30000}]
    totals = ctx["totals"]
    assert sum(totals["source_amounts"]) == totals["amount"] == sum(totals["by_source"].values())
    assert (totals["by_source"]["codi"], totals["by_source"]["pao"], totals["other_amount"]) == (27000, 30000, 57000)
    assert [s["key"] for s in ctx["summary"]["by_source"]] == ["local", "agency", "province", "community", "codi", "pao"]
    for group in ctx["strategy_groups"] + ctx["summary"]["by_approach"]:
        amounts = group["totals"]["source_amounts"] if "totals" in group else group["source_amounts"]
        assert sum(amounts) == (group["totals"]["amount"] if "totals" in group else group["amount"])
    year = ctx["book"]["by_year"][0]
    assert (year["year"], year["other_amount"], sum(year["source_amounts"])) == (2571, 57000, year["amount"])
    assert [s["key"] for s in ctx["book"]["by_source"]][-2:] == ["codi", "pao"]

    text = example_plan.read_text(encoding="utf-8")
    start, end = text.index("funding_sources:"), text.index("\n\n", text.index("funding_sources:"))
    example_plan.write_text(text[:start] + text[end + 2:], encoding="utf-8")
    replace_in(example_plan, "{agency: 50000, community: 15000, pao: 30000}", "{agency: 80000, community: 15000}")
    replace_in(example_plan, "{codi: 27000}}", "{agency: 27000}}")
    plain = context(example_plan)
    assert [s["key"] for s in plain["sources"]] == ["local", "agency", "province", "community"]
    assert (plain["other_sources_text"], plain["named_sources"], plain["totals"]["other_amount"]) == ("", [], 0)


def test_communities_in_part_one_and_in_the_place_columns(example_plan: Path) -> None:
    ctx = context(example_plan)
    tambon = ctx["tambon"]
    assert [(c["name"], c["leader"], c["population_total"]) for c in tambon["communities"]] == [
        ("ชุมชนตลาดหนองบัวงาม", "นางสมศรี ใจงาม", 457), ("ชุมชนหลังวัด", "นายสมหวัง ดีใจ", 311),
        ("ชุมชนโคกสว่างพัฒนา", "นางลำดวน พรมสุข", 393)]
    assert tambon["community_totals"] == {"count": 3, "households": 356, "male": 561, "female": 600, "population": 1161}
    assert [p["community_name"] for p in tambon["important_places"]][-1] == "ชุมชนตลาดหนองบัวงาม"
    p009 = next(p for p in ctx["projects"] if p["id"] == "P009")
    assert (p009["village_text"], p009["community_text"], p009["place_text"], p009["location_text"]) == \
        ("หมู่ที่ 1", "ชุมชนตลาดหนองบัวงาม", "หมู่ที่ 1 ชุมชนตลาดหนองบัวงาม", "หมู่ที่ 1 ชุมชนตลาดหนองบัวงาม")
    assert [lg["community_text"] for lg in ctx["book"]["local_governments"]] == [
        "ชุมชนตลาดหนองบัวงาม, ชุมชนหลังวัด, ชุมชนโคกสว่างพัฒนา", "-"]


def _urban(example_plan: Path) -> Path:
    """The example as a tambon of communities only (a เทศบาลเมือง): no villages anywhere."""
    yaml = YAML()
    data = yaml.load(example_plan.read_text(encoding="utf-8"))
    tambon = data["tambon"]
    del tambon["villages"]
    for c in tambon["communities"]:
        del c["village"]
    for key in ("groups", "important_places"):
        for item in tambon[key]:
            item.pop("village", None)
    for lg in tambon["local_governments"]:
        lg.pop("villages", None)
    tambon["local_governments"][0]["kind"] = "เทศบาลเมือง"
    for p in data["projects"]:
        del p["villages"]
        p["communities"] = ["c-talat"] if p["id"] != "P001" else ["c-talat", "c-khoksawang"]
    with example_plan.open("w", encoding="utf-8") as f:
        yaml.dump(data, f)
    return example_plan


@needs_libreoffice
@pytest.mark.libreoffice
def test_the_documents_of_a_tambon_of_communities_only(example_plan: Path, tmp_path: Path) -> None:
    """No village table, a community table with every community, and projects placed by community."""
    plan = _urban(example_plan)
    assert run("build", plan, "-o", tmp_path / "out").code == 0
    folder = tmp_path / "out" / plan.stem
    book = squash(document_text(folder / "plan-book.docx"))
    ctx = context(plan)
    assert squash("๑.๕ ชุมชนและประชากร") in book and squash("ตำบลหนองบัวงาม มี ๓ ชุมชน") in book
    assert squash("ครัวเรือน ประชากรรวม") not in book  # the village sentence (and its table) left out
    for c in ctx["tambon"]["communities"]:
        assert squash(c["name"]) in book
    # a place's cell, read from the .docx: pdftotext reads a narrow cell's lines interleaved
    # with its neighbours' (ชุมชน / ตลาด / หนองบัว / งาม beside the agency's lines)
    places = [cell.text for table in read_docx(str(folder / "coordination-tm-nongbua.docx")).tables
              for row in table.rows for cell in row.cells]
    assert any(text.startswith("ชุมชนตลาดหนองบัวงาม") for text in places)


def test_a_tambon_of_communities_only(example_plan: Path, tmp_path: Path) -> None:
    plan = _urban(example_plan)
    ctx = context(plan)
    assert ctx["tambon"]["villages"] == [] and ctx["tambon"]["village_totals"]["population"] == 0
    p001 = ctx["projects"][0]
    assert (p001["village_text"], p001["location_text"]) == ("", "ชุมชนตลาดหนองบัวงาม, ชุมชนโคกสว่างพัฒนา")
    headers = Choices.of(load_plan(plan)[1]).headers()
    assert "หมู่ที่ดำเนินการ" not in headers and "ชุมชนที่ดำเนินการ" in headers

    book = tmp_path / "v.xlsx"
    assert run("xlsx-template", plan, "-o", book).code == 0
    wb = openpyxl.load_workbook(book)
    ws = wb["โครงการ"]
    col = {c.value: c.column for c in ws[1]}
    for head, value in {"ชื่อโครงการ": "ลอกท่อระบายน้ำ", "ยุทธศาสตร์": S4, "กลยุทธ์": S42,
                        "ชุมชนที่ดำเนินการ": "ชุมชนหลังวัด, c-talat ชุมชนตลาดหนองบัวงาม", "งบท้องถิ่น 2571": 80000,
                        "วิธีดำเนินการ": "ขอสนับสนุน", "หน่วยงานรับผิดชอบหลัก": "เทศบาลเมืองหนองบัวงาม"}.items():
        ws.cell(2, col[head]).value = value
    wb.save(book)
    result = run("import-xlsx", book, "--into", plan)
    assert result.code == 0, result.err
    assert project(plan, "P046")["communities"] == ["c-langwat", "c-talat"]
    ws.cell(2, col["ชุมชนที่ดำเนินการ"]).value = None
    wb.save(book)
    result = run("import-xlsx", book, "--into", plan)
    assert result.code == 1
    assert f"{book}:โครงการ!{ws.cell(2, col['ชุมชนที่ดำเนินการ']).coordinate}: error: " \
        "ต้องใส่หมู่ที่ดำเนินการหรือชุมชนที่ดำเนินการอย่างน้อยหนึ่งอย่าง" in result.err.splitlines()
    line = replace_in(plan, "  communities:\n  - c-talat\n  - c-khoksawang\n", "  villages: [3]\n")
    assert [p for p in problems(plan) if ": error: " in p] == [
        f"{line}:14: error: ไม่มีหมู่ที่ 3 ใน tambon.villages (ตำบลนี้ไม่มีหมู่บ้าน ให้อ้างชุมชนใน tambon.communities แทน) "
        "($.projects[0].villages[0]) [references]"]


def test_a_project_in_every_community_is_placed_in_every_community(example_plan: Path) -> None:
    """'ทุกชุมชน', as 'ทุกหมู่บ้าน': a เทศบาลเมือง's twelve names filled a สถานที่ cell nine lines deep."""
    plan = _urban(example_plan)
    replace_in(plan, "  communities:\n  - c-talat\n  - c-khoksawang\n",
               "  communities:\n  - c-talat\n  - c-langwat\n  - c-khoksawang\n")
    p001, p002 = context(plan)["projects"][:2]
    assert (p001["community_text"], p001["location_text"]) == ("ทุกชุมชน", "ทุกชุมชน")
    assert p002["community_text"] == "ชุมชนตลาดหนองบัวงาม"


def test_a_municipality_of_communities_lists_them_without_a_village_dash(example_plan: Path, tmp_path: Path) -> None:
    """Part 1's อปท. table: a เทศบาล of communities only printed '-' (no villages) on a line of its
    own above its communities."""
    plan = _urban(example_plan)
    assert run("build", plan, "-o", tmp_path / "out").code == 0
    tables = read_docx(str(tmp_path / "out" / plan.stem / "plan-book.docx")).tables
    lgs = next(t for t in tables if t.rows[0].cells[-1].text == "หมู่บ้าน/ชุมชนในเขต")
    assert [[p.text for p in row.cells[-1].paragraphs] for row in lgs.rows[1:]] == [
        ["ชุมชนตลาดหนองบัวงาม, ชุมชนหลังวัด, ชุมชนโคกสว่างพัฒนา"], ["-"]]


def test_the_projects_of_a_tambon_of_communities_come_from_community_plans(example_plan: Path, tmp_path: Path) -> None:
    """Part 3's lead paragraph: a tambon without villages has no แผนพัฒนาหมู่บ้าน, its projects
    come from its communities' plans (แผนชุมชน)."""
    def lead(plan: Path, out: Path) -> str:
        assert run("build", plan, "-o", out).code == 0
        paragraphs = read_docx(str(out / plan.stem / "plan-book.docx")).paragraphs
        return next(p.text for p in paragraphs if "ได้รวบรวมแผนงาน/โครงการ" in p.text)

    assert "โครงการจากแผนพัฒนาหมู่บ้าน วิเคราะห์" in lead(example_plan, tmp_path / "before")
    assert "โครงการจากแผนชุมชน วิเคราะห์" in lead(_urban(example_plan), tmp_path / "after")


def test_an_empty_scoring_section_scores_with_the_default_criteria(example_plan: Path) -> None:
    text = example_plan.read_text(encoding="utf-8")
    start = text.index("scoring:\n")
    end = text.index("\n\n", start)
    example_plan.write_text(text[:start] + "scoring: {}" + text[end:], encoding="utf-8")
    replace_in(example_plan, "scores: {people: 5, urgency: 4, capacity: 4, fit: 5}", "scores: {people: 5, urgency: 4}")
    ctx = context(example_plan)
    assert [c["id"] for c in ctx["scoring"]["criteria"]] == ["people", "urgency", "capacity", "fit"]
    assert (ctx["scoring"]["min_score"], ctx["scoring"]["max_score"], ctx["scoring"]["max_total"]) == (1, 5, 20)
    p031 = next(p for p in ctx["projects"] if p["id"] == "P031")
    assert (p031["score"], p031["score_list"]) == (9, [5, 4, None, None])


def test_a_plan_that_does_not_use_the_new_parts_keeps_its_columns(example_plan: Path) -> None:
    data = load_plan(example_plan)[1]
    for key in ("funding_sources", "scoring"):
        del data[key]
    del data["tambon"]["communities"]
    for p in data["projects"]:
        for key in ("communities", "scores", "votes"):
            p.pop(key, None)
    assert Choices.of(data).headers() == [
        "รหัสโครงการ", "ชื่อโครงการ", "ยุทธศาสตร์", "กลยุทธ์", "วัตถุประสงค์", "เป้าหมาย (ผลผลิต)", "ตัวชี้วัด (KPI)",
        "ผลที่คาดว่าจะได้รับ", "หมู่ที่ดำเนินการ", "สถานที่ดำเนินการ", "ระยะเวลา",
        *[f"{s} {y}" for y in (2571, 2572) for s in ("งบท้องถิ่น", "งบหน่วยงาน", "งบพัฒนาจังหวัด", "งบชุมชน")],
        "วิธีดำเนินการ", "หน่วยงานรับผิดชอบหลัก", "ส่งให้ อปท.", "ลำดับความสำคัญ", "หมายเหตุ"]
    data["scoring"] = {}  # an empty section: the default criteria, and score columns to fill
    headers = Choices.of(data).headers()
    assert headers[headers.index("ลำดับความสำคัญ") + 1:] == [
        "คะแนน: จำนวนผู้ได้รับประโยชน์", "คะแนน: ความเร่งด่วนของปัญหา", "คะแนน: ความสามารถของชุมชนในการดำเนินการเอง",
        "คะแนน: ความสอดคล้องกับยุทธศาสตร์", "คะแนนเสียง (โหวต)", "คะแนนรวม (คำนวณ)", "หมายเหตุ"]


# ---------------------------------------------------------------- workbooks


def _book(plan: Path, command: str, name: str) -> tuple[Path, Any, dict[str, int]]:
    book = plan.parent / name
    result = run(command, plan, "-o", book)
    assert result.code == 0, result.err
    wb = openpyxl.load_workbook(book)
    return book, wb, {c.value: c.column for c in wb["โครงการ"][1] if c.value}


def _row(ws: Any, pid: str) -> int:
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == pid)


def test_export_holds_and_import_merges_scores_named_sources_and_communities(example_plan: Path) -> None:
    book, wb, col = _book(example_plan, "export-xlsx", "projects.xlsx")
    ws = wb["โครงการ"]
    p031, p017, p009 = _row(ws, "P031"), _row(ws, "P017"), _row(ws, "P009")
    assert [ws.cell(p031, col[h]).value for h in ("คะแนน: จำนวนผู้ได้รับประโยชน์", "คะแนน: ความเร่งด่วนของปัญหา",
                                                  "คะแนน: ความสามารถของชุมชนในการดำเนินการเอง",
                                                  "คะแนน: ความสอดคล้องกับยุทธศาสตร์", "คะแนนเสียง (โหวต)")] == [5, 4, 4, 5, 41]
    first = openpyxl.utils.get_column_letter(col["คะแนน: จำนวนผู้ได้รับประโยชน์"])
    assert ws.cell(p031, col["คะแนนรวม (คำนวณ)"]).value.startswith(f"=IF(COUNT({first}{p031}:")
    assert ws.cell(p031, col["ลำดับความสำคัญ"]).value is None  # computed, never typed
    assert ws.cell(p017, col["พอช. 2571"]).value == 27000
    assert ws.cell(p009, col["ชุมชนที่ดำเนินการ"]).value == "c-talat ชุมชนตลาดหนองบัวงาม"

    ws.cell(_row(ws, "P035"), col["คะแนน: ความเร่งด่วนของปัญหา"]).value = 5
    ws.cell(_row(ws, "P036"), col["คะแนน: ความสอดคล้องกับยุทธศาสตร์"]).value = None
    ws.cell(_row(ws, "P032"), col["คะแนนเสียง (โหวต)"]).value = 40.0
    ws.cell(p017, col["พอช. 2571"]).value = 30000
    ws.cell(p017, col["อบจ. 2572"]).value = 5000
    ws.cell(p009, col["ชุมชนที่ดำเนินการ"]).value = "c-talat ชุมชนตลาดหนองบัวงาม, ชุมชนหลังวัด"
    wb.save(book)
    before = example_plan.read_text(encoding="utf-8")
    result = run("import-xlsx", book, "--into", example_plan)
    assert result.code == 0, result.err
    assert f"{book}:โครงการ!A{_row(ws, 'P035')}: แก้ไข P035: คะแนน" in result.out.splitlines()
    after = example_plan.read_text(encoding="utf-8")
    removed = [line for line in before.splitlines() if line not in after.splitlines()]
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert removed == ["    communities: [c-talat]",
                       "      - {year: 2571, amount: 27000, funding: {codi: 27000}}",
                       "    votes: 38",
                       "    scores: {people: 3, urgency: 4, capacity: 2, fit: 4}",
                       "    scores: {people: 3, urgency: 3, capacity: 3, fit: 3}"]
    assert added == ["    communities: [c-talat, c-langwat]",
                     "      - {year: 2571, amount: 30000, funding: {codi: 30000}}",
                     "      - {year: 2572, amount: 5000, funding: {pao: 5000}}",
                     "    votes: 40",
                     "    scores: {people: 3, urgency: 5, capacity: 2, fit: 4}",
                     "    scores: {people: 3, urgency: 3, capacity: 3}"]
    assert run("validate", example_plan).code == 0


def test_village_rows_with_scores_communities_and_named_sources(example_plan: Path) -> None:
    book, wb, col = _book(example_plan, "xlsx-template", "villages.xlsx")
    ws = wb["โครงการ"]
    rows = [{"ชื่อโครงการ": "ซ่อมท่อระบายน้ำ", "ยุทธศาสตร์": S4, "กลยุทธ์": S42, "หมู่ที่ดำเนินการ": 1,
             "ชุมชนที่ดำเนินการ": "c-langwat ชุมชนหลังวัด", "พอช. 2571": 20000, "งบชุมชน 2571": 5000,
             "วิธีดำเนินการ": "ทำร่วม", "หน่วยงานรับผิดชอบหลัก": "เทศบาลตำบลหนองบัวงาม",
             "คะแนน: จำนวนผู้ได้รับประโยชน์": 4, "คะแนน: ความเร่งด่วนของปัญหา": 5,
             "คะแนน: ความสามารถของชุมชนในการดำเนินการเอง": 3, "คะแนน: ความสอดคล้องกับยุทธศาสตร์": 4,
             "คะแนนเสียง (โหวต)": 12}]
    rows.append({**rows[0], "หมู่ที่ดำเนินการ": 2, "ชุมชนที่ดำเนินการ": "ชุมชนโคกสว่างพัฒนา", "คะแนนเสียง (โหวต)": 9})
    for r, row in enumerate(rows, 2):
        for head, value in row.items():
            ws.cell(r, col[head]).value = value
    wb.save(book)
    result = run("import-xlsx", book, "--into", example_plan, "--combine")
    assert result.code == 0, result.err
    assert project(example_plan, "P046") == {
        "id": "P046", "name": "ซ่อมท่อระบายน้ำ", "strategy": "S4", "tactic": "S4.2", "villages": [1, 2],
        "communities": ["c-langwat", "c-khoksawang"],
        "budget": [{"year": 2571, "amount": 50000, "funding": {"community": 10000, "codi": 40000}}],
        "approach": "ทำร่วม", "agency": "เทศบาลตำบลหนองบัวงาม",
        "scores": {"people": 4, "urgency": 5, "capacity": 3, "fit": 4}, "votes": 21,
    }
    ranked = context(example_plan)["scoring"]["groups"][0]["projects"]
    assert [(p["id"], p["score"], p["priority"]) for p in ranked][:3] == [("P031", 45, 1), ("P032", 43, 2), ("P046", 41, 3)]


@pytest.mark.parametrize("head, value, message", [
    ("คะแนน: ความเร่งด่วนของปัญหา", 7, "คะแนนต้องอยู่ระหว่าง 1 ถึง 5 (พบ 7)"),
    ("คะแนนเสียง (โหวต)", 2.5, "คะแนนเสียงต้องเป็นจำนวนเต็มไม่ติดลบ (พบ '2.5')"),
    ("ชุมชนที่ดำเนินการ", "ชุมชนริมน้ำ", "ไม่มีชุมชน 'ชุมชนริมน้ำ' ในแผน ให้เลือกจากรายการ (มี c-talat, c-langwat, c-khoksawang)"),
])
def test_bad_new_cells_are_named(example_plan: Path, head: str, value: Any, message: str) -> None:
    book, wb, col = _book(example_plan, "export-xlsx", "projects.xlsx")
    ws = wb["โครงการ"]
    ws.cell(2, col[head]).value = value
    wb.save(book)
    before = example_plan.read_bytes()
    result = run("import-xlsx", book, "--into", example_plan)
    assert result.code == 1
    assert f"{book}:โครงการ!{ws.cell(2, col[head]).coordinate}: error: {message}" in result.err.splitlines()
    assert example_plan.read_bytes() == before


# ---------------------------------------------------------------- diff


def test_diff_names_what_the_plan_declares_and_shows_moved_priorities(example_plan: Path) -> None:
    new = example_plan.with_name("new.yaml")
    new.write_text(example_plan.read_text(encoding="utf-8")
                   .replace("scores: {people: 3, urgency: 4, capacity: 2, fit: 4}", "scores: {people: 5, urgency: 5, capacity: 2, fit: 4}")
                   .replace("amount: 27000, funding: {codi: 27000}", "amount: 30000, funding: {codi: 30000}")
                   .replace("    - id: c-langwat\n      name: ชุมชนหลังวัด\n", "    - id: c-langwat\n      name: ชุมชนหลังวัดเก่า\n"),
                   encoding="utf-8")
    code, out, _ = run("diff", example_plan, new)
    assert code == 0
    lines = out.splitlines()
    for line in ["  ~ P017 เสริมสร้างความเข้มแข็งกองทุนหมู่บ้าน",
                 "      งบประมาณรายปี [2571] › แหล่งงบประมาณ › พอช.: 27,000 → 30,000",
                 "      คะแนนความสำคัญ › จำนวนผู้ได้รับประโยชน์: 3 → 5",
                 "    สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน): 27,000 → 30,000 (+3,000)",
                 "ลำดับความสำคัญ (คำนวณจากคะแนนและคะแนนเสียง)",
                 "  P035 จัดซื้อถังขยะแยกประเภทและรถเก็บขยะ [S4]: 5 → 3",
                 "  P033 อนุรักษ์พันธุ์ปลาและเขตอภัยทานหนองแขม [S4]: 3 → 4",
                 "  P034 ธนาคารขยะรีไซเคิลชุมชน [S4]: 4 → 5",
                 "ชุมชน",
                 "  ~ c-langwat ชุมชนหลังวัดเก่า",
                 "      ชื่อชุมชน: ชุมชนหลังวัด → ชุมชนหลังวัดเก่า"]:
        assert line in lines, line
    markdown = run("diff", example_plan, new, "--format", "markdown").out.splitlines()
    assert "| P035 | จัดซื้อถังขยะแยกประเภทและรถเก็บขยะ | S4 | 5 | 3 |" in markdown


def test_new_plan_names_its_tambon_code(tmp_path: Path) -> None:
    assert run("new", tmp_path / "a.yaml", "--tambon", "วังทอง", "--amphoe", "วังทอง", "--changwat", "พิษณุโลก").code == 0
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8").splitlines()[2] == \
        "# รหัสตำบล 650801 (ตามรายชื่อจังหวัด อำเภอ ตำบลที่มากับโปรแกรม)"
    assert run("new", tmp_path / "b.yaml", "--tambon", "วังทอ", "--amphoe", "วังทอง", "--changwat", "พิษณุโลก").code == 0
    assert (tmp_path / "b.yaml").read_text(encoding="utf-8").splitlines()[2].startswith(
        "# ตรวจชื่อ: ไม่พบตำบล 'วังทอ' ในอำเภอวังทอง จังหวัดพิษณุโลก หมายถึง 'วังทอง' หรือไม่?")
