"""Score extracted quotes against a hand-made gold file — yours or the project's.

A researcher who annotates a few of their own articles can measure newslib on *their* house
style before trusting its share-of-voice tables; the project measures itself the same way
(``tests/data/*_gold*.jsonl``, ``benchmarks/eval_gold.py``).

Gold format (JSON Lines): one ``{"kind": "article", "article": id, "sha256": ...}`` line per
annotated article, then one line per attribution: ``{"kind": "quote", "article", "type":
direct|partial|indirect, "start", "end", "quote", "speaker", "speaker_kind", "mention", "verb",
"optional", "alternates"}``, offsets into the article *file's* text. Cleaning moves offsets, so
each gold span is found again in ``Article.text`` by its words.

Matching: a prediction matches a gold item of the same class (quoted = direct or partial;
reported = indirect) in the same article when their overlap is at least half of the longer of
the two (one-to-one, largest overlaps first). ``optional`` gold items (borderline cases) are
neither missed when not found nor false when found. The speaker is right when the predicted
canonical name equals the gold name or one of its ``alternates``, compared without case, a
leading article or a possessive.

>>> gold = [{"kind": "quote", "article": "a", "type": "direct", "start": 8, "end": 15,
...          "quote": "We won,", "speaker": "Ana Silva", "optional": False}]
>>> import pandas as pd
>>> pred = pd.DataFrame([{"article_id": "a", "type": "direct", "start": 8, "end": 15,
...                       "quote": "We won,", "speaker": "Ana Silva"}])
>>> s = score(pred, gold, {"a": ("Title\\n\\n“We won,” Ana Silva said.", "Title\\n\\n“We won,” Ana Silva said.")})
>>> s["quoted"]["f1"], s["speaker_accuracy"]
(1.0, 1.0)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["locate", "match", "normalise_speaker", "read_gold", "score"]

_CLASS = {"direct": "quoted", "partial": "quoted", "scare": "quoted", "indirect": "reported"}


def read_gold(path: str | Path) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """``({article id: sha256}, [gold quote rows])`` from a gold JSON Lines file."""
    articles: dict[str, str] = {}
    rows: list[dict[str, Any]] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        if obj.get("kind") == "article":
            articles[obj["article"]] = obj.get("sha256", "")
        else:
            rows.append(obj)
    return articles, rows


def normalise_speaker(name: object) -> str:
    """A speaker name for comparison: lower case, no leading article, trailing possessive or
    generational suffix (one person is counted once with or without "Jr.").

    >>> normalise_speaker("The Kremlin’s"), normalise_speaker(None), normalise_speaker("James P. Kennedy Jr.")
    ('kremlin', '', 'james p. kennedy')
    """
    if not isinstance(name, str):
        return ""
    s = " ".join(name.replace("’", "'").split()).lower()
    s = re.sub(r"^(?:the|a|an)\s+", "", s)
    s = re.sub(r",?\s+(?:jr|sr)\.?$|,?\s+(?:ii|iii|iv)$", "", s)
    return re.sub(r"'s?$", "", s).strip()


def locate(quote: str, raw: str, start: int, text: str) -> tuple[int, int] | None:
    """Where the gold span ``raw[start:start+len(quote)]`` lies in the cleaned ``text``: the
    occurrence of its words nearest the same relative position (whitespace may differ)."""
    pattern = r"\s+".join(map(re.escape, quote.split()))
    hits = [m.span() for m in re.finditer(pattern, text)] if pattern else []
    if not hits:
        return None
    where = start / max(1, len(raw)) * len(text)
    return min(hits, key=lambda h: abs(h[0] - where))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return max(0, inter) / max(a[1] - a[0], b[1] - b[0], 1)


def match(pred: pd.DataFrame, gold: Iterable[Mapping[str, Any]],
          texts: Mapping[str, tuple[str, str]], *, threshold: float = 0.5) -> pd.DataFrame:
    """One row per gold item and per unmatched prediction: ``article_id, cls, gold_index,
    pred_index, overlap, optional, gold_type, pred_type, gold_speaker, pred_speaker,
    speaker_ok, quote``. ``texts`` maps an article id to ``(file text, Article.text)``."""
    gold = [g for g in gold if g["article"] in texts]
    spans: dict[int, tuple[int, int] | None] = {}
    for i, g in enumerate(gold):
        raw, text = texts[g["article"]]
        spans[i] = locate(g["quote"], raw, g["start"], text)
    pred = pred[pred["article_id"].isin(texts)].reset_index(drop=True)
    has_kind = "speaker_kind" in pred.columns
    cands = []
    for i, g in enumerate(gold):
        if spans[i] is None:
            continue
        cls = _CLASS[g["type"]]
        same = pred[(pred["article_id"] == g["article"]) & (pred["type"].map(_CLASS) == cls)]
        for j, p in zip(same.index, same.itertuples(), strict=True):
            ov = _overlap(spans[i], (int(p.start), int(p.end)))
            if ov >= threshold:
                cands.append((ov, i, j))
    used_g: dict[int, tuple[int, float]] = {}
    used_p: set[int] = set()
    for ov, i, j in sorted(cands, reverse=True):
        if i not in used_g and j not in used_p:
            used_g[i] = (j, ov)
            used_p.add(j)
    rows = []
    for i, g in enumerate(gold):
        j, ov = used_g.get(i, (None, 0.0))
        ps = pred.at[j, "speaker"] if j is not None else None
        ok = [normalise_speaker(x) for x in [g["speaker"], *g.get("alternates", [])]]
        rows.append({"article_id": g["article"], "cls": _CLASS[g["type"]], "gold_index": i, "pred_index": j,
                     "overlap": ov, "optional": bool(g.get("optional")), "gold_type": g["type"],
                     "pred_type": pred.at[j, "type"] if j is not None else None,
                     "gold_speaker": g["speaker"], "pred_speaker": ps,
                     "speaker_ok": j is not None and normalise_speaker(ps) in ok,
                     "gold_kind": g.get("speaker_kind"),
                     "pred_kind": pred.at[j, "speaker_kind"] if j is not None and has_kind else None,
                     "quote": g["quote"], "located": spans[i] is not None})
    for j, p in pred.iterrows():
        if j not in used_p:
            rows.append({"article_id": p["article_id"], "cls": _CLASS.get(p["type"], "quoted"), "gold_index": None,
                         "pred_index": j, "overlap": 0.0, "optional": False, "gold_type": None,
                         "pred_type": p["type"], "gold_speaker": None, "pred_speaker": p["speaker"],
                         "speaker_ok": False, "gold_kind": None,
                         "pred_kind": p["speaker_kind"] if has_kind else None, "quote": p["quote"], "located": True})
    return pd.DataFrame(rows)


def _prf(m: pd.DataFrame, cls: str) -> dict[str, float]:
    sub = m[m["cls"] == cls]
    tp = int((sub["gold_index"].notna() & sub["pred_index"].notna() & ~sub["optional"]).sum())
    fn = int((sub["gold_index"].notna() & sub["pred_index"].isna() & ~sub["optional"]).sum())
    fp = int((sub["gold_index"].isna()).sum())
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score(pred: pd.DataFrame, gold: Iterable[Mapping[str, Any]], texts: Mapping[str, tuple[str, str]]) -> dict[str, Any]:
    """Quoted-span and reported-speech precision/recall/F1, full-name speaker accuracy (over
    matched, non-optional items of both classes), direct/partial type accuracy, and speaker-kind
    accuracy: of the items whose speaker is right and whose gold kind is person, organisation
    or group, how many the prediction gives that kind (what a share-of-voice chart by kind counts).

    >>> gold = [{"kind": "quote", "article": "a", "type": "indirect", "start": 24, "end": 34,
    ...          "quote": "sales fell", "speaker": "Reuters", "speaker_kind": "organisation"}]
    >>> pred = pd.DataFrame([{"article_id": "a", "type": "indirect", "start": 24, "end": 34,
    ...                       "quote": "sales fell", "speaker": "Reuters", "speaker_kind": "person"}])
    >>> t = "Title\\n\\nReuters reported sales fell."
    >>> s = score(pred, gold, {"a": (t, t)})
    >>> s["speaker_accuracy"], s["speaker_kind_accuracy"], s["kinds_scored"]
    (1.0, 0.0, 1)
    """
    m = match(pred, gold, texts)
    matched = m[m["gold_index"].notna() & m["pred_index"].notna() & ~m["optional"]]
    quoted = matched[matched["cls"] == "quoted"]
    kinds = matched[matched["speaker_ok"] & matched["gold_kind"].isin(["person", "organisation", "group"])]
    return {
        "speaker_kind_accuracy": float((kinds["gold_kind"] == kinds["pred_kind"]).mean()) if len(kinds) else 1.0,
        "kinds_scored": len(kinds),
        "quoted": _prf(m, "quoted"),
        "reported": _prf(m, "reported"),
        "speaker_accuracy": float(matched["speaker_ok"].mean()) if len(matched) else 1.0,
        "speakers_scored": len(matched),
        "type_accuracy": float((quoted["gold_type"] == quoted["pred_type"]).mean()) if len(quoted) else 1.0,
        "matches": m,
    }
