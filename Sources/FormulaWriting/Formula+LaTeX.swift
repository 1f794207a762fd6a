public import GraphEngine

extension Formula {
  /// The formula as LaTeX math (for Markdown's `$…$` in GitHub, KaTeX and MathJax):
  /// `\frac{\partial L}{\partial y} y^{2} \exp\left(-x\right)`, fractions stacked,
  /// parentheses that grow (`\left( … \right)`), word names upright (`\mathrm{price}`).
  public func latex(numbers: NumberFormat = .shortest(significantDigits: 6)) -> String {
    LaTeXWriter(numbers: numbers).write(self, context: 0)
  }
}

/// Writes formulas as LaTeX. Fractions are stacked, so a quotient binds like an atom.
struct LaTeXWriter {
  var numbers: NumberFormat

  func write(_ f: Formula, context: Int) -> String {
    let text = body(f)
    return f.displayPrecedence < context ? "\\left(" + text + "\\right)" : text
  }

  static func symbol(_ name: String) -> String {
    let (base, sub) = UnicodeDialect.splitSubscript(name)
    let shown =
      base.count == 1 ? base : "\\mathrm{" + base.replacingOccurrences("_", "\\_") + "}"
    guard let sub else { return shown }
    let script = sub.count == 1 || sub.allSatisfy(\.isNumber) ? sub : "\\mathrm{\(sub)}"
    return shown + "_{" + script + "}"
  }

  private func body(_ f: Formula) -> String {
    switch f {
    case .number(let v):
      let text = numbers.format(v)
      guard let (mantissa, exponent) = UnicodeDialect.splitExponent(text) else { return text }
      return mantissa + " \\times 10^{" + exponent + "}"
    case .symbol(let name): return Self.symbol(name)
    case .operand(let i): return ["a", "b", "c"][Swift.min(i, 2)]
    case .result: return "y"
    case .upstream: return "\\frac{\\partial L}{\\partial y}"
    case .ones: return "\\mathbf{1}"
    case .hadamard(let a, let b): return write(a, context: 2) + " \\odot " + write(b, context: 3)
    case .transpose(let a): return "{" + write(a, context: 5) + "}^{\\top}"
    // A box as wide as a six-digit number, for the reader to fill in.
    case .blank: return "\\boxed{\\phantom{0.000000}}"
    case .derivative(let of, let wrt):
      return "\\frac{\\partial " + write(of, context: 5) + "}{\\partial " + write(wrt, context: 5)
        + "}"
    case .negate(let a):
      switch a {
      case .negate, .number: return "-" + write(a, context: 4)
      default: return "-" + write(a, context: 2)
      }
    case .sum(let a, let b): return write(a, context: 1) + " + " + write(b, context: 2)
    case .difference(let a, let b): return write(a, context: 1) + " - " + write(b, context: 2)
    case .product(let factors):
      var text = ""
      for (i, factor) in factors.enumerated() {
        if i > 0 {
          switch Formula.productSign(between: factors[i - 1], and: factor) {
          case "×": text += " \\times "
          case "·": text += " \\cdot "
          default: text += " "
          }
        }
        text += write(factor, context: 3)
      }
      return text
    case .quotient(let a, let b):
      return "\\frac{" + write(a, context: 0) + "}{" + write(b, context: 0) + "}"
    case .power(let base, let exponent):
      // A stacked fraction is an atom, but raised to a power it needs its parentheses.
      let b = base.isFraction ? "\\left(" + body(base) + "\\right)" : write(base, context: 5)
      return "{" + b + "}^{" + write(exponent, context: 0) + "}"
    case .apply(let function, let args):
      let list = args.map { write($0, context: 0) }.joined(separator: ", ")
      let spelling = function.spelling
      switch spelling.form {
      case .radical: return "\\sqrt{" + list + "}"
      case .bars: return "\\left\\lvert " + list + " \\right\\rvert"
      case .call: return spelling.latex + "\\left(" + list + "\\right)"
      }
    case .sign(let a): return "\\operatorname{sign}\\left(" + write(a, context: 0) + "\\right)"
    case .equation(let sides): return sides.map { write($0, context: 1) }.joined(separator: " = ")
    case .matrix(let rows):
      return "\\begin{bmatrix}"
        + rows.map { $0.map { write($0, context: 0) }.joined(separator: " & ") }
        .joined(separator: " \\\\ ") + "\\end{bmatrix}"
    case .indicator(let c):
      let (a, sign, b) = c.parts
      let op = ["≥": " \\geq ", "≤": " \\leq "][sign] ?? " \(sign) "
      return "\\left[" + write(a, context: 0) + op + write(b, context: 0) + "\\right]"
    }
  }
}

extension String {
  /// `self` with every `target` replaced (without Foundation).
  public func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
    var out = ""
    for c in self { if c == target { out += replacement } else { out.append(c) } }
    return out
  }
}

extension Formula {
  /// How tightly the formula binds when fractions are stacked (LaTeX, MathML, typeset math):
  /// sum 1, product 2, negation 3, power 4, atom 5; an equation 0.
  public var displayPrecedence: Int { precedence(stackedFractions: true) }

  /// Binding strength: equation 0, sum 1, product 2, negation 3, power 4, atom 5 (a negative
  /// number binds like a product). A quotient is an atom when set as a stacked fraction
  /// (LaTeX, MathML, the typeset handout) and binds like a product written on one line.
  func precedence(stackedFractions: Bool) -> Int {
    switch self {
    case .equation: 0
    case .sum, .difference: 1
    case .product, .hadamard: 2
    case .quotient: stackedFractions ? 5 : 2
    case .negate: 3
    case .number(let v): v < 0 ? 2 : 5
    case .power, .transpose: 4
    default: 5
    }
  }

  /// A transposed matrix, the upstream gradient or the vector of ones: a factor of a matrix
  /// product, always set apart by `·`.
  var isArrayFactor: Bool {
    switch self {
    case .transpose, .upstream, .ones: true
    default: false
    }
  }

  /// Whether the formula is set as a stacked fraction (a quotient or a derivative).
  public var isFraction: Bool {
    switch self {
    case .quotient, .derivative: true
    default: false
    }
  }

  /// A name, or a name raised to a power (`x`, `w₁`, `x²`): what cannot stand next to
  /// another name without a sign between them.
  var isCall: Bool {
    if case .apply = self { return true }
    return false
  }

  var isName: Bool {
    switch self {
    case .symbol: true
    case .power(.symbol, _): true
    default: false
    }
  }

  /// What stands between two adjacent factors of a product: `×` between two numbers or blanks
  /// (1 × (−0.53)) and after a decimal (0.73 × (1 − 0.73)), `·` between two names (x·x, not
  /// xx; sigy·invden, not one long name) and where side by side would misread (∂L/∂y·y²),
  /// nothing otherwise (2x, y²exp(−x)).
  public static func productSign(between previous: Formula, and next: Formula) -> String? {
    if case .number = previous, case .number = next { return "×" }
    // A blank to fill in is a number to be: 1 × ▢, ▢ × ▢.
    if previous == .blank || next == .blank { return "×" }
    if previous.isName && next.isName { return "·" }
    // Matrix products: Xᵀ·∂L/∂Y, ∂L/∂Y·Wᵀ, ∂L/∂y·𝟏.
    if previous.isArrayFactor || next.isArrayFactor { return "·" }
    // tan(x)·x, exp(a)·exp(b): after a function's parentheses a factor would read as its
    // argument or as a second call.
    if case .apply = previous, next.isName || next.isCall { return "·" }
    // 0.731059 × (1 − 0.731059): a decimal written next to what follows reads as one number.
    if case .number(let v) = previous, v != v.rounded() { return "×" }
    return LinearFormulaWriter<UnicodeDialect>.needsDot(between: previous, and: next) ? "·" : nil
  }
}
