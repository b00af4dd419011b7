from __future__ import annotations

import pandas as pd
from conftest import DEMO

import newslib
from newslib import framing as F
from newslib.corpus import Article, Corpus

TEXT_A = ("Raisi accuses West of backing genocide\n\n"
          "Iranian President Ebrahim Raisi accused the West of backing what he termed genocide in Gaza. "
          "Iran, an avowed U.S. adversary, could supply Moscow with drones. "
          "Raisi said trade between Tehran and Moscow reached 5 billion dollars. "
          "Mr Raisi also met the Palestinian militant group Hamas last year.")
TEXT_B = ("Putin hosts Raisi\n\n"
          "Russian President Vladimir Putin hosted the Iranian president in the Kremlin. "
          "Raisi said trade between Tehran and Moscow reached 5 billion dollars. "
          "Putin allegedly discussed fighter jets and helicopters.")


def corpus():
    return Corpus([Article(id="a", title="Raisi accuses West of backing genocide", text=TEXT_A, outlet="Alpha"),
                   Article(id="b", title="Putin hosts Raisi", text=TEXT_B, outlet="Beta")])


def test_frames_come_with_their_sentences():
    c = corpus()
    ev = F.frame_evidence(c)
    econ = ev[(ev.frame == "economic") & (ev.article_id == "a")]
    assert {"trade", "billion"} <= set(econ["match"].str.lower())
    assert all(m in s for m, s in zip(ev["match"], ev["sentence"], strict=True))
    assert all(c[a].text[s:e] == m for a, s, e, m in zip(ev.article_id, ev.start, ev.end, ev["match"], strict=True))
    scores = F.frame_scores(c, group_by="outlet", evidence=ev).set_index(["group", "frame"])
    assert scores.loc[("Alpha", "morality"), "matches"] >= 1 and scores.loc[("Beta", "morality"), "matches"] == 0
    assert 0 < scores.loc[("Alpha", "economic"), "sentence_share"] <= 1


def test_lexicon_extendable_from_a_dataframe():
    lex = pd.concat([F.load_lexicon("generic"),
                     pd.DataFrame([{"term": "fighter jet*", "frame": "militarism", "provenance": "mine"}])])
    scores = F.frame_scores(corpus(), lex).set_index(["group", "frame"])
    assert scores.loc[("Beta", "militarism"), "matches"] == 1
    assert "security_and_defense" in set(F.load_lexicon("policy")["frame"])


def test_actors_aliases_variants_positions_and_labels():
    c = corpus()
    m = F.actor_mentions(c)
    a = m[m.article_id == "a"]
    assert {"Iranian", "Iran", "Tehran"} <= set(a.loc[a.actor == "Iran", "mention"])
    raisi = set(a.loc[a.actor == "Ebrahim Raisi", "mention"])
    assert "Raisi" in raisi and "President Ebrahim Raisi" in raisi and "Mr Raisi" in raisi
    b = m[m.article_id == "b"]
    assert "the Iranian president" in set(b.loc[b.actor == "Ebrahim Raisi", "mention"])  # corpus-wide cluster
    assert a.loc[a.actor == "Ebrahim Raisi", "position"].iloc[0] == "headline"
    labels = F.actor_labels(c, m)
    assert ("Iran", "an avowed U.S. adversary", "apposition") in set(zip(labels.actor, labels.label, labels.kind, strict=True))
    assert ("Hamas", "Palestinian militant group") in set(zip(labels.actor, labels.label, strict=True))
    summary = F.actor_summary(c, m).set_index(["group", "actor"])
    assert summary.loc[("Alpha", "Ebrahim Raisi"), "in_headline"]


def test_tone_hedges_and_sourcing():
    c = corpus()
    m = F.actor_mentions(c)
    summary, sents = F.actor_tone(c, m)
    assert summary.set_index(["group", "actor"]).loc[("Alpha", "The West"), "mean_compound"] < 0  # "genocide"
    assert set(sents.columns) >= {"group", "actor", "compound", "text"}
    h = F.hedge_counts(c, mentions=m)
    assert ("Beta", "allegedly") in set(zip(h.group, h.term, strict=True))
    assert ("Alpha", "what he termed") in set(zip(h.group, h.term, strict=True))
    speakers, verbs = F.sourcing(c)
    assert "Ebrahim Raisi" in set(speakers.speaker)


def test_alignment_finds_shared_and_unique_sentences():
    c = corpus()
    pairs = F.align_sentences(c, "a", "b")
    status, cov = F.alignment_summary(c, pairs)
    st = status.set_index(["article_id", "sentence_id"])["status"]
    shared_a = status[(status.article_id == "a") & status.text.str.startswith("Raisi said trade")]
    assert shared_a["status"].item() == "matched"
    assert st[("b", 3)] == "unique"       # fighter jets: only in B
    assert 0 < cov["a"] < 1 and 0 < cov["b"] < 1


def test_headline_lead_and_demo_corpus():
    hl = F.headline_lead(corpus())
    assert list(hl["part"]) == ["headline", "lead", "headline", "lead"]
    c = newslib.load_corpus(DEMO)
    m = F.actor_mentions(c)
    assert {"Valdoria", "Kestrel", "Lena Varga"} <= set(m.actor)
    labels = F.actor_labels(c, m)
    assert ("Ivo Brand", "an economist at the institute") in set(zip(labels.actor, labels.label, strict=True))
