/// Composite functions: drawn as one node whose local gradient is a closed form, and
/// expandable into the primitive graphs the textbooks draw. `a` is operand 0, `y` the result.
extension OpDescriptor {
  private static let a = Formula.operand(0)
  private static let y = Formula.result

  /// σ(a) = 1/(1 + e⁻ᵃ); ∂/∂a = σ(a)(1 − σ(a)) = y(1 − y). Expands to the chain DLFS draws
  /// (Fig. 5-19): a × (−1) → exp → 1 + · → 1/·.
  static let sigmoid = OpDescriptor(
    arity: 1,
    call: Call(name: "sigmoid", spelling: Spelling("σ", latex: "\\sigma", isLetter: true)),
    shape: elementwise, forward: { x, _ in Op.sigmoid(x[0]) },
    gradients: { _, y, _ in [y * (1 - y)] },
    rules: { _ in
      let s = Formula.call(.sigmoid, [a])
      return [
        .init(.product([s, .difference(1, s)]), orInResult: .product([y, .difference(1, y)]))
      ]
    }, value: { o, _ in .call(.sigmoid, [o[0]]) },
    expansion: { graph, x in
      let minusOne = graph.add(.constant, [], -1)
      let negated = graph.add(.mul, [x[0], minusOne])
      let e = graph.add(.exp, [negated])
      let one = graph.add(.constant, [], 1)
      let denominator = graph.add(.add, [one, e])
      return graph.add(.recip, [denominator])
    }, valueProblem: generic, gradientProblem: genericGradient, symbol: named("sigmoid"),
    folded: notFolded, walkthroughName: "sigmoid",
    names: .init("sigmoid", "시그모이드"), lossPart: .squashing)

  /// tanh a = (eᵃ − e⁻ᵃ)/(eᵃ + e⁻ᵃ); ∂/∂a = 1 − tanh²a = 1 − y². Expands to that quotient.
  static let tanh = OpDescriptor(
    arity: 1, call: function("tanh"), shape: elementwise, forward: { x, _ in Math.tanh(x[0]) },
    gradients: { _, y, _ in [1 - y * y] },
    rules: { _ in
      [
        .init(
          .difference(1, .power(.call(.tanh, [a]), 2)), orInResult: .difference(1, .power(y, 2)))
      ]
    }, value: { o, _ in .call(.tanh, [o[0]]) },
    expansion: { graph, x in
      let ePlus = graph.add(.exp, [x[0]])
      let negated = graph.add(.neg, [x[0]])
      let eMinus = graph.add(.exp, [negated])
      let numerator = graph.add(.sub, [ePlus, eMinus])
      let denominator = graph.add(.add, [ePlus, eMinus])
      return graph.add(.div, [numerator, denominator])
    }, valueProblem: generic, gradientProblem: genericGradient, symbol: named("tanh"),
    folded: notFolded, walkthroughName: "tanh",
    names: .init("hyperbolic tangent", "쌍곡탄젠트"))

  /// softplus a = ln(1 + eᵃ), a smooth relu; ∂/∂a = eᵃ/(1 + eᵃ) = σ(a). Computed as
  /// max(a, 0) + ln(1 + e^−|a|), which neither overflows nor loses the small values; expands
  /// to exp → 1 + · → log.
  static let softplus = OpDescriptor(
    arity: 1, call: function("softplus", latex: "\\operatorname{softplus}"),
    shape: elementwise,
    forward: { x, _ in Swift.max(x[0], 0) + Math.log1p(Math.exp(-Swift.abs(x[0]))) },
    gradients: { x, _, _ in [Op.sigmoid(x[0])] },
    rules: { _ in [.init(.call(.sigmoid, [a]))] }, value: { o, _ in .call(.softplus, [o[0]]) },
    expansion: { graph, x in
      let e = graph.add(.exp, [x[0]])
      let one = graph.add(.constant, [], 1)
      let sum = graph.add(.add, [one, e])
      return graph.add(.log, [sum])
    }, valueProblem: generic, gradientProblem: genericGradient, symbol: named("softplus"),
    folded: notFolded, walkthroughName: "softplus",
    names: .init("softplus", "소프트플러스"))
}

extension Op {
  /// σ(a) = 1/(1 + e⁻ᵃ), computed without overflow for large |a|: for a < 0 it uses the
  /// equal form eᵃ/(1 + eᵃ).
  static func sigmoid(_ a: Double) -> Double {
    if a >= 0 { return 1 / (1 + Math.exp(-a)) }
    let e = Math.exp(a)
    return e / (1 + e)
  }
}
