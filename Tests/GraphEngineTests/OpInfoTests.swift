import FormulaWriting
import Testing

@testable import GraphEngine

/// One sample of an op on shaped values: its inputs and parameter k.
private struct OpSample: CustomStringConvertible {
  var inputs: [Tensor]
  var k: Double = 0
  /// Inputs that are not differentiated: class indices (a step of h is another class).
  var fixed: Set<Int> = []
  var description: String { inputs.map { $0.shape.description }.joined(separator: ", ") }
}

/// Inputs in [low, high) of the given shapes, one seed per input.
private func sample(_ shapes: [[Int]], k: Double = 0, low: Double = -1, high: Double = 1)
  -> OpSample
{
  OpSample(
    inputs: shapes.enumerated().map { i, dims in
      // Seeds far apart: neighbouring seeds give shifted copies of one sequence, and a tie
      // would put max and min on their kink.
      randomTensor(dims, seed: UInt64(17 + 1000 * i), low: low, high: high)
    }, k: k)
}

/// Rows that are probabilities (each adds up to 1) and one-hot labels, for the losses.
private func probabilities(_ rows: Int, _ columns: Int) -> Tensor {
  let raw = randomTensor([rows, columns], seed: 5, low: 0.2, high: 1)
  var out = raw.elements
  for r in 0..<rows {
    let total = out[(r * columns)..<((r + 1) * columns)].reduce(0, +)
    for c in 0..<columns { out[r * columns + c] /= total }
  }
  return Tensor(Shape([rows, columns]), out)
}

private func oneHot(_ rows: Int, _ columns: Int) -> Tensor {
  Tensor(
    Shape([rows, columns]),
    (0..<(rows * columns)).map { $0 % columns == ($0 / columns + 1) % columns ? 1 : 0 })
}

/// Sample inputs for every op, as PyTorch's OpInfo gives each op its samples: shapes that
/// broadcast, vectors and matrices, values inside the op's domain and away from its kinks.
/// Adding an op means adding its samples here; the tests below then check it.
private func samples(_ op: Op) -> [OpSample] {
  switch op {
  case .input, .constant: []
  case .add, .sub, .mul, .max, .min:
    [
      sample([[2, 3], [2, 3]]), sample([[2, 3], [3]]), sample([[3, 1], [3, 2]]), sample([[4], []]),
    ]
  case .div: [sample([[2, 3], [3]], low: 0.5, high: 2), sample([[2], [2]], low: 0.5, high: 2)]
  case .pow: [sample([[2, 3], [2, 3]], low: 0.5, high: 2)]
  case .powConst: [sample([[2, 3]], k: 2.5, low: 0.5, high: 2)]
  case .log, .sqrt, .recip: [sample([[2, 3]], low: 0.5, high: 2)]
  case .relu, .abs: [sample([[2, 3]], low: 0.1, high: 2), sample([[3]], low: -2, high: -0.1)]
  case .neg, .exp, .sin, .cos, .tan, .tanh, .sigmoid, .softplus: [sample([[2, 3]]), sample([[4]])]
  case .matmul:
    [
      sample([[2, 3], [3, 4]]), sample([[3], [3, 2]]), sample([[2, 3], [3]]), sample([[3], [3]]),
    ]
  case .sum, .mean: [sample([[2, 3]]), sample([[4]])]
  // numpy's negative axes count from the last.
  // keepdims=true is the axis + ½ (AxisParameter); every axis 1000.
  case .sumAxis, .meanAxis, .maxAxis:
    [
      sample([[2, 3]], k: 0), sample([[2, 3]], k: 1), sample([[4]], k: 0), sample([[2, 3]], k: -1),
      sample([[3, 2]], k: -2), sample([[2, 3]], k: 1.5), sample([[2, 3]], k: -0.5),
      sample([[3, 2]], k: 0.5),
    ]
  case .logsumexp:
    [
      sample([[2, 3]], k: 1_000), sample([[4]], k: 1_000), sample([[2, 3]], k: 1),
      sample([[2, 3]], k: 0), sample([[2, 3]], k: 1.5), sample([[4]], k: -1),
    ]
  case .repeatRows: [sample([[3]], k: 2), sample([[1, 3]], k: 4)]
  case .softmax, .logSoftmax:
    [
      sample([[2, 3]], k: -1), sample([[2, 3]], k: 0), sample([[4]], k: -1),
      sample([[3, 2]], k: 1),
    ]
  case .crossEntropy:
    [
      OpSample(inputs: [probabilities(2, 3), oneHot(2, 3)]),
      OpSample(inputs: [
        probabilities(1, 4).reshaped(Shape([4])), oneHot(1, 4).reshaped(Shape([4])),
      ]),
      // CS231n's y: one class index a row.
      OpSample(inputs: [probabilities(2, 3), Tensor(Shape([2]), [2, 0])], fixed: [1]),
      OpSample(inputs: [probabilities(1, 4).reshaped(Shape([4])), Tensor(scalar: 3)], fixed: [1]),
    ]
  case .softmaxWithLoss:
    [
      OpSample(inputs: [randomTensor([2, 3], seed: 3), oneHot(2, 3)]),
      OpSample(
        inputs: [randomTensor([3, 4], seed: 3), Tensor(Shape([3]), [1, 3, 0])], fixed: [1]),
    ]
  case .affine: [sample([[2, 3], [3, 4], [4]]), sample([[3], [3, 2], [2]])]
  case .transpose: [sample([[2, 3]]), sample([[1, 4]]), sample([[3]])]
  }
}

/// ⟨R, f(x)⟩ for a fixed R of y's shape: its gradient in x is the op's vector–Jacobian
/// product with upstream R.
private func pairing(_ op: Op, _ x: [Tensor], _ k: Double, _ upstream: Tensor) -> Double {
  let y = op.tensorRule.forward(x, k)
  return zip(y.elements, upstream.elements).reduce(0) { $0 + $1.0 * $1.1 }
}

@Suite("Every op, on shaped values (OpInfo)")
struct OpInfoTests {
  static let ops = Op.allCases.filter { $0 != .input && $0 != .constant }

  @Test("every op has samples, and its shape rule accepts them", arguments: ops)
  func samplesFitTheShapeRule(op: Op) throws {
    let all = samples(op)
    #expect(!all.isEmpty, "\(op) has no samples")
    for s in all {
      let shape = try op.descriptor.shape(s.inputs.map(\.shape), s.k).get()
      #expect(op.tensorRule.forward(s.inputs, s.k).shape == shape, "\(op) on \(s)")
    }
  }

  @Test("every op's backward pass against central differences", arguments: ops)
  func backwardMatchesCentralDifferences(op: Op) throws {
    for s in samples(op) {
      let y = op.tensorRule.forward(s.inputs, s.k)
      let upstream = randomTensor(y.shape.dimensions, seed: 41)
      let sent = op.tensorRule.backward(s.inputs, y, upstream, s.k)
      #expect(sent.count == s.inputs.count)
      for (i, input) in s.inputs.enumerated() {
        #expect(sent[i].shape == input.shape, "\(op) on \(s): ∂L/∂x\(i) has x\(i)'s shape")
        if s.fixed.contains(i) {
          #expect(sent[i].elements.allSatisfy { $0 == 0 }, "\(op) on \(s): labels learn nothing")
          continue
        }
        for e in input.elements.indices {
          let h = 1e-6 * Swift.max(1, Swift.abs(input.elements[e]))
          var plus = s.inputs
          var minus = s.inputs
          plus[i].elements[e] += h
          minus[i].elements[e] -= h
          let numeric =
            (pairing(op, plus, s.k, upstream) - pairing(op, minus, s.k, upstream)) / (2 * h)
          let analytic = sent[i].elements[e]
          let scale = Swift.max(Swift.abs(numeric), Swift.abs(analytic), 1e-8)
          #expect(
            Swift.abs(numeric - analytic) / scale < 1e-6 || Swift.abs(numeric - analytic) < 1e-9,
            "\(op) on \(s): ∂L/∂x\(i)[\(e)] = \(analytic), numerically \(numeric)")
        }
      }
    }
  }

  /// The scalar rules are the op on one number, not placeholders: where the op's shape rule
  /// takes numbers, its scalar forward value and gradients are its tensor rule's on them, and
  /// for the ops that reduce or normalise (sum, mean, softmax, the losses) its rule on a
  /// vector of one element (softmax of one number is 1, so its gradient is 0).
  @Test("scalar rules are the tensor rules on one number", arguments: ops)
  func scalarRulesAreTheTensorRules(op: Op) throws {
    let descriptor = op.descriptor
    let points: [[Double]] = [
      Array(repeating: 0.7, count: descriptor.arity),
      Array(repeating: 1.3, count: descriptor.arity),
    ]
    for x in points {
      let k = op == .powConst ? 2.5 : (op == .repeatRows ? 1 : 0)
      // Numbers; else vectors of one element; else (the Affine layer) a 1 × 1 weight.
      let candidates = [
        Array(repeating: Shape.scalar, count: x.count),
        Array(repeating: Shape([1]), count: x.count),
        [Shape([1]), Shape([1, 1]), Shape([1])],
      ]
      guard
        let shapes = candidates.first(where: {
          $0.count == x.count && (try? descriptor.shape($0, k).get()) != nil
        })
      else {
        Issue.record("\(op) takes neither numbers nor one-element vectors")
        continue
      }
      let tensors = zip(x, shapes).map { Tensor($1, [$0]) }
      let y = op.tensorRule.forward(tensors, k)
      let value = descriptor.forward(x, k)
      #expect(y.elements.count == 1 && Swift.abs(y.elements[0] - value) < 1e-12, "\(op) at \(x)")
      let sent = op.tensorRule.backward(tensors, y, Tensor(y.shape, [1]), k)
      let gradients = descriptor.gradients(x, value, k)
      for i in x.indices {
        #expect(Swift.abs(sent[i].elements[0] - gradients[i]) < 1e-12, "\(op) ∂y/∂x\(i) at \(x)")
      }
    }
  }

  /// Each op's backward formulas (``TensorRule/formulas``), as the figures and the
  /// walk-through write them: the books' vector–Jacobian products.
  @Test("the backward formulas of the ops of vectors and matrices")
  func backwardFormulas() {
    func written(_ op: Op, _ shapes: [[Int]], _ output: [Int], k: Double = 0) -> [String?] {
      op.tensorRule.formulas(
        GradientShapes(inputs: shapes.map(Shape.init), output: Shape(output), k: k)
      ).map { $0?.tidied().unicode() }
    }
    #expect(written(.matmul, [[2, 3], [3, 4]], [2, 4]) == ["∂L/∂y·bᵀ", "aᵀ·∂L/∂y"])
    #expect(written(.matmul, [[3], [3]], []) == ["∂L/∂y·b", "∂L/∂y·a"])
    #expect(
      written(.affine, [[2, 3], [3, 4], [4]], [2, 4]) == ["∂L/∂y·bᵀ", "aᵀ·∂L/∂y", "sum(∂L/∂y, 0)"])
    // A bias added to every row sums over axis 0, a column over axis 1 (issue 24).
    #expect(written(.add, [[2, 3], [3]], [2, 3]) == ["∂L/∂y", "sum(∂L/∂y, 0)"])
    #expect(written(.add, [[3, 1], [3, 2]], [3, 2]) == ["sum(∂L/∂y, 1)", "∂L/∂y"])
    #expect(written(.sub, [[2, 3], []], [2, 3]) == ["∂L/∂y", "sum(−∂L/∂y)"])
    #expect(written(.mul, [[2, 3], [2, 3]], [2, 3]) == ["∂L/∂y ⊙ b", "∂L/∂y ⊙ a"])
    #expect(written(.sigmoid, [[2, 3]], [2, 3]) == ["∂L/∂y ⊙ y(1 − y)"])
    #expect(written(.sum, [[2, 3]], []) == ["∂L/∂y·𝟏"])
    #expect(written(.mean, [[2, 3]], []) == ["∂L/∂y·𝟏/6"])
    #expect(written(.sumAxis, [[2, 3]], [3], k: 0) == ["repeat(∂L/∂y, 2)"])
    // Along each row: ∂L/∂y, one entry a row, as a column times a row of ones.
    #expect(written(.sumAxis, [[2, 3]], [2], k: 1) == ["∂L/∂y·𝟏ᵀ"])
    #expect(written(.meanAxis, [[2, 3]], [2], k: -1) == ["∂L/∂y·𝟏ᵀ/3"])
    #expect(written(.sumAxis, [[2, 3]], [3], k: -2) == ["repeat(∂L/∂y, 2)"])
    #expect(written(.meanAxis, [[2, 3]], [3], k: 0) == ["repeat(∂L/∂y, 2)/2"])
    #expect(written(.meanAxis, [[4]], [], k: 0) == ["∂L/∂y·𝟏/4"])
    #expect(written(.repeatRows, [[3]], [2, 3], k: 2) == ["sum(∂L/∂y, 0)"])
    #expect(written(.transpose, [[2, 3]], [3, 2]) == ["(∂L/∂y)ᵀ"])
    #expect(written(.softmax, [[2, 3]], [2, 3]) == [nil])
    // keepdims=true (axis + ½): ∂L/∂y broadcasts back along the kept axis.
    #expect(written(.sumAxis, [[2, 3]], [2, 1], k: 1.5) == ["∂L/∂y·𝟏"])
    #expect(written(.meanAxis, [[2, 3]], [2, 1], k: 1.5) == ["∂L/∂y·𝟏/3"])
    #expect(written(.maxAxis, [[2, 3]], [2], k: 1) == [nil])
    #expect(written(.logsumexp, [[4]], [], k: 1_000) == ["∂L/∂y·softmax(a)"])
    #expect(written(.logsumexp, [[2, 3]], [2, 1], k: 1.5) == ["∂L/∂y ⊙ softmax(a)"])
    #expect(written(.logSoftmax, [[4]], [4], k: -1) == ["∂L/∂y − sum(∂L/∂y)·softmax(a)"])
    #expect(written(.crossEntropy, [[2, 3], [2, 3]], []) == ["−∂L/∂y·(b/(2a))", nil])
    #expect(
      written(.softmaxWithLoss, [[2, 3], [2, 3]], []) == ["∂L/∂y·((softmax(a) − b)/2)", nil])
  }

  @Test("a loss's labels are its descriptor's, and no gradient formula is written for them")
  func labelSlots() {
    for op in Self.ops {
      let slots = (0..<op.descriptor.arity).filter { op.isLabelSlot($0) }
      let expected = op == .crossEntropy || op == .softmaxWithLoss ? [1] : []
      #expect(slots == expected, "\(op)")
      guard let sample = samples(op).first else { continue }
      let shapes = GradientShapes(
        inputs: sample.inputs.map(\.shape),
        output: op.tensorRule.forward(sample.inputs, sample.k).shape, k: sample.k)
      let formulas = op.tensorRule.formulas(shapes)
      for slot in slots { #expect(formulas[slot] == nil, "\(op): a formula for its labels") }
    }
  }
}
