"""Time the newslib pipeline against NLTK's tokenisation of the same texts, in one run.

    python benchmarks/bench_pipeline.py [--corpus PATH] [--scale 1 10 45] [--repeat 3]

Prints, per stage, the time, its ratio to the NLTK baseline measured in the same run (Punkt
sentence splitter with default parameters — no NLTK data needed — plus NLTKWordTokenizer on
each sentence), throughput and peak memory; sentences, tokens and quotes run as one pass of the
workers (``Corpus.prepare``), timed together, with each stage's processor seconds in the
workers beside them; then the cached reload; then, with --scale, a
scaling table on copies of the corpus in a temporary folder (one run per scale). Ratios,
never timed assertions: the machine's speed cancels out. Each figure above the scaling table
is the fastest of ``--repeat`` runs, baseline included, because on a shared machine other
work only ever adds time; baseline and pipeline runs alternate so that both meet the same
phases of the machine.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "corpora" / "bbc"


def nltk_baseline(texts: list[str]) -> float:
    from nltk.tokenize import NLTKWordTokenizer
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    sent, word = PunktSentenceTokenizer(), NLTKWordTokenizer()
    t0 = time.perf_counter()
    n = 0
    for t in texts:
        for s in sent.tokenize(t):
            n += len(word.tokenize(s))
    return time.perf_counter() - t0


def run_pipeline(path: str, *, cache_dir: str | None) -> dict[str, float]:
    import newslib
    from newslib import terms

    times = {}
    t0 = time.perf_counter()
    c = newslib.load_corpus(path, cache=cache_dir is not None, cache_dir=cache_dir)
    times["load + clean"] = time.perf_counter() - t0
    t = time.perf_counter()
    c.prepare("sentences", "tokens", "quotes")   # one pass per piece of articles (see Corpus.prepare)
    times["sentences + tokens + quotes"] = time.perf_counter() - t
    t = time.perf_counter()
    terms.term_counts(c, group_by="folder")
    times["term counts"] = time.perf_counter() - t
    times["total"] = sum(times.values())
    times["load + tables"] = times["total"] - times["term counts"]
    times["_cpu"] = dict(c.stage_seconds)       # processor seconds per stage in the workers
    times["_chars"] = sum(len(a.text) for a in c)
    times["_articles"] = len(c)
    return times


def child(path: str, cache_dir: str | None) -> None:
    """Run the pipeline in a fresh process and print its times and peak RSS (MB). Libraries
    are imported before the clock starts: import time is not pipeline time."""
    import pandas  # noqa: F401
    import pyarrow.parquet  # noqa: F401

    import newslib.cache  # noqa: F401
    import newslib.quotes  # noqa: F401
    import newslib.terms  # noqa: F401

    times = run_pipeline(path, cache_dir=cache_dir)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    from newslib import _parallel

    _parallel.shutdown()  # so the workers' peak is counted below
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(repr({**times, "_peak_mb": peak, "_worker_peak_mb": worker}))


def in_child(path: str, cache_dir: str | None) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", path, "--cache-dir", cache_dir or ""],
                         capture_output=True, text=True, check=True).stdout
    return eval(out.strip().splitlines()[-1])  # noqa: S307 - our own repr of a dict of floats


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", default=str(DEFAULT))
    p.add_argument("--scale", type=int, nargs="*", default=[])
    p.add_argument("--repeat", type=int, default=3,
                   help="runs of each measurement; the fastest is kept (as timeit does), for the "
                        "baseline and the pipeline alike: a shared machine's noise only ever adds time")
    p.add_argument("--child", default=None, help=argparse.SUPPRESS)
    p.add_argument("--cache-dir", default=None, help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.child:
        child(a.child, a.cache_dir or None)
        return 0
    if not Path(a.corpus).exists():
        print(f"corpus not found: {a.corpus}")
        return 2
    import newslib

    corpus = newslib.load_corpus(a.corpus)
    texts = [art.text for art in corpus]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    # baseline and pipeline runs alternate, so both meet the same phases of a shared machine
    # (its speed was seen to drift by a third between minutes)
    bases, runs = [], []
    for _ in range(a.repeat):
        bases.append(nltk_baseline(texts))
        runs.append(in_child(a.corpus, None))
    base = min(bases)
    print(f"corpus: {a.corpus}: {len(texts)} articles, {mb:.1f} MB; cores: {os.cpu_count()}")
    print(f"NLTK baseline (Punkt + NLTKWordTokenizer): {base:.2f} s ({mb / base:.2f} MB/s); "
          f"every figure is the fastest of {a.repeat} runs, baseline and pipeline runs alternating\n")
    with tempfile.TemporaryDirectory() as cache:
        first = min(runs, key=lambda r: r["total"])
        print(f"{'stage':<28}{'seconds':>9}{'x NLTK':>9}")
        for k, v in first.items():
            if not k.startswith("_") and k != "load + tables":
                print(f"{k:<28}{v:>9.2f}{v / base:>9.3f}")
        if first["_cpu"]:
            print("  (sentences + tokens + quotes run as one pass, in the workers on a large corpus; "
                  "processor seconds per stage: "
                  + ", ".join(f"{k} {v:.2f}" for k, v in first["_cpu"].items()) + ")")
        print(f"throughput {mb / first['total']:.2f} MB/s; peak memory {first['_peak_mb']:.0f} MB "
              f"(largest worker process {first['_worker_peak_mb']:.0f} MB)")
        print(f"pipeline / NLTK ratio: {first['total'] / base:.3f}  (issue 21 target <= 0.12)\n")
        colds, seconds = [], []
        for _ in range(a.repeat):
            for f in Path(cache).iterdir():   # a cold start: entries and remembered file digests go
                shutil.rmtree(f) if f.is_dir() else f.unlink()
            colds.append(in_child(a.corpus, cache))
            seconds.append(in_child(a.corpus, cache))
        cold = min(colds, key=lambda r: r["load + tables"])
        second = min(seconds, key=lambda r: r["load + tables"])
        r = second["load + tables"] / cold["load + tables"]
        print(f"first load with cache (load + sentences + tokens + quotes, cache written): {cold['load + tables']:.2f} s")
        print(f"second load (read back from the cache): {second['load + tables']:.3f} s; ratio {r:.3f}  (target <= 0.05)")
    if a.scale:
        print(f"\n{'scale':>6}{'articles':>10}{'MB':>8}{'seconds':>9}{'s per x':>9}{'peak MB':>9}{'worker MB':>10}")
        for k in a.scale:
            with tempfile.TemporaryDirectory() as tmp:
                for i in range(k):
                    shutil.copytree(a.corpus, Path(tmp) / f"copy{i:03d}")
                r = in_child(tmp, None)
                print(f"{k:>6}{int(r['_articles']):>10}{r['_chars'] / 1e6:>8.0f}{r['total']:>9.1f}"
                      f"{r['total'] / k:>9.2f}{r['_peak_mb']:>9.0f}{r['_worker_peak_mb']:>10.0f}")
            gc.collect()
    return 0


if __name__ == "__main__":
    sys.exit(main())
