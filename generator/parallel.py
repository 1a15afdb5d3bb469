"""Spread independent, pure work over the machine's cores, and keep the interpreter's overhead out of it.

One API, `run_jobs`: every worker receives `shared` once, through the pool's initializer, and then
function(shared, job) for each job it takes; only results travel back. Under `fork` (Linux) the workers
inherit `shared` without copying it; under `spawn` (macOS, Windows, and Python's default from 3.14) it
is pickled once per worker. Small batches stay in this process.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

from generator import config

Item = TypeVar("Item")
Job = TypeVar("Job")
Shared = TypeVar("Shared")
Result = TypeVar("Result")

SMALL_JOB = 400
"""Below this many items (incident files, incidents), starting workers costs more than it saves."""


def workers() -> int:
    return config.workers()


def chunks(items: Sequence[Item], per_worker: int = 4) -> list[list[Item]]:
    """`items` in a few pieces per worker: small enough that no worker waits long for another."""
    size = max(-(-len(items) // (workers() * per_worker)), 1)
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


class _Worker:
    """What one worker process holds between jobs: the function and what every job shares. An instance
    lives in the worker only, made by the pool's initializer."""

    current: _Worker | None = None

    def __init__(self, function: Callable[[Any, Any], Any], shared: Any) -> None:
        self.function, self.shared = function, shared

    @staticmethod
    def start(function: Callable[[Any, Any], Any], shared: Any) -> None:
        gc.disable()  # as in the parent (garbage_collector_paused): a worker's objects live until it ends
        _Worker.current = _Worker(function, shared)

    @staticmethod
    def run(job: Any) -> Any:
        worker = _Worker.current
        assert worker is not None, "a job reached a process the pool did not start"
        return worker.function(worker.shared, job)


def run_jobs(
    function: Callable[[Shared, Job], Result],
    jobs: Sequence[Job],
    shared: Shared,
    *,
    parallel: bool = True,
    meanwhile: Callable[[], object] | None = None,
    start_method: str | None = None,
) -> list[Result]:
    """function(shared, job) for every job, results in the jobs' order; on worker processes, each taking
    the next job as it finishes one, unless `parallel` is False or the machine has one core.

    `function` must be module-level (spawned workers import it); `shared` and the jobs must pickle.
    meanwhile(), if given, runs in this process while the workers are busy. `start_method` defaults to
    config.start_method()."""
    if not parallel or workers() < 2 or len(jobs) < 2:
        results = [function(shared, job) for job in jobs]
        if meanwhile:
            meanwhile()
        return results
    context = multiprocessing.get_context(start_method or config.start_method())
    with ProcessPoolExecutor(max_workers=workers(), mp_context=context, initializer=_Worker.start, initargs=(function, shared)) as pool:
        results_in_order = pool.map(_Worker.run, jobs)
        if meanwhile:
            meanwhile()
        return list(results_in_order)


@contextmanager
def garbage_collector_paused() -> Iterator[None]:
    """Run a batch job without Python's cycle collector.

    A build makes millions of objects that live until it ends (parsed YAML, incidents, pages) and almost
    no reference cycles, so each collector pass walks them all and frees nothing (benchmarks/scale.py)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
