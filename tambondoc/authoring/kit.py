"""The plan repository kit: what a district's own repository needs beyond its plans.

- a copy of the schema at ``schemas/tambon-plan.schema.json`` (of the installed version, its
  ``$id`` saying which), that every plan's first line points at (the modeline), so completion,
  hover and checking work in an editor without tambondoc or a network; in a district's repository
  also ``schemas/district.schema.json`` for its ``district.yaml``;
- editor settings: ``.vscode/settings.json`` (``yaml.schemas``), ``.vscode/extensions.json``
  (recommends the Red Hat YAML extension) and ``.editorconfig`` (UTF-8, two spaces);
- ``.gitignore`` for ``build/``, where ``tambondoc build`` run at the top writes the documents: the
  guides tell officers to ``git add -A``, and CI builds the documents itself;
- optionally CI: the GitHub or GitLab example (examples/) and a pre-commit configuration.

Written once and never overwritten: an existing JSON settings file only gains what it lacks.
``tambondoc new`` uses it; so should any command that starts a repository.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tambondoc.errors import PlanError
from tambondoc.files import write_atomic
from tambondoc.plan.district import DISTRICT_FILE
from tambondoc.plan.schema import DISTRICT_SCHEMA_FILE, SCHEMA_FILE
from tambondoc.resources import data_path, schema_path

SCHEMA_COPY = Path("schemas") / SCHEMA_FILE
DISTRICT_SCHEMA_COPY = Path("schemas") / DISTRICT_SCHEMA_FILE
YAML_EXTENSION = "redhat.vscode-yaml"
CI = {  # --ci name: {file in the plan repository: shipped example}
    "github": {".github/workflows/plans.yml": "github-workflow.yml",
               ".pre-commit-config.yaml": "pre-commit-config.yaml"},
    "gitlab": {".gitlab-ci.yml": "gitlab-ci.yml",
               ".pre-commit-config.yaml": "pre-commit-config.yaml"},
}
EDITORCONFIG = """\
# Plans are UTF-8 YAML with two-space indentation (tambondoc fmt writes them so)
root = true

[*.{yaml,yml}]
charset = utf-8
end_of_line = lf
indent_style = space
indent_size = 2
insert_final_newline = true
trim_trailing_whitespace = true
"""
GITIGNORE = """\
# tambondoc build writes the documents here; CI builds them again, so they are not committed
/build/
"""


@dataclass
class Kit:
    """What ``write_kit`` did: files written, files left as they were, and why."""

    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def find_root(plan: Path) -> Path:
    """The plan repository a plan belongs to: the nearest folder with ``.git``; else the folder
    above a ``plans/`` folder; else the plan's own folder."""
    folder = plan.resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder.parent if folder.name == "plans" else folder


def modeline(plan: Path, root: Path) -> str:
    """The first line of a plan: yaml-language-server reads the schema from the repository's copy."""
    target = Path(os.path.relpath(root.resolve() / SCHEMA_COPY, plan.resolve().parent)).as_posix()
    return f"# yaml-language-server: $schema={target}"


def write_schema(directory: Path, district: bool = False) -> Path:
    """Copy the installed version's schema (the plan's, or district.yaml's) into ``directory``
    (replacing an older copy)."""
    name = DISTRICT_SCHEMA_FILE if district else SCHEMA_FILE
    target = directory / name
    write_atomic(target, data_path("schemas", name).read_bytes())
    return target


def _json_text(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _settings(root: Path, plans: Path, district: bool = False) -> dict[str, Any]:
    settings: dict[str, Any] = {
        "files.encoding": "utf8",
        "[yaml]": {"editor.tabSize": 2, "editor.insertSpaces": True, "editor.formatOnSave": False},
    }
    schemas = {}
    folder = Path(os.path.relpath(plans.resolve(), root.resolve())).as_posix()
    if folder != "." and not folder.startswith(".."):  # a glob at the top would catch every YAML file
        schemas[f"./{SCHEMA_COPY.as_posix()}"] = [f"{folder}/**/*.yaml", f"{folder}/**/*.yml"]
    if district:
        schemas[f"./{DISTRICT_SCHEMA_COPY.as_posix()}"] = [DISTRICT_FILE]
    if schemas:
        settings["yaml.schemas"] = schemas
    return settings


Merge = Callable[[dict[str, Any]], bool]  # adds what an existing JSON file lacks; True if it added any


def _add_schemas(wanted: dict[str, Any]) -> Merge:
    """Settings gain ``yaml.schemas``, or the entries of it they lack."""
    def update(current: dict[str, Any]) -> bool:
        if "yaml.schemas" not in wanted:
            return False
        if "yaml.schemas" not in current:
            current["yaml.schemas"] = wanted["yaml.schemas"]
            return True
        mine = current["yaml.schemas"]
        if not isinstance(mine, dict):
            return False
        missing = {k: v for k, v in wanted["yaml.schemas"].items() if k not in mine}
        mine.update(missing)
        return bool(missing)
    return update


def _add_extension(current: dict[str, Any]) -> bool:
    recommended = current.setdefault("recommendations", [])
    if not isinstance(recommended, list) or YAML_EXTENSION in recommended:
        return False
    recommended.append(YAML_EXTENSION)
    return True


def _write(kit: Kit, path: Path, content: bytes, merge: Merge | None = None) -> None:
    """Write a kit file that is not there; a JSON one that is only gains what it lacks.

    A link, even a dangling one, is a file that is there; a linked settings file gains what it
    lacks where it really is (the link is kept, as fmt keeps a linked plan).
    """
    if not os.path.lexists(path):
        write_atomic(path, content)
        kit.written.append(path)
        return
    if merge is not None and path.exists():
        try:
            current = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):  # JSON with comments, or not ours: leave it alone
            current = None
        if isinstance(current, dict) and merge(current):
            write_atomic(path, _json_text(current), follow_link=True)
            kit.written.append(path)
            return
        if current is None:
            kit.notes.append(f"{path}: อ่านเป็น JSON ไม่ได้ (อาจมีความเห็น) จึงไม่ได้แก้ ให้ตรวจเองว่ามีค่าตามที่ tambondoc แนะนำ")
    kit.kept.append(path)


def _files(root: Path, plans: Path, ci: str | None, district: bool) -> list[tuple[Path, bytes, Merge | None]]:
    """Every kit file: (where, content, how an existing JSON file gains what it lacks)."""
    settings = _settings(root, plans, district)
    files: list[tuple[Path, bytes, Merge | None]] = [(root / SCHEMA_COPY, schema_path().read_bytes(), None)]
    if district:
        files.append((root / DISTRICT_SCHEMA_COPY, data_path("schemas", DISTRICT_SCHEMA_FILE).read_bytes(), None))
    files += [(root / ".vscode" / "settings.json", _json_text(settings), _add_schemas(settings)),
              (root / ".vscode" / "extensions.json", _json_text({"recommendations": [YAML_EXTENSION]}), _add_extension),
              (root / ".editorconfig", EDITORCONFIG.encode("utf-8"), None),
              (root / ".gitignore", GITIGNORE.encode("utf-8"), None)]
    files += [(root / target, data_path("examples", example).read_bytes(), None)
              for target, example in CI.get(ci or "", {}).items()]
    return files


def kit_files(root: Path, plans: Path, ci: str | None = None, district: bool = False) -> list[Path]:
    """The files ``write_kit`` may write, so a command can check them before it writes anything."""
    return [path for path, _, _ in _files(root, plans, ci, district)]


NOTHING_WRITTEN = "จึงยังไม่ได้เขียนไฟล์ใด"


def check_writable(paths: list[Path]) -> None:
    """PlanError for the first of ``paths`` that could not be written: a file where a folder must
    be, a folder where the file must be, a folder not writable. Checked before a command writes
    any of them, so a failure leaves nothing half set up and the same command can be run again."""
    for path in paths:
        if path.is_dir():
            raise PlanError(f"{path}: เป็นโฟลเดอร์ แต่ต้องเขียนเป็นไฟล์ {NOTHING_WRITTEN} "
                            "ให้ย้ายหรือเปลี่ยนชื่อโฟลเดอร์นี้แล้วสั่งใหม่")
        folder = path.parent
        while not os.path.lexists(folder) and folder != folder.parent:
            folder = folder.parent
        if not folder.is_dir():
            raise PlanError(f"{folder}: เป็นไฟล์ แต่ต้องเป็นโฟลเดอร์เพื่อเขียน {path} {NOTHING_WRITTEN} "
                            "ให้ย้ายหรือเปลี่ยนชื่อไฟล์นี้แล้วสั่งใหม่")
        if not os.path.lexists(path) and not os.access(folder, os.W_OK | os.X_OK):
            raise PlanError(f"{folder}: ไม่มีสิทธิ์เขียนในโฟลเดอร์นี้ (ต้องเขียน {path}) {NOTHING_WRITTEN} "
                            "ให้ใช้โฟลเดอร์ที่เขียนได้ หรือขอสิทธิ์แล้วสั่งใหม่")


def write_kit(root: Path, plans: Path, ci: str | None = None, district: bool = False) -> Kit:
    """Give the repository at ``root`` (plans in ``plans``; a district's when ``district``) what it
    lacks of the kit."""
    kit = Kit()
    for path, content, merge in _files(root, plans, ci, district):
        _write(kit, path, content, merge)
    return kit
