public import GraphEngine

/// A lesson file's text, indexed by Unicode scalar so YAML marks, expression offsets and
/// diagnostics agree on lines and columns.
public struct SourceText: Sendable {
  public let text: String
  let scalars: [Unicode.Scalar]
  /// Scalar index where each line starts.
  let lineStarts: [Int]

  public init(_ text: String) {
    self.text = text
    self.scalars = Array(text.unicodeScalars)
    var starts = [0]
    for (i, s) in scalars.enumerated() where s == "\n" {
      starts.append(i + 1)
    }
    self.lineStarts = starts
  }

  /// The location of the scalar at `index` (or of the end of the text).
  public func location(ofScalar index: Int) -> SourceLocation {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= index { low = mid } else { high = mid - 1 }
    }
    return SourceLocation(line: low + 1, column: index - lineStarts[low] + 1)
  }

  /// The scalar index of a location.
  public func scalarIndex(of location: SourceLocation) -> Int {
    let line = Swift.min(Swift.max(location.line, 1), lineStarts.count)
    return Swift.min(lineStarts[line - 1] + location.column - 1, scalars.count)
  }

  /// The text of a 1-based line, without its newline.
  public func line(_ number: Int) -> String {
    guard number >= 1, number <= lineStarts.count else { return "" }
    let start = lineStarts[number - 1]
    var end = number < lineStarts.count ? lineStarts[number] - 1 : scalars.count
    if end > start, scalars[end - 1] == "\r" { end -= 1 }
    return String(String.UnicodeScalarView(scalars[start..<Swift.max(start, end)]))
  }
}
