"""``tambondoc diff`` on revisions as officers make them: long Thai texts edited in the middle,
projects renumbered, renamed and edited at once. Each test fails on the code before its fix."""

from __future__ import annotations

from pathlib import Path

from conftest import replace_in, run

from tambondoc.diff.excerpt import excerpts

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
    is preferred; a short text, or a change near an end, is shown to that end."""
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
    start = LONG_OBJECTIVE.replace("โครงการ", "แผนงาน", 1)
    assert excerpts(LONG_OBJECTIVE, start) == ("โครงการส่งเสริมการพัฒนาคุณภาพ…", "แผนงานส่งเสริมการพัฒนาคุณภาพ…")
