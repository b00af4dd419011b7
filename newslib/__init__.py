"""newslib: compare how news outlets frame the same event.

>>> import newslib
>>> [t for t, _, _ in newslib.tokenize("Raisi met Putin.")]
['Raisi', 'met', 'Putin', '.']
"""

from __future__ import annotations

import logging

from .corpus import Article, Corpus, CorpusError, Problem, load_corpus
from .tokens import sentence_spans, split_sentences, stopwords, tokenize

__version__ = "0.1.0"

__all__ = [
    "Article", "Corpus", "CorpusError", "Problem", "load_corpus", "tokenize", "sentence_spans",
    "split_sentences", "stopwords", "extract_quotes", "__version__",
]


def extract_quotes(text: str, **kwargs):  # noqa: ANN201 - thin lazy re-export
    """Quotes in ``text``; see :func:`newslib.quotes.extract_quotes`."""
    from .quotes import extract_quotes as _eq

    return _eq(text, **kwargs)


logging.getLogger(__name__).addHandler(logging.NullHandler())
