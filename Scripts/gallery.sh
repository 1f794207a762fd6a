#!/usr/bin/env bash
# Renders every built-in lesson in every style (and the seed lessons in every label mode), and
# the author-shaped lessons of Tests/Lessons in every style, into one folder of PNGs, named <lesson>-<style>-<labels>-<figure>.png, for review.
# Usage: Scripts/gallery.sh [FOLDER]   (default: Output/gallery)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gallery="$(cd "$root" && mkdir -p "${1:-Output/gallery}" && cd "${1:-Output/gallery}" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/lessongen" --version >/dev/null
lessons=$("$root/lessongen" list | cut -d' ' -f1)
for lesson in $lessons; do
  for style in dlfs cs231n colah; do
    modes="numeric"
    case "$lesson" in sigmoid | tanh | dlfs-chain-rule | colah-tree) modes="numeric symbolic both" ;; esac
    for labels in $modes; do
      "$root/lessongen" "$lesson" --style "$style" --labels "$labels" --out "$work/$style-$labels" >/dev/null
      for png in "$work/$style-$labels/$lesson/figures/"*.png; do
        cp "$png" "$gallery/$lesson-$style-$labels-$(basename "$png")"
      done
    done
  done
done
# The lessons shaped like an author's (Tests/Lessons): every style, numbers and formulas.
for file in "$root"/Tests/Lessons/*.yaml; do
  lesson="$(basename "$file" .yaml)"
  for style in dlfs cs231n colah; do
    for labels in numeric symbolic; do
      "$root/lessongen" "$file" --style "$style" --labels "$labels" --out "$work/$style-$labels" \
        >/dev/null 2>&1
      for png in "$work/$style-$labels/$lesson/figures/"*.png; do
        cp "$png" "$gallery/$lesson-$style-$labels-$(basename "$png")"
      done
    done
  done
done
echo "gallery: $(ls "$gallery" | wc -l) figures in $gallery"
