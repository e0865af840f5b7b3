"""The commands: parse options, call one core function, print what it returns.

Exit codes and failure messages are decided in ``cli.report``; problems are printed by the
reporter chosen with ``--format`` (``reporters``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from tambondoc import __version__
from tambondoc.cli.report import Status, exit_with, fail, reports_errors, show_problems
from tambondoc.errors import printable
from tambondoc.reporters import FORMATS

F = TypeVar("F", bound=Callable[..., Any])
PLAN_PATH = click.Path(exists=True, dir_okay=False, path_type=Path)
XLSX_OUT = click.Path(dir_okay=False, path_type=Path)


def format_option(*choices: str) -> Callable[[F], F]:
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default="text", show_default=True,
                        help="รูปแบบรายงานปัญหา: text, json หรือ github (คำอธิบายประกอบใน GitHub Actions)")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tambondoc")
def cli() -> None:
    """tambondoc: แผนพัฒนาตำบลเป็นไฟล์ YAML สร้างเอกสาร Word ทางราชการ"""


@cli.command()
@click.argument("plans", nargs=-1, required=True, type=PLAN_PATH)
@format_option(*FORMATS)
def validate(plans: tuple[Path, ...], fmt: str) -> None:
    """ตรวจสอบไฟล์แผน (PLAN...) รายงานปัญหาทั้งหมดพร้อมบรรทัดและคอลัมน์"""
    from tambondoc.check.validate import validate_file

    results = [validate_file(p) for p in plans]
    show_problems([p for r in results for p in r.problems], fmt, err=False)
    bad = sum(not r.ok for r in results)
    if fmt == "text":
        click.echo(f"ตรวจ {len(results)} ไฟล์: ผ่าน {len(results) - bad}, ไม่ผ่าน {bad}", err=True)
    exit_with(Status.PROBLEMS if bad else Status.OK)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "out", type=click.Path(file_okay=False, path_type=Path),
              default=Path("build"), show_default=True, help="โฟลเดอร์ผลลัพธ์")
@click.option("--templates", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="โฟลเดอร์แม่แบบ .docx ที่ใช้แทนแม่แบบมาตรฐาน")
@click.option("--pdf", is_flag=True, help="สร้าง PDF ด้วย LibreOffice ด้วย")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="จำนวนแผนที่สร้างพร้อมกัน (ค่าเริ่มต้น: จำนวนแกน CPU)")
@click.option("--force", is_flag=True, help="สร้างใหม่ทุกแผน แม้ไม่มีอะไรเปลี่ยน")
def build(paths: tuple[Path, ...], out: Path, templates: Path | None, pdf: bool,
          jobs: int | None, force: bool) -> None:
    """สร้างเอกสารจากไฟล์แผนหรือทุกแผนในโฟลเดอร์: รูปเล่มแผน คำสั่ง ก.บ.ต. บัญชีประสานโครงการ"""
    import sys

    from tambondoc.build.batch import Status as BuildStatus
    from tambondoc.build.batch import build_many, discover

    plans = discover(list(paths))
    if not plans:
        raise click.UsageError("ไม่พบไฟล์แผน (*.yaml) ในที่ที่ระบุ")
    stream = build_many(plans, out, templates, pdf, force, jobs)
    if sys.stdout.isatty() and len(plans) > 1:
        with click.progressbar(stream, length=len(plans), label="กำลังสร้างเอกสาร") as bar:
            outcomes = list(bar)
    else:
        outcomes = list(stream)
    order = {plan: i for i, plan in enumerate(plans)}
    for o in sorted(outcomes, key=lambda o: order[o.plan]):
        show_problems(o.problems)
        name = printable(str(o.plan))
        for w in o.warnings:
            click.echo(f"{name}: warning: {printable(w)}", err=True)
        for note in o.notes:
            click.echo(f"{name}: {printable(note)}")
        if o.status is BuildStatus.BUILT:
            click.echo(f"{name}: สร้างแล้ว {len(o.written)} ไฟล์: " + ", ".join(printable(str(p)) for p in o.written))
        elif o.status is BuildStatus.UNCHANGED:
            click.echo(f"{name}: ไม่มีการเปลี่ยนแปลง (ข้าม ใช้ --force เพื่อสร้างใหม่)")
        else:
            click.echo(f"{name}: ล้มเหลว: {printable(o.message)}")
    counts = {k: sum(o.status is k for o in outcomes) for k in BuildStatus}
    click.echo(f"สร้างแล้ว {counts[BuildStatus.BUILT]}, ไม่เปลี่ยนแปลง {counts[BuildStatus.UNCHANGED]}, "
               f"ล้มเหลว {counts[BuildStatus.FAILED]}")
    exit_with(Status.PROBLEMS if counts[BuildStatus.FAILED] else Status.OK)


@cli.group()
def templates() -> None:
    """แม่แบบเอกสาร .docx: คัดลอกมาแก้ไข และตรวจกับข้อมูลแผน"""


@templates.command("init")
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path),
                default=Path("templates/docx"))
@reports_errors()
def templates_init(directory: Path) -> None:
    """คัดลอกแม่แบบมาตรฐานไปที่ DIRECTORY (ค่าเริ่มต้น templates/docx) โดยไม่เขียนทับไฟล์เดิม"""
    from tambondoc.docx.templates import init_templates

    copied = init_templates(directory)
    for path in copied:
        click.echo(f"คัดลอก {path}")
    if not copied:
        click.echo(f"{directory}: มีแม่แบบครบแล้ว ไม่ได้คัดลอกเพิ่ม (ตรวจว่าแม่แบบใช้ได้ด้วย tambondoc templates check "
                   f"--templates {directory})")


@templates.command("check")
@click.option("--templates", "folder", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="โฟลเดอร์แม่แบบที่จะตรวจ (ค่าเริ่มต้น: ที่ build จะใช้)")
@click.option("--plan", type=PLAN_PATH, help="ตรวจกับข้อมูลของแผนนี้ (ค่าเริ่มต้น: แผนตัวอย่าง)")
@format_option(*FORMATS)
@reports_errors()
def templates_check(folder: Path | None, plan: Path | None, fmt: str) -> None:
    """ตรวจแม่แบบทุกไฟล์: ไวยากรณ์ ตัวแปร และตัวกรองที่ข้อมูลแผนไม่มี"""
    from tambondoc.docx.check import check_templates

    reports = check_templates(folder, plan)
    problems = [p for report in reports for p in report.problems]
    if fmt != "text":
        show_problems(problems, fmt, err=False)
    else:
        for report in reports:
            click.echo(f"{report.name} ({report.path}): {'มีปัญหา' if report.problems else 'ผ่าน'}")
            click.echo(f"  ตัวแปร: {', '.join(sorted(report.variables))}")
            click.echo(f"  ตัวกรอง: {', '.join(sorted(report.filters)) or '-'}")
            for problem in report.problems:
                click.echo(f"  {problem}")
    exit_with(Status.PROBLEMS if problems else Status.OK)


@templates.command("docs")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="เขียนลงไฟล์ (เช่น docs/templates.md) แทนการพิมพ์ออกหน้าจอ")
@reports_errors()
def templates_docs(output: Path | None) -> None:
    """พิมพ์คู่มือข้อมูล (context) และตัวกรองที่แม่แบบใช้ได้ เป็น Markdown"""
    from tambondoc.docx.docs import markdown, sample_context
    from tambondoc.files import write_atomic

    text = markdown(sample_context())
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text.encode("utf-8"))
        click.echo(f"เขียน {output}")


@cli.command("xlsx-template")
@click.argument("plan", type=PLAN_PATH)
@click.option("-o", "--output", "out", type=XLSX_OUT, default=Path("villages.xlsx"), show_default=True,
              help="ไฟล์ .xlsx ที่จะสร้าง")
@reports_errors()
def xlsx_template(plan: Path, out: Path) -> None:
    """สร้างแบบฟอร์ม Excel เปล่าสำหรับรวบรวมโครงการจากหมู่บ้าน (มีรายการให้เลือกจากแผน)"""
    from tambondoc.build.exports import write_template

    click.echo(f"{plan}: สร้างแบบฟอร์มแล้ว {write_template(plan, out)}")


@cli.command("export-xlsx")
@click.argument("plan", type=PLAN_PATH)
@click.option("-o", "--output", "out", type=XLSX_OUT, default=Path("projects.xlsx"), show_default=True,
              help="ไฟล์ .xlsx ที่จะสร้าง")
@reports_errors()
def export_xlsx(plan: Path, out: Path) -> None:
    """ส่งออกโครงการทั้งหมดเป็น Excel: แผ่นงานรวม แผ่นงานรายยุทธศาสตร์ และสรุปงบประมาณ"""
    from tambondoc.build.exports import write_export

    click.echo(f"{plan}: ส่งออกโครงการแล้ว {write_export(plan, out)}")


@cli.command("import-xlsx")
@click.argument("books", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--into", "plan", required=True, type=PLAN_PATH, help="ไฟล์แผนที่จะนำโครงการเข้า")
@click.option("--dry-run", is_flag=True, help="แสดงสิ่งที่จะเปลี่ยนโดยไม่แก้ไฟล์แผน")
@click.option("--combine", is_flag=True, help="รวมโครงการชื่อเดียวกันในยุทธศาสตร์เดียวกันจากหลายหมู่บ้านเป็นโครงการเดียว")
@format_option(*FORMATS)
@reports_errors()
def import_xlsx(books: tuple[Path, ...], plan: Path, dry_run: bool, combine: bool, fmt: str) -> None:
    """นำโครงการจากไฟล์ Excel (BOOK...) เข้าแผน: ตรวจทุกแถวก่อน ถ้ามีปัญหาจะไม่แก้ไฟล์แผน"""
    from tambondoc.importing.run import import_books

    result = import_books(list(books), plan, combine=combine, dry_run=dry_run)
    show_problems(result.warnings, fmt)
    for change in result.changes:
        click.echo(printable(change))
    if not result.changed:
        click.echo(f"{plan}: ไม่มีการเปลี่ยนแปลง")
    elif dry_run:
        click.echo("\n".join(printable(line) for line in result.diff().split("\n")), nl=False)
        click.echo(f"{plan}: --dry-run จะเปลี่ยน {len(result.changes)} รายการ (ยังไม่ได้แก้ไฟล์)")
    else:
        click.echo(f"{plan}: นำเข้าแล้ว {len(result.changes)} รายการ")


@cli.command("diff")
@click.argument("old")
@click.argument("new")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text",
              show_default=True, help="text = หน้าจอ, markdown = ความเห็นใน pull request, json")
@click.option("--exit-code", is_flag=True, help="ออกด้วยรหัส 1 เมื่อพบการเปลี่ยนแปลง (0 = ไม่เปลี่ยน)")
@reports_errors(Status.ERROR)
def diff_cmd(old: str, new: str, fmt: str, exit_code: bool) -> None:
    """เปรียบเทียบแผนสองฉบับ (ไฟล์ หรือ REV:path ของ git เช่น HEAD~1:plans/x.yaml) แบบอ่านเป็นแผน

    โครงการที่เพิ่ม ลบ แก้ไข งบประมาณก่อน/หลัง วิสัยทัศน์ ยุทธศาสตร์ กรรมการ และข้อมูลทั่วไป
    รหัสออก: 0 = สำเร็จ (1 เมื่อพบการเปลี่ยนแปลงและใช้ --exit-code), 2 = อ่านแผนไม่ได้
    """
    import sys

    from tambondoc.diff.compare import diff_plans
    from tambondoc.diff.report import render
    from tambondoc.errors import PlanError

    try:
        result = diff_plans(old, new)
        text = render(result, fmt, color=fmt == "text" and sys.stdout.isatty())
    except (PlanError, OSError):
        raise
    except Exception as e:  # exit 1 means "changes found": no failure may end with it
        fail(f"ข้อผิดพลาดภายในโปรแกรม: {type(e).__name__}: {e}", status=Status.ERROR)
    click.echo(text)
    exit_with(Status.PROBLEMS if exit_code and result.changed else Status.OK)


@cli.command("next-year")
@click.argument("plan", type=PLAN_PATH)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="ไฟล์แผนปีถัดไป (ค่าเริ่มต้น: ข้างไฟล์เดิม ชื่อเป็นปีถัดไป)")
@reports_errors()
def next_year_cmd(plan: Path, output: Path | None) -> None:
    """สร้างแผนฉบับทบทวนปีถัดไป: เลื่อนปีงบประมาณ ทบทวนครั้งที่ +1 และส่วนทบทวนโครงการปีที่แล้ว"""
    from tambondoc.authoring.nextyear import next_year

    target, rolled = next_year(plan, output)
    for note in rolled.notes:
        click.echo(f"  {printable(note)}")
    click.echo(f"เขียนแผนปีถัดไปที่ {target}")
    click.echo("สิ่งที่ต้องกรอกต่อ:")
    for item in rolled.todo:
        click.echo(f"  - {item}")


@cli.command("fmt")
@click.argument("plans", nargs=-1, required=True, type=PLAN_PATH)
@click.option("--check", is_flag=True, help="ไม่แก้ไฟล์ บอกรายชื่อไฟล์ที่ยังไม่ได้จัดรูปแบบ และออกด้วยรหัส 1 (สำหรับ CI)")
def fmt_cmd(plans: tuple[Path, ...], check: bool) -> None:
    """จัดรูปแบบไฟล์แผนให้เป็นแบบเดียวกัน (ย่อหน้า ลำดับคีย์ตาม schema เครื่องหมายคำพูด) โดยคงความเห็นไว้ทั้งหมด"""
    from tambondoc.authoring.fmt import format_file
    from tambondoc.errors import PlanError

    changed = failed = 0
    for plan in plans:
        try:
            if format_file(plan, check):
                changed += 1
                click.echo(f"{plan}: ต้องจัดรูปแบบ" if check else f"{plan}: จัดรูปแบบแล้ว")
        except PlanError as e:
            failed += 1
            click.echo(printable(str(e)), err=True)
        except OSError as e:
            failed += 1
            click.echo(f"{printable(str(plan))}: เขียนหรืออ่านไฟล์ไม่ได้: {e.strerror or e}", err=True)
    if check:
        parts = [f"ต้องจัดรูปแบบ {changed} ไฟล์ (แก้ด้วย tambondoc fmt)"] if changed else []
        parts += [f"จัดรูปแบบไม่ได้ {failed} ไฟล์"] if failed else []
        click.echo(f"ตรวจ {len(plans)} ไฟล์: {', '.join(parts) or 'จัดรูปแบบถูกต้องแล้ว'}", err=True)
    exit_with(Status.PROBLEMS if failed or (check and changed) else Status.OK)


@cli.command("new")
@click.argument("plan", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--tambon", required=True, help="ชื่อตำบล (ไม่ต้องมีคำว่า ตำบล)")
@click.option("--amphoe", required=True, help="ชื่ออำเภอ")
@click.option("--changwat", required=True, help="ชื่อจังหวัด")
@reports_errors()
def new_cmd(plan: Path, tambon: str, amphoe: str, changwat: str) -> None:
    """สร้างไฟล์แผนใหม่ (PLAN) พร้อมคำอธิบายภาษาไทย ให้กรอกช่องที่ว่างแล้วตรวจด้วย validate"""
    from tambondoc.authoring.skeleton import new_plan

    new_plan(plan, tambon, amphoe, changwat)
    click.echo(f"สร้างแผนใหม่ที่ {plan} แล้ว กรอกช่องที่ว่าง แล้วตรวจด้วย: tambondoc validate {plan}")


def safe_streams() -> None:
    """Text the console cannot show is escaped, never a crash: a Thai Windows console (cp874) has
    no '→', a pipe may be ASCII. Exit codes then mean what they say (diff: 1 = changes found)."""
    import sys

    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a stream already written in another mode, or closed
                continue


def main() -> None:
    safe_streams()
    cli(prog_name="tambondoc")


__all__ = ["cli", "fail", "main"]
