import Testing

@testable import GraphEngine

@Suite("Shapes")
struct ShapeTests {
  @Test("numpy's notation")
  func notation() {
    #expect(Shape.scalar.description == "()")
    #expect(Shape([3]).description == "(3,)")
    #expect(Shape([2, 3]).description == "(2, 3)")
  }

  @Test("broadcasting aligns the last axes; sizes agree when equal or 1")
  func broadcasting() {
    #expect(Shape.broadcast([.scalar, .scalar]) == .scalar)
    #expect(Shape.broadcast([Shape([4, 3]), Shape([3])]) == Shape([4, 3]))  // the bias add
    #expect(Shape.broadcast([Shape([4, 1]), Shape([1, 3])]) == Shape([4, 3]))
    #expect(Shape.broadcast([Shape([2, 3]), .scalar]) == Shape([2, 3]))
    #expect(Shape.broadcast([Shape([3, 2]), Shape([4, 2])]) == nil)
    #expect(Shape.broadcast([Shape([3])]) == Shape([3]))
    #expect(Shape.broadcast([]) == .scalar)
  }

  @Test("every op's shape rule: numbers give a number; element-by-element ops broadcast")
  func opRules() throws {
    // The matrix product, a sum or mean over an axis and repeat need vectors or matrices.
    for op in Op.allCases
    where ![.matmul, .sumAxis, .meanAxis, .maxAxis, .logsumexp, .repeatRows, .affine].contains(op) {
      let inputs = [Shape](repeating: .scalar, count: op.arity)
      // softmax of a number along its default axis (an axis it does not have is an error).
      let k = op.descriptor.axis?.absent ?? 2
      #expect(try op.descriptor.shape(inputs, k).get() == .scalar, "\(op)")
    }
    #expect(try Op.add.descriptor.shape([Shape([4, 3]), Shape([3])], 0).get() == Shape([4, 3]))
    #expect(try Op.exp.descriptor.shape([Shape([2, 2])], 0).get() == Shape([2, 2]))
    #expect(try Op.meanAxis.descriptor.shape([Shape([2, 3])], -1).get() == Shape([2]))
    #expect(try Op.sumAxis.descriptor.shape([Shape([2, 3])], -2).get() == Shape([3]))
    #expect(try Op.transpose.descriptor.shape([Shape([2, 3])], 0).get() == Shape([3, 2]))
    #expect(try Op.transpose.descriptor.shape([Shape([3])], 0).get() == Shape([3]))
    // keepdims=true is the axis + ½: (2, 3) summed over axis 1 keeps it, (2, 1).
    #expect(try Op.sumAxis.descriptor.shape([Shape([2, 3])], 1.5).get() == Shape([2, 1]))
    #expect(try Op.maxAxis.descriptor.shape([Shape([2, 3])], -1.5).get() == Shape([1, 3]))
    #expect(try Op.logsumexp.descriptor.shape([Shape([2, 3])], 1_000).get() == .scalar)
    #expect((try? Op.softmax.descriptor.shape([.scalar], 5).get()) == nil)
    for k in [2.0, -3, 2.5] {
      guard case .failure(let bad) = Op.sumAxis.descriptor.shape([Shape([2, 3])], k) else {
        Issue.record("(2, 3) has an axis \(k)")
        continue
      }
      #expect(bad.message.contains("its axes are 0 to 1, or -2 to -1 from the last"))
    }
    guard
      case .failure(let mismatch) = Op.mul.descriptor.shape([Shape([3, 2]), Shape([4, 2])], 0)
    else {
      Issue.record("(3, 2) × (4, 2) broadcast")
      return
    }
    #expect(mismatch.message.contains("(3, 2) and (4, 2)"))
  }

  @Test("inference: inputs' shapes through the graph, a mismatch located at its node")
  func inference() throws {
    let at = SourceLocation(line: 2, column: 7)
    let graph = Graph(
      nodes: [
        Node(id: 0, op: .input, inputs: [], name: "x", location: .init(line: 1, column: 1)),
        Node(id: 1, op: .input, inputs: [], name: "b", location: .init(line: 1, column: 5)),
        Node(id: 2, op: .add, inputs: [0, 1], location: at),
        Node(id: 3, op: .sigmoid, inputs: [2], name: "y", location: at),
      ], output: 3, outputName: "y", inputs: [0, 1])
    #expect(try ShapeInference.shapes(graph).get() == [.scalar, .scalar, .scalar, .scalar])
    #expect(
      try ShapeInference.shapes(graph, inputs: ["x": Shape([5, 3]), "b": Shape([3])]).get().last
        == Shape([5, 3]))
    guard
      case .failure(let problem) = ShapeInference.shapes(
        graph, inputs: ["x": Shape([5, 3]), "b": Shape([2])])
    else {
      Issue.record("(5, 3) + (2,) was accepted")
      return
    }
    #expect(problem.diagnostics.first?.location == at)
    #expect(problem.diagnostics.first?.message.contains("(5, 3) and (2,)") == true)
  }
}
