"""Run a per-article function over two (or more) processes when a corpus is large.

Why processes: the stages are pure Python (regular expressions and loops), so threads would
share one core. Why a threshold: starting a process costs about a tenth of a second, more
than two articles take to process, so small corpora stay in this process.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache
from typing import Any, TypeVar

T = TypeVar("T")

#: Corpora with fewer characters than this are processed in the calling process.
PARALLEL_MIN_CHARS = 1_500_000
#: Characters per piece of work sent to a worker: small enough that no worker and no result
#: in transit holds much memory and that uneven pieces (quotes cluster in some articles) even
#: out across workers, large enough that sending costs little.
CHUNK_CHARS = 1_000_000


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


def chunks_by_chars(items: Sequence[Any], n: int) -> list[list[Any]]:
    """``n`` contiguous chunks of articles with about equal numbers of characters (order kept).

    >>> from types import SimpleNamespace as A
    >>> [len(c) for c in chunks_by_chars([A(text="x" * k) for k in (10, 10, 10, 30)], 2)]
    [3, 1]
    """
    total = sum(len(a.text) for a in items)
    out: list[list[Any]] = [[]]
    size, target = 0, total / max(1, n)
    for a in items:
        if size >= target * len(out) and out[-1] and len(out) < n:
            out.append([])
        out[-1].append(a)
        size += len(a.text)
    return [c for c in out if c]


def release_memory() -> None:
    """Hand memory freed by a large stage back to the system.

    Why: pyarrow (behind pandas' string columns) keeps freed memory in its own pool, and the
    C library keeps freed array memory in its heap; together they made a 100,000-article
    corpus hold twice the memory its tables need. Both are asked to give it back (the second
    only where the C library is glibc, which has ``malloc_trim``).
    """
    import sys

    pa = sys.modules.get("pyarrow")
    if pa is not None:
        pa.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def _malloc_trim():
    import ctypes
    import ctypes.util

    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


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


def imap_chunks(func: Callable[..., Any], parts: Iterable[Any], *, jobs: int) -> Iterator[Any]:
    """``func(p)`` for each part, in order, computed in ``jobs`` processes; at most two parts
    per process are in flight, so results are consumed as they come. A worker that dies
    (killed, out of memory) is replaced once and the unfinished parts are sent again."""
    from collections import deque

    global _POOL
    parts = list(parts)
    done = 0
    for attempt in range(2):
        pool = _pool(jobs)
        pending: deque = deque()
        try:
            nxt = done
            while done < len(parts):
                while nxt < len(parts) and len(pending) < 2 * jobs:
                    pending.append(pool.submit(func, parts[nxt]))
                    nxt += 1
                result = pending.popleft().result()
                done += 1
                yield result
            return
        except BrokenProcessPool:
            _POOL = None
            if attempt:
                raise


def map_chunks(func: Callable[..., Any], parts: list[Any], *, jobs: int) -> list[Any]:
    """``[func(p) for p in parts]``, in ``jobs`` processes when ``jobs > 1``."""
    if jobs <= 1 or len(parts) <= 1:
        return [func(p) for p in parts]
    return list(imap_chunks(func, parts, jobs=jobs))
