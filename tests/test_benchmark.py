"""The benchmark script keeps working (its figures are read by people, not asserted here)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_benchmark_runs_and_reports_every_measure() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--plans", "2", "--sample", "1",
                           "--projects", "40-45", "--big", "60"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    for measure in ("validate:", "ratio", "speed-up", "no-op incremental rebuild", "60-project plan: built in",
                    "bare docxtpl rendering the same .docx documents"):
        assert measure in done.stdout
