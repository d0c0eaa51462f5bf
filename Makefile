# Two commands on a fresh Debian machine: `make run` and `make test`.
SWIFT      ?= swift
CONFIG     ?= release
BIN        := .build/$(CONFIG)/gradbook
DEB_PKGS   := libreadline-dev libopenblas-dev liblapacke-dev libzmq3-dev
# What the tests need beyond that: qemu-user runs the binary on an emulated CPU without AVX;
# tmux drives the REPL in a real terminal.
TEST_PKGS  := qemu-user tmux
NOTEBOOKS  := $(wildcard notebooks/*.gbook)

.PHONY: run test build deps test-deps unit replay replay-only replay-cpus bench clean jupyter gateway browser

PKGS ?= $(DEB_PKGS)

run: build
	@$(BIN)

build: deps
	$(SWIFT) build -c $(CONFIG) --product gradbook

# Installs the Debian libraries only when one is missing (apt-get update first).
deps:
	@missing=""; for p in $(PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

# One build serves the unit tests, the notebook replay and the terminal test:
# `--build-tests` also builds the gradbook executable with the same flags.
test: test-deps
	$(SWIFT) build -c $(CONFIG) --build-tests
	$(SWIFT) test -c $(CONFIG) --skip-build
	@$(MAKE) --no-print-directory replay-only
	bash Tests/replay/parallel.sh $(BIN)
	@$(MAKE) --no-print-directory replay-cpus
	sh docs/notebooks/check-exports.sh $(BIN)
	bash Tests/terminal/repl_terminal_test.sh $(BIN)
	rm -rf .build/terminal-saves
	KEEP_SAVES=.build/terminal-saves bash Tests/terminal/session_replay_test.sh $(BIN)
	@TERMINAL_SAVES=$(CURDIR)/.build/terminal-saves $(MAKE) --no-print-directory jupyter
	@$(MAKE) --no-print-directory gateway
	@$(MAKE) --no-print-directory browser

test-deps:
	@$(MAKE) --no-print-directory deps PKGS="$(DEB_PKGS) $(TEST_PKGS)"

# Every notebook under each OpenBLAS kernel family this CPU can run (1 and 2 threads),
# then the binary on an emulated CPU without AVX: a notebook must replay on every machine.
replay-cpus:
	bash Tests/replay/every-cpu.sh $(BIN)
	bash Tests/replay/baseline-cpu.sh $(BIN)

unit: deps
	$(SWIFT) test -c $(CONFIG)

# The kernel driven by the real Jupyter client; the venv (.build/jupyter-venv) is
# made once and reused while Tests/jupyter/requirements.txt is unchanged.
jupyter:
	bash Tests/jupyter/run.sh $(BIN)

# Kernels behind Jupyter Kernel Gateway and Enterprise Gateway (venvs .build/gateway-venv
# and .build/eg-venv, made once per requirements file); prints the measured figures.
gateway:
	bash Tests/gateway/run.sh $(BIN)

# JupyterLab driven in headless Chromium (Debian's chromium and chromium-driver);
# skipped, saying why, when Chromium cannot be installed.
browser:
	bash Tests/browser/run.sh $(BIN)

# Notebooks replay in worker processes, one per core (gradbook run -j).
replay-only:
	@if [ -n "$(NOTEBOOKS)" ]; then $(BIN) run $(NOTEBOOKS); else echo "no notebooks to replay"; fi

replay: build replay-only

# Every benchmark, each against its peer (NumPy or CPython) in the same run.
bench: build
	bash bench/run
	BIN=$(BIN) bash bench/interp/run.sh
	bash bench/autodiff/run.sh
	bash bench/nn/run.sh
	BIN=$(BIN) sh bench/digits/run.sh
	bash bench/startup/run.sh $(BIN)
	bash bench/kernel/run.sh $(BIN)
	bash bench/replay/run.sh $(BIN)

clean:
	rm -rf .build
