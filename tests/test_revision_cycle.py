"""The yearly revision cycle run on plans shaped like real ones (long texts, numbered and CRLF
lines, several sources): one test per problem found; each fails on the code before its fix.
"""

from __future__ import annotations

from pathlib import Path

from conftest import run


def _renumbered_after_a_deletion(example_plan: Path) -> Path:
    """P040 deleted and P041..P044 renumbered down, as officers keep their numbering unbroken,
    and P043 (now P042) renamed on the way."""
    text = example_plan.read_text(encoding="utf-8")
    text = text[: text.index("  - id: P040\n")] + text[text.index("  - id: P041\n"):]
    for n in range(41, 45):
        text = text.replace(f"  - id: P0{n}\n", f"  - id: P0{n - 1}\n")
    new = example_plan.with_name("renumbered.yaml")
    new.write_text(text.replace("    name: ศูนย์ยุติธรรมชุมชนและไกล่เกลี่ยข้อพิพาท\n", "    name: ศูนย์ยุติธรรมชุมชน\n"),
                   encoding="utf-8")
    return new


def test_diff_of_projects_renumbered_after_a_deletion_shows_the_deleted_one(example_plan: Path) -> None:
    """Each id then held the next project: the diff showed the last project (P044) removed and
    every renumbered one rewritten field by field under its id, the deleted P040 nowhere."""
    code, out, _ = run("diff", example_plan, _renumbered_after_a_deletion(example_plan))
    assert code == 0
    assert out.splitlines()[1:12] == [
        "โครงการ เพิ่ม 0 ลบ 1 แก้ไข 1 เปลี่ยนรหัส 3 · งบประมาณรวม 12,178,000 → 11,528,000 บาท (-650,000)",
        "",
        "โครงการ",
        "  - P040 ขยายเขตประปาหมู่บ้านหนองบัวงาม [S5] (650,000 บาท)",
        "  ~ P042 ศูนย์ยุติธรรมชุมชน",
        "      รหัสโครงการ: P043 → P042",
        "      ชื่อโครงการ: ศูนย์ยุติธรรมชุมชนและไกล่เกลี่ยข้อพิพาท → ศูนย์ยุติธรรมชุมชน",
        "  ~ P041 → P040 เวทีประชาคมทบทวนแผนพัฒนาหมู่บ้านและตำบล (เปลี่ยนรหัสเท่านั้น)",
        "  ~ P042 → P041 อบรมคณะกรรมการหมู่บ้านด้านธรรมาภิบาล (เปลี่ยนรหัสเท่านั้น)",
        "  ~ P044 → P043 จัดทำป้ายชื่อหมู่บ้านและแผนที่ชุมชน (เปลี่ยนรหัสเท่านั้น)",
        "",
    ]
