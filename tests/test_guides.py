"""The officers' guides (docs/quickstart.md, workflow.md, district.md) are typed as written: every
``tambondoc`` command in them exists with its options, and the commands whose output or files they
show do print and write that."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from conftest import ROOT, check_invocation, replace_in, run

DOCS = ROOT / "docs"
GUIDES = ("quickstart.md", "workflow.md", "district.md")
BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _text(guide: str) -> str:
    return (DOCS / guide).read_text(encoding="utf-8")


def _commands(guide: str) -> list[list[str]]:
    """The words of every ``tambondoc`` command: lines of ```sh blocks and inline `tambondoc ...`
    spans (placeholders such as ``[-o NEW]`` lose their brackets)."""
    text = _text(guide)
    lines = [line for lang, body in BLOCK.findall(text) if lang == "sh" for line in body.splitlines()]
    lines += re.findall(r"`(tambondoc [-a-z][^`]*)`", BLOCK.sub("", text))  # not `tambondoc @ git+...`
    found = []
    for line in lines:
        words = [w.strip("[]") for w in shlex.split(line, comments=True)]
        if words[:3] == ["python", "-m", "tambondoc"]:
            words = words[2:]
        if words and words[0] == "tambondoc":
            found.append(words[1:])
    return found


def _shown_after(guide: str, command: str) -> str:
    """The output a guide shows for a command: the first plain ``` block after the ```sh block
    that has the command."""
    blocks = BLOCK.findall(_text(guide))
    at = next(i for i, (lang, body) in enumerate(blocks) if lang == "sh" and command in body)
    return next(body for lang, body in blocks[at + 1:] if lang == "")


def _line(guide: str, start: str) -> list[str]:
    """The words of the guide's command line that starts with ``start``."""
    [words] = [c for c in _commands(guide) if shlex.join(["tambondoc", *c]).startswith(start)]
    return words


@pytest.mark.parametrize("guide", GUIDES)
def test_every_tambondoc_command_in_the_guides_exists(guide: str) -> None:
    commands = _commands(guide)
    assert len(commands) >= 5, guide
    for words in commands:
        check_invocation(words)


def test_quickstart_new_prints_and_writes_what_the_guides_show(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first plan as quickstart.md types it: its output, no warning (the tambon is a real one),
    and every file of workflow.md's table of what a plan repository gets."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()  # git init -b main
    assert run("--version").out == _shown_after("quickstart.md", "tambondoc --version")
    ran = run(*_line("quickstart.md", "tambondoc new "))
    assert (ran.code, ran.out, ran.err) == (0, _shown_after("quickstart.md", "tambondoc new "), "")
    table = _text("workflow.md").split("## ตั้งค่าคลังแผน")[1].split("\n\n")[1]
    for row in table.splitlines()[2:]:
        names = re.findall(r"`([^`]+)`", row.split("|")[1])
        assert any((tmp_path / n).is_file() for n in names), row


def test_quickstart_error_line_is_what_validate_prints(example_plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The example problem line of quickstart.md, but for its line number (it depends on the plan)."""
    [shown] = re.findall(r"^plans/\S+:\d+:.*$", _text("quickstart.md"), re.MULTILINE)
    plan, _, column, rest = shown.split(":", 3)
    monkeypatch.chdir(example_plan.parent.parent)
    example_plan.rename(plan)
    line = replace_in(Path(plan), "      households: 245", "      households: x")
    assert run("validate", "plans").out == f"{plan}:{line}:{column}:{rest}\n"


def test_workflow_next_year_writes_the_file_it_names(example_plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The yearly round of workflow.md starts from quickstart.md's plan (fiscal years 2571-2572,
    as the example plan's) and writes the file its comment names."""
    [(old, new)] = re.findall(r"^tambondoc next-year (\S+) +# เขียน (\S+)$", _text("workflow.md"), re.MULTILINE)
    assert old == _line("quickstart.md", "tambondoc new ")[1]
    monkeypatch.chdir(example_plan.parent.parent)
    example_plan.rename(old)
    assert run("next-year", old).code == 0
    assert Path(new).is_file()
    assert run("diff", old, new).code == 0


def test_district_new_district_writes_what_the_guide_lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    words = _line("district.md", "tambondoc new-district ")
    ran = run(*words)
    assert (ran.code, ran.err) == (0, "")
    section = _text("district.md").split("## 1.")[1].split("## 2.")[0]
    listed = [n for line in section.splitlines() if line.startswith("- `") for n in re.findall(r"`([^`\s]+)`", line)]
    assert len(listed) >= 6
    for name in listed:
        assert (tmp_path / words[1] / name).exists(), name


@pytest.mark.parametrize("guide", GUIDES)
def test_the_guides_links_lead_to_files_that_exist(guide: str) -> None:
    links = re.findall(r"\]\(([^)#:]+)\)", _text(guide))
    assert links
    for link in links:
        assert (DOCS / link).exists(), link
