"""newslib: compare how news outlets frame the same event.

>>> import newslib
>>> [t for t, _, _ in newslib.tokenize("Raisi met Putin.")]
['Raisi', 'met', 'Putin', '.']
"""

from __future__ import annotations

import logging

from ._version import __version__
from .corpus import Article, Corpus, CorpusError, Problem, load_corpus
from .quotes import extract_quotes
from .tokens import sentence_spans, split_sentences, stopwords, tokenize

__all__ = [
    "Article", "Corpus", "CorpusError", "Problem", "load_corpus", "tokenize", "sentence_spans",
    "split_sentences", "stopwords", "extract_quotes", "__version__",
]


logging.getLogger(__name__).addHandler(logging.NullHandler())
