"""Convert rendered documents to PDF with LibreOffice, when it is installed.

LibreOffice's plain ``--convert-to pdf`` prints a Word table of contents as it was saved: it
does not refresh indexes. So conversion runs a small LibreOffice Basic macro, installed into
a throw-away user profile, that opens each document, updates every index (the สารบัญ gets
the real page numbers) and exports the PDF. Word's ``thaiNumbers`` page numbering is not
imported by LibreOffice; when a document asks for it, the macro numbers pages in native
(Thai) digits and writes the contents' page numbers in Thai digits too. If the macro cannot
run, the plain conversion is used and the contents keep the headings pre-filled at render.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from tambondoc.build.pdf_docx import justified_copy, write_contents_numbers
from tambondoc.errors import PlanError
from tambondoc.files import inside, write_atomic

INSTALL_HINT = (
    "ไม่พบโปรแกรม LibreOffice (soffice) จึงสร้าง PDF ไม่ได้ "
    "ติดตั้งด้วย: sudo apt-get install libreoffice-writer-nogui fonts-thai-tlwg "
    "(Windows/macOS: ติดตั้ง LibreOffice แล้วเพิ่มโฟลเดอร์ program ใน PATH)"
)

MACRO = """\
Sub ExportAll
  Dim n As Integer, i As Integer
  On Error Goto Done
  n = CInt(Environ("TAMBONDOC_PDF_COUNT"))
  For i = 1 To n
    ExportOne(Environ("TAMBONDOC_PDF_SRC_" & i), Environ("TAMBONDOC_PDF_DST_" & i), Environ("TAMBONDOC_PDF_THAI_" & i) = "1", Environ("TAMBONDOC_PDF_TOC_" & i))
  Next i
Done:
  StarDesktop.terminate()
End Sub

Sub ExportOne(src As String, dst As String, thai As Boolean, toc As String)
  Dim doc As Object, indexes As Object, styles As Object, k As Integer, pass As Integer, filter As String
  Dim args(0) As New com.sun.star.beans.PropertyValue
  Dim out(0) As New com.sun.star.beans.PropertyValue
  On Error Goto Failed
  args(0).Name = "Hidden"
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(src, "_blank", 0, args())
  filter = "calc_pdf_Export"
  If doc.supportsService("com.sun.star.text.TextDocument") Then
    filter = "writer_pdf_Export"
    If thai Then
      styles = doc.getStyleFamilies().getByName("PageStyles")
      For k = 0 To styles.getCount() - 1
        If styles.getByIndex(k).NumberingType = 4 Then styles.getByIndex(k).NumberingType = 12
      Next k
    End If
    indexes = doc.getDocumentIndexes()
    For pass = 1 To 2
      For k = 0 To indexes.getCount() - 1
        indexes.getByIndex(k).update()
      Next k
    Next pass
    If indexes.getCount() > 0 Then WriteNumbers(indexes.getByIndex(0), toc)
    If thai Then
      For k = 0 To indexes.getCount() - 1
        ThaiPageNumbers(indexes.getByIndex(k))
      Next k
    End If
  End If
  out(0).Name = "FilterName"
  out(0).Value = filter
  doc.storeToURL(dst, out())
  doc.close(True)
  Exit Sub
Failed:
  If Not IsNull(doc) Then doc.close(True)
End Sub

Function LastTab(s As String) As Long
  Rem where the entry's last tab is (0: none): its page number follows it
  Dim i As Long
  LastTab = 0
  For i = Len(s) To 1 Step -1
    If Mid(s, i, 1) = Chr(9) Then
      LastTab = i
      Exit Function
    End If
  Next i
End Function

Function PageLabel(s As String) As String
  Rem the text after the entry's last tab, as code points ("49 50" for "12", "3585" for a Thai letter)
  Dim t As Long, i As Long, acc As String
  acc = ""
  t = LastTab(s)
  If t > 0 Then
    For i = t + 1 To Len(s)
      acc = acc & Asc(Mid(s, i, 1)) & " "
    Next i
  End If
  PageLabel = Trim(acc)
End Function

Sub WriteNumbers(index As Object, path As String)
  Dim f As Integer, paras As Object, label As String
  f = FreeFile
  Open path For Output As #f
  paras = index.getAnchor().createEnumeration()
  Do While paras.hasMoreElements()
    label = PageLabel(paras.nextElement().getString())
    If label <> "" Then Print #f, label
  Loop
  Close #f
End Sub

Sub ThaiPageNumbers(index As Object)
  Dim paras As Object, para As Object, cur As Object, s As String, num As String, t As Long, i As Long
  index.IsProtected = False
  paras = index.getAnchor().createEnumeration()
  Do While paras.hasMoreElements()
    para = paras.nextElement()
    s = para.getString()
    t = LastTab(s)
    If t > 0 Then
      num = Mid(s, t + 1)
      If Len(num) > 0 And IsNumeric(num) Then
        cur = para.getText().createTextCursorByRange(para.getEnd())
        cur.goLeft(Len(num), True)
        s = ""
        For i = 1 To Len(num)
          s = s & Chr(&H0E50 + Asc(Mid(num, i, 1)) - 48)
        Next i
        cur.setString(s)
      End If
    End If
  Loop
  index.IsProtected = True
End Sub
"""

_XML = '<?xml version="1.0" encoding="UTF-8"?>\n'
_LIBRARIES = (_XML + '<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" '
              '"libraries.dtd">\n<library:libraries xmlns:library="http://openoffice.org/2000/library" '
              'xmlns:xlink="http://www.w3.org/1999/xlink">\n <library:library library:name="Tambondoc" '
              'xlink:href="$(USER)/basic/Tambondoc/script.xlb/" xlink:type="simple" library:link="false"/>\n'
              '</library:libraries>\n')
_LIBRARY = (_XML + '<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" '
            '"library.dtd">\n<library:library xmlns:library="http://openoffice.org/2000/library" '
            'library:name="Tambondoc" library:readonly="false" library:passwordprotected="false">\n'
            ' <library:element library:name="Pdf"/>\n</library:library>\n')
_MODULE = (_XML + '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" '
           '"module.dtd">\n<script:module xmlns:script="http://openoffice.org/2000/script" '
           'script:name="Pdf" script:language="StarBasic">{}</script:module>\n')


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def wants_thai_page_numbers(document: Path) -> bool:
    """True when a .docx numbers its pages with Thai digits (``w:fmt="thaiNumbers"``)."""
    if document.suffix.lower() != ".docx":
        return False
    try:
        with zipfile.ZipFile(document) as z:
            return b'w:fmt="thaiNumbers"' in z.read("word/document.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


def _install_macro(exe: str, profile: Path, timeout: int) -> None:
    """Create the user profile (LibreOffice skips macros on a profile's very first start),
    then add the Tambondoc Basic library to it."""
    _run([exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--terminate_after_init"], timeout)
    basic = profile / "user" / "basic"
    (basic / "Tambondoc").mkdir(parents=True, exist_ok=True)
    (basic / "script.xlc").write_text(_LIBRARIES, encoding="utf-8")
    (basic / "Tambondoc" / "script.xlb").write_text(_LIBRARY, encoding="utf-8")
    (basic / "Tambondoc" / "Pdf.xba").write_text(_MODULE.format(escape(MACRO)), encoding="utf-8")


def _run(cmd: list[str], timeout: int, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired as e:
        raise PlanError(f"LibreOffice แปลงเป็น PDF ไม่เสร็จภายใน {timeout} วินาที") from e


def convert_to_pdf(files: list[Path], outdir: Path, timeout: int = 300) -> list[Path]:
    """Convert ``files`` into ``outdir`` with up-to-date contents; each PDF appears atomically or not at all."""
    exe = soffice()
    if exe is None:
        raise PlanError(INSTALL_HINT)
    if not files:
        return []
    with tempfile.TemporaryDirectory(prefix="tambondoc-pdf-") as tmp:
        profile = Path(tmp, "profile")
        produced = {f: Path(tmp, f.with_suffix(".pdf").name) for f in files}
        sources, numbers = _sources(files, Path(tmp)), {f: Path(tmp, f"toc-{i}.txt") for i, f in enumerate(files, 1)}
        thai = {f: wants_thai_page_numbers(f) for f in files}
        env = dict(os.environ, TAMBONDOC_PDF_COUNT=str(len(files)))
        for i, f in enumerate(files, 1):
            env[f"TAMBONDOC_PDF_SRC_{i}"] = sources[f].resolve().as_uri()
            env[f"TAMBONDOC_PDF_DST_{i}"] = produced[f].as_uri()
            env[f"TAMBONDOC_PDF_THAI_{i}"] = "1" if thai[f] else "0"
            env[f"TAMBONDOC_PDF_TOC_{i}"] = str(numbers[f])
        try:
            _install_macro(exe, profile, timeout)
            _run([exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
                  "macro:///Tambondoc.Pdf.ExportAll"], timeout, env)
        except OSError:
            pass  # the plain conversion below still runs
        missing = [f for f in files if not produced[f].is_file()]
        stderr = ""
        if missing:
            proc = _run([exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                         "--outdir", tmp, *(str(sources[f]) for f in missing)], timeout)
            stderr = proc.stderr.strip()[-300:]
        written = []
        for f in files:
            if not produced[f].is_file():
                raise PlanError(f"LibreOffice แปลง {f.name} เป็น PDF ไม่ได้: {stderr}")
            target = inside(outdir, produced[f].name)
            write_atomic(target, produced[f].read_bytes())
            written.append(target)
            if numbers[f].is_file() and f.suffix.lower() == ".docx":
                labels = _labels(numbers[f])
                if labels:
                    write_contents_numbers(f, labels, thai[f])
    return written


def _labels(path: Path) -> list[str]:
    """The page labels the macro wrote, a line of code points each."""
    try:
        labels = ["".join(chr(int(n)) for n in line.split())
                  for line in path.read_text(encoding="ascii").splitlines() if line.strip()]
    except (ValueError, UnicodeDecodeError, OverflowError):
        return []
    return labels if all(label.isprintable() for label in labels) else []


def _sources(files: list[Path], tmp: Path) -> dict[Path, Path]:
    """What LibreOffice converts: a justified copy of each .docx (same name, so the PDF is named
    after it), other files as they are."""
    folder = tmp / "src"
    folder.mkdir()
    out = {}
    for i, f in enumerate(files):
        if f.suffix.lower() == ".docx":
            out[f] = folder / str(i) / f.name
            out[f].parent.mkdir()
            justified_copy(f, out[f])
        else:
            out[f] = f
    return out


JOIN_HINT = ("ไม่พบโปรแกรม pdfunite จึงรวม PDF เป็นไฟล์เดียวไม่ได้ ติดตั้งด้วย: sudo apt-get install poppler-utils "
             "(Windows/macOS: ติดตั้ง poppler แล้วเพิ่มโฟลเดอร์ bin ใน PATH)")


def join_pdfs(parts: list[Path], target: Path, timeout: int = 120) -> Path:
    """One PDF of ``parts`` in order (poppler's pdfunite), written atomically."""
    exe = shutil.which("pdfunite")
    if exe is None:
        raise PlanError(JOIN_HINT)
    with tempfile.TemporaryDirectory(prefix="tambondoc-join-") as tmp:
        joined = Path(tmp, target.name)
        if len(parts) == 1:
            shutil.copyfile(parts[0], joined)
        else:
            proc = _run([exe, *map(str, parts), str(joined)], timeout)
            if proc.returncode != 0 or not joined.is_file():
                raise PlanError(f"รวม PDF เป็น {target.name} ไม่ได้: {proc.stderr.strip()[-300:]}")
        write_atomic(target, joined.read_bytes())
    return target
