"""A .docx template prepared once per process, and the package writer that reuses it.

Rendering a document reads and writes only a few parts of its template's package: the body, the
headers and footers, the core properties, and whatever pictures and relationships the render adds.
Everything else (styles, numbering, settings, theme, fonts) was parsed, re-serialised and
compressed again for every document, about 40 % of a typical plan's .docx time. So:

- ``prepare`` reads the template once: the body's XML (the source docxtpl renders), the
  number of sections, the style index (a ``DocumentFinisher`` copied per document), and a *slim*
  copy of the package whose body is empty and whose parsed-but-never-read parts (``STUBBED``:
  styles, numbering, settings, comments) hold only their root element. python-docx opens the
  slim copy in a fraction of the time and replaces its empty body for nothing.
- ``write_package`` writes a rendered package: every part the render did not change goes in as
  the template's own compressed bytes (its zip entry copied, not recompressed); only the rest is
  serialised and compressed, exactly as python-docx's writer does it.
"""

from __future__ import annotations

import copy
import io
import struct
import time
import zipfile
from dataclasses import dataclass
from typing import IO, Any

from lxml import etree

from tambondoc.docx.ooxml import W
from tambondoc.package import ZIP_LEVEL

# parts python-docx parses on opening and nothing in rendering reads or changes
STUBBED = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
}
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CONTENT_TYPES = "[Content_Types].xml"
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # a zip entry's local file header


@dataclass(frozen=True)
class Entry:
    """A zip entry of the template as stored: its info and its compressed bytes."""

    info: zipfile.ZipInfo
    raw: bytes


@dataclass
class Prepared:
    """What every render of one template shares (see the module's docstring)."""

    slim: bytes
    body_xml: str
    sections: int
    finisher: Any  # a DocumentFinisher of the template, copied for each document
    entries: dict[str, Entry]  # by member name, the template's zip entries
    stubs: dict[str, bytes]  # by member name, what a stubbed part serialises to while unchanged
    blobs: dict[str, bytes]  # by member name, the template's unparsed parts as python-docx holds them


def _raw_entries(data: bytes) -> dict[str, Entry]:
    """Every entry of the zip ``data`` with its compressed bytes, read past its local header."""
    entries = {}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for info in z.infolist():
            fields = _LOCAL_HEADER.unpack_from(data, info.header_offset)
            start = info.header_offset + _LOCAL_HEADER.size + fields[9] + fields[10]
            entries[info.filename] = Entry(info, data[start:start + info.compress_size])
    return entries


def _content_types(data: bytes) -> dict[str, str]:
    """Content type of each member of the package ``data`` (overrides, then defaults)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read(CONTENT_TYPES))
        names = z.namelist()
    ns = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    defaults = {el.get("Extension").lower(): el.get("ContentType") for el in root.iter(ns + "Default")}
    overrides = {el.get("PartName").lstrip("/").lower(): el.get("ContentType") for el in root.iter(ns + "Override")}
    return {name: overrides.get(name.lower()) or defaults.get(name.rpartition(".")[2].lower(), "") for name in names}


def _stub(xml: bytes) -> bytes:
    """The part's root element alone (its namespace declarations kept)."""
    root = etree.fromstring(xml)
    empty = etree.Element(root.tag, nsmap=root.nsmap)
    for name, value in root.attrib.items():
        empty.set(name, value)
    return bytes(etree.tostring(empty, encoding="UTF-8", standalone=True))


def _slim_document(xml: bytes) -> bytes:
    """The main document with an empty body. The body's largest plain ``id`` is kept on the
    body element, so python-docx numbers new pictures as it would in the full document."""
    root = etree.fromstring(xml)
    body = root.find(W + "body")
    if body is not None:
        ids = [int(v) for v in root.xpath("//@id") if str(v).isdigit()]
        for child in list(body):
            body.remove(child)
        body.text = None
        if ids:
            body.set("id", str(max(ids)))
    return bytes(etree.tostring(root, encoding="UTF-8", standalone=True))


def prepare(data: bytes, finisher_for: Any) -> Prepared:
    """Read the template package ``data`` once; ``finisher_for(doc)`` makes its finisher."""
    from docx import Document
    from docx.opc.part import XmlPart

    doc = Document(io.BytesIO(data))
    body = doc.element.body
    body_xml = etree.tostring(body, encoding="unicode", pretty_print=False)  # as docxtpl's get_xml
    types = _content_types(data)
    entries = _raw_entries(data)
    stubs: dict[str, bytes] = {}
    replaced: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name, kind in types.items():
            if kind in STUBBED and _reusable(entries.get(name)):
                replaced[name] = _stub(z.read(name))
            elif kind == MAIN:
                replaced[name] = _slim_document(z.read(name))
    blobs = {part.partname.membername: part.blob for part in doc.part.package.iter_parts()
             if not isinstance(part, XmlPart)}
    slim = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(slim, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info.filename, replaced.get(info.filename) or src.read(info.filename))
    slim_doc = Document(io.BytesIO(slim.getvalue()))
    for part in slim_doc.part.package.iter_parts():
        if part.partname.membername in replaced and types.get(part.partname.membername) in STUBBED:
            stubs[part.partname.membername] = part.blob
    return Prepared(slim.getvalue(), body_xml, len(doc.sections), finisher_for(doc), entries, stubs, blobs)


def finisher_copy(prepared: Prepared, numerals: str | None, first_id: int) -> Any:
    """A finisher for one document: the template's, with its own per-document state."""
    finisher = copy.copy(prepared.finisher)
    finisher.numerals = numerals
    finisher.last_id = first_id
    finisher.pages = list(prepared.finisher.pages)
    finisher.section = 0
    return finisher


class ChangedStub(RuntimeError):
    """Rendering changed a part it was assumed never to touch (a bug, never a user's error)."""


def _copy_raw(zf: zipfile.ZipFile, name: str, entry: Entry) -> None:
    """Put ``entry`` into ``zf`` as ``name`` without decompressing it (zipfile has no public way)."""
    info = zipfile.ZipInfo(name, date_time=time.localtime(time.time())[:6])
    info.compress_type = entry.info.compress_type
    info.external_attr = 0o600 << 16  # as ZipFile.writestr gives every other entry
    info.CRC, info.compress_size, info.file_size = entry.info.CRC, entry.info.compress_size, entry.info.file_size
    with zf._lock:  # type: ignore[attr-defined]  # the steps of ZipFile._open_to_write
        zf.fp.seek(zf.start_dir)  # type: ignore[union-attr]
        info.header_offset = zf.fp.tell()  # type: ignore[union-attr]
        zf._writecheck(info)  # type: ignore[attr-defined]
        zf._didModify = True  # type: ignore[attr-defined]
        zf.fp.write(info.FileHeader(False))  # type: ignore[union-attr]
        zf.fp.write(entry.raw)  # type: ignore[union-attr]
        zf.start_dir = zf.fp.tell()  # type: ignore[union-attr]
        zf.filelist.append(info)
        zf.NameToInfo[name] = info


def _reusable(entry: Entry | None) -> bool:
    return (entry is not None and entry.info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
            and not entry.info.flag_bits & 0x1 and entry.info.file_size < 0x7FFFFFFF)


def write_package(package: Any, prepared: Prepared, out: IO[bytes]) -> None:
    """Save python-docx's ``package`` as its ``PackageWriter`` would, in the same order, with
    every part the render left unchanged copied from the template as it is stored."""
    from docx.opc.packuri import PACKAGE_URI
    from docx.opc.pkgwriter import _ContentTypesItem

    parts = list(package.iter_parts())
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=ZIP_LEVEL) as zf:
        zf.writestr(CONTENT_TYPES, _ContentTypesItem.from_parts(parts).blob)
        zf.writestr(PACKAGE_URI.rels_uri.membername, package.rels.xml)
        for part in parts:
            name = part.partname.membername
            entry = prepared.entries.get(name)
            if name in prepared.stubs:
                if part.blob != prepared.stubs[name]:
                    raise ChangedStub(f"{name} changed while rendering")
                _copy_raw(zf, name, entry)  # type: ignore[arg-type]  # stubbed only when reusable
            elif (streamed := getattr(part, "streamed", None)) is not None:  # the body, piece by piece
                with zf.open(name, "w") as out_entry:
                    for piece in streamed():
                        out_entry.write(piece)
            else:
                blob = part.blob
                original = prepared.blobs.get(name)
                if original is not None and _reusable(entry) and (blob is original or blob == original):
                    _copy_raw(zf, name, entry)  # type: ignore[arg-type]
                else:
                    zf.writestr(name, blob)
            if len(part.rels):
                zf.writestr(part.partname.rels_uri.membername, part.rels.xml)

