from __future__ import annotations

import math

import pandas as pd
from conftest import BBC, DEMO, needs_bbc

import newslib
from newslib import charts
from newslib import terms as T


def small_table():
    return pd.DataFrame({"group": ["A", "A", "B", "B"], "term": ["x", "y", "x", "y"], "count": [30, 70, 10, 90]})


def test_statistics_match_hand_computation():
    k = T.keyness(small_table(), "A", "B").set_index("term")
    # four-cell G² for x: observed 30, 10, 70, 90; expected 20, 20, 80, 80
    g2 = 2 * (30 * math.log(30 / 20) + 10 * math.log(10 / 20) + 70 * math.log(70 / 80) + 90 * math.log(90 / 80))
    assert math.isclose(k.loc["x", "g2"], g2) and k.loc["x", "g2"] > 0 and k.loc["y", "g2"] < 0
    assert math.isclose(k.loc["x", "p"], math.erfc(math.sqrt(g2 / 2)))
    assert math.isclose(k.loc["x", "log_ratio"], math.log2(0.3 / 0.1))
    assert math.isclose(k.loc["x", "pct_diff"], 200.0)
    # Monroe et al.: prior = corpus counts (x: 40, y: 160 of 200), alpha0 = 200
    ax, ay = 40.0, 160.0
    d = math.log((30 + ax) / (100 + 200 - 30 - ax)) - math.log((10 + ax) / (100 + 200 - 10 - ax))
    assert math.isclose(k.loc["x", "log_odds"], d)
    assert math.isclose(k.loc["x", "z"], d / math.sqrt(1 / (30 + ax) + 1 / (10 + ax)))
    del ay


def test_exclusive_terms_and_small_sample_note():
    counts = pd.DataFrame({"group": ["A", "B", "A", "B"], "term": ["solo", "other", "shared", "shared"],
                           "count": [2, 1, 1, 1]})
    k = T.keyness(counts, "A", "B").set_index("term")
    assert k.loc["solo", "only_in"] == "A" and k.loc["other", "only_in"] == "B" and k.loc["shared", "only_in"] == ""
    assert "No term reaches" in T.keyness(counts, "A", "B").attrs["note"]


def test_counts_ngrams_kwic_on_demo():
    c = newslib.load_corpus(DEMO)
    counts = T.term_counts(c, group_by="outlet")
    assert set(counts["group"]) == {"northern_ledger", "harbour_times"}
    port = counts[(counts.term == "port")].set_index("group")
    assert port.loc["northern_ledger", "count"] >= 3
    assert "the" not in set(counts["term"])
    bi = T.term_counts(c, group_by="outlet", n=2)
    assert "port deal" in set(bi["term"]) and not any(t.startswith("of ") for t in bi["term"])
    kw = T.kwic(c, "port", group_by="outlet")
    assert len(kw) >= 4 and set(kw["match"].str.lower()) == {"port"}
    ci = T.bootstrap_log_ratio(c, ["port", "deal"], "northern_ledger", "harbour_times", n_boot=50, seed=3)
    assert (ci["ci_low"] <= ci["ci_high"]).all()
    assert ci.equals(T.bootstrap_log_ratio(c, ["port", "deal"], "northern_ledger", "harbour_times", n_boot=50, seed=3))


def test_charts_return_figures_and_write_csv(tmp_path):
    c = newslib.load_corpus(DEMO)
    counts = T.term_counts(c, group_by="outlet")
    key = T.keyness(counts, "northern_ledger", "harbour_times")
    for fig in (charts.top_terms(counts), charts.keyness_bars(key, "a", "b"), charts.back_to_back(key, "a", "b"),
                charts.scatter_terms(key, "a", "b"), charts.dispersion(c.tokens(), ["port", "Varga"])):
        assert fig.__class__.__name__ == "Figure" and fig.axes
    charts.publish(charts.keyness_bars(key, "a", "b"), "kb", str(tmp_path), data=key)
    assert (tmp_path / "kb.png").stat().st_size > 1000
    assert pd.read_csv(tmp_path / "kb.csv").shape[0] == len(key)



def test_a_published_chart_is_drawn_once(tmp_path, monkeypatch):
    """Drawing is most of a batch report's own time: saving a newslib chart draws it once, not
    a layout pass and then the picture (what tight_layout's left-over engine made savefig do)."""
    from matplotlib.figure import Figure

    c = newslib.load_corpus(DEMO)
    fig = charts.top_terms(T.term_counts(c, group_by="outlet"))
    draws = []
    real = Figure.draw
    monkeypatch.setattr(Figure, "draw", lambda self, renderer: draws.append(1) or real(self, renderer))
    charts.publish(fig, "top", str(tmp_path))
    assert len(draws) == 1 and (tmp_path / "top.png").stat().st_size > 1000

@needs_bbc
def test_bbc_politics_vs_business_keyness_ranks_expected_terms():
    c = newslib.load_corpus(BBC)
    c = c.subset([a.id for a in c if a.id.split("/")[0] in {"politics", "business"}])
    key = T.keyness(T.term_counts(c, group_by="folder"), "politics", "business")
    top_pol = set(key.head(25)["term"])
    top_bus = set(key.tail(25)["term"])
    assert {"labour", "blair", "election", "party", "tory"} <= top_pol
    assert {"growth", "company", "market", "economy", "shares"} <= top_bus


def test_term_trend_over_dates():
    from newslib.corpus import Article, Corpus

    c = Corpus([Article(id="a", title="T", text="T\n\nOil rose. Gas fell.", date="2024-01-01"),
                Article(id="b", title="U", text="U\n\nOil and oil and gas.", date="2024-01-02"),
                Article(id="c", title="V", text="V\n\nNo date here.")])
    tr = T.term_trend(c, ["oil", "Gas"]).set_index(["period", "term"])
    assert tr.loc[("2024-01-02", "oil"), "count"] == 2 and tr.loc[("2024-01-01", "Gas"), "count"] == 1
    assert tr.loc[("2024-01-01", "oil"), "per_1000"] == 1000 * 1 / 5   # 5 words on day one
    fig = charts.term_trend(tr.reset_index())
    assert len(fig.axes[0].lines) == 2
    same_day = Corpus([Article(id="a", title="T", text="T\n\nOil.", date="2024-01-01")])
    assert T.term_trend(same_day, ["oil"]).empty


def test_group_sums_agree_with_a_pandas_group_by(monkeypatch):
    # the integer-key sums (dense and sorted) must give what a plain group-by gives, including
    # an article that belongs to no group
    c = newslib.load_corpus(DEMO)
    counts, totals = T.article_term_counts(c.tokens())
    groups = T.article_groups(c, "outlet")
    groups.pop(next(iter(groups)))
    g = counts.assign(group=counts["article_id"].map(groups))
    agg = g.groupby(["group", "term"], observed=True).agg(count=("count", "sum"), doc_freq=("article_id", "size")).reset_index()
    words = totals.assign(group=totals["article_id"].map(groups)).groupby("group", observed=True)["words"].sum()
    expected = T.finish_group_counts(agg, words)
    assert len(expected) > 50
    pd.testing.assert_frame_equal(T.group_term_counts(counts, totals, groups), expected)
    monkeypatch.setattr(T, "_DENSE_MAX", 0)
    pd.testing.assert_frame_equal(T.group_term_counts(counts, totals, groups), expected)


def test_titles_and_function_words_are_neither_top_terms_nor_fallback_terms():
    # on a folder of New York Times articles "mr." was the second top term and the fallback KWIC
    # term, and "one" the dispersion's: the stopwords had neither (nor BBC's "Mr" without a stop)
    from newslib.corpus import Article, Corpus
    from newslib.tokens import stopwords, term_stopwords

    c = Corpus([
        Article(id="x1", title="Ferry", outlet="X", text="Ferry\n\nMr. Hale said one ferry sails. Mrs. Quinn "
                "met Dr. Reyes. Mr. Dunn, like Sen. Dunn, wants one more ferry. Mr Finch agreed."),
        Article(id="y1", title="Harbour", outlet="Y", text="Harbour\n\nMr. Hale spoke. One ferry, one harbour. "
                "Ms. Quinn, like Mr Finch, said the ferry may sail. Mr. Reyes left."),
    ])
    counts = T.term_counts(c)
    left_out = {"mr.", "mrs.", "ms.", "dr.", "sen.", "mr", "one", "like", "may"}
    assert not left_out & set(counts["term"])
    assert T.shared_terms(counts, "X", "Y", n=1) == ["ferry"]
    shown, why = T.terms_or_shared(c, ["genocide"], counts, "X", "Y", n=3)
    assert shown[0] == "ferry" and not left_out & set(shown)
    assert not {"mr. hale", "mr finch"} & set(T.term_counts(c, n=2)["term"])   # no phrase opens with a title
    # the quote and name rules read the plain list: a title there would be cut off a speaker's name
    assert "mr." not in stopwords() and "mr." in term_stopwords()
    assert T.shared_terms(pd.DataFrame({"group": ["X", "Y"], "term": ["sept.", "sept."], "count": [9, 9],
                                        "per_1000": [9.0, 9.0]}), "X", "Y") == []


def test_article_similarity_pairs_the_same_story_across_outlets():
    # notebooks 04 and 05 compared each outlet's first articles: different stories
    from newslib.corpus import Article, Corpus

    c = Corpus([
        Article(id="x/cup", title="Cup", outlet="X", text="Cup\n\nThe island team won the cup final, its coach said."),
        Article(id="x/ferry", title="Ferry", outlet="X", text="Ferry\n\nFerry crews strike; the harbour board "
                "calls the ferry strike unlawful. Moira Quinn said the crews were patient."),
        Article(id="y/school", title="School", outlet="Y", text="School\n\nThe school closed for the holiday, the head said."),
        Article(id="y/strike", title="Strike", outlet="Y", text="Strike\n\nThe ferry strike left shops short. "
                "Moira Quinn said the harbour board ignored the crews."),
    ])
    sim = T.article_similarity(c, ["x/cup", "x/ferry"], ["y/school", "y/strike"])
    assert sim.loc[0, ["article_a", "article_b"]].tolist() == ["x/ferry", "y/strike"]
    assert sim.loc[0, "similarity"] > 0.3 and sim.loc[0, "shared"] >= 5
    assert (sim["similarity"].between(0, 1 + 1e-9)).all() and len(sim) == 4
    back = T.article_similarity(c, ["y/strike"], ["x/ferry"])
    assert math.isclose(back.loc[0, "similarity"], sim.loc[0, "similarity"])
    pd.testing.assert_frame_equal(T.article_similarity(c, ["x/cup", "x/ferry"], ["y/school", "y/strike"], top=1, chunk=1),
                                  sim.head(1))
    # "said" is in every story: no reporting verb makes two articles alike
    assert T.article_similarity(c, ["x/cup"], ["y/school"]).loc[0, "shared"] == 0
