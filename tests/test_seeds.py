"""The default corpus is the real one: seeds/ holds the two seed articles byte for byte."""

from __future__ import annotations

import hashlib

import pytest
from conftest import ROOT, SEED_IDS, SEEDS, SHARED

# The digests of ../shared/seeds/SHA256SUMS, written here so the check also runs without ../shared.
DIGESTS = {
    "000_b2f73600e7ed8564.txt": "667e17e98cb467848ff9882bb4c9a73522eacf652375bb9fc521948e23c4875c",
    "001_5d07a8dc69e627f0.txt": "7f130f84c6b518543103b5607f57d2179bb6183f2078c127a0ab9e859a1e1137",
}


@pytest.mark.parametrize("name", sorted(DIGESTS))
def test_seed_files_are_byte_for_byte_as_scraped(name):
    assert hashlib.sha256((SEEDS / name).read_bytes()).hexdigest() == DIGESTS[name]


def test_seed_digests_match_the_shared_sums():
    sums = SHARED / "seeds" / "SHA256SUMS"
    if not sums.is_file():
        pytest.skip("../shared/seeds is absent; the digests written above are checked instead")
    listed = dict(reversed(line.split()) for line in sums.read_text().splitlines() if line.strip())
    assert listed == DIGESTS


def test_seed_metadata_names_both_files():
    rows = (SEEDS / "metadata.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert sorted(r.split(",")[0] for r in rows) == SEED_IDS


def test_the_extractor_gets_every_quote_of_the_seed_gold_right():
    """The hand-made gold of both seeds (tests/data/seed_quotes_gold.jsonl, written from the
    texts): every quoted span and reported-speech clause found, nothing else, each with its
    speaker's full canonical name and the right direct/partial type (issue 16 item 3)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("eval_gold", ROOT / "benchmarks" / "eval_gold.py")
    eval_gold = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(eval_gold)
    from newslib.evaluation import score

    corpus, gold, texts = eval_gold.load(ROOT / "tests" / "data" / "seed_quotes_gold.jsonl")
    s = score(corpus.quotes(), gold, texts)
    for cls in ("quoted", "reported"):
        assert (s[cls]["fp"], s[cls]["fn"]) == (0, 0), s["matches"][["cls", "quote", "pred_speaker"]]
    assert s["speaker_accuracy"] == 1.0 and s["speakers_scored"] >= 14 and s["type_accuracy"] == 1.0
