"""Batch reports: run notebooks with papermill, render HTML with nbconvert, write an index.

Guards against the papermill pitfalls others hit: kernel ``python3`` always; the working
directory set to the notebook folder and every path passed as an absolute parameter; a
per-cell timeout; figures drawn with ``%matplotlib inline`` in the notebooks (``MPLBACKEND=Agg``
would drop them silently, so it is removed from the kernel's environment); parameters checked
against each notebook's ``parameters`` cell before anything runs; a failed notebook is
reported with its cell and error while the others still run; outputs written atomically so a
failed run never destroys a previous good report.

Interruptions: the index is written before the first notebook runs (every notebook "not run
yet") and again after each one, each file whole or not at all (temporary file and rename), so
a run stopped by Ctrl-C, SIGTERM or even SIGKILL never leaves an index that looks complete;
SIGINT and SIGTERM end the run with one line and the unfinished notebooks marked
"interrupted". A kernel that dies (``os._exit``, killed) is a failed notebook, "kernel died",
and the rest run. A report that cannot be written (disk full, file size limit, no
permission) is one line and exit status 2, with no partial file left.
"""

from __future__ import annotations

import ast
import csv
import errno
import html
import json
import os
import platform
import re
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ._io import atomic_write_text
from .corpus import PROJECT_ROOT, Corpus, CorpusError, load_corpus, resolve_corpus
from .display import plural
from .lexicons import data_rows
from .terms import article_groups

__all__ = ["DEFAULT_JOBS", "ReportError", "notebook_parameters", "parse_params", "run_reports", "run_notebook",
           "write_student_edition", "load_articles", "group_columns", "NOTEBOOK_DIR"]

NOTEBOOK_DIR = PROJECT_ROOT / "notebooks"
#: Notebooks run at once by default: one kernel per core (at most 4; each kernel holds a corpus).
DEFAULT_JOBS = max(1, min(4, os.cpu_count() or 1))


class ReportError(ValueError):
    """A user's mistake in a report request (one line)."""


def load_articles(path: str | os.PathLike, *, cache: bool = False) -> Corpus:
    """The corpus at ``path``; a :class:`CorpusError` (one line) when it holds no readable article.

    Why here, and shared with ``newslib info``: a report on a folder without articles started
    seven kernels that each failed on it (ten seconds, seven "failed" lines), where ``info``
    said it in one line. Both now say the same line, and a report says it before any kernel.
    """
    corpus = load_corpus(path, cache=cache)
    if not corpus.articles:
        reasons = "; ".join(f"{p.path}: {p.reason}" for p in corpus.problems[:3])
        raise CorpusError(f"no article found in {path}" + (f" ({reasons})" if reasons else ""))
    return corpus


#: Article columns that are never a grouping: counts (``words``, ``captions``, ``removed``), one
#: value per article that ``id`` already gives (``url``, ``source_path``), and how the outlet was
#: found (``outlet_from``). Grouping by any of them ran, and compared nothing a reader asked about.
_NOT_GROUPS = frozenset({"words", "captions", "removed", "url", "source_path", "outlet_from", "text"})
#: A metadata value longer than this (or with a line break) is text, not the label of a group.
_LABEL_CHARS = 200


def group_columns(corpus: Corpus) -> list[str]:
    """The columns of ``corpus`` that ``group_by`` may name: ``outlet, folder, date, id, title``
    and the corpus's own metadata columns whose values are short labels (``region``, ``lean``).

    Why a list of its own: the error for an unknown ``group_by`` used to offer every column of
    the article table, ``captions`` and ``removed`` (counts of lines) among them.
    """
    df = corpus.frame()
    extra = []
    for col in df.columns:
        if col in _NOT_GROUPS or col in ("id", "outlet", "date", "title", "folder"):
            continue
        values = df[col].dropna()
        if all(isinstance(v, str | int | float | bool) and len(str(v)) <= _LABEL_CHARS and "\n" not in str(v)
               for v in values):
            extra.append(col)
    return ["outlet", "folder", "date", "id", "title", *extra]


@dataclass
class Result:
    notebook: str
    run: str
    status: str = "ok"          # ok | failed | not run yet | interrupted
    seconds: float = 0.0
    error: str = ""
    cell: int | None = None
    html: str = ""
    params: dict[str, Any] = field(default_factory=dict)


def _nbformat():
    """``nbformat``, imported without ``rfc3987_syntax``.

    Why: nbformat imports jsonschema, whose format checkers import ``rfc3987_syntax`` when it is
    installed, and that module builds a Lark grammar at import: 1.0 s of a report's ~10 s, paid
    before the first kernel starts (measured with ``python -X importtime -c "import nbformat"``).
    Notebook validation never checks an IRI format (nbformat validates with fastjsonschema when
    present), so it is kept out while nbformat is imported, then allowed again for anyone else.
    """
    if "nbformat" not in sys.modules and "rfc3987_syntax" not in sys.modules:
        sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]   # import fails: skipped
        try:
            import nbformat
        finally:
            if sys.modules.get("rfc3987_syntax", False) is None:
                del sys.modules["rfc3987_syntax"]
    import nbformat

    return nbformat


def notebook_parameters(path: str | os.PathLike) -> dict[str, tuple[str, Any, str]]:
    """Parameters declared in a notebook's ``parameters`` cell: name → (type, default, help).

    Each line must read ``name: type = literal  # help``; anything else is an error.
    """
    nbformat = _nbformat()
    nb = nbformat.read(str(path), as_version=4)
    cells = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    if not cells:
        raise ReportError(f"{Path(path).name} has no cell tagged 'parameters'")
    out: dict[str, tuple[str, Any, str]] = {}
    for line in cells[0].source.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        code, _, help_ = line.partition("#")
        tree = ast.parse(code.strip())
        node = tree.body[0]
        if not isinstance(node, ast.AnnAssign) or not isinstance(node.target, ast.Name):
            raise ReportError(f"{Path(path).name}: parameters cell line is not 'name: type = value': {line!r}")
        out[node.target.id] = (ast.unparse(node.annotation), ast.literal_eval(node.value), help_.strip())
    return out


def _coerce(name: str, typ: str, raw: Any, nb: str) -> Any:
    if not isinstance(raw, str):
        value = raw
    elif typ == "str":
        return raw  # "007" stays "007"
    elif typ == "bool":
        low = raw.lower()
        if low in {"true", "1", "yes"}:
            return True
        if low in {"false", "0", "no"}:
            return False
        raise ReportError(f"parameter {name} of {nb} must be true or false, not {raw!r}")
    else:
        try:
            value = ast.literal_eval(raw)
        except (ValueError, SyntaxError):
            if typ.startswith("list"):
                value = [v.strip() for v in raw.split(",") if v.strip()]
            else:
                raise ReportError(f"parameter {name} of {nb} must be {typ}, not {raw!r}") from None
    base = typ.split("[")[0].split("|")[0].strip()
    kinds = {"int": int, "float": (int, float), "list": list, "str": str, "bool": bool, "dict": dict}
    if base in kinds and not isinstance(value, kinds[base]) and "None" not in typ:
        if base == "list" and isinstance(value, str | int | float):
            return [value]
        raise ReportError(f"parameter {name} of {nb} must be {typ}, not {raw!r}")
    return value


def parse_params(pairs: list[str]) -> dict[str, str]:
    """``["a=1", "b=x"]`` → ``{"a": "1", "b": "x"}`` (values stay strings until checked)."""
    out = {}
    for p in pairs:
        if "=" not in p:
            raise ReportError(f"parameter {p!r} is not NAME=VALUE")
        k, v = p.split("=", 1)
        out[k.strip()] = v
    return out


#: Values the notebooks support for their whole-number parameters, by name: (least, most or None).
#: Why these bounds: ``top_n`` (rows per table, bars per chart): 0 shows nothing and a negative
#: number made a negative figure size; 200 bars already make a chart 70 inches tall, and past about
#: 1,000 the figure is larger than matplotlib draws. ``ngram``: the notebook's help names 1, 2
#: and 3, and longer phrases almost never repeat across outlets (on the seeds 4 leaves no term to
#: compare). ``min_count``: a term rarer than 1 is no term. ``max_chars``: 0 shows an ellipsis
#: and no text. ``max_articles``, ``max_pairs``: 0 shows none (the notebooks say so); a negative
#: number sliced from the end and silently dropped the last ones. ``kwic_lines``: 0 shows every
#: line; a negative number has no meaning.
_RANGES: dict[str, tuple[int, int | None]] = {
    "top_n": (1, 200), "ngram": (1, 3), "min_count": (1, None), "max_chars": (1, None),
    "max_articles": (0, None), "max_pairs": (0, None), "kwic_lines": (0, None),
}
#: Parameters naming a CSV file, with the names that stand for a shipped table instead.
_FILES: dict[str, tuple[str, ...]] = {
    "frame_lexicon": ("generic", "policy"), "policy_lexicon": ("generic", "policy"), "actor_aliases": (),
}
#: The columns each file parameter's table needs (a shipped table of another kind, or any CSV,
#: passed the name check and failed inside the notebook, or gave a lexicon of empty rows).
_COLUMNS: dict[str, tuple[str, ...]] = {
    "frame_lexicon": ("term", "frame"), "policy_lexicon": ("term", "frame"), "actor_aliases": ("actor", "kind", "alias"),
}


def _check_value(name: str, typ: str, value: Any, nb: str) -> Any:
    """``value`` once it is known to be one the notebook supports; a file parameter's path made
    absolute (the kernel runs in the notebook folder, not where the command was typed)."""
    if name in _RANGES and typ == "int" and isinstance(value, int):
        low, high = _RANGES[name]
        if value < low or (high is not None and value > high):
            allowed = f"from {low} to {high}" if high is not None else f"at least {low}"
            raise ReportError(f"parameter {name} of {nb} must be {allowed}, not {value}")
    if name in _FILES and typ == "str" and value not in ("", *_FILES[name]):
        path = Path(value).expanduser()
        own = path.suffix == ".csv" and path.is_file()
        shipped = "/" not in value and os.sep not in value and resources.files("newslib.data").joinpath(value).is_file()
        if not own and not shipped:     # "frames_policy.csv": the shipped table of that name
            names = "".join(f"{n}, " for n in _FILES[name]) or "empty (the shipped table), "
            raise ReportError(f"parameter {name} of {nb} must be {names}or an existing .csv file; "
                              f"{value!r} is neither")
        try:
            rows = data_rows(path if own else value)
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise ReportError(f"parameter {name} of {nb}: cannot read {value!r} ({exc.__class__.__name__})") from None
        missing = [c for c in _COLUMNS[name] if not rows or c not in rows[0]]
        if missing:
            raise ReportError(f"parameter {name} of {nb}: {value!r} lacks the column{'s' if len(missing) > 1 else ''} "
                              f"{', '.join(missing)} (its table needs {', '.join(_COLUMNS[name])})")
        return str(path.resolve()) if own else value
    return value


def _check(nb_path: Path, given: dict[str, Any]) -> dict[str, Any]:
    declared = notebook_parameters(nb_path)
    unknown = sorted(set(given) - set(declared))
    if unknown:
        raise ReportError(f"unknown parameter(s) {', '.join(unknown)} for {nb_path.name}; "
                          f"valid: {', '.join(declared)}")
    return {k: _check_value(k, declared[k][0], _coerce(k, declared[k][0], v, nb_path.name), nb_path.name)
            for k, v in given.items()}


def _compare_names(compare: list[Any]) -> list[str]:
    """The group names a ``compare`` value uses: names, or pairs of names (as the notebooks'
    :func:`newslib.notebook.choose_pairs` reads it)."""
    if compare and all(isinstance(c, list | tuple) for c in compare):
        return [str(x) for c in compare if len(c) == 2 for x in c]
    return [str(c) for c in compare]


def _check_with_corpus(corpus: Corpus, where: str, nb: str, declared: dict[str, tuple[str, Any, str]],
                       given: dict[str, Any]) -> None:
    """Check what only the corpus can tell (a ``group_by`` column, ``compare`` groups, article
    ids) before any kernel starts: each of these failed inside the notebooks, one by one."""
    by = given.get("group_by", declared.get("group_by", ("str", "outlet", ""))[1])
    if "group_by" in given:
        columns = group_columns(corpus)
        if by not in columns:
            raise ReportError(f"parameter group_by of {nb} must be a column of {where} that makes groups, "
                              f"not {by!r}; choose one of: {', '.join(columns)}")
    if given.get("compare"):
        groups = sorted(set(article_groups(corpus, by).values()))
        # one article, or one group (articles are compared instead): the notebook sets compare aside
        if len(corpus) > 1 and len(groups) > 1:
            unknown = [n for n in dict.fromkeys(_compare_names(given["compare"])) if n not in groups]
            if unknown:
                shown = ", ".join(groups[:12]) + (f" and {len(groups) - 12} more" if len(groups) > 12 else "")
                which = "which is not a group" if len(unknown) == 1 else "which are not groups"
                raise ReportError(f"parameter compare of {nb} names {', '.join(map(repr, unknown))}, {which} "
                                  f"of {where} by {by}; the groups are: {shown}")
    for name in ("article_a", "article_b"):
        if given.get(name):
            ids = {a.id for a in corpus.articles}
            if given[name] not in ids:
                raise ReportError(f"parameter {name} of {nb} names no article of {where}: {given[name]!r}")


def _failure(nb: Any) -> tuple[int | None, str]:
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return i, f"{out.get('ename')}: {str(out.get('evalue', '')).splitlines()[-1] if out.get('evalue') else ''}"
    return None, ""


#: Arguments given to every kernel. ``log_level=ERROR``: the kernel's "Kernel is running over TCP
#: without encryption" warning (ipykernel, on every start) is not printed; its errors still are.
#: No input history: a batch run does not fill the user's IPython history, and kernels running at
#: once do not wait on each other's lock of ``history.sqlite``.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR", "--HistoryManager.enabled=False"]


class _KernelStderrToFile:
    """Send file descriptor 2 (inherited by the kernel process) to a log file while a notebook
    runs, so what a kernel prints there (a crash, a C library's complaint) does not spill on the
    user's terminal; the log stays beside the report, and only when there is something in it."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> None:
        sys.stderr.flush()
        self.saved = os.dup(2)
        self.fh = open(self.path, "wb")  # noqa: SIM115 - closed in __exit__
        os.dup2(self.fh.fileno(), 2)

    def __exit__(self, *exc: object) -> None:
        sys.stderr.flush()
        os.dup2(self.saved, 2)
        os.close(self.saved)
        self.fh.close()
        try:
            if self.path.stat().st_size == 0:
                self.path.unlink()
        except OSError:
            pass


def run_notebook(nb_path: str | os.PathLike, out_dir: str | os.PathLike, params: dict[str, Any], *,
                 timeout: int = 600, no_input: bool = False, run: str = "") -> Result:
    """Execute one notebook with papermill into ``out_dir`` and render it as HTML."""
    nbformat = _nbformat()
    import papermill as pm

    nb_path, out_dir = Path(nb_path), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    res = Result(notebook=nb_path.stem, run=run, params={k: v for k, v in params.items()})
    final_ipynb = out_dir / f"{nb_path.stem}.ipynb"
    tmp_ipynb = out_dir / f".{nb_path.stem}.running.ipynb"
    import logging

    logging.getLogger("papermill").setLevel(logging.ERROR)
    # a run stopped by Ctrl-C or SIGTERM kills the kernel under nbclient's watcher task, whose
    # "Kernel died" then reaches asyncio's "exception never retrieved" log at exit: a traceback
    # after our one-line message. The notebook's own outcome is recorded from the exception.
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    env_backup = os.environ.pop("MPLBACKEND", None)
    t0 = time.perf_counter()
    try:
        for attempt in range(3):
            try:
                with _KernelStderrToFile(out_dir / f".{nb_path.stem}.kernel.log"):
                    pm.execute_notebook(str(nb_path), str(tmp_ipynb), parameters=params, kernel_name="python3",
                                        cwd=str(nb_path.parent), execution_timeout=timeout, progress_bar=False,
                                        log_output=False, request_save_on_cell_execute=False,
                                        extra_arguments=KERNEL_ARGUMENTS, shutdown_kernel="immediate")
                break
            except pm.PapermillExecutionError as exc:
                res.status, res.cell = "failed", exc.exec_count
                res.error = f"{exc.ename}: {str(exc.evalue).splitlines()[-1] if exc.evalue else ''}"
                break
            except OSError as exc:
                if exc.errno in _WRITE_ERRORS:
                    raise _write_error(out_dir, exc) from None
                res.status, res.error = "failed", f"{type(exc).__name__}: {exc}"
                break
            except Exception as exc:  # noqa: BLE001 - kernel start races, timeouts: reported
                if attempt < 2 and ("ZMQ" in type(exc).__name__ + str(exc)
                                     or "before replying to kernel_info" in str(exc)):
                    continue    # the kernel failed to start (a port race seen with two at once): no cell ran
                res.status = "failed"
                if "DeadKernel" in type(exc).__name__ or "Kernel died" in str(exc):
                    res.error = "kernel died (the notebook's process ended: os._exit, killed, or out of memory)"
                else:
                    res.error = f"{type(exc).__name__}: {str(exc).strip().splitlines()[-1] if str(exc).strip() else ''}"
                break
    except BaseException:
        tmp_ipynb.unlink(missing_ok=True)      # an interrupted run leaves no half-written notebook
        raise
    finally:
        if env_backup is not None:
            os.environ["MPLBACKEND"] = env_backup
    res.seconds = time.perf_counter() - t0
    if tmp_ipynb.exists():
        nb = nbformat.read(str(tmp_ipynb), as_version=4)
        if res.status == "ok":
            cell, err = _failure(nb)
            if err:
                res.status, res.cell, res.error = "failed", cell, err
        # a notebook written for readers who do not code declares it renders without its code
        hide = no_input or bool(nb.metadata.get("newslib", {}).get("no_input"))
        body = _exporter(hide).from_notebook_node(nb)[0]
        suffix = "" if res.status == "ok" else ".failed"
        html_path = out_dir / f"{nb_path.stem}{suffix}.html"
        try:
            atomic_write_text(html_path, body)
            os.replace(tmp_ipynb, final_ipynb if res.status == "ok" else out_dir / f"{nb_path.stem}.failed.ipynb")
        except OSError as exc:
            tmp_ipynb.unlink(missing_ok=True)
            if exc.errno in _WRITE_ERRORS:
                raise _write_error(out_dir, exc) from None
            raise
        res.html = html_path.name
        if res.status == "ok":
            # a failure's copies from an earlier run are stale beside the report that replaces
            # them; a failure keeps the last good report (and the index says it is older)
            for stale in (f"{nb_path.stem}.failed.html", f"{nb_path.stem}.failed.ipynb"):
                (out_dir / stale).unlink(missing_ok=True)
    return res


_WRITE_ERRORS = {errno.EFBIG, errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM}
_EXPORTERS: dict[bool, Any] = {}
#: nbconvert's lab template, with a code cell's highlighted source not passed through bleach
#: (``clean_html``): Pygments escapes every character of the source it highlights, so cleaning
#: changes nothing (the HTML of the seven notebooks is byte-identical) and costs a fifth of the
#: conversion. Markdown cells and outputs are treated exactly as by ``HTMLExporter``.
_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{% block input %}
<div class="jp-CodeMirrorEditor jp-Editor jp-InputArea-editor" data-type="inline">
     <div class="cm-editor cm-s-jupyter">
{{ cell.source | highlight_code(metadata=cell.metadata) }}
     </div>
</div>
{%- endblock input %}
"""


def _exporter(no_input: bool):
    """One nbconvert exporter per process and setting: building it and its first conversion load
    and compile the templates (0.3 s), which later notebooks of the same process reuse."""
    if no_input not in _EXPORTERS:
        from jinja2 import DictLoader
        from nbconvert import HTMLExporter

        _EXPORTERS[no_input] = HTMLExporter(
            exclude_input=no_input, exclude_input_prompt=no_input, exclude_output_prompt=no_input,
            extra_loaders=[DictLoader({"newslib_report.html.j2": _TEMPLATE})],
            template_file="newslib_report.html.j2")
    return _EXPORTERS[no_input]


def _write_error(where: Path, exc: OSError) -> ReportError:
    return ReportError(f"cannot write the report to {where}: {exc.strerror or type(exc).__name__}")


def _run_one(args: tuple) -> Result:
    return run_notebook(*args[:3], timeout=args[3], no_input=args[4], run=args[5])


_RUN_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


def _check_run_name(name: str, params_file: str) -> None:
    """A run's name becomes a folder under --out: a plain name only ("bbc_2024", "run-1").
    Rejected rather than cleaned up: "../../escaped" or "/etc" silently turned into some other
    folder would put a report where its author does not look for it."""
    if not _RUN_NAME_RE.fullmatch(name) or name in {".", ".."} or ".." in name:
        shown = name.encode("unicode_escape").decode("ascii")[:60]
        raise ReportError(f"run name {shown!r} in {params_file} must be a plain folder name "
                          "(letters, digits, '.', '_', '-'; at most 100), not a path")


def _runs_from(params_file: str | None, corpus: str | None, params: dict[str, str]) -> list[dict[str, Any]]:
    if not params_file:
        run = {"name": "", "params": dict(params)}
        if corpus is not None:
            run["params"]["corpus"] = corpus
        return [run]
    import yaml

    try:
        data = yaml.safe_load(Path(params_file).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ReportError(f"cannot read params file {params_file}: {exc.__class__.__name__}") from None
    if not isinstance(data, list) or not all(isinstance(r, dict) and r.get("name") for r in data):
        raise ReportError(f"{params_file} must be a YAML list of runs, each with a 'name'")
    runs = []
    for r in data:
        _check_run_name(str(r["name"]), params_file)
        p = {k: (str(v) if isinstance(v, str) else v) for k, v in (r.get("params") or {}).items()}
        p.update(params)
        if r.get("corpus") or corpus:
            p["corpus"] = str(r.get("corpus") or corpus)
        runs.append({"name": str(r["name"]), "params": p})
    return runs


def _writable_folder(out: str | os.PathLike) -> Path:
    """``out`` as an absolute folder, created, that a file can be written in; else one line.

    Why shared: ``newslib student --out <a file>`` ended in a 15-line FileExistsError traceback
    where ``newslib report`` said "cannot write to …" for the same mistake.
    """
    root = Path(out).expanduser().resolve()
    try:
        root.mkdir(parents=True, exist_ok=True)
        probe = root / ".write-test"
        probe.write_text("")
        probe.unlink()
    except OSError as exc:
        raise ReportError(f"cannot write to {root}: {exc.strerror or exc.__class__.__name__}") from None
    return root


def _corpus_of(rp: dict[str, Any], declared: dict[Path, dict[str, tuple[str, Any, str]]],
               nb_dir: Path) -> tuple[str, str | None]:
    """(the corpus as the user named it, its absolute path or None) for a run's checks.

    Without a ``corpus`` parameter the notebooks read their default (``seeds``), found by
    :func:`newslib.corpus.resolve_corpus` from the notebook folder, as the notebooks find it;
    it is checked the same way. A default found nowhere (a notebook of one's own that loads no
    corpus) is not checked: the notebook decides what to do with it.
    """
    if "corpus" in rp:
        return str(rp["corpus"]), str(Path(str(rp["corpus"])).expanduser().resolve())
    defaults = [d["corpus"][1] for d in declared.values() if "corpus" in d and isinstance(d["corpus"][1], str)]
    if not defaults or not defaults[0]:
        return "", None
    try:
        return defaults[0], resolve_corpus(defaults[0], cwd=nb_dir)
    except CorpusError:
        return defaults[0], None


def run_reports(*, corpus: str | None = None, out: str = "reports", notebooks: list[str] | None = None,
                params: list[str] | None = None, params_file: str | None = None, jobs: int = 1,
                no_input: bool = False, timeout: int = 600, progress: bool = True,
                notebook_dir: str | os.PathLike | None = None, notebook_filter=None) -> int:
    """Run the notebooks and write ``OUT/<nb>.html`` and ``OUT/index.html``; 0 when all pass.

    Every mistake a user can make in the request (a notebook, a parameter, the corpus, the
    output folder, ``jobs``, ``timeout``) is a :class:`ReportError` raised before any kernel
    starts: found inside the notebooks it cost a run and came back as one failure per notebook.
    """
    if jobs < 1:
        raise ReportError(f"jobs (notebooks run at once) must be at least 1, not {jobs}")
    if timeout < 1:
        raise ReportError(f"timeout (seconds per cell) must be at least 1, not {timeout}")
    nb_dir = Path(notebook_dir) if notebook_dir else NOTEBOOK_DIR
    available = sorted(p for p in nb_dir.glob("[0-9]*.ipynb"))
    if notebooks:
        chosen = []
        for name in notebooks:
            match = [p for p in available if p.stem == name or p.name == name or p.stem.startswith(name + "_")]
            if not match:
                raise ReportError(f"unknown notebook {name!r}; available: {', '.join(p.stem for p in available)}")
            chosen.extend(match)
        available = chosen
    runs = _runs_from(params_file, corpus, parse_params(params or []))
    out_root = _writable_folder(out)
    declared = {nb: notebook_parameters(nb) for nb in available}
    valid = sorted({k for d in declared.values() for k in d})
    tasks = []
    corpora: dict[tuple[str, bool], Corpus] = {}    # each corpus read once, whatever the runs
    for run in runs:
        unknown = sorted(set(run["params"]) - set(valid))
        if unknown:
            raise ReportError(f"unknown parameter(s) {', '.join(unknown)}; valid: {', '.join(valid)}")
        rp = dict(run["params"])
        if "corpus" in rp:
            cpath = Path(str(rp["corpus"])).expanduser().resolve()
            if not cpath.exists():
                raise ReportError(f"corpus not found: {rp['corpus']}")
        run_dir = (out_root / run["name"]).resolve() if run["name"] else out_root
        if run_dir != out_root and out_root not in run_dir.parents:
            raise ReportError(f"run {run['name']!r} would write outside {out_root}")
        # a parameter applies to the notebooks that declare it; every chosen notebook's are
        # checked, also those notebook_filter leaves out of this run
        checked = {nb: _check(nb, {k: v for k, v in rp.items() if k in declared[nb]}) for nb in available}
        where, corpus_path = _corpus_of(rp, declared, nb_dir)
        if corpus_path is not None:
            cache = any(checked[nb].get("cache") is True for nb in available)
            key = (corpus_path, cache)
            if key not in corpora:
                try:
                    corpora[key] = load_articles(where if "corpus" in rp else corpus_path, cache=cache)
                except CorpusError as exc:
                    raise ReportError(str(exc)) from None
            for nb in available:
                _check_with_corpus(corpora[key], where, nb.name, declared[nb], checked[nb])
        if "corpus" in rp:
            rp["corpus"] = str(cpath)
        for nb in available:
            if notebook_filter is not None and not notebook_filter(run["name"], nb.stem):
                continue
            p = dict(checked[nb])
            if "corpus" in p:
                p["corpus"] = rp["corpus"]
            if "interactive" in declared[nb] and "interactive" not in rp:
                p["interactive"] = False  # no browser in a batch run: draw the static views
            p["output_dir"] = str(run_dir / f"{nb.stem}_files")
            tasks.append((str(nb), str(run_dir), p, timeout, no_input, run["name"]))
    corpora.clear()     # the checks are done: the kernels read the corpus themselves
    t0 = time.perf_counter()
    pending = {i: Result(notebook=Path(t[0]).stem, run=t[5], status="not run yet",
                         params={k: v for k, v in t[2].items()}) for i, t in enumerate(tasks)}
    done: dict[int, Result] = {}

    def index(status_of_rest: str | None = None) -> None:
        rest = [(r if status_of_rest is None else Result(**{**asdict(r), "status": status_of_rest}))
                for i, r in pending.items() if i not in done]
        ordered = [done[i] for i in sorted(done)] + rest
        try:
            write_index(out_root, ordered, corpus=corpus, seconds=time.perf_counter() - t0)
        except OSError as exc:
            if exc.errno in _WRITE_ERRORS:
                raise _write_error(out_root, exc) from None
            raise

    order = _longest_first(tasks, out_root) if jobs > 1 else None    # (reads the previous index)
    index()     # before any notebook: a run stopped now leaves an index saying so
    old_term = signal.signal(signal.SIGTERM, _raise_interrupt) if _main_thread() else None
    try:
        for i, r in _execute(tasks, jobs, order):
            done[i] = r
            index()
            if progress:
                print(f"  {r.run + '/' if r.run else ''}{r.notebook}: {r.status} in {r.seconds:.1f} s", flush=True)
    except KeyboardInterrupt:
        index("interrupted")
        print(f"newslib: interrupted; {len(done)} of {plural(len(tasks), 'notebook')} finished, the rest are marked "
              f"interrupted in {out_root / 'index.html'}; run the same command again to finish", file=sys.stderr)
        return 130
    finally:
        if old_term is not None:
            signal.signal(signal.SIGTERM, old_term)
    results = [done[i] for i in sorted(done)]
    failed = [r for r in results if r.status != "ok"]
    for r in failed:
        where = f"cell {r.cell}" if r.cell is not None else "before any cell"
        print(f"newslib: {r.run + '/' if r.run else ''}{r.notebook} failed at {where}: {r.error}", file=sys.stderr)
    print(f"{len(results) - len(failed)} of {plural(len(results), 'notebook')} ok in {time.perf_counter() - t0:.1f} s; "
          f"index: {out_root / 'index.html'}")
    return 1 if failed else 0


def _raise_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt     # SIGTERM ends a run the way Ctrl-C does: index first, one line


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _longest_first(tasks: list[tuple], out_root: Path) -> list[int]:
    """Task indices, the longest notebook first, so that with several processes the last to
    finish is a short one (on the seeds, two processes: the run ends ~1 s sooner than in name
    order). Length: the time the previous run in ``out_root`` took when it ran them all, else
    the size of the notebook's code (which orders the seven notebooks' times on the seeds)."""
    try:
        before = {(r["run"], r["notebook"]): float(r["seconds"])
                  for r in json.loads((out_root / "index.json").read_text(encoding="utf-8"))
                  if r.get("status") in ("ok", "failed")}
    except (OSError, ValueError, TypeError, KeyError):
        before = {}
    keys = [(t[5], Path(t[0]).stem) for t in tasks]
    if all(k in before for k in keys):
        size = [before[k] for k in keys]
    else:
        size = [float(_code_size(t[0])) for t in tasks]
    return sorted(range(len(tasks)), key=lambda i: -size[i])


def _code_size(nb_path: str) -> int:
    try:
        cells = json.loads(Path(nb_path).read_text(encoding="utf-8")).get("cells", [])
        return sum(len("".join(c.get("source", ""))) for c in cells if c.get("cell_type") == "code")
    except (OSError, ValueError, AttributeError):
        return 0


def _execute(tasks: list[tuple], jobs: int, order: list[int] | None = None):
    """(task index, result) as each notebook finishes; in ``jobs`` processes when asked, started
    in ``order`` (task indices). On an interruption the worker processes and their kernels are
    stopped."""
    if jobs <= 1 or len(tasks) <= 1:
        for i, t in enumerate(tasks):
            yield i, _run_one(t)
        return
    from concurrent.futures import as_completed

    ex = ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), initializer=_quiet_on_interrupt)
    try:
        futures = {ex.submit(_run_one, tasks[i]): i for i in (order or range(len(tasks)))}
        for fut in as_completed(futures):
            yield futures[fut], fut.result()
    except BaseException:
        for proc in list(getattr(ex, "_processes", {}).values()):
            _kill_tree(proc.pid)
        ex.shutdown(wait=False, cancel_futures=True)
        raise
    ex.shutdown()


def _quiet_on_interrupt() -> None:
    """In a worker: Ctrl-C (sent to the whole process group by a terminal) ends it without the
    "Process ForkProcess-2:" traceback; the parent reports the interruption in one line and
    stops the kernels. (A handler, not SIG_IGN, which the kernels would inherit.) SIGTERM gets
    its default back: a forked worker inherits the parent's handler, which raises
    KeyboardInterrupt, and the pool terminates its other workers when one is killed — that
    raised in an idle worker and printed "Process ForkProcess-2:" above newslib's one line."""
    signal.signal(signal.SIGINT, lambda *_: os._exit(130))
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _kill_tree(pid: int) -> None:
    """Stop a worker and the kernels it started (their parent is the worker)."""
    try:
        import psutil

        proc = psutil.Process(pid)
        children = proc.children(recursive=True)
        proc.kill()     # the worker first: a kernel dying under it would make it raise and print
        for child in children:
            child.kill()
    except Exception:  # noqa: BLE001 - already gone, or psutil missing: the pool ends it
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def _earlier_reports(out_root: Path, results: list[Result]) -> list[tuple[str, str]]:
    """(link, when written) of each notebook report in ``out_root`` (and its runs' folders) that
    none of ``results`` wrote: files a reused folder keeps from an earlier run.

    Why listed and not deleted: a notebook that fails keeps its last good report by design, and
    a run of some notebooks (``--notebooks``) leaves the others' reports; but a folder holding
    reports the index did not mention read as if they were this run's.
    """
    ours = {(Path(r.run) / r.html).as_posix() if r.run else r.html for r in results if r.html}
    found = [p for p in out_root.glob("[0-9]*.html")]
    for sub in out_root.iterdir() if out_root.is_dir() else ():
        if sub.is_dir() and not sub.name.endswith("_files") and not sub.name.startswith("."):
            found += sub.glob("[0-9]*.html")
    out = []
    for p in sorted(found):
        link = p.relative_to(out_root).as_posix()
        if link not in ours:
            try:
                out.append((link, time.strftime("%Y-%m-%d %H:%M", time.localtime(p.stat().st_mtime))))
            except OSError:
                continue    # removed meanwhile
    return out


def write_index(out_root: Path, results: list[Result], *, corpus: str | None, seconds: float) -> Path:
    """Write ``index.html`` (every value escaped) and ``index.json`` atomically.

    ``index.json`` lists this run's notebooks only (its shape is what scripts and the next run's
    scheduling read); ``index.html`` also lists, apart, the reports in the folder from an earlier
    run, so any report file that ``index.json`` does not name is older than this run.
    """
    import importlib.metadata as md

    versions = {}
    for pkg in ("newslib", "pandas", "matplotlib", "nltk", "papermill", "nbconvert"):
        try:
            versions[pkg] = md.version(pkg)
        except md.PackageNotFoundError:
            versions[pkg] = "?"
    e = html.escape
    rows = []
    for r in results:
        link = (Path(r.run) / r.html).as_posix() if r.run else r.html
        color = {"ok": "#1a7f37", "not run yet": "#6e7781", "interrupted": "#9a6700"}.get(r.status, "#cf222e")
        params = ", ".join(f"{k}={v!r}" for k, v in r.params.items() if k != "output_dir")
        rows.append(f"<tr><td>{e(r.run)}</td><td><a href=\"{e(link, quote=True)}\">{e(r.notebook)}</a></td>"
                    f"<td style=\"color:{color};font-weight:bold\">{e(r.status)}</td><td>{r.seconds:.1f} s</td>"
                    f"<td>{e(r.error)}{' (cell ' + str(r.cell) + ')' if r.cell is not None else ''}</td>"
                    f"<td><code>{e(params)}</code></td></tr>")
    earlier = _earlier_reports(out_root, results)
    older = ""
    if earlier:
        older = ("<h2>From an earlier run</h2><p>This run did not write these reports; they are kept as "
                 "they were (a notebook that failed keeps its last good report).</p>"
                 "<table><tr><th>report</th><th>written</th></tr>"
                 + "".join(f"<tr><td><a href=\"{e(link, quote=True)}\">{e(link)}</a></td><td>{e(when)}</td></tr>"
                           for link, when in earlier) + "</table>")
    doc = f"""<!doctype html><html><head><meta charset="utf-8"><title>newslib reports</title>
<style>body{{font-family:system-ui,sans-serif;margin:2em;max-width:70em}}td,th{{padding:.3em .8em;text-align:left;vertical-align:top}}
tr:nth-child(even){{background:#f6f8fa}}</style></head><body>
<h1>newslib reports</h1>
<p>Corpus: <code>{e(str(corpus or 'notebook defaults'))}</code> · {plural(len(results), 'notebook')} ·
{sum(r.status == 'ok' for r in results)} ok · {sum(r.status == 'failed' for r in results)} failed ·
{sum(r.status not in ('ok', 'failed') for r in results)} not finished · {seconds:.1f} s ·
{e(time.strftime('%Y-%m-%d %H:%M'))}</p>
<table><tr><th>run</th><th>notebook</th><th>status</th><th>time</th><th>error</th><th>parameters</th></tr>
{''.join(rows)}</table>
{older}
<p>Versions: {e(', '.join(f'{k} {v}' for k, v in versions.items()))}; Python {e(platform.python_version())}</p>
</body></html>"""
    atomic_write_text(out_root / "index.json", json.dumps([asdict(r) for r in results], indent=1, default=str))
    return atomic_write_text(out_root / "index.html", doc)


def write_student_edition(notebook_dir: str | os.PathLike, out: str | os.PathLike) -> list[Path]:
    """Copy every notebook without cells tagged ``solution`` and without outputs."""
    nbformat = _nbformat()
    src = Path(notebook_dir)
    if not src.is_dir():
        raise ReportError(f"notebook folder not found: {src}")
    dst = _writable_folder(out)
    written = []
    for nb_path in sorted(src.glob("*.ipynb")):
        nb = nbformat.read(str(nb_path), as_version=4)
        cells = []
        for c in nb.cells:
            if "solution" in c.get("metadata", {}).get("tags", []):
                continue
            if c.cell_type == "code":
                c.outputs, c.execution_count = [], None
            cells.append(c)
        nb.cells = cells
        try:
            written.append(atomic_write_text(dst / nb_path.name, nbformat.writes(nb)))
        except OSError as exc:
            if exc.errno in _WRITE_ERRORS:
                raise _write_error(dst, exc) from None
            raise
    return written
