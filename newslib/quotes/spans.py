"""Pass 1 — quotation spans.

Curly “…”, straight "…", ``…'' and «…» marks are paired per paragraph (``_find_spans``); ‘…’
single quotes count only at top level and only where they cannot be apostrophes. A quote left
open at a paragraph end continues when the next paragraph opens with a mark (the newspaper
convention for multi-paragraph quotes); each paragraph's piece is its own span. Marks that
set off a title or a name rather than speech are left out (``_not_speech``). Transcript turns
("WALLACE: …") are found apart (``_transcript_turns``). ``_mask`` hides quote contents so that
the later passes read only the writer's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..cleaning import boilerplate_reason
from .words import _is_title_case

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
#: a sentence's end inside a quotation left open: a full stop, a space and a capital
_SENTENCE_END_RE = re.compile(r"[.!?] +(?=[A-Z])")
#: the writer's report of someone speaking: a capitalised name, then a verb of saying
_WRITERS_CUE_RE = re.compile(r"\b[A-Z][\w'’-]+(?:,[^,]{1,80},)? (?:said|says|told|added|argued|insisted|warned|claimed)\b")


def _find_spans(text: str) -> list[_Span]:
    """Quotation spans, paired per paragraph; see the module docstring."""
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
            mark = _mark_kind(text, i, two, ps, pe, open_at)
            if ch == "‘" and open_at is None and prev in _SPACEISH and not text[i + 1:i + 2].isspace():
                single_open = i
            elif ch == "’" and open_at is None and single_open is not None \
                    and not text[i + 1:i + 2].isalpha() and i - single_open > 1:
                spans.append(_Span(single_open + 1, i, single_open, i))
                single_open = None
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
            elif mark == "reopen" and open_at is not None:
                spans.append(_Span(open_at + open_len, i - 1, open_at, None))
                open_at, open_len = i, size
            elif mark == "open-again" and open_at is not None:
                stop = _SENTENCE_END_RE.search(text, open_at, i)    # the unclosed one ends with its sentence
                spans.append(_Span(open_at + open_len, stop.start() + 1, open_at, None))
                open_at, open_len = i, size
            elif mark == "close" and open_at is not None and depth and ch == "”":
                depth -= 1
            elif mark == "close" and open_at is not None:
                spans.append(_Span(open_at + open_len, i, open_at, i + size - 1))
                open_at = None
        if open_at is not None:
            spans.extend(_unclosed(text, paras, pi, open_at, open_len))
    return [s for s in spans if text[s.start:s.end].strip() and not _not_speech(text, s)]


def _mark_kind(text: str, i: int, two: str, ps: int, pe: int, open_at: int | None) -> str:
    """"open", "close" or "" for the quotation mark ``two`` at ``i``: curly marks by their
    shape (and typed the wrong way round: “Mostly False.“, ”Fear. I am…”), straight and
    doubled marks by what is around them; single quotes "" (paired apart)."""
    ch = two[0]
    prev = text[i - 1] if i > ps else " "
    if two == "``":
        return "open"
    if ch in _OPEN_D and two != "''":
        if ch == "“" and open_at is not None and prev not in _SPACEISH and (i + 1 >= pe or text[i + 1].isspace()):
            return "close"
        return "open"
    if ch in _CLOSE_D:
        if ch == "”" and open_at is None and prev in _SPACEISH and i + 1 < pe \
                and (not text[i + 1].isspace() or text.startswith((" …", " ..."), i + 1)):
            return "open"
        return "close"
    if not (two == "''" or ch == '"'):
        return ""
    nxt = text[i + len(two):i + len(two) + 1] or " "
    if open_at is None:
        return "open" if (prev in _SPACEISH or prev in "“‘'" or not nxt.isspace()) and not nxt.isspace() else ""
    end = i - 2
    while end > ps and text[end] in "'’":
        end -= 1      # "… is ridiculous.' "But then …": the paragraph ended on a quotation inside it
    if ch == '"' and prev in " \t" and nxt.isupper() and end >= ps and text[end] in ".?!" \
            and len(text[open_at:i].split()) >= 4:
        # '… again. "As I got older …': a new paragraph of the quotation whose line break was
        # lost; the piece before ends, unclosed, as a multi-paragraph quote's paragraph does
        return "reopen"
    if ch == '"' and prev in " \t" and (nxt.islower() or nxt.isdigit()) \
            and (stop := _SENTENCE_END_RE.search(text, open_at, i)) is not None \
            and _WRITERS_CUE_RE.search(text, stop.end(), i) is not None:
        # 'were "only 10% of the agenda. Dr Gibbons … said staff wanted … after "tremendous
        # change"': a mark shaped to open, after a sentence's end and the writer's own cue,
        # opens; the one before was never closed (not '"… a classic hybrid. It is another
        # aspect of the "time-shifting" …': a quotation inside the speaker's words)
        return "open-again"
    return "close"


def _unclosed(text: str, paras: list[tuple[int, int]], pi: int, open_at: int, open_len: int) -> list[_Span]:
    """A quotation left open at the end of paragraph ``pi``: a multi-paragraph quote if the
    next paragraph opens with a mark (or it is long enough to stand alone)."""
    pe = paras[pi][1]
    nxt_para = paras[pi + 1] if pi + 1 < len(paras) else None
    continues = nxt_para is not None and (text[nxt_para[0]] in _OPEN_D + '"'
                                           or text.startswith(("``", "''"), nxt_para[0]))
    inner_start = open_at + open_len
    if continues or len(text[inner_start:pe].split()) >= 4:
        return [_Span(inner_start, pe, open_at, None)]
    return []


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
    before = before[before.rfind("\n") + 1:]   # never across a line: a headline's "…book" announces no title
    after = text[s.end + 1:s.end + 3] if s.close_at is not None else ""
    if before.endswith("=") or not any(ch.isalpha() for ch in inner):
        return True  # <tweet id="7834…">, "1474387200"
    words = inner.split()
    if len(words) == 1 and before.rstrip()[-1:].isalpha() and before.split()[-1:][0][:1].isupper() \
            and after.strip()[:1].isupper():
        return True  # Robert C. "Bobby" Scott
    if inner.endswith(("?", "!")):
        return False
    if (_after_possessive(before) or _after_determiner(before)) and _is_title_case(inner):
        return True  # MSNBC’s “Morning Joe”, an episode of “The Steve Harvey Morning Show,”: a name
    return len(words) <= 8 and _title_intro(before)


#: words before a name in marks ("his 1994 “Contract with America.”", "participating in
#: “Barack Obama Election Day,”"): a capitalised phrase after them is a title, not words said
#: (not "a", "of": 'described him as a “21st Century Fagin”', 'a goal of “Peace Through Strength”'
#: quote someone)
_DETERMINERS_AND_PREPOSITIONS = frozenset("the his her their its our my your on in at during".split())


def _after_determiner(before: str) -> bool:
    """Whether ``before`` ends with a definite determiner or a preposition (or one and a year),
    or with "of" after a word that announces a title ("an episode of").

    >>> _after_determiner("an episode of "), _after_determiner("his 1994 "), _after_determiner("as a ")
    (True, True, False)
    """
    words = before.split()
    if words and len(words[-1]) == 4 and words[-1].isdigit():
        words = words[:-1]
    if len(words) >= 2 and words[-1].lower() == "of":
        return words[-2].lower() in _TITLE_INTRO_WORDS
    return bool(words) and words[-1].lower() in _DETERMINERS_AND_PREPOSITIONS


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
