# newslib: the two set-up commands are `make report` and `make test` (see README.md).
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.newslib-installed
CORPUS ?= seeds
OUT    ?= reports
JOBS   ?= 2

.PHONY: report test lab student lint bench eval clean

$(STAMP): pyproject.toml newslib/_speedups.c
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

report: $(STAMP)  ## run every notebook on $(CORPUS) and write HTML to $(OUT)/
	$(VENV)/bin/newslib report --corpus "$(CORPUS)" --out $(OUT) --jobs $(JOBS)

test: $(STAMP)  ## the whole test suite (notebooks included)
	$(PY) -m pytest

# JupyterLab saves outputs (and every edit) into the notebooks it opens, so `make lab` opens
# working copies in $(LAB_DIR)/ (git-ignored by its own .gitignore), never the tracked notebooks.
# A copy is refreshed only when the original changed and the copy was not (your edits are kept);
# `make lab LAB_FROM=student` works on the student edition. The notebooks find seeds/ from there.
LAB_FROM ?= notebooks
LAB_DIR  ?= work
lab: $(STAMP)  ## open JupyterLab on working copies of the notebooks (in work/)
	$(PY) -m newslib.notebook "$(LAB_FROM)" "$(LAB_DIR)"
	$(VENV)/bin/jupyter lab "$(LAB_DIR)"

student: $(STAMP)  ## student edition of every notebook (no solutions, no outputs) in student/
	$(VENV)/bin/newslib student --out student

lint: $(STAMP)
	$(VENV)/bin/ruff check newslib tests benchmarks notebooks

bench: $(STAMP)
	$(PY) benchmarks/bench_pipeline.py
	$(PY) benchmarks/bench_report.py

eval: $(STAMP)
	$(PY) benchmarks/eval_quotes.py

clean:
	rm -rf $(OUT) student .pytest_cache

# The C fast path under AddressSanitizer and UndefinedBehaviorSanitizer: newslib/_speedups.c (or
# SAN_SRC, a scratch copy) is built into build/sanitize/ (the regular build stays in place), with
# -DNEWSLIB_CHECK_BOUNDS (every character read checks its index), and tests/test_speedups*.py
# compare it with the pure-Python reference under it; the first report stops the run.
# PYTHONMALLOC=malloc gives each str its own allocation, so ASan sees a read past one;
# detect_leaks=0 because CPython keeps objects alive at exit by design. About a minute.
.PHONY: sanitize
sanitize: SAN_CC ?= gcc
sanitize: SAN_SRC ?= newslib/_speedups.c
sanitize: $(STAMP)  ## the C fast path under ASan + UBSan against the Python reference (gcc)
	@mkdir -p build/sanitize
	$(SAN_CC) -shared -fPIC -O1 -g -Wall -fsanitize=address,undefined -fno-omit-frame-pointer \
	  -fno-sanitize-recover=all -DNEWSLIB_CHECK_BOUNDS \
	  -I"$$($(PY) -c 'import sysconfig; print(sysconfig.get_paths()["include"])')" \
	  $(SAN_SRC) -o build/sanitize/_speedups.so
	LD_PRELOAD="$$($(SAN_CC) -print-file-name=libasan.so)" PYTHONMALLOC=malloc \
	  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
	  UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1 \
	  NEWSLIB_SPEEDUPS=build/sanitize/_speedups.so NEWSLIB_FUZZ_EXAMPLES=1000 \
	  $(PY) -m pytest -q -p no:cacheprovider --capture=sys tests/test_speedups.py tests/test_speedups_props.py
