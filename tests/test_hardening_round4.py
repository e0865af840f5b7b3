"""Hardening, fourth round: the loose ends of the third probe, and an officer's repository in CI.

One test per problem found; each fails on the code before its fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run, tiny_templates

LINK_TAIL = "จึงไม่ได้อ่านเป็นแผน ให้ลบลิงก์นี้ หรือแก้ให้ชี้ไปที่ไฟล์แผนที่มีอยู่"
LOOP = ("เป็นลิงก์ (symlink) ที่ชี้วนกลับมาที่ตัวเอง (ตรงหรือผ่านลิงก์อื่น) ไม่มีไฟล์จริง จึงไม่ได้อ่านเป็นแผน "
        "ให้ลบลิงก์นี้ หรือแทนด้วยไฟล์แผนจริง")


def test_a_plan_link_to_nothing_in_a_folder_is_named_not_skipped_without_a_word(example_plan: Path) -> None:
    """A plan's name left as a link after its file was moved (or a link to itself) was skipped
    in silence: the folder validated and built one plan fewer."""
    folder = example_plan.parent
    (folder / "moved.yaml").symlink_to("old/moved.yaml")
    (folder / "self.yml").symlink_to("self.yml")
    warnings = [f"{folder / 'moved.yaml'}: warning: เป็นลิงก์ (symlink) ไปที่ old/moved.yaml ซึ่งไม่มีอยู่ "
                f"(ถูกย้ายหรือลบ) {LINK_TAIL}", f"{folder / 'self.yml'}: warning: {LOOP}"]
    assert run("validate", folder) == (0, "", "\n".join([*warnings, "ตรวจ 1 ไฟล์: ผ่าน 1, ไม่ผ่าน 0", ""]))
    out = folder.parent / "out"
    code, stdout, err = run("build", folder, "-o", out, "--templates", tiny_templates(folder.parent / "tpl"))
    assert (code, err.splitlines()) == (0, warnings)
    assert stdout.splitlines()[-1] == "สร้างแล้ว 1, ไม่เปลี่ยนแปลง 0, ล้มเหลว 0"


def test_a_folder_of_links_to_nothing_says_so(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to("gone.yaml")
    code, _, err = run("validate", tmp_path)
    assert code == 2
    assert err.splitlines()[-1] == (f"ผิดพลาด: ไม่พบไฟล์แผน (*.yaml) ในที่ที่ระบุ มีแต่ลิงก์ (symlink) ที่ชี้ไปยังไฟล์ที่"
                                    f"ไม่มีอยู่ ซึ่งไม่ได้อ่านเป็นแผน: {tmp_path / 'a.yaml'} ให้ลบลิงก์ หรือแก้ให้ชี้ไปที่ไฟล์แผน")


def test_a_district_names_its_plan_links_to_nothing(example_district: Path) -> None:
    plans = example_district / "plans"
    (plans / "gone.yaml").symlink_to("gone.yaml")
    code, _, err = run("validate", example_district)
    assert code == 0
    assert err.splitlines()[0] == f"{plans / 'gone.yaml'}: warning: {LOOP}"


def test_a_photo_too_large_to_send_is_named_at_build_time(tmp_path: Path, example_plan: Path) -> None:
    """A phone's full-size photo went into the plan book as it is (a .docx too large to e-mail)
    without a word; the build still succeeds."""
    import os

    from PIL import Image

    photo = example_plan.parent / "images" / "workshop-1.png"
    Image.frombytes("RGB", (1500, 1500), os.urandom(1500 * 1500 * 3)).save(photo, compress_level=0)
    out = tmp_path / "out"
    code, _, err = run("build", example_plan, "-o", out)
    assert code == 0
    assert err.splitlines() == [
        f"{example_plan}: warning: plan-book.docx: ภาพ images/workshop-1.png ใหญ่ 6.4 MB และใส่ในเอกสารทั้งขนาดนั้น "
        "ไฟล์เอกสารจึงใหญ่จนส่งทางอีเมลหรือ LINE ได้ยาก ให้ย่อภาพให้เล็กกว่า 5 MB (เช่น บันทึกเป็น JPEG "
        "ด้านยาวไม่เกิน 2000 พิกเซล) แล้วสร้างใหม่"]
    assert (out / example_plan.stem / "plan-book.docx").stat().st_size > 6 * 1024 * 1024
    code, _, err = run("build", example_plan, "-o", out, "--force", "--templates", tiny_templates(tmp_path / "tpl"))
    assert (code, err) == (0, "")  # templates that leave the photo out make no large document


def _plans(folder: Path, names: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / f"{name}.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    return [folder / f"{name}.yaml" for name in names]


def _until_interrupted(seconds: float = 20) -> None:
    """A plan's build that lasts until Ctrl-C reaches its worker (or ``seconds``: then the
    assertions fail, since the plan is built)."""
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        time.sleep(0.01)


def _build_until_ctrl_c(plan: Path, out_root: Path, *args: object) -> object:
    """Each plan notes that it started. 'b' is built at once; 'c' is the plan its worker takes
    next and lasts until interrupted; 'a', once 'b' is reported and 'c' has started, presses Ctrl-C:
    sends SIGINT to the build alone, as kill -INT or a CI's cancel does (a terminal's reaches the
    workers itself), and lasts until interrupted. Every step waits for the one before, so what
    is built does not depend on how fast a loaded machine runs the processes."""
    import os
    import signal
    import time

    from tambondoc.build import batch

    (out_root.parent / f"started-{plan.stem}").touch()
    if plan.stem == "a":
        end = time.monotonic() + 20
        while not all((out_root.parent / name).exists() for name in ("started-c", "yielded-b")) \
                and time.monotonic() < end:
            time.sleep(0.01)
        os.kill(os.getppid(), signal.SIGINT)
    if plan.stem != "b":
        _until_interrupted()
    (out_root / plan.stem).mkdir()
    return batch.Outcome(plan, batch.Status.BUILT)


def test_ctrl_c_during_a_parallel_build_starts_no_other_plan_and_yields_those_finished(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C reached the pool's shutdown, which built every queued plan before exiting (the
    build said cancelled after building them all); then the plans already queued to the workers
    were still built, as many as the time the parent took to cancel allowed (more than the test
    allowed on a loaded machine). Now the build passes Ctrl-C on to its workers: the plans being
    built end, no other plan starts, and every plan that finished is reported."""
    from tambondoc.build import batch

    monkeypatch.setattr(batch, "build_one", _build_until_ctrl_c)  # the workers are forked: they see it too
    out = tmp_path / "out"
    out.mkdir()
    yielded = []
    with pytest.raises(KeyboardInterrupt):
        for outcome in batch.build_many(_plans(tmp_path / "plans", "abcdefgh"), out, jobs=2):
            yielded.append(outcome.plan.stem)
            (tmp_path / f"yielded-{outcome.plan.stem}").touch()
    assert yielded == ["b"]
    assert [p.name for p in out.iterdir()] == ["b"]
    assert sorted(p.name for p in tmp_path.glob("started-*")) == ["started-a", "started-b", "started-c"]


def test_a_worker_that_got_ctrl_c_builds_nothing_more(monkeypatch: pytest.MonkeyPatch) -> None:
    """From the terminal, Ctrl-C reaches the workers too: the plan being built ends there, and a
    plan already queued to a worker is refused, not built after the user said stop."""
    import signal

    from tambondoc.build import batch

    monkeypatch.setattr(batch, "_STOPPED", [])
    batch._stop(signal.SIGINT, None)  # idle: noted, no KeyboardInterrupt (its traceback was printed)
    with pytest.raises(KeyboardInterrupt):
        batch._build_in_worker(Path("queued.yaml"), Path("out"), None, False, False, None)


def test_ctrl_c_exits_130_and_says_cancelled_only_when_a_plan_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tambondoc.build import batch

    plans = _plans(tmp_path / "plans", "ab")

    def stopped_after(count: int) -> object:
        def build_many(todo: list[Path], *args: object) -> object:
            yield from (batch.Outcome(plan, batch.Status.BUILT) for plan in todo[:count])
            raise KeyboardInterrupt
        return build_many

    monkeypatch.setattr(batch, "build_many", stopped_after(2))
    assert run("build", tmp_path / "plans") == (130, "สร้างแล้ว 2, ไม่เปลี่ยนแปลง 0, ล้มเหลว 0\n", "")
    monkeypatch.setattr(batch, "build_many", stopped_after(1))
    assert run("build", tmp_path / "plans") == (130, "สร้างแล้ว 1, ไม่เปลี่ยนแปลง 0, ล้มเหลว 0\n", (
        f"ยกเลิกแล้ว (Ctrl-C): ยังไม่ได้สร้าง {plans[1]} ไม่มีไฟล์ที่เขียนค้างไว้ครึ่งเดียว "
        "สั่ง build เดิมอีกครั้งเพื่อสร้างต่อ (แผนที่สร้างเสร็จแล้วจะข้าม)\n"))


def test_ctrl_c_ends_any_command_with_130(example_plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tambondoc.check import validate

    def interrupted(path: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(validate, "validate_file", interrupted)
    assert run("validate", example_plan) == (130, "", "\nยกเลิกแล้ว (Ctrl-C)\n")


@pytest.mark.parametrize("fmt", ["gitlab", "json"])
def test_validate_of_no_plan_in_a_machine_format_still_writes_a_report(tmp_path: Path, fmt: str) -> None:
    """The CI artefact (gl-code-quality-report.json) was an empty file, which GitLab rejects."""
    code, out, err = run("validate", "--format", fmt, tmp_path)
    assert (code, out) == (2, "[]\n")
    assert err.splitlines()[-1] == "ผิดพลาด: ไม่พบไฟล์แผน (*.yaml) ในที่ที่ระบุ"


def test_annotations_name_a_plan_by_its_path_in_the_repository(example_plan: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """GitHub and GitLab place an annotation by the file's path in the repository: an absolute
    path (or one through '..') landed on no file. Text and JSON keep the path as given."""
    import json

    from conftest import replace_in

    line = replace_in(example_plan, "name: หนองบัวงาม", "name: ตำบล หนองบัวงาม")
    monkeypatch.chdir(example_plan.parent.parent)
    absolute = str(example_plan)
    through = f"../{example_plan.parent.parent.name}/plans/{example_plan.name}"
    for given in (absolute, through):
        out = run("validate", "--format", "github", given).out
        assert out.startswith(f"::error file=plans/{example_plan.name},line={line},col=9,title=place-names::")
        report = json.loads(run("validate", "--format", "gitlab", given).out)
        assert report[0]["location"]["path"] == f"plans/{example_plan.name}"
    assert json.loads(run("validate", "--format", "json", absolute).out)[0]["file"] == absolute
    monkeypatch.chdir(example_plan.parent.parent.parent)  # a file not below the current folder: as given
    assert f"::error file={through[3:]}," in run("validate", "--format", "github", through[3:]).out


def test_a_second_ctrl_c_does_not_cut_short_what_the_first_started(monkeypatch: pytest.MonkeyPatch) -> None:
    """The terminal's Ctrl-C and the one the build passes on both reach a busy worker: only the
    first interrupts it, so the second cannot land in the removal of a half-written file."""
    import signal

    from tambondoc.build import batch

    monkeypatch.setattr(batch, "_STOPPED", [])
    monkeypatch.setattr(batch, "_BUSY", [True])
    with pytest.raises(KeyboardInterrupt):
        batch._stop(signal.SIGINT, None)
    batch._stop(signal.SIGINT, None)  # noted, not raised
