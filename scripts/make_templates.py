"""Rebuild the default .docx templates by running each scripts/make_*.py builder's ``build()``.

Builders are found by name, so a new document only needs its own make_<name>.py. Give names
(``python scripts/make_templates.py plan_book``) to rebuild only those.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def builders(names: list[str] | None = None) -> list[Path]:
    found = sorted(p for p in HERE.glob("make_*.py") if p.name != Path(__file__).name)
    if names:
        found = [p for p in found if p.stem.removeprefix("make_") in names]
    return found


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(HERE))
    scripts = builders(argv)
    if argv and len(scripts) != len(set(argv)):
        known = ", ".join(p.stem.removeprefix("make_") for p in builders())
        print(f"unknown builder in {argv}; known: {known}", file=sys.stderr)
        return 2
    for script in scripts:
        spec = importlib.util.spec_from_file_location(script.stem, script)
        module = importlib.util.module_from_spec(spec)
        sys.modules[script.stem] = module
        spec.loader.exec_module(module)
        print(f"{script.name}: {module.build()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
