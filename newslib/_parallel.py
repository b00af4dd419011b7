"""Run a per-article function over two (or more) processes when a corpus is large.

Why processes: the stages are pure Python (regular expressions and loops), so threads would
share one core. Why a threshold: starting a process costs about a tenth of a second, more
than two articles take to process, so small corpora stay in this process.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")

#: Corpora with fewer characters than this are processed in the calling process.
PARALLEL_MIN_CHARS = 1_500_000


def n_jobs(total_chars: int, jobs: int | None = None) -> int:
    """How many processes to use for ``total_chars`` of text (``NEWSLIB_JOBS`` overrides)."""
    if jobs is None:
        env = os.environ.get("NEWSLIB_JOBS", "")
        jobs = int(env) if env.isdigit() and int(env) > 0 else min(2, os.cpu_count() or 1)
    return 1 if total_chars < PARALLEL_MIN_CHARS else max(1, jobs)


def chunks(items: Sequence[T], n: int) -> list[list[T]]:
    """``n`` contiguous chunks of about equal size (order kept).

    >>> chunks([1, 2, 3, 4, 5], 2)
    [[1, 2, 3], [4, 5]]
    """
    k, r = divmod(len(items), n)
    out, i = [], 0
    for j in range(n):
        size = k + (1 if j < r else 0)
        out.append(list(items[i:i + size]))
        i += size
    return [c for c in out if c]


_POOL: ProcessPoolExecutor | None = None
_POOL_JOBS = 0


def _pool(jobs: int) -> ProcessPoolExecutor:
    """One pool of worker processes, started on first use and kept for the later stages.

    Why kept: starting (forking) two workers costs about a tenth of a second, paid once
    instead of once per stage (load, sentences, tokens, quotes). The workers hold no state
    between calls: every call sends its own articles.
    """
    global _POOL, _POOL_JOBS
    if _POOL is None or _POOL_JOBS != jobs:
        if _POOL is not None:
            _POOL.shutdown(wait=False, cancel_futures=True)
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
        _POOL, _POOL_JOBS = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx), jobs
    return _POOL


def shutdown() -> None:
    """Stop the worker processes (they are started again when needed)."""
    global _POOL
    if _POOL is not None:
        _POOL.shutdown(wait=True)
        _POOL = None


def map_chunks(func: Callable[..., Any], parts: list[Any], *, jobs: int) -> list[Any]:
    """``[func(p) for p in parts]``, in ``jobs`` processes when ``jobs > 1``."""
    global _POOL
    if jobs <= 1 or len(parts) <= 1:
        return [func(p) for p in parts]
    try:
        return list(_pool(jobs).map(func, parts))
    except BrokenProcessPool:
        # a worker died (killed, out of memory): start a fresh pool once and retry
        _POOL = None
        return list(_pool(jobs).map(func, parts))
