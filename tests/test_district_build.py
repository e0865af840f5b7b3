"""`tambondoc build` on a district: every tambon's documents and its ศอช. order and announcement,
the district's own documents in OUT/_district/, incremental, nothing written when anything is
invalid; and every new document read back through LibreOffice against the plans themselves."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import (
    EXAMPLE_DISTRICT,
    ROOT,
    needs_libreoffice,
    pdf_text,
    replace_in,
    run,
    soffice,
    squash,
    stand_in_plan_book,
)
from docx import Document
from openpyxl import load_workbook

from tambondoc import measure
from tambondoc.context.build import build_context
from tambondoc.context.texts import DISTRICT_GROUP_DUTIES, TAMBON_GROUP_DUTIES
from tambondoc.plan.load import load_plan
from tambondoc.resources import default_templates_dir
from tambondoc.thai import baht_text, thai_digits

TAMBONS = {"bang-suan": "บางสวน", "pak-nam": "ปากน้ำ", "samet-nuea": "เสม็ดเหนือ"}
DISTRICT_OUTPUTS = {"report.xlsx", "needs-plan.docx", "needs-plan.xlsx", "coordination-district.xlsx",
                    "socho-district-order.docx", "socho-district-announcement.docx"}


def plans() -> dict[str, dict]:
    """The example's plans as loaded (the expected values come from them, not from the build)."""
    return {stem: load_plan(EXAMPLE_DISTRICT / "plans" / f"{stem}.yaml")[1] for stem in TAMBONS}


def district_data() -> dict:
    return load_plan(EXAMPLE_DISTRICT / "district.yaml")[1]


def build(folder: Path, out: Path, *more: str) -> tuple[int, list[str]]:
    code, stdout, stderr = run("build", "-v", "-o", out, *more, folder)
    return code, (stderr + stdout).splitlines()  # problems and warnings (stderr) first


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example district built once (the plan book stood in for: it is another test's)."""
    root = tmp_path_factory.mktemp("district")
    shutil.copytree(EXAMPLE_DISTRICT, root / "examples" / "district")
    shutil.copytree(ROOT / "schemas", root / "schemas")
    templates = stand_in_plan_book(root / "templates")
    code, lines = build(root / "examples" / "district", root / "out", "--templates", str(templates))
    assert code == 0, lines
    return root / "out"


def test_every_tambon_and_the_district_get_their_documents(built: Path) -> None:
    for stem in TAMBONS:
        names = {p.name for p in (built / stem).iterdir()}
        assert {"plan-book.docx", "kbt-order.docx", "socho-order.docx", "socho-announcement.docx"} <= names
    assert {p.name for p in (built / "_district").iterdir() if not p.name.startswith(".")} == DISTRICT_OUTPUTS
    assert {p.name for p in (built / "pak-nam").glob("coordination-*.xlsx")} == {
        "coordination-abt-paknam.xlsx", "coordination-pao-chachoengsao.xlsx"}


def test_nothing_is_written_when_anything_is_invalid(example_district: Path, tmp_path: Path) -> None:
    line = replace_in(example_district / "plans" / "pak-nam.yaml", "    number: 102", "    number: 101")
    code, lines = build(example_district, tmp_path / "out")
    assert code == 1 and not (tmp_path / "out").exists()
    assert lines[0].startswith(f"{example_district}/plans/pak-nam.yaml:{line}:13: error: เลขที่คำสั่ง 101/2567 ซ้ำกับ")
    assert lines[-2:] == [f"{example_district}: อำเภอไม่ผ่านการตรวจสอบ จึงไม่ได้สร้างเอกสารใด ให้แก้ตามรายการข้างบน",
                          "สร้างแล้ว 0, ไม่เปลี่ยนแปลง 0, ล้มเหลว 1"]


def test_a_changed_tambon_rebuilds_itself_and_the_district_only(example_district: Path, tmp_path: Path) -> None:
    templates = stand_in_plan_book(tmp_path / "templates")
    out = tmp_path / "out"
    args = ("--templates", str(templates))
    assert build(example_district, out, *args)[1][-1] == "สร้างแล้ว 4, ไม่เปลี่ยนแปลง 0, ล้มเหลว 0"
    assert build(example_district, out, *args)[1][-1] == "สร้างแล้ว 0, ไม่เปลี่ยนแปลง 4, ล้มเหลว 0"
    replace_in(example_district / "plans" / "pak-nam.yaml", "    total: 41", "    total: 40")
    code, lines = build(example_district, out, *args)
    assert code == 0 and lines[-1] == "สร้างแล้ว 2, ไม่เปลี่ยนแปลง 2, ล้มเหลว 0"
    assert f"{example_district}/plans/pak-nam.yaml: สร้างแล้ว 8 ไฟล์ใน {out}/pak-nam" in lines
    assert f"{example_district}/plans/bang-suan.yaml: ไม่มีการเปลี่ยนแปลง (ข้าม ใช้ --force เพื่อสร้างใหม่)" in lines
    # district.yaml signs every tambon's ศอช. documents: all rebuild
    replace_in(example_district / "district.yaml", "  name: นายวรวุฒิ ศักดิ์สิทธิ์", "  name: นายวรวุฒิ ศักดิ์ศรี")
    assert build(example_district, out, *args)[1][-1] == "สร้างแล้ว 4, ไม่เปลี่ยนแปลง 0, ล้มเหลว 0"
    # the district's own emblem: a new image rebuilds every tambon's ศอช. documents and the district's
    shutil.copy(default_templates_dir() / "garuda.png", example_district / "emblem.png")
    replace_in(example_district / "district.yaml", "settings:\n", "settings:\n  garuda_image: emblem.png\n")
    assert build(example_district, out, *args)[1][-1] == "สร้างแล้ว 4, ไม่เปลี่ยนแปลง 0, ล้มเหลว 0"
    assert build(example_district, out, *args)[1][-1] == "สร้างแล้ว 0, ไม่เปลี่ยนแปลง 4, ล้มเหลว 0"
    (example_district / "emblem.png").write_bytes((example_district / "emblem.png").read_bytes() + b"\0")
    assert build(example_district, out, *args)[1][-1] == "สร้างแล้ว 4, ไม่เปลี่ยนแปลง 0, ล้มเหลว 0"
    # a plan removed: the district's documents follow
    (example_district / "plans" / "samet-nuea.yaml").unlink()
    assert build(example_district, out, *args)[1][-1] == "สร้างแล้ว 1, ไม่เปลี่ยนแปลง 2, ล้มเหลว 0"


def test_a_tambon_without_its_socho_is_built_with_a_note(example_district: Path, tmp_path: Path) -> None:
    plan = example_district / "plans" / "bang-suan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text[: text.index("# ศูนย์ประสานงานองค์การชุมชน")] + text[text.index("# เวทีประชาคม"):],
                    encoding="utf-8")
    code, lines = build(example_district, tmp_path / "out", "--templates", str(stand_in_plan_book(tmp_path / "t")))
    assert code == 0
    assert f"{plan}: ไม่มี socho.working_group จึงไม่สร้าง socho-order.docx" in lines
    assert f"{plan}: ไม่มี socho.committee จึงไม่สร้าง socho-announcement.docx" in lines
    assert not (tmp_path / "out" / "bang-suan" / "socho-order.docx").exists()


# ---------------------------------------------------------------- the workbooks, as openpyxl reads them


def test_report_has_a_row_per_tambon_with_the_plans_own_figures(built: Path) -> None:
    ws = load_workbook(built / "_district" / "report.xlsx")["รายงานรายตำบล"]
    header = [c.value for c in ws[4]]
    rows = {r[1]: dict(zip(header, r)) for r in ws.iter_rows(min_row=5, max_row=7, values_only=True)}
    for stem, data in plans().items():
        row, context = rows[TAMBONS[stem]], build_context(data)
        budget = sum(b["amount"] for p in data["projects"] for b in p["budget"])
        assert (row["รหัสตำบล"], row["งบประมาณรวม (บาท)"], row["จำนวนโครงการ"]) == (
            context["tambon"]["code"], budget, len(data["projects"]))
        assert row["ผู้เข้าร่วม (คน)"] == data["review"]["attendance"]["total"]
        assert row["คำสั่งแต่งตั้ง ก.บ.ต."].startswith(f"{data['committee']['order']['number']}/2567 ลงวันที่")
        for year in (2569, 2570):
            assert row[f"ปี {year} (บาท)"] == sum(b["amount"] for p in data["projects"] for b in p["budget"]
                                                 if b["year"] == year)
        assert row["ขอสนับสนุน (โครงการ)"] == sum(p["approach"] == "ขอสนับสนุน" for p in data["projects"])
        assert row["หมายเหตุ"] is None
    total = [c.value for c in ws[8]]
    assert total[1] == "รวม" and total[header.index("งบประมาณรวม (บาท)")] == "=SUM(X5:X7)"
    papers = load_workbook(built / "_district" / "report.xlsx")["คำสั่งและประกาศ"]
    assert papers.max_row == 3 + 2 + 3 * 3  # the district's two, three for each tambon


def test_a_small_workshop_is_noted_in_the_report(example_district: Path, tmp_path: Path) -> None:
    replace_in(example_district / "plans" / "samet-nuea.yaml", "    total: 27", "    total: 18")
    assert build(example_district, tmp_path / "out", "--templates", str(stand_in_plan_book(tmp_path / "t")))[0] == 0
    ws = load_workbook(tmp_path / "out" / "_district" / "report.xlsx").active
    assert [c.value for c in ws[7]][1] == "เสม็ดเหนือ" and [c.value for c in ws[7]][-1] == "ผู้เข้าร่วมน้อยกว่าเกณฑ์ 20 คน"


def test_needs_plan_holds_the_agency_and_province_money_by_provincial_strategy(built: Path) -> None:
    ws = load_workbook(built / "_district" / "needs-plan.xlsx").active
    rows = [[c for c in r] for r in ws.iter_rows(min_row=5, values_only=True)]
    strategies = [r[1] for r in rows if r[0] is None and r[1] and not str(r[1]).startswith(("ตำบล", "รวม", "("))]
    assert strategies == [s["name"] for s in district_data()["provincial_strategies"]]
    asked = {(TAMBONS[stem], p["name"]): sum(b["funding"].get("agency", 0) + b["funding"].get("province", 0)
                                               for b in p["budget"])
             for stem, data in plans().items() for p in data["projects"]}
    listed = {(r[1], r[2]): r[7] for r in rows if isinstance(r[0], int)}
    assert listed == {k: v for k, v in asked.items() if v}
    assert rows[-1][1] == f"({baht_text(sum(asked.values()))})"


def test_needs_plan_of_three_years_or_more_lists_the_years_as_lines(example_district: Path, tmp_path: Path) -> None:
    """Six amount columns (five years and their total, for their bold 9-digit totals) left a realistic
    district's projects 2 cm and its needs plan 153 pages (84 now): from three fiscal years one
    budget column holds a line per year with money and their total, as the coordination list."""
    plan = example_district / "plans" / "bang-suan.yaml"
    replace_in(plan, "fiscal_years: [2569, 2570]", "fiscal_years: [2569, 2570, 2571]")
    replace_in(plan, "funding: {agency: 150000, community: 30000}", "funding: {agency: 150000, province: 30000}")
    assert build(example_district, tmp_path / "out", "--templates", str(stand_in_plan_book(tmp_path / "t")))[0] == 0
    table = Document(str(tmp_path / "out" / "_district" / "needs-plan.docx")).tables[0]
    heading = [c.text for c in table.rows[0].cells]
    assert heading == ["ที่", "โครงการ/กิจกรรม", "เป้าหมาย (ผลผลิต)", "สถานที่ (หมู่\u2060ที่)", "งบประมาณ (บาท)",
                       "แหล่งงบประมาณที่ขอ", "หน่วยงานรับผิดชอบหลัก"]
    projects = [r for r in table.rows if r.cells[0].text.isdigit()]
    assert projects and all(re.fullmatch(r"(25\d\d|รวม) \t[\d,]+", p.text)
                            for r in projects for p in r.cells[4].paragraphs)
    total = table.rows[-1].cells
    lines = [p.text for p in total[4].paragraphs]
    assert [line.split(" \t")[0] for line in lines] == ["2569", "2570", "รวม"]  # 2571 holds no money
    # a project asking both sources names them a line each: 'งบหน่วยงาน, งบ' / 'พัฒนาจังหวัด' in a real district's plan
    sources = {r.cells[5].text for r in projects}
    assert "งบหน่วยงาน\nงบพัฒนาจังหวัด" in sources and not any(", " in s for s in sources)


def test_coordination_list_of_the_district_has_a_sheet_per_local_government(built: Path) -> None:
    wb = load_workbook(built / "_district" / "coordination-district.xlsx")
    assert wb.sheetnames == ["อบต.บางสวน", "อบต.ปากน้ำ", "อบจ.ฉะเชิงเทรา", "อบต.เสม็ดเหนือ"]
    pao = [r for r in wb["อบจ.ฉะเชิงเทรา"].iter_rows(min_row=5, values_only=True) if isinstance(r[0], int)]
    assert [(r[1], r[2]) for r in pao] == [("ปากน้ำ", "ก่อสร้างถนนคอนกรีตเสริมเหล็กสายท่าลาด-คลองแขก"),
                                          ("เสม็ดเหนือ", "ขุดสระเก็บน้ำสาธารณะหนองไม้แดง")]


# ---------------------------------------------------------------- read back through LibreOffice


def convert(files: list[Path], target: str, outdir: Path) -> None:
    filters = {"pdf": "pdf", "csv": "csv:Text - txt - csv (StarCalc):44,34,76,1"}
    subprocess.run([soffice(), f"-env:UserInstallation={(outdir / 'lo-profile').as_uri()}", "--headless",
                    "--convert-to", filters[target], "--outdir", str(outdir), *map(str, files)],
                   check=True, capture_output=True, timeout=600)


@pytest.fixture(scope="module")
def read_back(built: Path) -> dict[str, str]:
    """LibreOffice's reading of every new document: PDF text of the .docx, CSV of each workbook's
    first sheet."""
    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    outdir = built.parent / "read"
    docs = [built / "_district" / n for n in sorted(DISTRICT_OUTPUTS) if n.endswith(".docx")]
    docs += [built / stem / n for stem in TAMBONS for n in ("socho-order.docx", "socho-announcement.docx")]
    convert(docs, "pdf", outdir)
    books = [built / "_district" / n for n in sorted(DISTRICT_OUTPUTS) if n.endswith(".xlsx")]
    convert(books, "csv", outdir)
    found = {f"{p.parent.name}/{p.stem}": pdf_text(outdir / f"{p.stem}.pdf") for p in docs if p.parent.name == "_district"}
    for stem in TAMBONS:  # same names in every tambon: convert them apart
        convert([built / stem / "socho-order.docx", built / stem / "socho-announcement.docx"], "pdf", outdir / stem)
        for name in ("socho-order", "socho-announcement"):
            found[f"{stem}/{name}"] = pdf_text(outdir / stem / f"{name}.pdf")
    found |= {f"_district/{p.stem}.csv": (outdir / f"{p.stem}.csv").read_text(encoding="utf-8") for p in books}
    return found


def body(text: str) -> str:
    """The text without LibreOffice's page numbers atop pages 2 on (Arabic there, Thai in Word and
    in --pdf)."""
    return re.sub(r"\f-\s*[0-9]+\s*-?", "", text)  # not \d: it would take the Thai number of a member


def members_in_order(text: str, members: list[dict], roles: tuple[str, ...]) -> None:
    """Every member numbered in the order of the roles, with name and position, and the role
    before the next member. The roles sit beside the first line of a member, so they are taken out
    of the text (and of what is looked for) to read a wrapped position as one."""
    ordered = [m for _, m in sorted(enumerate(members), key=lambda im: (roles.index(im[1]["role"]), im[0]))]

    def without_roles(value: str) -> str:
        flat = squash(value)
        for role in sorted(roles, key=len, reverse=True):
            flat = flat.replace(squash(role), "")
        return flat

    flat, whole = without_roles(body(text)), squash(body(text))
    positions = []
    for no, m in enumerate(ordered, 1):
        line = without_roles(f"{thai_digits(no)}. {m['name']} {thai_digits(m['position'])}")
        assert line in flat, line
        positions.append(flat.index(line))
    assert positions == sorted(positions)
    starts = [whole.index(squash(f"{thai_digits(no)}. {m['name']}")) for no, m in enumerate(ordered, 1)]
    for m, start, end in zip(ordered, starts, [*starts[1:], len(whole)]):
        assert squash(m["role"]) in whole[start:end], (m["name"], m["role"])


@needs_libreoffice
@pytest.mark.libreoffice
@pytest.mark.parametrize("stem", list(TAMBONS))
def test_tambon_working_group_order(read_back: dict[str, str], stem: str) -> None:
    from tambondoc.plan.vocabulary import GROUP_ROLES

    data, text = plans()[stem], read_back[f"{stem}/socho-order"]
    group, flat = data["socho"]["working_group"], squash(body(text))
    day, month = {"bang-suan": ("๒๐", "พฤศจิกายน"), "pak-nam": ("๒๐", "พฤศจิกายน"), "samet-nuea": ("๒๑", "พฤศจิกายน")}[stem]
    for phrase in ["คำสั่งอำเภอบางคล้า", f"ที่ {thai_digits(group['order']['number'])}/๒๕๖๗",
                   f"เรื่อง แต่งตั้งคณะทำงานส่งเสริมศูนย์ประสานงานองค์การชุมชนระดับตำบล ตำบล{TAMBONS[stem]}",
                   "ระเบียบกระทรวงมหาดไทย ว่าด้วยการดำเนินงานศูนย์ประสานงานองค์การชุมชน พ.ศ. ๒๕๕๑ ข้อ ๑๐ (๒)",
                   "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป", f"สั่ง ณ วันที่ {day} {month} พ.ศ. ๒๕๖๗", "(นายวรวุฒิ ศักดิ์สิทธิ์)",
                   "นายอำเภอบางคล้า"]:
        assert squash(phrase) in flat, phrase
    for i, duty in enumerate(TAMBON_GROUP_DUTIES, 1):
        filled = duty.format(place=f" ตำบล{TAMBONS[stem]}")
        assert squash(f"({thai_digits(i)}) {thai_digits(filled)}") in flat, duty
    members_in_order(text, group["members"], GROUP_ROLES)
    assert not re.search(r"[0-9]", body(text)), re.findall(r".*[0-9].*", body(text))


@needs_libreoffice
@pytest.mark.libreoffice
@pytest.mark.parametrize("stem", list(TAMBONS))
def test_tambon_announcement(read_back: dict[str, str], stem: str) -> None:
    from tambondoc.plan.vocabulary import SOCHO_ROLES

    data, text = plans()[stem], read_back[f"{stem}/socho-announcement"]
    committee, flat = data["socho"]["committee"], squash(body(text))
    for phrase in ["ประกาศอำเภอบางคล้า",
                   f"เรื่อง รับรองการคัดเลือกคณะกรรมการบริหารศูนย์ประสานงานองค์การชุมชนระดับตำบล (ศอช.ต.) ตำบล{TAMBONS[stem]}",
                   "จึงประกาศให้ทราบโดยทั่วกัน", "(นายวรวุฒิ ศักดิ์สิทธิ์)", "นายอำเภอบางคล้า"]:
        assert squash(phrase) in flat, phrase
    day = thai_digits(int(committee["announcement"]["date"][-2:]))
    assert squash(f"ประกาศ ณ วันที่ {day} ธันวาคม พ.ศ. ๒๕๖๗") in flat
    assert squash("สั่ง ณ วันที่") not in flat  # an announcement is dated 'ประกาศ ณ วันที่' and has no number
    assert flat.index(squash("ประกาศอำเภอบางคล้า")) + len(squash("ประกาศอำเภอบางคล้า")) == flat.index(squash("เรื่อง"))
    members_in_order(text, committee["members"], SOCHO_ROLES)
    assert not re.search(r"[0-9]", body(text))


@needs_libreoffice
@pytest.mark.libreoffice
def test_district_order_and_announcement(read_back: dict[str, str]) -> None:
    from tambondoc.plan.vocabulary import GROUP_ROLES, SOCHO_ROLES

    socho = district_data()["socho"]
    order = squash(body(read_back["_district/socho-district-order"]))
    for phrase in ["คำสั่งอำเภอบางคล้า", "ที่ ๙๘/๒๕๖๗", "เรื่อง แต่งตั้งคณะทำงานส่งเสริมศูนย์ประสานงานองค์การชุมชนระดับอำเภอ",
                   "สั่ง ณ วันที่ ๘ พฤศจิกายน พ.ศ. ๒๕๖๗"]:
        assert squash(phrase) in order, phrase
    for i, duty in enumerate(DISTRICT_GROUP_DUTIES, 1):
        assert squash(f"({thai_digits(i)}) {duty.format(amphoe='บางคล้า')}") in order
    members_in_order(read_back["_district/socho-district-order"], socho["working_group"]["members"], GROUP_ROLES)
    announcement = squash(body(read_back["_district/socho-district-announcement"]))
    for phrase in ["ประกาศอำเภอบางคล้า", "รับรองการคัดเลือกคณะกรรมการบริหารศูนย์ประสานงานองค์การชุมชนระดับอำเภอ (ศอช.อ.)",
                   "เมื่อวันที่ ๑๕ พฤศจิกายน ๒๕๖๗", "ประกาศ ณ วันที่ ๒๙ พฤศจิกายน พ.ศ. ๒๕๖๗"]:
        assert squash(phrase) in announcement, phrase
    members_in_order(read_back["_district/socho-district-announcement"], socho["committee"]["members"], SOCHO_ROLES)


@needs_libreoffice
@pytest.mark.libreoffice
def test_needs_plan_document(read_back: dict[str, str]) -> None:
    text = read_back["_district/needs-plan"]
    flat = squash(body(text))
    asked = [(TAMBONS[stem], p, sum(b["funding"].get("agency", 0) + b["funding"].get("province", 0) for b in p["budget"]))
             for stem, data in plans().items() for p in data["projects"]]
    asked = [a for a in asked if a[2]]
    total = sum(a[2] for a in asked)
    for phrase in ["แผนความต้องการระดับอำเภอบางคล้า จังหวัดฉะเชิงเทรา", "ปีงบประมาณ พ.ศ. ๒๕๖๙-๒๕๗๐",
                   "เสนอคณะกรรมการบริหารงานจังหวัดแบบบูรณาการ (ก.บ.จ.) ฉะเชิงเทรา",
                   "จำนวน ๓ ตำบล", f"จำนวน {thai_digits(len(asked))} โครงการ งบประมาณรวม {thai_digits(f'{total:,}')} บาท "
                   f"({baht_text(total)})", f"รวมทั้งสิ้น {len(asked)} โครงการ",
                   f"รวมทั้งสิ้น {thai_digits(len(asked))} โครงการ งบประมาณ {thai_digits(f'{total:,}')} บาท ({baht_text(total)})",
                   "(นายวรวุฒิ ศักดิ์สิทธิ์)", "ประธานคณะกรรมการบริหารงานอำเภอแบบบูรณาการ (ก.บ.อ.) บางคล้า"]:
        assert squash(phrase) in flat, phrase
    for strategy in district_data()["provincial_strategies"]:
        assert squash(strategy["name"]) in flat
    for _, p, amount in asked:  # a name that wraps in its cell is read a line at a time: its first word
        assert squash(measure.words(p["name"])[0]) in flat, p["name"]
        assert f"{amount:,}" in flat


@needs_libreoffice
@pytest.mark.libreoffice
def test_report_totals_computed_by_calc_equal_the_plans(read_back: dict[str, str]) -> None:
    rows = list(csv.reader(io.StringIO(read_back["_district/report.csv"])))
    header = rows[3]
    total = dict(zip(header, rows[7]))
    budgets = [b for data in plans().values() for p in data["projects"] for b in p["budget"]]
    assert total["ตำบล"] == "รวม"
    assert total["งบประมาณรวม (บาท)"] == f"{sum(b['amount'] for b in budgets):,}"
    assert total["ปี 2570 (บาท)"] == f"{sum(b['amount'] for b in budgets if b['year'] == 2570):,}"
    assert total["งบพัฒนาจังหวัด (บาท)"] == f"{sum(b['funding'].get('province', 0) for b in budgets):,}"
    assert total["จำนวนโครงการ"] == str(sum(len(d["projects"]) for d in plans().values()))
    assert total["ผู้เข้าร่วม (คน)"] == str(sum(d["review"]["attendance"]["total"] for d in plans().values()))
    needs = list(csv.reader(io.StringIO(read_back["_district/needs-plan.csv"])))
    assert needs[-2][1].startswith("รวมทั้งสิ้น") and needs[-1][1].startswith("(") and needs[-1][1].endswith("บาทถ้วน)")
    coordination = read_back["_district/coordination-district.csv"]
    assert "รวมทั้งสิ้น 2 โครงการ" in coordination and "1,272,000" in coordination


@needs_libreoffice
@pytest.mark.libreoffice
def test_pdf_joins_every_order_and_announcement(example_district: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, lines = build(example_district, out, "--pdf", "--templates", str(stand_in_plan_book(tmp_path / "t")))
    assert code == 0, lines
    joined = out / "_district" / "orders.pdf"
    parts = [out / "_district" / "socho-district-order.pdf", out / "_district" / "socho-district-announcement.pdf"]
    parts += [out / stem / f"{name}.pdf" for stem in TAMBONS for name in ("kbt-order", "socho-order", "socho-announcement")]

    def pages(pdf: Path) -> int:
        info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
        return int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]

    assert pages(joined) == sum(pages(p) for p in parts)
    subjects = [line for line in pdf_text(joined).splitlines() if line.startswith("เรื่อง")]
    assert len(subjects) == len(parts)
    assert squash(subjects[0]).startswith(squash("เรื่อง แต่งตั้งคณะทำงานส่งเสริม"))
    assert squash(subjects[2]).startswith(squash("เรื่อง แต่งตั้งคณะกรรมการบริหารงานตำบลแบบบูรณาการ"))
    assert shutil.which("pdfunite")


# ---------------------------------------------------------------- templates a district owns


def test_templates_init_copies_the_districts_and_check_reads_them(example_district: Path, tmp_path: Path) -> None:
    from docx import Document

    folder = example_district / "templates" / "docx"
    code, out, _ = run("templates", "init", folder)
    assert code == 0 and {"socho-order.docx", "socho-announcement.docx", "needs-plan.docx"} <= {
        p.name for p in folder.iterdir()}
    doc = Document(str(folder / "socho-announcement.docx"))
    doc.add_paragraph("{{ doc.chair_name }}")
    doc.save(str(folder / "socho-announcement.docx"))
    code, out, _ = run("templates", "check", "--district", example_district)
    assert code == 1
    assert f"socho-announcement.docx ({folder}/socho-announcement.docx): มีปัญหา" in out.splitlines()
    assert "ใช้ตัวแปร 'chair_name' ที่ข้อมูลแผนไม่มี" in out
    assert f"socho-order.docx ({folder}/socho-order.docx): ผ่าน" in out.splitlines()
    # the district's build uses its repository's templates
    code, lines = build(example_district, tmp_path / "out")
    assert code == 1 and any("socho-announcement.docx" in line and "chair_name" in line for line in lines)
    assert not (tmp_path / "out" / "_district").exists()
