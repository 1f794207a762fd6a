import GraphEngine

/// Refuses YAML nested deeper than any lesson needs before it reaches the YAML library,
/// whose document builder recurses once per level and would overflow the stack on
/// `[[[[…]]]]` or `- - - - …` a hundred thousand deep.
enum NestingGuard {
  static let maximumDepth = 64

  /// The location where nesting first goes past ``maximumDepth``, or `nil`.
  static func check(_ source: SourceText) -> EngineDiagnostic? {
    var depth = 0
    var quote: Unicode.Scalar?
    var inComment = false
    var lineIndicators = 0
    var atLineStart = true
    let s = source.scalars
    for (i, c) in s.enumerated() {
      if c == "\n" {
        inComment = false
        lineIndicators = 0
        atLineStart = true
        continue
      }
      if inComment { continue }
      if let q = quote {
        if c == q { quote = nil }
        continue
      }
      switch c {
      case "#" where i == 0 || s[i - 1] == " " || s[i - 1] == "\t":
        inComment = true
      case "\"", "'":
        if i == 0 || " \t[{,:".unicodeScalars.contains(s[i - 1]) { quote = c }
        atLineStart = false
      case "[", "{":
        depth += 1
        if depth > maximumDepth { return tooDeep(source, i) }
        atLineStart = false
      case "]", "}":
        depth = Swift.max(0, depth - 1)
        atLineStart = false
      case "-", "?", ":":
        // Compact block nesting: `- - - x` or `? ? x` on one line.
        if atLineStart, i + 1 < s.count, s[i + 1] == " " {
          lineIndicators += 1
          if lineIndicators > maximumDepth { return tooDeep(source, i) }
        } else {
          atLineStart = false
        }
      case " ", "\t":
        continue
      default:
        atLineStart = false
      }
    }
    return nil
  }

  private static func tooDeep(_ source: SourceText, _ index: Int) -> EngineDiagnostic {
    EngineDiagnostic(
      "the YAML is nested too deeply (more than \(maximumDepth) levels)",
      at: source.location(ofScalar: index))
  }
}
