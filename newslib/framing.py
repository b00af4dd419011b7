"""Framing: frames with evidence, actors and their labels, tone, hedges, sourcing, alignment.

Every figure here is traceable to sentences: each frame score comes with the sentences whose
words triggered it, each tone score with the sentences it averages, each alignment with the
pair of sentences. Dictionaries are data (``newslib/data/*.csv``) and can be extended from a
notebook by passing an edited DataFrame, without touching the package.

Why dictionaries: they are transparent and teachable — a student can see why a sentence counts
as "economic". Their limits are real (no irony, no negation, topic words counted as frames) and
are said in every notebook that uses them.

>>> from newslib.corpus import Corpus, Article
>>> c = Corpus([Article(id="a", title="T", text="T\\n\\nTrade reached 5 billion dollars.", outlet="X")])
>>> frame_evidence(c)[["frame", "term"]].values.tolist()[:2]
[['economic', 'trade'], ['economic', 'billion*']]
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .corpus import Corpus
from .lexicons import data_rows, given_names, reporting_verbs, speaker_words
from .quotes import (
    CLAUSE_OPENERS,
    HONORIFIC_SEX,
    NAME_GAP,
    ROYAL_TITLES,
    NameResolver,
    own_words,
    places,
    speaker_name,
)
from .terms import article_groups
from .tokens import stopwords

if TYPE_CHECKING:
    import pandas as pd


__all__ = ["load_lexicon", "frame_evidence", "frame_scores", "load_actor_aliases", "actor_mentions",
           "actor_summary", "actor_labels", "sentence_tone", "actor_tone", "hedge_counts",
           "sourcing", "align_sentences", "alignment_summary", "headline_lead"]


def load_lexicon(which: str | None = "generic") -> pd.DataFrame:
    """A frame lexicon as a DataFrame ``term, frame, provenance``.

    ``which``: ``"generic"`` (Semetko & Valkenburg's five frames), ``"policy"`` (Boydstun et
    al.'s policy frames) or a path to a CSV of your own with the same columns.
    """
    import pandas as pd

    which = which or "generic"
    name = {"generic": "frames_generic.csv", "policy": "frames_policy.csv"}.get(which, which)
    return pd.DataFrame(data_rows(name), columns=["term", "frame", "provenance"])


def _term_regex(term: str) -> re.Pattern[str]:
    parts = []
    for w in term.strip().split():
        star = w.endswith("*")
        w = re.escape(w.rstrip("*")).replace("'", "['’]").replace("’", "['’]")
        parts.append(w + (r"[\w'’-]*" if star else ""))
    return re.compile(r"(?<![\w-])" + r"\s+".join(parts) + r"(?![\w-])", re.I)


@lru_cache(maxsize=32)
def _compiled(terms: tuple[tuple[str, str], ...]) -> list[tuple[re.Pattern[str], str, str]]:
    return [(_term_regex(t), f, t) for t, f in terms]


def _lexicon_arg(lexicon: pd.DataFrame | str | None) -> tuple[tuple[str, str], ...]:
    if lexicon is None or isinstance(lexicon, str):
        lexicon = load_lexicon(lexicon or "generic")
    return tuple((str(t), str(f)) for t, f in zip(lexicon["term"], lexicon["frame"], strict=True) if str(t).strip())


def frame_evidence(corpus: Corpus, lexicon: pd.DataFrame | str | None = None) -> pd.DataFrame:
    """Every lexicon match: ``article_id, sentence_id, frame, term, match, start, end, sentence``
    (offsets into ``Article.text``): the evidence behind each frame score."""
    import pandas as pd

    pats = _compiled(_lexicon_arg(lexicon))
    sents = corpus.sentences()
    rows = []
    for aid, sid, s0, text in zip(sents["article_id"], sents["sentence_id"], sents["start"], sents["text"], strict=True):
        for rx, frame, term in pats:
            for m in rx.finditer(text):
                rows.append((aid, sid, frame, term, m.group(), s0 + m.start(), s0 + m.end(), text))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "frame", "term", "match", "start", "end", "sentence"])


def frame_scores(corpus: Corpus, lexicon: pd.DataFrame | str | None = None, *, group_by: str = "outlet",
                 evidence: pd.DataFrame | None = None) -> pd.DataFrame:
    """Frame profile per group: ``group, frame, matches, per_1000, sentences, sentence_share``.

    ``per_1000`` = matches per 1,000 words of the group; ``sentence_share`` = share of the
    group's sentences with at least one match for the frame.
    """
    import pandas as pd

    groups = article_groups(corpus, group_by)
    ev = evidence if evidence is not None else frame_evidence(corpus, lexicon)
    lex = lexicon if lexicon is not None and not isinstance(lexicon, str) else load_lexicon(lexicon)
    frames = sorted(set(lex["frame"]))
    toks = corpus.tokens()
    words = toks[toks["is_word"]].groupby(toks["article_id"].map(groups), observed=True).size()
    sents = corpus.sentences().groupby(corpus.sentences()["article_id"].map(groups), observed=True).size()
    ev = ev.assign(group=ev["article_id"].map(groups))
    rows = []
    for g in sorted(set(groups.values())):
        sub = ev[ev["group"] == g]
        for f in frames:
            fs = sub[sub["frame"] == f]
            n_s = fs[["article_id", "sentence_id"]].drop_duplicates().shape[0]
            rows.append((g, f, len(fs), 1000 * len(fs) / max(1, words.get(g, 0)), n_s, n_s / max(1, sents.get(g, 0))))
    return pd.DataFrame(rows, columns=["group", "frame", "matches", "per_1000", "sentences", "sentence_share"])


# ---------------------------------------------------------------------------- actors
def load_actor_aliases(path: str | None = None) -> pd.DataFrame:
    """Actor aliases as ``actor, kind, alias`` (one row per alias); ``path`` for your own CSV."""
    import pandas as pd

    rows = []
    for r in data_rows(path or "actors.csv"):
        for alias in r["alias"].split("|"):
            rows.append((r["actor"], r["kind"], alias.strip()))
    return pd.DataFrame(rows, columns=["actor", "kind", "alias"])


# up to six capitalised words: "Russian Defence Minister Sergei Shoigu" keeps its name whole (the
# titles in front are cut by speaker_name, not by the length of the match); a word may have a
# second capital ("McConnell", "MacDonald") or an O' ("O'Brien")
# (a plural possessive inside a name: "the General Miners' Union")
_CAP_WORD = r"(?:[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?(?:(?<=s)['’](?=\s+[A-Z]))?|[A-Z]['’][A-Z][a-z]+|[A-Z]\.)"
_NAME_RE = re.compile(rf"\b{_CAP_WORD}(?:{NAME_GAP}{_CAP_WORD}){{1,5}}\b")   # (no paragraph end inside)
# a body named with "of" or "for" after its head word: "the Department of Energy", "the
# Institute for Fiscal Research" (the capitalised runs alone gave "Energy" and "Fiscal Research")
_OF_BODY_RE = re.compile(
    r"\b(?:[A-Z][a-z]+\s+){0,3}(?:Department|Ministry|Institute|Bureau|Office|Bank|University|Union|Federation"
    r"|Association|Society|Council|Court|Chamber|Board|Academy|College|Museum|Centre|Center|Church|League"
    r"|Commission|Committee|Agency|Authority|Foundation|Trust|Fund|Organisation|Organization|Institution)"
    r"\s+(?:of|for)\s+(?:the\s+)?[A-Z][a-z]+(?:\s+(?:and\s+|of\s+(?:the\s+)?)?[A-Z][a-z]+){0,4}\b")
# after a name, what only a person does: ", who …", or a verb of speech ("Sandra Gidley said")
_PERSON_AFTER_RE = re.compile(r"^(?:,\s+who(?:se)?\b|\s+(?:has\s+|had\s+|have\s+)?([a-z]+))")
# a capitalised phrase right before a person's role is the body that person belongs to
# ("US National Security spokesman John Kirby", "Labour leader Tony Blair")
_ROLE_AFTER_RE = re.compile(r"^\s+([a-z]+|[A-Z]{2,3}\b)")   # "spokesman", "prime …", "MP"
# an acronym defined after a phrase: "(UAVs)" plural is a class of things, "(IRGC)" a body
_ACRONYM_AFTER_RE = re.compile(r"^\s*\(([A-Z]{2,8})(s?)\)")
_DEMONYM_RE = re.compile(r"[A-Z][a-z]+(?:ian|an|ese|ish|i)")
_ADJECTIVE_FORM_RE = re.compile(r"[A-Z][a-z]+(?:ern|ian|an|ese|ish|i)")   # "Western", "Iranian"


_ORG_WORDS = {"bank", "institute", "ministry", "university", "council", "party", "times", "news", "post",
              "agency", "company", "corp", "group", "house", "office", "department", "committee", "court",
              "army", "forces", "union", "association", "organization", "organisation", "fund", "center",
              "centre", "league", "commission", "parliament", "assembly", "congress", "senate", "guard",
              "corps", "network", "channel", "service", "foundation", "board", "authority", "federation",
              "journal", "press", "television", "tv", "radio", "international", "inc", "ltd", "limited", "plc", "palace"}
_PLACE_WORDS = {"bay", "city", "sea", "gulf", "strait", "island", "islands", "river", "valley", "street",
                "square", "province", "region", "county", "state", "mountains", "coast", "port", "airport"}
_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
             "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
             "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
             "nov", "dec"}   # ("Sept." had been an actor)
_NOT_NAMES = {"the", "in", "on", "at", "but", "and", "a", "an", "this", "that", "it", "he", "she", "they",
              "we", "his", "her", "their", "its", "for", "of", "to", "as", "by", "after", "before", "when",
              "while", "if", "so", "yet", "with", "from", "dear",
              # numbers and quantifiers open sentences and headlines ("One of the …", "Many say …"):
              # no actor
              "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "many", "several",
              "another", "every", "much", "most", "some", "both", "either", "neither"}
# function words that only a title-case phrase capitalises inside a name ("Millbrook Not For
# Sale", "Meet The Fockers"): no actor's name holds them
_TITLE_CASE_WORDS = frozenset("not for our your my no is are was were be do does did they it you we me the "
                              "and to in on at with by from so all can will shall how what".split())


def _name_kind(name: str, after: str = "") -> str:
    """person, organisation, place, thing or name (a capitalised phrase that is none of them
    for sure); ``after`` is the text that follows the phrase.

    >>> [_name_kind(n) for n in ["Sergei Shoigu", "Middle East", "US National Security", "Yemeni Houthis"]]
    ['person', 'place', 'name', 'name']
    >>> _name_kind("Unmanned Aerial Vehicles", " (UAVs) to Russia"), _name_kind("Darlington Council")
    ('thing', 'organisation')
    >>> _name_kind("Revolutionary Guards", " (IRGC) said"), _name_kind("Labour"), _name_kind("Hunting Bill")
    ('organisation', 'organisation', 'organisation')
    """
    words = name.split()
    last = words[-1].lower().strip(".")
    acronym = _ACRONYM_AFTER_RE.match(after)
    if acronym and acronym.group(2):
        return "thing"            # "Unmanned Aerial Vehicles (UAVs)": a class of things, no actor
    if last in _ORG_WORDS or acronym:
        return "organisation"     # an acronym defined after it names a body
    if last in _PLACE_WORDS or name in places():
        return "place"
    if last in speaker_words()["organisations"]:
        return "organisation"     # "Liberal Democrats", "Labour", "Hunting Bill": never he or she
    if words[0] in places() or (len(words) > 1 and _is_demonym(words[0])):
        return "name"             # "US National Security", "Yemeni Houthis": a place's something
    return "person"


# titles that are also adjectives: they do not show that a person's name follows ("General
# Election", "Chief Executive", "Foreign Office")
_ADJECTIVE_TITLES = {"general", "state", "foreign", "finance", "defence", "defense", "interior", "supreme",
                     "chief", "deputy", "vice", "acting", "former", "prime", "host", "justice"}


# titles that also begin the names of things: "General Election", "Foreign Office", "State Department"
_THING_TITLES = {"general", "state", "foreign", "finance", "defence", "defense", "interior", "supreme", "justice"}


def _person_words() -> frozenset[str]:
    w = speaker_words()
    return w["titles"] | w["men"] | w["women"] | w["people"]


def _role_after(after: str) -> bool:
    """The text after a phrase starts with a person's role in lower case ("spokesman", "prime
    minister"): the phrase names the body the person belongs to."""
    m = _ROLE_AFTER_RE.match(after)
    return bool(m) and m.group(1).lower() in _person_words() - {"former", "acting"}


def _person_evidence(corpus: Corpus, candidates: Iterable[str]) -> set[str]:
    """The full names that the corpus shows to be persons somewhere: a known given name first
    ("Sergei Shoigu"), a title or a person's noun right before a mention ("prime minister Harold
    Wilson"), ", who", a verb of speech, a post-nominal title or an apposition with a person's
    noun right after one ("Dennis Hills, who", "Sandra Gidley said", "Nicholas Blake QC", "Barry
    Hugill, a spokesman"), or the surname alone after a title ("Lord Callaghan" for Jim
    Callaghan). One pass over each text; the kind is the name's, in every article.
    """
    speech = {f for f, (_, _, intro) in reporting_verbs().items() if intro}
    titles = speaker_words()["titles"]
    person_words = _person_words() - _ADJECTIVE_TITLES
    titled_surnames: set[str] = set()
    shown: set[str] = set()
    for a in corpus.articles:
        t = a.text
        for m in re.finditer(r"\b([A-Z][a-z]+\.?)\s+([A-Z][a-z]+(?:[A-Z][a-z]+)?)\b(?!\s+[A-Z])", t):
            if m.group(1).lower() in titles - _ADJECTIVE_TITLES:
                titled_surnames.add(m.group(2))
        for m in _NAME_RE.finditer(t):
            words = m.group().split()
            while len(words) > 2 and (words[0].lower() in _NOT_NAMES or words[0].lower() in titles
                                      or _is_demonym(words[0]) or words[0] in places()):
                words = words[1:]
            prefix = m.group().split()[:-len(words)]
            prev = prefix[-1:] or re.findall(r"[A-Za-z]+", t[max(0, m.start() - 30):m.start()])[-1:]
            after = t[m.end():m.end() + 60]
            verb = _PERSON_AFTER_RE.match(after)
            post = re.match(r"\s+([A-Z]{2,3})\b", after)
            appos = re.match(r",\s+(?:a|an|the)\s+((?:[\w-]+\s+){0,3}?[\w-]+)\b", after)
            if (prev and prev[0].lower() in person_words) \
                    or (verb and (verb.group(1) is None or verb.group(1) in speech)) \
                    or (post and post.group(1).lower() in titles) \
                    or (appos and appos.group(1).split()[-1].lower() in person_words):
                shown.add(speaker_name(" ".join(words)))
    out = set()
    for full in {*candidates, *shown}:
        words = full.split()
        if len(words) < 2 or _name_kind(full) != "person" \
                or not all(re.fullmatch(_CAP_WORD, w) for w in words):
            continue    # not "Mansfield QC", "Amin's Uganda"
        if full in shown or words[0].lower() in given_names() or words[-1] in titled_surnames:
            out.add(full)
    return out


_MIDDLE_INITIAL_RE = re.compile(r" [A-Z]\. ")     # "Donald J. Trump"
_ROYAL_RE = re.compile(r"\b(" + "|".join(sorted(t.title() for t in ROYAL_TITLES)) + r") ([A-Z][a-z]+)\b(?! [A-Z])")


def _looks_like_person(name: str, before: str, surnames: dict[str, str]) -> bool:
    """A capitalised phrase is a person when its first word is a known given name, a title or a
    person's noun stands right before it ("Defence Minister Sergei Shoigu"), or its last word is
    used alone as a surname in the corpus; else it is a name of unknown kind ("National
    Security")."""
    words = name.split()
    if words[0].lower() in given_names():
        return True
    prev = re.findall(r"[A-Za-z]+", before)[-1:]
    if prev and prev[0].lower() in _person_words() - _ADJECTIVE_TITLES:  # not "General Election"
        return True
    return words[-1] in surnames


def _is_demonym(word: str) -> bool:
    """"Yemeni", "Russian", "Japanese": a people's adjective (a place starts with its first five
    letters), not a given name like "Sergei"."""
    return bool(_DEMONYM_RE.fullmatch(word)) and any(p.startswith(word[:5]) for p in places() if len(word) >= 5)


def _sentence_words(corpus: Corpus) -> frozenset[str]:
    """Lower-case forms of the words the corpus capitalises only where a sentence opens and
    writes in lower case elsewhere ("Say Mexico demanded …", "Although Trump …", "Notice Trump
    …"): such a word opening a capitalised run is no part of a name. A given name is never one
    ("Will Smith"), nor a word capitalised inside a sentence anywhere ("New York").

    >>> from newslib.corpus import Article, Corpus
    >>> c = Corpus([Article(id="a", title="T", text="Say Mexico paid. They say so. Will Smith came.")])
    >>> sorted(_sentence_words(c) & {"say", "will", "mexico"})
    ['say']
    """
    lower: set[str] = set()
    inside: set[str] = set()
    for a in corpus.articles:
        lower.update(_LOWER_WORD_RE.findall(a.text))
        inside.update(w.lower() for w in _INSIDE_CAPITAL_RE.findall(a.text))
    given = given_names()
    return frozenset(w for w in lower - inside if w not in given)


_LOWER_WORD_RE = re.compile(r"\b[a-z]{2,}\b")
_INSIDE_CAPITAL_RE = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+")


def _without_opener(name: str, sentence_words: frozenset[str]) -> str:
    """``name`` without a first word that only opens sentences ("Although Donald Trump" ->
    "Donald Trump"), or "" where one word is left ("Say Mexico"): no full name."""
    words = name.split()
    return " ".join(words[1:]) if len(words) >= 3 and words[0].lower() in sentence_words else \
        "" if len(words) == 2 and words[0].lower() in sentence_words else name


_WORD_RUN_RE = re.compile(r"(?<![\w-])\w[\w'’.]*(?:-[\w'’.]+)*")


def _words_in(text: str, words: frozenset[str]) -> Iterator[tuple[int, str]]:
    """(start, word) of each of ``words`` standing alone in ``text`` (no letter, digit or hyphen
    on either side: "Blair's" holds Blair, "Anglo-French" no Anglo), the longest where two start
    at one place.

    Why not one pattern of the words: Python's ``re`` tries the alternatives one by one at every
    place, and BBC's 2,225 articles have some 3,000 such words (11.6 s; this loop takes well under
    one).

    >>> list(_words_in("Blair's aide met Anglo-French Blair.", frozenset({"Blair", "Anglo"})))
    [(0, 'Blair'), (30, 'Blair')]
    """
    for m in _WORD_RUN_RE.finditer(text):
        run = m.group()
        if run in words:
            yield m.start(), run
            continue
        for i in range(len(run) - 1, 0, -1):    # "Blair's", "Blair." (an abbreviation's dot too)
            if run[i] in "'’." and run[:i] in words:
                yield m.start(), run[:i]
                break


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens a sentence, a line or a quotation."""
    before = text[max(0, at - 4):at].rstrip(" ")
    return not before or before[-1] in ".!?:\n\"“‘'"


def _surname_choice(text: str, fulls: list[str], counts: Counter, *, also: Counter | None = None) -> str | None:
    """The person a surname alone stands for in one article, where the corpus has several full
    names with it ("Donald Trump", "Ivanka Trump"): the one of them this article names, or of
    those it names the one it names most, with two thirds of their mentions; else the corpus's
    most named, with two thirds of the corpus's; else None, no guess ("Joe and Hunter Biden …
    former Vice President Biden" stays "Biden").

    >>> from collections import Counter
    >>> fulls = ["Donald Trump", "Ivanka Trump"]
    >>> _surname_choice("Ivanka Trump spoke. Trump agreed.", fulls, Counter({"Donald Trump": 50, "Ivanka Trump": 5}))
    'Ivanka Trump'
    >>> _surname_choice("Trump spoke.", fulls, Counter({"Donald Trump": 50, "Ivanka Trump": 5}))
    'Donald Trump'
    >>> _surname_choice("Trump spoke.", fulls, Counter({"Donald Trump": 5, "Ivanka Trump": 5})) is None
    True
    """
    here = Counter({f: text.count(f) for f in fulls if f in text})
    if also:    # titled mentions resolved in the article: "President Obama" is Barack Obama's
        here.update({f: n for f, n in also.items() if f in fulls})
    for pool in (here, Counter({f: counts[f] for f in fulls})):
        if pool:
            best, n = max(pool.items(), key=lambda kv: (kv[1], -fulls.index(kv[0])))
            if n * 3 >= 2 * sum(pool.values()):
                return best
    return None


_ATTRIBUTIVE_RE = re.compile(r" (?!(?:said|says|has|have|had|is|are|was|were|will|would|could|and|or|but|who|which|"
                             r"that|in|of|on|at|to|for|with|by|from|as|also)\b)[a-z][a-z-]+")
_PEOPLE_ADJECTIVE_RE = re.compile(r"(?:ish|ese|ic)$")      # "Jewish", "Japanese", "Islamic"


def _adjective_word(word: str) -> bool:
    """A people's or a faith's adjective ("Mexican", "Jewish", "Islamic"), not a name ending
    like one ("Guardian", "Jordan", "Scotsman", "Eric"). (Parties' adjectives are aliases of
    their parties in data/actors.csv.)"""
    return (_is_demonym(word) or bool(_PEOPLE_ADJECTIVE_RE.search(word))) and word.lower() not in given_names()


def _demonym_place(word: str) -> str | None:
    """The one country a people's adjective names: "Mexican" Mexico, "Pakistani" Pakistan;
    None for "Jewish" or where two places fit."""
    if not _is_demonym(word):
        return None
    fits = [p for p in places() if p.startswith(word[:5]) and " " not in p and p[:1].isupper()]
    return fits[0] if len(fits) == 1 else None


_NEXT_WORD_RE = re.compile(r" ([A-Z][\w'’-]*)")


def _city_opens_name(words: list[str], alias_map: dict) -> bool:
    """Whether a run of capitalised words is a name that a country's city opens ("Washington
    Post", "Moscow Times"): kept whole as an actor of its own, where "Iranian President Ebrahim
    Raisi" is Iran's mention and a person's.

    >>> al = {"Washington": ("United States", "country"), "Iranian": ("Iran", "country")}
    >>> _city_opens_name(["Washington", "Post"], al), _city_opens_name(["Iranian", "President", "Raisi"], al)
    (True, False)
    """
    if len(words) < 2 or words[0] not in alias_map:
        return False
    actor, kind = alias_map[words[0]]
    w = words[0]
    # (not the country's own name, a demonym, an acronym or a two-word alias: "U.S. Senate" is
    # the United States', "White House Press Secretary" its official)
    return kind in {"country", "bloc"} and w != actor and " " not in w and not _ADJECTIVE_FORM_RE.fullmatch(w) \
        and not w.isupper() and not w.endswith(("s", ".")) and words[1].lower() not in _person_words() \
        and words[1].lower() not in given_names() and words[1] not in alias_map


_WORD_BEFORE_RE = re.compile(r"\b([A-Z][a-z]+) $")


def _a_surname(text: str, m: re.Match, alias_map: dict) -> bool:
    """Whether an alias ends a longer name here: a given name right before it ("Tom Jordan"), or
    for a bloc any capitalised word inside a sentence ("Kanye West", "Wichita West" are no mention
    of the West; "the West", "In the West" are).

    >>> import re
    >>> al = {"West": ("The West", "bloc")}
    >>> [_a_surname(t, re.search("(West)", t), al) for t in ["He met Kanye West", "the West said", "Wichita West won"]]
    [True, False, True]
    """
    before = _WORD_BEFORE_RE.search(text, max(0, m.start() - 20), m.start())
    if not before:
        return False
    if before.group(1).lower() in given_names():
        return True
    return alias_map.get(m.group(1), ("", ""))[1] == "bloc" and before.group(1).lower() not in {"the", "in", "and"}


def _longer_name(text: str, m: re.Match, alias_map: dict) -> bool:
    """Whether a city standing for its country opens a longer name: "the Washington Post",
    "the Washington Monument", "the Moscow Times" are no mention of the United States or Russia
    ("Washington officials", "Washington's response", "White House Press Secretary" are). The
    test is :func:`_city_opens_name` on the alias and the word after it.

    >>> import re
    >>> rx, al = re.compile(r"(Washington|White House)"), {"Washington": ("United States", "country")}
    >>> [_longer_name(t, rx.search(t), al) for t in ["the Washington Post said", "Washington said", "the White House Press Secretary"]]
    [True, False, False]
    """
    nxt = _NEXT_WORD_RE.match(text, m.end())
    return bool(nxt) and _city_opens_name([m.group(1), nxt.group(1)], alias_map)


def _titled_choice(title: str, fulls: list[str], titled: Counter) -> str | None:
    """The person a titled surname stands for where several share the surname: the only one of
    them the corpus writes with this title ("President Barack Obama", so "President Obama" is
    not Michelle Obama), or for Mr/Mrs/Ms the only one whose given name fits.

    >>> fulls = ["Barack Obama", "Michelle Obama"]
    >>> _titled_choice("President", fulls, Counter({("president", "Barack Obama"): 3}))
    'Barack Obama'
    >>> _titled_choice("Mrs.", fulls, Counter())
    'Michelle Obama'
    >>> _titled_choice("Senator", fulls, Counter()) is None
    True
    """
    t = title.lower().rstrip(".")
    fit = [f for f in fulls if titled[(t, f)]]
    if not fit and t in HONORIFIC_SEX:
        other = {"he": "she", "she": "he"}[HONORIFIC_SEX[t]]     # (an unknown given name may fit)
        fit = [f for f in fulls if given_names().get(f.split()[0].lower(), "either") != other]
    return fit[0] if len(fit) == 1 else None


_TITLE_BEFORE_RE = re.compile(r"\b([A-Z][a-z]+)\.?\s+$")


def actor_mentions(corpus: Corpus, *, aliases: pd.DataFrame | None = None,
                   people: bool = True, min_single: int = 2) -> pd.DataFrame:
    """Each mention of an actor: ``article_id, sentence_id, actor, kind, mention, start, end,
    position`` (``headline``, ``lead`` = first body sentence, or ``body``).

    Countries and organisations come from the alias table (Iran / Iranian / Tehran → Iran);
    names are found as capitalised word sequences and clustered across the corpus (Ebrahim
    Raisi / Raisi / Mr Raisi / the Iranian president → Ebrahim Raisi) with the resolver the
    quote extractor uses; a single capitalised word used ``min_single`` times or more, never
    only at sentence starts, is an actor too (a place or party the alias table does not know).
    """
    import pandas as pd

    al = aliases if aliases is not None else load_actor_aliases()
    alias_map = {a: (actor, kind) for actor, kind, a in al.itertuples(index=False)}
    alias_rx = re.compile(r"(?<![\w-])(" + "|".join(sorted((re.escape(a) for a in alias_map), key=len, reverse=True))
                          + r")(?![\w-])") if alias_map else None
    sents = corpus.sentences()
    by_article = {aid: (g["start"].tolist(), g["sentence_id"].tolist()) for aid, g in sents.groupby("article_id", sort=False, observed=True)}
    resolvers = {a.id: NameResolver(a.text) for a in corpus.articles} if people else {}
    # corpus-wide clusters: surname -> full name when unambiguous
    surname_full: dict[str, set[str]] = defaultdict(set)
    openers = _sentence_words(corpus) if people else frozenset()
    fulls = {_without_opener(full, openers) for r in resolvers.values() for full in map(speaker_name, r.full)}
    persons = {_without_opener(full, openers) for r in resolvers.values()
               for full in map(speaker_name, r.title_of.values())}
    persons |= {_without_opener(f, openers) for f in _person_evidence(corpus, fulls - persons)}
    fulls.discard("")
    persons.discard("")
    stop = stopwords()
    for full in fulls | persons:
        words = full.split()
        # a person's full name: one the corpus shows to be a person (a known given name, a title
        # before it, a verb of speech after it); not "National Security" or "Aerial Vehicles"
        # nor "Kepa Arrizabalaga This" (a line break lost between a caption and a sentence), whose
        # "This" then stood for him at every sentence that opens with it: no surname is a stopword
        if len(words) >= 2 and words[0].lower() not in _NOT_NAMES and not any(w in alias_map for w in words) \
                and full in persons and not (len(words) == 2 and words[0].lower() in speaker_words()["peerage"]) \
                and words[-1].lower() not in stop and words[-1].lower() not in speaker_words()["titles"] \
                and words[-1].lower() not in _CALENDAR:   # ("Cyber Monday" made every Monday an actor)
            surname_full[words[-1]].add(full)       # (not "Foreign Secretary")
    known_full = {f for v in surname_full.values() for f in v}
    title_of: dict[str, str] = {}
    for r in resolvers.values():
        for t, full in r.title_of.items():
            if len(t.split()) >= 2:
                title_of.setdefault(t, full)
    surnames = {k: next(iter(v)) for k, v in surname_full.items() if len(v) == 1 and _name_kind(next(iter(v))) == "person"}
    # a surname several full names share ("Donald Trump", "Donald J. Trump", "Ivanka Trump"): a
    # middle initial is the same person; then each article's "Trump" is chosen in that article
    # (had stayed an actor of its own: "Trump" 238 mentions beside "Donald Trump" 52)
    shared = {k: sorted(v) for k, v in surname_full.items() if len(v) > 1}
    full_counts: Counter = Counter()
    titled: Counter = Counter()     # (title, full name): "President Barack Obama"
    if shared:      # (one pattern of every shared full name: a count per name and article was slow)
        full_rx = re.compile("|".join(map(re.escape, sorted({f for v in shared.values() for f in v},
                                                            key=len, reverse=True))))
        for a in corpus.articles:
            for m in full_rx.finditer(a.text):
                full_counts[m.group()] += 1
                t = _TITLE_BEFORE_RE.search(a.text, max(0, m.start() - 24), m.start())
                if t and t.group(1).lower() in speaker_words()["titles"]:
                    titled[(t.group(1).lower(), m.group())] += 1
    same_as = {}        # "Donald J. Trump" -> "Donald Trump", counted as one
    for k, v in shared.items():
        for f in v:
            plain = _MIDDLE_INITIAL_RE.sub(" ", f)
            if plain != f and plain in v:
                same_as[f] = plain
                full_counts[plain] += full_counts[f]
                for (t, g), n in list(titled.items()):
                    if g == f:
                        titled[(t, plain)] += n
        shared[k] = sorted({same_as.get(f, f) for f in v})
    for k, v in list(shared.items()):
        if len(v) == 1 and _name_kind(v[0]) == "person":
            surnames[k] = v[0]
            del shared[k]
    shared = {k: v for k, v in shared.items() if all(_name_kind(f) == "person" for f in v)
              and k.lower() not in _CALENDAR and k.lower() not in stop}   # (not "May" the month)
    # a royal named by the given name alone ("Prince Harry visited. Harry stayed an hour.")
    royals: dict[str, set[str]] = defaultdict(set)
    for a in corpus.articles:
        for r in _ROYAL_RE.finditer(a.text):
            royals[r.group(2)].add(r.group())
    surnames.update({g: next(iter(v)) for g, v in royals.items() if len(v) == 1 and g not in surname_full})
    # "Lord Callaghan": a surname follows (not "Sir Digby", "Prince Andrew": a given name)
    peers_by_surname = speaker_words()["peerage"] - {"sir", "dame"} - ROYAL_TITLES
    def known_name(words: list[str]) -> bool:
        """Whether ``words`` name someone the corpus knows: "Say Mexico" is Mexico, "Although
        Trump" Donald Trump, "Meanwhile Mark Oaten" Mark Oaten; "Chief Justice" stays whole."""
        w = words[0]
        return w.lower() not in _CALENDAR and (
            w.lower() in given_names() or w in alias_map or w in places() or " ".join(words) in fulls
            or len(words) == 1 and w in surname_full or w in singles)   # ("Veteran Labour MP": Labour)

    single_counts: Counter = Counter()
    attributive: Counter = Counter()
    initial_only: dict[str, bool] = {}
    if people:
        for a in corpus.articles:
            for m in re.finditer(r"(?<![\w.’'-])([A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)(?=[’']s\b|(?![\w’'-]))", a.text):
                w = m.group(1)
                if w.lower() in _NOT_NAMES or w in alias_map or w in surnames or w.lower() in _CALENDAR \
                        or ("-" in w and all(p in alias_map for p in w.split("-"))):
                    continue    # ("Tehran-Moscow", "Israel-Hamas": two known actors, not a third)
                before = a.text[max(0, m.start() - 3):m.start()]
                at_start = m.start() == 0 or bool(re.search(r"(?:[.!?:\n]\s*|[“\"]\s*)$", before))
                single_counts[w] += 1
                initial_only[w] = initial_only.get(w, True) and at_start
                if _ATTRIBUTIVE_RE.match(a.text, m.end()):
                    attributive[w] += 1     # "Republican nominee", "Democratic senator"
    titles = speaker_words()["titles"]
    singles = {w for w, n in single_counts.items() if n >= min_single and not initial_only.get(w, True)
               and w.lower() not in stopwords() and w.lower() not in titles}
    # a people's or a faith's adjective used mostly before a noun is no actor of its own
    # ("Mexican", "Jewish", "Islamic" beside Mexico …): its country where one place fits it
    # ("Mexican officials" name Mexico), else none
    as_place: dict[str, str] = {}
    for w in list(singles):
        if _adjective_word(w) and attributive[w] * 2 >= single_counts[w]:
            singles.discard(w)
            if (place := _demonym_place(w)) is not None:
                singles.add(w)
                as_place[w] = place
    # one pattern for every title (a pattern per title and article took 33 of 48 s over BBC's
    # 2,225 articles); the longest title first where two start at one place
    title_rx = re.compile(r"\bthe (" + "|".join(re.escape(t) for t in
                                               sorted(title_of, key=len, reverse=True)) + r")\b", re.I) \
        if people and title_of else None
    words_alone = frozenset({*surnames, *shared, *singles})
    rows = []
    for a in corpus.articles:
        starts, ids = by_article.get(a.id, ([0], [0]))
        picked: Counter = Counter()     # titled surnames resolved in this article

        def locate(pos: int, starts=starts, ids=ids) -> tuple[int, str]:
            from bisect import bisect_right

            k = max(0, bisect_right(starts, pos) - 1)
            sid = ids[k] if ids else 0
            return sid, ("headline" if sid == 0 else "lead" if sid == 1 else "body")

        taken: list[tuple[int, int]] = []
        head = a.text[:starts[1]] if len(starts) > 1 else a.title
        head_words = [w for w in head.split() if w[:1].isalpha()]
        headline_case = len(head_words) >= 3 and sum(w[:1].isupper() for w in head_words) >= 0.7 * len(head_words)

        def free(s0: int, e0: int, taken=taken) -> bool:
            return not any(ts < e0 and s0 < te for ts, te in taken)

        def add(actor: str, kind: str, m0: int, m1: int, a=a, taken=taken, locate=locate) -> None:
            sid, pos = locate(m0)
            rows.append((a.id, sid, actor, kind, a.text[m0:m1], m0, m1, pos))
            taken.append((m0, m1))

        if people:
            # "the Iranian president" -> the person this corpus calls Iranian President X
            for m in title_rx.finditer(a.text) if title_rx is not None else ():
                if free(*m.span()):
                    add(title_of[m.group(1).lower()], "person", *m.span())
        if alias_rx is not None:
            for m in alias_rx.finditer(a.text):
                if free(*m.span()) and not _longer_name(a.text, m, alias_map) and not _a_surname(a.text, m, alias_map):
                    actor, kind = alias_map[m.group(1)]
                    add(actor, kind, m.start(), m.end())
        if not people:
            continue
        res = resolvers[a.id]
        for m in _OF_BODY_RE.finditer(a.text):
            lead = re.match(r"(?:(?:The|A|An|In|At|For|By|From|And|But)\s+)*", m.group()).end()   # "The Bank of England"
            if free(m.start() + lead, m.end()) and not any(w in alias_map for w in m.group().split()):
                add(m.group()[lead:], "organisation", m.start() + lead, m.end())
        for m in _NAME_RE.finditer(a.text):
            words, end = m.group().split(), m.end()
            while len(words) > 1 and words[-1].lower() in stop \
                    and "\n" in a.text[a.text.rfind(words[-2], m.start(), end):end]:
                # a stopword a line below ends no name: "Kepa Arrizabalaga\nThis has freed …" (a
                # caption, then the story) is Kepa Arrizabalaga; "Liu He" keeps his surname
                words = words[:-1]
                end = a.text.rfind(words[-1], m.start(), end) + len(words[-1])
            opened = False      # a sentence's opening word left out where a name follows it
            while words and (words[0].lower() in _NOT_NAMES
                             or words[0] in alias_map and not _city_opens_name(words, alias_map)
                             or len(words) > 1 and words[0].lower() in CLAUSE_OPENERS   # "Meanwhile Labour"
                             or len(words) > 1 and words[0].lower() in openers
                             and _opens_sentence(a.text, end - len(" ".join(words)))
                             and known_name(words[1:])):
                opened = opened or words[0].lower() in openers and words[0] not in alias_map
                words = words[1:]  # "Iranian President Ebrahim Raisi": Iranian is Iran's mention
            if len(words) < (1 if opened else 2) or any(w in alias_map for w in words[1:]) \
                    or words[0] in alias_map and not _city_opens_name(words, alias_map):
                continue
            if any(w.lower() in _TITLE_CASE_WORDS for w in words[1:]):
                taken.append(m.span())  # (nor are its words actors one by one)
                continue    # "Millbrook Not For Sale", "Save Our Pit": a banner's or a title's words
            start = end - len(" ".join(words))
            if not free(start, end):
                continue
            raw = " ".join(words)
            after = a.text[end:end + 24]
            kind = _name_kind(raw, after)
            if kind == "thing":
                continue    # "Unmanned Aerial Vehicles (UAVs)": no actor
            # "Former Labour prime minister": the titles in front are no part of a body's name,
            # but "General Election", "Supreme Court" keep theirs
            while len(words) > 1 and words[0].lower() in titles - _THING_TITLES \
                    and not (len(words) == 2 and words[1].lower() in titles):   # "Chief Justice"
                words = words[1:]
            plain = " ".join(words)
            name = speaker_name(res.canonical(raw)) if kind == "person" else plain
            name = same_as.get(name, name)
            lead = raw[:len(raw) - len(plain)].split()
            # "President Obama" in an article that names only Michelle Obama in full: the title
            # tells which of the people who share the surname it is, where the corpus can tell
            pick = _titled_choice(lead[-1], shared[plain], titled) if lead and plain in shared else None
            # (a guess about the future, 'America says, "President Clinton …"' of Hillary, is lost)
            if pick:
                name = pick
                picked[pick] += 1   # (and counts for the surname alone in this article)
            elif len(name.split()) == 1 and name in surnames:
                name = surnames[name]
            elif len(name.split()) == 1 and name in shared:
                name = _surname_choice(a.text, shared[name], full_counts, also=picked) or name
            elif len(name.split()) == 2 and name.split()[0].lower() in peers_by_surname and name.split()[1] in surnames:
                name = surnames[name.split()[1]]    # "Lord Callaghan" where the corpus names Jim Callaghan
            if headline_case and locate(start)[0] == 0 and name not in known_full:
                continue    # "Raisi, Putin Discuss Israel-Hamas War": a title-case headline's words
            if kind == "person":
                kind = _name_kind(name, after)
            if kind in ("person", "name") and name not in persons and name.split()[0].lower() not in given_names() \
                    and _role_after(after):
                kind, name = "organisation", plain   # "US National Security spokesman John Kirby": his body
            if kind == "person" and name not in persons and not _looks_like_person(
                    name, a.text[max(0, m.start() - 30):m.start()] + " "
                    + " ".join(m.group().split()[:-len(name.split())] or [""]), surnames):
                kind, name = "name", plain
            if kind != "person":
                start = end - len(name)
            add(name, kind, start, end)
        if words_alone:
            known = dict(surnames)      # (a shared surname's person is chosen once per article)
            for s0, w in _words_in(a.text, words_alone):
                m1 = s0 + len(w)
                if w in shared and w not in known:
                    known[w] = _surname_choice(a.text, shared[w], full_counts, also=picked)
                if known.get(w) is None and w not in singles:
                    continue
                if free(s0, m1):
                    kind = "person" if known.get(w) else _name_kind(w)
                    if w in as_place:
                        add(as_place[w], "country", s0, m1)
                        continue
                    add(known.get(w) or w, "name" if kind == "person" and not known.get(w) else kind, s0, m1)
    df = pd.DataFrame(rows, columns=["article_id", "sentence_id", "actor", "kind", "mention", "start", "end", "position"])
    # one kind per actor across the corpus: "Prince Harry" makes every "Harry" a person
    known = df[df["kind"] != "name"].groupby("actor")["kind"].agg(lambda k: k.value_counts().index[0])
    df["kind"] = df["actor"].map(known).fillna(df["kind"])
    return df.sort_values(["article_id", "start"]).reset_index(drop=True)


def actor_summary(corpus: Corpus, mentions: pd.DataFrame, *, group_by: str = "outlet", top_n: int = 20) -> pd.DataFrame:
    """Per group and actor: ``mentions, articles, per_1000, in_headline, first_position,
    first_sentence``; ``articles`` counts the group's articles that name the actor (a long
    article naming six regions ten times each is one article for each of them)."""
    groups = article_groups(corpus, group_by)
    toks = corpus.tokens()
    words = toks[toks["is_word"]].groupby(toks["article_id"].map(groups), observed=True).size()
    m = mentions.assign(group=mentions["article_id"].map(groups))
    order = {"headline": 0, "lead": 1, "body": 2}
    out = (m.groupby(["group", "actor", "kind"], observed=True)
             .agg(mentions=("mention", "size"), articles=("article_id", "nunique"),
                  in_headline=("position", lambda p: bool((p == "headline").any())),
                  first_position=("position", lambda p: min(p, key=order.get)),
                  first_sentence=("sentence_id", "min"))
             .reset_index())
    out["per_1000"] = 1000 * out["mentions"] / out["group"].map(words)
    out = out.sort_values(["group", "mentions"], ascending=[True, False])
    return out.groupby("group", observed=True).head(top_n).reset_index(drop=True)


_APPOS_RE = re.compile(r"^,\s+((?:a|an|the)\s[^,;:“”\"\n]{3,80}?)(?:,|\.(?=\s+[A-Z“\"])|\.$)")
_APPOS_VERBS = {"is", "was", "are", "were", "has", "have", "had", "would", "will", "can", "could", "said", "says"}
_LABEL_ADJ_ED = {"alleged", "so-called", "embattled", "beleaguered", "armed", "disputed", "self-styled",
                 "self-declared", "avowed", "elected", "indicted", "exiled", "jailed", "detained"}


# prepositions the stop list may lack: "in the weeks since Labor Day" describes no Labor Day
_PREPOSITIONS = frozenset("since until ago after before during than via per amid despite toward towards".split())


def _premodifier(text: str, start: int) -> str:
    """Words right before a mention that describe it: "Palestinian militant group",
    "Opposition leader", "Iranian President" (stops at punctuation, determiners, verbs).

    A description needs a determiner before it ("the Palestinian militant group Hamas") or a
    title as its last word ("Opposition leader Marta Fiel"); otherwise the words before a name
    are more likely a verb phrase ("Putin hosts Raisi") and nothing is returned.
    """
    titles = speaker_words()["titles"]
    window = text[max(0, start - 80):start]
    window = window[window.rfind("\n") + 1:]
    words: list[str] = []
    determiner = False
    for m in reversed(list(re.finditer(r"[A-Za-z][\w’'.-]*|[^\w\s]", window))):
        w = m.group()
        low = w.lower()
        if low in {"the", "a", "an"}:
            determiner = True
            break
        if not w[0].isalpha() or low in stopwords() or low in reporting_verbs() or low in _PREPOSITIONS \
                or len(words) >= 4:
            break
        if low.endswith("ed") and low not in _LABEL_ADJ_ED:
            break
        if w.endswith(".") and not re.fullmatch(r"(?:[A-Za-z]\.)+", w):
            break  # the end of the previous sentence
        words.append(w)
    if not words or not (determiner or words[0].lower() in titles):
        return ""
    return " ".join(reversed(words))


# abbreviations that end in a full stop inside a sentence: an apposition cut there is cut short
# ("a chief of staff to President Bill Clinton whom Mr. Obama recruited")
_ABBREV_END_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Rev|St|Jr|Sr|No|U\.S|U\.N|Inc|Co|Corp)$")


_OPENING_PREP_RE = re.compile(r"(?:Unlike|Like|In|At|On|From|After|Before|During|For|Since|Despite|Across|Beyond|Near|"
                              r"Outside|Inside|Throughout|Besides|Beside|Among|Amid|Following|Without)\s")
# "an unarmed man", "a 40-year-old woman": an apposition that describes a person
_PERSON_NOUN_RE = re.compile(r"^(?:a|an|the)\s(?:[\w-]+\s){0,3}(?:man|woman|boy|girl|men|women|person|people|mother|father)\b")


def _role_word(word: str) -> bool:
    """A title or a word for a person's role, or its plural: "President", "pollster", "CEO",
    "Gov.", "journalists"."""
    words = _person_words() | speaker_words()["occupations"]
    w = word.lower()
    bare = w.rstrip(".")
    return w in words or bare in words or len(bare) > 3 and bare.endswith("s") and bare[:-1] in words


# one-word descriptions of a person that say something about them ("the late", "the ailing")
_LABEL_ADJ = frozenset("former late then veteran disgraced controversial outspoken embattled jailed "
                       "notorious popular unpopular celebrated billionaire millionaire".split())
# words that read as adjectives by their ending ("vengeful", "ailing", "outspoken" is listed)
_ADJECTIVE_RE = re.compile(r"(?:ful|ous|ive|ic|able|ible|less|ish|ing|ed)$")
# stance by its hyphenated ending: "left-leaning", "right-wing", "Kremlin-backed"
_STANCE_ADJ_RE = re.compile(r"^(?:far|hard|centre|center)-(?:left|right)$|-(?:leaning|wing|backed|based|funded|run|owned|linked|affiliated|aligned|controlled)$")
# nouns for people by their ending: "gastroenterologist", "brothers", "financier"
_PERSON_SUFFIX_RE = re.compile(r"(?:ist|er|or|ian|ant|ent|ee|man|woman|men|women|brothers?|sisters?|wife|husband|"
                               r"sons?|daughters?|mothers?|fathers?|lady|chief|head|boss|star|ier)s?$")


def _describes(label: str, *, person: bool = True) -> bool:
    """Whether premodifying words can be a description of the name after them.

    A capitalised last word that is no title is more likely the start of the name itself
    ("the Middle West", "the Washington Post", "the British Medical Journal", "the U.N."), and
    a possessive last word names someone else ("the president's Pacific roots").

    >>> [_describes(x) for x in ["longtime Democratic pollster", "Wells Fargo CEO", "ailing", "top", "Bloomberg interview"]]
    [True, True, True, False, False]
    >>> [_describes(x, person=False) for x in ["Palestinian militant group", "Middle", "president's", "entire"]]
    [True, False, False, False]
    """
    last = label.split()[-1]
    if re.search(r"['’]s?$", last):
        return False
    if last[0].isupper():
        return _role_word(last) and last.lower() not in _ADJECTIVE_TITLES
    one_word = len(label.split()) == 1
    framing_word = last in _LABEL_ADJ_ED or last in _LABEL_ADJ or bool(_STANCE_ADJ_RE.search(last))
    if person:
        # "colorful gastroenterologist", "ailing", "vengeful": a person's noun, or one word that
        # reads as an adjective ("a top Trump surrogate", "the way Blair": no description)
        return bool(_role_word(last) or _PERSON_SUFFIX_RE.search(last)
                    or (one_word and (framing_word or _ADJECTIVE_RE.search(last))))
    # "the obscure Democratic Party", "the entire Congress": one adjective before a body
    # describes the sentence's noun phrase more often than the body ("the senior Democrat");
    # "the so-called Guildford Four", "the left-leaning IPPR" do describe it
    return not one_word or _role_word(last) or framing_word


_PARTY_BEFORE_RE = re.compile(r"\b((?:[A-Z][a-z]+ ){1,2})$")


def _party_label(words: str) -> bool:
    """A party before a name, in the singular: "Tory", "Liberal Democrat", "Fellow Lib Dem"
    ("the Tories Ken Clarke …" is two noun phrases)."""
    low = [w.lower() for w in words.split()]
    aff = speaker_words()["affiliations"]
    return all(w in aff for w in low) and not low[-1].endswith("s") \
        and any(w not in {"former", "senior", "veteran", "fellow", "political"} for w in low)


def _title_before(text: str, start: int, title: str) -> str:
    """A title with its "of" phrase: "Secretary of State" for the "State" before "John Kerry"."""
    m = re.search(r"\b([A-Z][a-z]+) of $", text[max(0, start - 30):start])
    return f"{m.group(1)} of {title}" if m and _role_word(m.group(1)) else title


def actor_labels(corpus: Corpus, mentions: pd.DataFrame, *, group_by: str = "outlet") -> pd.DataFrame:
    """Labels each outlet attaches to each actor: ``group, actor, label, kind, sentence``.

    ``apposition``: "Iran, an avowed U.S. adversary, has …" → "an avowed U.S. adversary";
    ``premodifier``: "the Palestinian militant group Hamas" → "Palestinian militant group";
    ``title``: "Secretary of State John Kerry" → "Secretary of State";
    ``affiliation``: "Tory MP Liam Fox" → "Tory".

    Why so strict: a wrong label puts words in an outlet's mouth. A title must end in a title
    or role word (a headline's "Voters Worried About Hillary Clinton" is no title); a place
    described as a person ("In Tulsa, an unarmed man …") is a sentence about someone else; the
    words before a plural people's name ("the wealthiest Americans") describe the people, not
    their country.

    >>> from newslib.records import Article
    >>> t = ("Talks\\n\\nSecretary of State John Kerry met Ana Lobo, a veteran negotiator. "
    ...      "In Tulsa, an unarmed man was shot. Polls Worried About John Kerry fell.")
    >>> c = Corpus([Article(id="a", title="Talks", text=t, outlet="X")])
    >>> actor_labels(c, actor_mentions(c))[["actor", "label"]].values.tolist()
    [['John Kerry', 'Secretary of State'], ['Ana Lobo', 'a veteran negotiator']]
    """
    import pandas as pd

    groups = article_groups(corpus, group_by)
    sents = corpus.sentences().set_index(["article_id", "sentence_id"])[["text", "start"]]
    rows = []
    for r in mentions.itertuples():
        text = corpus[r.article_id].text
        sent, s_start = sents.loc[(r.article_id, r.sentence_id)]
        m = _APPOS_RE.match(text[r.end:r.end + 120])
        # "between Russia and Iran, a contentious issue with …": after the second of two nouns the
        # apposition describes the phrase they end (the cooperation), not the last one
        coordinated = re.search(r"\b(?:and|or)\s+$", text[max(0, r.start - 5):r.start])
        appos = m.group(1).strip() if m else ""
        # "Unlike demonstrations in Charlotte, the Tulsa protest …": the comma closes an opening
        # phrase, and what follows is the sentence's subject, not a description
        opening = r.kind != "person" and _OPENING_PREP_RE.match(text[s_start:r.start]) \
            and "," not in text[s_start:r.start]
        if appos and not coordinated and not opening and len(appos.split()) <= 10 \
                and not (_APPOS_VERBS & set(appos.lower().split())) and not _ABBREV_END_RE.search(appos) \
                and not (r.kind in {"place", "country", "organisation"} and _PERSON_NOUN_RE.search(appos)):
            rows.append((groups[r.article_id], r.actor, appos, "apposition", sent))
        if r.mention != r.actor and r.mention.endswith(r.actor.split()[-1]) and r.kind == "person":
            first, last = r.actor.split()[0], r.actor.split()[-1]   # "Mr Sayeed" for Jonathan Sayeed: "Mr"
            title = r.mention[: r.mention.find(first) if first in r.mention else -len(last)].strip()
            if title and not title.lower().startswith("the ") and _role_word(title.split()[-1]):
                rows.append((groups[r.article_id], r.actor, _title_before(text, r.start, title), "title", sent))
            elif title and _party_label(title):
                rows.append((groups[r.article_id], r.actor, title, "affiliation", sent))
        if r.kind == "person" and (party := _PARTY_BEFORE_RE.search(text, max(0, r.start - 30), r.start)) \
                and _party_label(party.group(1)):
            # "Tory Liam Fox", the party's word a mention of the party itself (data/actors.csv)
            rows.append((groups[r.article_id], r.actor, party.group(1).strip(), "affiliation", sent))
        if r.kind == "country" and r.mention != r.actor and r.mention.endswith("s"):
            continue    # "the wealthiest Americans": the people, not the country
        # "an avowed U.S. adversary", "Former Labour prime minister": the words before describe
        # the noun after the mention, not the mention
        # "the broader Western world": an adjective's words before it describe the noun after it
        adjective = r.kind == "country" or _ADJECTIVE_FORM_RE.fullmatch(r.mention)
        attributive = (adjective and re.match(r"\s+(?:[a-z]|[A-Z]{2,3}\b)", text[r.end:r.end + 5])) \
            or _role_after(text[r.end:r.end + 24])
        pre = "" if attributive else _premodifier(text, r.start)
        if pre and pre.lower() != r.actor.lower() and not r.actor.lower().startswith(pre.lower()) \
                and _describes(pre, person=r.kind == "person"):
            rows.append((groups[r.article_id], r.actor, pre, "premodifier", sent))
    df = pd.DataFrame(rows, columns=["group", "actor", "label", "kind", "sentence"])
    return df.drop_duplicates(["group", "actor", "label"]).reset_index(drop=True)


# ---------------------------------------------------------------------------- tone
@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def sentence_tone(corpus: Corpus) -> pd.DataFrame:
    """VADER compound score (−1 … +1) per sentence: ``article_id, sentence_id, compound, text``.

    VADER (Hutto & Gilbert 2014) ships its lexicon in the ``vaderSentiment`` package, so it works
    offline. It was built for social media; on news it reads the *words* (genocide, crime: negative),
    not the stance, so treat it as a description of vocabulary, not of sympathy.
    """
    s = corpus.sentences()
    v = _vader()
    return s.assign(compound=[v.polarity_scores(t)["compound"] for t in s["text"]])[
        ["article_id", "sentence_id", "compound", "text"]]


def actor_tone(corpus: Corpus, mentions: pd.DataFrame, *, group_by: str = "outlet",
               tone: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Tone of the sentences that mention each actor, per group.

    Returns ``(summary, sentences)``: summary ``group, actor, sentences, mean_compound,
    negative_share``; sentences ``group, actor, article_id, sentence_id, compound, text``.
    """
    groups = article_groups(corpus, group_by)
    tone = tone if tone is not None else sentence_tone(corpus)
    pairs = mentions[["article_id", "sentence_id", "actor"]].drop_duplicates()
    sent = pairs.merge(tone, on=["article_id", "sentence_id"])
    sent.insert(0, "group", sent["article_id"].map(groups))
    summary = (sent.groupby(["group", "actor"], observed=True)
                   .agg(sentences=("compound", "size"), mean_compound=("compound", "mean"),
                        negative_share=("compound", lambda c: float((c <= -0.05).mean())))
                   .reset_index().sort_values(["group", "sentences"], ascending=[True, False]))
    return summary.reset_index(drop=True), sent


def hedge_counts(corpus: Corpus, *, group_by: str = "outlet", mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Hedges, evidentials and distancing markers: ``group, kind, term, match, actor,
    article_id, sentence_id, sentence`` (one row per occurrence; ``actor`` when the sentence
    mentions one, else empty)."""
    import pandas as pd

    groups = article_groups(corpus, group_by)
    lex = data_rows("hedges.csv")
    pats = [(_term_regex(r["term"]), r["term"], r["kind"]) for r in lex]
    actors_by_sent: dict[tuple[str, int], set[str]] = defaultdict(set)
    if mentions is not None:
        for aid, sid, actor in zip(mentions["article_id"], mentions["sentence_id"], mentions["actor"], strict=True):
            actors_by_sent[(aid, sid)].add(actor)
    s = corpus.sentences()
    rows = []
    for aid, sid, text in zip(s["article_id"], s["sentence_id"], s["text"], strict=True):
        for rx, term, kind in pats:
            for m in rx.finditer(text):
                for actor in sorted(actors_by_sent.get((aid, sid), {""})):
                    rows.append((groups[aid], kind, term, m.group(), actor, aid, sid, text))
    return pd.DataFrame(rows, columns=["group", "kind", "term", "match", "actor", "article_id", "sentence_id", "sentence"])


#: a quotation set off by a mark instead of a verb ("Romney: “…”", "“…” ― Christina Lastra")
_MARK_CUES = {":": "(colon, no verb)", "—": "(dash, no verb)", "–": "(dash, no verb)", "―": "(dash, no verb)",
              "--": "(dash, no verb)"}


def _has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _verb_lemma(form: str) -> str:
    """The verb a cue's form belongs to: "says" say, "accused … of" accuse (the first word's
    lemma), ":" "(colon, no verb)"; a form the lexicon lacks as written.

    >>> [_verb_lemma(f) for f in ["says", "called for", "put it", ":", "―"]]
    ['say', 'call for', 'put it', '(colon, no verb)', '(dash, no verb)']
    """
    lemmas = reporting_verbs()
    found = lemmas.get(form) or (lemmas.get(form.split()[0]) if form.split() else None)
    if found:
        return found[0]
    return form if _has_letter(form) else _MARK_CUES.get(form, "(mark, no verb)")


def sourcing(corpus: Corpus, *, group_by: str = "outlet", quotes: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Who is quoted and how, per group, from the quote table.

    Returns ``(speakers, verbs)``: speakers ``group, speaker, attributions, quotes, words,
    share_of_words, types``; verbs ``group, verb_class, verb, forms, quotes, percent``, where
    ``verb`` is the lemma ("said", "says" and "saying" are one verb, *say*: counted apart,
    an outlet that writes in the present tense looked as if it used other verbs), ``forms``
    the forms written, and ``percent`` the verb's share of the group's cued quotes (groups of
    different sizes compare by share, not count). ``attributions`` counts
    the times a speaker is cited (one cue, however many quote pieces); ``words`` counts each
    quoted word once (a partial quote inside its reported clause adds none: :func:`own_words`).
    Verb classes come from ``data/reporting_verbs.csv`` (neutral, assertive, critical,
    distancing, directive, emotive).
    """
    groups = article_groups(corpus, group_by)
    q = (quotes if quotes is not None else corpus.quotes()).copy()
    q["group"] = q["article_id"].map(groups)
    q["speaker"] = q["speaker"].fillna("(unattributed)")
    q["words"] = own_words(q)
    q["attribution"] = q["article_id"].astype(str) + "#" + q["attribution_id"].astype(str)
    sp = (q.groupby(["group", "speaker"], observed=True)
            .agg(attributions=("attribution", "nunique"), quotes=("quote", "size"), words=("words", "sum"),
                 types=("type", lambda t: ", ".join(f"{k} {v}" for k, v in Counter(t).most_common())))
            .reset_index())
    sp["share_of_words"] = sp["words"] / sp.groupby("group", observed=True)["words"].transform("sum")
    v = q.dropna(subset=["verb"])
    form = v["verb"].str.lower()
    v = v.assign(form=form, verb=form.map(_verb_lemma),
                 verb_class=v["verb_class"].fillna(form.map(lambda f: "other" if _has_letter(f) else "punctuation")))
    verbs = (v.groupby(["group", "verb_class", "verb"], observed=True)
              .agg(forms=("form", lambda f: ", ".join(k for k, _ in Counter(f).most_common())), quotes=("form", "size"))
              .reset_index())
    verbs["percent"] = 100 * verbs["quotes"] / verbs.groupby("group", observed=True)["quotes"].transform("sum")
    verbs = verbs.sort_values(["group", "quotes"], ascending=[True, False]).reset_index(drop=True)
    return sp.sort_values(["group", "words"], ascending=[True, False]).reset_index(drop=True), verbs


# ---------------------------------------------------------------------------- alignment
def _content_vectors(corpus: Corpus, ids: Iterable[str]) -> tuple[list[tuple[str, int, str]], list[Counter]]:
    toks = corpus.tokens()
    toks = toks[toks["article_id"].isin(list(ids)) & toks["is_word"] & ~toks["is_stop"]]
    keys, vecs = [], []
    sents = corpus.sentences()
    sents = sents[sents["article_id"].isin(list(ids))]
    grouped = {k: g["lower"].tolist() for k, g in toks.groupby(["article_id", "sentence_id"], observed=True)}
    for aid, sid, text in zip(sents["article_id"], sents["sentence_id"], sents["text"], strict=True):
        words = [w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w
                 for w in grouped.get((aid, sid), [])]
        keys.append((aid, sid, text))
        vecs.append(Counter(words))
    return keys, vecs


def align_sentences(corpus: Corpus, a_id: str, b_id: str, *, matched: float = 0.5,
                    paraphrased: float = 0.2) -> pd.DataFrame:
    """Similarity of every sentence of article ``a_id`` with every sentence of ``b_id``.

    TF-IDF cosine over content words (stopwords out, a crude plural fold), IDF from the two
    articles' sentences. Returns one row per pair with similarity > 0: ``a_sentence_id,
    b_sentence_id, similarity, shared, a_text, b_text`` (one-to-many allowed); ``shared`` is the
    number of content words the two sentences have in common, which
    :func:`alignment_summary` needs to be at least two: one rare word shared by two short
    sentences ("Millbrook transition fund: what investors need to know" and "They promised us
    a transition.") scores above the paraphrase threshold and is no paraphrase.
    """
    import pandas as pd

    keys, vecs = _content_vectors(corpus, [a_id, b_id])
    n = len(vecs)
    df = Counter(w for v in vecs for w in v)
    idf = {w: math.log((1 + n) / (1 + d)) + 1 for w, d in df.items()}
    weighted = []
    for v in vecs:
        w = {t: c * idf[t] for t, c in v.items()}
        norm = math.sqrt(sum(x * x for x in w.values())) or 1.0
        weighted.append({t: x / norm for t, x in w.items()})
    ai = [i for i, k in enumerate(keys) if k[0] == a_id]
    bi = [i for i, k in enumerate(keys) if k[0] == b_id]
    rows = []
    for i in ai:
        for j in bi:
            shared = weighted[i].keys() & weighted[j].keys()
            if shared:
                sim = sum(weighted[i][t] * weighted[j][t] for t in shared)
                rows.append((keys[i][1], keys[j][1], sim, len(shared), keys[i][2], keys[j][2]))
    out = pd.DataFrame(rows, columns=["a_sentence_id", "b_sentence_id", "similarity", "shared", "a_text", "b_text"])
    out.attrs.update({"a": a_id, "b": b_id, "matched": matched, "paraphrased": paraphrased})
    return out.sort_values("similarity", ascending=False).reset_index(drop=True)


def alignment_summary(corpus: Corpus, pairs: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, float]]:
    """Status of every sentence of both articles: ``article_id, sentence_id, status, best,
    best_match, text`` with status ``matched`` / ``paraphrased`` / ``unique``, and coverage:
    the share of each article's sentences that the other one also reports (matched or
    paraphrased). A paraphrase needs two shared content words or more (see
    :func:`align_sentences`); a match (``matched`` similarity or more) needs none."""
    import pandas as pd

    a_id, b_id = pairs.attrs["a"], pairs.attrs["b"]
    hi, lo = pairs.attrs["matched"], pairs.attrs["paraphrased"]
    sents = corpus.sentences()
    rows = []
    coverage = {}
    for aid, own, other_text in ((a_id, "a_sentence_id", "b_text"), (b_id, "b_sentence_id", "a_text")):
        s = sents[sents["article_id"] == aid]
        # one shared word is no paraphrase; a near-identical short sentence is a match
        counted = pairs[(pairs["shared"] >= 2) | (pairs["similarity"] >= hi)] if "shared" in pairs else pairs
        best = counted.sort_values("similarity", ascending=False).drop_duplicates(own).set_index(own)
        n_cov = 0
        for sid, text in zip(s["sentence_id"], s["text"], strict=True):
            sim = float(best.loc[sid, "similarity"]) if sid in best.index else 0.0
            status = "matched" if sim >= hi else "paraphrased" if sim >= lo else "unique"
            n_cov += status != "unique"
            match = best.loc[sid, other_text] if sid in best.index and status != "unique" else ""
            rows.append((aid, sid, status, round(sim, 3), match, text))
        coverage[aid] = n_cov / max(1, len(s))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "status", "best", "best_match", "text"]), coverage


def headline_lead(corpus: Corpus, *, mentions: pd.DataFrame | None = None,
                  lexicon: pd.DataFrame | str | None = None, tone: pd.DataFrame | None = None) -> pd.DataFrame:
    """Headline and lead (first body sentence) of every article with their actors, frames and
    tone: ``article_id, outlet, part, text, actors, frames, compound``."""
    import pandas as pd

    mentions = mentions if mentions is not None else actor_mentions(corpus)
    ev = frame_evidence(corpus, lexicon)
    tone = tone if tone is not None else sentence_tone(corpus)
    rows = []
    for a in corpus.articles:
        for sid, part in ((0, "headline"), (1, "lead")):
            t = tone[(tone["article_id"] == a.id) & (tone["sentence_id"] == sid)]
            if t.empty:
                continue
            acts = mentions[(mentions["article_id"] == a.id) & (mentions["sentence_id"] == sid)]["actor"]
            frs = ev[(ev["article_id"] == a.id) & (ev["sentence_id"] == sid)]["frame"]
            rows.append((a.id, a.outlet, part, t["text"].iloc[0], ", ".join(dict.fromkeys(acts)),
                         ", ".join(dict.fromkeys(frs)), float(t["compound"].iloc[0])))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "part", "text", "actors", "frames", "compound"])
