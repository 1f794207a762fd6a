public import GraphEngine

/// A Softmax-with-Loss layer of a lesson of vectors drawn out class by class, as DLFS draws
/// it in Appendix A: for scores a₁…a_C and labels t₁…t_C (C ≤ 3),
///
///     eₖ = exp(aₖ),  S = e₁ + … + e_C,  yₖ = eₖ · (1/S),
///     L = −(t₁ log y₁ + … + t_C log y_C),
///
/// a lesson of numbers whose graph has exp, +, /, ×, log and ×(−1) nodes. Its backward pass
/// brings each aₖ the gradient yₖ − tₖ (times the layer's upstream gradient), which the
/// layer sends back at once; the numbers come from the scalar engine, independently of the
/// layer's own rule.
public struct SoftmaxClasses: Sendable {
  /// The lesson of numbers, compiled.
  public let compiled: CompiledLesson
  /// How many classes: 2 or 3.
  public let classes: Int
  /// The node of the lesson's graph drawn out.
  public let node: Node.ID

  /// The most classes drawn out (DLFS draws three).
  public static let largest = 3

  /// The first Softmax-with-Loss node whose scores are a vector (or one row) of 2 or 3
  /// classes; nil when there is none.
  public init?(_ shaped: CompiledTensorLesson) {
    let graph = shaped.graph
    let evaluation = shaped.evaluation
    guard
      let node = graph.nodes.first(where: { node in
        guard node.op == .softmaxWithLoss else { return false }
        let shape = evaluation.values[node.inputs[0]].shape
        let rows = shape.rank == 2 ? shape.dimensions[0] : 1
        let classes = shape.dimensions.last ?? 0
        return rows == 1 && (2...Self.largest).contains(classes)
      })
    else { return nil }
    let a = evaluation.values[node.inputs[0]].elements
    let t = evaluation.values[node.inputs[1]].elements
    let upstream = evaluation.gradients[node.id].elements.first ?? 1
    let range = 1...a.count
    var lines = range.map { "  e\($0) = exp(a\($0))" }
    lines.append("  S = " + range.map { "e\($0)" }.joined(separator: " + "))
    lines.append("  r = 1 / S")
    lines += range.map { "  y\($0) = e\($0) * r" }
    lines.append("  L = -(" + range.map { "t\($0) * log(y\($0))" }.joined(separator: " + ") + ")")
    var text = "title: Softmax-with-Loss class by class\nfunction: |\n"
    text += lines.joined(separator: "\n") + "\ninputs:\n"
    // Swift writes a double's shortest decimal that reads back as the same double.
    for k in range { text += "  a\(k): \(a[k - 1])\n" }
    for k in range { text += "  t\(k): \(t[k - 1])\n" }
    if upstream != 1 { text += "upstream: \(upstream)\n" }
    guard
      let draft = try? LessonLoader.read(
        text: text, path: shaped.lesson.path, id: shaped.lesson.id),
      let compiled = try? CompiledLesson.compile(draft: draft, overrides: [:])
    else { return nil }
    self.compiled = compiled
    self.classes = a.count
    self.node = node.id
  }

  /// The gradient the drawn-out graph brings to aₖ (1-based), from the scalar engine.
  public func scoreGradient(_ k: Int) -> Double {
    let id = compiled.graph.inputs.first { compiled.graph[$0].name == "a\(k)" } ?? 0
    return compiled.evaluation.gradient(id)
  }

  /// yₖ (1-based), the softmax's output, from the scalar engine.
  public func probability(_ k: Int) -> Double {
    let id = compiled.graph.nodes.first { $0.name == "y\(k)" }?.id ?? 0
    return compiled.evaluation.value(id)
  }
}
