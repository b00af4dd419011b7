"""Score compare_quotes against hand reviews of sampled pairs on the BBC corpus (issue 19).

    python benchmarks/fidelity_review.py                  # score the reviews on record
    python benchmarks/fidelity_review.py --sample 40 --seed 7 --out /tmp/review_input.jsonl

PolNeAR dev holds too few cross-publisher pairs for a review sample of 30 (compare_quotes finds
22 there in the eleventh session, 26 with PolNeAR's own attributions too; ``fidelity_gold.py``
scores them), so the sample is drawn from the BBC corpus with every
article its own group: the same statement quoted by several BBC stories, trimmed, paraphrased or
re-attributed. Pairs whose two quotes carry the same words only are mostly the corpus's own
duplicate stories, so the sample takes 30 pairs that changed something and 10 that did not.

``--sample`` writes pairs to review (text and context, for the reviewer only, outside the
project) and a key beside it; a reviewer who never sees compare_quotes's labels judges each
pair: the same utterance or not, and which labels apply. The judgements are kept in
``benchmarks/data/fidelity_review_bbc.jsonl`` as article ids, character offsets and the
reviewer's answers — never the articles' words (their rights stay with the BBC).

Scoring re-runs compare_quotes and finds each reviewed pair in its output by overlapping spans:
precision is the share of reviewed pairs, still matched, that the reviewer called the same
utterance; labels are compared one by one on the pairs that are. Each review round is scored on
its own: a round whose pairs were used to change the matcher is no longer out of sample, and
the table says which.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
BBC = HERE.parent.parent / "shared" / "corpora" / "bbc"
REVIEWS = HERE / "data" / "fidelity_review_bbc.jsonl"
#: both directions of a change are one change for comparing labels
_SAME = {"partial→direct": "direct→partial", "reported→quoted": "quoted→reported", "extended": "trimmed",
         "distancing dropped": "distancing added"}


def _pairs(corpus):
    from newslib.quotes import compare_quotes

    q = corpus.quotes()
    span = {(r.article_id, r.quote_id): (int(r.start), int(r.end), r.type) for r in q.itertuples()}
    df = compare_quotes(corpus, group_by="id")
    out = []
    for r in df[df["group_b"].notna()].itertuples():
        sa, ea, ta = span[(r.article_a, r.quote_id_a)]
        sb, eb, tb = span[(r.article_b, r.quote_id_b)]
        out.append({"article_a": r.article_a, "start_a": sa, "end_a": ea, "article_b": r.article_b,
                    "start_b": sb, "end_b": eb, "labels": r.labels, "speaker": r.speaker,
                    "speaker_b": r.speaker_b, "type_a": ta, "type_b": tb, "verb_a": r.verb_a, "verb_b": r.verb_b,
                    "evidence": r.evidence})
    return out


def _fit(p: dict, g: dict) -> float:
    """How well pair ``p`` covers reviewed pair ``g``: the smaller of the two sides' span
    overlap (intersection over union), either way round; 0 when a side does not overlap."""
    def iou(s1, e1, s2, e2):
        inter = min(e1, e2) - max(s1, s2)
        return inter / (max(e1, e2) - min(s1, s2)) if inter > 0 else 0.0
    best = 0.0
    for a, sa, ea, b, sb, eb in ((g["article_a"], g["start_a"], g["end_a"], g["article_b"], g["start_b"], g["end_b"]),
                                 (g["article_b"], g["start_b"], g["end_b"], g["article_a"], g["start_a"], g["end_a"])):
        if p["article_a"] == a and p["article_b"] == b:
            best = max(best, min(iou(p["start_a"], p["end_a"], sa, ea), iou(p["start_b"], p["end_b"], sb, eb)))
    return best


def _hit(p: dict, g: dict) -> bool:
    return _fit(p, g) > 0


def _find(pairs: list[dict], g: dict) -> dict | None:
    """The pair of compare_quotes's output that is the reviewed pair (a reported clause and the
    partial quotation inside it both overlap: the closer fit wins)."""
    best = max(pairs, key=lambda p: _fit(p, g), default=None)
    return best if best is not None and _fit(best, g) > 0 else None


def _norm(labels) -> set[str]:
    return {_SAME.get(x, x) for x in labels} - {"speaker changed"}


def score(pairs: list[dict], reviews: list[dict]) -> None:
    rounds = sorted({g["round"] for g in reviews})
    by_evidence: Counter = Counter()
    labels_by_evidence: Counter = Counter()
    for g in reviews:
        p = _find(pairs, g)
        if p is not None:
            by_evidence[(g["round"], p["evidence"], g["same_utterance"] == "yes")] += 1
            if g["same_utterance"] == "yes":
                mine, theirs = _norm(p["labels"].split("; ")), _norm(g["labels"])
                for lab in mine | theirs:
                    labels_by_evidence[(p["evidence"], (lab in mine) == (lab in theirs))] += 1
    print(f"{'round':<7}{'reviewed':>9}{'matched':>9}{'same':>6}{'no':>4}{'unsure':>7}{'precision':>10}"
          f"{'labels':>12}{'agree':>7}  note")
    for rnd in rounds:
        rs = [g for g in reviews if g["round"] == rnd]
        matched, verdict, ok, total = 0, Counter(), 0, 0
        for g in rs:
            p = _find(pairs, g)
            if p is None:
                continue
            matched += 1
            verdict[g["same_utterance"]] += 1
            if g["same_utterance"] == "yes":
                mine, theirs = _norm(p["labels"].split("; ")), _norm(g["labels"])
                for lab in mine | theirs:
                    total += 1
                    ok += (lab in mine) == (lab in theirs)
        prec = verdict["yes"] / matched if matched else 0.0
        print(f"{rnd:<7}{len(rs):>9}{matched:>9}{verdict['yes']:>6}{verdict['no']:>4}{verdict['unsure']:>7}"
              f"{prec:>10.3f}{f'{ok}/{total}':>12}{ok / max(1, total):>7.3f}  {rs[0].get('round_note', '')}")
    print("\nprecision by the evidence column (verbatim: one version a part of the other, the shorter "
          "with four content words or six words; phrase: a shorter part; paraphrase: reworded)")
    for rnd in rounds:
        cells = []
        for ev in ("verbatim", "phrase", "paraphrase"):
            yes, no = by_evidence[(rnd, ev, True)], by_evidence[(rnd, ev, False)]
            cells.append(f"{ev} {yes}/{yes + no}" + (f" = {yes / (yes + no):.3f}" if yes + no else ""))
        print(f"  round {rnd}: " + "; ".join(cells))
    cells = []
    for ev in ("verbatim", "phrase", "paraphrase"):
        yes = sum(by_evidence[(r, ev, True)] for r in rounds)
        alln = yes + sum(by_evidence[(r, ev, False)] for r in rounds)
        lok, lall = labels_by_evidence[(ev, True)], labels_by_evidence[(ev, True)] + labels_by_evidence[(ev, False)]
        cells.append(f"{ev}: same {yes}/{alln}, labels {lok}/{lall}")
    print("  all rounds: " + "; ".join(cells))
    print("precision: reviewed pairs still matched that the reviewer called the same utterance "
          "('unsure' counts against); labels: each label either side uses, agreeing when both have it "
          "or neither ('speaker changed' left out: it follows the speaker columns; each direction of a "
          "change counts as one)")


def sample(pairs: list[dict], reviews: list[dict], texts: dict[str, str], n: int, seed: int, out: Path,
           stratify: str = "labels") -> None:
    fresh = [p for p in pairs if not any(_hit(p, g) for g in reviews)]
    rng = random.Random(seed)
    if stratify == "evidence":
        # half the pairs verbatim, half phrase or paraphrase: each class's precision measured
        strong = [p for p in fresh if p["evidence"] == "verbatim"]
        weak = [p for p in fresh if p["evidence"] != "verbatim"]
        k_changed = min(len(strong), n // 2)
        chosen = rng.sample(strong, k_changed) + rng.sample(weak, min(len(weak), n - k_changed))
    else:
        changed = [p for p in fresh if p["labels"] != "same words"]
        same = [p for p in fresh if p["labels"] == "same words"]
        k_changed = min(len(changed), round(n * 0.75))
        chosen = rng.sample(changed, k_changed) + rng.sample(same, min(len(same), n - k_changed))
    rng.shuffle(chosen)

    def ctx(aid: str, s: int, e: int) -> str:
        t = texts[aid]
        return t[max(0, s - 400):s] + "⟦" + t[s:e] + "⟧" + t[e:e + 250]
    with out.open("w", encoding="utf-8") as f, out.with_suffix(".key.jsonl").open("w", encoding="utf-8") as k:
        for i, p in enumerate(chosen):
            side = {x: {"article": p[f"article_{x.lower()}"], "quote": texts[p[f"article_{x.lower()}"]][p[f"start_{x.lower()}"]:p[f"end_{x.lower()}"]],
                        "type": p[f"type_{x.lower()}"], "cue_verb": p[f"verb_{x.lower()}"] if isinstance(p[f"verb_{x.lower()}"], str) else None,
                        "context": ctx(p[f"article_{x.lower()}"], p[f"start_{x.lower()}"], p[f"end_{x.lower()}"])} for x in "AB"}
            f.write(json.dumps({"pair": i, "speaker_entity": p["speaker"], **side}, ensure_ascii=False) + "\n")
            k.write(json.dumps({"pair": i, **{x: p[x] for x in ("article_a", "start_a", "end_a", "article_b",
                                                                 "start_b", "end_b", "labels")}}) + "\n")
    print(f"{len(chosen)} pairs ({k_changed} {'verbatim' if stratify == 'evidence' else 'changed'}, "
          f"{len(chosen) - k_changed} {'other' if stratify == 'evidence' else 'same words'}) of {len(fresh)} "
          f"not yet reviewed -> {out} and {out.with_suffix('.key.jsonl')}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=BBC)
    ap.add_argument("--sample", type=int, default=0, help="write this many unreviewed pairs to review")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=Path("/tmp/review_input.jsonl"))
    ap.add_argument("--stratify", choices=["labels", "evidence"], default="labels",
                    help="labels: 30 changed + 10 same words (rounds 1-2); evidence: half verbatim (round 3)")
    a = ap.parse_args(argv)
    if not a.corpus.exists():
        print(f"needs the BBC corpus at {a.corpus}")
        return 2
    import newslib

    c = newslib.load_corpus(a.corpus)
    pairs = _pairs(c)
    reviews = [json.loads(line) for line in REVIEWS.open(encoding="utf-8")] if REVIEWS.exists() else []
    print(f"compare_quotes on {len(c)} articles, every article its own group: {len(pairs)} pairs, "
          f"{sum(p['labels'] != 'same words' for p in pairs)} with a change")
    if a.sample:
        sample(pairs, reviews, {x.id: x.text for x in c.articles}, a.sample, a.seed, a.out, a.stratify)
        return 0
    if reviews:
        score(pairs, reviews)
    return 0


if __name__ == "__main__":
    sys.exit(main())
