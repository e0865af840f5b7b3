"""The code stays clean by the project's own standards: ruff and mypy, configured in pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import ROOT


@pytest.mark.parametrize("tool, args", [
    ("ruff", ["check", "tambondoc", "tests", "scripts", "benchmarks"]),
    ("mypy", []),
])
def test_clean(tool: str, args: list[str]) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (pip install '.[test]')")
    done = subprocess.run([sys.executable, "-m", tool, *args], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
