import Testing

@testable import ExpressionLanguage
@testable import GraphEngine

/// Builds a function and evaluates it on shaped inputs.
func evaluateTensors(
  _ function: String, _ inputs: [String: Tensor], upstream: Tensor? = nil
) -> Result<TensorEvaluation, DiagnosticList> {
  let locate = { GraphEngine.SourceLocation(line: 1, column: $0 + 1) }
  let names = inputs.keys.sorted().map { GraphBuilder.InputName($0, at: .init(line: 9, column: 3)) }
  return Parser.parse(function, locate: locate).flatMap { GraphBuilder.build($0, inputs: names) }
    .flatMap { TensorEvaluator.evaluate($0, inputs: inputs, upstream: upstream) }
}

/// A fixed pseudo-random tensor (SplitMix64), elements in [low, high).
func randomTensor(_ dimensions: [Int], seed: UInt64, low: Double = -1, high: Double = 1) -> Tensor {
  var state = seed &* 0x9E37_79B9_7F4A_7C15
  let shape = Shape(dimensions)
  return Tensor(
    shape,
    (0..<shape.count).map { _ in
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      z ^= z >> 31
      return low + (high - low) * Double(z >> 11) / Double(1 << 53)
    })
}

@Suite("Tensor evaluation")
struct TensorEvaluatorTests {
  /// Every input's gradient against central differences of L = Σ R ⊙ y, R a random upstream:
  /// (L(x + h) − L(x − h)) / 2h, element by element, with CS231n's relative error.
  func checkGradients(
    _ function: String, _ inputs: [String: Tensor], skip: Set<String> = [],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let plain = try evaluateTensors(function, inputs).get()
    let output = plain.values[plain.graph.output]
    let upstream = randomTensor(output.shape.dimensions, seed: 99)
    let e = try evaluateTensors(function, inputs, upstream: upstream).get()
    func loss(_ values: [String: Tensor]) throws -> Double {
      let y = try evaluateTensors(function, values).get()
      let out = y.values[y.graph.output]
      return zip(out.elements, upstream.elements).reduce(0) { $0 + $1.0 * $1.1 }
    }
    for (name, value) in inputs where !skip.contains(name) {
      let id = try #require(e.graph.nodes.first { $0.name == name }?.id)
      #expect(e.gradients[id].shape == value.shape, "\(function): ∂L/∂\(name) has \(name)'s shape")
      for k in value.elements.indices {
        let h = 1e-5
        var plus = inputs
        var minus = inputs
        plus[name]?.elements[k] += h
        minus[name]?.elements[k] -= h
        let numeric = (try loss(plus) - loss(minus)) / (2 * h)
        let analytic = e.gradients[id].elements[k]
        let scale = Swift.max(abs(numeric), abs(analytic), 1e-8)
        #expect(
          abs(numeric - analytic) / scale < 1e-6 || abs(numeric - analytic) < 1e-9,
          "\(function): ∂L/∂\(name)[\(k)] = \(analytic), numerically \(numeric)",
          sourceLocation: sourceLocation)
      }
    }
  }

  @Test("the matrix product in numpy's four forms, against central differences")
  func matrixProduct() throws {
    try checkGradients(
      "Y = X @ W", ["X": randomTensor([2, 3], seed: 1), "W": randomTensor([3, 4], seed: 2)])
    try checkGradients(
      "Y = x @ W", ["x": randomTensor([2], seed: 3), "W": randomTensor([2, 3], seed: 4)])
    try checkGradients(
      "Y = W @ x", ["x": randomTensor([3], seed: 3), "W": randomTensor([2, 3], seed: 4)])
    try checkGradients(
      "y = a @ b", ["a": randomTensor([3], seed: 5), "b": randomTensor([3], seed: 6)])
  }

  @Test("DLFS's Affine layer (5.6.1): X (2,) W (2, 3) Y (3,); ∂L/∂X = ∂L/∂Y·Wᵀ, ∂L/∂W = Xᵀ·∂L/∂Y")
  func affineByHand() throws {
    let X = Tensor(Shape([2]), [1, 2])
    let W = Tensor(Shape([2, 3]), [1, 2, 3, 4, 5, 6])
    let b = Tensor(Shape([3]), [0.5, 0, -0.5])
    let g = Tensor(Shape([3]), [1, -1, 2])
    let e = try evaluateTensors("Y = X @ W + b", ["X": X, "W": W, "b": b], upstream: g).get()
    #expect(e.values[e.graph.output] == Tensor(Shape([3]), [9.5, 12, 14.5]))
    let id = { (name: String) in e.graph.nodes.first { $0.name == name }!.id }
    // ∂L/∂X = g·Wᵀ = (1·1 − 1·2 + 2·3, 1·4 − 1·5 + 2·6) = (5, 11).
    #expect(e.gradients[id("X")] == Tensor(Shape([2]), [5, 11]))
    // ∂L/∂W = Xᵀ·g: row i is X[i]·g.
    #expect(e.gradients[id("W")] == Tensor(Shape([2, 3]), [1, -1, 2, 2, -2, 4]))
    #expect(e.gradients[id("b")] == g)
  }

  @Test("the batch bias: its gradient is ∂L/∂Y summed over axis 0")
  func batchBias() throws {
    let inputs = [
      "X": randomTensor([4, 2], seed: 7), "W": randomTensor([2, 3], seed: 8),
      "b": randomTensor([3], seed: 9),
    ]
    try checkGradients("Y = affine(X, W, b)", inputs)
    try checkGradients("Y = X @ W + b", inputs)
    let g = randomTensor([4, 3], seed: 10)
    let e = try evaluateTensors("Y = X @ W + b", inputs, upstream: g).get()
    let b = e.graph.nodes.first { $0.name == "b" }!.id
    for j in 0..<3 {
      let column = (0..<4).reduce(0.0) { $0 + g.elements[$1 * 3 + j] }
      #expect(abs(e.gradients[b].elements[j] - column) < 1e-12)
    }
  }

  @Test("element-by-element ops broadcast, and their gradients sum over the broadcast axes")
  func elementwise() throws {
    let inputs = [
      "A": randomTensor([2, 3], seed: 11, low: 0.5, high: 2), "c": randomTensor([3], seed: 12),
      "d": randomTensor([2, 1], seed: 13, low: 0.5, high: 2),
    ]
    try checkGradients("Y = A * c - A / d + A ^ 2", inputs)
    try checkGradients("Y = exp(c) * log(A) + sqrt(d) - tanh(A) * sigmoid(c) + relu(c)", inputs)
    try checkGradients("Y = 2 * A - d", inputs.filter { $0.key != "c" })
  }

  @Test("sum, sum over an axis, mean, repeat (DLFS 2 §1.3.4), softmax")
  func reductions() throws {
    let A = randomTensor([3, 4], seed: 14)
    try checkGradients("y = sum(A * A)", ["A": A])
    try checkGradients("Y = sum(A, 0)", ["A": A])
    try checkGradients("Y = sum(A, 1)", ["A": A])
    try checkGradients("y = mean(A * A)", ["A": A])
    try checkGradients("Y = repeat(x, 3) * A", ["x": randomTensor([4], seed: 15), "A": A])
    try checkGradients("Y = repeat(x, 3) * A", ["x": randomTensor([1, 4], seed: 16), "A": A])
    try checkGradients("Y = softmax(A)", ["A": A])
    try checkGradients("Y = softmax(x)", ["x": randomTensor([5], seed: 17)])
    // Repeat then Sum is n times the row.
    let x = randomTensor([4], seed: 18)
    let e = try evaluateTensors("Y = sum(repeat(x, 3), 0)", ["x": x]).get()
    #expect(e.values[e.graph.output] == x.map { 3 * $0 })
  }

  @Test("softmax rows add up to 1, and a large input does not overflow")
  func softmaxValues() throws {
    let e = try evaluateTensors(
      "Y = softmax(A)", ["A": Tensor(Shape([2, 2]), [1000, 1001, 0, 0])]
    )
    .get()
    let y = e.values[e.graph.output]
    #expect(abs(y.elements[0] + y.elements[1] - 1) < 1e-15)
    #expect(abs(y.elements[1] - 1 / (1 + Math.exp(-1))) < 1e-15)
    #expect(y.elements[2] == 0.5)
  }

  @Test("cross entropy and Softmax-with-Loss: the gradient is (y − t)/N (DLFS 5.6.3)")
  func losses() throws {
    let a = randomTensor([2, 3], seed: 19, low: -2, high: 2)
    let t = Tensor(Shape([2, 3]), [0, 1, 0, 1, 0, 0])
    try checkGradients("L = softmax_with_loss(a, t)", ["a": a, "t": t])
    try checkGradients("L = cross_entropy(softmax(a), t)", ["a": a, "t": t])
    try checkGradients(
      "L = cross_entropy(y, t)",
      [
        "y": randomTensor([3], seed: 20, low: 0.1, high: 1),
        "t": Tensor(Shape([3]), [0.2, 0.3, 0.5]),
      ])
    let e = try evaluateTensors("L = softmax_with_loss(a, t)", ["a": a, "t": t]).get()
    let s = try evaluateTensors("Y = softmax(a)", ["a": a]).get()
    let y = s.values[s.graph.output]
    let id = e.graph.nodes.first { $0.name == "a" }!.id
    for k in 0..<6 {
      #expect(abs(e.gradients[id].elements[k] - (y.elements[k] - t.elements[k]) / 2) < 1e-15)
    }
    // The loss of one row: −log y at the labelled class.
    let one = try evaluateTensors(
      "L = softmax_with_loss(a, t)",
      ["a": Tensor(Shape([3]), [0.3, 2.9, 4.0]), "t": Tensor(Shape([3]), [0, 0, 1])]
    ).get()
    let loss = one.values[one.graph.output].scalar
    // DLFS 3.5.1: softmax(0.3, 2.9, 4.0) = (0.0182…, 0.2451…, 0.7365…).
    #expect(abs(loss + Math.log(0.7365969137693785)) < 1e-12)
  }

  @Test("a two-layer network on a batch of two, every parameter against central differences")
  func twoLayer() throws {
    try checkGradients(
      """
      h = sigmoid(X @ W1 + b1)
      L = softmax_with_loss(h @ W2 + b2, t)
      """,
      [
        "X": randomTensor([2, 3], seed: 21), "W1": randomTensor([3, 4], seed: 22),
        "b1": randomTensor([4], seed: 23), "W2": randomTensor([4, 2], seed: 24),
        "b2": randomTensor([2], seed: 25), "t": Tensor(Shape([2, 2]), [1, 0, 0, 1]),
      ], skip: ["t"])
  }

  @Test("affine and Softmax-with-Loss expand into graphs with the same values and gradients")
  func expansions() throws {
    let inputs = [
      "X": randomTensor([2, 3], seed: 40), "W": randomTensor([3, 2], seed: 41),
      "b": randomTensor([2], seed: 42), "t": Tensor(Shape([2, 2]), [0, 1, 1, 0]),
    ]
    let composite = try evaluateTensors("L = softmax_with_loss(affine(X, W, b), t)", inputs).get()
    let graph = composite.graph.expandingComposites()
    #expect(graph.nodes.allSatisfy { !$0.op.isComposite })
    let expanded = try TensorEvaluator.evaluate(graph, inputs: inputs).get()
    let loss = expanded.values[graph.output].scalar
    #expect(abs(loss - composite.values[composite.graph.output].scalar) < 1e-14)
    for name in ["X", "W", "b"] {
      let a = composite.gradients[composite.graph.nodes.first { $0.name == name }!.id]
      let e = expanded.gradients[graph.nodes.first { $0.name == name }!.id]
      for k in a.elements.indices { #expect(abs(a.elements[k] - e.elements[k]) < 1e-14, "\(name)") }
    }
  }

  @Test("drawn apart, a batch's bias passes through a Repeat node; the gradients are the same")
  func repeatExpansion() throws {
    let inputs = [
      "X": randomTensor([4, 2], seed: 50), "W": randomTensor([2, 3], seed: 51),
      "B": randomTensor([3], seed: 52),
    ]
    let e = try evaluateTensors("Y = affine(X, W, B)", inputs).get()
    let graph = try #require(e.graph.expandingForShapes(inputs.mapValues(\.shape)))
    let repeats = graph.nodes.filter { $0.op == .repeatRows }
    #expect(repeats.count == 1)
    #expect(repeats.first?.parameter == 4)
    #expect(repeats.first.map { graph[$0.inputs[0]].name } == "B")
    #expect(graph.nodes.allSatisfy { !$0.op.isComposite })
    let expanded = try TensorEvaluator.evaluate(graph, inputs: inputs).get()
    for name in ["X", "W", "B"] {
      let a = e.gradients[e.graph.nodes.first { $0.name == name }?.id ?? 0]
      let b = expanded.gradients[graph.nodes.first { $0.name == name }?.id ?? 0]
      #expect(a.shape == b.shape)
      for k in a.elements.indices { #expect(abs(a.elements[k] - b.elements[k]) < 1e-14, "\(name)") }
    }
    // One row: nothing to repeat.
    let single = [
      "x": randomTensor([2], seed: 53), "W": randomTensor([2, 3], seed: 51),
      "B": randomTensor([3], seed: 52),
    ]
    let plain = try evaluateTensors("Y = x @ W + B", single).get()
    #expect(
      plain.graph.expandingForShapes(single.mapValues(\.shape))?.nodes.count
        == plain.graph.nodes.count)
  }

  @Test("a shape mismatch is located and names both shapes")
  func mismatches() throws {
    func message(_ function: String, _ inputs: [String: Tensor]) -> String? {
      guard case .failure(let list) = evaluateTensors(function, inputs) else { return nil }
      return list.diagnostics.first.map { "\($0.location): \($0.message)" }
    }
    #expect(
      message(
        "Y = X @ W", ["X": randomTensor([3, 2], seed: 1), "W": randomTensor([3, 4], seed: 2)])
        == "1:7: X @ W: (3, 2) @ (3, 4): inner sizes 2 and 3 differ")
    #expect(
      message(
        "Y = A + B", ["A": randomTensor([3, 2], seed: 1), "B": randomTensor([4, 2], seed: 2)])?
        .contains("(3, 2) and (4, 2) do not broadcast") == true)
    #expect(
      message("Y = sum(A, 2)", ["A": randomTensor([3, 2], seed: 1)])?.contains("no axis 2") == true)
    #expect(
      message("Y = repeat(A, 2)", ["A": randomTensor([3, 2], seed: 1)])?.contains("not a row")
        == true)
    #expect(
      message(
        "L = softmax_with_loss(a, t)",
        ["a": randomTensor([3], seed: 1), "t": randomTensor([2], seed: 2)])?
        .contains("(3,) and (2,) do not fit") == true)
    #expect(
      message("y = log(x)", ["x": Tensor(Shape([2]), [1, -1])])?.contains("element 1") == true)
  }

  @Test("a (64, 100)·(100, 10) product and its gradients")
  func largeProduct() throws {
    let X = randomTensor([64, 100], seed: 30)
    let W = randomTensor([100, 10], seed: 31)
    let e = try evaluateTensors("Y = X @ W", ["X": X, "W": W]).get()
    let y = e.values[e.graph.output]
    #expect(y.shape == Shape([64, 10]))
    var expected = 0.0
    for k in 0..<100 { expected += X.elements[5 * 100 + k] * W.elements[k * 10 + 7] }
    #expect(abs(y.elements[5 * 10 + 7] - expected) < 1e-12)
    let id = e.graph.nodes.first { $0.name == "W" }!.id
    // Ones upstream: ∂L/∂W[k][j] = Σᵢ X[i][k].
    let column = (0..<64).reduce(0.0) { $0 + X.elements[$1 * 100 + 3] }
    #expect(abs(e.gradients[id].elements[3 * 10 + 4] - column) < 1e-12)
  }
  @Test("a gradient that cancels exactly is printed 0; a small one from small terms is not")
  func roundingNoise() throws {
    // Subtracting the row maximum does not change softmax: ∂L/∂M is 0, computed as a sum of
    // terms of about 0.1 that cancels to around 1e−17.
    let s = Tensor(
      Shape([3, 4]), [3.2, 2.1, -0.3, 1, -1.4, -1.55, 0.25, -0.1, 0.15, 1.14, -0.21, -0.51])
    let e = try evaluateTensors(
      "M = max(S, axis=1, keepdims=true)\nE = exp(S - M)\nL = sum(log(E / sum(E, axis=1, keepdims=true)) * T)",
      ["S": s, "T": Tensor(Shape([3, 4]), [0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1])]
    ).get()
    let m = try #require(e.graph.nodes.first { $0.name == "M" }).id
    #expect(e.gradients[m].elements.allSatisfy { abs($0) < 1e-14 })
    #expect(e.gradients[m].elements.contains { $0 != 0 }, "\(e.gradients[m])")
    #expect(e.shownGradient(m).elements == [0, 0, 0])
    // The trace's numbers are the engine's: only the shown ones are cleaned.
    let sID = e.graph.inputs[0]
    #expect(e.shownGradient(sID) == e.gradients[sID])
    // A gradient of 1e−20 from terms of 1e−20 is a value, not noise.
    let tiny = try evaluateTensors("L = sum(x * 1e-20)", ["x": Tensor(Shape([2]), [1, 2])]).get()
    #expect(tiny.shownGradient(tiny.graph.inputs[0]).elements == [1e-20, 1e-20])
    #expect(!TensorEvaluation.isRoundingNoise(1e-20, magnitude: 1e-20))
    #expect(TensorEvaluation.isRoundingNoise(1e-17, magnitude: 0.5))
  }
}
