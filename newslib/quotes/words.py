"""The vocabulary the quote passes share.

A text's word tokens (``_all_tokens``, in C when it is built) and an index of them by offset
range (``_TokIndex``), a ``_Mention`` (words with their offsets and, for "who", what it refers
to), and the closed word classes the rules read: determiners, function words, pronouns,
subordinators, time words, the words skipped between a subject and its verb. Every rule module
imports from here; this module imports none of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter

from .. import _compiled
from ..lexicons import speaker_words

_SENTENCE_OPENERS = frozenset(".!?\"“‘'([:\n")
#: what an outlet's or a person's document or words are called: "Lord Butler's report … said"
_DOCUMENT_NOUNS = frozenset("report inquiry review study survey letter memo statement remarks comments "
                            "findings book column article speech testimony evidence submission complaint lawsuit "
                            "ruling editorial indictment poll audit analysis".split())


def capitalised_inside(text: str, word: str) -> bool:
    """Whether ``text`` writes ``word`` capitalised inside a sentence, not only at its start.

    Why: a capital opening a sentence says nothing; inside one it marks a name. "Handsets",
    "Concerns" or "Analysts" opening a sentence are not names; "French" is, in an article that
    also writes "Philip French".

    >>> capitalised_inside("Headline\\n\\nHandsets sell. Sales of handsets rose.", "Handsets")
    False
    >>> capitalised_inside("French liked it. The critic Philip French wrote.", "French")
    True
    """
    for m in re.finditer(r"\b" + re.escape(word) + r"\b", text):
        j = m.start() - 1
        while j >= 0 and text[j] in " \t":     # back over spaces only (no copy of the text)
            j -= 1
        if j >= 0 and text[j] not in _SENTENCE_OPENERS:
            return True     # (a line's first word opens a paragraph, after a headline too)
    return False


#: heads of a description that stand for an organisation
_ORG_DESCRIPTIONS = frozenset("company firm group watchdog regulator body retailer airline bank carrier operator "
                              "giant manufacturer maker chain insurer lender broadcaster network producer "
                              "supplier organisation organization agency authority corporation conglomerate "
                              "studio label publisher charity developer automaker carmaker brokerage startup "
                              "start-up newspaper paper magazine website outlet ministry department "
                              "bookmaker drugmaker chipmaker supermarket brewer".split())
#: a company's kinds, which "the company", "the firm" or "the group" may stand for and which
#: may introduce its name ("drugmaker Dr Reddy's", "Bookmaker Ladbrokes")
_COMPANY_KINDS = frozenset("company firm group maker carmaker automaker drugmaker retailer airline bank insurer lender "
                           "giant chain operator carrier manufacturer producer supplier developer publisher "
                           "broadcaster conglomerate brewer winemaker bookmaker chipmaker supermarket".split())


# ---------------------------------------------------------------------------- tokens near cues
_WORD_RE = re.compile(r"[^\W_][\w.'’-]*|[,:;.!?—–―()\"“”‘’]")
_DETS = {"the", "a", "an", "another", "his", "her", "their", "its", "our", "my", "your", "one", "two", "three",
         "several", "many", "some", "most", "other", "both", "each",
         "no", "few", "senior", "top"}
_SKIP_BEFORE_VERB = {"also", "even", "meanwhile", "however", "too", "instead", "himself", "herself", "later", "then", "previously", "recently", "once", "has", "have", "had",
                     "was", "were", "is", "are", "am", "would", "will", "repeatedly", "publicly", "again",
                     "further", "simply", "reportedly", "separately", "earlier", "privately",
                     "first", "just", "often", "frequently", "explicitly", "specifically", "quickly",
                     "not", "never", "does", "did", "do", "could", "should", "only", "always", "already",
                     "twice", "since", "now", "still"}
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


#: a token's start offset: the key to bisect a list of tokens by (no list of starts built first)
_START = itemgetter(1)


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


def _letter_runs(text: str) -> set[str]:
    """The distinct runs of ASCII letters in ``text``, in C when it is built."""
    if _compiled.C is not None:
        return _compiled.C.letter_runs(text)
    return set(_LETTER_RUN_RE.findall(text))


# candidate verb forms: runs of letters (twice as fast to find as whole words with look-arounds);
# each occurrence is then kept only when it stands as a whole word (see _CueIndex)
_LETTER_RUN_RE = re.compile(r"[A-Za-z]+")


_BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being", "am"})
# verbs whose passive subject is the one spoken to
_HEARER_VERBS = frozenset({"told", "asked", "warned", "urged", "reminded", "informed", "advised"})


def _one_edit(x: str, y: str) -> bool:
    """Whether ``x`` and ``y`` differ by one letter changed, added or dropped, or two
    neighbours swapped (and are not equal): "judgment" / "judgement", "Damian" / "Damien",
    a typo "Kisrty" for "Kirsty"."""
    if x == y or abs(len(x) - len(y)) > 1:
        return False
    i = 0
    while i < min(len(x), len(y)) and x[i] == y[i]:
        i += 1
    swapped = len(x) == len(y) and i + 1 < len(x) and x[i] == y[i + 1] and x[i + 1] == y[i] and x[i + 2:] == y[i + 2:]
    return swapped or x[i + 1:] == y[i + 1:] or x[i + 1:] == y[i:] or x[i:] == y[i + 1:]


def _hearer_passive(word_before: str, verb: str) -> bool:
    """"we are told", "he was asked": the subject heard the words; someone unnamed said them."""
    return word_before.lower() in _BE_FORMS and verb.lower() in _HEARER_VERBS


def _speakerless_passive(word_before: str, verb: str) -> bool:
    """"it has been claimed", "29 others were admitted": a passive of a reporting verb, whose
    subject is never the one speaking. Naming verbs are left out ("was called a “quack” by
    fellow physicians", "was labeled “Mostly True” by PolitiFact"): the words named the
    subject, and their by-agent, if any, is found as the speaker."""
    low = verb.lower()
    return word_before.lower() in _BE_FORMS and low.endswith("ed") and low not in _NAMING_PARTICIPLES


_NAMING_PARTICIPLES = frozenset({"called", "labeled", "labelled", "described", "termed", "dubbed",
                                 "branded", "named", "characterized", "characterised", "quoted"})


_MARK_CHARS = frozenset("\"“”‘’'`«»„")


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
    suggest") or refused ("refused to say when …", "was unable to say", "declined to comment on
    reports that …": the reports' claim, not theirs): then nothing was said."""
    return any(t[0].lower() in {"not", "never"} or t[0].lower().endswith(("n't", "n’t"))
               for t in toks[max(0, vi - 2):vi]) or _refused(toks, vi)


def _refused(toks: list[tuple[str, int, int]], vi: int) -> bool:
    """Whether the verb at token ``vi`` follows "refused to", "declined to", "was unable to"."""
    return vi >= 2 and toks[vi - 1][0] == "to" and toks[vi - 2][0].lower() in _REFUSING


#: "the 34-year-old": an age stands for a person
_AGE_RE = re.compile(r"\d+-year-old")
_REFUSING = frozenset("refused refuses refusing declined declines declining unable failed fails failing".split())


# the last word of a phrase that ran past its subject ("Mr Wyatt and [said]", "the only [answer]")
_NOT_A_SPEAKER_END = frozenset(
    "and or but nor only might may would could will can should must also not that which to of for "
    "by with the a an".split())
