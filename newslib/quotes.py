"""Quotes, reported speech and who said them — rule-based, offline, measured.

The extractor works in four passes over one article's text (offsets always index that text):

1. **Quotation spans.** Curly “…”, straight "…", ``…'' and «…» marks are paired per paragraph;
   ‘…’ single quotes count only at top level and only where they cannot be apostrophes. A quote
   left open at a paragraph end continues when the next paragraph opens with a mark (the
   newspaper convention for multi-paragraph quotes); each paragraph's piece is its own span.
2. **Outer sentences.** Quote contents are masked so that sentences are split only *outside*
   quotes: the attribution of a quote is in the writer's own words around it.
3. **Cue and speaker.** In the writer's words of that sentence the nearest reporting cue
   (``data/reporting_verbs.csv``, a colon, a dash, "according to") is found, and the speaker
   mention next to it: before the verb ("X said", skipping an apposition "X, a doctor, said"),
   after it ("said X", "according to X"), or before a colon. A quote without a cue inherits the
   previous quote's speaker when it follows closely (floating quotes).
4. **Resolution.** Name variants are clustered (Ebrahim Raisi / Raisi / Mr Raisi / the Iranian
   president), titles stripped, and pronouns resolved to the nearest preceding speaker.

Types: ``direct`` (a whole quoted utterance), ``partial`` (a quoted fragment in the writer's
sentence, including "what he called …"), ``indirect`` (reported speech without marks).
Short quoted words with no cue in their sentence (scare quotes, titles, nicknames) are not
returned unless ``include_scare=True``, which types them ``scare``.

Why rules and not a model: the strong tools (BBC Citron, the Gender Gap Tracker, CoreNLP)
need spaCy models or Java that cannot be installed offline; these rules are transparent, so
a student can see *why* a speaker was chosen, and they are scored in
``benchmarks/eval_quotes.py``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, pairwise

import pandas as pd

from . import _compiled
from .cleaning import boilerplate_reason
from .lexicons import data_lines, given_names, reporting_verbs, speaker_words
from .records import Article
from .tokens import sentence_spans

__all__ = ["extract_quotes", "quotes_frame", "reporting_verbs", "speaker_words", "NameResolver", "QUOTE_COLUMNS",
           "resolve_speakers", "speaker_name", "speaker_kind", "places"]

QUOTE_COLUMNS = ["quote_id", "type", "quote", "start", "end", "speaker", "speaker_kind", "mention",
                 "mention_start", "mention_end", "verb", "verb_class", "sentence_id"]
# the columns of one article's rows; ``speaker_kind`` comes from resolve_speakers, run once over
# the whole corpus (names are clustered across articles)
_ROW_COLUMNS = [c for c in QUOTE_COLUMNS if c != "speaker_kind"]


# ---------------------------------------------------------------------------- quote spans
_OPEN_D = "“«„"
_CLOSE_D = "”»"
_SPACEISH = " \t\n([{—–-/"


@dataclass
class _Span:
    start: int          # first char inside the marks
    end: int            # one past the last char inside
    open_at: int        # index of the opening mark
    close_at: int | None  # index of the closing mark (None: runs to paragraph end)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*", text):
        out.append(m.span())
    return out


# a transcript turn: a paragraph opening with a speaker's name in capitals and a colon
# ("WALLACE: Let's start …", "MR. TRUMP: …"), perhaps after a block-quotation mark
_TURN_RE = re.compile(r"[ \t]*([\"“]?)[ \t]*((?:[A-Z][A-Z'’-]*\.?[A-Z'’-]+\.?)(?:[ \t]+[A-Z][A-Z'’-]*\.?[A-Z'’-]+){0,2}):[ \t]+(?=\S)")
_TURN_HINT_RE = re.compile(r"^[ \t\"“]*[A-Z][A-Z.'’ -]*:", re.M)
# capitalised labels that are not speakers
_NOT_TURN = frozenset("CLARIFICATION CORRECTION UPDATE UPDATED NOTE EDITOR'S EDITOR’S WATCH READ MORE RELATED "
                      "VIDEO PHOTOS PHOTO SOURCE SOURCES CREDIT BREAKING EXCLUSIVE ADVERTISEMENT "
                      "TRANSCRIPT WARNING ALERT LIVE DISCLAIMER".split())


@dataclass
class _Turn:
    mark_at: int | None   # a block-quotation mark opening the paragraph
    name_start: int
    name_end: int
    start: int            # the words spoken, up to the paragraph's end
    end: int
    close_at: int | None  # a block-quotation mark closing the paragraph


def _transcript_turns(text: str) -> list[_Turn]:
    r"""The turns of an interview or debate transcript printed in the article.

    Why a whole document decides: one "UPDATE:" or "WASHINGTON:" opening a paragraph is a
    label, but a name in capitals opening paragraph after paragraph, at least one name twice,
    is a transcript. Paragraphs that carry on a turn (opening with the same block-quotation
    mark, with no name of their own) belong to its speaker.

    >>> t = "WALLACE: Will she be there?\n\nPENCE: No.\n\nWALLACE: Why not?"
    >>> [(t[x.name_start:x.name_end], t[x.start:x.end]) for x in _transcript_turns(t)]
    [('WALLACE', 'Will she be there?'), ('PENCE', 'No.'), ('WALLACE', 'Why not?')]
    """
    if text.count(":") < 3 or len(_TURN_HINT_RE.findall(text)) < 3:
        return []       # fewer than three lines opening with capitals and a colon
    found = []
    paras = _paragraphs(text)
    for ps, pe in paras:
        m = _TURN_RE.match(text, ps, pe)
        if m and not set(m.group(2).replace(".", " ").split()) & _NOT_TURN:
            found.append((ps, pe, m))
    names = [m.group(2) for _, _, m in found]
    if len(found) < 3 or max(names.count(n) for n in names) < 2:
        return []
    by_start = {ps: (pe, m) for ps, pe, m in found}
    turns: list[_Turn] = []
    current: _Turn | None = None
    for ps, pe in paras:
        hit = by_start.get(ps)
        end = pe
        while end > ps and text[end - 1].isspace():
            end -= 1
        if hit is not None:
            m = hit[1]
            mark_at = m.start(1) if m.group(1) else None
            current = _Turn(mark_at, m.start(2), m.end(2), m.end(), end, None)
        elif current is not None and current.mark_at is not None and text[ps] == text[current.mark_at] \
                and not text[ps + 1:ps + 2] == "(" and boilerplate_reason(text[ps + 1:end].strip('"”')) is None:
            # a paragraph carrying on the turn; "(CROSSTALK.)" is a stage direction, "Follow
            # … on Twitter" the page's furniture
            current = _Turn(ps, current.name_start, current.name_end, ps + 1, end, None)
        else:
            current = None
            continue
        t = current
        if t.mark_at is not None and end - 1 > t.start and text[end - 1] in '"”' \
                and text.count(text[t.mark_at], t.start, end - 1) % 2 == 0:
            t.close_at, t.end = end - 1, end - 1
        if text[t.start:t.end].strip():
            turns.append(t)
    return turns


_MARK_RE = re.compile(r"``|''|[“”«»„\"‘’]")


def _find_spans(text: str) -> list[_Span]:
    spans: list[_Span] = []
    paras = _paragraphs(text)
    for pi, (ps, pe) in enumerate(paras):
        open_at: int | None = None
        open_len = 1
        single_open: int | None = None
        depth = 0
        for m in _MARK_RE.finditer(text, ps, pe):  # only the marks, not every character
            i = m.start()
            two = m.group()
            ch = two[0]
            size = len(two)
            prev = text[i - 1] if i > ps else " "
            if two == "``":
                mark = "open"
            elif two == "''" or ch == '"':
                mark = "ambiguous"
            elif ch in _OPEN_D:
                mark = "open"
                if ch == "“" and open_at is not None and prev not in _SPACEISH \
                        and (i + 1 >= pe or text[i + 1].isspace()):
                    mark = "close"   # an opening mark typed where the closing one belongs: “Mostly False.“
            elif ch in _CLOSE_D:
                mark = "close"
                if ch == "”" and open_at is None and prev in _SPACEISH and i + 1 < pe \
                        and (not text[i + 1].isspace() or text.startswith((" …", " ..."), i + 1)):
                    mark = "open"    # a closing mark typed where the opening one belongs: ”Fear. I am…”
            else:
                mark = ""
                if ch == "‘" and open_at is None and prev in _SPACEISH and not text[i + 1:i + 2].isspace():
                    single_open = i
                elif ch == "’" and open_at is None and single_open is not None \
                        and not text[i + 1:i + 2].isalpha() and i - single_open > 1:
                    spans.append(_Span(single_open + 1, i, single_open, i))
                    single_open = None
            if mark == "ambiguous":
                nxt = text[i + size:i + size + 1] or " "
                if open_at is None:
                    mark = "open" if (prev in _SPACEISH or prev in "“‘'" or not nxt.isspace()) and not nxt.isspace() else ""
                else:
                    mark = "close"
            if mark == "open" and open_at is None:
                open_at, open_len = i, size
                single_open = None
                depth = 0
            elif mark == "open" and ch in _OPEN_D and prev == "\n" and depth == 0:
                # a line opening a new quotation: the one left open on the line before ends there
                line_end = text.rfind("\n", open_at, i)
                if len(text[open_at + open_len:line_end].split()) >= 4:
                    spans.append(_Span(open_at + open_len, line_end, open_at, None))
                open_at, open_len = i, size
            elif mark == "open" and ch == "“" and text[open_at] == "“" and prev in _SPACEISH \
                    and prev != "\n" and not text[i + 1:i + 2].isspace():
                depth += 1    # “… what he calls “hell” than …”: a quotation inside the quotation
            elif mark == "close" and open_at is not None and depth and ch == "”":
                depth -= 1
            elif mark == "close" and open_at is not None:
                spans.append(_Span(open_at + open_len, i, open_at, i + size - 1))
                open_at = None
        if open_at is not None:
            # unclosed: a multi-paragraph quote if the next paragraph opens with a mark
            nxt_para = paras[pi + 1] if pi + 1 < len(paras) else None
            continues = nxt_para is not None and (text[nxt_para[0]] in _OPEN_D + '"'
                                                   or text.startswith(("``", "''"), nxt_para[0]))
            inner_start = open_at + open_len
            if continues or len(text[inner_start:pe].split()) >= 4:
                spans.append(_Span(inner_start, pe, open_at, None))
    return [s for s in spans if text[s.start:s.end].strip() and not _not_speech(text, s)]


# a quotation right after one of these words is a title or label: "the book “…”", "titled “…”"
_TITLE_INTRO_WORDS = frozenset(
    "titled entitled named nicknamed headlined headline book film movie documentary episode broadcast "
    "anthem podcast song album show program programme series column hashtag slogan motto".split())


def _is_word_char_re(ch: str) -> bool:
    return ch.isalnum() or ch == "_"     # what \w matches


def _title_intro(before: str) -> bool:
    """Whether ``before`` ends with a title-announcing word (optionally then a comma): the test
    a pattern anchored at the end did, without the pattern scanning all thirty characters.

    >>> _title_intro("his new book, "), _title_intro("an e-book "), _title_intro("a notebook ")
    (True, True, False)
    """
    t = before.rstrip()
    if t.endswith(","):
        t = t[:-1].rstrip()
    k = len(t)
    while k > 0 and _is_word_char_re(t[k - 1]):
        k -= 1
    word = t[k:].lower()
    if word in _TITLE_INTRO_WORDS:
        return True
    if word in ("it", "word", "words"):          # "dubbed it", "the word(s)"
        want = "dubbed " if word == "it" else "the "
        prev = t[:k]
        if prev.lower().endswith(want):
            j = len(prev) - len(want)
            return j == 0 or not _is_word_char_re(prev[j - 1])
    return False


def _after_possessive(before: str) -> bool:
    t = before.rstrip()
    return len(t) >= 3 and t[-1] == "s" and t[-2] in "'’" and _is_word_char_re(t[-3])


def _not_speech(text: str, s: _Span) -> bool:
    """Marks that enclose markup attributes, numbers, nicknames or announced titles."""
    inner = text[s.start:s.end].strip()
    before = text[max(0, s.open_at - 30):s.open_at]
    after = text[s.end + 1:s.end + 3] if s.close_at is not None else ""
    if before.endswith("=") or not any(ch.isalpha() for ch in inner):
        return True  # <tweet id="7834…">, "1474387200"
    words = inner.split()
    if len(words) == 1 and before.rstrip()[-1:].isalpha() and before.split()[-1:][0][:1].isupper() \
            and after.strip()[:1].isupper():
        return True  # Robert C. "Bobby" Scott
    if inner.endswith(("?", "!")):
        return False
    if _after_possessive(before) and _is_title_case(inner):
        return True  # MSNBC’s “Morning Joe”, CBS's "Face the Nation": a programme, not words said
    return len(words) <= 8 and _title_intro(before)


# ---------------------------------------------------------------------------- tokens near cues
_WORD_RE = re.compile(r"[^\W_][\w.'’-]*|[,:;.!?—–―()\"“”‘’]")
_DETS = {"the", "a", "an", "another", "his", "her", "their", "its", "our", "my", "your", "one", "two", "three",
         "several", "many", "some", "most", "other", "both", "each",
         "no", "few", "senior", "top"}
_SKIP_BEFORE_VERB = {"also", "later", "then", "previously", "recently", "once", "has", "have", "had",
                     "was", "were", "is", "are", "am", "would", "will", "repeatedly", "publicly", "again",
                     "further", "simply", "reportedly", "separately", "earlier", "privately",
                     "first", "just", "often", "frequently", "explicitly", "specifically", "quickly",
                     "not", "never", "does", "did", "do", "could", "should", "only", "always"}
# closed-class words that never end a noun phrase, and nouns ending in -ly
_FUNCTION_WORDS = frozenset(
    "and or but nor that which to of for by with from in on at into about as than after before during "
    "while when where because if so whether".split())
_LY_NOUNS = frozenset("family ally assembly supply daily weekly monthly quarterly rally bully "
                      "monopoly anomaly homily melancholy".split())
_MONTHS = frozenset("january february march april may june july august september october november "
                    "december jan feb mar apr jun jul aug sep sept oct nov dec".split())
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve".split())
# where a participle puts its subject ("marching through the streets"); not "after", "before",
# which may open a clause of their own ("speaking after Mr Blair told …")
_PLACE_PREPOSITIONS = frozenset("in on at from through into onto along across outside inside near around "
                                "past toward towards".split())
# prepositions that, capitalised at a sentence's start, open a phrase that is no speaker
_OPENING_PREPOSITIONS = frozenset("following despite amid during in on at by since after before under "
                                  "over from with without through throughout".split())
# where words are said or written: "in a statement", "on Twitter"
_MEDIUM_NOUNS = frozenset(
    "statement message letter interview tweet tweets post posting speech report op-ed column email "
    "e-mail release video broadcast book memoir memo filing note essay editorial blog podcast "
    "twitter facebook instagram television radio".split())
_TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week",
               "month", "year", "statement", "interview", "night", "morning", "evening", "afternoon"}
_PRONOUN_RE = re.compile(r"^(?:he|she|they|it|we|i|you|who)$", re.I)
_NAME_TOKEN_RE = re.compile(r"^(?:[A-Z][\w.'’-]*|al-\w+|bin|ibn|de|da|van|von|der|del|la|le)$")


@dataclass
class _Mention:
    text: str
    start: int
    end: int
    #: for a relative "who": the noun phrase it stands for ("Tom Reyes, who said")
    ref: _Mention | None = None

    def __post_init__(self) -> None:
        last = self.text.split()[-1] if self.text.split() else ""
        if self.text.endswith(".") and len(last) > 2 and last.count(".") == 1 \
                and last.lower() not in speaker_words()["titles"]:   # "Mr." keeps its dot, "MP." not
            self.text = self.text[:-1]
            self.end -= 1


_WORD_SPLIT_RE = re.compile("(" + _WORD_RE.pattern + ")")


def _tokens(text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(text, lo, hi)]


def _all_tokens(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """``_tokens(text, 0, len(text))`` in a third of the time: ``re.split`` runs in C and
    the offsets are running sums of the piece lengths (no match object per token); every
    offset is shifted by ``offset``."""
    if _compiled.C is not None:
        return _compiled.C.word_tokens(text, offset)   # the same matches, in C
    parts = _WORD_SPLIT_RE.split(text)
    ends = list(accumulate(map(len, parts), initial=offset))
    words = parts[1::2]
    return list(zip(words, ends[1:-1:2], ends[2::2], strict=True))


class _TokIndex:
    """The word tokens of one (masked) text by character range: :meth:`get` returns exactly
    what ``_tokens(text, lo, hi)`` would. Only the sentences that need tokens (those with a
    quote or a reporting cue) are tokenised, each once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._memo: dict[tuple[int, int], list[tuple[str, int, int]]] = {}

    def get(self, lo: int, hi: int) -> list[tuple[str, int, int]]:
        if hi <= lo:
            return []
        hit = self._memo.get((lo, hi))
        if hit is None:
            # no token pattern looks behind or ahead, so a slice tokenises as the range does
            hit = _all_tokens(self.text[lo:hi], lo)
            self._memo[(lo, hi)] = hit
        return hit


def _is_dash_gap(text: str, toks: list[tuple[str, int, int]], i: int) -> bool:
    """Whether a dash stands between token ``i - 1`` and token ``i`` (" - " is no token)."""
    if toks[i - 1][0] in {"—", "–", "―"}:
        return True
    gap = text[toks[i - 1][2]:toks[i][1]]
    return " - " in gap or " -- " in gap


def _before_dash_aside(text: str, toks: list[tuple[str, int, int]], j: int) -> int:
    """Where the antecedent of "who"/"which" at ``j`` ends: the token before it, or before an
    aside set off by dashes ("critics in the US - where it only reached number eight in its
    opening week - who described …")."""
    if j < 2 or not _is_dash_gap(text, toks, j):
        return j - 1
    for k in range(j - 1, max(0, j - 25), -1):
        if _is_dash_gap(text, toks, k):
            k -= 1
            while k >= 0 and toks[k][0] in {"—", "–", "―"}:
                k -= 1
            return k
    return j - 1


def _head_before_place(text: str, toks: list[tuple[str, int, int]], ante: _Mention) -> _Mention:
    """"critics in the US, who said": the people before a place phrase, not the place."""
    i = bisect_left([t[1] for t in toks], ante.start)
    if i >= 2 and toks[i - 1][0].lower() in {"in", "at", "from", "across"}:
        head = _np_before(text, toks, i - 2)
        if head is not None and head.text.split()[-1].lower() in speaker_words()["groups"] | _person_nouns():
            return head
    return ante


def _np_before(text: str, toks: list[tuple[str, int, int]], j: int) -> _Mention | None:
    """Noun phrase ending at token index ``j`` (inclusive), walking left."""
    w = speaker_words()
    # skip auxiliaries/adverbs, time phrases and parentheticals between subject and verb
    while j >= 0:
        low = toks[j][0].lower()
        if low in _SKIP_BEFORE_VERB or (low.endswith("ly") and toks[j][0].isalpha() and toks[j][0].islower()
                                         and low not in _LY_NOUNS and len(low) > 4):
            j -= 1      # "Iran proudly announced": an adverb between subject and verb
        elif toks[j][0] == ")":
            k = j - 1
            while k >= 0 and toks[k][0] != "(" and j - k < 8:
                k -= 1
            if k < 0 or toks[k][0] != "(":
                break
            j = k - 1
        elif j >= 1 and toks[j - 1][0].lower() in {"on", "in", "last", "this", "earlier"} and (
                toks[j][0][:1].isdigit() or low in _TIME_WORDS):
            j -= 2
        else:
            break
    # skip an apposition: "X, a doctor at the clinic, said"
    if j >= 0 and toks[j][0] == ",":
        k = j - 1
        while k >= 0 and toks[k][0] not in {",", ".", ":", ";", "“", "”", '"', "(", ")"} and j - k < 30:
            k -= 1
        if k >= 0 and toks[k][0] == "," and k - 1 >= 0:
            inner = _np_before(text, toks, k - 1)
            appos = toks[k + 1:j]
            if inner is not None and appos and all(t[0][:1].isupper() for t in appos) and len(appos) <= 4 \
                    and (inner.text[:1].isupper() or inner.text.split()[0].lower() in _DETS) \
                    and not any(w[:1].isupper() for w in inner.text.split()[1:]):
                # "The finance minister, Olga Petrova, said": the name is the speaker
                return _Mention(text[appos[0][1]:appos[-1][2]], appos[0][1], appos[-1][2])
            if inner is not None:
                return inner
        if k < 0 and j >= 1:
            # "Peter Ainsworth MP, said": a comma after the whole subject, opening the sentence
            whole = _np_before(text, toks, j - 1)
            if whole is not None and whole.start == toks[0][1] and whole.text[:1].isupper():
                return whole
        return None
    if j < 0:
        return None
    tok = toks[j][0]
    if j >= 2 and toks[j - 1][0] == "of" and (tok.isdigit() or tok.lower() in _NUMBER_WORDS):
        # "the 34-year-old mother of three replied"
        inner = _np_before(text, toks, j - 2)
        if inner is not None and not _PRONOUN_RE.match(inner.text):
            return _Mention(text[inner.start:toks[j][2]], inner.start, toks[j][2])
    if tok == "which" and j >= 1:
        # "the Chicago Police Department, which reported …": as "who" below
        k = _before_dash_aside(text, toks, j)
        k = k if toks[k][0] != "," else k - 1
        ante = _np_before(text, toks, k) if k >= 0 else None
        return _Mention(tok, toks[j][1], toks[j][2], ref=ante) if ante is not None else None
    if tok in _FUNCTION_WORDS or (tok.endswith("ly") and len(tok) > 4 and tok.islower()
                                  and tok not in speaker_words()["groups"] and tok not in _LY_NOUNS):
        # "… by announcing", "NBC News and said", "in a swiftly issued statement": the word
        # before the verb ends no noun phrase, so no speaker stands there
        return None
    if tok.lower().replace("’", "'") in {"that's", "there's", "here's", "what's"}:
        return None     # "That’s when she pointed to reports …": "that is", no speaker
    if _PRONOUN_RE.match(tok):
        if tok.lower() == "who" and j >= 1:
            # a relative pronoun: its antecedent is the speaker ("Tom Reyes, who said …")
            k = _before_dash_aside(text, toks, j)
            k = k if toks[k][0] != "," else k - 1
            ante = _np_before(text, toks, k) if k >= 0 and not _PRONOUN_RE.match(toks[k][0]) else None
            if ante is not None:
                ante = _head_before_place(text, toks, ante)
                # the mention stays "who", as written where the attribution is; the speaker
                # resolves through the antecedent
                return _Mention(tok, toks[j][1], toks[j][2], ref=ante)
        return _Mention(tok, toks[j][1], toks[j][2])
    end_i = j
    k = j
    seen_cap = False
    while k >= 0 and end_i - k < 8:
        t = toks[k][0]
        low = t.lower()
        if t[0].isupper() and t[0].isalpha():
            seen_cap = True
            k -= 1
            continue
        if low in {"'s", "’s"} or low in {"of", "for", "at", "and"} and seen_cap and k - 1 >= 0 and toks[k - 1][0][:1].isupper():
            k -= 1
            continue
        if low in _DETS or (t[:1].isdigit() and not seen_cap and k < end_i):
            k -= 1      # "the spokesman", "73 percent": a determiner or a number opens the phrase
            break
        if (t[0].isalpha() and t.islower() or re.fullmatch(r"\d[\w.]*-[a-z][\w-]*", t)) and not seen_cap \
                and low not in reporting_verbs() and (end_i - k) < 4:
            # lowercase noun phrase: "a campaign operative", "analysts"
            k -= 1
            continue
        break
    start_i = k + 1
    # trim leading lowercase junk not introduced by a determiner
    while start_i <= end_i and toks[start_i][0].islower() and toks[start_i][0].lower() not in _DETS \
            and not (start_i == end_i or toks[start_i][0].lower() in w["groups"]):
        if start_i > 0 and toks[start_i - 1][0].lower() in _DETS:
            break
        start_i += 1
    if start_i > end_i:
        return None
    if start_i > 0 and toks[start_i - 1][0].lower() in _DETS:
        start_i -= 1
    # strip leading "Of" / sentence connectors like "But"
    while start_i <= end_i and toks[start_i][0].lower() in {"but", "and", "so", "yet", "however", "meanwhile", "still"}:
        start_i += 1
    if start_i > end_i:
        return None
    phrase_toks = toks[start_i:end_i + 1]
    head = phrase_toks[-1][0]
    if phrase_toks[0][0][:1].isdigit() and any(t[0].lower() in _SKIP_BEFORE_VERB or t[0].lower() in _VERB_LIKE
                                               or t[0].lower() in {"been", "be", "only"} for t in phrase_toks):
        return None     # "2005 have been": a number and a verb, no noun phrase
    if not (any(t[0][:1].isupper() for t in phrase_toks) or head.lower() in w["groups"]
            or (phrase_toks[0][0][:1].isdigit() and len(phrase_toks) >= 2)
            or head.lower().rstrip("s") in w["groups"] or head.lower() in w["titles"]
            or (phrase_toks[0][0].lower() in _DETS and len(phrase_toks) >= 2)):
        return None
    if all(t[0].lower() in _DETS for t in phrase_toks):
        return None
    # "a spokesperson for the Home Office", "an official at the ministry": the person is the speaker
    first = start_i if phrase_toks[0] is toks[start_i] else toks.index(phrase_toks[0])
    if first >= 2 and toks[first - 1][0].lower() in {"for", "at", "of"} and \
            toks[first - 2][0].lower() in (speaker_words()["titles"] | speaker_words()["groups"]):
        head = first - 2
        if head >= 1 and toks[head - 1][0].lower() in _DETS:
            head -= 1
        phrase_toks = toks[head:first] + phrase_toks
    elif first == 0 and phrase_toks[0][0].lower() in _OPENING_PREPOSITIONS:
        # "Following initial reports, …", "In August": an opening phrase, not a subject; "On
        # Tuesday Tony Blair": the name after the date is
        rest = phrase_toks[1:]
        if phrase_toks[0][0].lower() not in {"following", "despite", "amid"}:
            while rest and (rest[0][0].lower() in _TIME_WORDS or rest[0][0].lower() in _MONTHS
                            or rest[0][0][:1].isdigit()):
                rest = rest[1:]
        if not rest or len(rest) == len(phrase_toks) - 1:
            return None
        phrase_toks = rest
    elif first >= 1 and toks[first - 1][0].lower() in {"in", "on", "at"} \
            and phrase_toks[-1][0].lower() in _MEDIUM_NOUNS:
        # "In a statement announcing the pick, the union called …": where it was said
        return None
    s, e = phrase_toks[0][1], phrase_toks[-1][2]
    return _Mention(text[s:e], s, e)


def _source_after(text: str, toks: list[tuple[str, int, int]], j: int) -> _Mention | None:
    """The source after "according to" when it is a long description ("a 52-count civil
    complaint filed by the SEC", "conservative talk radio host Rush Limbaugh"): every token up
    to the next comma or the sentence end, when it names something (a capital or a group word)."""
    k = j
    while k < len(toks) and toks[k][0] not in {",", ".", ";", ":", "“", '"', "(", "—"} and k - j < 25:
        k += 1
    if k == j:
        return None
    s, e = toks[j][1], toks[k - 1][2]
    phrase = text[s:e]
    words = phrase.lower().split()
    if not any(ch.isupper() for ch in phrase) and not set(words) & speaker_words()["groups"] \
            and words[0] not in {"a", "an", "the", "its", "his", "her", "their", "our"}:
        return None
    return _Mention(phrase, s, e)


def _np_after(text: str, toks: list[tuple[str, int, int]], j: int) -> _Mention | None:
    """Noun phrase starting at token index ``j``, walking right ("said Tom Reed, a …")."""
    if j >= len(toks):
        return None
    tok = toks[j][0]
    if _PRONOUN_RE.match(tok):
        return _Mention(tok, toks[j][1], toks[j][2])
    if tok.lower() in {"of", "on", "in", "at", "to", "that", "for", "with", "about", "by", "from"}:
        return None
    k = j
    if tok.lower() in _DETS:
        k += 1
    start_i = j
    while k < len(toks) and k - j < 8:
        t = toks[k][0]
        if t[:1].isupper() and t[0].isalpha():
            k += 1
            continue
        if t.lower() in {"'s", "’s"} or (t.lower() in {"of", "for"} and k + 1 < len(toks) and toks[k + 1][0][:1].isupper()):
            k += 1
            continue
        if t[:1].isdigit() and all(x[0][:1].isdigit() for x in toks[j:k]) and k - j < 3:
            k += 1      # "said 9/11 widow Terry Strada", "said 34-year-old Ana Ruiz"
            continue
        if t[:1].isalpha() and t.islower() and t.lower() not in {"that", "on", "in", "at", "to", "the", "when", "after", "before", "as", "while", "during", "via", "with", "who"} and (k == j or toks[start_i][0].lower() in _DETS or toks[start_i][0][:1].isdigit()) and k - j < 5:
            k += 1
            continue
        break
    if k == start_i or (k == start_i + 1 and toks[start_i][0].lower() in _DETS):
        return None
    s, e = toks[start_i][1], toks[k - 1][2]
    phrase = text[s:e]
    if not any(ch.isupper() for ch in phrase) and toks[k - 1][0].lower() not in speaker_words()["groups"] \
            and toks[start_i][0].lower() not in _DETS:
        return None
    return _Mention(phrase, s, e)


# ---------------------------------------------------------------------------- resolution
_PERSON_NAME_RE = re.compile(
    r"\b(?:[A-Z][a-z]+\.?\s+)*?((?:[A-Z][a-zA-Z'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-zA-Z'’-]+|[A-Z]\.|al-\w+|bin|de|van|von))+)")


def _strip_titles(name: str) -> str:
    titles = speaker_words()["titles"]
    words = name.replace("’s", "").split()
    while len(words) > 1 and words[1].lower() not in {"for", "of", "at"} and (words[0].lower().rstrip(".") in titles or words[0].lower() in titles
                              or words[0].lower() in {"the", "a", "an"}
                              or re.fullmatch(r"[A-Z][a-z]+(?:ian|an|ese|ish|i)", words[0]) and len(words) > 2):
        words = words[1:]
    return " ".join(words)


# (?=[A-Z]) first: the engine skips every position that cannot start a name at once (twice as
# fast; the same matches)
_NAME_SEQ_RE = re.compile(r"(?=[A-Z])((?:[A-Z][a-z]+\s+){0,3})((?:[A-Z][a-zA-Z'’-]+)(?:\s+[A-Z][a-zA-Z'’-]+){1,3})")


def _name_sequences(text: str) -> list[tuple[str, str]]:
    """(prefix, name) groups of every ``_NAME_SEQ_RE`` match, in C when it is built."""
    if _compiled.C is not None:
        return _compiled.C.name_sequences(text)
    return [m.groups() for m in _NAME_SEQ_RE.finditer(text)]


def _letter_runs(text: str) -> set[str]:
    """The distinct runs of ASCII letters in ``text``, in C when it is built."""
    if _compiled.C is not None:
        return _compiled.C.letter_runs(text)
    return set(_LETTER_RUN_RE.findall(text))


_NATIONALITY_RE = re.compile(r"[A-Z][a-z]+(?:ian|an|ese|ish)")
_THE_OF = frozenset({"the", "of"})


class NameResolver:
    """Clusters the name variants of one article (Ebrahim Raisi / Raisi / Mr Raisi) and maps
    descriptions to names ("the Iranian president"); shared by quote speakers and framing actors."""

    def __init__(self, text: str) -> None:
        self.full: list[str] = []            # canonical multi-word names, first seen first
        self.title_of: dict[str, str] = {}   # "iranian president" -> "Ebrahim Raisi"
        titles = speaker_words()["titles"]
        seen: set[str] = set()
        for g1, g2 in _name_sequences(text):
            pre, name = g1.split(), g2.split()
            # move title-like leading words of the name into the prefix
            while len(name) > 2 and (name[0].lower() in titles or _NATIONALITY_RE.fullmatch(name[0])):
                pre.append(name.pop(0))
            if len(name) >= 2 and name[0].lower() in titles:
                pre.append(name.pop(0))
            if len(name) < 2 or any(w.lower() in _THE_OF for w in name):
                continue
            canon = " ".join(name)
            if canon not in seen:
                seen.add(canon)
                self.full.append(canon)
            key = " ".join(w.lower() for w in pre if w.lower() not in {"the", "a", "an", "and"})
            if key and any(w in titles for w in key.split()):
                self.title_of.setdefault(key, canon)
                self.title_of.setdefault(key.split()[-1], canon) if len(key.split()) > 1 else None

    def canonical(self, mention: str) -> str:
        m = mention.strip()
        low = m.lower()
        words = low.split()
        if words and words[0] in {"the", "a", "an"}:
            rest = " ".join(words[1:])
            if rest in self.title_of:
                return self.title_of[rest]
            # "the Lib Dem leader Charles Kennedy": the name after the title
            known = [full for full in self.full if m.endswith(" " + full)
                     and m[:-len(full)].split()[-1].lower() in (speaker_words()["titles"] | _person_nouns())]
            if known:
                return max(known, key=len)
            return m  # "the Kremlin", "a spokesperson": as written
        stripped = _strip_titles(m)
        if len(stripped.split()) == 1:
            for full in self.full:
                if full.split()[-1] == stripped or full.split()[-1] == stripped.rstrip("’s"):
                    return full
        else:
            for full in self.full:
                if full != stripped and full.endswith(" " + stripped.split()[-1]) and stripped.split()[0] in full.split():
                    return full
            # "Home Secretary Charles Clarke": a known name after words that include a title
            titles = speaker_words()["titles"]
            known = [full for full in self.full if stripped.endswith(" " + full) and any(
                w.lower().strip(",.") in titles for w in stripped[:-len(full)].split())
                and stripped[:-len(full)].split()[-1][:1].isupper()]   # not "spokesman for North East"
            if known:
                return max(known, key=len)
        return stripped


class _LazyResolver:
    """Builds the name clusters of an article only when a speaker has to be resolved."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._r: NameResolver | None = None

    def _get(self) -> NameResolver:
        if self._r is None:
            self._r = NameResolver(self._text)
        return self._r

    @property
    def full(self) -> list[str]:
        return self._get().full

    def canonical(self, mention: str) -> str:
        return self._get().canonical(mention)


@lru_cache(maxsize=8192)
def _compatible(pronoun: str, name: str | None) -> bool:
    """Whether he/she can refer to ``name`` (unknown given names fit either)."""
    if not name or pronoun not in {"he", "she"}:
        return True
    nouns = {w.lower().strip(",") for w in name.split()}
    if nouns & speaker_words()["women"] or nouns & speaker_words()["men"]:
        # "a spokeswoman for the commission" is she, "the party chairman" he
        return bool(nouns & (speaker_words()["women"] if pronoun == "she" else speaker_words()["men"]))
    known = given_names().get(name.split()[0].lower())
    return known is None or known == pronoun


@lru_cache(maxsize=4096)
def _is_person_like(speaker: str | None) -> bool:
    """Whether he/she can stand for ``speaker``: a full name or a person's title ("Jim
    Wallace", "The prime minister"), not a party or a group ("The Tories", "Liberal
    Democrats", "The police")."""
    if not speaker:
        return False
    words = speaker.split()
    if len(words) < 2 or not speaker[0].isupper() or words[0].lower() in _FUNCTION_WORDS:
        return False    # "At Heathrow" opening a sentence
    last = words[-1].lower()
    groups = speaker_words()["groups"]
    if last in groups and not last.endswith(("man", "woman", "person", "official", "member")):
        return False
    if words[0].lower() in {"the", "a", "an"} or any(
            w[:1].islower() and w not in {"de", "van", "von", "bin", "der", "da", "di", "le", "la", "al"}
            and not w.startswith("al-") for w in words):
        # a description ("Scotland's first minister", "The party's spokeswoman") is a person's
        # when a word names one; "England and Wales have been" is no one
        return any(w.lower().strip(",") in _person_nouns() or w.lower() in speaker_words()["titles"]
                   for w in words[1:])
    if words[-1].endswith(("'s", "’s", "'", "’")):
        return False    # "Michael Howard's": a possessive, not a speaker
    if last in speaker_words()["organisations"] or (words[-1].isupper() and last not in speaker_words()["titles"]):
        return False    # "BBC News", "Czech Republic", "the Financial Times"
    return True


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    w = speaker_words()
    return w["women"] | w["men"] | w["people"]


# ---------------------------------------------------------------------------- main
_NOT_NEWLINE_RE = re.compile(r"[^\n]")


def _mask(text: str, spans: list[_Span]) -> str:
    r"""``text`` with every character inside a quote (line breaks aside) replaced by ``q``, so
    the writer's own words can be searched without the quoted ones; offsets are unchanged.

    >>> _mask("He said “no\nway” today", [_Span(9, 15, 8, 15)])
    'He said “qq\nqqq” today'
    """
    if not spans:
        return text
    out, at = [], 0
    for s in sorted(spans, key=lambda sp: sp.start):
        lo, hi = max(at, s.start), s.end
        if hi <= lo:
            continue
        out.append(text[at:lo])
        seg = text[lo:hi]
        out.append("q" * len(seg) if "\n" not in seg else _NOT_NEWLINE_RE.sub("q", seg))
        at = hi
    out.append(text[at:])
    return "".join(out)


def extract_quotes(text: str, *, include_indirect: bool = True,
                   include_scare: bool = False) -> pd.DataFrame:
    """Find quotes and reported speech in ``text`` and attribute each to a speaker.

    Returns a DataFrame with columns :data:`QUOTE_COLUMNS`; offsets index ``text`` as given,
    and ``text[start:end] == quote``. ``mention`` is the speaker as written at the attribution
    (``he``, ``Mr Raisi``, ``the Kremlin``) with its offsets; ``speaker`` the resolved name.

    >>> t = "“We tried,” Ana Silva said, “but the money ran out.”"
    >>> extract_quotes(t)[["type", "quote", "speaker", "verb"]].values.tolist()
    [['direct', 'We tried,', 'Ana Silva', 'said'], ['direct', 'but the money ran out.', 'Ana Silva', 'said']]
    """
    import pandas as pd

    rows = _extract(text, include_indirect=include_indirect, include_scare=include_scare)
    return resolve_speakers(_typed(pd.DataFrame(rows, columns=_ROW_COLUMNS)))


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    """Offsets of a missing mention are <NA>, and stay integers otherwise."""
    for col in ("mention_start", "mention_end"):
        df[col] = df[col].astype("Int64")
    return df


_NOUNISH_BEFORE = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "'s", "’s",
                   "these", "those", "this", "such", "any", "no", "recent", "earlier", "latest",
                   "following", "same", "brief", "written", "similar", "of"}


class _Cue:
    """A reporting-cue occurrence (the subset of ``re.Match`` the extractor uses)."""

    __slots__ = ("_s", "_e", "_g")

    def __init__(self, s: int, e: int, g: str) -> None:
        self._s, self._e, self._g = s, e, g

    def start(self) -> int:
        return self._s

    def end(self) -> int:
        return self._e

    def group(self) -> str:
        return self._g


# candidate verb forms: runs of letters (twice as fast to find as whole words with look-arounds);
# each occurrence is then kept only when it stands as a whole word (see _CueIndex)
_LETTER_RUN_RE = re.compile(r"[A-Za-z]+")
_TO_RE = re.compile(r"\s+to(?![\w'’-])", re.I)


@lru_cache(maxsize=1)
def _cased_forms() -> frozenset[str]:
    """Reporting-verb forms as news writes them: lower case, Capitalised, UPPER."""
    forms = {*reporting_verbs(), "according"}
    return frozenset(f2 for f in forms if " " not in f for f2 in (f, f.capitalize(), f.upper()))


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_'’-"


class _CueIndex:
    """All reporting-verb occurrences of a masked text, found once and looked up by range.

    Why not one regular expression of every verb form: an alternation of 300 words is tried at
    every position of the text (a second per megabyte). Intersecting the text's words with the
    verb forms, then finding the few forms present, is twenty times faster and gives the same
    matches (forms in odd casing, "sAID", aside).
    """

    def __init__(self, masked: str) -> None:
        cues = []
        # which verb forms occur (a set intersection, in C), then where: str.find per form,
        # kept when it stands as a whole word (no letter, digit, _, ' , ’ or - on either side)
        n = len(masked)
        for w in _letter_runs(masked) & _cased_forms():
            k, size = masked.find(w), len(w)
            while k >= 0:
                e = k + size
                if (k == 0 or not _is_word_char(masked[k - 1])) and (e == n or not _is_word_char(masked[e])):
                    if w.lower() == "according":
                        t = _TO_RE.match(masked, e)
                        if t:
                            cues.append(_Cue(k, t.end(), masked[k:t.end()]))
                    else:
                        cues.append(_Cue(k, e, w))
                k = masked.find(w, k + 1)
        cues.sort(key=_Cue.start)
        self.matches = cues
        self.starts = [c.start() for c in cues]

    def between(self, lo: int, hi: int) -> list[_Cue]:
        i, j = bisect_left(self.starts, lo), bisect_left(self.starts, hi)
        return [m for m in self.matches[i:j] if m.end() <= hi]


_BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being", "am"})
# verbs whose passive subject is the one spoken to
_HEARER_VERBS = frozenset({"told", "asked", "warned", "urged", "reminded", "informed", "advised"})


def _hearer_passive(word_before: str, verb: str) -> bool:
    """"we are told", "he was asked": the subject heard the words; someone unnamed said them."""
    return word_before.lower() in _BE_FORMS and verb.lower() in _HEARER_VERBS


def _find_cues(index: _CueIndex, masked: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Reporting cues in the writer's words of ``masked[lo:hi]`` (quotes are masked)."""
    out = []
    for m in index.between(lo, hi):
        before = masked[max(lo, m.start() - 20):m.start()].split()
        if before and before[-1].lower() in _NOUNISH_BEFORE:
            continue  # "his comments", "the reports": a noun, not a cue
        if before and _hearer_passive(before[-1], m.group()):
            continue
        if before and "-" in before[-1] and before[-1].islower() and before[-1].replace("-", "").isalpha():
            continue  # "his early-morning tweets": a compound adjective before a noun
        if m.group()[:1].isupper() and m.group()[1:2].islower() and before \
                and before[-1][:1].islower() and before[-1][-1:].isalpha():
            continue  # "the former secretary of State": a capital mid-sentence names something
        out.append((m.start(), m.end(), m.group()))
    return out


def _attribute(text: str, masked: str, s_lo: int, s_hi: int, q: _Span, quotes_in_sentence: list[_Span],
               *, cues_index: _CueIndex, tix: _TokIndex, partial: bool = False):
    """Return (mention, verb, cue_start) for quote ``q`` inside outer sentence [s_lo, s_hi)."""
    open_at = q.open_at
    close_end = (q.close_at + 1) if q.close_at is not None else q.end
    # "as a Homeland Security memo put it", "As The New Yorker put it, “…”": the source named
    # in the as-clause next to the quotation
    windows = []
    if "as " in masked[close_end:close_end + 6].lower():
        windows.append((close_end, min(s_hi, close_end + 100)))
    if "as " in masked[max(s_lo, open_at - 140):open_at].lower():
        windows.append((max(s_lo, open_at - 140), open_at))
    for m in (m for lo_w, hi_w in windows for m in _AS_PUT_IT_RE.finditer(masked, lo_w, hi_w)):
        if masked[max(0, m.start() - 1):m.start()] in _MARK_CHARS or m.group("np").split()[-1] in _SKIP_BEFORE_VERB:
            continue    # an as-clause opening a quotation is the speaker's own words
        if 0 <= m.start() - close_end <= 3 or 0 <= open_at - m.end() <= 40:
            toks_np = tix.get(m.start("np"), m.end("np"))
            ment = _np_before(text, toks_np, len(toks_np) - 1) if toks_np else None
            if ment is not None and ment.start == m.start("np"):
                return ment, text[m.start("v"):m.end("v")], m.start("v")
    cues = _find_cues(cues_index, masked, s_lo, s_hi)
    toks = tix.get(s_lo, s_hi)
    tok_starts = [t[1] for t in toks]
    if q.close_at is not None and text[q.end - 1:q.end] == "," and not masked[s_lo:open_at].rstrip().endswith(":"):
        # “…,” The Hill reported. — an attribution closing the sentence right after a
        # comma-ended quotation is that quotation's, whatever cue came before it (unless a colon
        # introduced it: 'X said: “…,” he said' names X twice)
        tail = [c for c in cues if c[0] >= close_end]
        if len(tail) == 1 and not masked[tail[0][1]:s_hi].strip(" .\n") \
                and len(masked[close_end:tail[0][0]].split()) <= 6:
            toks_t = tix.get(close_end, tail[0][0])
            ment = _np_before(text, toks_t, len(toks_t) - 1) if toks_t else None
            if ment is not None and ment.start <= close_end + 3:
                return ment, tail[0][2], tail[0][0]
    lead = masked[s_lo:open_at].rstrip()
    for mark in ("—", "–", "--"):
        if lead.endswith(mark) and len(lead) > len(mark):
            # "including the former candidate Mitt Romney -- ''It is disqualifying …''": a name
            # set off by a dash right before the quotation is its source
            toks2 = tix.get(s_lo, s_lo + len(lead) - len(mark))
            ment = _np_before(text, toks2, len(toks2) - 1) if toks2 else None
            if ment is not None and ment.text[:1].isupper() and not _PRONOUN_RE.match(ment.text) \
                    and not any(ment.end <= c[0] < open_at for c in cues):
                return ment, mark, s_lo + len(lead) - len(mark)
    if partial:
        # leftmost governing verb, but not one inside an opening subordinate clause ("While he
        # acknowledged …, Ham also noted several “intangibles”")
        sub_end = -1
        if toks and toks[0][0].lower() in _SUBORDINATORS:
            sub_end = next((t[1] for t in toks if t[0] == "," and t[1] < open_at), -1)
        # a cue right before the quotation ('Mr. Barrett said, “we were floored.”') is its own
        adjacent = {c[0] for c in cues if c[1] <= open_at and not masked[c[1]:open_at].strip(" ,:")}
        # nor a verb that governs an earlier quotation of the sentence ('were labelled a “big
        # misjudgement” by the Conservatives who said Labour's “first shot …”')
        opens = [qq.open_at for qq in quotes_in_sentence if qq.open_at < open_at]
        order = sorted(cues, key=lambda c: (c[0] not in adjacent, c[0] > open_at,
                                            any(c[0] < o for o in opens), c[0] < sub_end, c[0]))
    else:
        # the nearest cue, but not one in a clause of its own after the quotation ("…, “That
        # makes me smart,” when Clinton blasted him")
        def after_subordinator(c: tuple[int, int, str]) -> bool:
            between = masked[close_end:c[0]].split()
            return c[0] >= close_end and bool(between) and between[0].strip(",").lower() in _SUBORDINATORS
        order = sorted(cues, key=lambda c: (after_subordinator(c), min(abs(c[0] - close_end), abs(c[1] - open_at))))
    fallback = None
    for cs, ce, verb in order:
        vi = bisect_right(tok_starts, cs) - 1
        vlow = " ".join(verb.lower().split())
        if vlow == "according to":
            ment = _np_after(text, toks, _tok_after(toks, ce)) or _source_after(text, toks, _tok_after(toks, ce))
            if ment is not None:
                return ment, text[cs:ce], cs
            continue
        prev_tok = toks[vi - 1][0] if vi >= 1 else ""
        if vi >= 2 and toks[vi - 2][0].lower() == "what" and _PRONOUN_RE.match(prev_tok):
            # "It is denouncing what it calls “…”": the pronoun's antecedent, the clause's
            # subject, is the source (as PolNeAR marks it)
            subj = _subject(text, tix, s_lo, toks[vi - 2][1], strict=True)
            if subj is not None:
                return subj, text[cs:ce], cs
        if prev_tok.lower() == "to" and vi >= 2 and toks[vi - 2][0].lower() in {"him", "her", "them", "us", "me"}:
            # "leading him to quip", "urged them to say": the object is the speaker
            o = toks[vi - 2]
            return _Mention(o[0], o[1], o[2]), text[cs:ce], cs
        if prev_tok.lower() in _BE_FORMS and vlow.endswith("ed"):
            # 'The posters were labelled a “big misjudgement” by the Conservatives': a passive
            # cue's speaker is its by-agent
            bi = _tok_after(toks, close_end)
            if bi < len(toks) and toks[bi][0] == "by" and bi + 1 < len(toks):
                agent = _np_after(text, toks, bi + 1)
                if agent is not None:
                    return agent, text[cs:ce], cs
        progressive = vlow.endswith("ing") and prev_tok.lower() in _BE_FORMS   # "is calling"
        if (vlow.endswith("ing") and not progressive) or prev_tok.lower() in _NONFINITE_BEFORE \
                or prev_tok.lower() in {"and", "but"}:
            # "…, saying", "before asking", "took to Twitter to accuse": the verb has no subject
            # of its own; the speaker is the subject of the clause it hangs on
            subj = _subject(text, tix, s_lo, cs, strict=True)
            if subj is None and toks and vi <= 2 and toks[0][0].lower() in _NOT_SUBJECT:
                # "After saying her foot was “so swollen …,” she was …": the clause the opening
                # phrase hangs on comes after it
                subj = _subject(text, tix, s_lo, s_hi, strict=True)
            if subj is not None:
                return subj, text[cs:ce], cs
        before = _np_before(text, toks, vi - 1) if vi >= 1 and prev_tok not in {"”", '"', "''", ","} else None
        if before is None and vi >= 1 and prev_tok == ",":
            before = _np_before(text, toks, vi - 1)
        if before is not None and any(qq.open_at <= before.start <= qq.end for qq in quotes_in_sentence):
            before = None
        if before is not None:
            bi = bisect_right(tok_starts, before.start) - 1
            if bi >= 3 and toks[bi - 1][0].lower() in _PLACE_PREPOSITIONS and toks[bi - 2][0].endswith("ing") \
                    and toks[bi - 2][0].islower():
                # "Protesters marching through the streets chanted": the phrase modifies the
                # subject before it
                subj = _np_before(text, toks, bi - 3)
                if subj is not None:
                    before = subj
        if before is None:
            # "said Tom Reed": an inverted subject; never after "announcing", whose next words
            # are its object
            after = _np_after(text, toks, vi + 1) if not vlow.endswith("ing") else None
            if after is not None and not _is_time_phrase(after.text):
                return after, text[cs:ce], cs
            if fallback is None:
                fallback = (None, text[cs:ce], cs)
            continue
        bi = bisect_right(tok_starts, before.start) - 1
        if _PRONOUN_RE.match(before.text) and bi >= 2 and any(c[0] == toks[bi - 1][1] for c in cues):
            # nested reporting, "Lynch said she recalled thinking, “…”": the outer speaker, who
            # reports their own words, is named where the attribution starts
            outer = _np_before(text, toks, bi - 2)
            if outer is not None and not _PRONOUN_RE.match(outer.text):
                return outer, text[toks[bi - 1][1]:toks[bi - 1][2]], toks[bi - 1][1]
        return before, text[cs:ce], cs
    # colon or dash cue: "X: “…”", "Mitt Romney -- ''…''"
    for mark in (":", "—", "–", "―", "--"):
        if lead.endswith(mark) and len(lead) > len(mark):
            toks2 = tix.get(s_lo, s_lo + len(lead) - len(mark))
            if mark == ":":
                ment = _colon_source(text, tix, s_lo, toks2)
            else:
                ment = _np_before(text, toks2, len(toks2) - 1) if toks2 else None
            if ment is not None or fallback is None:
                return ment, mark, s_lo + len(lead) - len(mark)
    if fallback is not None:
        return fallback
    # dash cue after the quote: "“…” — Senator X"
    trail = masked[close_end:s_hi]
    m = re.match(r"\s*(?:[—–―]|--)\s*", trail)
    if m:
        toks3 = tix.get(close_end + m.end(), s_hi)
        ment = _np_after(text, toks3, 0)
        if ment:
            return ment, trail[m.start():m.end()].strip(), close_end + m.start()
    return None, None, None


def _colon_source(text: str, tix: _TokIndex, lo: int, toks: list[tuple[str, int, int]]) -> _Mention | None:
    """The source of a quotation introduced by a colon, from the words ``toks`` before it.

    The noun phrase at the colon ("Mitt Romney:", "The White House's answer:"), unless a clause
    ends there: then its subject ("Sanders made the following comment:", "The piece used her
    words as its headline:"), but never the one spoken to ("Kevin Donnellon was asked:").
    """
    if not toks:
        return None
    ment = _np_before(text, toks, len(toks) - 1)
    if any(_hearer_passive(a[0], b[0]) for a, b in pairwise(toks)):
        return ment
    subj = _subject(text, tix, lo, toks[-1][2], strict=True) or _subject(text, tix, lo, toks[-1][2])
    if subj is not None and (ment is None or subj.end < ment.start):
        return subj
    return ment


_MARK_CHARS = frozenset("\"“”‘’'`«»„")
_AS_PUT_IT_RE = re.compile(
    r"(?<![\w’'])[Aa]s\s+(?P<np>[^,;:“”\"\n]{1,60}?)\s+(?P<v>(?:put|puts|phrased|termed|described) it"
    r"|said|says|noted|notes|wrote|writes|explained|observed|remarked|reported)(?![\w’'])")


def _is_time_phrase(phrase: str) -> bool:
    """"Friday", "early Friday", "last week": when, not who."""
    words = phrase.lower().split()
    return bool(words) and (words[0] in _TIME_WORDS or (
        words[0] in {"early", "late", "last", "this", "next"} and len(words) > 1 and words[1] in _TIME_WORDS))


# a US politician's party and state after the name: "Paul Ryan, R-Wis.,", "(D-N.Y.)"
_PARTY_TAG_RE = re.compile(r"^[RDI]-[A-Z][\w.]*$")


_SUBORDINATORS = frozenset("while although though after before when as if because since whereas "
                           "once unless".split())


_MINOR_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by",
                "from", "is", "as", "vs", "vs."}


def _is_title_case(inner: str) -> bool:
    words = [w.strip(",.;:!?") for w in inner.split()]
    words = [w for w in words if w]
    if not words or len(words) > 8:
        return False
    sig = [w for w in words if w.lower() not in _MINOR_WORDS]
    return bool(sig) and all(w[:1].isupper() or w[:1].isdigit() for w in sig) and len(words) >= 2


_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "us": "we", "me": "i"}
_QUOTE_TOKS = {"“", "”", '"', "''", "``", "‘", "’", ",", "…", "."}
_NONFINITE_BEFORE = {"to", "by", "for", "before", "after", "while", "when", "without", "in"}
# capitalised only because they open the sentence: never a subject
_NOT_SUBJECT = {"after", "before", "while", "when", "although", "though", "if", "in", "on", "at", "for",
                "with", "despite", "according", "following", "as", "since", "because", "during", "last",
                "this", "that", "the", "a", "an", "it's", "there", "here", "what", "why", "how", "but",
                "asked", "speaking", "asked,", "responding", "writing", "told", "once", "until", "unless",
                "whenever", "wherever", "whether", "without", "under", "from", "by", "to",
                "that's", "that’s", "there's", "there’s", "here's", "here’s", "what's", "what’s"}


def _subject(text: str, tix: _TokIndex, s_lo: int, limit: int, *, strict: bool = False) -> _Mention | None:
    """The sentence subject when it is a name or pronoun: the first NP followed by a verb-like
    lower-case word, before ``limit``."""
    toks = tix.get(s_lo, limit)
    if strict:
        # a quotation opening the sentence ("“…,” Blige sings to Clinton before asking") is
        # not its subject: start after its closing mark (quoted words are masked as q's)
        last_close = max((k for k, t in enumerate(toks) if t[0] in {"”", '"', "''", "’"}), default=-1)
        if last_close >= 0 and all(t[0] in _QUOTE_TOKS or set(t[0]) <= {"q"} or not t[0][:1].isalnum()
                                   for t in toks[:last_close]):
            toks = toks[last_close + 1:]
            while toks and toks[0][0] in {",", "—", "–", "--"}:
                toks = toks[1:]
    i = 0
    # skip an introductory phrase up to its comma ("In his speech, Trump ...")
    subordinate = bool(toks) and toks[0][0].lower() in _NOT_SUBJECT
    for k, t in enumerate(toks[:40 if subordinate else 12]):
        if t[0] == "," or (subordinate and t[0] in {"”", '"'} and text[t[1] - 1] == ","):
            # (a comma inside a closing quotation mark ends the opening phrase too: "After
            # saying her foot was “so swollen …,” she was …")
            if k + 1 < len(toks) and (toks[k + 1][0][:1].isupper()
                                      or (subordinate and _PRONOUN_RE.match(toks[k + 1][0]))
                                      or (subordinate and toks[k + 1][0] in {"the", "a", "an"}
                                          and k + 2 < len(toks) and toks[k + 2][0][:1].isupper())) \
                    and not (not subordinate and _PARTY_TAG_RE.match(toks[k + 1][0])):
                i = k + 1
                break
            if not (toks[0][0].lower() in _OPENING_PREPOSITIONS or toks[0][0].lower() in _SUBORDINATORS):
                break   # an opening phrase goes on past its own commas: "On July 6, 2015,
                #         Sanders made …", "Following a swiftly called, late-afternoon meeting, the …"
    while i < len(toks) and toks[i][0].lower() in {"but", "and", "so", "yet", "meanwhile", "still", "instead"}:
        i += 1
        if i < len(toks) and toks[i][0] == ",":
            i += 1      # "Meanwhile, it attacked Trump, saying …"
    if i >= len(toks):
        return None
    if _PRONOUN_RE.match(toks[i][0]) and toks[i][0].lower() != "who":
        return _Mention(toks[i][0], toks[i][1], toks[i][2])
    if strict and toks[i][0].lower() in {"the", "a", "an"} and i + 1 < len(toks) and toks[i + 1][0][:1].isupper():
        pass  # "The Republican nominee vowed"
    elif strict and toks[i][0].lower() in _NOT_SUBJECT:
        return None
    j = i
    # the subject follows an opening phrase: "…, the Lib Dem leader …"
    opened = i > 0 and i + 1 < len(toks) and toks[i + 1][0][:1].isupper()
    while j < len(toks) and (toks[j][0][:1].isupper() or toks[j][0].lower() in {"'s", "’s"}
                             or (j == i and (strict or opened) and toks[j][0].lower() in {"the", "a", "an"})) \
            and j - i < 6:
        j += 1
    if j < len(toks) and j > i and toks[j][0][:1].islower() and toks[i][0].lower() in {"the", "a", "an"}:
        # "The Republican nominee", "The bill": a common noun may end the description
        while j < len(toks) and toks[j][0].islower() and j - i < 6 \
                and toks[j][0] not in _NOT_SUBJECT and toks[j][0] not in _SKIP_BEFORE_VERB \
                and toks[j][0] not in _VERB_LIKE and (
                    (toks[j][0].isalpha() and not toks[j][0].endswith(("ed", "s")))
                    or (toks[j][0].endswith(("'s", "’s")) and toks[j][0][:-2].isalpha())):
            j += 1      # (a possessive goes on: "The prime minister's official spokesman")
        while j - 1 > i and toks[j - 1][0] in _NOT_A_SPEAKER_END:
            j -= 1      # "The aim of", "The government and": the description ends before
        if toks[j - 1][0].lower() in speaker_words()["titles"] or toks[j - 1][0].lower() in _person_nouns():
            while j < len(toks) and toks[j][0][:1].isupper() and j - i < 10:
                j += 1  # the name after the title: "the Lib Dem leader Charles Kennedy"
    if i < j < len(toks) - 1 and toks[j][0][:1].islower() and toks[j + 1][0][:1].isupper() \
            and (toks[j][0].lower() in speaker_words()["titles"] or toks[j][0].lower() in _person_nouns()):
        j += 1      # "Lib Dem chairman Matthew Taylor": the name after a title
        while j < len(toks) and toks[j][0][:1].isupper() and j - i < 10:
            j += 1
    verb_at = j
    if strict and i < j < len(toks) and toks[j][0] in {",", "("}:
        # "Dean, a medical doctor, then appeared …", "McCaskill (D-Mo.) scolded …": the verb
        # comes after an apposition or a parenthesis set off from the name
        close = "," if toks[j][0] == "," else ")"
        k = j + 1
        while k < len(toks) and toks[k][0] not in {close, ".", ";", ":", "“", "”", '"'} and k - j < 16:
            k += 1
        if k < len(toks) and toks[k][0] == close and k > j + 1 and (
                close == ")" or toks[j + 1][0][:1].islower() or _PARTY_TAG_RE.match(toks[j + 1][0])):
            verb_at = k + 1
            while verb_at < len(toks) and toks[verb_at][0].lower() in _SKIP_BEFORE_VERB:
                verb_at += 1
            if verb_at >= len(toks) or not toks[verb_at][0][:1].islower() \
                    or toks[verb_at][0] in _NOT_A_SPEAKER_END:
                verb_at = j
    if j == i or verb_at >= len(toks) or not toks[verb_at][0][:1].islower():
        return None
    if all(t[0].lower() in _NOT_SUBJECT for t in toks[i:j]):
        return None     # "The bill proposes …": a capitalised article alone names no one
    s, e = toks[i][1], toks[j - 1][2]
    return _Mention(text[s:e], s, e)


# common verbs without -ed or -s that end a subject description ("The committee found …")
_VERB_LIKE = frozenset(
    "found came made gave took went saw thought knew put set led held kept left met paid sent "
    "should would could can may might must shall will do did".split())


def _tok_after(toks: list[tuple[str, int, int]], pos: int) -> int:
    for k, t in enumerate(toks):
        if t[1] >= pos:
            return k
    return len(toks)


_CONTENT_START_RE = re.compile(r"\s*(?:that\s+)?")



def _with_chars(s: str, chars: dict[int, str]) -> str:
    """``s`` with the character at each position in ``chars`` replaced (same length).

    >>> _with_chars("ab.cd", {2: " "})
    'ab cd'
    """
    if not chars:
        return s
    pieces, at = [], 0
    for pos in sorted(chars):
        pieces += (s[at:pos], chars[pos])
        at = pos + 1
    return "".join(pieces) + s[at:]


def _negated(toks: list[tuple[str, int, int]], vi: int) -> bool:
    """Whether the verb at token ``vi`` is negated ("did not say", "could never say", "didn't
    suggest"): then nothing was said."""
    return any(t[0].lower() in {"not", "never"} or t[0].lower().endswith(("n't", "n’t"))
               for t in toks[max(0, vi - 2):vi])


def _extract(text: str, *, include_indirect: bool, include_scare: bool,
             sentences: list[tuple[int, int]] | None = None) -> list[dict]:
    turns = _transcript_turns(text)
    # the block-quotation marks around transcript turns open no quotation of their own
    spans = _find_spans(_with_chars(text, {x: " " for t in turns for x in (t.mark_at, t.close_at)
                                           if x is not None}))
    masked = _mask(text, spans)
    ends = []
    for q in spans:
        lead = text[max(0, q.open_at - 2):q.open_at].rstrip()[-1:]
        if q.close_at is not None and q.end > q.start and text[q.end - 1] in ".!?" \
                and text[q.close_at + 1:q.close_at + 2] == " " and text[q.close_at + 2:q.close_at + 3].isupper() \
                and (lead.islower() or lead == ":"):
            ends.append(q.end - 1)
    # a quotation ending the writer's sentence (“… in the neighborhood.” Russia insisted):
    # its full stop ends the sentence around it too
    masked = _with_chars(masked, {e: text[e] for e in ends})
    cues_index = _CueIndex(masked)
    tix = _TokIndex(masked)
    if sentences is None:
        sentences = sentence_spans(text)
    # the writer's sentences: split with quotes masked (no quote: the article's own sentences)
    outer = sentence_spans(masked) if spans else sentences
    outer_starts = [s for s, _ in outer]
    sent_starts = [s for s, _ in sentences]
    resolver = _LazyResolver(text)
    verbs = reporting_verbs()
    rows: list[dict] = []
    last: dict | None = None           # last attributed quote (for floating quotes)
    speakers_seen: list[tuple[int, str]] = []
    by_sentence: dict[int, list[_Span]] = {}
    for q in spans:
        k = max(0, bisect_right(outer_starts, q.open_at) - 1)
        by_sentence.setdefault(k, []).append(q)
    quoted_sentences = set(by_sentence)

    def resolve(ment: _Mention | None, at: int) -> str | None:
        if ment is None:
            return None
        if ment.ref is not None:
            ment = ment.ref
        low = ment.text.lower()
        if _PRONOUN_RE.match(ment.text) or low in _OBJECT_PRONOUNS:
            low = _OBJECT_PRONOUNS.get(low, low)   # "leading him to quip": him -> he
            if low in {"i", "we", "you"}:
                return last["speaker"] if last else None
            for pos, spk in reversed(speakers_seen):
                if pos < at and (low != "it" and _is_person_like(spk) and _compatible(low, spk)
                                 or low in {"it", "they"} and not _is_person_like(spk)):
                    return spk
            if low in {"he", "she"}:
                # nearest preceding compatible full name in the text (within a few paragraphs)
                best = None
                lo = max(0, at - 3000)
                for full in resolver.full:
                    if not _compatible(low, full) or not _is_person_like(full):
                        continue
                    i = text.rfind(full.split()[-1], lo, at)
                    if i >= 0 and (best is None or i > best[0]):
                        best = (i, full)
                return best[1] if best else None
            return None
        return resolver.canonical(ment.text)

    def add(typ: str, s: int, e: int, ment: _Mention | None, verb: str | None, speaker: str | None) -> dict:
        row = {
            "quote_id": 0, "type": typ, "quote": text[s:e], "start": s, "end": e,
            "speaker": speaker, "mention": ment.text if ment else None,
            "mention_start": ment.start if ment else None, "mention_end": ment.end if ment else None,
            "verb": verb, "verb_class": verbs.get(" ".join(verb.lower().split()), (None, None, None))[1] if verb else None,
            "sentence_id": max(0, bisect_right(sent_starts, s) - 1),
        }
        rows.append(row)
        if speaker:
            speakers_seen.append((s, speaker))
        return row

    turn_starts = [t.start for t in turns]
    turn_said = [(_Mention(text[t.name_start:t.name_end], t.name_start, t.name_end),
                  resolver.canonical(text[t.name_start:t.name_end].title())) for t in turns]

    def turn_at(pos: int) -> int | None:
        i = bisect_right(turn_starts, pos) - 1
        return i if i >= 0 and turns[i].start <= pos < turns[i].end else None

    for k, (s_lo, s_hi) in enumerate(outer):
        qs = by_sentence.get(k, [])
        for q in qs:
            inner = text[q.start:q.end]
            n_words = len(inner.split())
            if n_words <= 12 and (q.open_at == 0 or text[q.open_at - 1] == "\n") \
                    and boilerplate_reason(inner.strip()) is not None:
                continue    # a paragraph of page furniture in marks ("Follow … on Twitter")
            # the quoted text is the whole sentence, set off by a cue: direct; inside the
            # writer's clause: partial
            before_txt = masked[s_lo:q.open_at].rstrip()
            after_txt = masked[(q.close_at + 1) if q.close_at is not None else q.end:s_hi].lstrip()
            set_off = (not before_txt or before_txt.endswith((":", ",", "—", "–", "―", "qq”", 'qq"'))
                       or re.search(r"(?:\b(?:that|said|says|told|added|asked|wrote)|[:,])\s*$", before_txt))
            starts_upper = inner.lstrip("…. ")[:1].isupper() or inner.lstrip()[:1] in "'‘\"“"
            direct = bool(set_off) and (starts_upper or not before_txt or before_txt.endswith((":", "—")) or
                                        (after_txt[:1] in {",", ""} and n_words >= 4) or q.close_at is None)
            if before_txt.endswith("that") and not starts_upper:
                direct = False
            ment, verb, cue_at = _attribute(text, masked, s_lo, s_hi, q, qs, cues_index=cues_index,
                                            tix=tix, partial=not direct)
            ti = turn_at(q.open_at) if turns else None
            if ment is None and verb is None and ti is not None and not _is_title_case(inner):
                # words quoted inside a transcript turn, with no cue of their own: the turn's
                # speaker quotes them
                last = add("direct" if direct else "partial", q.start, q.end, turn_said[ti][0], ":",
                           turn_said[ti][1])
                continue
            if ment is None and verb is None and k > 0 and masked[:q.open_at].rstrip().endswith(":") \
                    and not masked[s_lo:q.open_at].strip():
                # "He said:\n\n“…”" — the cue closes the previous sentence
                p_lo, p_hi = outer[k - 1]
                toks_p = tix.get(p_lo, p_hi - 1)
                cues_p = _find_cues(cues_index, masked, p_lo, p_hi)
                if cues_p:
                    cs, ce, verb = cues_p[-1]
                    vi = bisect_right([t[1] for t in toks_p], cs) - 1
                    ment = _np_before(text, toks_p, vi - 1) if vi >= 1 else None
                elif toks_p:
                    ment, verb = _colon_source(text, tix, p_lo, toks_p), ":"
            if ment is None and verb is None and direct and k > 0 and (k - 1) not in quoted_sentences \
                    and (n_words >= 4 or starts_upper) and not masked[s_lo:q.open_at].strip():
                # a quote opening its sentence right after the writer's own report of a speaker
                # ("…, Schiff said. “The other factor…”"): that speaker, not an older quote's
                p_lo, p_hi = outer[k - 1]
                said = _reported_by(text, masked, p_lo, p_hi, cues_index, tix)
                if said is not None:
                    ment, verb = said
            if ment is None and verb is None:
                if direct and last is not None and q.open_at - last["end"] < 1500 and (n_words >= 4 or starts_upper):
                    # floating quote: inherits the previous speaker
                    prev_m = _Mention(last["mention"], last["mention_start"], last["mention_end"]) if last["mention"] else None
                    row = add("direct", q.start, q.end, prev_m, last["verb"], last["speaker"])
                    last = row
                    continue
                if n_words >= 5 and direct:
                    last = add("direct", q.start, q.end, None, None, None)
                    continue
                if _is_title_case(inner) or not inner.strip(" .,;:!?'\"‘’“”") \
                        or masked[max(0, q.open_at - 12):q.open_at].rstrip().lower().endswith("so-called"):
                    # a title or name in quotation marks ("Face the Nation"), not speech
                    if include_scare:
                        add("scare", q.start, q.end, None, None, None)
                    continue
                # an uncued fragment is the wording of the sentence's subject, when it has a
                # name or pronoun for one (PolNeAR's convention); otherwise a scare quote
                ment = _subject(text, tix, s_lo, q.open_at)
                if ment is None:
                    if include_scare:
                        add("scare", q.start, q.end, None, None, None)
                    continue
                add("partial", q.start, q.end, ment, None, resolve(ment, q.start))
                continue
            lemma_info = verbs.get(" ".join((verb or "").lower().split()))
            if ment is None and verb and lemma_info and last is not None and direct and (
                    verb in (":",) or (cue_at is not None and masked[s_lo:cue_at].strip().lower() in {"and", "but", "then", "and then"})):
                # "…,” Ms Jowell insisted. And continued: “…”": the subject left out is the last speaker
                ment = _Mention(last["mention"], last["mention_start"], last["mention_end"]) if last["mention"] else None
            speaker = resolve(ment, q.start)
            if ment is not None and speaker is None and _PRONOUN_RE.match(ment.text) and last is not None:
                speaker = last["speaker"]
            typ = "direct" if direct else "partial"
            if typ == "partial" and verb is None:
                if _is_title_case(inner):
                    # a title or name in quotation marks ("Face the Nation"), not speech
                    if include_scare:
                        add("scare", q.start, q.end, None, None, None)
                    continue
                # an uncued fragment is the sentence subject's wording (PolNeAR's convention)
                ment = _subject(text, tix, s_lo, q.open_at)
                speaker = resolve(ment, q.start)
            last = add(typ, q.start, q.end, ment, verb, speaker)
        if include_indirect and (not turns or turn_at(s_lo) is None):
            _indirect(text, cues_index, tix, s_lo, s_hi, resolve, add,
                      first_open=qs[0].open_at if qs else None)
            _continuations(text, masked, tix, s_lo, s_hi, rows, resolve, add)
    for t, (ment, speaker) in zip(turns, turn_said, strict=True):
        # each turn is the named speaker's own words
        add("direct", t.start, t.end, ment, ":", speaker)
    rows.sort(key=lambda r: r["start"])
    for i, r in enumerate(rows):
        r["quote_id"] = i
        spk = r["speaker"]
        if spk and (spk.startswith("The ") or (spk.split()[0] in ("A", "An") and any(
                w[:1].islower() for w in spk.split()[1:]))):
            # "The prime minister" or "The Tories" opening a sentence and "the prime minister",
            # "the Tories" in mid-sentence are one speaker
            r["speaker"] = spk[:1].lower() + spk[1:]
    return rows


def _reported_by(text: str, masked: str, lo: int, hi: int, cues_index: _CueIndex, tix: _TokIndex):
    """(mention, verb) of the speaker the sentence ``[lo, hi)`` reports with a speech verb
    ("Trade rose, Schiff said.", "Schiff said trade rose."), or None."""
    if masked[lo:hi].rstrip(" \"'”’)").endswith("?"):
        return None     # the writer's question ("…, as X once declared?"): the quote answers it
    verbs = reporting_verbs()
    toks = tix.get(lo, hi)
    for cs, _ce, verb in reversed(_find_cues(cues_index, masked, lo, hi)):
        info = verbs.get(" ".join(verb.lower().split()))
        if info is None or not info[2] or verb.lower().startswith("according"):
            continue
        vi = bisect_right([t[1] for t in toks], cs) - 1
        if _negated(toks, vi):
            continue    # "He didn't suggest retaliation.": no one was reported saying anything
        ment = _np_before(text, toks, vi - 1) if vi >= 1 else None
        if ment is None and vi + 1 < len(toks):
            ment = _np_after(text, toks, vi + 1)     # "…, said Schiff."
        last = ment.text.split()[-1] if ment is not None else ""
        if ment is not None and last.lower() not in _NOT_A_SPEAKER_END \
                and not (last.islower() and last.endswith("ly") and len(ment.text.split()) > 1):
            return ment, verb   # not "Mr Wyatt and [said]", "X once notoriously [declared]"
    return None


# the last word of a phrase that ran past its subject ("Mr Wyatt and [said]", "the only [answer]")
_NOT_A_SPEAKER_END = frozenset(
    "and or but nor only might may would could will can should must also not that which to of for "
    "by with the a an".split())


_INDIRECT_TAIL_RE = re.compile(
    r",\s*(?P<np>[^,]{2,60}?(?:,\s*[A-Z][^,]{1,40},)?)\s+(?:has\s+|have\s+|had\s+)?(?P<verb>said|says|added|noted|argued|warned|told \w+|"
    r"reported|reports|confirmed|announced|insisted|stressed|explained|wrote|claimed|concluded|"
    r"suggested|admitted|predicted|estimated|believes|believed|thinks|said on \w+|reported on \w+)\s*\.?\s*$")
# words between a verb and "that" that do not end the cue: the hearer ("told his Iranian
# counterpart that"), an adjunct ("said during a rally in Michigan that", "said via email that")
# or the object of a verb of stance ("expressed disappointment that")
_THAT_AFTER_RE = re.compile(r"(\s+[^.;:!?“”\"()]{1,90}?),?\s+that\s+")
_ADJUNCT_WORDS = frozenset("during in at on via after before outside from with through under over to by "
                           "late early last this earlier yesterday today tonight".split())
_HEARER_OR_OBJECT = frozenset("tell told telling tells ask asked asks asking warn warned warns warning urge urged "
                              "remind reminded inform informed assure assured advise advised convince convinced "
                              "express expressed expresses expressing".split())
_BARE_CLAUSE_VERBS = frozenset("said says say told tells added claims claimed insisted insists argued argues".split())
# verbs whose noun-phrase object is what was said ("The Kremlin confirmed the expansion of …")
_NP_OBJECT_VERBS = frozenset("confirmed confirms denied denies indicated indicates revealed reveals "
                             "disclosed discloses".split())
# a clause of the writer's own after the reported content ("…, but avoided commenting")
_CONTENT_END_RE = re.compile(r",\s+but\s|;\s")
# a participle continuing an attribution: "…, adding that …", "…, saying they are …"
_CONTINUATION_RE = re.compile(
    r"(?:,|(?<=[”\"]))\s+(?:and\s+)?(?P<verb>adding|saying|noting|arguing|insisting|warning|stressing|explaining|claiming|"
    r"suggesting|stating|asserting|declaring|acknowledging|admitting|complaining|arguing|emphasizing|"
    r"emphasising)(?:\s+that)?\s+")


def _content_until(text: str, c_s: int, s_hi: int) -> str:
    """The reported content from ``c_s``: to the sentence end, but not into a participle that
    reports more (", adding that …") or a clause of the writer's own (", but avoided …")."""
    seg = text[c_s:s_hi]
    ends = [m.start() for m in (_CONTINUATION_RE.search(seg), _CONTENT_END_RE.search(seg)) if m]
    if ends:
        seg = seg[:min(ends)]
    return seg.rstrip(" .")


def _continuations(text: str, masked: str, tix: _TokIndex, s_lo: int, s_hi: int, rows: list[dict],
                   resolve, add) -> None:
    """"…, adding that Russia is ready …", "…, saying they are …": a participle after a
    reported clause or a quotation reports more words of the same speaker (the one attributed
    earlier in the sentence, else the sentence's subject)."""
    for m in _CONTINUATION_RE.finditer(masked, s_lo, s_hi):
        if masked[m.start()] != "," and text[m.start() - 2:m.start() - 1] != ",":
            continue    # “…,” saying: the comma inside the closing mark
        c_s = m.end()
        seg = _content_until(text, c_s, s_hi)
        if len(seg.split()) < 3 or seg[:1] in "“\"‘'":
            continue    # ", saying “…”": the quotation is attributed by its own pass
        before = [r for r in rows if s_lo <= r["start"] < m.start() and r["speaker"]]
        if before:
            r = before[-1]
            ment = _Mention(r["mention"], r["mention_start"], r["mention_end"]) if r["mention"] else None
            speaker = r["speaker"]
        else:
            ment = _subject(text, tix, s_lo, m.start(), strict=True)
            if ment is None or ment.text.lower() in {"it", "there", "this", "that"}:
                continue
            speaker = resolve(ment, c_s)
        for r in rows:      # the earlier content ends where the participle starts
            if r["type"] == "indirect" and r["start"] < m.start() < r["end"]:
                r["end"] = m.start()
                r["quote"] = text[r["start"]:r["end"]]
        if any(r["start"] == c_s for r in rows):
            continue
        add("indirect", c_s, c_s + len(seg), ment, m.group("verb"), speaker)


def _indirect(text, cues_index, tix, s_lo, s_hi, resolve, add, first_open: int | None = None) -> None:
    """Reported speech in the sentence ``[s_lo, s_hi)``. In a sentence with quotations
    (``first_open``: where the first opens) only a clause reported before them counts, with the
    quoted words inside it ('Ms King said the singer "threw the bottle …"'); the quotations
    themselves are attributed by their own pass."""
    cue_list = cues_index.between(s_lo, s_hi if first_open is None else first_open)
    if not cue_list:
        return  # every pattern below needs a reporting cue
    verbs = reporting_verbs()
    sent = text[s_lo:s_hi]
    toks: list | None = None            # tokenised only when a cue can introduce speech
    # "Trade rose, Putin said."
    m = _INDIRECT_TAIL_RE.search(sent) if first_open is None else None
    if m:
        toks_np = _tokens(text, s_lo + m.start("np"), s_lo + m.end("np"))
        ment = _np_before(text, toks_np, len(toks_np) - 1) if toks_np else None
        if ment is not None and (ment.start == s_lo + m.start("np") or "," in m.group("np")):
            c_end = s_lo + m.start()
            if len(text[s_lo:c_end].split()) >= 4:
                add("indirect", s_lo, c_end, ment, m.group("verb").split()[0], resolve(ment, s_lo))
                return
    for vm in cue_list:
        verb = vm.group()
        low = " ".join(verb.lower().split())
        info = verbs.get(low)
        if info is None or not info[2]:
            continue
        prev_word = text[max(s_lo, vm.start() - 12):vm.start()].split()[-1:]
        if prev_word and _hearer_passive(prev_word[0], low):
            continue
        if toks is None:
            toks = tix.get(s_lo, s_hi)
        if low == "according to":
            if first_open is not None:
                return
            vi = _tok_after(toks, vm.end())
            ment = _np_after(text, toks, vi)
            if ment is None:
                return
            # content: the rest of the sentence after "according to X," or before it
            rest_start = ment.end
            rest = text[rest_start:s_hi]
            if rest.lstrip().startswith(","):
                c_s = rest_start + len(rest) - len(rest.lstrip()) + 1
                c_e = s_hi
            else:
                c_s, c_e = s_lo, vm.start()
            seg = text[c_s:c_e].strip(" ,.")
            if len(seg.split()) >= 3:
                off = text.index(seg, c_s)
                add("indirect", off, off + len(seg), ment, verb, resolve(ment, off))
            return
        vi = bisect_right([t[1] for t in toks], vm.start()) - 1
        if vi < 1:
            continue
        if _negated(toks, vi):
            continue    # "he could not say whether …": nothing was said
        ment = _np_before(text, toks, vi - 1)
        if low.endswith("ing") and toks[vi - 1][0].lower() not in _BE_FORMS:
            ment = None     # "… tweets early Friday saying that …": the clause's subject speaks
        if ment is None and (toks[vi - 1][0].lower() in _NONFINITE_BEFORE | {"and", "but"} or low.endswith("ing")):
            # "Mr Wallace agreed and said …", "Mr Howard is expected to say …": the verb has
            # no subject of its own; the speaker is the clause's subject
            ment = _subject(text, tix, s_lo, vm.start(), strict=True)
            if ment is not None and ment.text.lower() in {"it", "there", "this", "that"}:
                ment = None   # "It is hard to say whether …" names no speaker
        if ment is None:
            continue
        # content after the verb (and its object for "told X"), optional "that"
        j = vm.end()
        tail = text[j:s_hi]
        skip = _THAT_AFTER_RE.match(tail)
        if skip and len(skip.group(1).split()) <= 10 and (
                low in _HEARER_OR_OBJECT or skip.group(1).split()[0].lower() in _ADJUNCT_WORDS):
            # "told his Iranian counterpart that …", "said during a rally in Michigan that …"
            c_s = j + skip.end()
            seg = _content_until(text, c_s, s_hi)
            if len(seg.split()) >= 3 and (first_open is None or c_s < first_open and seg[:1] not in _MARK_CHARS):
                add("indirect", c_s, c_s + len(seg), ment, verb, resolve(ment, c_s))
                return
        if low.startswith(("tell", "told", "ask", "urge", "warn", "remind")):
            mm = re.match(r"\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?[\w’'-]+(?:\s+[A-Z][\w’'-]+)*", tail)
            if mm:
                j += mm.end()
                tail = text[j:s_hi]
        mm = re.match(r"(?:\s+(?:on|in|at|late|early|last)\s+[\w,’'-]+(?:\s+[A-Z0-9][\w’'-]*)?)?,?\s+(?:that\s+)?", tail)
        if not mm:
            continue
        if not re.match(r"(?:\s+(?:on|in|at|late|early|last)\s+[\w,’'-]+(?:\s+[A-Z0-9][\w’'-]*)?)?,?\s+that\s", tail) \
                and low not in {"said", "says", "say", "added", "told", "tells", "noted", "stated", "claimed", "argued", "insisted", "warned", "wrote", "acknowledged", "suggested", "announced", "reported", "believes", "thinks"} \
                and low not in _NP_OBJECT_VERBS or first_open is not None and low not in _BARE_CLAUSE_VERBS \
                and not re.match(r"(?:\s+(?:on|in|at|late|early|last)\s+[\w,’'-]+(?:\s+[A-Z0-9][\w’'-]*)?)?,?\s+that\s", tail):
            # beside a quotation, an object is often the quoted words ("announced the signing of
            # the “largest …”"): only a clause (said + clause, or "that") is reported speech
            continue
        c_s = j + mm.end()
        seg = _content_until(text, c_s, s_hi)
        if len(seg.split()) < 3 or seg[:1] in ",.;:":
            continue
        if first_open is not None and (c_s >= first_open or seg[:1] in _MARK_CHARS):
            continue    # 'He said: “…”', 'he said “…”': a quotation, attributed by its own pass
        add("indirect", c_s, c_s + len(seg), ment, verb, resolve(ment, c_s))
        return


def quotes_frame(articles: Iterable[Article], *, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Quotes of every article, ``article_id`` first, offsets into ``Article.text``
    (one DataFrame built once, not one per article)."""
    import pandas as pd

    rows = []
    spans: dict[str, list[tuple[int, int]]] = {}
    if sentences is not None:
        for aid, st, en in zip(sentences["article_id"].tolist(), sentences["start"].tolist(),
                               sentences["end"].tolist(), strict=True):
            spans.setdefault(aid, []).append((st, en))
    for a in articles:
        for r in _extract(a.text, include_indirect=True, include_scare=False, sentences=spans.get(a.id)):
            r["article_id"] = a.id
            rows.append(r)
    return _typed(pd.DataFrame(rows, columns=["article_id", *_ROW_COLUMNS]))


# ---------------------------------------------------------------------------- entities
_MORE_GROUPS = frozenset("mps ministers leaders unions workers fans families parents teachers students "
                         "executives members bosses staff people".split())
KINDS = ("person", "organisation", "group", "unresolved")

_POSSESSIVE_LEAD_RE = re.compile(r"^(?:[Tt]he\s+)?(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*['’]s\s+(?=[A-Z])")
# capitalised at a sentence start, never a speaker's name ("Nothing …", "Along …", "It's …")
_NOT_NAMES = frozenset("nothing everything something anything nobody everyone someone somebody anyone "
                       "along it's there's that's here's what's".split())
_POST_NOMINALS = frozenset("QC KC MP MEP MSP AM MLA OBE MBE CBE KBE Jr Sr PhD".split())
_DAY_MONTH_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march "
                        "april june july august september october november december".split())
_PRONOUNS = frozenset("he she they it we i you who this that there".split())
_DETERMINERS = frozenset("the a an his her its their our my your this that these those some one".split())
_HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady".split())
_NAME_PARTICLES = frozenset("de da van von der del la le al bin ibn di du".split())


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Place names of ``data/places.txt`` (countries and common news forms).

    >>> "Iran" in places(), "Raisi" in places()
    (True, False)
    """
    return frozenset(data_lines("places.txt"))


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(data_lines("stopwords_en.txt"))


def _place_prefix(words: list[str]) -> int:
    """How many leading words of ``words`` are a place name (0 when none)."""
    pl = places()
    for n in (3, 2, 1):
        if len(words) > n and " ".join(words[:n]) in pl:
            return n
    return 0


def speaker_name(speaker: str) -> str:
    """The name a speaker string stands for, without a possessive place or outlet in front
    and without titles.

    >>> speaker_name("Iran’s President Ebrahim Raisi")
    'Ebrahim Raisi'
    >>> speaker_name("Iran’s Raisi")
    'Raisi'
    >>> speaker_name("Sir Digby Jones"), speaker_name("Mr Pointon")
    ('Digby Jones', 'Pointon')
    >>> speaker_name("Scotland's first minister")
    "Scotland's first minister"
    """
    s = " ".join(str(speaker).split())
    m = _POSSESSIVE_LEAD_RE.match(s)
    if m and len(s) > m.end():
        s = s[m.end():]
    words = s.split()
    if words and words[0].lower() in _DETERMINERS:
        return s              # "A UK Independence Party MEP": a description, as written
    titles = speaker_words()["titles"]
    if len(words) < 2 or not words[-1][:1].isupper() or not all(
            w[:1].isupper() or w.lower() in _NAME_PARTICLES or w.lower() in titles for w in words):
        return s              # a description or a group: as written
    # the name is what follows the last title, place or time word ("UK Foreign Secretary Jack
    # Straw", "Wednesday Lord Woolf", "Labour MP Roger Godsiff", "Lib Dem chairman Matthew Taylor")
    while len(words) > 2 and words[-1].rstrip(".,") in _POST_NOMINALS:
        words = words[:-1]      # "Guy Mansfield QC"
    cut = 0
    for i, w in enumerate(words[:-1]):
        low = w.lower().rstrip(".")
        if low in titles or low in _HONORIFICS or low in _DAY_MONTH_WORDS or low in _stopwords() \
                or (i == cut and _place_prefix(words[i:])):
            cut = i + 1
    rest = words[cut:]
    if not cut or words[-1].lower() in _org_like():
        return s              # "UK Independence Party", "Scotland Yard": an organisation's name
    if len(rest) == 1 and words[cut - 1].lower().rstrip(".") not in _HONORIFICS | {"mp", "mep", "msp"}:
        return s              # "Fairford Coach Action": no person after the title
    return " ".join(rest)


def speaker_kind(name: str, *, persons: frozenset[str] = frozenset()) -> str:
    """``person``, ``organisation``, ``group`` or ``unresolved`` for a speaker name
    (``persons``: surnames known to be people in the corpus).

    >>> [speaker_kind(s) for s in ["Ebrahim Raisi", "IRNA", "the Kremlin", "analysts", "he", "the company"]]
    ['person', 'organisation', 'organisation', 'group', 'unresolved', 'unresolved']
    >>> speaker_kind("Iran"), speaker_kind("Labour MPs"), speaker_kind("Darlington Council")
    ('organisation', 'group', 'organisation')
    """
    words = str(name).split()
    if not words:
        return "unresolved"
    low = [w.lower().strip(",.") for w in words]
    sw = speaker_words()
    if (len(words) == 1 and low[0] in _PRONOUNS) or low[0] in _stopwords() - _DETERMINERS \
            or low[0].replace("’", "'") in _NOT_NAMES \
            or words[-1].endswith(("'s", "’s", "'", "’")) or low[-1] in _DAY_MONTH_WORDS:
        return "unresolved"            # "his", "But BAA", "Brown's", "Sunday": not a name
    if low[0] in _DETERMINERS or not words[0][:1].isupper():
        rest = words[1:] if low[0] in _DETERMINERS else words
        if rest and all(w[:1].isupper() or w.lower() in {"of", "and", "for", "the"} for w in rest) \
                and rest[0][:1].isupper() and not any(w.lower() in _person_words() for w in rest):
            if low[-1] in _MORE_GROUPS and "of" not in low or (low[-1] in sw["groups"] and rest[-1].islower()):
                return "group"         # "the MPs" (not "the Conservatives", a party)
            return "organisation"      # "the Kremlin", "The White House"
        if (low[-1] in sw["groups"] or low[-1] in _MORE_GROUPS) and low[-1].endswith("s"):
            return "group"             # "analysts", "some officials"
        return "unresolved"            # "the company", "a spokesman", "the prime minister"
    if name in places():
        return "organisation"
    if low[-1] in sw["organisations"] or (words[-1].isupper() and len(words[-1]) > 1
                                         and low[-1] not in sw["titles"]):
        return "organisation"          # "Darlington Council", "IRNA", "BBC"
    if len(words) > 1 and (low[-1] in sw["groups"] or low[-1] in _MORE_GROUPS) and low[-1].endswith("s"):
        return "group"                 # "Labour MPs", "Tory critics"
    if len(words) == 1:
        if low[0] in _stopwords():
            return "unresolved"        # "Nothing", "Along": not a name
        if low[0] in persons or low[0] in given_names():
            return "person"
        return "organisation" if low[0] in _org_like() else "person"
    if any(w[:1].islower() and w not in _NAME_PARTICLES and not w.startswith("al-") for w in words):
        return "unresolved"
    return "person"


@lru_cache(maxsize=1)
def _person_words() -> frozenset[str]:
    """Titles that name a person ("the Lord Chancellor", "the Archbishop of Canterbury"), not the
    adjectives among the titles ("the Foreign Office")."""
    adjectives = {"foreign", "defence", "defense", "interior", "finance", "state", "deputy", "former",
                  "acting", "chief", "official", "vice", "supreme", "general", "leader"}
    return frozenset(speaker_words()["titles"] - adjectives | {"archbishop", "bishop", "cardinal", "leader"})


@lru_cache(maxsize=1)
def _org_like() -> frozenset[str]:
    return frozenset(w.lower() for w in speaker_words()["organisations"])


def _surname(name: str) -> str:
    return name.split()[-1].lower().rstrip("’'s") if name.split() else ""


def _compatible_names(short: str, full: str) -> bool:
    """Whether ``short`` can name the same person as ``full`` ("George Bush" / "George W.
    Bush"): the same surname and the same first given name, or ``short`` is the surname."""
    a, b = short.split(), full.split()
    if a[-1] != b[-1]:
        return False
    return len(a) == 1 or a[0] == b[0] or (len(a[0]) <= 2 and a[0][0] == b[0][0]) \
        or (len(a[0]) >= 4 and b[0].startswith(a[0]))      # "Vince Cable" / "Vincent Cable"


def _unglue_places(names: list[str]) -> list[str]:
    """"Iran Raisi" (from "Iran’s Raisi") -> "Raisi" when another name has the surname Raisi
    and "Iran" is not a given name ("Jordan Henderson" stays)."""
    surnames = {n.split()[-1] for n in names if len(n.split()) > 1 and not _place_prefix(n.split())
                and speaker_kind(n) == "person"}
    out = []
    for n in names:
        words = n.split()
        cut = _place_prefix(words) if len(words) > 1 else 0
        if cut and len(words) - cut == 1 and words[-1][:1].isupper() and words[-1] in surnames and words[0].lower() not in given_names():
            n = words[-1]
        out.append(n)
    return out


def _dominant(names: set[str], quoted: Counter) -> set[str] | None:
    """The one person a bare surname names across the corpus: the only one with that surname,
    or one quoted at least five times as often as every other (Tony Blair, not Cherie Blair)."""
    if len(names) == 1:
        return names
    ranked = sorted(names, key=lambda n: -quoted[n])
    return {ranked[0]} if quoted[ranked[0]] >= 5 * max(1, quoted[ranked[1]]) else None


def resolve_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """The quote table with ``speaker`` as the canonical name of an entity across the whole
    corpus and a ``speaker_kind`` column.

    >>> q = pd.DataFrame({"article_id": ["a", "b", "b"],
    ...                   "speaker": ["Iran’s President Ebrahim Raisi", "Iran Raisi", "he"]})
    >>> resolve_speakers(q)[["speaker", "speaker_kind"]].values.tolist()
    [['Ebrahim Raisi', 'person'], ['Ebrahim Raisi', 'person'], ['he', 'unresolved']]
    """
    out = quotes.copy()
    aids = out["article_id"].tolist() if "article_id" in out.columns else [""] * len(out)
    raw = out["speaker"].astype(object)
    names = [speaker_name(s) if isinstance(s, str) and s else "" for s in raw]
    kinds = [speaker_kind(n) if n else "unresolved" for n in names]
    # full person names (two words or more), by surname
    names = _unglue_places(names)
    count = Counter(n for n, k in zip(names, kinds, strict=True) if k == "person" and len(n.split()) > 1)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for n in count:
        by_surname[n.split()[-1]].append(n)
    canon: dict[str, str] = {}
    for group in by_surname.values():
        # fullest first: the most words, then the most quoted
        group.sort(key=lambda n: (-len(n.split()), -count[n], n))
        for i, n in enumerate(group):
            fuller = [f for f in group[:i] if _compatible_names(n, f)]
            # one fuller form only: "George Bush" joins "George W. Bush"
            canon[n] = canon.get(fuller[0], fuller[0]) if len(fuller) == 1 else n
    per_article: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for aid, n in zip(aids, names, strict=True):
        if n in canon:
            per_article[aid][n.split()[-1]].add(canon[n])
    corpus_wide = {s: {canon[n] for n in group} for s, group in by_surname.items()}
    persons = frozenset(s.lower() for s in corpus_wide)
    quoted = Counter()
    for n, c in count.items():
        quoted[canon[n]] += c
    final, final_kind = [], []
    for aid, s, n, k in zip(aids, raw, names, kinds, strict=True):
        if not n:
            final.append(s)
            final_kind.append("unresolved")
            continue
        words = n.split()
        if len(words) == 1:
            w = words[0].rstrip("’'")
            here = per_article[aid].get(w) or set()
            there = _dominant({canon[x] for x in by_surname[w]}, quoted) if w in by_surname else None
            pick = here if len(here) == 1 else (there if there and not here else None)
            if pick:
                final.append(next(iter(pick)))
                final_kind.append("person")
                continue
            final.append(s if k == "unresolved" else w)
            final_kind.append(speaker_kind(w, persons=persons) if k != "unresolved" else k)
            continue
        if n in canon:
            final.append(canon[n])
            final_kind.append("person")
            continue
        final.append(s if k == "unresolved" else n)
        final_kind.append(k)
    dtype = out["speaker"].dtype        # kept: categorical in a corpus, string from Parquet
    if isinstance(dtype, pd.CategoricalDtype):
        out["speaker"] = pd.Series(pd.Categorical(final), index=out.index)
    else:
        out["speaker"] = pd.Series(final, index=out.index, dtype=dtype)
    kinds_col = pd.Categorical(final_kind, categories=list(KINDS))
    if "speaker_kind" in out.columns:
        out["speaker_kind"] = kinds_col
    else:
        out.insert(out.columns.get_loc("speaker") + 1, "speaker_kind", kinds_col)
    return out
