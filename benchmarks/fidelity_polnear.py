"""Quote fidelity on real text: PolNeAR dev (several publishers quoting the same candidates in
the same weeks) and the speed of compare_quotes on the BBC corpus.

    python benchmarks/fidelity_polnear.py [--out pairs.csv] [--sample 30]

Writes every cross-publisher matched pair (speaker, both versions, verbs, labels) to --out
for a hand review, prints a reproducible sample of --sample pairs to review, and times
compare_quotes on the 2,225 BBC articles (fastest of 3). Needs ../shared; nothing is copied.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import pandas as pd

import newslib
from newslib.corpus import Article, Corpus
from newslib.quotes import change_counts, compare_quotes

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"


def polnear_corpus(path: Path) -> Corpus:
    arts, seen = [], set()
    for line in path.open(encoding="utf-8"):
        d = json.loads(line)
        if d["doc_id"] in seen:
            continue
        seen.add(d["doc_id"])
        arts.append(Article(id=d["doc_id"], title=d["title"], text=d["text"], outlet=d["publisher"], date=d["date"]))
    return Corpus(arts)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", default="benchmarks/out/fidelity_polnear_pairs.csv")
    p.add_argument("--sample", type=int, default=30)
    a = p.parse_args(argv)
    gold = SHARED / "eval" / "polnear" / "polnear_dev.jsonl"
    if not gold.exists():
        print(f"PolNeAR not found: {gold}")
        return 2
    c = polnear_corpus(gold)
    t = time.perf_counter()
    df = compare_quotes(c, group_by="outlet")
    secs = time.perf_counter() - t
    pairs = df[df["group_b"].notna()]
    print(f"PolNeAR dev: {len(c)} articles from {c.frame()['outlet'].nunique()} publishers, "
          f"{len(c.quotes())} quotes; {len(pairs)} cross-publisher pairs, {len(df) - len(pairs)} unmatched "
          f"({secs:.2f} s)")
    print(change_counts(pairs).groupby("change")["quotes"].sum().sort_values(ascending=False).to_string())
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    cols = ["speaker", "speaker_b", "group_a", "article_a", "type_a", "verb_a", "distancing_a", "quote_a",
            "group_b", "article_b", "type_b", "verb_b", "distancing_b", "quote_b", "similarity", "labels"]
    pairs[cols].to_csv(a.out, index=False)
    print(f"wrote {a.out}")
    sample = pairs.sample(min(a.sample, len(pairs)), random_state=2026) if len(pairs) else pairs
    with pd.option_context("display.max_colwidth", 200, "display.width", 250):
        for i, r in enumerate(sample.itertuples(), 1):
            print(f"\n[{i}] {r.speaker}{' / ' + r.speaker_b if r.speaker_b != r.speaker else ''}  -> {r.labels}")
            print(f"  A {r.group_a} ({r.type_a}, {r.verb_a}; {r.distancing_a or '-'}): {r.quote_a}")
            print(f"  B {r.group_b} ({r.type_b}, {r.verb_b}; {r.distancing_b or '-'}): {r.quote_b}")
    bbc = SHARED / "corpora" / "bbc"
    if bbc.exists():
        cb = newslib.load_corpus(bbc)
        cb.quotes()
        best = min(_timed(cb) for _ in range(3))
        print(f"\nBBC: compare_quotes on {len(cb)} articles, {len(cb.quotes())} quotes: {best:.2f} s (fastest of 3)")
    return 0


def _timed(c: Corpus) -> float:
    t = time.perf_counter()
    compare_quotes(c, group_by="folder")
    return time.perf_counter() - t


if __name__ == "__main__":
    sys.exit(main())
