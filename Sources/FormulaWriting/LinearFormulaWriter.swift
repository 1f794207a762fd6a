public import GraphEngine

extension Formula {
  /// The formula as plain Unicode text, for terminals, alt text and messages:
  /// `−∂L/∂y·y²exp(−x)`, `y(1 − y)`, `1/(2√x)`.
  public func unicode(numbers: NumberFormat = .shortest(significantDigits: 6)) -> String {
    LinearFormulaWriter<UnicodeDialect>(numbers: numbers).write(self)
  }

  /// The formula as Pango markup, for diagram labels: italic variables, `<sup>`, `<sub>`.
  public func pangoMarkup(numbers: NumberFormat = .shortest(significantDigits: 6)) -> String {
    LinearFormulaWriter<PangoMarkupDialect>(numbers: numbers).write(self)
  }
}

/// Writes a formula on one line (fractions with `/`), with the fewest parentheses the
/// precedences allow; the dialect spells the pieces.
public struct LinearFormulaWriter<Dialect: FormulaDialect> {
  public var numbers: NumberFormat

  public init(numbers: NumberFormat) {
    self.numbers = numbers
  }

  public func write(_ f: Formula) -> String { write(f, context: 0) }

  /// Writes `f`, in parentheses if it binds looser than `context` (see
  /// ``Formula/precedence(stackedFractions:)``; on one line a quotient binds like a product).
  public func write(_ f: Formula, context: Int) -> String {
    let text = body(f)
    return f.precedence(stackedFractions: false) < context ? t("(") + text + t(")") : text
  }

  private func t(_ s: String) -> String { Dialect.text(s) }

  private func body(_ f: Formula) -> String {
    switch f {
    case .number(let v): return Dialect.number(numbers.format(v))
    case .symbol(let name): return Dialect.symbol(name)
    case .operand(let i): return Dialect.symbol(["a", "b", "c"][Swift.min(i, 2)])
    case .result: return Dialect.symbol("y")
    case .upstream: return t("∂") + Dialect.symbol("L") + t("/∂") + Dialect.symbol("y")
    case .ones: return Dialect.ones
    case .hadamard(let a, let b):
      // y(1 − y) after ⊙ needs no parentheses (every factor works element by element); a
      // sign does.
      let right: Int = if case .negate = b { 4 } else { 2 }
      return write(a, context: 2) + t(" ⊙ ") + write(b, context: right)
    case .transpose(let a):
      // ∂L/∂yᵀ would read as the gradient with respect to yᵀ.
      switch a {
      case .upstream, .derivative: return t("(") + body(a) + t(")ᵀ")
      default: return write(a, context: 5) + t("ᵀ")
      }
    case .blank: return Dialect.blank
    case .derivative(let of, let wrt):
      return t("∂") + write(of, context: 5) + t("/∂") + write(wrt, context: 5)
    case .negate(let a):
      // −(a·b) = (−a)·b and −(a/b) = (−a)/b, so only sums and signs need parentheses.
      switch a {
      case .negate, .number: return t("−") + write(a, context: 4)
      default: return t("−") + write(a, context: 2)
      }
    case .sum(let a, let b): return write(a, context: 1) + t(" + ") + write(b, context: 2)
    case .difference(let a, let b): return write(a, context: 1) + t(" − ") + write(b, context: 2)
    case .product(let factors): return product(factors)
    case .quotient(let a, let b): return write(a, context: 2) + t("/") + write(b, context: 3)
    case .power(let base, let exponent):
      var plain: String?
      if case .number(let v) = exponent, v == v.rounded(), Swift.abs(v) < 1000 {
        plain = NumberFormat.full.format(v)
      }
      return Dialect.power(
        base: write(base, context: 5), exponent: write(exponent, context: 0), plain: plain)
    case .apply(let op, let args):
      let spelling = op.spelling
      switch spelling.form {
      case .radical: return t("√") + write(args[0], context: 5)
      case .call where spelling.isLetter:
        return t(spelling.name + "(") + arguments(args) + t(")")
      case .call, .bars:
        return Dialect.function(spelling.name) + t("(") + arguments(args) + t(")")
      }
    case .sign(let a): return Dialect.function("sign") + t("(") + write(a, context: 0) + t(")")
    case .equation(let sides):
      return sides.map { write($0, context: 1) }.joined(separator: t(" = "))
    case .matrix(let rows):
      // numpy's nesting on one line: [1, 2] for a row, [[1, 2], [3, 4]] for a matrix.
      let lines = rows.map { t("[") + arguments($0) + t("]") }
      return lines.count == 1 ? lines[0] : t("[") + lines.joined(separator: t(", ")) + t("]")
    case .indicator(let c):
      let (a, sign, b) = c.parts
      return t("[") + write(a, context: 0) + t(" \(sign) ") + write(b, context: 0) + t("]")
    }
  }

  private func arguments(_ args: [Formula]) -> String {
    args.map { write($0, context: 0) }.joined(separator: t(", "))
  }

  /// Factors side by side (`y²exp(−x)`), with `·` where juxtaposition would misread.
  private func product(_ factors: [Formula]) -> String {
    var text = ""
    for (i, factor) in factors.enumerated() {
      if i > 0, let sign = Formula.productSign(between: factors[i - 1], and: factor) {
        text += t(sign == "×" ? " × " : sign)
      } else if i > 0, factor.isCall, case .symbol = factors[i - 1] {
        // A thin space before a function after a bare name, as print sets `t log p`: run
        // together, `tlog(p)` reads as one function. (After a power the script separates
        // them: DLFS's `y²exp(−x)`.)
        text += t("\u{2009}")
      }
      text += write(factor, context: 3)
    }
    return text
  }

  /// After a derivative or a fraction, before a number or a fraction: `∂L/∂y·y²`, `2·3`;
  /// `2x` and `y²exp(−x)` stay side by side (`t log(p)` only a thin space apart).
  static func needsDot(between previous: Formula, and next: Formula) -> Bool {
    switch (previous, next) {
    case (.derivative, _), (.quotient, _), (_, .quotient), (_, .number): true
    default: isWord(previous) || isWord(next)
    }
  }

  /// A name of several letters (`price`, `apple_num`): side by side they would run together.
  static func isWord(_ f: Formula) -> Bool {
    switch f {
    case .symbol(let name): UnicodeDialect.splitSubscript(name).base.count > 1
    case .power(let base, _): isWord(base)
    default: false
    }
  }
}
