# MentorDesk — make run opens the app, make test runs every test.
SHELL := /bin/bash
export LANG := C.UTF-8
export LC_ALL := C.UTF-8
export TZ := America/Los_Angeles
TAGS := migrated_fynedo
GO ?= go

# Debian packages the build and the tests need: a C compiler, the X11/GL/Wayland headers
# GLFW compiles against, poppler-utils for reading PDFs back, Xvfb for screenshots.
DEBS := gcc libgl1-mesa-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev \
	libxxf86vm-dev libwayland-dev libxkbcommon-dev poppler-utils xvfb

.PHONY: run build test vet deps screenshots documents bench crash fuzz package-linux package-windows clean

deps:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	$(GO) build -tags $(TAGS) -o mentordesk ./cmd/mentordesk

run: build
	./mentordesk

vet: deps
	$(GO) vet -tags $(TAGS) ./...

test: deps
	$(GO) vet -tags $(TAGS) ./...
	$(GO) test -tags $(TAGS) -timeout 30m ./...

screenshots: deps
	MENTORDESK_SCREENSHOTS=$(CURDIR)/docs/screens $(GO) test -tags $(TAGS) -run TestScreenshots -count=1 ./app/

# First pages of every document, made from the sample organisation, for the README.
documents: deps
	MENTORDESK_DOCS=$(CURDIR)/docs/documents $(GO) test -tags $(TAGS) -run TestDocumentPages -count=1 ./cmd/mentordesk/script/

# DESIGN §7 on the large organisation: build (or find) it, run every Go benchmark once, then
# measure each budget several times and print the table (all of it also in bench.txt). The
# window measurements need a display: without DISPLAY, xvfb-run provides one when installed,
# else Fyne's test driver stands in.
bench: deps
	set -o pipefail; MENTORDESK_BENCH=1 $(GO) test -tags $(TAGS) -run '^TestCachedLarge$$' -count=1 -v -timeout 20m ./data/demo/ | tee bench.txt
	set -o pipefail; $(GO) test -tags $(TAGS) -run '^$$' -bench . -skip '^BenchmarkFillLarge$$' -benchtime 1x -timeout 20m ./... | tee -a bench.txt
	set -o pipefail; x=(); if [ -z "$$DISPLAY" ] && command -v xvfb-run >/dev/null; then x=(xvfb-run -a -s "-screen 0 1400x900x24"); fi; \
	MENTORDESK_BENCH=1 "$${x[@]}" $(GO) test -tags $(TAGS) -run '^TestBenchTable$$' -count=1 -v -timeout 20m ./app/ | tee -a bench.txt

# The long crash run: kill -9 at random moments while issuing statements, importing and
# migrating (500 runs), and while restoring a backup (at each step, then at random) and writing
# the statements' PDFs (200 runs); every run checks that nothing was lost. About 20 minutes.
crash: deps
	set -o pipefail; MENTORDESK_CRASH_RUNS=500 $(GO) test -tags $(TAGS) -run 'TestCrashWhile(Issuing|Importing|Migrating)' -count=1 -timeout 60m -v ./data/sqlite/ | grep -E '^(---|ok|FAIL|PASS)|crash.*_test.go' | tail -20
	set -o pipefail; MENTORDESK_CRASH_RUNS=200 $(GO) test -tags $(TAGS) -run 'TestCrashWhile(Restoring|ReportingStatements)' -count=1 -timeout 60m -v ./data/sqlite/ ./cmd/mentordesk/script/ | grep -E '^(---|ok|FAIL|PASS)|crash.*_test.go' | tail -20

# Each fuzzer for a while; a crash found is saved under testdata/fuzz and fails the run.
FUZZTIME ?= 60s
fuzz: deps
	$(GO) test -run '^$$' -fuzz '^FuzzReadSessions$$' -fuzztime $(FUZZTIME) ./data/csvio/
	$(GO) test -run '^$$' -fuzz '^FuzzReadMentors$$' -fuzztime $(FUZZTIME) ./data/csvio/
	$(GO) test -run '^$$' -fuzz '^FuzzPrepare$$' -fuzztime $(FUZZTIME) ./data/photo/
	$(GO) test -run '^$$' -fuzz '^FuzzEscape$$' -fuzztime $(FUZZTIME) ./data/icsio/
	$(GO) test -run '^$$' -fuzz '^FuzzParseMoney$$' -fuzztime $(FUZZTIME) ./data/
	$(GO) test -run '^$$' -fuzz '^FuzzParseDate$$' -fuzztime $(FUZZTIME) ./data/

clean:
	rm -f mentordesk bench.txt

# Packaging. The fyne tool reads FyneApp.toml from the folder it builds; the one at the root
# names that folder in [Source] Dir, so a copy with the icon path made relative to it is put
# there for the packaging run.
FYNE := $(CURDIR)/bin/fyne
SRC := cmd/mentordesk
# The fyne tool is built for this machine first: a cross compiler in the environment of
# `go run` would build the tool itself for Windows.
$(FYNE):
	GOBIN=$(CURDIR)/bin $(GO) install fyne.io/tools/cmd/fyne@v1.7.4
define fyne-metadata
	sed -e 's#^Icon = "assets/#Icon = "../../assets/#' FyneApp.toml > $(SRC)/FyneApp.toml
endef

package-linux: deps $(FYNE)
	$(fyne-metadata)
	cd $(SRC) && $(FYNE) package --os linux --release --tags $(TAGS) --icon ../../assets/icon.png; \
		status=$$?; rm -f FyneApp.toml; exit $$status
	mkdir -p dist && mv $(SRC)/MentorDesk.tar.xz dist/
	@ls -l dist/MentorDesk.tar.xz

package-windows: deps $(FYNE)
	@dpkg -s gcc-mingw-w64-x86-64 >/dev/null 2>&1 || { SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq gcc-mingw-w64-x86-64 >/dev/null; }
	$(fyne-metadata)
	cd $(SRC) && CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc $(FYNE) package --os windows --release --tags $(TAGS) --icon ../../assets/icon.png; \
		status=$$?; rm -f FyneApp.toml; exit $$status
	mkdir -p dist && mv $(SRC)/MentorDesk.exe dist/
	@ls -l dist/MentorDesk.exe
