/// The ops that reduce along an axis, with numpy's meaning and spelling: `sum(x, axis=k)`,
/// `mean(x, axis=k)` and `max(x, axis=k)` (and `logsumexp`, in `Softmax.swift`), each with
/// `keepdims=true`
/// (the axis stays with size 1) and a negative k counting from the last axis
/// (``AxisParameter``). Each backward pass sends ∂L/∂y back along the axis it came from: a
/// sum repeats it, a mean repeats it over n, a max sends it to the largest element. On a
/// number (the scalar rules) each is y = x.
extension OpDescriptor {
  /// sum(x, axis=k), numpy's `np.sum`: yⱼ = Σᵢ xᵢⱼ along axis k. ∂L/∂x repeats ∂L/∂y along
  /// that axis (a Sum's backward pass is a Repeat, DLFS 2 §1.3.4).
  static let sumAxis = reduction(
    .sumAxis, "sum", node: "Sum", names: .init("sum over an axis", "축 방향 합"),
    forward: { lane in lane.reduce(0, +) },
    backward: { _, _, g in { _ in g } },
    formula: { shapes in
      // A vector's one axis, or an axis kept: every element gets ∂L/∂y. Axis 0 of a matrix:
      // ∂L/∂y as each of its N rows.
      let p = AxisParameter(shapes.k)
      if shapes.inputs[0].rank == 1 || p.keepsDims { return .product([.upstream, .ones]) }
      // Axis 1 of a matrix: ∂L/∂y, a column of one entry a row, times a row of ones.
      if p.index(in: shapes.inputs[0]) == 1 && shapes.inputs[0].rank == 2 {
        return .product([.upstream, .transpose(.ones)])
      }
      guard p.index(in: shapes.inputs[0]) == 0 else { return nil }
      return repeated(.upstream, rows: shapes.rows[0])
    })

  /// mean(x, axis=k), numpy's `np.mean`: the sum along axis k over its size n. ∂L/∂x repeats
  /// ∂L/∂y / n along that axis.
  static let meanAxis = reduction(
    .meanAxis, "mean", node: "mean", names: .init("mean over an axis", "축 방향 평균"),
    forward: { lane in lane.reduce(0, +) / Double(lane.count) },
    backward: { lane, _, g in { _ in g / Double(lane.count) } },
    formula: { shapes in
      let p = AxisParameter(shapes.k)
      let x = shapes.inputs[0]
      let n = shapes.written(count: p.laneLength(x))
      if x.rank == 1 || p.keepsDims { return .quotient(.product([.upstream, .ones]), n) }
      if p.index(in: x) == 1 && x.rank == 2 {
        return .quotient(.product([.upstream, .transpose(.ones)]), n)
      }
      guard p.index(in: x) == 0 else { return nil }
      return .quotient(repeated(.upstream, rows: shapes.rows[0]), n)
    }, averagesOver: { shapes in AxisParameter(shapes.k).laneLength(shapes.inputs[0]) })

  /// max(x, axis=k), numpy's `np.max` (`np.amax`): the largest element along axis k. ∂L/∂x is
  /// ∂L/∂y at that element and 0 at the others; where several elements tie for the largest,
  /// all of it goes to the first of them, the one `np.argmax` returns (PyTorch's `max(dim)`
  /// does the same; a subgradient either way).
  static let maxAxis = reduction(
    .maxAxis, "max", node: "max", names: .init("maximum over an axis", "축 방향 최댓값"),
    forward: { lane in lane.max() ?? 0 },
    backward: { lane, _, g in
      let first = lane.firstIndex(of: lane.max() ?? 0) ?? 0
      return { i in i == first ? g : 0 }
    },
    // On absolute values another element would be the largest.
    formula: { _ in nil }, cancels: true)

  /// An op that reduces each lane along an axis to one number, called `name(x, axis=k)`.
  /// `forward` reduces a lane; `backward`, given a lane, its result y and ∂L/∂y, says what
  /// its i-th element gets back. `formula` is ∂L/∂x as a formula, nil where no short one
  /// says it. `call` and `absent`: the op's own name when `name(x)` without an axis is also
  /// this op, and the parameter it then has.
  static func reduction(
    _ op: Op, _ name: String, node: String, names: Names,
    forward: @escaping @Sendable ([Double]) -> Double,
    backward: @escaping @Sendable ([Double], Double, Double) -> (Int) -> Double,
    formula: @escaping @Sendable (GradientShapes) -> Formula?, call: Call? = nil,
    absent: Double? = nil, cancels: Bool = false,
    averagesOver: (@Sendable (GradientShapes) -> Int)? = nil
  ) -> OpDescriptor {
    OpDescriptor(
      arity: 1, call: call, shape: axisShape, forward: { x, _ in x[0] },
      gradients: { _, _, _ in [1] }, rules: { _ in [.init(1)] },
      value: { o, k in .call(op, [o[0]] + axisArguments(k)) }, expansion: nil,
      valueProblem: generic, gradientProblem: genericGradient, symbol: named(node),
      folded: notFolded, walkthroughName: node, names: names,
      axis: AxisUse(name: name, absent: absent, positional: op != .maxAxis),
      tensor: TensorRule(
        forward: { x, k in
          let p = AxisParameter(k)
          let lanes = x[0].lanes(along: p.index(in: x[0].shape))
          return Tensor(
            p.reduced(x[0].shape), lanes.map { lane in forward(lane.map { x[0].elements[$0] }) })
        },
        backward: { x, y, g, k in
          let p = AxisParameter(k)
          var out = [Double](repeating: 0, count: x[0].elements.count)
          for (l, lane) in x[0].lanes(along: p.index(in: x[0].shape)).enumerated() {
            let share = backward(lane.map { x[0].elements[$0] }, y.elements[l], g.elements[l])
            for (i, e) in lane.enumerated() { out[e] = share(i) }
          }
          return [Tensor(x[0].shape, out)]
        },
        formulas: { shapes in [formula(shapes)] }, cancels: cancels,
        averagesOver: averagesOver))
  }

  /// The axis as a formula's arguments: `k`, then `keepdims` when the axis is kept; none for
  /// every axis.
  static func axisArguments(_ k: Double) -> [Formula] {
    let p = AxisParameter(k)
    guard let axis = p.axis else { return [] }
    return [.number(Double(axis))] + (p.keepsDims ? [.symbol("keepdims")] : [])
  }

  /// The shape rule of an op along an axis: the axis removed, or kept with size 1.
  static let axisShape: @Sendable ([Shape], Double) -> Result<Shape, ShapeMismatch> = {
    shapes, k in
    let p = AxisParameter(k)
    if let problem = p.problem(shapes[0]) { return .failure(problem) }
    return .success(p.reduced(shapes[0]))
  }

  /// log Σᵢ exp(xᵢ), with the largest subtracted first.
  static func logSumExp(_ lane: [Double]) -> Double {
    let m = lane.max() ?? 0
    guard m.isFinite else { return m }
    return m + Math.log(lane.reduce(0) { $0 + Math.exp($1 - m) })
  }

  /// The sum along one axis, which is removed (a Repeat's backward pass).
  static func summed(_ x: Tensor, axis: Int) -> Tensor {
    let lanes = x.lanes(along: axis)
    return Tensor(
      AxisParameter(axis: axis).reduced(x.shape),
      lanes.map { lane in lane.reduce(0) { $0 + x.elements[$1] } })
  }
}
