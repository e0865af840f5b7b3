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
from functools import lru_cache, partial
from itertools import pairwise
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
def offsets() -> Callable[[str], list[int] | None] | None:
    """A function giving where ICU may break a line of a text: its offsets, 0 first and the
    text's length last; None for a text beyond the BMP (ICU counts UTF-16 units, which are then
    no str offsets: ``segmenter`` handles it). None without a usable ICU. It holds one ICU
    iterator: a build process measures in one thread (``-j`` runs processes)."""
    units = _offsets_in_units()
    if units is None or segmenter() is None:
        return None

    def breaks(text: str) -> list[int] | None:
        at, _ = units(text)
        return at if at and at[-1] == len(text) else None

    return breaks


@lru_cache(maxsize=1)
def segmenter() -> Callable[[str], list[str]] | None:
    """A function cutting a text into ICU's line-break segments (each ends where a line may
    break, its trailing spaces included), or None without a usable ICU (or one that knows no
    Thai words)."""
    units = _offsets_in_units()
    if units is None:
        return None

    def segments(text: str) -> list[str]:
        at, data = units(text)
        if not at:  # pragma: no cover - ICU refuses only absurd input
            return [text]
        if at[-1] == len(text):  # offsets are UTF-16 units: the same as str indices without emoji
            return [text[start:end] for start, end in pairwise(at)]
        return [data[start * 2:end * 2].decode("utf-16-le") for start, end in pairwise(at)]

    return segments if breaks_thai(segments) else None


@lru_cache(maxsize=1)
def _offsets_in_units() -> Callable[[str], tuple[list[int], bytes]] | None:
    """ICU's line-break offsets of a text in UTF-16 units, with the text's UTF-16 bytes; an empty
    list when ICU refuses the text."""
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
    set_text, first = fn["ubrk_setText"], fn["ubrk_first"]
    following = partial(fn["ubrk_next"], iterator)  # called from C by list.extend: 13 % less per break
    status_ref = ctypes.byref(status)

    def units(text: str) -> tuple[list[int], bytes]:
        data = text.encode("utf-16-le")  # ICU reads these bytes, uncopied, while we iterate
        status.value = 0
        set_text(iterator, data, len(data) // 2, status_ref)
        if status.value > 0:  # pragma: no cover - ICU refuses only absurd input
            return [], data
        at = [first(iterator)]
        at.extend(iter(following, -1))
        return at, data

    return units


def breaks_thai(segments: Callable[[str], list[str]]) -> bool:
    """Whether ``segments`` knows Thai words: an ICU built with minimal data (no Thai dictionary,
    as some container images ship) keeps a Thai phrase whole, and pythainlp's words do better."""
    return len(segments("ภาษาไทยง่ายนิดเดียว")) >= 3  # ภาษา|ไทย|ง่าย|นิด|เดียว
