"""Build the default .docx templates from their builders in scripts/templates/: the one source
of truth for templates/docx/*.docx (the committed files are its output, byte for byte; a test
rebuilds them and compares).

    python scripts/make_templates.py            # rebuild templates/docx/
    python scripts/make_templates.py --check    # exit 1 if a committed template is not the builders' output
    python scripts/make_templates.py --out DIR  # build into DIR
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]  # the builders read the column set from the package

from templates import coordination, kbt_order, needs_plan, plan_book, socho  # noqa: E402

BUILDERS = (plan_book, kbt_order, coordination, socho, needs_plan)
COMMITTED = ROOT / "templates" / "docx"


def build_all(folder: Path) -> list[Path]:
    """Every template; a builder makes one (a path) or several (a list of paths)."""
    folder.mkdir(parents=True, exist_ok=True)
    built: list[Path] = []
    for builder in BUILDERS:
        made = builder.build(folder)
        built += made if isinstance(made, list) else [made]
    return built


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=COMMITTED)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if not args.check:
        for path in build_all(args.out):
            print(path)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        stale = [p.name for p in build_all(Path(tmp)) if p.read_bytes() != (COMMITTED / p.name).read_bytes()]
    for name in stale:
        print(f"{COMMITTED / name}: not what scripts/templates builds; run python scripts/make_templates.py")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
