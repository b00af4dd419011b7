"""Cache faults: a damaged, empty or foreign entry is recorded and recomputed, never a traceback
or stale tables; two processes filling the same entry at once both get correct tables."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pandas as pd
import pytest
from conftest import DEMO, ROOT, SEEDS

import newslib


@pytest.fixture()
def corpus(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    for p in [*DEMO.rglob("*.txt"), *SEEDS.glob("*.txt")]:
        (root / p.name).write_bytes(p.read_bytes())
    return root


def _fresh(root):
    c = newslib.load_corpus(root)
    return c.sentences(), c.tokens(), c.quotes()


def _entry(cache):
    (entry,) = [p for p in cache.iterdir() if p.is_dir()]
    return entry


def _tables_equal(c, fresh):
    for a, b in zip((c.sentences(), c.tokens(), c.quotes()), fresh, strict=True):
        pd.testing.assert_frame_equal(a.astype(str), b.astype(str))


@pytest.mark.parametrize("damage", ["truncated", "zero-length", "garbage"])
def test_a_damaged_article_table_is_recorded_and_recomputed(corpus, tmp_path, damage):
    cache = tmp_path / "cache"
    newslib.load_corpus(corpus, cache=True, cache_dir=cache).prepare()
    f = _entry(cache) / "articles.parquet"
    data = f.read_bytes()
    f.write_bytes({"truncated": data[: len(data) // 2], "zero-length": b"", "garbage": b"PAR1" + os.urandom(500)}[damage])
    c = newslib.load_corpus(corpus, cache=True, cache_dir=cache)
    (p,) = [p for p in c.problems if p.path.startswith("cache:")]
    assert p.action == "repaired" and "unreadable" in p.reason and "computed again" in p.reason
    _tables_equal(c, _fresh(corpus))
    # the faulty entry was replaced by a good one: the next load has no problem and reads it back
    again = newslib.load_corpus(corpus, cache=True, cache_dir=cache)
    assert not [p for p in again.problems if p.path.startswith("cache:")] and len(again) == len(c)
    assert [p.name for p in cache.iterdir() if ".tmp" in p.name or ".old" in p.name] == []


@pytest.mark.parametrize("name", ["tokens", "quotes", "sentences"])
def test_a_damaged_stage_table_is_recorded_and_recomputed(corpus, tmp_path, name):
    cache = tmp_path / "cache"
    newslib.load_corpus(corpus, cache=True, cache_dir=cache).prepare()
    f = _entry(cache) / f"{name}.parquet"
    f.write_bytes(f.read_bytes()[:100])
    c = newslib.load_corpus(corpus, cache=True, cache_dir=cache)
    _tables_equal(c, _fresh(corpus))
    assert [p.reason for p in c.problems if p.path.startswith("cache:")] == [
        f"cache entry {_entry(cache).name}/{name}.parquet unreadable ({p.reason.split('(', 1)[1]}"
        for p in c.problems if p.path.startswith("cache:")]
    assert any(f"{name}.parquet unreadable" in p.reason for p in c.problems)
    again = newslib.load_corpus(corpus, cache=True, cache_dir=cache)
    again.prepare()
    assert not [p for p in again.problems if p.path.startswith("cache:")]   # rewritten whole


def test_an_entry_from_another_version_is_not_used(corpus, tmp_path):
    cache = tmp_path / "cache"
    first = newslib.load_corpus(corpus, cache=True, cache_dir=cache)
    first.prepare()
    entry = _entry(cache)
    (entry / "version.json").write_text(json.dumps({"version": "0.0.1", "schema": "1"}), encoding="utf-8")
    # stale tables a different version would have written: they must not come back
    pd.DataFrame({"x": [1]}).to_parquet(entry / "quotes.parquet")
    c = newslib.load_corpus(corpus, cache=True, cache_dir=cache)
    assert any("written by newslib '0.0.1'" in p.reason for p in c.problems)
    _tables_equal(c, _fresh(corpus))


_LOAD = """
import hashlib, os, sys, time
import pandas as pd, newslib
_rename = os.replace
def slow_rename(src, dst, *args):
    # widen the race: both processes are between 'the entry is not there' and the rename
    if os.path.isdir(src) and ".tmp" in os.path.basename(src):
        time.sleep(1.0)
    return _rename(src, dst, *args)
os.replace = slow_rename
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
c = newslib.load_corpus(sys.argv[1], cache=True).prepare()
h = hashlib.sha256()
for t in (c.sentences(), c.tokens(), c.quotes()):
    h.update(pd.util.hash_pandas_object(t.astype(str), index=False).values.tobytes())
print(h.hexdigest(), len([p for p in c.problems if p.path.startswith("cache:")]))
"""


def test_two_processes_filling_one_entry_at_once(corpus, tmp_path):
    cache = tmp_path / "cache"
    env = {**os.environ, "NEWSLIB_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    script = tmp_path / "load.py"
    script.write_text(_LOAD, encoding="utf-8")
    start = str(time.time() + 3)       # both start loading at the same moment
    procs = [subprocess.Popen([sys.executable, str(script), str(corpus), start], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1][-2000:] for o in outs]
    results = {o[0].split()[0] for o in outs}
    script.write_text(_LOAD, encoding="utf-8")
    fresh = subprocess.run([sys.executable, "-c", _LOAD.replace("cache=True", "cache=False"), str(corpus), "0"],
                           env=env, capture_output=True, text=True, check=True).stdout.split()[0]
    assert results == {fresh}
    assert [o[0].split()[1] for o in outs] == ["0", "0"]
    entries = [p.name for p in cache.iterdir() if p.is_dir()]
    assert len(entries) == 1, entries      # one valid entry, no leftovers
    third = subprocess.run([sys.executable, str(script), str(corpus), "0"], env=env, capture_output=True, text=True,
                           check=True).stdout.split()
    assert third == [fresh, "0"]
