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


_ARTICLES = {
    "alpha/one.txt": 'Ministers met on Monday. "We will not back down," said Jane Smith, the minister.\n\n'
                     "The plan was criticised by the opposition, which said it would cost too much.",
    "alpha/two.txt": "Prices rose again. Analysts said inflation would ease next year.\n\n"
                     '"It is too early to tell," Mr Brown told reporters on Tuesday.',
    "beta/three.txt": "The club won the cup. Its manager, Ann Lee, said the players had earned it.\n\n"
                      '"This is the best day of my life," she said.',
    "beta/four.txt": "Shares fell sharply in early trading.\n\n"
                     "Traders blamed weak results from banks. One said the sell-off was overdone.",
    "beta/five.txt": 'The report warned of floods. "We must act now," said Dr Patel, who led it.',
}


_PAGE = ("<html><head><title>Port deal signed | The Harbour Post</title>"
         '<meta property="og:site_name" content="The Harbour Post"></head><body><article>'
         "<h1>Port deal signed</h1><p>The port authority signed a deal with the shipping line on "
         "Monday after months of talks about fees and berths for the new ferries.</p><p>\"It is a good "
         "day for the island,\" said harbour master Tom Reyes, who led the talks for the authority.</p>"
         "</article></body></html>")


def test_parquet_output_equals_in_process_tables(tmp_path):
    """Quick (local Dask scheduler, partitions of two files, two in flight): every table written
    to Parquet, read back, equals the in-memory corpus's table, and the problems are the loader's."""
    from newslib.cluster import TABLES, process_corpus, read_table, term_counts_from_parquet

    root = tmp_path / "corpus"
    for rel, text in _ARTICLES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    (root / "beta" / "README.md").write_text("not an article", encoding="utf-8")
    # a saved page beside alpha's text files is alpha's in both paths, though its partition
    # holds none of them (the page's site name would have made it another outlet)
    (root / "alpha" / "zz_page.html").write_text(_PAGE, encoding="utf-8")
    # metadata for one article only: the other partitions' files have no 'section' column
    (root / "metadata.csv").write_text("id,section\nalpha/one,news\n", encoding="utf-8")
    summary = process_corpus(root, tmp_path / "out", files_per_partition=2, in_flight=2)
    mem = newslib.load_corpus(root)
    assert summary["articles"] == len(mem) == 6 and summary["partitions"] == 4  # 8 files
    assert mem.frame().set_index("id").loc["alpha/zz_page", "outlet"] == "alpha"
    assert sorted(summary["problems"]) == sorted((p.path, p.reason, p.action) for p in mem.problems)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(TABLES)

    want_frame = mem.frame().assign(text=[a.text for a in mem.articles])
    pd.testing.assert_frame_equal(_sorted(read_table(tmp_path / "out", "articles"), ["id"]),
                                  _sorted(want_frame, ["id"]), check_dtype=False)
    for name, keys in (("sentences", ["article_id", "sentence_id"]), ("tokens", ["article_id", "token_id"]),
                       ("quotes", ["article_id", "quote_id"])):
        want = getattr(mem, name)()
        assert len(want), name
        pd.testing.assert_frame_equal(_sorted(read_table(tmp_path / "out", name), keys), _sorted(want, keys),
                                      check_dtype=False)
    for group_by in ("outlet", "section"):
        pd.testing.assert_frame_equal(term_counts_from_parquet(tmp_path / "out", group_by=group_by),
                                      T.term_counts(mem, group_by=group_by), check_dtype=False)
