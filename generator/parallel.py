"""Spread independent, pure work over the machine's cores, and keep the interpreter's overhead out of it.

Workers are forked, so they start with everything the parent has loaded (templates, vocabularies, the
incidents to render) and only their results travel back. Small jobs stay in this process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Job = TypeVar("Job")
Result = TypeVar("Result")

SMALL_JOB = 400
"""Below this many items (incident files, incidents), starting workers costs more than it saves."""


def workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def chunks(items: Sequence[Item], per_worker: int = 4) -> list[list[Item]]:
    """`items` in a few pieces per worker: small enough that no worker waits long for another."""
    size = max(-(-len(items) // (workers() * per_worker)), 1)
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


def run_jobs(
    function: Callable[[Job], Result], jobs: Sequence[Job], *, parallel: bool = True, meanwhile: Callable[[], object] | None = None
) -> list[Result]:
    """function(job) for every job, results in the jobs' order; on forked workers, each taking the next
    job as it finishes one, unless `parallel` is False or the machine has one core. `function` must be
    module-level and the jobs small (anything large, give it through a module global set before the
    call: forked workers inherit it for free). meanwhile(), if given, runs in this process while the
    workers are busy."""
    if not parallel or workers() < 2 or len(jobs) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        results = [function(job) for job in jobs]
        if meanwhile:
            meanwhile()
        return results
    with ProcessPoolExecutor(max_workers=workers(), mp_context=multiprocessing.get_context("fork")) as pool:
        results_in_order = pool.map(function, jobs)
        if meanwhile:
            meanwhile()
        return list(results_in_order)


@contextmanager
def garbage_collector_paused() -> Iterator[None]:
    """Run a batch job without Python's cycle collector (forked workers inherit the pause).

    A build makes millions of objects that live until it ends (parsed YAML, incidents, pages) and almost
    no reference cycles, so each collector pass walks them all and frees nothing: on the full set it
    cost 2 of 17 seconds, and peak memory measured the same without it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
