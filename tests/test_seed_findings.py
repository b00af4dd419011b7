"""What a media researcher reads first on the seeds, checked against what the two texts say
(issue 16 item 2): Iran International's report of the Raisi–Putin meeting and The Election
Post's rewrite of Reuters' report of it."""

from __future__ import annotations

import re

import pytest

import newslib
from newslib import charts
from newslib import framing as F
from newslib import terms as T

II, EP = "Iran International", "The Election Post"
A_II, A_EP = "000_b2f73600e7ed8564", "001_5d07a8dc69e627f0"


@pytest.fixture(scope="module")
def seeds():
    return newslib.load_corpus("seeds")


@pytest.fixture(scope="module")
def mentions(seeds):
    return F.actor_mentions(seeds)


def test_terms_and_keyness_separate_the_two_framings(seeds):
    key = T.keyness(T.term_counts(seeds), II, EP, min_count=1)
    k = key.set_index("term")
    # Iran International writes about oil, gas and trade; The Election Post hedges
    assert (k.loc["oil", "count_a"], k.loc["oil", "count_b"]) == (3, 0)
    assert k.loc["gas", "only_in"] == II and k.loc["energy", "only_in"] == II
    assert k.loc["allegedly", "only_in"] == EP and k.loc["termed", "only_in"] == EP
    # "genocide" is in both, three times in The Election Post (headline and two body sentences)
    assert (k.loc["genocide", "count_a"], k.loc["genocide", "count_b"]) == (1, 3)
    assert key["log_ratio"].iloc[0] > 0 and "p < 0.05" in key.attrs["note"]


def test_kwic_of_genocide_side_by_side(seeds):
    kw = T.kwic(seeds, "genocide")
    assert kw.groupby("group").size().to_dict() == {II: 1, EP: 3}
    ii = kw[kw["group"] == II].iloc[0]
    assert ii["left"].endswith("“war crimes and") and ii["right"].startswith("” in Gaza")
    assert any(left.endswith("what he termed “") for left in kw[kw["group"] == EP]["left"])
    # contexts are cut between words: each row is a piece of its article whose ends fall on spaces
    texts = {a.id: a.text for a in seeds}
    for aid, left, match, right in zip(kw["article_id"], kw["left"], kw["match"], kw["right"], strict=True):
        text = texts[aid]
        hit = re.search(r"\s*".join(map(re.escape, (left, match, right))), text)
        assert hit, (left, match, right)
        assert hit.start() == 0 or text[hit.start() - 1].isspace(), left
        assert hit.end() == len(text) or not text[hit.end()].isalnum(), right


def test_dispersion_places_the_term_in_each_article(seeds):
    hits = charts.term_hits(seeds.tokens(), ["genocide"])
    pos = hits.groupby("article_id")["position"].apply(list).to_dict() if "position" in hits else None
    assert pos is not None and len(pos[A_II]) == 1 and len(pos[A_EP]) == 3
    assert min(pos[A_EP]) < 0.05            # The Election Post puts it in its headline
    assert 0.1 < pos[A_II][0] < 0.4         # Iran International in its second paragraph
    fig = charts.dispersion(seeds.tokens(), ["genocide", "oil"])
    assert fig.axes


def test_frames_with_their_evidence(seeds):
    scores = F.frame_scores(seeds).set_index(["group", "frame"])["per_1000"]
    # economic framing in Iran International, conflict and morality in The Election Post
    # 11 economic matches in 5 of Iran International's 13 sentences (oil, gas, trade, billion, dollars,
    # market, MoUs); none in The Election Post ("importance" is no import)
    assert scores[(II, "economic")] > 30 and scores[(EP, "economic")] == 0
    assert scores[(EP, "conflict")] > scores[(II, "conflict")] and scores[(EP, "morality")] > 4 * scores[(II, "morality")]
    ev = F.frame_evidence(seeds)
    econ = ev[(ev["article_id"] == A_II) & (ev["frame"] == "economic")]
    assert econ["sentence"].str.contains("largest oil and gas agreements").any()
    moral = ev[(ev["article_id"] == A_EP) & (ev["frame"] == "morality")]
    assert moral["sentence"].str.contains("genocide").any()
    # every evidence sentence is a sentence of its article, with the matched word in it
    texts = {a.id: a.text for a in seeds}
    assert all(s in texts[a] and m.lower() in s.lower()
               for a, s, m in zip(ev["article_id"], ev["sentence"], ev["match"], strict=True))


def test_actors_first_mention_and_labels(seeds, mentions):
    summ = F.actor_summary(seeds, mentions).set_index(["group", "actor"])
    for g in (II, EP):
        assert summ.loc[(g, "Ebrahim Raisi"), "kind"] == "person"
        assert summ.loc[(g, "Vladimir Putin"), "kind"] == "person"
        assert summ.loc[(g, "Ebrahim Raisi"), "first_position"] == "headline"
    actors = set(mentions["actor"])
    # full names, whatever titles stand before them; no piece of a phrase as an actor
    assert {"Sergei Shoigu", "Alexander Novak", "John Kirby"} <= actors
    assert not actors & {"Sergei", "Alexander", "Raisi", "Iran’s President Ebrahim Raisi",
                         "Putin Discuss Israel-Hamas War", "Tehran-Moscow"}
    kinds = mentions.drop_duplicates("actor").set_index("actor")["kind"]
    assert kinds["Middle East"] == "place" and "Unmanned Aerial Vehicles" not in kinds   # drones: no actor
    # "US National Security spokesman John Kirby": the body he speaks for, not a person
    assert kinds["Islamic Jihad"] == "organisation" and kinds["National Security"] == "organisation"
    assert kinds["John Kirby"] == "person" and kinds["Houthis"] == "organisation"
    assert summ.loc[(EP, "Sergei Shoigu"), "first_position"] == "body"
    assert (II, "Sergei Shoigu") not in summ.index and (EP, "John Kirby") not in summ.index
    labels = F.actor_labels(seeds, mentions)
    iran = labels[(labels["actor"] == "Iran") & (labels["group"] == EP)]
    assert "an avowed U.S. adversary" in set(iran["label"])
    assert not ((labels["actor"] == "Iran") & (labels["group"] == II) & (labels["label"].str.contains("adversary"))).any()
    # "cooperation between Russia and Iran, a contentious issue with the United States": the
    # cooperation is the issue, not Iran; "the broader Western world" does not call the West broader
    assert set(iran["label"]) == {"an avowed U.S. adversary"}
    assert not (labels["label"] == "broader").any()
    got = set(zip(labels["group"], labels["actor"], labels["label"], strict=True))
    assert {(EP, "Hamas", "Palestinian militant group"), (EP, "Sergei Shoigu", "Defence Minister"),
            (EP, "Alexander Novak", "Deputy Prime Minister"),
            (II, "John Kirby", "US National Security spokesman")} <= got


def test_hedges_and_distancing_only_where_they_are(seeds):
    h = F.hedge_counts(seeds)
    dist = h[h["kind"] == "distancing"].groupby("group")["term"].apply(set).to_dict()
    assert {"allegedly", "what he termed"} <= dist[EP]
    assert dist[II] == {"what he called"}
    assert "reportedly" in set(h[(h["group"] == II) & (h["kind"] == "evidential")]["term"])


def test_sourcing_who_speaks_in_each_outlet(seeds):
    speakers, verbs = F.sourcing(seeds)
    s = speakers.set_index(["group", "speaker"])
    # (each outlet's "accused X of …" counts: reported speech, with the partial quotation inside it)
    assert s.loc[(II, "Ebrahim Raisi"), "quotes"] == 5 and s.loc[(EP, "Ebrahim Raisi"), "quotes"] == 6
    assert (II, "Vladimir Putin") in s.index and (EP, "Vladimir Putin") not in s.index
    assert (II, "IRNA") in s.index and (EP, "the Kremlin") in s.index
    v = verbs.set_index(["group", "verb"])
    assert v.loc[(II, "accuse"), "verb_class"] == "critical" and v.loc[(EP, "term"), "verb_class"] == "distancing"
    assert v.loc[(II, "accuse"), "forms"] == "accused" and v.loc[(EP, "term"), "forms"] == "termed"


def test_alignment_and_what_only_one_outlet_reports(seeds):
    pairs = F.align_sentences(seeds, A_II, A_EP)
    summary, stats = F.alignment_summary(seeds, pairs)
    only = summary[summary["status"] == "unique"] if "status" in summary else summary
    text = " ".join(only.astype(str).agg(" ".join, axis=1))
    # the oil and gas deal and the drones are Iran International's; Shoigu and Novak the Post's
    assert "oil and gas" in text and "Unmanned Aerial Vehicles" in text
    assert "Shoigu" in text
    assert set(stats) and all(0 <= v <= 1 for v in stats.values() if isinstance(v, float))


def test_headline_and_lead(seeds, mentions):
    hl = F.headline_lead(seeds, mentions=mentions)
    heads = hl[hl["part"] == "headline"].set_index("outlet")["text"]
    assert heads[II].startswith("Raisi, Putin Discuss") and "“genocide”" in heads[EP]
    actors = hl[hl["part"] == "headline"].set_index("outlet")["actors"].astype(str)
    assert "Ebrahim Raisi" in actors[II] and "Ebrahim Raisi" in actors[EP]
