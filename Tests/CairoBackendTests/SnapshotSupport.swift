// Shared by CairoBackendTests and ExplainTests: Tests/ExplainTests/SnapshotSupport.swift is a
// symbolic link to this file (test targets cannot share a module without a change to
// Package.swift).

import Foundation
import Testing

/// Compares `actual` with the snapshot file `name` in `folder`, and records an issue for
/// what ``checkSnapshot(_:in:named:same:environment:module:)`` reports.
func verifySnapshot(
  _ actual: String, in folder: URL, named name: String,
  same: (Substring, Substring) -> Bool = { $0 == $1 },
  environment: [String: String] = ProcessInfo.processInfo.environment,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  if let failure = checkSnapshot(
    actual, in: folder, named: name, same: same, environment: environment,
    module: sourceLocation.moduleName)
  {
    Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation)
  }
}

/// Compares `actual` with the snapshot file `name` in `folder`; nil when they match, else
/// what to report.
///
/// - A snapshot that matches passes, and is never rewritten.
/// - A snapshot that differs fails, with a compact line diff: the differing lines of the
///   snapshot (`-`) and of the actual text (`+`), each with its line number.
/// - A missing snapshot fails, saying how to record it.
/// - Only `RECORD_SNAPSHOTS=1` writes: it records the missing snapshots and rewrites those
///   that differ, and still fails (with the diff), so that a run that recorded is never
///   green; run again without it to compare. Under `CI=true` nothing is ever written.
///
/// `same` decides whether a line of the snapshot and a line of the actual text match
/// (exact equality unless given, see ``geometryLinesMatch(_:_:)``); `module` names the test
/// target in the advice on how to record.
func checkSnapshot(
  _ actual: String, in folder: URL, named name: String,
  same: (Substring, Substring) -> Bool = { $0 == $1 },
  environment: [String: String], module: String
) -> String? {
  let file = folder.appendingPathComponent(name)
  let isCI = ["true", "1", "yes"].contains(environment["CI"]?.lowercased() ?? "")
  let recording = environment["RECORD_SNAPSHOTS"] == "1" && !isCI
  let command = "`RECORD_SNAPSHOTS=1 swift test --filter \(module)`"

  guard let recorded = try? String(contentsOf: file, encoding: .utf8) else {
    guard recording else {
      return "the snapshot \(name) is missing (\(file.path)); "
        + (isCI
          ? "CI never records snapshots: record it on a developer machine with \(command), "
            + "review it and commit it"
          : "to record it, run \(command), review the file and commit it")
    }
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try actual.write(to: file, atomically: true, encoding: .utf8)
    } catch {
      return "could not record the snapshot \(name): \(error)"
    }
    return "recorded the new snapshot \(name) (\(lines(actual).count) lines); review it, then "
      + "run again without RECORD_SNAPSHOTS"
  }

  let changes = lineChanges(expected: lines(recorded), actual: lines(actual), same: same)
  if changes.isEmpty { return nil }
  let diff = renderDiff(changes)
  guard recording else {
    return "\(name) differs from its snapshot (- snapshot, + actual):\n\(diff)\n"
      + (isCI
        ? "CI never records snapshots"
        : "if the change is intended, run \(command), review the new file and commit it")
  }
  do {
    try actual.write(to: file, atomically: true, encoding: .utf8)
  } catch {
    return "could not record the snapshot \(name): \(error)"
  }
  return "re-recorded the snapshot \(name); review the change, then run again without "
    + "RECORD_SNAPSHOTS:\n\(diff)"
}

/// The lines of a text, without the empty one after its final newline.
private func lines(_ text: String) -> [Substring] {
  var result = text.split(separator: "\n", omittingEmptySubsequences: false)
  if result.last == "" { result.removeLast() }
  return result
}

/// A line only in the snapshot, or only in the actual text, with its 1-based number there.
enum LineChange: Equatable {
  case removed(Int, Substring)
  case added(Int, Substring)
}

/// The lines to remove from `expected` and add to make `actual`, in order: a longest common
/// subsequence of lines that are `same`, after the common start and end are set aside.
func lineChanges(
  expected: [Substring], actual: [Substring], same: (Substring, Substring) -> Bool
) -> [LineChange] {
  var start = 0
  while start < expected.count, start < actual.count, same(expected[start], actual[start]) {
    start += 1
  }
  var endE = expected.count
  var endA = actual.count
  while endE > start, endA > start, same(expected[endE - 1], actual[endA - 1]) {
    endE -= 1
    endA -= 1
  }
  let e = Array(expected[start..<endE])
  let a = Array(actual[start..<endA])
  // common[i][j]: the longest common subsequence of e[i...] and a[j...].
  var common = [[Int]](repeating: [Int](repeating: 0, count: a.count + 1), count: e.count + 1)
  for i in stride(from: e.count - 1, through: 0, by: -1) {
    for j in stride(from: a.count - 1, through: 0, by: -1) {
      common[i][j] =
        same(e[i], a[j]) ? common[i + 1][j + 1] + 1 : Swift.max(common[i + 1][j], common[i][j + 1])
    }
  }
  var changes: [LineChange] = []
  var i = 0
  var j = 0
  while i < e.count || j < a.count {
    if i < e.count, j < a.count, same(e[i], a[j]) {
      i += 1
      j += 1
    } else if j == a.count || (i < e.count && common[i + 1][j] >= common[i][j + 1]) {
      changes.append(.removed(start + i + 1, e[i]))
      i += 1
    } else {
      changes.append(.added(start + j + 1, a[j]))
      j += 1
    }
  }
  return changes
}

/// The first `limit` changes, one a line: `-  12 | text` for a line of the snapshot,
/// `+  12 | text` for a line of the actual text, then how many more there are.
func renderDiff(_ changes: [LineChange], limit: Int = 16) -> String {
  var out = changes.prefix(limit).map { change -> String in
    switch change {
    case .removed(let n, let text): "-\(pad(n)) | \(text)"
    case .added(let n, let text): "+\(pad(n)) | \(text)"
    }
  }
  if changes.count > limit { out.append("… and \(changes.count - limit) more changed lines") }
  return out.joined(separator: "\n")
}

private func pad(_ n: Int) -> String {
  let s = String(n)
  return String(repeating: " ", count: Swift.max(0, 4 - s.count)) + s
}

/// Whether two lines of a scene snapshot match as geometry.
///
/// Up to the first `"`, the lines must have the same words, and their numbers (coordinates,
/// sizes, widths, font sizes) may differ by one step of the snapshot's 0.1 pt rounding or by
/// 0.1 %: a font metric that moves a label by a hundredth of a point flips a rounding, which
/// must not force a re-record. Everything from the first `"` on (a label's text, the title)
/// must be equal, and so must colours and owners (`#b3b3b3`, `edge3`), which are not read as
/// numbers.
func geometryLinesMatch(_ a: Substring, _ b: Substring) -> Bool {
  if a == b { return true }
  let (textA, quotedA) = splitAtQuote(a)
  let (textB, quotedB) = splitAtQuote(b)
  guard quotedA == quotedB else { return false }
  let x = geometryTokens(textA)
  let y = geometryTokens(textB)
  guard x.skeleton == y.skeleton, x.numbers.count == y.numbers.count else { return false }
  return zip(x.numbers, y.numbers).allSatisfy { p, q in
    let d = Swift.abs(p - q)
    return d <= 0.1 + 1e-9 || d <= 1e-3 * Swift.max(Swift.abs(p), Swift.abs(q))
  }
}

private func splitAtQuote(_ line: Substring) -> (Substring, Substring) {
  guard let quote = line.firstIndex(of: "\"") else { return (line, "") }
  return (line[..<quote], line[quote...])
}

/// The line with each number replaced by `§`, and the numbers. A number is a run of digits
/// (with a sign and a fraction) that does not follow `#`, a digit or a hexadecimal letter,
/// so `r28.6`, `w1.3`, `8x8` and `(1,-0.5)` hold numbers and `#1a2b3c` and `edge10` do not.
func geometryTokens(_ text: Substring) -> (skeleton: String, numbers: [Double]) {
  let chars = Array(text)
  var skeleton = ""
  var numbers: [Double] = []
  var i = 0
  while i < chars.count {
    let previous: Character = i > 0 ? chars[i - 1] : " "
    let signed = chars[i] == "-" && i + 1 < chars.count && chars[i + 1].isASCIIDigit
    if (chars[i].isASCIIDigit || signed) && !previous.isHexDigit && previous != "#" {
      var j = signed ? i + 1 : i
      while j < chars.count, chars[j].isASCIIDigit { j += 1 }
      if j + 1 < chars.count, chars[j] == ".", chars[j + 1].isASCIIDigit {
        j += 1
        while j < chars.count, chars[j].isASCIIDigit { j += 1 }
      }
      if let value = Double(String(chars[i..<j])) {
        numbers.append(value)
        skeleton.append("§")
        i = j
        continue
      }
    }
    skeleton.append(chars[i])
    i += 1
  }
  return (skeleton, numbers)
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
