public import GraphLayout

/// Text sizes estimated from the characters, without fonts: 0.55 em a character and 1.25 em
/// a line, markup tags not counted, wrapped text broken greedily. Enough to exercise the
/// figures' layout and the handout's pagination in tests and in the fuzzer, which must not
/// spend their time loading fonts; never used for a file a user sees.
public struct EstimatedTextMeasurer: PageTextMeasuring {
  public init() {}

  /// The text without its markup tags (`<i>x</i>` → `x`).
  static func plain(_ markup: String) -> String {
    var out = ""
    var inTag = false
    for c in markup {
      if c == "<" {
        inTag = true
      } else if c == ">" {
        inTag = false
      } else if !inTag {
        out.append(c)
      }
    }
    return out
  }

  public func measure(_ markup: String, font: Font) -> Size {
    let lines = Self.plain(markup).split(separator: "\n", omittingEmptySubsequences: false)
    let widest = lines.map(\.count).max() ?? 0
    return Size(
      width: Double(widest) * font.size * 0.55, height: Double(lines.count) * font.size * 1.25)
  }

  public func measure(_ markup: String, font: Font, width: Double) -> Size {
    let count = Self.plain(markup).count
    let perLine = Swift.max(1, Int(width / (font.size * 0.55)))
    let lines = Swift.max(1, (count + perLine - 1) / perLine)
    return Size(
      width: Swift.min(width, Double(count) * font.size * 0.55),
      height: Double(lines) * font.size * 1.25)
  }

  public func measureLine(_ markup: String, font: Font) -> (
    width: Double, ascent: Double, descent: Double
  ) {
    (Double(Self.plain(markup).count) * font.size * 0.55, font.size * 0.8, font.size * 0.45)
  }
}
