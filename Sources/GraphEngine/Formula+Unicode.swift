extension Formula {
  /// The formula as plain Unicode text, for terminals, alt text and messages:
  /// `−∂L/∂y·y²exp(−x)`, `y(1 − y)`, `1/(2√x)`.
  ///
  /// Variables named `x0` or `w_1` get subscript digits (`x₀`, `w₁`); integer exponents
  /// become superscripts; the minus sign is U+2212.
  public func unicode(numbers: NumberFormat = .shortest(significantDigits: 6)) -> String {
    UnicodeWriter(numbers: numbers).write(self, context: 0)
  }
}

/// Writes formulas as Unicode with the fewest parentheses the precedences allow.
struct UnicodeWriter {
  var numbers: NumberFormat

  /// Binding strength: sum 1, product 2, negation 3, power 4, atoms 5.
  static func precedence(_ f: Formula) -> Int {
    switch f {
    case .sum, .difference: 1
    case .product, .quotient: 2
    case .negate: 3
    case .number(let v): v < 0 ? 3 : 5
    case .power: 4
    default: 5
    }
  }

  func write(_ f: Formula, context: Int) -> String {
    let text = body(f)
    return Self.precedence(f) < context ? "(" + text + ")" : text
  }

  private func body(_ f: Formula) -> String {
    switch f {
    case .number(let v): return numbers.format(v).replacingHyphens()
    case .symbol(let name): return Self.symbol(name)
    case .operand(let i): return ["a", "b", "c"][Swift.min(i, 2)]
    case .result: return "y"
    case .derivative(let of, let wrt): return "∂\(Self.symbol(of))/∂\(Self.symbol(wrt))"
    case .negate(let a):
      // −(a·b) = (−a)·b and −(a/b) = (−a)/b, so only sums and signs need parentheses.
      switch a {
      case .negate, .number: return "−" + write(a, context: 4)
      default: return "−" + write(a, context: 2)
      }
    case .sum(let a, let b): return write(a, context: 1) + " + " + write(b, context: 2)
    case .difference(let a, let b): return write(a, context: 1) + " − " + write(b, context: 2)
    case .product(let factors): return product(factors)
    case .quotient(let a, let b): return write(a, context: 2) + "/" + write(b, context: 3)
    case .power(let base, let exponent):
      let b = write(base, context: 5)
      if case .number(let v) = exponent, v == v.rounded(), Swift.abs(v) < 1000,
        let sup = Self.superscript(NumberFormat.full.format(v))
      {
        return b + sup
      }
      return b + "^" + write(exponent, context: 5)
    case .call(let function, let args):
      switch function {
      case .sqrt: return "√" + write(args[0], context: 5)
      case .sigmoid: return "σ(" + args.map { write($0, context: 0) }.joined(separator: ", ") + ")"
      default:
        return function.rawValue + "(" + args.map { write($0, context: 0) }.joined(separator: ", ")
          + ")"
      }
    case .sign(let a): return "sign(" + write(a, context: 0) + ")"
    case .indicator(let c):
      switch c {
      case .greater(let a, let b):
        return "[" + write(a, context: 0) + " > " + write(b, context: 0) + "]"
      case .greaterOrEqual(let a, let b):
        return "[" + write(a, context: 0) + " ≥ " + write(b, context: 0) + "]"
      case .less(let a, let b):
        return "[" + write(a, context: 0) + " < " + write(b, context: 0) + "]"
      case .lessOrEqual(let a, let b):
        return "[" + write(a, context: 0) + " ≤ " + write(b, context: 0) + "]"
      }
    }
  }

  /// Factors side by side (`y²exp(−x)`), with `·` where juxtaposition would misread:
  /// after a derivative or a number, and before a number.
  private func product(_ factors: [Formula]) -> String {
    var text = ""
    for (i, factor) in factors.enumerated() {
      let piece = write(factor, context: 3)
      if i > 0 {
        text += Self.needsDot(between: factors[i - 1], and: factor) ? "·" : ""
      }
      text += piece
    }
    return text
  }

  /// Whether two adjacent factors need a `·`: after a derivative or a fraction, before a
  /// number or a fraction, and between numbers; `2x` and `y²exp(−x)` stay side by side.
  static func needsDot(between previous: Formula, and next: Formula) -> Bool {
    switch (previous, next) {
    case (.derivative, _), (.quotient, _), (_, .quotient), (_, .number): true
    default: false
    }
  }

  /// `x0` → `x₀`, `w_1` → `w₁`; other names as written.
  static func symbol(_ name: String) -> String {
    let scalars = Array(name.unicodeScalars)
    guard let firstDigit = scalars.firstIndex(where: { ("0"..."9").contains($0) }) else {
      return name
    }
    var head = scalars[..<firstDigit]
    let tail = scalars[firstDigit...]
    guard tail.allSatisfy({ ("0"..."9").contains($0) }), !head.isEmpty else { return name }
    if head.last == "_" { head = head.dropLast() }
    guard !head.isEmpty, !head.contains("_") else { return name }
    let subscripts = tail.compactMap {
      Unicode.Scalar(0x2080 + $0.value - 0x30).map(Character.init)
    }
    return String(String.UnicodeScalarView(head)) + String(subscripts)
  }

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

extension String {
  /// Replaces ASCII hyphen-minus with the minus sign U+2212.
  func replacingHyphens() -> String {
    String(map { $0 == "-" ? "−" : $0 })
  }
}
