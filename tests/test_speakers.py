"""Speakers as entities: one canonical name per person across the corpus, and a kind for each
speaker (issue 18 item 1, issue 16 item 4)."""

from __future__ import annotations

import pandas as pd
import pytest

import newslib
from newslib.corpus import Article, Corpus
from newslib.quotes import resolve_speakers, speaker_kind, speaker_name


def _corpus(*texts: str) -> Corpus:
    return Corpus([Article(id=f"a{i}", title="T", text="T\n\n" + t, outlet=f"O{i}") for i, t in enumerate(texts)])


def test_seed_speakers_are_one_person_each():
    q = newslib.load_corpus("seeds").quotes()
    raisi = q[q["speaker"].astype(str).str.contains("Raisi")]
    assert set(raisi["speaker"].astype(str)) == {"Ebrahim Raisi"}
    assert set(raisi["article_id"]) == set(q["article_id"])      # quoted in both outlets
    assert (raisi["speaker_kind"] == "person").all()
    # the mention stays as written: the reader can see what the article said
    assert "Iran’s Raisi" in set(q["mention"].astype(str))


@pytest.mark.parametrize("written, name", [
    ("Iran’s President Ebrahim Raisi", "Ebrahim Raisi"),
    ("Labour's Yvette Cooper", "Yvette Cooper"),
    ("the BBC's Paul Reynolds", "Paul Reynolds"),
    ("UK Foreign Secretary Jack Straw", "Jack Straw"),
    ("Sir Digby Jones", "Digby Jones"),
    ("On Monday Tony Blair", "Tony Blair"),
    # near misses: a description, an organisation's name, a place in an organisation's name
    ("Scotland's first minister", "Scotland's first minister"),
    ("UK Independence Party", "UK Independence Party"),
    ("Scotland Yard", "Scotland Yard"),
    ("A UK Independence Party MEP", "A UK Independence Party MEP"),
    ("Jordan Henderson", "Jordan Henderson"),
])
def test_speaker_name_drops_possessives_titles_and_places_in_front(written, name):
    assert speaker_name(written) == name


@pytest.mark.parametrize("name, kind", [
    ("Ebrahim Raisi", "person"), ("Raisi", "person"),
    ("IRNA", "organisation"), ("the Kremlin", "organisation"), ("Iran", "organisation"),
    ("Darlington Council", "organisation"), ("the Conservatives", "organisation"),
    ("analysts", "group"), ("Labour MPs", "group"), ("the MPs", "group"),
    ("he", "unresolved"), ("the company", "unresolved"), ("a spokesman", "unresolved"),
    ("the Lord Chancellor", "unresolved"), ("Nothing", "unresolved"), ("Brown's", "unresolved"),
])
def test_speaker_kind(name, kind):
    assert speaker_kind(name) == kind


def test_names_cluster_across_articles_to_the_fullest_form():
    c = _corpus("“We will win,” said George W. Bush on Monday.",
                "“The economy is strong,” George Bush said.",
                "“Taxes will fall,” Bush said.")
    q = c.quotes()
    assert q["speaker"].astype(str).tolist() == ["George W. Bush"] * 3


def test_a_surname_two_people_share_is_not_guessed():
    c = _corpus("“We will win,” said Gordon Brown.",
                "“Not so,” said Nick Brown.",
                "“Taxes will fall,” Brown said.")
    q = c.quotes()
    assert q["speaker"].astype(str).tolist() == ["Gordon Brown", "Nick Brown", "Brown"]


def test_a_surname_goes_to_the_person_of_its_own_article_first():
    c = _corpus("“We will win,” said Gordon Brown. “Taxes will fall,” Mr Brown said.",
                "“Not so,” said Nick Brown.")
    q = c.quotes()
    assert q["speaker"].astype(str).tolist() == ["Gordon Brown", "Gordon Brown", "Nick Brown"]


def test_pronouns_and_descriptions_stay_as_written_and_unresolved():
    q = pd.DataFrame({"article_id": ["a", "a", "a"], "speaker": ["the company", "they", "Ana Silva"]})
    r = resolve_speakers(q)
    assert r["speaker"].tolist() == ["the company", "they", "Ana Silva"]
    assert r["speaker_kind"].tolist() == ["unresolved", "unresolved", "person"]
