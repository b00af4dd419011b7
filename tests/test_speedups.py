"""The compiled fast paths (newslib/_speedups.c) give exactly what the pure-Python code gives.

The pure-Python functions are the reference; each compiled function is compared with it on
real text (every BBC article, every PolNeAR document, the synthetic quote cases), on strings
built from the characters where the rules turn (abbreviations, clitics, numbers, URLs, quote
marks, line breaks, letters outside ASCII) and on arbitrary Unicode from hypothesis.
"""

from __future__ import annotations

import importlib.util
import json
import random
import shutil
import subprocess
import sys
import sysconfig

import numpy as np
import pytest
from conftest import BBC, POLNEAR, SYNTHETIC
from hypothesis import given, settings
from hypothesis import strategies as st

from newslib import _compiled, tokens
from newslib.quotes import entities as quote_entities
from newslib.quotes import words as quote_words

C = _compiled.load()
needs_c = pytest.mark.skipif(C is None, reason="newslib._speedups is not built (no C compiler) "
                                              "or NEWSLIB_PURE_PYTHON is set")

# characters and pieces where the token and sentence rules change their decision
PIECES = (list("aAbsStTdDmMlLrReEvVhwp.:-‐‑'’`\"“”‘«»„_$£€¥₹0123456789,%()[]!?…/\\ \n\t")
          + ["ſ", "é", "É", "İ", "²", "½", "٣", "ß", "http://", "https://", "www.", "n't", "N'T",
             "’s", "'S", "’ll", "U.S.", "Mr. ", "mr. ", "Dec. 7", "p.m. ", "No. 5", "Inc. ", "F. ",
             "1st", "5.5%", "$1.13bn", "But ", "the ", "The ", "BUT ", "“But ", "\n\n", "x" * 55, " Abe Lincoln ", "Al-Assad",
             "Foreign Minister ", "Mr Raisi ", "McDonald ", "O’Neill ", "Jean-Luc ", "Al Smith-Jones ", "A B ",
             " Xy Zw Qr St Uv ",
             # the accented letters of names (Latin-1, Latin Extended-A) and the signs beside them
             "ğ", "Ł", "×", "÷", "Ø", "ø", "ÿ", "Ÿ", "ĸ", "ŉ", "Ā", "ž", " José Manuel ", " Erdoğan ", "Łukasz "])


def _both(fn, *args):
    """``fn(*args)`` with the compiled module, then with pure Python."""
    saved = _compiled.C
    try:
        _compiled.C = C
        fast = fn(*args)
        _compiled.C = None
        slow = fn(*args)
    finally:
        _compiled.C = saved
    return fast, slow


def _same(text: str) -> None:
    (fs, fe, ft), (ss, se, stoks) = _both(tokens._token_arrays, text)
    assert ft == stoks and np.array_equal(fs, ss) and np.array_equal(fe, se), text
    fast, slow = _both(tokens.sentence_spans, text)
    assert fast == slow, text
    fast, slow = _both(quote_words._all_tokens, text, 5)
    assert fast == slow, text
    fast, slow = _both(quote_entities._name_sequences, text)
    assert [tuple(x) for x in fast] == [tuple(x) for x in slow], text
    fast, slow = _both(quote_words._letter_runs, text)
    assert fast == slow, text


def _real_texts() -> list[str]:
    texts = []
    if BBC.is_dir():
        texts += [p.read_bytes().decode("utf-8", "replace") for p in sorted(BBC.glob("*/*.txt"))]
    for path in (POLNEAR, SYNTHETIC):
        if path.is_file():
            texts += [json.loads(ln).get("text", "") for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return texts


@needs_c
def test_compiled_and_python_agree_on_real_news():
    texts = _real_texts()
    if not texts:
        pytest.skip("../shared is absent")
    for t in texts:
        _same(t)


@needs_c
def test_compiled_and_python_agree_where_the_rules_turn():
    rng = random.Random(7)
    for _ in range(20_000):
        _same("".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30))))


@needs_c
@settings(max_examples=400, deadline=None)
@given(st.text(max_size=200))
def test_compiled_and_python_agree_on_any_text(text):
    _same(text)


@needs_c
def test_the_corpus_tables_do_not_depend_on_the_compiled_path():
    from newslib.corpus import Article, Corpus

    text = ("Talks end\n\n“We won’t stop,” Mr. Raisi said on Dec. 7 in the U.S. capital. "
            "Trade reached $5.5bn, the Kremlin said.\nPutin told reporters that ties were strong.")
    arts = [Article(id="a", title="Talks end", text=text)]

    def tables():
        c = Corpus(arts)
        return c.sentences(), c.tokens(), c.quotes()

    fast, slow = _both(tables)
    for f, s in zip(fast, slow, strict=True):
        assert f.astype(str).equals(s.astype(str))


def test_the_compiled_path_is_built_where_a_compiler_is():
    """``make`` installs with ``pip install -e .``, which compiles newslib/_speedups.c; a build
    that fails silently (the extension is optional) would leave users on the slow path."""
    if _compiled.os.environ.get("NEWSLIB_PURE_PYTHON", "") not in ("", "0"):
        pytest.skip("NEWSLIB_PURE_PYTHON is set")
    if not (shutil.which("cc") or shutil.which("gcc")):
        pytest.skip("no C compiler here: pure Python is expected")
    assert C is not None, "newslib._speedups did not build: run `pip install -e .` and read its output"


def test_pure_python_can_be_forced(monkeypatch):
    monkeypatch.setenv("NEWSLIB_PURE_PYTHON", "1")
    assert _compiled.load() is None


@needs_c
def test_each_load_makes_its_own_module():
    """Multi-phase initialisation (PEP 489): loading the extension again executes a new module
    object, which works on its own; the module holds no state for the two to share."""
    spec = importlib.util.spec_from_file_location("newslib._speedups", C.__file__)
    again = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(again)
    assert again is not C
    assert again.letter_runs("ab, cd ab") == C.letter_runs("ab, cd ab") == {"ab", "cd"}


@needs_c
@pytest.mark.skipif(sys.version_info < (3, 12), reason="per-interpreter GILs came in Python 3.12")
def test_it_loads_in_an_interpreter_with_its_own_gil():
    """An isolated subinterpreter refuses single-phase modules and modules that do not declare
    Py_MOD_PER_INTERPRETER_GIL_SUPPORTED."""
    interpreters = pytest.importorskip("_xxsubinterpreters")
    iid = interpreters.create(isolated=True)
    try:
        interpreters.run_string(iid, "import newslib._compiled as c\n"
                                     "assert c.C.letter_runs('ab cd') == {'ab', 'cd'}")
    finally:
        interpreters.destroy(iid)


@needs_c
@pytest.mark.skipif(not sysconfig.get_config_var("Py_GIL_DISABLED"), reason="not a free-threaded Python")
def test_importing_it_leaves_the_gil_off():
    """Py_MOD_GIL_NOT_USED: a free-threaded Python keeps running without the GIL after the import
    (without the declaration it turns the GIL on and warns)."""
    code = "import newslib._compiled as c, sys; assert c.C is not None; print(sys._is_gil_enabled())"
    out = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "False"


def test_asking_for_a_missing_build_is_an_error(monkeypatch, tmp_path):
    """NEWSLIB_SPEEDUPS names a build to test (``make sanitize``): never fall back quietly."""
    monkeypatch.delenv("NEWSLIB_PURE_PYTHON", raising=False)
    monkeypatch.setenv("NEWSLIB_SPEEDUPS", str(tmp_path / "_speedups.so"))
    with pytest.raises(ImportError, match="NEWSLIB_SPEEDUPS"):
        _compiled.load()
