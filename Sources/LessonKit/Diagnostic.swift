public import GraphEngine

/// A problem in a lesson, tied to its file: prints as
///
///     Lessons/bad.yaml:3:14: error: unknown function 'sigmod'; …
///     function: y = sigmod(x)
///                   ^
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public var path: String
  public var location: SourceLocation?
  public var message: String
  /// The text of the line the location is on.
  public var sourceLine: String?

  public init(path: String, location: SourceLocation?, message: String, sourceLine: String?) {
    self.path = path
    self.location = location
    self.message = message
    self.sourceLine = sourceLine
  }

  public init(_ diagnostic: EngineDiagnostic, path: String, source: SourceText) {
    self.init(
      path: path, location: diagnostic.location, message: diagnostic.message,
      sourceLine: source.line(diagnostic.location.line))
  }

  /// `path:line:column: error: message`, then the source line and a caret under the column.
  ///
  /// Text that comes from the lesson (the path, names quoted in the message, the source
  /// line) shows control characters as `<U+001B>`, never raw, so a lesson cannot send
  /// escape sequences to the terminal; the caret still points at the right character.
  public var description: String {
    let path = TextHygiene.escapedLine(path)
    let message = TextHygiene.escapedLine(message)
    guard let location else { return "\(path): error: \(message)" }
    var text = "\(path):\(location.line):\(location.column): error: \(message)"
    if let sourceLine {
      let (line, column) = Self.window(sourceLine, around: location.column)
      let (shown, caretColumn) = Self.escapedLine(line, column: column)
      text += "\n" + shown + "\n" + Self.caret(under: caretColumn, in: shown)
    }
    return text
  }

  /// The line with refused characters escaped, and where the caret's column moved to.
  static func escapedLine(_ line: String, column: Int) -> (String, Int) {
    guard
      line.unicodeScalars.contains(where: {
        TextHygiene.isRefused($0) || TextHygiene.isHiddenInQuotes($0)
      })
    else {
      return (line, column)
    }
    var shown = ""
    var caretColumn = column
    for (i, s) in line.unicodeScalars.enumerated() {
      let piece = TextHygiene.shown(s)
      if i < column - 1 { caretColumn += piece.unicodeScalars.count - 1 }
      shown += piece
    }
    return (shown, caretColumn)
  }

  /// How many characters of a source line are shown on either side of the caret.
  static let context = 60

  /// A long line cut to the part around `column`, with `…` where text was left out;
  /// returns the shown text and the caret's column in it.
  static func window(_ line: String, around column: Int) -> (String, Int) {
    let scalars = Array(line.unicodeScalars)
    guard scalars.count > 2 * context + 20 else { return (line, column) }
    let start = Swift.max(0, column - 1 - context)
    let end = Swift.min(scalars.count, column - 1 + context)
    var shown = String(String.UnicodeScalarView(scalars[start..<end]))
    var caretColumn = column - start
    if start > 0 {
      shown = "…" + shown
      caretColumn += 1
    }
    if end < scalars.count { shown += "…" }
    return (shown, caretColumn)
  }

  /// Spaces (tabs where the line has tabs) up to the column, then `^`.
  static func caret(under column: Int, in line: String) -> String {
    var pad = ""
    for (i, s) in line.unicodeScalars.enumerated() where i < column - 1 {
      pad.append(s == "\t" ? "\t" : " ")
    }
    let missing = column - 1 - pad.unicodeScalars.count
    if missing > 0 { pad += String(repeating: " ", count: missing) }
    return pad + "^"
  }
}

/// Every diagnostic of one lesson; thrown when it cannot be used.
public struct LessonError: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  /// Each diagnostic once: a YAML alias repeats its anchor's node (and its location), so one
  /// mistake used through 80 aliases would otherwise be reported 80 times.
  public init(_ diagnostics: [Diagnostic]) {
    var seen: Set<Diagnostic> = []
    self.diagnostics = diagnostics.filter { seen.insert($0).inserted }
  }

  public var description: String {
    diagnostics.map(\.description).joined(separator: "\n")
  }
}
