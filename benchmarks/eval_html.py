"""Score newslib's saved-page reader against trafilatura alone, on the hand-marked dev pages.

    python benchmarks/eval_html.py [--pages DIR] [--per-page] [--removed]

The pages are ../shared/corpora/html_pages (88 real pages of the Zyte article-extraction
benchmark, the body of each marked by hand) and the metric is that folder's own
``score_bodies.py``, imported from there (4-word shingles, precision and recall averaged over
pages, F1 of the two means). In one run it prints, with the time of each:

- ``trafilatura``: ``trafilatura.extract(html)`` with its defaults (the reference);
- ``newslib reader``: :func:`newslib.readers.html.read_html` alone;
- ``newslib reader+cleaning``: what a corpus holds: headline line, blank line, body, through
  :func:`newslib.cleaning.clean_text`, scoring the cleaned body (the text after its headline).

``--removed`` lists every line the cleaning removed that the hand-marked body contains (what
the cleaning costs, by rule); ``--per-page`` prints each page's F1 for both.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import logging
import re
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
DEFAULT = HERE.parents[1] / "shared" / "corpora" / "html_pages"


def load_scorer(folder: Path):
    """The dev set's own ``score_bodies`` module, imported from its file (never copied here)."""
    spec = importlib.util.spec_from_file_location("score_bodies", folder / "score_bodies.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_pages(folder: Path) -> tuple[dict[str, bytes], dict[str, str]]:
    truth = {}
    with open(folder / "ground_truth.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                truth[row["id"]] = row.get("body") or ""
    pages = {p.name.split(".", 1)[0]: p.read_bytes() for p in sorted((folder / "pages").glob("*.html.gz"))}
    return pages, truth


def run_trafilatura(pages: dict[str, bytes]) -> tuple[dict[str, str], float]:
    import trafilatura

    t0 = time.perf_counter()
    out = {k: trafilatura.extract(gzip.decompress(data)) or "" for k, data in pages.items()}
    return out, time.perf_counter() - t0


def run_newslib(pages: dict[str, bytes]) -> tuple[dict[str, str], dict[str, str], dict, float, float]:
    """Reader bodies, cleaned bodies, cleaning results, reader seconds, cleaning seconds."""
    from newslib.cleaning import clean_text
    from newslib.readers.html import HtmlError, read_html

    reader, cleaned, results = {}, {}, {}
    t0 = time.perf_counter()
    read = {}
    for k, data in pages.items():
        try:
            read[k] = read_html(data, name=k)  # gzip inflated inside, as from a .html.gz file
        except HtmlError as err:
            print(f"  {k[:8]}: {err}", file=sys.stderr)
    t_read = time.perf_counter() - t0
    t0 = time.perf_counter()
    for k, page in read.items():
        reader[k] = page.text
        result = clean_text(f"{page.title}\n\n{page.text}", extracted=True)   # as the loader does
        results[k] = result
        cleaned[k] = result.text[len(result.title):].strip()
    return reader, cleaned, results, t_read, time.perf_counter() - t0


def rule_costs(scorer, truth: dict[str, str], reader: dict[str, str], results: dict) -> list[tuple[str, int, float]]:
    """``(reason, lines, F1 change)`` for each cleaning reason applied alone to the reader's bodies."""
    base = scorer.score(truth, reader)["f1"]
    reasons = Counter(r.reason for result in results.values() for r in result.removed)
    out = []
    for reason, n in reasons.most_common():
        pred = {}
        for k, body in reader.items():
            drop = Counter(r.line for r in results[k].removed if r.reason == reason)
            kept = []
            for line in body.split("\n"):
                if drop[line.strip()] > 0:
                    drop[line.strip()] -= 1
                else:
                    kept.append(line)
            pred[k] = "\n".join(kept)
        out.append((reason, n, scorer.score(truth, pred)["f1"] - base))
    return out


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=Path, default=DEFAULT, help="the html_pages folder")
    ap.add_argument("--per-page", action="store_true", help="each page's F1, both extractors")
    ap.add_argument("--removed", action="store_true", help="lines the cleaning removed that the truth keeps")
    args = ap.parse_args(argv)
    if not (args.pages / "ground_truth.jsonl").is_file():
        print(f"eval_html: dev pages not found at {args.pages} (../shared is absent?)", file=sys.stderr)
        return 2
    logging.getLogger("trafilatura").setLevel(logging.ERROR)  # "discarding data" warnings
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    scorer = load_scorer(args.pages)
    pages, truth = load_pages(args.pages)

    base, t_base = run_trafilatura(pages)
    reader, cleaned, results, t_read, t_clean = run_newslib(pages)
    rows = [("trafilatura extract() defaults", base, t_base),
            ("newslib reader", reader, t_read),
            ("newslib reader+cleaning", cleaned, t_read + t_clean)]
    print(f"{len(truth)} pages, {args.pages}")
    print(f"{'':32s} {'F1':>6s} {'P':>6s} {'R':>6s} {'time':>7s}")
    scores = {}
    for label, pred, seconds in rows:
        m = scorer.score(truth, pred)
        scores[label] = m
        print(f"{label:32s} {m['f1']:6.3f} {m['precision']:6.3f} {m['recall']:6.3f} {seconds:6.2f}s")

    if args.removed:
        print("cleaning, rule by rule (F1 change when only that rule's removals are applied to the reader's body):")
        for reason, n, delta in rule_costs(scorer, truth, reader, results):
            print(f"  {delta:+.4f}  {n:3d} lines  {reason}")
        for k, result in results.items():
            truth_words = _words(truth[k])
            for r in result.removed:
                if _words(r.line) and _words(r.line) in truth_words:
                    print(f"  in the truth, removed as {r.reason!r} ({k[:8]}): {r.line[:90]}")
    if args.per_page:
        for k in truth:
            a, b = scorer.score({k: truth[k]}, {k: base.get(k, "")}), scorer.score({k: truth[k]}, {k: cleaned.get(k, "")})
            print(f"  {k[:8]} trafilatura {a['f1']:.3f}  newslib {b['f1']:.3f}")
    ours, ref = scores["newslib reader+cleaning"]["f1"], scores["trafilatura extract() defaults"]["f1"]
    print(f"newslib - trafilatura: {ours - ref:+.3f} F1")
    return 0


if __name__ == "__main__":
    sys.exit(main())
