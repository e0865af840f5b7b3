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
# parts of python-docx's default document that no document of ours uses, copied into every output
DEAD_PARTS = {
    # Word 2010's copy of the default styles (438 KB): a stale copy of python-docx's, not ours
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    # the default document's bibliography sources
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
    # a preview picture of python-docx's blank default document
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
}


def drop_dead_parts(path: Path) -> Path:
    """Remove ``DEAD_PARTS`` (and the parts only they refer to) from the template at ``path``, and
    so from every document made from it. Only the relationships and content types change; every
    other entry keeps its bytes."""
    import posixpath
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(path) as z:
        entries = {i.filename: z.read(i.filename) for i in z.infolist()}

    def rels_of(part: str) -> str:
        folder, name = posixpath.split(part)
        return posixpath.join(folder, "_rels", f"{name}.rels")

    dead: set[str] = set()
    for rels in [n for n in entries if n.endswith(".rels")]:
        root = etree.fromstring(entries[rels])
        source = posixpath.dirname(posixpath.dirname(rels))  # the folder the targets are relative to
        for rel in [r for r in root if r.get("Type") in DEAD_PARTS]:
            dead.add(posixpath.normpath(posixpath.join(source, rel.get("Target"))))
            root.remove(rel)
        entries[rels] = etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True)
    todo = list(dead)
    while todo:  # what only a dead part refers to is dead too (customXml's item properties)
        part = todo.pop()
        if rels_of(part) in entries:
            dead.add(rels_of(part))
            for rel in etree.fromstring(entries[rels_of(part)]):
                target = posixpath.normpath(posixpath.join(posixpath.dirname(part), rel.get("Target")))
                if target not in dead:
                    dead.add(target)
                    todo.append(target)
    types = etree.fromstring(entries["[Content_Types].xml"])
    kept = [n for n in entries if n not in dead]
    for el in list(types):
        if el.get("PartName", "").lstrip("/") in dead or (
                el.get("Extension") and not any(n.lower().endswith("." + el.get("Extension").lower()) for n in kept)):
            types.remove(el)
    entries["[Content_Types].xml"] = etree.tostring(types, encoding="UTF-8", xml_declaration=True, standalone=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name in kept:  # fixed timestamps, as templates.base.save writes them
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, entries[name])
    return path


# styles a word processor gives what an officer adds to a template: a header, a footer
KEPT_STYLES = {"Header", "Footer"}


def drop_unused_styles(path: Path) -> Path:
    """Remove from styles.xml the styles of python-docx's default document that nothing uses:
    110-120 of about 180 (its table designs, list levels we never draw), 300 KB of XML in every
    document, read by every word processor that opens it. A style stays when a part of the
    template names it, when it is a default, one of ours (customStyle: every style the builders
    add, the contents' 'toc N' included) or in KEPT_STYLES, and when a style that stays is based
    on it, links to it or is followed by it. Word keeps its own built-in styles: an officer
    editing a template still finds them."""
    import re
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        entries = {i.filename: z.read(i.filename) for i in infos}
    root = etree.fromstring(entries["word/styles.xml"])
    parts = b"".join(data for name, data in entries.items() if name.endswith(".xml") and name != "word/styles.xml")
    named = set(re.findall(rb'w:(?:pStyle|rStyle|tblStyle|numStyleLink|styleLink) w:val="([^"]+)"', parts))
    styles = {el.get(w + "styleId"): el for el in root.iter(w + "style")}
    names = {sid: (el.find(w + "name").get(w + "val") if el.find(w + "name") is not None else "")
             for sid, el in styles.items()}
    keep = {sid for sid, el in styles.items()
            if sid.encode() in named or el.get(w + "default") == "1" or el.get(w + "customStyle") == "1"
            or sid in KEPT_STYLES or re.fullmatch(r"toc \d", names[sid].lower())}
    todo = list(keep)
    while todo:  # what a kept style is based on, links to or is followed by
        el = styles[todo.pop()]
        for tag in ("basedOn", "link", "next"):
            ref = el.find(w + tag)
            target = ref.get(w + "val") if ref is not None else None
            if target in styles and target not in keep:
                keep.add(target)
                todo.append(target)
    for sid, el in styles.items():
        if sid not in keep:
            root.remove(el)
    entries["word/styles.xml"] = etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in infos:
            out.writestr(info, entries[info.filename])
    return path


def build_all(folder: Path) -> list[Path]:
    """Every template; a builder makes one (a path) or several (a list of paths)."""
    folder.mkdir(parents=True, exist_ok=True)
    built: list[Path] = []
    for builder in BUILDERS:
        made = builder.build(folder)
        built += [drop_unused_styles(drop_dead_parts(path)) for path in (made if isinstance(made, list) else [made])]
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
