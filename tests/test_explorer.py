"""The explorer's callbacks, driven as JupyterLab would drive them."""

from __future__ import annotations

from conftest import DEMO

import newslib
from newslib.explorer import Explorer


def test_widgets_callbacks_update_the_views():
    c = newslib.load_corpus(DEMO)
    ex = Explorer(c, term="port")
    box = ex.widgets()
    assert box.children and ex.out_term.outputs            # drawn once on creation
    html = ex.kwic_html()
    assert "northern_ledger" in html and "harbour_times" in html and "<b>port</b>" in html
    ex.w_term.value = "loan"                               # typing a term
    assert ex.term == "loan" and "<b>loan</b>" in ex.kwic_html()
    assert ex.keyness_row()["term"].tolist() == ["loan"]
    ex.w_article.value = "harbour_times/port-deal-signed"  # choosing an article
    shown = "".join(o.get("data", {}).get("text/html", "") for o in ex.out_article.outputs)
    assert "Piet Adler" in shown and "<mark" in shown
    ex.w_group_by.value = "id"                             # regrouping refreshes the group lists
    assert set(ex.w_a.options) == {a.id for a in c} and ex.group_by == "id"


def test_static_views_escape_text(tmp_path):
    evil = tmp_path / "x"
    evil.mkdir()
    # (inline tags such as <b> are removed from plain text as it is read: see repair_markup;
    # a tag that is not removed must still show as text)
    (evil / "a.txt").write_text("Title <script>alert(1)</script>\n\n“Go <blink>now</blink>,” Ann Lee said.",
                                encoding="utf-8")
    ex = Explorer(newslib.load_corpus(evil), term="now")
    assert "<script>" not in ex.article_html() and "&lt;script&gt;" in ex.article_html()
    assert "<b>now</b>" in ex.kwic_html()  # the match is bolded by us; the article's own <blink> is escaped
    assert "&lt;blink&gt;" in ex.kwic_html() and "<blink>" not in ex.kwic_html()


def _text(html: str) -> str:
    import re

    return re.sub(r"<[^>]+>", " ", html)


def test_a_phrase_is_counted_as_a_phrase_in_every_view():
    from conftest import SEEDS

    ex = Explorer(newslib.load_corpus(SEEDS), term="what he termed")
    assert "<b>what he termed</b>" in ex.kwic_html()
    row = ex.keyness_row()
    assert row["term"].tolist() == ["what he termed"] and int(row["count_a"].iloc[0] + row["count_b"].iloc[0]) == 1
    assert "Log Ratio" in ex.keyness_html()
    fig = ex.dispersion_figure()
    assert fig is not None and sum(len(c.get_offsets()) for c in fig.axes[0].collections) == 1   # one mark


def test_every_empty_view_says_why_in_a_sentence():
    from conftest import SEEDS

    c = newslib.load_corpus(SEEDS)
    for term, words in (("", "Type a term"), ("zebra", "does not occur")):
        ex = Explorer(c, term=term)
        for view in (ex.kwic_html(), ex.keyness_html(), ex.dispersion_note()):
            assert words in view and "<th>" not in view          # a sentence, not a header-only table
        assert ex.dispersion_figure() is None                   # never a blank plot
    one = Explorer(c, term="genocide", group_by="date")         # both seeds share one date
    assert "one group only" in one.keyness_html() and "one group only" in one.status()
    assert one.kwic_html().count("<h4>") == 1                   # the lines once, not twice
    same = Explorer(c, term="genocide", group_a="Iran International", group_b="Iran International")
    assert "both Iran International" in same.keyness_html() and same.kwic_html().count("<h4>") == 1
    fig = same.dispersion_figure()
    assert len(fig.axes[0].get_yticklabels()) == 1              # the article once, not duplicated


def test_views_say_what_they_compare():
    from conftest import SEEDS

    ex = Explorer(newslib.load_corpus(SEEDS), term="genocide")
    assert ex.status().startswith("Comparing “genocide” in Iran International (once) and in The Election Post (3 times)")
    assert "more typical of The Election Post" in _text(ex.keyness_html())


def test_widget_regrouping_to_one_value_explains_itself():
    from conftest import SEEDS

    ex = Explorer(newslib.load_corpus(SEEDS), term="genocide")
    ex.widgets()
    ex.w_group_by.value = "date"
    shown = " ".join(o.get("data", {}).get("text/html", "") for o in ex.out_term.outputs)
    assert "one group only" in shown and ex.group_a == ex.group_b == "2023-12-07"
    ex.w_term.value = "zebra"
    shown = " ".join(o.get("data", {}).get("text/html", "") for o in ex.out_term.outputs)
    assert "does not occur" in shown and not any("image/png" in o.get("data", {}) for o in ex.out_term.outputs)


def test_kwic_contexts_are_cut_between_words():
    import re

    from conftest import SEEDS

    from newslib.terms import kwic

    c = newslib.load_corpus(SEEDS)
    for width in (10, 25, 45):
        for r in kwic(c, "genocide", width=width).itertuples():
            text = c[r.article_id].text
            m = re.search(re.escape(r.left) + r"\s*" + re.escape(r.match) + r"\s*" + re.escape(r.right), text)
            assert m, (width, r.left, r.right)
            assert m.start() == 0 or not text[m.start() - 1].isalnum(), (width, r.left)   # starts on a word
            assert m.end() == len(text) or not text[m.end()].isalnum(), (width, r.right)  # ends on a word
            assert len(r.left) <= width and len(r.right) <= width
