"""Print problems in a format chosen by name (check-jsonschema's reporters): text (yamllint
style), JSON, GitHub workflow annotations or a GitLab Code Quality report. Every command that
reports problems uses these."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable

from tambondoc.errors import Problem

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape_data(text: str) -> str:
    """A workflow command's message, escaped as the GitHub Actions docs say ('%', CR, LF); any
    other control character (ESC of a terminal sequence) is percent-encoded too, so the log
    shows it as text instead of acting on it."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return _CONTROL.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), text)


def _escape_property(text: str) -> str:
    """A workflow command's property (file=, title=): ':' and ',' would end it early."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def repository_path(file: str) -> str:
    """``file`` relative to the current directory (the repository's root in CI), with '/', when it
    is below it: GitHub and GitLab place an annotation by its path in the repository, so
    './plans/x.yaml' or '/builds/group/plans/plans/x.yaml' would land on no file. Else as given."""
    if not file:
        return file
    here = os.getcwd()
    full = os.path.normpath(os.path.join(here, file))
    try:
        below = os.path.commonpath([here, full]) == here != full
    except ValueError:  # another drive (Windows)
        below = False
    if not below:
        return file
    return os.path.relpath(full, here).replace(os.sep, "/")


def text(problems: list[Problem]) -> str:
    return "\n".join(str(p) for p in problems)


def as_json(problems: list[Problem]) -> str:
    return json.dumps(
        [{"file": p.file, "line": p.line, "column": p.column, "level": p.level, "message": p.message,
          "path": p.path, "rule": p.rule, **({"sheet": p.sheet} if p.sheet else {})} for p in problems],
        ensure_ascii=False, indent=2)


def github(problems: list[Problem]) -> str:
    lines = []
    for p in problems:
        level = p.level if p.level in ("error", "warning") else "notice"
        props = f"file={_escape_property(repository_path(p.file))},line={p.line},col={p.column}"
        if p.rule:
            props += f",title={_escape_property(p.rule)}"
        where = f" ({p.path})" if p.path else f" ({p.sheet}!{p.where.rsplit('!', 1)[1]})" if p.sheet else ""
        lines.append(f"::{level} {props}::{_escape_data(p.message + where)}")
    return "\n".join(lines)


def gitlab(problems: list[Problem]) -> str:
    """A GitLab Code Quality report (``artifacts: reports: codequality``): merge requests show
    the problems on the changed lines. The fingerprint leaves out the line, so a problem that only
    moved is not reported as new; repeats of one problem are numbered to keep fingerprints unique.
    Paths are the repository's (``repository_path``), so a fingerprint is the same on any runner."""
    seen: dict[str, int] = {}
    issues = []
    for p in problems:
        where = f" ({p.path})" if p.path else f" ({p.where.rsplit(':', 1)[1]})" if p.sheet else ""
        file = repository_path(p.file)
        key = "\0".join((file, p.rule, p.path or p.where.replace(p.file, file, 1), p.message))
        seen[key] = seen.get(key, 0) + 1
        issues.append({
            "description": p.message + where,
            "check_name": p.rule or "tambondoc",
            "fingerprint": hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest(),
            "severity": {"error": "major", "warning": "minor"}.get(p.level, "info"),
            "location": {"path": file, "lines": {"begin": p.line}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=2)


REPORTERS: dict[str, Callable[[list[Problem]], str]] = {"text": text, "json": as_json, "github": github,
                                                       "gitlab": gitlab}
FORMATS = tuple(REPORTERS)


def format_problems(problems: Iterable[Problem], fmt: str) -> str:
    """Render problems in one of the ``FORMATS``."""
    return REPORTERS[fmt](list(problems))
