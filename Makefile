# Two commands on a fresh Debian machine: `make run` and `make test`.
SWIFT      ?= swift
CONFIG     ?= release
BIN        := .build/$(CONFIG)/gradbook
DEB_PKGS   := libreadline-dev libopenblas-dev liblapacke-dev libzmq3-dev
NOTEBOOKS  := $(wildcard notebooks/*.gbook)

.PHONY: run test build deps unit replay replay-only bench clean jupyter

run: build
	@$(BIN)

build: deps
	$(SWIFT) build -c $(CONFIG) --product gradbook

# Installs the Debian libraries only when one is missing (apt-get update first).
deps:
	@missing=""; for p in $(DEB_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

# One build serves the unit tests, the notebook replay and the terminal test:
# `--build-tests` also builds the gradbook executable with the same flags.
test: deps
	$(SWIFT) build -c $(CONFIG) --build-tests
	$(SWIFT) test -c $(CONFIG) --skip-build
	@$(MAKE) --no-print-directory replay-only
	sh docs/notebooks/check-exports.sh $(BIN)
	bash Tests/terminal/repl_terminal_test.sh $(BIN)
	@$(MAKE) --no-print-directory jupyter

unit: deps
	$(SWIFT) test -c $(CONFIG)

# The kernel driven by the real Jupyter client; the venv (.build/jupyter-venv) is
# made once and reused while Tests/jupyter/requirements.txt is unchanged.
jupyter:
	bash Tests/jupyter/run.sh $(BIN)

replay-only:
	@if [ -n "$(NOTEBOOKS)" ]; then $(BIN) run $(NOTEBOOKS); else echo "no notebooks to replay"; fi

replay: build replay-only

# Every benchmark, each against its peer (NumPy or CPython) in the same run.
bench: build
	bash bench/run
	BIN=$(BIN) bash bench/interp/run.sh
	bash bench/autodiff/run.sh
	bash bench/nn/run.sh
	bash bench/startup/run.sh $(BIN)
	bash bench/kernel/run.sh $(BIN)

clean:
	rm -rf .build
