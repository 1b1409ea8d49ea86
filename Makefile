SWIFT ?= swift
BIN = .build/release/distillscan

.PHONY: deps build release release-pgo install test test-spark demo bench fuzz bench-templates eval-seeds fixtures clean eval-holdout


PREFIX ?= /usr/local

# The system packages the build needs (zlib, ISA-L, libcrypto, pkg-config), installed when missing.
deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product distillscan

# The release binary built with profile-guided optimisation (scripts/pgo-build.sh: an
# instrumented build, training runs, a build from their counts; ~2x a release build's
# time): the same reports, 6-9 % less CPU (docs/performance.md). In $(PGO_BIN); a toolchain
# without LLVM's profile tools gets the plain release build there, with a note.
PGO_BIN = .build-pgo/optimized/release/distillscan
release-pgo: deps
	scripts/pgo-build.sh

# The profile-guided release binary with the Swift runtime linked in (runs without a Swift
# toolchain) in $(PREFIX)/bin, its man page (argument-parser's generate-manual plugin,
# offline) in $(PREFIX)/share/man/man1, and bash, zsh and fish completions where those
# shells look. Built in .build-pgo-static, apart from the benchmark's binary.
install: deps
	mkdir -p .build-pgo-static && PGO_DIR=.build-pgo-static scripts/pgo-build.sh --static-swift-stdlib > .build-pgo-static/binary-path
	bin="$$(tail -1 .build-pgo-static/binary-path)" && \
	{ [ -x "$$bin" ] || { echo "make install: scripts/pgo-build.sh made no binary" >&2; exit 1; }; } && \
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d && \
	install -m 755 "$$bin" $(DESTDIR)$(PREFIX)/bin/distillscan && \
	"$$bin" --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/distillscan && \
	"$$bin" --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_distillscan && \
	"$$bin" --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/distillscan.fish
	rm -rf .build/man && mkdir -p .build/man
	$(SWIFT) package --allow-writing-to-package-directory generate-manual --output-directory .build/man
	install -m 644 .build/man/distillscan.1 $(DESTDIR)$(PREFIX)/share/man/man1/distillscan.1

# Unit, end-to-end and golden tests (quick: fixtures only).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel

# profile --shard as Spark tasks in local mode + tree merge + analyze == one process, byte
# for byte (installs Java and PySpark when missing; docs/scale-out.md).
test-spark: deps
	$(SWIFT) build --product distillscan
	scripts/test-spark.sh

# The analysis of the corpus shipped in Fixtures/demo, as Markdown.
demo: release
	$(BIN) analyze Fixtures/demo/logs --accounts Fixtures/demo/accounts.jsonl

# libFuzzer targets of Fuzz/ (decoder, gzip reader against zlib, accounts file, rule
# packs, report writers), FUZZ_SECONDS each (default 60); see scripts/fuzz.sh.
fuzz: deps
	scripts/fuzz.sh

# Throughput and memory against zcat and DuckDB's two-column scan on a >= 1 GB corpus (generated once under bench-corpus/).
bench: release release-pgo
	BENCH_BIN=$(PGO_BIN) scripts/bench.sh

# Loghub-2k grouping accuracy and throughput of the template miner.
bench-templates: release
	python3 scripts/loghub_ga.py ../shared/benchmarks/loghub $(BIN)

# Detection quality on fresh synthetic corpora: 10 seeds x 3 formats plus a run without the
# accounts file, real human prompts when scripts/human-prompts.sh can install them; prints
# the worst seed per format (SEEDS=, ACCOUNTS=, DAYS=, KEEP=dir to keep every report).
eval-seeds: release
	scripts/eval-seeds.sh

# Regenerate the committed fixture corpora (byte-identical for the same seeds).
fixtures: release
	scripts/fixtures.sh

clean:
	rm -rf .build .build-pgo .build-pgo-static

# Detection quality on independent hold-out corpora (scripts/holdout/gen.py; see its README).
eval-holdout: release
	scripts/holdout/eval.sh
