"""``tambondoc diff`` on revisions as officers make them: long Thai texts edited in the middle,
projects renumbered, renamed and edited at once. Each test fails on the code before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import replace_in, run

from tambondoc.diff.excerpt import excerpts
from tambondoc.diff.similar import likeness

# one sentence of Thai with no space in it: nothing but word boundaries to cut an excerpt at
LONG_OBJECTIVE = ("โครงการส่งเสริมการพัฒนาคุณภาพชีวิตของผู้สูงอายุและผู้พิการในชุมชนให้มีสุขภาพกายและสุขภาพจิต"
                  "ที่ดีโดยการมีส่วนร่วมของครอบครัวและชุมชนอย่างต่อเนื่องทุกหมู่บ้านในตำบล")


def _revised(example_plan: Path, old: str, new: str) -> Path:
    """The example plan with P002's objective ``old``, and a copy of it with ``new``."""
    replace_in(example_plan, "    objective: เพื่อชะลอน้ำและเพิ่มความชุ่มชื้นให้พื้นที่เกษตร\n", f"    objective: {old}\n")
    revised = example_plan.with_name("revised.yaml")
    revised.write_text(example_plan.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return revised


def test_an_excerpt_of_a_thai_text_starts_and_ends_on_a_word(example_plan: Path) -> None:
    """The excerpt was cut at a count of characters: '…ขภาพกาย' for 'สุขภาพกาย' and 'ครอบค…'
    for 'ครอบครัว', words no reviewer can read."""
    new = _revised(example_plan, LONG_OBJECTIVE, LONG_OBJECTIVE.replace("ที่ดี", "ที่ดียิ่งขึ้น"))
    code, out, _ = run("diff", example_plan, new)
    assert code == 0
    assert out.splitlines()[4:6] == [
        "  ~ P002 ก่อสร้างฝายชะลอน้ำลำห้วยน้ำใส",
        "      วัตถุประสงค์: …สุขภาพกายและสุขภาพจิตที่ดีโดยการมีส่วนร่วมของครอบครัว… → "
        "…สุขภาพกายและสุขภาพจิตที่ดียิ่งขึ้นโดยการมีส่วนร่วมของครอบครัว…",
    ]
    code, out, _ = run("diff", "--format", "markdown", example_plan, new)
    assert "| วัตถุประสงค์ | …สุขภาพกายและสุขภาพจิตที่ดีโดยการมีส่วนร่วมของครอบครัว… | " \
           "…สุขภาพกายและสุขภาพจิตที่ดียิ่งขึ้นโดยการมีส่วนร่วมของครอบครัว… |" in out.splitlines()


def test_excerpts_are_cut_on_word_boundaries_about_as_long_as_before() -> None:
    """Each side's context stays near 24 characters, on a word boundary; a space near the cut
    is preferred; a short text, or a change near an end, is shown to that end; a piece too long
    to be a word is cut inside."""
    assert excerpts(LONG_OBJECTIVE, LONG_OBJECTIVE.replace("ครอบครัว", "ครอบครัวอาสาสมัคร")) == (
        "…การมีส่วนร่วมของครอบครัวและชุมชนอย่างต่อเนื่องทุก…",
        "…การมีส่วนร่วมของครอบครัวอาสาสมัครและชุมชนอย่างต่อเนื่องทุก…")
    assert excerpts(LONG_OBJECTIVE, LONG_OBJECTIVE.replace("สุขภาพจิต", "สุขภาพใจ")) == (
        "…ให้มีสุขภาพกายและสุขภาพจิตที่ดีโดยการมีส่วนร่วมของ…", "…ให้มีสุขภาพกายและสุขภาพใจที่ดีโดยการมีส่วนร่วมของ…")
    spaced = "ขุดลอกหนองน้ำสาธารณะ พื้นที่ 12 ไร่ ลึกเฉลี่ย 3 เมตร พร้อมก่อสร้างคันดินรอบหนองยาว 800 เมตร และปลูกหญ้าแฝก"
    assert excerpts(spaced, spaced.replace("800", "900")) == (
        "…พร้อมก่อสร้างคันดินรอบหนองยาว 800 เมตร และปลูกหญ้าแฝก",
        "…พร้อมก่อสร้างคันดินรอบหนองยาว 900 เมตร และปลูกหญ้าแฝก")
    assert excerpts("สั้น", "ยาว") == ("สั้น", "ยาว")
    run_of_letters = "x" * 100  # no word is that long: cut inside it rather than shown whole
    assert excerpts(run_of_letters, "x" * 50 + "y" + "x" * 49) == ("…" + "x" * 49 + "…", "…" + "x" * 24 + "y" + "x" * 24 + "…")
    start = LONG_OBJECTIVE.replace("โครงการ", "แผนงาน", 1)
    assert excerpts(LONG_OBJECTIVE, start) == ("โครงการส่งเสริมการพัฒนาคุณภาพ…", "แผนงานส่งเสริมการพัฒนาคุณภาพ…")


def _renumbered_renamed_and_edited(example_plan: Path) -> Path:
    """P040 deleted and P041..P044 renumbered down; P042 (now P041) renamed a little, its
    objective and budget edited, all in the same revision."""
    text = example_plan.read_text(encoding="utf-8")
    text = text[: text.index("  - id: P040\n")] + text[text.index("  - id: P041\n"):]
    for n in range(41, 45):
        text = text.replace(f"  - id: P0{n}\n", f"  - id: P0{n - 1}\n")
    text = text.replace("    name: อบรมคณะกรรมการหมู่บ้านด้านธรรมาภิบาล\n",
                        "    name: อบรมคณะกรรมการหมู่บ้านด้านธรรมาภิบาลและความโปร่งใส\n")
    text = text.replace("    objective: เพื่อพัฒนาศักยภาพคณะกรรมการหมู่บ้าน\n",
                        "    objective: เพื่อพัฒนาศักยภาพคณะกรรมการหมู่บ้านทุกหมู่บ้าน\n")
    text = text.replace("{year: 2571, amount: 54000, funding: {province: 54000}}",
                        "{year: 2571, amount: 60000, funding: {province: 60000}}")
    new = example_plan.with_name("revised.yaml")
    new.write_text(text, encoding="utf-8")
    return new


def test_a_project_renumbered_renamed_and_edited_is_one_project_changed(example_plan: Path) -> None:
    """It showed as one project removed and another added, each with all its fields, beside
    the project really deleted."""
    new = _renumbered_renamed_and_edited(example_plan)
    code, out, _ = run("diff", example_plan, new)
    assert code == 0
    assert out.splitlines()[1:13] == [
        "โครงการ เพิ่ม 0 ลบ 1 แก้ไข 1 เปลี่ยนรหัส 3 · งบประมาณรวม 12,178,000 → 11,534,000 บาท (-644,000)",
        "",
        "โครงการ",
        "  - P040 ขยายเขตประปาหมู่บ้านหนองบัวงาม [S5] (650,000 บาท)",
        "  ~ P041 อบรมคณะกรรมการหมู่บ้านด้านธรรมาภิบาลและความโปร่งใส",
        "      รหัสโครงการ: P042 → P041",
        "      ชื่อโครงการ: อบรมคณะกรรมการหมู่บ้านด้านธรรมาภิบาล → อบรมคณะกรรมการหมู่บ้านด้านธรรมาภิบาลและความโปร่งใส",
        "      วัตถุประสงค์: เพื่อพัฒนาศักยภาพคณะกรรมการหมู่บ้าน → เพื่อพัฒนาศักยภาพคณะกรรมการหมู่บ้านทุกหมู่บ้าน",
        "      งบประมาณรายปี [2571] › งบประมาณ (บาท): 54,000 → 60,000",
        "      งบประมาณรายปี [2571] › แหล่งงบประมาณ › งบพัฒนาจังหวัด: 54,000 → 60,000",
        "  ~ P041 → P040 เวทีประชาคมทบทวนแผนพัฒนาหมู่บ้านและตำบล (เปลี่ยนรหัสเท่านั้น)",
        "  ~ P043 → P042 ศูนย์ยุติธรรมชุมชนและไกล่เกลี่ยข้อพิพาท (เปลี่ยนรหัสเท่านั้น)",
    ]
    code, out, _ = run("diff", "--format", "markdown", example_plan, new)
    assert "**แก้ไข 1**\n\n`P041` อบรมคณะกรรมการหมู่บ้านด้านธรรมาภิบาลและความโปร่งใส\n\n" \
           "| รายการ | เดิม | ใหม่ |\n| --- | --- | --- |\n| รหัสโครงการ | P042 | P041 |\n" in out
    assert "**เพิ่ม" not in out


ROAD = "ก่อสร้างถนนคอนกรีตเสริมเหล็กสายโคกสว่าง-หนองแขม"


@pytest.mark.parametrize(("before", "after"), [
    ("ก่อสร้างถนนคอนกรีตเสริมเหล็กหมู่ที่ 3", "ก่อสร้างถนนคอนกรีตเสริมเหล็กหมู่ที่ 7"),  # another village
    ("ก่อสร้างถนนคอนกรีตเสริมเหล็กหมู่ที่ ๓", "ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 7"),  # Thai digits, a space
    (ROAD, "ก่อสร้างถนนคอนกรีตเสริมเหล็กสายโคกสว่าง-คลองตาล"),  # another road
    (ROAD, "ซ่อมแซมถนนคอนกรีตเสริมเหล็กสายโคกสว่าง-หนองแขม"),  # other work on the same road
], ids=["village", "thai-digits", "place", "work"])
def test_a_project_deleted_and_another_added_with_a_similar_name_are_not_paired(
        example_plan: Path, before: str, after: str) -> None:
    """A road deleted and another added in the same strategy, its objective and agency the same,
    its name differing in a village's number or a place: two projects, one removed and one added
    (paired, the deletion and the new project the committee must approve would read as an edit)."""
    replace_in(example_plan, f"    name: {ROAD}\n", f"    name: {before}\n")
    text = example_plan.read_text(encoding="utf-8")
    start = text.index("  - id: P037\n")
    old = text[start: text.index("  - id: P038\n")]
    added = old.replace("  - id: P037\n", "  - id: P045\n").replace(before, after).replace("ยาว 1,200 เมตร", "ยาว 400 เมตร")
    new = example_plan.with_name("revised.yaml")
    text = text.replace(old, "")
    end = text.index("\n# ---------------------------------------------------------------- คำสั่งแต่งตั้ง")
    new.write_text(text[:end].rstrip("\n") + "\n" + added + text[end:], encoding="utf-8")
    code, out, _ = run("diff", example_plan, new)
    assert code == 0
    assert out.splitlines()[1:] == [
        "โครงการ เพิ่ม 1 ลบ 1 แก้ไข 0",
        "",
        "โครงการ",
        f"  + P045 {after} [S5] (1,850,000 บาท)",
        f"  - P037 {before} [S5] (1,850,000 บาท)",
    ]


def test_names_alike_are_one_edited_a_little_never_a_word_or_number_replaced() -> None:
    """Words added or removed, a misspelling fixed, a number added: alike. A number changed or a
    word replaced by another (a place, the work, the people it serves): not, however close."""
    assert likeness("ขุดลอกหนองน้ำสาธารณะหนองบัวงาม", "ขุดลอกหนองน้ำสาธารณะบ้านหนองบัวงาม") > 0.9
    assert likeness("ก่อสร้างถนนคอนกรีตเสริมเหล็ก", "ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 4") > 0.8
    assert likeness("ก่อสร้างถนนคอนกรีดเสริมเหล็กหมู่ที่ 13", "ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ๑๓") > 0.9
    assert likeness("ซ่อมแซมถนนหมู่ที่ 3", "ซ่อมแซมถนนหมู่ที่ 3 และ 7") > 0.8
    assert likeness("ก่อสร้างถนนคอนกรีตเสริมเหล็กหมู่ที่ 3", "ก่อสร้างถนนคอนกรีตเสริมเหล็กหมู่ที่ 7") == 0
    assert likeness("ปรับปรุงระบบประปาหมู่บ้าน ระยะที่ 1", "ปรับปรุงระบบประปาหมู่บ้าน ระยะที่ 2") == 0
    assert likeness("อบรมอาสาสมัครดูแลผู้สูงอายุ", "อบรมอาสาสมัครดูแลผู้พิการ") == 0
    assert likeness("ก่อสร้างถนนสายบ้านนายดำ หมู่ที่ 5", "ก่อสร้างถนนสายบ้านนายทอง หมู่ที่ 5") == 0
    assert likeness("ส่งเสริมอาชีพกลุ่มสตรีบ้านคลองตาล", "ส่งเสริมอาชีพกลุ่มผู้สูงอายุบ้านคลองตาล") == 0
    assert likeness("ศูนย์ยุติธรรมชุมชนและไกล่เกลี่ยข้อพิพาท", "ศูนย์ยุติธรรมชุมชน") == 0  # half of it gone
