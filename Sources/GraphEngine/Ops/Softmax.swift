/// softmax, log_softmax and logsumexp along an axis (the last unless `axis=k` says another; scipy's
/// `softmax(x, axis)`, PyTorch's `log_softmax(x, dim)`): each lane along the axis on its own.
/// On a number softmax is 1 and log_softmax 0, each with gradient 0.
extension OpDescriptor {
  private static let a = Formula.operand(0)

  /// softmax(x): yᵢ = exp(xᵢ)/Σⱼ exp(xⱼ) along the axis; ∂L/∂x = y ⊙ (∂L/∂y − Σⱼ ∂L/∂yⱼ·yⱼ),
  /// lane by lane.
  static let softmax = OpDescriptor(
    arity: 1, call: function("softmax", latex: "\\operatorname{softmax}"), shape: laneShape,
    forward: { _, _ in 1 }, gradients: { _, _, _ in [0] }, rules: { _ in [.init(0)] },
    value: { o, k in .call(.softmax, [o[0]] + laneArguments(k)) }, expansion: nil,
    valueProblem: generic, gradientProblem: genericGradient, symbol: named("Softmax"),
    folded: notFolded, walkthroughName: "Softmax", names: .init("softmax", "소프트맥스"),
    axis: AxisUse(name: "softmax", absent: -1, positional: true), lossPart: .probabilities,
    tensor: TensorRule(
      forward: { x, k in alongLanes(x[0], k) { logSoftmax($0).map(Math.exp) } },
      backward: { x, y, g, k in
        var out = y.elements
        for lane in x[0].lanes(along: AxisParameter(k).index(in: x[0].shape)) {
          let dot = lane.reduce(0) { $0 + g.elements[$1] * y.elements[$1] }
          for e in lane { out[e] = y.elements[e] * (g.elements[e] - dot) }
        }
        return [Tensor(y.shape, out)]
      },
      // y ⊙ (∂L/∂y − Σⱼ ∂L/∂yⱼ·yⱼ) has no short form in the books' notation.
      formulas: { _ in [nil] }, cancels: true))

  /// log_softmax(x): yᵢ = xᵢ − logsumexp(x) along the axis, finite where softmax underflows
  /// to 0; ∂L/∂xᵢ = ∂L/∂yᵢ − softmax(x)ᵢ·Σⱼ ∂L/∂yⱼ, lane by lane.
  static let logSoftmax = OpDescriptor(
    arity: 1, call: function("log_softmax", latex: "\\operatorname{log\\_softmax}"),
    shape: laneShape, forward: { _, _ in 0 }, gradients: { _, _, _ in [0] },
    rules: { _ in [.init(0)] },
    value: { o, k in .call(.logSoftmax, [o[0]] + laneArguments(k)) }, expansion: nil,
    valueProblem: generic, gradientProblem: genericGradient, symbol: named("log_softmax"),
    folded: notFolded, walkthroughName: "log_softmax",
    names: .init("log-softmax", "로그 소프트맥스"),
    axis: AxisUse(name: "log_softmax", absent: -1, positional: true),
    tensor: TensorRule(
      forward: { x, k in alongLanes(x[0], k, logSoftmax) },
      backward: { x, y, g, k in
        var out = g.elements
        for lane in x[0].lanes(along: AxisParameter(k).index(in: x[0].shape)) {
          let total = lane.reduce(0) { $0 + g.elements[$1] }
          for e in lane { out[e] = g.elements[e] - Math.exp(y.elements[e]) * total }
        }
        return [Tensor(x[0].shape, out)]
      },
      formulas: { shapes in
        // A vector: ∂L/∂y − sum(∂L/∂y)·softmax(x).
        guard shapes.inputs[0].rank == 1 else { return [nil] }
        return [
          .difference(.upstream, .product([.call(.sum, [.upstream]), .call(.softmax, [a])]))
        ]
      }, cancels: true))

  /// logsumexp(x, axis=k) = log Σᵢ exp(xᵢ) along axis k (every element with no axis), computed
  /// as m + log Σᵢ exp(xᵢ − m), m the lane's largest, so that exp cannot overflow.
  /// ∂L/∂xᵢ = ∂L/∂y · exp(xᵢ − y) = ∂L/∂y · softmax(x)ᵢ.
  static let logsumexp = reduction(
    .logsumexp, "logsumexp", node: "logsumexp", names: .init("log-sum-exp", "로그 합 지수(logsumexp)"),
    forward: { lane in logSumExp(lane) },
    backward: { lane, y, g in { i in g * Math.exp(lane[i] - y) } },
    formula: { shapes in
      let p = AxisParameter(shapes.k)
      let softmax = Formula.call(.softmax, [a])
      return p.axis == nil || shapes.inputs[0].rank == 1 || p.keepsDims
        ? (p.keepsDims ? .hadamard(.upstream, softmax) : .product([.upstream, softmax]))
        : nil
    }, call: function("logsumexp", latex: "\\operatorname{logsumexp}"),
    absent: AxisParameter.everyAxisParameter, cancels: true)

  /// log softmax of one lane: xᵢ − m − log Σⱼ exp(xⱼ − m), m the largest.
  static func logSoftmax(_ lane: [Double]) -> [Double] {
    // (xᵢ − m) − log Σ, never xᵢ − (m + log Σ): x = 1000 would lose 13 digits to the sum.
    let m = lane.max() ?? 0
    guard m.isFinite else { return lane.map { $0 - m } }
    let log = Math.log(lane.reduce(0) { $0 + Math.exp($1 - m) })
    return lane.map { $0 - m - log }
  }

  /// `f` applied to each lane along the axis of parameter `k`, the results in place.
  static func alongLanes(_ x: Tensor, _ k: Double, _ f: ([Double]) -> [Double]) -> Tensor {
    var out = x.elements
    for lane in x.lanes(along: AxisParameter(k).index(in: x.shape)) {
      for (e, v) in zip(lane, f(lane.map { x.elements[$0] })) { out[e] = v }
    }
    return Tensor(x.shape, out)
  }

  /// The axis a formula writes: none for the last (the default).
  static func laneArguments(_ k: Double) -> [Formula] {
    let axis = AxisParameter(k).axis ?? -1
    return axis == -1 ? [] : [.number(Double(axis))]
  }

  /// The same shape, when it has the axis (a number has only its one element).
  static let laneShape: @Sendable ([Shape], Double) -> Result<Shape, ShapeMismatch> = {
    shapes, k in
    // A number is its own one lane along the default axis.
    if shapes[0].isScalar && AxisParameter(k).axis == -1 { return .success(.scalar) }
    if let problem = AxisParameter(k).problem(shapes[0]) { return .failure(problem) }
    return .success(shapes[0])
  }
}
