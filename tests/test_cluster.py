"""The Dask path gives the same tables, term counts and keyness as the in-memory path."""

from __future__ import annotations

import pandas as pd
import pytest

import newslib
from newslib import terms as T

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")


def _sorted(df, keys):
    return df.sort_values(keys).reset_index(drop=True)


@pytest.mark.slow
def test_dask_local_cluster_matches_in_memory(bbc_small, tmp_path):
    from newslib.cluster import process_corpus, read_table, term_counts_from_parquet

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        summary = process_corpus(bbc_small, tmp_path / "out", client=client, files_per_partition=4)
    assert summary["articles"] == 12 and summary["partitions"] == 3
    mem = newslib.load_corpus(bbc_small)
    for name, keys in (("sentences", ["article_id", "sentence_id"]), ("tokens", ["article_id", "token_id"]),
                       ("quotes", ["article_id", "quote_id"])):
        got = _sorted(read_table(tmp_path / "out", name), keys)
        want = _sorted(getattr(mem, name)(), keys)
        pd.testing.assert_frame_equal(got, want, check_dtype=False)
    counts = term_counts_from_parquet(tmp_path / "out", group_by="folder")
    want = T.term_counts(mem, group_by="folder")
    pd.testing.assert_frame_equal(counts, want, check_dtype=False)
    k1 = T.keyness(counts, "politics", "business")
    k2 = T.keyness(want, "politics", "business")
    pd.testing.assert_frame_equal(k1, k2, check_dtype=False)
