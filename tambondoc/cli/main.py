"""The commands: parse options, call one core function, print what it returns.

Exit codes and failure messages are decided in ``cli.report``; problems are printed by the
reporter chosen with ``--format`` (``reporters``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from tambondoc.cli.app import Group, max_plan_option, version_option
from tambondoc.cli.building import build_cmd, plan_files, warn_skipped
from tambondoc.cli.district import new_district_cmd, status_cmd
from tambondoc.cli.output import color_on, detail, info, safe_streams
from tambondoc.cli.report import Status, exit_with, fail, reports_errors, show_problems
from tambondoc.cli.repository import new_cmd, schema_cmd
from tambondoc.errors import printable
from tambondoc.files import explain
from tambondoc.reporters import FORMATS

F = TypeVar("F", bound=Callable[..., Any])
PLAN_PATH = click.Path(exists=True, dir_okay=False, path_type=Path)
PLANS_PATH = click.Path(exists=True, path_type=Path)  # plan files, or folders of them


XLSX_OUT = click.Path(dir_okay=False, path_type=Path)
overwrite_option = click.option("--force", is_flag=True,
                                help="เขียนทับไฟล์ .xlsx ที่มีอยู่แล้ว (ค่าเริ่มต้น: ไม่เขียนทับ เพราะอาจเป็นแบบฟอร์มที่กรอกแล้ว)")


def format_option(*choices: str) -> Callable[[F], F]:
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default="text", show_default=True,
                        help="รูปแบบรายงานปัญหา: text, json, github (คำอธิบายประกอบใน GitHub Actions) "
                             "หรือ gitlab (รายงาน Code Quality ของ GitLab)")


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@version_option
def cli() -> None:
    """tambondoc: แผนพัฒนาตำบลเป็นไฟล์ YAML สร้างเอกสาร Word ทางราชการ"""


@cli.command()
@click.argument("plans", nargs=-1, required=True, type=PLANS_PATH)
@format_option(*FORMATS)
@max_plan_option
def validate(plans: tuple[Path, ...], fmt: str) -> None:
    """ตรวจสอบไฟล์แผน (PLAN... หรือโฟลเดอร์) รายงานปัญหาทั้งหมดพร้อมบรรทัดและคอลัมน์

    โฟลเดอร์ที่มี district.yaml ตรวจทั้งอำเภอ: district.yaml ทุกแผน และความสอดคล้องระหว่างกัน
    (อำเภอของแผน เลขที่คำสั่งไม่ซ้ำ ตำแหน่งของบุคคล กำหนดส่งจังหวัด)
    """
    from tambondoc.check.district import validate_district
    from tambondoc.check.validate import validate_file
    from tambondoc.plan.discover import below
    from tambondoc.plan.district import is_district

    districts = [p for p in plans if is_district(p)]
    others = tuple(p for p in plans if not is_district(p))
    for district in districts:
        warn_skipped(below(district).skipped)
    results = [r for d in districts for r in validate_district(d).results]
    try:
        files = plan_files(others) if others or not districts else []
    except click.UsageError:
        show_problems([], fmt, err=False)  # a report file (a CI artefact) must still parse: '[]'
        raise
    results += [validate_file(p) for p in files]
    show_problems([p for r in results for p in r.problems], fmt, err=False)
    bad = sum(not r.ok for r in results)
    if fmt == "text":
        for r in results:
            detail(f"{r.file}: {'ผ่าน' if r.ok else 'ไม่ผ่าน'}{_counts(r.problems)}", err=True)
        info(f"ตรวจ {len(results)} ไฟล์: ผ่าน {len(results) - bad}, ไม่ผ่าน {bad}", err=True)
    exit_with(Status.PROBLEMS if bad else Status.OK)


def _counts(problems: list[Any]) -> str:
    errors = sum(p.level == "error" for p in problems)
    counts = [f"ข้อผิดพลาด {errors}"] if errors else []
    counts += [f"คำเตือน {len(problems) - errors}"] if len(problems) > errors else []
    return f" ({', '.join(counts)})" if counts else ""


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
        detail(f"คัดลอก {printable(str(path))}")
    if copied:
        info(f"{printable(str(directory))}: คัดลอกแม่แบบ {len(copied)} ไฟล์")
    else:
        info(f"{printable(str(directory))}: มีแม่แบบครบแล้ว ไม่ได้คัดลอกเพิ่ม (ตรวจว่าแม่แบบใช้ได้ด้วย "
             f"tambondoc templates check --templates {printable(str(directory))})")


@templates.command("check")
@click.option("--templates", "folder", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="โฟลเดอร์แม่แบบที่จะตรวจ (ค่าเริ่มต้น: ที่ build จะใช้)")
@click.option("--plan", type=PLAN_PATH, help="ตรวจกับข้อมูลของแผนนี้ (ค่าเริ่มต้น: แผนตัวอย่าง)")
@click.option("--district", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="ตรวจแม่แบบเอกสารของอำเภอด้วย (คำสั่งและประกาศ ศอช. แผนความต้องการ) กับข้อมูลของอำเภอนี้")
@format_option(*FORMATS)
@reports_errors()
def templates_check(folder: Path | None, plan: Path | None, district: Path | None, fmt: str) -> None:
    """ตรวจแม่แบบทุกไฟล์: ไวยากรณ์ ตัวแปร และตัวกรองที่ข้อมูลแผนไม่มี"""
    from tambondoc.docx.check import check_template, check_templates
    from tambondoc.docx.templates import find_template, repository_templates

    if folder is None and plan is None:  # what build uses for a plan of the district, or one here:
        here = district / "district.yaml" if district is not None else Path.cwd() / "plan.yaml"
        folder = repository_templates(here)  # templates/docx up to the repository's root
    reports = check_templates(folder, plan)
    if district is not None:
        from tambondoc.district.build import template_contexts

        where = district / "district.yaml"
        reports += [check_template(name, find_template(name, where, folder), context)
                    for name, context in template_contexts(district).items()]
    problems = [p for report in reports for p in report.problems]
    if fmt != "text":
        show_problems(problems, fmt, err=False)
    else:
        for report in reports:
            info(f"{report.name} ({report.path}): {'มีปัญหา' if report.problems else 'ผ่าน'}")
            detail(f"  ตัวแปร: {', '.join(sorted(report.variables))}")
            detail(f"  ตัวกรอง: {', '.join(sorted(report.filters)) or '-'}")
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
        info(f"เขียน {output}")


@cli.command("xlsx-template")
@click.argument("plan", type=PLAN_PATH)
@click.option("-o", "--output", "out", type=XLSX_OUT, default=Path("villages.xlsx"), show_default=True,
              help="ไฟล์ .xlsx ที่จะสร้าง")
@overwrite_option
@reports_errors()
def xlsx_template(plan: Path, out: Path, force: bool) -> None:
    """สร้างแบบฟอร์ม Excel เปล่าสำหรับรวบรวมโครงการจากหมู่บ้าน (มีรายการให้เลือกจากแผน)"""
    from tambondoc.build.exports import write_template

    written = write_template(plan, out, force)
    info(f"{plan}: สร้างแบบฟอร์มแล้ว {written}")


@cli.command("export-xlsx")
@click.argument("plan", type=PLAN_PATH)
@click.option("-o", "--output", "out", type=XLSX_OUT, default=Path("projects.xlsx"), show_default=True,
              help="ไฟล์ .xlsx ที่จะสร้าง")
@overwrite_option
@reports_errors()
def export_xlsx(plan: Path, out: Path, force: bool) -> None:
    """ส่งออกโครงการทั้งหมดเป็น Excel: แผ่นงานรวม แผ่นงานรายยุทธศาสตร์ และสรุปงบประมาณ"""
    from tambondoc.build.exports import write_export

    written = write_export(plan, out, force)
    info(f"{plan}: ส่งออกโครงการแล้ว {written}")


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
        info(printable(str(change)))
    if not result.changed:
        info(f"{plan}: ไม่มีการเปลี่ยนแปลง")
    elif dry_run:
        click.echo("\n".join(printable(line) for line in result.diff().split("\n")), nl=False)
        info(f"{printable(str(plan))}: --dry-run จะเปลี่ยน {len(result.changes)} รายการ (ยังไม่ได้แก้ไฟล์)")
    else:
        info(f"{plan}: นำเข้าแล้ว {len(result.changes)} รายการ")


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
    เปรียบเทียบ district.yaml สองฉบับได้ด้วย (นายอำเภอ ผู้ลงนาม กำหนดส่ง เจ้าหน้าที่ ศอช.อ.)
    รหัสออก: 0 = สำเร็จ (1 เมื่อพบการเปลี่ยนแปลงและใช้ --exit-code), 2 = อ่านแผนไม่ได้
    """
    from tambondoc.diff.district import diff_files, render_any
    from tambondoc.errors import PlanError

    try:
        result = diff_files(old, new)
        text = render_any(result, fmt, color=fmt == "text" and color_on())
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
        info(f"  {printable(note)}")
    info(f"เขียนแผนปีถัดไปที่ {printable(str(target))}")
    info("สิ่งที่ต้องกรอกต่อ:")
    for item in rolled.todo:
        info(f"  - {item}")


@cli.command("fmt")
@click.argument("paths", nargs=-1, required=True, type=PLANS_PATH)
@click.option("--check", is_flag=True, help="ไม่แก้ไฟล์ บอกรายชื่อไฟล์ที่ยังไม่ได้จัดรูปแบบ และออกด้วยรหัส 1 (สำหรับ CI)")
def fmt_cmd(paths: tuple[Path, ...], check: bool) -> None:
    """จัดรูปแบบไฟล์แผน (PLAN... หรือโฟลเดอร์) ให้เป็นแบบเดียวกัน: ย่อหน้า ลำดับคีย์ตาม schema เครื่องหมายคำพูด โดยคงความเห็นไว้ทั้งหมด"""
    from tambondoc.authoring.fmt import format_file
    from tambondoc.errors import PlanError

    changed = failed = 0
    plans = plan_files(paths)
    for plan in plans:
        try:
            if format_file(plan, check):
                changed += 1
                if check:
                    click.echo(f"{plan}: ต้องจัดรูปแบบ")
                else:
                    info(f"{plan}: จัดรูปแบบแล้ว")
            else:
                detail(f"{plan}: จัดรูปแบบถูกต้องแล้ว")
        except PlanError as e:
            failed += 1
            show_problems(e.problems)
            if [str(p) for p in e.problems] != [str(e)]:  # a refusal at a place is its own message
                click.echo(printable(str(e)), err=True)
        except OSError as e:
            failed += 1
            click.echo(f"{printable(str(plan))}: เขียนหรืออ่านไฟล์ไม่ได้: {printable(explain(e))}", err=True)
    if check:
        parts = [f"ต้องจัดรูปแบบ {changed} ไฟล์ (แก้ด้วย tambondoc fmt)"] if changed else []
        parts += [f"จัดรูปแบบไม่ได้ {failed} ไฟล์"] if failed else []
        info(f"ตรวจ {len(plans)} ไฟล์: {', '.join(parts) or 'จัดรูปแบบถูกต้องแล้ว'}", err=True)
    exit_with(Status.PROBLEMS if failed or (check and changed) else Status.OK)


cli.add_command(build_cmd)
cli.add_command(new_cmd)
cli.add_command(new_district_cmd)
cli.add_command(status_cmd)
cli.add_command(schema_cmd)


def main() -> None:
    safe_streams()
    cli(prog_name="tambondoc")


__all__ = ["cli", "fail", "main"]
