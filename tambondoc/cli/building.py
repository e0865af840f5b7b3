"""``build``: plan files, folders of plans, and districts (a folder holding district.yaml: its tambons'
documents and its own, in OUT/_district/)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import click

from tambondoc.build.batch import Outcome
from tambondoc.build.batch import Status as BuildStatus
from tambondoc.cli.app import Command, max_plan_option
from tambondoc.cli.output import detail, info, verbosity
from tambondoc.cli.report import Status, exit_with, show_problems
from tambondoc.errors import printable


def plan_files(paths: tuple[Path, ...]) -> list[Path]:
    """Plan files named, and every plan below folders named (``plan.discover``); a plan saved as
    x.yaml.txt, or a link to nothing, is not one, and is named in a warning, or in the error when
    there is no plan."""
    from tambondoc.plan.discover import find, plan_name

    found = find(paths)
    if not found.plans:
        names = ", ".join(printable(str(p)) for p in found.misnamed)
        links = ", ".join(printable(str(p)) for p in found.broken)
        raise click.UsageError("ไม่พบไฟล์แผน (*.yaml) ในที่ที่ระบุ" + (
            f" มีแต่ไฟล์ที่ลงท้ายด้วย .txt ซึ่งไม่ได้อ่านเป็นแผน: {names} "
            f"ให้เปลี่ยนชื่อเป็น .yaml (เช่น {printable(plan_name(found.misnamed[0]))})" if found.misnamed else "") + (
            f" {'และ' if found.misnamed else 'มีแต่'}ลิงก์ (symlink) ที่ชี้ไปยังไฟล์ที่ไม่มีอยู่ ซึ่งไม่ได้อ่านเป็นแผน: {links} "
            "ให้ลบลิงก์ หรือแก้ให้ชี้ไปที่ไฟล์แผน" if found.broken else ""))
    warn_skipped(found.skipped)
    return found.plans


def warn_skipped(files: list[Path]) -> None:
    """A warning for each file that looks like a plan but was not read (``Found.skipped``): a plan
    saved as x.yaml.txt, a link to nothing; why, and what to do."""
    from tambondoc.plan.discover import skip_hint

    for path in files:
        click.echo(f"{printable(str(path))}: warning: {printable(skip_hint(path))}", err=True)


def _progress(count: int, seen: list[Outcome] | None = None) -> Any:
    """A progress bar around a stream of outcomes on a terminal, else the stream itself; each
    outcome is kept in ``seen`` as it comes, so a build stopped with Ctrl-C can tell what it did."""
    def wrap(stream: Iterable[Outcome]) -> Iterator[Outcome]:
        if seen is not None:
            stream = _kept(stream, seen)
        if not (sys.stdout.isatty() and count > 1 and verbosity() >= 0):
            yield from stream
            return
        with click.progressbar(stream, length=count, label="กำลังสร้างเอกสาร") as bar:
            yield from bar
    return wrap


def _kept(stream: Iterable[Outcome], seen: list[Outcome]) -> Iterator[Outcome]:
    for outcome in stream:
        seen.append(outcome)
        yield outcome


def _show(outcomes: list[Outcome], order: list[Path]) -> None:
    """A plan's problems, warnings and notes, and how its build ended; plan text and file names
    escaped (``printable``), so a name holding a terminal escape sequence shows as written."""
    rank = {plan: i for i, plan in enumerate(order)}
    for o in sorted(outcomes, key=lambda o: rank.get(o.plan, len(rank))):
        show_problems(o.problems)
        _say(printable(str(o.plan)), o)


def _say(name: str, o: Any) -> None:
    """The warnings, notes and end of one build (a plan's Outcome or a district's own)."""
    for w in o.warnings:
        click.echo(f"{name}: warning: {printable(w)}", err=True)
    for note in o.notes:
        info(f"{name}: {printable(note)}")
    if o.status is BuildStatus.BUILT:
        folders = sorted({printable(str(p.parent)) for p in o.written})
        detail(f"{name}: สร้างแล้ว {len(o.written)} ไฟล์ใน {', '.join(folders)}")
    elif o.status is BuildStatus.UNCHANGED:
        detail(f"{name}: ไม่มีการเปลี่ยนแปลง (ข้าม ใช้ --force เพื่อสร้างใหม่)")
    else:
        click.echo(f"{name}: ล้มเหลว: {printable(o.message)}")


def _district(folder: Path, out: Path, templates: Path | None, pdf: bool, jobs: int | None, force: bool,
              seen: list[Outcome]) -> list[BuildStatus]:
    """Build one district and say how it went; the statuses of its tambons and of its own documents."""
    from tambondoc.district.build import build_district
    from tambondoc.errors import PlanInvalid
    from tambondoc.plan.discover import below
    from tambondoc.plan.district import plan_files as district_plans

    warn_skipped(below(folder).skipped)
    try:
        built = build_district(folder, out, templates, pdf, force, jobs, _progress(len(district_plans(folder)), seen))
    except PlanInvalid as e:
        show_problems(e.problems)
        click.echo(str(e))
        return [BuildStatus.FAILED]
    _show(built.tambons, district_plans(folder))
    for note in built.notes:
        info(f"{printable(str(folder))}: {printable(note)}")
    own = built.district
    _say(f"{printable(str(folder))} (เอกสารของอำเภอ)", own)
    return [o.status for o in built.tambons] + [own.status]


@click.command("build", cls=Command)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "out", type=click.Path(file_okay=False, path_type=Path),
              default=Path("build"), show_default=True, help="โฟลเดอร์ผลลัพธ์")
@click.option("--templates", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="โฟลเดอร์แม่แบบ .docx ที่ใช้แทนแม่แบบมาตรฐาน")
@click.option("--pdf", is_flag=True, help="สร้าง PDF ด้วย LibreOffice ด้วย")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="จำนวนแผนที่สร้างพร้อมกัน (ค่าเริ่มต้น: จำนวนแกน CPU)")
@click.option("--force", is_flag=True, help="สร้างใหม่ทุกแผน แม้ไม่มีอะไรเปลี่ยน")
@max_plan_option
def build_cmd(paths: tuple[Path, ...], out: Path, templates: Path | None, pdf: bool,
              jobs: int | None, force: bool) -> None:
    """สร้างเอกสารจากไฟล์แผนหรือทุกแผนในโฟลเดอร์: รูปเล่มแผน คำสั่ง ก.บ.ต. บัญชีประสานโครงการ

    โฟลเดอร์ที่มี district.yaml สร้างทั้งอำเภอ: เอกสารของทุกตำบล คำสั่งและประกาศ ศอช.ต. ของแต่ละตำบล
    และเอกสารของอำเภอใน OUT/_district/ (รายงานจังหวัด แผนความต้องการระดับอำเภอ บัญชีประสานโครงการของอำเภอ
    คำสั่งและประกาศ ศอช.อ. และ orders.pdf เมื่อใช้ --pdf) ไม่สร้างอะไรเลยถ้ามีไฟล์ใดไม่ผ่านการตรวจสอบ
    """
    from tambondoc.build.batch import build_many
    from tambondoc.plan.district import is_district

    statuses: list[BuildStatus] = []
    seen: list[Outcome] = []  # every plan's outcome as it came, the first ``shown`` of them counted
    shown = done = 0  # done: the districts built whole
    plans: list[Path] = []
    districts = [p for p in paths if is_district(p)]
    others = tuple(p for p in paths if not is_district(p))
    try:
        if others or not districts:
            plans = plan_files(others)
            outcomes = list(_progress(len(plans), seen)(build_many(plans, out, templates, pdf, force, jobs)))
            statuses += [o.status for o in outcomes]
            shown = len(seen)
            _show(outcomes, plans)
        for folder in districts:
            statuses += _district(folder, out, templates, pdf, jobs, force, seen)
            shown, done = len(seen), done + 1
    except KeyboardInterrupt:
        unshown = seen[shown:]
        _show(unshown, plans)
        statuses += [o.status for o in unshown]
        built = {o.plan for o in seen}
        _summary(statuses)
        _stopped([p for p in plans if p not in built], districts[done:])
    _summary(statuses)
    exit_with(Status.PROBLEMS if BuildStatus.FAILED in statuses else Status.OK)


def _summary(statuses: list[BuildStatus]) -> None:
    counts = {k: statuses.count(k) for k in BuildStatus}
    info(f"สร้างแล้ว {counts[BuildStatus.BUILT]}, ไม่เปลี่ยนแปลง {counts[BuildStatus.UNCHANGED]}, "
         f"ล้มเหลว {counts[BuildStatus.FAILED]}")


def _stopped(plans: list[Path], districts: list[Path]) -> NoReturn:
    """End a build stopped with Ctrl-C with 130, saying "cancelled" only when something was: the
    plans it had not built and the districts it had not built whole. Every file is written whole
    or not at all (``write_atomic``), and the next build skips what this one finished."""
    from tambondoc.cli.app import INTERRUPTED

    names = [printable(str(p)) for p in plans] + [f"{printable(str(d))} (อำเภอนี้ยังสร้างไม่ครบ)" for d in districts]
    if names:
        listed = ", ".join(names[:5]) + (f" และอีก {len(names) - 5} รายการ" if len(names) > 5 else "")
        click.echo(f"ยกเลิกแล้ว (Ctrl-C): ยังไม่ได้สร้าง {listed} ไม่มีไฟล์ที่เขียนค้างไว้ครึ่งเดียว "
                   "สั่ง build เดิมอีกครั้งเพื่อสร้างต่อ (แผนที่สร้างเสร็จแล้วจะข้าม)", err=True)
    raise SystemExit(INTERRUPTED)
