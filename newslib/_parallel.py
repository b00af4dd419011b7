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


def map_chunks(func: Callable[..., Any], parts: list[Any], *, jobs: int) -> list[Any]:
    """``[func(p) for p in parts]``, in ``jobs`` processes when ``jobs > 1``."""
    if jobs <= 1 or len(parts) <= 1:
        return [func(p) for p in parts]
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as ex:
        return list(ex.map(func, parts))
