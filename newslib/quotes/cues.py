"""Pass 2 — reporting cues, and which cue and mention a quotation belongs to.

``_CueIndex`` finds every reporting-verb form of ``data/reporting_verbs.csv`` in the masked
text once; ``_find_cues`` drops the forms that are nouns or passives there ("his comments",
"we are told"). ``_attribute`` then chooses, for one quotation in its outer sentence, in this
order: an as-clause ("as X put it"); a cue closing the sentence right after a comma-ended
quote (“…,” X said.); a name set off by a dash before the quote; the cue itself — for a
partial quote the verb right before it, else the leftmost governing verb not of an earlier
quotation or an opening subordinate clause; for a direct quote the nearest — with its speaker
before it, its by-agent in a passive, or after it; then a colon or dash cue.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ..lexicons import clause_only_verbs, reporting_verbs
from .entities import _roles
from .spans import _Span
from .speakers import (
    _FINITE,
    _QUOTED_AS_SAYING_RE,
    _QUOTED_BEFORE_AS_RE,
    _QUOTING_FORMS,
    _colon_source,
    _np_after,
    _np_before,
    _quoted_one,
    _source_after,
    _subject,
    _with_subject,
)
from .words import (
    _BE_FORMS,
    _DOCUMENT_NOUNS,
    _MARK_CHARS,
    _NONFINITE_BEFORE,
    _NOT_SUBJECT,
    _PLACE_PREPOSITIONS,
    _PRONOUN_RE,
    _SKIP_BEFORE_VERB,
    _SUBORDINATORS,
    _hearer_passive,
    _is_time_phrase,
    _letter_runs,
    _Mention,
    _speakerless_passive,
    _tok_after,
    _TokIndex,
)

_CONTRACTED = frozenset({"he", "she", "it", "that", "who", "there", "what", "here"})
_NOUNISH_BEFORE = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "'s", "’s",
                   "these", "those", "this", "such", "any", "no", "recent", "earlier", "latest",
                   "following", "same", "brief", "written", "similar", "of", "own",
                   # "a March 21 phone call he made", "a conference call with analysts"
                   "phone", "telephone", "conference", "wake-up"}


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
_TO_RE = re.compile(r"\s+to(?![\w'’-])", re.I)


@lru_cache(maxsize=1)
def _cased_forms() -> frozenset[str]:
    """Reporting-verb forms as news writes them: lower case, Capitalised, UPPER."""
    forms = {*reporting_verbs(), "according"}
    return frozenset(f2 for f in forms if " " not in f for f2 in (f, f.capitalize(), f.upper()))


@lru_cache(maxsize=1)
def _phrasal_forms() -> dict[str, list[str]]:
    """Forms of more than one word ("pointed out"), by their first word as news writes it."""
    out: dict[str, list[str]] = {}
    for f in reporting_verbs():
        if " " in f and not f.startswith("according"):
            first, rest = f.split(" ", 1)
            for cased in (first, first.capitalize()):
                out.setdefault(cased, []).append(rest)
    return out


_WHEN_AFTER_RE = re.compile(r"\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
                            r"April|May|June|July|August|September|October|November|December|\d)")


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
        #: (cues, token starts) of a sentence's range, for its second and later quotations
        self.by_range: dict[tuple[int, int], tuple[list[tuple[int, int, str]], list[int]]] = {}
        cues = []
        # which verb forms occur (a set intersection, in C), then where: str.find per form,
        # kept when it stands as a whole word (no letter, digit, _, ' , ’ or - on either side)
        n = len(masked)
        #: the distinct runs of ASCII letters of the text (other passes ask which words occur)
        self.runs = _letter_runs(masked)
        for w in self.runs & _cased_forms():
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
        phrasal = _phrasal_forms()
        for w in self.runs & phrasal.keys():
            k, size = masked.find(w), len(w)
            while k >= 0:
                e = k + size
                if (k == 0 or not _is_word_char(masked[k - 1])) and masked[e:e + 1] == " ":
                    for rest in phrasal[w]:
                        f = e + 1 + len(rest)
                        if masked.startswith(rest, e + 1) and (f == n or not _is_word_char(masked[f])) \
                                and not _WHEN_AFTER_RE.match(masked, f):
                            cues.append(_Cue(k, f, masked[k:f]))    # "pointed out", not "called on Friday"
                k = masked.find(w, k + 1)
        cues.sort(key=_Cue.start)
        self.matches = cues
        self.starts = [c.start() for c in cues]

    def between(self, lo: int, hi: int) -> list[_Cue]:
        i, j = bisect_left(self.starts, lo), bisect_left(self.starts, hi)
        return [m for m in self.matches[i:j] if m.end() <= hi]


def _lower_possessive(word: str) -> bool:
    """Whether ``word`` is a lower-case possessive ("campaign's"), after which a cue's form is
    a participle or a noun ("the campaign's alleged allegiances", "the firm's reported loss"),
    not a contraction of "has" or "is" ("he's said", "it's claimed")."""
    return word[:1].islower() and word.endswith(("'s", "’s")) and word[:-2].lower() not in _CONTRACTED


def _ends_a_name(form: str, before: list[str]) -> bool:
    """"the United States", "in United States “farm country”", "the Daily Post", "the official
    North East Says No campaign": a capitalised form after a lower-case word and capitalised
    ones is a word of a name, not a verb (a title-case headline, "Flynn Says Trump …", has no
    lower-case word before it)."""
    if not form[:1].isupper():
        return False
    caps = 0
    for w in reversed(before):
        if not w[:1].isupper():
            return caps >= 1 and w[:1].islower()
        caps += 1
    return False


#: cues whose base form is also a noun
_NOUN_OR_VERB = frozenset("comment claim remark report promise pledge boast complaint call reply answer retort "
                          "note tweet post warning statement announcement response suggestion admission estimate "
                          "forecast prediction question threat vow plea quote".split())


_DISMISSALS = frozenset("dismissed denied rejected refuted disputed".split())
_NOUN_AFTER_RE = re.compile(r"\s*(?:[,.;:)]|(?:as|of|for|on|about|over|in|at|and|or|were|was|is|are|had|have|has)\b)")
_OBJECT_BEFORE = frozenset("of for in to with by from between among about into".split())
#: words before "states" that make it a noun ("member states", "Gulf states", "the United States")
_STATES_NOUN_BEFORE = frozenset("member united arab gulf baltic island nation small african european asian "
                                "southern northern western eastern".split())
#: verbs of naming whose base form is also a noun ("the recommended term", "a new label")
_LABEL_VERBS = frozenset("term label brand dub".split())
_POSSESSIVE_OR_ARTICLE = frozenset("the a an this that his her its their our my your".split())
_COUNTS = frozenset("two three four five six seven eight nine ten several many some both few numerous".split())
_MODIFIER_ENDS = ("ly", "al", "ic", "ive", "ous", "ful", "less", "able", "ible", "ent", "ant", "ary", "ing", "ed", "est")
_MODIFIERS = frozenset("new old latest recent earlier separate other further fresh similar conflicting false "
                       "unconfirmed early late initial first second third".split())
_OBJECT_MODIFIERS = _MODIFIERS | {"key", "swing", "battleground", "many", "some", "all"}


def _noun_by_position(before: list[str], cue: str) -> bool:
    """Whether a cue word is a noun by the words before it (``before``, the sentence's words up
    to the cue):

    * a plural after a preposition or a gerund, past a modifier or two: an object ("giving
      states and cities …", "voters in key states like Ohio", "hit by reports of …");
    * a base form after "a" and an adjective ("to make a controversial comment that …"): a
      verb's base form cannot follow a singular subject, so "a spokesman said" and "a source
      warns" keep their verbs;
    * a plural after a count and only modifiers ("released two highly critical reports").

    >>> _noun_by_position(["make", "a", "controversial"], "comment"), _noun_by_position(["A", "spokesman"], "said")
    (True, False)
    >>> _noun_by_position(["released", "two", "highly", "critical"], "reports"), _noun_by_position(["two", "men"], "claims")
    (True, False)
    """
    low = cue.lower()
    if before and (low == "states" and before[-1].lower() in _STATES_NOUN_BEFORE
                   or low == "term" and before[-1].lower() in {"long", "short", "medium", "near"}):
        return True     # "the interests of member states trump …", "manage for the long term": nouns
    if low.endswith("s") and before:
        k = len(before) - 1
        while k > 0 and len(before) - k <= 2 and before[k].isalpha() and before[k].islower() \
                and before[k].lower() in _OBJECT_MODIFIERS:
            k -= 1      # ("voters in key states like Ohio")
        w = before[k]
        if (w.lower() in _OBJECT_BEFORE or w.endswith("ing") and w.isalpha() and w.islower()) \
                and w.lower() not in {"saying", "adding", "noting", "claiming", "warning", "arguing"}:
            return True     # "giving states and cities $60 billion", "for reports of …": an object, no verb
        if low in ("claims", "reports", "allegations", "suggestions") and k == len(before) - 1 and (
                w in ("off", "aside", "down") or w.endswith("ed") and w.isalpha() and w.islower() and w not in _DISMISSALS):
            return True     # "shrugged off claims he led …", "the programme investigated claims": the
            #                 object ("dismissed claims that …" keeps its own rule: the claims' words
            #                 are another's)
    if low in _NOUN_OR_VERB or low in _LABEL_VERBS:
        if len(before) >= 2 and before[-2].lower() in {"a", "an"} and before[-1].isalpha() and before[-1].islower():
            return True
        # "called the nine-year recommended term “outrageous”": a determiner, then modifiers only
        k = len(before) - 1
        while k >= 0 and len(before) - k <= 3 and before[k].islower() and (
                "-" in before[k] or before[k] in _MODIFIERS or before[k].endswith(_MODIFIER_ENDS)):
            k -= 1
        return 0 <= k < len(before) - 1 and before[k].lower() in _POSSESSIVE_OR_ARTICLE
    if not (low.endswith("s") and low[:-1] in _NOUN_OR_VERB):
        return False
    # a plural: "released two highly critical reports that depicted …" (a count, then adverbs
    # and adjectives: a verb's subject would stand between, "two men reports" is no English)
    for k in range(len(before) - 1, max(-1, len(before) - 4), -1):
        w = before[k].lower()
        if w in _COUNTS:
            return k < len(before) - 1
        if not (w.isalpha() and before[k].islower() and (w.endswith(_MODIFIER_ENDS) or w in _MODIFIERS)):
            return False    # (a noun between: "two men claims" would be a verb's subject)
    return False


#: plural cue words that are nouns but not plurals of ``_NOUN_OR_VERB`` ("allegations", "findings")
_PLURAL_NOUNS = frozenset("allegations accusations charges concerns fears findings demands denials assertions "
                          "criticisms".split())
#: the next lower-case word
_NEXT_WORD_RE = re.compile(r"\s+([a-z]+)\b")


def _plural_before_verb(masked: str, m: re.Match) -> bool:
    """Whether a plural cue word ("reports", "claims") stands right before a reporting verb or a
    plural's "were"/"are"/"have": then it is that verb's subject ("Growing reports suggest the
    company will be sold", "insurance claims were for natural catastrophes"), not a verb whose
    content starts with one."""
    low = m.group().lower()
    if not (low.endswith("s") and low[:-1] in _NOUN_OR_VERB or low in _PLURAL_NOUNS):
        return False
    nxt = _NEXT_WORD_RE.match(masked, m.end())
    return nxt is not None and (nxt.group(1) in reporting_verbs() and not nxt.group(1).endswith("ing")
                                or nxt.group(1) in ("were", "are", "have", "had"))   # ("insurance claims were …")


def _find_cues(index: _CueIndex, masked: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Reporting cues in the writer's words of ``masked[lo:hi]`` (quotes are masked)."""
    out = []
    clause_only = clause_only_verbs()
    for m in index.between(lo, hi):
        if m.group().lower() in clause_only:
            continue  # "the survey showed that …": reports a finding, never cues a quotation
        before = masked[max(lo, m.start() - 20):m.start()].split()
        if before and (before[-1].lower() in _NOUNISH_BEFORE or _lower_possessive(before[-1])):
            continue  # "his comments", "the reports", "the campaign's alleged allegiances": no cue
        wide = masked[max(lo, m.start() - 40):m.start()].split() if m.group().lower() in _LABEL_VERBS else before
        if before and _hearer_passive(before[-1], m.group()) or _noun_by_position(wide, m.group()):
            continue    # (a naming verb sees further back: "the nine-year recommended term “…”")
        if _plural_before_verb(masked, m):
            continue  # "Growing reports suggest …", "Media reports say …": the subject, before its verb
        if before and before[-1].endswith(("'s", "’s")) and before[-1][:-2].lower() not in _CONTRACTED \
                and _NOUN_AFTER_RE.match(masked, m.end()):
            continue  # "attacked Labour's pledges as “vacuous”": the possessed noun, then a preposition
        if before and "-" in before[-1] and before[-1].islower() and before[-1].replace("-", "").isalpha():
            continue  # "his early-morning tweets": a compound adjective before a noun
        if m.group()[:1].isupper() and m.group()[1:2].islower() and before \
                and before[-1][:1].islower() and before[-1][-1:].isalpha():
            continue  # "the former secretary of State": a capital mid-sentence names something
        if _ends_a_name(m.group(), before):
            continue
        out.append((m.start(), m.end(), m.group()))
    return out


def _after_possessor(masked: str, at: int) -> bool:
    """Whether the word before ``at`` is a capitalised possessor ("Clinton's"; "He's" is no
    possessor but has/is)."""
    before = masked[max(0, at - 30):at].split()
    return bool(before) and before[-1][:1].isupper() and before[-1].endswith(("'s", "’s")) \
        and before[-1][:-2].lower() not in _CONTRACTED


class _QuoteContext:
    """One quotation in its outer sentence, with what every attribution rule reads."""

    def __init__(self, text: str, masked: str, s_lo: int, s_hi: int, q: _Span, quotes_in_sentence: list[_Span],
                 cues_index: _CueIndex, tix: _TokIndex) -> None:
        self.text, self.masked, self.s_lo, self.s_hi, self.q, self.qs = text, masked, s_lo, s_hi, q, quotes_in_sentence
        self.tix = tix
        self.open_at = q.open_at
        self.close_end = (q.close_at + 1) if q.close_at is not None else q.end
        self.toks = tix.get(s_lo, s_hi)
        found = cues_index.by_range.get((s_lo, s_hi))    # (read, never changed, by every rule)
        if found is None:
            found = cues_index.by_range[s_lo, s_hi] = (_find_cues(cues_index, masked, s_lo, s_hi),
                                                       [t[1] for t in self.toks])
        self.cues, self.tok_starts = found
        self.lead = masked[s_lo:q.open_at].rstrip()
        if self.lead.endswith(("--", "—", "–")):
            # "treating Mrs. Clinton's remark first as a compliment -- ''That makes me smart''":
            # a possessed noun ("Mr Blair's promise to …") names the words that follow it,
            # never a quotation set off by a dash
            self.cues = [cue for cue in self.cues if not _after_possessor(masked, cue[0])]


#: between a partial quotation and a cue after it: "and" and a new subject, whose clause the cue is
_NEW_SUBJECT_CLAUSE_RE = re.compile(r"[”\"’']?\s*,?\s+(?:and|but|while|whereas)\s+(?:all\s+|both\s+)?"
                                    r"(?:the\s|a\s|an\s|[A-Z]|(?:one|two|three|some|many|most)\s+of\s)")


def _attribute(text: str, masked: str, s_lo: int, s_hi: int, q: _Span, quotes_in_sentence: list[_Span],
               *, cues_index: _CueIndex, tix: _TokIndex, partial: bool = False):
    """Return (mention, verb, cue_start) for quote ``q`` inside outer sentence [s_lo, s_hi):
    the first rule that names a source, in the order of the module docstring."""
    c = _QuoteContext(text, masked, s_lo, s_hi, q, quotes_in_sentence, cues_index, tix)
    found = _as_clause(c) or _closing_attribution(c) or _dash_name_before(c) or _possessive_remark(c) \
        or _judgement_of(c)
    if found:
        return found
    fallback = None
    for cue in _cue_order(c, partial=partial):
        if partial and cue[0] >= c.close_end and _NEW_SUBJECT_CLAUSE_RE.match(masked, c.close_end, cue[0]) \
                and "," not in masked[c.close_end + 1:cue[0]]:
            continue    # '… was “fundamentally flawed” and all three parties have said …': another's clause
            # (not '… “…” and India had its problems, Ms Short said.': a source closing the sentence)
        if cue[0] >= c.close_end and (masked[max(0, cue[0] - 3):cue[0]] == "to " or cue[2].lower().startswith(
                "continu") and masked[cue[1]:cue[1] + 2].strip()[:1] not in (":", ",", "“", '"')):
            continue    # 'had “no other course of action” but to ask their bassist to leave, X said': an
            #             infinitive; '… whether the trend would continue throughout 2005, X said': no speech
        found = _speaker_of_cue(c, cue)
        if found and found[0] is not None:
            if c.lead.endswith(":") and _PRONOUN_RE.match(found[0].text) and found[2] >= c.close_end:
                # 'Sen. Claire McCaskill scolded him: “…,” she said': the name that introduced
                # the quotation, not the pronoun that repeats it
                named = _mark_cue(c, has_fallback=True)
                if named and named[0] is not None and not _PRONOUN_RE.match(named[0].text):
                    lead_cue = next((cue2 for cue2 in c.cues if named[0].end <= cue2[0] < c.open_at), None)
                    return (named[0], lead_cue[2], lead_cue[0]) if lead_cue else named
            return found
        if found and fallback is None:
            fallback = found
    found = _mark_cue(c, has_fallback=fallback is not None)
    return found or fallback or _dash_after(c) or (None, None, None)


#: "Mr. Trump's debate interjection that not paying taxes made him ''smart''": the words are the
#: possessor's, whoever's verb governs the sentence
_POSSESSIVE_REMARK_RE = re.compile(
    r"(?<![\w.])(?P<np>(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w-]*)['’]s\s+(?:[a-z-]+\s+){0,2}"
    r"(?P<noun>remarks?|comments?|claims?|statements?|interjection|assertions?|promises?|pledges?|warnings?|"
    r"boasts?|insistence|suggestion|contention|description|words)\s+that\s+[^.;:“”\"]{0,120}$")


def _possessive_remark(c: _QuoteContext):
    """A partial quotation in the clause of a possessed speech noun is the possessor's words."""
    if not c.q or c.open_at - c.s_lo > 400:
        return None
    lead = c.masked[max(c.s_lo, c.open_at - 200):c.open_at]
    m = _POSSESSIVE_REMARK_RE.search(lead)
    if m is None:
        return None
    base = c.open_at - len(lead)
    if any(base + m.end("np") < cue[0] < c.open_at for cue in c.cues if cue[0] > base + m.end("np") + 2
           and not c.masked[cue[0]:cue[1]].lower().startswith(("remark", "comment", "claim", "statement",
                                                                 "promise", "pledge", "warning", "boast"))):
        return None     # "X's claim that Y said “…”": Y's verb governs the quotation
    toks_np = c.tix.get(base + m.start("np"), base + m.end("np"))
    ment = _np_before(c.text, toks_np, len(toks_np) - 1) if toks_np else None
    if ment is None or _PRONOUN_RE.match(ment.text):
        return None
    return ment, m.group("noun"), base + m.start("noun")


def _judgement_of(c: _QuoteContext):
    """“…,” is the dry assessment of Graham Lane, leader of …: a noun of judgement after the
    quotation names its source with "of"."""
    m = _JUDGEMENT_OF_RE.match(c.masked, c.close_end, c.s_hi)
    if m is None:
        return None
    k = _tok_after(c.toks, m.end())
    ment = _np_after(c.text, c.toks, k) if k < len(c.toks) else None
    if ment is None or not any(w[:1].isupper() for w in ment.text.split()) or _PRONOUN_RE.match(ment.text):
        return None     # (a name, or one inside a description: "the Chelsea boss Jose Mourinho")
    return ment, m.group("noun"), m.start("noun")


#: "is the dry assessment of", "was the verdict of", "is the view of"
_JUDGEMENT_OF_RE = re.compile(
    r"\s*(?:is|was|were|are)\s+(?:the|a|an)\s+(?:[a-z-]+\s+){0,3}?(?P<noun>assessment|view|verdict|opinion|"
    r"message|advice|warning|response|reaction|prediction|conclusion|judgement|judgment|analysis|explanation|"
    r"words|comment|take)\s+of\s+")


def _as_clause(c: _QuoteContext):
    """"as a Homeland Security memo put it", "As The New Yorker put it, “…”": the source named in
    the as-clause next to the quotation."""
    masked, close_end, open_at = c.masked, c.close_end, c.open_at
    windows = []
    if "as " in masked[close_end:close_end + 6].lower():
        windows.append((close_end, min(c.s_hi, close_end + 100)))
    if "as " in masked[max(c.s_lo, open_at - 140):open_at].lower():
        windows.append((max(c.s_lo, open_at - 140), open_at))
    for m in (m for lo_w, hi_w in windows for m in _AS_PUT_IT_RE.finditer(masked, lo_w, hi_w)):
        if masked[max(0, m.start() - 1):m.start()] in _MARK_CHARS or m.group("np").split()[-1] in _SKIP_BEFORE_VERB:
            continue    # an as-clause opening a quotation is the speaker's own words
        if 0 <= m.start() - close_end <= 3 or 0 <= open_at - m.end() <= 40:
            toks_np = c.tix.get(m.start("np"), m.end("np"))
            ment = _np_before(c.text, toks_np, len(toks_np) - 1) if toks_np else None
            if ment is not None and ment.start == m.start("np"):
                return ment, c.text[m.start("v"):m.end("v")], m.start("v")
    return None


def _closing_attribution(c: _QuoteContext):
    """“…,” The Hill reported. — an attribution closing the sentence right after a comma-ended
    quotation is that quotation's, whatever cue came before it (unless a colon introduced it:
    'X said: “…,” he said' names X twice)."""
    q, masked, close_end = c.q, c.masked, c.close_end
    if q.close_at is None or c.text[q.end - 1:q.end] != "," or c.lead.endswith(":"):
        return None
    tail = [cue for cue in c.cues if cue[0] >= close_end]
    if len(tail) == 1 and not masked[tail[0][1]:c.s_hi].strip(" .\n") \
            and len(masked[close_end:tail[0][0]].split()) <= 6:
        toks_t = c.tix.get(close_end, tail[0][0])
        ment = _np_before(c.text, toks_t, len(toks_t) - 1) if toks_t else None
        if ment is not None and ment.start <= close_end + 3:
            return ment, tail[0][2], tail[0][0]
    return None


def _dash_name_before(c: _QuoteContext):
    """"including the former candidate Mitt Romney -- ''It is disqualifying …''": a name set off
    by a dash right before the quotation is its source."""
    lead = c.lead
    for mark in ("—", "–", "--"):
        if lead.endswith(mark) and len(lead) > len(mark):
            toks2 = c.tix.get(c.s_lo, c.s_lo + len(lead) - len(mark))
            ment = _np_before(c.text, toks2, len(toks2) - 1) if toks2 else None
            if ment is not None and ment.text[:1].isupper() and not _PRONOUN_RE.match(ment.text) \
                    and not any(ment.end <= cue[0] < c.open_at for cue in c.cues):
                return ment, mark, c.s_lo + len(lead) - len(mark)
    return None


def _cue_order(c: _QuoteContext, *, partial: bool) -> list[tuple[int, int, str]]:
    """The sentence's cues, most likely first. A partial quote: the verb right before it
    ('Mr. Barrett said, “we were floored.”'), else the leftmost governing verb — not one of an
    earlier quotation of the sentence ('were labelled a “big misjudgement” by the Conservatives
    who said Labour's “first shot …”') nor one inside an opening subordinate clause ("While he
    acknowledged …, Ham also noted several “intangibles”"). A direct quote: the nearest cue, but
    not one in a clause of its own after the quotation ("…, “That makes me smart,” when Clinton
    blasted him")."""
    masked, open_at, close_end, toks = c.masked, c.open_at, c.close_end, c.toks
    if partial:
        sub_end = -1
        if toks and toks[0][0].lower() in _SUBORDINATORS:
            sub_end = next((t[1] for t in toks if t[0] == "," and t[1] < open_at), -1)
        adjacent = {cue[0] for cue in c.cues if cue[1] <= open_at and not masked[cue[1]:open_at].strip(" ,:")}
        opens = [qq.open_at for qq in c.qs if qq.open_at < open_at]

        def dashed_off(cue: tuple[int, int, str]) -> bool:
            # "X called on Obama to retaliate -- meddling the congressman said is designed to
            # “sow discord”": a dash opens a clause of its own; its cue governs the quotation
            # (a spaced hyphen is BBC's dash; ", but" and ";" open a clause too: "Birmingham have
            # confirmed the bid - but Karen Brady has called it “derisory”")
            # (not a participle after the dash: "Lord Greaves called for observers - saying
            # otherwise there could be challenges “on a scale not seen …”" is his still)
            between = masked[cue[1]:open_at]
            return cue[0] < open_at and any(d in between and (between.split(d, 1)[1].split(None, 1) or [""])[0].lower()
                                            not in _continuation_forms()
                                            for d in (" -- ", " — ", " – ", " - ", ", but ", "; "))
        def coordinated_later(cue: tuple[int, int, str]) -> bool:
            # "she attacked the police and blamed shootings on “implicit bias”": the second of
            # two joined verbs governs the words after it
            return any(cue[1] <= c2[0] < open_at and masked[max(0, c2[0] - 5):c2[0]].strip().lower() == "and"
                       for c2 in c.cues)
        return sorted(c.cues, key=lambda cue: (cue[0] not in adjacent, cue[0] > open_at, dashed_off(cue),
                                               any(cue[0] < o for o in opens), cue[0] < sub_end,
                                               coordinated_later(cue), cue[0]))

    def after_subordinator(cue: tuple[int, int, str]) -> bool:
        between = masked[close_end:cue[0]].split()
        return cue[0] >= close_end and bool(between) and between[0].strip(",").lower() in _SUBORDINATORS
    return sorted(c.cues, key=lambda cue: (after_subordinator(cue),
                                           min(abs(cue[0] - close_end), abs(cue[1] - open_at))))


_AS_RE = re.compile(r"\bas\b")


def _quoted_as_saying(c: _QuoteContext, cue: tuple[int, int, str], vi: int, vlow: str, prev_tok: str):
    """(mention, verb, cue_start) for the one an outlet quotes: "“…,” the Arsenal boss is quoted
    as saying" (the passive's subject), "the agency quoted … worker David Ogden as saying", "quoted
    X as saying"; else None."""
    cs, ce, _verb = cue
    text, toks = c.text, c.toks
    if prev_tok == "as" and vi >= 4 and toks[vi - 2][0].lower() in {"quoted", "reported"} \
            and toks[vi - 3][0].lower() in _BE_FORMS and vlow in {"saying", "telling", "stating", "writing"} \
            and (ment := _np_before(text, toks, vi - 4)) is not None:
        return ment, text[cs:ce], cs
    if prev_tok == "as" and vlow in {"saying", "telling", "stating", "writing"} \
            and (m := _QUOTED_BEFORE_AS_RE.search(text, max(0, cs - 120), cs)) \
            and (quoted := _quoted_one(text, toks, m)) is not None:
        return quoted, text[cs:ce], cs
    if vlow in _QUOTING_FORMS and (m := _QUOTED_AS_SAYING_RE.match(text, ce)) \
            and (quoted := _quoted_one(text, toks, m)) is not None:
        return quoted, m.group(2), m.start(2)
    return None


def _speaker_of_cue(c: _QuoteContext, cue: tuple[int, int, str]):
    """(mention, verb, cue_start) when the cue names a source; (None, verb, cue_start) when it
    names none but may stand as the cue (the fallback); None to try the next cue."""
    cs, ce, verb = cue
    text, toks = c.text, c.toks
    vi = bisect_right(c.tok_starts, cs) - 1
    vlow = " ".join(verb.lower().split())
    if vlow == "according to":
        ment = _np_after(text, toks, _tok_after(toks, ce)) or _source_after(text, toks, _tok_after(toks, ce))
        return (ment, text[cs:ce], cs) if ment is not None else None
    if vlow.startswith(("reject", "dismiss")) and (cs > c.open_at or not _AS_RE.search(c.masked, ce, c.open_at)):
        return None     # the rejected words are another's ("rejected calls to “pause”", "who has long
        # rejected the label"); only what it is rejected as is the subject's ("… as “patently false”")
    prev_tok = toks[vi - 1][0] if vi >= 1 else ""
    nxt = toks[vi + 1][0].lower() if vi + 1 < len(toks) else ""
    if (quoted := _quoted_as_saying(c, cue, vi, vlow, prev_tok)) is not None:
        return quoted
    be_tok = prev_tok       # (past an adverb: "are also lambasted for …", "was widely criticised")
    if prev_tok.islower() and (prev_tok in ("also", "often", "again", "even") or prev_tok.endswith("ly")) and vi >= 2:
        be_tok = toks[vi - 2][0]
    if be_tok.lower() in _BE_FORMS and vlow.endswith("ed") and nxt == "by":
        # "was described by Jobs as the “most important Mac”": the agent; "has been
        # characterised by “lost trust”": the quotation is the by-phrase, no one is named
        if cs > c.close_end and (len(text[c.close_end:cs].split()) > 4 or text[c.close_end:cs].strip()[:1].isupper()
                                 and text[c.close_end - 3:c.close_end].rstrip("”\"’ ").endswith((".", "!", "?"))):
            return None     # "“… in due course.” Earlier bids were rejected by the board": another sentence's agent
        agent = _np_after(text, toks, vi + 2) if vi + 2 < len(toks) and toks[vi + 2][0][:1] not in _MARK_CHARS else None
        return agent, text[cs:ce], cs
    if _speakerless_passive(be_tok, vlow) and nxt != "to":
        # "it has been claimed", "Labour's rule has been characterised by “…”": the cue, but
        # its subject is not who spoke; a by-agent after the quotation is ("Mr Houston is
        # alleged to have said …" names the one who said it)
        return _by_agent(c), text[cs:ce], cs
    ment = _special_subject(c, vi, vlow, prev_tok, cs)
    if ment is not None:
        return ment, text[cs:ce], cs
    before = _subject_before_cue(c, vi, prev_tok) if not _inverted_aside(c, vi, prev_tok) else None
    if before is None and cs > c.close_end and (m := _NAME_OPEN_APPOSITION_RE.match(text, c.close_end, cs)) \
            and m.group(1).split()[0].lower() not in _OPENING_WORDS and not _is_time_phrase(m.group(1)):
        # "“…,” Kurinji Selvaraj, a research analyst at the … think tank told CBS News": an
        # apposition whose closing comma is missing, after the quotation
        before = _Mention(m.group(1), m.start(1), m.end(1))
    if before is None:
        # "said Tom Reed": an inverted subject; never after "announcing", whose next words
        # are its object
        after = _np_after(text, toks, vi + 1) \
            if not vlow.endswith("ing") and prev_tok.lower() not in {"have", "has", "had", "to"} else None
        if after is not None and not _is_time_phrase(after.text) \
                and not any(w in _FINITE for w in after.text.lower().split()):
            return after, text[cs:ce], cs   # (not "said the year had begun well": a clause's subject)
        return None, text[cs:ce], cs
    bi = bisect_right(c.tok_starts, before.start) - 1
    if _PRONOUN_RE.match(before.text) and bi >= 2 and any(cue2[0] == toks[bi - 1][1] for cue2 in c.cues):
        # nested reporting, "Lynch said she recalled thinking, “…”": the outer speaker, who
        # reports their own words, is named where the attribution starts
        outer = _np_before(text, toks, bi - 2)
        if outer is not None and (not _PRONOUN_RE.match(outer.text) or outer.text.lower() == before.text.lower()):
            # ("She said she recalls …": the same person twice; the attribution starts at the first)
            return outer, text[toks[bi - 1][1]:toks[bi - 1][2]], toks[bi - 1][1]
    return before, text[cs:ce], cs


_OPENING_WORDS = frozenset("on in at by for from after before during since but and as when while with".split())
# after a quotation, up to a cue: a name, a comma, then a description with no comma closing it
_NAME_OPEN_APPOSITION_RE = re.compile(r"[\s,]*((?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+),\s+(?:a|an|the)\s+[^;:.“”\"]{3,150}\s+$")


def _inverted_aside(c: _QuoteContext, vi: int, prev_tok: str) -> bool:
    """", said Mr Burke, ": a verb between commas with a name after it (the name speaks, not
    the words before the first comma: "It helps, said Mr Burke, that people know “digital”")."""
    if prev_tok != "," or vi + 1 >= len(c.toks) or c.toks[vi + 1][0][:1].islower() and c.toks[vi + 1][0] != "the":
        return False
    after = _np_after(c.text, c.toks, vi + 1)
    return after is not None and c.text[after.end:after.end + 1] == "," and len(after.text.split()) <= 5 \
        and (after.text[:1].isupper() or after.text[:4] == "the " and after.text[4:5].isupper())


def _special_subject(c: _QuoteContext, vi: int, vlow: str, prev_tok: str, cs: int) -> _Mention | None:
    """Cues whose speaker is not the phrase right before them: "what it calls" (the clause's
    subject), "leading him to quip" (the object), a passive's by-agent, a participle or
    infinitive (the subject of the clause it hangs on)."""
    text, toks, tix, s_lo = c.text, c.toks, c.tix, c.s_lo
    if vi >= 2 and toks[vi - 2][0].lower() == "what" and _PRONOUN_RE.match(prev_tok):
        subj = _subject(text, tix, s_lo, toks[vi - 2][1], strict=True)
        if subj is not None:
            return subj
    if prev_tok.lower() == "to" and vi >= 2 and toks[vi - 2][0].lower() in {"him", "her", "them", "us", "me"}:
        o = toks[vi - 2]
        return _Mention(o[0], o[1], o[2])
    if prev_tok.lower() in _BE_FORMS and vlow.endswith("ed"):
        agent = _by_agent(c)
        if agent is not None:
            return agent
    if prev_tok.lower() in {"and", "but"}:
        sub = _subordinate_subject(c, vi) or _earlier_cue_subject(c, vi)
        if sub is not None:
            return sub
    progressive = vlow.endswith("ing") and prev_tok.lower() in _BE_FORMS   # "is calling"
    if vlow.endswith("ing") and not progressive and (w := _with_subject(text, toks, vi)) is not None:
        return w
    if (vlow.endswith("ing") and not progressive) or prev_tok.lower() in _NONFINITE_BEFORE \
            or prev_tok.lower() in {"and", "but"}:
        # "…, saying", "before asking", "took to Twitter to accuse"
        subj = _subject(text, tix, s_lo, cs, strict=True)
        if subj is None and toks and vi <= 2 and toks[0][0].lower() in _NOT_SUBJECT:
            # "After saying her foot was “so swollen …,” she was …": the clause the opening
            # phrase hangs on comes after it
            subj = _subject(text, tix, s_lo, c.s_hi, strict=True)
        if subj is not None:
            return subj
    return None


def _by_agent(c: _QuoteContext) -> _Mention | None:
    """'The posters were labelled a “big misjudgement” by the Conservatives': the agent of a
    passive, right after the quotation."""
    bi = _tok_after(c.toks, c.close_end)
    if bi < len(c.toks) and c.toks[bi][0] == "by" and bi + 1 < len(c.toks):
        return _np_after(c.text, c.toks, bi + 1)
    return None


def _subordinate_subject(c: _QuoteContext, vi: int) -> _Mention | None:
    """"X called Clinton a “disgrace” after she attacked the police and blamed shootings on
    “implicit bias”": a verb joined by "and" to the verb of a subordinate clause ("after she
    attacked") has that clause's pronoun as its subject, not the sentence's."""
    toks = c.toks
    for k in range(vi - 2, 0, -1):
        w = toks[k][0]
        if w in {".", ";", ":", "“", "”", '"'} or any(qq.open_at <= toks[k][1] < qq.end for qq in c.qs):
            return None
        if _PRONOUN_RE.fullmatch(w) and w.lower() in {"he", "she", "they"} \
                and toks[k - 1][0].lower() in _SUBORDINATORS:
            return _Mention(w, toks[k][1], toks[k][2])
    return None


@lru_cache(maxsize=1)
def _continuation_forms() -> frozenset[str]:
    """Participles that carry on the subject's speech after a dash ("- saying …", "- adding
    …"); read when first needed, not when the module is imported."""
    return frozenset(f for f in reporting_verbs() if f.endswith("ing") and " " not in f)


def _earlier_cue_subject(c: _QuoteContext, vi: int) -> _Mention | None:
    """"US Customs claimed … but his lawyer, Antony Townsden, told the BBC it was laughable and
    added: “…”": a verb joined by "and" to an earlier cue of the sentence shares that cue's
    subject (the lawyer), which need not be the sentence's (US Customs)."""
    toks, verbs = c.toks, reporting_verbs()
    for k in range(vi - 2, 0, -1):
        w = toks[k][0]
        if w in {".", ";", ":", "“", "”", '"'} or any(qq.open_at <= toks[k][1] < qq.end for qq in c.qs):
            return None
        info = verbs.get(w.lower())
        if info is not None and info[2] and w.islower() and toks[k - 1][0].lower() not in {"and", "but", "to"}:
            ment = _np_before(c.text, toks, k - 1)
            return ment if ment is not None and ment.text[:1].isupper() and not _PRONOUN_RE.match(ment.text) else None
    return None


def _possessor_of_document(c: _QuoteContext, vi: int) -> _Mention | None:
    """"Lord Butler's report earlier this year into Iraq intelligence said …": the document's
    owner, across the phrases that hang on the document, when no verb comes between."""
    toks = c.toks
    for k in range(vi - 1, max(0, vi - 12), -1):
        w = toks[k][0]
        low = w.lower()
        if low in _DOCUMENT_NOUNS and k >= 1 and toks[k - 1][0].endswith(("'s", "’s")) \
                and toks[k - 1][0][:1].isupper() and k < vi - 1:
            toks_np = c.tix.get(c.s_lo, toks[k - 1][2])
            return _np_before(c.text, toks_np, len(toks_np) - 1) if toks_np else None
        if w in {",", ";", ":", "“", "”", '"', "(", ")"} or low in _BE_FORMS or low in {"that", "who", "which"} \
                or (low.endswith("ed") and w.islower()):
            return None
    return None


def _subject_before_cue(c: _QuoteContext, vi: int, prev_tok: str) -> _Mention | None:
    """The noun phrase before the verb, not one inside a quotation, and past a participle
    phrase ("Protesters marching through the streets chanted") or the phrases on a possessed
    document ("Lord Butler's report earlier this year into Iraq intelligence said")."""
    text, toks = c.text, c.toks
    doc = _possessor_of_document(c, vi)
    if doc is not None:
        return doc
    before = _np_before(text, toks, vi - 1) if vi >= 1 and prev_tok not in {"”", '"', "''", ","} else None
    if before is None and vi >= 1 and prev_tok == ",":
        before = _np_before(text, toks, vi - 1)
    if before is not None and any(qq.open_at <= before.start <= qq.end for qq in c.qs):
        return None
    if before is not None:
        bi = bisect_right(c.tok_starts, before.start) - 1
        if bi >= 2 and toks[bi - 1][0] == "," and before.text.split()[0].lower() in ("a", "an") \
                and before.text.split()[-1].lower() in _roles():
            # "Michael Lamberty, a Lufthansa spokesman told the BBC": the apposition's closing
            # comma left out; the name is who spoke
            name = _np_before(text, toks, bi - 2)
            if name is not None and len(name.text.split()) >= 2 and all(w[:1].isupper() for w in name.text.split()) \
                    and not any(qq.open_at <= name.start <= qq.end for qq in c.qs) \
                    and text[c.s_lo:name.start].rstrip()[-1:] in ("", "”", '"', "'", ","):
                return name     # (opening the clause, not "After meeting Angela Merkel, a … said")
        if bi >= 3 and toks[bi - 1][0].lower() in _PLACE_PREPOSITIONS and toks[bi - 2][0].endswith("ing") \
                and toks[bi - 2][0].islower():
            subj = _np_before(text, toks, bi - 3)
            if subj is not None:
                return subj
    return before


def _mark_cue(c: _QuoteContext, *, has_fallback: bool):
    """A colon or dash cue: "X: “…”", "Mitt Romney -- ''…''"."""
    lead = c.lead
    for mark in (":", "—", "–", "―", "--"):
        if lead.endswith(mark) and len(lead) > len(mark):
            toks2 = c.tix.get(c.s_lo, c.s_lo + len(lead) - len(mark))
            if mark == ":":
                ment = _colon_source(c.text, c.tix, c.s_lo, toks2)
            else:
                ment = _np_before(c.text, toks2, len(toks2) - 1) if toks2 else None
            if ment is not None or not has_fallback:
                return ment, mark, c.s_lo + len(lead) - len(mark)
    return None


def _dash_after(c: _QuoteContext):
    """A dash cue after the quote: "“…” — Senator X"."""
    trail = c.masked[c.close_end:c.s_hi]
    m = re.match(r"\s*(?:[—–―]|--)\s*", trail)
    if m:
        toks3 = c.tix.get(c.close_end + m.end(), c.s_hi)
        ment = _np_after(c.text, toks3, 0)
        # a source set off by a dash is a name ("― Christina Lastra"), never an aside
        # ("“suburbs of St. Petersburg” — a metaphor for …")
        if ment and ment.text[:1].isupper() and not _PRONOUN_RE.match(ment.text):
            return ment, trail[m.start():m.end()].strip(), c.close_end + m.start()
    return None


_AS_PUT_IT_RE = re.compile(
    r"(?<![\w’'])[Aa]s\s+(?P<np>[^,;:“”\"\n]{1,60}?)(?:,[^;:“”\"\n]{1,120}?,)?(?:\s+[a-z]+ly)?\s+(?P<v>(?:put|puts|phrased|termed|described) it"
    r"|said|says|noted|notes|wrote|writes|explained|observed|remarked|reported)(?![\w’'])")
