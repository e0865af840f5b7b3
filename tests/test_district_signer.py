"""The rule `signer`: a current plan's ก.บ.ต. order signed by neither district.yaml's chief nor its
signer is a warning (most often a chief who has left), in validate, build and status."""

from __future__ import annotations

from pathlib import Path

from conftest import replace_in, run

BANG_SUAN, PAK_NAM = "plans/bang-suan.yaml", "plans/pak-nam.yaml"
CHIEF = "นายวรวุฒิ ศักดิ์สิทธิ์"
OLD = "นายสมศักดิ์ เคยอยู่"
SIGNED = f"  signer: {{name: {CHIEF}, position: นายอำเภอบางคล้า}}"
ON_BEHALF = ("# signer:\n#   name: นายสุรเชษฐ์ มั่นคงดี\n#   position: ปลัดอำเภอ หัวหน้าฝ่ายบริหารงานปกครอง\n"
             "#   on_behalf: ปฏิบัติราชการแทนนายอำเภอบางคล้า")
ADVICE = ("ถ้านายอำเภอเปลี่ยนแล้ว ให้แก้ผู้ลงนาม (committee.signer) เป็นนายอำเภอคนปัจจุบันและออกคำสั่งใหม่ "
          "ถ้าเป็นคนเดียวกัน ให้แก้ชื่อให้ตรงกับ district.yaml ($.committee.signer.name)")


def validate(folder: Path) -> tuple[int, list[str]]:
    code, out, _ = run("validate", folder)
    return code, out.splitlines()


def line_of(path: Path, needle: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def sign(plan: Path, name: str) -> int:
    """The plan's order signed by ``name`` (as a quoted scalar: any spacing); the line it is on."""
    return replace_in(plan, SIGNED, f'  signer: {{name: "{name}", position: นายอำเภอบางคล้า}}')


def test_an_order_signed_by_an_earlier_chief_is_a_warning_naming_the_chief(example_district: Path) -> None:
    plan, district = example_district / BANG_SUAN, example_district / "district.yaml"
    line = sign(plan, OLD)
    chief = line_of(district, f"  name: {CHIEF}")
    assert validate(example_district) == (0, [
        f"{plan}:{line}:18: warning: ผู้ลงนามคำสั่งแต่งตั้ง ก.บ.ต. '{OLD}' ไม่ใช่นายอำเภอ '{CHIEF}' "
        f"({district}:{chief}) {ADVICE}"])
    code, out, _ = run("validate", "--format", "json", example_district)
    assert code == 0 and '"rule": "signer"' in out and '"level": "warning"' in out


def test_a_new_chief_in_district_yaml_warns_every_plan_until_it_is_changed(example_district: Path) -> None:
    district = example_district / "district.yaml"
    replace_in(district, f"  name: {CHIEF}", "  name: นายใหม่ มาแทน")
    code, lines = validate(example_district)
    assert code == 0 and len(lines) == 3
    assert all(f": warning: ผู้ลงนามคำสั่งแต่งตั้ง ก.บ.ต. '{CHIEF}' ไม่ใช่นายอำเภอ 'นายใหม่ มาแทน'" in x for x in lines)
    for name in ("bang-suan", "pak-nam", "samet-nuea"):
        replace_in(example_district / "plans" / f"{name}.yaml", f"signer: {{name: {CHIEF},",
                   "signer: {name: นายใหม่ มาแทน,")
    assert validate(example_district) == (0, [])


def test_the_districts_signer_may_sign_and_is_named_in_the_warning(example_district: Path) -> None:
    plan, district = example_district / BANG_SUAN, example_district / "district.yaml"
    line = sign(plan, "นายสุรเชษฐ์ มั่นคงดี")
    code, lines = validate(example_district)
    assert code == 0 and [x.split(": warning: ")[0] for x in lines] == [f"{plan}:{line}:18"]
    replace_in(district, ON_BEHALF, ON_BEHALF.replace("# ", "").replace("#", ""))
    assert validate(example_district) == (0, [])
    replace_in(plan, '"นายสุรเชษฐ์ มั่นคงดี"', f'"{OLD}"')
    chief, signer = line_of(district, f"  name: {CHIEF}"), line_of(district, "  name: นายสุรเชษฐ์ มั่นคงดี")
    assert validate(example_district) == (0, [
        f"{plan}:{line}:18: warning: ผู้ลงนามคำสั่งแต่งตั้ง ก.บ.ต. '{OLD}' ไม่ใช่นายอำเภอ '{CHIEF}' "
        f"({district}:{chief}) หรือผู้ลงนามแทน 'นายสุรเชษฐ์ มั่นคงดี' ({district}:{signer}) {ADVICE}"])


def test_the_chiefs_name_typed_with_other_spacing_is_the_chief(example_district: Path) -> None:
    plan = example_district / BANG_SUAN
    sign(plan, "นายวรวุฒิ ศักดิ์ศรี")  # another man: a warning
    assert len(validate(example_district)[1]) == 1
    for typed in ("นาย วรวุฒิ ศักดิ์สิทธิ์", "นายวรวุฒิ\u00a0\u00a0ศักดิ์สิทธิ์", "นายวรวุฒิ  ศักดิ์สิทธิ์\u200b",
                  " นาย\u00a0วรวุฒิ ศักดิ์\u200bสิทธิ์ "):
        text = plan.read_text(encoding="utf-8")
        start = text.index("  signer: {name: ")
        end = text.index("\n", start)
        plan.write_text(text[:start] + f'  signer: {{name: "{typed}", position: นายอำเภอบางคล้า}}' + text[end:],
                        encoding="utf-8")
        assert validate(example_district) == (0, []), typed


def test_a_superseded_plan_is_not_checked(example_district: Path) -> None:
    plan = example_district / BANG_SUAN
    older = example_district / "plans" / "bang-suan-2568.yaml"
    older.write_text(plan.read_text(encoding="utf-8").replace("  revision: 1", "  revision: 0"), encoding="utf-8")
    line = sign(older, OLD)
    code, lines = validate(example_district)
    assert code == 0 and [x for x in lines if "ผู้ลงนามคำสั่ง" in x] == []
    assert [x.split(": warning: ")[0] for x in lines] == [f"{older}:{line_of(older, 'fiscal_years:')}:3"]
    sign(plan, OLD)  # the current plan with the same signer is checked
    assert any(x.startswith(f"{plan}:{line}:18: warning: ผู้ลงนามคำสั่งแต่งตั้ง ก.บ.ต. '{OLD}'")
               for x in validate(example_district)[1])


def test_build_and_status_show_it(example_district: Path, tmp_path: Path) -> None:
    plan = example_district / PAK_NAM
    line = sign(plan, OLD)
    small = replace_in(plan, "    total: 41", "    total: 19")  # the district's other warnings are shown too
    code, out, err = run("build", "-o", tmp_path / "out", example_district)
    warned = [x for x in (out + err).splitlines() if ": warning: " in x]
    assert code == 0 and [x.split(" ไม่ใช่")[0].split(" น้อยกว่า")[0] for x in warned] == [
        f"{plan}:{line}:18: warning: ผู้ลงนามคำสั่งแต่งตั้ง ก.บ.ต. '{OLD}'",
        f"{plan}:{small}:12: warning: ผู้เข้าร่วมเวทีประชาคม 19 คน"]
    code, out, _ = run("status", example_district, "--today", "2567-12-10")
    lines = out.splitlines()
    start = lines.index(next(x for x in lines if x.startswith("ตำบลปากน้ำ (")))
    assert code == 0 and lines[start + 6] == (
        f"  ต้องทำ: ออกคำสั่งแต่งตั้ง ก.บ.ต. ใหม่ให้นายอำเภอคนปัจจุบันลงนาม (ผู้ลงนามในแผน {OLD} "
        "ไม่ใช่นายอำเภอหรือผู้ลงนามแทนใน district.yaml)")
    assert lines[-1].endswith("ตำบลที่ยังมีงานค้าง 1 จาก 3 ตำบล")
