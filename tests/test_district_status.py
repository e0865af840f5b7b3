"""`tambondoc status`: where each tambon of a district stands against the province's deadlines,
as text and as Markdown, on a given day."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLE_DISTRICT, replace_in, run


def status(folder: Path, today: str, *more: str) -> list[str]:
    code, out, err = run("status", folder, "--today", today, *more)
    assert code == 0, err
    return out.splitlines()


def test_before_the_orders_deadline_everything_is_current(tmp_path: Path) -> None:
    lines = status(EXAMPLE_DISTRICT, "2567-12-10")
    assert lines[:8] == [
        "อำเภอบางคล้า จังหวัดฉะเชิงเทรา ปีงบประมาณ พ.ศ. 2568 (ณ วันที่ 10 ธ.ค. 2567)",
        "คำสั่งและประกาศที่เป็นปัจจุบัน: ลงวันที่ในปี พ.ศ. 2567",
        "เลขที่คำสั่งถัดไปของอำเภอ: 113/2567",
        "",
        "กำหนดส่งจังหวัด:",
        "  25 ธ.ค. 2567  ส่งสำเนาคำสั่งและประกาศให้จังหวัด (อีก 15 วัน, ครั้งถัดไป)",
        "  31 มี.ค. 2568  รายงานเวทีประชาคมจัดทำแผนพัฒนาตำบล (อีก 111 วัน)",
        "  31 ก.ค. 2568  รายงานการขับเคลื่อนกิจกรรมตามแผนพัฒนาตำบล (อีก 233 วัน)"]
    start = lines.index(f"ตำบลปากน้ำ ({EXAMPLE_DISTRICT}/plans/pak-nam.yaml) ผู้รับผิดชอบ นายธีรพงษ์ แก้วมณี")
    assert lines[start + 1: start + 7] == [
        "  แผน: ✓ ผ่านการตรวจ",
        "  คำสั่งแต่งตั้ง ก.บ.ต.: 102/2567 ลงวันที่ 5 พ.ย. 2567 ✓",
        "  คำสั่งคณะทำงานส่งเสริม ศอช.ต.: 111/2567 ลงวันที่ 20 พ.ย. 2567 ✓",
        "  ประกาศรับรองคณะกรรมการบริหาร ศอช.ต.: ลงวันที่ 6 ธ.ค. 2567 ✓",
        "  เวทีประชาคม: ✗ กำหนดไว้ 19 ก.พ. 2568 (ยังไม่ถึง)",
        "  ต้องทำ: ไม่มี"]
    assert lines[-1] == ("ก่อนกำหนดถัดไป (ส่งสำเนาคำสั่งและประกาศให้จังหวัด ภายใน 25 ธ.ค. 2567): "
                         "ตำบลที่ยังมีงานค้าง 0 จาก 3 ตำบล")


def test_what_is_late_and_what_is_due_next(example_district: Path) -> None:
    plan = example_district / "plans" / "bang-suan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text[: text.index("# ศูนย์ประสานงานองค์การชุมชน")] + text[text.index("# เวทีประชาคม"):],
                    encoding="utf-8")
    replace_in(example_district / "plans" / "pak-nam.yaml", "    total: 41", "    total: 15")
    replace_in(example_district / "plans" / "samet-nuea.yaml", "  meeting_date: 2568-02-26", "  meeting_date: 2567-02-26")
    lines = status(example_district, "2568-03-10")
    assert "  ต้องทำ: จัดทำคำสั่งคณะทำงานส่งเสริม ศอช.ต. (เลยกำหนด 25 ธ.ค. 2567)" in lines
    assert "  ต้องทำ: จัดทำประกาศรับรองคณะกรรมการบริหาร ศอช.ต. (เลยกำหนด 25 ธ.ค. 2567)" in lines
    assert "  เวทีประชาคม: ✗ 19 ก.พ. 2568 ผู้เข้าร่วม 15 คน" in lines
    assert "  ต้องทำ: ผู้เข้าร่วมเวทีประชาคม 15 คน น้อยกว่าเกณฑ์ 20 คน" in lines
    assert "  ต้องทำ: จัดเวทีประชาคมจัดทำแผนพัฒนาตำบล (ไม่น้อยกว่า 20 คน) และบันทึกใน review" in lines
    assert lines[-1] == ("ก่อนกำหนดถัดไป (รายงานเวทีประชาคมจัดทำแผนพัฒนาตำบล ภายใน 31 มี.ค. 2568): "
                         "ตำบลที่ยังมีงานค้าง 3 จาก 3 ตำบล")
    # an order from last year is no longer current
    replace_in(plan, "    year: 2567\n    date: 2567-11-05", "    year: 2566\n    date: 2566-11-05")
    lines = status(example_district, "2567-12-01")
    assert "  คำสั่งแต่งตั้ง ก.บ.ต.: 101/2566 ลงวันที่ 5 พ.ย. 2566 ✗" in lines
    assert "  ต้องทำ: ทบทวนคำสั่งแต่งตั้ง ก.บ.ต." in lines


def test_an_invalid_plan_is_shown_and_to_be_fixed(example_district: Path) -> None:
    replace_in(example_district / "plans" / "pak-nam.yaml", "    number: 102", "    number: 101")
    lines = status(example_district, "2567-12-01")
    assert "  แผน: ✗ ไม่ผ่านการตรวจ (1 ข้อผิดพลาด)" in lines
    assert f"  ต้องทำ: แก้แผนให้ผ่านการตรวจ (1 ข้อผิดพลาด: tambondoc validate {example_district})" in lines


def test_markdown_for_a_pull_request() -> None:
    lines = status(EXAMPLE_DISTRICT, "2568-03-10", "--format", "markdown")
    assert lines[0] == "## สถานะอำเภอบางคล้า จังหวัดฉะเชิงเทรา ปีงบประมาณ พ.ศ. 2568 (ณ วันที่ 10 มี.ค. 2568)"
    assert "| 31 มี.ค. 2568 | รายงานเวทีประชาคมจัดทำแผนพัฒนาตำบล | อีก 21 วัน, ครั้งถัดไป |" in lines
    assert ("| ตำบล | แผน | คำสั่งแต่งตั้ง ก.บ.ต. | คำสั่งคณะทำงานส่งเสริม ศอช.ต. | ประกาศรับรองคณะกรรมการบริหาร ศอช.ต. "
            "| เวทีประชาคม | ต้องทำก่อนกำหนดถัดไป |") in lines
    assert ("| บางสวน | ✓ | ✓ 101/2567 ลงวันที่ 5 พ.ย. 2567 | ✓ 110/2567 ลงวันที่ 20 พ.ย. 2567 | "
            "✓ ลงวันที่ 6 ธ.ค. 2567 | ✓ 12 ก.พ. 2568 ผู้เข้าร่วม 32 คน | - |") in lines


def test_after_the_last_deadline_a_new_round(example_district: Path) -> None:
    """After the round's last deadline what is still open is listed as late (a workshop short of
    people said 'nothing left'), and the last line holds no brackets within brackets."""
    assert status(EXAMPLE_DISTRICT, "2568-08-01")[-1] == (
        "กำหนดส่งของรอบนี้ผ่านไปแล้วทั้งหมด: ตำบลที่ยังมีงานค้าง 0 จาก 3 ตำบล "
        "(เริ่มรอบใหม่: เปลี่ยน fiscal_year ใน district.yaml)")
    replace_in(example_district / "plans" / "pak-nam.yaml", "    total: 41", "    total: 15")
    lines = status(example_district, "2568-08-01")
    assert "  ต้องทำ: ผู้เข้าร่วมเวทีประชาคม 15 คน น้อยกว่าเกณฑ์ 20 คน (เลยกำหนด 31 มี.ค. 2568)" in lines
    assert not any("รายงานผลการขับเคลื่อนกิจกรรม" in line for line in lines)  # its deadline passed: no nagging
    assert lines[-1].startswith("กำหนดส่งของรอบนี้ผ่านไปแล้วทั้งหมด: ตำบลที่ยังมีงานค้าง 1 จาก 3 ตำบล")


def test_tambons_in_the_provinces_order_and_orders_dated_ahead_not_yet_done(example_district: Path) -> None:
    """Tambons are listed by tambon code, as the district's documents list them, whatever their
    files are called; an order dated after the day asked about is prepared, not signed (it was
    marked done weeks ahead)."""
    plans = example_district / "plans"
    (plans / "bang-suan.yaml").rename(plans / "z-bang-suan.yaml")  # 240204, now the last file
    lines = status(example_district, "2567-11-01")
    tambons = [line.split(" (")[0] for line in lines if line.startswith("ตำบล")]
    assert tambons == ["ตำบลบางสวน", "ตำบลปากน้ำ", "ตำบลเสม็ดเหนือ"]
    start = lines.index(f"ตำบลบางสวน ({example_district}/plans/z-bang-suan.yaml) ผู้รับผิดชอบ นายธีรพงษ์ แก้วมณี")
    assert lines[start + 2] == "  คำสั่งแต่งตั้ง ก.บ.ต.: 101/2567 ลงวันที่ 5 พ.ย. 2567 (ยังไม่ถึง) ✗"
    assert "  ต้องทำ: ลงนามคำสั่งแต่งตั้ง ก.บ.ต. 101/2567 ลงวันที่ 5 พ.ย. 2567" in lines[start:]


def test_not_a_district_or_not_a_date(tmp_path: Path) -> None:
    code, _, err = run("status", tmp_path)
    assert (code, err) == (1, f"{tmp_path}: ไม่พบ district.yaml (status ใช้กับโฟลเดอร์ของอำเภอ สร้างด้วย tambondoc new-district)\n")
    code, _, err = run("status", EXAMPLE_DISTRICT, "--today", "2025-03-10")
    assert (code, err) == (1, "--today '2025-03-10' ต้องเป็นวันที่ ปปปป-ดด-วว โดยปีเป็น พ.ศ. เช่น 2568-02-01\n")
