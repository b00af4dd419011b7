"""Quote fidelity: line up what one person is quoted as saying in different outlets, and say
what each outlet did to the words.

Outlets covering one event often quote the same person from the same wire story or speech,
and what they do with the words is framing: a sentence cut to one word, a direct quote made
partial, "said" turned into "claimed", "allegedly" or "what he termed" added, a quote left
out. :func:`compare_quotes` lines quotes up *by content* within each speaker entity — shared
content words, containment, similarity; never by position, and never every quote against
every other (candidates come from an index of each speaker's words) — and labels each pair.
Two versions of one utterance keep a phrase of it: a paraphrase shares two content words in a
row, and two quotations (verbatim by their marks) three and half their content words; two
remarks of one person on one topic share words but not that.

Labels (a pair can carry several; see :data:`LABELS`):

* ``same words``, ``trimmed`` (B is a part of A: A's words with some cut), ``extended`` (A is a
  part of B), ``reworded`` (a word put in or replaced); contractions, plurals and spelling
  variants are house style, not change;
* ``direct→partial``, ``partial→direct``, ``quoted→reported`` (the marks dropped: B reports
  in its own words what A quotes), ``reported→quoted``;
* ``verb changed``: a reporting verb of another kind (neutral *said*/*told*, critical
  *accused*, distancing *claimed*; *said* → *told* is no change); both verbs and their classes
  are columns;
* ``distancing added`` / ``distancing dropped``: a distancing marker in the quote's sentence
  other than its verb (*allegedly*, *so-called*, *what he termed*, or scare quotes: one to
  three words put in marks that the other version reports without them) in one version only;
* ``speaker changed``: the same words attributed to another source;
* unmatched quotes: ``only in one group`` (no other group carries it), or with ``source=``,
  ``left out`` (the source's quote is missing from an article) and ``not in source``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from difflib import SequenceMatcher

import pandas as pd

from ..lexicons import data_rows, reporting_verbs
from ..tokens import normalize_token, stopwords
from .words import _one_edit

__all__ = ["EVIDENCE", "FIDELITY_COLUMNS", "LABELS", "change_counts", "compare_quotes", "compare_quote_tables",
           "content_words", "evidence", "pair_labels", "word_diff"]

#: Every label a row can carry.
LABELS = ("same words", "trimmed", "extended", "reworded", "direct→partial", "partial→direct",
          "quoted→reported", "reported→quoted", "verb changed", "distancing added", "distancing dropped",
          "speaker changed", "only in one group", "left out", "not in source")

FIDELITY_COLUMNS = ["speaker", "group_a", "article_a", "quote_a", "type_a", "verb_a", "verb_class_a",
                    "distancing_a", "group_b", "article_b", "quote_b", "type_b", "verb_b", "verb_class_b",
                    "distancing_b", "speaker_b", "similarity", "evidence", "labels", "quote_id_a", "quote_id_b"]

#: How sure a match is, from what the two versions share (see :func:`evidence`).
EVIDENCE = ("verbatim", "phrase", "paraphrase")
#: A shared part of this many content words, or words, or more is verbatim evidence of one utterance.
VERBATIM_MIN, VERBATIM_WORDS = 4, 6

_WORD_RE = re.compile(r"[^\W_](?:[\w’'-]*[^\W_])?")
#: A pair matches when this share of the shorter quote's content words is in the longer one.
MIN_CONTAINMENT = 0.6
#: "speaker changed" needs this many content words and this overlap (one source's words
#: attributed to another is a strong claim: only near-identical quotes qualify).
SAME_WORDS_MIN = 4
#: Quotes of this many content words or fewer match only when their sentences share a content
#: word too (one word is easily quoted twice about two things).
SHORT_QUOTE = 1
SAME_WORDS_JACCARD = 0.8
#: Days and months: shared by any two reports of one week, they tie no quote to another.
_WHEN_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april "
                        "may june july august september october november december week today yesterday".split())
#: Quotes of this many content words or fewer match only as a phrase of the other quote.
SHORT_PHRASE = 3


def _stem(w: str) -> str:
    """A light plural stem, so "crimes" meets "crime" and "taxes" "tax": news rewrites change
    number, rarely more.

    >>> [_stem(w) for w in ("crimes", "taxes", "speeches", "policies", "bus")]
    ['crime', 'tax', 'speech', 'policy', 'bus']
    """
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("xes", "ches", "shes", "sses", "zzes")):
        return w[:-2]       # "taxes" meets "tax", "speeches" "speech"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def content_words(text: str) -> list[str]:
    """The words that carry a quote's content: lower case, no stopwords, plurals folded.

    >>> content_words("“War crimes and genocide,” he said.")
    ['war', 'crime', 'genocide', 'said']
    """
    stop = stopwords()
    out = []
    for m in _WORD_RE.finditer(text):
        w = normalize_token(m.group())
        if w in stop or (w.isdigit() and len(w) < 2):
            continue
        out.append(_stem(w))
    return out


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """``(op, text)`` pieces turning ``a`` into ``b`` word by word: ``=`` kept, ``-`` only in
    ``a``, ``+`` only in ``b``; for showing what an outlet changed.

    >>> word_diff("war crimes and genocide", "genocide")
    [('-', 'war crimes and'), ('=', 'genocide')]
    """
    wa, wb = a.split(), b.split()
    key = lambda ws: [normalize_token(w.strip(".,;:!?“”\"'‘’")) for w in ws]  # noqa: E731
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, key(wa), key(wb), autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(wb[j1:j2])))
        else:
            if i2 > i1:
                out.append(("-", " ".join(wa[i1:i2])))
            if j2 > j1:
                out.append(("+", " ".join(wb[j1:j2])))
    return out


def _distancing_terms() -> list[tuple[re.Pattern[str], str]]:
    rows = [r["term"] for r in data_rows("hedges.csv") if r.get("kind") == "distancing"]
    return [(re.compile(r"(?<![\w-])" + re.escape(t).replace(r"\ ", r"\s+") + r"(?![\w-])", re.I), t) for t in rows]


def _verb_info(verb: object) -> tuple[str | None, str | None]:
    """(lemma, class) of a reporting verb as written (``None`` for a colon or no cue)."""
    if not isinstance(verb, str) or not verb.strip():
        return None, None
    words = verb.lower().split()
    for w in (" ".join(words), words[-1], words[0]):     # "according to", "also said"
        if w in reporting_verbs():
            lemma, cls, _ = reporting_verbs()[w]
            return lemma, cls
    return words[0], None


def _wording(qa: str, qb: str) -> str:
    """same words, trimmed (B is a part of A), extended (A is a part of B) or reworded; words
    are compared with contractions written out, plurals folded and spelling variants equal
    ("We’ve" / "We have", "laws" / "law", "judgment" / "judgement"): house style, not change."""
    wa = [_stem(w) for w in _expanded([normalize_token(w) for w in _WORD_RE.findall(qa)])]
    wb = [_stem(w) for w in _expanded([normalize_token(w) for w in _WORD_RE.findall(qb)])]
    if len(wa) == len(wb) and all(_same_word(x, y) for x, y in zip(wa, wb, strict=True)):
        return "same words"     # (spelling apart: "judgment" / "judgement")
    if _part(wb, wa):
        return "trimmed"
    if _part(wa, wb):
        return "extended"
    return "reworded"


_PRONOUN_HOSTS = frozenset("i you we they he she it that there what who here".split())
_CLITICS = {"ve": "have", "re": "are", "ll": "will", "d": "would", "m": "am", "s": "is"}
_NEGATIONS = {"can't": ["can", "not"], "won't": ["will", "not"], "shan't": ["shall", "not"]}


def _expanded(words: list[str]) -> list[str]:
    """Contractions written out, so that "We've got to" and "We have got to" are the same
    words: an outlet's house style, not a change to what was said ("Labour's" stays)."""
    out: list[str] = []
    for w in words:
        w2 = w.replace("’", "'")
        if w2 in _NEGATIONS:
            out += _NEGATIONS[w2]
        elif w2.endswith("n't") and len(w2) > 3:
            out += [w2[:-3], "not"]
        elif "'" in w2 and w2.split("'", 1)[0] in _PRONOUN_HOSTS and w2.split("'", 1)[1] in _CLITICS:
            host, clitic = w2.split("'", 1)
            out += [host, _CLITICS[clitic]]
        else:
            out.append(w)
    return out


def _same_word(x: str, y: str) -> bool:
    """One word, spelling apart: equal, or five letters or more and one letter added, dropped
    or changed ("judgment" / "judgement", "organise" / "organize")."""
    return x == y or (min(len(x), len(y)) >= 5 and _one_edit(x, y))


def _part(short: list[str], long_: list[str]) -> bool:
    """Whether ``short`` is a part of ``long_``: every one of its words is in ``long_``, in
    order, in at most three pieces (words cut from the middle, "would be able to deliver" →
    "would deliver", or an ellipsis), and it is shorter. A word put in is no cut: "their
    election hopes" is no part of "Labour's election hopes"."""
    if not short or len(short) >= len(long_):
        return False
    if any(long_[k:k + len(short)] == short for k in range(len(long_) - len(short) + 1)):
        return True
    blocks = [b for b in SequenceMatcher(None, short, long_, autojunk=False).get_matching_blocks() if b.size]
    return sum(b.size for b in blocks) == len(short) and len(blocks) <= 3


def evidence(qa: str, qb: str, *, wording: str | None = None) -> str:
    """What ties two matched quotes to one utterance: ``verbatim`` (one is the other, or a part
    of it, and the shorter has four content words or six words), ``phrase`` (a part, but a
    short one), ``paraphrase`` (reworded).

    Why it matters: a person repeats a phrase ("forgotten majority", "golden rule") and a
    position for months, so a short phrase or a paraphrase in two articles is often two
    utterances; four content words in the same order almost never are. On hand reviews of 80
    BBC pairs (``benchmarks/fidelity_review.py``) every verbatim pair was one utterance, and
    about half of the others.

    >>> evidence("We will win the vote tomorrow, whatever they say", "We will win the vote tomorrow")
    'verbatim'
    >>> evidence("the forgotten majority are paying the price", "forgotten majority")
    'phrase'
    """
    wording = wording or _wording(qa, qb)      # (pair_labels has it as its first label)
    if wording == "reworded":
        return "paraphrase"
    n = min(len(set(content_words(qa))), len(set(content_words(qb))))
    words = min(len(_WORD_RE.findall(qa)), len(_WORD_RE.findall(qb)))
    return "verbatim" if n >= VERBATIM_MIN or words >= VERBATIM_WORDS else "phrase"


def pair_labels(a: dict, b: dict) -> list[str]:
    """The labels of one matched pair of quote rows (dicts with ``quote, type, verb,
    distancing`` and ``speaker``), in :data:`LABELS` order.

    >>> a = {"quote": "war crimes and genocide", "type": "partial", "verb": "accused", "distancing": "", "speaker": "R"}
    >>> b = {"quote": "genocide", "type": "partial", "verb": "termed", "distancing": "what he termed", "speaker": "R"}
    >>> pair_labels(a, b)
    ['trimmed', 'verb changed', 'distancing added']

    A partial quotation inside reported speech (``in_report``: "said not paying taxes made him
    “smart”") against the full quotation is both a quotation cut and the rest reported:

    >>> d = {"quote": "That makes me smart", "type": "direct", "verb": "said", "distancing": "", "speaker": "T"}
    >>> p = {"quote": "smart", "type": "partial", "verb": "said", "distancing": "", "speaker": "T", "in_report": True}
    >>> pair_labels(d, p)
    ['trimmed', 'direct→partial', 'quoted→reported']
    """
    labels = [_wording(a["quote"], b["quote"])]
    ta, tb = a["type"], b["type"]
    quoted = ("direct", "partial", "scare")
    if (ta, tb) == ("direct", "partial"):
        labels.append("direct→partial")
        if b.get("in_report"):
            labels.append("quoted→reported")     # the rest of the quotation told in the writer's words
    elif (ta, tb) == ("partial", "direct"):
        labels.append("partial→direct")
        if a.get("in_report"):
            labels.append("reported→quoted")
    elif ta in quoted and tb == "indirect":
        labels.append("quoted→reported")
    elif ta == "indirect" and tb in quoted:
        labels.append("reported→quoted")
    (la, ca), (lb, cb) = _verb_info(a["verb"]), _verb_info(b["verb"])
    # a change of kind: "said" to "claimed" or "accused", not "said" to "told" (both neutral)
    if la and lb and la != lb and (ca != cb or ca is None):
        labels.append("verb changed")
    da, db = set(filter(None, a["distancing"].split("; "))), set(filter(None, b["distancing"].split("; ")))
    if db - da:
        labels.append("distancing added")
    if da - db:
        labels.append("distancing dropped")
    if a.get("speaker") != b.get("speaker"):
        labels.append("speaker changed")
    return labels


def _distancing(quotes: pd.DataFrame, texts: dict[str, str], sentences: pd.DataFrame | None) -> list[str]:
    """The distancing markers in each quote's sentence, outside the quote itself: hedges.csv's
    distancing terms ("allegedly", "so-called", "what he termed") and scare quotes (a quotation
    of one to three words with no other marker and no reporting verb). A distancing verb ("claimed") is not counted
    here: the verb and its class are columns of their own, and "verb changed" says it."""
    terms = _distancing_terms()
    spans: dict[tuple[str, int], tuple[int, int]] = {}
    if sentences is not None and len(sentences):
        for aid, sid, s, e in zip(sentences["article_id"].astype(str), sentences["sentence_id"], sentences["start"],
                                  sentences["end"], strict=True):
            spans[(aid, int(sid))] = (int(s), int(e))
    out = []
    for r in quotes.itertuples(index=False):
        text = texts.get(r.article_id, "")
        lo, hi = spans.get((r.article_id, int(r.sentence_id)) if pd.notna(r.sentence_id) else None,
                           (max(0, int(r.start) - 200), min(len(text), int(r.end) + 200)))
        # a quotation's own words are the speaker's; reported speech is the writer's words, so a
        # marker inside it counts ("such actions were allegedly supported")
        around = text[lo:hi] if r.type == "indirect" else text[lo:int(r.start)] + " " + text[int(r.end):hi]
        verb = str(r.verb).lower() if isinstance(r.verb, str) else ""
        found = [t for rx, t in terms if rx.search(around) and t != verb]   # the cue itself: its own column
        if r.type in ("partial", "scare") and len(str(r.quote).split()) <= 3 and not found \
                and not (isinstance(r.verb, str) and r.verb.strip()):
            # words in marks with no one said to say them: the writer's scare quotes (a short
            # partial quote with its verb, 'called him “unstable”', is attribution)
            found.append("scare quotes")
        out.append("; ".join(sorted(set(found))))
    return out


_CUE_WORDS = frozenset({"said", "say", "says", "told", "called", "call", "calls", "added", "wrote"})


def _in_report(q: pd.DataFrame) -> list[bool]:
    """Whether each row is a partial quotation inside a reported clause of its article (a mixed
    quotation: "she wanted to speak “directly to white people”")."""
    reports: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for aid, t, s, e in zip(q["article_id"], q["type"], q["start"], q["end"], strict=True):
        if t == "indirect":
            reports[aid].append((int(s), int(e)))
    return [t == "partial" and any(s0 <= int(s) and int(e) <= e0 for s0, e0 in reports.get(aid, ()))
            for aid, t, s, e in zip(q["article_id"], q["type"], q["start"], q["end"], strict=True)]


def _sentence_spans(sentences: pd.DataFrame | None) -> dict[tuple[str, int], tuple[int, int]]:
    if sentences is None or not len(sentences):
        return {}
    return {(str(a), int(k)): (int(s), int(e)) for a, k, s, e in zip(
        sentences["article_id"].astype(str), sentences["sentence_id"], sentences["start"], sentences["end"], strict=True)}


def _similarity(a: set[str], b: set[str]) -> tuple[float, float]:
    shared = len(a & b)
    if not shared:
        return 0.0, 0.0
    return shared / min(len(a), len(b)), shared / len(a | b)


def compare_quotes(corpus, *, group_by: str = "outlet", source: str | None = None) -> pd.DataFrame:
    """How each group (outlet) changed what a person said: one row per matched pair of quotes
    or reported speech of the same speaker entity in two groups, or per quote only one group
    carries; ``labels`` says what changed (see :data:`LABELS`).

    With ``source=`` an article id (a transcript, the wire story, a press release), every other
    article is compared with that one: its quotes that an article leaves out are rows too.

    ``corpus`` is a :class:`newslib.corpus.Corpus` (anything with ``quotes()``, ``frame()``,
    ``sentences()`` and ``articles``). Why labels are a "; "-joined string and not a list: it
    filters with ``df[df.labels.str.contains("trimmed")]``, counts with
    ``df.labels.str.split("; ").explode().value_counts()``, and writes to CSV as it reads.

    >>> from newslib.corpus import Article, Corpus
    >>> c = Corpus([Article(id="a", title="T", outlet="Wire",
    ...                     text="T\\n\\nRaisi accused Israel of “war crimes and genocide” in Gaza."),
    ...             Article(id="b", title="T", outlet="Post",
    ...                     text="T\\n\\nRaisi claimed Israel did what he termed “genocide” in Gaza.")])
    >>> row = compare_quotes(c).iloc[0]
    >>> row["quote_a"], row["quote_b"], row["verb_class_b"]
    ('genocide', 'war crimes and genocide', 'critical')
    >>> row["labels"]
    'extended; verb changed; distancing dropped'
    """
    frame = corpus.frame()
    if group_by not in frame.columns:
        raise ValueError(f"unknown group_by {group_by!r}; choose one of: {', '.join(map(str, frame.columns))}")
    groups = dict(zip(frame["id"].astype(str), frame[group_by].astype(str), strict=True))
    texts = {a.id: a.text for a in corpus.articles}
    return compare_quote_tables(corpus.quotes(), groups, texts, sentences=corpus.sentences(), source=source)


def compare_quote_tables(quotes: pd.DataFrame, groups: dict[str, str], texts: dict[str, str], *,
                         sentences: pd.DataFrame | None = None, source: str | None = None) -> pd.DataFrame:
    """:func:`newslib.quotes.compare_quotes` on tables: ``quotes`` (the corpus's quote table),
    ``groups`` (article id → group), ``texts`` (article id → text), optional ``sentences``."""
    if source is not None and source not in set(groups):
        raise ValueError(f"source {source!r} is not an article id of this corpus")
    q = quotes[quotes["speaker"].notna()].reset_index(drop=True)
    q["article_id"] = q["article_id"].astype(str)
    q["group"] = q["article_id"].map(groups)
    q["distancing"] = _distancing(q, texts, sentences)
    q["in_report"] = _in_report(q)
    words = [set(content_words(t)) for t in q["quote"].astype(str)]
    recs = q.to_dict("records")
    context = _Contexts(recs, words, texts, _sentence_spans(sentences))

    def comparable(i: int, j: int) -> bool:
        if source is not None:
            return (recs[i]["article_id"] == source) != (recs[j]["article_id"] == source)
        return recs[i]["group"] != recs[j]["group"]

    taken: set[tuple[int, str]] = set()
    pairs = _one_to_one(_candidates(recs, words, comparable, context), recs, words, taken)
    pairs += _speaker_changes(recs, words, comparable, taken)
    rows = []
    for sim, i, j in pairs:
        a, b = recs[i], recs[j]
        if (source is not None and b["article_id"] == source) or (source is None and (a["group"], a["article_id"]) > (b["group"], b["article_id"])):
            a, b = b, a
        rows.append(_row(a, b, round(sim, 3), pair_labels(a, b)))
    matched = {i for _, i, _ in pairs} | {j for _, _, j in pairs}
    rows += _unmatched(recs, matched, pairs, groups, source)
    df = pd.DataFrame(rows, columns=FIDELITY_COLUMNS)
    return df.sort_values(["speaker", "group_a", "article_a", "group_b", "article_b"], na_position="last",
                          kind="stable").reset_index(drop=True)


class _Contexts:
    """The content words of a quote's sentence (and the one before: a quotation standing alone
    follows what it is about) outside the quote and the speaker's name: what a one-word quote is
    about ("called the senator “unstable”" is not "called Clinton “unstable”"). Read on demand."""

    def __init__(self, recs: list[dict], words: list[set[str]], texts: dict[str, str],
                 spans: dict[tuple[str, int], tuple[int, int]]) -> None:
        self.recs, self.words, self.texts, self.spans = recs, words, texts, spans
        self.cache: dict[int, set[str]] = {}

    def __call__(self, i: int) -> set[str]:
        if i not in self.cache:
            r = self.recs[i]
            text = self.texts.get(r["article_id"], "")
            sid = r.get("sentence_id")
            lo, hi = self.spans.get((r["article_id"], sid),
                                    (max(0, int(r["start"]) - 200), min(len(text), int(r["end"]) + 200)))
            if isinstance(sid, int) and sid > 0:
                lo = self.spans.get((r["article_id"], sid - 1), (lo, lo))[0]
            around = text[lo:int(r["start"])] + " " + text[int(r["end"]):hi]
            name = set(content_words(str(r["speaker"]))) | set(content_words(str(r.get("mention") or "")))
            self.cache[i] = set(content_words(around)) - name - self.words[i] - _CUE_WORDS
        return self.cache[i]


def _candidates(recs: list[dict], words: list[set[str]], comparable, context) -> list[tuple[float, int, int]]:
    """(similarity, i, j) for quotes of one speaker in comparable articles that share enough
    content words: blocked by speaker and an index of words, never all pairs; a one-word quote
    also needs a shared word of context."""
    cands: list[tuple[float, int, int]] = []
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        by_speaker[r["speaker"]].append(i)
    for idx in by_speaker.values():
        index: dict[str, list[int]] = defaultdict(list)
        for i in idx:
            for w in words[i]:
                index[w].append(i)
        seen: set[tuple[int, int]] = set()
        for i in idx:
            for j in Counter(j for w in words[i] for j in index[w] if j > i):
                if (i, j) in seen or not comparable(i, j):
                    continue
                seen.add((i, j))
                cont, jac = _similarity(words[i], words[j])
                if cont >= MIN_CONTAINMENT and _short_ok(recs, words, context, i, j) \
                        and _rewording_ok(recs[i], recs[j], jac):
                    cands.append((0.5 * cont + 0.5 * jac, i, j))
                elif (cover := _context_paraphrase(recs, words, context, i, j)) is not None:
                    cands.append((0.5 * cover * cont, i, j))
    return cands


#: A report of a short quotation in the writer's words: this share of the reported clause's
#: words at least is the quotation's and its sentence's, and this many come from the sentence.
PARAPHRASE_COVER, PARAPHRASE_FROM_CONTEXT = 0.75, 2


def _context_paraphrase(recs: list[dict], words: list[set[str]], context, i: int, j: int) -> float | None:
    """How much of a reported clause a short quotation and its sentence hold together, when
    the clause reports that quotation: "“That makes me smart,” when Clinton blasted him for
    not paying income tax" is reported elsewhere as "said that paying no income taxes was
    smart". The writer folds what the quotation answered into the clause, so the clause
    shares one word with the quotation and the rest with its sentence. None when the two
    are not a quotation of at most SHORT_PHRASE content words and a reported clause of more,
    or when the clause is not mostly quotation and sentence (two remarks on one topic share
    the topic's words, not the quotation's)."""
    q, r = (i, j) if recs[i]["type"] != "indirect" else (j, i)
    if recs[q]["type"] == "indirect" or _claims_own_words(recs[r]) or len(words[q]) > SHORT_PHRASE \
            or len(words[r]) <= len(words[q]):
        return None
    around = context(q) - _WHEN_WORDS
    shared = words[r] & words[q]
    from_context = (words[r] - words[q]) & around
    cover = (len(shared) + len(from_context)) / len(words[r])
    if not shared or len(from_context) < PARAPHRASE_FROM_CONTEXT or cover < PARAPHRASE_COVER:
        return None
    return cover


#: A reworded pair shares a phrase of this many content words at least; two quotations (in
#: marks: the speaker's words, verbatim) need a longer one and this much overlap.
REWORDED_RUN, QUOTED_RUN, QUOTED_JACCARD = 2, 3, 0.5


def _rewording_ok(a: dict, b: dict, jac: float) -> bool:
    """Whether two quotes that are neither the same words nor one a part of the other can still
    be one utterance. Reported speech paraphrases, but keeps a phrase of what was said ("local
    tax based on the ability to pay" is not "scrapping council tax in favour of local income
    tax": no two content words in a row shared). Words in quotation marks claim to be the
    speaker's own, so two quotations of one utterance differ little ("reheated from six months
    ago" is not from "I've dealt with this six months ago …"); a translation or a misquote
    still shares a phrase and half its content words."""
    qa, qb = str(a["quote"]), str(b["quote"])
    if _wording(qa, qb) != "reworded":
        return True
    ca, cb = content_words(qa), content_words(qb)
    m = SequenceMatcher(None, ca, cb, autojunk=False).find_longest_match(0, len(ca), 0, len(cb))
    if _claims_own_words(a) and _claims_own_words(b):
        return m.size >= QUOTED_RUN and jac >= QUOTED_JACCARD
    return m.size >= REWORDED_RUN


def _claims_own_words(r: dict) -> bool:
    """A quotation, or reported words holding one ("called the plan “reheated from six months
    ago”"): what is in the marks claims to be the speaker's own."""
    return r["type"] in ("direct", "partial") or any(ch in str(r["quote"]) for ch in "“\"")


def _short_ok(recs: list[dict], words: list[set[str]], context, i: int, j: int) -> bool:
    """A short quote matches a longer one only as a phrase of it ("makes me smart" in "That
    makes me smart", not "go … vote" in "they can't go down any further, so they should vote"),
    and a one-word quote only where the two sentences share two words of context other than
    days ("genocide" beside Israel and Gaza in both): a word or two is easily said twice about two things."""
    short, other = (i, j) if len(words[i]) <= len(words[j]) else (j, i)
    n = len(words[short])
    if n > SHORT_PHRASE:
        return True
    a, b = content_words(str(recs[short]["quote"])), content_words(str(recs[other]["quote"]))
    if not any(b[k:k + len(a)] == a for k in range(len(b) - len(a) + 1)):
        return False
    return n > SHORT_QUOTE or len(context(i) & context(j) - _WHEN_WORDS) >= 2


def _one_to_one(cands: list[tuple[float, int, int]], recs: list[dict], words: list[set[str]],
                taken: set[tuple[int, str]]) -> list[tuple[float, int, int]]:
    """One match per quote and other article, best first; ties go to quotes in the body (a
    headline's word, "Raisi tells Putin … “genocide”", repeats the body's quote, which is the one
    the outlet framed). ``taken`` records what is matched."""
    def in_headline(i: int) -> bool:
        return recs[i].get("sentence_id") == 0
    pairs = []
    # quote -> spans of the quotes matched with it, per their article
    partners: dict[int, list[tuple[str, int, int, int]]] = defaultdict(list)

    def overlaps_partner(x: int, y: int) -> bool:
        ry = recs[y]
        return any(art == ry["article_id"] and min(e, int(ry["end"])) > max(s, int(ry["start"]))
                   for art, s, e, _ in partners[x])

    # rows with an overlapping row of their own article (a partial inside a reported clause)
    spans: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for k, r in enumerate(recs):
        spans[r["article_id"]].append((int(r["start"]), int(r["end"]), k))

    def nested_matched(x: int, y: int) -> bool:
        # a partial inside x, matched in y's article already, holds all of y's words: y is that
        # piece again ("accused Israel of “war crimes and genocide”": its partial has matched
        # the body's “genocide”, the headline's is no second match for the clause)
        rx = recs[x]
        s0, e0 = int(rx["start"]), int(rx["end"])
        return any(k != x and s0 <= s and e <= e0 and words[y] <= words[k]
                   and any(art == recs[y]["article_id"] for art, *_ in partners[k])
                   for s, e, k in spans[rx["article_id"]])

    def repeats_partner(long_: int, short: int) -> bool:
        # the same piece again ("genocide" in the headline and the body): one match, the body's
        return any(art == recs[short]["article_id"] and words[short] == words[k] for art, _, _, k in partners[long_])

    for sim, i, j in sorted(cands, key=lambda c: (-c[0], in_headline(c[1]) + in_headline(c[2]), c[1], c[2])):
        short, long_ = (i, j) if len(str(recs[i]["quote"])) <= len(str(recs[j]["quote"])) else (j, i)
        part = _part_of(recs, short, long_)
        # a long quote can carry several that another outlet cut from it ("Maybe I can …" and
        # "We have got to …", both pieces of one answer; "implicit bias" quoted again in a
        # later sentence): only the piece must be unmatched in the long quote's article
        if (short, recs[long_]["article_id"]) in taken \
                or (not part and (long_, recs[short]["article_id"]) in taken) \
                or overlaps_partner(i, j) or overlaps_partner(j, i) or part and repeats_partner(long_, short) \
                or nested_matched(i, j) or nested_matched(j, i):
            continue    # (a partial quote inside a reported clause already matched: one utterance)
        taken.add((short, recs[long_]["article_id"]))
        if not part:
            taken.add((long_, recs[short]["article_id"]))
        for x, y in ((i, j), (j, i)):
            partners[x].append((recs[y]["article_id"], int(recs[y]["start"]), int(recs[y]["end"]), y))
        pairs.append((sim, i, j))
    return pairs


def _part_of(recs: list[dict], short: int, long_: int) -> bool:
    """Whether the shorter quote is a part of the longer one, as the labels say it ("trimmed":
    its words in order, in at most three pieces, "… hands in the air? I mean, this is …"), or
    its content words run, in order, inside the longer one."""
    if _wording(str(recs[short]["quote"]), str(recs[long_]["quote"])) == "extended":
        return True
    a, b = content_words(str(recs[short]["quote"])), content_words(str(recs[long_]["quote"]))
    return len(a) >= 2 and any(b[k:k + len(a)] == a for k in range(len(b) - len(a) + 1))


def _speaker_changes(recs, words, comparable, taken) -> list[tuple[float, int, int]]:
    """Near-identical quotes attributed to different speakers (blocked by their rarest words)."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, ws in enumerate(words):
        if len(ws) >= SAME_WORDS_MIN:
            for w in ws:
                index[w].append(i)
    out = []
    for i, ws in enumerate(words):
        if len(ws) < SAME_WORDS_MIN:
            continue
        rare = sorted(ws, key=lambda w: len(index[w]))[:2]
        for j in {j for w in rare for j in index[w] if j > i}:
            if recs[i]["speaker"] == recs[j]["speaker"] or not comparable(i, j):
                continue
            if (i, recs[j]["article_id"]) in taken:
                continue
            _, jac = _similarity(ws, words[j])
            if jac >= SAME_WORDS_JACCARD:
                out.append((jac, i, j))
    return out


def _row(a: dict, b: dict | None, sim: float | None, labels: list[str]) -> dict:
    va, vb = _verb_info(a.get("verb")), _verb_info(b.get("verb") if b else None)
    return {"speaker": a["speaker"], "group_a": a["group"], "article_a": a["article_id"], "quote_a": a["quote"],
            "type_a": a["type"], "verb_a": a.get("verb"), "verb_class_a": va[1], "distancing_a": a["distancing"],
            "group_b": b["group"] if b else None, "article_b": b["article_id"] if b else None,
            "quote_b": b["quote"] if b else None, "type_b": b["type"] if b else None,
            "verb_b": b.get("verb") if b else None, "verb_class_b": vb[1], "distancing_b": b["distancing"] if b else None,
            "speaker_b": b["speaker"] if b else None, "similarity": sim,
            "evidence": evidence(str(a["quote"]), str(b["quote"]), wording=labels[0]) if b else None,
            "labels": "; ".join(labels),
            "quote_id_a": a.get("quote_id"), "quote_id_b": b.get("quote_id") if b else None}


def _unmatched(recs, matched, pairs, groups, source) -> list[dict]:
    rows = []
    if source is None:
        for i, r in enumerate(recs):
            if i not in matched:
                rows.append(_row(r, None, None, ["only in one group"]))
        return rows
    carried = defaultdict(set)          # source quote index -> articles carrying it
    for _, i, j in pairs:
        s, o = (i, j) if recs[i]["article_id"] == source else (j, i)
        carried[s].add(recs[o]["article_id"])
    others = sorted({a for a in groups if a != source})
    for i, r in enumerate(recs):
        if r["article_id"] == source:
            for art in others:
                if art not in carried[i]:
                    rows.append({**_row(r, None, None, ["left out"]), "group_b": groups[art], "article_b": art})
        elif i not in matched:
            rows.append({**_row(r, None, None, ["not in source"])})
    return rows


def change_counts(pairs: pd.DataFrame) -> pd.DataFrame:
    """How often each kind of change occurs per group: ``group, change, quotes``. A matched
    pair's labels describe version B against version A, so they count for B's group; a quote
    only one group carries counts for that group.

    >>> df = pd.DataFrame({"group_a": ["W", "W"], "group_b": ["P", None],
    ...                    "labels": ["trimmed; verb changed", "only in one group"]})
    >>> change_counts(df).values.tolist()
    [['P', 'trimmed', 1], ['P', 'verb changed', 1], ['W', 'only in one group', 1]]
    """
    rows = []
    for ga, gb, labels in zip(pairs["group_a"], pairs["group_b"], pairs["labels"], strict=True):
        group = gb if isinstance(gb, str) and gb else ga
        rows += [(group, lab) for lab in str(labels).split("; ") if lab]
    df = pd.DataFrame(rows, columns=["group", "change"])
    return (df.groupby(["group", "change"]).size().rename("quotes").reset_index()
            .sort_values(["group", "change"]).reset_index(drop=True))
