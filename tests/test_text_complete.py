"""Every word a plan says reaches the page: each project's texts, read back from the built .docx
cell by cell in table order (a long cell's rest from the rows it continues in), are the plan's,
whole and once (``benchmarks/text.py``, which also reads them back through LibreOffice)."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from edge import write_edge
from text import check_docx, documents

from tambondoc.build.plan import build_plan


def test_every_project_text_is_printed_whole_and_once(tmp_path: Path) -> None:
    plan = write_edge(tmp_path / "plan.yaml", projects=36, years=3, seed=11)
    built = build_plan(plan, tmp_path / "out")
    docs = documents(plan, built.outdir)
    assert [d.docx.stem for d in docs] == ["plan-book", "coordination-tm-nongbua", "coordination-abt-nongbua"]
    with zipfile.ZipFile(built.outdir / "coordination-abt-nongbua.docx") as z:
        assert "(ต่อ) </w:t>" in z.read("word/document.xml").decode("utf-8")  # a long cell continued below its row
    findings = [f for doc in docs for f in check_docx(doc)]
    assert findings == []
    assert sum(len(d.projects) for d in docs) > 36
