"""The ก.บ.ต. appointment order: committee validation, and the rendered order read back.

The order is built from the example plan with the real template, converted by LibreOffice
once per module, and its text compared with what the plan says.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import pytest
from conftest import EXAMPLE, needs_libreoffice, pdf_text, run, squash, stand_in_plan_book, to_pdf

from tambondoc import measure
from tambondoc.context.build import build_context
from tambondoc.context.orders import tambon_level
from tambondoc.context.texts import DEFAULT_PREAMBLE, default_duties
from tambondoc.docx.names import keep_lines, kept_whole, names_in
from tambondoc.plan.load import load_plan
from tambondoc.resources import default_templates_dir
from tambondoc.thai import nobreak, thai_digits

DEFAULT_DUTIES = default_duties("เนินสะอาด")
ON_BEHALF = "ปฏิบัติราชการแทนนายอำเภอเนินสะอาด"


def edit(plan: Path, old: str, new: str) -> tuple[int, str]:
    """Replace the first ``old``; return the 1-based line where it was and that line's new text."""
    text = plan.read_text(encoding="utf-8")
    assert old in text, old
    start = text.index(old)
    text = text.replace(old, new, 1)
    plan.write_text(text, encoding="utf-8")
    line = text[:start].count("\n") + 1
    return line, text.splitlines()[line - 1]


def line_of(plan: Path, needle: str, after: str = "") -> int:
    text = plan.read_text(encoding="utf-8")
    return text[: text.index(needle, text.index(after) if after else 0)].count("\n") + 1


# ------------------------------------------------------------------ validation


CHAIR = "{name: นายอดิศักดิ์ พูลผล, position: ปลัดอำเภอผู้รับผิดชอบตำบลหนองบัวงาม, role: ประธานกรรมการ}"
VICE = "{name: นายประเสริฐ ศรีสุข, position: กำนันตำบลหนองบัวงาม, role: รองประธานกรรมการ}"
SECRETARY = "position: นักวิชาการพัฒนาชุมชน สำนักงานพัฒนาชุมชนอำเภอเนินสะอาด, role: กรรมการและเลขานุการ}"


def test_second_chair_is_reported_at_its_role(example_plan: Path) -> None:
    line, text = edit(example_plan, VICE, VICE.replace("รองประธานกรรมการ", "ประธานกรรมการ"))
    code, out, _ = run("validate", str(example_plan))
    col = text.index("role: ประธานกรรมการ") + len("role: ") + 1
    assert (code, out.splitlines()) == (1, [
        f"{example_plan}:{line}:{col}: error: ก.บ.ต. ต้องมีประธานกรรมการหนึ่งคนพอดี (พบ 2 คน คนแรกอยู่รายการที่ 1) "
        "ให้เปลี่ยนบทบาทของคนนี้ ($.committee.members[1].role)"])


@pytest.mark.parametrize("old, new, message", [
    (CHAIR, CHAIR.replace("role: ประธานกรรมการ", "role: กรรมการ"),
     "error: ก.บ.ต. ต้องมีประธานกรรมการหนึ่งคนพอดี (พบ 0 คน) ($.committee.members)"),
    (SECRETARY, SECRETARY.replace("กรรมการและเลขานุการ", "กรรมการ"),
     "error: ก.บ.ต. ต้องมีกรรมการและเลขานุการอย่างน้อยหนึ่งคน ($.committee.members)"),
])
def test_committee_roles_are_reported_at_members(example_plan: Path, old: str, new: str, message: str) -> None:
    edit(example_plan, old, new)
    line = line_of(example_plan, "  members:", after="\ncommittee:")
    code, out, _ = run("validate", str(example_plan))
    assert (code, out.splitlines()) == (1, [f"{example_plan}:{line}:3: {message}"])


def test_duplicate_member_is_reported_even_with_other_spacing(example_plan: Path) -> None:
    line, text = edit(example_plan, "{name: นายบุญส่ง ใจเย็น,", "{name: นายบุญมี  แก้วประเสริฐ,")
    code, out, _ = run("validate", str(example_plan))
    assert (code, out.splitlines()) == (1, [
        f"{example_plan}:{line}:{text.index('นายบุญมี') + 1}: error: กรรมการชื่อ 'นายบุญมี แก้วประเสริฐ' "
        "ซ้ำกับรายการที่ 5 ให้ใช้ค่าที่ไม่ซ้ำกัน ($.committee.members[16].name)"])


@pytest.mark.parametrize("old, new, message", [
    ("number: 15 ", "number: 0 ", "ค่า 0 (เลขที่คำสั่ง) ต้องไม่น้อยกว่า 1 ($.committee.order.number)"),
    ("number: 15 ", "number: -3 ", "ค่า -3 (เลขที่คำสั่ง) ต้องไม่น้อยกว่า 1 ($.committee.order.number)"),
    ("number: 15 ", "number: 15.5 ", "ต้องเป็นจำนวนเต็ม (เลขที่คำสั่ง) แต่พบ 15.5 ($.committee.order.number)"),
    ("    date: 2570-01-12", "    date: 2570-02-30",
     "วันที่ '2570-02-30' ไม่มีอยู่จริง ให้ตรวจวันและเดือน (ปีเป็น พ.ศ.) ($.committee.order.date)"),
    ("    date: 2570-01-12", "    date: 2571-01-05",
     "วันที่คำสั่งต้องอยู่ในปี พ.ศ. 2570 ของคำสั่ง (พบปี 2571) ($.committee.order.date)"),
    ("    date: 2570-01-12", "    date: 2027-01-12",
     "ปีของวันที่ '2027-01-12' ต้องเป็น พ.ศ. (เช่น 2570) ไม่ใช่ ค.ศ. ($.committee.order.date)"),
])
def test_order_number_and_date(example_plan: Path, old: str, new: str, message: str) -> None:
    line, text = edit(example_plan, old, new)
    col = text.index(":") + 3
    code, out, _ = run("validate", str(example_plan))
    assert (code, out.splitlines()) == (1, [f"{example_plan}:{line}:{col}: error: {message}"])


def test_signing_on_behalf_is_valid(example_plan: Path) -> None:
    edit(example_plan, "    position: นายอำเภอเนินสะอาด\n",
         f"    position: ปลัดอำเภอ หัวหน้าฝ่ายบริหารงานปกครอง\n    on_behalf: {ON_BEHALF}\n")
    assert run("validate", str(example_plan))[:2] == (0, "")


def test_context_sorts_members_and_splits_the_date() -> None:
    _, data = load_plan(EXAMPLE)
    data["committee"]["members"].reverse()
    committee = build_context(data)["committee"]
    roles = [m["role"] for m in committee["members"]]
    assert roles[0] == "ประธานกรรมการ" and roles[1] == "รองประธานกรรมการ"
    assert roles[-3:] == ["กรรมการและเลขานุการ", "กรรมการและผู้ช่วยเลขานุการ", "กรรมการและผู้ช่วยเลขานุการ"]
    assert [m["no"] for m in committee["members"]] == list(range(1, 21))
    assert committee["order_date"] == {"day": 12, "month": "มกราคม", "year": 2570}
    assert committee["duties"] == DEFAULT_DUTIES and len(DEFAULT_DUTIES) == 7


# ------------------------------------------------------------------ the rendered order


def tiny_png() -> bytes:
    """A valid 2 x 2 black PNG, different from the shipped emblem."""
    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    raw = b"\x00\x00\x00" * 2
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def build(plan: Path, templates: Path) -> Path:
    code, out, err = run("build", "-o", str(plan.parent / "build"), "--templates", str(templates), str(plan))
    assert code == 0, out + err
    return plan.parent / "build" / plan.stem / "kbt-order.docx"


def words(pdf: Path) -> list[list[tuple[float, str]]]:
    """Each text line of the PDF (page by page, top to bottom) as its words (x, squashed text)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    lines: list[list[tuple[float, str]]] = []
    for page in html.split("<page ")[1:]:
        rows: dict[float, list[tuple[float, str]]] = {}
        for x, y, word in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', page):
            rows.setdefault(round(float(y)), []).append((float(x), squash(word)))
        lines += [sorted(rows[y]) for y in sorted(rows)]
    return lines


@pytest.fixture(scope="module")
def orders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example's order, and a variant signed on behalf, members in reverse, Arabic numerals."""
    root = tmp_path_factory.mktemp("kbt")
    templates = stand_in_plan_book(root / "templates")
    shutil.copytree(EXAMPLE.parent, root / "plans")
    plain = root / "plans" / EXAMPLE.name
    variant = root / "plans" / "variant.yaml"
    text = plain.read_text(encoding="utf-8")
    members = re.search(r"  members:\n((?:    - .*\n)+)", text)
    assert members
    reversed_members = "".join(reversed(members.group(1).splitlines(keepends=True)))
    variant.write_text(
        text.replace(members.group(1), reversed_members)
        .replace("  order_numerals: thai ", "  order_numerals: arabic ")
        .replace("    position: นายอำเภอเนินสะอาด\n",
                 f"    position: ปลัดอำเภอ หัวหน้าฝ่ายบริหารงานปกครอง\n    on_behalf: {ON_BEHALF}\n"),
        encoding="utf-8")
    return {"plain": build(plain, templates), "variant": build(variant, templates)}


@pytest.fixture(scope="module")
def pdfs(orders: dict[str, Path]) -> dict[str, Path]:
    return {name: to_pdf(docx) for name, docx in orders.items()}


@pytest.fixture(scope="module")
def committee() -> dict:
    return build_context(load_plan(EXAMPLE)[1])["committee"]


@needs_libreoffice
@pytest.mark.libreoffice
def test_heading_number_date_and_signer_in_thai_numerals(pdfs: dict[str, Path]) -> None:
    text = pdf_text(pdfs["plain"])
    flat = squash(text)
    for expected in ["คำสั่งอำเภอเนินสะอาด", "ที่ ๑๕/๒๕๗๐",
                     "เรื่อง แต่งตั้งคณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบลหนองบัวงาม",
                     "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป", "สั่ง ณ วันที่ ๑๒ มกราคม พ.ศ. ๒๕๗๐",
                     "(นายธนพล รักษ์ถิ่น)", "นายอำเภอเนินสะอาด",
                     thai_digits(DEFAULT_PREAMBLE.format(tambon="หนองบัวงาม"))]:
        assert squash(expected) in flat, expected
    assert flat.index(squash("คำสั่งอำเภอ")) < flat.index(squash("ที่๑๕/๒๕๗๐")) < flat.index(squash("เรื่อง"))
    assert flat.index(squash("สั่ง ณ วันที่")) < flat.index(squash("(นายธนพล รักษ์ถิ่น)"))
    assert ON_BEHALF not in text and "ปฏิบัติราชการแทน" not in text
    # Thai numerals throughout; only LibreOffice's page numbers stay Arabic (Word shows ๒)
    layout = pdf_text(pdfs["plain"], layout=True)
    body = "\n".join(line for line in layout.splitlines() if not re.fullmatch(r"\s*-\s*\d+\s*-\s*", line))
    assert not re.search(r"[0-9]", body), re.findall(r".*[0-9].*", body)


@needs_libreoffice
@pytest.mark.libreoffice
def test_every_member_with_the_right_role_aligned_on_the_right(pdfs: dict[str, Path], committee: dict) -> None:
    lines = words(pdfs["plain"])
    role_x, found = [], []
    for m in committee["members"]:
        head = squash(f"{thai_digits(m['no'])}.{m['name']}")
        i = next(i for i, line in enumerate(lines) if "".join(w for _, w in line).startswith(head))
        found.append(i)
        role = squash(m["role"])
        # the role is the run of words at the end of the name's line (and the line after, if it wraps)
        start = next(k for k in range(len(lines[i])) if role.startswith("".join(w for _, w in lines[i][k:])))
        x = lines[i][start][0]
        assert "".join(w for _, w in lines[i][start:]) == role, (m["name"], "the role stays on one line")
        role_x.append(x)
    assert found == sorted(found), "members are listed in committee order"
    assert max(role_x) - min(role_x) < 2, role_x
    assert min(role_x) > 595 * 0.55, "roles sit in the right-hand column"


@needs_libreoffice
@pytest.mark.libreoffice
def test_every_duty_numbered_in_thai(pdfs: dict[str, Path]) -> None:
    text = re.sub(r"\f-\s*\d+\s*-?", "", pdf_text(pdfs["plain"]))  # the page numbers atop each page
    flat = squash(text)
    positions = [flat.index(squash(f"({thai_digits(i)}) {thai_digits(duty)}"))
                 for i, duty in enumerate(DEFAULT_DUTIES, 1)]
    assert positions == sorted(positions)


@needs_libreoffice
@pytest.mark.libreoffice
def test_variant_sorts_members_signs_on_behalf_in_arabic(pdfs: dict[str, Path]) -> None:
    text = pdf_text(pdfs["variant"])
    flat = squash(text)
    for expected in ["ที่ 15/2570", "สั่ง ณ วันที่ 12 มกราคม พ.ศ. 2570", "(นายธนพล รักษ์ถิ่น)",
                     "ปลัดอำเภอ หัวหน้าฝ่ายบริหารงานปกครอง", ON_BEHALF, "1. นายอดิศักดิ์ พูลผล",
                     "2. นายประเสริฐ ศรีสุข", "18. นางสาวกาญจนา ศรีวงศ์", "20. นางสาวปิยะนุช แสงทอง",
                     "(7) อื่น ๆ ตามที่นายอำเภอมอบหมาย"]:
        assert squash(expected) in flat, expected
    assert flat.index(squash("(นายธนพล รักษ์ถิ่น)")) < flat.index(squash(ON_BEHALF))
    assert not re.search("[๐-๙]", text)


def test_emblem_is_the_shipped_image_three_cm_high(orders: dict[str, Path]) -> None:
    with zipfile.ZipFile(orders["plain"]) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
        assert [z.read(n) for n in media] == [(default_templates_dir() / "garuda.png").read_bytes()]
        xml = z.read("word/document.xml").decode()
    assert re.search(r'<wp:extent cx="\d+" cy="1080000"/>', xml)  # 3 cm in EMU
    assert '<w:pgNumType w:fmt="thaiNumbers"/>' in xml


def test_a_village_number_stays_on_the_line_of_its_word(orders: dict[str, Path]) -> None:
    """'ผู้ใหญ่บ้านหมู่ที่ ๘' broke before the '๘' in the member column and left it alone on a line."""
    assert nobreak("ผู้ใหญ่บ้านหมู่ที่ 8 และ 12 คน  ที่") == "ผู้ใหญ่บ้านหมู่ที่\u00a08 และ\u00a012 คน  ที่"
    with zipfile.ZipFile(orders["plain"]) as z:
        xml = z.read("word/document.xml").decode()
    assert "ผู้ใหญ่\u2060บ้านหมู่\u2060ที่\u00a0๘<" in xml and "ผู้ใหญ่บ้านหมู่ที่ ๘" not in xml


def test_village_word_is_one_word_in_every_printed_text() -> None:
    """ICU (as LibreOffice) may break 'ผู้ใหญ่บ้าน' and 'หมู่ที่' between their words: the
    member column printed 'ผู้ใหญ่' / 'บ้านหมู่' / 'ที่ ๔'. A word joiner keeps each whole, and
    the line may still break between them."""
    assert keep_lines("ผู้ใหญ่บ้านหมู่ที่ 4 ต่าง ๆ") == "ผู้ใหญ่\u2060บ้านหมู่\u2060ที่ 4 ต่าง\u00a0ๆ"
    assert measure.words(keep_lines("ผู้ใหญ่บ้านหมู่ที่ 4")) == ("ผู้ใหญ่\u2060บ้าน", "หมู่\u2060ที่", " ", "4")
    assert keep_lines("หมู่บ้าน") == "หมู่บ้าน"


def test_place_names_are_printed_whole(orders: dict[str, Path]) -> None:
    """ICU cut the tambon's name as 'หนองบัว' / 'งาม' at a line's end in the order's member
    list and body; the plan's place names are printed with joiners (not in the properties,
    where a search must find them), and a line may still break after 'บ้าน' or 'ชุมชน'."""
    context = build_context(load_plan(EXAMPLE)[1])
    names = names_in(context)
    assert {"หนองบัวงาม", "เนินสะอาด", "คลองตาล", "หลังวัด"} <= set(names)
    assert not any(n.startswith(("บ้าน", "ชุมชน")) for n in names)
    keep = kept_whole(names)
    assert keep is not None
    assert keep("อบต.หนองบัวงาม บ้านคลองตาล") == "อบต.หนองบัว\u2060งาม บ้านคลอง\u2060ตาล"
    assert keep("บ้านหนองบัวงาม") == "บ้านหนองบัว\u2060งาม"
    with zipfile.ZipFile(orders["plain"]) as z:
        xml = z.read("word/document.xml").decode()
        core = z.read("docProps/core.xml").decode()
    assert "ตำบลหนองบัว\u2060งาม" in xml and "หนองบัวงาม" not in xml
    assert "ตำบลหนองบัวงาม" in core and "\u2060" not in core
    # a district's ศอช. documents and needs plan name its tambons, district and province
    socho = {"doc": {**tambon_level("จักรสีห์"), "amphoe": "เมืองสิงห์บุรี"}}
    assert names_in(socho) == ("จักรสีห์", "เมืองสิงห์บุรี")
    needs = {"district": {"amphoe": "บางปะหัน", "changwat": "พระนครศรีอยุธยา"},
             "needs": {"groups": [{"tambons": [{"name": "ขยาย"}, {"name": "พุทเลา"}]}]}}
    assert names_in(needs) == ("ขยาย", "บางปะหัน", "พระนครศรีอยุธยา", "พุทเลา")


def test_plan_may_point_to_its_own_emblem_and_a_missing_one_warns(example_plan: Path, tmp_path: Path) -> None:
    templates = stand_in_plan_book(tmp_path / "templates")
    own = tiny_png()
    (example_plan.parent / "images").mkdir(exist_ok=True)
    (example_plan.parent / "images" / "krut.png").write_bytes(own)
    edit(example_plan, "  order_numerals: thai ", "  garuda_image: images/krut.png\n  order_numerals: thai ")
    with zipfile.ZipFile(build(example_plan, templates)) as z:
        assert [z.read(n) for n in z.namelist() if n.startswith("word/media/")] == [own]

    edit(example_plan, "images/krut.png", "images/missing.png")
    code, _out, err = run("build", "-o", str(tmp_path / "out"), "--templates", str(templates), str(example_plan))
    assert code == 0, err
    assert f"{example_plan}: warning: kbt-order.docx: ไม่พบไฟล์ภาพ" in err and "missing.png" in err
    assert (tmp_path / "out" / example_plan.stem / "kbt-order.docx").is_file()
