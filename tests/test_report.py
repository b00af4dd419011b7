"""Batch reports that survive interruption, dead kernels, full disks and hostile run names
(issue 22 items 3 and 4), and that render a reader's notebook without its code."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
import yaml
from conftest import ROOT, make_notebook

from newslib.cli import main
from newslib.report import run_reports

RUN = """
import sys
from newslib.report import run_reports, ReportError
try:
    sys.exit(run_reports(out=sys.argv[1], notebook_dir=sys.argv[2], progress=True, jobs=int(sys.argv[3])))
except ReportError as exc:
    print(f"newslib: error: {exc}", file=sys.stderr)
    sys.exit(2)
"""


def _index(out: Path) -> dict[str, str]:
    return {r["notebook"]: r["status"] for r in json.loads((out / "index.json").read_text())}


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


@pytest.mark.slow
@pytest.mark.parametrize("sig, jobs", [(signal.SIGTERM, 1), (signal.SIGINT, 2)])
def test_an_interrupted_report_says_so_and_a_rerun_finishes_it(tmp_path, sig, jobs):
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    make_notebook(nbs, "01_quick", "x = 1")
    make_notebook(nbs, "02_slow", "import time\ntime.sleep(60)")
    make_notebook(nbs, "03_after", "y = 2")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-c", RUN, str(out), str(nbs), str(jobs)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 90
    while time.time() < deadline:        # wait until the first notebook is done
        if (out / "index.json").is_file() and _index(out).get("01_quick") == "ok":
            break
        time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("the first notebook never finished")
    time.sleep(1.0)                       # 02_slow is running now
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.strip().count("\n") == 0 and "interrupted" in err and "Traceback" not in err
    status = _index(out)
    assert status["01_quick"] == "ok" and status["02_slow"] == "interrupted"
    assert status.get("03_after") in ("interrupted", "ok")     # with two workers it may have finished
    html = (out / "index.html").read_text()
    assert "interrupted" in html and "not finished" in html
    files = _files(out)
    assert "02_slow.html" not in files and "02_slow.ipynb" not in files
    assert not [f for f in files if f.endswith((".tmp", ".running.ipynb"))]
    # the same command again finishes the job
    (nbs / "02_slow.ipynb").unlink()
    make_notebook(nbs, "02_slow", "z = 3")
    done = subprocess.run([sys.executable, "-c", RUN, str(out), str(nbs), "1"], cwd=ROOT, capture_output=True,
                          text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    assert set(_index(out).values()) == {"ok"}


def test_a_dead_kernel_is_a_failed_notebook_and_the_rest_run(tmp_path):
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    make_notebook(nbs, "01_dies", "import os\nos._exit(1)")
    make_notebook(nbs, "02_fine", "x = 1")
    out = tmp_path / "out"
    assert run_reports(out=str(out), notebook_dir=nbs, progress=False) == 1
    rows = {r["notebook"]: r for r in json.loads((out / "index.json").read_text())}
    assert rows["01_dies"]["status"] == "failed" and "kernel died" in rows["01_dies"]["error"]
    assert rows["02_fine"]["status"] == "ok" and (out / "02_fine.html").is_file()


@pytest.mark.skipif(not hasattr(__import__("resource"), "RLIMIT_FSIZE"), reason="no RLIMIT_FSIZE here")
def test_a_report_that_cannot_be_written_is_one_line_and_exit_2(tmp_path):
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    make_notebook(nbs, "01_big", "print('x' * 400_000)")
    out = tmp_path / "out"

    def limit() -> None:
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # a write past the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))

    proc = subprocess.run([sys.executable, "-c", RUN, str(out), str(nbs), "1"], cwd=ROOT, capture_output=True,
                          text=True, timeout=180, preexec_fn=limit)
    assert proc.returncode == 2, proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("newslib: error: cannot write the report"), proc.stderr
    files = _files(out)
    assert not [f for f in files if f.endswith((".tmp", ".running.ipynb"))]
    assert "01_big.html" not in files and "01_big.ipynb" not in files
    assert all(os.path.getsize(out / f) < 200_000 for f in files)


@pytest.mark.parametrize("name", ["../../escaped", "/tmp/abs", "a\x00b", "x" * 300, ".", "..", "a/b", "..hidden", ""])
def test_run_names_from_a_params_file_never_leave_out(tmp_path, capsys, name):
    import shutil

    shutil.rmtree("/tmp/abs", ignore_errors=True)      # (left by a run of the code before the fix)
    out = tmp_path / "deep" / "er" / "out"
    pf = tmp_path / "runs.yaml"
    pf.write_text(yaml.safe_dump([{"name": name, "params": {}}]))
    before = _files(tmp_path)
    code = main(["report", "--out", str(out), "--params-file", str(pf), "--notebooks", "00_start_here"])
    assert code == 2
    err = capsys.readouterr().err
    expected = "newslib: error: " + ("run name" if name else f"{pf} must be a YAML list of runs, each with a 'name'")
    assert err.startswith(expected) and err.count("\n") == 1, err
    created = _files(tmp_path) - before
    assert all(f.startswith("deep/er/out/") for f in created), created
    assert not (tmp_path / "escaped").exists() and not Path("/tmp/abs").exists()


def test_a_notebook_for_readers_renders_without_its_code(tmp_path):
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    make_notebook(nbs, "01_lesson", "secret_variable_name = 41 + 1\nprint(secret_variable_name)")
    make_notebook(nbs, "02_report", "secret_variable_name = 41 + 1\nprint(secret_variable_name)")
    p = nbs / "02_report.ipynb"
    nb = nbformat.read(str(p), as_version=4)
    nb.metadata["newslib"] = {"no_input": True}
    nbformat.write(nb, str(p))
    out = tmp_path / "out"
    assert run_reports(out=str(out), notebook_dir=nbs, progress=False) == 0
    lesson, report = (out / "01_lesson.html").read_text(), (out / "02_report.html").read_text()
    assert "secret_variable_name" in lesson             # a lesson keeps its code
    assert "secret_variable_name" not in report and "42" in report
    assert '<div class="jp-CodeMirrorEditor' in lesson and '<div class="jp-CodeMirrorEditor' not in report
    # the event report declares it
    assert nbformat.read(str(ROOT / "notebooks" / "05_event_report.ipynb"), as_version=4).metadata["newslib"]["no_input"]


def test_a_killed_kernel_is_a_failed_notebook_and_the_rest_run(tmp_path):
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    make_notebook(nbs, "01_killed", "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)")
    make_notebook(nbs, "02_fine", "x = 1")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-c", RUN, str(out), str(nbs), "1"], cwd=ROOT, capture_output=True,
                          text=True, timeout=180)
    assert proc.returncode == 1, proc.stderr
    rows = {r["notebook"]: r for r in json.loads((out / "index.json").read_text())}
    assert rows["01_killed"]["status"] == "failed" and "kernel died" in rows["01_killed"]["error"]
    assert rows["02_fine"]["status"] == "ok" and (out / "02_fine.html").is_file()
    assert "Traceback" not in proc.stderr


def test_the_terminal_gets_one_line_per_notebook_and_no_kernel_warning(tmp_path):
    """The kernels' "running over TCP without encryption" warning is not printed; each notebook's
    time is; nothing is left beside the report when the kernels had nothing to say."""
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    make_notebook(nbs, "01_a", "x = 1")
    make_notebook(nbs, "02_b", "y = 2")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-c", RUN, str(out), str(nbs), "2"], cwd=ROOT, capture_output=True,
                          text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    assert "encryption" not in proc.stderr + proc.stdout and proc.stderr == ""
    lines = proc.stdout.splitlines()
    assert any(ln.strip().startswith("01_a: ok in ") and ln.endswith(" s") for ln in lines), proc.stdout
    assert any(ln.strip().startswith("02_b: ok in ") for ln in lines), proc.stdout
    assert not [f for f in _files(out) if f.endswith(".log")]


def test_report_files_get_the_permissions_of_an_ordinary_file(tmp_path):
    """Written through a temporary file, they still get 0666 minus the umask (mkstemp's 0600
    would hide a report folder shared with colleagues)."""
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    make_notebook(nbs, "01_a", "x = 1")
    out = tmp_path / "out"
    old = os.umask(0o022)
    try:
        assert run_reports(out=str(out), notebook_dir=nbs, progress=False) == 0
    finally:
        os.umask(old)
    for name in ("01_a.html", "index.html", "index.json"):
        assert (out / name).stat().st_mode & 0o777 == 0o644, name


def test_longer_notebooks_start_first_when_several_run_at_once(tmp_path):
    from newslib.report import _longest_first

    nbs = tmp_path / "nbs"
    nbs.mkdir()
    make_notebook(nbs, "01_short", "x = 1")
    make_notebook(nbs, "02_long", "\n".join(f"x{i} = {i}" for i in range(200)))
    make_notebook(nbs, "03_mid", "\n".join(f"x{i} = {i}" for i in range(20)))
    tasks = [(str(nbs / f"{n}.ipynb"), str(tmp_path), {}, 60, False, "") for n in ("01_short", "02_long", "03_mid")]
    assert _longest_first(tasks, tmp_path) == [1, 2, 0]           # no earlier run: by code size
    (tmp_path / "index.json").write_text(json.dumps([
        {"run": "", "notebook": "01_short", "status": "ok", "seconds": 9.0},
        {"run": "", "notebook": "02_long", "status": "ok", "seconds": 1.0},
        {"run": "", "notebook": "03_mid", "status": "failed", "seconds": 3.0}]))
    assert _longest_first(tasks, tmp_path) == [0, 2, 1]           # the last run's times


WORKER_DIES = """
import os, signal, time
from concurrent.futures import ProcessPoolExecutor
from newslib import report
def work(x):
    time.sleep(x)
    return x
if __name__ == "__main__":
    signal.signal(signal.SIGTERM, report._raise_interrupt)     # as report.run installs it
    ex = ProcessPoolExecutor(2, initializer=report._quiet_on_interrupt)
    fs = [ex.submit(work, 30), ex.submit(work, 0.1)]
    time.sleep(2)
    os.kill(next(iter(ex._processes.values())).pid, signal.SIGKILL)   # one worker killed
    time.sleep(2)                                 # the pool terminates the other
    ex.shutdown(wait=False, cancel_futures=True)
"""


def test_a_worker_terminated_by_the_pool_prints_nothing(tmp_path):
    # the flaky "Process ForkProcess-2:" above the interrupted report's one line: when one worker
    # is killed the pool sends SIGTERM to the others, which inherited the parent's SIGTERM handler
    script = tmp_path / "worker_dies.py"
    script.write_text(WORKER_DIES, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert "Process ForkProcess" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
