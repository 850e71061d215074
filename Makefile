# CallTally. `make run` opens the app on demo data; `make test` runs all CI runs.
GO       ?= go
BIN      := calltally
# The headless build for servers and the service: the same commands
# without the desktop app, pure Go, no X11 or OpenGL libraries needed.
COLLECTOR := calltally-collector
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS  := -s -w -X calltally.app/app/cli.Version=$(VERSION)
FUZZTIME ?= 10s
export PATH := $(PATH):/usr/local/go/bin

# Debian packages a cgo Fyne build needs (../shared/TOOLCHAIN.md).
DEB_PACKAGES := gcc libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev

.PHONY: run build collector deps test lint fuzz bench screenshots clean

run: build
	./$(BIN) demo

build: deps collector
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) .

collector:
	CGO_ENABLED=0 $(GO) build -tags nogui -ldflags "$(LDFLAGS)" -o $(COLLECTOR) .

# deps installs the Debian packages that are missing, with sudo when not root.
deps:
	@missing=""; for p in $(DEB_PACKAGES) $(EXTRA_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
		echo "installing$$missing"; \
		$$sudo apt-get update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

test: deps lint
	$(GO) test -race -count=1 ./...
	$(MAKE) --no-print-directory fuzz

lint:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt -l reports:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) vet -tags nogui ./app/cli/
	CGO_ENABLED=0 $(GO) build -tags nogui -o /dev/null .

# fuzz runs every Fuzz target of every package for FUZZTIME (see .ci/fuzz
# for why a bare coordinator deadline is retried).
fuzz:
	FUZZTIME=$(FUZZTIME) GO=$(GO) bash .ci/fuzz

# bench measures parse and import throughput (beside the sqlite3 shell's
# .import of the same calls), the call-list query on 1,000,000 calls, the
# collector's sustained tcp-listen ingest, record-to-readable latency and
# resident memory, rating and re-rating 1,000,000 calls; the desktop app's
# first screen, grid pages and dashboard on 1,000,000 calls, and exporting
# them to CSV and Excel (time and peak heap).
bench: EXTRA_PACKAGES = sqlite3
bench: deps
	$(GO) test -run '^$$' -bench . -benchtime 3x -timeout 30m ./collector/ingest/
	$(GO) test -run '^$$' -bench . -timeout 30m ./storage/ ./drivers/... ./collector/costing/
	$(GO) test -run '^$$' -bench . -benchtime 1x -timeout 30m ./collector/ ./collector/account/ ./app/cli/
	$(GO) test -run '^$$' -bench . -timeout 30m ./app/
	$(GO) test -run '^$$' -bench . -benchtime 1x -timeout 30m ./app/export/

# screenshots runs the real app in a real window under Xvfb on a fresh copy
# of the demo data and saves every screen in English, Arabic and German,
# light and dark, as docs/screenshots/PAGE-LOCALE-THEME.png.
SHOTS_DATA := $(shell mktemp -u /tmp/calltally-shots.XXXXXX)
screenshots: EXTRA_PACKAGES = xvfb xauth imagemagick
screenshots: build
	./$(BIN) --data $(SHOTS_DATA) demo --no-window >/dev/null
	./$(BIN) --data $(SHOTS_DATA) pbx add "Demo IP Office" --driver avaya-ipo --listen 127.0.0.1:1752 --tz Europe/Berlin >/dev/null
	LANG=en_US.UTF-8 xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
		./$(BIN) --data $(SHOTS_DATA) screenshots --out docs/screenshots
	rm -rf $(SHOTS_DATA)

clean:
	rm -f $(BIN) $(COLLECTOR)
