"""Build many plans at once: discover, skip the unchanged, run the rest in parallel.

One bad plan never stops the others: each worker returns an Outcome instead of raising.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tambondoc.errors import PlanError, Problem

if TYPE_CHECKING:
    from tambondoc.build.plan import Extra


class Status(enum.Enum):
    BUILT = "built"
    UNCHANGED = "unchanged"
    FAILED = "failed"


@dataclass
class Outcome:
    """How one plan's build ended: built, unchanged or failed."""

    plan: Path
    status: Status
    message: str = ""
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def build_one(plan: Path, out_root: Path, templates: Path | None, pdf: bool, force: bool,
              extra: Extra | None = None) -> Outcome:
    """Build one plan (or skip it when unchanged); never raises for a user error."""
    from tambondoc.build.incremental import is_current
    from tambondoc.build.plan import build_plan, output_dir, prepare_outdir
    from tambondoc.docx.jobs import template_inputs

    try:
        outdir = output_dir(plan, out_root)
        prepare_outdir(outdir)
        inputs = template_inputs(plan, templates) + (extra.inputs(templates) if extra is not None else [])
        if not force and is_current(plan, outdir, pdf, inputs):
            return Outcome(plan, Status.UNCHANGED)
        result = build_plan(plan, out_root, templates, pdf, extra)
    except PlanError as e:
        message = str(e).removeprefix(f"{plan}: ") if not e.problems else "แผนไม่ผ่านการตรวจสอบ"
        return Outcome(plan, Status.FAILED, message, problems=e.problems)
    except OSError as e:
        where = f"{e.filename}: " if e.filename else ""
        return Outcome(plan, Status.FAILED, f"{where}อ่านหรือเขียนไฟล์ไม่ได้: {e.strerror or e}")
    except Exception as e:  # a bug must not take the other plans down; report it as one
        return Outcome(plan, Status.FAILED, f"ข้อผิดพลาดภายในโปรแกรม: {type(e).__name__}: {e}")
    notes = result.notes + [f"ลบไฟล์ที่การสร้างครั้งนี้ไม่ได้สร้างแล้ว: {p.name}" for p in result.removed]
    return Outcome(plan, Status.BUILT, written=result.written, warnings=result.warnings, notes=notes)


def _same_outputs(plans: list[Path], out_root: Path) -> dict[Path, str]:
    """Plans whose output folder would be another plan's: the same name once cleaned, or names
    that differ only in case or Unicode form (one folder on Windows and macOS). Every plan of
    such a group is refused, so no build depends on the order the plans were given in."""
    from tambondoc.build.plan import output_dir
    from tambondoc.files import name_key

    groups: dict[str, list[Path]] = {}
    clashes: dict[Path, str] = {}
    for plan in plans:
        try:
            groups.setdefault(name_key(output_dir(plan, out_root).name), []).append(plan)
        except PlanError as e:
            clashes[plan] = str(e)
    for group in groups.values():
        for plan in group if len(group) > 1 else ():
            others = ", ".join(str(p) for p in group if p != plan)
            clashes[plan] = (f"ผลลัพธ์จะอยู่ในโฟลเดอร์ {output_dir(plan, out_root)} เดียวกับ {others} "
                             "(ชื่อไฟล์ซ้ำกัน) จึงไม่สร้าง ให้เปลี่ยนชื่อไฟล์แผนให้ต่างกัน")
    return clashes


LOST = ("กระบวนการที่สร้างแผนนี้หยุดกลางคัน (อาจถูกระบบปิดเพราะหน่วยความจำไม่พอ) "
        "ให้สร้างแผนนี้ใหม่ด้วย -j 1 หรือปิดโปรแกรมอื่นก่อน")


def _isolated(plan: Path, *args: Any) -> Outcome:
    """Build one plan in a process of its own: if that process dies, only this plan is lost."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(max_workers=1) as pool:
        try:
            return pool.submit(build_one, plan, *args).result()
        except BrokenProcessPool:
            return Outcome(plan, Status.FAILED, LOST)


_STOPPED: list[bool] = []  # in a worker: Ctrl-C was pressed, start no other plan
_BUSY: list[bool] = []  # in a worker: a plan is being built


def _stop(signum: int, frame: Any) -> None:
    """Ctrl-C in a worker: the plan being built ends (nothing half-written: write_atomic); an idle
    worker only notes it (an interrupted wait for work printed multiprocessing's traceback). Only
    the first one interrupts: a second (the terminal's and the parent's, see _interrupt_workers)
    must not cut short the cleanup the first started."""
    first = not _STOPPED
    _STOPPED.append(True)
    if _BUSY and first:
        raise KeyboardInterrupt


def _worker_started() -> None:
    """A worker that got Ctrl-C refuses the plans queued to it instead of building them after the
    user said stop."""
    import signal

    signal.signal(signal.SIGINT, _stop)


def _interrupt_workers(pool: Any) -> None:
    """Pass a Ctrl-C the build got on to its workers. At a terminal every process of the build
    gets it at once; a SIGINT sent to the build alone (kill -INT, a CI job's cancel, an editor's
    stop button) reached no worker, and each went on to build the plans already queued to it,
    as many as the time the interrupted parent took to cancel the rest allowed. Windows' console
    sends Ctrl-C to every process itself, and os.kill there would terminate the worker."""
    if os.name != "posix":
        return
    import signal
    from contextlib import suppress

    for pid in list(getattr(pool, "_processes", None) or ()):  # the pool's workers by process id
        with suppress(OSError):  # it has ended already
            os.kill(pid, signal.SIGINT)


def _build_in_worker(plan: Path, *args: Any) -> Outcome:
    if _STOPPED:
        raise KeyboardInterrupt
    _BUSY.append(True)
    try:
        return build_one(plan, *args)
    finally:
        _BUSY.clear()


def build_many(plans: list[Path], out_root: Path, templates: Path | None = None, pdf: bool = False,
               force: bool = False, jobs: int | None = None, extra: Extra | None = None) -> Iterator[Outcome]:
    """Yield one Outcome per plan as each finishes (in parallel when ``jobs`` > 1); ``extra``
    documents (a district's) are built into each plan's folder too.

    A worker killed from outside (the OOM killer) breaks the whole pool: the plans it had not
    finished are built again, each in a process of its own, so only the plan that kills its
    process again is reported lost and every other plan keeps its outcome. Ctrl-C starts no
    other plan: the plans that finished meanwhile are yielded, then KeyboardInterrupt is raised.
    """
    clashes = _same_outputs(plans, out_root)
    for plan, message in clashes.items():
        yield Outcome(plan, Status.FAILED, message)
    todo = [p for p in plans if p not in clashes]
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
    if jobs == 1:
        for plan in todo:
            yield build_one(plan, out_root, templates, pdf, force, extra)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed  # multiprocessing: 10 ms to import
    from concurrent.futures.process import BrokenProcessPool

    unfinished = []
    with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_started) as pool:
        futures = {}
        yielded = set()
        try:
            for plan in todo:
                try:
                    futures[pool.submit(_build_in_worker, plan, out_root, templates, pdf, force, extra)] = plan
                except BrokenProcessPool:  # a worker already died: the rest are built one by one below
                    unfinished.append(plan)
            for future in as_completed(futures):
                yielded.add(future)
                try:
                    yield future.result()
                except BrokenProcessPool:
                    unfinished.append(futures[future])
        except KeyboardInterrupt:
            _interrupt_workers(pool)
            pool.shutdown(wait=True, cancel_futures=True)
            yield from (f.result() for f in futures if f not in yielded and f.done() and not f.cancelled()
                        and f.exception() is None)
            raise
        except GeneratorExit:  # the caller stopped (its own Ctrl-C): start nothing more
            _interrupt_workers(pool)
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    for plan in sorted(unfinished, key=todo.index):
        yield _isolated(plan, out_root, templates, pdf, force, extra)
