#!/usr/bin/env bash
# The Windows build's headless commands under Wine, side by side with the Linux build: demo,
# import, export, statements issue, report, calendar, backup and check; every CSV, PDF and
# calendar file the two write must be the same bytes. Then the window program's console (a
# command run from cmd.exe prints and returns its exit code), and a file held open the way
# Excel holds it.
#
# smoke.sh WORKDIR LINUX_BINARY WINDOWS_DIST   (WINEPREFIX: the Wine prefix to use or make)
set -euo pipefail
work=$1 linux=$(realpath "$2") dist=$(realpath "$3")
here=$(cd "$(dirname "$0")" && pwd)
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" # no Mono or Gecko prompts
: "${WINEPREFIX:?WINEPREFIX must name the Wine prefix}"
export WINEPREFIX
start=$(date +%s)

# The prefix: made once (the slow, cold part), then reused. Wine 8 lacks Windows 10's
# bcryptprimitives.dll, whose ProcessPrng Go's runtime needs: a test-only stand-in goes into
# the prefix's system32, where the runtime looks for it.
if [ ! -f "$WINEPREFIX/system.reg" ]; then
	echo "making the Wine prefix $WINEPREFIX (first run)"
	mkdir -p "$WINEPREFIX"
	wineboot --init >/dev/null 2>&1
	wineserver --wait
fi
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$work/bcryptprimitives.dll" "$here/bcryptprimitives.c" -ladvapi32
cp "$work/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"

rm -rf "$work/linux-run" "$work/windows-run"
mkdir -p "$work/linux-run" "$work/windows-run"
cli="$dist/mentordesk-cli.exe"

# The same command line in each build's own folder; the exit codes must agree.
both() {
	local want=$1; shift
	local l w
	(cd "$work/linux-run" && "$linux" --db org.db "$@" >stdout.txt 2>stderr.txt) && l=0 || l=$?
	(cd "$work/windows-run" && wine "$cli" --db org.db "$@" >stdout.txt 2>stderr.txt) && w=0 || w=$?
	if [ "$l" != "$want" ] || [ "$w" != "$want" ]; then
		echo "FAIL: $* — exit $l on Linux, $w on Windows, want $want"
		sed 's/^/  linux: /' "$work/linux-run/stderr.txt"; sed 's/^/  windows: /' "$work/windows-run/stderr.txt"
		exit 1
	fi
	echo "ok   $*"
}

both 0 demo
both 0 settings get org.timezone
for kind in mentors checks contracts calendars schools instructors classrooms events sessions applicants payments; do
	both 0 export "$kind" "export-$kind.csv"
done
# An import into a second, empty organisation, from the first one's files.
for kind in calendars schools instructors classrooms events mentors checks contracts sessions applicants; do
	both 0 --db copy.db import "$kind" "export-$kind.csv"
done
both 0 --db copy.db export sessions copy-sessions.csv
both 0 statements issue --through 2027-06-30
both 0 export payments payments-after-issue.csv
both 0 report roster --on 2026-11-22 --out roster.pdf
both 0 report statement --number 1 --out statement-1.pdf
both 0 report contract --mentor zoe.lukasiewicz@example.org --year 2026-27 --out contract.pdf
mkdir -p "$work/linux-run/statements" "$work/windows-run/statements"
both 0 report statements --out statements --through 2026-12-31
both 0 calendar --mentor zoe.lukasiewicz@example.org --out zoe.ics
both 0 backup org-backup.db
both 0 --db org-backup.db check
both 0 check
both 1 import mentors no-such-file.csv
both 2 no-such-command

# Every file written must be the same bytes under both builds.
compared=0
while IFS= read -r -d '' f; do
	rel=${f#"$work/linux-run/"}
	if ! cmp -s "$f" "$work/windows-run/$rel"; then
		echo "FAIL: $rel differs between the Linux and the Windows build"
		exit 1
	fi
	compared=$((compared + 1))
done < <(find "$work/linux-run" -type f \( -name '*.csv' -o -name '*.pdf' -o -name '*.ics' -o -name '*.jpg' \) -print0 | sort -z)
echo "ok   $compared CSV, PDF, calendar and photo files identical under Linux and Windows"

# The window program run from cmd.exe with a command prints its messages and returns its code.
out=$(cd "$work/windows-run" && wine cmd /c "$(winepath -w "$dist/MentorDesk.exe") --db org.db settings get org.name & echo exit=%errorlevel%" 2>&1 | tr -d '\r' || true)
case "$out" in
	*"Cascade Youth Music Mentors"*"exit=0"*) echo "ok   MentorDesk.exe from cmd.exe prints and exits 0" ;;
	*) echo "FAIL: MentorDesk.exe from cmd.exe: $out"; exit 1 ;;
esac
out=$(cd "$work/windows-run" && wine cmd /c "$(winepath -w "$dist/MentorDesk.exe") --db org.db settings get no.such.key & echo exit=%errorlevel%" 2>&1 | tr -d '\r' || true)
case "$out" in
	*"is not a setting"*"exit=1"*) echo "ok   MentorDesk.exe from cmd.exe prints its error and exits 1" ;;
	*) echo "FAIL: MentorDesk.exe from cmd.exe with a bad key: $out"; exit 1 ;;
esac

# A file held open without sharing, as Excel holds a workbook: the message says to close it.
(cd "$work" && wine ./filemsg_test.exe -test.run 'TestWriteSaysTheFileIsOpenInAnotherProgram|TestPathInThePlatformsForm' >filemsg.txt 2>&1) ||
	{ cat "$work/filemsg.txt"; echo "FAIL: the file-in-use message under Windows"; exit 1; }
echo "ok   a file open in another program is named as such"

wineserver --wait || true
echo "test-windows passed in $(( $(date +%s) - start )) s"
