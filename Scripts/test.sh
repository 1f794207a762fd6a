#!/usr/bin/env bash
# The test command: installs what is missing, then runs the whole test suite.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
Scripts/install-dependencies.sh
Scripts/install-test-tools.sh
swift build --build-tests
swift test --skip-build "$@"
