#!/usr/bin/env bash
# Compares every output file of every built-in lesson and of the lessons in
# Tests/Lessons/ (lessons shaped like an author's: multi-statement, fan-out, long names), in every
# style, label mode and language, and on letter paper, with what each run printed on stderr,
# between two lessongen binaries (or two git revisions, built on the way):
#
#   Scripts/compare-outputs.sh OLD NEW
#
# OLD and NEW are paths to lessongen binaries, or git revisions of this repository (built in
# a worktree under .build-compare/). Prints the files that differ and exits 1 if any does;
# a refactoring that changes nothing prints "all N files identical".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/.build-compare"
mkdir -p "$work"

binary_for() {
  local what="$1"
  if [[ -x "$what" && ! -d "$what" ]]; then
    echo "$(cd "$(dirname "$what")" && pwd)/$(basename "$what")"
    return
  fi
  local rev
  rev="$(git -C "$root" rev-parse --short "$what")"
  local tree="$work/tree-$rev"
  if [[ ! -d "$tree" ]]; then
    git -C "$root" worktree add --detach "$tree" "$rev" >&2
  fi
  (cd "$tree" && swift build -c release --product lessongen --static-swift-stdlib >&2)
  echo "$tree/.build/release/lessongen"
}

old="$(binary_for "$1")"
new="$(binary_for "$2")"
rm -rf "$work/old" "$work/new"
lessons="$("$new" list | sed 's/ .*//') $(ls "$root"/Tests/Lessons/*.yaml)"
run() {
  local side="$1" lesson="$2" name="$3"
  shift 3
  local bin="$old"
  [[ $side == new ]] && bin="$new"
  local out="$work/$side/$name"
  mkdir -p "$out"
  local status=0
  "$bin" "$lesson" "$@" --out "$out" > /dev/null 2> "$out/stderr-$(basename "$lesson" .yaml).txt" \
    || status=$?
  # A run that fails or crashes is a difference to see, not the end of the comparison.
  [[ $status -eq 0 ]] || echo "exit status $status" >> "$out/stderr-$(basename "$lesson" .yaml).txt"
}
for lesson in $lessons; do
  for style in dlfs cs231n colah; do
    for labels in numeric symbolic both; do
      for lang in en ko; do
        for side in old new; do
          run "$side" "$lesson" "$style-$labels-$lang" \
            --style "$style" --labels "$labels" --lang "$lang"
        done
      done
    done
  done
  for side in old new; do
    run "$side" "$lesson" "letter" --paper letter
  done
done
count="$(find "$work/new" -type f | wc -l)"
if diff -rq "$work/old" "$work/new"; then
  echo "all $count files identical"
else
  exit 1
fi
