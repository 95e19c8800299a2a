# Two commands: `make serve` and `make test`. Each creates .venv/ from a lock:
# serve installs what building the site needs (requirements.lock); test adds
# the test and benchmark tools (requirements-test.lock: the same pins, plus
# theirs). uv, pinned in requirements.lock, installs them (pip if uv cannot
# be had); every later run reinstalls only when a lock changed.
PYTHON ?= python3
ADDR   ?= 127.0.0.1:8000
VENV   := .venv
BIN    := $(VENV)/bin
SITE   := $(VENV)/.installed-site
TESTS  := $(VENV)/.installed-test
PIP    := $(BIN)/python -m pip install -q --disable-pip-version-check
UV      = $(shell grep -m1 '^uv==' requirements.lock)
COMPILE = $(BIN)/uv pip compile pyproject.toml --universal \
	  --python-version 3.11 -q --custom-compile-command "make lock"
export NO_MKDOCS_2_WARNING := 1

# $(1): the lock to install into .venv/ (created first if missing)
define install
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and \
	  "Python 3.11+ is needed; run: make PYTHON=python3.11 ...")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	($(PIP) "$(UV)" && $(BIN)/uv pip install -q --python $(BIN)/python \
	  --compile-bytecode -r $(1)) || $(PIP) -r $(1)
endef

.PHONY: serve test build lint format lock bench lighthouse clean

$(SITE): requirements.lock pyproject.toml
	$(call install,requirements.lock)
	touch $@

$(TESTS): requirements.lock requirements-test.lock pyproject.toml
	$(call install,requirements-test.lock)
	touch $@ $(SITE)

serve: $(SITE)  ## live site on http://127.0.0.1:8000 (or ADDR=host:port)
	$(BIN)/mkdocs serve -a $(ADDR) --livereload

test: $(TESTS) lint  ## everything: snippets, strict build, site, browser
	$(BIN)/python -m pytest

lint: $(TESTS)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(TESTS)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

build: $(SITE)
	$(BIN)/mkdocs build --strict

lock: $(SITE)  ## re-resolve both locks from pyproject.toml
	$(COMPILE) --extra tools -o requirements.lock
	$(COMPILE) --extra tools --extra test --extra bench \
	  -c requirements.lock -o requirements-test.lock

bench: $(TESTS)  ## run every benchmark (torch is used when installed)
	for f in $(wildcard benchmarks/bench_*.py); do $(BIN)/python $$f || exit 1; done

lighthouse: build  ## Lighthouse 12 mobile scores of the built site (needs npm)
	npm ci --no-audit --no-fund
	$(BIN)/python benchmarks/lighthouse.py site 3

clean:
	rm -rf site .cache
