"""The command line: parse options, call one core function, print, exit (0 ok, 1 problems, 2 usage)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tambondoc import __version__

PLAN_PATH = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tambondoc")
def cli() -> None:
    """tambondoc: แผนพัฒนาตำบลเป็นไฟล์ YAML สร้างเอกสาร Word ทางราชการ"""


@cli.command()
@click.argument("plans", nargs=-1, required=True, type=PLAN_PATH)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text",
              show_default=True, help="รูปแบบรายงาน")
def validate(plans: tuple[Path, ...], fmt: str) -> None:
    """ตรวจสอบไฟล์แผน (PLAN...) รายงานปัญหาทั้งหมดพร้อมบรรทัดและคอลัมน์"""
    from tambondoc.reporter import format_problems
    from tambondoc.validate import validate_file

    results = [validate_file(p) for p in plans]
    problems = [p for r in results for p in r.problems]
    out = format_problems(problems, fmt)
    if fmt == "json" or out:
        click.echo(out)
    if fmt == "text":
        bad = sum(not r.ok for r in results)
        summary = f"ตรวจ {len(results)} ไฟล์: ผ่าน {len(results) - bad}, ไม่ผ่าน {bad}"
        click.echo(summary, err=True)
    sys.exit(0 if all(r.ok for r in results) else 1)


def main() -> None:
    cli(prog_name="tambondoc")
