"""The word lists and tables shipped in ``newslib/data/``, read in one place.

Every file there opens with ``#`` lines naming its source (provenance travels with the data,
as in wordfreq and ftfy); the readers here skip those lines, so a user's own copy of a file
can carry its own provenance too. Modules parse what they need from these readers (the
cleaning rules compile ``boilerplate.csv``, the tokeniser normalises the stopwords) but never
open a data file themselves: one reader per format, one place to look when a list changes.

>>> reporting_verbs()["accused"]
('accuse', 'critical', False)
>>> "president" in speaker_words()["titles"]
True
"""

from __future__ import annotations

import csv
import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["data_digest", "data_lines", "data_rows", "data_text", "given_names", "known_organisations",
           "reporting_verbs", "speaker_words"]


def data_text(name: str) -> str:
    """The text of the shipped data file ``name`` (``"stopwords_en.txt"``)."""
    return resources.files("newslib.data").joinpath(name).read_text(encoding="utf-8")


def data_lines(name: str) -> list[str]:
    """The stripped, non-empty, non-comment lines of a shipped list.

    >>> data_lines("abbreviations.txt")[0]
    'mr title'
    """
    return [ln.strip() for ln in data_text(name).splitlines() if ln.strip() and not ln.startswith("#")]


def data_rows(name_or_path: str | Path) -> list[dict[str, str]]:
    """Rows of a CSV table: a user's ``.csv`` file when the path exists, else the shipped file
    of that name. Comment lines (``#``) and blank lines are skipped.

    >>> data_rows("hedges.csv")[0].keys() >= {"term", "kind"}
    True
    """
    p = Path(name_or_path)
    if p.suffix == ".csv" and p.exists():
        raw = p.read_text(encoding="utf-8")
    else:
        raw = data_text(str(name_or_path))
    return list(csv.DictReader(ln for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")))


def data_digest() -> str:
    """One digest of every shipped list and table: a cached table is stale when it moves."""
    h = hashlib.sha256()
    data = resources.files("newslib.data")
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".csv", ".txt")):
            h.update(entry.name.encode())
            h.update(entry.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=1)
def reporting_verbs() -> dict[str, tuple[str, str, bool]]:
    """Map each reporting-verb form to ``(lemma, class, introduces_speech)``
    (``data/reporting_verbs.csv``).

    >>> reporting_verbs()["said"]
    ('say', 'neutral', True)
    """
    out: dict[str, tuple[str, str, bool]] = {}
    for row in data_rows("reporting_verbs.csv"):
        for form in row["forms"].split("|"):
            out[form] = (row["lemma"], row["class"], row["speech"] in ("1", "2"))
    return out


@lru_cache(maxsize=1)
def clause_only_verbs() -> frozenset[str]:
    """Forms that report a clause but never cue a quotation (speech = 2 in
    ``data/reporting_verbs.csv``): "the survey showed that …" is an attribution, but a
    quotation after "X said the survey showed that …" is X's, not the survey's.

    >>> "showed" in clause_only_verbs(), "said" in clause_only_verbs()
    (True, False)
    """
    return frozenset(form for row in data_rows("reporting_verbs.csv") if row["speech"] == "2"
                     for form in row["forms"].split("|"))


@lru_cache(maxsize=1)
def speaker_words() -> dict[str, frozenset[str]]:
    """Sections of ``data/speaker_words.txt``: ``titles`` (stripped from names; ``occupations``
    too, which are also kept apart: "singer", "striker" name no office), ``groups``
    (nouns that can speak: "analysts"), ``pronouns``, ``women`` / ``men`` / ``people`` (nouns
    for a person, for he/she), ``organisations`` (last words of names he/she never stands
    for); the framing module uses them too.

    >>> "analysts" in speaker_words()["groups"]
    True
    """
    sections: dict[str, set[str]] = {}
    cur = None
    for ln in data_lines("speaker_words.txt"):
        if ln.startswith("["):
            cur = ln.strip("[]")
            sections[cur] = set()
        elif cur:
            sections[cur].add(ln.lower())
    sections["titles"] |= sections.get("occupations", set())    # stripped from names as titles are
    return {k: frozenset(v) for k, v in sections.items()}


@lru_cache(maxsize=1)
def known_organisations() -> frozenset[str]:
    """Organisations news names bare, whose names look like anything else ("Reuters", "Apple",
    "Goldman Sachs", "the Pentagon"): ``data/organisations.txt``, as written in copy.

    >>> "Reuters" in known_organisations(), "Morgan" in known_organisations()
    (True, False)
    """
    return frozenset(data_lines("organisations.txt"))


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Given name → the pronoun news most often uses for its bearers: ``data/given_names.csv``
    (written for newslib), then the names of the 1990 US Census it lacks
    (``data/given_names_us_census.csv``, filtered as its header says), with "either": they say
    a word is a given name, not whose.

    >>> given_names().get("sarah"), given_names().get("kimberly")
    ('she', 'either')
    """
    names = {r["name"]: r["pronoun"] for r in data_rows("given_names_us_census.csv")}
    names.update((r["name"], r["pronoun"]) for r in data_rows("given_names.csv"))
    return names
