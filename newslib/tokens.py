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
(``the U.S. State Department``).

Both scans have a compiled twin in ``newslib/_speedups.c`` (used when it is built; see
:mod:`newslib._compiled`): the same rules, four to five times faster, tested equal to the Python code
here, which stays the reference. A user who has NLTK's Punkt data can pass
``method="punkt"`` to :func:`sentence_spans`; it is never required.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import compress
from typing import TYPE_CHECKING

from . import _compiled
from .lexicons import data_lines
from .records import Article

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["tokenize", "sentence_spans", "split_sentences", "stopwords", "term_stopwords", "normalize_token",
           "tokens_frame", "sentences_frame", "count_words"]

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


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The shipped English stopword list (see ``newslib/data/stopwords_en.txt``).

    >>> "the" in stopwords(), "said" in stopwords()
    (True, False)
    """
    return frozenset(normalize_token(w) for w in data_lines("stopwords_en.txt"))


@lru_cache(maxsize=1)
def term_stopwords() -> frozenset[str]:
    """What term counts leave out (the ``is_stop`` of :func:`tokens_frame`): :func:`stopwords`
    plus ``newslib/data/stopwords_news_en.txt``, abbreviated titles ("Mr.", "Sen.", BBC's "Mr")
    and function words NLTK's list lacks ("one", "may", "like").

    Why apart from :func:`stopwords`: that list is also read by rules that find names and
    sentence ends, where "Mr." must stay what it is; a title in a top-terms chart or as the word
    two outlets share most says nothing about the event.

    >>> "mr." in term_stopwords(), "mr." in stopwords(), "said" in term_stopwords()
    (True, False, False)
    """
    return stopwords() | frozenset(normalize_token(w) for w in data_lines("stopwords_news_en.txt"))


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    allv, titles = set(), set()
    for ln in data_lines("abbreviations.txt"):
        parts = ln.split()
        allv.add(parts[0])
        if len(parts) > 1 and parts[1] == "title":
            titles.add(parts[0])
    return frozenset(allv), frozenset(titles)


_LETTERS_RE = re.compile(r"[^\W\d_]{1,6}")
_ABBR_BEFORE_RE = re.compile(r"[\w.'’-]")
_NT_CAND_RE = re.compile(r"[nN]['’][tT]\b")


_SPLIT_RE = re.compile("(" + re.sub(r"\(\?P<\w+>", "(?:", _TOKEN_RE.pattern) + ")", re.X)


def _token_arrays(text: str):
    """Token starts and ends (int64 arrays) and strings (list) of ``text``.

    One ``re.split`` with the token pattern as its single group gives [gap, token, gap, token,
    …, gap] without building a match object per token; offsets are the running sum of the
    pieces' lengths. Every non-space character belongs to some token (the pattern ends with a
    catch-all), so gaps are whitespace only. Two rare fix-ups (abbreviation full stops,
    ``n't``) are then applied only where a second, cheap search finds them. Offsets stay in
    arrays: converting them to lists and back cost a tenth of the tokeniser's time.
    """
    import numpy as np

    if _compiled.C is not None:
        # the same scan in C (newslib/_speedups.c), asking _TOKEN_RE where it backtracks
        bst, ben, tokens = _compiled.C.token_spans(text, _TOKEN_RE.match)
        st, en = np.frombuffer(bst, dtype=np.int64).copy(), np.frombuffer(ben, dtype=np.int64).copy()
        tl = en - st
    else:
        parts = _SPLIT_RE.split(text)
        lens = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
        cum = np.concatenate(([0], np.cumsum(lens)))
        st, en = cum[1:-1:2].copy(), cum[2::2].copy()
        tokens = parts[1::2]
        tl = lens[1::2]
    abbrevs = _abbreviations()[0]
    drop: list[int] = []
    # "Mr" + "." -> "Mr." when the full stop touches a known abbreviation. Candidates come from
    # the token arrays (a short token touching a one-character token), not from a search of
    # the whole text: a pattern tried at every character took longer than the split itself
    cand = np.flatnonzero((tl[:-1] <= 6) & (tl[1:] == 1) & (st[1:] == en[:-1])) if len(tl) > 1 else []
    last_drop = -1
    for i in cand.tolist() if len(cand) else []:
        if tokens[i + 1] != "." or i == last_drop or tokens[i].lower() not in abbrevs:
            continue
        s0 = int(st[i])
        if not _LETTERS_RE.fullmatch(tokens[i]) or (s0 > 0 and _ABBR_BEFORE_RE.match(text, s0 - 1)):
            continue
        en[i] += 1
        tokens[i] = text[s0:int(en[i])]
        drop.append(i + 1)
        last_drop = i + 1
    if drop:
        # one boolean mask and itertools.compress (C loops), not list comprehensions
        keep = np.ones(len(st), dtype=bool)
        keep[drop] = False
        st, en = st[keep], en[keep]
        tokens = list(compress(tokens, keep))
    # "don" + "'t" -> "do" + "n't"
    found = [m.span() for m in _NT_CAND_RE.finditer(text)]
    # the clitic token starts at the apostrophe; one search for all (a fix-up moves a start
    # back by one, past no later candidate)
    at = np.searchsorted(st, [s + 1 for s, _ in found]).tolist() if found else []
    for (ms, me), i in zip(found, at, strict=True):
        if 0 < i < len(st) and st[i] == ms + 1 and en[i] == me \
                and en[i - 1] == st[i] and en[i - 1] - st[i - 1] > 1:
            en[i - 1] -= 1
            st[i] -= 1
            tokens[i - 1] = text[int(st[i - 1]):int(en[i - 1])]
            tokens[i] = text[int(st[i]):int(en[i])]
    return st, en, tokens


def _token_spans(text: str) -> tuple[list[int], list[int], list[str]]:
    """Token starts, ends and strings of ``text``, as lists (see :func:`_token_arrays`)."""
    st, en, tokens = _token_arrays(text)
    return st.tolist(), en.tolist(), tokens


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Split ``text`` into ``(token, start, end)`` triples with ``text[start:end] == token``.

    >>> [t for t, _, _ in tokenize("Iran’s envoy met Mr. Smith in the U.S. at 3 p.m. on $40bn deal.")]
    ['Iran', '’s', 'envoy', 'met', 'Mr.', 'Smith', 'in', 'the', 'U.S.', 'at', '3', 'p.m.', 'on', '$40bn', 'deal', '.']
    >>> [t for t, _, _ in tokenize("Tehran-Moscow ties don't waver")]
    ['Tehran-Moscow', 'ties', 'do', "n't", 'waver']
    """
    starts, ends, tokens = _token_spans(text)
    return list(zip(tokens, starts, ends, strict=True))


_CANDIDATE_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n")
_NEXT_WORD_RE = re.compile(r"\s*([\"'“‘(\[]?)(\S*)")
_INITIALS_RE = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")


@lru_cache(maxsize=1)
def _capital_starters() -> frozenset[str]:
    return frozenset(w for w in stopwords() if w.isalpha()) | {"but", "and", "yet", "so", "however"}


#: words after a capital and a full stop that make it a sentence's end, not an initial: they open
#: sentences and are no one's surname ("… to World War I. But the BBC said …", "vitamin C. The
#: juice …"; "John F. Kennedy" stays one sentence)
_INITIAL_STARTERS = frozenset("but and however yet the a an this that these those there he she it they we his her "
                              "its their in on at after when while if".split())


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
    # the last whitespace-free run of (at most) 40 characters ending at the stop: what
    # ``(\S+)$`` would match, without trying the pattern at forty positions
    prev = text[max(0, i - 40):i + 1].rsplit(None, 1)[-1]
    core = prev.rstrip(".").lstrip("\"'“‘(").lower()
    abbrevs, titles = _abbreviations()
    if core in titles:
        return False
    if len(core) == 1 and core.isalpha() and prev.lstrip("\"'“‘(")[:1].isupper():
        # an initial (John F. Kennedy), unless a word that opens sentences follows ("World War I. But")
        return opener == "" and word != "" and word.lower().strip("\"'“‘”’,;:") in _INITIAL_STARTERS
    if core in abbrevs or _INITIALS_RE.fullmatch(core):
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
    if _compiled.C is not None:   # the same rules in C (newslib/_speedups.c)
        abbrevs, titles = _abbreviations()
        return _compiled.C.sentence_spans(text, abbrevs, titles, _capital_starters(), _INITIAL_STARTERS)
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


_ALNUM_RE = re.compile(r"[^\W_]")   # a letter or digit: the token is a word, not punctuation


def count_words(text: str) -> int:
    """The word tokens of ``text`` (tokens with a letter or digit: ``is_word`` of
    :func:`tokens_frame`), headline included: the one count of words newslib reports (the
    ``words`` of :meth:`newslib.Corpus.frame`, ``newslib info``, and what per-1,000-word rates
    divide by). Splitting at spaces counts otherwise: "Iran’s" is two words here ("Iran" and
    "’s"), a dash standing alone none (the two differences may cancel out).

    >>> count_words("Iran’s deal — done."), len("Iran’s deal — done.".split())
    (4, 4)
    >>> count_words("Iran’s deal"), len("Iran’s deal".split())
    (3, 2)
    >>> count_words("Mr. Smith didn't go, 5 times.")
    7
    """
    return sum(1 for t in _token_arrays(text)[2] if _ALNUM_RE.search(t))


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


def tokens_frame(articles: Iterable[Article], *, sentences: pd.DataFrame | None = None,
                 batch_chars: int = 4_000_000) -> pd.DataFrame:
    """One row per token: ``article_id, sentence_id, token_id, token, lower, start, end,
    is_word, is_stop``. ``token_id`` counts from 0 within each article.

    Why it is fast and small: articles are joined with newlines (no token crosses one) and
    split in one pass per batch of about ``batch_chars`` characters; each distinct token gets a
    code once, and lower case, word and stopword flags are computed once per distinct token;
    sentence and token numbers come from sorted-array searches. Columns are compact: ids and
    terms are categoricals, numbers 32-bit, so 100,000 articles fit in a few GB.
    """
    import numpy as np
    import pandas as pd

    articles = list(articles)
    if sentences is None:
        sentences = sentences_frame(articles)
    sid_of = {a.id: i for i, a in enumerate(articles)}
    s_art_all = sentences["article_id"].map(sid_of).to_numpy(dtype=np.int64)
    s_start_all = sentences["start"].to_numpy(dtype=np.int64)
    s_id_all = sentences["sentence_id"].to_numpy(dtype=np.int64)

    vocab: dict[str, int] = {}
    low_vocab: dict[str, int] = {}
    tok_low: list[int] = []
    tok_word: list[bool] = []
    tok_stop: list[bool] = []
    cols: dict[str, list] = {k: [] for k in ("art", "sid", "tid", "code", "start", "end")}
    first = 0
    while first < len(articles):
        last, size = first, 0
        while last < len(articles) and (size < batch_chars or last == first):
            size += len(articles[last].text) + 1
            last += 1
        batch = articles[first:last]
        texts = [a.text for a in batch]
        offsets = np.zeros(len(texts), dtype=np.int64)
        if len(texts) > 1:
            offsets[1:] = np.cumsum([len(t) + 1 for t in texts])[:-1]
        big = "\n".join(texts)
        starts, ends, toks = _token_arrays(big)
        art = np.searchsorted(offsets, starts, side="right") - 1
        n_before = len(vocab)
        # codes: factorise the batch in C, then give its distinct tokens global codes
        local_codes, uniq = pd.factorize(np.asarray(toks, dtype=object), sort=False)
        glob = np.fromiter((vocab.setdefault(u, len(vocab)) for u in uniq), dtype=np.int32, count=len(uniq))
        codes = glob[local_codes] if len(local_codes) else np.zeros(0, dtype=np.int32)
        # new distinct tokens only (dicts keep insertion order); lower case and flags for the
        # whole list at once, each step a C loop
        new = list(vocab)[n_before:]
        lows = [t.translate(_LOWER_TABLE) for t in map(str.lower, new)]
        words = [_ALNUM_RE.search(t) is not None for t in new]
        stop = term_stopwords()
        tok_low.extend(low_vocab.setdefault(low, len(low_vocab)) for low in lows)
        tok_word.extend(words)
        tok_stop.extend(low in stop or (w and low.startswith("'")) for low, w in zip(lows, words, strict=True))
        local = starts - offsets[art]
        first_tok = np.searchsorted(art, np.arange(len(texts)), side="left")
        # sentence numbers: this batch's sentence starts, in batch coordinates, searched once
        in_batch = (s_art_all >= first) & (s_art_all < last)
        s_art = s_art_all[in_batch] - first
        s_glob = s_start_all[in_batch] + offsets[s_art]
        order = np.argsort(s_glob, kind="stable")
        s_glob, s_ids, s_art = s_glob[order], s_id_all[in_batch][order], s_art[order]
        if len(s_glob):
            k = np.clip(np.searchsorted(s_glob, starts, side="right") - 1, 0, len(s_glob) - 1)
            sid = np.where(s_art[k] == art, s_ids[k], 0)
        else:
            sid = np.zeros(len(starts), dtype=np.int64)
        cols["art"].append((art + first).astype(np.int32))
        cols["sid"].append(sid.astype(np.int32))
        cols["tid"].append((np.arange(len(starts)) - first_tok[art]).astype(np.int32))
        cols["code"].append(codes)
        cols["start"].append(local.astype(np.int32))
        cols["end"].append((local + (ends - starts)).astype(np.int32))
        first = last
        del big, toks

    def cat(key: str, dtype) -> np.ndarray:
        # concatenate one column and drop its pieces at once: peak memory stays near one copy
        parts = cols.pop(key)
        out = np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)
        parts.clear()
        return out

    codes = cat("code", np.int32)
    low_of = np.asarray(tok_low, dtype=np.int32)
    ids = pd.Index([a.id for a in articles], dtype=str)
    frame = pd.DataFrame({"article_id": pd.Categorical.from_codes(cat("art", np.int32), categories=ids)})
    frame["sentence_id"] = cat("sid", np.int32)
    frame["token_id"] = cat("tid", np.int32)
    frame["token"] = pd.Categorical.from_codes(codes, categories=pd.Index(list(vocab), dtype=str))
    frame["lower"] = pd.Categorical.from_codes(low_of[codes] if len(codes) else codes,
                                               categories=pd.Index(list(low_vocab), dtype=str))
    frame["start"] = cat("start", np.int32)
    frame["end"] = cat("end", np.int32)
    frame["is_word"] = np.asarray(tok_word, dtype=bool)[codes] if len(codes) else np.zeros(0, dtype=bool)
    frame["is_stop"] = np.asarray(tok_stop, dtype=bool)[codes] if len(codes) else np.zeros(0, dtype=bool)
    return frame
