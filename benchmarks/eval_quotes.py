"""Score newslib.extract_quotes against annotated quotes.

Two gold formats:
* PolNeAR-derived JSONL (``../shared/eval/polnear/polnear_dev.jsonl``): predictions are written
  in the scorer's format and scored by its ``score_quotes.py`` (span P/R/F1 at overlap >= 0.5,
  strict speaker accuracy, end-to-end F1), for quoted segments and for all attributions, then
  (labelled apart, the reference staying the first) for quoted segments without the documents
  whose gold segments the conversion paired inside out at ``''`` marks;
* simple cases JSONL (``{text, expect: [{quote, speaker, type}], expect_none}`` per line, or
  ``{file, quote, speaker, type}`` rows): each expected quote must be found with its speaker.

    python benchmarks/eval_quotes.py                      # both, from ../shared when present
    python benchmarks/eval_quotes.py --polnear PATH --cases PATH --show-failures
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

from newslib.quotes import extract_quotes

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "eval"
SCARE = False
MARKS = "\"“”„«»'‘’`"


def predict_polnear(gold_path: Path, out_path: Path, *, indirect: bool) -> None:
    with open(gold_path, encoding="utf-8") as fh, open(out_path, "w", encoding="utf-8") as out:
        seen = set()
        for line in fh:
            doc = json.loads(line)
            if doc["doc_id"] in seen:
                continue
            seen.add(doc["doc_id"])
            text = doc["text"]
            df = extract_quotes(text, include_indirect=indirect, include_scare=SCARE)
            # one prediction per attribution (the rows one cue introduces: "“A,” he said, “B.”"
            # and a partial quote inside its reported clause). The scorer splits them into their
            # spans again for the quoted-segment unit.
            by_attr: dict[int, dict] = {}
            for r in df.itertuples():
                s, e = int(r.start), int(r.end)
                if r.type != "indirect":  # content spans include the quotation marks
                    while s > 0 and text[s - 1] in MARKS:
                        s -= 1
                    while e < len(text) and text[e] in MARKS:
                        e += 1
                q = by_attr.setdefault(int(r.attribution_id), {"content": [], "source": []})
                if not any(c["start"] <= s and e <= c["end"] for c in q["content"]):
                    q["content"].append({"start": s, "end": e})
                if not q["source"] and not pd.isna(r.mention_start):
                    q["source"] = [{"start": int(r.mention_start), "end": int(r.mention_end)}]
            quotes = list(by_attr.values())
            out.write(json.dumps({"doc_id": doc["doc_id"], "quotes": quotes}) + "\n")


def score_polnear(gold: Path) -> None:
    scorer = gold.parent / "score_quotes.py"
    with tempfile.TemporaryDirectory() as tmp:
        pred_q = Path(tmp) / "pred_quoted.jsonl"
        pred_all = Path(tmp) / "pred_all.jsonl"
        predict_polnear(gold, pred_q, indirect=False)
        predict_polnear(gold, pred_all, indirect=True)
        print(f"== PolNeAR quoted segments ({gold.name}) ==", flush=True)
        subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred_q),
                        "--thresholds", "0.5"], check=True)
        print("== PolNeAR all attributions (--unit attribution --subset all --pred-filter none) ==", flush=True)
        subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred_all),
                        "--unit", "attribution", "--subset", "all", "--pred-filter", "none",
                        "--thresholds", "0.5"], check=True)
        # a second, labelled figure: without the documents whose gold quoted segments the
        # conversion paired inside out. The scores above stay the reference.
        kept, dropped = _without_inverted_segments(gold, Path(tmp))
        if dropped:
            print(f"== PolNeAR quoted segments without the {dropped} documents whose gold segments are "
                  "bounded by a '' mark on one side only (the conversion pairs ''...'' marks inside out: "
                  "the gold then holds the words outside the marks) ==", flush=True)
            subprocess.run([sys.executable, str(kept.parent / scorer.name), "--gold", str(kept),
                            "--pred", str(pred_q), "--thresholds", "0.5"], check=True)


def _without_inverted_segments(gold: Path, tmp: Path) -> tuple[Path, int]:
    """A copy of ``gold`` (with its scorer beside it) without the documents where a derived
    quoted segment starts with a '' mark and does not end with one, or the reverse."""
    import shutil

    out_dir = tmp / "no_inverted"
    out_dir.mkdir()
    for f in gold.parent.glob("*.py"):
        shutil.copy(f, out_dir / f.name)
    kept, dropped = out_dir / gold.name, 0
    with open(gold, encoding="utf-8") as fh, open(kept, "w", encoding="utf-8") as out:
        for line in fh:
            doc = json.loads(line)
            text = doc["text"]
            segs = [text[q["start"]:q["end"]].strip() for a in doc["attributions"]
                    for q in a["derived"].get("quoted_segments", [])]
            if any(sg.startswith("''") != sg.endswith("''") for sg in segs):
                dropped += doc.get("primary", True)
                continue
            out.write(line)
    return kept, dropped


def _norm(s: str | None) -> str:
    return " ".join((s or "").replace("’", "'").split()).strip(" ,.").lower()


def check_case(case: dict) -> list[str]:
    """Return the failures of one case (empty when it passes)."""
    df = extract_quotes(case["text"])
    got = [(_norm(r.quote), _norm(r.speaker), r.type) for r in df.itertuples()]
    fails = []
    for exp in case.get("expect", []):
        q, spk = _norm(exp["quote"]), _norm(exp.get("speaker"))
        match = [g for g in got if g[0] == q or (q and (q in g[0] or g[0] in q) and len(g[0]) > 0.5 * len(q))]
        if not match:
            fails.append(f"missing quote {exp['quote']!r}")
        elif not any(m[1] == spk for m in match):
            fails.append(f"quote {exp['quote'][:40]!r}: speaker {match[0][1]!r}, expected {spk!r}")
        elif exp.get("type") and not any(m[2] == exp["type"] for m in match if m[1] == spk):
            fails.append(f"quote {exp['quote'][:40]!r}: type {match[0][2]!r}, expected {exp['type']!r}")
    for bad in case.get("expect_none", []):
        b = _norm(bad if isinstance(bad, str) else bad.get("quote"))
        if any(g[0] == b for g in got):
            fails.append(f"returned {bad!r}, which is not a quote")
    return fails


def score_cases(path: Path, *, show: bool) -> tuple[int, int]:
    cases = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if cases and "file" in cases[0] and "text" not in cases[0]:
        grouped: dict[str, dict] = {}
        for row in cases:
            text = (path.parent / row["file"]).read_text(encoding="utf-8")
            grouped.setdefault(row["file"], {"id": row["file"], "text": text, "expect": []})["expect"].append(row)
        cases = list(grouped.values())
    passed = 0
    for case in cases:
        fails = check_case(case)
        passed += not fails
        if fails and show:
            print(f"  FAIL {case.get('id')} {case.get('feature', '')}: " + "; ".join(fails))
    print(f"cases: {passed} passed, {len(cases) - passed} failed ({path.name})")
    return passed, len(cases)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--polnear", type=Path, default=SHARED / "polnear" / "polnear_dev.jsonl")
    p.add_argument("--cases", type=Path, default=SHARED / "synthetic_cases.jsonl")
    p.add_argument("--show-failures", action="store_true")
    a = p.parse_args(argv)
    if a.cases.exists():
        score_cases(a.cases, show=a.show_failures)
    else:
        print(f"skipped cases: {a.cases} not found")
    if a.polnear.exists():
        score_polnear(a.polnear)
    else:
        print(f"skipped PolNeAR: {a.polnear} not found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
