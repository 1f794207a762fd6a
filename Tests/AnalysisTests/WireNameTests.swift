import Analysis
import FormulaWriting
import GraphEngine
import LessonKit
import Testing

/// An unnamed wire of a lesson of vectors and matrices is named by its expression when that
/// is short (issue 24: `1 − p`, `sum(W ⊙ W)`), as the scalar lessons name theirs.
@Suite("Wire names")
struct WireNameTests {
  @Test("an unnamed wire is named by its expression: constants and unnamed operands included")
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
    let names = graph.nodes.compactMap { node -> String? in
      guard node.name == nil, node.op != .constant else { return nil }
      return graph.operandFormula(node.id, shapes: shapes)?.unicode()
    }
    #expect(names.contains("sum(M ⊙ M)"))
    #expect(names.contains("1 − X"))
    #expect(names.contains("exp(X/10)"))
    // Past three ops deep (or 14 characters, the writers' rule) no name is made.
    #expect(!names.contains { $0.hasPrefix("sum(exp(") })
  }
}
