"""The same plan gives the same bytes: zip entry dates from the document's own date.

A zip entry records when it was written; python-docx and openpyxl stamp the clock time, so two
builds of one plan differ in every file. Rewriting the dates in place (in each entry's local
header and in the central directory) changes nothing else, compressed data included.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile

LOCAL, CENTRAL = b"PK\x03\x04", b"PK\x01\x02"
# deflate level of what a build compresses (document bodies, the coordination workbooks): level 1
# takes a third of zlib's default 6 for files about 30 % larger (a typical plan book 104 -> 134 KB),
# and compressing was a tenth of a build
ZIP_LEVEL = 1


def zip_time(when: dt.datetime) -> dt.datetime:
    """``when`` held to the years a zip entry can hold, 1980-2107 (a plan approved "2700" raised)."""
    return min(max(when, dt.datetime(1980, 1, 1)), dt.datetime(2107, 12, 31))


def dos_stamp(when: dt.datetime) -> bytes:
    """``when`` as a zip header's (time, date) fields (``zip_time``)."""
    when = zip_time(when)
    time = (when.hour << 11) | (when.minute << 5) | (when.second // 2)
    date = ((when.year - 1980) << 9) | (when.month << 5) | when.day
    return struct.pack("<HH", time, date)


def with_dates(data: bytes, when: dt.datetime) -> bytes:
    """The zip archive ``data`` with every entry dated ``when``."""
    stamp = dos_stamp(when)
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        infos = z.infolist()
        central = z.start_dir
    for info in infos:
        at = info.header_offset
        if out[at:at + 4] != LOCAL:
            return data
        out[at + 10:at + 14] = stamp
    at = central
    for _ in infos:
        if out[at:at + 4] != CENTRAL:
            return data
        out[at + 12:at + 16] = stamp
        name, extra, comment = struct.unpack("<HHH", out[at + 28:at + 34])
        at += 46 + name + extra + comment
    return bytes(out)
