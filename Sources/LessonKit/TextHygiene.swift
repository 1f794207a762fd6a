import GraphEngine

/// What a lesson's text may contain: the checks that run on the raw file before YAML, and
/// the escaping that keeps quoted text harmless on a terminal.
///
/// Refused: C0 controls other than tab, newline and carriage return (ESC would let a lesson
/// drive the terminal that prints its diagnostics; NUL ends C strings in Cairo and Pango),
/// DEL, the C1 controls U+0080–U+009F, and the noncharacters U+FDD0–U+FDEF and U+xFFFE,
/// U+xFFFF (Cairo's PDF surface fails on U+FFFF in a title); also a carriage return that
/// does not end a line, and long runs of combining marks. The raw file is checked before
/// YAML reads it, and every decoded scalar after (escapes in double quotes).
public enum TextHygiene {
  /// Whether `scalar` may not appear in a lesson.
  public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x20 { return v != 0x09 && v != 0x0A && v != 0x0D }
    if v == 0x7F || (0x80...0x9F).contains(v) { return true }
    if (0xFDD0...0xFDEF).contains(v) { return true }
    return v & 0xFFFE == 0xFFFE
  }

  /// `U+001B`, as diagnostics name a character.
  public static func codePoint(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: Swift.max(0, 4 - hex.count)) + hex
  }

  /// How a scalar is shown in a quoted source line or message: refused characters (and
  /// tabs are kept, as the caret line repeats them) as `<U+001B>`, everything else as is.
  public static func shown(_ scalar: Unicode.Scalar) -> String {
    isRefused(scalar) || isHiddenInQuotes(scalar) ? "<" + codePoint(scalar) + ">" : String(scalar)
  }

  /// Characters a lesson may hold (right-to-left text needs its direction marks) but that a
  /// quoted line must show: a carriage return, the bidirectional controls (U+200E, U+200F,
  /// U+202A–U+202E, U+2066–U+2069), which could reorder what a diagnostic displays, and the
  /// invisible zero-width characters.
  static func isHiddenInQuotes(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0D, 0x200B...0x200F, 0x202A...0x202E, 0x2060, 0x2066...0x2069, 0xFEFF: true
    default: false
    }
  }

  /// Printable ASCII, a tab or a line feed: shown as it is, never refused, never a mark.
  static func isPlain(_ value: UInt32) -> Bool {
    (0x20..<0x7F).contains(value) || value == 0x0A || value == 0x09
  }

  /// A file name or other text that must stay on one line (a diagnostic's path, a progress
  /// line): ``escaped(_:)``, and line feeds and tabs shown as `<U+000A>` and `<U+0009>` too,
  /// so a file named with a newline cannot forge a line of lessongen's output.
  public static func escapedLine(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 }) else { return escaped(text) }
    return text.unicodeScalars.map {
      $0 == "\n" || $0 == "\t" ? "<" + codePoint($0) + ">" : shown($0)
    }.joined()
  }

  /// `text` with every refused character shown as `<U+XXXX>`.
  public static func escaped(_ text: String) -> String {
    // Printable ASCII, tabs and line feeds are shown as they are; a byte scan says so
    // without decoding scalars (a trace's JSON, 0.2 MB for a (64, 100)·(100, 10) product,
    // spent 6% of its time here).
    if text.utf8.allSatisfy({ isPlain(UInt32($0)) }) {
      return text
    }
    guard text.unicodeScalars.contains(where: { isRefused($0) || isHiddenInQuotes($0) }) else {
      return text
    }
    return text.unicodeScalars.map(shown).joined()
  }

  /// The most combining marks lessongen accepts in a row. Unicode's stream-safe format
  /// (UAX #15) allows 30; real text needs a few. A run of thousands made HarfBuzz's shaping
  /// quadratic: 40,000 marks after one letter took 14 s, 200,000 more than 5 minutes.
  public static let combiningMarksInARow = 30

  /// Why `scalar` (the `index`-th of `scalars`) may not stand in a lesson, or nil: a refused
  /// character, a carriage return that does not end a line (terminals and YAML read a lone CR
  /// as a line break, so it could overwrite a diagnostic or split a paragraph), or a combining
  /// mark too many in a row (`marks` counts the run so far).
  static func problem(
    _ scalar: Unicode.Scalar, next: Unicode.Scalar?, marks: inout Int, escaped: Bool = false
  ) -> String? {
    // Printable ASCII, tab and line feed: no mark, not refused, not a CR. Most of a lesson;
    // skipping the Unicode property lookup took the scan from 7.6% of a (64, 100)·(100, 10)
    // trace's time to almost nothing.
    if isPlain(scalar.value) {
      marks = 0
      return nil
    }
    let written = escaped ? " in a quoted value" : ""
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark:
      marks += 1
      if marks == combiningMarksInARow + 1 {
        return "more than \(combiningMarksInARow) combining marks in a row\(written); no text "
          + "needs that many"
      }
      return nil
    default:
      marks = 0
    }
    // A CR ends a line when an LF follows, or at the very end of the file.
    if scalar == "\r" && next != "\n" && (next != nil || escaped) {
      return "a carriage return (U+000D)\(written) that does not end a line cannot appear in "
        + "a lesson; save the file with \\n or \\r\\n line ends"
    }
    guard isRefused(scalar) else { return nil }
    let what = name(scalar).map { " (\($0))" } ?? ""
    let kind = scalar.value >= 0xFDD0 ? "the noncharacter" : "the control character"
    return "\(kind) \(codePoint(scalar))\(what)\(written) cannot appear in a lesson; delete it"
  }

  /// Every problem of `scalars` (see ``problem(_:next:marks:escaped:)``), at most `limit`,
  /// with the index of the scalar it is at.
  static func scan(_ scalars: [Unicode.Scalar], escaped: Bool, limit: Int) -> [(
    index: Int, message: String
  )] {
    var found: [(index: Int, message: String)] = []
    var marks = 0
    for (i, s) in scalars.enumerated() where found.count < limit {
      let next = i + 1 < scalars.count ? scalars[i + 1] : nil
      if let message = problem(s, next: next, marks: &marks, escaped: escaped) {
        found.append((i, message))
      }
    }
    return found
  }

  /// Every problem of the raw text, at most `limit` of them, located.
  static func problems(in source: SourceText, limit: Int = 20) -> [EngineDiagnostic] {
    scan(source.scalars, escaped: false, limit: limit).map {
      EngineDiagnostic($0.message, at: source.location(ofScalar: $0.index))
    }
  }

  /// The first problem of a decoded YAML scalar (`"\0"`, `"\uFFFF"` and `"\r"` are escapes
  /// a double-quoted scalar can hold), or nil.
  static func problem(inDecoded text: String) -> String? {
    scan(Array(text.unicodeScalars), escaped: true, limit: 1).first?.message
  }

  private static func name(_ s: Unicode.Scalar) -> String? {
    switch s.value {
    case 0x00: "NUL"
    case 0x07: "BEL"
    case 0x08: "backspace"
    case 0x0B: "vertical tab"
    case 0x0C: "form feed"
    case 0x1B: "ESC"
    case 0x7F: "DEL"
    default: nil
    }
  }

  /// Where the first byte that is not UTF-8 is, as a line and column (columns count the
  /// characters before it on its line); nil for valid UTF-8.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> (location: SourceLocation, byte: UInt8)? {
    var line = 1
    var column = 1
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      let length: Int
      switch b {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return (SourceLocation(line: line, column: column), b)
      }
      guard i + length <= bytes.count else {
        return (SourceLocation(line: line, column: column), b)
      }
      if length > 1 {
        let slice = Array(bytes[i..<(i + length)])
        var iterator = slice.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue = decoder.decode(&iterator) else {
          return (SourceLocation(line: line, column: column), b)
        }
      }
      if b == 0x0A {
        line += 1
        column = 1
      } else {
        column += 1
      }
      i += length
    }
    return nil
  }
}
