/// The functions a lesson calls by name. `a` is operand 0, `b` operand 1, `y` the result.
extension OpDescriptor {
  private static let a = Formula.operand(0)
  private static let b = Formula.operand(1)
  private static let y = Formula.result
  private static func number(_ v: Double) -> String { DomainMessage.number(v) }

  /// An elementary function of one argument, labelled with its name in every style.
  private static func unary(
    _ name: String, latex: String? = nil, form: Spelling.Form = .call,
    forward: @escaping @Sendable (Double) -> Double,
    gradient: @escaping @Sendable (_ a: Double, _ y: Double) -> Double,
    rule: @escaping @Sendable () -> LocalGradientFormula,
    valueProblem: @escaping @Sendable ([Double], Double, Double) -> String? = generic,
    gradientProblem: @escaping @Sendable (Int, [Double], Double) -> String? = genericGradient,
    symbol: String? = nil, names: Names, op: Op
  ) -> OpDescriptor {
    OpDescriptor(
      arity: 1,
      call: Call(
        name: name, spelling: Spelling(name, latex: latex ?? "\\" + name, form: form)),
      shape: elementwise, forward: { x, _ in forward(x[0]) },
      gradients: { x, y, _ in [gradient(x[0], y)] },
      rules: { _ in [rule()] }, value: { o, _ in .call(op, [o[0]]) }, expansion: nil,
      valueProblem: valueProblem, gradientProblem: gradientProblem,
      symbol: named(symbol ?? name), folded: notFolded, walkthroughName: symbol ?? name,
      names: names)
  }

  /// eᵃ; ∂/∂a = eᵃ = y.
  static let exp = unary(
    "exp", forward: Math.exp, gradient: { _, y in y },
    rule: { .init(.call(.exp, [a]), orInResult: y) }, names: .init("exponential", "지수 함수"), op: .exp
  )

  /// ln a (a > 0); ∂/∂a = 1/a.
  static let log = unary(
    "log", forward: { $0 > 0 ? Math.log($0) : .nan }, gradient: { a, _ in 1 / a },
    rule: { .init(.quotient(1, a)) },
    valueProblem: { x, _, _ in
      x[0] <= 0 ? "log needs a positive argument, but here it is \(number(x[0]))" : nil
    }, names: .init("natural logarithm", "자연로그"), op: .log)

  /// √a (a ≥ 0); ∂/∂a = 1/(2√a) = 1/(2y), infinite at 0.
  static let sqrt = unary(
    "sqrt", form: .radical, forward: Math.sqrt, gradient: { _, y in 1 / (2 * y) },
    rule: {
      .init(
        .quotient(1, .product([2, .call(.sqrt, [a])])), orInResult: .quotient(1, .product([2, y])))
    },
    valueProblem: { x, _, _ in
      x[0] < 0 ? "sqrt needs a non-negative argument, but here it is \(number(x[0]))" : nil
    },
    gradientProblem: { _, x, _ in
      "the gradient of sqrt is 1/(2·sqrt(a)), which is infinite at a = \(number(x[0]))"
    }, symbol: "√", names: .init("square root", "제곱근"), op: .sqrt)

  /// sin a; ∂/∂a = cos a.
  static let sin = unary(
    "sin", forward: Math.sin, gradient: { a, _ in Math.cos(a) },
    rule: { .init(.call(.cos, [a])) }, names: .init("sine", "사인"), op: .sin)

  /// cos a; ∂/∂a = −sin a.
  static let cos = unary(
    "cos", forward: Math.cos, gradient: { a, _ in -Math.sin(a) },
    rule: { .init(.negate(.call(.sin, [a]))) }, names: .init("cosine", "코사인"), op: .cos)

  /// tan a; ∂/∂a = 1 + tan²a = 1 + y² (= 1/cos²a).
  static let tan = unary(
    "tan", forward: Math.tan, gradient: { _, y in 1 + y * y },
    rule: { .init(.sum(1, .power(.call(.tan, [a]), 2)), orInResult: .sum(1, .power(y, 2))) },
    names: .init("tangent", "탄젠트"), op: .tan)

  /// relu a = max(a, 0); ∂/∂a = 1 if a > 0, else 0 (0 at a = 0).
  static let relu = unary(
    "relu", latex: "\\operatorname{relu}", forward: { $0 > 0 ? $0 : 0 },
    gradient: { a, _ in a > 0 ? 1 : 0 }, rule: { .init(.indicator(.greater(a, 0))) },
    names: .init("rectified linear unit", "ReLU"), op: .relu)

  /// |a|; ∂/∂a = sign a (0 at a = 0).
  static let abs = unary(
    "abs", form: .bars, forward: { Swift.abs($0) },
    gradient: { a, _ in a > 0 ? 1 : (a < 0 ? -1 : 0) }, rule: { .init(.sign(a)) },
    names: .init("absolute value", "절댓값"), op: .abs)

  /// max(a, b); ∂/∂a = 1 if a ≥ b, else 0; ∂/∂b = 1 if a < b, else 0 (a tie sends the whole
  /// gradient to the first input).
  static let max = OpDescriptor(
    arity: 2, call: function("max"), shape: elementwise,
    forward: { x, _ in x[0] >= x[1] ? x[0] : x[1] },
    gradients: { x, _, _ in x[0] >= x[1] ? [1, 0] : [0, 1] },
    rules: { _ in [.init(.indicator(.greaterOrEqual(a, b))), .init(.indicator(.less(a, b)))] },
    value: { o, _ in .call(.max, o) }, expansion: nil, valueProblem: generic,
    gradientProblem: genericGradient, symbol: named("max"),
    folded: { k, _ in "max(·, \(k))" }, walkthroughName: "max",
    names: .init("maximum", "최댓값"))

  /// min(a, b); ∂/∂a = 1 if a ≤ b, else 0; ∂/∂b = 1 if a > b, else 0.
  static let min = OpDescriptor(
    arity: 2, call: function("min"), shape: elementwise,
    forward: { x, _ in x[0] <= x[1] ? x[0] : x[1] },
    gradients: { x, _, _ in x[0] <= x[1] ? [1, 0] : [0, 1] },
    rules: { _ in [.init(.indicator(.lessOrEqual(a, b))), .init(.indicator(.greater(a, b)))] },
    value: { o, _ in .call(.min, o) }, expansion: nil, valueProblem: generic,
    gradientProblem: genericGradient, symbol: named("min"),
    folded: { k, _ in "min(·, \(k))" }, walkthroughName: "min",
    names: .init("minimum", "최솟값"))
}
