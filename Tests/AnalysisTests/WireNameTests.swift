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
