"""What a pronoun or a description stands for: the entities an article puts in subject position.

"He said", "the company said", "…, the first minister has told MSPs" name no one; a reader
knows whom from the sentences around them. Two devices of news prose are read here, and
nothing more, because a wrong name in share of voice is worse than none:

* **Subject position.** A name opening a writer's sentence ("Mr Makarov joined the KGB …",
  "Microsoft is also using …", a headline's "McConnell details …") is the topic that the
  next "he" or "the company" most often continues. Quoted words are masked first: a name
  inside a quotation is never a subject.
* **Kind.** A definite description resolves only to an entity of its kind: "the first
  minister", "Russia's president" to a person; "the company", "the fiscal watchdog" to an
  organisation. "A spokesman", "the company's chief executive", "officials" never resolve:
  someone speaking *for* an entity, or some of a group, is not the entity.

A description with no entity of its kind before it (a lead's "…, the UK's financial watchdog
has announced.") takes the first one named in the two sentences after it. The rules run per
article, after the speaker's own mention has been read (:mod:`.speakers`) and before the
corpus-wide clustering (:func:`.entities.resolve_speakers`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from functools import lru_cache

from ..lexicons import given_names, reporting_verbs, speaker_words
from .entities import (
    _NATIONALITY_RE,
    _NOT_NAMES,
    _ORG_NAME_RE,
    _POSSESSIVE_RE,
    WORK_NOUNS,
    _compatible,
    _is_person_like,
    _nationality,
    _person_nouns,
    _person_words,
    _place_name,
    _plural_people,
    _stopwords,
    named_as_organisation,
    places,
    speaker_kind,
)
from .words import _AGE_RE, _COMPANY_KINDS, _ORG_DESCRIPTIONS

# words that may open a sentence before its subject ("But Mr Putin said", "However, the CBO")
_OPENERS = frozenset("but and however yet so meanwhile still also now then instead indeed later earlier "
                     "separately elsewhere".split())
#: words opening a clause or phrase before a sentence's subject
_LEAD_INS = frozenset("though although while whereas when after before since because if as on in at during "
                      "following despite amid".split())
_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady)\.?\s)?"
_FOR_NAME_RE = re.compile(r"For\s((?:[A-Z][\w'’-]+\s){1,2}[A-Z][\w'’-]+),")
# (a US politician's state or party tag may follow the name: "Sen. Bernie Sanders (Vt.),",
# "Rep. Gwen Moore (D-Wis.) said"; not an acronym: "British Music Rights (BMR)")
# "His former business partner at Lenox, Lawrence B. Cummings, called him …": a description,
# then the name set off by commas, then the verb
_APPOSED_RE = re.compile(r"(?:His|Her|Their|The|A|An|Its)\s[^,;:“”\"]{3,60},\s"
                         r"((?:[A-Z][\w'’.-]*\s){1,3}[A-Z][\w'’-]+),\s+(?=[a-z])")
_SUBJECT_RE = re.compile(_HONORIFIC + r"((?:The\s)?[A-Z][\w'’.&-]*(?:[ ](?:[A-Z][\w'’.&-]*|de|van|von|bin|al-\w+))*)"
                         r"(?=,|\s+[a-z]|\s+\((?=[^)]*[.a-z-])(?:[DRI]-)?[A-Z][A-Za-z.]{0,6}\))")
#: roles that name a person in a description ("the star of …", "the head of …")
ROLE_OF = frozenset("star head chief director author creator founder singer leader boss chairman chairwoman "
                    "editor maker writer producer president member owner manager".split())
# heads of a description of someone speaking for others, never the entity itself
_FOR_OTHERS = frozenset("spokesman spokeswoman spokesperson spokespeople official officials source sources aide "
                        "aides insider insiders adviser advisers advisor representative lawyer lawyers analyst "
                        "analysts expert experts executive executives person people".split())


#: capitalised adjectives of a party, which describe a role as a nationality does ("the
#: Democratic nominee", "the Tory leader"); "Republican" is caught by the nationality pattern
_PARTIES = frozenset("Democratic Democrat Labour Tory Conservative Liberal Socialist Green Communist".split())
_PARTY_WORDS = _PARTIES | {"Republican", "GOP"}
_COMPASS_WORDS = frozenset("New South North Northern Southern West Western East Eastern".split())
#: roles written in capitals that end a description ("the Glasgow Kelvin MP", "the DJ")
_CAPITAL_ROLES = frozenset("MP MEP MSP DJ CEO".split())
#: a party, a few lower-case words and given names right before a name ("Democratic
#: presidential nominee Hillary ", "Tory leader ", "Republican ")
_PARTY_BEFORE_RE = re.compile(r"\b(" + "|".join(sorted(_PARTIES | {"Republican"})) + r")\s+(?:[a-z-]+\s+){0,3}"
                              r"(?:[A-Z][\w.'’-]*\s+){0,2}\Z")


#: words that may open a plural group before its noun ("Many angry residents", "The two officers")
_GROUP_LEADS = frozenset("the some many several most both all other few two three four five six seven eight "
                         "nine ten dozens hundreds thousands".split())
_GROUP_OPENING_RE = re.compile(r"([A-Za-z-]+)(?:\s([A-Za-z-]+))?(?:\s([A-Za-z-]+))?(?:\s([A-Za-z-]+))?\s(?=[a-z])")


def group_opening(text: str, lo: int = 0, hi: int | None = None) -> str | None:
    """The plural group a sentence opens with, as written ("the residents", "Local officials"),
    or None: what a later "they said" most often stands for when no group has been quoted yet.

    >>> [group_opening(s) for s in ("The residents were angry.", "Angry local residents gathered.",
    ...                             "Officers found two men.", "The company said it would close.",
    ...                             "Residents' groups were angry.", "Many of them left.",
    ...                             "Chinese officials arrived.")]
    ['the residents', 'Angry local residents', 'Officers', None, None, None, 'Chinese officials']
    """
    m = _GROUP_OPENING_RE.match(text, lo, len(text) if hi is None else hi)
    if m is None:
        return None
    words = [w for w in m.groups() if w]
    for i, w in enumerate(words):
        low = w.lower()
        if _plural_people(low):
            phrase = " ".join(words[:i + 1])
            return "the" + phrase[3:] if phrase.startswith("The ") else phrase
        if low in _stopwords() and low not in _GROUP_LEADS:
            return None                     # "Many of them", "It was"
    return None


#: a party named as one: "Labour", "the Tories", "Lib Dems", "the Scottish National Party" (not the
#: adjectives of "Labour MP", "Tory leader X", which name a person); UK and US parties, add yours
PARTY_NOUN = (r"(?:[Tt]he\s+)?(?:Labour(?:\s+Party)?|Conservatives|(?:Conservative|Tory|Green|Democratic|Republican|"
              r"Scottish\s+National)\s+Party|Tories|Liberal\s+Democrats|Lib\s+Dems|SNP|Plaid\s+Cymru|UKIP|Greens|"
              r"Sinn\s+Fein|DUP|SDLP|Democrats|Republicans)")
_PARTY_NOUN_RE = re.compile(PARTY_NOUN)


def _party_name(name: str) -> bool:
    """Whether ``name`` is a political party's (``PARTY_NOUN``).

    >>> [_party_name(n) for n in ["Labour", "the Liberal Democrats", "Green Party", "Tony Blair", "Party", "Tory"]]
    [True, True, True, False, False, False]
    """
    return _PARTY_NOUN_RE.fullmatch(name) is not None


@dataclass(frozen=True)
class Subject:
    """An entity a writer's sentence opens with: where, its name in the article, its kind."""

    pos: int
    name: str
    kind: str


#: first words of two-word nationalities ("the South African archbishop", "a New Zealand coach")
_NATIONALITY_FIRST = frozenset("South North East West New Saudi Sri Costa Puerto Sierra Papua El Latin".split())


#: a nationality's noun for one person ("the Scot admitted", "the Dutchman"), where no adjective is
_PEOPLE_NOUNS = frozenset("Scot Briton Dane Swede Spaniard Finn Dutchman Englishman Frenchman Irishman Scotsman "
                          "Welshman Dutchwoman Englishwoman Frenchwoman Irishwoman Scotswoman Welshwoman".split())


def _affiliated_person(words: list[str]) -> bool:
    """"the Wasps wing", "the Sale player", "the Uruguayan-born researcher": a person's noun
    after one or two capitalised words naming a team or a place, not a person ("the John Lewis
    chairman" is no description of one; "the Oscar winner" is missed: Oscar is a given name) nor
    a party ("The GOP nominee" has its own rule)."""
    caps = words[1:-1]
    head = words[-1].lower()
    return words[0].lower() == "the" and 1 <= len(caps) <= 2 and all(w[:1].isupper() for w in caps) \
        and not any(w in _PARTY_WORDS for w in caps) \
        and caps[0].lower() not in given_names() and (head in _person_words() or head in _person_nouns()
                                                      or head in _TEAM_PEOPLE) \
        and head not in _ORG_DESCRIPTIONS


#: people a team or a cast names ("the Wasps wing", "the Chelsea star")
_TEAM_PEOPLE = frozenset("player winner star wing winger striker midfielder defender keeper goalkeeper forward "
                         "batsman bowler skipper champion veteran actor actress singer".split())


def description_kind(desc: str) -> str | None:
    """``person`` or ``organisation`` for a definite description that can stand for one
    entity; ``None`` for anything else (a name, "a spokesman", "the company's chief executive",
    "officials").

    >>> [description_kind(d) for d in ["the first minister", "Russia's president", "the company",
    ...                                "the UK's financial watchdog", "a spokesman",
    ...                                "the company's chief executive", "Tony Blair",
    ...                                "the star of Rain Man", "the 67-year-old", "the Democratic nominee",
    ...                                "the Russian", "the Chinese", "the Scot"]]
    ['person', 'person', 'organisation', 'organisation', None, None, None, 'person', 'person', 'person', 'person', None, 'person']
    """
    words = desc.split()
    if "of" in words[2:] and words[0].lower() == "the":
        words = words[:words.index("of")]   # "the star of Rain Man": the star
    if len(words) == 3 and words[0].lower() == "the" and words[1] in _COMPASS_WORDS \
            and (_nationality(words[2]) and not words[2].endswith(("ese", "ish")) or words[2] == "Zealander"):
        return "person"     # "the South African", "the New Zealander": one person, as "the Russian"
    if len(words) == 2 and words[0].lower() == "the" and (
            _nationality(words[1]) and not words[1].endswith(("ese", "ish")) or words[1] in _PEOPLE_NOUNS):
        return "person"     # "The Russian added", "the Scot admitted": one person (not "the Chinese", "the
        #                     British": a people)
    if len(words) < 2 or words[-1][:1].isupper() and words[-1] not in _CAPITAL_ROLES:
        return None     # (some roles are written in capitals: "the Glasgow Kelvin MP", "the DJ")
    low = [w.lower().strip(",.") for w in words]
    for i, w in enumerate(words):
        if w.endswith(("'s", "’s")):        # only a place may own the description ("Russia's president")
            owner = " ".join(words[1 if low[0] == "the" else 0:i + 1])[:-2]
            if owner not in places() or i != (1 if low[0] == "the" else 0):
                return None
            break
    else:
        if low[0] != "the":
            return None                     # "a spokesman", "his lawyer"
    if any(w[:1].isupper() and not _NATIONALITY_RE.fullmatch(w) and w not in places() and w not in _PARTIES
           and not (w in _NATIONALITY_FIRST and i + 1 < len(words) and _NATIONALITY_RE.fullmatch(words[i + 1]))
           for i, w in enumerate(words) if i and not w.endswith(("'s", "’s")) and w not in _CAPITAL_ROLES) \
            and not _affiliated_person(words):
        return None                         # "the IFPI industry body": it carries a name
    head = low[-1]
    if head in _FOR_OTHERS or head.endswith("s") and not head.endswith("ss") and head not in _ORG_DESCRIPTIONS:
        return None     # (a plural: "the analysts"; not "the boss")
    if head in _ORG_DESCRIPTIONS and not any(w in _person_nouns() for w in low[1:-1]):
        return "organisation"
    if head in _person_words() or head in _person_nouns() or head in ROLE_OF or _AGE_RE.fullmatch(head) \
            or words[-1] in _CAPITAL_ROLES \
            or head in _TEAM_PEOPLE and _affiliated_person(words):
        return "person"
    return None


def _subject_kind(name: str, text: str, resolver) -> tuple[str, str] | None:
    """(canonical name, kind) of a sentence's opening name, or None when it names no entity
    ("Mobiles do not", "Nothing was", a possessive, a place)."""
    first = name.split()[0].lower()
    if name.endswith(("'s", "’s", "'", "’")) or first in _NOT_NAMES or (first in _stopwords() and first != "the"):
        return None
    bare = name[4:] if name.startswith("The ") else name
    if not bare or bare in places() or bare.lower() in _stopwords() or _place_name(bare):
        return None     # ("The former New Mexico governor is …": no one named "New Mexico")
    if named_as_organisation(text, bare):
        return bare, "organisation"     # "The group …, Big Machine, says": the article says what it is
    canon = resolver.canonical(bare)
    if canon in resolver.full and speaker_kind(canon) == "person" and _is_person_like(canon) \
            and not name.startswith("The ") and _known_person(canon, text):
        return canon, "person"
    if name.startswith("The "):
        return (name, "organisation") if speaker_kind(name) == "organisation" else None
    if len(bare.split()) > 1:
        return (bare, "organisation") if speaker_kind(bare) == "organisation" else None
    # one word: a name the article uses more than once, not a given name alone ("Creative",
    # "Microsoft"; not "Mobiles" or "Sarah")
    if bare.lower() in given_names() or not bare[1:].islower() and not bare.isupper() \
            or not _mid_sentence(bare, text):
        return None         # capitalised only where a sentence opens: a common noun ("Investors")
    return bare, "organisation"


#: descriptions that stand only for an organisation whose name says what it is
_MEDIA_HEADS = frozenset("newspaper paper magazine website outlet publication".split())
_MEDIA_WORDS = frozenset("times post telegraph guardian herald journal mail news tribune review magazine press newspaper "
                         "express observer independent standard mirror sun star reporter chronicle gazette "
                         "radio television tv channel network wire agency week weekly daily online".split())
#: newspapers and broadcasters known by their initials ("the FT"; not "the IMF")
_MEDIA_ACRONYMS = frozenset("FT NYT WSJ AP AFP BBC CNN ABC NBC CBS ITV RTE PA UPI".split())
_NAMED_HEADS = {**{h: _MEDIA_WORDS for h in _MEDIA_HEADS}, "ministry": frozenset({"ministry"}),
                "department": frozenset({"department"})}


def _mid_sentence(word: str, text: str) -> bool:
    """Whether ``word`` also stands capitalised inside a sentence (after a lower-case word, a
    comma or a semicolon and a space; not after a capitalised word: "News" inside "Independent
    News & Media" is no name of its own): str.find, no pattern compiled per word."""
    i = text.find(" " + word)
    while i > 0:
        end = i + 1 + len(word)
        if text[i - 1] in ",;" or text[i - 1].islower() and text[i - 1].isalpha() \
                and text[text.rfind(" ", 0, i) + 1].islower():
            if end >= len(text) or not (text[end].isalnum() or text[end] == "_"):
                return True
        i = text.find(" " + word, i + 1)
    return False


@lru_cache(maxsize=8)
def _honorific_surnames(text: str) -> frozenset[str]:
    """The words an article puts after Mr, Mrs, Dr, Sir, Lord … (found once per article)."""
    found = re.findall(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady)\.? ([\w'’-]+)", text)
    return frozenset(found) | {re.sub(r"['’]s?$", "", w) for w in found}     # "Mr Smith's": Smith


def _known_person(name: str, text: str) -> bool:
    """A name is a person's when it opens with a given name or the article gives its surname
    an honorific ("Mr McConnell"); "Scottish Executive" is neither."""
    words = name.split()
    if name in places():
        return False    # "New York"
    if not _NATIONALITY_RE.fullmatch(words[0]) and words[0] not in places() and 2 <= len(words) <= 3 \
            and speaker_kind(name) == "person":
        return True     # "Dustin Hoffman"; not "Scottish Executive"
    return words[0].lower() in given_names() or words[-1] in _honorific_surnames(text)


def sentence_subject(text: str, masked: str, lo: int, hi: int, resolver,
                     kinds: dict[str, tuple[str, str] | None]) -> Subject | None:
    """The entity the sentence ``masked[lo:hi]`` opens with, if any: none for a sentence that
    opens with a quotation, a pronoun or a common noun (``kinds`` caches the judgement of each
    name: a transcript repeats them).

    >>> from newslib.quotes.entities import NameResolver
    >>> t = "Mr Makarov joined the KGB. One pupil was Vladimir Putin. Viktor Makarov left."
    >>> r, kinds = NameResolver(t), {}
    >>> [sentence_subject(t, t, lo, hi, r, kinds) for lo, hi in [(0, 26), (27, 56), (57, 78)]]
    [Subject(pos=3, name='Viktor Makarov', kind='person'), None, Subject(pos=57, name='Viktor Makarov', kind='person')]
    """
    seg = masked[lo:hi]
    i = _after_quoted_sentence(text, seg, lo)
    i += len(seg[i:]) - len(seg[i:].lstrip(" \n\t\"'“‘"))
    while True:         # "But", "However,": the subject comes after
        m = _OPENER_RE.match(seg, i)
        if not m or m.group(1).lower() not in _OPENERS:
            break
        i = m.end()
    m = _FIRST_WORD_RE.match(seg, i)
    if m and m.group(1) == "For" and (n := _FOR_NAME_RE.match(seg, i)):
        i = n.start(1)      # "For Richard Tateson, who worked on …, the need grew …": whose view it is
    elif m and m.group(1).lower() in _LEAD_INS:
        # "Though she called …, Clinton restricted …", "On “Face the Nation,” Sen. Bernie
        # Sanders … identified …": an opening clause or phrase, up to its comma
        comma = _LEAD_IN_END_RE.search(seg, i, i + 200)
        if comma is None:
            return None
        if seg[:comma.start()].rsplit(None, 1)[-1].lower() in _WORKS and (t := _WORK_TITLE_RE.match(seg, comma.end())):
            i = t.end()     # "In her 2003 book, Living History, Clinton noted …": the title, then the subject
        else:
            i = comma.end()
    m = _APPOSED_RE.match(seg, i) or _titled_subject(seg, i) or _SUBJECT_RE.match(seg, i)
    if not m or (nxt := seg[m.end(1):m.end(1) + 24].split()[:1]) and nxt[0] in _ORG_DESCRIPTIONS \
            and (_NATIONALITY_RE.fullmatch(bare := m.group(1).removeprefix("The ")) or bare in places()
                 or lo == 0 and " " not in bare):
        return None     # ("The Australian firm said", a headline's "Wembley firm won't …": a description,
        #                 no name; "The Mirror newspaper" is one)
    name = m.group(1)
    if name not in kinds:
        kinds[name] = _subject_kind(name, text, resolver)
    found = kinds[name]
    return Subject(lo + m.start(1), *found) if found else None


#: works whose title can stand in apposition after them, before the sentence's subject
_WORKS = frozenset(WORK_NOUNS)
_WORK_TITLE_RE = re.compile(r"[“\"]?[A-Z][^,;“”\"]{0,60}?[”\"]?,\s+(?=[A-Z])")
_OPENER_RE = re.compile(r"([A-Za-z]+),?\s+")
_FIRST_WORD_RE = re.compile(r"([A-Za-z]+)\s")
_LEAD_IN_END_RE = re.compile(r"(?:,[”\"’]?|[”\"’],?)\s+(?=[A-Z])")


def _after_quoted_sentence(text: str, seg: str, lo: int) -> int:
    """Where the writer's words begin in a masked sentence that opens with a whole quoted
    sentence ('“… gone soon.” His friend, Saxon Spence, … lays the blame'): after it; else 0
    ('“…,” Smith said' opens with its quotation)."""
    if seg[:1] not in ("\"", "“") or seg[1:2] != "q":
        return 0
    m = _MASKED_RUN_RE.match(seg, 1)
    j = m.end()
    if j < len(seg) and seg[j] in ("\"", "”") and text[lo + j - 1] in ".!?":
        return j + 1
    return 0


_MASKED_RUN_RE = re.compile(r"[q\n]*")


#: "Democratic presidential nominee Hillary Clinton said", "Tory leader Michael Howard", "Aviation
#: analyst Nick Van den Brul": a capitalised word and a lower-case title before the name
_TITLED_NAME = r"[A-Z][\w'’.-]*(?:\s(?:[A-Z][\w'’.-]*|de|den|der|van|von|du|da|di|le|la|bin|al-\w+)){1,3}"
_TITLED_RE = re.compile(r"(?:The\s)?[A-Z][a-z]+\s(?:[A-Z][a-z]+\s)?(?:[a-z-]+\s){0,2}([a-z]+)\s(" + _TITLED_NAME
                        + r")(?=,|\s+[a-z])")    # (and "Liberal Democrat foreign affairs spokesman Menzies Campbell")


def _titled_subject(seg: str, i: int) -> re.Match[str] | None:
    """The name (as group 1 of the match returned) after a capitalised word and a title
    ("Republican nominee Donald Trump"): the subject is the person, not the party."""
    m = _TITLED_RE.match(seg, i)
    if m is None or m.group(1) not in speaker_words()["titles"]:
        return None
    if any(w in reporting_verbs() or w in _VERBISH for w in seg[m.start():m.start(1)].split()):
        return None     # "Damian Hockney said ex-chatshow host Mr Kilroy-Silk …": a verb, not a title
    return _TITLED_NAME_RE.match(seg, m.start(2))


_TITLED_NAME_RE = re.compile("(" + _TITLED_NAME + ")")
_VERBISH = frozenset("is was are were has have had will would can could told asked met named called".split())


@lru_cache(maxsize=1)
def _offices() -> frozenset[str]:
    """Titles of an office, which exclude one another ("the chancellor" is not "Prime Minister
    Tony Blair"); occupations do not ("singer George Michael" is "the pop star")."""
    w = speaker_words()
    return w["titles"] - w["occupations"]


#: a clause opening with "but" and a name, then its verb ("…, but McIlroy is unfazed", "But it
#: now appears Pearce is keen to wait …")
_BUT_SUBJECT_RE = re.compile(r"\b[Bb]ut\s+(?:it\s+(?:now\s+)?(?:appears|seems)\s+(?:that\s+)?)?"
                             r"((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)\s+(?:is|was|has|had|remains|remained|"
                             r"seems|seemed|insists|insisted|believes|believed|feels|felt|thinks|thought)\b")


_GENERIC_ORG_HEADS = frozenset("company firm group".split())
#: the last words of a company's name that say it is one
_COMPANY_ENDINGS = frozenset("Group Holdings Corp Corporation Inc Ltd plc PLC Company Co Industries Enterprises "
                             "Airlines Airways Motors Bank Brewery Brewing Pharmaceuticals Telecom Technologies".split())
#: an organisation introduced by its kind ("publishing group Independent News & Media", "drugmaker Dr Reddy's")
_INTRODUCED_ORG_RE = re.compile(r"\b(" + "|".join(sorted(_COMPANY_KINDS | {"club", "union", "charity", "agency",
                                                                          "newspaper", "watchdog", "regulator"}))
                                + r") +((?:(?:[A-Z][\w&.-]*|&) +){0,3}[A-Z][\w&'’.-]*)")


class References:
    """An article's subjects, for the pronouns and descriptions of its quotes (built lazily:
    most articles resolve every speaker by name)."""

    def __init__(self, text: str, masked: str, sentences: list[tuple[int, int]], resolver) -> None:
        self.text, self.masked, self.sentences, self.resolver = text, masked, sentences, resolver
        self._subjects: list[Subject] | None = None
        self._kinds: dict[str, tuple[str, str] | None] = {}
        self._starts: list[int] | None = None
        self._by_sentence: dict[int, Subject | None] = {}
        # (pos, name) by kind, sorted, so a description looks only at the few paragraphs before
        # it: scanning every subject and speaker for each quote made an 11 MB transcript quadratic
        self._subject_index: dict[str, list[tuple[int, str]]] | None = None
        self._seen_index: dict[str, list[tuple[int, str]]] = {}
        self._seen_n = 0
        self._starts = [s for s, _ in sentences]
        self._held: dict[str, set[str]] = {}
        self._roles: dict[str, set[str]] = {}
        self._parties: dict[str, set[str]] = {}
        self._titled: dict[str, str | None] = {}

    @property
    def subjects(self) -> list[Subject]:
        if self._subjects is None:
            found = (self._subject_of(k) for k in range(len(self.sentences)))
            self._subjects = [x for x in found if x is not None]
        return self._subjects

    def _subject_of(self, k: int) -> Subject | None:
        """The subject of sentence ``k``, read once."""
        if k not in self._by_sentence:
            self._by_sentence[k] = sentence_subject(self.text, self.masked, *self.sentences[k], self.resolver,
                                                    self._kinds)
        return self._by_sentence[k]

    def _subjects_before(self, at: int):
        """Sentence subjects before ``at``, nearest first, read lazily (most pronouns look back
        a sentence or two, and most articles never need the rest)."""
        if self._starts is None:
            self._starts = [a for a, _ in self.sentences]
        k = bisect_right(self._starts, at) - 1
        while k >= 0:
            sub = self._subject_of(k)
            if sub is not None and sub.pos < at:
                yield sub
            k -= 1

    def last_subject_in(self, lo: int, hi: int) -> Subject | None:
        """The last sentence subject between ``lo`` and ``hi``, reading only the sentences
        there (what :attr:`subjects` would give, without reading every sentence)."""
        if self._subjects is not None:
            found = [x for x in self._subjects if lo <= x.pos < hi]
            return found[-1] if found else None
        if self._starts is None:
            self._starts = [a for a, _ in self.sentences]
        k = bisect_right(self._starts, hi) - 1
        while k >= 0 and self.sentences[k][1] > lo:
            sub = self._subject_of(k)
            if sub is not None and lo <= sub.pos < hi:
                return sub
            k -= 1
        return None

    def person_subject(self, pronoun: str, at: int, *, after: int, last: str | None = None) -> str | None:
        """The nearest person opening a sentence between ``after`` and ``at`` that ``pronoun``
        can stand for, within a few paragraphs; or, nearer still, one opening a contrasting
        clause ("Bogdanov … claimed the race would be his, but McIlroy is unfazed. He admitted:
        “…”" is McIlroy). Not one the sentences after theirs have moved on from, back to the
        ``last`` speaker named again ("Celestine Babayaro left the club in January …. It could
        be that …. Bridge's injury also means Mourinho … will not have …. “…,” he said" is
        Mourinho's)."""
        found = None
        for s in self._subjects_before(at):
            if s.pos <= after or at - s.pos > 3000:
                break
            if s.kind == "person" and _compatible(pronoun, s.name):
                found = s
                break
        if found is not None and last is not None and self._named_again(last, found.pos, at):
            found = None
        lo = max(after + 1, at - 3000, found.pos if found is not None else 0)
        region = self.masked[lo:at]
        if " but " in region or "But " in region:
            for m in reversed(list(_BUT_SUBJECT_RE.finditer(self.masked, lo, at))):
                canon = self.resolver.canonical(m.group(1))
                if canon in self.resolver.full and speaker_kind(canon) == "person" and _is_person_like(canon) \
                        and _compatible(pronoun, canon):
                    return canon
        return found.name if found is not None else None

    def _named_again(self, name: str, pos: int, at: int) -> bool:
        """Whether ``name``'s surname stands in a sentence between the one at ``pos`` and the
        one at ``at``, two sentences or more apart (the writer's sentences, quotations masked;
        not the sentence at ``at``: "she called Wells Fargo’s behavior …" names its object)."""
        k, j = bisect_right(self._starts, pos) - 1, bisect_right(self._starts, at) - 1
        if k < 0 or j - k < 2:
            return False    # (the subject's sentence is the one right before: it stays theirs)
        pattern = re.compile(r"\b" + re.escape(name.split()[-1]) + r"\b")
        return pattern.search(self.masked, self.sentences[k][1], self._starts[j]) is not None

    def group_subject(self, at: int, *, after: int) -> str | None:
        """The plural group opening the writer's sentence before the one at ``at``, if after
        ``after`` ("Residents gathered outside. “…,” they said."), or a party opening that
        sentence or the one at ``at``. (Only that sentence: one opening with something else,
        "Major companies …", is what "they" continues.)"""
        j = bisect_right(self._starts, at) - 2
        own = self._subject_of(j + 1) if j + 1 >= 0 else None
        if own is not None and after < own.pos < at and _party_name(own.name):
            return own.name     # "The Tories have promised …, who they say …": the party
        if j < 0 or self.sentences[j][0] <= after:
            return None
        if (group := group_opening(self.masked, *self.sentences[j])) is not None:
            return group
        sub = self._subject_of(j)
        # "The Tories have promised …. They say …": a party is a group too
        return sub.name if sub is not None and sub.pos > after and _party_name(sub.name) else None

    def description(self, desc: str, at: int, seen: list[tuple[int, str]]) -> str | None:
        """The entity a definite description stands for: the nearest of its kind before it (a
        sentence's subject or a speaker quoted), else the first named in the two sentences after
        it; ``None`` when the article has none of its kind nearby."""
        kind = description_kind(desc)
        if kind is None:
            return None
        words = desc.lower().split()
        head = words[words.index("of", 2) - 1] if "of" in words[2:] else words[-1]  # "the chairman of …"
        if self._subject_index is None:
            self._subject_index = {}
            for s in self.subjects:       # text order: each list is sorted
                self._subject_index.setdefault(s.kind, []).append((s.pos, s.name))
        for p, spk in seen[self._seen_n:]:     # ``seen`` only grows
            k = "organisation" if named_as_organisation(self.text, spk) else _speaker_kind_of(spk)
            if k:
                insort(self._seen_index.setdefault(k, []), (p, spk))
        self._seen_n = len(seen)
        if kind == "organisation" and head not in _GENERIC_ORG_HEADS \
                and (named := self._introduced_before(at, head)) is not None:
            return named    # "Australian brewer Fosters … Southcorp confirmed the brewer had …": Fosters
        near, any_before = [], False
        for index in (self._subject_index, self._seen_index):
            items = index.get(kind, [])
            j = bisect_left(items, (at,))      # items before ``at``
            i = j
            while i > 0 and at - items[i - 1][0] <= 2500:
                i -= 1
            near += items[i:j]
            any_before = any_before or j > 0
        # "the Democratic nominee", "the Tory leader": a party in the description
        # must be in a title the article gives the person ("Democratic nominee Hillary
        # Clinton"); the nearest person may belong to the other side
        mods = {w.lower() for w in desc.split()[1:-1] if w in _PARTY_WORDS}
        for _pos, name in sorted(near, reverse=True):
            if head in _NAMED_HEADS and not _NAMED_HEADS[head] & {w.lower() for w in name.split()} \
                    and not (head in _MEDIA_HEADS and name.removeprefix("the ") in _MEDIA_ACRONYMS):
                continue    # "the newspaper": a paper ("the Sunday Telegraph", "the FT"), not Qantas
            if kind == "organisation" and name.split()[-1] in ("Court", "Tribunal") and head not in ("court", "tribunal"):
                continue    # ("the Appeal Court ruled …. But the group says …": the group is not the court)
            if kind == "person" and (not self._may_hold(name, head) or self._named_in_clause(name, at)
                                     or mods and not mods <= self._title_words(name)
                                     or "of" not in words and self._other_titled(name, head)):
                continue
            return name
        if kind == "organisation" and ((named := self._introduced_before(at, head)) is not None
                                       or not any_before and (named := self.company_named_before(at, head))):
            return named    # "Indian drugmaker Dr Reddy's …. The firm said": named after its kind
        if any_before or desc.split()[-1][:1].isupper():
            return None     # ("The Brazilian confirmed …": a nationality looks back, never ahead)
        after = (kind == "person" and self._titled_so(head)) or self._named_after(kind, at, head)
        if after is not None and head in _NAMED_HEADS and not _NAMED_HEADS[head] & {w.lower() for w in after.split()}:
            return None     # ("Vedomosti newspaper reported …. The paper added …. Gazprom …": no paper after)
        if after is not None and kind == "person" and mods and not mods <= self._title_words(after):
            return None     # ("The Democratic nominee attacked her opponent …" was not Barack Obama, named later)
        return after

    def _may_hold(self, name: str, head: str) -> bool:
        """Whether ``name`` can be "the <head>": not when the article gives them another title
        ("Prime Minister Tony Blair" is not "the chancellor")."""
        if head not in _offices():
            return True     # "the pop star", "the 30-year-old": no office, so no other excludes it
        if name not in self._held:
            self._held[name] = {k.split()[-1] for k, v in self.resolver._get().title_of.items() if v == name} \
                & _offices() | self._apposed_roles(name)
        held = self._held[name]
        return not held or head in held

    def _other_titled(self, name: str, head: str) -> bool:
        """Whether ``name`` holds the office only with an "of" phrase ("Zippy Duvall, the
        president of the American Farm Bureau") while the article puts the bare title before
        another surname ("President Trump"): "the president" is then the other (NYT: "The
        president announced the Phase 1 trade deal" had been Zippy Duvall's)."""
        if name.split()[-1] + ", " not in self.text or head not in self.text:
            return False    # (most names have no apposition: no pattern compiled for them)
        last = re.escape(name.split()[-1])
        qualified = re.search(r"\b" + last + r", (?:a|an|the)(?: [\w'’-]+){0,3}? " + re.escape(head)
                              + r" (?:of|for|at)\b", self.text)
        if qualified is None:
            return False
        other = re.search(r"\b" + re.escape(head.title()) + r" ([A-Z][a-z]+)\b", self.text)
        return other is not None and other.group(1) != name.split()[-1]

    def _apposed_roles(self, name: str) -> set[str]:
        """The role nouns an apposition after ``name`` gives ("Jane Smith, a lawyer for the
        union," → lawyer; "Ms Smith, the city's mayor," → mayor): such a person is not "the
        mayor" an article never names, nor another office's holder."""
        if name in self._roles:
            return self._roles[name]
        if name.split()[-1] + ", " not in self.text:
            self._roles[name] = set()   # (no apposition after the name: no pattern compiled for it)
            return self._roles[name]
        last = re.escape(name.split()[-1])
        self._roles[name] = found = {m.group(1).lower() for m in re.finditer(
            r"\b" + last + r", (?:a|an|the)(?: [\w'’-]+){0,3}? ([a-z][a-z-]+)(?= (?:of|for|at|in|with|who)\b|,)",
            self.text)}
        return found

    def _title_words(self, name: str) -> set[str]:
        """The party words the article puts right before ``name`` or its surname ("Democratic
        nominee Hillary Clinton", "Tory leader Michael Howard", "the Republican, Trump")."""
        if name not in self._parties:
            found = set()
            for m in re.finditer(r"\b" + re.escape(name.split()[-1]) + r"\b", self.text):
                p = _PARTY_BEFORE_RE.search(self.text, max(0, m.start() - 80), m.start())
                if p is not None:
                    found.add(p.group(1).lower())
            self._parties[name] = found
        return self._parties[name]

    def _named_in_clause(self, name: str, at: int) -> bool:
        """Whether the rest of the sentence names ``name``: "But the chancellor said Mr Baume
        was never at meetings" is not Mr Baume speaking of himself."""
        k = bisect_right(self._starts, at) - 1
        hi = self.sentences[k][1] if k >= 0 else len(self.text)
        return re.search(r"\b" + re.escape(name.split()[-1]) + r"\b", self.text[at:hi]) is not None

    def _titled_so(self, head: str) -> str | None:
        """The one person the article names right after the title ``head`` ("China's
        ambassador to Britain Liu Xiaming", "ambassador, Liu Xiaming"), wherever: a lead's "China's
        ambassador to Britain accused …" names him only paragraphs later, and the first name in
        the sentences after it ("Cheuk Hau-yip, the commander of Kowloon West") is another's."""
        if head in self._titled:
            return self._titled[head]
        self._titled[head] = None       # (once per head: a long transcript asks for each quote)
        if len(head) < 4 or head not in self.text:
            return None
        found = set()
        for m in re.finditer(r"\b" + re.escape(head) + r"(?:\s+(?:to|in|at|of|for)(?:\s+the)?\s+[A-Z][\w'’-]*)?,?\s+"
                             r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,2})", self.text):
            name = self.resolver.canonical(m.group(1))
            if name in self.resolver.full and speaker_kind(name) == "person" and _is_person_like(name):
                found.add(name)
        self._titled[head] = found.pop() if len(found) == 1 else None
        return self._titled[head]

    def _introduced_before(self, at: int, head: str) -> str | None:
        """The organisation the few paragraphs before ``at`` introduce by its kind ("Irish
        publishing group Independent News & Media", "Indian drugmaker Dr Reddy's"), when "the
        <head>" may stand for it: the same noun, or a company's generic one (company, firm,
        group). ("the club" is no description the resolver reads: tried, "the German club"
        became "the German".)"""
        lo = max(0, at - 1500)
        if head not in self.masked[lo:at] and head not in _GENERIC_ORG_HEADS:
            return None
        same = kindred = None    # (the same noun wins: "publishing group X … newspaper company Y. The group")
        for m in _INTRODUCED_ORG_RE.finditer(self.masked, lo, at):
            if m.group(1).lower() == head:
                same = m.group(2)
            elif head in _GENERIC_ORG_HEADS and m.group(1).lower() in _COMPANY_KINDS:
                kindred = m.group(2)
        found = same or kindred
        return _POSSESSIVE_RE.sub("", found) if found else None

    def company_named_before(self, at: int, head: str, *, lo: int | None = None) -> str | None:
        """The one company the paragraph or two before ``at`` names with a company's word at its
        end ("Shares in Multiplex Group, which is building …, fell …. The Australian firm said"),
        when "the <head>" is a company's generic noun and no organisation opened a sentence."""
        if head not in _GENERIC_ORG_HEADS:
            return None
        lo = max(0, at - 800) if lo is None else lo
        found = {f for f in self.resolver.full if f.split()[-1] in _COMPANY_ENDINGS and f in self.masked[lo:at]
                 # (not the end of a longer name: "the Interactive Media in Retail Group")
                 and not re.search(r"[A-Z][\w'’-]* [A-Z][\w'’-]* (?:in|of|for|and|&) " + re.escape(f), self.text)}
        return found.pop() if len(found) == 1 else None

    def _named_after(self, kind: str, at: int, head: str) -> str | None:
        """The first entity of ``kind`` named in the two sentences after ``at`` who may be "the
        <head>"."""
        k = bisect_right(self._starts, at)
        hi = self.sentences[min(k + 1, len(self.sentences) - 1)][1] if self.sentences else len(self.text)
        window = self.masked[at:hi]     # (not a name inside a quotation: what is spoken of, not who speaks)
        hits = []
        if kind == "person":
            for full in self.resolver.full:
                i = window.find(full)
                # (a title elsewhere may be a second office: "the chairman of the working
                # party, Ambassador Stefan Johannesson"; an apposition's role is not)
                if i >= 0 and speaker_kind(full) == "person" and _is_person_like(full) \
                        and (head not in _offices() or not self._apposed_roles(full) or head in self._apposed_roles(full)):
                    hits.append((i, full))
        else:
            for m in _ORG_NAME_RE.finditer(window):
                words = [w for w in m.group(1).split() if w.lower() not in _stopwords()]
                if len(words) >= 2:
                    hits.append((m.start(1) + m.group(1).find(words[0]), " ".join(words)))
            subjects = self.subjects
            i = bisect_left(subjects, at, key=lambda s: s.pos)
            for s in subjects[i:]:
                if s.pos >= hi:
                    break
                if s.kind == kind:
                    hits.append((s.pos - at, s.name))
        return min(hits)[1] if hits else None


@lru_cache(maxsize=4096)
def _speaker_kind_of(speaker: str) -> str | None:
    """person / organisation for a speaker already resolved to a name; None for the rest."""
    kind = speaker_kind(speaker)
    if kind == "person" and len(speaker.split()) > 1 and _is_person_like(speaker):
        return "person"
    if kind == "organisation" and speaker not in places():
        return "organisation"
    return None
