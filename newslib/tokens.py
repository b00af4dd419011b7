"""Sentences and tokens with character offsets, offline.

Why not NLTK's ``word_tokenize``? It needs the Punkt model from ``nltk.download()`` (not
available offline) and it rewrites quotation marks (`` '' ``), so its tokens no longer match
the text. newslib's tokeniser is one regular expression plus a short pass in Python, so every
token satisfies ``text[start:end] == token`` — the property that lets quotes, KWIC lines and
highlights point back into the article. Choices a news reader expects:

* initialisms and known abbreviations keep their full stop (``U.S.``, ``p.m.``, ``Mr.``);
* money and numbers stay whole (``$40``, ``1,000``, ``5.5%``, ``$1.13bn``);
* hyphenated compounds stay whole (``Israel-Hamas``, ``Su-35``);
* possessives and contractions split as the Penn Treebank does (``Iran`` + ``’s``,
  ``do`` + ``n't``), and ``lower`` unifies curly and straight apostrophes and quotes.

The sentence splitter is rule-based: a paragraph break always ends a sentence; ``. ? !`` end one
when the next word starts with a capital, a digit or an opening quote, except after a title
(``Mr.``), an initial (``F.``), or an abbreviation followed by an ordinary capitalised word
(``the U.S. State Department``). A user who has NLTK's Punkt data can pass
``method="punkt"`` to :func:`sentence_spans`; it is never required.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from .corpus import Article

__all__ = ["tokenize", "sentence_spans", "split_sentences", "stopwords", "normalize_token",
           "tokens_frame", "sentences_frame"]

_TOKEN_RE = re.compile(
    r"""
    (?P<url>https?://[^\s<>"“”]+[^\s<>"“”.,;:!?)'’]|www\.[^\s<>"“”]+[^\s<>"“”.,;:!?)'’])
  | (?P<init>(?:[^\W\d_]\.){2,})
  | (?P<num>[$£€¥₹]?\d+(?:[.,:]\d+)*(?:%|bn|tn|m|k|s|st|nd|rd|th)?(?![^\W\d_]))
  | (?P<word>[^\W\d_]\w*(?:(?:[-‐‑]|['’](?!(?i:s|re|ve|ll|d|m|t)\b))\w+)*)
  | (?P<clitic>['’](?i:s|re|ve|ll|d|m|t)\b)
  | (?P<num2>\d\w*(?:[-‐‑]\w+)*)
  | (?P<punct>\.{2,}|-{2,}|[^\w\s])
  | (?P<other>\S)
    """,
    re.X,
)

_LOWER_TABLE = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "„": '"',
                              "«": '"', "»": '"', "‐": "-", "‑": "-"})


def normalize_token(token: str) -> str:
    """Lower-case a token and unify curly/straight apostrophes and quotation marks.

    >>> normalize_token("Iran’s"), normalize_token("“")
    ("iran's", '"')
    """
    return token.lower().translate(_LOWER_TABLE)


def _read_list(name: str) -> list[str]:
    raw = resources.files("newslib.data").joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The shipped English stopword list (see ``newslib/data/stopwords_en.txt``).

    >>> "the" in stopwords(), "said" in stopwords()
    (True, False)
    """
    return frozenset(normalize_token(w) for w in _read_list("stopwords_en.txt"))


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    allv, titles = set(), set()
    for ln in _read_list("abbreviations.txt"):
        parts = ln.split()
        allv.add(parts[0])
        if len(parts) > 1 and parts[1] == "title":
            titles.add(parts[0])
    return frozenset(allv), frozenset(titles)


def _token_spans(text: str) -> tuple[list[int], list[int]]:
    """Token starts and ends of ``text``: one regular-expression pass, then two rare fix-ups
    done only where they apply (abbreviation full stops, ``n't``), so that a 5 MB corpus is
    split in well under a second."""
    spans = [m.span() for m in _TOKEN_RE.finditer(text)]
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    abbrevs = _abbreviations()[0]
    n = len(starts)
    drop: set[int] = set()
    # "Mr" + "." -> "Mr." when the full stop touches a known abbreviation
    for i in range(n - 1):
        if ends[i] == starts[i + 1] and ends[i + 1] - starts[i + 1] == 1 and text[starts[i + 1]] == "." \
                and i not in drop and text[starts[i]:ends[i]].lower() in abbrevs:
            ends[i] += 1
            drop.add(i + 1)
    if drop:
        starts = [x for k, x in enumerate(starts) if k not in drop]
        ends = [x for k, x in enumerate(ends) if k not in drop]
    # "don" + "'t" -> "do" + "n't"
    for i in range(1, len(starts)):
        if ends[i] - starts[i] == 2 and text[starts[i]] in "'’" and text[starts[i] + 1] in "tT" \
                and ends[i - 1] == starts[i] and ends[i - 1] - starts[i - 1] > 1 and text[ends[i - 1] - 1] in "nN":
            ends[i - 1] -= 1
            starts[i] -= 1
    return starts, ends


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Split ``text`` into ``(token, start, end)`` triples with ``text[start:end] == token``.

    >>> [t for t, _, _ in tokenize("Iran’s envoy met Mr. Smith in the U.S. at 3 p.m. on $40bn deal.")]
    ['Iran', '’s', 'envoy', 'met', 'Mr.', 'Smith', 'in', 'the', 'U.S.', 'at', '3', 'p.m.', 'on', '$40bn', 'deal', '.']
    >>> [t for t, _, _ in tokenize("Tehran-Moscow ties don't waver")]
    ['Tehran-Moscow', 'ties', 'do', "n't", 'waver']
    """
    starts, ends = _token_spans(text)
    return [(text[s:e], s, e) for s, e in zip(starts, ends, strict=True)]


_CANDIDATE_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n")
_NEXT_WORD_RE = re.compile(r"\s*([\"'“‘(\[]?)(\S*)")
_PREV_WORD_RE = re.compile(r"(\S+)$")


@lru_cache(maxsize=1)
def _capital_starters() -> frozenset[str]:
    return frozenset(w for w in stopwords() if w.isalpha()) | {"but", "and", "yet", "so", "however"}


def _is_boundary(text: str, i: int, j: int) -> bool:
    """Decide whether the candidate ``text[i:j]`` (terminal punctuation) ends a sentence."""
    nxt = _NEXT_WORD_RE.match(text, j)
    opener, word = nxt.group(1), nxt.group(2)
    if not word and not opener:
        return True
    first = (word[:1] or opener[:1])
    if not (first.isupper() or first.isdigit() or opener or not first.isalpha()):
        return False  # next word in lower case: "an avowed U.S. adversary"
    if text[i] != ".":
        return True
    pm = _PREV_WORD_RE.search(text, max(0, i - 40), i + 1)
    prev = pm.group(1) if pm else ""
    core = prev.rstrip(".").lstrip("\"'“‘(").lower()
    abbrevs, titles = _abbreviations()
    if core in titles:
        return False
    if len(core) == 1 and core.isalpha() and prev.lstrip("\"'“‘(")[:1].isupper():
        return False  # an initial: John F. Kennedy
    if core in abbrevs or re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", core):
        if first.isdigit():
            return False  # "Dec. 7"
        w = word.lower().strip("\"'“‘”’,;:")
        return opener != "" or w in _capital_starters()
    return True


def sentence_spans(text: str, *, method: str = "rules") -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each sentence of ``text``, whitespace trimmed.

    ``method="rules"`` (default) needs no data; ``method="punkt"`` uses NLTK's pre-trained
    Punkt model when the user has it installed (raises LookupError otherwise).

    >>> t = "Iran, an avowed U.S. adversary, denied it. Mr. Raisi left.\\n\\nThe end"
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['Iran, an avowed U.S. adversary, denied it.', 'Mr. Raisi left.', 'The end']
    """
    if method == "punkt":
        import nltk

        tok = nltk.data.load("tokenizers/punkt/english.pickle")
        cuts = [0]
        for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
            for s, e in tok.span_tokenize(para.group()):
                cuts.extend((para.start() + s, para.start() + e))
        spans = list(zip(cuts[1::2], cuts[2::2], strict=False))
        return spans
    if method != "rules":
        raise ValueError(f"unknown sentence method {method!r}; use 'rules' or 'punkt'")
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _CANDIDATE_RE.finditer(text):
        i, j = m.span()
        if text[i] == "\n":
            # a line break ends a sentence unless it is a hard wrap inside a paragraph
            prev_line_start = text.rfind("\n", 0, i) + 1
            nxt = text[j:j + 1]
            if (nxt and nxt.islower() and i - prev_line_start >= 50
                    and text[i - 1:i] not in ".!?:\"”’"):
                continue
        elif not _is_boundary(text, i, j):
            continue
        _add_span(text, start, j, spans)
        start = j
    if start < n:
        _add_span(text, start, n, spans)
    return spans


def _add_span(text: str, s: int, e: int, spans: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings (see :func:`sentence_spans`).

    >>> split_sentences("He said no. She agreed.")
    ['He said no.', 'She agreed.']
    """
    return [text[s:e] for s, e in sentence_spans(text)]


_word_cache: dict[str, tuple[str, bool, bool]] = {}


def _token_info(tok: str) -> tuple[str, bool, bool]:
    info = _word_cache.get(tok)
    if info is None:
        low = normalize_token(tok)
        is_word = any(ch.isalnum() for ch in tok)
        info = (low, is_word, low in stopwords() or (is_word and low.startswith("'")))
        if len(_word_cache) < 500_000:
            _word_cache[tok] = info
    return info


def sentences_frame(articles: Iterable[Article]) -> pd.DataFrame:
    """One row per sentence: ``article_id, sentence_id, start, end, text``."""
    import pandas as pd

    ids, sids, starts, ends, texts = [], [], [], [], []
    for a in articles:
        for k, (s, e) in enumerate(sentence_spans(a.text)):
            ids.append(a.id)
            sids.append(k)
            starts.append(s)
            ends.append(e)
            texts.append(a.text[s:e])
    return pd.DataFrame({"article_id": ids, "sentence_id": sids, "start": starts, "end": ends,
                         "text": texts})


def tokens_frame(articles: Iterable[Article], *, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per token: ``article_id, sentence_id, token_id, token, lower, start, end,
    is_word, is_stop``. ``token_id`` counts from 0 within each article.

    Why it is fast: the articles are joined with newlines (no token crosses one) and split in
    one pass; lower case, word and stopword flags are computed once per distinct token, not once
    per token; sentence and token numbers come from sorted-array searches.
    """
    import numpy as np
    import pandas as pd

    articles = list(articles)
    texts = [a.text for a in articles]
    offsets = np.zeros(len(texts), dtype=np.int64)
    if texts:
        offsets[1:] = np.cumsum([len(t) + 1 for t in texts])[:-1]
    big = "\n".join(texts)
    st, en = _token_spans(big)
    starts = np.asarray(st, dtype=np.int64)
    ends = np.asarray(en, dtype=np.int64)
    art = np.searchsorted(offsets, starts, side="right") - 1 if len(starts) else np.zeros(0, dtype=np.int64)
    tokens = [big[s:e] for s, e in zip(st, en, strict=True)]
    codes, uniques = pd.factorize(pd.Series(tokens, dtype=object), sort=False)
    uniques = list(uniques)
    info = [_token_info(u) for u in uniques]
    lower = np.asarray([x[0] for x in info], dtype=object)[codes] if len(info) else np.zeros(0, dtype=object)
    is_word = np.asarray([x[1] for x in info], dtype=bool)[codes] if len(info) else np.zeros(0, dtype=bool)
    is_stop = np.asarray([x[2] for x in info], dtype=bool)[codes] if len(info) else np.zeros(0, dtype=bool)
    first_tok = np.searchsorted(art, np.arange(len(texts)), side="left")
    local = starts - offsets[art] if len(starts) else starts
    # sentence numbers: global sentence starts, searched once
    if sentences is None:
        sentences = sentences_frame(articles)
    sid_of = {a.id: i for i, a in enumerate(articles)}
    s_art = sentences["article_id"].map(sid_of).to_numpy(dtype=np.int64)
    s_glob = s_art * 0 + sentences["start"].to_numpy(dtype=np.int64) + offsets[s_art] if len(sentences) else np.zeros(0, dtype=np.int64)
    order = np.argsort(s_glob, kind="stable")
    s_glob, s_ids = s_glob[order], sentences["sentence_id"].to_numpy(dtype=np.int64)[order]
    s_art = s_art[order]
    k = np.searchsorted(s_glob, starts, side="right") - 1
    valid = (k >= 0)
    k_clip = np.clip(k, 0, max(0, len(s_glob) - 1))
    same = valid & (s_art[k_clip] == art) if len(s_glob) else np.zeros(len(starts), dtype=bool)
    sentence_id = np.where(same, s_ids[k_clip] if len(s_glob) else 0, 0)
    # compact columns: ids and terms as categoricals (codes + one copy of each distinct string),
    # numbers as 32-bit — a 100,000-article corpus then fits in a few GB
    ids = [a.id for a in articles]
    low_codes, low_uniques = pd.factorize(pd.Series(lower, dtype=object), sort=False)
    del tokens
    return pd.DataFrame({
        "article_id": pd.Categorical.from_codes(art.astype(np.int32), categories=pd.Index(ids, dtype=str))
        if len(starts) else pd.Categorical([], categories=pd.Index(ids, dtype=str)),
        "sentence_id": sentence_id.astype(np.int32),
        "token_id": (np.arange(len(starts)) - first_tok[art]).astype(np.int32),
        "token": pd.Categorical.from_codes(codes.astype(np.int32), categories=pd.Index(uniques, dtype=str)),
        "lower": pd.Categorical.from_codes(low_codes.astype(np.int32), categories=pd.Index(low_uniques, dtype=str)),
        "start": local.astype(np.int32),
        "end": (local + (ends - starts)).astype(np.int32),
        "is_word": is_word,
        "is_stop": is_stop,
    })
