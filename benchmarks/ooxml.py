"""Validate the built .docx files against the ECMA-376 transitional schemas, as Word checks them:
Word offers to repair ("unreadable content") a document whose XML breaks the schema, while
LibreOffice and python-docx read it without a word, so only a schema check finds it.

    python benchmarks/ooxml.py --xsd DIR [PLAN_OR_FOLDER ...] [-o WORK] [--projects 200] [--all]

DIR holds ISO-IEC29500-4_2016/ (wml.xsd and its imports: ECMA-376 Part 4, transitional), mce/mc.xsd,
microsoft/wml-2010.xsd and ecma/fouth-edition/opc-*.xsd: the folder skills/docx/scripts/office/schemas
of github.com/anthropics/skills is such a set. Without plans, it builds the example, a realistic 5-year plan
(benchmarks/realistic.py), a realistic 1-year plan, benchmarks/edge.py's plan and the example
district (examples/district/). It validates word/document.xml, styles.xml, settings.xml,
numbering.xml, fontTable.xml, footnotes/endnotes, every header and footer, [Content_Types].xml and
the .rels of every .docx built and of the shipped templates (templates/docx/); and what Word refuses
that a schema cannot say: an r:id without its relationship, a relationship to a missing part, a
part without a content type, two drawings with one wp:docPr id.

Before validating, it does what Word does with markup it may ignore (ECMA-376 Part 3): the
namespaces a part lists in mc:Ignorable (w14, w15, wp14 ...) lose their elements and attributes,
and mc:AlternateContent is replaced by its mc:Fallback; what was stripped is listed with its count.
Word understands w14 itself, so a stripped w14 element is checked on its own against
microsoft/wml-2010.xsd.
Violations are printed grouped by message, with their count and up to five places each (file,
part, line; --all prints every place). Exit 1 when any, or when a plan fails to build.
"""

from __future__ import annotations

import argparse
import posixpath
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(Path(__file__).resolve().parent)]

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
PART = re.compile(r"word/(document|styles|settings|numbering|fontTable|footnotes|endnotes|header\d*|footer\d*|webSettings)\.xml"
                  r"|\[Content_Types\]\.xml|(.*/)?_rels/.*\.rels")
# wml.xsd plus what a document's drawings hold inside a:graphicData (processContents="lax" would
# otherwise skip pictures unchecked)
IMPORTS = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "ISO-IEC29500-4_2016/wml.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "ISO-IEC29500-4_2016/dml-main.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/picture": "ISO-IEC29500-4_2016/dml-picture.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing":
        "ISO-IEC29500-4_2016/dml-wordprocessingDrawing.xsd",
    # Word 2010's own extensions: Word understands them, so it checks them rather than ignoring them
    W14: "microsoft/wml-2010.xsd",
    "http://schemas.openxmlformats.org/package/2006/content-types": "ecma/fouth-edition/opc-contentTypes.xsd",
    "http://schemas.openxmlformats.org/package/2006/relationships": "ecma/fouth-edition/opc-relationships.xsd",
}
PREFIXES = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
            "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
            "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
            "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            "w14": W14}


def schema(xsd: Path) -> etree.XMLSchema:
    """One schema with every namespace a built document uses, from the transitional set in ``xsd``."""
    imports = "".join(f'<xsd:import namespace="{ns}" schemaLocation="{(xsd / name).as_uri()}"/>'
                      for ns, name in IMPORTS.items())
    wrapper = f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{imports}</xsd:schema>'
    return etree.XMLSchema(etree.fromstring(wrapper, base_url=(xsd / "all.xsd").as_uri()))


def ignore_extensions(root: etree._Element) -> list[etree._Element]:
    """Strip what Word may ignore: mc:Ignorable namespaces' elements and attributes, mc:AlternateContent
    (kept: its Fallback). Returns what went: elements, and for an attribute its element's copy."""
    ignorable = set()
    for el in root.iter():
        for prefix in (el.get(f"{{{MC}}}Ignorable") or "").split():
            if prefix in el.nsmap:
                ignorable.add(el.nsmap[prefix])
    stripped = []
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        if el.tag == f"{{{MC}}}AlternateContent":
            fallback = el.find(f"{{{MC}}}Fallback")
            parent = el.getparent()
            index = parent.index(el)
            for offset, kid in enumerate(list(fallback) if fallback is not None else []):
                parent.insert(index + offset, kid)
            parent.remove(el)
            stripped.append(el)
            continue
        if etree.QName(el).namespace in ignorable and el.getparent() is not None:
            el.getparent().remove(el)
            stripped.append(el)
            continue
        for name in list(el.attrib):
            namespace = etree.QName(name).namespace
            if namespace in ignorable or namespace == MC:
                if namespace != MC:
                    stripped.append(etree.Element(el.tag, {name: el.attrib[name]}))
                del el.attrib[name]
    return stripped


def short(message: str) -> str:
    """The message with namespaces as their usual prefixes."""
    for prefix, namespace in PREFIXES.items():
        message = message.replace(f"{{{namespace}}}", f"{prefix}:")
    return message


def violations(docx: Path, checker: etree.XMLSchema) -> tuple[list[tuple[str, int, str]], list[str]]:
    """(part, line, message) of every schema violation in ``docx``, and the names of stripped extensions.
    A stripped w14 element is checked on its own against wml-2010.xsd (where it stands is Word's
    business: the transitional schema has no place for it)."""
    found, stripped = [], []
    with zipfile.ZipFile(docx) as z:
        for part in sorted(n for n in z.namelist() if PART.fullmatch(n)):
            root = etree.fromstring(z.read(part))
            gone = ignore_extensions(root)
            stripped += [f"{part} {short(el.tag)}{''.join(' @' + short(a) for a in el.attrib)}" for el in gone]
            for el in gone:
                if etree.QName(el).namespace == W14 and not checker.validate(el):
                    found += [(part, el.sourceline or 0, short(e.message)) for e in checker.error_log]
            # reparse so that line numbers are those of the (pretty) part after stripping
            root = etree.fromstring(etree.tostring(root, pretty_print=True))
            if not checker.validate(root):
                found += [(part, e.line, short(e.message)) for e in checker.error_log]
    return found, stripped


def broken_references(docx: Path) -> list[tuple[str, int, str]]:
    """What the schema cannot see and Word also refuses: an r:id with no relationship, a relationship
    to a missing part, a part without a content type, two drawings with the same wp:docPr id."""
    found = []
    with zipfile.ZipFile(docx) as z:
        names = set(z.namelist())
        types = etree.fromstring(z.read("[Content_Types].xml"))
        defaults = {d.get("Extension", "").lower() for d in types if d.tag.endswith("Default")}
        overrides = {o.get("PartName", "").lstrip("/") for o in types if o.tag.endswith("Override")}
        for name in sorted(names - {"[Content_Types].xml"}):
            if not name.endswith("/") and name not in overrides and name.rsplit(".", 1)[-1].lower() not in defaults:
                found.append((name, 0, "part without a content type"))
        for part in sorted(n for n in names if n.endswith(".xml") and PART.fullmatch(n)):
            folder, _, base = part.rpartition("/")
            rels_name = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
            rels = etree.fromstring(z.read(rels_name)) if rels_name in names else None
            ids = {r.get("Id"): r for r in rels} if rels is not None else {}
            for rel in ids.values():
                target = posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
                if rel.get("TargetMode") != "External" and target not in names:
                    found.append((rels_name, rel.sourceline or 0, f"relationship {rel.get('Id')} to missing {target}"))
            root = etree.fromstring(z.read(part))
            for el in root.iter():
                for name, value in el.attrib.items():
                    if etree.QName(name).namespace == PREFIXES["r"] and value not in ids:
                        found.append((part, el.sourceline or 0, f"{short(name)}={value} has no relationship"))
            if part == "word/document.xml":
                seen = Counter(el.get("id") for el in root.iter(f"{{{PREFIXES['wp']}}}docPr"))
                found += [(part, 0, f"wp:docPr id {i} used {n} times") for i, n in seen.items() if n > 1]
    return found


def build(plans: list[Path], work: Path, projects: int) -> tuple[list[Path], int]:
    """Build ``plans`` (default: the example, realistic 5- and 1-year, edge, the district) into ``work``:
    the documents, and how many builds failed."""
    env_root = str(ROOT)
    if not plans:
        from edge import write_edge
        from realistic import write
        plans = [ROOT / "plans" / "example-tambon.yaml",
                 write(work / "plans" / "real5" / "real5.yaml", projects, 5, seed=3),
                 write(work / "plans" / "real1" / "real1.yaml", projects // 2, 1, seed=4),
                 write_edge(work / "plans" / "edge" / "edge.yaml"),
                 ROOT / "examples" / "district"]
    outs, failed = [], 0
    for i, plan in enumerate(plans):
        out = work / "out" / f"{i}-{plan.stem}"
        done = subprocess.run([sys.executable, "-m", "tambondoc", "build", str(plan), "-o", str(out), "-q",
                               "--force", "--max-plan-mb", "100"], capture_output=True, text=True,
                              env={"PYTHONPATH": env_root, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
        if done.returncode:
            failed += 1
            lines = (done.stdout + done.stderr).splitlines()
            print(f"build {plan} failed ({len(lines)} lines, first 3):", *lines[:3], sep="\n    ", file=sys.stderr)
        outs.append(out)
    return sorted(p for out in outs for p in out.rglob("*.docx")), failed


def templates() -> list[Path]:
    """The shipped templates: users open and edit them in Word too."""
    return sorted((ROOT / "templates" / "docx").glob("*.docx"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("plans", nargs="*", type=Path)
    parser.add_argument("--xsd", type=Path, required=True)
    parser.add_argument("-o", "--work", type=Path)
    parser.add_argument("--projects", type=int, default=200)
    parser.add_argument("--all", action="store_true", help="print every place of a violation")
    args = parser.parse_args()
    missing = [name for name in IMPORTS.values() if not (args.xsd / name).is_file()]
    if missing:
        parser.error(f"{args.xsd} lacks {', '.join(missing)}")
    checker = schema(args.xsd)
    work = args.work or Path(tempfile.mkdtemp(prefix="ooxml-"))
    built, failed = build(args.plans, work, args.projects)
    docs = built + templates()
    groups: dict[str, list[str]] = defaultdict(list)
    stripped: Counter[str] = Counter()
    for docx in docs:
        found, gone = violations(docx, checker)
        found += broken_references(docx)
        stripped.update(gone)
        for part, line, message in found:
            where = docx.relative_to(work) if docx.is_relative_to(work) else docx.relative_to(ROOT)
            groups[message].append(f"{where}:{part}:{line}")
    print(f"{len(docs)} documents in {work}; stripped as Word may ignore them (mc:Ignorable):")
    for name, count in sorted(stripped.items()):
        print(f"    {count} × {name}")
    for message, places in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"\n{len(places)} × {message}")
        for place in places if args.all else places[:5]:
            print(f"    {place}")
    total = sum(map(len, groups.values()))
    print(f"\n{total} violations of {len(groups)} kinds" + (f"; {failed} plans failed to build" if failed else ""))
    return 1 if total or failed else 0


if __name__ == "__main__":
    sys.exit(main())
