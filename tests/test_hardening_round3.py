"""Hardening, third round: input as officers produce it in a text editor or a git web UI.

One test per problem found; each fails on the code before its fix.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import replace_in, run, tiny_templates
from test_hardening_text import UTF16


def test_a_jpeg_saved_with_a_png_name_is_a_photo_not_a_damaged_file(tmp_path: Path, example_plan: Path) -> None:
    """python-docx names a picture's format after its file name: the JPEG's end was looked for as
    a PNG's, and the photo was left out as 'damaged'."""
    from PIL import Image

    photo = example_plan.parent / "images" / "workshop-1.png"
    jpeg = io.BytesIO()
    Image.open(photo).convert("RGB").save(jpeg, format="JPEG")
    photo.write_bytes(jpeg.getvalue())
    out = tmp_path / "out"
    code, _, err = run("build", example_plan, "-o", out, "--templates", tiny_templates(tmp_path / "tpl"))
    assert code == 0
    assert "workshop-1.png" not in err
    code, _, err = run("build", example_plan, "-o", out, "--force")
    assert (code, err) == (0, "")
    with zipfile.ZipFile(out / example_plan.stem / "plan-book.docx") as book:
        media = {name: book.read(name) for name in book.namelist() if name.startswith("word/media/")}
        types = book.read("[Content_Types].xml").decode()
    assert jpeg.getvalue() in media.values()
    name = next(name for name, data in media.items() if data == jpeg.getvalue())
    assert f'<Override PartName="/{name}" ContentType="image/jpeg"/>' in types


def test_tabs_in_indentation_and_a_second_document_are_told_in_thai(example_plan: Path) -> None:
    """libyaml words these two its own way; the hints matched only the pure parser's words."""
    text = example_plan.read_text(encoding="utf-8")
    line = text.split("\n").index("  climate: ร้อนชื้นแบบมรสุม ฤดูฝนเดือนพฤษภาคมถึงตุลาคม") + 1
    example_plan.write_text(text.replace("\n  climate:", "\n\tclimate:"), encoding="utf-8")
    code, out, _ = run("validate", example_plan)
    assert (code, out.splitlines()[0]) == (1, f"{example_plan}:{line}:1: error: YAML ไม่ถูกต้อง: "
                                              "ใช้แท็บ (Tab) ย่อหน้าไม่ได้ ให้ใช้ช่องว่าง (เว้นวรรค) แทน "
                                              "[found a tab character where an indentation space is expected]")
    example_plan.write_text(text + "---\nschema_version: 1\n", encoding="utf-8")
    code, out, _ = run("validate", example_plan)
    assert (code, out.splitlines()[0]) == (1, f"{example_plan}:{text.count(chr(10)) + 1}:1: error: YAML ไม่ถูกต้อง: "
                                              "ไฟล์แผนมีได้เอกสารเดียว บรรทัด --- นี้เริ่มเอกสารที่สอง "
                                              "(เช่น วางแผนอีกฉบับต่อท้าย) ให้ลบบรรทัดนี้ หรือย้ายสิ่งที่ตามมาไปไว้อีกไฟล์ "
                                              "[but found another document]")


EMPTY = ("1:1: error: ไฟล์ไม่มีข้อมูล (ว่างเปล่า หรือมีแต่ความเห็น #) ตรวจว่าเลือกไฟล์ถูกและบันทึกไฟล์แล้ว "
         "(แผนใหม่สร้างได้ด้วย tambondoc new)")


def test_a_file_without_data_is_named_empty_by_every_command(tmp_path: Path, example_plan: Path) -> None:
    """Validate said 'a mapping was expected but null found at $', and fmt blamed an alias."""
    for content in ("", "# แผนตำบล\n# ยังไม่ได้กรอก\n", "~\n"):
        plan = tmp_path / "empty.yaml"
        plan.write_text(content, encoding="utf-8")
        for args, status in ((["validate"], 1), (["fmt"], 1), (["next-year"], 1), (["diff", example_plan], 2)):
            code, out, err = run(*args, plan)
            assert (code, (out + err).splitlines()[0]) == (status, f"{plan}:{EMPTY}"), args
        assert plan.read_text(encoding="utf-8") == content


def test_a_name_typed_with_its_word_is_an_error_as_documents_would_double_it(example_plan: Path) -> None:
    """The plan's comment says 'ไม่ต้องเขียนคำว่า ตำบล'; typed anyway, validate passed it (the
    place list compares names without the word) and documents and status read 'ตำบลตำบล บางคล้า'."""
    line = replace_in(example_plan, "  name: หนองบัวงาม ", "  name: ตำบล หนองบัวงาม ")
    replace_in(example_plan, "  amphoe: เนินสะอาด", "  amphoe: อ.เนินสะอาด")
    code, out, _ = run("validate", example_plan)
    assert code == 1
    assert out.splitlines()[:2] == [
        f"{example_plan}:{line}:9: error: ไม่ต้องเขียนคำว่า 'ตำบล' หน้าชื่อ เอกสารเติมให้เอง "
        "(จะพิมพ์เป็น 'ตำบลตำบล หนองบัวงาม') ให้เขียนเพียง 'หนองบัวงาม' ($.tambon.name)",
        f"{example_plan}:{line + 1}:11: error: ไม่ต้องเขียนคำว่า 'อ.' หน้าชื่อ เอกสารเติมให้เอง "
        "(จะพิมพ์เป็น 'อ.อ.เนินสะอาด') ให้เขียนเพียง 'เนินสะอาด' ($.tambon.amphoe)",
    ]


def test_new_leaves_out_the_word_and_tells_a_misspelt_name_on_screen(tmp_path: Path) -> None:
    """The suggestion was only a comment in the new file, and 'ตำบล บางคล้า' went in as typed."""
    plan = tmp_path / "plans" / "a.yaml"
    code, _, err = run("new", plan, "--tambon", "ตำบล บางคล้า", "--amphoe", "บางคล้า", "--changwat", "ฉะเชิงทรา")
    assert code == 0
    assert err.splitlines() == [
        f"{plan.as_posix()}: warning: ตัดคำว่า 'ตำบล' หน้าชื่อออก (เอกสารเติมให้เอง): บางคล้า",
        f"{plan.as_posix()}: warning: ไม่พบจังหวัด 'ฉะเชิงทรา' หมายถึง 'ฉะเชิงเทรา' หรือไม่? "
        "(ถ้าเป็นชื่อสมมุติ ให้ใส่ settings.fictional: true)",
    ]
    assert "\n  name: บางคล้า    # ไม่ต้องเขียนคำว่า ตำบล\n" in plan.read_text(encoding="utf-8")
    code, _, err = run("new", tmp_path / "plans" / "b.txt", "--tambon", "บางสวน", "--amphoe", "บางคล้า",
                       "--changwat", "ฉะเชิงเทรา")
    assert (code, err.splitlines()[-1]) == (1, f"{tmp_path / 'plans' / 'b.txt'}: ชื่อไฟล์แผนต้องลงท้ายด้วย .yaml "
                                               "(เช่น b.yaml) ไม่เช่นนั้น validate และ build ของโฟลเดอร์จะไม่พบแผนนี้")
    assert not (tmp_path / "plans" / "b.txt").exists()


def test_new_district_tells_a_misspelt_district_once(tmp_path: Path) -> None:
    folder = tmp_path / "district"
    code, _, err = run("new-district", folder, "--amphoe", "อำเภอบางคล่า", "--changwat", "ฉะเชิงเทรา",
                       "--tambon", "บางสวน", "--tambon", "ตำบลบางคล้า")
    assert code == 0
    shown = (folder / "district.yaml").as_posix()
    assert err.splitlines() == [
        f"{shown}: warning: ตัดคำว่า 'อำเภอ' หน้าชื่อออก (เอกสารเติมให้เอง): บางคล่า",
        f"{shown}: warning: ไม่พบอำเภอ 'บางคล่า' ในจังหวัดฉะเชิงเทรา หมายถึง 'บางคล้า' หรือไม่? "
        "(ถ้าเป็นชื่อสมมุติ ให้ใส่ settings.fictional: true)",
        f"{shown}: warning: ตัดคำว่า 'ตำบล' หน้าชื่อออก (เอกสารเติมให้เอง): บางคล้า",
    ]
    assert sorted(p.name for p in (folder / "plans").iterdir()) == ["บางคล้า.yaml", "บางสวน.yaml"]


def test_district_yaml_names_typed_with_their_word_are_errors_too(example_district: Path) -> None:
    district = example_district / "district.yaml"
    line = replace_in(district, "  changwat: ฉะเชิงเทรา", "  changwat: จังหวัดฉะเชิงเทรา")
    code, out, _ = run("validate", example_district)
    assert code == 1
    assert f"{district}:{line}:13: error: ไม่ต้องเขียนคำว่า 'จังหวัด' หน้าชื่อ เอกสารเติมให้เอง " \
           "(จะพิมพ์เป็น 'จังหวัดจังหวัดฉะเชิงเทรา') ให้เขียนเพียง 'ฉะเชิงเทรา' ($.district.changwat)" in out.splitlines()


def test_a_code_yaml_reads_as_a_number_is_shown_as_typed_with_quotes_to_add(example_plan: Path) -> None:
    """'0801' was reported as 'but found 801', with no word of quotes."""
    community = replace_in(example_plan, "    - id: c-talat", "    - id: 0801")
    strategy = replace_in(example_plan, "    - id: S1\n", "    - id: 1.10\n")
    headman = replace_in(example_plan, "      headman: นายบุญมี แก้วประเสริฐ", "      headman: true")
    code, out, _ = run("validate", example_plan)
    assert code == 1
    lines = out.splitlines()
    for expected in (
        f"{example_plan}:{community}:11: error: ต้องเป็นข้อความ (รหัสชุมชน) แต่ YAML อ่าน 0801 เป็นตัวเลข (801) "
        "ให้ครอบด้วยเครื่องหมายคำพูด: \"0801\" ($.tambon.communities[0].id)",
        f"{example_plan}:{strategy}:11: error: ต้องเป็นข้อความ (รหัสยุทธศาสตร์) แต่ YAML อ่าน 1.10 เป็นตัวเลข (1.1) "
        "ให้ครอบด้วยเครื่องหมายคำพูด: \"1.10\" ($.direction.strategies[0].id)",
        f"{example_plan}:{headman}:16: error: ต้องเป็นข้อความ (ผู้ใหญ่บ้าน) แต่ YAML อ่าน true เป็น true/false "
        "ให้ครอบด้วยเครื่องหมายคำพูด: \"true\" ($.tambon.villages[1].headman)",
    ):
        assert expected in lines


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=folder,
                   check=True, capture_output=True)


def test_diff_names_a_folder_a_side_outside_git_and_a_plan_saved_as_utf16_in_git(
        tmp_path: Path, example_plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside a repository git's 'not a git repository' came with advice on revision names; a
    folder was 'not found' (or, from git, 'not a plan'); a UTF-16 plan in git was 'not UTF-8'."""
    monkeypatch.chdir(tmp_path)
    assert tuple(run("diff", "HEAD:plans/example-tambon.yaml", example_plan)) == (2, "", (
        "HEAD:plans/example-tambon.yaml: อ่าน REV:path ไม่ได้ เพราะโฟลเดอร์ปัจจุบันไม่อยู่ใน git repository "
        "ให้ cd ไปที่คลังแผนก่อนแล้วสั่งใหม่ หรือระบุไฟล์แผนทั้งสองฉบับเป็น path\n"))
    code, _, err = run("diff", example_plan.parent, example_plan)
    assert (code, err) == (2, f"{example_plan.parent}: เป็นโฟลเดอร์ ไม่ใช่ไฟล์แผน ให้ระบุไฟล์แผนหนึ่งไฟล์ "
                              "หรือ REV:path เช่น HEAD~1:plans/x.yaml\n")
    git(tmp_path, "init", "-q")
    (tmp_path / "plans" / "old.yaml").write_bytes(example_plan.read_text(encoding="utf-8").encode("utf-16"))
    git(tmp_path, "add", "plans")
    git(tmp_path, "commit", "-qm", "plans")
    code, _, err = run("diff", "HEAD:plans", example_plan)
    assert (code, err) == (2, "HEAD:plans: เป็นโฟลเดอร์ใน git ไม่ใช่ไฟล์แผน ให้ระบุไฟล์แผนหนึ่งไฟล์ "
                              "เช่น HEAD:plans/x.yaml\n")
    code, _, err = run("diff", "HEAD:plans/old.yaml", example_plan)
    assert (code, err.splitlines()[0]) == (2, "HEAD:plans/old.yaml:1:1: " + UTF16)


def test_what_reading_a_file_finds_has_a_rule_id_in_ci_annotations(tmp_path: Path) -> None:
    """Every other problem names its rule (the annotation's title); a YAML mistake named none."""
    plan = tmp_path / "plan.yaml"
    plan.write_text("schema_version: 1\nplan:\n\ttitle: x\n", encoding="utf-8")
    code, out, _ = run("validate", "--format", "github", plan)
    assert (code, out.splitlines()[0]) == (1, f"::error file={plan},line=3,col=1,title=yaml::YAML ไม่ถูกต้อง: "
                                              "ใช้แท็บ (Tab) ย่อหน้าไม่ได้ ให้ใช้ช่องว่าง (เว้นวรรค) แทน "
                                              "[found character that cannot start any token]")
    plan.write_text("", encoding="utf-8")
    code, out, _ = run("validate", "--format", "json", plan)
    assert code == 1 and '"rule": "yaml"' in out


def test_diff_shows_projects_renumbered_as_renumbered(tmp_path: Path, example_plan: Path) -> None:
    """Renumbering P001.. to P101.. showed every project removed and added again (44 and 44),
    hiding the one whose name also changed."""
    text = example_plan.read_text(encoding="utf-8")
    new = tmp_path / "new.yaml"
    renumbered = re.sub(r"\bP0(\d\d)\b", r"P1\1", text).replace("  - id: P101\n", "  - id: P001\n", 1)
    new.write_text(renumbered.replace("    name: ขุดลอกหนองน้ำสาธารณะหนองบัวงาม\n", "    name: ขุดลอกหนองน้ำ\n"),
                   encoding="utf-8")
    code, out, _ = run("diff", example_plan, new)
    lines = out.splitlines()
    assert code == 0
    assert lines[1:6] == ["โครงการ เพิ่ม 0 ลบ 0 แก้ไข 1 เปลี่ยนรหัส 43", "", "โครงการ", "  ~ P001 ขุดลอกหนองน้ำ",
                          "      ชื่อโครงการ: ขุดลอกหนองน้ำสาธารณะหนองบัวงาม → ขุดลอกหนองน้ำ"]
    assert lines[6] == "  ~ P002 → P102 ก่อสร้างฝายชะลอน้ำลำห้วยน้ำใส (เปลี่ยนรหัสเท่านั้น)"
    code, out, _ = run("diff", "--format", "markdown", example_plan, new)
    assert "**เปลี่ยนรหัส 43** (ข้อมูลอื่นเหมือนเดิม)\n\n| รหัสเดิม | รหัสใหม่ | โครงการ |\n| --- | --- | --- |\n" \
           "| P002 | P102 | ก่อสร้างฝายชะลอน้ำลำห้วยน้ำใส |\n" in out
