# Two commands: `make serve` and `make test`. Both create .venv/ from the lock.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build lint format lock bench lighthouse clean

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and \
	  "Python 3.11+ is needed; run: make PYTHON=python3.11 ...")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check \
	  -r requirements.lock
	touch $(STAMP)

serve: $(STAMP)  ## live site on http://127.0.0.1:8000
	$(BIN)/mkdocs serve -a 127.0.0.1:8000 --livereload

test: $(STAMP) lint  ## everything: snippets, strict build, site, browser
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

build: $(STAMP)
	$(BIN)/mkdocs build --strict

lock: $(STAMP)  ## re-resolve requirements.lock from pyproject.toml
	$(BIN)/python -m pip install -q uv
	$(BIN)/uv pip compile pyproject.toml --extra test --extra bench --universal \
	  --python-version 3.11 -o requirements.lock

bench: $(STAMP)  ## run every benchmark (torch is used when installed)
	for f in $(wildcard benchmarks/bench_*.py); do $(BIN)/python $$f || exit 1; done

lighthouse: build  ## Lighthouse 12 mobile scores of the built site (needs npm)
	npm ci --no-audit --no-fund
	$(BIN)/python benchmarks/lighthouse.py site 3

clean:
	rm -rf site .cache
