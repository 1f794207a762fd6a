#!/usr/bin/env bash
# Formats the tree in place, then checks it as CI does.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
swift format format --in-place --recursive Package.swift Sources Tests Lessons
swift format lint --strict --recursive Package.swift Sources Tests Lessons
