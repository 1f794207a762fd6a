import Analysis
import FormulaWriting
import GraphEngine
import LessonKit
import Testing

/// An unnamed wire of a lesson of vectors and matrices is named by its expression when that
/// is short (issue 24: `1 − p`, `sum(W ⊙ W)`), as the scalar lessons name theirs.
@Suite("Wire names")
struct WireNameTests {
  @Test("an unnamed wire is named by its expression when short, else by a short name (u₁)")
  func names() throws {
    let lesson = """
      title: Wires
      function: |
        M = mean(X, axis=-1)
        L = sum(M * M) + sum(1 - X) + sum(exp(exp(exp(exp(X / 10) - 2) - 2) - 2))
      inputs:
        X: [[1, 2, 4], [3, 4, 7]]

      """
    let compiled = try #require(
      try CompiledTensorLesson.compile(bytes: Array(lesson.utf8), path: "w.yaml", id: "w"))
    let graph = compiled.graph
    let shapes = compiled.evaluation.values.map(\.shape)
    let wires = graph.wireNames(shapes: shapes)
    let names = graph.nodes.compactMap { node -> String? in
      guard node.name == nil, node.op != .constant else { return nil }
      return wires.names[node.id].unicode()
    }
    #expect(names.contains("sum(M ⊙ M)"))
    #expect(names.contains("1 − X"))
    #expect(names.contains("exp(X/10)"))
    // Past 14 characters a wire gets a short name, defined with its operands' names: the
    // next wire is written with it (exp(u₂ − 2)), and so on.
    #expect(names.contains("u₁"))
    let definitions = wires.shortNames.map { "\($0.name) = \($0.definition.unicode())" }
    #expect(
      definitions == [
        "u1 = sum(M ⊙ M) + sum(1 − X)", "u2 = exp(exp(X/10) − 2)", "u3 = exp(u₂ − 2) − 2",
      ])
    #expect(names.suffix(3) == ["u₃", "exp(u₃)", "sum(exp(u₃))"])
    #expect(!names.contains { $0.count > Graph.wireNameLength })
    // Short names skip a name the lesson uses, and every wire is named.
    let lesson2 = """
      title: Wires
      function: |
        u1 = exp(exp(exp(X / 10) - 2) - 2)
        L = sum(exp(exp(exp(u1 / 10) - 2) - 2))
      inputs:
        X: [1, 2]

      """
    let other = try #require(
      try CompiledTensorLesson.compile(bytes: Array(lesson2.utf8), path: "w.yaml", id: "w"))
    let wires2 = other.graph.wireNames(shapes: other.evaluation.values.map(\.shape))
    #expect(!wires2.shortNames.contains { $0.name == "u1" })
    #expect(wires2.shortNames.contains { $0.name == "u2" })
  }
}

@Suite("Wire names of the expanded graph")
struct ExpandedWireNameTests {
  @Test("the layers drawn apart keep the lesson's short names; new wires go on from its last")
  func reused() throws {
    let lesson = """
      title: Wires
      function: |
        H = relu(inputs @ weights + bias)
        L = sum(H * H)
      inputs:
        inputs: [[1, 2], [3, 4], [5, 6]]
        weights: [[1, 0, 2], [0, 1, 1]]
        bias: [0.1, 0.2, 0.3]

      """
    let compiled = try #require(
      try CompiledTensorLesson.compile(bytes: Array(lesson.utf8), path: "w.yaml", id: "w"))
    let own = compiled.graph.wireNames(shapes: compiled.evaluation.values.map(\.shape))
    let expanded = try #require(TensorExpansion.expanded(compiled))
    let plain = expanded.graph.wireNames(shapes: expanded.values.map(\.shape))
    let kept = expanded.graph.wireNames(
      shapes: expanded.values.map(\.shape), reusing: own)
    func definitions(_ w: WireNames) -> [String] {
      w.shortNames.map { "\($0.name) = \($0.definition.unicode())" }
    }
    #expect(definitions(own) == ["u1 = inputs·weights + bias"], "\(definitions(own))")
    // Numbered afresh, the repeated bias took u₁ and the sum u₂.
    #expect(
      definitions(plain) == ["u1 = repeat(bias, 3)", "u2 = inputs·weights + u₁"],
      "\(definitions(plain))")
    // Reusing: the sum is u₁ as in the text and the first figure (the repeated bias is the
    // bias in the lesson's terms); the repeated bias goes on from the lesson's last, u₂.
    #expect(
      definitions(kept) == ["u2 = repeat(bias, 3)", "u1 = inputs·weights + u₂"],
      "\(definitions(kept))")
  }
}
