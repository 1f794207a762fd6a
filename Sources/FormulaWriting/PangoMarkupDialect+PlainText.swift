import GraphEngine

extension PangoMarkupDialect {
  /// The text of markup this dialect (and the figures) wrote, without markup: tags dropped,
  /// entities decoded, scripts as Unicode sub- and superscripts where every character has one
  /// (`w<span rise="-1800">1</span>` → `w₁`, `x<span rise="3800">2</span>` → `x²`), else
  /// `_(…)` / `^(…)`. For readers of the figures' geometry that draw text themselves.
  public static func plainText(_ markup: String) -> String {
    var out = ""
    /// The script of each open span: nil for none, true raised, false lowered.
    var spans: [Bool?] = []
    var script = ""
    var rest = Substring(markup)
    func flush() {
      guard let raised = spans.last(where: { $0 != nil }) ?? nil, !script.isEmpty else {
        out += script
        script = ""
        return
      }
      let map = raised ? superscripts : subscripts
      let mapped = script.compactMap { map[$0] }
      out += mapped.count == script.count ? String(mapped) : (raised ? "^(" : "_(") + script + ")"
      script = ""
    }
    while let c = rest.first {
      if c == "<", let close = rest.firstIndex(of: ">") {
        let tag = rest[rest.index(after: rest.startIndex)..<close]
        flush()
        if tag.hasPrefix("/") {
          if !spans.isEmpty { spans.removeLast() }
        } else if !tag.hasSuffix("/") {
          if let range = tag.firstRange(of: "rise=\"") {
            let value = tag[range.upperBound...].prefix { $0 != "\"" }
            spans.append((Int(value) ?? 0) > 0)
          } else {
            spans.append(nil)
          }
        }
        rest = rest[rest.index(after: close)...]
        continue
      }
      if c == "&", let semicolon = rest.firstIndex(of: ";"),
        let decoded = entity(String(rest[rest.index(after: rest.startIndex)..<semicolon]))
      {
        script.append(decoded)
        rest = rest[rest.index(after: semicolon)...]
        continue
      }
      script.append(c)
      rest = rest.dropFirst()
    }
    flush()
    return out
  }

  private static func entity(_ name: String) -> Character? {
    switch name {
    case "amp": "&"
    case "lt": "<"
    case "gt": ">"
    case "quot": "\""
    case "#39", "apos": "'"
    default: nil
    }
  }

  private static let superscripts: [Character: Character] = [
    "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸",
    "9": "⁹", "-": "⁻", "−": "⁻", "+": "⁺", "(": "⁽", ")": "⁾", "n": "ⁿ", "i": "ⁱ",
  ]
  private static let subscripts: [Character: Character] = [
    "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈",
    "9": "₉", "-": "₋", "−": "₋", "+": "₊", "(": "₍", ")": "₎",
  ]
}
