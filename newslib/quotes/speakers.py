"""Pass 3 — the speaker mention next to a cue.

``_np_before`` walks left from a verb to its subject ("X said", skipping adverbs, auxiliaries,
an apposition "X, a doctor, said", a dash aside before "who"); ``_np_after`` reads an
inverted subject ("said X", "according to X"); ``_subject`` finds the subject of the clause a
participle or infinitive hangs on ("…, saying …", "took to Twitter to accuse"); and
``_colon_source`` the source before a colon ("Mr Smith: “…”"). They return a ``_Mention``
(words and offsets as written); resolution to a name is the entities module's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import pairwise

from ..lexicons import given_names, reporting_verbs, speaker_words
from .entities import _POST_NOMINALS, _org_like, _person_nouns, _plural_people, _roles, places
from .references import ROLE_OF as _ROLE_OF
from .references import description_kind
from .words import (
    _AGE_RE,
    _BE_FORMS,
    _DETS,
    _DOCUMENT_NOUNS,
    _FUNCTION_WORDS,
    _LY_NOUNS,
    _MEDIUM_NOUNS,
    _MONTHS,
    _NOT_A_SPEAKER_END,
    _NOT_SUBJECT,
    _NUMBER_WORDS,
    _OPENING_PREPOSITIONS,
    _ORG_DESCRIPTIONS,
    _PARTY_TAG_RE,
    _PRONOUN_RE,
    _QUOTE_TOKS,
    _SKIP_BEFORE_VERB,
    _START,
    _SUBORDINATORS,
    _TIME_WORDS,
    _VERB_LIKE,
    _hearer_passive,
    _Mention,
    _tok_after,
    _TokIndex,
)


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


# prepositions after which a phrase may be a place or topic hanging on the speaker ("critics in the
# US", "a report on X", "ambassador to Britain", "people familiar with the matter")
_HEAD_PREPOSITIONS = frozenset({"in", "at", "from", "across", "on", "to", "with", "of", "for"})
#: participles that open a phrase between a subject and its verb ("A poll released in late August found")
_REDUCED_RELATIVE = frozenset("released published conducted issued commissioned carried polled surveyed interviewed "
                              "questioned quoted cited named based contacted asked produced compiled prepared "
                              "obtained seen filed presented unveiled sent made".split())
_TIME_MODIFIERS = frozenset("late early mid last next this".split())
_OWNER_WORDS = frozenset("the his her their its our my your".split())     # ("lawyers for the family"; not "for years")


def _name_after_place(ante: _Mention) -> _Mention | None:
    """The name of two or more capitalised words after a place or an acronym that opens
    ``ante`` ("Britain Liu Xiaoming", "the UN Nikki Haley"), else None ("the US", "Britain")."""
    words = ante.text.split()
    k = 1 if words[0] in ("the", "The") else 0
    for n in (2, 1):
        place = " ".join(words[k:k + n])
        rest = words[k + n:]
        if (place in places() or n == 1 and place.isupper() and 2 <= len(place) <= 5) and len(rest) >= 2 \
                and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in rest):
            start = ante.end - len(" ".join(rest))
            return _Mention(" ".join(rest), start, ante.end) if ante.text.endswith(" ".join(rest)) else None
    return None


#: a share of a group: "70 percent of Americans say", "a third of voters said" (the poll's
#: respondents speak, a share of them, as the article counts them)
_SHARE_WORDS = frozenset("percent cent % third thirds quarter quarters fifth fifths half majority minority "
                         "proportion share".split())


def _people_named(words: str) -> bool:
    """Whether a phrase ends with a plural of people: "voters", "the respondents", or one
    capitalised plural that is no place ("Americans", "Democrats"; not "Texas")."""
    last = words.split()[-1]
    return _plural_people(last.lower()) or " " not in words and last[:1].isupper() and last.endswith("s") \
        and not last.endswith("ss") and last not in places()


def _head_before_place(text: str, toks: list[tuple[str, int, int]], ante: _Mention) -> _Mention:
    """"critics in the US, who said": the people before a place phrase, not the place; "A
    National Audit Office report on the 20 biggest projects says": the report, not its topic."""
    i = bisect_left(toks, ante.start, key=_START)
    if i >= 3 and toks[i - 1][0].lower() in _HEAD_PREPOSITIONS and toks[i - 2][0] in _REDUCED_RELATIVE \
            and " and " not in ante.text and " but " not in ante.text:
        # "A Quinnipiac University poll released in late August found …": a participle's phrase
        # between the subject and its verb; the subject speaks, not "August"
        head = _np_before(text, toks, i - 3)
        if head is not None and head.end == toks[i - 3][2]:
            last = head.text.split()[-1].lower()
            if last in _DOCUMENT_NOUNS or last in speaker_words()["groups"] or _plural_people(last) \
                    or last in _person_nouns() or head.text[:1].isupper() and len(head.text.split()) > 1:
                return head
    if i >= 2 and toks[i - 1][0].lower() in _HEAD_PREPOSITIONS:
        if i >= 3 and toks[i - 2][0].lower() in _FAMILIAR:
            # "people familiar with the matter", "sources close to the minister": the whole
            # description, as news writes it
            head = _np_before(text, toks, i - 3)
            return _Mention(text[head.start:ante.end], head.start, ante.end) if head is not None else ante
        if toks[i - 1][0].lower() == "of":
            # "executives of both companies announced": the people, described as the article does
            head = _np_before(text, toks, i - 2)
            last = head.text.split()[-1].lower() if head is not None else ""
            return _Mention(text[head.start:ante.end], head.start, ante.end) if head is not None \
                and head.end == toks[i - 2][2] and (_plural_people(last) or last in speaker_words()["groups"]
                                                     or last in _SHARE_WORDS and _people_named(ante.text)) else ante
        if toks[i - 1][0].lower() == "with":
            head = _np_before(text, toks, i - 2)     # "Officials with the ministry said": the officials
            return head if head is not None and head.text.split()[-1].lower() in speaker_words()["groups"] else ante
        head = _np_before(text, toks, i - 2)
        last = head.text.split()[-1].lower() if head is not None else ""
        speaks = last in speaker_words()["groups"] or last in _person_nouns() or _plural_people(last)   # ("Executives across the world")
        if toks[i - 1][0].lower() == "on":     # (with "on", only a document or a person's noun)
            return head if head is not None and (speaks or last in _DOCUMENT_NOUNS) else ante
        if toks[i - 1][0].lower() == "to" and (named := _name_after_place(ante)) is not None:
            return named    # "China's ambassador to Britain Liu Xiaoming": the name after the place
        if toks[i - 1][0].lower() in ("to", "for") and head is not None and head.end == toks[i - 2][2] \
                and (_plural_people(last) or last in speaker_words()["groups"]) \
                and (ante.text[:1].isupper() or ante.text.split()[0].lower() in _OWNER_WORDS):
            # "advisers to Mr. Obama say", "lawyers for the family said": the people, not whom
            # they work for
            return _Mention(text[head.start:ante.end], head.start, ante.end)
        if toks[i - 1][0].lower() == "for":
            # "A lawyer for the three bloggers said": the whole description; "an adviser for
            # Labour, which denies …": the relative is Labour's
            if head is None or head.end != toks[i - 2][2] or not (last in _person_nouns() or last in _roles()) \
                    or not (ante.text[:1].isupper() or ante.text.split()[0].lower() in _OWNER_WORDS) \
                    or text[ante.end:ante.end + 8].startswith((", which", " which")):
                return ante
            return _Mention(text[head.start:ante.end], head.start, ante.end)
        if toks[i - 1][0].lower() == "to":     # "China's ambassador to Britain", "an adviser to the PM"
            # (not before an apposition: "shadow chief secretary to the Treasury, George Osborne,")
            return head if head is not None and last in _roles() and text[ante.end:ante.end + 1] != "," else ante
        if head is not None and (speaks     # ("A legal expert in the US speculated")
                                 # "The BBC's Zubair Ahmed in Mumbai says": a name before the place
                                 or len(head.text.split()) >= 2 and all(w[:1].isupper() for w in head.text.split()[-2:])):
            return head
    return ante


def _np_before(text: str, toks: list[tuple[str, int, int]], j: int) -> _Mention | None:
    """Noun phrase ending at token index ``j`` (inclusive), walking left: past adverbs, times
    and asides to the subject's end, then an apposition, a relative pronoun or a pronoun, else
    the phrase itself."""
    if j >= 1 and toks[j][0] == "!" and toks[j - 1][2] == toks[j][1] and toks[j - 1][0][:1].isupper():
        j -= 1      # "Yahoo! said", "OutRage! said": the mark is the name's, no sentence's end
    j = _subject_end(toks, j)
    if j >= 1 and toks[j][0] in _REDUCED_RELATIVE \
            and (toks[j - 1][0].lower() in _DOCUMENT_NOUNS or toks[j - 1][0].lower() in speaker_words()["groups"]):
        j -= 1      # "A report published on Monday said": the report (its participle is no subject)
    if 1 <= j < len(toks) - 1 and "-" in text[toks[j][2]:toks[j + 1][1]]:
        j = _before_spaced_dashes(text, toks, j)
    if j >= 0 and toks[j][0] == ",":
        return _before_apposition(text, toks, j)
    if j < 0:
        return None
    if j >= 2 and toks[j - 1][0] == "," and toks[j][0] in _POST_NOMINALS and toks[j - 2][0][:1].isupper():
        j -= 2      # "Judge Richard Mawrey, QC told the hearing": the name, not its letters
    found = _head_word(text, toks, j)
    if found is not _PHRASE:
        return found
    bounds = _phrase_bounds(toks, j)
    if bounds and (name := _name_before_open_apposition(text, toks, bounds[0])) is not None:
        return name
    found = _phrase_mention(text, toks, *bounds) if bounds else None
    if found is not None and (head := _head_before_relative(text, toks, bounds[0])) is not None:
        return head
    # "Critics in the US said", "The BBC's Zubair Ahmed in Mumbai says": the head before the place
    # (only after a place preposition: most phrases have none, and the helper re-reads the tokens)
    if found is None or bounds[0] < 2:
        return found
    p = bounds[0] - 1
    while p >= 2 and toks[p][0] in _TIME_MODIFIERS:
        p -= 1      # "released in late August": the time's modifier belongs to the phrase
    if toks[p][0].lower() not in _HEAD_PREPOSITIONS:
        return found
    if p == bounds[0] - 1:
        return _head_before_place(text, toks, found)
    ante = _Mention(text[toks[p + 1][1]:found.end], toks[p + 1][1], found.end)
    head = _head_before_place(text, toks, ante)
    return found if head is ante else head


def _head_before_relative(text: str, toks: list[tuple[str, int, int]], first: int) -> _Mention | None:
    """"Analysts who have done the calculations say": the phrase before a short relative clause
    (no comma, lower-case words only) speaks, not the object inside the clause, when it is
    people or a name."""
    k = first - 1
    while k >= 1 and first - k <= 6 and toks[k][0].isalpha() and toks[k][0].islower() \
            and toks[k][0] not in {"who", "that"}:
        k -= 1
    if k < 1 or toks[k][0] not in {"who", "that"} or k == first - 1:
        return None
    head = _np_before(text, toks, k - 1)
    if head is None or head.end != toks[k - 1][2]:
        return None
    last = head.text.split()[-1]
    return head if _plural_people(last.lower()) or last.lower() in _person_nouns() \
        or last.lower() in speaker_words()["groups"] or last[:1].isupper() else None


def _name_before_open_apposition(text: str, toks: list[tuple[str, int, int]], first: int) -> _Mention | None:
    """"Katrina Bull, a prospective parliamentary candidate said": an apposition whose closing
    comma is missing; the person's name (a given name and a surname opening the sentence) is
    the subject, not the description."""
    if first != 3 and first != 4 or toks[first - 1][0] != "," or toks[first][0].lower() not in {"a", "an", "the"}:
        return None
    words = [t[0] for t in toks[:first - 1]]
    if not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return None
    head = toks[j_end][0].lower() if (j_end := _phrase_end(toks, first)) is not None else ""
    if words[0].lower() not in given_names() and not (
            head in _roles() and not _STOP_OR_TIME & {w.lower() for w in words}):
        return None     # (a name not known as one: a person's description after it, no "On Monday")
    return _Mention(text[toks[0][1]:toks[first - 2][2]], toks[0][1], toks[first - 2][2])


def _phrase_end(toks: list[tuple[str, int, int]], first: int) -> int | None:
    """The last token before the verb of a phrase opening at ``first`` (its head)."""
    k = first
    while k + 1 < len(toks) and toks[k + 1][0][:1].isalpha() and toks[k + 1][0].lower() not in reporting_verbs():
        k += 1
    return k if k > first else None


_STOP_OR_TIME = frozenset("on in at by for from with after before during since this last next monday tuesday "
                          "wednesday thursday friday saturday sunday january february march april may june july "
                          "august september october november december".split())


def _with_subject(text: str, toks: list[tuple[str, int, int]], vi: int) -> _Mention | None:
    """"…, with finance minister Hans Eichel saying it showed …", "with analysts saying": the
    phrase between "with" and a participle speaks (not the sentence's subject, "Berlin")."""
    for k in range(vi - 1, max(-1, vi - 8), -1):
        tok = toks[k][0]
        if tok.lower() == "with":
            ment = _np_before(text, toks, vi - 1) if k + 1 < vi else None
            return ment if ment is not None and ment.start >= toks[k + 1][1] else None
        if tok in {",", ".", ";", ":", "“", "”", '"', "(", ")"}:
            return None
    return None


_DASHES = frozenset({"-", "–", "—", "--"})
_QUANTIFIER_SUBJECTS = frozenset("Some Many Most Several Others Few Two Three Four Five Six Seven Eight Nine Ten".split())
_FAMILIAR = frozenset({"familiar", "close", "briefed"})    # "sources close to / familiar with / briefed on"
_FLOATING_BEFORE = frozenset("have has had are were will would they we".split())   # "…have all said"
_STOPS = frozenset({".", ";", ":", "“", "”", '"', "(", ")"})


def _before_spaced_dashes(text: str, toks: list[tuple[str, int, int]], j: int) -> int:
    """The token before an aside set off by spaced hyphens, which are no tokens ("Florian Hamm
    - Borussia Dortmund's largest investor - said"), ending at ``j``; else ``j``."""
    for k in range(j, max(0, j - 15), -1):
        gap = text[toks[k - 1][2]:toks[k][1]]
        if " - " in gap or " -- " in gap:
            return k - 1
        if any(c in gap for c in ".;:“”\"()"):
            break
    return j


#: participles of perception before a speaking verb ("is heard asking", "was seen telling")
_PERCEIVED = frozenset("heard seen shown filmed caught recorded pictured".split())


def _subject_end(toks: list[tuple[str, int, int]], j: int) -> int:
    """Skip auxiliaries and adverbs ("Iran proudly announced"), a parenthesis, an aside in
    dashes and a time phrase ("on Monday") between a subject and its verb."""
    while j >= 0:
        low = toks[j][0].lower()
        if low in _SKIP_BEFORE_VERB or (low.endswith("ly") and toks[j][0].isalpha() and toks[j][0].islower()
                                         and low not in _LY_NOUNS and len(low) > 4):
            j -= 1
        elif low in _PERCEIVED and j >= 2 and toks[j - 1][0].lower() in _BE_FORMS:
            j -= 2      # "Mr Livingstone is heard asking": perceived doing it, the subject before
        elif low in {"all", "both"} and j >= 1 and toks[j - 1][0].lower() in _FLOATING_BEFORE:
            j -= 1      # "The Daily Mail & General Trust have all said", "They both said"
        elif toks[j][0] == ")":
            k = j - 1
            while k >= 0 and toks[k][0] != "(" and j - k < 8:
                k -= 1
            if k < 0 or toks[k][0] != "(":
                break
            j = k - 1
        elif toks[j][0] in _DASHES and j >= 2:
            # "Florian Hamm - Borussia Dortmund's largest investor - said": an aside in dashes
            k = next((k for k in range(j - 1, max(-1, j - 16), -1) if toks[k][0] in _DASHES or toks[k][0] in _STOPS), -1)
            if k < 1 or toks[k][0] not in _DASHES:
                break
            j = k - 1
        elif j >= 1 and toks[j - 1][0].lower() in {"on", "in", "last", "this", "earlier"} and (
                toks[j][0][:1].isdigit() or low in _TIME_WORDS or low in _MONTHS):
            j -= 2      # ("Clark in October revealed": a month is no subject)
        else:
            break
    return j


def _before_apposition(text: str, toks: list[tuple[str, int, int]], j: int) -> _Mention | None:
    """The subject before a comma at ``j``: "X, a doctor at the clinic, said" (X); "The
    finance minister, Olga Petrova, said" (the name); "Peter Ainsworth MP, said" (the whole
    subject opening the sentence)."""
    k = j - 1
    while k >= 0 and j - k < 30:
        if toks[k][0] == ")" and k >= 2 and toks[k - 2][0] == "(" and toks[k - 1][0][:1].isupper() \
                and len(toks[k - 1][0]) <= 8:
            k -= 3      # "Nigel Marson, head of marketing at Transport for London (TfL), said": an acronym
            continue
        if toks[k][0] in {",", ".", ":", ";", "“", "”", '"', "(", ")"}:
            break
        k -= 1
    if k >= 0 and toks[k][0] == "," and k - 1 >= 0:
        appos = toks[k + 1:j]
        if len(appos) >= 4 and appos[-1][0] == ")" and appos[-3][0] == "(":
            appos = appos[:-3]      # (the acronym after a name: "Oil & Natural Gas Corp (ONGC)")
        appos = [t for t in appos if t[0] != "&"] if len(appos) >= 3 and appos[0][0][:1].isupper() else appos
        low = [t[0].lower() for t in appos]
        if len(low) > 1 and (low[0] in _CLAUSE_OPENERS or low[0] not in _APPOSITION_OPENERS and appos[0][0][:1].islower()
                             and any(w in _FINITE for w in low) and not any(w in _RELATIVES for w in low)):
            return None     # "…, but the important thing was the content, said Mr Thomas": a clause
        while k >= 2 and toks[k - 1][0].isdigit() and len(toks[k - 1][0]) <= 3 and toks[k - 2][0] == ",":
            k -= 2      # "Stephen Douglas, 26, from Wales, said": an age between name and apposition
        inner = _np_before(text, toks, k - 1)
        if inner is not None and appos and all(t[0][:1].isupper() for t in appos) and len(appos) <= 4 \
                and (inner.text[:1].isupper() or inner.text.split()[0].lower() in _DETS) \
                and (not any(w[:1].isupper() and w.lower() not in speaker_words()["titles"]
                             for w in inner.text.split()[1:])    # "Argentina's President, Nestor Kirchner,"
                     # "The head of … school St Fintian's, Richard Fogarty,": a person after a non-person
                     or 2 <= len(appos) <= 3 and appos[0][0].lower() in given_names()
                     and inner.text.split()[0].lower() not in given_names()
                     # "The chairman of the MCB's public affairs committee, Sher Khan, said"
                     or len(appos) >= 2 and description_kind(inner.text) == "person"):
            return _Mention(text[appos[0][1]:appos[-1][2]], appos[0][1], appos[-1][2])
        if inner is not None and 2 <= len(appos) <= 4 and all(t[0][:1].isupper() for t in appos) \
                and (i := bisect_left(toks, inner.start, key=_START)) >= 2 and toks[i - 1][0] in {"to", "at", "for", "of"} \
                and toks[i - 2][0].lower() in _roles():
            # "Britain's ambassador to the US, Kim Darroch, said": the name, not the place
            return _Mention(text[appos[0][1]:appos[-1][2]], appos[0][1], appos[-1][2])
        if inner is not None and (opening := _opening_name_apposed(text, toks, j)) is not None:
            return opening
        if inner is not None:
            return _name_before_descriptions(text, toks, inner) or inner
    if k < 0 and j >= 1:
        whole = _np_before(text, toks, j - 1)
        if whole is not None and whole.start == toks[0][1] and whole.text[:1].isupper() \
                and not _FINITE & set(whole.text.lower().split()):
            return whole    # (not a clause: "Prices will rise, said chairman John Smith.")
        before = text[toks[0][1]:whole.start].lower().split() if whole is not None else []
        if before and before[-1] in _roles() and not _FINITE & set(before) \
                and len(whole.text.split()) >= 2 and all(w[:1].isupper() for w in whole.text.split()):
            return whole    # "The men's solicitor Matthew Knight, said that …": a stray comma after the name
    return None


def _opening_name_apposed(text: str, toks: list[tuple[str, int, int]], j: int) -> _Mention | None:
    """The name opening the sentence when all from its comma to ``j`` is one apposition, with
    commas of its own: "Prince Andrew, the younger brother of heir to the British throne,
    Charles, has told …" is Prince Andrew (not the throne, nor Charles)."""
    first = next((i for i, t in enumerate(toks[:j]) if t[0] == ","), None)
    if first is None or first < 1 or first + 1 >= j or toks[first + 1][0].lower() not in ("the", "a", "an"):
        return None
    low = {t[0].lower() for t in toks[first + 1:j]}
    if low & _FINITE or low & _CLAUSE_OPENERS or low & _RELATIVES:
        return None     # a clause, not an apposition
    name = _np_before(text, toks, first - 1)
    if name is None or name.start != toks[0][1] or not all(w[:1].isupper() for w in name.text.split()) \
            or len(name.text.split()) < 2:
        return None
    return name


_PHRASE = _Mention("", -1, -1)   # "no special head word: read the noun phrase"
#: what opens or marks a clause, never an apposition ("X, a doctor, said" is one; "…, but the
#: thing was …, said" is not)
_CLAUSE_OPENERS = frozenset("but and or yet so because although though while whereas".split())
_FINITE = frozenset("is was are were has have had will would can could shall should must does did".split())
#: an apposition may hold a verb when it opens with these ("X, who has led the party, said")
_APPOSITION_OPENERS = frozenset("who whose which a an the his her its their".split())
_RELATIVES = frozenset("who whom whose which".split())   # "X, for whom the ban is …, say"


def _head_word(text: str, toks: list[tuple[str, int, int]], j: int) -> _Mention | None:
    """The head word decides: "mother of three", "which"/"who" (their antecedent), a function
    word or "that's" (no speaker), a pronoun; ``_PHRASE`` when none of these."""
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
    if tok in _QUANTIFIER_SUBJECTS and (j == 0 or toks[j - 1][0] in _STOPS or toks[j - 1][0] in {",", "But", "And"}) \
            and j + 1 < len(toks) and (toks[j + 1][0].lower() in reporting_verbs()
                                       or toks[j + 1][0].lower() in {"have", "had", "also", "will", "would"}):
        return _Mention(tok, toks[j][1], toks[j][2])    # "Some said they felt dejected": some of them
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
                ante = _name_before_descriptions(text, toks, ante) or ante
                # the mention stays "who", as written where the attribution is; the speaker
                # resolves through the antecedent
                return _Mention(tok, toks[j][1], toks[j][2], ref=ante)
        return _Mention(tok, toks[j][1], toks[j][2])
    return _PHRASE


_DIGIT_NAME_RE = re.compile(r"\d+[A-Z][A-Za-z]*")


_TIME_ADVERBS = frozenset({"now", "also", "still", "today", "yesterday", "later", "earlier", "previously",
                           "recently", "then", "too", "often", "repeatedly", "again", "already", "afterwards",
                           "afterward"})


def _noun_word(toks: list[tuple[str, int, int]], k: int, end_i: int) -> bool:
    """Whether the lower-case token ``k`` can be a word of the phrase ending at ``end_i``: any
    word but a reporting verb's form, and that too right before the verb after a determiner
    ("the secretary of state said", "with reports"), as a participle after "those" ("50% of
    those questioned said") or as a document's name after a capitalised word ("an NAO report")."""
    low = toks[k][0].lower()
    if low not in reporting_verbs():
        return True
    before = toks[k - 1][0].lower() if k >= 1 else ""
    return k == end_i and (not low.endswith(("ed", "ing")) and (before in _DETS or before in {"of", "with"})
                           or before == "those"
                           # "A National Audit Office report on …": a named document
                           # ("Growing reports suggest", "Media reports say": a plural one too)
                           or (low in _DOCUMENT_NOUNS or low[-1:] == "s" and low[:-1] in _DOCUMENT_NOUNS) and k >= 1 and (
                               toks[k - 1][0][:1].isupper()
                               # "The latest report says", "a new study by …": a determiner and a word
                               or k >= 2 and (toks[k - 2][0].lower() in _DETS or toks[k - 2][0].endswith(("'s", "’s")))
                               and toks[k - 1][0].isalpha()
                               and toks[k - 1][0].lower() not in reporting_verbs()))


def _time_and(toks: list[tuple[str, int, int]], k: int) -> bool:
    """Whether token ``k`` is an "and" after a time ("… rose in January and Nationwide …"),
    which joins no name to the one after it."""
    return toks[k][0].lower() == "and" and k >= 2 and toks[k - 1][0].lower() in _MONTHS | _TIME_WORDS \
        and toks[k - 2][0].lower() in {"in", "on", "since", "by", "until", "from", "last", "next"}


def _phrase_bounds(toks: list[tuple[str, int, int]], j: int) -> tuple[int, int] | None:
    """(first, last) token of the noun phrase ending at ``j``: capitalised words, "of"/"'s"
    inside a name, a determiner or number opening it, a short lower-case phrase ("a campaign
    operative"); leading connectors trimmed."""
    w = speaker_words()
    while j > 0 and toks[j][0].lower() in _TIME_ADVERBS and toks[j - 1][0][:1].isalpha():
        j -= 1      # "Officials now say", "Analysts today said": the phrase ends before the adverb
    end_i = k = j
    seen_cap = False
    while k >= 0 and end_i - k < 8:
        t = toks[k][0]
        low = t.lower()
        if t[0].isupper() and t[0].isalpha() or _DIGIT_NAME_RE.fullmatch(t):
            seen_cap = True     # "consultancy 4Cast said", "3M"
            k -= 1
            continue
        if low == "," and seen_cap and _list_in_name(toks, k, end_i):     # ("Department for Culture, Media and Sport")
            k -= 1
            continue
        if low in {"'s", "’s"} or low in {"of", "for", "at", "and", "on"} and seen_cap and k - 1 >= 0 and toks[k - 1][0][:1].isupper() \
                and not (low == "on" and toks[k + 1][0].lower() in _STOP_OR_TIME) and not _time_and(toks, k):
            # ("the Council on Foreign Relations"; not "FA on Monday", "in January and Nationwide")
            k -= 1
            continue
        if low == "of" and seen_cap and k >= 2 and (toks[k - 1][0].lower() in _person_nouns() or toks[k - 1][0].lower() in _ROLE_OF):
            # "The star of Rain Man and Tootsie said": the star, not the films; "The 58-year-old
            # US singer of Because the Night": modifiers between the article and the noun
            det = next((m for m in range(k - 2, max(-1, k - 6), -1) if toks[m][0].lower() in _DETS
                        or not toks[m][0][:1].isalnum()), None)
            if det is not None and toks[det][0].lower() in _DETS:
                k = det - 1
                break
        if low in _DETS and seen_cap and _article_inside_name(toks, k):
            k -= 2      # ("the Welfare of Immigrants" is part of "the Joint Council for …")
            continue
        if low in _DETS or (t[:1].isdigit() and not seen_cap and k < end_i):
            k -= 1      # "the spokesman", "73 percent": a determiner or a number opens the phrase
            break
        if low in {"which", "who", "whom", "whose", "that", "where", "when"}:
            break       # "a merger between Rosneft and Gazprom which authorities have said"
        if not seen_cap and low in {"from", "to", "with", "by", "into", "than", "about", "after", "before", "since",
                                    "because", "until", "if", "as", "when", "while"}:
            break       # "One e-mail came from someone who claimed": someone; "This comes after police said"
        if (t[0].isalpha() and t.islower() or re.fullmatch(r"\d[\w.]*-[a-z][\w-]*", t)) and not seen_cap \
                and _noun_word(toks, k, end_i) and (end_i - k) < 4:
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
    while start_i <= end_i and toks[start_i][0].lower() in {"but", "and", "so", "yet", "however", "meanwhile", "still", "even"} | _TIME_ADVERBS:
        start_i += 1
    if start_i > end_i:
        return None
    return _with_part_of(toks, _after_place_and(toks, start_i, end_i)), end_i


def _after_place_and(toks: list[tuple[str, int, int]], start_i: int, end_i: int) -> int:
    """Where a phrase of names joined by "and" starts when a preposition stands before it: "…
    after a 0-0 tie at Old Trafford and Ancelotti said" — the place is the preposition's, the
    clause after "and" has its own subject."""
    if start_i >= 1 and toks[start_i - 1][0] in _PLACE_PREPOSITIONS and toks[start_i][0][:1].isupper() \
            and (ands := [m for m in range(start_i + 1, end_i) if toks[m][0] == "and"]) and toks[ands[-1] + 1][0][:1].isupper():
        return ands[-1] + 1
    return start_i


#: prepositions whose capitalised object is a place or a thing, not a speaker
_PLACE_PREPOSITIONS = frozenset("at in on against near outside inside".split())    # (not "surveys from X and Y")


def _article_inside_name(toks: list[tuple[str, int, int]], k: int) -> bool:
    """Whether the article at ``k``, after a capitalised word, is inside a name or a title, not
    opening the phrase: "the Joint Council for the Welfare of Immigrants" (after an
    organisation's word and "for", "of" or "on"), "singer of Because the Night" (a title after
    a person's noun and "of")."""
    if k >= 2 and toks[k - 1][0] in {"for", "of", "on"} and toks[k - 2][0][:1].isupper() \
            and toks[k - 2][0].lower() in speaker_words()["organisations"]:
        return True
    if k >= 4 and toks[k - 1][0] == "and" and k + 2 < len(toks) and toks[k + 1][0][:1].isupper() \
            and not toks[k + 2][0][:1].isupper() and toks[k + 1][0].lower() not in speaker_words()["organisations"] \
            and _named_for(toks, k - 2):
        return True     # "the Economic Commission for Latin America and the Caribbean"
    return k >= 3 and toks[k - 1][0][:1].isupper() and toks[k - 2][0] == "of" \
        and (toks[k - 3][0].lower() in _person_nouns() or toks[k - 3][0].lower() in _ROLE_OF)


def _named_for(toks: list[tuple[str, int, int]], k: int, preps: tuple[str, ...] = ("for", "of")) -> bool:
    """Whether the capitalised words ending at ``k`` follow "for" or "of" after an
    organisation's word ("Commission for Latin America", "Department for Culture"): a name
    whose object may go on with "and" or a list ("… and the Caribbean", "…, Media and Sport";
    a list only after "for": "the Council of Mortgage Lenders, British Bankers Association and
    …" are three bodies)."""
    m = k
    while m >= 0 and k - m < 4 and toks[m][0][:1].isupper():
        m -= 1
    return m < k and m >= 1 and toks[m][0] in preps and toks[m - 1][0][:1].isupper() \
        and toks[m - 1][0].lower() in speaker_words()["organisations"]


def _list_in_name(toks: list[tuple[str, int, int]], k: int, end_i: int) -> bool:
    """Whether the comma at ``k`` lists the objects of a name's "for" ("the Department for
    Culture, Media and Sport"): a capitalised word after it and an "and" before ``end_i``."""
    return k >= 3 and toks[k + 1][0][:1].isupper() and _named_for(toks, k - 1, ("for",)) \
        and any(toks[m][0] == "and" for m in range(k + 2, end_i))


def _with_part_of(toks: list[tuple[str, int, int]], start_i: int) -> int:
    """Where a phrase starts when "one of", "two of" stands before it: "One of the doctors
    said" is one of them, not the doctors."""
    if start_i >= 2 and toks[start_i - 1][0] == "of" and toks[start_i - 2][0].lower() in _PART_OF \
            and toks[start_i][0].lower() in _DETS:
        return start_i - 2
    return start_i


#: words for some of a group ("one of the doctors", "two of his aides")
_PART_OF = frozenset("one two three some many most several few half none each all any".split())


def _name_before_description(text: str, toks: list[tuple[str, int, int]], start_i: int) -> _Mention | None:
    """"Marc Ostwald, a strategist at Monument Securities told": the phrase before the verb
    ends a description after a name (no closing comma, as BBC copy often writes it); the name
    is the speaker, not the firm."""
    p = start_i - 1     # the preposition, past a few lower-case words ("of gay group OutRage")
    while p >= start_i - 3 and p >= 1 and toks[p][0].isalpha() and toks[p][0].islower() \
            and toks[p][0] not in {"at", "of", "for", "with", "from", "in"}:
        p -= 1
    if p < 1 or toks[p][0].lower() not in {"at", "of", "for", "with", "from", "in"}:
        return None
    # "Nigel McCune from the Musicians' Union said": a person's name right before the phrase
    for n in (3, 2):
        i0 = p - n
        if i0 >= 0 and all(t[0][:1].isupper() and t[0].isalpha() for t in toks[i0:p]) \
                and (toks[i0][0].lower() in given_names() or _titled_elsewhere(text, toks[p - 1][0])) \
                and (i0 == 0 or not toks[i0 - 1][0][:1].isupper() or toks[i0 - 1][0] in {",", "“", "”", '"'}):
            return _Mention(text[toks[i0][1]:toks[p - 1][2]], toks[i0][1], toks[p - 1][2])
    if start_i < 4 or p < start_i - 1:
        return None
    for k in range(start_i - 2, max(0, start_i - 12), -1):
        if toks[k][0] in {".", ";", ":", "“", "”", '"'}:
            return None
        if toks[k][0] == "," and k + 1 < start_i and toks[k + 1][0].lower() in {"a", "an", "the"} and k >= 1:
            name = _np_before(text, toks, k - 1)
            if name is not None and len(name.text.split()) >= 2 and all(
                    w[:1].isupper() for w in name.text.split()) and not _object_of_preposition(text, toks, name):
                return name
            return None
    return None


def _object_of_preposition(text: str, toks: list[tuple[str, int, int]], name: _Mention) -> bool:
    """Whether a preposition stands right before ``name`` ("Speaking to Breitbart London, a
    spokesperson from … said": the one spoken to, which a description after it does not describe)."""
    i = bisect_left(toks, name.start, key=lambda t: t[1])
    return 1 <= i < len(toks) and toks[i - 1][0].lower() in _HEAD_PREPOSITIONS | {"by", "for"}


def _name_before_descriptions(text: str, toks: list[tuple[str, int, int]], ante: _Mention) -> _Mention | None:
    """"David Kahn - a former Yale historian, and a leading expert on code-breaking, who has
    confirmed": a description that a relative clause follows, in a list of descriptions set off
    by a dash after a name, describes that name."""
    i = next((k for k, t in enumerate(toks) if t[1] == ante.start), None)
    if i is None:
        return None
    words = ante.text.split()
    if words[0].lower() in {"a", "an", "the"} and "of" in words[2:] \
            and all(w.isalpha() and w.islower() for w in words[:words.index("of")]) and i >= 2 and toks[i - 1][0] == ",":
        # "John Smith, the son of Adam Smith, who said": the role and its "of" phrase describe the name
        name = _np_before(text, toks, i - 2)
        if name is not None and len(name.text.split()) >= 2 and all(w[:1].isupper() for w in name.text.split()):
            return name
    if i >= 2 and toks[i - 1][0].lower().removeprefix("ex-") in speaker_words()["titles"] and toks[i - 2][0] == "of":
        i -= 1      # ("… daughter of ex-King Michael of Romania, who": the title is the object's)
    if words[0].lower() not in {"a", "an", "the"} and not (i >= 1 and toks[i - 1][0] == "of"):
        return None     # (a name after "of" is a role's object: "Princess Marguerite of Romania, the
        #                 eldest daughter of ex-King Michael of Romania, who said": the princess)
    for k in range(i - 1, max(0, i - 25), -1):
        if toks[k][0] in {".", ";", ":", "“", "”", '"', "(", ")"}:
            return None
        if toks[k][0].lower() in {"a", "an", "the"} and _is_dash_gap(text, toks, k):
            return _name_before_dash(text, toks, k)
        if toks[k][0] == ",":
            # "Lord Condon, head of the ICC's anti-corruption unit, who …": the name before a
            # role's description between commas
            role = [t[0].lower() for t in toks[k + 1:i]]
            if k >= 2 and role and role[-1] == "of" and all(w.isalpha() and w.islower() for w in role) and len(role) <= 5:
                name = _np_before(text, toks, k - 1)
                if name is not None and len(name.text.split()) >= 2 and name.text.split()[-1][:1].isupper() \
                        and all(w[:1].isupper() or w == "of" for w in name.text.split()):
                    return name     # ("Princess Marguerite of Romania")
    return None


def _name_before_dash(text: str, toks: list[tuple[str, int, int]], start_i: int) -> _Mention | None:
    """"David Kahn - a leading expert on code-breaking - said": a description set off by a dash
    after a name describes that name, who is the speaker."""
    if start_i < 2 or toks[start_i][0].lower() not in {"a", "an", "the"} or not _is_dash_gap(text, toks, start_i):
        return None
    k = start_i - 1 if toks[start_i - 1][0] not in {"—", "–", "―"} else start_i - 2
    name = _np_before(text, toks, k) if k >= 0 else None
    if name is not None and len(name.text.split()) >= 2 and all(w[:1].isupper() for w in name.text.split()):
        return name
    return None


def _name_before_open_role(text: str, toks: list[tuple[str, int, int]], start_i: int) -> _Mention | None:
    """"John Connors, Microsoft's chief financial officer said", "JF Sullivan, spokesman for
    e-mail software firm Sendmail said": a role set off by a comma after a name and not closed
    before the verb (as BBC copy often writes it) describes the name, which speaks."""
    for k in range(start_i, max(0, start_i - 16), -1):
        t = toks[k][0]
        if t in {".", ";", ":", "“", "”", '"', "(", ")"}:
            return None
        if t != "," or 0 < k < len(toks) - 1 and toks[k - 1][0].isdigit() and toks[k + 1][0].isdigit():
            continue    # (not the comma inside "£150,000")
        if k < 2 or k + 1 >= len(toks):
            return None
        opener = toks[k + 1][0]
        relative = opener == "who" and k - 1 <= 2     # "Mr Galloway, who on Thursday won … from the Daily
        #                                               Telegraph said …": a relative clause left open
        owner_role = opener[:1].isupper() and k + 2 < len(toks) and toks[k + 2][0] in _roles()    # ("PTC president")
        if not (relative or owner_role or opener[:1].isupper() and opener.endswith(("'s", "’s"))
                or opener.islower() and opener in _roles()):
            return None
        if not relative and any(x[0].lower() in _FINITE for x in toks[k + 1:start_i + 1]):
            return None
        name = _np_before(text, toks, k - 1)
        if name is not None and 2 <= len(name.text.split()) <= 4 and all(w[:1].isupper() for w in name.text.split()) \
                and not _object_of_preposition(text, toks, name):
            return name
        return None
    return None


def _titled_elsewhere(text: str, surname: str) -> bool:
    """Whether the article calls someone "Ms ``surname``" (or Mr, Mrs, Miss, Dr): then "Rhian
    Beynon of the JCWI" is a person's name, though "Rhian" is no given name the lexicon knows."""
    return surname.lower() not in speaker_words()["organisations"] and re.search(
        r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.? " + re.escape(surname) + r"\b", text) is not None


def _phrase_mention(text: str, toks: list[tuple[str, int, int]], start_i: int, end_i: int) -> _Mention | None:
    """The mention for the phrase ``toks[start_i:end_i + 1]`` when it can name a speaker:
    "a spokesperson for the Home Office" (the person), not "In August" or "in a statement"."""
    w = speaker_words()
    named = _name_before_description(text, toks, start_i) or _name_before_dash(text, toks, start_i) \
        or _name_before_open_role(text, toks, start_i)
    if named is not None:
        return named
    phrase_toks = toks[start_i:end_i + 1]
    head = phrase_toks[-1][0]
    if phrase_toks[0][0][:1].isdigit() and any(t[0].lower() in _SKIP_BEFORE_VERB or t[0].lower() in _VERB_LIKE
                                               or t[0].lower() in {"been", "be", "only"} for t in phrase_toks):
        return None     # "2005 have been": a number and a verb, no noun phrase
    if not (any(t[0][:1].isupper() or _DIGIT_NAME_RE.fullmatch(t[0]) for t in phrase_toks) or head.lower() in w["groups"]
            or (phrase_toks[0][0][:1].isdigit() and len(phrase_toks) >= 2)
            or head.lower().rstrip("s") in w["groups"] or head.lower() in w["titles"]
            or (phrase_toks[0][0].lower() in _DETS and len(phrase_toks) >= 2)):
        return None
    if all(t[0].lower() in _DETS for t in phrase_toks):
        return None
    # "a spokesperson for the Home Office", "an official at the ministry": the person is the speaker
    first = start_i if phrase_toks[0] is toks[start_i] else toks.index(phrase_toks[0])
    if first >= 2 and toks[first - 1][0].lower() in {"for", "at", "of", "from"} and \
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
        if k > start_i and _ends_sentence(toks[k - 1][0]):
            break       # "analyst Vadim Mitroshin. The …": the sentence ended with the name
        if t[:1].isupper() and t[0].isalpha():
            k += 1
            continue
        if t.lower() in {"of", "for"} and _person_then_organisation(toks, start_i, k):
            break       # "said Rosaly Lopes of NASA's Jet Propulsion Laboratory": the person
        if t.lower() in {"'s", "’s"} or (t.lower() in {"of", "for"} and k + 1 < len(toks) and toks[k + 1][0][:1].isupper()):
            k += 1
            continue
        if t.lower() in {"of", "for"} and k > start_i and toks[start_i][0].lower() in _DETS and k + 2 < len(toks) \
                and toks[k + 1][0].lower() in _OF_DETS and toks[k + 2][0][:1].isalpha() and k - j < 4:
            k += 2      # "said a spokesman for the company", "said the head of the agency"
            continue
        if t.lower() in {"with", "to", "on"} and toks[k - 1][0].lower() in _ACQUAINTED:
            k = _acquainted_object_end(toks, k, j + 12)
            break
        if t[:1].isdigit() and (all(x[0][:1].isdigit() for x in toks[j:k]) and k - j < 3
                                or k == j + 1 and toks[j][0].lower() in _DETS and _AGE_RE.fullmatch(t.rstrip("."))):
            k += 1      # "said 9/11 widow Terry Strada", "said 34-year-old Ana Ruiz", "said the 34-year-old"
            continue
        if t[:1].isalpha() and t.islower() and t.lower() not in _NOT_IN_PHRASE_AFTER and (
                k == j or toks[start_i][0].lower() in _DETS or toks[start_i][0][:1].isdigit()
                # "said chief executive John Smith", "said race director Matthew Turnbull"
                or k - j < 3 and all(x[0].islower() for x in toks[start_i:k])
                # "said Global Insight analyst Howard Archer", "Wales assistant coach Scott
                # Johnson": a title (and a word before it) between a name and a name
                or _title_before_name(toks, k) or _title_before_name(toks, k + 1)) and k - j < 6:
            k += 1
            continue
        break
    if k == start_i or (k == start_i + 1 and toks[start_i][0].lower() in _DETS):
        return None
    if toks[start_i][0].islower() and toks[start_i][0] not in _DETS \
            or k > start_i + 2 and _AGE_RE.fullmatch(toks[start_i + 1][0]):
        # "race director Matthew Turnbull", "the 28-year-old Morientes": the name after the
        # lower-case title words
        start_i = next((m for m in range(start_i, k) if toks[m][0][:1].isupper()), start_i)
    s, e = toks[start_i][1], toks[k - 1][2]
    phrase = text[s:e]
    if not any(ch.isupper() for ch in phrase) and toks[k - 1][0].lower().rstrip(".") not in speaker_words()["groups"] \
            and not _ACQUAINTED.intersection(x[0].lower() for x in toks[start_i:k]) \
            and toks[start_i][0].lower() not in _DETS:
        return None
    if toks[start_i][0].lower() in _DETS:
        return _apposed_name_after(text, toks, start_i, k) or _Mention(phrase, s, e)
    return _role_named_after(text, toks, s, k) or _Mention(phrase, s, e)


def _role_named_after(text: str, toks: list[tuple[str, int, int]], s: int, k: int) -> _Mention | None:
    """After an owner's name read up to ``k``: its role and the name after it ("said De
    Telegraaf's image editor, Peter Schoonen": the person, not the paper; "said RNID technology
    director, Guido Gybels": the person, not the charity), or the owner's role ("Microsoft's
    spokesman"); None when no role follows."""
    if toks[k - 1][0].endswith(("'s", "’s")):
        return _owners_role(text, toks, s, k)
    if k < len(toks) and toks[k][0].islower() and (named := _owners_role(text, toks, s, k)) is not None \
            and named.start > toks[k][1]:
        return named
    return None


def _owners_role(text: str, toks: list[tuple[str, int, int]], s: int, k: int) -> _Mention | None:
    """After an owner's name (ending at ``k``, from offset ``s``), one to three lower-case words
    ending with a role: the name set off by a comma after them ("De Telegraaf's image editor,
    Peter Schoonen": two to four capitalised words ending the phrase), else the owner and role
    ("Microsoft's spokesman"); None when no role follows."""
    r = k
    while r < len(toks) and r - k < 3 and toks[r][0].rstrip(".").isalpha() and toks[r][0].islower():
        r += 1
        if toks[r - 1][0].endswith("."):
            break       # ("said Microsoft's boss.": the sentence ends with the role)
    if r == k or toks[r - 1][0].rstrip(".") not in _roles():
        return None
    if r < len(toks) and toks[r][0][:1].isupper() and (name := _closing_name(text, toks, r)) is not None:
        return name     # "said Aguilera's agent Meghan Prophet.": the name closing the sentence
    if r >= len(toks) or toks[r][0] != ",":
        e = toks[r - 1][2] - toks[r - 1][0].endswith(".")
        return _Mention(text[s:e], s, e)
    end, stop = r + 1, False
    while not stop and end < len(toks) and toks[end][0][:1].isupper() and end - r <= 4 \
            and toks[end][0].rstrip(".").replace("-", "").isalpha():
        stop = toks[end][0].endswith(".")      # ("Schoonen." ends the sentence and the name)
        end += 1
    if end - r < 3 or not stop and end < len(toks) and toks[end][0] not in {".", ",", ";"}:
        return _Mention(text[s:toks[r - 1][2]], s, toks[r - 1][2])
    e = toks[end - 1][2] - (1 if stop else 0)
    return _Mention(text[toks[r + 1][1]:e], toks[r + 1][1], e)


def _closing_name(text: str, toks: list[tuple[str, int, int]], r: int) -> _Mention | None:
    """Two or three capitalised words from token ``r`` that end the sentence (a name after a
    role: "… said Aguilera's agent Meghan Prophet."), else None."""
    end = r
    while end < len(toks) and end - r < 3 and toks[end][0][:1].isupper() and toks[end][0].rstrip(".").replace("-", "").isalpha():
        end += 1
        if toks[end - 1][0].endswith("."):
            break
    stop = toks[end - 1][0].endswith(".") or end < len(toks) and toks[end][0] in {".", "!", "?"} or end == len(toks)
    if end - r < 2 or not stop:
        return None
    e = toks[end - 1][2] - toks[end - 1][0].endswith(".")
    return _Mention(text[toks[r][1]:e], toks[r][1], e)


def _acquainted_object_end(toks: list[tuple[str, int, int]], k: int, limit: int) -> int:
    """Where the object of "familiar with", "close to", "briefed on" (at token ``k``) ends:
    "two people familiar with the matter", "sources close to the talks" — the phrase names who
    they are. Its determiners and nouns, up to a relative pronoun, a preposition or a verb
    ("… the matter who asked not to be named", "… the company in London")."""
    k += 1
    while k < len(toks) and toks[k][0].lower() in _DETS:
        k += 1
    while k < min(len(toks), limit) and toks[k][0].islower() and toks[k][0] not in _NOT_IN_PHRASE_AFTER \
            and toks[k][0] not in _DETS and toks[k][0] not in reporting_verbs():
        k += 1
    return k


def _apposed_name_after(text: str, toks: list[tuple[str, int, int]], start_i: int, k: int) -> _Mention | None:
    """The name set off by a comma after a description of a person that ends the sentence:
    "…,” said the chairman of the Commons education select committee, Labour MP Barry Sheerman."
    is Barry Sheerman (the description read from ``start_i`` on; ``k`` is where the phrase
    read so far ends)."""
    comma = next((m for m in range(k, min(len(toks), start_i + 14)) if toks[m][0] == ","), None)
    if comma is None or any(not t[0][:1].isalnum() and t[0] not in {"'s", "’s"} for t in toks[k:comma]):
        return None
    end = comma + 1
    while end < len(toks) and toks[end][0][:1].isupper() and toks[end][0][:1].isalpha() and end - comma <= 5:
        end += 1
    if end - comma < 3 or (end < len(toks) and toks[end][0] not in {".", ","}) \
            or description_kind(text[toks[start_i][1]:toks[comma - 1][2]]) != "person" \
            and toks[comma - 1][0].lower() not in _roles():
        return None     # (a role ends it: "said the charity's technology director, Guido Gybels.")
    return _Mention(text[toks[comma + 1][1]:toks[end - 1][2]], toks[comma + 1][1], toks[end - 1][2])


def _person_then_organisation(toks: list[tuple[str, int, int]], start: int, k: int) -> bool:
    """Whether "of"/"for" at ``k`` joins a person's name to an organisation ("John Smith of
    Microsoft", "Lopes of NASA's laboratory"), not a name made with "of" ("Bank of England",
    "Prince of Wales"): a given name opens the words before it, or a possessive follows."""
    names = [t[0] for t in toks[start:k] if t[0][:1].isupper()]
    after = [t[0] for t in toks[k + 1:k + 3]]
    if not names or names[0].lower() in _DETS or names[-1].lower() in speaker_words()["organisations"]:
        return False    # "the Bank of Mexico's figures"
    return k + 1 < len(toks) and toks[k + 1][0][:1].isupper() and (
        len(names) >= 2 and names[0].lower() in given_names() and len(names) == k - start
        or any(w.endswith(("'s", "’s")) for w in after))


_POSSESSIVE_DETS = frozenset({"its", "his", "her", "their", "our", "my", "your"})
_QUOTING_FORMS = frozenset({"quoted", "quotes", "quoting", "cited", "cites", "citing"})
#: "the agency quoted Peoplesoft worker David Ogden as saying": before a "saying" cue …
_QUOTED_BEFORE_AS_RE = re.compile(r"\b(?:quoted|quotes|quoting|cited|cites|citing)\s+([^.;:“”\"]{2,80}?)\s+as\s+$")
#: … or after a "quoted" cue
_QUOTED_AS_SAYING_RE = re.compile(r"\s+([^.;:“”\"]{2,80}?)\s+as\s+(saying|telling|stating|writing)\b")


def _quoted_one(text: str, toks: list[tuple[str, int, int]], m: re.Match[str]) -> _Mention | None:
    """The person an outlet "quoted … as saying" (group 1 of ``m``), not a document ("quoted
    its five-year plan as saying")."""
    if m.group(1).split()[0].lower() in _POSSESSIVE_DETS:
        return None
    quoted = _np_after(text, toks, _tok_after(toks, m.start(1)))
    return quoted if quoted is not None and quoted.end <= m.end(1) else None


def _title_before_name(toks: list[tuple[str, int, int]], k: int) -> bool:
    """Whether token ``k`` is a title or person noun with a capitalised word after it."""
    return k + 1 < len(toks) and toks[k][0] in _roles() \
        and toks[k + 1][0][:1].isupper()


def _ends_sentence(tok: str) -> bool:
    """A word of three letters or more with a full stop: the sentence ends there (not "Mr.",
    "Sen.", "Corp.")."""
    word = tok[:-1]
    return tok.endswith(".") and len(word) >= 3 and word.isalpha() and word.lower() not in _ABBREVIATED


_ABBREVIATED = frozenset("mrs gov sen rep del gen col sgt capt cmdr cmd adm maj cpl pvt supt insp det prof rev inc "
                         "corp ltd bros messrs".split())
#: who knows of a matter without speaking for it: "people familiar with …", "sources close to …"
_ACQUAINTED = frozenset({"familiar", "close", "briefed"})
#: determiners that may open the object of "of"/"for" in a source after its verb
_OF_DETS = frozenset("the a an its his her their".split())
_NOT_IN_PHRASE_AFTER = frozenset("that on in at to the when after before as while during via with who".split())


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
        # "She became so upset … that I had to change my answer: “…”": a that-clause ending
        # at the colon has a subject of its own ("when they returned home the first question
        # put to them was:" has not: a fronted clause)
        for k in range(len(toks) - 2, 0, -1):
            w = toks[k][0]
            if toks[k][1] <= subj.end:
                break
            if w in {"I", "we", "he", "she", "they"} and toks[k - 1][0].lower() == "that" \
                    and toks[k + 1][0][:1].islower():
                return _Mention(w, toks[k][1], toks[k][2])
        return subj
    if subj is not None and ment is not None and ment.start == subj.start and ment.end > subj.end \
            and any(t[0].lower() in _FINITE for t in toks if subj.end <= t[1] < ment.end):
        return subj     # "Mr Dean is confident though:": the phrase read to the colon is a clause
    return ment


def _subject(text: str, tix: _TokIndex, s_lo: int, limit: int, *, strict: bool = False) -> _Mention | None:
    """The sentence subject when it is a name or pronoun: the first NP followed by a verb-like
    lower-case word, before ``limit``."""
    toks = tix.get(s_lo, limit)
    if strict:
        toks = _after_opening_quote(toks)
    i = _subject_start(text, toks)
    if i >= len(toks):
        return None
    if _PRONOUN_RE.match(toks[i][0]) and toks[i][0].lower() != "who":
        return _Mention(toks[i][0], toks[i][1], toks[i][2])
    if toks[i][0].lower() in _OPENING_PREPOSITIONS and toks[i][0].lower() not in {"over", "under"}:
        # a prepositional phrase is no subject ("over 100 people", "Under Secretary …" can open
        # one): past a time without its comma, the subject follows ("In September Symantec
        # released", "On Wednesday they unveiled"); past any other phrase it is not found ("From
        # The New York Times to the CNN …, almost all major foreign publications have carried
        # the news about this unique ‘bar’")
        k = i + 1
        while k < len(toks) and (toks[k][0].lower() in _TIME_WORDS or toks[k][0].lower() in _MONTHS
                                 or toks[k][0].isdigit()):
            k += 1
        if k == i + 1 or k >= len(toks) or toks[k][0] == ",":
            return None
        i = k
        if _PRONOUN_RE.match(toks[i][0]) and toks[i][0].lower() != "who":
            return _Mention(toks[i][0], toks[i][1], toks[i][2])
    j = None
    if strict and toks[i][0].lower() in {"the", "a", "an"} and i + 1 < len(toks) and toks[i + 1][0][:1].isupper():
        pass  # "The Republican nominee vowed"
    elif strict and toks[i][0] in {"His", "Her", "Their", "Its"} and i + 2 < len(toks) \
            and _speaking_noun(toks[i + 1][0].lower().removeprefix("ex-")):
        j = i + 2   # "His ex-wife agreed, but also contended …", "Her lawyer …": the person
    elif strict and toks[i][0].lower() in {"the", "a", "an"} and i + 1 < (j := _subject_stop(toks, i, strict=strict)) \
            and _speaking_noun(toks[j - 1][0].lower()):
        # "The city's police deny … and say", "The company confirmed … and said"; "A source from
        # the movement told X they were against …, saying": the phrase to the verb
        j = _through_prepositional_phrase(toks, j)
    elif strict and toks[i][0].lower() in _NOT_SUBJECT:
        return None
    if j is None:
        j = _subject_stop(toks, i, strict=strict)
    verb_at = _verb_after_aside(toks, i, j)
    if i == 0 and j == 1 and verb_at == j and (named := _name_after_description(toks, j)) is not None:
        i, j = named
        verb_at = j     # "Anglo-Dutch consumer goods giant Unilever is to …": the name
    elif i == 0 and j == 1 and verb_at == j and j + 1 < len(toks) and toks[j + 1][0][:1].islower() \
            and toks[j][0].isalpha() and toks[j][0].lower() not in reporting_verbs() \
            and (_speaking_noun(toks[j][0].lower()) or toks[j][0].endswith("s") and _speaking_noun(toks[j][0][:-1].lower())):
        j = verb_at = j + 1     # "Low-cost airlines have criticised …", "Budget airlines …": an
        #                         adjective opening the sentence, then the noun that speaks
    if j == i or verb_at >= len(toks) or not toks[verb_at][0][:1].islower():
        return None
    if all(t[0].lower() in _NOT_SUBJECT for t in toks[i:j]):
        return None     # "The bill proposes …": a capitalised article alone names no one
    s, e = toks[i][1], toks[j - 1][2]
    return _Mention(text[s:e], s, e)


def _name_after_description(toks: list[tuple[str, int, int]], j: int) -> tuple[int, int] | None:
    """(start, end) of a name after lower-case words describing it that end with an
    organisation's or a role's noun ("Anglo-Dutch consumer goods giant Unilever", "US software
    firm Microsoft"), when a lower-case word (its verb) follows; else None."""
    k = j
    while k < len(toks) and k - j < 4 and toks[k][0].islower() and toks[k][0].replace("-", "").isalpha():
        if toks[k][0].endswith(("ed", "ly")) or toks[k][0] in _FINITE:
            return None     # ("Ukraine recently ousted long-serving leader Leonid Kuchma and has said": a verb)
        k += 1
    if k == j or k >= len(toks) or not toks[k][0][:1].isupper() or not toks[k][0][:1].isalpha():
        return None
    head = toks[k - 1][0]
    if head not in _ORG_DESCRIPTIONS and head not in _roles():
        return None
    e = k
    while e < len(toks) and e - k < 4 and toks[e][0][:1].isupper() and toks[e][0][:1].isalpha():
        e += 1
    return (k, e) if e < len(toks) and toks[e][0][:1].islower() else None


def _through_prepositional_phrase(toks: list[tuple[str, int, int]], j: int) -> int:
    """Where a subject ending at ``j`` ends when a phrase on who it is follows it, in words only,
    up to its verb ("A source from the German Identitarian Movement told", "A spokesman for the
    firm refused to comment …, but said"), else ``j``."""
    if j >= len(toks) or toks[j][0] not in {"from", "for", "at", "of", "with"}:
        return j
    for v in range(j + 1, min(len(toks), j + 9)):
        w = toks[v][0]
        if w.islower() and (w in reporting_verbs() or w == "to" or w in _FINITE or w.endswith("ed")):
            return v if v > j + 1 else j
        if not (w.isalpha() or w in {"'s", "’s"}):
            return j
    return j


def _speaking_noun(low: str) -> bool:
    """Whether a common noun names someone who can speak: a group, a person, an organisation."""
    return low in speaker_words()["groups"] or low in _person_nouns() or low in _ORG_DESCRIPTIONS \
        or _plural_people(low) or low in _BODY_NOUNS


#: bodies that speak as a subject ("the commission does urge …"); not descriptions that stand
#: for the nearest organisation (a committee is not the council named before)
_BODY_NOUNS = frozenset("commission committee council association federation institute foundation board".split())


def _after_opening_quote(toks: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A quotation opening the sentence ("“…,” Blige sings to Clinton before asking") is not
    its subject: the tokens after its closing mark (quoted words are masked as q's)."""
    last_close = max((k for k, t in enumerate(toks) if t[0] in {"”", '"', "''", "’"}), default=-1)
    if last_close >= 0 and all(t[0] in _QUOTE_TOKS or set(t[0]) <= {"q"} or not t[0][:1].isalnum()
                               for t in toks[:last_close]):
        toks = toks[last_close + 1:]
        while toks and toks[0][0] in {",", "—", "–", "--"}:
            toks = toks[1:]
    return toks


def _subject_start(text: str, toks: list[tuple[str, int, int]]) -> int:
    """Where the subject starts: after an introductory phrase up to its comma ("In his speech,
    Trump ...", a comma inside a closing mark too: "After saying her foot was “so swollen …,”
    she was …") and a connective ("Meanwhile, it attacked Trump, saying …")."""
    i = 0
    subordinate = bool(toks) and toks[0][0].lower() in _NOT_SUBJECT
    for k, t in enumerate(toks[:40 if subordinate else 12]):
        if t[0] == "," or (subordinate and t[0] in {"”", '"'} and text[t[1] - 1] == ","):
            if k + 1 < len(toks) and (toks[k + 1][0][:1].isupper()
                                      or (subordinate and _PRONOUN_RE.match(toks[k + 1][0]))
                                      or (subordinate and toks[k + 1][0] in {"the", "a", "an"}
                                          and k + 2 < len(toks) and (toks[k + 2][0][:1].isupper()
                                                                     # "Speaking to X, a spokesperson for …"
                                                                     or _speaking_noun(toks[k + 2][0])))) \
                    and not (not subordinate and _PARTY_TAG_RE.match(toks[k + 1][0])):
                i = k + 1
                break
            if not (toks[0][0].lower() in _OPENING_PREPOSITIONS or toks[0][0].lower() in _SUBORDINATORS):
                break   # an opening phrase goes on past its own commas: "On July 6, 2015,
                #         Sanders made …", "Following a swiftly called, late-afternoon meeting, the …"
    while i < len(toks) and toks[i][0].lower() in {"but", "and", "so", "yet", "meanwhile", "still", "instead", "however"}:
        i += 1
        if i < len(toks) and toks[i][0] == ",":
            i += 1
    if i + 2 < len(toks) and toks[i][0] in {"Even", "Only", "Just"} and toks[i + 1][0] in _PHRASE_OPENERS:
        # "Even without changes the commission does urge …": a phrase without its comma, then the
        # subject at its article
        k = next((k for k in range(i + 2, min(len(toks), i + 8)) if toks[k][0] in {"the", "The"}), None)
        if k is not None and all(t[0].isalpha() and t[0].islower() for t in toks[i + 1:k]):
            i = k
    return i


#: prepositions that open a phrase before the subject ("Even without changes, …")
_PHRASE_OPENERS = frozenset("without with after before despite in on at under for".split())


def _subject_stop(toks: list[tuple[str, int, int]], i: int, *, strict: bool) -> int:
    """The token after the subject starting at ``i``: its capitalised words; after "The", a
    description ("The prime minister's official spokesman", not "The aim of") and a name after
    its title ("the Lib Dem leader Charles Kennedy", "Lib Dem chairman Matthew Taylor")."""
    j = i
    if toks[i][0].title() in _QUANTIFIER_SUBJECTS:
        # "Many pro-hunt activists remained defiant, saying …", "Three Labour councillors were
        # …": the people counted, not "Many" nor "Three Labour"
        k = next((k for k in range(i + 1, min(len(toks), i + 4)) if not toks[k][0].islower()
                  and not (toks[k][0].isalpha() and toks[k][0].istitle()) or _plural_people(toks[k][0])), None)
        if k is not None and toks[k][0].islower():
            return k + 1
    # the subject follows an opening phrase: "…, the Lib Dem leader …"
    opened = i > 0 and i + 1 < len(toks) and toks[i + 1][0][:1].isupper()
    while j < len(toks) and (toks[j][0][:1].isupper() or toks[j][0].lower() in {"'s", "’s"}
                             or (j == i and (strict or opened) and toks[j][0].lower() in {"the", "a", "an"})) \
            and j - i < 6:
        j += 1
    if i < j < len(toks) - 1 and toks[j][0] == "of" and toks[j - 1][0].lower() in _org_like() \
            and (toks[j + 1][0][:1].isupper() or toks[j + 1][0] == "the" and j + 2 < len(toks)
                 and toks[j + 2][0][:1].isupper()):
        # "NASA's Office of the Inspector General released …": one organisation's name, not "Office"
        j += 2 if toks[j + 1][0] == "the" else 1
        while j < len(toks) and toks[j][0][:1].isupper() and j - i < 12:
            j += 1
    person_words = _roles()
    if j < len(toks) and j > i and toks[j][0][:1].islower() and (
            toks[i][0].lower() in {"the", "a", "an"} or (toks[j - 1][0].lower().endswith(("'s", "’s"))
                                                        and not _PRONOUN_RE.match(toks[j - 1][0][:-2]))):
        # "The prime minister's …", "Russia's president has …": a description (not "It's been");
        # a verb's form right after the article is a noun ("The report found …")
        while j < len(toks) and toks[j][0].islower() and j - i < 6 \
                and (toks[j][0] not in reporting_verbs() or j == i + 1 and toks[i][0].lower() in {"the", "a", "an"}) \
                and toks[j][0] not in _NOT_SUBJECT and toks[j][0] not in _SKIP_BEFORE_VERB \
                and toks[j][0] not in _VERB_LIKE and (
                    (toks[j][0].replace("-", "").isalpha() and (not toks[j][0].endswith(("ed", "s"))
                                               # "Scott's relatives watched …": people, no verb
                                               or toks[j][0].endswith("s") and _plural_people(toks[j][0])))
                    or (toks[j][0].endswith(("'s", "’s")) and toks[j][0][:-2].isalpha())):
            j += 1
        while j - 1 > i and toks[j - 1][0] in _NOT_A_SPEAKER_END:
            j -= 1
        if toks[j - 1][0].lower() in person_words:
            while j < len(toks) and toks[j][0][:1].isupper() and j - i < 10:
                j += 1
    if i < j < len(toks) - 1 and toks[j][0][:1].islower() and toks[j + 1][0][:1].isupper() \
            and toks[j][0].lower() in person_words:
        j += 1
        while j < len(toks) and toks[j][0][:1].isupper() and j - i < 10:
            j += 1
    return j


def _verb_after_aside(toks: list[tuple[str, int, int]], i: int, j: int) -> int:
    """Where the verb is: after an apposition or a parenthesis set off from the name ("Dean, a
    medical doctor, then appeared …", "McCaskill (D-Mo.) scolded …"), else at ``j``."""
    verb_at = j
    if i < j < len(toks) and toks[j][0] in {",", "("}:
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
    return verb_at
