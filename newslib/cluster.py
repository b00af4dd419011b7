"""The per-article stages on Dask, for corpora that outgrow one machine's memory.

The in-memory :class:`~newslib.corpus.Corpus` stays the default; this module is imported only
when asked for, and Dask only inside it. The corpus folder is split into partitions of files;
each Dask task loads, cleans, splits and tokenises its files, extracts their quotes and counts
their terms *with the same functions the in-memory path uses*, and writes one Parquet file per
table. The per-article term counts are then added up by group with ``dask.dataframe``, so
keyness is computed from exactly the counts :func:`newslib.terms.term_counts` gives.

Point it at an existing cluster with ``dask.distributed.Client("tcp://scheduler:8786")`` and
pass that client; every worker needs newslib installed and the corpus path readable.

>>> # from dask.distributed import Client, LocalCluster
>>> # client = Client(LocalCluster(n_workers=2, threads_per_worker=1))
>>> # summary = process_corpus("big_corpus/", "out/", client=client)
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .corpus import Corpus
from .quotes import resolve_speakers
from .readers import MAX_ARTICLE_BYTES, folder_metadata, read_files, walk
from .records import CorpusError, Problem
from .terms import article_term_counts, finish_group_counts

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["process_corpus", "read_table", "term_counts_from_parquet", "TABLES"]

TABLES = ("articles", "sentences", "tokens", "quotes", "term_counts", "word_totals")


def _partition_job(files: list[str], base: str, metadata: dict, max_bytes: int, out: str, part: int,
                   ngram: int) -> dict[str, Any]:
    results = read_files([Path(f) for f in files], Path(base), metadata, max_bytes)
    articles = [a for a, _, _ in results if a is not None]
    problems = [p for _, ps, _ in results for p in ps]
    used = sorted({m for _, _, m in results if m})
    c = Corpus(articles, problems, root=base)
    c.jobs = 1  # Dask does the parallelism
    frame = c.frame()
    frame["text"] = [a.text for a in articles]
    counts, totals = article_term_counts(c.tokens(), n=ngram)
    tables = {"articles": frame, "sentences": c.sentences(), "tokens": c.tokens(), "quotes": c.quotes(),
              "term_counts": counts, "word_totals": totals}
    for name, df in tables.items():
        d = Path(out) / name
        d.mkdir(parents=True, exist_ok=True)
        df.to_parquet(d / f"part-{part:05d}.parquet", index=False)
    return {"articles": len(articles), "problems": [(p.path, p.reason, p.action) for p in problems],
            "metadata_used": used}


def process_corpus(path: str | os.PathLike, out: str | os.PathLike, *, client: Any = None,
                   files_per_partition: int = 500, ngram: int = 1, max_bytes: int | None = None) -> dict[str, Any]:
    """Process a corpus folder on Dask into Parquet datasets under ``out`` (one folder per table
    in :data:`TABLES`). Returns ``{"articles", "partitions", "problems"}``.

    ``client``: a ``dask.distributed.Client``; None runs the tasks with Dask's local scheduler.
    """
    import dask

    root = Path(path).expanduser()
    if not root.is_dir():
        raise CorpusError(f"corpus folder not found: {root}")
    max_bytes = max_bytes or MAX_ARTICLE_BYTES
    problems: list[Problem] = []
    metadata = folder_metadata(root, problems)
    files = [str(f) for f in walk(root)]
    parts = [files[i:i + files_per_partition] for i in range(0, len(files), files_per_partition)]
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    tasks = [dask.delayed(_partition_job)(p, str(root), metadata, max_bytes, str(out), k, ngram)
             for k, p in enumerate(parts)]
    results = client.compute(tasks, sync=True) if client is not None else dask.compute(*tasks)
    used = {m for r in results for m in r["metadata_used"]}
    all_problems = [(p.path, p.reason, p.action) for p in problems]
    all_problems += [p for r in results for p in r["problems"]]
    all_problems += [(f"metadata:{m}", "metadata id matches no article file", "warning")
                     for m in metadata if m not in used]
    return {"articles": sum(r["articles"] for r in results), "partitions": len(parts), "problems": all_problems}


def read_table(out: str | os.PathLike, name: str) -> pd.DataFrame:
    """A whole table written by :func:`process_corpus`, in article order, as pandas.

    The quotes table's speakers are clustered across the whole corpus here, as
    :meth:`newslib.corpus.Corpus.quotes` does: each partition could only cluster its own
    articles' names."""
    import dask.dataframe as dd

    if name not in TABLES:
        raise ValueError(f"unknown table {name!r}; tables: {', '.join(TABLES)}")
    df = dd.read_parquet(str(Path(out) / name)).compute().reset_index(drop=True)
    return resolve_speakers(df) if name == "quotes" else df


def term_counts_from_parquet(out: str | os.PathLike, *, group_by: str = "outlet", min_count: int = 1) -> pd.DataFrame:
    """Per-group term counts from the Parquet datasets, added up with ``dask.dataframe``; the
    same columns and values as :func:`newslib.terms.term_counts`."""
    import dask.dataframe as dd

    arts = dd.read_parquet(str(Path(out) / "articles")).compute()
    if group_by not in arts.columns:
        raise ValueError(f"unknown group_by {group_by!r}; choose one of: {', '.join(arts.columns)}")
    groups = dict(zip(arts["id"], arts[group_by].astype(str), strict=True))
    counts = dd.read_parquet(str(Path(out) / "term_counts"))
    counts = counts.assign(group=counts["article_id"].map(groups, meta=("article_id", "object")))
    # add up per group on the workers; only the per-group table comes back
    agg = (counts.groupby(["group", "term"], observed=True).agg({"count": "sum", "article_id": "count"})
                 .compute().reset_index().rename(columns={"article_id": "doc_freq"}))
    totals = dd.read_parquet(str(Path(out) / "word_totals")).compute()
    words = totals.assign(group=totals["article_id"].map(groups)).groupby("group", observed=True)["words"].sum()
    return finish_group_counts(agg[["group", "term", "count", "doc_freq"]], words, min_count=min_count)
