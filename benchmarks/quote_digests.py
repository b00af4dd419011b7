"""Digests of the quote tables on the seeds, the demo corpus, BBC and PolNeAR dev, to show that a
refactoring changed no output: run it before and after and compare the two lines.

    python benchmarks/quote_digests.py
"""

import hashlib
import json

import newslib
from newslib.quotes import extract_quotes

out = {}
for p in ['seeds', 'examples/demo', '../shared/corpora/bbc']:
    if not __import__('os').path.exists(p):
        continue
    q = newslib.load_corpus(p).quotes()
    out[p] = hashlib.sha256(q.astype(str).to_csv(index=False).encode()).hexdigest()[:16]
h = hashlib.sha256()
polnear = '../shared/eval/polnear/polnear_dev.jsonl'
for line in (open(polnear) if __import__('os').path.exists(polnear) else []):
    d = json.loads(line)
    h.update(extract_quotes(d['text'], include_scare=True).astype(str).to_csv(index=False).encode())
out['polnear'] = h.hexdigest()[:16]
print(json.dumps(out))
