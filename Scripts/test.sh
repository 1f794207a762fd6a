#!/usr/bin/env bash
# The test command: installs what is missing, then runs the whole test suite.
#
#   Scripts/test.sh           the full suite (what .ci/run runs): every target, the tests that
#                             run outside tools (poppler, Graphviz, Chromium, MkDocs, pandoc)
#   Scripts/test.sh --fast    the inner loop: the unit targets only, no outside tool, no
#                             installer but the build's own (under a minute after a build)
#
# Random-sample tests draw LESSONGEN_TEST_SAMPLES samples (a moderate number unless set) from
# LESSONGEN_TEST_SEED (a fixed seed unless set); a long run: LESSONGEN_TEST_SAMPLES=1000.
# Other arguments go to `swift test` (e.g. --filter).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# The unit targets (no lessongen process, no Cairo output read back by another program), and
# the architecture rules (imports, target sizes, ops named in few files), which read the sources.
unit='^(GraphEngineTests|ExpressionLanguageTests|AnalysisTests|PNGCodecTests|GraphLayoutTests|LessonKitTests|ExplainTests|FiguresTests|HandoutTests)\.|^CLITests\.ArchitectureTests'

if [[ "${1:-}" == "--fast" ]]; then
  shift
  Scripts/install-dependencies.sh
  swift build --build-tests
  LESSONGEN_TEST_TIER=fast swift test --skip-build --filter "$unit" "$@"
  exit
fi

Scripts/install-dependencies.sh
Scripts/install-test-tools.sh
swift build --build-tests
swift test --skip-build "$@"
