"""What an editor shows while an officer types a plan: the schema's Thai hover texts, messages
and value descriptions (made by scripts/enrich_schema.py), checked as the script's output and
through the real yaml-language-server (tests/node/) when Node.js is installed."""

from __future__ import annotations

import contextlib
import copy
import importlib.util
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import ROOT

from tambondoc import REPOSITORY, __version__
from tambondoc.plan.schema import id_version, schema

SCHEMA = ROOT / "schemas" / "tambon-plan.schema.json"


def _enrich_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("enrich_schema", ROOT / "scripts" / "enrich_schema.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _nodes(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found += _nodes(value)
    elif isinstance(node, list):
        for value in node:
            found += _nodes(value)
    return found


def test_committed_schema_is_what_enrich_makes() -> None:
    """scripts/enrich_schema.py owns $id and the editor keywords: after adding or changing a
    field, or the version, run python scripts/enrich_schema.py."""
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "enrich_schema.py"), "--check"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_enrich_is_idempotent_and_covers_a_field_added_by_hand() -> None:
    enrich = _enrich_module()
    raw = json.loads(SCHEMA.read_text(encoding="utf-8"))
    raw["properties"]["plan"]["properties"]["signed_on"] = {
        "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$(?!\\n)", "title": "วันที่ลงนาม",
        "description": "วันที่ลงนาม_ในแผน"}
    once = enrich.enriched(copy.deepcopy(raw))
    assert enrich.enriched(copy.deepcopy(once)) == once
    field = once["properties"]["plan"]["properties"]["signed_on"]
    assert field["errorMessage"] == "ต้องเป็นข้อความ (วันที่ลงนาม)"
    assert field["patternErrorMessage"] == "เขียนวันที่เป็น ปปปป-ดด-วว โดยปีเป็น พ.ศ. เช่น 2570-03-20 (วันที่ลงนาม)"
    assert field["markdownDescription"] == ("วันที่ลงนาม\\_ในแผน\n\n`plan.signed_on` · ข้อความ · ไม่บังคับ · "
                                            "เขียนวันที่เป็น ปปปป-ดด-วว โดยปีเป็น พ.ศ. เช่น 2570-03-20")
    assert list(field) == ["type", "pattern", "title", "description", "markdownDescription", "errorMessage",
                           "patternErrorMessage"]


def test_schema_id_is_the_versioned_address_in_the_release() -> None:
    assert schema()["$id"] == f"{REPOSITORY}/raw/v{__version__}/schemas/tambon-plan.schema.json"
    assert id_version(schema()["$id"]) == tuple(int(n) for n in __version__.split("."))
    assert id_version("https://tambondoc.example/schemas/tambon-plan.schema.json") is None


def test_every_field_speaks_thai_to_the_editor() -> None:
    enrich = _enrich_module()
    for node in _nodes(schema()["properties"]):
        if "enum" in node:
            assert len(node["markdownEnumDescriptions"]) == len(node["enum"])
        if "pattern" in node:
            assert node["pattern"] in enrich.PATTERNS, "say in words what the new pattern wants"
            assert node["pattern"] not in node["patternErrorMessage"]
        if "type" in node or "enum" in node or "const" in node:
            assert node["errorMessage"] and node["markdownDescription"]
    approach = schema()["properties"]["projects"]["items"]["properties"]["approach"]
    assert approach["markdownEnumDescriptions"] == ["ชุมชนทำเอง", "ทำร่วมกับหน่วยงาน", "ขอรับการสนับสนุนจากภายนอก"]


# ---------------------------------------------------------------- the real yaml-language-server

NODE = ROOT / "tests" / "node"
SERVER = NODE / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
needs_server = pytest.mark.skipif(
    shutil.which("node") is None or not SERVER.exists(),
    reason="needs Node.js and yaml-language-server: npm ci --prefix tests/node")
SETTINGS = {"yaml": {"validate": True, "hover": True, "completion": True, "format": {"enable": False},
                     "schemaStore": {"enable": False}}}  # no network: only the plan's own schema


class LanguageServer:
    """yaml-language-server over stdio, as VS Code's YAML extension drives it."""

    def __init__(self, root: Path) -> None:
        self.proc = subprocess.Popen(["node", str(SERVER), "--stdio"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.request("initialize", {
            "processId": os.getpid(), "rootUri": root.as_uri(), "locale": "th",
            "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
            "capabilities": {"textDocument": {"hover": {"contentFormat": ["markdown"]},
                                              "completion": {"completionItem": {"documentationFormat": ["markdown"]}},
                                              "publishDiagnostics": {}},
                             "workspace": {"configuration": True}}})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                byte = out.read(1)
                if not byte:
                    return
                header += byte
            length = int(header.decode().split("Content-Length:")[1].split("\r\n")[0])
            self.inbox.put(json.loads(out.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def _handle(self, message: dict[str, Any]) -> None:
        """Answer what the server asks (its settings), keep what it publishes."""
        if message.get("method") == "textDocument/publishDiagnostics":
            self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
        elif "method" in message and "id" in message:
            items = message["params"].get("items", []) if message["method"] == "workspace/configuration" else None
            result = [SETTINGS.get(i.get("section", ""), SETTINGS) for i in items] if items is not None else None
            self._send({"id": message["id"], "result": result})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            message = self.inbox.get(timeout=60)
            if message.get("id") == self.next_id and "method" not in message:
                assert "error" not in message, message
                return message.get("result")
            self._handle(message)
        raise TimeoutError(method)

    def open(self, path: Path, text: str) -> str:
        uri = path.as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                               "text": text}})
        return uri

    def wait_for_diagnostics(self, uri: str) -> list[dict[str, Any]]:
        deadline = time.monotonic() + 60
        while uri not in self.diagnostics and time.monotonic() < deadline:
            with contextlib.suppress(queue.Empty):
                self._handle(self.inbox.get(timeout=1))
        return self.diagnostics[uri]

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.request("shutdown", {})
            self.notify("exit", {})
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LanguageServer]:
    ls = LanguageServer(tmp_path)
    yield ls
    ls.close()


def _at(text: str, needle: str, offset: int = 0) -> dict[str, int]:
    """The LSP position of ``needle`` in ``text`` (plus ``offset`` characters)."""
    before = text[: text.index(needle) + offset]
    return {"line": before.count("\n"), "character": len(before.rsplit("\n", 1)[-1])}


@needs_server
def test_hover_shows_the_thai_title_description_and_values(server: LanguageServer, example_plan: Path) -> None:
    text = example_plan.read_text(encoding="utf-8")
    uri = server.open(example_plan, text)
    server.wait_for_diagnostics(uri)
    hover = server.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": _at(text, "approach: ทำร่วม", 2)})
    shown = hover["contents"]["value"]
    assert shown.startswith("#### วิธีดำเนินการ\n\nทำเอง = ชุมชนทำเอง, ทำร่วม = ทำร่วมกับหน่วยงาน")
    assert "`projects[].approach` · ต้องมี" in shown
    assert "* `ทำร่วม`: ทำร่วมกับหน่วยงาน" in shown


@needs_server
def test_completion_offers_the_allowed_values_with_their_meaning(server: LanguageServer,
                                                                 example_plan: Path) -> None:
    text = example_plan.read_text(encoding="utf-8").replace("    approach: ทำร่วม\n", "    approach: \n", 1)
    uri = server.open(example_plan, text)
    server.wait_for_diagnostics(uri)
    result = server.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                       "position": _at(text, "    approach: \n", 14)})
    items = {item["label"]: item for item in (result["items"] if isinstance(result, dict) else result)}
    assert {"ทำเอง", "ทำร่วม", "ขอสนับสนุน"} <= set(items)
    assert "ชุมชนทำเอง" in json.dumps(items["ทำเอง"].get("documentation", ""), ensure_ascii=False)


@needs_server
def test_diagnostics_of_a_broken_plan_are_thai_and_on_their_lines(server: LanguageServer,
                                                                  example_plan: Path) -> None:
    text = example_plan.read_text(encoding="utf-8")
    for old, new in (("households: 245", "households: x"), ("approach: ทำร่วม", "approach: ร่วมทำ"),
                     ("  approved_on: 2570-03-20", "  approved_on: 20/03/2570"), ("  terrain: |", "  terain: |")):
        text = text.replace(old, new, 1)
    uri = server.open(example_plan, text)
    found = {(d["range"]["start"]["line"], d["message"]) for d in server.wait_for_diagnostics(uri)}
    tambon = "และใช้ได้เฉพาะช่องที่กำหนด (กด Ctrl+Space ดูรายการ) (ข้อมูลทั่วไปของตำบล (ส่วนที่ ๑))"
    assert {(_at(text, "households: x")["line"], "ต้องเป็นจำนวนเต็ม (จำนวนครัวเรือน)"),
            (_at(text, "approach: ร่วมทำ")["line"], "ต้องเป็นหนึ่งใน: ทำเอง, ทำร่วม, ขอสนับสนุน (วิธีดำเนินการ)"),
            (_at(text, "approved_on: 20")["line"],
             "เขียนวันที่เป็น ปปปป-ดด-วว โดยปีเป็น พ.ศ. เช่น 2570-03-20 (วันที่ ก.บ.ต. ให้ความเห็นชอบ)"),
            } <= found
    assert any(line == _at(text, "terain")["line"] and message.endswith(tambon) for line, message in found)
    assert all(not re.search("[A-Za-z]{4,} [a-z]{3,}", message) or "Ctrl" in message for _, message in found), found


@needs_server
def test_a_new_plan_is_checked_by_the_editor_from_its_repository(server: LanguageServer, tmp_path: Path) -> None:
    """What `tambondoc new` writes works as it is: the modeline finds the repository's schema copy."""
    from conftest import run

    (tmp_path / ".git").mkdir()
    plan = tmp_path / "plans" / "อำเภอเมือง" / "หนองบัว.yaml"
    assert run("new", plan, "--tambon", "หนองบัว", "--amphoe", "เมือง", "--changwat", "พิษณุโลก")[0] == 0
    text = plan.read_text(encoding="utf-8")
    found = {d["message"] for d in server.wait_for_diagnostics(server.open(plan, text))}
    assert "ต้องเป็นข้อความ (ชื่อ-สกุล)" in found
