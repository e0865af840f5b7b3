"""Commands that set up a plan repository: ``new`` (a plan and the kit around it) and
``schema`` (the schema of the installed version, to keep the repository's copy current)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from tambondoc import __version__
from tambondoc.cli.app import Command
from tambondoc.cli.output import detail, info
from tambondoc.cli.report import reports_errors
from tambondoc.errors import printable


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to where they are, when it is below."""
    relative = os.path.relpath(path.resolve(), Path.cwd())
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


@click.command("new", cls=Command)
@click.argument("plan", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--tambon", required=True, help="ชื่อตำบล (ไม่ต้องมีคำว่า ตำบล)")
@click.option("--amphoe", required=True, help="ชื่ออำเภอ")
@click.option("--changwat", required=True, help="ชื่อจังหวัด")
@click.option("--ci", type=click.Choice(["github", "gitlab"]),
              help="เพิ่มไฟล์ CI ของ GitHub หรือ GitLab และ .pre-commit-config.yaml ถ้ายังไม่มี")
@reports_errors()
def new_cmd(plan: Path, tambon: str, amphoe: str, changwat: str, ci: str | None) -> None:
    """สร้างไฟล์แผนใหม่ (PLAN) พร้อมคำอธิบายภาษาไทย ให้กรอกช่องที่ว่างแล้วตรวจด้วย validate

    บรรทัดแรกของแผนชี้ไปที่สำเนา schema ในคลังแผน (schemas/tambon-plan.schema.json) และเพิ่มไฟล์ที่ยังไม่มี:
    สำเนา schema, .vscode/settings.json, .vscode/extensions.json และ .editorconfig
    เพื่อให้ VS Code เติมคำ อธิบาย และตรวจแผนขณะพิมพ์ ไม่เขียนทับไฟล์ที่มีอยู่แล้ว
    """
    from tambondoc.authoring.kit import check_writable, find_root, kit_files, modeline, write_kit
    from tambondoc.authoring.skeleton import check_new, new_plan

    root = find_root(plan)
    check_new(plan)
    check_writable([plan, *kit_files(root, plan.parent, ci)])  # nothing is written if any cannot be
    kit = write_kit(root, plan.parent, ci)  # the plan last: a rerun after any failure is not refused
    warnings = new_plan(plan, tambon, amphoe, changwat, modeline(plan, root))
    info(f"สร้างแผนใหม่ที่ {plan} แล้ว กรอกช่องที่ว่าง แล้วตรวจด้วย: tambondoc validate {plan}")
    if kit.written:
        info("เพิ่มไฟล์ของคลังแผน: " + ", ".join(_shown(p) for p in kit.written))
    for path in kit.kept:
        detail(f"มีอยู่แล้ว ไม่ได้แก้: {_shown(path)}")
    for note in kit.notes:
        info(note)
    for warning in warnings:
        click.echo(printable(f"{_shown(plan)}: warning: {warning}"), err=True)


@click.command("schema", cls=Command)
@click.option("--write", "directory", type=click.Path(file_okay=False, path_type=Path),
              help="คัดลอก schema ไปไว้ในโฟลเดอร์นี้ (เช่น schemas) แทนการพิมพ์ออกจอ")
@click.option("--district", is_flag=True, help="schema ของ district.yaml แทน schema ของไฟล์แผน")
@reports_errors()
def schema_cmd(directory: Path | None, district: bool) -> None:
    """schema ของไฟล์แผน (JSON Schema) ของ tambondoc รุ่นที่ติดตั้ง

    ใช้ --write schemas เพื่อปรับสำเนาในคลังแผนให้ตรงกับรุ่นที่ติดตั้ง
    (validate จะเตือนเมื่อสำเนาเก่ากว่า) แล้ว commit ไฟล์ที่เปลี่ยน; --district สำหรับ district.yaml
    """
    from tambondoc.authoring.kit import write_schema
    from tambondoc.plan.schema import DISTRICT_SCHEMA_FILE, SCHEMA_FILE
    from tambondoc.resources import data_path

    if directory is None:
        name = DISTRICT_SCHEMA_FILE if district else SCHEMA_FILE
        click.echo(data_path("schemas", name).read_text(encoding="utf-8"), nl=False)
        return
    info(f"เขียน {write_schema(directory, district)} (schema ของ tambondoc {__version__})")
