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
    (evil / "a.txt").write_text("Title <script>alert(1)</script>\n\n“Go <b>now</b>,” Ann Lee said.", encoding="utf-8")
    ex = Explorer(newslib.load_corpus(evil), term="now")
    assert "<script>" not in ex.article_html() and "&lt;script&gt;" in ex.article_html()
    assert "<b>now</b>" in ex.kwic_html()  # the match is bolded by us; the article's own <b> is escaped
    assert "&lt;b&gt;" in ex.kwic_html()
