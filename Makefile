# Quick start: `make demo` and `make test`. Each creates .venv and installs what it needs.
PYTHON ?= $(shell for p in python3.12 python3.11 python3.10 python3; do \
            if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(not ((3,10) <= sys.version_info[:2] <= (3,12)))' 2>/dev/null; then echo $$p; break; fi; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install bench clean

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "riskengine needs Python 3.10, 3.11 or 3.12 (durable_rules 2.0.28 does not import on 3.13)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/riskengine validate rulesets/
	$(BIN)/python examples/demo.py

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Throughput side by side with the durable_rules ceiling and the peer engines (zen-engine, rule-engine:
# the bench extra), then memory; tables on stdout, JSON in benchmarks/results/. About 5 minutes.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/memory.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
