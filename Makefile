# The two commands of README.md: `make run` and `make test`. Both work on a fresh machine.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
export DJANGO_SETTINGS_MODULE := dualuse.settings

.PHONY: run test install lint typecheck test-sqlite test-postgres test-browser chromium bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,bench]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/dualuse migrate --no-input -v 0
	$(BIN)/dualuse demo
	@echo ""
	@echo "dualuse is running at http://127.0.0.1:8000/  (Ctrl-C stops it)"
	$(BIN)/dualuse runserver 127.0.0.1:8000 --noreload

node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch node_modules/.installed

chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@command -v chromium >/dev/null 2>&1 || { echo "chromium could not be installed (apt-get install chromium)"; exit 1; }

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy src

migrations-check: $(STAMP)
	$(BIN)/dualuse makemigrations --check --dry-run -v 1

test-sqlite: $(STAMP)
	env -u DATABASE_URL $(BIN)/pytest -m "not postgres_only"

test-postgres: $(STAMP)
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -m "not browser"

test: $(STAMP) chromium node_modules/.installed lint typecheck migrations-check test-sqlite test-postgres
	@echo "make test: all checks passed"

bench: $(STAMP)
	$(BIN)/python benchmarks/classify.py
	$(BIN)/python benchmarks/classify_quality.py
	$(BIN)/python benchmarks/screening_quality.py
	$(BIN)/python benchmarks/determine.py

clean:
	rm -rf $(VENV) var build *.egg-info
