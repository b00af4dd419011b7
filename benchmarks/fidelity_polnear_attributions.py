"""The matcher of compare_quotes alone, on PolNeAR dev's annotated attributions.

    python benchmarks/fidelity_polnear_attributions.py [--out pairs.csv] [--sample 40]

Why: end to end, compare_quotes finds only as many cross-publisher pairs as the extractor finds
quotes of one speaker entity in two articles (17 on PolNeAR dev), too few for a review sample of
30. Here the extraction is held fixed at the annotators' spans: every attribution of PolNeAR dev
(its content, cue and source) becomes a row of a quote table, and compare_quote_tables lines them
up across publishers exactly as it lines up newslib's own rows. What this measures is the
matching and the labels, not the extractor.

How a gold attribution becomes a row:
  * content: a direct quotation is one ``direct`` row (its words without the marks); a mixed
    one gives a ``partial`` row per quoted segment; an indirect one is one ``indirect`` row;
  * verb: the last word of the cue; speaker: newslib's resolved speaker when newslib attributed a
    quote whose mention overlaps the annotated source (pronouns are resolved so), otherwise the
    source as the article's names resolve it (``NameResolver``) and then across the corpus
    (``resolve_speakers``); a pronoun newslib did not resolve is left out.

Prints the counts, writes every cross-publisher pair with both sentences to --out (for the hand
review) and a reproducible sample of --sample pairs. Needs ../shared; nothing is copied.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from fidelity_polnear import SHARED, polnear_corpus  # noqa: E402

from newslib.quotes.entities import NameResolver, resolve_speakers  # noqa: E402
from newslib.quotes.fidelity import compare_quote_tables  # noqa: E402

_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "its", "their",
             "who", "which", "that", "this", "one"}


def _primary(path: Path) -> dict[str, dict]:
    docs: dict[str, dict] = {}
    for line in path.open(encoding="utf-8"):
        d = json.loads(line)
        if d["doc_id"] not in docs:       # the same document as polnear_corpus keeps
            docs[d["doc_id"]] = d
    return docs


def _overlap(s1: int, e1: int, s2: int, e2: int) -> bool:
    return min(e1, e2) - max(s1, s2) > 0


def gold_quote_table(docs: dict[str, dict], ours: pd.DataFrame) -> pd.DataFrame:
    """One quote row per annotated attribution (see the module docstring)."""
    rows: list[dict] = []
    ours = ours[ours["mention_start"].notna()]
    by_art = {a: g for a, g in ours.groupby("article_id", observed=True)}
    for aid, d in docs.items():
        names = NameResolver(d["text"])
        mine = by_art.get(aid)
        for k, att in enumerate(d["attributions"]):
            if not att.get("source") or not att.get("content") or not att.get("cue"):
                continue
            src = att["source"][0]
            s0, s1 = src["start"], src["end"]
            speaker, resolved = None, False
            if mine is not None:
                hit = mine[[_overlap(s0, s1, int(a), int(b)) for a, b in zip(mine["mention_start"], mine["mention_end"], strict=True)]]
                if len(hit):
                    speaker, resolved = str(hit["speaker"].iloc[0]), True
            if speaker is None:
                if src["text"].strip().lower() in _PRONOUNS:
                    continue
                speaker = names.canonical(src["text"])
            verb = att["cue"][-1]["text"].split()[-1].lower()
            base = {"article_id": aid, "attribution_id": k, "speaker": speaker, "mention": src["text"],
                    "verb": verb, "resolved": resolved}
            kind = att["derived"]["quote_type"]
            if kind == "mixed":
                for seg in att["derived"]["quoted_segments"]:
                    rows.append({**base, "type": "partial", "quote": seg["text"].strip("“”\"' ,."),
                                 "start": seg["start"], "end": seg["end"]})
            else:
                c0, c1 = att["content"][0]["start"], att["content"][-1]["end"]
                words = " ".join(c["text"] for c in att["content"])
                rows.append({**base, "type": "direct" if kind == "direct" else "indirect",
                             "quote": words.strip("“”\"' ,.") if kind == "direct" else words, "start": c0, "end": c1})
    df = pd.DataFrame(rows)
    df["quote_id"] = range(len(df))
    fresh = ~df["resolved"]
    texts = {a: d["text"] for a, d in docs.items()}
    df.loc[fresh, "speaker"] = resolve_speakers(df[fresh][["article_id", "speaker", "mention"]], texts=texts)["speaker"].astype(str).to_numpy()
    return df


def _sentence_ids(q: pd.DataFrame, sentences: pd.DataFrame) -> list[int | None]:
    """The sentence of newslib's sentence table each row starts in (what the distancing words
    and a one-word quote's context are read from)."""
    by_art: dict[str, list[tuple[int, int, int]]] = {}
    for aid, sid, s0, s1 in zip(sentences["article_id"].astype(str), sentences["sentence_id"], sentences["start"],
                                sentences["end"], strict=True):
        by_art.setdefault(aid, []).append((int(s0), int(s1), int(sid)))
    return [next((sid for s0, s1, sid in by_art.get(aid, []) if s0 <= start < s1), None)
            for aid, start in zip(q["article_id"], q["start"], strict=True)]


def attribution_comparison(path: Path, corpus) -> tuple[pd.DataFrame, pd.DataFrame]:
    """compare_quote_tables over the annotated attributions of ``path`` (publisher as group):
    the comparison and the quote table it ran on."""
    docs = _primary(path)
    q = gold_quote_table(docs, corpus.quotes())
    q["sentence_id"] = _sentence_ids(q, corpus.sentences())
    groups = {aid: d["publisher"] for aid, d in docs.items()}
    texts = {aid: d["text"] for aid, d in docs.items()}
    return compare_quote_tables(q, groups, texts, sentences=corpus.sentences()), q


def _sentence(text: str, start: int, end: int) -> str:
    lo = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start - 1) + 1, 0)
    hi = min([i for i in (text.find("\n", end), text.find(". ", end)) if i >= 0] or [len(text)])
    return " ".join(text[lo:hi + 1].split())


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", default="benchmarks/out/fidelity_polnear_attribution_pairs.csv")
    p.add_argument("--sample", type=int, default=40)
    a = p.parse_args(argv)
    path = SHARED / "eval" / "polnear" / "polnear_dev.jsonl"
    if not path.exists():
        print(f"PolNeAR not found: {path}")
        return 2
    docs = _primary(path)
    texts = {aid: d["text"] for aid, d in docs.items()}
    df, q = attribution_comparison(path, polnear_corpus(path))
    pairs = df[df["group_b"].notna()].copy()
    print(f"PolNeAR dev, annotated attributions: {len(docs)} articles, {len(q)} rows "
          f"({int(q['resolved'].sum())} speakers from newslib's resolution); "
          f"{len(pairs)} cross-publisher pairs")
    print(pairs["labels"].str.split("; ").explode().value_counts().to_string())
    rec = q.set_index("quote_id")
    pairs["sentence_a"] = [_sentence(texts[r.article_a], int(rec.at[r.quote_id_a, "start"]), int(rec.at[r.quote_id_a, "end"])) for r in pairs.itertuples()]
    pairs["sentence_b"] = [_sentence(texts[r.article_b], int(rec.at[r.quote_id_b, "start"]), int(rec.at[r.quote_id_b, "end"])) for r in pairs.itertuples()]
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    cols = ["speaker", "speaker_b", "group_a", "article_a", "type_a", "verb_a", "distancing_a", "quote_a", "sentence_a",
            "group_b", "article_b", "type_b", "verb_b", "distancing_b", "quote_b", "sentence_b", "similarity",
            "evidence", "labels"]
    pairs[cols].to_csv(a.out, index=False)
    print(f"wrote {a.out}")
    sample = pairs.sample(min(a.sample, len(pairs)), random_state=2026) if len(pairs) else pairs
    for i, r in enumerate(sample.itertuples(), 1):
        print(f"\n[{i}] {r.speaker}{' / ' + r.speaker_b if r.speaker_b != r.speaker else ''}  -> {r.labels}")
        print(f"  A {r.group_a} ({r.type_a}, {r.verb_a}; {r.distancing_a or '-'}): {r.quote_a}")
        print(f"  B {r.group_b} ({r.type_b}, {r.verb_b}; {r.distancing_b or '-'}): {r.quote_b}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
