"""The compiled fast paths against the pure-Python reference on hostile text.

``tests/test_speedups.py`` compares the two paths on news and on the pieces where the rules turn;
this file feeds them what news never holds but a scraper can: every Unicode category (lone
surrogates, private use, unassigned code points), combining marks, empty and one-character
strings, text cut inside a UTF-8 sequence or a surrogate pair, text ending inside a quotation,
and ten-megabyte strings. ``make sanitize`` runs it against a build of
``newslib/_speedups.c`` with AddressSanitizer and UndefinedBehaviorSanitizer, where a read past
the text aborts the run; ``NEWSLIB_FUZZ_EXAMPLES`` (default 100) sets hypothesis's examples per
test (the sanitize run asks for 1,000).
"""

from __future__ import annotations

import os
import sys
import threading
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_speedups import PIECES, C, _same, needs_c

from newslib import tokens
from newslib.quotes import entities as quote_entities
from newslib.quotes import words as quote_words

EXAMPLES = int(os.environ.get("NEWSLIB_FUZZ_EXAMPLES", "100"))
fuzz = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TEN_MB = 10 * 2**20

CATEGORIES = ["Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps",
              "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs",
              "Co", "Cn"]
QUOTE_MARKS = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‹", "›", "`", "(", "["]

# any code point, surrogates included; and one category at a time, so that rare ones (Lt, Me,
# Zl, Zp) come up as often as letters
any_char = st.characters(codec=None, exclude_categories=())
one_category = st.sampled_from(CATEGORIES).flatmap(lambda c: st.characters(codec=None, categories=[c]))
combining = st.characters(codec=None, categories=["Mn", "Mc", "Me"])
hostile_char = st.one_of(any_char, one_category, combining, st.sampled_from(QUOTE_MARKS))
# the characters where the rules turn, mixed with anything: "U.S.\u0301", "Mr.\ud800 Smith"
mixed = st.lists(st.one_of(st.sampled_from(PIECES), hostile_char), max_size=60).map("".join)


def _truncated(text: str, cut: int, errors: str) -> str:
    """``text`` as UTF-8 bytes cut after ``cut`` bytes (possibly inside a character), decoded
    the way a reader of damaged files would."""
    data = text.encode("utf-8", "surrogatepass")
    return data[:cut % (len(data) + 1)].decode("utf-8", errors)


@needs_c
@fuzz
@given(st.text(alphabet=hostile_char, max_size=300))
def test_any_code_point(text):
    _same(text)


@needs_c
@fuzz
@given(mixed)
def test_rule_pieces_among_any_code_points(text):
    _same(text)


@needs_c
@fuzz
@given(st.lists(st.one_of(st.sampled_from(PIECES), combining), max_size=40).map("".join))
def test_combining_marks_after_every_piece(text):
    _same(text)


@needs_c
@fuzz
@given(mixed, st.integers(min_value=0), st.sampled_from(["surrogateescape", "replace", "ignore"]))
def test_text_cut_inside_a_multibyte_character(text, cut, errors):
    _same(_truncated(text + "é€😀", cut, errors))


@needs_c
@fuzz
@given(mixed, st.sampled_from(QUOTE_MARKS), st.lists(st.sampled_from(PIECES), max_size=10).map("".join))
def test_text_ending_inside_a_quotation(before, mark, inside):
    _same(f"{before} {mark}{inside}")
    _same(f"{before} said: {mark}{inside}\ud83d")   # and inside a surrogate pair


def _one_character_classes() -> list[str]:
    """One character per combination of the properties the C code and the patterns ask about
    (space, word, decimal, digit, letter, case, category, storage width), plus the ASCII
    characters and every character either side names: about 600 characters standing for all
    1,114,112."""
    seen: dict[tuple, str] = {}
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        width = 1 if cp < 256 else 2 if cp < 65536 else 4
        key = (ch.isspace(), ch.isalnum(), ch.isdecimal(), ch.isdigit(), ch.isalpha(),
               ch.isupper(), ch.islower(), unicodedata.category(ch), width)
        seen.setdefault(key, ch)
    named = set(map(chr, range(128))) | set("".join(PIECES)) | set("".join(QUOTE_MARKS)) \
        | set("ſKÅ…—–―\u2028\u2029\x85\xa0\u3000\ufeff\ud800\udfff\U0010ffff")
    return sorted(set(seen.values()) | named)


@needs_c
def test_empty_and_one_character_strings():
    _same("")
    for ch in _one_character_classes():
        for text in (ch, f"A{ch}", f"{ch}.", f"Mr.{ch}", f"U.S. {ch}", f"’{ch}", f"a{ch}b",
                     f"x.\n{ch}", f"“{ch}", f"Abe {ch}Lincoln Smith"):
            _same(text)


LONG_RUNS = {
    "one word": "a" * TEN_MB + "’",
    "capitalised pairs": "Ab" * (TEN_MB // 2) + " Cd",
    "full stops": "Mr" + "." * TEN_MB + " A",
    "a URL": "http://" + "a" * TEN_MB,
}


@needs_c
@pytest.mark.parametrize("shape", LONG_RUNS)
def test_ten_million_character_runs(shape):
    _same(LONG_RUNS[shape])


@needs_c
def test_ten_megabytes_of_dense_text():
    """News-like text with every rule at work, an astral character making it four bytes a
    character (10 MB of string data, 2.6 M characters), ending inside a quotation and a
    surrogate pair."""
    block = ("Mr. Raisi said: “We won’t stop.” The U.S. envoy met Foreign Minister Abe Lincoln "
             "at 3 p.m. on Dec. 7; trade reached $1.13bn (5.5%), www.bbc.co.uk reported…\n"
             "\u0301é\ud800 O’Neill’s don't ſ İ ² ٣ \U0001F4F0 ")
    n = TEN_MB // 4
    text = (block * (n // len(block) + 1))[:n - 22] + " he said, “and then 😀\ud83d"
    assert len(text) == n and max(text) > "\uffff"
    _same(text)


@needs_c
def test_a_wrong_answer_from_the_pattern_is_an_error_not_an_overrun():
    """token_spans trusts the pattern it is given only as far as the text goes: an empty or
    out-of-range match would loop for ever or read past the text."""
    class Match:
        def __init__(self, end):
            self._end = end

        def end(self):
            return self._end

    for wrong in (lambda text, i: Match(i), lambda text, i: Match(len(text) + 5),
                  lambda text, i: Match(-3)):
        with pytest.raises(ValueError, match="token pattern matched"):
            C.token_spans("12 ab", wrong)
    with pytest.raises(RuntimeError):
        C.token_spans("12", lambda text, i: None)


@needs_c
def test_many_threads_share_one_text_and_word_lists():
    """No function keeps state between calls: the module declares it runs without the GIL
    (free-threaded Python 3.13+), so threads calling it on the same objects must each get the
    single-threaded answer."""
    text = ("“We won’t stop,” Mr. Raisi said on Dec. 7 in the U.S. capital. Foreign Minister Abe "
            "Lincoln agreed; trade reached $5.5bn.\n\n") * 200
    calls = [lambda: tokens._token_spans(text), lambda: tokens.sentence_spans(text),
             lambda: quote_words._all_tokens(text, 3), lambda: quote_entities._name_sequences(text),
             lambda: quote_words._letter_runs(text)]
    expected = [f() for f in calls]
    failures: list[str] = []

    def work():
        for _ in range(5):
            for f, want in zip(calls, expected, strict=True):
                if f() != want:
                    failures.append(f"{f} differs")

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures
