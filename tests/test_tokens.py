from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import newslib
from newslib.corpus import Article, Corpus
from newslib.tokens import sentence_spans, tokenize


def toks(text):
    return [t for t, _, _ in tokenize(text)]


def test_news_tokens_come_out_as_a_reader_expects():
    assert toks("Iran, an avowed U.S. adversary, paid $40 billion.") == [
        "Iran", ",", "an", "avowed", "U.S.", "adversary", ",", "paid", "$40", "billion", "."]
    assert toks("the Israel-Hamas war and Tehran-Moscow ties") == [
        "the", "Israel-Hamas", "war", "and", "Tehran-Moscow", "ties"]
    assert toks("Iran’s and Russia's") == ["Iran", "’s", "and", "Russia", "'s"]
    assert toks("Mr Raisi met Mr. Putin on Dec. 7 at 5 p.m.") == [
        "Mr", "Raisi", "met", "Mr.", "Putin", "on", "Dec.", "7", "at", "5", "p.m."]
    assert toks("It won't, they don't") == ["It", "wo", "n't", ",", "they", "do", "n't"]


def test_sentences_do_not_break_inside_abbreviations():
    t = "Iran, an avowed U.S. adversary, could supply arms. Mr. Raisi said so on Dec. 7 in Moscow. It ended."
    assert [t[s:e] for s, e in sentence_spans(t)] == [
        "Iran, an avowed U.S. adversary, could supply arms.", "Mr. Raisi said so on Dec. 7 in Moscow.", "It ended."]
    t2 = "He lives in the U.S. The talks end today."
    assert len(sentence_spans(t2)) == 2


def test_a_capital_and_full_stop_before_a_sentence_opener_ends_the_sentence():
    t = ("Each series was set in another era, from the 15th century to World War I. But the BBC said there were "
         "no plans. He met John F. Kennedy in 1960. It is to you and I. The aim is clear.")
    assert [t[s:e] for s, e in sentence_spans(t)] == [
        "Each series was set in another era, from the 15th century to World War I.",
        "But the BBC said there were no plans.", "He met John F. Kennedy in 1960.", "It is to you and I.",
        "The aim is clear."]


def test_token_frame_columns_and_lower_unifies_quotes():
    c = Corpus([Article(id="a", title="T", text="T\n\nIran’s “genocide” claim. The end.")])
    df = c.tokens()
    assert list(df.columns) == ["article_id", "sentence_id", "token_id", "token", "lower", "start", "end",
                                "is_word", "is_stop"]
    assert "iran's" not in set(df["lower"]) and "'s" in set(df["lower"]) and '"' in set(df["lower"])
    assert df.loc[df.token == "The", "is_stop"].item() and not df.loc[df.token == "claim", "is_stop"].item()
    assert sorted(set(df["sentence_id"])) == [0, 1, 2]
    text = c["a"].text
    assert all(text[s:e] == t for t, s, e in zip(df.token, df.start, df.end, strict=True))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_offsets_hold_for_arbitrary_unicode(text):
    out = tokenize(text)
    assert all(text[s:e] == t for t, s, e in out)
    assert all(out[i][2] <= out[i + 1][1] for i in range(len(out) - 1))
    spans = sentence_spans(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert tokenize(text) == out and sentence_spans(text) == spans


def test_no_nltk_download_anywhere():
    import pathlib
    import re

    src = pathlib.Path(newslib.__file__).parent
    calls = re.compile(r"(?<!`)nltk\.download\(")  # a call, not the docstrings that explain why not
    assert not any(calls.search(p.read_text(encoding="utf-8")) for p in src.rglob("*.py"))
