"""Quote fidelity (issue 19): how each outlet changed what a person said."""

from __future__ import annotations

import pytest

import newslib
from newslib.corpus import Article, Corpus
from newslib.display import fidelity_html
from newslib.quotes import LABELS, compare_quotes


def _pair(text_a: str, text_b: str, **kw):
    # version A is the group that sorts first
    c = Corpus([Article(id="a", title="T", text="T\n\n" + text_a, outlet="Agency"),
                Article(id="b", title="T", text="T\n\n" + text_b, outlet="Bulletin")])
    return compare_quotes(c, **kw)


def _labels(text_a: str, text_b: str) -> set[str]:
    df = _pair(text_a, text_b)
    matched = df[df["group_b"].notna()]
    assert len(matched) == 1, df[["quote_a", "quote_b", "labels"]]
    return set(matched["labels"].iloc[0].split("; "))


def test_seeds_raisi_genocide_trimmed_with_distancing():
    df = compare_quotes(newslib.load_corpus("seeds"))
    pairs = df[df["group_b"].notna()]
    assert len(pairs) == 1
    p = pairs.iloc[0]
    assert (p["speaker"], p["group_a"], p["quote_a"], p["group_b"], p["quote_b"]) == (
        "Ebrahim Raisi", "Iran International", "war crimes and genocide", "The Election Post", "genocide")
    assert (p["verb_a"], p["verb_class_a"], p["verb_b"], p["verb_class_b"]) == ("accused", "critical", "termed", "distancing")
    assert p["labels"] == "trimmed; verb changed; distancing added"
    assert "what he termed" in p["distancing_b"]
    # what only one outlet carries, per speaker: Putin's trade figure is only in Iran International
    only = df[df["group_b"].isna()]
    assert set(only["labels"]) == {"only in one group"}
    assert any("5 billion dollars" in q for q in only[only["speaker"] == "Vladimir Putin"]["quote_a"])


@pytest.mark.parametrize("a, b, expected", [
    ("“We will win the vote tomorrow,” said Ana Silva.", "“We will win the vote tomorrow,” Ana Silva said.",
     {"same words"}),
    ("“We will win the vote tomorrow and then rebuild the party,” said Ana Silva.",
     "“We will win the vote tomorrow,” said Ana Silva.", {"trimmed"}),
    ("“We will win the vote tomorrow,” said Ana Silva.",
     "“We will win the vote tomorrow and then rebuild the party,” said Ana Silva.", {"extended"}),
    ("“Our party will certainly win the national vote tomorrow,” said Ana Silva.",
     "“Our party will surely win the national vote on Monday,” said Ana Silva.", {"reworded"}),
    ("“We will win the vote tomorrow,” said Ana Silva.",
     # a fragment kept in marks inside a reported clause: the rest was told in the writer's
     # words (as PolNeAR's blind fidelity gold marks it)
     "Ana Silva said her party would “win the vote tomorrow”.", {"trimmed", "direct→partial", "quoted→reported"}),
    ("“Taxes will fall next year for every family,” said Ana Silva.",
     "Ana Silva said taxes would fall next year for every family.", {"reworded", "quoted→reported"}),
    ("“Taxes will fall next year for every family,” said Ana Silva.",
     "“Taxes will fall next year for every family,” claimed Ana Silva.", {"same words", "verb changed"}),
    ("“Taxes will fall next year for every family,” said Ana Silva.",
     "“Taxes will fall next year for every family,” said Ana Silva, allegedly.",
     {"same words", "distancing added"}),
])
def test_every_label_on_written_pairs(a, b, expected):
    assert _labels(a, b) == expected


def test_a_long_quote_matches_every_piece_another_outlet_cut_from_it():
    # two sentences of one answer quoted apart, a word of the answer dropped ("I mean"), and a
    # phrase of it quoted again later: all three are the one long quote, not "only in one group"
    df = _pair("“How many times must we see this? In Tulsa, an unarmed man with his hands in the air? I mean, "
               "this is just unbearable, and we have got to go right at implicit bias,” said Ana Silva.",
               "“How many times must we see this?” Ana Silva said. “In Tulsa, an unarmed man with his hands in "
               "the air. This is just unbearable.”\n\nShe blamed the shootings on “implicit bias” in the police.")
    pairs = df[df["group_b"].notna()]
    assert sorted(pairs["quote_b"].str.strip(" ,.")) == [
        "How many times must we see this?", "In Tulsa, an unarmed man with his hands in the air. This is just unbearable",
        "implicit bias"]
    assert all(labs.split("; ")[0] == "trimmed" for labs in pairs["labels"])
    # but a quote of the other outlet that is no part of it stays its own
    df = _pair("“How many times must we see this? I mean, this is just unbearable,” said Ana Silva.",
               "“How many times must we see this?” Ana Silva said. “Fuel duty has risen too far this winter,” she added.")
    assert df["group_b"].notna().sum() == 1


def test_verb_classes_are_reported():
    df = _pair("“Taxes will fall next year for every family,” said Ana Silva.",
               "“Taxes will fall next year for every family,” claimed Ana Silva.")
    row = df[df["group_b"].notna()].iloc[0]
    assert (row["verb_a"], row["verb_class_a"], row["verb_b"], row["verb_class_b"]) == (
        "said", "neutral", "claimed", "distancing")


def test_same_words_from_another_speaker():
    df = _pair("“The budget will cut taxes for every working family,” said Ana Silva.",
               "“The budget will cut taxes for every working family,” said Tom Reyes.")
    row = df[df["group_b"].notna()].iloc[0]
    assert "speaker changed" in row["labels"] and (row["speaker"], row["speaker_b"]) == ("Ana Silva", "Tom Reyes")


def test_near_misses_do_not_match():
    # two different quotes of one person on one topic are two quotes, each in one outlet only
    df = _pair("“Taxes will fall next year,” said Ana Silva.",
               "“Fuel duty has risen too far this winter and drivers pay for it,” said Ana Silva.")
    assert df["group_b"].isna().all() and len(df) == 2
    assert set(df["labels"]) == {"only in one group"}
    # the same words from two people with a short quote are not "speaker changed"
    df = _pair("“Never,” said Ana Silva.", "“Never,” said Tom Reyes.")
    assert df["group_b"].isna().all()
    # a quote trimmed is trimmed, not reworded
    assert "reworded" not in _labels("“We will win the vote tomorrow, whatever they say,” said Ana Silva.",
                                     "“We will win the vote tomorrow,” said Ana Silva.")


def test_source_article_and_quotes_left_out():
    c = Corpus([Article(id="wire", title="T", outlet="Reuters",
                        text="T\n\n“We will win the vote tomorrow,” said Ana Silva. “Taxes will fall for every family,” she added."),
                Article(id="post", title="T", outlet="Post", text="T\n\n“We will win the vote,” said Ana Silva."),
                Article(id="gazette", title="T", outlet="Gazette",
                        text="T\n\n“Taxes will fall for every family,” Ana Silva said.")])
    df = compare_quotes(c, source="wire")
    assert set(df["article_a"]) == {"wire"}
    left = df[df["labels"] == "left out"]
    assert sorted(zip(left["article_b"], left["quote_a"], strict=True)) == [
        ("gazette", "We will win the vote tomorrow,"), ("post", "Taxes will fall for every family,")]
    with pytest.raises(ValueError, match="not an article id"):
        compare_quotes(c, source="nope")


def test_side_by_side_html_is_escaped():
    df = _pair("“We will <script>alert(1)</script> win the vote tomorrow,” said Ana Silva.",
               "“We will win the vote,” said Ana Silva.")
    html = fidelity_html(df)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<del" in html or "<ins" in html     # the changed words are marked


def test_labels_are_known():
    df = compare_quotes(newslib.load_corpus("seeds"))
    used = {lab for labels in df["labels"] for lab in labels.split("; ")}
    assert used <= set(LABELS)


@pytest.mark.parametrize("a, b, expected", [
    # the labels the list above leaves out, each on its own pair
    ("Ana Silva said her party would “win the vote tomorrow”.", "“We will win the vote tomorrow,” said Ana Silva.",
     {"extended", "partial→direct", "reported→quoted"}),
    ("Ana Silva said taxes would fall next year for every family.",
     "“Taxes will fall next year for every family,” said Ana Silva.", {"reworded", "reported→quoted"}),
    ("“Taxes will fall next year for every family,” Ana Silva allegedly said.",
     "“Taxes will fall next year for every family,” said Ana Silva.", {"same words", "distancing dropped"}),
    # distancing by phrase, not by verb: the verb stays, the marker is the change
    ("Ana Silva condemned the “betrayal of every family” by the council.",
     "Ana Silva condemned what she termed the “betrayal of every family” by the council.",
     {"same words", "distancing added"}),
    ("Ana Silva praised the “family tax plan” on Monday, she said.",
     "Ana Silva praised the so-called “family tax plan” on Monday, she said.", {"same words", "distancing added"}),
    # near misses: another form of the same verb is no change, nor is a marker in another sentence
    ("“Taxes will fall next year for every family,” said Ana Silva.",
     "“Taxes will fall next year for every family,” Ana Silva says.", {"same words"}),
    ("“Taxes will fall next year for every family,” said Ana Silva. The mayor was jailed.",
     "“Taxes will fall next year for every family,” said Ana Silva. The mayor allegedly took bribes.", {"same words"}),
])
def test_more_labels_and_near_misses(a, b, expected):
    df = _pair(a, b)
    matched = df[df["group_b"].notna()]
    assert len(matched) == 1, df[["quote_a", "quote_b", "labels"]]
    assert set(matched["labels"].iloc[0].split("; ")) == expected


def test_verb_classes_of_a_critical_verb():
    # "accused the council of …" is reported speech as "said the council had …" is: both the
    # reported clauses and the quoted words in them are matched, each pair with the verb's change
    df = _pair("Ana Silva said the council had “betrayed every family in the city”.",
               "Ana Silva accused the council of having “betrayed every family in the city”.")
    pairs = df[df["group_b"].notna()].set_index("type_a")
    assert (pairs["verb_class_a"].tolist(), pairs["verb_class_b"].tolist()) == (["neutral"] * 2, ["critical"] * 2)
    assert set(pairs.loc["partial", "labels"].split("; ")) == {"same words", "verb changed"}
    assert set(pairs.loc["indirect", "labels"].split("; ")) == {"reworded", "verb changed"}


def test_side_by_side_html_of_one_row_is_escaped():
    df = _pair("“We will <script>alert(1)</script> win the vote tomorrow,” said Ana Silva.",
               "“We will win the vote,” said Ana Silva.")
    row = df[df["group_b"].notna()].iloc[0]
    html = fidelity_html(row)
    assert html == fidelity_html(df) and "&lt;script&gt;" in html and "<script>" not in html


def test_one_common_word_on_two_subjects_does_not_match():
    df = _pair("Ana Silva called the mayor “unstable” on Monday.",
               "Ana Silva called the new bridge design “unstable” in a report.")
    assert df["group_b"].isna().all()


def test_allegedly_inside_reported_speech_is_distancing():
    assert "distancing added" in _labels("Ana Silva said the mayor took bribes from the builders.",
                                         "Ana Silva said the mayor allegedly took bribes from the builders.")


@pytest.mark.xfail(strict=True, reason="known defect: a reported clause that holds a matched partial quote "
                   "(said her party would “win the vote tomorrow”) is a second row, 'only in one group'")
def test_a_matched_partial_quote_is_not_also_left_alone():
    df = _pair("Ana Silva said her party would “win the vote tomorrow”.", "“We will win the vote tomorrow,” said Ana Silva.")
    assert len(df) == 1


def test_one_long_quote_carries_the_pieces_another_outlet_cut_from_it():
    """Seen on PolNeAR: one outlet quotes an answer whole, another in two quotations; both
    pieces are matched with the whole (a one-to-one match lost the second)."""
    df = _pair("“Maybe I can, by speaking directly to white people, say, look, this is not who we are,” "
               "Ana Silva said. “We have got to do everything possible to improve policing,” she added.",
               "“Maybe I can, by speaking directly to white people, say, ‘Look, this is not who we are.’ We’ve "
               "got to do everything possible to improve policing,” Ana Silva told the show.")
    pairs = df[df["group_b"].notna()]
    assert sorted(pairs["quote_a"].str[:8]) == ["Maybe I ", "We have "]
    assert set(pairs["quote_b"].str[:8]) == {"Maybe I "}
    # a quote of other words by the same speaker is not carried along
    df = _pair("“Maybe I can, by speaking directly to white people, say, look, this is not who we are,” "
               "Ana Silva said. “The budget will be balanced by spring,” she added.",
               "“Maybe I can, by speaking directly to white people, say, ‘Look, this is not who we are.’ We’ve "
               "got to do everything possible to improve policing,” Ana Silva told the show.")
    assert len(df[df["group_b"].notna()]) == 1


@pytest.mark.parametrize("a, b, expected", [
    # house style is no change: spelling, contractions, number
    ("“We will study the judgment carefully before we act,” said Ana Silva.",
     "“We will study the judgement carefully before we act,” said Ana Silva.", {"same words"}),
    ("“We have got to do everything possible to improve policing,” said Ana Silva.",
     "“We’ve got to do everything possible to improve policing,” said Ana Silva.", {"same words"}),
    # words cut from the middle are a trim; a word put in is a rewording
    ("Ana Silva said the council would be able to deliver the new homes by spring.",
     "Ana Silva said the council would deliver the new homes by spring.", {"trimmed"}),
    ("Ana Silva said feuding could jeopardise Labour's election hopes this spring.",
     "Ana Silva said feuding could jeopardise their election hopes this spring.", {"reworded"}),
    # a change of verb within one class is no "verb changed"; across classes it is
    ("“Taxes will fall next year for every family,” said Ana Silva.",
     "“Taxes will fall next year for every family,” Ana Silva told the BBC.", {"same words"}),
    ("“Taxes will fall next year for every family,” Ana Silva told the BBC.",
     "“Taxes will fall next year for every family,” Ana Silva claimed.", {"same words", "verb changed"}),
])
def test_wording_is_compared_as_a_reader_would(a, b, expected):
    assert _labels(a, b) == expected


@pytest.mark.parametrize("a, b", [
    # a quoted fragment is verbatim: it is part of the fuller quotation or another remark
    ("Ana Silva called the plan “reheated from six months ago”.",
     "“I dealt with this six months ago and said then you do not trade jobs,” said Ana Silva."),
    # a paraphrase keeps a phrase of what was said: no two content words in a row shared here
    ("Ana Silva called for a “local tax based on the ability to pay”.",
     "Ana Silva said the money would pay for scrapping council tax in favour of local income tax."),
])
def test_two_remarks_on_one_topic_do_not_match(a, b):
    df = _pair(a, b)
    assert df["group_b"].isna().all(), df[["quote_a", "quote_b", "labels"]]


def test_each_match_says_what_ties_it_to_one_utterance():
    df = _pair("“We will win the vote tomorrow and rebuild the party,” said Ana Silva.",
               "“We will win the vote tomorrow,” said Ana Silva.")
    assert df[df["group_b"].notna()]["evidence"].tolist() == ["verbatim"]
    df = _pair("Ana Silva said the forgotten majority are paying the price of waste.",
               "Ana Silva spoke up for the “forgotten majority” in Leeds.")
    assert df[df["group_b"].notna()]["evidence"].tolist() == ["phrase"]
    df = _pair("Ana Silva said taxes would fall next year for every family.",
               "“Taxes will fall next year for every family,” said Ana Silva.")
    row = df[df["group_b"].notna()].iloc[0]
    assert row["evidence"] == "paraphrase" and "evidence: paraphrase" in fidelity_html(df)
    assert df[df["group_b"].isna()]["evidence"].isna().all()     # unmatched rows have none


def test_a_short_quotation_matches_the_clause_that_reports_it_with_its_sentence():
    # the rewrite folds what the quotation answered into its own clause
    a = ("“That makes me smart,” Dan Ortiz said during the debate, when Ana Silva attacked him for not paying "
         "income taxes.")
    assert _labels(a, "Dan Ortiz said that paying no income taxes was smart.") == {"reworded", "quoted→reported"}
    # near misses: a clause sharing the quotation's word but not its sentence's, or the sentence's
    # words but not the quotation's
    for b in ("Dan Ortiz said that his tax plan was smart.", "Dan Ortiz said paying income taxes was for suckers.",
              "Dan Ortiz said at the debate that voters were smart to back him."):
        df = _pair(a, b)
        assert df[df["speaker"] == "Dan Ortiz"]["group_b"].isna().all(), (b, df[["quote_a", "quote_b"]])
