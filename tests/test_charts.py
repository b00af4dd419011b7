"""Charts on corpora unlike the seeds: many outlets, and text in scripts matplotlib's own font
lacks. What a run on 88 saved web pages (72 outlets, one Korean page) showed: stacked bars with
72 colours that repeat every eight and a legend running off the figure, a top-terms chart
12,000 pixels high, and hundreds of lines of missing-glyph warnings in the report."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from newslib import charts


def _many_outlets(n: int = 72) -> pd.DataFrame:
    return pd.DataFrame({"verb": ["said"] * n + ["told"] * n,
                         "group": [f"Outlet {i:02d}" for i in range(n)] * 2,
                         "size": list(range(1, n + 1)) * 2})


def test_stacked_bars_of_many_outlets_name_the_largest_and_sum_the_rest():
    df = _many_outlets()
    fig = charts.bar_counts(df, x="verb", y="size", hue="group", title="Reporting verbs")
    ax = fig.axes[0]
    names = [t.get_text() for t in ax.get_legend().get_texts()]
    assert names == [f"Outlet {i}" for i in range(71, 64, -1)] + ["other 65 groups"]
    # no colour stands for two outlets, and the lumped series is grey
    colours = [tuple(p.get_facecolor()) for p in ax.get_legend().get_patches()]
    assert len(set(colours)) == 8
    assert colours[-1] == pytest.approx((0.733, 0.733, 0.733, 1.0), abs=0.01)
    # the bars still add up to every outlet's quotes
    ends = sorted((round(p.get_x() + p.get_width()) for p in ax.patches), reverse=True)[:2]
    assert ends == [df[df["verb"] == v]["size"].sum() for v in ("said", "told")]


def test_stacked_bars_of_few_outlets_keep_every_outlet():
    df = _many_outlets(8)
    names = [t.get_text() for t in charts.bar_counts(df, x="verb", y="size", hue="group").axes[0]
             .get_legend().get_texts()]
    assert sorted(names) == [f"Outlet {i:02d}" for i in range(8)]


def test_many_outlets_draw_without_a_layout_warning(tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = charts.bar_counts(_many_outlets(), x="verb", y="size", hue="group")
        charts.save_figure(fig, tmp_path / "verbs.png")
    assert [str(w.message) for w in caught] == []
    assert (tmp_path / "verbs.png").stat().st_size > 1000


def test_top_terms_of_many_outlets_shows_the_largest_and_says_so():
    rows = [{"group": f"O{g:02d}", "term": f"t{k}", "count": g + k, "per_1000": 1.0}
            for g in range(30) for k in range(3)]
    fig = charts.top_terms(pd.DataFrame(rows), top_n=3, title="Top words by outlet")
    shown = [ax.get_title() for ax in fig.axes if ax.get_visible()]
    assert len(shown) == 24 and shown[0] == "O29" and "O00" not in shown
    assert fig._suptitle.get_text() == ("Top words by outlet (24 of 30 groups: those with the most "
                                        "words counted)")


KOREAN = pd.DataFrame({"group": ["Jeongdong Theater"] * 3, "term": ["있다", "사진", "theatre"],
                       "count": [3, 2, 1], "per_1000": [3.0, 2.0, 1.0]})


def test_characters_no_font_has_are_named_once_in_one_line(monkeypatch, tmp_path):
    monkeypatch.setattr(charts, "_font_family", lambda: ("DejaVu Sans",))   # a machine without CJK fonts
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = charts.top_terms(KOREAN, top_n=3)
        charts.save_figure(fig, tmp_path / "top.png")
    said = [str(w.message) for w in caught]
    assert len(said) == 1 and "\n" not in said[0]
    assert said[0].startswith("4 characters of this chart (") and set(said[0][28:38].split(", ")) == set("있다사진")
    assert "are in none of the installed fonts" in said[0]


def test_characters_are_drawn_from_an_installed_fallback_font(tmp_path):
    charts._font_family.cache_clear()
    if len(charts._font_family()) == 1:
        pytest.skip("no font of FALLBACK_FONTS is installed here (Debian: fonts-noto-cjk)")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        charts.save_figure(charts.top_terms(KOREAN, top_n=3), tmp_path / "top.png")
    assert [str(w.message) for w in caught] == []


def test_the_colours_go_to_the_groups_of_the_bars_shown():
    # ten outlets quote one speaker; ten others quote many speakers each, more words in all:
    # with only the first speaker's bar shown, its outlets get the colours, not the others
    rows = [{"speaker": "Ana Silva", "group": f"O{i}", "words": 10} for i in range(10)]
    rows += [{"speaker": f"Minor {k}", "group": f"P{i}", "words": 5} for i in range(10) for k in range(10)]
    fig = charts.bar_counts(pd.DataFrame(rows), x="speaker", y="words", hue="group", top_n=1)
    names = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert names[:7] == [f"O{i}" for i in range(7)] and names[7] == "other 3 groups"


def test_missing_glyphs_are_quiet_only_in_newslib_figures(monkeypatch):
    import matplotlib.pyplot as plt

    monkeypatch.setattr(charts, "_font_family", lambda: ("DejaVu Sans",))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        charts.top_terms(KOREAN, top_n=3)
        fig, ax = plt.subplots()       # the user's own chart: matplotlib's warnings as ever
        ax.set_title("있다")
        fig.canvas.draw()
        plt.close(fig)
    assert any("missing from font" in str(w.message) for w in caught)


def test_a_newslib_figure_still_pickles():
    # its draw is newslib's quiet one; a closure there had made pickling fail
    import pickle

    fig = charts.bar_counts(_many_outlets(8), x="verb", y="size", hue="group")
    assert pickle.loads(pickle.dumps(fig)).axes[0].get_legend() is not None


def test_heat_map_of_many_outlets_shows_the_largest_rows_not_the_first_in_the_alphabet():
    n = 40
    scores = pd.DataFrame({"group": [f"Outlet {i:02d}" for i in range(n)] * 2,
                           "frame": ["economy"] * n + ["security"] * n,
                           # the outlets of largest total are the last ten, and one with a
                           # strong negative tone, which counts by its size
                           "tone": [0.01 * i for i in range(n)] * 2})
    scores.loc[3, "tone"] = -5.0
    fig = charts.heatmap(scores, col="frame", value="tone", diverging=True, max_rows=11)
    ax = fig.axes[0]
    shown = [t.get_text() for t in ax.get_yticklabels()]
    assert shown == ["Outlet 03"] + [f"Outlet {i}" for i in range(30, 40)]
    assert "11 of 40 rows, those of largest total" in ax.get_title()


def _tokens_of(texts: dict[str, str]) -> pd.DataFrame:
    from newslib.tokens import normalize_token, tokenize

    return pd.DataFrame([{"article_id": aid, "lower": normalize_token(w)}
                         for aid, text in texts.items() for w, _, _ in tokenize(text)])


def test_dispersion_of_many_articles_leaves_out_the_empty_rows_and_counts_them():
    texts = {f"outlet{i}": ("The strike went on. " * 5 + ("Unions met the minister. " if i < 2 else ""))
             for i in range(9)}
    fig = charts.dispersion(_tokens_of(texts), ["strike", "unions", "minister"])
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == (
        ["strike · outlet0", "unions · outlet0", "minister · outlet0",
         "strike · outlet1", "unions · outlet1", "minister · outlet1"]
        + [f"strike · outlet{i}" for i in range(2, 9)])
    assert ax.get_title() == "14 of 27 term–article rows without an occurrence left out"
    # a few empty rows stay: that an article never uses a word is worth seeing
    few = charts.dispersion(_tokens_of({"a": "The strike.", "b": "Unions."}), ["strike", "unions"])
    assert [t.get_text() for t in few.axes[0].get_yticklabels()] == [
        "strike · a", "unions · a", "strike · b", "unions · b"]


def test_tone_heatmap_says_how_many_sentences_and_fades_the_thin_cells():
    """A new user's audit: the darkest cells of the tone heat map rested on one sentence each."""
    scores = pd.DataFrame({"group": ["A", "A", "B", "B"], "actor": ["Iran", "Russia", "Iran", "Russia"],
                           "mean_compound": [0.2, -0.9, 0.1, -0.3], "sentences": [12, 1, 8, 5]})
    fig = charts.heatmap(scores, col="actor", value="mean_compound", diverging=True, count="sentences",
                         title="Tone")
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert {"n=12", "n=1", "n=8", "n=5"} <= set(texts)
    assert "pale: fewer than 3 sentences" in ax.get_title()
    assert ax.images[0].get_clim() == pytest.approx((-0.3, 0.3))   # the -0.9 of one sentence sets no scale
    assert len(ax.patches) == 1                                         # one veil, over that cell


def test_small_multiples_title_and_long_labels_leave_room_to_read():
    """The audit's top-terms chart: the overall title overlapped the middle panel's title; the
    words-per-article chart: 60-character article ids left the bars a fifth of the width and
    eight tick labels ran into each other."""
    counts = pd.DataFrame({"group": [f"outlet {i}" for i in range(7) for _ in range(5)],
                           "term": [f"t{j}" for _ in range(7) for j in range(5)], "per_1000": 1.0, "count": 3})
    fig = charts.top_terms(counts, title="Top terms by outlet")
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    r = FigureCanvasAgg(fig).get_renderer()
    fig.draw(r)
    top = fig._suptitle.get_window_extent(r).y0
    assert all(top >= ax.title.get_window_extent(r).y1 for ax in fig.axes if ax.get_visible())
    ids = [f"wash-post/wash-post_2016-09-{d:02d}_virginian-could-make-history-again-{d}" for d in range(1, 21)]
    fig = charts.bar_counts(pd.DataFrame({"article_id": ids, "words": [100 * d for d in range(1, 21)]}),
                            x="article_id", y="words")
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(set(labels)) == 20 and max(map(len, labels)) <= 44
    assert len([t for t in ax.get_xticks() if 0 <= t <= 2000]) <= 7


def test_a_bar_chart_cut_to_its_largest_says_so():
    # "Words per article" showed 20 of 35 articles and said nothing (the audit's notebook 01)
    df = pd.DataFrame({"article_id": [f"a{i}" for i in range(35)], "words": range(35)})
    assert charts.bar_counts(df, x="article_id", y="words", title="Words per article").axes[0].get_title() \
        == "Words per article (20 of 35, the largest)"
    assert charts.bar_counts(df.head(5), x="article_id", y="words", title="Words").axes[0].get_title() == "Words"


def test_a_long_table_shows_every_group_and_says_it_is_cut():
    from newslib.display import table_html

    df = pd.DataFrame({"group": ["Breitbart"] * 300 + ["HuffPost"] * 300, "quote": ["x"] * 600})
    html = table_html(df)
    assert html.count("<td>Breitbart</td>") == 100 and html.count("<td>HuffPost</td>") == 100
    assert "200 of 600 rows shown (the first of each group)" in html


def test_a_heat_map_of_shares_keeps_the_rows_of_most_observations():
    # the saved web pages' reporting-verb chart, 72 outlets cut to 30 by their total share, had
    # dropped IndieWire (61 quotes) and kept outlets of one quote (each 100 % of one verb)
    rows = [("big", "say", 50.0, 61), ("big", "tell", 30.0, 37)] + [(f"tiny{i}", "say", 100.0, 1) for i in range(40)]
    df = pd.DataFrame(rows, columns=["group", "verb", "percent", "quotes"])
    fig = charts.heatmap(df, col="verb", value="percent", count="quotes", max_rows=30)
    ax = fig.axes[0]
    assert "big" in [t.get_text() for t in ax.get_yticklabels()]
    assert "those of largest total quotes" in ax.get_title()
