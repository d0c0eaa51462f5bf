# Two commands on a fresh Debian machine: `make run` and `make test`.
SWIFT      ?= swift
CONFIG     ?= release
BIN        := .build/$(CONFIG)/gradbook
DEB_PKGS   := libreadline-dev libopenblas-dev liblapacke-dev
NOTEBOOKS  := $(wildcard notebooks/*.gbook)

.PHONY: run test build deps unit replay bench clean

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

test: build unit replay
	bash Tests/terminal/repl_terminal_test.sh $(BIN)

unit: deps
	$(SWIFT) test -c $(CONFIG)

replay: build
	@if [ -n "$(NOTEBOOKS)" ]; then $(BIN) run $(NOTEBOOKS); else echo "no notebooks to replay"; fi

bench: build
	bash bench/run

clean:
	rm -rf .build
