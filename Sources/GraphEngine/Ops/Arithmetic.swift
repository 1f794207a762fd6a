/// The operators: + − × / 1/a −a aᵇ aᵏ. `a` is operand 0, `b` operand 1, `y` the result,
/// `k` the node's parameter (a constant exponent).
extension OpDescriptor {
  private static let a = Formula.operand(0)
  private static let b = Formula.operand(1)
  private static let y = Formula.result
  private static func number(_ v: Double) -> String { DomainMessage.number(v) }

  /// a + b; ∂/∂a = 1, ∂/∂b = 1.
  static let add = OpDescriptor(
    arity: 2, call: nil, shape: elementwise, forward: { x, _ in x[0] + x[1] },
    gradients: { _, _, _ in [1, 1] },
    rules: { _ in [.init(1), .init(1)] }, value: { o, _ in .sum(o[0], o[1]) }, expansion: nil,
    valueProblem: generic, gradientProblem: genericGradient, symbol: { _ in ("+", "+") },
    folded: { k, _ in "+" + k }, walkthroughName: "+",
    names: .init("addition", "덧셈"))

  /// a − b; ∂/∂a = 1, ∂/∂b = −1.
  static let sub = OpDescriptor(
    arity: 2, call: nil, shape: elementwise, forward: { x, _ in x[0] - x[1] },
    gradients: { _, _, _ in [1, -1] },
    rules: { _ in [.init(1), .init(.number(-1))] }, value: { o, _ in .difference(o[0], o[1]) },
    expansion: nil, valueProblem: generic, gradientProblem: genericGradient,
    symbol: { _ in ("−", "−") }, folded: { k, side in side == 1 ? "−" + k : nil },
    walkthroughName: "−",
    names: .init("subtraction", "뺄셈"), operandMarks: [nil, "−"], lossPart: .difference)

  /// a · b; ∂/∂a = b, ∂/∂b = a.
  static let mul = OpDescriptor(
    arity: 2, call: nil, shape: elementwise, forward: { x, _ in x[0] * x[1] },
    gradients: { x, _, _ in [x[1], x[0]] },
    rules: { _ in [.init(b), .init(a)] }, value: { o, _ in .product([o[0], o[1]]) },
    expansion: nil, valueProblem: generic, gradientProblem: genericGradient,
    symbol: { _ in ("×", "*") }, folded: { k, _ in "*" + k }, walkthroughName: "×",
    names: .init("multiplication", "곱셈"))

  /// a / b; ∂/∂a = 1/b, ∂/∂b = −a/b² = −y/b.
  static let div = OpDescriptor(
    arity: 2, call: nil, shape: elementwise, forward: { x, _ in x[0] / x[1] },
    gradients: { x, _, _ in [1 / x[1], -x[0] / (x[1] * x[1])] },
    rules: { _ in
      [
        .init(.quotient(1, b)),
        .init(.negate(.quotient(a, .power(b, 2))), orInResult: .negate(.quotient(y, b))),
      ]
    }, value: { o, _ in .quotient(o[0], o[1]) }, expansion: nil,
    valueProblem: { x, _, _ in
      guard x[1] == 0 else { return nil }
      return x[0] == 0 ? "0/0 is undefined" : "division by zero: \(number(x[0]))/0"
    }, gradientProblem: genericGradient, symbol: { _ in ("/", "/") },
    folded: { k, side in side == 1 ? "/" + k : nil }, walkthroughName: "/",
    names: .init("division", "나눗셈"), operandMarks: [nil, "÷"])

  /// 1/a, the textbooks' unary `/` node; ∂/∂a = −1/a² = −y².
  static let recip = OpDescriptor(
    arity: 1, call: nil, shape: elementwise, forward: { x, _ in 1 / x[0] },
    gradients: { _, y, _ in [-(y * y)] },
    rules: { _ in [.init(.negate(.quotient(1, .power(a, 2))), orInResult: .negate(.power(y, 2)))] },
    value: { o, _ in .quotient(1, o[0]) }, expansion: nil,
    valueProblem: { x, _, _ in x[0] == 0 ? "division by zero: 1/0" : nil },
    gradientProblem: genericGradient, symbol: { _ in ("/", "1/x") }, folded: notFolded,
    walkthroughName: "/",
    names: .init("reciprocal", "역수"))

  /// −a; ∂/∂a = −1.
  static let neg = OpDescriptor(
    arity: 1, call: nil, shape: elementwise, forward: { x, _ in -x[0] },
    gradients: { _, _, _ in [-1] },
    rules: { _ in [.init(.number(-1))] }, value: { o, _ in .negate(o[0]) }, expansion: nil,
    valueProblem: generic, gradientProblem: genericGradient, symbol: { _ in ("×(−1)", "*−1") },
    folded: notFolded, walkthroughName: "×(−1)",
    names: .init("negation", "부호 반전"))

  /// aᵇ with a variable exponent; ∂/∂a = b·aᵇ⁻¹ (0 for b = 0), ∂/∂b = aᵇ·ln a = y·ln a
  /// (needs a > 0; 0 at a = 0 for b > 0, where 0ᵇ is constant).
  static let pow = OpDescriptor(
    arity: 2, call: nil, shape: elementwise, forward: { x, _ in Math.pow(x[0], x[1]) },
    gradients: { x, y, _ in
      // b·a^(b−1) is 0 for b = 0 (a^0 is constant), where pow(0, −1) would give 0·∞; and
      // a^b·ln a is 0 at a = 0 for b > 0 (0^b is constant), where ln 0 would give 0·(−∞).
      let da = x[1] == 0 ? 0 : x[1] * Math.pow(x[0], x[1] - 1)
      let db = x[0] > 0 ? y * Math.log(x[0]) : (x[0] == 0 && x[1] > 0 ? 0 : .nan)
      return [da, db]
    },
    rules: { _ in
      [
        .init(.product([b, .power(a, .difference(b, 1))])),
        .init(
          .product([.power(a, b), .call(.log, [a])]), orInResult: .product([y, .call(.log, [a])])),
      ]
    }, value: { o, _ in .power(o[0], o[1]) }, expansion: nil,
    valueProblem: { x, y, _ in
      y.isNaN ? "\(number(x[0]))^\(number(x[1])) is not a real number" : nil
    },
    gradientProblem: { i, x, _ in
      i == 1
        ? "the gradient of a^b with respect to b is a^b·ln a, which needs a > 0, "
          + "but here a = \(number(x[0]))" : nil
    }, symbol: { _ in ("**", "**") }, folded: notFolded, walkthroughName: "^",
    names: .init("power", "거듭제곱"), operandMarks: [nil, "^"])

  /// aᵏ with a constant exponent k, drawn `**k` in DLFS; ∂/∂a = k·aᵏ⁻¹ (0 for k = 0).
  static let powConst = OpDescriptor(
    arity: 1, call: nil, shape: elementwise, forward: { x, k in Math.pow(x[0], k) },
    gradients: { x, _, k in [k == 0 ? 0 : k * Math.pow(x[0], k - 1)] },
    rules: { k in [.init(.product([.number(k), .power(a, .number(k - 1))]))] },
    value: { o, k in .power(o[0], .number(k)) }, expansion: nil,
    valueProblem: { x, y, k in
      if y.isNaN { return "\(number(x[0]))^\(number(k)) is not a real number" }
      if x[0] == 0 { return "0^\(number(k)) is infinite" }
      return "\(DomainMessage.exact(x[0]))^\(number(k)) overflows to \(y > 0 ? "" : "-")infinity"
    },
    gradientProblem: { _, x, k in
      "the gradient of a^\(number(k)) is infinite at a = \(number(x[0]))"
    }, symbol: { k in ("**" + k, "**" + k) }, folded: notFolded, walkthroughName: "^",
    names: .init("power", "거듭제곱"), lossPart: .power)
}
