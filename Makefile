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

.PHONY: run build test test-zoneinfo vet deps screenshots documents bench crash fuzz package-linux package-windows clean \
	windows-deps build-windows test-windows winres

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

# The whole suite again under Go's own zone database, the one Windows and macOS builds read
# (Linux reads the system's): zone code that passes on one may spin or differ on the other.
# -count=1: the test cache does not know that ZONEINFO changes the results, and would replay
# the results of `make test`.
test-zoneinfo: deps
	ZONEINFO="$$($(GO) env GOROOT)/lib/time/zoneinfo.zip" $(GO) test -count=1 -tags $(TAGS) -timeout 30m ./...

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

# Windows, cross-built here with mingw-w64. Every Windows build, `go build` or these targets,
# carries the icon (16, 32, 48 and 256 px), the version and the manifest (Windows 10, per-user,
# no administrator) from the committed cmd/mentordesk/rsrc_windows_amd64.syso: `make winres`
# remakes it when the icon or the version in FyneApp.toml changes. MentorDesk.exe is the window
# program (no console window); mentordesk-cli.exe is the same program as a console program, for
# cmd.exe, PowerShell and scheduled tasks, where it waits and returns the exit code.
VERSION := $(shell sed -n 's/^Version = "\(.*\)"/\1/p' FyneApp.toml)
BUILDNO := $(shell sed -n 's/^Build = //p' FyneApp.toml)
WIN_ENV := CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc
WIN_DIST := dist/windows
WIN_DEBS := gcc-mingw-w64-x86-64 nsis

windows-deps:
	@missing=""; for p in $(WIN_DEBS) $(EXTRA_DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get -o DPkg::Lock::Timeout=900 update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get -o DPkg::Lock::Timeout=900 install -y -qq $$missing >/dev/null; \
	fi

build-windows: windows-deps
	mkdir -p $(WIN_DIST)
	$(WIN_ENV) $(GO) build -tags $(TAGS) -ldflags "-H windowsgui -s -w" -o $(WIN_DIST)/MentorDesk.exe ./cmd/mentordesk
	$(WIN_ENV) $(GO) build -tags $(TAGS) -ldflags "-s -w" -o $(WIN_DIST)/mentordesk-cli.exe ./cmd/mentordesk

# The installer (NSIS): per-user, Start-menu entry, uninstaller. Signed with osslsigncode when
# WINDOWS_SIGN_PFX (a PKCS#12 file) and WINDOWS_SIGN_PASSWORD are set; unsigned otherwise, and
# SmartScreen then warns on first start (README).
WIN_SETUP := dist/MentorDesk-$(VERSION)-setup.exe
define sign-windows
	@if [ -n "$$WINDOWS_SIGN_PFX" ]; then \
		for f in $(1); do \
			osslsigncode sign -pkcs12 "$$WINDOWS_SIGN_PFX" -pass "$$WINDOWS_SIGN_PASSWORD" -n MentorDesk \
				-t http://timestamp.digicert.com -h sha256 -in $$f -out $$f.signed && mv $$f.signed $$f || exit 1; \
		done; \
	else echo "notice: WINDOWS_SIGN_PFX is not set; $(1) left unsigned"; fi
endef

package-windows: build-windows
	$(call sign-windows,$(WIN_DIST)/MentorDesk.exe $(WIN_DIST)/mentordesk-cli.exe)
	makensis -V2 -DVERSION=$(VERSION) -DVERSION4=$(VERSION).$(BUILDNO) -DSRC=$(CURDIR)/$(WIN_DIST) \
		-DOUT=$(CURDIR)/$(WIN_SETUP) build/windows/installer.nsi
	$(call sign-windows,$(WIN_SETUP))
	@ls -l $(WIN_SETUP)

# Remakes the Windows resources from assets/icon.png and FyneApp.toml (needs ImageMagick).
winres:
	for s in 16 32 48 256; do convert assets/icon.png -resize $${s}x$${s} -depth 8 -strip PNG32:build/windows/icons/icon-$$s.png; done
	convert build/windows/icons/icon-16.png build/windows/icons/icon-32.png build/windows/icons/icon-48.png \
		build/windows/icons/icon-256.png build/windows/mentordesk.ico
	$(GO) run github.com/tc-hib/go-winres@v0.3.3 make --in build/windows/winres.json --arch amd64 \
		--file-version $(VERSION).$(BUILDNO) --product-version $(VERSION).$(BUILDNO) --out cmd/mentordesk/rsrc

# The Windows build under Wine: the headless commands run by the Linux and the Windows build
# side by side, their CSV, PDF and calendar files compared byte for byte (build/windows/wine/
# smoke.sh). The Wine prefix is kept between runs in WINEPREFIX.
WINEPREFIX ?= $(HOME)/.cache/mentordesk/wine
WIN_TEST_DIR ?= $(or $(TMPDIR),/tmp)/mentordesk-test-windows
test-windows: EXTRA_DEBS := wine wine64
test-windows: deps build-windows
	$(GO) build -tags $(TAGS) -o $(WIN_TEST_DIR)/linux/mentordesk ./cmd/mentordesk
	GOOS=windows GOARCH=amd64 $(GO) test -c -o $(WIN_TEST_DIR)/filemsg_test.exe ./data/filemsg/
	WINEPREFIX=$(WINEPREFIX) build/windows/wine/smoke.sh $(WIN_TEST_DIR) $(WIN_TEST_DIR)/linux/mentordesk $(WIN_DIST)
