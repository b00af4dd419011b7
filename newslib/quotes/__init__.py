"""Quotes, reported speech and who said them — rule-based, offline, measured.

The extractor works in five passes over one article's text (offsets always index that text):

1. **Quotation spans.** Curly “…”, straight "…", ``…'' and «…» marks are paired per paragraph;
   ‘…’ single quotes count only at top level and only where they cannot be apostrophes. A quote
   left open at a paragraph end continues when the next paragraph opens with a mark (the
   newspaper convention for multi-paragraph quotes); each paragraph's piece is its own span.
2. **Outer sentences.** Quote contents are masked so that sentences are split only *outside*
   quotes: the attribution of a quote is in the writer's own words around it.
3. **Cue and speaker.** In the writer's words of that sentence the nearest reporting cue
   (``data/reporting_verbs.csv``, a colon, a dash, "according to") is found, and the speaker
   mention next to it: before the verb ("X said", skipping an apposition "X, a doctor, said"),
   after it ("said X", "according to X"), or before a colon. A quote without a cue inherits the
   previous quote's speaker when it follows closely (floating quotes).
4. **Reported speech.** In each sentence, a speech verb and the clause it reports ("told his
   counterpart that …", "…, IRNA reported.", "according to X"), without quotation marks.
5. **Resolution.** Name variants are clustered (Ebrahim Raisi / Raisi / Mr Raisi / the Iranian
   president), titles stripped, and pronouns resolved to the nearest preceding speaker.

Types: ``direct`` (a whole quoted utterance), ``partial`` (a quoted fragment in the writer's
sentence, including "what he called …"), ``indirect`` (reported speech without marks).
Short quoted words with no cue in their sentence (scare quotes, titles, nicknames) are not
returned unless ``include_scare=True``, which types them ``scare``.

Why rules and not a model: the strong tools (BBC Citron, the Gender Gap Tracker, CoreNLP)
need spaCy models or Java that cannot be installed offline; these rules are transparent, so
a student can see *why* a speaker was chosen, and they are scored in
``benchmarks/eval_quotes.py``.

The package's modules are these passes, imported one way (each only from those above it):
``words`` (tokens, mentions, word classes) → ``spans`` (pass 1) → ``entities`` (pass 5, names
and speakers as entities) → ``speakers`` (pass 3, the mention next to a cue) → ``cues`` (pass
2–3) → ``indirect`` (pass 4) → ``extract`` (the driver) → ``fidelity`` (how outlets changed
what a person said: :func:`compare_quotes`). See docs/adding_a_quote_rule.md.
"""

from __future__ import annotations

from ..lexicons import reporting_verbs, speaker_words
from .entities import (
    CLAUSE_OPENERS,
    HONORIFIC_SEX,
    KINDS,
    NAME_GAP,
    ROYAL_TITLES,
    NameResolver,
    places,
    resolve_speakers,
    speaker_kind,
    speaker_name,
)
from .extract import QUOTE_COLUMNS, extract_quotes, own_words, quotes_frame
from .fidelity import (
    EVIDENCE,
    FIDELITY_COLUMNS,
    LABELS,
    change_counts,
    compare_quotes,
    evidence,
    word_diff,
)

__all__ = ["extract_quotes", "quotes_frame", "own_words", "reporting_verbs", "speaker_words", "NameResolver", "NAME_GAP", "ROYAL_TITLES", "HONORIFIC_SEX", "CLAUSE_OPENERS", "QUOTE_COLUMNS",
           "resolve_speakers", "speaker_name", "speaker_kind", "places", "KINDS", "compare_quotes", "change_counts", "word_diff",
           "FIDELITY_COLUMNS", "LABELS", "EVIDENCE", "evidence"]
