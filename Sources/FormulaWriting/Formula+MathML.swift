public import GraphEngine

extension Formula {
  /// The formula as presentation MathML (for HTML): `<mfrac>` fractions, `<msup>` powers,
  /// `<msub>` indices, stretchy parentheses, `<mi>` variables (italic when one letter).
  public func mathML(
    numbers: NumberFormat = .shortest(significantDigits: 6), display: Bool = false
  ) -> String {
    "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"" + (display ? " display=\"block\"" : "")
      + ">" + MathMLWriter(numbers: numbers).write(self, context: 0) + "</math>"
  }
}

/// Writes formulas as presentation MathML, with LaTeX's two-dimensional precedences.
struct MathMLWriter {
  var numbers: NumberFormat

  func write(_ f: Formula, context: Int) -> String {
    let text = body(f)
    return f.displayPrecedence < context
      ? "<mrow><mo>(</mo>" + text + "<mo>)</mo></mrow>" : text
  }

  private func op(_ s: String) -> String { "<mo>" + PangoMarkupDialect.escape(s) + "</mo>" }
  private func row(_ parts: String...) -> String { "<mrow>" + parts.joined() + "</mrow>" }

  static func symbol(_ name: String) -> String {
    let (base, sub) = UnicodeDialect.splitSubscript(name)
    let shown = "<mi>" + PangoMarkupDialect.escape(base) + "</mi>"
    guard let sub else { return shown }
    let script =
      sub.allSatisfy(\.isNumber)
      ? "<mn>" + sub + "</mn>" : "<mi>" + PangoMarkupDialect.escape(sub) + "</mi>"
    return "<msub>" + shown + script + "</msub>"
  }

  private func number(_ v: Double) -> String {
    let text = numbers.format(v)
    if text.hasPrefix("-") { return row(op("−"), "<mn>" + text.dropFirst() + "</mn>") }
    return "<mn>" + text + "</mn>"
  }

  private func body(_ f: Formula) -> String {
    switch f {
    case .number(let v): return number(v)
    case .symbol(let name): return Self.symbol(name)
    case .operand(let i): return Self.symbol(["a", "b", "c"][Swift.min(i, 2)])
    case .result: return Self.symbol("y")
    case .upstream:
      return "<mfrac>" + row(op("∂"), Self.symbol("L")) + row(op("∂"), Self.symbol("y"))
        + "</mfrac>"
    case .ones: return "<mn mathvariant=\"bold\">1</mn>"
    case .hadamard(let a, let b): return row(write(a, context: 2), op("⊙"), write(b, context: 3))
    case .transpose(let a): return "<msup>" + write(a, context: 5) + "<mi>⊤</mi></msup>"
    // An empty box as wide as a six-digit number (MathML Core has no menclose: a bordered
    // mspace).
    case .blank:
      return "<mspace width=\"4em\" height=\"0.9em\" depth=\"0.3em\" "
        + "style=\"border: 1px solid currentColor\"></mspace>"
    case .derivative(let of, let wrt):
      return "<mfrac>" + row(op("∂"), write(of, context: 5)) + row(op("∂"), write(wrt, context: 5))
        + "</mfrac>"
    case .negate(let a):
      switch a {
      case .negate, .number: return row(op("−"), write(a, context: 4))
      default: return row(op("−"), write(a, context: 2))
      }
    case .sum(let a, let b): return row(write(a, context: 1), op("+"), write(b, context: 2))
    case .difference(let a, let b): return row(write(a, context: 1), op("−"), write(b, context: 2))
    case .product(let factors):
      var parts: [String] = []
      for (i, factor) in factors.enumerated() {
        if i > 0 {
          let sign = Formula.productSign(between: factors[i - 1], and: factor)
          parts.append(op(sign ?? "\u{2062}"))
        }
        parts.append(write(factor, context: 3))
      }
      return "<mrow>" + parts.joined() + "</mrow>"
    case .quotient(let a, let b):
      return "<mfrac>" + write(a, context: 0) + write(b, context: 0) + "</mfrac>"
    case .power(let base, let exponent):
      let b =
        base.isFraction
        ? "<mrow><mo>(</mo>" + body(base) + "<mo>)</mo></mrow>" : write(base, context: 5)
      return "<msup>" + b + write(exponent, context: 0) + "</msup>"
    case .apply(let function, let args):
      let list = args.map { write($0, context: 0) }.joined(separator: op(","))
      let spelling = function.spelling
      switch spelling.form {
      case .radical: return "<msqrt>" + list + "</msqrt>"
      case .bars: return row(op("|"), list, op("|"))
      case .call:
        return row("<mi>" + spelling.name + "</mi>", op("\u{2061}"), op("("), list, op(")"))
      }
    case .sign(let a):
      return row("<mi>sign</mi>", op("\u{2061}"), op("("), write(a, context: 0), op(")"))
    case .equation(let sides):
      return "<mrow>" + sides.map { write($0, context: 1) }.joined(separator: op("=")) + "</mrow>"
    case .matrix(let rows):
      let table = rows.map { row in
        "<mtr>" + row.map { "<mtd>" + write($0, context: 0) + "</mtd>" }.joined() + "</mtr>"
      }.joined()
      return row(op("["), "<mtable>" + table + "</mtable>", op("]"))
    case .indicator(let c):
      let (a, sign, b) = c.parts
      return row(op("["), write(a, context: 0), op(sign), write(b, context: 0), op("]"))
    }
  }
}
