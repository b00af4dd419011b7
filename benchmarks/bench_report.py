"""Time `newslib report` against a floor measured in the same run.

    python benchmarks/bench_report.py [--corpus PATH] [--jobs N] [--repeat N]

Floor (issue 21): papermill running the same number of notebooks, each only importing newslib,
pandas and matplotlib, and nbconvert's HTMLExporter rendering each, in --jobs processes -- the
plain way to run notebooks, none of newslib's report code. ``newslib report`` (execution, HTML
and index, --jobs at its default) on the corpus is divided by it. Also printed: the same import-only
notebooks through ``run_reports`` (what newslib's machinery costs without the notebooks' own work).
Each run is a fresh Python process (cold: imports included, as a user meets it); each figure is
the fastest of --repeat runs, the three alternating so that all meet the same phases of a shared
machine. Also prints the import time of newslib (nothing heavy may happen at
import). Default corpus: seeds/ when its article files are present, else examples/demo.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def floor_notebooks(folder: Path, n: int) -> None:
    import nbformat

    for i in range(n):
        nb = nbformat.v4.new_notebook()
        p = nbformat.v4.new_code_cell('corpus: str = "x"  # corpus\noutput_dir: str = ""  # out')
        p.metadata["tags"] = ["parameters"]
        nb.cells = [p, nbformat.v4.new_code_cell("%matplotlib inline\nimport matplotlib.pyplot as plt\n"
                                                 "import pandas as pd\n\nimport newslib")]
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, str(folder / f"{i:02d}_floor.ipynb"))


def _papermill_one(args: tuple[str, str]) -> None:
    import nbformat
    import papermill as pm
    from nbconvert import HTMLExporter

    src, out = args
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)     # the kernels' TCP warning, not on the terminal
    for attempt in range(2):     # the same one retry newslib report makes when a kernel fails to start
        try:
            pm.execute_notebook(src, out, kernel_name="python3", progress_bar=False)
            break
        except RuntimeError as exc:
            if attempt or "before replying to kernel_info" not in str(exc):
                raise
    body = HTMLExporter().from_notebook_node(nbformat.read(out, as_version=4))[0]
    Path(out).with_suffix(".html").write_text(body, encoding="utf-8")


def papermill_floor(nbs: Path, out: Path, jobs: int) -> None:
    """The floor: papermill and nbconvert over ``nbs`` in ``jobs`` fresh processes."""
    from concurrent.futures import ProcessPoolExecutor

    out.mkdir()
    args = [(str(p), str(out / p.name)) for p in sorted(nbs.glob("*.ipynb"))]
    with ProcessPoolExecutor(max_workers=jobs) as ex:
        list(ex.map(_papermill_one, args))


def _cold(args: list[str]) -> float:
    """Seconds a fresh Python process takes to run ``args`` (imports and all, as a user meets it)."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, *args], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    from newslib.report import DEFAULT_JOBS, NOTEBOOK_DIR

    seeds = ROOT / "seeds"
    default = seeds if any(seeds.glob("*.txt")) else ROOT / "examples" / "demo"
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", default=str(default))
    p.add_argument("--jobs", type=int, default=DEFAULT_JOBS, help="newslib report's default")
    p.add_argument("--repeat", type=int, default=3)
    a = p.parse_args(argv)
    bare = subprocess.run([sys.executable, "-c", "import time; t=time.perf_counter(); import newslib; "
                           "print(time.perf_counter()-t)"], capture_output=True, text=True).stdout.strip()
    n = len(list(NOTEBOOK_DIR.glob("[0-9]*.ipynb")))
    floors: list[float] = []
    machinery: list[float] = []
    reals: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "nbs").mkdir()
        floor_notebooks(tmp / "nbs", n)
        bench = f"import sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); import bench_report as b; "
        for k in range(a.repeat):     # alternating, so all meet the same phases of a shared machine
            floors.append(_cold(["-c", bench + f"b.papermill_floor(b.Path({str(tmp / 'nbs')!r}), "
                                 f"b.Path({str(tmp / f'floor{k}')!r}), {a.jobs})"]))
            machinery.append(_cold(["-c", "from newslib.report import run_reports; "
                                    f"run_reports(out={str(tmp / f'machinery{k}')!r}, "
                                    f"notebook_dir={str(tmp / 'nbs')!r}, jobs={a.jobs}, progress=False)"]))
            reals.append(_cold(["-m", "newslib.cli", "report", "--corpus", a.corpus, "--out", str(tmp / f"real{k}"),
                                "--jobs", str(a.jobs), "--quiet"]))
    floor, mach, real = min(floors), min(machinery), min(reals)

    def runs(xs: list[float]) -> str:
        return ", ".join(f"{x:.1f}" for x in xs)

    print(f"import newslib: {float(bare):.3f} s")
    print(f"corpus {a.corpus}; {n} notebooks; jobs {a.jobs}; fastest of {a.repeat} runs each, alternating")
    print(f"floor, papermill + nbconvert, notebooks that only import: {floor:.1f} s  (runs: {runs(floors)})")
    print(f"the same notebooks through newslib's run_reports:       {mach:.1f} s  (runs: {runs(machinery)}); "
          f"ratio {mach / floor:.2f}")
    print(f"newslib report --corpus {a.corpus}: {real:.1f} s  (runs: {runs(reals)})")
    print(f"ratio report / floor: {real / floor:.2f}  (target <= 1.2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
