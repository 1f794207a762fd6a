/// The ops of vectors and matrices (DLFS chapter 5, DLFS 2 §1.3.4): the matrix product, sums,
/// repeat, softmax and the cross-entropy loss. Their scalar rules read them on numbers (a sum
/// of one number is that number); their ``TensorRule`` is what they do on shaped values,
/// with each backward pass as the books derive it. `a` is operand 0, `b` operand 1.
extension OpDescriptor {
  private static let a = Formula.operand(0)
  private static let b = Formula.operand(1)
  private static let y = Formula.result

  /// A @ B, numpy's `@`: (N, D)·(D, H) → (N, H); a vector (D) on the left is a row, on the
  /// right a column, and its axis is dropped from the result. ∂L/∂A = ∂L/∂Y·Bᵀ, ∂L/∂B =
  /// Aᵀ·∂L/∂Y (DLFS 5.6.1; each gradient has its variable's shape, CS231n's dimension check).
  static let matmul = OpDescriptor(
    arity: 2, call: nil, shape: matmulShape, forward: { x, _ in x[0] * x[1] },
    gradients: { x, _, _ in [x[1], x[0]] }, rules: { _ in [.init(b), .init(a)] },
    value: { o, _ in .product([o[0], o[1]]) }, expansion: nil, valueProblem: generic,
    gradientProblem: genericGradient, symbol: { _ in ("MatMul", "@") }, folded: notFolded,
    walkthroughName: "MatMul", names: .init("matrix product", "행렬 곱"),
    tensor: TensorRule(
      forward: { x, _ in product(x[0], x[1]) },
      backward: { x, _, g, _ in productGradients(x[0], x[1], g) },
      formulas: { shapes in productFormulas(shapes) }, multipliesMatrices: true))

  /// sum(x): every element added; ∂L/∂x = ∂L/∂y at every element (the Sum node's backward
  /// pass is a Repeat, DLFS 2 §1.3.4).
  static let sum = OpDescriptor(
    arity: 1, call: function("sum", latex: "\\operatorname{sum}"),
    shape: { _, _ in .success(.scalar) },
    forward: { x, _ in x[0] }, gradients: { _, _, _ in [1] }, rules: { _ in [.init(1)] },
    value: { o, _ in .call(.sum, [o[0]]) }, expansion: nil, valueProblem: generic,
    gradientProblem: genericGradient, symbol: named("Sum"), folded: notFolded,
    walkthroughName: "Sum", names: .init("sum", "합"),
    tensor: TensorRule(
      forward: { x, _ in Tensor(scalar: x[0].elements.reduce(0, +)) },
      backward: { x, _, g, _ in [Tensor(repeating: g.scalar, x[0].shape)] },
      formulas: { _ in [.product([.upstream, .ones])] }))

  /// mean(x): the sum divided by the count n; ∂L/∂x = ∂L/∂y / n at every element.
  static let mean = OpDescriptor(
    arity: 1, call: function("mean", latex: "\\operatorname{mean}"),
    shape: { _, _ in .success(.scalar) },
    forward: { x, _ in x[0] }, gradients: { _, _, _ in [1] }, rules: { _ in [.init(1)] },
    value: { o, _ in .call(.mean, [o[0]]) }, expansion: nil, valueProblem: generic,
    gradientProblem: genericGradient, symbol: named("mean"), folded: notFolded,
    walkthroughName: "mean", names: .init("mean", "평균"), lossPart: .average,
    tensor: TensorRule(
      forward: { x, _ in
        Tensor(scalar: x[0].elements.reduce(0, +) / Double(x[0].shape.count))
      },
      backward: { x, _, g, _ in
        [Tensor(repeating: g.scalar / Double(x[0].shape.count), x[0].shape)]
      },
      formulas: { shapes in
        [.quotient(.product([.upstream, .ones]), shapes.written(count: shapes.inputs[0].count))]
      }, averagesOver: { shapes in shapes.inputs[0].count }))

  /// repeat(x, n): n copies of a row, (D) or (1, D) → (n, D); its backward pass is a Sum
  /// over axis 0 (DLFS 2 §1.3.4).
  static let repeatRows = OpDescriptor(
    arity: 1, call: nil, shape: repeatShape, forward: { x, _ in x[0] },
    gradients: { _, _, _ in [1] }, rules: { _ in [.init(1)] },
    value: { o, k in .call(.repeatRows, [o[0], .number(k)]) }, expansion: nil,
    valueProblem: generic,
    gradientProblem: genericGradient, symbol: named("Repeat"), folded: notFolded,
    walkthroughName: "Repeat", names: .init("repeat", "반복"),
    tensor: TensorRule(
      forward: { x, k in
        let d = x[0].shape.count
        return Tensor(Shape([Int(k), d]), (0..<Int(k)).flatMap { _ in x[0].elements })
      },
      backward: { x, _, g, _ in [summed(g, axis: 0).reshaped(x[0].shape)] },
      formulas: { _ in [.call(.sum, [.upstream, .number(0)])] }, role: .rowCopies))

  /// cross_entropy(y, t) = −Σ t·log y / N, N the number of rows (1 for a vector);
  /// ∂L/∂y = −t/(N·y), ∂L/∂t = −log(y)/N.
  static let crossEntropy = OpDescriptor(
    arity: 2, call: function("cross_entropy", latex: "\\operatorname{CE}"), shape: lossShape,
    forward: { x, _ in -x[1] * Math.log(x[0]) },
    gradients: { x, _, _ in [-x[1] / x[0], -Math.log(x[0])] },
    rules: { _ in
      [.init(.negate(.quotient(b, a))), .init(.negate(.call(.log, [a])))]
    }, value: { o, _ in .call(.crossEntropy, [o[0], o[1]]) }, expansion: nil,
    valueProblem: { x, _, _ in
      x[0] <= 0 ? "cross_entropy needs y > 0: log(\(DomainMessage.number(x[0]))) is undefined" : nil
    }, gradientProblem: genericGradient, symbol: named("Cross Entropy Error"),
    folded: notFolded, walkthroughName: "Cross Entropy Error",
    names: .init("cross-entropy error", "교차 엔트로피 오차"), lossPart: .logLikelihood,
    tensor: TensorRule(
      forward: { x, _ in
        let n = Double(rows(x[0].shape))
        var total = 0.0
        for (p, t) in zip(x[0].elements, oneHot(x[1], like: x[0]).elements) where t != 0 {
          total -= t * Math.log(p)
        }
        return Tensor(scalar: total / n)
      },
      backward: { x, _, g, _ in
        let scale = g.scalar / Double(rows(x[0].shape))
        let t = oneHot(x[1], like: x[0])
        return [
          Tensor(x[0].shape, zip(x[0].elements, t.elements).map { -scale * $1 / $0 }),
          labelGradient(x[1], x[0]) { x[0].map { -scale * Math.log($0) } },
        ]
      },
      // ∂L/∂y = ∂L/∂L·(−t/(N·y)); the labels t are data, not learnt (DLFS gives them no
      // gradient).
      formulas: { shapes in
        let n = shapes.rows[0]
        return [.product([.upstream, .negate(.quotient(b, n == 1 ? a : .product([n, a])))]), nil]
      }, labels: [1], problem: labelProblem))

  /// softmax_with_loss(a, t) = cross_entropy(softmax(a), t), DLFS's Softmax-with-Loss layer:
  /// a composite whose backward pass is (y − t)/N for y = softmax(a) and t rows that each
  /// add up to 1 (one-hot labels); (y·Σt − t)/N in general. ∂L/∂t = −log(y)/N.
  static let softmaxWithLoss = OpDescriptor(
    arity: 2, call: function("softmax_with_loss", latex: "\\operatorname{SoftmaxWithLoss}"),
    shape: lossShape, forward: { _, _ in 0 }, gradients: { _, _, _ in [0, 0] },
    rules: { _ in [.init(0), .init(0)] },
    value: { o, _ in .call(.softmaxWithLoss, [o[0], o[1]]) },
    expansion: { graph, x in
      let y = graph.add(.softmax, [x[0]])
      return graph.add(.crossEntropy, [y, x[1]])
    }, valueProblem: generic, gradientProblem: genericGradient,
    symbol: named("Softmax-with-Loss"), folded: notFolded, walkthroughName: "Softmax-with-Loss",
    names: .init("softmax with loss", "Softmax-with-Loss"),
    tensor: TensorRule(
      forward: { x, _ in
        let logs = logSoftmaxRows(x[0])
        var total = 0.0
        for (l, t) in zip(logs.elements, oneHot(x[1], like: x[0]).elements) { total -= t * l }
        return Tensor(scalar: total / Double(rows(x[0].shape)))
      },
      backward: { x, _, g, _ in
        let scale = g.scalar / Double(rows(x[0].shape))
        let y = softmaxRows(x[0])
        let t = oneHot(x[1], like: x[0]).elements
        let width = y.shape.dimensions.last ?? 1
        var da = y.elements
        for row in stride(from: 0, to: da.count, by: width) {
          let labels = t[row..<(row + width)].reduce(0, +)
          for j in row..<(row + width) { da[j] = scale * (y.elements[j] * labels - t[j]) }
        }
        return [
          Tensor(y.shape, da),
          labelGradient(x[1], x[0]) { logSoftmaxRows(x[0]).map { -scale * $0 } },
        ]
      },
      // (softmax(a) − t)/N, DLFS's y − t over the batch (for labels that add up to 1).
      formulas: { shapes in
        let n = shapes.rows[0]
        let difference = Formula.difference(.call(.softmax, [a]), b)
        return [.product([.upstream, n == 1 ? difference : .quotient(difference, n)]), nil]
      }, labels: [1], role: .softmaxLoss, problem: labelProblem, cancels: true))

  /// affine(X, W, b) = X @ W + b, DLFS's Affine layer: a composite of MatMul and + (the bias
  /// broadcast over a batch's rows). ∂L/∂X = ∂L/∂Y·Wᵀ, ∂L/∂W = Xᵀ·∂L/∂Y, ∂L/∂b = ∂L/∂Y
  /// summed over the batch axis.
  static let affine = OpDescriptor(
    arity: 3, call: function("affine", latex: "\\operatorname{affine}"), shape: affineShape,
    forward: { x, _ in x[0] * x[1] + x[2] },
    gradients: { x, _, _ in [x[1], x[0], 1] },
    rules: { _ in [.init(b), .init(a), .init(1)] },
    value: { o, _ in .sum(.product([o[0], o[1]]), o[2]) },
    expansion: { graph, x in
      let product = graph.add(.matmul, [x[0], x[1]])
      return graph.add(.add, [product, x[2]])
    }, valueProblem: generic, gradientProblem: genericGradient, symbol: named("Affine"),
    folded: notFolded, walkthroughName: "Affine", names: .init("affine layer", "Affine 계층"),
    tensor: TensorRule(
      forward: { x, _ in
        let p = product(x[0], x[1])
        let shape = Shape.broadcast([p.shape, x[2].shape]) ?? p.shape
        let bias = x[2].broadcast(to: shape)
        let spread = p.broadcast(to: shape)
        return Tensor(shape, zip(spread.elements, bias.elements).map(+))
      },
      backward: { x, y, g, _ in
        let p = product(x[0], x[1])
        let grads = productGradients(x[0], x[1], g.reduced(to: p.shape))
        return grads + [g.reduced(to: x[2].shape)]
      },
      formulas: { shapes in
        let pairShapes = Array(shapes.inputs.prefix(2))
        let product = (try? matmulShape(pairShapes, 0).get()) ?? shapes.output
        let pair = productFormulas(
          GradientShapes(inputs: pairShapes, output: product, k: 0))
        return pair + [GradientShapes.summed(.upstream, from: shapes.output, to: shapes.inputs[2])]
      }, multipliesMatrices: true))

  /// X @ W's backward formulas: ∂L/∂X = ∂L/∂Y·Wᵀ, ∂L/∂W = Xᵀ·∂L/∂Y (DLFS 5.6.1); for a
  /// matrix times a vector the same (∂L/∂Y·vᵀ an outer product); for two vectors, y a
  /// number, ∂L/∂y·b and ∂L/∂y·a.
  static func productFormulas(_ shapes: GradientShapes) -> [Formula?] {
    if shapes.inputs[0].rank == 1 && shapes.inputs[1].rank == 1 {
      return [.product([.upstream, b]), .product([.upstream, a])]
    }
    return [.product([.upstream, .transpose(b)]), .product([.transpose(a), .upstream])]
  }

  /// `f` as each of n rows, `repeat(f, n)`: what a sum over axis 0 sends back.
  static func repeated(_ f: Formula, rows n: Formula) -> Formula { .call(.repeatRows, [f, n]) }

  // MARK: - Shape rules

  static let matmulShape: @Sendable ([Shape], Double) -> Result<Shape, ShapeMismatch> = {
    shapes, _ in
    let (l, r) = (shapes[0], shapes[1])
    let pair = "\(l) @ \(r)"
    guard (1...2).contains(l.rank), (1...2).contains(r.rank) else {
      return .failure(ShapeMismatch(pair + ": @ takes vectors and matrices, not numbers"))
    }
    let inner = (l.dimensions[l.rank - 1], r.dimensions[0])
    guard inner.0 == inner.1 else {
      return .failure(ShapeMismatch(pair + ": inner sizes \(inner.0) and \(inner.1) differ"))
    }
    return .success(Shape(Array(l.dimensions.dropLast()) + Array(r.dimensions.dropFirst())))
  }

  static let repeatShape: @Sendable ([Shape], Double) -> Result<Shape, ShapeMismatch> = {
    shapes, n in
    let x = shapes[0]
    guard n >= 1, n == n.rounded(), n <= Double(Limits.tensorElements) else {
      return .failure(
        ShapeMismatch(
          "the count \(DomainMessage.number(n)) is not a whole number from 1 to \(Limits.tensorElements)"
        ))
    }
    guard x.rank == 1 || (x.rank == 2 && x.dimensions[0] == 1) else {
      return .failure(ShapeMismatch("\(x) is not a row: repeat takes (D) or (1, D)"))
    }
    return .success(Shape([Int(n), x.dimensions[x.rank - 1]]))
  }

  static let lossShape: @Sendable ([Shape], Double) -> Result<Shape, ShapeMismatch> = {
    shapes, _ in
    guard shapes[0] == shapes[1] || holdsIndices(shapes[1], for: shapes[0]) else {
      return .failure(
        ShapeMismatch(
          "\(shapes[0]) and \(shapes[1]) do not fit: the labels t are one-hot rows of the "
            + "scores' shape, or one class index a row (\(Shape(shapes[0].dimensions.dropLast())))")
      )
    }
    guard shapes[0].rank <= 2 else {
      return .failure(ShapeMismatch("\(shapes[0]): a vector or a batch of rows"))
    }
    return .success(.scalar)
  }

  static let affineShape: @Sendable ([Shape], Double) -> Result<Shape, ShapeMismatch> = {
    shapes, k in
    switch matmulShape(Array(shapes.prefix(2)), k) {
    case .failure(let problem): return .failure(problem)
    case .success(let product):
      guard let shape = Shape.broadcast([product, shapes[2]]), shape == product else {
        return .failure(
          ShapeMismatch("X @ W is \(product) and the bias b \(shapes[2]): they do not add"))
      }
      return .success(shape)
    }
  }

  // MARK: - Helpers

  /// The rows of a batch (1 for a vector or number).
  static func rows(_ shape: Shape) -> Int { shape.rank == 2 ? shape.dimensions[0] : 1 }

  /// A @ B with vectors read as a row (left) or a column (right).
  static func product(_ a: Tensor, _ b: Tensor) -> Tensor {
    let left = a.shape.rank == 1 ? a.reshaped(Shape([1, a.shape.count])) : a
    let right = b.shape.rank == 1 ? b.reshaped(Shape([b.shape.count, 1])) : b
    let y = Tensor.matrixProduct(left, right)
    let shape = Shape(
      Array(a.shape.dimensions.dropLast()) + Array(b.shape.dimensions.dropFirst()))
    return y.reshaped(shape)
  }

  /// ∂L/∂A = ∂L/∂Y·Bᵀ and ∂L/∂B = Aᵀ·∂L/∂Y, with vectors read as in ``product(_:_:)``.
  static func productGradients(_ a: Tensor, _ b: Tensor, _ g: Tensor) -> [Tensor] {
    let left = a.shape.rank == 1 ? a.reshaped(Shape([1, a.shape.count])) : a
    let right = b.shape.rank == 1 ? b.reshaped(Shape([b.shape.count, 1])) : b
    let upstream = g.reshaped(
      Shape([left.shape.dimensions[0], right.shape.dimensions[1]]))
    return [
      Tensor.matrixProduct(upstream, right.transposed).reshaped(a.shape),
      Tensor.matrixProduct(left.transposed, upstream).reshaped(b.shape),
    ]
  }

  /// softmax along the last axis, with the row's largest element subtracted first so that
  /// exp cannot overflow (exp(1000) would).
  static func softmaxRows(_ x: Tensor) -> Tensor {
    logSoftmaxRows(x).map { Math.exp($0) }
  }

  /// log softmax along the last axis: xᵢ − m − log Σⱼ exp(xⱼ − m), m the row's largest,
  /// finite even where softmax itself underflows to 0.
  static func logSoftmaxRows(_ x: Tensor) -> Tensor {
    alongLanes(x, -1, logSoftmax)
  }
}
