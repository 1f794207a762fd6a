import GraphEngine

/// How a ``LinearFormulaWriter`` spells the pieces of a formula: the writer decides
/// structure and parentheses; a dialect decides characters and markup.
public protocol FormulaDialect {
  /// A number's text (`format` gives ASCII; dialects use the minus sign U+2212).
  static func number(_ text: String) -> String
  /// A variable or named value.
  static func symbol(_ name: String) -> String
  /// An upright function name such as `exp`.
  static func function(_ name: String) -> String
  /// `base` raised to `exponent` (already written); `isInteger` when the exponent is an
  /// integer literal whose plain text is `plain`.
  static func power(base: String, exponent: String, plain: String?) -> String
  /// Literal text such as operators and parentheses.
  static func text(_ s: String) -> String
  /// An empty place for the reader to fill in (an exercise's blank).
  static var blank: String { get }
  /// The vector of ones, a bold 1.
  static var ones: String { get }
}

extension FormulaDialect {
  /// `6.3e-11` → ("6.3", "-11"); nil for a number without an exponent.
  static func splitExponent(_ text: String) -> (String, String)? {
    guard let e = text.firstIndex(of: "e") else { return nil }
    return (String(text[..<e]), String(text[text.index(after: e)...]))
  }

  /// `x0` → ("x", "0"), `w_1` → ("w", "1"), `x_in` → ("x", "in"); other names → (name, nil).
  static func splitSubscript(_ name: String) -> (base: String, subscript: String?) {
    let scalars = Array(name.unicodeScalars)
    if let underscore = scalars.firstIndex(of: "_"), underscore > 0,
      underscore < scalars.count - 1, underscore == scalars.lastIndex(of: "_")
    {
      let base = String(String.UnicodeScalarView(scalars[..<underscore]))
      let sub = String(String.UnicodeScalarView(scalars[(underscore + 1)...]))
      if base.unicodeScalars.count == 1 || sub.allSatisfy(\.isNumber) { return (base, sub) }
      return (name, nil)
    }
    guard let digit = scalars.firstIndex(where: { ("0"..."9").contains($0) }), digit > 0,
      scalars[digit...].allSatisfy({ ("0"..."9").contains($0) })
    else { return (name, nil) }
    return (
      String(String.UnicodeScalarView(scalars[..<digit])),
      String(String.UnicodeScalarView(scalars[digit...]))
    )
  }
}

/// Plain Unicode: `−∂L/∂y·y²exp(−x)`, `x₀`.
public enum UnicodeDialect: FormulaDialect {
  /// `6.3e-11` → `6.3×10⁻¹¹`.
  public static func number(_ text: String) -> String {
    guard let (mantissa, exponent) = splitExponent(text) else { return text.replacingHyphens() }
    return mantissa.replacingHyphens() + "×10" + (superscript(exponent) ?? "^" + exponent)
  }

  public static func symbol(_ name: String) -> String {
    let (base, sub) = splitSubscript(name)
    guard let sub else { return base }
    let digits = sub.unicodeScalars.compactMap { s -> Character? in
      guard ("0"..."9").contains(s) else { return nil }
      return Unicode.Scalar(0x2080 + s.value - 0x30).map(Character.init)
    }
    return digits.count == sub.count ? base + String(digits) : name
  }

  public static func function(_ name: String) -> String { name }

  public static func power(base: String, exponent: String, plain: String?) -> String {
    if let plain, let sup = superscript(plain) { return base + sup }
    return base + "^" + exponent
  }

  public static func text(_ s: String) -> String { s }
  public static var blank: String { "____" }
  public static var ones: String { "𝟏" }

  /// Superscript form of an integer's text, or nil if a character has none.
  static func superscript(_ text: String) -> String? {
    let map: [Character: Character] = [
      "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸",
      "9": "⁹", "-": "⁻",
    ]
    var out = ""
    for c in text {
      guard let s = map[c] else { return nil }
      out.append(s)
    }
    return out
  }
}

/// Pango markup: variables in italics, real superscripts and subscripts, the minus sign,
/// function names upright. Everything it emits is escaped markup.
public enum PangoMarkupDialect: FormulaDialect {
  /// `6.3e-11` → `6.3×10` with a raised `−11`.
  public static func number(_ text: String) -> String {
    guard let (mantissa, exponent) = splitExponent(text) else { return text.replacingHyphens() }
    return mantissa.replacingHyphens() + "×10" + raised(exponent.replacingHyphens())
  }

  public static func symbol(_ name: String) -> String {
    let (base, sub) = splitSubscript(name)
    // One-letter names are math variables (italic); words such as `price` stay upright.
    let shown = base.unicodeScalars.count == 1 ? "<i>\(escape(base))</i>" : escape(base)
    guard let sub else { return shown }
    return shown + lowered(escape(sub))
  }

  /// Pango's own `<sup>` and `<sub>` come out too large with scaled fonts on Pango 1.50,
  /// so scripts are spans, raised or lowered (rise is in 1/1024 pt), at 85 % of the size: a
  /// label printed at the least size figures allow (6.5 pt) keeps its scripts at 5.5 pt, the
  /// least a printed handout should hold (at 70 % they printed at 4.6 pt).
  static func raised(_ markup: String) -> String {
    "<span size=\"85%\" rise=\"3800\">" + markup + "</span>"
  }

  static func lowered(_ markup: String) -> String {
    "<span size=\"85%\" rise=\"-1800\">" + markup + "</span>"
  }

  public static func function(_ name: String) -> String { escape(name) }

  public static func power(base: String, exponent: String, plain: String?) -> String {
    base + raised(exponent)
  }

  public static func text(_ s: String) -> String { escape(s) }
  /// Figure spaces, underlined: a line to write on as wide as a six-digit number.
  public static var ones: String { "<b>1</b>" }
  public static var blank: String {
    "<span underline=\"single\">" + String(repeating: "\u{2007}", count: 7) + "</span>"
  }

  /// Escapes `&`, `<`, `>`, `'` and `"` for Pango markup.
  public static func escape(_ s: String) -> String {
    var out = ""
    for c in s {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "'": out += "&#39;"
      case "\"": out += "&quot;"
      default: out.append(c)
      }
    }
    return out
  }
}

extension String {
  /// Replaces ASCII hyphen-minus with the minus sign U+2212.
  func replacingHyphens() -> String {
    String(map { $0 == "-" ? "−" : $0 })
  }
}
