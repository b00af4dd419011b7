"""Score newslib's quotes against the hand-made gold files in tests/data/.

    python benchmarks/eval_gold.py                 # every *_gold*.jsonl in tests/data
    python benchmarks/eval_gold.py --show-failures  # and every miss, false find and wrong speaker

The seed gold covers the two seed articles (seeds/); the BBC gold files cover articles of the
BBC News corpus in ../shared/corpora/bbc, and ``benchmarks/data/html_quotes_gold.jsonl`` the
hand-marked bodies of twelve pages of other outlets in ../shared/corpora/html_pages (each
skipped with a note when its corpus is absent). Reported are
quoted-span and reported-speech precision, recall and F1 (overlap >= half the longer span),
full-name speaker accuracy over matched items, direct/partial type accuracy, and speaker-kind
accuracy over the items whose speaker is right.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import pandas as pd

import newslib
from newslib.evaluation import read_gold, score
from newslib.records import Article

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SOURCES = {"seed": ROOT / "seeds", "bbc": ROOT.parent / "shared" / "corpora" / "bbc",
           "html": ROOT.parent / "shared" / "corpora" / "html_pages" / "ground_truth.jsonl"}


def load_bodies(gold_path: Path):
    """A gold file over the hand-marked article bodies of ../shared/corpora/html_pages (many
    outlets' house styles): each article is the body as marked there, its id the first 12
    characters of the page's id."""
    import json

    arts, gold = read_gold(gold_path)
    if not SOURCES["html"].is_file():
        return None
    bodies = {}
    for line in SOURCES["html"].read_text(encoding="utf-8").splitlines():
        page = json.loads(line)
        bodies[page["id"][:12]] = page["body"]
    articles, texts = [], {}
    for aid, sha in arts.items():
        body = bodies[aid]
        if sha and hashlib.sha256(body.encode("utf-8")).hexdigest() != sha:
            sys.exit(f"eval_gold: the body of page {aid} differs from the annotated one (sha256)")
        articles.append(Article(id=aid, title="", text=body, outlet=aid))
        texts[aid] = (body, body)
    return newslib.Corpus(articles), gold, texts


def load(gold_path: Path):
    if gold_path.name.startswith("html"):
        return load_bodies(gold_path)
    arts, gold = read_gold(gold_path)
    base = SOURCES["seed" if gold_path.name.startswith("seed") else "bbc"]
    if not base.is_dir():
        return None
    texts, articles = {}, []
    for aid, sha in arts.items():
        path = base / f"{aid}.txt"
        data = path.read_bytes()
        if sha and hashlib.sha256(data).hexdigest() != sha:
            sys.exit(f"eval_gold: {path} differs from the annotated file (sha256)")
        c = newslib.load_corpus(path) if base.name != "seeds" else None
        art = c.articles[0] if c is not None else newslib.load_corpus(base)[aid]
        articles.append(Article(id=aid, title=art.title, text=art.text, outlet=art.outlet))
        texts[aid] = (newslib.readers.decode_bytes(data)[0], art.text)
    return newslib.Corpus(articles), gold, texts


def report(name: str, s: dict, show: bool) -> None:
    q, r = s["quoted"], s["reported"]
    print(f"== {name}")
    print(f"  quoted spans   P={q['precision']:.3f} R={q['recall']:.3f} F1={q['f1']:.3f} (tp={q['tp']} fp={q['fp']} fn={q['fn']})")
    print(f"  reported speech P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} (tp={r['tp']} fp={r['fp']} fn={r['fn']})")
    print(f"  full-name speaker accuracy {s['speaker_accuracy']:.3f} over {s['speakers_scored']} matched items; "
          f"direct/partial type accuracy {s['type_accuracy']:.3f}")
    print(f"  speaker kind (person/organisation/group) right for {s['speaker_kind_accuracy']:.3f} of "
          f"{s['kinds_scored']} items with the right speaker")
    if show:
        m = s["matches"]
        pd.set_option("display.width", 250)
        pd.set_option("display.max_colwidth", 80)
        miss = m[m.gold_index.notna() & m.pred_index.isna() & ~m.optional]
        false = m[m.gold_index.isna()]
        wrong = m[m.gold_index.notna() & m.pred_index.notna() & ~m.speaker_ok & ~m.optional]
        for title, df in (("missed", miss), ("found but not in the gold", false), ("wrong speaker", wrong)):
            if len(df):
                print(f"  -- {title} ({len(df)})")
                print(df[["article_id", "cls", "gold_speaker", "pred_speaker", "quote"]].to_string(index=False))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--show-failures", action="store_true")
    args = ap.parse_args(argv)
    files = args.files or sorted((ROOT / "tests" / "data").glob("*_gold*.jsonl")) + sorted(
        (HERE / "data").glob("*_quotes_gold*.jsonl"))
    all_pred, all_gold, all_texts = [], [], {}
    for f in files:
        loaded = load(f)
        if loaded is None:
            print(f"== {f.name}: skipped (its corpus is absent)")
            continue
        corpus, gold, texts = loaded
        pred = corpus.quotes()
        report(f.name, score(pred, gold, texts), args.show_failures)
        if f.name.startswith("bbc"):
            all_pred.append(pred)
            all_gold += gold
            all_texts.update(texts)
    if len(all_pred) > 1:
        report("all BBC gold", score(pd.concat(all_pred, ignore_index=True), all_gold, all_texts), False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
