"""The per-article stages on Dask, for corpora that outgrow one machine's memory.

The in-memory :class:`~newslib.corpus.Corpus` stays the default; this module is imported only
when asked for, and Dask only inside it. The corpus folder is split into partitions of files;
each Dask task loads, cleans, splits and tokenises its files, extracts their quotes and counts
their terms *with the same functions the in-memory path uses*, and writes one Parquet file per
table. It is streamed: the files are listed while partitions are submitted, a bounded number
of partitions is in flight, and only file names go out and small summaries come back, so
memory stays flat as the corpus grows (``benchmarks/bench_cluster.py``, ``docs/scale.md``).
The per-article term counts are then added up by group with ``dask.dataframe``, so keyness
is computed from exactly the counts :func:`newslib.terms.term_counts` gives.

Point it at an existing cluster with ``dask.distributed.Client("tcp://scheduler:8786")`` and
pass that client; every worker needs newslib installed and the corpus path readable.

>>> # from dask.distributed import Client, LocalCluster
>>> # client = Client(LocalCluster(n_workers=2, threads_per_worker=1))
>>> # summary = process_corpus("big_corpus/", "out/", client=client)
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._parallel import release_memory
from .corpus import Corpus
from .quotes import resolve_speakers
from .readers import MAX_ARTICLE_BYTES, folder_metadata, walk
from .readers.files import ARTICLE_SUFFIXES, read_file
from .records import CorpusError, Problem
from .terms import article_term_counts, finish_group_counts

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["process_corpus", "read_table", "term_counts_from_parquet", "TABLES"]

TABLES = ("articles", "sentences", "tokens", "quotes", "term_counts", "word_totals")


def _partition_job(files: list[str], base: str, metadata: dict, max_bytes: int, out: str, part: int,
                   ngram: int) -> dict[str, Any]:
    """One partition, inside a Dask task: read, clean, split, tokenise, extract quotes and count
    terms for ``files``, write one Parquet file per table, and return only a summary, so that
    neither the graph nor the results ever hold texts."""
    base_p = Path(base)
    # one file after another: the worker is one of many (and a Dask worker is a daemon
    # process, which may not start the process pool read_files uses on many files)
    results = [read_file(Path(f), base_p, metadata, max_bytes) for f in files]
    articles = [a for a, _, _ in results if a is not None]
    problems = [(p.path, p.reason, p.action) for _, ps, _ in results for p in ps]
    used = sorted({m for _, _, m in results if m})
    del results
    c = Corpus(articles, root=base)
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
    n = len(articles)
    del tables, frame, counts, totals, c, articles
    release_memory()  # a worker runs many partitions: hand each one's memory back before the next
    return {"articles": n, "problems": problems, "metadata_used": used}


def _partitions(root: Path, size: int) -> Iterator[list[str]]:
    """The corpus files in lists of ``size``, listed as they are needed (a generator), so that
    a corpus of millions of files is never held as one list."""
    part: list[str] = []
    for f in walk(root):
        part.append(str(f))
        if len(part) == size:
            yield part
            part = []
    if part:
        yield part


def _metadata_for(files: list[str], root: Path, metadata: dict) -> dict:
    """The metadata rows ``read_file`` could look up for ``files`` (by id, by file name without
    its article suffix, by stem; a superset does no harm): each task carries its own rows, not
    the whole table."""
    if not metadata:
        return {}
    out = {}
    for f in files:
        p = Path(f)
        try:
            rel = p.relative_to(root).as_posix()
        except ValueError:
            rel = p.name
        low = rel.lower()
        suffix = next((s for s in sorted(ARTICLE_SUFFIXES, key=len, reverse=True) if low.endswith(s)), None)
        art_id = rel[:-len(suffix)] if suffix else str(Path(rel).with_suffix(""))
        for k in (art_id, Path(art_id).name, p.stem):
            if k in metadata:
                out[k] = metadata[k]
    return out


def process_corpus(path: str | os.PathLike, out: str | os.PathLike, *, client: Any = None,
                   files_per_partition: int = 250, ngram: int = 1, max_bytes: int | None = None,
                   in_flight: int | None = None) -> dict[str, Any]:
    """Process a corpus folder on Dask into Parquet datasets under ``out`` (one folder per table
    in :data:`TABLES`, one Parquet file per partition; the ``part-*.parquet`` files of an earlier
    run into ``out`` are removed first). Returns ``{"articles", "partitions", "problems"}``.

    Streamed in bounded memory: the files are listed as partitions are submitted, each task
    reads its own files and writes its own Parquet files, and only ``in_flight`` partitions
    (default: twice the workers' threads) are submitted at a time, so neither this process,
    the scheduler nor a worker ever holds more than a few partitions, whatever the corpus size.

    ``client``: a ``dask.distributed.Client``; None runs the tasks with Dask's local scheduler.
    """
    import dask

    root = Path(path).expanduser()
    if not root.is_dir():
        raise CorpusError(f"corpus folder not found: {root}")
    if files_per_partition < 1:
        raise ValueError("files_per_partition must be at least 1")
    max_bytes = max_bytes or MAX_ARTICLE_BYTES
    problems: list[Problem] = []
    metadata = folder_metadata(root, problems)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for name in TABLES:  # a run replaces the tables: no partition of an earlier, larger run stays
        for stale in (out / name).glob("part-*.parquet"):
            stale.unlink()
    summary: dict[str, Any] = {"articles": 0, "partitions": 0, "problems": [(p.path, p.reason, p.action)
                                                                            for p in problems]}
    used: set[str] = set()

    def take(r: dict[str, Any]) -> None:
        summary["articles"] += r["articles"]
        summary["problems"] += r["problems"]
        used.update(r["metadata_used"])

    def args(k: int, files: list[str]) -> tuple:
        return files, str(root), _metadata_for(files, root, metadata), max_bytes, str(out), k, ngram

    if client is not None:
        from dask.distributed import as_completed

        limit = in_flight or 2 * max(1, sum(client.nthreads().values()))
        running = as_completed()
        for k, files in enumerate(_partitions(root, files_per_partition)):
            if running.count() >= limit:
                take(next(running).result())
            running.add(client.submit(_partition_job, *args(k, files), pure=False))
            summary["partitions"] += 1
        for fut in running:
            take(fut.result())
    else:
        limit = in_flight or max(1, os.cpu_count() or 1)
        wave: list[Any] = []
        for k, files in enumerate(_partitions(root, files_per_partition)):
            wave.append(dask.delayed(_partition_job)(*args(k, files)))
            summary["partitions"] += 1
            if len(wave) == limit:
                for r in dask.compute(*wave):
                    take(r)
                wave = []
        for r in dask.compute(*wave):
            take(r)
    summary["problems"] += [(f"metadata:{m}", "metadata id matches no article file", "warning")
                            for m in metadata if m not in used]
    return summary


def _parts(out: str | os.PathLike, name: str) -> list[str]:
    """A table's Parquet files in partition order (by number, not by name)."""
    files = list((Path(out) / name).glob("part-*.parquet"))
    return [str(f) for f in sorted(files, key=lambda f: int(f.stem.split("-")[1]))]


def _articles_schema(out: str | os.PathLike) -> Any:
    """The articles table's columns over all its files (a pyarrow schema)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    return pa.unify_schemas([pq.read_schema(f) for f in _parts(out, "articles")], promote_options="permissive")


def _read_articles(out: str | os.PathLike, columns: list[str] | None = None) -> pd.DataFrame:
    """The articles table with the columns of every partition: a metadata column that no
    article of a partition has is absent from that partition's file (as from
    :meth:`Corpus.frame`), so the files' schemas are unified, the missing values null."""
    import pyarrow.dataset as ds

    data = ds.dataset(_parts(out, "articles"), schema=_articles_schema(out), format="parquet")
    df = data.to_table(columns=columns).to_pandas()
    if columns is None:  # the in-memory frame's order: fixed columns, metadata sorted, then the text
        fixed = list(Corpus([]).frame().columns)
        df = df[fixed + sorted(set(df.columns) - {*fixed, "text"}) + ["text"]]
    return df


class _ArticleTexts(Mapping):
    """The texts of a processed corpus's articles, read from its Parquet files only for the
    articles asked for, in batches (:meth:`prefetch`): clustering the speakers of a corpus
    larger than memory reads the texts of a few articles (those whose speaker is an office,
    "the Tory leader", and those quoting its possible holders), never all of them."""

    def __init__(self, out: str | os.PathLike) -> None:
        self.out, self.loaded = out, {}

    def prefetch(self, ids) -> None:
        import pyarrow.dataset as ds

        ids = sorted({str(i) for i in ids} - set(self.loaded))
        if ids:
            data = ds.dataset(_parts(self.out, "articles"), schema=_articles_schema(self.out), format="parquet")
            t = data.to_table(columns=["id", "text"], filter=ds.field("id").isin(ids))
            self.loaded.update(zip(t.column("id").to_pylist(), t.column("text").to_pylist(), strict=True))

    def __getitem__(self, key: str) -> str:
        return self.loaded[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.loaded)

    def __len__(self) -> int:
        return len(self.loaded)


def read_table(out: str | os.PathLike, name: str) -> pd.DataFrame:
    """A whole table written by :func:`process_corpus`, in article order, as pandas.

    The quotes table's speakers are clustered across the whole corpus here, as
    :meth:`newslib.corpus.Corpus.quotes` does: each partition could only cluster its own
    articles' names (and an office's holder may be named in another partition's article)."""
    import dask.dataframe as dd

    if name not in TABLES:
        raise ValueError(f"unknown table {name!r}; tables: {', '.join(TABLES)}")
    if name == "articles":
        return _read_articles(out)
    df = dd.read_parquet(_parts(out, name)).compute().reset_index(drop=True)
    return resolve_speakers(df, texts=_ArticleTexts(out)) if name == "quotes" else df


def term_counts_from_parquet(out: str | os.PathLike, *, group_by: str = "outlet", min_count: int = 1) -> pd.DataFrame:
    """Per-group term counts from the Parquet datasets, added up with ``dask.dataframe``; the
    same columns and values as :func:`newslib.terms.term_counts`."""
    import dask.dataframe as dd

    names = _articles_schema(out).names
    if group_by not in names:
        raise ValueError(f"unknown group_by {group_by!r}; choose one of: {', '.join(names)}")
    arts = _read_articles(out, ["id", group_by])  # not the texts
    groups = dict(zip(arts["id"], arts[group_by].astype(str), strict=True))
    counts = dd.read_parquet(_parts(out, "term_counts"))
    counts = counts.assign(group=counts["article_id"].map(groups, meta=("article_id", "object")))
    # add up per group on the workers; only the per-group table comes back
    agg = (counts.groupby(["group", "term"], observed=True).agg({"count": "sum", "article_id": "count"})
                 .compute().reset_index().rename(columns={"article_id": "doc_freq"}))
    totals = dd.read_parquet(_parts(out, "word_totals")).compute()
    words = totals.assign(group=totals["article_id"].map(groups)).groupby("group", observed=True)["words"].sum()
    return finish_group_counts(agg[["group", "term", "count", "doc_freq"]], words, min_count=min_count)
