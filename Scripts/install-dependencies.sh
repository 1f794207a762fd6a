#!/usr/bin/env bash
# Installs the system packages lessongen and its tests need, if any are missing:
# Cairo, Pango and fontconfig (headers, found with pkg-config), the Korean font, and for the
# tests poppler's pdfinfo and pdftotext, cmark-gfm (GitHub's Markdown reader) and Graphviz (the
# reference the layout's edge crossings are measured against). Uses apt
# when run as root; otherwise says what to install.
set -euo pipefail

packages=(pkg-config libcairo2-dev libpango1.0-dev libfontconfig-dev zlib1g-dev fonts-nanum poppler-utils cmark-gfm graphviz)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -ne 0 ]]; then
  echo "lessongen needs these system packages: ${missing[*]}" >&2
  echo "install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "lessongen: installing ${missing[*]}..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
