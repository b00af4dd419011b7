"""The driver: the passes in order over one article, and the tables.

``_extract`` runs pass 1 (spans, turns), masks the quotes, indexes cues and tokens, splits the
writer's sentences, then for each sentence attributes its quotations (pass 2–3, with floating
quotes inheriting the previous speaker and pronouns resolved to the nearest compatible person)
and finds its reported speech (pass 4). :func:`extract_quotes` returns one text's quotes;
:func:`quotes_frame` every article's, for :class:`newslib.corpus.Corpus` to resolve speakers
across the corpus.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

import pandas as pd

from ..cleaning import boilerplate_reason
from ..lexicons import given_names, reporting_verbs, speaker_words
from ..records import Article
from ..tokens import sentence_spans
from .cues import _attribute, _CueIndex, _find_cues
from .entities import (
    _DAY_MONTH_WORDS,
    _DETERMINERS,
    _compatible,
    _is_person_like,
    _LazyResolver,
    _place_name,
    named_as_organisation,
    resolve_speakers,
    speaker_kind,
)
from .indirect import (
    _NOMINAL_NOUNS,
    _continuation_verbs_at,
    _continuations,
    _headline,
    _indirect,
    _nominal_claims,
    _reported_by,
)
from .references import PARTY_NOUN, References, _known_person, description_kind
from .spans import _find_spans, _mask, _Span, _transcript_turns
from .speakers import _FINITE, _colon_source, _np_before, _subject
from .words import (
    _DOCUMENT_NOUNS,
    _OBJECT_PRONOUNS,
    _PRONOUN_RE,
    _START,
    _is_title_case,
    _Mention,
    _one_edit,
    _TokIndex,
    _with_chars,
    capitalised_inside,
)

QUOTE_COLUMNS = ["quote_id", "attribution_id", "type", "quote", "start", "end", "speaker", "speaker_kind", "mention",
                 "mention_start", "mention_end", "verb", "verb_class", "sentence_id"]
# the columns of one article's rows; ``speaker_kind`` comes from resolve_speakers, run once over
# the whole corpus (names are clustered across articles)
_ROW_COLUMNS = [c for c in QUOTE_COLUMNS if c != "speaker_kind"]


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
    return resolve_speakers(_typed(pd.DataFrame(rows, columns=_ROW_COLUMNS)), texts={"": text})


def own_words(quotes: pd.DataFrame) -> pd.Series:
    """Words each row of a quote table adds to its speaker's voice: its word count, but 0 for a
    row inside another row of the same attribution — the partial quote within the reported
    clause that holds it ("said the plan was “dead”") is not counted twice.

    >>> q = extract_quotes("She said the plan was “dead and buried”. “We go on,” she added.")
    >>> list(zip(q["quote"], own_words(q)))
    [('the plan was “dead and buried”', 6), ('dead and buried', 0), ('We go on,', 3)]
    """
    import pandas as pd

    words = quotes["quote"].astype(str).str.split().str.len().astype(int)
    if quotes.empty:
        return words
    keys = quotes["article_id"].astype(str) if "article_id" in quotes.columns else pd.Series("", index=quotes.index)
    out = words.copy()
    spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for key, aid, s, e in zip(keys, quotes["attribution_id"], quotes["start"], quotes["end"], strict=True):
        spans.setdefault((key, int(aid)), []).append((int(s), int(e)))
    for idx, key, aid, s, e in zip(quotes.index, keys, quotes["attribution_id"], quotes["start"], quotes["end"],
                                   strict=True):
        if any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2 in spans[(key, int(aid))]):
            out[idx] = 0
    return out


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    """Offsets of a missing mention are <NA>, and stay integers otherwise."""
    for col in ("mention_start", "mention_end"):
        df[col] = df[col].astype("Int64")
    return df


def _extract(text: str, *, include_indirect: bool, include_scare: bool,
             sentences: list[tuple[int, int]] | None = None) -> list[dict]:
    """The passes in order over one article: spans, then each writer's sentence's quotations
    and reported speech; rows sorted by offset."""
    a = _Article(text, sentences=sentences, include_scare=include_scare)
    nominal = not _NOMINAL_NOUNS.isdisjoint(a.cues_index.runs)    # ("his claim that …": the noun's there)
    for k, (s_lo, s_hi) in enumerate(a.outer):
        qs = a.by_sentence.get(k, [])
        for q in qs:
            a.quotation(k, s_lo, s_hi, q, qs)
        if include_indirect and (not a.turns or a.turn_at(s_lo) is None):
            # most sentences have no reporting cue and no participle of speech: one search of
            # the article's lists of where those are, instead of the passes finding nothing
            if _any_in(a.cues_index.starts, s_lo, max(s_hi, qs[0].open_at) if qs else s_hi):
                _indirect(text, a.cues_index, a.tix, s_lo, s_hi, a.resolve, a.add,
                          first_open=qs[0].open_at if qs else None, last_close=qs[-1].end if qs else None,
                          seen=a.seen)
            if _any_in(a.continuation_at, s_lo, s_hi):
                _continuations(text, a.masked, a.tix, s_lo, s_hi, a.rows, a.resolve, a.add)
            if nominal and text.find(" that ", s_lo, s_hi) >= 0:
                _nominal_claims(text, a.masked, a.tix, s_lo, s_hi, a.rows, a.resolve, a.add)
    for t, (ment, speaker) in zip(a.turns, a.turn_said, strict=True):
        a.add("direct", t.start, t.end, ment, ":", speaker)     # each turn is its speaker's words
    if include_indirect:
        _headline(text, a.rows, a.resolve, a.add)
    return a.finish()


_PREPOSITIONS = frozenset({"to", "in", "at", "on", "during", "after", "before", "from", "of", "outside",
                           "into", "with", "as", "while", "when", "by", "for"})
_WORD_RE = re.compile(r"([\w'’-]+)([,.;:!?]?)")


#: a wire dateline opening a story's first sentence: "(Reuters) — ", "HAYWARD, Calif. (AP) — "
_DATELINE_RE = re.compile(r"(?:[A-Z][A-Za-z.]*(?:[ ,]+[A-Z][A-Za-z.]*){0,3} )?\((?:Reuters|AP|AFP|UPI|Bloomberg|CNN|BBC)\)\s*[-—–]+\s*")
#: a title and the one capitalised word after it, ending the name ("President Trump", not
#: "President Barack Obama")
_TITLED_WORD_RE = re.compile(r"\b([A-Z][a-z]+)\.? ([A-Z][a-z][\w'’-]*)\b(?![\w'’-])")


def _any_in(starts: list[int], lo: int, hi: int) -> bool:
    """Whether the sorted ``starts`` hold one in ``[lo, hi)``."""
    i = bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


#: a party named as one, outside quotations, and not before a name ("Labour MP John Smith")
_PARTY_BEFORE_NO_NAME_RE = re.compile(r"\b(" + PARTY_NOUN + r")\b(?!\s+[A-Z]|['’])")
_POSSESSOR_RE = re.compile(r"([A-Z][\w.&-]*(?:\s+[\w.&-]+){0,3})(?:['’]s|(?<=s)['’])")
_IRREGULAR_PAST = frozenset("said told bought sold made took gave wrote thought felt found kept left went came got "
                            "saw knew became began brought paid put set won lost held ran spoke".split())
_CONTRACTED_PRONOUN_RE = re.compile(r"((?i:he|she|it|they|we|i|you))['’](?:s|re|m|ve|d|ll)")
_QUOTED_RE = re.compile(r"[“\"]([^”\"]{0,600})[”\"]")
_NAME_AT_RE = re.compile(r"(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]*")


_SPACES_CAPITAL_RE = re.compile(r"[)\]]? {1,3}[A-Z]")     # (a bracket closing round the quotation too)
_DOCUMENT_OWNER_RE = re.compile(r"(?P<owner>(?:[Tt]he\s+)?(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)['’]s\s+(?:[a-z-]+\s+){0,2}"
                                r"(?P<noun>[a-z]+)")
#: "its submission", "his latest book": a document and the pronoun of its owner
_PRONOUN_DOCUMENT_RE = re.compile(r"(its|his|her|their)\s+(?:[a-z-]+\s+){0,2}([a-z]+)")
_POSSESSIVE_PRONOUN = {"its": "it", "his": "he", "her": "she", "their": "they"}
#: a clause or participle phrase trailing a mention's noun phrase
_CLAUSE_TAIL_RE = re.compile(r"(?<=[a-z])\s+(?:(?:has|have|had|is|was|were|are)(?:\s|$)|(?:published|released|compiled|"
                             r"quoted|issued|produced|commissioned|conducted|obtained|filed|presented|unveiled)\b).*$")
#: nouns of what someone said or wrote, owned by a possessive pronoun that then stands for them
_WORDS_NOUNS = _DOCUMENT_NOUNS | frozenset("message advice words view views verdict warning concern concerns argument "
                                           "point plea response reply answer assessment comment remark".split())
#: a name opening a sentence, before its verb ("Intel filed …")
_SENTENCE_OPENING_NAME_RE = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))([A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3}) (?=[a-z])")
#: relatives, by the pronoun that stands for them
_KIN_NOUNS = {**dict.fromkeys("wife daughter mother sister widow girlfriend fiancee grandmother aunt niece "
                              "stepmother stepdaughter granddaughter".split(), "she"),
              **dict.fromkeys("husband son father brother widower boyfriend fiance grandfather uncle nephew "
                              "stepfather stepson grandson".split(), "he")}
#: "His wife, Sian, said", "her son Tom told": a one-word name set beside a relative's noun
_KIN_RE = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[A-Z][\w-]*['’]s?)\s+(?:(?:late|younger|older|elder|eldest|"
                     r"youngest|eight-year-old|teenage|\d+-year-old)\s+)?(" + "|".join(_KIN_NOUNS) + r"),?\s+"
                     r"([A-Z][a-z]+)\b(?!\s+[A-Z])")
# "a Reuters report", "a New York Times report", "an Amnesty study": a name before the document
_NAMED_DOCUMENT_RE = re.compile(r"(?:[Aa]n?|[Tt]he)\s+(?P<owner>(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)\s+(?:new\s+|latest\s+)?"
                                r"(?P<noun>[a-z]+)")
# "a report in the Argus Leader of Sioux Falls", "a study by the Brookings Institution": the
# publication or the body after the document
_DOCUMENT_IN_RE = re.compile(r"(?:[Aa]n?|[Tt]he)\s+(?:new\s+|latest\s+|recent\s+)?(?P<noun>[a-z]+)\s+(?:in|by|from)\s+"
                             r"(?P<owner>(?:[Tt]he\s+)?(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)(?:\s+of\s+[A-Z][\w\s.-]*)?")


def _document_owner(mention: str) -> re.Match[str] | None:
    """The match whose group 1 names who owns the document ``mention`` is (group 2 the
    document's noun), if it is one: "The Wrap’s report", "a Reuters report"."""
    if "'s " in mention or "’s " in mention:
        own = _DOCUMENT_OWNER_RE.fullmatch(mention)
    elif mention[:2] in ("a ", "A ", "an", "An", "th", "Th"):
        own = _NAMED_DOCUMENT_RE.fullmatch(mention) or _DOCUMENT_IN_RE.fullmatch(mention)
    else:
        return None
    return own if own is not None and own.group("noun") in _DOCUMENT_NOUNS else None


_STATE_AFTER_PLACE_RE = re.compile(
    r"(?<=[a-z\d])(?:, (?:of|from) [A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3})?, (?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|"
    r"Nev|N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|R\.I|S\.C|S\.D|Tenn|Tex|Vt|Va|Wash|W\.Va|Wis|Wyo|D\.C)\.(?=,)")


class _Article:
    """One article as the passes see it (the text, its quotation spans, the masked text, the
    cue and token indexes, the writer's sentences) and the rows found so far."""

    def __init__(self, text: str, *, sentences: list[tuple[int, int]] | None, include_scare: bool) -> None:
        self.text, self.include_scare = text, include_scare
        self.verbs = reporting_verbs()
        self.turns = _transcript_turns(text)
        # the block-quotation marks around transcript turns open no quotation of their own
        self.spans = _find_spans(_with_chars(text, {x: " " for t in self.turns for x in (t.mark_at, t.close_at)
                                                    if x is not None}))
        self.masked = _with_chars(_mask(text, self.spans), {e: text[e] for e in self._closing_stops()})
        if ", " in text and "., " in text:
            # "Johnnie Wilson, of Springfield, Va., said", "X, 59, of Ashton, Md., who …, said": a
            # place with a US state's abbreviation is read as a blank (the abbreviation's full
            # stop ended the phrase, and "Va" or "Ashton" became the speaker)
            self.masked = _STATE_AFTER_PLACE_RE.sub(lambda m: " " * len(m.group()), self.masked)
        self.cues_index = _CueIndex(self.masked)
        self.tix = _TokIndex(self.masked)
        # where the participles of "…, adding that", "…, saying" are
        self.continuation_at = _continuation_verbs_at(self.masked, self.cues_index.runs)
        sentences = sentence_spans(text) if sentences is None else sentences
        # the writer's sentences: split with quotes masked (no quote: the article's own sentences)
        self.outer = sentence_spans(self.masked) if self.spans else sentences
        self.sent_starts = [s for s, _ in sentences]
        self.resolver = _LazyResolver(text)
        self.refs = References(text, self.masked, self.outer, self.resolver)
        self.rows: list[dict] = []
        self.last: dict | None = None        # last attributed quote (for floating quotes)
        self.speakers_seen: list[tuple[int, str]] = []
        self._people: dict[str, tuple[list[str], re.Pattern | None]] = {}     # he/she -> names, their pattern
        self._kin: dict[str, str] | None = None     # a given name alone -> he/she, by a kinship apposition
        self._titled: frozenset[str] | None = None   # words written after a title (_titled_surname)
        self.pronoun_of: dict[str, str] = {}     # name -> he/she, as the article has referred to them
        outer_starts = [s for s, _ in self.outer]
        self.by_sentence: dict[int, list[_Span]] = {}
        for q in self.spans:
            self.by_sentence.setdefault(max(0, bisect_right(outer_starts, q.open_at) - 1), []).append(q)
        self.turn_starts = [t.start for t in self.turns]
        self.turn_said = [(_Mention(text[t.name_start:t.name_end], t.name_start, t.name_end),
                           self.resolver.canonical(text[t.name_start:t.name_end].title())) for t in self.turns]

    def _closing_stops(self) -> list[int]:
        """A quotation ending the writer's sentence (“… in the neighborhood.” Russia insisted):
        its full stop ends the sentence around it too."""
        text, ends = self.text, []
        for q in self.spans:
            lead = text[max(0, q.open_at - 2):q.open_at].rstrip()[-1:]
            # (a space before the closing mark: "… a great year. \" Hayes said:")
            stop = q.end - 1 - (q.end - q.start >= 2 and text[q.end - 1] == " ")
            stop_then_capital = q.close_at is not None and q.end > q.start and text[stop] in ".!?" \
                and _SPACES_CAPITAL_RE.match(text, q.close_at + 1) is not None     # (two spaces too)
            if stop_then_capital and (lead.islower() or lead in (":", ",")):
                ends.extend(range(stop, q.end))     # the quotation closes the sentence it is inside
            elif stop_then_capital and lead in ("", ".", "!", "?", "\"", "”", "’") and not self._tail_cue(q.close_at + 1):
                ends.extend(range(stop, q.end))     # a whole quoted sentence, then the writer's next one
            elif q.close_at is None and q.end > q.start and (text[q.end:q.end + 2] == ' "' or _SPACES_CAPITAL_RE.match(
                    text, q.end)) and (inner := text[q.start:q.end].rstrip("'’"))[-1:] in (".", "!", "?"):
                # a quotation's paragraph whose line break was lost (ending, too, on a
                # quotation inside it: "… is ridiculous.' "But then …"), or one never closed
                # ('were "only 10% of the agenda. Dr Gibbons …')
                ends.extend(range(q.start + len(inner) - 1, q.end))
        return ends

    def _tail_cue(self, at: int) -> bool:
        """Whether the words after a closing mark are the quotation's own cue ("“…votes?”
        Trump said, looking on"; "“….” Mr Dyer said."), not a sentence of the writer's that
        reports something else ("“….” He said that the survey showed …")."""
        seg = self.text[at:at + 300]
        words = list(_WORD_RE.finditer(seg))[:14]
        for m in words:
            if m.group(1).lower() not in self.verbs:
                continue
            if m.group(2) == ":":
                return False            # "“….” Sharapova, who lost …, said: “…”": the next quotation's
            if m.group(2):
                return True             # "Trump said, looking on", "Mr Dyer said."
            stop = re.search(r"[.!?](?:\s|$)", seg[m.end():])
            after = seg[m.end():m.end() + stop.start()].split() if stop else []
            # "said that the survey showed …", "said the plan was dead": a sentence of its own;
            # "shouted to the crowd", "told reporters": the quotation's cue
            return not ("that" in after[:6] or len(after) >= 5 and after[0].lower() not in _PREPOSITIONS)
        return False

    def turn_at(self, pos: int) -> int | None:
        """The transcript turn that ``pos`` is in, if any."""
        i = bisect_right(self.turn_starts, pos) - 1
        return i if i >= 0 and self.turns[i].start <= pos < self.turns[i].end else None

    def resolve(self, ment: _Mention | None, at: int) -> str | None:
        """The speaker a mention names: a name through the article's clusters, a pronoun
        through the speakers before it."""
        if ment is None:
            return None
        if ment.ref is not None:
            ment = ment.ref
        if (own := _document_owner(ment.text)) is not None and self._organisation_owner(own.group("owner")) \
                and (own.re is not _NAMED_DOCUMENT_RE or speaker_kind(own.group("owner")) == "organisation"):
            # "The Wrap’s report claims", "Amnesty's latest study says", "A Reuters report said",
            # "a report in the Argus Leader of Sioux Falls":
            # the organisation speaks (a person's statement or book stays the document: "It
            # added" may go on with it; "the Hutton report" of an article naming Lord Hutton too)
            ment = _Mention(own.group("owner"), ment.start + own.start("owner"), ment.start + own.end("owner"))
        if (c := _CONTRACTED_PRONOUN_RE.fullmatch(ment.text)) is not None:
            ment = _Mention(c.group(1), ment.start, ment.start + len(c.group(1)))   # "He's claiming that …": he
        elif (p := _POSSESSOR_RE.fullmatch(ment.text)) is not None and self._owns_next_word(ment):
            ment = _Mention(p.group(1), ment.start, ment.start + len(p.group(1)))   # "Donald Trump's claim that"
        low = ment.text.lower()
        if (doc := _PRONOUN_DOCUMENT_RE.fullmatch(low)) is not None and doc.group(2) in _DOCUMENT_NOUNS:
            # "It summed up … in its submission, which states …", "his new book says": the
            # document's owner, as "Intel's submission" would be
            pron = _POSSESSIVE_PRONOUN[doc.group(1)]
            owner = self._resolve_pronoun(pron, ment.start)
            if owner is None and pron == "it":      # ("Intel filed a document …. It summed up …")
                opened = _SENTENCE_OPENING_NAME_RE.findall(self.masked, max(0, ment.start - 600), ment.start)
                owner = next((n for n in reversed(opened) if speaker_kind(n) == "organisation"), None)
            if owner is not None and owner.lower() != low:
                return owner
        if _PRONOUN_RE.match(ment.text) or low in _OBJECT_PRONOUNS or low in _POSSESSIVE_PRONOUN and self._owns_words(ment):
            # "leading him to quip": he; "His message to the chancellor was: “…”": he
            low = _OBJECT_PRONOUNS.get(low) or _POSSESSIVE_PRONOUN.get(low, low)
            found = self._resolve_pronoun(low, min(at, ment.start))
            if found and low in {"he", "she"}:
                self.pronoun_of.setdefault(found, low)   # "He denied …": he, never a later "she"
            return found
        if (tail := _CLAUSE_TAIL_RE.search(ment.text)) is not None:
            # "the guidance published", "one musician quoted by", "Internet service providers
            # have long": the noun phrase, not the clause on it
            ment = _Mention(ment.text[:tail.start()], ment.start, ment.start + tail.start())
        name = self.resolver.canonical(ment.text)
        if low.split()[0] in _HONORIFIC_PRONOUN:
            self.pronoun_of.setdefault(name, _HONORIFIC_PRONOUN[low.split()[0]])
        if name not in self.resolver.full and description_kind(name):
            # "the company", "the first minister": the entity the article ties it to, if any
            return self.refs.description(name, ment.start, self.speakers_seen) \
                or self._described_before(name, ment.start) or name
        if low.startswith("the ") and len(low.split()) == 2 and name == ment.text.strip():
            # "the spokeswoman": no entity of its own (it speaks for another), but the one
            # described so before ("a BaFin spokeswoman") when there is one
            return self._described_before(name, ment.start) or name
        return name

    def _owns_next_word(self, ment: _Mention) -> bool:
        """Whether a mention ending in 's owns the word after it ("Donald Trump's claim", a
        noun), rather than being a name that ends so ("Foster's bought", "Standard & Poor's,",
        "the website Parker's."): a word follows that is no finite verb."""
        nxt = self.text[ment.end:ment.end + 30].split()[:1]
        if not nxt or not nxt[0][:1].isalpha() or "&" in ment.text:
            return False
        w = nxt[0].lower().strip(",.;:")
        return not (w in _FINITE or w.endswith("ed") or w in _IRREGULAR_PAST
                    or w.endswith("s") and w[:-1] in reporting_verbs())

    def _owns_words(self, ment: _Mention) -> bool:
        """Whether a possessive pronoun owns words ("His message to the chancellor was: “…”",
        "Her main concern is “privacy”"): a noun of speech follows, past an adjective; not "Its
        private banking operation … after an “aggressive sales culture” …"."""
        after = self.text[ment.end:ment.end + 40].lower().split()[:2]
        return any(w.strip(",.:;") in _WORDS_NOUNS for w in after)

    def _organisation_owner(self, owner: str) -> bool:
        """Whether a document's owner is an organisation, not a person or a day ("Friday's
        lawsuit", "Mr Crosby's statement", "Kok's report" of an article naming Wim Kok)."""
        words = owner.split()
        if words[-1].lower() in _DAY_MONTH_WORDS or words[0].lower() in _HONORIFIC_PRONOUN:
            return False
        canon = self.resolver.canonical(owner)
        return not (speaker_kind(canon) == "person" and (canon in self.resolver.full or len(canon.split()) > 1)
                    and _is_person_like(canon))

    def _described_before(self, desc: str, at: int) -> str | None:
        """"“…,” the spokeswoman said" after "a BaFin spokeswoman said": the nearest speaker
        before (within a few paragraphs) described with the same head noun and a name — when
        no named entity of its kind is near (see ``References.description``)."""
        head = desc.split()[-1].lower()
        if head == "party":     # "Labour denies …. It says …. The party says": the party named last
            named = _PARTY_BEFORE_NO_NAME_RE.findall(self.masked, max(0, at - 2500), at)
            return named[-1].replace("The ", "the ", 1) if named else None
        for pos, spk in reversed(self.speakers_seen):
            if at - pos > 2500:
                return None
            words = spk.split()
            # (a name among the words before the head: "a Home Office spokesman", "the Datamonitor
            # report"; not "its report", "a new book", "an unnamed executive")
            if pos < at and words[-1].lower() == head and any(w[:1].isupper() for w in words[1:-1]):
                return spk
        return None

    def _resolve_pronoun(self, low: str, at: int) -> str | None:
        """he/she: the nearest compatible person quoted before, unless a sentence opened with
        another since (the paragraphs have moved on to them), else named before (within a few
        paragraphs); it/they: the nearest group or organisation; I/we/you: the last speaker."""
        if low in {"i", "we", "you"}:
            return self.last["speaker"] if self.last else None
        for pos, spk in reversed(self.speakers_seen):
            if pos < at and (low not in {"it", "they"} and (_is_person_like(spk) or self._titled_surname(spk)
                                                             or self._kin_pronoun(spk) == low)
                             and _compatible(low, spk)
                             and not _place_name(spk) and not named_as_organisation(self.text, spk)
                             and self.pronoun_of.get(spk, low) == low
                             or low in {"it", "they"} and (not _is_person_like(spk) or named_as_organisation(self.text, spk))
                             and not self._titled_surname(spk)
                             and not (low == "it" and _plural_description(spk))):
                if low in {"he", "she"}:
                    subject = self.refs.person_subject(low, at, after=pos, last=spk)
                    return subject if subject and self.pronoun_of.get(subject, low) == low else spk
                if low == "they":           # a group the writer has turned to since
                    return self.refs.group_subject(at, after=pos) or spk
                return spk
        if low == "they":
            return self.refs.group_subject(at, after=-1)
        if low == "it":     # "Shares in Multiplex Group, which …, fell … after it said …": the one company
            #                 named before it in its sentence
            return self.refs.company_named_before(at, "company", lo=self.sent_starts[max(0, bisect_right(self.sent_starts, at) - 1)])
        if low not in {"he", "she"}:
            return None
        subject = self.refs.person_subject(low, at, after=-1)
        if subject and self.pronoun_of.get(subject, low) == low:
            return subject
        # else the person named first in the nearest sentence that names one: a sentence's
        # first person is usually its subject ("Mr Johnson was asked why Mr Smith had been
        # allowed to resign. He replied: …" is Mr Johnson)
        if low not in self._people:     # once per article and pronoun
            # not "Scottish Executive", "New York", "West Ham" (a place's or club's name: "good
            # displays against West Ham …. “The crowd gave me …,” he said" is the player's)
            people = [f for f in self.resolver.full if _compatible(low, f) and _is_person_like(f)
                      and not _place_name(f) and _known_person(f, self.text)
                      and not named_as_organisation(self.text, f)]
            self._people[low] = (people, re.compile(r"\b(?:" + "|".join(sorted(
                {re.escape(f.split()[-1]) for f in people}, key=len, reverse=True)) + r")\b") if people else None)
        people, pattern = self._people[low]
        if pattern is None:
            return None
        k = bisect_right(self.sent_starts, at) - 1
        hi = at
        while k >= 0 and at - self.sent_starts[k] <= 3000:
            m = pattern.search(self.text, self.sent_starts[k], hi)
            if m:
                return next(f for f in people if f.split()[-1] == m.group())
            hi = self.sent_starts[k]
            k -= 1
        return None

    def _kin_pronoun(self, speaker: str) -> str | None:
        """he or she for a one-word name the article introduces as someone's relative ("His
        wife, Sian, said …" is she: the given name need be in no list), else None."""
        if self._kin is None:
            self._kin = {m.group(2): _KIN_NOUNS[m.group(1).lower()] for m in _KIN_RE.finditer(self.text)}
        return self._kin.get(speaker)

    def _titled_surname(self, speaker: str) -> bool:
        """Whether a one-word speaker is a person's surname: the article writes it after a
        title ("President Trump", "Sen. Sanders", "Mr. Trump") and never gives a full name
        ending with it, as American papers do with the best known."""
        if self._titled is None:
            titles = speaker_words()["titles"]
            titled, named = set(), set()      # after a title; after another capitalised word
            resolver = self.resolver._get()
            for m in _TITLED_WORD_RE.finditer(self.text, resolver.headline_end):
                (titled if m.group(1).lower() in titles or m.group(1).lower() + "." in titles
                 else named).add(m.group(2))
            surnames = {f.rsplit(" ", 1)[-1] for f in resolver.full}
            # (nor a full name's surname spelt one letter apart: "Diane Abbot" and "Ms Abbott")
            self._titled = frozenset(w for w in titled - named if not any(_one_edit(w, x) for x in surnames))
        return " " not in speaker and speaker in self._titled

    def _fresh_subject(self, at: int, *, after: int) -> tuple[_Mention, str] | None:
        """(mention, name) of the person who opened the sentence right before ``at``, if that
        subject comes after ``after`` (the last quotation's end) and the sentence quotes no
        more than a few words."""
        k = bisect_right(self.sent_starts, at) - 1
        if k < 1:
            return None
        lo, hi = self.sent_starts[k - 1], self.sent_starts[k]
        if hi <= after or any(len(m.group(1).split()) > 6 for m in _QUOTED_RE.finditer(self.text, lo, hi)):
            return None     # (a sentence quoting at length has its own speaker; a few words in
            # marks, "she called it “outrageous”", leave the subject the one it is about)
        sub = self.refs.last_subject_in(lo, hi)
        if sub is None or sub.pos <= after or sub.kind != "person":
            return None
        m = _NAME_AT_RE.match(self.text, sub.pos)
        if m is None:
            return None
        return _Mention(m.group(), m.start(), m.end()), sub.name

    def add(self, typ: str, s: int, e: int, ment: _Mention | None, verb: str | None, speaker: str | None) -> dict:
        """Record one row."""
        if typ == "indirect" and "(" in self.text[s:s + 40] and (d := _DATELINE_RE.match(self.text, s)):
            s = d.end()     # "(Reuters) — The attorney general is investigating …, according to …"
        row = {
            "quote_id": 0, "type": typ, "quote": self.text[s:e], "start": s, "end": e,
            "speaker": speaker, "mention": ment.text if ment else None,
            "mention_start": ment.start if ment else None, "mention_end": ment.end if ment else None,
            "verb": verb,
            "verb_class": self.verbs.get(" ".join(verb.lower().split()), (None, None, None))[1] if verb else None,
            "sentence_id": max(0, bisect_right(self.sent_starts, s) - 1),
        }
        self.rows.append(row)
        if speaker:
            self.speakers_seen.append((s, speaker))
        return row

    def seen(self, ment: _Mention, at: int) -> None:
        """Someone the writer names as a speaker who said nothing ("declined to say whether
        …"): no row, but a pronoun after may stand for them."""
        speaker = self.resolve(ment, at)
        if speaker:
            self.speakers_seen.append((at, speaker))

    def _last_mention(self) -> _Mention | None:
        last = self.last
        return _Mention(last["mention"], last["mention_start"], last["mention_end"]) if last and last["mention"] else None

    def quotation(self, k: int, s_lo: int, s_hi: int, q: _Span, qs: list[_Span]) -> None:
        """Pass 2–3 for one quotation of the writer's sentence ``k``: its type, cue and speaker,
        trying in order the sentence's own cue, a transcript turn, a cue closing the sentence
        before, the writer's report just before, a floating quote, the sentence's subject."""
        text, masked = self.text, self.masked
        inner = text[q.start:q.end]
        n_words = len(inner.split())
        if n_words <= 12 and (q.open_at == 0 or text[q.open_at - 1] == "\n") \
                and boilerplate_reason(inner.strip()) is not None:
            return      # a paragraph of page furniture in marks ("Follow … on Twitter")
        direct, starts_upper = _is_direct(text, masked, s_lo, s_hi, q)
        ment, verb, cue_at = _attribute(text, masked, s_lo, s_hi, q, qs, cues_index=self.cues_index,
                                        tix=self.tix, partial=not direct)
        if ment is None and verb is None:
            ti = self.turn_at(q.open_at) if self.turns else None
            if ti is not None and not _is_title_case(inner):
                # words quoted inside a transcript turn, with no cue of their own: the turn's
                # speaker quotes them
                self.last = self.add("direct" if direct else "partial", q.start, q.end,
                                     self.turn_said[ti][0], ":", self.turn_said[ti][1])
                return
            ment, verb = self._cue_before(k, s_lo, q, direct, n_words, starts_upper)
        if ment is None and verb is None:
            self._uncued(s_lo, q, inner, direct, n_words, starts_upper)
            return
        self._cued(s_lo, q, inner, direct, ment, verb, cue_at)

    def _cue_before(self, k: int, s_lo: int, q: _Span, direct: bool, n_words: int,
                    starts_upper: bool) -> tuple[_Mention | None, str | None]:
        """A quotation opening its sentence gets its cue from the sentence before: one that
        ends with a colon ("He said:\n\n“…”"), or the writer's own report of a speaker ("…,
        Schiff said. “The other factor…”")."""
        text, masked, tix = self.text, self.masked, self.tix
        if k == 0 or masked[s_lo:q.open_at].strip():
            return None, None
        p_lo, p_hi = self.outer[k - 1]
        if masked[:q.open_at].rstrip().endswith(":"):
            toks_p = tix.get(p_lo, p_hi - 1)
            cues_p = _find_cues(self.cues_index, masked, p_lo, p_hi)
            if cues_p:
                cs, _ce, verb = cues_p[-1]
                vi = bisect_right(toks_p, cs, key=_START) - 1
                return (_np_before(text, toks_p, vi - 1) if vi >= 1 else None), verb
            if toks_p:
                return _colon_source(text, tix, p_lo, toks_p), ":"
        if direct and (k - 1) not in self.by_sentence and (n_words >= 4 or starts_upper):
            said = _reported_by(text, masked, p_lo, p_hi, self.cues_index, tix)
            if said is not None:
                return said
        return None, None

    def _uncued(self, s_lo: int, q: _Span, inner: str, direct: bool, n_words: int, starts_upper: bool) -> None:
        """A quotation with no cue: a floating quote takes the previous speaker; a long one
        stands without a speaker; a title or a fragment with no subject is a scare quote; a
        fragment is the wording of its sentence's subject (PolNeAR's convention)."""
        last = self.last
        fresh = self._fresh_subject(q.open_at, after=last["end"] if last is not None else -1) if direct else None
        if fresh is not None and (last is None or fresh[1] != last["speaker"]):
            # "Sen. Bernie Sanders … identified young voters' exhaustion … as a reason. “The
            # younger people are …”": a quotation standing after a sentence that opened with
            # another person than the last speaker is that person's
            self.last = self.add("direct", q.start, q.end, fresh[0], None, fresh[1])
            return
        if direct and last is not None and q.open_at - last["end"] < 1500 and (n_words >= 4 or starts_upper):
            self.last = self.add("direct", q.start, q.end, self._last_mention(), last["verb"], last["speaker"])
            return
        if n_words >= 5 and direct:
            self.last = self.add("direct", q.start, q.end, None, None, None)
            return
        if _is_title_case(inner) or not inner.strip(" .,;:!?'\"‘’“”") \
                or self.masked[max(0, q.open_at - 12):q.open_at].rstrip().lower().endswith("so-called"):
            ment = None     # a title or name in quotation marks ("Face the Nation"), not speech
        else:
            ment = _subject(self.text, self.tix, s_lo, q.open_at)
        name = self.resolve(ment, q.start) if ment is not None else None
        if ment is None or not _can_speak(self.text, name):
            if self.include_scare:
                self.add("scare", q.start, q.end, None, None, None)
            return
        self.add("partial", q.start, q.end, ment, None, name)

    def _cued(self, s_lo: int, q: _Span, inner: str, direct: bool, ment: _Mention | None, verb: str | None,
              cue_at: int | None) -> None:
        """A quotation with a cue: its speaker, or the last speaker's when the subject is left
        out ("…,” Ms Jowell insisted. And continued: “…”) or a pronoun has no antecedent."""
        last = self.last
        lemma_info = self.verbs.get(" ".join((verb or "").lower().split()))
        if ment is None and verb and lemma_info and last is not None and direct and (
                verb in (":",) or (cue_at is not None and self.masked[s_lo:cue_at].strip().lower()
                                   in {"and", "but", "then", "and then"})):
            ment = self._last_mention()
        speaker = self.resolve(ment, q.start)
        if ment is not None and speaker is None and _PRONOUN_RE.match(ment.text) and last is not None \
                and _compatible(ment.text.lower(), last["speaker"]):
            speaker = last["speaker"]   # (never "she" for the last speaker if he is a man)
        typ = "direct" if direct else "partial"
        if typ == "partial" and verb is None:
            if _is_title_case(inner):
                if self.include_scare:   # a title or name in quotation marks, not speech
                    self.add("scare", q.start, q.end, None, None, None)
                return
            # an uncued fragment is the sentence subject's wording (PolNeAR's convention)
            ment = _subject(self.text, self.tix, s_lo, q.open_at)
            speaker = self.resolve(ment, q.start)
        self.last = self.add(typ, q.start, q.end, ment, verb, speaker)

    def finish(self) -> list[dict]:
        """The rows in text order, numbered; "The prime minister" opening a sentence and "the
        prime minister" mid-sentence are one speaker."""
        self.rows.sort(key=lambda r: r["start"])
        _number_attributions(self.rows)
        for i, r in enumerate(self.rows):
            r["quote_id"] = i
            spk = r["speaker"]
            if spk and (spk.startswith("The ") or (spk.split()[0] in ("A", "An") and any(
                    w[:1].islower() for w in spk.split()[1:]))):
                r["speaker"] = spk[:1].lower() + spk[1:]
        return self.rows


def _number_attributions(rows: list[dict]) -> None:
    """``attribution_id``: the rows one cue attributes through one mention of their source are
    one attribution. "“A,” he said, “B.”" is two quotes and one attribution; so is a partial
    quote inside the reported clause that holds it ("he said the ruling was an “embarrassment”"),
    and a quotation that floats on in the next sentences with no cue of its own (it borrows the
    mention). A new cue opens a new attribution, with its own mention ("…,” she added") or with
    the same one ("…,” Trump said, adding that …": two acts of speech, as PolNeAR counts them and
    as a reader counts how often someone is cited); a row with no source is one on its own.

    >>> rows = [{"start": 0, "end": 9, "mention_start": 11, "verb": "said"},
    ...         {"start": 25, "end": 40, "mention_start": 11, "verb": "said"},
    ...         {"start": 30, "end": 35, "mention_start": 11, "verb": "said"},
    ...         {"start": 50, "end": 58, "mention_start": 11, "verb": "adding"},
    ...         {"start": 60, "end": 70, "mention_start": 72, "verb": "added"},
    ...         {"start": 80, "end": 88, "mention_start": 72, "verb": None},
    ...         {"start": 90, "end": 99, "mention_start": None}]
    >>> _number_attributions(rows); [r["attribution_id"] for r in rows]
    [0, 0, 0, 1, 2, 2, 3]
    """
    by_cue: dict[tuple[int, str], int] = {}
    last: dict[int, int] = {}                           # mention -> its latest attribution
    held: dict[int, tuple[int, int, int]] = {}          # mention -> its latest outermost row (start, end, attribution)
    n = 0
    for r in rows:
        ms = r.get("mention_start")
        aid = None
        if ms is not None:
            s, e = r.get("start"), r.get("end")
            verb = (r.get("verb") or "").lower()
            h = held.get(ms)
            inside = h is not None and s is not None and h[0] <= s and e <= h[1]
            if inside:
                aid = h[2]      # inside the row before it: a partial quote in its clause
            else:
                aid = by_cue.get((ms, verb)) if verb else last.get(ms)
        if aid is None:
            aid, n = n, n + 1
            if ms is not None and verb:
                by_cue[(ms, verb)] = aid
        if ms is not None:
            last[ms] = aid
            if s is not None and not inside:
                held[ms] = (s, e, aid)
        r["attribution_id"] = aid


def _is_direct(text: str, masked: str, s_lo: int, s_hi: int, q: _Span) -> tuple[bool, bool]:
    """(direct, starts upper case): the quoted text is a whole utterance set off by a cue
    (direct), or words inside the writer's clause (partial)."""
    inner = text[q.start:q.end]
    n_words = len(inner.split())
    before_txt = masked[s_lo:q.open_at].rstrip()
    after_txt = masked[(q.close_at + 1) if q.close_at is not None else q.end:s_hi].lstrip()
    set_off = (not before_txt or before_txt.endswith((":", ",", "—", "–", "―", "--", "qq”", 'qq"'))
               or re.search(r"(?:\b(?:that|said|says|told|added|asked|wrote)|[:,])\s*$", before_txt))
    starts_upper = inner.lstrip("…. ")[:1].isupper() or inner.lstrip()[:1] in "'‘\"“"
    direct = bool(set_off) and (starts_upper or not before_txt or before_txt.endswith((":", "—")) or
                                (after_txt[:1] in {",", ""} and n_words >= 4) or q.close_at is None)
    if before_txt.endswith("that") and not starts_upper:
        direct = False
    return direct, starts_upper


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


_HONORIFIC_PRONOUN = {"mr": "he", "mr.": "he", "sir": "he", "lord": "he", "mrs": "she", "mrs.": "she", "ms": "she",
                      "ms.": "she", "miss": "she", "dame": "she", "lady": "she", "baroness": "she"}


def _plural_description(speaker: str) -> bool:
    """Whether a speaker is a plural description ("experts", "many analysts"), which "it"
    never refers to.

    >>> [_plural_description(s) for s in ("many experts", "Venezuelan authorities", "the report",
    ...                                   "Reuters", "the Financial Times", "the Association of British insurers")]
    [True, True, False, False, False, False]
    """
    words = speaker.split()
    return bool(words) and words[-1][:1].islower() and words[-1].endswith("s") and not words[-1].endswith("ss") \
        and not any(w[:1].isupper() for w in words[1:])    # (a name's lowercased last word)


def _can_speak(text: str, name: str | None) -> bool:
    """Whether a sentence's subject, named ``name``, can be the source of a fragment in marks
    that no verb attributes: a name, an organisation, a group, a description of one.

    Why: with no cue, the subject is all that ties the words to a speaker, and a subject that
    cannot speak ("The directive … “computer implemented invention”", "Handsets … “always on”")
    makes the marks a term's, not a quotation; a document can ("The article called it “…”").
    One capitalised word opening a sentence is a name only when ``text`` capitalises it inside
    a sentence too (see :func:`.words.capitalised_inside`), or it is a given name or a noun
    that speaks ("Critics").

    >>> t = "Critics said so. Philip French liked it. Handsets are “always on”."
    >>> [_can_speak(t, n) for n in ["Lib Dem leader Charles Kennedy", "the committee", "the directive",
    ...                             "Handsets", "French", "Critics", "T-Mobile", None]]
    [True, True, False, False, True, True, True, False]
    """
    if not name:
        return False
    words = name.split()
    low = words[-1].lower()
    sw = speaker_words()
    if low in sw["groups"] or low in sw["people"] or low in sw["titles"] or low in sw["organisations"] \
            or low in _DOCUMENT_NOUNS:
        return True     # "critics", "the minister", "the report": they can say words
    if words[0].lower() in _DETERMINERS or not words[0][:1].isupper():
        # "the committee", "the FCC", "the MPs", not "the directive"
        return description_kind(name) is not None or speaker_kind(name) in ("organisation", "group")
    if len(words) > 1 or low in given_names() or any(not c.islower() for c in words[0][1:]):
        return True     # "Charles Kennedy", "Sarah", "T-Mobile", "BBC"
    return capitalised_inside(text, words[0])
