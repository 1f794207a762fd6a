#!/usr/bin/env bash
# The whole test suite under AddressSanitizer (a build of its own in .build-asan; about 5
# minutes on two cores). The lessongen processes the command-line tests start are the ASan
# build too. Leak reports at exit are off by default: the ones seen come from XCTest's
# runner, Foundation's Data(contentsOf:) in the test helpers and fontconfig's caches, none
# from lessongen (LEAKS=1 shows them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
Scripts/install-dependencies.sh
swift build --build-tests --sanitize address --scratch-path .build-asan
detect_leaks=0
[[ "${LEAKS:-0}" == "1" ]] && detect_leaks=1
ASAN_OPTIONS="detect_leaks=$detect_leaks:abort_on_error=1" \
  swift test --skip-build --sanitize address --scratch-path .build-asan "$@"
