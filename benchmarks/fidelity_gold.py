"""Score compare_quotes on PolNeAR dev against an independent gold list of cross-publisher pairs.

    python benchmarks/fidelity_gold.py [--show]

``benchmarks/data/polnear_fidelity_gold.jsonl`` was written by hand from the PolNeAR texts
and annotations by someone who never saw newslib's matches: every pair of quotes or reported
speech in articles of two publishers that report the same utterance, with the labels they judged,
plus near misses (same speaker, shared words, another utterance). It holds character offsets
only, never the articles' words (their licence stays with PolNeAR; ../shared is read, nothing
copied).

A matched pair of compare_quotes is *right* when both its quotes overlap the two spans of a gold
same-utterance pair, *wrong* when they overlap a near miss, and *unjudged* when the gold has
neither (``--show`` prints those for reading by hand). Recall is over the gold pairs whose two
spans the extractor found as quotes of one speaker entity, and over all gold pairs. Labels are
compared for right pairs, label by label, on the labels both conventions share.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from fidelity_polnear import SHARED, polnear_corpus  # noqa: E402

from newslib.quotes import compare_quotes  # noqa: E402

GOLD = HERE / "data" / "polnear_fidelity_gold.jsonl"
#: labels whose meaning both the gold and compare_quotes share (the gold's "reworded" marks any
#: paraphrase, compare_quotes's only a quote of the same length with other words)
SHARED_LABELS = ("same words", "trimmed", "extended", "direct→partial", "quoted→reported", "verb changed",
                 "distancing added")


def _class_changed(verb_a: str | None, verb_b: str | None) -> bool:
    """Whether two reporting verbs as the gold wrote them differ in class (a verb unknown to
    the lexicon, "treating … as a compliment", counts as a change)."""
    from newslib.lexicons import reporting_verbs

    def cls(v: str | None) -> str | None:
        for w in reversed(str(v or "").lower().replace(":", "").split()):
            if w in reporting_verbs():
                return reporting_verbs()[w][1]
        return None
    ca, cb = cls(verb_a), cls(verb_b)
    return ca is None or cb is None or ca != cb


def _overlaps(s1: int, e1: int, s2: int, e2: int) -> bool:
    return min(e1, e2) - max(s1, s2) > 0


def _find(gold: list[dict], art_a: str, sa: int, ea: int, art_b: str, sb: int, eb: int) -> dict | None:
    for g in gold:
        for (da, ga0, ga1, db, gb0, gb1) in ((g["doc_a"], g["start_a"], g["end_a"], g["doc_b"], g["start_b"], g["end_b"]),
                                             (g["doc_b"], g["start_b"], g["end_b"], g["doc_a"], g["start_a"], g["end_a"])):
            if da == art_a and db == art_b and _overlaps(sa, ea, ga0, ga1) and _overlaps(sb, eb, gb0, gb1):
                return g
    return None


def _norm_labels(labels: set[str]) -> set[str]:
    """Both directions of a change are one change for this comparison."""
    m = {"partial→direct": "direct→partial", "reported→quoted": "quoted→reported", "extended": "trimmed",
         "distancing dropped": "distancing added"}
    return {m.get(x, x) for x in labels}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--show", action="store_true", help="print unjudged and missed pairs")
    p.add_argument("--attributions", action="store_true",
                   help="match PolNeAR's annotated attributions instead of newslib's extraction "
                        "(the matcher alone; see fidelity_polnear_attributions.py)")
    a = p.parse_args(argv)
    src = SHARED / "eval" / "polnear" / "polnear_dev.jsonl"
    if not src.exists() or not GOLD.exists():
        print(f"needs {src} and {GOLD}")
        return 2
    gold = [json.loads(line) for line in GOLD.open(encoding="utf-8")]
    same = [g for g in gold if g["same_utterance"]]
    c = polnear_corpus(src)
    texts = {x.id: x.text for x in c.articles}
    if a.attributions:
        from fidelity_polnear_attributions import attribution_comparison
        df, q = attribution_comparison(src, c)
    else:
        df = compare_quotes(c, group_by="outlet")
        q = c.quotes()
    span = {(r.article_id, r.quote_id): (int(r.start), int(r.end)) for r in q.itertuples()}
    pairs = df[df["group_b"].notna()]
    right, wrong, unjudged, found = [], [], [], set()
    label_ok = label_all = verb_convention = 0
    for r in pairs.itertuples():
        sa, ea = span[(r.article_a, r.quote_id_a)]
        sb, eb = span[(r.article_b, r.quote_id_b)]
        g = _find(gold, r.article_a, sa, ea, r.article_b, sb, eb)
        if g is None:
            unjudged.append(r)
        elif g["same_utterance"]:
            right.append(r)
            found.add(id(g))
            mine = _norm_labels(set(str(r.labels).split("; "))) & set(SHARED_LABELS)
            theirs = _norm_labels(set(g["labels"])) & set(SHARED_LABELS)
            if "verb changed" in theirs and not _class_changed(g.get("verb_a"), g.get("verb_b")):
                # the gold marks any change of verb ("said" -> "told"); compare_quotes a change of
                # kind (neutral -> critical or distancing): the gold's own verbs decide
                theirs.discard("verb changed")
                verb_convention += 1
            if a.show and mine != theirs:
                print(f"  labels differ: {r.quote_a[:50]!r} | {r.quote_b[:50]!r}: ours {sorted(mine)}, gold {sorted(theirs)}")
            for lab in SHARED_LABELS:
                if lab in mine or lab in theirs:
                    label_all += 1
                    label_ok += (lab in mine) == (lab in theirs)
        else:
            wrong.append(r)
    # gold pairs the extractor could match: both spans found as quotes of one speaker entity
    by_art: dict[str, list] = {}
    for r in q.itertuples():
        by_art.setdefault(r.article_id, []).append(r)

    def quote_at(doc, s, e):
        return next((r for r in by_art.get(doc, []) if _overlaps(s, e, int(r.start), int(r.end))), None)

    reachable = [g for g in same if (qa := quote_at(g["doc_a"], g["start_a"], g["end_a"])) is not None
                 and (qb := quote_at(g["doc_b"], g["start_b"], g["end_b"])) is not None and qa.speaker == qb.speaker]
    n = len(pairs)
    print(f"gold: {len(same)} same-utterance pairs, {len(gold) - len(same)} near misses ({GOLD.name})")
    print(f"compare_quotes: {n} cross-publisher pairs; right {len(right)}, wrong {len(wrong)} (near misses), "
          f"not in the gold {len(unjudged)}")
    if right or wrong:
        print(f"  precision over judged pairs: {len(right) / max(1, len(right) + len(wrong)):.3f}")
    print(f"  recall: {len(found)}/{len(same)} gold pairs = {len(found) / max(1, len(same)):.3f}; "
          f"{sum(id(g) in found for g in reachable)}/{len(reachable)} of those whose two quotes the extractor "
          f"found with one speaker")
    if label_all:
        print(f"  labels (right pairs, {', '.join(SHARED_LABELS)}): {label_ok}/{label_all} agree = {label_ok / label_all:.3f}"
              f" ('verb changed' as a change of verb class: {verb_convention} gold marks of a change within "
              f"one class, such as said -> told, not counted)")
    if a.show:
        for title, rows in (("not in the gold", unjudged), ("wrong", wrong)):
            print(f"\n-- {title}")
            for r in rows:
                print(f"  {r.speaker}: {r.article_a} «{r.quote_a}» | {r.article_b} «{r.quote_b}» [{r.labels}]")
        print("\n-- gold pairs missed")
        for g in same:
            if id(g) not in found:
                ta = texts[g["doc_a"]][g["start_a"]:g["end_a"]]
                tb = texts[g["doc_b"]][g["start_b"]:g["end_b"]]
                qa, qb = quote_at(g["doc_a"], g["start_a"], g["end_a"]), quote_at(g["doc_b"], g["start_b"], g["end_b"])
                print(f"  {g['speaker']}: «{ta[:90]}» ({qa.speaker if qa else 'not found'}) | «{tb[:90]}» "
                      f"({qb.speaker if qb else 'not found'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
