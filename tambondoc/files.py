"""Write outputs atomically, inside the output folder only, keeping what the user set on a file.

A write goes to a temporary file beside the target, then replaces it in one rename, so no
reader ever sees half a file. A file that is replaced keeps its mode (and, for root, its
owner); a new file gets the permissions the user's umask gives. A symbolic link is replaced,
never written through, unless the caller rewrites the user's own file (``follow_link``).
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
import unicodedata
from pathlib import Path

from tambondoc.errors import PlanError

# characters Windows or Linux refuse in a file name (and control characters)
_UNSAFE = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}
NAME_MAX = 255          # bytes in one file name (ext4, XFS, Btrfs, tmpfs, APFS, NTFS in UTF-16 units)
PATH_MAX = 4096
_TEMP_EXTRA = len(".") + len(".12345678.tmp")  # what a temporary file adds to its target's name
TEMPORARY = re.compile(r"^\.(?P<name>.+)\.[A-Za-z0-9_]{8}\.tmp$")


def safe_name(name: str) -> str:
    """A file or folder name made from plan data: the same name, Thai marks and all, with only the
    characters Windows or Linux refuse replaced by '-', no leading dot (hidden, or '..') or dash,
    no trailing dot or space (Windows drops them), and no device name (CON, NUL, ...)."""
    cleaned = _UNSAFE.sub("-", name).lstrip(". -").rstrip(". ")
    if not cleaned:
        raise PlanError(f"ชื่อไฟล์ผลลัพธ์ '{name}' ใช้ไม่ได้ ให้ตั้งชื่อที่มีตัวอักษรหรือตัวเลข")
    if cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = "_" + cleaned
    return cleaned


def name_key(name: str) -> str:
    """Two names that are the same file on Windows or macOS (case, Unicode normalisation) have one key."""
    return unicodedata.normalize("NFC", name).casefold()


def check_name(folder: Path, name: str) -> Path:
    """``folder / name`` after checking that the name is a single component the file system can hold.

    Every output's name is checked before any is written, so a build never stops half way
    with 'File name too long'.
    """
    if name in ("", ".", "..") or _UNSAFE.search(name) or name != name.strip():
        raise PlanError(f"ชื่อไฟล์ผลลัพธ์ '{name}' ใช้ไม่ได้")
    size = len(name.encode("utf-8"))
    if size > NAME_MAX:
        raise PlanError(f"ชื่อไฟล์ผลลัพธ์ยาวเกินไป ({size} ไบต์ เกิน {NAME_MAX}): {name} "
                        "ให้ใช้ชื่อไฟล์แผนหรือรหัสที่สั้นลง (อักษรไทยหนึ่งตัวใช้ 3 ไบต์)")
    target = folder / name
    if len(str(target.absolute()).encode("utf-8")) + _TEMP_EXTRA >= PATH_MAX:
        raise PlanError(f"ที่อยู่ไฟล์ผลลัพธ์ยาวเกินไป: {target} ให้ใช้โฟลเดอร์ผลลัพธ์ที่สั้นลง")
    return target


def inside(folder: Path, name: str) -> Path:
    """The output ``name`` in ``folder``: one checked component, so it cannot leave the folder."""
    return check_name(folder, name)


_REASONS = {
    errno.ENOSPC: "พื้นที่ดิสก์เต็ม ให้ลบไฟล์ที่ไม่ใช้หรือเลือกที่เก็บอื่น",
    errno.EDQUOT: "เกินโควตาพื้นที่ดิสก์ ให้ลบไฟล์ที่ไม่ใช้หรือเลือกที่เก็บอื่น",
    errno.EFBIG: "ไฟล์ใหญ่เกินขนาดที่ระบบหรือดิสก์ยอมให้เขียน ให้เลือกที่เก็บอื่น",
    errno.EROFS: "ที่เก็บนี้เป็นแบบอ่านอย่างเดียว ให้เลือกที่เก็บอื่น",
    errno.EACCES: "ไม่มีสิทธิ์เขียนที่นี่ หรือไฟล์เปิดค้างอยู่ในโปรแกรมอื่น (เช่น Word หรือ Excel) "
                  "ให้ปิดไฟล์ ตรวจสิทธิ์ของโฟลเดอร์ หรือเลือกที่เก็บอื่น",
    errno.EPERM: "ไม่มีสิทธิ์เขียนที่นี่ ให้ตรวจสิทธิ์ของโฟลเดอร์หรือเลือกที่เก็บอื่น",
    errno.ENAMETOOLONG: "ชื่อไฟล์หรือที่อยู่ยาวเกินไป ให้ใช้ชื่อที่สั้นลง",
    errno.ENOENT: "ไม่พบโฟลเดอร์ที่จะเขียน หรือสร้างโฟลเดอร์ที่นั่นไม่ได้",
    errno.ENOTDIR: "มีไฟล์ชื่อเดียวกับโฟลเดอร์ที่ต้องใช้อยู่ในเส้นทาง",
    errno.EISDIR: "ที่อยู่นี้เป็นโฟลเดอร์ ไม่ใช่ไฟล์",
}


def explain(error: OSError) -> str:
    """What went wrong, in Thai with what to do where it is known, then the system's words."""
    reason = _REASONS.get(error.errno or 0, "")
    detail = error.strerror or str(error)
    return f"{reason + ' ' if reason else ''}[{detail}]"


def write_error(path: Path, error: OSError) -> PlanError:
    """A failed write as the user needs it: which file, and what to do."""
    return PlanError(f"{path}: เขียนไฟล์ไม่ได้: {explain(error)}")


def _temporary_stem(name: str) -> str:
    """The target's name, cut (at a character) so that '.name.XXXXXXXX.tmp' fits in a file name."""
    while name and len(name.encode("utf-8")) + _TEMP_EXTRA > NAME_MAX:
        name = name[:-1]
    return name


def _open_temporary(target: Path) -> tuple[int, Path]:
    stem = _temporary_stem(target.name)
    for _ in range(100):
        tmp = target.with_name(f".{stem}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target))


def _keep_attributes(tmp: Path, old: os.stat_result | None) -> None:
    """The replaced file's mode and owner on the new one; a new file keeps the mode the umask gave
    it when it was created with 0666 (as any editor would create it)."""
    if old is None:
        return
    os.chmod(tmp, stat.S_IMODE(old.st_mode))
    if hasattr(os, "geteuid") and os.geteuid() == 0 and (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
        os.chown(tmp, old.st_uid, old.st_gid)


def make_folder(folder: Path) -> None:
    """mkdir -p, where a file in the way is said as such: mkdir calls a file at the folder's own
    name 'File exists' (and one higher up 'Not a directory')."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as e:
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder)) from e


CHANGED_MEANWHILE = ("ไฟล์ถูกแก้ไขหรือบันทึกทับระหว่างที่คำสั่งทำงาน (เช่น บันทึกจากโปรแกรมแก้ไข) จึงไม่เขียนทับ "
                     "เพื่อไม่ให้สิ่งที่แก้หายไป ให้สั่งคำสั่งเดิมอีกครั้ง")


def _still(target: Path, unchanged: bytes) -> bool:
    """The file at ``target`` still holds ``unchanged``."""
    try:
        with open(target, "rb") as f:
            return f.read(len(unchanged) + 1) == unchanged
    except OSError:
        return False


def write_atomic(path: Path, data: bytes, *, follow_link: bool = False, unchanged: bytes | None = None) -> None:
    """Write ``data`` to ``path`` so no reader sees half a file; PlanError naming ``path`` on failure.

    ``follow_link`` is for rewriting the user's own file (fmt, import-xlsx, next-year -o PLAN):
    a symlinked plan is updated where it really is. Outputs never follow a link: a link at the
    output's name is replaced by the new file, and what it pointed to is left alone.
    ``unchanged``: the bytes the rewrite was made from; if the file no longer holds them (the
    user saved it from an editor meanwhile) it is left as it is, not overwritten with a rewrite
    of what it was.
    """
    target = Path(os.path.realpath(path)) if follow_link else path
    try:
        make_folder(target.parent)
        try:
            before = os.lstat(target)
        except FileNotFoundError:
            before = None
        if before is not None and stat.S_ISDIR(before.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        old = before if before is not None and stat.S_ISREG(before.st_mode) else None
        fd, tmp = _open_temporary(target)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            _keep_attributes(tmp, old)
            if unchanged is not None and not _still(target, unchanged):
                raise PlanError(f"{path}: {CHANGED_MEANWHILE}")
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError as e:
        raise write_error(path, e) from e


def copy_atomic(source: Path, target: Path) -> None:
    """Copy a file as ``write_atomic`` writes one: the copy is whole or absent."""
    try:
        data = source.read_bytes()
    except OSError as e:
        raise PlanError(f"{source}: อ่านไฟล์ไม่ได้: {e.strerror or e}") from e
    write_atomic(target, data)


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them; OSError for anything else.

    For a path a plan names: it is opened without blocking and checked on the open descriptor,
    so a FIFO can not hang the reader and a device (/dev/zero) can not fill memory.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "ไม่ใช่ไฟล์ธรรมดา", str(path))
        data = f.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"ไฟล์ใหญ่เกิน {limit:,} ไบต์", str(path))
    return data


def remove_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files a killed write left in ``folder`` ('.name.XXXXXXXX.tmp')."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if TEMPORARY.match(entry.name) and entry.is_file(follow_symlinks=False):
            try:
                os.unlink(entry.path)
            except OSError:
                continue
            removed.append(Path(entry.path))
    return removed


def repository_root(file: Path) -> Path:
    """The git repository ``file`` is in (the nearest folder above it holding .git), else its folder."""
    folder = file.resolve().parent
    for candidate in [folder, *folder.parents]:
        if (candidate / ".git").exists():
            return candidate
    return folder
