import FormulaWriting
import Foundation
import Testing

@testable import GraphEngine

/// The op descriptors: every composite's expansion agrees with it, the two ops added through
/// descriptors alone (softplus, tan) behave, and the name table and spellings come from them.
@Suite("Op descriptors")
struct OpDescriptorTests {
  /// The scalar composites (affine and Softmax-with-Loss are checked on matrices by
  /// TensorEvaluatorTests).
  static let composites = Op.allCases.filter { $0.isComposite && $0.arity == 1 }

  @Test("each composite's expanded graph has its value and its gradient", arguments: composites)
  func expansionAgrees(_ op: Op) throws {
    for x in [-3.0, -0.5, 0, 0.7, 2] {
      let graph = Graph(
        nodes: [
          Node(id: 0, op: .input, inputs: [], name: "x", location: .init(line: 1, column: 1)),
          Node(id: 1, op: op, inputs: [0], name: "y", location: .init(line: 1, column: 1)),
        ], output: 1, outputName: "y", inputs: [0])
      let composite = try Evaluator.evaluate(graph, inputs: ["x": x]).get()
      let expanded = try Evaluator.evaluate(graph.expandingComposites(), inputs: ["x": x]).get()
      let out = expanded.graph.output
      #expect(abs(expanded.value(out) - composite.value(1)) < 1e-12, "\(op) at \(x)")
      let input = try #require(expanded.graph.inputs.first)
      #expect(abs(expanded.gradient(input) - composite.gradient(0)) < 1e-12, "\(op)' at \(x)")
      #expect(expanded.graph.nodes.allSatisfy { !$0.op.isComposite })
    }
  }

  @Test("softplus is ln(1 + eˣ) without overflow, and its local gradient is σ(x)")
  func softplus() {
    for x in [-30.0, -2, 0, 1, 3, 30] {
      let y = Op.softplus.forward([x], parameter: 0)
      #expect(abs(y - log(1 + exp(x))) <= 1e-12 * max(1, y), "softplus(\(x))")
      let local = Op.softplus.localGradients([x], output: y, parameter: 0)[0]
      #expect(abs(local - 1 / (1 + exp(-x))) < 1e-15)
    }
    #expect(Op.softplus.forward([1000], parameter: 0) == 1000)
    #expect(Op.softplus.forward([-1000], parameter: 0) == 0)
    #expect(
      Op.softplus.symbolicLocalGradients(parameter: 0)[0].preferred
        == .call(.sigmoid, [.operand(0)]))
  }

  @Test("tan and its local gradient 1 + y²")
  func tan() {
    let y = Op.tan.forward([0.5], parameter: 0)
    #expect(y == _tan(0.5))
    #expect(Op.tan.localGradients([0.5], output: y, parameter: 0) == [1 + y * y])
    #expect(
      Op.tan.symbolicLocalGradients(parameter: 0)[0].inResult == .sum(1, .power(.result, 2)))
  }

  @Test("lessons call functions by the descriptors' names; formulas spell them from there")
  func namesAndSpellings() {
    #expect(Op.called("softplus") == .softplus)
    #expect(Op.called("tan") == .tan)
    #expect(Op.called("add") == nil)
    // repeat(x, n) is named apart: its count is the node's parameter.
    #expect(Op.functionNames.count == Op.allCases.count { $0.descriptor.call != nil } + 1)
    let x = Formula.symbol("x")
    #expect(Formula.call(.softplus, [x]).latex() == #"\operatorname{softplus}\left(x\right)"#)
    #expect(Formula.call(.tan, [x]).latex() == #"\tan\left(x\right)"#)
    #expect(Formula.call(.softplus, [x]).unicode() == "softplus(x)")
    #expect(Formula.call(.sigmoid, [x]).unicode() == "σ(x)")
  }

  @Test("every op with inputs has a rule per input and a label in every style")
  func complete() {
    for op in Op.allCases {
      let d = op.descriptor
      #expect(d.rules(2).count == d.arity, "\(op)")
      let symbol = d.symbol("2")
      #expect(op.isLeaf || (!symbol.textbook.isEmpty && !symbol.gate.isEmpty), "\(op)")
    }
  }
  @Test("every op is named in words in English and in Korean")
  func names() {
    for op in Op.allCases {
      let names = op.descriptor.names
      #expect(!names.english.isEmpty && !names.korean.isEmpty, "\(op)")
      #expect(names.english.allSatisfy { $0.isASCII }, "\(op): \(names.english)")
    }
    #expect(Op.allCases.filter { $0.descriptor.names.korean.contains { !$0.isASCII } }.count >= 20)
    #expect(Op.tanh.descriptor.names.korean == "쌍곡탄젠트")
  }
}

private func _tan(_ x: Double) -> Double { Math.tan(x) }
