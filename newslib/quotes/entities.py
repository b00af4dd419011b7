"""Names, titles and the entity each speaker is.

Per article, :class:`NameResolver` clusters the name variants (Ebrahim Raisi / Raisi /
Mr Raisi) and maps descriptions tied to a name ("the Iranian president"); the framing module
uses it for actors too. Per corpus, :func:`resolve_speakers` runs once over the whole quote
table (share of voice counts across articles), in this order:

1. **The name a speaker string stands for** (:func:`speaker_name`): a possessive place or
   outlet in front is not part of the name ("Iran’s President Ebrahim Raisi" → "Ebrahim
   Raisi", "Iran’s Raisi" → "Raisi"), nor are titles, days or post-nominals ("Sir Digby Jones"
   → "Digby Jones", "Guy Mansfield QC" → "Guy Mansfield").
2. **Kind** (:func:`speaker_kind`): a pronoun or a description ("the company", "a spokesman")
   that the article did not tie to a name is *unresolved* and stays as written — never
   guessed; "analysts", "Labour MPs" are *groups*; a place speaking ("Iran said"), an acronym
   (IRNA), a name ending in an organisation word (Council, Party) or "the" + proper noun
   ("the Kremlin") is an *organisation*; a name is a *person*.
3. **Clusters across articles**: person names with the same surname and a compatible given
   name ("George Bush" / "George W. Bush", "Vince" / "Vincent") are one person, named by the
   fullest form; a lone surname ("Raisi", "Iran Raisi") joins the only person of that surname
   quoted in its article, else the only one in the corpus, or one quoted five times as often
   as any other; otherwise (Gordon Brown and Nick Brown, neither dominant) it stays as written.

Why rules: a reader can see why two names were merged; a named-entity model is not available
offline.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from functools import lru_cache

import pandas as pd

from .. import _compiled
from ..lexicons import data_lines, given_names, known_organisations, speaker_words
from .words import (
    _COMPANY_KINDS,
    _FUNCTION_WORDS,
    _MINOR_WORDS,
    _ORG_DESCRIPTIONS,
    _one_edit,
    capitalised_inside,
)

# ---------------------------------------------------------------------------- resolution


@lru_cache(maxsize=4096)
def _nationality(word: str) -> bool:
    """Whether a capitalised word before a name is a nationality ("Kenyan Eliud Kipchoge",
    "Pakistani", "Maltese"), not a given name ("Farhan Aziz Haq", "Brian", "Ali").

    Why: the shape alone ("-an", "-i") also fits many given names, and a given name taken for a
    nationality loses the person's first name ("Aziz Haq"). An "-ian/-ese/-ish" word is a
    nationality unless it is a known given name (Christian, Julian); a shorter "-an" or "-i"
    word only when a place of the lexicon is its stem (Kenya, Mexico, Germany, Pakistan, North
    Korea), or a "-man" word made of a nationality or place ("Frenchman", "Scotsman": not
    "Goldman Sachs" or "Human Rights Watch").

    >>> [_nationality(w) for w in ("Kenyan", "Korean", "German", "Pakistani", "Cornish", "Frenchman")]
    [True, True, True, True, True, True]
    >>> [_nationality(w) for w in ("Farhan", "Ali", "Julian", "Sri", "Norman", "Goldman", "Human")]
    [False, False, False, False, False, False, False]
    """
    if not re.fullmatch(r"[A-Z][a-z]+(?:an|ese|ish|i)", word) or len(word) < 4:
        return False
    words = _place_words()
    if word.endswith("man") and (word[:-3].endswith(("sh", "ch", "s")) or word[:-3] in words):
        return True     # "Frenchman", "Scotsman" (not "Goldman", "Human", "Norman")
    if word in places() or any(stem in words for stem in (word[:-1], word[:-2], word[:-2] + "o", word[:-2] + "y",
                                                       word[:-2] + "e", word[:-2] + "any", word[:-2] + "as", word + "a")):
        return True
    return word.endswith(("ian", "ese", "ish")) and word.lower() not in given_names()


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """The places of the lexicon and each word of their names ("Korea" of "North Korea",
    "Saudi" of "Saudi Arabia"), for :func:`_nationality`."""
    return frozenset(places()) | {w for p in places() for w in p.split() if w[:1].isupper()}


def _modifier_before_given_name(words: list[str]) -> bool:
    """Whether the first of three or more name words is a modifier before a known given name
    ("Corkman Mark Carroll", "Tory Michael Howard"), not a given name of its own ("Juan Carlos
    Ferrero", "Farhan Aziz Haq", "Sri Mulyani Indrawati": the second word no known given name).

    Why: a job or an adjective opening a sentence is capitalised ("Guitarist Brian May",
    "Defiant Matt Williams") and would otherwise be counted as a first name. An unknown given
    name before a known one ("Ard Jan Vetham", "Farhat Omar") stays: only a word that is a
    role, an affiliation, a number, a possessive or has a role noun's ending is taken off.

    >>> [_modifier_before_given_name(n.split()) for n in ("Producer Barry Weissler", "Juan Carlos Ferrero",
    ...                                                   "Ard Jan Vetham", "Lawyers' Christian Fellowship")]
    [True, False, False, False]
    """
    names = given_names()
    first = words[0].lower()
    return first not in names and words[1].lower() in names and _modifier_word(words[0]) \
        and speaker_kind(" ".join(words)) == "person"   # not "Lawyers' Christian Fellowship"


_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten both".split())
# endings of role nouns and adjectives ("Producer", "Guitarist", "Referee", "Defiant", "Corkman")
_MODIFIER_ENDINGS = ("er", "or", "ist", "ee", "ant", "ent", "ive", "ful", "ous", "man")


def _modifier_word(word: str) -> bool:
    """A capitalised word that is a role, an affiliation, a number, a possessive or has the
    ending of a role noun or adjective: what stands before a name, not in it."""
    low = word.lower()
    if low.endswith(("'", "’", "'s", "’s")):
        return True     # "Ladbrokes' Warren Lush"
    sw = speaker_words()
    return low in _NUMBER_WORDS or any(low in sw[k] for k in ("titles", "occupations", "people", "affiliations")) \
        or low.endswith(_MODIFIER_ENDINGS)


#: a company's kind, capitalised at a sentence's start before its name ("Bookmaker Ladbrokes
#: said", "Carmaker Toyota said"): no part of the name. (Not "airline", "group", "bank" and the
#: other kinds that begin names: "Airline Pilots Association", "Group Menatep", "Bank Rossii".)
_KIND_BEFORE_NAME = (_COMPANY_KINDS - frozenset("company firm group maker airline bank giant chain operator carrier "
                                                "producer supplier developer".split())) \
    | frozenset("bookmakers regulator watchdog".split())


def _strip_titles(name: str) -> str:
    if name in known_organisations():
        return name     # "General Electric"
    titles = speaker_words()["titles"]
    words = name.split()    # (either apostrophe alike: "China’s ambassador" stays a description)
    if len(words) > 1 and words[0].lower() in _KIND_BEFORE_NAME and words[0][:1].isupper() and words[1][:1].isupper():
        return " ".join(words[1:])   # "Bookmaker Ladbrokes" -> Ladbrokes ("Carmaker General Motors": no title)
    while len(words) > 1 and words[1].lower() not in {"for", "of", "at"} \
            and not (words[1].islower() and words[1] not in titles and words[1] not in {"from", "in", "to"}
                     and words[0].lower() in titles) \
            and (words[0].lower().rstrip(".") in titles or words[0].lower() in titles
                              or words[0].lower() in {"the", "a", "an"}
                              or len(words) > 2 and (_nationality(words[0]) and words[-1] not in _ORG_HEADS
                                                     or _modifier_before_given_name(words))
                              or _PLACE_MODIFIER_RE.fullmatch(words[0]) is not None):
        words = words[1:]
    return " ".join(words)


#: lower-case words describing the capitalised name after them ("technology analysts Gartner")
_DESCRIBED_NAME_RE = re.compile(r"(?:the\s+)?((?:(?!the\s)[a-z][\w'’-]*\s+){1,3})(?:the\s+)?"    # ("local newspaper the Daily Telegraph")
                                r"([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})")


def _describes_a_source(head: str) -> bool:
    """Whether a lower-case noun describing a name can stand for it: an organisation's kind
    ("firm", "group"), a role ("spokesman") or people ("analysts")."""
    return head in _ORG_DESCRIPTIONS or head in _roles() or _plural_people(head)


#: a compound modifier naming where a company is based or traded, not part of its name
#: ("Sydney-listed Virgin Blue", "London-based Barclays", "US-owned …")
_PLACE_MODIFIER_RE = re.compile(r"[A-Z][\w.]*-(?:based|listed|headquartered|owned|registered|quoted|born|bred)")


# (?=[A-Z]) first: the engine skips every position that cannot start a name at once (twice as
# fast; the same matches)
#: the letters of a name: ASCII and the accented Latin letters of Latin-1 and Latin Extended-A
#: ("José Manuel Barroso", "Recep Tayyip Erdoğan", "Łukasz"); the C fast path reads the same
_UP = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x180)) if c.isupper())
_LO = "a-zß-öø-ÿ" + "".join(c for c in map(chr, range(0x100, 0x180)) if c.islower())
#: the space between the words of a name: at most one line break (a hard-wrapped line), never a
#: paragraph's end ("… Now Available\n\nThe report claims" held a name "Available The", and a
#: headline's last word ran into the first name of the story: "Chancellor\n\nChancellor Gordon Brown")
NAME_GAP = r"(?:[^\S\n]+\n?|\n)[^\S\n]*"
_NAME_SEQ_RE = re.compile(rf"(?=[{_UP}])((?:[{_UP}][{_LO}]+{NAME_GAP}){{0,3}})((?:[{_UP}][{_UP}{_LO}'’-]+)"
                          rf"(?:{NAME_GAP}[{_UP}][{_UP}{_LO}'’-]+){{1,3}})")


def _name_sequences(text: str) -> list[tuple[str, str]]:
    """(prefix, name) groups of every ``_NAME_SEQ_RE`` match, in C when it is built."""
    if _compiled.C is not None:
        return _compiled.C.name_sequences(text)
    return [m.groups() for m in _NAME_SEQ_RE.finditer(text)]


_MIDDLE_INITIAL_RE = re.compile(rf"(?<![\w.])([{_UP}][{_LO}]+) [A-Z]\. [{_UP}][{_UP}{_LO}'’-]+")
#: what every match of the pattern above holds: found five times faster (a literal first), and
#: in most texts absent
_MIDDLE_INITIAL_SUB_RE = re.compile(r" [A-Z]\. ")     # "Donald J. Trump": the initial between two names
_MIDDLE_INITIAL_HINT_RE = re.compile(r" [A-Z]\. [A-Z]")
_TITLE_ABBREVIATIONS = {"Gov": "governor", "Sen": "senator", "Rep": "congressman", "Del": "delegate", "Gen": "general",
                        "Lt": "lieutenant", "Col": "colonel", "Capt": "captain", "Prof": "professor",
                        "Sgt": "sergeant", "Adm": "admiral", "Supt": "superintendent", "Insp": "inspector"}
_ABBREVIATED_TITLE_RE = re.compile(r"\b(" + "|".join(_TITLE_ABBREVIATIONS)
                                   + r")\.\s+((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)")
_ABBREVIATION_HINT_RE = re.compile("(?:" + "|".join(_TITLE_ABBREVIATIONS) + r")\. [A-Z]")
_POSSESSIVE_RE = re.compile(r"(?:['’]s|(?<=s)['’])$")
#: a firm's name joined by an ampersand, which the runs of capitalised words above break
_AMPERSAND_NAME_RE = re.compile(r"(?<![\w'’-])(?:[A-Z][\w-]*\s){0,2}[A-Z][\w-]* & [A-Z][\w-]*(?:\s[A-Z][\w-]*){0,2}(?![\w-])")
_KNIGHTHOOD = frozenset({"sir", "dame"})      # of the peerage titles, those before a given name
#: royal titles: before a given name too, but a royal has no other name to be counted under
#: ("Prince Andrew" is never the article's Andrew Marr)
ROYAL_TITLES = frozenset({"prince", "princess", "king", "queen"})
_NATIONALITY_RE = re.compile(r"[A-Z][a-z]+(?:ian|an|ese|ish)")
_THE_OF = frozenset({"the", "of"})
#: capitalised words opening a sentence before a name that are never part of it ("All" is left
#: out: the All Blacks, All Saints)
_NAME_OPENERS = frozenset("A An Some Many Several Most Both Each Every Few Other Such Any Another "
                           "Two Three Four Five Six Seven Eight Nine Ten Dozens Hundreds Thousands".split())
# words that open the names of places and never a title or a given name: the name pattern's
# prefix took "New" from "New York Times"
_PLACE_FIRST_WORDS = frozenset("New Los Las San Santa Sao Rio Buenos Hong Sri Costa Puerto".split())
# capitalised particles inside a surname ("Van Der Beek", "De La Hoya", "Bin Laden")
_RUN_IN_HEADING_RE = re.compile(
    r"(?m)^([A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|to|of|the|and|for|on|in|a|an|with|at|by)){2,8}):(?= )")
#: a work's title in apposition after the word for it ("her 2003 book, Living History, …", "a
#: memoir entitled The White House Doctor"): no one's name
WORK_NOUNS = ("book", "memoir", "memoirs", "autobiography", "novel", "biography", "film", "movie", "documentary",
              "album", "song", "play", "poem", "essay", "column", "op-ed", "show", "series")
_TITLE_WORDS = r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’:-]*|of|the|a|an|in|and|to|for|on|with|at))*"
#: the title in apposition closes with a comma ("her book, Living History, Clinton …"; not "In
#: his book, Clinton wrote", the subject), or follows "titled", "entitled", "called"
_WORK_TITLE_AFTER_RE = re.compile(r",\s+[“\"]?(" + _TITLE_WORDS + r")[”\"]?(?=\s*,)|\s+(?:titled|entitled|called)\s+[“\"]?("
                                  + _TITLE_WORDS + r")[”\"]?(?=\s*[,.;:(]|\s+[a-z])")
_OF_DETERMINERS = ("of the ", "of his ", "of her ", "of their ", "of its ", "of a ", "of an ")
_PARTICLE_HINT_RE = re.compile(r" (?:de|da|di|du|van|von|del|della|le|la)(?: der| den| la)? [A-Z]")
_PARTICLE_NAME_RE = re.compile(r"\b([A-Z][a-z]+) (?:de|da|di|du|van|von|del|della|le|la)(?: der| den| la)? [A-Z][\w'’-]+")
_NAME_PARTICLES = frozenset("de da van von der den del la le al el bin ibn di du".split())


def _title_case_headline_end(text: str) -> int:
    """Where the text's first line ends when it is a headline in title case ("Republicans Are
    Following Trump to Nowhere"), else 0: there every word is capitalised, so a capitalised
    pair is no sign of a name.

    >>> _title_case_headline_end("Blair Faces Fresh Revolt\\n\\nMr Blair said.")
    24
    >>> _title_case_headline_end("Blair faces fresh revolt\\n\\nMr Blair said.")
    0
    """
    end = text.find("\n")
    if end <= 0:
        return 0
    words = [w for w in text[:end].split() if w[:1].isalpha() and w.lower() not in _MINOR_WORDS]
    return end if len(words) >= 3 and all(w[:1].isupper() for w in words) else 0


#: offices one person holds at a time, which a lower-case title before a name can give
_SINGLE_OFFICES = ("mayor", "chancellor", "president", "premier", "governor", "chairman", "chairwoman",
                   "leader", "coach", "manager", "captain", "commissioner", "secretary", "minister")
#: words before an office that make it another office ("shadow home secretary", "former chancellor")
_OTHER_OFFICE_WORDS = frozenset("shadow former deputy acting vice assistant junior interim outgoing ex then "
                                "late previous future would-be prospective".split())
#: an office in lower case right before a full name ("London mayor Ken Livingstone", "Tory
#: leader Michael Howard"); the words before it are read from the text (a pattern that matched
#: them too would try them at every position of the article: 1.4 s over BBC, against 0.1)
_LOWER_TITLE_RE = re.compile(r"(?<![-\w])(?P<role>" + "|".join(_SINGLE_OFFICES)
                             + r") (?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2})")


def _lower_titles_in(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_LOWER_TITLE_RE`` in ``text``, in text order per office: str.find
    for each office first (a tenth of the pattern's time over BBC: most articles name few)."""
    for role in _SINGLE_OFFICES:
        i = text.find(role + " ")
        while i >= 0:
            j = i + len(role) + 1
            if j < len(text) and text[j].isupper() and (m := _LOWER_TITLE_RE.match(text, i)) is not None:
                yield m
            i = text.find(role + " ", j)


#: the word before a name, and a place between them ("ambassador to Britain Liu Xiaming")
_ROLE_BEFORE_RE = re.compile(r"([A-Za-z]+)\s+(?:(?:to|in|at)\s+([A-Z][a-z]+)\s+)?$")


def _word_positions(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of each of ``words`` standing as a whole lower-case word in ``text``.

    >>> _word_positions("a book, a bookshop, the film", ("book", "film"))
    [(2, 6), (24, 28)]
    """
    found = []
    for w in words:
        i = text.find(w)
        while i >= 0:
            e = i + len(w)
            if (i == 0 or not text[i - 1].isalnum()) and (e == len(text) or not text[e].isalnum()):
                found.append((i, e))
            i = text.find(w, e)
    return sorted(found)


def _without_false_names(body: str) -> str:
    """``body`` with blanks, of the same length, over capitalised words that are no one's name:
    a run-in heading opening a paragraph ("Limited Tools to Fight Terrorism: The United Nations
    …": "he" had become "Limited Tools") and a work's title in apposition ("In her 2003 book,
    Living History, Clinton noted …": "she" had become "Living History").

    >>> _without_false_names("In her book, Living History, Clinton wrote.")
    'In her book,               , Clinton wrote.'
    >>> _without_false_names("In his book, Woodward wrote.")     # the subject, no title
    'In his book, Woodward wrote.'
    """
    if ":" in body:
        body = _RUN_IN_HEADING_RE.sub(lambda m: m.group() if m.group(1).split()[0].lower() in given_names()
                                      else " " * len(m.group()), body)
    spans = []
    for start, end in _word_positions(body, WORK_NOUNS):  # (str.find: a pattern of alternatives scans slowly)
        if body[max(0, start - 8):start].endswith(_OF_DETERMINERS):
            continue    # "the director of the film, Vinod Pande": the apposition is the director's
        t = _WORK_TITLE_AFTER_RE.match(body, end)
        title = 1 if t is not None and t.group(1) else 2
        if t is not None and t.group(title).split()[0].lower() not in given_names():
            spans.append(t.span(title))
    for s, e in spans:
        body = body[:s] + " " * (e - s) + body[e:]
    return body


#: he or she by the honorific before a surname (not Sir, Lord: "Sir Bill", "Lord Hamilton" of
#: somewhere follow rules of their own)
HONORIFIC_SEX = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she"}


_HEADLINE_FIRST_RE = re.compile(r"[A-Z][a-z]+(?= [A-Z][a-z])")


def _without_headline_adjective(text: str, body: str) -> str:
    """``body`` with its first word blanked when it opens a name but is no given name and is
    capitalised nowhere else: "Faultless Federer has no equal", "Edgy Agassi struggles past
    Dent" ("he" had become "Faultless Federer"). A role's noun stays, stripped as a title later
    ("Rapper Jay-Z": blanked, "Jay-Z" alone was no person's name).

    >>> t = "Faultless Federer wins" + chr(10) + "Roger Federer won."
    >>> _without_headline_adjective(t, t)[:22]
    '          Federer wins'
    """
    line = body[:200].split("\n", 1)
    if len(line) < 2 or line[0].rstrip().endswith((".", "!", "?", '"', "”")):
        return body     # no headline: the first line is a sentence ("Trevin Skeens sued. …")
    first = _HEADLINE_FIRST_RE.match(body)
    if first is None or first.group().lower() in given_names() or first.group().endswith(("er", "or", "ist")) \
            or capitalised_inside(text, first.group()):
        return body
    return " " * first.end() + body[first.end():]


class NameResolver:
    """Clusters the name variants of one article (Ebrahim Raisi / Raisi / Mr Raisi) and maps
    descriptions to names ("the Iranian president"); shared by quote speakers and framing actors."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._short: dict[str, str | None] = {}    # _short_name's answers
        self._by_last: dict[str, list[str]] | None = None   # _ending_with's index
        self.full: list[str] = []            # canonical multi-word names, first seen first
        self.title_of: dict[str, str] = {}   # "iranian president" -> "Ebrahim Raisi"
        titles = speaker_words()["titles"]
        seen: set[str] = set()
        self.headline_end = head = _title_case_headline_end(text)   # 0: no title-case headline
        if head:    # "Republicans Are Following Trump to Nowhere": no one is "Following Trump"
            body = text[head:]
            for g1, g2 in _name_sequences(text[:head]):
                self._add(g1, g2, seen, titles, body=body)
            # "Hillary Clinton Goes After Donald Trump As …": a given name and the next word, a
            # surname the body uses ("Clinton leaned in …. she said": she is Hillary Clinton)
            words = re.findall(r"[\w'’.-]+", text[:head])
            for given, last in zip(words, words[1:], strict=False):
                last = _POSSESSIVE_RE.sub("", last).rstrip(".")
                if given.lower() in given_names() and given[:1].isupper() and last[:1].isupper() \
                        and last[1:].islower() and last.lower() not in _stopwords() \
                        and last.lower() not in given_names() and re.search(rf"\b{re.escape(last)}\b", body) \
                        and f"{given} {last}" not in seen:
                    seen.add(f"{given} {last}")
                    self.full.append(f"{given} {last}")
        body = _without_false_names(text[head:] if head else text)
        if not head:
            body = _without_headline_adjective(text, body)
        for g1, g2 in _name_sequences(body):
            if "\n" in g1 or "\n" in g2:
                self._add_lines(g1 + g2, seen, titles)   # a headline's last word is no first name
                continue
            self._add(g1, g2, seen, titles)
        if _PARTICLE_HINT_RE.search(text):
            # "Bill de Blasio", "Ursula von der Leyen": a lower-case particle inside a name, which
            # the runs of capitalised words above split ("De Blasio said" was no one's surname)
            for m in _PARTICLE_NAME_RE.finditer(text):
                if m.group(1).lower() in given_names() and m.group() not in seen:
                    seen.add(m.group())
                    self.full.append(m.group())
        if " & " in text:   # "Independent News & Media", "Marks & Spencer": one organisation
            for m in _AMPERSAND_NAME_RE.finditer(text):
                firm = m.group()
                if firm.split()[0].lower() in _KIND_BEFORE_NAME:
                    firm = firm.split(None, 1)[1]   # "Retailer Marks & Spencer"
                if firm not in seen:
                    seen.add(firm)
                    self.full.append(firm)
        self._lower_titles(text, seen)
        if ". " in text:
            # "Lawrence B. Cummings", "Donald J. Trump": a middle initial breaks the runs above
            for m in _MIDDLE_INITIAL_RE.finditer(text) if _MIDDLE_INITIAL_HINT_RE.search(text) else ():
                if m.group(1).lower() not in titles and m.group(1).lower() not in _stopwords():
                    self._add("", m.group(0), seen, titles)
            # "Republican Gov. Eric Holcomb": the abbreviated title is "the governor" later
            for m in (_ABBREVIATED_TITLE_RE.finditer(text) if _ABBREVIATION_HINT_RE.search(text)
                      else ()):     # (most texts have none: a search without word boundaries is cheaper)
                word = _TITLE_ABBREVIATIONS[m.group(1)]
                name = _strip_titles(m.group(2))
                if len(name.split()) >= 2:
                    self.title_of.setdefault(word, name)
                    before = text[max(0, m.start() - 30):m.start()].split()[-1:]
                    if before and before[0][:1].isupper() and before[0].isalpha():
                        self.title_of.setdefault(f"{before[0].lower()} {word}", name)

    def _lower_titles(self, text: str, seen: set[str]) -> None:
        """"London mayor Ken Livingstone", "Tory leader Michael Howard": an office written in
        lower case before a full name the article has, so "the mayor" later is that person; not
        after a word that makes it another office ("shadow home secretary David Davis", "former
        chancellor Ken Clarke" are not "the home secretary", "the chancellor"), and only where
        no earlier title gave the office."""
        for m in _lower_titles_in(text):
            name = _strip_titles(m.group("name"))
            if name not in seen or len(name.split()) < 2:
                continue
            mods = text[max(0, m.start() - 60):m.start()].lower().split()[-3:]
            if text[max(0, m.start() - 1):m.start()] not in (" ", ""):
                continue    # ("\nmayor X": a line's first word; "(mayor": not an office before a name)
            if _OTHER_OFFICE_WORDS.intersection(mods) or any(w.startswith(("ex-", "then-")) for w in mods):
                continue
            role = m.group("role")
            if role in ("minister", "secretary"):
                lower = [w for w in mods[-2:] if w.isalpha()]
                if not lower:
                    continue    # "the minister": which one the words before say ("home", "prime")
                role = f"{lower[-1]} {role}"
            self.title_of.setdefault(role, name)

    def _add_lines(self, match: str, seen: set[str], titles: frozenset[str]) -> None:
        for line in match.split("\n"):
            for m in _NAME_SEQ_RE.finditer(line):
                self._add(m.group(1), m.group(2), seen, titles)

    def _add(self, g1: str, g2: str, seen: set[str], titles: frozenset[str], *, body: str | None = None) -> None:
        """Add the name in ``g2`` (``g1``: the capitalised words before it) to the article's
        names. ``body``: the text after a title-case headline the name comes from, where every
        word is capitalised, so a name of its is kept only when the body writes it too ("After
        Donald Trump As" is not)."""
        pre, name = g1.split(), g2.split()
        if name[0] in _NAME_OPENERS:
            # "An IAAF statement said": an article opening the sentence; "Some Citigroup
            # operations": a quantifier (else "Citigroup said" became "Some Citigroup")
            pre.append(name.pop(0))
        # the name's own first words, taken as a prefix by the pattern: a particle or a given
        # name ("James Van Der Beek", "Carrie Ann Inaba"), not a title ("Judges Len Goodman")
        while pre and len(name) < 4 and (pre[-1].lower() in _NAME_PARTICLES or pre[-1].lower() in given_names()
                                         # "Hicham El Guerrouj": a surname opening with a particle
                                         or name[0].lower() in _NAME_PARTICLES and pre[-1].lower() not in titles
                                         and pre[-1].lower() not in _THE_OF
                                         # "New York Times", "Los Angeles Times": a place's first word
                                         or pre[-1] in _PLACE_FIRST_WORDS):
            name.insert(0, pre.pop())     # ("Joel Eriksson Ek": a given name before a two-word surname)
        # move title-like leading words of the name into the prefix
        while len(name) > 2 and (name[0].lower() in titles or name[0].lower() in _TITLE_TAILS
                                 or _nationality(name[0])
                                 # "the UN Nikki Haley": an acronym before a given name
                                 or name[0].isupper() and len(name[0]) <= 5 and name[1].lower() in given_names()):
            pre.append(name.pop(0))
        if len(name) >= 2 and (name[0].lower() in titles or _PLACE_MODIFIER_RE.fullmatch(name[0])
                               or name[0].lower() in _KIND_BEFORE_NAME):     # ("Bookmaker Ladbrokes")
            pre.append(name.pop(0))
        while len(name) >= 2 and name[0].lower() in CLAUSE_OPENERS:
            # "When Clinton returned", "On Monday": a sentence's opening function word, no one's
            # first name (else "Clinton" was "When Clinton", and "she" could not stand for her)
            pre.append(name.pop(0))
        while len(name) >= 2 and name[0].lower() in _DAY_MONTH_WORDS and name[0].lower() not in _DATES_IN_NAMES:
            # "In September Symantec released": a date opening the clause, no one's first name
            # (else "he" later could stand for "September Symantec")
            pre.append(name.pop(0))
        if len(name) < 2 or any(w.lower() in _THE_OF for w in name):
            return
        if name[-1].lower() + "." in titles:
            return      # "Democratic Sen. Claire McCaskill": "Democratic Sen" is no one's name
        name[-1] = _POSSESSIVE_RE.sub("", name[-1])     # "Robin Butler's comments": Robin Butler
        if "'" in g2 or "’" in g2:      # (every possessive holds one)
            cut = max((i + 1 for i, w in enumerate(name[:-1]) if _POSSESSIVE_RE.search(w)), default=0)
            name = name[cut:]       # "the Scottish National Party's Holyrood leader": no "Party's Holyrood"
        if len(name) < 2:
            return
        canon = " ".join(name)
        if body is not None and canon not in body:
            return      # (a given name and its surname: __init__ pairs them itself)
        if canon not in seen:
            seen.add(canon)
            self.full.append(canon)
        key = " ".join(w.lower() for w in pre if w.lower() not in {"the", "a", "an", "and"})
        if key and any(w in titles for w in key.split()):
            self.title_of.setdefault(key, canon)
            self.title_of.setdefault(key.split()[-1], canon) if len(key.split()) > 1 else None

    def _short_name(self, last: str) -> str | None:
        """"the Times" after "The New York Times", "the Commission" after "the European
        Commission": the one organisation of the article whose name ends with ``last`` (read
        once per word: each answer scans the text), written with "the" where the article
        writes it so. None where "the Mail" opens a name of its own ("The Mail on Sunday", "the
        Bank of England"), which the pattern for names cannot hold."""
        if last not in self._short:
            found = None
            if not (f"he {last} on Sunday" in self.text or f"he {last} of" in self.text) or not re.search(
                    r"\b[Tt]he " + re.escape(last) + r" (?:on Sunday|of)\b", self.text):   # (str first: no pattern per word)
                orgs = {f for f in self.full if f.split()[-1] == last and speaker_kind(f) == "organisation"
                        and f.split()[0].lower() not in _stopwords() | {"many", "several"}}  # not "Many EU" (ministers)
                if len(orgs) == 1:
                    org = orgs.pop()
                    found = "the " + org if re.search(r"\b[Tt]he " + re.escape(org), self.text) else org
            self._short[last] = found
        return self._short[last]

    def _ending_with(self, last: str) -> list[str]:
        """The article's full names whose last word is ``last``, in the order first named.

        Why an index: every mention of a surname looked through every full name of its article;
        the names are all known once the resolver is built (none is added later)."""
        if self._by_last is None:
            self._by_last = {}
            for full in self.full:
                self._by_last.setdefault(full.rsplit(" ", 1)[-1], []).append(full)
        return self._by_last.get(last, [])

    def _family_name_first(self, bare: str, *, titled: bool = True) -> str | None:
        """The one person's full name of the article that opens with ``bare``, when it names
        them ("Mr Wang" after "Wang Yan": a family name written first, in Chinese, Korean or
        Hungarian order) and no full name ends with it; not a given name ("Mr Gordon" is not
        Gordon Brown). Without a title ("Liu said" after "Liu Xiaming") only where no word of
        the full name is a given name ("EADS said" is no "EADS Philippe Camus") and the article
        gives the full name a role (:meth:`_given_a_role`)."""
        if bare.lower() in given_names():
            return None
        first = [f for f in self.full if f.split()[0] == bare and len(f.split()) <= 3 and speaker_kind(f) == "person"
                 and (titled or not any(w.lower() in given_names() for w in f.split()) and self._given_a_role(f))]
        return first[0] if len(first) == 1 else None

    def _given_or_family_name(self, bare: str, *, titled: bool) -> str | None:
        """The full name a one-word mention no full name ends with stands for: a royal's
        ("Harry" after "Prince Harry"), a family name written first ("Mr Wang" after "Wang
        Yan", "Liu said" after "Liu Xiaming"), a surname with two letters swapped."""
        if bare[1:].islower() and (royal := self._royal(bare)) is not None:
            named = [f for f in self.full if f.split()[0] == bare and len(f.split()) > 1]
            if len(named) == 1 and bare.lower() not in given_names():
                return named[0]     # "Prince Saud" after "Prince Saud Al-Faisal"
            return royal            # "Harry stayed an hour" after "Prince Harry visited"
        if (titled or bare[1:].islower() and len(bare) >= 2) \
                and (family := self._family_name_first(bare, titled=titled)) is not None:
            return family
        return self._transposed(bare)   # "Mr Montieth", "said Kudja" in an article naming David Monteith, Jarek Kujda

    def _royal(self, given: str) -> str | None:
        """"Prince Harry" where the article writes it and ``given`` is "Harry" (a search for a
        literal first: most single words have no royal title before them)."""
        for title in sorted(t.title() for t in ROYAL_TITLES):
            i = self.text.find(f"{title} {given}")
            if i >= 0 and not self.text[i + len(title) + 1 + len(given):][:1].isalpha():
                return f"{title} {given}"
        return None

    def _given_a_role(self, full: str) -> bool:
        """Whether the article writes a title or a person's role just before ``full`` ("Vice
        Premier He Lifeng", "China's ambassador to Britain Liu Xiaming"): a person, not a firm
        ("Pernod Ricard", "Cadbury Schweppes" open with a word used alone too)."""
        bare = full.split()[0]
        if re.search(r"\b" + re.escape(bare.lower()) + r"\b", self.text):
            return False    # "Music Rights": "music" is a word of the text, no family name
        if full in self.title_of.values():
            return True
        roles = _roles() - {"former", "acting", "late", "then", "new", "ex"}   # ("former Axa Equity & Law")
        for m in re.finditer(re.escape(full), self.text):
            before = self.text[max(0, m.start() - 40):m.start()]
            # the role right before the name, or before "to <place>" ("spokesman for Lycos
            # Europe" gives no role to Lycos Europe: "for" stands between; nor does "vice
            # president, Nissan Sales": a comma)
            if (r := _ROLE_BEFORE_RE.search(before)) is not None and r.group(1).lower() in roles \
                    and (r.group(2) is None or r.group(2) in places()):
                return True
        return False

    def _titled_fit(self, title: str, fulls: list[str]) -> list[str]:
        """Of the full names a titled surname may stand for, those the title fits: "Mr. Obama"
        is Barack Obama, not Michelle Obama named first; "President Obama" the one the article
        titles so ("President Barack Obama"). All of them when none fits, none when the honorific
        contradicts every one."""
        if title in HONORIFIC_SEX:
            fit = [f for f in fulls if _compatible(HONORIFIC_SEX[title], f)
                   and f.split()[0].lower() in given_names()]
            other = {"he": "she", "she": "he"}[HONORIFIC_SEX[title]]
            fit = [f for f in fit if not _compatible(other, f)] or fit   # (an unknown given name may fit)
            if not fit and all(not _compatible(HONORIFIC_SEX[title], f) for f in fulls):
                return []   # "Mr. Obama" where the article names only Michelle Obama: not her
        else:
            fit = [f for f in fulls if re.search(r"\b" + re.escape(title) + r"\.? " + re.escape(f) + r"\b",
                                                  self.text, re.IGNORECASE)]
        return fit or fulls

    def _transposed(self, bare: str) -> str | None:
        """The one person's full name whose surname is ``bare`` with two neighbouring letters
        swapped: a typo the copy made once ("Montieth" for "Monteith"), not another person
        (one letter more or changed may be: "Clark" and "Clarke")."""
        if len(bare) < 5:
            return None
        found = {f for f in self.full if len(f.split()) >= 2 and len(f.split()[-1]) == len(bare)
                 and f.split()[-1] != bare and sorted(f.split()[-1]) == sorted(bare)
                 and _one_edit(f.split()[-1], bare) and speaker_kind(f) == "person"}
        return found.pop() if len(found) == 1 else None

    def _before_of(self, m: str, words: list[str]) -> str | None:
        """A titled name before "of": a peer as written ("Lord Faulkner of Worcester": his
        title is how he is named), else the person whose town or firm follows ("said Mr
        Skeens of Brownsville", "Dr Doug Williams of BT", "Dr Mike Watts head of exploration")."""
        if len(words) >= 4 and words[0] in speaker_words()["peerage"] and words[2] == "of":
            return m
        if words[0] not in _HONORIFICS:
            return None
        cut = m[:m.index(" of ")].split()
        while len(cut) > 2 and cut[-1][:1].islower():
            cut.pop()
        return self.canonical(" ".join(cut))

    def canonical(self, mention: str) -> str:
        m = mention.strip()
        if m[:1].islower() and (d := _DESCRIBED_NAME_RE.fullmatch(m)) is not None \
                and _describes_a_source(d.group(1).split()[-1].lower()):
            m = d.group(2)      # "technology analysts Gartner", "music group Coldplay": the name
        low = m.lower()
        words = low.split()
        if words and words[0] in {"the", "a", "an"}:
            return self._determined(m, words)
        if len(words) >= 3 and words[1] in {"to", "for"} and (_plural_people(words[0]) or words[0] in speaker_words()["groups"]) \
                and (m.split()[2][:1].isupper() or words[2] in {"the", "his", "her", "their", "its"}):
            return m[:1].lower() + m[1:]    # "Advisers to Mr. Obama say": the advisers, not Obama
        if " of " in m and len(words) >= 3 and (before := self._before_of(m, words)) is not None:
            return before
        stripped = _strip_titles(m)
        if stripped != m and stripped.split()[0] in {"from", "of", "for", "in", "at", "to"}:
            # "Senator from Texas says …" (a subheading): an office and a place, no name "from
            # Texas"; the one holder of the office the article names, else the words as written
            return self.title_of.get(m.split()[0].lower().rstrip(".")) or m
        if len(stripped.split()) == 1:
            bare = _POSSESSIVE_RE.sub("", stripped)
            # (a place is no one's surname: "China" is not "Air China")
            fulls = (self._ending_with(stripped) if bare == stripped else
                     [full for full in self.full if full.split()[-1] in (stripped, bare)]) \
                if bare not in places() else []
            if fulls and stripped != m:
                fulls = self._titled_fit(words[0].rstrip("."), fulls)
            if fulls:
                # the first named, but a given name before the surname wins over a headline's
                # word glued to it ("Mogul Wilson" in the headline, Tony Wilson in the text)
                return next((f for f in fulls if f.split()[0].lower() in given_names()), fulls[0])
            if (other := self._given_or_family_name(bare, titled=stripped != m)) is not None:
                return other
            if words and words[0] in _KNIGHTHOOD and len(words) == 2:
                knights = [f for f in self.full if f.split()[0] == bare]
                if len(knights) == 1:
                    return knights[0]       # "Sir Digby" where the article names Sir Digby Jones
            if len(words) >= 2 and words[-2].rstrip(".") in speaker_words()["peerage"]:
                # "Lord Carlile", "Sir Digby", "Chairman Lord Holme": a peer or knight named so
                # throughout is counted so
                return m.split()[-2] + " " + bare
        else:
            for full in self._ending_with(stripped.split()[-1]):
                # ("De Blasio", opening a sentence, is Bill de Blasio)
                if full != stripped and stripped.split()[0].lower() in full.lower().split():
                    return full
            # "Home Secretary Charles Clarke": a known name after words that include a title
            titles = speaker_words()["titles"]
            known = [full for full in self.full if stripped.endswith(" " + full) and any(
                w.lower().strip(",.") in titles for w in stripped[:-len(full)].split())
                and stripped[:-len(full)].split()[-1][:1].isupper()]   # not "spokesman for North East"
            if known:
                return max(known, key=len)
        return stripped


    def _determined(self, m: str, words: list[str]) -> str:
        """The entity a phrase opening with "the", "a" or "an" names, else the phrase."""
        rest = " ".join(words[1:])
        if rest in self.title_of:
            return self.title_of[rest]
        # "the Lib Dem leader Charles Kennedy": the name after the title
        known = [full for full in self.full if m.endswith(" " + full)
                 and m[:-len(full)].split()[-1].lower() in _roles()]
        if known:
            return max(known, key=len)
        if len(words) == 2 and m.split()[1][:1].isupper():
            return self._short_name(m.split()[1]) or m
        last = m.split()[-1]
        if len(words) >= 3 and last[:1].isupper() and words[-2] in _roles() \
                and all(w in _roles() or _nationality(w.title()) for w in words[1:-1]):
            # "the Spanish teenager Nadal": the one person named in full with that surname
            fulls = self._ending_with(last)
            if len(fulls) == 1 and speaker_kind(fulls[0]) == "person":
                return fulls[0]
        return m  # "the Kremlin", "a spokesperson": as written


_ORG_NOUN = r"(?:" + "|".join(sorted((w for w in _ORG_DESCRIPTIONS if w not in {"body", "ministry", "department", "outlet"}),
                                       key=len, reverse=True)) + r")"
_ORG_NAME = r"((?:[A-Z][\w&'’-]* ){0,3}[A-Z][\w&'’-]*)"
#: "The group that owns most of her music, Big Machine, …", "her former record label, Big
#: Machine": an organisation's noun after a determiner, then the name in apposition (not "On his
#: website, Brown wrote": the name must close with a comma or a full stop)
_DETERMINED_ORG_BEFORE_RE = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]er|[Hh]is|[Aa]n?)\s+(?:[\w-]+\s+){0,2}" + _ORG_NOUN
                                       + r"(?:\s+(?:that|which)\s[^,.;“”\"]{0,80})?,\s+$")
#: "the record label Big Machine", "the label Big Machine said"
_THE_ORG_BEFORE_RE = re.compile(r"\bthe\s+(?:[a-z-]+\s+){0,2}" + _ORG_NOUN + r"\s+$")
#: "Big Machine, the label that …", "Southcorp, an Australian wine company,": the name, then its
#: description in apposition (not a job's noun: "Jo Flaherty, a senior broadcaster")
_JOB_LIKE = {"broadcaster", "producer", "developer", "publisher", "maker", "supplier", "operator", "giant"}
_ORG_DESCRIBED_AFTER_RE = re.compile(r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}(?:" + "|".join(
    sorted(_ORG_DESCRIPTIONS - _JOB_LIKE - {"body", "ministry", "department", "outlet"}, key=len, reverse=True))
    + r")(?=,|\s+(?:that|which|whose|based|in|with|of|for)\b)")


@lru_cache(maxsize=4096)
def named_as_organisation(text: str, name: str) -> bool:
    """Whether ``text`` introduces ``name`` as an organisation's, in apposition with an
    organisation's noun, whatever its words look like.

    Why: "Big Machine" reads like a person's name (two capitalised words), so "they said" and
    "the company says" had gone to another organisation; the article itself says what it is.
    A name opening with a given name stays a person's ("the company, Tim Cook, …" is rare). Only
    the places the name stands are read (str.find), not the whole text for every noun.

    >>> t = "The group that owns her music, Big Machine, said no. Southcorp, an Australian wine company, fell."
    >>> named_as_organisation(t, "Big Machine"), named_as_organisation(t, "Southcorp")
    (True, True)
    >>> named_as_organisation("On his website, Brown wrote: “Yes.”", "Brown")
    False
    """
    words = name.split()
    if not words or not name[:1].isupper() or _POSSESSIVE_RE.search(name) or name in places():
        return False
    if _after_its_kind(text, name):
        return True     # "Bookmaker Ladbrokes said", "Australian brewer Fosters", "drugmaker Eli Lilly"
    low = words[0].lower()
    if low in given_names() or low in _stopwords() or low in _HONORIFICS or low in CLAUSE_OPENERS \
            or low in _DAY_MONTH_WORDS or low.endswith("ly"):
        return False    # ("However, the company said", "Mr Brown, the …", "Tuesday, the …")
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        whole = (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "'’-")) \
            and (end == len(text) or not (text[end].isalnum() or text[end] in "'’-&"))
        if whole and not re.search(r"[A-Z][\w'’-]* $", text[max(0, at - 30):at]):     # (not "Gordon Brown")
            before, after = text[max(0, at - 160):at], text[end:end + 120]
            if _DETERMINED_ORG_BEFORE_RE.search(before) and after[:1] in (",", ".", ";") \
                    or _THE_ORG_BEFORE_RE.search(before) and re.match(r"[,.;]|\s+[a-z(]", after) \
                    or _ORG_DESCRIBED_AFTER_RE.match(after):
                return True
        at = text.find(name, end)
    return False


#: of those kinds, the ones no person is ("publisher Kimberly Quinn", "broadcaster John Humphrys"
#: are people). Not the generic "group", "firm": "monitoring firm Netcraft" then became "the
#: company" of a Lycos statement, the nearest company before it.
_ORG_KIND_BEFORE_NAME = _KIND_BEFORE_NAME - {"publisher", "broadcaster"}


def _after_its_kind(text: str, name: str) -> bool:
    """Whether ``text`` writes ``name`` right after a company's kind ("Bookmaker Ladbrokes",
    "brewer Fosters", "drugmaker Eli Lilly"): a company's name, even one that opens with a
    given name.

    >>> _after_its_kind("Meanwhile, US drugmaker Eli Lilly is launching adverts.", "Eli Lilly")
    True
    >>> _after_its_kind("The married publisher Kimberly Quinn said.", "Kimberly Quinn")
    False
    """
    return _written_after(text, name, _ORG_KIND_WORD_RE)


def _written_after(text: str, name: str, words: re.Pattern[str]) -> bool:
    """Whether ``name`` stands in ``text`` right after a match of ``words`` (a word and a space)."""
    after = _positions_after(text, words)
    if not after:
        return False    # (most articles have none of these words: no search for the name)
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if at in after and (end == len(text) or not text[end].isalnum()):
            return True
        at = text.find(name, end)
    return False


_ORG_KIND_WORD_RE = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(_ORG_KIND_BEFORE_NAME, key=len, reverse=True))
                               + r") (?=\S)", re.IGNORECASE)


@lru_cache(maxsize=16)
def _positions_after(text: str, words: re.Pattern[str]) -> frozenset[int]:
    """Where a word right after a match of ``words`` starts in ``text`` (once per article)."""
    return frozenset(m.end() for m in words.finditer(text))


#: lower-case words that say the name after them is a body's, for the kind column only ("analysts
#: Gartner", "market analysts Chart-Track", "games giant Electronic Arts", "pop band Busted",
#: "record label Universal"); a resolver that took them for organisations moved "the company" to
#: the wrong firm (see _ORG_KIND_BEFORE_NAME), a kind does not move a speaker
_BODY_WORDS_BEFORE = (_COMPANY_KINDS | _ORG_DESCRIPTIONS | frozenset(
    "analysts consultancy consultants researchers band label studio think-tank".split())) - _JOB_LIKE
_BODY_WORD_RE = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(_BODY_WORDS_BEFORE, key=len, reverse=True))
                           + r") (?=\S)")


def _described_as_organisation(text: str, name: str) -> bool:
    """Whether ``text`` writes ``name`` right after a lower-case word for a body ("analysts
    Gartner said", "pop band Busted").

    >>> _described_as_organisation("Sales rose, according to analysts Gartner.", "Gartner")
    True
    >>> _described_as_organisation("The firm's boss Tim Cook said.", "Tim Cook")
    False
    """
    if any(w.split("-")[0].lower() in given_names() for w in name.split()[:2]):
        return False    # ("game maker Peter Molyneux", "producer Gil Cates", "Jeanne-Marie Gescher": people)
    return _written_after(text, name, _BODY_WORD_RE)


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
    words = name.split()
    # a noun in lower case ("a spokeswoman"), or a title opening a name ("Queen Elizabeth",
    # "King Abdullah"); a capitalised word after the first is a surname ("Oona King", "Gladys Knight")
    nouns = {w.lower().strip(",") for k, w in enumerate(words) if w[:1].islower() or k == 0 and len(words) > 1
             or k == 1 and words[0].lower() in {"the", "a", "an"}}
    if nouns & speaker_words()["women"] or nouns & speaker_words()["men"]:
        # "a spokeswoman for the commission" is she, "the party chairman" he
        return bool(nouns & (speaker_words()["women"] if pronoun == "she" else speaker_words()["men"]))
    # the first known given name: "New Jersey Gov. Chris Christie" is he
    names = given_names()
    known = next((names[w.lower()] for w in name.split()[:-1] if w.lower() in names), None)
    return known is None or known == "either" or known == pronoun


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
            w[:1].islower() and w not in _NAME_PARTICLES
            and not w.startswith("al-") for w in words):
        # a description ("Scotland's first minister", "The party's spokeswoman") is a person's
        # when a word names one; "England and Wales have been" is no one
        return any(w.lower().strip(",") in _person_nouns() or w.lower() in speaker_words()["titles"]
                   for w in words[1:])
    if words[-1].endswith(("'s", "’s", "'", "’")):
        return False    # "Michael Howard's": a possessive, not a speaker
    if last in speaker_words()["organisations"] or (words[-1].isupper() and last not in speaker_words()["titles"]):
        return False    # "BBC News", "Czech Republic", "the Financial Times"
    if len(words[0]) >= 2 and words[0].isupper() and words[-1] in places():
        return False    # "RT America", "CNN Philippines": a broadcaster's branch, no "he"
    return True


#: (with the compass words: "West Ham", "East Timor" — a place's or a club's name, never a person's)
_CITY_FIRST_WORDS = frozenset("New Los Las San Hong Sri Buenos Puerto Sao North South East West Northern Southern "
                              "Eastern Western".split())


def _place_name(name: str) -> bool:
    """"New York", "Los Angeles", "Hong Kong", a place of the lexicon: never a he or she (not
    "Rio Ferdinand": the first words of places that are also names are left out)."""
    words = name.split()
    return len(words) == 2 and words[0] in _CITY_FIRST_WORDS or name in places()


#: words counting a group, no part of its name ("some analysts" are analysts)
_QUANTIFIERS = frozenset("some many several other few most numerous".split())
#: people who speak for an organisation: "a BBC spokesman" is the BBC speaking
_SPEAKS_FOR = frozenset("spokesman spokeswoman spokesperson official officials source sources".split())


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    w = speaker_words()
    return w["women"] | w["men"] | w["people"]


def _plural_people(low: str) -> bool:
    """Whether a lower-case word is a plural noun of people ("residents", "officers", "police").

    >>> [_plural_people(w) for w in ("residents", "officers", "police", "companies", "spokesman")]
    [True, True, True, False, False]
    """
    groups = speaker_words()["groups"]
    return low in groups and low.endswith("s") or low in _MORE_GROUPS or low == "police" \
        or low.endswith("s") and (low[:-1] in _person_nouns() or low.endswith("es") and low[:-2] in _person_nouns())


@lru_cache(maxsize=1)
def _roles() -> frozenset[str]:
    """Titles and person nouns: the words that say what someone is ("coach", "officer")."""
    return speaker_words()["titles"] | _person_nouns()


# ---------------------------------------------------------------------------- entities
_MORE_GROUPS = frozenset("mps ministers leaders unions workers fans families parents teachers students "
                         "executives members bosses staff people".split())
KINDS = ("person", "organisation", "group", "unresolved")

# titles used before a bare surname ("President Obama", "Mr Pointon"); not "coach", "host"
_SURNAME_TITLES = frozenset("mr mrs ms miss dr prof sir dame lord lady mp mep msp president senator sen "
                            "governor gov rep representative congressman congresswoman mayor judge justice "
                            "ambassador minister chancellor secretary general gen king queen prince princess "
                            "pope ayatollah sheikh cardinal archbishop bishop".split())
_DATELINE_RE = re.compile(r"^[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][\w. ]{1,20})?\s*(?:\([^)]{1,30}\)\s*)?(?:--|—|–|-)\s+")
# (not a possessive inside a name: "European People's Party", "Children's Society")
_POSSESSIVE_LEAD_RE = re.compile(r"^(?:[Tt]he\s+)?(?:[A-Z][\w.&-]*\s+){0,3}(?!(?:People|Children|Women|Men)['’]s\s)"
                                 r"[A-Z][\w.&-]*['’]s\s+(?=[A-Z])")
# capitalised at a sentence start, never a speaker's name ("Nothing …", "Along …", "It's …")
_NOT_NAMES = frozenset("nothing everything something anything nobody everyone someone somebody anyone "
                       "along it's there's that's here's what's".split())
#: second words of two-word titles ("Chief Executive", "Chief Officer"), dropped after the first
_TITLE_TAILS = frozenset({"executive", "officer", "operating", "economist", "constable"})
_POST_NOMINALS = frozenset("QC KC MP MEP MSP AM MLA OBE MBE CBE KBE Jr Sr PhD".split())
# days and months in full ("Wednesday Lord Woolf"); not words.py's abbreviations, which are
# given names too ("Jan Vetham")
_DAY_MONTH_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march "
                             "april june july august september october november december".split())
# words that open a clause or a phrase and begin no name ("When Clinton returned", "On Monday";
# not "Will", "May", "Don": given names that are also function words)
CLAUSE_OPENERS = frozenset("when whenever while whilst if unless until once since as after before although though "
                            "because but and or so then now yet still also even just only on in at for from with by "
                            "of to into onto upon over under during despite without within whereas whether where "
                            "why how what which who whom whose whatever whichever whoever wherever meanwhile "
                            "nevertheless however moreover unlike like besides beyond against among amid across around behind between through throughout "
                            "toward towards via except including following according".split())
_DATES_IN_NAMES = frozenset({"april", "june", "august", "sunday"})  # June Whitfield; The Sunday Times
_PRONOUNS = frozenset("he she they it we i you who this that there".split())
_DETERMINERS = frozenset("the a an his her its their our my your this that these those some one".split())
_HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady".split())


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


@lru_cache(maxsize=1)
def _glued_words() -> frozenset[str]:
    """Words a house style glues before a name and that are no part of it: a party or a noun for
    a person ("Tory David Heathcoat-Amory", "Farmer Geoff Brooks")."""
    w = speaker_words()
    return w["affiliations"] | w["people"] | w["men"] | w["women"]


def _without_quantifier(words: list[str]) -> list[str]:
    """"Some analysts", "many economists", "Several reports": the group, counted once."""
    if len(words) >= 2 and words[0].lower() in _QUANTIFIERS and (
            words[-1].lower() in speaker_words()["groups"] or words[-1].lower() in _MORE_GROUPS):
        first = words[1].lower() if words[1].islower() or words[1][1:].islower() and len(words) == 2 else words[1]
        return [first, *words[2:]]
    return words


def speaker_name(speaker: str) -> str:
    """The name a speaker string stands for, without a possessive place or outlet in front
    and without titles.

    >>> speaker_name("Iran’s President Ebrahim Raisi")
    'Ebrahim Raisi'
    >>> speaker_name("Iran’s Raisi")
    'Raisi'
    >>> speaker_name("Sir Digby Jones"), speaker_name("Mr Pointon"), speaker_name("Guy Mansfield QC")
    ('Digby Jones', 'Pointon', 'Guy Mansfield')
    >>> speaker_name("Liberal Democrat Lord Carlile")
    'Lord Carlile'
    >>> speaker_name("Scotland's first minister")
    "Scotland's first minister"
    >>> speaker_name("Patriots QB Tom Brady"), speaker_name("Vice Premier He Lifeng")
    ('Tom Brady', 'He Lifeng')
    >>> [speaker_name(s) for s in ("WASHINGTON -- President Obama", "Against Trump", "December Microsoft",
    ...                            "its problems and analysts", "Some analysts", "many economists")]
    ['Obama', 'Trump', 'Microsoft', 'analysts', 'analysts', 'economists']
    """
    if (s := " ".join(str(speaker).split())) in known_organisations():
        return s              # "General Electric": no general called Electric
    m = _DATELINE_RE.match(s)
    if m and len(s) > m.end():
        s = s[m.end():]       # "WASHINGTON -- President Obama": the dateline is no part of it
    m = _POSSESSIVE_LEAD_RE.match(s)
    if m and len(s) > m.end():
        s = s[m.end():]
    words = _without_quantifier(_group_after_join(_without_lead_words(s.split())))
    s = " ".join(words)
    if words and words[0].lower() in _DETERMINERS:
        return s              # "A UK Independence Party MEP": a description, as written
    titles = speaker_words()["titles"]
    roles = _roles()
    glued = _glued_words()
    if len(words) < 2 or not words[-1][:1].isupper() or not _titled_name_words(words, roles):
        return s              # a description or a group: as written
    # the name is what follows the last title, place or time word ("UK Foreign Secretary Jack
    # Straw", "Wednesday Lord Woolf", "Labour MP Roger Godsiff", "Lib Dem chairman Matthew Taylor")
    post = False
    while len(words) > 2 and words[-1].rstrip(".,") in _POST_NOMINALS:
        words, post = words[:-1], True      # "Guy Mansfield QC"
    cut = _name_start(words, titles, roles, glued)
    rest = words[cut:]
    while cut and len(rest) > 2 and rest[0].lower() in _TITLE_TAILS:
        rest = rest[1:]     # "Chief Executive Maeve Sherlock": the title's second word
    if not cut and post:
        return " ".join(words)      # "Guy Mansfield"
    if cut and words[-1].lower() in _org_like() and all(w.lower() in _DAY_MONTH_WORDS and w.lower() != "sunday"
                                                         for w in words[:cut]):
        return " ".join(words[cut:])    # "Thursday Rangers": the club, not the day
    if not cut or words[-1].lower() in _org_like():
        return s              # "UK Independence Party", "Scotland Yard": an organisation's name
    if len(rest) == 1 and words[cut - 1].lower().rstrip(".") not in _SURNAME_TITLES \
            and words[cut - 1].lower() not in _DAY_MONTH_WORDS:
        return s              # "Fairford Coach Action": no person after the title (but "December Microsoft")
    if len(rest) == 1 and words[cut - 1].lower() in speaker_words()["peerage"]:
        return f"{words[cut - 1]} {rest[0]}"    # "Lord Carlile" is how a peer is named and counted
    return " ".join(rest)


def _name_start(words: list[str], titles: frozenset[str], roles: frozenset[str], glued: frozenset[str]) -> int:
    """Where the name begins in ``words``: after the last title, role, honorific, day, glued
    party word, place, or a position's abbreviation after a team ("Browns DL Sheldon …")."""
    cut = 0
    for i, w in enumerate(words[:-1]):
        low = w.lower().rstrip(".")
        if low in titles or w.lower() in titles or low in _HONORIFICS or low in _DAY_MONTH_WORDS \
                or w.islower() and low in roles \
                or low in _stopwords() and not _surname_he(words, i) \
                or low in glued \
                or i and w.isupper() and 2 <= len(w) <= 4 and words[i + 1].lower() in given_names() \
                or (i == cut and _place_prefix(words[i:])):
            cut = i + 1
    return cut


def _surname_he(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is the Chinese surname He before a one-word given name, the last
    of the name ("He Lifeng", "Vice Premier He Lifeng"), not the pronoun glued to a name.

    >>> _surname_he(["Vice", "Premier", "He", "Lifeng"], 2), _surname_he(["He", "Mr", "Smith"], 0)
    (True, False)
    """
    return words[i] == "He" and i == len(words) - 2 and words[-1][:1].isupper() and words[-1][1:].islower() \
        and words[-1].lower() not in _HONORIFICS and words[-1].lower() not in _stopwords()


def _without_lead_words(words: list[str]) -> list[str]:
    """Without a sentence's first word glued to a name ("Against Trump", "As Mr Brown") and
    without "Its"/"Their" before one ("Its BDO's output index": the firm's)."""
    while len(words) > 1 and words[0][:1].isupper() and words[0].lower() in _stopwords() - _DETERMINERS \
            and words[1][:1].isupper() and words[0].lower() not in given_names() \
            and not _surname_he(words, 0):     # ("Don Fowler", "He Jianxiong")
        words = words[1:]
    if len(words) > 1 and words[0] in ("Its", "Their") and words[1][:1].isupper():
        words = words[1:]
    return words


def _titled_name_words(words: list[str], roles: frozenset[str]) -> bool:
    """Whether every word can belong to a name with its titles: capitalised, a particle, a
    title or role ("press officer", the word before one: "assistant coach"), or "of"/"for"/"and"
    inside a capitalised name that a role follows ("Bank of England deputy governor Rachel
    Lomax"; not "Institute for Fiscal Studies")."""
    last = len(words) - 1
    return all(
        w[:1].isupper() or w.lower() in _NAME_PARTICLES or w.lower() in roles
        or i < last and words[i + 1].lower() in roles
        or w in ("of", "for", "and") and 0 < i < last and words[i - 1][:1].isupper()
        and words[i + 1][:1].isupper() and any(x.islower() and x in roles for x in words[i + 1:])
        for i, w in enumerate(words))


def _group_after_join(words: list[str]) -> list[str]:
    """A group noun's own words when a phrase before it ends in a clause join: "its problems and
    analysts", "Linux although critics" (the subject grabbed too far left) are the analysts, the
    critics."""
    if len(words) > 1 and words[-1].islower() and (words[-1] in speaker_words()["groups"] or words[-1] in _MORE_GROUPS):
        cut = max((i + 1 for i, w in enumerate(words[:-1]) if w.lower() in _CLAUSE_JOINS), default=0)
        return words[cut:]
    return words


def speaker_kind(name: str, *, persons: frozenset[str] = frozenset()) -> str:
    """``person``, ``organisation``, ``group`` or ``unresolved`` for a speaker name
    (``persons``: surnames known to be people in the corpus).

    >>> [speaker_kind(s) for s in ["Ebrahim Raisi", "IRNA", "the Kremlin", "analysts", "he", "the company"]]
    ['person', 'organisation', 'organisation', 'group', 'unresolved', 'unresolved']
    >>> speaker_kind("Iran"), speaker_kind("Labour MPs"), speaker_kind("Darlington Council")
    ('organisation', 'group', 'organisation')
    """
    return _speaker_kind(str(name), persons)


@lru_cache(maxsize=65536)
def _speaker_kind(name: str, persons: frozenset[str]) -> str:
    """:func:`speaker_kind`, once per name (a corpus asks about each name many times)."""
    words = str(name).split()
    if not words:
        return "unresolved"
    low = [w.lower().strip(",.") for w in words]
    sw = speaker_words()
    if (len(words) == 1 and low[0] in _PRONOUNS) or low[0] in _stopwords() - _DETERMINERS \
            or low[0].replace("’", "'") in _NOT_NAMES \
            or words[-1].endswith(("'s", "’s", "'", "’")) or low[-1] in _DAY_MONTH_WORDS:
        return "unresolved"            # "his", "But BAA", "Brown's", "Sunday": not a name
    if len(words) == 1 and re.fullmatch(r"\d+[A-Z][A-Za-z]*", words[0]):
        return "organisation"          # "4Cast", "3M"
    if low[0] in _DETERMINERS or not words[0][:1].isupper():
        rest = words[1:] if low[0] in _DETERMINERS else words
        if rest and all(w[:1].isupper() or w.lower() in {"of", "and", "for", "the"} for w in rest) \
                and rest[0][:1].isupper() and _org_head(rest).lower() not in _person_words():
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
    if len(words) > 1 and low[0].endswith("ies") and len(low[0]) >= 9 and low[0] not in given_names():
        return "organisation"          # "Universities Scotland": a plural noun is no given name (Menzies is)
    if len(words) == 1:
        if low[0] in _stopwords():
            return "unresolved"        # "Nothing", "Along": not a name
        if low[0] in persons or low[0] in given_names():
            return "person"
        if low[0] in sw["groups"] or low[0] in _MORE_GROUPS:
            return "group"             # "Analysts said …" opening a sentence
        return "organisation" if low[0] in _org_like() or name in known_organisations() else "person"
    if any(w[:1].islower() and w not in _NAME_PARTICLES and not w.startswith("al-") for w in words):
        return "unresolved"
    # "Goldman Sachs", "Al Jazeera": names of firms that read like a person's
    return "organisation" if name in known_organisations() else "person"


_SEXED = frozenset({"he", "she", "him", "her"})
#: words that join two clauses: a group noun after one is the subject of its own clause
_CLAUSE_JOINS = frozenset("and but as although though while because after when if since whereas".split())


def _org_head(words: list[str]) -> str:
    """The head of a capitalised phrase: the word before "of" ("the US Department of Justice":
    Department; "the Prince of Wales": Prince), else the last word."""
    low = [w.lower() for w in words]
    return words[low.index("of") - 1] if "of" in low[1:] else words[-1]


@lru_cache(maxsize=1)
def _person_words() -> frozenset[str]:
    """Titles that name a person ("the Lord Chancellor", "the Archbishop of Canterbury"), not the
    adjectives among the titles ("the Foreign Office")."""
    adjectives = {"foreign", "defence", "defense", "interior", "finance", "state", "deputy", "former",
                  "acting", "chief", "official", "vice", "supreme", "general", "leader"}
    return frozenset(speaker_words()["titles"] - adjectives | {"leader"})


@lru_cache(maxsize=1)
def _org_like() -> frozenset[str]:
    return frozenset(w.lower() for w in speaker_words()["organisations"])


def _compatible_names(short: str, full: str) -> bool:
    """Whether ``short`` can name the same person as ``full`` ("George Bush" / "George W.
    Bush"): the same surname and the same first given name, or ``short`` is the surname."""
    a, b = short.split(), full.split()
    if a[-1] != b[-1]:
        return False
    return len(a) == 1 or a[0] == b[0] or (len(a[0]) <= 2 and a[0][0] == b[0][0]) \
        or (len(a[0]) >= 4 and b[0].startswith(a[0]))  \
        or (len(b[0]) >= 4 and a[0].startswith(b[0]) and len(a) == len(b)) \
        or (len(a) == len(b) and _spelling_variant(a[0], b[0]))  # "Vince"/"Vincent", "Damian"/"Damien"


def _spelling_variant(x: str, y: str) -> bool:
    """Two spellings of one given name: five letters or more, one letter changed, added or
    dropped, and not a man's and a woman's name ("Maria" / "Mario")."""
    x, y = x.lower(), y.lower()
    if min(len(x), len(y)) < 5 or abs(len(x) - len(y)) > 1 or x[0] != y[0]:
        return False
    names = given_names()
    if x in names and y in names and names[x] != names[y]:
        return False
    return _one_edit(x, y)


def _unglue_places(names: list[str]) -> list[str]:
    """"Iran Raisi" (from "Iran’s Raisi") -> "Raisi" when another name has the surname Raisi
    and "Iran" is not a given name ("Jordan Henderson" stays)."""
    surnames = {n.split()[-1] for n in set(names) if len(n.split()) > 1 and not _place_prefix(n.split())
                and speaker_kind(n) == "person"}

    def unglued(n: str) -> str:
        words = n.split()
        cut = _place_prefix(words) if len(words) > 1 else 0
        if cut and len(words) - cut == 1 and words[-1][:1].isupper() and words[-1] in surnames and words[0].lower() not in given_names():
            n = words[-1]
        return n
    return _per_distinct(unglued, names)


def _per_distinct(f, values) -> list:
    """``[f(v) for v in values]``, calling ``f`` once per distinct string (other values, such
    as a missing speaker, each time)."""
    memo: dict = {}
    return [f(v) if not isinstance(v, str) else memo[v] if v in memo else memo.setdefault(v, f(v))
            for v in values]


def _dominant(names: set[str], quoted: Counter) -> set[str] | None:
    """The one person a bare surname names across the corpus: the only one with that surname,
    or one quoted at least five times as often as every other (Tony Blair, not Cherie Blair)."""
    if len(names) <= 1:
        return names or None
    ranked = sorted(names, key=lambda n: -quoted[n])
    return {ranked[0]} if quoted[ranked[0]] >= 5 * max(1, quoted[ranked[1]]) else None


def _one_form_per_organisation(names: list, kinds: list[str]) -> list:
    """``names`` with each organisation written one way across the corpus: "the Parents
    Television Council" and "Parents Television Council" (a sentence's "The …" and a closing "…,
    said Parents Television Council") are one row of share of voice, not two. The form the
    corpus uses most wins; on a tie, the one without "the".

    >>> _one_form_per_organisation(["the Kremlin", "Kremlin", "the Kremlin", "the group"],
    ...                            ["organisation", "organisation", "organisation", "unresolved"])
    ['the Kremlin', 'the Kremlin', 'the Kremlin', 'the group']
    """
    forms: dict[str, Counter] = defaultdict(Counter)
    for n, k in zip(names, kinds, strict=True):
        if k == "organisation" and isinstance(n, str):
            forms[n[4:] if n[:4].lower() == "the " else n][n] += 1
    best = {key: max(c, key=lambda f: (c[f], f == key)) for key, c in forms.items() if len(c) > 1}
    if not best:
        return names
    return [best.get(n[4:] if n[:4].lower() == "the " else n, n) if k == "organisation" and isinstance(n, str) else n
            for n, k in zip(names, kinds, strict=True)]


def resolve_speakers(quotes: pd.DataFrame, *, texts: Mapping[str, str] | None = None) -> pd.DataFrame:
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
    # once per distinct speaker (a corpus repeats each about three times)
    names = _per_distinct(lambda s: speaker_name(s) if isinstance(s, str) and s else "", raw)
    names = _unglue_titles(names)
    kinds = _per_distinct(lambda n: speaker_kind(n) if n else "unresolved", names)
    cl = _Clusters(_unglue_places(names), kinds, aids)
    cl.texts = texts if texts is not None else {}     # (a lazy Mapping is empty until read)
    if "mention" in out.columns:
        # what stood for each name: "he" for a person; "it", "the company" for a company named alone
        for aid, s, m in zip(aids, raw, out["mention"].astype(object), strict=True):
            if isinstance(s, str) and isinstance(m, str):
                low = m.lower()
                if low.split(None, 1)[0] in _HONORIFICS:
                    cl.titled.add((aid, s))     # "Mr Howard": a surname, never a given name
                if low in _SEXED or low.split(None, 1)[0] in _HONORIFICS:
                    cl.pronouns[s][0] += 1      # "he", "Mr Mandelson": a person
                elif low == "it" or low.startswith("the ") and low.rsplit(None, 1)[-1] in _ORG_DESCRIPTIONS:
                    cl.pronouns[s][1] += 1
    if hasattr(cl.texts, "prefetch"):       # texts read from disk on demand (newslib.cluster)
        cl.prefetch_holders(aids, raw, kinds)
    pairs = [cl.entity(aid, s, n, k) for aid, s, n, k in zip(aids, raw, cl.names, kinds, strict=True)]
    final = _one_form_per_organisation([p[0] for p in pairs], [p[1] for p in pairs])
    dtype = out["speaker"].dtype        # kept: categorical in a corpus, string from Parquet
    if isinstance(dtype, pd.CategoricalDtype):
        out["speaker"] = pd.Series(pd.Categorical(final), index=out.index)
    else:
        out["speaker"] = pd.Series(final, index=out.index, dtype=dtype)
    kinds_col = pd.Categorical([p[1] for p in pairs], categories=list(KINDS))
    if "speaker_kind" in out.columns:
        out["speaker_kind"] = kinds_col
    else:
        out.insert(out.columns.get_loc("speaker") + 1, "speaker_kind", kinds_col)
    return out


_ACRONYM_RE = re.compile(r"((?:[A-Z][\w'’&-]*|and|of|for|the|on|de)(?:\s+(?:[A-Z][\w'’&-]*|and|of|for|the|on|de)){1,8})"
                         r"\s+\(([A-Z][A-Za-z]{1,7})\)")
_ORG_HEADS = ("Ministry", "Office", "Department", "Commission", "Council", "Authority", "Agency", "Bank",
              "Party", "Committee", "Association", "Union", "Institute", "Foundation", "Service", "Board",
              "Court", "Federation", "Organisation", "Organization", "Watchdog")
_ORG_NAME_RE = re.compile(r"((?:[A-Z][\w'’&-]*\s+(?:(?:and|of|for)\s+)?){1,5}(?:" + "|".join(_ORG_HEADS) + r"))\b")


def org_aliases(text: str) -> tuple[dict[str, str], dict[str, set[str]]]:
    """What an article's short forms of organisations stand for: acronyms it defines ("the
    Financial Services Authority (FSA)" → FSA) and, per head noun, the organisations it names
    ("ministry" → {"Finance and Economy Ministry"}), so that "the FSA" and "the ministry" resolve
    when the article ties them to one name.

    >>> acr, heads = org_aliases("The Financial Services Authority (FSA) said so, the Finance and Economy Ministry said.")
    >>> acr["FSA"], heads["ministry"]
    ('Financial Services Authority', {'Finance and Economy Ministry'})
    """
    acronyms: dict[str, str] = {}
    for m in _ACRONYM_RE.finditer(text):
        words = m.group(1).split()
        while words and words[0].lower() == "the":
            words = words[1:]
        acr = m.group(2)
        caps = [w for w in words if w[:1].isupper()]
        for k in range(len(caps), 0, -1):       # the name's last words whose initials spell it
            if "".join(w[0] for w in caps[-k:]).upper() == acr.upper():
                first = len(words) - words[::-1].index(caps[-k]) - 1 if k else 0
                acronyms.setdefault(acr, " ".join(words[first:]))
                break
    heads: dict[str, set[str]] = defaultdict(set)
    for m in _ORG_NAME_RE.finditer(text):
        words = m.group(1).split()
        while words and (words[0].lower() in _stopwords() or words[0].lower() == "the"):
            words = words[1:]
        if len(words) >= 2:
            heads[words[-1].lower()].add(" ".join(words))
    return acronyms, dict(heads)


def _unglue_titles(names: list[str]) -> list[str]:
    """"Lib Dem Norman Baker", "Backbencher Stephen Pound", "BBC Political Correspondent James
    Hardy": words glued before a full name the corpus also has bare are no part of it.

    >>> _unglue_titles(["Lib Dem Norman Baker", "Norman Baker", "Tony Blair"])
    ['Norman Baker', 'Norman Baker', 'Tony Blair']
    """
    bare = {n for n in set(names) if n and len(n.split()) == 2 and speaker_kind(n) == "person"}
    glue = speaker_words()["titles"] | _glued_words()
    out = []
    for n in names:
        words = n.split() if n else []
        if len(words) > 2 and " ".join(words[-2:]) in bare \
                and all(x.lower() in glue or x.isupper() for x in words[:-2]):   # not "Ard Jan Vetham"
            n = " ".join(words[-2:])
        out.append(n)
    return out


@lru_cache(maxsize=65536)
def _peer(name: str) -> bool:
    """"Lord Carlile", "Sir Digby": a title and one name (how peers and knights are named)."""
    words = name.split()
    return len(words) == 2 and words[0].lower() in speaker_words()["peerage"]


_CAPITALISED_RE = re.compile(r"\b[A-Z][\w'’-]+")
#: how many of the articles quoting a person are read for the offices the corpus gives them
_HOLDER_ARTICLES = 200
_INITIAL_RE = re.compile(r"[A-Z]\.")
_THE_OF_IN = frozenset("the of in at on for to from".split())


def _word_at(text: str, word: str) -> Iterator[int]:
    """Where ``word`` stands as a whole word in ``text`` (found with ``str.find``: cheaper
    than compiling a pattern per name)."""
    k = text.find(word)
    while k >= 0:
        end = k + len(word)
        if (k == 0 or not text[k - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            yield k
        k = text.find(word, end)


def _role_key(description: str) -> str | None:
    """The lower-case office of a definite description ("the Tory leader" → "tory leader"),
    or None where it names no single office holder: an indefinite or possessive description
    ("a spokesman", "Blair's spokesman"), one who speaks for others, a group, one word.

    >>> _role_key("the Democratic presidential nominee"), _role_key("a Labour spokesman"), _role_key("the leader")
    ('democratic presidential nominee', None, None)
    """
    words = description.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 2 or words[0].lower() in _DETERMINERS or any(_POSSESSIVE_RE.search(w) for w in words):
        return None
    last = words[-1].lower()
    if last not in _roles() or last in _SPEAKS_FOR or _plural_people(last):
        return None
    return " ".join(words).lower()


class _Clusters:
    """The person names of a quote table clustered by surname: each full name's canonical
    (fullest compatible) form, the persons quoted in each article, how often each is quoted."""

    def __init__(self, names: list[str], kinds: list[str], aids: list[str]) -> None:
        self.names = names
        self.texts: Mapping[str, str] = {}
        self._aliases: dict[str, tuple[dict[str, str], dict[str, set[str]]]] = {}
        count = Counter(n for n, k in zip(names, kinds, strict=True) if k == "person" and len(n.split()) > 1
                        and not _peer(n))
        self.by_surname: dict[str, list[str]] = defaultdict(list)
        for n in count:
            self.by_surname[n.split()[-1]].append(n)
        self.canon: dict[str, str] = {}
        for group in self.by_surname.values():
            # fullest first: the most words, then the most quoted
            group.sort(key=lambda n: (-len(n.split()), -count[n], n))
            for i, n in enumerate(group):
                fuller = [f for f in group[:i] if _compatible_names(n, f)]
                # one fuller form only: "George Bush" joins "George W. Bush"
                self.canon[n] = self.canon.get(fuller[0], fuller[0]) if len(fuller) == 1 else n
        # a middle initial the corpus mostly leaves out is shown without it: "Donald J. Trump"
        # (written so in a few places) and "Donald Trump" are "Donald Trump", as framing's actors
        # show him; "George W. Bush", written with it as often as not, keeps it (his father)
        for n, c in list(self.canon.items()):
            plain = _MIDDLE_INITIAL_SUB_RE.sub(" ", c)
            if plain != c and plain in self.canon and count[plain] > count[c]:
                self.canon[n] = plain
        self.per_article: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.quoted_in: dict[str, dict[str, None]] = defaultdict(dict)     # person → articles, in order
        for aid, n in zip(aids, names, strict=True):
            if n in self.canon:
                self.per_article[aid][n.split()[-1]].add(self.canon[n])
                self.quoted_in[self.canon[n]][aid] = None
        self._called: dict[tuple[str, str], bool] = {}     # (person, office): in the corpus's texts
        self._holders: dict[tuple[str, str], str | None] = {}     # (article, office) -> holder
        self._named: dict[str, set[str]] = {}    # article -> the quoted people it names
        self._lower: dict[str, str] = {}         # article -> its text in lower case, as read
        self.persons = frozenset(s.lower() for s in self.by_surname)
        #: per name as written, how often "he"/"she"/"Mr …" and how often "it"/"the company" stood for it
        self.pronouns: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        self.titled: set[tuple[str, object]] = set()    # (article, speaker) written after Mr, Mrs, Dr …
        # peers by their title's name ("Lord Holme"), per article and in the corpus
        self._peer_rows = [(aid, n) for aid, n in zip(aids, names, strict=True) if n and _peer(n)]
        self.peers: dict[str, set[str]] = defaultdict(set)
        for _, n in self._peer_rows:
            self.peers[n.split()[1]].add(n)
        self._peers_here: dict[str, dict[str, set[str]]] | None = None
        self.quoted: Counter = Counter()
        for n, c in count.items():
            self.quoted[self.canon[n]] += c

    def _lone_word_kind(self, aid: str, w: str) -> str:
        """The kind of a one-word speaker no name of the article or corpus resolves."""
        kind = speaker_kind(w, persons=self.persons)
        if kind == "person" and w.lower() not in given_names() and w.lower() not in self.persons \
                and aid in self.texts and not capitalised_inside(self.texts[aid], w):
            return "unresolved"     # "Misusing", "Consumer": a sentence's first word, no name
        if kind == "person" and aid in self.texts and (named_as_organisation(self.texts[aid], w)
                                                       or _described_as_organisation(self.texts[aid], w)):
            return "organisation"   # "Bookmaker Ladbrokes said", "analysts Gartner": one word, a body's name
        return kind

    def entity(self, aid: str, written, name: str, kind: str) -> tuple[object, str]:
        """(speaker, kind) for one row: a full name's cluster, a lone surname's person (in its
        article, else in the corpus), or the speaker as written when unresolved."""
        if not name:
            return written, "unresolved"
        words = name.split()
        if len(words) == 1:
            w = words[0].rstrip("’'")
            he_it = self.pronouns.get(written) or self.pronouns.get(w) or [0, 0]
            if he_it[1] > he_it[0] and kind in ("person", "organisation") and w.lower() not in given_names():
                return w, "organisation"    # "Microsoft said … the company added": never a surname
            if w in places():
                return w, speaker_kind(w, persons=self.persons)    # "China" is no one's surname ("Air China")
            here = self.per_article[aid].get(w) or set()
            if not here and w.lower() in given_names() and (aid, written) not in self.titled:
                # "His wife Sharon, who called the police, said …" in an article quoting Sharon
                # Osbourne: her given name, not another corpus article's Ariel Sharon
                here = {f for fs in self.per_article[aid].values() for f in fs if f.split()[0] == w}
            there = _dominant(self.bearers(w), self.quoted) \
                if w in self.by_surname else None
            pick = here if len(here) == 1 else (there if there and not here else None)
            if pick:
                return next(iter(pick)), "person"
            if kind == "unresolved":
                return written, kind
            peers = self.peers_here(aid).get(w) or self.peers.get(w) or set()
            if len(peers) == 1:
                return next(iter(peers)), "person"      # "Holme" after "Lord Holme"
            return w, self._lone_word_kind(aid, w)
        if kind == "person" and aid in self.texts and (named_as_organisation(self.texts[aid], name)
                                                       or _described_as_organisation(self.texts[aid], name)):
            return name, "organisation"     # "The group that owns her music, Big Machine, …", "games giant Electronic Arts"
        if name in self.canon:
            return self.canon[name], "person"
        if _peer(name):
            # "Lord Goldsmith": the one person of that surname in the article, else in the
            # corpus (as a lone surname); "Sir Digby": the one full name of the article with that
            # given name. Otherwise as written, title and all — never the bare name.
            title, w = words[0].lower(), words[1]
            def fits(f: str) -> bool:    # a person's name ("Universities Scotland" is none) of the title's sex
                first = f.split()[0].lower()
                return (first in given_names() or not first.endswith("s")) \
                    and (title not in speaker_words()["women"] or _compatible("she", f))

            if title in ROYAL_TITLES and w.lower() in given_names():
                return name, "person"   # ("Prince Andrew" is never the article's Andrew Marr)
            if title in _KNIGHTHOOD or title in ROYAL_TITLES:   # ("Prince Saud": Saud al-Faisal)
                here = {f for fs in self.per_article[aid].values() for f in fs if f.split()[0] == w and fits(f)}
                return (next(iter(here)) if len(here) == 1 else name), "person"
            here = {f for f in self.per_article[aid].get(w) or set() if fits(f)}
            there = _dominant({self.canon[x] for x in self.by_surname[w] if fits(self.canon[x])}, self.quoted) \
                if w in self.by_surname else None
            pick = here if len(here) == 1 else (there if there and not here else None)
            return (next(iter(pick)) if pick else name), "person"
        org = (self._alias(aid, name) or self._acronym_org(aid, name, kind)) if kind != "person" else None
        if org is not None:
            return org, "organisation"
        holder = self.holder(aid, written) if kind == "unresolved" and isinstance(written, str) else None
        if holder is not None:
            return holder, "person"
        return (written if kind == "unresolved" else name), kind

    def _acronym_org(self, aid: str, name: str, kind: str) -> str | None:
        """"the IFPI industry body", "a BBC spokesman": a description that carries the
        organisation's acronym; not "a US Embassy spokesman" (the acronym is only part of the
        name) nor "a US woman"."""
        acr = [w for w in name.split() if len(w) >= 2 and w.isupper() and w.isalpha()]
        words = name.split()
        if kind == "unresolved" and len(acr) == 1 and words[0].lower() in {"the", "a", "an"} and (
                words[-1].lower() not in _person_nouns()
                or len(words) == 3 and words[-1].lower() in _SPEAKS_FOR):
            return self.aliases(aid)[0].get(acr[0], acr[0])
        return None

    def bearers(self, surname: str) -> set[str]:
        """The people quoted in the corpus who bear this surname (their canonical names)."""
        return {self.canon[n] for n in self.by_surname.get(surname, ())}

    def holder(self, aid: str, description: str) -> str | None:
        """The one person, quoted somewhere in the corpus and named in this article, whom the
        texts call by this description: "the Democratic presidential nominee" is Hillary
        Clinton in an article that names Clinton, where some article of the corpus writes
        "Democratic presidential nominee Hillary Clinton" or "Hillary Clinton, the Democratic
        presidential nominee".

        Why across the corpus: an article names its people once with their office and then
        uses the office alone, often in another order ("the former secretary of state and
        current Democratic presidential nominee said"); the wire copy beside it spells the
        pair out. Why only a person the article names: an office changes hands ("the prime
        minister" of 1995 and of 2005), and the article's own names say which holder it means.
        Two holders named in the article ("the Tottenham striker" beside Defoe and Keane)
        resolve to no one."""
        key = _role_key(description)
        text = self.texts.get(aid)
        if key is None or not text:
            return None
        if (aid, key) not in self._holders:
            held = {p for p in self._named_people(aid, text)
                    if self._calls(aid, p, key) or self._corpus_calls(p, key)}
            self._holders[aid, key] = next(iter(held)) if len(held) == 1 else None
        return self._holders[aid, key]

    def prefetch_holders(self, aids: list[str], written: list, kinds: list[str]) -> None:
        """Has ``texts`` load, in two batches, the articles :meth:`holder` will read: those
        whose speaker is an office, then those quoting the people they name."""
        need = {a for a, w, k in zip(aids, written, kinds, strict=True)
                if k == "unresolved" and isinstance(w, str) and _role_key(w) is not None}
        self.texts.prefetch(need)
        people = {p for a in need for p in self._named_people(a, self.texts.get(a, ""))}
        self.texts.prefetch({a for p in people for a in list(self.quoted_in.get(p, ()))[:_HOLDER_ARTICLES]})

    def _named_people(self, aid: str, text: str) -> set[str]:
        """The people quoted in the corpus whom the text names: by given name and surname, or
        by the surname alone when no one else quoted in the corpus bears it (an article
        naming Stuart Cohen does not name Ted Cohen)."""
        if aid not in self._named:
            found = set()
            for w in set(_CAPITALISED_RE.findall(text)) & self.by_surname.keys():
                people = self.bearers(w)
                found |= people if len(people) == 1 else {p for p in people if self._given_before(text, p)}
            self._named[aid] = found
        return self._named[aid]

    @staticmethod
    def _given_before(text: str, person: str) -> bool:
        """Whether the person's given name stands before their surname in the text, at most
        two capitalised words (a middle name, an initial) between."""
        words = person.split()
        for k in _word_at(text, words[-1]):
            if words[0] in text[max(0, k - 40):k].split()[-3:]:
                return True
        return False

    def _corpus_calls(self, person: str, key: str) -> bool:
        """Whether an article quoting the person writes the description beside their name (at
        most _HOLDER_ARTICLES read)."""
        if (person, key) not in self._called:
            self._called[person, key] = any(self._calls(a, person, key)
                                            for a in list(self.quoted_in.get(person, ()))[:_HOLDER_ARTICLES])
        return self._called[person, key]

    def _calls(self, aid: str, person: str, key: str) -> bool:
        """Whether the article writes the description beside the person's name: before it as a
        title ("Tory leader Michael Howard"), or after it in apposition ("Michael Howard, the
        Tory leader,"; not "…, the nominee’s daughter")."""
        t = self.texts.get(aid, "")
        if aid not in self._lower:
            self._lower[aid] = t.lower()
        if key.split()[-1] not in self._lower[aid]:
            return False        # (most texts: no word of the office at all)
        words = person.split()
        surname, given = words[-1], {w.lower() for w in words[:-1]}
        # a surname alone is this person only when no one else quoted bears it (not Ivanka
        # Trump for "Republican presidential nominee Trump")
        alone = len(self.bearers(surname)) <= 1
        for k in _word_at(t, surname):
            before = t[max(0, k - 80):k].split()
            n = len(before)
            while before and (before[-1].lower() in given or _INITIAL_RE.fullmatch(before[-1])):
                before.pop()        # the person's given names and initials
            if len(before) == n and (not alone or before and before[-1].lower() in _THE_OF_IN):
                continue    # (a bare "Lords" after "House of" is no one)
            after = t[k + len(surname):k + len(surname) + len(key) + 9].lower()
            if " ".join(before[-len(key.split()):]).lower() == key \
                    or re.match(r",\s+(?:the\s+)?" + re.escape(key) + r"(?![\w'’-])", after):
                return True
        return False

    def peers_here(self, aid: str) -> dict[str, set[str]]:
        if self._peers_here is None:
            self._peers_here = defaultdict(lambda: defaultdict(set))
            for a, n in self._peer_rows:
                self._peers_here[a][n.split()[1]].add(n)
        return self._peers_here[aid]

    def aliases(self, aid: str) -> tuple[dict[str, str], dict[str, set[str]]]:
        """:func:`org_aliases` of an article, read only for articles whose speakers need it."""
        if aid not in self._aliases:
            text = self.texts.get(aid)
            self._aliases[aid] = org_aliases(text) if text else ({}, {})
        return self._aliases[aid]

    def _alias(self, aid: str, name: str) -> str | None:
        """The organisation an acronym or "the ministry" stands for in its article."""
        bare = name[4:] if name.lower().startswith("the ") else name
        is_acronym = bare.isupper() and bare.isalpha() and 2 <= len(bare) <= 8
        is_head = bare.islower() and " " not in bare and bare.capitalize() in _ORG_HEADS
        if not (is_acronym or is_head):
            return None         # (no article is read for the other speakers)
        acronyms, heads = self.aliases(aid)
        if bare in acronyms:
            return acronyms[bare]
        if name.lower().startswith("the ") and len(bare.split()) == 1 and bare.islower():
            found = heads.get(bare, set())
            return next(iter(found)) if len(found) == 1 else None
        return None
