"""The district commands: ``new-district`` (a district repository) and ``status`` (where each
tambon stands against the province's next deadline)."""

from __future__ import annotations

from pathlib import Path

import click

from tambondoc.cli.app import Command
from tambondoc.cli.output import detail, info
from tambondoc.cli.report import reports_errors
from tambondoc.cli.repository import _shown
from tambondoc.errors import printable


@click.command("new-district", cls=Command)
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--amphoe", required=True, help="ชื่ออำเภอ")
@click.option("--changwat", required=True, help="ชื่อจังหวัด")
@click.option("--tambon", "tambons", multiple=True, help="สร้างแผนเปล่าของตำบลนี้ใน plans/ ด้วย (ใส่ได้หลายครั้ง)")
@click.option("--ci", type=click.Choice(["github", "gitlab"]),
              help="เพิ่มไฟล์ CI ของ GitHub หรือ GitLab และ .pre-commit-config.yaml ถ้ายังไม่มี")
@reports_errors()
def new_district_cmd(folder: Path, amphoe: str, changwat: str, tambons: tuple[str, ...], ci: str | None) -> None:
    """สร้างคลังแผนของอำเภอใน FOLDER: district.yaml พร้อมคำอธิบายภาษาไทย โฟลเดอร์ plans/ และไฟล์ของคลังแผน

    district.yaml เก็บนายอำเภอ ผู้ลงนาม สำนักงานพัฒนาชุมชนอำเภอ ศอช.อ. และกำหนดส่งของจังหวัด
    เพิ่ม schema ทั้งสองไฟล์ การตั้งค่า VS Code และ .editorconfig (และ CI ถ้าใช้ --ci) ไม่เขียนทับไฟล์ที่มีอยู่แล้ว
    """
    from tambondoc.authoring.district import new_district

    done = new_district(folder, amphoe, changwat, list(tambons), ci)
    info(f"สร้าง {_shown(done.district)} แล้ว กรอกช่องที่ว่าง แล้วตรวจด้วย: tambondoc validate {_shown(folder)}")
    if done.plans:
        info("สร้างแผนเปล่า: " + ", ".join(_shown(p) for p in done.plans))
    if done.kit.written:
        info("เพิ่มไฟล์ของคลังแผน: " + ", ".join(_shown(p) for p in done.kit.written))
    for path in done.kit.kept:
        detail(f"มีอยู่แล้ว ไม่ได้แก้: {_shown(path)}")
    for note in done.kit.notes:
        info(note)
    for warning in done.warnings:
        click.echo(printable(f"{_shown(done.district)}: warning: {warning}"), err=True)


@click.command("status", cls=Command)
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True,
              help="text = หน้าจอ, markdown = ใส่ใน pull request หรือ README")
@click.option("--today", type=str, default=None, metavar="ปปปป-ดด-วว",
              help="ดูสถานะ ณ วันนี้ (ปี พ.ศ.) แทนวันที่ของเครื่อง")
@reports_errors()
def status_cmd(folder: Path, fmt: str, today: str | None) -> None:
    """สถานะของแต่ละตำบลในอำเภอ (FOLDER ที่มี district.yaml): แผนผ่านการตรวจหรือไม่ คำสั่งและประกาศลงวันที่ในปีนี้หรือไม่
    เวทีประชาคมจัดแล้วและผู้เข้าร่วมครบหรือไม่ และสิ่งที่ต้องทำก่อนกำหนดส่งจังหวัดครั้งถัดไป"""
    from tambondoc.district.status import district_status
    from tambondoc.district.status_text import render

    click.echo(render(district_status(folder, today), fmt), nl=False)
