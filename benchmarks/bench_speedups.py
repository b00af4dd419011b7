"""Time the compiled fast path (newslib/_speedups.c) against the pure-Python reference, in one run.

    python benchmarks/bench_speedups.py [--corpus PATH] [--repeat 5] [--cython]

Prints ``Corpus.prepare()`` (sentences, tokens and quotes, ``NEWSLIB_JOBS=1``: one process) and
each function the C replaces, for the pure-Python path and the C path, as seconds and as the
ratio to pure Python in the same run. ``--cython`` adds a third path: the reference itself
(``newslib/tokens.py`` and the modules of ``newslib/quotes/``) compiled by Cython in pure-Python mode, built
from a copy in a temporary folder (about 45 s; needs ``pip install cython``) — the option issue
17 weighed against keeping the C. Each path runs in its own process; the processes alternate
round by round so that every path meets the same phases of a shared machine, and each figure
is the fastest of ``--repeat`` rounds (other work only ever adds time); the slowest round's
``prepare()`` is printed beside it as the spread.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "corpora" / "bbc"
FUNCTIONS = ["tokens._token_arrays", "tokens.sentence_spans", "quotes.words._all_tokens",
             "quotes.entities._name_sequences", "quotes.words._letter_runs"]
#: The quote extractor's modules, compiled by --cython (its __init__ only re-exports them).
QUOTE_MODULES = ["words", "spans", "entities", "speakers", "cues", "indirect", "extract", "fidelity"]


def worker(path: str, runs: int) -> None:
    """In a fresh process: the fastest of ``runs`` prepare() calls, then of each function over
    every article; prints JSON."""
    import newslib
    from newslib import _compiled, tokens
    from newslib.corpus import Corpus
    from newslib.quotes import entities, words

    articles = list(newslib.load_corpus(path).articles)
    texts = [a.text for a in articles]
    out: dict[str, float | str | bool] = {"module": tokens.__file__, "C": _compiled.C is not None}
    best = float("inf")
    for _ in range(runs):
        c = Corpus(articles)
        t = time.perf_counter()
        c.prepare()
        best = min(best, time.perf_counter() - t)
    out["prepare"] = best
    mods = {"tokens": tokens, "quotes.words": words, "quotes.entities": entities}
    for name in FUNCTIONS:
        mod, fn = name.rsplit(".", 1)
        f = getattr(mods[mod], fn)
        args = (0,) if fn == "_all_tokens" else ()
        best = float("inf")
        for _ in range(runs):
            t = time.perf_counter()
            for x in texts:
                f(x, *args)
            best = min(best, time.perf_counter() - t)
        out[name] = best
    print(json.dumps(out))


def build_cython(into: Path) -> Path:
    """A copy of the package with tokens.py and the quote modules compiled by Cython (pure-Python mode:
    the same source, no annotations needed); the C extension is left out."""
    src = HERE.parent / "newslib"
    pkg = into / "newslib"
    shutil.copytree(src, pkg, ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyd"))
    files = ["newslib/tokens.py", *(f"newslib/quotes/{m}.py" for m in QUOTE_MODULES)]
    script = ("from setuptools import setup\nfrom Cython.Build import cythonize\n"
              f"setup(ext_modules=cythonize({files!r}, "
              "language_level=3, quiet=True), script_args=['build_ext', '--inplace', '-q'])\n")
    subprocess.run([sys.executable, "-c", script], cwd=into, check=True, capture_output=True)
    return into


def run(mode: str, path: str, runs: int, cython_dir: Path | None) -> dict:
    env = {**os.environ, "NEWSLIB_JOBS": "1"}
    env.pop("NEWSLIB_SPEEDUPS", None)
    if mode == "C":
        env.pop("NEWSLIB_PURE_PYTHON", None)
    else:
        env["NEWSLIB_PURE_PYTHON"] = "1"
    if mode == "Cython reference":
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(cython_dir), env.get("PYTHONPATH")]))
    out = subprocess.run([sys.executable, __file__, "--worker", path, "--repeat", str(runs)],
                         env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", default=str(DEFAULT))
    p.add_argument("--repeat", type=int, default=5, help="rounds; the fastest is kept")
    p.add_argument("--cython", action="store_true", help="also time the Cython-compiled reference")
    p.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.worker:
        worker(a.worker, 2)
        return 0
    if not Path(a.corpus).exists():
        print(f"corpus not found: {a.corpus}")
        return 2
    modes = ["pure Python", "C"]
    with tempfile.TemporaryDirectory() as tmp:
        cython_dir = None
        if a.cython:
            try:
                import Cython  # noqa: F401
            except ImportError:
                print("--cython needs Cython: pip install cython")
                return 2
            t = time.perf_counter()
            cython_dir = build_cython(Path(tmp))
            print(f"Cython build of tokens.py + quotes/: {time.perf_counter() - t:.0f} s")
            modes.append("Cython reference")
        rounds: dict[str, list[dict]] = {m: [] for m in modes}
        for _ in range(a.repeat):
            for m in modes:   # alternate: each path meets the same phases of the machine
                rounds[m].append(run(m, a.corpus, 2, cython_dir))
    if not rounds["C"][0]["C"]:
        print("newslib._speedups is not built: run `pip install -e .` with a C compiler present")
        return 2
    best = {m: {k: min(r[k] for r in rs) for k in ["prepare", *FUNCTIONS]} for m, rs in rounds.items()}
    worst = {m: max(r["prepare"] for r in rs) for m, rs in rounds.items()}
    base = best["pure Python"]
    print(f"corpus: {a.corpus}; one process (NEWSLIB_JOBS=1); fastest of {a.repeat} alternating "
          f"rounds of 2 runs each; speed-up = pure-Python seconds / seconds\n")
    print(f"{'':<26}" + "".join(f"{m:>24}" for m in modes))
    for k in ["prepare", *FUNCTIONS]:
        label = "Corpus.prepare()" if k == "prepare" else k
        cells = "".join(f"{best[m][k]:>12.3f} s {base[k] / best[m][k]:>8.2f}x" for m in modes)
        print(f"{label:<26}{cells}")
    print(f"{'  prepare(), slowest round':<26}" + "".join(f"{worst[m]:>12.3f} s{'':>10}" for m in modes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
