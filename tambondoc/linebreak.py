"""Where a line of Thai may break, asked of ICU: the library LibreOffice breaks lines with.

Thai is written without spaces between words; ICU finds line breaks with its own dictionary.
pythainlp's dictionaries cut differently: its full one keeps compounds ICU breaks
(พบปะ|สนทนา), its short words break words ICU keeps whole (ปีงบประมาณ, which LibreOffice then
broke at the cell's edge as ปีงบประมา|ณ). The layout needs LibreOffice's and Word's breaks, so
it asks ICU itself, through ctypes: the system's library (Linux, where LibreOffice installs it;
icu.dll on Windows 10 and later; libicucore on macOS). ``segmenter()`` is None where there is
none, and ``tambondoc.measure`` falls back to pythainlp's words. ICU's dictionary changes little
between versions, but two machines with different ICU may size a column a twip apart.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable
from functools import lru_cache
from typing import Any

UBRK_LINE = 2
NAMES = ("icuuc", "icu", "icucore")  # Linux and BSD; Windows 10 (icu.dll); macOS
NEWEST = 99  # ICU suffixes its functions with its version on Linux: ubrk_open_72


def _functions(lib: Any) -> dict[str, Any] | None:
    """ubrk_open, ubrk_setText, ubrk_first, ubrk_next of ``lib``, whatever their suffix."""
    for suffix in ("", *(f"_{v}" for v in range(NEWEST, 49, -1))):
        if hasattr(lib, "ubrk_open" + suffix):
            return {name: getattr(lib, name + suffix) for name in ("ubrk_open", "ubrk_setText", "ubrk_first",
                                                                  "ubrk_next")}
    return None


def _library() -> dict[str, Any] | None:
    for name in NAMES:
        path = ctypes.util.find_library(name)
        if not path:
            continue
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        if (found := _functions(lib)) is not None:
            return found
    return None


@lru_cache(maxsize=1)
def segmenter() -> Callable[[str], list[str]] | None:
    """A function cutting a text into ICU's line-break segments (each ends where a line may
    break, its trailing spaces included), or None without a usable ICU. It holds one ICU
    iterator: a build process measures in one thread (``-j`` runs processes)."""
    try:
        fn = _library()
    except (OSError, AttributeError):  # pragma: no cover - a broken installation
        return None
    if fn is None:
        return None
    status = ctypes.c_int(0)
    fn["ubrk_open"].restype = ctypes.c_void_p
    fn["ubrk_open"].argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_int32,
                                ctypes.POINTER(ctypes.c_int)]
    fn["ubrk_setText"].argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int32, ctypes.POINTER(ctypes.c_int)]
    fn["ubrk_setText"].restype = None
    for name in ("ubrk_first", "ubrk_next"):
        fn[name].argtypes = [ctypes.c_void_p]
        fn[name].restype = ctypes.c_int32
    iterator = fn["ubrk_open"](UBRK_LINE, b"th", None, 0, ctypes.byref(status))
    if not iterator or status.value > 0:  # ICU's errors are positive, its warnings negative
        return None
    set_text, first, following = fn["ubrk_setText"], fn["ubrk_first"], fn["ubrk_next"]
    status_ref = ctypes.byref(status)

    def segments(text: str) -> list[str]:
        data = text.encode("utf-16-le")  # ICU reads these bytes, uncopied, while we iterate
        units = len(data) // 2
        status.value = 0
        set_text(iterator, data, units, status_ref)
        if status.value > 0:  # pragma: no cover - ICU refuses only absurd input
            return [text]
        bmp = units == len(text)  # offsets are UTF-16 units: the same as str indices without emoji
        out, start = [], first(iterator)
        while (end := following(iterator)) != -1:
            out.append(text[start:end] if bmp else data[start * 2:end * 2].decode("utf-16-le"))
            start = end
        return out

    return segments if breaks_thai(segments) else None


def breaks_thai(segments: Callable[[str], list[str]]) -> bool:
    """Whether ``segments`` knows Thai words: an ICU built with minimal data (no Thai dictionary,
    as some container images ship) keeps a Thai phrase whole, and pythainlp's words do better."""
    return len(segments("ภาษาไทยง่ายนิดเดียว")) >= 3  # ภาษา|ไทย|ง่าย|นิด|เดียว
