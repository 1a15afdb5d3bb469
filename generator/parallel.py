"""Spread independent, pure work over the machine's cores.

Workers are forked, so they start with everything the parent has loaded (templates, vocabularies, the
incidents to render) and only their results travel back. Small jobs stay in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

SMALL_JOB = 400
"""Below this many items, starting workers costs more than it saves."""


def workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def map_chunks(function: Callable[[list[Item]], list[Result]], items: Sequence[Item]) -> list[Result]:
    """function(chunk) for chunks of `items`, in order, concatenated. `function` must be module-level."""
    count = workers()
    if len(items) < SMALL_JOB or count < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return function(list(items))
    size = -(-len(items) // (count * 4))
    chunks = [list(items[start : start + size]) for start in range(0, len(items), size)]
    with ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("fork")) as pool:
        return [result for results in pool.map(function, chunks) for result in results]
