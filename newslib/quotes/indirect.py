"""Pass 4 — reported speech without quotation marks.

In each sentence (``_indirect``), in this order: a source closing the sentence ("…, IRNA
reported."); "according to X"; a speech verb with its content — after the hearer or an
adjunct up to "that" ("told his counterpart that …", "said during a rally that …"), after the
verb for verbs that take a bare clause or a noun phrase ("said the plan …", "confirmed the
expansion …"), else only after "that". Content ends at the sentence end, a participle that
reports more, or a clause of the writer's own (", but …"). In a sentence with quotations only
a clause reported before them counts, the quoted words inside it. ``_continuations`` then
adds "…, adding that …" and "…, saying …" for the speaker named earlier in the sentence.
Negated cues report nothing ("he did not say").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..lexicons import given_names, reporting_verbs, speaker_words
from .cues import (
    _CONTRACTED,
    _NOUNISH_BEFORE,
    _CueIndex,
    _ends_a_name,
    _find_cues,
    _lower_possessive,
    _noun_by_position,
    _plural_before_verb,
)
from .entities import (
    _compatible,
    _describes_a_source,
    _place_name,
    _plural_people,
    _roles,
    _stopwords,
    places,
)
from .references import description_kind
from .speakers import (
    _FINITE,
    _QUOTED_BEFORE_AS_RE,
    _np_after,
    _np_before,
    _quoted_one,
    _subject,
    _with_subject,
)
from .words import (
    _BE_FORMS,
    _DETS,
    _DOCUMENT_NOUNS,
    _MARK_CHARS,
    _NONFINITE_BEFORE,
    _NOT_A_SPEAKER_END,
    _PRONOUN_RE,
    _START,
    _SUBORDINATORS,
    _hearer_passive,
    _Mention,
    _negated,
    _refused,
    _tok_after,
    _tokens,
    _TokIndex,
)


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
        vi = bisect_right(toks, cs, key=_START) - 1
        if _negated(toks, vi):
            continue    # "He didn't suggest retaliation.": no one was reported saying anything
        ment = _np_before(text, toks, vi - 1) if vi >= 1 else None
        if ment is None and vi + 1 < len(toks) and (vi == 0 or toks[vi - 1][0] in _INVERSION_AFTER):
            # "…, said Schiff.": inverted after a comma or a quotation; not "… and confirmed his
            # global superstar status." (the object)
            ment = _np_after(text, toks, vi + 1)
        last = ment.text.split()[-1] if ment is not None else ""
        if ment is not None and last.lower() not in _NOT_A_SPEAKER_END \
                and not (last.islower() and last.endswith("ly") and len(ment.text.split()) > 1):
            return ment, verb   # not "Mr Wyatt and [said]", "X once notoriously [declared]"
    return None


_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
#: subjects that speak for no one: a fact ("That said, …", "This suggests …") or no one at all
_NO_SPEAKER = _DEMONSTRATIVES | {"no", "no one", "nobody", "none", "neither"}
#: words after which a verb's form is a noun ("these claims", "the latest reports"); not
#: "earlier", an adverb before a verb too ("Shalaby earlier said")
_DETERMINERS_BEFORE = _NOUNISH_BEFORE - {"earlier", "of", "written", "brief"}
#: words after which "calls for" is the noun ("growing calls for an inquiry")
_CALLS_NOUN_AFTER = frozenset("the these those growing renewed fresh new repeated mounting amid despite of to and "
                              "join reject resist ignore heed face are were any no".split())
#: what may come before a verb followed by its subject ("…, said Schiff", "“…” said Schiff")
_INVERSION_AFTER = frozenset({",", "”", '"', "’", "'", "''", ":", "—", "–", "-"})

_INDIRECT_TAIL_RE = re.compile(
    # "…, Alan Milburn, Labour's election strategist told …": an apposition's closing comma missing
    r",(?!\d)\s*(?P<np>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3},\s*(?:[A-Z][\w'’-]*['’]s|the|a|an)\s[a-z][^,]{1,40}|"
    r"(?:[^,]|,(?=\d)){2,60}?(?:,\s*[A-Z][^,]{1,40},)?)\s+(?:has\s+|have\s+|had\s+)?(?P<verb>said|says|added|noted|argued|warned|"
    r"told (?:the\s+)?[A-Z][\w'’]*(?:\s+[A-Z0-9][\w'’]*){0,3}(?:\s+(?:programme|website|newspaper))?|"
    r"told (?:his|her|their|the|a|an)\s+[a-z]+|told \w+|"     # "…, he also told his audience."
    r"reported|reports|confirmed|announced|insisted|stressed|explained|wrote|claimed|concluded|pledged|promised|"
    r"suggested|admitted|predicted|estimated|believes|believed|thinks|claims|warns|adds|insists|argues|predicts|"
    r"suggests|said on \w+|reported on \w+|"
    # "…, top black lawmakers said Friday afternoon."
    r"said (?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)"
    r"(?: (?:morning|afternoon|evening|night))?|"
    # plural subjects: "…, analysts say.", "…, they warn."
    r"say|warn|argue|believe|think|claim|insist|predict|suggest|note|add)\s*\.?\s*$")
_NAME_THEN_OPEN_APPOSITION_RE = re.compile(r"((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*),\s*(?:[A-Z][\w'’-]*['’]s|the|a|an)\s[a-z][^,]*$")
# the last word of a sentence that _INDIRECT_TAIL_RE can match (or the word before it: "told
# reporters", "said on Monday")
_TAIL_VERBS = frozenset("said says added noted argued warned reported reports confirmed announced insisted "
                        "stressed explained wrote claimed concluded suggested admitted predicted estimated "
                        "believes believed thinks claims warns adds insists argues predicts suggests "
                        "say warn argue believe think claim insist predict suggest note add pledged promised".split())
# words between a verb and "that" that do not end the cue: the hearer ("told his Iranian
# counterpart that"), an adjunct ("said during a rally in Michigan that", "said via email that")
# or the object of a verb of stance ("expressed disappointment that")
_ABBREVIATION_DOT = "(?:" + "|".join(f"(?<={a})" for a in (
    "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mr", "Mrs", "Ms", "Dr", "St", "Gen",
    "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Cmdr", "Jr", "U.S", "U.N")) + r")\."
#: (an abbreviation's full stop inside: "told VOA correspondent Carla Babb on Nov. 21 that")
_THAT_AFTER_RE = re.compile(r"(,?\s+(?:[^.;:!?“”\"()]|" + _ABBREVIATION_DOT + r"){1,90}?),?\s+that\s+")
#: nouns whose "that" clause is their own content ("his claim that …", "the fear that …")
_THAT_NOUNS = frozenset("interjection claim claims assertion assertions statement statements remark remarks comment "
                        "comments suggestion suggestions allegation allegations charge charges argument arguments "
                        "view belief idea notion fear fears warning warnings promise promises pledge pledges report "
                        "reports news rumour rumours rumor rumors insistence contention assurance assurances "
                        "evidence fact hope hopes impression sense point message".split())
#: connectives set off by commas between a cue and its "that" ("admitted, however, that …")
_CONNECTIVES = frozenset("however though too also indeed meanwhile nevertheless moreover furthermore "
                         "in fact of course".split()) | {"in fact", "of course"}
_ADJUNCT_WORDS = frozenset("during in at on via after before outside from with through under over to by "
                           "late early last this earlier yesterday today tonight".split())
# "argued for decades that …": how long, not what ("argued for reforms that …" is an object);
# "said Tuesday that …", "said Tuesday night that …" (US wire style): when ("declared Saturday
# as 'Cantona Day' and …, that" is neither)
_FOR_A_TIME_RE = re.compile(r"\s*(?:for\s+(?:decades|years|months|weeks|days|some\s+time|a\s+(?:long\s+)?time|a\s+while)"
                            r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                            r"(?:\s+(?:morning|afternoon|evening|night))?)\s*")
_HEARER_OR_OBJECT = frozenset("tell told telling tells ask asked asks asking warn warned warns warning urge urged "
                              "remind reminded inform informed assure assured reassure reassured reassures advise advised "
                              "convince convinced "
                              "express expressed expresses expressing".split())
_BARE_CLAUSE_VERBS = frozenset("said says say told tells added claims claimed insisted insists argued argues".split())
# verbs of stance that report a clause without "that" when one follows ("Giggs admits he had
# considered retirement", "McLeish accepts he is going to be criticised"; not "admitted defeat")
# findings: "one study found Trump would raise taxes", "an arbitration panel found the United
# States was in breach", "ruled the law was …"
_FINDING_VERBS = frozenset("finds found showed concludes concluded ruled".split())
_BARE_STANCE_VERBS = frozenset("admit admits admitted concede concedes conceded accept accepts accepted acknowledge "
                               "acknowledges acknowledged agree agrees agreed warn warns warned predict predicts "
                               "predicted "
                               # "but he stressed this did not mean the dance scene was over"
                               "stressed stresses".split()) | _FINDING_VERBS
# "found it hard to invest", "finds them useful": an object and its complement, no clause
_OBJECT_COMPLEMENT_RE = re.compile(r"(?:it|them|him|her|me|us|you)\s+(?!(?:is|was|were|are|had|has|have|will|would|"
                                   r"could|can|should|may|might|must)\b)")
# verbs of promise, which report a bare clause with its modal ("pledged childcare would be a
# centrepiece", "vowed he would fight on"; not "promised to fight", "pledged £5m")
# ("Mr Snow made clear exchange rates had not been on the agenda": a clause with its auxiliary)
_PROMISE_VERBS = frozenset("pledge pledges pledged promise promises promised vow vows vowed".split()) | {
    "made clear", "makes clear", "make clear"}
_MODAL_CLAUSE_RE = re.compile(r"(?!(?:to|not|a|an|what|how|why|where|when|who|which|whether|if)\s)[A-Za-z][\w'’-]*"
                              r"(?:\s+(?!(?:to|but|and|or|yet|not)\s)[a-z][\w'’-]*){0,2}\s+"
                              r"(?:would|will|could|should|must|had|has|have|was|were|is|are)\s")
# a clause: a subject pronoun or a possessive phrase, then a finite verb within a few words
_CLAUSE_START_RE = re.compile(r"(?:(?:he|she|they|it|we|i|there|you)\s|(?:his|her|their|its|the|this|that)\s[^,.;]{0,40}?"
                              r"\b(?:is|was|were|are|had|has|have|will|would|could|can|should|may|might|must)\b|"
                              # a name as the subject: "Bookmakers predict Cate Blanchett will be named …";
                              # a bare plural: "Goldfine admits talks have taken place"
                              r"(?:(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})|(?-i:[a-z]+s))\s+"
                              r"(?:is|was|were|are|had|has|have|will|would|could|can|should|may|might|must)\b)",
                              re.IGNORECASE)
# verbs whose noun-phrase object is what was said ("The Kremlin confirmed the expansion of …")
_NP_OBJECT_VERBS = frozenset("confirmed confirms denied denies indicated indicates revealed reveals "
                             "disclosed discloses".split()) | {
    # "called for female contestants to wear …", "called on Trump to stop attacking Machado"
    f"{v} {p}" for v in ("call", "calls", "called", "calling") for p in ("for", "on")}
# a clause of the writer's own after the reported content ("…, but avoided commenting")
_CONTENT_END_RE = re.compile(r"(?:,|(?<=,[”\"]))\s+but\s|"
                             # "… a Best Dance Act prize, with the Brits committee announcing that
                             # …": another source's participle clause
                             r",\s+with\s+(?:[\w'’.-]+\s+){1,5}?(?:saying|announcing|adding|claiming|arguing|warning|"
                             r"insisting|predicting|suggesting|noting|stating|declaring)\s|"
                             # "… between himself and Reina but McIlroy is unfazed": another
                             # person's clause, without a comma
                             r"\s+but\s+(?:[A-Z][\w'’-]+\s+){1,3}(?:is|was|has|had|remains|remained|seems|seemed)\s|"
                             # "… there were “grey areas” but said “…”", "… human rights but
                             # questioned why …": the same speaker's next cue, without a comma
                             r"\s+but\s+(?:also\s+)?(?:said|says|added|adds|questioned|asked|insisted|warned|argued|"
                             r"stressed|admitted|denied|conceded|acknowledged|noted|claimed)\b|"
                             # "… was one of DOD's leaders but his lawyer, Antony Townsden, told …":
                             # another source's clause
                             r"\s(?:but|while|whereas)\s+(?:his|her|their|its|the)\s+(?:[a-z]+\s+){0,2}[a-z]+"
                             r"(?:,\s+[^,;“”\"]{2,60},)?\s+(?:said|says|told|added|argued|insisted|claimed)\b|"
                             # "… was “fundamentally flawed” and all three of the main parties have
                             # said …": a counted group's clause
                             r"\s(?:and|but|while|whereas)\s+(?:all|both|many|most|some|several|two|three|four|five)\s+"
                             r"(?:[a-z]+\s+)?of\s+(?:his|her|their|its|the)\s+(?:[a-z]+\s+){0,2}[a-z]+\s+"
                             r"(?:(?:have|has|had)\s+(?:also\s+)?)?(?:said|say|says|told|argued|insisted|claimed|warned)\b|"
                             # "… up to the markets - a signal which traders took as …": the
                             # writer's comment on what was said
                             r"\s[-–—]\s+(?:a|an)\s+(?:[a-z]+\s+){0,2}[a-z]+\s+(?:which|that)\s|"
                             # "Weitz, who admitted he would not be …, said he regarded …": the
                             # main clause's verb after a relative clause's content
                             r",\s+(?:said|says|told|added|insisted|argued)\s+(?!to\s)(?=[a-z])|,\s+while\s+(?:others|critics|opponents|rivals|[A-Z]|(?:the|a|an|his|her|its|their)\s)|;\s|"
                             # "…was smart, although he again refused to pledge …": the writer
                             # tells what the speaker did (not "…, although he would remain a
                             # supporter": a modal is the speaker's own reservation, reported)
                             r",\s+(?:although|though|even\s+though|while)\s+(?:he|she|they)\s+"
                             r"(?!(?:would|could|might|should|will|may|can|must|had\s+to)\b)|"
                             # "… were caused by gunshot wounds and called on the government to …"
                             r",?\s+and\s+(?:called\s+(?:on|for)|urged|demanded|appealed\s+(?:to|for))\s|"
                             # "… "three amigos" and added, “I cringe …”": the next cue's quotation
                             r",?\s+(?:and|but)\s+(?:then\s+)?(?:said|added|says|adds|continued)[,:]\s*[“\"]|"
                             # "… against a mock-vote for migrants saying, “for us …”": a participle's quotation
                             r",?\s+(?:saying|adding|writing|declaring)[,:]?\s*[“\"]|"
                             # "… leadership - and they were adamant that …": the writer's next clause
                             r"\s[-–—]\s+(?:and|but)\s+(?:he|she|they|it|we|some|others|many|(?:the\s+)?[A-Z][\w'’]*)\s(?![^-–—]*\s[-–—]\s)|,\s+(?:contradicting|prompting|sparking|drawing|echoing|triggering|angering|"
                             r"undercutting|contrary to|despite|even as)\s|"
                             # "… rose by 0.8% in January and Nationwide reported a rise …": another
                             # source's clause
                             r"\s(?:and|but|while|whereas)\s+(?:[A-Z][\w'’&.-]*\s+){1,3}(?:said|says|reported|reports|added|told|"
                             r"warned|argued|claimed|accused|insisted|insists|denied|denies|countered|responded|replied|"
                             r"maintained|maintains|stressed|suggested|predicted|acknowledged|admitted|announced|"
                             r"criticized|criticised|blamed|urged)\b|"
                             # "…, citing the strategic importance of …", "…, pointing to strong
                             # sales": the speaker's grounds, named by the writer, not what was said
                             r",\s+(?:citing|pointing\s+to|referring\s+to)\s")
# "… in an interview earlier Thursday", "… in a statement": where, not what, was said — when
# nothing but such adjuncts follows it to the content's end
_WHERE_HINT_RE = re.compile(r"interview|statement|speech|mail|letter|tweet|conference|briefing|op-ed")
_WHERE_SAID_RE = re.compile(r",?\s+(?:in|during)\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:interview|"
                            r"statement|speech|e-?mail|letter|tweet|news conference|press conference|briefing|op-ed)\b"
                            r"(?:(?:\s+(?:with|on|to|at|in|for|earlier|later|last|this|published|released|broadcast)\b)"
                            r"[^,;.]{0,60})?$")
# a participle continuing an attribution: "…, adding that …", "…, saying they are …"
_CONTINUATION_RE = re.compile(
    r"(?:,|\s[-–—]|(?<=[”\"]))\s+(?:and\s+)?(?P<verb>adding|saying|noting|arguing|insisting|warning|stressing|explaining|claiming|"
    r"suggesting|stating|asserting|declaring|acknowledging|admitting|complaining|arguing|emphasizing|"
    r"emphasising)(?:\s+that)?\s+")
#: a participle after "by", "after", "before" or "while" reports a clause of the sentence's
#: subject ("defended it by saying the club had no choice"); not "by adding a few communities",
#: "by claiming victory", "by saying nothing": only verbs of saying, and only before a clause
_PREP_CONTINUATION_RE = re.compile(r"\s(?P<prep>(?:by|after|before|while)\s+)?(?P<verb>saying|arguing|insisting|warning|"
                                   r"suggesting|noting|stressing|explaining|declaring|stating|asserting)(?P<that>\s+that)?\s+")


_NOT_BEFORE_BARE_PARTICIPLE = frozenset("as those from is are was were be been being who which people others some "
                                        "many by after before while".split())


def _prep_continuations(masked: str, lo: int, hi: int, text: str | None = None):
    """The matches of ``_PREP_CONTINUATION_RE`` in ``masked[lo:hi]`` that a clause follows (read
    in ``text``, where quoted words are not masked: "by saying his refusal to use the words
    “Islamic terrorism” was …")."""
    if "ing " not in masked[lo:hi]:
        return
    for m in _PREP_CONTINUATION_RE.finditer(masked, lo, hi):
        if m.group("prep") is None and (not m.group("that") or not masked[m.start() - 1:m.start()].isalpha()
                                        or masked[max(lo, m.start() - 12):m.start()].rsplit(None, 1)[-1:][0].lower()
                                        in _NOT_BEFORE_BARE_PARTICIPLE):
            continue    # without a preposition only "… products saying that demand is …" (no comma);
            #             not "quoted as saying that", "those warning that", "is warning that"
        if m.group("that") or _CLAUSE_START_RE.match(text if text is not None else masked, m.end()):
            yield m


_CONTINUATION_VERBS = frozenset(re.search(r"<verb>([^)]*)\)", _CONTINUATION_RE.pattern).group(1).split("|"))
# a second finite verb of the same speaker: "… accused the Lib Dems of offering “false
# promises” and said their sums did not add up", "…, and added that he was a fan"
_COORDINATED_RE = re.compile(
    r",?\s+(?:and|but)\s+(?:also\s+|then\s+)?(?P<verb>said|says|added|adds|insisted|insists|argued|argues|claimed|claims|"
    r"noted|notes|stressed|stresses|admitted|admits|warned|warns|suggested|suggests|asserted|asserts|maintained|"
    r"maintains|contended|contends|conceded|concedes|acknowledged|acknowledges|explained|explains|cautioned|"
    r"cautions|predicted|predicts|denied|denies|reiterated|reiterates)(?:\s+that)?\s+")
_COORDINATED_VERBS = frozenset(re.search(r"<verb>([^)]*)\)", _COORDINATED_RE.pattern).group(1).split("|"))
_COORDINATED_AT_RE = re.compile(r" (?:and(?: also| then)?|but) (?:" + "|".join(sorted(_COORDINATED_VERBS)) + r")\b")


def _continuation_verbs_at(masked: str, runs: set[str]) -> list[int]:
    """Where the participles of ``_CONTINUATION_RE`` occur in ``masked`` (sorted), given its
    letter runs: a sentence where none does has no continuation (its match holds the word)."""
    out = []
    for w in runs & _CONTINUATION_VERBS:
        k = masked.find(w)
        while k >= 0:
            out.append(k)
            k = masked.find(w, k + 1)
    if runs & _COORDINATED_VERBS:
        out += [m.start() for m in _COORDINATED_AT_RE.finditer(masked)]
    return sorted(out)


# a name and a reporting verb introducing a quotation inside a reported clause
_NEW_CUE_RE = re.compile(r"[\s,]*[―—–-]?\s+((?:[A-Z](?:[\w'’-]*|\.)\s+){1,4})([a-z]+)[,:]\s*[“\"]")


@lru_cache(maxsize=4)
def _content_until(text: str, c_s: int, s_hi: int) -> str:
    """The reported content from ``c_s``: to the sentence end, but not into a participle that
    reports more (", adding that …") or a clause of the writer's own (", but avoided …").

    Why cached: the rule that finds where the content starts reads it, and the pass that adds
    the row reads it again (a string: nothing can change it in between). Why only four: the
    two reads follow each other, and each entry keeps its article's text alive (a corpus of
    book-length texts must not hold 64 of them)."""
    seg = text[c_s:s_hi]
    ends = [m.start() for m in (_CONTINUATION_RE.search(seg), _CONTENT_END_RE.search(seg),
                                next(_prep_continuations(seg, 0, len(seg)), None)) if m]
    for m in _NEW_CUE_RE.finditer(seg) if "“" in seg or '"' in seg else ():   # (its match ends in a mark)
        if m.group(2).lower() in reporting_verbs():
            ends.append(m.start())      # "… ― Trump boasted, “That makes me smart.”": another
            break                       # speaker's cue and quotation end the reported clause
    if ends:
        seg = seg[:min(ends)]
    seg = seg.rstrip(" .,;―—–-")
    if seg.endswith(")") and "(" not in seg:
        seg = seg[:-1].rstrip(" .,;―—–-")     # "(he once said there are …: “… in time.”)": the writer's bracket
    m = _WHERE_SAID_RE.search(seg) if _WHERE_HINT_RE.search(seg) else None
    return seg[:m.start()] if m else seg


def _continuations(text: str, masked: str, tix: _TokIndex, s_lo: int, s_hi: int, rows: list[dict],
                   resolve, add) -> None:
    """"…, adding that Russia is ready …", "…, saying they are …": a participle after a
    reported clause or a quotation reports more words of the same speaker (the one attributed
    earlier in the sentence, else the sentence's subject)."""
    found = [(m, False) for m in _CONTINUATION_RE.finditer(masked, s_lo, s_hi)]
    found += [(m, None) for m in _prep_continuations(masked, s_lo, s_hi, text)]     # (no comma before them)
    found += [(m, True) for m in _COORDINATED_RE.finditer(masked, s_lo, s_hi)]
    for m, coordinated in sorted(found, key=lambda x: x[0].start()):
        if coordinated is False and masked[m.start()] != "," and text[m.start() - 2:m.start() - 1] != "," \
                and masked[m.start() + 1:m.start() + 2] not in ("-", "–", "—"):
            continue    # “…,” saying: the comma inside the closing mark
        c_s = m.end()
        seg = _content_until(text, c_s, s_hi)
        if len(seg.split()) < 3 or seg[:1] in "“\"‘'":
            continue    # ", saying “…”": the quotation is attributed by its own pass
        before = [r for r in rows if s_lo <= r["start"] < m.start() and r["speaker"]]
        if coordinated and not (before and before[-1]["type"] == "indirect" and (
                before[-1]["end"] >= m.start() or not text[before[-1]["end"]:m.start()].strip(" ,-–—"))):
            continue    # "and said" continues a reported clause of the sentence, else its own cue
        if coordinated is None and not before and masked[m.start() + 1:m.start() + 6] == "while":
            continue    # ("Previous forecasts proved wrong, he will argue, while suggesting …": a
            #             "while" clause leans on a cue before it, not on the sentence's first words)
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


def _opens_with_subordinator(text: str, s_lo: int) -> bool:
    """Whether the sentence at ``s_lo`` opens with a subordinate clause ("While …", "And once
    the man mentioned that …, Dempsey came up with …"), whose reported clause ends at its comma."""
    first = text[s_lo:s_lo + 16].lower().split()[:2]
    if first[:1] in (["and"], ["but"], ["so"]):
        first = first[1:]
    return bool(_SUBORDINATORS.intersection(first[:1]))


def _indirect(text, cues_index, tix, s_lo, s_hi, resolve, add, first_open: int | None = None,
              last_close: int | None = None, seen=None) -> None:
    """Reported speech in the sentence ``[s_lo, s_hi)``. In a sentence with quotations
    (``first_open``: where the first opens) only a clause reported before them counts, with the
    quoted words inside it ('Ms King said the singer "threw the bottle …"'); the quotations
    themselves are attributed by their own pass; ``seen`` hears of one who refused to say."""
    cue_list = cues_index.between(s_lo, s_hi)
    if not cue_list:
        return  # every pattern below needs a reporting cue
    if (first_open is None or _words_before_quote(text, s_lo, first_open)) and _tail_source(text, s_lo, s_hi, resolve, add):
        return      # (with quoted words inside: "And there should be “real debate” about it, he said.")
    if first_open is not None:
        cue_list = _cues_beside_quotations(text, cue_list, s_lo, first_open, last_close)
    verbs = reporting_verbs()
    toks: list | None = None            # tokenised only when a cue can introduce speech
    opening = _opens_with_subordinator(text, s_lo)
    done = charged = s_lo   # where the last reported clause (or charge: "… and called on …") ends
    for vm in cue_list:
        verb = vm.group()
        if vm.start() < done or done > charged and _continues(text, vm, verb):
            continue    # a cue inside a reported clause is part of what was reported
        low = " ".join(verb.lower().split())
        info = verbs.get(low)
        if info is None:
            continue
        if info[0] in _CHARGE_PREPOSITION:
            toks = tix.get(s_lo, s_hi) if toks is None else toks
            after = last_close is not None and vm.start() > last_close    # (a clause of its own: see above)
            end = _accused_of(text, tix, toks, vm, low, _CHARGE_PREPOSITION[info[0]], s_lo, s_hi,
                              None if after else first_open, resolve, add)
            if end is not None:
                done = charged = end    # (a clause after it is one more: "…, while the Lib Dems said …")
                continue
        if not info[2] or _not_a_verb(text, s_lo, vm, low):
            continue    # ("blasted" also opens an utterance: '“…,” he blasted.')
        toks = tix.get(s_lo, s_hi) if toks is None else toks
        if low == "according to":
            if first_open is None or len(text[s_lo:vm.start()].split()) < 3:
                # with quotations only "According to X, …" opening the sentence: its clause
                # holds them ("According to Rush Limbaugh, the move reeks of “fear”")
                _according_to(text, toks, vm, s_lo, s_hi, resolve, add)
            return
        # (beside quotations only when the aside comes first: "It helps, said Mr Burke, that
        # people know terms like “digital”")
        aside = _parenthetical(text, toks, vm, low, s_lo, s_hi, cue_list) if first_open is None or vm.end() < first_open else None
        if aside is not None:
            add("indirect", aside[2], aside[1], aside[0], verb, resolve(aside[0], aside[2]))
            if aside[3] is None:
                return
            done = charged = aside[3]   # "…, said Mr Stanley, but he did not think …": read on
            continue
        ment = _cue_speaker(text, tix, toks, vm, low, s_lo, seen=seen)
        if ment is None or ment.text.lower() in _NO_SPEAKER:
            continue    # "That said, …", "This suggests …", "No one bothered mentioning that …"
        hi = _opening_clause_end(text, s_hi, vm.start()) if opening and "," not in text[s_lo:vm.start()] else s_hi
        # (a verb after the last quotation reports a clause with no quotation in it)
        c_s = _content_start(text, vm, low, hi, first_open if first_open is None or vm.end() <= first_open else None)
        if c_s is not None:
            seg = _content_until(text, c_s, s_hi)
            if c_s + len(seg) > hi:
                seg = _content_until(text, c_s, hi)
            if _NAMES_ONLY_RE.fullmatch(seg):
                continue    # "James denied Damien Duff, Jiri Jarosik and Mateja Kezman": no clause
            add("indirect", c_s, c_s + len(seg), ment, verb, resolve(ment, c_s))
            done = c_s + len(seg)   # "…, but he said that …": the sentence's next clause


#: words that open no reported clause after its verb or hearer
_NO_CLAUSE_OPENERS = frozenset("from of about for with by".split())
_PREPOSITION_AFTER_RE = re.compile(r" (?:on|in|at|by|from|to|for|with|via|under|over|during)\b")


_INSIDE_SUBJECT_RE = re.compile(r"\b(?:[Ee]verything|[Nn]othing|[Aa]nything|[Ww]hatever)\s+(?:[A-Z][\w'’-]*\s+){1,3}$")
_BE_AFTER_RE = re.compile(r"\s+(?:is|was|are|were|isn['’]t|wasn['’]t)\b")


def _not_a_verb(text: str, s_lo: int, vm, low: str) -> bool:
    """Whether the cue's word is a noun or part of a name here, by the words before it."""
    prev_word = text[max(s_lo, vm.start() - 12):vm.start()].split()[-1:]
    if prev_word and vm.group()[:1].isupper() and prev_word[0][-1:].isalpha():
        return True     # "Mutually Assured Destruction": a capital inside a sentence, a name
    if prev_word and low.startswith("calls ") and (prev_word[0].lower().endswith("ed") or prev_word[0].lower() in _CALLS_NOUN_AFTER):
        return True     # "rejected calls for a windfall tax", "amid growing calls for": a noun
    if prev_word and (_hearer_passive(prev_word[0], low) or _noun_before(text, s_lo, vm, prev_word[0])
                      or _lower_possessive(prev_word[0])):
        return True     # "These claims could take …", "the biggest claim heard by": a noun, not a cue
    if _plural_before_verb(text, vm):
        return True     # "Growing reports suggest …", "Media reports say …": the subject of the verb after
    if low in _PLURAL_NOUN_CUES and prev_word:
        # "Pagliano's Fifth Amendment claims, prosecutors …": after a possessive and the capitalised
        # words of a thing, a plural noun ("The BBC's Paul Reynolds says", "Heat's Charles Gant
        # claims": a person's name, then the verb; "Campbell's claims he had torn …" stays the
        # nominal attribution PolNeAR marks too)
        before = text[max(s_lo, vm.start() - 60):vm.start()].split()[-4:]
        for k in range(len(before) - 1, -1, -1):
            if before[k].endswith(("'s", "’s")) and before[k][:-2].lower() not in _CONTRACTED:
                between = before[k + 1:]
                if between and all(w[:1].isupper() for w in between) and between[0].lower() not in given_names():
                    return True
                break
            if not before[k][:1].isupper():
                break
    if low == "say" and prev_word and prev_word[0].lower() in {"let's", "let’s", "us"} \
            and (prev_word[0].lower() != "us" or text[max(s_lo, vm.start() - 8):vm.start()].lower().startswith("let")):
        return True     # "Let's say you think a degree will cost $160,000": a supposition, no one's words
    if low.endswith("s") and _INSIDE_SUBJECT_RE.search(text, max(s_lo, vm.start() - 40), vm.start()) \
            and _BE_AFTER_RE.match(text, vm.end()):
        return True     # "Everything Trump says is a lie": the words are the subject, not reported
    if low == "said" and prev_word and prev_word[0].lower().lstrip("(“\"‘'") == "having" \
            and re.match(r"\s+(?:that|this|all that)\s*,", text[vm.end():vm.end() + 16]):
        return True     # "Having said that, Mark is looking in much better shape": a concession, no speech
    if low == "say" and prev_word and prev_word[0].lower() in _SAY_NOUN_AFTER:
        return True     # "the player will have the final say, and …": the noun
    if prev_word and low.endswith("s") and _MEASURED_RE.fullmatch(prev_word[0]):
        return True     # "Benchmark 10-year notes", "five-year claims": a noun
    if text.startswith(" by ", vm.end()) and low.endswith("ed"):
        return True     # "The £40 million fund announced by the government": a participle
    if prev_word and prev_word[0].lower() in ("that", "those") and low.endswith("ed") \
            and _PREPOSITION_AFTER_RE.match(text, vm.end()):
        return True     # "such as that offered on GNER trains": a participle on a pronoun
    if low.startswith("add") and _AMOUNT_RE.match(text, vm.end()):
        return True     # "the Nasdaq added 20.72 points", "gold added 0.1%": a sum, not a word
    if low in ("call", "calls") and prev_word and not (
            prev_word[0][:1].isupper() or prev_word[0].lower() in _CALL_VERB_AFTER
            or prev_word[0].endswith("s") and not prev_word[0].endswith("ss")):
        return True     # "abandoned calls", "a telephone call saying", "the first ever call": the noun
    return _ends_a_name(vm.group(), text[max(s_lo, vm.start() - 30):vm.start()].split())


def _continues(text: str, vm, verb: str) -> bool:
    """Whether a cue after a reported clause continues its speaker's words (", saying …", "and
    added …", "but said …"), which ``_continuations`` attributes to the clause's speaker, or is
    an infinitive of the writer's clause ("…, but he knew of nothing to suggest it")."""
    return verb.lower().split()[0].endswith("ing") or text[max(0, vm.start() - 5):vm.start()].split()[-1:] in (
        ["and"], ["but"], ["to"])


def _noun_before(text: str, s_lo: int, vm, prev: str) -> bool:
    """Whether the word before a cue makes it a noun: a determiner ("These claims"), or a
    determiner and a superlative ("the biggest claim heard by")."""
    low = prev.lower()
    if low in _DETS and vm.group().lower() in _PLURAL_NOUN_CUES:
        return True     # "Some reports claim", "Many comments suggest": the noun, not the verb
    if _noun_by_position(text[max(s_lo, vm.start() - 40):vm.start()].split(), vm.group()):
        return True     # "to make a controversial comment that …"
    return low in _DETERMINERS_BEFORE or low.endswith("est") and _SUPERLATIVE_RE.search(
        text, max(s_lo, vm.start() - 30), vm.start()) is not None


_CLAIMED_THING_RE = re.compile(r"\s*(?:between|up\s+to|back|compensation|damages|benefits?|refunds?|expenses|"
                               r"asylum|credit|victory|responsibility|the\s+(?:title|prize|crown|throne)|[£$€\d])")
# words after which "call(s)" is a verb ("they call it", "what critics call", "to call")
_CALL_VERB_AFTER = frozenset("i we you they to will would also often now still who which that and but "
                             "what might may could should".split())
#: a length of time as an adjective ("10-year", "two-month"), which makes the next word a noun
_MEASURED_RE = re.compile(r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty)-(?:year|month|week|day|hour)", re.I)
#: a gerund after "admitted (to)" or "confessed (to)": the deed owned up to
_GERUND_RE = re.compile(r"\s+(?:to\s+)?([a-z]+ing)\b")
#: a number or sum right after "added": the verb of arithmetic ("added 300 jobs")
_AMOUNT_RE = re.compile(r"\s+(?:[$£€¥]\s?)?\d")
_SAY_NOUN_AFTER = frozenset("a the final last no any more greater bigger real their his her its our your".split())
#: cue forms that are also plural nouns ("his claims", "the reports")
_PLURAL_NOUN_CUES = frozenset("reports claims comments remarks suggestions statements warnings calls "
                              "estimates forecasts predictions".split())
# a determiner and a superlative right before a cue make it a noun ("the biggest claim")
_SUPERLATIVE_RE = re.compile(r"\b(?:the|its|his|her|their|our)\s+[a-z]+est\s+$", re.IGNORECASE)


def _cues_beside_quotations(text: str, cue_list: list, s_lo: int, first_open: int, last_close: int | None) -> list:
    """The cues of a sentence with quotations that can report a clause: those before the first
    quotation, and a second verb after the last ('Cruz exhorted Republicans to “vote your
    conscience” and said he was standing on principle')."""
    return [c for c in cue_list if c.end() <= first_open or last_close is not None and c.start() > last_close
            and (text[max(s_lo, c.start() - 5):c.start()].split()[-1:] in (["and"], ["but"])
                 # "“…,” said Mr Fitzpatrick, who added that the company …": the speaker's next clause
                 or text[max(s_lo, c.start() - 12):c.start()].rstrip().endswith((", who", ", who also"))
                 # "“…,” an employee told Der Spiegel, while police said they were investigating"
                 or _NEW_CLAUSE_AFTER_RE.fullmatch(text, last_close, c.start()) is not None
                 # "… was “fundamentally flawed” and all three of the main parties have said …"
                 or _AND_SUBJECT_AFTER_RE.fullmatch(text, last_close, c.start()) is not None
                 # "While the economy is growing at a “reasonably good pace” he warned that …":
                 # the main clause after an opening subordinate one that holds the quotation
                 or _SUBJECT_AFTER_RE.fullmatch(text, last_close, c.start()) is not None
                 and _opens_with_subordinator(text, s_lo))]


# after a sentence's last quotation, the main clause's subject alone (a pronoun or a name)
_SUBJECT_AFTER_RE = re.compile(r"[”\"’]?[^“”\"]{0,40}?,?\s+(?:he|she|they|we|it|(?:Mr|Mrs|Ms|Dr)\.?\s+[A-Z][\w’'-]+|"
                               r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+(?:also\s+)?")
# after a sentence's last quotation, a clause of its own with its own subject
_NEW_CLAUSE_AFTER_RE = re.compile(r"[”\"’]?(?:[^“”\"]*?,)?\s+(?:while|whereas|but|although|though|when)\s+(?:the\s+)?[A-Za-z’'-]+"
                                  r"(?:\s+[A-Z][A-Za-z’'-]+){0,3}\s+")


#: after a sentence's last quotation, "and" and a subject of a few words (a number "of" a group,
#: a name), perhaps an auxiliary: a clause of its own whose verb reports
_AND_SUBJECT_AFTER_RE = re.compile(r"[”\"’]?\s+(?:and|but)\s+(?:all\s+|both\s+)?(?:(?:one|two|three|four|five|some|many|"
                                   r"most)\s+of\s+)?(?:the\s+)?(?:[A-Za-z’'-]+\s+){0,2}[A-Za-z’'-]+\s+"
                                   r"(?:(?:has|have|had)\s+(?:also\s+)?|also\s+)?")


# verbs (lemmas of reporting_verbs.csv) that charge someone with something, and the preposition
# that says with what
_CHARGE_PREPOSITION = {"accuse": ("of",), "call": ("a",),
                       **dict.fromkeys(("blame", "berate", "fault", "commend"), ("for",)),
                       # "criticized the Affordable Care Act as a crazy system", "described the
                       # plan as a disaster": what the object is called, as with "called X a Y"
                       **dict.fromkeys(("attack", "criticize", "condemn", "slam", "praise", "blast", "lambast",
                                        "hail", "denounce"), ("for", "as")),
                       **dict.fromkeys(("describe", "characterize", "label", "brand", "portray"), ("as",)),
                       # "dismissed claims his immigration policy was …": what was dismissed
                       **dict.fromkeys(("dismiss", "reject"), ("as", "claims"))}
# words an object of "called … a …" never holds (a preposition, a clause word, a particle)
_NOT_IN_OBJECT = ("(?:after|before|at|in|on|with|from|to|for|about|during|into|by|and|but|when|while|as|because|"
                  "back|off|up|out|a|an)")
# the object and the preposition after the verb: "accused Gazprom of", "accused the north's
# leader, Kim, of", "attacking the EC for backing down", "blasted him for not paying" (with "for",
# only an -ing form follows)
_CHARGE_RES = {"of": re.compile(r"\s+((?:[^\s.;:“”\"]+\s+){1,7}?)of\s+(?=[\w“\"‘])"),
               "for": re.compile(r"\s+((?:[^\s.;:“”\"]+\s+){1,7}?)for\s+(?=(?:not\s+)?\w+ing\b)"),
               # "dismissed claims …": no preposition, the dismissed noun opens the content
               "claims": re.compile(r"\s+()(?=(?:the\s+|these\s+)?(?:reports?|claims?|suggestions?|allegations?|speculation|"
                                    r"accusations?|rumou?rs?|criticism|fears)\b)"
                                    # (not "rejected these accusations as “patently false”": the quotation's)
                                    r"(?!(?:the\s+|these\s+)?\w+\s+as\s+(?:(?:an?|the)\s+)?[“\"‘])"),
               # (not "as well as", "as soon as", "as part of": no name given)
               # (not a clause after it: "dismissed the manager as results worsened", "as did")
               "as": re.compile(r"\s+((?:(?!as\s)[^\s.,;:“”\"]+\s+){1,7}?)as\s+"
                                r"(?!(?:well|soon|much|long|far|part|recently|early|many|of|if|though|a\s+result|did|does|do)\b)"
                                r"(?!(?:he|she|they|it|we|i|you)\s)"
                                r"(?![\w’'-]+(?:\s+[\w’'-]+)?\s+(?:[a-z]+ed|was|were|is|are|has|have|had|did|will|would)\b)"
                                # (a complement all in marks, "as “a disgrace”", is the partial quotation's)
                                r"(?!(?:(?:an?|the)\s+)?[“\"‘])(?=\w)"),
               # "called Oz a quack", "called Wells Fargo’s behavior “outrageous”": an object of
               # words with no preposition or clause word in it, then a or an (not "called him a
               # week later", "called it a day") or a quotation
               "a": re.compile(r"\s+((?:(?!" + _NOT_IN_OBJECT + r"\s)[^\s.,;:“”\"]+\s+){0,5}?"
                               # (the object's last word no determiner: "what Microsoft calls the “…”")
                               r"(?!(?:" + _NOT_IN_OBJECT + r"|the|its|his|her|their|our|my|your|this|that)\s)"
                               r"[^\s.,;:“”\"]+\s+)"
                               r"(?:an?\s+(?!(?:week|day|month|year|few|couple|number|minute|hour|while|moment|night|"
                               r"bit|lot|time|second|taxi|cab)s?\b)(?=[\w“\"‘])|(?=[“\"‘]))")}


def _opening_clause_end(text: str, s_hi: int, at: int) -> int:
    """Where the clause that ``at`` is in ends, in a sentence that opens with a subordinate
    clause ("While he acknowledged the pay was good, Ham also noted …"): the comma closing it."""
    comma = text.find(",", at, s_hi)
    return comma if comma > 0 else s_hi


def _accused_of(text: str, tix, toks, vm, low: str, preps: tuple[str, ...], s_lo: int, s_hi: int,
                first_open: int | None, resolve, add) -> int | None:
    """"Yukos accused Gazprom of illegally taking part in the auction", "the EPP attacking the
    EC for backing down", "Cruz called Trump a pathological liar", "described the plan as a
    disaster": a charge or a name its subject gave, reported in the writer's words — the object
    and what it is charged with or called are the content (as PolNeAR's annotators mark it).
    A passive ("was accused of") names no one who spoke; a quotation in the charge stays its
    own row too. Where the content ends, or None.

    Why "as" only after a finite verb or a participle: "plans to portray X as …", "will
    attack X as …" intend a charge and report none."""
    inflected = low.endswith(("ed", "ing")) or low.endswith("s") and not low.endswith("ss")   # not "dismiss"
    m = next((m for prep in preps if (prep != "as" or inflected)
              and (m := _CHARGE_RES[prep].match(text, vm.end(), s_hi)) is not None), None)
    if m is None or _not_a_verb(text, s_lo, vm, low) or "a" in preps and _in_a_series(text, s_lo, vm):
        return None     # ("he asked about …, called Omar a “terrorist” and said": a verb in a series)
    c_s = vm.end() + len(m.group()) - len(m.group().lstrip())
    if first_open is not None and c_s >= first_open:
        return None
    ment = _cue_speaker(text, tix, toks, vm, low, s_lo)    # (none when refused: "has refused to blame X for …")
    if ment is None or ment.text.lower() in _DEMONSTRATIVES:
        return None
    seg = _content_until(text, c_s, s_hi)
    if (told := _AND_TOLD_RE.search(seg)) is not None:
        # "… as unexpected but told BBC Sport he …": a clause of its own, with its hearer (a
        # second "said" is left to _continuations, which names its speaker as the charge's)
        seg = seg[:told.start()]
    if (other := _AND_ANOTHER_SPEAKER_RE.search(seg)) is not None:
        seg = seg[:other.start()]   # "… as a disaster, and Labour said …": another's clause
    if len(seg.split()) < 3:
        return None
    add("indirect", c_s, c_s + len(seg), ment, vm.group(), resolve(ment, c_s))
    return c_s + len(seg)


_AND_TOLD_RE = re.compile(r",?\s+(?:and|but)\s+(?:also\s+)?(?:told|tells)\s")
#: ", and <another subject> told/said …" after a charge: a clause of another speaker's
_AND_ANOTHER_SPEAKER_RE = re.compile(r",[”\"]?\s+(?:and|but|while)\s+(?:both\s+)?(?:the\s+|[A-Z][\w'’-]*\s+|[a-z]+s\s+)"
                                     r"(?:[\w'’-]+\s+){0,6}?(?:told|said|say|says|added|argued|warned)\b")


def _in_a_series(text: str, s_lo: int, vm) -> bool:
    """Whether a finite cue follows a comma after another reporting verb ("he asked about the
    Brotherhood, called Omar a “terrorist”"), not an apposition ("Tony Beddow, from the …, called")."""
    before = text[s_lo:vm.start()].rstrip()
    if not before.endswith(",") or vm.group().lower().endswith("ing"):
        return False
    return any(w.strip(",").lower() in reporting_verbs() for w in before.split()[-9:-1])


def _parenthetical(text: str, toks, vm, low: str, s_lo: int, s_hi: int,
                   cue_list: list) -> tuple[_Mention, int, int, int | None] | None:
    """(source, content end, content start, where a joined clause starts) for a cue set off by
    commas inside the sentence: "The problem they face, said Shailendra Jain, head of Adamind,
    is educating users", "The deal, she said, was fair". The content is the whole sentence (the
    source's words are on both sides of the aside), or what follows the aside when only a
    connective precedes it ("But, he said, …"), or what precedes it when a clause with a cue of
    its own follows ("Spam was still growing, said Mr Stanley, but he did not think …": that
    clause is read on its own, from the returned start; with no cue, "…, he said, and intense
    wrangling could be paralyzing" is still the source's, one attribution of one cue)."""
    if low not in _BARE_CLAUSE_VERBS:
        return None
    before = text[max(s_lo, vm.start() - 12):vm.start()].split()
    v_end = vm.end()
    if (where := _WHERE_AFTER_CUE_RE.match(text, v_end, s_hi)) is not None and text[where.end():where.end() + 1] == ",":
        v_end = where.end()     # "…, she said in a speech at the Consumer Electronics Show (CES), was …"
    if before and before[-1].endswith(","):
        k = _tok_after(toks, vm.end())
        ment = _np_after(text, toks, k) if k < len(toks) else None
        named = ment is not None and (ment.text[:1].isupper() or ment.text[:4] == "the " and ment.text[4:5].isupper())
        if not named or _PRONOUN_RE.match(ment.text):
            return None     # (", says the BBC, because": a name after "the" too)
        end = ment.end
    elif len(before) >= 2 and before[-2].endswith(",") and _PRONOUN_RE.fullmatch(before[-1]) \
            and text[v_end:v_end + 1] == ",":
        # "The deal, he said, was fair": the pronoun before the verb
        p_s = text.rindex(before[-1], 0, vm.start())
        ment, end = _Mention(before[-1], p_s, p_s + len(before[-1])), v_end
    elif text[v_end:v_end + 1] == "," and (named := _named_aside(text, toks, vm, s_lo)) is not None:
        ment, end = named, v_end     # "The museum, Mr. Obama said, would make visitors …"
    else:
        return None
    rest = text[end:s_hi]
    appo = _APPOSITION_RE.match(rest) if ment.start > vm.start() else None    # (", head of Adamind,")
    if appo and len(rest[appo.end():].split()) >= 3:
        end, rest = end + appo.end() - 1, rest[appo.end() - 1:]    # ", senior vice-president at IBM,"
    lead = text[s_lo:vm.start()].split()
    if not rest.startswith(",") or len(rest.split()) < 3 or not lead \
            or v_end > vm.end() and rest.split(None, 2)[1] in ("which", "who"):
        return None     # "…, said Mr Thomas." ends the sentence: the tail rule reads it (and "…, Lord
        #                 Butler said in his interview, which was conducted by …": a relative clause)
    c_e = s_lo + len(text[s_lo:s_hi].rstrip(" .!?"))
    if len(lead) <= (2 if ment.start < vm.start() else 1):
        # "But, he said, the Mac mini changed that": only a connective before the aside
        c_s = end + len(rest) - len(rest[1:].lstrip())
        return ment, c_e, c_s, None
    lead_end = min(ment.start, vm.start())
    if (rel := _RELATIVE_BEFORE_ASIDE_RE.search(text, s_lo, lead_end)) is not None:
        # "…, is near the stadium, which, Tompkins said, is usually full …": the source speaks
        # of the stadium, from the relative pronoun on, not of all the sentence says before it
        s_lo = rel.start(1)
    if (joined := _JOINED_AFTER_ASIDE_RE.match(rest)) is not None and len(text[s_lo:lead_end].split()) >= 3 \
            and any(c.start() > end and (text[end:c.start()].split() or [""])[-1] not in _NO_CLAUSE_BEFORE
                    for c in cue_list):
        return ment, s_lo + len(text[s_lo:lead_end].rstrip(" ,")), s_lo, end + joined.start(1)
    return ment, c_e, s_lo, None


#: a relative pronoun right before an aside (", which, Tompkins said, is …")
_RELATIVE_BEFORE_ASIDE_RE = re.compile(r",\s+(which|who)\s*,\s*$")
#: a conjunction opening a clause after an aside's source (", said Mr Stanley, but he …")
_JOINED_AFTER_ASIDE_RE = re.compile(r",\s+(but|and|although|though|while|whereas|yet)\s")
#: words before a cue that make it no cue of a clause of its own: a passive's participle or an
#: infinitive (", he said, and was forecast to continue …")
_NO_CLAUSE_BEFORE = frozenset({"is", "was", "are", "were", "be", "been", "being", "to"})
# an apposition after the source of an aside, up to its closing comma (not a clause: ", because …,")
_APPOSITION_RE = re.compile(r",\s+(?!(?:because|but|and|although|though|while|whereas|since|as|so|if|when|for)\s)"
                            r"(?:(?:a|an|the|its|his|her)\s+)?[a-z][\w’'-]*(?:\s+[^\s,.;:“”\"]+){0,10}?,")


def _named_aside(text: str, toks, vm, s_lo: int) -> _Mention | None:
    """The name between a comma and the verb of an aside (", Mr. Obama said,"), or a source's
    description (", the company said,")."""
    vi = bisect_right(toks, vm.start(), key=_START) - 1
    ment = _np_before(text, toks, vi - 1) if vi >= 2 else None
    if ment is None or _PRONOUN_RE.match(ment.text) or not ment.text[:1].isupper() and not (
            ment.text.split()[0] in ("the", "a", "an") and _speaking_description(ment.text)):
        return None     # ("…, the company said, and …": a description of a source too)
    return ment if text[s_lo:ment.start].rstrip().endswith(",") and len(text[s_lo:ment.start].split()) >= 2 else None


def _words_before_quote(text: str, s_lo: int, first_open: int) -> bool:
    """Whether the writer's sentence has words of its own before its first quotation (two at
    least): then a source closing it reports the sentence, quotation and all."""
    before = text[s_lo:first_open].split(None, 2)
    return len(before) >= 2 or len(before) == 1 and before[0] in _OPENING_DETERMINERS


#: one word before a sentence's first quotation that opens the writer's own clause ('The "myth
#: that ageing is a barrier" … needs to be "exploded", the minister has said.')
_OPENING_DETERMINERS = frozenset("The A An This That These Those His Her Its Their Our".split())


def _tail_source(text: str, s_lo: int, s_hi: int, resolve, add) -> bool:
    """"Trade rose, Putin said.", "…, IRNA reported.", "…, her lawyer, Perry Wander, said.": a
    source closing the sentence reports all before it."""
    seg = text[s_lo:s_hi]
    if seg.rstrip(" .").endswith(" as saying") and _tail_as_saying(text, s_lo, seg, resolve, add):
        return True     # "…, Reuters reported BaFin as saying."
    seg = seg[:_before_trailing_adjunct(seg)]   # "…, Smith said in a statement on Monday."
    if ", " in seg and (seg.rstrip(" .")[-1:].isalpha() or seg.rstrip(" .")[-1:] == ")") \
            and _tail_inverted(text, s_lo, seg, resolve, add):     # (")": "…, said the Bank of England (BoE).")
        return True
    last = seg.replace(".", " ").rsplit(None, 3)
    if not (last and (last[-1] in _TAIL_VERBS or len(last) >= 2 and last[-2] in ("told", "on", "said")
                      or len(last) >= 3 and last[-3] == "said" or " told " in seg[-60:])):
        return False    # the pattern's end, checked first: most sentences end with no such verb
    m = _INDIRECT_TAIL_RE.search(seg)
    if not m:
        return False
    toks_np = _tokens(text, s_lo + m.start("np"), s_lo + m.end("np"))
    ment = _np_before(text, toks_np, len(toks_np) - 1) if toks_np else None
    if (name := _NAME_THEN_OPEN_APPOSITION_RE.match(m.group("np"))) is not None:
        # "…, Alan Milburn, Labour's election strategist told …": the name, not its description
        ment = _Mention(name.group(1), s_lo + m.start("np"), s_lo + m.start("np") + len(name.group(1)))
    if ment is not None and re.search(r"\d,\d", text[s_lo + m.start("np"):ment.start + 2]):
        ment = _Mention(m.group("np"), s_lo + m.start("np"), s_lo + m.end("np"))   # "a survey of 1,300 bosses"
    lead = text[s_lo + m.start("np"):ment.start].split() if ment is not None else []
    if ment is not None and ment.text.lower() in ("i", "you"):
        return False    # "Good luck to the man, I say.": the writer's own view
    if ment is not None and not ment.text[:1].isupper() and 1 <= len(lead) <= 2 and _plural_people(ment.text.lower()) \
            and all(w.isalpha() and w.islower() and w not in _FINITE and w not in _SUBORDINATORS for w in lead):
        # "…, leading pension researchers have said.": the whole phrase names the group
        ment = _Mention(text[s_lo + m.start("np"):ment.end].strip(), s_lo + m.start("np"), ment.end)
    elif ment is not None and 2 <= len(lead) <= 4 and lead[-1] in ("of", "at", "from", "with", "to", "in", "on") \
            and _plural_people(lead[0]) and all(w.isalpha() and w.islower() for w in lead):
        # "…, executives of both companies announced Wednesday …", "…, people familiar with
        # Chinese trade policy said.": the people of the body, or who know the matter, speak
        ment = _Mention(text[s_lo + m.start("np"):ment.end].strip(), s_lo + m.start("np"), ment.end)
    if ment is not None and (ment.start == s_lo + m.start("np") or "," in m.group("np")
                             # "…, City consultancy Deloitte has warned.": words describing the name
                             or ment.text[:1].isupper() and (len(lead) <= 3 or len(lead) <= 6 and lead[-1].lower() in _roles())
                             # ("…, the party's election chief Alan Milburn has said.": a description before the name)
                             and not any(w.lower() in _FINITE or w.lower() in _SUBORDINATORS for w in lead)):
        c_end = s_lo + m.start()
        c_s = s_lo + (len(_CONNECTIVE_RE.match(seg).group()) if _CONNECTIVE_RE.match(seg) else 0)
        if len(text[c_s:c_end].split()) >= 4:
            add("indirect", c_s, c_end, ment, m.group("verb").split()[0], resolve(ment, c_s))
            return True
    return False


#: where or when a closing cue was said ("…, Smith said in a statement on Monday.", "…, she told
#: reporters at a briefing.", "…, said Anna Lee in an email."): cut before the tail patterns
_TRAILING_ADJUNCT_RE = re.compile(r"(?:\s+(?:in|on|at|during|via|through|with|from|after|before|over|by|last|while|"
                                  r"this|earlier|later|late|early)\b(?:\s+[\w'’.&-]+){1,6}?"
                                  # a day alone ("… announced Wednesday at the Dubai Air Show.")
                                  r"|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                                  r"(?:\s+(?:morning|afternoon|evening|night))?)+\s*\.?\s*$")
_ADJUNCT_TAIL_VERBS = frozenset("said says added adds wrote reported reports explained stated announced confirmed "
                                "noted".split())
#: the verbs a closing cue with an adjunct can have (those above, "told X", the inverted forms)
_ADJUNCT_VERB_RE = re.compile(r"\b(?:said|says|added|adds|wrote|reported|reports|explained|stated|told|noted|"
                              r"argued|warned|insisted|announced|confirmed)\b")
#: "… in an email to staff that was reviewed by Reuters.": a relative clause on the adjunct
_PASSIVE_RELATIVE_RE = re.compile(r"\s+(?:that|which)\s+(?:was|were|has\s+been|had\s+been)\s+[a-z]+(?:ed|en|n)\b"
                                  r"[^,;:.“”\"]{0,40}\.?\s*$")
#: words that make a clause, not a place or time, of what follows a closing verb
_CLAUSE_WORDS = _FINITE | frozenset("that which who whom whose he she they it we i you be been may might do not".split())


#: "…, the agency said, citing officials." / "…, quoting a source.": whom the source relies on,
#: after a closing cue; the words before the cue are still the source's
_CITING_TAIL_RE = re.compile(r",\s+(?:citing|quoting)\s[^,;:“”\"]{2,120}\.?\s*$")


#: a clause of what the source did while speaking, after a closing cue ("…, Smith said as he
#: unveiled the plan.")
_AS_CLAUSE_TAIL_RE = re.compile(r"\b([a-z]+) as (?:he|she|they|it|we)\s+[a-z]+(?:\s+[^\s,;:“”\"]+){0,12}\s*\.?\s*$")


def _before_trailing_adjunct(seg: str) -> int:
    """Where the phrases of place and time after a sentence's closing cue begin, or the
    sentence's length when it ends otherwise.

    >>> s = "Prices will rise, Smith said in a statement on Monday."
    >>> s[:_before_trailing_adjunct(s)]
    'Prices will rise, Smith said'
    >>> s = "He said in a statement that prices will rise."
    >>> len(s) == _before_trailing_adjunct(s)
    True
    >>> s = "A patient was admitted, the agency said, citing the health commission."
    >>> s[:_before_trailing_adjunct(s)]
    'A patient was admitted, the agency said'
    """
    if " as " in seg and (a := _AS_CLAUSE_TAIL_RE.search(seg, max(0, len(seg) - 200))) is not None \
            and a.group(1).lower() in reporting_verbs():
        return a.start() + len(a.group(1)) + 1      # "…, Michael Howard pledged as he unveiled the manifesto."
    if _ADJUNCT_VERB_RE.search(seg, max(0, len(seg) - 200)) is None:
        return len(seg)                 # (most sentences: no such verb among their last words)
    if (c := _CITING_TAIL_RE.search(seg, max(0, len(seg) - 200))) is not None \
            and any(w in _TAIL_VERBS for w in seg[:c.start()].rsplit(None, 5)[1:]):   # ("said on Monday, citing")
        return _before_trailing_adjunct(seg[:c.start()])    # "…, the agency said on Monday, citing …"
    rel = _PASSIVE_RELATIVE_RE.search(seg, max(0, len(seg) - 160))
    m = _TRAILING_ADJUNCT_RE.search(seg[:rel.start()] if rel else seg, max(0, len(seg) - 160))
    if m is None or any(w.lower().strip(".,") in _CLAUSE_WORDS or w.strip(".,") in _TAIL_VERBS for w in m.group().split()):
        return len(seg)                 # (a clause, or "…, reports from the country say.")
    before = seg[:m.start()].rsplit(None, 3)
    if len(before) >= 2 and before[-2].lower() in _BE_FORMS:
        return len(seg)                 # "…, 157,000 new jobs were added in January."
    # (only verbs that take no phrase of their own: not "admitted to", "insisted on", "warned of")
    ok = before and (before[-1] in _ADJUNCT_TAIL_VERBS or len(before) >= 2 and before[-2] in ("told", "said")
                     # "…, Jones told BBC News on Monday.", "… told Radio 4's Today programme on Saturday."
                     or "told" in seg[:m.start()].rsplit(None, 5)[1:-1]
                     or before[-1][:1].isupper() and _INVERTED_TAIL_RE.search(seg, 0, m.start()) is not None)
    return m.start() if ok else len(seg)


#: a connective opening a sentence, which is the writer's, not the source's ("And …, he said.")
_CONNECTIVE_RE = re.compile(r"(?:And|But|So|Yet|Meanwhile|However),?\s+(?=[\w“\"‘])")
#: verbs that make a clause of the words before a colon ("Mr Brown told Mr Blair: “…”"), besides
#: the auxiliaries and the forms in -ed
_PAST_FORMS = frozenset("said says told tells made makes took gave won lost went came got saw knew thought felt "
                        "wrote became began left kept put set".split())
#: "…, said Mr Thomas.", "…, says Oxfam's director Jo Ruiz.": the source after its verb
#: (a description may come first, "…, said the company's chairman Marcelo Claure.", or after,
#: "…, said Smith, the chairman.")
_INVERTED_TAIL_RE = re.compile(r",\s*(?P<verb>said|says|added|adds|noted|argued|warned|insisted|explained|wrote|"
                               r"reports|reported|claims|claimed|predicts|predicted|concluded|concludes|"
                               # (the plural's present: "…, say Oxfam and Christian Aid.")
                               r"say|warn|argue|claim|predict|insist)"
                               r"\s+(?P<desc>(?:(?:[Tt]he|[Aa]n?|its|his|her|their)\s+)?(?:[A-Za-z][\w'’-]*\s+){1,6}?)??"
                               # ("said Jonathan Wolpaw and Dennis McFarlane": two names, one group)
                               r"(?P<np>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of|for|the|and(?=\s+[A-Z])))*)"
                               # (its initials in brackets: "…, said the Federal Open Markets Committee (FOMC)",
                               # or the kind of outlet after it: "…, reported AP news agency.")
                               r"(?:\s+\([A-Z][\w.&-]{1,11}\)|\s+(?P<outlet>news\s+agency|agency|newspaper|daily|magazine|website))?"
                               # (an apposition, or a relative clause on the name: "…, said Brian Baker, a
                               # longtime adviser to the family who oversees its campaign to stop Clinton.")
                               # (or a bare role: "…, predicts Oliver Irish, editor of gadget magazine Stuff.")
                               r"(?P<app>,\s+(?:(?:the|a|an|its|his|her|their|who|whose|which)\s|"
                               r"[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?:of|at|for|with)\s)[^,;:“”\"]{2,160}?)?\s*\.?\s*$")


#: "… the tip of the iceberg thinks Tim Danton, editor of PC Pro Magazine.": a closing verb with
#: no comma before it, then a person's name (its given name known) and an apposition
_INVERTED_NO_COMMA_RE = re.compile(r"(?<=[a-z])\s+(?P<verb>thinks|believes|reckons|says|said|argues|warns|claims)\s+"
                                   r"(?P<np>[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][\w'’-]+)"
                                   r"(?:,\s+[^,;:“”\"]{2,80})?\s*\.?\s*$")


#: "…, said the company." / "…, says the report.": a description after a closing verb
_INVERTED_DESCRIPTION_RE = re.compile(
    r",\s*(?P<verb>said|says|added|adds|noted|argued|warned|insisted|explained|wrote|reports|reported|claimed|claims|"
    r"say|warn|argue|claim|predict|insist)"     # ("…, say experts.": a plural group's present)
    r"\s+(?P<np>(?:the|a|an|its|one)\s+(?:[a-z][\w'’-]*\s+){0,3}[a-z][\w'’-]*"
    # "…, said analysts.", "…, said industry analysts at Gartner.": a plural group with no article
    r"|(?P<bare>(?:[a-z][\w'’-]*\s+)?[a-z][\w'’-]*s))(?P<pp>\s+(?:at|from|with)\s+[A-Z][^,;:.“”\"]{1,40})?"
    # (a relative clause on it: "…, said the union, which represents 5,000 workers.")
    r"(?:,\s+(?:which|who|whose)\s(?:[^,;:“”\"]|(?<=\d),(?=\d)){2,120}?)?\s*\.?\s*$")


#: the owner after a role ("a spokeswoman for the bank" is a spokeswoman, a source by her role)
_OWNER_AFTER_ROLE_RE = re.compile(r"\s+(?:for|of)\s.*$")


#: bodies that speak when they name the source right after its verb ("…, said the union.",
#: "…, the committee said, …"), though "the committee" is no description the resolver maps to
#: a name (it went to the wrong councils when it was)
_SPEAKING_BODIES = frozenset("government union committee commission council panel board court tribunal inquiry "
                             "party campaign coalition alliance federation association institute foundation "
                             "bookmaker".split())


def _speaking_description(np: str) -> bool:
    """Whether a lower-case description can be a source: an organisation ("the company"), a
    body ("the union"), a person's role ("a spokesman", "its chief executive") or a document
    ("the report")."""
    head = np.split()[-1].lower()
    return bool(description_kind(np)) or head in _roles() or head in _DOCUMENT_NOUNS \
        or head in speaker_words()["groups"] or head in speaker_words()["people"] or head in _SPEAKING_BODIES


#: "…, Reuters reported BaFin as saying.", "…, the agency quoted a company official as saying.":
#: the one quoted (``np``) is the source of all before it, not the outlet that quotes them
_AS_SAYING_TAIL_RE = re.compile(r",\s+(?:[^,;:“”\"]{1,60}?\s)?(?:reported|reports|quoted|quotes|cited|cites)\s+"
                                r"(?P<np>[^,;:“”\"]{1,80}?)\s+as\s+saying\s*\.?\s*$")


def _tail_as_saying(text: str, s_lo: int, seg: str, resolve, add) -> bool:
    """"If the traders are found guilty, they could face a jail term, Reuters reported BaFin as
    saying.": the words before the comma are the one quoted's, reported by the outlet."""
    m = _AS_SAYING_TAIL_RE.search(seg)
    if m is None or seg[:1] in _MARK_CHARS:
        return False
    toks_np = _tokens(text, s_lo + m.start("np"), s_lo + m.end("np"))
    ment = _np_before(text, toks_np, len(toks_np) - 1) if toks_np else None
    c_s = s_lo + (len(_CONNECTIVE_RE.match(seg).group()) if _CONNECTIVE_RE.match(seg) else 0)
    if ment is None or len(text[c_s:s_lo + m.start()].split()) < 4:
        return False
    add("indirect", c_s, s_lo + m.start(), ment, "saying", resolve(ment, c_s))
    return True


def _tail_inverted(text: str, s_lo: int, seg: str, resolve, add) -> bool:
    """"Trade rose sharply last year, said Mr Thomas.": a name after a closing verb reports all
    before it (BBC house style), as "…, Mr Thomas said." does."""
    tail = seg.rstrip(" .").rsplit(None, 1)[-1:]
    if not tail or not tail[0][:1].isupper() and ", " not in seg[-170:]:
        return False    # the pattern ends with a name or its apposition: most sentences end otherwise
    m = _INVERTED_TAIL_RE.search(seg)
    role_of = False     # "…, said a spokeswoman for the Bank of England.": the role and its owner
    if m is not None and (desc := m.group("desc")) and not (_describes_a_source(desc.split()[-1].lower())
                                                            and not set(desc.split()) & _CLAUSE_WORDS):
        words = desc.split()
        role_of = len(words) >= 2 and words[-1] in ("for", "of") and words[-2].lower() in _roles() \
            and not set(words) & _CLAUSE_WORDS
        m = m if role_of else None  # "…, said prices would rise in London", "…, warn economists at HSBC": no person's description
    if m is None and (d := _INVERTED_DESCRIPTION_RE.search(seg)) is not None \
            and (_speaking_description(d.group("np")) or _speaking_description(_OWNER_AFTER_ROLE_RE.sub("", d.group("np")))) \
            and (d.group("bare") is None or _plural_people(d.group("np").split()[-1])) \
            and (d.group("pp") is None or d.group("bare") is not None) \
            and len(seg[:d.start()].split()) >= 4 and seg[:1] not in _MARK_CHARS:
        # "…, said the company.", "…, says the report.", "…, reports the industry group."
        ment = _Mention(d.group("np"), s_lo + d.start("np"), s_lo + d.end("np"))
        add("indirect", s_lo, s_lo + d.start(), ment, d.group("verb"), resolve(ment, s_lo))
        return True
    if m is None and (n := _INVERTED_NO_COMMA_RE.search(seg)) is not None \
            and n.group("np").split()[0].lower() in given_names() and len(seg[:n.start()].split()) >= 6:
        # "… but this could be just the tip of the iceberg thinks Tim Danton, editor of PC Pro."
        ment = _Mention(n.group("np"), s_lo + n.start("np"), s_lo + n.end("np"))
        add("indirect", s_lo, s_lo + n.start(), ment, n.group("verb"), resolve(ment, s_lo))
        return True
    if not m or len(seg[:m.start()].split()) < 4 or seg[:1] in _MARK_CHARS:
        return False
    np_s, np_e = s_lo + m.start("desc" if role_of else "np"), s_lo + m.end("np")
    np_e -= text[np_s:np_e].endswith(".")
    if m.group("outlet") and text[np_s:np_s + 4] == "the ":
        np_s += 4       # "…, reported the Interfax news agency": Interfax
    name, _, _org = text[np_s:np_e].partition(" of ") if not role_of else ("", "", "")
    if _org and not name.lower().startswith("the ") and len(name.split()) >= 2:
        np_e = np_s + len(name)     # "said Stuart Hensel of the Economist Intelligence Unit": the person
    ment = _Mention(text[np_s:np_e], np_s, np_e)
    add("indirect", s_lo, s_lo + m.start(), ment, m.group("verb"), resolve(ment, s_lo))
    return True


# a phrase after the source, up to the comma that ends it ("of the ministry,")
_SOURCE_PP_RE = re.compile(r"\s+(?:from|by|of|at|in)\s[^,.;:“”\"]{1,60}?(?=,)")
#: a clause opening right after "According to <Name>" with no comma ("… there are now …", "… it has …")
_CLAUSE_AFTER_SOURCE_RE = re.compile(r"\s+(?:there|it|he|she|they|we)\s+(?:[\w’'-]+\s+){2}")
_PLAIN_SOURCE_RE = re.compile(r"\s+((?!how\s|what\s|whether\s|which\s|where\s|when\s|who\s)[a-z][\w’'-]*(?:\s+(?!which\s|who\s|that\s|cited\s)[A-Za-z][\w’'-]*){0,9}?)"
                               # (ending before a relative clause or "cited by …")
                               r"(?=\s*(?:[,;]|[.!?](?:\s|$)|$)|\s+(?:which|who|that|cited)\s)")


_DOCUMENT_BY_RE = re.compile(r"(?:(?:recent|new|latest|the|a|an|official|its|their)\s+)*(?:[\w-]+\s+)?"
                             r"(?:forecasts?|research|reports?|figures|data|stud(?:y|ies)|surveys?|estimates?|"
                             r"analysis|statistics|polls?|documents?|records)\s+"
                             # ("research carried out by X", "figures collected by X")
                             r"(?:(?:carried\s+out|collected|compiled|published|released|revealed|conducted|commissioned|"
                             r"produced|gathered)\s+)?(?:from|by|of)\s+(.+)$")


#: "Souness is bidding …, and, according to reports, talks are …": the clause after the source
_CLAUSE_JOINERS = frozenset("and but or while although though whereas".split())
_OPENING_ADVERBS = frozenset("however but and yet still meanwhile now indeed instead moreover also so "
                             "further furthermore nevertheless".split())
#: a participle phrase on a source, set off by commas ("filed Tuesday in federal court,")
_PARTICIPLE_ASIDE_RE = re.compile(r"\s*(?:which\s+was\s+|first\s+)?(?:[a-z]+ed|seen|written|published|released|"
                                  r"issued|made\s+public|obtained|shown)\s[^,;:.“”\"]{2,60},\s*")


#: a "that" clause right after an aside's source ("…, according to Gartner, that some markets …")
_COMMA_THAT_RE = re.compile(r"\s*,\s*that\s+")


def _according_to(text: str, toks, vm, s_lo: int, s_hi: int, resolve, add) -> None:
    """"According to X, …" or "… according to X": the rest of the sentence, after the source
    or before it."""
    ment = _np_after(text, toks, _tok_after(toks, vm.end()))
    rest_start = ment.end if ment is not None else None
    pp = _SOURCE_PP_RE.match(text, ment.end, s_hi) if ment is not None else None
    if pp is not None:
        if ment.text[:1].isupper() and not _PRONOUN_RE.match(ment.text):
            rest_start = pp.end()   # "according to Mr Smith of the ministry, …": the name speaks
        else:
            ment = None     # "according to reports from Interfax,": the whole phrase, read below
    if ment is None:
        # "according to exit polls,", "according to federal statistics.": a plain phrase up to
        # the comma or the end of the sentence
        m = _PLAIN_SOURCE_RE.match(text, vm.end(), s_hi)
        if m is None:
            return
        ment = _Mention(m.group(1), m.start(1), m.end(1))
        rest_start = ment.end
    doc = _DOCUMENT_BY_RE.match(ment.text)
    if doc:     # "according to forecasts from the Ministry of Commerce": the ministry speaks
        ment = _Mention(doc.group(1), ment.start + doc.start(1), ment.end)
    rest = text[rest_start:s_hi]
    lead = text[s_lo:vm.start()].strip()
    if lead.endswith(",") and (that := _COMMA_THAT_RE.match(rest)) is not None:
        c_s, c_e = rest_start + that.end(), s_hi    # "there was evidence, according to X, that …"
    elif rest.lstrip().startswith(",") and lead.endswith(",") and lead[:-1].lower() not in _OPENING_ADVERBS \
            and lead[:-1].rsplit(None, 1)[-1].lower() not in _CLAUSE_JOINERS and len(lead.split()) <= 4:
        # "This, according to attendees, is a problem", "The biggest culprit, according to the
        # EPA, is …": a subject before the source, the clause after it: all of it
        c_s, c_e = s_lo, s_hi
    elif rest.lstrip().startswith(",") and (len(lead.split()) < 3 or lead.endswith(",")
                                            and lead[:-1].rsplit(None, 1)[-1].lower() in _CLAUSE_JOINERS):
        # "According to X, …" opening the sentence: what follows (after an aside on X: "According
        # to the lawsuit, filed Tuesday in federal court, the company …")
        c_s = rest_start + len(rest) - len(rest.lstrip()) + 1
        aside = _PARTICIPLE_ASIDE_RE.match(text, c_s, s_hi)
        c_s = aside.end() if aside else c_s
        c_e = s_hi
    elif not lead and _CLAUSE_AFTER_SOURCE_RE.match(rest) and ment.text[:1].isupper():
        c_s, c_e = rest_start, s_hi     # "According to Reuters there are now …": no comma after the source
    else:
        c_s, c_e = s_lo, vm.start()     # "…, according to X(, with …)": what comes before
        # (after the writer's own clause: "It’s unclear whether … — both were said to …, according to X")
        cut = max(text.rfind(" — ", c_s, c_e), text.rfind(" – ", c_s, c_e), text.rfind("; ", c_s, c_e))
        if cut > c_s and len(text[cut:c_e].split()) >= 5 and ")" not in text[cut:c_e]:   # (not "(£398m; $768m)")
            c_s = cut + 2
    seg = text[c_s:c_e].strip(" ,.")
    if len(seg.split()) >= 3:
        off = text.index(seg, c_s)
        add("indirect", off, off + len(seg), ment, vm.group(), resolve(ment, off))


def _note_refusal(text: str, toks, vm, seen) -> None:
    """Tell ``seen`` of the subject of "declined to say", "was unable to say" (the verb at
    ``vm``): "X's spokesman declined to say whether …. He said: “…”" is the spokesman."""
    vi = bisect_right(toks, vm.start(), key=_START) - 1
    if not _refused(toks, vi):
        return
    k = vi - 3
    while k > 0 and toks[k][0].lower() in _BE_FORMS:
        k -= 1
    who = _np_before(text, toks, k) if k >= 0 else None
    if who is not None:
        seen(who, vm.start())


_NAMES_ONLY_RE = re.compile(r"[A-Z][\w’'-]*(?:(?:,\s+|\s+(?:and\s+)?)[A-Z][\w’'-]*)*")


def _cue_speaker(text: str, tix, toks, vm, low: str, s_lo: int, *, seen=None) -> _Mention | None:
    """Who speaks through the cue ``vm``: nobody when it is negated ("he could not say"); the
    phrase before it; for a participle, an infinitive or a second verb ("… tweets early Friday
    saying that …", "Mr Howard is expected to say …", "agreed and said") the clause's subject,
    but not "it"/"there" ("It is hard to say whether …")."""
    low = low.split()[0]    # "pointing out": the verb's own form decides
    vi = bisect_right(toks, vm.start(), key=_START) - 1
    if vi < 1 or _negated(toks, vi):
        if seen is not None:
            _note_refusal(text, toks, vm, seen)
        return None
    if toks[vi - 1][0] == "as" and low in {"saying", "telling", "stating", "writing"} \
            and (m := _QUOTED_BEFORE_AS_RE.search(text, max(s_lo, vm.start() - 120), vm.start())) \
            and (quoted := _quoted_one(text, toks, m)) is not None:
        return quoted   # "The Times quoted Mr Smith as saying …": the one quoted
    k = vi - 1
    while k > 0 and (toks[k][0].lower() in {"also", "then", "later", "again", "never", "once", "repeatedly", "now",
                                            "still", "already", "twice"}
                     or toks[k][0].lower().endswith("ly") and toks[k][0].isalpha()):
        k -= 1      # "was also asked whether", "was repeatedly asked"
    if (low.endswith("ed") or low == "said") and toks[k][0].lower() in _BE_FORMS:
        return None     # "a 30GB version has also been added", "it was reported", "are said to": a passive
    if vi >= 2 and toks[vi - 2][0].lower() == "let" and toks[vi - 1][0].lower() in {"us", "me"}:
        return None     # "Let us say then that …": the writer's supposition
    if vi >= 2 and toks[vi - 1][0] in ("all", "both") and (toks[vi - 2][0][:1].isupper() or toks[vi - 2][0].endswith("s")) \
            and not low.startswith("add"):      # ("… both added tries to the tally": points, not words)
        ment = _np_before(text, toks, vi - 2)   # "… and Building Societies Association all said": the names
    elif vi >= 4 and [t[0].lower() for t in toks[vi - 3:vi]] == ["time", "and", "again"]:
        ment = _np_before(text, toks, vi - 4)   # "the prime minister time and again insisted …"
    else:
        ment = _np_before(text, toks, vi - 1)
    if ment is not None and ment.text.lower() in _SUBORDINATORS:
        return None     # "When asked whether …, he said": the question put to the subject
    if ment is not None and low in _DOCUMENT_NOUNS and (m := _A_NAME_RE.fullmatch(ment.text)):
        ment = _Mention(m.group(1), ment.start + m.start(1), ment.end)  # "a New York Times report that …"
    if low.endswith("ing") and (w := _with_subject(text, toks, vi)) is not None:
        return w
    if low.endswith("ing") and toks[vi - 1][0].lower() not in _BE_FORMS and not (
            ment is not None and _word_before(toks, ment.start) == "with"
            # (not "In an interview with the FBI, Webb confessed, admitting …": the with-phrase
            # opened the sentence, and the clause after it has the subject)
            and "," not in text[ment.end:vm.start()]):
        if any(t[0].lower() == "with" for t in toks[max(0, vi - 4):vi]) \
                or toks[vi - 1][0].lower() in {"by", "without", "of", "for", "about", "from"}:
            return None     # "with a few of them saying …", "just by saying its name": no report
        ment = None     # but "with analysts saying …": the phrase before speaks
    if ment is None and (toks[vi - 1][0].lower() in _NONFINITE_BEFORE | {"and", "but"} or low.endswith("ing")
                         # "… won in Madrid and then claimed the race would be …": past an adverb
                         or toks[k][0].lower() in {"and", "but"} and k < vi - 1
                         # "… is ready to act and has indicated that …": a second verb with its auxiliary
                         or vi >= 2 and toks[vi - 1][0].lower() in {"has", "have", "had"}
                         and toks[vi - 2][0].lower() in {"and", "but"}
                         and (low.endswith("ed") or low in {"said", "told", "written", "spoken", "shown"})):
        # (a participle: not "… and have notes attached to them")
        ment = _subject(text, tix, s_lo, vm.start(), strict=True)
        if ment is not None and ment.text.lower() in {"it", "there", "this", "that"}:
            ment = None
    return ment


_A_NAME_RE = re.compile(r"[Aa]n?\s+((?:[A-Z][\w&.'’-]*\s+)*[A-Z][\w&.'’-]*)")


def _word_before(toks, start: int) -> str:
    """The lower-case token before offset ``start``, or ""."""
    i = bisect_right(toks, start, key=_START) - 1
    return toks[i - 1][0].lower() if i >= 1 else ""


def _reports_no_content(tail: str, low: str, before: str = "") -> bool:
    """Whether the words after the cue (or the few before it) show it reports nothing: "…
    added to the belief that …" (made more, not said), "…, Reuters reported, quoting two
    diplomats" (whom the source relies on), "passengers could claim between 150 euros and 300
    euros" (money, not words), "the research into lost and found gadgets" (an adjective)."""
    return low in ("added", "adds", "add") and tail.lstrip().startswith("to ") \
        or low == "found" and before.lower() == "lost and " \
        or tail.lstrip(" ,").startswith(("citing ", "quoting ")) \
        or low.startswith("claim") and _CLAIMED_THING_RE.match(tail) is not None


def _admitted_deed(tail: str, low: str) -> int | None:
    """Where a gerund after "admitted (to)" or "confessed (to)" starts in ``tail``, else None
    (not "admitted nothing", "admitted to hospital")."""
    if not low.startswith(("admit", "confess")):
        return None
    g = _GERUND_RE.match(tail)
    return g.start(1) if g is not None and not g.group(1).lower().endswith("thing") else None


def _skippable_before_that(words_before: str, low: str) -> bool:
    """Whether the words between a cue and its "that" are a hearer or an adjunct ("told his
    Iranian counterpart that", "said during a rally in Michigan that"): not another cue ("have
    hinted at the scope of Spore, but Mr Wright explained that"), not a clause of the cue's own
    ("said this was something …, such as that offered"), not a noun's own clause ("responded to
    Mr. Trump's interjection that …" is Trump's)."""
    if words_before.startswith(","):    # "admitted, however, that …": only a connective set off
        return words_before.strip(" ,").lower() in _CONNECTIVES
    words = words_before.split()
    if words[0].lower() == "that":
        return False    # "warned that X made it more likely that …": the cue's own "that" comes first
    return len(words) <= 10 and (low in _HEARER_OR_OBJECT or words[0].lower() in _ADJUNCT_WORDS
                                 or _FOR_A_TIME_RE.fullmatch(words_before) is not None) \
        and not any(w.strip(",").lower() in reporting_verbs() for w in words[1:]) \
        and not (words[0].lower() in ("this", "that") and len(words) > 1 and words[1].lower() in _FINITE) \
        and not (words[-1].lower() in _THAT_NOUNS and not low.startswith("express")
                 and words[0].lower() not in {"in", "during", "via", "through", "at", "on", "with"})


def _bare_stance_clause(rest: str, low: str) -> bool:
    """Whether a verb of stance, promise or finding reports the clause ``rest`` opens without
    "that" ("admits he had considered …", "vowed he would fight on", "one study found Trump
    would …"; not "admitted defeat", "found it hard to invest")."""
    return (low in _BARE_STANCE_VERBS or low in _PROMISE_VERBS) \
        and bool(_CLAUSE_START_RE.match(rest) or low in _PROMISE_VERBS and _MODAL_CLAUSE_RE.match(rest)) \
        and not (low in _FINDING_VERBS and _OBJECT_COMPLEMENT_RE.match(rest))


def _content_start(text: str, vm, low: str, s_hi: int, first_open: int | None) -> int | None:
    """Where the reported content after the cue begins, or None when the cue reports none:
    after the hearer or an adjunct up to "that" ("told his Iranian counterpart that …", "said
    during a rally in Michigan that …"); after a hearer ("told reporters …"); after the verb
    and an optional time and "that" — without "that" only for verbs taking a bare clause or a
    noun phrase, and beside a quotation only for a clause (an object there is often the quoted
    words: "announced the signing of the “largest …”")."""
    j = vm.end()
    tail = text[j:s_hi]
    if _reports_no_content(tail, low, text[max(0, vm.start() - 9):vm.start()]):
        return None
    skip = _THAT_AFTER_RE.match(tail) if "that" in tail else None      # (a slow pattern; most tails have no "that")
    if skip and _skippable_before_that(skip.group(1), low):
        c_s = j + skip.end()
        seg = _content_until(text, c_s, s_hi)
        if len(seg.split()) >= 3 and (first_open is None or c_s < first_open and seg[:1] not in _MARK_CHARS):
            return c_s
    asking = low.startswith(("ask", "question"))
    if asking and (q_s := _question_start(text, j, s_hi, first_open, _QUESTION_RE)) is not None:
        return q_s      # "asked whether …", "questioned what kind of person …"
    heard = False
    if low.startswith(("tell", "told", "ask", "urge", "warn", "remind")):
        mm = _hearer_match(tail)
        if mm and _TOLD_THINGS.intersection(w.lower() for w in mm.group().split()[:3] + mm.group().split()[-3:]):
            return None     # "the show, which told the story of a poor man", "tells the story of Torak": no hearer
        if mm:
            j += mm.end()
            tail = text[j:s_hi]
            heard = True
            if asking and (q_s := _question_start(text, j, s_hi, first_open, _HEARD_QUESTION_RE)) is not None:
                return q_s      # "asked the minister whether …"
    if (g := _admitted_deed(tail, low)) is not None:
        return j + g    # "Webb admitted to threatening the girl", "admits stealing": what was admitted
    mm = _OPTIONAL_THAT_RE.match(tail)
    if not mm:
        return None
    with_that = _WITH_THAT_RE.match(tail)
    bare_stance = not with_that and _bare_stance_clause(tail[mm.end():], low)
    # beside a quotation a bare clause needs its own verb before the marks ("predicted trust
    # would be “the key choice”"), not an object that the marks may be ("announced the “…”")
    clause = first_open is not None and (low in _BARE_OR_OBJECT_VERBS or bare_stance) and any(
        w.strip(".,;:!?()").lower() in _FINITE for w in text[j + mm.end():first_open].split()[1:])
    if not with_that and not bare_stance and low not in _BARE_OR_OBJECT_VERBS and low not in _NP_OBJECT_VERBS \
            or first_open is not None and low not in _BARE_CLAUSE_VERBS and not with_that and not clause:
        return None
    c_s = j + mm.end()
    if _where_then_aside(text, j, c_s) or low.startswith(("wr", "pen")) and _WRITTEN_THING_RE.match(text, c_s):
        return None     # an aside; "Smith wrote a letter to the council", "wrote a memoir entitled …": the
        #                 thing written, not its words (its "saying …" is a continuation)
    seg = _content_until(text, c_s, s_hi)
    if len(seg.split()) < 3 or seg[:1] in ",.;:" or seg.startswith(("as he ", "as she ", "as they ")) \
            or heard and not with_that and seg.split(None, 1)[0] in _NO_CLAUSE_OPENERS \
            and not any(w.strip(",\"“”").lower() in _FINITE for w in seg.split()):
        return None     # ("told refugees from Afghanistan to “get back home”": the hearer's phrase, no clause)
    if seg.split(None, 1)[0].lower() in _TOPIC_PREPOSITIONS and not any(
            w.strip(",.;:\"“”").lower() in _FINITE for w in seg.split()) \
            and not _APPROXIMATE_RE.match(seg):     # ("said about 1m websites run …": a number)
        return None     # "what PFF said about his performance:": the topic, no content
    if first_open is not None and (c_s >= first_open or seg[:1] in _MARK_CHARS):
        return None     # 'He said: “…”', 'he said “…”': a quotation, attributed by its own pass
    if first_open is not None and text[c_s:first_open].rstrip().endswith(":"):
        pre = [w.strip(".,;:!?()") for w in text[c_s:first_open].lower().split()]
        if pre[0] in _ADJUNCT_WORDS or not any(w in _FINITE or w in _PAST_FORMS or w.endswith("ed") for w in pre):
            return None     # 'said on Friday: “…”', 'told BBC Radio 4's Today programme: “…”': no clause
    return c_s


# "that," only before an aside that opens the clause ("admitted that, had he still been …",
# "said that, given such high prices, …"); "denied that, saying …" has "that" as its object
_THAT_ASIDE = (r"that,\s+(?=(?:had|if|when|while|although|though|despite|in|after|before|as|given|unless|because|"
               r"since|with|according|for|by|under|once)\s)")


def _question_start(text: str, j: int, s_hi: int, first_open: int | None, pattern: re.Pattern[str]) -> int | None:
    """A reported question after "asked (the minister)" or "questioned": its content opens
    after "whether"/"if" and at a wh-word ("questioned what kind of person gets up at 3 a.m.");
    "asked for help", "asked him to resign" report no question (and "asked that …" is left to
    the clause rules)."""
    m = pattern.match(text, j, s_hi)
    if not m:
        return None
    c_s = m.end()
    if len(_content_until(text, c_s, s_hi).split()) < 3 or first_open is not None and c_s >= first_open:
        return None
    return c_s


_QUESTION_RE = re.compile(r",?\s+(?:(?:whether|if)\s+|(?=(?:why|how|what|who|when|where)\s))")
# after a hearer "who", "when", "where" open a relative clause ("asked anyone who spots him to …")
_HEARD_QUESTION_RE = re.compile(r",?\s+(?:(?:whether|if)\s+|(?=(?:why|how|what)\s))")
# the hearer after "told": "the BBC", "MSPs", "BBC Radio 4's World at One", "the Today programme"
_HEARER_RE = re.compile(r"\s+(?!(?:that|whether|if|why|how|what|who|when|where)\s)(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?[\w’'-]+(?:\.(?:com|org|info|net)\b)?"
                        r"(?:\s+(?:[A-Z0-9][\w’'-]*|(?:at|of|on)(?=\s+[A-Z])))*(?:\s+(?:programme|show|newspaper|"
                        r"supporters|voters|members|delegates|activists|listeners|viewers|readers|fans|website|site))?")
_TOLD_THINGS = frozenset("story stories tale tales truth lie lies joke jokes".split())
#: lower-case nouns for those who hear, besides people's, groups' and organisations' words
_HEARERS = frozenset("public jury audience crowd nation country house commons world conference meeting parliament "
                     "assembly media press industry market markets".split()) | _SPEAKING_BODIES
_AFTER_HEARER = frozenset("that to the a an he she it they we there this these those his her its their about of on "
                          "in at not".split())


_TWO_WORD_HEARER_RE = re.compile(r"\s+(?:the|a|an)\s+[a-z][\w'’-]*\s+[a-z][\w'’-]*")


def _can_hear(word: str) -> bool:
    """Whether a lower-case noun names those who may hear words ("the public", "the panel",
    "reporters", "the minister", "a woman")."""
    return word in _HEARERS or _describes_a_source(word) or word in speaker_words()["groups"] \
        or word in speaker_words()["people"]


def _hearer_match(tail: str) -> re.Match[str] | None:
    """``_HEARER_RE`` at the start of ``tail``, unless its one lower-case word after a
    determiner is no one who hears and the clause's noun follows it ("Mr Dein also warned the
    current level of TV coverage … may be …": the clause's subject, not a hearer "the current")."""
    mm = _HEARER_RE.match(tail)
    words = mm.group().split() if mm else []
    if len(words) == 2 and words[0].lower() in ("the", "a", "an") and words[1].islower() and not _can_hear(words[1]):
        nxt = tail[mm.end():mm.end() + 40].split()[:2]
        if len(nxt) == 2 and nxt[0] not in _AFTER_HEARER and (nxt[1] in ("to", "that") or nxt[0].endswith("s") and nxt[1] in (
                "he", "she", "it", "they", "we", "there", "the")) or nxt and _can_hear(nxt[0]):
            return _TWO_WORD_HEARER_RE.match(tail)      # "warned the rival camps to stop …", "told the new minister …"
        if nxt and nxt[0].isalpha() and nxt[0].islower() and nxt[0] not in _AFTER_HEARER and nxt[0] not in _FINITE:
            return None
    return mm


#: where the words were said, between the cue and a clause with no "that" ("said on a visit to
#: Sydney there was …", "said in an interview with the BBC it was …")
_WHERE_AFTER_CUE = (r"(?:in|on|at|during)\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:interview|statement|"
                    r"visit|trip|speech|news\s+conference|press\s+conference|briefing|rally|meeting)"
                    r"(?:\s+(?:to|with|in|at)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}"
                    r"(?:\s+\([A-Z][\w.&-]{1,11}\))?)?")     # ("… at the Consumer Electronics Show (CES)")
_WHERE_AFTER_CUE_RE = re.compile(r"\s+" + _WHERE_AFTER_CUE)


def _where_then_aside(text: str, j: int, c_s: int) -> bool:
    """Whether the words from ``j`` (after a cue) to ``c_s`` say where the words were said and
    a relative clause or the sentence's own verb follows ("said in an interview, which was
    conducted by …", "she said in a speech at …, was to …"): an aside, no content there."""
    nxt = text[c_s:c_s + 12].split(None, 1)[:1]
    return text[j:c_s].rstrip().endswith(",") and _WHERE_AFTER_CUE_RE.match(text, j, c_s) is not None \
        and bool(nxt) and (nxt[0] in ("which", "who") or nxt[0] in _FINITE)


# a time (or where it was said) between the verb (or its hearer) and the clause: "told MPs yesterday the plan …", "told
# African-Americans this weekend he would …"
_TIME_AFTER_CUE = (r"(?:\s+(?:" + _WHERE_AFTER_CUE + r"|(?:on|in|at|late|early|last)\s+[\w,’'-]+(?:\s+[A-Z0-9][\w’'-]*)?|"
                   r"this\s+(?:week|weekend|morning|afternoon|evening|month|year)|"
                   r"(?:yesterday|today|tonight)(?!\s+(?:is|was|will|would|has|had)\b)))?")
_OPTIONAL_THAT_RE = re.compile(_TIME_AFTER_CUE + r",?\s+(?:"
                               + _THAT_ASIDE + r"|that\s+)?")
_WITH_THAT_RE = re.compile(_TIME_AFTER_CUE + r",?\s+(?:"
                           + _THAT_ASIDE + r"|that\s)")
#: a document as a writing verb's object ("wrote a letter", "penned an op-ed", "wrote his memoirs"),
#: not a clause's subject ("wrote the letters were fake")
_WRITTEN_THING_RE = re.compile(r"(?:a|an|the|his|her|their|its|one|two|three|several|many)\s+(?:[\w-]+\s+){0,3}?"
                               r"(?:letters?|books?|memoirs?|articles?|op-eds?|columns?|posts?|notes?|pieces?|e-?mails?|"
                               r"essays?|stor(?:y|ies)|novels?|blogs?|reports?|songs?|scripts?|chapters?|editorials?|"
                               r"tweets?|messages?|memos?|biograph(?:y|ies)|autobiograph(?:y|ies)|speech(?:es)?|poems?|"
                               r"plays?)\b"
                               r"(?!\s+(?:were|was|is|are|had|have|has|would|will|could|should|might|may|can|did|do|does)\b)")
# verbs whose content may follow without "that" ("said trade rose")
_BARE_OR_OBJECT_VERBS = frozenset(
    "said says say added adds told tells noted notes stated states claimed claims claim argued argues argue "
    "insisted insists insist warned warns warn wrote writes acknowledged acknowledges suggested suggests "
    "announced announces reported reports believes thinks suggest predicted predicts alleges allege alleging "
    # ", saying the deficit could grow": a participle takes a bare clause as its verb does
    "saying adding noting arguing insisting claiming stating acknowledging suggesting".split()) | {
    "pointed out", "points out", "pointing out", "point out"}


#: "his claim that …", "Mr Smith's insistence that …", "Trump's repeated assertion in the debate
#: that …": a possessor and a noun of speech with its "that" clause (PolNeAR's nominal cues)
_NOMINAL_CLAIM_RE = re.compile(
    r"(?<![\w’'])(?P<owner>[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}[’']s)"
    r"\s+(?:(?:repeated|earlier|latest|previous|own|false|oft-repeated|baseless|frequent|recent)\s+)?"
    r"(?P<noun>claims?|assertions?|insistence|allegations?|warnings?|admission|denials?|suggestions?|contention|"
    r"promises?|pledges?|boasts?|predictions?|accusations?|complaints?|announcement)"
    r"(?:\s+(?:in|on|at|during|to|on\s+\w+)\s+[^,;:“”\"]{1,40}?)?\s+that\s+(?=\S)")
#: the nouns of the pattern above (its match holds one as a whole word): an article whose words
#: have none has no nominal claim, and its sentences need no search
_NOMINAL_NOUNS = frozenset(w.removesuffix("s?") + e for w in re.search(r"<noun>([^)]*)\)", _NOMINAL_CLAIM_RE.pattern).group(1).split("|")
                          for e in (("", "s") if w.endswith("s?") else ("",)))
_APPROXIMATE_RE = re.compile(r"about\s+(?:[$£€]?\d|one|two|three|four|five|six|seven|eight|nine|ten|half|a\s+(?:third|quarter|dozen|hundred|thousand|million))", re.I)
_TOPIC_PREPOSITIONS = frozenset("about of on regarding concerning".split())
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
_BASE_VERB_BEFORE = frozenset("to not will would can could did does do may might must should".split())
_NOT_BEFORE_CLAIM = frozenset("despite after before with for of about over against on in to by from into under given "
                              "since because although though while and but or as at".split())


def _nominal_claims(text: str, masked: str, tix, s_lo: int, s_hi: int, rows: list[dict], resolve, add) -> None:
    """"… contradicts his claim in the same interview that the pair were not close": the clause
    after a possessed noun of speech is reported speech, its possessor the source.

    Why only with a possessor: "the claim that …" names no one, and the writer's own "the fact
    that" or "the view that" report nothing. Why only after a verb ("contradicts his claim
    that", "was his claim that"): as the sentence's subject or in an opening phrase, the clause
    ends where the main clause begins, which no rule here can find. The noun is the cue."""
    for m in _NOMINAL_CLAIM_RE.finditer(masked, s_lo, s_hi):     # (not inside a quotation)
        before = text[max(s_lo, m.start() - 40):m.start()].split()[-2:]
        if not before or not _verb_before(before):
            continue    # the phrase as a subject or after a preposition: where its clause ends is
            # unknown ("Opec's announcement that … has failed", "Despite his claim that …, the jury")
        c_s = m.end()
        if any(r["start"] <= c_s < r["end"] or r["start"] == c_s for r in rows if r["type"] == "indirect"):
            continue    # (already reported by a verb: "dismissed claims that …")
        seg = _content_until(text, c_s, s_hi)
        if len(seg.split()) < 3:
            continue
        owner = m.group("owner")
        name = owner[:-2] if owner.endswith(("'s", "’s")) else owner
        o_s = m.start("owner")
        ment = _Mention(name, o_s, o_s + len(name))
        if (pronoun := _POSSESSIVE_PRONOUNS.get(name.lower())) is not None:
            # "Fiat has reiterated its claims that …": the clause's subject, when it can be
            # "its"/"his"; else the pronoun, resolved as "it"/"he" would be
            subj = _subject(text, tix, s_lo, o_s, strict=True)
            fits = subj is not None and not _PRONOUN_RE.match(subj.text) and (
                _compatible(pronoun, subj.text) and subj.text[:1].isupper() if pronoun in {"he", "she"}
                else pronoun == "it" and not _plural_people(subj.text.split()[-1].lower()))
            if not fits and pronoun in {"he", "she"}:
                # "Marion Jones has filed a lawsuit against Conte following his allegations":
                # the nearest name before that "his" can be
                near = [n for n in _NAME_BEFORE_RE.finditer(text, s_lo + 1, o_s)
                        if _compatible(pronoun, n.group()) and n.group().lower() not in _stopwords()
                        and not _place_name(n.group())]
                if near:
                    subj, fits = _Mention(near[-1].group(), near[-1].start(), near[-1].end()), True
            ment = _Mention(name, o_s, o_s + len(name), ref=subj if fits else _Mention(pronoun, o_s, o_s + len(name)))
        add("indirect", c_s, c_s + len(seg), ment, m.group("noun"), resolve(ment, c_s))


_NAME_BEFORE_RE = re.compile(r"(?<=[a-z,] )[A-Z][a-z][\w'’-]*(?:\s+[A-Z][\w'’-]+)*")


def _verb_before(words: list[str]) -> bool:
    """Whether the word before a possessed noun is a verb ("contradicts", "reiterated",
    "following", "was", "to accept"), not a noun or a preposition ("cartel", "despite")."""
    w = words[-1]
    if not w.isalpha() or not w.islower() or w in _NOT_BEFORE_CLAIM:
        return False
    return w in _BE_FORMS or w.endswith(("ed", "ing", "s")) and not w.endswith("ss") \
        or len(words) == 2 and words[0].lower() in _BASE_VERB_BEFORE


# ---------------------------------------------------------------------------- headlines
#: words that open a headline as a label, not a source ("The Latest: …", "Exclusive: …")
_HEADLINE_LABELS = frozenset("latest watch live opinion analysis exclusive breaking update updated video videos "
                             "photos pictures explainer review interview editorial comment quiz factbox timeline "
                             "correction q&a obituary profile preview factfile factcheck fact-check recap podcast "
                             "explained".split()) | {"fact check", "reality check", "in pictures", "in depth",
                                                     "first look", "news analysis", "breaking news"}
#: a title-case phrase with one of these is a label ("Stealth Over Health: …"), not a name
_HEADLINE_PREPOSITIONS = frozenset("over at on in for to with by from into after before about against".split())
_HEADLINE_QUOTE_RE = re.compile(r"""(?:^|\s)['‘"“]\w|\w[.,!?]?['’"”](?:\s|$)""")
_NAME_WORDS = r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*"
#: "Pence: Gennifer Flowers Won't Be at Debate", "Poll: Clinton and Trump in dead heat"
_HEADLINE_COLON_RE = re.compile(r"(" + _NAME_WORDS + r"):\s+(\S.{10,}?)[.\s]*$")
#: "Trump Could Address Clean Energy, Lindsey Graham Says."
_HEADLINE_SAYS_LAST_RE = re.compile(r"(\S.{10,}?),\s+(" + _NAME_WORDS + r")\s+(Says|Said|Warns|Claims|Insists|Admits|Argues)[.\s]*$")
#: "Obama Says African-American Museum Will Tell of …" (title case: the sentence passes take a
#: capitalised verb for part of a name)
_HEADLINE_SAYS_FIRST_RE = re.compile(r"(" + _NAME_WORDS + r")\s+(Says|Warns|Claims|Insists|Admits|Argues)\s+(\S.{10,}?)[.\s]*$")


def _headline_source_named(source: str, body: str) -> bool:
    """Whether a headline's "X:" can be a source: one word ("Murphy: That was a bruising
    battle", a column in the first person), a name opening with a given name, or words the
    story goes on to use ("Fact Check: Is An 'Oxygen Bar' …" names no one)."""
    words = source.split()
    return len(words) == 1 or words[0].lower() in given_names() or words[-1].lower() in body.lower()


def _headline(text: str, rows: list[dict], resolve, add) -> None:
    """The attribution a headline makes in the forms only headlines use, when the sentence
    passes found none in it: "Source: content" and title-case "…, X Says." / "X Says …". A
    headline is the text's first line, followed by a blank line; a label ("The Latest:") or a
    place ("Syria:") before the colon is no source."""
    end = text.find("\n")
    if end <= 0 or not text[end + 1:end + 4].lstrip(" \t").startswith("\n") or any(r["start"] < end for r in rows):
        return
    line = text[:end]
    m = _HEADLINE_COLON_RE.match(line)
    if m is not None and m.group(1).lower().removeprefix("the ") not in _HEADLINE_LABELS \
            and m.group(1) not in places() and not _HEADLINE_PREPOSITIONS & set(m.group(1).lower().split()) \
            and (len(m.group(2).split()) >= 5 or _HEADLINE_QUOTE_RE.search(m.group(2))) \
            and _headline_source_named(m.group(1), text[end:]):
        # (what a source says is a clause or a quotation: "Arthur Hailey: King of the
        # bestsellers" is a profile's title)
        src, (c_s, c_e), verb = m.span(1), m.span(2), ":"
    elif (m := _HEADLINE_SAYS_LAST_RE.match(line)) is not None:
        src, (c_s, c_e), verb = m.span(2), m.span(1), m.group(3)
    elif (m := _HEADLINE_SAYS_FIRST_RE.match(line)) is not None and m.group(1).split()[0].lower() not in _stopwords():
        src, (c_s, c_e), verb = m.span(1), m.span(3), m.group(2)
    else:
        return
    ment = _Mention(line[src[0]:src[1]], *src)
    add("indirect", c_s, c_e, ment, verb.lower(), resolve(ment, c_s))
