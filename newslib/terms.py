"""Term counts, n-grams and keyness between groups of articles.

Statistics (all in one tidy DataFrame from :func:`keyness`), for a term with frequency ``a``
in group A (``c`` words in all) and ``b`` in group B (``d`` words):

* **G²** (Dunning 1993), the four-cell log-likelihood AntConc reports: observed ``a, b, c-a,
  d-b`` against expected ``E = row total × column total / N``, ``G² = 2 Σ O ln(O/E)``, signed
  positive when the term is relatively more frequent in A; p from χ² with 1 d.f.
* **Log Ratio** (Hardie 2014): ``log2((a/c) / (b/d))``, with 0.5 added to a zero count so that
  terms used by one side only get a finite value; an effect size (1 = twice as frequent).
* **%DIFF** (Gabrielatos & Marchi 2012): ``100 (a/c - b/d) / (b/d)``.
* **Log-odds ratio with an informative Dirichlet prior** (Monroe, Colaresi & Quinn 2008,
  "Fightin' Words"): ``δ = ln((a+α)/(c+α0-a-α)) - ln((b+α)/(d+α0-b-α))``, variance
  ``1/(a+α) + 1/(b+α)``, ``z = δ/√var``; α = the term's corpus share × ``prior_strength``
  (default: the corpus size, i.e. the whole corpus's counts are the prior, as in the paper;
  ``prior="uninformative"`` uses α = 0.01 for every term).

Why several: on two 600-word articles almost nothing is significant, but effect sizes still
say what differs — so both are shown, with a note when no term passes.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ._text import plural
from .corpus import Corpus
from .lexicons import reporting_verbs
from .tokens import _abbreviations, normalize_token, tokenize

if TYPE_CHECKING:
    import pandas as pd


__all__ = ["term_counts", "article_term_counts", "group_term_counts", "finish_group_counts", "ngrams", "keyness", "kwic", "collocates", "tfidf",
           "article_groups", "bootstrap_log_ratio", "term_trend", "two_sided", "shared_terms", "terms_or_shared",
           "describe_corpus", "article_similarity"]


def article_groups(corpus: Corpus, group_by: str) -> dict[str, str]:
    """Map article id → group label for any article column (``outlet``, ``id``, ``folder``, …).

    >>> from newslib.corpus import Corpus, Article
    >>> article_groups(Corpus([Article(id="a/1", title="T", text="T", outlet="X")]), "folder")
    {'a/1': 'a'}
    """
    if group_by in ("id", "outlet", "title", "folder"):
        # read straight from the articles (metadata never overrides these columns of the
        # table): the full table counts every article's words first
        return {a.id: str(getattr(a, group_by)) for a in corpus.articles}
    df = corpus.frame()
    if group_by not in df.columns:
        raise ValueError(f"unknown group_by {group_by!r}; choose one of: {', '.join(df.columns)}")
    return dict(zip(df["id"], df[group_by].astype(str), strict=True))


def ngrams(tokens: pd.DataFrame, *, n: int = 1, drop_stopwords: bool = True) -> pd.DataFrame:
    """N-grams of word tokens, never across sentences: ``article_id, sentence_id, term``.

    Stopwords are handled the way a reader expects: an n-gram may contain a stopword inside
    ("oil and gas") but may not start or end with one ("of the" is dropped).

    >>> import newslib
    >>> from newslib.corpus import Corpus, Article
    >>> c = Corpus([Article(id="a", title="Oil", text="Oil and gas deals. Of the deals, none.")])
    >>> ngrams(c.tokens(), n=3)["term"].tolist()
    ['oil and gas']
    """
    import pandas as pd

    if n == 1:
        # one mask over the arrays, then only the three columns needed are taken, as codes:
        # filtering the token table itself copied every column (a gigabyte at 100,000 articles)
        import numpy as np

        keep = tokens["is_word"].to_numpy()
        if drop_stopwords:
            keep = keep & ~tokens["is_stop"].to_numpy()
        idx = np.flatnonzero(keep)
        return pd.DataFrame({
            "article_id": _take(tokens["article_id"], idx),
            "sentence_id": tokens["sentence_id"].to_numpy()[idx],
            "term": _take(tokens["lower"], idx),
        })
    words = tokens.loc[tokens["is_word"].to_numpy(), ["article_id", "sentence_id", "lower", "is_stop"]]
    rows = []
    for (aid, sid), grp in words.groupby(["article_id", "sentence_id"], sort=False, observed=True):
        low = grp["lower"].tolist()
        stop = grp["is_stop"].tolist()
        for i in range(len(low) - n + 1):
            if drop_stopwords and (stop[i] or stop[i + n - 1]):
                continue
            rows.append((aid, sid, " ".join(low[i:i + n])))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "term"])


def article_term_counts(tokens: pd.DataFrame, *, n: int = 1, drop_stopwords: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per-article counts, the unit both the in-memory and the Dask paths add up.

    Returns ``(counts, totals)``: counts ``article_id, term, count``; totals ``article_id,
    words`` (word tokens, stopwords included).
    """
    import numpy as np
    import pandas as pd

    grams = ngrams(tokens, n=n, drop_stopwords=drop_stopwords)
    if isinstance(grams["article_id"].dtype, pd.CategoricalDtype) and isinstance(grams["term"].dtype, pd.CategoricalDtype):
        # count (article, term) pairs as one integer key each: a sort of integers, not a
        # pandas group-by over two categoricals (a third of the memory at 100,000 articles)
        art, term = grams["article_id"].cat, grams["term"].cat
        n_terms = len(term.categories)
        key = art.codes.to_numpy().astype(np.int64)
        key *= n_terms                     # in place: one array of keys, no temporaries
        key += term.codes.to_numpy()
        del grams
        # np.unique sorts a copy and keeps index arrays beside it; sorting in place and marking
        # where the key changes needs one boolean per key (memory at 100,000 articles)
        key.sort()
        starts = _run_starts(key)
        n_of = np.diff(starts, append=len(key))
        uniq = key[starts]
        del key, starts
        art_codes = (uniq // n_terms).astype(np.int32)
        uniq %= n_terms
        counts = pd.DataFrame({
            "article_id": pd.Categorical.from_codes(art_codes, categories=art.categories),
            "term": pd.Categorical.from_codes(uniq.astype(np.int32), categories=term.categories),
            "count": n_of,
        }, copy=False)
    else:
        counts = grams.groupby(["article_id", "term"], sort=False, observed=True).size().rename("count").reset_index()
    ids = tokens["article_id"]
    if isinstance(ids.dtype, pd.CategoricalDtype):
        codes = ids.cat.codes.to_numpy()[tokens["is_word"].to_numpy()]
        n_words = np.bincount(codes, minlength=len(ids.cat.categories))
        present = np.flatnonzero(n_words)
        totals = pd.DataFrame({"article_id": pd.Categorical.from_codes(present.astype(np.int32), categories=ids.cat.categories),
                               "words": n_words[present].astype(np.int64)})
    else:
        totals = tokens[tokens["is_word"]].groupby("article_id", sort=False, observed=True).size().rename("words").reset_index()
    return counts, totals


def _run_starts(key):
    """Where each run of equal values starts in the sorted array ``key`` (one boolean per key,
    no copy of the keys).

    >>> import numpy as np
    >>> _run_starts(np.array([1, 1, 4, 7, 7, 7])).tolist()
    [0, 2, 3]
    """
    import numpy as np

    flag = np.empty(len(key), dtype=bool)
    flag[:1] = True
    np.not_equal(key[1:], key[:-1], out=flag[1:])
    return np.flatnonzero(flag)


def _take(col: pd.Series, idx):
    """Rows ``idx`` of a column; a categorical stays categorical (codes taken, categories shared)."""
    import pandas as pd

    if isinstance(col.dtype, pd.CategoricalDtype):
        return pd.Categorical.from_codes(col.cat.codes.to_numpy()[idx], categories=col.cat.categories)
    return col.to_numpy()[idx]


def group_term_counts(counts: pd.DataFrame, totals: pd.DataFrame, groups: dict[str, str], *,
                      min_count: int = 1) -> pd.DataFrame:
    """Add per-article counts up to groups: ``group, term, count, per_1000, share, doc_freq``."""
    import pandas as pd

    words = totals.assign(group=totals["article_id"].map(groups)).groupby("group", observed=True)["words"].sum()
    if isinstance(counts["article_id"].dtype, pd.CategoricalDtype) and isinstance(counts["term"].dtype, pd.CategoricalDtype):
        agg = _group_sums(counts, groups)
    else:
        c = counts.assign(group=counts["article_id"].map(groups))
        agg = c.groupby(["group", "term"], observed=True).agg(count=("count", "sum"),
                                                             doc_freq=("article_id", "size")).reset_index()
    return finish_group_counts(agg, words, min_count=min_count)


#: Largest groups x terms table counted densely (8 bytes per cell); beyond it, keys are sorted.
_DENSE_MAX = 50_000_000


def _group_sums(counts: pd.DataFrame, groups: dict[str, str]) -> pd.DataFrame:
    """``group, term, count, doc_freq`` from per-article counts with categorical columns.

    Why not a pandas group-by: over two categoricals it builds several 8-byte arrays per row
    (the largest memory peak of the pipeline at 100,000 articles). Here each row gets one
    integer key (group code x terms + term code) and the sums are a ``bincount`` over the
    keys, or, when groups x terms is too large for a dense count, a sort of the keys.
    """
    import numpy as np
    import pandas as pd

    art, term = counts["article_id"].cat, counts["term"].cat
    gcat = pd.Categorical(pd.Series(art.categories.astype(object)).map(groups))
    n_terms = max(1, len(term.categories))
    g = gcat.codes.astype(np.int64)[art.codes.to_numpy()] if len(art.categories) else np.zeros(0, np.int64)
    keep = g >= 0                        # articles without a group are left out, as before
    key = g[keep]
    del g
    key *= n_terms
    key += term.codes.to_numpy()[keep]
    cnt = counts["count"].to_numpy()[keep]
    size = len(gcat.categories) * n_terms
    if size <= _DENSE_MAX:
        doc = np.bincount(key, minlength=size)
        total = np.bincount(key, weights=cnt, minlength=size)
        uniq = np.flatnonzero(doc)
        doc, total = doc[uniq], total[uniq].astype(np.int64)
    else:
        order = np.argsort(key, kind="stable")
        key, cnt = key[order], cnt[order]
        del order
        starts = _run_starts(key)
        uniq = key[starts]
        doc = np.diff(starts, append=len(key))
        total = np.add.reduceat(cnt, starts) if len(starts) else np.zeros(0, np.int64)
    return pd.DataFrame({
        "group": pd.Categorical.from_codes((uniq // n_terms).astype(np.int32), categories=gcat.categories),
        "term": pd.Categorical.from_codes((uniq % n_terms).astype(np.int32), categories=term.categories),
        "count": total.astype(np.int64),
        "doc_freq": doc.astype(np.int64),
    })


def finish_group_counts(agg: pd.DataFrame, words: pd.Series, *, min_count: int = 1) -> pd.DataFrame:
    """From summed ``group, term, count, doc_freq`` and words per group to the final table
    (rates, filter, order) — shared by the in-memory and the Dask paths."""
    import numpy as np
    import pandas as pd

    out = agg[agg["count"] >= min_count]
    # Why codes: mapping and sorting a few hundred thousand strings took most of the time;
    # the groups' word totals and the alphabetical order are looked up once per category
    g = out["group"].astype("category").cat
    t = out["term"].astype("category").cat
    gnames = np.asarray(g.categories.astype(str), dtype=object)
    tnames = np.asarray(t.categories.astype(str), dtype=object)
    gcodes, tcodes = g.codes.to_numpy(), t.codes.to_numpy()
    per_group = words.rename(index=str).reindex(gnames).to_numpy()[gcodes]
    count = out["count"].to_numpy()

    def rank(names: np.ndarray) -> np.ndarray:
        r = np.empty(len(names), dtype=np.int64)
        r[np.argsort(names, kind="stable")] = np.arange(len(names))
        return r

    # group A-Z, then count high to low, then term A-Z
    order = np.lexsort((rank(tnames)[tcodes], -count, rank(gnames)[gcodes]))
    return pd.DataFrame({
        "group": pd.array(gnames[gcodes[order]], dtype=str),
        "term": pd.array(tnames[tcodes[order]], dtype=str),
        "count": count[order],
        "per_1000": (1000 * count / per_group)[order],
        "share": (count / per_group)[order],
        "doc_freq": out["doc_freq"].to_numpy()[order],
    })


def term_counts(corpus: Corpus, *, group_by: str = "outlet", n: int = 1,
                drop_stopwords: bool = True, min_count: int = 1) -> pd.DataFrame:
    """Counts per group: ``group, term, count, per_1000, share, doc_freq``.

    ``per_1000`` and ``share`` divide by the group's word tokens (stopwords included), so two
    outlets of different length compare fairly; ``doc_freq`` is the number of the group's
    articles using the term.
    """
    groups = article_groups(corpus, group_by)
    counts, totals = article_term_counts(corpus.tokens(), n=n, drop_stopwords=drop_stopwords)
    return group_term_counts(counts, totals, groups, min_count=min_count)


def tfidf(corpus: Corpus, *, n: int = 1, top_n: int = 10) -> pd.DataFrame:
    """Top TF-IDF terms per article: ``article_id, term, count, tfidf`` (idf = ln(N/df) + 1)."""
    grams = ngrams(corpus.tokens(), n=n)
    tf = grams.groupby(["article_id", "term"], observed=True).size().rename("count").reset_index()
    n_docs = max(1, tf["article_id"].nunique())
    df = tf.groupby("term", observed=True)["article_id"].nunique()
    tf["tfidf"] = tf["count"] * (tf["term"].map(lambda t: math.log(n_docs / df[t]) + 1))
    return (tf.sort_values(["article_id", "tfidf"], ascending=[True, False])
              .groupby("article_id", observed=True).head(top_n).reset_index(drop=True))


def _chi2_sf1(x: float) -> float:
    """Survival function of χ² with one degree of freedom."""
    return math.erfc(math.sqrt(max(x, 0.0) / 2))


def keyness(counts: pd.DataFrame, a: str, b: str | None = None, *, prior_strength: float | None = None,
            prior: str = "informative", min_count: int = 1) -> pd.DataFrame:
    """Keyness of group ``a`` against group ``b`` (or against all other groups when ``b`` is None).

    ``counts`` is :func:`term_counts` output. Returns one row per term: ``term, count_a,
    count_b, per_1000_a, per_1000_b, g2, p, log_ratio, pct_diff, log_odds, z, only_in``, sorted
    by ``g2`` (descending). ``only_in`` names the side that alone uses the term.
    The attribute ``df.attrs["note"]`` says whether any term reaches p < 0.05.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"group": ["A", "A", "B", "B"], "term": ["x", "y", "x", "y"],
    ...                   "count": [30, 70, 10, 90]})
    >>> k = keyness(c, "A", "B")
    >>> round(float(k.loc[k.term == "x", "g2"].iloc[0]), 3), round(float(k.loc[k.term == "x", "log_ratio"].iloc[0]), 3)
    (12.972, 1.585)
    """
    import pandas as pd

    if a not in set(counts["group"]):
        raise ValueError(f"group {a!r} not found; groups are: {', '.join(map(str, sorted(set(counts['group']))))}")
    if b is not None and b not in set(counts["group"]):
        raise ValueError(f"group {b!r} not found; groups are: {', '.join(map(str, sorted(set(counts['group']))))}")
    ca = counts[counts["group"] == a].groupby("term", observed=True)["count"].sum()
    cb = (counts[counts["group"] == b] if b is not None else counts[counts["group"] != a]).groupby("term", observed=True)["count"].sum()
    df = pd.concat([ca.rename("count_a"), cb.rename("count_b")], axis=1).fillna(0)
    df = df[(df["count_a"] + df["count_b"]) >= min_count]
    c, d = float(ca.sum()), float(cb.sum())
    if "per_1000" in counts.columns and len(counts):
        # the groups' word tokens (stopwords included), as term_counts divides by: the rates then
        # agree with the top-terms chart's (they had divided by the counted terms only: "super"
        # 5.95 per 1,000 words there, 10.53 here), and G² compares the groups' full sizes
        words = (counts["count"] * 1000 / counts["per_1000"]).groupby(counts["group"], observed=True).first()
        c = float(words.get(a, c))
        d = float(words.get(b, d)) if b is not None else float(words.drop(a, errors="ignore").sum()) or d
    rows = []
    total = counts.groupby("term", observed=True)["count"].sum()
    grand = float(total.sum())
    alpha0 = (prior_strength or grand) if prior == "informative" else 0.01 * len(total)
    for term, (x, y) in df[["count_a", "count_b"]].iterrows():
        e1, e2 = c * (x + y) / (c + d), d * (x + y) / (c + d)
        e3, e4 = c * (c + d - x - y) / (c + d), d * (c + d - x - y) / (c + d)
        g2 = 2 * sum(o * math.log(o / e) for o, e in ((x, e1), (y, e2), (c - x, e3), (d - y, e4)) if o > 0)
        sign = 1 if (x / c) >= (y / d) else -1
        xa, yb = (x if x else 0.5), (y if y else 0.5)
        log_ratio = math.log2((xa / c) / (yb / d))
        pct = 100 * ((x / c) - (y / d)) / (y / d) if y else math.inf
        alpha = (total.get(term, 0) / grand) * alpha0 if prior == "informative" else 0.01
        a0 = alpha0 if prior == "informative" else alpha * len(total)
        delta = math.log((x + alpha) / (c + a0 - x - alpha)) - math.log((y + alpha) / (d + a0 - y - alpha))
        var = 1 / (x + alpha) + 1 / (y + alpha)
        rows.append((term, int(x), int(y), 1000 * x / c, 1000 * y / d, sign * g2, _chi2_sf1(g2),
                     log_ratio, pct, delta, delta / math.sqrt(var),
                     a if y == 0 else (b or "rest") if x == 0 else ""))
    out = pd.DataFrame(rows, columns=["term", "count_a", "count_b", "per_1000_a", "per_1000_b", "g2", "p",
                                      "log_ratio", "pct_diff", "log_odds", "z", "only_in"])
    # (typed even when no term is left: a chart of an empty table must not meet object columns)
    out = out.astype({"term": str, "count_a": int, "count_b": int, "only_in": str}
                     | dict.fromkeys(["per_1000_a", "per_1000_b", "g2", "p", "log_ratio", "pct_diff", "log_odds", "z"], float))
    out = out.sort_values(["g2", "term"], ascending=[False, True]).reset_index(drop=True)
    n_sig = int((out["p"] < 0.05).sum())
    out.attrs["note"] = ((f"{n_sig} terms reach" if n_sig > 1 else "1 term reaches") + " p < 0.05 (G², uncorrected)" if n_sig else
                         "No term reaches p < 0.05: the texts are too short to show significant "
                         "differences; read the effect sizes (log ratio) as descriptions, not findings.")
    return out


def two_sided(key: pd.DataFrame, a: str, b: str | None = None, *, top_n: int | None = None) -> pd.DataFrame:
    """A :func:`keyness` table read from both sides: the terms key for ``a`` (relatively more
    frequent there), strongest first, then those key for ``b``, strongest first, then any term
    both use at the same rate. ``key_for`` names the side; ``g2`` is unsigned (its size is the
    strength, ``key_for`` the direction). ``top_n`` keeps that many terms per side.

    A table sorted by signed G² alone shows the first side's terms and hides the other's
    strongest ones at its bottom; this one shows both.

    >>> import pandas as pd
    >>> key = pd.DataFrame({"term": ["oil", "war", "pit", "west"], "g2": [4.0, 1.0, -6.0, -3.0],
    ...                     "p": [.04, .3, .01, .08]})
    >>> two_sided(key, "A", "B", top_n=1)[["term", "key_for", "g2"]].values.tolist()
    [['oil', 'A', 4.0], ['pit', 'B', 6.0]]
    """
    import pandas as pd

    b = b or "rest"
    if not len(key):
        return key.assign(key_for=pd.Series(dtype=str))
    sides = []
    for name, part in ((a, key[key["g2"] > 0]), (b, key[key["g2"] < 0]), ("neither", key[key["g2"] == 0])):
        part = part.assign(g2=part["g2"].abs(), key_for=name)
        part = part.sort_values(["g2", "term"], ascending=[False, True], kind="stable")
        sides.append(part.head(top_n) if top_n is not None and name != "neither" else part)
    if top_n is not None:
        sides = sides[:2]
    out = pd.concat(sides, ignore_index=True)
    cols = ["term", "key_for"] + [c for c in out.columns if c not in ("term", "key_for")]
    out = out[cols]
    out.attrs = dict(key.attrs)
    return out


def shared_terms(counts: pd.DataFrame, a: str | None, b: str | None, *, n: int = 5) -> list[str]:
    """Up to ``n`` terms of :func:`term_counts` ``counts`` that both ``a`` and ``b`` use, those
    both use most first (ranked by the smaller of the two rates per 1,000 words, then by the
    total count, then alphabetically). When they share fewer than ``n`` terms, the rest are the
    most frequent terms of either side; with no pair (``a`` or ``b`` None or absent), the most
    frequent terms of the whole table. Words without a letter, one- or two-letter words ("b"),
    abbreviations with their full stop ("sept.", "inc.") and reporting verbs ("said", "told":
    every news story has them) are left out; so are titles ("mr.") and function words ("one",
    "like"), by the counts themselves (:func:`newslib.tokens.term_stopwords`).

    >>> import pandas as pd
    >>> c = pd.DataFrame({"group": ["A", "A", "A", "B", "B", "C"], "term": ["pit", "fund", "mine", "pit", "mine", "year"],
    ...                   "count": [1, 9, 2, 6, 1, 50], "per_1000": [1.0, 9.0, 2.0, 6.0, 1.0, 50.0]})
    >>> shared_terms(c, "A", "B", n=3)
    ['pit', 'mine', 'fund']
    """
    verbs = set(reporting_verbs())
    abbreviations = _abbreviations()[0]
    text = counts["term"].astype(str)
    # (no reporting verb, alone or in a phrase: "said", "hale said" describe no event; nor an
    # abbreviation with its full stop: "sept.", "inc.")
    terms = counts[text.str.contains(r"[^\W\d_]", regex=True) & (text.str.len() > 2)
                   & ~text.map(lambda t: any(w in verbs or (w.endswith(".") and w[:-1] in abbreviations)
                                             for w in t.split()))]
    if a is not None and b is not None and a != b and {a, b} <= set(counts["group"]):
        terms = terms[terms["group"].isin([a, b])]   # the compared groups' own terms, never a third's
    groups = set(terms["group"])
    if a is None or b is None or a not in groups or b not in groups or a == b:
        tot = terms.groupby("term", observed=True)["count"].sum()
        return sorted(tot.index.astype(str), key=lambda t: (-tot[t], t))[:n]
    rate = terms[terms["group"].isin([a, b])].pivot_table(index="term", columns="group", values="per_1000",
                                                          aggfunc="sum", fill_value=0, observed=True)
    cnt = terms[terms["group"].isin([a, b])].groupby("term", observed=True)["count"].sum()
    both = rate[(rate[a] > 0) & (rate[b] > 0)]
    low = both.min(axis=1)
    ranked = sorted(both.index.astype(str), key=lambda t: (-low[t], -cnt[t], t))
    rest = sorted((t for t in cnt.index.astype(str) if t not in set(ranked)), key=lambda t: (-cnt[t], t))
    return (ranked + rest)[:n]


def _present(tokens: pd.DataFrame, terms: list[str]) -> set[str]:
    """The ``terms`` (words or phrases, matched as :func:`kwic` matches them) that occur in a
    token table."""
    targets = {t: [normalize_token(w) for w, _, _ in tokenize(t)] for t in terms}
    targets = {t: w for t, w in targets.items() if w}
    if not targets:
        return set()
    lower = tokens["lower"].astype(str)
    vocab = set(lower)
    found = {t for t, w in targets.items() if len(w) == 1 and w[0] in vocab}
    phrases = {t: w for t, w in targets.items() if len(w) > 1 and all(x in vocab for x in w)}
    if phrases:
        for _, grp in tokens.assign(lower=lower).groupby("article_id", sort=False, observed=True):
            low = grp["lower"].tolist()
            for t, w in list(phrases.items()):
                if any(low[i:i + len(w)] == w for i in range(len(low) - len(w) + 1) if low[i] == w[0]):
                    found.add(t)
                    del phrases[t]
            if not phrases:
                break
    return found


def terms_or_shared(corpus: Corpus, terms, counts: pd.DataFrame, a: str | None, b: str | None, *,
                    n: int = 5, where: str = "this corpus") -> tuple[list[str], str]:
    """The ``terms`` (words or phrases) that occur in ``corpus``, with a sentence naming those
    that do not; when none occurs, up to ``n`` terms computed from the corpus instead
    (:func:`shared_terms`: the words both compared groups ``a`` and ``b`` use most), with a
    sentence saying so. The sentence is empty when every term occurs.

    The notebooks' term parameters default to words of the sample corpus (``seeds/``); on
    another corpus a view of terms that never occur would be silently empty.

    >>> from newslib.corpus import Corpus, Article
    >>> c = Corpus([Article(id="a", title="Pit", text="Pit\\n\\nThe pit shut. The pit fund.", outlet="X"),
    ...             Article(id="b", title="Mine", text="Mine\\n\\nThe pit and the mine.", outlet="Y")])
    >>> terms_or_shared(c, ["pit", "genocide"], term_counts(c), "X", "Y")
    (['pit'], '“genocide” does not occur in this corpus; shown: pit.')
    >>> terms_or_shared(c, ["genocide"], term_counts(c), "X", "Y", n=1)
    (['pit'], '“genocide” does not occur in this corpus; shown instead: pit, the word X and Y both use most.')
    """
    wanted = [str(t).strip() for t in terms if str(t).strip()]
    hits = _present(corpus.tokens(), wanted)
    found = [t for t in wanted if t in hits]
    absent = [t for t in wanted if t not in hits]
    quoted = ", ".join(f"“{t}”" for t in absent[:-1]) + (" or " if len(absent) > 1 else "") + (
        f"“{absent[-1]}”" if absent else "")
    verb = "does not occur" if len(absent) == 1 else "do not occur"
    if found:
        return found, (f"{quoted} {verb} in {where}; shown: {', '.join(found)}." if absent else "")
    top = shared_terms(counts, a, b, n=n)
    if not top:
        return [], f"{quoted or 'No term was given'}: {verb} in {where}, and it has no word to show instead."
    groups = set(counts["group"])
    pair = a is not None and b is not None and a != b and {a, b} <= groups
    rate = counts[counts["group"].isin([a, b])] if pair else counts
    n_both = sum(1 for t in top if pair and rate[rate["term"] == t]["group"].nunique() == 2)
    unit = "phrase" if any(" " in t for t in top) else "word"
    what = (unit if len(top) == 1 else unit + "s") if pair and n_both == len(top) else ("term" if len(top) == 1 else "terms")
    if pair and n_both == len(top):
        why = f"the {what} {a} and {b} both use most"
    elif pair and n_both:
        why = f"the {n_both} {unit}{'s' if n_both != 1 else ''} {a} and {b} both use most, then the most frequent of either"
    elif pair:
        why = f"{a} and {b} share no word; the most frequent of either"
    else:
        why = f"the most frequent {what} of {where}"
    head = (f"{quoted} {verb} in {where}" if absent else "No term was given")
    return top, f"{head}; shown instead: {', '.join(top)}, {why}."


def describe_corpus(corpus: Corpus, *, group_by: str = "outlet", mentions: pd.DataFrame | None = None,
                    n_names: int = 5) -> str:
    """Two or three sentences computed from the articles: how many, from which groups, dated
    when, and (given :func:`newslib.framing.actor_mentions` ``mentions``) the names found in
    the most articles. For the opening of a report on any corpus.

    >>> from newslib.corpus import Corpus, Article
    >>> c = Corpus([Article(id="a", title="T", text="T\\n\\nPits shut.", outlet="X", date="2024-03-01"),
    ...             Article(id="b", title="U", text="U\\n\\nPits shut.", outlet="Y")])
    >>> describe_corpus(c)
    'This corpus holds 2 articles from 2 outlets: X (1) and Y (1). 1 article dated, 2024-03-01; 1 undated.'
    """
    import pandas as pd

    frame = corpus.frame()
    if not len(frame):
        return "This corpus holds no article."
    if group_by not in frame.columns:
        group_by = "outlet"
    kind = {"id": "article"}.get(group_by, group_by)     # "outlet", "folder", "date": each value counted once
    per = frame[group_by].astype(str).value_counts()
    names = sorted(per.index, key=lambda g: g.lower())
    listed = [f"{g or '(none)'}" + ("" if group_by == "id" else f" ({per[g]:,})") for g in names[:8]]
    if len(names) > 8:
        listed.append(f"{len(names) - 8} more")
    joined = ", ".join(listed[:-1]) + " and " + listed[-1] if len(listed) > 1 else (listed[0] if listed else "")
    n_art, n_grp = plural(len(frame), "article"), plural(len(names), kind)
    out = [f"This corpus holds {n_art}: {joined}." if group_by == "id" else f"This corpus holds {n_art} from {n_grp}: {joined}."]
    dates = pd.to_datetime(frame["date"], errors="coerce") if "date" in frame.columns else pd.Series(dtype="datetime64[ns]")
    undated = int(dates.isna().sum()) if len(dates) else len(frame)
    if dates.notna().any():
        lo, hi = dates.min().date().isoformat(), dates.max().date().isoformat()
        span = lo if lo == hi else f"from {lo} to {hi}"
        if undated:     # (the number dated first: 18 dated articles are no 86-year corpus)
            out.append(f"{plural(len(frame) - undated, 'article')} dated, {span}; {undated:,} undated.")
        else:
            out.append(f"Dated {span}.")
    else:
        out.append("The articles carry no date.")
    if mentions is not None and len(mentions):
        docs = mentions.groupby("actor", observed=True)["article_id"].nunique()
        top = sorted(docs.index.astype(str), key=lambda x: (-docs[x], x))[:n_names]
        if top:
            out.append("Named in the most articles: " + ", ".join(f"{t} ({docs[t]})" for t in top) + ".")
    return " ".join(out)


def bootstrap_log_ratio(corpus: Corpus, terms: list[str], a: str, b: str, *, group_by: str = "outlet",
                        n_boot: int = 500, seed: int = 0) -> pd.DataFrame:
    """95% intervals of the Log Ratio of ``terms`` by resampling sentences (seeded).

    Why sentences: words in a sentence are not independent, sentences are closer to it; the
    interval shows how much one or two sentences drive a difference.
    """
    import numpy as np
    import pandas as pd

    groups = article_groups(corpus, group_by)
    toks = corpus.tokens()
    words = toks[toks["is_word"]].assign(group=lambda d: d["article_id"].map(groups))
    rng = np.random.default_rng(seed)
    per_sent = {}
    for g in (a, b):
        w = words[words["group"] == g]
        key = w["article_id"].astype(str) + "#" + w["sentence_id"].astype(str)
        tab = pd.crosstab(key, w["lower"].astype(str))
        cols = [t for t in terms if t in tab.columns]
        per_sent[g] = (tab.sum(axis=1).to_numpy(), tab.reindex(columns=terms, fill_value=0).to_numpy(), cols)
    rows = []
    samples = np.zeros((n_boot, len(terms)))
    for i in range(n_boot):
        vals = []
        for g in (a, b):
            tot, mat, _ = per_sent[g]
            idx = rng.integers(0, len(tot), len(tot))
            vals.append((mat[idx].sum(axis=0), tot[idx].sum()))
        (xa, ta), (xb, tb) = vals
        samples[i] = np.log2(((np.where(xa == 0, 0.5, xa)) / ta) / ((np.where(xb == 0, 0.5, xb)) / tb))
    for j, t in enumerate(terms):
        lo, hi = np.percentile(samples[:, j], [2.5, 97.5])
        rows.append((t, float(np.median(samples[:, j])), float(lo), float(hi)))
    return pd.DataFrame(rows, columns=["term", "log_ratio_median", "ci_low", "ci_high"])


def _cut_left(text: str, lo: int, s: int, width: int) -> str:
    """Up to ``width`` characters before ``s`` (not before ``lo``, the sentence start), cut at a
    word boundary: a word the window would cut is left out whole.

    >>> _cut_left("He accused Israel of war", 0, 21, 12)
    'Israel of'
    >>> _cut_left("He accused Israel of war", 0, 21, 40)
    'He accused Israel of'
    """
    start = max(lo, s - width)
    if start > lo and not text[start - 1].isspace() and not text[start].isspace():
        nxt = next((i for i in range(start, s) if text[i].isspace()), s)
        start = nxt
    return " ".join(text[start:s].split())


def _cut_right(text: str, e: int, hi: int, width: int) -> str:
    """Up to ``width`` characters after ``e`` (not past ``hi``, the sentence end), cut at a word
    boundary.

    >>> _cut_right("genocide” committed by Israel", 8, 30, 13)
    '” committed'
    >>> _cut_right("genocide” committed by Israel", 8, 30, 40)
    '” committed by Israel'
    """
    end = min(hi, e + width)
    if end < hi and not text[end].isspace() and not text[end - 1].isspace():
        prev = next((i for i in range(end - 1, e - 1, -1) if text[i].isspace()), e)
        end = prev
    return " ".join(text[e:end].split())


def kwic(corpus: Corpus, term: str, *, group_by: str = "outlet", width: int = 45) -> pd.DataFrame:
    """Keyword in context, aligned on the term: ``group, article_id, sentence_id, left, match,
    right`` (one row per occurrence; the term may be several words). The context is at most
    ``width`` characters each side, inside the sentence, cut between words (never mid-word).

    >>> from newslib.corpus import Corpus, Article
    >>> c = Corpus([Article(id="a", title="T", text="T\\n\\nHe called it genocide. No.", outlet="X")])
    >>> kwic(c, "genocide")[["left", "match"]].values.tolist()
    [['He called it', 'genocide']]
    >>> kwic(c, "genocide", width=8)[["left", "match"]].values.tolist()
    [['it', 'genocide']]
    """
    import pandas as pd

    groups = article_groups(corpus, group_by)
    target = [normalize_token(t) for t, _, _ in tokenize(term)]
    columns = ["group", "article_id", "sentence_id", "left", "match", "right"]
    if not target:
        return pd.DataFrame(columns=columns)
    toks = corpus.tokens()
    sents = corpus.sentences().set_index(["article_id", "sentence_id"])
    rows = []
    for aid, grp in toks.groupby("article_id", sort=False, observed=True):
        low = grp["lower"].tolist()
        starts, ends, sids = grp["start"].tolist(), grp["end"].tolist(), grp["sentence_id"].tolist()
        text = corpus[aid].text
        for i in range(len(low) - len(target) + 1):
            if low[i:i + len(target)] == target:
                s, e = starts[i], ends[i + len(target) - 1]
                ss, se = sents.loc[(aid, sids[i]), ["start", "end"]]
                left = _cut_left(text, int(ss), s, width)
                right = _cut_right(text, e, int(se), width)
                rows.append((groups[aid], aid, sids[i], left, text[s:e], right))
    return pd.DataFrame(rows, columns=columns)


def collocates(corpus: Corpus, term: str, *, window: int = 5, top_n: int = 15,
               min_count: int = 2) -> pd.DataFrame:
    """Words near ``term`` ranked by PMI and log-likelihood (NLTK's collocation finder with
    newslib's stopwords; no NLTK data needed): ``collocate, count, pmi, likelihood``."""
    import pandas as pd
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    toks = corpus.tokens()
    words = toks[toks["is_word"] & ~toks["is_stop"]]
    finder = BigramCollocationFinder.from_words(words["lower"].tolist(), window_size=window)
    target = normalize_token(term)
    finder.apply_ngram_filter(lambda w1, w2: target not in (w1, w2))
    finder.apply_freq_filter(min_count)
    m = BigramAssocMeasures()
    pmi = dict(finder.score_ngrams(m.pmi))
    ll = dict(finder.score_ngrams(m.likelihood_ratio))
    rows = [((w2 if w1 == target else w1), finder.ngram_fd[(w1, w2)], pmi[(w1, w2)], ll[(w1, w2)])
            for (w1, w2) in pmi]
    df = pd.DataFrame(rows, columns=["collocate", "count", "pmi", "likelihood"])
    df = df.groupby("collocate", as_index=False, observed=True).agg({"count": "sum", "pmi": "max", "likelihood": "max"})
    return df.sort_values(["likelihood", "collocate"], ascending=[False, True]).head(top_n).reset_index(drop=True)


def term_trend(corpus: Corpus, terms: list[str], *, freq: str = "D") -> pd.DataFrame:
    """Use of ``terms`` over time: ``period, term, count, per_1000`` (per 1,000 words of all
    articles dated in that period). ``freq``: pandas period code (``D`` day, ``W`` week,
    ``M`` month). Articles without a date are left out; an empty frame when fewer than two
    periods have dated articles.

    >>> from newslib.corpus import Corpus, Article
    >>> c = Corpus([Article(id="a", title="T", text="T\\n\\nOil rose.", date="2024-01-01"),
    ...             Article(id="b", title="U", text="U\\n\\nOil and oil.", date="2024-01-02")])
    >>> term_trend(c, ["oil"])[["period", "count"]].values.tolist()
    [['2024-01-01', 1], ['2024-01-02', 2]]
    """
    import pandas as pd

    frame = corpus.frame()[["id", "date"]].dropna()
    if frame.empty:
        return pd.DataFrame(columns=["period", "term", "count", "per_1000"])
    dates = pd.to_datetime(frame["date"], errors="coerce")
    period = dict(zip(frame["id"], dates.dt.to_period(freq).astype(str), strict=True))
    if len(set(period.values())) < 2:
        return pd.DataFrame(columns=["period", "term", "count", "per_1000"])
    toks = corpus.tokens()
    words = toks[toks["is_word"] & toks["article_id"].isin(list(period))].astype({"article_id": str, "lower": str})
    words = words.assign(period=words["article_id"].map(period))
    totals = words.groupby("period").size()
    wanted = {normalize_token(t): t for t in terms}
    hits = words[words["lower"].isin(list(wanted))]
    counts = hits.groupby(["period", "lower"]).size().rename("count").reset_index()
    grid = pd.MultiIndex.from_product([sorted(totals.index), sorted(wanted)], names=["period", "lower"])
    counts = counts.set_index(["period", "lower"]).reindex(grid, fill_value=0).reset_index()
    counts["term"] = counts["lower"].map(wanted)
    counts["per_1000"] = 1000 * counts["count"] / counts["period"].map(totals)
    return counts[["period", "term", "count", "per_1000"]].sort_values(["period", "term"]).reset_index(drop=True)


def article_similarity(corpus: Corpus, ids_a, ids_b, *, top: int | None = None,
                       chunk: int = 1000) -> pd.DataFrame:
    """How alike in wording each article of ``ids_a`` is to each of ``ids_b``: ``article_a,
    article_b, similarity, shared``, most alike first (ties in the order given). ``similarity``
    is the cosine of the two articles' TF-IDF weighted content-word counts (0: no content word in
    common, 1: the same words in the same proportions); ``shared`` counts the content words both
    use. ``top`` keeps only that many pairs (the most alike), computed ``chunk`` rows at a time,
    so two large groups never need a table of every pair.

    Content words: word tokens that are not stopwords (:func:`newslib.tokens.term_stopwords`),
    have a letter and are no reporting verb ("said" is in every story). IDF, ``ln((1 + N) / (1 +
    df)) + 1`` over the corpus's ``N`` articles, weighs down the words every article of a topic
    uses ("clinton", "trump" in a campaign), so two reports of one story stand out from two
    stories of one campaign. Measured: two reports of one event 0.35 (the seeds), 0.26 to 0.43
    (same-story pairs among 150 BBC politics articles, where 90 % of pairs are below 0.07).

    >>> from newslib.corpus import Article, Corpus
    >>> c = Corpus([Article(id="a", title="Ferry", text="Ferry\\n\\nThe ferry strike shut the harbour."),
    ...             Article(id="b", title="Strike", text="Strike\\n\\nA ferry strike closed the harbour."),
    ...             Article(id="z", title="Cup", text="Cup\\n\\nThe island team won the cup.")])
    >>> article_similarity(c, ["a"], ["b", "z"]).round(2).values.tolist()
    [['a', 'b', 0.65, 3], ['a', 'z', 0.0, 0]]
    """
    import numpy as np
    import pandas as pd

    ids_a, ids_b = [str(i) for i in ids_a], [str(i) for i in ids_b]
    columns = ["article_id", "term"]
    toks = corpus.tokens()
    low = toks["lower"].astype("category").cat
    verbs = set(reporting_verbs())
    content = np.array([any(ch.isalpha() for ch in t) and t not in verbs for t in low.categories.astype(str)],
                       dtype=bool)
    codes = low.codes.to_numpy()
    keep = toks["is_word"].to_numpy() & ~toks["is_stop"].to_numpy() & (codes >= 0)
    keep[keep] = content[codes[keep]]
    pairs = pd.DataFrame({"article_id": toks["article_id"].astype(str).to_numpy()[keep],
                          "term": codes[keep]}, columns=columns)
    counts = pairs.groupby(columns, sort=False).size()
    df = counts.groupby(level="term").size()
    idf = np.log((1 + len(corpus)) / (1 + df)) + 1
    weights = (counts * idf.reindex(counts.index.get_level_values("term")).to_numpy()).rename("w").reset_index()
    norm = np.sqrt((weights["w"] ** 2).groupby(weights["article_id"]).sum())
    weights["w"] /= weights["article_id"].map(norm).to_numpy()

    def matrix(ids: list[str], vocab: pd.Index) -> np.ndarray:
        m = np.zeros((len(ids), len(vocab)))
        part = weights[weights["article_id"].isin(ids) & weights["term"].isin(vocab)]
        rows = pd.Index(ids).get_indexer(part["article_id"])
        m[rows, vocab.get_indexer(part["term"])] = part["w"].to_numpy()
        return m

    used_a = set(weights.loc[weights["article_id"].isin(ids_a), "term"])
    used_b = set(weights.loc[weights["article_id"].isin(ids_b), "term"])
    vocab = pd.Index(sorted(used_a & used_b))        # words of one side only add nothing to a dot product
    mb = matrix(ids_b, vocab)
    out = []
    for start in range(0, len(ids_a), chunk):
        part_ids = ids_a[start:start + chunk]
        ma = matrix(part_ids, vocab)
        sim, shared = ma @ mb.T, (ma > 0).astype(np.int64) @ (mb > 0).astype(np.int64).T
        ia, ib = np.meshgrid(np.arange(len(part_ids)), np.arange(len(ids_b)), indexing="ij")
        frame = pd.DataFrame({"article_a": np.asarray(part_ids, dtype=object)[ia.ravel()],
                              "article_b": np.asarray(ids_b, dtype=object)[ib.ravel()],
                              "similarity": sim.ravel(), "shared": shared.ravel(),
                              "_order": start * len(ids_b) + np.arange(ia.size)})
        if top is not None:
            frame = frame.sort_values(["similarity", "_order"], ascending=[False, True], kind="stable").head(top)
        out.append(frame)
    res = pd.concat(out, ignore_index=True) if out else pd.DataFrame(columns=["article_a", "article_b", "similarity",
                                                                               "shared", "_order"])
    res = res.sort_values(["similarity", "_order"], ascending=[False, True], kind="stable")
    if top is not None:
        res = res.head(top)
    return res.drop(columns="_order").astype({"similarity": float, "shared": int}).reset_index(drop=True)
