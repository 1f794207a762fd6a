import ExpressionLanguage
import Foundation
import GraphEngine

/// Keeps ArgumentParser's "Did you mean …?" only when the suggestion is close.
///
/// ArgumentParser suggests the nearest option however far it is (`--blanks` → `--lang`,
/// `--x` → `--set`), which sends a user looking for an option that is not what they meant.
/// lessongen keeps a suggestion at most two edits away, as it does for lesson keys and
/// function names, and drops the sentence otherwise.
enum CommandLineSuggestion {
  static func keepingCloseOnes(_ message: String) -> String {
    let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      guard let range = line.range(of: ". Did you mean '") else { return String(line) }
      let head = line[..<range.lowerBound]
      let tail = line[range.upperBound...]
      guard let written = quoted(in: head), let end = tail.firstIndex(of: "'") else {
        return String(line)
      }
      let suggested = String(tail[..<end])
      let strip = { (s: String) in String(s.drop { $0 == "-" }) }
      let close =
        Suggestion.closest(to: strip(written), in: [strip(suggested)]) != nil
      return close ? String(line) : String(head) + "."
    }
    return lines.joined(separator: "\n")
  }

  /// The last '…'-quoted text of `text`.
  private static func quoted(in text: Substring) -> String? {
    guard let close = text.lastIndex(of: "'") else { return nil }
    let before = text[..<close]
    guard let open = before.lastIndex(of: "'") else { return nil }
    return String(text[text.index(after: open)..<close])
  }
}
