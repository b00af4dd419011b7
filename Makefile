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

lab: $(STAMP)  ## open JupyterLab on notebooks/
	$(VENV)/bin/jupyter lab notebooks/

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
