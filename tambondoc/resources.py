"""Find the schema and default templates, installed or in a source checkout.

The wheel carries them under ``tambondoc/_data``; an editable install or a plain checkout
reads them from the repository's top-level ``schemas/`` and ``templates/``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_path(*parts: str) -> Path:
    """Return the path of a shipped data file (``schemas/...`` or ``templates/docx/...``)."""
    packaged = Path(str(resources.files("tambondoc"))) / "_data" / Path(*parts)
    if packaged.exists():
        return packaged
    return Path(__file__).resolve().parent.parent / Path(*parts)


def schema_path() -> Path:
    return data_path("schemas", "tambon-plan.schema.json")


def default_templates_dir() -> Path:
    return data_path("templates", "docx")


def sample_plan() -> Path:
    """The shipped example plan: what ``templates check`` and ``templates docs`` render."""
    return data_path("plans", "example-tambon.yaml")
