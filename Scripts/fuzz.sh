#!/usr/bin/env bash
# Fuzzes lessongen's lesson pipeline with libFuzzer: loading, compiling, figures and
# walk-through (Sources/LessonCLI/PipelineExercise.swift); an input that reads as a course
# file is built and published as `lessongen build` and `lessongen site` do, in a scratch
# folder under /tmp (Sources/LessonCLI/CourseExercise.swift).
#
#   Scripts/fuzz.sh [SECONDS]     default 60; the corpus grows in .build-fuzz/corpus
#
# The corpus starts from Lessons/*.yaml and Fuzz/regressions/*.yaml (inputs that once
# crashed, replayed by the test suite). A crash leaves its input in .build-fuzz/ as
# crash-<hash> and the script exits 1: add the input to Fuzz/regressions/ with the fix.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seconds="${1:-60}"
scratch="$root/.build-fuzz"

"$root/Scripts/install-dependencies.sh"
# Optimised: the debug build laid out a 1,000-node seed in 10 s, at the fuzzer's timeout.
build=(swift build -c release --scratch-path "$scratch" --sanitize fuzzer -Xswiftc -DFUZZING
  --product lessongen-fuzz)
"${build[@]}" >&2
binary="$("${build[@]}" --show-bin-path)/lessongen-fuzz"

mkdir -p "$scratch/corpus" "$scratch/seed"
cp Lessons/*.yaml Fuzz/regressions/*.yaml "$scratch/seed/" 2>/dev/null || true
cd "$scratch"
# The Swift runtime's backtracer would catch the fuzzer's signals; libFuzzer reports instead.
# The timeout is for hangs: 60 s. A fan-out of 56 terms (236 nodes) takes 26 s in this
# instrumented build, most of it the coordinate assignment's network simplex (4 s for all its
# figures in a release build): slow, not hung; it stopped CI's run at the former 20 s.
SWIFT_BACKTRACE=enable=no "$binary" corpus seed \
  -dict="$root/Fuzz/lesson.dict" -max_len=4096 -timeout=60 -rss_limit_mb=2048 \
  -max_total_time="$seconds" -print_final_stats=1
