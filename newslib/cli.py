"""The ``newslib`` command: ``info``, ``quotes``, ``report``, ``student``.

A user's mistake (missing path, empty corpus, unreadable metadata, bad parameter) prints one
line on stderr and exits with status 2; tracebacks are kept for real bugs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import pandas as pd

from .corpus import CorpusError
from .notebook import plural
from .report import DEFAULT_JOBS, ReportError, load_articles, run_reports, write_student_edition

__all__ = ["main"]


class UserError(Exception):
    """A mistake in what the user asked for; printed as one line."""


def _cmd_info(args: argparse.Namespace) -> int:
    corpus = load_articles(args.path)  # (the one line report gives for a corpus without articles)
    df = corpus.frame()[["id", "outlet", "date", "title", "words"]]
    out = sys.stdout
    with_pd_opts = {"display.max_colwidth": 60, "display.width": 200, "display.max_rows": None}
    with pd.option_context(*[x for kv in with_pd_opts.items() for x in kv]):
        out.write(f"{plural(len(corpus), 'article')}, {plural(int(df['words'].sum()), 'word')}\n")
        out.write(df.to_string(index=False) + "\n")
        if corpus.problems:
            out.write(f"\n{plural(len(corpus.problems), 'problem')}\n")
            out.write(corpus.problems_frame().to_string(index=False) + "\n")
        else:
            out.write("\nno problems\n")
    return 0


def _cmd_quotes(args: argparse.Namespace) -> int:
    corpus = load_articles(args.path)  # (the one line report gives for a corpus without articles)
    df = corpus.quotes()
    # (the outlet beside each quote: the table is for comparing outlets, and its rows name articles)
    df.insert(1, "outlet", df["article_id"].map(corpus.frame().set_index("id")["outlet"]).astype(str))
    if args.format == "csv":
        sys.stdout.write(df.to_csv(index=False))
    else:
        sys.stdout.write(df.to_json(orient="records", lines=True, force_ascii=False))
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    try:
        return run_reports(corpus=args.corpus, out=args.out, notebooks=args.notebooks,
                           params=args.param, params_file=args.params_file, jobs=args.jobs,
                           no_input=args.no_input, timeout=args.timeout, progress=not args.quiet)
    except ReportError as exc:
        raise UserError(str(exc)) from None


def _cmd_student(args: argparse.Namespace) -> int:
    try:
        paths = write_student_edition(args.notebooks_dir, args.out)
    except ReportError as exc:
        raise UserError(str(exc)) from None
    print(f"wrote {plural(len(paths), 'student notebook')} to {args.out}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newslib", description="Compare how outlets frame an event.")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("info", help="list the articles of a corpus and the problems met")
    s.add_argument("path")
    s.set_defaults(func=_cmd_info)
    s = sub.add_parser("quotes", help="extract quotes from every article")
    s.add_argument("path")
    s.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    s.set_defaults(func=_cmd_quotes)
    s = sub.add_parser("report", help="run every notebook and write HTML reports")
    s.add_argument("--corpus", default=None, help="corpus path (default: each notebook's default, seeds/)")
    s.add_argument("--out", default="reports")
    s.add_argument("--notebooks", nargs="+", default=None, help="notebook names (default: all)")
    s.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE")
    s.add_argument("--params-file", default=None, help="YAML list of named runs")
    s.add_argument("--jobs", type=int, default=DEFAULT_JOBS,
                   help=f"notebooks run at once (default {DEFAULT_JOBS}: the machine's cores, at most 4)")
    s.add_argument("--no-input", action="store_true", help="reader's edition: hide code")
    s.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    s.add_argument("--quiet", action="store_true", help="no line per notebook")
    s.set_defaults(func=_cmd_report)
    s = sub.add_parser("student", help="write a student edition (no solutions, no outputs)")
    s.add_argument("--notebooks-dir", default="notebooks")
    s.add_argument("--out", default="student")
    s.set_defaults(func=_cmd_student)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (CorpusError, UserError) as exc:
        print(f"newslib: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newslib: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
