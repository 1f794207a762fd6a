public import GraphEngine

/// What a lesson's text may contain: the checks that run on the raw file before YAML, and
/// the escaping that keeps quoted text harmless on a terminal.
///
/// Refused: C0 controls other than tab, newline and carriage return (ESC would let a lesson
/// drive the terminal that prints its diagnostics; NUL ends C strings in Cairo and Pango),
/// DEL, the C1 controls U+0080–U+009F, and the noncharacters U+FDD0–U+FDEF and U+xFFFE,
/// U+xFFFF (Cairo's PDF surface fails on U+FFFF in a title).
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
    isRefused(scalar) ? "<" + codePoint(scalar) + ">" : String(scalar)
  }

  /// `text` with every refused character shown as `<U+XXXX>`.
  public static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isRefused) else { return text }
    return text.unicodeScalars.map(shown).joined()
  }

  /// Every refused character of the text, at most `limit` of them, located.
  static func problems(in source: SourceText, limit: Int = 20) -> [EngineDiagnostic] {
    var found: [EngineDiagnostic] = []
    for (i, s) in source.scalars.enumerated() where isRefused(s) {
      let what = name(s).map { " (\($0))" } ?? ""
      let kind = s.value >= 0xFDD0 ? "the noncharacter" : "the control character"
      found.append(
        EngineDiagnostic(
          "\(kind) \(codePoint(s))\(what) cannot appear in a lesson; delete it",
          at: source.location(ofScalar: i)))
      if found.count == limit { break }
    }
    return found
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
